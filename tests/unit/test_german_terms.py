"""German terms, one word per thing across every German text a reader can see (issue 10 §5): the label
catalogs in the code (every ``"de": "…"`` of a dict literal under maturity/), the questionnaire and its
recommendations, the benchmark sets. "Wallonie" (as the German-speaking Community writes it, never
"Wallonien"), "Hemmnis" for an obstacle (the questionnaire's options: "Kein Hemmnis" … "Großes Hemmnis"),
"wallonisch" in lower case inside a sentence, "Plan für sozialen Zusammenhalt" for the PCS, "Gemeindekollegium" for the
Collège communal (the German-speaking communes' own word; "Kollegium" alone reads first as a school's teaching staff, and
the app's PDF button, the home page and part of the questionnaire said it where the rest said "Gemeindekollegium":
fresh-eyes trial in German, Eupen)."""

from __future__ import annotations

import re

from . import catalog_texts

RULES = {
    "Wallonien": re.compile(r"Wallonien"),
    "Hemmnis, not Hindernis": re.compile(r"Hindernis"),
    "wallonisch in lower case": re.compile(r"(?<!^)(?<![.:!?–] )\bWallonisch"),
    "Gemeindekollegium, not Kollegium alone": re.compile(r"(?<![A-Za-zäöüß-])Kollegiums?\b"),
    # the resume link had three names: « Wiederaufnahme-Link » (the French « lien de reprise » word for word, on the
    # home page and above the link), « Fortsetzungslink » (privacy, admin) and « Link zum Fortsetzen »
    "Link zum Fortsetzen": re.compile(r"Wiederaufnahme|Fortsetzungs-?[Ll]ink"),
    # the commune's own strategic plan (the PST in Wallonia, whatever a German-speaking commune has): the
    # recommendations said « Strategieplan der Gemeinde », the questionnaire « strategisches Programm der Gemeinde »
    "Strategieplan der Gemeinde": re.compile(r"strategische[nms]? Programms?\b"),
    # the recommendation sheet is « das Blatt » (its buttons « Blatt für das Gemeindekollegium (PDF) », « Blatt zum
    # Bearbeiten », its title « Empfehlungsblatt »); the role fields beside its buttons called it « der Bericht », the
    # word of the campaign's report (fresh-eyes trial 15, Amel). The merge's report (--report) is one.
    "das Blatt, not der Bericht": re.compile(r"\b(?:[Dd]er|[Ii]m) Bericht\b(?! \(--report\))"),
    # « sans se déplacer » word for word: « ohne sich zu bewegen » (without moving at all), « ohne Weg zu verfolgen »
    # (fresh-eyes trial 15); « von zu Hause aus », « ohne aufs Amt zu gehen »
    "sans se déplacer, not word for word": re.compile(r"ohne sich zu bewegen|ohne Weg\b"),
    # a dimension's score is its « Wert » (the results table's « Ihr Wert », the sheet's « Wert »); the recommendations'
    # « Laut Ihren Antworten » line said « Smart Mobility – Mobilität: Punktzahl 18 » (fresh-eyes trial 15)
    "Wert, not Punktzahl": re.compile(r"Punktzahl"),
    "Plan für sozialen Zusammenhalt": re.compile(r"Sozialplan|sozialen? Kohäsion|Zusammenhaltsplan|"
                                                 r"Plan des sozialen Zusammenhalts"),
}


def code_texts() -> list[tuple[str, str]]:
    return catalog_texts.code_texts("de")


def data_texts() -> list[tuple[str, str]]:
    return catalog_texts.data_texts("de")


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
    assert RULES["Strategieplan der Gemeinde"].search("Teil des strategischen Programms der Gemeinde")
    assert not RULES["Strategieplan der Gemeinde"].search("Projekte des strategischen Querschnittsprogramms (PST)")
    assert RULES["Link zum Fortsetzen"].search("Ihr Wiederaufnahme-Link")
    assert RULES["Link zum Fortsetzen"].search("Kennung des Bereichs (Fortsetzungslink)")
    assert RULES["Gemeindekollegium, not Kollegium alone"].search("Blatt für das Kollegium (PDF)")
    assert RULES["das Blatt, not der Bericht"].search("Ihre Rolle, im Bericht genannt (freiwillig)")
    assert not RULES["das Blatt, not der Bericht"].search("der Bericht (--report) nennt alle")
    assert not RULES["das Blatt, not der Bericht"].search("Bericht (PDF)")
    assert RULES["sans se déplacer, not word for word"].search("das Gemeindeleben ohne Weg zu verfolgen")
    assert not RULES["sans se déplacer, not word for word"].search("ohne Wegweiser")
    assert RULES["Gemeindekollegium, not Kollegium alone"].search("Beschluss des Kollegiums")
    assert not RULES["Gemeindekollegium, not Kollegium alone"].search("Beschluss des Gemeindekollegiums")
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


def test_where_the_app_or_the_sheet_explains_the_pst_it_speaks_to_a_german_speaking_commune_too():
    """« Das PST ist das strategische Querschnittsprogramm der Gemeinde » told a commune of the German-speaking
    Community that it had a Walloon instrument, which the recommendations say it does not have as such (fresh-eyes
    trial in German, Eupen). Each text that explains the PST says what its table is to such a commune."""
    explained = [(where, text) for where, text in code_texts() if "Querschnittsprogramm" in text]
    assert len(explained) >= 3  # the downloads' help, the roadmap's help, the editable sheet's PST page
    assert not [(where, text[:120]) for where, text in explained if "Deutschsprachigen Gemeinschaft" not in text]
