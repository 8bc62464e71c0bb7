"""The submissions aggregate: immutable snapshots of a space's answers and scores."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from . import limits
from .db import aware, dumps, guarded, loads, metadata
from .limits import LimitsMixin
from .pool import add_assessment_entry
from .spaces import StaleDraft, find_space, spaces


@dataclass(frozen=True)
class Snapshot:
    """A submitted assessment. Immutable: the store has no method to change one."""

    id: int
    submitted_at: datetime
    nis_code: str | None
    questionnaire_id: str
    questionnaire_version: str
    document: dict[str, Any]  # the answers file as submitted (contract §2)
    assessment: dict[str, Any]  # the scores, as computed by the core (contract §6, score --json)
    pool_opt_in: bool




snapshots = sa.Table(
    "snapshots",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("nis_code", sa.String(16)),
    sa.Column("questionnaire_id", sa.String(200), nullable=False),
    sa.Column("questionnaire_version", sa.String(100), nullable=False),
    sa.Column("document_json", sa.Text, nullable=False),
    sa.Column("assessment_json", sa.Text, nullable=False),
    sa.Column("pool_opt_in", sa.Boolean, nullable=False),
)


def snapshots_of(conn: sa.Connection, space_id: int) -> list[Snapshot]:
    """The submissions of a space, oldest first."""
    rows = conn.execute(
        sa.select(snapshots)
        .where(snapshots.c.space_id == space_id)
        .order_by(snapshots.c.submitted_at, snapshots.c.id)
    ).all()
    return [
        Snapshot(
            id=r.id,
            submitted_at=aware(r.submitted_at),
            nis_code=r.nis_code,
            questionnaire_id=r.questionnaire_id,
            questionnaire_version=r.questionnaire_version,
            document=loads(r.document_json),
            assessment=loads(r.assessment_json),
            pool_opt_in=bool(r.pool_opt_in),
        )
        for r in rows
    ]


def delete_snapshot_rows(conn: sa.Connection, space_id: int) -> None:
    conn.execute(snapshots.delete().where(snapshots.c.space_id == space_id))


class SubmissionsMixin(LimitsMixin):
    """Submit a space's answers as a snapshot; read the history."""

    @guarded
    def submit(
        self,
        token: str,
        document: dict[str, Any],
        assessment: dict[str, Any],
        questionnaire_id: str,
        questionnaire_version: str,
        pool_opt_in: bool,
        *,
        client: str | None = None,
        expected_version: int | None = None,
    ) -> Snapshot:
        """Store an immutable snapshot; with ``pool_opt_in`` and a known commune, add a pool entry
        with the dimension scores only (never the answers), and its provenance (fingerprints of the
        space and of ``client``, the client's address, which is not stored). The entry waits for the
        admin's confirmation (it counts in nothing until then), unless the space is a campaign's live
        invitation, whose link proves the commune: then it is confirmed on arrival.

        ``expected_version``: the space version the document was read at; when the draft changed
        since, nothing is stored and :class:`StaleDraft` is raised (the caller reloads and scores
        what is stored). Submissions are limited per space and per client (:class:`RateLimited`)."""
        if not isinstance(document, dict) or not isinstance(assessment, dict):
            raise ValueError("document and assessment are JSON objects")
        document_json = dumps(document)
        assessment_json = dumps(assessment)
        commune = document.get("commune") if isinstance(document.get("commune"), dict) else {}
        now = self._now()
        with self._write() as conn:
            space_id = find_space(conn, token)
            if expected_version is not None:
                found = conn.execute(sa.select(spaces.c.version).where(spaces.c.id == space_id)).scalar_one()
                if int(found) != expected_version:
                    raise StaleDraft(expected_version, int(found))
            space_fp = self._fingerprint(conn, "space", space_id)
            client_fp = self._fingerprint(conn, "client", client) if client else None
            limits.take(conn, "submit_space", space_fp, self.submit_per_space, now)
            # a campaign's invited space answers for its commune only, one space per commune: the per-address
            # limit (a script submitting for every commune from one address) would stop the 21st commune
            # answering from a shared address (one municipal network, a workshop) in an hour, told « Trop
            # d'envois » after its first (fresh-eyes trial 11); its per-space limit stays
            invited = self._invited(conn, space_id)
            if client_fp and not invited:
                limits.take(conn, "submit_client", client_fp, self.submit_per_client, now)
            nis_code = (
                commune.get("nis_code")
                or conn.execute(sa.select(spaces.c.nis_code).where(spaces.c.id == space_id)).scalar()
            )
            nis_code = str(nis_code) if nis_code else None
            snap_id = conn.execute(
                snapshots.insert()
                .values(
                    space_id=space_id,
                    submitted_at=now,
                    nis_code=nis_code,
                    questionnaire_id=questionnaire_id,
                    questionnaire_version=questionnaire_version,
                    document_json=document_json,
                    assessment_json=assessment_json,
                    pool_opt_in=bool(pool_opt_in),
                )
                .returning(snapshots.c.id)
            ).scalar_one()
            # an invitation's entry counts on arrival: the published figures take it in when that is safe
            release = self._release_begin(conn) if pool_opt_in and nis_code and invited else None
            if pool_opt_in and nis_code:
                add_assessment_entry(conn, snap_id, nis_code, now, questionnaire_version, assessment,
                                     space_fingerprint=space_fp, client_fingerprint=client_fp,
                                     # the open pool's entry waits for the admin (anyone can submit for any
                                     # commune); an invitation's space is bound to its commune by the link
                                     confirmed=invited)
            if release is not None:
                self._release_end(conn, release)
            self._on_submitted(conn, space_id, int(snap_id), now, document_json, assessment_json)
        return Snapshot(
            id=int(snap_id),
            submitted_at=now,
            nis_code=nis_code,
            questionnaire_id=questionnaire_id,
            questionnaire_version=questionnaire_version,
            document=json.loads(document_json),
            assessment=json.loads(assessment_json),
            pool_opt_in=bool(pool_opt_in),
        )

    @guarded
    def history(self, token: str) -> list[Snapshot]:
        """The submissions of a space, oldest first."""
        with self._read() as conn:
            return snapshots_of(conn, find_space(conn, token))

    def latest_snapshot(self, token: str) -> Snapshot | None:
        subs = self.history(token)
        return subs[-1] if subs else None

    def previous_snapshot(self, token: str) -> Snapshot | None:
        """The submission before the most recent one (what "what changed" compares it with)."""
        subs = self.history(token)
        return subs[-2] if len(subs) >= 2 else None
