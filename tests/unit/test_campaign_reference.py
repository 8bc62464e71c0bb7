"""The campaign report (numpy columns, grouped by integer codes) gives the figures of the plain
per-response definitions, kept here as the reference (the report's first version): to 1e-9 on
random small campaigns (hypothesis), with duplicate submissions, late ones, hidden questions,
missing scores and values that are no option."""

from __future__ import annotations

import dataclasses
import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity import campaign
from maturity.benchmarks import load_benchmark_sets
from maturity.campaign import (
    METHOD,
    MIN_N_QUARTILES,
    MIN_PER_STRATUM,
    Z95,
    Estimate,
    Item,
    Response,
    _fpc,
    _labels,
    _published,
    barometer_items,
    latest_responses,
)
from maturity.communes import (
    POPULATION_CLASS_LABELS,
    POPULATION_CLASSES,
    PROVINCE_NAMES,
    PROVINCES,
    registry_at,
)
from maturity.pool import DIMENSIONS, MIN_N, QUANTILE_METHOD
from maturity.pool import _hidden_cells as hidden_cells
from maturity.questionnaire import load_questionnaire
from maturity.scoring import CITED_SEVERITY, is_answered, score, visible_questions
from tests.strategies import answer_sets

Q = load_questionnaire()
SETS = load_benchmark_sets()
REGISTRY = registry_at("2027-01-10")
CAMPAIGN = {"id": "prop", "title": "Propriétés", "questionnaire": "smart-city-wallonie",
            "opens": "2027-01-10", "closes": "2027-03-31"}


# --- the reference: the per-response definitions ----------------------------------------------------


def ref_estimate_mean(strata: Mapping[str, tuple[float, Sequence[float]]], *,
                      bounds: tuple[float, float] | None = (0.0, 100.0), z: float = Z95,
                      share: bool = False) -> Estimate:
    def sample_variance(values: Sequence[float]) -> float:
        return statistics.variance(values) if len(values) >= 2 else 0.0

    N = float(sum(size for size, _ in strata.values()))
    all_values = [float(v) for _, values in strata.values() for v in values]
    n = len(all_values)
    if n == 0:
        return Estimate(None, None, None, 0, "none", None, {})
    thin = {h: len(values) for h, (size, values) in strata.items() if size > 0 and len(values) < MIN_PER_STRATUM}
    if not thin and N > 0:
        y = variance = 0.0
        for size, values in strata.values():
            if size <= 0:
                continue
            w = size / N
            y += w * statistics.fmean(values)
            variance += w * w * _fpc(len(values), size) * sample_variance(values) / len(values)
        weighting = "province"
    else:
        y = statistics.fmean(all_values)
        fpc = _fpc(n, N) if N > 0 else 1.0
        variance = fpc * sample_variance(all_values) / n if (n >= 2 or fpc == 0.0) else None
        weighting = "none"
    return ref_interval(y, variance, n, N, weighting, thin, bounds=bounds, z=z, share=share)


def ref_interval(y: float, variance: float | None, n: int, N: float, weighting: str, thin: dict, *,
                 bounds: tuple[float, float] | None, z: float, share: bool) -> Estimate:
    if variance is None:
        return Estimate(y, None, None, n, weighting, None, thin)
    if share and not (N > 0 and n >= N):  # Wilson, in its multiplied-out form, at the effective size
        m = y * (1 - y) / variance if variance > 0 and 0 < y < 1 else n / (1 - n / N if N > 0 else 1.0)
        root = z * math.sqrt(z * z + 4 * m * y * (1 - y))
        low = (2 * m * y + z * z - root) / (2 * (m + z * z))
        high = (2 * m * y + z * z + root) / (2 * (m + z * z))
        return Estimate(y, max(0.0, low), min(1.0, high), n, weighting, variance, thin)
    half = z * math.sqrt(max(0.0, variance))
    low, high = y - half, y + half
    if bounds is not None:
        low, high = max(bounds[0], low), min(bounds[1], high)
    return Estimate(y, low, high, n, weighting, variance, thin)


def ref_item_value(item: Item, r: Response, shown: set[str]) -> tuple[bool, float | None]:
    if item.obstacle:
        severity = r.obstacles.get(item.question)
        return True, (None if severity is None else float(severity >= CITED_SEVERITY))
    if item.question not in shown:
        return False, None
    answer = r.answers.get(item.question)
    if not is_answered(answer):
        return True, None
    if item.unit == "points":
        if isinstance(answer, bool) or not isinstance(answer, int | float) or not math.isfinite(answer):
            return True, None
        return True, float(answer)
    if isinstance(answer, bool):
        answer = "yes" if answer else "no"
    chosen = answer if isinstance(answer, list) else [answer]
    return True, float(any(c in item.options for c in chosen))


REF_SUPPRESSED = {"suppressed": True, "estimate": None, "ci_low": None, "ci_high": None, "n": None,
                  "median": None, "q1": None, "q3": None}


def ref_estimate_json(est: Estimate, values: list[float], min_n: int) -> dict[str, Any]:
    if est.n < min_n:
        return dict(REF_SUPPRESSED, weighting=None, reason=None)
    q1, median, q3 = (statistics.quantiles(values, n=4, method=QUANTILE_METHOD)
                      if est.n >= MIN_N_QUARTILES else (None, None, None))
    return {
        "suppressed": False, "estimate": est.estimate, "ci_low": est.ci_low, "ci_high": est.ci_high,
        "n": est.n, "weighting": est.weighting, "reason": est.reason("en"),
        "thin_provinces": dict(sorted(est.thin.items())) if est.weighting == "none" else {},
        "median": median, "q1": q1, "q3": q3,
    }


def ref_walloon(st_: Mapping[str, tuple[float, list[float]]], min_n: int, **options: Any) -> Any:
    """The Walloon estimate: the provinces not published (hidden) are one stratum (a thin province among
    them), unless a stratum is still thin once they are merged; a dimension's and an item's alike."""
    est = ref_estimate_mean(st_, **options)
    hidden = sorted(hidden_cells({**{h: len(vs) for h, (_, vs) in st_.items()}, "": 0}, min_n))
    merged = {h: part for h, part in st_.items() if h not in hidden}
    merged["hidden"] = (sum(st_[h][0] for h in hidden), [v for h in hidden for v in st_[h][1]])
    if len(hidden) >= 2 and not any(size > 0 and len(vs) < MIN_PER_STRATUM for size, vs in merged.values()):
        est = ref_estimate_mean(merged, **options)
        alone = sum(1 for size, _ in merged.values() if size > 0) == 1
        est = dataclasses.replace(est, grouped=tuple(hidden), weighting="none" if alone else est.weighting)
    return est


def ref_domain(st_: Mapping[str, tuple[float, list[tuple[bool, float | None]]]], min_n: int, **options: Any) -> Any:
    """An item asked of a sub-group: each province's respondents as (in the base, value or None). The base's
    size in a stratum is N_g · m_g / n_g; ŷ = Σ B_g ȳ_g / Σ B_g, a ratio of two estimated totals, and V the
    variance of its linearised variable e_i = [N_g z_i (ȳ_g − ŷ) + (N_g m_g / k_g) a_i (y_i − ȳ_g)] / Σ B_g,
    stratum by stratum with the finite population correction; the hidden provinces one stratum."""
    def answered(rows):
        return [v for inside, v in rows if inside and v is not None]

    hidden = sorted(hidden_cells({**{h: len(answered(rows)) for h, (_, rows) in st_.items()}, "": 0}, min_n))
    merged = len(hidden) >= 2
    groups = {h: part for h, part in st_.items() if not merged or h not in hidden}
    if merged:
        groups["hidden"] = (sum(st_[h][0] for h in hidden), [row for h in hidden for row in st_[h][1]])
    n = sum(len(answered(rows)) for _, rows in groups.values())
    if n == 0:
        return Estimate(None, None, None, 0, "none", None, {})
    if any(size > 0 and any(inside for inside, _ in rows) and len(answered(rows)) < MIN_PER_STRATUM
           for size, rows in groups.values()):
        sized = {h: (size * sum(inside for inside, _ in rows) / len(rows) if rows else size, answered(rows))
                 for h, (size, rows) in st_.items()}
        return ref_walloon(sized, min_n, **options)
    terms = []
    for size, rows in groups.values():
        m = sum(1 for inside, _ in rows if inside)
        if size <= 0 or m == 0:
            continue
        values = answered(rows)
        terms.append((size, rows, m, len(values), size * m / len(rows), statistics.fmean(values)))
    total = sum(t[4] for t in terms)
    y = sum(t[4] * t[5] for t in terms) / total
    variance = 0.0
    for size, rows, m, k, _b, mean in terms:
        if len(rows) < 2:
            continue
        e = [(size * (mean - y) if inside else 0.0) + (size * m / k * (v - mean) if inside and v is not None else 0.0)
             for inside, v in rows]
        variance += _fpc(len(rows), size) * statistics.variance(e) / len(rows)
    variance /= total * total
    alone = merged and sum(1 for size, _ in groups.values() if size > 0) == 1
    est = ref_interval(y, variance, n, total, "none" if alone else "province", {}, bounds=options.get("bounds"),
                       z=Z95, share=options.get("share", False))
    return dataclasses.replace(est, grouped=tuple(hidden) if merged else ())


def ref_campaign_report(campaign_info: Mapping[str, Any], registry: Sequence[Any], responses: Iterable[Response],
                        questionnaire: Any, benchmark_sets: Iterable[Any] = (), *, min_n: int = MIN_N) -> dict[str, Any]:
    registry = list(registry)
    by_nis = {c.nis_code: c for c in registry}
    kept = latest_responses(list(responses), closes=campaign_info.get("closes"))
    dims = tuple(s.id for s in getattr(questionnaire, "dimensions", [])) or DIMENSIONS
    sets = list(benchmark_sets)
    sizes = {h: 0 for h in PROVINCES}
    for c in registry:
        sizes[c.province_nis] = sizes.get(c.province_nis, 0) + 1
    class_ids = [c[0] for c in POPULATION_CLASSES]

    # a province where no commune answered is outside the Walloon figures (N without it)
    respondents_in = {h: sum(1 for r in kept if by_nis[r.nis_code].province_nis == h) for h in sizes}
    excluded = [h for h in PROVINCES if kept and sizes[h] > 0 and not respondents_in[h]]
    covered = {"N": sum(size for h, size in sizes.items() if h not in excluded), "excluded_provinces": excluded}

    def strata(values_of):
        out = {h: (float(size), []) for h, size in sizes.items() if h not in excluded}
        for r, value in values_of:
            if value is not None:
                out[by_nis[r.nis_code].province_nis][1].append(float(value))
        return out

    dimensions_json = {}
    for dim in dims:
        st_ = strata((r, r.scores.get(dim)) for r in kept)
        values = [v for _, vs in st_.values() for v in vs]
        dimensions_json[dim] = ref_estimate_json(ref_walloon(st_, min_n), values, min_n) | covered

    def partition(key_of, keys, label_of, across_provinces=False):
        # a population class (across provinces) covers its communes of the provinces with a respondent only
        left_out = excluded if across_provinces else []
        members = {k: [] for k in keys}
        size = dict.fromkeys(keys, 0)
        for c in registry:
            if c.province_nis not in left_out:
                size[key_of(c)] = size.get(key_of(c), 0) + 1
        for r in kept:
            members.setdefault(key_of(by_nis[r.nis_code]), []).append(r)
        out, hidden = {}, {}
        for dim in dims:
            counts = {k: sum(1 for r in members[k] if r.scores.get(dim) is not None) for k in keys}
            counts[""] = 0
            hidden[dim] = hidden_cells(counts, min_n)
        for k in keys:
            group_n = len(members[k])
            entry = {"label": label_of(k), "N": size.get(k, 0), "n": group_n if group_n >= min_n else None,
                     "suppressed": group_n < min_n, "dimensions": {}}
            left = [h for h in left_out if any(key_of(c) == k and c.province_nis == h for c in registry)]
            if left:
                entry["excluded_provinces"] = left
            for dim in dims:
                values = [float(v) for r in members[k] if (v := r.scores.get(dim)) is not None]
                if k in hidden[dim] or len(values) < min_n:
                    entry["dimensions"][dim] = dict(REF_SUPPRESSED)
                    continue
                js = ref_estimate_json(ref_estimate_mean({k: (float(size.get(k, 0)), values)}), values, min_n)
                js.pop("weighting"), js.pop("reason"), js.pop("thin_provinces")
                entry["dimensions"][dim] = js
            out[k] = entry
        return out

    groups = {
        "province": partition(lambda c: c.province_nis, list(PROVINCES),
                              lambda k: _labels(PROVINCE_NAMES.get(k, {"fr": k}))),
        "population_class": partition(lambda c: c.population_class, class_ids,
                                      lambda k: _labels(POPULATION_CLASS_LABELS.get(k, {"fr": k})), True),
    }

    items_json = {}
    shown = {r.nis_code: visible_questions(questionnaire, r.answers) for r in kept}
    for item in barometer_items(questionnaire, sets):
        in_base = {h: 0 for h in sizes}
        values_of = []
        for r in kept:
            inside, value = ref_item_value(item, r, shown[r.nis_code])
            if inside:
                in_base[by_nis[r.nis_code].province_nis] += 1
                values_of.append((r, value))
        st_ = {h: (sizes[h] * in_base[h] / respondents_in[h] if respondents_in[h] else float(sizes[h]), [])
               for h in sizes if h not in excluded}
        for r, value in values_of:
            if value is not None:
                st_[by_nis[r.nis_code].province_nis][1].append(value)
        bounds = (0.0, 1.0) if item.unit == "share" else (0.0, float(item.out_of or 10.0))
        est = ref_walloon(st_, min_n, bounds=bounds, share=item.unit == "share")
        if not item.obstacle:  # asked of a sub-group: the ratio estimator
            rows = {h: (float(sizes[h]), []) for h in sizes if h not in excluded}
            for r in kept:
                inside, value = ref_item_value(item, r, shown[r.nis_code])
                rows[by_nis[r.nis_code].province_nis][1].append((inside, value))
            est = ref_domain(rows, min_n, bounds=bounds, share=item.unit == "share")
        values = [v for _, vs in st_.values() for v in vs]
        js = ref_estimate_json(est, values, min_n)
        for k in ("median", "q1", "q3"):
            if item.unit == "share":
                js.pop(k)
        label = item.label if isinstance(item.label, Mapping) else {"fr": str(item.label)}
        items_json[item.id] = {"question": item.question, "unit": item.unit, "out_of": item.out_of,
                               "label": _labels(label), **js, **covered,
                               "base": "shown" if not item.obstacle else "all",
                               "published": _published(sets, item.id, item.unit)}

    info = {k: (v.isoformat() if isinstance(v, date | datetime) else v) for k, v in campaign_info.items()}
    info.setdefault("N", len(registry))
    info["N_by_province"] = {h: sizes[h] for h in PROVINCES}
    return {"campaign": info, "n_invited": len(registry), "n_submitted": len(kept),
            "method": {"text": _labels(METHOD), "z": Z95, "min_n": min_n, "quantiles": QUANTILE_METHOD,
                       "min_n_quartiles": MIN_N_QUARTILES},
            "dimensions": dimensions_json, "groups": groups, "items": items_json}


# --- comparison -------------------------------------------------------------------------------------


def assert_close(got: Any, want: Any, path: str = "report") -> None:
    """Same structure, same keys in the same order, same values; floats to 1e-9 (relative for
    large ones)."""
    if isinstance(want, dict):
        assert isinstance(got, dict) and list(got) == list(want), (path, list(got), list(want))
        for k in want:
            assert_close(got[k], want[k], f"{path}.{k}")
    elif isinstance(want, list):
        assert isinstance(got, list) and len(got) == len(want), path
        for i, (g, w) in enumerate(zip(got, want, strict=True)):
            assert_close(g, w, f"{path}[{i}]")
    elif isinstance(want, float) and not isinstance(want, bool):
        assert isinstance(got, float) and not isinstance(got, bool), (path, got, want)
        assert math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9), (path, got, want)
    else:
        assert type(got) is type(want) and got == want, (path, got, want)


# --- random small campaigns -------------------------------------------------------------------------

junk = st.one_of(st.integers(-3, 12), st.booleans(), st.none(), st.just([]), st.just("na"), st.just("unknown"),
                 st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=3))


@st.composite
def campaigns(draw):
    """A registry of 5 to 60 real communes, responses from some of them (valid answers, or a few
    values that are no option), some submitted twice, some after the close, a random min_n."""
    registry = draw(st.lists(st.sampled_from(REGISTRY), min_size=5, max_size=60, unique_by=lambda c: c.nis_code))
    responders = draw(st.lists(st.sampled_from(registry), max_size=len(registry), unique_by=lambda c: c.nis_code))
    ids = list(Q.question_index)
    responses = []
    for commune in responders:
        for _ in range(draw(st.integers(1, 2))):
            answers = draw(answer_sets(Q))
            if draw(st.integers(0, 5)) == 0:
                answers |= draw(st.dictionaries(st.sampled_from(ids), junk, max_size=3))
            when = draw(st.sampled_from(["2027-02-01T10:00:00+00:00", "2027-03-01T10:00:00+00:00",
                                         "2027-04-02T10:00:00+00:00", None]))
            clean = {k: v for k, v in answers.items() if not isinstance(v, float) or math.isfinite(v)}
            responses.append(campaign.response(commune.nis_code, score(Q, clean), answers, when))
    return registry, responses, draw(st.sampled_from([2, 3, 5]))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(campaigns())
def test_report_equals_the_per_response_reference(case):
    registry, responses, min_n = case
    got = campaign.campaign_report(CAMPAIGN, registry, responses, Q, SETS, min_n=min_n)
    want = ref_campaign_report(CAMPAIGN, registry, responses, Q, SETS, min_n=min_n)
    assert_close(got, want)


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["A", "B", "C"]),
                       st.tuples(st.integers(0, 40), st.lists(st.floats(0, 100), max_size=12)), min_size=1),
       st.sampled_from([(0.0, 100.0), (0.0, 1.0), None]))
def test_estimator_equals_the_exact_fraction_reference(strata, bounds):
    got = campaign.estimate_mean(strata, bounds=bounds)
    want = ref_estimate_mean(strata, bounds=bounds)
    for field in ("estimate", "ci_low", "ci_high", "variance"):
        g, w = getattr(got, field), getattr(want, field)
        assert (g is None) == (w is None), field
        if w is not None:
            assert math.isclose(g, w, rel_tol=1e-9, abs_tol=1e-9), (field, g, w)
    assert (got.n, got.weighting, got.thin) == (want.n, want.weighting, want.thin)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6), min_size=2, max_size=40))
def test_quartiles_are_statistics_quantiles_inclusive(values):
    import numpy as np

    assert campaign._quartiles(np.array(values)) == tuple(statistics.quantiles(values, n=4, method="inclusive"))


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(st.sampled_from(["A", "B", "C"]),
                       st.tuples(st.integers(0, 40), st.lists(st.sampled_from([0.0, 1.0]), max_size=12)), min_size=1))
def test_a_shares_wilson_interval_equals_the_reference_and_holds_its_value(strata):
    got = campaign.estimate_mean(strata, bounds=(0.0, 1.0), share=True)
    want = ref_estimate_mean(strata, bounds=(0.0, 1.0), share=True)
    for field in ("estimate", "ci_low", "ci_high", "variance"):
        g, w = getattr(got, field), getattr(want, field)
        assert (g is None) == (w is None), field
        if w is not None:
            assert math.isclose(g, w, rel_tol=1e-9, abs_tol=1e-9), (field, g, w)
    if got.ci_low is not None:
        assert 0.0 <= got.ci_low <= got.estimate + 1e-12 and got.estimate - 1e-12 <= got.ci_high <= 1.0
