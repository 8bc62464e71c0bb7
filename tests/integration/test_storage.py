"""Drafts, snapshots, privacy and the pool, on SQLite and PostgreSQL (see conftest.py)."""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from maturity import migrations
from maturity.errors import InvalidInput
from maturity.storage import DB_FILENAME, Snapshot, SpaceNotFound, StorageError, Store
from tests.clocks import Clock
from tests.pooling import confirm_pending

Q_ID, Q_VERSION = "smart-city-wallonie", "2026.1"
START = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)  # the store's clock at the start of each test


def assessment(**scores: float | None) -> dict:
    return {
        "questionnaire": {"id": Q_ID, "version": Q_VERSION},
        "dimensions": {
            d: {"score": s, "level": None, "coverage": 1.0, "contributions": []} for d, s in scores.items()
        },
        "overall": None,
        "obstacles": {},
        "warnings": [],
    }


def submit_with(
    store: Store, nis: str | None, opt_in: bool, token: str | None = None, **scores: float | None
) -> tuple[str, Snapshot]:
    token = token or store.open_space(nis, Q_ID, Q_VERSION)
    store.save_answer(token, "gov_strategy", "secret-answer-of-" + str(nis))
    doc = store.load_space(token).draft
    return token, store.submit(token, doc, assessment(**scores), Q_ID, Q_VERSION, pool_opt_in=opt_in)


# ---------------------------------------------------------------- tokens and privacy


def test_token_is_unguessable_and_unique(store: Store) -> None:
    tokens = {store.open_space(None, Q_ID, Q_VERSION) for _ in range(20)}
    assert len(tokens) == 20
    for token in tokens:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        assert len(raw) * 8 >= 128


def test_wrong_token_sees_nothing(store: Store) -> None:
    token = store.open_space("92094", Q_ID, Q_VERSION)
    store.save_answer(token, "q1", "a")
    other = store.open_space("25072", Q_ID, Q_VERSION)
    assert store.load_space(other).draft["answers"] == {}
    for wrong in [token[:-1] + ("A" if token[-1] != "A" else "B"), "", "x" * 5000, token.upper()]:
        assert store.load_space(wrong) is None
        with pytest.raises(SpaceNotFound):
            store.save_answer(wrong, "q1", "b")
        with pytest.raises(SpaceNotFound):
            store.history(wrong)
        assert store.delete_space(wrong) is False
    assert store.load_space(token).draft["answers"] == {"q1": "a"}


def test_token_itself_is_not_stored(store: Store) -> None:
    token = store.open_space("92094", Q_ID, Q_VERSION)
    with store.engine.connect() as conn:
        dump = json.dumps([list(map(str, r)) for r in conn.execute(sa.text("SELECT * FROM spaces")).all()])
    assert token not in dump


# ---------------------------------------------------------------- drafts


def test_draft_round_trip_and_resume_after_restart(make_store: Callable[..., Store]) -> None:
    store = make_store()
    token = store.open_space("92094", Q_ID, Q_VERSION, lang="de")
    store.save_answer(token, "gov_strategy", "partial")
    store.save_answer(token, "data_tools", ["b", "a", "c"])
    store.save_answer(token, "budget", 12.5)
    store.save_answer(token, "gov_strategy", "yes")  # changed: keeps its place
    store.save_note(token, "gov_strategy", "voir PST 2025")
    store.set_commune(token, "92094", "Namur")
    store.close()  # "server restart"

    space = make_store().load_space(token)
    assert space is not None
    assert space.token == token
    assert (space.nis_code, space.commune_name, space.lang) == ("92094", "Namur", "de")
    assert list(space.draft["answers"].items()) == [
        ("gov_strategy", "yes"),
        ("data_tools", ["b", "a", "c"]),
        ("budget", 12.5),
    ]
    assert space.draft["notes"] == {"gov_strategy": "voir PST 2025"}
    assert space.draft["questionnaire"] == {"id": Q_ID, "version": Q_VERSION}
    assert space.draft["commune"] == {"nis_code": "92094", "name": "Namur"}
    assert space.draft_updated_at >= space.created_at
    assert space.submissions == []


def test_clear_answer_and_note(store: Store) -> None:
    token = store.open_space(None, Q_ID, Q_VERSION)
    store.save_answer(token, "q1", "na")
    store.save_answer(token, "q2", "unknown")
    store.save_note(token, "q1", "n")
    store.save_answer(token, "q1", None)
    store.save_note(token, "q1", None)
    draft = store.load_space(token).draft
    assert draft["answers"] == {"q2": "unknown"}
    assert draft["notes"] == {}


def test_save_rejects_non_json_values(store: Store) -> None:
    token = store.open_space(None, Q_ID, Q_VERSION)
    for bad in [{1, 2}, float("nan"), object()]:
        with pytest.raises(ValueError):
            store.save_answer(token, "q1", bad)
    with pytest.raises(ValueError):
        store.save_answer(token, "", "a")
    assert store.load_space(token).draft["answers"] == {}


def test_save_draft_replaces_everything_and_keeps_metadata(store: Store) -> None:
    token = store.open_space(None, Q_ID, Q_VERSION)
    store.save_answer(token, "old", "x")
    uploaded = {
        "questionnaire": {"id": Q_ID, "version": "2025.2"},
        "commune": {"nis_code": "25072", "name": "Ottignies-Louvain-la-Neuve", "province": "BW"},
        "respondent": {"role": "échevin"},
        "created_at": "2025-03-01T10:00:00+01:00",
        "updated_at": "2025-03-01T10:40:00+01:00",
        "answers": {"z_last": ["c", "a"], "a_first": "yes", "num": 3},
        "notes": {"a_first": "free text"},
        "x-tool": {"exported_by": "other tool"},
    }
    store.save_draft(token, uploaded)
    space = store.load_space(token)
    draft = space.draft
    assert list(draft["answers"].items()) == list(uploaded["answers"].items())
    assert draft["notes"] == uploaded["notes"]
    assert draft["commune"] == uploaded["commune"]
    assert draft["respondent"] == uploaded["respondent"]
    assert draft["created_at"] == uploaded["created_at"]
    assert draft["x-tool"] == uploaded["x-tool"]
    assert draft["questionnaire"] == uploaded["questionnaire"]
    assert (space.nis_code, space.questionnaire_version) == ("25072", "2025.2")
    assert "old" not in draft["answers"]


def test_set_lang(store: Store) -> None:
    token = store.open_space(None, Q_ID, Q_VERSION)
    store.set_lang(token, "en")
    assert store.load_space(token).lang == "en"


# ---------------------------------------------------------------- submissions


def test_submit_history_and_previous(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    token = store.open_space("92094", Q_ID, Q_VERSION)
    store.save_answer(token, "q1", "a")
    first = store.submit(token, store.load_space(token).draft, assessment(gov=40.0), Q_ID, Q_VERSION, False)
    assert store.previous_snapshot(token) is None
    store.save_answer(token, "q1", "b")
    second = store.submit(token, store.load_space(token).draft, assessment(gov=60.0), Q_ID, Q_VERSION, False)
    history = store.history(token)
    assert [s.id for s in history] == [first.id, second.id]
    assert history[0].submitted_at < history[1].submitted_at
    assert history[0].document["answers"] == {"q1": "a"}
    assert history[1].document["answers"] == {"q1": "b"}
    assert history[1].assessment["dimensions"]["gov"]["score"] == 60.0
    assert (history[1].questionnaire_id, history[1].questionnaire_version, history[1].nis_code) == (
        Q_ID,
        Q_VERSION,
        "92094",
    )
    assert store.previous_snapshot(token) == first
    assert store.latest_snapshot(token) == second
    assert store.load_space(token).submissions == history
    # the draft goes on after a submission
    assert store.load_space(token).draft["answers"] == {"q1": "b"}


def test_snapshots_are_immutable(store: Store) -> None:
    token = store.open_space("92094", Q_ID, Q_VERSION)
    store.save_answer(token, "q1", "a")
    snap = store.submit(token, store.load_space(token).draft, assessment(gov=40.0), Q_ID, Q_VERSION, True)
    with pytest.raises(dataclasses.FrozenInstanceError):
        snap.pool_opt_in = False  # type: ignore[misc]
    # Mutating what we got back changes nothing stored.
    snap.document["answers"]["q1"] = "tampered"
    snap.assessment["dimensions"]["gov"]["score"] = 100.0
    # Later draft edits and submissions do not touch it.
    store.save_answer(token, "q1", "b")
    store.save_draft(token, {"answers": {"q9": "z"}})
    store.submit(token, store.load_space(token).draft, assessment(gov=90.0), Q_ID, Q_VERSION, True)
    stored = store.history(token)[0]
    assert stored.document["answers"] == {"q1": "a"}
    assert stored.assessment["dimensions"]["gov"]["score"] == 40.0
    # The API offers no way to change one.
    public = {name for name in dir(Store) if not name.startswith("_")}
    assert not {n for n in public if "snapshot" in n and not n.startswith(("latest", "previous"))}
    assert not {n for n in public if n.startswith(("update", "edit", "modify", "replace"))}


def test_delete_space_removes_everything(store: Store) -> None:
    token, _snap = submit_with(store, "92094", True, gov=50.0)
    keep_token, _ = submit_with(store, "25072", True, gov=70.0)
    confirm_pending(store)
    assert {r["nis_code"] for r in store.pool_rows()} == {"92094", "25072"}
    assert store.delete_space(token) is True
    assert store.load_space(token) is None
    assert store.delete_space(token) is False
    assert {r["nis_code"] for r in store.pool_rows()} == {"25072"}
    assert {e["nis_code"] for e in store.pool_entries()} == {"25072"}
    with store.engine.connect() as conn:
        for table in ["spaces", "draft_answers", "snapshots", "pool_entries"]:
            dump = json.dumps(
                [list(map(str, r)) for r in conn.execute(sa.text(f"SELECT * FROM {table}")).all()]
            )
            assert "secret-answer-of-92094" not in dump
    assert store.load_space(keep_token).submissions


# ---------------------------------------------------------------- pool


def test_pool_rules(make_store: Callable[..., Store]) -> None:
    store = make_store(clock=Clock(START, step=1))
    namur, _ = submit_with(store, "92094", True, gov=40.0, data=None)  # older, replaced by the next one
    submit_with(store, "92094", True, namur, gov=55.0, data=20.0)  # latest opted-in for Namur (same space)
    submit_with(store, "92094", False, namur, gov=99.0, data=99.0)  # not opted in: never pooled
    submit_with(store, "25072", False, gov=10.0)  # never opted in
    submit_with(store, None, True, gov=10.0)  # no commune: cannot be pooled
    _, liege = submit_with(store, "62063", True, gov=80.0)
    confirm_pending(store)  # the admin confirmed them (an open-pool entry counts only then)
    rows = store.pool_rows()
    assert [r["nis_code"] for r in rows] == ["62063", "92094"]
    namur = rows[1]
    assert (namur["gov"], namur["data"], namur["questionnaire_version"], namur["source"]) == (
        55.0,
        20.0,
        Q_VERSION,
        "assessment",
    )
    assert set(namur) == {"nis_code", "submitted_at", "questionnaire_version", "source", "gov", "data"}
    assert "secret-answer" not in json.dumps(rows, default=str)
    assert "secret-answer" not in json.dumps(store.pool_entries(), default=str)

    # Withdrawing Liège's only entry removes it; withdrawing Namur's latest falls back to its previous.
    entries = store.pool_entries()
    liege_entry = next(e for e in entries if e["nis_code"] == "62063")
    assert liege_entry["source"] == "assessment" and liege_entry["withdrawn"] is False
    assert store.withdraw_pool_entry(liege_entry["id"]) is True
    assert store.withdraw_pool_entry(liege_entry["id"]) is False
    assert store.withdraw_pool_entry(10**9) is False
    namur_latest = next(e for e in entries if e["nis_code"] == "92094")  # newest first
    store.withdraw_pool_entry(namur_latest["id"])
    rows = store.pool_rows()
    assert [(r["nis_code"], r["gov"]) for r in rows] == [("92094", 40.0)]
    withdrawn = {e["id"] for e in store.pool_entries() if e["withdrawn"]}
    assert withdrawn == {liege_entry["id"], namur_latest["id"]}
    assert liege.pool_opt_in is True


def test_import_pool_rows(store: Store) -> None:
    n = store.import_pool_rows(
        [
            {"nis_code": "92094", "submitted_at": "2024-05-01", "gov": 35.0, "data": None},
            {"nis_code": "25072", "submitted_at": 2024, "gov": 61},
        ],
        source="Baromètre Smart Region 2024",
    )
    assert n == 2
    submit_with(store, "92094", True, gov=70.0)
    assert len(store.pool_rows()) == 2  # imports count at once; the assessment waits for the admin
    confirm_pending(store)
    rows = store.pool_rows()
    by_source = {(r["nis_code"], r["source"]): r for r in rows}
    assert by_source[("92094", "Baromètre Smart Region 2024")]["gov"] == 35.0
    assert by_source[("92094", "assessment")]["gov"] == 70.0
    assert by_source[("25072", "Baromètre Smart Region 2024")]["submitted_at"].year == 2024
    assert len(rows) == 3

    with pytest.raises(InvalidInput) as err:
        store.import_pool_rows(
            [{"nis_code": "", "gov": "high"}, {"nis_code": "57081", "submitted_at": "yesterday"}, "row"],
            source="x",
        )
    places = {p.path for p in err.value.problems}
    assert places == {"rows[0].nis_code", "rows[0].gov", "rows[1].submitted_at", "rows[2]"}
    with pytest.raises(InvalidInput):
        store.import_pool_rows([{"nis_code": "57081", "gov": 1.0}], source="assessment")
    assert len(store.pool_rows()) == 3  # nothing stored from the bad batches


# ---------------------------------------------------------------- configuration and migrations


def test_from_env_sqlite_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with Store.from_env({}) as store:
        assert store.db_path == Path("var") / DB_FILENAME
    assert (tmp_path / "var" / DB_FILENAME).exists()
    with Store.from_env({"MATURITY_DATA_DIR": str(tmp_path / "a" / "b")}) as store:
        token = store.open_space(None, Q_ID, Q_VERSION)
    with Store(data_dir=tmp_path / "a" / "b") as store:
        assert store.load_space(token) is not None
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_from_env_database_url(db_url: str) -> None:
    with Store.from_env({"MATURITY_DATABASE_URL": db_url, "MATURITY_DATA_DIR": "/nonexistent"}) as store:
        assert store.schema_version() == migrations.latest_version()


def test_migrations_are_idempotent_and_recorded(make_store: Callable[..., Store]) -> None:
    store = make_store()
    token = store.open_space(None, Q_ID, Q_VERSION)
    again = make_store()
    assert again.schema_version() == migrations.latest_version()
    assert again.load_space(token) is not None
    with again.engine.connect() as conn:
        versions = [
            r[0] for r in conn.execute(sa.text("SELECT version FROM schema_version ORDER BY version"))
        ]
    assert versions == list(range(1, migrations.latest_version() + 1))


def test_newer_schema_is_refused(make_store: Callable[..., Store]) -> None:
    store = make_store()
    token = store.open_space(None, Q_ID, Q_VERSION)
    with store.engine.begin() as conn:
        conn.execute(
            migrations.schema_version.insert().values(
                version=migrations.latest_version() + 1,
                description="from the future",
                applied_at=datetime.now(UTC),
            )
        )
    store.close()
    with pytest.raises(StorageError) as err:
        make_store()
    assert err.value.kind == "schema_newer"
    assert "plus récente" in err.value.message_fr and "newer" in err.value.message_en
    # nothing was changed: remove the future row and the data is still there
    with store.engine.begin() as conn:
        conn.execute(sa.text("DELETE FROM schema_version WHERE description = 'from the future'"))
    assert make_store().load_space(token) is not None


def test_unsupported_urls(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        Store("mysql://localhost/x")
    with pytest.raises(ValueError):
        Store("sqlite://")


def test_save_meta_sets_targets_and_plan_and_keeps_an_answer_saved_meanwhile(store: Store) -> None:
    """Two tabs: one saves an answer, the other then saves its targets from an older copy of the
    draft. The answer stays (a whole-draft write from the old copy would have dropped it)."""
    token = store.open_space("92094", Q_ID, Q_VERSION)
    store.save_answer(token, "q1", "a")
    old_copy = store.load_space(token).draft
    store.save_answer(token, "q2", "b")  # the other tab
    before = store.space_version(token)
    version = store.save_meta(token, {"targets": {"economy": {"level": "integration", "by": 2030}},
                                      "plan": [{"id": "a1", "action": "Former", "owner": "DG", "year": 2026,
                                                "status": "planned"}]})
    assert version == before + 1 and "q2" not in old_copy["answers"]
    draft = store.load_space(token).draft
    assert draft["answers"] == {"q1": "a", "q2": "b"}
    assert draft["targets"] == {"economy": {"level": "integration", "by": 2030}}
    assert draft["plan"][0]["owner"] == "DG"
    store.save_meta(token, {"plan": None})
    assert "plan" not in store.load_space(token).draft and "targets" in store.load_space(token).draft
    with pytest.raises(ValueError):
        store.save_meta(token, {"answers": {}})


def test_change_meta_changes_the_stored_value_in_one_transaction(store: Store) -> None:
    """The roadmap edited in two tabs: each change is applied to the plan as stored, not to a tab's copy."""
    token = store.open_space("92094", Q_ID, Q_VERSION)
    first = {"id": "a1", "action": "Former", "owner": "", "year": 2027, "status": "planned"}
    seen: list = []
    value, version = store.change_meta(token, "plan", lambda stored: seen.append(stored) or [first])
    assert seen == [None] and value == [first] and version == store.space_version(token)
    store.save_meta(token, {"targets": {"economy": {"level": "integration", "by": 2030}}})
    value, _ = store.change_meta(token, "plan", lambda stored: [*stored, dict(first, id="a2")])
    draft = store.load_space(token).draft
    assert [a["id"] for a in draft["plan"]] == ["a1", "a2"] == [a["id"] for a in value]
    assert draft["targets"] == {"economy": {"level": "integration", "by": 2030}}  # nothing else changed
    assert store.change_meta(token, "plan", lambda stored: None)[0] is None
    assert "plan" not in store.load_space(token).draft
    for reserved in ("answers", "notes", "commune", "_last_part"):
        with pytest.raises(ValueError):
            store.change_meta(token, reserved, lambda stored: {})
    with pytest.raises(SpaceNotFound):
        store.change_meta("unknown", "plan", lambda stored: [])


def test_the_last_part_opened_is_remembered_without_a_new_version(make_store: Callable[..., Store]) -> None:
    store = make_store()
    token = store.open_space("92094", Q_ID, Q_VERSION)
    store.save_answer(token, "q1", "yes")
    version = store.space_version(token)
    assert store.load_space(token).last_part is None
    store.set_last_part(token, "mobility")
    assert store.space_version(token) == version  # not a change of the answers: no other tab reloads
    store.close()
    space = make_store().load_space(token)
    assert space.last_part == "mobility"
    assert "_last_part" not in space.draft  # the space's, never in the answers document or its file
    store = make_store()
    store.save_draft(token, {**space.draft, "answers": {"q1": "no"}})  # an upload keeps it
    assert store.load_space(token).last_part == "mobility"
    assert store.export_space(token)["space"]["last_part"] == "mobility"
    with pytest.raises(SpaceNotFound):
        store.set_last_part("unknown-token-of-forty-characters-abcdef", "mobility")
