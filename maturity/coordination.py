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


def invitations_csv(rows: list[dict[str, str]]) -> str:
    """The mail-merge file (UTF-8, comma-separated, one header line)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(INVITATION_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


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
