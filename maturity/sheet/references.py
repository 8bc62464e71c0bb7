"""The comparison lines a sheet draws beside the commune, and the campaign its figures come from.

The app (``maturity.app.logic.sheet_kwargs``, from the results page's series) and ``maturity sheet
--reference`` (from a campaign's published aggregates file) hand :func:`maturity.sheet.build` the same
keywords, made here:

- :func:`reference_lines`: the lines THE regional reference rule chose
  (:func:`maturity.aggregates.choose_reference`: Wallonia, the commune's province, its size class) as radar
  series, each with its band and note, in the radar's order;
- :func:`comparison_kwargs`: those lines as the builder's ``reference`` (the Walloon line), ``peer`` and
  ``peers`` (the province, then the same size), and the imported ``campaign`` whose share of the communes
  citing each obstacle and whose figures stand in the obstacles table and the barometer sentences;
- :func:`campaign_kwargs`: both, for one commune, from a campaign reference alone (no open pool: the
  sheets a coordinator makes depend on the files given, not on what an install's pool holds).

Imported only where a sheet has comparison lines: a plain ``maturity sheet`` does not load it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..aggregates import CampaignReference, ReferenceChoice, choose_reference
from ..charts import RadarSeries


def reference_lines(choice: ReferenceChoice) -> list[RadarSeries]:
    """The chosen reference lines as radar series, Wallonia first, then the province and the same size, each
    with its band and note. No ``short``: the sheet heads its Walloon column with its own word (« Wallonie »,
    the app's short header too) and shows the peer lines on the radar and in its sources only."""
    return [RadarSeries(**s.radar_kwargs()) for s in choice.series]


def comparison_kwargs(lines: Sequence[RadarSeries], campaign: CampaignReference | None = None) -> dict[str, Any]:
    """The sheet builder's keywords for these lines: the first ``pooled`` line is the Walloon ``reference``,
    the ``peer`` lines (in their order) its ``peer`` and ``peers``; ``campaign`` when one is imported.
    Without a regional line the sheet says why in its own two lines (no keyword)."""
    kwargs: dict[str, Any] = {}
    regional = next((s for s in lines if s.kind == "pooled"), None)
    peers = [s for s in lines if s.kind == "peer"]
    if regional is not None:
        kwargs["reference"] = regional
    if peers:
        kwargs["peer"] = peers[0]
    if peers[1:]:
        kwargs["peers"] = peers[1:]
    if campaign is not None:
        kwargs["campaign"] = campaign
    return kwargs


def campaign_kwargs(campaign: CampaignReference, nis_code: str | None, lang: str) -> dict[str, Any]:
    """What a sheet needs to compare a commune (``nis_code``: its province and size class; None: Wallonia
    only) with this campaign's published figures, as the app's download does once the campaign is imported."""
    choice = choose_reference([campaign], None, nis_code, lang)
    return comparison_kwargs(reference_lines(choice), choice.campaign)
