"""`maturity sheet` from the command line (contract §6): writes pdf/md/csv; bad input writes nothing."""

import io
import json
import re
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
    doc = answers_at_rank(q, 1, name="Fontaine-l'Évêque", nis="52022", obstacle_budget="major")
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
    doc = json.loads(answers_at_rank(q, 1, name="X", nis="52022").to_json())
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
    for nis, name in (("52022", "Fontaine-l'Évêque"), ("92094", "Namur"), ("63023", "Eupen")):
        path = tmp_path / f"{nis}.json"
        path.write_text(answers_at_rank(q, 1, name=name, nis=nis).to_json(), encoding="utf-8")
        names.append(str(path))
    folder = tmp_path / "sheets"
    folder.mkdir()
    assert main(["sheet", *names, "--out", str(folder), "--format", "md", "--questionnaire", str(SHEET_Q)]) == 0
    written = sorted(p.name for p in folder.iterdir())
    assert written == ["52022.md", "63023.md", "92094.md"]
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


# --- --reference: a campaign's published aggregates on every sheet (contract §6, §7.3) ---------------------

# three communes of three provinces: Eupen (Liège, 10,000 to 19,999 inhabitants), Silly (Hainaut, 5,000 to
# 9,999) and Hélécine (Brabant wallon, under 5,000), whose province the campaign does not publish (4 answered)
CAMPAIGN_COMMUNES = {"63023": "Eupen", "51068": "Silly", "25118": "Hélécine"}


@pytest.fixture(scope="module")
def campaign_file(tmp_path_factory):
    """A campaign of 70 communes as `maturity campaign publish` writes it (the YAML an install imports)."""
    from datetime import date

    from maturity import publish
    from maturity.questionnaire import load_questionnaire
    from tests.unit.test_publish import _report

    q = load_questionnaire()
    out = tmp_path_factory.mktemp("published")
    report = _report(q, {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12})
    paths = publish.publish(report, out, questionnaire=q, publisher="SPW", url="https://example.org",
                            published_on=date(2026, 7, 15))
    return next(p for p in paths if p.suffix == ".yaml")


@pytest.fixture
def campaign_answers(tmp_path):
    from maturity.questionnaire import load_questionnaire

    q = load_questionnaire()
    paths = []
    for nis, name in CAMPAIGN_COMMUNES.items():
        path = tmp_path / f"{nis}.json"
        path.write_text(answers_at_rank(q, 1, name=name, nis=nis).to_json(), encoding="utf-8")
        paths.append(str(path))
    return paths


def _unescaped(markdown: str) -> str:
    return markdown.replace("\\", "")


def test_with_reference_each_sheet_compares_its_commune_with_wallonia_its_province_and_size(
        tmp_path, campaign_file, campaign_answers, capsys):
    """Without --reference a coordinator's sheets had the commune alone on the radar and no campaign figure;
    with it, each names the Walloon line, its own province's and its size class's with their n (where the
    campaign publishes them), and the campaign's figures in the obstacles table and the barometer sentences."""
    folder = tmp_path / "fiches"
    folder.mkdir()
    assert main(["sheet", *campaign_answers, "--out", str(folder), "--format", "md",
                 "--reference", str(campaign_file)]) == 0
    assert "référence\u00a0: Wallonie (campagne Baromètre 2026, n = 70 sur 261)" in capsys.readouterr().out
    sheets = {p.stem: _unescaped(p.read_text(encoding="utf-8")) for p in folder.iterdir()}
    assert sorted(sheets) == sorted(CAMPAIGN_COMMUNES)
    wallonia = "Wallonie (campagne Baromètre 2026, n = 70 sur 261)"
    for text in sheets.values():
        assert f"[1] {wallonia} — Campagne wallonne Smart City : Baromètre 2026, publié par SPW" in text
        # the campaign's figure after the barometer's, in the sentences, and its column in the obstacles table
        assert "Campagne 2026\u00a0: 48\u00a0% (38–59\u00a0%), n\u00a0=\u00a070 [1]." in text
        assert "| Frein | Votre commune | Communes répondantes qui le citent | Campagne 2026 |" in text
    eupen, silly, helecine = sheets["63023"], sheets["51068"], sheets["25118"]
    assert "[2] Province de Liège (campagne Baromètre 2026, n = 25 sur 84)" in eupen
    assert "[3] Communes de 10\u202f000 à 19\u202f999 habitants (campagne Baromètre 2026, n = 20 sur 74)" in eupen
    assert "[2] Province de Hainaut (campagne Baromètre 2026, n = 20 sur 69)" in silly
    assert "Communes de 5\u202f000 à 9\u202f999 habitants (campagne Baromètre 2026, n = " in silly
    assert "Province de Liège" not in silly and "Province de Hainaut" not in eupen
    # Brabant wallon: 4 communes answered, too few to publish; its size class is published
    assert "Province" not in helecine.split("## Sources des chiffres de comparaison")[1].split("\n- [2]")[0]
    assert "[2] Communes de moins de 5\u202f000 habitants (campagne Baromètre 2026, n = " in helecine
    # the scores table has the Walloon column, with the campaign's 95 % interval
    assert re.search(r"\| Dimension \| Score \| Wallonie \| Niveau \|", eupen)
    assert re.search(r"\| \d+ \(\d+–\d+\) \|", eupen)


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_with_reference_the_sheet_is_the_apps_download_once_the_campaign_is_imported(
        tmp_path, campaign_file, campaign_answers, lang):
    """The same comparison lines, sources and sentences, byte for byte, as the Recommandations page's download
    on an install that imported the campaign (maturity.app.logic: pooled_series, sheet_kwargs)."""
    from maturity import sheet
    from maturity.aggregates import read_aggregates
    from maturity.answers import read_answers_file
    from maturity.app import logic
    from maturity.questionnaire import load_questionnaire
    from maturity.scoring import score

    q = load_questionnaire()
    ref = read_aggregates(campaign_file.read_text(encoding="utf-8"), str(campaign_file))
    folder = tmp_path / "fiches"
    folder.mkdir()
    assert main(["sheet", *campaign_answers, "--out", str(folder), "--format", "md", "--lang", lang,
                 "--reference", str(campaign_file)]) == 0
    for answers in campaign_answers:
        doc = read_answers_file(answers)
        series, _note = logic.pooled_series(q, [], doc.nis_code, lang, [ref])
        kwargs = logic.sheet_kwargs(q, series, None, lang, [ref])
        app = sheet.build(q, doc, lang, "md", assessment=score(q, doc.answers), **kwargs)
        assert (folder / f"{Path(answers).stem}.md").read_bytes() == app


def test_with_reference_the_pdf_draws_the_lines_and_stays_on_three_pages(tmp_path, campaign_file, campaign_answers):
    folder = tmp_path / "fiches"
    folder.mkdir()
    assert main(["sheet", *campaign_answers, "--out", str(folder), "--reference", str(campaign_file)]) == 0
    for nis in CAMPAIGN_COMMUNES:
        reader = pypdf.PdfReader(io.BytesIO((folder / f"{nis}.pdf").read_bytes()))
        text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
        assert len(reader.pages) <= 3
        # the radar's legend is drawn as paths; its lines' names and n are in the sources
        assert "Wallonie (campagne Baromètre 2026, n = 70 sur 261)" in text
        assert "Campagne 2026" in text
    eupen = " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(folder / "63023.pdf").pages).split())
    assert "Province de Liège (campagne Baromètre 2026, n = 25 sur 84)" in eupen


def _foreign_files(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: campagne-x\nfigures: [\n", encoding="utf-8")
    answers = tmp_path / "answers-as-reference.json"
    answers.write_text(answers_at_rank(questionnaire(), 1).to_json(), encoding="utf-8")
    binary = tmp_path / "photo.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    return {
        "broken YAML": (broken, "broken.yaml:"),
        "an answers file": (answers, "answers-as-reference.json"),
        "a barometer, not a campaign": (ROOT / "data" / "benchmarks" / "barometre-wallon-2021.yaml", "pooled"),
        "not UTF-8": (binary, "not UTF-8"),
        "missing": (tmp_path / "nowhere.yaml", "file not found"),
        "a folder": (tmp_path, "cannot read the file"),
    }


@pytest.mark.parametrize("case", ["broken YAML", "an answers file", "a barometer, not a campaign", "not UTF-8",
                                  "missing", "a folder"])
def test_a_broken_or_foreign_reference_file_exits_1_naming_it_and_writes_nothing(
        tmp_path, campaign_answers, capsys, case):
    reference, words = _foreign_files(tmp_path)[case]
    folder = tmp_path / "fiches"
    folder.mkdir()
    assert main(["sheet", *campaign_answers, "--out", str(folder), "--reference", str(reference)]) == 1
    captured = capsys.readouterr()
    assert str(reference) in captured.err and words in captured.err
    assert "Traceback" not in captured.err and "internal error" not in captured.err
    assert "written" not in captured.out
    assert list(folder.iterdir()) == []


def test_a_bad_reference_and_a_bad_answers_file_are_both_reported(tmp_path, campaign_answers, capsys):
    """Every problem of every file, as for the answers alone: the reference's does not hide the answers'."""
    bad = tmp_path / "bad.json"
    data = json.loads(Path(campaign_answers[0]).read_text(encoding="utf-8"))
    data["answers"]["approach"] = "maybe"
    bad.write_text(json.dumps(data), encoding="utf-8")
    reference = ROOT / "data" / "benchmarks" / "barometre-wallon-2021.yaml"
    out = tmp_path / "fiche.pdf"
    assert main(["sheet", str(bad), "--out", str(out), "--reference", str(reference)]) == 1
    err = capsys.readouterr().err
    assert "barometre-wallon-2021.yaml" in err and "answers.approach" in err
    assert not out.exists()


@pytest.mark.parametrize(("lang", "reference", "written"), [
    ("fr", "référence\u00a0: Wallonie (campagne Baromètre 2026, n = 70 sur 261)", "écrit\u00a0: "),
    ("de", "Vergleichswert: Wallonie (Kampagne Baromètre 2026, n = 70 von 261)", "geschrieben: "),
    ("en", "reference: Wallonia (campaign Baromètre 2026, n = 70 of 261)", "written: "),
])
def test_the_commands_lines_speak_the_sheets_language(tmp_path, campaign_file, campaign_answers, capsys, lang,
                                                      reference, written):
    """« reference: » and « written: » were English around a French campaign's label and a French sheet."""
    out = tmp_path / "fiche.md"
    assert main(["sheet", campaign_answers[0], "--out", str(out), "--lang", lang, "--reference",
                 str(campaign_file)]) == 0
    assert capsys.readouterr().out.splitlines() == [reference, f"{written}{out}"]


def test_without_reference_the_command_loads_no_campaign_code(tmp_path):
    """The cold sheet (bench) pays nothing for the option it does not use, and its output is the sheet alone."""
    answers = ROOT / "tests" / "data" / "answers" / "urban-charleroi-2027.json"
    out = tmp_path / "fiche.md"
    code = ("import sys\nfrom maturity.cli import main\n"
            f"assert main(['sheet', {str(answers)!r}, '--out', {str(out)!r}]) == 0\n"
            "print(sorted(m for m in ('maturity.aggregates', 'maturity.sheet.references') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [f"écrit\u00a0: {out}", "[]"]
    text = _unescaped(out.read_text(encoding="utf-8"))
    from maturity.sheet.content import t

    # no campaign figure: only the note saying where a Walloon reference would come from names one
    note = " ".join(t("no_reference", "fr").split())
    assert note in " ".join(text.split())
    assert "campagne" not in " ".join(text.split()).replace(note, "") and "Campagne" not in text


def test_with_reference_the_command_line_loads_neither_streamlit_nor_the_app(tmp_path, campaign_file, campaign_answers):
    """The comparison lines come from the sheet's own module (maturity.sheet.references), which the app's
    download uses too: the command line never loads the app to make them."""
    out = tmp_path / "fiche.md"
    code = ("import sys\nfrom maturity.cli import main\n"
            f"assert main(['sheet', {campaign_answers[0]!r}, '--out', {str(out)!r}, "
            f"'--reference', {str(campaign_file)!r}]) == 0\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'streamlit' or m.startswith('maturity.app')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
    assert "Province de Liège (campagne Baromètre 2026" in out.read_text(encoding="utf-8")
