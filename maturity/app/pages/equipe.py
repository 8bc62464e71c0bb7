"""Équipe: invite colleagues (a link and a role each), see who answered, hold the consensus meeting.

Only the holder of the assessment (its resume link) reaches this page's content. The meeting shows the
divergent questions first, who answered what with their notes, and the proposal (contract §8); the
facilitator picks the final answer or keeps the proposal, and may write why. The final answers are
the assessment's: scored, submitted and pooled as before.
"""

import time

import streamlit as st

from maturity import merge
from maturity.answers import MAX_REASON
from maturity.app import logic, session, team, team_logic
from maturity.app.texts import tr
from maturity.display import format_number
from maturity.markdown import escape
from maturity.scoring import visible_questions

DOUBLE_CLICK = 3.0  # seconds: an empty invitation sent this soon after a link was made is that click's second

lang = session.lang()
found = session.require_space("nav_team")
if found is None:
    st.stop()
q, doc = found
name = session.commune_of(doc, lang)
st.title(tr("team_title", lang, name=name))
st.markdown(tr("team_intro", lang))
if session.store() is None:
    st.stop()

# --- invite ---------------------------------------------------------------------------------------
st.header(tr("team_invite_header", lang))
st.caption(tr("team_invite_help", lang))
new_link = st.session_state.get("_team_new_link")
if new_link:
    st.success(tr("team_link_ready", lang, role=logic.escape_markdown(new_link[0])), icon=":material/link:")
    st.code(new_link[1], language=None, wrap_lines=True)
    st.caption(tr("team_link_once", lang))
section_ids = [s.id for s in q.sections]
with st.form("team_invite_form", clear_on_submit=True, border=True):
    role = st.text_input(tr("team_role_label", lang), max_chars=80, key="team_role",
                         placeholder=tr("team_role_placeholder", lang))
    chosen = st.multiselect(tr("team_sections_label", lang), section_ids, key="team_sections",
                            format_func=lambda sid: q.t(next(s for s in q.sections if s.id == sid).label, lang),
                            placeholder=tr("team_all_sections", lang), select_all=False)  # Streamlit's English
    submitted = st.form_submit_button(tr("team_invite_button", lang), type="primary", icon=":material/person_add:")
if submitted:
    if not (role or "").strip():
        # a double click on « Créer son lien »: its second click sends the form the first one emptied (one colleague
        # made, rightly), and the page said « Lien créé pour « mobilité » » above « Indiquez le rôle de ce collègue. »
        if time.monotonic() - st.session_state.get("_team_created_at", 0.0) > DOUBLE_CLICK:
            st.error(tr("team_role_missing", lang))
    else:
        member_token = team.invite(role, chosen)
        if member_token:
            st.session_state["_team_created_at"] = time.monotonic()
            st.session_state.pop("_team_reissued", None)
            st.session_state["_team_new_link"] = (" ".join(role.split()),
                                                  team_logic.member_url(session.base_url(), member_token))
            st.rerun()

# --- the team -------------------------------------------------------------------------------------
everyone = team.members()
st.header(tr("team_members_header", lang))
if "team_own_role" not in st.session_state:
    st.session_state["team_own_role"] = (doc.respondent or {}).get("role") or ""
st.text_input(tr("team_own_role_label", lang), max_chars=80, key="team_own_role",
              placeholder=tr("team_role_placeholder", lang), help=tr("team_own_role_help", lang),
              on_change=lambda: team.set_own_role(st.session_state.get("team_own_role") or ""))
if not everyone:
    st.info(tr("team_none", lang), icon=":material/group:")
else:
    with st.container(key="team_members"):  # a role typed without spaces wraps in its cell (shell.css)
        st.table(team_logic.member_rows(q, everyone, lang))
    # a colleague who lost their link (a mail deleted, a new computer): a new one, their answers kept; removing and
    # inviting them again erased them (fresh-eyes trial 13)
    reissued = st.session_state.get("_team_reissued")  # shown here, where the click was, not at the page's top
    with st.expander(tr("team_reissue_header", lang), icon=":material/link:", expanded=reissued is not None):
        st.caption(tr("team_reissue_help", lang))
        again = st.selectbox(tr("team_remove_label", lang), [m.id for m in everyone], key="team_reissue_choice",
                             format_func=lambda i: next(m.role for m in everyone if m.id == i))
        if st.button(tr("team_reissue_button", lang), key="team_reissue"):
            member_token = team.reissue(again)
            if member_token:
                st.session_state["_team_reissued"] = (next(m.role for m in everyone if m.id == again),
                                                      team_logic.member_url(session.base_url(), member_token))
                st.session_state.pop("_team_new_link", None)  # an invitation's link shown above is still valid,
                st.rerun()  # but one link on the page at a time says which is new
        if reissued:
            st.success(tr("team_link_ready", lang, role=logic.escape_markdown(reissued[0])), icon=":material/link:")
            st.code(reissued[1], language=None, wrap_lines=True)
            st.caption(tr("team_reissue_once", lang))
    with st.expander(tr("team_remove_header", lang), icon=":material/person_remove:"):
        member_id = st.selectbox(tr("team_remove_label", lang), [m.id for m in everyone], key="team_remove_choice",
                                 format_func=lambda i: next(m.role for m in everyone if m.id == i))
        sure = st.checkbox(tr("team_remove_confirm", lang), key="team_remove_sure")
        if st.button(tr("team_remove_button", lang), key="team_remove", disabled=not sure) and team.remove(member_id):
            st.session_state.pop("team_remove_sure", None)
            st.rerun()

# --- the consensus meeting ------------------------------------------------------------------------
st.header(tr("team_meeting_header", lang))
# the holder's own answers are a view among the colleagues' (theirs, and the final answers settled here): Gesves's
# échevine differed from her directrice générale on 14 questions while the meeting said « 0 divergentes »
people, result, reasons = team.brought_up_to_date(q, doc, lang, team.answering(everyone))
if result is None:
    st.info(tr("team_meeting_empty", lang), icon=":material/forum:")
    st.stop()
# the questions the final answers show (a question a condition hides is none of the meeting's business: Ciney's
# agent mobilité answered the triggers of an approach the final answers say is « Non »; the meeting read
# « Réponses finales 56 / 57 », forever one short, and « Garder toutes les propositions » stored the answer)
shown = visible_questions(q, doc.answers)
divergent = [item for item in result.divergent if item.question in shown]
own_role = merge.holder_role(doc.respondent)
holder_name = tr("team_holder_role", lang, role=own_role) if own_role else tr("team_holder", lang)
# of the questions a colleague answered, those with a final answer (the holder's own answers elsewhere
# do not count: "57 / 6" read as 57 final answers out of 6)
team_answered = [item for item in result.report if item.colleagues_answered and item.question in shown]
decided = sum(1 for item in team_answered if item.question in doc.answers)
cols = st.columns(3)
cols[0].metric(tr("team_metric_people", lang), str(len(result.roles)),
               help=tr("team_metric_people_help", lang) if result.holder else None)
cols[1].metric(tr("team_metric_divergent", lang), str(len(divergent)))
cols[2].metric(tr("team_metric_decided", lang), f"{decided} / {len(team_answered)}",
               help=tr("team_metric_decided_help", lang))
st.caption(tr("team_meeting_help", lang))


def apply_all() -> None:
    """Keep the proposal of every question that has one and no final answer yet. The draft is read as a run
    reads it: changed in another tab meanwhile (an answer given beside the meeting), nothing is decided over it;
    the page reloads and says so, and shows what is stored (the click can be made again). The colleagues' notes
    are not kept with it: a note becomes one of the commune's, on the sheet the Collège reads, only when the
    holder keeps it, question by question (:func:`keep_notes`); Ciney's directrice générale wrote « Entre nous :
    … le bourgmestre bloque », told that only the holder sees her answers, and one click put it on the sheet."""
    session.new_run()
    if session.document() is None or st.session_state.get("_reloaded"):
        return
    # in the questionnaire's order, each question kept only when the answers kept so far show it (a proposal kept
    # for « démarche » shows its follow-up questions, kept in the same click)
    final = dict(doc.answers)
    for item in sorted(result.report, key=lambda i: q.order[i.question]):
        if (item.proposal is not None and item.question not in final
                and item.question in visible_questions(q, final)):
            team.decide(item.question, item.proposal, None)
            final[item.question] = item.proposal
            st.session_state.pop(f"fin_{item.question}", None)


def keep_notes(qid: str) -> None:
    """The colleagues' notes on one question kept as the assessment's note (each prefixed by its author's role,
    contract §8), asked for in so many words; never over a note the assessment has (another tab's included)."""
    session.new_run()
    if session.document() is None or st.session_state.get("_reloaded"):
        return
    if qid in result.notes and qid not in doc.notes:
        session.save_note(qid, result.notes[qid])


def settle(qid: str, value: object) -> None:
    """The final answer and its reason (« Pourquoi ce choix »), then the draft's divergent questions and reasons
    written again at once (contract §8): a reason typed just before a click in the menu reaches the answers file
    and the sheet without this page being drawn again."""
    if team.decide(qid, value, st.session_state.get(f"why_{qid}")):
        team.record(team.consensus(q, people, team_logic.meeting_holder(doc, lang)), team.decided())


def on_final(qid: str) -> None:
    question = q.question(qid)
    raw = st.session_state.get(f"fin_{qid}")
    value = logic.choice_of(q, question, raw) if question is not None else None
    if raw is not None and value is None:  # a label no option has any more (logic.option_of): nothing chosen
        return
    settle(qid, value)


def keep(qid: str, proposal: object) -> None:
    settle(qid, proposal)
    st.session_state[f"fin_{qid}"] = proposal if isinstance(proposal, str) else None


def on_reason(qid: str) -> None:
    value = doc.answers.get(qid)
    if value is not None:
        settle(qid, value)


def replace_own(questions: list[str]) -> None:
    """The proposals in place of the final answers that differ from them (given before the meeting,
    most often the holder's own): asked for in so many words, then confirmed."""
    for qid in questions:
        item = next(i for i in result.report if i.question == qid)
        team.decide(qid, item.proposal, st.session_state.get(f"why_{qid}") or None)
        st.session_state.pop(f"fin_{qid}", None)
    st.session_state.pop("team_replace_sure", None)


# nothing left to keep (every proposal decided): the button stays, greyed, where clicking it did nothing (Sankt
# Vith's meeting, 43 / 43 decided; fresh-eyes trial)
still_open = any(item.proposal is not None and item.question not in doc.answers and item.question in shown
                 for item in result.report)
st.button(tr("team_apply_all", lang), on_click=apply_all, key="team_apply_all", icon=":material/done_all:",
          disabled=not still_open)
# the final answers that differ from the team's proposals (the holder answered before inviting colleagues):
# they stay final unless the holder asks, here, for the proposals instead
differing = [item.question for item in result.report if item.proposal is not None and item.question in shown
             and item.question in doc.answers and doc.answers[item.question] != item.proposal]
if differing:
    with st.expander(tr("team_replace_header", lang, n=len(differing))):
        st.caption(tr("team_replace_help", lang, n=len(differing)))
        sure = st.checkbox(tr("team_replace_sure", lang, n=len(differing)), key="team_replace_sure")
        st.button(tr("team_replace_button", lang), key="team_replace", disabled=not sure, on_click=replace_own,
                  args=(differing,), icon=":material/swap_horiz:")
show_all = st.toggle(tr("team_show_all", lang), key="team_show_all")
# a question shown as divergent stays in its place once settled (until the page is reloaded): keeping the proposal,
# or picking a colleague's answer, ended the divergence and the block vanished under the holder's cursor; the
# reason she then typed went to the next question, moved up into its place (fresh-eyes trial, Ciney: the PAEDC's
# « Le référent énergie est en place depuis 2024 » was kept for the buildings' energy)
discussed = st.session_state.setdefault("team_discussed", {}).setdefault(session.current_token(), [])
discussed += [item.question for item in divergent if item.question not in discussed]
by_id = {item.question: item for item in result.report}
listed = [by_id[qid] for qid in discussed if qid in by_id and qid in shown]
items = [item for item in result.report if item.question in shown] if show_all else listed
if len(result.roles) == 1 and not show_all:  # nobody to disagree with yet: "the team agrees" would claim too much
    text = tr("team_one_respondent", lang)
    if differing:  # Gesves: « rien à comparer » under « 17 réponses finales diffèrent de la proposition »
        text += " " + tr("team_own_differ", lang, n=len(differing))
    st.info(text, icon=":material/call_split:" if differing else ":material/person:")
elif not divergent and not show_all:
    compared = any(sum(1 for seen in item.answers if seen.answer is not None) > 1 for item in result.report)
    text = tr("team_no_divergence" if compared else "team_no_overlap", lang)
    if differing:
        text += " " + tr("team_own_differ", lang, n=len(differing))
    if compared and not differing:
        st.success(text, icon=":material/handshake:")
    else:
        st.info(text, icon=":material/call_split:")
for item in items:
    if not item.colleagues_answered:  # the holder's own answer alone: nothing to settle here
        continue
    question = q.question(item.question)
    if question is None:
        continue
    qid = item.question
    section = next(s for s in q.sections if s.id == item.section)
    with st.container(border=True, key=f"team_q_{qid}"):
        st.subheader(q.t(question.text, lang))
        if item.answered == 1:  # Gesves: « accord · écart de 0 point » for the one colleague who answered alone
            st.caption(f"{q.t(section.label, lang)} · {tr('team_single_answer', lang)}")
        else:
            badge = tr("team_divergent", lang) if item.divergent else tr("team_agreed", lang)
            st.caption(f"{q.t(section.label, lang)} · {badge} · {team_logic.spread_text(item, lang)}")
        st.table(team_logic.answer_rows(q, item, lang, holder_name))
        if qid in result.notes and qid not in doc.notes:  # the colleagues' notes: the Collège's only if kept
            written = sum(1 for i, seen in enumerate(item.answers) if seen.note and not (item.holder and i == 0))
            st.button(tr("team_keep_notes", lang, n=written), key=f"keep_notes_{qid}", on_click=keep_notes,
                      args=(qid,), icon=":material/sticky_note_2:", help=tr("team_keep_notes_help", lang, n=written))
        proposal_text = "—" if item.proposal is None else team_logic.answer_text(q, question, item.proposal, lang)
        st.markdown(tr("team_proposal_obstacle" if section.kind == "obstacles" else "team_proposal", lang,
                       answer=proposal_text))
        final = doc.answers.get(qid)
        if question.type in ("scale", "single", "boolean"):
            values = logic.choice_values(question)
            if f"fin_{qid}" not in st.session_state:
                st.session_state[f"fin_{qid}"] = final if final in values else None
            st.radio(tr("team_final_label", lang), values, index=None, key=f"fin_{qid}", on_change=on_final,
                     args=(qid,), format_func=lambda v, qu=question: logic.value_label(q, qu, v, lang))
        else:
            st.markdown(tr("team_final_is", lang, answer="—" if final is None else
                           team_logic.answer_text(q, question, final, lang)))
        if item.proposal is not None and final != item.proposal:
            st.button(tr("team_keep", lang), key=f"keep_{qid}", on_click=keep, args=(qid, item.proposal))
        # a reason is the one of the answer it was given for: the final answer changed since on the questionnaire,
        # the field is empty (a reason typed now is the new answer's) and the meeting's is said for its own answer
        reason, changed = team_logic.reason_of(reasons, qid, final)
        if len(reason) > MAX_REASON:  # stored when the field took 2,000 characters: the file and the sheet begin it
            st.warning(tr("team_reason_too_long", lang, count=format_number(len(reason), lang),
                          max=format_number(MAX_REASON, lang)), icon=":material/content_cut:")
        if changed is not None:
            st.caption(tr("team_reason_changed", lang, reason=escape(reason), answer=escape(
                team_logic.answer_text(q, question, changed, lang))))
        if f"why_{qid}" not in st.session_state:
            st.session_state[f"why_{qid}"] = reason if changed is None else ""
        st.text_input(tr("team_reason_label", lang), key=f"why_{qid}", on_change=on_reason, args=(qid,),
                      max_chars=MAX_REASON, disabled=final is None)

session.page_link("resultats", tr("team_to_results", lang), ":material/radar:")
