"""From the results to a dated roadmap and its PST table, in a real browser (issue 14)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from conftest import MAIN, open_app, wait_idle

from maturity.answers import AnswersFile
from maturity.questionnaire import load_questionnaire
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


def test_target_then_roadmap_then_the_pst_download(page, server):
    token, store = _space(server)
    q = load_questionnaire()
    first = q.dimensions[0]
    open_app(page, server, f"resultats?t={token}")
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
    page.locator(MAIN).get_by_role("button", name="Ajouter").first.click()
    page.get_by_text("Dans la feuille de route").first.wait_for()
    wait_idle(page)
    plan = store.load_space(token).draft["plan"]
    assert len(plan) == 1 and plan[0]["status"] == "planned"
    page.reload()
    page.get_by_text("Dans la feuille de route").first.wait_for()
    wait_idle(page)
    # the PST table, downloaded and read: the adopted action first, in the PST's structure
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name=re.compile("Actions pour le PST")).click()
    text = Path(info.value.path()).read_bytes().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:7] == ["Objectif stratégique", "Objectif opérationnel", "Action", "Responsable", "Échéance",
                           "Budget", "Statut"]
    rec = next(r for r in q.recommendations if r.id == plan[0]["recommendation"])
    assert rows[1][1] == q.t(rec.title, "fr") and rows[1][2] == plan[0]["action"]
    assert rows[1][4] == str(plan[0]["year"]) and rows[1][6] == "prévue"
