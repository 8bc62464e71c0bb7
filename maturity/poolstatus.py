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

:func:`confirmation_changes` says, before the admin confirms entries, which published groups would change
and by how many communes: a group published before that changes by exactly one commune lets whoever saw
its figures before and after read that commune's scores from the difference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from .communes import get as get_commune
from .pool import DIMENSIONS, GroupStats, GroupType, latest_per_commune, pooled_reference

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


@dataclass(frozen=True)
class GroupChange:
    """How one group of the published figures would change: its n before and after (None when the group
    is not published, fewer than 5 communes) and how many of its communes join, leave or change scores."""

    group: GroupType
    key: str
    n_before: int | None
    n_after: int | None
    changed: int
    stats: GroupStats  # the group after the change (its label)

    def label(self, lang: str = "fr") -> str:
        return self.stats.label(lang)

    @property
    def reveals_one(self) -> bool:
        """Published before and after, and exactly one commune differs: the difference of its figures is
        that commune's scores (or the change of them)."""
        return self.n_before is not None and self.n_after is not None and self.changed == 1


def _members(rows: Sequence[Mapping[str, Any]], dimensions: tuple[str, ...]) -> dict[str, tuple]:
    """Per commune kept by the pool's rule (its latest row): its province, class and scores."""
    kept, _ = latest_per_commune(rows)
    out = {}
    for row in kept:
        commune = get_commune(row["nis_code"])
        out[row["nis_code"]] = (commune.province_nis if commune else None,
                                commune.population_class if commune else None,
                                tuple(row.get(d) for d in dimensions))
    return out


def confirmation_changes(entries: Sequence[Entry], ids: Iterable[int],
                         dimensions: Iterable[str] = DIMENSIONS) -> list[GroupChange]:
    """The groups (Wallonia, provinces, population classes) whose figures would change if the entries
    ``ids`` were confirmed, in the order the figures list them; groups that do not change are left out."""
    dimensions = tuple(dimensions)
    before_rows = counted_rows(entries)
    after_rows = counted_rows(with_confirmed(entries, ids))
    before, after = pooled_reference(before_rows, dimensions), pooled_reference(after_rows, dimensions)
    was, now = _members(before_rows, dimensions), _members(after_rows, dimensions)
    differ = [nis for nis in sorted(set(was) | set(now)) if was.get(nis) != now.get(nis)]

    def belongs(nis: str, group: GroupType, key: str) -> bool:
        if group == "wallonia":
            return True
        place = now.get(nis) or was.get(nis)
        return (place[0] if group == "province" else place[1]) == key

    out = []
    for old, new in zip(before.groups(), after.groups(), strict=True):
        changed = sum(1 for nis in differ if belongs(nis, new.group, new.key))
        if changed:
            out.append(GroupChange(new.group, new.key, None if old.suppressed else old.n,
                                   None if new.suppressed else new.n, changed, new))
    return out


def newly_disputed(entries: Sequence[Entry], ids: Iterable[int]) -> list[str]:
    """Communes that confirming ``ids`` would put in dispute (an entry from another space already counts
    there): none of their entries would count until the admin settles it. In NIS order."""
    return sorted(disputed_communes(with_confirmed(entries, ids)) - disputed_communes(entries))


def revealing(changes: Iterable[GroupChange]) -> list[GroupChange]:
    """The changes that would give one commune's scores away (see :attr:`GroupChange.reveals_one`)."""
    return [c for c in changes if c.reveals_one]
