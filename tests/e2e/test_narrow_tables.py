"""The results and Wallonie pages on a 390 px phone and a 1280 px desktop (issue 15): nothing wider than
the screen, no table scrolling sideways inside its frame, and the results table's headers broken only
between words, with the longest series a German commune gets (its previous assessment, its province,
communes of its size and Wallonia)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import MAIN, wait_idle

from maturity.admin import hash_password
from maturity.answers import read_answers_file
from maturity.app import devserver
from maturity.communes import communes
from maturity.questionnaire import load_questionnaire
from maturity.scoring import score
from maturity.storage import Store

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
BULLINGEN = "63012"
ADMIN_PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, chromium):
    """A server whose pool holds 8 communes of the province of Liège and 8 of Büllingen's size elsewhere
    (so Wallonia, the province and the size class are shown), and Büllingen's space: submitted once,
    then one answer changed (so its previous assessment is a series too)."""
    data = tmp_path_factory.mktemp("narrow")
    q = load_questionnaire()
    registry = communes()
    me = registry[BULLINGEN]
    province = [c for c in registry.values() if c.province_nis == me.province_nis and c.nis_code != BULLINGEN][:8]
    size = [c for c in registry.values()
            if c.population_class == me.population_class and c.province_nis != me.province_nis][:8]
    rnd = random.Random(15)
    doc = read_answers_file(ROOT / "tests" / "data" / "answers" / "german-buellingen-2027.json")
    with Store(data_dir=data) as store:
        store.import_pool_rows([{"nis_code": c.nis_code, **{d.id: rnd.uniform(20, 80) for d in q.dimensions}}
                                for c in province + size], "survey 2026")
        token = store.open_space(BULLINGEN, q.id, q.version, "de")
        store.save_draft(token, doc.to_dict())
        store.submit(token, doc.to_dict(), score(q, doc.answers).to_json(), q.id, q.version, False)
        first = next(iter(doc.answers))
        store.save_answer(token, first, q.question(first).option_ids[-1])
    srv = devserver.start(data, env={"MATURITY_ADMIN_PASSWORD_HASH": hash_password(ADMIN_PASSWORD, n=2**4)})
    yield srv, token
    srv.stop()


# every element of the page's main column: its right edge, and whether it scrolls sideways
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.querySelectorAll('[data-testid="stMain"] *')) {
    const box = el.getBoundingClientRect();
    if (!box.width || !box.height) continue;
    const scrolls = el.scrollWidth > el.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(el).overflowX);
    if (box.right > width + 1 || scrolls) {
      out.push(`${el.tagName}.${el.className} right=${Math.round(box.right)} scroll=${el.scrollWidth}/${el.clientWidth}`
               + ` ${(el.innerText || '').slice(0, 60)}`);
    }
  }
  return {page: document.documentElement.scrollWidth - width, wide: out.slice(0, 8)};
}"""

# the lines a header cell is drawn on: its characters grouped by the top of their box
HEADER_LINES = """(cell) => {
  const lines = [];
  let top = null;
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (top === null || box.top > top + 2) { lines.push(''); top = box.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
}"""


def _open(chromium, server, path: str, width: int, lang: str):
    context = chromium.new_context(viewport={"width": width, "height": 900}, locale="de-BE")
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(f"{server.url}/{path}&lang={lang}")
    page.locator(f"{MAIN} [data-testid='stTable']").first.wait_for(state="attached")
    wait_idle(page, 1.0)
    return context, page


def _broken_words(page, selector: str, at_least: int = 3) -> list[tuple[str, list[str]]]:
    """Header cells drawn with a line that is not made of whole words (a word broken or hyphenated)."""
    broken = []
    cells = page.locator(selector)
    assert cells.count() >= at_least
    for i in range(cells.count()):
        cell = cells.nth(i)
        if not cell.is_visible():
            continue
        words = set(cell.inner_text().split())
        lines = cell.evaluate(HEADER_LINES)
        if any(part not in words for line in lines for part in line.split()):
            broken.append((cell.inner_text(), lines))
    return broken


@pytest.mark.parametrize("lang", ["de", "fr", "en"])
def test_the_results_table_fits_a_phone_with_headers_broken_between_words(chromium, seeded, lang):
    server, token = seeded
    context, page = _open(chromium, server, f"resultats?t={token}", 390, lang)
    try:
        headers = f"{MAIN} .st-key-score_table th"
        page.locator(headers).nth(5).wait_for()  # the dimension, this assessment and four references
        assert page.locator(headers).count() >= 6
        assert not _broken_words(page, headers), _broken_words(page, headers)
        # every header says, in the table under it, what it stands for (in full)
        legend = page.locator(f"{MAIN} .st-key-fit_640_series [data-testid='stTable']").inner_text()
        for i in range(1, 6):
            assert page.locator(headers).nth(i).inner_text().strip() in legend
        assert ("Provinz Lüttich" if lang == "de" else "Liège") in legend
    finally:
        context.close()


@pytest.mark.parametrize(("width", "lang"), [(390, "fr"), (390, "de"), (1280, "fr")])
def test_the_share_of_usable_answers_is_on_a_phone_too(chromium, seeded, width, lang):
    """At 390 px « Les chiffres » showed only the dimension and the series: the level came again below, but
    the share of usable answers and the « Ne s'applique pas » count appeared nowhere on the phone (fresh-eyes
    trial 12). A phone's column now shows them in a table of their own under it; a desktop's, in the table."""
    from maturity.app.texts import tr

    server, token = seeded
    context, page = _open(chromium, server, f"resultats?t={token}", width, lang)
    try:
        coverage = tr("col_coverage", lang)
        page.locator(f"{MAIN} .st-key-score_table th").first.wait_for()  # drawn after the page's first table
        wait_idle(page, 0.5)
        visible = [h.inner_text().strip() for h in page.locator(f"{MAIN} .st-key-score_table th").all() if h.is_visible()]
        assert visible.count(coverage) == 1, visible  # once: in the phone's table or in the desktop's
        assert tr("col_na", lang) in visible
        more = page.locator(f"{MAIN} .st-key-score_more [data-testid='stTable']")
        assert more.is_visible() == (width < 700)
        if width < 700:
            cells = more.locator("td").all_inner_texts()
            assert sum("100" in c and "%" in c for c in cells) == 6, cells  # Büllingen answered every question
            assert not _broken_words(page, f"{MAIN} .st-key-score_more th")
    finally:
        context.close()


SCREENS = [(390, "de"), (390, "fr"), (1024, "de"), (1280, "de"), (1280, "fr")]  # a phone, a laptop, a desktop


@pytest.mark.parametrize(("width", "lang"), SCREENS)
def test_the_results_page_is_never_wider_than_the_screen(chromium, seeded, width, lang):
    """Every table, the "why this score" ones opened, fits: on a phone nothing scrolls sideways."""
    server, token = seeded
    context, page = _open(chromium, server, f"resultats?t={token}", width, lang)
    try:
        expanders = page.locator(f"{MAIN} [data-testid='stExpander'] summary")
        for i in range(min(2, expanders.count())):
            expanders.nth(i).click()
        wait_idle(page, 0.5)
        found = page.evaluate(OVERFLOW)
        assert found["page"] <= 0 and not found["wide"], found
        if width == 1280:  # the wide layout (a message that reset it to Streamlit's 736 px column went unseen)
            column = page.evaluate("document.querySelector(\"[data-testid='stMainBlockContainer']\")"
                                   ".getBoundingClientRect().width")
            assert column > 900, column
    finally:
        context.close()


@pytest.mark.parametrize(("width", "lang"), SCREENS)
def test_the_wallonie_page_is_never_wider_than_the_screen(chromium, seeded, width, lang):
    server, _token = seeded
    context, page = _open(chromium, server, "wallonie?x=1", width, lang)
    try:
        found = page.evaluate(OVERFLOW)
        assert found["page"] <= 0 and not found["wide"], found
    finally:
        context.close()


def test_page_titles_on_a_phone_are_broken_between_words_only(chromium, seeded):
    """"Recommandations — Ciney" was drawn "Recommandation" / "s — Ciney" at 390 px."""
    server, _token = seeded
    q = load_questionnaire()
    with Store(data_dir=server.data_dir) as store:
        token = store.open_space("91030", q.id, q.version, "fr")  # Ciney, a French-speaking space
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        for path in ("recommandations", "resultats", "questionnaire", "equipe"):
            page.goto(f"{server.url}/{path}?t={token}")
            page.locator(f"{MAIN} h1").first.wait_for()
            wait_idle(page, 0.5)
            page.evaluate("() => document.fonts.ready.then(() => true)")  # the lines of the page's own font
            assert not _broken_words(page, f"{MAIN} h1", 1), (path, _broken_words(page, f"{MAIN} h1", 1))
    finally:
        context.close()


def test_the_team_table_fits_a_phone_with_a_long_role(chromium, seeded):
    """A role typed without spaces ("Directeur ZZZ…", 80 characters) made the team's first column as wide
    as itself: cut at the cell's edge on a desktop, and the other columns off a phone's screen."""
    server, _token = seeded
    q = load_questionnaire()
    with Store(data_dir=server.data_dir) as store:
        token = store.open_space("91030", q.id, q.version, "fr")
        store.invite_member(token, "Directeur " + "Z" * 70)
        store.invite_member(token, "échevin")
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{server.url}/equipe?t={token}")
        page.locator(f"{MAIN} [data-testid='stTable']").first.wait_for()
        wait_idle(page, 0.5)
        found = page.evaluate(OVERFLOW)
        assert found["page"] <= 0 and not found["wide"], found
    finally:
        context.close()


def test_a_role_in_the_team_table_on_a_phone_is_broken_between_its_words(chromium, seeded):
    """Gesves's one colleague, « directrice générale » answering two parts, read « directric / e / générale »
    at 390 px (fresh-eyes trial 9): the first column's "break anywhere" let it shrink to a letter's width."""
    server, _token = seeded
    q = load_questionnaire()
    with Store(data_dir=server.data_dir) as store:
        token = store.open_space("92054", q.id, q.version, "fr")  # Gesves
        store.invite_member(token, "directrice générale", ["governance", "obstacles"])
    context = chromium.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{server.url}/equipe?t={token}")
        page.locator(f"{MAIN} .st-key-team_members td").first.wait_for()
        wait_idle(page, 0.5)
        roles = f"{MAIN} .st-key-team_members td:first-child"
        assert not _broken_words(page, roles, 1), _broken_words(page, roles, 1)
        found = page.evaluate(OVERFLOW)
        assert found["page"] <= 0 and not found["wide"], found
    finally:
        context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_admin_entries_are_a_list_on_a_phone_and_a_grid_on_a_desktop(chromium, seeded, width):
    """The pool's eight columns scrolled sideways in their grid at 390 px: a phone gets each entry as a list
    item (every value next to its column's name), a desktop keeps the grid (sorted and searched), which fits
    its column: at 1280 px it scrolled 70 px sideways (long dates, headers and timestamps)."""
    server, _token = seeded
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server.url}/admin?lang=fr")
        page.get_by_label("Mot de passe").fill(ADMIN_PASSWORD)
        page.get_by_role("button", name="Se connecter").click()
        grid = page.locator(f"{MAIN} [data-testid='stDataFrame']")
        grid.wait_for(state="attached")
        wait_idle(page, 0.5)
        items = page.locator(f"{MAIN} .st-key-fit_800_admin_table li")
        if width == 390:
            found = page.evaluate(OVERFLOW)
            assert found["page"] <= 0 and not found["wide"], found
            assert not grid.is_visible() and items.count() == 16  # the pool's 16 entries
            assert "Commune\xa0: " in items.first.inner_text() and "Reçue le\xa0: " in items.first.inner_text()
            # searched as the grid is: a commune's name, without its accents
            name = items.first.inner_text().split("Commune\xa0: ")[1].splitlines()[0]
            search = page.get_by_label("Rechercher une entrée (commune, source, empreinte…)")
            search.fill(name.casefold().replace("é", "e").replace("è", "e"))
            search.press("Enter")
            page.wait_for_function("(n) => document.querySelectorAll("
                                   "'[data-testid=\"stMain\"] .st-key-fit_800_admin_table li').length < n", arg=16)
            wait_idle(page, 0.5)
            assert 1 <= items.count() < 16
            assert all(f"Commune\xa0: {name}" in items.nth(i).inner_text() for i in range(items.count()))
            box = search.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
        else:
            assert grid.is_visible() and not items.first.is_visible()
            assert not page.locator(f"{MAIN} .st-key-fitlist_admin_table").is_visible()  # the grid's own search
            # the grid draws on a canvas in a frame of its own, which scrolls when its columns are wider
            scroller = grid.locator(".dvn-scroller").first
            widths = scroller.evaluate("el => [el.scrollWidth, el.clientWidth]")
            assert widths[1] > 700 and widths[0] <= widths[1], widths
            found = page.evaluate(OVERFLOW)
            assert found["page"] <= 0 and not found["wide"], found
    finally:
        context.close()


@pytest.mark.parametrize(("width", "lang"), [(390, "de"), (390, "fr"), (1280, "fr")])
def test_the_roadmap_is_a_list_and_a_form_on_a_phone_and_a_grid_on_a_desktop(chromium, seeded, width, lang):
    """The roadmap's grid (six columns, 760 px) scrolled sideways at 390 px: a phone gets the actions as a
    list, every value shown, and a form to change one or write one; a desktop keeps the grid."""
    server, _token = seeded
    q = load_questionnaire()
    actions = ["Einen Smart-City-Ansatz im Gemeindekollegium beraten und einen Verantwortlichen benennen",
               "Mobilitätsdaten als offene Daten veröffentlichen"]
    with Store(data_dir=server.data_dir) as store:
        token = store.open_space(BULLINGEN, q.id, q.version, "de")  # a second space: the shared one unchanged
        doc = read_answers_file(ROOT / "tests" / "data" / "answers" / "german-buellingen-2027.json").to_dict()
        doc["plan"] = [{"id": f"a{i + 1}", "action": text, "owner": "Schöffe", "year": 2027 + i, "status": "planned"}
                       for i, text in enumerate(actions)]
        store.save_draft(token, doc)
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server.url}/recommandations?t={token}&lang={lang}")
        page.locator(f"{MAIN} [data-testid='stDataFrame']").wait_for(state="attached")
        wait_idle(page, 1.0)
        found = page.evaluate(OVERFLOW)
        assert found["page"] <= 0 and not found["wide"], found
        grid = page.locator(f"{MAIN} .st-key-roadmap_fit [data-testid='stDataFrame']")
        phone = page.locator(f"{MAIN} .st-key-roadmap_phone")
        if width == 390:
            assert not grid.is_visible() and phone.is_visible()
            listed = phone.locator("li")
            assert listed.count() == 2 and actions[0] in listed.first.inner_text()
            assert "2028" in listed.nth(1).inner_text()
            save = phone.locator("[data-testid='stFormSubmitButton'] button").first
            box = save.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
        else:
            assert grid.is_visible() and not phone.is_visible()
    finally:
        context.close()
