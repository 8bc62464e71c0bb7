"""Storage adapter: a commune's spaces, their submissions and the benchmark pool, on SQLAlchemy 2.

Documents (answers files, assessments) are opaque JSON here: the core owns their meaning.
See docs/storage.md for the schema, the privacy model and the fault behaviour.

One module per aggregate, each a mixin over the one engine and transaction helper of :mod:`.db`:
:mod:`.spaces` (drafts under a resume token), :mod:`.submissions` (immutable snapshots),
:mod:`.pool` (per-commune scores, imports, withdrawals), :mod:`.campaigns` (campaigns, invitations,
responses, imported aggregates), :mod:`.teams` (colleagues answering under links of their own).
:class:`Store` puts them together.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import sqlalchemy as sa

from .. import poolstatus
from . import campaigns, pool, spaces, submissions, teams
from .campaigns import Campaign, CampaignsMixin, FileResponse, InvitationInfo, Invitee, Issued
from .db import DB_FILENAME, SQLITE_HEADER, Database, SpaceNotFound, StorageError, _classify, aware, guarded
from .limits import Limit, LimitsMixin, RateLimited
from .pool import ASSESSMENT_SOURCE, PoolMixin
from .spaces import CommuneLocked, Space, SpacesMixin, StaleDraft
from .submissions import Snapshot, SubmissionsMixin
from .teams import MAX_MEMBERS, Member, MemberSpace, TeamFull, TeamsMixin

__all__ = [
    "ASSESSMENT_SOURCE",
    "DB_FILENAME",
    "MAX_MEMBERS",
    "SQLITE_HEADER",
    "Campaign",
    "CommuneLocked",
    "Database",
    "FileResponse",
    "InvitationInfo",
    "Invitee",
    "Issued",
    "Limit",
    "Member",
    "MemberSpace",
    "RateLimited",
    "Snapshot",
    "Space",
    "SpaceNotFound",
    "StaleDraft",
    "StorageError",
    "Store",
    "TeamFull",
    "_classify",
]


class Store(CampaignsMixin, SpacesMixin, SubmissionsMixin, PoolMixin, LimitsMixin, TeamsMixin, Database):
    """Spaces, submissions, the pool, campaigns and teams over one database. Thread-safe; create one per process
    (after any fork). What spans aggregates (a whole space, its erasure) is written here."""

    @guarded
    def load_space(self, token: str) -> Space | None:
        """The space with its draft and submissions (oldest first); None for an unknown token."""
        with self._read() as conn:
            found = self._load_draft(conn, token)
            if found is None:
                return None
            row, draft = found
            subs = submissions.snapshots_of(conn, row.id)
        return Space(
            token=token,
            nis_code=row.nis_code,
            commune_name=row.commune_name,
            lang=row.lang,
            questionnaire_id=row.questionnaire_id,
            questionnaire_version=row.questionnaire_version,
            draft=draft,
            draft_updated_at=aware(row.draft_updated_at),
            created_at=aware(row.created_at),
            submissions=subs,
            commune_locked=bool(row.commune_locked),
            version=int(row.version),
            last_part=spaces.last_part_of(row),
        )

    @guarded
    def delete_space(self, token: str) -> bool:
        """Delete everything of a space: draft, submissions and their pool entries, team members and their
        answers; erased rows leave no readable copy in the SQLite file or its WAL (see :meth:`_scrub`)."""
        if not spaces.valid_token(token):
            return False
        with self._write() as conn:
            try:
                space_id = spaces.find_space(conn, token)
            except SpaceNotFound:
                return False
            self._release_begin(conn)  # its pool entries leave the figures now: their groups are hidden
            _erase(conn, space_id)
        self._scrub()
        return True

    @guarded
    def erase_untouched(self, days: float) -> int:
        """Erase every space nobody changed or submitted for ``days`` days (the retention period), with
        everything that belongs to it. Returns how many spaces were erased."""
        if days <= 0:
            return 0
        cutoff = self._now() - timedelta(days=days)
        sp, sn = spaces.spaces, submissions.snapshots
        last_submission = (
            sa.select(sa.func.max(sn.c.submitted_at)).where(sn.c.space_id == sp.c.id).scalar_subquery()
        )
        with self._write() as conn:
            ids = conn.execute(
                sa.select(sp.c.id).where(
                    sp.c.draft_updated_at < cutoff,
                    sa.or_(last_submission.is_(None), last_submission < cutoff),
                )
            ).scalars().all()
            if ids:
                self._release_begin(conn)
            for space_id in ids:
                _erase(conn, space_id)
        if ids:
            self._scrub()
        return len(ids)

    @guarded
    def pool_statuses(self, token: str) -> dict[int, str]:
        """For a space's holder: the status of each of its shared submissions' pool entry, by submission id
        (``pending``, ``counted``, ``superseded``, ``disputed``, ``withdrawn``: see :meth:`pool_entries`; and
        ``unpublished``: counted, but the published figures show it at a later release, maturity.poolrelease).
        Submissions not shared are absent. ``SpaceNotFound`` for a wrong token."""
        with self._read() as conn:
            space_id = spaces.find_space(conn, token)
            mine = set(conn.execute(sa.select(submissions.snapshots.c.id)
                                    .where(submissions.snapshots.c.space_id == space_id)).scalars())
            pe = pool.pool_entries
            # the entries of this space's communes only: on the results page, at every rerun of its history,
            # where reading the whole pool grew with every commune that ever shared
            communes = sa.select(pe.c.nis_code).where(pe.c.snapshot_id.in_(mine)).distinct() if mine else []
            entries = pool._entries(conn, communes=communes) if mine else []
            release = pool._release_state(conn) if mine else None
        status = poolstatus.statuses(entries)
        if release is not None:  # counted, not yet in the published figures: it waits for company
            published = set(release.get("ids") or ())
            status = {i: "unpublished" if s == "counted" and i not in published else s for i, s in status.items()}
        return {e["snapshot_id"]: status[e["id"]] for e in entries if e["snapshot_id"] in mine}

    @guarded
    def export_space(self, token: str) -> dict[str, Any] | None:
        """Everything stored about a space, for its holder: the draft, every submission (answers and
        scores) and their pool entries (scores, status, provenance), and the team: each colleague's role,
        parts, own answers and notes, and the reasons of the meeting's decisions (never a colleague's link,
        of which only a hash is stored). None for an unknown token."""
        space = self.load_space(token)
        if space is None:
            return None
        team = [{"role": m.role, "sections": m.sections, "invited_at": m.created_at.isoformat(),
                 "updated_at": m.updated_at.isoformat(), "answers": m.answers, "notes": m.notes}
                for m in self.team_answers(token)]
        decisions = self.decisions(token)
        snap_ids = [s.id for s in space.submissions]
        pe = pool.pool_entries
        with self._read() as conn:
            rows = conn.execute(sa.select(pe).where(pe.c.snapshot_id.in_(snap_ids)).order_by(pe.c.id)).all() \
                if snap_ids else []
        listed = {e["id"]: e for e in self.pool_entries()} if rows else {}
        return {
            "about": "Everything this service stores about one self-assessment (its resume link is not stored).",
            "exported_at": self._now().isoformat(),
            "space": {
                "nis_code": space.nis_code, "commune_name": space.commune_name, "lang": space.lang,
                "questionnaire": {"id": space.questionnaire_id, "version": space.questionnaire_version},
                "created_at": space.created_at.isoformat(), "updated_at": space.draft_updated_at.isoformat(),
                "version": space.version, "last_part": space.last_part,
            },
            "draft": space.draft,
            "submissions": [
                {"id": s.id, "submitted_at": s.submitted_at.isoformat(), "pool_opt_in": s.pool_opt_in,
                 "document": s.document, "assessment": s.assessment}
                for s in space.submissions
            ],
            "pool_entries": [
                {"id": r.id, "submission_id": r.snapshot_id, "nis_code": r.nis_code,
                 "submitted_at": aware(r.submitted_at).isoformat(), "scores": json.loads(r.scores_json),
                 "status": listed[r.id]["status"], "withdrawn": bool(r.withdrawn),
                 "confirmed_at": aware(r.confirmed_at).isoformat() if r.confirmed_at else None,
                 "space_fingerprint": r.space_fingerprint, "client_fingerprint": r.client_fingerprint}
                for r in rows
            ],
            "team": team,
            "team_decisions": decisions,
        }

    def _scrub(self) -> None:
        """After an erasure: copy the WAL into the database file and empty it, so that erased rows
        (already zeroed in the file by ``secure_delete``) survive in no side file. PostgreSQL keeps dead
        rows until VACUUM (SECURITY.md)."""
        if not self.is_sqlite:
            return
        raw = self.engine.raw_connection()  # outside any transaction: a checkpoint inside one cannot finish
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            raw.close()


def _erase(conn: sa.Connection, space_id: int) -> None:
    snap_ids = sa.select(submissions.snapshots.c.id).where(submissions.snapshots.c.space_id == space_id)
    pool.delete_space_entries(conn, snap_ids)
    campaigns.delete_space_responses(conn, snap_ids)
    submissions.delete_snapshot_rows(conn, space_id)
    teams.delete_team_rows(conn, space_id)
    spaces.delete_space_rows(conn, space_id)
