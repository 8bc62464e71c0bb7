"""Accueil: what this is, how long it takes; choose the commune and start, or resume."""

import streamlit as st

from maturity import communes
from maturity.app import logic, session
from maturity.app.texts import tr

lang = session.lang()
q = session.questionnaire()

st.title(tr("app_title", lang))
if st.session_state.pop("_deleted", False):
    st.success(tr("delete_done", lang), icon=":material/delete:")
st.markdown(tr("home_intro", lang))
if q is None:
    st.error(tr("no_questionnaire", lang))
    st.stop()

token = session.current_token()
doc = session.document() if token else None

if token and doc is None and session.store() is not None:
    st.warning(tr("unknown_token", lang), icon=":material/link_off:")

if doc is not None:
    prog = logic.progress(q, doc.answers)
    st.success(tr("current_assessment", lang, name=session.commune_of(doc), answered=prog.answered, total=prog.total),
               icon=":material/bookmark:")
    session.page_link("questionnaire", tr("continue_button", lang), ":material/arrow_forward:")
    st.subheader(tr("resume_link_header", lang))
    st.caption(tr("resume_link_help", lang))
    st.code(logic.resume_url(session.base_url(), token), language=None, wrap_lines=True)

target = st.container() if doc is None else st.expander(tr("new_assessment_button", lang), expanded=False)
with target:
    if doc is None:
        st.subheader(tr("home_start_header", lang))
    nis = st.selectbox(
        tr("commune_label", lang), session.commune_choices(), index=None, key="home_commune",
        format_func=lambda code: logic.commune_label(code, lang), placeholder=tr("commune_placeholder", lang),
    )
    st.caption(communes.MERGER_NOTE.get(lang, communes.MERGER_NOTE["fr"]))
    chosen = communes.get(nis) if nis else None
    if chosen is not None and chosen.language == "D" and lang != "de":
        st.info(tr("german_hint", lang, name=chosen.display_name), icon=":material/translate:")
        st.button("Auf Deutsch wechseln", key="home_to_de", on_click=session.use_lang, args=("de",))
    if st.button(tr("start_button", lang), type="primary", key="home_start"):
        if not nis:
            st.error(tr("choose_commune_first", lang))
        elif session.start(nis, lang):
            session.switch_page("questionnaire")

with st.expander(tr("home_resume_header", lang), expanded=False):
    st.caption(tr("resume_help", lang))
    pasted = st.text_input(tr("resume_label", lang), key="home_resume")
    if st.button(tr("resume_button", lang), key="home_resume_go"):
        found = logic.token_from_input(pasted)
        if found:
            session.set_token(found)
            if session.document() is not None:
                session.switch_page("questionnaire")
        st.error(tr("unknown_token", lang))
