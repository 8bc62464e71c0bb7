"""Recommendations follow the answers: properties over the default questionnaire (hypothesis).

1. A commune that gives the best option to every scored question, cites no obstacle and leaves
   the profile unanswered gets at most 2 recommendations.
2. For every scored question, a commune that gives that question its best option (and the lowest
   to all others) gets no recommendation whose ``because`` names that question.
3. For any answers, ``because`` is the truth: every fact it lists is the commune's own answer,
   score, level or severity, and it is never empty.
4. For any answers and any length of the sheet (6 to 8, what the PDF may shorten it to), every
   priority-1 recommendation whose ``because`` names one of the commune's answers (an obstacle's
   severity included) is on the sheet
   whenever a priority-2 or -3 one is, and comes before it (issue 10, point 1); « je ne sais pas » is
   no answer the commune gave.
5. For any answers, a recommendation resting only on « je ne sais pas » (every answer its ``because``
   names is "unknown") never comes before one of the same priority that does not, and the sheet's first
   step is one that does not whenever the sheet has one.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity.models import CHOICE_TYPES
from maturity.questionnaire import load_questionnaire
from maturity.recommendations import SHEET_LIMIT, select
from maturity.scoring import score, visible_questions
from maturity.sheet.content import MIN_SHEET_PRIORITIES
from maturity.special import effective_answer
from tests.strategies import answer_sets

Q = load_questionnaire()
SCORED = [q for s in Q.dimensions for q in s.questions if q.type in CHOICE_TYPES and q.options]
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def best(question):
    if question.type == "multi":
        return [o.id for o in question.options if (o.score or 0) > 0]
    return max(question.options, key=lambda o: o.score or 0).id


def lowest(question):
    if question.type == "multi":
        return []
    return min(question.options, key=lambda o: o.score or 0).id


not_cited = st.dictionaries(st.sampled_from([o.id for o in Q.obstacles]),
                            st.sampled_from(["none", "minor", "na", "unknown"]))


@FAST
@given(obstacles=not_cited)
def test_best_everywhere_no_obstacle_no_profile_gets_at_most_two(obstacles):
    answers = {q.id: best(q) for q in SCORED} | obstacles
    a = score(Q, answers)
    assert all(d.level == Q.levels[-1].id for d in a.dimensions.values())
    selected = select(Q, a, answers)
    assert len(selected) <= 2, [s.recommendation.id for s in selected]


@pytest.mark.parametrize("question", SCORED, ids=[q.id for q in SCORED])
def test_best_option_on_a_question_is_never_a_reason_to_recommend(question):
    answers = {q.id: lowest(q) for q in SCORED}
    answers[question.id] = best(question)
    for extra in ({}, {o.id: "major" for o in Q.obstacles} | {"approach": "none"},
                  {o.id: "none" for o in Q.obstacles} | {"approach": "started", "strategy_written": "yes"}):
        everything = answers | extra
        for sel in select(Q, score(Q, everything), everything):
            named = [f for f in sel.because if f.get("question") == question.id]
            assert not named, (sel.recommendation.id, named)


@FAST
@given(answers=answer_sets(Q))
def test_because_lists_the_communes_own_facts(answers):
    a = score(Q, answers)
    shown = visible_questions(Q, answers)
    for sel in select(Q, a, answers):
        assert sel.because, sel.recommendation.id
        for fact in sel.because:
            if "question" in fact:
                # as stored, « none » beside other options read as those options (contract §2, §4)
                expected = effective_answer(answers.get(fact["question"])) if fact["question"] in shown else None
                assert fact["answer"] == expected
            elif "dimension" in fact:
                d = a.dimensions[fact["dimension"]]
                assert (fact["score"], fact["level"]) == (d.score, d.level)
            else:
                assert fact["severity"] == a.obstacles[fact["obstacle"]].severity


def names_an_answer(sel) -> bool:
    """A question's answer other than « je ne sais pas », or the severity the commune gave an obstacle."""
    return any(("question" in f and f["answer"] not in (None, [], "unknown"))
               or ("obstacle" in f and f["severity"] is not None) for f in sel.because)


def assert_answered_priority_one_first(full, sheet) -> None:
    answered = [s.recommendation.id for s in full if s.recommendation.priority == 1 and names_an_answer(s)]
    ids = [s.recommendation.id for s in sheet]
    later = [i for i, s in enumerate(sheet) if s.recommendation.priority > 1]
    if later:
        assert set(answered) <= set(ids), (set(answered) - set(ids), ids)
        assert all(ids.index(r) < later[0] for r in answered), ids


def low(question):
    """One of a question's two lowest options: a commune at its first steps, where many priority-1
    steps apply at once and the sheet must choose."""
    options = sorted(question.options, key=lambda o: o.score or 0)[:2]
    if question.type == "multi":
        return st.lists(st.sampled_from([o.id for o in options]), unique=True, max_size=1)
    return st.sampled_from([o.id for o in options])


first_steps = st.fixed_dictionaries({q.id: low(q) for q in SCORED})


@FAST
@given(answers=answer_sets(Q) | st.tuples(first_steps, answer_sets(Q, kinds=("obstacles", "profile"))).map(
    lambda pair: pair[0] | pair[1]))
def test_priority_one_triggered_by_an_answer_is_never_crowded_out(answers):
    a = score(Q, answers)
    full = select(Q, a, answers)
    for limit in range(MIN_SHEET_PRIORITIES, SHEET_LIMIT + 1):
        assert_answered_priority_one_first(full, select(Q, a, answers, limit=limit))


def test_steering_group_stays_on_the_sheet_of_a_commune_with_nobody_in_charge():
    """Büllingen's answers (nobody steers, governance at its first level): the priority-1 steering
    group, guarded by that answer, is on every length of the sheet, before the priority-2 pooling."""
    from pathlib import Path

    from maturity.answers import load_answers

    path = Path(__file__).resolve().parent.parent / "data" / "answers" / "german-buellingen-2027.json"
    answers = load_answers(path, Q)[0].answers
    assert answers["gov_steering"] == "nobody"
    a = score(Q, answers)
    full = select(Q, a, answers)
    for limit in range(MIN_SHEET_PRIORITIES, SHEET_LIMIT + 1):
        sheet = select(Q, a, answers, limit=limit)
        assert "governance_steering_group" in [s.recommendation.id for s in sheet], limit
        assert_answered_priority_one_first(full, sheet)


def only_unknown(sel) -> bool:
    named = [f["answer"] for f in sel.because if "question" in f and f["answer"] not in (None, [])]
    return bool(named) and all(a == "unknown" for a in named) and not any(
        f.get("severity") is not None for f in sel.because if "obstacle" in f)


@FAST
@given(answers=answer_sets(Q))
def test_no_step_resting_only_on_unknown_comes_before_one_that_does_not(answers):
    from maturity.answers import AnswersFile
    from maturity.sheet.content import build_content

    a = score(Q, answers)
    full = select(Q, a, answers)
    for before, after in pairwise(full):
        if before.recommendation.priority == after.recommendation.priority:
            assert not (only_unknown(before) and not only_unknown(after)), (before.because, after.because)
    for sel in full:
        assert sel.unsure == only_unknown(sel), sel.because
        assert not (sel.unsure and sel.specific)
    # the first step: the first of the sheet's priorities that does not rest only on « je ne sais pas »
    doc = AnswersFile(Q.id, Q.version, answers=answers)
    content = build_content(Q, doc, "fr")
    if content.priorities:
        sheet = select(Q, a, answers, limit=len(content.priorities))
        n = next((i for i, s in enumerate(sheet) if not only_unknown(s)), 0)
        assert content.summary[-1][1] == f"{Q.t(sheet[n].recommendation.title, 'fr')} (n° {n + 1} des priorités d'action ci-dessous)"
