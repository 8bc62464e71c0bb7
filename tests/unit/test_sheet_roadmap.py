"""The sheet's roadmap (issue 14): targets then actions by year, within the 3-page budget; the PST table."""

from __future__ import annotations

import csv
import io
from datetime import date

import pypdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity import plan
from maturity.answers import AnswersFile
from maturity.questionnaire import load_questionnaire
from maturity.sheet import build, build_content
from maturity.sheet.pdf import MAX_PAGES, ROADMAP_ACTIONS
from maturity.targets import Target

from .sheet_helpers import answers_at_rank, heavy_answers

DAY = date(2026, 12, 1)
Q = load_questionnaire()
DIMS = [s.id for s in Q.dimensions]


def _text(data: bytes) -> tuple[int, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def _heavy() -> AnswersFile:
    """The heaviest sheet the questionnaire allows (as the 3-page test of the sheet builds it)."""
    return heavy_answers(Q)


def _plan(n: int, text: str = "Une action de la feuille de route, décrite en une phrase assez longue. ") -> list:
    recs = Q.recommendations
    return [{"id": f"a{k + 1}", "recommendation": recs[k % len(recs)].id, "action": (text * 4)[:380],
             "owner": " ".join(["Service"] * (k % 4)), "year": 2025 + k % 16, "budget": [None, 12500, "104/123-48"][k % 3],
             "status": ["planned", "started", "done", "dropped"][k % 4]} for k in range(n)]


def test_content_has_targets_with_their_gap_then_actions_by_year():
    doc = AnswersFile(Q.id, Q.version, answers={})
    doc.extra["targets"] = {DIMS[2]: {"level": "integration", "by": 2030}, DIMS[0]: {"level": "planning", "by": 2027}}
    doc.extra["plan"] = [
        {"id": "a1", "action": "Former", "owner": "DG", "year": 2027, "budget": 5000, "status": "started"},
        {"id": "a2", "action": "Abandonnée", "owner": "", "year": 2026, "status": "dropped"},
        {"id": "a3", "dimension": DIMS[1], "action": "Ouvrir", "owner": "", "year": 2026, "status": "planned"},
    ]
    r = build_content(Q, doc, "fr", generated=DAY).roadmap
    assert r.title == "Objectifs et feuille de route"
    assert [row[0] for row in r.targets] == [Q.t(Q.dimensions[0].label, "fr"), Q.t(Q.dimensions[2].label, "fr")]
    assert r.targets[0][1:] == ["—", "Planification", "2027", "pas de score"]  # nothing answered: no score
    assert r.years == [("2026", ["Ouvrir — responsable à désigner · prévue"]),
                       ("2027", ["Former — DG · 5\u202f000 € · en cours"])]  # dropped actions left out
    assert build_content(Q, AnswersFile(Q.id, Q.version), "fr", generated=DAY).roadmap is None


def test_the_pdf_shows_a_long_roadmap_in_part_and_says_where_the_rest_is():
    doc = _heavy()
    doc.extra["targets"] = {d: {"level": "optimisation", "by": 2040} for d in DIMS}
    doc.extra["plan"] = _plan(40)
    content = build_content(Q, doc, "fr", generated=DAY)
    assert content.roadmap.actions == 30  # 40 less the 10 dropped
    short = content.with_roadmap(ROADMAP_ACTIONS[1])
    assert short.roadmap.actions == ROADMAP_ACTIONS[1] and "24 autres actions" in short.roadmap.more
    for lang in ("fr", "de", "en"):
        pages, text = _text(build(Q, doc, lang, "pdf", generated=DAY))
        assert pages <= MAX_PAGES, lang
        if lang == "fr" and "Objectifs et feuille de route" in text:  # shown in part: the rest is pointed to
            assert ("autres actions : voir la version modifiable (DOCX) de la fiche et le tableau PST" in text
                    or "30 actions : voir la version modifiable (DOCX) de la fiche et le tableau PST" in text
                    or "6 objectifs et 30 actions, dans la version modifiable (DOCX)" in text)
    md = build(Q, doc, "fr", "md", generated=DAY).decode()
    assert md.count("- Une action de la feuille de route") == 30  # the editable versions carry it all
    assert "| Dimension | Score | Niveau visé | Échéance | Écart |" in md


def test_the_markdown_lists_no_orphan_targets_line_under_the_scores():
    """Ciney's Markdown sheet had « - Objectifs de Ciney (niveau visé par dimension) » alone under its scores
    table, the radar's legend line for the targets with no radar and no column to go with it (fresh-eyes trial):
    the targets are in their own section, « Objectifs et feuille de route »."""
    doc = answers_at_rank(Q, 1, name="Ciney", nis="91030")
    doc.extra["targets"] = {DIMS[2]: {"level": "development", "by": 2030}}
    for lang, target_level in (("fr", "Niveau visé"), ("de", "Zielstufe"), ("en", "Target level")):
        target = next(s.name for s in build_content(Q, doc, lang, generated=DAY).series if s.kind == "target")
        md = build(Q, doc, lang, "md", generated=DAY).decode()
        assert "Ciney" in target and target not in md, lang
        assert f"| {target_level} |" in md, lang  # the targets, in their own section


def test_a_short_roadmap_is_on_the_pdf():
    doc = AnswersFile(Q.id, Q.version, commune={"name": "Namur", "nis_code": "92094"})
    doc.extra["targets"] = {DIMS[3]: {"level": "development", "by": 2028}}
    doc.extra["plan"] = _plan(3, "Compter les vélos. ")
    pages, text = _text(build(Q, doc, "fr", "pdf", generated=DAY))
    assert pages <= MAX_PAGES
    assert "Objectifs et feuille de route" in text and "Compter les vélos." in text and "2027" in text


def _shown(q, c) -> int:
    """How many of the roadmap's actions the PDF shows."""
    from maturity.sheet.pdf import layout_pdf

    roadmap = layout_pdf(q, c).content.roadmap
    return sum(len(lines) for _, lines in roadmap.years) if roadmap is not None else 0


def test_the_pdf_shows_as_many_actions_as_fit_not_none_when_six_do_not():
    """Eupen (fresh-eyes trial): 7 actions, 6 did not fit on the 3 pages, so the German PDF jumped to 0 and
    said "Und 7 weitere Maßnahmen" under the targets, with a quarter of page 3 left blank; 5 fitted. Its 7 now
    fit (each year beside its actions, the priorities' links left to the DOCX before the roadmap is cut), and of
    14 the first 12 (the priorities' suggested actions give way too); on the heaviest sheet, of 30, the most that
    fit, not 6 nor 0."""
    from maturity.sheet.pdf import _render

    doc = answers_at_rank(Q, 1, name="Eupen", nis="63023")
    doc.extra["targets"] = {DIMS[0]: {"level": "integration", "by": 2028}}
    for n in (7, 14):
        doc.extra["plan"] = [dict(item, status="planned")
                             for item in _plan(n, "Die Teilnahme an der Einkaufszentrale von iMio prüfen. ")]
        c = build_content(Q, doc, "de", generated=DAY)
        shown = _shown(Q, c)
        pages, text = _text(build(Q, doc, "de", "pdf", generated=DAY))
        assert pages <= MAX_PAGES
        if n == 7:
            assert shown == 7 and "weitere Maßnahme" not in text
        else:
            assert shown == 12 and "Und 2 weitere Maßnahmen" in text
    heavy = _heavy()
    heavy.extra["targets"] = {d: {"level": "optimisation", "by": 2040} for d in DIMS}
    heavy.extra["plan"] = _plan(40)  # 30 of them not dropped
    c = build_content(Q, heavy, "de", generated=DAY)
    shown = _shown(Q, c)
    assert 6 < shown < 12, shown
    assert _render(Q, c.with_roadmap(shown + 1), resources=True).page_no() > MAX_PAGES  # the most that fit
    pages, text = _text(build(Q, heavy, "de", "pdf", generated=DAY))
    assert pages <= MAX_PAGES and f"Und {30 - shown} weitere Maßnahmen" in text


def test_a_roadmap_none_of_whose_actions_is_shown_does_not_say_more():
    c = build_content(Q, _with_plan(3), "de", generated=DAY).with_roadmap(0)
    assert c.roadmap.more == "3 Maßnahmen: siehe die bearbeitbare Fassung (DOCX) und die PST-Tabelle."
    assert build_content(Q, _with_plan(3), "fr", generated=DAY).with_roadmap(1).roadmap.more.startswith(
        "Et 2 autres actions")


def _with_plan(n: int) -> AnswersFile:
    doc = AnswersFile(Q.id, Q.version, commune={"name": "Namur", "nis_code": "92094"})
    doc.extra["plan"] = [dict(item, status="planned") for item in _plan(n, "Compter les vélos. ")]
    return doc


roadmaps = st.fixed_dictionaries({
    "targets": st.dictionaries(st.sampled_from(DIMS), st.fixed_dictionaries({
        "level": st.sampled_from([lv.id for lv in Q.levels]), "by": st.integers(2025, 2040)})),
    "n": st.integers(0, 60),
    "text": st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=120),
})


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roadmap=roadmaps, lang=st.sampled_from(["fr", "de", "en"]))
def test_any_roadmap_on_the_heaviest_sheet_stays_on_three_pages(roadmap, lang):
    doc = _heavy()
    doc.extra["targets"] = roadmap["targets"]
    doc.extra["plan"] = _plan(roadmap["n"], roadmap["text"] if roadmap["text"].strip() else "x")
    pages, _ = _text(build(Q, doc, lang, "pdf", generated=DAY))
    assert pages <= MAX_PAGES


def test_pst_table_puts_the_roadmap_first_then_the_proposals():
    doc = _heavy()
    doc.extra["plan"] = _plan(2)
    rows = list(csv.reader(io.StringIO(build(Q, doc, "fr", "csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:7] == ["Objectif stratégique", "Objectif opérationnel", "Action", "Responsable", "Échéance",
                           "Budget", "Statut"]
    assert rows[1][3:7] == ["", "2025", "", "prévue"] and rows[2][3:7] == ["Service", "2026", "12\u202f500 €", "en cours"]
    assert rows[1][1] == Q.t(Q.recommendations[0].title, "fr")
    assert all(row[3:7] == ["", "", "", ""] for row in rows[3:])  # the proposals: left to fill
    assert len({(row[1], row[2]) for row in rows[1:]}) == len(rows) - 1  # an adopted action is not proposed again


def test_docx_carries_the_roadmap():
    from docx import Document

    doc = AnswersFile(Q.id, Q.version, commune={"name": "Namur", "nis_code": "92094"})
    doc.extra["targets"] = {DIMS[3]: {"level": "development", "by": 2028}}
    doc.extra["plan"] = _plan(14, "Compter les vélos. ")
    document = Document(io.BytesIO(build(Q, doc, "fr", "docx", generated=DAY)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Objectifs et feuille de route" in headings and "2025" in headings
    assert sum(p.text.startswith("Compter les vélos.") for p in document.paragraphs) == 14 - 3  # 3 dropped
    assert any("Déploiement" in cell.text for table in document.tables for row in table.rows for cell in row.cells)


def test_docx_ends_with_the_roadmap_as_a_pst_table_on_a_landscape_page():
    from docx import Document
    from docx.enum.section import WD_ORIENT

    doc = AnswersFile(Q.id, Q.version, commune={"name": "Namur", "nis_code": "92094"})
    doc.extra["targets"] = {DIMS[3]: {"level": "development", "by": 2028}}
    doc.extra["plan"] = _plan(5, "Compter les vélos. ")
    for lang, title in (("fr", "Pour le PST"), ("de", "Für das PST")):
        document = Document(io.BytesIO(build(Q, doc, lang, "docx", generated=DAY)))
        last = document.sections[-1]
        assert last.orientation == WD_ORIENT.LANDSCAPE and last.page_width > last.page_height
        assert document.sections[0].orientation == WD_ORIENT.PORTRAIT
        assert [p.text for p in document.paragraphs if p.style.name.startswith("Heading")][-1] == title
        table = document.tables[-1]
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        expected = plan.pst_rows(Q, plan.read(doc.extra["plan"]), lang, {DIMS[3]: Target("development", 2028)})
        assert cells == [[cell.strip() for cell in row] for row in expected]  # every action, the dropped one too (with its status), in the roadmap's order
        assert len(cells) == 1 + 5 and cells[4][6] == plan.label("dropped", lang)
    without = AnswersFile(Q.id, Q.version, commune={"name": "Namur", "nis_code": "92094"})
    without.extra["targets"] = {DIMS[3]: {"level": "development", "by": 2028}}
    document = Document(io.BytesIO(build(Q, without, "fr", "docx", generated=DAY)))
    assert len(document.sections) == 1  # targets without actions: no PST page


def test_an_obstacles_action_serves_the_objective_its_recommendation_states():
    """Eupen's seven actions came from obstacle recommendations (expertise, cybersecurity, technologies):
    every row of its PST table and its roadmap grid said "Übergreifend" as the strategic objective (fresh-eyes
    trial). Such a recommendation states its objective ("Eine Gemeinde sein, die …"): that is the row's."""
    rec = next(r for r in Q.recommendations if r.id == "obstacle_expertise")
    assert rec.dimension is None and rec.objective is not None
    doc = answers_at_rank(Q, 1, name="Eupen", nis="63023", expertise="major")
    doc.extra["plan"] = [{"id": "a1", "recommendation": rec.id, "action": Q.t(rec.actions[0], "de"), "owner": "",
                          "year": 2027, "status": "planned"}]
    item = plan.of(doc)[0]
    assert plan.objective_of(item, Q, "de") == Q.t(rec.objective, "de")
    # the app's grid gives it a 130 px column: the obstacle's short name, where the objective ran out of its cell
    assert plan.objective_of(item, Q, "de", short=True) == "Hemmnis: Fachwissen"
    rows = list(csv.reader(io.StringIO(build(Q, doc, "de", "csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[1][:3] == [Q.t(rec.objective, "de"), Q.t(rec.title, "de"), Q.t(rec.actions[0], "de")]
    proposals = [row for row in rows[2:] if row[1] == Q.t(rec.title, "de")]  # its other actions, to fill
    assert proposals and all(row[0] == Q.t(rec.objective, "de") for row in proposals)
    assert "Übergreifend" not in {row[0] for row in rows[1:]}
    # a free action with no dimension stays cross-cutting; a dimension's action names its dimension
    assert plan.objective_of(plan.PlanItem("x", "Agir", "", 2027), Q, "fr") == "Transversal"
    assert plan.objective_of(plan.PlanItem("x", "Agir", "", 2027, dimension=DIMS[0]), Q, "fr") == \
        Q.t(Q.dimensions[0].label, "fr")


def test_a_roadmap_with_no_room_on_the_pdf_is_said_in_one_line():
    """The heaviest sheet with six targets and 30 actions: not even the targets fit, and the PDF left the whole
    section out without a word. It now says how many targets and actions there are and where, in one line under
    no heading (as the notes' line); the Markdown carries them all. (Without the campaign's series the heaviest
    German sheet now shows its targets and 8 actions, the priorities' suggested actions left to the DOCX.)"""
    from maturity.sheet.pdf import layout_pdf

    from .test_sheet_campaign import heaviest

    doc, kwargs = heaviest("de")  # with an imported campaign's series and the previous assessment
    doc.extra["targets"] = {d: {"level": "optimisation", "by": 2040} for d in DIMS}
    doc.extra["plan"] = _plan(40)
    said = {"fr": "Objectifs et feuille de route — 6 objectifs et 30 actions, dans la version modifiable (DOCX) de "
                  "la fiche et le tableau PST.",
            "de": "Ziele und Fahrplan — 6 Ziele und 30 Maßnahmen in der bearbeitbaren Fassung (DOCX) und der "
                  "PST-Tabelle.",
            "en": "Targets and roadmap — 6 targets and 30 actions, in the editable version (DOCX) of the sheet and "
                  "the PST table."}
    # the case at hand in German: no room for the section
    c = build_content(Q, doc, "de", generated=DAY, **kwargs)
    assert layout_pdf(Q, c).content.roadmap.elsewhere
    pages, text = _text(build(Q, doc, "de", "pdf", generated=DAY, **kwargs))
    assert pages <= MAX_PAGES and said["de"] in text
    for lang in ("fr", "en"):  # the same line, were there no room: what the content says
        line = build_content(Q, doc, lang, generated=DAY).with_roadmap(None).roadmap
        assert f"{line.title} — {line.more}" == said[lang], lang
    # the content without room even for that line: no section, as before
    assert build_content(Q, doc, "fr", generated=DAY).with_roadmap(None, line=False).roadmap is None


def test_the_dropped_actions_are_counted_where_the_list_leaves_them_out():
    """Fresh-eyes trial: the actions the commune dropped (« abandonnée ») were left out of the PDF's and the
    Markdown's roadmap without a word; they are only in the PST table. One line now counts them and says where."""
    import docx

    doc = _with_plan(3)
    doc.extra["plan"] += [dict(item, id=f"d{k}", status="dropped") for k, item in enumerate(_plan(2, "Abandonner. "))]
    pages, text = _text(build(Q, doc, "fr", "pdf", generated=DAY))
    said = "2 actions abandonnées, hors de cette liste : voir le tableau « Pour le PST » de la version modifiable (DOCX)."
    assert pages <= MAX_PAGES and "Compter les vélos." in text and said in text and "Abandonner." not in text
    md = " ".join(build(Q, doc, "fr", "md", generated=DAY).decode().split())
    assert said in md.replace("\\", "")
    de = " ".join(_text(build(Q, doc, "de", "pdf", generated=DAY))[1].split())
    assert "2 verworfene Maßnahmen, nicht in dieser Liste: siehe die Tabelle „Für das PST“" in de
    paragraphs = [p.text for p in docx.Document(io.BytesIO(build(Q, doc, "en", "docx", generated=DAY))).paragraphs]
    assert "2 dropped actions, not in this list: see the “For the PST” table at the end of this document." in paragraphs
    # none dropped: no line
    assert "abandonnée" not in _text(build(Q, _with_plan(3), "fr", "pdf", generated=DAY))[1]


def test_pst_table_does_not_propose_again_an_action_kept_in_another_wording_or_language():
    """The PST table proposed again, with its blank owner and deadline, an action the roadmap has in another
    form: saved before its guillemets got no-break spaces (« Territoire intelligent »), picked on a German
    page, or in a former wording. The roadmap's rows and the proposals now agree with the page's mark
    « Dans la feuille de route » (plan.picked)."""
    doc = _heavy()
    from maturity.recommendations import select
    from maturity.scoring import score

    recs = {r.id: r for r in Q.recommendations}
    listed = [s.recommendation.id for s in select(Q, score(Q, doc.answers), doc.answers)]
    spaced = next((rid, i) for rid in listed for i, a in enumerate(recs[rid].actions)
                  if "\u00a0" in Q.t(a, "fr"))
    german = next(rid for rid in listed if rid != spaced[0])
    rid, index = spaced
    doc.extra["plan"] = [
        {"id": "a1", "recommendation": rid, "action": Q.t(recs[rid].actions[index], "fr").replace("\u00a0", " "),
         "owner": "DG", "year": 2027, "status": "planned"},
        {"id": "a2", "recommendation": german, "action": Q.t(recs[german].actions[0], "de"),
         "owner": "DG", "year": 2027, "status": "planned"}]
    rows = list(csv.reader(io.StringIO(build(Q, doc, "fr", "csv").decode("utf-8-sig")), delimiter=";"))
    proposed = {row[2].replace("\u00a0", " ") for row in rows[3:]}
    assert Q.t(recs[rid].actions[index], "fr").replace("\u00a0", " ") not in proposed
    assert Q.t(recs[german].actions[0], "fr").replace("\u00a0", " ") not in proposed
    assert Q.t(recs[german].actions[1], "fr").replace("\u00a0", " ") in proposed  # its other actions still are


def test_a_priority_no_longer_proposes_an_action_the_roadmap_says_done():
    """Ciney's sheet proposed « Inscrire dans le PST un objectif stratégique… » as its first priority's action
    while its roadmap, on the same sheet, said it « réalisée » (team trial). A done action, in any language,
    leaves the priority's actions; a planned one stays proposed, and the PST table still proposes neither."""
    doc = _heavy()
    first = build_content(Q, doc, "fr").priorities[0]
    rec = next(r for r in Q.recommendations if r.id == first.recommendation_id)
    done_fr, planned_de = Q.t(rec.actions[0], "fr"), Q.t(rec.actions[1], "de")
    doc.extra["plan"] = [
        {"id": "a1", "recommendation": rec.id, "action": done_fr, "owner": "DG", "year": 2026, "status": "done"},
        {"id": "a2", "recommendation": rec.id, "action": planned_de, "owner": "DG", "year": 2027, "status": "planned"}]
    for lang in ("fr", "de", "en"):
        actions = build_content(Q, doc, lang).priorities[0].actions
        assert Q.t(rec.actions[0], lang) not in actions, (lang, actions)
        assert Q.t(rec.actions[1], lang) in actions, (lang, actions)
        assert actions == [Q.t(a, lang) for a in rec.actions[1:]]
    markdown = build(Q, doc, "fr", "md").decode("utf-8")  # the editable versions show the priority's actions
    assert markdown.count(done_fr[:40]) == 1  # in the roadmap alone
    assert Q.t(rec.actions[1], "fr")[:40] in markdown  # the planned one still proposed, in the sheet's language
    rows = list(csv.reader(io.StringIO(build(Q, doc, "fr", "csv").decode("utf-8-sig")), delimiter=";"))
    pst = [row[2] for row in rows[1:]]
    assert pst[:2] == [done_fr, planned_de]  # the roadmap's rows first
    assert pst.count(done_fr) == 1 and pst.count(planned_de) == 1  # neither proposed again
    assert Q.t(rec.actions[2], "fr") in pst[2:]  # its other actions are
