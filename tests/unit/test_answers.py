"""Answers files (contract §2): round trip, every problem with its place, version warnings."""

from __future__ import annotations

import json

import pytest

from maturity.answers import answers_from_dict, check_answers, parse_answers_json
from maturity.errors import InvalidInput


def _doc(**over):
    doc = {
        "questionnaire": {"id": "mini", "version": "1.0", "source": "kept"},
        "commune": {"nis_code": "92094", "name": "Namur", "service": "Cellule Smart City"},
        "respondent": {"role": "échevin", "email": "x@example.be"},
        "created_at": "2026-11-25T10:00:00+01:00",
        "updated_at": "2026-11-25T10:40:00+01:00",
        "answers": {"a1": "half", "a3": ["z", "x"], "b1": "na", "b2": "unknown", "b_count": 3, "who": "Le DG"},
        "notes": {"a1": "Voir le PST, fiche 12 <b>gras</b>"},
        "x-tool": {"exported_by": "other tool", "nested": [1, {"k": None}]},
    }
    doc.update(over)
    return doc


def test_round_trip_loses_nothing(mini):
    original = _doc()
    doc = parse_answers_json(json.dumps(original, ensure_ascii=False).encode())
    assert check_answers(doc, mini) == []
    again = json.loads(doc.to_json())
    assert again == original
    assert again["answers"]["a3"] == ["z", "x"]  # order of a multi answer kept


def test_every_problem_is_reported_with_its_place(mini):
    doc = answers_from_dict(_doc(answers={
        "a1": "maybe", "a2": True, "a3": ["x", "w"], "nope": "x", "b_count": -1, "approach": "na",
    }))
    with pytest.raises(InvalidInput) as info:
        check_answers(doc, mini, "namur.json")
    text = str(info.value)
    lines = text.splitlines()
    assert len(lines) == 6
    assert 'namur.json: answers.a1: "maybe" is not an option of this question (none, some, half, full)' in lines
    assert any(line.startswith("namur.json: answers.a2: true is not an option") for line in lines)
    assert any(line.startswith('namur.json: answers.a3: "w" is not an option') for line in lines)
    assert "namur.json: answers.nope: unknown question id" in lines
    assert any("answers.b_count: -1 is below the minimum 0" in line for line in lines)
    assert any('answers.approach: "na" (not applicable) is not offered' in line for line in lines)


def test_structure_problems_are_reported_together():
    with pytest.raises(InvalidInput) as info:
        answers_from_dict(_doc(questionnaire={"id": 3}, commune={"nis_code": "99999"}, answers=[], created_at="hier"),
                          "bad.json")
    paths = {p.path for p in info.value.problems}
    assert paths == {"questionnaire.id", "questionnaire.version", "commune.nis_code", "answers", "created_at"}


def test_another_version_is_a_warning_and_keeps_what_still_exists(mini):
    doc = answers_from_dict(_doc(questionnaire={"id": "mini", "version": "0.9"},
                                 answers={"a1": "full", "old_question": "x", "a2": "maybe"}))
    warnings = check_answers(doc, mini, "old.json")
    assert doc.answers == {"a1": "full"}
    assert {w.path for w in warnings} == {"questionnaire.version", "answers.old_question", "answers.a2"}
    assert all(w.severity == "warning" for w in warnings)


def test_another_questionnaire_is_an_error(mini):
    doc = answers_from_dict(_doc(questionnaire={"id": "other", "version": "1.0"}))
    with pytest.raises(InvalidInput, match=r"questionnaire\.id"):
        check_answers(doc, mini)


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"\xff\xfe\x00", "not UTF-8"),
        (b"{not json", "not valid JSON"),
        (b"[1, 2]", "JSON object"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"answers": {"a": NaN}}', "NaN"),
        (b" " * (2 * 1024 * 1024), "too large"),
        (b'{"n": ' + b"9" * 10_000 + b"}", "not a usable JSON"),
    ],
)
def test_foreign_or_hostile_json_gets_a_clear_error(raw, message):
    with pytest.raises(InvalidInput) as info:
        parse_answers_json(raw, "upload.json")
    assert message in str(info.value)
    assert "upload.json" in str(info.value)


def test_hostile_commune_name_is_kept_as_text(mini):
    name = "<script>alert(1)</script> =HYPERLINK(\"x\") 🙂 مدينة"
    doc = answers_from_dict(_doc(commune={"name": name}))
    assert check_answers(doc, mini) == []
    assert json.loads(doc.to_json())["commune"]["name"] == name


def test_display_never_fails_on_huge_numbers():
    from maturity.display import format_number

    assert format_number(1e300) == "1e+300"
    assert format_number(float("inf")) == "inf"
    assert format_number(1234.56, "de", 1) == "1.234,6"


def test_a_key_given_twice_is_read_as_json_reads_it_and_said_with_both_lines(mini):
    """Hostile review 11: a hand-edited file that gives an answer twice (or « answers » twice, the second empty)
    was read with its last value and nothing said: one of the two was set aside without a word. It is still
    read so (every JSON reader keeps the last; a file kept for years stays readable), with a warning naming
    the place, the line of each and what was read."""
    text = json.dumps(_doc(), ensure_ascii=False, indent=2)
    text = text.replace('"a1": "half",', '"a1": "half",\n    "who": "Le DGS",\n    "a1": "full",')
    doc = parse_answers_json(text, "reponses.json")
    assert doc.answers["a1"] == "full" and doc.answers["who"] == "Le DG"
    warnings = [w for w in check_answers(doc, mini, "reponses.json") if w.code == "duplicate_key_lines"]
    assert [(w.path, w.line, dict(w.params)["first"]) for w in warnings] == [
        ("answers.a1", 21, "19"), ("answers.who", 29, "20")], warnings
    assert str(warnings[0]).startswith("warning: reponses.json:21: answers.a1: given twice (first at line 19)")

    # on one line (a compact file), the place without line numbers; a whole object given twice is said once
    compact = json.dumps(_doc(), ensure_ascii=False)[:-1] + ', "answers": {"a1": "full", "a1": "none"}}'
    doc = parse_answers_json(compact, "compact.json")
    assert doc.answers == {"a1": "none"}
    said = [str(w) for w in check_answers(doc, mini, "compact.json") if w.code.startswith("duplicate_key")]
    assert said == ["warning: compact.json: answers: given twice: the last value is read, the one before it is "
                    "set aside"]

    # a file without a key given twice says nothing of it, whatever its keys look like
    plain = parse_answers_json(json.dumps(_doc(**{"x.y": 1, "x": {"y": 2}}), indent=2), "plain.json")
    assert not [w for w in check_answers(plain, mini, "plain.json") if w.code.startswith("duplicate_key")]


def test_a_name_of_another_commune_beside_the_code_is_a_warning(mini):
    """The code decides which commune the answers are (its figures, its groups); a name of another commune beside
    it (a file copied from a neighbour's, the bench's « Fontaine-l'Évêque » with Ham-sur-Heure-Nalinnes' code) is
    said. The commune's own names in any of its languages, any case, or within words, are not."""
    from maturity.app.logic import problem_lines

    def warned(name: str, code: str = "56086") -> list:
        doc = answers_from_dict(_doc(questionnaire={"id": "mini", "version": mini.version},
                                     commune={"nis_code": code, "name": name}, answers={}))
        return [w for w in check_answers(doc, mini, "f.json") if w.code == "name_not_code"]

    found = warned("Fontaine-l'Évêque")
    assert [(w.path, w.severity) for w in found] == [("commune.name", "warning")]
    assert "Ham-sur-Heure-Nalinnes" in found[0].message
    said = problem_lines(found, "fr")[0]
    assert "«\u00a0Fontaine-l'Évêque\u00a0»" in said and "56086" in said and "Ham-sur-Heure-Nalinnes" in said, said
    for same in ("Ham-sur-Heure-Nalinnes", "ham sur heure nalinnes", "Commune de Ham-sur-Heure-Nalinnes", ""):
        assert warned(same) == [], same
    assert warned("Büllingen", "63012") == warned("Bullange", "63012") == warned("Gemeinde Büllingen", "63012") == []
    assert warned("Sankt Vith", "63067") == warned("St-Vith", "63067") == []
