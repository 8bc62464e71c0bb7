"""``maturity benchmarks``: the benchmark figures, the comparisons and the pooled reference.

    maturity benchmarks [--lang fr|de|en] [--dir DIR]        list every set and figure (by label, then id)
    maturity benchmarks compare ANSWERS.json [--lang ...]    the comparison sentences of one commune
    maturity benchmarks pool [--lang ...] [--json]           the pooled reference per dimension
    maturity benchmarks import FILE.csv [--source LABEL] [--date YYYY-MM-DD]
                                                             per-commune dimension scores, as pooled data
    maturity benchmarks reference [--nis NIS] [--json]       the regional reference a commune's radar shows
    maturity benchmarks import-aggregates FILE.yaml          a campaign's published aggregates: from then on
                                                             the Walloon reference of every radar

Exit codes (contract §6): 0 ok, 1 invalid input (every problem on stderr with its place; nothing
stored), 2 usage. ``register(subparsers)`` is called by :mod:`maturity.cli`; the CSV reader
is the core's :mod:`maturity.scores_csv`.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from .. import display
from ..benchmarks import BENCHMARKS_DIR, FigureRef, format_number, load_benchmark_sets
from ..errors import InvalidInput, Problem
from ..labels import label_value
from ..models import localize
from ..pool import DIMENSIONS
from ..scores_csv import read_scores_csv
from ..typography import semicolons
from .common import LANG_HELP, LANGS, load_for_answers, open_store, read_campaign_reference
from .texts import TEXTS, t

# --- commands -------------------------------------------------------------------------------------


def _sets(args: argparse.Namespace) -> list:
    directory = Path(args.dir) if getattr(args, "dir", None) else BENCHMARKS_DIR
    return load_benchmark_sets(directory)


def cmd_list(args: argparse.Namespace) -> int:
    lang = args.lang
    sets = _sets(args)
    # each figure by its label in the language asked (« Communes ayant entamé une démarche Smart City »), a list a
    # person reads; its id, which a questionnaire's benchmark link or a maintainer names, in a column of its own
    header = [t(f"bench_col_{column}", lang) for column in ("figure", "value", "kind", "year", "n", "id", "source")]
    for bset in sorted(sets, key=lambda s: -s.year):
        title = localize(bset.title, lang)
        count = f"{format_number(bset.respondents, lang)}/{format_number(bset.population, lang)} {t('bench_communes', lang)}"
        print(label_value(bset.id, semicolons((f"{title} — {bset.publisher}", count), lang), lang))
        labels = {f.id: localize(f.label, lang) or f.id for f in bset.figures}
        width = max([len(label) for label in labels.values()] + [len(header[0])])
        ids = max([len(f.id) for f in bset.figures] + [len(header[5])])
        print(f"  {header[0]:<{width}}  {header[1]:>10}  {header[2]:<14}  {header[3]:<5}  {header[4]:>4}  "
              f"{header[5]:<{ids}}  {header[6]}")
        for fig in bset.figures:
            ref = FigureRef(fig, bset)
            n = format_number(ref.n, lang) if ref.n is not None else "–"
            kind = t(f"bench_kind_{fig.kind}", lang) if f"bench_kind_{fig.kind}" in TEXTS else fig.kind
            print(f"  {labels[fig.id]:<{width}}  {ref.formatted(lang):>10}  {kind:<14}  {bset.year:<5}  {n:>4}  "
                  f"{fig.id:<{ids}}  {ref.source.id or ref.source.label}: {ref.source.url}")
        print()
    return 0


def cmd_compare(args: argparse.Namespace) -> int:
    from ..benchmarks import comparisons
    from ..scoring import score

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


def cmd_pool(args: argparse.Namespace) -> int:
    from ..pool import pooled_reference
    from ..storage import StorageError

    try:
        with open_store() as store:
            rows = store.pool_rows()  # confirmed entries only: a pending one counts in nothing
            pending = sum(1 for e in store.pool_entries() if e["status"] == "pending")
    except StorageError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    ref = pooled_reference(rows, order_statistics=False)  # the open pool: means only (SECURITY.md)
    if args.json:
        # each group with why it shows no figures, in the language asked (HELD_NOTE, SUPPRESSED_NOTE, or null)
        groups = [dict(g.to_json(), note=g.note(args.lang)) for g in ref.groups()]
        print(json.dumps({"groups": groups, "pending": pending,
                          "regional_note": ref.regional_note(args.lang)}, ensure_ascii=False, indent=2))
        return 0
    la = args.lang
    if pending:
        print(t("bench_pending", la, n=pending))
    if ref.regional_note(la):
        print(ref.regional_note(la))
    from ..questionnaire import load_questionnaire

    q = load_questionnaire()  # the dimensions named as the radar names them (their ids were printed)
    names = {section.id: q.t(section.label, la) for section in q.dimensions}
    width = max(len(name) for name in names.values())
    for group in ref.groups():
        # the source says the kind (« auto-évaluations mises en commun par cet outil, au … »): « pooled » was said
        # again before it, in English
        print(label_value(f"{group.label(la)} ({group.source(la)})", "—" if group.suppressed else f"n = {group.n}",
                          la))
        if group.held and group.group != "wallonia":  # hidden since a withdrawal, until the next release
            # (maturity.poolrelease): say why (Wallonia's is the regional note, printed first)
            print(f"  {group.note(args.lang)}")
        if group.suppressed:
            continue
        for dim, st in group.dimensions.items():
            name = names.get(dim, dim)
            if st.suppressed:
                print(f"  {name:<{width}} —")
            else:
                mean = display.format_number(st.mean, la, 1)
                # the open pool: the mean only, never a median or quartiles (they could give a commune's score
                # release after release, SECURITY.md; pool.MIN_N_QUARTILES is a campaign's threshold)
                print(f"  {name:<{width}} n = {st.n:<4} {t('bench_mean', la)} {mean:>5}  "
                      f"({t('bench_no_quartiles', la)})")
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
    from ..storage import StorageError

    try:
        with open_store() as store:
            count = store.import_pool_rows(rows, source)
    except StorageError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    print(t("bench_imported", args.lang, count=count, source=source))
    return 0


def cmd_reference(args: argparse.Namespace) -> int:
    from ..aggregates import choose_reference, read_aggregates
    from ..communes import get as get_commune
    from ..pool import pooled_reference
    from ..storage import StorageError

    if args.nis and get_commune(args.nis) is None:
        raise InvalidInput([Problem(f"{args.nis!r} is not the NIS code of a Walloon commune", "--nis")])
    try:
        with open_store() as store:
            imported = store.campaign_aggregates()
            rows = store.pool_rows()
    except StorageError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    refs = []
    for row in imported:
        try:
            refs.append(read_aggregates(row["text"], row["source"]))
        except InvalidInput as exc:  # imported under an older, laxer check: said, and left out
            print(f"warning: {row['source']} left out: {exc}", file=sys.stderr)
    choice = choose_reference(refs, pooled_reference(rows), args.nis, args.lang)
    if args.json:
        print(json.dumps(choice.to_json(args.lang), ensure_ascii=False, indent=2))
        return 0
    from ..display import format_number as shown
    from ..questionnaire import load_questionnaire

    q = load_questionnaire()  # the dimensions named as the radar names them
    names = {section.id: q.t(section.label, args.lang) for section in q.dimensions}
    width = max(len(name) for name in names.values())
    for series in choice.series:
        print(series.name)
        for dim, value in series.scores.items():
            low_high = series.band.get(dim)
            band = f"  ({display.format_range(*low_high, args.lang, 1)})" if low_high else ""
            print(f"  {names.get(dim, dim):<{width}} {'–' if value is None else shown(value, args.lang, 1)}{band}")
    print(choice.source(args.lang) if choice.origin == "campaign" else (choice.note or ""))
    return 0


def cmd_import_aggregates(args: argparse.Namespace) -> int:
    from ..storage import StorageError

    path = Path(args.file)
    # InvalidInput (missing, too large, not UTF-8, every problem of the set with its place) -> exit 1, nothing stored
    text, reference = read_campaign_reference(args.file)
    try:
        with open_store() as store:
            replaced = store.import_aggregates(
                campaign=reference.campaign, title=reference.title("fr"), published=reference.date,
                respondents=reference.n, population=reference.N, source=path.name, text=text)
    except StorageError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1
    done = t("bench_campaign_replaced" if replaced else "bench_campaign_imported", args.lang)
    print(t("bench_campaign_reference", args.lang, done=done, label=reference.label(args.lang)))
    return 0


def register(subparsers: Any) -> None:
    """Add the ``benchmarks`` command to ``maturity``'s sub-commands."""
    p = subparsers.add_parser("benchmarks", help="benchmark figures, comparisons and the pooled reference",
                              description="List the benchmark sets and their figures (kind, year, n, source).")
    p.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)
    p.add_argument("--dir", help="folder of benchmark YAML files (default: data/benchmarks)")
    p.set_defaults(func=cmd_list)
    sub = p.add_subparsers(dest="benchmarks_command", metavar="ACTION")

    c = sub.add_parser("compare", help="compare an answers file with the barometer, in plain sentences")
    c.add_argument("answers", help="ANSWERS.json")
    c.add_argument("--questionnaire", help="questionnaire YAML (default: the one the answers name)")
    c.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=LANG_HELP)
    c.add_argument("--dir", default=argparse.SUPPRESS, help="folder of benchmark YAML files")
    c.add_argument("--json", action="store_true", help="print the comparisons as JSON")
    c.set_defaults(func=cmd_compare)

    s = sub.add_parser("pool", help="the pooled reference per dimension (Wallonia, provinces, population classes)")
    s.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=LANG_HELP)
    s.add_argument("--json", action="store_true", help="print the reference as JSON")
    s.set_defaults(func=cmd_pool)

    i = sub.add_parser("import", help="import per-commune dimension scores (CSV) as pooled data",
                       description="Columns: nis_code," + ",".join(DIMENSIONS) + " (scores 0-100 or empty).")
    i.add_argument("file", help="FILE.csv")
    i.add_argument("--source", help="label of the data (e.g. 'Baromètre Smart City 2025'); default: the file name")
    i.add_argument("--date", help="date of the survey, YYYY-MM-DD (default: today)")
    i.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=LANG_HELP)
    i.set_defaults(func=cmd_import)

    r = sub.add_parser("reference", help="the regional reference a commune's radar shows (campaign first, then the "
                                         "open pool labelled unverified)")
    r.add_argument("--nis", help="the commune (its province and size class are its peer groups)")
    r.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=LANG_HELP)
    r.add_argument("--json", action="store_true", help="print the reference as JSON")
    r.set_defaults(func=cmd_reference)

    a = sub.add_parser("import-aggregates", help="load a campaign's published aggregates (YAML, kind: pooled)",
                       description="The file 'maturity campaign publish' writes. Checked first (every problem "
                                   "with its place; nothing stored); importing the same campaign again replaces it.")
    a.add_argument("file", help="FILE.yaml")
    a.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=LANG_HELP)
    a.set_defaults(func=cmd_import_aggregates)
