"""Reading a CSV of per-commune dimension scores (a future survey's export) as pooled rows.

Pure: no database. ``maturity benchmarks import`` stores what this returns (docs/benchmarks.md).
"""

from __future__ import annotations

import csv
import io
import math
from pathlib import Path
from typing import Any

from .communes import get as get_commune
from .errors import InvalidInput, Problem
from .pool import DIMENSIONS

MAX_CSV_BYTES = 1024 * 1024  # 262 communes need ~15 kB; a megabyte leaves room for any honest file
MAX_CSV_ROWS = 5_000
MAX_FIELD_CHARS = 200
OPTIONAL_COLUMNS = frozenset({"name", "commune", "name_fr", "name_de", "note"})  # read, ignored


def _decode(raw: bytes, name: str) -> str:
    if b"\x00" in raw:
        raise InvalidInput([Problem("not a text CSV file (it contains NUL bytes)", file=name)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # a spreadsheet's "CSV" export in Belgium is often Windows-1252; codes and scores are ASCII
        return raw.decode("cp1252", errors="replace").lstrip("\ufeff")


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _parse_score(text: str, delimiter: str) -> float | None:
    text = text.strip()
    if not text:
        return None
    if delimiter != "," and text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # Belgian decimal comma: 57,5
    value = float(text)  # ValueError for anything else
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def read_scores_csv(path: Path | str, dimensions: tuple[str, ...] = DIMENSIONS, *,
                    max_bytes: int = MAX_CSV_BYTES, max_rows: int = MAX_CSV_ROWS) -> list[dict[str, Any]]:
    """Validate a CSV of per-commune dimension scores; return ``[{nis_code, <dimension>: float|None}]``.

    Columns: ``nis_code`` and the dimension ids (any order; ``name``/``commune``/``note`` allowed and
    ignored); separator ``,`` ``;`` or tab; UTF-8 (a BOM is removed). ``nis_code`` must be one of
    the 262 communes, at most once; a score is a number from 0 to 100 or empty. Every problem of the
    file is raised together (InvalidInput), each naming its line, row and column."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InvalidInput([Problem(f"file too large ({size:,} bytes; at most {max_bytes:,})", file=name)])
        with path.open("rb") as fh:
            raw = fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise InvalidInput([Problem("file not found", file=name)]) from None
    except OSError as exc:
        raise InvalidInput([Problem(f"cannot read the file ({exc.strerror})", file=name)]) from None
    if len(raw) > max_bytes:
        raise InvalidInput([Problem(f"file too large (at most {max_bytes:,} bytes)", file=name)])
    text = _decode(raw, name)
    first_line = text.split("\n", 1)[0]
    delimiter = _delimiter(first_line)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    problems: list[Problem] = []

    def problem(message: str, line: int | None, where: str = "") -> None:
        problems.append(Problem(message, path=where, file=name, line=line))

    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InvalidInput([Problem(f"not a valid CSV header ({exc})", file=name, line=1)]) from None
    if not header or not any(h.strip() for h in header):
        raise InvalidInput([Problem("the file is empty (expected a header: nis_code," + ",".join(dimensions) + ")",
                                    file=name, line=1)])
    columns = [h.strip().lstrip("\ufeff").lower() for h in header]
    seen: set[str] = set()
    for col in columns:
        if col in seen:
            problem(f"column {col!r} appears twice", 1, "header")
        seen.add(col)
        if col not in dimensions and col != "nis_code" and col not in OPTIONAL_COLUMNS:
            problem(f"unknown column {col!r} (expected nis_code and {', '.join(dimensions)})", 1, "header")
    for col in ("nis_code", *dimensions):
        if col not in seen:
            problem(f"missing column {col!r}", 1, "header")
    if problems:
        raise InvalidInput(problems)

    rows: list[dict[str, Any]] = []
    first_row_of: dict[str, int] = {}
    row_no = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problem(f"not valid CSV ({exc})", reader.line_num)
            break
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue  # a blank line
        row_no += 1
        if row_no > max_rows:
            problem(f"more than {max_rows:,} rows", line)
            break
        where = f"row {row_no}"
        if len(fields) != len(columns):
            problem(f"{len(fields)} fields where the header has {len(columns)}", line, where)
            continue
        record = dict(zip(columns, fields, strict=True))
        out: dict[str, Any] = {}
        nis = record["nis_code"].strip()
        if len(nis) > MAX_FIELD_CHARS:
            problem("value too long", line, f"{where}, column nis_code")
        elif not nis:
            problem("the NIS code is missing", line, f"{where}, column nis_code")
        elif get_commune(nis) is None:
            problem(f"{nis!r} is not the NIS code of a Walloon commune", line, f"{where}, column nis_code")
        elif nis in first_row_of:
            problem(f"commune {nis} already appears in row {first_row_of[nis]}", line, f"{where}, column nis_code")
        else:
            first_row_of[nis] = row_no
        out["nis_code"] = nis
        for dim in dimensions:
            cell = record[dim]
            try:
                value = _parse_score(cell[:MAX_FIELD_CHARS + 1], delimiter)
            except ValueError:
                shown = cell.strip() if len(cell.strip()) <= 40 else cell.strip()[:40] + "…"
                problem(f"{shown!r} is not a number (a score from 0 to 100, or empty)", line,
                        f"{where}, column {dim}")
                continue
            if value is not None and not 0 <= value <= 100:
                problem(f"{value:g} is outside 0–100", line, f"{where}, column {dim}")  # babel fails on 1e31
                continue
            out[dim] = value
        rows.append(out)
    if not rows and not problems:
        problem("no data rows (only a header)", 2)
    if problems:
        raise InvalidInput(problems)
    return rows
