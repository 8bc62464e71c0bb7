"""« Votre commune et le baromètre wallon » with an imported campaign: each sentence gives the campaign's
estimate of the same figure, its 95 % interval and n, on the results page and on the Collège's sheet, as
the obstacles table does; the sentences without a campaign are unchanged."""

from __future__ import annotations

import re
import tempfile
from datetime import date
from pathlib import Path

import pytest

from maturity import aggregates, publish
from maturity.app import logic
from maturity.benchmarks import comparisons, load_benchmark_sets
from maturity.questionnaire import load_questionnaire
from maturity.scoring import score
from maturity.sheet import build, build_content
from maturity.sheet.pdf import MAX_PAGES

from .sheet_helpers import answers_at_rank
from .test_publish import _report
from .test_sheet_page_one import pages_and_text

DEFAULT = load_questionnaire()
DAY = date(2026, 12, 1)


@pytest.fixture(scope="module")
def ref():
    report = _report(DEFAULT, {"20002": 6, "50000": 20, "60000": 25, "80000": 9, "90000": 12})
    with tempfile.TemporaryDirectory() as tmp:
        paths = publish.publish(report, Path(tmp), questionnaire=DEFAULT, publisher="SPW", url="https://example.org",
                                published_on=date(2026, 7, 15))
        return aggregates.read_aggregates(paths[0].read_text(encoding="utf-8"), paths[0].name)


def _expected(ref, figure_id, lang="fr"):
    fig = ref.item(figure_id)
    from maturity.display import format_estimate

    return f"Campagne 2026\u00a0: {format_estimate(fig.value, (fig.ci_low, fig.ci_high), lang, percent=True)}, n\u00a0=\u00a0{fig.n}"


def test_the_results_page_sentences_give_the_campaigns_estimate(ref):
    doc = answers_at_rank(DEFAULT, 1, approach="started", budget="major")
    assessment = score(DEFAULT, doc.answers)
    sets = load_benchmark_sets()
    found = comparisons(DEFAULT, doc.answers, assessment, sets, "fr", campaign=ref.set)
    groups = logic.comparison_groups(found, "fr")  # what the results page shows, grouped by study
    sentences = [s for _cite, group in groups for s in group]
    approach = next(s for s in sentences if "démarche Smart City" in s)
    assert approach.endswith(_expected(ref, "approach_started") + "."), approach
    budget = next(s for s in sentences if "le budget" in s)
    assert budget.endswith(_expected(ref, "obstacle_budget") + "."), budget
    # the source under the group names the campaign too: study, kind, n of N, after a no-break space and « ; »
    cites = [cite for cite, _group in groups]
    # its kind as the radar's table says it (it read « auto-évaluations mises en commun »: fresh-eyes trial 11)
    assert any(cite.endswith("\u00a0; Campagne wallonne Smart City\u00a0: Baromètre 2026, estimation de campagne (intervalle "
                             f"à 95\u00a0%), {ref.n} communes répondantes sur 261") for cite in cites), cites
    # the barometer's sentences without a campaign: as before, no campaign figure
    plain = [s for _cite, group in logic.comparison_groups(comparisons(DEFAULT, doc.answers, assessment, sets, "fr"),
                                                            "fr") for s in group]
    assert not any("Campagne" in s for s in plain)
    assert [s.split(" Campagne 2026\u00a0: ")[0] for s in sentences] == plain


def test_the_sheets_sentences_give_the_campaigns_estimate_with_its_source(ref):
    doc = answers_at_rank(DEFAULT, 1, approach="started", budget="major")
    series, _note = logic.pooled_series(DEFAULT, [], "92094", "fr", [ref])
    kwargs = logic.sheet_kwargs(DEFAULT, series, None, "fr", [ref])
    content = build_content(DEFAULT, doc, "fr", generated=DAY, **kwargs)
    said = [s for s, _ref in content.comparisons]
    approach = next(s for s in said if "démarche Smart City" in s)
    # the campaign's figure cites the Walloon line's source, the campaign, as its obstacles column does
    assert approach.endswith(_expected(ref, "approach_started") + " [1]."), approach
    assert content.sources[0].text.startswith(ref.label("fr"))
    pages, text = pages_and_text(build(DEFAULT, doc, "fr", "pdf", generated=DAY, **kwargs))
    assert pages <= MAX_PAGES
    flat = " ".join(" ".join(text).split())
    assert re.search(r"Campagne 2026 : \d+ % \(\d+–\d+ %\), n = \d+ \[1\]", flat), flat[-2000:]
    md = build(DEFAULT, doc, "fr", "md", generated=DAY, **kwargs).decode()
    assert " ".join(_expected(ref, "approach_started").split()) in " ".join(md.split())
    # without a campaign: the sheet's sentences as before
    plain = build_content(DEFAULT, doc, "fr", generated=DAY)
    assert not any("Campagne" in s for s, _ref in plain.comparisons)


def test_the_obstacles_campaign_note_says_which_communes_when_a_province_had_no_respondent(ref):
    """With no respondent in Luxembourg the note under the obstacles table said « estimation pour toutes les
    communes » beside figures covering 218 of them."""
    report = _report(DEFAULT, {"20002": 6, "50000": 20, "60000": 25, "90000": 12})
    with tempfile.TemporaryDirectory() as tmp:
        paths = publish.publish(report, Path(tmp), questionnaire=DEFAULT, publisher="SPW", url="https://example.org",
                                published_on=date(2026, 7, 15))
        without = aggregates.read_aggregates(paths[0].read_text(encoding="utf-8"), paths[0].name)
    for lang, everywhere, covered in (("fr", "pour toutes les communes", "portent sur les 218 communes"),
                                      ("de", "für alle Gemeinden", "gelten für die 218 Gemeinden"),
                                      ("en", "for all communes", "cover the 218 communes")):
        note = logic.campaign_obstacles_note(without, lang)
        assert everywhere not in note and covered in note, note
        assert everywhere in logic.campaign_obstacles_note(ref, lang)  # every province answered: as before
