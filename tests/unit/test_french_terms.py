"""French terms, one spelling per thing across every French text a reader can see: the label catalogs in the
code (every ``"fr": "…"`` of a dict literal under maturity/), the questionnaire and its recommendations, the
benchmark sets. The PST is the « Programme Stratégique Transversal », capitalised as the UVCW and the
Code de la démocratie locale write it (the fresh-eyes trial, Durbuy: the downloads' help read « Programme
stratégique transversal » a few lines above « Programme Stratégique Transversal »)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

RULES = {
    "Programme Stratégique Transversal": re.compile(r"(?i:programme stratégique transversal)(?<!"
                                                    r"Programme Stratégique Transversal)"),
}


def code_texts() -> list[tuple[str, str]]:
    """Every French string of a dict literal in the package (the label catalogs)."""
    out = []
    for path in sorted((ROOT / "maturity").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if (isinstance(key, ast.Constant) and key.value == "fr" and isinstance(value, ast.Constant)
                            and isinstance(value.value, str)):
                        out.append((f"{path.relative_to(ROOT)}:{value.lineno}", value.value))
    return out


def data_texts() -> list[tuple[str, str]]:
    """Every French text of the questionnaires and the benchmark sets."""
    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "fr" and isinstance(value, str):
                    yield where, value
                else:
                    yield from walk(value, where)
        elif isinstance(node, list):
            for value in node:
                yield from walk(value, where)

    files = sorted([*(ROOT / "questionnaires").glob("*.yaml"), *(ROOT / "data" / "benchmarks").glob("*.yaml")])
    return [item for path in files
            for item in walk(yaml.safe_load(path.read_text(encoding="utf-8")), str(path.relative_to(ROOT)))]


def test_the_scan_reads_the_catalogs():
    texts = code_texts()
    assert len(texts) > 500
    assert any("Programme Stratégique Transversal" in t for _where, t in texts)
    assert any("Programme Stratégique Transversal" in t for _where, t in data_texts())


def test_one_spelling_per_thing():
    found = [f"{where}: {name}: {text[:90]!r}" for where, text in code_texts() + data_texts()
             for name, rule in RULES.items() if rule.search(text)]
    assert found == [], "\n".join(found)
