"""The recommendation sheet on hostile free text (commune name, respondent role, notes, text answers):
Markdown escaped, PDF drawn as text, CSV with formula injection neutralised, never a traceback."""

from __future__ import annotations

import copy
import csv
import io
import re
import unicodedata
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity import sheet
from maturity.answers import AnswersFile
from maturity.app import logic
from maturity.questionnaire import load_questionnaire, questionnaire_from_data
from maturity.scoring import score
from maturity.sheet.content import MAX_NAME, clean_text
from maturity.yamlio import load_yaml_file
from tests.hostile.payloads import PAYLOADS, hostile_text, markdown_unescape, unescaped_at

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
MINI_PATH = "tests/data/mini.yaml"
Q = load_questionnaire(MINI_PATH)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
ANSWERS = {"a1": "half", "a2": "yes", "a3": ["x"], "b1": "o1", "b2": "o2", "b_count": 12, "budget": "major",
           "approach": "started"}


def _doc(name: str, role: str, notes: dict[str, str], text_answer: str) -> AnswersFile:
    doc = AnswersFile.new(Q, None)
    doc.commune = {"name": name}
    doc.respondent = {"role": role}
    doc.answers = {**ANSWERS, "who": text_answer}
    doc.notes = notes
    return doc


notes_st = st.dictionaries(st.sampled_from(["a1", "a2", "b1", "budget", "who"]), hostile_text, max_size=3)


def check_markdown(md: str, name: str) -> None:
    # the only "<" are the questionnaire's own links, written <https://...>
    for m in re.finditer("<", md):
        assert md[m.start() - 2:m.start()] == "](" and md.startswith(("<https://", "<http://"), m.start()), \
            md[max(0, m.start() - 40):m.start() + 40]
    # the only links are the questionnaire's http(s) resources
    for m in re.finditer(r"\]\(", md):
        if unescaped_at(md, m.start()):
            assert md.startswith(("](<https://", "](<http://"), m.start()), md[m.start() - 40:m.start() + 40]
    assert not re.search(r"(?i)<\s*(script|img|iframe|a|style)\b", md)
    # the commune's name is shown, as text
    shown = clean_text(name, MAX_NAME, one_line=True)
    if shown:
        assert f"# {shown}" in markdown_unescape(md)


@settings(SETTINGS, max_examples=250)
@given(hostile_text, hostile_text, notes_st, hostile_text)
def test_markdown_sheet_shows_hostile_text_as_text(name, role, notes, text_answer):
    doc = _doc(name, role, notes, text_answer)
    md = sheet.build(Q, doc, "fr", "md").decode("utf-8")
    check_markdown(md, name)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_sheet_each_payload_in_every_field(payload):
    doc = _doc(payload, payload, {"a1": payload, "budget": payload}, payload)
    for lang in ("fr", "de", "en"):
        md = sheet.build(Q, doc, lang, "md").decode("utf-8")
        check_markdown(md, payload)
        visible = markdown_unescape(md)
        note = clean_text(payload, 400)
        if note:
            assert note.split("\n")[0] in visible


def _csv_cells(data: bytes, delimiter: str = ";") -> list[str]:
    text = data.decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) for cell in row]


def _hostile_questionnaire(payload: str):
    """The test questionnaire with every recommendation text, action and label set to ``payload``
    (the PST table shows the questionnaire's texts; a questionnaire file is input too)."""
    data, lines = load_yaml_file(MINI_PATH)
    data = copy.deepcopy(data)
    for rec in data["recommendations"]:
        rec["title"] = payload
        rec["text"] = payload
        rec["actions"] = [payload, "ok " + payload]
        rec["objective"] = payload
    for section in data["sections"]:
        section["label"] = payload
    return questionnaire_from_data(data, lines, "hostile.yaml")


@settings(SETTINGS, max_examples=250)
@given(hostile_text, hostile_text, notes_st, hostile_text)
def test_csv_sheet_never_starts_a_cell_like_a_formula(name, role, notes, text_answer):
    doc = _doc(name, role, notes, text_answer)
    for cell in _csv_cells(sheet.build(Q, doc, "fr", "csv")):
        assert not cell.startswith(FORMULA_START), cell


@pytest.mark.parametrize("payload", [p for p in PAYLOADS if p.strip()[:1] in "=+-@" or p[:1] in "\t\r"])
def test_csv_sheet_neutralises_formulas_from_the_questionnaire(payload):
    q = _hostile_questionnaire(payload.strip() or payload)
    doc = AnswersFile.new(q, "92094")
    doc.answers = {"a1": "none", "a2": "no", "b1": "o0", "budget": "major", "approach": "none"}
    cells = _csv_cells(sheet.build(q, doc, "fr", "csv"))
    assert any(cell == "'" + (payload.strip() or payload) for cell in cells)
    for cell in cells:
        assert not cell.startswith(FORMULA_START), cell


@settings(SETTINGS, max_examples=200)
@given(hostile_text, st.sampled_from(["fr", "de", "en"]))
def test_app_scores_csv_neutralises_a_hostile_commune_name(name, lang):
    data = logic.scores_csv(Q, score(Q, ANSWERS), lang, name)
    for cell in _csv_cells(data, ";" if lang in ("fr", "de") else ","):
        assert not cell.startswith(FORMULA_START), cell


# --- PDF: fewer examples, each takes about half a second ----------------------------------------------------


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    assert data.startswith(b"%PDF-")
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", "[clic](javascript:alert(1))", "<img src=x onerror=alert(1)>",
    "=HYPERLINK(\"https://evil.example\";\"clic\")", "**gras** `code`", "&lt;b&gt; & <b>",
])
def test_pdf_draws_markup_as_its_characters(payload):
    doc = _doc(payload, payload, {"a1": payload}, payload)
    text = _squash(_pdf_text(sheet.build(Q, doc, "fr", "pdf")))
    assert _squash(payload) in text  # shown as typed (name, note), not interpreted


@settings(SETTINGS, max_examples=12)
@given(hostile_text, hostile_text, notes_st, hostile_text)
def test_pdf_sheet_never_crashes_on_hostile_text(name, role, notes, text_answer):
    doc = _doc(name, role, notes, text_answer)
    text = _pdf_text(sheet.build(Q, doc, "en", "pdf"))
    shown = clean_text(name, MAX_NAME, one_line=True)
    # what the fonts can draw of the name is there (emoji and unassigned characters are dropped)
    from maturity.sheet.pdf import drawable

    visible = _squash(drawable(shown, "B"))
    if shown and visible and len(visible) < 40:
        page = _squash(text)
        # right-to-left letters are drawn unshaped, and a text extractor may give their runs back in
        # visual order: the left-to-right part must stand as typed, the right-to-left letters be there
        def rtl(c: str) -> bool:
            return unicodedata.bidirectional(c) in ("R", "AL", "AN")

        if any(map(rtl, visible)):
            assert not Counter(filter(rtl, visible)) - Counter(page)
            visible, page = ("".join(c for c in v if not rtl(c)) for v in (visible, page))
        assert visible in page or visible.replace("…", "") in page
