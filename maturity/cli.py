"""``maturity`` command line (contract §6).

Exit codes: 0 success, 1 invalid input (every problem on stderr, naming its place; nothing
written), 2 usage error. Bad input never shows a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import InvalidInput, Problem

EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _print_problems(problems: Sequence[Problem], stream: Any = None) -> None:
    stream = stream or sys.stderr
    for problem in problems:
        print(str(problem), file=stream)


# --- validate ---------------------------------------------------------------------------------


def _is_benchmark_file(path: Path) -> bool:
    return path.parent.name == "benchmarks" or "benchmarks" in path.parts


def cmd_validate(args: argparse.Namespace) -> int:
    from . import benchmarks
    from .questionnaire import load_questionnaire, questionnaire_files

    problems: list[Problem] = []
    files = [Path(f) for f in args.files]
    if not files:
        files = questionnaire_files()
        bench_files = sorted(benchmarks.BENCHMARKS_DIR.glob("*.yaml"))
    else:
        bench_files = [f for f in files if _is_benchmark_file(f)]
        files = [f for f in files if f not in bench_files]
    sets = []
    for path in bench_files or sorted(benchmarks.BENCHMARKS_DIR.glob("*.yaml")):
        try:
            sets.append(benchmarks.load_benchmark_set(path))
        except InvalidInput as exc:  # reported for the files asked for; the others only lend their ids
            if path in bench_files:
                problems.extend(exc.problems)
    figure_ids = benchmarks.figure_ids(sets)
    checked = []
    for path in files:
        try:
            q = load_questionnaire(path, figure_ids)
            checked.append(f"{path}: {q.id} {q.version}, {len(q.question_index)} questions, "
                           f"{len(q.recommendations)} recommendations")
        except InvalidInput as exc:
            problems.extend(exc.problems)
    checked.extend(f"{p}: benchmark set" for p in bench_files)
    if problems:
        _print_problems(problems)
        print(f"{len(problems)} problem(s) found.", file=sys.stderr)
        return EXIT_INVALID
    for line in checked:
        print(f"ok  {line}")
    return EXIT_OK


# --- score ------------------------------------------------------------------------------------


def load_for_answers(answers_path: str, questionnaire_path: str | None):
    """Read an answers file and its questionnaire; returns (questionnaire, doc, warnings)."""
    from .answers import check_answers, read_answers_file
    from .questionnaire import find_questionnaire, load_questionnaire

    doc = read_answers_file(answers_path)
    if questionnaire_path:
        q = load_questionnaire(questionnaire_path)
    else:
        q = find_questionnaire(doc.questionnaire_id, doc.questionnaire_version)
    warnings = check_answers(doc, q, answers_path)
    return q, doc, warnings


def cmd_score(args: argparse.Namespace) -> int:
    from .scoring import score

    q, doc, warnings = load_for_answers(args.answers, args.questionnaire)
    assessment = score(q, doc.answers)
    assessment.warnings.extend(str(w) for w in warnings)
    if args.json:
        out = assessment.to_json()
        if doc.commune:
            out["commune"] = doc.commune
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    _print_problems(warnings)
    lang = args.lang
    from .display import format_number, format_percent

    name = doc.commune.get("name") or doc.commune.get("nis_code") or "?"
    print(f"{q.t(q.title, lang)} {q.version} — {name}")
    width = max(len(q.t(s.label, lang)) for s in q.dimensions)
    coverage_word = {"fr": "réponses", "de": "Antworten"}.get(lang, "answered")
    for section in q.dimensions:
        d = assessment.dimensions[section.id]
        label = q.t(section.label, lang)
        coverage = f"{format_percent(d.coverage, lang)} {coverage_word}"
        if d.score is None:
            print(f"  {label:<{width}}  {'—':>4}  {_insufficient(lang)} ({coverage})")
        else:
            level = q.level(d.level)
            print(f"  {label:<{width}}  {format_number(d.score, lang):>4}  {q.t(level.label, lang) if level else ''}"
                  f" ({coverage})")
    overall = "—" if assessment.overall is None else format_number(assessment.overall, lang)
    print(f"  {'Global' if lang != 'de' else 'Gesamt':<{width}}  {overall:>4}")
    return EXIT_OK


def _insufficient(lang: str) -> str:
    return {"fr": "réponses insuffisantes", "de": "zu wenige Antworten"}.get(lang, "insufficient answers")


# --- sheet ------------------------------------------------------------------------------------


def cmd_sheet(args: argparse.Namespace) -> int:
    from .fileio import atomic_write

    q, doc, warnings = load_for_answers(args.answers, args.questionnaire)
    out = Path(args.out)
    if not out.parent.exists():
        raise InvalidInput([Problem("the folder does not exist", file=str(out.parent), path="--out")])
    fmt = args.format or ("md" if out.suffix.lower() == ".md" else "csv" if out.suffix.lower() == ".csv" else "pdf")
    from . import sheet

    data = sheet.build(q, doc, lang=args.lang, fmt=fmt)
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise InvalidInput([Problem(f"cannot write the file ({exc.strerror})", file=str(out))]) from None
    _print_problems(warnings)
    print(f"written: {out}")
    return EXIT_OK


# --- main -------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="maturity", description="Smart City self-assessment for Walloon communes")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("validate", help="check questionnaires and benchmark files")
    p.add_argument("files", nargs="*", help="YAML files (default: questionnaires/ and data/benchmarks/)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("score", help="score an answers file")
    p.add_argument("answers", help="ANSWERS.json")
    p.add_argument("--questionnaire", help="questionnaire YAML (default: the one the answers name)")
    p.add_argument("--json", action="store_true", help="print the assessment as JSON")
    p.add_argument("--lang", choices=["fr", "de", "en"], default="fr")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("sheet", help="write the recommendation sheet")
    p.add_argument("answers", help="ANSWERS.json")
    p.add_argument("--out", required=True, help="output file")
    p.add_argument("--lang", choices=["fr", "de", "en"], default="fr")
    p.add_argument("--format", choices=["pdf", "md", "csv"], help="pdf (default), md, or csv (PST actions)")
    p.add_argument("--questionnaire", help="questionnaire YAML (default: the one the answers name)")
    p.set_defaults(func=cmd_sheet)

    from . import cli_benchmarks

    cli_benchmarks.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)  # exits 2 on a usage error
    try:
        return int(args.func(args) or 0)
    except InvalidInput as exc:
        _print_problems(exc.problems)
        return EXIT_INVALID
    except KeyboardInterrupt:  # pragma: no cover
        return 130
    except BrokenPipeError:  # the reader went away (`maturity benchmarks | head`): not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so that Python's exit flush does not fail again
        return EXIT_OK
    except Exception as exc:  # a bug, not bad input: short message, traceback only on request
        if os.environ.get("MATURITY_DEBUG"):
            raise
        print(f"internal error: {type(exc).__name__}: {exc} (set MATURITY_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
