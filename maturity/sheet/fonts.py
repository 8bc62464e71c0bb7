"""The bundled DejaVu fonts (Bitstream Vera licence, see ``maturity/fonts/LICENSE``).

Two sets of the same three faces: the whole faces (``maturity/fonts/``, about 6,000 glyphs each) and the
common faces (``maturity/fonts/common/``, made by ``scripts/make-common-fonts.py``): the same faces cut
down to the glyphs of ``COMMON_RANGES``, every other table (metrics, names, hinting, glyph names) kept.
A sheet whose text has only common characters is laid out and embedded from the common faces (parsed
and subset in a fraction of the time); any other from the whole faces (``WHOLE_FACES``,
``NeedsWholeFaces``): no character the whole face draws is ever lost.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
COMMON_DIR = FONTS_DIR / "common"
FAMILY = "DejaVu"
FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}

# The characters of the common faces: Latin (French, German, English, Dutch names and more), the
# punctuation, currency, letterlike, arrows and mathematical operators. Every character of the
# questionnaires, the barometer data, the communes and the sheet's texts is among them, and the raised letters of
# a French ordinal (« 3ᵉ », « 1ᵉʳ »: ``maturity.typography.french_ordinal``).
COMMON_RANGES = ((0x20, 0x24F), (0x2B3, 0x2B3), (0x1D49, 0x1D49), (0x2000, 0x206F), (0x20A0, 0x20CF),
                 (0x2100, 0x214F), (0x2190, 0x22FF))

# Whether the sheet being laid out uses the whole faces (the default: anything not laid out by
# ``maturity.sheet.pdf.layout_pdf``, which tries the common faces first).
WHOLE_FACES: ContextVar[bool] = ContextVar("sheet_whole_faces", default=True)


class NeedsWholeFaces(Exception):
    """A text of the sheet has a character the whole face draws and the common face lacks: the sheet is
    laid out again from the whole faces."""


@cache
def charset(style: str = "") -> frozenset[int]:
    """Code points the whole face of a style can draw (its cmap alone read, once per process)."""
    from fontTools.ttLib import TTFont

    with TTFont(FONTS_DIR / FILES[style], lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def parsed_fonts(common: bool = False) -> dict:
    """The DejaVu faces (the common ones, else the whole ones) parsed by fpdf2 once per process, by
    fpdf2's font key (pristine: no glyph used yet, never written). Everything else that reads the faces
    (the characters they draw, the radar's glyph outlines and widths) reads them here."""
    from fpdf import FPDF

    folder = COMMON_DIR if common else FONTS_DIR
    template = FPDF()
    for style, name in FILES.items():
        template.add_font(FAMILY, style, str(folder / name))
    return dict(template.fonts)


def parsed_face(style: str, common: bool = False) -> Any:
    """The parsed face of a style ("", "B" or "I"): fpdf2's ``TTFFont`` (its ``cmap``, ``ttfont``...)."""
    return parsed_fonts(common)[f"{FAMILY.lower()}{style}"]


@cache
def common_charset(style: str = "") -> frozenset[int]:
    """Code points the common face of a style draws."""
    return frozenset(parsed_face(style, common=True).cmap)
