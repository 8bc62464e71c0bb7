"""Résultats: the radar against the references, the numbers as a table, levels, why, obstacles, submit."""

import streamlit as st

from maturity.app import logic, roadmap, session, team
from maturity.app.texts import tr
from maturity.display import format_date, format_number, format_percent
from maturity.scoring import score
from maturity.storage import RateLimited

lang = session.lang()
found = session.require_space("nav_results")
if found is None:
    st.stop()
q, doc = found
token = session.current_token()
store = session.store()
name = session.commune_of(doc)
assessment = score(q, doc.answers)

st.title(tr("results_title", lang, name=name))
prog = logic.progress(q, doc.answers)
st.progress(prog.fraction, text=tr("progress_overall", lang, answered=prog.answered, total=prog.total))
st.metric(tr("overall_metric", lang), format_number(assessment.overall, lang), help=tr("overall_help", lang))
scored = sum(d.score is not None for d in assessment.dimensions.values())
st.caption(tr("overall_caption", lang, n=scored, total=len(assessment.dimensions),
              needed=format_percent(q.min_coverage, lang)))

series, regional_note, history, previous = session.comparison_series(q, doc, assessment, lang)
team_view = team.results_view(q, lang)  # each colleague's own shape, by role (holder only)
if team_view is not None:
    series = series + team_view[0]

st.header(tr("radar_header", lang))
st.caption(tr("radar_caption", lang))
target_series = roadmap.target_series(q, doc, name, lang)
st.vega_lite_chart(session.radar_spec(q, series + ([target_series] if target_series else []), lang), width="stretch")
if regional_note:
    st.info(regional_note, icon=":material/info:")

st.subheader(tr("table_header", lang))
with st.container(key="score_table"):  # on a phone: fewer columns (shell.css)
    st.table(logic.score_table(q, series, assessment, lang))
st.caption(tr("series_table_header", lang))
st.table(logic.series_rows(series, lang))
if team_view is not None:
    st.subheader(tr("team_results_header", lang))
    st.caption(tr("team_results_caption", lang))
    st.table(team_view[1])

st.header(tr("levels_header", lang))
for section in q.dimensions:
    d = assessment.dimensions[section.id]
    level = q.level(d.level)
    label = q.t(section.label, lang)
    if level is None:
        st.markdown(f"**{label}** — {tr('insufficient_short', lang)}")
        if d.reason == "not_applicable":
            st.caption(tr("insufficient_na", lang, na=d.na_count, applicable=format_percent(d.applicable, lang)))
        else:
            st.caption(tr("insufficient", lang, coverage=format_percent(d.coverage, lang),
                          needed=format_percent(q.min_coverage, lang)))
    else:
        st.markdown(f"**{label}** — {format_number(d.score, lang)} / 100 — **{q.t(level.label, lang)}**")
        st.caption(q.t(level.description, lang))
    with st.expander(f"{tr('why_header', lang)} ({label})"):
        st.caption(tr("why_help", lang))
        st.table(logic.contribution_rows(q, assessment, section.id, doc.answers, lang))

roadmap.targets_section(q, doc, assessment, lang)
roadmap.progress_section(q, doc, assessment, history, lang)

if previous is not None:
    st.header(tr("changes_header", lang, date=format_date(previous.submitted_at, lang)))
    rows, changed_answers, same_version = logic.change_rows(q, previous, doc, assessment, lang)
    st.table(rows)
    st.caption(tr("changes_answers", lang, n=changed_answers))
    if not same_version:
        st.warning(tr("changes_version", lang))

sets = session.benchmark_sets()
if q.obstacles:
    st.header(tr("obstacles_header", lang))
    st.caption(tr("obstacles_caption", lang))
    st.table(logic.obstacle_rows(q, assessment, doc.answers, lang, sets, cite=False))
    if note := logic.citation_note(logic.obstacle_cites(q, sets, lang), lang):
        st.caption(note)

st.header(tr("comparisons_header", lang))
if sets:
    from maturity.benchmarks import comparisons

    sentences = comparisons(q, doc.answers, assessment, sets, lang)
    for cite, texts in logic.comparison_groups(sentences, lang):  # the study's long parenthesis once
        st.markdown("\n".join(f"- {text}" for text in texts))
        st.caption(logic.citation_note([cite], lang))
    if not sentences:
        st.caption(tr("comparisons_none", lang))
else:
    st.info(tr("benchmarks_missing", lang))

# --- submit an immutable snapshot
st.header(tr("submit_header", lang))
st.caption(tr("submit_help", lang))
invitation = session.invitation()
if invitation is not None and invitation.open:  # a campaign's invited space: this submission is the response
    st.info(tr("campaign_submit_note", lang, title=logic.markdown_text(invitation.title),
               commune=logic.markdown_text(invitation.commune_name),
               closes=format_date(invitation.closes, lang)), icon=":material/campaign:")
if store is not None:
    opt_in = st.checkbox(tr("pool_opt_in", lang), value=False, key="pool_opt_in")
    st.caption(tr("pool_opt_in_help", lang, contact=session.pool_contact(lang)))
    if st.button(tr("submit_button", lang), type="primary", key="submit"):
        try:
            snap, refreshed = session.submit_stored(q, bool(opt_in))
        except session.StorageError as exc:
            session.show_storage_error(exc)
        except session.SpaceNotFound:
            st.error(tr("unknown_token", lang))
        except RateLimited as exc:
            st.error(tr("submit_limited", lang, minutes=max(1, round(exc.retry_after / 60))), icon=":material/block:")
        else:
            st.session_state["_submitted"] = (format_date(snap.submitted_at, lang), refreshed)
            st.rerun()
    if "_submitted" in st.session_state:
        when, refreshed = st.session_state.pop("_submitted")
        st.success(tr("submit_done", lang, date=when), icon=":material/check:")
        if refreshed:
            st.info(tr("submit_refreshed", lang), icon=":material/sync:")
    if history:
        st.subheader(tr("history_header", lang))
        for snap in reversed(history):
            overall = (snap.assessment or {}).get("overall")
            st.markdown("- " + tr("history_row", lang, date=format_date(snap.submitted_at, lang),
                                  overall=format_number(overall, lang),
                                  shared=tr("history_shared", lang) if snap.pool_opt_in else ""))
else:
    st.warning(tr("storage_missing", lang))

session.page_link("recommandations", tr("nav_recommendations", lang), ":material/task_alt:")
