"""The command line in a subprocess on nasty files: exit 1 with a message, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from maturity.pool import DIMENSIONS

ROOT = Path(__file__).resolve().parents[2]

NASTY = {
    "answers.json": {
        "not-json": b"{not json",
        "binary": bytes(range(256)),
        "deep": b"[" * 100_000,
        "huge-int": b'{"answers": {"x": ' + b"9" * 10_000 + b"}}",
        "hostile-keys": json.dumps({"questionnaire": {"id": "smart-city-wallonie", "version": "2027.1"},
                                    "answers": {"<script>": "x", "[a](javascript:1)": 1}}).encode(),
        "surrogate": b'{"questionnaire": {"id": "\\ud800", "version": "1"}}',
    },
    "questionnaire.yaml": {
        "bomb": b"a: &a [x, x]\nb: &b [*a, *a]\n",
        "bad-date": b"id: x\nversion: 2026-13-45\n",
        "huge-int": b"id: x\nversion: " + b"9" * 10_000 + b"\n",
        "binary": b"\xff\xfe\x00\x00",
    },
    "scores.csv": {
        "huge-score": (",".join(["nis_code", *DIMENSIONS]) + "\n92094," + ",".join(["5e31"] * len(DIMENSIONS))
                       + "\n").encode(),
        "binary": b"\x00\x01\x02",
    },
}


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "maturity", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, env={"PATH": "/usr/bin:/bin", "MATURITY_DATA_DIR": "/nonexistent-never-used"})


CASES = [(kind, name) for kind, files in NASTY.items() for name in files]


@pytest.mark.parametrize(("kind", "name"), CASES, ids=[f"{k}-{n}" for k, n in CASES])
def test_cli_refuses_nasty_files_without_traceback(kind, name, tmp_path):
    path = tmp_path / kind
    path.write_bytes(NASTY[kind][name])
    if kind == "answers.json":
        commands = [["score", str(path)], ["sheet", str(path), "--out", str(tmp_path / "out.md")]]
    elif kind == "questionnaire.yaml":
        commands = [["validate", str(path)]]
    else:
        commands = [["benchmarks", "import", str(path)]]
    for command in commands:
        result = _run(*command)
        assert result.returncode == 1, (command, result.returncode, result.stderr[-500:])
        assert "Traceback" not in result.stderr + result.stdout
        assert "internal error" not in result.stderr
        assert result.stderr.strip()
    assert not (tmp_path / "out.md").exists()
