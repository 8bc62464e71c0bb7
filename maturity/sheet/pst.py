"""The PST actions table as CSV: one row per action, ready to paste into the commune's
Programme Stratégique Transversal.

Columns (localized headers), the structure of a PST: strategic objective (the dimension, with the
commune's target for it), operational objective (the recommendation), action, owner, deadline,
budget, status; then priority and resource. The roadmap's actions first (issue 14), then the actions
of the matching recommendations not in it yet, owner to status left to fill. UTF-8 with a BOM (Excel then reads the accents right), ``;`` as separator
(what Excel expects in Belgian and French locales), every field quoted when needed (csv module).
Every matching recommendation is listed, not only the sheet's first 8: the PST is the full plan.
A cell that a spreadsheet would read as a formula is prefixed with a single quote
(:mod:`maturity.cells`, the one rule for every CSV written from typed text).
"""

from __future__ import annotations

import csv
import io

from ..cells import spreadsheet_text
from .content import SheetContent

DELIMITER = ";"
def neutralise(value: str) -> str:
    """A cell a spreadsheet will show as text, never run as a formula (:func:`maturity.cells.spreadsheet_text`)."""
    return spreadsheet_text(value)


def rows(c: SheetContent) -> list[list[str]]:
    """The PST table, header first (built with the content: :func:`maturity.sheet.content._pst`)."""
    return [[neutralise(cell) for cell in row] for row in c.pst]


def csv_text(table: list[list[str]]) -> str:
    """Rows as ``;``-separated CSV text (CRLF), every cell neutralised."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerows([[neutralise(cell) for cell in row] for row in table])
    return buffer.getvalue()


def render_csv(c: SheetContent) -> bytes:
    return csv_text(rows(c)).encode("utf-8-sig")


def render_roadmap_csv(table: list[list[str]]) -> bytes:
    """The roadmap's PST rows (:func:`maturity.plan.pst_rows`) as a CSV file, UTF-8 with a BOM."""
    return csv_text(table).encode("utf-8-sig")
