"""German terms, one word per thing across every German text a reader can see (issue 10 §5): the label
catalogs in the code (every ``"de": "…"`` of a dict literal under maturity/), the questionnaire and its
recommendations, the benchmark sets. "Wallonie" (as the German-speaking Community writes it, never
"Wallonien"), "Hemmnis" for an obstacle (the questionnaire's options: "Kein Hemmnis" … "Großes Hemmnis"),
"wallonisch" in lower case inside a sentence, "Plan für sozialen Zusammenhalt" for the PCS."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]

RULES = {
    "Wallonien": re.compile(r"Wallonien"),
    "Hemmnis, not Hindernis": re.compile(r"Hindernis"),
    "wallonisch in lower case": re.compile(r"(?<!^)(?<![.:!?–] )\bWallonisch"),
    "Plan für sozialen Zusammenhalt": re.compile(r"Sozialplan|sozialen? Kohäsion|Zusammenhaltsplan|"
                                                 r"Plan des sozialen Zusammenhalts"),
}


def code_texts() -> list[tuple[str, str]]:
    """Every German string of a dict literal in the package (the label catalogs)."""
    out = []
    for path in sorted((ROOT / "maturity").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict):
                for key, value in zip(node.keys, node.values, strict=True):
                    if (isinstance(key, ast.Constant) and key.value == "de" and isinstance(value, ast.Constant)
                            and isinstance(value.value, str)):
                        out.append((f"{path.relative_to(ROOT)}:{value.lineno}", value.value))
    return out


def data_texts() -> list[tuple[str, str]]:
    """Every German text of the questionnaires and the benchmark sets."""
    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "de" and isinstance(value, str):
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
    texts = dict(code_texts())
    assert len(texts) > 500  # the app's, the sheet's, the core's
    assert any(t == "Empfehlungsblatt" for t in texts.values())  # the sheet's catalog is read
    assert len(data_texts()) > 500


def test_german_texts_use_one_word_per_thing():
    bad = [(rule, where, text[:120]) for where, text in code_texts() + data_texts()
           for rule, pattern in RULES.items() if pattern.search(text)]
    assert not bad, "\n".join(map(str, bad))


def test_the_rules_catch_what_they_should():
    assert RULES["Wallonien"].search("Smart-City-Selbstbewertung · Wallonien")
    assert RULES["Hemmnis, not Hindernis"].search("Die Gemeinde nennt kein Hindernis")
    assert RULES["wallonisch in lower case"].search("Das Wallonische Smart-City-Barometer")
    assert not RULES["wallonisch in lower case"].search("Wallonisches Smart-City-Barometer 2021")
    assert not RULES["wallonisch in lower case"].search("Regional-IT – Wallonisches Barometer")


def test_a_german_rank_reads_as_german():
    """"auf Rang 1. der Dimensionen" mixed a cardinal's word with an ordinal's dot: "an 1. Stelle"."""
    from maturity.benchmarks import comparisons, load_benchmark_sets
    from maturity.questionnaire import load_questionnaire
    from maturity.scoring import score

    q = load_questionnaire()
    answers = {"approach": "started", "strategy_written": "yes",
               "strategy_dimensions": [o.id for o in q.question("strategy_dimensions").options]}
    texts = [c.text for c in comparisons(q, answers, score(q, answers), load_benchmark_sets(), "de")
             if c.question == "strategy_dimensions"]
    assert texts and not [t for t in texts if re.search(r"Rang \d+\.", t)]
    assert any("an 1. Stelle der Dimensionen" in t for t in texts)
