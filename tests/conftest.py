from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def mini():
    from maturity.questionnaire import load_questionnaire

    return load_questionnaire(DATA / "mini.yaml")


@pytest.fixture(scope="session")
def default_questionnaire():
    from maturity.questionnaire import load_questionnaire

    return load_questionnaire()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """`make test` runs the suite on two workers (pytest-xdist, ``--dist loadgroup``): the browser and
    load tests go together to one of them, so that one chromium and one app server (session fixtures)
    serve them all and they do not crowd each other on a small machine; every other test goes to
    whichever worker is free. Without ``-n`` the mark does nothing."""
    browser = pytest.mark.xdist_group("browser")
    for item in items:
        if item.get_closest_marker("e2e") or item.get_closest_marker("load"):
            item.add_marker(browser)
