"""The one loader of questionnaire files (contract §1).

``load_questionnaire(path)`` returns a validated :class:`Questionnaire` or raises
:class:`InvalidInput` with *every* problem of the file, each naming the file,
the line and the field path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import InvalidInput, Problem, format_path
from .models import (
    CHOICE_TYPES,
    NA,
    SPECIAL_VALUES,
    CondAll,
    CondAnswered,
    CondAny,
    CondEquals,
    CondIn,
    CondNot,
    Option,
    Question,
    Questionnaire,
    RuleAll,
    RuleAny,
    RuleEquals,
    RuleIn,
    RuleLevel,
    RuleNot,
    RuleObstacle,
    RuleScore,
    Text,
)
from .yamlio import LineMap, line_for, load_yaml, load_yaml_file

ROOT = Path(__file__).resolve().parent.parent
QUESTIONNAIRES_DIR = ROOT / "questionnaires"
DEFAULT_QUESTIONNAIRE = QUESTIONNAIRES_DIR / "smart-city-wallonie.yaml"

Loc = tuple[str | int, ...]

_MESSAGES = {
    "extra_forbidden": "unknown key (a typo?)",
    "missing": "required field is missing",
}


def _data_loc(data: Any, loc: Iterable[str | int]) -> Loc:
    """Drop the union tags pydantic puts in ``loc``, keep the path as it is in the data."""
    out: list[str | int] = []
    node = data
    for part in loc:
        if (isinstance(node, dict) and part in node) or (isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)):
            out.append(part)
            node = node[part]
        elif isinstance(node, dict) and isinstance(part, str) and part.endswith("_") and part[:-1] in node:
            out.append(part[:-1])
            node = node[part[:-1]]
        elif isinstance(node, dict) and part in {"all", "any", "not", "equals", "in", "answered",
                                                 "level_at_most", "score_below", "severity_at_least"}:
            continue  # a union tag, not a key of the file
        else:
            out.append(part)
            node = None
    return tuple(out)


def _pydantic_problems(exc: ValidationError, data: Any, lines: LineMap, name: str) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = _data_loc(data, err["loc"])
        message = _MESSAGES.get(err["type"], err["msg"])
        if err["type"] == "string_type" and isinstance(err.get("input"), int | float | bool):
            kind = "boolean" if isinstance(err["input"], bool) else "number"
            message = f"{message}: YAML reads {_yaml_scalar(err['input'])} as a {kind}; write it in quotes " \
                      f"(\"{_yaml_scalar(err['input'])}\")"
        elif err["type"] not in _MESSAGES and "input" in err and not isinstance(err["input"], dict | list):
            message = f"{message} (got {_shown(err['input'])})"
        problems.append(Problem(message=message, path=format_path(loc), file=_file_of(loc, name, lines), line=line_for(lines, loc)))
    return problems


def _yaml_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _shown(value, 20)


def _shown(value: Any, limit: int = 60) -> str:
    """``repr(value)`` cut to ``limit`` characters (a 5,000-digit number cannot even be printed)."""
    try:
        text = repr(value)
    except ValueError:
        return f"a {type(value).__name__} too large to show"
    return text if len(text) <= limit else text[: limit - 3] + "..."


# --- cross-field checks -------------------------------------------------------------------


def _texts(obj: Any, loc: Loc) -> Iterator[tuple[Loc, Text]]:
    """Every text field of the questionnaire with its place."""
    text_fields = {"title", "description", "label", "text", "short", "help", "objective"}
    if isinstance(obj, list):
        for i, item in enumerate(obj):
            yield from _texts(item, (*loc, i))
    elif isinstance(obj, BaseModel):
        for field_name in type(obj).model_fields:
            value = getattr(obj, field_name)
            key = field_name.rstrip("_")
            if field_name in text_fields and value is not None and isinstance(value, str | dict):
                yield (*loc, key), value
            elif field_name == "actions":
                for i, action in enumerate(value):
                    yield (*loc, key, i), action
            elif isinstance(value, list | tuple | BaseModel):
                yield from _texts(value, (*loc, key))


def check(q: Questionnaire, figure_ids: set[str] | None = None) -> list[tuple[Loc, str]]:
    """Rules that span fields (contract §1, §4). Returns ``(place, message)`` pairs."""
    problems: list[tuple[Loc, str]] = []
    add = problems.append
    default = q.default_language

    if len(set(q.languages)) != len(q.languages):
        add((("languages",), "a language is listed twice"))
    for loc, text in _texts(q, ()):
        if isinstance(text, dict):
            if default not in text or not str(text[default]).strip():
                add((loc, f"the default language {default!r} is missing"))
            for lang, value in text.items():
                if lang not in q.languages:
                    add(((*loc, lang), f"language {lang!r} is not in languages {q.languages}"))
                elif not isinstance(value, str):
                    add(((*loc, lang), "a text must be a string"))
        elif not text.strip():
            add((loc, "empty text"))

    # levels: ascending, first at 0
    if q.levels[0].min != 0:
        add((("levels", 0, "min"), "the first level must start at 0"))
    for i in range(1, len(q.levels)):
        if q.levels[i].min <= q.levels[i - 1].min:
            add((("levels", i, "min"), f"levels must be ascending ({q.levels[i].min:g} after {q.levels[i - 1].min:g})"))
    _unique(problems, (("levels", i, "id") for i in range(len(q.levels))), [lv.id for lv in q.levels], "level")
    _unique(problems, (("sections", i, "id") for i in range(len(q.sections))), [s.id for s in q.sections], "section")

    seen: dict[str, Loc] = {}
    for si, section in enumerate(q.sections):
        for qi, question in enumerate(section.questions):
            loc: Loc = ("sections", si, "questions", qi)
            if question.id in seen:
                add(((*loc, "id"), f"duplicate question id {question.id!r} (first at {format_path(seen[question.id])})"))
            else:
                _check_question(problems, q, section.kind, question, loc, seen, figure_ids)
                seen[question.id] = loc

    rec_ids = [r.id for r in q.recommendations]
    _unique(problems, (("recommendations", i, "id") for i in range(len(rec_ids))), rec_ids, "recommendation")
    for ri, rec in enumerate(q.recommendations):
        loc = ("recommendations", ri)
        _check_rule(problems, q, rec.when, (*loc, "when"))
        if rec.dimension and rec.dimension not in {s.id for s in q.dimensions}:
            add(((*loc, "dimension"), f"unknown dimension {rec.dimension!r}"))
        if rec.obstacle and rec.obstacle not in {o.id for o in q.obstacles}:
            add(((*loc, "obstacle"), f"unknown obstacle {rec.obstacle!r}"))
        for fi, former in enumerate(rec.former_actions):
            if former.action > len(rec.actions):
                add(((*loc, "former_actions", fi, "action"),
                     f"action {former.action}: the recommendation has {len(rec.actions)} action(s)"))
    return problems


def _unique(problems: list, locs: Iterable[Loc], ids: list[str], what: str) -> None:
    first: set[str] = set()
    for loc, ident in zip(locs, ids, strict=True):
        if ident in first:
            problems.append((loc, f"duplicate {what} id {ident!r}"))
        first.add(ident)


def _check_question(
    problems: list, q: Questionnaire, kind: str, question: Question, loc: Loc,
    earlier: dict[str, Loc], figure_ids: set[str] | None,
) -> None:
    add = problems.append
    options = question.options
    if question.type == "boolean" and options:
        if sorted(o.id for o in options) != ["no", "yes"]:
            add(((*loc, "options"), "a boolean question has exactly the options 'yes' and 'no'"))
    elif question.type in CHOICE_TYPES - {"boolean"} and not options:
        add(((*loc, "options"), f"a {question.type!r} question needs options"))
    elif question.type in {"number", "text"} and options:
        add(((*loc, "options"), f"a {question.type!r} question has no options"))
    if options:
        _unique(problems, ((*loc, "options", i, "id") for i in range(len(options))), [o.id for o in options], "option")
        for oi, opt in enumerate(options):
            if opt.id in SPECIAL_VALUES:
                add(((*loc, "options", oi, "id"), f"{opt.id!r} is reserved: answers use it for "
                     + ("'not applicable'" if opt.id == NA else "'don't know'")))
        if kind in {"dimension", "obstacles"} and question.type in CHOICE_TYPES:
            for oi, opt in enumerate(options):
                if opt.score is None:
                    add(((*loc, "options", oi, "score"), "every option of a scored question needs a score"))
            if question.type != "multi" and all(o.score is not None for o in options) and max(
                o.score or 0 for o in options
            ) <= 0 and kind == "dimension":
                add(((*loc, "options"), "the highest option score must be above 0"))
    if kind == "obstacles" and question.type not in {"scale", "single"}:
        add(((*loc, "type"), "an obstacle is rated with a 'scale' or 'single' question"))
    if question.min is not None and question.max is not None and question.min > question.max:
        add(((*loc, "min"), "min is above max"))
    if question.benchmark is not None and figure_ids is not None and question.benchmark not in figure_ids:
        add(((*loc, "benchmark"), f"no benchmark figure has the id {question.benchmark!r}"))
    if question.show_if is not None:
        _check_condition(problems, q, question.show_if, (*loc, "show_if"), earlier)


def _check_ref(problems: list, q: Questionnaire, qid: str, options: list[str], loc: Loc,
               earlier: dict[str, Loc] | None, na: bool = False) -> None:
    """``na``: whether ``"na"`` may be named (a recommendation's rule, for a question that offers it)."""
    target = q.question(qid)
    if target is None:
        problems.append(((*loc, "question"), f"unknown question {qid!r}"))
        return
    if earlier is not None and qid not in earlier:
        problems.append(((*loc, "question"), f"a condition may only name an earlier question ({qid!r} comes later)"))
    for option in options:
        if na and option == NA and NA not in target.option_ids:
            if not target.na_allowed:
                problems.append((loc, f"question {qid!r} does not offer {NA!r} (allow_na is false)"))
        elif target.type in CHOICE_TYPES and option not in (target.option_ids or ["yes", "no"]):
            problems.append((loc, f"{option!r} is not an option of question {qid!r}"))
        elif target.type not in CHOICE_TYPES:
            problems.append((loc, f"question {qid!r} has no options to compare with"))


def _check_condition(problems: list, q: Questionnaire, cond: Any, loc: Loc, earlier: dict[str, Loc]) -> None:
    if isinstance(cond, CondEquals):
        _check_ref(problems, q, cond.question, [cond.equals], loc, earlier)
    elif isinstance(cond, CondIn):
        _check_ref(problems, q, cond.question, cond.in_, loc, earlier)
    elif isinstance(cond, CondAnswered):
        _check_ref(problems, q, cond.question, [], loc, earlier)
    elif isinstance(cond, CondAll | CondAny):
        items = cond.all if isinstance(cond, CondAll) else cond.any
        key = "all" if isinstance(cond, CondAll) else "any"
        for i, sub in enumerate(items):
            _check_condition(problems, q, sub, (*loc, key, i), earlier)
    elif isinstance(cond, CondNot):
        _check_condition(problems, q, cond.not_, (*loc, "not"), earlier)


def _check_rule(problems: list, q: Questionnaire, rule: Any, loc: Loc) -> None:
    dimensions = {s.id for s in q.dimensions}
    if isinstance(rule, RuleLevel | RuleScore):
        if rule.dimension not in dimensions:
            problems.append(((*loc, "dimension"), f"unknown dimension {rule.dimension!r}"))
        if isinstance(rule, RuleLevel) and q.level(rule.level_at_most) is None:
            problems.append(((*loc, "level_at_most"), f"unknown level {rule.level_at_most!r}"))
    elif isinstance(rule, RuleObstacle):
        if rule.obstacle not in {o.id for o in q.obstacles}:
            problems.append(((*loc, "obstacle"), f"unknown obstacle {rule.obstacle!r}"))
    elif isinstance(rule, RuleEquals):
        _check_ref(problems, q, rule.question, [rule.equals], loc, None, na=True)
    elif isinstance(rule, RuleIn):
        _check_ref(problems, q, rule.question, rule.in_, loc, None, na=True)
    elif isinstance(rule, RuleAll | RuleAny):
        items = rule.all if isinstance(rule, RuleAll) else rule.any
        key = "all" if isinstance(rule, RuleAll) else "any"
        for i, sub in enumerate(items):
            _check_rule(problems, q, sub, (*loc, key, i))
    elif isinstance(rule, RuleNot):
        _check_rule(problems, q, rule.not_, (*loc, "not"))


_YES = {"fr": "Oui", "de": "Ja", "en": "Yes", "nl": "Ja"}
_NO = {"fr": "Non", "de": "Nein", "en": "No", "nl": "Nee"}


def _builtin_label(q: Questionnaire, labels: dict[str, str]) -> dict[str, str]:
    out = {lang: labels[lang] for lang in q.languages if lang in labels}
    out.setdefault(q.default_language, labels["en"])
    return out


def _resolve_defaults(q: Questionnaire) -> None:
    for section in q.sections:
        for question in section.questions:
            if question.allow_na is None:
                question.allow_na = section.kind == "dimension"
            if question.type == "boolean" and not question.options:
                question.options = [
                    Option(id=oid, label=_builtin_label(q, labels), score=value)
                    for oid, labels, value in (("yes", _YES, 1), ("no", _NO, 0))
                ]


def questionnaire_from_data(
    data: Any, lines: LineMap | None = None, name: str = "<questionnaire>",
    figure_ids: set[str] | None = None, base_dir: Path | None = None,
) -> Questionnaire:
    lines = lines or {}
    if not isinstance(data, dict):
        raise InvalidInput([Problem("a questionnaire file is a YAML mapping (id, version, sections, ...)", file=name, line=1)])
    extra_problems: list[Problem] = []
    rec_file = data.get("recommendations_file")
    if isinstance(rec_file, str) and base_dir is not None:
        data, lines, extra_problems = _merge_recommendations(data, lines, name, base_dir / rec_file)
    try:
        q = Questionnaire.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(extra_problems + _pydantic_problems(exc, data, lines, name)) from None
    if extra_problems:
        raise InvalidInput(extra_problems)
    _resolve_defaults(q)
    found = check(q, figure_ids)
    if found:
        raise InvalidInput(
            [Problem(message=m, path=format_path(loc), file=_file_of(loc, name, lines), line=line_for(lines, loc))
             for loc, m in found]
        )
    return q


def _file_of(loc: Loc, name: str, lines: LineMap) -> str:
    if loc and loc[0] == "recommendations" and ("__file__", "recommendations") in lines:
        return str(lines[("__file__", "recommendations")])  # type: ignore[arg-type]
    return name


def _merge_recommendations(data: dict, lines: LineMap, name: str, path: Path) -> tuple[dict, LineMap, list[Problem]]:
    """Recommendations kept in their own file are read into ``recommendations``."""
    try:
        recs, rec_lines = load_yaml_file(path)
    except InvalidInput as exc:
        return data, lines, exc.problems
    if isinstance(recs, dict) and set(recs) == {"recommendations"}:
        recs = recs["recommendations"]
        rec_lines = {k[1:]: v for k, v in rec_lines.items() if k}
    if not isinstance(recs, list):
        return data, lines, [Problem("a recommendations file is a list (or {recommendations: [...]})", file=str(path), line=1)]
    merged = dict(data)
    merged["recommendations"] = list(data.get("recommendations") or []) + recs
    offset = len(data.get("recommendations") or [])
    new_lines = dict(lines)
    for loc, line in rec_lines.items():
        if loc and isinstance(loc[0], int):
            new_lines[("recommendations", loc[0] + offset, *loc[1:])] = line
    new_lines[("__file__", "recommendations")] = str(path)  # type: ignore[assignment]
    return merged, new_lines, []


def load_questionnaire(path: Path | str = DEFAULT_QUESTIONNAIRE, figure_ids: set[str] | None = None) -> Questionnaire:
    path = Path(path)
    data, lines = load_yaml_file(path)
    return questionnaire_from_data(data, lines, str(path), figure_ids, base_dir=path.parent)


def parse_questionnaire(text: str, name: str = "<questionnaire>", figure_ids: set[str] | None = None) -> Questionnaire:
    data, lines = load_yaml(text, name)
    return questionnaire_from_data(data, lines, name, figure_ids)


def questionnaire_files(directory: Path = QUESTIONNAIRES_DIR) -> list[Path]:
    """Questionnaire files (a ``*.recommendations.yaml`` belongs to its questionnaire)."""
    return sorted(p for p in directory.glob("*.yaml") if not p.name.endswith(".recommendations.yaml"))


def find_questionnaire(questionnaire_id: str, version: str | None = None, directory: Path = QUESTIONNAIRES_DIR,
                       figure_ids: set[str] | None = None) -> Questionnaire:
    """The questionnaire with this id (the same version when there is one, else the newest)."""
    candidates = []
    for path in questionnaire_files(directory):
        q = load_questionnaire(path, figure_ids)
        if q.id == questionnaire_id:
            if q.version == version:
                return q
            candidates.append(q)
    if not candidates:
        raise InvalidInput([Problem(f"no questionnaire with the id {questionnaire_id!r} in {directory}",
                                    path="questionnaire.id")])
    return max(candidates, key=lambda q: q.version)
