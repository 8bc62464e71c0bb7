"""``python -m bench [NAME ...]``: run the benches and print every figure against its baseline."""

from __future__ import annotations

import importlib
import os
import platform
import sys
import traceback
from pathlib import Path

from bench import Row, fmt


def machine() -> str:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    print(f"machine: {machine()}")
    print(f"{'figure':<58} {'value':>12} {'baseline':>12} {'ratio':>8}  baseline is")
    failed = 0
    for name in names:
        module_name = name if name.startswith("bench_") else f"bench_{name}"
        try:
            rows: list[Row] = importlib.import_module(f"bench.{module_name}").run()
        except Exception:
            failed += 1
            print(f"{module_name}: FAILED\n{traceback.format_exc()}", file=sys.stderr)
            continue
        for row in rows:
            if row.value != row.value:  # NaN: not measured here
                print(f"{row.name:<58} {'not measured':>12}  {row.note or row.baseline_name}", flush=True)
                continue
            ratio = f"{row.ratio:,.2f}x" if row.ratio is not None else "—"
            base = fmt(row.baseline, row.unit) if row.baseline is not None else "—"
            print(f"{row.name:<58} {fmt(row.value, row.unit):>12} {base:>12} {ratio:>8}  {row.baseline_name}"
                  + (f" ({row.note})" if row.note else ""), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
