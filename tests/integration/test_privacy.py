"""Privacy by design (issue 17): personal fields of an uploaded file were stored silently; nothing
expired; snapshots could not be downloaded; deleted text survived in SQLite's WAL."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

from maturity.privacy import DEFAULT_RETENTION_DAYS, PrivacySettings
from maturity.storage import Store
from tests.clocks import Clock
from tests.pooling import confirm_pending

Q_ID, Q_VERSION = "smart-city-wallonie", "1.0"
START = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)  # the store's clock at the start of each test
SECRET = "SECRET-NOTE-OF-NAMUR"


def dump(store: Store) -> str:
    with store.engine.connect() as conn:
        tables = sa.inspect(conn).get_table_names()
        return json.dumps([list(map(str, r)) for t in tables for r in conn.execute(sa.text(f"SELECT * FROM {t}")).all()])


def test_only_the_respondent_fields_of_the_contract_are_stored(make_store: Callable[..., Store]) -> None:
    store = make_store()
    token = store.open_space("92094", Q_ID, Q_VERSION)
    store.save_draft(token, {
        "questionnaire": {"id": Q_ID, "version": Q_VERSION},
        "respondent": {"role": "échevine", "name": "A. Dupont", "email": "a.dupont@example.be",
                       "phone": "+32 81 00 00 00", "role_extra": {"x": 1}},
        "answers": {}, "notes": {},
    })
    assert store.load_space(token).draft["respondent"] == {"role": "échevine", "name": "A. Dupont"}
    text = dump(store)
    assert "a.dupont@example.be" not in text and "+32 81" not in text


def test_download_everything_stored_about_an_assessment(make_store: Callable[..., Store]) -> None:
    store = make_store()
    token = store.open_space("92094", Q_ID, Q_VERSION)
    store.save_answer(token, "q1", "a")
    store.save_note(token, "q1", SECRET)
    doc = store.load_space(token).draft
    store.submit(token, doc, {"dimensions": {"gov": {"score": 40.0}}}, Q_ID, Q_VERSION, True, client="192.0.2.1")
    store.submit(token, doc, {"dimensions": {"gov": {"score": 50.0}}}, Q_ID, Q_VERSION, False)
    assert [e["status"] for e in store.export_space(token)["pool_entries"]] == ["pending"]
    confirm_pending(store)
    other = store.open_space("25072", Q_ID, Q_VERSION)
    store.save_note(other, "q1", "someone else's note")
    data = store.export_space(token)
    assert data["draft"]["notes"] == {"q1": SECRET}
    assert [s["assessment"]["dimensions"]["gov"]["score"] for s in data["submissions"]] == [40.0, 50.0]
    assert [(e["scores"], e["status"]) for e in data["pool_entries"]] == [({"gov": 40.0}, "counted")]
    text = json.dumps(data)
    assert "someone else" not in text and token not in text and "192.0.2.1" not in text
    assert store.export_space("x" * 43) is None


def test_download_everything_includes_the_teams_answers(make_store: Callable[..., Store]) -> None:
    """"Vos données" said it gave everything stored about the assessment, but left out the team: each
    colleague's role and own answers and notes, and the meeting's reasons (all stored with the space and
    erased with it)."""
    store = make_store()
    token = store.open_space("92094", Q_ID, Q_VERSION)
    member = store.invite_member(token, "directrice générale", ["gov"])
    store.save_member_answer(member, "q1", "b")
    store.save_member_note(member, "q1", "NOTE-OF-THE-DG")
    store.decide(token, "q1", "b", "REASON-OF-THE-MEETING")
    other = store.open_space("25072", Q_ID, Q_VERSION)
    store.save_member_note(store.invite_member(other, "CPAS"), "q1", "someone else's colleague")
    data = store.export_space(token)
    [colleague] = data["team"]
    assert (colleague["role"], colleague["sections"]) == ("directrice générale", ["gov"])
    assert colleague["answers"] == {"q1": "b"} and colleague["notes"] == {"q1": "NOTE-OF-THE-DG"}
    assert data["team_decisions"] == {"q1": "REASON-OF-THE-MEETING"}
    text = json.dumps(data)
    assert member not in text and "someone else" not in text


def test_untouched_spaces_are_erased_after_the_retention(make_store: Callable[..., Store]) -> None:
    clock = Clock(START)
    store = make_store(clock=clock)
    old = store.open_space("92094", Q_ID, Q_VERSION)
    store.save_note(old, "q1", SECRET)
    submitted = store.open_space("25072", Q_ID, Q_VERSION)
    clock.now += timedelta(days=300)
    store.submit(submitted, {"answers": {}}, {"dimensions": {}}, Q_ID, Q_VERSION, False)
    clock.now += timedelta(days=100)
    active = store.open_space("62063", Q_ID, Q_VERSION)
    assert store.erase_untouched(0) == 0  # 0: kept until the holder erases
    assert store.erase_untouched(365) == 1  # only the one untouched for 400 days
    assert store.load_space(old) is None
    assert store.load_space(submitted) is not None and store.load_space(active) is not None
    assert SECRET not in dump(store)


def test_privacy_settings_from_the_environment() -> None:
    assert PrivacySettings.from_env({}).retention_days == DEFAULT_RETENTION_DAYS
    s = PrivacySettings.from_env({"MATURITY_PRIVACY_CONTROLLER": " Commune de Namur ", "MATURITY_RETENTION_DAYS": "30",
                                  "MATURITY_PRIVACY_CONTACT": "dpo@namur.be"})
    assert (s.controller, s.contact, s.retention_days) == ("Commune de Namur", "dpo@namur.be", 30)
    assert PrivacySettings.from_env({"MATURITY_RETENTION_DAYS": "soon"}).retention_days == DEFAULT_RETENTION_DAYS


def test_erasure_leaves_no_readable_copy_in_the_sqlite_files(tmp_path: Path) -> None:
    with Store(data_dir=tmp_path) as store:
        keep = store.open_space("25072", Q_ID, Q_VERSION)
        store.save_note(keep, "q1", "kept")
        token = store.open_space("92094", Q_ID, Q_VERSION)
        for i in range(30):
            store.save_note(token, f"q{i}", f"{SECRET} {i} " * 20)
        store.submit(token, store.load_space(token).draft, {"dimensions": {}}, Q_ID, Q_VERSION, False)

        def raw() -> bytes:
            return b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())

        assert SECRET.encode() in raw()
        assert store.delete_space(token)
        assert SECRET.encode() not in raw()  # neither in the database file nor in its WAL
        assert store.load_space(keep).draft["notes"] == {"q1": "kept"}
        assert store.check_integrity() == ["ok"]


def test_rate_counters_do_not_outlive_their_window(make_store: Callable[..., Store]) -> None:
    """The fingerprints of client addresses in the rate counters are kept 2 days, as the notice says."""
    clock = Clock(START)
    store = make_store(clock=clock)
    token = store.open_space("92094", Q_ID, Q_VERSION)
    store.submit(token, {"answers": {}}, {"dimensions": {}}, Q_ID, Q_VERSION, False, client="192.0.2.1")
    store.record_login_failure("192.0.2.2")
    clock.now += timedelta(days=1)
    assert store.prune_rate_events() == 0
    clock.now += timedelta(days=1, seconds=1)
    assert store.prune_rate_events() == 4  # the submission (space, client), the failed login (client, account)
    with store.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM rate_events")).scalar() == 0
