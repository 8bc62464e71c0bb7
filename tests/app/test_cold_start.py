"""The app's first page imports what it needs, the rest when used (issue 16: cold start)."""

from __future__ import annotations

import subprocess
import sys

from conftest import APP

FIRST_PAGE = f"""
import sys
from streamlit.testing.v1 import AppTest

at = AppTest.from_file({APP!r}, default_timeout=120)
at.run()
assert not at.exception, at.exception
assert at.text_input(key="home_query") is not None  # the home page, drawn
print(sorted(m for m in ("sqlalchemy", "maturity.storage", "pandas", "altair") if m in sys.modules))
"""


def test_the_home_page_opens_without_the_database_layer(data_dir):
    """SQLAlchemy and the store were most of what the app added to a one-line page's start; a first
    visit without a space never opens the store, so it is imported at the first use."""
    done = subprocess.run([sys.executable, "-c", FIRST_PAGE], capture_output=True, text=True, timeout=300)
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
