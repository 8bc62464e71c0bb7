"""The coordinator's figures of a campaign: the core's status and report over what the store holds.

A thin adapter shared by the command line (``maturity campaign``) and the coordinator's pages: the
store says who is invited, who started and which responses count (:mod:`maturity.storage.campaigns`);
the core turns that into the status and the estimates (:mod:`maturity.campaign`) over the registry on
the campaign's opening (:func:`maturity.communes.registry_at`).
"""

from __future__ import annotations

from typing import Any


def campaign_questionnaire(campaign: Any, known: Any = None) -> Any:
    """The campaign's questionnaire: ``known`` when it is that one (the app's own), else the newest version
    of it under ``questionnaires/``."""
    from .questionnaire import find_questionnaire

    if known is not None and getattr(known, "id", None) == campaign.questionnaire:
        return known
    return find_questionnaire(campaign.questionnaire)


def campaign_status(store: Any, campaign: Any) -> dict[str, Any]:
    """Contract §7.2 plus ``"campaign"``: the invited communes are those with a live invitation."""
    from .campaign import status
    from .communes import registry_at

    progress = store.campaign_progress(campaign.id)
    invited = set(progress["invited"])
    communes = [c for c in registry_at(campaign.opens) if c.nis_code in invited]
    return {"campaign": campaign.to_json(), **status(communes, progress["started"], progress["submitted"])}


def campaign_report(store: Any, campaign: Any, questionnaire: Any = None, benchmark_sets: Any = None
                    ) -> dict[str, Any]:
    """Contract §7.1 over the responses that count (the core keeps each commune's latest before the close)."""
    from . import benchmarks
    from .campaign import campaign_report as report
    from .campaign import response
    from .communes import registry_at

    q = questionnaire if questionnaire is not None else campaign_questionnaire(campaign)
    sets = benchmark_sets if benchmark_sets is not None else benchmarks.load_benchmark_sets()
    responses = [response(r["nis_code"], r["assessment"], (r["document"] or {}).get("answers"), r["submitted_at"])
                 for r in store.campaign_responses(campaign.id)]
    n_invited = len(store.campaign_progress(campaign.id)["invited"])
    return report(campaign.to_json(), registry_at(campaign.opens), responses, q, sets, n_invited=n_invited)


# --- invitations: the same links and mail-merge file from the command line and the coordinator's page ---

INVITATION_COLUMNS = ("nis_code", "commune", "province", "link")


def local_address(url: str) -> bool:
    """Whether links starting with ``url`` open only on this computer or its network (localhost, a loopback
    or private address, a name without a dot): a commune could not open them."""
    import ipaddress
    from urllib.parse import urlsplit

    host = (urlsplit(url.strip()).hostname or "").strip("[]")
    if not host:
        return False
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost" or host.endswith(".localhost") or "." not in host
    return ip.is_loopback or ip.is_private or ip.is_unspecified or ip.is_link_local


def base_url_problem(url: str) -> str | None:
    """Why ``url`` cannot start the invitation links (None when it can): the app's plain http(s) address,
    without a query or a fragment. « https://x.be/app?x=1 » made « …/app?x=1/?t=… », a link that opens no
    space, and the links are shown once: every commune's would have to be given again."""
    from .weblinks import web_url

    url = (url or "").strip()
    if not url.startswith(("https://", "http://")):
        return "the links need the app's address (https://…)"
    if not web_url(url):
        return f"{url[:80]!r} is not a web address (no spaces, quotes or control characters)"
    if "?" in url or "#" in url:
        return f"{url[:80]!r}: the app's address has no query (?…) nor fragment (#…)"
    return None


def invitation_link(base_url: str, token: str) -> str:
    """The link a commune opens: the app's address with the space's token (like a resume link)."""
    return f"{base_url.rstrip('/')}/?t={token}"


def invitees(campaign: Any, nis_codes: Any = None) -> list[Any]:
    """The communes to invite, from the registry on the campaign's opening (all of them, or those of
    ``nis_codes``), each with the language its space opens in (German for the German-speaking ones)."""
    from .communes import registry_at
    from .storage import Invitee

    wanted = None if nis_codes is None else set(nis_codes)
    return [Invitee(c.nis_code, c.name_fr, "de" if c.language == "D" else "fr") for c in registry_at(campaign.opens)
            if wanted is None or c.nis_code in wanted]


def invitation_rows(issued: Any, base_url: str) -> list[dict[str, str]]:
    """The mail-merge rows of links just issued (nis_code, commune, province, link), by NIS code."""
    from .communes import get as get_commune

    rows = []
    for item in sorted(issued, key=lambda i: i.nis_code):
        commune = get_commune(item.nis_code)
        rows.append({"nis_code": item.nis_code, "commune": commune.display_name if commune else item.commune_name,
                     "province": commune.province_name("fr") if commune else "",
                     "link": invitation_link(base_url, item.token)})
    return rows


def invitations_csv(rows: list[dict[str, str]], *, excel: bool = False) -> str:
    """The mail-merge file, one header line: UTF-8 and commas (contract §6, the command line's); ``excel``:
    with a BOM and ``;`` as separator, as Excel opens a double-clicked file in Belgium (the PST table's way):
    the page's download, opened by a coordinator who is no technician (in commas, every line fell in the
    first column and « Liège » read « LiÃ¨ge »)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(INVITATION_COLUMNS), lineterminator="\n",
                            delimiter=";" if excel else ",")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" if excel else "") + buffer.getvalue()


def import_published(store: Any, text: str, name: str) -> tuple[Any, bool]:
    """Import a campaign's published aggregates (the YAML text) as this install's Walloon reference:
    validated by the core first (``InvalidInput`` with every problem and its place; nothing stored).
    Returns the reference and whether it replaced an earlier import of the same campaign."""
    from .aggregates import read_aggregates

    reference = read_aggregates(text, name)
    replaced = store.import_aggregates(campaign=reference.campaign, title=reference.title("fr"),
                                       published=reference.date, respondents=reference.n,
                                       population=reference.N, source=name, text=text)
    return reference, replaced


# --- responses received as files (a commune that e-mailed its answers file) ------------------------------

MAX_FILES = 2000  # a campaign has 262 communes at most; a folder of thousands of files is a mistake


def file_responses(campaign: Any, files: Any, nis: str | None = None, *, nis_hint: str = "give --nis NIS",
                   known: Any = None) -> tuple[list[Any], list[Any]]:
    """Read, check and score answers files for ``campaign``: ``files`` are (name, source, load) with
    ``load()`` returning the :class:`~maturity.answers.AnswersFile` (or raising ``InvalidInput``); ``nis``
    names the commune of a single file. Returns the responses (:class:`~maturity.storage.FileResponse`) and
    the warnings; ``InvalidInput`` with every problem of every file (an unknown commune, another
    questionnaire, bad answers, two files for one commune). ``known``: a questionnaire already loaded (the
    app's), used for the files answering its id and version. Shared by ``maturity campaign submit`` and the
    coordinator's page."""
    from dataclasses import replace

    from .answers import check_answers
    from .communes import get as get_commune
    from .communes import registry_at, successor_at
    from .errors import InvalidInput, Problem
    from .questionnaire import find_questionnaire
    from .scoring import score
    from .storage import FileResponse

    files = list(files)
    problems: list[Any] = []
    warnings: list[Any] = []
    if not files:
        raise InvalidInput([Problem("no answers file (.json) found", "ANSWERS")])
    if len(files) > MAX_FILES:
        raise InvalidInput([Problem(f"{len(files)} files: at most {MAX_FILES} in one call", "ANSWERS")])
    if nis is not None and len(files) != 1:
        problems.append(Problem("--nis names the commune of a single file; each file of several says its own",
                                "--nis"))
    registry = {c.nis_code for c in registry_at(campaign.opens)}
    found: list[Any] = []
    seen: dict[str, str] = {}
    for name, source, load in files:
        try:
            doc = load()
            if doc.questionnaire_id != campaign.questionnaire:
                raise InvalidInput([Problem(f"answers to questionnaire {doc.questionnaire_id!r}; the campaign "
                                            f"asks {campaign.questionnaire!r}", "questionnaire.id", name,
                                            code="answers_other_questionnaire",
                                            params=(("file", name), ("found", str(doc.questionnaire_id)),
                                                    ("asked", campaign.questionnaire)))])
            q = known if known is not None and (known.id, known.version) == (
                doc.questionnaire_id, doc.questionnaire_version) else find_questionnaire(
                doc.questionnaire_id, doc.questionnaire_version)
            warnings += check_answers(doc, q, name)
        except InvalidInput as exc:
            # one found outside the file (its questionnaire, not on this server) names the file too
            problems += [p if p.file else replace(p, file=name) for p in exc.problems]
            continue
        code = nis if nis is not None else doc.nis_code
        place = "--nis" if nis is not None else "commune.nis_code"
        if doc.nis_code and nis is not None and str(doc.nis_code) != nis:
            problems.append(Problem(f"the file is for commune {doc.nis_code}, not {nis}", "commune.nis_code", name))
            continue
        if not code:
            problems.append(Problem(f"the file names no commune: {nis_hint} (one file at a time)", place, name,
                                    code="answers_no_commune", params=(("file", name),)))
            continue
        code = str(code)
        if code not in registry:
            commune = get_commune(code)
            successor = successor_at(code, campaign.opens)
            said: tuple[tuple[str, str], ...] = (("file", name), ("nis", code))
            if commune is None:
                why, kind = f"{code} is not a Walloon commune", "answers_unknown_commune"
                said = (("file", name), ("code", code))
            elif successor is not None:
                why = (f"{commune.name_fr} ({code}) no longer exists on {campaign.opens.isoformat()}: it is part of "
                       f"{successor.name_fr} ({successor.nis_code}); pass --nis {successor.nis_code} if the file "
                       "speaks for it")
                kind, said = "answers_merged_commune", (*said, ("successor", successor.nis_code))
            else:
                why = f"{commune.name_fr} ({code}) is not in the registry on {campaign.opens.isoformat()}"
                kind = "answers_not_in_registry"
            problems.append(Problem(why, place, name, code=kind, params=said))
            continue
        if code in seen:
            problems.append(Problem(f"a second file for commune {code} in one call (the other: {seen[code]})",
                                    place, name, code="answers_twice",
                                    params=(("file", name), ("nis", code), ("other", seen[code]))))
            continue
        seen[code] = name
        document = doc.to_dict()
        document.setdefault("commune", {})["nis_code"] = code
        found.append(FileResponse(code, document, score(q, doc.answers).to_json(), source))
    if problems:
        raise InvalidInput(problems)
    return found, warnings
