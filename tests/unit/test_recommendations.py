"""Selection of recommendations (contract §4): rules, order, and the sheet's first eight."""

from __future__ import annotations

import pytest

from maturity.recommendations import SHEET_LIMIT, select
from maturity.scoring import score


def _ids(selected):
    return [s.recommendation.id for s in selected]


def test_rules_of_each_kind(mini):
    answers = {"a1": "none", "a2": "no", "a3": [], "b1": "o1", "b2": "o1", "budget": "significant", "approach": "none"}
    a = score(mini, answers)
    assert a.dimensions["alpha"].level == "low" and a.dimensions["beta"].score == 50
    assert set(_ids(select(mini, a, answers))) == {"rec_alpha_low", "rec_beta_mid", "rec_budget", "rec_no_approach"}
    answers = {"a1": "full", "a2": "yes", "a3": ["z"], "a4": "yes", "b1": "o2", "b2": "o2", "budget": "minor",
               "approach": "started"}
    assert _ids(select(mini, score(mini, answers), answers)) == []


def test_insufficient_dimension_matches_no_level_rule(mini):
    a = score(mini, {})
    assert _ids(select(mini, a, {})) == []


def test_order_is_priority_then_weakest_first(mini):
    answers = {"a1": "some", "a2": "no", "a3": [], "b1": "o0", "b2": "o1", "budget": "major", "approach": "none"}
    a = score(mini, answers)  # alpha 0.25 / 4 = 6.25 ; beta 0.5 / 2 = 25
    assert a.dimensions["alpha"].score == 6.25 and a.dimensions["beta"].score == 25
    assert _ids(select(mini, a, answers)) == ["rec_budget", "rec_alpha_low", "rec_beta_mid", "rec_no_approach"]


def test_weakest_dimension_first_within_a_priority(mini):
    answers = {"a1": "none", "a2": "no", "a3": [], "b1": "o1", "b2": "o0"}  # alpha 0, beta 25
    a = score(mini, answers)
    assert _ids(select(mini, a, answers))[:2] == ["rec_alpha_low", "rec_beta_mid"]


def test_sheet_selection_on_the_default_questionnaire_keeps_cited_obstacles(default_questionnaire):
    q = default_questionnaire
    answers = {}
    for section in q.dimensions:
        for question in section.questions:
            if question.options:
                answers[question.id] = [] if question.type == "multi" else min(
                    question.options, key=lambda o: o.score or 0).id
    answers.update({"budget": "major", "expertise": "major", "staff_time": "significant", "approach": "none"})
    a = score(q, answers)
    full = select(q, a, answers)
    sheet = select(q, a, answers, limit=SHEET_LIMIT)
    assert len(sheet) == SHEET_LIMIT
    assert [s for s in full if s in sheet] == sheet  # the sheet keeps the app's order
    obstacles = {s.obstacle for s in sheet if s.obstacle}
    assert "expertise" in obstacles  # a cited obstacle with a priority-1 step keeps its place
    # budget (priority 2 since 2027.1: a means, not a first step) is listed, not first
    assert "obstacle_budget" in [s.recommendation.id for s in full]
    assert full[0].recommendation.id != "obstacle_budget"
    # the priority-1 steps triggered by an answer come first and are all kept ...
    specific = [s for s in full if s.specific and s.recommendation.priority == 1]
    assert specific and sheet[: len(specific)] == specific
    # ... then one per dimension or obstacle when there is room
    targets = [s.dimension or s.obstacle for s in sheet if not s.specific]
    assert len(set(targets)) == len(targets)


# --- because: the conditions that made the rule true -------------------------------------------

BECAUSE_Q = """
id: b
version: "1"
languages: [fr]
title: B
description: B
levels: [{id: low, min: 0, label: L, description: D}, {id: high, min: 50, label: H, description: D}]
sections:
  - id: d
    kind: dimension
    label: D
    questions:
      - {id: plan, text: Plan, type: scale, options: [{id: none, label: Aucun, score: 0}, {id: adopted, label: Adopté, score: 2}]}
      - {id: tools, text: Outils, type: multi, options: [{id: a, label: A, score: 1}, {id: b, label: B, score: 1}]}
  - id: obstacles
    kind: obstacles
    label: O
    questions:
      - {id: budget, text: Budget, type: scale, options: [{id: none, label: N, score: 0}, {id: major, label: M, score: 3}]}
recommendations:
  - id: generic
    when: {dimension: d, level_at_most: low}
    priority: 1
    title: G
    text: T
    actions: [A]
  - id: guarded
    when: {all: [{dimension: d, score_below: 75}, {not: {question: plan, equals: adopted}}]}
    priority: 1
    title: G2
    text: T
    actions: [A]
  - id: by_answer
    when: {any: [{question: tools, in: [a]}, {obstacle: budget, severity_at_least: 3}]}
    priority: 1
    title: S
    text: T
    actions: [A]
  - id: cost
    when: {obstacle: budget, severity_at_least: 3}
    priority: 1
    title: C
    text: T
    actions: [A]
"""


def _b():
    from maturity.questionnaire import parse_questionnaire

    return parse_questionnaire(BECAUSE_Q, "b.yaml")


def test_because_names_each_condition_that_held():
    q = _b()
    answers = {"plan": "none", "tools": ["a"], "budget": "none"}
    by_id = {s.recommendation.id: s for s in select(q, score(q, answers), answers)}
    assert set(by_id) == {"generic", "guarded", "by_answer"}
    assert list(by_id["generic"].because) == [{"dimension": "d", "score": 25.0, "level": "low"}]
    # all: both parts; the guard under `not` is explained by the answer actually given
    assert list(by_id["guarded"].because) == [{"dimension": "d", "score": 25.0, "level": "low"},
                                              {"question": "plan", "answer": "none"}]
    # any: only the part that held (budget is "none", so it is not a reason)
    assert list(by_id["by_answer"].because) == [{"question": "tools", "answer": ["a"]}]
    assert by_id["by_answer"].specific and not by_id["guarded"].specific and not by_id["generic"].specific


def test_a_guard_keeps_a_recommendation_away_from_a_commune_already_doing_it():
    q = _b()
    answers = {"plan": "adopted", "tools": [], "budget": "none"}
    a = score(q, answers)
    assert a.dimensions["d"].score == 50.0  # below 75: only the guard keeps "guarded" away
    assert _ids(select(q, a, answers)) == []
    answers["plan"] = "none"
    assert _ids(select(q, score(q, answers), answers)) == ["generic", "guarded"]


def test_a_step_triggered_by_an_answer_comes_before_generic_ones_of_the_same_priority():
    q = _b()
    answers = {"plan": "none", "tools": ["a"], "budget": "major"}
    order = _ids(select(q, score(q, answers), answers))
    assert order[0] == "by_answer"
    assert order.index("cost") > order.index("by_answer")


def test_a_priority_one_step_triggered_by_an_answer_is_never_crowded_out(default_questionnaire):
    q = default_questionnaire
    answers = {}
    for section in q.dimensions:
        for question in section.questions:
            if question.options:
                answers[question.id] = [] if question.type == "multi" else min(
                    question.options, key=lambda o: o.score or 0).id
    answers.update({o.id: "major" for o in q.obstacles})
    answers["approach"] = "none"
    a = score(q, answers)
    full = select(q, a, answers)
    specific = [s.recommendation.id for s in full if s.specific and s.recommendation.priority == 1]
    assert specific
    for limit in range(len(specific), SHEET_LIMIT + 1):
        sheet = _ids(select(q, a, answers, limit=limit))
        assert set(specific) <= set(sheet), limit
        assert sheet[0] != "obstacle_budget"


def test_budget_first_only_when_nothing_more_specific_or_urgent_applies(default_questionnaire):
    q = default_questionnaire
    answers = {"budget": "major"}
    assert _ids(select(q, score(q, answers), answers)) == ["obstacle_budget"]


# --- « je ne sais pas »: an answer the commune did not give (contract §4, order) ----------------

UNSURE_Q = BECAUSE_Q.split("recommendations:")[0] + """recommendations:
  - id: unless_plan
    when: {all: [{dimension: d, score_below: 75}, {not: {question: plan, equals: adopted}}]}
    priority: 1
    title: P
    text: T
    actions: [A]
  - id: unless_tools
    when: {all: [{dimension: d, score_below: 75}, {not: {question: tools, in: [a]}}]}
    priority: 1
    title: U
    text: T
    actions: [A]
  - id: by_tools
    when: {question: tools, in: [b]}
    priority: 1
    title: B
    text: T
    actions: [A]
  - id: cost
    when: {obstacle: budget, severity_at_least: 3}
    priority: 2
    title: C
    text: T
    actions: [A]
"""

# answers → the order. A guard that holds because the commune answered « je ne sais pas » (whether its plan
# is adopted) is no answer it gave: that step comes after the generic ones, whatever the file's order
UNSURE_ORDER = [
    ({"plan": "none", "tools": ["b"]}, ["by_tools", "unless_plan", "unless_tools"]),
    ({"plan": "unknown", "tools": ["b"]}, ["by_tools", "unless_tools", "unless_plan"]),
    ({"plan": "none", "tools": "unknown"}, ["unless_plan", "unless_tools"]),
    ({"plan": "unknown", "tools": [], "budget": "major"}, ["unless_tools", "unless_plan", "cost"]),
    ({"plan": "unknown", "tools": []}, ["unless_tools", "unless_plan"]),  # none ticked: not « je ne sais pas »
]


@pytest.mark.parametrize(("answers", "order"), UNSURE_ORDER)
def test_a_step_resting_only_on_unknown_answers_comes_after_the_others_of_its_priority(answers, order):
    from maturity.questionnaire import parse_questionnaire

    q = parse_questionnaire(UNSURE_Q, "u.yaml")
    selected = select(q, score(q, answers), answers)
    assert _ids(selected) == order
    for sel in selected:
        named = [f["answer"] for f in sel.because if "question" in f and f["answer"] is not None]
        assert sel.unsure == (bool(named) and all(a == "unknown" for a in named)), sel.recommendation.id


def test_a_guard_answered_unknown_names_no_answer_of_the_commune(default_questionnaire):
    """Büllingen's answers with « je ne sais pas » for who steers the approach: the priority-1 steering group
    no longer names an answer of the commune: the sheet does not take it first (contract §4)."""
    from pathlib import Path

    from maturity.answers import load_answers

    q = default_questionnaire
    path = Path(__file__).resolve().parent.parent / "data" / "answers" / "german-buellingen-2027.json"
    answers = dict(load_answers(path, q)[0].answers)
    full = {s.recommendation.id: s for s in select(q, score(q, answers), answers)}
    assert full["governance_steering_group"].answered and not full["governance_steering_group"].unsure
    answers["gov_steering"] = "unknown"
    full = {s.recommendation.id: s for s in select(q, score(q, answers), answers)}
    step = full["governance_steering_group"]
    assert step.unknown == ("gov_steering",) and not step.answered and step.unsure


# words: a condition resting on « je ne sais pas » says so (the CLI's because, the sheet, the app)
CHECK_WORDS = [
    ("fr", "Vous avez répondu «\u00a0Je ne sais pas\u00a0» à «\u00a0Plan\u00a0»\u00a0: à vérifier d'abord.", "Plan → Je ne sais pas\u00a0: à vérifier d'abord"),
    ("de", "Sie haben bei „Plan“ „Weiß ich nicht“ geantwortet: zuerst klären.", "Plan → Weiß ich nicht: zuerst klären"),
    ("en", "You answered “I don't know” to “Plan”: check this first.", "Plan → I don't know: check first"),
]


@pytest.mark.parametrize(("lang", "sentence", "because"), CHECK_WORDS)
def test_a_step_resting_on_unknown_says_to_check_it_first(lang, sentence, because):
    from maturity.questionnaire import parse_questionnaire
    from maturity.recommendations import check_first, describe

    q = parse_questionnaire(UNSURE_Q.replace("languages: [fr]", "languages: [fr, de, en]"), "u.yaml")
    answers = {"plan": "unknown", "tools": ["b"]}
    by_id = {s.recommendation.id: s for s in select(q, score(q, answers), answers)}
    assert check_first(q, by_id["unless_plan"], lang) == sentence
    assert describe(q, {"question": "plan", "answer": "unknown"}, lang) == because
    for real in ("unless_tools", "by_tools"):  # resting on real answers: no such words
        assert check_first(q, by_id[real], lang) == ""
        assert not any(describe(q, f, lang).endswith(because[because.index("→") + 2:]) for f in by_id[real].because)


def test_several_unknown_answers_are_named_together(default_questionnaire):
    from maturity.recommendations import check_first

    q = default_questionnaire
    answers = {"approach": "none", "gov_strategy": "unknown", "gov_steering": "unknown"}
    start = next(s for s in select(q, score(q, answers), answers) if s.recommendation.id == "approach_start")
    assert start.answered and not start.unsure  # « Non » to the approach is an answer: not taken as unsure
    assert check_first(q, start, "fr") == (
        "Vous avez répondu «\u00a0Je ne sais pas\u00a0» à «\u00a0La commune a-t-elle une stratégie Smart City ou "
        "numérique écrite\u00a0» et à «\u00a0Qui pilote la démarche Smart City ou numérique dans la commune\u00a0»\u00a0: "
        "à vérifier d'abord.")
    assert check_first(q, start, "de").count("„") == 3 and " und bei „" in check_first(q, start, "de")
