"""AppTest fixtures: the app against a temporary store and the small test questionnaire."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "streamlit_app.py")
MINI = str(ROOT / "tests" / "data" / "mini.yaml")
PAGES = "maturity/app/pages"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MATURITY_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("MATURITY_DATABASE_URL", raising=False)
    monkeypatch.delenv("MATURITY_ADMIN_PASSWORD_HASH", raising=False)
    return tmp_path


@pytest.fixture
def mini(data_dir, monkeypatch):
    monkeypatch.setenv("MATURITY_QUESTIONNAIRE", MINI)
    return data_dir


def new_app(token: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if token:
        at.query_params["t"] = token
    return at


def started(nis: str = "92094") -> AppTest:
    """A session that chose a commune and started: now on the questionnaire page."""
    at = new_app()
    at.run()
    at.text_input(key="home_query").input(nis).run()
    at.radio(key="home_commune").set_value(nis).run()
    at.button(key="home_start").click().run()
    assert not at.exception
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"{PAGES}/{page}.py").run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def store(data_dir):
    from maturity.storage import Store

    return Store.from_env()


def part_button(at: AppTest, which: str):
    """The questionnaire's "next" or "prev" part button: its key names the part it was drawn in."""
    return next(b for b in at.button if str(b.key).startswith(f"{which}_step_"))
