"""The editable sheet (issue 11): ``maturity sheet … --format docx`` opens with python-docx, holds the
commune's name with its accents, real headings, tables and the radar as a picture, and LibreOffice
converts it to PDF without error (Debian's libreoffice-writer-nogui: skipped locally when missing,
REQUIRED in CI, like chromium for the browser tests)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import docx
import pypdf
import pytest

from maturity.cli import main
from maturity.questionnaire import load_questionnaire
from maturity.sheet import build, build_content
from tests.unit.sheet_helpers import answers_at_rank

IN_CI = os.environ.get("CI", "").lower() == "true"
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def q():
    return load_questionnaire()


def _texts(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(p.text for p in document.paragraphs).split() + cells)


@pytest.mark.parametrize(("name", "nis", "lang"), [("Écaussinnes", "55050", "fr"), ("Bütgenbach", "63013", "de"),
                                                   ("Fontaine-l'Évêque", "52022", "en")])
def test_the_docx_holds_name_headings_tables_and_radar(tmp_path, q, name, nis, lang):
    doc = answers_at_rank(q, 1, name=name, nis=nis, budget="major", approach="started")
    answers = tmp_path / "answers.json"
    answers.write_text(doc.to_json(), encoding="utf-8")
    out = tmp_path / "note-au-college.docx"
    assert main(["sheet", str(answers), "--out", str(out), "--lang", lang]) == 0  # the suffix picks docx
    document = docx.Document(io.BytesIO(out.read_bytes()))
    content = build_content(q, doc, lang)
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Title", "Heading"))]
    assert ("Title", name) in headings
    for title in (content.summary_title, content.profile_title, content.scores_title, content.next_steps_title,
                  content.comparisons_title, content.obstacles_title, content.priorities_title, content.sources_title):
        assert ("Heading 1", title) in headings, title
    assert [h for h in headings if h[0] == "Heading 2" and h[1].startswith("1. ")]  # each priority its heading
    # the scores table, row by row, and the obstacles table
    scores = next(t for t in document.tables if t.rows[0].cells[0].text == content.score_headers[0])
    assert [row.cells[0].text for row in scores.rows[1:]] == [r.label for r in content.scores]
    assert [cell.text for cell in scores.rows[0].cells] == content.score_headers
    assert any(t.rows[0].cells[0].text == content.obstacle_headers[0] for t in document.tables)
    # the radar: one picture, a PNG
    assert len(document.inline_shapes) == 1
    images = [part for part in document.part.package.parts if part.content_type == "image/png"]
    assert len(images) == 1 and images[0].blob.startswith(b"\x89PNG")
    text = _texts(document)
    for label, line in content.summary:
        assert label in text and line in text
    assert all(" ".join(step.text.split()) in text for step in content.next_steps)  # (no-break spaces read as spaces)
    assert all(" ".join(sentence.split()) in text for sentence, _ref in content.comparisons)  # with its source number
    assert all(f"[{ref}]" in sentence for sentence, ref in content.comparisons)
    assert document.core_properties.language == {"fr": "fr-BE", "de": "de-BE", "en": "en-GB"}[lang]


def test_the_docx_keeps_every_note_and_links(q):
    doc = answers_at_rank(q, 0, name="Érezée", nis=None)
    for qid in list(q.question_index)[:6]:
        doc.notes[qid] = f"Remarque sur {qid} : « à voir » & <b>pas du HTML</b>"
    document = docx.Document(io.BytesIO(build(q, doc, "fr", "docx")))
    text = _texts(document)
    assert all(f"Remarque sur {qid}" in text for qid in list(q.question_index)[:6])
    assert "<b>pas du HTML</b>" in text  # kept as text, escaped for XML by python-docx
    links = [rel.target_ref for rel in document.part.rels.values() if rel.reltype.endswith("/hyperlink")]
    content = build_content(q, doc, "fr")
    assert {r.url for p in content.priorities for r in p.resources} <= set(links)


def _through_libreoffice(source, tmp_path) -> pypdf.PdfReader:
    """The DOCX ``source`` converted to PDF by LibreOffice, as a commune opening it would see it (a fresh
    profile: no clash with another running instance); skipped without LibreOffice, except in CI."""
    if SOFFICE is None:
        message = "soffice is missing (apt-get install libreoffice-writer-nogui)"
        if IN_CI:
            pytest.fail(f"{message} (required in CI)")
        pytest.skip(message)
    profile = tmp_path / "profile"
    result = subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                             "--outdir", str(source.parent), str(source)], capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr
    pdf = source.with_suffix(".pdf")
    assert pdf.exists(), result.stdout + result.stderr
    return pypdf.PdfReader(io.BytesIO(pdf.read_bytes()))


def test_libreoffice_converts_the_docx_to_pdf(tmp_path, q):
    doc = answers_at_rank(q, 2, name="Écaussinnes", nis="55050", budget="major")
    source = tmp_path / "fiche.docx"
    source.write_bytes(build(q, doc, "fr", "docx"))
    reader = _through_libreoffice(source, tmp_path)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Écaussinnes" in text and build_content(q, doc, "fr").summary_title in text


def test_the_pst_page_keeps_an_owners_word_whole(tmp_path, q):
    """Eupen's "Für das PST" page, through LibreOffice: "Generaldirektori|n" broke in the 3.2 cm owner
    column while the deadline's (a year) and the budget's had room to spare (fresh-eyes trial)."""
    for lang, owner in (("de", "Generaldirektorin"), ("fr", "Informaticienne"), ("en", "Administrator")):
        doc = answers_at_rank(q, 2, name="Eupen", nis="63023")
        doc.extra["plan"] = [{"id": "a1", "action": "Die Teilnahme an der Einkaufszentrale von iMio prüfen.",
                              "owner": owner, "year": 2027, "budget": "104/123-01", "status": "started"}]
        source = tmp_path / f"blatt-{lang}.docx"
        source.write_bytes(build(q, doc, lang, "docx"))
        last = _through_libreoffice(source, tmp_path).pages[-1].extract_text()
        words = last.split()
        assert owner in words, (lang, last)
        for header in {"de": ("Verantwortlich", "Frist", "Budget", "Status"),
                       "fr": ("Responsable", "Échéance", "Budget", "Statut"),
                       "en": ("Owner", "Deadline", "Budget", "Status")}[lang]:
            assert header in words, (lang, header, last)


def test_the_targets_table_keeps_its_headings_whole(tmp_path, q):
    """The targets table's year column was 1.5 cm: through LibreOffice its heading « Échéance » broke into
    « Échéa | nce » (fresh-eyes trial 8, Vielsalm's sheet); the gap's column gives it room."""
    for lang, headings in (("fr", ("Échéance", "Écart")), ("de", ("Zieljahr", "Abstand")),
                           ("en", ("Target", "year", "Gap"))):
        doc = answers_at_rank(q, 1, name="Vielsalm", nis="82032")
        doc.extra["targets"] = {"economy": {"level": "development", "by": 2030},
                                "environment": {"level": "planning", "by": 2028}}
        source = tmp_path / f"fiche-{lang}.docx"
        source.write_bytes(build(q, doc, lang, "docx"))
        pages = _through_libreoffice(source, tmp_path).pages
        text = next(t for t in (page.extract_text() for page in pages) if headings[-1] in t.split())
        words = text.split()
        assert all(h in words for h in headings), (lang, text)
