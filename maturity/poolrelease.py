"""The open pool's published figures: changed in releases, never by one commune at a time.

Pure functions over the entries the store lists (:mod:`maturity.poolstatus`) and a *release state* (a JSON
object the store keeps in one row), so they are tested without a database.

Why (SECURITY.md, « Who speaks for a commune »): whoever notes a group's figures before and after it changes
by one commune reads that commune's scores from the difference (n × mean after − n × mean before). The
figures therefore follow the counted entries (:func:`maturity.poolstatus.counted_rows`) in *releases*:

- **What is published** is the last release: for each group and dimension shown then (a *cell*), the
  entries it was computed from. A confirmed entry, an invitation's entry or an import waits, counted but
  unpublished, until a release takes it in.
- **A release is made by itself** after any change of the pool when it is *safe* (:func:`plan`): no commune
  that joins, leaves or changes scores can be read from the figures published before and after, alone or
  by combining groups (Wallonia minus a province, a province against a size class…). The test is exact
  linear algebra over every cell's sum as last shown and as it would be shown (:func:`determined`). So a
  single change waits for a second one, in the same groups, to be published with it.
- **The admin may publish anyway** (the admin page names what the release would give away, first).
- **A withdrawal or an erasure takes effect at once**: the figures of every cell that held the entry are
  hidden at once (:func:`published_rows`; nothing is computed from the entry any more). Showing the group
  without it would give its scores by difference, so the group stays hidden until a release shows it
  changed by more than that commune (two changes at least, by the same test) or the admin publishes.

The release state: ``{"released_at": ISO, "ids": [ids], "shown": {group: [dims]}, "last": {group: {dim: [ids],
"*": [ids]}}}``. ``ids`` are the counted entries the release took in (a group under 5 shows nothing of them);
``last`` holds, for every cell ever shown, the entry ids it was last shown with (what an observer may
know); ``"*"`` is the group's members (its n). ``shown`` says which cells the current release shows.
An erased entry leaves only its id there (no commune, no score) until a later release shows its cells
again without it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from typing import Any

from .communes import get as get_commune
from .pool import DIMENSIONS, group_key, latest_per_commune, pooled_reference
from .poolstatus import Entry, counted_rows, statuses

ALL = "*"  # a group's members, whatever they scored (its n)

Cells = dict[str, dict[str, list[int]]]  # group key -> dimension (or ALL) -> entry ids


class PublishedRows(list):
    """The rows the published figures are computed from (a list, as :meth:`Store.pool_rows` always gave),
    with ``shown``: the cells the current release may show, by group key (:func:`group_key`; None: no
    release yet, every cell the rows give). :func:`maturity.pool.pooled_reference` hides every other cell,
    and says ``held`` for a group that the release showed and a withdrawal or an erasure took out since."""

    shown: dict[str, frozenset[str]] | None
    held: frozenset[str]

    def __init__(self, rows: Iterable[dict[str, Any]] = (), shown: Mapping[str, Iterable[str]] | None = None,
                 held: Iterable[str] = ()) -> None:
        super().__init__(rows)
        self.shown = None if shown is None else {g: frozenset(d) for g, d in shown.items()}
        self.held = frozenset(held)

    def __reduce__(self) -> Any:  # cached by Streamlit (pickled): keep the attributes
        return (PublishedRows, (list(self), self.shown, self.held))


def _with_ids(entries: Sequence[Entry], scores: Any = None) -> list[dict[str, Any]]:
    """The counted rows, each with the id of its entry (``entry_id``)."""
    ids: dict[tuple[str, Any, Any], int] = {}
    status = statuses(entries)
    for e in entries:
        if status[int(e["id"])] == "counted":
            ids[(e["nis_code"], e.get("source"), e.get("submitted_at"))] = int(e["id"])
    rows = counted_rows(entries, scores)
    return [dict(r, entry_id=ids[(r["nis_code"], r["source"], r["submitted_at"])]) for r in rows]


def dimensions_of(rows: Iterable[Mapping[str, Any]]) -> tuple[str, ...]:
    """Every dimension the rows score (the pool keeps what a questionnaire's dimensions are called)."""
    reserved = {"nis_code", "submitted_at", "questionnaire_version", "source", "entry_id"}
    return tuple(sorted({k for r in rows for k in r if k not in reserved})) or DIMENSIONS


def cells(rows: Sequence[Mapping[str, Any]], dimensions: Iterable[str] | None = None) -> Cells:
    """The cells :func:`maturity.pool.pooled_reference` shows for these rows (each with ``entry_id``), with
    the ids of their members: the commune's row the pool keeps (its latest), with a score in the dimension.
    ``dimensions``: by default every one the rows score."""
    dimensions = tuple(dimensions) if dimensions is not None else dimensions_of(rows)
    ref = pooled_reference(rows, dimensions)
    kept, _ = latest_per_commune(rows)
    place = {}
    for row in kept:
        commune = get_commune(row["nis_code"])
        place[int(row["entry_id"])] = (row, commune.province_nis if commune else None,
                                       commune.population_class if commune else None)
    out: Cells = {}
    for g in ref.groups():
        if g.suppressed:
            continue
        members = [i for i, (_, prov, cls) in place.items()
                   if g.group == "wallonia" or (prov if g.group == "province" else cls) == g.key]
        found = {ALL: sorted(members)}
        for dim, st in g.dimensions.items():
            if not st.suppressed:
                found[dim] = sorted(i for i in members if place[i][0].get(dim) is not None)
        out[group_key(g.group, g.key)] = found
    return out


def release_of(found: Cells, ids: Iterable[int], when: datetime, state: Mapping[str, Any] | None = None
               ) -> dict[str, Any]:
    """The state once the counted entries ``ids``, showing the cells ``found``, are published (``last``
    keeps every cell shown before)."""
    last = {g: dict(c) for g, c in ((state or {}).get("last") or {}).items()}
    for g, c in found.items():
        last.setdefault(g, {}).update({d: list(members) for d, members in c.items()})
    return {"released_at": when.isoformat(), "ids": sorted(int(i) for i in ids),
            "shown": {g: sorted(d for d in c if d != ALL) for g, c in found.items()}, "last": last}


def published_rows(entries: Sequence[Entry], state: Mapping[str, Any] | None, scores: Any = None) -> PublishedRows:
    """The rows of the current release that still count for the figures, and the cells it may show: those
    whose every member is still there. An entry withdrawn or erased since is in no row; every cell of a
    group that held it is hidden (the group is ``held``), never shown without it. ``entries``: those that may
    count (confirmed, not withdrawn; those the store reads for the figures). ``state`` None (no release
    yet): the counted rows as they are, every cell shown (the figures before releases existed)."""
    if state is None:
        return PublishedRows(counted_rows(entries, scores))
    present = {int(e["id"]): e for e in entries if not e.get("withdrawn") and e.get("confirmed_at") is not None}
    last, shown, held = state.get("last") or {}, {}, set()
    for g, dims in (state.get("shown") or {}).items():
        if all(int(i) in present for i in _shown_members(last, g, dims)):
            shown[g] = set(dims)
        else:
            held.add(g)
    rows = []
    for i in sorted(int(i) for i in state.get("ids") or () if int(i) in present):
        e = present[i]
        row = {"nis_code": e["nis_code"], "submitted_at": e.get("submitted_at"),
               "questionnaire_version": e.get("questionnaire_version"), "source": e.get("source")}
        for dim, score in ((scores(e) if scores else e.get("scores")) or {}).items():
            row.setdefault(dim, score)
        rows.append(row)
    return PublishedRows(sorted(rows, key=lambda r: (r["nis_code"], str(r["source"]))), shown, held)


def _shown_members(last: Mapping[str, Any], group: str, dims: Iterable[str]) -> set[int]:
    """The entries the current release shows in a group: its members (n) and those of its shown cells (a
    cell shown by an earlier release only keeps its members in ``last``, for the audit, not for this)."""
    cells_of = last.get(group) or {}
    return {int(i) for d in (ALL, *dims) for i in cells_of.get(d, ())}


# --- is a release safe? ---------------------------------------------------------------------------------


def determined(equations: Sequence[set[int]], candidates: Iterable[Iterable[int]]) -> list[int]:
    """Which of the ``candidates`` (each a commune's entry ids) an observer can read from the sums over the
    ``equations`` (sets of entry ids): the indexes of those for which a nonzero combination of its entries
    alone is in the span of the equations (one commune's scores, or the change of them). Exact (fractions).

    Entries in exactly the same equations are one column (only their sum is seen); a commune's entries
    sharing a column with another commune's can never be read alone. For the rest, a vector on the
    commune's columns is in the row space iff it is orthogonal to the null space, so the commune is read
    iff the null space's rows at its columns have a rank below their number."""
    pattern: dict[int, tuple[int, ...]] = {}
    for k, eq in enumerate(equations):
        for i in eq:
            pattern[i] = (*pattern.get(i, ()), k)
    columns = sorted(set(pattern.values()))
    col_of = {p: j for j, p in enumerate(columns)}
    owners: dict[int, set[int]] = {}  # column -> candidate indexes holding an entry in it
    cands = [set(c) for c in candidates]
    holder: dict[int, int] = {}
    for ci, ids in enumerate(cands):
        for i in ids:
            holder[i] = ci
    for i, p in pattern.items():
        owners.setdefault(col_of[p], set()).add(holder.get(i, -1 - i))
    null = _null_space([[Fraction(1) if k in p else Fraction(0) for p in columns] for k in range(len(equations))],
                       len(columns))
    out = []
    for ci, ids in enumerate(cands):
        own = sorted({col_of[pattern[i]] for i in ids if i in pattern} - {j for j, o in owners.items() if o != {ci}})
        if own and _rank([[vec[j] for vec in null] for j in own]) < len(own):
            out.append(ci)
    return out


def _reduce(matrix: list[list[Fraction]]) -> tuple[list[list[Fraction]], list[int]]:
    rows = [list(r) for r in matrix]
    pivots: list[int] = []
    width = len(rows[0]) if rows else 0
    r = 0
    for c in range(width):
        pick = next((k for k in range(r, len(rows)) if rows[k][c] != 0), None)
        if pick is None:
            continue
        rows[r], rows[pick] = rows[pick], rows[r]
        lead = rows[r][c]
        rows[r] = [v / lead for v in rows[r]]
        for k in range(len(rows)):
            if k != r and rows[k][c] != 0:
                f = rows[k][c]
                rows[k] = [a - f * b for a, b in zip(rows[k], rows[r], strict=True)]
        pivots.append(c)
        r += 1
        if r == len(rows):
            break
    return rows[:r], pivots


def _rank(matrix: list[list[Fraction]]) -> int:
    return len(_reduce(matrix)[1]) if matrix and matrix[0] else 0


def _null_space(matrix: list[list[Fraction]], width: int) -> list[list[Fraction]]:
    """A basis of {x : matrix · x = 0}, each vector of length ``width``."""
    reduced, pivots = _reduce(matrix) if matrix else ([], [])
    basis = []
    for free in (c for c in range(width) if c not in pivots):
        vec = [Fraction(0)] * width
        vec[free] = Fraction(1)
        for row, p in zip(reduced, pivots, strict=True):
            vec[p] = -row[free]
        basis.append(vec)
    return basis


@dataclass(frozen=True)
class GroupDiff:
    """A group shown before (as last published) and in the release: how many communes differ."""

    key: str
    n_before: int
    n_after: int
    changed: int

    @property
    def reveals_one(self) -> bool:
        return self.changed == 1


@dataclass(frozen=True)
class Plan:
    """What publishing the counted entries now would do (:func:`plan`)."""

    found: Cells  # the cells the release would show
    ids: list[int]  # the counted entries it would take in
    waiting: bool  # the release differs from what is published (something waits)
    groups: list[GroupDiff] = field(default_factory=list)  # groups shown before and after that change
    read: list[str] = field(default_factory=list)  # communes (NIS; "" for an erased entry) an observer could read
    held: list[str] = field(default_factory=list)  # groups hidden now since a withdrawal or an erasure
    changed: list[str] = field(default_factory=list)  # communes taken in, out or changed since the release

    @property
    def safe(self) -> bool:
        return not self.read

    def revealing(self) -> list[GroupDiff]:
        return [g for g in self.groups if g.reveals_one]


def plan(entries: Sequence[Entry], state: Mapping[str, Any] | None, dimensions: Iterable[str] | None = None,
         scores: Any = None) -> Plan:
    """Whether publishing every counted entry now is safe: for each dimension, the sums of every cell as last
    shown (``state["last"]``) and as the release would show them are the equations an observer has; no
    commune whose entry differs between the two (joined, left, withdrawn, erased, or new scores) may be
    determined by them (:func:`determined`). ``entries``: every entry (withdrawn ones too, for their commune).
    ``dimensions``: by default every one the counted entries score, or a cell of ``state`` names."""
    rows = _with_ids(entries, scores)
    if dimensions is None:
        named = {d for c in ((state or {}).get("last") or {}).values() for d in c if d != ALL}
        dimensions = tuple(sorted(set(dimensions_of(rows)) | named))
    dimensions = tuple(dimensions)
    found, ids = cells(rows, dimensions), sorted(r["entry_id"] for r in rows)
    state = state or {}
    last = state.get("last") or {}
    shown = state.get("shown") or {}
    nis_of = {int(e["id"]): e["nis_code"] for e in entries}
    present = {int(e["id"]) for e in entries if not e.get("withdrawn") and e.get("confirmed_at") is not None}
    waiting = ids != sorted(int(i) for i in state.get("ids") or ())
    held = sorted((g for g, dims in shown.items() if any(int(i) not in present for i in _shown_members(last, g, dims))),
                  key=in_order)
    # the communes whose entry differs somewhere between what was last shown and what would be
    changed: dict[str, set[int]] = {}
    for g in set(last) | set(found):
        for d in set(last.get(g, {})) | set(found.get(g, {})):
            before, after = set(last.get(g, {}).get(d, [])), set(found.get(g, {}).get(d, []))
            if g in found and d in found[g] and g in last and d in last[g]:
                for i in before ^ after:
                    changed.setdefault(nis_of.get(i, f"#{i}"), set()).add(i)
            elif g in found and d in found[g]:
                for i in after:  # a cell shown for the first time: its members join what an observer knows
                    changed.setdefault(nis_of.get(i, f"#{i}"), set())
    read: set[str] = set()
    communes = sorted(changed)
    for d in dimensions:
        known = [set(c[d]) for c in last.values() if d in c]
        equations = known + [set(c[d]) for c in found.values() if d in c]
        if not equations:
            continue
        candidates = [changed[nis] | {i for eq in equations for i in eq if nis_of.get(i) == nis} for nis in communes]
        # newly read only: a commune an observer could already read from what was shown is no reason to wait
        before = set(determined(known, candidates)) if known else set()
        read.update(communes[k] for k in determined(equations, candidates) if k not in before)
    diffs = []
    for g, c in found.items():
        if g in last and ALL in last[g]:
            before, after = set(last[g][ALL]), set(c[ALL])
            differ = {nis_of.get(i, f"#{i}") for i in before ^ after}
            if differ:
                diffs.append(GroupDiff(g, len(before), len(after), len(differ)))
    moved = {nis_of.get(i, f"#{i}") for i in set(ids) ^ {int(i) for i in state.get("ids") or ()}}
    return Plan(found, ids, waiting, diffs, sorted("" if nis.startswith("#") else nis for nis in read), held,
                sorted(moved))


def in_order(key: str) -> tuple[int, str]:
    """The figures' order: Wallonia, the provinces, the size classes."""
    return (0 if key == "wallonia" else 1 if key.startswith("province:") else 2, key)


def released_at(state: Mapping[str, Any]) -> datetime:
    """When the release was made."""
    return datetime.fromisoformat(state["released_at"])


def release(entries: Sequence[Entry], when: datetime, state: Mapping[str, Any] | None,
            dimensions: Iterable[str] | None = None) -> dict[str, Any]:
    """The state once every counted entry is published (the admin's « publish », or a safe release)."""
    rows = _with_ids(entries)
    return release_of(cells(rows, dimensions), [r["entry_id"] for r in rows], when, state)
