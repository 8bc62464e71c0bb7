"""``score_many`` gives what ``score`` gives, set by set (hypothesis), on questionnaires with and
without conditions, for valid answers and for values that are no option at all."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity.batch import score_many, visible_masks
from maturity.questionnaire import load_questionnaire
from maturity.scoring import score, visible_questions
from tests.strategies import answer_sets

DATA = Path(__file__).resolve().parents[1] / "data"
DEFAULT = load_questionnaire()
MINI = load_questionnaire(DATA / "mini.yaml")
SHEET = load_questionnaire(DATA / "sheet_questionnaire.yaml")
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

junk = st.one_of(st.integers(-3, 3), st.booleans(), st.none(), st.just([]), st.just({"a": 1}),
                 st.lists(st.text(max_size=3), max_size=2), st.text(max_size=4))


def _same(x: float | None, y: float) -> bool:
    if x is None:
        return math.isnan(y)
    return not math.isnan(y) and abs(x - y) <= 1e-9


def _check(q, sets: list[dict]) -> None:
    batch = score_many(q, sets)
    assert batch.scores.shape == (len(sets), len(q.dimensions))
    for row, answers in enumerate(sets):
        one = score(q, answers)
        for col, dim in enumerate(batch.dimension_ids):
            d = one.dimensions[dim]
            assert _same(d.score, batch.scores[row, col]), (dim, answers)
            assert abs(d.coverage - batch.coverage[row, col]) <= 1e-9
            assert abs(d.applicable - batch.applicable[row, col]) <= 1e-9
            assert d.na_count == batch.na_count[row, col]
            assert (d.reason or "") == batch.reasons[row, col]
        assert _same(one.overall, batch.overall[row])
        for k, obstacle in enumerate(batch.obstacle_ids):
            if obstacle in one.obstacles:
                assert batch.obstacle_shown[row, k]
                assert _same(one.obstacles[obstacle].severity, batch.severity[row, k])
            else:
                assert not batch.obstacle_shown[row, k]


@SETTINGS
@given(st.lists(answer_sets(DEFAULT), min_size=1, max_size=8))
def test_default_questionnaire_same_numbers_as_score(sets):
    _check(DEFAULT, sets)


@SETTINGS
@given(st.data())
def test_questionnaires_with_conditions_same_numbers_as_score(data):
    for q in (MINI, SHEET):
        _check(q, data.draw(st.lists(answer_sets(q), min_size=1, max_size=6)))


@SETTINGS
@given(st.data())
def test_values_that_are_no_option_are_scored_as_score_does(data):
    q = data.draw(st.sampled_from([DEFAULT, MINI]))
    ids = list(q.question_index)
    sets = data.draw(st.lists(st.dictionaries(st.sampled_from(ids), st.one_of(junk, st.just("na"),
                                                                             st.just("unknown"))),
                              min_size=1, max_size=6))
    _check(q, sets)


@SETTINGS
@given(st.data())
def test_visible_masks_are_the_visible_questions_set_by_set(data):
    q = data.draw(st.sampled_from([DEFAULT, MINI, SHEET]))
    ids = list(q.question_index)
    valid = st.lists(answer_sets(q), min_size=0, max_size=6)
    odd = st.lists(st.dictionaries(st.sampled_from(ids), st.one_of(junk, st.just("na"))), max_size=4)
    sets = data.draw(valid) + data.draw(odd)
    masks = visible_masks(q, sets)
    assert set(masks) == set(ids)
    for row, answers in enumerate(sets):
        assert {qid for qid in ids if masks[qid][row]} == visible_questions(q, answers), answers


def test_hand_computed_rows():
    """Three sets on the mini questionnaire, worked out by hand."""
    sets = [
        # alpha: (1×0.5 + 2×1 + 1×0.75 + 1×1) / 5 = 85; beta: b1 0.5, b2 unknown → 50 (coverage 0.5)
        {"a1": "half", "a2": "yes", "a3": ["x", "z"], "a4": "yes", "b1": "o1", "b2": "unknown", "budget": "major"},
        # a4 hidden (a2 = no) though answered; a1 "na": alpha = 2×0 / 2 = 0, coverage 2/3; beta null
        {"a1": "na", "a2": "no", "a4": "yes"},
        {},
    ]
    batch = score_many(MINI, sets)
    assert batch.dimension_ids == ("alpha", "beta")
    assert batch.scores[0].tolist() == [85.0, 50.0] and batch.overall[0] == 67.5
    assert batch.severity[0].tolist() == [3.0]
    assert batch.scores[1, 0] == 0.0 and np.isnan(batch.scores[1, 1]) and batch.overall[1] == 0.0
    assert abs(batch.coverage[1, 0] - 2 / 3) < 1e-12 and batch.na_count[1].tolist() == [1, 0]
    assert abs(batch.applicable[1, 0] - 3 / 4) < 1e-12
    assert np.isnan(batch.scores[2]).all() and np.isnan(batch.overall[2])
    assert list(batch.reasons[2]) == ["coverage", "coverage"]
    assert len(score_many(MINI, [])) == 0


def test_reading_sets_leaves_the_cycle_collector_as_it_found_it():
    """``encode`` pauses Python's cycle collector while it reads the sets (issue 16: a third of the reading
    of 100,000 sets); it is running again afterwards, even when reading fails, and a caller that paused it
    finds it paused."""
    import gc

    from maturity import batch

    seen = []
    columns = batch._Columns

    class Spy(columns):
        def __init__(self, *args, **kwargs):
            seen.append(gc.isenabled())
            super().__init__(*args, **kwargs)

    sets = [{q.id: q.option_ids[0] for q in DEFAULT.sections[0].questions if q.option_ids}] * 3
    assert gc.isenabled()
    batch._Columns = Spy
    try:
        score_many(DEFAULT, sets)
        assert seen == [False] and gc.isenabled()
        try:
            score_many(DEFAULT, [*sets, 7])  # not a mapping: reading fails
        except AttributeError:
            pass
        else:
            raise AssertionError("an answer set that is no mapping was read")
        assert gc.isenabled()
        gc.disable()
        try:
            score_many(DEFAULT, sets)
            assert not gc.isenabled()
        finally:
            gc.enable()
    finally:
        batch._Columns = columns
