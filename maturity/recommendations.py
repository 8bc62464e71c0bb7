"""Which recommendations apply (contract §4), in the order a Collège should read them.

Order: priority first (1 before 3); within a priority, the most urgent first, where
urgency is ``1 - score/100`` for a recommendation that lifts a dimension (the weakest
dimension first), ``severity / highest severity`` for one that lifts an obstacle, and
0.5 otherwise or when the dimension has too few answers to be scored; ties keep the
file's order.

The sheet shows the first ``SHEET_LIMIT`` of that list, taking one recommendation per
dimension or obstacle before a second one for the same, so that the obstacles a commune
cites are not crowded out by several steps for one weak dimension.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .models import (
    Questionnaire,
    Recommendation,
    RuleAll,
    RuleAny,
    RuleEquals,
    RuleIn,
    RuleLevel,
    RuleNot,
    RuleObstacle,
    RuleScore,
)
from .scoring import Assessment, visible_questions

SHEET_LIMIT = 8


@dataclass(frozen=True, slots=True)
class Selected:
    recommendation: Recommendation
    dimension: str | None
    obstacle: str | None
    urgency: float


def _rule_target(rule: Any) -> tuple[str | None, str | None]:
    """The dimension or obstacle a rule is about, when it names exactly one."""
    if isinstance(rule, RuleLevel | RuleScore):
        return rule.dimension, None
    if isinstance(rule, RuleObstacle):
        return None, rule.obstacle
    if isinstance(rule, RuleAll | RuleAny):
        for sub in rule.all if isinstance(rule, RuleAll) else rule.any:
            found = _rule_target(sub)
            if found != (None, None):
                return found
    return None, None


def matches(rule: Any, q: Questionnaire, assessment: Assessment, answers: Mapping[str, Any], shown: set[str]) -> bool:
    if isinstance(rule, RuleLevel):
        dim = assessment.dimensions.get(rule.dimension)
        if dim is None or dim.level is None:
            return False
        order = [lv.id for lv in q.levels]
        return order.index(dim.level) <= order.index(rule.level_at_most)
    if isinstance(rule, RuleScore):
        dim = assessment.dimensions.get(rule.dimension)
        return dim is not None and dim.score is not None and dim.score < rule.score_below
    if isinstance(rule, RuleObstacle):
        obstacle = assessment.obstacles.get(rule.obstacle)
        return obstacle is not None and obstacle.severity is not None and obstacle.severity >= rule.severity_at_least
    if isinstance(rule, RuleEquals | RuleIn):
        wanted = {rule.equals} if isinstance(rule, RuleEquals) else set(rule.in_)
        value = answers.get(rule.question) if rule.question in shown else None
        if isinstance(value, list):
            return any(v in wanted for v in value)
        return value in wanted
    if isinstance(rule, RuleAll):
        return all(matches(r, q, assessment, answers, shown) for r in rule.all)
    if isinstance(rule, RuleAny):
        return any(matches(r, q, assessment, answers, shown) for r in rule.any)
    if isinstance(rule, RuleNot):
        return not matches(rule.not_, q, assessment, answers, shown)
    raise TypeError(f"not a rule: {rule!r}")  # pragma: no cover


def select(q: Questionnaire, assessment: Assessment, answers: Mapping[str, Any], limit: int | None = None) -> list[Selected]:
    """The recommendations whose rule holds, ordered (see module doc); ``limit`` for the sheet."""
    shown = visible_questions(q, answers)
    top_severity = {o.id: max((opt.score or 0) for opt in o.options or ()) or 1 for o in q.obstacles}
    chosen: list[tuple[tuple[int, float, int], Selected]] = []
    for index, rec in enumerate(q.recommendations):
        if not matches(rec.when, q, assessment, answers, shown):
            continue
        dimension, obstacle = _rule_target(rec.when)
        dimension = rec.dimension or dimension
        obstacle = rec.obstacle or obstacle
        urgency = 0.5
        if dimension and assessment.dimensions.get(dimension) and assessment.dimensions[dimension].score is not None:
            urgency = 1 - assessment.dimensions[dimension].score / 100  # type: ignore[operator]
        elif obstacle and assessment.obstacles.get(obstacle) and assessment.obstacles[obstacle].severity is not None:
            urgency = assessment.obstacles[obstacle].severity / top_severity.get(obstacle, 1)  # type: ignore[operator]
        chosen.append(((rec.priority, -urgency, index), Selected(rec, dimension, obstacle, urgency)))
    chosen.sort(key=lambda pair: pair[0])
    selected = [s for _, s in chosen]
    if limit is None or len(selected) <= limit:
        return selected
    return _spread(selected, limit)


def _spread(selected: list[Selected], limit: int) -> list[Selected]:
    """The first ``limit``, one per dimension or obstacle first, so that a commune weak
    everywhere still sees its cited obstacles; then the rest in order. Order is kept."""
    picked: set[int] = set()
    targets: set[tuple[str | None, str | None]] = set()
    for index, item in enumerate(selected):
        target = (item.dimension, item.obstacle)
        if target == (None, None) or target not in targets:
            picked.add(index)
            targets.add(target)
        if len(picked) == limit:
            break
    for index in range(len(selected)):
        if len(picked) == limit:
            break
        picked.add(index)
    return [item for index, item in enumerate(selected) if index in picked]
