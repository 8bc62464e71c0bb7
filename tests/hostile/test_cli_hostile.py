"""The command line in a subprocess on nasty files: exit 1 with a message, never a traceback."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from maturity.answers import MAX_BYTES as ANSWERS_MAX
from maturity.answers import read_answers_file
from maturity.errors import InvalidInput
from maturity.pool import DIMENSIONS
from maturity.yamlio import MAX_BYTES as YAML_MAX
from maturity.yamlio import load_yaml_file

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


# --- a file whose size stat does not know --------------------------------------------------------


def _endless_fifo(tmp_path: Path, name: str, total: int) -> tuple[Path, list[int], threading.Thread]:
    """A named pipe fed ``total`` bytes of JSON-looking text (a file given as ``/dev/zero`` or as a process
    substitution, whose size ``stat`` reports as 0); ``written`` counts what the reader took."""
    fifo = tmp_path / name
    os.mkfifo(fifo)
    written = [0]

    def feed() -> None:
        chunk = b" " * 65_536
        with contextlib.suppress(BrokenPipeError), fifo.open("wb") as out:
            while written[0] < total:
                out.write(chunk)
                written[0] += len(chunk)

    thread = threading.Thread(target=feed, daemon=True)
    thread.start()
    return fifo, written, thread


@pytest.mark.parametrize(("name", "read", "limit"), [
    ("answers.json", read_answers_file, ANSWERS_MAX),
    ("questionnaire.yaml", lambda p: load_yaml_file(p), YAML_MAX),
])
def test_a_file_of_unknown_size_is_read_no_further_than_its_limit(tmp_path: Path, name, read, limit) -> None:
    # `maturity recommendations /dev/zero` read until the machine ran out of memory: the size check asked stat,
    # which says 0 for a pipe or a device. The reader now stops one byte past the limit.
    total = 16 * limit
    fifo, written, thread = _endless_fifo(tmp_path, name, total)
    with pytest.raises(InvalidInput, match="file too large"):
        read(fifo)
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert written[0] < 2 * limit, f"read {written[0]:,} bytes of a file limited to {limit:,}"


def test_a_yaml_text_with_terminal_escapes_is_refused_and_never_printed(tmp_path):
    """A double-quoted YAML string may write any control character as an escape: a campaign's published file
    titled « \\e]0;…\\a\\e[2J\\e[31m… » set the coordinator's window title, cleared the terminal and turned it
    red when `maturity sheet --reference` or `import-aggregates` printed the title (hostile review 10); the app
    showed boxes. Every YAML the tool reads refuses them, naming the line."""
    path = tmp_path / "published.yaml"
    path.write_text('id: x\ntitle:\n  fr: "\\e]0;PWNED\\a\\e[2J\\e[31mRouge"\n  de: "ok\\u202eevil"\n', encoding="utf-8")
    with pytest.raises(InvalidInput) as refused:
        load_yaml_file(path)
    assert [(p.line, p.message) for p in refused.value.problems if "control" in p.message] == [
        (3, "a control character (U+001B) in a text: not allowed"),
        (4, "a control character (U+202E) in a text: not allowed")]
    for command in (["validate", str(path)], ["benchmarks", "import-aggregates", str(path)]):
        result = _run(*command)
        assert result.returncode == 1 and "U+001B" in result.stderr + result.stdout, result.stderr[-300:]
        assert "\x1b" not in result.stderr + result.stdout and "\u202e" not in result.stderr + result.stdout
