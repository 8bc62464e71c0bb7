"""The open pool's entries: which ones count, and what confirming some would change.

Pure functions over the entries the store lists (:meth:`Store.pool_entries`), so they are tested without
a database. An entry is a mapping with ``id``, ``nis_code``, ``submitted_at``, ``source``,
``questionnaire_version``, ``scores`` (``{dimension: score}``), ``withdrawn``, ``confirmed_at`` (None
while it waits for the admin) and ``space_fingerprint``.

Rules (docs/storage.md, « The pool »; SECURITY.md, « Who speaks for a commune »):

- **pending**: an entry nobody confirmed yet (``confirmed_at`` None) counts in nothing: no figure, no
  group's n. Anyone can submit for any commune, so an entry from the open pool counts only once the admin
  has confirmed it. Entries through a campaign's invitation, imports and entries stored before this rule
  arrive confirmed (the store sets ``confirmed_at``).
- **disputed**: a commune whose confirmed, non-withdrawn assessment entries come from more than one
  space: none of them counts until the admin settles it. A pending entry disputes nothing, so nothing a
  visitor submits changes a published figure before the admin acts.
- **counted**: of each commune and source, the most recent confirmed entry that is not withdrawn and not
  disputed; **superseded**: an earlier confirmed one; **withdrawn**.

What the published figures show of the counted entries, and when, is :mod:`maturity.poolrelease`'s: a
group published before that changes by exactly one commune lets whoever saw its figures before and after
read that commune's scores from the difference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

ASSESSMENT_SOURCE = "assessment"  # source label of pool entries coming from submitted assessments
STATUSES = ("pending", "counted", "superseded", "disputed", "withdrawn")

Entry = Mapping[str, Any]


def _newest_first(entries: Iterable[Entry]) -> list[Entry]:
    def key(e: Entry) -> tuple[datetime, int]:
        when = e.get("submitted_at")
        if not isinstance(when, datetime):
            when = datetime.min.replace(tzinfo=UTC)
        elif when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return when, int(e["id"])

    return sorted(entries, key=key, reverse=True)


def _confirmed(e: Entry) -> bool:
    return not e.get("withdrawn") and e.get("confirmed_at") is not None


def disputed_communes(entries: Iterable[Entry]) -> set[str]:
    """Communes whose confirmed, non-withdrawn assessment entries come from more than one space."""
    spaces_of: dict[str, set[Any]] = {}
    for e in entries:
        if _confirmed(e) and e.get("source") == ASSESSMENT_SOURCE:
            spaces_of.setdefault(e["nis_code"], set()).add(e.get("space_fingerprint") or f"entry-{e['id']}")
    return {nis for nis, fps in spaces_of.items() if len(fps) > 1}


def statuses(entries: Iterable[Entry]) -> dict[int, str]:
    """Each entry's status by its id: ``pending``, ``counted``, ``superseded``, ``disputed`` or ``withdrawn``."""
    ordered = _newest_first(entries)
    disputed = disputed_communes(ordered)
    out: dict[int, str] = {}
    seen: set[tuple[str, str]] = set()
    for e in ordered:  # newest first: the first confirmed entry of each (commune, source) counts
        if e.get("withdrawn"):
            out[int(e["id"])] = "withdrawn"
        elif e.get("confirmed_at") is None:
            out[int(e["id"])] = "pending"
        elif e.get("source") == ASSESSMENT_SOURCE and e["nis_code"] in disputed:
            out[int(e["id"])] = "disputed"
        elif (e["nis_code"], e.get("source")) in seen:
            out[int(e["id"])] = "superseded"
        else:
            seen.add((e["nis_code"], e.get("source")))
            out[int(e["id"])] = "counted"
    return out


def counted_rows(entries: Iterable[Entry], scores: Callable[[Entry], Mapping[str, Any]] | None = None
                 ) -> list[dict[str, Any]]:
    """The rows the figures are computed from (:func:`maturity.pool.pooled_reference`): one per counted
    entry, ``nis_code, submitted_at, questionnaire_version, source`` and one key per dimension score,
    ordered by commune and source. Never a pending, disputed, superseded or withdrawn entry.
    ``scores``: how to read an entry's scores (default its ``scores``), asked of counted entries only."""
    entries = list(entries)
    status = statuses(entries)
    out = []
    for e in entries:
        if status[int(e["id"])] != "counted":
            continue
        row: dict[str, Any] = {"nis_code": e["nis_code"], "submitted_at": e.get("submitted_at"),
                               "questionnaire_version": e.get("questionnaire_version"), "source": e.get("source")}
        for dim, score in ((scores(e) if scores else e.get("scores")) or {}).items():
            row.setdefault(dim, score)
        out.append(row)
    return sorted(out, key=lambda r: (r["nis_code"], str(r["source"])))


def with_confirmed(entries: Iterable[Entry], ids: Iterable[int], when: datetime | None = None) -> list[dict[str, Any]]:
    """The entries as they would be once the pending ones among ``ids`` are confirmed (the others unchanged)."""
    chosen = {int(i) for i in ids}
    when = when or datetime.now(UTC)
    return [dict(e, confirmed_at=when) if int(e["id"]) in chosen and not e.get("withdrawn")
            and e.get("confirmed_at") is None else dict(e) for e in entries]


def newly_disputed(entries: Sequence[Entry], ids: Iterable[int]) -> list[str]:
    """Communes that confirming ``ids`` would put in dispute (an entry from another space already counts
    there): none of their entries would count until the admin settles it. In NIS order."""
    return sorted(disputed_communes(with_confirmed(entries, ids)) - disputed_communes(entries))
