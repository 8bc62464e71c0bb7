"""Version 2027.1 of the default questionnaire and its recommendations (issue: content a Smart City
researcher would sign).

Three communes answer it (tests/data/answers/): a rural one (Tenneville, about 2,800 inhabitants,
member of iMio, climate plan adopted, PCDR with its CLDR, in a GAL), an urban one (Charleroi) and a
German-speaking one (Büllingen). None of them, and no commune at all (hypothesis), gets a
recommendation that its answers say it already follows. A 2026.1 answers file still loads.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from maturity.answers import load_answers
from maturity.errors import InvalidInput
from maturity.questionnaire import load_questionnaire
from maturity.recommendations import SHEET_LIMIT, select
from maturity.scoring import score, visible_questions
from tests.strategies import answer_sets

ROOT = Path(__file__).resolve().parent.parent.parent
ANSWERS = ROOT / "tests" / "data" / "answers"
Q = load_questionnaire()
RURAL, URBAN, GERMAN = "rural-tenneville-2027.json", "urban-charleroi-2027.json", "german-buellingen-2027.json"


def _has(answers, question, options):
    value = answers.get(question)
    if isinstance(value, list):
        return any(v in options for v in value)
    return value in options


# What a commune's answer says it already does -> the recommendations that would contradict it.
# Written from the commune's side, independently of the rules in the YAML file.
ALREADY_DONE = [
    ("env_climate_plan", {"adopted", "implemented", "evaluated"}, {"environment_climate_plan"}),
    ("gov_shared", {"imio"}, {"governance_join_pooling"}),
    # local economy data published, or said not to apply (no shops to count: Büllingen, German-speaking trial):
    # a step to share them, its first action to publish empty shop units, contradicts either
    ("eco_local_data", {"open", "na"}, {"economy_share_and_cooperate"}),
    # a strategy approved in the PST, or someone with a mandate steering it: an approach under another name
    ("gov_strategy", {"written", "reviewed"}, {"approach_write_strategy", "rural_strategy_in_pcdr", "approach_start"}),
    ("gov_steering", {"referent", "team", "resourced"}, {"approach_start"}),
    # the approach formalised in an approved strategy (own document or part of the PST), as the profile asks
    ("strategy_written", {"yes"}, {"approach_write_strategy", "rural_strategy_in_pcdr"}),
    ("gov_strategy", {"reviewed"}, {"approach_review_strategy"}),
    ("gov_steering", {"team", "resourced"}, {"governance_steering_group"}),
    ("gov_evaluation", {"reported", "published"}, {"governance_measure_maturity"}),
    ("gov_data", {"policy", "reused"}, {"governance_data_transparency"}),
    ("gov_security_privacy", {"basics", "policy", "audited"}, {"governance_incident_readiness"}),
    ("gov_transparency", {"decisions", "broadcast"}, {"governance_transparency"}),
    ("mob_plan", {"current", "implemented", "evaluated"}, {"mobility_plan_and_fund"}),
    ("mob_data", {"permanent", "shared"}, {"mobility_know_travel"}),
    ("liv_online_services", {"e_counter", "end_to_end", "user_centred"}, {"living_online_procedures"}),
    ("liv_online_services", {"user_centred"}, {"living_scale_services"}),
    ("liv_permits_online", {"managed", "online", "measured"}, {"living_permits_online"}),
    ("liv_cpas", {"joint_projects"}, {"living_cpas_synergies"}),
    ("env_building_energy", {"accounting", "monitoring", "optimised"}, {"environment_energy_baseline"}),
    ("env_building_energy", {"monitoring", "optimised"}, {"environment_data_driven"}),
    ("env_lighting_choices", {"dimming", "switch_off"}, {"environment_lighting_choices"}),
    ("peo_digital_inclusion", {"plan", "evaluated"}, {"people_digital_inclusion"}),
    ("peo_skills_training", {"coordinated", "evaluated"}, {"people_support_and_training"}),
    ("gov_participation", {"co_design", "systematic"}, {"people_co_design", "living_start_from_needs"}),
    ("eco_business_digital", {"programme", "evaluated"}, {"economy_listen_local_business", "economy_action_plan"}),
    ("eco_local_data", {"open"}, {"economy_share_and_cooperate"}),
    ("approach", {"started"}, {"approach_start"}),
    ("smart_region_known", {"yes"}, {"approach_smart_region"}),
]
ALL_IDS = {r.id for r in Q.recommendations}
# What an answer says the commune has -> an action's words that would tell it to create it (fr); the
# recommendation may still apply (an obstacle, a low level), its words must not.
ALREADY_SAID = [
    ("env_climate_plan", {"implemented", "evaluated"}, r"Désigner un responsable énergie"),  # its référent
    ("mob_plan", {"current", "implemented", "evaluated"}, r"si la commune dispose d'un Plan communal de mobilité"),
    ("gov_data", {"inventory", "owners", "policy", "reused"}, r"^Dresser l'inventaire des principales données"),
    ("gov_data", {"policy", "reused"}, r"^Fixer des règles de gouvernance des données"),
    ("gov_internal_digital", {"decisions", "mail", "workflows"}, r"^Automatiser les tâches répétitives \("),
    # mail or decisions already electronic (the fresh-eyes trial, Durbuy: iA.Docs, iA.Delib): « encore faites sur
    # papier (courrier, délibérations, …) » told it they were still on paper
    ("gov_internal_digital", {"decisions", "mail"}, r"sur papier \((courrier|délibérations)"),
    ("peo_digital_inclusion", {"plan", "evaluated"}, r"^Intégrer l'inclusion numérique .* Plan de Cohésion Sociale"),
    # committed to a climate plan (Convention des Maires, POLLEC): joining the Covenant is not its step
    ("env_climate_plan", {"committed", "adopted", "implemented", "evaluated"}, r"^Faire adhérer la commune à la Convention"),
    # a mobility plan in preparation (or an old one): not to be "launched"
    ("mob_plan", {"outdated", "current", "implemented", "evaluated"}, r"^Lancer l'élaboration"),
    # street lighting dimmed or switched off at night, decided with the grid operator: the energy quick wins
    ("env_lighting_choices", {"dimming", "switch_off"}, r"baisse d'intensité|extinction nocturne"),
    # lighting choices already made by area and explained, or its consumption followed every year against a
    # target, without dimming nor switching off: « un schéma par zone » and « Suivre chaque année la consommation »
    # told it to do what it ticked (expert review)
    ("env_lighting_choices", {"targeted"}, r"schéma par zone"),
    ("env_lighting_choices", {"follow_up"}, r"^Suivre chaque année la consommation de l'éclairage public"),
    # words that take for granted what the answers deny: a steering committee where nobody steers
    ("gov_steering", {"nobody", "informal"}, r"avec le comité de pilotage"),
    # buying through an intercommunale's services or a central purchasing body, or with procurement clauses
    # (open formats, data returned) already standard: not to be told to start either
    ("gov_shared", {"intercommunal"}, r"^Passer par des achats groupés et des centrales d'achat"),
    ("eco_procurement", {"systematic", "reviewed"}, r"^Passer par des achats groupés et des centrales d'achat"),
    ("eco_procurement", {"standard_clauses", "systematic", "reviewed"}, r"^Exiger dans les cahiers des charges"),
    # already in a GAL or an active supra-communal partnership: "join" the GAL is not its step
    ("gov_shared", {"supra_communal"}, r"^Rejoindre les initiatives supracommunales"),
    ("rural_instruments", {"gal", "supra_communal"}, r"^Rejoindre les initiatives supracommunales"),
    # what the commune already publishes: travel information as open data, some datasets, its results
    ("mob_information", {"open_data"}, r"^Publier les données de mobilité de la commune \(stationnement, chantiers"),
    ("gov_data", {"owners", "policy", "reused"}, r"^Publier quelques jeux de données"),
    ("gov_evaluation", {"published"}, r"^Tenir un tableau de bord public de l'avancement du PST et le présenter"),
    # indicators already presented to the Collège and the council: presenting progress is what it does
    ("gov_evaluation", {"reported", "published"}, r"^Présenter l'avancement des projets au conseil communal"),
    # words that take for granted what the answers deny: "the strategy" of a commune with nothing written
    ("gov_strategy", {"none", "discussed"}, r"un projet de la stratégie"),
    # no data protection officer appointed: "involve the DPO" alone takes one for granted
    ("gov_security_privacy", {"nothing"}, r"^Associer .* \(DPO\), que le RGPD impose à la commune\.$"),
    # staff already made aware of security regularly (the security policy, a training plan for all staff)
    ("gov_security_privacy", {"policy", "audited"}, r"^Apprendre aux agents à reconnaître l'hameçonnage"),
    ("peo_staff_skills", {"all_staff", "evaluated"}, r"^Apprendre aux agents à reconnaître l'hameçonnage"),
    # usage and satisfaction of online procedures already measured
    ("liv_online_services", {"user_centred"}, r"^Mesurer l'usage des services"),
    # the main buildings' yearly consumption already recorded; risks already in the emergency plan
    ("env_building_energy", {"annual"}, r"^Recenser les consommations d'énergie des bâtiments"),
    ("env_risks", {"plan", "monitoring", "exercised"}, r"dans les décisions d'urbanisme et la planification d'urgence"),
    # a strategy with objectives, actions, budget and owners approved in the PST: its projects are tied to it
    ("gov_strategy", {"written", "reviewed"}, r"^Relier chaque projet à un objectif du PST"),
]
# What an answer says the commune has -> words of a recommendation's "why" (fr) that would say it lacks it.
WHY_SAID = [
    # a referent with a clear mandate: « Sans pilote désigné » told it it had none
    ("gov_steering", {"referent", "team", "resourced"}, r"[Ss]ans pilote désigné"),
]
# Two recommendations that would contradict each other on one sheet: the PCDR step says not to write a
# second strategy, the other says to write one.
EXCLUSIVE = [("rural_strategy_in_pcdr", "approach_write_strategy")]


def contradictions(answers, selected):
    # an answer to a question the commune is not shown (strategy_written without a started approach) says nothing
    shown = visible_questions(Q, answers)
    answers = {qid: value for qid, value in answers.items() if qid in shown}
    ids = {s.recommendation.id for s in selected}
    found = [(q, sorted(ids & recs)) for q, done, recs in ALREADY_DONE if _has(answers, q, done) and ids & recs]
    found += [("both", [a, b]) for a, b in EXCLUSIVE if {a, b} <= ids]
    # texts that would tell a commune to do what its answers say it does
    for s in selected:
        fr = " ".join([Q.t(s.recommendation.text, "fr")] + [Q.t(a, "fr") for a in s.recommendation.actions])
        if _has(answers, "gov_shared", {"imio"}) and re.search(r"(adhérer|rejoindre|membre).{0,40}iMio|n'en est pas membre", fr):
            found.append(("gov_shared", [s.recommendation.id]))
        for question, done, words in WHY_SAID:
            if _has(answers, question, done) and re.search(words, Q.t(s.recommendation.text, "fr")):
                found.append((question, [s.recommendation.id]))
        for question, done, words in ALREADY_SAID:
            if _has(answers, question, done):
                found += [(question, [s.recommendation.id]) for a in s.recommendation.actions
                          if re.search(words, Q.t(a, "fr"))]
        if _has(answers, "gov_security_privacy", {"dpo", "basics", "policy", "audited"}) and re.search(
                r"[Dd]ésigner un (DPO|délégué)", fr):
            found.append(("gov_security_privacy", [s.recommendation.id]))
    return found


def test_the_table_names_real_recommendations():
    named = set().union(*(recs for _, _, recs in ALREADY_DONE), *map(set, EXCLUSIVE))
    assert named <= ALL_IDS, named - ALL_IDS
    for question, done, _ in ALREADY_DONE:
        offered = set(Q.question(question).option_ids) | ({"na"} if Q.question(question).na_allowed else set())
        assert done <= offered, question


@pytest.fixture(scope="module", params=[RURAL, URBAN, GERMAN])
def commune(request):
    doc, warnings = load_answers(ANSWERS / request.param, Q)
    assert warnings == []  # answered to 2027.1, every answer valid
    return request.param, doc


def test_the_three_communes_get_no_contradicting_recommendation(commune):
    name, doc = commune
    selected = select(Q, score(Q, doc.answers), doc.answers)
    assert selected, name
    assert contradictions(doc.answers, selected) == []
    # and each recommendation says why, with the commune's own answers
    for s in selected:
        assert s.because
        for fact in s.because:
            if "question" in fact:
                assert fact["answer"] == doc.answers.get(fact["question"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(answers=answer_sets(Q))
def test_no_commune_gets_a_recommendation_its_answers_contradict(answers):
    assert contradictions(answers, select(Q, score(Q, answers), answers)) == []


def _commune(rank, **overrides):
    """Every question shown without a condition answered at the option of ``rank`` (clamped; a checklist
    ticks that one item), then the answers the case is about."""
    answers = {}
    for qid, (_section, question) in Q.question_index.items():
        if question.options and question.show_if is None:
            option = question.options[min(rank, len(question.options) - 1)].id
            answers[qid] = [option] if question.type == "multi" else option
    answers.update(overrides)
    return answers


# Communes whose answers look contradictory at first sight, as real ones do (what they say, then the
# answers): each must still read no recommendation that its answers contradict.
LOOKS_CONTRADICTORY = [
    ("no approach by that name, but a strategy reviewed with partners in the PST",
     _commune(3, approach="none", gov_strategy="reviewed")),
    ("the best answer everywhere, and no Smart City approach by that name", _commune(4, approach="none")),
    ("thinking about an approach, a referent with a mandate already appointed",
     _commune(1, approach="considering", gov_steering="referent")),
    ("an approach started, no strategy written, a PCDR with its CLDR",
     _commune(1, approach="started", strategy_written="no", rural_instruments=["pcdr", "cldr"])),
    ("an energy-climate referent implements the plan, the buildings' bills are only paid",
     _commune(0, env_climate_plan="implemented")),
    ("a recent mobility plan, nothing else in mobility", _commune(0, mob_plan="current")),
    ("data cited as a major obstacle although a data policy is approved", _commune(1, gov_data="policy", data="major")),
    ("short of time although decisions, mail and internal requests are electronic",
     _commune(1, gov_internal_digital=["decisions", "mail", "workflows"], staff_time="major")),
    ("short of time, mail and decisions electronic, internal requests still on paper (Durbuy)",
     _commune(1, gov_internal_digital=["decisions", "mail"], staff_time="major")),
    ("a digital inclusion plan in the PCS, training still occasional", _commune(1, peo_digital_inclusion="plan")),
    ("nobody steers the approach, governance being planned", _commune(1, gov_steering="nobody")),
    ("an approach written into an approved strategy, the PST's strategy still partial, a PCDR with its CLDR",
     _commune(2, approach="started", strategy_written="yes", gov_strategy="some_actions", rural_instruments=["pcdr"])),
    ("committed to the Covenant of Mayors, the climate plan not yet adopted, a plan in preparation for mobility",
     _commune(1, env_climate_plan="committed", mob_plan="outdated")),
    ("street lighting dimmed and switched off at night, the buildings' bills only paid",
     _commune(0, env_lighting_choices=["dimming", "switch_off"])),
    ("street lighting chosen by area and explained, its consumption followed against a target, never dimmed",
     _commune(0, env_lighting_choices=["targeted", "follow_up"])),
    ("short of budget and unsure of technologies, buying through a central purchasing body with standard clauses",
     _commune(2, gov_shared=["imio", "intercommunal"], eco_procurement="systematic", budget="major", technology="major")),
    ("short of coordination, in a GAL and an active supra-communal partnership",
     _commune(2, gov_shared=["supra_communal"], rural_instruments=["gal"], coordination="major")),
    ("travel information and some datasets already open, results published, data still cited as an obstacle",
     _commune(2, mob_information="open_data", gov_data="owners", gov_evaluation="published", data="major")),
    ("an approach with a written strategy, its indicators presented to the council, the strategy not reviewed",
     _commune(3, approach="started", strategy_written="yes", gov_evaluation="reported")),
    ("nothing written in the PST yet, people at the third level without co-design",
     _commune(2, gov_strategy="discussed")),
    ("no data protection officer appointed, legal constraints a major obstacle", _commune(0, legal="major")),
    ("a security policy with regular staff awareness, cybersecurity still a major obstacle",
     _commune(3, cybersecurity="major")),
    ("usage and satisfaction of online procedures measured, citizens' adoption a major obstacle",
     _commune(2, liv_online_services="user_centred", citizen_adoption="major")),
    ("the main buildings' yearly consumption recorded, environment at its first level",
     _commune(0, env_building_energy="annual")),
    ("risks monitored with the province and the Region, an energy accounting without meters",
     _commune(3, env_building_energy="accounting")),
    ("a referent with a clear mandate, governance being planned", _commune(1, gov_steering="referent")),
    ("a strategy approved in the PST, political support still a major obstacle",
     _commune(3, political_support="major")),
    ("local economy data said not to apply (no shops to count), the economy at its integration level (Büllingen)",
     _commune(2, eco_local_data="na")),
]


@pytest.mark.parametrize("answers", [a for _, a in LOOKS_CONTRADICTORY], ids=[d for d, _ in LOOKS_CONTRADICTORY])
def test_communes_whose_answers_look_contradictory_read_nothing_their_answers_contradict(answers):
    assert contradictions(answers, select(Q, score(Q, answers), answers)) == []


def test_the_rural_commune_is_pointed_to_its_own_instruments():
    doc, _ = load_answers(ANSWERS / RURAL, Q)
    a = score(Q, doc.answers)
    ids = [s.recommendation.id for s in select(Q, a, doc.answers)]
    sheet = [s.recommendation.id for s in select(Q, a, doc.answers, limit=SHEET_LIMIT)]
    # no strategy written: write it into the PCDR with the CLDR, a priority-1 step triggered by its answers
    assert "rural_strategy_in_pcdr" in sheet and "approach_write_strategy" not in ids
    # a member of iMio with an adopted climate plan is told neither to join nor to prepare one
    assert "governance_join_pooling" not in ids and "environment_climate_plan" not in ids
    # no mobility plan at all: this one applies
    assert "mobility_plan_and_fund" in ids
    # economy: one "not applicable" (no commercial centre) out of six still gives a score
    assert a.dimensions["economy"].na_count == 1 and a.dimensions["economy"].score is not None
    # budget is cited as major, yet the sheet does not open with it
    assert sheet[0] != "obstacle_budget"


def test_the_urban_commune_gets_next_steps_not_first_steps():
    doc, _ = load_answers(ANSWERS / URBAN, Q)
    selected = {s.recommendation.id: s for s in select(Q, score(Q, doc.answers), doc.answers)}
    ids = set(selected)
    assert not ids & {"approach_start", "approach_write_strategy", "environment_climate_plan", "mobility_plan_and_fund",
                      "living_online_procedures", "governance_steering_group"}
    # not an iMio member and short of staff time: pointed to the shared tools, and told why
    assert list(selected["governance_join_pooling"].because) == [
        {"question": "gov_shared", "answer": ["intercommunal", "neighbours"]}, {"obstacle": "staff_time", "severity": 2.0}]
    assert "approach_review_strategy" in ids  # a written strategy, not yet reviewed


def test_the_german_speaking_commune_reads_what_applies_to_it():
    doc, _ = load_answers(ANSWERS / GERMAN, Q)
    selected = select(Q, score(Q, doc.answers), doc.answers)
    ids = {s.recommendation.id for s in selected}
    assert {"approach_start", "environment_climate_plan", "living_online_procedures", "governance_join_pooling"} <= ids
    for s in selected:
        rec = s.recommendation
        german = " ".join([Q.t(rec.text, "de")] + [Q.t(a, "de") for a in rec.actions])
        for instrument in ("PST", "PCS", "PIC", "EPN", "POLLEC"):
            if re.search(rf"\b{instrument}\b", german):
                assert "Deutschsprachigen Gemeinschaft" in german, (rec.id, instrument)
        for resource in rec.resources:
            if "uvcw.be" in resource.url:
                assert "Französisch" in Q.t(resource.label, "de"), (rec.id, resource.url)


def test_a_german_note_on_a_walloon_instrument_stands_only_where_the_text_names_it():
    # "Das PST ist ein Instrument der Wallonie; …" after a paragraph and actions that never say PST read as a
    # sentence out of nowhere (12 recommendations had one)
    notes = 0
    for rec in Q.recommendations:
        german = Q.t(rec.text, "de")
        for note in re.finditer(r"(?:(?:Das|Der|Die) )?([A-Z]{2,6}(?: und [A-Z]{2,6})?) (?:ist|sind) [^;.]* der "
                                r"Wallonie;[^.]*\.", german):
            notes += 1
            rest = german.replace(note.group(0), "") + " ".join(Q.t(a, "de") for a in rec.actions)
            named = re.findall(r"\b[A-Z]{2,6}\b", note.group(1))
            assert all(re.search(rf"\b{i}\b", rest) for i in named), (rec.id, note.group(0))
    assert notes == 8  # the scan reads the notes as they are written


def test_a_2026_1_answers_file_still_loads_with_warnings():
    doc, warnings = load_answers(ANSWERS / "gedinne-2026.1.json", Q)
    by_place = {w.path: w.message for w in warnings}
    assert "different" not in by_place and "2026.1" in by_place["questionnaire.version"]
    # questions that no longer exist: dropped, with a warning each
    assert "no longer in this version" in by_place["answers.gov_pooling"]
    assert "no longer in this version" in by_place["answers.env_lighting"]
    assert "gov_pooling" not in doc.answers and "env_lighting" not in doc.answers
    # "not applicable" is no longer offered where every commune has the subject: dropped, said so
    assert '"na"' in by_place["answers.mob_shared"] and "mob_shared" not in doc.answers
    # everything else is kept as it was
    assert doc.answers["gov_strategy"] == "some_actions" and doc.answers["env_climate_plan"] == "adopted"
    assert doc.answers["peo_schools"] == "na" and doc.answers["liv_safety"] == "unknown"
    assert doc.notes["gov_pooling"] == "iMio et le CPAS."  # notes are never lost
    a = score(Q, doc.answers)
    assert a.dimensions["governance"].score is not None  # the new questions are unanswered, the rest scores


def test_the_same_2026_1_file_against_its_own_version_has_no_warning_but_2027_1_rejects_unknown_ids():
    raw = (ANSWERS / "gedinne-2026.1.json").read_text(encoding="utf-8").replace('"2026.1"', '"2027.1"')
    with pytest.raises(InvalidInput) as exc:
        load_answers(raw.encode(), Q, "same-version.json")
    assert {p.path for p in exc.value.problems} >= {"answers.gov_pooling", "answers.env_lighting"}


# --- the content itself -------------------------------------------------------------------------

def test_version_and_the_not_applicable_rule():
    assert Q.version == "2027.1" and Q.min_applicable == 0.5
    with_na = {q.id for s in Q.dimensions for q in s.questions if q.na_allowed}
    # only where a commune can truly lack the subject: no commercial centre, no communal school, no tourism
    assert with_na == {"eco_local_data", "peo_schools", "liv_culture_tourism"}
    # an obstacle is rated, from "not an obstacle" up: "not applicable" has no meaning there
    assert not [o.id for o in Q.obstacles if o.na_allowed]


def test_five_not_applicable_out_of_six_never_make_a_score_of_100():
    economy = next(s for s in Q.dimensions if s.id == "economy")
    answers = {q.id: "na" for q in economy.questions[1:]}
    answers[economy.questions[0].id] = max(economy.questions[0].options, key=lambda o: o.score).id
    d = score(Q, answers).dimensions["economy"]  # scored without validation, as a hostile file would be
    assert d.score is None and d.reason == "not_applicable" and d.na_count == 5


def test_checklists_are_scored_multi_questions():
    multi = {q.id for s in Q.dimensions for q in s.questions if q.type == "multi"}
    assert multi >= {"gov_internal_digital", "gov_transparency", "gov_shared", "env_lighting_choices", "liv_cpas"}
    for question_id in multi:
        question = Q.question(question_id)
        assert any(o.score == 0 for o in question.options)  # "none of these" is a real answer


def test_legal_duties_are_said_in_the_lowest_option():
    for question_id, word in (("gov_security_privacy", "RGPD"), ("peo_accessibility", "obligation légale")):
        lowest = min(Q.question(question_id).options, key=lambda o: o.score)
        assert word in Q.t(lowest.label, "fr"), question_id


def _all_texts(lang):
    import yaml

    for name in ("smart-city-wallonie.yaml", "smart-city-wallonie.recommendations.yaml"):
        text = (ROOT / "questionnaires" / name).read_text(encoding="utf-8")
        for line in text.splitlines():
            stripped = line.strip().removeprefix("- ")
            if stripped.startswith(f"{lang}: "):
                yield yaml.safe_load(stripped)[lang]


def test_english_says_commune_and_german_uses_one_word_per_thing():
    english = list(_all_texts("en"))
    assert english and not [t for t in english if re.search(r"\bmunicipal", t, re.I)]
    german = list(_all_texts("de"))
    assert not [t for t in german if re.search(r"Hindernis|Sozialplan|(?<!^)(?<![.:!?] )\bWallonisch", t)]


def test_resources_are_verified_https_pages_and_no_closed_programme():
    verified = (ROOT / "docs" / "research" / "resources.md").read_text(encoding="utf-8")
    for rec in Q.recommendations:
        for resource in rec.resources:
            assert resource.url.startswith("https://"), (rec.id, resource.url)
            assert resource.url in verified, (rec.id, resource.url)
            for banned in ("wifi4eu", "/posts/edih", "missions/defense", "terms-and-conditions", "node/19884"):
                assert banned not in resource.url, (rec.id, resource.url)
        german = " ".join(Q.t(a, "de") for a in rec.actions)
        assert "WiFi4EU" not in german and "WiFi4EU" not in " ".join(Q.t(a, "fr") for a in rec.actions)


def test_maturity_recommendations_json_says_why_for_the_german_speaking_commune(capsys):
    import json

    from maturity.cli import main

    assert main(["recommendations", str(ANSWERS / GERMAN), "--json", "--lang", "de"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["questionnaire"] == {"id": "smart-city-wallonie", "version": "2027.1"}
    assert out["commune"]["name"] == "Büllingen" and out["warnings"] == []
    recs = {r["id"]: r for r in out["recommendations"]}
    assert recs["environment_climate_plan"]["title"] == "Einen Energie- und Klimaplan beschließen und finanzieren"
    assert recs["environment_climate_plan"]["because"] == [{"question": "env_climate_plan", "answer": "committed"}]
    assert recs["governance_join_pooling"]["because"][0] == {"question": "gov_shared",
                                                             "answer": ["neighbours", "supra_communal"]}
    assert sum(r["on_sheet"] for r in out["recommendations"]) == SHEET_LIMIT
    assert [r["priority"] for r in out["recommendations"]] == sorted(r["priority"] for r in out["recommendations"])


def test_german_questions_say_where_a_walloon_instrument_applies():
    from maturity.models import localize

    for section in Q.sections:
        for question in section.questions:
            texts = [question.text, question.help] + [o.label for o in question.options or ()]
            for text in texts:
                german = localize(text, "de", "fr") if text is not None else ""
                if re.search(r"\b(PST|PCS|EPN|PIC|POLLEC|CCATM|GAL)\b|sozialen Zusammenhalt", german):
                    assert re.search(r"in der Wallonie|wallonisch|Deutschsprachigen Gemeinschaft", german), (
                        question.id, german)
                # rural development is the same programme in the German-speaking communes (Eupen takes part), under
                # its German names: the French acronym is given as such, not as something of Wallonia only
                if re.search(r"\b(PCDR|CLDR|ODR)\b", german):
                    assert re.search(r"\b(KPLE|ÖKLE)\b", german) and "auf Französisch" in german, (question.id, german)
                    assert "in der Wallonie: PCDR" not in german and "in der Wallonie: CLDR" not in german


def test_german_actions_say_where_a_walloon_instrument_applies():
    """The sheet shows a recommendation's actions: each German action that names a Walloon
    instrument says that it is Walloon (or speaks of the commune's own strategic plan)."""
    for rec in Q.recommendations:
        for action in rec.actions:
            german = Q.t(action, "de")
            if re.search(r"\b(PST|PCS|EPN|PIC|POLLEC)\b", german):
                assert re.search(r"in der Wallonie|wallonisch|Deutschsprachigen Gemeinschaft", german), (rec.id, german)


@pytest.mark.parametrize("name", [RURAL, URBAN, GERMAN])
def test_maturity_recommendations_says_what_the_pdf_and_the_docx_really_show(name, capsys):
    """The three communes' PDFs are kept to 3 pages with fewer priorities than the DOCX: the command
    says how many each shows, and marks each recommendation by where it is, as `maturity sheet`
    writes them (issue 10: "not on the sheet (it shows 8)" was said of a PDF showing 6)."""
    import io
    import json

    import docx
    import pypdf

    from maturity.cli import main
    from maturity.sheet import build

    lang = "de" if name == GERMAN else "fr"
    doc, _ = load_answers(ANSWERS / name, Q)

    def flat(text):
        return re.sub(r"\s+", " ", text)

    pdf = flat(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(build(Q, doc, lang, "pdf"))).pages))
    document = docx.Document(io.BytesIO(build(Q, doc, lang, "docx")))
    headings = {p.text for p in document.paragraphs if p.style.name.startswith("Heading")}
    assert main(["recommendations", str(ANSWERS / name), "--json", "--lang", lang]) == 0
    recs = json.loads(capsys.readouterr().out)["recommendations"]
    on_pdf = [r for r in recs if r["on_pdf"]]
    on_docx = [r for r in recs if r["on_sheet"]]
    assert len(on_pdf) < len(on_docx) == SHEET_LIMIT  # what makes the statement matter
    assert {r["id"] for r in on_pdf} <= {r["id"] for r in on_docx}
    for r in recs:
        assert (flat(r["title"]) in pdf) == r["on_pdf"], r["id"]
        assert any(flat(r["title"]) in h for h in headings) == r["on_sheet"], r["id"]
    assert main(["recommendations", str(ANSWERS / name), "--lang", lang]) == 0
    text = capsys.readouterr().out
    said = {"fr": f"Sur la fiche\u00a0: {len(on_pdf)} dans le PDF, {len(on_docx)} dans la version modifiable (DOCX).",
            "de": f"Auf dem Blatt: {len(on_pdf)} im PDF, {len(on_docx)} in der bearbeitbaren Fassung (DOCX)."}
    assert said[lang] in text
    assert text.count("[") == len(recs) - len(on_pdf)  # every recommendation not on the PDF is marked


def test_a_help_text_names_the_not_applicable_answer_as_the_page_shows_it():
    """"Répondez « Non applicable »" while the option reads « Ne s'applique pas » (de „Nicht zutreffend“
    for „Trifft nicht zu“, en "Not applicable" for "Does not apply"): a quoted answer in a help text is
    the label the page shows."""
    from maturity.labels import ANSWER_STATES, NA

    quoted = re.compile(r"«\s*([^»]+?)\s*»|„([^“]+)“|\"([^\"]+)\"")
    looks_na = re.compile(r"(?i)applica|zutreffend|apply")
    for question in (qu for section in Q.sections for qu in section.questions):
        for lang in Q.languages:
            help_text = Q.t(question.help, lang) if question.help else ""
            for match in quoted.finditer(help_text):
                said = next(g for g in match.groups() if g)
                if looks_na.search(said):
                    assert question.allow_na and said == ANSWER_STATES[NA][lang], (question.id, lang, said)


def test_an_action_spells_out_the_data_protection_officer():
    """"Partager le service informatique, le DPO et…": the acronym alone, where another action says "le
    délégué à la protection des données (DPO)". Every French or English action that names the DPO says
    who that is."""
    for rec in Q.recommendations:
        for action in rec.actions:
            for lang in ("fr", "en"):
                text = Q.t(action.text if hasattr(action, "text") else action, lang)
                if re.search(r"\bDPO\b", text):
                    assert "(DPO)" in text, (rec.id, lang, text)


@pytest.mark.parametrize(("lang", "aim"), [("fr", "viser «\u00a0Un plan est en préparation"),
                                          ("de", "Ziel „Ein Plan ist in Vorbereitung"),
                                          ("en", "aim for “A plan is in preparation")])
def test_the_next_step_from_no_mobility_plan_is_one_a_commune_can_aim_for(lang, aim):
    # « viser « Un plan ancien (plus de dix ans) ou un plan en préparation » »: the option one step up is
    # the sheet's next step, and an old plan is nothing to aim for
    from maturity.sheet import build_content
    from tests.unit.sheet_helpers import answers_at_rank

    doc = answers_at_rank(Q, 3, **{qu.id: qu.options[0].id for s in Q.dimensions if s.id == "mobility"
                                   for qu in s.questions if qu.type == "scale"})
    steps = {step.dimension_id: step.text for step in build_content(Q, doc, lang).next_steps}
    assert aim in steps["mobility"], steps["mobility"]


def test_a_why_that_states_a_barometer_finding_says_whose_it_is():
    # « Le budget est le frein le plus souvent cité par les communes wallonnes », « En Wallonie, la plupart des
    # démarches… sont lancées par des élus »: the barometer's 113 respondents (57 % of their approaches), said
    # as all of Wallonia; the sheet's barometer section says "communes répondantes", a why must not undo it
    claims = {"fr": (r"plus souvent cité|les plus cités|premier sujet|la plupart des démarches|moitié des démarches",
                     "baromètre"),
              "de": (r"am häufigsten|meistgenannte|erste Thema|die meisten Smart-City-Ansätze|Hälfte der Ansätze",
                     "Barometer"),
              "en": (r"cite most|most often cited|first subject|most smart city approaches|half of smart city",
                     "barometer")}
    found = 0
    for rec in Q.recommendations:
        for lang, (claim, source) in claims.items():
            text = Q.t(rec.text, lang)
            if re.search(claim, text, re.I):
                found += 1
                assert source in text, (rec.id, lang, text)
    assert found >= 12


# an action that points back to the one before it: a clitic or subject pronoun first ("Lui confier …", "Les
# proposer …", "Sie … beauftragen", "Ask it for …"), or a demonstrative as its object ("Inscrire ces projets",
# "Diese Erfassung", "Write these projects"); "cette auto-évaluation" is the tool's own, always clear
_POINTS_BACK = {
    "fr": re.compile(r"^(?:(?:Lui|Leur|Les|Le|La|Y|En)\s|L')|^\S+ (?:ces|ce|cet|cette)\s(?!auto-évaluation|que\b|qui\b)"),
    "de": re.compile(r"^(?:Sie|Ihn|Ihm|Ihnen|Es)\s|^(?:\S+\s)?(?:Diese|Dieser|Dieses|Diesen)\s(?!Selbstbewertung)"),
    "en": re.compile(r"^\S+ (?:it|them|this|these|those)\b(?! self-assessment)"),
}


def test_every_action_reads_alone_in_a_roadmap():
    """A picked action stands alone in the roadmap, the sheet's "Objectifs et feuille de route" and the PST
    table, away from the action before it: "Lui confier un premier inventaire …" on Gouvy's sheet said
    nothing of whom to entrust it to (fresh-eyes trial)."""
    found = [(rec.id, lang, Q.t(action, lang)) for rec in Q.recommendations for action in rec.actions
             for lang, pattern in _POINTS_BACK.items() if pattern.search(Q.t(action, lang))]
    assert not found, found


def test_german_names_the_smart_region_programme_one_way():
    """Sankt Vith's Schöffe was asked « Kennen Sie die Smart Region? » and read « Sie kennen die Smart Region noch
    nicht » on the results, then « Sich auf den Smart-Région-Ansatz … stützen » and the link « Digital Wallonia –
    Smart Région » under the recommendations (fresh-eyes trial 10): one programme, one name, as its links write it."""
    from maturity.benchmarks import load_benchmark_sets
    from maturity.models import localize

    texts = []
    for section in Q.sections:
        for question in section.questions:
            texts += [question.text, question.help] + [o.label for o in question.options or ()]
    for rec in Q.recommendations:
        texts += [rec.title, rec.text, rec.objective, *rec.actions, *[r.label for r in rec.resources]]
    for bset in load_benchmark_sets():
        for fig in bset.figures:
            texts += [fig.label, fig.note, fig.base]
            if fig.sentences is not None:
                texts += [fig.sentences.match, fig.sentences.other]
    german = [localize(t, "de", "fr") for t in texts if t is not None]
    named = [t for t in german if re.search(r"Smart[ -]R[ée]gion", t)]
    assert len(named) > 10 and all("Smart Region" not in t and "Smart-Region" not in t for t in named), [
        t for t in named if "Région" not in t]


def test_a_barometer_share_quoted_in_the_questionnaire_says_its_n():
    """A share the questions or the recommendations quote from the barometer says on how many communes it
    rests (113 of 262), as every figure the product shows does (kind, source, year, n): the help of
    « Quelles tâches de l'administration sont numérisées ? » read « 84 % des communes répondantes au baromètre
    wallon 2021 », its n nowhere (expert review)."""
    from tests.unit.catalog_texts import data_texts

    for lang, n in (("fr", "113 communes sur 262"), ("de", "113 von 262"), ("en", "113 of 262")):
        quoted = [text for where, text in data_texts(lang) if where.startswith("questionnaires")
                  and re.search(r"\d[\s\u00a0\u202f]?%", text)]
        assert quoted, lang  # the scan sees the figure it is about
        assert [text for text in quoted if n not in text] == [], lang


def test_no_text_says_the_council_adopts_the_pst():
    """In Wallonia the Collège communal draws up the Programme Stratégique Transversal and presents it to the
    conseil communal, which takes note of it (CDLD, art. L1123-27): « un objectif du PST adopté par le conseil
    communal » told an échevin otherwise (expert review). Earlier texts kept for roadmaps are not shown."""
    wrong = {"fr": r"PST (adopté|approuvé|voté) par le conseil", "de": r"vom Gemeinderat beschlossenen Ziel",
             "en": r"PST (adopted|approved) by the (communal )?council"}
    for lang, pattern in wrong.items():
        texts = [Q.t(t, lang) for r in Q.recommendations for t in (r.text, *r.actions)]
        texts += [Q.t(t, lang) for _s, question in Q.question_index.values() for t in (question.text, question.help) if t]
        assert [t for t in texts if re.search(pattern, t)] == [], lang


def test_the_mobility_adviser_is_named_only_where_the_commune_has_one():
    """No answer says whether a commune has a conseiller en mobilité (CeM), and a commune at the first level of
    mobility may have none: « Avec le conseiller en mobilité, relier ces données… » took one for granted (expert
    review). Every current text that names the adviser says « si la commune en a un »."""
    named = {"fr": ("conseiller en mobilité", "si la commune en a un"),
             "de": ("Mobilitätsberater", "falls die Gemeinde einen hat"),
             "en": ("mobility adviser", "if the commune has one")}
    for lang, (adviser, if_any) in named.items():
        texts = [Q.t(t, lang) for r in Q.recommendations for t in (r.text, *r.actions)]
        said = [t for t in texts if adviser in t]
        assert said, lang  # the scan sees the action it is about
        assert [t for t in said if if_any not in t] == [], lang
