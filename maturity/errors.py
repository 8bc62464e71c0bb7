"""Problems found in user input, reported all together and each with its place.

A *place* is what a commune official or a maintainer needs to find the fault:
the file, the line when known, and the field path (``sections[2].questions[4].score``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
# the languages a page says a problem in (maturity.app.logic.problem_said)
PAGE_LANGS = ("fr", "de", "en")


def labelled_options(options: Iterable[tuple[str, object]]) -> tuple[tuple[str, str], ...]:
    """A refusal's list of ids (``options``, the command line's: « none, some, half, full ») as a page in each
    language says it (``options_fr``, ``options_de``, ``options_en``): each option's label, then its id, which a
    file needs: « Rien » (none), « Un peu » (some). ``options``: (id, label) pairs, a label being a text or a
    {lang: text} mapping."""
    from .models import localize
    from .typography import quoted

    pairs = list(options)
    return tuple((f"options_{lang}", ", ".join(
        f"{quoted(localize(label, lang).strip().rstrip('.'), lang)} ({oid})" if localize(label, lang).strip()
        else oid for oid, label in pairs)) for lang in PAGE_LANGS)


@dataclass(frozen=True)
class Problem:
    message: str
    path: str = ""
    file: str | None = None
    line: int | None = None
    severity: Severity = "error"
    # what the problem is, for a screen that says it in its reader's language: a key of that screen's
    # catalog and the values its text names (``message`` stays the command line's English)
    code: str = ""
    params: tuple[tuple[str, str], ...] = ()

    @property
    def place(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file if self.line is None else f"{self.file}:{self.line}")
        elif self.line is not None:
            parts.append(f"line {self.line}")
        if self.path:
            parts.append(self.path)
        return ": ".join(parts)

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == "warning" else ""
        place = self.place
        return f"{prefix}{place}: {self.message}" if place else f"{prefix}{self.message}"


@dataclass
class InvalidInput(Exception):
    """Raised with every problem of an input; never shown as a traceback."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.summary())

    def summary(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def __str__(self) -> str:
        return self.summary()


def format_path(loc: Iterable[str | int]) -> str:
    """``("sections", 2, "questions", 4)`` -> ``sections[2].questions[4]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
