"""``maturity validate | score | sheet``: check the YAML files, score an answers file, write its
sheet (contract §6)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..display import plural
from ..errors import InvalidInput, Problem
from .common import EXIT_INVALID, EXIT_OK, LANG_HELP, LANGS, load_for_answers, read_campaign_reference
from .common import print_problems as _print_problems
from .texts import t

# --- validate ---------------------------------------------------------------------------------


def _is_benchmark_file(path: Path) -> bool:
    return path.parent.name == "benchmarks" or "benchmarks" in path.parts


def cmd_validate(args: argparse.Namespace) -> int:
    from .. import benchmarks
    from ..questionnaire import load_questionnaire, questionnaire_files

    problems: list[Problem] = []
    files = [Path(f) for f in args.files]
    answers_files = [f for f in files if f.suffix.lower() == ".json"]
    files = [f for f in files if f not in answers_files]
    if not files and answers_files:
        bench_files = []
    elif not files:
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
    warnings: list[Problem] = []
    for path in answers_files:  # an answers file, against its questionnaire (contract §2)
        try:
            q, doc, found = load_for_answers(str(path), None)
            warnings.extend(found)
            checked.append(f"{path}: answers to {q.id} {q.version}, {len(doc.answers)} answers")
        except InvalidInput as exc:
            problems.extend(p for p in exc.problems if p.severity != "warning")
            warnings.extend(p for p in exc.problems if p.severity == "warning")
    _print_problems(warnings)
    if problems:
        _print_problems(problems)
        print(f"{plural(len(problems), '# problem', '# problems')} found.", file=sys.stderr)
        return EXIT_INVALID
    for line in checked:
        print(f"ok  {line}")
    return EXIT_OK


# --- score ------------------------------------------------------------------------------------


def cmd_score(args: argparse.Namespace) -> int:
    from ..scoring import score

    q, doc, warnings = load_for_answers(args.answers, args.questionnaire)
    assessment = score(q, doc.answers)
    assessment.warnings.extend(str(w) for w in warnings)
    if args.json:
        from ..targets import FIELD as TARGETS
        from ..targets import evaluate_json

        out = assessment.to_json()
        out["targets"] = evaluate_json(q, assessment, doc.extra.get(TARGETS))
        if doc.commune:
            out["commune"] = doc.commune
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return EXIT_OK
    _print_problems(warnings)
    lang = args.lang
    from .. import communes
    from ..display import format_number, format_percent
    from ..labels import RESULTS_WORDS, in_lang, label_value
    from ..typography import semicolons

    # a commune of the registry by its name in the output's language, as the sheet and `recommendations` name it
    known = communes.get(doc.commune.get("nis_code"))
    name = known.name(lang) if known else doc.commune.get("name") or doc.commune.get("nis_code") or "?"
    print(f"{q.t(q.title, lang)} {q.version} — {name}")
    width = max([len(q.t(s.label, lang)) for s in q.dimensions] + [len(t("score_overall", lang))])
    for section in q.dimensions:
        d = assessment.dimensions[section.id]
        label = q.t(section.label, lang)
        coverage = t("score_coverage", lang, share=format_percent(d.coverage, lang))
        if d.na_count:  # the option's words, as the app and the sheet head that column
            coverage = semicolons((coverage, label_value(in_lang(RESULTS_WORDS["na_count"], lang),
                                                         format_number(d.na_count, lang), lang)), lang)
        if d.score is None:
            print(f"  {label:<{width}}  {'—':>4}  {_insufficient(lang, d.reason)} ({coverage})")
        else:
            level = q.level(d.level)
            print(f"  {label:<{width}}  {format_number(d.score, lang):>4}  {q.t(level.label, lang) if level else ''}"
                  f" ({coverage})")
    overall = "—" if assessment.overall is None else format_number(assessment.overall, lang)
    print(f"  {t('score_overall', lang):<{width}}  {overall:>4}")
    return EXIT_OK


def _insufficient(lang: str, reason: str | None = None) -> str:
    """The core's words for a dimension without a score (as the app and the sheet say it), and why."""
    from ..labels import SCORE_STATES, in_lang

    return t("score_too_many_na", lang) if reason == "not_applicable" else in_lang(SCORE_STATES["insufficient"], lang)


# --- sheet ------------------------------------------------------------------------------------


SUFFIXES = {".pdf": "pdf", ".md": "md", ".csv": "csv", ".docx": "docx"}


def sheet_targets(answers: list[str], out: str, fmt: str | None) -> list[tuple[str, Path, str]]:
    """(answers file, output file, format) for each answers file, or InvalidInput naming every problem.

    ``--out`` is a file for one answers file, or an existing folder (one sheet per answers file, named
    after it: ``namur.json`` -> ``namur.pdf``). For a file, the suffix decides the format when
    ``--format`` is absent, and the two must agree when both are given."""
    problems: list[Problem] = []
    target = Path(out)
    if target.is_dir():
        chosen = fmt or "pdf"
        pairs = [(a, target / (Path(a).stem + "." + chosen), chosen) for a in answers]
        seen: dict[Path, str] = {}
        for a, path, _f in pairs:
            if path in seen:
                problems.append(Problem(f"two answers files would write the same sheet {path.name} "
                                        f"({seen[path]} and {a}): rename one", path="--out"))
            seen[path] = a
    elif len(answers) > 1:
        problems.append(Problem(f"several answers files need an existing folder as --out (not {out})", path="--out"))
        pairs = []
    else:
        from_suffix = SUFFIXES.get(target.suffix.lower())
        if fmt and from_suffix and fmt != from_suffix:
            problems.append(Problem(f"--format {fmt} but the file name ends in {target.suffix}: "
                                    "make them agree (or leave --format out)", path="--out"))
        if not target.parent.exists():
            problems.append(Problem("the folder does not exist", file=str(target.parent), path="--out"))
        pairs = [(answers[0], target, fmt or from_suffix or "pdf")]
    if problems:
        raise InvalidInput(problems)
    return pairs


def cmd_sheet(args: argparse.Namespace) -> int:
    """One sheet per answers file (a coordinator makes the 262 in one call). Every file is read and
    checked first: with any problem, every problem is printed and nothing is written."""
    from .. import sheet
    from ..fileio import atomic_write

    targets = sheet_targets(args.answers, args.out, args.format)
    problems: list[Problem] = []
    campaign = None
    if args.reference:  # a campaign's published aggregates: the comparison lines of every sheet
        try:
            _text, campaign = read_campaign_reference(args.reference)
        except InvalidInput as exc:
            problems.extend(exc.problems)
    loaded = []
    questionnaires: dict = {}
    for answers, path, fmt in targets:
        try:
            q, doc, warnings = load_for_answers(answers, args.questionnaire, questionnaires)
        except InvalidInput as exc:
            problems.extend(exc.problems)
            continue
        loaded.append((q, doc, warnings, path, fmt))
    if problems:
        raise InvalidInput(problems)
    if any(fmt == "pdf" for *_rest, fmt in loaded):  # a single-threaded command: fpdf2 without what it never uses
        from ..sheet.lean import import_pdf

        import_pdf()
    if campaign is not None:
        from ..sheet.references import campaign_kwargs

        print(t("sheet_reference", args.lang, label=campaign.label(args.lang)))
    for q, doc, warnings, path, fmt in loaded:
        # with --reference, as the app's download once the campaign is imported: Wallonia, the commune's
        # province and size class (where the campaign publishes them), the campaign's obstacles column and figures
        kwargs = {} if campaign is None else campaign_kwargs(campaign, doc.nis_code, args.lang)
        data = sheet.build(q, doc, lang=args.lang, fmt=fmt, **kwargs)
        try:
            atomic_write(path, data)
        except OSError as exc:
            raise InvalidInput([Problem(f"cannot write the file ({exc.strerror})", file=str(path))]) from None
        _print_problems(warnings)
        print(t("written", args.lang, path=path))
    return EXIT_OK


# --- registration ---------------------------------------------------------------------------


def register(sub: Any) -> None:
    """Add ``validate``, ``score`` and ``sheet`` to ``maturity``'s sub-commands."""
    p = sub.add_parser("validate", help="check questionnaires, benchmark files and answers files")
    p.add_argument("files", nargs="*", help="YAML files (default: questionnaires/ and data/benchmarks/), answers files (.json)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("score", help="score an answers file")
    p.add_argument("answers", help="ANSWERS.json")
    p.add_argument("--questionnaire", help="questionnaire YAML (default: the one the answers name)")
    p.add_argument("--json", action="store_true", help="print the assessment as JSON")
    p.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("sheet", help="write the recommendation sheet (one per answers file)")
    p.add_argument("answers", nargs="+", help="ANSWERS.json (several: --out is a folder)")
    p.add_argument("--out", required=True, help="output file, or an existing folder (one sheet per answers file)")
    p.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)
    p.add_argument("--format", choices=["pdf", "docx", "md", "csv"],
                   help="pdf, docx (editable), md, or csv (PST actions); default: the --out suffix, else pdf")
    p.add_argument("--questionnaire", help="questionnaire YAML (default: the one the answers name)")
    p.add_argument("--reference", metavar="AGGREGATES.yaml",
                   help="a campaign's published aggregates (what 'maturity campaign publish' writes and "
                        "'maturity benchmarks import-aggregates' reads): each sheet compares its commune with "
                        "Wallonia, its province and its size class, and cites the campaign's figures")
    p.set_defaults(func=cmd_sheet)
