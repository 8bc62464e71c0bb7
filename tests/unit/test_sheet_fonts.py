"""The PDF's fonts: a sheet whose text has only common characters is laid out and embedded from the common
faces (maturity/fonts/common/, the whole faces cut down); the PDF is byte for byte the one the whole faces
give, and a character only the whole face draws (a Greek name, a note in Cyrillic) is never lost."""

from __future__ import annotations

import io
import re
from datetime import date

import pypdf
import pytest

import maturity.sheet.pdf as sheet_pdf
from maturity.questionnaire import load_questionnaire
from maturity.sheet import build
from maturity.sheet.fonts import COMMON_DIR, COMMON_RANGES, FILES, FONTS_DIR, parsed_face

from .sheet_helpers import answers_at_rank

DAY = date(2026, 12, 1)
DEFAULT = load_questionnaire()


def _fonts(data: bytes) -> dict[str, tuple[bytes, object, bytes]]:
    """Each embedded font: its program, its widths and its ToUnicode map."""
    out = {}
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            cid = font["/DescendantFonts"][0].get_object()
            program = cid["/FontDescriptor"].get_object()["/FontFile2"].get_object().get_data()
            out[font["/BaseFont"]] = (program, cid.get("/W"), font["/ToUnicode"].get_object().get_data())
    return out


def _undated(data: bytes) -> bytes:
    """The PDF without its creation date and the file identifier made from it."""
    data = re.sub(rb"/CreationDate \(D:[^)]*\)", b"", data)
    return re.sub(rb"/ID \[<[0-9A-F]*><[0-9A-F]*>\]", b"", data)


def _text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _faces_written(monkeypatch) -> list[str]:
    """The font files the next documents are subset from (a spy on ``_font_to_subset``)."""
    used: list[str] = []
    real = sheet_pdf._font_to_subset

    def spy(font):
        used.append(str(font.ttffile))
        return real(font)

    monkeypatch.setattr(sheet_pdf, "_font_to_subset", spy)
    return used


@pytest.mark.parametrize(("name", "lang", "common"), [
    ("Fontaine-l'Évêque", "fr", True),
    ("Bütgenbach", "de", True),
    ("Şile ‰ → ≤ €", "en", True),
    ("Ελληνικά", "fr", False),  # Greek: outside the common characters, the whole faces
    ("Мирный", "de", False),  # Cyrillic, the same
    ("Ville 中文", "fr", True),  # characters neither face draws: dropped, as from the whole faces
])
def test_pdf_from_common_faces_is_the_whole_faces_pdf(monkeypatch, name, lang, common):
    doc = answers_at_rank(DEFAULT, 1, name=name, nis=None)
    used = _faces_written(monkeypatch)
    pdf = build(DEFAULT, doc, lang, "pdf", generated=DAY)
    folder = COMMON_DIR if common else FONTS_DIR
    assert sorted(used) == sorted(str(folder / f) for f in FILES.values())
    # the same sheet with the common faces never tried: every text needs the whole faces
    monkeypatch.setattr(sheet_pdf, "_common_charsets", lambda: {s: frozenset() for s in FILES})
    used.clear()
    whole = build(DEFAULT, doc, lang, "pdf", generated=DAY)
    assert sorted(used) == sorted(str(FONTS_DIR / f) for f in FILES.values())
    assert len(_fonts(pdf)) == 3 and _fonts(pdf) == _fonts(whole)
    assert _undated(pdf) == _undated(whole)
    assert name.split()[0] in _text(pdf)


def test_a_foreign_note_keeps_its_glyphs(monkeypatch):
    """A note (the commune's own text, on a later page) with Greek and Cyrillic letters: the sheet falls
    back to the whole faces after its first pages were laid out with the common ones."""
    doc = answers_at_rank(DEFAULT, 1, name="Fontaine-l'Évêque")
    question = next(iter(DEFAULT.question_index))
    doc.notes[question] = "Partenariat avec Θεσσαλονίκη et Київ (≥ 3 ans)."
    used = _faces_written(monkeypatch)
    text = _text(build(DEFAULT, doc, "fr", "pdf", generated=DAY))
    assert "Θεσσαλονίκη" in text and "Київ" in text
    assert all(path.startswith(str(FONTS_DIR / "DejaVu")) for path in used)


def test_a_text_past_the_character_filter_still_gets_its_glyph(monkeypatch):
    """Any text that reaches fpdf2 without the sheet's character filter: a glyph the common face lacked
    (fpdf2's missing glyphs) has the sheet laid out again from the whole faces."""
    monkeypatch.setattr(sheet_pdf, "drawable", lambda text, style="": text)
    doc = answers_at_rank(DEFAULT, 1, name="Fontaine-l'Évêque")
    doc.notes[next(iter(DEFAULT.question_index))] = "Jumelage avec Ελληνικά."  # not on the radar
    used = _faces_written(monkeypatch)
    assert "Ελληνικά" in _text(build(DEFAULT, doc, "fr", "pdf", generated=DAY))
    assert str(FONTS_DIR / FILES[""]) in used


@pytest.mark.parametrize("style", list(FILES))
def test_common_faces_are_the_whole_faces_cut_down(style):
    """The shipped common faces (scripts/make-common-fonts.py) draw every common character the whole face
    draws, with the same glyph, width, kerning and font descriptor."""
    whole, common = parsed_face(style), parsed_face(style, common=True)
    assert common.cmap == {cp: glyph for cp, glyph in whole.cmap.items()
                           if any(lo <= cp <= hi for lo, hi in COMMON_RANGES)}
    assert all(common.cw[cp] == whole.cw[cp] for cp in common.cmap)
    assert common.cw[0x4E2D] == whole.cw[0x4E2D]  # the width of a character the face lacks
    assert vars(common.desc) == vars(whole.desc)
    assert (common.name, common.up, common.ut, common.sp, common.ss, common.scale) == \
        (whole.name, whole.up, whole.ut, whole.sp, whole.ss, whole.scale)
    names = set(common.cmap.values())
    kern = {pair: v for table in whole.ttfont["kern"].kernTables for pair, v in table.kernTable.items()
            if pair[0] in names and pair[1] in names}
    assert kern == {pair: v for table in common.ttfont["kern"].kernTables for pair, v in table.kernTable.items()}
    glyphs, whole_glyphs = common.ttfont.getGlyphSet(), whole.ttfont.getGlyphSet()
    for glyph in sorted(names)[::25]:
        assert glyphs[glyph].width == whole_glyphs[glyph].width
        assert common.ttfont["glyf"][glyph].getCoordinates(common.ttfont["glyf"])[0] == \
            whole.ttfont["glyf"][glyph].getCoordinates(whole.ttfont["glyf"])[0]


def test_a_french_ordinal_is_written_raised_in_every_form_of_the_sheet_from_the_common_faces(monkeypatch):
    """Ciney's sheet wrote « c'est le 3e frein le plus cité » (team trial): French raises an ordinal's letters,
    « 3ᵉ », « 1ᵉʳ » (maturity.typography.french_ordinal, the one place). The PDF still comes from the common
    faces, which have those two letters."""
    from pathlib import Path

    from maturity.answers import read_answers_file
    from maturity.benchmarks import ordinal

    assert [ordinal(k, "fr") for k in (1, 2, 3)] == ["1ᵉʳ", "2ᵉ", "3ᵉ"]
    assert [ordinal(k, "de") for k in (1, 3)] == ["1.", "3."] and ordinal(3, "en") == "3rd"
    doc = read_answers_file(Path(__file__).resolve().parents[1] / "data" / "answers" / "gedinne-2026.1.json")
    used = _faces_written(monkeypatch)
    pdf = _text(build(DEFAULT, doc, "fr", "pdf", generated=DAY))
    assert sorted(used) == sorted(str(COMMON_DIR / f) for f in FILES.values())
    md = build(DEFAULT, doc, "fr", "md").decode("utf-8")
    from .test_typography import _docx_text

    docx = _docx_text(build(DEFAULT, doc, "fr", "docx"))
    for name, text in (("pdf", pdf), ("md", md), ("docx", docx)):
        assert "3ᵉ frein le plus cité" in text, name
        assert not re.search(r"\b\d+(e|er|ème)\b", text), (name, re.findall(r".{20}\b\d+(?:e|er|ème)\b.{20}", text))
