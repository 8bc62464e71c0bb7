"""Run the whole test suite: start a throwaway PostgreSQL when one can be started, then pytest.

Used by ``make test``. With CI=true the PostgreSQL and browser tests must run (they fail,
not skip, when their server or browser is missing).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG_SCRIPT = ROOT / "scripts" / "pg-test-server.sh"


def start_postgres() -> str | None:
    if os.environ.get("MATURITY_TEST_POSTGRES_URL"):
        return os.environ["MATURITY_TEST_POSTGRES_URL"]
    if not PG_SCRIPT.exists():
        return None
    env = dict(os.environ)
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    if bins and "PG_BIN" not in env:
        env["PG_BIN"] = str(bins[-1].parent)
    result = subprocess.run(["bash", str(PG_SCRIPT), "start"], capture_output=True, text=True, timeout=120, env=env)
    if result.returncode != 0:
        print(f"note: PostgreSQL could not be started ({result.stderr.strip()[-300:]})", file=sys.stderr)
        return None
    # the script prints: export MATURITY_TEST_POSTGRES_URL='postgresql+psycopg://...'
    url = result.stdout.strip().splitlines()[-1].split("=", 1)[-1].strip().strip("'")
    print(f"PostgreSQL test server: {url.split('@')[-1]}")
    return url


def main() -> int:
    env = dict(os.environ)
    url = start_postgres()
    started_here = url and not os.environ.get("MATURITY_TEST_POSTGRES_URL")
    if url:
        env["MATURITY_TEST_POSTGRES_URL"] = url
    try:
        args = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *sys.argv[1:]]
        return subprocess.call(args, cwd=ROOT, env=env)
    finally:
        if started_here:
            subprocess.run(["bash", str(PG_SCRIPT), "stop"], capture_output=True, timeout=60)


if __name__ == "__main__":
    sys.exit(main())
