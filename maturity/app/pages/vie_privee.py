"""Vie privée: who is responsible, what is stored, why, for how long, who sees it, the user's rights."""

import streamlit as st

from maturity.app import session
from maturity.app.texts import tr
from maturity.markdown import contact, escape
from maturity.privacy import PrivacySettings

lang = session.lang()
settings = PrivacySettings.from_env()
st.title(tr("privacy_title", lang))
if settings.controller:
    st.markdown(tr("privacy_controller", lang, controller=escape(settings.controller)))
if settings.contact:
    st.markdown(tr("privacy_contact", lang, contact=contact(settings.contact)))
if settings.missing():
    st.warning(tr("privacy_unconfigured", lang))
    settings.tell_operator()
st.markdown(tr("privacy_body", lang))
st.markdown(tr("privacy_team", lang))
st.markdown(tr("privacy_campaign", lang))
if settings.retention_days:
    days = settings.retention_days
    span = (tr("retention_years", lang, years=days // 365, days=days) if days % 365 == 0
            else tr("retention_days", lang, days=days))
    st.markdown(tr("privacy_retention", lang, span=span))
else:
    st.markdown(tr("privacy_retention_none", lang))
st.markdown(tr("privacy_rights", lang))
