"""The PDF's fonts are subset from the face cut down to the common characters (maturity.sheet.pdf): the
embedded fonts are the same as when subset from the whole face, and a rarer character still gets its glyph."""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest

import maturity.sheet.pdf as sheet_pdf
from maturity.questionnaire import load_questionnaire
from maturity.sheet import build

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


@pytest.mark.parametrize(("name", "lang", "common"), [
    ("Fontaine-l'Évêque", "fr", True),
    ("Bütgenbach", "de", True),
    ("Şile ‰ → ≤ €", "en", True),
    ("Ελληνικά", "fr", False),  # Greek: outside the common characters, the whole face is subset
])
def test_fonts_embedded_are_those_of_the_whole_face(monkeypatch, name, lang, common):
    doc = answers_at_rank(DEFAULT, 1, name=name, nis=None)
    names_used = []
    real = sheet_pdf._font_to_subset

    def spy(font):
        names_used.append(set(font.subset.get_all_glyph_names()))
        return real(font)

    monkeypatch.setattr(sheet_pdf, "_font_to_subset", spy)
    regular = sheet_pdf.parsed_face("")
    # as from a process's second document on (the first is subset from the whole face)
    monkeypatch.setattr(sheet_pdf, "_WRITTEN", {str(sheet_pdf.parsed_face(s).ttffile) for s in ("", "B", "I")})
    from_common = build(DEFAULT, doc, lang, "pdf", generated=DAY)
    _data, common_names = sheet_pdf._common_face(str(regular.ttffile))
    assert common_names.issuperset(names_used[0]) is common  # the regular face: the name is in it
    monkeypatch.setattr(sheet_pdf, "_common_face", lambda path: (b"", frozenset()))  # always the whole face
    from_whole = build(DEFAULT, doc, lang, "pdf", generated=DAY)
    fonts = _fonts(from_common)
    assert len(fonts) == 3 and fonts == _fonts(from_whole)
    text = pypdf.PdfReader(io.BytesIO(from_common)).pages[0].extract_text()
    assert name.split()[0] in text
