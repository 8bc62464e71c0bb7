"""The one safe YAML reader of the project.

PyYAML's safe loader (the C one when available) behind guards that refuse hostile
files quickly instead of expanding them: a size limit, no anchors or aliases
(the "billion laughs" bomb), a nesting limit, a node limit, no duplicate keys.
It also returns the line of every field, so that validation errors can name
``file:line: sections[2].questions[4]``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from .errors import InvalidInput, Problem
from .fileio import read_at_most
from .typography import control_character

try:  # the C parser is ~20x faster; fall back to the pure Python one
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader with YAML 1.2 booleans: only true/false are booleans.

    YAML 1.1 reads ``yes``, ``no``, ``on``, ``off`` as booleans, so an option id
    ``no`` would silently become ``False`` (the "Norway problem").
    """


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)

MAX_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 32
MAX_NODES = 200_000

LineMap = dict[tuple[str | int, ...], int]


def _fail(name: str, message: str, line: int | None = None) -> InvalidInput:
    return InvalidInput([Problem(message=message, file=name, line=line)])


def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise _fail(name, "file not found") from None
    except OSError as exc:
        raise _fail(name, f"cannot read the file ({exc.strerror})") from None
    if size > max_bytes:
        raise _fail(name, f"file too large ({size:,} bytes; at most {max_bytes:,})")
    try:
        raw = read_at_most(path, max_bytes)
    except OSError as exc:
        raise _fail(name, f"cannot read the file ({exc.strerror})") from None
    if len(raw) > max_bytes:  # not a regular file (a pipe, a device): its size was unknown
        raise _fail(name, f"file too large (more than {max_bytes:,} bytes)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _fail(name, f"not UTF-8 text (byte {exc.start})") from None


def _check_events(text: str, name: str) -> None:
    depth = 0
    nodes = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                line = event.start_mark.line + 1 if event.start_mark else None
                raise _fail(name, "YAML anchors and aliases (&, *) are not allowed", line)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _fail(name, f"nested more than {MAX_DEPTH} levels deep", event.start_mark.line + 1)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.NodeEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    raise _fail(name, f"more than {MAX_NODES:,} values", event.start_mark.line + 1)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise _fail(name, f"not valid YAML: {problem}", mark.line + 1 if mark else None) from None


def _no_control(node: yaml.ScalarNode, problems: list[Problem], name: str) -> None:
    """A control character or a bidi override, written as an escape in a double-quoted string (« \\e[2J »): a
    file from elsewhere (a campaign's published figures) would send it to the terminal or the page that shows it."""
    found = control_character(node.value) if isinstance(node.value, str) else None
    if found is not None:
        problems.append(Problem(message=f"a control character (U+{ord(found):04X}) in a text: not allowed", file=name,
                                line=node.start_mark.line + 1))


def _walk(
    node: yaml.Node,
    loc: tuple[str | int, ...],
    lines: LineMap,
    problems: list[Problem],
    name: str,
    line: int | None = None,
) -> None:
    # a mapping entry is located at its key, where a reader looks for it
    lines[loc] = line if line is not None else node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        _no_control(node, problems, name)
    elif isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if isinstance(key_node, yaml.ScalarNode):
                _no_control(key_node, problems, name)
            if key in seen:
                problems.append(
                    Problem(
                        message=f"duplicate key {key!r} (first at line {seen[key]})",
                        file=name,
                        line=key_node.start_mark.line + 1,
                    )
                )
            else:
                seen[key] = key_node.start_mark.line + 1
            _walk(value_node, (*loc, key), lines, problems, name, key_node.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), lines, problems, name)


def load_yaml(text: str, name: str = "<yaml>") -> tuple[Any, LineMap]:
    """Parse ``text`` safely; return the data and a map from field path to line."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise _fail(name, f"file too large (at most {MAX_BYTES:,} bytes)")
    try:  # a lone surrogate (possible in a str, never in a file read as UTF-8) breaks the C parser
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise _fail(name, f"not valid Unicode text (character {exc.start + 1})") from None
    _check_events(text, name)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise _fail(name, "the file is empty")
        lines: LineMap = {}
        problems: list[Problem] = []
        _walk(node, (), lines, problems, name)
        if problems:
            raise InvalidInput(problems)
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise _fail(name, f"not valid YAML: {problem}", mark.line + 1 if mark else None) from None
    except (ValueError, OverflowError) as exc:  # a scalar the constructor cannot build (huge int, 2026-13-45)
        raise _fail(name, f"not a usable YAML value ({str(exc)[:80]})") from None
    finally:
        loader.dispose()
    return data, lines


def load_yaml_file(path: Path | str) -> tuple[Any, LineMap]:
    path = Path(path)
    return load_yaml(read_text(path), str(path))


def line_for(lines: LineMap, loc: tuple[str | int, ...]) -> int | None:
    """The line of ``loc``, or of its nearest ancestor present in the file."""
    loc = tuple(loc)
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())
