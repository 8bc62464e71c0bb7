"""The campaigns aggregate: a coordinator's campaign, one invitation per commune, the communes'
responses (by their invitation link or by file), and the imported campaign aggregates.

- An invitation is a space bound to its commune (``spaces.commune_locked``): the link is that
  space's resume link, so only the SHA-256 of its token is stored, like any resume token. Revoking
  re-keys the space with a token nobody holds (the link then opens nothing and records nothing);
  reissuing gives the same space a new token (the commune keeps its draft).
- A submission made through a live invitation link, on or before the closing day, is recorded as the
  commune's response in the same transaction (:meth:`CampaignsMixin._on_submitted`). Files come in
  through :meth:`CampaignsMixin.submit_files`, all or nothing.
- What counts (:meth:`CampaignsMixin.campaign_responses`): responses of communes whose invitation is
  live, submitted on or before the closing day; a link response only while its link is the commune's
  current one. Several per commune are returned; the core keeps the latest
  (:func:`maturity.campaign.latest_responses`).
- Imported aggregates (:meth:`CampaignsMixin.import_aggregates`) are the published files, kept in the
  database so that every replica shows the same reference.

The registry, the estimator and the publication belong to the core (:mod:`maturity.campaign`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from ..errors import InvalidInput, Problem
from .db import Database, aware, dumps, guarded, loads, metadata
from .spaces import new_token, spaces, token_hash, valid_token
from .submissions import snapshots
from .teams import rekey_members

BRUSSELS = ZoneInfo("Europe/Brussels")
CAMPAIGN_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$")
CHANNELS = ("link", "file")

campaigns = sa.Table(
    "campaigns",
    metadata,
    sa.Column("id", sa.String(80), primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("questionnaire_id", sa.String(200), nullable=False),
    sa.Column("opens", sa.Date, nullable=False),
    sa.Column("closes", sa.Date, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)
invitations = sa.Table(
    "campaign_invitations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("campaign_id", sa.String(80), sa.ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False),
    sa.Column("nis_code", sa.String(16), nullable=False),
    sa.Column("commune_name", sa.Text, nullable=False),
    sa.Column("space_id", sa.Integer, sa.ForeignKey("spaces.id", ondelete="SET NULL")),
    sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
)
responses = sa.Table(
    "campaign_responses",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("campaign_id", sa.String(80), sa.ForeignKey("campaigns.id", ondelete="CASCADE"), nullable=False),
    sa.Column("nis_code", sa.String(16), nullable=False),
    sa.Column("channel", sa.String(8), nullable=False),
    sa.Column("invitation_id", sa.Integer, sa.ForeignKey("campaign_invitations.id", ondelete="CASCADE")),
    sa.Column("snapshot_id", sa.Integer, sa.ForeignKey("snapshots.id", ondelete="CASCADE"), unique=True),
    sa.Column("source", sa.Text),
    sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("document_json", sa.Text, nullable=False),
    sa.Column("assessment_json", sa.Text, nullable=False),
)
aggregates = sa.Table(
    "campaign_aggregates",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("campaign", sa.String(80), nullable=False, unique=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("published", sa.Date),
    sa.Column("respondents", sa.Integer, nullable=False),
    sa.Column("population", sa.Integer, nullable=False),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("imported_at", sa.DateTime(timezone=True), nullable=False),
)


@dataclass(frozen=True)
class Campaign:
    id: str
    title: str
    questionnaire: str
    opens: date
    closes: date  # the last day on which a submission counts (the whole day, Brussels time)
    created_at: datetime

    @property
    def close_end(self) -> datetime:
        """The first instant after the closing day (Brussels): a submission counts when strictly before it."""
        return close_end(self.closes)

    def is_open(self, when: datetime) -> bool:
        """Submissions are recorded until the end of the closing day (a response may come early)."""
        return when < self.close_end

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "questionnaire": self.questionnaire,
                "opens": self.opens.isoformat(), "closes": self.closes.isoformat()}


@dataclass(frozen=True)
class Invitee:
    """A commune to invite: its NIS code, its name, and the language its space opens in."""

    nis_code: str
    name: str
    lang: str = "fr"


@dataclass(frozen=True)
class Issued:
    """A link just issued: shown once (only its hash is kept)."""

    nis_code: str
    commune_name: str
    token: str


@dataclass(frozen=True)
class InvitationInfo:
    """What the app shows in a space opened by an invitation."""

    campaign_id: str
    title: str
    opens: date
    closes: date
    nis_code: str
    commune_name: str
    open: bool  # the campaign still records submissions


@dataclass(frozen=True)
class FileResponse:
    """A response that arrived as a file (the core has read, checked and scored it)."""

    nis_code: str
    document: dict[str, Any]
    assessment: dict[str, Any]
    source: str


def close_end(closes: date) -> datetime:
    """The end of the closing day in Brussels (midnight after it), as a UTC time: a submission counts
    when strictly before it (the core reads a date-only close the same way)."""
    return datetime.combine(closes + timedelta(days=1), time(0), tzinfo=BRUSSELS).astimezone(UTC)


def _campaign(row: Any) -> Campaign:
    return Campaign(row.id, row.title, row.questionnaire_id, row.opens, row.closes, aware(row.created_at))


def _get(conn: sa.Connection, campaign_id: str) -> Campaign | None:
    if not isinstance(campaign_id, str) or not CAMPAIGN_ID.match(campaign_id):
        return None
    row = conn.execute(sa.select(campaigns).where(campaigns.c.id == campaign_id)).first()
    return _campaign(row) if row else None


def _require(conn: sa.Connection, campaign_id: str) -> Campaign:
    found = _get(conn, campaign_id)
    if found is None:
        raise InvalidInput([Problem(f"no campaign {campaign_id!r} (see 'maturity campaign list')", "ID")])
    return found


def _live(conn: sa.Connection, campaign_id: str) -> dict[str, Any]:
    """The live (non-revoked) invitation of each commune: nis_code -> row."""
    rows = conn.execute(
        sa.select(invitations).where(invitations.c.campaign_id == campaign_id, invitations.c.revoked_at.is_(None))
    ).all()
    return {r.nis_code: r for r in rows}


def _counting(campaign: Campaign) -> Any:
    """A select of the responses that count: live invitation, on or before the closing day, and for a
    link response, the commune's current link."""
    live = invitations.alias("live")
    return (
        sa.select(responses)
        .join(live, sa.and_(live.c.campaign_id == responses.c.campaign_id, live.c.nis_code == responses.c.nis_code,
                            live.c.revoked_at.is_(None)))
        .where(
            responses.c.campaign_id == campaign.id,
            responses.c.submitted_at < campaign.close_end,
            sa.or_(responses.c.channel == "file", responses.c.invitation_id == live.c.id),
        )
    )


def delete_space_responses(conn: sa.Connection, snapshot_ids: Any) -> None:
    """The campaign responses recorded from these snapshots (a select of ids), when their space is erased."""
    conn.execute(responses.delete().where(responses.c.snapshot_id.in_(snapshot_ids)))


def campaign_problems(campaign_id: Any, title: Any, questionnaire_id: Any, opens: Any, closes: Any) -> list[Problem]:
    """What is wrong with a new campaign's fields before the store is asked (not a taken id): its id, its title, its
    questionnaire id, and its closing day before its opening day when both are dates."""
    problems = []
    if not isinstance(campaign_id, str) or not CAMPAIGN_ID.match(campaign_id):
        problems.append(Problem(f"{campaign_id!r} is not a campaign id (letters, digits, '.', '_', '-'; "
                                "at most 80)", "ID", code="campaign_bad_id"))
    if not isinstance(title, str) or not title.strip() or len(title) > 300:
        problems.append(Problem("a title is required (at most 300 characters)", "--title",
                                code="campaign_title_required"))
    if not isinstance(questionnaire_id, str) or not questionnaire_id.strip():
        problems.append(Problem("a questionnaire id is required", "--questionnaire"))
    if isinstance(opens, date) and isinstance(closes, date) and closes < opens:
        problems.append(Problem(f"the campaign closes ({closes}) before it opens ({opens})", "--closes",
                                code="campaign_closes_before_opens"))
    return problems


class CampaignsMixin(Database):
    """Campaigns, invitations, responses and imported aggregates."""

    # ---- campaigns

    @guarded
    def create_campaign(self, campaign_id: str, title: str, questionnaire_id: str, opens: date, closes: date
                        ) -> Campaign:
        """A new campaign; ``InvalidInput`` with every problem (bad or taken id, closes before opens, …)."""
        problems = campaign_problems(campaign_id, title, questionnaire_id, opens, closes)
        if not isinstance(opens, date) or not isinstance(closes, date):
            problems.append(Problem("opens and closes are dates", "--opens"))
        if problems:
            raise InvalidInput(problems)
        now = self._now()
        with self._write() as conn:
            if _get(conn, campaign_id) is not None:
                raise InvalidInput([Problem(f"a campaign {campaign_id!r} already exists", "ID",
                                            code="campaign_exists", params=(("id", campaign_id),))])
            conn.execute(campaigns.insert().values(id=campaign_id, title=title.strip(), questionnaire_id=questionnaire_id,
                                                   opens=opens, closes=closes, created_at=now))
        return Campaign(campaign_id, title.strip(), questionnaire_id, opens, closes, now)

    @guarded
    def campaign(self, campaign_id: str) -> Campaign | None:
        with self._read() as conn:
            return _get(conn, campaign_id)

    @guarded
    def campaigns(self) -> list[Campaign]:
        """Every campaign, the most recent opening first."""
        with self._read() as conn:
            rows = conn.execute(sa.select(campaigns).order_by(campaigns.c.opens.desc(), campaigns.c.id)).all()
        return [_campaign(r) for r in rows]

    # ---- invitations

    def _new_space(self, conn: sa.Connection, campaign: Campaign, invitee: Invitee, version: str,
                   token: str, now: datetime) -> int:
        return int(conn.execute(
            spaces.insert().values(
                token_hash=token_hash(token), questionnaire_id=campaign.questionnaire,
                questionnaire_version=version, lang=invitee.lang, nis_code=invitee.nis_code,
                commune_name=invitee.name, meta_json=dumps({"created_at": now.isoformat()}),
                created_at=now, draft_updated_at=now, commune_locked=True,
            ).returning(spaces.c.id)
        ).scalar_one())

    @guarded
    def invite(self, campaign_id: str, invitees: Sequence[Invitee], questionnaire_version: str) -> list[Issued]:
        """One invitation per commune not yet invited: a space bound to it, whose link is returned once.
        Communes already invited (live or revoked) are left alone (``reissue`` gives a new link).
        Refused once the campaign is closed."""
        now = self._now()
        issued: list[Issued] = []
        with self._write() as conn:
            campaign = _require(conn, campaign_id)
            if not campaign.is_open(now):
                raise InvalidInput([Problem(f"the campaign closed on {campaign.closes}", "ID")])
            known = set(conn.execute(
                sa.select(invitations.c.nis_code).where(invitations.c.campaign_id == campaign_id)).scalars())
            for invitee in invitees:
                if invitee.nis_code in known:
                    continue
                known.add(invitee.nis_code)
                token = new_token()
                space_id = self._new_space(conn, campaign, invitee, questionnaire_version, token, now)
                conn.execute(invitations.insert().values(campaign_id=campaign_id, nis_code=invitee.nis_code,
                                                         commune_name=invitee.name, space_id=space_id, issued_at=now))
                issued.append(Issued(invitee.nis_code, invitee.name, token))
        return issued

    def _check_codes(self, conn: sa.Connection, campaign_id: str, nis_codes: Sequence[str], *, live_only: bool
                     ) -> tuple[Campaign, dict[str, Any]]:
        campaign = _require(conn, campaign_id)
        live = _live(conn, campaign_id)
        known = set(conn.execute(
            sa.select(invitations.c.nis_code).where(invitations.c.campaign_id == campaign_id)).scalars())
        problems = []
        for code in nis_codes:
            if code not in known:
                problems.append(Problem(f"commune {code} was not invited to {campaign_id}", "NIS"))
            elif live_only and code not in live:
                problems.append(Problem(f"the invitation of commune {code} is already revoked", "NIS"))
        if not nis_codes:
            problems.append(Problem("name at least one commune (NIS code)", "NIS"))
        if problems:
            raise InvalidInput(problems)
        return campaign, live

    @guarded
    def revoke(self, campaign_id: str, nis_codes: Sequence[str]) -> int:
        """Revoke these communes' links: each opens nothing from now on and records nothing; the
        responses made through it no longer count. All or nothing (``InvalidInput``)."""
        now = self._now()
        with self._write() as conn:
            _, live = self._check_codes(conn, campaign_id, nis_codes, live_only=True)
            for code in dict.fromkeys(nis_codes):
                self._revoke_row(conn, live[code], now)
        return len(set(nis_codes))

    def _revoke_row(self, conn: sa.Connection, row: Any, now: datetime) -> None:
        conn.execute(invitations.update().where(invitations.c.id == row.id).values(revoked_at=now))
        if row.space_id is not None:  # re-key the space, and its colleagues' links, with tokens nobody holds
            conn.execute(spaces.update().where(spaces.c.id == row.space_id)
                         .values(token_hash=token_hash(new_token())))
            rekey_members(conn, row.space_id)

    @guarded
    def reissue(self, campaign_id: str, nis_codes: Sequence[str], questionnaire_version: str) -> list[Issued]:
        """A new link for each of these invited communes (the old one, if still live, is revoked); the
        commune's space and draft are kept. Refused once the campaign is closed."""
        now = self._now()
        issued: list[Issued] = []
        with self._write() as conn:
            campaign, live = self._check_codes(conn, campaign_id, nis_codes, live_only=False)
            if not campaign.is_open(now):
                raise InvalidInput([Problem(f"the campaign closed on {campaign.closes}", "ID")])
            for code in dict.fromkeys(nis_codes):
                last = conn.execute(
                    sa.select(invitations).where(invitations.c.campaign_id == campaign_id,
                                                 invitations.c.nis_code == code)
                    .order_by(invitations.c.id.desc())).first()
                if code in live:
                    self._revoke_row(conn, live[code], now)
                token = new_token()
                space_id = last.space_id
                if space_id is None:  # the commune erased its space: a new one
                    space_id = self._new_space(conn, campaign, Invitee(code, last.commune_name),
                                               questionnaire_version, token, now)
                else:
                    conn.execute(spaces.update().where(spaces.c.id == space_id)
                                 .values(token_hash=token_hash(token)))
                conn.execute(invitations.insert().values(campaign_id=campaign_id, nis_code=code,
                                                         commune_name=last.commune_name, space_id=space_id,
                                                         issued_at=now))
                issued.append(Issued(code, last.commune_name, token))
        return issued

    @guarded
    def invitations(self, campaign_id: str) -> list[dict[str, Any]]:
        """Every invitation of the campaign (live and revoked), by commune then date: nis_code,
        commune_name, issued_at, revoked_at, live. Never a token."""
        with self._read() as conn:
            _require(conn, campaign_id)
            rows = conn.execute(sa.select(invitations).where(invitations.c.campaign_id == campaign_id)
                                .order_by(invitations.c.nis_code, invitations.c.id)).all()
        return [{"nis_code": r.nis_code, "commune_name": r.commune_name, "issued_at": aware(r.issued_at),
                 "revoked_at": aware(r.revoked_at) if r.revoked_at else None, "live": r.revoked_at is None}
                for r in rows]

    @guarded
    def invitation_of(self, token: str) -> InvitationInfo | None:
        """The live invitation whose link this space token is; None for any other token."""
        if not valid_token(token):
            return None
        with self._read() as conn:
            row = conn.execute(
                sa.select(invitations, campaigns.c.title, campaigns.c.opens, campaigns.c.closes)
                .join(campaigns, campaigns.c.id == invitations.c.campaign_id)
                .join(spaces, spaces.c.id == invitations.c.space_id)
                .where(spaces.c.token_hash == token_hash(token), invitations.c.revoked_at.is_(None))
            ).first()
        if row is None:
            return None
        return InvitationInfo(row.campaign_id, row.title, row.opens, row.closes, row.nis_code, row.commune_name,
                              self._now() < close_end(row.closes))

    # ---- responses

    def _invited(self, conn: sa.Connection, space_id: int) -> bool:
        return conn.execute(sa.select(invitations.c.id).where(
            invitations.c.space_id == space_id, invitations.c.revoked_at.is_(None)).limit(1)).first() is not None

    def _on_submitted(self, conn: sa.Connection, space_id: int, snapshot_id: int, now: datetime,
                      document_json: str, assessment_json: str) -> None:
        """A submission through a live invitation link, before the close, is the commune's response."""
        super()._on_submitted(conn, space_id, snapshot_id, now, document_json, assessment_json)
        row = conn.execute(
            sa.select(invitations.c.id, invitations.c.campaign_id, invitations.c.nis_code, campaigns.c.closes,
                      campaigns.c.questionnaire_id)
            .join(campaigns, campaigns.c.id == invitations.c.campaign_id)
            .where(invitations.c.space_id == space_id, invitations.c.revoked_at.is_(None))
        ).first()
        if row is None:
            return
        if now >= close_end(row.closes):
            return  # after the close: the commune's own snapshot, not a campaign response
        conn.execute(responses.insert().values(
            campaign_id=row.campaign_id, nis_code=row.nis_code, channel="link", invitation_id=row.id,
            snapshot_id=snapshot_id, source=None, submitted_at=now, document_json=document_json,
            assessment_json=assessment_json,
        ))

    @guarded
    def submit_files(self, campaign_id: str, files: Sequence[FileResponse]) -> int:
        """Record responses that came as files, each as its commune's response. Every commune must
        hold a live invitation and the campaign must be open; otherwise ``InvalidInput`` lists every
        problem and nothing is recorded."""
        now = self._now()
        rows = []
        problems = []
        for i, f in enumerate(files):
            try:
                rows.append((f, dumps(f.document), dumps(f.assessment)))
            except ValueError as exc:
                problems.append(Problem(str(exc), f.source or f"files[{i}]"))
        with self._write() as conn:
            campaign = _require(conn, campaign_id)
            live = _live(conn, campaign_id)
            if not campaign.is_open(now):
                problems.append(Problem(f"the campaign closed on {campaign.closes}: nothing can be recorded", "ID",
                                        code="campaign_closed_files"))
            for f in files:
                if f.nis_code not in live:
                    problems.append(Problem(f"commune {f.nis_code} has no live invitation to {campaign_id} "
                                            "(not invited, or revoked)", f.source, code="answers_no_live_invitation",
                                            params=(("file", f.source or ""), ("nis", f.nis_code))))
            if problems:
                raise InvalidInput(problems)
            if rows:
                conn.execute(responses.insert(), [
                    {"campaign_id": campaign_id, "nis_code": f.nis_code, "channel": "file", "invitation_id": None,
                     "snapshot_id": None, "source": f.source, "submitted_at": now, "document_json": doc,
                     "assessment_json": assessment}
                    for f, doc, assessment in rows
                ])
        return len(rows)

    @guarded
    def campaign_responses(self, campaign_id: str) -> list[dict[str, Any]]:
        """The responses that count (see the module's docstring), oldest first: nis_code, submitted_at,
        channel, source, document, assessment. Several per commune when it submitted again."""
        with self._read() as conn:
            campaign = _require(conn, campaign_id)
            sub = _counting(campaign).subquery()
            rows = conn.execute(sa.select(sub).order_by(sub.c.submitted_at, sub.c.id)).all()
        return [{"nis_code": r.nis_code, "submitted_at": aware(r.submitted_at), "channel": r.channel,
                 "source": r.source, "document": loads(r.document_json), "assessment": loads(r.assessment_json)}
                for r in rows]

    @guarded
    def campaign_progress(self, campaign_id: str) -> dict[str, list[str]]:
        """For the follow-up: the communes with a live invitation, those that started (an answer saved
        in their space by its holder or a team member, a submission, or a response) and those whose
        response counts."""
        from .spaces import draft_answers

        with self._read() as conn:
            campaign = _require(conn, campaign_id)
            live = _live(conn, campaign_id)
            sub = _counting(campaign).subquery()
            submitted = set(conn.execute(sa.select(sub.c.nis_code).distinct()).scalars())
            space_ids = {r.space_id: code for code, r in live.items() if r.space_id is not None}
            started = set()
            if space_ids:
                found = conn.execute(
                    sa.select(draft_answers.c.space_id).where(draft_answers.c.space_id.in_(list(space_ids))).distinct()
                ).scalars()
                started = {space_ids[s] for s in found}
                with_snapshots = conn.execute(
                    sa.select(snapshots.c.space_id).where(snapshots.c.space_id.in_(list(space_ids))).distinct()
                ).scalars()
                started |= {space_ids[s] for s in with_snapshots}
                from .teams import member_answers, team_members

                with_team_answers = conn.execute(
                    sa.select(team_members.c.space_id).join(member_answers, member_answers.c.member_id == team_members.c.id)
                    .where(team_members.c.space_id.in_(list(space_ids))).distinct()
                ).scalars()
                started |= {space_ids[s] for s in with_team_answers}
        return {"invited": sorted(live), "started": sorted(started | submitted), "submitted": sorted(submitted)}

    # ---- imported aggregates

    @guarded
    def import_aggregates(self, *, campaign: str, title: str, published: date | None, respondents: int,
                          population: int, source: str, text: str) -> bool:
        """Keep a campaign's published aggregates (the file as given; the core has validated it).
        Importing the same campaign again replaces it. Returns True when it replaced one."""
        now = self._now()
        values = {"title": title, "published": published, "respondents": int(respondents),
                  "population": int(population), "source": source, "text": text, "imported_at": now}
        with self._write() as conn:
            existing = conn.execute(sa.select(aggregates.c.id).where(aggregates.c.campaign == campaign)).scalar()
            if existing is None:
                conn.execute(aggregates.insert().values(campaign=campaign, **values))
                return False
            conn.execute(aggregates.update().where(aggregates.c.id == existing).values(**values))
            return True

    @guarded
    def campaign_aggregates(self) -> list[dict[str, Any]]:
        """The imported aggregates, the most recently published first: campaign, title, published,
        respondents, population, source, imported_at, text."""
        with self._read() as conn:
            rows = conn.execute(sa.select(aggregates)).all()
        out = [{"campaign": r.campaign, "title": r.title, "published": r.published, "respondents": r.respondents,
                "population": r.population, "source": r.source, "imported_at": aware(r.imported_at), "text": r.text}
               for r in rows]
        out.sort(key=lambda a: (a["published"] or date.min, a["imported_at"]), reverse=True)
        return out
