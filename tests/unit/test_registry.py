"""The commune registry with dates: which communes exist on which day (data/communes-changes.yaml)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from maturity import communes


def test_262_communes_before_the_merger_and_261_from_2_december_2024():
    assert len(communes.registry_at("2021-10-01")) == 262
    assert len(communes.registry_at(date(2024, 12, 1))) == 262
    today = communes.registry_at("2024-12-02")
    assert len(today) == 261
    codes = {c.nis_code for c in today}
    assert "82003" not in codes and "82005" not in codes and "82039" in codes
    assert Counter(c.province for c in today) == {
        "Brabant wallon": 27, "Hainaut": 69, "Liège": 84, "Luxembourg": 43, "Namur": 38}


def test_the_merged_commune_sums_the_population_and_keeps_the_province_and_name():
    old = communes.communes()
    merged = communes.get("82039")
    assert merged is not None and merged.name_fr == "Bastogne" and merged.province_nis == "80000"
    assert merged.population == old["82003"].population + old["82005"].population
    # the registry keeps Wallonia's population whole
    assert sum(c.population for c in communes.registry_at("2025-01-01")) == sum(c.population for c in old.values())
    assert merged.population_class == "10k_20k"


def test_successor_follows_a_commune_through_the_merger():
    assert communes.successor_at("82005", "2024-06-01").name_fr == "Bertogne"
    assert communes.successor_at("82005", "2025-03-01").nis_code == "82039"
    assert communes.successor_at("82003", "2025-03-01").nis_code == "82039"
    assert communes.successor_at("82039", "2021-01-01") is None
    assert communes.successor_at("92094", "2025-01-01").name_fr == "Namur"
    assert communes.successor_at("33016", "2025-01-01") is None  # Messines is Flemish


def test_province_sizes_count_every_province_even_when_empty():
    sizes = communes.province_sizes(communes.registry_at("2025-01-01"))
    assert sizes == {"20002": 27, "50000": 69, "60000": 84, "80000": 43, "90000": 38}
    assert communes.province_sizes([communes.get("92094")])["20002"] == 0


def test_the_merger_has_its_sources_and_says_where_the_code_comes_from():
    (merger,) = communes.mergers()
    assert merger.effective == date(2024, 12, 2) and merger.merged == ("82003", "82005")
    assert any("REFNIS" in s for s in merger.sources) and "secondary" in merger.note
