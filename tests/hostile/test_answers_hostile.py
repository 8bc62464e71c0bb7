"""The answers reader on hostile input: ``parse_answers_json`` + ``check_answers`` either accept the file
or raise InvalidInput whose problems each name a place; never another exception. JSON bombs refused fast."""

from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity.answers import AnswersFile, check_answers, parse_answers_json
from maturity.errors import InvalidInput
from maturity.questionnaire import load_questionnaire
from tests.hostile.payloads import any_text, apply_mutations, dumps, hostile_text, json_values, mutations
from tests.timing import cpu_time, yardstick

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
Q = load_questionnaire()


def _valid_document() -> dict:
    """Every question of the default questionnaire answered (first option, 'unknown' for free answers)."""
    doc = AnswersFile.new(Q, "92094")
    for section in Q.sections:
        for question in section.questions:
            if question.type == "multi":
                doc.answers[question.id] = question.option_ids[:2]
            elif question.option_ids:
                doc.answers[question.id] = question.option_ids[0]
            else:
                doc.answers[question.id] = "unknown"
            doc.notes[question.id] = "note"
    doc.respondent = {"role": "échevin"}
    return doc.to_dict()


VALID = _valid_document()


def _read(raw: bytes | str):
    try:
        doc = parse_answers_json(raw, "hostile.json")
        warnings = check_answers(doc, Q, "hostile.json")
    except InvalidInput as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.message.strip() and problem.place.strip(), repr(problem)
        return None
    for warning in warnings:
        assert warning.severity == "warning" and warning.place
    doc.to_json().encode("utf-8", "surrogatepass")  # writing back never fails
    return doc


def test_the_valid_document_is_accepted():
    assert _read(json.dumps(VALID)) is not None


@settings(SETTINGS, max_examples=600)
@given(json_values)
def test_any_json_value_is_accepted_or_refused_with_places(value):
    _read(dumps(value))


@settings(SETTINGS, max_examples=600)
@given(st.one_of(st.binary(max_size=300), any_text.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_any_bytes_are_accepted_or_refused_with_places(raw):
    _read(raw)


@settings(SETTINGS, max_examples=700)
@given(mutations)
def test_mutated_valid_files_are_accepted_or_refused_with_places(drawn):
    _read(dumps(apply_mutations(copy.deepcopy(VALID), drawn)))


@settings(SETTINGS, max_examples=300)
@given(hostile_text, hostile_text, st.dictionaries(st.sampled_from(sorted(Q.question_index)), hostile_text, max_size=4))
def test_hostile_free_text_is_kept_as_given(name, role, notes):
    data = copy.deepcopy(VALID)
    data["commune"] = {"name": name}
    data["respondent"] = {"role": role}
    data["notes"] = notes
    doc = _read(dumps(data))
    if doc is not None:  # a note longer than the limit is refused; anything else is kept verbatim
        assert doc.commune["name"] == name and doc.notes == notes


# --- bombs ------------------------------------------------------------------------------------------------

JSON_BOMBS = {
    "deep arrays": "[" * 100_000 + "]" * 100_000,
    "deep objects": '{"a":' * 50_000 + "1" + "}" * 50_000,
    "deep under the recursion limit": '{"questionnaire": ' + "[" * 900 + "]" * 900 + "}",
    "50 MB": '{"notes": {"x": "' + "x" * (50 * 1024 * 1024) + '"}}',
    "huge integer": '{"answers": {"x": ' + "9" * 100_000 + "}}",
    "NaN": '{"answers": {"x": NaN}}',
    "Infinity": '{"answers": {"x": -Infinity}}',
    "many keys": "{" + ",".join(f'"k{i}": {i}' for i in range(100_000)) + "}",
}


@pytest.mark.parametrize("name", sorted(JSON_BOMBS))
def test_json_bombs_are_refused_quickly(name):
    limit = 10 * yardstick()
    for raw in (JSON_BOMBS[name], JSON_BOMBS[name].encode("utf-8")):
        start = cpu_time()
        with pytest.raises(InvalidInput) as info:
            doc = parse_answers_json(raw, "bomb.json")
            check_answers(doc, Q, "bomb.json")
        assert cpu_time() - start < limit, name
        assert all(p.place for p in info.value.problems)
