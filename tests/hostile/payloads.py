"""Hostile texts and hypothesis strategies shared by the hostile-input tests."""

from __future__ import annotations

import html
import json
import re

from hypothesis import strategies as st

# Markup, script, formula and layout attacks a commune name, a role, a note or a text answer may carry.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">clic</a>",
    "[clic](javascript:alert(1))",
    "[clic](<javascript:alert(1)>)",
    "![img](https://evil.example/x.png)",
    "<https://evil.example>",
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;",
    "\\<script>alert(1)\\</script>",
    "**gras** _ital_ `code` ~~barré~~",
    "# Titre\n## Sous-titre",
    "| a | b |\n|---|---|\n| c | d |",
    "> citation\n- puce\n1. numéro",
    "```\ncode\n```",
    "<!-- commentaire -->",
    "=HYPERLINK(\"https://evil.example\";\"clic\")",
    "=1+1",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "Namur\u202eevil",  # right-to-left override
    "zero\u200bwidth",
    "nul\x00byte\x07bell",
    "emoji 😀🏛️",
    "surrogate \ud800 alone",
    "x" * 400,
    "Ça, c'est la « commune » d'Écaussinnes — Sankt Vith",
]

# Every character class, lone surrogates included (JSON can carry them as \ud800 escapes).
any_char = st.characters(codec=None, exclude_categories=())
any_text = st.text(any_char, max_size=120)
hostile_text = st.one_of(st.sampled_from(PAYLOADS), any_text,
                         st.builds(lambda a, b: a + b, st.sampled_from(PAYLOADS), any_text))

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                         st.text(any_char, max_size=30), st.sampled_from(["na", "unknown", "yes", "no", ""]))
json_values = st.recursive(json_scalars, lambda children: st.one_of(
    st.lists(children, max_size=5), st.dictionaries(st.text(any_char, max_size=12), children, max_size=5)),
    max_leaves=20)


def dumps(value) -> str:
    """JSON text of ``value`` (lone surrogates written as escapes, as a hostile file would)."""
    return json.dumps(value, ensure_ascii=True)


# --- mutating a valid document ---------------------------------------------------------------------


def paths(node, prefix=()):
    """Every path to a node of a JSON-like tree (the root excluded)."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*prefix, key)
            yield from paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield (*prefix, i)
            yield from paths(value, (*prefix, i))


def _parent(root, path):
    node = root
    for part in path[:-1]:
        node = node[part]
    return node


def mutate(root, path, op: str, value):
    """Apply one mutation in place: replace, delete, add a sibling key/item, duplicate, wrap."""
    parent = _parent(root, path)
    key = path[-1]
    if op == "replace":
        parent[key] = value
    elif op == "delete":
        del parent[key]
    elif op == "add":
        if isinstance(parent, dict):
            parent[f"{key}_x" if isinstance(key, str) else "extra"] = value
        else:
            parent.insert(key, value)
    elif op == "duplicate":
        if isinstance(parent, list):
            parent.append(json.loads(json.dumps(parent[key])))
        else:
            parent[key] = [parent[key], parent[key]]
    elif op == "wrap":
        parent[key] = {"value": parent[key]} if not isinstance(parent[key], dict) else [parent[key]]
    return root


mutations = st.lists(st.tuples(st.integers(min_value=0), st.sampled_from(["replace", "delete", "add", "duplicate", "wrap"]),
                               json_values), min_size=1, max_size=3)


def apply_mutations(root, drawn):
    for index, op, value in drawn:
        found = list(paths(root))
        if not found:
            break
        mutate(root, found[index % len(found)], op, value)
    return root


# --- checking Markdown output -------------------------------------------------------------------------


def unescaped_at(text: str, index: int) -> bool:
    """Whether the character at ``index`` is not escaped by a backslash."""
    backslashes = 0
    i = index - 1
    while i >= 0 and text[i] == "\\":
        backslashes += 1
        i -= 1
    return backslashes % 2 == 0


def markdown_unescape(md: str) -> str:
    """What a reader sees of escaped Markdown text: backslash escapes and character references (``&lt;``,
    ``&#58;``) undone, the word joiners (``&NoBreak;``, no width: what keeps a typed address from being a link)
    unseen."""
    text = re.sub(r"\\(.)", r"\1", md)
    return html.unescape(text).replace("\u2060", "")
