"""The pool aggregate: per-commune dimension scores (never answers) from opted-in submissions
and imports; the admin withdraws entries. Aggregation and the n ≥ 5 rule belong to the core."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa

from ..errors import InvalidInput, Problem
from .db import Database, aware, dumps, guarded, loads, metadata

ASSESSMENT_SOURCE = "assessment"  # source label of pool entries coming from submitted assessments
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
)



def add_assessment_entry(
    conn: sa.Connection, snapshot_id: int, nis_code: str, now: datetime, questionnaire_version: str,
    assessment: dict[str, Any],
) -> None:
    """The pool entry of an opted-in submission: its dimension scores only, never the answers."""
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
        )
    )


def delete_space_entries(conn: sa.Connection, snapshot_ids: Any) -> None:
    """The pool entries of these snapshots (a select of ids), when their space is erased."""
    conn.execute(pool_entries.delete().where(pool_entries.c.snapshot_id.in_(snapshot_ids)))


class PoolMixin(Database):
    """The pooled rows, imports, and the admin's view and withdrawals."""

    @guarded
    def pool_rows(self) -> list[dict[str, Any]]:
        """Per commune and source, the latest non-withdrawn pool entry: nis_code, submitted_at,
        questionnaire_version, source, and one key per dimension score. Never answers."""
        pe = pool_entries
        rn = (
            sa.func.row_number()
            .over(
                partition_by=(pe.c.nis_code, pe.c.source), order_by=(pe.c.submitted_at.desc(), pe.c.id.desc())
            )
            .label("rn")
        )
        sub = sa.select(pe, rn).where(pe.c.withdrawn == sa.false()).subquery()
        with self._read() as conn:
            rows = conn.execute(
                sa.select(sub).where(sub.c.rn == 1).order_by(sub.c.nis_code, sub.c.source)
            ).all()
        out = []
        for r in rows:
            row: dict[str, Any] = {
                "nis_code": r.nis_code,
                "submitted_at": aware(r.submitted_at),
                "questionnaire_version": r.questionnaire_version,
                "source": r.source,
            }
            for dim, score in loads(r.scores_json).items():
                row.setdefault(dim, score)
            out.append(row)
        return out

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
                }
            )
        if problems:
            raise InvalidInput(problems)
        if not values:
            return 0
        with self._write() as conn:
            conn.execute(pool_entries.insert(), values)
        return len(values)

    @guarded
    def pool_entries(self) -> list[dict[str, Any]]:
        """For the admin: every pool entry (id, nis_code, submitted_at, source, questionnaire_version,
        scores, withdrawn, withdrawn_at), newest first. Never answers."""
        pe = pool_entries
        with self._read() as conn:
            rows = conn.execute(sa.select(pe).order_by(pe.c.submitted_at.desc(), pe.c.id.desc())).all()
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
            }
            for r in rows
        ]

    @guarded
    def withdraw_pool_entry(self, entry_id: int) -> bool:
        """Withdraw a pool entry (it stays listed for the admin, never in pool_rows).
        False when there is no such entry or it was already withdrawn."""
        with self._write() as conn:
            result = conn.execute(
                pool_entries.update()
                .where(pool_entries.c.id == int(entry_id), pool_entries.c.withdrawn == sa.false())
                .values(withdrawn=True, withdrawn_at=self._now())
            )
        return result.rowcount == 1


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


