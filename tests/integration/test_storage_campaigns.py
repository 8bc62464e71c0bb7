"""Campaigns on SQLite and PostgreSQL: invitations bound to a commune, revocation, what counts as a
commune's response, files all or nothing, imported aggregates, and the migration from version 1."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from maturity import migrations
from maturity.errors import InvalidInput
from maturity.migrations import v0001_initial
from maturity.storage import CommuneLocked, FileResponse, Invitee, SpaceNotFound, Store
from tests.clocks import Clock

Q_ID, Q_VERSION = "smart-city-wallonie", "2026.1"
INVITEES = [Invitee("92094", "Namur"), Invitee("25072", "Nivelles"), Invitee("63023", "Eupen", "de")]


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC), step=1)


@pytest.fixture
def cstore(make_store: Callable[..., Store], clock: Clock) -> Store:
    store = make_store(clock=clock)
    store.create_campaign("wal-2026", "Baromètre Smart City 2026", Q_ID, date(2026, 3, 1), date(2026, 6, 30))
    return store


def scores(economy: float) -> dict:
    return {"dimensions": {"economy": {"score": economy}}, "obstacles": {}}


def submit_by_link(store: Store, token: str, economy: float) -> None:
    store.save_answer(token, "gov_strategy", "yes")
    store.submit(token, store.load_space(token).draft, scores(economy), Q_ID, Q_VERSION, pool_opt_in=False)


def links(store: Store) -> dict[str, str]:
    return {i.nis_code: i.token for i in store.invite("wal-2026", INVITEES, Q_VERSION)}


# ---------------------------------------------------------------- campaigns


def test_create_checks_everything_and_refuses_a_taken_id(cstore: Store) -> None:
    with pytest.raises(InvalidInput) as err:
        cstore.create_campaign("bad id!", " ", Q_ID, date(2026, 6, 1), date(2026, 5, 1))
    assert [p.path for p in err.value.problems] == ["ID", "--title", "--closes"]
    with pytest.raises(InvalidInput, match="already exists"):
        cstore.create_campaign("wal-2026", "again", Q_ID, date(2026, 1, 1), date(2026, 2, 1))
    found = cstore.campaign("wal-2026")
    assert (found.title, found.questionnaire, found.opens, found.closes) == (
        "Baromètre Smart City 2026", Q_ID, date(2026, 3, 1), date(2026, 6, 30))
    assert [c.id for c in cstore.campaigns()] == ["wal-2026"]
    assert cstore.campaign("nope") is None


# ---------------------------------------------------------------- invitations


def test_an_invitation_is_a_space_bound_to_its_commune_and_only_its_hash_is_stored(cstore: Store) -> None:
    tokens = links(cstore)
    assert sorted(tokens) == ["25072", "63023", "92094"]
    space = cstore.load_space(tokens["92094"])
    assert (space.nis_code, space.commune_name, space.commune_locked) == ("92094", "Namur", True)
    assert space.questionnaire_id == Q_ID and space.questionnaire_version == Q_VERSION
    assert cstore.load_space(tokens["63023"]).lang == "de"
    info = cstore.invitation_of(tokens["92094"])
    assert (info.campaign_id, info.nis_code, info.open) == ("wal-2026", "92094", True)
    with cstore.engine.connect() as conn:
        dump = json.dumps([[str(v) for v in r] for t in ("spaces", "campaign_invitations")
                           for r in conn.execute(sa.text(f"SELECT * FROM {t}")).all()])
    assert not any(token in dump for token in tokens.values())
    # inviting again issues nothing new: links cannot be shown twice (reissue gives new ones)
    assert cstore.invite("wal-2026", INVITEES, Q_VERSION) == []
    assert len(cstore.invitations("wal-2026")) == 3


def test_the_commune_of_an_invited_space_cannot_be_changed(cstore: Store) -> None:
    token = links(cstore)["92094"]
    with pytest.raises(CommuneLocked):
        cstore.set_commune(token, "25072", "Nivelles")
    draft = cstore.load_space(token).draft
    with pytest.raises(CommuneLocked):
        cstore.save_draft(token, {**draft, "commune": {"nis_code": "25072", "name": "Nivelles"}})
    # an upload without a commune keeps the bound one; the same commune is fine
    cstore.save_draft(token, {**{k: v for k, v in draft.items() if k != "commune"}, "answers": {"q1": "a"}})
    cstore.set_commune(token, "92094", "Namur")
    space = cstore.load_space(token)
    assert (space.nis_code, space.commune_name, space.draft["answers"]) == ("92094", "Namur", {"q1": "a"})
    # an ordinary space stays free
    free = cstore.open_space(None, Q_ID, Q_VERSION)
    cstore.set_commune(free, "25072", "Nivelles")
    assert cstore.load_space(free).commune_locked is False


# ---------------------------------------------------------------- responses


def test_a_commune_submitting_twice_counts_once_with_its_latest(cstore: Store) -> None:
    tokens = links(cstore)
    submit_by_link(cstore, tokens["92094"], 30.0)
    submit_by_link(cstore, tokens["92094"], 55.0)
    got = cstore.campaign_responses("wal-2026")
    assert [(r["nis_code"], r["channel"], r["assessment"]["dimensions"]["economy"]["score"]) for r in got] == [
        ("92094", "link", 30.0), ("92094", "link", 55.0)]
    assert got[0]["submitted_at"] < got[1]["submitted_at"]
    assert got[1]["document"]["answers"] == {"gov_strategy": "yes"}
    progress = cstore.campaign_progress("wal-2026")
    assert progress == {"invited": ["25072", "63023", "92094"], "started": ["92094"], "submitted": ["92094"]}


def test_started_means_an_answer_saved_in_the_invited_space(cstore: Store) -> None:
    tokens = links(cstore)
    cstore.save_answer(tokens["25072"], "q1", "a")
    assert cstore.campaign_progress("wal-2026")["started"] == ["25072"]
    assert cstore.campaign_progress("wal-2026")["submitted"] == []
    member = cstore.invite_member(tokens["63023"], "Direktor")  # Eupen's team: a colleague's answer counts too
    cstore.invite_member(tokens["92094"], "DG")  # a member who has answered nothing does not
    cstore.save_member_answer(member, "q1", "a")
    assert cstore.campaign_progress("wal-2026")["started"] == ["25072", "63023"]


def test_invited_communes_answering_from_one_address_are_not_held_back(cstore: Store) -> None:
    """Communes answering through their invitation links from one address (a shared municipal network, a
    workshop) each count: the 21st commune was told « Trop d'envois » after its first submission, and its
    response was not recorded (fresh-eyes trial 11). An invited space keeps its own limit; an open space from
    the same address still meets the per-address one."""
    from maturity.communes import registry_at
    from maturity.storage import Limit, RateLimited

    cstore.submit_per_client = Limit(3, 3600)
    cstore.submit_per_space = Limit(2, 3600)
    invitees = [Invitee(c.nis_code, c.name_fr) for c in registry_at(date(2026, 3, 1))][:6]
    issued = cstore.invite("wal-2026", invitees, Q_VERSION)
    for invitation in issued:
        cstore.submit(invitation.token, cstore.load_space(invitation.token).draft, scores(50.0), Q_ID, Q_VERSION,
                      pool_opt_in=False, client="203.0.113.9")
    assert len(cstore.campaign_progress("wal-2026")["submitted"]) == 6
    token = issued[0].token
    cstore.submit(token, cstore.load_space(token).draft, scores(60.0), Q_ID, Q_VERSION, False, client="203.0.113.9")
    with pytest.raises(RateLimited):  # its own third in the hour
        cstore.submit(token, cstore.load_space(token).draft, scores(70.0), Q_ID, Q_VERSION, False, client="203.0.113.9")
    opened = [cstore.open_space(code, Q_ID, Q_VERSION) for code in ("92094", "25072", "62063", "57081")]
    for token in opened[:3]:
        cstore.submit(token, cstore.load_space(token).draft, scores(1.0), Q_ID, Q_VERSION, False, client="203.0.113.9")
    with pytest.raises(RateLimited):  # the open pool's spaces: three an hour from this address
        cstore.submit(opened[3], cstore.load_space(opened[3]).draft, scores(1.0), Q_ID, Q_VERSION, False,
                      client="203.0.113.9")


def test_an_uninvited_link_records_nothing(cstore: Store) -> None:
    links(cstore)
    token = cstore.open_space("92094", Q_ID, Q_VERSION)  # Namur, but not through its invitation
    submit_by_link(cstore, token, 99.0)
    assert cstore.invitation_of(token) is None
    assert cstore.campaign_responses("wal-2026") == []
    assert cstore.campaign_progress("wal-2026")["submitted"] == []
    assert len(cstore.history(token)) == 1  # the commune's own snapshot is kept


def test_a_revoked_link_opens_nothing_records_nothing_and_its_responses_stop_counting(cstore: Store) -> None:
    tokens = links(cstore)
    submit_by_link(cstore, tokens["92094"], 40.0)
    assert cstore.revoke("wal-2026", ["92094"]) == 1
    old = tokens["92094"]
    assert cstore.load_space(old) is None
    assert cstore.invitation_of(old) is None
    with pytest.raises(SpaceNotFound):
        cstore.submit(old, {}, scores(10.0), Q_ID, Q_VERSION, pool_opt_in=False)
    with pytest.raises(SpaceNotFound):
        cstore.save_answer(old, "q1", "a")
    assert cstore.campaign_responses("wal-2026") == []
    progress = cstore.campaign_progress("wal-2026")
    assert "92094" not in progress["invited"] and progress["submitted"] == []
    with pytest.raises(InvalidInput, match="already revoked"):
        cstore.revoke("wal-2026", ["92094"])
    with pytest.raises(InvalidInput, match="not invited"):
        cstore.revoke("wal-2026", ["57081"])
    # a file for a revoked commune is refused too
    with pytest.raises(InvalidInput, match="no live invitation"):
        cstore.submit_files("wal-2026", [FileResponse("92094", {"answers": {}}, scores(1.0), "namur.json")])


def test_a_revoked_link_takes_its_colleagues_links_with_it(cstore: Store) -> None:
    """A leaked link could invite colleagues: their links must not outlive the revoked one (they opened the
    revoked commune's questionnaire and recorded answers the new link's holder then read as the team's)."""
    tokens = links(cstore)
    member = cstore.invite_member(tokens["92094"], "quelqu'un qui avait le lien")
    cstore.save_member_answer(member, "q1", "from the leak")
    other = cstore.invite_member(tokens["25072"], "collègue de Nivelles")
    cstore.revoke("wal-2026", ["92094"])
    assert cstore.load_member(member) is None
    with pytest.raises(SpaceNotFound):
        cstore.save_member_answer(member, "q1", "after the revocation")
    with pytest.raises(SpaceNotFound):
        cstore.save_member_note(member, "q1", "after the revocation")
    assert cstore.load_member(other) is not None  # another commune's team is untouched
    # the reissued link's holder still sees what the team had answered (nothing lost), and can remove it
    (issued,) = cstore.reissue("wal-2026", ["92094"], Q_VERSION)
    (kept,) = cstore.team_answers(issued.token)
    assert kept.answers == {"q1": "from the leak"}
    assert cstore.remove_member(issued.token, kept.id)


def test_reissue_gives_the_same_space_a_new_link(cstore: Store) -> None:
    tokens = links(cstore)
    cstore.save_answer(tokens["25072"], "q1", "kept")
    submit_by_link(cstore, tokens["25072"], 20.0)
    (issued,) = cstore.reissue("wal-2026", ["25072"], Q_VERSION)
    assert issued.token != tokens["25072"] and issued.commune_name == "Nivelles"
    assert cstore.load_space(tokens["25072"]) is None
    space = cstore.load_space(issued.token)
    assert space.draft["answers"]["q1"] == "kept" and space.commune_locked
    # what came through the old link no longer counts; the new link's submission does
    assert cstore.campaign_responses("wal-2026") == []
    submit_by_link(cstore, issued.token, 25.0)
    assert [r["assessment"]["dimensions"]["economy"]["score"] for r in cstore.campaign_responses("wal-2026")] == [25.0]
    assert [i["live"] for i in cstore.invitations("wal-2026") if i["nis_code"] == "25072"] == [False, True]


def test_after_the_close_a_link_submission_is_kept_but_not_counted(cstore: Store, clock: Clock) -> None:
    tokens = links(cstore)
    clock.now = datetime(2026, 6, 30, 21, 59, 0, tzinfo=UTC)  # 23:59 in Brussels (summer time)
    submit_by_link(cstore, tokens["92094"], 50.0)  # the last day counts
    clock.now = datetime(2026, 6, 30, 22, 0, 0, tzinfo=UTC)  # midnight in Brussels
    submit_by_link(cstore, tokens["92094"], 90.0)
    assert [r["assessment"]["dimensions"]["economy"]["score"] for r in cstore.campaign_responses("wal-2026")] == [50.0]
    assert len(cstore.history(tokens["92094"])) == 2
    assert cstore.invitation_of(tokens["92094"]).open is False
    with pytest.raises(InvalidInput, match="closed"):
        cstore.submit_files("wal-2026", [FileResponse("25072", {"answers": {}}, scores(1.0), "n.json")])
    with pytest.raises(InvalidInput, match="closed"):
        cstore.invite("wal-2026", [Invitee("57081", "Tournai")], Q_VERSION)


def test_files_are_recorded_all_or_nothing(cstore: Store) -> None:
    links(cstore)
    good = FileResponse("92094", {"answers": {"q": 1}}, scores(61.0), "namur.json")
    uninvited = FileResponse("57081", {"answers": {}}, scores(1.0), "tournai.json")
    with pytest.raises(InvalidInput) as err:
        cstore.submit_files("wal-2026", [good, uninvited])
    assert [p.path for p in err.value.problems] == ["tournai.json"]
    assert cstore.campaign_responses("wal-2026") == []
    assert cstore.submit_files("wal-2026", [good]) == 1
    (got,) = cstore.campaign_responses("wal-2026")
    assert (got["nis_code"], got["channel"], got["source"]) == ("92094", "file", "namur.json")
    with pytest.raises(InvalidInput, match="no campaign"):
        cstore.submit_files("other", [good])


def test_erasing_an_invited_space_erases_its_responses(cstore: Store) -> None:
    tokens = links(cstore)
    submit_by_link(cstore, tokens["92094"], 40.0)
    assert cstore.delete_space(tokens["92094"]) is True
    assert cstore.campaign_responses("wal-2026") == []
    (issued,) = cstore.reissue("wal-2026", ["92094"], Q_VERSION)  # a fresh space for a new link
    assert cstore.load_space(issued.token).nis_code == "92094"


# ---------------------------------------------------------------- imported aggregates


def test_imported_aggregates_are_seen_by_every_replica_and_replaced_by_a_new_import(
    make_store: Callable[..., Store],
) -> None:
    one, two = make_store(), make_store()
    args = {"campaign": "wal-2026", "title": "Baromètre 2026", "respondents": 140, "population": 261,
            "source": "wal-2026.yaml"}
    assert one.import_aggregates(published=date(2026, 9, 1), text="v1", **args) is False
    assert one.import_aggregates(published=date(2026, 9, 2), text="v2", **args) is True
    one.import_aggregates(**{**args, "campaign": "wal-2024"}, published=date(2024, 9, 1), text="old")
    seen = two.campaign_aggregates()
    assert [(a["campaign"], a["text"]) for a in seen] == [("wal-2026", "v2"), ("wal-2024", "old")]
    assert (seen[0]["respondents"], seen[0]["population"], seen[0]["published"]) == (140, 261, date(2026, 9, 2))


# ---------------------------------------------------------------- migration


def test_a_version_1_database_upgrades_and_keeps_its_data(db_url: str, tmp_path: Path) -> None:
    url = sa.make_url(db_url)
    if url.get_backend_name() == "sqlite":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url)
    now = datetime(2025, 1, 1, tzinfo=UTC)
    with engine.begin() as conn:
        migrations.schema_version.create(conn)
        v0001_initial.upgrade(conn)
        conn.execute(migrations.schema_version.insert().values(version=1, description="v1", applied_at=now))
        conn.execute(sa.text(
            "INSERT INTO spaces (token_hash, questionnaire_id, questionnaire_version, lang, nis_code, commune_name,"
            " meta_json, created_at, draft_updated_at) VALUES ('h', :q, :v, 'fr', '92094', 'Namur', '{}', :t, :t)"
        ), {"q": Q_ID, "v": Q_VERSION, "t": now})
    engine.dispose()
    store = Store(db_url)
    try:
        assert store.schema_version() == migrations.latest_version() >= 2
        with store.engine.connect() as conn:
            row = conn.execute(sa.text("SELECT nis_code, commune_locked FROM spaces")).one()
        assert (row[0], bool(row[1])) == ("92094", False)
        store.create_campaign("c1", "t", Q_ID, date(2026, 1, 1), date(2026, 2, 1))
        assert store.campaign("c1") is not None
    finally:
        store.close()
