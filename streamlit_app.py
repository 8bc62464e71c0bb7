"""The web app's entry point: the page settings and the navigation, nothing else.

Run with ``streamlit run streamlit_app.py``; the pages live in ``maturity/app/pages/``.
"""

import streamlit as st

from maturity.app import session, shell

# the favicon is a file served by the app itself (a Material icon name made every page fetch it from a
# third-party font server)
st.set_page_config(page_title="Smart City — Wallonie", page_icon=str(shell.FAVICON), layout="wide")
page = st.navigation(shell.pages(), position="hidden")  # the menu is drawn by shell.frame(page)
st.set_page_config(page_title=shell.tab_title(page.title, session.lang()))  # the tab in the page's language
shell.frame(page)
page.run()
