"""Résultats: the radar against the references, the numbers as a table, levels, why, obstacles, submit."""

import streamlit as st

from maturity.app import logic, results, roadmap, session
from maturity.app.tables import Fitting, fitting_table
from maturity.app.texts import tr
from maturity.display import format_date, format_number, format_percent, minutes_to_wait
from maturity.labels import overall_detail
from maturity.storage import RateLimited

lang = session.lang()
found = session.require_space("nav_results")
if found is None:
    st.stop()
q, doc = found
store = session.store()
name = session.commune_of(doc, lang)
view = results.view(q, doc, lang)  # computed once per answers version, in this session only
assessment = view.assessment

st.title(tr("results_title", lang, name=name))
prog = view.progress
st.progress(prog.fraction, text=logic.progress_text(lang, prog.answered, prog.total, prog.may_grow))
st.metric(tr("overall_metric", lang), format_number(assessment.overall, lang), help=tr("overall_help", lang))
detail = overall_detail(view.scored, len(assessment.dimensions), lang)
st.caption(tr("overall_caption", lang, detail=detail[:1].upper() + detail[1:],
              needed=format_percent(q.min_coverage, lang)))
history, previous = view.history, view.previous

st.header(tr("radar_header", lang))
st.caption(tr("radar_caption", lang))
st.vega_lite_chart(view.radar, width="stretch")
if view.regional_note:
    st.info(view.regional_note, icon=":material/info:")

st.subheader(tr("table_header", lang))
with st.container(key="score_table"):  # on a phone: fewer columns (shell.css)
    st.table(view.score_table, hide_index=True)
    if view.score_more is not None:  # in a phone's column only (shell.css): the columns its table leaves out
        with st.container(key="score_more"):
            st.table(view.score_more, hide_index=True)
st.caption(tr("series_table_header", lang))
fitting_table(view.series_table, "series")  # in a narrow column: a list (tables.py)
if view.team_table is not None:
    st.subheader(tr("team_results_header", lang))
    st.caption(view.team_caption)
    fitting_table(view.team_table, "team")

st.header(tr("levels_header", lang))
for level in view.levels:
    st.markdown(level.heading)
    st.caption(level.caption)
    with st.expander(f"{tr('why_header', lang)} ({level.label})"):
        st.caption(tr("why_help", lang))
        fitting_table(level.why, f"why_{level.id}", 560)

roadmap.targets_section(q, doc, assessment, lang, rows=view.target_rows)
roadmap.progress_section(q, doc, assessment, history, lang, specs=view.progress_specs)

if view.changes is not None:
    st.header(tr("changes_header", lang, date=format_date(previous.submitted_at, lang)))
    rows, changed_answers, same_version = view.changes
    st.table(rows, hide_index=True)
    st.caption(tr("changes_answers", lang, n=changed_answers))
    if not same_version:
        st.warning(tr("changes_version", lang))

if view.obstacles is not None:
    st.header(view.obstacles_header or tr("obstacles_header", lang))
    st.caption(tr("obstacles_caption", lang))
    if isinstance(view.obstacles, Fitting):
        fitting_table(view.obstacles, "obstacles", 560)
    else:
        st.table(view.obstacles, hide_index=True)
    if view.obstacle_note:
        st.caption(view.obstacle_note)

st.header(tr("comparisons_header", lang))
if view.comparisons is not None:
    if view.comparisons_scope:  # what a comparison with the barometer's respondents means, once
        st.caption(view.comparisons_scope)
    for cite, texts in view.comparisons:  # the study's long parenthesis once
        st.markdown("\n".join(f"- {text}" for text in texts))
        st.caption(logic.citation_note([cite], lang))
    if not view.sentences:
        st.caption(tr("comparisons_none", lang))
else:
    st.info(tr("benchmarks_missing", lang))

# --- submit an immutable snapshot
st.header(tr("submit_header", lang))
st.caption(tr("submit_help", lang))
invitation = session.invitation()
if invitation is not None and invitation.open:  # a campaign's invited space: this submission is the response
    st.info(tr("campaign_submit_note", lang, title=logic.escape_markdown(invitation.title),
               **logic.commune_in_text(invitation.commune_name, lang), closes=format_date(invitation.closes, lang)), icon=":material/campaign:")


@st.fragment
def submit_box() -> None:
    """The pool box, the submit button and the history: a tick of the box reruns this part only (issue
    16); a submission reruns the whole page (its comparisons and progress change)."""
    opt_in = st.checkbox(tr("pool_opt_in", lang), value=False, key="pool_opt_in")
    st.caption(tr("pool_opt_in_help", lang, contact=session.pool_contact(lang)))
    if opt_in:  # an open-pool entry waits for the admin; an invitation's link proves the commune
        st.info(tr("pool_invited_note" if invitation is not None else "pool_pending_note", lang) + " "
                + tr("pool_release_note", lang), icon=":material/hourglass_top:" if invitation is None else ":material/verified:")
    if st.button(tr("submit_button", lang), type="primary", key="submit"):
        try:
            snap, refreshed = session.submit_stored(q, bool(opt_in))
        except session.StorageError as exc:
            session.show_storage_error(exc)
        except session.SpaceNotFound:
            st.error(tr("unknown_token", lang))
        except RateLimited as exc:
            st.error(tr("submit_limited", lang, minutes=minutes_to_wait(exc.retry_after)), icon=":material/block:")
        else:
            st.session_state["_submitted"] = (format_date(snap.submitted_at, lang), refreshed)
            st.rerun()
    if "_submitted" in st.session_state:
        when, refreshed = st.session_state.pop("_submitted")
        st.success(tr("submit_done", lang, date=when), icon=":material/check:")
        if invitation is not None and invitation.open:  # the commune's response to the campaign: say it arrived
            st.success(tr("campaign_submit_done", lang, title=logic.escape_markdown(invitation.title),
                          **logic.commune_in_text(invitation.commune_name, lang),
                          closes=format_date(invitation.closes, lang)),
                       icon=":material/campaign:")
        if refreshed:
            st.info(tr("submit_refreshed", lang), icon=":material/sync:")
    if history:
        st.subheader(tr("history_header", lang))
        shared = {}  # each shared submission's state in the pool: waiting for the admin, counted…
        if any(snap.pool_opt_in for snap in history):
            try:
                shared = store.pool_statuses(session.current_token())
            except (session.StorageError, session.SpaceNotFound):
                shared = {}
        for snap in reversed(history):
            overall = (snap.assessment or {}).get("overall")
            # escaped: a German date opens the line with a number and a full stop ("27. November 2026"), which
            # Markdown read as a numbered list starting at 27 inside the bullet
            st.markdown("- " + logic.escape_markdown(tr(
                "history_row", lang, date=format_date(snap.submitted_at, lang), overall=format_number(overall, lang),
                shared=tr(f"history_shared_{shared[snap.id]}" if snap.id in shared else "history_shared", lang)
                if snap.pool_opt_in else "")))


if store is not None:
    submit_box()
else:
    st.warning(tr("storage_missing", lang))

session.page_link("recommandations", tr("nav_recommendations", lang), ":material/task_alt:")
