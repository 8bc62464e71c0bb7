"""Targets and roadmap (issue 14): gap and reached by hand, the round trip, bad entries with their place."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maturity import plan, targets
from maturity.answers import answers_from_dict, check_answers, parse_answers_json
from maturity.errors import InvalidInput
from maturity.scoring import score

ROOT = Path(__file__).resolve().parents[2]

# mini.yaml: levels low 0, mid 40, high 75; alpha = a1 (w1, none/some/half/full = 0/1/2/4),
# a2 (boolean, w2), a3 (multi x1 y1 z2), a4 (w1, shown when a2 = yes, no 0 / yes 3).
AT_75 = {"a1": "full", "a2": "yes", "a3": ["x", "z"], "a4": "no"}  # 100 × (1 + 2 + 0.75 + 0) / 5 = 75
AT_65 = {"a1": "half", "a2": "yes", "a3": ["x", "z"], "a4": "no"}  # 100 × (0.5 + 2 + 0.75 + 0) / 5 = 65


def _status(mini, answers, level, dim="alpha"):
    assessment = score(mini, answers)
    return targets.evaluate(mini, assessment, {dim: targets.Target(level, 2030)})[dim]


def test_gap_at_a_levels_min_is_zero_and_reached(mini):
    s = _status(mini, AT_75, "high")
    assert s.score == pytest.approx(75.0)
    assert s.gap == 0.0 and s.reached is True


def test_gap_under_a_levels_min_is_the_missing_points(mini):
    s = _status(mini, AT_65, "high")
    assert s.gap == pytest.approx(10.0)  # 75 − 65
    assert s.reached is False


def test_gap_over_a_levels_min_is_zero(mini):
    s = _status(mini, AT_65, "mid")  # 65 ≥ 40
    assert s.gap == 0.0 and s.reached is True
    assert _status(mini, AT_65, "low").gap == 0.0


def test_gap_and_reached_are_null_without_a_score(mini):
    s = _status(mini, AT_65, "mid", dim="beta")  # beta has no answer: score null
    assert s.score is None and s.gap is None and s.reached is None
    assert s.to_json() == {"level": "mid", "by": 2030, "reached": None, "gap": None}


def test_gap_function_by_hand():
    assert targets.gap(None, 40) is None
    assert targets.gap(39.5, 40) == pytest.approx(0.5)
    assert targets.gap(100 * 2 / 5, 40) == 0.0  # floating point 40 counts as 40
    assert targets.gap(80, 40) == 0.0


def _doc(**over):
    doc = {
        "questionnaire": {"id": "mini", "version": "1.0"},
        "commune": {"nis_code": "92094", "name": "Namur"},
        "respondent": {},
        "answers": dict(AT_65),
        "notes": {},
        "targets": {"beta": {"level": "high", "by": 2030}, "alpha": {"level": "mid", "by": 2027}},
        "plan": [
            {"id": "a2", "recommendation": "rec_beta_mid", "action": "Agir", "owner": "DG", "year": 2026,
             "budget": "104/123-48", "status": "started"},
            {"id": "a1", "action": "Former l'équipe", "owner": "", "year": 2025, "status": "planned"},
            {"id": "x-7", "dimension": "alpha", "action": "Ouvrir les données", "owner": "Cellule Smart City",
             "year": 2028, "budget": 12500.5, "status": "done"},
        ],
        "x-tool": {"kept": True},
    }
    doc.update(over)
    return doc


def test_round_trip_keeps_targets_and_plan_in_order(mini):
    original = _doc()
    doc = parse_answers_json(json.dumps(original, ensure_ascii=False).encode())
    assert check_answers(doc, mini) == []
    again = json.loads(doc.to_json())
    assert again == original
    assert list(again["targets"]) == ["beta", "alpha"]
    assert [a["id"] for a in again["plan"]] == ["a2", "a1", "x-7"]


def test_typed_round_trip_writes_what_it_read(mini):
    doc = answers_from_dict(_doc())
    items, goals = plan.of(doc), targets.of(doc)
    assert [i.id for i in items] == ["a2", "a1", "x-7"] and items[2].budget == 12500.5
    assert goals["alpha"] == targets.Target("mid", 2027)
    plan.set_on(doc, items)
    targets.set_on(doc, goals)
    assert doc.to_dict()["plan"] == _doc()["plan"]
    assert doc.to_dict()["targets"] == _doc()["targets"]
    plan.set_on(doc, [])
    targets.set_on(doc, {})
    assert "plan" not in doc.to_dict() and "targets" not in doc.to_dict()


def test_a_file_without_targets_or_plan_is_unchanged(mini):
    original = _doc()
    del original["targets"], original["plan"]
    doc = answers_from_dict(original)
    assert check_answers(doc, mini) == []
    assert json.loads(doc.to_json()) == original


def _places(exc: pytest.ExceptionInfo) -> dict[str, str]:
    return {p.path: p.message for p in exc.value.problems}


def test_bad_targets_are_rejected_with_their_place(mini):
    with pytest.raises(InvalidInput) as exc:
        answers_from_dict(_doc(targets={"alpha": {"level": "mid", "by": 2041}, "beta": {"level": "mid"},
                                        "gamma": "high", "delta": {"level": "", "by": "2030", "when": 1}}),
                          "commune.json")
    places = _places(exc)
    assert "outside 2025–2040" in places["targets.alpha.by"]
    assert "missing" in places["targets.beta.by"]
    assert "targets.gamma" in places
    assert "targets.delta.level" in places and "whole number" in places["targets.delta.by"]
    assert "unknown field" in places["targets.delta.when"]
    assert str(exc.value.problems[0]).startswith("commune.json: targets.alpha.by: ")
    assert answers_from_dict(_doc(targets={"alpha": {"level": "mid", "by": 2025}})).extra["targets"]
    with pytest.raises(InvalidInput):
        answers_from_dict(_doc(targets={"alpha": {"level": "mid", "by": 2024}}))
    with pytest.raises(InvalidInput):
        answers_from_dict(_doc(targets=["alpha"]))


def test_unknown_dimensions_and_levels_are_errors_with_their_place(mini):
    doc = answers_from_dict(_doc(targets={"gamma": {"level": "mid", "by": 2030},
                                          "alpha": {"level": "top", "by": 2030}}), "c.json")
    with pytest.raises(InvalidInput) as exc:
        check_answers(doc, mini, "c.json")
    places = _places(exc)
    assert "not a dimension" in places["targets.gamma"] and "alpha, beta" in places["targets.gamma"]
    assert "not a level" in places["targets.alpha.level"] and "low, mid, high" in places["targets.alpha.level"]


def test_another_version_drops_unknown_targets_with_a_warning(mini):
    doc = answers_from_dict(_doc(questionnaire={"id": "mini", "version": "0.9"},
                                 targets={"gamma": {"level": "mid", "by": 2030}, "alpha": {"level": "mid", "by": 2030}},
                                 plan=[{"id": "a", "recommendation": "gone", "action": "Agir", "owner": "",
                                        "year": 2026, "status": "planned"}]))
    warnings = check_answers(doc, mini)
    assert any(w.path == "targets.gamma" for w in warnings)
    assert any(w.path == "plan[0].recommendation" for w in warnings)
    assert list(targets.of(doc)) == ["alpha"] and len(plan.of(doc)) == 1


def test_bad_plan_entries_are_rejected_with_their_place(mini):
    bad = [
        {"id": "a1", "action": "Agir", "owner": "DG", "year": 2024, "status": "ongoing"},
        {"id": "a1", "action": " ", "owner": 3, "year": 2030, "status": "done", "budget": -5, "colour": "red"},
        {"action": "Agir", "owner": "", "year": True, "status": "planned", "budget": True},
        "Agir",
    ]
    with pytest.raises(InvalidInput) as exc:
        answers_from_dict(_doc(plan=bad), "c.json")
    places = _places(exc)
    assert "outside 2025–2040" in places["plan[0].year"]
    assert "not a status" in places["plan[0].status"]
    assert "earlier action" in places["plan[1].id"]
    assert {"plan[1].action", "plan[1].owner", "plan[1].budget", "plan[1].colour"} <= set(places)
    assert places["plan[2].id"] == "missing" and "plan[2].year" in places and "plan[2].budget" in places
    assert "plan[3]" in places
    with pytest.raises(InvalidInput) as exc:
        answers_from_dict(_doc(plan={"a1": "Agir"}))
    assert "plan" in _places(exc)


def test_unknown_recommendation_or_dimension_in_the_plan_is_an_error(mini):
    doc = answers_from_dict(_doc(plan=[{"id": "a", "recommendation": "rec_nope", "action": "Agir", "owner": "",
                                        "year": 2026, "status": "planned"},
                                       {"id": "b", "dimension": "gamma", "action": "Agir", "owner": "",
                                        "year": 2026, "status": "planned"}]))
    with pytest.raises(InvalidInput) as exc:
        check_answers(doc, mini)
    assert set(_places(exc)) == {"plan[0].recommendation", "plan[1].dimension"}


def test_pst_rows_map_the_roadmap_to_the_pst_structure(mini):
    doc = answers_from_dict(_doc())
    rows = plan.pst_rows(mini, plan.of(doc), "fr", targets.of(doc))
    assert rows[0] == ["Objectif stratégique", "Objectif opérationnel", "Action", "Responsable", "Échéance",
                       "Budget", "Statut"]
    assert rows[1] == ["Beta : viser «\u00a0Haut\u00a0» d'ici 2030", "Beta moyen", "Agir", "DG", "2026", "104/123-48",
                       "en cours"]
    assert rows[2] == ["Transversal", "Action libre", "Former l'équipe", "", "2025", "", "prévue"]
    assert rows[3][:3] == ["Alpha : viser «\u00a0Moyen\u00a0» d'ici 2027", "Action libre", "Ouvrir les données"]
    assert rows[3][5] == "12\u202f500,50 €"  # an amount as French writes it, its cents as typed
    assert rows[3][6] == "réalisée"
    en = plan.pst_rows(mini, plan.of(doc), "en")
    assert en[0][0] == "Strategic objective" and en[1][0] == "Beta" and en[1][6] == "started"


def test_add_action_appends_once_with_a_new_id():
    items = plan.add_action([], "Agir", 2026, recommendation="r")
    items = plan.add_action(items, "Agir", 2027, recommendation="r")  # already there
    items = plan.add_action(items, "Former", 2027)
    assert [(i.id, i.action, i.year, i.status) for i in items] == [("a1", "Agir", 2026, "planned"),
                                                                   ("a2", "Former", 2027, "planned")]
    kept = [items[1]]
    assert plan.new_id(kept) == "a3"  # a2 is taken; ids are never reused
    assert [y for y, _ in plan.by_year([items[1], items[0]])] == [2026, 2027]


def test_a_new_actions_year_is_spread_up_to_its_targets_year_never_after(mini):
    """Every action was dated next year (2027) under a 2030 target, the horizon the commune had set (fresh-eyes
    trial); before that, every one in 2030. From next year to the target's year, the earliest year holding the
    fewest open actions of the same dimension."""
    goals = {"alpha": targets.Target("high", 2030), "beta": targets.Target("mid", 2028)}
    items: list[plan.PlanItem] = []
    years = []
    for n in range(6):  # picked one after the other for alpha
        year = plan.default_year(items, goals, "alpha", 2026)
        years.append(year)
        items = plan.add_action(items, f"Agir {n}", year, dimension="alpha")
    assert years == [2027, 2028, 2029, 2030, 2027, 2028]
    # another dimension's actions do not count; its own target's year bounds it (2028)
    beta = []
    for n in range(3):
        beta.append(plan.default_year(items, goals, "beta", 2026))
        items = plan.add_action(items, f"Beta {n}", beta[-1], dimension="beta")
    assert beta == [2027, 2028, 2027]
    # an action picked from a recommendation serves its dimension (found through the questionnaire)
    picked = [plan.PlanItem("r1", "Agir", "", 2027, recommendation="rec_alpha_low")]
    assert plan.default_year(picked, goals, "alpha", 2026, mini) == 2028
    assert plan.default_year(picked, goals, "alpha", 2026) == 2027  # without it, a free action of no dimension
    # done and dropped actions take no place; a year moved by the commune counts where it is now
    closed = [plan.PlanItem("d1", "Fait", "", 2027, "done", dimension="alpha"),
              plan.PlanItem("d2", "Abandonné", "", 2027, "dropped", dimension="alpha"),
              plan.PlanItem("m1", "Déplacée", "", 2029, "started", dimension="alpha")]
    assert plan.default_year(closed, goals, "alpha", 2026) == 2027
    # a free action (no dimension): up to the furthest target's year, against the whole roadmap's actions
    assert plan.default_year(items, goals, None, 2026) == 2029
    assert plan.default_year([], {"beta": targets.Target("mid", 2033)}, None, 2026) == 2027
    # no target at all: the PST's horizon, the end of the legislature
    planned = [plan.PlanItem(f"a{y}", "x", "", y, dimension="alpha") for y in range(2027, 2031)]
    assert [plan.default_year(planned[:k], {}, "alpha", 2026) for k in (0, 3, 4)] == [2027, 2030, 2027]
    # a target this year or past: that year, never after it; next year never before the roadmap's first year
    assert plan.default_year([], {"alpha": targets.Target("high", 2026)}, "alpha", 2026) == 2026
    assert plan.default_year([], {"alpha": targets.Target("high", 2027)}, "alpha", 2026) == 2027
    assert plan.default_year([], {}, None, 2020) == 2025
    assert plan.default_year([], {"alpha": targets.Target("high", 2040)}, "alpha", 2045) == 2040
    # a recommendation of priority 1: next year, however full it is (urgent actions spread to the emptiest
    # year landed in 2029 and 2030 while medium ones took 2027); priority 2 and 3 are spread as before
    assert [plan.default_year(planned[:k], {}, None, 2026, priority=1) for k in (0, 1, 4)] == [2027, 2027, 2027]
    assert plan.default_year(planned[:1], {}, None, 2026, priority=2) == 2028
    assert plan.default_year([], {"alpha": targets.Target("high", 2026)}, "alpha", 2026, priority=1) == 2026


def test_problems_name_the_line_of_their_field(mini):
    text = json.dumps(_doc(plan=[{"id": "a", "action": "Agir", "owner": "", "year": 2026, "status": "planned"},
                                 {"id": "b", "action": "Agir", "owner": "", "year": 2051, "status": "planned"}],
                           answers={"a1": "maybe"}), ensure_ascii=False, indent=2)
    lines = text.splitlines()
    with pytest.raises(InvalidInput) as exc:
        parse_answers_json(text.encode(), "c.json")
    (problem,) = exc.value.problems
    assert problem.path == "plan[1].year" and lines[problem.line - 1].strip() == '"year": 2051,'
    assert str(problem).startswith(f"c.json:{problem.line}: plan[1].year: ")
    doc = parse_answers_json(text.replace("2051", "2030").encode(), "c.json")
    with pytest.raises(InvalidInput) as exc:
        check_answers(doc, mini, "c.json")
    (problem,) = exc.value.problems
    assert problem.path == "answers.a1" and lines[problem.line - 1].strip() == '"a1": "maybe"'


def test_line_index_of_a_compact_and_a_nested_text():
    from maturity.jsonplaces import lines

    found = lines('{"a": [1, {"b": "x\\n"}],\n "c": {"d": null,\n "e": [true]}}')
    assert found == {"a": 1, "a[0]": 1, "a[1]": 1, "a[1].b": 1, "c": 2, "c.d": 2, "c.e": 3, "c.e[0]": 3}
    assert lines("[") == {}  # a broken text ends the walk quietly


def test_a_file_on_one_line_gets_no_line_number(mini):
    with pytest.raises(InvalidInput) as exc:
        parse_answers_json(json.dumps(_doc(targets={"alpha": {"level": "mid", "by": 2050}})).encode(), "c.json")
    assert str(exc.value.problems[0]).startswith("c.json: targets.alpha.by: ")


@pytest.mark.parametrize(("typed", "kept"), [
    ("15000", 15000), ("15 000,50 €", 15000.5), ("15.000", 15000), ("2,5", 2.5), (" 104/123-48 ", "104/123-48"),
    ("", None), (None, None), (float("nan"), None), (1200.0, 1200.0), ("env. 5000", "env. 5000"),
])
def test_budget_as_typed_becomes_an_amount_or_stays_text(typed, kept):
    assert plan.parse_budget(typed) == kept


def test_rows_of_the_edited_table_become_the_roadmap():
    before = [plan.PlanItem("a1", "Agir", "", 2026, "planned", "rec_beta_mid"),
              plan.PlanItem("a2", "Former", "DG", 2027, "started", None, None, "alpha")]
    rows = [
        {"id": "a2", "action": "Former l'équipe", "owner": " DG ", "year": 2028.0, "budget": "15 000", "status": "done"},
        {"id": None, "action": "Nouvelle", "owner": float("nan"), "year": float("nan"), "budget": None, "status": None},
        {"id": "a1", "action": "Agir", "owner": "", "year": 2050, "budget": "104/123-48", "status": "planned"},
        {"id": None, "action": "  ", "owner": "x", "year": 2026, "budget": None, "status": "planned"},  # blank: left out
    ]
    after = plan.from_rows(rows, before, 2027)
    assert after == [
        plan.PlanItem("a2", "Former l'équipe", "DG", 2028, "done", None, 15000, "alpha"),
        plan.PlanItem("a3", "Nouvelle", "", 2027, "planned"),
        plan.PlanItem("a1", "Agir", "", 2027, "planned", "rec_beta_mid", "104/123-48"),
    ]
    assert plan.from_rows(rows, before, 2027) == after  # the same table gives the same roadmap (same new ids)
    assert plan.structure_problems(plan.to_raw(after)) == []


def test_progress_rows_and_chart_keep_gaps_and_targets(mini):
    rows = targets.progress_rows(mini, [("2026", {"alpha": 30.0, "beta": None}), ("2027", {"alpha": 65.0})],
                                 {"alpha": targets.Target("mid", 2030)}, "fr")
    alpha = [r for r in rows if r["dimension"] == "Alpha"]
    beta = [r for r in rows if r["dimension"] == "Beta"]
    assert [(r["when"], r["score"], r["target"]) for r in alpha] == [("2026", 30.0, 40.0), ("2027", 65.0, 40.0)]
    assert alpha[0]["target_text"] == "Moyen (40) — 2030"
    assert [r["score"] for r in beta] == [None, None] and beta[0]["target"] is None
    from maturity.charts import chart_svg, progress_panel_spec

    panel = progress_panel_spec(alpha, "fr")
    assert panel["title"]["text"] == ["Alpha"] and panel["width"] == "container"
    assert [r["score"] for r in panel["data"]["values"]] == [30.0, 65.0]
    assert panel["layer"][1]["encoding"]["x"]["sort"] == ["2026", "2027"]
    from maturity.charts import STYLES

    rule = panel["layer"][0]["mark"]  # the target's rule: the radar's look for a target, one on the page
    assert (rule["color"], rule["strokeDash"]) == (STYLES["target"]["color"], STYLES["target"]["dash"])
    assert progress_panel_spec([dict(r, dimension="Smart Mobility – Mobilité") for r in alpha])["title"]["text"] == [
        "Smart Mobility", "Mobilité"]
    assert "<svg" in chart_svg(dict(panel, width=200))


def test_the_radar_draws_targets_as_their_own_light_kind(mini):
    from maturity.charts import STYLES, RadarSeries, radar_data

    assert STYLES["target"]["width"] < STYLES["commune"]["width"]
    data = radar_data(mini, [RadarSeries("Objectifs", {"alpha": 40.0, "beta": None}, kind="target")], "fr")
    assert [(p["dimension"], p["score"], p["kind"]) for p in data["points"]] == [("Alpha", "40", "target")]


def test_where_a_target_stands_in_words_with_each_languages_plural(mini):
    one = targets.TargetStatus("alpha", "high", 2030, 74.0, 75.0, 1.0, False)
    ten = targets.TargetStatus("alpha", "high", 2030, 65.0, 75.0, 10.0, False)
    near = targets.TargetStatus("alpha", "high", 2030, 73.6, 75.0, 1.4, False)  # shown rounded, as the score
    assert [targets.gap_text(s, "fr") for s in (one, ten, near)] == ["encore 1 point", "encore 10 points",
                                                                      "encore 1 point"]
    # the gap is counted from the score as shown: 17,5 reads 18, so 2 points to a level at 20 (not a rounded 2,5: 3)
    half = targets.TargetStatus("alpha", "low", 2030, 17.5, 20.0, 2.5, False)
    edge = targets.TargetStatus("alpha", "low", 2030, 19.5, 20.0, 0.5, False)  # shown 20, not reached yet
    assert [targets.gap_text(s, "fr") for s in (half, edge)] == ["encore 2 points", "encore 1 point"]
    assert [targets.gap_text(s, "de") for s in (one, ten)] == ["noch 1 Punkt", "noch 10 Punkte"]
    assert [targets.gap_text(s, "en") for s in (one, ten)] == ["1 point to go", "10 points to go"]
    assert targets.gap_text(_status(mini, AT_75, "high"), "de") == "erreicht"
    assert targets.gap_text(_status(mini, AT_65, "mid", dim="beta"), "fr") == "pas de score"


def test_targets_on_some_dimensions_are_pieces_of_their_rings_and_a_ring_once_all_have_one():
    """Eupen's targets on Governance, Mobility and Living drew a dotted segment between the first two and a
    lone marker at the third (a fresh-eyes trial): each target is then the piece of its level's ring around
    its axis."""
    from maturity.charts import RadarSeries, radar_data
    from maturity.questionnaire import load_questionnaire

    q = load_questionnaire()
    dims = [d.id for d in q.dimensions]
    some = dict.fromkeys(dims)
    some.update({dims[2]: 60.0, dims[3]: 40.0, dims[5]: 60.0})
    data = radar_data(q, [RadarSeries("Objectifs", some, kind="target")], "fr")
    assert sorted(p["score"] for p in data["points"]) == ["40", "60", "60"]
    pieces: dict[str, list] = {}
    for row in data["lines"]:
        pieces.setdefault(row["segment"], []).append((row["x"], row["y"]))
    assert len(pieces) == 3  # one piece of ring at each target, none joining two of them
    for (x, y), (_segment, piece) in zip(((p["x"], p["y"]) for p in data["points"]), sorted(pieces.items()), strict=True):
        assert len(piece) == 3 and piece[1] == (x, y)  # through the target's marker, on its axis
        radius = math.hypot(x, y)
        for px, py in (piece[0], piece[2]):  # along the level's ring: short of the next axes
            assert radius * 0.8 < math.hypot(px, py) < radius and math.dist((px, py), (x, y)) < radius * 0.25
    ring = radar_data(q, [RadarSeries("Objectifs", dict.fromkeys(dims, 60.0), kind="target")], "fr")
    assert len(ring["lines"]) == len(dims) + 1 and len(ring["points"]) == len(dims)
    gappy = radar_data(q, [RadarSeries("Commune", some, kind="commune")], "fr")  # a score's gap: still its line
    assert len(gappy["lines"]) == 2 + 1


def _rewritten_action_cases():
    """The four actions reworded to read alone (« Lui confier … » said nothing of whom): their old French,
    German and English texts, as a roadmap saved before holds them."""
    return [
        ("governance_steering_group", 1, "Lui confier un premier inventaire des projets numériques en cours et des "
                                         "besoins des services."),
        ("environment_energy_baseline", 1, "Diese Erfassung einer für Energie zuständigen Person der Verwaltung "
                                           "übertragen."),
        ("living_online_procedures", 1, "Offer them through an e-counter already shared between local authorities "
                                        "(an intercommunale, iMio for its members) rather than a custom development."),
        ("rural_strategy_in_pcdr", 1, "Inscrire ces projets dans les fiches-projets du PCDR et les relier aux "
                                      "objectifs du PST."),
        # reworded twice: the first text too (« Désigner » beside a commune that has a referent)
        ("environment_energy_baseline", 1, "Désigner un responsable énergie au sein de l'administration."),
    ]


@pytest.mark.parametrize(("rec_id", "index", "old"), _rewritten_action_cases())
def test_an_action_saved_in_an_earlier_wording_is_still_that_action(rec_id, index, old):
    from maturity.questionnaire import load_questionnaire

    q = load_questionnaire(ROOT / "questionnaires" / "smart-city-wallonie.yaml")
    rec = next(r for r in q.recommendations if r.id == rec_id)
    assert old not in {q.t(a, lang) for a in rec.actions for lang in q.languages}  # reworded since
    items = [plan.PlanItem("a1", old, "DG", 2027, "started", rec_id)]
    assert plan.picked(rec, items) == {index}
    # the same text under another recommendation, or a free action, is not this one
    assert plan.picked(rec, [plan.PlanItem("a1", old, "", 2027, "planned", None)]) == set()
    # the current text in any language still counts
    assert plan.picked(rec, [plan.PlanItem("a2", q.t(rec.actions[0], "de"), "", 2027, "planned", rec_id)]) == {0}


def test_every_former_action_names_an_action_of_its_recommendation(tmp_path):
    from maturity.questionnaire import load_questionnaire

    text = (ROOT / "tests" / "data" / "mini.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "mini.yaml"
    bad.write_text(text.replace("    actions: [Agir]\n", "    actions: [Agir]\n    former_actions: [{action: 2, "
                                "text: Faire}]\n", 1), encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        load_questionnaire(bad)
    (problem,) = err.value.problems
    assert "action 2: the recommendation has 1 action(s)" in problem.message
    assert problem.path.endswith("former_actions[0].action") and problem.line


def test_an_action_saved_before_its_wording_got_no_break_spaces_is_still_that_action():
    """The guillemets and the % of the recommendations' texts got no-break spaces inside (« Territoire
    intelligent »): a roadmap saved before keeps the plain spaces, and its actions were offered again, their
    mark « Dans la feuille de route » lost. Every action, in every language, with its no-break spaces made
    plain is still that action, and is not added twice."""
    from maturity.questionnaire import load_questionnaire

    q = load_questionnaire(ROOT / "questionnaires" / "smart-city-wallonie.yaml")
    spaced = 0
    for rec in q.recommendations:
        for index, action in enumerate(rec.actions):
            for lang in q.languages:
                text = q.t(action, lang)
                plain = text.replace("\u00a0", " ").replace("\u202f", " ")
                spaced += plain != text
                items = [plan.PlanItem("a1", plain, "", 2027, "planned", rec.id)]
                assert index in plan.picked(rec, items), (rec.id, index, lang)
                assert plan.add_action(items, text, 2027, recommendation=rec.id) == items
    assert spaced >= 7  # the seven « Territoire intelligent » actions, at least
    # a text that differs otherwise is another action
    rec = next(r for r in q.recommendations if r.id == "approach_smart_region")
    other = q.t(rec.actions[1], "fr").replace("\u00a0", " ").replace("intelligent", "intelligents")
    assert plan.picked(rec, [plan.PlanItem("a1", other, "", 2027, "planned", rec.id)]) == set()


# --- two pages on one roadmap: plan.rebase -----------------------------------------------------------


def _item(ident: str, action: str, owner: str = "", rec: str | None = None) -> plan.PlanItem:
    return plan.PlanItem(ident, action, owner, 2027, "planned", rec)


A, B, C = _item("a1", "Agir"), _item("a2", "Former"), _item("a3", "Mesurer")


@pytest.mark.parametrize(("base", "mine", "stored", "expected"), [
    # nothing changed elsewhere: this page's roadmap
    ([A, B], [A, replace(B, owner="DG")], [A, B], [A, replace(B, owner="DG")]),
    # added elsewhere, changed here: both
    ([A], [replace(A, owner="DG")], [A, B], [replace(A, owner="DG"), B]),
    # added elsewhere, added here with the same id: both, this one with a new id
    ([A], [A, _item("a2", "Mesurer")], [A, B], [A, B, _item("a3", "Mesurer")]),
    # deleted here, changed elsewhere: gone
    ([A, B], [A], [A, replace(B, owner="DG")], [A]),
    # changed here, deleted elsewhere: stays deleted
    ([A, B], [A, replace(B, owner="DG")], [A], [A]),
    # left alone here: what is stored, in its order
    ([A, B], [A, B], [B, C, A], [B, C, A]),
    # the same recommended action picked on both pages: once
    ([A], [A, _item("a2", "Agir\u00a0?", rec="r1")], [A, _item("a2", "Agir ?", rec="r1")],
     [A, _item("a2", "Agir ?", rec="r1")]),
    # the same free text written on both pages: twice (two people may mean two actions)
    ([A], [A, _item("a2", "Former")], [A, B], [A, B, _item("a3", "Former")]),
])
def test_a_pages_change_is_applied_to_the_roadmap_as_stored(base, mine, stored, expected):
    assert plan.rebase(base, mine, stored) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([A, B, C, replace(A, owner="DG"), replace(C, owner="DG")]), max_size=4,
                unique_by=lambda i: i.id),
       st.lists(st.sampled_from([A, B, C, replace(B, owner="X")]), max_size=4, unique_by=lambda i: i.id))
def test_rebase_loses_nothing_the_other_page_did_not_delete(mine, stored):
    """With the base empty, this page only added: every stored action stays, every added one comes once,
    ids stay unique."""
    out = plan.rebase([], mine, stored)
    assert out[:len(stored)] == stored
    assert len({i.id for i in out}) == len(out)
    assert [i.action for i in out[len(stored):]] == [i.action for i in mine]


def test_no_edit_makes_a_roadmap_its_own_reader_refuses():
    """A roadmap has at most 500 actions (structure_problems refuses more), but the table kept every row
    pasted into it, a pick added a 501st: the answers file downloaded then was refused when loaded again."""
    full = [_item(f"a{i}", f"Action {i}") for i in range(1, plan.MAX_ITEMS + 1)]
    assert plan.structure_problems(plan.to_raw(full)) == []
    rows = [item.to_json() for item in full] + [{"action": f"Collée {i}", "year": 2027} for i in range(100)]
    kept = plan.from_rows(rows, full, 2027)
    assert kept == full
    assert plan.add_action(full, "Une de plus", 2027, recommendation="r1") == full
    assert plan.rebase(full[:-1], [*full[:-1], _item("z1", "Ici")], full) == full
    assert plan.structure_problems(plan.to_raw(plan.add_action(full[:-1], "La dernière", 2027))) == []


@pytest.mark.parametrize(("typed", "kept", "shown"), [
    ("15 000", 15000, "15\u202f000\u00a0€"),
    ("999 999 999 999", 999_999_999_999, "999\u202f999\u202f999\u202f999\u00a0€"),
    # a reference typed without separators is no amount: as typed, where it read « 1.23457e+19 € »
    ("12345678901234567890", "12345678901234567890", "12345678901234567890"),
    ("1234567890123", "1234567890123", "1234567890123"),
    # an amount with its cents keeps them, where « 15 000,50 » read « 15 001 € »
    ("15 000,50 €", 15000.5, "15\u202f000,50\u00a0€"),
    ("2500,05", 2500.05, "2\u202f500,05\u00a0€"),
])
def test_a_budget_of_many_digits_is_kept_as_typed(typed, kept, shown):
    budget = plan.parse_budget(typed)
    assert budget == kept and type(budget) is type(kept)
    assert plan.format_budget(budget, "fr").replace("\u00a0", " ").replace("\u202f", " ") == \
        shown.replace("\u00a0", " ").replace("\u202f", " ")


def test_no_action_is_listed_by_two_recommendations_and_a_roadmap_that_picked_the_moved_one_keeps_it():
    """« Inscrire des agents et des élus à la formation continue du Smart City Institute » was an action of both
    « Aller chercher l'expertise qui manque » and « Organiser l'accompagnement numérique et former »: a commune
    citing the lack of expertise with a weak People dimension read it twice (fresh-eyes trial 13). Each action
    is now listed once; a roadmap saved when the second listed it keeps its action, which the first no longer
    offers again (its mark « Dans la feuille de route »), and the PST table does not propose it again."""
    from datetime import date

    from maturity.answers import read_answers_file
    from maturity.questionnaire import load_questionnaire
    from maturity.sheet import build_content

    q = load_questionnaire(ROOT / "questionnaires" / "smart-city-wallonie.yaml")
    seen: dict[str, str] = {}
    for rec in q.recommendations:
        for action in rec.actions:
            for lang in q.languages:
                text = q.t(action, lang).replace("\u00a0", " ")
                assert seen.setdefault(text, rec.id) == rec.id, (text, seen[text], rec.id)
    expertise = next(r for r in q.recommendations if r.id == "obstacle_expertise")
    training = next(r for r in q.recommendations if r.id == "people_support_and_training")
    moved = {lang: q.t(expertise.actions[0], lang) for lang in q.languages}
    assert "formation continue du Smart City Institute" in moved["fr"]
    assert not any(moved["fr"] == q.t(a, "fr") for a in training.actions)
    # a roadmap saved before, in French or German, from the recommendation that no longer lists it
    for lang in ("fr", "de"):
        item = plan.PlanItem("a1", moved[lang], "DG", 2028, "planned", training.id)
        assert plan.picked(expertise, [item]) == {0}
        assert plan.picked(training, [item]) == set()
    doc = read_answers_file(ROOT / "tests" / "data" / "answers" / "team-roadmap-sankt-vith-2027.json")
    for row in doc.extra["plan"]:
        if row["recommendation"] == expertise.id and row["action"] == moved["de"]:
            row["recommendation"] = training.id
    items = plan.of(doc)  # the file still loads, the action with it
    assert [i.recommendation for i in items if i.action == moved["de"]] == [training.id]
    content = build_content(q, doc, "de", generated=date(2026, 12, 1))
    pst_actions = [row[2] for row in content.pst[1:]]
    assert pst_actions.count(moved["de"]) == 1, pst_actions  # the roadmap's, not proposed again
    # an earlier wording under another recommendation, or a free action, is still not this one
    assert plan.picked(expertise, [plan.PlanItem("a1", moved["fr"], "", 2027, "planned", None)]) == set()
