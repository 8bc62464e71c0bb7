from __future__ import annotations

from maturity.changes import what_changed
from maturity.scoring import score


def _doc(answers, version="1.0"):
    return {"questionnaire": {"id": "mini", "version": version}, "answers": answers}


def test_scores_levels_and_answers_that_changed(mini):
    before = {"a1": "none", "a2": "no", "a3": [], "b1": "o1", "b2": "o1", "gone": "x"}
    after = {"a1": "full", "a2": "yes", "a3": ["z"], "a4": "yes", "b1": "o1", "b2": "o1"}
    changes = what_changed(mini, _doc(before), score(mini, before).to_json(), _doc(after), score(mini, after).to_json())
    alpha = next(d for d in changes.dimensions if d.dimension == "alpha")
    assert (alpha.before, alpha.after, alpha.delta) == (0.0, 90.0, 90.0)
    assert (alpha.level_before, alpha.level_after) == ("low", "high")
    beta = next(d for d in changes.dimensions if d.dimension == "beta")
    assert beta.delta == 0
    assert [c.dimension for c in changes.improved] == ["alpha"] and changes.declined == []
    assert [c.question for c in changes.answers] == ["a1", "a2", "a3", "a4", "gone"]
    gone = changes.answers[-1]
    assert gone.still_asked is False and gone.before == "x" and gone.after is None
    assert changes.same_version


def test_a_dimension_that_became_unscorable_has_no_delta(mini):
    before = {"b1": "o2", "b2": "o2"}
    after = {"b1": "unknown", "b2": "unknown"}
    changes = what_changed(mini, _doc(before), score(mini, before).to_json(), _doc(after, "2.0"),
                           score(mini, after).to_json())
    beta = next(d for d in changes.dimensions if d.dimension == "beta")
    assert beta.before == 100 and beta.after is None and beta.delta is None
    assert not changes.same_version
