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
    """The same values in every language; but French's own ``{fr_de}`` (« de » or « d' » before a name,
    maturity.typography.french_de) and ``{fr_que}`` (« que » or « qu' », french_que), which German and English
    have no use for."""
    for key, entry in TEXTS.items():
        assert _fields(entry["de"]) == _fields(entry["fr"]) - {"fr_de", "fr_que"} == _fields(entry["en"]), key


def test_tr_falls_back_to_french_and_fills_values():
    assert tr("progress_overall", "xx", answered=3, total=10) == "3 questions répondues sur 10"
    assert tr("progress_overall", "de", answered=3, total=10) == "3 von 10 Fragen beantwortet"


def test_counts_take_the_plural_form_of_each_language():
    assert tr("progress_overall", "fr", answered=1, total=7) == "1 question répondue sur 7"
    assert tr("progress_overall", "fr", answered=0, total=7) == "0 question répondue sur 7"  # French: 0 is singular
    assert tr("upload_ok", "fr", count=1) == "Fichier chargé\u00a0: 1 réponse reprise."
    assert tr("upload_ok", "de", count=0) == "Datei geladen: 0 Antworten übernommen."  # German: 0 is plural
    assert tr("upload_ok", "de", count=1) == "Datei geladen: 1 Antwort übernommen."
    assert tr("upload_ok", "en", count=2) == "File loaded: 2 answers taken over."
    assert tr("admin_bulk_client_button", "fr", n=1, fp="ab12") == "Retirer l'entrée de ab12"
    assert tr("admin_bulk_client_button", "de", n=3, fp="ab12") == "Die 3 Einträge von ab12 zurückziehen"
    assert tr("team_spread", "fr", points="1,5") == "écart de 1,5 point sur 100"  # a number already written
    assert tr("team_spread", "en", points="1.5") == "1.5 points apart out of 100"


def test_no_text_writes_a_plural_the_lazy_way():
    """Counts go through plural forms ({n:one|other}), never "réponse(s)", "Antwort(en)" or "entry(ies)"."""
    import re

    from maturity.sheet.content import TEXTS as SHEET_TEXTS

    lazy = re.compile(r"\w\((s|e|en|n|es|ies|x)\)")
    for catalog in (TEXTS, SHEET_TEXTS):
        for key, entry in catalog.items():
            for lang in LANGS:
                assert not lazy.search(entry.get(lang, "")), (key, lang, entry.get(lang))


def test_the_sheet_counts_in_the_plural_form_of_each_language():
    from maturity.labels import overall_detail
    from maturity.sheet.content import t

    assert t("notes_more", "fr", n=1).startswith("1 autre remarque dans")
    assert t("notes_more", "de", n=2).startswith("2 weitere Anmerkungen in")
    assert t("roadmap_more", "en", n=1).startswith("And 1 more action:")
    assert overall_detail(4, 6, "fr") == "moyenne de 4 dimensions sur 6\u00a0; les 2 autres ont trop peu de réponses"
    assert t("priorities_intro", "de", n=1, total=9).startswith("Die erste Empfehlung, die")


def test_help_texts_name_the_options_as_they_are_written():
    """A help text quotes an option exactly as the respondent sees it (case included)."""
    from maturity.questionnaire import load_questionnaire
    from maturity.scoring import CITED_SEVERITY
    from maturity.sheet.content import TEXTS as SHEET_TEXTS

    q = load_questionnaire()
    budget = q.question("budget") or q.obstacles[0]
    for lang in LANGS:
        na, unknown = tr("na_option", lang), tr("unknown_option", lang)
        assert na in tr("why_help", lang) and unknown in tr("why_help", lang), lang
        assert na in q.t(q.description, lang) and unknown in q.t(q.description, lang), lang
        for key in ("method", "method_short"):
            assert na in SHEET_TEXTS[key][lang], (key, lang)
        assert unknown in SHEET_TEXTS["method"][lang], lang
        cited = [q.t(o.label, lang) for o in budget.options if (o.score or 0) >= CITED_SEVERITY]
        assert len(cited) == 2
        for label in cited:
            assert label in tr("obstacles_caption", lang), (label, lang)
            assert label in SHEET_TEXTS["obstacles_note"][lang], (label, lang)  # the "(2/3)" footnote
        for option in (budget.options[0], budget.options[-1]):
            assert q.t(option.label, lang) in SHEET_TEXTS["method"][lang], lang


def test_german_and_english_name_the_pst_in_their_own_words():
    """"in der Struktur des Programme Stratégique Transversal" on a German commune's roadmap: the French
    name of a Walloon instrument, unexplained (found in the fresh-eyes trial)."""
    from maturity.app.texts import TEXTS
    from maturity.sheet.content import TEXTS as SHEET_TEXTS

    for catalog in (TEXTS, SHEET_TEXTS):  # the DOCX's "Für das PST" page too (fresh-eyes trial 6)
        for key, text in catalog.items():
            for lang in ("de", "en"):
                assert "Programme Stratégique Transversal" not in text.get(lang, ""), (key, lang)


def test_the_german_single_colleague_note_never_reads_as_the_holders_answers():
    """« Ihre Antworten sind die Vorschläge » read as « your answers » (formal Ihre) to the Schöffe running the
    meeting, where it meant the one colleague's (fresh-eyes trial 8)."""
    from maturity.app.texts import tr

    text = tr("team_one_respondent", "de")
    assert "Ihre Antworten" not in text and "Die Antworten dieser Person sind die Vorschläge" in text


def test_the_roadmaps_help_names_the_way_to_write_an_action_on_a_phone_too():
    """On a phone the roadmap is a list and a form, with no table: its help sent the reader to « la dernière
    ligne du tableau » alone (fresh-eyes trial 9, 390 px)."""
    for lang in ("fr", "de", "en"):
        assert tr("roadmap_phone_new", lang) in tr("roadmap_help", lang), lang


def test_a_colleagues_page_never_assumes_their_gender():
    """« seule la personne qui vous a invité les voit » on the colleague's banner, whoever the colleague is: Waremme's
    invitations went to a DG and an IT lead of either gender (fresh-eyes trial 13). The French texts a colleague
    reads now speak of « la personne qui vous a envoyé ce lien »."""
    french = [texts["fr"] for texts in TEXTS.values() if isinstance(texts, dict) and isinstance(texts.get("fr"), str)]
    assert not [text for text in french if "vous a invité" in text]
    for key in ("team_member_banner", "team_member_only", "team_member_done"):
        assert "la personne qui vous a envoyé ce lien" in TEXTS[key]["fr"].lower(), key
