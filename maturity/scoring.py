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

EPS = 1e-9
CITED_SEVERITY = 2


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


@dataclass(slots=True)
class DimensionResult:
    id: str
    score: float | None
    level: str | None
    coverage: float
    contributions: list[Contribution] = field(default_factory=list)

    @property
    def insufficient(self) -> bool:
        return self.score is None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"score": self.score, "level": self.level, "coverage": self.coverage}
        if self.score is None:
            out["status"] = "insufficient answers"
        out["contributions"] = [c.to_json() for c in self.contributions]
        return out


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
            return value in wanted

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
        self.has_conditions = any(item.condition for item in self.items)
        self.dimension_ids = [s.id for s in questionnaire.dimensions]
        self.levels = sorted(((lv.min, lv.id) for lv in questionnaire.levels), reverse=True)
        self.min_coverage = questionnaire.min_coverage

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
    """Ids of the questions shown for these answers (conditions evaluated in file order)."""
    return plan_for(questionnaire).shown(answers)


def _value(item: _Item, answer: Any) -> float:
    values = item.values or {}
    if item.type == "multi":
        return min(1.0, sum(values.get(a, 0.0) for a in answer)) if isinstance(answer, list) else 0.0
    return values.get(answer, 0.0)


def score(questionnaire: Questionnaire, answers: Answers) -> Assessment:
    """Score the answers (a mapping question id -> value, contract §2) per contract §3."""
    plan = plan_for(questionnaire)
    shown = plan.shown(answers) if plan.has_conditions else None
    per_dim: dict[str, list[Contribution]] = {d: [] for d in plan.dimension_ids}
    obstacles: dict[str, ObstacleResult] = {}
    for item in plan.items:
        if shown is not None and item.id not in shown:
            continue
        answer = answers.get(item.id)
        if item.kind == "dimension":
            if not item.scored:
                continue
            if answer == NA:
                per_dim[item.section].append(Contribution(item.id, answer, None, item.weight, None, "na"))
            elif answer is None or answer == UNKNOWN:
                status = "unknown" if answer == UNKNOWN else "unanswered"
                per_dim[item.section].append(Contribution(item.id, answer, None, item.weight, None, status))
            else:
                per_dim[item.section].append(
                    Contribution(item.id, answer, _value(item, answer), item.weight, None, "scored"))
        elif item.kind == "obstacles":
            severity = (item.values or {}).get(answer) if isinstance(answer, str) else None
            obstacles[item.id] = ObstacleResult(item.id, severity)

    dimensions: dict[str, DimensionResult] = {}
    for dim_id, contributions in per_dim.items():
        answered_w = weighted = eligible_w = 0.0
        for c in contributions:
            if c.status == "na":
                continue
            eligible_w += c.weight
            if c.status == "scored":
                answered_w += c.weight
                weighted += c.weight * c.v  # type: ignore[operator]
        coverage = answered_w / eligible_w if eligible_w else 1.0
        has_answer = any(c.status == "scored" for c in contributions)
        if not has_answer or coverage < plan.min_coverage - EPS or answered_w <= 0:
            dimensions[dim_id] = DimensionResult(dim_id, None, None, coverage, contributions)
            continue
        value = 100.0 * weighted / answered_w
        for c in contributions:
            if c.status == "scored":
                c.contribution = 100.0 * c.weight * c.v / answered_w  # type: ignore[operator]
        dimensions[dim_id] = DimensionResult(dim_id, value, plan.level_of(value), coverage, contributions)

    scores = [d.score for d in dimensions.values() if d.score is not None]
    overall = sum(scores) / len(scores) if scores else None
    return Assessment(questionnaire.id, questionnaire.version, dimensions, overall, obstacles)
