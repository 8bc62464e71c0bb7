"""The app's first page imports what it needs, the rest when used (issue 16: cold start)."""

from __future__ import annotations

import subprocess
import sys

from conftest import APP, new_app

FIRST_PAGE = f"""
import sys
from streamlit.testing.v1 import AppTest

at = AppTest.from_file({APP!r}, default_timeout=120)
at.run()
assert not at.exception, at.exception
assert at.text_input(key="home_query") is not None  # the home page, drawn
print(sorted(m for m in LATER if m in sys.modules))
"""
# what a first visit's home page never needs: the store, the tables and charts, the image libraries (the
# favicon is named by its address), the questionnaire and its YAML reader (loaded at a start or a resume),
# pydantic and the models (the app's logic: the home page draws with maturity.app.names)
LATER = ("sqlalchemy", "maturity.storage", "pandas", "altair", "numpy", "PIL", "maturity.questionnaire",
         "maturity.yamlio", "yaml", "pydantic", "maturity.models", "maturity.app.logic")


def test_the_home_page_opens_without_the_database_layer(data_dir):
    """SQLAlchemy and the store were most of what the app added to a one-line page's start; a first
    visit without a space never opens the store, so it is imported at the first use. The same for numpy
    and PIL (Streamlit imported them to read the favicon), for the questionnaire (300 KB of YAML) and for
    pydantic with the models."""
    done = subprocess.run([sys.executable, "-c", f"LATER = {LATER!r}\n" + FIRST_PAGE], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout


def test_the_pages_still_catch_the_stores_errors_by_their_names():
    """``except session.StorageError`` in the pages names the store's own classes, loaded on demand."""
    import maturity.storage
    from maturity.app import session

    for name in ("StorageError", "SpaceNotFound", "CommuneLocked", "Store"):
        assert getattr(session, name) is getattr(maturity.storage, name)
    try:
        raise maturity.storage.StorageError("busy")
    except session.storage.StorageError as exc:
        assert exc.kind == "busy"


def test_a_questionnaire_that_cannot_be_loaded_is_said_when_the_commune_starts(data_dir, tmp_path, monkeypatch):
    """The home page no longer loads the questionnaire for a first visit: a broken file is said when the
    commune starts (or resumes), and nothing is opened."""
    from maturity.app.texts import tr

    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("MATURITY_QUESTIONNAIRE", str(broken))
    at = new_app()
    at.run()
    assert not at.exception and not at.error  # the page, its search and its button, drawn
    at.text_input(key="home_query").input("92094").run()
    at.button(key="home_start").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [tr("no_questionnaire", "fr")]
    assert "t" not in at.query_params  # no space opened, still on the home page
    assert at.text_input(key="home_query").value == "92094"


def test_the_app_logic_is_loaded_when_first_used():
    """``session.logic`` is the app's logic, imported at its first use; its names for the home page are
    the same functions as ``maturity.app.names``'s."""
    from maturity.app import logic, names, session

    assert session.logic.document_of is logic.document_of
    for name in ("commune_label", "commune_name", "token_from_input", "resume_url"):
        assert getattr(logic, name) is getattr(names, name)
