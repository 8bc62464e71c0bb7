"""Scoring many answer sets at once (campaign analytics, benches): the rules of contract §3 over a
question × answer-set matrix, with numpy.

``score_many(questionnaire, answer_sets)`` gives the same numbers as calling
:func:`maturity.scoring.score` on each set (to 1e-9: only the order of the floating-point sums
differs; the property tests compare them), without building one object per set. Each question's
answers are read once as a column; option values are looked up by the C implementation of
``map(dict.get, …)``; the weighted sums, coverage and the "insufficient answers" rules are array
operations. Conditions (``show_if``) are evaluated column by column in file order, as ``score``
does set by set.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain, compress, repeat
from typing import Any

import numpy as np

from .models import (
    NA,
    UNKNOWN,
    CondAll,
    CondAnswered,
    CondAny,
    CondEquals,
    CondIn,
    CondNot,
    Questionnaire,
    condition_questions,
)
from .scoring import EPS, INSUFFICIENT_APPLICABLE, INSUFFICIENT_COVERAGE, plan_for
from .special import effective_answer, none_beside_others

_NA_CODE = -1.0  # "na" in a column of option values (an option's v is never negative)


@dataclass(frozen=True)
class BatchScores:
    """Per answer set (rows) and dimension (columns, in ``dimension_ids`` order).

    ``scores``: NaN where the score is null ("insufficient answers"); ``reasons``: "" where there
    is a score, else ``"coverage"`` or ``"not_applicable"`` as in :class:`scoring.DimensionResult`.
    ``overall``: NaN where no dimension has a score. ``severity``: per obstacle (``obstacle_ids``),
    NaN where null or hidden; ``obstacle_shown``: whether the obstacle was shown.
    """

    dimension_ids: tuple[str, ...]
    scores: np.ndarray
    coverage: np.ndarray
    applicable: np.ndarray
    na_count: np.ndarray
    reasons: np.ndarray
    overall: np.ndarray
    obstacle_ids: tuple[str, ...]
    severity: np.ndarray
    obstacle_shown: np.ndarray

    def __len__(self) -> int:
        return int(self.scores.shape[0])


def _values(table: dict[Any, float], column: Sequence[Any]) -> np.ndarray:
    """``table[x]`` for each answer x of a column, NaN where x is no key (or cannot be one)."""
    try:
        return np.fromiter(map(table.get, column, repeat(np.nan)), dtype=float, count=len(column))
    except TypeError:  # an unhashable value (a list, a dict) where a choice was expected: no option
        return np.fromiter((table.get(x, np.nan) if isinstance(x, str) else np.nan for x in column),
                           dtype=float, count=len(column))


def _multi_value(values: dict[str, float], chosen: Any) -> float | None:
    if isinstance(chosen, list):
        return min(1.0, sum(values.get(a, 0.0) for a in chosen))
    return _NA_CODE if chosen == NA else None


def _multi_values(values: dict[str, float], column: Sequence[Any]) -> np.ndarray:
    """v of each multi answer: the chosen options' values, flattened and summed per answer with
    ``bincount`` (in the order ``score`` adds them); "na" as -1; anything else NaN."""
    n = len(column)
    is_list = np.fromiter(map(list.__instancecheck__, column), dtype=bool, count=n)
    chosen = list(compress(column, is_list))
    try:
        flat = np.fromiter(map(values.get, chain.from_iterable(chosen), repeat(0.0)), dtype=float)
        others = _values({NA: _NA_CODE}, list(compress(column, ~is_list)))
    except TypeError:  # an option that cannot be a key: each answer on its own, as score does
        return np.array([_multi_value(values, x) for x in column], dtype=float)
    rows = np.repeat(np.arange(len(chosen)), list(map(len, chosen)))
    out = np.empty(n)
    out[is_list] = np.minimum(1.0, np.bincount(rows, weights=flat, minlength=len(chosen)))
    out[~is_list] = others
    return out


def _is_answered(column: list[Any]) -> np.ndarray:
    return np.fromiter((x is not None and x not in (NA, UNKNOWN) and x != [] and x != "" for x in column),
                       dtype=bool, count=len(column))


_is_list = list.__instancecheck__  # in C: a column's lists found without a Python call per answer


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while answer sets are read into columns. Reading 100,000 sets makes
    millions of lists and tuples (a row per set, the columns, a new list per answer that holds « none »
    beside other options); each few hundred of them wake the collector, which then walks every object the
    process holds, the caller's answer sets included: about a third of the reading (issue 16). Nothing read
    here forms a cycle, and reference counting still frees every object at once. The collector's state is
    put back as it was, even when reading fails; a caller that paused it before keeps it paused."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


class _Columns:
    """The answers to the questions that matter, read in one pass over the sets (each set's dict is
    read while it is in the processor's cache), then turned into one column per question."""

    def __init__(self, sets: Sequence[Mapping[str, Any]], qids: list[str]) -> None:
        if set(map(type, sets)) <= {dict}:
            rows = [list(map(answers.get, qids)) for answers in sets]
        else:
            rows = [[answers.get(qid) for qid in qids] for answers in sets]
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in qids]
        # a multi answer holding « none » beside other options is those options (contract §2)
        columns = [tuple(map(effective_answer, col)) if any(map(none_beside_others, filter(_is_list, col))) else col
                   for col in columns]
        self._raw = dict(zip(qids, columns, strict=True))
        self.n = len(sets)

    def raw(self, qid: str) -> Sequence[Any]:
        col = self._raw.get(qid)
        return col if col is not None else (None,) * self.n


def _condition(cond: Any, columns: _Columns, shown: dict[str, np.ndarray], n: int) -> np.ndarray:
    if isinstance(cond, CondEquals | CondIn):
        wanted = {cond.equals} if isinstance(cond, CondEquals) else set(cond.in_)
        col = columns.raw(cond.question)
        visible = shown.get(cond.question, np.zeros(n, dtype=bool))

        def match(x: Any) -> bool:
            if isinstance(x, list):  # multi: one of the chosen options
                return any(v in wanted for v in x)
            try:
                return x in wanted
            except TypeError:  # an unhashable value is no option
                return False

        matches = np.fromiter(map(match, col), dtype=bool, count=n)
        # a hidden question counts as unanswered: its value is None
        none_matches = None in wanted
        return np.where(visible, matches, none_matches)
    if isinstance(cond, CondAnswered):
        visible = shown.get(cond.question, np.zeros(n, dtype=bool))
        return (visible & _is_answered(columns.raw(cond.question))) == cond.answered
    if isinstance(cond, CondAll):
        out = np.ones(n, dtype=bool)
        for c in cond.all:
            out &= _condition(c, columns, shown, n)
        return out
    if isinstance(cond, CondAny):
        out = np.zeros(n, dtype=bool)
        for c in cond.any:
            out |= _condition(c, columns, shown, n)
        return out
    if isinstance(cond, CondNot):
        return ~_condition(cond.not_, columns, shown, n)
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover - models forbid it


@dataclass(frozen=True)
class AnswerMatrix:
    """Answer sets as a question × answer-set matrix: everything scoring needs, nothing else.

    ``values[i, j]``: set i's answer to scored question ``item_ids[j]`` as its value v in [0, 1];
    ``NA_CODE`` (-1) for "na"; ``HIDDEN`` (-2) when its condition hides it; NaN when unanswered,
    "unknown" or not an option. ``severity[i, k]``: obstacle ``obstacle_ids[k]``'s severity (NaN when
    null or hidden), ``obstacle_shown[i, k]`` whether it is shown.
    """

    item_ids: tuple[str, ...]
    values: np.ndarray
    obstacle_ids: tuple[str, ...]
    severity: np.ndarray
    obstacle_shown: np.ndarray

    def __len__(self) -> int:
        return int(self.values.shape[0])


NA_CODE = _NA_CODE
HIDDEN = -2.0


def _shown(plan: Any, columns: _Columns, n: int) -> dict[str, np.ndarray]:
    """Which questions are shown, in file order (a condition sees only earlier questions' visibility)."""
    index = plan.questionnaire.question_index
    shown: dict[str, np.ndarray] = {}
    all_shown = np.ones(n, dtype=bool)
    for item in plan.items:
        cond = index[item.id][1].show_if
        shown[item.id] = all_shown if cond is None else _condition(cond, columns, shown, n)
    return shown


def visible_masks(questionnaire: Questionnaire, answer_sets: Sequence[Mapping[str, Any]]) -> dict[str, np.ndarray]:
    """Which questions are shown to each answer set: question id -> a boolean array over the sets,
    ``visible[qid][i] == (qid in scoring.visible_questions(questionnaire, answer_sets[i]))``.
    Conditions are evaluated column by column in file order; a question without one is shown to all
    (its array may be shared with other such questions: do not write into it)."""
    plan = plan_for(questionnaire)
    sets = answer_sets if isinstance(answer_sets, list) else list(answer_sets)
    index = questionnaire.question_index
    needed: set[str] = set()
    for item in plan.items:
        cond = index[item.id][1].show_if
        if cond is not None:
            needed |= condition_questions(cond)
    columns = _Columns(sets, [qid for qid in index if qid in needed])
    return _shown(plan, columns, len(sets))


def encode(questionnaire: Questionnaire, answer_sets: Sequence[Mapping[str, Any]]) -> AnswerMatrix:
    """Read answer sets (mappings question id -> value, contract §2) into an :class:`AnswerMatrix`:
    each question's answers as a column, option values looked up, conditions evaluated."""
    plan = plan_for(questionnaire)
    sets = answer_sets if isinstance(answer_sets, list) else list(answer_sets)
    n = len(sets)
    index = questionnaire.question_index
    scored_items = [i for _, items in plan.dimension_items for i in items]
    needed = {i.id for i in scored_items} | {i.id for i in plan.obstacle_items}
    if plan.visibility_matters:
        for item in plan.items:
            if index[item.id][1].show_if is not None:
                needed |= condition_questions(index[item.id][1].show_if)
    with _no_cycle_collection():
        columns = _Columns(sets, [qid for qid in index if qid in needed])

    shown = _shown(plan, columns, n) if plan.visibility_matters else {}

    values = np.empty((n, len(scored_items)))
    for j, item in enumerate(scored_items):
        col = columns.raw(item.id)
        if item.type == "multi":
            vals = _multi_values(item.values or {}, col)
        else:
            vals = _values({**(item.values or {}), NA: _NA_CODE}, col)
        if item.id in shown:
            vals[~shown[item.id]] = HIDDEN
        values[:, j] = vals

    obstacle_ids = tuple(item.id for item in plan.obstacle_items)
    severity = np.empty((n, len(obstacle_ids)))
    obstacle_shown = np.ones((n, len(obstacle_ids)), dtype=bool)
    for k, item in enumerate(plan.obstacle_items):
        vals = _values(dict(item.values or {}), columns.raw(item.id))
        if item.id in shown:
            obstacle_shown[:, k] = shown[item.id]
            vals[~shown[item.id]] = np.nan
        severity[:, k] = vals
    return AnswerMatrix(tuple(i.id for i in scored_items), values, obstacle_ids, severity, obstacle_shown)


def score_matrix(questionnaire: Questionnaire, matrix: AnswerMatrix) -> BatchScores:
    """Contract §3 over an answer matrix: weighted sums, coverage and the "insufficient answers"
    rules as array operations, one dimension at a time."""
    plan = plan_for(questionnaire)
    n = len(matrix)
    dims = plan.dimension_ids
    d = len(dims)
    scores = np.full((n, d), np.nan)
    coverage = np.ones((n, d))
    applicable = np.ones((n, d))
    na_count = np.zeros((n, d), dtype=np.int64)
    reasons = np.full((n, d), "", dtype=object)
    min_coverage = plan.min_coverage - EPS
    min_applicable = None if plan.min_applicable is None else plan.min_applicable - EPS
    start = 0
    for j, (_dim_id, items) in enumerate(plan.dimension_items):
        block = matrix.values[:, start:start + len(items)]
        start += len(items)
        weights = np.array([item.weight for item in items], dtype=float)
        visible = block != HIDDEN
        is_na = block == _NA_CODE
        eligible = visible & ~is_na
        scored = eligible & ~np.isnan(block)
        shown_w = visible @ weights
        eligible_w = eligible @ weights
        answered_w = scored @ weights
        weighted = np.where(scored, block, 0.0) @ weights
        na_count[:, j] = is_na.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            cov = np.where(eligible_w > 0, answered_w / np.where(eligible_w > 0, eligible_w, 1.0), 1.0)
            app = np.where(shown_w > 0, eligible_w / np.where(shown_w > 0, shown_w, 1.0), 1.0)
            value = 100.0 * weighted / np.where(answered_w > 0, answered_w, 1.0)
        not_applicable = (shown_w > 0) & (eligible_w <= 0)
        if min_applicable is not None:
            not_applicable |= app < min_applicable
        too_few = ~not_applicable & ((answered_w <= 0) | (cov < min_coverage))
        coverage[:, j] = cov
        applicable[:, j] = app
        scores[:, j] = np.where(not_applicable | too_few, np.nan, value)
        reasons[not_applicable, j] = INSUFFICIENT_APPLICABLE
        reasons[too_few, j] = INSUFFICIENT_COVERAGE

    n_scores = (~np.isnan(scores)).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        overall = np.where(n_scores > 0, np.nansum(scores, axis=1) / np.where(n_scores > 0, n_scores, 1), np.nan)
    return BatchScores(tuple(dims), scores, coverage, applicable, na_count, reasons, overall,
                       matrix.obstacle_ids, matrix.severity, matrix.obstacle_shown)


def score_many(questionnaire: Questionnaire, answer_sets: Sequence[Mapping[str, Any]]) -> BatchScores:
    """Score every answer set (a mapping question id -> value, contract §2) per contract §3:
    :func:`encode` then :func:`score_matrix`."""
    return score_matrix(questionnaire, encode(questionnaire, answer_sets))
