"""The scores CSV import (``read_scores_csv``) on hostile bytes: rows or InvalidInput with places."""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity import communes
from maturity.errors import InvalidInput
from maturity.pool import DIMENSIONS
from maturity.scores_csv import MAX_CSV_BYTES, read_scores_csv
from tests.timing import cpu_time, yardstick

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
_DIR = Path(tempfile.mkdtemp(prefix="hostile-csv-"))
CODES = sorted(communes.communes())



def _valid_csv(rows: int = 12, delimiter: str = ",") -> bytes:
    rnd = random.Random(rows)
    lines = [delimiter.join(["nis_code", *DIMENSIONS])]
    for code in CODES[:rows]:
        lines.append(delimiter.join([code, *(f"{rnd.uniform(0, 100):.1f}" for _ in DIMENSIONS)]))
    return ("\n".join(lines) + "\n").encode("utf-8")


VALID = _valid_csv()


def _read(raw: bytes):
    fd, name = tempfile.mkstemp(suffix=".csv", dir=_DIR)
    with os.fdopen(fd, "wb") as fh:
        fh.write(raw)
    try:
        rows = read_scores_csv(name)
    except InvalidInput as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.message.strip() and problem.place.strip(), repr(problem)
        return None
    finally:
        os.unlink(name)
    for row in rows:  # what is accepted is what the contract says
        assert communes.get(row["nis_code"]) is not None
        for dim in DIMENSIONS:
            assert row.get(dim) is None or 0 <= row[dim] <= 100
    return rows


def test_the_valid_file_is_read():
    assert len(_read(VALID)) == 12
    assert len(_read(_valid_csv(5, ";"))) == 5


@settings(SETTINGS, max_examples=800)
@given(st.binary(max_size=400))
def test_random_bytes_are_read_or_refused_with_places(raw):
    _read(raw)


cells = st.one_of(st.sampled_from(["", "50", "57,5", "1e3", "-1", "nan", "inf", "=1+1", '"', '""', "\r", "\x00",
                                   "\ufeff", "92094", "00000", ";", ",", "\t"]),
                  st.text(max_size=8))


@settings(SETTINGS, max_examples=1000)
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(min_value=0, max_value=3), cells), min_size=1, max_size=6))
def test_mutated_valid_files_are_read_or_refused_with_places(edits):
    text = VALID.decode("utf-8")
    for position, op, cell in edits:
        at = position % (len(text) + 1)
        if op == 0:
            text = text[:at] + cell + text[at:]  # insert
        elif op == 1:
            text = text[:at] + text[at + len(cell) + 1:]  # delete
        elif op == 2:
            text = text[:at] + cell + text[at + len(cell):]  # overwrite
        else:
            text = text[:at] + "\n" + text[at:]  # split a line
    _read(text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("raw", [
    b"\xef\xbb\xbfnis_code;" + ";".join(DIMENSIONS).encode() + b"\n92094;" + b";" * (len(DIMENSIONS) - 1) + b"\n",
    b'nis_code,"unclosed\n92094,1',
    ("nis_code," + ",".join(DIMENSIONS) + "\n").encode() * 3,
    b"\n\n\n",
    b"",
], ids=["bom-semicolon-empty-scores", "unclosed-quote", "header-thrice", "blank-lines", "empty"])
def test_edge_files(raw):
    _read(raw)


def test_size_and_row_limits_refuse_quickly():
    limit = 10 * yardstick()
    big = VALID + b"x" * MAX_CSV_BYTES
    start = cpu_time()
    assert _read(big) is None
    many = (",".join(["nis_code", *DIMENSIONS]) + "\n" + "92094,1,1,1,1,1,1\n" * 20_000).encode()[:MAX_CSV_BYTES]
    assert _read(many) is None
    assert cpu_time() - start < limit


def test_a_huge_score_is_reported_not_crashed():
    """Found here: a score of 1e31 made the 'outside 0–100' message crash in babel (decimal.InvalidOperation)."""
    raw = (",".join(["nis_code", *DIMENSIONS]) + "\n92094," + ",".join(["5e31"] * len(DIMENSIONS)) + "\n").encode()
    fd, name = tempfile.mkstemp(suffix=".csv", dir=_DIR)
    os.write(fd, raw)
    os.close(fd)
    with pytest.raises(InvalidInput) as info:
        read_scores_csv(name)
    assert any("5e+31 is outside 0–100" in p.message and p.line == 2 for p in info.value.problems)
