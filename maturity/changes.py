"""What changed between two assessments of a commune (re-assessment along the PST cycle).

Works on the stored forms (answers documents and assessment JSON as ``Assessment.to_json()``
writes them), so that snapshots taken with an older questionnaire version still compare:
a question that no longer exists is reported as removed, never silently dropped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .models import Questionnaire


@dataclass(frozen=True, slots=True)
class DimensionChange:
    dimension: str
    before: float | None
    after: float | None
    level_before: str | None
    level_after: str | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class AnswerChange:
    question: str
    dimension: str | None  # the section id
    before: Any
    after: Any
    still_asked: bool


@dataclass(frozen=True, slots=True)
class Changes:
    dimensions: list[DimensionChange]
    answers: list[AnswerChange]
    same_version: bool

    @property
    def improved(self) -> list[DimensionChange]:
        return [d for d in self.dimensions if d.delta is not None and d.delta > 0]

    @property
    def declined(self) -> list[DimensionChange]:
        return [d for d in self.dimensions if d.delta is not None and d.delta < 0]


def _dims(assessment: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    dims = assessment.get("dimensions") or {}
    return dims if isinstance(dims, dict) else {}


def what_changed(q: Questionnaire, previous_doc: Mapping[str, Any], previous_assessment: Mapping[str, Any],
                 current_doc: Mapping[str, Any], current_assessment: Mapping[str, Any]) -> Changes:
    """Score and answer changes from ``previous`` to ``current``, in questionnaire order."""
    before_dims, after_dims = _dims(previous_assessment), _dims(current_assessment)
    dimensions = []
    for section in q.dimensions:
        b, a = before_dims.get(section.id, {}), after_dims.get(section.id, {})
        dimensions.append(DimensionChange(section.id, b.get("score"), a.get("score"), b.get("level"), a.get("level")))
    before_answers = previous_doc.get("answers") or {}
    after_answers = current_doc.get("answers") or {}
    answers = []
    order = q.order
    keys = sorted(set(before_answers) | set(after_answers), key=lambda k: (order.get(k, len(order)), k))
    for key in keys:
        b, a = before_answers.get(key), after_answers.get(key)
        if b == a:
            continue
        found = q.question_index.get(key)
        answers.append(AnswerChange(key, found[0].id if found else None, b, a, found is not None))
    version = lambda doc: (doc.get("questionnaire") or {}).get("version")  # noqa: E731
    return Changes(dimensions, answers, version(previous_doc) == version(current_doc))
