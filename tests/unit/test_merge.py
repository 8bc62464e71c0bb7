"""The merge of several respondents (contract §8) against hand-made answers files."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from maturity.answers import answers_from_dict, load_answers
from maturity.errors import InvalidInput
from maturity.merge import (
    Respondent,
    carry_targets_and_plan,
    dimension_spreads,
    distinct_roles,
    divergent_of,
    divergent_summary,
    holder_role,
    merge,
    merge_documents,
    role_of,
    team_roles,
    team_spreads,
)


def write(tmp_path: Path, name: str, answers: dict, role: str | None = None, notes: dict | None = None,
          nis: str | None = "92094", version: str = "1.0", qid: str = "mini") -> Path:
    doc: dict = {"questionnaire": {"id": qid, "version": version}, "answers": answers, "notes": notes or {}}
    if nis:
        doc["commune"] = {"nis_code": nis, "name": "Namur" if nis == "92094" else "?"}
    if role is not None:
        doc["respondent"] = {"role": role}
    path = tmp_path / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def merged(mini, tmp_path, *files):
    docs = []
    for path in files:
        doc, _ = load_answers(path, mini)
        docs.append(doc)
    return merge_documents(mini, docs, [str(p) for p in files])


def entry(result, qid):
    return next(r for r in result.report if r.question == qid)


def test_scale_lower_median_by_option_score_is_prudent_on_ties(mini, tmp_path):
    # a1 scores: none 0, some 1, half 2, full 4; sorted none, some, half, full -> position (4-1)//2 = 1
    files = [write(tmp_path, f"{i}.json", {"a1": v}, role=r) for i, (v, r) in
             enumerate([("full", "échevin"), ("none", "DG"), ("half", "CPAS"), ("some", "mobilité")])]
    consensus, _ = merged(mini, tmp_path, *files)
    assert consensus.answers["a1"] == "some"
    # two respondents, one high one low: the lower of the two
    _, two = merged(mini, tmp_path, files[0], files[1])
    assert two.answers["a1"] == "none"
    # three: the middle one
    _, three = merged(mini, tmp_path, *files[:3])
    assert three.answers["a1"] == "half"


def test_boolean_and_single_use_option_scores(mini, tmp_path):
    a = write(tmp_path, "a.json", {"a2": "yes", "a4": "yes"}, role="échevin")
    b = write(tmp_path, "b.json", {"a2": "no", "a4": "yes"}, role="DG")
    c = write(tmp_path, "c.json", {"a2": "yes", "a4": "no"}, role="CPAS")
    _, two = merged(mini, tmp_path, a, b)
    assert two.answers["a2"] == "no"  # tie between yes (1) and no (0): the prudent one
    _, three = merged(mini, tmp_path, a, b, c)
    assert three.answers["a2"] == "yes" and three.answers["a4"] == "yes"


def test_unscored_single_is_ordered_by_the_place_of_its_options(mini, tmp_path):
    a = write(tmp_path, "a.json", {"approach": "none"}, role="échevin")
    b = write(tmp_path, "b.json", {"approach": "started"}, role="DG")
    _, result = merged(mini, tmp_path, a, b)
    assert result.answers["approach"] == "started"  # first option of the question
    assert entry(result, "approach").spread is None  # no score, no spread


def test_all_unknown_gives_unknown_and_nobody_gives_missing(mini, tmp_path):
    a = write(tmp_path, "a.json", {"a1": "unknown", "b1": "unknown"}, role="échevin")
    b = write(tmp_path, "b.json", {"a1": "unknown", "b1": "na"}, role="DG")
    c = write(tmp_path, "c.json", {"a1": "unknown"}, role="CPAS")
    consensus, result = merged(mini, tmp_path, a, b, c)
    assert consensus.answers["a1"] == "unknown"
    assert consensus.answers["b1"] == "na"  # 1 "na" of 2 who answered: at least half
    assert "b2" not in consensus.answers and "budget" not in consensus.answers
    assert entry(result, "b2").proposal is None and entry(result, "b2").spread is None
    assert not entry(result, "a1").divergent


def test_na_majority_and_minority_without_real_answers(mini, tmp_path):
    a = write(tmp_path, "a.json", {"a1": "na", "b1": "na"}, role="échevin")
    b = write(tmp_path, "b.json", {"a1": "na", "b1": "unknown"}, role="DG")
    c = write(tmp_path, "c.json", {"a1": "unknown", "b1": "unknown"}, role="CPAS")
    consensus, _ = merged(mini, tmp_path, a, b, c)
    assert consensus.answers["a1"] == "na"  # 2 of 3
    assert consensus.answers["b1"] == "unknown"  # 1 of 3: less than half


def test_real_answers_win_over_na_and_the_question_is_divergent(mini, tmp_path):
    a = write(tmp_path, "a.json", {"b1": "na"}, role="échevin")
    b = write(tmp_path, "b.json", {"b1": "na"}, role="DG")
    c = write(tmp_path, "c.json", {"b1": "o1"}, role="CPAS")
    consensus, result = merged(mini, tmp_path, a, b, c)
    assert consensus.answers["b1"] == "o1"
    report = entry(result, "b1")
    assert report.spread == 0.0 and report.divergent


def test_multi_keeps_the_options_of_a_majority_of_real_answerers(mini, tmp_path):
    a = write(tmp_path, "a.json", {"a3": ["x", "z"]}, role="échevin")
    b = write(tmp_path, "b.json", {"a3": ["z", "y"]}, role="DG")
    c = write(tmp_path, "c.json", {"a3": ["x"]}, role="CPAS")
    d = write(tmp_path, "d.json", {"a3": "unknown"}, role="mobilité")  # not a real answer: not counted
    consensus, result = merged(mini, tmp_path, a, b, c, d)
    assert consensus.answers["a3"] == ["x", "z"]  # x 2/3, z 2/3, y 1/3; in the question's order
    _, two = merged(mini, tmp_path, a, b)
    assert two.answers["a3"] == ["z"]  # x 1/2 and y 1/2 are not more than half
    e = write(tmp_path, "e.json", {"a3": []}, role="environnement")
    _, none = merged(mini, tmp_path, c, e)
    assert none.answers["a3"] == []  # no option chosen by more than half: none
    # v: x+z = 3/4, z+y = 3/4, x = 1/4 -> spread 0.5: divergent
    assert entry(result, "a3").spread == pytest.approx(0.5) and entry(result, "a3").divergent


def test_number_lower_median_and_texts_prefixed_by_role(mini, tmp_path):
    a = write(tmp_path, "a.json", {"b_count": 7, "approach": "started", "who": "Le collège"}, role="échevin")
    b = write(tmp_path, "b.json", {"b_count": 2, "approach": "started", "who": "Le DG"}, role="DG")
    c = write(tmp_path, "c.json", {"b_count": 4.5, "approach": "started", "who": " Le collège "}, role="CPAS")
    d = write(tmp_path, "d.json", {"b_count": 10, "approach": "started", "who": ""}, role="mobilité")
    consensus, _ = merged(mini, tmp_path, a, b, c, d)
    assert consensus.answers["b_count"] == 4.5  # 2, 4.5, 7, 10 -> position 1
    assert consensus.answers["who"] == "échevin, CPAS: Le collège\nDG: Le DG"


def test_notes_are_prefixed_by_role(mini, tmp_path):
    a = write(tmp_path, "a.json", {"a1": "half"}, role="échevin", notes={"a1": "Voir le PST."})
    b = write(tmp_path, "b.json", {"a1": "none"}, role="DG", notes={"a1": "Rien de signé.", "b1": "  "})
    c = write(tmp_path, "c.json", {}, role="CPAS", notes={"b2": "À vérifier"})
    consensus, result = merged(mini, tmp_path, a, b, c)
    assert consensus.notes == {"a1": "échevin: Voir le PST.\nDG: Rien de signé.", "b2": "CPAS: À vérifier"}
    assert [s.note for s in entry(result, "a1").answers] == ["Voir le PST.", "Rien de signé.", None]


def test_a_single_respondent_gets_back_their_own_answers(mini, tmp_path):
    answers = {"a1": "half", "a2": "no", "a3": ["y", "x"], "b1": "na", "b2": "unknown", "b_count": 3,
               "budget": "major", "approach": "started", "who": "Nous"}
    notes = {"a1": "Une note", "who": "Autre note"}
    path = write(tmp_path, "a.json", answers, role="chef de projet", notes=notes)
    consensus, result = merged(mini, tmp_path, path)
    assert {k: consensus.answers[k] for k in answers} == {**answers, "a3": ["x", "y"]}  # order of the question
    assert set(consensus.answers) == set(answers)
    assert consensus.notes == notes
    assert not result.divergent
    assert consensus.respondent == {"team": ["chef de projet"]}


def test_spread_and_the_order_of_divergent_questions(mini, tmp_path):
    # a2 (weight 2): yes/no -> spread 1, priority 2; a1: full/none -> 1 × 1; b1: o2/o1 -> 0.5 × 1;
    # budget: none/significant -> 2/3; b2: o1/o1 -> 0, not divergent
    a = write(tmp_path, "a.json", {"a1": "full", "a2": "yes", "b1": "o2", "b2": "o1", "budget": "none"}, role="A")
    b = write(tmp_path, "b.json", {"a1": "none", "a2": "no", "b1": "o1", "b2": "o1", "budget": "significant"},
              role="B")
    _, result = merged(mini, tmp_path, a, b)
    assert [r.question for r in result.divergent] == ["a2", "a1", "budget", "b1"]
    assert entry(result, "b1").spread == pytest.approx(0.5)
    assert entry(result, "budget").spread == pytest.approx(2 / 3)
    assert not entry(result, "b2").divergent and entry(result, "b2").spread == 0.0
    rest = [r.question for r in result.report if not r.divergent]
    assert rest[:3] == ["a3", "a4", "b2"]  # then questionnaire order


def test_report_json_shape(mini, tmp_path):
    a = write(tmp_path, "a.json", {"a1": "full"}, role="échevin", notes={"a1": "n"})
    b = write(tmp_path, "b.json", {"a1": "none"})
    consensus, result = merged(mini, tmp_path, a, b)
    report = result.report_json(mini, consensus.commune)
    assert report["questionnaire"] == {"id": "mini", "version": "1.0"}
    assert report["respondents"] == [{"respondent": 0, "role": "échevin"}, {"respondent": 1, "role": "respondent 2"}]
    assert report["divergent"] == 1
    first = report["questions"][0]
    assert first == {
        "question": "a1", "section": "alpha", "type": "scale", "weight": 1.0,
        "answers": [{"respondent": 0, "role": "échevin", "answer": "full", "v": 1.0, "note": "n"},
                    {"respondent": 1, "role": "respondent 2", "answer": "none", "v": 0.0, "note": None}],
        "proposal": "none", "spread": 1.0, "divergent": True,
    }
    json.dumps(report)  # plain JSON


def test_roles_missing_blank_and_repeated():
    assert role_of({"role": "  directeur   général "}, 1) == "directeur général"
    assert role_of({}, 3) == "respondent 3" and role_of({"role": "  "}, 2) == "respondent 2"
    assert role_of({"role": 5}, 1) == "respondent 1" and role_of(None, 4) == "respondent 4"
    assert distinct_roles(["CPAS", "échevin", "cpas", "DG"]) == ["CPAS (1)", "échevin", "cpas (2)", "DG"]
    assert team_roles({"team": ["échevin", " ", 3, "DG"]}) == ["échevin", "DG"]
    assert team_roles({"role": "échevin"}) == []


def test_files_of_another_questionnaire_or_commune_are_refused_together(mini, tmp_path):
    a = write(tmp_path, "a.json", {"a1": "full"}, role="A")
    other_version = write(tmp_path, "b.json", {}, role="B", version="0.9")
    other_commune = write(tmp_path, "c.json", {"a1": "none"}, role="C", nis="57081")
    no_commune = write(tmp_path, "d.json", {"a1": "none"}, role="D", nis=None)
    docs = [load_answers(p, mini)[0] for p in (a, other_version, other_commune)]
    with pytest.raises(InvalidInput) as exc:
        merge_documents(mini, docs, ["a.json", "b.json", "c.json"])
    text = "\n".join(str(p) for p in exc.value.problems)
    assert "b.json: questionnaire: answers to questionnaire mini 0.9" in text
    assert "c.json: commune.nis_code: commune 57081" in text and "a.json: commune.nis_code" in text
    consensus, _ = merged(mini, tmp_path, no_commune, a)  # a file without a commune fits
    assert consensus.commune["nis_code"] == "92094"


def test_dimension_spreads_per_respondent(mini):
    people = [Respondent("A", {"a1": "full", "a2": "yes", "b1": "o2"}),
              Respondent("B", {"a1": "none", "a2": "no", "b1": "o0"}),
              Respondent("C", {})]
    spreads = dimension_spreads(mini, people)
    assert spreads["alpha"].scores == [pytest.approx(100.0), 0.0, None]
    assert spreads["alpha"].spread == pytest.approx(100.0)
    assert spreads["beta"].spread == pytest.approx(100.0)  # b1 only: coverage 1/2 is enough
    only_one = dimension_spreads(mini, people[:1])
    assert only_one["alpha"].spread is None


def test_the_holder_comes_first_in_the_spreads_once_they_answered_themselves(mini):
    """Eupen's Schöffe answered alpha himself, his Generaldirektor too, the Umweltberaterin beta: the spreads
    had no place for his answers, so alpha's spread was null beside two scores (closing review 7)."""
    dg = Respondent("DG", {"a1": "none", "a2": "no"})
    env = Respondent("DG", {"b1": "o1"})  # the same role: told apart
    alone = team_spreads(mini, [dg, env])
    assert (alone.holder, alone.roles, alone.spreads["alpha"].spread) == (False, ["DG (1)", "DG (2)"], None)
    found = team_spreads(mini, [dg, env], Respondent("Vous", {"a1": "full", "a2": "yes"}))
    assert found.holder and found.roles == ["Vous", "DG (1)", "DG (2)"]
    assert found.spreads["alpha"].scores == [pytest.approx(100.0), 0.0, None]
    assert found.spreads["alpha"].spread == pytest.approx(100.0)
    assert found.spreads["beta"].scores == [None, None, pytest.approx(50.0)]
    # a holder with no real answer of their own (nothing, or only "don't know" and "not applicable") is no column
    for answers in ({}, {"a1": "unknown", "a2": "na"}):
        assert team_spreads(mini, [dg], Respondent("Vous", answers)) == team_spreads(mini, [dg])
    assert holder_role({"role": "  Schöffe \n", "team": ["DG"]}) == "Schöffe"
    assert holder_role({"team": ["DG"]}) is None and holder_role({"role": " "}) is None and holder_role(None) is None


def test_the_holders_own_answers_are_a_view_of_the_meeting_not_a_vote(mini):
    """Gesves: the échevine (holder) answered everything, her directrice générale differed on 14 questions; the
    meeting said « Questions divergentes 0 », the holder's answers being no view. They now count in each
    question's spread and divergence, first; the proposal and the notes stay the colleagues'."""
    dg = Respondent("directrice générale", {"a1": "full", "a2": "yes", "b1": "o1", "budget": "major"},
                    {"a1": "Tout est en place."})
    holder = Respondent("échevine", {"a1": "none", "a2": "yes", "b1": "na", "b2": "o2", "budget": "major"},
                        {"a1": "Rien de signé."})
    alone = merge(mini, [dg])
    assert alone.divergent == [] and alone.roles == alone.team == ["directrice générale"] and not alone.holder
    met = merge(mini, [dg], holder)
    assert met.holder and met.roles == ["échevine", "directrice générale"] and met.team == ["directrice générale"]
    # a1: none beside full (spread 1); b1: "not applicable" beside a real answer; a2, budget: the same answer
    assert [r.question for r in met.divergent] == ["a1", "b1"]
    a1 = entry(met, "a1")
    assert [(s.role, s.answer, s.note) for s in a1.answers] == [
        ("échevine", "none", "Rien de signé."), ("directrice générale", "full", "Tout est en place.")]
    assert a1.spread == 1.0 and a1.holder and (a1.answered, a1.colleagues_answered) == (2, 1)
    # the proposal and the notes are the colleague's alone, as without the holder
    assert met.answers == alone.answers == {"a1": "full", "a2": "yes", "b1": "o1", "budget": "major"}
    assert met.notes == alone.notes == {"a1": "Tout est en place."}
    b2 = entry(met, "b2")  # the holder alone answered: no proposal, nothing to compare
    assert b2.proposal is None and (b2.answered, b2.colleagues_answered) == (1, 0) and not b2.divergent
    # the file's divergent questions name the holder by role, first
    assert divergent_summary(met)[0] == {"question": "a1", "spread": 1.0, "answers": [
        {"role": "échevine", "answer": "none"}, {"role": "directrice générale", "answer": "full"}]}
    # once the holder's final answer is the colleague's, nothing diverges; roles told apart across the views
    settled = merge(mini, [dg], Respondent("directrice générale", {**holder.answers, "a1": "full", "b1": "o1"}))
    assert settled.divergent == [] and settled.roles == ["directrice générale (1)", "directrice générale (2)"]
    # a holder without a real answer (nothing, or only "don't know" and "not applicable") is no view
    for answers in ({}, {"a1": "unknown", "b1": "na"}):
        assert merge(mini, [dg], Respondent("échevine", answers)) == alone


def test_merge_of_plain_mappings_leaves_out_unknown_questions(mini):
    result = merge(mini, [Respondent("A", {"nope": "x", "a1": "half"}), Respondent("B", {"a1": "half"})])
    assert result.answers == {"a1": "half"}


def test_the_consensus_file_lists_its_divergent_questions(mini, tmp_path):
    a = write(tmp_path, "a.json", {"a1": "full", "a2": "yes", "b1": "o1"}, role="échevin")
    b = write(tmp_path, "b.json", {"a1": "none", "a2": "yes"}, role="DG")
    consensus, _ = merged(mini, tmp_path, a, b)
    assert consensus.to_dict()["divergent"] == [
        {"question": "a1", "spread": 1.0, "answers": [{"role": "échevin", "answer": "full"},
                                                      {"role": "DG", "answer": "none"}]}]
    assert divergent_of(consensus) == consensus.extra["divergent"]
    assert divergent_of({"divergent": [{"question": "a1", "spread": True, "answers": [{"answer": 1}]}, 3]}) == [
        {"question": "a1", "spread": None, "answers": []}]
    assert divergent_of({}) == []
    single, _ = merged(mini, tmp_path, a)
    assert "divergent" not in single.to_dict()


# --- targets and roadmap: carried, not merged (contract §8) ----------------------------------------


def _doc(targets: dict | None = None, plan: list | None = None):
    data: dict = {"questionnaire": {"id": "mini", "version": "1.0"}, "answers": {}}
    if targets is not None:
        data["targets"] = targets
    if plan is not None:
        data["plan"] = plan
    return answers_from_dict(data)


def _action(id_: str, action: str, owner: str = "", status: str = "planned") -> dict:
    return {"id": id_, "recommendation": "rec_alpha_low", "action": action, "owner": owner, "year": 2027,
            "status": status}


def test_targets_are_taken_per_dimension_from_the_files_that_set_them():
    a = _doc(targets={"beta": {"level": "mid", "by": 2028}})
    b = _doc()
    c = _doc(targets={"alpha": {"level": "high", "by": 2030}, "beta": {"level": "mid", "by": 2028}})
    carried = carry_targets_and_plan([a, b, c], ["a.json", "b.json", "c.json"], None)
    assert {d: t.to_json() for d, t in carried.targets.items()} == {
        "beta": {"level": "mid", "by": 2028}, "alpha": {"level": "high", "by": 2030}}
    assert carried.target_sources == {"beta": 0, "alpha": 2}
    assert carried.warnings == []  # the same target twice is no conflict
    assert carried.plan == [] and carried.plan_source is None


def test_the_questionnaire_orders_the_carried_targets(mini):
    a = _doc(targets={"beta": {"level": "mid", "by": 2028}, "alpha": {"level": "low", "by": 2026}})
    assert list(carry_targets_and_plan([a], ["a.json"], mini).targets) == ["alpha", "beta"]


def test_conflicting_targets_keep_the_first_file_given_and_warn_with_the_place():
    a = _doc(targets={"alpha": {"level": "mid", "by": 2027}})
    b = _doc(targets={"alpha": {"level": "high", "by": 2027}})
    c = _doc(targets={"alpha": {"level": "mid", "by": 2030}})
    carried = carry_targets_and_plan([a, b, c], ["a.json", "b.json", "c.json"])
    assert carried.targets["alpha"].to_json() == {"level": "mid", "by": 2027}
    assert [str(w) for w in carried.warnings] == [
        "warning: b.json: targets.alpha: target high by 2027 left out: a.json sets mid by 2027, which is kept "
        "(the first file given wins)",
        "warning: c.json: targets.alpha: target mid by 2030 left out: a.json sets mid by 2027, which is kept "
        "(the first file given wins)"]
    # given in the other order, the other file's target is kept
    assert carry_targets_and_plan([b, a], ["b.json", "a.json"]).targets["alpha"].level == "high"


def test_the_roadmap_comes_whole_from_the_first_file_that_has_one():
    plan_b = [_action("a1", "Adopter une stratégie", "DG"), _action("a2", "Former les agents")]
    plan_c = [_action("a1", "Adopter une stratégie", "DG", status="started")]
    a, b, c, d = _doc(), _doc(plan=plan_b), _doc(plan=plan_c), _doc(plan=plan_b)
    carried = carry_targets_and_plan([a, b, c, d], ["a.json", "b.json", "c.json", "d.json"])
    assert [item.to_json() for item in carried.plan] == plan_b  # in its order, nothing mixed in
    assert carried.plan_source == 1
    assert [str(w) for w in carried.warnings] == [  # d.json has the same roadmap: no warning
        "warning: c.json: plan: its roadmap (1 action) left out: the roadmap of b.json (2 actions) is kept "
        "whole (the first file given that has one wins)"]


def test_the_consensus_file_carries_the_targets_and_the_roadmap(mini, tmp_path):
    plan = [_action("a1", "Adopter une stratégie", "DG")]
    a = write(tmp_path, "a.json", {"a1": "full"}, role="échevin")
    b = tmp_path / "b.json"
    b.write_text(json.dumps({"questionnaire": {"id": "mini", "version": "1.0"},
                             "commune": {"nis_code": "92094", "name": "Namur"}, "respondent": {"role": "DG"},
                             "answers": {"a1": "none"}, "targets": {"alpha": {"level": "mid", "by": 2029}},
                             "plan": plan}), encoding="utf-8")
    consensus, result = merged(mini, tmp_path, a, b)
    data = json.loads(consensus.to_json())
    assert data["targets"] == {"alpha": {"level": "mid", "by": 2029}}
    assert data["plan"] == plan
    assert result.carried is not None and result.carried.warnings == []
    # read back, checked and scored as any answers file: the targets count
    again, warnings = load_answers(consensus.to_json().encode("utf-8"), mini)
    assert warnings == [] and again.extra["plan"] == plan
    without, _ = merged(mini, tmp_path, a)
    assert "targets" not in without.to_dict() and "plan" not in without.to_dict()


def test_a_consensus_is_dated_by_its_answers_and_the_same_files_merge_to_the_same_file(mini, tmp_path):
    """The merged file was dated the day of the merge: its sheet said « Évaluation du » that day, and merging
    the same files a week later gave another file. Now: the first answer's creation, the last change."""
    a = write(tmp_path, "a.json", {"a1": "full"}, role="échevin")
    b = write(tmp_path, "b.json", {"a1": "none"}, role="DG")
    for path, created, updated in ((a, "2027-02-01T09:00:00+01:00", "2027-02-20T18:30:00+01:00"),
                                   (b, "2027-01-28T10:00:00", "2027-02-21T08:00:00+01:00")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc.update(created_at=created, updated_at=updated)
        path.write_text(json.dumps(doc), encoding="utf-8")
    consensus, _ = merged(mini, tmp_path, a, b)
    assert (consensus.created_at, consensus.updated_at) == ("2027-01-28T10:00:00", "2027-02-21T08:00:00+01:00")
    docs = [load_answers(path, mini)[0] for path in (a, b)]
    week_later = datetime(2027, 3, 1, 12, tzinfo=UTC)
    assert merge_documents(mini, docs, ["a.json", "b.json"], now=week_later)[0].to_dict() == consensus.to_dict()


def test_a_role_from_a_file_is_shown_without_controls_or_bidi_overrides():
    """A right-to-left override in a file's role (a consensus file, the holder's role) turned the rest of the
    radar's legend line and the team table's row around; controls showed as boxes (hostile review 10)."""
    from maturity import merge as merging

    assert merging.role_of({"role": "DG\u202e rôle\x07"}, 1) == "DG rôle"
    assert merging.role_of({"role": "\u202e\x1b"}, 2) == merging.MISSING_ROLE.format(n=2)
    assert merging.team_roles({"team": ["CPAS\u2066 social\u2069", " ", 5, "\u202e"]}) == ["CPAS social"]
    assert merging.holder_role({"role": "échevine\r\ndu numérique"}) == "échevine du numérique"


def test_an_obstacle_on_a_tie_keeps_the_bigger_one_a_colleague_sees(mini):
    """Waremme (fresh-eyes trial 13): the DG said the budget is a major obstacle, the IT lead that it is none; the
    « proposition prudente » was the lower answer, « Pas un frein », which dropped the budget recommendation from
    the sheet had the échevine kept it. For an obstacle the prudent tie is the bigger obstacle (contract §8); with
    an odd count both medians are the same answer, and the other questions keep the lower median."""
    two = merge(mini, [Respondent("DG", {"budget": "major", "a1": "full"}),
                       Respondent("informatique", {"budget": "none", "a1": "none"})])
    assert two.answers["budget"] == "major"
    assert two.answers["a1"] == "none"  # a maturity question: the lower, as before
    four = merge(mini, [Respondent(str(i), {"budget": v}) for i, v in enumerate(["none", "minor", "significant", "major"])])
    assert four.answers["budget"] == "significant"
    three = merge(mini, [Respondent(str(i), {"budget": v}) for i, v in enumerate(["none", "major", "minor"])])
    assert three.answers["budget"] == "minor"
    assert entry(two, "budget").proposal == "major" and entry(two, "budget").divergent
