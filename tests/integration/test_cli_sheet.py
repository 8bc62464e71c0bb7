"""`maturity sheet` from the command line (contract §6): writes pdf/md/csv; bad input writes nothing."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from maturity.cli import main
from tests.unit.sheet_helpers import SHEET_Q, answers_at_rank, questionnaire

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture
def answers(tmp_path):
    q = questionnaire()
    doc = answers_at_rank(q, 1, name="Fontaine-l'Évêque", nis="56086", obstacle_budget="major")
    path = tmp_path / "answers.json"
    path.write_text(doc.to_json(), encoding="utf-8")
    return path


def test_sheet_pdf_from_the_command_line(tmp_path, answers, capsys):
    out = tmp_path / "fiche.pdf"
    assert main(["sheet", str(answers), "--out", str(out), "--questionnaire", str(SHEET_Q)]) == 0
    reader = pypdf.PdfReader(io.BytesIO(out.read_bytes()))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Fontaine-l'Évêque" in text
    assert 2 <= len(reader.pages) <= 3


@pytest.mark.parametrize(("fmt", "lang", "needle"), [("md", "de", "Empfehlungsblatt"), ("csv", "en", "Strategic objective")])
def test_sheet_md_and_csv(tmp_path, answers, fmt, lang, needle):
    out = tmp_path / f"sheet.{fmt}"
    assert main(["sheet", str(answers), "--out", str(out), "--lang", lang, "--format", fmt,
                 "--questionnaire", str(SHEET_Q)]) == 0
    assert needle in out.read_bytes().decode("utf-8-sig")


def test_invalid_answers_exit_1_and_write_nothing(tmp_path, capsys):
    q = questionnaire()
    doc = answers_at_rank(q, 1)
    data = json.loads(doc.to_json())
    data["answers"]["economy_q1"] = "maybe"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    out = tmp_path / "fiche.pdf"
    assert main(["sheet", str(bad), "--out", str(out), "--questionnaire", str(SHEET_Q)]) == 1
    assert "answers.economy_q1" in capsys.readouterr().err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["bad.json"]  # no temporary file left behind


def test_python_dash_m_writes_markdown(tmp_path, answers):
    out = tmp_path / "fiche.md"
    proc = subprocess.run([sys.executable, "-m", "maturity", "sheet", str(answers), "--out", str(out),
                           "--questionnaire", str(SHEET_Q)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert out.read_text(encoding="utf-8").count("Fontaine") >= 1


def test_a_wrong_nis_code_does_not_hide_the_other_problems(tmp_path, capsys):
    q = questionnaire()
    doc = json.loads(answers_at_rank(q, 1, name="X", nis="56086").to_json())
    doc["commune"]["nis_code"] = "99999"
    first = next(iter(doc["answers"]))
    doc["answers"][first] = "not-an-option"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    out = tmp_path / "fiche.pdf"
    assert main(["sheet", str(bad), "--out", str(out), "--questionnaire", str(SHEET_Q)]) == 1
    err = capsys.readouterr().err
    assert "commune.nis_code" in err and f"answers.{first}" in err
    assert not out.exists()


def test_format_and_suffix_agree_or_the_suffix_decides(tmp_path, answers, capsys):
    assert main(["sheet", str(answers), "--out", str(tmp_path / "x.pdf"), "--format", "md",
                 "--questionnaire", str(SHEET_Q)]) == 1
    assert "--format md" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
    assert main(["sheet", str(answers), "--out", str(tmp_path / "x.md"), "--questionnaire", str(SHEET_Q)]) == 0
    assert "\n# Fontaine" in (tmp_path / "x.md").read_text(encoding="utf-8")
    assert main(["sheet", str(answers), "--out", str(tmp_path / "x.csv"), "--questionnaire", str(SHEET_Q)]) == 0
    assert not (tmp_path / "x.csv").read_bytes().startswith(b"%PDF")


def test_output_files_get_the_usual_permissions(tmp_path, answers):
    import os

    old = os.umask(0o022)
    try:
        out = tmp_path / "fiche.md"
        assert main(["sheet", str(answers), "--out", str(out), "--questionnaire", str(SHEET_Q)]) == 0
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o644


def test_several_answers_files_into_a_folder(tmp_path, capsys):
    q = questionnaire()
    names = []
    for nis, name in (("56086", "Fontaine-l'Évêque"), ("92094", "Namur"), ("63023", "Eupen")):
        path = tmp_path / f"{nis}.json"
        path.write_text(answers_at_rank(q, 1, name=name, nis=nis).to_json(), encoding="utf-8")
        names.append(str(path))
    folder = tmp_path / "sheets"
    folder.mkdir()
    assert main(["sheet", *names, "--out", str(folder), "--format", "md", "--questionnaire", str(SHEET_Q)]) == 0
    written = sorted(p.name for p in folder.iterdir())
    assert written == ["56086.md", "63023.md", "92094.md"]
    assert "Namur" in (folder / "92094.md").read_text(encoding="utf-8")
    # several files need a folder; one bad file: nothing written
    assert main(["sheet", *names, "--out", str(tmp_path / "one.pdf"), "--questionnaire", str(SHEET_Q)]) == 1
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    assert main(["sheet", *names, str(tmp_path / "broken.json"), "--out", str(other),
                 "--questionnaire", str(SHEET_Q)]) == 1
    assert list(other.iterdir()) == []
    assert "broken.json" in capsys.readouterr().err
