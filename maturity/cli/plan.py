"""``maturity plan ANSWERS.json [--format csv|md] [--lang fr|de|en] [--out FILE]``: the roadmap of an
answers file as the structure of a Programme Stratégique Transversal (issue 14).

One row per action, in the roadmap's order: strategic objective (the dimension, with its target),
operational objective (the recommendation), action, owner, deadline, budget, status. ``md``
(default) prints a Markdown table preceded by the targets; ``csv`` prints ``;``-separated rows that
paste into a spreadsheet (with ``--out``, the file is written as UTF-8 with a BOM, as Excel wants).
Exit codes (contract §6): 0 ok, 1 invalid input (every problem with its place; nothing written),
2 usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..errors import InvalidInput, Problem
from .common import EXIT_OK, LANG_HELP, LANGS, load_for_answers
from .common import print_problems as _print_problems
from .texts import t


def render_csv(rows: list[list[str]]) -> str:
    from ..sheet.pst import csv_text

    return csv_text(rows)


def render_md(q: Any, doc: Any, rows: list[list[str]], lang: str) -> str:
    from .. import targets as targets_
    from ..labels import label_value
    from ..markdown import escape

    def cell(text: str) -> str:
        return escape(" ".join(text.split()))

    out: list[str] = []
    goals = targets_.of(doc)
    if goals:
        out += [f"## {t('plan_targets', lang)}", ""]
        labels = {s.id: q.t(s.label, lang) for s in q.dimensions}
        for dim, target in goals.items():
            level = q.level(target.level)
            name = q.t(level.label, lang) if level else target.level
            out.append(f"- {label_value(cell(labels.get(dim, dim)), cell(name), lang)} — {target.by}")
        out.append("")
    out += [f"## {t('plan_roadmap', lang)}", ""]
    if len(rows) == 1:
        out.append(t("plan_empty", lang))
    else:
        out.append("| " + " | ".join(cell(h) for h in rows[0]) + " |")
        out.append("|" + "|".join([":--"] * len(rows[0])) + "|")
        out += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows[1:]]
    return "\n".join(out) + "\n"


def cmd_plan(args: argparse.Namespace) -> int:
    from .. import plan, targets

    q, doc, warnings = load_for_answers(args.answers, args.questionnaire)
    rows = plan.pst_rows(q, plan.of(doc), args.lang, targets.of(doc))
    fmt = args.format or ("csv" if args.out and Path(args.out).suffix.lower() == ".csv" else "md")
    text = render_csv(rows) if fmt == "csv" else render_md(q, doc, rows, args.lang)
    _print_problems(warnings)
    if not args.out:
        sys.stdout.write(text)
        return EXIT_OK
    from ..fileio import atomic_write

    out = Path(args.out)
    if not out.parent.exists():
        raise InvalidInput([Problem("the folder does not exist", file=str(out.parent), path="--out")])
    data = text.encode("utf-8-sig" if fmt == "csv" else "utf-8")
    try:
        atomic_write(out, data)
    except OSError as exc:
        raise InvalidInput([Problem(f"cannot write the file ({exc.strerror})", file=str(out))]) from None
    print(t("written", args.lang, path=out))
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``plan`` to ``maturity``'s sub-commands."""
    p = sub.add_parser("plan", help="the roadmap as the structure of a PST (strategic and operational "
                                    "objectives, actions, owners, deadlines, budgets, statuses)")
    p.add_argument("answers", help="ANSWERS.json")
    p.add_argument("--format", choices=["csv", "md"], help="md (default) or csv (;-separated, for a spreadsheet)")
    p.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)
    p.add_argument("--out", help="write to this file instead of printing (a CSV gets a BOM for Excel)")
    p.add_argument("--questionnaire", help="questionnaire YAML (default: the one the answers name)")
    p.set_defaults(func=cmd_plan)
