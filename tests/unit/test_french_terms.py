"""French terms, one spelling per thing across every French text a reader can see: the label catalogs in the
code (every ``"fr": "…"`` of a dict literal under maturity/), the questionnaire and its recommendations, the
benchmark sets. The PST is the « Programme Stratégique Transversal », capitalised as the UVCW and the
Code de la démocratie locale write it (the fresh-eyes trial, Durbuy: the downloads' help read « Programme
stratégique transversal » a few lines above « Programme Stratégique Transversal »)."""

from __future__ import annotations

import re

from . import catalog_texts

RULES = {
    "Programme Stratégique Transversal": re.compile(r"(?i:programme stratégique transversal)(?<!"
                                                    r"Programme Stratégique Transversal)"),
}


def code_texts() -> list[tuple[str, str]]:
    return catalog_texts.code_texts("fr")


def data_texts() -> list[tuple[str, str]]:
    return catalog_texts.data_texts("fr")


def test_the_scan_reads_the_catalogs():
    texts = code_texts()
    assert len(texts) > 500
    assert any("Programme Stratégique Transversal" in t for _where, t in texts)
    assert any("Programme Stratégique Transversal" in t for _where, t in data_texts())


def test_one_spelling_per_thing():
    found = [f"{where}: {name}: {text[:90]!r}" for where, text in code_texts() + data_texts()
             for name, rule in RULES.items() if rule.search(text)]
    assert found == [], "\n".join(found)
