"""The line of each field of a JSON text, so that a problem can name ``file:line: path``.

``lines(text)`` maps field paths written as in :func:`maturity.errors.format_path`
(``targets.alpha.by``, ``plan[2].year``, ``answers.gov_strategy``) to the 1-based line where the
field's key (or the list element) starts. Only called once a problem was found, on a text that
``json.loads`` accepted; anything unexpected ends the walk quietly (a place without a line is
still a place).
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Iterable
from dataclasses import replace
from json.decoder import scanstring

from .errors import Problem

_SPACE = re.compile(r"[ \t\n\r]*")
_SCALAR = re.compile(r"-?[0-9][0-9.eE+-]*|true|false|null")
MAX_DEPTH = 64


def lines(text: str) -> dict[str, int]:
    return _walk(text)[0]


def duplicate_keys(text: str) -> list[tuple[str, int, int]]:
    """Each key given twice in one object of the JSON text: ``(path, first line, line)``, in the text's order.
    ``json.loads`` keeps the last value of such a key without a word; a key inside an object that is itself
    given twice is not listed again."""
    found: list[tuple[str, int, int]] = []
    for path, first, line in _walk(text)[1]:
        if not any(path.startswith((f"{p}.", f"{p}[")) for p, _, _ in found):
            found.append((path, first, line))
    return found


def _walk(text: str) -> tuple[dict[str, int], list[tuple[str, int, int]]]:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    out: dict[str, int] = {}
    twice: list[tuple[str, int, int]] = []

    def line_at(pos: int) -> int:
        return bisect.bisect_right(starts, pos)

    def value(i: int, path: str, depth: int) -> int:
        i = _SPACE.match(text, i).end()
        if depth > MAX_DEPTH or i >= len(text):
            raise ValueError
        c = text[i]
        if c == "{":
            i = _SPACE.match(text, i + 1).end()
            if text[i] == "}":
                return i + 1
            seen: dict[str, int] = {}  # this object's keys, at their first line
            while True:
                key_pos = i
                key, i = scanstring(text, i + 1)
                here = f"{path}.{key}" if path else key
                if key in seen:
                    twice.append((here, seen[key], line_at(key_pos)))
                seen.setdefault(key, line_at(key_pos))
                out.setdefault(here, line_at(key_pos))
                i = _SPACE.match(text, i).end() + 1  # the colon
                i = value(i, here, depth + 1)
                i = _SPACE.match(text, i).end()
                if text[i] == "}":
                    return i + 1
                i = _SPACE.match(text, i + 1).end()  # the comma
        if c == "[":
            i = _SPACE.match(text, i + 1).end()
            if text[i] == "]":
                return i + 1
            index = 0
            while True:
                i = _SPACE.match(text, i).end()
                here = f"{path}[{index}]"
                out.setdefault(here, line_at(i))
                i = _SPACE.match(text, value(i, here, depth + 1)).end()
                if text[i] == "]":
                    return i + 1
                i += 1
                index += 1
        if c == '"':
            return scanstring(text, i + 1)[1]
        m = _SCALAR.match(text, i)
        if not m:
            raise ValueError
        return m.end()

    with contextlib.suppress(ValueError, IndexError):
        value(0, "", 0)
    return out, twice


def with_lines(problems: Iterable[Problem], text: str | None) -> list[Problem]:
    """The problems, each with the line of its path in ``text`` when it has none and it is found
    (not for a text on one line, e.g. a compact JSON file)."""
    problems = list(problems)
    if not text or "\n" not in text.strip() or not any(p.line is None and p.path for p in problems):
        return problems  # a file on one line: its line number would tell nothing
    found = lines(text)
    out = []
    for p in problems:
        line = found.get(p.path) if p.line is None and p.path else None
        out.append(p if line is None else replace(p, line=line))
    return out
