"""Accueil: what this is, how long it takes; find the commune and start, or resume."""

import streamlit as st

from maturity import communes
from maturity.app import names, session
from maturity.app.texts import tr

lang = session.lang()


def questionnaire():
    """The questionnaire, loaded when the page needs it (a space to show, a start, a resume), not for a
    first visit's search (the app's cold start, issue 16); None, said on the page, when it cannot be loaded."""
    q = session.questionnaire()
    if q is None:
        st.error(tr("no_questionnaire", lang))
    return q


st.title(tr("app_title", lang))
if st.session_state.pop("_deleted", False):
    st.success(tr("delete_done", lang), icon=":material/delete:")
# a campaign's link: its saved answers count for the campaign (a first visit opens no store for it)
invited = session.invitation() if session.current_token() else None
if invited is not None and invited.open:
    from maturity.markdown import escape

    data = tr("home_data_campaign", lang, title=escape(invited.title))
else:
    data = tr("home_data_own", lang)
st.markdown(tr("home_intro", lang) + " " + data)

token = session.current_token()
if token and questionnaire() is None:
    st.stop()
doc = session.document() if token else None

if token and doc is None and session.store() is not None:
    st.warning(tr("unknown_token", lang), icon=":material/link_off:")

if doc is not None:
    from maturity.app import logic  # with pydantic and the models: only for a space to show

    q = session.questionnaire()
    prog = logic.progress(q, doc.answers)
    st.success(tr("current_assessment", lang, name=session.commune_of(doc, lang),
                  counter=logic.progress_text(lang, prog.answered, prog.total, prog.may_grow)),
               icon=":material/bookmark:")
    session.invitation_banner(main=True)  # a campaign's link: on a phone, where the menu is closed
    if not doc.answers and session.invitation() is not None:  # answered before the campaign: bring that file
        st.caption(tr("campaign_bring_file", lang))
    session.page_link("questionnaire", tr("continue_button", lang), ":material/arrow_forward:",
                      step=session.resume_step(q, doc) + 1)
    session.resume_link_box(expanded=True)


def _on_pick() -> None:
    st.session_state["home_nis"] = st.session_state.get("home_commune")


target = st.container() if doc is None else st.expander(tr("new_assessment_button", lang), expanded=False)
with target:
    if doc is None:
        st.header(tr("home_start_header", lang))  # h2: under the page's h1, no level skipped
    query = st.text_input(tr("commune_label", lang), key="home_query", placeholder=tr("commune_placeholder", lang),
                          live=True, max_chars=80, type="search")
    found = communes.search(query or "", limit=8)
    # a slip of the finger (« daverdise ») found nothing and said « vérifiez l'orthographe »: the names
    # close to it are offered instead, said to be close (fresh-eyes trial 14)
    close = [] if found or not (query or "").strip() else communes.search_close(query or "")
    nis = st.session_state.get("home_nis")
    if found or close:
        options = [c.nis_code for c in found or close]
        if nis not in options:  # a new search: its best match, until another is picked
            nis = st.session_state["home_nis"] = options[0]
        st.session_state["home_commune"] = nis
        label = tr("commune_results", lang) if found else tr(
            "commune_close", lang, query=names.commune_name(None, query))
        st.radio(label, options, key="home_commune", on_change=_on_pick,
                 format_func=lambda code: names.commune_label(code, lang))
    elif (query or "").strip():
        st.caption(tr("commune_none", lang, query=names.commune_name(None, query)))
        nis = st.session_state["home_nis"] = None
    elif nis:  # the search box was emptied after a choice (or the language changed): keep the choice
        st.caption(tr("commune_chosen", lang, name=names.commune_label(nis, lang)))
    chosen = communes.get(nis) if nis else None
    if chosen is not None and chosen.nis_code in communes.MERGED_2025:
        st.caption(communes.MERGER_NOTE.get(lang, communes.MERGER_NOTE["fr"]))
    if chosen is not None and chosen.language == "D" and lang != "de":
        st.info(tr("german_hint", lang, name=chosen.display_name), icon=":material/translate:")
        st.button("Auf Deutsch wechseln", key="home_to_de", on_click=session.use_lang, args=("de",))
    if st.button(tr("start_button", lang), type="primary", key="home_start"):
        if chosen is None:
            st.error(tr("choose_commune_first", lang))
        elif questionnaire() is not None and session.start(chosen.nis_code, lang):
            session.switch_page("questionnaire")

with st.expander(tr("home_resume_header", lang), expanded=False):
    st.caption(tr("resume_help", lang))
    pasted = st.text_input(tr("resume_label", lang), key="home_resume")
    if st.button(tr("resume_button", lang), key="home_resume_go"):
        found_token = names.token_from_input(pasted)
        # a colleague's own link (or its bare code) pasted here: it opens their answers, as the link does
        # (it was "no assessment matches this link (incomplete, or deleted)", as if their answers were lost)
        colleague = names.member_from_input(pasted) or found_token
        store = session.store() if colleague else None
        try:
            is_colleague = bool(colleague and store is not None and store.load_member(colleague) is not None)
        except session.StorageError:  # the resume below says what the store says
            is_colleague = False
        if is_colleague:
            session.set_token(None)
            st.switch_page(f"{session.PAGES_DIR}/questionnaire.py", query_params={"m": colleague, "lang": lang})
        if not found_token:
            st.error(tr("unknown_token", lang))
        elif (q := questionnaire()) is not None:
            session.set_token(found_token)
            resumed = session.document()
            if resumed is not None:
                session.switch_page("questionnaire", step=session.resume_step(q, resumed) + 1)
            st.error(tr("unknown_token", lang))
