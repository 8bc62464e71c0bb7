"""Performance figures, each as a ratio against a baseline measured in the same run.

Every module ``bench/bench_*.py`` exposes ``run() -> list[Row]``; ``python -m bench`` (``make bench``)
runs them all and prints one table. Timings are medians over repeated runs.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Row:
    name: str
    value: float  # seconds (or bytes for memory rows: unit says)
    baseline: float | None
    baseline_name: str = ""
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        return self.value / self.baseline if self.baseline else None


def median_time(fn: Callable[[], object], repeat: int = 5, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def current_bytecode() -> None:
    """The bytecode of every module of ``maturity`` current, as in an installed package or a server started
    before: a source tree whose bytecode is stale (edited files, PYTHONDONTWRITEBYTECODE set) would compile
    the modules it changed at every cold start, which a baseline (a one-line page, ``maturity validate``)
    does not pay as much."""
    import compileall
    from pathlib import Path

    compileall.compile_dir(Path(__file__).resolve().parent.parent / "maturity", quiet=1)


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:,.1f} ms" if value < 10 else f"{value:,.1f} s"
    if unit == "MiB":
        return f"{value:,.0f} MiB"
    return f"{value:,.3g} {unit}"
