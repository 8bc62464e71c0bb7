"""Wallonie: the published barometer figures and the pooled means (groups of 5 communes or more)."""

import streamlit as st

from maturity.app import logic, session
from maturity.app.tables import fitting_table
from maturity.app.texts import tr

lang = session.lang()
q = session.questionnaire()
st.title(tr("wal_title", lang))
st.markdown(tr("wal_intro", lang))
st.caption(tr("wal_estimate_note", lang))

# the imported campaign first: it is the "Wallonie" line of every radar here (docs/app.md)
campaign = None
if q is not None:
    from maturity.aggregates import latest_campaign

    campaign = latest_campaign(session.campaign_references())
    if campaign is not None:
        st.header(tr("wal_campaign_header", lang))
        st.markdown(tr("wal_campaign_intro", lang))
        fitting_table(logic.campaign_table(q, campaign, lang), "campaign", 760, lang)
        if unpublished := logic.campaign_unpublished(campaign, lang):
            st.caption(unpublished)
        st.caption(logic.campaign_note(campaign, lang))

st.header(tr("wal_pool_header", lang))
store = session.store()
rows, held = [], None
if q is not None and store is not None:
    try:
        published = store.pool_rows()
        rows, held = logic.pool_table(q, published, lang), logic.pool_held(published, lang)
    except session.StorageError as exc:
        session.show_storage_error(exc)
if held:  # a withdrawal: its groups hidden until the next release (maturity.poolrelease)
    st.info(held, icon=":material/visibility_off:")
if rows:
    kind = tr("wal_pool_kind", lang, kind=tr("kind_pooled_unverified", lang))
    st.caption(kind if campaign is None else kind + " " + tr("wal_pool_kind_campaign", lang))
    rows, source = logic.shared_column(rows, tr("col_source", lang))  # the same source for every group: once
    fitting_table(rows, "pool", 760, lang)  # in a narrower column: a list (tables.py)
    if source:
        st.caption(tr("source_line", lang, source=logic.escape_markdown(source)))
elif not held:
    st.info(tr("wal_pool_none", lang), icon=":material/info:")

st.header(tr("wal_barometer_header", lang))
sets = session.benchmark_sets()
if sets:
    fitting_table(logic.barometer_rows(sets, lang), "barometer", 640, lang)
    for bset in sorted(sets, key=lambda b: -b.year):
        st.markdown(f"**{bset.year}** — " + " · ".join(f"[{src.name(lang)}]({src.url})" for src in bset.sources))
else:
    st.info(tr("benchmarks_missing", lang))
