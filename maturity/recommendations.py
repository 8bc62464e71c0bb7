"""Which recommendations apply (contract §4), why, and in the order a Collège should read them.

Why (``because``): the conditions that made a recommendation's rule true, as plain data:
``{"question": ID, "answer": VALUE}``, ``{"dimension": ID, "score": S, "level": L}``,
``{"obstacle": ID, "severity": N}``. Under ``all``, every part; under ``any``, the parts that
hold; under ``not``, the facts the inner rule looked at (a guard such as "no adopted plan"
is explained by the answer actually given). Each fact is listed once, in the rule's order.

Order: priority first (1 before 3). Within a priority, the recommendations triggered by an
answer (a question part of the rule that holds, not under ``not``) come before the generic ones
(a dimension's level or score, an obstacle), because they say something about this commune in
particular; after both, those whose ``because`` names answers of the commune that are all
« je ne sais pas » (:attr:`Selected.unsure`: a guard such as "not already done" holds because the
commune does not know; a rule cannot name « je ne sais pas », so no such part triggers one). Then
the most urgent first, where urgency is ``1 - score/100`` for a recommendation
that lifts a dimension (the weakest dimension first), ``severity / highest severity`` for one
that lifts an obstacle, and 0.5 otherwise or when the dimension has too few answers to be
scored; at equal urgency an obstacle the commune rated comes before a dimension step (it is
what the commune said holds it back); remaining ties keep the file's order.

The sheet shows the first ``SHEET_LIMIT`` of that list: first every priority-1 recommendation
whose ``because`` names one of the commune's answers other than « je ne sais pas », an obstacle's
severity included (never
crowded out by generic ones; this includes a step guarded by an answer, such as the steering group for a commune where "nobody is
named", which the order above counts as generic), then one per dimension or obstacle
before a second one for the same, so that the obstacles a commune cites are not crowded out by
several steps for one weak dimension; then the rest in order. The sheet keeps the list's order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .labels import SCORE_STATES, UNANSWERED, answer_state_label, answer_words, label_value
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
from .special import UNKNOWN, effective_answer
from .typography import french_spaces, join_answers, quoted

SHEET_LIMIT = 8

Fact = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Selected:
    recommendation: Recommendation
    dimension: str | None
    obstacle: str | None
    urgency: float
    because: tuple[Fact, ...] = field(default=(), compare=False, hash=False)
    specific: bool = False  # triggered by an answer (see module doc)

    @property
    def answered(self) -> bool:
        """Whether ``because`` names one of the commune's answers: to a question (positive or a guard)
        or to an obstacle question (the severity it rated); « je ne sais pas » is none (see
        :attr:`unknown`)."""
        return any(("question" in f and f["answer"] not in (None, [], UNKNOWN))
                   or ("obstacle" in f and f["severity"] is not None) for f in self.because)

    @property
    def unknown(self) -> tuple[str, ...]:
        """The questions of ``because`` the commune answered « je ne sais pas »: the rule holds because
        the commune does not know (a guard such as "not already done"), to be checked first."""
        return tuple(f["question"] for f in self.because if is_unknown(f))

    @property
    def unsure(self) -> bool:
        """Whether the commune's answers ``because`` names are all « je ne sais pas »: nothing it
        really answered says that the recommendation applies (its order and the sheet's first step)."""
        return bool(self.unknown) and not self.answered

    def to_json(self, q: Questionnaire, lang: str | None = None) -> dict[str, Any]:
        """``{id, priority, title, dimension, obstacle, because, check_first, unsure}`` (contract §6,
        ``maturity recommendations --json``): ``check_first``, the questions ``because`` names that the commune
        answered « je ne sais pas » (to check first, as the sheet, the page and the text output say), and
        ``unsure``, whether the recommendation rests only on them (:attr:`unsure`)."""
        rec = self.recommendation
        return {"id": rec.id, "priority": rec.priority, "title": q.t(rec.title, lang or q.default_language),
                "dimension": self.dimension, "obstacle": self.obstacle, "because": [dict(f) for f in self.because],
                "check_first": list(self.unknown), "unsure": self.unsure}


def is_unknown(fact: Fact) -> bool:
    """Whether a fact of ``because`` is an answer « je ne sais pas »."""
    return "question" in fact and fact["answer"] == UNKNOWN


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


def _answer(answers: Mapping[str, Any], question: str, shown: set[str]) -> Any:
    """A shown question's answer as it is read (:func:`maturity.special.effective_answer`: « none »
    beside other options is those options, so a step written for « none » does not apply and
    ``because`` names the options ticked); None when hidden."""
    return effective_answer(answers.get(question)) if question in shown else None


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
        value = _answer(answers, rule.question, shown)
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


def _fact(rule: Any, assessment: Assessment, answers: Mapping[str, Any], shown: set[str]) -> Fact:
    """The fact a leaf rule looks at, as it is for this commune."""
    if isinstance(rule, RuleLevel | RuleScore):
        dim = assessment.dimensions.get(rule.dimension)
        return {"dimension": rule.dimension, "score": dim.score if dim else None, "level": dim.level if dim else None}
    if isinstance(rule, RuleObstacle):
        obstacle = assessment.obstacles.get(rule.obstacle)
        return {"obstacle": rule.obstacle, "severity": obstacle.severity if obstacle else None}
    value = _answer(answers, rule.question, shown)
    return {"question": rule.question, "answer": list(value) if isinstance(value, list) else value}


def _facts(rule: Any, q: Questionnaire, assessment: Assessment, answers: Mapping[str, Any], shown: set[str],
           negated: bool, out: list[tuple[Fact, bool]]) -> None:
    """Append (fact, positive) for the parts of a rule that hold (all leaves under ``not``)."""
    if isinstance(rule, RuleAll | RuleAny):
        parts = rule.all if isinstance(rule, RuleAll) else rule.any
        for sub in parts:
            if negated or isinstance(rule, RuleAll) or matches(sub, q, assessment, answers, shown):
                _facts(sub, q, assessment, answers, shown, negated, out)
    elif isinstance(rule, RuleNot):
        _facts(rule.not_, q, assessment, answers, shown, True, out)
    else:
        out.append((_fact(rule, assessment, answers, shown), not negated))


def explain(rule: Any, q: Questionnaire, assessment: Assessment, answers: Mapping[str, Any],
            shown: set[str] | None = None) -> tuple[list[Fact], bool]:
    """``(because, specific)`` for a rule that holds: its facts (see module doc), once each, and
    whether an answer triggered it (a question part that holds, not under ``not``)."""
    if shown is None:
        shown = visible_questions(q, answers)
    found: list[tuple[Fact, bool]] = []
    _facts(rule, q, assessment, answers, shown, False, found)
    because: list[Fact] = []
    specific = False
    for fact, positive in found:
        if "question" in fact and positive:
            specific = True
        if fact not in because:
            because.append(fact)
    return because, specific


def because(rule: Any, q: Questionnaire, assessment: Assessment, answers: Mapping[str, Any],
            shown: set[str] | None = None) -> list[Fact]:
    """The conditions that made ``rule`` true (see module doc)."""
    return explain(rule, q, assessment, answers, shown)[0]


def select(q: Questionnaire, assessment: Assessment, answers: Mapping[str, Any], limit: int | None = None) -> list[Selected]:
    """The recommendations whose rule holds, ordered (see module doc); ``limit`` for the sheet."""
    shown = visible_questions(q, answers)
    top_severity = {o.id: max((opt.score or 0) for opt in o.options or ()) or 1 for o in q.obstacles}
    chosen: list[tuple[tuple[int, int, float, int, int], Selected]] = []
    for index, rec in enumerate(q.recommendations):
        if not matches(rec.when, q, assessment, answers, shown):
            continue
        facts, specific = explain(rec.when, q, assessment, answers, shown)
        dimension, obstacle = _rule_target(rec.when)
        dimension = rec.dimension or dimension
        obstacle = rec.obstacle or obstacle
        urgency = 0.5
        if dimension and assessment.dimensions.get(dimension) and assessment.dimensions[dimension].score is not None:
            urgency = 1 - assessment.dimensions[dimension].score / 100  # type: ignore[operator]
        elif obstacle and assessment.obstacles.get(obstacle) and assessment.obstacles[obstacle].severity is not None:
            urgency = assessment.obstacles[obstacle].severity / top_severity.get(obstacle, 1)  # type: ignore[operator]
        item = Selected(rec, dimension, obstacle, urgency, tuple(facts), specific)
        chosen.append(((rec.priority, 0 if specific else 2 if item.unsure else 1, -round(urgency, 9),
                        0 if obstacle else 1, index), item))
    chosen.sort(key=lambda pair: pair[0])
    selected = [s for _, s in chosen]
    if limit is None or len(selected) <= limit:
        return selected
    return _spread(selected, limit)


def _spread(selected: list[Selected], limit: int) -> list[Selected]:
    """The first ``limit`` (see module doc). Order is kept."""
    picked: set[int] = set()
    for index, item in enumerate(selected):  # 1. priority 1, naming an answer
        if len(picked) == limit:
            break
        if item.recommendation.priority == 1 and item.answered:
            picked.add(index)
    targets = {(selected[i].dimension, selected[i].obstacle) for i in picked}
    for index, item in enumerate(selected):  # 2. one per dimension or obstacle
        if len(picked) == limit:
            break
        target = (item.dimension, item.obstacle)
        if index not in picked and (target == (None, None) or target not in targets):
            picked.add(index)
            targets.add(target)
    for index in range(len(selected)):  # 3. the rest, in order
        if len(picked) == limit:
            break
        picked.add(index)
    return [item for index, item in enumerate(selected) if index in picked]


# --- plain words for a fact (CLI, sheet, app) ------------------------------------------------

_WORDS = {
    # after an answer « je ne sais pas » that ``because`` names (the CLI's list)
    "check": {"fr": "à vérifier d'abord", "de": "zuerst klären", "en": "check first"},
    # under a recommendation resting on « je ne sais pas » (the sheet, the app): which questions, in words
    "check_first": {"fr": "Vous avez répondu {answer} à {questions} : à vérifier d'abord.",
                    "de": "Sie haben bei {questions} {answer} geantwortet: zuerst klären.",
                    "en": "You answered {answer} to {questions}: check this first."},
    "check_and": {"fr": " et à ", "de": " und bei ", "en": " and to "},
    # before what made a recommendation apply, on the sheet (:func:`reasons`)
    "from_answers": {"fr": "D'après vos réponses", "de": "Laut Ihren Antworten", "en": "From your answers"},
    "score": {"fr": "score", "de": "Wert", "en": "score"},  # de: the results table's « Ihr Wert »
    "severity": {"fr": "frein", "de": "Hemmnis", "en": "obstacle"},
    "insufficient": SCORE_STATES["insufficient"],  # the core's, as the app and the sheet say
}


def _word(key: str, lang: str) -> str:
    """The words ``key`` in ``lang`` (English when missing); French with its no-break space before ? ! : ; as every
    French text is looked up (« … » : à vérifier d'abord was the one text of the page with a plain one)."""
    word = _WORDS[key].get(lang) or _WORDS[key]["en"]
    return french_spaces(word) if lang == "fr" else word


def asked(text: str) -> str:
    """A question as a sentence quotes it: what it asks, without its question mark nor the instruction
    after it ("Quelles tâches … sont numérisées ? Cochez tout ce qui est en place." → "Quelles tâches …
    sont numérisées"), which read "… en place. : ajouter « … »" in the sentence."""
    question = text.split("?", 1)[0] if "?" in text else text
    return question.rstrip(" \u00a0?:").strip()


def check_first(q: Questionnaire, sel: Selected, lang: str) -> str:
    """Why a recommendation may not apply, in plain words: the questions its ``because`` names that the
    commune answered « je ne sais pas » ("Vous avez répondu « Je ne sais pas » à « La commune suit-elle la
    consommation d'énergie de ses bâtiments » : à vérifier d'abord."); "" when there is none."""
    names = []
    for question_id in sel.unknown:
        question = q.question(question_id)
        names.append(quoted(asked(q.t(question.text, lang)) if question is not None else question_id, lang))
    if not names:
        return ""
    return _word("check_first", lang).format(answer=quoted(answer_state_label(UNKNOWN, lang), lang),
                                              questions=_word("check_and", lang).join(names))


def reasons(q: Questionnaire, sel: Selected, lang: str) -> str:
    """What made a recommendation apply to this commune, in a line for the sheet: « D'après vos réponses : Budget :
    Frein important ; Smart Governance – Gouvernance : score 34 (Planification) » (:func:`describe` of each fact
    of ``because``, as ``maturity recommendations`` prints them). The answers « je ne sais pas » are left to
    :func:`check_first`'s sentence, which says them, and the facts the commune has no answer to are left out
    (:func:`_no_answer`); "" when nothing else is named. A Collège reading the sheet
    alone sees on what the recommendation rests, and can check it against what the commune knows."""
    said = [describe(q, fact, lang) for fact in sel.because if not is_unknown(fact) and not _no_answer(fact)]
    if not said:
        return ""
    # joined as a multi answer's options are: each without the full stop its answer's label may end on (« … sans
    # vue d'ensemble. ; Qui pilote … »), by semicolons
    return label_value(_word("from_answers", lang), join_answers(said, lang), lang)


def _no_answer(fact: Fact) -> bool:
    """Whether a fact names a question or an obstacle the commune has no answer to: a guard (« not … ») holds
    then, for a question left blank or one its condition never showed (Amel, not started: « Votre démarche
    est-elle écrite dans une stratégie ? → sans réponse », a question it was never asked). Nothing in its answers
    made the recommendation apply, so the sheet's line leaves it out; ``maturity recommendations`` still says it."""
    return ("question" in fact and fact["answer"] is None) or ("obstacle" in fact and fact["severity"] is None)


def describe(q: Questionnaire, fact: Fact, lang: str) -> str:
    """A fact of ``because`` in plain words: ``QUESTION → answer`` (``QUESTION → Je ne sais pas : à vérifier
    d'abord``), ``Dimension : score 25 (Planification)``,
    ``Budget : Frein majeur`` (the question's ``short`` name when it has one); French's colon with its no-break
    space (:func:`maturity.labels.label_value`)."""
    from .display import format_number

    if "question" in fact:
        question = q.question(fact["question"])
        name = q.t(question.short or question.text, lang) if question is not None else fact["question"]
        said = f"{name} → {answer_words(q, question, fact['answer'], lang)}"
        return label_value(said, _word("check", lang), lang) if is_unknown(fact) else said
    if "dimension" in fact:
        section = next((s for s in q.dimensions if s.id == fact["dimension"]), None)
        name = q.t(section.label, lang) if section is not None else fact["dimension"]
        if fact.get("score") is None:
            return label_value(name, _word("insufficient", lang), lang)
        level = q.level(fact.get("level"))
        return label_value(name, f"{_word('score', lang)} {format_number(fact['score'], lang)}" + (
            f" ({q.t(level.label, lang)})" if level else ""), lang)
    question = q.question(fact["obstacle"])
    name = q.t(question.short or question.text, lang) if question is not None else fact["obstacle"]
    severity = fact.get("severity")
    label = ""
    if question is not None and severity is not None:
        option = next((o for o in question.options or () if o.score == severity), None)
        label = q.t(option.label, lang) if option else format_number(severity, lang)
    return label_value(name, label or answer_state_label(UNANSWERED, lang), lang)


def target_of(rec: Recommendation) -> tuple[str | None, str | None]:
    """The (dimension, obstacle) a recommendation lifts: its own fields, else the one its rule names."""
    dimension, obstacle = _rule_target(rec.when)
    return rec.dimension or dimension, rec.obstacle or obstacle
