"""Targets and the roadmap on the command line (issue 14): ``score --json`` targets, ``maturity plan``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from maturity.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
MINI = str(DATA / "mini.yaml")
AT_65 = {"a1": "half", "a2": "yes", "a3": ["x", "z"], "a4": "no"}  # alpha 65, beta not scored


def _answers(tmp_path: Path, **over) -> Path:
    doc = {"questionnaire": {"id": "mini", "version": "1.0"}, "commune": {"nis_code": "92094", "name": "Namur"},
           "answers": AT_65}
    doc.update(over)
    path = tmp_path / "answers.json"
    path.write_text(json.dumps(doc, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def test_score_json_gives_each_target_its_gap(tmp_path, capsys):
    path = _answers(tmp_path, targets={"alpha": {"level": "high", "by": 2030}, "beta": {"level": "mid", "by": 2027}})
    assert main(["score", str(path), "--questionnaire", MINI, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["targets"]["alpha"]["gap"] == pytest.approx(10.0)
    assert out["targets"]["alpha"]["reached"] is False and out["targets"]["alpha"]["by"] == 2030
    assert out["targets"]["beta"] == {"level": "mid", "by": 2027, "reached": None, "gap": None}


def test_score_json_without_targets_has_an_empty_object(tmp_path, capsys):
    assert main(["score", str(_answers(tmp_path)), "--questionnaire", MINI, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["targets"] == {}


def test_bad_target_exits_1_naming_the_place(tmp_path, capsys):
    path = _answers(tmp_path, targets={"alpha": {"level": "top", "by": 2050}})
    assert main(["score", str(path), "--questionnaire", MINI, "--json"]) == 1
    err = capsys.readouterr().err
    line = path.read_text(encoding="utf-8").splitlines().index('      "by": 2050') + 1
    assert f"{path}:{line}: targets.alpha.by: 2050 is outside 2025–2040" in err
    path = _answers(tmp_path, targets={"alpha": {"level": "top", "by": 2030}})
    assert main(["score", str(path), "--questionnaire", MINI]) == 1
    line = path.read_text(encoding="utf-8").splitlines().index('      "level": "top",') + 1
    assert f"{path}:{line}: targets.alpha.level: \"top\" is not a level" in capsys.readouterr().err


PLAN = [
    {"id": "a1", "recommendation": "rec_beta_mid", "action": "=Former | l'équipe", "owner": "DG", "year": 2026,
     "budget": 5000, "status": "started"},
    {"id": "a2", "dimension": "alpha", "action": "Ouvrir les données", "owner": "", "year": 2025,
     "budget": "104/123-48", "status": "planned"},
]


def test_plan_csv_prints_the_pst_structure_in_the_roadmaps_order(tmp_path, capsys):
    path = _answers(tmp_path, targets={"beta": {"level": "high", "by": 2030}}, plan=PLAN)
    assert main(["plan", str(path), "--questionnaire", MINI, "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Objectif stratégique;Objectif opérationnel;Action;Responsable;Échéance;Budget;Statut"
    assert lines[1] == "Beta : viser «\u00a0Haut\u00a0» d'ici 2030;Beta moyen;'=Former | l'équipe;DG;2026;5\u202f000 €;en cours"
    assert lines[2] == "Alpha;Action libre;Ouvrir les données;;2025;104/123-48;prévue"
    assert len(lines) == 3


def test_plan_prints_no_terminal_escape_from_an_answers_file(tmp_path, capsys):
    """An answers file e-mailed by a commune may hold any control character in its roadmap's texts (JSON writes
    them as \\u001b): `maturity plan --format csv` printed « \\e[2J » to the coordinator's terminal."""
    hostile = [{"id": "a1", "dimension": "alpha", "action": "\u001b]0;titre\u0007\u001b[2JEffacé", "owner": "\u001b[5mDG",
                "year": 2026, "status": "planned"}]
    path = _answers(tmp_path, plan=hostile)
    for form in ("csv", "md"):
        assert main(["plan", str(path), "--questionnaire", MINI, "--format", form]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\x07" not in out and "Effacé" in out
    assert main(["plan", str(path), "--questionnaire", MINI, "--format", "csv", "--out", str(tmp_path / "pst.csv")]) == 0
    assert "\x1b" not in (tmp_path / "pst.csv").read_text(encoding="utf-8-sig")


def test_plan_md_lists_targets_then_the_table(tmp_path, capsys):
    path = _answers(tmp_path, targets={"beta": {"level": "high", "by": 2030}}, plan=PLAN)
    assert main(["plan", str(path), "--questionnaire", MINI, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "- Beta: Haut — 2030" in out  # mini.yaml has no English level labels: the default language
    assert "| Strategic objective | Operational objective | Action | Owner | Deadline | Budget | Status |" in out
    assert "| Beta: reach “Haut” by 2030 | Beta moyen | \\=Former \\| l'équipe | DG | 2026 | 5,000 € | started |" in out
    assert out.index("Targets") < out.index("Roadmap")


def test_plan_without_actions_says_so(tmp_path, capsys):
    assert main(["plan", str(_answers(tmp_path)), "--questionnaire", MINI]) == 0
    assert "Aucune action dans la feuille de route." in capsys.readouterr().out


def test_plan_out_writes_a_csv_with_a_bom(tmp_path, capsys):
    path = _answers(tmp_path, plan=PLAN)
    out = tmp_path / "pst.csv"
    assert main(["plan", str(path), "--questionnaire", MINI, "--out", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfObjectif strat") and data.count(b"\r\n") == 3


def test_plan_with_a_bad_action_exits_1_and_writes_nothing(tmp_path, capsys):
    path = _answers(tmp_path, plan=[{**PLAN[0], "status": "ongoing"}])
    out = tmp_path / "pst.csv"
    assert main(["plan", str(path), "--questionnaire", MINI, "--out", str(out)]) == 1
    assert "plan[0].status: \"ongoing\" is not a status" in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize(("lang", "lines", "written"), [
    ("fr", ["## Objectifs", "- Beta\u00a0: Haut — 2030", "## Feuille de route"], "écrit\u00a0: "),
    ("de", ["## Ziele", "- Beta: Haut — 2030", "## Fahrplan"], "geschrieben: "),
    ("en", ["## Targets", "- Beta: Haut — 2030", "## Roadmap"], "written: "),
])
def test_plan_speaks_the_language_asked(tmp_path, capsys, lang, lines, written):
    """The Markdown's headings and the target's colon (French: a no-break space before it, where the command wrote a
    plain one), and the line saying which file was written (« written: » in every language before)."""
    path = _answers(tmp_path, targets={"beta": {"level": "high", "by": 2030}}, plan=PLAN)
    assert main(["plan", str(path), "--questionnaire", MINI, "--lang", lang]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert [line for line in printed if line.startswith(("## ", "- "))] == lines
    out = tmp_path / "pst.csv"
    assert main(["plan", str(path), "--questionnaire", MINI, "--lang", lang, "--out", str(out)]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{written}{out}"]
