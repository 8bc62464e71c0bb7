"""Page introuvable: an address that names no page of the app (« /equipes », a link cut or mistyped). Registered
only for that address (``shell.pages``, ``names.unknown_page``), in the page's language, where Streamlit opened
its own English « Page not found » dialog over the home page. The name typed is not repeated on the page."""

import streamlit as st

from maturity.app import session
from maturity.app.texts import tr

lang = session.lang()
st.title(tr("nav_unknown", lang))
st.info(tr("unknown_page", lang), icon=":material/link_off:")
session.page_link("accueil", tr("go_home", lang), ":material/home:", with_token=False)
