"""Version 2: campaigns, their invitations and responses, imported campaign aggregates; a space
bound to an invited commune (``spaces.commune_locked``).

A frozen picture of the change (see v0001): the tables are declared here, not imported.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 2
DESCRIPTION = (
    "campaigns: campaigns, campaign_invitations, campaign_responses, campaign_aggregates; "
    "spaces.commune_locked"
)


def upgrade(conn: sa.Connection) -> None:
    # A space opened by an invitation link belongs to its commune: the commune cannot be changed.
    default = "0" if conn.dialect.name == "sqlite" else "false"
    conn.exec_driver_sql(f"ALTER TABLE spaces ADD COLUMN commune_locked BOOLEAN NOT NULL DEFAULT {default}")

    md = sa.MetaData()
    # the tables the new ones refer to, as version 1 left them (only the keys matter here)
    sa.Table("spaces", md, sa.Column("id", sa.Integer, primary_key=True))
    sa.Table("snapshots", md, sa.Column("id", sa.Integer, primary_key=True))
    sa.Table(
        "campaigns",
        md,
        sa.Column("id", sa.String(80), primary_key=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("questionnaire_id", sa.String(200), nullable=False),
        sa.Column("opens", sa.Date, nullable=False),
        # the last day on which a submission counts (the whole day, UTC)
        sa.Column("closes", sa.Date, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    sa.Table(
        "campaign_invitations",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "campaign_id", sa.String(80), sa.ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("nis_code", sa.String(16), nullable=False),
        sa.Column("commune_name", sa.Text, nullable=False),
        # the space the link opens (its token is the link's; only its hash is stored, in spaces)
        sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="SET NULL"), nullable=True),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.Index("ix_campaign_invitations_campaign_nis", "campaign_id", "nis_code"),
        sa.Index("ix_campaign_invitations_space", "space_id"),
    )
    sa.Table(
        "campaign_responses",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column(
            "campaign_id", sa.String(80), sa.ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("nis_code", sa.String(16), nullable=False),
        sa.Column("channel", sa.String(8), nullable=False),  # "link" or "file"
        # the invitation whose link recorded it (NULL for a file)
        sa.Column(
            "invitation_id", sa.Integer, sa.ForeignKey("campaign_invitations.id", ondelete="CASCADE"), nullable=True
        ),
        # the space's snapshot (NULL for a file); erasing the space erases the response
        sa.Column(
            "snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id", ondelete="CASCADE"), nullable=True, unique=True
        ),
        sa.Column("source", sa.Text, nullable=True),  # the file's name
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("document_json", sa.Text, nullable=False),
        sa.Column("assessment_json", sa.Text, nullable=False),
        sa.Index("ix_campaign_responses_campaign_nis", "campaign_id", "nis_code"),
    )
    sa.Table(
        "campaign_aggregates",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        # one row per published campaign; importing the same campaign again replaces it
        sa.Column("campaign", sa.String(80), nullable=False, unique=True),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("published", sa.Date, nullable=True),
        sa.Column("respondents", sa.Integer, nullable=False),
        sa.Column("population", sa.Integer, nullable=False),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("text", sa.Text, nullable=False),  # the published file, as imported
        sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
    )
    for name in ("campaigns", "campaign_invitations", "campaign_responses", "campaign_aggregates"):
        md.tables[name].create(conn)
