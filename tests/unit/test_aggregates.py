"""A campaign's open aggregates: the benchmark set, its validation on import, and the reference rule."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from maturity import aggregates, campaign, communes
from maturity.benchmarks import load_benchmark_sets
from maturity.charts import RadarSeries, radar_data
from maturity.errors import InvalidInput
from maturity.pool import pooled_reference

DIMS = ("economy", "people", "governance", "mobility", "environment", "living")
CAMPAIGN = {"id": "wal-2026", "title": "Baromètre 2026", "questionnaire": "smart-city-wallonie",
            "opens": "2026-03-01", "closes": "2026-06-30"}


@pytest.fixture(scope="module")
def report(default_questionnaire):
    """40 respondents in every province but Brabant wallon (3: hidden, and its complement too)."""
    registry = communes.registry_at("2026-03-01")
    by_prov: dict[str, list[str]] = {}
    for c in registry:
        by_prov.setdefault(c.province_nis, []).append(c.nis_code)
    picked = by_prov["20002"][:3] + by_prov["50000"][:12] + by_prov["60000"][:12] + by_prov["80000"][:8] \
        + by_prov["90000"][:8]
    responses = []
    for i, nis in enumerate(picked):
        answers = {"approach": "started" if i % 3 else "none", "smart_region_known": "yes" if i % 2 else "no",
                   "budget": "major" if i % 4 == 0 else "minor"}
        scores = {d: 20 + (i * 7 + k * 11) % 60 for k, d in enumerate(DIMS)}
        responses.append(campaign.Response(nis, scores, {"budget": 3 if i % 4 == 0 else 1}, answers))
    return campaign.campaign_report(CAMPAIGN, registry, responses, default_questionnaire, load_benchmark_sets())


def _yaml(data):
    return aggregates.dump_yaml(data, "Campagne 2026\n\nCC BY 4.0")


def _set(report):
    return aggregates.aggregates_set(report, publisher="Coordination Smart Région",
                                     url="https://example.org/campagne-2026", published_on=date(2026, 7, 15))


def test_the_published_set_round_trips_through_the_import_validation(report):
    data = _set(report)
    ref = aggregates.read_aggregates(_yaml(data), "campagne.yaml")
    assert ref.n == 43 and ref.N == 261 and ref.set.licence == "CC BY 4.0" and ref.set.kind == "pooled"
    assert ref.label("fr") == "Wallonie (campagne Baromètre 2026, n = 43 sur 261)"
    assert ref.label("de") == "Wallonie (Kampagne Baromètre 2026, n = 43 von 261)"
    assert ref.scores() == pytest.approx({d: report["dimensions"][d]["estimate"] for d in DIMS})
    low, high = ref.band()["economy"]
    assert low == pytest.approx(report["dimensions"]["economy"]["ci_low"])
    assert high == pytest.approx(report["dimensions"]["economy"]["ci_high"])
    assert "CC BY 4.0" in ref.source("fr") and "post-stratifiée" in ref.source("fr")
    assert ref.item("approach_started").value == pytest.approx(report["items"]["approach_started"]["estimate"])
    # the plain words say what was computed: the respondents, each province weighted by its communes here
    plain = ref.plain_source("fr")
    assert "Ces chiffres viennent des communes qui ont répondu ; pour la Wallonie, chaque province y pèse" in plain
    assert "peut-être les plus avancées" in plain and "each province counts" in ref.plain_source("en")
    assert "jede Provinz nach der Zahl ihrer Gemeinden" in ref.plain_source("de")
    # Brabant wallon (3) and its complement are not published: they weigh together, as one stratum
    # (campaign.wallonia_estimate), and the note says so rather than "each province by its communes" alone
    assert len(ref.unpublished_provinces()) == 2 and "20002" in ref.unpublished_provinces()
    assert "(les provinces sans chiffre publié, ensemble)" in plain
    assert "(die Provinzen ohne veröffentlichte Zahl zusammen)" in ref.plain_source("de")
    assert "(the provinces without a published figure together)" in ref.series_note("wallonia", "en")
    # "Gemeinden mit 50.000 Einwohner und mehr" wanted a dative: the pool's form, as a label
    assert ref.group_label("population_class:50k_plus", "de") == "Gemeinden: 50.000 Einwohner und mehr"
    assert ref.group_label("population_class:50k_plus", "fr") == "Communes de 50\u202f000 habitants et plus"


def test_nothing_per_commune_and_no_group_under_5(report):
    data = _set(report)
    text = _yaml(data)
    codes = {c.nis_code for c in communes.registry_at("2026-03-01")} | set(communes.communes())
    for code in codes - set(communes.PROVINCES):  # as a code, not as digits inside a number
        assert not re.search(rf"(?<![0-9.]){code}(?![0-9])", text), code
    for fig in data["figures"]:
        assert fig["n"] >= 5 and fig["kind"] == "pooled"
        assert fig["group"] == "wallonia" or fig["group"].split(":")[0] in ("province", "population_class")
    groups = {f["group"] for f in data["figures"]}
    assert "province:20002" not in groups  # 3 respondents
    rows = aggregates.aggregates_rows(report)
    for row in rows:
        assert row["suppressed"] or row["n"] >= 5
        if row["suppressed"]:
            assert all(row[k] is None for k in ("estimate", "ci_low", "ci_high", "n", "median", "q1", "q3"))
    assert any(r["key"] == "20002" and r["suppressed"] for r in rows)
    assert json.dumps(rows)


def test_the_import_reports_every_problem_with_its_place(report):
    data = _set(report)
    data["licence"] = "all rights reserved"
    data["figures"][0]["n"] = 3
    data["figures"][1]["ci_low"] = data["figures"][1]["value"] + 1
    data["figures"].append(dict(data["figures"][0], id="commune.92094.economy"))
    data["figures"].append(dict(data["figures"][0], id="province.92094.economy", group="province:92094"))
    with pytest.raises(InvalidInput) as exc:
        aggregates.read_aggregates(_yaml(data), "campagne.yaml")
    text = str(exc.value)
    assert "campagne.yaml:" in text
    assert "figures[0].n" in text and "figures[1].ci_low" in text
    # the campaign's own rules are checked once the set is valid; check them on a valid set
    data = _set(report)
    data["licence"] = "all rights reserved"
    data["figures"].append(dict(data["figures"][0], id="commune.92094.economy"))
    data["figures"].append(dict(data["figures"][0], id="province.92094.economy", group="province:92094"))
    with pytest.raises(InvalidInput) as exc:
        aggregates.read_aggregates(_yaml(data), "campagne.yaml")
    problems = [str(p) for p in exc.value.problems]
    assert any("licence" in p and "CC BY 4.0" in p for p in problems)
    assert any("nothing per commune" in p for p in problems)
    assert any("92094 is a commune" in p for p in problems)
    assert all(p.startswith("campagne.yaml:") for p in problems)


def test_hostile_or_foreign_files_are_refused_cleanly():
    for text in ("", "[1, 2]", "a: &x [1]\nb: *x\n", "id: x\n" * 3, json.dumps({"figures": "nope"})):
        with pytest.raises(InvalidInput):
            aggregates.read_aggregates(text, "f.yaml")
    barometer = (load_benchmark_sets()[-1]).file
    with pytest.raises(InvalidInput) as exc:
        aggregates.read_aggregates(Path(barometer).read_text(encoding="utf-8"), "barometre.yaml")
    assert "kind: pooled" in str(exc.value)


def _pool_rows(n):
    codes = [c.nis_code for c in communes.registry_at("2026-03-01") if c.province_nis == "90000"][:n]
    return [{"nis_code": c, "submitted_at": "2026-01-01", **dict.fromkeys(DIMS, 50.0)} for c in codes]


def test_the_campaign_is_the_walloon_series_and_the_pool_is_unverified_and_only_a_fallback(report):
    ref = aggregates.read_aggregates(_yaml(_set(report)), "c.yaml")
    pool = pooled_reference(_pool_rows(12))
    namur = "92094"
    choice = aggregates.choose_reference([ref], pool, namur, "fr")
    assert choice.origin == "campaign" and choice.wallonia.name.startswith("Wallonie (campagne Baromètre 2026")
    assert choice.wallonia.band and choice.wallonia.origin == "campaign"
    # the campaign publishes Namur (8 respondents) and Namur's population class? the peers come from
    # the campaign where it publishes the group, else from the pool, labelled unverified
    for peer in choice.peers:
        assert (peer.origin == "campaign") or ("non vérifiées" in peer.name)
    assert any(p.group == "province:90000" and p.origin == "campaign" for p in choice.peers)
    # no campaign: the pool is the Walloon series, labelled unverified
    fallback = aggregates.choose_reference([], pool, namur, "fr")
    assert fallback.origin == "pool" and "non vérifiées" in fallback.wallonia.name
    assert "vérifié" in fallback.note and fallback.wallonia.band == {}
    # neither: no series, and the reason why
    nothing = aggregates.choose_reference([], pooled_reference(_pool_rows(3)), namur, "en")
    assert nothing.wallonia is None and nothing.origin is None and "5 communes" in nothing.note
    # the choice draws on the radar with its band
    series = RadarSeries(**choice.wallonia.radar_kwargs())
    assert series.band == choice.wallonia.band
    as_json = json.loads(json.dumps(choice.to_json("fr")))
    assert as_json["origin"] == "campaign" and as_json["campaign"] == "wal-2026"
    assert as_json["wallonia"]["band"]["economy"][0] < as_json["wallonia"]["scores"]["economy"]


def test_a_campaign_line_says_its_source_and_band_in_plain_words_without_the_formula(report):
    """A campaign line's note is the radar's tooltip and the sheet's sources row, which a Collège reads: the
    source, who answered, what the band means; the estimator's formula (cut by the sheet at 400 characters,
    "V = Σ (N_…") stays in the published method and the coordinator's page."""
    ref = aggregates.read_aggregates(_yaml(_set(report)), "c.yaml")
    choice = aggregates.choose_reference([ref], None, "92094", "fr")
    for series in (choice.wallonia, *choice.peers):
        assert not set("ŷ√Σ") & set(series.note) and "post-stratifiée" not in series.note
        assert "Coordination Smart Région" in series.note and "CC BY 4.0" in series.note
        assert "marge d'incertitude à 95\u00a0%" in series.note and len(series.note) < 400
    # the Walloon line's figures are in brackets in the tables (the app's and the sheet's), a peer's in the app's
    assert "chiffres entre parenthèses du tableau" in choice.wallonia.note
    assert "chaque province y pèse" in choice.wallonia.note
    assert all("dans l'outil, entre parenthèses" in p.note and "province y pèse" not in p.note for p in choice.peers)
    for lang, word in (("de", "Klammern"), ("en", "brackets")):
        assert word in aggregates.choose_reference([ref], None, "92094", lang).wallonia.note


def test_the_most_recent_campaign_wins(report):
    old = _set(report)
    new = dict(_set(report), id="campagne-wal-2028", campaign="wal-2028", date="2028-07-01", year=2028,
               title={"fr": "Campagne wallonne Smart City : Baromètre 2028", "de": "x", "en": "x"})
    refs = [aggregates.read_aggregates(_yaml(d), "x.yaml") for d in (new, old)]
    assert aggregates.latest_campaign(refs).campaign == "wal-2028"
    assert aggregates.choose_reference(refs, None, None, "fr").wallonia.name.startswith(
        "Wallonie (campagne Baromètre 2028")


def test_the_band_is_drawn_around_the_line(default_questionnaire):
    dims = [d.id for d in default_questionnaire.dimensions]
    band = {d: (40.0, 50.0) for d in dims}
    full = radar_data(default_questionnaire, [RadarSeries("W", dict.fromkeys(dims, 45.0), "pooled", band=band)], "fr")
    assert len(full["intervals"]) == 2 * (len(dims) + 1)  # one ring: the upper bounds, then the lower ones
    band.pop("living")
    gap = radar_data(default_questionnaire, [RadarSeries("W", dict.fromkeys(dims, 45.0), "pooled", band=band)], "fr")
    assert len(gap["intervals"]) == 2 * (len(dims) - 1)  # a run of 5 dimensions, no band across the gap
    none = radar_data(default_questionnaire, [RadarSeries("W", dict.fromkeys(dims, 45.0), "pooled")], "fr")
    assert none["intervals"] == []


def test_only_the_walloon_line_has_its_band_drawn_and_a_peer_groups_note_says_where_its_margin_is(
        default_questionnaire, report):
    """Eupen's radar drew Wallonia, its province and its population class each with its band: grey and pink
    shades on top of each other, in which the Walloon band the notes speak of could not be told (fresh-eyes
    trial, 1280 px, de)."""
    dims = [d.id for d in default_questionnaire.dimensions]
    band = {d: (40.0, 50.0) for d in dims}
    drawn = radar_data(default_questionnaire, [
        RadarSeries("Wallonie", dict.fromkeys(dims, 45.0), "pooled", band=band),
        RadarSeries("Province", dict.fromkeys(dims, 48.0), "peer", band={d: (30.0, 66.0) for d in dims}),
    ], "fr")
    assert {row["series"] for row in drawn["intervals"]} == {"Wallonie"}
    ref = aggregates.read_aggregates(_yaml(_set(report)), "c.yaml")
    peer = {lang: ref.series_note("province:50000", lang) for lang in ("fr", "de", "en")}
    assert "n'est pas tracée" in peer["fr"] and "«\u00a0Résultats\u00a0» et «\u00a0Wallonie\u00a0»" in peer["fr"]
    assert "nicht eingezeichnet" in peer["de"] and "not drawn" in peer["en"]
    assert all("band" not in note.lower() and "bande" not in note for note in peer.values())
    assert "La bande autour de la ligne" in ref.series_note("wallonia", "fr")
    # the note under the radar says which line has the band (it said « autour d'une ligne de la campagne »)
    assert "La bande colorée autour de la ligne de la Wallonie" in ref.plain_source("fr")
    assert "um die Linie der Wallonie" in ref.plain_source("de") and "around Wallonia's line" in ref.plain_source("en")


def test_a_campaigns_plain_words_never_leave_a_percent_sign_alone_on_a_line(report):
    """« confiance de 95 » / « %. » at the end of the note under Vielsalm's radar at 390 px (fresh-eyes
    trial): a number and its % sign are joined by a no-break space in every campaign text a commune reads."""
    from maturity.app import texts

    ref = aggregates.read_aggregates(_yaml(_set(report)), "c.yaml")
    for lang in ("fr", "de", "en"):
        said = [ref.plain_source(lang), ref.series_note("wallonia", lang), ref.series_note("province:50000", lang),
                *(texts.tr(key, lang, title="T", publisher="P", date="D", licence="L", n="1", N="2", by_dimension="")
                  for key in ("campaign_obstacles_note", "kind_campaign", "wal_campaign_note"))]
        for text in said:
            assert not re.search(r"\d[ \t]%", text), (lang, text)


def test_a_province_with_no_respondent_is_named_in_the_walloon_label_and_notes(default_questionnaire, report):
    """Statistical review (L2): no commune of Luxembourg answered, the Walloon figures cover the 218 communes
    of the other provinces, and the radar's label, the line's note, the note under the radar, the source and
    the Wallonie page's row said 'Wallonie (…, n = 56 sur 261)' as if they covered all of Wallonia."""
    registry = communes.registry_at("2026-03-01")
    by: dict[str, list[str]] = {}
    for c in registry:
        by.setdefault(c.province_nis, []).append(c.nis_code)
    picked = by["20002"][:6] + by["50000"][:20] + by["60000"][:20] + by["90000"][:10]
    responses = [campaign.Response(nis, {d: 20 + (i * 7 + k * 11) % 60 for k, d in enumerate(DIMS)},
                                   {"budget": 3 if i % 4 == 0 else 1}) for i, nis in enumerate(picked)]
    without = campaign.campaign_report(CAMPAIGN, registry, responses, default_questionnaire, load_benchmark_sets())
    data = _set(without)
    walloon = [f for f in data["figures"] if f["group"] == "wallonia"]
    assert walloon and all(f["population"] == 218 and f["excluded_provinces"] == ["80000"] for f in walloon)
    ref = aggregates.read_aggregates(_yaml(data), "campagne.yaml")
    assert ref.excluded_provinces() == ["80000"] and ref.covered_N() == 218
    assert ref.label("fr") == "Wallonie sans la province de Luxembourg (campagne Baromètre 2026, n = 56 sur 218)"
    assert ref.label("de") == "Wallonie ohne die Provinz Luxemburg (Kampagne Baromètre 2026, n = 56 von 218)"
    assert ref.label("en") == "Wallonia without the province of Luxembourg (campaign Baromètre 2026, n = 56 of 218)"
    said = {"fr": "Aucune commune de la province de Luxembourg n'a répondu : les chiffres de la Wallonie portent "
                  "sur les 218 communes des autres provinces.",
            "de": "Aus der Provinz Luxemburg hat keine Gemeinde geantwortet: Die Zahlen der Wallonie gelten für die "
                  "218 Gemeinden der anderen Provinzen.",
            "en": "No commune of the province of Luxembourg answered: Wallonia's figures cover the 218 communes of "
                  "the other provinces."}
    for lang, sentence in said.items():
        assert sentence in ref.series_note("wallonia", lang)
        assert sentence in ref.plain_source(lang) and sentence in ref.source(lang)
        assert sentence not in ref.series_note("province:50000", lang)
    choice = aggregates.choose_reference([ref], None, "92094", "fr")  # Namur
    assert choice.wallonia.name == ref.label("fr") and said["fr"] in choice.wallonia.note
    assert ref.group_label("wallonia", "fr") == "Wallonie sans la province de Luxembourg"
    assert ref.group_n("wallonia") == (56, 218)
    assert "80000" not in ref.unpublished_provinces()  # not "its respondents count in the Walloon figure"
    # two provinces: plural words
    two = campaign.campaign_report(CAMPAIGN, registry, [r for r in responses if r.nis_code not in by["90000"]],
                                   default_questionnaire)
    ref2 = aggregates.read_aggregates(_yaml(_set(two)), "two.yaml")
    assert ref2.label("fr").startswith("Wallonie sans les provinces de Luxembourg et de Namur (")
    assert ref2.label("de").startswith("Wallonie ohne die Provinzen Luxemburg und Namur (")
    assert "n = 46 of 180)" in ref2.label("en")
    # a campaign where every province answered says nothing of the kind, and writes no such field
    everywhere = aggregates.read_aggregates(_yaml(_set(report)), "x.yaml")
    assert everywhere.coverage() == "" and everywhere.label("fr").startswith("Wallonie (campagne")
    assert "excluded_provinces" not in _yaml(_set(report))


def test_only_a_walloon_or_population_class_figure_leaves_out_a_province(report):
    data = _set(report)
    fig = next(f for f in data["figures"] if f["group"].startswith("province:"))
    fig["excluded_provinces"] = ["80000"]
    wal = next(f for f in data["figures"] if f["group"] == "wallonia")
    wal["excluded_provinces"] = ["21004"]  # a commune
    size = next(f for f in data["figures"] if f["group"].startswith("population_class:"))
    size["excluded_provinces"] = ["80000"]  # a population class may: its communes of the other provinces
    with pytest.raises(InvalidInput) as err:
        aggregates.read_aggregates(_yaml(data), "bad.yaml")
    text = str(err.value)
    assert text.count("is not a Walloon province left out of a Walloon or population-class figure") == 2


def test_a_population_class_with_a_province_without_respondent_says_which_communes_it_covers(default_questionnaire):
    """No commune of Luxembourg answered: a commune's 'same size' line read 'Communes de 5 000 à 9 999 habitants
    (campagne …, n = 11 sur 75)', its N counting Luxembourg's communes of that size, though none of its respondents
    came from there. The line, its note, the Wallonie page's row and note now say it covers the communes of that
    size in the other provinces, and the published figure's population is their number."""
    from maturity.app.logic import campaign_table, campaign_unpublished

    registry = communes.registry_at("2026-03-01")
    by: dict[str, list[str]] = {}
    for c in registry:
        by.setdefault(c.province_nis, []).append(c.nis_code)
    picked = by["20002"][:10] + by["50000"][:35] + by["60000"][:35] + by["90000"][:20]
    responses = [campaign.Response(nis, {d: 20 + (i * 7 + k * 11) % 60 for k, d in enumerate(DIMS)}, {})
                 for i, nis in enumerate(picked)]
    data = _set(campaign.campaign_report(CAMPAIGN, registry, responses, default_questionnaire))
    size = [c for c in registry if c.population_class == "5k_10k"]
    covered = sum(c.province_nis != "80000" for c in size)
    assert covered < len(size)
    figs = [f for f in data["figures"] if f["group"] == "population_class:5k_10k"]
    assert figs and all(f["population"] == covered and f["excluded_provinces"] == ["80000"] for f in figs)
    ref = aggregates.read_aggregates(_yaml(data), "campagne.yaml")
    n = ref.group_n("population_class:5k_10k")[0]
    # a commune of that size in Namur (Ciney): its radar's 'same size' line
    commune = next(c for c in registry if c.population_class == "5k_10k" and c.province_nis == "90000")
    want = {"fr": f"Communes de 5\u202f000 à 9\u202f999 habitants hors province de Luxembourg (campagne Baromètre 2026, "
                  f"n = {n} sur {covered})",
            "de": f"Gemeinden: 5.000 bis 9.999 Einwohner, ohne die Provinz Luxemburg (Kampagne Baromètre 2026, "
                  f"n = {n} von {covered})",
            "en": f"Communes with 5,000 to 9,999 inhabitants outside the province of Luxembourg (campaign Baromètre "
                  f"2026, n = {n} of {covered})"}
    said = {"fr": f"Aucune commune de la province de Luxembourg n'a répondu : ces chiffres portent sur les {covered} "
                  "communes de cette taille des autres provinces.",
            "de": f"Aus der Provinz Luxemburg hat keine Gemeinde geantwortet: Diese Zahlen gelten für die {covered} "
                  "Gemeinden dieser Größe in den anderen Provinzen.",
            "en": f"No commune of the province of Luxembourg answered: these figures cover the {covered} communes of "
                  "this size in the other provinces."}
    for lang in ("fr", "de", "en"):
        choice = aggregates.choose_reference([ref], None, commune.nis_code, lang)
        peer = next(s for s in choice.peers if s.group == "population_class:5k_10k")
        assert peer.name == want[lang]
        assert said[lang] in peer.note
        province = next(s for s in choice.peers if s.group == "province:90000")  # Namur's own line: all its communes
        assert "Luxemb" not in province.name and "Luxemb" not in province.note
        assert said[lang] not in ref.series_note("wallonia", lang)
        # the note under the radar, after the Walloon sentence
        walloon = aggregates.coverage_text(["80000"], ref.covered_N(), lang)
        assert f"{walloon} {aggregates.CLASSES_COVERAGE_TEXT[lang]} " in choice.plain_source(lang)
    # the Wallonie page: the class's row and the note under the table
    rows = campaign_table(default_questionnaire, ref, "fr")
    row = next(r for r in rows if r["Groupe"].startswith("Communes de 5\u202f000"))
    assert row["Groupe"] == "Communes de 5\u202f000 à 9\u202f999 habitants hors province de Luxembourg"
    assert row["n (communes)"].endswith(f"sur {covered}"), row
    note = campaign_unpublished(ref, "fr")
    assert note.startswith("Aucune commune de la province de Luxembourg n'a répondu : les chiffres de la Wallonie")
    assert "Les chiffres par taille de commune, eux aussi, ne portent que sur les communes des autres provinces." in note
    # the class of the largest communes has none in Luxembourg: it covers them all, and says nothing of it
    big = ref.group_label("population_class:50k_plus", "fr")
    assert big == "Communes de 50\u202f000 habitants et plus"
    # every province with a respondent: the same words as ever
    responses.append(campaign.Response(by["80000"][0], dict.fromkeys(DIMS, 50), {}))
    everywhere = aggregates.read_aggregates(
        _yaml(_set(campaign.campaign_report(CAMPAIGN, registry, responses, default_questionnaire))), "x.yaml")
    assert everywhere.group_label("population_class:5k_10k", "fr") == "Communes de 5\u202f000 à 9\u202f999 habitants"
    assert everywhere.group_n("population_class:5k_10k")[1] == len(size) and everywhere.classes_coverage("fr") == ""
    assert "taille de commune" not in campaign_unpublished(everywhere, "fr")
    assert "taille de commune" not in everywhere.plain_source("fr")


def _text(report, title: str, closes: str, published_on: date) -> str:
    """The YAML of ``report`` as the campaign ``title`` closing on ``closes`` would publish it on ``published_on``."""
    info = {**report["campaign"], "title": title, "closes": closes}
    return _yaml(aggregates.aggregates_set({**report, "campaign": info}, publisher="SPW", url="https://example.org",
                                           published_on=published_on))


def _published(report, title: str, closes: str, published_on: date) -> aggregates.CampaignReference:
    return aggregates.read_aggregates(_text(report, title, closes, published_on), "campagne.yaml")


def test_a_title_names_a_year_when_it_names_one():
    from maturity.benchmarks import title_year

    assert title_year("Baromètre Smart City 2027") == 2027
    assert title_year("2026 : deuxième vague") == 2026
    assert title_year("Baromètre 2027 (PST 2027)") == 2027  # the same year twice is one year
    assert title_year("Baromètre 2026-2027") is None and title_year("Baromètre Smart City") is None
    assert title_year("Les 262 communes") is None and title_year("Vague 12026") is None
    assert title_year("Relevé 1850") is None  # not a year a benchmark set can have (1990–2099)


def test_a_campaign_is_named_by_its_titles_year_else_the_year_its_communes_answered(report):
    """« Baromètre 2027 », run in the autumn of 2026 and published in December, was « campagne 2026 » in the
    obstacles table and the sentences, beside « Wallonie (campagne Baromètre 2027, …) » on the same radar: the
    name followed the publication's date (earlier trials). And a campaign closed in December 2026, published
    in January, was « campagne 2027 », a year in which no commune answered."""
    from maturity.benchmarks import FigureRef, campaign_sentence

    titled = _published(report, "Baromètre 2027", "2026-12-15", date(2026, 12, 20))
    assert titled.year == 2027 and titled.set.year == 2027  # the file says it too, for installs that read `year`
    assert titled.set.date == date(2026, 12, 20)  # the publication's date is kept as it was
    fig = titled.item("approach_started")
    assert campaign_sentence(FigureRef(fig, titled.set), "fr").startswith("Campagne 2027\u00a0: ")
    assert campaign_sentence(FigureRef(fig, titled.set), "de").startswith("Kampagne 2027: ")
    assert campaign_sentence(FigureRef(fig, titled.set), "en").startswith("2027 campaign: ")
    untitled = _published(report, "Baromètre Smart City", "2026-12-15", date(2027, 1, 10))
    assert untitled.year == untitled.set.year == 2026 and untitled.set.date == date(2027, 1, 10)
    assert campaign_sentence(FigureRef(untitled.item("approach_started"), untitled.set), "fr").startswith(
        "Campagne 2026\u00a0: ")
    # the figures, the label and the source are the same whatever the year
    assert untitled.scores() == titled.scores() and untitled.n == titled.n
    assert untitled.label("fr") == "Wallonie (campagne Baromètre Smart City, n = 43 sur 261)"


def test_a_file_published_before_the_campaigns_year_still_imports_and_reads_the_same(report):
    """Files published earlier wrote the publication's year as `year`: they import, and are named by it as they
    were, unless their title names a year (then the title's, as for any campaign)."""
    fresh = _published(report, "Baromètre Smart City", "2026-12-15", date(2027, 1, 10))
    text = _text(report, "Baromètre Smart City", "2026-12-15", date(2027, 1, 10))
    assert "\nyear: 2026\n" in text
    kept = aggregates.read_aggregates(text.replace("\nyear: 2026\n", "\nyear: 2027\n"), "kept.yaml")  # as then
    assert kept.year == kept.set.year == 2027 and kept.set.date == fresh.set.date
    assert kept.scores() == fresh.scores() and kept.band() == fresh.band() and kept.label("fr") == fresh.label("fr")
    assert kept.source("fr") == fresh.source("fr") and kept.plain_source("de") == fresh.plain_source("de")
    # « Baromètre 2027 » published in December 2026 by an earlier version (`year: 2026`): named by its title now
    text = _text(report, "Baromètre 2027", "2026-12-15", date(2026, 12, 20))
    old_titled = aggregates.read_aggregates(text.replace("\nyear: 2027\n", "\nyear: 2026\n"), "kept.yaml")
    assert old_titled.set.year == 2026 and old_titled.year == 2027
