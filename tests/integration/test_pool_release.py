"""The open pool's published figures change in releases, never by one commune (SQLite and PostgreSQL).

Whoever notes a group's figures before and after it changes by one commune reads that commune's scores
(SECURITY.md). An invitation's entry and an import count on arrival, a withdrawal, an erasure or a settled
dispute take a commune out: each changed the published figures by one commune, with nobody warned. Now the
figures follow the counted entries in releases (maturity.poolrelease): by themselves when safe, else when
the admin publishes; a withdrawal still takes the entry out of every figure at once, and hides its groups.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from maturity import migrations, poolrelease
from maturity.communes import communes
from maturity.pool import pooled_reference
from maturity.storage import Invitee, Store
from maturity.storage.pool import pool_release
from tests.clocks import Clock

Q_ID, Q_VERSION = "smart-city-wallonie", "2026.1"
START = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # the store's clock at the start of each test
DIMS = ("economy", "people", "governance")
NAMUR_5K = sorted(c.nis_code for c in communes().values()
                  if c.province_nis == "90000" and c.population_class == "5k_10k")[:10]


def share(store: Store, token: str, nis: str, value: float) -> None:
    doc = {"questionnaire": {"id": Q_ID, "version": Q_VERSION}, "commune": {"nis_code": nis}, "answers": {}}
    assessment = {"dimensions": {d: {"score": value} for d in DIMS}}
    store.submit(token, doc, assessment, Q_ID, Q_VERSION, True, client="192.0.2.10")


def shared(store: Store, count: int, start: int = 0) -> list[str]:
    """``count`` Namur communes share 40, 41…; returns their resume links."""
    tokens = []
    for k, nis in enumerate(NAMUR_5K[start:start + count], start=start):
        tokens.append(store.open_space(nis, Q_ID, Q_VERSION))
        share(store, tokens[-1], nis, 40.0 + k)
    return tokens


def wallonia(store: Store):
    return pooled_reference(store.pool_rows(), DIMS).wallonia


def pending_ids(store: Store) -> list[int]:
    return [e["id"] for e in store.pool_entries() if e["status"] == "pending"]


def test_a_confirmation_of_one_commune_waits_for_a_second(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    shared(store, 6)
    store.confirm_pool_entries(pending_ids(store))  # six at once: published
    assert wallonia(store).n == 6 and store.pool_release_state()["released_by"] == "auto"
    [token] = shared(store, 1, start=6)
    [one] = pending_ids(store)
    assert store.confirm_pool_entry(one)
    assert [e["status"] for e in store.pool_entries() if e["id"] == one] == ["counted"]
    assert wallonia(store).n == 6  # counted, not published: Wallonia, Namur and its size class by one only
    [snap] = store.history(token)
    assert store.pool_statuses(token) == {snap.id: "unpublished"}  # what the commune's page says
    shared(store, 1, start=7)
    store.confirm_pool_entries(pending_ids(store))
    assert wallonia(store).n == 8  # together, two communes: published
    assert store.pool_statuses(token) == {snap.id: "counted"}


def test_an_invitation_entry_and_an_import_wait_for_company(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    shared(store, 6)
    store.confirm_pool_entries(pending_ids(store))
    store.create_campaign("wal-2026", "Baromètre 2026", Q_ID, date(2026, 3, 1), date(2026, 6, 30))
    [issued] = store.invite("wal-2026", [Invitee(NAMUR_5K[6], "Ciney")], Q_VERSION)
    share(store, issued.token, NAMUR_5K[6], 90.0)
    assert [e["status"] for e in store.pool_entries() if e["scores"]["economy"] == 90.0] == ["counted"]
    assert wallonia(store).n == 6 and wallonia(store).dimensions["economy"].mean == 42.5  # its 90 in no figure
    store.import_pool_rows([{"nis_code": NAMUR_5K[7], "economy": 10.0, "people": 10.0, "governance": 10.0}],
                           source="Enquête 2026")
    ref = wallonia(store)
    assert ref.n == 8 and ref.dimensions["economy"].mean == (6 * 42.5 + 90 + 10) / 8


def test_a_withdrawal_leaves_every_figure_at_once_and_hides_its_groups(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    shared(store, 7)
    store.confirm_pool_entries(pending_ids(store))
    assert wallonia(store).n == 7
    gone = next(e for e in store.pool_entries() if e["nis_code"] == NAMUR_5K[2])
    assert store.withdraw_pool_entry(gone["id"])
    rows = store.pool_rows()
    assert NAMUR_5K[2] not in {r["nis_code"] for r in rows}  # out of everything, now
    ref = pooled_reference(rows, DIMS)
    assert ref.wallonia.held and ref.wallonia.n is None and ref.provinces["90000"].held
    assert "retiré" in ref.regional_note("fr")
    shared(store, 1, start=7)  # a second change in the same groups: shown again, without the withdrawn one
    store.confirm_pool_entries(pending_ids(store))
    assert wallonia(store).n == 7 and not wallonia(store).held


def test_an_erased_space_and_a_settled_dispute_hide_their_groups(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    tokens = shared(store, 7)
    store.confirm_pool_entries(pending_ids(store))
    assert store.delete_space(tokens[0])
    assert NAMUR_5K[0] not in {r["nis_code"] for r in store.pool_rows()} and wallonia(store).held
    store.publish_pool()  # the admin publishes anyway
    assert wallonia(store).n == 6 and store.pool_release_state()["released_by"] == "admin"
    # a stranger's entry for Namur confirmed by mistake: disputed, the published figure keeps the real one
    share(store, store.open_space(NAMUR_5K[1], Q_ID, Q_VERSION), NAMUR_5K[1], 0.0)
    store.confirm_pool_entries(pending_ids(store))
    assert {r["nis_code"]: r["economy"] for r in store.pool_rows()}[NAMUR_5K[1]] == 41.0
    real = next(e for e in store.pool_entries() if e["scores"]["economy"] == 41.0)
    assert store.settle_dispute(NAMUR_5K[1], real["space_fingerprint"]) == 1
    assert wallonia(store).n == 6 and not wallonia(store).held  # nothing changed for anyone
    assert store.settle_dispute(NAMUR_5K[1], None) == 1  # the commune out altogether: hidden
    assert wallonia(store).held


def test_figures_stored_before_releases_are_the_first_release(make_store: Callable[..., Store]) -> None:
    """A database upgraded to version 7 has no release: the figures are the counted entries, and the first
    change of the pool records them before it changes anything (a single new commune then waits)."""
    store = make_store(clock=Clock(START, step=1))
    shared(store, 6)
    store.confirm_pool_entries(pending_ids(store))
    with store.engine.begin() as conn:
        conn.execute(sa.delete(pool_release))  # as after the upgrade
    assert store.pool_release_state() is None and wallonia(store).n == 6
    shared(store, 1, start=6)
    store.confirm_pool_entries(pending_ids(store))
    assert store.pool_release_state()["released_by"] == "initial" and wallonia(store).n == 6


def test_a_release_is_checked_against_every_release_kept_not_only_the_last(make_store: Callable[..., Store]) -> None:
    """Six communes are published (release 1). The first withdraws; a seventh joins (release 2: one out, one
    in); the seventh withdraws; the first shares again. Against release 2 alone that is one out, one in again;
    but release 3 minus release 1 would be the first commune's new scores minus its old ones. It waits."""
    store = make_store(clock=Clock(START, step=1))
    tokens = shared(store, 6)
    store.confirm_pool_entries(pending_ids(store))
    first = next(e["id"] for e in store.pool_entries() if e["nis_code"] == NAMUR_5K[0])
    assert store.withdraw_pool_entry(first) and wallonia(store).held
    shared(store, 1, start=6)
    store.confirm_pool_entries(pending_ids(store))
    assert wallonia(store).n == 6 and not wallonia(store).held  # release 2
    seventh = next(e["id"] for e in store.pool_entries() if e["nis_code"] == NAMUR_5K[6])
    assert store.withdraw_pool_entry(seventh)
    share(store, tokens[0], NAMUR_5K[0], 90.0)  # the first commune shares again
    store.confirm_pool_entries(pending_ids(store))
    assert wallonia(store).held  # not published: it waits for company, or the admin
    history = store.pool_release_history()
    assert [h["released_by"] for h in history] == ["initial", "auto", "auto"]  # (initial: the empty pool)
    assert [h["cells"]["wallonia"]["*"] for h in history[1:]] == [[1, 2, 3, 4, 5, 6], [2, 3, 4, 5, 6, 7]]


def test_the_admin_publishing_anyway_is_recorded_with_the_warning_and_who(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    shared(store, 6)
    store.confirm_pool_entries(pending_ids(store))
    gone = next(e["id"] for e in store.pool_entries() if e["nis_code"] == NAMUR_5K[2])
    store.withdraw_pool_entry(gone)
    # the page named another commune (the pool changed since it showed the warning): nothing is published
    assert not store.publish_pool(by="Anne Dupont", warning="…", client="192.0.2.7", expected=[NAMUR_5K[3]])
    assert wallonia(store).held and store.pool_release_history()[-1]["released_by"] == "auto"
    warning = "Publier maintenant permettra de lire les scores de « Ciney »."
    assert store.publish_pool(by="  Anne   Dupont ", warning=warning, client="192.0.2.7", expected=[NAMUR_5K[2]])
    assert wallonia(store).n == 5
    last = store.pool_release_history()[-1]
    assert last["released_by"] == "admin" and last["published_by"] == "Anne Dupont"
    assert last["warning"] == warning and last["read"] == [NAMUR_5K[2]]
    assert last["client_fingerprint"].startswith("c") and "192.0.2.7" not in str(last)
    assert last["released_at"] == poolrelease.released_at(store.pool_release_state()) > START


def test_a_version_7_database_keeps_its_release_as_the_first_of_the_history(db_url: str) -> None:
    """Version 8 keeps every release. A version-7 database had only its current one (``pool_release``): it
    becomes the first of the history, the figures do not move, and the next check counts it."""
    url = sa.make_url(db_url)
    if url.get_backend_name() == "sqlite":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url)
    when = datetime(2026, 2, 1, 12, 0, tzinfo=UTC)
    entries = []
    with engine.begin() as conn:
        migrations.schema_version.create(conn)
        for m in migrations.all_migrations():
            if m.version <= 7:
                m.upgrade(conn)
                conn.execute(migrations.schema_version.insert().values(
                    version=m.version, description=m.description, applied_at=when))
        for i, nis in enumerate(NAMUR_5K[:6], start=1):
            scores = {d: 40.0 + i for d in DIMS} | {"people": None if i == 6 else 40.0 + i}
            at = when + timedelta(minutes=i)
            conn.execute(sa.text(
                "INSERT INTO pool_entries (nis_code, submitted_at, questionnaire_version, source, scores_json,"
                " withdrawn, created_at, confirmed_at) VALUES (:nis, :t, :v, 'assessment', :s, :w, :t, :t)"),
                {"nis": nis, "t": at, "v": Q_VERSION, "s": json.dumps(scores), "w": False})
            entries.append({"id": i, "nis_code": nis, "submitted_at": at, "source": "assessment",
                            "questionnaire_version": Q_VERSION, "scores": scores, "withdrawn": False,
                            "confirmed_at": at})
        state = poolrelease.release(entries, when + timedelta(hours=1), None, DIMS)  # as version 7 wrote it
        conn.execute(sa.text("INSERT INTO pool_release (id, state_json, released_at, released_by)"
                             " VALUES (1, :s, :t, 'auto')"), {"s": json.dumps(state), "t": when + timedelta(hours=1)})
    engine.dispose()
    store = Store(db_url, clock=Clock(START, step=1))
    try:
        assert store.schema_version() == migrations.latest_version() >= 8
        [first] = store.pool_release_history()
        assert first["released_by"] == "auto" and first["released_at"] == when + timedelta(hours=1)
        assert first["cells"]["wallonia"] == {"*": [1, 2, 3, 4, 5, 6], "economy": [1, 2, 3, 4, 5, 6],
                                              "people": [1, 2, 3, 4, 5], "governance": [1, 2, 3, 4, 5, 6]}
        assert first["read"] is None and first["warning"] is None and first["published_by"] is None
        assert wallonia(store).n == 6  # the figures as they were
        shared(store, 1, start=6)  # one more commune: checked against the kept release, it waits
        store.confirm_pool_entries(pending_ids(store))
        assert wallonia(store).n == 6 and len(store.pool_release_history()) == 1
        shared(store, 1, start=7)
        store.confirm_pool_entries(pending_ids(store))
        assert wallonia(store).n == 8 and [h["released_by"] for h in store.pool_release_history()] == ["auto", "auto"]
    finally:
        store.close()
