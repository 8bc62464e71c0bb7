"""Version 4: teams. Colleagues invited into a space (their own token's hash and a role), each
one's answers and notes, and the facilitator's reasons for the final answers."""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 4
DESCRIPTION = "teams: team_members, member_answers, member_notes, team_decisions"


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table("spaces", md, sa.Column("id", sa.Integer, primary_key=True))  # referenced, not created
    sa.Table(
        "team_members",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False, index=True),
        # SHA-256 (hex) of the member's own token; the token itself is never stored.
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("role", sa.String(80), nullable=False),
        # the section ids the member answers, as JSON; NULL: all
        sa.Column("sections_json", sa.Text, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    for name, column in (("member_answers", sa.Column("value_json", sa.Text, nullable=False)),
                         ("member_notes", sa.Column("note", sa.Text, nullable=False))):
        sa.Table(
            name,
            md,
            sa.Column("member_id", sa.Integer, sa.ForeignKey("team_members.id", ondelete="CASCADE"), primary_key=True),
            sa.Column("question_id", sa.String(200), primary_key=True),
            column,
            sa.Column("position", sa.Integer, nullable=False),
            sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        )
    sa.Table(
        "team_decisions",
        md,
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("question_id", sa.String(200), primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    )
    for table in md.sorted_tables:
        if table.name != "spaces":
            table.create(conn)
