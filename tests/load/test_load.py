"""Load: 20 simulated users answer and save through the running app (``streamlit run`` on 127.0.0.1),
each in its own browser tab (one Debian chromium, Playwright's async API), for a bounded time.

Then: every answer each user clicked is in the store (read back with ``maturity.storage.Store`` on the
same data folder), no page shows an error, and the response times (click -> the saved answer counted
on the page) are printed as p50/p95. ``MATURITY_LOAD_SECONDS`` (default 30) and ``MATURITY_LOAD_USERS``
(default 20) make it longer or wider locally.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import statistics
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from maturity.app import devserver
from maturity.questionnaire import load_questionnaire

pytestmark = pytest.mark.load

USERS = int(os.environ.get("MATURITY_LOAD_USERS", "20"))
SECONDS = float(os.environ.get("MATURITY_LOAD_SECONDS", "30"))
MAX_CLICKS = 200  # per user: bounded in count as well as in time
MAIN = "[data-testid='stMain']"
COUNT_RE = re.compile(r"(\d+) questions? répondues? sur (\d+)")
PROGRESS = f"{MAIN} [data-testid='stProgress']"  # the whole count (the part's own count reads alike)
ERRORS = "[data-testid='stException'], [data-testid='stAlertContentError']"
IN_CI = os.environ.get("CI", "").lower() == "true"


@dataclass
class User:
    token: str
    clicked: dict[str, str] = field(default_factory=dict)  # question id -> option id
    times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    done: bool = False
    load_time: float = 0.0


def _radio_questions(q) -> dict[str, list[str]]:
    """Question id -> its option ids, in the page's order, for the questions answered by one radio group."""
    return {question.id: list(question.option_ids) for section in q.sections for question in section.questions
            if question.type in ("scale", "single", "boolean")}


async def _count(page) -> int:
    text = await page.locator(PROGRESS).get_by_text(COUNT_RE).first.inner_text()
    return int(COUNT_RE.search(text).group(1))


async def _idle(page) -> None:
    await page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]') "
        "&& !document.querySelector('[data-stale=\"true\"]')", timeout=60_000)


async def _answer_one(page, user: User, radios: dict[str, list[str]], rnd: random.Random) -> bool:
    """Click one option of the first unanswered radio question of the step; False when none is left.

    The question is found by its container's key (``st-key-q_<id>``) and the click is made inside that
    container, never by the group's position on the page: a question shown or hidden by an answer, or the
    previous part's elements still on screen, would move positions under the click."""
    keys = await page.locator(f"{MAIN} [class*='st-key-q_']").evaluate_all(
        "els => els.map(e => [...e.classList].find(c => c.startsWith('st-key-q_')))")
    for key in keys:
        qid = key.removeprefix("st-key-q_")
        if qid not in radios or qid in user.clicked:
            continue
        group = page.locator(f"{MAIN} .{key} [role='radiogroup']")
        if not await group.count() or await group.locator("input[type='radio']:checked").count():
            continue
        option_ids = radios[qid]
        index = rnd.randrange(len(option_ids))  # the options come first, then "je ne sais pas" / "ne s'applique pas"
        before = await _count(page)
        start = time.perf_counter()
        await group.locator("label").nth(index).click()
        deadline = time.monotonic() + 30
        while await _count(page) == before:  # the saved answer is counted on the page
            if time.monotonic() > deadline:
                raise AssertionError(f"answer to {qid} not counted after 30 s")
            await asyncio.sleep(0.05)
        user.times.append(time.perf_counter() - start)
        user.clicked[qid] = option_ids[index]
        return True
    return False


async def _open(browser, server, user: User):
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-BE")
    page = await context.new_page()
    page.set_default_timeout(30_000)
    start = time.perf_counter()
    await page.goto(f"{server.url}/questionnaire?t={user.token}")
    await page.locator(PROGRESS).get_by_text(COUNT_RE).first.wait_for()
    await _idle(page)
    user.load_time = time.perf_counter() - start
    return context, page


async def _answer(page, user: User, radios, stop_at: float, seed: int) -> None:
    rnd = random.Random(seed)
    try:
        clicks = 0
        while time.monotonic() < stop_at and clicks < MAX_CLICKS:
            if await _answer_one(page, user, radios, rnd):
                clicks += 1
                continue
            following = page.get_by_role("button", name=re.compile("Partie suivante"))
            if not await following.count():
                user.done = True
                break
            heading = page.locator(f"{MAIN} #part")
            shown = await heading.inner_text()
            await following.click()
            # the next part is drawn: until then the page still shows the finished part, whose "next"
            # a hurried second click would press again (the app ignores it: drawn in a part already left)
            deadline = time.monotonic() + 30
            while await heading.inner_text() == shown:
                if time.monotonic() > deadline:
                    raise AssertionError(f"'Partie suivante' did not leave {shown!r} within 30 s")
                await asyncio.sleep(0.05)
            await _idle(page)
        if await page.locator(ERRORS).count():
            user.errors.append(await page.locator(ERRORS).first.inner_text())
    except Exception as exc:  # recorded and reported by the test
        user.errors.append(f"{type(exc).__name__}: {exc}"[:500])
        try:  # what the user saw, for the report
            user.errors.append("page: " + (await page.locator(MAIN).inner_text(timeout=5000))[:1500])
        except Exception as again:
            user.errors.append(f"page not read: {again}"[:200])


async def _run(server, users: list[User], radios) -> float:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=devserver.CHROMIUM, args=devserver.CHROMIUM_ARGS)
        try:
            opened = []
            for i in range(0, len(users), 5):  # five sessions connect at a time, then all answer at once
                opened += await asyncio.gather(*(_open(browser, server, u) for u in users[i:i + 5]))
            start = time.monotonic()
            await asyncio.gather(*(_answer(page, u, radios, start + SECONDS, i)
                                   for i, (u, (_ctx, page)) in enumerate(zip(users, opened, strict=True))))
            elapsed = time.monotonic() - start
            for context, _page in opened:
                await context.close()
            return elapsed
        finally:
            await browser.close()


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p * (len(ordered) - 1)))]


def _in_own_thread(fn):
    """Run ``fn`` in a thread of its own: the browser tests' sync Playwright keeps an event loop
    running on the main thread for the whole session, and asyncio.run() refuses to nest in it."""
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # re-raised in the test's thread
            outcome["error"] = exc

    thread = threading.Thread(target=target, name="load-test")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def test_concurrent_users_answer_and_nothing_is_lost(tmp_path: Path):
    if not Path(devserver.CHROMIUM).exists():
        if IN_CI:
            pytest.fail(f"{devserver.CHROMIUM} is missing (required in CI)")
        pytest.skip(f"{devserver.CHROMIUM} is missing")
    from maturity.storage import Store

    q = load_questionnaire()
    radios = _radio_questions(q)
    data_dir = tmp_path / "data"
    server = devserver.start(data_dir, env={"MATURITY_QUESTIONNAIRE": ""})
    try:
        with Store(data_dir=data_dir) as store:
            users = [User(store.open_space("92094", q.id, q.version, "fr")) for _ in range(USERS)]
        elapsed = _in_own_thread(lambda: asyncio.run(_run(server, users, radios)))
        assert server.process.poll() is None, f"the server stopped:\n{server.log()}"
    finally:
        server.stop()

    lost = {}
    with Store(data_dir=data_dir) as store:
        for user in users:
            stored = store.load_space(user.token).draft.get("answers", {})
            missing = {qid: oid for qid, oid in user.clicked.items() if stored.get(qid) != oid}
            if missing:
                lost[user.token[:6]] = missing
    assert not lost, f"answers clicked but not stored: {lost}"
    errors = {u.token[:6]: u.errors for u in users if u.errors}
    if errors:
        print(f"server log (end):\n{server.log()}")
    assert not errors, f"errors shown or raised: {errors}"
    times = [t for u in users for t in u.times]
    assert len(times) >= USERS, "each user should have saved at least one answer"
    print(f"\nload: {USERS} users, {elapsed:.0f} s, {len(times)} answers saved and read back "
          f"({len(times) / elapsed:.1f}/s); click -> saved: p50 {statistics.median(times) * 1000:.0f} ms, "
          f"p95 {_percentile(times, 0.95) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms; "
          f"{sum(u.done for u in users)} users reached the last step; first page load (5 at a time): "
          f"p50 {statistics.median(u.load_time for u in users):.1f} s, max {max(u.load_time for u in users):.1f} s")
