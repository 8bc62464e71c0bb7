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
  can be read from the figures of every release published so far and this one, alone or by combining groups
  (Wallonia minus a province, a province against a size class…) or releases (release 3 minus release 1,
  when release 2 was the one in between). The test is exact linear algebra over every cell's sum in every
  release kept and as it would be shown (:func:`readable`). So a single change waits for a second one, in
  the same groups, to be published with it.
- **The admin may publish anyway** (the admin page names what the release would give away, asks to confirm it
  by name, and the store keeps who, when and the warning with the release).
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

The history: every release's cells (:data:`Cells`, the members of each group and of each dimension shown,
kept by the store in :func:`compact`'s form), oldest first; :func:`plan` reads them all (``shown_before``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from math import gcd
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
    # no median nor quartile (maturity.pool.pooled_reference): the release check covers the cells' sums only,
    # and order statistics compared release after release could give a commune's score (SECURITY.md)
    order_statistics = False

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


def shown_cells(state: Mapping[str, Any]) -> Cells:
    """The cells the state's release shows, with their members (its group's n, ``ALL``, and each dimension
    shown): what that release gave an observer."""
    last = state.get("last") or {}
    return {g: {d: sorted(int(i) for i in last.get(g, {}).get(d, ())) for d in (ALL, *dims)}
            for g, dims in (state.get("shown") or {}).items()}


def compact(found: Cells) -> dict[str, dict[str, list[int] | str]]:
    """The cells as the release history keeps them (``pool_releases.cells_json``): a dimension whose members
    are its group's (every commune of the group scored it) says ``"*"``, not the ids again (a sevenfold
    smaller history)."""
    return {g: {d: ALL if d != ALL and sorted(ids) == sorted(c.get(ALL, ())) else sorted(int(i) for i in ids)
                for d, ids in c.items()} for g, c in found.items()}


def expand(kept: Mapping[str, Mapping[str, Any]]) -> Cells:
    """The cells of :func:`compact`'s form, each dimension with its members again."""
    return {g: {d: sorted(int(i) for i in (c.get(ALL, ()) if ids == ALL else ids)) for d, ids in c.items()}
            for g, c in kept.items()}


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
    alone is in the span of the equations (one commune's scores, or the change of them). Exact."""
    return [k for k, n in enumerate(readable(equations, candidates)) if n]


def readable(equations: Sequence[Iterable[int]], candidates: Iterable[Iterable[int]]) -> list[int]:
    """For each candidate (a commune's entry ids), how much of it an observer reads from the sums over the
    ``equations`` (sets of entry ids): the dimension of the combinations of its entries alone that are in the
    span of the equations (0: nothing; 1: its score, or the change of it, or the sum of two of its entries…).
    Exact: integer elimination, no rounding (:func:`_readable`)."""
    return [now for _, now in _readable([], _distinct(equations), candidates)]


def _readable(known: Sequence[frozenset[int]], new: Sequence[frozenset[int]], candidates: Iterable[Iterable[int]]
              ) -> list[tuple[int, int]]:
    """For each candidate, what the equations ``known`` give of it, then with ``new`` too (one elimination
    serves both): pairs of dimensions, as :func:`readable` counts them.

    Entries in exactly the same equations are one column (only their sum is seen); a column holding entries
    of two communes gives neither alone. On the rest, a vector on a commune's columns is in the row space
    iff it is orthogonal to the null space, so the dimension read is the number of the commune's columns
    less the rank of the null space's rows at them (:meth:`_Echelon.readable`). The columns are those of
    every equation, known and new: entries together in all of them are together in the known ones too."""
    pattern: dict[int, list[int]] = {}
    for k, eq in enumerate((*known, *new)):
        for i in eq:
            pattern.setdefault(i, []).append(k)
    col_of = {p: j for j, p in enumerate(sorted({tuple(p) for p in pattern.values()}))}
    column = {i: col_of[tuple(p)] for i, p in pattern.items()}
    cands = [set(c) for c in candidates]
    holder = {i: ci for ci, ids in enumerate(cands) for i in ids}
    owners: dict[int, set[int]] = {}  # column -> candidates holding an entry in it (-1 - id: none)
    for i, j in column.items():
        owners.setdefault(j, set()).add(holder.get(i, -1 - i))
    own = [sorted({column[i] for i in ids if i in column and owners[column[i]] == {ci}}) for ci, ids in enumerate(cands)]
    echelon = _Echelon()
    for eq in known:
        echelon.add({column[i] for i in eq})
    before = [echelon.readable(cols) for cols in own]
    for eq in new:
        echelon.add({column[i] for i in eq})
    return [(then, echelon.readable(cols)) for then, cols in zip(before, own, strict=True)]


def _distinct(equations: Iterable[Iterable[int]]) -> list[frozenset[int]]:
    """The equations once each, the empty ones left out (the same sum seen twice tells nothing more)."""
    seen: dict[frozenset[int], None] = {}
    for eq in equations:
        if eq := frozenset(int(i) for i in eq):
            seen.setdefault(eq)
    return list(seen)


class _Echelon:
    """The reduced row echelon form of 0/1 equations over columns, in integers: each row is sparse (column ->
    integer, every other pivot's column zero) and primitive (its integers share no factor), so nothing is
    rounded and the numbers stay small (262 communes over 50 releases: 0.2–0.3 s a check; SECURITY.md)."""

    def __init__(self) -> None:
        self.rows: dict[int, dict[int, int]] = {}  # pivot column -> row (positive at the pivot)
        self.where: dict[int, set[int]] = {}  # column -> the pivots whose row is nonzero there

    def _put(self, pivot: int, row: dict[int, int]) -> None:
        for c in self.rows.get(pivot, ()):
            self.where[c].discard(pivot)
        self.rows[pivot] = row
        for c in row:
            self.where.setdefault(c, set()).add(pivot)

    def add(self, columns: Iterable[int]) -> None:
        """Add the equation summing these columns (reduced by the rows there, then a row of its own)."""
        x = dict.fromkeys(columns, 1)
        for c in [c for c in x if c in self.rows]:
            if x.get(c):
                x = _combine(x, self.rows[c], c)
        if not x:
            return
        lead = min(x)
        x = _primitive(x, lead)
        for pivot in list(self.where.get(lead, ())):
            self._put(pivot, _primitive(_combine(self.rows[pivot], x, lead), pivot))
        self._put(lead, x)

    def readable(self, own: Sequence[int]) -> int:
        """The dimension of the row space's vectors that are zero outside the columns ``own``."""
        if not own:
            return 0
        if len(own) == 1:  # one column: read iff its pivot's row is that column alone
            return 1 if len(self.rows.get(own[0], ())) == 1 else 0
        # the null space's basis: a free column f gives 1 at f and -row[f] / row[pivot] at each pivot
        free = sorted({f for j in own for f in self.rows.get(j, (j,)) if f not in self.rows})
        null_rows = [[Fraction(-self.rows[j].get(f, 0), self.rows[j][j]) for f in free] if j in self.rows
                     else [Fraction(int(f == j)) for f in free] for j in own]
        return len(own) - _rank(null_rows)


def _combine(x: dict[int, int], row: dict[int, int], c: int) -> dict[int, int]:
    """``x`` with column ``c`` eliminated by ``row`` (integers: row[c] · x − x[c] · row)."""
    a, d = x[c], row[c]
    out = {k: d * v for k, v in x.items()} if d != 1 else dict(x)
    for k, v in row.items():
        if nv := out.get(k, 0) - a * v:
            out[k] = nv
        else:
            out.pop(k, None)
    return out


def _primitive(x: dict[int, int], lead: int) -> dict[int, int]:
    g = 0
    for v in x.values():
        if (g := gcd(g, v)) == 1:
            break
    g = -g if x[lead] < 0 else g
    return x if g == 1 else {k: v // g for k, v in x.items()}


def _rank(matrix: list[list[Fraction]]) -> int:
    rows = [list(r) for r in matrix if any(r)]
    rank = 0
    for c in range(len(rows[0]) if rows else 0):
        pick = next((k for k in range(rank, len(rows)) if rows[k][c]), None)
        if pick is None:
            continue
        rows[rank], rows[pick] = rows[pick], rows[rank]
        for k in range(rank + 1, len(rows)):
            if rows[k][c]:
                f = rows[k][c] / rows[rank][c]
                rows[k] = [a - f * b for a, b in zip(rows[k], rows[rank], strict=True)]
        rank += 1
    return rank


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
         scores: Any = None, shown_before: Sequence[Cells] = ()) -> Plan:
    """Whether publishing every counted entry now is safe: for each dimension, the sums of every cell shown by
    any release before (its last showing, ``state["last"]``, and every release's cells, ``shown_before``:
    whoever kept each release has them all) and as this release would show them are the equations an observer
    has; no commune may be read from them that could not be read before (:func:`readable`: its scores, or
    the change of them; joined, left, withdrawn, erased or not). ``entries``: every entry (withdrawn ones
    too, for their commune). ``dimensions``: by default every one the counted entries score, or a cell of
    ``state`` names."""
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
    # what an observer has: every cell's sum as shown by every release before (the last showing of each cell,
    # and each release of the history), then the release's; a commune newly read from them all makes it wait
    earlier = [last, *shown_before]
    read: set[str] = set()
    seen: dict[tuple[frozenset[frozenset[int]], ...], set[str]] = {}
    for d in dimensions:
        known = _distinct(c[d] for cs in earlier for c in cs.values() if d in c)
        known_set = frozenset(known)
        new = [eq for eq in _distinct(c[d] for c in found.values() if d in c) if eq not in known_set]
        key = (known_set, frozenset(new))
        if key not in seen:  # the dimensions every commune scored have the same sums: solved once
            communes: dict[str, set[int]] = {}
            for eq in (*known, *new):
                for i in eq:
                    communes.setdefault(nis_of.get(i, f"#{i}"), set()).add(i)
            names = sorted(communes)
            # newly read only: what an observer could already read is no reason to wait (the admin published
            # it anyway); more of the same commune is (its new scores beside the old ones)
            seen[key] = {nis for nis, (then, now) in zip(names, _readable(known, new, [communes[n] for n in names]),
                                                          strict=True) if now > then}
        read |= seen[key]
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
