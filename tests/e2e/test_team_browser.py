"""Answering as a team in the real browser: two colleagues' links in two browser contexts, and a
team of four from the invitations to the agreed assessment and its sheet."""

from __future__ import annotations

import re

import pytest
from conftest import MAIN, answer_current_step, answered, metric, run_axe, start_assessment, wait_idle

from maturity.storage import Store

pytestmark = pytest.mark.e2e


def _context(chromium):
    return chromium.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True, locale="fr-BE")


def _open(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("h1", timeout=60_000)
    wait_idle(page)


def test_two_colleagues_in_two_browsers_never_see_each_others_answers(chromium, server, axe_source):
    store = Store(data_dir=server.data_dir)
    try:
        holder = store.open_space("92094", "smart-city-wallonie", _version(store))
        a, b = store.invite_member(holder, "échevin"), store.invite_member(holder, "présidente du CPAS")
        ctx_a, ctx_b = _context(chromium), _context(chromium)
        page_a, page_b = ctx_a.new_page(), ctx_b.new_page()
        for pg in (page_a, page_b):
            pg.set_default_timeout(20_000)
        _open(page_a, f"{server.url}/questionnaire?m={a}")
        _open(page_b, f"{server.url}/questionnaire?m={b}")
        assert "échevin" in page_a.locator(MAIN).inner_text()
        assert "présidente du CPAS" in page_b.locator(MAIN).inner_text()
        assert answer_current_step(page_a, 3) > 0
        assert answer_current_step(page_b, 0) > 0
        note = page_b.locator(f"{MAIN} [data-testid='stExpander']").filter(has_text="note").first
        note.click()
        box = note.locator("textarea")
        box.fill("note-secrete-du-CPAS")
        box.press("Control+Enter")
        wait_idle(page_b, 1.0)
        answers_a, answers_b = store.load_member(a).answers, store.load_member(b).answers
        assert answers_a and answers_b and answers_a != answers_b
        assert "note-secrete-du-CPAS" in store.load_member(b).notes.values()
        # A reloads, moves around, tries the team page: never B's answers, note or role, nor the space's link
        for path in ("questionnaire", "equipe", "resultats"):
            _open(page_a, f"{server.url}/{path}?m={a}")
            html = page_a.content()
            assert "note-secrete-du-CPAS" not in html and "présidente du CPAS" not in html, path
            assert holder not in html and b not in html, path
        _open(page_a, f"{server.url}/questionnaire?m={a}")
        assert answered(page_a)[0] == len(answers_a)  # their own answers came back
        assert run_axe(page_a, axe_source) == []  # a colleague's page is as accessible as the holder's
        ctx_a.close()
        ctx_b.close()
    finally:
        store.close()


def _version(store: Store) -> str:
    from maturity.questionnaire import load_questionnaire

    return load_questionnaire().version


def test_a_team_of_four_agrees_in_one_meeting(chromium, server, page, axe_source):
    token = start_assessment(page, server)
    _open(page, f"{server.url}/equipe?t={token}")
    roles = ["échevin", "directeur général", "CPAS", "mobilité"]
    links = []
    for role in roles:
        page.get_by_label("Rôle (texte libre)").fill(role)
        page.get_by_role("button", name="Créer son lien").click()
        page.wait_for_selector(f"text=Lien créé pour « {role} »")
        wait_idle(page)
        links.append(page.locator(f"{MAIN} [data-testid='stCode']").first.inner_text().strip())
    assert all(re.search(r"/questionnaire\?m=[A-Za-z0-9_-]{43}$", link) for link in links)
    # each colleague answers the first part on their own, in their own browser
    for i, link in enumerate(links):
        ctx = _context(chromium)
        colleague = ctx.new_page()
        colleague.set_default_timeout(20_000)
        _open(colleague, link)
        colleague.wait_for_selector(f"{MAIN} [role='radiogroup']")
        wait_idle(colleague, 0.5)
        assert roles[i] in colleague.locator(MAIN).inner_text()
        assert answer_current_step(colleague, i) > 0
        ctx.close()
    # the meeting: divergent questions first, who answered what, a final answer picked and why
    _open(page, f"{server.url}/equipe?t={token}")
    assert metric(page, "Répondants") == "4"  # read by its label: the first metric drawn may be another
    first = page.locator(f"{MAIN} [class*='st-key-team_q_']").first
    assert all(role in first.inner_text() for role in roles)
    qid = re.search(r"st-key-team_q_(\w+)", first.get_attribute("class")).group(1)
    first.locator("[role='radiogroup'] label").nth(1).click()
    wait_idle(page, 1.0)
    why = first.get_by_label("Pourquoi ce choix (facultatif)")
    why.fill("Décidé en réunion : le plan existe mais n'est pas évalué")
    why.press("Enter")
    wait_idle(page, 1.0)
    page.get_by_role("button", name="Garder toutes les propositions pas encore décidées").click()
    wait_idle(page, 1.5)
    assert run_axe(page, axe_source) == []
    store = Store(data_dir=server.data_dir)
    try:
        draft = store.load_space(token).draft
        assert store.decisions(token) == {qid: "Décidé en réunion : le plan existe mais n'est pas évalué"}
        assert draft["respondent"]["team"] == roles
        assert len(draft["answers"]) >= 5 and draft["divergent"]
    finally:
        store.close()
    # results: the agreed assessment, each respondent's shape by role and the spread per dimension
    _open(page, f"{server.url}/resultats?t={token}")
    page.wait_for_selector("text=Les points de vue de l'équipe")
    page.wait_for_selector("th:has-text('Écart (points)')")
    page.wait_for_selector("text=mobilité (réponses propres)")
    wait_idle(page)
    body = page.locator(MAIN).inner_text()
    assert "mobilité (réponses propres)" in body and "Écart (points)" in body
    # and the sheet to take to the Collège
    _open(page, f"{server.url}/recommandations?t={token}")
    with page.expect_download() as download:
        page.locator(".st-key-dl_pdf button").click()
    assert download.value.path().read_bytes().startswith(b"%PDF")


def test_an_address_typed_in_a_note_is_shown_as_text_never_as_a_link(page, server):
    """A colleague's note « https://… », « www.… » or « name@host » was drawn as a link by Streamlit's Markdown
    (GitHub's autolinks, read after the escapes): a hostile colleague put a phishing link in front of the
    holder. The note shows its text, and no link, in the meeting's table; the holder's own note alike."""
    from maturity.questionnaire import load_questionnaire

    q = load_questionnaire()
    qid, question = next((qid, question) for qid, (_, question) in q.question_index.items()
                         if question.type == "scale" and question.show_if is None)
    low, high = question.option_ids[0], question.option_ids[-1]
    theirs = "Voir https://evil.example/login, www.evil.example/x, _www.evil.example ou écrire à phish@evil.example"
    mine = "Mon avis : http://autre.example et WWW.AUTRE.EXAMPLE"
    store = Store(data_dir=server.data_dir)
    try:
        holder = store.open_space("92094", "smart-city-wallonie", q.version)
        colleague = store.invite_member(holder, "échevin")
        store.save_answer(holder, qid, low)
        store.save_note(holder, qid, mine)
        store.save_member_answer(colleague, qid, high)
        store.save_member_note(colleague, qid, theirs)
    finally:
        store.close()
    _open(page, f"{server.url}/equipe?t={holder}")
    table = page.locator(f"{MAIN} .st-key-team_q_{qid} [data-testid='stTable']")
    table.wait_for()
    cells = [text.replace("\u2060", "") for text in table.locator("td").all_inner_texts()]
    assert theirs in cells and mine in cells, cells
    assert table.locator("a").count() == 0, table.inner_html()
    assert page.locator(f"{MAIN} a[href*='evil.example'], {MAIN} a[href*='autre.example']").count() == 0
