"""A module imported at its first use: the app's first page without SQLAlchemy or pydantic, a single
`maturity sheet` without numpy (issue 16: start-up times)."""

from __future__ import annotations

import importlib
from typing import Any


class OnFirstUse:
    """Stands for a module not imported yet: the first attribute read imports it (an ``except
    module.Error`` reads the name only when an exception is raised)."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> Any:
        return getattr(importlib.import_module(self._name), attr)

    def __repr__(self) -> str:
        return f"<{self._name}, imported on first use>"
