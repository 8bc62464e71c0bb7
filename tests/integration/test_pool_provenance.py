"""The open pool against a stranger: provenance, disputes, bulk withdrawal, rate limits (issue 17).

The attack: one script with no account opened 262 spaces and submitted an opted-in assessment for
every commune in 2.4 s; since the pool kept each commune's latest entry, the fakes replaced the real
ones and the Wallonie page published "n = 262, 0 in every dimension".
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from maturity import communes, migrations
from maturity.storage import Limit, RateLimited, Store
from tests.clocks import Clock
from tests.pooling import confirm_pending

Q_ID, Q_VERSION = "smart-city-wallonie", "1.0"
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)  # the store's clock at the start of each test


def doc(nis: str) -> dict:
    return {"questionnaire": {"id": Q_ID, "version": Q_VERSION}, "commune": {"nis_code": nis}, "answers": {}}


def scores(value: float) -> dict:
    return {"dimensions": {d: {"score": value} for d in ("eco", "people", "gov", "mob", "env", "living")}}


def submit(store: Store, token: str, nis: str, value: float, client: str | None = "10.1.1.1") -> None:
    store.submit(token, doc(nis), scores(value), Q_ID, Q_VERSION, True, client=client)


def test_a_stranger_cannot_replace_a_communes_entry(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    store.submit_per_client = Limit(10_000, 3600)  # as if the script came from many addresses
    all_nis = [c.nis_code for c in communes.communes().values()]
    real = {}
    for nis in all_nis[:20]:  # twenty communes shared their real scores
        real[nis] = store.open_space(nis, Q_ID, Q_VERSION)
        submit(store, real[nis], nis, 60.0, client=f"10.0.0.{len(real)}")
    confirm_pending(store)  # the admin checked them with the communes
    for nis in all_nis:  # the script: a fresh space per commune, zero everywhere
        submit(store, store.open_space(nis, Q_ID, Q_VERSION), nis, 0.0, client="203.0.113.9")
    rows = {r["nis_code"]: r for r in store.pool_rows()}
    # Nothing the script sent counts (it waits for the admin), and no real figure was replaced.
    assert set(rows) == set(real) and all(r["gov"] == 60.0 for r in rows.values())
    statuses = {e["nis_code"]: set() for e in store.pool_entries()}
    for e in store.pool_entries():
        statuses[e["nis_code"]].add(e["status"])
    assert all(statuses[nis] == {"counted", "pending"} for nis in real)
    assert all(statuses[nis] == {"pending"} for nis in all_nis[20:])
    # An admin who confirms one of them by mistake holds the real commune out as disputed, never replaced.
    first = next(e for e in store.pool_entries() if e["nis_code"] == all_nis[0] and e["status"] == "pending")
    assert store.confirm_pool_entry(first["id"]) is True
    assert {e["status"] for e in store.pool_entries() if e["nis_code"] == all_nis[0]} == {"disputed"}
    # The published figures keep its real entry: taking it out alone would change Wallonia by one commune
    # (maturity.poolrelease); they would drop it at the next release.
    assert {r["nis_code"]: r["gov"] for r in store.pool_rows()}[all_nis[0]] == 60.0
    # The admin withdraws everything that came from the script's client in one go...
    script = [e for e in store.pool_entries() if e["client_fingerprint"] == fingerprint_of(store, "203.0.113.9")]
    assert len(script) == len(all_nis)
    assert store.withdraw_pool_entries([e["id"] for e in script]) == len(all_nis)
    # ...and the real figures are back, untouched.
    rows = {r["nis_code"]: r for r in store.pool_rows()}
    assert set(rows) == set(real)
    assert all(r["gov"] == 60.0 for r in rows.values())


def fingerprint_of(store: Store, client: str) -> str:
    with store.engine.connect() as conn:
        return store._fingerprint(conn, "client", client)


def test_the_same_space_replaces_its_own_entry(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    token = store.open_space("92094", Q_ID, Q_VERSION)
    submit(store, token, "92094", 40.0)
    submit(store, token, "92094", 55.0)
    confirm_pending(store)
    assert [r["gov"] for r in store.pool_rows()] == [55.0]
    assert [e["status"] for e in store.pool_entries()] == ["counted", "superseded"]


def test_provenance_is_recorded_without_the_address(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    a = store.open_space("92094", Q_ID, Q_VERSION)
    b = store.open_space("25072", Q_ID, Q_VERSION)
    submit(store, a, "92094", 40.0, client="198.51.100.7")
    submit(store, a, "92094", 45.0, client="198.51.100.8")
    submit(store, b, "25072", 50.0, client="198.51.100.7")
    entries = store.pool_entries()
    by_value = {e["scores"]["gov"]: e for e in entries}
    assert by_value[40.0]["space_fingerprint"] == by_value[45.0]["space_fingerprint"]
    assert by_value[40.0]["space_fingerprint"] != by_value[50.0]["space_fingerprint"]
    assert by_value[40.0]["client_fingerprint"] == by_value[50.0]["client_fingerprint"]
    assert by_value[40.0]["client_fingerprint"] != by_value[45.0]["client_fingerprint"]
    assert all(isinstance(e["created_at"], datetime) for e in entries)
    with store.engine.connect() as conn:
        dump = json.dumps([list(map(str, r)) for t in ("pool_entries", "rate_events", "snapshots", "spaces")
                           for r in conn.execute(sa.text(f"SELECT * FROM {t}")).all()])
    assert "198.51.100" not in dump


def test_settling_a_dispute_keeps_one_space(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    real = store.open_space("92094", Q_ID, Q_VERSION)
    fake = store.open_space("92094", Q_ID, Q_VERSION)
    submit(store, real, "92094", 70.0)
    confirm_pending(store)
    submit(store, fake, "92094", 0.0)
    submit(store, fake, "92094", 1.0)
    assert [r["gov"] for r in store.pool_rows()] == [70.0]  # the stranger's entries wait: they dispute nothing
    confirm_pending(store)  # the admin confirmed them: the commune is disputed
    assert store.pool_rows() == []
    keep = next(e["space_fingerprint"] for e in store.pool_entries() if e["scores"]["gov"] == 70.0)
    assert store.settle_dispute("92094", keep) == 2
    assert [r["gov"] for r in store.pool_rows()] == [70.0]
    # Withdrawing every assessment entry of the commune is also a settlement.
    assert store.settle_dispute("92094", None) == 1
    assert store.pool_rows() == []


def test_imports_are_never_disputed_by_assessments(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    store.import_pool_rows([{"nis_code": "92094", "gov": 35.0}], source="Baromètre 2024")
    submit(store, store.open_space("92094", Q_ID, Q_VERSION), "92094", 70.0)
    confirm_pending(store)
    assert sorted((r["source"], r["gov"]) for r in store.pool_rows()) == [("Baromètre 2024", 35.0), ("assessment", 70.0)]


def test_submissions_are_limited_per_client_across_replicas_and_restarts(make_store: Callable[..., Store]) -> None:
    clock = Clock(START, step=1)
    one, two = make_store(clock=clock), make_store(clock=clock)
    for store in (one, two):
        store.submit_per_client = Limit(3, 3600)
    submit(one, one.open_space("92094", Q_ID, Q_VERSION), "92094", 1.0, client="203.0.113.9")
    submit(two, two.open_space("25072", Q_ID, Q_VERSION), "25072", 1.0, client="203.0.113.9")
    submit(one, one.open_space("62063", Q_ID, Q_VERSION), "62063", 1.0, client="203.0.113.9")
    token = two.open_space("57081", Q_ID, Q_VERSION)
    with pytest.raises(RateLimited) as err:
        submit(two, token, "57081", 1.0, client="203.0.113.9")
    assert 0 < err.value.retry_after <= 3600
    assert "57081" not in {e["nis_code"] for e in one.pool_entries()}  # nothing stored
    restarted = make_store(clock=clock)
    restarted.submit_per_client = Limit(3, 3600)
    with pytest.raises(RateLimited):
        submit(restarted, token, "57081", 1.0, client="203.0.113.9")
    submit(restarted, token, "57081", 1.0, client="192.0.2.1")  # another client is not held back
    clock.now += timedelta(hours=1)
    submit(restarted, restarted.open_space("63079", Q_ID, Q_VERSION), "63079", 1.0, client="203.0.113.9")


def test_submissions_are_limited_per_space(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    store.submit_per_space = Limit(2, 3600)
    token = store.open_space("92094", Q_ID, Q_VERSION)
    submit(store, token, "92094", 1.0, client="192.0.2.1")
    submit(store, token, "92094", 2.0, client="192.0.2.2")
    with pytest.raises(RateLimited):
        submit(store, token, "92094", 3.0, client="192.0.2.3")
    assert len(store.history(token)) == 2


def test_the_default_limit_stops_a_script(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    stored = 0
    with pytest.raises(RateLimited):
        for c in communes.communes().values():
            submit(store, store.open_space(c.nis_code, Q_ID, Q_VERSION), c.nis_code, 0.0, client="203.0.113.9")
            stored += 1
    assert stored == store.submit_per_client.count < 50


def test_a_version_1_database_gets_provenance(tmp_path) -> None:
    """Upgrading keeps the pool entries and gives them the fingerprint of their space, so that the
    same space submitting again replaces its entry rather than disputing it."""
    path = tmp_path / "maturity.sqlite3"
    engine = sa.create_engine(f"sqlite:///{path}")
    v1 = next(m for m in migrations.all_migrations() if m.version == 1)
    now = datetime(2024, 1, 1, tzinfo=UTC)
    from maturity.storage.spaces import token_hash

    with engine.begin() as conn:
        v1.upgrade(conn)
        migrations.schema_version.create(conn)
        conn.execute(migrations.schema_version.insert().values(version=1, description="v1", applied_at=now))
        conn.execute(sa.text(
            "INSERT INTO spaces (id, token_hash, questionnaire_id, questionnaire_version, lang, nis_code, meta_json,"
            " created_at, draft_updated_at) VALUES (7, :th, :q, :v, 'fr', '92094', '{}', :t, :t)"),
            {"th": token_hash("old-token"), "q": Q_ID, "v": Q_VERSION, "t": now})
        conn.execute(sa.text(
            "INSERT INTO snapshots (id, space_id, submitted_at, nis_code, questionnaire_id, questionnaire_version,"
            " document_json, assessment_json, pool_opt_in) VALUES (1, 7, :t, '92094', :q, :v, '{}', '{}', 1)"),
            {"q": Q_ID, "v": Q_VERSION, "t": now})
        conn.execute(sa.text(
            "INSERT INTO pool_entries (snapshot_id, nis_code, submitted_at, questionnaire_version, source,"
            " scores_json, withdrawn, created_at) VALUES (1, '92094', :t, :v, 'assessment', '{\"gov\": 40}', 0, :t)"),
            {"v": Q_VERSION, "t": now})
    engine.dispose()
    with Store(data_dir=tmp_path) as store:
        assert store.schema_version() == migrations.latest_version()
        assert store.load_space("old-token").version == 0
        assert [r["gov"] for r in store.pool_rows()] == [40.0]  # stored before: it keeps counting
        submit(store, "old-token", "92094", 80.0)
        assert [r["gov"] for r in store.pool_rows()] == [40.0]  # a new one waits for the admin
        confirm_pending(store)
        assert [r["gov"] for r in store.pool_rows()] == [80.0]
        assert [e["status"] for e in store.pool_entries()] == ["counted", "superseded"]


def test_opening_spaces_is_limited_per_client(make_store: Callable[..., Store]) -> None:
    # a script opening spaces by the thousand from one address, to fill the disk, is stopped; the count is
    # in the database (every replica, across restarts) and a commune's own visits never meet it
    clock = Clock(START, step=1)
    one, two = make_store(clock=clock), make_store(clock=clock)
    opened = []
    with pytest.raises(RateLimited) as err:
        for _ in range(1000):
            opened.append((one if len(opened) % 2 else two).open_space("92094", Q_ID, Q_VERSION, client="203.0.113.9"))
    assert len(opened) == one.open_per_client.count == 30
    assert 0 < err.value.retry_after <= 3600
    with one._read() as conn:  # nothing was created by the refused call
        assert conn.execute(sa.text("SELECT count(*) FROM spaces")).scalar() == 30
    assert one.open_space("92094", Q_ID, Q_VERSION, client="192.0.2.1")  # another address is not held back
    assert one.open_space("92094", Q_ID, Q_VERSION)  # nor the coordinator's command line (no client)
    clock.now += timedelta(hours=1)
    assert two.open_space("92094", Q_ID, Q_VERSION, client="203.0.113.9")
