"""The one scoring function (contract §3).

``score(questionnaire, answers)`` -> :class:`Assessment`. Scores are not rounded here
(round only for display). Every dimension score can say why: its contributions list
each shown, scored question with answer, v, weight and contribution in points.

Comparisons with a band's ``min`` or with ``min_coverage`` allow a tolerance of 1e-9,
so that 100 × 2/5 computed in floating point counts as exactly 40.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .models import (
    CHOICE_TYPES,
    NA,
    UNKNOWN,
    CondAll,
    CondAnswered,
    CondAny,
    CondEquals,
    CondIn,
    CondNot,
    Question,
    Questionnaire,
)
from .special import effective_answers

EPS = 1e-9
CITED_SEVERITY = 2
INSUFFICIENT_COVERAGE = "coverage"  # too few answers (min_coverage)
INSUFFICIENT_APPLICABLE = "not_applicable"  # too many "not applicable" answers (min_applicable)


@dataclass(slots=True)
class Contribution:
    question: str
    answer: Any
    v: float | None
    weight: float
    contribution: float | None  # points of the dimension score this answer brings
    status: str  # "scored", "na", "unknown", "unanswered"

    def to_json(self) -> dict[str, Any]:
        return {"question": self.question, "answer": self.answer, "v": self.v, "weight": self.weight,
                "contribution": self.contribution, "status": self.status}


class DimensionResult:
    """A dimension's score, level and coverage; ``contributions`` say why (built on first use).

    ``na_count``: how many shown questions were answered "na"; ``applicable``: the weight of
    the shown questions not answered "na" ÷ the weight of the shown questions (1 when none
    is shown). When the score is null, ``reason`` says why: ``"coverage"`` (too few answers,
    contract §3 ``min_coverage``) or ``"not_applicable"`` (too many "na", ``min_applicable``).
    """

    __slots__ = ("_contributions", "_raw", "_total", "applicable", "coverage", "id", "level", "na_count",
                 "reason", "score")

    def __init__(self, id: str, score: float | None, level: str | None, coverage: float,
                 contributions: list[Contribution] | None = None,
                 raw: list[tuple[str, Any, float | None, float, str]] | None = None, total: float = 0.0,
                 na_count: int = 0, applicable: float = 1.0, reason: str | None = None) -> None:
        self.id = id
        self.score = score
        self.level = level
        self.coverage = coverage
        self.na_count = na_count
        self.applicable = applicable
        self.reason = reason if score is None else None
        if score is None and self.reason is None:
            self.reason = INSUFFICIENT_COVERAGE
        self._contributions = contributions
        self._raw = raw or []
        self._total = total  # Σ weight of the answered questions, when the score is not null

    @property
    def contributions(self) -> list[Contribution]:
        if self._contributions is None:
            total = self._total if self.score is not None else 0.0
            self._contributions = [
                Contribution(qid, answer, v, weight,
                             (100.0 * weight * v / total) if (total and v is not None) else None, status)
                for qid, answer, v, weight, status in self._raw
            ]
        return self._contributions

    @property
    def insufficient(self) -> bool:
        return self.score is None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"score": self.score, "level": self.level, "coverage": self.coverage,
                               "na_count": self.na_count, "applicable": self.applicable}
        if self.score is None:
            out["status"] = "insufficient answers"
            out["reason"] = self.reason
        out["contributions"] = [c.to_json() for c in self.contributions]
        return out

    def __repr__(self) -> str:
        return (f"DimensionResult({self.id!r}, score={self.score!r}, level={self.level!r}, "
                f"coverage={self.coverage!r}, na_count={self.na_count!r})")


@dataclass(slots=True)
class ObstacleResult:
    id: str
    severity: float | None

    @property
    def cited(self) -> bool:
        return self.severity is not None and self.severity >= CITED_SEVERITY


@dataclass(slots=True)
class Assessment:
    questionnaire_id: str
    questionnaire_version: str
    dimensions: dict[str, DimensionResult]
    overall: float | None
    obstacles: dict[str, ObstacleResult]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "questionnaire": {"id": self.questionnaire_id, "version": self.questionnaire_version},
            "dimensions": {k: d.to_json() for k, d in self.dimensions.items()},
            "overall": self.overall,
            "obstacles": {k: {"severity": o.severity, "cited": o.cited} for k, o in self.obstacles.items()},
            "warnings": list(self.warnings),
        }

    def scores(self) -> dict[str, float | None]:
        return {k: d.score for k, d in self.dimensions.items()}


# --- conditions ------------------------------------------------------------------------------

Answers = Mapping[str, Any]
Predicate = Callable[[Answers, set[str]], bool]


def is_answered(value: Any) -> bool:
    """A real answer: given, and neither "na" nor "unknown" nor an empty choice."""
    return value is not None and value not in (NA, UNKNOWN) and value != [] and value != ""


def _compile_condition(cond: Any) -> Predicate:
    """A condition as a closure. A hidden question counts as unanswered."""
    if isinstance(cond, CondEquals | CondIn):
        qid = cond.question
        wanted = {cond.equals} if isinstance(cond, CondEquals) else set(cond.in_)

        def match(answers: Answers, shown: set[str]) -> bool:
            value = answers.get(qid) if qid in shown else None
            if isinstance(value, list):  # multi: one of the chosen options
                return any(v in wanted for v in value)
            try:
                return value in wanted
            except TypeError:  # an unhashable value (a JSON object) is no option
                return False

        return match
    if isinstance(cond, CondAnswered):
        qid, expected = cond.question, cond.answered
        return lambda answers, shown: (qid in shown and is_answered(answers.get(qid))) == expected
    if isinstance(cond, CondAll):
        parts = [_compile_condition(c) for c in cond.all]
        return lambda answers, shown: all(p(answers, shown) for p in parts)
    if isinstance(cond, CondAny):
        parts = [_compile_condition(c) for c in cond.any]
        return lambda answers, shown: any(p(answers, shown) for p in parts)
    if isinstance(cond, CondNot):
        inner = _compile_condition(cond.not_)
        return lambda answers, shown: not inner(answers, shown)
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover - models forbid it


# --- the plan: the questionnaire compiled once for fast scoring ----------------------------


@dataclass(slots=True)
class _Item:
    id: str
    kind: str
    section: str
    type: str
    weight: float
    values: dict[str, float] | None  # option id -> v (or raw score for obstacles)
    condition: Predicate | None
    scored: bool


class Plan:
    """A questionnaire compiled for scoring (built once, cached on the questionnaire)."""

    def __init__(self, questionnaire: Questionnaire) -> None:
        self.questionnaire = questionnaire
        self.items: list[_Item] = []
        for section in questionnaire.sections:
            for q in section.questions:
                self.items.append(self._item(section.kind, section.id, q))
        self.dimension_ids = [s.id for s in questionnaire.dimensions]
        self.dimension_items = [
            (dim_id, [i for i in self.items if i.section == dim_id and i.kind == "dimension" and i.scored])
            for dim_id in self.dimension_ids
        ]
        self.obstacle_items = [i for i in self.items if i.kind == "obstacles"]
        # conditions are evaluated only when a scored question or an obstacle has one
        self.visibility_matters = any(
            i.condition for i in self.items if i.kind == "obstacles" or (i.kind == "dimension" and i.scored))
        self.levels = sorted(((lv.min, lv.id) for lv in questionnaire.levels), reverse=True)
        self.min_coverage = questionnaire.min_coverage
        self.min_applicable = questionnaire.min_applicable

    @staticmethod
    def _item(kind: str, section_id: str, q: Question) -> _Item:
        values: dict[str, float] | None = None
        scored = False
        if q.type in CHOICE_TYPES and q.options and all(o.score is not None for o in q.options):
            raw = {o.id: float(o.score or 0) for o in q.options}
            if kind == "dimension":
                if q.type == "multi":
                    total = sum(raw.values())
                    values = {k: (s / total if total else 0.0) for k, s in raw.items()}
                else:
                    top = max(raw.values())
                    values = {k: (s / top if top else 0.0) for k, s in raw.items()}
                scored = True
            else:
                values = raw
        condition = _compile_condition(q.show_if) if q.show_if is not None else None
        return _Item(q.id, kind, section_id, q.type, q.weight, values, condition, scored)

    def shown(self, answers: Answers) -> set[str]:
        shown: set[str] = set()
        for item in self.items:
            if item.condition is None or item.condition(answers, shown):
                shown.add(item.id)
        return shown

    def level_of(self, score: float) -> str:
        for minimum, level_id in self.levels:
            if score >= minimum - EPS:
                return level_id
        return self.levels[-1][1]  # pragma: no cover - the first band starts at 0


def plan_for(questionnaire: Questionnaire) -> Plan:
    plan = questionnaire.__dict__.get("_scoring_plan")
    if plan is None:
        plan = Plan(questionnaire)
        questionnaire.__dict__["_scoring_plan"] = plan
    return plan


def visible_questions(questionnaire: Questionnaire, answers: Answers) -> set[str]:
    """Ids of the questions shown for these answers (conditions evaluated in file order), the answers
    read as :func:`maturity.special.effective_answers` reads them."""
    return plan_for(questionnaire).shown(effective_answers(answers))


def _value(item: _Item, answer: Any) -> float | None:
    """v in [0, 1] for a valid answer; None for a value that is not an option (never scored)."""
    values = item.values or {}
    if item.type == "multi":
        if not isinstance(answer, list):
            return None
        return min(1.0, sum(values.get(a, 0.0) for a in answer))
    return values.get(answer) if isinstance(answer, str) else None


def score(questionnaire: Questionnaire, answers: Answers) -> Assessment:
    """Score the answers (a mapping question id -> value, contract §2) per contract §3. A multi answer
    holding ``none`` beside other options is read as those options (:func:`maturity.special.effective_answers`):
    the contributions show it so."""
    answers = effective_answers(answers)
    plan = plan_for(questionnaire)
    shown = plan.shown(answers) if plan.visibility_matters else None
    get = answers.get
    dimensions: dict[str, DimensionResult] = {}
    total_scores = 0.0
    n_scores = 0
    min_coverage = plan.min_coverage - EPS
    min_applicable = None if plan.min_applicable is None else plan.min_applicable - EPS
    for dim_id, items in plan.dimension_items:
        raw = []
        answered_w = weighted = eligible_w = shown_w = 0.0
        na_count = 0
        for item in items:
            qid = item.id
            if shown is not None and qid not in shown:
                continue
            answer = get(qid)
            weight = item.weight
            shown_w += weight
            if answer == NA:
                na_count += 1
                raw.append((qid, answer, None, weight, "na"))
                continue
            eligible_w += weight
            v = None if answer is None or answer == UNKNOWN else _value(item, answer)
            if v is None:
                raw.append((qid, answer, None, weight, "unknown" if answer == UNKNOWN else "unanswered"))
            else:
                answered_w += weight
                weighted += weight * v
                raw.append((qid, answer, v, weight, "scored"))
        coverage = answered_w / eligible_w if eligible_w else 1.0
        applicable = eligible_w / shown_w if shown_w else 1.0
        reason = None
        if (min_applicable is not None and applicable < min_applicable) or (shown_w > 0 and eligible_w <= 0):
            reason = INSUFFICIENT_APPLICABLE
        elif answered_w <= 0 or coverage < min_coverage:
            reason = INSUFFICIENT_COVERAGE
        if reason is not None:
            dimensions[dim_id] = DimensionResult(dim_id, None, None, coverage, raw=raw, na_count=na_count,
                                                 applicable=applicable, reason=reason)
            continue
        value = 100.0 * weighted / answered_w
        total_scores += value
        n_scores += 1
        dimensions[dim_id] = DimensionResult(dim_id, value, plan.level_of(value), coverage, raw=raw, total=answered_w,
                                             na_count=na_count, applicable=applicable)

    obstacles: dict[str, ObstacleResult] = {}
    for item in plan.obstacle_items:
        if shown is not None and item.id not in shown:
            continue
        answer = get(item.id)
        severity = (item.values or {}).get(answer) if isinstance(answer, str) else None
        obstacles[item.id] = ObstacleResult(item.id, severity)
    overall = total_scores / n_scores if n_scores else None
    return Assessment(questionnaire.id, questionnaire.version, dimensions, overall, obstacles)
