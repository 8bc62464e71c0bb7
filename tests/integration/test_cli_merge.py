"""``maturity answers merge`` as a user meets it (contract §6, §8): files written, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from maturity.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
MINI = str(DATA / "mini.yaml")


def _file(tmp_path: Path, name: str, answers: dict, role: str | None = None, nis: str = "92094",
          version: str = "1.0", notes: dict | None = None) -> str:
    doc = {"questionnaire": {"id": "mini", "version": version}, "commune": {"nis_code": nis},
           "answers": answers, "notes": notes or {}}
    if role:
        doc["respondent"] = {"role": role}
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_merge_writes_the_consensus_and_the_report(tmp_path, capsys):
    a = _file(tmp_path, "a.json", {"a1": "full", "a2": "yes", "b1": "o1"}, "échevin", notes={"a1": "PST"})
    b = _file(tmp_path, "b.json", {"a1": "none", "a2": "yes", "b1": "na"}, "directeur général")
    c = _file(tmp_path, "c.json", {"a1": "half", "a2": "no"})
    out, report = tmp_path / "consensus.json", tmp_path / "report.json"
    code = main(["answers", "merge", a, b, c, "--out", str(out), "--report", str(report), "--questionnaire", MINI])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    consensus = json.loads(out.read_text(encoding="utf-8"))
    assert consensus["answers"] == {"a1": "half", "a2": "yes", "b1": "o1"}
    assert consensus["notes"] == {"a1": "échevin: PST"}
    assert consensus["respondent"] == {"team": ["échevin", "directeur général", "respondent 3"]}
    assert consensus["commune"]["nis_code"] == "92094"
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [q["question"] for q in data["questions"][:3]] == ["a2", "a1", "b1"]
    assert data["divergent"] == 3
    # in French by default: who, how many divergent questions, the first by their words (« merged 3 respondents … »)
    assert printed.out.splitlines()[0] == ("Réponses de 3 répondants réunies (échevin, directeur général, répondant 3)"
                                           "\u00a0: 3 questions divergentes")
    # the consensus is an answers file the other commands read
    assert main(["score", str(out), "--questionnaire", MINI, "--json"]) == 0


def test_another_commune_or_questionnaire_exits_1_and_writes_nothing(tmp_path, capsys):
    a = _file(tmp_path, "a.json", {"a1": "full"}, "échevin")
    other = _file(tmp_path, "b.json", {"a1": "none"}, "DG", nis="57081")
    old = _file(tmp_path, "c.json", {}, "CPAS", version="0.9")
    out, report = tmp_path / "consensus.json", tmp_path / "report.json"
    code = main(["answers", "merge", a, other, old, "--out", str(out), "--report", str(report),
                 "--questionnaire", MINI])
    err = capsys.readouterr().err
    assert code == 1
    assert "b.json: commune.nis_code: commune 57081" in err
    assert "c.json: questionnaire: answers to questionnaire mini 0.9" in err
    assert "Traceback" not in err
    assert not out.exists() and not report.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "b.json", "c.json"]


def test_bad_answers_and_bad_output_places_exit_1(tmp_path, capsys):
    a = _file(tmp_path, "a.json", {"a1": "maybe"}, "échevin")
    missing = str(tmp_path / "missing.json")
    code = main(["answers", "merge", a, missing, "--out", str(tmp_path / "nowhere" / "c.json"),
                 "--questionnaire", MINI])
    err = capsys.readouterr().err
    assert code == 1
    assert "missing.json: file not found" in err and "--out" in err
    code = main(["answers", "merge", a, "--out", str(tmp_path / "c.json"), "--questionnaire", MINI])
    err = capsys.readouterr().err
    assert code == 1 and 'answers.a1: "maybe" is not an option' in err
    assert not (tmp_path / "c.json").exists()
    b = _file(tmp_path, "b.json", {"a1": "none"}, "DG")
    assert main(["answers", "merge", b, "--out", b, "--questionnaire", MINI]) == 1
    assert "would overwrite" in capsys.readouterr().err


def test_merge_carries_targets_and_roadmap_and_says_which_file_won(tmp_path, capsys):
    a = _file(tmp_path, "a.json", {"a1": "full"}, "échevin")
    b = _file(tmp_path, "b.json", {"a1": "none"}, "DG")
    action = {"id": "a1", "action": "Adopter une stratégie", "owner": "DG", "year": 2027, "status": "planned"}
    for path, targets, plan in ((a, {"alpha": {"level": "mid", "by": 2028}}, [action]),
                                (b, {"alpha": {"level": "high", "by": 2028}, "beta": {"level": "low", "by": 2026}},
                                 [dict(action, status="done")])):
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
        Path(path).write_text(json.dumps(dict(doc, targets=targets, plan=plan)), encoding="utf-8")
    out = tmp_path / "consensus.json"
    code = main(["answers", "merge", a, b, "--out", str(out), "--questionnaire", MINI])
    printed = capsys.readouterr()
    assert code == 0, printed.err
    consensus = json.loads(out.read_text(encoding="utf-8"))
    assert consensus["targets"] == {"alpha": {"level": "mid", "by": 2028}, "beta": {"level": "low", "by": 2026}}
    assert consensus["plan"] == [action]
    assert f"warning: {b}: targets.alpha: target high by 2028 left out: {a} sets mid by 2028" in printed.err
    assert f"warning: {b}: plan: its roadmap (1 action) left out: the roadmap of {a}" in printed.err
    assert f"objectifs repris\u00a0: Alpha ({a})\u00a0; Beta ({b})" in printed.out
    assert f"feuille de route reprise\u00a0: 1 action ({a})" in printed.out


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", ["Réponses de 2 répondants réunies (échevin, répondant 2)\u00a0: 2 questions divergentes",
            "  Question a2 (a2) — écart de 100 points sur 100",
            "  Question a1 (a1) — écart de 100 points sur 100",
            "objectifs repris\u00a0: Alpha (A)", "feuille de route reprise\u00a0: 1 action (A)", "écrit\u00a0: OUT"]),
    ("de", ["Antworten von 2 Personen zusammengeführt (échevin, Person 2): 2 abweichende Fragen",
            "  Question a2 (a2) — Abstand: 100 von 100 Punkten", "  Question a1 (a1) — Abstand: 100 von 100 Punkten",
            "Ziele übernommen: Alpha (A)", "Fahrplan übernommen: 1 Maßnahme (A)", "geschrieben: OUT"]),
    ("en", ["merged 2 respondents (échevin, respondent 2): 2 divergent questions",
            "  Question a2 (a2) — 100 points apart out of 100", "  Question a1 (a1) — 100 points apart out of 100",
            "targets carried: Alpha (A)", "roadmap carried: 1 action (A)", "written: OUT"]),
])
def test_merge_speaks_the_language_asked(tmp_path, capsys, lang, expected):
    """« merged 2 respondents … divergent questions », « a1: spread 1.00 », « targets: alpha from a.json » were
    English, by ids, around a French team's roles: now in fr (the default), de and en, each divergent question by
    its words and its spread as the meeting page says it, each dimension by its name."""
    a = _file(tmp_path, "a.json", {"a1": "full", "a2": "yes", "b1": "o1"}, "échevin")
    b = _file(tmp_path, "b.json", {"a1": "none", "a2": "no", "b1": "o1"})
    doc = json.loads(Path(a).read_text(encoding="utf-8"))
    action = {"id": "x1", "action": "Adopter une stratégie", "owner": "DG", "year": 2027, "status": "planned"}
    Path(a).write_text(json.dumps(dict(doc, targets={"alpha": {"level": "mid", "by": 2028}}, plan=[action])),
                       encoding="utf-8")
    out = tmp_path / "consensus.json"
    assert main(["answers", "merge", a, b, "--out", str(out), "--questionnaire", MINI, "--lang", lang]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines() == [line.replace("(A)", f"({a})").replace("OUT", str(out)) for line in expected]
