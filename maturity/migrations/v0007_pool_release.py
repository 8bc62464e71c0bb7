"""Version 7: the open pool's published figures change in releases (maturity.poolrelease).

- ``pool_release``: one row (id 1), the release state as JSON: which cells (a group's figure for one
  dimension) the published figures show, and the entry ids every cell was last shown with. Whoever notes a
  group's figures before and after it changes by one commune reads that commune's scores, so a change waits
  until a release is safe, or until the admin publishes (SECURITY.md, « Who speaks for a commune »).
- No row is written here: until the first change of the pool the figures are the counted entries, as before;
  the store records them as the first release just before that change (``state_json`` NULL: not yet).

A migration declares its own tables; it never imports them from ``maturity.storage``.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 7
DESCRIPTION = "pool_release: the open pool's published figures change in releases"


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    sa.Table(
        "pool_release",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("state_json", sa.Text),
        sa.Column("released_at", sa.DateTime(timezone=True)),
        sa.Column("released_by", sa.String(20)),
    ).create(conn)
