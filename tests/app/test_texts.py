"""Every UI text exists in French, German and English, with the same placeholders."""

import string

from maturity.app.texts import LANGS, TEXTS, tr


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_fr_de_en():
    for key, entry in TEXTS.items():
        assert set(entry) == set(LANGS), key
        for lang in LANGS:
            assert entry[lang].strip(), (key, lang)


def test_placeholders_agree_across_languages():
    for key, entry in TEXTS.items():
        assert _fields(entry["de"]) == _fields(entry["fr"]) == _fields(entry["en"]), key


def test_tr_falls_back_to_french_and_fills_values():
    assert tr("progress_overall", "xx", answered=3, total=10) == "3 questions répondues sur 10"
    assert tr("progress_overall", "de", answered=3, total=10) == "3 von 10 Fragen beantwortet"
