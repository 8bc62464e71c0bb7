"""The PDF sheet's speed-ups (issue 16) change no byte of it: a text's lines, once broken in a sheet's
layouts, are replayed for its next layouts (maturity.sheet.pdf._ReplayLineBreak) exactly as fpdf2 breaks
them."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from fpdf.enums import XPos, YPos
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

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


# --- the lines of a sheet's text broken in one loop (``_ReplayLineBreak._fast_line``) -----------------------

_PIECES = ["mot", "commune", "Unmotvraimenttroplongpourlacolonne", " ", " ", "  ", "\u00a0", "\u00ad", "\n",
           "\u000c", "\t", "\u200b", "\u2009", "-", "é", "—", "«", "»", "?", "W", "i", "1 000", "\u00a0?"]


def _breaks(breaker) -> list:
    """Every line a breaker gives, with its state after the line (or the exception it raised)."""
    out = []
    for _ in range(500):
        try:
            line = breaker.get_line()
        except Exception as exc:  # fpdf2 gives up on a character wider than the line
            out.append(("raised", type(exc).__name__, str(exc)))
            break
        state = (breaker.fragment_index, breaker.character_index, breaker.idx_last_forced_break,
                 breaker._is_first_line)
        if line is None:
            out.append((None, state))
            break
        out.append(([list(f.characters) for f in line.fragments], tuple(line)[1:], state))
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(_PIECES), max_size=40), width=st.floats(min_value=0.5, max_value=140),
       size=st.sampled_from([6.5, 8, 9, 12.5, 22]), style=st.sampled_from(["", "B", "I"]),
       align=st.sampled_from(["L", "J", "R", "C"]), print_sh=st.booleans(),
       margins=st.sampled_from([(0.0, 0.0), (1.0, 1.0), (1.0, 0.0)]))
@example(pieces=["commune", "\u00ad", " ", "commune", "commune"], width=25.0, size=9, style="", align="J",
         print_sh=False, margins=(1.0, 1.0))  # a soft hyphen and a space at the same width: the space wins
def test_fast_lines_are_fpdf2s_lines(pieces, width, size, style, align, print_sh, margins):
    """For any text of the sheet's characters (spaces of every kind, non-breaking spaces, soft hyphens,
    line and page feeds, words longer than the line) at any width, size, style and alignment: the same
    lines as fpdf2's own breaker, the same widths, spaces, heights, and the same state after each line."""
    from fpdf.enums import Align
    from fpdf.line_break import MultiLineBreak

    text = "".join(pieces)
    content = _content()
    pdf = sheet_pdf.SheetPDF(content)
    pdf.add_page()
    pdf.set_font(sheet_pdf.FAMILY, style, size)

    def fragments():
        frags = pdf._preload_font_styles(text, False)
        for f in frags:
            f._breaks = {}  # as in a sheet's layout: the fast breaker's case
        return frags

    frags = fragments()
    if len(frags) != 1:  # an empty text: no fragment, fpdf2's code
        return
    fast = sheet_pdf._ReplayLineBreak(frags, width, margins, align=Align.coerce(align), print_sh=print_sh)
    assert fast._plain is not None
    fast._source = None  # no recording or replay: the fast breaker alone
    expected = _breaks(MultiLineBreak(fragments(), width, margins, align=Align.coerce(align), print_sh=print_sh))
    assert _breaks(fast) == expected


_CONTENT = []


def _content():
    if not _CONTENT:
        _CONTENT.append(build_content(DEFAULT, answers_at_rank(DEFAULT, 1), "fr", generated=DAY))
    return _CONTENT[0]


# rank 0's sheet fits with its first last resort since the scores table's columns are as wide as their
# content (its level column gave the dimensions' names room): ranks whose first last resort still needs a 4th page
@pytest.mark.parametrize("rank", [1, 2, 3])
def test_a_last_resort_that_overflows_stops_at_its_extra_page_and_changes_nothing(monkeypatch, rank):
    """The last resorts but the last are dropped when they need a 4th page: laid out only up to it (German
    sheets: the longest texts, where the first last resort does not fit)."""
    q = DEFAULT
    content = build_content(q, answers_at_rank(q, rank, name="Fontaine-l'Évêque"), "de", generated=DAY)
    real, stopped = sheet_pdf._layout, []

    def layout(*args, **kwargs):
        try:
            return real(*args, **kwargs)
        except sheet_pdf._OverBudget:
            stopped.append(kwargs.get("budget"))
            raise

    monkeypatch.setattr(sheet_pdf, "_layout", layout)
    pdf = sheet_pdf.layout_pdf(q, content)
    assert stopped and set(stopped) == {sheet_pdf.MAX_PAGES}
    monkeypatch.setattr(sheet_pdf.SheetPDF, "add_page", sheet_pdf.FPDF.add_page)  # every try to its end
    whole = sheet_pdf.layout_pdf(q, content)
    assert pdf.page_no() == whole.page_no() <= sheet_pdf.MAX_PAGES
    assert _bytes(pdf) == _bytes(whole)


def test_the_documents_share_their_faces_widths_and_never_grow_them():
    """A document's font reads the widths of its parsed face (shared, never copied); a character the face
    lacks gets fpdf2's default width without being stored (a hostile text cannot grow them)."""
    from maturity.sheet import build
    from maturity.sheet.fonts import parsed_face

    face = parsed_face("", common=True)
    widths = sheet_pdf._widths(face)
    count = len(widths)
    assert dict(widths) == {cp: face.cw[cp] for cp in face.cmap}
    doc = answers_at_rank(DEFAULT, 1, name="Ville 中文 \U0001f600 ok")
    doc.notes[next(iter(DEFAULT.question_index))] = "".join(chr(c) for c in range(0x4E00, 0x4F00))
    build(DEFAULT, doc, "fr", "pdf", generated=DAY)
    assert len(widths) == count
    assert widths[0x4E2D] == widths.default == face.cw.default_factory()
    pdf = sheet_pdf.layout_pdf(DEFAULT, build_content(DEFAULT, answers_at_rank(DEFAULT, 1), "fr", generated=DAY))
    assert pdf.fonts["dejavu"].cw is widths


def _contents():
    """Sheets whose layouts end in different places: every rank, a long name, many notes, a half-answered
    questionnaire, and the heavy German sheet."""
    q = DEFAULT
    for rank, lang in [(0, "fr"), (1, "de"), (2, "en"), (3, "fr")]:
        yield q, build_content(q, answers_at_rank(q, rank, name="Fontaine-l'Évêque"), lang, generated=DAY)
    half = answers_at_rank(q, 1)
    for k, qid in enumerate(list(half.answers)):
        if k % 2:
            del half.answers[qid]
    yield q, build_content(q, half, "fr", generated=DAY)
    heavy = questionnaire()
    yield heavy, build_content(heavy, heavy_answers(heavy), "de", generated=DAY)
    yield from _campaign_contents()


def _campaign_contents():
    """Sheets with an imported campaign whose obstacles table has rows only the campaign quantifies (the PDF's rows
    since this session, said in one sentence before), fr/de/en, and a heavier one."""
    from maturity.app import logic

    from .test_sheet_campaign import NAMUR, campaign_of_every_obstacle

    ref = campaign_of_every_obstacle()
    cited = {qid: "major" for qid in ("staff_time", "citizen_adoption", "data", "coordination")}
    for rank, lang in [(1, "fr"), (1, "de"), (1, "en"), (3, "en")]:
        series, _note = logic.pooled_series(DEFAULT, [], NAMUR, lang, [ref])
        kwargs = logic.sheet_kwargs(DEFAULT, series, None, lang, [ref])
        doc = answers_at_rank(DEFAULT, rank, name="Namur", nis=NAMUR, **cited)
        yield DEFAULT, build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)


def test_each_configurations_predicted_end_is_where_its_layout_ends():
    """The sheet picks how much it shows from where each configuration's layout would end, predicted from
    measuring documents (which lay texts out without writing them) instead of laying each out: every
    prediction is the end of the real layout, to the hundredth of a micrometre; with an imported campaign too,
    the obstacles it alone quantifies as rows (each such sheet predicted for at least one configuration)."""
    checked = 0
    campaign_sheets = 0
    for q, content in _contents():
        campaign_rows = any(o.source_ref is None and o.campaign for o in content.obstacles)
        campaign_sheets += campaign_rows
        before = checked
        radar = sheet_pdf.radar_drawing(q, content)
        begun = sheet_pdf._begin(content, radar)
        predictor = sheet_pdf._Predictor(content, {}, begun.page_no(), begun.get_y())
        for config in [None, *sheet_pdf._tries(content)]:
            try:
                predicted = predictor.end(config)
            except sheet_pdf._Unsure:
                continue
            shown = content if config is None else content.with_limit(*config)
            real = sheet_pdf._layout(shown, radar)
            assert predicted[0] == real.page_no(), (content.lang, config)
            assert abs(predicted[1] - real.get_y()) < sheet_pdf.EPS, (content.lang, config)
            checked += 1
        assert checked > before or not campaign_rows, content.lang
        if campaign_rows:  # measured as rows: the obstacles end lower than with their sentence
            said = sheet_pdf._Predictor(content.without_campaign_rows(), {}, begun.page_no(), begun.get_y())
            said.end(None)
            assert said._after < predictor._after, content.lang
    assert checked >= 20 and campaign_sheets == 4
