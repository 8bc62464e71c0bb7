"""Uploads a careless user or an attacker would send (issue 17): a 1.4 KB file nested 600 levels deep
crashed "Remplacer mes réponses" with a RecursionError; a 60,000-key file gave a 3.2 MB error
message; a file carrying only a commune name relabelled the space's commune."""

from __future__ import annotations

import json

import pytest

from maturity.answers import MAX_DEPTH, MAX_KEYS, parse_answers_json
from maturity.app import logic
from maturity.errors import InvalidInput, Problem
from tests.timing import cpu_time, yardstick

from .test_app_hostile import _open, store  # noqa: F401  (the fixture)

Q = {"id": "mini", "version": "1.0"}


def deep_file(levels: int = 600) -> bytes:
    return json.dumps({"questionnaire": Q, "x-tool": 0}).replace("0}", '{"a":' * levels + "1" + "}" * levels + "}").encode()


def test_a_deep_file_is_refused_before_it_is_parsed() -> None:
    raw = deep_file()
    assert len(raw) < 4000
    with pytest.raises(InvalidInput) as err:
        parse_answers_json(raw, "deep.json")
    assert "nested too deeply" in str(err.value) and str(MAX_DEPTH) in str(err.value)
    parse_answers_json(deep_file(MAX_DEPTH - 2), "ok.json")  # what a tool may legitimately nest


def test_sixty_thousand_keys_are_refused_at_once_in_one_short_message() -> None:
    raw = json.dumps({"questionnaire": Q, "answers": {f"k{i}": "x" for i in range(60_000)}}).encode()
    limit = 10 * yardstick()
    start = cpu_time()
    with pytest.raises(InvalidInput) as err:
        parse_answers_json(raw, "keys.json")
    assert cpu_time() - start < limit
    assert len(err.value.problems) == 1 and len(str(err.value)) < 300
    assert f"{MAX_KEYS:,}" in str(err.value)


def test_at_most_fifty_problems_are_shown_then_how_many_more() -> None:
    problems = [Problem("unknown question id", f"answers.k{i}", "f.json") for i in range(3_000)]
    lines = logic.problem_lines(problems, "fr")
    assert len(lines) == 51
    assert lines[-1] == "… et 2950 autres problèmes du même fichier"
    assert "k49" in logic.problem_lines(problems[:50], "en")[-1]  # exactly 50: no "more" line


def test_the_app_refuses_a_deep_file_and_says_why(store):  # noqa: F811
    token = store.open_space("92094", "mini", "1.0", "fr")
    at = _open(token, "questionnaire")
    at.get("file_uploader")[0].upload("deep.json", deep_file(), "application/json").run()
    assert not at.exception
    assert any("trop de niveaux imbriqués" in e.value for e in at.error)  # the page's language (was English)
    assert not [b for b in at.button if b.key == "upload_apply"]


def test_the_app_shows_fifty_problems_of_a_big_bad_file(store):  # noqa: F811
    token = store.open_space("92094", "mini", "1.0", "fr")
    at = _open(token, "questionnaire")
    bad = {"questionnaire": Q, "answers": {f"k{i}": "x" for i in range(2_000)}}
    at.get("file_uploader")[0].upload("bad.json", json.dumps(bad).encode(), "application/json").run()
    assert not at.exception
    (error,) = at.error
    assert error.value.count("\n- ") == 51 and "1950" in error.value
    assert len(error.value) < 10_000


def test_a_file_without_a_nis_code_cannot_rename_the_commune(store):  # noqa: F811
    token = store.open_space("92094", "mini", "1.0", "fr")
    store.set_commune(token, "92094", "Namur")
    at = _open(token, "questionnaire")
    relabel = {"questionnaire": Q, "commune": {"name": "Liège"}, "answers": {"a1": "full"}}
    at.get("file_uploader")[0].upload("r.json", json.dumps(relabel).encode(), "application/json").run()
    at.button(key="upload_apply").click().run()
    assert not at.exception
    space = store.load_space(token)
    assert (space.nis_code, space.commune_name) == ("92094", "Namur")
    assert space.draft["answers"] == {"a1": "full"}
    assert "Liège" not in json.dumps(space.draft)
    assert "Namur" in at.title[0].value


def test_the_store_keeps_the_commune_of_a_document_without_a_nis_code(store):  # noqa: F811
    token = store.open_space("92094", "mini", "1.0", "fr")
    store.set_commune(token, "92094", "Namur")
    store.save_draft(token, {"questionnaire": Q, "commune": {"name": "Liège"}, "answers": {}})
    space = store.load_space(token)
    assert (space.nis_code, space.commune_name) == ("92094", "Namur")


def test_an_upload_never_raises(store, monkeypatch):  # noqa: F811
    token = store.open_space("92094", "mini", "1.0", "fr")
    at = _open(token, "questionnaire")

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug in the checks")

    monkeypatch.setattr(logic, "check_answers", broken)
    ok = {"questionnaire": Q, "answers": {"a1": "full"}}
    at.get("file_uploader")[0].upload("ok.json", json.dumps(ok).encode(), "application/json").run()
    assert not at.exception
    assert any("n'a pas pu être lu" in e.value for e in at.error)
    assert "a bug" not in " ".join(e.value for e in at.error)
