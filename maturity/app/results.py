"""What the results page shows, computed once per answers version in this session (issue 16).

A rerun of the results page (a tick of the pool box, a language switch back, a target form opened)
used to score the answers again and rebuild every table, the radar's spec and the barometer sentences.
Here they are built once for what they depend on — this assessment's answers, targets and plan, the
language, the questionnaire, and what the store says around them (the pooled rows, the imported
campaign references, this space's submissions, the team's answers) — and kept in this session's
``st.session_state`` only: they hold a commune's scores, so never in ``st.cache_data`` or
``st.cache_resource``, which every user of the process shares. The store is still read at every run
(cheap reads), so a submission elsewhere, a new pooled figure or a colleague's answer shows as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import streamlit as st

from maturity.answers import AnswersFile
from maturity.models import Questionnaire

from . import logic, session
from .tables import Fitting, fitting

MEMO_KEY = "_results_view"


@dataclass
class Level:
    """One dimension in the levels section: its heading, the caption under it, its "why" table."""

    label: str
    heading: str
    caption: str
    why: Fitting  # an Arrow table, and its list for a narrow column
    id: str = ""  # the dimension's


@dataclass
class View:
    """The results page's numbers, tables and texts for one answers version (see the module)."""

    assessment: Any
    progress: logic.Progress
    scored: int
    series: list[logic.SeriesInfo]
    regional_note: str | None
    history: list[Any]
    previous: Any | None
    radar: dict
    score_table: Any  # the Arrow table (the colleagues' columns are the team table's, not its)
    series_table: Fitting
    team_table: Fitting | None
    levels: list[Level]
    target_rows: Any
    progress_specs: list[dict] | None
    changes: tuple[Any, int, bool] | None  # rows, answers changed, same questionnaire version
    obstacles: Any | None  # an Arrow table; with a campaign's column, a Fitting (a list in a narrow column)
    obstacle_note: str
    comparisons: list[tuple[str, list[str]]] | None  # None: no benchmark set loaded
    sentences: int
    team_caption: str = ""  # what the team table shows (and the holder's column, when they answered)
    obstacles_header: str = ""  # "Vos freins et ceux du baromètre 2021" (and of the campaign, with one)
    # where the compared figures come from: "Ces chiffres viennent des 113 communes sur 262 qui ont répondu en
    # 2021, pas de toute la Wallonie d'aujourd'hui." (maturity.benchmarks.scope_note), above the sentences
    comparisons_scope: str = ""
    # the table's last columns a phone does not show beside the series (level, usable answers, "does not apply"):
    # under it, in a table of their own, on a phone only (shell.css)
    score_more: Any = None


def _score_series(series: list[logic.SeriesInfo]) -> list[logic.SeriesInfo]:
    """The series « Les chiffres » has a column for: the radar's, but the colleagues' shapes, which « Les points
    de vue de l'équipe » shows with their spread. Each colleague's scores were shown twice on the page, once in
    each table (team trial, Ciney)."""
    return [s for s in series if s.kind != "respondent"]


def _phone_columns(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """The results table's dimension and its last three columns (level, usable answers, "does not apply"),
    which a phone's table leaves out to keep the series readable."""
    return [{k: row[k] for k in [*list(row)[:1], *list(row)[-3:]]} for row in rows]


def _frame(rows: list[dict[str, str]]) -> Any:
    """The rows as the Arrow table ``st.table`` would build from them (through the same DataFrame),
    built once instead of at every run; shown with ``hide_index=True``, which is what ``st.table``
    decides for rows (a default index), so the page receives the same bytes."""
    import pandas as pd
    import pyarrow as pa

    return pa.Table.from_pandas(pd.DataFrame(rows))


def content_key(doc: AnswersFile) -> str:
    """The answers version: everything the page shows of the document (answers, notes, commune,
    targets, plan, unknown keys), whatever the store's version number says (an answer kept in this
    session after a failed write counts too). ``updated_at`` alone changes nothing shown."""
    data = doc.to_dict()
    data.pop("updated_at", None)
    return json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)


def view(q: Questionnaire, doc: AnswersFile, lang: str) -> View:
    """Everything derived for the results page, from this session's memo when nothing it depends on
    changed since the last run."""
    from . import team

    reads = session.comparison_reads()  # the store, read at every run
    team_people = team.answering(team.members())  # the holder's colleagues with answers ([] for most)
    name = session.commune_of(doc, lang)
    pool, refs, history = reads
    key = (q.id, q.version, lang, session.current_token(), name, content_key(doc), pool, tuple(refs),
           tuple(snap.id for snap in history), tuple(team_people), tuple(session.benchmark_sets()))
    memo = st.session_state.get(MEMO_KEY)
    if memo is not None and memo[0] == key:
        return memo[1]
    built = _build(q, doc, lang, name, reads, team_people)
    st.session_state[MEMO_KEY] = (key, built)
    return built


def _build(q: Questionnaire, doc: AnswersFile, lang: str, name: str, reads: session.Reads,
           team_people: list[Any]) -> View:
    from maturity.display import format_number, format_percent
    from maturity.scoring import score

    from . import roadmap, team
    from .texts import tr

    assessment = score(q, doc.answers)
    series, regional_note, history, previous = session.comparison_series(q, doc, assessment, lang, reads)
    team_table, team_caption = None, ""
    if team_people:  # each colleague's own shape, by role (holder only)
        team_series, team_rows, team_caption = team.results_view(q, lang, team_people, doc)
        series = series + team_series
        team_table = fitting(team_rows, lang, _frame(team_rows))
    target_series = roadmap.target_series(q, doc, name, lang)
    radar = session.radar_spec(q, series + ([target_series] if target_series else []), lang)

    levels = []
    for section in q.dimensions:
        d = assessment.dimensions[section.id]
        level = q.level(d.level)
        label = q.t(section.label, lang)
        if level is None:
            heading = f"**{label}** — {tr('insufficient_short', lang)}"
            if d.reason == "not_applicable":
                caption = tr("insufficient_na", lang, na=d.na_count, applicable=format_percent(d.applicable, lang))
            else:
                caption = tr("insufficient", lang, coverage=format_percent(d.coverage, lang),
                             needed=format_percent(q.min_coverage, lang))
        else:
            heading = f"**{label}** — {format_number(d.score, lang)} / 100 — **{q.t(level.label, lang)}**"
            caption = q.t(level.description, lang)
        why = logic.contribution_rows(q, assessment, section.id, doc.answers, lang)
        levels.append(Level(label, heading, caption, fitting(why, lang, _frame(why)), section.id))

    changes = None
    if previous is not None:
        rows, changed_answers, same_version = logic.change_rows(q, previous, doc, assessment, lang)
        changes = (_frame(rows), changed_answers, same_version)

    sets = session.benchmark_sets()
    obstacles, obstacle_note, obstacles_header = None, "", tr("obstacles_header", lang)
    if q.obstacles:
        from maturity.aggregates import latest_campaign

        campaign = latest_campaign(reads[1])  # the imported campaign's shares beside the barometer's
        rows = logic.obstacle_rows(q, assessment, doc.answers, lang, sets, cite=False, campaign=campaign)
        # with the campaign's column, four columns: a list in a narrow column (the German table was 412 px on a
        # 390 px phone, its campaign column cut)
        obstacles = _frame(rows) if campaign is None else fitting(rows, lang, _frame(rows))
        obstacle_note = logic.citation_note(logic.obstacle_cites(q, sets, lang), lang)
        if campaign is not None:
            obstacle_note = " ".join(t for t in (obstacle_note, logic.campaign_obstacles_note(campaign, lang)) if t)
            obstacles_header = tr("obstacles_header_campaign", lang, year=campaign.year)  # its column too
    comparisons, sentences, scope = None, 0, ""
    if sets:
        from maturity.aggregates import latest_campaign
        from maturity.benchmarks import comparisons as compare
        from maturity.benchmarks import scope_note

        imported = latest_campaign(reads[1])  # its estimate of each compared figure, with interval and n
        found = compare(q, doc.answers, assessment, sets, lang, campaign=imported.set if imported else None)
        comparisons, sentences = logic.comparison_groups(found, lang), len(found)
        scope = scope_note(found, lang)

    targets = roadmap.target_rows(q, doc, assessment, lang)
    series_rows = logic.series_rows(series, lang)
    score_rows = logic.score_table(q, _score_series(series), assessment, lang)
    return View(
        assessment=assessment, progress=logic.progress(q, doc.answers),
        scored=sum(d.score is not None for d in assessment.dimensions.values()),
        series=series, regional_note=regional_note, history=history, previous=previous, radar=radar,
        score_table=_frame(score_rows), score_more=_frame(_phone_columns(score_rows)),
        series_table=fitting(series_rows, lang, _frame(series_rows)), team_table=team_table, levels=levels,
        target_rows=_frame(targets) if targets else None,
        progress_specs=roadmap.progress_specs(q, doc, assessment, history, lang),
        changes=changes, obstacles=obstacles, obstacle_note=obstacle_note,
        obstacles_header=obstacles_header, comparisons=comparisons, team_caption=team_caption,
        sentences=sentences, comparisons_scope=scope)
