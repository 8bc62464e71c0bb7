"""UI logic of answering as a team, as plain functions (no streamlit import): testable on their own.

The merge itself is the core's (:mod:`maturity.merge`, contract §8); here its results become
what the team page and the results page show.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from maturity.display import format_number
from maturity.merge import DimensionSpread, MergeResult, QuestionReport, Respondent, TeamSpreads, holder_role
from maturity.models import Question, Questionnaire

from .logic import SeriesInfo, escape_markdown, this_year, value_label
from .names import app_address
from .texts import tr

SUMMARY_LIMIT = 10  # divergent questions kept in the consensus document (the sheet shows three)


def member_url(base_url: str | None, member_token: str) -> str:
    """A colleague's own link: it opens their answers on the questionnaire page, nothing else."""
    base = app_address(base_url) or "http://localhost:8501"
    return f"{base}/questionnaire?m={member_token}"


def respondents(members: Sequence[Any]) -> list[Respondent]:
    """The members (``maturity.storage.Member``) as the merge's respondents, by role."""
    from maturity.typography import typed_text

    # notes typed before they were kept without control characters or bidi overrides: as they are kept now
    return [Respondent(m.role, dict(m.answers), {k: typed_text(v) if isinstance(v, str) else v
                                                  for k, v in m.notes.items()}) for m in members]


def answer_text(q: Questionnaire, question: Question, value: Any, lang: str) -> str:
    """One respondent's answer as read in the meeting ("—" when they did not answer)."""
    if value is None:
        return "—"
    return value_label(q, question, value, lang)


def spread_text(item: QuestionReport, lang: str) -> str:
    if item.spread is None:
        return tr("team_spread_none", lang)
    return tr("team_spread", lang, points=format_number(100 * item.spread, lang))


def answer_rows(q: Questionnaire, item: QuestionReport, lang: str, holder_name: str | None = None
                ) -> list[dict[str, str]]:
    """Who answered what, with their notes (one row per respondent; the holder's first, named ``holder_name``,
    « Vous (échevine) », when they are a view). The holder's view is the assessment's answer, the final one (hers,
    or the one decided here, which took the place of what she first answered): said so, « Tout (finale) », where
    it read as her own first answer. The role and the note are typed freely and ``st.table`` reads Markdown:
    escaped."""
    question = q.question(item.question)
    assert question is not None

    def answer(i: int, value: Any) -> str:
        text = answer_text(q, question, value, lang)
        return tr("team_final_mark", lang, answer=text) if item.holder and i == 0 and value is not None else text

    return [{tr("team_col_role", lang): escape_markdown(holder_name if item.holder and i == 0 and holder_name
                                                       else seen.role),
             tr("team_col_answer", lang): answer(i, seen.answer),
             tr("team_col_note", lang): escape_markdown(seen.note or "")} for i, seen in enumerate(item.answers)]


def final_options(question: Question) -> list[Any]:
    """What the facilitator can choose as the final answer of a choice question."""
    from .logic import choice_values

    return choice_values(question)


def holder(doc: Any, lang: str) -> Respondent:
    """The holder of the team's space as a respondent beside their colleagues: the assessment's answers (their
    own, and the final answers settled at the meeting), named « Vous » with their role when the draft has one
    (as the sheet names it first: ``respondent.role``)."""
    role = holder_role(doc.respondent)
    name = tr("team_holder_role", lang, role=role) if role else tr("team_holder", lang)
    return Respondent(name, dict(doc.answers), dict(doc.notes))


def meeting_holder(doc: Any, lang: str) -> Respondent:
    """The holder as a view of the meeting (:func:`maturity.merge.merge`, ``holder``), named by their own role:
    the divergent questions the draft keeps for the sheet (« Sujets pour le Collège ») give each answer with its
    role, so not « Vous »; without a role, « responsable du bilan ». The page shows the row as « Vous (…) »."""
    return Respondent(holder_role(doc.respondent) or tr("team_holder_unnamed", lang), dict(doc.answers),
                      dict(doc.notes))


def respondent_series(q: Questionnaire, found: TeamSpreads, lang: str) -> list[SeriesInfo]:
    """Each colleague's own shape (their answers scored alone), named by role only; answers of this
    assessment, so of this year. The holder's shape is the commune's own series: none of its own."""
    year = this_year()
    out = []
    for i, role in enumerate(found.roles):
        if found.holder and i == 0:
            continue
        scores = {dim: s.scores[i] for dim, s in found.spreads.items()}
        out.append(SeriesInfo(
            name=tr("series_respondent", lang, role=role), scores=scores, kind="respondent",
            kind_label=tr("kind_respondent", lang), source=role, year=year, n=None,  # a person, not communes
            note=tr("series_note_respondent", lang), short=role))
    return out


def spread_rows(q: Questionnaire, spreads: Mapping[str, DimensionSpread], roles: Sequence[str], lang: str
                ) -> list[dict[str, str]]:
    """Per dimension: each respondent's score and the spread between the highest and the lowest (a
    column per role, its header escaped: ``st.table`` reads Markdown)."""
    rows = []
    for section in q.dimensions:
        s = spreads[section.id]
        row = {tr("col_dimension", lang): q.t(section.label, lang)}
        for role, value in zip(roles, s.scores, strict=True):
            row[escape_markdown(role)] = tr("insufficient_short", lang) if value is None else format_number(value, lang)
        row[tr("team_col_spread", lang)] = "—" if s.spread is None else format_number(s.spread, lang)
        rows.append(row)
    return rows


def spread_caption(found: TeamSpreads, lang: str) -> str:
    """What the spread table shows; with the holder's column, what their column holds."""
    text = tr("team_results_caption", lang)
    return f"{text} {tr('team_results_holder', lang, name=escape_markdown(found.roles[0]))}" if found.holder else text


def summary(result: MergeResult, decided: Mapping[str, tuple[str, Any]] | None = None, limit: int = SUMMARY_LIMIT
            ) -> list[dict[str, Any]]:
    """The divergent questions for the consensus document's ``divergent`` (contract §8), with the meeting's reasons
    (``decided``, the store's: each reason with the final answer it was given for, written ``reason`` and ``kept``;
    a question settled with one and divergent no more follows them: :func:`maturity.merge.divergent_summary`)."""
    from maturity.merge import divergent_summary

    decided = decided or {}
    return divergent_summary(result, limit, {qid: reason for qid, (reason, _kept) in decided.items()},
                             {qid: kept for qid, (_reason, kept) in decided.items()})


def with_record(doc: Any, result: MergeResult, decided: Mapping[str, tuple[str, Any]] | None = None) -> Any:
    """A copy of the answers document ``doc`` with the team record of ``result`` (``respondent.team`` and
    ``divergent``, contract §8), as :func:`maturity.app.team.record` writes it into the draft; ``doc`` unchanged."""
    from dataclasses import replace

    return replace(doc, respondent={**doc.respondent, "team": result.team},
                   extra={**doc.extra, "divergent": summary(result, decided)})


def reason_of(decided: Mapping[str, tuple[str, Any]], qid: str, final: Any) -> tuple[str, Any]:
    """A question's meeting reason as the meeting page shows it beside the final answer ``final``: ``(reason, None)``
    when it is this answer's (or there is none: ``("", None)``), ``(reason, kept)`` when the answer it was given for,
    ``kept``, was changed since (on the questionnaire): the reason is not this answer's (contract §8,
    :func:`maturity.merge.reason_holds`)."""
    from maturity.merge import reason_holds

    reason, kept = decided.get(qid, ("", None))
    if not reason or kept is None or reason_holds({"reason": reason, "kept": kept}, final):
        return reason, None
    return reason, kept


def member_rows(q: Questionnaire, members: Sequence[Any], lang: str) -> list[dict[str, str]]:
    """The team as the holder sees it: role, sections, answers given, last saved. Every cell escaped:
    ``st.table`` reads its cells as Markdown, where a German date ("26. November 2026") opened a numbered
    list (drawn "November 2026" after a cut "26", seen in chromium), and a role is typed freely."""
    from maturity.display import format_date

    rows = []
    for m in members:
        sections = tr("team_all_sections", lang) if not m.sections else ", ".join(
            q.t(s.label, lang) for s in q.sections if s.id in m.sections)
        given = sum(1 for v in m.answers.values() if v is not None)
        rows.append({tr("team_col_role", lang): escape_markdown(m.role),
                     tr("team_col_sections", lang): escape_markdown(sections),
                     tr("team_col_given", lang): str(given),
                     tr("team_col_saved", lang): escape_markdown(format_date(m.updated_at, lang)) if given else "—"})
    return rows
