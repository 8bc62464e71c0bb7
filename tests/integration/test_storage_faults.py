"""Fault behaviour on SQLite: read-only places, full disk, damaged files -> StorageError, nothing lost,
and a damaged file is never modified or replaced.

Root ignores file permissions, so when the tests run as root (as in CI containers) the read-only
cases run in a child process as the unprivileged user ``nobody``. The full-disk case lowers the
file-size limit (RLIMIT_FSIZE) in a child process: unprivileged, no mount needed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from maturity.storage import DB_FILENAME, SQLITE_HEADER, StorageError, Store, _classify

Q_ID, Q_VERSION = "smart-city-wallonie", "2026.1"
ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, os, pwd, sys, tempfile
from pathlib import Path
from maturity.storage import Store, StorageError
if os.geteuid() == 0:
    # Root ignores permissions: warm up every lazy import (the interpreter lives under /root), then
    # become `nobody` for real before touching the data directory.
    with tempfile.TemporaryDirectory() as warm:
        Store(data_dir=Path(warm)).close()
    nobody = pwd.getpwnam("nobody")
    os.setgroups([])
    os.setgid(nobody.pw_gid)
    os.setuid(nobody.pw_uid)
    assert os.geteuid() != 0
try:
    store = Store(data_dir=Path(sys.argv[1]))
    if len(sys.argv) > 2:
        store.save_answer(sys.argv[2], "q_new", "x")
    print(json.dumps({"ok": True}))
except StorageError as e:
    print(json.dumps({"ok": False, "kind": e.kind, "fr": e.message_fr, "en": e.message_en, "where": e.where}))
"""


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A temp dir that an unprivileged child process can traverse (pytest's tmp_path is 0700)."""
    d = Path(tempfile.mkdtemp(prefix="maturity-fault-"))
    d.chmod(0o755)
    yield d
    for p in [d, *d.rglob("*")]:
        if p.is_dir():
            p.chmod(0o755)
    shutil.rmtree(d, ignore_errors=True)


def run_unprivileged(*args: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd="/",
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"},
        timeout=60,
    )
    assert out.returncode == 0, out.stderr  # no traceback: the error came back as StorageError
    return json.loads(out.stdout)


def make_db(data_dir: Path, answers: int = 3) -> str:
    with Store(data_dir=data_dir) as store:
        token = store.open_space("92094", Q_ID, Q_VERSION)
        for i in range(answers):
            store.save_answer(token, f"q{i}", {"i": i, "pad": "p" * 500})
    assert not (data_dir / (DB_FILENAME + "-wal")).exists()  # checkpointed on close
    return token


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_only_directory_new_database(shared_tmp: Path) -> None:
    data_dir = shared_tmp / "ro"
    data_dir.mkdir()
    data_dir.chmod(0o555)
    result = run_unprivileged(str(data_dir))
    assert result["ok"] is False
    assert result["kind"] == "read_only"
    assert "lecture seule" in result["fr"] and "read-only" in result["en"]
    assert str(data_dir) in result["where"]  # for the log
    assert str(data_dir) not in result["fr"] + result["en"]  # never in what a user reads
    assert not (data_dir / DB_FILENAME).exists()


def test_read_only_directory_existing_database(shared_tmp: Path) -> None:
    data_dir = shared_tmp / "ro"
    token = make_db(data_dir)
    (data_dir / DB_FILENAME).chmod(0o444)
    data_dir.chmod(0o555)
    before = digest(data_dir / DB_FILENAME)
    result = run_unprivileged(str(data_dir), token)
    assert result["ok"] is False and result["kind"] == "read_only"
    assert digest(data_dir / DB_FILENAME) == before


def test_read_only_file_in_writable_directory(shared_tmp: Path) -> None:
    data_dir = shared_tmp / "rw"
    token = make_db(data_dir)
    (data_dir / DB_FILENAME).chmod(0o444)
    data_dir.chmod(0o777)
    before = digest(data_dir / DB_FILENAME)
    result = run_unprivileged(str(data_dir), token)
    assert result["ok"] is False and result["kind"] == "read_only"
    assert digest(data_dir / DB_FILENAME) == before


def test_garbage_header_is_detected_and_left_untouched(tmp_path: Path) -> None:
    make_db(tmp_path)
    db = tmp_path / DB_FILENAME
    data = bytearray(db.read_bytes())
    data[:100] = os.urandom(100)
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    listing = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(StorageError) as err:
        Store(data_dir=tmp_path)
    assert err.value.kind == "corrupt"
    assert "endommagé" in err.value.message_fr and "damaged" in err.value.message_en
    assert "ni modifié ni remplacé" in err.value.message_fr
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == listing
    with pytest.raises(StorageError):  # and again: never "repaired" by a second open
        Store.from_env({"MATURITY_DATA_DIR": str(tmp_path)})
    assert db.read_bytes() == before


def test_damaged_page_is_detected_and_left_untouched(tmp_path: Path) -> None:
    make_db(tmp_path, answers=60)
    db = tmp_path / DB_FILENAME
    data = bytearray(db.read_bytes())
    assert data[:16] == SQLITE_HEADER and len(data) > 4 * 4096
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):  # every page but the first (header intact)
        data[page * page_size : page * page_size + 64] = b"\xff" * 64
    db.write_bytes(bytes(data))
    before = db.read_bytes()
    with pytest.raises(StorageError) as err:
        Store(data_dir=tmp_path)
    assert err.value.kind == "corrupt"
    assert db.read_bytes() == before


FILL = """
import json, resource, sys
from pathlib import Path
from maturity.storage import Store, StorageError
store = Store(data_dir=Path(sys.argv[1]))
token = sys.argv[2]
sizes = [p.stat().st_size for p in Path(sys.argv[1]).iterdir()]
limit = max(sizes) + 200_000
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
saved = 0
result = {"ok": True}
try:
    for i in range(10_000):
        store.save_answer(token, f"big{i}", "y" * 20_000)
        saved += 1
except StorageError as e:
    result = {"ok": False, "kind": e.kind, "fr": e.message_fr, "en": e.message_en}
result["saved"] = saved
# room again (an admin freed space): the same store goes on working
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
store.save_answer(token, "after", "ok")
print(json.dumps(result))
"""


def test_full_disk_gives_clear_error_and_keeps_saved_answers(tmp_path: Path) -> None:
    token = make_db(tmp_path)
    out = subprocess.run(
        [sys.executable, "-c", FILL, str(tmp_path), token],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout)
    assert result["ok"] is False, "the file-size limit was never reached"
    assert result["kind"] == "disk_full"
    assert "plein" in result["fr"] and "full" in result["en"]
    assert result["saved"] > 0
    with Store(data_dir=tmp_path) as store:
        assert store.check_integrity() == ["ok"]
        answers = store.load_space(token).draft["answers"]
    assert all(f"big{i}" in answers for i in range(result["saved"]))
    assert answers["after"] == "ok"
    assert answers["q0"]["i"] == 0


def test_sqlite_full_and_readonly_errors_are_classified(tmp_path: Path) -> None:
    db = tmp_path / DB_FILENAME
    assert _classify(sqlite3.OperationalError("database or disk is full"), db) == "disk_full"
    assert _classify(sqlite3.OperationalError("attempt to write a readonly database"), db) == "read_only"
    assert _classify(sqlite3.DatabaseError("file is not a database"), db) == "corrupt"
    assert _classify(sqlite3.DatabaseError("database disk image is malformed"), db) == "corrupt"
    assert _classify(sqlite3.OperationalError("database is locked"), db) == "busy"
    assert _classify(OSError(28, "No space left on device"), db) == "disk_full"
    assert _classify(OSError(30, "Read-only file system"), db) == "read_only"


def test_missing_postgres_server_is_a_storage_error() -> None:
    with pytest.raises(StorageError) as err:
        Store("postgresql+psycopg://nobody:x@127.0.0.1:1/none?connect_timeout=2")
    assert err.value.kind == "unavailable"
    assert "x@" not in str(err.value)  # the password never appears in a message
