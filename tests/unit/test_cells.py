"""One rule for a spreadsheet cell written from typed text: the PST table, the scores and the pool export."""

from __future__ import annotations

import pytest

from maturity.app import logic
from maturity.cells import spreadsheet_text
from maturity.sheet import pst

CELLS = [
    # (typed, the cell)
    ("Service informatique", "Service informatique"),
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+32 81 00 00 00", "'+32 81 00 00 00"),
    ("-5", "'-5"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("|cmd", "'|cmd"),
    ("%APPDATA%", "'%APPDATA%"),
    ("\tx", "'\tx"),
    ("\rx", "'\nx"),  # a carriage return ends a line: still marked as text
    ("Budget\x1b[2J communal", "Budget[2J communal"),  # an escape that cleared the terminal: left out
    ("exe.\u202elive", "exe.live"),  # a right-to-left override: left out
    ("", ""),
]


@pytest.mark.parametrize(("typed", "cell"), CELLS)
def test_every_csv_writes_a_typed_cell_the_same_way(typed, cell):
    assert spreadsheet_text(typed) == cell
    assert pst.neutralise(typed) == cell  # the PST table
    assert logic.csv_safe(typed) == cell  # the scores and the pool export (had no control characters rule)


def test_numbers_stay_numbers():
    assert logic.csv_safe(42) == 42 and logic.csv_safe(None) is None
