"""Browser tests: the real app (``streamlit run``) in Debian's chromium, driven by Playwright.

Never ``playwright install``: the tests launch /usr/bin/chromium. Without it they are skipped
locally and FAIL in CI (``CI=true``). axe-core comes from npm (``npm ci`` at the repo root).
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from maturity.app import devserver

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _require(condition: bool, why: str) -> None:
    if condition:
        return
    if IN_CI:
        pytest.fail(f"{why} (required in CI)")
    pytest.skip(why)


@pytest.fixture(scope="session")
def chromium():
    _require(Path(devserver.CHROMIUM).exists(), f"{devserver.CHROMIUM} is missing (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=devserver.CHROMIUM, args=devserver.CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory, chromium):
    srv = devserver.start(tmp_path_factory.mktemp("appdata"))
    yield srv
    srv.stop()


@pytest.fixture
def page(chromium, server):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="fr-BE")
    pg = context.new_page()
    pg.set_default_timeout(20_000)
    yield pg
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    _require(AXE.exists(), f"{AXE} is missing (run `npm ci` at the repository root)")
    return AXE.read_text()


# --- helpers -------------------------------------------------------------------------------------------

MAIN = "[data-testid='stMain']"


def wait_idle(page, settle: float = 0.25) -> None:
    """Wait until Streamlit has finished rerunning (no running indicator, no stale elements)."""
    time.sleep(settle)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') "
        "&& !document.querySelector('[data-stale=\"true\"]')", timeout=20_000)


def open_app(page, server, path: str = "") -> None:
    page.goto(f"{server.url}/{path}")
    page.wait_for_selector("h1", timeout=60_000)
    wait_idle(page)


def start_assessment(page, server, commune: str = "Namur", typed: str | None = None) -> str:
    """Find the commune by typing (``typed``, else its name) in the search box, then start."""
    open_app(page, server)
    box = page.get_by_label("Votre commune")
    box.click()
    page.keyboard.type(typed or commune)
    page.locator(f"{MAIN} [role='radiogroup'] label").first.wait_for()
    wait_idle(page)
    first = page.locator(f"{MAIN} [role='radiogroup'] label").first.inner_text()
    assert first.startswith(commune), first
    page.get_by_role("button", name="Commencer le bilan").click()
    page.wait_for_url(re.compile(r".*/questionnaire\?t=.*"))
    page.wait_for_selector("text=/questions? répondues? sur/")
    wait_idle(page)
    return re.search(r"[?&]t=([A-Za-z0-9_-]+)", page.url).group(1)


def metric(page, label: str) -> str:
    """The value of the metric labelled ``label``, waited for. A page's metrics are not always drawn in their order:
    under load (three busy loops beside other work, load 10 to 15) the Équipe page showed « Questions divergentes »
    6 and « Réponses finales » 0 / 6 about a second before « Répondants » 4, and the first metric on the page, read
    then, said 6 (test_team_browser)."""
    label_of = page.locator("[data-testid='stMetricLabel']", has_text=re.compile(rf"^\s*{re.escape(label)}\s*$"))
    box = page.locator(f"{MAIN} [data-testid='stMetric']").filter(has=label_of)
    return box.locator("[data-testid='stMetricValue']").inner_text().strip()


def answered(page) -> tuple[int, int]:
    """The whole questionnaire's count, read from the progress bar (the part's own count, "Dans cette
    partie : 6 questions répondues sur 6", reads alike and stands lower on the page)."""
    text = page.locator(f"{MAIN} [data-testid='stProgress']").get_by_text(
        re.compile(r"\d+ questions? répondues? sur \d+")).first.inner_text()
    a, b = re.findall(r"\d+", text)[:2]
    return int(a), int(b)


def _wait_answered_change(page, before: int) -> None:
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        wait_idle(page, 0.1)
        if answered(page)[0] != before:
            return
    raise AssertionError("the answer was not counted")


def answer_current_step(page, choice: int = 1) -> int:
    """Answer every shown, unanswered question of the current step by clicks and keys.

    Radios: the option ``choice`` (0-based, clamped); multiselects: the first option with Enter;
    numbers: typed then Enter. Conditional questions that appear are answered too."""
    count = 0
    for _ in range(60):
        groups = page.locator(f"{MAIN} [role='radiogroup']")
        target = None
        for i in range(groups.count()):
            group = groups.nth(i)
            if group.locator("input[type='radio']:checked").count() == 0:
                target = group
                break
        if target is not None:
            before = answered(page)[0]
            options = target.locator("label")
            options.nth(min(choice, options.count() - 3)).click()
            _wait_answered_change(page, before)
            count += 1
            continue
        multi = _first_empty_multi(page)
        if multi is not None:
            before = answered(page)[0]
            multi.click()
            _wait_answered_change(page, before)
            count += 1
            continue
        numbers = page.locator(f"{MAIN} [data-testid='stNumberInput'] input")
        empty = [numbers.nth(i) for i in range(numbers.count()) if not numbers.nth(i).input_value()]
        if empty:
            before = answered(page)[0]
            empty[0].fill("3")
            empty[0].press("Enter")
            _wait_answered_change(page, before)
            count += 1
            continue
        return count
    raise AssertionError("too many questions on one step")


def _first_empty_multi(page):
    """The first checkbox of a multi question none of whose boxes is ticked (boxes are grouped
    by their container: the question's bordered block)."""
    blocks = page.locator(f"{MAIN} [class*='st-key-q_']:has([data-testid='stCheckbox'])")
    for i in range(blocks.count()):
        block = blocks.nth(i)
        if block.locator("[data-testid='stNumberInput'], [data-testid='stTextInput']").count():
            continue  # the "je ne sais pas" boxes of a number or text question
        if block.locator("input[type='checkbox']:checked").count() == 0:
            return block.locator("[data-testid='stCheckbox'] label").first
    return None


def next_step(page) -> None:
    """Click "Partie suivante" and wait until the next part is drawn (until then the finished part,
    and its button, are still on the page)."""
    heading = page.locator(f"{MAIN} #part")
    shown = heading.inner_text()
    page.get_by_role("button", name=re.compile("Partie suivante")).click()
    page.wait_for_function("(shown) => { const h = document.querySelector(\"[data-testid='stMain'] #part\"); "
                           "return h && h.innerText !== shown; }", arg=shown)
    wait_idle(page)


def run_axe(page, axe_source: str) -> list[dict]:
    """axe-core on the current page: the serious and critical violations."""
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"] if v["impact"] in ("serious", "critical")
    ]
