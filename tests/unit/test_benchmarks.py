"""Benchmark sets: the barometer figures as data, their loader, and the comparison sentences."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from maturity import cli
from maturity.benchmarks import (
    BENCHMARKS_DIR,
    comparisons,
    figure_ids,
    find_figure,
    link_problems,
    load_benchmark_set,
    load_benchmark_sets,
    parse_benchmark_set,
    trend,
)
from maturity.cli import benchmarks as cli_benchmarks
from maturity.errors import InvalidInput
from maturity.questionnaire import load_questionnaire
from maturity.scoring import score

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "data" / "benchmarks"
RESEARCH = ROOT / "docs" / "research" / "barometer.md"
SLIDES = ROOT / "docs" / "research" / "barometre-wallon-2021-slides.txt"
NBSP = "\u00a0"

# Every 2021 figure: (value, unit, n, the line of docs/research/barometer.md it comes from, the
# words of that line that carry it, and for slide figures the words of the slides).
EXPECTED_2021 = {
    "approach_started": (0.60, "share", 113, 14, "6 in 10 (same as 2020)", "6/10"),
    "concept_appropriate": (0.5, "share", 113, 15, "about half", None),
    "topic_digitalisation": (0.84, "share", 113, 16, "1 digitalisation of the commune 84 %", "Digitalisation de la"),
    "topic_quality_of_life": (0.63, "share", 113, 16, "2 quality of life 63 %", "qualité de vie"),
    "topic_participation": (0.60, "share", 113, 16, "3 inclusive participation of citizens and actors 60 %",
                            "Participation"),
    "obstacle_budget": (0.50, "share", 113, 17, "1 budgets (50 %)", "BUDGETS"),
    "obstacle_expertise": (0.49, "share", 113, 17, "2 expertise (49 %)", "EXPERTISE"),
    "obstacle_technology": (3, "rank", 113, 17, "3 technologies", "TECHNOLOGIES"),
    "trigger_it_development": (2, "among_top", None, 18, "slides: development of IT, calls for projects",
                               "Développement"),
    "trigger_calls_for_projects": (2, "among_top", None, 18, "slides: development of IT, calls for projects",
                                   "Appel à projets"),
    "initiated_by_elected": (0.57, "share", None, 19, "57 % (échevins 31 % + bourgmestres 26 %)", "57%"),
    "initiated_by_aldermen": (0.31, "share", None, 19, "échevins 31 %", None),
    "initiated_by_mayors": (0.26, "share", None, 19, "bourgmestres 26 %", None),
    "alderman_competence_ict": (0.55, "share", None, 20, "ICT / digital 55 %", "(55%)"),
    "alderman_competence_works_planning": (0.30, "share", None, 20, "public works and/or land planning 30 %",
                                           "aménagement du"),
    "alderman_competence_finance": (0.30, "share", None, 20, "finance & budget 30 %", "les finances & le budget (30%)"),
    "strategy_written": (0.40, "share", None, 21, "40 % (30 % in 2020)", None),
    "progress_self_rated": (4.31, "points", None, 23, "4.31 (3 in 2020)", None),
    "projects_difficult": (0.66, "share", None, 24, "66 % (+10 points on 2020)", None),
    "strategy_dimension_environment": (1, "rank", None, 25, "Smart Environment and Smart Governance ranked 1",
                                       "Enivronment"),
    "strategy_dimension_governance": (1, "rank", None, 25, "Smart Environment and Smart Governance ranked 1",
                                      "Governance"),
    "strategy_dimension_mobility": (2, "rank", None, 25, "Smart Mobility 2", "Mobility"),
    "smart_region_known": (0.51, "share", 113, 26, "51 %", "51%"),
    "smart_region_known_with_approach": (0.71, "share", None, 27, "know it: 71 % / 25 %", "71% 25%"),
    "smart_region_known_without_approach": (0.25, "share", None, 27, "know it: 71 % / 25 %", "71% 25%"),
    "smart_region_influence": (0.98, "share", None, 28, "98 %", "98%"),
}
EXPECTED_EARLIER = {  # (year, figure id): (value, n, line of barometer.md, words)
    (2020, "approach_started"): (0.60, 140, 36, "approach 6 in 10"),
    (2020, "topic_digitalisation"): (0.87, 140, 36, "digitalisation 87 %"),
    (2020, "topic_participation"): (0.66, 140, 36, "inclusive participation 66 %"),
    (2020, "topic_quality_of_life"): (0.61, 140, 36, "quality of life 61 %"),
    (2020, "strategy_written"): (0.30, None, 36, "strategy 30 %"),
    (2020, "progress_self_rated"): (3, None, 36, "progress 3/10"),
    (2018, "progress_self_rated"): (3.67, None, 38, "progress 3.67/10"),
    (2018, "obstacle_budget"): (0.50, None, 38, "budgets 50 %"),
    (2018, "obstacle_expertise"): (0.38, None, 38, "lack of expertise 38 %"),
}
REQUIRED_IDS = {
    "approach_started", "concept_appropriate", "topic_digitalisation", "topic_quality_of_life", "topic_participation",
    "obstacle_budget", "obstacle_expertise", "obstacle_technology", "initiated_by_elected", "initiated_by_aldermen",
    "initiated_by_mayors", "alderman_competence_ict", "alderman_competence_works_planning",
    "alderman_competence_finance", "strategy_written", "progress_self_rated", "projects_difficult",
    "smart_region_known", "smart_region_influence", "trigger_it_development", "trigger_calls_for_projects",
}


@pytest.fixture(scope="module")
def sets():
    return load_benchmark_sets()


@pytest.fixture(scope="module")
def questionnaire(sets):
    return load_questionnaire(figure_ids=figure_ids(sets))


def _set(sets, year):
    return next(s for s in sets if s.year == year)


# --- the shipped data ------------------------------------------------------------------------------


def test_shipped_sets_and_required_ids(sets):
    assert [s.year for s in sets] == [2018, 2020, 2021]
    latest = _set(sets, 2021)
    assert (latest.population, latest.respondents) == (262, 113)
    assert {f.id for f in latest.figures} >= REQUIRED_IDS
    assert {f.id for f in latest.figures} == set(EXPECTED_2021)


def test_every_figure_is_published_with_a_source_of_its_set_and_three_languages(sets):
    for bset in sets:
        for fig in bset.figures:
            assert fig.kind == "published", fig.id  # nothing in the shipped data is estimated or pooled
            src = bset.source_of(fig)
            assert src is not None and src in bset.sources, fig.id
            assert src.url.startswith("https://"), fig.id
            assert isinstance(fig.label, dict) and set(fig.label) == {"fr", "de", "en"}, fig.id
            if fig.unit == "share":
                assert 0 <= fig.value <= 1
            if fig.n is None:  # a sub-group of unknown size says so
                assert fig.note is not None, fig.id
            if fig.sentences is not None:
                for template in (fig.sentences.match, fig.sentences.other):
                    assert template is None or set(template) == {"fr", "de", "en"}, fig.id


@pytest.mark.parametrize("figure_id", sorted(EXPECTED_2021))
def test_2021_figure_matches_the_research_notes(sets, figure_id):
    value, unit, n, line_no, words, slide_words = EXPECTED_2021[figure_id]
    ref = find_figure(sets, figure_id, 2021)
    assert ref is not None
    assert ref.value == pytest.approx(value) and ref.unit == unit and ref.n == n
    line = RESEARCH.read_text(encoding="utf-8").splitlines()[line_no - 1]
    assert words in line, (figure_id, line)
    if slide_words is not None:
        assert slide_words in SLIDES.read_text(encoding="utf-8")


def test_sub_groups_carry_a_base_and_no_invented_n(sets):
    latest = _set(sets, 2021)
    for fid in ("initiated_by_elected", "strategy_written", "progress_self_rated", "smart_region_influence",
                "alderman_competence_ict"):
        fig = latest.figure(fid)
        assert fig.n is None and fig.base is not None
        assert "non publié" in find_figure(sets, fid).cite("fr")


@pytest.mark.parametrize(("key"), sorted(EXPECTED_EARLIER))
def test_earlier_editions_match_the_research_notes(sets, key):
    year, fid = key
    value, n, line_no, words = EXPECTED_EARLIER[key]
    ref = find_figure(sets, fid, year)
    assert ref is not None and ref.value == pytest.approx(value) and ref.n == n
    assert ref.set.respondents == {2020: 140, 2018: 58}[year]
    if RESEARCH.exists():
        assert words in RESEARCH.read_text(encoding="utf-8").splitlines()[line_no - 1]


def test_find_figure_and_trend(sets):
    assert find_figure(sets, "progress_self_rated").year == 2021
    assert find_figure(sets, "progress_self_rated", 2018).value == pytest.approx(3.67)
    assert find_figure(sets, "progress_self_rated", 2019) is None
    assert find_figure(sets, "no_such_figure") is None
    assert [(r.year, r.value) for r in trend(sets, "strategy_written")] == [(2020, 0.30), (2021, 0.40)]
    assert [r.year for r in trend(sets, "obstacle_budget")] == [2018, 2021]


def test_questionnaire_links_fit_the_figures(sets, questionnaire):
    assert link_problems(questionnaire, sets) == []
    for q in questionnaire.question_index.values():
        if q[1].benchmark:
            assert q[1].benchmark in figure_ids(sets)


def test_a_figure_option_the_question_lacks_is_an_error(sets, questionnaire):
    broken = parse_benchmark_set(
        (FIXTURES / "minimal.yaml").read_text(encoding="utf-8").replace(
            "    source: s1\n  - id: rough_guess", "    source: s1\n    question: approach\n    options: [begun]\n"
            "  - id: rough_guess"), name="links.yaml")
    problems = link_problems(questionnaire, [broken])
    assert [(p.file, p.path, p.severity) for p in problems] == [("links.yaml", "figures[0].options[0]", "error")]
    assert problems[0].line == 21  # the line of "options: [begun]"
    assert "'begun'" in problems[0].message


# --- the loader ---------------------------------------------------------------------------------------


def test_minimal_fixture_loads_with_its_estimate_and_method():
    bset = load_benchmark_set(FIXTURES / "minimal.yaml")
    est = bset.figure("rough_guess")
    assert est.kind == "estimate" and est.method["en"] == "A method"
    assert find_figure([bset], "rough_guess").cite("fr").count("estimation, pas une mesure") == 1


def test_broken_file_reports_every_error_with_file_line_and_path():
    with pytest.raises(InvalidInput) as err:
        load_benchmark_set(FIXTURES / "broken.yaml")
    problems = err.value.problems
    name = str(FIXTURES / "broken.yaml")
    assert all(p.file == name for p in problems)
    # unknown keys are reported by pydantic first; the other rules need a structurally valid file
    assert [(p.line, p.path) for p in problems] == [(38, "figures[3].sorce")]
    assert "unknown key" in problems[0].message
    fixed = (FIXTURES / "broken.yaml").read_text(encoding="utf-8").replace("    sorce: s1\n", "")
    with pytest.raises(InvalidInput) as err:
        parse_benchmark_set(fixed, name="broken.yaml")
    found = {(p.line, p.path): p.message for p in err.value.problems}
    assert set(found) == {
        (16, "figures[0].value"), (20, "figures[1].method"), (26, "figures[2].id"), (43, "figures[4].source")}
    assert "between 0 and 1" in found[(16, "figures[0].value")]
    assert "estimate carries a method" in found[(20, "figures[1].method")]
    assert "duplicate figure id 'too_big'" in found[(26, "figures[2].id")]
    assert "'nowhere'" in found[(43, "figures[4].source")]
    assert str(err.value).startswith("broken.yaml:16: figures[0].value: ")


@pytest.mark.parametrize(("old", "new", "path", "words"), [
    ("    value: 0.6\n", "    value: 60\n", "figures[0].value", "0.60"),
    ("    method: {fr: Une méthode, de: Eine Methode, en: A method}\n", "", "figures[1].method", "method"),
    ("    kind: published\n", "    kind: guessed\n", "figures[0].kind", "published"),
    ("    n: 100\n", "    n: 100\n    method: x\n", "figures[0].method", "only an estimate"),
    ("year: 2021", "yaer: 2021", "yaer", "unknown key"),
    ("    unit: share\n    source: s1\n  - id: rough", "    unit: points\n    source: s1\n  - id: rough",
     "figures[0].out_of", "out_of"),
    ("title: {fr: Jeu de test,", "title: {", "title", "default language"),
])
def test_each_rule_names_its_place(old, new, path, words):
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    assert old in text
    with pytest.raises(InvalidInput) as err:
        parse_benchmark_set(text.replace(old, new, 1), name="case.yaml")
    hits = [p for p in err.value.problems if p.path == path]
    assert hits, [str(p) for p in err.value.problems]
    assert words in hits[0].message and hits[0].file == "case.yaml" and hits[0].line is not None


def test_two_sets_may_not_give_the_same_figure_for_the_same_year(tmp_path):
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text.replace("id: test-set", "id: other-set"), encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        load_benchmark_sets(tmp_path)
    assert any("also given by" in p.message and p.file.endswith("b.yaml") for p in err.value.problems)


def test_hostile_yaml_is_refused(tmp_path):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("a: &a [1, 2]\nb: [*a, *a]\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as err:
        load_benchmark_set(bomb)
    assert "aliases" in str(err.value)


# --- comparisons ----------------------------------------------------------------------------------------

ANSWERS = {
    "approach": "started",
    "concept_appropriate": "partly",
    "strategy_written": "yes",
    "initiator": "alderman",
    "initiator_competences": ["ict", "finance"],
    "triggers": ["call_for_projects", "pst"],
    "progress": 6,
    "projects_difficulty": "very_difficult",
    "topics": ["digitalisation", "mobility"],
    "smart_region_known": "yes",
    "smart_region_influence": "no",
    "budget": "major",
    "expertise": "minor",
    "technology": "significant",
    "data": "major",
}


def _by_figure(found):
    return {c.figure.id: c for c in found}


@pytest.mark.parametrize(("lang", "says"), [("fr", "c'est le 3ᵉ frein le plus cité par les communes répondantes"),
                                           ("de", "es ist das 3. meistgenannte Hemmnis der antwortenden Gemeinden"),
                                           ("en", "they are the 3rd most cited obstacle of responding communes")])
def test_a_rank_says_what_it_ranks_as_the_obstacles_table_does(sets, questionnaire, lang, says):
    # "es ist das 3. Hemmnis der wallonischen Gemeinden" did not say third by what
    found = _by_figure(comparisons(questionnaire, ANSWERS, score(questionnaire, ANSWERS), sets, lang))
    assert says in found["obstacle_technology"].text


def test_a_note_never_shows_a_figures_id(sets):
    """The Wallonie page shows each figure's note beside it: « Siehe trigger_it_development: … » sent the reader
    to an id no page shows (fresh-eyes trial in German, Eupen; French and English alike)."""
    ids = {fig.id for bset in sets for fig in bset.figures}
    assert "trigger_it_development" in ids
    shown = [(fig.id, lang, word) for bset in sets for fig in bset.figures for lang, note in (fig.note or {}).items()
             for word in re.findall(r"\b[a-z]+(?:_[a-z0-9]+)+\b", note) if word in ids]
    assert not shown, shown


def test_a_shares_note_speaks_of_its_value_as_the_pages_show_it(sets):
    """The Wallonie page (and the sheet) show a share as « 50 % »; the note beside it said « 0,5 steht für diese
    Hälfte » (fresh-eyes trial 10: which 0,5?). A note names the value as shown, a percentage."""
    for bset in sets:
        for fig in bset.figures:
            if fig.unit != "share" or fig.note is None:
                continue
            decimal = f"{fig.value:g}"
            for lang, note in fig.note.items():
                written = decimal if lang == "en" else decimal.replace(".", ",")
                assert not re.search(rf"(?<![\d,.]){re.escape(written)}(?![\d,.]|\s?%)", note), (fig.id, lang, note)


def test_a_share_of_the_respondents_is_never_said_as_a_share_of_all_walloon_communes():
    """Contract §5: a figure computed on the 113 respondents (of 262) is their share, not Wallonia's. The
    sheet says the base once per source, in a parenthesis its later sentences drop; each sentence says it in
    its own words ("comme 50 % des communes wallonnes" read as half of the 262)."""
    words = {"fr": "répondantes", "de": "antwortenden", "en": "responding"}
    checked = 0
    for benchmark in load_benchmark_sets():
        for figure in benchmark.figures:
            if figure.sentences is None or figure.n != benchmark.respondents or benchmark.respondents >= benchmark.population:
                continue
            for template in (figure.sentences.match, figure.sentences.other):
                for lang, word in words.items():
                    if template is not None:
                        checked += 1
                        assert word in template[lang], (figure.id, lang)
    assert checked >= 50


def test_a_share_of_a_sub_group_of_respondents_says_it_is_one_in_its_own_words():
    """« comme 40 % des communes wallonnes engagées » read as 40 % of the Walloon communes with an approach,
    while the barometer counted those among its 113 respondents: a sub-group's sentence says so too (its
    source's parenthesis, « base : communes engagées dans une démarche », stands only once on the sheet)."""
    words = {"fr": "répondantes", "de": "antwortende", "en": "responding"}
    checked = 0
    for benchmark in load_benchmark_sets():
        for figure in benchmark.figures:
            if figure.sentences is None or figure.base is None:
                continue
            for template in (figure.sentences.match, figure.sentences.other):
                for lang, word in words.items():
                    if template is not None:
                        checked += 1
                        assert word in template[lang], (figure.id, lang, template[lang])
    assert checked >= 45  # 11 figures, fr/de/en, match and (mostly) other


@pytest.mark.parametrize(("lang", "says"), [("fr", "des démarches déjà lancées par les communes répondantes"),
                                           ("de", "der schon begonnenen Ansätze antwortender Gemeinden"),
                                           ("en", "of the approaches responding communes have already started")])
def test_a_commune_only_considering_an_approach_reads_the_triggers_as_those_of_started_ones(sets, lang, says):
    """docs/questionnaire.md: a figure of communes with an approach is compared only with communes that have
    one. The triggers are asked of a commune still thinking about one too: their rank is said as what
    started the approaches that exist (« des démarches Smart City wallonnes » read as a group it is part of)."""
    q = _q2027()
    answers = {}  # every profile question answered, as a file edited by hand could be, then the case
    for question in (qu for section in q.sections_of("profile") for qu in section.questions):
        answers[question.id] = 5 if question.type == "number" else (
            [question.options[0].id] if question.type == "multi" else question.options[0].id)
    answers.update(approach="considering", triggers=["call_for_projects"])
    found = _by_figure(comparisons(q, answers, score(q, answers), sets, lang))
    assert {"trigger_it_development", "trigger_calls_for_projects"} <= set(found)
    for figure_id in ("trigger_it_development", "trigger_calls_for_projects"):
        assert says in found[figure_id].text, found[figure_id].text
    # and no other sentence of a group with an approach reaches a commune that has none
    assert not [c.figure.id for c in found.values()
                if c.figure.figure.base is not None and not c.figure.id.startswith("trigger_")]


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
@pytest.mark.parametrize("severity", ["significant", "major"])
def test_an_obstacle_sentence_never_names_another_severity_than_the_communes(sets, lang, severity):
    # "You cite the budget as a major obstacle" to a commune that rated it "significant" (and "comme frein
    # important" to one that rated it "majeur"): a cited obstacle is said cited, its severity is the table's
    q = _q2027()
    answers = {"budget": severity, "expertise": severity, "technology": severity}
    found = _by_figure(comparisons(q, answers, score(q, answers), sets, lang))
    for qid in answers:
        labels = {o.id: q.t(o.label, lang).lower() for o in q.question(qid).options}
        text = found[f"obstacle_{qid}"].text.lower()
        assert found[f"obstacle_{qid}"].matches
        assert not [label for option, label in labels.items() if option != severity and label in text], text


def test_sentences_in_french(sets, questionnaire):
    found = _by_figure(comparisons(questionnaire, ANSWERS, score(questionnaire, ANSWERS), sets, "fr"))
    approach = found["approach_started"]
    assert approach.text == ("Comme 6 communes répondantes sur 10, votre commune a entamé une démarche "
                             "Smart City (Baromètre wallon Smart City 2021, chiffre publié, 113 communes répondantes sur 262).")
    assert (approach.kind, approach.year, approach.n, approach.matches) == ("published", 2021, 113, True)
    assert approach.source.id == "slides"
    assert found["obstacle_budget"].text.startswith(f"Vous citez le budget parmi vos freins, comme 50{NBSP}%")
    assert "113 communes répondantes sur 262" in found["obstacle_budget"].text
    assert found["obstacle_expertise"].text.startswith("Vous ne citez pas le manque d'expertise")  # minor: not cited
    assert f"49{NBSP}%" in found["obstacle_expertise"].text
    assert "c'est le 3ᵉ frein" in found["obstacle_technology"].text
    assert "6 sur 10" in found["progress_self_rated"].text and "4,31 sur 10" in found["progress_self_rated"].text
    assert "effectif non publié" in found["progress_self_rated"].text and "n =" not in found["progress_self_rated"].text
    assert found["concept_appropriate"].matches is False  # "partly" is not "yes"
    assert found["initiated_by_elected"].matches is True and f"57{NBSP}%" in found["initiated_by_elected"].text
    assert found["initiated_by_aldermen"].matches is True
    assert "initiated_by_mayors" not in found  # no sentence for "not initiated by the mayor"
    assert found["alderman_competence_ict"].matches is True
    assert "alderman_competence_works_planning" not in found
    # a small count in words, as French writes it in a sentence (« l'un des 2 principaux »: fresh-eyes trial, Durbuy)
    assert found["trigger_calls_for_projects"].matches is True and "l'un des deux principaux" in \
        found["trigger_calls_for_projects"].text
    assert found["trigger_it_development"].matches is False
    assert found["topic_digitalisation"].matches is True and f"84{NBSP}%" in found["topic_digitalisation"].text
    assert found["topic_quality_of_life"].matches is False
    assert found["projects_difficult"].matches is True
    assert found["smart_region_influence"].matches is False and f"98{NBSP}%" in found["smart_region_influence"].text
    # the reading order (benchmarks.READING_ORDER), the sheet's and the results page's: the profile questions
    # first (the approach first), then the obstacles, each in the questionnaire's order (which asks the obstacles
    # before the profile)
    order = [c.question for c in comparisons(questionnaire, ANSWERS, score(questionnaire, ANSWERS), sets, "fr")]
    assert order[0] == "approach" and order.index("approach") < order.index("budget") < order.index("expertise")


def test_sentences_in_german_and_english(sets, questionnaire):
    assessment = score(questionnaire, ANSWERS)
    de = _by_figure(comparisons(questionnaire, ANSWERS, assessment, sets, "de"))
    en = _by_figure(comparisons(questionnaire, ANSWERS, assessment, sets, "en"))
    assert de["approach_started"].text.startswith("Wie 6 von 10 antwortenden Gemeinden hat Ihre Gemeinde")
    assert "Wallonisches Smart-City-Barometer 2021, veröffentlichte Zahl, 113 antwortende Gemeinden von 262" in de["approach_started"].text
    assert de["obstacle_budget"].text.startswith(f"Sie nennen das Budget als Hemmnis, wie 50{NBSP}%")
    assert "das 3. meistgenannte Hemmnis" in de["obstacle_technology"].text
    assert "4,31 von 10" in de["progress_self_rated"].text
    assert en["approach_started"].text == ("Like 6 in 10 responding communes, your commune has started a "
                                           "Smart City approach (Walloon Smart City Barometer 2021, published "
                                           "figure, 113 responding communes of 262).")
    assert en["obstacle_budget"].text.startswith("You cite the budget as an obstacle, as do 50% of responding communes")
    assert "113 responding communes of 262" in en["obstacle_budget"].text
    assert "the 3rd most cited obstacle" in en["obstacle_technology"].text
    assert "4.31 out of 10" in en["progress_self_rated"].text and "at 6 out of 10" in en["progress_self_rated"].text
    assert "size not published" in en["strategy_written"].text
    # not "veröffentlichte Zahl, Zahl nicht veröffentlicht" (a published figure, figure not published: the
    # German sheet's sources read as a contradiction; fresh-eyes trial)
    assert "veröffentlichte Zahl, Basis: " in de["strategy_written"].text
    assert "Gemeindezahl nicht angegeben" in de["strategy_written"].text
    assert "Zahl nicht veröffentlicht" not in de["strategy_written"].text
    for lang_found in (de, en):
        assert set(lang_found) == set(_by_figure(comparisons(questionnaire, ANSWERS, assessment, sets, "fr")))


def test_hidden_na_unknown_and_unanswered_give_no_sentence(sets, questionnaire):
    answers = {
        "approach": "none",  # hides initiator, strategy, progress, ...
        "initiator": "mayor",  # hidden: ignored
        "strategy_written": "yes",
        "concept_appropriate": "unknown",
        "smart_region_known": "na",
        "budget": "unknown",
        "expertise": "none",
    }
    found = _by_figure(comparisons(questionnaire, answers, score(questionnaire, answers), sets, "fr"))
    assert set(found) == {"approach_started", "obstacle_expertise"}
    assert found["approach_started"].matches is False
    assert found["approach_started"].text.startswith("Votre commune n'a pas encore entamé de démarche Smart City")
    assert comparisons(questionnaire, {}, score(questionnaire, {}), sets, "en") == []


def test_a_stand_in_assessment_is_enough(sets, questionnaire):
    stand_in = SimpleNamespace(obstacles={"budget": SimpleNamespace(severity=2.0, cited=True),
                                          "technology": SimpleNamespace(severity=None, cited=False)})
    found = comparisons(questionnaire, {"budget": "significant"}, stand_in, sets, "en")
    assert [c.figure.id for c in found] == ["obstacle_budget"]
    assert found[0].matches is True


def test_comparisons_of_an_earlier_edition(sets, questionnaire):
    found = _by_figure(comparisons(questionnaire, ANSWERS, score(questionnaire, ANSWERS), sets, "fr", year=2020))
    assert found["strategy_written"].year == 2020
    # the 2020 file has no sentence templates: the plain fallback still names value, kind, n
    assert found["strategy_written"].text == (
        f"Votre réponse{NBSP}: Oui. Démarches formalisées dans une stratégie{NBSP}: 30{NBSP}% (Baromètre wallon Smart City "
        f"2020, chiffre publié, base{NBSP}: communes engagées dans une démarche, effectif non publié).")
    assert "obstacle_budget" not in found


# --- the command line --------------------------------------------------------------------------------------


def test_cli_lists_every_figure(capsys):
    assert cli.main(["benchmarks", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for fid in EXPECTED_2021:
        assert re.search(rf"^  \S.* published +2021 +(\d+|–) +{fid} +\S+: https://", out, re.M), fid
    assert re.search(r"^  Among the main obstacles: raising the budget +50% +published +2021 +113 +obstacle_budget +datanews: https://",
                     out, re.M)
    assert re.search(r"^  .* +4\.31 / 10 +published +2021 +– +progress_self_rated ", out, re.M)


@pytest.mark.parametrize(("lang", "line"), [
    ("fr", "  Communes ayant entamé une démarche Smart City +60\u00a0% +publié +2021 +113 +approach_started +slides: "),
    ("de", "  Gemeinden mit einem begonnenen Smart-City-Ansatz +60\u00a0% +veröffentlicht +2021 +113 +approach_started "),
])
def test_cli_lists_each_figure_by_its_label_in_the_language_asked_and_keeps_its_id(capsys, lang, line):
    """`maturity benchmarks --lang fr` listed the figures by id (« approach_started ») under a French header: a
    person reads their labels in the language asked now, and the id stays in a column of its own (a questionnaire's
    benchmark link names it)."""
    assert cli.main(["benchmarks", "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert re.search(f"^{line}", out, re.M), out[:600]
    assert not re.search(r"^  approach_started ", out, re.M)


@pytest.mark.parametrize(("lang", "words", "foreign"), [
    ("fr", ("indicateur", "publié", "communes"), ("published", " with ", "figure ", "value")),
    ("de", ("Kennzahl", "veröffentlicht", "Gemeinden"), ("published", " with ", "publié", "communes")),
])
def test_cli_lists_in_one_language(capsys, lang, words, foreign):
    assert cli.main(["benchmarks", "--lang", lang]) == 0
    out = capsys.readouterr().out
    text = re.sub(r"\S+: https://\S+", "", out)  # source ids and addresses stay as they are
    assert all(w in text for w in words), words
    assert not [w for w in foreign if w in text]


@pytest.mark.parametrize(("lang", "first"), [
    ("fr", "barometre-wallon-2021\u00a0: Baromètre wallon Smart City 2021 — Smart City Institute"),
    ("de", "barometre-wallon-2021: Wallonisches Smart-City-Barometer 2021 — Smart City Institute"),
    ("en", "barometre-wallon-2021: Walloon Smart City Barometer 2021 — Smart City Institute"),
])
def test_cli_heads_each_set_with_the_languages_punctuation(capsys, lang, first):
    """French puts a no-break space before « : » and « ; » (« barometre-wallon-2021: … Numérique; 113/262 communes »
    was the English punctuation in French)."""
    assert cli.main(["benchmarks", "--lang", lang]) == 0
    head = capsys.readouterr().out.splitlines()[0]
    assert head.startswith(first), head
    assert head.endswith({"fr": "\u00a0; 113/262 communes", "de": "; 113/262 Gemeinden", "en": "; 113/262 communes"}[lang])


def test_cli_reports_a_broken_benchmark_folder(tmp_path, capsys):
    (tmp_path / "broken.yaml").write_text((FIXTURES / "broken.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert cli.main(["benchmarks", "--dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'broken.yaml'}:38: figures[3].sorce: unknown key" in err


def test_shipped_dir_constant_points_at_the_data():
    assert BENCHMARKS_DIR == ROOT / "data" / "benchmarks"
    assert cli_benchmarks.BENCHMARKS_DIR == BENCHMARKS_DIR


# --- 2027: what was measured, on which base, since when ---------------------------------------------


def _q2027():
    from maturity.questionnaire import load_questionnaire

    return load_questionnaire()


def test_a_figure_of_every_respondent_says_so_and_a_subgroup_says_its_base():
    sets = load_benchmark_sets()
    budget = find_figure(sets, "obstacle_budget", 2021)
    assert budget.of_respondents
    assert budget.cite("fr").endswith("113 communes répondantes sur 262")
    assert budget.cite("de").endswith("113 antwortende Gemeinden von 262")
    influence = find_figure(sets, "smart_region_influence")
    assert not influence.of_respondents
    assert "communes engagées dans une démarche qui connaissent la Smart Région" in influence.cite("fr")
    assert "non publié" in influence.cite("fr")


def test_obstacle_figures_say_the_barometer_counted_citations_not_severity():
    sets = load_benchmark_sets()
    for fid in ("obstacle_budget", "obstacle_expertise", "obstacle_technology"):
        note = find_figure(sets, fid, 2021).figure.note
        assert "citent" in note["fr"] and "importance" in note["fr"], fid
        assert "Stärke" in note["de"] and "how strong" in note["en"], fid


def test_the_57_percent_of_elected_initiators_are_mayors_and_aldermen_only():
    """The barometer's 57 % are the bourgmestres (26 %) and the échevins (31 %) (slides; Data News): an
    approach a conseiller communal started is not among them, and is not told « comme 57 % » (expert review:
    it was, and « n'a pas été initiée par un élu » would have been false of a councillor)."""
    q = _q2027()
    sets = load_benchmark_sets()
    for initiator, matches in (("mayor", True), ("alderman", True), ("council", False), ("staff", False)):
        answers = {"approach": "started", "initiator": initiator}
        found = {c.figure.id: c for c in comparisons(q, answers, score(q, answers), sets)}["initiated_by_elected"]
        assert found.matches is matches, initiator
        said = "a été" if matches else "n'a pas été"
        assert found.text.startswith(f"Votre démarche {said} initiée par le bourgmestre ou un échevin"), found.text
        assert " élu " not in found.text
    figure = find_figure(sets, "initiated_by_elected", 2021).figure
    assert figure.value == 0.57 and "council" not in figure.options
    assert "conseiller communal n'y est pas comptée" in figure.note["fr"]


def test_the_dimensions_of_the_strategy_are_compared_with_the_published_ranking():
    q = _q2027()
    answers = {"approach": "started", "strategy_written": "yes", "strategy_dimensions": ["environment", "living"]}
    found = {c.figure.id: c for c in comparisons(q, answers, score(q, answers), load_benchmark_sets(), "fr")}
    assert found["strategy_dimension_environment"].matches is True
    assert found["strategy_dimension_environment"].text.startswith(
        "Votre stratégie couvre Smart Environment, que le baromètre classe 1ᵉʳ")
    assert found["strategy_dimension_mobility"].matches is False
    assert found["strategy_dimension_mobility"].text.startswith("Votre stratégie ne couvre pas Smart Mobility")
    assert "2ᵉ" in found["strategy_dimension_mobility"].text


def test_a_rank_shared_with_another_figure_says_so():
    # « Votre stratégie couvre Smart Environment, que le baromètre classe 1ᵉʳ » where the slide ranks
    # Environment and Governance 1st ex aequo: a commune covering Environment read it as the first alone
    tied = {}
    for figure in next(s for s in load_benchmark_sets() if s.year == 2021).figures:
        if figure.unit == "rank" and figure.question:
            tied.setdefault((figure.question, figure.value), []).append(figure)
    groups = [group for group in tied.values() if len(group) > 1]
    assert groups  # the slide's tie is in the data
    for group in groups:
        for figure in group:
            for lang in ("fr", "de", "en"):
                for sentence in (figure.sentences.match, figure.sentences.other):
                    text = sentence[lang]
                    for other in group:
                        if other is not figure:
                            assert other.label[lang].rsplit(": ", 1)[-1] in text, (figure.id, lang, text)


def test_a_comparison_carries_the_trend_where_the_barometer_has_one():
    q = _q2027()
    answers = {"approach": "started", "strategy_written": "yes", "progress": 5, "budget": "major"}
    found = {c.figure.id: c for c in comparisons(q, answers, score(q, answers), load_benchmark_sets(), "fr")}
    assert [r.year for r in found["strategy_written"].trend] == [2020, 2021]
    assert [r.formatted("fr") for r in found["strategy_written"].earlier] == [f"30{NBSP}%"]
    assert [r.year for r in found["progress_self_rated"].trend] == [2018, 2020, 2021]
    assert [r.year for r in found["obstacle_budget"].trend] == [2018, 2021]
    # one edition only: no trend
    assert found["smart_region_known"].trend == () if "smart_region_known" in found else True
    en = {c.figure.id: c for c in comparisons(q, answers, score(q, answers), load_benchmark_sets(), "en")}
    assert [r.formatted("en") for r in en["strategy_written"].trend] == ["30%", "40%"]


def test_sources_have_titles_in_three_languages():
    for bset in load_benchmark_sets():
        for src in bset.sources:
            assert src.title is not None, (bset.id, src.id)
            for lang in ("fr", "de", "en"):
                assert src.name(lang).strip(), (bset.id, src.id, lang)
    slides = next(s for s in load_benchmark_sets() if s.year == 2021).sources[2]
    assert slides.name("de").startswith("Smart City Institute – Präsentationsfolien")
    assert slides.name("en") != slides.name("fr")


def test_the_trend_is_one_clause_before_the_full_stop_in_each_language():
    """Issue 10 §3: the earlier editions (2018, 2020) said within the barometer sentence, in one wording
    the app and the sheet share."""
    q = _q2027()
    answers = {"approach": "started", "strategy_written": "yes", "progress": 5, "expertise": "major",
               "initiator": "council"}
    sets = load_benchmark_sets()
    for lang, expertise, progress, marked in (
            ("fr", f"comme 49{NBSP}% des communes répondantes{NBSP}; 38{NBSP}% en 2018.",
             "3,67 sur 10 en 2018 et 3 sur 10 en 2020.", f"38{NBSP}% en 2018 [a]."),
            ("de", f"wie 49{NBSP}% der antwortenden Gemeinden; 2018: 38{NBSP}%.",
             "2018: 3,67 von 10 und 2020: 3 von 10.", f"2018: 38{NBSP}% [a]."),
            ("en", "as do 49% of responding communes; 38% in 2018.", "3.67 out of 10 in 2018 and 3 out of 10 in 2020.",
             "38% in 2018 [a].")):
        found = {c.figure.id: c for c in comparisons(q, answers, score(q, answers), sets, lang)}
        expertise_c, progress_c = found["obstacle_expertise"], found["progress_self_rated"]
        bare = expertise_c.text.replace(f" ({expertise_c.figure.cite(lang)})", "")
        assert expertise_c.with_trend(bare).endswith(expertise), lang
        assert progress_c.with_trend().endswith(progress), lang
        # one way of writing a mean on a scale in the sentence: its own value and the earlier editions'
        spoken = progress_c.with_trend()  # the answer, the barometer's value and its two earlier editions
        assert " / 10" not in spoken and spoken.count({"fr": " sur 10", "de": " von 10", "en": " out of 10"}[lang]) == 4
        assert expertise_c.with_trend(bare, mark=lambda r: " [a]").endswith(marked), lang  # the sheet's numbers
        assert not found["initiated_by_elected"].earlier  # one edition only: no clause
        assert found["initiated_by_elected"].with_trend() == found["initiated_by_elected"].text


def test_french_figures_spell_out_the_acronyms_an_echevin_may_not_know():
    """"Le développement des TI, que vous citez comme déclencheur…" on the results page: "TI" (technologies
    de l'information) is a specialist's word. A label, note or sentence in French says it in full."""
    for bset in load_benchmark_sets(BENCHMARKS_DIR):
        for fig in bset.figures:
            sentences = fig.sentences.model_dump().values() if fig.sentences is not None else []
            texts = [fig.label, fig.note, *sentences]
            assert len(texts) > 2 or fig.sentences is None
            for text in texts:
                french = (text or {}).get("fr", "") if isinstance(text, dict) or text is None else str(text)
                assert not re.search(r"\bTI\b", french), (bset.id, fig.id, french)


def _campaign_set():
    """An imported campaign's published set (contract §7.3), as plain data: three of the barometer's items."""
    from maturity.benchmarks import benchmark_set_from_data

    def item(fid, question, value, low, high, n, unit="share", **extra):
        return {"id": f"item.{fid}", "label": {"fr": fid}, "kind": "pooled", "value": value, "ci_low": low,
                "ci_high": high, "n": n, "population": 261, "unit": unit, "source": "campaign", "group": "wallonia",
                "question": question, "weighting": "province", **extra}

    return benchmark_set_from_data({
        "id": "campagne-wal-2026", "kind": "pooled", "campaign": "wal-2026", "title": {"fr": "Campagne 2026"},
        "publisher": "Coordination", "year": 2026, "date": "2026-07-15", "population": 261, "respondents": 61,
        "licence": "CC BY 4.0", "method": {"fr": "Post-stratifiée par province."},
        "sources": [{"id": "campaign", "label": "Coordination – Campagne 2026", "url": "https://example.org/c"}],
        "figures": [item("approach_started", "approach", 0.64, 0.55, 0.72, 61),
                    item("obstacle_technology", "technology", 0.41, 0.31, 0.52, 61),
                    item("progress_self_rated", "progress", 4.4, 3.9, 4.9, 40, unit="points", out_of=10)],
    })


@pytest.mark.parametrize(("lang", "approach", "technology", "progress"), [
    ("fr", "Campagne 2026 : 64 % (55–72 %), n = 61.", "Campagne 2026 : 41 % (31–52 %) des communes le citent, n = 61.",
     "Campagne 2026 : 4,4 / 10 (3,9–4,9), n = 40."),
    ("de", "Kampagne 2026: 64 % (55–72 %), n = 61.", "Kampagne 2026: 41 % (31–52 %) der Gemeinden nennen es, n = 61.",
     "Kampagne 2026: 4,4 / 10 (3,9–4,9), n = 40."),
    ("en", "2026 campaign: 64% (55–72%), n = 61.", "2026 campaign: 41% (31–52%) of communes cite it, n = 61.",
     "2026 campaign: 4.4 / 10 (3.9–4.9), n = 40."),
])
def test_an_imported_campaign_gives_its_estimate_beside_the_barometers(sets, questionnaire, lang, approach,
                                                                       technology, progress):
    """« Votre commune et le baromètre wallon » compared the commune with the 2021/2020/2018 barometer only,
    though an imported campaign publishes the same items: each sentence now ends with the campaign's figure,
    its 95 % interval and n, as the obstacles table gives it; an obstacle the barometer only ranked gets the
    campaign's share of communes citing it, said so. A figure the campaign does not publish gets nothing."""
    assessment = score(questionnaire, ANSWERS)
    found = _by_figure(comparisons(questionnaire, ANSWERS, assessment, sets, lang, campaign=_campaign_set()))
    said = {fid: " ".join(c.with_trend().split()) for fid, c in found.items()}
    assert said["approach_started"].endswith(approach)
    assert said["obstacle_technology"].endswith(technology)
    assert said["progress_self_rated"].endswith(progress)
    assert "n = 40" not in said["obstacle_budget"] and found["obstacle_budget"].campaign is None
    # a source number after the campaign's figure (the sheet's), and nothing without a campaign
    assert found["approach_started"].with_trend(campaign_mark=" [1]").endswith("n\u00a0=\u00a061 [1].")  # kept whole
    plain = _by_figure(comparisons(questionnaire, ANSWERS, assessment, sets, lang))
    assert all(c.campaign is None for c in plain.values())
    assert not any(("2026" in c.with_trend()) for c in plain.values())


def test_a_small_count_in_a_sentence_is_written_in_words():
    from maturity.benchmarks import count_in_words

    assert [count_in_words(k, "fr") for k in (2, 3, 10, 11, 1)] == ["deux", "trois", "dix", "11", "1"]
    assert count_in_words(2, "de") == "zwei" and count_in_words(2, "en") == "two"
    q = _q2027()
    answers = {"approach": "started", "triggers": ["call_for_projects"]}
    for lang, words in (("de", "einer der zwei wichtigsten"), ("en", "one of the two main")):
        found = {c.figure.id: c for c in comparisons(q, answers, score(q, answers), load_benchmark_sets(), lang)}
        assert words in found["trigger_calls_for_projects"].text, lang


def test_a_published_topic_is_offered_in_the_barometers_own_words():
    """The commune ticks what the barometer asked: « Participation inclusive des citoyens et des acteurs » (slides,
    rank 3, 60 %), where the option read « La participation des citoyens et des acteurs » and the sentence then
    told it « Vous associez la Smart City à la participation inclusive… » (expert review)."""
    q = _q2027()
    question = q.question("topics")
    for fig in (f for s in load_benchmark_sets() if s.year == 2021 for f in s.figures if f.question == "topics"):
        for lang in ("fr", "de", "en"):
            published = fig.label[lang].split(":")[-1].strip().lower()
            offered = [q.t(o.label, lang).lower() for o in question.options if o.id in fig.options]
            assert offered and all(published in label for label in offered), (fig.id, lang, published, offered)


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_communes_answer_in_a_comparison_reads_as_on_its_pages(sets, questionnaire, lang):
    """A comparison said the commune's answer with a fourth function of its own (benchmarks._answer_text): a
    number rounded to a whole one (« Vous situez l'avancement de votre démarche à 8 sur 10 » for an answers
    file's 7.5) and, in an earlier edition's plain sentence, the topics ticked in the order ticked and joined by a
    comma. It now reads labels.answer_words, as the pages, the recommendations and the sheet's topics do."""
    from maturity.app import logic
    from maturity.labels import answer_words

    answers = {**ANSWERS, "progress": 7.5, "topics": ["mobility", "digitalisation"]}
    found = _by_figure(comparisons(questionnaire, answers, score(questionnaire, answers), sets, lang))
    said = {"fr": "à 7,5 sur 10", "de": "auf 7,5 von 10", "en": "at 7.5 out of 10"}[lang]
    assert said in found["progress_self_rated"].text
    earlier = _by_figure(comparisons(questionnaire, answers, score(questionnaire, answers), sets, lang, year=2020))
    topics = questionnaire.question("topics")
    words = answer_words(questionnaire, topics, answers["topics"], lang)
    assert words == logic.value_label(questionnaire, topics, answers["topics"], lang)
    assert words.startswith(questionnaire.t(topics.option("digitalisation").label, lang))  # the questionnaire's order
    answer = {"fr": "Votre réponse\u00a0: ", "de": "Ihre Antwort: ", "en": "Your answer: "}[lang]
    assert earlier["topic_digitalisation"].text.startswith(f"{answer}{words}. ")
