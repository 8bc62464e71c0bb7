"""Rate limits and fingerprints, in the database (shared by every replica, surviving restarts).

- A *fingerprint* is a short keyed hash (HMAC-SHA-256 with a random key made once per database,
  in ``settings``) of a space or of a client address: the admin can tell entries from one space or
  one client apart without the database ever holding an address.
- A *rate event* is one timestamp under ``(scope, key)``: a submission of a space, a submission from
  a client, a failed admin login for an account or from a client. Counting them in a window gives
  the limits; events older than the longest window are pruned as new ones arrive.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from .db import Database, aware, guarded, metadata

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)
rate_events = sa.Table(
    "rate_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("scope", sa.String(32), nullable=False),
    sa.Column("key", sa.String(64), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
)

KEEP_EVENTS = timedelta(days=2)  # longer than every window below


@dataclass(frozen=True)
class Limit:
    """At most ``count`` events per ``window`` seconds."""

    count: int
    window: float


# Submissions: a commune submits a few times a year; a script submitting for 262 communes is stopped.
SUBMIT_PER_SPACE = Limit(10, 3600)
SUBMIT_PER_CLIENT = Limit(20, 3600)
# New assessments: a commune opens one or a few; a script opening thousands to fill the disk is stopped.
OPEN_PER_CLIENT = Limit(30, 3600)


class RateLimited(Exception):
    """Too many events of this kind in the window; ``retry_after`` seconds until the next is allowed."""

    def __init__(self, scope: str, retry_after: float) -> None:
        super().__init__(f"rate limit reached ({scope}); retry in {retry_after:.0f} s")
        self.scope = scope
        self.retry_after = max(1.0, retry_after)


def fingerprint(key: str, kind: str, value: str) -> str:
    """``s`` or ``c`` and 11 hex digits: enough to tell sources apart, nothing to recover them."""
    return kind[0] + hmac.new(bytes.fromhex(key), f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:11]


def lock_key(conn: sa.Connection, scope: str, key: str) -> None:
    """Serialize the check-then-insert of one key (PostgreSQL; SQLite's BEGIN IMMEDIATE already does)."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": f"{scope}:{key}"})


def events_since(conn: sa.Connection, scope: str, key: str, since: datetime) -> list[datetime]:
    rows = conn.execute(
        sa.select(rate_events.c.at)
        .where(rate_events.c.scope == scope, rate_events.c.key == key, rate_events.c.at > since)
        .order_by(rate_events.c.at)
    ).scalars()
    return [aware(r) for r in rows]


def take(conn: sa.Connection, scope: str, key: str, limit: Limit, now: datetime) -> None:
    """Count one event under ``limit``, or raise :class:`RateLimited` (nothing recorded then)."""
    lock_key(conn, scope, key)
    since = now - timedelta(seconds=limit.window)
    seen = events_since(conn, scope, key, since)
    if len(seen) >= limit.count:
        oldest = seen[len(seen) - limit.count]
        raise RateLimited(scope, (oldest - since).total_seconds())
    record(conn, scope, key, now)


def record(conn: sa.Connection, scope: str, key: str, now: datetime) -> None:
    conn.execute(rate_events.delete().where(rate_events.c.scope == scope, rate_events.c.key == key,
                                            rate_events.c.at < now - KEEP_EVENTS))
    conn.execute(rate_events.insert().values(scope=scope, key=key, at=now))


def forget(conn: sa.Connection, scope: str, key: str) -> None:
    conn.execute(rate_events.delete().where(rate_events.c.scope == scope, rate_events.c.key == key))


class LimitsMixin(Database):
    """The fingerprint key and the pruning of old rate events."""

    _fp_key: str | None = None
    submit_per_space: Limit = SUBMIT_PER_SPACE
    submit_per_client: Limit = SUBMIT_PER_CLIENT
    open_per_client: Limit = OPEN_PER_CLIENT

    def _fingerprint_key(self, conn: sa.Connection) -> str:
        if self._fp_key is None:
            self._fp_key = conn.execute(
                sa.select(settings.c.value).where(settings.c.key == "fingerprint_key")
            ).scalar_one()
        return self._fp_key

    def _fingerprint(self, conn: sa.Connection, kind: str, value: Any) -> str:
        return fingerprint(self._fingerprint_key(conn), kind, str(value))

    # ---- failed admin logins (the policy is maturity.admin's; the counts live here)

    @guarded
    def login_failures(self, client: str, account: str = "admin") -> tuple[list[datetime], list[datetime]]:
        """The recent failed logins from ``client`` (its address; only a fingerprint is stored) and for
        ``account``, oldest first."""
        since = self._now() - KEEP_EVENTS
        with self._read() as conn:
            fp = self._fingerprint(conn, "client", client)
            return (events_since(conn, "login_client", fp, since),
                    events_since(conn, "login_account", account, since))

    @guarded
    def record_login_failure(self, client: str, account: str = "admin") -> None:
        now = self._now()
        with self._write() as conn:
            record(conn, "login_client", self._fingerprint(conn, "client", client), now)
            record(conn, "login_account", account, now)

    @guarded
    def clear_login_failures(self, client: str, account: str = "admin") -> None:
        """After a successful login: the client and the account start afresh."""
        with self._write() as conn:
            forget(conn, "login_client", self._fingerprint(conn, "client", client))
            forget(conn, "login_account", account)

    @guarded
    def prune_rate_events(self) -> int:
        """Delete every rate event older than the longest window (the app calls it now and then)."""
        with self._write() as conn:
            result = conn.execute(rate_events.delete().where(rate_events.c.at < self._now() - KEEP_EVENTS))
        return result.rowcount or 0
