"""The questionnaire loader on hostile input: it returns a questionnaire or raises InvalidInput whose
problems each name a place; never any other exception. YAML bombs are refused quickly."""

from __future__ import annotations

import copy

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity.errors import InvalidInput
from maturity.questionnaire import (
    DEFAULT_QUESTIONNAIRE,
    _merge_recommendations,
    load_questionnaire,
    parse_questionnaire,
    questionnaire_from_data,
)
from maturity.yamlio import MAX_BYTES, load_yaml, load_yaml_file
from tests.hostile.payloads import any_text, apply_mutations, json_values, mutations
from tests.timing import cpu_time, yardstick

SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
ROOT = DEFAULT_QUESTIONNAIRE.parent.parent
MINI = ROOT / "tests" / "data" / "mini.yaml"
_raw, _lines = load_yaml_file(DEFAULT_QUESTIONNAIRE)
# the recommendations file merged in once, so that each example only validates
DEFAULT_DATA, DEFAULT_LINES, _ = _merge_recommendations(
    {k: v for k, v in _raw.items() if k != "recommendations_file"}, _lines, str(DEFAULT_QUESTIONNAIRE),
    DEFAULT_QUESTIONNAIRE.parent / _raw["recommendations_file"])
MINI_DATA, _ = load_yaml_file(MINI)


def _load_or_refuse(fn, *args, **kwargs):
    """Run the loader; InvalidInput is fine when every problem has a message and a place."""
    try:
        return fn(*args, **kwargs)
    except InvalidInput as exc:
        assert exc.problems, "InvalidInput without problems"
        for problem in exc.problems:
            assert problem.message.strip()
            assert problem.place.strip(), f"problem without a place: {problem!r}"
        return None


yaml_fragments = st.sampled_from([
    "id: x\n", "version: 1\n", "sections:\n", "  - id: a\n", "    kind: dimension\n", "questions: [\n", "- ", ": ",
    "&a ", "*a ", "!!python/object:os.system ", "!!binary AAAA", "? ", "{", "}", "[", "]", "'", '"', "\t", "\n",
    "%YAML 1.1\n", "---\n", "...\n", "<<: *a\n", "no: yes\n", "levels: [{id: l, min: 0}]\n", "#", "|\n  ", ">-\n  ",
])


@settings(SETTINGS, max_examples=1000)
@given(st.one_of(any_text, st.lists(st.one_of(yaml_fragments, any_text), max_size=30).map("".join)))
def test_random_yaml_text_is_loaded_or_refused_with_places(text):
    _load_or_refuse(parse_questionnaire, text, "hostile.yaml")


@settings(SETTINGS, max_examples=500)
@given(mutations)
def test_mutated_default_questionnaire_is_loaded_or_refused_with_places(drawn):
    data = apply_mutations(copy.deepcopy(DEFAULT_DATA), drawn)
    _load_or_refuse(questionnaire_from_data, data, DEFAULT_LINES, str(DEFAULT_QUESTIONNAIRE))


@settings(SETTINGS, max_examples=400)
@given(mutations)
def test_mutated_questionnaire_as_yaml_text(drawn):
    """Mutations of the small test questionnaire written out as YAML text, read through the whole loader."""
    data = apply_mutations(copy.deepcopy(MINI_DATA), drawn)
    try:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return
    _load_or_refuse(parse_questionnaire, text, "mutated.yaml")


@settings(SETTINGS, max_examples=500)
@given(json_values)
def test_any_data_shape_is_refused_with_places(data):
    _load_or_refuse(questionnaire_from_data, data, {}, "shape.yaml")


def test_the_default_questionnaire_still_loads():
    assert load_questionnaire().id == "smart-city-wallonie"


# --- bombs ------------------------------------------------------------------------------------------------

BILLION_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9)
)

BOMBS = {
    "billion laughs": BILLION_LAUGHS,
    "merge-key aliases": "base: &b {x: 1}\nother:\n  <<: *b\n",
    "deep flow nesting": "[" * 50_000 + "]" * 50_000,
    "deep block nesting": "".join(" " * (2 * i) + "k:\n" for i in range(500)) + " " * 1000 + "v\n",
    "deep mapping in flow": "{a: " * 5000 + "1" + "}" * 5000,
    "50 MB": "title: '" + "x" * (50 * 1024 * 1024) + "'\n",
    "just over the limit": "# " + "x" * MAX_BYTES + "\n",
    "many values": "[" + ",".join(["1"] * 300_000) + "]",
    "python object tag": "!!python/object/apply:os.system ['echo pwned']\n",
    "huge integer": "version: " + "9" * 100_000 + "\n",
}


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_yaml_bombs_are_refused_quickly(name, tmp_path):
    """Refused in at most 10 times what the real questionnaire takes to read: a bomb that grew
    with its nesting or its aliases would take thousands of times more."""
    text = BOMBS[name]
    limit = 10 * yardstick()
    start = cpu_time()
    with pytest.raises(InvalidInput) as info:
        parse_questionnaire(text, "bomb.yaml")
    elapsed = cpu_time() - start
    assert elapsed < limit, f"{name}: {elapsed:.2f} s, 10 × the real questionnaire: {limit:.2f} s"
    assert all(p.place for p in info.value.problems)
    # the same through the file reader (the size is checked before reading)
    path = tmp_path / "bomb.yaml"
    path.write_text(text, encoding="utf-8")
    start = cpu_time()
    with pytest.raises(InvalidInput):
        load_questionnaire(path)
    assert cpu_time() - start < limit


def test_aliases_are_refused_even_when_harmless():
    with pytest.raises(InvalidInput, match="anchors and aliases"):
        load_yaml("a: &x 1\nb: *x\n")


def test_non_utf8_and_binary_files_are_refused(tmp_path):
    for raw in (b"\xff\xfe\x00i\x00d", b"id: \x80\x81\n", bytes(range(256))):
        path = tmp_path / "bin.yaml"
        path.write_bytes(raw)
        _load_or_refuse(load_questionnaire, path)


# --- regressions found by these tests -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2026-13-45", "2026-02-30 10:00:00", "9" * 5000])
def test_scalars_the_yaml_constructor_cannot_build_are_refused(value):
    """Found here: a date out of range or an integer of 5,000 digits raised ValueError in yamlio."""
    with pytest.raises(InvalidInput) as info:
        parse_questionnaire(f"id: x\nversion: {value}\n", "scalar.yaml")
    assert info.value.problems[0].place == "scalar.yaml"


def test_a_number_too_large_to_print_is_reported_not_crashed():
    """Found here: pydantic's problem message printed the input with repr(), which raises ValueError for
    an integer of more than 4,300 digits (a hex literal builds one)."""
    text = MINI.read_text(encoding="utf-8")
    text = text.replace("min_coverage: 0.5", "min_coverage: 0x" + "f" * 5000)
    with pytest.raises(InvalidInput) as info:
        parse_questionnaire(text, "mini.yaml")
    assert any(p.path == "min_coverage" and p.line == 7 for p in info.value.problems)


def test_a_lone_surrogate_in_yaml_text_is_refused():
    """Found here: parse_questionnaire("\\ud800") raised UnicodeEncodeError from the C parser."""
    with pytest.raises(InvalidInput, match="not valid Unicode"):
        parse_questionnaire("id: \ud800\n", "s.yaml")
