"""Targets (issue 14): for each dimension, the maturity level a commune aims for and by which year.

Stored in the answers file as the optional top-level field (contract §2)::

    "targets": {"governance": {"level": "integration", "by": 2030}, ...}

Pure functions over plain data: the structure is checked without a questionnaire
(:func:`structure_problems`), the dimension and level ids against one
(:func:`questionnaire_problems`). Against an assessment, a target has a ``gap``: the points
between the score and the target level's ``min`` (0 once reached), and ``reached`` (the gap
is 0); both are null when the dimension has no score (contract §6, ``score --json``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .errors import Problem, labelled_options
from .models import Questionnaire
from .scoring import EPS, Assessment

FIELD = "targets"
YEAR_MIN, YEAR_MAX = 2025, 2040  # from the 2024 legislature to the horizon of the Smart Region
LEGISLATURE_END = 2030  # the end of the 2024–2030 communal legislature: the PST's horizon

# the one catalog of where a target stands, in words (the app's targets table, the sheet's roadmap)
LABELS: dict[str, dict[str, str]] = {
    "reached": {"fr": "atteint", "de": "erreicht", "en": "reached"},
    "gap": {"fr": "encore {points:# point|# points}", "de": "noch {points:# Punkt|# Punkte}",
            "en": "{points:# point|# points} to go"},
    "no_score": {"fr": "pas de score", "de": "kein Wert", "en": "no score"},
}


@dataclass(frozen=True, slots=True)
class Target:
    level: str
    by: int

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "by": self.by}


@dataclass(frozen=True, slots=True)
class TargetStatus:
    """A target against a score: ``gap`` points to the level's ``min`` (None when the score is null)."""

    dimension: str
    level: str
    by: int
    score: float | None
    minimum: float
    gap: float | None
    reached: bool | None

    def to_json(self) -> dict[str, Any]:
        return {"level": self.level, "by": self.by, "reached": self.reached, "gap": self.gap}


def is_year(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and YEAR_MIN <= value <= YEAR_MAX


def year_problem(value: Any) -> str | None:
    """Why ``value`` is not a year of the plan (None when it is)."""
    if is_year(value):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value} is outside {YEAR_MIN}–{YEAR_MAX}"
    return f"a year is a whole number from {YEAR_MIN} to {YEAR_MAX}, got {_show(value)}"


def year_code(value: Any) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The code and values of :func:`year_problem`'s message, for a page that says it in its reader's language."""
    span = (("first", str(YEAR_MIN)), ("last", str(YEAR_MAX)))  # years: never grouped (« 2 025 »)
    if isinstance(value, int) and not isinstance(value, bool):
        return "year_outside", (("value", str(value)), *span)
    return "year_not_year", (("value", _show(value)), *span)


def _show(value: Any) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 40 else text[:37] + "..."


def structure_problems(raw: Any, name: str = "<answers>") -> list[Problem]:
    """What is wrong with a ``targets`` value, without the questionnaire (every problem, with its place)."""
    if raw is None:
        return []
    if not isinstance(raw, dict):
        return [Problem('must be an object {dimension id: {"level": level id, "by": year}}', FIELD, name,
                        code="targets_not_object")]
    problems: list[Problem] = []
    for dim, target in raw.items():
        place = f"{FIELD}.{dim}"
        if not isinstance(target, dict):
            problems.append(Problem('must be an object {"level": level id, "by": year}', place, name,
                                    code="target_not_object"))
            continue
        level = target.get("level")
        if not isinstance(level, str) or not level:
            problems.append(Problem("missing or not a level id", f"{place}.level", name, code="target_no_level"))
        if "by" not in target:
            problems.append(Problem(f"missing: the year the level is aimed for ({YEAR_MIN}–{YEAR_MAX})",
                                    f"{place}.by", name, code="target_no_year",
                                    params=(("first", str(YEAR_MIN)), ("last", str(YEAR_MAX)))))
        else:
            why = year_problem(target["by"])
            if why:
                code, params = year_code(target["by"])
                problems.append(Problem(why, f"{place}.by", name, code=code, params=params))
        for key in target:
            if key not in ("level", "by"):
                problems.append(Problem("unknown field (a target has level and by)", f"{place}.{key}", name,
                                        code="target_unknown_field"))
    return problems


def questionnaire_problems(raw: Any, q: Questionnaire, name: str = "<answers>") -> list[Problem]:
    """Unknown dimensions or levels of a structurally valid ``targets`` value."""
    if not isinstance(raw, dict):
        return []
    dims = [s.id for s in q.dimensions]
    levels = [lv.id for lv in q.levels]
    problems: list[Problem] = []
    for dim, target in raw.items():
        if dim not in dims:
            problems.append(Problem(f"{_show(dim)} is not a dimension of this questionnaire ({', '.join(dims)})",
                                    f"{FIELD}.{dim}", name, code="unknown_dimension",
                                    params=(("value", _show(dim)), ("options", ", ".join(dims)),
                                            *labelled_options((d.id, d.label) for d in q.dimensions))))
            continue
        level = target.get("level") if isinstance(target, dict) else None
        if isinstance(level, str) and level and level not in levels:
            problems.append(Problem(f"{_show(level)} is not a level of this questionnaire ({', '.join(levels)})",
                                    f"{FIELD}.{dim}.level", name, code="unknown_level",
                                    params=(("value", _show(level)), ("options", ", ".join(levels)),
                                            *labelled_options((lv.id, lv.label) for lv in q.levels))))
    return problems


def read(raw: Any) -> dict[str, Target]:
    """The targets of a checked ``targets`` value, in the file's order (invalid entries skipped)."""
    out: dict[str, Target] = {}
    if not isinstance(raw, dict):
        return out
    for dim, target in raw.items():
        if isinstance(target, dict) and isinstance(target.get("level"), str) and is_year(target.get("by")):
            out[dim] = Target(target["level"], target["by"])
    return out


def to_raw(targets: Mapping[str, Target]) -> dict[str, dict[str, Any]]:
    return {dim: t.to_json() for dim, t in targets.items()}


def level_min(q: Questionnaire, level_id: str) -> float | None:
    level = q.level(level_id)
    return None if level is None else float(level.min)


def gap(score: float | None, minimum: float) -> float | None:
    """Points between ``score`` and a level's ``min``: max(0, min − score); None when the score is null.

    A score within 1e-9 of the min counts as reaching it (as the scoring's level bands do).
    """
    if score is None:
        return None
    missing = minimum - score
    return 0.0 if missing <= EPS else missing


def gap_text(status: TargetStatus, lang: str) -> str:
    """Where a target stands, for a reader: "atteint", "encore 1 point", "encore 13 points", "pas de score"."""
    from .display import format_number, plural_text

    key = "no_score" if status.gap is None else "reached" if status.reached else "gap"
    text = LABELS[key].get(lang) or LABELS[key]["fr"]
    if key != "gap":
        return text
    values = {"points": format_number(shown_gap(status), lang)}
    return plural_text(text, lang, values).format(**values)


def shown_gap(status: TargetStatus) -> int:
    """The points to go as a reader counts them: the level's min less the score as shown (whole, half up),
    and at least 1 while the target is not reached. Rounding the gap itself read "18 … Planification (score
    ≥ 20) … encore 3 points" for a score of 17,5 (fresh-eyes trial 8, Vielsalm at 390 px)."""
    from .display import round_int

    return max(1, round_int(status.minimum) - round_int(status.score or 0.0))


def evaluate(q: Questionnaire, assessment: Assessment, targets: Mapping[str, Target]) -> dict[str, TargetStatus]:
    """Each target against the assessment's score of its dimension, in the targets' order.

    Targets naming a dimension or level the questionnaire does not have are left out.
    """
    out: dict[str, TargetStatus] = {}
    for dim, target in targets.items():
        minimum = level_min(q, target.level)
        result = assessment.dimensions.get(dim)
        if minimum is None or result is None:
            continue
        g = gap(result.score, minimum)
        out[dim] = TargetStatus(dim, target.level, target.by, result.score, minimum, g,
                                None if g is None else g == 0.0)
    return out


def evaluate_json(q: Questionnaire, assessment: Assessment, raw: Any) -> dict[str, dict[str, Any]]:
    """``score --json``'s ``targets``: {dimension: {level, by, reached, gap}}."""
    return {dim: s.to_json() for dim, s in evaluate(q, assessment, read(raw)).items()}


def of(doc: Any) -> dict[str, Target]:
    """The targets of an answers document (:class:`~maturity.answers.AnswersFile`)."""
    return read(doc.extra.get(FIELD))


def radar_scores(q: Questionnaire, doc: Any) -> dict[str, float | None] | None:
    """The targets as a radar line (the app's and the sheet's): each dimension at its target level's
    minimum, None where it has no target; None without any target."""
    goals = of(doc)
    if not goals:
        return None
    scores: dict[str, float | None] = {s.id: None for s in q.dimensions}
    for dim, target in goals.items():
        if dim in scores:
            scores[dim] = level_min(q, target.level)
    return scores


def set_on(doc: Any, targets: Mapping[str, Target]) -> None:
    """Write the targets into an answers document (the field is left out when there is none)."""
    if targets:
        doc.extra[FIELD] = to_raw(targets)
    else:
        doc.extra.pop(FIELD, None)


def progress_rows(q: Questionnaire, points: list[tuple[str, Mapping[str, float | None]]],
                  targets: Mapping[str, Target], lang: str) -> list[dict[str, Any]]:
    """The rows of the chart "each dimension over successive assessments, against its target":
    one row per dimension and assessment (``points``: (label of the assessment, e.g. its date,
    scores), oldest first), with the dimension's target level ``min`` (None without a target).
    A null score stays None (a gap, never 0)."""
    from .display import format_number

    rows = []
    for section in q.dimensions:
        target = targets.get(section.id)
        minimum = level_min(q, target.level) if target else None
        level = q.level(target.level) if target else None
        for order, (when, scores) in enumerate(points):
            value = scores.get(section.id)
            rows.append({"dimension": q.t(section.label, lang), "when": when, "order": order, "score": value,
                         "score_text": format_number(value, lang), "target": minimum,
                         "target_text": f"{q.t(level.label, lang)} ({format_number(minimum, lang)}) — {target.by}"
                         if level and target else ""})
    return rows
