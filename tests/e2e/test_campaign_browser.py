"""The coordinator's map of a campaign, drawn in a real browser (chromium): every commune of the
registry coloured by its state, the merged commune drawn as one. ``-m e2e``."""

from __future__ import annotations

import os
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import metric, run_axe, wait_idle
from test_narrow_tables import OVERFLOW

from maturity.admin import hash_password
from maturity.app import devserver
from maturity.app.texts import tr
from maturity.communes import registry_at
from maturity.storage import FileResponse, Invitee, Store

pytestmark = pytest.mark.e2e

DIMENSIONS = ["economy", "people", "governance", "mobility", "environment", "living"]
RESPONDENTS = ["25005", "25014", "57081", "55004", "62063", "61003", "82039", "84009", "92094", "91013", "93014"]
STARTED = ["57096", "52011", "63023", "85045"]


@pytest.fixture(scope="module")
def coordinator_server(tmp_path_factory, chromium):
    data = tmp_path_factory.mktemp("campaign-app")
    opens = date.today() - timedelta(days=3)
    with Store(data_dir=data) as store:
        store.create_campaign("wal-test", "Baromètre test", "smart-city-wallonie", opens, opens + timedelta(days=60))
        links = {i.nis_code: i.token for i in store.invite(
            "wal-test", [Invitee(c.nis_code, c.name_fr) for c in registry_at(opens)], "2026.1")}
        for nis in STARTED:
            store.save_answer(links[nis], "gov_strategy", "yes")
        store.submit_files("wal-test", [FileResponse(nis, {"answers": {}}, {"dimensions": {
            d: {"score": 20.0 + 5 * ((i + k) % 9)} for k, d in enumerate(DIMENSIONS)}, "obstacles": {}},
            f"{nis}.json") for i, nis in enumerate(RESPONDENTS)])
    srv = devserver.start(data, env={"MATURITY_ADMIN_PASSWORD_HASH": hash_password("correct horse battery", n=2**4)})
    yield srv
    srv.stop()


def _sign_in(page, server) -> None:
    """The coordinator's campaigns page, signed in, its figures drawn."""
    page.goto(f"{server.url}/campagnes")
    page.wait_for_selector("h1")
    page.get_by_label("Mot de passe").fill("correct horse battery")
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_selector("[data-testid='stMetric']")


def test_the_status_map_renders_in_a_browser(chromium, coordinator_server, axe_source, tmp_path):
    context = chromium.new_context(viewport={"width": 1280, "height": 1400}, locale="fr-BE")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        _sign_in(page, coordinator_server)
        chart = page.locator("[data-testid='stVegaLiteChart'], .vega-embed").first
        chart.wait_for()
        wait_idle(page, 1.0)
        page.wait_for_function("() => { const c = document.querySelector('.vega-embed canvas, .vega-embed svg');"
                               " return c && c.getBoundingClientRect().width > 300; }")
        box = chart.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 200
        # the legend names the three states; the numbers beside the map are the same as in the store
        # each by its label (a metric may be drawn after the next: conftest.metric)
        metrics = [metric(page, tr(f"camp_metric_{key}", "fr")) for key in ("invited", "started", "submitted")]
        # in progress: the 4 that started and did not send, as the map's « commencé »; the 11 responded
        assert metrics == ["261", str(len(STARTED)), str(len(RESPONDENTS))]
        shot = Path(os.environ.get("MATURITY_SCREENSHOTS", tmp_path)) / "campaign-status-map.png"
        chart.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000  # a drawn map, not an empty frame
        page.screenshot(path=str(shot.with_name("campaign-page.png")), full_page=True)
        assert run_axe(page, axe_source) == []  # the coordinator's page too: no serious or critical violation
    finally:
        context.close()


def test_the_campaign_page_fits_a_phone(chromium, coordinator_server):
    """At 390 px the map ran past the screen at its own 560 px (the east, where the German-speaking
    communes are, cut off) and the estimates' seven columns scrolled sideways inside their frame."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, locale="fr-BE")
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        _sign_in(page, coordinator_server)
        page.wait_for_function("() => { const c = document.querySelector('.vega-embed canvas, .vega-embed svg');"
                               " return c && c.getBoundingClientRect().width > 200; }")
        wait_idle(page, 1.0)
        found = page.evaluate(OVERFLOW)
        assert found["page"] <= 0 and not found["wide"], found
        page.get_by_role("tab", name="Estimations").click()
        page.get_by_text(re.compile("^Ce que disent ces chiffres")).wait_for()
        wait_idle(page, 1.0)
        found = page.evaluate(OVERFLOW)
        assert found["page"] <= 0 and not found["wide"], found
    finally:
        context.close()


@pytest.fixture(scope="module")
def fresh_campaign_server(tmp_path_factory, chromium):
    data = tmp_path_factory.mktemp("campaign-invite")
    opens = date.today() - timedelta(days=1)
    with Store(data_dir=data) as store:
        store.create_campaign("wal-new", "Baromètre 2027", "smart-city-wallonie", opens, opens + timedelta(days=60))
    srv = devserver.start(data, env={"MATURITY_ADMIN_PASSWORD_HASH": hash_password("correct horse battery", n=2**4)})
    yield srv
    srv.stop()


def test_the_coordinator_invites_by_typing_names_and_a_commune_opens_its_link(chromium, fresh_campaign_server,
                                                                             tmp_path):
    """The web path of a campaign's invitations, as a coordinator types it: each name typed and Enter picks
    that commune only (Streamlit's fuzzy filter and its « Select all » picked the whole province of Namur for
    « Namur » + Enter, 154 communes after seven names: seen in chromium only), the links come as a file to
    download, and Eupen's link opens Eupen's questionnaire in German."""
    import csv

    server = fresh_campaign_server
    context = chromium.new_context(viewport={"width": 1280, "height": 1000}, locale="fr-BE", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        page.goto(f"{server.url}/campagnes")
        page.wait_for_selector("h1")
        page.get_by_label("Mot de passe").fill("correct horse battery")
        page.get_by_role("button", name="Se connecter").click()
        page.get_by_text("Certaines communes").click()  # the Invitations tab opens first: nobody is invited
        wait_idle(page, 0.5)
        picker = page.get_by_role("combobox", name="Communes à inviter")
        for name in ("Namur", "Liège", "Eupen"):
            picker.click()
            picker.fill(name)
            page.wait_for_timeout(500)
            page.keyboard.press("Enter")
            wait_idle(page, 0.5)
        page.keyboard.press("Escape")
        chips = page.locator(".st-key-camp_inv_pick_0 .react-aria-ComboBox [data-tag]").evaluate_all(
            "tags => tags.map(t => t.getAttribute('aria-label'))")
        assert chips == ["Namur (Namur)", "Liège (Liège)", "Eupen (Liège)"], chips
        page.get_by_role("button", name="Créer les 3 liens d'invitation").click()
        wait_idle(page, 1.0)
        with page.expect_download() as download:
            page.locator(".st-key-camp_inv_dl button").click()
        path = tmp_path / "invitations.csv"
        download.value.save_as(path)
        rows = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
        assert sorted(r["commune"] for r in rows) == ["Eupen", "Liège", "Namur"]
        eupen = next(r["link"] for r in rows if r["commune"] == "Eupen")
        assert eupen.startswith(f"{server.url}/?t="), eupen  # the address the page was opened at
        page.goto(eupen)
        page.wait_for_selector("h1")
        wait_idle(page, 1.0)
        assert "Gemeinden" in page.locator("h1").first.inner_text()  # Eupen's space opens in German
        assert "Eupen" in page.locator("[data-testid='stSidebar']").inner_text()
        found = page.evaluate(OVERFLOW)
        assert found["page"] <= 0 and not found["wide"], found
    finally:
        context.close()
