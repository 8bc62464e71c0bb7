"""The 262 communes, their peer groups, names and search."""

from __future__ import annotations

from collections import Counter

from maturity import communes


def test_the_262_communes_of_the_2021_barometer():
    all_ = communes.communes()
    assert len(all_) == 262
    assert sum(c.population for c in all_.values()) == 3_645_243
    assert Counter(c.province for c in all_.values()) == {
        "Brabant wallon": 27, "Hainaut": 69, "Liège": 84, "Luxembourg": 44, "Namur": 38}
    assert sum(c.language == "D" for c in all_.values()) == 9


def test_population_classes_match_the_documented_counts():
    counts = Counter(c.population_class for c in communes.communes().values())
    assert counts == {"lt5k": 57, "5k_10k": 92, "10k_20k": 74, "20k_50k": 30, "50k_plus": 9}
    assert communes.population_class(4_999) == "lt5k" and communes.population_class(5_000) == "5k_10k"
    assert communes.population_class(50_000) == "50k_plus"


def test_names_in_the_users_language():
    eupen = communes.get("63023")
    assert eupen.name("de") == "Eupen" and eupen.province_name("de") == "Lüttich"
    assert eupen.province_name("fr") == "Liège"
    butgenbach = communes.search("butgenbach")[0]
    assert butgenbach.name("de") == "Bütgenbach" and butgenbach.display_name.startswith("Bütgenbach")


def test_search_ignores_accents_case_and_hyphens():
    assert communes.search("ecaussinnes")[0].name_fr == "Écaussinnes"
    assert communes.search("fontaine l eveque")[0].name_fr == "Fontaine-l'Évêque"
    assert communes.search("92094")[0].name_fr == "Namur"
    assert communes.search("") == [] and communes.search("<script>") == []


def test_search_reads_abbreviations_and_names_in_three_languages_whole_name_first():
    first = lambda text: communes.search(text)[0].name_fr  # noqa: E731
    assert first("liege") == "Liège" and first("LIÈGE") == "Liège"
    assert first("la louviere") == "La Louvière" and first("chievres") == "Chièvres"
    assert first("st hubert") == first("saint-hubert") == first("St.-Hubert") == "Saint-Hubert"
    assert first("ste ode") == "Sainte-Ode"
    assert first("sankt vith") == first("st vith") == "Saint-Vith"  # German name, abbreviated
    assert first("luik") == "Liège" and first("bergen") == "Mons"  # Dutch
    assert first("lüttich") == first("luttich") == "Liège"  # German
    assert first("sain") == "Saint-Georges-sur-Meuse"  # still typing: every "Saint-", alphabetically
    assert [c.name_fr for c in communes.search("namur")] == ["Namur"]
    assert communes.search("zzz") == []


def test_a_name_typed_with_a_slip_finds_the_communes_close_to_it():
    close = lambda text: [c.name_fr for c in communes.search_close(text)]  # noqa: E731
    assert communes.search("daverdise") == [] and close("daverdise") == ["Daverdisse"]  # a letter missing
    assert close("bouilon") == ["Bouillon"] and close("tintigni") == ["Tintigny"] and close("hottom") == ["Hotton"]
    assert close("laroche") == ["La Roche-en-Ardenne"]  # a space left out
    assert close("florenvile") == ["Florenville"] and close("vresse sur semoi") == ["Vresse-sur-Semois"]
    assert close("gedinnes")[0] == "Gedinne"  # the closest first
    assert close("zzz") == [] and close("<script>") == [] and close("xq") == []
    assert close("9209") == []  # a NIS code is never guessed
