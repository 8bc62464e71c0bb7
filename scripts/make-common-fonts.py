"""Make the common faces (maturity/fonts/common/) from the whole DejaVu faces (maturity/fonts/).

Each face is cut down to the glyphs of ``maturity.sheet.fonts.COMMON_RANGES`` with fontTools, keeping
what fpdf2 reads and embeds: glyph names, hinting, every name record, the head table's bounding box
(the PDF's FontBBox), the kerning pairs (the radar's text). The tables neither reads (GSUB, GPOS, ...)
are dropped.
A sheet embeds the same font program from either face (tests/unit/test_sheet_fonts.py).

Run from the project's root after changing the whole faces or ``COMMON_RANGES``:
    python scripts/make-common-fonts.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset, ttLib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from maturity.sheet.fonts import COMMON_DIR, COMMON_RANGES, FILES, FONTS_DIR  # noqa: E402

# Tables neither the embedded subset nor the radar's text reads (the radar kerns with ``kern``).
NOT_EMBEDDED = ("FFTM", "GDEF", "GPOS", "GSUB", "MATH", "hdmx", "meta", "sbix", "CBDT", "CBLC", "EBDT", "EBLC",
                "EBSC", "SVG ", "CPAL", "COLR", "BASE", "JSTF", "DSIG", "PCLT", "LTSH")


def cut_down(path: Path, out: Path) -> int:
    """Write the common face of ``path`` into ``out``; its number of glyphs."""
    font = ttLib.TTFont(path, recalcTimestamp=False, recalcBBoxes=False, lazy=True)
    for tag in NOT_EMBEDDED:
        if tag in font:
            del font[tag]
    cmap = font.getBestCmap()
    options = subset.Options(notdef_outline=True, recommended_glyphs=True, glyph_names=True,
                             name_IDs=["*"], name_languages=["*"], name_legacy=True, hinting=True,
                             recalc_timestamp=False, recalc_bounds=False, prune_unicode_ranges=False,
                             legacy_kern=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[cp for lo, hi in COMMON_RANGES for cp in range(lo, hi + 1) if cp in cmap])
    subsetter.subset(font)
    font.save(out)
    return len(font.getGlyphOrder())


def main() -> int:
    COMMON_DIR.mkdir(exist_ok=True)
    for name in FILES.values():
        count = cut_down(FONTS_DIR / name, COMMON_DIR / name)
        print(f"{COMMON_DIR / name}: {count} glyphs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
