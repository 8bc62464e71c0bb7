"""The campaign estimator and report (maturity.campaign) against numbers computed by hand."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest

from maturity import campaign, communes
from maturity.benchmarks import load_benchmark_sets
from maturity.errors import InvalidInput
from maturity.scoring import score

# Two strata of unequal sizes. A: N = 10, answers 60, 70, 80 (mean 70, s² = 100);
# B: N = 30, answers 40, 50 (mean 45, s² = 50). N = 40.
# ŷ = 10/40 · 70 + 30/40 · 45 = 51.25
# V = (1/4)² · (1 − 3/10) · 100/3 + (3/4)² · (1 − 2/30) · 50/2 = 1.4583333 + 13.125 = 14.5833333
# 1.96 · √V = 7.4848737
TWO_STRATA = {"A": (10, [60, 70, 80]), "B": (30, [40, 50])}


def test_two_strata_of_unequal_sizes():
    est = campaign.estimate_mean(TWO_STRATA)
    assert est.weighting == "province" and est.n == 5
    assert est.estimate == pytest.approx(51.25)
    assert est.variance == pytest.approx(14.5833333, abs=1e-6)
    assert est.ci_low == pytest.approx(51.25 - 7.4848737, abs=1e-6)
    assert est.ci_high == pytest.approx(51.25 + 7.4848737, abs=1e-6)


def test_the_finite_population_correction_removes_a_stratum_that_answered_in_full():
    # A answers in full (N_A = 3): its term vanishes. N = 33.
    # ŷ = 3/33 · 70 + 30/33 · 45 = 47.272727; V = (30/33)² · (1 − 2/30) · 25 = 19.283747
    est = campaign.estimate_mean({"A": (3, [60, 70, 80]), "B": (30, [40, 50])})
    assert est.estimate == pytest.approx(47.272727, abs=1e-6)
    assert est.variance == pytest.approx(19.283747, abs=1e-6)
    # without the correction the variance would be larger
    no_fpc = (3 / 33) ** 2 * 100 / 3 + (30 / 33) ** 2 * 50 / 2
    assert est.variance < no_fpc


def test_every_commune_answering_gives_a_zero_width_interval():
    est = campaign.estimate_mean({"A": (3, [60, 70, 80]), "B": (2, [40, 50])})
    assert est.estimate == pytest.approx(60.0)  # 3/5 · 70 + 2/5 · 45
    assert est.variance == 0 and est.ci_low == est.ci_high == pytest.approx(60.0)


def test_a_province_with_one_respondent_gives_an_unweighted_mean_with_its_reason():
    # values 60, 70, 80, 40: mean 62.5, s² = 875/3; N = 40, n = 4
    # V = (1 − 4/40) · (875/3) / 4 = 65.625; 1.96 · √V = 15.877815
    est = campaign.estimate_mean({"A": (10, [60, 70, 80]), "B": (30, [40])})
    assert est.weighting == "none" and est.thin == {"B": 1}
    assert est.estimate == pytest.approx(62.5)
    assert est.variance == pytest.approx(65.625)
    assert est.ci_high - est.estimate == pytest.approx(15.877815, abs=1e-6)
    assert "fewer than 2 respondents" in campaign.reason_text({"80000": 1}, "en")
    assert campaign.reason_text({"80000": 1}, "fr") == "moyenne non pondérée : Luxembourg (1) compte moins de 2 répondants"


def test_a_province_with_no_respondent_also_stops_the_weighting():
    est = campaign.estimate_mean({"A": (10, [60, 70, 80]), "B": (30, [])})
    assert est.weighting == "none" and est.thin == {"B": 0} and est.estimate == pytest.approx(70)


def test_edges_no_value_one_value_and_bounds():
    assert campaign.estimate_mean({"A": (10, [])}).estimate is None
    one = campaign.estimate_mean({"A": (10, [55])})
    assert one.estimate == 55 and one.ci_low is None and one.ci_high is None
    census_of_one = campaign.estimate_mean({"A": (1, [55])})
    assert census_of_one.ci_low == census_of_one.ci_high == 55
    share = campaign.estimate_mean({"A": (100, [1, 1, 1, 0])}, bounds=(0, 1))
    assert share.ci_high == 1.0 and 0 < share.ci_low < 0.75


def test_a_share_gets_the_wilson_interval_at_its_effective_size():
    # p = 3/4, s² = 0.75 / 3 = 0.25, V = (1 − 4/100) · 0.25 / 4 = 0.06, n_eff = 0.1875 / 0.06 = 3.125;
    # k = 1.96² / n_eff = 1.2293..., centre = (0.75 + k/2) / (1 + k), half = 1.96 √(p(1−p)/n_eff + k/(4 n_eff)) / (1 + k)
    share = campaign.estimate_mean({"A": (100, [1, 1, 1, 0])}, bounds=(0, 1), share=True)
    k = 1.959964 ** 2 / 3.125
    centre = (0.75 + k / 2) / (1 + k)
    half = 1.959964 * math.sqrt(0.1875 / 3.125 + k / (4 * 3.125)) / (1 + k)
    assert share.estimate == 0.75 and share.variance == pytest.approx(0.06)
    assert share.ci_low == pytest.approx(centre - half, abs=1e-5) and share.ci_high == pytest.approx(centre + half, abs=1e-5)
    assert share.ci_high < 1.0


def test_five_yes_out_of_262_communes_are_not_a_certainty():
    # V = 0 here says nothing: the Wilson interval at n / (1 − n / N) = 5 / (257 / 262) ≈ 5.097
    five = campaign.estimate_mean({"A": (262, [1, 1, 1, 1, 1])}, bounds=(0, 1), share=True)
    assert five.estimate == 1.0 and five.ci_high == 1.0
    assert five.ci_low == pytest.approx(0.5702, abs=1e-4)
    none = campaign.estimate_mean({"A": (262, [0, 0, 0, 0, 0])}, bounds=(0, 1), share=True)
    assert none.ci_low == 0.0 and none.ci_high == pytest.approx(1 - 0.5702, abs=1e-4)
    census = campaign.estimate_mean({"A": (5, [1, 1, 1, 1, 1])}, bounds=(0, 1), share=True)
    assert census.ci_low == census.ci_high == 1.0  # every commune answered: nothing left to estimate


# --- the report -----------------------------------------------------------------------------------

DIMS = ("economy", "people", "governance", "mobility", "environment", "living")


def _registry():
    """Luxembourg (43 communes after the merger) and Brabant wallon (27): a registry of 70."""
    return [c for c in communes.registry_at("2025-06-01") if c.province_nis in ("80000", "20002")]


def _resp(nis, value, when="2025-10-01T10:00:00+00:00", answers=None, obstacles=None):
    return campaign.Response(nis, dict.fromkeys(DIMS, value), obstacles or {}, answers or {},
                             campaign._when(when))


CAMPAIGN = {"id": "wal-2025", "title": "Baromètre 2025", "questionnaire": "smart-city-wallonie",
            "opens": "2025-06-01", "closes": "2025-12-15"}


def test_report_post_stratifies_by_province_with_the_registrys_sizes(default_questionnaire):
    reg = _registry()
    lux = [c.nis_code for c in reg if c.province_nis == "80000"][:6]
    bw = [c.nis_code for c in reg if c.province_nis == "20002"][:5]
    lux_values = [30, 40, 50, 60, 70, 80]
    bw_values = [20, 30, 40, 50, 60]
    responses = [_resp(n, v) for n, v in zip(lux, lux_values, strict=True)]
    responses += [_resp(n, v) for n, v in zip(bw, bw_values, strict=True)]
    report = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire)
    expected = campaign.estimate_mean({"80000": (43, lux_values), "20002": (27, bw_values)})
    eco = report["dimensions"]["economy"]
    assert eco["estimate"] == pytest.approx(43 / 70 * 55 + 27 / 70 * 40, abs=1e-4)
    assert eco["ci_low"] == pytest.approx(expected.ci_low, abs=1e-4) and eco["weighting"] == "province"
    assert eco["n"] == 11 and eco["median"] == pytest.approx(50.0)
    assert report["n_invited"] == 70 and report["n_submitted"] == 11
    assert report["campaign"]["N"] == 70 and report["campaign"]["N_by_province"]["80000"] == 43
    prov = report["groups"]["province"]
    assert prov["80000"]["dimensions"]["economy"]["estimate"] == pytest.approx(55.0)
    assert prov["80000"]["N"] == 43 and prov["80000"]["n"] == 6
    assert prov["90000"]["suppressed"] is True and prov["90000"]["N"] == 0
    json.dumps(report)  # JSON-ready


def test_a_commune_submitting_twice_counts_once_with_its_latest_response(default_questionnaire):
    reg = _registry()
    codes = [c.nis_code for c in reg if c.province_nis == "80000"][:5]
    responses = [_resp(n, 50) for n in codes]
    responses.append(_resp(codes[0], 100, when="2025-11-01T10:00:00+00:00"))  # replaces its 50
    responses.append(_resp(codes[1], 0, when="2026-01-10T10:00:00+00:00"))  # after the close: ignored
    report = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire)
    assert report["n_submitted"] == 5
    assert report["dimensions"]["economy"]["n"] == 5
    assert report["groups"]["province"]["80000"]["dimensions"]["economy"]["estimate"] == pytest.approx(60.0)


def test_a_response_from_outside_the_registry_is_refused(default_questionnaire):
    reg = _registry()
    with pytest.raises(InvalidInput) as exc:
        campaign.campaign_report(CAMPAIGN, reg, [_resp("92094", 50)], default_questionnaire)
    assert "92094" in str(exc.value) and "responses[0]" in str(exc.value)


def test_groups_under_5_are_hidden_with_complementary_suppression(default_questionnaire):
    reg = _registry()
    lux = [c.nis_code for c in reg if c.province_nis == "80000"][:6]
    bw = [c.nis_code for c in reg if c.province_nis == "20002"][:4]
    responses = [_resp(n, 40 + i) for i, n in enumerate(lux)] + [_resp(n, 70) for n in bw]
    report = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire)
    prov = report["groups"]["province"]
    # Brabant wallon has 4 respondents: hidden; Luxembourg (6) would reveal it by difference with
    # the Walloon figures, so it is hidden too
    assert prov["20002"]["suppressed"] and prov["20002"]["n"] is None
    assert prov["20002"]["dimensions"]["economy"] == {**campaign._SUPPRESSED}
    assert prov["80000"]["dimensions"]["economy"]["suppressed"] is True
    assert report["dimensions"]["economy"]["n"] == 10 and report["dimensions"]["economy"]["suppressed"] is False
    # a Walloon dimension with fewer than 5 scores has no number at all
    few = campaign.campaign_report(CAMPAIGN, reg, responses[:4], default_questionnaire)
    assert few["dimensions"]["economy"]["suppressed"] and few["dimensions"]["economy"]["estimate"] is None
    for group in (*few["groups"]["province"].values(), *few["groups"]["population_class"].values()):
        for d in group["dimensions"].values():
            assert d["estimate"] is None and d["n"] is None


def test_a_province_with_one_respondent_is_merged_and_the_plain_mean_says_why(default_questionnaire):
    """Brabant wallon with 1 respondent is hidden, and Luxembourg (5) with it (it would give Brabant's by
    difference): every province merged into one stratum, the plain mean, flagged with that reason (it said
    "Brabant wallon has fewer than 2 respondents" before the thin provinces were merged: the same number)."""
    reg = _registry()
    lux = [c.nis_code for c in reg if c.province_nis == "80000"][:5]
    bw = [c.nis_code for c in reg if c.province_nis == "20002"][:1]
    responses = [_resp(n, 50 + i) for i, n in enumerate(lux)] + [_resp(bw[0], 90)]
    eco = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire)["dimensions"]["economy"]
    assert eco["weighting"] == "none" and eco["thin_provinces"] == {}
    assert eco["estimate"] == pytest.approx((50 + 51 + 52 + 53 + 54 + 90) / 6, abs=1e-4)
    assert "no province" in eco["reason"]


def test_one_thin_province_no_longer_drops_the_weighting_of_wallonia(default_questionnaire):
    """Statistical review (L1): Luxembourg with 1 respondent made the whole Walloon figure an unweighted mean,
    losing the correction for a sample skewed to one province. It is now merged with the other hidden province
    (collapsed strata): Hainaut and Liège weighted by their communes, Luxembourg and Brabant wallon together."""
    reg = communes.registry_at("2025-06-01")
    by = {h: [c.nis_code for c in reg if c.province_nis == h] for h in ("50000", "60000", "80000", "20002", "90000")}
    values = {"50000": 30.0, "60000": 40.0, "90000": 70.0, "80000": 90.0, "20002": 80.0}
    counts = {"50000": 20, "60000": 20, "90000": 10, "80000": 1, "20002": 3}
    responses = [_resp(nis, values[h] + (i % 3)) for h, k in counts.items() for i, nis in enumerate(by[h][:k])]
    report = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire)
    eco = report["dimensions"]["economy"]
    assert eco["weighting"] == "province" and eco["thin_provinces"] == {}
    # hidden for this dimension: Luxembourg (1), Brabant wallon (3) and, by complementary suppression, Namur
    hidden = {h for h, g in report["groups"]["province"].items() if g["dimensions"]["economy"]["suppressed"]}
    assert {"80000", "20002"} <= hidden and not {"50000", "60000"} & hidden
    size = {h: len(v) for h, v in by.items()}
    scores = {h: [values[h] + (i % 3) for i in range(counts[h])] for h in counts}
    union = [v for h in hidden for v in scores[h]]
    want = (sum(size[h] * sum(scores[h]) / counts[h] for h in counts if h not in hidden)
            + sum(size[h] for h in hidden) * sum(union) / len(union)) / len(reg)
    assert eco["estimate"] == pytest.approx(want, abs=1e-9)
    assert eco["n"] == 54


def test_one_thin_province_no_longer_drops_the_weighting_of_an_items_share(default_questionnaire):
    """The barometer items (an obstacle's share of communes citing it, shown to every commune beside the 2021
    barometer) were estimated on the provinces one by one: Luxembourg with 1 respondent made the share a
    plain mean. The hidden provinces now weigh together, as for a dimension."""
    reg = communes.registry_at("2025-06-01")
    by = {h: [c.nis_code for c in reg if c.province_nis == h] for h in ("50000", "60000", "80000", "20002", "90000")}
    counts = {"50000": 20, "60000": 20, "90000": 10, "80000": 1, "20002": 3}
    cites = {"50000": 0.0, "60000": 1.0, "90000": 1.0, "80000": 0.0, "20002": 1.0}  # share citing the budget
    responses = [_resp(nis, 50.0, obstacles={"budget": 3.0 if cites[h] else 0.0})
                 for h, k in counts.items() for nis in by[h][:k]]
    report = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire, load_benchmark_sets())
    item = report["items"]["obstacle_budget"]
    assert item["weighting"] == "province" and item["n"] == 54
    hidden = {h for h, g in report["groups"]["province"].items() if g["dimensions"]["economy"]["suppressed"]}
    assert {"80000", "20002"} <= hidden
    size = {h: len(v) for h, v in by.items()}
    union = sum(cites[h] * counts[h] for h in hidden) / sum(counts[h] for h in hidden)
    want = (sum(size[h] * cites[h] for h in counts if h not in hidden) + sum(size[h] for h in hidden) * union) / len(reg)
    assert item["estimate"] == pytest.approx(want, abs=1e-9)


def test_items_are_estimated_beside_the_published_figures(default_questionnaire):
    sets = load_benchmark_sets()
    reg = _registry()
    lux = [c.nis_code for c in reg if c.province_nis == "80000"][:6]
    bw = [c.nis_code for c in reg if c.province_nis == "20002"][:6]
    responses = []
    for i, nis in enumerate(lux + bw):
        started = i % 2 == 0
        answers = {"approach": "started" if started else "none", "smart_region_known": "yes" if i < 9 else "no",
                   "budget": "major" if i < 3 else "minor"}
        if started:
            answers |= {"strategy_written": "yes" if i % 4 == 0 else "no", "progress": 4 + (i % 3)}
        assessment = score(default_questionnaire, answers)
        responses.append(campaign.response(nis, assessment, answers, "2025-10-01"))
    report = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire, sets)
    items = report["items"]
    assert items["approach_started"]["estimate"] == pytest.approx(0.5) and items["approach_started"]["n"] == 12
    # strategy_written is asked of communes with an approach only: 6 of 12 (3 per province)
    assert items["strategy_written"]["n"] == 6
    # budget cited by communes 0, 1, 2 (all in Luxembourg: 3 of 6): 43/70 · 0.5 + 27/70 · 0
    assert items["obstacle_budget"]["estimate"] == pytest.approx(43 / 70 * 0.5, abs=1e-4)
    assert {p["year"] for p in items["obstacle_budget"]["published"]} == {2018, 2021}
    assert items["obstacle_staff_time"]["published"] == [] and items["obstacle_staff_time"]["n"] is None
    assert items["progress_self_rated"]["unit"] == "points" and items["progress_self_rated"]["n"] == 6
    assert [p["value"] for p in items["progress_self_rated"]["published"]] == [3.67, 3, 4.31]
    assert 0 <= items["smart_region_known"]["ci_low"] <= items["smart_region_known"]["ci_high"] <= 1
    for item in items.values():
        assert set(item["label"]) == {"fr", "de", "en"}


def test_items_cover_every_obstacle_and_the_barometers_questions(default_questionnaire):
    items = {i.id: i for i in campaign.barometer_items(default_questionnaire, load_benchmark_sets())}
    for q in default_questionnaire.obstacles:
        assert any(i.question == q.id and i.obstacle for i in items.values())
    assert items["approach_started"].options == ("started",)
    assert items["progress_self_rated"].out_of == 10
    assert {"strategy_written", "smart_region_known", "obstacle_budget", "obstacle_expertise"} <= set(items)


def test_status_counts_a_funnel_by_province_and_population_class():
    reg = _registry()
    lux = [c.nis_code for c in reg if c.province_nis == "80000"]
    st = campaign.status(reg, started=[*lux[:10], "92094"], submitted=lux[:4] + lux[20:22])
    assert (st["invited"], st["started"], st["submitted"]) == (70, 12, 6)
    assert st["response_rate"] == pytest.approx(6 / 70)
    assert st["by_province"]["80000"]["submitted"] == 6 and st["by_province"]["80000"]["invited"] == 43
    assert st["by_province"]["90000"]["invited"] == 0 and st["by_province"]["90000"]["response_rate"] is None
    assert sum(g["invited"] for g in st["by_population_class"].values()) == 70
    assert st["communes"][lux[0]] == "submitted" and st["communes"][lux[5]] == "started"
    assert st["communes"][lux[30]] == "not_started" and st["uninvited"] == ["92094"]


def test_method_text_in_three_languages():
    for lang in ("fr", "de", "en"):
        text = campaign.method_text(lang)
        assert "1,96" in text or "1.96" in text
    assert math.isclose(campaign.Z95, 1.96)


def test_a_closing_date_includes_the_whole_day_in_brussels():
    on_the_day = _resp("92094", 50, when="2025-12-15T21:30:00+00:00")  # 22:30 in Brussels
    next_day = _resp("92094", 60, when="2025-12-15T23:30:00+00:00")  # 00:30 on the 16th in Brussels
    kept = campaign.latest_responses([on_the_day, next_day], closes="2025-12-15")
    assert [r.scores["economy"] for r in kept] == [50]
    assert campaign.latest_responses([next_day], closes="2025-12-16T00:00:00+01:00") == []
    assert campaign.latest_responses([on_the_day], invited=["63023"]) == []


def _published_figures(report):
    from maturity.aggregates import aggregates_set

    data = aggregates_set(report, publisher="SPW", url="https://example.org", published_on=date(2026, 12, 20))
    return {f["id"]: (f["value"], f.get("ci_low"), f.get("ci_high"), f["n"]) for f in data["figures"]}


def test_hidden_provinces_cannot_be_recovered_from_the_walloon_figure(default_questionnaire):
    # Luxembourg (3) and Namur (6, hidden with it) are not published. Weighted one by one in the Walloon
    # figure (43/261 and 38/261), the two would be told apart: with the published provinces and the
    # population classes (which add up to every respondent) the Walloon figure gives each one's mean.
    # Merged into one stratum, moving a score from a Luxembourg commune to a Namur commune of the same
    # size (the classes unchanged) changes no published figure.
    reg = communes.registry_at("2026-06-01")
    by_province = {h: sorted((c for c in reg if c.province_nis == h), key=lambda c: c.nis_code)
                   for h in communes.PROVINCES}
    counts = {"20002": 7, "50000": 15, "60000": 15, "80000": 3, "90000": 6}
    picks = [c for h, k in counts.items() for c in by_province[h][:k]]
    lux, namur = next((a, b) for a in by_province["80000"][:3] for b in by_province["90000"][:6]
                      if a.population_class == b.population_class)
    values = {c.nis_code: 20 + (i * 37) % 70 for i, c in enumerate(picks)}
    values[lux.nis_code], values[namur.nis_code] = 15.0, 85.0
    swapped = dict(values)
    swapped[lux.nis_code], swapped[namur.nis_code] = 85.0, 15.0

    def report(scores):
        return campaign.campaign_report(CAMPAIGN | {"opens": "2026-06-01", "closes": "2026-12-15"}, reg,
                                        [_resp(nis, v, when="2026-07-01") for nis, v in scores.items()],
                                        default_questionnaire)

    first, second = report(values), report(swapped)
    prov = first["groups"]["province"]
    assert [h for h in communes.PROVINCES if prov[h]["dimensions"]["economy"]["suppressed"]] == ["80000", "90000"]
    eco = first["dimensions"]["economy"]
    assert eco["weighting"] == "province" and eco["reason"] is None and eco["n"] == 46
    # the published provinces each with its N_h / N, the two hidden ones as one stratum (N = 43 + 38)
    sizes = first["campaign"]["N_by_province"]
    hidden_mean = sum(values[c.nis_code] for c in picks if c.province_nis in ("80000", "90000")) / 9
    expected = sum(sizes[h] / 261 * prov[h]["dimensions"]["economy"]["estimate"] for h in ("20002", "50000", "60000"))
    assert eco["estimate"] == pytest.approx(expected + (43 + 38) / 261 * hidden_mean, abs=1e-9)
    assert _published_figures(first) == _published_figures(second)


def test_every_province_hidden_gives_a_plain_mean_that_says_why(default_questionnaire):
    # 3 respondents in each province: none is published; merged, they are one stratum: a plain mean
    reg = communes.registry_at("2026-06-01")
    picks = [c for h in communes.PROVINCES for c in sorted((c for c in reg if c.province_nis == h),
                                                             key=lambda c: c.nis_code)[:3]]
    responses = [_resp(c.nis_code, 10 + 5 * i, when="2026-07-01") for i, c in enumerate(picks)]
    report = campaign.campaign_report(CAMPAIGN | {"opens": "2026-06-01", "closes": "2026-12-15"}, reg, responses,
                                      default_questionnaire)
    eco = report["dimensions"]["economy"]
    assert eco["estimate"] == pytest.approx(sum(10 + 5 * i for i in range(15)) / 15)
    assert eco["weighting"] == "none" and eco["thin_provinces"] == {}
    assert eco["reason"] == "unweighted mean: no province has enough respondents (5) to be published on its own"
    assert campaign.reason_text({}, "fr").startswith("moyenne non pondérée : aucune province")
    plain = campaign.estimate_mean({"all": (261, [10 + 5 * i for i in range(15)])})
    assert (eco["ci_low"], eco["ci_high"]) == pytest.approx((plain.ci_low, plain.ci_high))


def test_a_group_of_5_gives_no_quartiles_that_would_give_back_its_scores(default_questionnaire):
    # 5 of the 9 communes of 50 000 inhabitants and more: Q1, median and Q3 would be the 2nd, 3rd and 4th
    # scores, and the mean and the interval (the variance) would give the 1st and the 5th
    from maturity.aggregates import aggregates_rows

    reg = communes.registry_at("2026-06-01")
    big = [c.nis_code for c in reg if c.population_class == "50k_plus"][:5]
    mid = [c.nis_code for c in reg if c.population_class == "20k_50k"][:10]
    scores = dict(zip(big, [23.0, 41.5, 47.0, 66.0, 88.5], strict=True)) | {n: 50.0 + i for i, n in enumerate(mid)}
    report = campaign.campaign_report(CAMPAIGN | {"opens": "2026-06-01", "closes": "2026-12-15"}, reg,
                                      [_resp(n, v, when="2026-07-01") for n, v in scores.items()],
                                      default_questionnaire)
    row = next(r for r in aggregates_rows(report) if r["key"] == "50k_plus" and r["measure"] == "economy")
    assert row["n"] == 5 and row["estimate"] == pytest.approx(53.2) and row["ci_low"] is not None
    assert (row["median"], row["q1"], row["q3"]) == (None, None, None)
    # from 10 respondents they are published
    ten = report["groups"]["population_class"]["20k_50k"]["dimensions"]["economy"]
    assert ten["n"] == 10 and ten["median"] == pytest.approx(54.5) and ten["q1"] == pytest.approx(52.25)
    assert report["dimensions"]["economy"]["median"] is not None  # Wallonia: 15 respondents
    assert report["method"]["min_n_quartiles"] == 10


def test_every_respondent_at_the_top_gives_an_interval_the_import_accepts(default_questionnaire):
    # Σ (N_h / N) · 100 was 100.00000000000001 and the interval, cut at 100, missed it; a share cited by
    # all 60 respondents of 261 had the Wilson interval [0.953, 0.9999999999999998] around 1: the
    # publication's own import check refused the whole file
    sizes = {"A": 70, "B": 16, "C": 60, "D": 37, "E": 15}
    top = campaign.estimate_mean({h: (size, [100.0, 100.0]) for h, size in sizes.items()})
    assert top.estimate == 100.0 and top.ci_low <= top.estimate <= top.ci_high == 100.0
    rating = campaign.estimate_mean({h: (size, [10.0, 10.0]) for h, size in
                                     {"A": 53, "B": 67, "C": 46, "D": 75, "E": 47}.items()}, bounds=(0, 10))
    assert rating.estimate == 10.0 and rating.ci_high == 10.0
    for n in range(1, 261):
        low, high = campaign.wilson(1.0, n / (1 - n / 261))
        assert high == 1.0 and low < 1.0
        low, high = campaign.wilson(0.0, n / (1 - n / 261))
        assert low == 0.0 and high > 0.0

    from maturity.aggregates import aggregates_set, dump_yaml, read_aggregates

    reg = communes.registry_at("2026-06-01")
    picks = sorted(reg, key=lambda c: c.nis_code)[::4][:60]
    responses = [campaign.Response(c.nis_code, dict.fromkeys(DIMS, 100.0), {"budget": 3.0}, {},
                                   campaign._when("2026-07-01")) for c in picks]
    report = campaign.campaign_report(CAMPAIGN | {"opens": "2026-06-01", "closes": "2026-12-15"}, reg, responses,
                                      default_questionnaire)
    budget = report["items"]["obstacle_budget"]
    assert budget["estimate"] == 1.0 and budget["ci_high"] == 1.0 and budget["n"] == 60
    data = aggregates_set(report, publisher="SPW", url="https://example.org", published_on=date(2026, 12, 20))
    ref = read_aggregates(dump_yaml(data), "campagne.yaml")  # the publication passes its own import check
    assert ref.item("obstacle_budget").value == 1.0 and ref.scores()["economy"] == 100.0


def test_a_province_with_no_respondent_is_outside_the_walloon_figure(default_questionnaire):
    """Statistical review (L2): with no respondent in Luxembourg, the Walloon figure was the plain mean of all
    respondents with the finite population correction of 261 communes, though nothing spoke for Luxembourg's 43.
    It now covers the communes of the other provinces (N = 261 − 43 = 218), post-stratified over them, and says
    which province is left out."""
    reg = communes.registry_at("2025-06-01")
    by = {h: [c.nis_code for c in reg if c.province_nis == h] for h in ("50000", "60000", "80000", "20002", "90000")}
    values = {"50000": 30.0, "60000": 40.0, "90000": 70.0, "20002": 80.0}
    counts = {"50000": 20, "60000": 20, "90000": 10, "20002": 6}
    responses = [_resp(nis, values[h] + (i % 3)) for h, k in counts.items() for i, nis in enumerate(by[h][:k])]
    report = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire, load_benchmark_sets())
    eco = report["dimensions"]["economy"]
    size = {h: len(v) for h, v in by.items()}
    covered = sum(size[h] for h in counts)
    assert covered == len(reg) - size["80000"] == 218
    assert eco["N"] == covered and eco["excluded_provinces"] == ["80000"]
    assert eco["weighting"] == "province" and eco["thin_provinces"] == {}
    scores = {h: [values[h] + (i % 3) for i in range(counts[h])] for h in counts}
    mean = {h: sum(v) / len(v) for h, v in scores.items()}
    want = sum(size[h] * mean[h] for h in counts) / covered
    var = sum((size[h] / covered) ** 2 * (1 - counts[h] / size[h])
              * sum((x - mean[h]) ** 2 for x in scores[h]) / (counts[h] - 1) / counts[h] for h in counts)
    assert eco["estimate"] == pytest.approx(want, abs=1e-9)
    assert eco["ci_high"] - eco["estimate"] == pytest.approx(1.96 * math.sqrt(var), abs=1e-9)
    # the items too: the obstacles' shares every commune sees
    item = report["items"]["obstacle_budget"]
    assert item["N"] == 218 and item["excluded_provinces"] == ["80000"]
    # every province with a respondent: nothing left out
    responses.append(_resp(by["80000"][0], 90.0))
    full = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire)["dimensions"]["economy"]
    assert full["N"] == len(reg) and full["excluded_provinces"] == []


def test_a_sub_groups_share_has_the_ratio_estimators_linearised_variance(default_questionnaire):
    """Statistical review (L3): "strategy_written" is asked of the communes with an approach only; the size of
    that sub-group in each province, N_h · (with an approach / respondents), is estimated, and the variance
    treated it as known. Hand-computed: ŷ = Σ B_h ȳ_h / Σ B_h, V = Σ (1 − n_h/N_h) s²_h(e) / n_h / (Σ B_h)² with
    e_i = N_h z_i (ȳ_h − ŷ) + N_h (m_h / k_h) a_i (y_i − ȳ_h) over all the province's respondents."""
    import statistics

    reg = communes.registry_at("2025-06-01")
    by = {h: [c.nis_code for c in reg if c.province_nis == h] for h in ("50000", "60000", "90000")}
    # per province: (with an approach and a written strategy, with an approach and none, without an approach)
    plan = {"50000": (2, 6, 4), "60000": (8, 2, 5), "90000": (5, 4, 3)}
    responses, rows = [], {}
    for h, (yes, no, out) in plan.items():
        kinds = ["yes"] * yes + ["no"] * no + [None] * out
        rows[h] = [(k is not None, None if k is None else float(k == "yes")) for k in kinds]
        for nis, k in zip(by[h], kinds, strict=False):
            answers = {"approach": "started", "strategy_written": k} if k else {"approach": "none"}
            responses.append(_resp(nis, 50.0, answers=answers))
    sets = load_benchmark_sets()
    item = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire, sets)["items"]["strategy_written"]
    size = {h: len(by[h]) for h in plan}
    base = {h: size[h] * sum(z for z, _ in rows[h]) / len(rows[h]) for h in plan}
    mean = {h: statistics.fmean(v for z, v in rows[h] if z) for h in plan}
    B = sum(base.values())
    y = sum(base[h] * mean[h] for h in plan) / B
    V = 0.0
    for h in plan:
        n = len(rows[h])  # every respondent asked answered here: m_h / k_h = 1
        e = [size[h] * z * (mean[h] - y) + (size[h] * (v - mean[h]) if z else 0.0) for z, v in rows[h]]
        V += (1 - n / size[h]) * statistics.variance(e) / n
    V /= B * B
    assert item["estimate"] == pytest.approx(y, abs=1e-12) and item["n"] == 27
    n_eff = y * (1 - y) / V
    assert (item["ci_low"], item["ci_high"]) == pytest.approx(campaign.wilson(y, n_eff), abs=1e-12)
    # the known-size variance (the sub-group's own share only) is smaller: its interval was too narrow
    known = sum((base[h] / B) ** 2 * (1 - len(rows[h]) / size[h]) * statistics.variance([v for z, v in rows[h] if z])
                / sum(z for z, _ in rows[h]) for h in plan)
    assert known < V


def test_the_ratio_estimators_variance_matches_a_simulation():
    """Statistical review (L3), by simulation: a fixed population of 261 communes, a sub-group in each province
    of another size and another share, 4,000 campaigns of 74 respondents drawn province by province. The mean
    of the linearised variance is the spread of the estimates (within 10 %); treating the sub-group's sizes as
    known gave about 20 % less."""
    import numpy as np

    rng = np.random.default_rng(2026)
    sizes = {"A": 69, "B": 84, "C": 43, "D": 27, "E": 38}
    in_group = {"A": 0.3, "B": 0.7, "C": 0.5, "D": 0.8, "E": 0.4}
    says_yes = {"A": 0.2, "B": 0.8, "C": 0.5, "D": 0.9, "E": 0.3}
    population = {h: (rng.random(N) < in_group[h], (rng.random(N) < says_yes[h]).astype(float))
                  for h, N in sizes.items()}
    drawn = {"A": 20, "B": 20, "C": 12, "D": 10, "E": 12}
    estimates, variances, known = [], [], []
    while len(estimates) < 4000:
        strata = {}
        for h, n in drawn.items():
            pick = rng.choice(sizes[h], n, replace=False)
            z, y = population[h][0][pick], population[h][1][pick]
            strata[h] = (float(sizes[h]), z, np.where(z, y, np.nan))
        if any(z.sum() < 2 for _, z, _ in strata.values()):
            continue
        est = campaign.domain_estimate(strata, (), bounds=(0.0, 1.0), share=True)
        estimates.append(est.estimate)
        variances.append(est.variance)
        sized = {h: (N * z.sum() / len(z), v[~np.isnan(v)]) for h, (N, z, v) in strata.items()}
        known.append(campaign.estimate_mean(sized, bounds=(0.0, 1.0)).variance)
    spread = float(np.var(estimates))
    assert float(np.mean(variances)) == pytest.approx(spread, rel=0.10)
    assert float(np.mean(known)) < 0.88 * spread


def test_a_population_class_covers_its_communes_of_the_provinces_with_a_respondent(default_questionnaire):
    """With no respondent in Luxembourg, a size class's figure (one stratum: the mean of its respondents) counted
    Luxembourg's communes of that size in its N, and so in its finite population correction, though none of its
    respondents came from there. Its N is now the class's communes of the other provinces, and it names the
    province left out; an ordinary campaign's report is unchanged (no such key)."""
    reg = communes.registry_at("2025-06-01")
    by = {h: [c for c in reg if c.province_nis == h] for h in ("50000", "60000", "80000", "20002", "90000")}
    counts = {"50000": 30, "60000": 30, "90000": 20, "20002": 10}
    picked = [c for h, k in counts.items() for c in by[h][:k]]
    responses = [_resp(c.nis_code, 20.0 + (i * 7) % 50) for i, c in enumerate(picked)]
    report = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire)
    classes = report["groups"]["population_class"]
    shown = 0
    for key, entry in classes.items():
        covered = [c for c in reg if c.population_class == key and c.province_nis != "80000"]
        assert entry["N"] == len(covered), key
        if len(covered) == sum(c.population_class == key for c in reg):  # no commune of that size in Luxembourg
            assert key == "50k_plus" and "excluded_provinces" not in entry
        else:
            assert entry["excluded_provinces"] == ["80000"], key
        eco = entry["dimensions"]["economy"]
        if eco["suppressed"]:
            continue
        shown += 1
        values = [20.0 + (i * 7) % 50 for i, c in enumerate(picked) if c.population_class == key]
        n, mean = len(values), sum(values) / len(values)
        var = (1 - n / len(covered)) * sum((x - mean) ** 2 for x in values) / (n - 1) / n
        assert eco["estimate"] == pytest.approx(mean, abs=1e-9)
        assert eco["ci_high"] - eco["estimate"] == pytest.approx(1.96 * math.sqrt(var), abs=1e-9)
    assert shown >= 3
    # the provinces' own groups are not concerned: Luxembourg's, with no respondent, is simply not published
    assert "excluded_provinces" not in report["groups"]["province"]["50000"]
    assert report["groups"]["province"]["80000"]["suppressed"]
    # every province with a respondent: the class's N counts its communes everywhere, and nothing more is said
    responses.append(_resp(by["80000"][0].nis_code, 90.0))
    full = campaign.campaign_report(CAMPAIGN, reg, responses, default_questionnaire)["groups"]["population_class"]
    for key, entry in full.items():
        assert entry["N"] == sum(c.population_class == key for c in reg)
        assert "excluded_provinces" not in entry
