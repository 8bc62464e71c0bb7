"""``maturity benchmarks``: the benchmark figures, the comparisons and the pooled reference.

    maturity benchmarks [--lang fr|de|en] [--dir DIR]        list every set and figure
    maturity benchmarks compare ANSWERS.json [--lang ...]    the comparison sentences of one commune
    maturity benchmarks pool [--lang ...] [--json]           the pooled reference per dimension
    maturity benchmarks import FILE.csv [--source LABEL] [--date YYYY-MM-DD]
                                                             per-commune dimension scores, as pooled data

Exit codes (contract §6): 0 ok, 1 invalid input (every problem on stderr with its place; nothing
stored), 2 usage. ``register(subparsers)`` is called by :mod:`maturity.cli`.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import sys
from datetime import date
from pathlib import Path
from typing import Any

from .benchmarks import BENCHMARKS_DIR, FigureRef, format_number, load_benchmark_sets
from .communes import get as get_commune
from .errors import InvalidInput, Problem
from .models import localize
from .pool import DIMENSIONS

LANGS = ("fr", "de", "en")
MAX_CSV_BYTES = 1024 * 1024  # 262 communes need ~15 kB; a megabyte leaves room for any honest file
MAX_CSV_ROWS = 5_000
MAX_FIELD_CHARS = 200
OPTIONAL_COLUMNS = frozenset({"name", "commune", "name_fr", "name_de", "note"})  # read, ignored


# --- reading a CSV of scores (pure) --------------------------------------------------------------


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


# --- commands -------------------------------------------------------------------------------------


def _sets(args: argparse.Namespace) -> list:
    directory = Path(args.dir) if getattr(args, "dir", None) else BENCHMARKS_DIR
    return load_benchmark_sets(directory)


def cmd_list(args: argparse.Namespace) -> int:
    lang = args.lang
    sets = _sets(args)
    header = {"fr": ("figure", "valeur", "type", "année", "n", "source"),
              "de": ("Kennzahl", "Wert", "Art", "Jahr", "n", "Quelle"),
              "en": ("figure", "value", "kind", "year", "n", "source")}[lang]
    for bset in sorted(sets, key=lambda s: -s.year):
        title = localize(bset.title, lang)
        print(f"{bset.id}: {title} — {bset.publisher}; "
              f"{format_number(bset.respondents, lang)}/{format_number(bset.population, lang)} communes")
        width = max([len(f.id) for f in bset.figures] + [len(header[0])])
        print(f"  {header[0]:<{width}}  {header[1]:>10}  {header[2]:<9}  {header[3]:<5}  {header[4]:>4}  {header[5]}")
        for fig in bset.figures:
            ref = FigureRef(fig, bset)
            n = format_number(ref.n, lang) if ref.n is not None else "–"
            print(f"  {fig.id:<{width}}  {ref.formatted(lang):>10}  {fig.kind:<9}  {bset.year:<5}  {n:>4}  "
                  f"{ref.source.id or ref.source.label}: {ref.source.url}")
        print()
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from .benchmarks import comparisons
    from .cli import load_for_answers
    from .scoring import score

    q, doc, warnings = load_for_answers(args.answers, args.questionnaire)
    for w in warnings:
        print(str(w), file=sys.stderr)
    sets = _sets(args)
    found = comparisons(q, doc.answers, score(q, doc.answers), sets, args.lang)
    if args.json:
        print(json.dumps([{"question": c.question, "figure": c.figure.id, "kind": c.kind, "year": c.year,
                           "n": c.n, "source": {"label": c.source.label, "url": c.source.url},
                           "matches": c.matches, "text": c.text} for c in found], ensure_ascii=False, indent=2))
    else:
        for c in found:
            print(f"- {c.text}")
    return 0


def _store() -> Any:
    from .storage import Store

    return Store.from_env()


def cmd_pool(args: argparse.Namespace) -> int:
    from .pool import pooled_reference
    from .storage import StorageError

    try:
        with _store() as store:
            rows = store.pool_rows()
    except StorageError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    ref = pooled_reference(rows)
    if args.json:
        print(json.dumps({"groups": [g.to_json() for g in ref.groups()],
                          "regional_note": ref.regional_note(args.lang)}, ensure_ascii=False, indent=2))
        return 0
    if ref.regional_note(args.lang):
        print(ref.regional_note(args.lang))
    for group in ref.groups():
        print(f"{group.label(args.lang)} ({group.kind}; {group.source(args.lang)}): "
              + ("—" if group.suppressed else f"n = {group.n}"))
        if group.suppressed:
            continue
        for dim, st in group.dimensions.items():
            if st.suppressed:
                print(f"  {dim:<12} —")
            else:
                nums = [format_number(round(x, 1), args.lang) for x in (st.mean, st.median, st.q1, st.q3)]
                print(f"  {dim:<12} n = {st.n:<4} mean {nums[0]:>5}  median {nums[1]:>5}  "
                      f"quartiles {nums[2]}–{nums[3]}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    rows = read_scores_csv(args.file)  # InvalidInput -> exit 1, nothing stored
    if args.date:
        try:
            when = date.fromisoformat(args.date)
        except ValueError:
            raise InvalidInput([Problem(f"{args.date!r} is not a date (YYYY-MM-DD)", path="--date")]) from None
        for row in rows:
            row["submitted_at"] = when.isoformat()
    source = args.source or f"import: {Path(args.file).name}"
    from .storage import StorageError

    try:
        with _store() as store:
            count = store.import_pool_rows(rows, source)
    except StorageError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    print(f"{count} rows imported as pooled data (source: {source})")
    return 0


def register(subparsers: Any) -> None:
    """Add the ``benchmarks`` command to ``maturity``'s sub-commands."""
    p = subparsers.add_parser("benchmarks", help="benchmark figures, comparisons and the pooled reference",
                              description="List the benchmark sets and their figures (kind, year, n, source).")
    p.add_argument("--lang", choices=LANGS, default="fr")
    p.add_argument("--dir", help="folder of benchmark YAML files (default: data/benchmarks)")
    p.set_defaults(func=cmd_list)
    sub = p.add_subparsers(dest="benchmarks_command", metavar="ACTION")

    c = sub.add_parser("compare", help="compare an answers file with the barometer, in plain sentences")
    c.add_argument("answers", help="ANSWERS.json")
    c.add_argument("--questionnaire", help="questionnaire YAML (default: the one the answers name)")
    c.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    c.add_argument("--dir", default=argparse.SUPPRESS, help="folder of benchmark YAML files")
    c.add_argument("--json", action="store_true", help="print the comparisons as JSON")
    c.set_defaults(func=cmd_compare)

    s = sub.add_parser("pool", help="the pooled reference per dimension (Wallonia, provinces, population classes)")
    s.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_pool)

    i = sub.add_parser("import", help="import per-commune dimension scores (CSV) as pooled data",
                       description="Columns: nis_code," + ",".join(DIMENSIONS) + " (scores 0-100 or empty).")
    i.add_argument("file", help="FILE.csv")
    i.add_argument("--source", help="label of the data (e.g. 'Baromètre Smart City 2025'); default: the file name")
    i.add_argument("--date", help="date of the survey, YYYY-MM-DD (default: today)")
    i.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS)
    i.set_defaults(func=cmd_import)
