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
