"""Fixtures for the storage tests: every `store` test runs on SQLite and on PostgreSQL.

PostgreSQL runs when MATURITY_TEST_POSTGRES_URL is set (see scripts/pg-test-server.sh); each
test gets a fresh schema. Without the URL the PostgreSQL cases are skipped locally and FAIL in CI
(CI=true), so a CI that forgot to start the server cannot pass silently.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from maturity.storage import Store

PG_ENV = "MATURITY_TEST_POSTGRES_URL"


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def pg_admin_engine() -> Iterator[sa.Engine | None]:
    url = os.environ.get(PG_ENV)
    if not url:
        yield None
        return
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    yield engine
    engine.dispose()


def _require_pg(engine: sa.Engine | None) -> sa.Engine:
    if engine is None:
        message = f'{PG_ENV} is not set (start one with: eval "$(scripts/pg-test-server.sh start)")'
        if _in_ci():
            pytest.fail(f"PostgreSQL tests must run in CI: {message}")
        pytest.skip(message)
    return engine


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(
    request: pytest.FixtureRequest, tmp_path: Path, pg_admin_engine: sa.Engine | None
) -> Iterator[str]:
    """A URL to a fresh, empty database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield sa.URL.create(
            "sqlite+pysqlite", database=str(tmp_path / "data" / "maturity.sqlite3")
        ).render_as_string()
        return
    engine = _require_pg(pg_admin_engine)
    schema = f"t_{uuid.uuid4().hex[:16]}"
    with engine.connect() as conn:
        conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
    url = sa.make_url(os.environ[PG_ENV]).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture
def make_store(db_url: str) -> Iterator[Callable[..., Store]]:
    """Open (more) stores on the same database; all are closed at the end."""
    opened: list[Store] = []

    def make(**kwargs: object) -> Store:
        store = Store(db_url, **kwargs)  # type: ignore[arg-type]
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def store(make_store: Callable[..., Store]) -> Store:
    return make_store()


@pytest.fixture
def sqlite_dir(tmp_path: Path) -> Path:
    return tmp_path / "var"
