"""A yardstick for "refused quickly": what reading the default questionnaire's YAML takes on this
machine right now (median of 3). Tests compare a hostile input's time with it, not with a fixed
number of seconds, so a loaded machine slows both alike, and a bomb that grows with its nesting,
aliases or size (thousands of times slower) still fails."""

from __future__ import annotations

import time
from pathlib import Path

from maturity.yamlio import load_yaml

QUESTIONNAIRE = Path(__file__).resolve().parents[1] / "questionnaires" / "smart-city-wallonie.yaml"


def yardstick() -> float:
    text = QUESTIONNAIRE.read_text(encoding="utf-8")
    times = []
    for _ in range(3):
        start = time.perf_counter()
        load_yaml(text)
        times.append(time.perf_counter() - start)
    return sorted(times)[1]
