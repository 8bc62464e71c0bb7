"""Selection of recommendations (contract §4): rules, order, and the sheet's first eight."""

from __future__ import annotations

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
    assert {"budget", "expertise"} <= obstacles
    targets = [s.dimension or s.obstacle for s in sheet]
    assert len(set(targets)) == len(targets)  # one per dimension or obstacle when there is room
