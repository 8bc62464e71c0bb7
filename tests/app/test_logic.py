"""The app's builders as plain functions (AppTest cannot read download bytes)."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from conftest import MINI

from maturity.answers import AnswersFile, parse_answers_json
from maturity.app import logic
from maturity.errors import InvalidInput
from maturity.questionnaire import load_questionnaire
from maturity.scoring import score
from maturity.typography import quoted

NBSP = "\u00a0"  # before a per cent sign in French and German


@pytest.fixture(scope="module")
def q():
    return load_questionnaire(MINI)


def test_csv_safe_neutralises_formulas():
    for bad in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "=HYPERLINK(\"http://x\")"):
        assert logic.csv_safe(bad).startswith("'")
    assert logic.csv_safe("Namur") == "Namur"
    assert logic.csv_safe(12) == 12


def test_scores_csv_has_one_row_per_dimension_and_neutralised_text(q):
    assessment = score(q, {"a1": "full", "a2": "yes", "a3": ["x"], "b1": "o2", "b2": "o1"})
    data = logic.scores_csv(q, assessment, "fr", commune="=cmd|' /C calc'!A0")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 1 + len(q.dimensions) + 1
    assert all(r[0].startswith("'=") for r in rows[1:])
    assert rows[1][1] == "alpha" and rows[1][3] != ""


def test_answers_json_round_trips(q):
    doc = AnswersFile.new(q, "92094")
    doc.answers = {"a3": ["z", "x"], "a1": "na"}
    doc.notes = {"a1": "<script>alert(1)</script>"}
    again = parse_answers_json(logic.answers_json_bytes(doc))
    assert again.answers == doc.answers and again.notes == doc.notes


def test_read_upload_refuses_huge_broken_and_foreign_files(q):
    with pytest.raises(InvalidInput, match="too large"):
        logic.read_upload(b" " * (1024 * 1024 + 1), "big.json", q, None)
    with pytest.raises(InvalidInput, match="not valid JSON"):
        logic.read_upload(b"[1,", "b.json", q, None)
    with pytest.raises(InvalidInput, match="unknown question id"):
        logic.read_upload(json.dumps({"questionnaire": {"id": "mini", "version": "1.0"},
                                      "answers": {"zz": 1}}).encode(), "u.json", q, None)
    doc, warnings = logic.read_upload(json.dumps({"questionnaire": {"id": "mini", "version": "0.9"},
                                                  "answers": {"a1": "full", "gone": 1}}).encode(), "v.json", q, None)
    assert doc.answers == {"a1": "full"} and warnings


def test_read_upload_names_every_problem_in_the_users_language(q):
    raw = json.dumps({"questionnaire": {"id": "mini", "version": "1.0"}, "commune": {"nis_code": "63023"},
                      "answers": {"a1": "maybe"}}).encode()
    with pytest.raises(InvalidInput) as info:
        logic.read_upload(raw, "eupen.json", q, "92094", "fr")
    paths = [p.path for p in info.value.problems]
    assert paths == ["commune.nis_code", "answers.a1"]
    assert "le fichier concerne Eupen" in info.value.problems[0].message
    assert info.value.lead.startswith("Des réponses du fichier ne correspondent pas")  # in plain words
    # a NIS code of no commune does not hide the answers' problems
    raw = json.dumps({"questionnaire": {"id": "mini", "version": "1.0"}, "commune": {"nis_code": "99999"},
                      "answers": {"a1": "maybe"}}).encode()
    with pytest.raises(InvalidInput) as info:
        logic.read_upload(raw, "x.json", q, "92094", "fr")
    assert [p.path for p in info.value.problems] == ["commune.nis_code", "answers.a1"]
    with pytest.raises(InvalidInput, match="fichier trop volumineux"):
        logic.read_upload(b" " * (1024 * 1024 + 1), "big.json", q, None, "fr")


def test_a_refused_upload_says_first_what_it_means_in_the_users_language(q):
    """The core's problems name the place in the command line's English ("not valid JSON: Expecting
    property name…", "questionnaire: missing: {…}"): an échevin reads first, in their language, what the
    file is not and which file to load (``lead``); the details follow, unchanged."""
    cases = [(b'{"questionnaire": {', "Ce fichier n'est pas un fichier de réponses de cet outil", "not valid JSON"),
             ("\u00ff\u00fe".encode("latin-1"), "Ce fichier n'est pas un fichier de réponses", "not UTF-8"),
             (json.dumps({"name": "my-package", "version": "1.0.0"}).encode(),
              "Ce fichier n'est pas un fichier de réponses", "questionnaire"),
             (json.dumps({"questionnaire": {"id": "autre", "version": "1"}, "answers": {}}).encode(),
              "Ce fichier ne répond pas au questionnaire «\u00a0Mini\u00a0»", "'autre'"),
             (json.dumps({"questionnaire": {"id": "mini", "version": "1.0"}, "answers": {"zz": 1}}).encode(),
              "Des réponses du fichier ne correspondent pas", "unknown question id")]
    for raw, lead, detail in cases:
        with pytest.raises(logic.UploadRefused) as info:
            logic.read_upload(raw, "f.json", q, None, "fr")
        assert info.value.lead.startswith(lead), (raw, info.value.lead)
        assert any(detail in str(p) for p in info.value.problems), (raw, info.value.problems)
    with pytest.raises(logic.UploadRefused) as info:
        logic.read_upload(b"[1,", "f.json", q, None, "de")
    assert info.value.lead.startswith("Diese Datei ist keine Antwortdatei dieses Werkzeugs")
    with pytest.raises(logic.UploadRefused) as info:  # a message already in the user's words: no lead
        logic.read_upload(b" " * (1024 * 1024 + 1), "big.json", q, None, "fr")
    assert info.value.lead is None and "fichier trop volumineux" in str(info.value)


def test_merge_multi():
    assert logic.merge_multi(None, ["x"]) == ["x"]
    assert logic.merge_multi(["x"], ["x", "unknown"]) == "unknown"
    assert logic.merge_multi("unknown", ["unknown", "y"]) == ["y"]
    assert logic.merge_multi(["x"], []) is None
    assert logic.merge_multi([], ["x", "y", "unknown", "na"]) == ["x", "y"]  # several at once: the options


def test_progress_counts_conscious_answers(q):
    prog = logic.progress(q, {"a1": "unknown", "a2": "no", "approach": "none"})
    assert prog.of("alpha").answered == 2 and prog.of("alpha").total == 3
    assert prog.of("profile").total == 1  # "who" is hidden when approach = none


def test_the_resume_link_goes_on_to_the_next_unfinished_part_when_the_last_one_opened_is_complete(q):
    """A holder who finished part 1 and left was brought back to part 1, fully answered, and had to scroll to
    « Partie suivante » (fresh-eyes trial 8): a complete part is not where they stopped."""
    alpha_done = {"a1": "full", "a2": "no", "a3": ["x"]}
    assert logic.resume_step(q, {"a1": "full"}, "alpha") == 0  # unfinished: stays where they were
    assert logic.resume_step(q, alpha_done, "alpha") == 1  # complete: the next part, « beta »
    beta_done = {"b1": "o1", "b2": "o1", "b_count": 3}
    assert logic.resume_step(q, {**alpha_done, **beta_done}, "alpha") == 2  # beta complete too: skipped
    # the parts after it complete, one before it not: back to that one
    rest = {"budget": "minor", "approach": "none"}
    assert logic.resume_step(q, {**beta_done, **rest}, "profile") == 0
    # everything answered: the last part, with « Voir les résultats »
    assert logic.resume_step(q, {**alpha_done, **beta_done, **rest}, "alpha") == len(q.sections) - 1
    # no part remembered: the first unfinished one, as before
    assert logic.resume_step(q, alpha_done, None) == 1


def test_progress_knows_while_a_hidden_question_may_still_appear(q):
    assert logic.progress(q, {}).of("alpha").may_grow  # a4 waits for a2
    assert not logic.progress(q, {"a2": "no"}).may_grow  # a2 answered: a4 stays hidden
    assert not logic.progress(q, {"a2": "yes"}).may_grow  # a4 shown: counted
    assert not logic.progress(q, {"a2": "no"}).of("profile").may_grow  # « who » is shown until approach = none
    assert logic.progress_text("fr", 0, 9, True) == "0 question répondue sur 9 (d'autres questions peuvent " \
        "s'ajouter selon vos réponses)"
    assert logic.progress_text("en", 3, 9, False) == "3 of 9 questions answered"


def test_token_from_pasted_link():
    tok = "A" * 43
    assert logic.token_from_input(f"https://x.be/questionnaire?t={tok}&s=2") == tok
    assert logic.token_from_input(tok) == tok
    assert logic.token_from_input("<script>") is None


def test_sheet_builds_with_the_same_series_as_the_radar(q):
    from maturity import sheet

    doc = AnswersFile.new(q, "92094")
    doc.answers = {"a1": "full", "a2": "yes", "b1": "o1", "b2": "o2", "budget": "major"}
    assessment = score(q, doc.answers)
    series = [logic.commune_series(q, assessment, "Namur", "fr")]
    kwargs = logic.sheet_kwargs(q, series, None, "fr")
    pdf = sheet.build(q, doc, "fr", "pdf", assessment=assessment, **kwargs)
    assert pdf.startswith(b"%PDF")
    md = sheet.build(q, doc, "fr", "md", assessment=assessment, **kwargs).decode()
    assert "Namur" in md


def test_this_assessment_says_its_year_under_the_table(q):
    """The legend under the results table said "Année : —" for "Votre score" (seen on a phone)."""
    import datetime as dt

    series = logic.commune_series(q, score(q, {"a1": "full"}), "Ciney", "fr")
    [row] = logic.series_rows([series], "fr")
    assert row["Année"] == str(dt.date.today().year)


def test_pooled_series_only_for_groups_of_five(q):
    rows = [{"nis_code": nis, "alpha": 50.0, "beta": 60.0} for nis in ("92094", "92003", "92006", "92035")]
    series, note = logic.pooled_series(q, rows, "92094", "fr")
    assert series == [] and note
    rows.append({"nis_code": "92045", "alpha": 70.0, "beta": 60.0})
    series, note = logic.pooled_series(q, rows, "92094", "fr")
    regional = [s for s in series if s.kind == "pooled"]
    assert regional and regional[0].n == 5 and abs(regional[0].scores["alpha"] - 54.0) < 1e-9
    assert "n = 5" in regional[0].name and "non vérifiées" in regional[0].name
    assert note and "non vérifié" in note  # the open pool is labelled unverified: no campaign is imported


def test_change_rows_say_what_changed_since_the_previous_assessment(q):
    from types import SimpleNamespace

    before = {"a1": "none", "a2": "no", "a3": [], "b1": "o1", "b2": "o1"}
    now = {"a1": "full", "a2": "yes", "a3": ["z"], "a4": "yes", "b1": "o1", "b2": "o1"}
    previous = SimpleNamespace(
        document={"questionnaire": {"id": q.id, "version": q.version}, "answers": before},
        assessment=score(q, before).to_json(), submitted_at="2025-06-01T10:00:00+02:00")
    doc = AnswersFile(q.id, q.version, answers=now)
    rows, changed, same_version = logic.change_rows(q, previous, doc, score(q, now), "fr")
    assert changed == 4 and same_version
    alpha = rows[0]
    assert list(alpha.values()) == ["Alpha", "0 (Bas)", "90 (Haut)", "+90"]
    assert list(rows[1].values())[-1] == "±0"  # as in the sheet


def test_barometer_rows_say_how_a_figure_was_published_and_when_n_is_unknown():
    from maturity.benchmarks import load_benchmark_sets

    rows = logic.barometer_rows(load_benchmark_sets(), "fr")
    approach = next(r for r in rows if r["Indicateur"].startswith("Communes ayant entamé"))
    assert approach["n (communes)"] == "113 communes répondantes sur 262"  # what 113 counts, not a bare n
    assert "6 communes wallonnes sur 10" in approach["À savoir"]
    earlier = next(r for r in rows if r["Indicateur"].startswith("Communes ayant entamé") and r["Année"] == "2020")
    assert earlier["n (communes)"] == "140 communes répondantes sur 262"
    strategy = next(r for r in rows if r["Indicateur"].startswith("Démarches formalisées") and r["Année"] == "2021")
    assert strategy["n (communes)"] == "effectif non publié (base\u00a0: communes engagées dans une démarche)"


def test_why_this_score_points_add_up_to_the_score_shown(q):
    answers = {"a1": "some", "a2": "no", "a3": ["x"]}  # 6.25 + 0 + 6.25 = 12.5, shown 13
    assessment = score(q, answers)
    assert assessment.dimensions["alpha"].score == 12.5
    rows = logic.contribution_rows(q, assessment, "alpha", answers, "fr")
    points = [r["Points apportés"] for r in rows]
    assert points[-1] == "13" and rows[-1]["Question"].startswith("Total")
    assert sum(int(p) for p in points[:-1] if p != "—") == 13  # 7 + 0 + 6, not 6 + 0 + 6
    assert logic.score_table(q, [logic.commune_series(q, assessment, "Namur", "fr")], assessment, "fr")[0][
        "Votre score"] == "13"


def test_the_results_table_has_short_headers_each_said_in_full_below_it(q):
    """Issue 15: a phone's narrow columns hold the series' headers as short words ("Provinz", not
    "Provinz Lüttich — gemeldete, nicht überprüfte Selbstbewertungen (n = 8)"); the table under it says
    what each header stands for, with the full name, kind, source, year and n."""
    assessment = score(q, {"a1": "some"})
    commune = logic.commune_series(q, assessment, "Büllingen (Bullange)", "de")
    pooled = [logic.SeriesInfo(name=f"{name} — gemeldete, nicht überprüfte Selbstbewertungen (n = 8)", scores={"alpha": 40.0},
                               kind=kind, kind_label="gemeldete, nicht überprüfte Selbstbewertungen", source="Pool",
                               year="2026", n=8, short=logic.group_short(group, "de"))
              for name, kind, group in (("Wallonie", "pooled", "wallonia"), ("Provinz Lüttich", "peer", "province:60000"),
                                        ("Gemeinden mit 5.000 bis 9.999 Einwohnern", "peer", "population_class:5k"))]
    series = [commune, *pooled]
    row = logic.score_table(q, series, assessment, "de")[0]
    assert list(row)[1:5] == ["Ihr Wert", "Wallonie", "Provinz", "Gleiche Größe"], list(row)
    assert row["Provinz"] == "40"
    legend = logic.series_rows(series, "de")
    assert [(r["Spalte"], r["Reihe"]) for r in legend] == [(s.column, s.name) for s in series]
    assert legend[2]["Reihe"].startswith("Provinz Lüttich — ") and legend[2]["n (Gemeinden)"] == "8"
    # two series with one short header (two campaigns' provinces, say): each keeps its full name
    twin = logic.SeriesInfo(name="Provinz Luxemburg (n = 5)", scores={}, kind="peer", kind_label="", source="",
                            year="", n=5, short="Provinz")
    assert logic.column_labels([commune, pooled[1], twin]) == ["Ihr Wert", pooled[1].name, twin.name]


def test_the_studys_long_parenthesis_is_said_once_per_group(q):
    from maturity.benchmarks import comparisons, load_benchmark_sets
    from maturity.questionnaire import load_questionnaire

    real = load_questionnaire()
    sets = list(load_benchmark_sets())
    answers = {"budget": "major", "expertise": "major", "approach_started": "no"}
    found = comparisons(real, answers, score(real, answers), sets, "de")
    groups = logic.comparison_groups(found, "de")
    assert groups and sum(len(texts) for _cite, texts in groups) == len(found)
    for cite, texts in groups:
        assert "Barometer 2021" in cite
        assert not [t for t in texts if cite in t or "veröffentlichte Zahl" in t]
    rows = logic.obstacle_rows(real, score(real, answers), answers, "de", sets, cite=False)
    column = "Antwortende Gemeinden, die es nennen (Barometer 2021)"
    assert not [r for r in rows if "veröffentlichte Zahl, " in r[column]]
    # a rank says what it counts, and never opens a numbered list
    assert any(r[column].startswith("3\\. meistgenanntes Hemmnis (kein Prozentsatz veröffentlicht) — ") for r in rows)
    fr = logic.obstacle_rows(real, score(real, answers), answers, "fr", sets, cite=False)
    shown = {r["Frein"]: r["Communes répondantes qui le citent (baromètre 2021)"] for r in fr}
    assert any(v.startswith("3ᵉ frein le plus cité (pas de pourcentage publié) — ") for v in shown.values())
    assert any(v.startswith("50 % — ") or v.startswith("50\u00a0% — ") for v in shown.values())
    note = logic.citation_note(logic.obstacle_cites(real, sets, "de"), "de")
    assert note.startswith("Quelle dieser Zahlen: Wallonisches Smart-City-Barometer 2021") and note.count("2021,") == 1


def test_a_french_source_note_keeps_each_semicolon_on_the_line_of_its_study():
    """The note under a list of figures and a group's source join their studies by « ; »: French writes a
    no-break space before it (maturity.typography.semicolons), where a plain one let chromium start a line
    with the lone « ; »."""
    assert logic.citation_note(["Baromètre 2021", "Campagne 2026", "Baromètre 2021"], "fr") == (
        f"Source de ces chiffres{NBSP}: Baromètre 2021{NBSP}; Campagne 2026.")
    assert logic.citation_note(["Barometer 2021", "Kampagne 2026"], "de") == (
        "Quelle dieser Zahlen: Barometer 2021; Kampagne 2026.")


def test_an_obstacle_ranked_third_is_never_called_the_main_one():
    """"3ᵉ frein le plus cité (pas de pourcentage publié) — Frein principal : les technologies": the
    barometer's slide lists its main obstacles, and the third of them read as "the main obstacle"."""
    from maturity.benchmarks import load_benchmark_sets
    from maturity.questionnaire import load_questionnaire

    real = load_questionnaire()
    sets = list(load_benchmark_sets())
    answers = {"budget": "major", "expertise": "major", "technology": "minor"}
    for lang, main in (("fr", "Frein principal"), ("de", "Haupthemmnis:"), ("en", "Main obstacle")):
        cells = [list(r.values())[-1] for r in logic.obstacle_rows(real, score(real, answers), answers, lang, sets,
                                                                    cite=False)]
        assert any(" — " in c for c in cells), cells
        assert not [c for c in cells if main in c], (lang, cells)


def test_the_obstacles_table_names_each_obstacle_by_its_short_name():
    """The fresh-eyes trial (Durbuy): the results page's obstacles table, column « Frein », listed each obstacle
    by its whole question (« Le manque de budget freine-t-il vos projets Smart City ? »), five lines in a
    phone's narrow column, where the sheet's table says « Budget »."""
    from maturity.benchmarks import load_benchmark_sets
    from maturity.questionnaire import load_questionnaire

    real = load_questionnaire()
    answers = {"budget": "major", "expertise": "significant", "staff_time": "major"}
    for lang in ("fr", "de", "en"):
        rows = logic.obstacle_rows(real, score(real, answers), answers, lang, list(load_benchmark_sets()), cite=False)
        names = [next(iter(r.values())) for r in rows]
        assert names == [real.t(o.short, lang) for o in real.obstacles], (lang, names)
        assert not [n for n in names if "?" in n], names
    assert names[:2] == ["Budget", "Expertise"]


def test_why_this_score_says_its_points_are_rounded_to_add_up():
    """The fresh-eyes trial (Durbuy): « Pourquoi ce score ? (Gouvernance) » showed two rows « 0,25 · poids 1 »,
    one bringing 3 points and the other 2, with no word on why (whole points that add up to the score)."""
    from maturity.app.texts import tr
    from maturity.questionnaire import load_questionnaire

    real = load_questionnaire()
    answers = {"gov_strategy": "discussed", "gov_steering": "referent", "gov_internal_digital": ["decisions", "mail"],
               "gov_data": "scattered", "gov_security_privacy": "dpo", "gov_participation": "occasional",
               "gov_transparency": ["agenda", "decisions"], "gov_evaluation": "activities",
               "gov_shared": ["imio", "supra_communal"]}
    rows = logic.contribution_rows(real, score(real, answers), "governance", answers, "fr")
    quarter = [r["Points apportés"] for r in rows if r["Valeur (0 à 1)"] == "0,25" and r["Poids"] == "1"]
    assert sorted(set(quarter)) == ["2", "3"], quarter  # equal shares, unequal whole points
    assert rows[-1]["Points apportés"] == "30"
    said = {lang: tr("why_help", lang) for lang in ("fr", "de", "en")}
    assert "arrondis" in said["fr"] and "gerundet" in said["de"] and "rounded" in said["en"], said


def test_barometer_sources_are_named_in_the_pages_language():
    from maturity.benchmarks import load_benchmark_sets

    rows = logic.barometer_rows(load_benchmark_sets(), "de")
    sources = {r["Quelle"] for r in rows}
    assert "Smart City Institute – Präsentationsfolien des Barometers 2021" in sources
    assert not [s for s in sources if "presentation slides" in s or "gives the" in s]


def test_the_tables_say_how_many_questions_do_not_apply(q):
    """Issue 10 §2: next to the coverage, how many questions were answered "na"."""
    assessment = score(q, {"a1": "na", "a2": "yes", "a3": "na", "b1": "o2", "b2": "o1"})
    row = logic.score_table(q, [logic.commune_series(q, assessment, "Namur", "fr")], assessment, "fr")[0]
    assert row["«\u00a0Ne s'applique pas\u00a0»"] == "2"
    rows = list(csv.reader(io.StringIO(logic.scores_csv(q, assessment, "de").decode("utf-8-sig")), delimiter=";"))
    assert rows[0][-1] == "„Trifft nicht zu“" and rows[1][-1] == "2" and rows[2][-1] == "0"


def test_barometer_sentences_say_the_earlier_editions_where_published():
    from maturity.benchmarks import comparisons, load_benchmark_sets
    from maturity.questionnaire import load_questionnaire

    real = load_questionnaire()
    sets = list(load_benchmark_sets())
    answers = {"approach_started": "no", "budget": "major"}
    found = comparisons(real, answers, score(real, answers), sets, "fr")
    with_trend = [c for c in found if c.earlier]
    assert with_trend, "the barometer published earlier editions of some figures"
    texts = [t for _cite, group in logic.comparison_groups(found, "fr") for t in group]
    budget = next(t for t in texts if "budget" in t)
    assert budget.endswith(f"comme 50{NBSP}% des communes répondantes{NBSP}; 50{NBSP}% en 2018.")  # the core's wording
    assert sum(" en 2018" in t or " en 2020" in t for t in texts) == len(with_trend)


def test_downloaded_files_are_named_in_the_page_language():
    assert logic.download_name("answers", "de", "Bütgenbach") == "smart-city-butgenbach-antworten.json"
    assert logic.download_name("answers", "de", "Bütgenbach (Butgenbach)") == "smart-city-butgenbach-antworten.json"
    assert logic.download_name("answers", "en", "Namur") == "smart-city-namur-answers.json"
    assert logic.download_name("answers", "fr", "Namur") == "smart-city-namur-reponses.json"
    assert logic.download_name("pdf", "de", "Sankt Vith") == "smart-city-sankt-vith-blatt.pdf"
    assert logic.download_name("docx", "fr", "Écaussinnes") == "smart-city-ecaussinnes-fiche.docx"
    assert logic.download_name("pst", "de", "Eupen") == "smart-city-eupen-massnahmen-pst.csv"
    assert logic.download_name("scores", "de", "Eupen") == "smart-city-eupen-werte.csv"
    assert logic.download_name("everything", "en", "Eupen") == "smart-city-eupen-stored-data.json"
    assert logic.download_name("pool", "fr") == "smart-city-pot-commun-moyennes.csv"
    for lang in ("fr", "de", "en"):  # plain ASCII names every system keeps as they are
        for kind in logic.FILE_KINDS:
            name = logic.download_name(kind, lang, "Liège « <x> »/..")
            assert name.isascii() and "/" not in name and " " not in name, name


def test_option_of_maps_labels_back_and_refuses_the_rest():
    labels = {"a": "Un", "b": "Deux"}.get
    german = {"a": "Eins", "b": "Zwei"}.get
    assert logic.option_of("a", ["a", "b"]) == "a"
    assert logic.option_of("Zwei", ["a", "b"], (labels, german)) == "b"
    assert logic.option_of("Trois", ["a", "b"], (labels, german)) is None
    assert logic.option_of(None, ["a", "b"], (labels,)) is None
    assert logic.option_of(["a"], ["a", "b"], (labels,)) is None


def test_step_of_choice_reads_the_part_from_a_stale_label():
    assert logic.step_of_choice(2, 5) == 2
    assert logic.step_of_choice("3. Smart Mobility (4/7)", 5) == 2
    assert logic.step_of_choice("9. Nope (0/1)", 5) is None
    assert logic.step_of_choice(7, 5) is None
    assert logic.step_of_choice(True, 5) is None
    assert logic.step_of_choice("Partie", 5) is None


def test_a_column_every_row_shares_is_said_once_and_a_differing_one_stays():
    rows = [{"Groupe": "Wallonie", "n": "12", "Source": "mises en commun, état au 3 mars"},
            {"Groupe": "Province de Namur", "n": "5", "Source": "mises en commun, état au 3 mars"}]
    kept, shared = logic.shared_column(rows, "Source")
    assert shared == "mises en commun, état au 3 mars"
    assert kept == [{"Groupe": "Wallonie", "n": "12"}, {"Groupe": "Province de Namur", "n": "5"}]
    rows[1]["Source"] = "mises en commun, état au 9 avril"
    assert logic.shared_column(rows, "Source") == (rows, None)
    assert logic.shared_column(rows[:1], "Source") == (rows[:1], None)  # one row: the table says it


def test_an_obstacle_shows_the_campaigns_share_with_its_interval(q):
    """With an imported campaign, each obstacle the campaign publishes says the share of communes citing it,
    "48 % (38–59 %)"; one it does not publish (fewer than 5 answers) says so."""

    from maturity.benchmarks import load_benchmark_sets
    from maturity.display import format_estimate
    from maturity.questionnaire import load_questionnaire
    from maturity.scoring import score

    real = load_questionnaire()
    report, ref = _campaign_reference(real)
    rows = logic.obstacle_rows(real, score(real, {}), {}, "fr", load_benchmark_sets(), cite=False, campaign=ref)
    column = f"Communes qui le citent (campagne {ref.set.year})"
    published = {item_id: e for item_id, e in report["items"].items() if not e.get("suppressed")
                 and e.get("question") in {o.id for o in real.obstacles}}
    assert published, "the synthetic campaign publishes at least one obstacle"
    for question, row in zip(real.obstacles, rows, strict=True):
        entry = next((e for e in published.values() if e["question"] == question.id), None)
        want = "pas de chiffre publié" if entry is None else logic.whole_range(format_estimate(
            entry["estimate"], (entry["ci_low"], entry["ci_high"]), "fr", percent=True))
        assert row[column] == want, (question.id, row)
    assert any("(" in row[column] for row in rows)


def test_a_tables_interval_is_kept_whole_and_the_wallonie_note_says_why_a_census_has_none():
    """A narrow column broke "50 (41–60)" after its dash; a group where every commune answered reads "51"
    and the note under the Wallonie table says why there are no brackets then."""
    assert logic.whole_range("50 (41–60)") == "50 (41\u2060–\u206060)" and logic.whole_range("51") == "51"
    assert "sans parenthèses quand toutes les communes du groupe ont répondu" in logic.tr("wal_campaign_note", "fr")


def test_the_wallonie_pages_n_says_its_range_over_the_dimensions():
    """The Wallonie page said « 6 sur 261 » (the smallest n of the dimensions) where the radar's line said
    n = 14 (the campaign's respondents): a dimension counts only the respondents it could score, and the
    row now says « 6 à 14 sur 261 »; a group whose dimensions share their n keeps one number."""
    import tempfile
    from pathlib import Path

    from maturity import aggregates, publish
    from maturity.questionnaire import load_questionnaire
    from tests.unit.test_publish import _report

    real = load_questionnaire()
    report = _report(real, {"20002": 5, "50000": 20, "60000": 25, "80000": 9, "90000": 12})

    def reference(report):
        with tempfile.TemporaryDirectory() as tmp:
            paths = publish.publish(report, Path(tmp), questionnaire=real, publisher="SPW", url="https://example.org")
            yml = next(p for p in paths if p.suffix == ".yaml")
            return aggregates.read_aggregates(yml.read_text(encoding="utf-8"), str(yml))

    # every n one number: the note under the table says nothing of a range (it gave « 6 à 14 » as an example,
    # which read as one of the campaign's figures)
    plain = reference(report)
    assert " à " not in " ".join(row["n (communes)"] for row in logic.campaign_table(real, plain, "fr"))
    assert "selon la dimension" not in logic.campaign_note(plain, "fr")
    assert "je nach Dimension" not in logic.campaign_note(plain, "de")
    report["dimensions"]["economy"]["n"] = 58  # a few respondents too short on that dimension to be scored
    ref = reference(report)
    # the note says what a range means with one the table shows
    assert "du groupe\u00a0; «\u00a058 à 71\u00a0»\u00a0: selon la dimension (une commune" in logic.campaign_note(ref, "fr")
    assert "der Gruppe; „58 bis 71“: je nach Dimension" in logic.campaign_note(ref, "de")
    assert "of those in the group; “58 to 71”: depending on the dimension" in logic.campaign_note(ref, "en")
    assert "6 à 14" not in logic.campaign_note(ref, "fr")
    rows = {row["Groupe"]: row for row in logic.campaign_table(real, ref, "fr")}
    assert rows["Wallonie"]["n (communes)"] == "58 à 71 sur 261"
    assert rows["Province de Liège"]["n (communes)"] == "25 sur 84"
    assert logic.campaign_table(real, ref, "de")[0]["n (Gemeinden)"] == "58 bis 71 von 261"


# --- the app's own address, for every link it writes ---------------------------------------------------------

ADDRESSES = [
    # (the address a page was opened at, the app's address)
    ("https://x.be/questionnaire?t=abc&lang=de", "https://x.be"),
    ("https://x.be/equipe?t=abc", "https://x.be"),
    ("https://x.be/vie-privee", "https://x.be"),  # a resume link opened there said « …/vie-privee/questionnaire »
    ("https://x.be/campagnes?lang=de#top", "https://x.be"),
    ("https://x.be/ville/resultats", "https://x.be/ville"),  # served under a path, behind a proxy
    ("https://x.be/ville/", "https://x.be/ville"),
    ("https://x.be", "https://x.be"),
    ("http://127.0.0.1:8501/", "http://127.0.0.1:8501"),
    ("", ""),
    (None, ""),
]


@pytest.mark.parametrize(("opened", "address"), ADDRESSES)
def test_every_link_starts_with_the_apps_address(opened, address):
    from maturity.app import coordinator, names, team_logic

    assert names.app_address(opened) == address
    base = address or "http://localhost:8501"
    assert names.resume_url(opened, "tok") == f"{base}/questionnaire?t=tok"
    assert team_logic.member_url(opened, "mem") == f"{base}/questionnaire?m=mem"
    assert coordinator.app_address(opened) == address
    assert coordinator.app_address(opened, " https://public.example/ ") == "https://public.example"


def test_the_address_knows_every_page():
    from maturity.app import names, shell

    assert set(names.PAGE_PATHS) == {path for _file, path, *_rest in shell.PAGES}


def test_an_address_naming_no_page_is_found_as_streamlit_reads_it():
    """The name asked for when no page has it (the app's own « Page introuvable » is registered there), decoded as
    Streamlit reads it; « accueil » too (Streamlit serves the home page at the app's address only)."""
    from maturity.app import names

    assert names.unknown_page("https://x.be/ville/equipes/") == "equipes"
    assert names.unknown_page("http://127.0.0.1:8501/Equipe") == "Equipe"
    assert names.unknown_page("http://127.0.0.1:8501/x%20y") == "x y"
    assert names.unknown_page("http://127.0.0.1:8501/accueil") == "accueil"
    for known in (None, "", "http://127.0.0.1:8501", "http://127.0.0.1:8501/", "http://127.0.0.1:8501/equipe",
                  "http://127.0.0.1:8501/%20x", "http://127.0.0.1:8501/%2F", "http://127.0.0.1:8501/" + "a" * 101):
        assert names.unknown_page(known) is None, known


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_a_cell_without_a_figure_says_so_in_one_wording_in_either_column(lang):
    """The obstacles table said « pas de chiffre publié » where the barometer has no figure and « non publié »
    where the campaign has none (under 5 communes): one thing, one wording, the core's label, on the page and
    on the sheet alike."""

    from maturity.benchmarks import load_benchmark_sets
    from maturity.labels import FIGURE_WORDS
    from maturity.questionnaire import load_questionnaire
    from maturity.scoring import score
    from maturity.sheet.content import build_content

    real = load_questionnaire()
    _, ref = _campaign_reference(real)
    words = FIGURE_WORDS["none"][lang]
    rows = logic.obstacle_rows(real, score(real, {}), {}, lang, load_benchmark_sets(), cite=False, campaign=ref)
    barometer, campaign = list(rows[0])[2], list(rows[0])[3]
    assert {r[barometer] for r in rows if not any(c.isdigit() for c in r[barometer])} == {words}
    empty = {r[campaign] for r in rows if "%" not in r[campaign]}
    assert empty == {words}, empty  # the synthetic campaign leaves some obstacle unpublished
    doc = logic.document_of({"questionnaire": {"id": real.id, "version": real.version},
                             "answers": {o.id: "major" for o in real.obstacles}}, real)
    content = build_content(real, doc, lang, **logic.sheet_kwargs(real, logic.pooled_series(
        real, [], "92094", lang, [ref])[0], None, lang, [ref]))
    assert {o.campaign for o in content.obstacles if "%" not in o.campaign} == {words}


# --- an uploaded file's notes, in the reader's language --------------------------------------------------------

@pytest.mark.parametrize(("lang", "words"), [
    ("fr", ("version 0.9 du questionnaire, lues avec la version 1.0", "n'existe plus dans cette version",
            "sa note est mise de côté")),
    ("de", ("Version 0.9 des Fragebogens, gelesen mit Version 1.0", "gibt es in dieser Version nicht mehr",
            "Notiz wird beiseitegelegt")),
    ("en", ("version 0.9 of the questionnaire, read with version 1.0", "no longer exists in this version",
            "its note is set aside")),
])
def test_last_years_file_is_said_in_the_readers_language(q, lang, words):
    """A commune loads last year's answers file: what was kept and what was not is said in its language,
    each line after its place in the file (it was the command line's English under a French heading)."""
    raw = json.dumps({"questionnaire": {"id": "mini", "version": "0.9"},
                      "answers": {"a1": "full", "gone": 1}, "notes": {"gone": "vu en 2026"}}, indent=2).encode()
    doc, warnings = logic.read_upload(raw, "bilan-2026.json", q, None, lang)
    assert doc.answers == {"a1": "full"}
    lines = logic.problem_lines(warnings, lang)
    text = "\n".join(lines)
    for word in words:
        assert word in text, text
    if lang != "en":
        assert "answer dropped" not in text and "kept aside" not in text
    assert not any(line.startswith("warning") for line in lines)
    assert any(re.match(r"bilan-2026\.json:\d+: answers\.gone", line) for line in lines), lines
    if lang == "fr":
        assert "answers.gone\u00a0: cette question" in text


def _campaign_reference(real):
    """A campaign's report (70 communes, five provinces) and its publication read back as an install imports it."""
    import tempfile
    from pathlib import Path

    from maturity import aggregates, publish
    from tests.unit.test_publish import _report

    report = _report(real, {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12})
    with tempfile.TemporaryDirectory() as tmp:
        paths = publish.publish(report, Path(tmp), questionnaire=real, publisher="SPW", url="https://example.org")
        yml = next(p for p in paths if p.suffix == ".yaml")
        return report, aggregates.read_aggregates(yml.read_text(encoding="utf-8"), str(yml))


def test_every_refusal_of_the_answers_reader_has_words_in_each_language():
    """The answers reader's refusals (bad JSON, a foreign JSON, a code that is no commune, an answer the
    questionnaire has not…) were shown in the command line's English on French pages: each Problem the reader
    makes carries a code the app's catalog says in fr, de and en, with the same values in each language."""
    import ast
    import string
    from pathlib import Path

    from maturity.app.texts import TEXTS

    root = Path(__file__).resolve().parents[2] / "maturity"
    codes = set()
    for module in ("answers.py", "targets.py", "plan.py"):
        for node in ast.walk(ast.parse((root / module).read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem":
                code = next((k.value for k in node.keywords if k.arg == "code"), None)
                assert code is not None, f"{module}:{node.lineno}: a Problem without a code"
                if isinstance(code, ast.Constant):
                    codes.add(code.value)
        for node in ast.walk(ast.parse((root / module).read_text(encoding="utf-8"))):  # value_check, year_code
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(
                    ("value_", "year_", "read_")) and f"problem_{node.value}" in TEXTS:  # and _shape_problem's
                codes.add(node.value)
    assert {"read_not_json", "read_no_questionnaire", "read_not_commune", "value_not_option", "year_outside"} <= codes
    for code in codes:
        texts = TEXTS[f"problem_{code}"]
        fields = {lang: {f for _, f, _, _ in string.Formatter().parse(texts[lang]) if f} for lang in ("fr", "de", "en")}
        assert fields["fr"] == fields["de"] == fields["en"], (code, fields)


def test_a_refusal_listing_options_says_their_labels_in_the_pages_language_with_their_ids(q):
    """A refused answer listed the options as the file's ids, « (none, some, half, full) », which a commune official
    cannot read (left12, left). The page now says each option's label in its language, then its id (what the file
    needs): answers, targets' dimensions and levels, the roadmap's statuses. The command line's English is unchanged."""
    base = {"questionnaire": {"id": "mini", "version": "1.0"}}
    cases = [({"answers": {"a1": "maybe"}},
              {"fr": "(«\u00a0Rien\u00a0» (none), «\u00a0Un peu\u00a0» (some), «\u00a0Moitié\u00a0» (half), "
                     "«\u00a0Tout\u00a0» (full))",
               "en": "(“Rien” (none), “Un peu” (some), “Moitié” (half), “Tout” (full))"},
              '"maybe" is not an option of this question (none, some, half, full)'),
             ({"answers": {"a3": ["x", "w"]}}, {"fr": "(«\u00a0X\u00a0» (x), «\u00a0Y\u00a0» (y), «\u00a0Z\u00a0» (z))"},
              '"w" is not an option of this question (x, y, z)'),
             ({"targets": {"alpha": {"level": "top", "by": 2030}}},
              {"fr": "(«\u00a0Bas\u00a0» (low), «\u00a0Moyen\u00a0» (mid), «\u00a0Haut\u00a0» (high))"},
              '"top" is not a level of this questionnaire (low, mid, high)'),
             ({"plan": [{"id": "x", "action": "Plan", "owner": "", "year": 2030, "status": "soon"}]},
              {"fr": "(«\u00a0prévue\u00a0» (planned), «\u00a0en cours\u00a0» (started), «\u00a0réalisée\u00a0» (done), "
                     "«\u00a0abandonnée\u00a0» (dropped))",
               "de": "(„geplant“ (planned), „begonnen“ (started), „erledigt“ (done), „verworfen“ (dropped))"},
              '"soon" is not a status (planned, started, done, dropped)'),
             ({"plan": [{"id": "x", "action": "Plan", "owner": "", "year": 2030, "status": "done", "dimension": "gamma"}]},
              {"fr": "«\u00a0Alpha\u00a0» (alpha), «\u00a0Beta\u00a0» (beta)"},
              '"gamma" is not a dimension of this questionnaire (alpha, beta')]
    for extra, said, english in cases:
        with pytest.raises(InvalidInput) as info:
            logic.read_upload(json.dumps({**base, **extra}).encode(), "f.json", q, None, "fr")
        assert any(english in str(p) for p in info.value.problems), (english, info.value.problems)
        for lang, words in said.items():
            lines = [logic.problem_said(p, lang) for p in info.value.problems]
            assert any(words in line for line in lines), (lang, words, lines)


def test_a_refused_upload_names_each_place_in_the_users_language(q):
    """On the questionnaire page: a file cut short, a GeoJSON, a code that is no commune, an answer the questionnaire
    has not, a year of the roadmap out of range; each said after its place, in French (the command line's English
    unchanged: ``str(problem)``)."""
    cases = [(b'{"questionnaire": {"id": "mini",\n  "version": }', "f.json:2\u00a0: le texte n'est pas du JSON valide",
              "f.json:2: not valid JSON: Expecting value"),
             (json.dumps({"type": "FeatureCollection"}).encode(),
              "f.json: questionnaire\u00a0: il manque le questionnaire auquel ce fichier répond",
              'f.json: questionnaire: missing: {"id": ..., "version": ...} of the questionnaire answered'),
             (json.dumps({"questionnaire": {"id": "mini", "version": "1.0"}, "commune": {"nis_code": "99999"}}).encode(),
              "commune.nis\\_code\u00a0: «\u00a099999\u00a0» n'est le code INS d'aucune commune wallonne",
              "f.json: commune.nis_code: '99999' is not the NIS code of a Walloon commune"),
             (json.dumps({"questionnaire": {"id": "mini", "version": "1.0"}, "answers": {"a1": "maybe"}}).encode(),
              "answers.a1\u00a0: \"maybe\" n'est pas une réponse possible à cette question",
              'f.json: answers.a1: "maybe" is not an option of this question'),
             (json.dumps({"questionnaire": {"id": "mini", "version": "1.0"},
                          "plan": [{"id": "x", "action": "Plan", "owner": "", "year": 1990, "status": "planned"}]}).encode(),
              "plan\\[0\\].year\u00a0: 1990 n'est pas entre 2025 et 2040", "f.json: plan[0].year: 1990 is outside 2025–2040")]
    for raw, said, english in cases:
        with pytest.raises(InvalidInput) as info:
            logic.read_upload(raw, "f.json", q, None, "fr")
        lines = logic.problem_lines(info.value.problems, "fr")
        assert any(said in line for line in lines), (said, lines)
        assert any(str(p).startswith(english) for p in info.value.problems), (english, info.value.problems)


def test_a_refused_answer_or_note_names_its_question_in_the_pages_language():
    """A refusal's place was the file's id alone, « answers.gov_strategy », which tells a commune official
    nothing (left13, left). On the questionnaire page, the place of an answer or a note of a question is followed
    by the question's own words in the page's language (cut at 70 characters); a place that is no question
    (the commune's code) stays as it was, and the command line's English is unchanged."""
    full = load_questionnaire()
    (qid, (_section, question)), *_ = [(k, v) for k, v in full.question_index.items() if v[1].options]
    raw = json.dumps({"questionnaire": {"id": full.id, "version": full.version},
                      "commune": {"nis_code": "99999"}, "answers": {qid: "maybe"}}).encode()
    with pytest.raises(InvalidInput) as info:
        logic.read_upload(raw, "f.json", full, None, "fr")
    problems = info.value.problems
    for lang in ("fr", "de", "en"):
        words = full.t(question.text, lang)
        shown = words if len(words) <= logic.QUESTION_SHOWN else words[: logic.QUESTION_SHOWN - 1].rstrip() + "…"
        lines = logic.problem_lines(problems, lang, q=full)
        place = logic.escape_markdown(f"f.json: answers.{qid} ({quoted(shown, lang)})")
        assert any(line.startswith(place) for line in lines), (lang, place, lines)
        nis = [line for line in lines if "nis" in line]
        assert nis and "(" not in nis[0].split("99999")[0], nis  # no question there: the place as it was
    assert any(str(p).startswith(f'f.json: answers.{qid}: "maybe"') for p in problems)
