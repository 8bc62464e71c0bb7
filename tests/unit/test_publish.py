"""Publishing a campaign: YAML + CSV + PDF, nothing per commune, nothing under 5, and the import round trip."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest

from maturity import aggregates, campaign, communes, publish
from maturity.benchmarks import load_benchmark_sets
from maturity.errors import InvalidInput

DIMS = ("economy", "people", "governance", "mobility", "environment", "living")
CAMPAIGN = {"id": "wal-2026", "title": "Baromètre 2026", "questionnaire": "smart-city-wallonie",
            "opens": "2026-03-01", "closes": "2026-06-30"}


def _report(questionnaire, per_province):
    registry = communes.registry_at("2026-03-01")
    by_prov: dict[str, list[str]] = {}
    for c in registry:
        by_prov.setdefault(c.province_nis, []).append(c.nis_code)
    responses = []
    for province, count in per_province.items():
        for i, nis in enumerate(by_prov[province][:count]):
            answers = {"approach": "started" if i % 2 else "none", "smart_region_known": "yes" if i % 3 else "no",
                       "budget": "major" if i % 2 else "none"}
            if i % 2:
                answers |= {"strategy_written": "yes" if i % 4 == 1 else "no", "progress": 3 + i % 5}
            scores = {d: float(15 + (i * 13 + k * 7) % 70) for k, d in enumerate(DIMS)}
            responses.append(campaign.Response(nis, scores, {"budget": 3.0 if i % 2 else 0.0}, answers))
    return campaign.campaign_report(CAMPAIGN, registry, responses, questionnaire, load_benchmark_sets())


@pytest.fixture(scope="module")
def published(default_questionnaire, tmp_path_factory):
    out = tmp_path_factory.mktemp("published")
    report = _report(default_questionnaire, {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12})
    paths = publish.publish(report, out, questionnaire=default_questionnaire, publisher="Coordination (test)",
                            url="https://example.org/campagne", published_on=date(2026, 7, 15))
    return report, paths


def test_three_files_named_after_the_set(published):
    _report, paths = published
    assert [p.suffix for p in paths] == [".yaml", ".csv", ".pdf"]
    assert all(p.name.startswith("campagne-wal-2026") and p.stat().st_size > 0 for p in paths)
    assert paths[2].read_bytes().startswith(b"%PDF")


def test_the_published_yaml_round_trips_through_the_import(published):
    report, paths = published
    ref = aggregates.read_aggregates(paths[0].read_text(encoding="utf-8"), paths[0].name)
    assert ref.n == report["n_submitted"] == 70 and ref.N == 261
    assert ref.scores()["economy"] == pytest.approx(report["dimensions"]["economy"]["estimate"])
    assert ref.set.licence == "CC BY 4.0" and ref.set.date == date(2026, 7, 15)
    assert ref.label("en") == "Wallonia (campaign Baromètre 2026, n = 70 of 261)"
    # the dimension labels are the questionnaire's, in each language
    fig = ref.set.figure("wallonia.economy")
    assert "Wallonie" in fig.label["fr"] and "Wallonia" in fig.label["en"]


def _commune_codes():
    codes = {c.nis_code for c in communes.registry_at("2026-03-01")} | set(communes.communes())
    return codes - set(communes.PROVINCES)


def test_no_commune_and_no_group_under_5_leaves(published):
    _report, paths = published
    codes = _commune_codes()
    for path in paths[:2]:
        text = path.read_text(encoding="utf-8")
        for code in codes:
            assert not re.search(rf"(?<![0-9.]){code}(?![0-9])", text), (path.name, code)
    rows = list(csv.DictReader(io.StringIO(paths[1].read_text(encoding="utf-8"))))
    assert rows and list(rows[0]) == list(aggregates.CSV_COLUMNS)
    for row in rows:
        if row["suppressed"] == "yes":
            assert all(row[k] == "" for k in ("estimate", "ci_low", "ci_high", "n", "median", "q1", "q3"))
        else:
            assert int(row["n"]) >= 5
    # Brabant wallon (4 respondents) is hidden, and so is the smallest other province (Luxembourg, 9)
    hidden = {row["key"] for row in rows if row["group"] == "province" and row["suppressed"] == "yes"}
    assert {"20002", "80000"} <= hidden
    ref = aggregates.read_aggregates(paths[0].read_text(encoding="utf-8"), "x.yaml")
    assert all(f.n >= 5 for f in ref.set.figures)
    assert not any(f.group in ("province:20002", "province:80000") for f in ref.set.figures)


def test_the_pdf_says_where_the_numbers_come_from(published):
    import subprocess

    _report, paths = published
    pdftotext = subprocess.run(["pdftotext", "-layout", str(paths[2]), "-"], capture_output=True, text=True,
                               check=False)
    if pdftotext.returncode != 0:  # poppler-utils is a system dependency of the test suite
        pytest.fail("pdftotext is needed (apt-get install poppler-utils)")
    text = pdftotext.stdout
    assert "70 communes sur 261 ont répondu" in text and "CC BY 4.0" in text
    assert "Moyennes par province" in text and "alors et maintenant" in text
    assert "post-stratifiée" in text
    # each group's mean says how many communes it stands on, and where its interval is
    assert re.search(r"Hainaut\s+20\s+sur\s+69\s", text) and re.search(r"Brabant wallon\s+—\s+sur\s+27\s", text)
    assert "son intervalle à 95 % est dans le fichier CSV" in " ".join(text.split())
    assert "Aucun score n'est rattaché à une commune" in " ".join(text.split())
    for code in _commune_codes():
        assert not re.search(rf"(?<![0-9.,]){code}(?![0-9])", text), code


def test_nothing_is_written_when_the_publication_would_not_pass_the_import(default_questionnaire, tmp_path):
    report = _report(default_questionnaire, {"50000": 3})  # 3 respondents: nothing may be published
    with pytest.raises(InvalidInput) as exc:
        publish.publish(report, tmp_path / "out", questionnaire=default_questionnaire, publisher="X",
                        url="https://example.org/x")
    assert "respondents" in str(exc.value)
    assert not (tmp_path / "out").exists()
    with pytest.raises(InvalidInput):
        publish.publish(_report(default_questionnaire, {"50000": 8}), tmp_path / "out2",
                        questionnaire=default_questionnaire, publisher="X", url="not a url")
    assert not (tmp_path / "out2").exists()


def test_the_pdf_tables_never_break_a_heading_inside_a_word(published, default_questionnaire):
    """The table by province and size headed its columns "Governanc" / "e" and "Environne" / "nt" (fresh-eyes
    trial): each dimension's short name now stands whole. And in the report's language: "Smart Economy –
    Économie" gave "Economy" in the French and German reports (fresh-eyes trial 7)."""
    import subprocess

    report, paths = published
    texts = {"fr": subprocess.run(["pdftotext", str(paths[2]), "-"], capture_output=True, text=True,
                                  check=True).stdout}
    # in German too, where the groups' names are longer and a column of n ("12 von 69") came in between
    # ("Environmen" / "t"), and in English
    for lang in ("de", "en"):
        texts[lang] = subprocess.run(["pdftotext", "-", "-"], input=publish.report_pdf(report, default_questionnaire,
                                     lang=lang), capture_output=True, check=True).stdout.decode()
    for lang, text in texts.items():
        words = set(text.split())
        for section in default_questionnaire.dimensions:
            for word in default_questionnaire.t(section.label, lang).split(" – ")[-1].split():
                assert word in words, (lang, word)
                if len(word) > 4:
                    assert not [word[:k] for k in range(3, len(word)) if word[:k] in words], (lang, word)
    # the table by group: its headings in the report's language
    for lang, text in texts.items():
        heading = publish._t(lang)["groups"]
        table = text.split(heading, 1)[1].split(publish._t(lang)["items"], 1)[0]
        local = [default_questionnaire.t(s.label, lang).split(" – ")[-1].split()[0] for s in default_questionnaire.dimensions]
        assert all(word in table.split() for word in local), (lang, local, table[:300])
        assert ("Economy" in table.split()) == (lang == "en"), (lang, table[:300])


def _text_boxes(svg: str) -> list[tuple[str, tuple[float, ...]]]:
    """The box of every text mark of a rendered SVG (its position from the nested translations, its width and
    height from the bundled DejaVu font at its size): what a reader sees, whatever code placed it."""
    import xml.etree.ElementTree as ET

    from PIL import ImageFont

    from maturity.sheet.fonts import FONTS_DIR

    fonts: dict[tuple[bool, float], ImageFont.FreeTypeFont] = {}

    def font(bold: bool, size: float) -> ImageFont.FreeTypeFont:
        if (bold, size) not in fonts:
            name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
            fonts[bold, size] = ImageFont.truetype(str(FONTS_DIR / name), size)
        return fonts[bold, size]

    def shift(node: ET.Element) -> tuple[float, float]:
        match = re.search(r"translate\(([-0-9.e]+),\s*([-0-9.e]+)\)", node.get("transform", ""))
        return (float(match[1]), float(match[2])) if match else (0.0, 0.0)

    boxes: list[tuple[str, tuple[float, ...]]] = []

    def walk(node: ET.Element, x: float, y: float) -> None:
        dx, dy = shift(node)
        x, y = x + dx, y + dy
        if node.tag.endswith("}text") and node.get("aria-roledescription") == "text mark":
            f = font(node.get("font-weight") == "bold", float(node.get("font-size", "10px").removesuffix("px")))
            ascent, descent = f.getmetrics()
            spans = [s for s in node if s.tag.endswith("}tspan")] or [node]
            line_y, top, bottom, width = y, None, None, 0.0
            for span in spans:
                line_y += float(span.get("dy", 0)) if span is not node else 0
                width = max(width, f.getlength(span.text or ""))
                top = line_y - ascent if top is None else top
                bottom = line_y + descent
            left = {"middle": x - width / 2, "end": x - width}.get(node.get("text-anchor"), x)
            text = " / ".join(s.text or "" for s in spans)
            box = (text, tuple(round(v, 1) for v in (left, top, left + width, bottom)))
            if text.strip() and box not in boxes:  # a label's white halo is the same text drawn under it
                boxes.append(box)
            return
        for child in node:
            walk(child, x, y)

    walk(ET.fromstring(svg), 0.0, 0.0)
    return boxes


@pytest.mark.parametrize("lang", ["fr", "de"])
@pytest.mark.parametrize("per_province", [{"20002": 8, "50000": 20, "60000": 25, "80000": 9, "90000": 12},
                                          {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12}],
                         ids=["all-published", "two-hidden"])
def test_the_province_maps_labels_never_print_over_each_other(default_questionnaire, lang, per_province):
    """The report's small province maps printed "Brabant wallon 43" over "Hainaut 48" (and
    "Wallonisch-Brabant" over "Hennegau"): no two texts drawn on the maps may share a pixel."""
    from maturity.charts import chart_svg

    report = _report(default_questionnaire, per_province)
    boxes = _text_boxes(chart_svg(publish.province_maps_spec(report, default_questionnaire, lang)))
    assert len(boxes) >= 6 * 5
    clashes = [(a, b) for i, (a, box_a) in enumerate(boxes) for b, box_b in boxes[i + 1:]
               if box_a[0] < box_b[2] and box_b[0] < box_a[2] and box_a[1] < box_b[3] and box_b[1] < box_a[3]]
    assert not clashes, clashes[:5]


def test_the_csv_is_rounded_to_a_thousandth_of_the_scale_and_the_yaml_keeps_every_digit(published):
    """The open CSV printed 45.35325670498084 for a score known to ± 4 points: a reuser gets 45.4 (scores to
    0.1, shares to 0.001, a 0–10 mean to 0.01), rounded by the one rounding from the figures the YAML keeps
    whole for the installs that import it."""
    from decimal import Decimal

    from maturity.display import round_half_up

    _report, paths = published
    figures = {f.id: f for f in aggregates.read_aggregates(paths[0].read_text(encoding="utf-8"), "x.yaml").set.figures}
    rows = [r for r in csv.DictReader(io.StringIO(paths[1].read_text(encoding="utf-8"))) if r["suppressed"] == "no"]
    digits_seen, whole_in_yaml = set(), 0
    for row in rows:
        if row["measure"].startswith("item."):
            fid = row["measure"]
        elif row["group"] == "wallonia":
            fid = f"wallonia.{row['measure']}"
        else:
            fid = f"{row['group']}.{row['key']}.{row['measure']}"
        fig = figures[fid]
        digits = {"share": 3}.get(row["unit"]) or (2 if (fig.out_of or 100) <= 10 else 1)
        digits_seen.add((row["unit"], digits))
        for column, value in (("estimate", fig.value), ("ci_low", fig.ci_low), ("ci_high", fig.ci_high)):
            written = row[column]
            assert len(written.partition(".")[2]) <= digits, (fid, column, written)
            assert Decimal(written) == round_half_up(value, digits), (fid, column, written, value)
            whole_in_yaml += value != float(written)
        assert all(len(row[k].partition(".")[2]) <= digits for k in ("median", "q1", "q3")), row
        assert row["n"].isdigit() and row["N"].isdigit()
    assert {("points", 1), ("share", 3), ("points", 2)} <= digits_seen  # scores, shares and a 0–10 mean
    assert whole_in_yaml > len(rows)  # the YAML was not rounded with it


def test_the_provinces_left_unpublished_are_named_for_the_wallonie_page(published):
    """Walloon Brabant (4 respondents) is not published, nor the province hidden with it so that its figures
    cannot be worked out; the Wallonie page names them (maturity.app.logic.campaign_unpublished)."""
    from maturity.app.logic import campaign_unpublished

    _report, paths = published
    ref = aggregates.read_aggregates(paths[0].read_text(encoding="utf-8"), paths[0].name)
    hidden = ref.unpublished_provinces()
    assert hidden[0] == "20002" and len(hidden) == 2, hidden  # with one other, by complementary suppression
    assert all(f"province:{nis}" in ref.groups() for nis in set(communes.PROVINCES) - set(hidden))
    text = campaign_unpublished(ref, "de")
    assert text.startswith("Keine veröffentlichte Zahl für Wallonisch-Brabant und "), text


def test_the_report_says_which_communes_the_walloon_figures_cover(default_questionnaire, tmp_path):
    """No commune of Luxembourg answered: the report said 'Chiffres estimés pour l'ensemble des 261 communes'
    (statistical review L2); it now says the figures cover the 218 communes of the other provinces."""
    import subprocess

    report = _report(default_questionnaire, {"20002": 6, "50000": 20, "60000": 25, "90000": 12})
    texts = []
    for lang in ("fr", "de"):
        paths = publish.publish(report, tmp_path / lang, questionnaire=default_questionnaire, lang=lang,
                                publisher="Coordination (test)", url="https://example.org/c", published_on=date(2026, 7, 15))
        texts.append(" ".join(subprocess.run(["pdftotext", str(paths[2]), "-"], capture_output=True, text=True,
                                             check=True).stdout.split()))
    assert "63 communes sur 261 ont répondu" in texts[0]
    assert ("Aucune commune de la province de Luxembourg n'a répondu : les chiffres de la Wallonie portent sur les "
            "218 communes des autres provinces.") in texts[0]
    assert "l'ensemble des 261 communes" not in texts[0]
    assert "Aus der Provinz Luxemburg hat keine Gemeinde geantwortet" in texts[1]


@pytest.mark.parametrize("lang", ["fr", "de"])
def test_no_province_published_is_said_in_a_sentence_not_six_grey_maps(default_questionnaire, tmp_path, lang):
    """With 4 respondents or fewer in every province, the report drew six maps of Wallonia all « — » in
    grey under « Moyennes par province »: half a page saying nothing (fresh-eyes trial 7, 14 of 261)."""
    import subprocess

    report = _report(default_questionnaire, {"20002": 2, "50000": 4, "60000": 4, "80000": 2, "90000": 2})
    assert all(e["suppressed"] for g in report["groups"]["province"].values() for e in g["dimensions"].values())
    paths = publish.publish(report, tmp_path, questionnaire=default_questionnaire, publisher="Coordination (test)",
                            url="https://example.org/campagne", published_on=date(2026, 7, 15), lang=lang)
    text = " ".join(subprocess.run(["pdftotext", str(paths[2]), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    said = {"fr": "Aucune province ne compte encore 5 communes répondantes", "de": "Noch keine Provinz hat 5"}[lang]
    assert said in text
    from pypdf import PdfReader

    images = sum(len(page.images) for page in PdfReader(str(paths[2])).pages)
    assert images == 2, images  # the radar and the distributions; no map


def test_a_group_of_5_or_more_hidden_with_a_smaller_one_is_explained(published):
    """Luxembourg (9 respondents) is hidden with Brabant wallon (4), so that Brabant wallon's mean cannot be worked
    out from Wallonia's and the others': the table read « 9 sur 43 — — — » above « — : non publié (moins de 5
    communes) », which it contradicted (fresh-eyes trial 11: « 7 sur 30 » for the communes of 20 000 to 49 999)."""
    import subprocess

    report, paths = published
    luxembourg = report["groups"]["province"]["80000"]
    assert luxembourg["n"] == 9 and all(e["suppressed"] for e in luxembourg["dimensions"].values())
    text = " ".join(subprocess.run(["pdftotext", str(paths[2]), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "— : non publié (moins de 5 communes). Un groupe d'au moins 5 communes est aussi masqué (—) quand, sans " \
           "cela, les chiffres d'un groupe plus petit se déduiraient des autres. n : les communes du groupe" in text


def test_the_reports_source_line_is_not_spread_across_the_page(default_questionnaire, tmp_path):
    """Justified, the source line under the method ended before its long address and spread its few words
    over the page (« SPW      –     Baromètre    Smart      City »: fresh-eyes trial 7)."""
    import subprocess

    report = _report(default_questionnaire, {"50000": 20, "60000": 25})
    publisher = "Service public de Wallonie — SPW Intérieur et Action sociale"
    paths = publish.publish(report, tmp_path, questionnaire=default_questionnaire, publisher=publisher,
                            url="https://www.wallonie.be/smart-city/campagne-2027", published_on=date(2026, 7, 15))
    text = subprocess.run(["pdftotext", "-layout", str(paths[2]), "-"], capture_output=True, text=True,
                          check=True).stdout
    lines = text.splitlines()
    start = max(i for i, line in enumerate(lines) if re.search(r"Service\s+public\s+de\s+Wallonie", line))
    source = [line.strip() for line in lines[start:start + 3] if line.strip() and "Page" not in line]
    assert source and "smart-city/campagne-2027" in " ".join(source), source  # the line under the method
    assert not any(re.search(r"\S {3,}\S", line) for line in source), source


def test_the_report_says_the_size_classes_cover_the_communes_of_the_other_provinces(default_questionnaire, tmp_path):
    """No commune of Luxembourg answered: the report's table by size of commune gave each class 'n sur N' with N
    counting Luxembourg's communes; N is now the class's communes of the other provinces, and the note says so."""
    import subprocess

    report = _report(default_questionnaire, {"20002": 6, "50000": 20, "60000": 25, "90000": 12})
    registry = communes.registry_at("2026-03-01")
    lt5k = report["groups"]["population_class"]["lt5k"]
    assert lt5k["N"] == sum(c.population_class == "lt5k" and c.province_nis != "80000" for c in registry)
    paths = publish.publish(report, tmp_path, questionnaire=default_questionnaire, lang="fr",
                            publisher="Coordination (test)", url="https://example.org/c", published_on=date(2026, 7, 15))
    text = " ".join(subprocess.run(["pdftotext", str(paths[2]), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    assert "Les chiffres par taille de commune, eux aussi, ne portent que sur les communes des autres provinces." in text
    assert f"{lt5k['n']} sur {lt5k['N']}" in text
    ref = aggregates.read_aggregates(paths[0].read_text(encoding="utf-8"), paths[0].name)
    assert ref.group_n("population_class:lt5k") == (lt5k["n"], lt5k["N"])
    rows = [r for r in csv.DictReader(io.StringIO(paths[1].read_text(encoding="utf-8"))) if r["key"] == "lt5k"]
    assert rows and all(r["N"] == str(lt5k["N"]) for r in rows)


def test_the_report_writes_each_estimate_as_the_pages_do(published):
    """The report wrote the dimensions' estimates with a decimal ("45,5", "41,3–49,8") where the Campagnes,
    Wallonie and Résultats pages write whole numbers for the same estimates ("46", "41–50"); the 0–10 mean
    with two ("4,89 (4,50–5,28)") where a commune's page writes "4,9 (4,5–5,3) / 10"; and the barometer's
    2020 figure, published as "3", as "3,00"."""
    import subprocess

    from maturity.benchmarks import FigureRef, campaign_sentence
    from maturity.display import format_estimate, format_number, format_range

    report, paths = published
    layout = subprocess.run(["pdftotext", "-layout", str(paths[2]), "-"], capture_output=True, text=True,
                            check=True).stdout.replace("\u00a0", " ")
    table = layout.split("Estimations par dimension")[1].split("Page 1")[0]
    assert not re.search(r"\d,\d", table), table  # not one decimal in the estimates' table
    rows = re.findall(r"(\S+) +(\S+–\S+) +(\d+) +(\d+) \((\d+–\d+)\)", table)
    assert rows == [(format_number(e["estimate"]), format_range(e["ci_low"], e["ci_high"]), str(e["n"]),
                     format_number(e["median"]), format_range(e["q1"], e["q3"]))
                    for e in report["dimensions"].values()]
    # the same figure as the Wallonie and Résultats pages write it ("46 (41–50)")
    economy = report["dimensions"]["economy"]
    assert format_estimate(economy["estimate"], (economy["ci_low"], economy["ci_high"]), "fr") == (
        f"{rows[0][0]} ({rows[0][1]})")

    text = " ".join(layout.split())
    item = report["items"]["progress_self_rated"]
    ref = aggregates.read_aggregates(paths[0].read_text(encoding="utf-8"), paths[0].name)
    sentence = campaign_sentence(FigureRef(ref.set.figure("item.progress_self_rated"), ref.set), "fr")
    assert "4,9 / 10 (4,5–5,3), n = 34" in " ".join(sentence.split())  # what a commune's page says
    assert f"3,67 3 4,31 4,9 (4,5–5,3), n = {item['n']}" in text, text  # and the report, as published then
    budget = report["items"]["obstacle_budget"]
    share = format_estimate(budget["estimate"], (budget["ci_low"], budget["ci_high"]), "fr", percent=True)
    assert f"{' '.join(share.split())}, n = {budget['n']}" in text


def test_the_reports_maps_and_radar_have_a_text_alternative(default_questionnaire):
    """The published report's province maps and radar were images without words for a screen reader, and
    their specs had Vega's English name only (a11y review, finding 10): each figure now carries its figures
    as the image's alternative text, in the report's language."""
    import pypdf

    report = _report(default_questionnaire, {"20002": 4, "50000": 20, "60000": 25, "80000": 9, "90000": 12})
    spec = publish.province_maps_spec(report, default_questionnaire, "fr")
    described = spec["description"]
    assert described.startswith("Carte des cinq provinces wallonnes\u00a0: Brabant wallon, Hainaut"), described
    assert "Carte des provinces wallonnes, Smart Mobility (Mobilité). " in described, described
    assert "Brabant wallon (moins de 5 communes\u00a0: non publié)" in described  # 4 communes: not published
    assert re.search(r"Hainaut \d+", described), described
    data = publish.report_pdf(report, default_questionnaire, lang="fr")
    reader = pypdf.PdfReader(io.BytesIO(data))
    alts = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, pypdf.generic.DictionaryObject):
            if "/Alt" in node:
                alts.append(str(node["/Alt"]))
            kids = node.get("/K")
            for kid in (kids if isinstance(kids, pypdf.generic.ArrayObject) else [kids] if kids is not None else []):
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert any(a.startswith("Graphique radar, score sur 100 par dimension.") for a in alts), alts
    assert described in alts, alts
