"""Latency felt in a browser (issue 16): the running app in Debian's chromium, against a bare page.

Two servers run side by side (``streamlit run``): the app, on a space opened in a throwaway store, and a
bare Streamlit page with the same parts and the same radio groups, a callback that keeps each answer in
the session (the app writes it to its store), the same progress text and the same "next part" button.
The same Playwright code drives both, part by part in turns, so both see the same load:

- click to saved: a click on an option of an unanswered question until the page counts it in its
  progress ("N questions répondues sur M": the answer was saved and the page drawn again);
- next part: a click on "Partie suivante" until the next part's heading is on screen and the page has
  finished drawing (no element left stale, no "running" sign).

Medians over every click of the first ``BENCH_BROWSER_PARTS`` parts (default 5). Times are taken in
Python around Playwright's click and a wait polled at every animation frame: the same overhead on both.
Skipped (a "not measured" row) without /usr/bin/chromium. ``make bench`` only, never ``make test``.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARTS = int(os.environ.get("BENCH_BROWSER_PARTS", "5"))
MAIN = "[data-testid='stMain']"
HEADING = re.compile(r"^Partie (\d+) sur (\d+)")

# the count the page shows: the first progress bar of the main column whose text says "N ... sur M"
COUNT_JS = """() => {
  for (const el of document.querySelectorAll("[data-testid='stMain'] [data-testid='stProgress']")) {
    const m = el.innerText.match(/(\\d+) questions? répondues? sur (\\d+)/);
    if (m) return parseInt(m[1]);
  }
  return -1;
}"""
IDLE_JS = ("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') "
           "&& !document.querySelector('[data-stale=\"true\"]')")
PART_SHOWN_JS = """(n) => {
  const idle = !document.querySelector('[data-testid="stStatusWidget"]')
    && !document.querySelector('[data-stale="true"]');
  return idle && [...document.querySelectorAll("[data-testid='stMain'] h2")]
    .some(h => h.innerText.startsWith(`Partie ${n} sur`));
}"""


def _parts() -> list[tuple[str, list[tuple[str, int]]]]:
    """Each part of the questionnaire: its French label and its radio questions (id, options shown)."""
    from maturity.app import logic
    from maturity.questionnaire import load_questionnaire

    q = load_questionnaire()
    parts = []
    for section in q.sections:
        radios = [(question.id, len(logic.choice_values(question)))
                  for question in section.questions if question.type in ("scale", "single", "boolean")]
        parts.append((q.t(section.label, "fr"), radios))
    return parts


def bare_script(parts: list[tuple[str, list[tuple[str, int]]]], total: int) -> str:
    """The bare page: one part at a time, a radio group per question in a container keyed like the app's
    (``q_<id>``), the overall count, a callback keeping each answer, "Partie suivante"."""
    return f'''import json

import streamlit as st

PARTS = json.loads({json.dumps(json.dumps(parts))})
TOTAL = {total}
answers = st.session_state.setdefault("answers", {{}})
step = st.session_state.setdefault("step", 0)


def keep(qid):
    answers[qid] = st.session_state[f"ans_{{qid}}"]


def move():
    st.session_state["step"] = min(step + 1, len(PARTS) - 1)


st.title("Bare page")
done = len(answers)
st.progress(done / TOTAL, text=f"{{done}} question{{'s' if done > 1 else ''}} répondue{{'s' if done > 1 else ''}} sur {{TOTAL}}")
label, questions = PARTS[step]
st.header(f"Partie {{step + 1}} sur {{len(PARTS)}} : {{label}}")
for qid, n in questions:
    with st.container(key=f"q_{{qid}}"):
        st.radio(f"Question {{qid}}", list(range(n)), index=answers.get(qid), key=f"ans_{{qid}}",
                 on_change=keep, args=(qid,))
st.button("Partie suivante →", on_click=move, type="primary", key="next_step")
'''


def _click_to_saved(page, qid: str) -> float:
    before = page.evaluate(COUNT_JS)
    option = page.locator(f"{MAIN} .st-key-q_{qid} [role='radiogroup'] label").nth(1)
    option.scroll_into_view_if_needed()
    start = time.perf_counter()
    option.click()
    page.wait_for_function(f"() => ({COUNT_JS})() > {before}", polling="raf", timeout=60_000)
    elapsed = time.perf_counter() - start
    page.wait_for_function(IDLE_JS, polling="raf", timeout=60_000)
    return elapsed


def _next_part(page, number: int) -> float:
    button = page.get_by_role("button", name=re.compile("Partie suivante"))
    start = time.perf_counter()
    button.click()
    page.wait_for_function(PART_SHOWN_JS, arg=number, polling="raf", timeout=60_000)
    return time.perf_counter() - start


def _part(page, index: int, parts, clicks: list[float], moves: list[float]) -> None:
    """Answer the part on screen (its radio questions shown) and move to the next one."""
    for qid, _n in parts[index][1]:
        group = page.locator(f"{MAIN} .st-key-q_{qid} [role='radiogroup']")
        if not group.count() or group.locator("input[type='radio']:checked").count():
            continue  # not shown (a condition) or already answered
        clicks.append(_click_to_saved(page, qid))
    if index + 1 < len(parts):
        moves.append(_next_part(page, index + 2))


def measure(parts_count: int = PARTS) -> dict[str, tuple[list[float], list[float]]]:
    """{"app" | "bare": (click-to-saved times, next-part times)} in seconds."""
    from playwright.sync_api import sync_playwright

    from bench.bench_app import _start_script
    from maturity.app import devserver
    from maturity.questionnaire import load_questionnaire
    from maturity.storage import Store

    parts = _parts()
    total = sum(len(section.questions) for section in load_questionnaire().sections)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        data = tmp_path / "app"
        bare = tmp_path / "bare" / "bare.py"
        bare.parent.mkdir()
        bare.write_text(bare_script(parts, total))
        app_server = devserver.start(data, env={"MATURITY_QUESTIONNAIRE": ""})
        try:
            bare_server = _start_script(bare, tmp_path / "bare", devserver.free_port())
        except Exception:
            app_server.stop()
            raise
        try:
            with Store(data_dir=data) as store:
                q = load_questionnaire()
                token = store.open_space("92094", q.id, q.version, "fr")
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=devserver.CHROMIUM, args=devserver.CHROMIUM_ARGS)
                try:
                    pages = {}
                    for name, url in (("app", f"{app_server.url}/questionnaire?t={token}"),
                                      ("bare", bare_server.url)):
                        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
                        page = context.new_page()
                        page.set_default_timeout(60_000)
                        page.goto(url)
                        page.wait_for_function(f"() => ({COUNT_JS})() >= 0", timeout=120_000)
                        page.wait_for_function(PART_SHOWN_JS, arg=1, polling="raf", timeout=120_000)
                        pages[name] = page
                    times: dict[str, tuple[list[float], list[float]]] = {"app": ([], []), "bare": ([], [])}
                    for index in range(min(parts_count, len(parts))):
                        for name in ("app", "bare"):  # in turns: the same minutes for both
                            _part(pages[name], index, parts, *times[name])
                    return times
                finally:
                    browser.close()
        finally:
            bare_server.stop()
            app_server.stop()


def run() -> list:
    from bench import Row
    from maturity.app import devserver

    names = ("browser: answer click to saved", "browser: 'Partie suivante' to next part shown")
    if not Path(devserver.CHROMIUM).exists():
        return [Row(name, float("nan"), None, note=f"{devserver.CHROMIUM} missing") for name in names]
    times = measure()
    rows = []
    for i, name in enumerate(names):
        app, bare = times["app"][i], times["bare"][i]
        rows.append(Row(name, statistics.median(app), statistics.median(bare),
                        "bare page, same parts, radios and button", note=f"medians of {len(app)} / {len(bare)} clicks"))
    return rows


if __name__ == "__main__":
    for row in run():
        print(row.name, f"{row.value * 1000:.0f} ms", f"{row.baseline * 1000:.0f} ms", f"{row.ratio:.2f}x")
