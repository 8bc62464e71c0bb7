"""The one engine and the one transaction helper every aggregate of the store works over.

- SQLite (default): ``<data_dir>/maturity.sqlite3``, WAL mode, ``busy_timeout``, foreign keys on,
  every write in ``BEGIN IMMEDIATE``.
- PostgreSQL: ``MATURITY_DATABASE_URL=postgresql+psycopg://user:pw@host/db``.

Every database or file-system failure surfaces as :class:`StorageError` (message in French and
English); a corrupted database file is detected on open and never replaced or re-created. The
schema is applied by :mod:`maturity.migrations` on open.
"""

from __future__ import annotations

import errno
import functools
import json
import os
import random
import sqlite3
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal, TypeVar

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.dialects import postgresql as pg_dialect
from sqlalchemy.dialects import sqlite as sqlite_dialect

from maturity import migrations

try:
    import resource
except ImportError:  # not on Windows
    resource = None  # type: ignore[assignment]

DB_FILENAME = "maturity.sqlite3"
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_HEADER = b"SQLite format 3\x00"

# The current schema, declared by each aggregate's module on this one MetaData (migrations declare
# their own copies, so that a later change here never changes an old migration).
metadata = sa.MetaData()

ErrorKind = Literal["read_only", "disk_full", "corrupt", "busy", "unavailable", "schema_newer", "io"]

_MESSAGES: dict[str, tuple[str, str]] = {
    "read_only": (
        "La base de données est en lecture seule : les réponses ne peuvent pas être enregistrées. "
        "Prévenez l'administrateur du service (droits d'écriture).",
        "The database is read-only: answers cannot be saved. "
        "Please tell the service administrator (write permission).",
    ),
    "disk_full": (
        "Le disque du serveur est plein : la dernière modification n'a pas été enregistrée. "
        "Les réponses enregistrées auparavant sont intactes. Prévenez l'administrateur du service.",
        "The server's disk is full: the last change was not saved. "
        "Answers saved before are intact. Please tell the service administrator.",
    ),
    "corrupt": (
        "Le fichier de base de données est endommagé. Il n'a été ni modifié ni remplacé. "
        "Restaurez une sauvegarde ou prévenez l'administrateur du service.",
        "The database file is damaged. It has been neither modified nor replaced. "
        "Restore a backup or tell the service administrator.",
    ),
    "busy": (
        "La base de données est occupée ; réessayez dans un instant.",
        "The database is busy; please try again in a moment.",
    ),
    "unavailable": (
        "La base de données est inaccessible. Réessayez plus tard ou prévenez l'administrateur.",
        "The database cannot be reached. Try again later or tell the service administrator.",
    ),
    "schema_newer": (
        "La base de données a été créée par une version plus récente de l'outil. "
        "Mettez l'outil à jour ; la base n'a pas été modifiée.",
        "The database was created by a newer version of the tool. "
        "Please update the tool; the database has not been modified.",
    ),
    "io": (
        "Erreur d'accès à la base de données : la dernière modification n'a peut-être pas été "
        "enregistrée. Prévenez l'administrateur du service.",
        "Database access error: the last change may not have been saved. "
        "Please tell the service administrator.",
    ),
}


class StorageError(Exception):
    """A database or disk problem, with a message for the user in French and English.

    ``kind`` is one of read_only, disk_full, corrupt, busy, unavailable, schema_newer, io;
    ``detail`` is the technical cause, for logs (never shown to the user).
    """

    def __init__(self, kind: ErrorKind, where: str = "", detail: str = "") -> None:
        self.kind = kind
        self.where = where
        self.detail = detail
        fr, en = _MESSAGES[kind]
        self.message_fr = fr.format(where=where)
        self.message_en = en.format(where=where)
        super().__init__(f"{self.message_fr}\n{self.message_en}")

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang == "en" else self.message_fr


class SpaceNotFound(LookupError):
    """No space has this resume token (wrong link, or the space was deleted)."""

    message_fr = (
        "Aucune auto-évaluation ne correspond à ce lien de reprise (lien erroné ou données supprimées)."
    )
    message_en = "No self-assessment matches this resume link (wrong link, or the data was deleted)."

    def __init__(self) -> None:
        super().__init__(f"{self.message_fr}\n{self.message_en}")

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang == "en" else self.message_fr



# --------------------------------------------------------------------------- helpers


def dumps(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"not a JSON value: {exc}") from exc


def loads(text: str) -> Any:
    return json.loads(text)


def aware(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def iso(dt: datetime) -> str:
    return aware(dt).isoformat()


def _sqlite_error_kind(exc: BaseException, db_path: Path | None) -> ErrorKind | None:
    msg = str(getattr(exc, "orig", None) or exc).lower()
    if "readonly" in msg or "read-only" in msg:
        return "read_only"
    if "disk is full" in msg or "database or disk is full" in msg:
        return "disk_full"
    if "not a database" in msg or "malformed" in msg or "corrupt" in msg:
        return "corrupt"
    if "database is locked" in msg or "database table is locked" in msg:
        return "busy"
    if "unable to open database file" in msg:
        if db_path is not None and not os.access(db_path.parent, os.W_OK | os.X_OK):
            return "read_only"
        return "unavailable"
    if "disk i/o error" in msg:
        return "io"
    return None


def _disk_looks_full(db_path: Path) -> bool:
    """SQLite reports a write refused for lack of room as SQLITE_FULL, but a write cut short by a
    file-size limit (``ulimit -f``, RLIMIT_FSIZE: EFBIG) as a plain I/O error. Tell them apart."""
    try:
        st = os.statvfs(db_path.parent)
        if st.f_bavail * st.f_frsize < 1 << 20:
            return True
        if resource is None:
            return False
        soft, _hard = resource.getrlimit(resource.RLIMIT_FSIZE)
        if soft != resource.RLIM_INFINITY:
            for suffix in ("", "-wal", "-journal"):
                f = db_path.with_name(db_path.name + suffix)
                if f.exists() and f.stat().st_size + (1 << 16) >= soft:
                    return True
    except OSError:
        return False
    return False


def _classify(exc: BaseException, db_path: Path | None) -> ErrorKind:
    if isinstance(exc, migrations.SchemaTooNew):
        return "schema_newer"
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return "read_only"
        if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return "disk_full"
        return "io"
    orig = getattr(exc, "orig", None) or exc
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate:
        if sqlstate == "53100":
            return "disk_full"
        if sqlstate == "25006":
            return "read_only"
        if sqlstate.startswith(("08", "57P", "53")):
            return "unavailable"
        if sqlstate in ("40001", "40P01", "55P03"):
            return "busy"
    kind = _sqlite_error_kind(exc, db_path)
    if kind == "io" and db_path is not None and _disk_looks_full(db_path):
        return "disk_full"
    if kind:
        return kind
    if isinstance(exc, sa.exc.OperationalError) or type(orig).__module__.startswith("psycopg"):
        return "unavailable"
    return "io"


def _is_storage_failure(exc: BaseException) -> bool:
    if isinstance(exc, (sa.exc.IntegrityError, sa.exc.ProgrammingError, sa.exc.ArgumentError)):
        return False
    return isinstance(exc, (sa.exc.DBAPIError, sqlite3.Error, OSError, migrations.SchemaTooNew)) or (
        type(exc).__module__.startswith("psycopg") and isinstance(exc, Exception)
    )


_F = TypeVar("_F", bound=Callable[..., Any])


def guarded(method: _F) -> _F:
    """Turn database and file-system failures into StorageError (no raw traceback for the user)."""

    @functools.wraps(method)
    def wrapper(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except StorageError:
            raise
        except Exception as exc:
            if _is_storage_failure(exc):
                raise self._storage_error(exc) from exc
            raise

    return wrapper  # type: ignore[return-value]


_live_stores: weakref.WeakSet[Database] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    # A connection must never be shared between processes: forget the parent's pool.
    for store in list(_live_stores):
        store.engine.dispose(close=False)


os.register_at_fork(after_in_child=_after_fork_in_child)



# --------------------------------------------------------------------------- the database


class Database:
    """The engine, the transactions and the schema. Thread-safe; one per process (after any fork).
    The aggregates (spaces, submissions, pool, …) are mixins over it; :class:`maturity.storage.Store`
    puts them together."""

    def _draft_replaced(self, conn: sa.Connection, space_id: int, document: dict[str, Any], now: datetime) -> None:
        """Called inside :meth:`SpacesMixin.save_draft`'s transaction, once the whole draft is replaced: an
        aggregate that keeps something of the draft apart (the teams' reasons) replaces it there too."""

    def __init__(
        self,
        url: str | None = None,
        data_dir: Path | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self._clock = clock or (lambda: datetime.now(UTC))
        self.db_path: Path | None = None
        if url is None:
            data_dir = Path(data_dir) if data_dir is not None else Path("var")
            self.db_path = data_dir / DB_FILENAME
            url_obj = sa.URL.create("sqlite+pysqlite", database=str(self.db_path))
        else:
            url_obj = sa.make_url(url)
            if url_obj.get_backend_name() == "sqlite":
                if not url_obj.database or url_obj.database == ":memory:":
                    raise ValueError("SQLite needs a database file (an in-memory database is not supported)")
                self.db_path = Path(url_obj.database)
                url_obj = url_obj.set(drivername="sqlite+pysqlite")
            elif url_obj.get_backend_name() != "postgresql":
                raise ValueError(
                    f"unsupported database: {url_obj.get_backend_name()} (use SQLite or PostgreSQL)"
                )
        self.url = url_obj
        self.where = str(self.db_path) if self.db_path else self._pg_where(url_obj)
        self.is_sqlite = self.db_path is not None
        self.engine: sa.Engine
        try:
            self._open()
        except StorageError:
            raise
        except Exception as exc:
            if _is_storage_failure(exc):
                raise self._storage_error(exc) from exc
            raise
        _live_stores.add(self)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> Any:
        """``MATURITY_DATABASE_URL`` when set, else SQLite in ``MATURITY_DATA_DIR`` (default ``./var``)."""
        env = os.environ if environ is None else environ
        url = env.get("MATURITY_DATABASE_URL") or None
        if url:
            return cls(url=url)
        return cls(data_dir=Path(env.get("MATURITY_DATA_DIR") or "var"))

    @staticmethod
    def _pg_where(url: sa.URL) -> str:
        return f"postgresql://{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"

    def _storage_error(self, exc: BaseException) -> StorageError:
        return StorageError(_classify(exc, self.db_path), self.where, detail=f"{type(exc).__name__}: {exc}")

    # ---- opening

    def _open(self) -> None:
        existed = False
        if self.db_path is not None:
            self.db_path.parent.mkdir(parents=True, exist_ok=True)
            existed = self.db_path.exists() and self.db_path.stat().st_size > 0
            if existed:
                with open(self.db_path, "rb") as f:
                    header = f.read(len(SQLITE_HEADER))
                if header != SQLITE_HEADER:
                    raise StorageError("corrupt", self.where, detail="bad SQLite header")
            self.engine = sa.create_engine(
                self.url,
                connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
                pool_pre_ping=False,
            )
            event.listen(self.engine, "connect", _sqlite_on_connect)
            event.listen(self.engine, "begin", _sqlite_on_begin)
        else:
            self.engine = sa.create_engine(self.url, pool_pre_ping=True)
        try:
            if existed:
                with self.engine.connect() as conn:
                    rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
                    conn.rollback()
                if rows != ["ok"]:
                    raise StorageError("corrupt", self.where, detail="quick_check: " + "; ".join(rows[:5]))
            with self._write() as conn:
                migrations.migrate(conn)
        except BaseException:
            self.engine.dispose()
            raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transactions

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        """One short write transaction (``BEGIN IMMEDIATE`` on SQLite)."""
        with self.engine.connect() as conn:
            conn.execution_options(maturity_write=True)
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        """A consistent read (one snapshot of the database)."""
        with self.engine.connect() as conn:
            if not self.is_sqlite:
                conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():
                yield conn

    def _insert(self, table: sa.Table) -> Any:
        return (sqlite_dialect.insert if self.is_sqlite else pg_dialect.insert)(table)

    def _now(self) -> datetime:
        return aware(self._clock())

    def _invited(self, conn: sa.Connection, space_id: int) -> bool:
        """Whether the space was opened by a live campaign invitation (bound to its commune, one per commune): an
        aggregate that issues them (campaigns) overrides it."""
        return False

    def _on_submitted(
        self, conn: sa.Connection, space_id: int, snapshot_id: int, now: datetime,
        document_json: str, assessment_json: str,
    ) -> None:
        """Called inside a submission's transaction, after its snapshot is written. An aggregate that
        reacts to submissions (campaigns: an invited commune's response) overrides it and calls super()."""


    # ---- maintenance

    @guarded
    def schema_version(self) -> int:
        with self._read() as conn:
            return migrations.current_version(conn)

    @guarded
    def check_integrity(self) -> list[str]:
        """``PRAGMA quick_check`` on SQLite (``["ok"]`` when sound); ``["ok"]`` on PostgreSQL."""
        if not self.is_sqlite:
            return ["ok"]
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
            conn.rollback()
        return rows



def _use_wal(cur: sqlite3.Cursor, attempts: int = 100) -> None:
    """Switch a new database file to WAL (it stays so). Several processes opening a new file at once
    race for it, and SQLite refuses the switch with "database is locked" without waiting on the busy
    timeout: retry briefly, until one of them has switched it (WAL is then what every one sees)."""
    for attempt in range(attempts):
        if str(cur.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
            return
        try:
            cur.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc).lower() or attempt == attempts - 1:
                raise
            time.sleep(0.02 + 0.03 * random.random())


def _sqlite_on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Let us issue BEGIN ourselves (pysqlite's implicit transactions get in the way).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        _use_wal(cur)
        # FULL: a committed save survives a power cut too, not only a crash of the process.
        cur.execute("PRAGMA synchronous = FULL")
        # Erased rows are overwritten with zeros, not left readable in free pages (privacy).
        cur.execute("PRAGMA secure_delete = ON")
    finally:
        cur.close()


def _sqlite_on_begin(conn: sa.Connection) -> None:
    if conn.get_execution_options().get("maturity_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")

