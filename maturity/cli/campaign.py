"""``maturity campaign``: a coordinator's campaign of every Walloon commune (contract §6, §7).

    maturity campaign create ID --title T --questionnaire Q --opens DATE --closes DATE
    maturity campaign list
    maturity campaign invite ID --out invitations.csv [--base-url URL]
    maturity campaign revoke ID NIS…
    maturity campaign reissue ID NIS… --out links.csv [--base-url URL]
    maturity campaign submit ID ANSWERS.json|FOLDER… [--nis NIS]
    maturity campaign status ID [--json]
    maturity campaign report ID [--json]
    maturity campaign publish ID --out DIR [--publisher NAME] [--url URL]

The registry, the estimator and the publication are the core's (:mod:`maturity.communes`,
:mod:`maturity.campaign`, :mod:`maturity.aggregates`, :mod:`maturity.publish`); the state is the
store's (:mod:`maturity.storage.campaigns`). Exit codes: 0 ok, 1 invalid input (every problem on
stderr with its place; nothing recorded, no file written), 2 usage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from ..display import format_date, format_range, plural, plural_text
from ..errors import InvalidInput, Problem
from .common import LANG_HELP, LANGS, group_help, open_store
from .texts import t

PUBLIC_URL_ENV = "MATURITY_PUBLIC_URL"
PUBLISHER_ENV = "MATURITY_PUBLISHER"


# --- helpers -------------------------------------------------------------------------------------


def _date(value: str, option: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InvalidInput([Problem(f"{value!r} is not a date (YYYY-MM-DD)", option)]) from None


def _campaign(store: Any, campaign_id: str) -> Any:
    found = store.campaign(campaign_id)
    if found is None:
        known = ", ".join(c.id for c in store.campaigns()) or "none yet"
        raise InvalidInput([Problem(f"no campaign {campaign_id!r} (campaigns: {known})", "ID")])
    return found


def _questionnaire(questionnaire_id: str) -> Any:
    from ..questionnaire import find_questionnaire

    return find_questionnaire(questionnaire_id)


def campaign_status(store: Any, campaign: Any) -> dict[str, Any]:
    from ..coordination import campaign_status as status

    return status(store, campaign)


def campaign_report(store: Any, campaign: Any) -> dict[str, Any]:
    from ..coordination import campaign_report as report

    return report(store, campaign)


def _base_url(args: argparse.Namespace) -> str:
    from ..coordination import base_url_problem, local_address

    url = (args.base_url or os.environ.get(PUBLIC_URL_ENV) or "").strip()
    if not url.startswith(("https://", "http://")):
        raise InvalidInput([Problem(
            f"the links need the app's public address: set {PUBLIC_URL_ENV} (e.g. https://smartcity.example.be) "
            "or pass --base-url", "--base-url")])
    problem = base_url_problem(url)
    if problem:
        raise InvalidInput([Problem(problem, "--base-url" if args.base_url else PUBLIC_URL_ENV)])
    if local_address(url):  # fine for a trial; said, as the campaigns page says it
        print(f"warning: {'--base-url' if args.base_url else PUBLIC_URL_ENV}: links starting with {url} open only "
              "on this computer or its network; a commune could not open them (the app's public address is "
              "needed)", file=sys.stderr)
    return url.rstrip("/")


def _check_out(path: Path) -> None:
    """The links are shown once: never overwrite a file that may hold earlier ones."""
    problems = []
    if path.exists():
        problems.append(Problem("the file exists; links are written once, choose a new file", str(path)))
    elif not path.parent.is_dir():
        problems.append(Problem("the folder does not exist", str(path)))
    if problems:
        raise InvalidInput(problems)


def _write_links(path: Path, issued: list[Any], base_url: str) -> None:
    """Write the mail-merge file, readable by its owner only (each link opens a commune's space)."""
    from ..coordination import invitation_rows, invitations_csv
    from ..fileio import atomic_write

    old_umask = os.umask(0o077)
    try:
        atomic_write(path, invitations_csv(invitation_rows(issued, base_url)))
    finally:
        os.umask(old_umask)


def _storage_errors(func: Any) -> Any:
    """A database problem (read-only, full, unreachable …) is said in plain words, exit 1."""
    import functools

    @functools.wraps(func)
    def run(args: argparse.Namespace) -> int:
        from ..storage import StorageError

        try:
            return func(args)
        except StorageError as exc:
            print(exc.message(getattr(args, "lang", "fr")), file=sys.stderr)
            return 1

    return run


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# --- create, list ---

ORDER = ("ID", "--title", "--questionnaire", "--opens", "--closes")  # create's arguments, as its problems are said-------------------------------------------------------------------------------


def cmd_create(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from ..storage.campaigns import campaign_problems

    problems, dates = [], []
    for value, option in ((args.opens, "--opens"), (args.closes, "--closes")):
        try:
            dates.append(_date(value, option))
        except InvalidInput as exc:
            problems += exc.problems
            dates.append(None)
    opens, closes = dates
    try:
        q = _questionnaire(args.questionnaire)
    except InvalidInput as exc:  # no such questionnaire: said at the option that names it
        problems += [replace(p, path="--questionnaire") for p in exc.problems]
    # every problem at once, in the order of the arguments (a bad id, a wrong questionnaire and a bad date were said
    # one call at a time)
    problems = campaign_problems(args.id, args.title, args.questionnaire, opens, closes) + problems
    if problems:
        raise InvalidInput(sorted(problems, key=lambda p: ORDER.index(p.path) if p.path in ORDER else len(ORDER)))
    with open_store() as store:
        campaign = store.create_campaign(args.id, args.title, q.id, opens, closes)
    from ..communes import registry_at

    n = len(registry_at(opens))
    lang = args.lang
    print(t("camp_created", lang, id=campaign.id, title=campaign.title, questionnaire=q.id,
            opens=format_date(opens, lang), closes=format_date(closes, lang), n=n))
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with open_store() as store:
        found = store.campaigns()
    if args.json:
        _print_json([c.to_json() for c in found])
        return 0
    lang = args.lang
    if not found:
        print(t("camp_none", lang))
    for c in found:
        print(t("camp_row", lang, id=c.id, title=c.title, questionnaire=c.questionnaire,
                opens=format_date(c.opens, lang), closes=format_date(c.closes, lang)))
    return 0


# --- invitations -------------------------------------------------------------------------------------


@contextmanager
def _issuing(args: argparse.Namespace) -> Iterator[tuple[Path, str, Any, Any, Any]]:
    """What issuing links needs (invite, reissue): the links file checked before anything is issued, the
    base URL, the store, the campaign and its questionnaire."""
    out = Path(args.out)
    base_url = _base_url(args)
    _check_out(out)
    with open_store() as store:
        campaign = _campaign(store, args.id)
        yield out, base_url, store, campaign, _questionnaire(campaign.questionnaire)


def cmd_invite(args: argparse.Namespace) -> int:
    from ..communes import registry_at
    from ..coordination import invitees

    with _issuing(args) as (out, base_url, store, campaign, q):
        registry = registry_at(campaign.opens)
        issued = store.invite(campaign.id, invitees(campaign), q.version)
        if not issued:
            print(f"every commune of the registry on {campaign.opens.isoformat()} is already invited; "
                  "links are shown once: 'maturity campaign reissue' gives new ones", file=sys.stderr)
            return 1
        _write_links(out, issued, base_url)
    print(t("camp_invited", args.lang, n=len(issued), out=out, N=len(registry),
            date=format_date(campaign.opens, args.lang)))
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    with open_store() as store:
        campaign = _campaign(store, args.id)
        count = store.revoke(campaign.id, args.nis)
    print(t("camp_revoked", args.lang, n=count))
    return 0


def cmd_reissue(args: argparse.Namespace) -> int:
    with _issuing(args) as (out, base_url, store, campaign, q):
        issued = store.reissue(campaign.id, args.nis, q.version)
        _write_links(out, issued, base_url)
    print(t("camp_reissued", args.lang, n=len(issued), out=out))
    return 0


# --- responses by file -----------------------------------------------------------------------------


def _answer_files(paths: list[str]) -> Iterator[Path]:
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.iterdir() if p.suffix.lower() == ".json" and p.is_file())
        else:
            yield path


def read_responses(campaign: Any, paths: list[str], nis: str | None) -> tuple[list[Any], list[Problem]]:
    """Read, check and score every file (:func:`maturity.coordination.file_responses`); returns the
    responses and the warnings. ``InvalidInput`` with every problem of every file."""
    from ..answers import read_answers_file
    from ..coordination import file_responses

    return file_responses(campaign, [(str(path), path.name, lambda path=path: read_answers_file(path))
                                     for path in _answer_files(paths)], nis)


def cmd_submit(args: argparse.Namespace) -> int:
    with open_store() as store:
        campaign = _campaign(store, args.id)
        responses, warnings = read_responses(campaign, args.files, args.nis)
        for w in warnings:
            print(str(w), file=sys.stderr)
        count = store.submit_files(campaign.id, responses)  # InvalidInput: nothing recorded
    print(t("camp_submitted", args.lang, n=count, id=campaign.id, files=_responses_said(responses, args.lang)))
    return 0


def _responses_said(responses: list[Any], lang: str) -> str:
    """Each response by its commune's name (German for a German-speaking one in German), then its code and file,
    « Beauvechain (25005, 25005.json) », joined by semicolons as the language writes them (French: a no-break space
    before). A code and a file name alone told a coordinator little of which communes had just been recorded."""
    from ..communes import get as get_commune
    from ..typography import semicolons

    def said(response: Any) -> str:
        commune = get_commune(response.nis_code)
        where = f"{response.nis_code}, {response.source}"
        return f"{commune.name(lang)} ({where})" if commune else f"{response.nis_code} ({response.source})"

    return semicolons([said(r) for r in responses], lang)


# --- follow-up and report ------------------------------------------------------------------------------


def cmd_status(args: argparse.Namespace) -> int:
    from ..display import format_number, format_percent

    with open_store() as store:
        campaign = _campaign(store, args.id)
        data = campaign_status(store, campaign)
    if args.json:
        _print_json(data)
        return 0
    lang = args.lang
    print(t("camp_head", lang, id=campaign.id, title=campaign.title, opens=format_date(campaign.opens, lang),
            closes=format_date(campaign.closes, lang)))
    groups = (("by_province", "group_province"), ("by_population_class", "group_class"))
    names = [_label(row["label"], lang) for key, _title in groups for row in data[key].values()]
    width = max(len(name) for name in [*names, _word("wallonia", lang)]) + 2  # the groups' names are indented
    heads = [_word(key, lang) for key in ("invited", "started", "submitted", "rate")]
    widths = [max(len(head), 5) for head in heads]

    def line(label: str, row: dict[str, Any]) -> str:
        # in progress: started and not sent, as the coordinator's page and map count them (the core's
        # "started" counts the respondents too: beside "submitted" it read as as many more communes)
        rate = "–" if row["response_rate"] is None else format_percent(row["response_rate"], lang)
        cells = [format_number(row["invited"], lang), format_number(row["started"] - row["submitted"], lang),
                 format_number(row["submitted"], lang), rate]
        return f"  {label:<{width}}" + "".join(f"  {cell:>{w}}" for cell, w in zip(cells, widths, strict=True))

    print(f"  {'':<{width}}" + "".join(f"  {head:>{w}}" for head, w in zip(heads, widths, strict=True)))
    print(line(_word("wallonia", lang), data))
    for key, title in groups:
        print(f"  {_word(title, lang)}")
        for row in data[key].values():
            print(line("  " + _label(row["label"], lang), row))
    if data["uninvited"]:
        print("  " + t("camp_uninvited", lang, nis=", ".join(data["uninvited"])))
    return 0


def _word(key: str, lang: str) -> str:
    """A word of a campaign's tables, as the coordinator's page says it (maturity.labels.CAMPAIGN_WORDS), or
    Wallonia's name as the pooled figures name its group (maturity.pool.WALLONIA_LABEL)."""
    from ..labels import CAMPAIGN_WORDS, in_lang

    if key == "wallonia":
        from ..pool import WALLONIA_LABEL

        return in_lang(WALLONIA_LABEL, lang)
    return in_lang(CAMPAIGN_WORDS[key], lang)


def _label(label: dict[str, str], lang: str) -> str:
    """A group's or an item's name as the core's figures carry it (``{"fr": …, "de": …, "en": …}``), in ``lang``
    (French with its no-break spaces before ? ! : ;, as the app shows it)."""
    from ..labels import in_lang

    return in_lang(label, lang)


def cmd_report(args: argparse.Namespace) -> int:
    from ..aggregates import coverage_text
    from ..benchmarks import estimate_digits, format_figure_value
    from ..campaign import reason_text
    from ..display import format_estimate, format_number

    with open_store() as store:
        campaign = _campaign(store, args.id)
        data = campaign_report(store, campaign)
    if args.json:
        _print_json(data)
        return 0
    lang = args.lang
    q = _questionnaire(campaign.questionnaire)

    def num(value: float | None) -> str:
        return "–" if value is None else format_number(value, lang)

    from ..labels import CAMPAIGN_WORDS, RESULTS_WORDS, in_lang, label_value
    from ..typography import semicolons

    summary = plural_text(in_lang(CAMPAIGN_WORDS["report_summary"], lang), lang,
                          {"n": data["n_submitted"], "invited": data["n_invited"]})
    print(label_value(campaign.id, semicolons((campaign.title, summary.format(
        n=data["n_submitted"], invited=data["n_invited"], N=data["campaign"]["N"])), lang), lang))
    first = next(iter(data["dimensions"].values()), {})
    covered = coverage_text(first.get("excluded_provinces") or [], first.get("N") or 0, lang)
    if covered:  # no commune of a province answered: the Walloon figures cover the others
        print(f"  {covered}")
    labels = {dim_id: (q.t(section.label, lang) if (section := next((s for s in q.dimensions if s.id == dim_id), None))
                       else dim_id) for dim_id in data["dimensions"]}
    heads = [in_lang(RESULTS_WORDS["dimension"], lang), t("camp_estimate", lang),
             in_lang(CAMPAIGN_WORDS["interval"], lang), "n", t("camp_median", lang), t("camp_quartiles", lang)]
    width = max([len(v) for v in labels.values()] + [len(heads[0])])
    w_est, w_int, w_med = len(heads[1]), max(len(heads[2]), 9), len(heads[4])
    print(f"  {heads[0]:<{width}}  {heads[1]:>{w_est}}  {heads[2]:<{w_int}}  {'n':>4}  {heads[4]:>{w_med}}  {heads[5]}")
    suppressed = in_lang(CAMPAIGN_WORDS["suppressed"], lang)
    for dim_id, d in data["dimensions"].items():
        label = labels[dim_id]
        if d["suppressed"]:
            print(f"  {label:<{width}}  {'—':>{w_est}}  {suppressed}")
            continue
        interval = format_range(d["ci_low"], d["ci_high"], lang)
        note = "" if d["weighting"] == "province" else f"  ({reason_text(d['thin_provinces'], lang)})"
        print(f"  {label:<{width}}  {num(d['estimate']):>{w_est}}  {interval:<{w_int}}  {d['n']:>4}  "
              f"{num(d['median']):>{w_med}}  {format_range(d['q1'], d['q3'], lang)}{note}")
    if data["items"]:
        print("  " + t("camp_items", lang))
    for item in data["items"].values():
        label = _label(item["label"], lang)
        share = item["unit"] == "share"
        band = (item["ci_low"], item["ci_high"]) if item["ci_low"] is not None and item["ci_high"] is not None else None
        digits = estimate_digits(item["unit"], item.get("out_of"))  # as the pages and the report write it
        now = f"— {suppressed}" if item["suppressed"] else (
            f"{format_estimate(item['estimate'], band, lang, digits, percent=share)}, n = {item['n']}")
        then = [label_value(str(p["year"]), format_figure_value(p["value"], p["unit"], lang), lang)  # as published
                for p in item["published"] if p["unit"] == item["unit"]]
        # the item as the report and the pages name it (its id is the JSON's key), its figures under it
        print(f"  {label}\n      {semicolons((now, *then), lang)}")
    return 0


# --- publication ----------------------------------------------------------------------------------------


def cmd_publish(args: argparse.Namespace) -> int:
    from ..aggregates import MIN_N
    from ..publish import publish

    publisher = (args.publisher or os.environ.get(PUBLISHER_ENV) or "").strip()
    url = (args.url or os.environ.get(PUBLIC_URL_ENV) or "").strip()
    problems = []
    if not publisher:
        problems.append(Problem(f"name who publishes the figures: --publisher NAME (or {PUBLISHER_ENV})",
                                "--publisher"))
    if not url.startswith(("https://", "http://")):
        problems.append(Problem(f"say where the figures are published: --url URL (or {PUBLIC_URL_ENV})", "--url"))
    with open_store() as store:
        campaign = _campaign(store, args.id)
        data = campaign_report(store, campaign)
    # said with the options' problems, at the campaign, where the check of the file not written named its line
    # (« campagne-ID.yaml:16: respondents: fewer than 5 respondents »)
    n = int(data.get("n_submitted") or 0)
    if n < MIN_N:
        problems.insert(0, Problem(f"{plural(n, '# commune has', '# communes have')} responded; at least {MIN_N} are "
                                   "needed before anything is published", "ID"))
    if problems:
        raise InvalidInput(problems)
    paths = publish(data, Path(args.out), questionnaire=_questionnaire(campaign.questionnaire),
                    publisher=publisher, url=url, lang=args.lang)
    for path in paths:
        print(t("written", args.lang, path=path))
    print(t("camp_published", args.lang))
    return 0


# --- registration ---------------------------------------------------------------------------------------


def register(subparsers: Any) -> None:
    """Add the ``campaign`` command group to ``maturity``'s sub-commands."""
    p = subparsers.add_parser("campaign", help="a coordinator's campaign of every Walloon commune",
                              description="Create a campaign, invite every commune, record and follow the "
                                          "responses, estimate and publish the Walloon figures.")
    sub = p.add_subparsers(dest="campaign_command", metavar="ACTION")
    p.set_defaults(func=group_help(p))  # `maturity campaign` alone: its help, exit 2

    def action(name: str, func: Any, help_text: str, **kw: Any) -> argparse.ArgumentParser:
        a = sub.add_parser(name, help=help_text, description=help_text, **kw)
        a.set_defaults(func=_storage_errors(func))
        return a

    c = action("create", cmd_create, "create a campaign")
    c.add_argument("id", metavar="ID", help="the campaign's id, e.g. wal-2026 (letters, digits, . _ -)")
    c.add_argument("--title", required=True, help="its title, e.g. 'Baromètre Smart City 2026'")
    c.add_argument("--questionnaire", required=True, help="the questionnaire's id, e.g. smart-city-wallonie")
    c.add_argument("--opens", required=True, help="first day, YYYY-MM-DD: the registry of that day is invited")
    c.add_argument("--closes", required=True, help="last day on which a submission counts, YYYY-MM-DD")
    c.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)

    ls = action("list", cmd_list, "list the campaigns")
    ls.add_argument("--json", action="store_true", help="print the campaigns as JSON")
    ls.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)

    i = action("invite", cmd_invite, "one invitation link per commune of the registry, as a CSV for a mail merge")
    i.add_argument("id", metavar="ID", help="the campaign's id")
    i.add_argument("--out", required=True, help="the CSV to write (nis_code, commune, province, link); a new file")
    i.add_argument("--base-url", help=f"the app's public address (default: {PUBLIC_URL_ENV})")
    i.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)

    r = action("revoke", cmd_revoke, "revoke communes' links (they open nothing and record nothing)")
    r.add_argument("id", metavar="ID", help="the campaign's id")
    r.add_argument("nis", metavar="NIS", nargs="+", help="the communes' NIS codes, e.g. 92094 (Namur)")
    r.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)

    ri = action("reissue", cmd_reissue, "new links for communes (the old ones are revoked; drafts are kept)")
    ri.add_argument("id", metavar="ID", help="the campaign's id")
    ri.add_argument("nis", metavar="NIS", nargs="+", help="the communes' NIS codes, e.g. 92094 (Namur)")
    ri.add_argument("--out", required=True, help="the CSV to write; a new file")
    ri.add_argument("--base-url", help=f"the app's public address (default: {PUBLIC_URL_ENV})")
    ri.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)

    s = action("submit", cmd_submit, "record answers files as their communes' responses (all or nothing)")
    s.add_argument("id", metavar="ID", help="the campaign's id")
    s.add_argument("files", metavar="ANSWERS", nargs="+", help="answers files (.json) or folders of them")
    s.add_argument("--nis", help="the commune of a single file that names none")
    s.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)

    st = action("status", cmd_status, "invited, in progress (started, not sent), submitted and the response rate, by province and class")
    st.add_argument("id", metavar="ID", help="the campaign's id")
    st.add_argument("--json", action="store_true", help="print the status as JSON (contract §7.2)")
    st.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)

    rp = action("report", cmd_report, "the Walloon estimates with their 95\u00a0%% interval (contract §7.1)")
    rp.add_argument("id", metavar="ID", help="the campaign's id")
    rp.add_argument("--json", action="store_true", help="print the report as JSON (contract §7.1)")
    rp.add_argument("--lang", choices=LANGS, default="fr", help=LANG_HELP)

    pb = action("publish", cmd_publish, "write the open aggregates (YAML, CSV) and the report (PDF)")
    pb.add_argument("id", metavar="ID", help="the campaign's id")
    pb.add_argument("--out", required=True, help="the folder to write into (created if needed)")
    pb.add_argument("--publisher", help=f"who publishes the figures (default: {PUBLISHER_ENV})")
    pb.add_argument("--url", help=f"where they are published (default: {PUBLIC_URL_ENV})")
    pb.add_argument("--lang", choices=LANGS, default="fr", help="the language of the PDF report and of what the "
                                                                "command prints")
