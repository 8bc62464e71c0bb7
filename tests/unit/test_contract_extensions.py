"""Contract extensions of 2027.1: ``short`` texts, ``min_applicable``, ``na_count``, free option ids.

Numbers by hand on tests/data/mini.yaml (beta: b1, b2 weight 1 each) and small inline files.
"""

from __future__ import annotations

import json

import pytest

from maturity.errors import InvalidInput
from maturity.models import localize
from maturity.questionnaire import parse_questionnaire
from maturity.scoring import score

HEAD = """
id: t
version: "1"
languages: [fr, en]
title: T
description: D
levels: [{id: l0, min: 0, label: L, description: D}, {id: l1, min: 50, label: L1, description: D1}]
"""


def _q(body: str, extra: str = ""):
    return parse_questionnaire(HEAD + extra + body, "t.yaml")


THREE = """
sections:
  - id: d
    kind: dimension
    label: D
    questions:
      - {id: q1, text: Q1, type: scale, options: [{id: "0", label: Non, score: 0}, {id: "1", label: Oui, score: 1}]}
      - {id: q2, text: Q2, type: scale, weight: 2, options: [{id: "0", label: Non, score: 0}, {id: "1", label: Oui, score: 1}]}
      - {id: q3, text: Q3, type: scale, options: [{id: "0", label: Non, score: 0}, {id: "1", label: Oui, score: 1}]}
"""


def test_na_count_is_reported_next_to_coverage(mini):
    beta = score(mini, {"b1": "o2", "b2": "na"}).dimensions["beta"]
    assert beta.na_count == 1
    assert beta.applicable == pytest.approx(0.5)
    out = beta.to_json()
    assert out["na_count"] == 1 and out["coverage"] == 1.0
    assert score(mini, {"b1": "o2", "b2": "o1"}).dimensions["beta"].na_count == 0


def test_without_min_applicable_mostly_na_is_still_scored(mini):
    """Absent min_applicable = no rule: the 2026.1 behaviour (one answer out of two, the other na)."""
    assert mini.min_applicable is None
    beta = score(mini, {"b1": "o2", "b2": "na"}).dimensions["beta"]
    assert beta.score == pytest.approx(100.0) and beta.reason is None


def test_min_applicable_turns_a_mostly_na_dimension_into_insufficient_answers():
    q = _q(THREE, "min_applicable: 0.5\n")
    # shown weight 4; q2 (w2) na and q3 na: applicable 1/4 < 0.5
    d = score(q, {"q1": "1", "q2": "na", "q3": "na"}).dimensions["d"]
    assert d.applicable == pytest.approx(0.25)
    assert d.na_count == 2
    assert d.score is None and d.level is None and d.reason == "not_applicable"
    out = d.to_json()
    assert out["status"] == "insufficient answers" and out["reason"] == "not_applicable"
    # exactly at the threshold: q2 answered, q1 and q3 na -> applicable 2/4 = 0.5, scored
    d = score(q, {"q1": "na", "q2": "1", "q3": "na"}).dimensions["d"]
    assert d.applicable == pytest.approx(0.5)
    assert d.score == pytest.approx(100.0) and d.reason is None
    # the overall score leaves the insufficient dimension out (null here, nothing else)
    assert score(q, {"q1": "1", "q2": "na", "q3": "na"}).overall is None


def test_too_few_answers_says_coverage_as_its_reason():
    q = _q(THREE, "min_applicable: 0.5\n")
    d = score(q, {"q1": "1", "q2": "unknown"}).dimensions["d"]  # coverage 1/4
    assert d.score is None and d.reason == "coverage"
    all_na = score(q, {"q1": "na", "q2": "na", "q3": "na"}).dimensions["d"]
    assert all_na.score is None and all_na.reason == "not_applicable" and all_na.na_count == 3


def test_option_ids_may_be_numbers_as_text():
    q = _q(THREE)
    assert q.question("q1").option_ids == ["0", "1"]
    assert score(q, {"q1": "1", "q2": "0", "q3": "1"}).dimensions["d"].score == pytest.approx(50.0)


@pytest.mark.parametrize("option_id", ["a-b", "A", "1.5", "é", "x/y"])
def test_any_non_empty_option_id_without_spaces_is_accepted(option_id):
    body = THREE.replace('id: "1", label: Oui', f"id: {json.dumps(option_id)}, label: Oui")
    q = _q(body)
    assert option_id in q.question("q1").option_ids


@pytest.mark.parametrize("option_id", ['"a b"', '""', '"na"', '"unknown"'])
def test_option_ids_with_spaces_empty_or_reserved_are_refused(option_id):
    body = THREE.replace('id: "1", label: Oui', f"id: {option_id}, label: Oui", 1)
    with pytest.raises(InvalidInput) as exc:
        _q(body)
    assert any(p.path == "sections[0].questions[0].options[1].id" for p in exc.value.problems)


@pytest.mark.parametrize(("raw", "kind"), [("1", "number"), ("true", "boolean")])
def test_an_unquoted_number_or_boolean_id_asks_for_quotes(raw, kind):
    body = THREE.replace('id: "1", label: Oui', f"id: {raw}, label: Oui", 1)
    with pytest.raises(InvalidInput) as exc:
        _q(body)
    [problem] = [p for p in exc.value.problems if p.path == "sections[0].questions[0].options[1].id"]
    assert f"as a {kind}" in problem.message and f'"{raw}"' in problem.message


def test_yes_and_no_option_ids_stay_texts_under_yaml_1_2():
    body = THREE.replace('id: "0", label: Non', "id: no, label: Non", 1).replace('id: "1", label: Oui', "id: yes, label: Oui", 1)
    q = _q(body)
    assert q.question("q1").option_ids == ["no", "yes"]


def test_conditions_and_rules_may_name_numeric_option_ids():
    body = THREE + """      - {id: q4, text: Q4, type: boolean, show_if: {question: q1, equals: "1"}}
recommendations:
  - {id: r, when: {question: q2, in: ["0"]}, priority: 1, title: T, text: X, actions: [A]}
"""
    q = _q(body)
    assert q.recommendations[0].when.in_ == ["0"]


def test_short_text_is_checked_like_every_text():
    body = THREE.replace("{id: q1, text: Q1,", "{id: q1, text: Q1, short: {en: Short},", 1)
    with pytest.raises(InvalidInput, match="default language 'fr' is missing"):
        _q(body)


def test_every_obstacle_of_the_default_questionnaire_has_a_short_name(default_questionnaire):
    q = default_questionnaire
    assert q.obstacles
    for obstacle in q.obstacles:
        assert obstacle.short is not None, obstacle.id
        for lang in q.languages:
            short = localize(obstacle.short, lang, q.default_language)
            assert short.strip() and len(short) <= 30 and len(short) < len(q.t(obstacle.text, lang)), (obstacle.id, lang)
