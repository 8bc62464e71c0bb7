"""Every scoring rule of contract §3 against numbers computed by hand (tests/data/mini.yaml).

alpha: a1 scale 0/1/2/4 (w1), a2 boolean (w2), a3 multi x1 y1 z2 (w1),
       a4 single no0/yes3 (w1, shown only when a2 = yes)
beta:  b1, b2 scale 0/1/2 (w1 each), b_count number (unscored)
levels: low 0, mid 40, high 75; min_coverage 0.5
"""

from __future__ import annotations

import pytest

from maturity.scoring import score, visible_questions


def test_weighted_mean_of_option_shares(mini):
    a = score(mini, {"a1": "half", "a2": "yes", "a3": ["x", "z"], "a4": "no"})
    alpha = a.dimensions["alpha"]
    # (1*2/4 + 2*1 + 1*3/4 + 1*0) / 5 = 3.25 / 5
    assert alpha.score == pytest.approx(65.0)
    assert alpha.level == "mid"
    assert alpha.coverage == 1.0
    by_q = {c.question: c for c in alpha.contributions}
    assert by_q["a1"].v == 0.5 and by_q["a1"].contribution == pytest.approx(10.0)
    assert by_q["a2"].contribution == pytest.approx(40.0)
    assert by_q["a3"].v == 0.75
    assert sum(c.contribution for c in alpha.contributions) == pytest.approx(alpha.score)


def test_multi_is_share_of_all_option_scores_capped_at_one(mini):
    a = score(mini, {"a1": "none", "a2": "no", "a3": ["x", "y", "z"]})
    by_q = {c.question: c for c in a.dimensions["alpha"].contributions}
    assert by_q["a3"].v == 1.0
    a = score(mini, {"a1": "none", "a2": "no", "a3": []})
    by_q = {c.question: c for c in a.dimensions["alpha"].contributions}
    assert by_q["a3"].v == 0.0


def test_hidden_question_takes_no_part(mini):
    answers = {"a1": "full", "a2": "no", "a3": ["z"], "a4": "no"}  # a4 hidden: a2 is "no"
    assert "a4" not in visible_questions(mini, answers)
    alpha = score(mini, answers).dimensions["alpha"]
    assert "a4" not in [c.question for c in alpha.contributions]
    # (1 + 0 + 0.5) / 4 ; a4's answer "no" (v = 0) would otherwise pull it down
    assert alpha.score == pytest.approx(37.5)
    assert alpha.coverage == 1.0


def test_na_leaves_score_and_coverage_but_unknown_counts_as_missing(mini):
    na = score(mini, {"b1": "o2", "b2": "na"}).dimensions["beta"]
    assert na.score == pytest.approx(100.0)
    assert na.coverage == 1.0
    unknown = score(mini, {"b1": "o2", "b2": "unknown"}).dimensions["beta"]
    assert unknown.score == pytest.approx(100.0)
    assert unknown.coverage == pytest.approx(0.5)
    statuses = {c.question: c.status for c in unknown.contributions}
    assert statuses == {"b1": "scored", "b2": "unknown"}


def test_coverage_exactly_at_min_coverage_is_scored(mini):
    beta = score(mini, {"b1": "o1"}).dimensions["beta"]  # 1 of 2 = 0.5 = min_coverage
    assert beta.coverage == 0.5
    assert beta.score == pytest.approx(50.0)
    assert beta.level == "mid"


def test_coverage_below_min_coverage_gives_null(mini):
    # alpha shown weights: a1 1, a2 2, a3 1 (a4 hidden) = 4; only a1 answered -> 0.25
    alpha = score(mini, {"a1": "full", "a2": "unknown"}).dimensions["alpha"]
    assert alpha.coverage == pytest.approx(0.25)
    assert alpha.score is None and alpha.level is None and alpha.insufficient
    assert alpha.to_json()["status"] == "insufficient answers"


def test_nothing_answered_gives_null_and_all_na_gives_null_with_full_coverage(mini):
    empty = score(mini, {}).dimensions["beta"]
    assert empty.score is None and empty.coverage == 0.0
    all_na = score(mini, {"b1": "na", "b2": "na"}).dimensions["beta"]
    assert all_na.score is None and all_na.coverage == 1.0


def test_score_exactly_on_a_level_min(mini):
    # beta: o1 + o2... (0.5 + 1) / 2 = 75 -> exactly the "high" band's min
    beta = score(mini, {"b1": "o1", "b2": "o2"}).dimensions["beta"]
    assert beta.score == pytest.approx(75.0)
    assert beta.level == "high"
    # alpha: a1 some (0.25, w1) + a2 yes (1, w2) + a3 none chosen (0) + a4 no (0): 2.25/5 = 45 -> mid
    alpha = score(mini, {"a1": "some", "a2": "yes", "a3": [], "a4": "no"}).dimensions["alpha"]
    assert alpha.score == pytest.approx(45.0)
    assert alpha.level == "mid"
    # b1 o0 + b2 o1 = (0 + 0.5) / 2 = 25 -> low
    low = score(mini, {"b1": "o0", "b2": "o1"}).dimensions["beta"]
    assert low.score == pytest.approx(25.0) and low.level == "low"


def test_level_band_boundary_with_floating_point(mini):
    # a2 yes (w2) alone among a1 none, a3 [], a4 no: 100 * 2/5 = 40, exactly the "mid" band's min
    alpha = score(mini, {"a1": "none", "a2": "yes", "a3": [], "a4": "no"}).dimensions["alpha"]
    assert alpha.score == pytest.approx(40.0)
    assert alpha.level == "mid"


def test_weights_change_the_mean(mini):
    yes = score(mini, {"a1": "none", "a2": "yes", "a3": ["x"], "a4": "yes"}).dimensions["alpha"]
    # (0 + 2 + 0.25 + 1) / 5
    assert yes.score == pytest.approx(65.0)


def test_overall_is_mean_of_non_null_dimensions(mini):
    a = score(mini, {"a1": "full", "a2": "yes", "a3": ["z"], "a4": "yes", "b1": "o1"})
    # alpha (1 + 2 + 0.5 + 1)/5 = 90 ; beta b1 only: coverage 0.5 -> 50
    assert a.dimensions["alpha"].score == pytest.approx(90.0)
    assert a.overall == pytest.approx(70.0)
    a = score(mini, {"a1": "full", "a2": "yes", "a3": ["z"], "a4": "yes"})
    assert a.dimensions["beta"].score is None
    assert a.overall == pytest.approx(90.0)
    assert score(mini, {}).overall is None


def test_obstacle_severity_and_cited(mini):
    for value, severity, cited in [("none", 0, False), ("minor", 1, False), ("significant", 2, True),
                                   ("major", 3, True), ("na", None, False), ("unknown", None, False)]:
        o = score(mini, {"budget": value}).obstacles["budget"]
        assert (o.severity, o.cited) == (severity, cited)
    assert score(mini, {}).obstacles["budget"].severity is None


def test_profile_and_number_questions_are_never_scored(mini):
    a = score(mini, {"b1": "o2", "b2": "o2", "b_count": 12, "approach": "started"})
    assert [c.question for c in a.dimensions["beta"].contributions] == ["b1", "b2"]
    assert "profile" not in a.dimensions


def test_json_shape_follows_the_contract(mini):
    out = score(mini, {"b1": "o2", "budget": "major"}).to_json()
    assert set(out) == {"questionnaire", "dimensions", "overall", "obstacles", "warnings"}
    assert out["questionnaire"] == {"id": "mini", "version": "1.0"}
    assert set(out["dimensions"]["beta"]) >= {"score", "level", "coverage", "contributions"}
    assert out["obstacles"]["budget"]["severity"] == 3


def test_conditions_all_any_not_answered():
    from maturity.questionnaire import parse_questionnaire

    q = parse_questionnaire("""
id: c
version: "1"
languages: [fr]
title: C
description: C
levels: [{id: l, min: 0, label: L, description: D}]
sections:
  - id: d
    kind: dimension
    label: D
    questions:
      - {id: p, text: P, type: boolean}
      - {id: m, text: M, type: multi, options: [{id: a, label: A, score: 1}, {id: b, label: B, score: 1}]}
      - {id: q_all, text: Q, type: boolean, show_if: {all: [{question: p, equals: "yes"}, {question: m, in: [b]}]}}
      - {id: q_any, text: Q, type: boolean, show_if: {any: [{question: p, equals: "yes"}, {question: m, equals: a}]}}
      - {id: q_not, text: Q, type: boolean, show_if: {not: {question: p, answered: true}}}
      - {id: q_chain, text: Q, type: boolean, show_if: {question: q_all, answered: true}}
""")
    shown = visible_questions(q, {"p": "yes", "m": ["b"]})
    assert {"q_all", "q_any"} <= shown and "q_not" not in shown and "q_chain" not in shown
    shown = visible_questions(q, {"p": "no", "m": ["a"], "q_all": "yes"})
    # q_all hidden, so its stale answer does not show q_chain
    assert "q_all" not in shown and "q_any" in shown and "q_chain" not in shown
    shown = visible_questions(q, {"p": "unknown"})
    assert "q_not" in shown  # "unknown" is not an answer
