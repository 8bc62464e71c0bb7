"""The teams aggregate: colleagues invited into a space, each answering under a link of their own.

The holder of a space (its resume token) invites colleagues. Each member gets a token of their own
(256 bits; only its SHA-256 is stored) and a role (free text). A member's token reaches that
member's answers and notes only: never the space's draft, never another member's answers. The
holder's token reaches every member's answers (the consensus meeting) and the space's draft, which
holds the final, agreed answers (scored, submitted and pooled as any draft). The facilitator's
reasons for the final answers are kept per question.

Answers and notes are rows written by atomic upserts, as in the spaces aggregate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from ..answers import clean_reason
from ..merge import divergent_of
from ..typography import typed_text
from .db import Database, SpaceNotFound, aware, dumps, guarded, loads, metadata
from .spaces import (
    SpacesMixin,
    check_question_id,
    draft_answers,
    find_space,
    new_token,
    spaces,
    token_hash,
    touch_space,
    valid_token,
)

MAX_ROLE = 80
MAX_MEMBERS = 30

team_members = sa.Table(
    "team_members",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("role", sa.String(MAX_ROLE), nullable=False),
    sa.Column("sections_json", sa.Text, nullable=True),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
member_answers = sa.Table(
    "member_answers",
    metadata,
    sa.Column("member_id", sa.Integer, sa.ForeignKey("team_members.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.String(200), primary_key=True),
    sa.Column("value_json", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
member_notes = sa.Table(
    "member_notes",
    metadata,
    sa.Column("member_id", sa.Integer, sa.ForeignKey("team_members.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.String(200), primary_key=True),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)
team_decisions = sa.Table(
    "team_decisions",
    metadata,
    sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("question_id", sa.String(200), primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
    # the final answer the reason was given for (contract §8 ``kept``; NULL: not known, read as before)
    sa.Column("answer_json", sa.Text, nullable=True),
)


@dataclass(frozen=True)
class Member:
    """A colleague of the team, as the holder sees them. ``sections``: the sections they chose
    to answer (None: all). ``answers``/``notes`` are filled by :meth:`TeamsMixin.team_answers`."""

    id: int
    role: str
    sections: list[str] | None
    created_at: datetime
    updated_at: datetime
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MemberSpace:
    """What a member's link opens: their own answers and notes, and what they need to answer
    (the commune, the questionnaire, the language). Nothing of the others."""

    token: str
    member_id: int
    role: str
    sections: list[str] | None
    nis_code: str | None
    commune_name: str | None
    lang: str
    questionnaire_id: str
    questionnaire_version: str
    answers: dict[str, Any]
    notes: dict[str, str]
    updated_at: datetime

    def document(self) -> dict[str, Any]:
        """The member's answers as an answers document (contract §2), ``respondent.role`` set."""
        commune: dict[str, Any] = {}
        if self.nis_code:
            commune["nis_code"] = self.nis_code
        if self.commune_name:
            commune["name"] = self.commune_name
        return {
            "questionnaire": {"id": self.questionnaire_id, "version": self.questionnaire_version},
            "commune": commune,
            "respondent": {"role": self.role},
            "updated_at": self.updated_at.isoformat(),
            "answers": dict(self.answers),
            "notes": dict(self.notes),
        }


class TeamFull(ValueError):
    """The space has :data:`MAX_MEMBERS` colleagues already: a colleague must be removed before another is invited."""

    def __init__(self) -> None:
        super().__init__(f"a team has at most {MAX_MEMBERS} members")


def clean_role(role: object) -> str:
    """The role as kept: one line, no control character or bidi override, at most MAX_ROLE characters. A role
    that is nothing once cleaned (« \u202e », a right-to-left override alone) is no role: it was kept empty, a
    colleague without a name in the meeting's tables and the radar's legend (hostile review 11)."""
    cleaned = _role_text(role)
    if not cleaned:
        raise ValueError("a member needs a role (free text)")
    return cleaned


def _role_text(role: object) -> str:
    return " ".join(typed_text(role).split())[:MAX_ROLE] if isinstance(role, str) else ""


def _clean_sections(sections: object) -> str | None:
    if sections is None:
        return None
    if not isinstance(sections, list | tuple) or not all(isinstance(s, str) and 0 < len(s) <= 200 for s in sections):
        raise ValueError("sections are a list of section ids")
    return dumps(list(dict.fromkeys(sections)))


def _find_member(conn: sa.Connection, token: object, *, touch: datetime | None = None) -> Any:
    """The member row of this member token; ``SpaceNotFound`` otherwise. With ``touch`` the row is
    updated first (which locks it on PostgreSQL)."""
    if not valid_token(token):
        raise SpaceNotFound()
    th = token_hash(token)  # type: ignore[arg-type]
    if touch is not None:
        conn.execute(team_members.update().where(team_members.c.token_hash == th).values(updated_at=touch))
    row = conn.execute(sa.select(team_members).where(team_members.c.token_hash == th)).first()
    if row is None:
        raise SpaceNotFound()
    return row


def _items(conn: sa.Connection, table: sa.Table, column: str, member_ids: list[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {i: {} for i in member_ids}
    if not member_ids:
        return out
    rows = conn.execute(
        sa.select(table.c.member_id, table.c.question_id, table.c[column])
        .where(table.c.member_id.in_(member_ids))
        .order_by(table.c.member_id, table.c.position, table.c.question_id)
    ).all()
    for member_id, qid, value in rows:
        out[member_id][qid] = loads(value) if column == "value_json" else value
    return out


def _member(row: Any, answers: dict[str, Any] | None = None, notes: dict[str, str] | None = None) -> Member:
    return Member(
        id=int(row.id), role=row.role, sections=loads(row.sections_json) if row.sections_json else None,
        created_at=aware(row.created_at), updated_at=aware(row.updated_at),
        answers=answers or {}, notes=notes or {},
    )


def rekey_members(conn: sa.Connection, space_id: int) -> None:
    """Give every colleague link of the space a token nobody holds: the links stop opening anything
    (their answers stay, for the space's holder). Used when the space's own link is revoked: a leaked link
    could have been used to invite colleagues, whose links would outlive it."""
    ids = conn.execute(sa.select(team_members.c.id).where(team_members.c.space_id == space_id)).scalars().all()
    for member_id in ids:
        conn.execute(team_members.update().where(team_members.c.id == member_id)
                     .values(token_hash=token_hash(new_token())))


def delete_team_rows(conn: sa.Connection, space_id: int) -> None:
    """The members of a space, their answers and notes, the decisions (before the space itself)."""
    ids = sa.select(team_members.c.id).where(team_members.c.space_id == space_id)
    conn.execute(member_answers.delete().where(member_answers.c.member_id.in_(ids)))
    conn.execute(member_notes.delete().where(member_notes.c.member_id.in_(ids)))
    conn.execute(team_members.delete().where(team_members.c.space_id == space_id))
    conn.execute(team_decisions.delete().where(team_decisions.c.space_id == space_id))


class TeamsMixin(Database):
    """Invite colleagues, save each one's answers, read them all (holder) or one's own (member)."""

    # ---- the holder (the space's resume token)

    @guarded
    def invite_member(self, token: str, role: str, sections: list[str] | None = None) -> str:
        """Add a colleague to the space; returns their own link's token (only its hash is stored)."""
        role = clean_role(role)
        sections_json = _clean_sections(sections)
        member_token = new_token()
        now = self._now()
        with self._write() as conn:
            space_id = find_space(conn, token)  # the draft does not change: its version stays
            count = conn.execute(
                sa.select(sa.func.count()).select_from(team_members).where(team_members.c.space_id == space_id)
            ).scalar_one()
            if count >= MAX_MEMBERS:
                raise TeamFull()
            conn.execute(team_members.insert().values(
                space_id=space_id, token_hash=token_hash(member_token), role=role, sections_json=sections_json,
                created_at=now, updated_at=now))
        return member_token

    @guarded
    def team_members(self, token: str) -> list[Member]:
        """The members of the space (without their answers), in the order they were invited."""
        with self._read() as conn:
            space_id = find_space(conn, token)
            rows = conn.execute(
                sa.select(team_members).where(team_members.c.space_id == space_id).order_by(team_members.c.id)
            ).all()
            return [_member(r) for r in rows]

    @guarded
    def team_answers(self, token: str) -> list[Member]:
        """Every member with their answers and notes: for the holder only (the space's token)."""
        with self._read() as conn:
            space_id = find_space(conn, token)
            rows = conn.execute(
                sa.select(team_members).where(team_members.c.space_id == space_id).order_by(team_members.c.id)
            ).all()
            ids = [int(r.id) for r in rows]
            answers = _items(conn, member_answers, "value_json", ids)
            notes = _items(conn, member_notes, "note", ids)
            return [_member(r, answers[r.id], notes[r.id]) for r in rows]

    @guarded
    def reissue_member(self, token: str, member_id: int) -> str | None:
        """A new link for a colleague who lost theirs: their answers and notes kept, the old link opening nothing
        from now on (only the new token's hash is stored). None when no colleague of this space has that id."""
        member_token = new_token()
        with self._write() as conn:
            space_id = find_space(conn, token)
            done = conn.execute(team_members.update().where(
                team_members.c.id == int(member_id), team_members.c.space_id == space_id).values(
                token_hash=token_hash(member_token), updated_at=self._now()))
            if not done.rowcount:
                return None
        return member_token

    @guarded
    def remove_member(self, token: str, member_id: int) -> bool:
        """Remove a colleague and their answers (their link stops working)."""
        with self._write() as conn:
            space_id = find_space(conn, token)
            found = conn.execute(sa.select(team_members.c.id).where(
                team_members.c.id == int(member_id), team_members.c.space_id == space_id)).scalar()
            if found is None:
                return False
            conn.execute(member_answers.delete().where(member_answers.c.member_id == found))
            conn.execute(member_notes.delete().where(member_notes.c.member_id == found))
            conn.execute(team_members.delete().where(team_members.c.id == found))
        return True

    @guarded
    def decide(self, token: str, question_id: str, value: Any, reason: str | None = None) -> int:
        """The facilitator's final answer to a question (the space's draft answer; ``None`` clears it)
        and why (``None`` or blank: no reason kept), in one transaction. Returns the draft's new version."""
        check_question_id(question_id)
        value_json = None if value is None else dumps(value)
        reason = clean_reason(reason)
        now = self._now()
        with self._write() as conn:
            space_id, version = touch_space(conn, token, now)
            if value_json is None:
                conn.execute(draft_answers.delete().where(
                    draft_answers.c.space_id == space_id, draft_answers.c.question_id == question_id))
            else:
                SpacesMixin._upsert_item(self, conn, draft_answers, "value_json", space_id, question_id, value_json, now)
            conn.execute(team_decisions.delete().where(
                team_decisions.c.space_id == space_id, team_decisions.c.question_id == question_id))
            if reason:
                conn.execute(team_decisions.insert().values(
                    space_id=space_id, question_id=question_id, reason=reason, decided_at=now, answer_json=value_json))
        return version

    @guarded
    def record_team(self, token: str, roles: list[str], divergent: list[dict[str, Any]]) -> int:
        """Write into the draft who took part (``respondent.team``) and the divergent questions
        (``divergent``), as a consensus file carries them (contract §8). Returns the draft's new version."""
        if not isinstance(roles, list) or not all(isinstance(r, str) for r in roles):
            raise ValueError("roles are a list of texts")
        divergent_json = dumps(divergent)
        with self._write() as conn:
            space_id, version = touch_space(conn, token, self._now())
            meta = loads(conn.execute(sa.select(spaces.c.meta_json).where(spaces.c.id == space_id)).scalar_one())
            respondent = meta.get("respondent") if isinstance(meta.get("respondent"), dict) else {}
            # the holder's own role stays (``role``): they answered too, or at least decided the final answers
            respondent = {**respondent, "team": list(roles)}
            meta["respondent"] = respondent
            meta["divergent"] = loads(divergent_json)
            conn.execute(spaces.update().where(spaces.c.id == space_id).values(meta_json=dumps(meta)))
        return version

    @guarded
    def forget_team(self, token: str) -> int:
        """Take the team record out of the draft (``respondent.team`` and ``divergent``, contract §8), the holder's
        own role kept: no colleague who answered is left in the team. The meeting's reasons stay in the store
        (:meth:`decided`): a colleague who answers again brings them back with the record. Returns the draft's new
        version."""
        with self._write() as conn:
            space_id, version = touch_space(conn, token, self._now())
            meta = loads(conn.execute(sa.select(spaces.c.meta_json).where(spaces.c.id == space_id)).scalar_one())
            respondent = meta.get("respondent") if isinstance(meta.get("respondent"), dict) else {}
            meta["respondent"] = {k: v for k, v in respondent.items() if k != "team"}
            meta.pop("divergent", None)
            conn.execute(spaces.update().where(spaces.c.id == space_id).values(meta_json=dumps(meta)))
        return version

    @guarded
    def set_holder_role(self, token: str, role: str | None) -> int:
        """The holder's own role (``respondent.role`` of the draft; empty or None: removed), beside the team's
        roles that :meth:`record_team` writes, in one transaction that changes nothing else. Returns the draft's
        new version."""
        cleaned = _role_text(role) or None
        with self._write() as conn:
            space_id, version = touch_space(conn, token, self._now())
            meta = loads(conn.execute(sa.select(spaces.c.meta_json).where(spaces.c.id == space_id)).scalar_one())
            respondent = meta.get("respondent") if isinstance(meta.get("respondent"), dict) else {}
            respondent = {k: v for k, v in respondent.items() if k != "role"}
            if cleaned:
                respondent["role"] = cleaned
            meta["respondent"] = respondent
            conn.execute(spaces.update().where(spaces.c.id == space_id).values(meta_json=dumps(meta)))
        return version

    def _draft_replaced(self, conn: sa.Connection, space_id: int, document: dict[str, Any], now: datetime) -> None:
        """The reasons of a draft replaced whole (an uploaded answers file): those its ``divergent`` list carries
        (contract §8), in place of the space's, in the same transaction. The reasons live here, the draft's
        ``divergent`` list being made from them (the meeting's :meth:`record_team`): a file uploaded back keeps
        its reasons, and the next meeting does not put the space's earlier ones in their place."""
        conn.execute(team_decisions.delete().where(team_decisions.c.space_id == space_id))
        # each reason with the answer it was given for: the file's ``kept``, or (a file written before it) the
        # file's answer, as such a file is read
        answers = document.get("answers") if isinstance(document.get("answers"), dict) else {}
        rows = {entry["question"]: (entry["reason"], entry.get("kept", answers.get(entry["question"])))
                for entry in divergent_of(document) if entry.get("reason")}
        if rows:
            conn.execute(team_decisions.insert(), [
                {"space_id": space_id, "question_id": check_question_id(qid), "reason": reason, "decided_at": now,
                 "answer_json": None if kept is None else dumps(kept)}
                for qid, (reason, kept) in rows.items()])
        super()._draft_replaced(conn, space_id, document, now)

    @guarded
    def decisions(self, token: str) -> dict[str, str]:
        """The facilitator's reasons, per question."""
        return {qid: reason for qid, (reason, _kept) in self.decided(token).items()}

    @guarded
    def decided(self, token: str) -> dict[str, tuple[str, Any]]:
        """The facilitator's reasons, per question, each with the final answer it was given for (contract §8
        ``kept``; None: not known, a reason stored before version 6 without a final answer)."""
        with self._read() as conn:
            space_id = find_space(conn, token)
            rows = conn.execute(sa.select(team_decisions.c.question_id, team_decisions.c.reason,
                                          team_decisions.c.answer_json)
                                .where(team_decisions.c.space_id == space_id)
                                .order_by(team_decisions.c.decided_at, team_decisions.c.question_id)).all()
            return {q: (r, None if a is None else loads(a)) for q, r, a in rows}

    # ---- a member (their own token)

    @guarded
    def load_member(self, member_token: str) -> MemberSpace | None:
        """What a member's link opens (their own answers only); None for an unknown token."""
        with self._read() as conn:
            try:
                row = _find_member(conn, member_token)
            except SpaceNotFound:
                return None
            space = conn.execute(sa.select(spaces).where(spaces.c.id == row.space_id)).one()
            answers = _items(conn, member_answers, "value_json", [row.id])[row.id]
            notes = _items(conn, member_notes, "note", [row.id])[row.id]
        return MemberSpace(
            token=member_token, member_id=int(row.id), role=row.role,
            sections=loads(row.sections_json) if row.sections_json else None,
            nis_code=space.nis_code, commune_name=space.commune_name, lang=space.lang,
            questionnaire_id=space.questionnaire_id, questionnaire_version=space.questionnaire_version,
            answers=answers, notes=notes, updated_at=aware(row.updated_at),
        )

    @guarded
    def save_member_answer(self, member_token: str, question_id: str, value: Any) -> None:
        """Save one of the member's answers as it is given; ``None`` clears it."""
        check_question_id(question_id)
        value_json = None if value is None else dumps(value)
        now = self._now()
        with self._write() as conn:
            member_id = int(_find_member(conn, member_token, touch=now).id)
            self._save_member_item(conn, member_answers, "value_json", member_id, question_id, value_json, now)

    @guarded
    def save_member_note(self, member_token: str, question_id: str, note: str | None) -> None:
        """Save the member's note on a question; ``None`` or blank clears it."""
        check_question_id(question_id)
        if note is not None and not isinstance(note, str):
            raise ValueError("a note is a string")
        note = note if note is not None and note.strip() else None
        now = self._now()
        with self._write() as conn:
            member_id = int(_find_member(conn, member_token, touch=now).id)
            self._save_member_item(conn, member_notes, "note", member_id, question_id, note, now)

    @guarded
    def set_member_sections(self, member_token: str, sections: list[str] | None) -> None:
        """The sections the member chooses to answer (None: all)."""
        sections_json = _clean_sections(sections)
        with self._write() as conn:
            row = _find_member(conn, member_token, touch=self._now())
            conn.execute(team_members.update().where(team_members.c.id == row.id).values(sections_json=sections_json))

    def _save_member_item(self, conn: sa.Connection, table: sa.Table, column: str, member_id: int,
                          question_id: str, value: str | None, now: datetime) -> None:
        if value is None:
            conn.execute(table.delete().where(table.c.member_id == member_id, table.c.question_id == question_id))
            return
        next_position = (
            sa.select(sa.func.coalesce(sa.func.max(table.c.position), 0) + 1)
            .where(table.c.member_id == member_id)
            .scalar_subquery()
        )
        stmt = self._insert(table).values(member_id=member_id, question_id=question_id, position=next_position,
                                          updated_at=now, **{column: value})
        stmt = stmt.on_conflict_do_update(
            index_elements=[table.c.member_id, table.c.question_id],
            set_={column: stmt.excluded[column], "updated_at": stmt.excluded.updated_at},
        )
        conn.execute(stmt)
