"""Questionnaire: one section per step, progress, every answer saved as it is given."""

import streamlit as st

from maturity.app import logic, session, team, widgets
from maturity.app.texts import tr
from maturity.errors import InvalidInput

lang = session.lang()
found = session.require_space("nav_questionnaire", member_ok=True)
if found is None:
    st.stop()
q, doc = found
count = len(q.sections)

# the step: from the session, else from the URL (?s=2: a reload), else where this assessment stopped
if "step" not in st.session_state:
    try:
        wanted = int(st.query_params["s"]) - 1 if "s" in st.query_params else session.resume_step(q, doc)
    except ValueError:
        wanted = session.resume_step(q, doc)
    st.session_state["step"] = min(max(wanted, 0), count - 1)


def go(to: int) -> None:
    st.session_state["step"] = min(max(to, 0), count - 1)
    st.session_state["_moved"] = st.session_state.get("_moved", 0) + 1  # scroll to the top of the new part


# The buttons and the part picker move only from the part they were drawn in. A click can reach the server
# after the page has already moved on (a replayed click, a picker still showing the previous part): the
# picker sent back its old part and "Partie suivante" bounced the user back, again and again (load test).
# The picker is a new widget in every part (its key names the part and its count), so its echo is never a change.


def move(drawn: int, to: int) -> None:
    if st.session_state.get("step") == drawn:
        go(to)


def on_step_choice(key: str, drawn: int) -> None:
    # a label drawn before the last answer changed the part's count comes back as text (logic.step_of_choice)
    wanted = logic.step_of_choice(st.session_state.get(key), count)
    if wanted is not None and wanted != drawn:
        move(drawn, wanted)


st.title(tr("q_title", lang, name=session.commune_of(doc, lang)))
session.invitation_banner(main=True)  # a campaign's link: on a phone, where the menu is closed
# a colleague's link (team): their role, their own link, the parts they answer
member_steps = team.member_panel(q, doc, lang)
steps = member_steps or list(range(count))
if st.session_state["step"] not in steps:
    st.session_state["step"] = steps[0]
step = st.session_state["step"]
st.query_params["s"] = str(step + 1)
pos = steps.index(step)
progress_slot = st.container()  # the part below (a fragment) redraws the progress bar here at every answer

if "_upload_done" in st.session_state:
    st.success(tr("upload_ok", lang, count=st.session_state.pop("_upload_done")), icon=":material/check:")
session.resume_link_box(expanded=not doc.answers)  # in full until the first answer


# A click on an answer reruns only this fragment (issue 16): the title, the team
# panel, the resume link and the file tools below stay as drawn. What the rest of the page shows from the
# store (an error message, another tab's changes) is redrawn by a rerun of the whole page.
@st.fragment
def part() -> None:
    shown = session.fragment_document()
    # another tab changed this assessment, or a save failed: the whole page says so; a new part chosen
    # in the picker is a new page (its top, the resume link folded once something is answered)
    if shown is None or st.session_state.get("step") != step:
        st.rerun(scope="app")
    prog = logic.progress(q, shown.answers)
    if member_steps is None or len(member_steps) == count:
        progress_slot.progress(prog.fraction, text=logic.progress_text(lang, prog.answered, prog.total,
                                                                        prog.may_grow))
    mine = [prog.sections[i] for i in (member_steps or [])]
    answered, total = sum(s.answered for s in mine), sum(s.total for s in mine)
    if member_steps is not None and len(member_steps) < count:  # a colleague's parts only
        progress_slot.progress(answered / total if total else 1.0,
                               text=logic.progress_text(lang, answered, total, any(s.may_grow for s in mine),
                                                         key="progress_member"))
    if member_steps is not None and total and answered >= total:
        st.success(tr("team_member_done", lang), icon=":material/task_alt:")

    def step_label(i: int) -> str:
        sp = prog.sections[i]
        return tr("step_option", lang, n=i + 1, label=q.t(q.sections[i].label, lang), answered=sp.answered,
                  total=sp.total)

    # a new picker for every part and every count of it: the browser keeps showing the label it was given,
    # so a picker whose count changed would still say "(0/6)" after the first answer
    picker = f"step_pick_{step}_{prog.sections[step].answered}_{prog.sections[step].total}"
    st.selectbox(tr("step_label", lang), steps, index=pos, key=picker, format_func=step_label,
                 on_change=on_step_choice, args=(picker, step), filter_mode=None, help=tr("step_help", lang))

    section = q.sections[step]
    sp = prog.sections[step]
    if member_steps is None:  # the holder's resume link (no part in it) brings them back here
        session.remember_part(section.id)
    st.header(tr("step_heading", lang, n=step + 1, count=count, label=q.t(section.label, lang)), anchor="part")
    if section.description:
        st.markdown(q.t(section.description, lang))
    st.caption(tr("section_progress", lang, answered=sp.answered, total=sp.total) + " · " + tr("saved_auto", lang))

    for question in logic.shown_questions(q, step, shown.answers):
        widgets.question(q, question, shown.answers.get(question.id), shown.notes.get(question.id), lang)


session.page_drawn()
part()
if st.session_state.get("_moved"):  # drawn once per part, after its heading
    widgets.scroll_to_part(st.session_state["_moved"])
# The buttons that change the part rerun the whole page (a new part is a new page). Each is a new widget
# in every part (its key names the part): Streamlit may deliver a click again in a later run (a request
# merged with a newer one under load); that click then belongs to the part it was drawn in, and moves nothing.
with st.container(horizontal=True, key="step_nav"):
    if pos > 0:
        st.button(tr("prev_button", lang), on_click=move, args=(step, steps[pos - 1]), key=f"prev_step_{step}")
    if pos < len(steps) - 1:
        st.button(tr("next_button", lang), on_click=move, args=(step, steps[pos + 1]), type="primary",
                  key=f"next_step_{step}")
    elif member_steps is None and st.button(tr("to_results", lang), type="primary", key="to_results",
                                            icon=":material/radar:"):
        session.switch_page("resultats")

if member_steps is not None:  # a colleague: their answers only; files and deletion are the holder's
    st.stop()
st.divider()
with st.expander(tr("file_header", lang), icon=":material/description:"):
    st.caption(tr("file_help", lang))
    st.download_button(tr("download_answers", lang), data=team.answers_file(q, doc, lang),
                       file_name=logic.download_name("answers", lang, session.commune_of(doc, lang)), mime="application/json",
                       on_click="ignore", key="dl_answers_q", icon=":material/download:")
    upload_key = f"upload_{st.session_state.get('_upload_round', 0)}"
    uploaded = st.file_uploader(tr("upload_label", lang, limit=logic.upload_limit(lang)), type=["json"], key=upload_key,
                                max_upload_size=logic.UPLOAD_MB)  # what the core reads (answers.MAX_BYTES)
    if uploaded is not None:
        try:
            new_doc, warnings = logic.read_upload(uploaded.getvalue(), uploaded.name, q, doc.nis_code, lang)
        except InvalidInput as exc:
            lead = getattr(exc, "lead", None)  # what it means in plain words, then the details
            st.error(tr("upload_refused", lang) + "\n\n" + (f"{logic.escape_markdown(lead)}\n\n" if lead else "")
                     + "\n".join(f"- {line}" for line in logic.problem_lines(exc.problems, lang, q=q)),
                     icon=":material/block:")
        else:
            if warnings:
                st.warning(tr("upload_warnings", lang) + "\n\n" + "\n".join(
                    f"- {line}" for line in logic.problem_lines(warnings, lang, q=q)))
            if st.button(tr("upload_apply", lang), key="upload_apply") and session.replace_document(new_doc):
                st.session_state["_upload_round"] = st.session_state.get("_upload_round", 0) + 1
                st.session_state["_upload_done"] = len(new_doc.answers)
                st.rerun()

with st.expander(tr("data_header", lang), icon=":material/shield_person:"):
    st.download_button(tr("download_everything", lang), data=session.export_json(), file_name=logic.download_name("everything", lang, session.commune_of(doc, lang)),
                       mime="application/json", on_click="ignore", key="dl_everything", icon=":material/download:")
    session.page_link("vie_privee", tr("nav_privacy", lang), ":material/shield_person:")

with st.expander(tr("delete_header", lang), icon=":material/delete:"):
    st.caption(tr("delete_help", lang))
    confirmed = st.checkbox(tr("delete_confirm", lang), key="delete_confirm")
    if st.button(tr("delete_button", lang), key="delete_space", disabled=not confirmed) and session.delete_current():
        st.session_state["_deleted"] = True
        session.switch_page("accueil")
