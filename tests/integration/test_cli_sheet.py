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
