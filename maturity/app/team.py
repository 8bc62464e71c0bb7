"""Session glue for answering as a team (issue 13): the holder's team, the consensus meeting.

Privacy: the holder's token (``?t=``) reads every member's answers; a member's token (``?m=``)
reads their own answers only (see :mod:`maturity.storage.teams`). Nothing here is cached across
sessions: members' answers live in the store and in this session's state only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from maturity.markdown import escape as escape_markdown
from maturity.merge import MAX_ROLE, MergeResult, Respondent, TeamSpreads, merge, team_spreads
from maturity.models import Questionnaire
from maturity.storage import MAX_MEMBERS, SpaceNotFound, StorageError, TeamFull
from maturity.typography import french_que, typed_text

from . import session, team_logic
from .texts import tr


def members(with_answers: bool = True) -> list[Any]:
    """The team of this session's space (holder only); [] without a team, a store or a space."""
    token = session.current_token()
    s = session.store()
    if not token or s is None:
        return []
    try:
        return s.team_answers(token) if with_answers else s.team_members(token)
    except StorageError as exc:
        session.show_storage_error(exc)
    except SpaceNotFound:
        pass
    return []


def answering(found: list[Any]) -> list[Any]:
    """The members who have given at least one answer (the others take no part in the merge)."""
    return [m for m in found if any(v is not None for v in m.answers.values())]


def consensus(q: Questionnaire, found: list[Any], holder: Respondent | None = None) -> MergeResult:
    """The meeting's merge: the colleagues' proposal, the holder's own answers a view among theirs once they
    gave one (:func:`maturity.merge.merge`, ``holder``; :func:`team_logic.meeting_holder`)."""
    return merge(q, team_logic.respondents(found), holder)


def spreads(q: Questionnaire, found: list[Any], holder: Respondent | None = None) -> TeamSpreads:
    """Each dimension's score per respondent and the spread; the respondents' roles (told apart), the
    holder's first when they answered anything themselves (:func:`maturity.merge.team_spreads`)."""
    return team_spreads(q, team_logic.respondents(found), holder)


def invite(role: str, sections: list[str] | None) -> str | None:
    """A new colleague's token (None on a storage problem)."""
    token = session.current_token()
    s = session.store()
    if not token or s is None:
        return None
    try:
        return s.invite_member(token, role, sections or None)
    except StorageError as exc:
        session.show_storage_error(exc)
    except SpaceNotFound:  # the assessment was deleted in another tab, or its campaign link revoked: said, not a blank
        st.error(tr("unknown_token", session.lang()), icon=":material/link_off:")
    except TeamFull:  # the click made no link and emptied the form: said, with what to do
        st.error(tr("team_full", session.lang(), n=MAX_MEMBERS), icon=":material/group_off:")
    except ValueError:  # a role of nothing but invisible characters
        st.error(tr("team_role_missing", session.lang()))
    return None


def set_own_role(role: str) -> bool:
    """The holder's own role, kept in the draft (``respondent.role``): the sheet names it first among the team's
    roles, the results' spread table heads its column with it."""
    doc = st.session_state.get("doc")
    cleaned = " ".join(typed_text(role or "").split())[:MAX_ROLE]
    if doc is None or not session._write(lambda s, token: s.set_holder_role(token, cleaned or None)):
        return False
    respondent = {k: v for k, v in doc.respondent.items() if k != "role"}
    doc.respondent = {**respondent, "role": cleaned} if cleaned else respondent
    return True


def _as_holder(call: Any, failed: Any) -> Any:
    """``call(store, token)`` with the holder's token, a storage error or a deleted space said on the page;
    ``failed`` when it could not run."""
    token = session.current_token()
    s = session.store()
    if not token or s is None:
        return failed
    try:
        return call(s, token)
    except StorageError as exc:
        session.show_storage_error(exc)
    except SpaceNotFound:
        st.error(tr("unknown_token", session.lang()), icon=":material/link_off:")
    return failed


def reissue(member_id: int) -> str | None:
    """A new link's token for a colleague (their answers kept, the old link dead); None when it failed (said)."""
    return _as_holder(lambda s, token: s.reissue_member(token, member_id), None)


def remove(member_id: int) -> bool:
    """Remove a colleague and their answers. When they were the last colleague who answered, the draft's team record
    goes too (:func:`forget_record`): it said their role and their answers (« Sujets pour le Collège », the answers
    file), the answers the page had just said were erased. With colleagues who answered left, the next run of the
    page makes the record again without them (:func:`brought_up_to_date`)."""
    gone = next((m for m in members() if m.id == member_id), None)
    if not _as_holder(lambda s, token: s.remove_member(token, member_id), False):
        return False
    if gone is not None and answering([gone]) and not answering(members()):
        forget_record()
    return True


def forget_record() -> bool:
    """The team record (``respondent.team``, ``divergent``) taken out of the draft and this session's document."""
    doc = st.session_state.get("doc")
    if doc is None or ("team" not in doc.respondent and "divergent" not in doc.extra):
        return False
    if not session._write(lambda s, token: s.forget_team(token)):
        return False
    doc.respondent = {k: v for k, v in doc.respondent.items() if k != "team"}
    doc.extra.pop("divergent", None)
    return True


def decide(question_id: str, value: Any, reason: str | None) -> bool:
    """The facilitator's final answer (into the draft, and this session's document) and why."""
    doc = st.session_state.get("doc")
    if doc is None or not session._write(lambda s, token: s.decide(token, question_id, value, reason)):
        return False
    if value is None:
        doc.answers.pop(question_id, None)
    else:
        doc.answers[question_id] = value
    doc.touch()
    return True


def decided() -> dict[str, tuple[str, Any]]:
    """The meeting's reasons, each with the final answer it was given for (the store's)."""
    token = session.current_token()
    s = session.store()
    if not token or s is None:
        return {}
    try:
        return s.decided(token)
    except (StorageError, SpaceNotFound):
        return {}


def record(result: MergeResult, decided: dict[str, tuple[str, Any]] | None = None) -> bool:
    """Write who took part (roles) and the divergent questions, with the meeting's reasons (``decided``, the
    store's :func:`decided`: each with the answer it was given for), into the draft (contract §8), so that the
    sheet and the answers file say them."""
    doc = st.session_state.get("doc")
    if doc is None:
        return False
    recorded = team_logic.with_record(doc, result, decided)  # the record's one shape (the download's too)
    summary = recorded.extra["divergent"]
    if not session._write(lambda s, token: s.record_team(token, result.team, summary)):
        return False
    doc.respondent = recorded.respondent  # the holder's role kept (storage's record_team)
    doc.extra["divergent"] = summary
    return True


def brought_up_to_date(q: Questionnaire, doc: Any, lang: str, people: list[Any] | None = None
                       ) -> tuple[list[Any], MergeResult | None, dict[str, tuple[str, Any]]]:
    """The draft's team record (``respondent.team`` and ``divergent``, contract §8: the sheet's topics for the
    Collège, who answered what) made again from the answers of now, written when it changed (:func:`record`).
    It was written only when the meeting page was drawn: a final answer changed on the questionnaire, or a
    colleague's answer given or changed on their link since, left the sheet's topics saying the answers of the
    last visit. Returns the colleagues who answered (``people``: when already read), the meeting's merge (None
    without them: the record is left as it is, an uploaded team file's own included) and its reasons."""
    people = answering(members()) if people is None else people
    if not people:
        return people, None, {}
    result = consensus(q, people, team_logic.meeting_holder(doc, lang))
    reasons = decided()  # the meeting's reasons, each with the final answer it was given for
    if doc.respondent.get("team") != result.team or doc.extra.get("divergent") != team_logic.summary(result, reasons):
        record(result, reasons)
    return people, result, reasons


def answers_file(q: Questionnaire, doc: Any, lang: str) -> Callable[[], bytes]:
    """What builds the answers file a download button gives (the holder's): the document, its team record
    (``respondent.team``, ``divergent``: contract §8) made at the click from the answers of now, as
    :func:`brought_up_to_date` makes it. The Questionnaire page's download gave the record of the last visit to
    Équipe or Recommandations: a colleague who answered since, or a final answer changed on this very page (its
    answers are a fragment: the button is not drawn again), were not in it. Streamlit calls the builder in a thread
    with no script run (:func:`maturity.app.session.export_json`): the store and the token are read now, nothing
    is written; without a colleague who answered the document is given as it is (an uploaded team file's record)."""
    from . import logic

    token = session.current_token()
    s = session.store()

    def build() -> bytes:
        current = doc
        if s is not None and token:
            try:
                people = answering(s.team_answers(token))
                if people:
                    result = consensus(q, people, team_logic.meeting_holder(doc, lang))
                    current = team_logic.with_record(doc, result, s.decided(token))
            except (StorageError, SpaceNotFound):
                pass  # the file as the session holds it: better than none
        return logic.answers_json_bytes(current)

    return build


def results_view(q: Questionnaire, lang: str, people: list[Any] | None = None, doc: Any | None = None
                 ) -> tuple[list[Any], list[dict[str, str]], str] | None:
    """For the results page (holder only): each colleague's own shape as light radar series (by
    role), the per-dimension spread table, with a column for the holder's own answers (``doc``, the
    assessment's: the commune's shape is already on the radar), and the caption that reads it; None without
    colleagues who answered.
    ``people``: the colleagues who answered, when already read (:func:`answering`)."""
    if people is None:
        people = answering(members())
    if not people:
        return None
    holder = None if doc is None else team_logic.holder(doc, lang)
    found = spreads(q, people, holder)
    return (team_logic.respondent_series(q, found, lang),
            team_logic.spread_rows(q, found.spreads, found.roles, lang),
            team_logic.spread_caption(found, lang))


def member_panel(q: Questionnaire, doc: Any, lang: str) -> list[int] | None:
    """On a colleague's link: who they answer as, their own link, the parts they answer. Returns the
    indices of the sections they answer (None: not a colleague's link)."""
    member = session.member_token()
    if not member:
        return None
    meta = st.session_state.get("member_meta") or {}
    role = meta.get("role") or "?"
    st.info(tr("team_member_banner", lang, role=escape_markdown(role), fr_que=french_que(role),
               name=session.commune_of(doc, lang)), icon=":material/group:")
    with st.expander(tr("team_member_link", lang), icon=":material/link:"):
        st.code(team_logic.member_url(session.base_url(), member), language=None, wrap_lines=True)
    ids = [s.id for s in q.sections]
    chosen = [s for s in (meta.get("sections") or ids) if s in ids] or ids
    if "team_my_sections" not in st.session_state:
        st.session_state["team_my_sections"] = chosen

    def on_sections() -> None:
        picked = [s for s in st.session_state.get("team_my_sections") or [] if s in ids]
        s = session.store()
        value = None if not picked or len(picked) == len(ids) else picked
        if s is not None:
            try:
                s.set_member_sections(member, value)
            except (StorageError, SpaceNotFound, ValueError):
                return
        meta["sections"] = value
        st.session_state["member_meta"] = meta

    st.multiselect(tr("team_member_sections", lang), ids, key="team_my_sections", on_change=on_sections,
                   format_func=lambda sid: q.t(next(s for s in q.sections if s.id == sid).label, lang),
                   select_all=False)  # its first option read « Select all » in English on a French page
    picked = [s for s in st.session_state.get("team_my_sections") or [] if s in ids] or ids
    return [i for i, sid in enumerate(ids) if sid in picked]
