import csv
import io
from datetime import date

import pypdf
import pytest

from maturity.answers import AnswersFile
from maturity.markdown import escape
from maturity.recommendations import select
from maturity.scoring import score
from maturity.sheet import build, build_content
from maturity.sheet.pst import neutralise

from .sheet_helpers import answers_at_rank, questionnaire

DAY = date(2026, 12, 1)


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


@pytest.fixture(scope="module")
def q():
    return questionnaire()


def test_sheet_shows_the_first_8_selected_in_order(q):
    doc = answers_at_rank(q, 0, obstacle_budget="major", obstacle_cyber="significant")
    expected = select(q, score(q, doc.answers), doc.answers, limit=8)
    assert len(expected) == 8
    content = build_content(q, doc, "fr", generated=DAY)
    assert [p.recommendation_id for p in content.priorities] == [s.recommendation.id for s in expected]
    md = build(q, doc, "fr", "md", generated=DAY).decode()
    positions = [md.index(escape(q.t(s.recommendation.title, "fr"))) for s in expected]
    assert positions == sorted(positions)
    text, _ = pdf_text(build(q, doc, "fr", "pdf", generated=DAY))
    flat = " ".join(text.split())
    for s in expected:
        assert " ".join(q.t(s.recommendation.title, "fr").split()) in flat


@pytest.mark.parametrize(("name", "lang"), [("Écaussinnes", "fr"), ("Fontaine-l'Évêque", "de"), ("Érezée", "en")])
def test_pdf_opens_and_holds_name_levels_and_sources(q, name, lang):
    doc = answers_at_rank(q, 1, name=name, nis=None, obstacle_budget="major")
    data = build(q, doc, lang, "pdf", generated=DAY)
    text, pages = pdf_text(data)
    flat = " ".join(text.split())
    assert name in flat
    for level in q.levels:
        assert q.t(level.label, lang) in flat
    assert q.t(q.title, lang) in flat and q.version in flat  # the questionnaire by its title, not its id
    assert 2 <= pages <= 3
    content = build_content(q, doc, lang, generated=DAY)
    for src in content.sources:  # every benchmark shown has its source (kind, year, n)
        assert src.text.split(" — ")[0] in flat
    # links are clickable
    reader = pypdf.PdfReader(io.BytesIO(data))
    uris = {a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots") or []
            if "/A" in a.get_object()}
    assert {r.url for p in content.priorities for r in p.resources} <= uris


def test_insufficient_answers_are_said_not_zero(q):
    overrides = {f"mobility_q{i}": "unknown" for i in (1, 2, 3)}
    doc = answers_at_rank(q, 2, **overrides)
    md = build(q, doc, "fr", "md", generated=DAY).decode()
    row = next(line for line in md.splitlines() if line.startswith("| Mobilité"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert "réponses insuffisantes" in cells[2] and cells[1] == "—"  # the score, never 0
    text, _ = pdf_text(build(q, doc, "fr", "pdf", generated=DAY))
    assert "réponses insuffisantes" in text


def test_benchmark_figures_carry_kind_year_n(q):
    doc = answers_at_rank(q, 3, obstacle_budget="major")
    content = build_content(q, doc, "fr", generated=DAY)
    budget = next(o for o in content.obstacles if o.obstacle_id == "obstacle_budget")
    if budget.source_ref is None:
        pytest.skip("no published figure for obstacle_budget in data/benchmarks")
    src = content.sources[budget.source_ref - 1]
    assert "chiffre publié" in src.text and "2021" in src.text and "113 communes répondantes sur 262" in src.text
    assert "n = 113" not in src.text
    assert "50 %" in budget.barometer.replace("\u202f", " ").replace("\xa0", " ")


def test_missing_regional_series_is_explained(q):
    content = build_content(q, answers_at_rank(q, 1), "fr", generated=DAY)
    assert content.reference_note
    assert len(content.series) == 1


def test_markdown_escapes_hostile_text(q):
    doc = answers_at_rank(q, 1, name="<script>alert(1)</script> **Gras** [x](javascript:alert(1))", nis=None)
    doc.notes["economy_q1"] = "<img src=x onerror=alert(1)> [clic](javascript:alert(2)) **fort**"
    md = build(q, doc, "fr", "md", generated=DAY).decode()
    assert "<script>" not in md and "<img" not in md
    assert "](javascript:" not in md
    assert "**Gras**" not in md and "**fort**" not in md
    assert "&lt;script&gt;" in md


def test_csv_pst_rows_headers_bom_and_formula_injection(q):
    doc = answers_at_rank(q, 0, obstacle_budget="major")
    data = build(q, doc, "fr", "csv", generated=DAY)
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Objectif stratégique", "Objectif opérationnel", "Action", "Responsable", "Échéance",
                       "Budget", "Statut", "Priorité", "Ressource"]  # the PST's structure (issue 14)
    selected = select(q, score(q, doc.answers), doc.answers)
    assert len(rows) - 1 == sum(len(s.recommendation.actions) for s in selected)
    assert rows[1][1] == q.t(selected[0].recommendation.title, "fr")
    assert rows[1][3:7] == ["", "", "", ""]  # not in a roadmap yet: owner to status left to fill
    de = build(q, doc, "de", "csv", generated=DAY).decode("utf-8-sig")
    assert de.startswith("Strategisches Ziel;Operatives Ziel")
    for bad in ("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx"):
        assert neutralise(bad) == "'" + bad
    assert neutralise("\rx") == "'\nx"  # a carriage return ends a line (typography.typed_text), still marked
    assert neutralise("Budget") == "Budget"


def test_formula_in_a_questionnaire_text_is_neutralised(q):
    hostile = q.model_copy(deep=True)
    rec = hostile.recommendations[0]
    rec.actions = ["=cmd|' /C calc'!A0", "@SUM(1+1)"]
    hostile.__dict__.pop("_scoring_plan", None)
    doc = answers_at_rank(hostile, 0)
    data = build(hostile, doc, "fr", "csv", generated=DAY).decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(data), delimiter=";") for c in row]
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert "'=cmd|' /C calc'!A0" in cells


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_hostile_input_neither_crashes_nor_overflows(q, lang):
    doc = answers_at_rank(q, 1, name="Ville 🏙️ <b>**x**</b> " + "W" * 300, nis=None)
    doc.notes["economy_q1"] = "Note 😀🚀 " + ("très long texte sans fin " * 250)[:4990]
    doc.notes["people_q1"] = "مرحبا بالعالم — שלום עולם — <script>x</script>"
    doc.notes["mobility_q1"] = "\u202eevil override\u202c and \x00 control"
    doc.respondent = {"role": "=1+1"}
    for fmt in ("pdf", "md", "csv"):
        data = build(q, doc, lang, fmt, generated=DAY)
        assert data
    text, pages = pdf_text(build(q, doc, lang, "pdf", generated=DAY))
    assert 2 <= pages <= 4
    assert "Ville" in text
    assert "\u202e" not in text


def test_empty_answers_still_make_a_sheet(q):
    doc = AnswersFile(q.id, q.version)
    text, pages = pdf_text(build(q, doc, "en", "pdf", generated=DAY))
    assert "Commune not given" in text and "not enough answers" in text  # as the app says it
    assert pages >= 1


def test_unknown_format_or_language(q):
    with pytest.raises(ValueError):
        build(q, answers_at_rank(q, 1), "fr", "odt")
    with pytest.raises(ValueError):
        build(q, answers_at_rank(q, 1), "nl", "md")


def test_markdown_stays_readable_for_editing():
    from maturity.markdown import escape

    assert escape("Fiche 12 du PST (2025-2030). Voir le plan !") == "Fiche 12 du PST (2025-2030). Voir le plan !"
    assert escape("- 1. # titre") == "\\- 1. # titre"
    assert escape("12. point") == "12\\. point"
    assert escape("voir https://x.be et www.y.be") == "voir https&NoBreak;://x.be et www&NoBreak;.y.be"


def test_obstacles_only_cited_or_with_a_published_figure(q):
    # budget and expertise have a published figure; data and cyber have none
    doc = answers_at_rank(q, 1, obstacle_budget="unknown", obstacle_expertise="none", obstacle_cyber="na",
                          obstacle_data="major")
    content = build_content(q, doc, "fr", generated=DAY)
    rows = {o.obstacle_id: o.severity for o in content.obstacles}
    assert set(rows) == {"obstacle_budget", "obstacle_expertise"}  # with a figure, whatever the answer
    assert rows["obstacle_budget"] == "Je ne sais pas"  # as the option reads in the app
    # cited without a figure: one sentence under the table, with the commune's answer; not cited and
    # without a figure (cyber, answered "na"): left out
    assert "Données" in content.also_cited and "(3/3)" in content.also_cited
    cyber = q.question("obstacle_cyber")
    assert q.t(cyber.short or cyber.text, "fr") not in content.also_cited
    doc.answers.pop("obstacle_data")
    assert build_content(q, doc, "fr", generated=DAY).also_cited == ""


def test_a_shortened_pdf_keeps_the_barometer_comparison_and_its_sources(default_questionnaire):
    q = default_questionnaire
    content = build_content(q, answers_at_rank(q, 1), "fr", generated=DAY)
    assert content.comparisons  # the default questionnaire's profile answers give sentences
    short = content.with_limit(6, notes=0)
    assert short.comparisons == content.comparisons and short.sources == content.sources
    assert short.summary == content.summary and short.next_steps == content.next_steps
    assert len(short.priorities) == 6


def test_a_german_speaking_communes_official_name_follows_the_sheets_language():
    from maturity.questionnaire import load_questionnaire
    from maturity.sheet.content import commune_name

    doc = AnswersFile.new(load_questionnaire(), "63012")
    doc.commune["name"] = "Bullange"  # as the app stores it
    assert commune_name(doc, "de") == "Büllingen" and commune_name(doc, "fr") == "Bullange"
    doc.commune["name"] = "Gemeinde Büllingen (Team Digital)"  # a name the commune wrote itself stays
    assert commune_name(doc, "de") == "Gemeinde Büllingen (Team Digital)"


def test_a_priority_lifting_an_obstacle_names_it_as_the_obstacles_table_does(default_questionnaire):
    """The fresh-eyes trial (Durbuy): under « Aller chercher l'expertise qui manque » the sheet read « Frein : Le
    manque d'expertise ou de compétences freine-t-il vos projets ? », the whole question, where the obstacles
    table above it says « Expertise »; a PST objective without its own text read « Lever le frein « Le … ? » »."""
    from maturity.sheet.content import t

    q = default_questionnaire
    doc = answers_at_rank(q, 1, name="Durbuy", nis="83012", expertise="significant", staff_time="major",
                          budget="major")
    by_id = {r.id: r for r in q.recommendations}
    for lang in ("fr", "de", "en"):
        content = build_content(q, doc, lang, generated=DAY)
        lifting = [p for p in content.priorities if by_id[p.recommendation_id].obstacle]
        assert {p.recommendation_id for p in lifting} >= {"obstacle_expertise"}, lang
        for p in lifting:
            question = q.question(by_id[p.recommendation_id].obstacle)
            assert p.target_label == q.t(question.short, lang), (lang, p.target)
            assert p.target == t("lifts_obstacle", lang, label=q.t(question.short, lang))
            assert q.t(question.text, lang) not in p.target
        said = " ".join(o.label for o in content.obstacles) + content.also_cited
        assert [p.target_label for p in lifting if p.target_label not in said] == [], lang


def test_the_obstacles_cited_without_a_figure_are_separated_as_french_writes_it(default_questionnaire):
    """The fresh-eyes trial (Durbuy): « Frein majeur (3/3) : Temps et personnel; Frein important (2/3) : Données »
    on the PDF and in the DOCX, the semicolon glued to its word where French puts a space before it (as before the
    colon, a few words earlier in the same sentence)."""
    import re

    q = default_questionnaire
    doc = answers_at_rank(q, 1, name="Durbuy", nis="83012", staff_time="major", data="significant",
                          legal="significant")
    fr = build_content(q, doc, "fr", generated=DAY).also_cited
    assert fr.count(";") == 1 and re.search(r"[^\s\u00a0];", fr) is None, fr
    assert re.search(r"[\s\u00a0]:", fr) and "Temps et personnel" in fr, fr
    en = build_content(q, doc, "en", generated=DAY).also_cited
    assert en.count("; ") == 1 and " ;" not in en, en
    text, _ = pdf_text(build(q, doc, "fr", "pdf", generated=DAY))
    flat = " ".join(text.split())
    assert "personnel;" not in flat and re.search(r"personnel[\s\u00a0]; Frein important", flat), flat


def test_the_french_sheet_keeps_its_punctuation_on_the_line_of_its_word_in_every_format():
    """The sheet's own French texts (its catalog, its « label : value », the barometer's « base : » and « ; ») gave
    the Markdown and the DOCX a plain space before : ; ? ! (the PDF made it a no-break one at layout): shown in a
    browser, the .md put a lone « : » or « ; » at the start of a line (24 places in chromium, 180 to 700 px).
    Every format now has the no-break space, from the one rule (typography.french_spaces)."""
    import re

    from docx import Document

    from maturity.questionnaire import load_questionnaire

    from .sheet_helpers import heavy_answers

    full = load_questionnaire()
    doc = heavy_answers(full)
    plain = re.compile(r"(?<=[^\s|]) [:;?!]")  # not a table's alignment row (« | :-- | »)
    markdown = build(full, doc, "fr", "md").decode()
    assert not [line for line in markdown.splitlines() if plain.search(line)], markdown
    docx = Document(io.BytesIO(build(full, doc, "fr", "docx")))
    texts = [p.text for p in docx.paragraphs] + [cell.text for table in docx.tables for row in table.rows
                                                 for cell in row.cells]
    assert not [text for text in texts if plain.search(text)]
    assert "\u00a0:" in markdown and any("\u00a0:" in text for text in texts)
    # German and English put no space there: left alone
    assert " :" not in build(full, doc, "de", "md").decode().replace("| :", "")


def test_the_method_names_the_columns_and_answers_as_the_sheet_shows_them():
    """The editable sheet's method said the share of « Antworten » (« Réponses », “Answered”) while the scores table
    beside it heads that column « Nutzbare Antworten » (« Réponses utiles », “Usable answers”), and its English
    “insufficient answers” where the table says “not enough answers” (fresh-eyes trial in German, Eupen)."""
    from maturity.labels import ANSWER_STATES, RESULTS_WORDS, SCORE_STATES
    from maturity.sheet.content import t

    for lang in ("fr", "de", "en"):
        method = t("method", lang, min="50\u00a0%")
        for words in (RESULTS_WORDS["coverage"], SCORE_STATES["insufficient"], ANSWER_STATES["na"],
                      ANSWER_STATES["unknown"]):
            assert words[lang] in method, (lang, words[lang])


def test_the_sheet_names_the_commune_of_the_code_when_the_file_names_another(q):
    """The code decides which commune the answers are (contract §2; reading warns `name_not_code`): a file saying
    « Fontaine-l'Évêque » with Ham-sur-Heure-Nalinnes' code got a sheet for Fontaine-l'Évêque with
    Ham-sur-Heure-Nalinnes' figures. The file's own wording of its commune's name is kept."""
    from maturity.sheet.content import commune_name

    assert commune_name(answers_at_rank(q, 1, name="Fontaine-l'Évêque", nis="56086"), "fr") == "Ham-sur-Heure-Nalinnes"
    assert commune_name(answers_at_rank(q, 1, name="Ville de Namur", nis="92094"), "fr") == "Ville de Namur"
    assert commune_name(answers_at_rank(q, 1, name="Bullange", nis="63012"), "de") == "Büllingen"
    assert commune_name(answers_at_rank(q, 1, name="Mon village", nis=None), "fr") == "Mon village"


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_footer_names_the_questionnaire_by_its_title_in_every_format(default_questionnaire, lang):
    """The footer said « Questionnaire smart-city-wallonie, version 2027.1 »: a Collège member read an identifier. It
    names the questionnaire by its title in the sheet's language, its version in words; on the PDF's line, too long
    for Ottignies-Louvain-la-Neuve in French and German, the title loses its last words, never the version."""
    from docx import Document

    q = default_questionnaire
    title = q.t(q.title, lang)
    said = {"fr": f"Questionnaire «\u00a0{title}\u00a0», version 2027.1",
            "de": f"Fragebogen „{title}“, Version 2027.1", "en": f"Questionnaire “{title}”, version 2027.1"}[lang]
    doc = answers_at_rank(q, 1, name="Ottignies-Louvain-la-Neuve", nis="25121")
    markdown = build(q, doc, lang, "md", generated=date(2026, 12, 1)).decode()
    assert markdown.rstrip().endswith(f"*{said}*") and "smart-city-wallonie" not in markdown
    pdf = pypdf.PdfReader(io.BytesIO(build(q, doc, lang, "pdf", generated=date(2026, 12, 1))))
    for page in pdf.pages:
        line = page.extract_text().splitlines()[-1]
        words = said.split(title.split()[0])[0]  # « Questionnaire « » before the title
        assert line.startswith(f"Ottignies-Louvain-la-Neuve · {words}{title.split()[0]}"), line
        assert " ".join(said.split(", ")[-1:]) in line and "smart-city-wallonie" not in line, line  # the version
    document = Document(io.BytesIO(build(q, doc, lang, "docx", generated=date(2026, 12, 1))))
    assert document.sections[0].footer.paragraphs[0].text == f"Ottignies-Louvain-la-Neuve · {said}"
    assert said in [p.text for p in document.paragraphs]  # after the sources
