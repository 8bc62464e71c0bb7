"""``maturity answers merge``: several respondents' answers files into one proposal (contract §8).

    maturity answers merge A.json B.json … --out CONSENSUS.json [--report REPORT.json]

A respondent's role is the file's ``respondent.role``; a file without one is "respondent N" (its
place in the list). Targets and the roadmap are carried, not merged: each dimension's target from
the first file that sets one, the roadmap whole from the first file that has one; a later file that
differs gets a warning (to keep its version, give it first). Files of another questionnaire (id or version) or another commune: exit 1
with every problem, and nothing is written. ``register(subparsers)`` is called by :mod:`maturity.cli`.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from ..display import plural_text
from ..errors import InvalidInput, Problem
from .common import EXIT_OK, LANG_HELP, LANGS, group_help, print_problems
from .texts import t


def _check_out(path: Path, option: str) -> None:
    if not path.parent.exists():
        raise InvalidInput([Problem("the folder does not exist", file=str(path.parent), path=option)])
    if path.is_dir():
        raise InvalidInput([Problem("is a folder, not a file", file=str(path), path=option)])


def cmd_merge(args: argparse.Namespace) -> int:
    from ..answers import check_answers, read_answers_file
    from ..fileio import atomic_write
    from ..merge import check_same, merge_documents
    from ..questionnaire import find_questionnaire, load_questionnaire

    out = Path(args.out)
    report_path = Path(args.report) if args.report else None
    inputs = [Path(p).resolve() for p in args.files]
    targets = [out] + ([report_path] if report_path else [])
    problems: list[Problem] = []
    for target, option in zip(targets, ("--out", "--report"), strict=False):
        try:
            _check_out(target, option)
        except InvalidInput as exc:
            problems.extend(exc.problems)
        if target.resolve() in inputs:
            problems.append(Problem("would overwrite one of the answers files being merged", file=str(target),
                                    path=option))
    if report_path is not None and report_path.resolve() == out.resolve():
        problems.append(Problem("--out and --report name the same file", file=str(out), path="--report"))
    docs = []
    for name in args.files:
        try:
            docs.append(read_answers_file(name))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    check_same(docs, args.files)
    if args.questionnaire:
        q = load_questionnaire(args.questionnaire)
    else:
        q = find_questionnaire(docs[0].questionnaire_id, docs[0].questionnaire_version)
    warnings: list[Problem] = []
    for doc, name in zip(docs, args.files, strict=True):
        try:
            warnings.extend(check_answers(doc, q, name))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    consensus, result = merge_documents(q, docs, args.files)
    data = consensus.to_json().encode("utf-8")
    report = None
    if report_path is not None:
        report = (json.dumps(result.report_json(q, consensus.commune), ensure_ascii=False, indent=2) + "\n"
                  ).encode("utf-8")
    written: list[Path] = []
    for target, content in ((out, data), (report_path, report)):
        if target is None or content is None:
            continue
        try:
            atomic_write(target, content)
        except OSError as exc:
            for done in written:  # both files or neither
                done.unlink(missing_ok=True)
            raise InvalidInput([Problem(f"cannot write the file ({exc.strerror})", file=str(target))]) from None
        written.append(target)
    carried = result.carried
    print_problems(warnings + (carried.warnings if carried else []))
    _print_summary(q, docs, args.files, result, args.lang)
    print(t("written", args.lang, path=", ".join(str(p) for p in (out, report_path) if p is not None)))
    return EXIT_OK


def _print_summary(q: Any, docs: list[Any], names: list[str], result: Any, lang: str) -> None:
    """What the merge found, in ``lang``: who, how many divergent questions (the first three by their words and
    spread, as the meeting page says it), and what was carried from which file."""
    from ..display import format_number
    from ..labels import TEAM_WORDS, in_lang, label_value
    from ..merge import clean_role
    from ..typography import cut, semicolons

    roles = [role if clean_role((doc.respondent or {}).get("role")) else t("merge_respondent", lang, n=n)
             for n, (doc, role) in enumerate(zip(docs, result.roles, strict=True), 1)]
    print(t("merge_done", lang, n=len(docs), roles=", ".join(roles), k=len(result.divergent)))
    for item in result.divergent[:3]:
        question = q.question(item.question)
        words = f"{cut(q.t(question.text, lang), 70)} ({item.question})" if question is not None else item.question
        points = format_number(100 * item.spread, lang) if item.spread is not None else None
        spread = (in_lang(TEAM_WORDS["spread_none"], lang) if points is None else
                  plural_text(in_lang(TEAM_WORDS["spread"], lang), lang, {"points": points}).format(points=points))
        print(f"  {words} — {spread}")
    if len(result.divergent) > 3:
        print("  " + t("merge_more", lang, n=len(result.divergent) - 3))
    carried = result.carried
    if carried is None:
        return
    if carried.targets:
        dims = {s.id: q.t(s.label, lang) for s in q.dimensions}
        by_file: dict[int, list[str]] = {}
        for dim, index in carried.target_sources.items():
            by_file.setdefault(index, []).append(dims.get(dim, dim))
        print(label_value(t("merge_targets", lang), semicolons(
            (f"{', '.join(found)} ({names[index]})" for index, found in sorted(by_file.items())), lang), lang))
    if carried.plan_source is not None:
        print(t("merge_roadmap", lang, n=len(carried.plan), file=names[carried.plan_source]))


def register(subparsers: Any) -> None:
    """Add the ``answers`` command group (``merge``) to ``maturity``'s sub-commands."""
    p = subparsers.add_parser("answers", help="work on answers files (merge several respondents)")
    sub = p.add_subparsers(dest="answers_command", metavar="ACTION")
    p.set_defaults(func=group_help(p))  # `maturity answers` alone: its help, exit 2
    m = sub.add_parser(
        "merge", help="merge several respondents' answers files into one proposal",
        description="Merge the answers files of several respondents of one commune (same questionnaire and "
                    "version) into one proposal; the report lists each question's answers, the proposal and "
                    "the spread, divergent questions first. A respondent's role is the file's respondent.role "
                    "('respondent N' when it is missing). Targets and the roadmap are carried, not merged: "
                    "each dimension's target from the first file that sets one, the roadmap whole from the "
                    "first file that has one; give first the file whose targets and roadmap the team keeps.")
    m.add_argument("files", nargs="+", metavar="ANSWERS.json", help="one answers file per respondent")
    m.add_argument("--out", required=True, help="the merged answers file to write (CONSENSUS.json)")
    m.add_argument("--report", help="the report to write (REPORT.json): answers, proposal, spread per question")
    m.add_argument("--questionnaire", help="questionnaire YAML (default: the one the answers name)")
    m.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP + " (what the command prints)")
    m.set_defaults(func=cmd_merge)
