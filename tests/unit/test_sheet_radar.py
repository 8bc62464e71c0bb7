"""The PDF's radar as vector paths (maturity.sheet.radar): the same picture as Vega's rendering of the one
radar spec, at the same size, so the page around it is laid out as before; its words are drawn, not text."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from datetime import date

import pypdf
import pytest
from PIL import Image, ImageChops, ImageStat

from maturity.charts import PDF_LAYOUT, STYLES, RadarSeries, chart_png, chart_svg, radar_spec
from maturity.questionnaire import load_questionnaire
from maturity.sheet import build
from maturity.sheet.radar import RadarDrawing

from .sheet_helpers import answers_at_rank

DAY = date(2026, 12, 1)
DEFAULT = load_questionnaire()
DIMS = [d.id for d in DEFAULT.dimensions]


def _series(count: int, lang: str) -> list[RadarSeries]:
    """The commune, then a pooled reference (a gap, a long label), then peers with an interval band."""
    name = {"fr": "Votre commune — Fontaine-l'Évêque (auto-évaluation, 1 commune)",
            "de": "Ihre Gemeinde — Büllingen (Selbstbewertung, 1 Gemeinde)",
            "en": "Your commune — Chaumont-Gistoux (self-assessment, 1 commune)"}[lang]
    out = [RadarSeries(name, {d: 20 + 11 * i for i, d in enumerate(DIMS)})]
    if count > 1:
        out.append(RadarSeries("Wallonie — moyenne de 14 communes (évaluations mises en commun, 2026), un libellé "
                               "assez long pour passer sur plusieurs lignes de la légende",
                               {d: (None if i == 1 else 35 + 5 * i) for i, d in enumerate(DIMS)}, kind="pooled"))
    if count > 2:
        out.append(RadarSeries("Pairs", {d: 50 - 3 * i for i, d in enumerate(DIMS)}, kind="peer",
                               band={d: (40 - 3 * i, 60 - 3 * i) for i, d in enumerate(DIMS)}))
    return out


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
@pytest.mark.parametrize("count", [1, 2, 3])
def test_the_drawing_has_the_size_of_vegas_picture(lang, count):
    # the sheet places the radar by its size: the same size as the PNG keeps every page as it was
    spec = radar_spec(DEFAULT, _series(count, lang), lang, layout=PDF_LAYOUT)
    svg = chart_svg(spec)
    width, height = (float(v) for v in re.search(r'width="([\d.]+)" height="([\d.]+)"', svg).groups())
    drawing = RadarDrawing(spec)
    assert (drawing.width, drawing.height) == (width, height)


def _rasterise(drawing: RadarDrawing, scale: float) -> Image.Image:
    from fpdf import FPDF

    w_mm = drawing.width * 25.4 / 96
    pdf = FPDF(unit="mm", format=(w_mm, w_mm * drawing.aspect))
    pdf.add_page()
    drawing.draw(pdf, 0, 0, w_mm)
    png = subprocess.run(["pdftoppm", "-png", "-r", str(96 * scale), "-singlefile", "-"],
                         input=bytes(pdf.output()), capture_output=True, check=True).stdout
    return Image.open(io.BytesIO(png)).convert("RGB")


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
@pytest.mark.parametrize("count", [1, 3])
def test_the_drawing_looks_like_vegas_picture(count):
    # drawn from the same spec: rasterised, it matches vl-convert's PNG of that spec almost pixel for pixel
    # (anti-aliasing)
    spec = radar_spec(DEFAULT, _series(count, "fr"), "fr", layout=PDF_LAYOUT)
    drawing = RadarDrawing(spec)
    ours = _rasterise(drawing, 1)
    vega = Image.open(io.BytesIO(chart_png(spec, scale=1))).convert("RGB")
    ours = ours.resize(vega.size)
    diff = ImageChops.difference(ours, vega).convert("L")
    assert ImageStat.Stat(diff).mean[0] < 4  # of 255, over the whole picture
    # the commune's blue where Vega has it: its shape and points are at the same places
    blue = tuple(int(STYLES["commune"]["color"][k:k + 2], 16) for k in (1, 3, 5))

    def near_blue(img: Image.Image) -> set[tuple[int, int]]:
        px = img.load()
        return {(x, y) for x in range(0, img.width, 2) for y in range(0, img.height, 2)
                if sum(abs(a - b) for a, b in zip(px[x, y], blue, strict=True)) < 60}

    ours_blue, vega_blue = near_blue(ours), near_blue(vega)
    assert vega_blue and len(ours_blue & vega_blue) >= 0.6 * len(vega_blue)


def test_the_pdf_draws_the_radar_as_paths_and_its_words_are_not_text():
    doc = answers_at_rank(DEFAULT, 1, name="Fontaine-l'Évêque", nis="52022")
    data = build(DEFAULT, doc, "fr", "pdf", generated=DAY)
    reader = pypdf.PdfReader(io.BytesIO(data))
    page = reader.pages[0]
    assert not page.images  # no picture: the radar is vector paths
    stream = page.get_contents().get_data().decode("latin-1")
    radar = stream[stream.index(" cm "):]  # the drawing: scaled into place, in the picture's px
    assert re.search(r"\b0\.7882 0\.8078 0\.8392 RG\b", radar)  # the rings' grey (#C9CED6)
    # the commune's line, stroked in its blue (#0072B2): a closed hexagon through its 6 scores
    line = re.search(r"0 0\.4471 0\.698 RG[^S]*?((?:[\d.]+ [\d.]+ [ml] ){7})(?:h )?S", radar)
    assert line and len(line.group(1).split()) == 21
    # the axis labels and level names are glyph outlines, as in the picture: the text is the sheet's own
    text = page.extract_text()
    assert "Smart Economy – Économie" in text  # the scores table
    assert "Optimisation" in text and text.count("Optimisation") == 2  # the levels column and the summary


def _contrast(one: str, other: str) -> float:
    """WCAG's contrast ratio of two colours (#RRGGBB)."""
    def luminance(colour: str) -> float:
        channels = [int(colour[k:k + 2], 16) / 255 for k in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="needs pdftoppm (poppler-utils)")
def test_the_targets_ring_is_legible_at_print_size():
    """The targets were a thin light-blue dotted ring (#56B4E9, 1.3 px): at print size a sheet hardly showed it and it
    read as the commune's blue. Its colour has a graphic's contrast on white (WCAG 1.4.11, 3:1) and against the
    commune's line, a dash of its own, thinner than the commune's line; rasterised at 96 dpi, its ring is drawn
    in dark pixels, where the old one darkened none (only its legend's words)."""
    target, commune = STYLES["target"], STYLES["commune"]
    assert _contrast(target["color"], "#FFFFFF") >= 3 and _contrast(target["color"], commune["color"]) >= 2
    assert 1.5 <= target["width"] < commune["width"] and target["dash"] not in [s["dash"] for k, s in STYLES.items()
                                                                              if k != "target"]
    series = [RadarSeries("Commune", {d: 30.0 for d in DIMS}),
              RadarSeries("Objectifs", {d: 80.0 for d in DIMS}, kind="target")]
    image = _rasterise(RadarDrawing(radar_spec(DEFAULT, series, "fr", layout=PDF_LAYOUT)), 1)
    alone = _rasterise(RadarDrawing(radar_spec(DEFAULT, series[:1], "fr", layout=PDF_LAYOUT)), 1)
    dark = lambda img: sum(1 for px in img.getdata() if sum(px) < 3 * 110)  # noqa: E731 (darker than #6E6E6E)
    # the ring at 80 and its legend line darken 972 pixels; with the old ring, 165 (the legend's words)
    assert dark(image) - dark(alone) > 300, (dark(image), dark(alone))
