"""The bundled DejaVu fonts (Bitstream Vera licence, see ``maturity/fonts/LICENSE``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "DejaVu"
FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}


@cache
def charset() -> frozenset[int]:
    """Code points the regular face can draw (read once per process)."""
    from fontTools.ttLib import TTFont

    with TTFont(FONTS_DIR / FILES[""], lazy=True) as font:
        return frozenset(font.getBestCmap())
