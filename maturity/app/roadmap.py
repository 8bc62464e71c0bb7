"""Targets and the roadmap in the app (issue 14): widgets over the pure :mod:`maturity.targets` and
:mod:`maturity.plan`.

Both live in the draft answers document (contract §2 ``targets`` and ``plan``), saved to the store
as soon as they change, so a refresh, a closed tab or a second replica loses nothing. The store keeps
a draft's unknown top-level keys; the whole draft is written in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import streamlit as st

from maturity import plan as roadmap
from maturity import targets as targets_
from maturity.answers import AnswersFile
from maturity.display import LOCALES, format_date, format_number
from maturity.models import Questionnaire
from maturity.scoring import Assessment
from maturity.typography import cut, quoted

from . import logic, session
from .texts import tr

DEFAULT_BY = targets_.LEGISLATURE_END  # a target's year until the commune types another
ROW_HEIGHT = 72  # px: above 64 the data editor wraps a cell's text (here up to three lines)


def save_targets(doc: AnswersFile) -> bool:
    """Write the draft's targets to the store, and nothing else (an answer or a roadmap action saved meanwhile
    from another tab stays), as this session's own write (its version noted, so the page does not take it for
    a change made elsewhere); True when saved. A failure is shown by the page (``session.show_pending_errors``)
    and the change stays in this session."""
    doc.touch()
    goals = doc.to_dict().get("targets")
    return session._write(lambda s, token: s.save_meta(token, {"targets": goals}))


def save_plan(doc: AnswersFile, base: list[roadmap.PlanItem], mine: list[roadmap.PlanItem]) -> bool:
    """This page's change to the roadmap (``base``, what it showed, to ``mine``), applied to the roadmap as
    stored, in one transaction (:func:`maturity.plan.rebase`): an action added, changed or deleted in another
    tab, by a colleague or on another replica meanwhile stays. The targets are not written. The draft keeps
    what was stored; True when saved (a failure is shown by the page, the change stays in this session)."""
    result: list[Any] = []

    def change(s: Any, token: str) -> int:
        value, version = s.change_meta(token, roadmap.FIELD, lambda stored: roadmap.to_raw(
            roadmap.rebase(base, mine, roadmap.read(stored))) or None)
        result.append(value)
        return version

    if session._write(change):
        roadmap.set_on(doc, roadmap.read(result[0]))
        doc.touch()
        return True
    roadmap.set_on(doc, mine)  # kept in this session
    return False


def default_year(doc: AnswersFile, dimension: str | None, q: Questionnaire | None = None,
                 priority: int | None = None) -> int:
    """The year a new action of ``dimension`` (None: a free action) is first planned for: spread from next year
    to its target's year, or the horizon of the commune's targets; next year for a recommendation of
    ``priority`` 1 (:func:`maturity.plan.default_year`)."""
    return roadmap.default_year(roadmap.of(doc), targets_.of(doc), dimension, date.today().year, q, priority)


_BUILD: Any = object()  # the default of the sections' precomputed arguments: build them there


# --- results page: targets ---------------------------------------------------------------------


def target_series(q: Questionnaire, doc: AnswersFile, name: str, lang: str) -> logic.SeriesInfo | None:
    """The targets as a light radar series (each dimension at its target level's minimum)."""
    scores = targets_.radar_scores(q, doc)
    if scores is None:
        return None
    return logic.SeriesInfo(name=tr("series_target", lang, name=name), scores=scores, kind="target",
                            kind_label=tr("col_target", lang), source=name, year="", n=None,
                            note=tr("series_note_target", lang))


def gap_text(status: targets_.TargetStatus, lang: str) -> str:
    """The core's words (as on the sheet); with no score, the app's wide table also says why, where the
    sheet's narrow column says "pas de score" alone."""
    return tr("target_no_score", lang) if status.gap is None else targets_.gap_text(status, lang)


def targets_section(q: Questionnaire, doc: AnswersFile, assessment: Assessment, lang: str,
                    rows: Any = _BUILD) -> None:
    """The form that sets a target per dimension, and the table of where each stands (``rows``: that
    table, when already built with :func:`target_rows`)."""
    st.header(tr("targets_header", lang))
    st.caption(tr("targets_help", lang))
    goals = targets_.of(doc)
    level_ids = [""] + [lv.id for lv in q.levels]
    # "Intégration (score ≥ 60)": a bare "(≥ 60)" did not say it was the score out of 100 (fresh-eyes trial)
    labels = {lv.id: tr("target_level_option", lang, level=q.t(lv.label, lang), min=format_number(lv.min, lang))
              for lv in q.levels}
    labels[""] = tr("target_none", lang)
    with st.form("targets_form", border=True):
        # one container laid out by the style as six rows of two columns, 3:1, stacked on a phone, as
        # st.columns([3, 1]) draws them (shell.roadmap_css): 17 elements fewer at every rerun
        grid = st.container(key="tg_rows")
        for section in q.dimensions:
            current = goals.get(section.id)
            # where the dimension stands, beside the choice: Gesves's échevine set Mobilité's target at
            # « Planification », the level its 25 already reached, and read « atteint » (fresh-eyes trial 9)
            now = assessment.dimensions.get(section.id)
            level = q.level(now.level) if now is not None and now.score is not None else None
            stands = "" if level is None else " " + tr("target_now", lang, level=q.t(level.label, lang),
                                                        score=format_number(now.score, lang))
            grid.selectbox(
                q.t(section.label, lang) + " — " + tr("target_level", lang) + stands, level_ids,
                index=level_ids.index(current.level) if current and current.level in level_ids else 0,
                format_func=labels.__getitem__, key=f"tg_level_{section.id}")
            # named with its dimension for a screen reader (six fields « À atteindre d'ici » were one name
            # six times); the style shows « À atteindre d'ici » alone, as before (shell.css: tg_rows)
            grid.number_input(q.t(section.label, lang) + " — " + tr("target_by", lang), min_value=targets_.YEAR_MIN, max_value=targets_.YEAR_MAX,
                              value=current.by if current else DEFAULT_BY, step=1, key=f"tg_by_{section.id}")
        # saved before the page runs again (a callback), so the click draws the page once, its radar,
        # table and progress with the new targets, where saving in the run drew it twice (issue 16)
        st.form_submit_button(tr("targets_save", lang), type="primary", on_click=_save_targets,
                              args=(q, level_ids, labels))
    if st.session_state.pop("_targets_saved", False):
        st.success(tr("targets_saved", lang), icon=":material/check:")
    alone = st.session_state.pop("_targets_year_alone", None)
    if alone:  # the field still shows the year typed, which was not saved: say so
        names = ", ".join(q.t(s.label, lang) for s in q.dimensions if s.id in alone)
        st.info(tr("targets_year_alone", lang, names=names), icon=":material/info:")
    if rows is _BUILD:
        rows = target_rows(q, doc, assessment, lang)
    if rows is not None and len(rows):
        st.table(rows, hide_index=True)
        st.caption(tr("targets_next", lang))
        session.page_link("recommandations", tr("targets_next_link", lang), ":material/task_alt:")


def _save_targets(q: Questionnaire, level_ids: list[str], labels: dict[str, str]) -> None:
    """The form's values as the draft's targets, saved: the form's button calls it before the page runs
    again. The draft is read as a run reads it: changed in another tab or by a colleague meanwhile, it
    is read again and nothing is saved over it (the page says it reloaded, as a run that finds it does)."""
    session.new_run()
    doc = session.document()
    if doc is None or st.session_state.get("_reloaded"):
        return
    goals = targets_.of(doc)
    new, year_alone = {}, []
    for section in q.dimensions:
        current = goals.get(section.id)
        level = logic.option_of(st.session_state.get(f"tg_level_{section.id}"), level_ids,
                                (labels.get,))  # a label from before a language switch
        if level is None:
            level = current.level if current and current.level in level_ids else ""
        by = st.session_state.get(f"tg_by_{section.id}", current.by if current else DEFAULT_BY)
        if level:
            new[section.id] = targets_.Target(level, int(by))
        elif by != (current.by if current else DEFAULT_BY):
            year_alone.append(section.id)  # a year typed without a level: nothing to save it with
    targets_.set_on(doc, new)
    if save_targets(doc):
        st.session_state["_targets_saved"] = True
        st.session_state["_targets_year_alone"] = year_alone


def target_rows(q: Questionnaire, doc: AnswersFile, assessment: Assessment, lang: str) -> list[dict[str, str]]:
    """Where each dimension with a target stands: score, target, gap ([] without targets)."""
    statuses = targets_.evaluate(q, assessment, targets_.of(doc))
    rows = []
    for section in q.dimensions:
        status = statuses.get(section.id)
        if status is None:
            continue
        level = q.level(status.level)
        rows.append({tr("col_dimension", lang): q.t(section.label, lang),
                     tr("col_score", lang): format_number(status.score, lang),
                     tr("col_target", lang): f"{q.t(level.label, lang) if level else status.level} — {status.by}",
                     tr("col_gap", lang): gap_text(status, lang)})
    return rows


def progress_section(q: Questionnaire, doc: AnswersFile, assessment: Assessment, history: list[Any],
                     lang: str, specs: Any = _BUILD) -> None:
    """Each dimension's score at every submitted assessment and today, against its target (``specs``:
    the charts, when already built with :func:`progress_specs`)."""
    st.subheader(tr("progress_header", lang))
    if specs is _BUILD:
        specs = progress_specs(q, doc, assessment, history, lang)
    if specs is None:
        st.caption(tr("progress_none", lang))
        return
    if not specs:  # saved, and nothing changed since: one point would be all the chart had to show
        st.caption(tr("progress_once", lang))
        return
    st.caption(tr("progress_help", lang))
    # one chart per dimension, three to a row: a phone stacks the columns, so no panel is cut
    for start in range(0, len(specs), 3):
        for column, spec in zip(st.columns(3), specs[start:start + 3], strict=False):
            with column:
                st.vega_lite_chart(spec, width="stretch")


def progress_specs(q: Questionnaire, doc: AnswersFile, assessment: Assessment, history: list[Any],
                   lang: str) -> list[dict] | None:
    """The progress charts' specs, one per dimension: None before a first submission; none (an empty list)
    while the only point would be the one saved assessment. Today's scores are a point of their own when they
    differ from the last saved ones: right after a first save, the chart drew that save twice, on the same day
    and at the same scores (fresh-eyes trial, Durbuy)."""
    from maturity.charts import progress_panel_spec

    points: list[tuple[str, dict[str, float | None]]] = []
    for snap in history:
        dims = (getattr(snap, "assessment", None) or {}).get("dimensions")
        if isinstance(dims, dict):
            points.append((format_date(snap.submitted_at, lang),
                           {k: (v.get("score") if isinstance(v, dict) else None) for k, v in dims.items()}))
    if not points:
        return None
    today = assessment.scores()
    if not _same_scores(points[-1][1], today):
        points.append((tr("progress_today", lang), today))
    if len(points) < 2:
        return []
    rows = targets_.progress_rows(q, points, targets_.of(doc), lang)
    dims = list(dict.fromkeys(r["dimension"] for r in rows))
    return [progress_panel_spec([r for r in rows if r["dimension"] == dim], lang) for dim in dims]


def _same_scores(saved: Mapping[str, float | None], now: Mapping[str, float | None]) -> bool:
    """Whether two assessments' dimension scores are the same (a null one null in both)."""
    if saved.keys() != now.keys():
        return False
    for key, value in now.items():
        other = saved[key]
        if (value is None) != (other is None) or (value is not None and abs(value - other) > 1e-9):
            return False
    return True


# --- recommendations page: the roadmap ---------------------------------------------------------


def _editor_key() -> str:
    return f"plan_editor_{st.session_state.get('_plan_version', 0)}"


def _reset_editor() -> None:
    """A change from outside the table (an action picked): the table starts again from the saved plan."""
    st.session_state.pop(_editor_key(), None)
    st.session_state["_plan_version"] = st.session_state.get("_plan_version", 0) + 1
    st.session_state.pop("_plan_base", None)


def add_action(q: Questionnaire, doc: AnswersFile, rec_id: str, dimension: str | None, action: str) -> None:
    items = roadmap.of(doc)
    rec = roadmap.recommendation_of(q, rec_id)
    new = roadmap.add_action(items, action, default_year(doc, dimension, q, rec.priority if rec else None),
                             recommendation=rec_id)
    if len(new) != len(items):
        save_plan(doc, items, new)
        _reset_editor()
        # the phone's form shows the action just added, to give it an owner and a year: it showed the
        # first one, and Vielsalm's échevine, after three « Ajouter », found another action there (trial 8)
        st.session_state[_phone_keys()["pick"]] = new[-1].id


def pick_buttons(q: Questionnaire, doc: AnswersFile, rec: Any, dimension: str | None, lang: str) -> None:
    """Each action of a recommendation with its "add to the roadmap" button (or a mark once added)."""
    # picked in another language of the questionnaire, or in an earlier wording, it is in the roadmap all the same
    picked = roadmap.picked(rec, roadmap.of(doc))
    for index, action in enumerate(rec.actions):
        text = q.t(action, lang)
        left, right = st.columns([4, 1.4], vertical_alignment="center")
        left.markdown(f"- {text}")
        if index in picked:
            right.caption(":material/check: " + tr("roadmap_added", lang))
        else:
            # named with its action for a screen reader; the page shows « Ajouter » alone (shell.css)
            right.button(tr("roadmap_add_named", lang, action=quoted(text, lang)), key=f"pick_{rec.id}_{index}",
                         icon=":material/add:",
                         help=tr("roadmap_add", lang), on_click=add_action, args=(q, doc, rec.id, dimension, text))


def _phone_keys(ident: str = "") -> dict[str, str]:
    """The phone form's widget keys: new ones for each action and each version of the plan (its fields
    then show that action as saved)."""
    version = st.session_state.get("_plan_version", 0)
    return {"pick": f"ph_pick_{version}",
            **{f: f"ph_{f}_{ident or 'new'}_{version}" for f in ("action", "owner", "year", "budget", "status")}}


def _phone_write(doc: AnswersFile, ident: str, lang: str, delete: bool = False) -> None:
    """The phone's form, saved (a callback: before the run draws the page): the action ``ident`` ("": a
    new one) changed as its fields say, or deleted; through :func:`maturity.plan.from_rows`, as the grid's
    rows, so both check and keep the same things."""
    keys = _phone_keys(ident)
    items = roadmap.of(doc)
    rows: list[dict[str, Any]] = [item.to_json() for item in items]
    if delete:
        rows = [r for r in rows if r["id"] != ident]
    else:
        action = st.session_state.get(keys["action"]) or ""
        if not action.strip():
            st.session_state["_plan_phone_blank"] = True
            return
        row = {"id": ident or None, "action": action, **{f: st.session_state.get(keys[f])
                                                 for f in ("owner", "year", "budget", "status")}}
        rows = [row if r["id"] == ident else r for r in rows] if ident else [*rows, row]
    new = roadmap.from_rows(rows, items, default_year(doc, None))
    saved = save_plan(doc, items, new)
    _reset_editor()
    if not delete:  # the action just saved stays picked (a new one: the last; its id may have changed)
        stored = roadmap.of(doc)
        st.session_state[_phone_keys()["pick"]] = ident or (stored[-1].id if stored else "")
    if saved:
        st.toast(tr("roadmap_saved", lang), icon=":material/check:")


def _phone_section(q: Questionnaire, doc: AnswersFile, items: list[roadmap.PlanItem], lang: str) -> None:
    """The roadmap in a column narrower than :data:`~maturity.app.tables.GRID_MIN` (a phone): each action
    as a list item, every value next to its column's name, then a form for one action (picked, or a new
    one). The page's style shows it instead of the grid there (``shell.roadmap_css``)."""
    from maturity.markdown import escape

    from .tables import rows_as_list

    with st.container(key="roadmap_phone"):
        st.caption(tr("roadmap_phone_help", lang))
        st.markdown(rows_as_list([{
            roadmap.label("action", lang): escape(item.action),
            roadmap.label("strategic", lang): escape(roadmap.objective_of(item, q, lang)),
            # an action without an owner says so, as the sheet does (the list left the line out), the label not twice
            roadmap.label("owner", lang): escape(item.owner) if item.owner.strip() else roadmap.label("owner_unset", lang),
            tr("col_year", lang): str(item.year),
            roadmap.label("budget", lang): escape(roadmap.format_budget(item.budget, lang)),
            roadmap.label("status", lang): roadmap.label(item.status, lang),
        } for item in items], lang))
        by_id = {item.id: item for item in items}
        pick = _phone_keys()["pick"]
        if st.session_state.get(pick, "") not in [*by_id, ""]:
            st.session_state.pop(pick, None)  # an action deleted meanwhile (in the grid, another tab)
        ident = st.selectbox(tr("roadmap_phone_pick", lang), [*by_id, ""], key=pick,  # "": a new action
                             format_func=lambda i: _short(by_id[i].action) if i else tr("roadmap_phone_new", lang))
        item = by_id.get(ident) if ident else None
        keys = _phone_keys(ident)
        if st.session_state.pop("_plan_phone_blank", False):
            st.error(tr("roadmap_phone_blank", lang))
        with st.form(key=f"ph_form_{ident or 'new'}_{st.session_state.get('_plan_version', 0)}", border=True):
            st.text_area(roadmap.label("action", lang), value=item.action if item else "", key=keys["action"],
                         max_chars=roadmap.MAX_ACTION, height=96)
            st.text_input(roadmap.label("owner", lang), value=item.owner if item else "", key=keys["owner"],
                          max_chars=roadmap.MAX_SHORT)
            st.number_input(tr("col_year", lang), min_value=targets_.YEAR_MIN, max_value=targets_.YEAR_MAX, step=1,
                            value=item.year if item else default_year(doc, None), key=keys["year"])
            st.text_input(roadmap.label("budget", lang), value=roadmap.budget_text(item.budget) if item else "",
                          key=keys["budget"], max_chars=roadmap.MAX_SHORT, help=tr("col_budget_help", lang))
            st.selectbox(roadmap.label("status", lang), list(roadmap.STATUSES), key=keys["status"],
                         index=roadmap.STATUSES.index(item.status) if item else 0,
                         format_func=lambda s: roadmap.label(s, lang))
            st.form_submit_button(tr("roadmap_phone_save", lang), icon=":material/check:", type="primary",
                                  on_click=_phone_write, args=(doc, ident, lang))
            if item:
                st.form_submit_button(tr("roadmap_phone_delete", lang), icon=":material/delete:",
                                      on_click=_phone_write, args=(doc, ident, lang, True))


def _short(text: str, limit: int = 70) -> str:
    return cut(" ".join(text.split()), limit)


def roadmap_section(q: Questionnaire, doc: AnswersFile, lang: str) -> None:
    """The roadmap as an editable table: owner, year, budget line and status of each action; rows can be
    added (free actions) and deleted. Every edit is saved."""
    import pandas as pd

    st.header(tr("roadmap_header", lang))
    st.caption(tr("roadmap_help", lang))
    items = roadmap.of(doc)
    base = st.session_state.get("_plan_base")
    if base is None:
        base = [dict(item.to_json(), budget=roadmap.budget_text(item.budget)) for item in items]
        st.session_state["_plan_base"] = base
    # a new row's year, from the table's starting rows: the same while the table is edited (from the saved plan,
    # a year edited would change the column's default, hence the grid's identity, and the grid lost its edits)
    new_year = roadmap.default_year(roadmap.read(base), targets_.of(doc), None, date.today().year)
    options = [roadmap.label(status, lang) for status in roadmap.STATUSES]
    # a status's word, in any language (a cell edited before a switch of language), -> its id
    statuses = {roadmap.label(status, other): status for other in LOCALES for status in roadmap.STATUSES}
    frame = pd.DataFrame(
        [{"id": row["id"],
          "objective": roadmap.objective_of(roadmap.read([row])[0], q, lang, short=True),
          "action": row["action"], "owner": row["owner"], "year": row["year"], "budget": row.get("budget") or "",
          "status": roadmap.label(row["status"], lang)} for row in base],
        columns=["id", "objective", "action", "owner", "year", "budget", "status"])
    if not base:
        st.info(tr("roadmap_empty", lang))
    if len(items) >= roadmap.MAX_ITEMS:
        st.warning(tr("roadmap_full", lang, n=roadmap.MAX_ITEMS), icon=":material/block:")
    fit = st.container(key="roadmap_fit")  # the grid, or in a narrow column its list and form
    # widths that add up to tables.GRID_MIN with the row markers (wider columns share the rest); rows tall
    # enough for the grid to wrap an action over three lines instead of cutting it
    edited = fit.data_editor(
        frame, key=_editor_key(), num_rows="dynamic", hide_index=True, width="stretch", row_height=ROW_HEIGHT,
        height="content",  # every action in sight: the default height (ten rows of 35 px) showed five of ours
        column_order=["objective", "action", "owner", "year", "budget", "status"],
        disabled=["id", "objective"],
        column_config={
            "objective": st.column_config.TextColumn(roadmap.label("strategic", lang), width=120,
                                                     help=tr("col_objective_help", lang)),
            "action": st.column_config.TextColumn(roadmap.label("action", lang), width=240, required=True,
                                                  max_chars=roadmap.MAX_ACTION),
            "owner": st.column_config.TextColumn(roadmap.label("owner", lang), width=110, max_chars=roadmap.MAX_SHORT),
            "year": st.column_config.NumberColumn(tr("col_year", lang), width=66, min_value=targets_.YEAR_MIN,
                                                  max_value=targets_.YEAR_MAX, step=1, format="%d",
                                                  default=new_year),
            "budget": st.column_config.TextColumn(roadmap.label("budget", lang), width=88, max_chars=roadmap.MAX_SHORT,
                                                  help=tr("col_budget_help", lang)),
            # the statuses' words themselves, not their ids shown through a format_func: the grid's
            # accessible cells (what a screen reader reads) held the ids, "planned" on a French page
            "status": st.column_config.SelectboxColumn(roadmap.label("status", lang), width=100,
                                                       options=options, default=roadmap.label("planned", lang),
                                                       required=True),
        })
    rows = [dict(row, status=statuses.get(row.get("status"), row.get("status"))) for row in edited.to_dict("records")]
    # ids of new rows are given against the table's starting rows, so the same table gives the same plan; the
    # starting rows read the same way, so that an action left alone compares equal to what the table showed
    shown = roadmap.from_rows(base, roadmap.read(base), new_year)
    new = roadmap.from_rows(rows, roadmap.read(base), new_year)
    if new != shown:
        if save_plan(doc, shown, new):
            st.toast(tr("roadmap_saved", lang), icon=":material/check:")
        stale = roadmap.of(doc) != new  # what was stored holds changes made elsewhere too
    else:
        stale = base != [dict(item.to_json(), budget=roadmap.budget_text(item.budget)) for item in items]
    if stale:
        # the table started from a roadmap that another tab, colleague or replica has changed since: it starts
        # again from the stored one (this page's own change applied to it), never written over it
        _reset_editor()
        st.rerun()
    with fit:  # with what the grid saved in this run
        _phone_section(q, doc, new, lang)
