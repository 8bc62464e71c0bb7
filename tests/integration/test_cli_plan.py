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
