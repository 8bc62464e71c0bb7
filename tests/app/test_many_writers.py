"""One space, many writers (issue 17): two tabs on one space lost updates; a multi answer ticked in one
tab vanished when the other saved; a submission froze a stale copy; a failed save looked done.

Two AppTest sessions on one store are two tabs on one server (the browser version is in
tests/e2e; two servers on one PostgreSQL in tests/e2e/test_deploy.py)."""

from __future__ import annotations

import pytest
from conftest import goto, new_app, part_button, started

from maturity.app import logic
from maturity.storage import StorageError, Store


def second_tab(token: str):
    tab = new_app(token)
    tab.run()
    goto(tab, "questionnaire")
    return tab


def test_a_box_ticked_in_one_tab_survives_a_box_ticked_in_the_other(mini, store):
    one = started()
    token = one.session_state["token"]
    two = second_tab(token)
    one.checkbox(key="mc_a3_x").check().run()
    two.checkbox(key="mc_a3_y").check().run()  # this tab still shows x unticked
    assert store.load_space(token).draft["answers"]["a3"] == ["x", "y"]
    assert two.checkbox(key="mc_a3_x").value is True  # and now it shows it
    two.checkbox(key="mc_a3_x").uncheck().run()
    assert store.load_space(token).draft["answers"]["a3"] == ["y"]


def test_a_tab_that_sees_a_newer_version_reloads_and_says_so(mini, store):
    one = started()
    token = one.session_state["token"]
    two = second_tab(token)
    one.radio(key="ans_a1").set_value("full").run()
    one.text_area(key="note_a1").input("écrit dans l'onglet 1").run()
    assert not one.info or all("autre onglet" not in i.value for i in one.info)
    two.radio(key="ans_a2").set_value("yes").run()
    assert two.radio(key="ans_a1").value == "full"
    assert two.text_area(key="note_a1").value == "écrit dans l'onglet 1"
    assert any("autre onglet" in i.value for i in two.info)
    draft = store.load_space(token).draft
    assert draft["answers"] == {"a1": "full", "a2": "yes"}
    two.run()  # said once
    assert all("autre onglet" not in i.value for i in two.info)


def test_a_submission_freezes_what_is_stored_not_the_tabs_copy(mini, store):
    one = started()
    token = one.session_state["token"]
    one.radio(key="ans_a1").set_value("half").run()
    goto(one, "resultats")
    Store.from_env().save_answer(token, "a2", "yes")  # another tab or replica, after this tab read
    one.button(key="submit").click().run()
    (snap,) = store.history(token)
    assert snap.document["answers"] == {"a1": "half", "a2": "yes"}
    assert any("autre onglet" in i.value for i in one.info)


def test_a_failed_save_is_never_shown_as_done_and_is_retried(mini, store, monkeypatch):
    one = started()
    token = one.session_state["token"]
    real = Store.save_answer

    def refuse(self, *args, **kwargs):
        raise StorageError("read_only", "db")

    monkeypatch.setattr(Store, "save_answer", refuse)
    one.radio(key="ans_a1").set_value("full").run()
    assert "a1" not in store.load_space(token).draft["answers"]
    assert any("pas encore enregistrée" in w.value for w in one.warning)
    monkeypatch.setattr(Store, "save_answer", real)
    one.radio(key="ans_a2").set_value("no").run()  # the next action retries
    assert store.load_space(token).draft["answers"] == {"a1": "full", "a2": "no"}
    assert not any("pas encore enregistrée" in w.value for w in one.warning)


def test_a_choice_shown_but_never_received_is_saved(mini, store):
    """After the server was away, the browser still shows a click whose callback never ran."""
    one = started()
    token = one.session_state["token"]
    one.session_state["ans_a1"] = "some"  # the widget holds it; no callback, nothing stored yet
    one.run()
    assert store.load_space(token).draft["answers"] == {"a1": "some"}


@pytest.mark.parametrize(
    "stored, option, checked, expected",
    [
        (None, "x", True, ["x"]),
        (["x"], "y", True, ["x", "y"]),
        (["x", "y"], "x", False, ["y"]),
        (["y"], "y", False, None),
        (["x"], "unknown", True, "unknown"),
        ("unknown", "x", True, ["x"]),
        ("unknown", "unknown", False, None),
        (["x"], "na", False, ["x"]),
        (["x"], "x", True, ["x"]),
        # "none" (« Aucune : l'essentiel se fait sur papier ») and the practices it denies: one or the other
        (["x", "y"], "none", True, ["none"]),
        (["none"], "x", True, ["x"]),
        (["none"], "none", False, None),
        # an answer saved before « none » became exclusive, holding it beside others, shows as those others:
        # unticking them leaves nothing, not a « none » the page did not show ticked
        (["none", "x", "y"], "y", False, ["x"]),
        (["none", "x"], "x", False, None),
        (["x", "none"], "none", True, ["none"]),
    ],
)
def test_toggle_option_applies_one_box_to_the_stored_answer(stored, option, checked, expected):
    assert logic.toggle_option(stored, option, checked) == expected


def test_an_answer_saved_with_none_beside_others_ticks_only_the_others():
    assert logic.multi_widget_value(["decisions", "none", "mail"]) == ["decisions", "mail"]
    assert logic.multi_widget_value(["none"]) == ["none"]


# Streamlit sends a radio's or a selectbox's value by its label and hands back the label itself when no
# option has it any more. The step picker's labels carry each part's answer count: a click that reached the
# server while the page still showed the count from before the previous answer crashed the whole page
# (TypeError in the picker's callback, seen in the load test) and the click's answer was never saved.


def send_label(at, element, label: str) -> None:
    """Run as the browser does when it sends ``element``'s value by a label the server may not know."""
    from streamlit.proto.WidgetStates_pb2 import WidgetState

    state = WidgetState(id=element.id, string_value=label)
    element.__class__ = type("SentByLabel", (type(element),), {"_widget_state": property(lambda self: state)})
    at.run()


def test_a_step_label_drawn_before_the_last_answer_neither_crashes_nor_moves(mini, store):
    at = started()
    token = at.session_state["token"]
    at.radio(key="ans_a1").set_value("half").run()
    send_label(at, next(s for s in at.selectbox if str(s.key).startswith("step_pick_")), "1. Alpha (0/3)")  # the count before that answer
    assert not at.exception, at.exception
    assert at.session_state["step"] == 0
    at.radio(key="ans_a2").set_value("yes").run()
    assert not at.exception, at.exception
    assert store.load_space(token).draft["answers"] == {"a1": "half", "a2": "yes"}


def test_a_stale_step_label_of_another_part_still_moves_there(mini):
    at = started()
    send_label(at, next(s for s in at.selectbox if str(s.key).startswith("step_pick_")), "2. Beta (5/9)")
    assert not at.exception, at.exception
    assert at.session_state["step"] == 1
    assert at.radio(key="ans_b1")  # the second part is drawn


def test_a_choice_sent_by_a_label_of_another_language_saves_its_option(mini, store):
    from maturity.models import UNKNOWN

    at = started()
    token = at.session_state["token"]
    send_label(at, at.radio(key="ans_a1"), logic.value_label(None, None, UNKNOWN, "en"))  # drawn in English
    assert not at.exception, at.exception
    assert store.load_space(token).draft["answers"] == {"a1": UNKNOWN}


def test_a_label_no_option_has_is_never_saved_as_an_answer(mini, store):
    at = started()
    token = at.session_state["token"]
    send_label(at, at.radio(key="ans_a1"), "Moitié (ancien libellé)")
    assert not at.exception, at.exception
    assert "a1" not in store.load_space(token).draft["answers"]


def test_a_click_drawn_in_a_part_already_left_does_not_move_the_page(mini):
    # seen in the load test: "Partie suivante" of part 1 reached the server after it had moved on; it
    # moved the session again (and the picker's echo of part 1 bounced it back, again and again)
    at = started()  # part 1 drawn, with its "Partie suivante"
    at.session_state["step"] = 2  # meanwhile this session moved on (another request reached the server first)
    part_button(at, "next").click().run()
    assert not at.exception, at.exception
    assert at.session_state["step"] == 2
    part_button(at, "next").click().run()  # drawn in part 3 now: moves on
    assert at.session_state["step"] == 3


def test_a_visitor_opening_too_many_assessments_is_told_and_nothing_is_opened(mini, monkeypatch, store):
    import sqlalchemy as sa

    from maturity.storage import Limit
    from maturity.storage.limits import LimitsMixin

    monkeypatch.setattr(LimitsMixin, "open_per_client", Limit(1, 3600))
    started()  # the first one opens
    at = new_app()
    at.run()
    at.text_input(key="home_query").input("92094").run()
    at.radio(key="home_commune").set_value("92094").run()
    at.button(key="home_start").click().run()
    assert not at.exception, at.exception
    assert any("Trop de bilans ouverts" in e.value and "dans 60 minutes" in e.value for e in at.error)  # 1 h, rounded up
    assert "token" not in at.session_state
    with store._read() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM spaces")).scalar() == 1

