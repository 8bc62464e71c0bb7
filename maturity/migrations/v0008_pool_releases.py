"""Version 8: the open pool keeps every release it published (maturity.poolrelease), not only the last.

- ``pool_releases``: one row a release, oldest first: when, how (``initial``, ``auto`` or ``admin``), the cells
  it showed (each group's members and, per dimension shown, the entries its sum was computed from; never a
  score), and for the admin's « publish anyway »: what the check found an observer could read, the warning
  the admin page showed, the name the admin typed and the fingerprint of their address.
  Whoever kept several releases can combine them (release 1 with release 3, Wallonia then minus a province
  now…): the check before a release takes every one of them (SECURITY.md, « Who speaks for a commune »).
- The release a version-7 database publishes (``pool_release``, id 1) becomes the first of the history. The
  releases before it were not kept: the cells only they showed are in its state's ``last`` (their last
  showing), which the check reads too.

A migration declares its own tables; it never imports them from ``maturity.storage``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa

VERSION = 8
DESCRIPTION = "pool_releases: every release of the open pool, for the check and the audit"


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    current = sa.Table(
        "pool_release",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("state_json", sa.Text),
        sa.Column("released_at", sa.DateTime(timezone=True)),
        sa.Column("released_by", sa.String(20)),
    )
    releases = sa.Table(
        "pool_releases",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("released_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("released_by", sa.String(20), nullable=False),
        sa.Column("cells_json", sa.Text, nullable=False),
        sa.Column("read_json", sa.Text),
        sa.Column("warning", sa.Text),
        sa.Column("published_by", sa.String(80)),
        sa.Column("client_fingerprint", sa.String(32)),
    )
    releases.create(conn)
    row = conn.execute(sa.select(current).where(current.c.id == 1)).first()
    if row is None or row.state_json is None:
        return
    state = json.loads(row.state_json)
    last = state.get("last") or {}
    cells = {}
    for group, dims in (state.get("shown") or {}).items():
        members = sorted(int(i) for i in last.get(group, {}).get("*", ()))
        cells[group] = {"*": members}
        for dim in dims:
            ids = sorted(int(i) for i in last.get(group, {}).get(dim, ()))
            cells[group][dim] = "*" if ids == members else ids
    conn.execute(releases.insert().values(
        released_at=row.released_at or datetime.now(UTC), released_by=row.released_by or "initial",
        cells_json=json.dumps(cells, ensure_ascii=False)))
