"""Pooled figures over 10,000 stored assessments (SQLite, and PostgreSQL when one is given).

Measured: ``store.pool_rows()`` (latest confirmed entry per commune and source, `maturity.poolstatus` over the
entries that can count) + ``pooled_reference(rows)`` (Wallonia,
provinces, population classes, suppression below 5). Baseline: the same reduction as a plain pandas
sort / drop_duplicates / groupby mean + quartiles over the same 10,000 rows held in memory.
PostgreSQL: set ``MATURITY_TEST_POSTGRES_URL`` (``scripts/pg-test-server.sh start`` prints one).
"""

from __future__ import annotations

import os
import random
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import Row, median_time
from maturity import communes
from maturity.pool import DIMENSIONS, pooled_reference
from maturity.storage import Store

N = 10_000
SOURCE = "bench"


def _rows(n: int = N, seed: int = 11) -> list[dict]:
    rnd = random.Random(seed)
    codes = sorted(communes.communes())
    start = datetime(2024, 1, 1, tzinfo=UTC)
    rows = []
    for i in range(n):
        row = {"nis_code": codes[i % len(codes)], "submitted_at": (start + timedelta(minutes=i)).isoformat()}
        for dim in DIMENSIONS:
            row[dim] = None if rnd.random() < 0.05 else round(rnd.uniform(0, 100), 1)
        rows.append(row)
    return rows


def _baseline(rows: list[dict]):
    import pandas as pd

    frame = pd.DataFrame(rows)
    province = {code: c.province_nis for code, c in communes.communes().items()}

    def reduce() -> object:
        latest = frame.sort_values("submitted_at").drop_duplicates("nis_code", keep="last")
        latest = latest.assign(province=latest["nis_code"].map(province))
        grouped = latest.groupby("province")[list(DIMENSIONS)]
        return (latest[list(DIMENSIONS)].agg(["mean", "median", "count"]), grouped.mean(), grouped.quantile(0.25),
                grouped.quantile(0.75), grouped.count())

    return reduce


def _measure(store: Store, rows: list[dict], label: str, repeat: int = 5) -> Row:
    start = time.perf_counter()
    store.import_pool_rows(rows, SOURCE)
    loaded = time.perf_counter() - start
    got = store.pool_rows()
    ref = pooled_reference(got)
    assert ref.groups(), "no pooled group"
    value = median_time(lambda: pooled_reference(store.pool_rows()), repeat=repeat)
    base = median_time(_baseline(rows), repeat=repeat)
    return Row(f"pool: pooled figures over {len(rows):,} stored assessments ({label})", value, base,
               "pandas groupby over the same rows in memory",
               note=f"median of {repeat}; {len(got)} latest rows; bulk insert {loaded:.2f} s")


def run() -> list[Row]:
    rows = _rows()
    out = []
    with tempfile.TemporaryDirectory(prefix="bench-pool-") as tmp, Store(data_dir=Path(tmp)) as store:
        out.append(_measure(store, rows, "SQLite"))
    url = os.environ.get("MATURITY_TEST_POSTGRES_URL")
    if url:
        import sqlalchemy as sa

        with Store(url=url) as store:
            with store.engine.begin() as conn:  # a clean pool for the figure; only the bench's own source
                conn.execute(sa.text("DELETE FROM pool_entries WHERE source = :s"), {"s": SOURCE})
            try:
                out.append(_measure(store, rows, "PostgreSQL"))
            finally:
                with store.engine.begin() as conn:
                    conn.execute(sa.text("DELETE FROM pool_entries WHERE source = :s"), {"s": SOURCE})
    else:
        out.append(Row("pool: PostgreSQL — not measured (set MATURITY_TEST_POSTGRES_URL)", float("nan"), None,
                       "—", note="scripts/pg-test-server.sh start prints one"))
    return out


if __name__ == "__main__":
    for row in run():
        print(row.name, row.value, row.baseline, row.ratio, row.note)
