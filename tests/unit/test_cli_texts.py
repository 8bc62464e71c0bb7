"""The command line's one catalog of texts (maturity/cli/texts.py): every text in French, German and English, with
the same placeholders, looked up as the app's are (French's no-break spaces, plural forms)."""

from __future__ import annotations

import string

from maturity.cli.texts import TEXTS, t

LANGS = ("fr", "de", "en")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_fr_de_en_with_the_same_placeholders():
    for key, entry in TEXTS.items():
        assert set(entry) == set(LANGS), key
        for lang in LANGS:
            assert entry[lang].strip(), (key, lang)
        assert _fields(entry["fr"]) == _fields(entry["de"]) == _fields(entry["en"]), key


def test_t_gives_french_its_no_break_spaces_and_falls_back_to_french():
    assert t("written", "fr", path="a.pdf") == "écrit\u00a0: a.pdf"
    assert t("written", "de", path="a.pdf") == "geschrieben: a.pdf"
    assert t("written", "xx", path="a.pdf") == "écrit\u00a0: a.pdf"
    assert t("recs_priority", "fr", n=2) == "priorité 2"


def test_the_command_groups_keep_no_catalog_of_their_own():
    """One catalog for the command line's texts (as maturity/app/texts.py for the app): a group that writes its own
    ``{"fr": …, "de": …, "en": …}`` is named here (four groups had their own before: recommendations, plan,
    benchmarks and score's reason)."""
    import ast
    from pathlib import Path

    cli = Path(__file__).resolve().parents[2] / "maturity" / "cli"
    found = []
    for path in sorted(cli.glob("*.py")):
        if path.name == "texts.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and any(isinstance(k, ast.Constant) and k.value == "fr" for k in node.keys):
                found.append(f"{path.name}:{node.lineno}")
    assert not found, found
