"""The bundled DejaVu fonts (Bitstream Vera licence, see ``maturity/fonts/LICENSE``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVu"
FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}


@cache
def charset() -> frozenset[int]:
    """Code points the regular face can draw (read once per process)."""
    from fontTools.ttLib import TTFont

    with TTFont(FONTS_DIR / FILES[""], lazy=True) as font:
        return frozenset(font.getBestCmap())


@cache
def parsed_fonts() -> dict:
    """The DejaVu faces parsed by fpdf2 once per process, by fpdf2's font key (pristine: no glyph used yet,
    never written). Everything else that reads the faces (the characters they draw, the radar's glyph
    outlines and widths) reads them here: each file is parsed once."""
    from fpdf import FPDF

    template = FPDF()
    for style, name in FILES.items():
        template.add_font(FAMILY, style, str(FONTS_DIR / name))
    return dict(template.fonts)


def parsed_face(style: str) -> Any:
    """The parsed face of a style ("", "B" or "I"): fpdf2's ``TTFFont`` (its ``cmap``, ``ttfont``...)."""
    return parsed_fonts()[f"{FAMILY.lower()}{style}"]
