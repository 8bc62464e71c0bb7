"""Version 3: provenance and limits against a hostile visitor; a version per space.

- ``spaces.version``: a counter bumped by every write to a space (answers, notes, commune, upload),
  so that a session can tell that another tab, person or replica changed the draft.
- ``pool_entries.space_fingerprint`` and ``client_fingerprint``: where an opted-in entry came from
  (a keyed hash of the space and of the client address, never the address itself), so that entries
  for one commune from different spaces are held as disputed, and the admin can withdraw in bulk.
- ``rate_events``: timestamps of submissions and failed admin logins per space, per client and per
  account, shared by replicas and surviving restarts (pruned as they age out).
- ``settings``: the random key of those hashes, made once per database.

A migration declares its own tables; it never imports them from ``maturity.storage``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

import sqlalchemy as sa

VERSION = 3
DESCRIPTION = "space versions, pool provenance, rate events, settings"


def upgrade(conn: sa.Connection) -> None:
    md = sa.MetaData()
    settings = sa.Table(
        "settings",
        md,
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    sa.Table(
        "rate_events",
        md,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("scope", sa.String(32), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Index("ix_rate_events_scope_key_at", "scope", "key", "at"),
    )
    md.create_all(conn)
    key = secrets.token_hex(32)
    conn.execute(settings.insert().values(key="fingerprint_key", value=key))
    conn.execute(sa.text("ALTER TABLE spaces ADD COLUMN version INTEGER NOT NULL DEFAULT 0"))
    conn.execute(sa.text("ALTER TABLE pool_entries ADD COLUMN space_fingerprint VARCHAR(32)"))
    conn.execute(sa.text("ALTER TABLE pool_entries ADD COLUMN client_fingerprint VARCHAR(32)"))
    # Existing opted-in entries: their space is known through the snapshot (same hash as the store's).
    rows = conn.execute(sa.text(
        "SELECT p.id, s.space_id FROM pool_entries p JOIN snapshots s ON s.id = p.snapshot_id"
    )).all()
    for entry_id, space_id in rows:
        conn.execute(sa.text("UPDATE pool_entries SET space_fingerprint = :fp WHERE id = :id"),
                     {"fp": _fingerprint(key, "space", str(space_id)), "id": entry_id})


def _fingerprint(key: str, kind: str, value: str) -> str:
    return kind[0] + hmac.new(bytes.fromhex(key), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:11]
