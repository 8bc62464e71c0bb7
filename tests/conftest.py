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
