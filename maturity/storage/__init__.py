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

import sqlalchemy as sa

from . import campaigns, pool, spaces, submissions, teams
from .campaigns import Campaign, CampaignsMixin, FileResponse, InvitationInfo, Invitee, Issued
from .db import DB_FILENAME, SQLITE_HEADER, Database, SpaceNotFound, StorageError, _classify, aware, guarded
from .limits import Limit, LimitsMixin, RateLimited
from .pool import ASSESSMENT_SOURCE, PoolMixin
from .spaces import CommuneLocked, Space, SpacesMixin, StaleDraft
from .submissions import Snapshot, SubmissionsMixin
from .teams import Member, MemberSpace, TeamsMixin

__all__ = [
    "ASSESSMENT_SOURCE",
    "DB_FILENAME",
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
        )

    @guarded
    def delete_space(self, token: str) -> bool:
        """Delete everything of a space: draft, submissions and their pool entries, team members and their answers."""
        if not spaces.valid_token(token):
            return False
        with self._write() as conn:
            try:
                space_id = spaces.find_space(conn, token)
            except SpaceNotFound:
                return False
            snap_ids = sa.select(submissions.snapshots.c.id).where(submissions.snapshots.c.space_id == space_id)
            pool.delete_space_entries(conn, snap_ids)
            campaigns.delete_space_responses(conn, snap_ids)
            submissions.delete_snapshot_rows(conn, space_id)
            teams.delete_team_rows(conn, space_id)
            spaces.delete_space_rows(conn, space_id)
        return True
