"""The web app's entry point: the page settings and the navigation, nothing else.

Run with ``streamlit run streamlit_app.py``; the pages live in ``maturity/app/pages/``.
"""

import streamlit as st

from maturity.app import shell

st.set_page_config(page_title="Smart City — Wallonie", page_icon=":material/location_city:", layout="wide")
page = st.navigation(shell.pages(), position="hidden")  # the menu is drawn by shell.frame()
shell.frame()
page.run()
