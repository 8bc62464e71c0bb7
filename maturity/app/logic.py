"""UI logic of the web app as plain functions (no streamlit import): testable on their own.

Pages call these to turn answers into what they show; nothing here keeps state.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from maturity import communes
from maturity.answers import (
    MAX_BYTES,
    AnswersFile,
    AnswersProblems,
    answers_from_dict,
    check_answers,
    parse_answers_json,
    typed_texts,
)
from maturity.display import (
    format_estimate,
    format_megabytes,
    format_number,
    format_percent,
    round_half_up,
    round_int,
    round_parts,
)
from maturity.errors import InvalidInput, Problem
from maturity.labels import answer_words, join_and
from maturity.markdown import escape as escape_markdown
from maturity.models import NA, UNKNOWN, Question, Questionnaire, condition_questions, localize
from maturity.scoring import Assessment, visible_questions
from maturity.special import NONE, effective_answer
from maturity.typography import cut, quoted, semicolons

from .names import (  # noqa: F401 - re-exported: the pages and tests call them as logic.*
    commune_choices,
    commune_label,
    commune_name,
    copy_box_html,
    resume_url,
    token_from_input,
)
from .texts import LANGS, TEXTS, tr

log = logging.getLogger("maturity.app")

SPECIALS = (UNKNOWN, NA)


# --- progress ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionProgress:
    section_id: str
    answered: int
    total: int
    may_grow: bool = False  # a hidden question of the part may still appear: its condition waits for an answer


@dataclass(frozen=True)
class Progress:
    sections: list[SectionProgress]

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self.sections)

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections)

    @property
    def fraction(self) -> float:
        return self.answered / self.total if self.total else 1.0

    @property
    def may_grow(self) -> bool:
        return any(s.may_grow for s in self.sections)

    def of(self, section_id: str) -> SectionProgress:
        return next(s for s in self.sections if s.section_id == section_id)


def has_answer(value: Any) -> bool:
    """Given at all: an option, a number, a text, or "na" / "unknown" (a conscious answer)."""
    return value is not None and value != [] and value != ""


def progress(q: Questionnaire, answers: Mapping[str, Any]) -> Progress:
    """Answered / total over the questions shown for these answers, per section."""
    shown = visible_questions(q, answers)
    waiting = {i for i in shown if not has_answer(answers.get(i))}  # shown, not answered yet
    out = []
    for section in q.sections:
        ids = [qu.id for qu in section.questions if qu.id in shown]
        grows = any(qu.id not in shown and qu.show_if is not None and not waiting.isdisjoint(condition_questions(qu.show_if))
                    for qu in section.questions)
        out.append(SectionProgress(section.id, sum(1 for i in ids if has_answer(answers.get(i))), len(ids), grows))
    return Progress(out)


def progress_text(lang: str, answered: int, total: int, may_grow: bool, key: str = "progress_overall") -> str:
    """« 12 questions répondues sur 56 », and while a question waiting for an answer may still appear, that
    more questions may appear: the total is not final yet."""
    counter = tr(key, lang, answered=answered, total=total)
    return tr("progress_may_grow", lang, counter=counter) if may_grow else counter


def resume_step(q: Questionnaire, answers: Mapping[str, Any], last_part: str | None = None) -> int:
    """Where a returning user goes on (0-based): the part they last opened (``last_part``, a section
    id the space remembers) while it has an unanswered question shown; when that part is complete, the
    next part with one (after it, then from the first part); without a known last part, the first part
    with one; everything answered: the last part (the way to the results)."""
    unfinished = [s.answered < s.total for s in progress(q, answers).sections]
    count = len(q.sections)
    start = next((i for i, s in enumerate(q.sections) if last_part is not None and s.id == last_part), None)
    if start is not None and unfinished[start]:
        return start
    after = range(start + 1, count) if start is not None else range(0)
    for i in [*after, *range(count)]:
        if unfinished[i]:
            return i
    return count - 1


def shown_questions(q: Questionnaire, section_index: int, answers: Mapping[str, Any]) -> list[Question]:
    shown = visible_questions(q, answers)
    return [qu for qu in q.sections[section_index].questions if qu.id in shown]


# --- widget values <-> answer values -----------------------------------------------------------


def choice_values(question: Question) -> list[str]:
    """The values a single-choice widget offers: the options, "je ne sais pas", then "ne s'applique pas"."""
    values = list(question.option_ids)
    values.append(UNKNOWN)
    if question.na_allowed:
        values.append(NA)
    return values


def option_of(value: Any, options: list[Any], labellers: tuple[Any, ...] = ()) -> Any:
    """The option an option widget's value stands for, or None.

    Streamlit sends a radio's or a selectbox's value by its label and hands the label itself back when no
    option has that label any more: a label that changed between two runs (a count in it, the language
    switched while the page was being redrawn). Such a label is mapped back through ``labellers`` (option
    -> label, e.g. one per language); anything else is no choice at all, never an answer to save."""
    if value is None:
        return None
    try:
        if value in options:
            return value
    except TypeError:  # an unhashable or incomparable value: not an option
        return None
    for label in labellers:
        for option in options:
            if label(option) == value:
                return option
    return None


def choice_of(q: Questionnaire, question: Question, value: Any) -> Any:
    """A single-choice widget's value as an answer (an option id, "don't know", "not applicable"), or None
    for a label no option has in any language (see :func:`option_of`)."""
    return option_of(value, choice_values(question),
                     tuple(lambda v, la=la: value_label(q, question, v, la) for la in LANGS))


_STEP_LABEL = re.compile(r"\s*(\d+)\.")


def step_of_choice(value: Any, count: int) -> int | None:
    """The part (0-based) the step picker's value stands for, or None. Its labels carry the part's answer
    count, which changes with every answer: a label sent by a page drawn before the last answer no longer
    matches an option and comes back as text; its leading number ("3. …") still says which part it is."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value < count else None
    if isinstance(value, str):
        found = _STEP_LABEL.match(value)
        if found and 1 <= int(found.group(1)) <= count:
            return int(found.group(1)) - 1
    return None


def special_values(question: Question) -> list[str]:
    return [UNKNOWN, NA] if question.na_allowed else [UNKNOWN]


def value_label(q: Questionnaire, question: Question, value: Any, lang: str) -> str:
    """An answer value as the respondent reads it (:func:`maturity.labels.answer_words`, as the recommendations
    and the sheet say it)."""
    return answer_words(q, question, value, lang)


def merge_multi(previous: list[str] | str | None, selected: list[str]) -> list[str] | str | None:
    """A multi answer from a multiselect that also offers "unknown" / "na".

    A special value chosen just now (alone) replaces everything; choosing a real option after a
    special value drops the special value. Returns None when nothing is chosen.
    """
    prev = previous if isinstance(previous, list) else ([previous] if isinstance(previous, str) else [])
    added = [v for v in selected if v not in prev]
    if len(added) == 1 and added[0] in SPECIALS:
        return added[0]
    real = [v for v in selected if v not in SPECIALS]
    if real:
        return real
    specials = [v for v in selected if v in SPECIALS]
    return specials[-1] if specials else None


# A multi question's option that says none of the others is in place (« Aucune : l'essentiel se fait sur
# papier », « Rien de plus que l'affichage prévu par la loi ») excludes them, as "unknown" does: Gesves's
# échevine ticked it, then the two practices she does have, and was told to start the first of them.
# An answer saved before holding it beside others shows and reads as those others (the core's rule).
NONE_OPTION = NONE


def toggle_option(stored: Any, option: str, checked: bool) -> list[str] | str | None:
    """A multi answer after one box was ticked or unticked, applied to the answer as stored (not to
    what one tab showed), so that boxes ticked elsewhere stay. "unknown" / "na" replace the options;
    an option replaces a special value; the option "none" replaces the others and another option
    replaces it; the order of choice is kept."""
    if option in SPECIALS:
        return option if checked else (None if stored == option else stored)
    prev = [v for v in effective_answer(stored) if isinstance(v, str)] if isinstance(stored, list) else []
    if checked and option not in prev:
        prev = [] if option == NONE_OPTION else [v for v in prev if v != NONE_OPTION]
        prev.append(option)
    if not checked:
        prev = [v for v in prev if v != option]
    return prev or None


def multi_widget_value(value: Any) -> list[str]:
    """The boxes ticked for a stored multi answer: « Aucune » saved beside other options (before it became
    exclusive) is not ticked, as the core reads such an answer (:func:`maturity.special.effective_answer`)."""
    value = effective_answer(value)
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    if value in SPECIALS:
        return [value]
    return []


# --- answers files ------------------------------------------------------------------------------


def document_of(draft: Mapping[str, Any] | None, q: Questionnaire) -> AnswersFile:
    """An AnswersFile from the stored draft (a contract §2 document), its free texts as typed text is kept
    (:func:`maturity.answers.typed_texts`): a draft saved before they were kept so may hold a control character
    or a right-to-left override, which the note field, the meeting and the roadmap's grid showed as stored."""
    if not draft:
        return AnswersFile.new(q)
    try:
        return typed_texts(answers_from_dict(dict(draft), "<draft>"))
    except InvalidInput:
        doc = AnswersFile.new(q)
        doc.answers = dict(draft.get("answers") or {})
        doc.notes = {k: v for k, v in (draft.get("notes") or {}).items() if isinstance(v, str)}
        return typed_texts(doc)


def read_upload(raw: bytes, name: str, q: Questionnaire, current_nis: str | None, lang: str = "en"
                ) -> tuple[AnswersFile, list[Problem]]:
    """Read an uploaded answers file. Raises :class:`UploadRefused` naming every problem, and what they
    mean in plain words (an unexpected failure is logged once and reported as an unreadable file); changes
    nothing."""
    try:
        return _read_upload(raw, name, q, current_nis, lang)
    except InvalidInput as exc:
        lead = tr("upload_lead_not_answers", lang) if isinstance(exc, _NotAnswersFile) else _plain_lead(
            exc.problems, q, lang)
        raise UploadRefused(list(exc.problems), lead) from None
    except Exception:  # never a traceback for the user; the cause goes to the log, once
        log.exception("upload %r could not be read", str(name)[:80])
        raise InvalidInput([Problem(tr("upload_unreadable", lang), file=name)]) from None


@dataclass
class UploadRefused(InvalidInput):
    """An upload's problems (the core's: the place in the file, in the command line's English) and what
    they mean in plain words, in the page's language (``lead``; None when the problems say it already)."""

    lead: str | None = None


class _NotAnswersFile(InvalidInput):
    """The file could not be read as an answers file at all (not UTF-8, not JSON, not an object, no
    questionnaire...)."""


def _plain_lead(problems: list[Problem], q: Questionnaire, lang: str) -> str | None:
    """What a refusal means in plain words, in the page's language, before the details (the core's
    problems name the place in the file, in the command line's English): the file is no answers file,
    answers another questionnaire, or holds answers this questionnaire does not have."""
    paths = [p.path for p in problems]
    if any(path.startswith("questionnaire") for path in paths):
        key = "upload_lead_questionnaire"
    elif any(path.startswith(("answers", "notes", "targets", "plan")) for path in paths):
        key = "upload_lead_answers"
    else:
        return None
    return tr(key, lang, title=q.t(q.title, lang))


# An answers uploader's own limit, in the megabytes it counts (1,000,000 bytes each, in the browser): the least that
# takes every file the core reads (answers.MAX_BYTES, 1,048,576 bytes), 2. At 1 (server.maxUploadSize), the
# browser refused a file of 1,019,044 bytes the command line read (hostile review 11); between 1,048,576 bytes and
# 2 MB, the app refuses it in its own words, the size as a reader says it (« 1,1 Mo ; … au plus 1 Mo »).
UPLOAD_MB = -(-MAX_BYTES // 1_000_000)


def upload_limit(lang: str) -> str:
    """The answers file's limit as a page says it: « 1 Mo », « 1 MB »."""
    return format_megabytes(MAX_BYTES, lang)


def _read_upload(raw: bytes, name: str, q: Questionnaire, current_nis: str | None, lang: str
                 ) -> tuple[AnswersFile, list[Problem]]:
    if len(raw) > MAX_BYTES:
        raise InvalidInput([Problem(tr("upload_too_big", lang, size=format_megabytes(len(raw), lang),
                                       limit=upload_limit(lang)), file=name)])
    try:
        doc, problems = parse_answers_json(raw, name), []
    except AnswersProblems as exc:  # readable despite e.g. a wrong NIS code: check the answers too
        doc, problems = exc.document, list(exc.problems)
    except InvalidInput as exc:  # not an answers file at all: said first (read_upload), then where it stopped
        raise _NotAnswersFile(list(exc.problems)) from None
    if current_nis and communes.get(doc.nis_code) is not None and doc.nis_code != current_nis:
        problems.append(Problem(tr("upload_other_commune", lang, file=commune_name(doc.nis_code, lang=lang), nis=doc.nis_code,
                                   here=commune_name(current_nis, lang=lang), here_nis=current_nis), "commune.nis_code", name))
    try:
        warnings = check_answers(doc, q, name)
    except InvalidInput as exc:
        raise InvalidInput(problems + exc.problems) from None
    if problems:
        raise InvalidInput(problems)
    return typed_texts(doc), warnings  # its texts kept as typed text is: no control character, no bidi override


def keep_commune(doc: AnswersFile, current: Mapping[str, Any] | None) -> AnswersFile:
    """The commune of an uploaded document as it will be stored: a file without a NIS code cannot
    rename the space's commune (it keeps the space's), and a known NIS code gets its official name."""
    if not doc.nis_code:
        doc.commune = dict(current or {})
    known = communes.get(doc.nis_code)
    if known is not None:
        doc.commune = {**doc.commune, "nis_code": known.nis_code, "name": known.name_fr}
    return doc


MAX_PROBLEMS_SHOWN = 50


def problem_lines(problems: list[Problem], lang: str = "fr", limit: int = MAX_PROBLEMS_SHOWN,
                  q: Questionnaire | None = None) -> list[str]:
    """The problems as lines for st.error/st.warning (Markdown): keys and values from the file are escaped,
    so that ``[x](javascript:...)`` or ``<b>`` in an uploaded file shows as typed, never as a link.
    A problem the page has words for (its ``code``) is said in ``lang`` after its place; the others in the
    command line's English. At most ``limit`` lines, then "and N more". With ``q``, a place that is one of its
    questions' answer or note is said with the question's words too (:func:`problem_place`)."""
    lines = [escape_markdown(problem_said(p, lang, q)) for p in problems[:limit]]
    if len(problems) > limit:
        lines.append(tr("problems_more", lang, n=len(problems) - limit))
    return lines


def problem_said(problem: Problem, lang: str, q: Questionnaire | None = None) -> str:
    """A problem as a page says it: its place, then what it is in ``lang`` when the page's catalog has words
    for its code (``problem_<code>``), else as the command line says it (English)."""
    key = f"problem_{problem.code}"
    place = problem_place(problem, lang, q)
    if not problem.code or key not in TEXTS:
        said = str(problem)  # the command line's words ("warning: " first for a warning)
        return said if place == problem.place else said.replace(problem.place, place, 1)
    message = tr(key, lang, **problem_values(problem, lang))
    return tr("label_value", lang, label=place, value=message) if place else message


_QUESTION_PLACE = re.compile(r"(?:answers|notes)\.([A-Za-z0-9_-]+)(?:\[\d+\])?")
_TARGET_PLACE = re.compile(r"targets\.([A-Za-z0-9_-]+)(?:\.[a-z_]+)?")
QUESTION_SHOWN = 70  # characters of a question's words beside the place of its answer in a refusal


def problem_place(problem: Problem, lang: str, q: Questionnaire | None = None) -> str:
    """Where a problem is, as a page says it: the file's place (``réponses.json: answers.gov_strategy``), and when
    that is the answer or the note of one of ``q``'s questions, the question's words after it, which a commune
    official knows where the id means nothing to them (« … : answers.gov_strategy (« La commune a-t-elle… ») »);
    a target of one of its dimensions, the dimension's name (« targets.mobility.level (« Smart Mobility – … ») »)."""
    place = problem.place
    if q is None or not problem.path:
        return place
    found = _QUESTION_PLACE.fullmatch(problem.path)
    entry = q.question_index.get(found[1]) if found else None
    if entry is not None:
        return f"{place} ({quoted(cut(q.t(entry[1].text, lang), QUESTION_SHOWN), lang)})"
    found = _TARGET_PLACE.fullmatch(problem.path)  # a target's level or year: its dimension by its name
    section = next((s for s in q.dimensions if s.id == found[1]), None) if found else None
    return place if section is None else f"{place} ({quoted(q.t(section.label, lang), lang)})"


def problem_values(problem: Problem, lang: str) -> dict[str, str]:
    """A problem's values as its page's text says them: a size in bytes (``size_bytes``) as « 1,1 Mo » (``size``),
    a bound (``max``, ``min``) and a number refused beside it (``value`` of ``value_below``, ``value_above``) as a
    number of the page's language (« 5 000 », « -3,5 »), a list of ids (``options``) as its labels in the page's
    language with their ids (``options_<lang>``: « Rien » (none), …); the others as the file gave them."""
    out: dict[str, str] = {}
    params = dict(problem.params)
    for name, value in problem.params:
        if name.startswith("options_"):  # the options said in each language: the page's in place of the ids
            continue
        if name == "options" and f"options_{lang}" in params:
            out[name] = params[f"options_{lang}"]
        elif name.endswith("_bytes") and value.isdigit():
            out[name.removesuffix("_bytes")] = format_megabytes(int(value), lang)
        elif name in ("max", "min") or (name == "value" and problem.code in ("value_below", "value_above")):
            try:
                out[name] = format_number(float(value), lang, 3, trim=True)
            except ValueError:
                out[name] = value
        else:
            out[name] = value
    return out


def answers_json_bytes(doc: AnswersFile) -> bytes:
    return doc.to_json().encode("utf-8")


# --- CSV ---------------------------------------------------------------------------------------

def csv_safe(value: Any) -> Any:
    """A cell a spreadsheet will not run (text: :func:`maturity.cells.spreadsheet_text`); numbers as they are."""
    from maturity.cells import spreadsheet_text

    return spreadsheet_text(value) if isinstance(value, str) else value


def scores_csv(q: Questionnaire, assessment: Assessment, lang: str, commune: str = "") -> bytes:
    """The scores per dimension (and the overall), one row each; text cells neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";" if lang in ("fr", "de") else ",", lineterminator="\r\n")
    writer.writerow([tr("col_commune", lang), "dimension_id", tr("col_dimension", lang), tr("col_score", lang),
                     tr("col_level", lang), tr("col_coverage", lang), tr("col_na", lang)])
    for section in q.dimensions:
        d = assessment.dimensions[section.id]
        level = q.level(d.level)
        writer.writerow([csv_safe(commune), section.id, csv_safe(q.t(section.label, lang)),
                         "" if d.score is None else format_number(d.score, lang),
                         csv_safe(q.t(level.label, lang)) if level else tr("insufficient_short", lang),
                         format_percent(d.coverage, lang), d.na_count])
    writer.writerow([csv_safe(commune), "overall", csv_safe(tr("overall_metric", lang)),
                     "" if assessment.overall is None else format_number(assessment.overall, lang), "", "", ""])
    return ("\ufeff" + buf.getvalue()).encode("utf-8", "replace")  # a lone surrogate from a JSON escape


# --- results -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SeriesInfo:
    """One comparison series with what every shown number must carry (contract §5)."""

    name: str
    scores: dict[str, float | None]
    kind: str  # commune | previous | pooled | peer | estimate
    kind_label: str
    source: str
    year: str
    n: int | None
    note: str = ""
    band: dict[str, tuple[float, float]] | None = None  # a campaign estimate's 95 % interval per dimension
    short: str = ""  # the results table's column header ("Wallonie", "Provinz"); the name says it in full
    url: str = ""  # where its figures are published (an imported campaign's address): the sheet's link

    @property
    def column(self) -> str:
        return self.short or self.name


def this_year() -> str:
    """The year of a series made of this assessment's answers (the commune's, a colleague's): answers being
    given now (a "—" there read as a figure without a date)."""
    import datetime as dt

    return str(dt.date.today().year)


def commune_series(q: Questionnaire, assessment: Assessment, name: str, lang: str) -> SeriesInfo:
    """This assessment as a series: its year is this year (:func:`this_year`)."""
    return SeriesInfo(
        name=tr("series_commune", lang, name=name), scores=assessment.scores(), kind="commune",
        kind_label=tr("kind_commune", lang), source=name, year=this_year(), n=1,
        note=tr("series_note_commune", lang), short=tr("short_commune", lang))


def previous_series(snapshot: Any, lang: str) -> SeriesInfo | None:
    """The previous submitted assessment as a series (None when it holds no scores)."""
    from maturity.display import format_date

    assessment = getattr(snapshot, "assessment", None) or {}
    dims = assessment.get("dimensions") if isinstance(assessment, dict) else None
    if not isinstance(dims, dict):
        return None
    scores = {k: (v.get("score") if isinstance(v, dict) else None) for k, v in dims.items()}
    when = format_date(snapshot.submitted_at, lang)
    return SeriesInfo(
        name=tr("series_previous", lang, date=when), scores=scores, kind="previous",
        kind_label=tr("kind_previous", lang), source=tr("series_note_previous", lang, date=when),
        year=str(snapshot.submitted_at.year), n=1, note=tr("series_note_previous", lang, date=when),
        short=tr("short_previous", lang))


def column_labels(series: list[SeriesInfo]) -> list[str]:
    """Each series' header in the results table: its short label ("Wallonie", "Provinz", "Vorher"), short
    words that fit a phone's column without breaking; the full name where two short labels would be alike.
    :func:`series_rows` says, under the table, what each header stands for."""
    shorts = [s.column for s in series]
    return [s.column if shorts.count(s.column) == 1 else s.name for s in series]


def score_table(q: Questionnaire, series: list[SeriesInfo], assessment: Assessment, lang: str
                ) -> list[dict[str, str]]:
    """The radar's numbers as rows (one per dimension, one column per series), for screen readers. The
    series' columns carry short headers (:func:`column_labels`), explained in :func:`series_rows`. A
    campaign's estimate comes with its 95 % interval, "50 (41–60)": the band the radar draws, in numbers."""
    rows = []
    labels = column_labels(series)
    for section in q.dimensions:
        d = assessment.dimensions[section.id]
        level = q.level(d.level)
        row = {tr("col_dimension", lang): q.t(section.label, lang)}
        for s, label in zip(series, labels, strict=True):
            value = s.scores.get(section.id)
            text = (tr("insufficient_short", lang) if value is None
                    else whole_range(format_estimate(value, (s.band or {}).get(section.id), lang)))
            row[escape_markdown(label)] = text
        row[tr("col_level", lang)] = q.t(level.label, lang) if level else tr("insufficient_short", lang)
        row[tr("col_coverage", lang)] = format_percent(d.coverage, lang)
        row[tr("col_na", lang)] = str(d.na_count)
        rows.append(row)
    return rows


def series_rows(series: list[SeriesInfo], lang: str) -> list[dict[str, str]]:
    """What each column of the results table stands for: the series' full name, kind, source, year and n
    (shown under the table and next to the chart). Names, headers and sources are escaped: a colleague's
    role and an imported campaign's title are typed text, and the table reads Markdown."""
    return [{tr("col_column", lang): escape_markdown(label), tr("col_series", lang): escape_markdown(s.name),
             tr("col_kind", lang): s.kind_label, tr("col_source", lang): escape_markdown(s.source),
             tr("col_year", lang): s.year or "—",
             tr("col_n", lang): "—" if s.n is None else str(s.n)}
            for s, label in zip(series, column_labels(series), strict=True)]


def contribution_rows(q: Questionnaire, assessment: Assessment, dimension_id: str, answers: Mapping[str, Any],
                      lang: str) -> list[dict[str, str]]:
    """"Why this score": each question of the dimension with its answer, value, weight and points, then
    the total. The points are whole numbers that add up to the score shown (largest remainder)."""
    dim = assessment.dimensions[dimension_id]
    contributions = [c for c in dim.contributions if q.question(c.question) is not None]
    points = round_parts([c.contribution for c in contributions])
    rows = []
    for c, pts in zip(contributions, points, strict=True):
        question = q.question(c.question)
        rows.append({
            tr("col_question", lang): q.t(question.text, lang),
            tr("col_answer", lang): value_label(q, question, answers.get(c.question), lang),
            tr("col_value", lang): "—" if c.v is None else format_number(c.v, lang, 2),
            tr("col_weight", lang): format_number(c.weight, lang, 1, trim=True),
            tr("col_points", lang): "—" if pts is None else format_number(pts, lang),
        })
    if dim.score is not None:
        rows.append({
            tr("col_question", lang): tr("why_total", lang),
            tr("col_answer", lang): "", tr("col_value", lang): "", tr("col_weight", lang): "",
            tr("col_points", lang): format_number(dim.score, lang),
        })
    return rows


def obstacle_figure(q: Questionnaire, question: Question, sets: list[Any]) -> Any:
    """The barometer figure an obstacle mirrors (its ``benchmark``, else a figure naming it), or None."""
    if not sets:
        return None
    from maturity.benchmarks import find_figure

    if question.benchmark:
        ref = find_figure(sets, question.benchmark)
        if ref is not None:
            return ref
    for bset in sorted(sets, key=lambda b: -b.year):
        for fig in bset.figures:
            if getattr(fig, "question", None) == question.id:
                return find_figure([bset], fig.id)
    return None


def figure_text(ref: Any, lang: str, cite: bool = True, rank_key: str | None = None) -> str:
    """A benchmark figure with its kind, source, year and n (contract §5): "50 % (Baromètre …, n = 113)".
    ``cite=False`` leaves out the parenthesis, for a list that says it once (:func:`citation_note`);
    ``rank_key``: the words that say what a rank counts ("3e frein le plus cité"), never a bare "3e"."""
    value = ref.formatted(lang)
    if rank_key and ref.figure.unit == "rank":
        value = tr(rank_key, lang, rank=value)
    # a rank ("3.", German) opening a table cell would be read as a numbered list: the one escaper's rule
    value = escape_markdown(value)
    text = f"{value} — {ref.label(lang)}"
    return f"{text} ({ref.cite(lang)})" if cite else text


def quoted_list(items: list[str], lang: str) -> str:
    """Names in the language's quotation marks (:func:`maturity.typography.quoted`), joined as a sentence says
    them: « A », « B » et « C »."""
    lang = lang if lang in LANGS else "fr"
    return join_and([quoted(escape_markdown(item), lang) for item in items], lang)


def commune_in_text(name: str, lang: str) -> dict[str, str]:
    """A commune's name for a text that says « la réponse {fr_de}**{commune}** »: in French, the « de » before
    it as French writes it (:func:`maturity.typography.french_de`: « d'Arlon », « du Roeulx »), German and
    English the name alone; escaped for the page's Markdown."""
    from maturity.typography import french_de

    prefix, shown = french_de(name) if lang == "fr" else ("", name)
    return {"fr_de": prefix, "commune": escape_markdown(shown)}


def citation_note(cites: list[str], lang: str) -> str:
    """The study, kind and n of a list's figures, said once under it (in the order first met)."""
    unique = list(dict.fromkeys(c for c in cites if c))
    return tr("figures_source", lang, cites=semicolons(unique, lang)) if unique else ""


def comparison_groups(found: list[Any], lang: str) -> list[tuple[str, list[str]]]:
    """The barometer sentences in the core's reading order (the sheet's: the profile, then the obstacles;
    :data:`maturity.benchmarks.READING_ORDER`), the consecutive ones citing the same study in one group, each
    without its long "(study, kind, n)" parenthesis: the page says it once per group; each says the earlier
    editions' figures when the barometer published them (2018, 2020), and an imported campaign's estimate of
    the same figure, whose study, kind and n the group's source then names after the barometer's."""
    groups: list[tuple[str, list[str], dict[str, None]]] = []  # (cite, sentences, the campaign's cites)
    for c in found:
        cite = c.figure.cite(lang)
        text = c.text.replace(f" ({cite})", "").replace(f"({cite})", "").strip()
        if not groups or groups[-1][0] != cite:
            groups.append((cite, [], {}))
        groups[-1][1].append(c.with_trend(text))
        if c.campaign is not None:
            groups[-1][2][c.campaign.cite(lang)] = None
    return [(semicolons([cite, *campaigns], lang), texts) for cite, texts, campaigns in groups]


def obstacle_rows(q: Questionnaire, assessment: Assessment, answers: Mapping[str, Any], lang: str,
                  sets: list[Any] | None = None, cite: bool = True, campaign: Any = None) -> list[dict[str, str]]:
    """Each obstacle: the commune's rating next to the barometer's figure for it (``cite=False``: without
    the study's parenthesis, said once under the table with :func:`obstacle_cites`); with an imported
    ``campaign`` (a ``CampaignReference``), also the share of the communes that cite it by its estimate,
    "47 % (33–61 %)" (:func:`campaign_obstacles_note` says where it comes from)."""
    rows = []
    for question in q.obstacles:
        ref = obstacle_figure(q, question, sets or [])
        row = {
            tr("col_obstacle", lang): q.t(question.short or question.text, lang),  # « Budget », as the sheet names it
            tr("col_severity", lang): value_label(q, question, answers.get(question.id), lang),
            tr("col_barometer", lang): figure_text(ref, lang, cite, rank_key="barometer_rank") if ref is not None
            else tr("no_figure", lang),
        }
        if campaign is not None:
            share = campaign.obstacle_text(question.id, lang)  # its interval kept whole in a narrow column
            row[tr("col_campaign_cites", lang, year=campaign.year)] = (
                whole_range(share) if share else tr("no_figure", lang))
        rows.append(row)
    return rows


def campaign_obstacles_note(campaign: Any, lang: str) -> str:
    """Under the obstacles table: where the campaign's column comes from and what its brackets mean."""
    covered = campaign.coverage(lang)  # no commune of a province answered: not "for all communes"
    return tr("campaign_obstacles_note_without" if covered else "campaign_obstacles_note", lang,
              title=escape_markdown(campaign.title(lang)), n=format_number(campaign.n, lang),
              N=format_number(campaign.N, lang), coverage=covered).rstrip() + campaign_link(campaign, lang)


def campaign_link(campaign: Any, lang: str) -> str:
    """After a campaign's source note (Markdown): " Publication : [example.org/baro-2026](…)", the address its
    coordinator published the figures at, as the sheet's sources give it; "" when the file gives none that is
    a plain http(s) address. The address is shown as typed and the link made by the one Markdown escaper."""
    from maturity.markdown import link
    from maturity.weblinks import shown_address

    shown = shown_address(campaign.url) if campaign is not None else ""
    return " " + tr("campaign_published_at", lang, link=link(shown, campaign.url)) if shown else ""


def obstacle_cites(q: Questionnaire, sets: list[Any] | None, lang: str) -> list[str]:
    return [ref.cite(lang) for ref in (obstacle_figure(q, qu, sets or []) for qu in q.obstacles) if ref is not None]


def pooled_series(q: Questionnaire, pool_rows: list[dict[str, Any]], nis_code: str | None, lang: str,
                  campaigns: Any = ()) -> tuple[list[SeriesInfo], str | None]:
    """The regional and peer-group series by THE rule (:func:`maturity.aggregates.choose_reference`): an
    imported campaign's estimate is the Walloon series, with its 95 % interval; the open pool (groups of 5
    communes or more) is labelled unverified and used only where no campaign figure exists. Also the text
    shown under the radar and on the sheet: where the campaign's numbers come from, the pool's caveat, or
    why there is no regional series. ``campaigns``: the imported references (``CampaignReference``)."""
    from maturity import pool
    from maturity.aggregates import choose_reference

    ref = pool.pooled_reference(pool_rows, [d.id for d in q.dimensions])
    choice = choose_reference(campaigns, ref, nis_code, lang)
    out = []
    for s in choice.series:
        if s.origin == "campaign" and choice.campaign is not None:
            c = choice.campaign
            n = c.n if s.group == "wallonia" else c.group_n(s.group)[0]
            year = str(c.year)  # the year the campaign is named by, as its column and sentences say
            out.append(SeriesInfo(name=s.name, scores=s.scores, kind=s.kind, kind_label=tr("kind_campaign", lang),
                                  source=c.title(lang), year=year, n=n, note=s.note, band=s.band or None,
                                  short=group_short(s.group, lang), url=s.url))
            continue
        kind, _, key = s.group.partition(":")
        group = ref.wallonia if s.group == "wallonia" else (
            ref.provinces if kind == "province" else ref.population_classes).get(key)
        out.append(SeriesInfo(name=s.name, scores=s.scores, kind=s.kind, kind_label=tr("kind_pooled_unverified", lang),
                              source=group.source(lang) if group else "", year=str(getattr(group, "year", "") or ""),
                              n=getattr(group, "n", None), note=s.note, short=group_short(s.group, lang)))
    # under the radar, plain words: what the band means, never the estimator's formula (docs/benchmarks.md);
    # shown as Markdown, and the campaign's title and publisher come from an imported file: escaped
    if choice.origin == "campaign" and choice.wallonia is not None:
        return out, escape_markdown(choice.plain_source(lang) + _unpublished_groups(choice, nis_code, lang)) \
            + campaign_link(choice.campaign, lang)
    return out, None if choice.note is None else escape_markdown(choice.note)


def _unpublished_groups(choice: Any, nis_code: str | None, lang: str) -> str:
    """" Sans chiffre publié par la campagne : Communes de 20 000 à 49 999 habitants. …": the commune's province or
    size of commune that the campaign does not publish (and no open pool stands in for): the radar of Wavre had no
    « Même taille » line and nothing said why (fresh-eyes trial 11). "" when both have their line."""
    from maturity.communes import get as get_commune

    commune = get_commune(nis_code) if nis_code else None
    if commune is None:
        return ""
    shown = {s.group for s in choice.series}
    missing = [g for g in (f"province:{commune.province_nis}", f"population_class:{commune.population_class}")
               if g not in shown]
    if not missing:
        return ""
    return " " + tr("campaign_group_unpublished", lang,
                    groups=semicolons((choice.campaign.group_label(g, lang) for g in missing), lang))


def group_short(group: str, lang: str) -> str:
    """A reference group's header in the results table: "Wallonie", "Provinz", "Gleiche Größe"."""
    kind = group.partition(":")[0]
    key = {"wallonia": "short_wallonia", "province": "short_province", "population_class": "short_size"}.get(kind)
    return tr(key, lang) if key else ""


def json_text(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def change_rows(q: Questionnaire, previous: Any, doc: AnswersFile, assessment: Assessment, lang: str
                ) -> tuple[list[dict[str, str]], int, bool]:
    """What changed since ``previous`` (a stored snapshot): one row per dimension (before, now,
    change, levels), the number of answers that differ, and whether the versions are the same."""
    from maturity.changes import what_changed

    changes = what_changed(q, getattr(previous, "document", None) or {}, getattr(previous, "assessment", None) or {},
                           doc.to_dict(), assessment.to_json())
    rows = []
    for change in changes.dimensions:
        section = next(s for s in q.dimensions if s.id == change.dimension)
        before_level, now_level = q.level(change.level_before), q.level(change.level_after)
        delta = change.delta
        rows.append({
            tr("col_dimension", lang): q.t(section.label, lang),
            tr("col_before", lang): format_number(change.before, lang)
            + (f" ({q.t(before_level.label, lang)})" if before_level else ""),
            tr("col_now", lang): format_number(change.after, lang)
            + (f" ({q.t(now_level.label, lang)})" if now_level else ""),
            tr("col_change", lang): "—" if delta is None else _signed(round_int(change.after) - round_int(change.before)),
        })
    return rows, len(changes.answers), changes.same_version


def _signed(delta: int) -> str:
    return f"+{delta}" if delta > 0 else f"−{-delta}" if delta < 0 else "±0"


def previous_for(history: list[Any], answers: Mapping[str, Any]) -> Any | None:
    """The submitted assessment to compare the current answers with: the latest one, unless it holds
    exactly these answers (just submitted), then the one before."""
    if not history:
        return None
    latest = history[-1]
    doc = getattr(latest, "document", None) or {}
    if isinstance(doc, dict) and doc.get("answers") == dict(answers):
        return history[-2] if len(history) >= 2 else None
    return latest


def radar_series(series: list[SeriesInfo]) -> list[Any]:
    """The shared chart's series (maturity.charts.RadarSeries), named with kind, source and n."""
    from maturity.charts import RadarSeries

    return [RadarSeries(name=s.name, scores=s.scores, kind=s.kind, note=s.note, band=s.band) for s in series]


def sheet_kwargs(q: Questionnaire, series: list[SeriesInfo], previous: Any | None, lang: str,
                 campaigns: Any = ()) -> dict[str, Any]:
    """What the sheet builder needs beyond the answers: the same comparison series as the radar, and the
    imported campaign (``campaigns``: the references) for its obstacles column, as on the results page."""
    from maturity.aggregates import latest_campaign
    from maturity.charts import RadarSeries
    from maturity.scoring import score
    from maturity.sheet.references import comparison_kwargs

    # the regional line, then the province and the same size, as on the radar (`maturity sheet --reference`
    # makes the same keywords from a campaign's file: maturity.sheet.references)
    lines = [RadarSeries(name=s.name, scores=s.scores, kind=s.kind, note=s.note, band=s.band, short=s.column,
                         url=s.url) for s in series if s.kind in ("pooled", "peer")]
    kwargs = comparison_kwargs(lines, latest_campaign(campaigns))
    if previous is not None:
        answers = (getattr(previous, "document", None) or {}).get("answers")
        if isinstance(answers, dict):
            kwargs["previous"] = score(q, answers)
            prev = previous_series(previous, lang)
            kwargs["previous_label"] = prev.name if prev else None
    return kwargs


FILE_KINDS = {
    # kind -> (word key, extension)
    "pdf": ("file_sheet", "pdf"), "docx": ("file_sheet", "docx"), "md": ("file_sheet", "md"),
    "pst": ("file_pst", "csv"), "scores": ("file_scores", "csv"), "answers": ("file_answers", "json"),
    "everything": ("file_everything", "json"), "pool": ("file_pool", "csv"),
}


def download_name(kind: str, lang: str, commune: str | None = None) -> str:
    """The name of a downloaded file, in the page's language: ``smart-city-namur-fiche.pdf``,
    ``smart-city-butgenbach-antworten.json``, ``smart-city-namur-answers.json`` (ASCII only)."""
    word_key, ext = FILE_KINDS[kind]
    name = re.sub(r"\s*\(.*?\)", "", commune or "").strip()  # "Bütgenbach (Butgenbach)": the first name once
    parts = ["smart-city"] + ([safe_filename(name)] if name else []) + [safe_filename(tr(word_key, lang))]
    return "-".join(parts) + "." + ext


def safe_filename(text: str) -> str:
    import unicodedata

    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", folded).strip("-").lower() or "commune"


def barometer_rows(sets: list[Any], lang: str) -> list[dict[str, str]]:
    """Every published figure of the barometers, with kind, source, year and n (newest edition first)."""
    from maturity.benchmarks import FigureRef

    rows = []
    for bset in sorted(sets, key=lambda b: -b.year):
        for fig in bset.figures:
            ref = FigureRef(fig, bset)
            rows.append({
                tr("col_figure", lang): ref.label(lang),
                tr("col_figure_value", lang): ref.formatted(lang),
                tr("col_kind", lang): ref.kind_text(lang),  # the core's words, as the sheet's sources say it
                tr("col_source", lang): ref.source.name(lang),
                tr("col_year", lang): str(ref.year),
                tr("col_n", lang): ref.n_text(lang),
                tr("col_note", lang): localize(fig.note, lang) if fig.note else "",
            })
    return rows


def pool_table(q: Questionnaire, pool_rows: list[dict[str, Any]], lang: str) -> list[dict[str, str]]:
    """The pooled means per group (Wallonia, provinces, population classes), groups of 5 or more only."""
    from maturity import pool

    ref = pool.pooled_reference(pool_rows, [d.id for d in q.dimensions])
    rows = []
    for group in ref.groups():
        if group.suppressed:
            continue
        row = {tr("col_group", lang): group.label(lang), tr("col_n", lang): str(group.n)}
        for section in q.dimensions:
            stats = group.dimensions.get(section.id)
            row[q.t(section.label, lang)] = "—" if stats is None or stats.suppressed else format_number(stats.mean, lang)
        row[tr("col_source", lang)] = group.source(lang)
        rows.append(row)
    return rows


def pool_held(pool_rows: Any, lang: str) -> str | None:
    """Under the pooled means: the groups hidden since a withdrawal or an erasure, and why (None when none)."""
    from maturity import pool, poolrelease

    held = sorted(getattr(pool_rows, "held", ()), key=poolrelease.in_order)
    if not held:
        return None
    return tr("wal_pool_held", lang, groups=quoted_list([pool.group_label(k, lang) for k in held], lang))


def whole_range(text: str) -> str:
    """An estimate's interval kept whole in a page's table: a narrow column broke "50 (41–60)" after its
    dash ("(41–" / "60)", at 390 px and on a desktop too); word joiners around the dash, which a screen
    reader does not read, so it wraps as "50" / "(41–60)". For the browser only (a PDF's fonts may lack
    the joiner)."""
    return text.replace("–", "\u2060–\u2060")


def campaign_table(q: Questionnaire, ref: Any, lang: str) -> list[dict[str, str]]:
    """An imported campaign's published estimates (a ``CampaignReference``), one row per group (Wallonia,
    provinces, population classes: only what the file publishes, groups of 5 communes or more): n of N,
    then each dimension's estimate with its 95 % interval, "50 (47–54)"."""
    rows = []
    for group in ref.groups():
        scores, band = ref.scores(group), ref.band(group)
        low, high, big_n = ref.group_n_range(group)
        # each dimension's n (its respondents it could score): "6 à 14 sur 261" where they differ, as the radar's
        # line says n = 14 (the campaign's respondents) and the page said « 6 sur 261 » (fresh-eyes trial 7)
        n = format_number(low or 0, lang) if low == high else tr("n_range", lang, low=format_number(low or 0, lang),
                                                                 high=format_number(high or 0, lang))
        row = {tr("col_group", lang): ref.group_label(group, lang),
               tr("col_n", lang): tr("n_of", lang, n=n, N=format_number(big_n or 0, lang))}
        for section in q.dimensions:
            row[q.t(section.label, lang)] = whole_range(format_estimate(scores.get(section.id), band.get(section.id),
                                                                        lang))
        rows.append(row)
    return rows


def campaign_unpublished(ref: Any, lang: str) -> str:
    """Under the campaign's table: the provinces it does not publish and why ("" when it publishes all
    five): an échevine of Vielsalm found no line for Luxembourg, with one respondent, nor for Namur, hidden
    with it, and no word why (fresh-eyes trial)."""
    from babel.lists import format_list

    from maturity.communes import province_name
    from maturity.display import locale

    hidden, covered = ref.unpublished_provinces(), ref.coverage(lang)  # covered: a province with no respondent
    covered = f"{covered} {ref.classes_coverage(lang)}".strip()  # the size classes' figures cover them alone too
    if not hidden:
        return covered
    listed = format_list([province_name(nis, lang) for nis in hidden], locale=locale(lang))
    return f"{covered} {tr('wal_campaign_unpublished', lang, provinces=listed)}".strip()


def campaign_note(ref: Any, lang: str) -> str:
    """Under the campaign's table: what a cell says, and where the numbers come from (title, publisher,
    date, licence; typed text from an imported file, escaped)."""
    from maturity.display import format_date

    when = format_date(ref.date, lang) if ref.date else str(ref.set.year)
    # what « 6 à 14 » means, said with a range the table shows, and only when it shows one: an example range
    # under a table whose every n is one number read as a figure of the campaign (390 px, de)
    by_dimension = ""
    for group in ref.groups():
        low, high, _ = ref.group_n_range(group)
        if low != high:
            n_range = tr("n_range", lang, low=format_number(low or 0, lang), high=format_number(high or 0, lang))
            by_dimension = tr("wal_campaign_n_by_dimension", lang, n_range=n_range)
            break
    return tr("wal_campaign_note", lang, by_dimension=by_dimension, title=escape_markdown(ref.title(lang)),
              publisher=escape_markdown(ref.set.publisher or "—"), date=when,
              licence=escape_markdown(ref.set.licence or "CC BY 4.0")).rstrip() + campaign_link(ref, lang)


def shared_column(rows: list[dict[str, str]], column: str) -> tuple[list[dict[str, str]], str | None]:
    """The rows without ``column`` and its value, when every row has the same one (said once, under the
    table, rather than in every row); else the rows as they are and None."""
    values = {row.get(column) for row in rows}
    if len(rows) < 2 or len(values) != 1 or None in values:
        return rows, None
    return [{k: v for k, v in row.items() if k != column} for row in rows], values.pop()


def pool_csv(q: Questionnaire, pool_rows: list[dict[str, Any]]) -> bytes:
    """The admin's export: per group and dimension, n, mean, median, quartiles (groups of 5 or more). The open
    pool's rows (:class:`maturity.poolrelease.PublishedRows`) give no median nor quartile: their cells are empty,
    the columns kept (SECURITY.md)."""
    from maturity import pool

    ref = pool.pooled_reference(pool_rows, [d.id for d in q.dimensions])
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["group", "key", "dimension", "n", "mean", "median", "q1", "q3", "as_of", "kind"])
    for group in ref.groups():
        if group.suppressed:
            continue
        for dim_id, stats in group.dimensions.items():
            if stats.suppressed:
                continue
            writer.writerow([group.group, csv_safe(group.key), dim_id, stats.n,
                             *("" if v is None else str(round_half_up(v, 2)) for v in (stats.mean, stats.median, stats.q1, stats.q3)),
                             group.as_of.isoformat() if group.as_of else "", group.kind])
    return buf.getvalue().encode("utf-8")
