"""The command line as a user meets it (contract §6): exit codes, messages, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

from maturity.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
ROOT = DATA.parent.parent


def _answers(tmp_path: Path, answers: dict, **over) -> Path:
    doc = {"questionnaire": {"id": "mini", "version": "1.0"}, "commune": {"nis_code": "92094", "name": "Namur"},
           "answers": answers}
    doc.update(over)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def test_validate_accepts_a_valid_file(capsys):
    assert main(["validate", str(DATA / "mini.yaml")]) == 0
    assert "ok" in capsys.readouterr().out


def test_validate_rejects_a_broken_file_naming_the_place(capsys):
    code = main(["validate", str(DATA / "broken" / "unknown_key.yaml"), str(DATA / "broken" / "levels_not_ascending.yaml")])
    err = capsys.readouterr().err
    assert code == 1
    assert "unknown_key.yaml:28: sections[0].questions[1].wieght: unknown key" in err
    assert "levels_not_ascending.yaml:11: levels[2].min" in err


def test_validate_checks_an_answers_file_and_warns_where_none_stands_beside_other_options(capsys):
    stale = DATA / "answers" / "stale-none-gesves-2027.json"
    line = next(n for n, text in enumerate(stale.read_text(encoding="utf-8").splitlines(), 1)
                if '"gov_internal_digital"' in text)
    assert main(["validate", str(stale)]) == 0
    out, err = capsys.readouterr()
    assert f"ok  {stale}: answers to smart-city-wallonie 2027.1" in out
    assert f"warning: {stale}:{line}: answers.gov_internal_digital: \"none\" is ticked beside other options" in err


def test_validate_rejects_a_bad_answers_file_naming_the_place(tmp_path, capsys):
    path = _answers(tmp_path, {"gov_strategy": "maybe"},
                    questionnaire={"id": "smart-city-wallonie", "version": "2027.1"})
    assert main(["validate", str(path)]) == 1
    assert f'{path}: answers.gov_strategy: "maybe" is not an option' in capsys.readouterr().err


def test_score_json_gives_the_contract_numbers(tmp_path, capsys):
    path = _answers(tmp_path, {"a1": "half", "a2": "yes", "a3": ["x", "z"], "a4": "no", "b1": "o1", "budget": "major"})
    assert main(["score", str(path), "--questionnaire", str(DATA / "mini.yaml"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["dimensions"]["alpha"]["score"] == pytest.approx(65.0)
    assert out["dimensions"]["alpha"]["level"] == "mid"
    assert out["dimensions"]["beta"]["score"] == pytest.approx(50.0)
    assert out["dimensions"]["beta"]["coverage"] == 0.5
    assert out["overall"] == pytest.approx(57.5)
    assert out["obstacles"]["budget"] == {"severity": 3, "cited": True}
    assert out["commune"]["name"] == "Namur"


def test_score_text_output_is_localized(tmp_path, capsys):
    path = _answers(tmp_path, {"a1": "half", "a2": "yes", "a3": ["x", "z"], "a4": "no"})
    assert main(["score", str(path), "--questionnaire", str(DATA / "mini.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Alpha" in out and "65" in out and "Moyen" in out
    assert "réponses insuffisantes" in out  # beta has no answer


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_score_says_a_dimension_without_score_in_the_words_of_the_app_and_the_sheet(tmp_path, capsys, lang):
    from maturity.app.texts import tr
    from maturity.sheet.content import t

    path = _answers(tmp_path, {"a1": "half", "a2": "yes", "a3": ["x", "z"], "a4": "no"})
    assert main(["score", str(path), "--questionnaire", str(DATA / "mini.yaml"), "--lang", lang]) == 0
    beta = next(line for line in capsys.readouterr().out.splitlines() if "Beta" in line)
    assert f" {tr('insufficient_short', lang)} (" in beta and tr("insufficient_short", lang) == t("insufficient", lang)


def test_invalid_answers_exit_1_with_every_place(tmp_path, capsys):
    path = _answers(tmp_path, {"a1": "maybe", "zzz": 1})
    assert main(["score", str(path), "--questionnaire", str(DATA / "mini.yaml")]) == 1
    err = capsys.readouterr().err
    assert "answers.a1" in err and "answers.zzz: unknown question id" in err
    assert "Traceback" not in err


def test_missing_file_exit_1(capsys):
    assert main(["score", "/nonexistent/answers.json"]) == 1
    assert "/nonexistent/answers.json: file not found" in capsys.readouterr().err


def test_usage_error_exit_2():
    with pytest.raises(SystemExit) as info:
        main(["score"])
    assert info.value.code == 2


def test_real_entry_point_never_shows_a_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"\x00\xff{{{")
    result = subprocess.run([sys.executable, "-m", "maturity", "score", str(bad)], capture_output=True, text=True,
                            cwd=ROOT, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "bad.json" in result.stderr


# --- maturity recommendations ---------------------------------------------------------------------


def test_recommendations_json_lists_each_with_why(tmp_path, capsys):
    answers = {"a1": "none", "a2": "no", "a3": [], "b1": "o1", "b2": "o1", "budget": "significant", "approach": "none"}
    path = _answers(tmp_path, answers)
    assert main(["recommendations", str(path), "--questionnaire", str(DATA / "mini.yaml"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["questionnaire"] == {"id": "mini", "version": "1.0"}
    recs = {r["id"]: r for r in out["recommendations"]}
    assert [r["id"] for r in out["recommendations"]] == ["rec_budget", "rec_alpha_low", "rec_beta_mid", "rec_no_approach"]
    assert recs["rec_budget"] == {"id": "rec_budget", "priority": 1, "title": "Budget", "dimension": None,
                                  "obstacle": "budget", "because": [{"obstacle": "budget", "severity": 2}],
                                  "check_first": [], "unsure": False, "on_sheet": True, "on_pdf": True}
    assert recs["rec_alpha_low"]["because"] == [{"dimension": "alpha", "score": 0.0, "level": "low"}]
    assert recs["rec_beta_mid"]["because"] == [{"dimension": "beta", "score": 50.0, "level": "mid"}]
    assert recs["rec_no_approach"]["because"] == [{"question": "approach", "answer": "none"}]
    assert out["warnings"] == []


def test_recommendations_json_marks_what_rests_on_je_ne_sais_pas_as_the_text_does(capsys):
    """Contract §4, §6: the questions answered « je ne sais pas » that a recommendation's ``because`` names
    (« à vérifier d'abord ») and whether it rests only on them, as the text output, the sheet and the page say."""
    path = str(DATA / "answers" / "unsure-durbuy-2027.json")
    assert main(["recommendations", path, "--json"]) == 0
    recs = {r["id"]: r for r in json.loads(capsys.readouterr().out)["recommendations"]}
    assert (recs["environment_energy_baseline"]["check_first"], recs["environment_energy_baseline"]["unsure"]) == (
        ["env_building_energy"], True)
    assert (recs["governance_measure_maturity"]["check_first"], recs["governance_measure_maturity"]["unsure"]) == (
        ["gov_evaluation"], True)
    assert (recs["environment_climate_plan"]["check_first"], recs["environment_climate_plan"]["unsure"]) == ([], False)
    assert main(["recommendations", path]) == 0
    lines = capsys.readouterr().out.splitlines()
    # each title line " 2. Title (priorité 2; ID)" is followed by its "parce que" line
    marked = {title.rsplit("; ", 1)[1].split(")")[0] for title, because in pairwise(lines)
              if title[:3].strip().rstrip(".").isdigit() and "à vérifier d'abord" in because}
    assert marked == {r for r, rec in recs.items() if rec["check_first"]}


def test_recommendations_text_says_why_in_the_language_asked(tmp_path, capsys):
    path = _answers(tmp_path, {"b1": "o0", "b2": "o0", "approach": "none"})
    assert main(["recommendations", str(path), "--questionnaire", str(DATA / "mini.yaml"), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Beta moyen (priority 2; rec_beta_mid)" in out
    assert "because: Beta: score 0 (Bas)" in out
    assert "because: Démarche ? → Non" in out  # the file has no English text: French is its default
    # French: « priorité 2 ; id », « parce que : Beta : score 0 » with a no-break space before « ; » and « : » (as
    # every French text of the tool), where it wrote « (priorité 2; rec_beta_mid) », joined the reasons by « ; »
    # alone and put a plain space before its colons
    assert main(["recommendations", str(path), "--questionnaire", str(DATA / "mini.yaml")]) == 0
    out = capsys.readouterr().out
    assert "Beta moyen (priorité 2\u00a0; rec_beta_mid)" in out
    assert "parce que\u00a0: Beta\u00a0: score 0 (Bas)" in out and "Sur la fiche\u00a0: 2 dans le PDF" in out, out
    assert "; " not in out.replace("\u00a0; ", "") and " : " not in out, out


def test_recommendations_text_in_german(capsys):
    assert main(["recommendations", str(DATA / "answers" / "german-buellingen-2027.json"), "--lang", "de"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("Auf dem Blatt: ") and " im PDF, " in lines[1], lines
    assert "(Priorität 1; " in lines[2] and lines[3].startswith("    weil: "), lines


def test_recommendations_of_a_commune_with_nothing_to_do(tmp_path, capsys):
    path = _answers(tmp_path, {"a1": "full", "a2": "yes", "a3": ["z"], "a4": "yes", "b1": "o2", "b2": "o2"})
    assert main(["recommendations", str(path), "--questionnaire", str(DATA / "mini.yaml"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["recommendations"] == []
    assert main(["recommendations", str(path), "--questionnaire", str(DATA / "mini.yaml")]) == 0
    assert "Aucune recommandation ne s'applique." in capsys.readouterr().out


def test_recommendations_bad_input_names_the_place_without_traceback(tmp_path, capsys):
    path = _answers(tmp_path, {"b1": "maybe"})
    assert main(["recommendations", str(path), "--questionnaire", str(DATA / "mini.yaml"), "--json"]) == 1
    captured = capsys.readouterr()
    assert "answers.b1" in captured.err and "Traceback" not in captured.err and captured.out == ""
    assert main(["recommendations", str(tmp_path / "missing.json")]) == 1
    assert "file not found" in capsys.readouterr().err


def test_score_text_says_how_many_questions_do_not_apply_and_why_a_score_is_missing(tmp_path, capsys):
    path = _answers(tmp_path, {"a1": "na", "a2": "na", "a3": "na", "b1": "o1", "b2": "na"})
    assert main(["score", str(path), "--questionnaire", str(DATA / "mini.yaml")]) == 0
    lines = capsys.readouterr().out.splitlines()
    alpha = next(line for line in lines if line.strip().startswith("Alpha"))
    beta = next(line for line in lines if line.strip().startswith("Beta"))
    # the option's words, as the app and the sheet head that column (« sans objet » was the command's alone)
    assert "réponses insuffisantes\u00a0: trop de questions ne s'appliquent pas" in alpha
    assert "«\u00a0Ne s'applique pas\u00a0»\u00a0: 3)" in alpha
    assert "50" in beta and "«\u00a0Ne s'applique pas\u00a0»\u00a0: 1)" in beta and "trop de" not in beta


@pytest.mark.parametrize(("lang", "words"), [
    ("fr", ["Alpha", "réponses insuffisantes\u00a0: trop de questions ne s'appliquent pas",
            "(100\u00a0% de réponses utiles\u00a0; «\u00a0Ne s'applique pas\u00a0»\u00a0: 3)", "Global"]),
    ("de", ["zu wenige Antworten: zu viele Fragen treffen nicht zu", "(100\u00a0% nutzbare Antworten; „Trifft nicht zu“: 3)",
            "Gesamt"]),
    ("en", ["not enough answers: too many questions do not apply", "(100% usable answers; “Does not apply”: 3)",
            "Overall"]),
])
def test_score_text_speaks_the_language_asked(tmp_path, capsys, lang, words):
    """The frame around the scores: the share of usable answers, the « Ne s'applique pas » count, why there is no
    score and the overall line, in fr (the default), de and en (they were French words in an English frame)."""
    path = _answers(tmp_path, {"a1": "na", "a2": "na", "a3": "na", "b1": "o1", "b2": "na"})
    args = ["score", str(path), "--questionnaire", str(DATA / "mini.yaml")] + (["--lang", lang] if lang != "fr" else [])
    assert main(args) == 0
    out = capsys.readouterr().out
    for word in words:
        assert word in out, (word, out)
    if lang != "fr":
        assert "réponses" not in out and "Global" not in out


def _commands(parser, prefix=()):
    """Every command path of the parser: (), ("score",), ("campaign", "report"), …"""
    import argparse

    yield prefix
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*prefix, name))


def test_every_help_page_prints_without_a_traceback(capsys):
    """`--help` is the first thing a new user types: for every command and group, exit 0 and text."""
    from maturity.cli import build_parser

    paths = list(_commands(build_parser()))
    assert ("campaign", "report") in paths and ("benchmarks", "import") in paths
    for path in paths:
        with pytest.raises(SystemExit) as done:
            main([*path, "--help"])
        assert done.value.code == 0, path
        assert "usage:" in capsys.readouterr().out, path


@pytest.mark.parametrize(("argv", "commands"), [
    ([], ["validate", "score", "sheet", "benchmarks", "recommendations", "answers", "campaign", "plan"]),
    (["campaign"], ["create", "invite", "revoke", "reissue", "submit", "status", "report", "publish"]),
    (["answers"], ["merge"]),
])
def test_a_group_called_without_a_command_prints_its_help(capsys, argv, commands):
    """`maturity` and `maturity campaign` alone said « the following arguments are required: COMMAND » (argparse's
    usage error); they print the group's help, its commands with what each does, and exit 2 (a usage error)."""
    assert main(argv) == 2
    out = capsys.readouterr().out
    assert out.startswith("usage: maturity") and "required" not in out
    for command in commands:
        assert f"\n    {command} " in out or f"\n    {command}\n" in out, (command, out)


def test_recommendations_text_names_the_commune_in_the_language_asked(tmp_path, capsys):
    """A German-speaking commune by its German name in German, its French name in French, as the sheet names
    it, whatever name the file holds (the file's « Bullange » was printed in German: German-speaking trial)."""
    data = json.loads((DATA / "answers" / "german-buellingen-2027.json").read_text(encoding="utf-8"))
    data["commune"]["name"] = "Bullange"
    path = tmp_path / "b.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert main(["recommendations", str(path), "--lang", "de"]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith(" — Büllingen")
    assert main(["recommendations", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[0].endswith(" — Bullange")
