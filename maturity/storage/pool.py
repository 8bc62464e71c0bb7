"""The pool aggregate: per-commune dimension scores (never answers) from opted-in submissions
and imports; the admin confirms and withdraws entries. Which entries count (pending, disputed…),
the aggregation and the n ≥ 5 rule belong to the core (:mod:`maturity.poolstatus`, :mod:`maturity.pool`)."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa

from .. import poolrelease, poolstatus
from ..errors import InvalidInput, Problem
from ..poolstatus import ASSESSMENT_SOURCE
from .db import Database, aware, dumps, guarded, loads, metadata

__all__ = ["ASSESSMENT_SOURCE", "PoolMixin", "pool_entries", "pool_release", "pool_releases"]
RESERVED_POOL_KEYS = frozenset({"nis_code", "submitted_at", "questionnaire_version", "source"})

pool_entries = sa.Table(
    "pool_entries",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id", ondelete="CASCADE"), unique=True),
    sa.Column("nis_code", sa.String(16), nullable=False),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("questionnaire_version", sa.String(100)),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("scores_json", sa.Text, nullable=False),
    sa.Column("withdrawn", sa.Boolean, nullable=False),
    sa.Column("withdrawn_at", sa.DateTime(timezone=True)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("space_fingerprint", sa.String(32)),
    sa.Column("client_fingerprint", sa.String(32)),
    # None while the entry waits for the admin (it counts in nothing); set on arrival for a campaign's invited
    # space and for imports; set to created_at for every entry stored before version 5 (they kept counting)
    sa.Column("confirmed_at", sa.DateTime(timezone=True)),
)

# one row (id 1): the release the published figures are computed from (maturity.poolrelease); state_json NULL
# (or no row): none yet, the figures are the counted entries until the first change of the pool records them
pool_release = sa.Table(
    "pool_release",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("state_json", sa.Text),
    sa.Column("released_at", sa.DateTime(timezone=True)),
    sa.Column("released_by", sa.String(20)),  # initial, auto or admin
)

# every release, oldest first (version 8): the cells it showed (maturity.poolrelease.compact: entry ids, never a
# score), for the check (an observer who kept them all combines them) and the audit of the admin's « publish anyway »
pool_releases = sa.Table(
    "pool_releases",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("released_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("released_by", sa.String(20), nullable=False),  # initial, auto or admin
    sa.Column("cells_json", sa.Text, nullable=False),
    sa.Column("read_json", sa.Text),  # admin: the communes (NIS; "" an erased one) the check found it gave away
    sa.Column("warning", sa.Text),  # admin: the warning the page showed, as shown
    sa.Column("published_by", sa.String(80)),  # admin: the name typed in the confirmation
    sa.Column("client_fingerprint", sa.String(32)),  # admin: their address's fingerprint (limits.fingerprint)
)



def add_assessment_entry(
    conn: sa.Connection, snapshot_id: int, nis_code: str, now: datetime, questionnaire_version: str,
    assessment: dict[str, Any], *, space_fingerprint: str, client_fingerprint: str | None = None,
    confirmed: bool = False,
) -> None:
    """The pool entry of an opted-in submission: its dimension scores only, never the answers, and
    where it came from (fingerprints of the space and of the client). It waits for the admin's
    confirmation unless ``confirmed`` (a campaign's invited space: the link proves the commune)."""
    conn.execute(
        pool_entries.insert().values(
            snapshot_id=snapshot_id,
            nis_code=nis_code,
            submitted_at=now,
            questionnaire_version=questionnaire_version,
            source=ASSESSMENT_SOURCE,
            scores_json=dumps(_dimension_scores(assessment)),
            withdrawn=False,
            created_at=now,
            space_fingerprint=space_fingerprint,
            client_fingerprint=client_fingerprint,
            confirmed_at=now if confirmed else None,
        )
    )


def delete_space_entries(conn: sa.Connection, snapshot_ids: Any) -> None:
    """The pool entries of these snapshots (a select of ids), when their space is erased."""
    conn.execute(pool_entries.delete().where(pool_entries.c.snapshot_id.in_(snapshot_ids)))


class PoolMixin(Database):
    """The pooled rows, imports, and the admin's view and withdrawals."""

    @guarded
    def pool_rows(self) -> poolrelease.PublishedRows:
        """The rows of the published figures: per commune, the entry the current release took in
        (nis_code, submitted_at, questionnaire_version, source, and one key per dimension score; never
        answers), with the cells the release shows (``shown``) and the groups a withdrawal or an erasure
        hides since (``held``); :func:`maturity.pool.pooled_reference` applies them.

        Which entries count is the core's (:func:`maturity.poolstatus.counted_rows`): an entry the admin has
        not confirmed yet counts in nothing; a disputed commune's assessment entries count in nothing until
        the admin settles it. A counted entry is published once a release takes it in
        (:mod:`maturity.poolrelease`): by itself when that is safe, or when the admin publishes
        (:meth:`publish_pool`). A withdrawn or erased entry is in no row from that moment."""
        with self._read() as conn:
            entries = _entries(conn, may_count=True)
            state = _release_state(conn)
        return poolrelease.published_rows(entries, state, scores=lambda e: loads(e["scores_json"]))

    @guarded
    def pool_release_state(self) -> dict[str, Any] | None:
        """The current release (:mod:`maturity.poolrelease`'s state, with ``released_at`` and ``released_by``),
        for the admin page; None before the first change of the pool."""
        with self._read() as conn:
            row = conn.execute(sa.select(pool_release).where(pool_release.c.id == 1)).first()
        if row is None or row.state_json is None:
            return None
        return dict(loads(row.state_json), released_by=row.released_by)

    @guarded
    def pool_release_history(self) -> list[dict[str, Any]]:
        """Every release kept, oldest first (version 8; a database upgraded from version 7 starts with the
        release it had): id, released_at, released_by (``initial``, ``auto``, ``admin``), ``cells`` (what it
        showed: :data:`maturity.poolrelease.Cells`, entry ids only), and for the admin's: ``read`` (the
        communes the check found it gave away), ``warning`` (the text the page showed), ``published_by`` (the
        name typed) and ``client_fingerprint``."""
        with self._read() as conn:
            rows = conn.execute(sa.select(pool_releases).order_by(pool_releases.c.id)).all()
        return [{"id": r.id, "released_at": aware(r.released_at), "released_by": r.released_by,
                 "cells": poolrelease.expand(loads(r.cells_json)),
                 "read": None if r.read_json is None else loads(r.read_json), "warning": r.warning,
                 "published_by": r.published_by, "client_fingerprint": r.client_fingerprint} for r in rows]

    @guarded
    def publish_pool(self, *, by: str | None = None, warning: str | None = None, client: str | None = None,
                     expected: list[str] | None = None) -> bool:
        """The admin publishes every counted entry now, whatever the release would give away (the admin page
        says what, first, and asks to confirm it by name). The release keeps who (``by``, the name typed; the
        fingerprint of the ``client``'s address), the ``warning`` shown and what the check finds it gives away.
        ``expected``: the communes (NIS) the confirmation named; when the check now finds others (the pool
        changed since the page showed it), nothing is published and the result is False."""
        name = " ".join((by or "").split())[:80] or None
        with self._write() as conn:
            state = self._release_begin(conn)
            entries = _entries(conn)
            plan = poolrelease.plan(entries, state, shown_before=_shown_before(conn))
            if expected is not None and sorted(expected) != plan.read:
                return False
            fp = self._fingerprint(conn, "client", client) if client else None
            self._release_write(conn, poolrelease.release_of(plan.found, plan.ids, self._now(), state), "admin",
                                found=plan.found, read=plan.read, warning=warning or None, name=name, client=fp)
        return True

    def _release_begin(self, conn: sa.Connection) -> dict[str, Any]:
        """At the start of a write that changes what counts: hold the release (PostgreSQL: its row is locked
        until the commit, so two writes at once never publish from two different pools), and record the
        figures as they stand as the first release when there is none yet."""
        conn.execute(self._insert(pool_release).values(id=1).on_conflict_do_nothing(index_elements=["id"]))
        query = sa.select(pool_release.c.state_json).where(pool_release.c.id == 1)
        text = conn.execute(query if self.is_sqlite else query.with_for_update()).scalar()
        if text is not None:
            return loads(text)
        state = poolrelease.release(_entries(conn), self._now(), None)
        self._release_write(conn, state, "initial")
        return state

    def _release_end(self, conn: sa.Connection, state: dict[str, Any]) -> None:
        """After the change: publish every counted entry when that is safe (:func:`maturity.poolrelease.plan`,
        against every release kept); otherwise the change waits."""
        plan = poolrelease.plan(_entries(conn), state, shown_before=_shown_before(conn))
        if plan.waiting and plan.safe:
            self._release_write(conn, poolrelease.release_of(plan.found, plan.ids, self._now(), state), "auto",
                                found=plan.found)

    def _release_write(self, conn: sa.Connection, state: dict[str, Any], by: str, *,
                       found: poolrelease.Cells | None = None, read: list[str] | None = None,
                       warning: str | None = None, name: str | None = None, client: str | None = None) -> None:
        """The release becomes the published one, and the last of the history (with, for the admin's, what it
        gave away, the warning shown and who), at the time the state says."""
        now = poolrelease.released_at(state)
        conn.execute(pool_release.update().where(pool_release.c.id == 1).values(
            state_json=dumps(state), released_at=now, released_by=by))
        cells = found if found is not None else poolrelease.shown_cells(state)
        conn.execute(pool_releases.insert().values(
            released_at=now, released_by=by, cells_json=dumps(poolrelease.compact(cells)),
            read_json=None if read is None else dumps(read), warning=warning,
            published_by=name, client_fingerprint=client))

    @guarded
    def import_pool_rows(self, rows: list[dict[str, Any]], source: str) -> int:
        """Import per-commune dimension scores (e.g. from a survey), labelled with ``source``.
        Every row is checked first; all are stored or none (InvalidInput lists every problem)."""
        problems: list[Problem] = []
        if not isinstance(source, str) or not source.strip() or source == ASSESSMENT_SOURCE:
            problems.append(
                Problem(f"source must be a non-empty label other than {ASSESSMENT_SOURCE!r}", "source")
            )
        now = self._now()
        values = []
        for i, row in enumerate(rows):
            place = f"rows[{i}]"
            if not isinstance(row, dict):
                problems.append(Problem("a row is an object", place))
                continue
            nis = row.get("nis_code")
            if not isinstance(nis, str) or not nis.strip():
                problems.append(Problem("nis_code is missing", f"{place}.nis_code"))
            when = row.get("submitted_at", now)
            try:
                when = _parse_when(when)
            except ValueError:
                problems.append(Problem(f"{when!r} is not a date", f"{place}.submitted_at"))
            version = row.get("questionnaire_version")
            scores = {}
            for key, val in row.items():
                if key in RESERVED_POOL_KEYS:
                    continue
                if val is not None and (
                    isinstance(val, bool) or not isinstance(val, int | float) or not math.isfinite(val)
                ):
                    problems.append(Problem(f"{val!r} is not a score", f"{place}.{key}"))
                scores[str(key)] = val
            values.append(
                {
                    "snapshot_id": None,
                    "nis_code": nis,
                    "submitted_at": when,
                    "questionnaire_version": None if version is None else str(version),
                    "source": source,
                    "scores_json": dumps(scores) if not problems else "{}",
                    "withdrawn": False,
                    "created_at": now,
                    "confirmed_at": now,  # the operator's own import: nobody else can send one
                }
            )
        if problems:
            raise InvalidInput(problems)
        if not values:
            return 0
        with self._write() as conn:
            state = self._release_begin(conn)
            conn.execute(pool_entries.insert(), values)
            self._release_end(conn, state)
        return len(values)

    @guarded
    def pool_entries(self) -> list[dict[str, Any]]:
        """For the admin: every pool entry, newest first: id, nis_code, submitted_at, source,
        questionnaire_version, scores, withdrawn, withdrawn_at, confirmed_at (None while it waits), its
        provenance (space_fingerprint, client_fingerprint, created_at) and its ``status``: ``pending``
        (waits for the admin's confirmation: counts in nothing), ``counted`` (the commune's row in the
        figures), ``superseded`` (an earlier entry of the same space), ``disputed`` (the commune has
        confirmed entries from several spaces: none counts), ``withdrawn``. Never answers."""
        with self._read() as conn:
            entries = _entries(conn)
        status = poolstatus.statuses(entries)
        out = []
        for e in reversed(entries):  # oldest first from the database: newest first here
            e = dict(e, status=status[e["id"]])
            del e["snapshot_id"]
            out.append(e)
        return out

    @guarded
    def confirm_pool_entry(self, entry_id: int) -> bool:
        """Confirm one pending entry (admin): from now on it counts as any entry. False when there is no
        such entry, or it was withdrawn or already confirmed."""
        return self.confirm_pool_entries([entry_id]) == 1

    @guarded
    def confirm_pool_entries(self, entry_ids: list[int]) -> int:
        """Confirm several pending entries at once (admin); returns how many were confirmed (those
        withdrawn, already confirmed or unknown are skipped)."""
        ids = sorted({int(i) for i in entry_ids})
        if not ids:
            return 0
        pe = pool_entries
        with self._write() as conn:
            state = self._release_begin(conn)
            result = conn.execute(
                pe.update()
                .where(pe.c.id.in_(ids), pe.c.withdrawn == sa.false(), pe.c.confirmed_at.is_(None))
                .values(confirmed_at=self._now())
            )
            self._release_end(conn, state)
        return result.rowcount or 0

    @guarded
    def withdraw_pool_entry(self, entry_id: int) -> bool:
        """Withdraw a pool entry (it stays listed for the admin, never in pool_rows).
        False when there is no such entry or it was already withdrawn."""
        return self.withdraw_pool_entries([entry_id]) == 1

    @guarded
    def withdraw_pool_entries(self, entry_ids: list[int]) -> int:
        """Withdraw several entries at once (e.g. every entry from one client fingerprint);
        returns how many were withdrawn (those already withdrawn or unknown are skipped)."""
        ids = sorted({int(i) for i in entry_ids})
        if not ids:
            return 0
        with self._write() as conn:
            state = self._release_begin(conn)
            result = conn.execute(
                pool_entries.update()
                .where(pool_entries.c.id.in_(ids), pool_entries.c.withdrawn == sa.false())
                .values(withdrawn=True, withdrawn_at=self._now())
            )
            self._release_end(conn, state)
        return result.rowcount or 0

    @guarded
    def settle_dispute(self, nis_code: str, keep_space_fingerprint: str | None) -> int:
        """Settle a disputed commune: keep the entries of one space, withdraw the assessment entries of
        every other space, pending ones too (all of them when ``keep_space_fingerprint`` is None).
        Returns how many entries were withdrawn. Settling confirms nothing: the kept space's entries
        stay as they were (a confirmed one counts again, a pending one still waits for the admin)."""
        pe = pool_entries
        cond = [pe.c.nis_code == nis_code, pe.c.source == ASSESSMENT_SOURCE, pe.c.withdrawn == sa.false()]
        if keep_space_fingerprint is not None:
            cond.append(sa.or_(pe.c.space_fingerprint.is_(None), pe.c.space_fingerprint != keep_space_fingerprint))
        with self._write() as conn:
            state = self._release_begin(conn)
            result = conn.execute(pe.update().where(*cond).values(withdrawn=True, withdrawn_at=self._now()))
            self._release_end(conn, state)
        return result.rowcount or 0


def _shown_before(conn: sa.Connection) -> list[poolrelease.Cells]:
    """The cells every release kept showed (an observer who noted each release has them all)."""
    return [poolrelease.expand(loads(text)) for text in
            conn.execute(sa.select(pool_releases.c.cells_json).order_by(pool_releases.c.id)).scalars()]


def _release_state(conn: sa.Connection) -> dict[str, Any] | None:
    text = conn.execute(sa.select(pool_release.c.state_json).where(pool_release.c.id == 1)).scalar()
    return None if text is None else loads(text)


def _entries(conn: sa.Connection, *, may_count: bool = False, communes: Any = None) -> list[dict[str, Any]]:
    """Every pool entry as the core reads it (:mod:`maturity.poolstatus`), oldest first, with its snapshot id;
    ``communes``: those of these NIS codes only (an entry's status depends on its commune's entries alone).

    ``may_count``: only the entries that can count (confirmed, not withdrawn: the others change no other
    entry's status), with their scores as JSON text (``scores_json``) for the caller to read those that
    count; 10,000 entries are read in a tenth of the time."""
    pe = pool_entries
    if may_count:
        rows = conn.execute(
            sa.select(pe.c.id, pe.c.nis_code, pe.c.submitted_at, pe.c.source, pe.c.questionnaire_version,
                      pe.c.scores_json, pe.c.confirmed_at, pe.c.space_fingerprint)
            .where(pe.c.withdrawn == sa.false(), pe.c.confirmed_at.is_not(None))
        ).all()
        return [{"id": i, "nis_code": nis, "submitted_at": aware(when), "source": source, "questionnaire_version": qv,
                 "scores_json": scores, "withdrawn": False, "confirmed_at": confirmed, "space_fingerprint": fp}
                for i, nis, when, source, qv, scores, confirmed, fp in rows]  # unpacked: 10,000 rows read faster
    query = sa.select(pe) if communes is None else sa.select(pe).where(pe.c.nis_code.in_(communes))
    rows = conn.execute(query.order_by(pe.c.submitted_at, pe.c.id)).all()
    return [
        {
            "id": r.id,
            "nis_code": r.nis_code,
            "submitted_at": aware(r.submitted_at),
            "source": r.source,
            "questionnaire_version": r.questionnaire_version,
            "scores": loads(r.scores_json),
            "withdrawn": bool(r.withdrawn),
            "withdrawn_at": aware(r.withdrawn_at) if r.withdrawn_at else None,
            "confirmed_at": aware(r.confirmed_at) if r.confirmed_at else None,
            "created_at": aware(r.created_at),
            "space_fingerprint": r.space_fingerprint,
            "client_fingerprint": r.client_fingerprint,
            "snapshot_id": r.snapshot_id,
        }
        for r in rows
    ]


def _dimension_scores(assessment: dict[str, Any]) -> dict[str, float | None]:
    dims = assessment.get("dimensions")
    if not isinstance(dims, dict):
        return {}
    out: dict[str, float | None] = {}
    for dim_id, dim in dims.items():
        score = dim.get("score") if isinstance(dim, dict) else None
        if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score):
            score = None
        if str(dim_id) not in RESERVED_POOL_KEYS:
            out[str(dim_id)] = score
    return out


def _parse_when(value: Any) -> datetime:
    if isinstance(value, datetime):
        return aware(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, int) and not isinstance(value, bool) and 1900 < value < 3000:
        return datetime(value, 1, 1, tzinfo=UTC)
    if isinstance(value, str):
        return aware(datetime.fromisoformat(value))
    raise ValueError(value)


