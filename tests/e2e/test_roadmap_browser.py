"""From the results to a dated roadmap and its PST table, in a real browser (issue 14)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import MAIN, open_app, wait_idle

from maturity import plan as roadmap
from maturity.answers import AnswersFile
from maturity.app.roadmap import ROW_HEIGHT
from maturity.questionnaire import load_questionnaire
from maturity.recommendations import select
from maturity.scoring import score
from maturity.storage import Store

pytestmark = pytest.mark.e2e


def _space(server) -> tuple[str, object]:
    """A space of Namur whose questionnaire is answered (every scored question at its second option)."""
    q = load_questionnaire()
    store = Store.from_env({"MATURITY_DATA_DIR": str(server.data_dir)})
    token = store.open_space("92094", q.id, q.version, "fr")
    store.set_commune(token, "92094", "Namur")
    doc = AnswersFile.new(q, "92094")
    for section in q.dimensions:
        for question in section.questions:
            if question.options and all(o.score is not None for o in question.options):
                second = question.options[min(1, len(question.options) - 1)].id
                doc.answers[question.id] = [second] if question.type == "multi" else second
    store.save_draft(token, doc.to_dict())
    return token, store


def _roadmap_grid(page):
    grid = page.locator(f"{MAIN} [data-testid='stDataFrame']").first
    grid.scroll_into_view_if_needed()
    grid.locator("canvas").first.wait_for()
    return grid


def _edit_cell(page, grid, row: int, column: int, text: str, choice: bool = False) -> None:
    """Edit one cell of the roadmap's data editor (a canvas grid) as a user does with the keyboard:
    click the row's first cell (rows of ``ROW_HEIGHT`` px under a 35 px header; the first column,
    past the row marker, is the read-only objective), arrow right to the column, Enter opens the cell's editor;
    type the value (a selectbox: type its label), Enter saves it."""
    grid.click(position={"x": 60, "y": 35 + ROW_HEIGHT * row + ROW_HEIGHT // 2})
    # each move waits until the grid shows it (its accessible cell selected): under load a key pressed
    # before the grid had taken the click's focus was lost, and the text went into the column before
    for moves in range(column + 1):
        if moves:
            page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([c, r]) => { const e = document.getElementById(`glide-cell-${c}-${r}`);"
            " return !!e && e.getAttribute('aria-selected') === 'true'; }", arg=[1 + moves, row])
    page.keyboard.press("Enter")
    overlay = page.get_by_test_id("portal").locator(".gdg-clip-region")
    overlay.wait_for()
    if choice:
        page.keyboard.type(text)
        page.get_by_test_id("portal").get_by_text(text, exact=True).last.wait_for()
    else:
        overlay.locator("textarea, input").first.fill(text)
    page.keyboard.press("Enter")
    wait_idle(page)


def _grid_row(page, row: int) -> list[str]:
    """The cells of one row as the grid's accessible table holds them (objective … status)."""
    page.wait_for_function("row => document.getElementById(`glide-cell-2-${row}`)", arg=row)
    return page.evaluate(
        "row => [1, 2, 3, 4, 5, 6].map(c => (document.getElementById(`glide-cell-${c}-${row}`) || {}).innerText)",
        row)


def _button_name(snapshot: str) -> str:
    """A button's accessible name, from its ARIA snapshot (YAML: ``- button "name"``, quoted again when the name
    holds « : », with its children under it when it has any)."""
    node = yaml.safe_load(snapshot)[0]
    return (node if isinstance(node, str) else next(iter(node))).removeprefix('button "').removesuffix('"')


def test_target_then_roadmap_then_the_pst_download(page, server):
    token, store = _space(server)
    q = load_questionnaire()
    first = q.dimensions[0]
    open_app(page, server, f"resultats?t={token}")
    # each year field is named with its dimension for a screen reader; the label still shows the words alone
    form = page.locator(f"{MAIN} [data-testid='stForm']").first
    form.get_by_role("spinbutton").nth(len(q.dimensions) - 1).wait_for()
    names = [line.split('"')[1] for line in form.aria_snapshot().splitlines() if "spinbutton" in line]
    assert names == [f"{q.t(d.label, 'fr')} — À atteindre d'ici" for d in q.dimensions], names
    # its − and + are named in French too (Streamlit's "Decrement" and "Increment")
    steps = form.locator("[data-testid='stNumberInputStepDown'], [data-testid='stNumberInputStepUp']")
    page.wait_for_function("() => !document.querySelector(\"[aria-label='Decrement'], [aria-label='Increment']\")")
    assert steps.evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))") == ["Diminuer", "Augmenter"] * len(
        q.dimensions)
    labels = form.locator("[data-testid='stNumberInput'] [data-testid='stWidgetLabel'] p")
    drawn = labels.evaluate_all("ps => ps.map(p => [getComputedStyle(p, '::after').content, "
                                "getComputedStyle(p).fontSize, p.getBoundingClientRect().height])")
    assert all(c == '"À atteindre d\'ici" / ""' and size == "0px" and height > 10 for c, size, height in drawn), drawn
    # a target for the first dimension, saved
    page.get_by_label(f"{q.t(first.label, 'fr')} — Niveau visé").click()
    page.keyboard.type("Intégration")
    page.get_by_role("option", name=re.compile(r"^Intégration")).first.wait_for()
    page.keyboard.press("Enter")
    wait_idle(page)
    page.get_by_role("button", name="Enregistrer les objectifs").click()
    page.wait_for_selector("text=Objectifs enregistrés")
    assert store.load_space(token).draft["targets"] == {first.id: {"level": "integration", "by": 2030}}
    # the recommendations: the first proposed action goes into the roadmap, and stays after a reload
    open_app(page, server, f"recommandations?t={token}")
    # each proposed action's button is named with its action for a screen reader (it heard « Ajouter », thirty-three
    # times here), and shows « Ajouter » alone, the action written beside it
    picks = page.locator(MAIN).locator("[class*='st-key-pick_'] button:visible")
    draft = store.load_space(token).draft
    actions = sum(len(s.recommendation.actions) for s in select(q, score(q, draft["answers"]), draft["answers"]))
    page.wait_for_function("n => document.querySelectorAll(\"[data-testid='stMain'] [class*='st-key-pick_'] "
                           "[data-testid='stTooltipHoverTarget'] button\").length === n", arg=actions)
    names = [_button_name(b.aria_snapshot()) for b in picks.all()]
    assert len(names) == actions > 20 and len(set(names)) == len(names), names
    # (the snapshot writes the no-break spaces as spaces)
    assert all(re.fullmatch(r"Ajouter « .+ » à la feuille de route", n) for n in names), names
    drawn = picks.locator("p").evaluate_all("ps => ps.map(p => [getComputedStyle(p, '::after').content, "
                                            "getComputedStyle(p).fontSize, p.closest('button').getBoundingClientRect().width])")
    # as wide as « + Ajouter » (93 px), not the length of its name
    assert all(c == '"Ajouter" / ""' and size == "0px" and 60 < width < 130 for c, size, width in drawn), drawn
    # a recommendation's « Ajouter » (its key: the roadmap grid's toolbar has an « Ajouter une ligne » too)
    page.locator(MAIN).locator("[class*='st-key-pick_']").get_by_role("button", name="Ajouter").first.click()
    page.get_by_text("Dans la feuille de route").first.wait_for()
    wait_idle(page)
    plan = store.load_space(token).draft["plan"]
    assert len(plan) == 1 and plan[0]["status"] == "planned"
    # the table: owner, year, budget line and status typed into the data editor, each saved as typed
    grid = _roadmap_grid(page)
    _edit_cell(page, grid, 0, 2, "Service informatique")
    _edit_cell(page, grid, 0, 3, "2028")
    _edit_cell(page, grid, 0, 4, "104/123-01")
    _edit_cell(page, grid, 0, 5, "en cours", choice=True)
    edited = {"owner": "Service informatique", "year": 2028, "budget": "104/123-01", "status": "started"}
    saved = store.load_space(token).draft["plan"]
    assert saved == [dict(plan[0], **edited)]
    # its toolbar's tooltips are French, as its buttons' names are: the « + » showed « Add row » on hover
    # (fresh-eyes trial, Ciney)
    grid.hover()
    for english, french in (("Add row", "Ajouter une ligne"), ("Search", "Rechercher")):
        page.locator(f"[data-testid='stElementToolbar'] button[aria-label='{french}']").hover()
        tip = page.locator("[data-testid='stTooltipContent']").filter(has_text=re.compile(f"^({english}|{french})$"))
        tip.first.wait_for()
        page.wait_for_function("([e, f]) => [...document.querySelectorAll(\"[data-testid='stTooltipContent']\")]"
                               ".some((t) => t.innerText.trim() === f) && ![...document.querySelectorAll("
                               "\"[data-testid='stTooltipContent']\")].some((t) => t.innerText.trim() === e)",
                               arg=[english, french], timeout=5_000)
    page.mouse.move(0, 0)
    # a reload (session state gone) shows the same table, read back from the store
    page.reload()
    page.get_by_text("Dans la feuille de route").first.wait_for()
    wait_idle(page)
    _roadmap_grid(page)
    row = _grid_row(page, 0)
    assert row[1:] == [plan[0]["action"], "Service informatique", "2028", "104/123-01", "en cours"], row
    dimension = next(s for s in q.dimensions if s.id == roadmap.dimension_of(roadmap.read(plan)[0], q))
    assert row[0] == q.t(dimension.label, "fr")  # the objective: the dimension the recommendation lifts
    # a phone shows the roadmap as a list and a form instead of the grid (whose other columns scrolled
    # sideways, away from their action); a desktop, whose grid shows every column, does not
    listed = page.locator(f"{MAIN} .st-key-roadmap_phone")
    assert listed.count() == 1 and not listed.is_visible()
    page.set_viewport_size({"width": 390, "height": 844})
    listed.wait_for(state="visible")
    text = listed.inner_text()
    assert plan[0]["action"] in text and "Service informatique" in text and "en cours" in text, text
    # the form's action field: saved by the form's button beside it, so no « Entrée pour valider » under it (Enter
    # starts a new line there; fresh-eyes trial 15)
    area = page.locator(f"{MAIN} .st-key-roadmap_phone textarea").first
    area.click()
    page.keyboard.type(" ")
    hint = page.locator(f"{MAIN} .st-key-roadmap_phone [data-testid='stTextArea'] [data-testid='InputInstructions']")
    hint.first.wait_for(state="attached")
    assert hint.first.evaluate("e => getComputedStyle(e).display") == "none"
    page.keyboard.press("Backspace")
    page.set_viewport_size({"width": 1280, "height": 900})
    listed.wait_for(state="hidden")
    # the PST table, downloaded and read: the adopted action, with what was typed, in the PST's structure
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=re.compile("Actions pour le PST")).click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:7] == ["Objectif stratégique", "Objectif opérationnel", "Action", "Responsable", "Échéance",
                           "Budget", "Statut"]
    rec = next(r for r in q.recommendations if r.id == plan[0]["recommendation"])
    assert rows[1][0].startswith(q.t(dimension.label, "fr"))
    assert rows[1][1:7] == [q.t(rec.title, "fr"), plan[0]["action"], "Service informatique", "2028",
                            "104/123-01", "en cours"]
    # the answers file the commune keeps: targets and roadmap, read back as the contract says
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=re.compile("Réponses")).click()
    kept = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert kept["targets"] == {first.id: {"level": "integration", "by": 2030}}
    assert kept["plan"] == [dict(plan[0], **edited)]


def test_the_grid_shows_every_action_of_a_long_roadmap(page, server):
    """Seven actions: the grid is tall enough for all of them and the row to add one (its default height,
    ten rows of 35 px, showed five of its 72 px rows and hid the others below a scroll: fresh-eyes trial 10)."""
    token, store = _space(server)
    draft = store.load_space(token).draft
    draft["plan"] = [{"id": f"a{i}", "action": f"Action {i}", "owner": "", "year": 2027, "status": "planned"}
                     for i in range(1, 8)]
    store.save_draft(token, draft)
    open_app(page, server, f"recommandations?t={token}")
    grid = _roadmap_grid(page)
    height = grid.bounding_box()["height"]
    assert height >= 8 * ROW_HEIGHT, height  # seven actions and the new row, besides the header
