"""Storage adapter: drafts, submitted snapshots and the benchmark pool, on SQLAlchemy 2.

Documents (answers files, assessments) are opaque JSON here: the core owns their meaning.
See docs/storage.md for the schema, the privacy model and the fault behaviour.

- SQLite (default): ``<data_dir>/maturity.sqlite3``, WAL mode, ``busy_timeout``, foreign keys on,
  every write in ``BEGIN IMMEDIATE``.
- PostgreSQL: ``MATURITY_DATABASE_URL=postgresql+psycopg://user:pw@host/db``.

Every database or file-system failure surfaces as :class:`StorageError` (message in French and
English); a corrupted database file is detected on open and never replaced or re-created.
"""

from __future__ import annotations

import copy
import errno
import functools
import hashlib
import json
import math
import os
import secrets
import sqlite3
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
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
from maturity.errors import InvalidInput, Problem

__all__ = [
    "ASSESSMENT_SOURCE",
    "DB_FILENAME",
    "Snapshot",
    "Space",
    "SpaceNotFound",
    "StorageError",
    "Store",
]

DB_FILENAME = "maturity.sqlite3"
ASSESSMENT_SOURCE = "assessment"  # source label of pool entries coming from submitted assessments
TOKEN_BYTES = 32  # 256 bits; secrets.token_urlsafe(32) -> 43 characters
MAX_TOKEN_LENGTH = 200
SQLITE_BUSY_TIMEOUT_MS = 30_000
SQLITE_HEADER = b"SQLite format 3\x00"
RESERVED_POOL_KEYS = frozenset({"nis_code", "submitted_at", "questionnaire_version", "source"})

ErrorKind = Literal["read_only", "disk_full", "corrupt", "busy", "unavailable", "schema_newer", "io"]

_MESSAGES: dict[str, tuple[str, str]] = {
    "read_only": (
        "La base de données est en lecture seule ({where}) : les réponses ne peuvent pas être enregistrées. "
        "Prévenez l'administrateur du service (droits d'écriture).",
        "The database is read-only ({where}): answers cannot be saved. "
        "Please tell the service administrator (write permission).",
    ),
    "disk_full": (
        "Le disque du serveur est plein ({where}) : la dernière modification n'a pas été enregistrée. "
        "Les réponses enregistrées auparavant sont intactes. Prévenez l'administrateur du service.",
        "The server's disk is full ({where}): the last change was not saved. "
        "Answers saved before are intact. Please tell the service administrator.",
    ),
    "corrupt": (
        "Le fichier de base de données est endommagé ({where}). Il n'a été ni modifié ni remplacé. "
        "Restaurez une sauvegarde ou prévenez l'administrateur du service.",
        "The database file is damaged ({where}). It has been neither modified nor replaced. "
        "Restore a backup or tell the service administrator.",
    ),
    "busy": (
        "La base de données est occupée ({where}) ; réessayez dans un instant.",
        "The database is busy ({where}); please try again in a moment.",
    ),
    "unavailable": (
        "La base de données est inaccessible ({where}). Réessayez plus tard ou prévenez l'administrateur.",
        "The database cannot be reached ({where}). Try again later or tell the service administrator.",
    ),
    "schema_newer": (
        "La base de données ({where}) a été créée par une version plus récente de l'outil. "
        "Mettez l'outil à jour ; la base n'a pas été modifiée.",
        "The database ({where}) was created by a newer version of the tool. "
        "Please update the tool; the database has not been modified.",
    ),
    "io": (
        "Erreur d'accès à la base de données ({where}) : la dernière modification n'a peut-être pas été "
        "enregistrée. Prévenez l'administrateur du service.",
        "Database access error ({where}): the last change may not have been saved. "
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


@dataclass(frozen=True)
class Snapshot:
    """A submitted assessment. Immutable: the store has no method to change one."""

    id: int
    submitted_at: datetime
    nis_code: str | None
    questionnaire_id: str
    questionnaire_version: str
    document: dict[str, Any]  # the answers file as submitted (contract §2)
    assessment: dict[str, Any]  # the scores, as computed by the core (contract §6, score --json)
    pool_opt_in: bool


@dataclass(frozen=True)
class Space:
    """A commune's work: the current draft and its submissions (oldest first)."""

    token: str
    nis_code: str | None
    commune_name: str | None
    lang: str
    questionnaire_id: str
    questionnaire_version: str
    draft: dict[str, Any]  # the answers document (contract §2)
    draft_updated_at: datetime
    created_at: datetime
    submissions: list[Snapshot] = field(default_factory=list)


# --------------------------------------------------------------------------- schema (current)

_md = sa.MetaData()
spaces = sa.Table(
    "spaces",
    _md,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("questionnaire_id", sa.String(200), nullable=False),
    sa.Column("questionnaire_version", sa.String(100), nullable=False),
    sa.Column("lang", sa.String(16), nullable=False),
    sa.Column("nis_code", sa.String(16)),
    sa.Column("commune_name", sa.Text),
    sa.Column("meta_json", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("draft_updated_at", sa.DateTime(timezone=True), nullable=False),
)
draft_answers = sa.Table(
    "draft_answers",
    _md,
    sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.String(200), primary_key=True),
    sa.Column("value_json", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
draft_notes = sa.Table(
    "draft_notes",
    _md,
    sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.String(200), primary_key=True),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
snapshots = sa.Table(
    "snapshots",
    _md,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("nis_code", sa.String(16)),
    sa.Column("questionnaire_id", sa.String(200), nullable=False),
    sa.Column("questionnaire_version", sa.String(100), nullable=False),
    sa.Column("document_json", sa.Text, nullable=False),
    sa.Column("assessment_json", sa.Text, nullable=False),
    sa.Column("pool_opt_in", sa.Boolean, nullable=False),
)
pool_entries = sa.Table(
    "pool_entries",
    _md,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id", ondelete="CASCADE"), unique=True),
    sa.Column("nis_code", sa.String(16), nullable=False),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("questionnaire_version", sa.String(100)),
    sa.Column("source", sa.String(200), nullable=False),
    sa.Column("scores_json", sa.Text, nullable=False),
    sa.Column("withdrawn", sa.Boolean, nullable=False),
    sa.Column("withdrawn_at", sa.DateTime(timezone=True)),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# --------------------------------------------------------------------------- helpers


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _valid_token(token: object) -> bool:
    return isinstance(token, str) and 0 < len(token) <= MAX_TOKEN_LENGTH


def _dumps(value: Any) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"not a JSON value: {exc}") from exc


def _loads(text: str) -> Any:
    return json.loads(text)


def _aware(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def _iso(dt: datetime) -> str:
    return _aware(dt).isoformat()


def _check_question_id(question_id: object) -> str:
    if not isinstance(question_id, str) or not question_id or len(question_id) > 200:
        raise ValueError(f"invalid question id: {question_id!r}")
    return question_id


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


def _guarded(method: _F) -> _F:
    """Turn database and file-system failures into StorageError (no raw traceback for the user)."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except StorageError:
            raise
        except Exception as exc:
            if _is_storage_failure(exc):
                raise self._storage_error(exc) from exc
            raise

    return wrapper  # type: ignore[return-value]


_live_stores: weakref.WeakSet[Store] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    # A connection must never be shared between processes: forget the parent's pool.
    for store in list(_live_stores):
        store.engine.dispose(close=False)


os.register_at_fork(after_in_child=_after_fork_in_child)


# --------------------------------------------------------------------------- the store


class Store:
    """Drafts, snapshots and the pool. Thread-safe; create one per process (after any fork)."""

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
    def from_env(cls, environ: dict[str, str] | None = None) -> Store:
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

    def __enter__(self) -> Store:
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
        return _aware(self._clock())

    @staticmethod
    def _space_id(conn: sa.Connection, token: object, *, touch: datetime | None = None) -> int:
        if not _valid_token(token):
            raise SpaceNotFound()
        th = _token_hash(token)  # type: ignore[arg-type]
        if touch is not None:
            # Locks the space row first (PostgreSQL), so concurrent saves take locks in one order.
            stmt = (
                spaces.update()
                .where(spaces.c.token_hash == th)
                .values(draft_updated_at=touch)
                .returning(spaces.c.id)
            )
        else:
            stmt = sa.select(spaces.c.id).where(spaces.c.token_hash == th)
        space_id = conn.execute(stmt).scalar()
        if space_id is None:
            raise SpaceNotFound()
        return int(space_id)

    # ---- spaces and drafts

    @_guarded
    def open_space(
        self, nis_code: str | None, questionnaire_id: str, questionnaire_version: str, lang: str = "fr"
    ) -> str:
        """Create a space and return its resume token (256 bits; the store keeps only its hash)."""
        token = new_token()
        now = self._now()
        with self._write() as conn:
            conn.execute(
                spaces.insert().values(
                    token_hash=_token_hash(token),
                    questionnaire_id=questionnaire_id,
                    questionnaire_version=questionnaire_version,
                    lang=lang,
                    nis_code=nis_code,
                    commune_name=None,
                    meta_json=_dumps({"created_at": _iso(now)}),
                    created_at=now,
                    draft_updated_at=now,
                )
            )
        return token

    @_guarded
    def load_space(self, token: str) -> Space | None:
        if not _valid_token(token):
            return None
        with self._read() as conn:
            row = conn.execute(sa.select(spaces).where(spaces.c.token_hash == _token_hash(token))).first()
            if row is None:
                return None
            answers = conn.execute(
                sa.select(draft_answers.c.question_id, draft_answers.c.value_json)
                .where(draft_answers.c.space_id == row.id)
                .order_by(draft_answers.c.position, draft_answers.c.question_id)
            ).all()
            notes = conn.execute(
                sa.select(draft_notes.c.question_id, draft_notes.c.note)
                .where(draft_notes.c.space_id == row.id)
                .order_by(draft_notes.c.position, draft_notes.c.question_id)
            ).all()
            subs = self._snapshots(conn, row.id)
        draft = _build_document(row, {q: _loads(v) for q, v in answers}, {q: n for q, n in notes})
        return Space(
            token=token,
            nis_code=row.nis_code,
            commune_name=row.commune_name,
            lang=row.lang,
            questionnaire_id=row.questionnaire_id,
            questionnaire_version=row.questionnaire_version,
            draft=draft,
            draft_updated_at=_aware(row.draft_updated_at),
            created_at=_aware(row.created_at),
            submissions=subs,
        )

    @_guarded
    def save_answer(self, token: str, question_id: str, value: Any) -> None:
        """Save one answer (a JSON value) as it is given; ``None`` clears it."""
        _check_question_id(question_id)
        value_json = None if value is None else _dumps(value)
        now = self._now()
        with self._write() as conn:
            space_id = self._space_id(conn, token, touch=now)
            if value_json is None:
                conn.execute(
                    draft_answers.delete().where(
                        draft_answers.c.space_id == space_id, draft_answers.c.question_id == question_id
                    )
                )
            else:
                self._upsert_item(conn, draft_answers, "value_json", space_id, question_id, value_json, now)

    @_guarded
    def save_note(self, token: str, question_id: str, note: str | None) -> None:
        """Save the free-text note of a question; ``None`` or blank clears it."""
        _check_question_id(question_id)
        if note is not None and not isinstance(note, str):
            raise ValueError("a note is a string")
        now = self._now()
        with self._write() as conn:
            space_id = self._space_id(conn, token, touch=now)
            if note is None or not note.strip():
                conn.execute(
                    draft_notes.delete().where(
                        draft_notes.c.space_id == space_id, draft_notes.c.question_id == question_id
                    )
                )
            else:
                self._upsert_item(conn, draft_notes, "note", space_id, question_id, note, now)

    def _upsert_item(
        self,
        conn: sa.Connection,
        table: sa.Table,
        column: str,
        space_id: int,
        question_id: str,
        value: str,
        now: datetime,
    ) -> None:
        next_position = (
            sa.select(sa.func.coalesce(sa.func.max(table.c.position), 0) + 1)
            .where(table.c.space_id == space_id)
            .scalar_subquery()
        )
        stmt = self._insert(table).values(
            space_id=space_id,
            question_id=question_id,
            position=next_position,
            updated_at=now,
            **{column: value},
        )
        # An answer changed keeps its place; the statement is atomic (no read-modify-write).
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.space_id, table.c.question_id],
            set_={column: stmt.excluded[column], "updated_at": stmt.excluded.updated_at},
        )
        conn.execute(stmt)

    @_guarded
    def save_draft(self, token: str, document: dict[str, Any]) -> None:
        """Replace the whole answers document (e.g. after an upload), in one transaction."""
        if not isinstance(document, dict):
            raise ValueError("an answers document is a JSON object")
        doc = copy.deepcopy(document)
        answers = doc.pop("answers", None) or {}
        notes = doc.pop("notes", None) or {}
        if not isinstance(answers, dict) or not isinstance(notes, dict):
            raise ValueError("answers and notes are JSON objects")
        answer_rows = [(_check_question_id(q), _dumps(v)) for q, v in answers.items() if v is not None]
        note_rows = [(_check_question_id(q), n) for q, n in notes.items() if isinstance(n, str) and n.strip()]
        doc.pop("updated_at", None)
        questionnaire = doc.pop("questionnaire", None)
        questionnaire = dict(questionnaire) if isinstance(questionnaire, dict) else {}
        commune = doc.pop("commune", None)
        commune = dict(commune) if isinstance(commune, dict) else {}
        nis_code = commune.pop("nis_code", None)
        name = commune.pop("name", None)
        q_id = questionnaire.pop("id", None)
        q_version = questionnaire.pop("version", None)
        meta = {"_questionnaire": questionnaire, "_commune": commune, **doc}
        meta_json = _dumps(meta)
        now = self._now()
        with self._write() as conn:
            space_id = self._space_id(conn, token, touch=now)
            values: dict[str, Any] = {"meta_json": meta_json, "nis_code": nis_code, "commune_name": name}
            if isinstance(q_id, str) and q_id:
                values["questionnaire_id"] = q_id
            if isinstance(q_version, str) and q_version:
                values["questionnaire_version"] = q_version
            conn.execute(spaces.update().where(spaces.c.id == space_id).values(**values))
            conn.execute(draft_answers.delete().where(draft_answers.c.space_id == space_id))
            conn.execute(draft_notes.delete().where(draft_notes.c.space_id == space_id))
            if answer_rows:
                conn.execute(
                    draft_answers.insert(),
                    [
                        {
                            "space_id": space_id,
                            "question_id": q,
                            "value_json": v,
                            "position": i,
                            "updated_at": now,
                        }
                        for i, (q, v) in enumerate(answer_rows, 1)
                    ],
                )
            if note_rows:
                conn.execute(
                    draft_notes.insert(),
                    [
                        {"space_id": space_id, "question_id": q, "note": n, "position": i, "updated_at": now}
                        for i, (q, n) in enumerate(note_rows, 1)
                    ],
                )

    @_guarded
    def set_commune(self, token: str, nis_code: str | None, name: str | None) -> None:
        with self._write() as conn:
            space_id = self._space_id(conn, token, touch=self._now())
            conn.execute(
                spaces.update().where(spaces.c.id == space_id).values(nis_code=nis_code, commune_name=name)
            )

    @_guarded
    def set_lang(self, token: str, lang: str) -> None:
        with self._write() as conn:
            space_id = self._space_id(conn, token)
            conn.execute(spaces.update().where(spaces.c.id == space_id).values(lang=lang))

    @_guarded
    def delete_space(self, token: str) -> bool:
        """Delete everything of a space: draft, submissions and their pool entries."""
        if not _valid_token(token):
            return False
        with self._write() as conn:
            try:
                space_id = self._space_id(conn, token)
            except SpaceNotFound:
                return False
            snap_ids = sa.select(snapshots.c.id).where(snapshots.c.space_id == space_id)
            conn.execute(pool_entries.delete().where(pool_entries.c.snapshot_id.in_(snap_ids)))
            conn.execute(snapshots.delete().where(snapshots.c.space_id == space_id))
            conn.execute(draft_answers.delete().where(draft_answers.c.space_id == space_id))
            conn.execute(draft_notes.delete().where(draft_notes.c.space_id == space_id))
            conn.execute(spaces.delete().where(spaces.c.id == space_id))
        return True

    # ---- submissions

    @_guarded
    def submit(
        self,
        token: str,
        document: dict[str, Any],
        assessment: dict[str, Any],
        questionnaire_id: str,
        questionnaire_version: str,
        pool_opt_in: bool,
    ) -> Snapshot:
        """Store an immutable snapshot; with ``pool_opt_in`` and a known commune, add a pool entry
        with the dimension scores only (never the answers)."""
        if not isinstance(document, dict) or not isinstance(assessment, dict):
            raise ValueError("document and assessment are JSON objects")
        document_json = _dumps(document)
        assessment_json = _dumps(assessment)
        scores = _dimension_scores(assessment)
        commune = document.get("commune") if isinstance(document.get("commune"), dict) else {}
        now = self._now()
        with self._write() as conn:
            space_id = self._space_id(conn, token)
            nis_code = (
                commune.get("nis_code")
                or conn.execute(sa.select(spaces.c.nis_code).where(spaces.c.id == space_id)).scalar()
            )
            nis_code = str(nis_code) if nis_code else None
            snap_id = conn.execute(
                snapshots.insert()
                .values(
                    space_id=space_id,
                    submitted_at=now,
                    nis_code=nis_code,
                    questionnaire_id=questionnaire_id,
                    questionnaire_version=questionnaire_version,
                    document_json=document_json,
                    assessment_json=assessment_json,
                    pool_opt_in=bool(pool_opt_in),
                )
                .returning(snapshots.c.id)
            ).scalar_one()
            if pool_opt_in and nis_code:
                conn.execute(
                    pool_entries.insert().values(
                        snapshot_id=snap_id,
                        nis_code=nis_code,
                        submitted_at=now,
                        questionnaire_version=questionnaire_version,
                        source=ASSESSMENT_SOURCE,
                        scores_json=_dumps(scores),
                        withdrawn=False,
                        created_at=now,
                    )
                )
        return Snapshot(
            id=int(snap_id),
            submitted_at=now,
            nis_code=nis_code,
            questionnaire_id=questionnaire_id,
            questionnaire_version=questionnaire_version,
            document=json.loads(document_json),
            assessment=json.loads(assessment_json),
            pool_opt_in=bool(pool_opt_in),
        )

    @staticmethod
    def _snapshots(conn: sa.Connection, space_id: int) -> list[Snapshot]:
        rows = conn.execute(
            sa.select(snapshots)
            .where(snapshots.c.space_id == space_id)
            .order_by(snapshots.c.submitted_at, snapshots.c.id)
        ).all()
        return [
            Snapshot(
                id=r.id,
                submitted_at=_aware(r.submitted_at),
                nis_code=r.nis_code,
                questionnaire_id=r.questionnaire_id,
                questionnaire_version=r.questionnaire_version,
                document=_loads(r.document_json),
                assessment=_loads(r.assessment_json),
                pool_opt_in=bool(r.pool_opt_in),
            )
            for r in rows
        ]

    @_guarded
    def history(self, token: str) -> list[Snapshot]:
        """The submissions of a space, oldest first."""
        with self._read() as conn:
            return self._snapshots(conn, self._space_id(conn, token))

    def latest_snapshot(self, token: str) -> Snapshot | None:
        subs = self.history(token)
        return subs[-1] if subs else None

    def previous_snapshot(self, token: str) -> Snapshot | None:
        """The submission before the most recent one (what "what changed" compares it with)."""
        subs = self.history(token)
        return subs[-2] if len(subs) >= 2 else None

    # ---- pool

    @_guarded
    def pool_rows(self) -> list[dict[str, Any]]:
        """Per commune and source, the latest non-withdrawn pool entry: nis_code, submitted_at,
        questionnaire_version, source, and one key per dimension score. Never answers."""
        pe = pool_entries
        rn = (
            sa.func.row_number()
            .over(
                partition_by=(pe.c.nis_code, pe.c.source), order_by=(pe.c.submitted_at.desc(), pe.c.id.desc())
            )
            .label("rn")
        )
        sub = sa.select(pe, rn).where(pe.c.withdrawn == sa.false()).subquery()
        with self._read() as conn:
            rows = conn.execute(
                sa.select(sub).where(sub.c.rn == 1).order_by(sub.c.nis_code, sub.c.source)
            ).all()
        out = []
        for r in rows:
            row: dict[str, Any] = {
                "nis_code": r.nis_code,
                "submitted_at": _aware(r.submitted_at),
                "questionnaire_version": r.questionnaire_version,
                "source": r.source,
            }
            for dim, score in _loads(r.scores_json).items():
                row.setdefault(dim, score)
            out.append(row)
        return out

    @_guarded
    def import_pool_rows(self, rows: list[dict[str, Any]], source: str) -> int:
        """Import per-commune dimension scores (e.g. from a survey), labelled with ``source``.
        Every row is checked first; all are stored or none (InvalidInput lists every problem)."""
        problems: list[Problem] = []
        if not isinstance(source, str) or not source.strip() or source == ASSESSMENT_SOURCE:
            problems.append(
                Problem(f"source must be a non-empty label other than {ASSESSMENT_SOURCE!r}", "source")
            )
        now = self._now()
        values = []
        for i, row in enumerate(rows):
            place = f"rows[{i}]"
            if not isinstance(row, dict):
                problems.append(Problem("a row is an object", place))
                continue
            nis = row.get("nis_code")
            if not isinstance(nis, str) or not nis.strip():
                problems.append(Problem("nis_code is missing", f"{place}.nis_code"))
            when = row.get("submitted_at", now)
            try:
                when = _parse_when(when)
            except ValueError:
                problems.append(Problem(f"{when!r} is not a date", f"{place}.submitted_at"))
            version = row.get("questionnaire_version")
            scores = {}
            for key, val in row.items():
                if key in RESERVED_POOL_KEYS:
                    continue
                if val is not None and (
                    isinstance(val, bool) or not isinstance(val, int | float) or not math.isfinite(val)
                ):
                    problems.append(Problem(f"{val!r} is not a score", f"{place}.{key}"))
                scores[str(key)] = val
            values.append(
                {
                    "snapshot_id": None,
                    "nis_code": nis,
                    "submitted_at": when,
                    "questionnaire_version": None if version is None else str(version),
                    "source": source,
                    "scores_json": _dumps(scores) if not problems else "{}",
                    "withdrawn": False,
                    "created_at": now,
                }
            )
        if problems:
            raise InvalidInput(problems)
        if not values:
            return 0
        with self._write() as conn:
            conn.execute(pool_entries.insert(), values)
        return len(values)

    @_guarded
    def pool_entries(self) -> list[dict[str, Any]]:
        """For the admin: every pool entry (id, nis_code, submitted_at, source, questionnaire_version,
        scores, withdrawn, withdrawn_at), newest first. Never answers."""
        pe = pool_entries
        with self._read() as conn:
            rows = conn.execute(sa.select(pe).order_by(pe.c.submitted_at.desc(), pe.c.id.desc())).all()
        return [
            {
                "id": r.id,
                "nis_code": r.nis_code,
                "submitted_at": _aware(r.submitted_at),
                "source": r.source,
                "questionnaire_version": r.questionnaire_version,
                "scores": _loads(r.scores_json),
                "withdrawn": bool(r.withdrawn),
                "withdrawn_at": _aware(r.withdrawn_at) if r.withdrawn_at else None,
            }
            for r in rows
        ]

    @_guarded
    def withdraw_pool_entry(self, entry_id: int) -> bool:
        """Withdraw a pool entry (it stays listed for the admin, never in pool_rows).
        False when there is no such entry or it was already withdrawn."""
        with self._write() as conn:
            result = conn.execute(
                pool_entries.update()
                .where(pool_entries.c.id == int(entry_id), pool_entries.c.withdrawn == sa.false())
                .values(withdrawn=True, withdrawn_at=self._now())
            )
        return result.rowcount == 1

    # ---- maintenance

    @_guarded
    def schema_version(self) -> int:
        with self._read() as conn:
            return migrations.current_version(conn)

    @_guarded
    def check_integrity(self) -> list[str]:
        """``PRAGMA quick_check`` on SQLite (``["ok"]`` when sound); ``["ok"]`` on PostgreSQL."""
        if not self.is_sqlite:
            return ["ok"]
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
            conn.rollback()
        return rows


def _sqlite_on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # Let us issue BEGIN ourselves (pysqlite's implicit transactions get in the way).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
        if str(mode).lower() != "wal":
            cur.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed save survives a power cut too, not only a crash of the process.
        cur.execute("PRAGMA synchronous = FULL")
    finally:
        cur.close()


def _sqlite_on_begin(conn: sa.Connection) -> None:
    if conn.get_execution_options().get("maturity_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def _dimension_scores(assessment: dict[str, Any]) -> dict[str, float | None]:
    dims = assessment.get("dimensions")
    if not isinstance(dims, dict):
        return {}
    out: dict[str, float | None] = {}
    for dim_id, dim in dims.items():
        score = dim.get("score") if isinstance(dim, dict) else None
        if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score):
            score = None
        if str(dim_id) not in RESERVED_POOL_KEYS:
            out[str(dim_id)] = score
    return out


def _parse_when(value: Any) -> datetime:
    if isinstance(value, datetime):
        return _aware(value)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, int) and not isinstance(value, bool) and 1900 < value < 3000:
        return datetime(value, 1, 1, tzinfo=UTC)
    if isinstance(value, str):
        return _aware(datetime.fromisoformat(value))
    raise ValueError(value)


def _build_document(row: Any, answers: dict[str, Any], notes: dict[str, str]) -> dict[str, Any]:
    meta = _loads(row.meta_json)
    questionnaire = {"id": row.questionnaire_id, "version": row.questionnaire_version}
    questionnaire.update(meta.pop("_questionnaire", {}) or {})
    commune = {}
    if row.nis_code:
        commune["nis_code"] = row.nis_code
    if row.commune_name:
        commune["name"] = row.commune_name
    commune.update(meta.pop("_commune", {}) or {})
    doc: dict[str, Any] = {"questionnaire": questionnaire}
    if commune:
        doc["commune"] = commune
    doc.update(meta)
    doc.setdefault("created_at", _iso(row.created_at))
    doc["updated_at"] = _iso(row.draft_updated_at)
    doc["answers"] = answers
    doc["notes"] = notes
    return doc
