"""The questionnaire as data: pydantic models for contract §1 and §4.

Structure is checked by pydantic (unknown keys are errors); the rules that span
several fields (unique ids, references, conditions on earlier questions, ...)
are checked by :func:`maturity.questionnaire.check` so that *every* problem of a
file is reported together.
"""

from __future__ import annotations

from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from .special import NA, UNKNOWN
from .typography import french_spaces

Slug = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
OptionId = Annotated[str, Field(pattern=r"^[^\s]+$", max_length=64)]
"""An option id: any non-empty text without spaces ("none", "0", "1", "a-b", ...), as in
XLSForm choice lists. In YAML a number or ``true``/``false`` must be quoted ("0")."""
Text = str | dict[str, str]
"""A text: a plain string (the default language) or ``{fr: ..., de: ..., en: ...}``."""

QuestionType = Literal["scale", "single", "multi", "boolean", "number", "text"]
SectionKind = Literal["dimension", "obstacles", "profile"]
CHOICE_TYPES = frozenset({"scale", "single", "multi", "boolean"})
SPECIAL_VALUES = frozenset({NA, UNKNOWN})


class _Strict(BaseModel):
    # each model's validator is built at its first use (the first questionnaire or answers read), not at
    # import: importing the models costs a third as much, and the app's home page imports them without
    # reading a questionnaire (issue 16: cold start); this also resolves the recursive conditions and rules
    model_config = ConfigDict(extra="forbid", frozen=False, populate_by_name=True, defer_build=True)


def localize(text: Text | None, lang: str, default: str = "fr") -> str:
    """The text in ``lang``, falling back to the default language; a French text with the no-break spaces of
    French typography before ? ! : ; (:func:`maturity.typography.french_spaces`: a browser breaks a line there)."""
    if text is None:
        return ""
    if isinstance(text, str):
        return french_spaces(text) if lang == "fr" else text
    if text.get(lang):
        return french_spaces(text[lang]) if lang == "fr" else text[lang]
    chosen = text.get(default) or next(iter(text.values()), "")
    return french_spaces(chosen) if chosen and (default == "fr" or lang == "fr") else chosen


# --- conditions (contract §1) ---------------------------------------------------------------


class CondEquals(_Strict):
    question: Slug
    equals: OptionId


class CondIn(_Strict):
    question: Slug
    in_: list[OptionId] = Field(alias="in", min_length=1)


class CondAnswered(_Strict):
    question: Slug
    answered: bool


class CondAll(_Strict):
    all: list[Condition] = Field(min_length=1)


class CondAny(_Strict):
    any: list[Condition] = Field(min_length=1)


class CondNot(_Strict):
    not_: Condition = Field(alias="not")


_CONDITION_TAGS = ("all", "any", "not", "equals", "in", "answered")


def _tag_of(value: Any, tags: tuple[str, ...]) -> str | None:
    if isinstance(value, BaseModel):
        value = value.model_dump(by_alias=True)
    if not isinstance(value, dict):
        return None
    for tag in tags:
        if tag in value:
            return tag
    return None


def _condition_tag(value: Any) -> str | None:
    return _tag_of(value, _CONDITION_TAGS)



def condition_questions(cond: Any) -> set[str]:
    """The questions a ``show_if`` condition reads (the batch scorer's columns, the app's counter that says
    more questions may appear)."""
    if isinstance(cond, CondEquals | CondIn | CondAnswered):
        return {cond.question}
    if isinstance(cond, CondAll | CondAny):
        return set().union(*(condition_questions(c) for c in (cond.all if isinstance(cond, CondAll) else cond.any)))
    if isinstance(cond, CondNot):
        return condition_questions(cond.not_)
    return set()  # pragma: no cover - models forbid it

Condition = Annotated[
    Annotated[CondAll, Tag("all")]
    | Annotated[CondAny, Tag("any")]
    | Annotated[CondNot, Tag("not")]
    | Annotated[CondEquals, Tag("equals")]
    | Annotated[CondIn, Tag("in")]
    | Annotated[CondAnswered, Tag("answered")],
    Discriminator(
        _condition_tag,
        custom_error_type="condition",
        custom_error_message="a condition is one of {question, equals}, {question, in}, "
        "{question, answered}, {all: [...]}, {any: [...]}, {not: ...}",
    ),
]


# --- recommendation rules (contract §4) -----------------------------------------------------


class RuleLevel(_Strict):
    dimension: Slug
    level_at_most: Slug


class RuleScore(_Strict):
    dimension: Slug
    score_below: float = Field(ge=0, le=100)


class RuleObstacle(_Strict):
    obstacle: Slug
    severity_at_least: float = Field(ge=0)


class RuleEquals(_Strict):
    question: Slug
    equals: OptionId


class RuleIn(_Strict):
    question: Slug
    in_: list[OptionId] = Field(alias="in", min_length=1)


class RuleAll(_Strict):
    all: list[Rule] = Field(min_length=1)


class RuleAny(_Strict):
    any: list[Rule] = Field(min_length=1)


class RuleNot(_Strict):
    not_: Rule = Field(alias="not")


_RULE_TAGS = ("all", "any", "not", "level_at_most", "score_below", "severity_at_least", "equals", "in")


def _rule_tag(value: Any) -> str | None:
    return _tag_of(value, _RULE_TAGS)


Rule = Annotated[
    Annotated[RuleAll, Tag("all")]
    | Annotated[RuleAny, Tag("any")]
    | Annotated[RuleNot, Tag("not")]
    | Annotated[RuleLevel, Tag("level_at_most")]
    | Annotated[RuleScore, Tag("score_below")]
    | Annotated[RuleObstacle, Tag("severity_at_least")]
    | Annotated[RuleEquals, Tag("equals")]
    | Annotated[RuleIn, Tag("in")],
    Discriminator(
        _rule_tag,
        custom_error_type="rule",
        custom_error_message="a rule is one of {dimension, level_at_most}, {dimension, score_below}, "
        "{obstacle, severity_at_least}, {question, equals}, {question, in}, {all}, {any}, {not}",
    ),
]


# --- the questionnaire ---------------------------------------------------------------------


class Option(_Strict):
    id: OptionId
    label: Text
    score: float | None = Field(default=None, ge=0)


class Question(_Strict):
    id: Slug
    text: Text
    # extension: a short name (a few words) where the whole question does not fit: the
    # obstacles' names in charts and tables
    short: Text | None = None
    help: Text | None = None
    type: QuestionType
    options: list[Option] | None = None
    weight: float = Field(default=1.0, ge=0)
    allow_na: bool | None = None
    show_if: Condition | None = None
    min: float | None = None
    max: float | None = None
    benchmark: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_.-]*$")

    def option(self, option_id: str) -> Option | None:
        for opt in self.options or ():
            if opt.id == option_id:
                return opt
        return None

    @property
    def option_ids(self) -> list[str]:
        return [o.id for o in self.options or ()]

    @property
    def na_allowed(self) -> bool:
        return bool(self.allow_na)


class Level(_Strict):
    id: Slug
    min: float = Field(ge=0, le=100)
    label: Text
    description: Text


class Section(_Strict):
    id: Slug
    kind: SectionKind
    label: Text
    description: Text | None = None
    questions: list[Question] = Field(min_length=1)


class Resource(_Strict):
    label: Text
    url: str = Field(pattern=r"^https?://[^\s<>\"']+$", max_length=500)


class FormerAction(_Strict):
    """An earlier text of a recommendation's action: a roadmap saved then holds it (the plan keeps its own
    text for years), and it still counts as that action."""
    action: int = Field(ge=1)  # the action's place in ``actions``, counted from 1
    text: Text


class Recommendation(_Strict):
    id: Slug
    when: Rule
    priority: int = Field(ge=1, le=3)
    title: Text
    text: Text
    actions: list[Text] = Field(min_length=1)
    resources: list[Resource] = Field(default_factory=list)
    # extensions (optional): the dimension or obstacle the recommendation lifts, and its
    # strategic objective, used to group it and to fill the PST actions table
    dimension: Slug | None = None
    obstacle: Slug | None = None
    objective: Text | None = None
    # extension: the earlier texts of actions rewritten since a roadmap may have been saved
    former_actions: list[FormerAction] = Field(default_factory=list)

    def action_texts(self, index: int) -> set[str]:
        """Every text the action at ``index`` (counted from 0) has or had, in any language."""
        texts = [self.actions[index], *(f.text for f in self.former_actions if f.action == index + 1)]
        return {t for text in texts for t in ([text] if isinstance(text, str) else text.values())}


class Questionnaire(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=64)
    version: str = Field(min_length=1, max_length=32)
    languages: list[Annotated[str, Field(pattern=r"^[a-z]{2}$")]] = Field(min_length=1)
    title: Text
    description: Text
    levels: list[Level] = Field(min_length=1)
    min_coverage: float = Field(default=0.5, ge=0, le=1)
    # extension: a dimension whose applicable weight (shown questions not answered "na")
    # is below this share of its shown weight says "insufficient answers"; None: no such rule
    min_applicable: float | None = Field(default=None, ge=0, le=1)
    sections: list[Section] = Field(min_length=1)
    recommendations: list[Recommendation] = Field(default_factory=list)
    # extension: recommendations kept in a separate YAML file beside this one
    recommendations_file: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.-]+\.ya?ml$")

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @cached_property
    def question_index(self) -> dict[str, tuple[Section, Question]]:
        return {q.id: (s, q) for s in self.sections for q in s.questions}

    @cached_property
    def order(self) -> dict[str, int]:
        return {qid: i for i, qid in enumerate(self.question_index)}

    def question(self, question_id: str) -> Question | None:
        found = self.question_index.get(question_id)
        return found[1] if found else None

    def sections_of(self, kind: SectionKind) -> list[Section]:
        return [s for s in self.sections if s.kind == kind]

    @property
    def dimensions(self) -> list[Section]:
        return self.sections_of("dimension")

    @property
    def obstacles(self) -> list[Question]:
        return [q for s in self.sections_of("obstacles") for q in s.questions]

    def level(self, level_id: str | None) -> Level | None:
        return next((lv for lv in self.levels if lv.id == level_id), None)

    def t(self, text: Text | None, lang: str) -> str:
        return localize(text, lang, self.default_language)
