"""What every page shares: the navigation (titles in the chosen language) and the sidebar."""

from __future__ import annotations

import streamlit as st

from . import session
from .texts import tr

PAGES = (
    # (file, url path, title key, icon, group)
    ("accueil", "accueil", "nav_home", ":material/home:", "nav_section_assessment"),
    ("questionnaire", "questionnaire", "nav_questionnaire", ":material/checklist:", "nav_section_assessment"),
    ("resultats", "resultats", "nav_results", ":material/radar:", "nav_section_assessment"),
    ("recommandations", "recommandations", "nav_recommendations", ":material/task_alt:", "nav_section_assessment"),
    ("wallonie", "wallonie", "nav_wallonia", ":material/public:", "nav_section_public"),
    ("admin", "admin", "nav_admin", ":material/admin_panel_settings:", "nav_section_public"),
)


def pages() -> list:
    """The pages for ``st.navigation``, titled in the session's language.

    A flat list: Streamlit 1.67 draws grouped navigation as ``<ul><div><li>``, which axe-core
    reports as a serious violation (list items outside a list)."""
    # take the token from the URL and load its document before any title is written: the document
    # carries the assessment's language, so that a reload or a resume link keeps the menu in it
    if session.current_token():
        session.document()
    lang = session.lang()
    out = [
        st.Page(f"{session.PAGES_DIR}/{name}.py", title=tr(title_key, lang), icon=icon, url_path=url_path,
                default=name == "accueil")
        for name, url_path, title_key, icon, _group in PAGES
    ]
    sidebar()
    return out


def sidebar() -> None:
    doc = session.document() if session.current_token() else None  # loaded once per token, in pages()
    session.language_selector()
    if doc is not None:
        st.sidebar.markdown(tr("sidebar_commune", session.lang(), name=session.commune_of(doc)))
    st.sidebar.caption(tr("footer", session.lang()))
