"""The web app's entry point: the page settings and the navigation, nothing else.

Run with ``streamlit run streamlit_app.py``; the pages live in ``maturity/app/pages/``.
"""

import streamlit as st

from maturity.app import session, shell

st.set_page_config(page_title="Smart City — Wallonie", layout="wide")
shell.set_favicon()  # a file served by the app itself, named by its address (no image decoding at start)
page = st.navigation(shell.pages(), position="hidden")  # the menu is drawn by shell.frame(page)
st.set_page_config(page_title=shell.tab_title(page.title, session.lang()))  # the tab in the page's language
shell.frame(page)
page.run()
