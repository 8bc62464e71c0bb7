"""A yardstick for "refused quickly": the CPU time reading the default questionnaire's YAML takes on
this machine right now (median of 3). Tests compare a hostile input's CPU time with it, not with a
fixed number of seconds: CPU time is this process's own (another job on a shared machine does not
count, where wall time grew with the load and failed a test under it), and a bomb that grows with its
nesting, aliases or size (thousands of times slower) still fails."""

from __future__ import annotations

import gc
import time
from pathlib import Path

from maturity.yamlio import load_yaml

QUESTIONNAIRE = Path(__file__).resolve().parents[1] / "questionnaires" / "smart-city-wallonie.yaml"


def cpu_time() -> float:
    """This process's CPU time (user + system), in seconds."""
    return time.process_time()


def yardstick() -> float:
    """The yardstick, then a full collection of the process's garbage: the test measures its input right
    after it, so that the collector's pause for a whole suite's objects does not fall in that window (a
    CSV refused in 0.04 s of CPU took 0.31 s once in CI, eight times its usual, with the same code: most
    likely such a pause)."""
    text = QUESTIONNAIRE.read_text(encoding="utf-8")
    times = []
    for _ in range(3):
        start = cpu_time()
        load_yaml(text)
        times.append(cpu_time() - start)
    gc.collect()
    return sorted(times)[1]
