"""The results page computes its numbers once per answers version, in the session only (issue 16)."""

from __future__ import annotations

import pytest
from conftest import goto, new_app, started

from maturity import scoring
from tests.pooling import confirm_pending


@pytest.fixture
def score_calls(monkeypatch):
    """How many times the answers were scored (the results page's first and most costly step)."""
    calls: list[int] = []
    real = scoring.score

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring, "score", counting)
    return calls


def _overall(at) -> str:
    return at.metric[0].value


def test_a_rerun_reuses_what_was_computed_and_shows_the_same_page(mini, score_calls):
    at = started()
    at.radio(key="ans_a1").set_value("full").run()
    at.radio(key="ans_a2").set_value("yes").run()
    goto(at, "resultats")
    first = (_overall(at), [t.value.to_dict() for t in at.table], at.get("vega_lite_chart")[0].proto.spec,
             [m.value for m in at.markdown])
    scored = len(score_calls)
    at.checkbox(key="pool_opt_in").check().run()  # a click on the page: a rerun, the answers unchanged
    at.run()
    assert len(score_calls) == scored
    assert (_overall(at), [t.value.to_dict() for t in at.table], at.get("vega_lite_chart")[0].proto.spec,
            [m.value for m in at.markdown]) == first
    assert "_results_view" in at.session_state  # in this session's state: never a cache shared by users


def test_a_changed_answer_is_scored_again(mini, score_calls):
    at = started()
    at.radio(key="ans_a1").set_value("none").run()
    at.radio(key="ans_a2").set_value("no").run()
    goto(at, "resultats")
    before = _overall(at)
    scored = len(score_calls)
    goto(at, "questionnaire")
    at.radio(key="ans_a1").set_value("full").run()
    at.radio(key="ans_a2").set_value("yes").run()
    goto(at, "resultats")
    assert len(score_calls) > scored
    assert _overall(at) != before
    assert any("Alpha" in m.value and "Haut" in m.value for m in at.markdown)


def test_an_answer_saved_from_another_tab_shows_on_the_next_rerun(mini, store, score_calls):
    at = started()
    token = at.session_state["token"]
    at.radio(key="ans_a1").set_value("none").run()
    goto(at, "resultats")
    before = _overall(at)
    store.save_answer(token, "a1", "full")
    store.save_answer(token, "a2", "yes")
    at.run()
    assert _overall(at) != before


def test_a_language_switch_shows_the_page_in_the_new_language(mini):
    at = started()
    at.radio(key="ans_a1").set_value("full").run()
    goto(at, "resultats")
    french = [t.value.columns.tolist() for t in at.table]
    at.query_params["lang"] = "en"
    at.run()
    english = [t.value.columns.tolist() for t in at.table]
    assert french != english


def _series(at):
    """The table of the radar's lines (kind, source, year, n), found by its column: the page's tables before it
    vary with the width (a phone's own table of usable answers, d476389)."""
    return next(t.value for t in at.table if "Nature" in t.value.columns)


def test_a_new_pooled_figure_shows_without_a_new_answer(mini, store):
    """The store is read at every run: a submission elsewhere changes the series shown."""
    at = started()
    at.radio(key="ans_a1").set_value("full").run()
    goto(at, "resultats")
    series_before = _series(at).shape[0]
    for nis in ("92094", "25005", "25014", "25015", "25018", "25023"):
        other = store.open_space(nis, "mini", "1.0", "fr")
        store.submit(other, {"questionnaire": {"id": "mini", "version": "1.0"}, "commune": {"nis_code": nis},
                             "answers": {}}, {"dimensions": {"alpha": {"score": 50}, "beta": {"score": 20}}},
                     "mini", "1.0", True)
    confirm_pending(store)  # the admin confirmed them (an open-pool entry counts only then)
    at.run()
    assert _series(at).shape[0] > series_before


def test_two_sessions_never_share_their_results(mini):
    one = started()
    one.radio(key="ans_a1").set_value("full").run()
    one.radio(key="ans_a2").set_value("yes").run()
    goto(one, "resultats")
    two = started("25005")
    two.radio(key="ans_a1").set_value("none").run()
    goto(two, "resultats")
    assert _overall(one) != _overall(two)
    assert "Beauvechain" in two.title[0].value
    again = new_app(one.session_state["token"])
    again.switch_page("maturity/app/pages/resultats.py").run()
    assert _overall(again) == _overall(one)


def test_a_rerun_asks_the_store_for_the_draft_version_once(mini, monkeypatch):
    """The menu, the title and the page each want the document: the store's version is compared once."""
    from maturity.storage import Store

    at = started()
    at.radio(key="ans_a1").set_value("full").run()
    goto(at, "resultats")
    asked: list[str] = []
    real = Store.space_version

    def counting(self, token):
        asked.append(token)
        return real(self, token)

    monkeypatch.setattr(Store, "space_version", counting)
    at.run()
    assert len(asked) == 1
