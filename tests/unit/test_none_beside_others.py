"""A multi answer holding « Aucune » (``none``) beside other options, as answers files and drafts saved
before « Aucune » became exclusive may (contract §2): it is read as the options ticked, so a step
written for « none » does not reach a commune whose other ticked options say it does the thing, and the
« none » counts for nothing. The file itself is kept as it is, and says where it holds such an answer."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from maturity.answers import load_answers
from maturity.batch import score_many
from maturity.merge import Respondent, merge
from maturity.questionnaire import load_questionnaire
from maturity.recommendations import select
from maturity.scoring import score
from maturity.special import effective_answer, effective_answers

DATA = Path(__file__).resolve().parents[1] / "data"
STALE = DATA / "answers" / "stale-none-gesves-2027.json"
Q = load_questionnaire()

# (question, answer as stored, recommendation, whether it applies): the default questionnaire's multi
# questions whose « none » triggers a step, with the answer alone and beside the practices that deny it
CASES = [
    ("gov_internal_digital", ["none"], "governance_internal_digital", True),
    ("gov_internal_digital", ["none", "decisions"], "governance_internal_digital", False),
    ("gov_internal_digital", ["decisions", "none", "mail"], "governance_internal_digital", False),
    ("gov_shared", ["none"], "governance_join_pooling", True),
    ("gov_shared", ["none", "intercommunal"], "governance_join_pooling", False),
    ("gov_shared", ["intercommunal"], "governance_join_pooling", False),
    # « none » beside an option the step is also written for: it applies, because of that option
    ("env_lighting_choices", ["none", "targeted"], "environment_lighting_choices", True),
    ("env_lighting_choices", ["none", "dimming"], "environment_lighting_choices", False),
    ("liv_cpas", ["none", "joint_projects"], "living_cpas_synergies", False),
    ("gov_transparency", ["none", "decisions"], "governance_transparency", False),
]

# a commune doing well elsewhere, so that only the question under test decides
BASE = {"gov_strategy": "written", "gov_steering": "team", "gov_data": "owners", "gov_security_privacy": "basics",
        "gov_evaluation": "indicators", "approach": "started"}


@pytest.mark.parametrize(("question", "answer", "rec", "applies"), CASES)
def test_a_none_beside_other_options_triggers_no_step_written_for_none(question, answer, rec, applies):
    answers = {**BASE, question: answer}
    selected = {s.recommendation.id: s for s in select(Q, score(Q, answers), answers)}
    assert (rec in selected) == applies
    if applies:  # why it applies names the options actually ticked, never « none » beside them
        facts = [f for f in selected[rec].because if f.get("question") == question]
        assert facts == [{"question": question, "answer": effective_answer(answer)}]


@pytest.mark.parametrize(("question", "answer", "rec", "applies"), CASES)
def test_a_none_beside_other_options_scores_as_those_options(question, answer, rec, applies):
    alone = [v for v in answer if v != "none"] or ["none"]
    stale, clean = score(Q, {**BASE, question: answer}), score(Q, {**BASE, question: alone})
    section = next(s.id for s in Q.sections if any(qu.id == question for qu in s.questions))
    assert stale.dimensions[section].score == clean.dimensions[section].score
    assert [c.answer for c in stale.dimensions[section].contributions if c.question == question] == [alone]
    # the campaign's and the pool's batch scoring reads it the same way
    batch = score_many(Q, [{**BASE, question: answer}, {**BASE, question: alone}])
    col = batch.dimension_ids.index(section)
    assert list(batch.coverage[:, col]) == [clean.dimensions[section].coverage] * 2
    assert np.array_equal(batch.scores[0], batch.scores[1], equal_nan=True)


def test_effective_answers_leaves_every_other_answer_alone():
    answers = {"a": ["none"], "b": ["x", "y"], "c": "none", "d": "unknown", "e": [], "f": 3}
    assert effective_answers(answers) is answers  # nothing to read otherwise: no copy
    stale = {**answers, "g": ["x", "none"]}
    assert effective_answers(stale) == {**answers, "g": ["x"]}
    assert stale["g"] == ["x", "none"]  # the stored answer is not changed


def test_an_old_file_still_loads_says_where_and_is_written_back_unchanged():
    raw = STALE.read_text(encoding="utf-8")
    doc, warnings = load_answers(STALE, Q)
    found = {w.path: w for w in warnings}
    assert set(found) == {"answers.gov_internal_digital", "answers.gov_shared", "answers.env_lighting_choices",
                          "answers.liv_cpas", "answers.gov_transparency"}
    line = next(n for n, text in enumerate(raw.splitlines(), 1) if '"gov_internal_digital"' in text)
    warning = found["answers.gov_internal_digital"]
    assert warning.severity == "warning" and warning.line == line
    assert '("decisions", "mail")' in warning.message
    assert json.loads(doc.to_json())["answers"] == json.loads(raw)["answers"]  # nothing lost nor rewritten
    selected = [s.recommendation.id for s in select(Q, score(Q, doc.answers), doc.answers)]
    assert "governance_internal_digital" not in selected and "governance_join_pooling" not in selected


def test_the_merge_reads_each_respondent_so():
    # without the rule, « none » (2 of 3) would stand in the proposal beside the practices it denies
    team = [Respondent("échevin", {"gov_internal_digital": ["none", "decisions"]}, {}),
            Respondent("DG", {"gov_internal_digital": ["none", "mail"]}, {}),
            Respondent("CPAS", {"gov_internal_digital": ["decisions", "mail"]}, {})]
    assert merge(Q, team).answers["gov_internal_digital"] == ["decisions", "mail"]


SHOWN_IF_NONE = """
id: none-check
version: "1.0"
languages: [fr]
title: T
description: D
levels: [{id: low, min: 0, label: Bas, description: Peu.}]
sections:
  - id: alpha
    kind: dimension
    label: Alpha
    questions:
      - id: tasks
        text: Tâches numérisées
        type: multi
        options:
          - {id: none, label: Aucune, score: 0}
          - {id: x, label: X, score: 1}
          - {id: y, label: Y, score: 1}
      - id: why_not
        text: Pourquoi rien ?
        type: scale
        show_if: {question: tasks, in: [none]}
        options:
          - {id: a, label: A, score: 0}
          - {id: b, label: B, score: 1}
"""


def test_a_question_shown_for_none_is_hidden_beside_other_options_in_batch_scoring_too():
    from maturity.batch import visible_masks
    from maturity.questionnaire import parse_questionnaire
    from maturity.scoring import visible_questions

    q = parse_questionnaire(SHOWN_IF_NONE)
    sets = [{"tasks": ["none", "x"], "why_not": "a"}, {"tasks": ["none"], "why_not": "a"}]
    assert [("why_not" in visible_questions(q, s)) for s in sets] == [False, True]
    assert list(visible_masks(q, sets)["why_not"]) == [False, True]
    assert [score(q, s).dimensions["alpha"].score for s in sets] == [50.0, 0.0]
    assert list(score_many(q, sets).scores[:, 0]) == [50.0, 0.0]


def test_a_campaign_share_of_communes_answering_none_does_not_count_none_beside_other_options():
    from maturity.campaign import Item, _answer_values, _AnswerColumn

    item = Item("no_digital_task", "tasks", "share", "Aucune tâche numérisée", ("none",))
    column = [["none", "x"], ["none"], ["x"], None]
    assert np.array_equal(_answer_values(item, _AnswerColumn(column)), [0.0, 1.0, 0.0, np.nan], equal_nan=True)


def test_the_sheet_of_an_old_file_neither_recommends_what_it_does_nor_reads_its_none():
    from maturity import sheet

    doc, _ = load_answers(STALE, Q)
    text = sheet.build(Q, doc, lang="fr", fmt="md").decode("utf-8")
    assert "Numériser le travail de l'administration" not in text
    assert "l'essentiel se fait sur papier" not in text  # « Aucune » is not read beside the options ticked
