"""Version 1: spaces, draft answers and notes, snapshots, pool entries.

A migration is a frozen picture of the schema change it makes: it declares its own
tables here (never imports them from ``maturity.storage``), so that later changes to
the code cannot change what an old migration does.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 1
DESCRIPTION = "initial schema: spaces, draft_answers, draft_notes, snapshots, pool_entries"


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "spaces",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        # SHA-256 (hex) of the resume token; the token itself is never stored.
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("questionnaire_id", sa.String(200), nullable=False),
        sa.Column("questionnaire_version", sa.String(100), nullable=False),
        sa.Column("lang", sa.String(16), nullable=False),
        sa.Column("nis_code", sa.String(16), nullable=True),
        sa.Column("commune_name", sa.Text, nullable=True),
        # Other top-level keys of the answers document (respondent, created_at, …), as JSON text.
        sa.Column("meta_json", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("draft_updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "draft_answers",
        md,
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("question_id", sa.String(200), primary_key=True),
        sa.Column("value_json", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "draft_notes",
        md,
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("question_id", sa.String(200), primary_key=True),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "snapshots",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False, index=True
        ),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("nis_code", sa.String(16), nullable=True),
        sa.Column("questionnaire_id", sa.String(200), nullable=False),
        sa.Column("questionnaire_version", sa.String(100), nullable=False),
        sa.Column("document_json", sa.Text, nullable=False),
        sa.Column("assessment_json", sa.Text, nullable=False),
        sa.Column("pool_opt_in", sa.Boolean, nullable=False),
    )
    sa.Table(
        "pool_entries",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        # NULL for imported rows; deleting the snapshot (its space) deletes the entry.
        sa.Column(
            "snapshot_id",
            sa.Integer,
            sa.ForeignKey("snapshots.id", ondelete="CASCADE"),
            nullable=True,
            unique=True,
        ),
        sa.Column("nis_code", sa.String(16), nullable=False, index=True),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("questionnaire_version", sa.String(100), nullable=True),
        sa.Column("source", sa.String(200), nullable=False),
        # {dimension_id: score or null}; never answers.
        sa.Column("scores_json", sa.Text, nullable=False),
        sa.Column("withdrawn", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    md.create_all(conn)
