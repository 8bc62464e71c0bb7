"""The campaign report (estimator, groups, barometer items) over the 262 communes of Wallonia and
over 35,000 synthetic communes (as if every French commune answered), against a pandas groupby of
the same scores by province (the least any report must compute)."""

from __future__ import annotations

import dataclasses
import random

import pandas as pd

from bench import Row, median_time
from bench.bench_scoring import _answer_sets
from maturity.benchmarks import load_benchmark_sets
from maturity.campaign import campaign_report, response
from maturity.communes import registry_at
from maturity.questionnaire import load_questionnaire
from maturity.scoring import score

CAMPAIGN = {"id": "bench", "title": "Bench", "questionnaire": "smart-city-wallonie",
            "opens": "2027-01-10", "closes": "2027-03-31"}


def _synthetic_registry(n: int) -> list:
    """n communes spread over the five provinces like the real ones, with made-up codes."""
    real = registry_at("2027-01-10")
    return [dataclasses.replace(real[i % len(real)], nis_code=f"S{i:06d}") for i in range(n)]


def _case(q, sets, registry, rnd: random.Random):
    assessments = [(answers, score(q, answers)) for answers in sets]
    responses = []
    for commune in registry:
        answers, assessment = assessments[rnd.randrange(len(assessments))]
        responses.append(response(commune.nis_code, assessment, answers, "2027-02-01"))
    frame = pd.DataFrame([{"province": c.province_nis, **r.scores} for c, r in zip(registry, responses, strict=True)])
    return responses, frame


def run() -> list[Row]:
    q = load_questionnaire()
    bench_sets = load_benchmark_sets()
    rnd = random.Random(11)
    sets = _answer_sets(q, 500)
    rows = []
    for label, registry in (("262 communes", registry_at("2027-01-10")),
                            ("35,000 synthetic communes", _synthetic_registry(35_000))):
        responses, frame = _case(q, sets, registry, rnd)
        repeat = 5 if len(registry) < 1000 else 3
        report = median_time(lambda r=registry, s=responses: campaign_report(CAMPAIGN, r, s, q, bench_sets),
                             repeat=repeat)
        base = median_time(lambda f=frame: f.groupby("province").mean(numeric_only=True), repeat=repeat)
        target = "0.2 s" if len(registry) < 1000 else "2 s"
        rows.append(Row(f"campaign report, {label}", report, base, "pandas groupby mean by province",
                        note=f"target under {target}"))
    return rows


if __name__ == "__main__":
    for row in run():
        print(row.name, f"{row.value:.3f} s", f"baseline {row.baseline:.4f} s", f"{row.ratio:.1f}x")
