"""The PDF sheet's speed-ups (issue 16) change no byte of it: a text's lines, once broken in a sheet's
layouts, are replayed for its next layouts (maturity.sheet.pdf._ReplayLineBreak) exactly as fpdf2 breaks
them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from fpdf.enums import XPos, YPos

import maturity.sheet.pdf as sheet_pdf
from maturity.questionnaire import load_questionnaire
from maturity.sheet import build_content

from .sheet_helpers import answers_at_rank, heavy_answers, questionnaire

DAY = date(2026, 12, 1)
DEFAULT = load_questionnaire()


def _bytes(pdf: sheet_pdf.SheetPDF) -> bytes:
    pdf.set_creation_date(datetime(2026, 12, 1, tzinfo=UTC))
    return bytes(pdf.output())


@pytest.mark.parametrize(("which", "lang"), [("rank1", "fr"), ("rank1", "de"), ("heavy", "de"), ("heavy", "en")])
def test_the_pdf_is_the_same_byte_for_byte_as_with_fpdf2_breaking_every_line(which, lang):
    q = DEFAULT if which == "rank1" else questionnaire()
    doc = answers_at_rank(q, 1) if which == "rank1" else heavy_answers(q)
    content = build_content(q, doc, lang, generated=DAY)
    replayed = sheet_pdf.layout_pdf(q, content)
    assert sheet_pdf._LINE_BREAKS.get() is None  # the recordings ended with the sheet
    computed = sheet_pdf._layout_pdf(q, content)  # outside a sheet's context: fpdf2 breaks every line
    assert replayed.page_no() == computed.page_no() <= sheet_pdf.MAX_PAGES
    assert _bytes(replayed) == _bytes(computed)


TEXTS = [
    "Une phrase assez longue pour tenir sur plusieurs lignes, avec des mots et des virgules, puis encore des mots.",
    "Mot\u00adcoupé\u00adpar\u00addes\u00adtraits\u00advirtuels " * 4,  # soft hyphens: the break may show a hyphen
    "Espaces\u00a0insécables\u00a0partout\u00a0dans\u00a0cette\u00a0phrase, et quelques espaces ordinaires aussi.",
    "Deux paragraphes.\nLe second, plus long, va à la ligne plusieurs fois quand la colonne est étroite.\n",
    "Unmotbeaucouptroplongpourtenirsurunelignemêmeentièredelacolonnequiestétroite et la suite.",
    "   des espaces au début et à la fin   ",
    "",
]


def _lines(pdf: sheet_pdf.SheetPDF, text: str, w: float, style: str) -> list:
    pdf.set_font(sheet_pdf.FAMILY, style, 9)
    lines = pdf.multi_cell(w, 4, text, dry_run=True, output="LINES")
    return lines


@pytest.mark.parametrize("w", [18.0, 45.0, 120.0])
@pytest.mark.parametrize("style", ["", "B"])
def test_replayed_lines_are_fpdf2s_lines(w, style):
    content = build_content(DEFAULT, answers_at_rank(DEFAULT, 1), "fr", generated=DAY)
    plain = sheet_pdf.SheetPDF(content)  # no sheet context: fpdf2's own breaking
    plain.add_page()
    expected = [_lines(plain, t, w, style) for t in TEXTS]
    token = sheet_pdf._LINE_BREAKS.set({})
    try:
        for _ in range(2):  # recorded, then replayed in another document of the same sheet
            pdf = sheet_pdf.SheetPDF(content)
            pdf.add_page()
            assert [_lines(pdf, t, w, style) for t in TEXTS] == expected
        assert sheet_pdf._LINE_BREAKS.get()  # something was recorded
    finally:
        sheet_pdf._LINE_BREAKS.reset(token)


def _written(pdf: sheet_pdf.SheetPDF, margin: float) -> bytes:
    pdf.add_page()
    pdf.set_font(sheet_pdf.FAMILY, "", 8)
    for t in TEXTS:
        pdf.set_left_margin(margin)
        pdf.set_x(90)  # write() breaks its first line from the current x, the next ones between the margins
        pdf.write(3.8, t * 3)  # several lines, whose breaks depend on the margin
        pdf.set_left_margin(sheet_pdf.MARGIN_X)
        pdf.ln()
        pdf.multi_cell(60, 3.8, t, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    return bytes(pdf.pages[1].contents)


def test_written_text_replays_only_at_the_widths_it_was_broken_at():
    content = build_content(DEFAULT, answers_at_rank(DEFAULT, 1), "fr", generated=DAY)
    margins = (sheet_pdf.MARGIN_X, sheet_pdf.MARGIN_X + 25)
    expected = {m: _written(sheet_pdf.SheetPDF(content), m) for m in margins}
    assert expected[margins[0]] != expected[margins[1]]
    token = sheet_pdf._LINE_BREAKS.set({})
    try:  # the same first line, then other widths: replayed as far as the widths agree, then broken anew
        for m in (*margins, margins[0]):
            assert _written(sheet_pdf.SheetPDF(content), m) == expected[m]
    finally:
        sheet_pdf._LINE_BREAKS.reset(token)


def test_only_the_questionnaires_texts_are_kept_beyond_a_sheet():
    q = questionnaire()
    doc = heavy_answers(q)  # a long commune name and 8 notes of the commune
    sheet_pdf._QUESTIONNAIRE_BREAKS.clear()
    pdf = sheet_pdf.layout_pdf(q, build_content(q, doc, "fr", generated=DAY))
    kept = [key[0] for key in sheet_pdf._QUESTIONNAIRE_BREAKS]
    assert pdf.content.priorities[0].title in kept  # a recommendation's title: the same for every commune
    assert not any("Wörterbuchgemeinde" in text or "remarque longue" in text for text in kept)
