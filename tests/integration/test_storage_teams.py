"""Teams (maturity/storage/teams.py): each colleague under a link of their own, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from maturity import migrations
from maturity.migrations import v0001_initial
from maturity.storage import SpaceNotFound, Store

Q_ID, Q_VERSION = "smart-city-wallonie", "2026.1"


@pytest.fixture
def store(make_store: Callable[..., Store]) -> Store:
    return make_store()


def team(store: Store) -> tuple[str, str, str]:
    holder = store.open_space("92094", Q_ID, Q_VERSION)
    store.set_commune(holder, "92094", "Namur")
    a = store.invite_member(holder, "  échevin ", ["governance", "economy"])
    b = store.invite_member(holder, "CPAS")
    store.save_member_answer(a, "gov_strategy", "adopted")
    store.save_member_note(a, "gov_strategy", "secret-note-of-a")
    store.save_member_answer(b, "gov_strategy", "none")
    store.save_member_answer(b, "peo_skills", "secret-answer-of-b")
    return holder, a, b


def test_a_member_link_opens_their_own_answers_only(store: Store) -> None:
    holder, a, _b = team(store)
    mine = store.load_member(a)
    assert mine is not None
    assert mine.role == "échevin" and mine.sections == ["governance", "economy"]
    assert mine.answers == {"gov_strategy": "adopted"} and mine.notes == {"gov_strategy": "secret-note-of-a"}
    assert mine.nis_code == "92094" and mine.commune_name == "Namur"
    assert "secret-answer-of-b" not in json.dumps(mine.document())
    doc = mine.document()
    assert doc["respondent"] == {"role": "échevin"} and doc["questionnaire"] == {"id": Q_ID, "version": Q_VERSION}
    # a member's token is not the space's token, and the space's token is not a member's
    assert store.load_space(a) is None
    with pytest.raises(SpaceNotFound):
        store.team_answers(a)
    with pytest.raises(SpaceNotFound):
        store.invite_member(a, "intrus")
    with pytest.raises(SpaceNotFound):
        store.decide(a, "gov_strategy", "adopted")
    with pytest.raises(SpaceNotFound):
        store.save_answer(a, "gov_strategy", "adopted")
    assert store.load_member(holder) is None
    with pytest.raises(SpaceNotFound):
        store.save_member_answer(holder, "gov_strategy", "x")
    assert store.load_member("not-a-token") is None and store.load_member("") is None
    # the holder's draft stays theirs: members' answers do not appear in it
    assert store.load_space(holder).draft["answers"] == {}


def test_the_holder_sees_every_member_and_removes_one(store: Store) -> None:
    holder, a, _b = team(store)
    members = store.team_answers(holder)
    assert [m.role for m in members] == ["échevin", "CPAS"]
    assert members[0].answers == {"gov_strategy": "adopted"}
    assert members[1].answers == {"gov_strategy": "none", "peo_skills": "secret-answer-of-b"}
    assert members[1].sections is None
    assert [m.role for m in store.team_members(holder)] == ["échevin", "CPAS"]
    assert store.team_members(holder)[0].answers == {}  # the list alone carries no answers
    other = store.open_space("25072", Q_ID, Q_VERSION)
    assert store.team_answers(other) == []
    assert store.remove_member(other, members[0].id) is False  # another space's member
    assert store.remove_member(holder, members[0].id) is True
    assert store.load_member(a) is None
    assert [m.role for m in store.team_answers(holder)] == ["CPAS"]


def test_a_colleague_who_lost_their_link_gets_a_new_one_with_their_answers(store: Store) -> None:
    """Removing and inviting again was the only remedy for a lost link, and it erased the colleague's answers
    (fresh-eyes trial 13). A new link keeps their answers, notes, role and parts; the old one opens nothing."""
    holder, a, b = team(store)
    first = store.team_answers(holder)[0]
    other = store.open_space("25072", Q_ID, Q_VERSION)
    assert store.reissue_member(other, first.id) is None  # another space's colleague
    assert store.load_member(a) is not None
    fresh = store.reissue_member(holder, first.id)
    assert fresh and fresh not in (a, b)
    assert store.load_member(a) is None  # the old link opens nothing
    again = store.load_member(fresh)
    assert (again.role, again.answers, again.notes, again.sections) == (
        "échevin", {"gov_strategy": "adopted"}, {"gov_strategy": "secret-note-of-a"}, ["governance", "economy"])
    store.save_member_answer(fresh, "gov_strategy", "planned")  # answers through the new link
    assert store.team_answers(holder)[0].answers == {"gov_strategy": "planned"}
    assert store.load_member(b).answers["gov_strategy"] == "none"  # the other colleague untouched
    with pytest.raises(SpaceNotFound):
        store.save_member_answer(a, "gov_strategy", "none")


def test_member_answers_change_keep_their_place_and_clear(store: Store) -> None:
    holder, a, _b = team(store)
    store.save_member_answer(a, "eco_data", ["x", "y"])
    store.save_member_answer(a, "gov_strategy", "planned")
    store.save_member_note(a, "gov_strategy", "  ")
    assert list(store.load_member(a).answers.items()) == [("gov_strategy", "planned"), ("eco_data", ["x", "y"])]
    assert store.load_member(a).notes == {}
    store.save_member_answer(a, "eco_data", None)
    store.set_member_sections(a, None)
    member = store.load_member(a)
    assert member.answers == {"gov_strategy": "planned"} and member.sections is None
    with pytest.raises(ValueError):
        store.save_member_answer(a, "gov_strategy", float("nan"))
    with pytest.raises(ValueError):
        store.invite_member(holder, "   ")


def test_decisions_are_the_draft_with_the_facilitators_reasons(store: Store) -> None:
    holder, _a, _b = team(store)
    store.decide(holder, "gov_strategy", "planned", "  Le PST est voté, pas encore évalué. ")
    store.decide(holder, "peo_skills", "unknown")
    draft = store.load_space(holder).draft
    assert draft["answers"] == {"gov_strategy": "planned", "peo_skills": "unknown"}
    assert store.decisions(holder) == {"gov_strategy": "Le PST est voté, pas encore évalué."}
    store.decide(holder, "gov_strategy", None)
    assert store.load_space(holder).draft["answers"] == {"peo_skills": "unknown"}
    assert store.decisions(holder) == {}


def test_a_draft_replaced_whole_brings_its_reasons_in_place_of_the_spaces(store: Store) -> None:
    """An answers file uploaded back (save_draft) carries the meeting's reasons in its divergent list (contract §8):
    they replace the space's, in the same transaction, so that the next meeting writes them again; a reason is
    typed text, trimmed, at most 500 characters, as decide keeps it."""
    holder, _a, _b = team(store)
    store.decide(holder, "gov_strategy", "planned", "Une raison d'avant l'import")
    store.decide(holder, "peo_skills", "unknown", "x" * 600)
    assert store.decisions(holder)["peo_skills"] == "x" * 499 + "…"  # cut, and saying so
    draft = store.load_space(holder).draft
    store.save_draft(holder, {**draft, "answers": {"gov_strategy": "adopted"}, "divergent": [
        {"question": "gov_strategy", "spread": 1.0, "answers": [], "reason": "  Le PST est voté\u202e. "},
        {"question": "peo_skills", "spread": 0.5, "answers": [], "reason": "  "}, "gov_data"]})
    assert store.decisions(holder) == {"gov_strategy": "Le PST est voté."}
    assert store.load_space(holder).draft["divergent"][0]["reason"] == "  Le PST est voté\u202e. "  # as given
    store.save_draft(holder, {**draft, "answers": {}})  # a file without divergent questions: no reasons left
    assert store.decisions(holder) == {}
    assert [m.role for m in store.team_members(holder)] == ["échevin", "CPAS"]  # the team stays


def test_a_reason_keeps_the_final_answer_it_was_given_for(store: Store) -> None:
    """A reason typed at the meeting stayed when the answer was later changed on the questionnaire, and was given for
    the new answer. Each reason now keeps the final answer it was given for (contract §8 ``kept``): decided at the
    meeting, or an uploaded file's (its ``kept``, or, a file written before, its answer)."""
    holder, _a, _b = team(store)
    store.decide(holder, "gov_strategy", "planned", "Le PST est en préparation")
    store.save_answer(holder, "gov_strategy", "adopted")  # the questionnaire, after the meeting
    assert store.decided(holder) == {"gov_strategy": ("Le PST est en préparation", "planned")}
    assert store.decisions(holder) == {"gov_strategy": "Le PST est en préparation"}
    draft = store.load_space(holder).draft
    store.save_draft(holder, {**draft, "answers": {"gov_strategy": "adopted", "mob_plan": ["a", "b"]}, "divergent": [
        {"question": "gov_strategy", "spread": 1.0, "answers": [], "reason": "Vu", "kept": "planned"},
        {"question": "mob_plan", "spread": 1.0, "answers": [], "reason": "Vu aussi"}]})
    assert store.decided(holder) == {"gov_strategy": ("Vu", "planned"), "mob_plan": ("Vu aussi", ["a", "b"])}


def test_a_version_5_database_upgrades_and_its_reasons_stay_with_the_answers_of_now(db_url: str) -> None:
    """Reasons stored before version 6 have no answer of their own: each gets its draft's answer of the upgrade (read
    as it was, the final answer's reason); one without a final answer keeps none (read as before)."""
    from maturity.storage.spaces import new_token, token_hash

    url = sa.make_url(db_url)
    if url.get_backend_name() == "sqlite":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url)
    at = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
    token = new_token()
    with engine.begin() as conn:
        migrations.schema_version.create(conn)
        for m in migrations.all_migrations():
            if m.version <= 5:
                m.upgrade(conn)
                conn.execute(migrations.schema_version.insert().values(
                    version=m.version, description=m.description, applied_at=at))
        conn.execute(sa.text(
            "INSERT INTO spaces (token_hash, questionnaire_id, questionnaire_version, lang, meta_json, created_at,"
            " draft_updated_at) VALUES (:h, 'smart-city-wallonie', '2026.1', 'fr', '{}', :t, :t)"),
            {"h": token_hash(token), "t": at})
        space = conn.execute(sa.text("SELECT id FROM spaces")).scalar_one()
        conn.execute(sa.text("INSERT INTO draft_answers (space_id, question_id, value_json, position, updated_at)"
                             " VALUES (:s, 'gov_strategy', '\"adopted\"', 0, :t)"), {"s": space, "t": at})
        for qid in ("gov_strategy", "mob_plan"):
            conn.execute(sa.text("INSERT INTO team_decisions (space_id, question_id, reason, decided_at)"
                                 " VALUES (:s, :q, 'Vu en réunion', :t)"), {"s": space, "q": qid, "t": at})
    engine.dispose()
    upgraded = Store(db_url)
    try:
        assert upgraded.schema_version() == migrations.latest_version() >= 6
        assert upgraded.decided(token) == {"gov_strategy": ("Vu en réunion", "adopted"),
                                           "mob_plan": ("Vu en réunion", None)}
    finally:
        upgraded.close()


def test_deleting_the_space_deletes_the_team(store: Store) -> None:
    holder, a, b = team(store)
    store.decide(holder, "gov_strategy", "planned", "secret-reason")
    assert store.delete_space(holder) is True
    assert store.load_member(a) is None and store.load_member(b) is None
    with store.engine.connect() as conn:
        for table in ("team_members", "member_answers", "member_notes", "team_decisions"):
            assert conn.execute(sa.text(f"SELECT COUNT(*) FROM {table}")).scalar() == 0


def test_tokens_are_stored_as_hashes_only(store: Store) -> None:
    _holder, a, b = team(store)
    with store.engine.connect() as conn:
        dump = json.dumps([list(map(str, r)) for r in conn.execute(sa.text("SELECT * FROM team_members")).all()])
    assert a not in dump and b not in dump and len(a) == 43


def test_a_version_1_database_gains_the_team_tables_and_keeps_its_data(tmp_path: Path) -> None:
    url = sa.URL.create("sqlite+pysqlite", database=str(tmp_path / "v1.sqlite3"))
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        v0001_initial.upgrade(conn)
        migrations.schema_version.create(conn)
        conn.execute(migrations.schema_version.insert().values(version=1, description="initial",
                                                               applied_at=datetime.now(UTC)))
        conn.execute(sa.text(
            "INSERT INTO spaces (token_hash, questionnaire_id, questionnaire_version, lang, meta_json, created_at,"
            " draft_updated_at) VALUES (:h, :q, :v, 'fr', '{}', :t, :t)"),
            {"h": "0" * 64, "q": Q_ID, "v": Q_VERSION, "t": datetime.now(UTC)})
    engine.dispose()
    store = Store(url.render_as_string())
    try:
        assert store.schema_version() == migrations.latest_version() >= 2
        with store.engine.connect() as conn:
            assert conn.execute(sa.text("SELECT COUNT(*) FROM spaces")).scalar() == 1
        holder = store.open_space(None, Q_ID, Q_VERSION)
        member = store.invite_member(holder, "DG")
        store.save_member_answer(member, "gov_strategy", "none")
        assert store.team_answers(holder)[0].answers == {"gov_strategy": "none"}
    finally:
        store.close()


def test_recording_the_team_keeps_the_holders_own_role(store: Store) -> None:
    """The consensus wrote respondent.team and dropped the holder's role: the sheet then credited the answers to
    the colleagues alone, though the holder's own answers and decisions are the final ones (fresh-eyes trial 8)."""
    holder, _a, _b = team(store)
    draft = store.load_space(holder).draft
    store.save_draft(holder, {**draft, "respondent": {"role": "Schöffe"}})
    store.record_team(holder, ["échevin", "CPAS"], [])
    assert store.load_space(holder).draft["respondent"] == {"role": "Schöffe", "team": ["échevin", "CPAS"]}


def test_the_holder_sets_their_own_role_beside_the_teams(store: Store) -> None:
    """The app asked the holder's role nowhere: Gesves's sheet said « Réponses d'une équipe : directrice
    générale » over the échevine's own 57 answers (fresh-eyes trial 9). Set, changed, removed, the team's roles
    and the answers untouched."""
    holder, _a, _b = team(store)
    store.save_answer(holder, "q1", "x")
    store.record_team(holder, ["directrice générale"], [])
    store.set_holder_role(holder, "  échevine   du numérique ")
    draft = store.load_space(holder).draft
    assert draft["respondent"] == {"team": ["directrice générale"], "role": "échevine du numérique"}
    assert draft["answers"] == {"q1": "x"}
    store.record_team(holder, ["directrice générale", "CPAS"], [])  # the meeting keeps it
    assert store.load_space(holder).draft["respondent"]["role"] == "échevine du numérique"
    store.set_holder_role(holder, "")
    assert store.load_space(holder).draft["respondent"] == {"team": ["directrice générale", "CPAS"]}
    with pytest.raises(SpaceNotFound):
        store.set_holder_role("no-such-token", "échevine")


def test_a_role_that_is_nothing_once_cleaned_is_no_role(store: Store) -> None:
    """A role of nothing but a bidi override or control characters was kept empty: a colleague without a name in
    the meeting and the radar's legend (hostile review 11). Refused as a missing role; the holder's own role so
    given is removed, as an empty one is, never an error."""
    holder = store.open_space("92094", Q_ID, Q_VERSION)
    for role in ("\u202e", "\u2066\u2069 ", "\x07\x1b", "   "):
        with pytest.raises(ValueError, match="needs a role"):
            store.invite_member(holder, role)
    assert store.team_members(holder) == []
    store.invite_member(holder, "\u202eCPAS\u202c")
    assert [m.role for m in store.team_members(holder)] == ["CPAS"]
    store.set_holder_role(holder, "échevin")
    store.set_holder_role(holder, "\u202e")
    assert "role" not in store.load_space(holder).draft["respondent"]


def test_a_consensus_file_loaded_into_another_space_keeps_its_teams_roles(store: Store) -> None:
    """Waremme's team answered in the échevine's space; the campaign's invitation opened another, and she loaded the
    team's answers file there. Its answers, targets and meeting reasons came along, but not ``respondent.team``: the
    store kept only the respondent's texts, so the campaign space's sheet said « Répondant : échevine du numérique »
    and left out the team's topics for the Collège (fresh-eyes trial 13). The roles are kept, cleaned as typed text;
    anything else under respondent is still dropped."""
    other = store.open_space("64074", Q_ID, Q_VERSION)
    store.save_draft(other, {
        "questionnaire": {"id": Q_ID, "version": Q_VERSION}, "answers": {}, "notes": {},
        "respondent": {"role": "échevine du numérique", "team": ["directeur  général", "responsable\u202e informatique"],
                       "email": "x@example.be"},
        "divergent": [{"question": "budget", "spread": 0.67, "reason": "Le budget 2027 ne prévoit rien."}],
    })
    draft = store.load_space(other).draft
    assert draft["respondent"] == {"role": "échevine du numérique",
                                   "team": ["directeur général", "responsable informatique"]}
    assert draft["divergent"][0]["reason"] == "Le budget 2027 ne prévoit rien."
    # a team that is no list of texts is not kept (as a role that is no text)
    store.save_draft(other, {**draft, "respondent": {"role": "échevine", "team": "DG, CPAS"}})
    assert store.load_space(other).draft["respondent"] == {"role": "échevine"}
    store.save_draft(other, {**draft, "respondent": {"team": [{"role": "DG"}]}})
    assert store.load_space(other).draft["respondent"] == {}
