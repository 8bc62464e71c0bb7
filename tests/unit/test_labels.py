"""The core's label catalogs (maturity.labels): complete in French, German and English, and the one
source of the words the app, the sheet and the command line show for the same answer state."""

from __future__ import annotations

from datetime import date

import pytest

from maturity import labels
from maturity.app import logic
from maturity.app.texts import tr
from maturity.labels import ANSWER_STATES, LANGS, UNANSWERED, answer_state, answer_state_label
from maturity.models import NA, UNKNOWN
from maturity.recommendations import describe
from maturity.sheet import build_content
from maturity.sheet.content import TEXTS as SHEET_TEXTS

from .sheet_helpers import answers_at_rank, questionnaire

# column headers that count an answer state, kept short for the PDF's narrow column (said in content.py)
HEADERS = {("sheet", "col_na")}
CATALOGS = {name: value for name, value in vars(labels).items()
            if name.isupper() and isinstance(value, dict) and value}


def test_every_label_of_every_core_catalog_has_fr_de_en_and_none_is_empty():
    assert "ANSWER_STATES" in CATALOGS
    for name, catalog in CATALOGS.items():
        for key, entry in catalog.items():
            assert set(entry) == set(LANGS), (name, key)
            for lang in LANGS:
                assert isinstance(entry[lang], str) and entry[lang].strip(), (name, key, lang)


def test_the_answer_states_are_those_of_the_answers_files_and_of_scoring():
    assert set(ANSWER_STATES) == {UNKNOWN, NA, UNANSWERED}
    assert [answer_state(v) for v in (UNKNOWN, NA, None, [], "")] == [UNKNOWN, NA, UNANSWERED, UNANSWERED,
                                                                      UNANSWERED]
    assert [answer_state(v) for v in ("yes", ["a"], 0, 3.5, False)] == [None] * 5
    assert answer_state_label(NA, "xx") == "Ne s'applique pas"  # an unknown language reads French
    with pytest.raises(KeyError):
        answer_state_label("yes", "fr")


def test_no_other_catalog_spells_an_answer_state_again():
    """The app's and the sheet's own catalogs hold no second wording of "Je ne sais pas" and the like:
    the app's two option keys are the core's very entries (widgets read them by key)."""
    from maturity.app.texts import TEXTS as APP_TEXTS

    assert APP_TEXTS["unknown_option"] is ANSWER_STATES[UNKNOWN] and APP_TEXTS["na_option"] is ANSWER_STATES[NA]
    words = {entry[lang].casefold() for entry in ANSWER_STATES.values() for lang in LANGS}
    for name, catalog in (("app", APP_TEXTS), ("sheet", SHEET_TEXTS)):
        for key, entry in catalog.items():
            if entry in ANSWER_STATES.values() or (name, key) in HEADERS:
                continue
            for lang in LANGS:
                assert entry[lang].casefold() not in words, (name, key, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("state", [UNKNOWN, NA, UNANSWERED])
def test_the_app_the_sheet_and_the_cli_show_the_same_words_for_the_same_answer_state(lang, state):
    q = questionnaire()
    value = None if state == UNANSWERED else state
    expected = answer_state_label(state, lang)
    question = q.question("obstacle_budget")
    # the app: the answer as the respondent reads it (team meeting, results); the options offered
    assert logic.value_label(q, question, value, lang) == expected
    if state != UNANSWERED:
        assert tr({UNKNOWN: "unknown_option", NA: "na_option"}[state], lang) == expected
    # the sheet: the commune's cell in the obstacles table, and a team member's answer in a topic
    doc = answers_at_rank(q, 1, obstacle_budget=value)
    if value is None:
        doc.answers.pop("obstacle_budget")
    doc.respondent = {"team": ["CPAS", "DG"]}
    doc.extra["divergent"] = [{"question": "obstacle_budget", "spread": 1.0,
                               "answers": [{"role": "CPAS", "answer": value}, {"role": "DG", "answer": "major"}]}]
    content = build_content(q, doc, lang, generated=date(2026, 12, 1))
    assert {o.obstacle_id: o.severity for o in content.obstacles}["obstacle_budget"] == expected
    assert content.topics and content.topics[0][1].startswith(f"CPAS{' : ' if lang == 'fr' else ': '}{expected} · DG")
    # the command line: why a recommendation applies ("Budget → Je ne sais pas")
    assert describe(q, {"question": "obstacle_budget", "answer": value}, lang).endswith(f" → {expected}")
