"""The Collège's sheet with an imported campaign, as the app builds it (logic.sheet_kwargs): the Walloon line's
source, which the scores table's « Wallonie » column and the obstacles table's campaign column both cite."""

from __future__ import annotations

import re
import tempfile
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maturity import aggregates, publish
from maturity.app import logic
from maturity.questionnaire import load_questionnaire
from maturity.sheet import build, build_content

from ..strategies import answer_sets
from .sheet_helpers import answers_at_rank
from .test_sheet_page_one import pages_and_text

DAY = date(2026, 12, 1)
DEFAULT = load_questionnaire()
NAMUR = "92094"
EUPEN = "63023"  # in the province of Liège and of 10,000 to 19,999 inhabitants: both published by the campaign
OBSTACLES_TABLE = {"fr": "du tableau des freins", "de": "der Tabelle der Hemmnisse", "en": "obstacles table"}
SENTENCES = {"fr": "des comparaisons avec le baromètre", "de": "in den Vergleichen mit dem Barometer",
             "en": "in the comparisons with the barometer"}
SCORES_BRACKETS = {"fr": "entre parenthèses du tableau des scores", "de": "in Klammern in der Wertetabelle",
                   "en": "in brackets in the scores table"}


@cache
def campaign() -> aggregates.CampaignReference:
    """A campaign of 70 communes published and read back as an install imports it."""
    from .test_publish import _report

    report = _report(DEFAULT, {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12})
    with tempfile.TemporaryDirectory() as tmp:
        paths = publish.publish(report, Path(tmp), questionnaire=DEFAULT, publisher="SPW", url="https://example.org",
                                published_on=date(2026, 7, 15))
        yml = next(p for p in paths if p.suffix == ".yaml")
        return aggregates.read_aggregates(yml.read_text(encoding="utf-8"), str(yml))


def app_kwargs(lang: str, nis: str = NAMUR) -> dict:
    """What the recommendations page hands the sheet builder: the radar's series and the campaign."""
    series, _note = logic.pooled_series(DEFAULT, [], nis, lang, [campaign()])
    return logic.sheet_kwargs(DEFAULT, series, None, lang, [campaign()])


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_walloon_lines_source_says_it_is_the_obstacles_campaign_columns_too(lang):
    """Source [1] serves the scores table's Walloon column and the obstacles table's campaign column; it spoke
    only of « la ligne » and « les chiffres entre parenthèses du tableau » (which table, once two have brackets?).
    It now names the obstacles' column and what its figures are, and the scores table for the brackets."""
    kwargs = app_kwargs(lang)
    doc = answers_at_rank(DEFAULT, 1, name="Namur", nis=NAMUR)
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    column = content.obstacle_headers[-1]
    assert content.campaign_column and any(o.campaign.endswith(" [1]") for o in content.obstacles)
    source = content.sources[0].text
    assert source.startswith(kwargs["reference"].name)
    assert f"{OBSTACLES_TABLE[lang]}" in source and column in source and SCORES_BRACKETS[lang] in source, source
    # the campaign's figures in the comparisons with the barometer cite it too ("Campagne 2026 : 48 % …, n = 70 [1]")
    assert any(column in text and text.endswith("[1].") for text, _ref in content.comparisons)
    assert SENTENCES[lang] in source
    assert "…" not in source
    # the radar's tooltip in the app has no obstacles column beside it: its note is unchanged
    assert column not in kwargs["reference"].note and SCORES_BRACKETS[lang] not in kwargs["reference"].note
    # the PDF and the Markdown print it whole
    end = " ".join(source.split()[-6:])
    pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY, **kwargs))
    assert pages <= 3 and end.replace("'", "’") in " ".join(text).replace("'", "’")
    markdown = " ".join(build(DEFAULT, doc, lang, "md", generated=DAY, **kwargs).decode().split())
    assert " ".join(column.split()) in markdown and end in markdown.replace("\\", "")


def test_a_peer_groups_note_never_speaks_of_the_obstacles_column():
    """Only the Walloon line's source is cited by the obstacles' campaign column."""
    ref = campaign()
    group = next(g for g in ref.groups() if g != "wallonia")
    for lang in ("fr", "de", "en"):
        assert ref.series_note(group, lang, obstacles="Campagne 2026") == ref.series_note(group, lang)
        assert "Campagne 2026" in ref.series_note("wallonia", lang, obstacles="Campagne 2026")


def heaviest(lang: str) -> tuple:
    """The heaviest answers file in Eupen, with the campaign's lines (Wallonia, the province of Liège, the
    communes of the same size) and the previous assessment: the German sheet leaves the scores table's
    Walloon column out (its very last resort)."""
    from maturity.scoring import score

    from .sheet_helpers import heavy_answers

    doc = heavy_answers(DEFAULT)
    doc.commune["nis_code"] = EUPEN
    kwargs = app_kwargs(lang, EUPEN)
    assert len(kwargs["peers"]) == 1  # the province's and the same size's lines, as on the results page
    kwargs["previous"] = score(DEFAULT, {q: v for q, v in doc.answers.items() if not q.startswith(DEFAULT.dimensions[2].id)})
    return doc, kwargs


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_without_the_walloon_column_the_source_speaks_of_no_brackets_in_the_scores_table(lang):
    """When the PDF's very last resort leaves the Walloon column out of the scores table, source [1] still said
    « comme les chiffres entre parenthèses du tableau »: it now says what is printed (the band; the obstacles'
    column, still there, keeps its sentence). The editable versions keep the column and the words."""
    from maturity.sheet.pdf import layout_pdf

    doc, kwargs = heaviest(lang)
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    assert SCORES_BRACKETS[lang] in content.sources[0].text
    bare = content.without_reference_column()
    assert SCORES_BRACKETS[lang] not in bare.sources[0].text and OBSTACLES_TABLE[lang] in bare.sources[0].text
    assert bare.sources[0].text.startswith(kwargs["reference"].name) and bare.sources[1:] == content.sources[1:]
    # the very last resorts leave the earlier editions out of the sentences, not the campaign's figures (this
    # year's, numbered [1]): they, and the source's words for them, stay
    assert SENTENCES[lang] in bare.sources[0].text
    for shorter in (bare.without_trends(), content.without_trends().without_reference_column()):
        assert shorter.sources[0] == bare.sources[0]
        assert sum(text.endswith("[1].") for text, _ref in shorter.comparisons) \
            == sum(text.endswith("[1].") for text, _ref in content.comparisons) > 0
    assert content.without_trends().sources[0] == content.sources[0]
    pdf = layout_pdf(DEFAULT, content)
    printed = " ".join(" ".join(pages_and_text(bytes(pdf.output()))[1]).split())
    column = bool(pdf.content.comparison_columns)
    if lang == "de":
        assert not column  # the German sheet needs its very last resort
    assert (SCORES_BRACKETS[lang] in printed) == column and OBSTACLES_TABLE[lang] in printed
    assert SENTENCES[lang] in printed
    markdown = " ".join(build(DEFAULT, doc, lang, "md", generated=DAY, **kwargs).decode().split())
    assert SCORES_BRACKETS[lang] in markdown
    # the app's words, without an obstacles column: no brackets either once there is no table
    ref = campaign()
    assert aggregates.SERIES_NOTE_BRACKETS[lang] in ref.series_note("wallonia", lang)
    assert aggregates.SERIES_NOTE_BRACKETS[lang] not in ref.series_note("wallonia", lang, table=False)


def test_a_figure_and_its_sign_never_break_across_lines_on_the_pdf():
    """« 95 % », « 48 % (38–59 %) », « 12 500 € » carry no-break spaces (display, the campaign's texts), but the
    sheet's cleaning made them plain spaces: at the wrong width, the PDF ended a line at « 95 » and began the
    next with « % ». They are kept (the DejaVu faces draw them; fpdf2 breaks no line there), at every width."""
    from maturity.sheet.content import clean_text
    from maturity.sheet.pdf import SheetPDF, drawable

    ref = campaign()
    content = build_content(DEFAULT, answers_at_rank(DEFAULT, 1, name="Namur", nis=NAMUR), "fr", generated=DAY,
                            **app_kwargs("fr"))
    source = content.sources[0].text
    assert "95\u00a0%" in source and "95 %" not in source
    assert any("\u00a0%" in text for text, _ref in content.comparisons)  # "comme 49 % des communes"
    assert clean_text("  un\u00a0\u00a0 deux\u202f500\u00a0€ \u00a0") == "un deux\u202f500\u00a0€"
    pdf = SheetPDF(content)
    pdf.add_page()
    pdf.font(7.6)
    for text in (source, f"Le budget : {ref.obstacle_text('budget', 'fr')} des communes, 12\u202f500\u00a0€ ici"):
        for width in range(30, 120):
            lines = pdf.multi_cell(width, 4, drawable(text), dry_run=True, output="LINES")
            starts = [line.lstrip()[:1] for line in lines[1:]]
            assert "%" not in starts and "€" not in starts and not any(s.isdigit() and prev.rstrip()[-1:].isdigit()
                                                                         for s, prev in zip(starts, lines[:-1], strict=True)), lines


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_heaviest_sheet_with_an_imported_campaign_stays_on_three_pages(lang):
    """With the campaign's obstacles column, the heaviest German sheet with every series ran to a fourth page
    even without the Walloon column (its sources [6] and [7]). After every other last resort, the priorities
    leave their resources to the DOCX and the tool, said in one line; the others keep them."""
    from maturity.sheet.content import TEXTS
    from maturity.sheet.pdf import layout_pdf

    doc, kwargs = heaviest(lang)
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    pdf = layout_pdf(DEFAULT, content)
    pages, text = pages_and_text(bytes(pdf.output()))
    assert pages <= 3
    flat = " ".join(" ".join(text).split())
    said = " ".join(TEXTS["resources_elsewhere"][lang].split())
    assert (said in flat) == (not pdf.resources)
    if lang == "de":
        assert not pdf.resources  # this sheet needs it
    first = content.priorities[0].resources[0].label
    assert (" ".join(first.split())[:30] in flat) == pdf.resources


@pytest.mark.parametrize(("lang", "rank"), [("fr", 2), ("fr", 3), ("de", 1), ("de", 2), ("de", 3), ("en", 1), ("en", 3)])
def test_a_communes_roadmap_of_five_actions_is_whole_on_a_campaigns_sheet(lang, rank):
    """With a campaign's reference, the PDF showed 2 of a commune's 5 actions (German: none), the rest left to
    the DOCX, to stay on 3 pages. Each year now stands beside its actions rather than over them, and the
    priorities' links (in the DOCX and the tool, of little use on paper) give way before the Collège's own
    roadmap is cut: all 5 are shown, on 3 pages, their years and owners with them (German answers at rank 2
    still showed 1 of the 5, until the priorities' suggested actions gave way before the commune's own too)."""
    from maturity.sheet.pdf import layout_pdf

    doc = answers_at_rank(DEFAULT, rank, name="Gesves", nis="91059")
    kwargs = app_kwargs(lang)
    recs = {r.id: r for r in DEFAULT.recommendations}
    first = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs).priorities
    picks = [(recs[p.recommendation_id], k) for p in first[:3] for k in range(2)][:5]  # picked from the priorities
    dims = [s.id for s in DEFAULT.dimensions]
    doc.extra["targets"] = {dims[0]: {"level": "integration", "by": 2030}, dims[2]: {"level": "integration", "by": 2030}}
    doc.extra["plan"] = [{"id": f"a{i}", "recommendation": rec.id, "action": DEFAULT.t(rec.actions[k], lang),
                          "owner": f"Service {i}", "year": 2027 + i % 4, "status": "planned"}
                         for i, (rec, k) in enumerate(picks, 1)]
    for n in range(3):
        doc.notes[list(DEFAULT.question_index)[n * 5]] = "Une remarque de la commune, assez courte."
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    pdf = layout_pdf(DEFAULT, content)
    shown = pdf.content.roadmap
    assert sum(len(lines) for _, lines in shown.years) == 5 and not shown.more
    pages, text = pages_and_text(bytes(pdf.output()))
    flat = " ".join(" ".join(text).split())
    assert pages <= 3 and all(f"Service {i}" in flat for i in range(1, 6))
    assert all(f"{year} •" in flat for year in ("2027", "2028", "2029", "2030"))  # each year beside its actions


def middle_answers_with_a_roadmap(lang: str):
    """Namur answering every question with its middle option, a target for each of the six dimensions and a roadmap
    of 5 actions picked from its first priorities (in the sheet's language, with an owner and a budget line)."""
    from maturity.answers import AnswersFile

    doc = AnswersFile(DEFAULT.id, DEFAULT.version, commune={"name": "Namur", "nis_code": NAMUR},
                      respondent={"role": "échevin"}, created_at="2026-11-25T10:00:00+01:00",
                      updated_at="2026-11-25T10:40:00+01:00")
    for qid, (_section, question) in DEFAULT.question_index.items():
        if question.options and question.show_if is None:
            option = question.options[len(question.options) // 2]
            doc.answers[qid] = [option.id] if question.type == "multi" else option.id
    doc.extra["targets"] = {s.id: {"level": "integration", "by": 2030} for s in DEFAULT.dimensions}
    recs = {r.id: r for r in DEFAULT.recommendations}
    first = build_content(DEFAULT, doc, lang, generated=DAY).priorities
    picks = [(recs[p.recommendation_id], k) for p in first[:3] for k in range(2)][:5]
    doc.extra["plan"] = [{"id": f"a{i}", "recommendation": rec.id, "action": DEFAULT.t(rec.actions[k], lang),
                          "owner": f"Service {i}", "year": 2027 + i % 4, "budget": "421/733-60", "status": "planned"}
                         for i, (rec, k) in enumerate(picks, 1)]
    return doc


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_a_heavy_campaign_sheet_shows_the_communes_own_actions_before_the_suggested_ones(lang):
    """Every answer in the middle option, a campaign's reference (``maturity sheet --reference``), six targets and
    five actions: the German PDF showed none of the commune's actions (the section in one line: « 6 Ziele und 5
    Maßnahmen in der bearbeitbaren Fassung »; the French one 4 of 5), while every priority kept the generic actions
    the questionnaire suggests. The targets table now takes one line a row in the last resorts, and the generic
    texts give way (the resources, then the suggested actions of the priorities after the third, then of all, said
    in one line) before the commune's own actions and the Walloon column: all 5 are shown, on 3 pages, with the
    scores and their Walloon column, the summary, the next steps and the barometer sentences."""
    from maturity.sheet.content import TEXTS
    from maturity.sheet.pdf import layout_pdf
    from maturity.sheet.references import campaign_kwargs

    doc = middle_answers_with_a_roadmap(lang)
    content = build_content(DEFAULT, doc, lang, generated=DAY, **campaign_kwargs(campaign(), NAMUR, lang))
    pdf = layout_pdf(DEFAULT, content)
    shown = pdf.content
    assert shown.roadmap.actions == 5 and not shown.roadmap.more and len(shown.roadmap.targets) == 6
    pages, text = pages_and_text(bytes(pdf.output()))
    flat = " ".join(" ".join(text).split())
    assert pages <= 3 and all(f"Service {i}" in flat for i in range(1, 6))
    for _label, sentence in content.summary:  # what a Collège needs stays: the summary, scores, steps, barometer
        assert " ".join(sentence.split())[:40] in flat
    assert all(row.label in flat for row in content.scores)
    assert all(" ".join(step.text.split())[:40] in flat for step in content.next_steps)
    assert content.comparisons and all(" ".join(text.split())[:40] in flat for text, _ref in shown.comparisons)
    assert len(shown.priorities) >= 6
    assert shown.comparison_columns == 1  # the campaign's Walloon figures stay beside the scores (the French one lost them)
    if pdf.actions is not None:  # the suggested actions it leaves out, said in one line
        said = TEXTS["actions_elsewhere" if pdf.actions else "all_actions_elsewhere"][lang].replace("{n}", str(pdf.actions + 1))
        assert " ".join(said.split()) in flat
        left_out = shown.priorities[pdf.actions].actions[0]
        assert " ".join(left_out.split())[:40] not in flat
    if lang == "de":
        assert pdf.actions == 3  # the first three priorities keep their suggested actions


def test_the_markdown_tables_keep_the_no_break_spaces_of_their_figures():
    """The Markdown's table cells were made one line by splitting on every space, no-break ones too: « 48 %
    (38–59 %) » lost the spaces that keep it whole where the Markdown is shown. They are kept."""
    from maturity.markdown import escape

    kwargs = app_kwargs("fr")
    doc = answers_at_rank(DEFAULT, 1, name="Namur", nis=NAMUR)
    content = build_content(DEFAULT, doc, "fr", generated=DAY, **kwargs)
    row = next(o for o in content.obstacles if "(" in o.campaign)
    assert "\u00a0%" in row.campaign and "\u00a0%" in row.barometer
    markdown = build(DEFAULT, doc, "fr", "md", generated=DAY, **kwargs).decode()
    assert f"| {escape(row.barometer)} | {escape(row.campaign)} |" in markdown


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_campaigns_obstacles_column_has_a_source_even_without_its_walloon_line(lang):
    """The obstacles' campaign column cited the Walloon line's source number, and printed none when the sheet had
    no such line (a campaign without a Walloon figure per dimension: the app passes the campaign and no line).
    The column then has a source row of its own: the publication and what the column's figures are."""
    ref = campaign()
    doc = answers_at_rank(DEFAULT, 1, name="Namur", nis=NAMUR)
    content = build_content(DEFAULT, doc, lang, generated=DAY, campaign=ref)
    column = content.obstacle_headers[-1]
    shares = [o.campaign for o in content.obstacles if o.campaign[:1].isdigit()]
    assert shares and all(re.search(r" \[\d+\]$", share) for share in shares)
    number = int(shares[0].rsplit("[", 1)[1].rstrip("]"))
    assert {int(s.rsplit("[", 1)[1].rstrip("]")) for s in shares} == {number}
    row = content.sources[number - 1]
    assert row.ref == number and column in row.text and OBSTACLES_TABLE[lang] in row.text
    assert row.text.startswith(ref.set.title[lang] if isinstance(ref.set.title, dict) else str(ref.set.title))
    pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY, campaign=ref))
    assert pages <= 3 and " ".join(column.split()) in " ".join(text)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(answers=answer_sets(DEFAULT), notes=st.dictionaries(st.sampled_from(sorted(DEFAULT.question_index)),
                                                           st.text(max_size=450), max_size=8),
       lang=st.sampled_from(["fr", "de", "en"]), nis=st.sampled_from([NAMUR, "63023", "55050"]))
def test_any_answers_file_with_an_imported_campaign_gives_at_most_three_pages(answers, notes, lang, nis):
    """Any answers file with what the app passes once a campaign is imported: its Walloon line, the commune's
    province line where published, the obstacles' campaign column and the sentences' campaign figures."""
    from maturity.answers import AnswersFile

    doc = AnswersFile(DEFAULT.id, DEFAULT.version, commune={"nis_code": nis}, answers=answers, notes=notes)
    pages, _text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY, **app_kwargs(lang, nis)))
    assert pages <= 3


@pytest.mark.parametrize(("lang", "header"), [("fr", "Campagne 2027"), ("de", "Kampagne 2027"), ("en", "2027 campaign")])
def test_the_sheet_names_a_campaign_by_the_year_its_title_names(lang, header):
    """« Baromètre 2027 » published in 2026 by an earlier version (`year: 2026`): the Collège's sheet said
    « Campagne 2026 » above its obstacles column and in its sentences, under a radar line « campagne Baromètre
    2027 ». Named by its title's year, everywhere."""
    from .test_publish import _report

    report = _report(DEFAULT, {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12})
    report = {**report, "campaign": {**report["campaign"], "title": "Baromètre 2027"}}
    text = aggregates.dump_yaml(aggregates.aggregates_set(report, publisher="SPW", url="https://example.org",
                                                          published_on=date(2026, 12, 20)))
    ref = aggregates.read_aggregates(text.replace("\nyear: 2027\n", "\nyear: 2026\n"), "kept.yaml")
    assert ref.set.year == 2026
    doc = answers_at_rank(DEFAULT, 1, name="Namur", nis=NAMUR)
    content = build_content(DEFAULT, doc, lang, generated=DAY, campaign=ref)
    assert content.obstacle_headers[-1] == header, content.obstacle_headers
    flat = " ".join(" ".join(str(v) for v in vars(row).values()) for row in content.sources)
    assert "2026" not in " ".join(content.obstacle_headers) and header in flat, flat[:600]


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_sheets_radar_has_the_same_size_line_of_the_results_page(lang):
    """The results page's radar draws Wallonia, the province and the communes of the same size; the sheet's drew
    the first two only (closing review 7). It draws the three, in the page's order; the size line's source row
    names the province's, whose source and method it shares, instead of repeating its three lines."""
    kwargs = app_kwargs(lang, EUPEN)
    series, _note = logic.pooled_series(DEFAULT, [], EUPEN, lang, [campaign()])
    doc = answers_at_rank(DEFAULT, 1, name="Eupen", nis=EUPEN)
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    assert [s.name for s in content.series[1:]] == [s.name for s in series]
    assert [s.kind for s in content.series[1:]] == ["pooled", "peer", "peer"]
    province, size = content.sources[1], content.sources[2]
    assert province.text.startswith(series[1].name) and series[1].note in province.text
    same = {"fr": "même source et même méthode que [2]", "de": "gleiche Quelle und Methode wie [2]",
            "en": "same source and method as [2]"}[lang]
    assert size.text == f"{series[2].name} — {same}"
    pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY, **kwargs))
    assert pages <= 3 and same in " ".join(" ".join(text).split())
    # the editable versions and the Markdown name it too
    assert series[2].name in build(DEFAULT, doc, lang, "md", generated=DAY, **kwargs).decode().replace("\\", "")


ADDRESS = "https://www.digitalwallonia.be/fr/publications/campagne-smart-city-2026/"


@cache
def published_at(url: str, publisher: str = "SPW Intérieur") -> aggregates.CampaignReference:
    """The same campaign, published by ``publisher`` at ``url`` and read back as an install imports it."""
    from .test_publish import _report

    report = _report(DEFAULT, {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12})
    text = aggregates.dump_yaml(aggregates.aggregates_set(report, publisher=publisher, url=url,
                                                          published_on=date(2026, 7, 15)))
    return aggregates.read_aggregates(text, "campagne.yaml")


def _pdf_lines(pdf: bytes) -> list[str]:
    import io

    import pypdf

    return [line for page in pypdf.PdfReader(io.BytesIO(pdf)).pages for line in page.extract_text().splitlines()]


def _uris(pdf: bytes) -> set[str]:
    import io

    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return {a.get_object()["/A"]["/URI"] for p in reader.pages for a in p.get("/Annots") or []
            if "/A" in a.get_object()}


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_campaigns_source_rows_link_to_where_it_was_published(lang):
    """Every figure's source is reachable: the barometer's rows linked to their publications, the campaign's named
    it and gave no link, though its published file says where (``--url``). Its rows (the Walloon line, the
    province, the same size) now give the address, as a reader types it from the printed sheet and clickable in
    the PDF, the DOCX and the Markdown."""
    from docx import Document

    ref = published_at(ADDRESS)
    series, _note = logic.pooled_series(DEFAULT, [], EUPEN, lang, [ref])
    kwargs = logic.sheet_kwargs(DEFAULT, series, None, lang, [ref])
    doc = answers_at_rank(DEFAULT, 1, name="Eupen", nis=EUPEN)
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    shown = "www.digitalwallonia.be/fr/publications/campagne-smart-city-2026"
    campaign_rows = content.sources[:3]  # Wallonia, the province of Liège, the communes of the same size
    assert [s.name for s in content.series[1:4]] == [s.name for s in series]
    assert all(len(row.links) == 1 and (row.links[0].label, row.links[0].url) == (shown, ADDRESS)
               for row in campaign_rows), campaign_rows
    assert all(ADDRESS not in link.url for row in content.sources[3:] for link in row.links)  # the barometer's own
    pdf = build(DEFAULT, doc, lang, "pdf", generated=DAY, **kwargs)
    pages, _text = pages_and_text(pdf)
    assert pages <= 3 and ADDRESS in _uris(pdf)
    # printed whole on a line of its own row: fpdf2 broke an address that did not fit where the line ended
    # inside its first word ("www.d" / "igitalwallonia.be/…")
    lines = _pdf_lines(pdf)
    assert sum(shown in line for line in lines) == 3 and not any(line.endswith("www.d") for line in lines), lines
    markdown = build(DEFAULT, doc, lang, "md", generated=DAY, **kwargs).decode()
    rows = [line for line in markdown.splitlines() if line.startswith(("- \\[1\\]", "- \\[2\\]", "- \\[3\\]"))]
    assert len(rows) == 3 and all(row.endswith(f" — [{shown}](<{ADDRESS}>)") for row in rows), rows
    import io

    docx = Document(io.BytesIO(build(DEFAULT, doc, lang, "docx", generated=DAY, **kwargs)))
    targets = {rel.target_ref for rel in docx.part.rels.values() if rel.is_external}
    assert ADDRESS in targets


def test_the_campaigns_obstacles_column_source_links_to_its_publication_too():
    """Without its Walloon line, the obstacles column's own source row gives the address as well."""
    ref = published_at(ADDRESS)
    doc = answers_at_rank(DEFAULT, 1, name="Namur", nis=NAMUR)
    content = build_content(DEFAULT, doc, "fr", generated=DAY, campaign=ref)
    row = next(r for r in content.sources if OBSTACLES_TABLE["fr"] in r.text)
    assert [(link.label, link.url) for link in row.links] == [
        ("www.digitalwallonia.be/fr/publications/campagne-smart-city-2026", ADDRESS)]


def test_a_line_without_a_plain_web_address_gives_no_link():
    """The open pool's line has no address; a line handed an address that is no plain http(s) one (another
    scheme, a space, a quote, a backslash) gives no link at all, never a repaired one."""
    from maturity.charts import RadarSeries

    doc = answers_at_rank(DEFAULT, 1, name="Namur", nis=NAMUR)
    scores = {d.id: 50.0 for d in DEFAULT.dimensions}
    for url in ("", "javascript:alert(1)", "data:text/html,<b>x</b>", "ftp://example.org/x", "https://a.org/x y",
                'https://a.org/"onclick', "https://a.org\\@evil.org", "https:///path", "//example.org/x"):
        line = RadarSeries("Wallonie — moyenne de 12 communes", scores, "pooled", note="note", url=url)
        content = build_content(DEFAULT, doc, "fr", generated=DAY, reference=line)
        assert content.sources[0].links == [], url
        markdown = build(DEFAULT, doc, "fr", "md", generated=DAY, reference=line).decode()
        assert "](" not in next(x for x in markdown.splitlines() if x.startswith("- \\[1\\]")), url


def test_a_hostile_publisher_and_address_are_shown_as_typed():
    """The publisher and the title come from an imported file: in the Markdown they stay text; the address is the
    link's target whole (its brackets encoded), its shown form text."""
    url = "https://example.org/a_(b)*[c]:smile:?q=1&amp;x=`y`"
    hostile = "[clic](javascript:alert(1)) <script>x</script> **gras**"
    ref = published_at(url.replace("`", ""), hostile)
    series, _note = logic.pooled_series(DEFAULT, [], NAMUR, "fr", [ref])
    kwargs = logic.sheet_kwargs(DEFAULT, series, None, "fr", [ref])
    doc = answers_at_rank(DEFAULT, 1, name="Namur", nis=NAMUR)
    markdown = build(DEFAULT, doc, "fr", "md", generated=DAY, **kwargs).decode()
    line = next(x for x in markdown.splitlines() if x.startswith("- \\[1\\]"))
    assert "<script>" not in line and "](javascript" not in line and "**gras**" not in line
    assert line.endswith("— [example.org/a\\_(b)\\*\\[c\\]&#58;smile:?q=1&amp;amp;x=y]"
                         "(<https://example.org/a_%28b%29*[c]%3Asmile%3A?q=1&amp;amp;x=y>)"), line
    pdf = build(DEFAULT, doc, "fr", "pdf", generated=DAY, **kwargs)
    assert url.replace("`", "") in _uris(pdf)


def test_a_teams_sheet_that_leaves_its_resources_out_still_names_its_roadmap():
    """Sankt Vith (fresh-eyes trial): a team of three, its notes, an imported campaign (Wallonia, the province and
    the size class), 3 targets and 6 actions. The PDF for the Collège left the priorities' resources out, and the
    roadmap with them without a word, page 3 a sixth empty: the roadmap gave way first, down to nothing, and the
    resources went all the same. Where they went, the section's line stayed where it fitted; now the priorities'
    suggested actions give way too before the commune's own, and its targets and 6 actions are on the sheet (the
    line where even that leaves no room: ``test_a_roadmap_with_no_room_on_the_pdf_is_said_in_one_line``)."""
    from maturity.answers import load_answers
    from maturity.plan import of

    doc, _ = load_answers(Path(__file__).resolve().parents[1] / "data" / "answers" / "team-roadmap-sankt-vith-2027.json",
                          DEFAULT)
    pages, text = pages_and_text(build(DEFAULT, doc, "de", "pdf", generated=DAY, **app_kwargs("de", "63067")))
    text = " ".join(text)
    assert pages <= 3 and "Die vorgeschlagenen Maßnahmen jeder Priorität und ihre Ressourcen (Links)" in text
    assert "Ziele und Fahrplan Dimension Wert Zielstufe" in text and "6 Maßnahmen in der bearbeitbaren" not in text
    actions = [item.action for item in of(doc) if item.status != "dropped"]
    assert len(actions) == 6 and all(" ".join(a.split())[:40] in text for a in actions)


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_a_cited_obstacle_the_campaign_quantifies_is_a_row_not_said_without_a_published_figure(lang):
    """Waremme's team cited five obstacles the 2021 barometer gives no figure for (staff time, citizen adoption, data,
    legal, coordination). With a campaign imported, the results page shows the campaign's share for each, but the
    sheet still listed them under « Aussi cités par la commune, sans chiffre publié » and left the campaign's figures
    out. Each is now a row of the obstacles table: « pas de chiffre publié » for the barometer, the campaign's share
    beside it; an obstacle no one quantifies stays in the sentence."""
    ref = campaign_of_every_obstacle()
    cited = ["staff_time", "citizen_adoption", "data", "coordination"]
    doc = answers_at_rank(DEFAULT, 1, name="Namur", nis=NAMUR, **{qid: "major" for qid in cited})
    series, _note = logic.pooled_series(DEFAULT, [], NAMUR, lang, [ref])
    kwargs = logic.sheet_kwargs(DEFAULT, series, None, lang, [ref])
    assert all(ref.obstacle_text(qid, lang) for qid in cited)
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    rows = {o.obstacle_id: o for o in content.obstacles}
    for qid in cited:
        label = DEFAULT.t(DEFAULT.question_index[qid][1].short, lang)
        assert qid in rows and rows[qid].campaign == f"{ref.obstacle_text(qid, lang)} [1]", (qid, rows.get(qid))
        assert rows[qid].barometer == content_words(lang) and rows[qid].source_ref is None
        assert label not in content.also_cited
    # not cited, no barometer figure: no row (the table is the barometer's obstacles and those the commune cites)
    assert "political_support" not in rows and "legal" not in rows
    # without the campaign, the sentence says them as before
    plain = build_content(DEFAULT, doc, lang, generated=DAY)
    assert not {o.obstacle_id for o in plain.obstacles} & set(cited)
    assert all(DEFAULT.t(DEFAULT.question_index[qid][1].short, lang) in plain.also_cited for qid in cited)
    # the Markdown, the DOCX and the PDF (where they fit: ``test_the_pdf_gives_the_obstacles_only_the_campaign_
    # quantifies_rows_and_says_them_in_one_sentence_only_as_a_last_resort``) have their rows
    markdown = build(DEFAULT, doc, lang, "md", generated=DAY, **kwargs).decode()
    assert all(ref.obstacle_text(qid, lang).replace("\u00a0", " ") in markdown.replace("\u00a0", " ")
               for qid in cited)
    assert content.also_cited not in markdown if content.also_cited else True
    pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY, **kwargs))
    joined = " ".join(" ".join(text).split()).replace("’", "'")
    assert pages <= 3
    assert NO_FIGURE_SENTENCE[lang] not in joined


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_the_pdf_gives_the_obstacles_only_the_campaign_quantifies_rows_and_says_them_in_one_sentence_only_as_a_last_resort(
        lang):
    """With a campaign imported, the DOCX and the Markdown gave each obstacle the commune cites that only the campaign
    quantifies a row with the campaign's share; the PDF named them in one sentence whatever room it had, « la part de
    la campagne … est dans la version modifiable ». The PDF now gives them rows as the others, and says them in that
    sentence only as one of its last resorts, after every other but the scores table's Walloon column (the campaign's
    figures last): Namur's sheet has the rows on its three pages; the heaviest sheet, which does not fit with them
    even at the previous resort, has the sentence, and still its three pages."""
    from maturity.sheet import pdf as sheet_pdf

    ref = campaign_of_every_obstacle()
    cited = ["staff_time", "citizen_adoption", "data", "coordination"]
    doc = answers_at_rank(DEFAULT, 1, name="Namur", nis=NAMUR, **{qid: "major" for qid in cited})
    series, _note = logic.pooled_series(DEFAULT, [], NAMUR, lang, [ref])
    kwargs = logic.sheet_kwargs(DEFAULT, series, None, lang, [ref])
    content = build_content(DEFAULT, doc, lang, generated=DAY, **kwargs)
    sentence = " ".join(content.also_cited_pdf.split())[:60].replace("’", "'")
    assert content.also_cited_pdf
    pages, text = pages_and_text(build(DEFAULT, doc, lang, "pdf", generated=DAY, **kwargs))
    joined = " ".join(" ".join(text).split()).replace("\u00a0", " ")
    assert pages <= 3
    for qid in cited:  # a row: the obstacle, the commune's answer, « pas de chiffre publié », the campaign's share
        label = DEFAULT.t(DEFAULT.question_index[qid][1].short, lang)
        share = ref.obstacle_text(qid, lang).replace("\u00a0", " ")
        assert re.search(rf"{re.escape(label)} \S[^[]*? \(3/3\) {re.escape(content_words(lang))} {re.escape(share)} \[1\]",
                         joined), (qid, label, share)
    assert sentence not in joined.replace("’", "'") and NO_FIGURE_SENTENCE[lang] not in joined

    # the heaviest sheet (every obstacle major) with such a campaign: the sentence, on three pages
    heavy, heavy_kwargs = heaviest(lang)
    series, _note = logic.pooled_series(DEFAULT, [], EUPEN, lang, [ref])
    heavy_kwargs |= logic.sheet_kwargs(DEFAULT, series, None, lang, [ref])
    heavy_content = build_content(DEFAULT, heavy, lang, generated=DAY, **heavy_kwargs)
    pages, text = pages_and_text(build(DEFAULT, heavy, lang, "pdf", generated=DAY, **heavy_kwargs))
    joined = " ".join(" ".join(text).split()).replace("’", "'")
    assert pages <= 3 and " ".join(heavy_content.also_cited_pdf.split())[:60].replace("’", "'") in joined
    assert NO_FIGURE_SENTENCE[lang] not in joined
    # the sentence is one of the very last resorts: only the Walloon column (then the resources) after it, and the
    # resort before it, the same with the rows, does not fit
    tries = sheet_pdf._compact_tries(heavy_content)
    first = next(i for i, t in enumerate(tries) if not t.rows)
    assert first > 0 and tries[first] == tries[first - 1]._replace(rows=False)
    assert all(not t.rows for t in tries[first:]) and all(not t.column for t in tries[first + 1:])
    radar = sheet_pdf.radar_drawing(DEFAULT, heavy_content)
    before = tries[first - 1]
    shown = heavy_content.with_limit(before.limit, before.notes).with_topics(before.topics, before.settled)
    shown = shown if before.trends else shown.without_trends()
    assert sheet_pdf._layout(shown, radar, compact=True, brief=before.brief, why=before.why,
                             resources=before.resources, actions=before.actions).page_no() > 3
    # a sheet with no such obstacle tries no such resort (no layout more)
    assert all(t.rows for t in sheet_pdf._compact_tries(build_content(DEFAULT, heavy, lang, generated=DAY)))


NO_FIGURE_SENTENCE = {"fr": "Aussi cités par la commune, sans chiffre publié",
                      "de": "Von der Gemeinde ebenfalls genannt, ohne veröffentlichte Zahl",
                      "en": "Also cited by the commune, with no published figure"}


@cache
def campaign_of_every_obstacle() -> aggregates.CampaignReference:
    """A campaign of 70 communes that answered every obstacle: it publishes a share for each."""
    from maturity import campaign as estimator
    from maturity import communes
    from maturity.benchmarks import load_benchmark_sets

    from .test_publish import CAMPAIGN, DIMS

    by_prov: dict[str, list[str]] = {}
    for c in communes.registry_at("2026-03-01"):
        by_prov.setdefault(c.province_nis, []).append(c.nis_code)
    responses = []
    for province, count in {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12}.items():
        for i, nis in enumerate(by_prov[province][:count]):
            severities = {o.id: float((i + k) % 4) for k, o in enumerate(DEFAULT.obstacles)}
            answers = {o.id: o.options[int(severities[o.id])].id for o in DEFAULT.obstacles}
            scores = {d: float(15 + (i * 13 + k * 7) % 70) for k, d in enumerate(DIMS)}
            responses.append(estimator.Response(nis, scores, severities, answers))
    report = estimator.campaign_report(CAMPAIGN, communes.registry_at("2026-03-01"), responses, DEFAULT,
                                       load_benchmark_sets())
    with tempfile.TemporaryDirectory() as tmp:
        paths = publish.publish(report, Path(tmp), questionnaire=DEFAULT, publisher="SPW", url="https://example.org",
                                published_on=date(2026, 7, 15))
        yml = next(p for p in paths if p.suffix == ".yaml")
        return aggregates.read_aggregates(yml.read_text(encoding="utf-8"), str(yml))


def content_words(lang: str) -> str:
    from maturity.sheet.content import t
    return t("no_figure", lang)
