"""The core's label catalogs (maturity.labels, targets.LABELS, plan.LABELS, the kinds of a figure in
maturity.benchmarks): complete in French, German and English, copied in no other catalog, and the one
source of the words the app, the sheet and the command line show for the same thing."""

from __future__ import annotations

from datetime import date

import pytest

from maturity import benchmarks, labels, plan, targets
from maturity.app import logic
from maturity.app.texts import tr
from maturity.labels import ANSWER_STATES, LANGS, UNANSWERED, answer_state, answer_state_label
from maturity.models import NA, UNKNOWN
from maturity.questionnaire import load_questionnaire
from maturity.recommendations import describe
from maturity.scoring import score
from maturity.sheet import build_content
from maturity.sheet.content import TEXTS as SHEET_TEXTS

from .sheet_helpers import answers_at_rank, heavy_answers, questionnaire

# column headers that count an answer state, kept short for the PDF's narrow column (said in content.py)
HEADERS = {("sheet", "col_na")}
CATALOGS = {name: value for name, value in vars(labels).items()
            if name.isupper() and isinstance(value, dict) and value}
CATALOGS |= {"targets.LABELS": targets.LABELS, "plan.LABELS": plan.LABELS, "benchmarks.KINDS": benchmarks._KIND_WORDS}


def test_every_label_of_every_core_catalog_has_fr_de_en_and_none_is_empty():
    assert "ANSWER_STATES" in CATALOGS
    for name, catalog in CATALOGS.items():
        for key, entry in catalog.items():
            assert set(entry) == set(LANGS), (name, key)
            for lang in LANGS:
                assert isinstance(entry[lang], str) and entry[lang].strip(), (name, key, lang)


def test_the_answer_states_are_those_of_the_answers_files_and_of_scoring():
    assert set(ANSWER_STATES) == {UNKNOWN, NA, UNANSWERED}
    assert [answer_state(v) for v in (UNKNOWN, NA, None, [], "")] == [UNKNOWN, NA, UNANSWERED, UNANSWERED,
                                                                      UNANSWERED]
    assert [answer_state(v) for v in ("yes", ["a"], 0, 3.5, False)] == [None] * 5
    assert answer_state_label(NA, "xx") == "Ne s'applique pas"  # an unknown language reads French
    with pytest.raises(KeyError):
        answer_state_label("yes", "fr")


def test_no_other_catalog_spells_an_answer_state_again():
    """The app's and the sheet's own catalogs hold no second wording of "Je ne sais pas" and the like:
    the app's two option keys are the core's very entries (widgets read them by key)."""
    from maturity.app.texts import TEXTS as APP_TEXTS

    assert APP_TEXTS["unknown_option"] is ANSWER_STATES[UNKNOWN] and APP_TEXTS["na_option"] is ANSWER_STATES[NA]
    words = {entry[lang].casefold() for entry in ANSWER_STATES.values() for lang in LANGS}
    for name, catalog in (("app", APP_TEXTS), ("sheet", SHEET_TEXTS)):
        for key, entry in catalog.items():
            if entry in ANSWER_STATES.values() or (name, key) in HEADERS:
                continue
            for lang in LANGS:
                assert entry[lang].casefold() not in words, (name, key, lang)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("state", [UNKNOWN, NA, UNANSWERED])
def test_the_app_the_sheet_and_the_cli_show_the_same_words_for_the_same_answer_state(lang, state):
    q = questionnaire()
    value = None if state == UNANSWERED else state
    expected = answer_state_label(state, lang)
    question = q.question("obstacle_budget")
    # the app: the answer as the respondent reads it (team meeting, results); the options offered
    assert logic.value_label(q, question, value, lang) == expected
    if state != UNANSWERED:
        assert tr({UNKNOWN: "unknown_option", NA: "na_option"}[state], lang) == expected
    # the sheet: the commune's cell in the obstacles table, and a team member's answer in a topic
    doc = answers_at_rank(q, 1, obstacle_budget=value)
    if value is None:
        doc.answers.pop("obstacle_budget")
    doc.respondent = {"team": ["CPAS", "DG"]}
    doc.extra["divergent"] = [{"question": "obstacle_budget", "spread": 1.0,
                               "answers": [{"role": "CPAS", "answer": value}, {"role": "DG", "answer": "major"}]}]
    content = build_content(q, doc, lang, generated=date(2026, 12, 1))
    assert {o.obstacle_id: o.severity for o in content.obstacles}["obstacle_budget"] == expected
    assert content.topics and content.topics[0][1].startswith(f"CPAS{chr(0xA0) + ': ' if lang == 'fr' else ': '}{expected} · DG")
    # the command line: why a recommendation applies ("Budget → Je ne sais pas : à vérifier d'abord")
    check = {"fr": "\u00a0: à vérifier d'abord", "de": ": zuerst klären", "en": ": check first"}[lang] if state == UNKNOWN else ""
    assert describe(q, {"question": "obstacle_budget", "answer": value}, lang).endswith(f" → {expected}{check}")


def test_no_app_or_sheet_text_is_a_copy_of_a_core_label():
    """A label the core has is read from it: the app's and the sheet's catalogs hold no second copy of it
    (the same words in the three languages), only the core's entry itself where a key must stay."""
    from maturity.app.texts import TEXTS as APP_TEXTS

    for name, catalog in CATALOGS.items():
        for key, entry in catalog.items():
            for reader, texts in (("app", APP_TEXTS), ("sheet", SHEET_TEXTS)):
                copies = [k for k, e in texts.items() if e == entry and e is not entry]
                assert not copies, (name, key, reader, copies)


@pytest.mark.parametrize("lang", LANGS)
def test_the_app_and_the_sheet_say_where_a_target_stands_in_the_same_words(lang):
    from maturity.app.roadmap import gap_text

    q = load_questionnaire()
    doc = heavy_answers(q)  # every dimension answered: a score for each
    assessment = score(q, doc.answers)
    ordered = sorted(q.levels, key=lambda lv: lv.min)
    dims = [s.id for s in q.dimensions]
    doc.extra["targets"] = {dims[0]: {"level": ordered[0].id, "by": 2030}, dims[1]: {"level": ordered[-1].id, "by": 2030}}
    statuses = targets.evaluate(q, assessment, targets.of(doc))
    assert statuses[dims[0]].reached and not statuses[dims[1]].reached
    sheet = {row[0]: row[-1] for row in build_content(q, doc, lang, generated=date(2026, 12, 1)).roadmap.targets}
    for dim in dims[:2]:
        label = q.t(next(s for s in q.dimensions if s.id == dim).label, lang)
        assert sheet[label] == gap_text(statuses[dim], lang) == targets.gap_text(statuses[dim], lang)
    assert sheet[q.t(q.dimensions[0].label, lang)] == targets.LABELS["reached"][lang]


@pytest.mark.parametrize("lang", LANGS)
def test_the_apps_table_of_figures_and_the_sheets_sources_name_a_figures_kind_alike(lang):
    from maturity.app.texts import tr

    sets = benchmarks.load_benchmark_sets()
    rows = logic.barometer_rows(list(sets), lang)
    published = benchmarks._KIND_WORDS["published"][lang]
    assert rows and {r[tr("col_kind", lang)] for r in rows} == {published}  # the barometers publish
    q = questionnaire()
    sources = build_content(q, answers_at_rank(q, 1), lang, generated=date(2026, 12, 1)).sources
    assert sources and all(f", {published}, " in s.text for s in sources), [s.text for s in sources]


def test_the_coordinators_table_and_the_published_report_say_a_campaigns_estimates_alike(default_questionnaire):
    import copy
    import io

    import pypdf

    from maturity import publish
    from maturity.app.coordinator import report_rows
    from maturity.labels import CAMPAIGN_WORDS

    from .test_publish import _report

    q = default_questionnaire
    report = copy.deepcopy(_report(q, {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12}))
    first = next(iter(report["dimensions"]))
    report["dimensions"][first] |= {"suppressed": True, "estimate": None}
    words = {key: entry["fr"] for key, entry in CAMPAIGN_WORDS.items()}
    rows = report_rows(report, q, "fr")
    assert {words["interval"], words["weighting"]} <= set(rows[0])
    assert words["suppressed"] in rows[0].values()
    assert words["by_province"] in [row[words["weighting"]] for row in rows[1:]]
    # the median and quartiles beside the weighted estimate say they are the respondents' own (fresh-eyes trial)
    assert [h for h in rows[0] if h.startswith(("Médiane", "Q1"))] == ["Médiane des répondantes (non pondérée)",
                                                                       "Q1 – Q3 des répondantes"]
    pdf = pypdf.PdfReader(io.BytesIO(publish.report_pdf(report, q, lang="fr")))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    for key in ("interval", "weighting", "by_province", "suppressed"):
        assert " ".join(words[key].split()) in text, key  # the text as read back: every space a plain one


@pytest.mark.parametrize("module", ["maturity.app.texts", "maturity.sheet.content", "maturity.labels"])
def test_no_catalog_writes_a_key_twice(module):
    """A key written twice in a catalog's source (its literal and a later update) silently keeps the last one."""
    import ast
    import importlib
    from collections import Counter
    from pathlib import Path

    tree = ast.parse(Path(importlib.import_module(module).__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        target = None
        if isinstance(node, ast.AnnAssign | ast.Assign) and isinstance(node.value, ast.Dict):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            target = next((t.id for t in targets if isinstance(t, ast.Name) and t.id.isupper()), None)
        if target is None:
            continue
        keys = Counter(k.value for k in node.value.keys if isinstance(k, ast.Constant))
        keys += Counter(k.value for call in ast.walk(tree) if isinstance(call, ast.Call)
                        and isinstance(call.func, ast.Attribute) and call.func.attr == "update"
                        and isinstance(call.func.value, ast.Name) and call.func.value.id == target
                        for arg in call.args if isinstance(arg, ast.Dict)
                        for k in arg.keys if isinstance(k, ast.Constant))
        assert not [k for k, n in keys.items() if n > 1], (module, target)


@pytest.mark.parametrize("lang", LANGS)
def test_several_options_read_as_one_answer_without_a_full_stop_before_a_comma(lang):
    """Gesves's « Pourquoi ce score ? » read « Aucune : l'essentiel se fait sur papier., Les décisions du Collège
    … » (fresh-eyes trial 9): the labels of a multi answer, each a sentence with its full stop, were joined by a
    comma. The app (results, team meeting), the sheet's topics and the command line's « because » join them by
    a semicolon, each without its full stop."""
    q = load_questionnaire()
    question = q.question("gov_internal_digital")
    value = ["decisions", "documents"]
    first, second = (q.t(question.option(v).label, lang) for v in value)
    assert first.endswith(".")  # the labels are sentences: the case at hand
    expected = f"{first[:-1]}{chr(0xA0) if lang == 'fr' else ''}; {second[:-1]}"
    assert logic.value_label(q, question, value, lang) == expected
    assert describe(q, {"question": "gov_internal_digital", "answer": value}, lang).endswith(f" → {expected}")
    doc = answers_at_rank(q, 1)
    doc.respondent = {"team": ["CPAS", "DG"]}
    doc.extra["divergent"] = [{"question": "gov_internal_digital", "spread": 0.6,
                               "answers": [{"role": "CPAS", "answer": value}, {"role": "DG", "answer": ["none"]}]}]
    topics = build_content(q, doc, lang, generated=date(2026, 12, 1)).topics
    assert topics and topics[0][1].startswith(f"CPAS{chr(0xA0) + ': ' if lang == 'fr' else ': '}{expected} · DG"), topics
    for multi in (qu for s in q.sections for qu in s.questions if qu.type == "multi"):
        text = logic.value_label(q, multi, multi.option_ids, lang)
        assert ".," not in text and ".;" not in text and ". ;" not in text, (multi.id, text)


@pytest.mark.parametrize("lang", LANGS)
def test_a_value_after_its_label_is_one_rule_for_the_app_the_sheet_and_the_radars_description(lang):
    """« Namur (ce bilan) : … »: the radar's description wrote French's colon by hand, beside the app's and the
    sheet's catalog texts; all three read maturity.labels' one entry."""
    from maturity.charts import RadarSeries, radar_description
    from maturity.sheet.content import t

    colon = "\u00a0: " if lang == "fr" else ": "
    assert labels.label_value("Votre score", "61", lang) == f"Votre score{colon}61"
    assert tr("label_value", lang, label="A", value="B") == t("label_value", lang, label="A", value="B") == f"A{colon}B"
    described = radar_description([RadarSeries("Wallonie", {"mobility": 50.0})], [("mobility", "Mobilité")], lang)
    assert described.endswith(labels.label_value("Wallonie", "Mobilité 50", lang))


@pytest.mark.parametrize("lang", LANGS)
def test_the_results_table_heads_its_columns_and_says_its_mean_alike_in_the_app_and_every_document(lang):
    """The PDF headed « Sans objet » and « Réponses » the columns the app heads « Ne s'applique pas » and
    « Réponses utiles »; both said « (moyenne de) 6 dimensions notées sur 6 », read as marked out of 6
    (fresh-eyes trial 11). One term per concept: the app's table, the PDF, the DOCX and the Markdown."""
    import io
    import zipfile

    from maturity.app.texts import tr
    from maturity.sheet import build
    from maturity.sheet.content import build_content

    q = load_questionnaire()
    doc = heavy_answers(q)
    assessment = score(q, doc.answers)
    coverage, na = tr("col_coverage", lang), tr("col_na", lang)
    assert [coverage, na] == list(logic.score_table(q, [], assessment, lang)[0])[-2:]  # the app's « Les chiffres »
    assert coverage == {"fr": "Réponses utiles", "de": "Nutzbare Antworten", "en": "Usable answers"}[lang]
    assert na == {"fr": "«\u00a0Ne s'applique pas\u00a0»", "de": "„Trifft nicht zu“", "en": "“Does not apply”"}[lang]
    content = build_content(q, doc, lang, generated=date(2026, 12, 1))
    assert coverage in content.score_headers and na in content.score_headers, content.score_headers
    import pypdf

    pdf = pypdf.PdfReader(io.BytesIO(build(q, doc, lang, "pdf", generated=date(2026, 12, 1))))
    words = pdf.pages[0].extract_text().split()
    assert all(word in words for word in coverage.split()), words  # the PDF's 22 mm broke « Verwertbar|e »
    markdown = build(q, doc, lang, "md", generated=date(2026, 12, 1)).decode()
    assert f"| {coverage} |" in markdown
    with zipfile.ZipFile(io.BytesIO(build(q, doc, lang, "docx", generated=date(2026, 12, 1)))) as z:
        body = z.read("word/document.xml").decode()
    assert coverage in body and na.replace("“", "").replace("”", "")[:8] in body
    every = {"fr": "moyenne des 6 dimensions", "de": "Mittelwert der 6 Dimensionen", "en": "mean of the 6 dimensions"}
    assert content.overall_detail == every[lang] == labels.overall_detail(6, 6, lang)
    assert labels.overall_detail(5, 6, "fr") == "moyenne de 5 dimensions sur 6\u00a0; l'autre a trop peu de réponses"


@pytest.mark.parametrize("lang", LANGS)
def test_a_list_in_a_sentence_ends_with_one_and_for_the_admin_page_the_trends_and_the_sheet(lang):
    """« A, B et C »: the admin page's quoted communes (app.logic), a figure's earlier editions (benchmarks) and
    the sheet's « 6 objectifs et 30 actions » each wrote « et / und / and » in a catalog of their own; they read
    labels.PHRASES' one entry, and no other module spells it again."""
    import ast
    from pathlib import Path

    from maturity.typography import quoted

    word = {"fr": "et", "de": "und", "en": "and"}[lang]
    assert labels.join_and([], lang) == "" and labels.join_and(["A"], lang) == "A"
    assert labels.join_and(["A", "B"], lang) == f"A {word} B"
    assert labels.join_and(["A", "B", "C"], lang) == f"A, B {word} C"
    assert logic.quoted_list(["Namur", "Eupen", "Arlon"], lang) == labels.join_and(
        [quoted(name, lang) for name in ("Namur", "Eupen", "Arlon")], lang)
    editions = benchmarks.trend(benchmarks.load_benchmark_sets(), "progress_self_rated")
    assert len(editions) == 3
    said = [benchmarks.trend_clause([ref], lang) for ref in editions]
    assert benchmarks.trend_clause(editions, lang) == labels.join_and(said, lang)
    spelled = []
    for path in sorted(Path(labels.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Dict) and any(isinstance(k, ast.Constant) and k.value == "fr" for k in node.keys):
                values = {k.value: v.value for k, v in zip(node.keys, node.values, strict=True)
                          if isinstance(k, ast.Constant) and isinstance(v, ast.Constant)}
                if str(values.get("fr", "")).strip() == "et" and str(values.get("de", "")).strip() == "und":
                    spelled.append(f"{path.name}:{node.lineno}")
    assert [place.split(":")[0] for place in spelled] == ["labels.py"], spelled  # PHRASES["and"] alone


@pytest.mark.parametrize("lang", LANGS)
def test_an_answer_reads_the_same_in_the_app_the_recommendations_and_the_sheets_topics(lang):
    """Three functions said an answer in words: the app's (app.logic.value_label), the recommendations' « parce
    que » (recommendations._answer_label) and a team topic's on the sheet (sheet.content._answer_text). They
    differed: options in the order ticked (app, recommendations) or the questionnaire's (sheet); « Aucune » beside
    other options shown by the sheet only; a number « 7.5 » in the recommendations where the others wrote
    « 7,5 ». All three now read labels.answer_words: the questionnaire's order, the options that count, the
    number as the language writes it."""
    q = load_questionnaire()
    multi = q.question("gov_internal_digital")
    decisions, documents = (q.t(multi.option(v).label, lang).rstrip(".") for v in ("decisions", "documents"))
    semicolon = "\u00a0; " if lang == "fr" else "; "
    cases = [
        ("gov_internal_digital", ["documents", "none", "decisions"], f"{decisions}{semicolon}{documents}"),
        ("progress", 7.5, {"fr": "7,5", "de": "7,5", "en": "7.5"}[lang]),
        ("progress", 10, "10"),
        ("gov_internal_digital", UNKNOWN, answer_state_label(UNKNOWN, lang)),
        ("gov_internal_digital", NA, answer_state_label(NA, lang)),
        ("gov_internal_digital", [], answer_state_label(UNANSWERED, lang)),
    ]
    colon = "\u00a0: " if lang == "fr" else ": "
    for qid, value, expected in cases:
        question = q.question(qid)
        assert labels.answer_words(q, question, value, lang) == expected, (qid, value)
        assert logic.value_label(q, question, value, lang) == expected, (qid, value)
        said = describe(q, {"question": qid, "answer": value}, lang)
        assert said.split(" → ", 1)[1].split(colon)[0] == expected, (qid, value, said)
        doc = answers_at_rank(q, 1)
        doc.respondent = {"team": ["CPAS", "DG"]}
        doc.extra["divergent"] = [{"question": qid, "spread": 1.0,
                                   "answers": [{"role": "CPAS", "answer": value}, {"role": "DG", "answer": None}]}]
        topics = build_content(q, doc, lang, generated=date(2026, 12, 1)).topics
        assert topics and topics[0][1].startswith(f"CPAS{colon}{expected} · DG"), (qid, value, topics)
