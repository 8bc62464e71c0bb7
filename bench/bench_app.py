"""Speed of the web app, as ratios against baselines measured in the same run (issue 7).

- rerun of the questionnaire page (first step answered) and of the results page, through AppTest,
  against a minimal Streamlit page with the same number of widgets: medians of CPU time over reruns
  alternated with the baseline's (the machine is shared: wall times follow its load, printed as a note);
- an answer click on the questionnaire: a rerun of its fragment alone (the part's questions and counts,
  the progress bar), as the server runs one after a click inside it, against the same minimal page;
- cold start: ``streamlit run`` to the first rendered page in Debian's chromium, against the same
  for a one-line Streamlit page: medians of the wall time and of the server's CPU time by then.

``run()`` returns rows ``(name, value, baseline, ratio)`` (seconds); ``python bench/bench_app.py`` prints them.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

REPEATS = int(os.environ.get("BENCH_APP_REPEATS", "15"))


@contextlib.contextmanager
def _compiled_once():
    """AppTest compiles the entry script and the page again at every run (a fresh ``ScriptCache`` each
    time); a running server compiles each once and keeps the bytecode (one cache per process). The
    reruns here (the app's and the baselines') share one cache, as the server's do, so a long page is
    not charged for a parse the server never repeats."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    saved = app_test.ScriptCache, local_script_runner.ScriptCache
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared
    try:
        yield
    finally:
        app_test.ScriptCache, local_script_runner.ScriptCache = saved


def _paired_reruns(at, base, repeats: int = REPEATS) -> tuple[float, float, float, float]:
    """Reruns of the app's page and of its baseline, alternated so both see the same load: the medians
    of their CPU times (the process's, which is what a rerun costs the server whatever else the machine
    runs), then of their wall times."""
    at.run()
    base.run()  # warm
    cpu: tuple[list[float], list[float]] = ([], [])
    wall: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeats):
        for i, app in enumerate((at, base)):
            w, c = time.perf_counter(), time.process_time()
            app.run()
            cpu[i].append(time.process_time() - c)
            wall[i].append(time.perf_counter() - w)
    return (statistics.median(cpu[0]), statistics.median(cpu[1]), statistics.median(wall[0]),
            statistics.median(wall[1]))


class _FragmentReruns:
    """``run()`` reruns the page's fragments alone, as the server does after a click inside one."""

    def __init__(self, at) -> None:
        self.at = at
        self.ids = list(at._fragment_storage._fragments)
        if not self.ids:
            raise RuntimeError("the page has no fragment")

    def run(self):
        import functools

        from streamlit.testing.v1 import local_script_runner

        whole = local_script_runner.RerunData
        local_script_runner.RerunData = functools.partial(whole, fragment_id_queue=self.ids)
        try:
            return self.at.run()
        finally:
            local_script_runner.RerunData = whole


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
    """(name, CPU seconds, baseline CPU seconds, wall note) for the questionnaire and results reruns."""
    from streamlit.testing.v1 import AppTest

    rows = []
    with tempfile.TemporaryDirectory() as tmp, _compiled_once():
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
        for name, page in (("app: questionnaire page rerun", None),
                           ("app: questionnaire answer click (fragment rerun)", None),
                           ("app: results page rerun", "resultats")):
            if page:
                at.switch_page(f"maturity/app/pages/{page}.py").run()
            n = _widget_count(at)
            base = AppTest.from_string(_baseline_script(n), default_timeout=60)
            runs = _FragmentReruns(at) if "fragment" in name else at
            cpu, base_cpu, wall, base_wall = _paired_reruns(runs, base)
            if runs is not at:
                at.run()  # the whole page again, before the next figure
            rows.append((f"{name} ({n} widgets), CPU", cpu, base_cpu,
                         f"wall {wall * 1000:.1f} / {base_wall * 1000:.1f} ms"))
        # results page: a tick of the pool box reruns its fragment (the box, the submit button, the history)
        at.checkbox(key="pool_opt_in").check().run()
        cpu, base_cpu, wall, base_wall = _paired_reruns(_FragmentReruns(at), base)
        rows.append((f"app: results page pool box tick (fragment rerun) ({n} widgets), CPU", cpu,
                     base_cpu, f"wall {wall * 1000:.1f} / {base_wall * 1000:.1f} ms"))
    return rows


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _first_render(script: Path, data_dir: Path) -> tuple[float, float]:
    """From launching ``streamlit run`` to the first rendered page in chromium: the server's CPU seconds
    by then, and the wall seconds."""
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
            wall = time.perf_counter() - t0
            return _cpu_seconds(server.process.pid), wall
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


COLD_REPEATS = int(os.environ.get("BENCH_COLD_REPEATS", "3"))


def cold_start() -> list[tuple[str, float, float, str]]:  # (name, value, baseline, note)
    """The app's cold start against a one-line page's, alternated ``BENCH_COLD_REPEATS`` times: medians of
    the wall time to the first rendered page and of the server's CPU time by then (what the start costs,
    whatever else the shared machine runs)."""
    from bench import current_bytecode
    from maturity.app import devserver

    if not Path(devserver.CHROMIUM).exists():
        return []
    current_bytecode()
    cpu: dict[str, list[float]] = {"app": [], "hello": []}
    wall: dict[str, list[float]] = {"app": [], "hello": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        hello = tmp_path / "hello.py"
        hello.write_text("import streamlit as st\nst.title('Hello')\n")
        for i in range(COLD_REPEATS):
            for name, script in (("hello", hello), ("app", ROOT / "streamlit_app.py")):
                c, w = _first_render(script, tmp_path / f"{name}{i}")
                cpu[name].append(c)
                wall[name].append(w)
    return [("app: streamlit run to first rendered page", statistics.median(wall["app"]),
             statistics.median(wall["hello"]), f"median of {COLD_REPEATS}"),
            ("app: the same, server CPU time to first page", statistics.median(cpu["app"]),
             statistics.median(cpu["hello"]), f"median of {COLD_REPEATS}")]


def run() -> list:
    """The rows for ``python -m bench`` (bench.Row), each against its baseline."""
    import logging

    from bench import Row

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's "bare mode" warnings
    baselines = {"rerun": "minimal page, same widget count", "start": "streamlit run of a one-line page"}
    return [Row(name, value, baseline, baselines["rerun" if "rerun" in name else "start"], note=note)
            for name, value, baseline, note in app_reruns() + cold_start()]


def main() -> int:
    print(f"{'figure':58} {'value s':>9} {'baseline s':>11} {'ratio':>7}")
    for row in run():
        print(f"{row.name:58} {row.value:9.4f} {row.baseline:11.4f} {row.ratio:7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
