"""The questionnaire loader: every rule of contract §1, errors naming file, line and path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from maturity.errors import InvalidInput
from maturity.questionnaire import load_questionnaire, parse_questionnaire
from maturity.yamlio import load_yaml
from tests.timing import cpu_time, yardstick

BROKEN = Path(__file__).resolve().parent.parent / "data" / "broken"
EXPECTED = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_broken_questionnaire_names_the_place(case):
    expected = EXPECTED[case]
    with pytest.raises(InvalidInput) as info:
        load_questionnaire(BROKEN / f"{case}.yaml")
    problems = info.value.problems
    matching = [p for p in problems if p.path == expected["path"]]
    assert matching, f"no problem at {expected['path']}: {[str(p) for p in problems]}"
    problem = matching[0]
    assert problem.file.endswith(f"{case}.yaml")
    assert problem.line == expected["line"]
    assert expected["message"] in problem.message
    assert str(problem).startswith(f"{problem.file}:{expected['line']}: {expected['path']}: ")


def test_every_error_of_a_file_is_reported_together():
    text = (BROKEN.parent / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("        weight: 2\n", "        wieght: 2\n", 1).replace("type: multi", "type: checkbox")
    with pytest.raises(InvalidInput) as info:
        parse_questionnaire(text, "two.yaml")
    paths = {p.path for p in info.value.problems}
    assert {"sections[0].questions[1].wieght", "sections[0].questions[2].type"} <= paths


def test_semantic_errors_are_reported_together():
    text = (BROKEN.parent / "mini.yaml").read_text(encoding="utf-8")
    text = text.replace("- id: b2\n", "- id: b1\n", 1).replace("{id: high, min: 75,", "{id: high, min: 30,")
    with pytest.raises(InvalidInput) as info:
        parse_questionnaire(text, "two.yaml")
    paths = {p.path for p in info.value.problems}
    assert {"sections[1].questions[1].id", "levels[2].min"} <= paths


def test_the_mini_questionnaire_is_valid(mini):
    assert mini.question("a4").na_allowed  # default true in a dimension section
    assert not mini.question("approach").na_allowed  # default false elsewhere
    assert mini.question("a2").option_ids == ["yes", "no"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("a: &x [1, 2]\nb: *x\n", "anchors and aliases"),
        ("a: " + "[" * 200 + "]" * 200 + "\n", "nested"),
        ("a: 1\na: 2\n", "duplicate key"),
        ("a: [1, 2\n", "not valid YAML"),
        ("", "empty"),
        ("a: !!python/object/apply:os.system ['true']\n", "not valid YAML"),
    ],
)
def test_hostile_yaml_is_refused_with_a_message(text, message):
    with pytest.raises(InvalidInput) as info:
        load_yaml(text, "evil.yaml")
    assert message in str(info.value)
    assert "evil.yaml" in str(info.value)


def test_alias_bomb_is_refused_quickly():
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 12):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    limit = 10 * yardstick()
    start = cpu_time()
    with pytest.raises(InvalidInput, match="aliases"):
        load_yaml("\n".join(lines), "bomb.yaml")
    assert cpu_time() - start < limit


def test_huge_file_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.yaml"
    with big.open("w") as fh:
        fh.write("a: [" + "1, " * (17 * 1024 * 1024) + "1]\n")  # ~50 MB
    limit = 10 * yardstick()
    start = cpu_time()
    with pytest.raises(InvalidInput, match="too large"):
        load_questionnaire(big)
    assert cpu_time() - start < limit


def test_yes_and_no_are_strings_not_booleans():
    data, _ = load_yaml("a: yes\nb: no\nc: true\nd: off\n")
    assert data == {"a": "yes", "b": "no", "c": True, "d": "off"}


def test_a_questionnaire_that_is_not_a_mapping():
    with pytest.raises(InvalidInput, match="YAML mapping"):
        parse_questionnaire("- 1\n- 2\n", "list.yaml")


def test_a_rule_may_name_not_applicable_where_the_question_offers_it(mini):
    """Contract §4: a recommendation's rule may name ``na`` for a question that offers « ne s'applique pas »
    (a commune that says local economy data do not apply to it is not told to publish them)."""
    text = (BROKEN.parent / "mini.yaml").read_text(encoding="utf-8")
    guarded = text.replace("when: {dimension: alpha, level_at_most: low}",
                           "when: {all: [{dimension: alpha, level_at_most: low}, {not: {question: a1, in: [na]}}]}")
    q = parse_questionnaire(guarded, "guarded.yaml")
    assert q.question("a1").na_allowed
    from maturity.recommendations import select
    from maturity.scoring import score

    answers = {"a1": "none", "a2": "no", "a3": []}
    assert "rec_alpha_low" in [s.recommendation.id for s in select(q, score(q, answers), answers)]
    answers["a1"] = "na"
    assert "rec_alpha_low" not in [s.recommendation.id for s in select(q, score(q, answers), answers)]
    # a question that does not offer it (allow_na false by default outside dimension sections): an error, placed
    refused = text.replace("when: {question: approach, equals: none}", "when: {question: approach, in: [none, na]}")
    with pytest.raises(InvalidInput) as info:
        parse_questionnaire(refused, "refused.yaml")
    assert [(p.path, p.message) for p in info.value.problems] == [
        ("recommendations[3].when", "question 'approach' does not offer 'na' (allow_na is false)")]
    # nor may a show_if condition name it (only a recommendation's rule)
    shown = text.replace('show_if: {question: a2, equals: "yes"}', "show_if: {question: a1, equals: na}")
    with pytest.raises(InvalidInput):
        parse_questionnaire(shown, "shown.yaml")
