"""Run a command with a throwaway PostgreSQL server when one can be started.

``python scripts/with-postgres.py COMMAND ...`` starts ``scripts/pg-test-server.sh`` (unless
``MATURITY_TEST_POSTGRES_URL`` is already set), exports ``MATURITY_TEST_POSTGRES_URL`` to the
command, and stops the server afterwards. ``make test`` runs pytest this way (the storage tests
then run on SQLite and PostgreSQL), ``make bench`` the benches. With CI=true the PostgreSQL tests
fail, not skip, when no server could be started.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SCRIPT = ROOT / "scripts" / "pg-test-server.sh"


def start_postgres(env: dict[str, str]) -> str | None:
    if not PG_SCRIPT.exists():
        return None
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if bins and "PG_BIN" not in env:
        env["PG_BIN"] = str(bins[-1].parent)
    result = subprocess.run(["bash", str(PG_SCRIPT), "start"], capture_output=True, text=True, timeout=120, env=env)
    if result.returncode != 0 or not result.stdout.strip():
        print(f"note: PostgreSQL could not be started ({result.stderr.strip()[-300:]})", file=sys.stderr)
        return None
    # the script prints: export MATURITY_TEST_POSTGRES_URL='postgresql+psycopg://...'
    url = result.stdout.strip().splitlines()[-1].split("=", 1)[-1].strip().strip("'")
    print(f"PostgreSQL test server: {url.split('@')[-1]}", flush=True)
    return url


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: with-postgres.py COMMAND [ARG ...]", file=sys.stderr)
        return 2
    env = dict(os.environ)
    started_here = False
    # a state file of our own, so that two runs on one machine never share or stop each other's server
    state_dir = tempfile.mkdtemp(prefix="maturity-pg-state-")
    env.setdefault("PG_TEST_STATE", str(Path(state_dir) / "server.state"))
    if not env.get("MATURITY_TEST_POSTGRES_URL"):
        url = start_postgres(env)
        if url:
            env["MATURITY_TEST_POSTGRES_URL"] = url
            started_here = True
    try:
        return subprocess.call(argv, cwd=ROOT, env=env)
    finally:
        if started_here:
            subprocess.run(["bash", str(PG_SCRIPT), "stop"], capture_output=True, timeout=60, env=env)
        shutil.rmtree(state_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
