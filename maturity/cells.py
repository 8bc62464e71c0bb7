"""A spreadsheet cell written from text a person typed (the PST table, the scores, the pool export): one rule.

A cell a spreadsheet would run (it starts with = + - @, a tab, a carriage return, or | and % which older
spreadsheets read as a link to another program) gets a leading apostrophe, so it shows as the text it is;
control characters and bidi overrides are left out first (:func:`maturity.typography.typed_text`: an
answers file's roadmap could carry « \\e[2J », which `maturity plan --format csv` printed to the terminal).
"""

from __future__ import annotations

from .typography import typed_text

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "|", "%")


def spreadsheet_text(value: str) -> str:
    """``value`` as a cell that shows as text and never runs."""
    formula = value.startswith(FORMULA_START)
    value = typed_text(value)  # a carriage return ends a line: "\rx" is "\nx", still marked as text
    return "'" + value if formula or value.startswith(FORMULA_START) else value
