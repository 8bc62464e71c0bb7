"""Speed of the web app, as ratios against baselines measured in the same run (issue 7).

- rerun of the questionnaire page (first step answered) and of the results page, through AppTest,
  against a minimal Streamlit page with the same number of widgets (median of repeated reruns);
- cold start: ``streamlit run`` to the first rendered page in Debian's chromium, against the same
  for a one-line Streamlit page.

``run()`` returns rows ``(name, value, baseline, ratio)`` (seconds); ``python bench/bench_app.py`` prints them.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEATS = int(os.environ.get("BENCH_APP_REPEATS", "15"))


def _median_rerun(at, repeats: int = REPEATS) -> float:
    at.run()  # warm
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _widget_count(at) -> int:
    kinds = ("radio", "checkbox", "selectbox", "multiselect", "number_input", "text_input", "text_area", "button",
             "download_button", "file_uploader")
    return sum(len(at.get(k)) for k in kinds)


def _baseline_script(n_widgets: int) -> str:
    """A minimal page with ``n_widgets`` widgets (radios of five options, the common case)."""
    return (
        "import streamlit as st\n"
        f"for i in range({n_widgets}):\n"
        "    st.radio(f'Question {i}', ['a', 'b', 'c', 'd', 'e'], index=None, key=f'w{i}')\n"
    )


def app_reruns() -> list[tuple[str, float, float, float]]:
    from streamlit.testing.v1 import AppTest

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MATURITY_DATA_DIR"] = tmp
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
        at.run()
        at.text_input(key="home_query").input("92094").run()
        at.button(key="home_start").click().run()
        from maturity.questionnaire import load_questionnaire

        q = load_questionnaire()
        for question in q.sections[0].questions:  # answer the first step: the second option each
            at.radio(key=f"ans_{question.id}").set_value(question.option_ids[1])
        at.run()
        q_time = _median_rerun(at)
        q_widgets = _widget_count(at)
        at.switch_page("maturity/app/pages/resultats.py").run()
        r_time = _median_rerun(at)
        r_widgets = _widget_count(at)
    for name, value, n in (("app: questionnaire page rerun", q_time, q_widgets),
                           ("app: results page rerun", r_time, r_widgets)):
        base = AppTest.from_string(_baseline_script(n), default_timeout=60)
        baseline = _median_rerun(base)
        rows.append((f"{name} ({n} widgets)", value, baseline, value / baseline))
    return rows


def _first_render(script: Path, data_dir: Path) -> float:
    """Seconds from launching ``streamlit run`` to the first rendered page in chromium."""
    from playwright.sync_api import sync_playwright

    from maturity.app import devserver

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=devserver.CHROMIUM, args=devserver.CHROMIUM_ARGS)
        page = browser.new_page()
        t0 = time.perf_counter()
        port = devserver.free_port()
        if script.name == "streamlit_app.py":
            server = devserver.start(data_dir, port=port)
        else:
            server = _start_script(script, data_dir, port)
        try:
            page.goto(server.url)
            page.wait_for_selector("h1", timeout=120_000)
            return time.perf_counter() - t0
        finally:
            server.stop()
            browser.close()


def _start_script(script: Path, data_dir: Path, port: int):
    import subprocess
    import urllib.request

    from maturity.app import devserver

    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir / "baseline.log"
    with log.open("wb") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
                                 "--server.address", "127.0.0.1", "--server.headless", "true",
                                 "--browser.gatherUsageStats", "false"], cwd=script.parent, stdout=fh,
                                stderr=subprocess.STDOUT, start_new_session=True)
    server = devserver.Server(proc, port, data_dir, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{server.url}/_stcore/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.1)
    server.stop()
    raise RuntimeError("baseline streamlit did not start")


def cold_start() -> list[tuple[str, float, float, float]]:
    from maturity.app import devserver

    if not Path(devserver.CHROMIUM).exists():
        return []
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        hello = tmp_path / "hello.py"
        hello.write_text("import streamlit as st\nst.title('Hello')\n")
        baseline = _first_render(hello, tmp_path / "b")
        value = _first_render(ROOT / "streamlit_app.py", tmp_path / "a")
    return [("app: streamlit run to first rendered page", value, baseline, value / baseline)]


def run() -> list:
    """The rows for ``python -m bench`` (bench.Row), each against its baseline."""
    import logging

    from bench import Row

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's "bare mode" warnings
    baselines = {"rerun": "minimal page, same widget count", "start": "streamlit run of a one-line page"}
    return [
        Row(name, value, baseline, baselines["start" if "first rendered" in name else "rerun"])
        for name, value, baseline, _ratio in app_reruns() + cold_start()
    ]


def main() -> int:
    print(f"{'figure':58} {'value s':>9} {'baseline s':>11} {'ratio':>7}")
    for row in run():
        print(f"{row.name:58} {row.value:9.4f} {row.baseline:11.4f} {row.ratio:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
