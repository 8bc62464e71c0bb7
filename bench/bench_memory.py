"""Peak resident memory of the app serving 20 concurrent sessions, against the same server with 1.

Each run starts ``streamlit run streamlit_app.py`` on a free loopback port (headless, a temporary
MATURITY_DATA_DIR), opens the sessions as tabs of one headless Debian chromium (Playwright; never
``playwright install``), each one starting an assessment (a space opened in the store, its questionnaire
page rendered and one question answered), then reads the server's VmHWM (peak) and VmRSS from /proc.
"""

from __future__ import annotations

import re
import tempfile
import time
from pathlib import Path

from bench import Row
from maturity.app import devserver
from maturity.questionnaire import load_questionnaire
from maturity.storage import Store

SESSIONS = 20
MAIN = "[data-testid='stMain']"
COUNT_RE = re.compile(r"(\d+) questions? répondues? sur (\d+)")


def _status(pid: int) -> dict[str, float]:
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            out[key] = int(value.split()[0]) / 1024  # kB -> MiB
    return out


def _idle(page) -> None:
    time.sleep(0.2)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') "
                           "&& !document.querySelector('[data-stale=\"true\"]')", timeout=60_000)


def _serve(sessions: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    q = load_questionnaire()
    with tempfile.TemporaryDirectory(prefix="bench-memory-") as tmp:
        data_dir = Path(tmp)
        server = devserver.start(data_dir, env={"MATURITY_QUESTIONNAIRE": ""})
        try:
            idle = _status(server.process.pid)["VmRSS"]
            with Store(data_dir=data_dir) as store:
                tokens = [store.open_space("92094", q.id, q.version, "fr") for _ in range(sessions)]
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=devserver.CHROMIUM, args=devserver.CHROMIUM_ARGS)
                context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
                pages = []
                for token in tokens:  # every session stays open (its websocket and its session state)
                    page = context.new_page()
                    page.set_default_timeout(60_000)
                    page.goto(f"{server.url}/questionnaire?t={token}")
                    page.locator(MAIN).get_by_text(COUNT_RE).first.wait_for()
                    _idle(page)
                    page.locator(f"{MAIN} [role='radiogroup']").first.locator("label").first.click()
                    _idle(page)
                    pages.append(page)
                time.sleep(1.0)
                status = _status(server.process.pid)
                browser.close()
        finally:
            server.stop()
    return {**status, "idle": idle}


def run() -> list[Row]:
    if not Path(devserver.CHROMIUM).exists():
        return [Row(f"memory: app with {SESSIONS} sessions — not measured ({devserver.CHROMIUM} missing)",
                    float("nan"), None, "—", unit="MiB")]
    one = _serve(1)
    many = _serve(SESSIONS)
    return [
        Row(f"memory: app peak RSS (VmHWM), {SESSIONS} concurrent sessions", many["VmHWM"], one["VmHWM"],
            "the same server with 1 session", unit="MiB",
            note=f"{(many['VmHWM'] - one['VmHWM']) / (SESSIONS - 1):.1f} MiB per extra session; "
                 f"{one['idle']:.0f} MiB before the first session"),
        Row(f"memory: app RSS (VmRSS) with {SESSIONS} sessions open", many["VmRSS"], one["VmRSS"],
            "the same server with 1 session", unit="MiB"),
    ]


if __name__ == "__main__":
    for row in run():
        print(row.name, f"{row.value:.0f} MiB", f"baseline {row.baseline:.0f} MiB", row.note)
