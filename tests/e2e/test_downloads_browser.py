"""The questionnaire page's two files, downloaded in chromium: Streamlit builds a download's bytes when it is
clicked, in a thread that is no script run (no session state, no query parameters). AppTest clicks a download
button but never builds its bytes, so only a browser sees what the user gets."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import MAIN, open_app, wait_idle

from maturity.storage import Store


def _download(page, section: str, label: str) -> dict:
    page.locator(MAIN).get_by_text(section).first.click()
    wait_idle(page)
    with page.expect_download(timeout=60_000) as info:
        page.locator(f"{MAIN} [data-testid='stDownloadButton'] button:visible").filter(has_text=label).first.click()
    return json.loads(Path(info.value.path()).read_text(encoding="utf-8"))


def test_the_answers_file_and_everything_stored_are_downloaded_whole(page, server):
    """The answers file of the questionnaire page (« gardez-le pour vos archives ») failed: its bytes read
    ``st.session_state["doc"]`` when clicked, outside a script run (KeyError, no file); « Vos données »
    (everything stored, the user's right of access) gave « {} », its token read from the URL there (hostile
    review 10)."""
    store = Store.from_env({"MATURITY_DATA_DIR": str(server.data_dir)})
    token = store.open_space("92094", "smart-city-wallonie", "2027.1", "fr")
    store.set_commune(token, "92094", "Namur")
    store.save_answer(token, "eco_business_digital", "information")
    store.save_note(token, "eco_business_digital", "note gardée")
    colleague = store.invite_member(token, "CPAS")
    open_app(page, server, f"questionnaire?t={token}")
    answers = _download(page, "Fichier de réponses", "Télécharger le fichier")
    assert answers["answers"] == {"eco_business_digital": "information"}
    assert answers["notes"] == {"eco_business_digital": "note gardée"}
    everything = _download(page, "Vos données", "tout")
    assert everything["draft"]["answers"] == {"eco_business_digital": "information"}, list(everything)
    text = json.dumps(everything)
    assert "CPAS" in text and token not in text and colleague not in text  # the team, never a link
