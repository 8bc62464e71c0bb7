"""Campagnes (the coordinator, behind the admin login): create a campaign, follow it on the map of
Wallonia and in tables, read the estimates, download the publication."""

import os
from datetime import date, timedelta

import streamlit as st

from maturity import coordination
from maturity.app import coordinator, session
from maturity.app.tables import fitting_table
from maturity.app.texts import tr
from maturity.display import format_date
from maturity.errors import InvalidInput

lang = session.lang()
st.title(tr("camp_title", lang))
coordinator.require_admin(lang)

store = session.store()
if store is None:
    st.warning(tr("storage_missing", lang))
    st.stop()
st.markdown(tr("camp_intro", lang))

try:
    campaigns = store.campaigns()
except session.StorageError as exc:
    session.show_storage_error(exc)
    st.stop()

if "_camp_created" in st.session_state:
    st.success(tr("camp_created", lang, id=st.session_state.pop("_camp_created")), icon=":material/check:")
if not campaigns:
    st.info(tr("camp_none", lang))

with st.expander(tr("camp_create_header", lang), expanded=not campaigns):
    with st.form("camp_create"):
        new_id = st.text_input(tr("camp_field_id", lang), key="camp_new_id", max_chars=80)
        new_title = st.text_input(tr("camp_field_title", lang), key="camp_new_title", max_chars=300)
        today = date.today()
        opens = st.date_input(tr("camp_field_opens", lang), value=today, key="camp_new_opens", format="DD/MM/YYYY")
        closes = st.date_input(tr("camp_field_closes", lang), value=today + timedelta(days=90), key="camp_new_closes",
                               format="DD/MM/YYYY")
        create = st.form_submit_button(tr("camp_create_button", lang))
    if create:
        q = session.questionnaire()
        try:
            created = store.create_campaign(new_id.strip(), new_title, q.id if q else "", opens, closes)
        except InvalidInput as exc:
            for problem in exc.problems:
                st.error(coordinator.plain(str(problem)))
        except session.StorageError as exc:
            session.show_storage_error(exc)
        else:
            st.session_state["_camp_created"] = created.id
            st.session_state["camp_choice"] = created.id
            st.rerun()

if not campaigns:
    st.stop()

ids = [c.id for c in campaigns]
if st.session_state.get("camp_choice") not in ids:
    st.session_state["camp_choice"] = ids[0]
chosen = st.selectbox(tr("camp_choose", lang), ids, key="camp_choice",
                      format_func=lambda i: f"{i} — " + next(c.title for c in campaigns if c.id == i))
campaign = next(c for c in campaigns if c.id == chosen)
st.caption(tr("camp_period", lang, title=coordinator.plain(campaign.title), opens=format_date(campaign.opens, lang),
              closes=format_date(campaign.closes, lang), questionnaire=campaign.questionnaire))

follow, estimates, publication = st.tabs([tr("camp_tab_status", lang), tr("camp_tab_report", lang),
                                          tr("camp_tab_publish", lang)])

with follow:
    try:
        status = coordination.campaign_status(store, campaign)
    except session.StorageError as exc:
        session.show_storage_error(exc)
        st.stop()
    for column, (key, value) in zip(st.columns(4), coordinator.status_metrics(status, lang), strict=True):
        column.metric(tr(key, lang), value)
    st.subheader(tr("camp_map_title", lang))
    # as wide as the column: at its own 560 px the map ran past a phone's screen (the east cut off)
    st.vega_lite_chart(coordinator.status_map(status, campaign, lang), width="stretch")
    st.caption(tr("camp_map_caption", lang))
    st.subheader(tr("camp_by_province", lang))
    st.table(coordinator.status_rows(status, "by_province", lang))
    st.subheader(tr("camp_by_class", lang))
    st.table(coordinator.status_rows(status, "by_population_class", lang))

with estimates:
    try:
        questionnaire = coordination.campaign_questionnaire(campaign, session.questionnaire())
        report = coordination.campaign_report(store, campaign, questionnaire)
    except (session.StorageError, InvalidInput) as exc:
        st.error(coordinator.plain(str(exc)))
        st.stop()
    st.markdown(tr("camp_report_summary", lang, n=report["n_submitted"], invited=report["n_invited"],
                   N=report["campaign"]["N"]))
    # seven columns: in a column under 760 px (a phone), the same rows as a list (tables.py)
    fitting_table(coordinator.report_rows(report, questionnaire, lang), "estimates", 760, lang)
    st.caption(report["method"]["text"].get(lang) or report["method"]["text"]["fr"])

with publication:
    st.markdown(tr("camp_publish_help", lang))
    publisher = st.text_input(tr("camp_publisher", lang), value=os.environ.get("MATURITY_PUBLISHER", ""),
                              key="camp_publisher")
    url = st.text_input(tr("camp_url", lang), value=os.environ.get("MATURITY_PUBLIC_URL", ""), key="camp_url")
    if st.button(tr("camp_prepare", lang), key="camp_prepare", icon=":material/description:"):
        if not publisher.strip() or not url.strip().startswith(("https://", "http://")):
            st.error(tr("camp_publish_need", lang))
        else:
            files, problems = coordinator.publication(report, questionnaire, publisher.strip(), url.strip(), lang)
            if problems:
                st.error(tr("camp_publish_refused", lang) + "\n\n" + "\n".join(
                    f"- {coordinator.plain(p)}" for p in problems))
            else:
                st.session_state["_camp_files"] = (campaign.id, files)
    prepared = st.session_state.get("_camp_files")
    if prepared and prepared[0] == campaign.id:
        labels = {".yaml": "camp_download_yaml", ".csv": "camp_download_csv", ".pdf": "camp_download_pdf"}
        for name, data, mime in prepared[1]:
            suffix = name[name.rfind("."):]
            st.download_button(tr(labels.get(suffix, "camp_download_csv"), lang) + f" — {name}", data=data,
                               file_name=name, mime=mime, key=f"camp_dl{suffix}", on_click="ignore",
                               icon=":material/download:")
