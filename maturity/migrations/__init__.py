"""A small versioned schema-migration runner (instead of Alembic).

Each migration is a module ``vNNNN_*.py`` in this package with ``VERSION`` (int),
``DESCRIPTION`` (str) and ``upgrade(conn)``. Applied versions are rows of the
``schema_version`` table. :func:`migrate` runs inside ONE transaction holding a
database-wide lock (``BEGIN IMMEDIATE`` on SQLite, ``pg_advisory_xact_lock`` on
PostgreSQL, whose DDL is transactional too), so several processes starting at once
apply each migration exactly once, and a failed migration leaves nothing behind.
A database whose schema is newer than this code is refused.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from types import ModuleType

import sqlalchemy as sa

# Arbitrary constant key for the PostgreSQL advisory lock ("maturity" in ASCII, truncated to int64).
PG_LOCK_KEY = 0x6D61747572697479 & 0x7FFFFFFFFFFFFFFF

schema_version = sa.Table(
    "schema_version",
    sa.MetaData(),
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("description", sa.Text, nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    upgrade: Callable[[sa.Connection], None]


class SchemaTooNew(Exception):
    def __init__(self, found: int, known: int) -> None:
        super().__init__(f"database schema version {found} is newer than this code ({known})")
        self.found = found
        self.known = known


def _load(module: ModuleType) -> Migration:
    return Migration(module.VERSION, module.DESCRIPTION, module.upgrade)


def all_migrations() -> list[Migration]:
    mods = [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if info.name.startswith("v") and info.name[1:5].isdigit()
    ]
    migrations = sorted((_load(m) for m in mods), key=lambda m: m.version)
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise RuntimeError(f"migration versions must be 1..n without gaps, got {versions}")
    return migrations


def latest_version() -> int:
    return len(all_migrations())


def current_version(conn: sa.Connection) -> int:
    if not sa.inspect(conn).has_table("schema_version"):
        return 0
    found = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar()
    return int(found or 0)


def migrate(conn: sa.Connection) -> list[int]:
    """Bring the schema up to date. ``conn`` must already be inside a write transaction
    (the caller takes the lock: ``BEGIN IMMEDIATE`` on SQLite); on PostgreSQL this takes
    the advisory lock itself. Returns the versions applied."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_LOCK_KEY})
    migrations = all_migrations()
    schema_version.create(conn, checkfirst=True)
    found = current_version(conn)
    if found > len(migrations):
        raise SchemaTooNew(found, len(migrations))
    applied = []
    for m in migrations[found:]:
        m.upgrade(conn)
        conn.execute(
            schema_version.insert().values(
                version=m.version, description=m.description, applied_at=datetime.now(UTC)
            )
        )
        applied.append(m.version)
    return applied
