"""Every text a reader can see in one language, with its place: the label catalogs in the code (every
``"fr": "…"`` — or ``"de"``, ``"en"`` — of a dict literal under maturity/), and the questionnaires with their
recommendations and the benchmark sets. For the scans of one spelling per thing (test_french_terms,
test_german_terms)."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def code_texts(lang: str) -> list[tuple[str, str]]:
    """Every ``lang`` string of a dict literal in the package (the label catalogs)."""
    out = []
    for path in sorted((ROOT / "maturity").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if (isinstance(key, ast.Constant) and key.value == lang and isinstance(value, ast.Constant)
                            and isinstance(value.value, str)):
                        out.append((f"{path.relative_to(ROOT)}:{value.lineno}", value.value))
    return out


def data_texts(lang: str) -> list[tuple[str, str]]:
    """Every ``lang`` text of the questionnaires and the benchmark sets, but an action's former texts
    (``former_actions``): the words a commune's roadmap may have been saved with, kept as they were for good."""
    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "former_actions":
                    continue
                if key == lang and isinstance(value, str):
                    yield where, value
                else:
                    yield from walk(value, where)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value, where)

    files = sorted([*(ROOT / "questionnaires").glob("*.yaml"), *(ROOT / "data" / "benchmarks").glob("*.yaml")])
    return [item for path in files
            for item in walk(yaml.safe_load(path.read_text(encoding="utf-8")), str(path.relative_to(ROOT)))]
