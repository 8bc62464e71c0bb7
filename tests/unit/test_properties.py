"""Properties of the scoring on the default questionnaire (hypothesis)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity.models import CHOICE_TYPES
from maturity.questionnaire import load_questionnaire
from maturity.scoring import score
from tests.strategies import answer_sets

Q = load_questionnaire()
DIMENSIONS = [s.id for s in Q.dimensions]
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _extreme(pick) -> dict:
    answers = {}
    for section in Q.dimensions:
        for question in section.questions:
            if question.type in CHOICE_TYPES and question.options:
                ranked = sorted(question.options, key=lambda o: o.score or 0)
                answers[question.id] = (
                    [o.id for o in ranked if (o.score or 0) > 0] if question.type == "multi" and pick is max
                    else [] if question.type == "multi"
                    else (ranked[-1] if pick is max else ranked[0]).id
                )
    return answers


def test_default_questionnaire_shape():
    assert DIMENSIONS == ["economy", "people", "governance", "mobility", "environment", "living"]
    for section in Q.dimensions:
        scored = [q for q in section.questions if q.type in CHOICE_TYPES]
        assert len(scored) >= 5, section.id
    obstacles = {o.id for o in Q.obstacles}
    assert {"budget", "expertise", "technology"} <= obstacles and len(obstacles) >= 10
    assert len(Q.levels) == 5


def test_best_answers_give_100_and_worst_give_0_everywhere():
    best, worst = score(Q, _extreme(max)), score(Q, _extreme(min))
    for dim in DIMENSIONS:
        assert best.dimensions[dim].score == pytest.approx(100.0), dim
        assert worst.dimensions[dim].score == pytest.approx(0.0), dim
        assert best.dimensions[dim].level == Q.levels[-1].id
        assert worst.dimensions[dim].level == Q.levels[0].id


@FAST
@given(answer_sets(Q))
def test_scores_stay_within_0_and_100(answers):
    a = score(Q, answers)
    for d in a.dimensions.values():
        assert d.score is None or -1e-9 <= d.score <= 100 + 1e-9
        assert 0 <= d.coverage <= 1
        if d.score is not None:
            assert sum(c.contribution or 0 for c in d.contributions) == pytest.approx(d.score)
    if a.overall is not None:
        assert 0 <= a.overall <= 100 + 1e-9


@FAST
@given(answer_sets(Q), st.data())
def test_an_answer_in_one_dimension_never_moves_another(answers, data):
    section = data.draw(st.sampled_from(Q.dimensions))
    question = data.draw(st.sampled_from(section.questions))
    from tests.strategies import value_for

    changed = dict(answers)
    changed[question.id] = data.draw(value_for(question))
    before, after = score(Q, answers), score(Q, changed)
    for dim in DIMENSIONS:
        if dim != section.id:
            assert before.dimensions[dim].score == after.dimensions[dim].score
            assert before.dimensions[dim].coverage == after.dimensions[dim].coverage


@FAST
@given(answer_sets(Q), st.randoms(use_true_random=False))
def test_reordering_questions_and_answers_changes_nothing(answers, rnd: random.Random):
    data = Q.model_dump(by_alias=True, exclude_none=True)
    for section in data["sections"]:
        if not any("show_if" in q for q in section["questions"]):
            rnd.shuffle(section["questions"])
    from maturity.questionnaire import questionnaire_from_data

    shuffled = questionnaire_from_data(data)
    items = list(answers.items())
    rnd.shuffle(items)
    a, b = score(Q, answers), score(shuffled, dict(items))
    for dim in DIMENSIONS:
        assert a.dimensions[dim].score == pytest.approx(b.dimensions[dim].score) if a.dimensions[dim].score is not None \
            else b.dimensions[dim].score is None
    assert (a.overall is None) == (b.overall is None)


@FAST
@given(answer_sets(Q, kinds=("dimension",)), st.data())
def test_raising_one_answer_never_lowers_its_dimension(answers, data):
    candidates = [q for s in Q.dimensions for q in s.questions if q.type in {"scale", "single", "boolean"}]
    question = data.draw(st.sampled_from(candidates))
    ranked = sorted(question.options, key=lambda o: o.score or 0)
    low = data.draw(st.integers(0, len(ranked) - 1))
    high = data.draw(st.integers(low, len(ranked) - 1))
    section = Q.question_index[question.id][0].id
    lower = dict(answers, **{question.id: ranked[low].id})
    higher = dict(answers, **{question.id: ranked[high].id})
    a, b = score(Q, lower).dimensions[section], score(Q, higher).dimensions[section]
    if a.score is not None and b.score is not None:
        assert b.score >= a.score - 1e-9
