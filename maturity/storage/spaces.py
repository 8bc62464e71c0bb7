"""The spaces aggregate: a commune's work under a resume token, its draft answers and notes.

There are no accounts: the token (256 random bits) is the key, and the database keeps only its
SHA-256. Answers and notes are rows written by atomic upserts, never a read-modify-write of a blob.
"""

from __future__ import annotations

import copy
import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..typography import typed_text
from .db import SpaceNotFound, dumps, guarded, iso, loads, metadata
from .limits import LimitsMixin, take

if TYPE_CHECKING:
    from .submissions import Snapshot

TOKEN_BYTES = 32  # 256 bits; secrets.token_urlsafe(32) -> 43 characters
MAX_TOKEN_LENGTH = 200


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
    commune_locked: bool = False  # opened by a campaign invitation: the commune cannot be changed
    version: int = 0  # bumped by every write to the draft (any tab, person or replica)
    last_part: str | None = None  # the questionnaire part (section id) its holder last opened



spaces = sa.Table(
    "spaces",
    metadata,
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
    sa.Column("commune_locked", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Column("version", sa.Integer, nullable=False, server_default="0"),
)
draft_answers = sa.Table(
    "draft_answers",
    metadata,
    sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.String(200), primary_key=True),
    sa.Column("value_json", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
draft_notes = sa.Table(
    "draft_notes",
    metadata,
    sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.String(200), primary_key=True),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)


class StaleDraft(Exception):
    """The draft changed (another tab, person or replica) since the version the caller worked from."""

    def __init__(self, expected: int, found: int) -> None:
        super().__init__(f"the draft is at version {found}, not {expected}")
        self.expected = expected
        self.found = found


LAST_PART = "_last_part"  # key in a space's meta_json: the part its holder last opened (not in the document)

TEAM_ROLES_KEPT = 50  # a team's roles kept from a saved answers file (the app invites at most 30 colleagues)
RESPONDENT_FIELDS = ("role", "name")  # contract §2: the respondent's role and, optionally, a name


def stored_respondent(respondent: Any) -> dict[str, Any]:
    """The respondent fields the service keeps: those the contract names (a team's roles a list of texts). Other fields
    (e-mail, phone, …) stay in the commune's own file, never in the database."""
    if not isinstance(respondent, dict):
        return {}
    kept: dict[str, Any] = {k: respondent[k][:200] for k in RESPONDENT_FIELDS if isinstance(respondent.get(k), str)}
    # a team's roles (contract §8, as record_team writes them): a consensus file loaded into another space (an
    # invited commune's, fresh-eyes trial 13) kept its answers and reasons, but its sheet then named one
    # respondent and dropped the team's topics for the Collège
    team = respondent.get("team")
    if isinstance(team, list) and team and all(isinstance(role, str) for role in team):
        roles = [" ".join(typed_text(role).split())[:200] for role in team[:TEAM_ROLES_KEPT]]
        kept["team"] = [role for role in roles if role]
    return kept


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


# the version read straight on the driver (see space_version), in each driver's parameter style
_VERSION_SQL = {mark: f"SELECT version FROM spaces WHERE token_hash = {mark}" for mark in ("?", "%s")}  # noqa: S608


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def valid_token(token: object) -> bool:
    return isinstance(token, str) and 0 < len(token) <= MAX_TOKEN_LENGTH


def check_question_id(question_id: object) -> str:
    if not isinstance(question_id, str) or not question_id or len(question_id) > 200:
        raise ValueError(f"invalid question id: {question_id!r}")
    return question_id


class CommuneLocked(ValueError):
    """The space was opened by a campaign invitation: it belongs to one commune, which cannot change."""

    message_fr = "Ce bilan a été ouvert par l'invitation d'une commune : la commune ne peut pas être changée."
    message_en = "This assessment was opened by a commune's invitation: its commune cannot be changed."

    def __init__(self) -> None:
        super().__init__(f"{self.message_fr}\n{self.message_en}")

    def message(self, lang: str = "fr") -> str:
        return self.message_en if lang == "en" else self.message_fr


def find_space(conn: sa.Connection, token: object, *, touch: datetime | None = None) -> int:
    """The id of the space whose token this is; ``SpaceNotFound`` otherwise. With ``touch``, the
    space row is updated first (time and version), which locks it (PostgreSQL): saves of one space
    take locks in one order."""
    if touch is not None:
        return touch_space(conn, token, touch)[0]
    if not valid_token(token):
        raise SpaceNotFound()
    space_id = conn.execute(sa.select(spaces.c.id).where(spaces.c.token_hash == token_hash(token))).scalar()  # type: ignore[arg-type]
    if space_id is None:
        raise SpaceNotFound()
    return int(space_id)


def touch_space(conn: sa.Connection, token: object, now: datetime) -> tuple[int, int]:
    """Mark a change of the space's draft: its time and a version one higher. Returns (id, version).
    The update locks the row (PostgreSQL) until the transaction ends."""
    if not valid_token(token):
        raise SpaceNotFound()
    found = conn.execute(
        spaces.update()
        .where(spaces.c.token_hash == token_hash(token))  # type: ignore[arg-type]
        .values(draft_updated_at=now, version=spaces.c.version + 1)
        .returning(spaces.c.id, spaces.c.version)
    ).first()
    if found is None:
        raise SpaceNotFound()
    return int(found[0]), int(found[1])


# the draft's keys that save_meta and change_meta never set: its answers, notes and identity are written otherwise
_RESERVED_META = frozenset({"answers", "notes", "questionnaire", "commune", "updated_at", "_questionnaire",
                            "_commune", LAST_PART})


class SpacesMixin(LimitsMixin):
    """Open, read, change and delete spaces and their drafts."""

    @guarded
    def open_space(
        self, nis_code: str | None, questionnaire_id: str, questionnaire_version: str, lang: str = "fr",
        client: str | None = None,
    ) -> str:
        """Create a space and return its resume token (256 bits; the store keeps only its hash). With
        ``client`` (the address of the app's visitor; only a fingerprint is counted), at most
        ``open_per_client`` new spaces per window, else :class:`~maturity.storage.RateLimited`."""
        token = new_token()
        now = self._now()
        with self._write() as conn:
            if client is not None:
                take(conn, "open_client", self._fingerprint(conn, "client", client), self.open_per_client, now)
            conn.execute(
                spaces.insert().values(
                    token_hash=token_hash(token),
                    questionnaire_id=questionnaire_id,
                    questionnaire_version=questionnaire_version,
                    lang=lang,
                    nis_code=nis_code,
                    commune_name=None,
                    meta_json=dumps({"created_at": iso(now)}),
                    created_at=now,
                    draft_updated_at=now,
                )
            )
        return token

    def _load_draft(self, conn: sa.Connection, token: str) -> tuple[Any, dict[str, Any]] | None:
        """The space row and its draft document, or None for an unknown token."""
        if not valid_token(token):
            return None
        row = conn.execute(sa.select(spaces).where(spaces.c.token_hash == token_hash(token))).first()
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
        return row, _build_document(row, {q: loads(v) for q, v in answers}, {q: n for q, n in notes})

    @guarded
    def save_answer(self, token: str, question_id: str, value: Any) -> int:
        """Save one answer (a JSON value) as it is given; ``None`` clears it. Returns the space's
        new version."""
        check_question_id(question_id)
        value_json = None if value is None else dumps(value)
        now = self._now()
        with self._write() as conn:
            space_id, version = touch_space(conn, token, now)
            self._put_answer(conn, space_id, question_id, value_json, now)
        return version

    @guarded
    def change_answer(self, token: str, question_id: str, change: Callable[[Any], Any]) -> tuple[Any, int]:
        """Read the stored answer, apply ``change`` (old value -> new value, None clears) and store the
        result, in one transaction: two tabs ticking boxes of one multi question lose neither tick.
        Returns the new value and the space's new version."""
        check_question_id(question_id)
        now = self._now()
        with self._write() as conn:
            space_id, version = touch_space(conn, token, now)
            stored = conn.execute(
                sa.select(draft_answers.c.value_json).where(
                    draft_answers.c.space_id == space_id, draft_answers.c.question_id == question_id
                )
            ).scalar()
            value = change(None if stored is None else loads(stored))
            self._put_answer(conn, space_id, question_id, None if value is None else dumps(value), now)
        return value, version

    @guarded
    def change_meta(self, token: str, key: str, change: Callable[[Any], Any]) -> tuple[Any, int]:
        """Read the stored top-level key of the draft (``targets``, ``plan``; None when absent), apply ``change``
        (old value -> new value, None removes the key) and store the result, in one transaction: a roadmap
        edited in two tabs keeps both tabs' changes. Returns the new value and the space's new version."""
        reserved = _RESERVED_META
        if not isinstance(key, str) or key in reserved:
            raise ValueError(f"change_meta changes other keys than {sorted(reserved)}")
        now = self._now()
        with self._write() as conn:
            space_id, version = touch_space(conn, token, now)  # locks the row: no lost update
            meta = loads(conn.execute(sa.select(spaces.c.meta_json).where(spaces.c.id == space_id)).scalar_one())
            value = change(meta.get(key))
            if value is None:
                meta.pop(key, None)
            else:
                meta[key] = loads(dumps(value))
            conn.execute(spaces.update().where(spaces.c.id == space_id).values(meta_json=dumps(meta)))
        return meta.get(key), version

    @guarded
    def space_version(self, token: str) -> int | None:
        """The space's version; None for an unknown token. The app asks it at every click (has another tab
        or replica written?), so it is one statement on the pool's driver connection: no transaction (one
        SELECT of one row is consistent by itself) and none of SQLAlchemy's per-statement work (about 20 µs
        against 230; the same errors, turned into StorageError by ``guarded``)."""
        if not valid_token(token):
            return None
        sql = _VERSION_SQL["?" if self.engine.dialect.paramstyle == "qmark" else "%s"]
        conn = self.engine.raw_connection()  # back to the pool on close (PostgreSQL: rolled back there)
        try:
            cur = conn.cursor()
            try:
                cur.execute(sql, (token_hash(token),))
                found = cur.fetchone()
            finally:
                cur.close()
        finally:
            conn.close()
        return None if found is None else int(found[0])

    def _put_answer(
        self, conn: sa.Connection, space_id: int, question_id: str, value_json: str | None, now: datetime
    ) -> None:
        if value_json is None:
            conn.execute(
                draft_answers.delete().where(
                    draft_answers.c.space_id == space_id, draft_answers.c.question_id == question_id
                )
            )
        else:
            self._upsert_item(conn, draft_answers, "value_json", space_id, question_id, value_json, now)

    @guarded
    def save_meta(self, token: str, values: dict[str, Any]) -> int:
        """Set top-level keys of the draft document other than its answers and notes (e.g. ``targets``,
        ``plan``; a value ``None`` removes the key), in one transaction that changes nothing else: an
        answer saved meanwhile from another tab or replica stays. Returns the new version."""
        reserved = _RESERVED_META
        if not isinstance(values, dict) or reserved & set(values):
            raise ValueError(f"save_meta sets other keys than {sorted(reserved)}")
        encoded = {k: (None if v is None else dumps(v)) for k, v in values.items()}
        now = self._now()
        with self._write() as conn:
            space_id, version = touch_space(conn, token, now)  # locks the row: no lost update
            meta = loads(conn.execute(sa.select(spaces.c.meta_json).where(spaces.c.id == space_id)).scalar_one())
            for key, value in encoded.items():
                if value is None:
                    meta.pop(key, None)
                else:
                    meta[key] = loads(value)
            conn.execute(spaces.update().where(spaces.c.id == space_id).values(meta_json=dumps(meta)))
        return version

    @guarded
    def set_last_part(self, token: str, section_id: str | None) -> None:
        """Remember the questionnaire part (section id) the holder last opened, so that the resume link
        without a part in it brings them back there. Not a change of the answers: the version and the
        draft's time stay, and no other tab reloads for it."""
        if section_id is not None and (not isinstance(section_id, str) or not 0 < len(section_id) <= 200):
            raise ValueError(f"invalid section id: {section_id!r}")
        if not valid_token(token):
            raise SpaceNotFound()
        with self._write() as conn:
            found = conn.execute(  # a no-op update that locks the row (PostgreSQL) like the draft's writes
                spaces.update()
                .where(spaces.c.token_hash == token_hash(token))
                .values(version=spaces.c.version)
                .returning(spaces.c.id, spaces.c.meta_json)
            ).first()
            if found is None:
                raise SpaceNotFound()
            meta = loads(found.meta_json)
            if section_id is None:
                meta.pop(LAST_PART, None)
            else:
                meta[LAST_PART] = section_id
            conn.execute(spaces.update().where(spaces.c.id == found.id).values(meta_json=dumps(meta)))

    @guarded
    def save_note(self, token: str, question_id: str, note: str | None) -> int:
        """Save the free-text note of a question; ``None`` or blank clears it. Returns the new version."""
        check_question_id(question_id)
        if note is not None and not isinstance(note, str):
            raise ValueError("a note is a string")
        now = self._now()
        with self._write() as conn:
            space_id, version = touch_space(conn, token, now)
            if note is None or not note.strip():
                conn.execute(
                    draft_notes.delete().where(
                        draft_notes.c.space_id == space_id, draft_notes.c.question_id == question_id
                    )
                )
            else:
                self._upsert_item(conn, draft_notes, "note", space_id, question_id, note, now)
        return version

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

    @guarded
    def save_draft(self, token: str, document: dict[str, Any]) -> int:
        """Replace the whole answers document (e.g. after an upload), in one transaction. Returns the
        new version."""
        if not isinstance(document, dict):
            raise ValueError("an answers document is a JSON object")
        doc = copy.deepcopy(document)
        answers = doc.pop("answers", None) or {}
        notes = doc.pop("notes", None) or {}
        if not isinstance(answers, dict) or not isinstance(notes, dict):
            raise ValueError("answers and notes are JSON objects")
        answer_rows = [(check_question_id(q), dumps(v)) for q, v in answers.items() if v is not None]
        note_rows = [(check_question_id(q), n) for q, n in notes.items() if isinstance(n, str) and n.strip()]
        doc.pop("updated_at", None)
        questionnaire = doc.pop("questionnaire", None)
        questionnaire = dict(questionnaire) if isinstance(questionnaire, dict) else {}
        commune = doc.pop("commune", None)
        commune = dict(commune) if isinstance(commune, dict) else {}
        nis_code = commune.pop("nis_code", None)
        name = commune.pop("name", None)
        q_id = questionnaire.pop("id", None)
        q_version = questionnaire.pop("version", None)
        if "respondent" in doc:  # only what the contract names: no e-mail, phone, … in the database
            doc["respondent"] = stored_respondent(doc["respondent"])
        doc.pop(LAST_PART, None)
        meta = {"_questionnaire": questionnaire, "_commune": commune, **doc}
        meta_json = dumps(meta)
        now = self._now()
        with self._write() as conn:
            space_id, version = touch_space(conn, token, now)
            before = loads(conn.execute(sa.select(spaces.c.meta_json).where(spaces.c.id == space_id)).scalar_one())
            if isinstance(before.get(LAST_PART), str):  # the part the holder was at stays
                meta_json = dumps({**meta, LAST_PART: before[LAST_PART]})
            values: dict[str, Any] = {"meta_json": meta_json}
            if nis_code:  # a document without a NIS code never renames the space's commune
                values.update(nis_code=str(nis_code), commune_name=name)
            bound = conn.execute(
                sa.select(spaces.c.nis_code, spaces.c.commune_name).where(
                    spaces.c.id == space_id, spaces.c.commune_locked == sa.true()
                )
            ).first()
            if bound is not None:  # an invited commune's space: its commune stays
                if nis_code is not None and str(nis_code) != bound.nis_code:
                    raise CommuneLocked()
                values.update(nis_code=bound.nis_code, commune_name=bound.commune_name)
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
            self._draft_replaced(conn, space_id, document, now)
        return version

    @guarded
    def set_commune(self, token: str, nis_code: str | None, name: str | None) -> int:
        """Set the commune of a space; ``CommuneLocked`` for an invited commune's space and another commune.
        Returns the space's version."""
        with self._write() as conn:
            space_id, version = touch_space(conn, token, self._now())
            bound = conn.execute(
                sa.select(spaces.c.nis_code).where(spaces.c.id == space_id, spaces.c.commune_locked == sa.true())
            ).first()
            if bound is not None:
                if nis_code != bound.nis_code:
                    raise CommuneLocked()
                return version
            conn.execute(
                spaces.update().where(spaces.c.id == space_id).values(nis_code=nis_code, commune_name=name)
            )
        return version

    @guarded
    def set_lang(self, token: str, lang: str) -> None:
        with self._write() as conn:
            space_id = find_space(conn, token)
            conn.execute(spaces.update().where(spaces.c.id == space_id).values(lang=lang))



def delete_space_rows(conn: sa.Connection, space_id: int) -> None:
    """The space, its draft answers and notes (the Store deletes the other aggregates' rows first)."""
    conn.execute(draft_answers.delete().where(draft_answers.c.space_id == space_id))
    conn.execute(draft_notes.delete().where(draft_notes.c.space_id == space_id))
    conn.execute(spaces.delete().where(spaces.c.id == space_id))



def _build_document(row: Any, answers: dict[str, Any], notes: dict[str, str]) -> dict[str, Any]:
    meta = loads(row.meta_json)
    meta.pop(LAST_PART, None)  # the space's, not the answers document's (see Space.last_part)
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
    doc.setdefault("created_at", iso(row.created_at))
    doc["updated_at"] = iso(row.draft_updated_at)
    doc["answers"] = answers
    doc["notes"] = notes
    return doc



def last_part_of(row: Any) -> str | None:
    found = loads(row.meta_json).get(LAST_PART)
    return found if isinstance(found, str) else None
