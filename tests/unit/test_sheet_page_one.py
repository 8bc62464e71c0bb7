"""The sheet a Collège reads in five minutes (issue 11): the summary, the next steps, the barometer in
sentences, and at most 3 pages for any answers file of the default questionnaire."""

from __future__ import annotations

import io
import re
from datetime import date
from functools import cache

import pypdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity.answers import AnswersFile
from maturity.charts import RadarSeries
from maturity.markdown import escape
from maturity.questionnaire import load_questionnaire
from maturity.scoring import score
from maturity.sheet import build, build_content
from maturity.sheet.pdf import MAX_PAGES

from ..strategies import answer_sets
from . import sheet_helpers
from .sheet_helpers import answers_at_rank, questionnaire

DAY = date(2026, 12, 1)
DEFAULT = load_questionnaire()


def pages_and_text(data: bytes) -> tuple[int, list[str]]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return len(reader.pages), [" ".join(p.extract_text().split()) for p in reader.pages]


def test_summary_names_strongest_weakest_and_first_step():
    q = questionnaire()
    # economy at the top option, mobility at the lowest, the rest in the middle
    doc = answers_at_rank(q, 2, economy_q1="done", economy_q2="done", economy_q3="done",
                          mobility_q1="none", mobility_q2="none", mobility_q3="none")
    content = build_content(q, doc, "fr", generated=DAY)
    labels = [label for label, _text in content.summary]
    assert labels == ["Point fort", "À renforcer", "Premier pas"]
    strong, weak, first = (text for _label, text in content.summary)
    assert strong.startswith("Économie") and "niveau" in strong and "(100)" in strong
    assert weak.startswith("Mobilité") and "(0)" in weak
    assert content.priorities and content.priorities[0].title in first
    assert "pas une note" in content.score_meaning and "5 niveaux" in content.score_meaning
    assert "/ 100" not in content.overall_value


@pytest.mark.parametrize("rank", [0, 1])
def test_a_commune_at_one_level_everywhere_is_not_given_a_strong_point(rank):
    # "Point fort : les 6 dimensions notées sont au même niveau (Éveil)" praised what the commune lacks
    content = build_content(DEFAULT, answers_at_rank(DEFAULT, rank), "fr", generated=DAY)
    labels = [label for label, _text in content.summary]
    assert labels[0] == "Profil" and "Point fort" not in labels
    assert "au même niveau" in content.summary[0][1]


@pytest.mark.parametrize(("lang", "label"), [("fr", "Score le plus bas"), ("de", "Niedrigster Wert"),
                                            ("en", "Lowest score")])
def test_the_lowest_dimension_at_the_top_level_is_not_called_a_weakness(lang, label):
    # a commune at the top level everywhere read « À renforcer : Smart Mobility, niveau Optimisation (94) »
    mobility = next(s for s in DEFAULT.dimensions if s.id == "mobility")
    question = next(qu for qu in mobility.questions if qu.type == "scale" and qu.show_if is None)
    doc = answers_at_rank(DEFAULT, 4)
    for section in DEFAULT.dimensions:  # the best answer everywhere: every item of each checklist
        for qu in section.questions:
            if qu.type == "multi":
                doc.answers[qu.id] = [o.id for o in qu.options if o.score]
    doc.answers[question.id] = question.options[-2].id
    assessment = score(DEFAULT, doc.answers)
    assert {d.level for d in assessment.dimensions.values()} == {DEFAULT.levels[-1].id}
    assert assessment.dimensions["mobility"].score < 100
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    labels = [name for name, _text in content.summary]
    assert labels[:2] == [{"fr": "Profil", "de": "Profil", "en": "Profile"}[lang], label]
    assert content.summary[1][1].startswith(next(r.label for r in content.scores if r.dimension_id == "mobility"))
    # one level lower, the lowest dimension is still one to strengthen
    low = answers_at_rank(DEFAULT, 2, **{question.id: question.options[0].id})
    low_labels = [name for name, _text in build_content(DEFAULT, low, lang, generated=DAY).summary]
    assert label not in low_labels


def _best_everywhere():
    doc = answers_at_rank(DEFAULT, 4)
    for section in DEFAULT.dimensions:  # every item of each checklist too
        for qu in section.questions:
            if qu.type == "multi":
                doc.answers[qu.id] = [o.id for o in qu.options if o.score]
    kept = {qu.id for s in DEFAULT.dimensions for qu in s.questions}  # no obstacle cited, no profile
    doc.answers = {k: v for k, v in doc.answers.items() if k in kept}
    return doc


@pytest.mark.parametrize(("lang", "said"), [("fr", "aucune priorité d'action"), ("de", "keine Handlungspriorität"),
                                           ("en", "no priority for action")])
def test_a_commune_with_nothing_left_to_do_is_not_given_a_dimension_as_its_first_step(lang, said):
    # the best answer everywhere read « Premier pas : Smart Economy – Économie — déjà la meilleure réponse à
    # chaque question : garder le cap », a first step in a dimension picked only for coming first
    doc = _best_everywhere()
    assert {d.score for d in score(DEFAULT, doc.answers).dimensions.values()} == {100}
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    assert not content.priorities
    first = content.summary[-1][1]
    assert said in first and not any(r.label in first for r in content.scores), first
    # two dimensions at their best, the other four left unanswered: the first step is to answer them
    kept = {qu.id for s in DEFAULT.dimensions if s.id in ("economy", "people") for qu in s.questions}
    doc.answers = {k: v for k, v in doc.answers.items() if k in kept}
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    first = content.summary[-1][1]
    assert said not in first
    assert next(r.label for r in content.scores if r.dimension_id == "governance") in first, first


# what the commune did not cite is said as a fact about the communes already engaged, with its source: « Vous ne
# citez pas le développement des TI comme déclencheur ; c'est l'un des … » read as a reproach to a commune still
# thinking it over (fresh-eyes trial 14)
@pytest.mark.parametrize(("lang", "cited", "not_cited"), [
    ("fr", "Les appels à projets, que vous citez comme déclencheur", "Le développement des technologies de "
     "l'information est l'un des deux principaux déclencheurs des démarches déjà lancées par les communes répondantes "
     "(Baromètre wallon Smart City 2021, chiffre publié, base\u00a0: communes engagées dans une démarche, effectif non "
     "publié)"),
    ("de", "Projektaufrufe, die Sie als Auslöser nennen", "Die Entwicklung der IT ist einer der zwei wichtigsten "
     "Auslöser der schon begonnenen Ansätze antwortender Gemeinden (Wallonisches Smart-City-Barometer 2021"),
    ("en", "Calls for projects, which you name as a trigger", "The development of IT is one of the two main triggers of "
     "the approaches responding communes have already started (Walloon Smart City Barometer 2021"),
])
def test_of_two_figures_on_one_question_the_sheet_says_the_one_the_commune_chose(lang, cited, not_cited):
    # a commune that cited calls for projects (one of the two published triggers) and a topic other than
    # digitalisation read only "you do not cite IT / digitalisation": the first figure of the question
    doc = answers_at_rank(DEFAULT, 1, approach="considering", triggers=["call_for_projects", "peer_example"],
                          topics=["quality_of_life"])
    sentences = " ".join(text for text, _ref in build_content(DEFAULT, doc, lang, generated=DAY).comparisons)
    assert cited in sentences and not_cited not in sentences
    assert {"fr": "Vous associez la Smart City à l'amélioration de la qualité de vie",
            "de": "Lebensqualität", "en": "quality of life"}[lang] in sentences
    # nothing chosen among the figures: the first one's "other" sentence, as before
    doc = answers_at_rank(DEFAULT, 1, approach="considering", triggers=["peer_example"], topics=["mobility"])
    sentences = " ".join(text for text, _ref in build_content(DEFAULT, doc, lang, generated=DAY).comparisons)
    assert not_cited in sentences
    assert not any(w in sentences for w in ("ne citez pas", "nennen die Entwicklung", "do not name")), sentences


def test_first_step_and_each_priority_say_which_number_they_are():
    """"Premier pas : … (priorité 1 ci-dessous)" beside "Priorité : 3 — normale" read as a contradiction
    (seen on a sheet): the summary points at the list's first item, each item names its level in words."""
    from maturity.sheet.content import priority_name

    q = questionnaire()
    doc = answers_at_rank(q, 0)
    content = build_content(q, doc, "fr", generated=DAY)
    first = content.summary[-1][1]
    assert first == f"{content.priorities[0].title} (n° 1 des priorités d'action ci-dessous)"
    assert priority_name(content, 3) == "Priorité 3 — normale"
    de = build_content(q, doc, "de", generated=DAY)
    assert de.summary[-1][1].endswith("(Nr. 1 der Handlungsprioritäten unten)")
    assert priority_name(de, 1) == "Priorität 1 — hoch"


def test_the_obstacles_note_explains_brackets_only_when_some_are_shown():
    """"Entre parenthèses, la gravité sur 3" stood under a table with no bracket (no obstacle rated)."""
    q = DEFAULT
    unrated = build_content(q, AnswersFile(q.id, q.version), "fr", generated=DAY)
    assert unrated.obstacles and not any("(" in row.severity for row in unrated.obstacles)
    assert not unrated.obstacles_note.startswith("Entre parenthèses")
    assert "«\u00a0Frein majeur\u00a0» (3/3)" in unrated.obstacles_note
    doc = AnswersFile(q.id, q.version)
    doc.answers["budget"] = q.question("budget").options[-1].id
    rated = build_content(q, doc, "fr", generated=DAY)
    assert any("(3/3)" in row.severity for row in rated.obstacles)
    assert rated.obstacles_note.startswith("Entre parenthèses, la gravité sur 3")


SUMMARY_LABELS = ["summary_strong", "summary_flat", "summary_weak", "summary_lowest", "summary_only", "summary_first"]


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
@pytest.mark.parametrize("key", SUMMARY_LABELS)
def test_each_summary_label_fits_its_column_in_the_pdf(key, lang):
    """« Einzige bewertete Dimension » (and « Seule dimension notée ») ran into the sentence beside it, the
    summary band's label column being 30 mm wide (seen on a German sheet with one dimension scored)."""
    from maturity.sheet.content import TEXTS
    from maturity.sheet.pdf import SUMMARY_LABEL_W, layout_pdf

    q = questionnaire()
    pdf = layout_pdf(q, build_content(q, answers_at_rank(q, 1), lang, generated=DAY))
    pdf.font(8.4, "B")  # as the band draws its labels
    assert pdf.get_string_width(TEXTS[key][lang]) <= SUMMARY_LABEL_W - 1, TEXTS[key][lang]


def test_summary_with_one_scored_dimension_calls_it_neither_strength_nor_weakness():
    q = questionnaire()
    doc = AnswersFile(q.id, q.version)
    doc.answers.update(economy_q1="done", economy_q2="done", economy_q3="done")
    content = build_content(q, doc, "de", generated=DAY)
    labels = [label for label, _text in content.summary]
    assert labels == ["Einzig bewertet", "Erster Schritt"]
    assert "anderen fehlen Antworten" in content.summary[0][1]


def test_summary_without_scores_says_what_to_do():
    q = questionnaire()
    content = build_content(q, AnswersFile(q.id, q.version), "en", generated=DAY)
    assert "too few answers" in content.summary[0][1]
    assert len(content.summary) == 2  # no strongest/weakest to name, still a first step


def test_next_step_is_the_next_option_up_on_the_heaviest_gap():
    q = questionnaire()
    dims = {d.id: d for d in q.dimensions}
    weights = {qq.id: qq.weight for qq in dims["economy"].questions}
    # every economy question at its best option except the two given: the step is on the one with the
    # larger weight x gap, and names the option just above the chosen one
    doc = answers_at_rank(q, 4)
    economy = [qq for qq in dims["economy"].questions if qq.options]
    low, other = economy[0], economy[1]
    doc.answers[low.id] = low.options[0].id
    doc.answers[other.id] = other.options[-2].id
    content = build_content(q, doc, "fr", generated=DAY)
    step = next(s for s in content.next_steps if s.dimension_id == "economy")
    gap_low = weights[low.id] * 1.0
    gap_other = weights[other.id] * (1 - (other.options[-2].score / other.options[-1].score))
    target = low if gap_low >= gap_other else other
    chosen = low.options[0] if target is low else other.options[-2]
    up = min((o for o in target.options if o.score > chosen.score), key=lambda o: o.score)
    assert q.t(target.text, "fr").rstrip("\u00a0?") in step.text
    assert q.t(up.label, "fr").rstrip(".") in step.text
    assert len(content.next_steps) == len(q.dimensions)


def test_barometer_sentences_always_there_with_cited_obstacles_and_sources():
    q = DEFAULT
    doc = answers_at_rank(q, 1, name="Érezée", nis=None, approach="started", budget="major", expertise="none")
    content = build_content(q, doc, "fr", generated=DAY)
    texts = [text for text, _ref in content.comparisons]
    assert any("démarche" in text for text in texts)  # the approach
    assert any("budget" in text.lower() for text in texts)  # the obstacle it cites
    assert not any("expertise" in text.lower() for text in texts)  # not cited: in the table only
    refs = {ref for _text, ref in content.comparisons}
    assert refs <= {src.ref for src in content.sources}
    # the source's parenthesis once per source: later sentences carry only its number
    first_of = {}
    for text, ref in content.comparisons:
        first_of.setdefault(ref, text)
    for text, ref in content.comparisons:
        if text is not first_of[ref]:
            assert "n = " not in text
    _, pages = pages_and_text(build(q, doc, "fr", "pdf", generated=DAY))
    flat = " ".join(pages)
    assert content.comparisons_title in flat
    assert " ".join(texts[0].split())[:60] in flat


@pytest.mark.parametrize(("lang", "base"), [("fr", "113 communes répondantes sur 262"),
                                            ("de", "113 antwortende Gemeinden von 262"),
                                            ("en", "113 responding communes of 262")])
def test_the_sources_say_what_the_barometers_base_is(lang, base):
    """Issue 10 §3: where a figure counts the barometer's respondents, its source line says so, never a
    bare "n = 113"; the PDF prints it."""
    doc = answers_at_rank(DEFAULT, 1, name="Érezée", nis=None, approach="started", budget="major")
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    rows = [src.text for src in content.sources]
    assert any(base in row for row in rows), rows
    assert not [row for row in rows if "n = 113" in row or "2021, 2021" in row]
    _pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY))
    assert base in " ".join(text)


def test_the_98_percent_says_its_base_even_without_its_parenthesis():
    """The Smart Region's influence (98 %) was asked only of engaged communes that know the Smart Region:
    its sentence says so in words, since a later sentence of the same source drops the parenthesis."""
    from maturity import benchmarks

    answers = {"approach": "started", "smart_region_known": "yes", "smart_region_influence": "yes"}
    found = {c.question: c for c in benchmarks.comparisons(DEFAULT, answers, score(DEFAULT, answers),
                                                           benchmarks.load_benchmark_sets(), "fr")}
    influence = found["smart_region_influence"]
    bare = influence.text.replace(f" ({influence.figure.cite('fr')})", "")
    assert "98" in bare and "qui la connaissent" in bare


def test_page_one_holds_commune_date_respondent_summary_scores_and_meaning():
    q = DEFAULT
    doc = answers_at_rank(q, 1, name="Écaussinnes")
    content = build_content(q, doc, "fr", generated=DAY)
    _, pages = pages_and_text(build(q, doc, "fr", "pdf", generated=DAY))
    first = pages[0]
    for needed in ("Écaussinnes", "1ᵉʳ décembre 2026", "échevin", "Profil", "Premier pas",
                   "Ne s'applique pas", "Réponses utiles", "pas une note"):
        assert needed in first, needed
    for row in content.scores:
        assert " ".join(row.label.split()) in first
    assert content.reference_note and len(content.reference_note) <= 260  # two lines at most
    assert "Résultats" in content.reference_note  # where the reader finds the explanation, in words


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_sheet_points_to_no_repository_path(lang):
    """An échevin cannot open "docs/benchmarks.md": the sheet names the place in the tool instead, in
    every text it can print and in the heaviest PDF (its last resort prints the short method)."""
    from maturity.sheet.content import TEXTS

    assert not [key for key, texts in TEXTS.items() if re.search(r"docs/|\.md\b|README", texts[lang])]
    _pages, text = pages_and_text(build(DEFAULT, heavy_answers(), lang, "pdf", generated=DAY))
    flat = " ".join(text)
    assert "docs/" not in flat and ".md" not in flat
    assert {"fr": "Pourquoi ce score", "de": "Warum dieser Wert", "en": "Why this score"}[lang] in flat


def heavy_answers() -> AnswersFile:
    return sheet_helpers.heavy_answers(DEFAULT)


# --- the comparison series, as the app passes them (maturity.app.logic.sheet_kwargs) ---------------------

DIMS = [d.id for d in DEFAULT.dimensions]
PEER_NIS = "63003"  # Aubel: province of Liège, under 5,000 inhabitants (long German group names)


@cache
def app_series(lang: str) -> tuple[str, str, str, str]:
    """The regional and peer series' names and note as the app builds them (a pool of 200 communes): the
    Walloon line, the longer peer group's, the note, the other peer group's (province and same size)."""
    from maturity import communes
    from maturity.app.logic import pooled_series

    codes = [c.nis_code for c in communes.registry_at("2026-03-01")][:200]
    rows = [{"nis_code": code, "submitted_at": "2026-01-01", **dict.fromkeys(DIMS, 50.0)} for code in codes]
    series, _note = pooled_series(DEFAULT, rows, PEER_NIS, lang)
    pooled = next(s for s in series if s.kind == "pooled")
    peer = max((s for s in series if s.kind == "peer"), key=lambda s: len(s.name))
    other = next(s for s in series if s.kind == "peer" and s is not peer)
    return pooled.name, peer.name, pooled.note, other.name


def campaign_series(lang: str, scores: dict, half_width: float = 6.0) -> RadarSeries:
    """A campaign's Walloon series with its 95 % interval, labelled as maturity.aggregates does."""
    from maturity import aggregates

    title = {"fr": "Baromètre 2026", "de": "Barometer 2026", "en": "Barometer 2026"}[lang]
    name = aggregates.SERIES_LABEL[lang].format(title=title, n="143", N="261")
    source = aggregates.SOURCE_TEXT[lang].format(
        title=f"Campagne wallonne Smart City : {title}", publisher="Coordination Smart Région wallonne",
        date="15 juillet 2026", licence="CC BY 4.0", method="moyenne post-stratifiée par province et par "
        "taille de commune, intervalle de confiance à 95 % avec correction pour population finie")
    band = {d: (max(0.0, v - half_width), min(100.0, v + half_width)) for d, v in scores.items() if v is not None}
    return RadarSeries(**aggregates.ReferenceSeries(name, scores, "campaign", "wallonia", band, source).radar_kwargs())


def with_series(lang: str, reference: str | None, scores: dict, peer_scores: dict | None,
                previous_answers: dict | None, size_scores: dict | None = None) -> dict:
    """``build``'s keyword arguments for the optional series: the regional reference (none, the pool's or a
    campaign's with its interval), the peer group, the previous assessment, the second peer group (the
    communes of the same size beside the province, as the app passes them)."""
    pooled_name, peer_name, note, size_name = app_series(lang)
    kwargs: dict = {}
    if reference == "pool":
        kwargs["reference"] = RadarSeries(pooled_name, scores, "pooled", note)
    elif reference == "campaign":
        kwargs["reference"] = campaign_series(lang, scores)
    if peer_scores is not None:
        kwargs["peer"] = RadarSeries(peer_name, peer_scores, "peer", note)
    if size_scores is not None:
        kwargs["peers"] = [RadarSeries(size_name, size_scores, "peer", note)]
    if previous_answers is not None:
        kwargs["previous"] = score(DEFAULT, previous_answers)
        kwargs["previous_label"] = {"fr": "Bilan précédent (30 septembre 2025)",
                                    "de": "Vorherige Bewertung (30. September 2025)",
                                    "en": "Previous assessment (30 September 2025)"}[lang]
    return kwargs


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_a_heavy_answers_file_stays_on_three_pages(lang):
    pages, _text = pages_and_text(build(DEFAULT, heavy_answers(), lang, "pdf", generated=DAY))
    assert pages <= MAX_PAGES


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_a_heavy_answers_file_with_every_series_stays_on_three_pages(lang):
    """The heaviest file with a campaign's reference and its interval, both peer groups (the province, the
    same size) and the previous assessment, each missing two dimensions (the legend then names them): the
    tallest radar legend."""
    gaps = dict.fromkeys(DIMS, 55.0) | {DIMS[1]: None, DIMS[4]: None}
    doc = heavy_answers()
    previous = {qid: value for qid, value in doc.answers.items() if not qid.startswith(DIMS[2])}
    kwargs = with_series(lang, "campaign", gaps, gaps, previous, gaps)
    data = build(DEFAULT, doc, lang, "pdf", generated=DAY, **kwargs)
    pages, text = pages_and_text(data)
    assert pages <= MAX_PAGES
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    assert len(content.series) == 5
    assert content.comparisons_title in " ".join(text)


names = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=130)
notes = st.dictionaries(st.sampled_from(sorted(DEFAULT.question_index)), st.text(max_size=450), max_size=8)
radar_scores = st.fixed_dictionaries({d: st.one_of(st.none(), st.floats(0, 100)) for d in DIMS})


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answers=answer_sets(DEFAULT), name=names, note_map=notes, lang=st.sampled_from(["fr", "de", "en"]),
       reference=st.sampled_from([None, "pool", "campaign"]), scores=radar_scores,
       peer_scores=st.one_of(st.none(), radar_scores), previous=st.one_of(st.none(), answer_sets(DEFAULT)),
       size_scores=st.one_of(st.none(), radar_scores))
def test_any_answers_file_gives_at_most_three_pages(answers, name, note_map, lang, reference, scores, peer_scores,
                                                    previous, size_scores):
    """Any answers file, with or without the series the app passes (a regional reference from the pool or
    from a campaign with its interval, the province's and the same size's peer groups, the previous
    assessment)."""
    doc = AnswersFile(DEFAULT.id, DEFAULT.version, commune={"name": name}, respondent={"role": name[:80]},
                      answers=answers, notes=note_map)
    kwargs = with_series(lang, reference, scores, peer_scores, previous, size_scores)
    pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY, **kwargs))
    assert pages <= MAX_PAGES
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    assert len(content.series) == 1 + sum(kwargs.get(k) is not None for k in ("reference", "peer", "previous")) \
        + len(kwargs.get("peers", ()))
    flat = " ".join(text)
    assert content.summary_title.upper() in flat or content.summary[0][0] in flat
    assert content.comparisons_title in flat  # the barometer section is never dropped


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_source_titles_in_the_sheets_language(lang):
    from maturity import benchmarks

    q = DEFAULT
    content = build_content(q, answers_at_rank(q, 2, budget="major", approach="started"), lang, generated=DAY)
    titled = {src.url: src for bset in benchmarks.load_benchmark_sets() for src in bset.sources if src.title}
    links = [link for row in content.sources for link in row.links if link.url in titled]
    assert links  # the barometer's sources carry titles in three languages
    assert all(link.label == titled[link.url].name(lang) for link in links)
    assert any(link.label != titled[link.url].label for link in links)  # e.g. no English slide title in French


TREND_ANSWERS = dict(approach="started", budget="major", expertise="major")


@pytest.mark.parametrize(("lang", "clause", "edition"), [
    ("fr", "38 % en 2018", "Baromètre wallon Smart City 2018"),
    ("de", "2018: 38 %", "Wallonisches Smart-City-Barometer 2018"),
    ("en", "38% in 2018", "Walloon Smart City Barometer 2018")])
def test_the_sheet_says_the_barometers_earlier_editions(lang, clause, edition):
    """Issue 10 §3: the 2018–2020–2021 trend where the barometer has one, as a clause of the barometer
    sentence (not extra lines), each earlier value with the number of its own edition's source; the
    same wording as the app's."""
    from maturity.app.logic import comparison_groups
    from maturity.benchmarks import comparisons, load_benchmark_sets

    doc = answers_at_rank(DEFAULT, 2, name="Érezée", nis=None, **TREND_ANSWERS)
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    flat = [" ".join(text.split()) for text, _ref in content.comparisons]
    sentence = next(text for text in flat if clause in text)
    ref = int(sentence.split(clause + " [")[1].split("]")[0])
    assert content.sources[ref - 1].text.startswith(edition)
    assert len(flat) == len(content.untrended)  # a clause in the sentence, never a line of its own
    # the app says the same sentence, without the sheet's source numbers
    found = comparisons(DEFAULT, doc.answers, score(DEFAULT, doc.answers), load_benchmark_sets(), lang)
    app = [" ".join(t.split()) for _cite, texts in comparison_groups(found, lang) for t in texts]
    assert re.sub(r" \[\d+\]", "", sentence) in app
    _pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY))
    assert f"{clause} [{ref}]" in " ".join(text)
    assert f"{clause} \\[{ref}\\]" in " ".join(build(DEFAULT, doc, lang, "md", generated=DAY).decode().split())


def test_the_heaviest_sheet_leaves_the_trend_to_the_editable_versions_last_and_says_so():
    """The very last resort of the PDF (after fewer priorities, no notes, no "why" paragraphs): the
    sentences without the earlier editions, said in one line; the DOCX and the Markdown keep them."""
    from maturity.sheet.content import TEXTS

    for lang in ("fr", "de", "en"):
        doc = heavy_answers()
        kwargs = with_series(lang, "campaign", dict.fromkeys(DIMS, 55.0), dict.fromkeys(DIMS, 55.0), doc.answers)
        content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
        assert content.comparisons != content.untrended  # the heaviest file has trends to show
        pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY, **kwargs))
        assert pages <= MAX_PAGES
        flat = " ".join(text)
        shown = " ".join(content.comparisons[-2][0].split())[-40:]
        assert shown in flat or " ".join(TEXTS["trends_more"][lang].split()) in flat, lang
        md = " ".join(build(DEFAULT, doc, lang, "md", generated=DAY, **kwargs).decode().split())
        assert "2018" in md and len(content.sources) > (content.sources_before_trends or 0)


@pytest.mark.parametrize(("name", "lang"), [("rural-tenneville-2027", "fr"), ("urban-charleroi-2027", "fr"),
                                            ("german-buellingen-2027", "de"), ("rural-tenneville-2027", "en")])
def test_the_barometer_sentences_come_in_one_order_on_the_results_page_and_the_sheet(name, lang):
    """« Votre commune et le baromètre wallon »: the results page said the obstacles first and grouped the
    sentences by the study they cite, the sheet the commune's approach first. One order, the core's
    (benchmarks.READING_ORDER): the profile (its approach first), then the obstacles; the page groups only
    consecutive sentences of one study under its source line."""
    from pathlib import Path

    from maturity.answers import read_answers_file
    from maturity.app.logic import comparison_groups
    from maturity.benchmarks import comparisons, load_benchmark_sets

    def key(text: str) -> str:
        return " ".join(text.split())[:40]

    doc = read_answers_file(Path(__file__).resolve().parents[1] / "data" / "answers" / f"{name}.json")
    sheet = [key(text) for text, _ref in build_content(DEFAULT, doc, lang, generated=DAY).comparisons]
    found = comparisons(DEFAULT, doc.answers, score(DEFAULT, doc.answers), load_benchmark_sets(), lang)
    page = [key(text) for _cite, texts in comparison_groups(found, lang) for text in texts]
    assert len(sheet) >= 4 and set(sheet) <= set(page)
    assert [k for k in page if k in sheet] == sheet  # the sheet's sentences, in the page's order
    obstacles = {o.id for o in DEFAULT.obstacles}
    kinds = [c.question in obstacles for c in found]
    assert kinds == sorted(kinds) and kinds[0] is False  # the profile first, then the obstacles


@pytest.mark.parametrize(("name", "lang"), [("rural-tenneville-2027", "fr"), ("urban-charleroi-2027", "fr"),
                                            ("german-buellingen-2027", "de"), ("unsure-durbuy-2027", "fr")])
def test_a_typical_communes_sheet_says_why_each_priority_applies(name, lang):
    """Issue 10's rural, urban and German-speaking communes: their sheets fit on 3 pages with smaller sizes
    before losing anything; each priority shown says why it applies to this commune, its « D'après vos
    réponses » line (the answers its rule rests on; the "why" paragraph, the questionnaire's words, gives way
    first), and Tenneville keeps its one note."""
    from pathlib import Path

    from maturity.answers import read_answers_file

    doc = read_answers_file(Path(__file__).resolve().parents[1] / "data" / "answers" / f"{name}.json")
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY))
    flat = " ".join(text)
    assert pages <= MAX_PAGES
    shown = [p for p in content.all_priorities if " ".join(p.title.split()) in flat]
    assert len(shown) >= 6
    for p in shown:
        said = p.because or p.check or p.why  # resting only on « je ne sais pas »: its check_first sentence
        assert " ".join(said.split())[:50] in flat, p.recommendation_id
    assert any(p.because for p in shown)
    for _question, note in content.notes:
        assert " ".join(note.split()) in flat


def test_a_resource_link_never_breaks_inside_a_word():
    """A priority's resources are links written one after another; one whose first word did not fit at
    the end of the line was cut inside it ("Digita" / "l Wallonia", German sheet, expert review). Here the
    first link grows a character at a time, so that the next link's first word meets the line's end at
    each place around it."""
    from dataclasses import replace

    from maturity.sheet import pdf as sheet_pdf
    from maturity.sheet.content import Link

    content = build_content(DEFAULT, answers_at_rank(DEFAULT, 1), "de", generated=DAY)
    base = content.priorities[0]
    second = "Digital Wallonia – Smart City Maturity Model (auf Französisch)"
    moved = 0  # the lengths at which the second link starts the next line: the window covers the line's end
    for k in range(44, 64):
        first = "UVCW – das strategische Querschnittsprogramm " + "x" * k
        priority = replace(base, resources=[Link(first, "https://example.org/1"), Link(second, "https://example.org/2")])
        pdf = sheet_pdf._scratch(content, {})
        sheet_pdf._priority_block(pdf, content, priority, pdf.width - sheet_pdf.INDENT)
        pdf.scratch = False
        text = pypdf.PdfReader(io.BytesIO(bytes(pdf.output()))).pages[0].extract_text()
        assert second in " ".join(text.split()), k
        moved += "\nDigital Wallonia" in text
    assert moved


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_the_markdown_sheet_says_what_the_pdf_and_the_docx_say(lang):
    """The editable .md is the same sheet: the summary, what a score means, the "not applicable" column,
    the next steps and the obstacles cited without a figure (it once had none of them, and a table whose
    header had one column more than its rows, which a Markdown reader does not draw as a table)."""
    doc = answers_at_rank(DEFAULT, 2, eco_local_data="na")  # every obstacle "significant": all cited
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    raw = build(DEFAULT, doc, lang, "md", generated=DAY).decode()
    md = " ".join(raw.split())
    said = [content.summary_title, content.score_meaning, content.next_steps_title, content.also_cited,
            *(text for _label, text in content.summary), *(step.text for step in content.next_steps)]
    assert content.also_cited and len(content.next_steps) == 6
    for text in said:
        assert " ".join(escape(text).split()) in md, text
    # every table: as many cells in each row as in its header
    tables = re.findall(r"(?:^\|.*\|\n)+", raw, flags=re.M)
    assert len(tables) == 2
    for table in tables:
        widths = {line.count(" | ") for line in table.splitlines()}
        assert len(widths) == 1, table
    economy = next(line for line in raw.splitlines() if line.startswith("| Smart Economy"))
    assert economy.rstrip(" |").endswith("| 1")  # one "not applicable", as in the PDF and the DOCX


@pytest.mark.parametrize(("lang", "instruction"), [("fr", "Cochez"), ("de", "Kreuzen"), ("en", "Tick")])
def test_a_next_step_on_a_checklist_quotes_the_question_not_its_instruction(lang, instruction):
    # the best option everywhere: the step left in governance, environment and living is a checklist's item
    content = build_content(DEFAULT, answers_at_rank(DEFAULT, 4), lang, generated=DAY)
    steps = {step.dimension_id: step.text for step in content.next_steps}
    asked = DEFAULT.t(DEFAULT.question("gov_internal_digital").text, lang).split("?")[0].strip()
    assert steps["governance"].startswith(asked) and steps["living"].startswith(
        DEFAULT.t(DEFAULT.question("liv_cpas").text, lang).split("?")[0].strip())
    for text in steps.values():
        assert instruction not in text and not re.search(r"[.?] ?:", text), text


@pytest.mark.parametrize(("lang", "unknown", "unanswered"), [("fr", "(aujourd'hui\u00a0: «\u00a0Je ne sais pas\u00a0»)",
                                                              "(aujourd'hui\u00a0: sans réponse)"),
                                                             ("de", "(heute: „Weiß ich nicht“)", "(heute: unbeantwortet)")])
def test_a_next_step_to_answer_says_the_answer_given_today(lang, unknown, unanswered):
    # a commune that answered "Je ne sais pas" read "(sans réponse aujourd'hui)", as if it had not answered
    economy = next(s for s in DEFAULT.dimensions if s.id == "economy")
    doc = AnswersFile(DEFAULT.id, DEFAULT.version, answers={q.id: "unknown" for q in economy.questions})
    steps = {step.dimension_id: step.text for step in build_content(DEFAULT, doc, lang, generated=DAY).next_steps}
    assert steps["economy"].endswith(f"{unknown}.") and steps["mobility"].endswith(f"{unanswered}.")


def test_every_note_reaches_the_editable_versions_and_the_pdf_counts_those_it_leaves():
    """Eight notes: the .md and the DOCX showed the first six and said nothing of the others (a commune's
    « Membre iMio depuis 2015 » was lost there); the PDF said "N autres remarques dans la version
    modifiable", which did not have them either."""
    import docx

    doc = answers_at_rank(DEFAULT, 1)
    questions = [q.id for s in DEFAULT.dimensions for q in s.questions][:8]
    for k, qid in enumerate(questions):
        doc.notes[qid] = f"Remarque numéro {k + 1} de la commune."
    md = build(DEFAULT, doc, "fr", "md", generated=DAY).decode()
    word = " ".join(p.text for p in docx.Document(io.BytesIO(build(DEFAULT, doc, "fr", "docx", generated=DAY))).paragraphs)
    for k in range(8):
        assert f"Remarque numéro {k + 1} de la commune." in md and f"Remarque numéro {k + 1} de la commune." in word
    pages, text = pages_and_text(build(DEFAULT, doc, "fr", "pdf", generated=DAY))
    flat = " ".join(text)
    shown = sum(f"Remarque numéro {k + 1} de la commune." in flat for k in range(8))
    assert pages <= MAX_PAGES and shown <= 6
    assert f"{8 - shown} autres remarques dans la version modifiable" in flat


@pytest.mark.parametrize(("lang", "said", "wrong"), [
    ("fr", "8 remarques, dans la version modifiable (DOCX)", "autres remarques"),
    ("de", "8 Anmerkungen in der bearbeitbaren Fassung (DOCX)", "weitere Anmerkungen"),
    ("en", "8 notes in the editable version (DOCX)", "more notes"),
])
def test_a_pdf_showing_none_of_the_notes_does_not_call_them_more(lang, said, wrong):
    """The heaviest file's PDF shows none of its 8 notes (its last resorts): it said "8 autres remarques"
    ("8 more notes") beside no note at all (expert review)."""
    _pages, text = pages_and_text(build(DEFAULT, heavy_answers(), lang, "pdf", generated=DAY))
    flat = " ".join(" ".join(text).split())
    assert said in flat
    assert wrong not in flat


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_walloon_line_is_in_the_scores_table_with_its_interval(lang):
    """The radar's Walloon line in numbers beside the score, "46 (41–50)" (a campaign's interval), in the
    PDF, the DOCX and the Markdown; a pool's line without an interval is a bare number; a dimension the
    line lacks is a dash. The PDF leaves the column out only as its very last resort (the heaviest sheet
    above)."""
    import docx

    scores = {d: 40.0 + 2 * i for i, d in enumerate(DIMS)} | {DIMS[3]: None}
    kwargs = with_series(lang, "campaign", scores, None, None)
    doc = answers_at_rank(DEFAULT, 1)
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    header = {"fr": "Wallonie", "de": "Wallonie", "en": "Wallonia"}[lang]
    assert content.score_headers[2] == header
    cells = [r.comparisons for r in content.scores]
    assert cells[0] == ("40 (34–46)",) and cells[3] == ("—",)
    pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY, **kwargs))
    assert pages <= MAX_PAGES and header in text[0] and "40 (34–46)" in text[0]
    md = build(DEFAULT, doc, lang, "md", generated=DAY, **kwargs).decode()
    assert f"| {header} |" in md and "| 40 (34–46) |" in md
    table = next(t for t in docx.Document(io.BytesIO(build(DEFAULT, doc, lang, "docx", generated=DAY, **kwargs))).tables
                 if t.rows[0].cells[0].text == content.score_headers[0])
    assert [c.text for c in table.rows[0].cells] == content.score_headers and table.rows[1].cells[2].text == "40 (34–46)"
    # a pool's line: no interval, a bare number
    pooled = build_content(DEFAULT, doc, lang, generated=DAY, **with_series(lang, "pool", scores, None, None))
    assert pooled.scores[0].comparisons == ("40",)
    # no regional line: the table as before
    plain = build_content(DEFAULT, doc, lang, generated=DAY)
    assert header not in plain.score_headers and all(r.comparisons == () for r in plain.scores)


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_the_sheets_radar_draws_the_targets_as_the_results_page_does(lang):
    """Fresh-eyes trial: the results page draws the commune's targets as a dotted ring on its radar, the
    Collège's PDF did not; the picture shown on the phone and the one on paper now agree (the same series,
    each dimension at its target level's minimum, none where there is no target). Without targets: as before."""
    from maturity import targets

    doc = answers_at_rank(DEFAULT, 1)
    targets.set_on(doc, {DIMS[0]: targets.Target("integration", 2030), DIMS[3]: targets.Target("development", 2028)})
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    (ring,) = [s for s in content.series if s.kind == "target"]
    assert ring.scores == {d: None for d in DIMS} | {DIMS[0]: 60.0, DIMS[3]: 40.0}
    assert ring.name.startswith({"fr": "Objectifs de Écaussinnes", "de": "Ziele von Écaussinnes"}[lang])
    pages, _text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY))  # the legend is drawn, not text
    assert pages <= MAX_PAGES
    plain = answers_at_rank(DEFAULT, 1)
    assert not [s for s in build_content(DEFAULT, plain, lang, generated=DAY).series if s.kind == "target"]


def test_the_obstacles_table_gives_the_imported_campaigns_share_as_the_results_page_does():
    """The results page shows an imported campaign's share of the communes citing each obstacle beside the
    2021 barometer's; the Collège's sheet now does too, in the PDF, the DOCX and the Markdown (the figure
    with its interval and the campaign line's source number; "pas de chiffre publié" under 5 answers, as the barometer's column says where it has none). The app hands
    the latest imported campaign to the sheet (logic.sheet_kwargs)."""
    import tempfile
    from pathlib import Path

    import docx

    from maturity import aggregates, publish
    from maturity.app import logic

    from .test_publish import _report

    report = _report(DEFAULT, {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12})
    with tempfile.TemporaryDirectory() as tmp:
        paths = publish.publish(report, Path(tmp), questionnaire=DEFAULT, publisher="SPW", url="https://example.org")
        yml = next(p for p in paths if p.suffix == ".yaml")
        ref = aggregates.read_aggregates(yml.read_text(encoding="utf-8"), str(yml))
    budget = next(o for o in DEFAULT.obstacles if o.id == "budget")
    share = ref.obstacle_text(budget.id, "fr")
    assert share and "(" in share  # the synthetic campaign publishes the budget obstacle with its interval
    series, _note = logic.pooled_series(DEFAULT, [], "92094", "fr", [ref])
    kwargs = logic.sheet_kwargs(DEFAULT, series, None, "fr", [ref])
    assert kwargs["campaign"] is ref
    doc = answers_at_rank(DEFAULT, 1)
    content = build_content(DEFAULT, doc, "fr", generated=DAY, **kwargs)
    assert content.obstacle_headers[-1] == f"Campagne {ref.set.year}"
    row = next(o for o in content.obstacles if o.obstacle_id == budget.id)
    assert row.campaign == f"{share} [1]"  # the Walloon line's source, first in the list
    assert {o.campaign for o in content.obstacles} - {row.campaign} <= {"pas de chiffre publié"}
    pages, text = pages_and_text(build(DEFAULT, doc, "fr", "pdf", generated=DAY, **kwargs))
    assert pages <= MAX_PAGES and f"Campagne {ref.set.year}" in " ".join(" ".join(text).split())
    md = build(DEFAULT, doc, "fr", "md", generated=DAY, **kwargs).decode()
    assert f"| Campagne {ref.set.year} |" in md
    tables = docx.Document(io.BytesIO(build(DEFAULT, doc, "fr", "docx", generated=DAY, **kwargs))).tables
    obstacles = next(t for t in tables if t.rows[0].cells[0].text == content.obstacle_headers[0]
                     and len(t.columns) == 4)
    assert [c.text for c in obstacles.rows[0].cells] == content.obstacle_headers
    # without a campaign: the three columns as before
    plain = build_content(DEFAULT, doc, "fr", generated=DAY)
    assert len(plain.obstacle_headers) == 3 and all(o.campaign == "" for o in plain.obstacles)


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_walloon_campaign_lines_source_is_whole_on_the_sheet(lang):
    """The sources row of a campaign's Walloon line is its note whole: cut at 400 characters with its name,
    the Collège's sheet ended it at "est la marge…" / "ist die Un…" (fresh-eyes trial: Vielsalm, Eupen),
    the one sentence that says what the new Wallonie column's brackets are."""
    from maturity import aggregates

    title = "Baromètre Smart City 2026"
    name = aggregates.SERIES_LABEL[lang].format(title=title, n="61", N="261")
    note = aggregates.SERIES_NOTE_TEXT[lang].format(
        title=f"Campagne wallonne Smart City : {title}", publisher="Coordination régionale Smart City",
        date="15 juillet 2026", licence="CC BY 4.0", weighting=aggregates.PLAIN_WEIGHTING["province"][lang],
        coverage="", brackets=aggregates.SERIES_NOTE_BRACKETS[lang])
    band = dict.fromkeys(DIMS, (40.0, 50.0))
    reference = RadarSeries(**aggregates.ReferenceSeries(name, dict.fromkeys(DIMS, 45.0), "campaign", "wallonia",
                                                         band, note).radar_kwargs())
    content = build_content(DEFAULT, answers_at_rank(DEFAULT, 2), lang, generated=DAY, reference=reference)
    row = next(r for r in content.sources if r.text.startswith(name))
    assert row.text.endswith(note) and "…" not in row.text, row.text  # its no-break spaces kept ("95 %")
    doc = answers_at_rank(DEFAULT, 2)
    markdown = build(DEFAULT, doc, lang, "md", generated=DAY, reference=reference).decode("utf-8")
    _pages, pdf_text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY, reference=reference))
    end = " ".join(note.split()[-3:])  # "à 95 %." / "Schätzung (95 %)." / "margin of uncertainty."
    assert end in " ".join(markdown.split()), markdown[-1500:]
    assert end.replace("'", "’") in " ".join(" ".join(pdf_text).replace("'", "’").split())


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_the_last_resorts_keep_the_communes_notes_before_the_why_paragraphs(lang):
    """The last resorts left the commune's notes out (« 4 remarques, dans la version modifiable ») while every
    priority kept its "why" paragraph, the questionnaire's own words that the DOCX and the tool carry too: a
    Collège would rather read what its commune wrote. The notes now go after the "why" paragraphs; the
    "why" stays where the notes fit beside it, and the heaviest sheets end as before (3 pages)."""
    from maturity.sheet.pdf import layout_pdf

    doc = answers_at_rank(DEFAULT, 0)
    for k, qid in enumerate(list(DEFAULT.question_index)[:4]):
        doc.notes[qid] = f"Remarque numéro {k + 1} : " + "une remarque de la commune, avec des mots. " * 8
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    pdf = layout_pdf(DEFAULT, content)
    assert pdf.page_no() <= MAX_PAGES and pdf.compact and pdf.brief  # this sheet needs the last resorts
    assert len(pdf.content.notes) >= 3 and not pdf.why
    _pages, text = pages_and_text(bytes(pdf.output()))
    flat = " ".join(text)
    assert all(f"Remarque numéro {k + 1}" in flat for k in range(3))
    assert " ".join(content.priorities[0].why.split())[:50] not in flat
    # the heaviest file: as before, neither notes nor "why", on 3 pages
    heavy = build_content(DEFAULT, heavy_answers(), lang, generated=DAY)
    assert layout_pdf(DEFAULT, heavy).page_no() <= MAX_PAGES


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_a_pooled_lines_note_is_written_once_in_the_sources(lang):
    """The pool's Wallonia, province and same-size lines share one note (unverified, self-declared, unweighted):
    three rows repeated it, about three lines each, on a last page the sheet fills. The first says it whole;
    the others name that row."""
    scores = dict.fromkeys(DIMS, 50.0)
    pooled_name, peer_name, note, size_name = app_series(lang)
    content = build_content(DEFAULT, heavy_answers(), lang, generated=DAY,
                            **with_series(lang, "pool", scores, scores, None, scores))
    same = {"fr": "même source et même méthode que [1]", "de": "gleiche Quelle und Methode wie [1]",
            "en": "same source and method as [1]"}[lang]
    assert [row.text for row in content.sources[:3]] == [f"{pooled_name} — {note}", f"{peer_name} — {same}",
                                                          f"{size_name} — {same}"]
    alone = build_content(DEFAULT, heavy_answers(), lang, generated=DAY,
                          **with_series(lang, None, scores, scores, None))
    assert alone.sources[0].text == f"{peer_name} — {note}"  # without the Walloon line, the peer's row says it


# a commune that answered « je ne sais pas » to many questions (17 of its 56: Durbuy; 31: Hotton) → the sheet's
# first step, by its number in the list, and the recommendation resting only on « je ne sais pas » it is not
UNSURE_FIRST_STEP = [
    # energy baseline (Environment at 15, the weakest) rests only on « je ne sais pas » whether the buildings'
    # consumption is followed: the steering group (nobody is named) comes first, the first step
    ("unsure-durbuy-2027", "governance_steering_group", 1, "environment_energy_baseline"),
    # its only priority-1 step rests on « je ne sais pas » (whether travel is measured): first in the list
    # (priority 1 first), not the first step
    ("unsure-hotton-2027", "mobility_plan_and_fund", 2, "mobility_know_travel"),
]


@pytest.mark.parametrize(("name", "first", "n", "unsure"), UNSURE_FIRST_STEP)
@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_first_step_never_rests_only_on_unknown_when_another_does_not(name, first, n, unsure, lang):
    from pathlib import Path

    from maturity.answers import read_answers_file

    doc = read_answers_file(Path(__file__).resolve().parents[1] / "data" / "answers" / f"{name}.json")
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    ids = [p.recommendation_id for p in content.priorities]
    assert ids[n - 1] == first and unsure in ids
    assert content.priorities[ids.index(unsure)].unsure and not content.priorities[n - 1].unsure
    words = {"fr": "(n° {n} des priorités d'action ci-dessous)", "de": "(Nr. {n} der Handlungsprioritäten unten)",
             "en": "(no. {n} of the priorities for action below)"}[lang]
    assert content.summary[-1][1] == f"{content.priorities[n - 1].title} {words.format(n=n)}"
    for limit in (6, 7):  # the PDF's shorter sheets name the same step, by its number there
        short = content.with_limit(limit)
        at = [p.recommendation_id for p in short.priorities].index(first) + 1
        assert short.summary[-1][1] == f"{content.priorities[n - 1].title} {words.format(n=at)}"


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_sheet_says_which_priorities_rest_on_unknown_in_every_format(lang):
    """Durbuy's energy step rests on « je ne sais pas » whether the buildings' consumption is followed: the
    PDF, the DOCX and the Markdown say so under its title; the steering group (« nobody is named ») does not."""
    from pathlib import Path

    import docx

    from maturity.answers import read_answers_file

    doc = read_answers_file(Path(__file__).resolve().parents[1] / "data" / "answers" / "unsure-durbuy-2027.json")
    content = build_content(DEFAULT, doc, lang, generated=DAY)
    by_id = {p.recommendation_id: p for p in content.priorities}
    check = by_id["environment_energy_baseline"].check
    question = {"fr": "La commune suit-elle la consommation d'énergie de ses bâtiments",
                "de": "Verfolgt die Gemeinde den Energieverbrauch ihrer Gebäude",
                "en": "Does the commune monitor the energy use of its buildings"}[lang]
    assert question in check and check.endswith({"fr": "à vérifier d'abord.", "de": "zuerst klären.",
                                                 "en": "check this first."}[lang])
    assert by_id["governance_steering_group"].check == ""

    def flat(text: str) -> str:
        return " ".join(text.replace("\u00a0", " ").split())

    markdown = build(DEFAULT, doc, lang, "md", generated=DAY).decode()
    assert f"**{escape(check)}**" in markdown and markdown.count(escape(check)) == 1
    document = docx.Document(io.BytesIO(build(DEFAULT, doc, lang, "docx", generated=DAY)))
    assert [flat(p.text) for p in document.paragraphs].count(flat(check)) == 1
    pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY))
    assert pages <= MAX_PAGES and flat(check) in flat(" ".join(text))
