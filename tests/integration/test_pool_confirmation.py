"""An open-pool entry counts only once the admin has confirmed it, on SQLite and PostgreSQL.

The hole (hostile review 11, SECURITY.md « Who speaks for a commune »): anyone can submit for any commune,
so a stranger who submitted made-up scores for four communes of a group where one real commune shared
read that commune's six scores from the group's mean. Now a new entry from the open pool waits for the
admin; an entry through a campaign's invitation (its link proves the commune), an import, and every entry
stored before the change count on arrival.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from maturity import migrations
from maturity.storage import Invitee, SpaceNotFound, Store
from tests.clocks import Clock

Q_ID, Q_VERSION = "smart-city-wallonie", "2026.1"
START = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # the store's clock at the start of each test


def doc(nis: str) -> dict:
    return {"questionnaire": {"id": Q_ID, "version": Q_VERSION}, "commune": {"nis_code": nis}, "answers": {}}


def scores(value: float) -> dict:
    return {"dimensions": {d: {"score": value} for d in ("economy", "people", "governance")}}


def share(store: Store, token: str, nis: str, value: float) -> None:
    store.submit(token, doc(nis), scores(value), Q_ID, Q_VERSION, True, client="192.0.2.10")


def status_of(store: Store) -> list[tuple[str, float, str]]:
    return sorted((e["nis_code"], e["scores"]["economy"], e["status"]) for e in store.pool_entries())


def test_a_new_entry_waits_for_the_admin(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    token = store.open_space("92094", Q_ID, Q_VERSION)
    share(store, token, "92094", 60.0)
    assert store.pool_rows() == []  # in no figure, in no group's n
    [entry] = store.pool_entries()
    assert (entry["status"], entry["confirmed_at"]) == ("pending", None)
    [snap] = store.history(token)
    assert store.pool_statuses(token) == {snap.id: "pending"}  # what the commune's page reads
    with pytest.raises(SpaceNotFound):
        store.pool_statuses("x" * 43)


def test_the_admin_confirms_one_or_several(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    tokens = {nis: store.open_space(nis, Q_ID, Q_VERSION) for nis in ("92094", "25072", "62063", "57081")}
    for i, (nis, token) in enumerate(tokens.items()):
        share(store, token, nis, 10.0 * (i + 1))
    ids = {e["nis_code"]: e["id"] for e in store.pool_entries()}
    assert store.confirm_pool_entry(ids["92094"]) is True
    assert store.confirm_pool_entry(ids["92094"]) is False  # already confirmed
    assert store.confirm_pool_entry(10**9) is False
    assert [r["nis_code"] for r in store.pool_rows()] == ["92094"]
    assert store.withdraw_pool_entry(ids["57081"]) is True
    assert store.confirm_pool_entries([ids["25072"], ids["62063"], ids["57081"], ids["92094"]]) == 2
    assert [r["nis_code"] for r in store.pool_rows()] == ["25072", "62063", "92094"]
    assert status_of(store) == [("25072", 20.0, "counted"), ("57081", 40.0, "withdrawn"),
                                ("62063", 30.0, "counted"), ("92094", 10.0, "counted")]
    assert all(e["confirmed_at"] is not None for e in store.pool_entries() if e["status"] == "counted")
    [snap] = store.history(tokens["92094"])
    assert store.pool_statuses(tokens["92094"]) == {snap.id: "counted"}


def test_a_newer_entry_waits_while_the_confirmed_one_keeps_counting(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    token = store.open_space("92094", Q_ID, Q_VERSION)
    share(store, token, "92094", 40.0)
    store.confirm_pool_entries([e["id"] for e in store.pool_entries()])
    share(store, token, "92094", 55.0)
    assert [r["economy"] for r in store.pool_rows()] == [40.0]
    assert status_of(store) == [("92094", 40.0, "counted"), ("92094", 55.0, "pending")]
    store.confirm_pool_entries([e["id"] for e in store.pool_entries() if e["status"] == "pending"])
    assert [r["economy"] for r in store.pool_rows()] == [55.0]
    assert status_of(store) == [("92094", 40.0, "superseded"), ("92094", 55.0, "counted")]


def test_an_entry_through_a_campaign_invitation_counts_on_arrival(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    store.create_campaign("wal-2026", "Baromètre 2026", Q_ID, date(2026, 3, 1), date(2026, 6, 30))
    [issued] = store.invite("wal-2026", [Invitee("92094", "Namur")], Q_VERSION)
    share(store, issued.token, "92094", 70.0)
    assert [r["economy"] for r in store.pool_rows()] == [70.0]
    assert [e["status"] for e in store.pool_entries()] == ["counted"]
    # an ordinary space of the same commune still waits (and, waiting, disputes nothing)
    share(store, store.open_space("92094", Q_ID, Q_VERSION), "92094", 5.0)
    assert [r["economy"] for r in store.pool_rows()] == [70.0]
    # a revoked link's space cannot submit; a reissued one is a live invitation again: confirmed on arrival
    [again] = store.reissue("wal-2026", ["92094"], Q_VERSION)
    share(store, again.token, "92094", 75.0)
    assert [r["economy"] for r in store.pool_rows()] == [75.0]


def test_settling_a_dispute_confirms_nothing(make_store: Callable[..., Store]) -> None:
    """The kept space's entries stay as they were: a confirmed one counts, a pending one still waits."""
    store = make_store(clock=Clock(START, step=1))
    real, fake = store.open_space("92094", Q_ID, Q_VERSION), store.open_space("92094", Q_ID, Q_VERSION)
    share(store, real, "92094", 70.0)
    share(store, fake, "92094", 0.0)
    store.confirm_pool_entries([e["id"] for e in store.pool_entries()])
    assert store.pool_rows() == []  # disputed
    assert list(store.pool_statuses(real).values()) == ["disputed"]  # the other space's entry read with it
    share(store, fake, "92094", 1.0)  # pending, from the space the admin will keep
    keep = next(e["space_fingerprint"] for e in store.pool_entries() if e["scores"]["economy"] == 0.0)
    assert store.settle_dispute("92094", keep) == 1
    assert [r["economy"] for r in store.pool_rows()] == [0.0]
    assert status_of(store) == [("92094", 0.0, "counted"), ("92094", 1.0, "pending"), ("92094", 70.0, "withdrawn")]
    assert store.pool_statuses(fake) == dict(zip([s.id for s in store.history(fake)], ["counted", "pending"],
                                                 strict=True))
    # the other way: keeping the real space withdraws the stranger's pending entry too
    real, fake = store.open_space("25072", Q_ID, Q_VERSION), store.open_space("25072", Q_ID, Q_VERSION)
    share(store, real, "25072", 70.0)
    share(store, fake, "25072", 0.0)
    store.confirm_pool_entries([e["id"] for e in store.pool_entries() if e["status"] == "pending"
                                and e["nis_code"] == "25072"])
    share(store, fake, "25072", 1.0)
    keep = next(e["space_fingerprint"] for e in store.pool_entries() if e["scores"]["economy"] == 70.0
                and e["nis_code"] == "25072")
    assert store.settle_dispute("25072", keep) == 2
    assert [e[1:] for e in status_of(store) if e[0] == "25072"] == [(0.0, "withdrawn"), (1.0, "withdrawn"),
                                                                    (70.0, "counted")]


def test_a_version_4_database_upgrades_and_its_entries_keep_counting(db_url: str, tmp_path: Path) -> None:
    """An upgrade must not empty the figures communes see without the operator acting: every entry stored
    before version 5 is confirmed (at the time it was received), withdrawn ones stay withdrawn."""
    url = sa.make_url(db_url)
    if url.get_backend_name() == "sqlite":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url)
    received = datetime(2025, 1, 1, 12, 0, tzinfo=UTC)
    with engine.begin() as conn:
        migrations.schema_version.create(conn)
        for m in migrations.all_migrations():
            if m.version <= 4:
                m.upgrade(conn)
                conn.execute(migrations.schema_version.insert().values(
                    version=m.version, description=m.description, applied_at=received))
        for i, (nis, withdrawn) in enumerate([("92094", False), ("25072", False), ("62063", True)], start=1):
            conn.execute(sa.text(
                "INSERT INTO pool_entries (nis_code, submitted_at, questionnaire_version, source, scores_json,"
                " withdrawn, created_at) VALUES (:nis, :t, :v, 'assessment', :s, :w, :t)"),
                {"nis": nis, "t": received + timedelta(minutes=i), "v": Q_VERSION, "s": f'{{"economy": {10 * i}}}',
                 "w": withdrawn})
    engine.dispose()
    store = Store(db_url)
    try:
        assert store.schema_version() == migrations.latest_version() >= 5
        assert [(r["nis_code"], r["economy"]) for r in store.pool_rows()] == [("25072", 20), ("92094", 10)]
        entries = {e["nis_code"]: e for e in store.pool_entries()}
        assert {nis: e["status"] for nis, e in entries.items()} == {
            "92094": "counted", "25072": "counted", "62063": "withdrawn"}
        assert entries["92094"]["confirmed_at"] == received + timedelta(minutes=1)
    finally:
        store.close()
