"""`streamlit run` as `make run` starts it: a clean log, nothing alarming, no outside request."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from maturity.app import devserver

ROOT = Path(__file__).resolve().parents[2]


def test_the_server_starts_with_a_clean_log(tmp_path):
    port = devserver.free_port()
    log_path = tmp_path / "server.log"
    env = {**os.environ, "MATURITY_DATA_DIR": str(tmp_path / "data")}
    env.pop("MATURITY_DATABASE_URL", None)
    with log_path.open("wb") as log:  # no --server.address: the defaults of .streamlit/config.toml
        process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "streamlit_app.py",
                                    "--server.port", str(port)], cwd=ROOT, env=env, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as resp:
            assert resp.status == 200
        time.sleep(1)
    finally:
        process.terminate()
        process.wait(timeout=15)
    text = log_path.read_text(errors="replace")
    assert "You can now view your Streamlit app" in text
    assert f"URL: http://localhost:{port}" in text
    for alarming in ("WARNING", "Warning", "Error", "Traceback", "Did not auto detect", "debugging hints"):
        assert alarming not in text, text
