"""Version 5: an open-pool entry counts only once the admin has confirmed it.

- ``pool_entries.confirmed_at``: when the admin confirmed the entry; None while it waits (it then counts
  in no figure and in no group's n). Anyone can submit for any commune, so a stranger's made-up entries
  could otherwise fill a group up to 5, or a group's figures before and after one entry joins give that
  commune's scores away (SECURITY.md, « Who speaks for a commune »).
- Every entry stored before this version is set confirmed (at the time it was received): an upgrade must
  not empty the figures communes see without the operator acting. The admin may withdraw any of them.

A migration declares its own tables; it never imports them from ``maturity.storage``.
"""

from __future__ import annotations

import sqlalchemy as sa

VERSION = 5
DESCRIPTION = "pool entries confirmed by the admin (earlier entries confirmed)"


def upgrade(conn: sa.Connection) -> None:
    kind = "TIMESTAMP WITH TIME ZONE" if conn.dialect.name == "postgresql" else "DATETIME"
    conn.execute(sa.text(f"ALTER TABLE pool_entries ADD COLUMN confirmed_at {kind}"))
    conn.execute(sa.text("UPDATE pool_entries SET confirmed_at = created_at"))
