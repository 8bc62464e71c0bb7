import math

import pytest

from maturity.charts import (
    APP_LAYOUT,
    PDF_LAYOUT,
    STYLES,
    RadarSeries,
    _segments,
    chart_png,
    radar_chart,
    radar_data,
    radar_spec,
    series_label,
    wrap_label,
)

from .sheet_helpers import questionnaire


def _series(q, missing=("mobility",)):
    scores = {d.id: 10.0 * (i + 2) for i, d in enumerate(q.dimensions)}
    for m in missing:
        scores[m] = None
    return RadarSeries("Votre commune", scores, "commune")


def test_segments_break_at_gaps_and_close_the_loop():
    assert _segments([1, 2, 3]) == [[0, 1, 2, 0]]
    assert _segments([1, None, 3, 4]) == [[2, 3, 0]]
    assert _segments([None, None]) == []


def test_a_missing_score_is_a_gap_not_zero_and_the_legend_says_so():
    q = questionnaire()
    data = radar_data(q, [_series(q)], "fr")
    mobility = [d.id for d in q.dimensions].index("mobility")
    # no point at the centre (a 0) for the missing dimension, and no point for it at all
    assert all(p["dimension"] != "Mobilité" for p in data["points"])
    assert len(data["points"]) == len(q.dimensions) - 1
    # the line is broken: more than one segment or an open one, never through the missing axis
    segments = {row["segment"] for row in data["lines"]}
    assert len(data["lines"]) == len(q.dimensions) - 1
    assert segments
    label = series_label(_series(q), [(d.id, q.t(d.label, "fr")) for d in q.dimensions], "fr")
    assert "Mobilité" in label and "réponses insuffisantes" in label
    assert mobility >= 0


@pytest.mark.parametrize("lang, words", [("fr", "score seulement pour : "), ("de", "Wert nur für: "),
                                          ("en", "score only for: ")])
def test_a_line_scored_on_few_dimensions_names_those_in_the_legend(lang, words):
    """Gesves's directrice générale answered Governance only: the legend under her line listed the five other
    dimensions « sans score : … » over six lines (fresh-eyes trial 9). It names the one she has a score for."""
    q = questionnaire()
    dims = [(d.id, q.t(d.label, lang)) for d in q.dimensions]
    alone = RadarSeries("directrice générale", {d: (33.0 if d == "governance" else None) for d, _ in dims}, "respondent")
    label = series_label(alone, dims, lang)
    governance = dict(dims)["governance"]
    assert label.startswith(f"directrice générale — {words}{governance} ("), label
    assert not any(name in label for d, name in dims if d != "governance"), label
    half = RadarSeries("CPAS", {d: (40.0 if i < 3 else None) for i, (d, _) in enumerate(dims)}, "respondent")
    assert all(name in series_label(half, dims, lang) for _d, name in dims[3:])  # as many missing: named


def test_rings_at_level_minima_and_localized_labels():
    q = questionnaire()
    data = radar_data(q, [_series(q, ())], "de")
    assert sorted({row["ring"] for row in data["grid"]}) == [20, 40, 60, 80, 100]
    assert {row["label"] for row in data["bands"]} == {q.t(lv.label, "de") for lv in q.levels}
    assert "Wirtschaft" in {row["label"] for row in data["labels"]}


def test_each_kind_has_colour_dash_and_shape():
    colours = {s["color"] for s in STYLES.values()}
    dashes = {tuple(s["dash"]) for s in STYLES.values()}
    shapes = {s["shape"] for s in STYLES.values()}
    assert len(colours) == len(dashes) == len(shapes) == len(STYLES)


def test_chart_renders_offline_to_png():
    q = questionnaire()
    ref = RadarSeries("Wallonie — moyenne de 12 communes (évaluations mises en commun, 2026)",
                      {d.id: 50.0 for d in q.dimensions}, "pooled")
    png = chart_png(radar_chart(q, [_series(q), ref], "fr"), scale=1)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(png[16:20], "big") > 300


def _angle(row):
    return math.degrees(math.atan2(row["y"], row["x"])) % 360


def test_ring_values_and_level_names_sit_between_axes_never_on_one():
    q = questionnaire()
    data = radar_data(q, [_series(q, ())], "fr")
    n = len(q.dimensions)
    axes = {(90 - 360 * i / n) % 360 for i in range(n)}
    for row in data["ticks"] + data["bands"]:
        # at least a third of the angle between two axes away from every axis (and its label, and its points)
        assert min(min(abs(_angle(row) - a), 360 - abs(_angle(row) - a)) for a in axes) > 360 / n / 3
    # names upper right, values lower left (away from the top label): they never meet
    assert all(row["x"] < 0 and row["y"] < 0 for row in data["ticks"])
    assert all(row["x"] > 0 and row["y"] > 0 for row in data["bands"])
    assert [row["label"] for row in data["ticks"]] == ["20", "40", "60", "80", "100"]


def test_the_commune_shape_is_filled_and_long_labels_wrap_at_their_dash():
    q = questionnaire()
    data = radar_data(q, [_series(q, ())], "fr")
    assert len(data["areas"]) == len(q.dimensions)  # the commune's polygon, lightly filled
    assert wrap_label("Smart Governance – Verwaltung und Steuerung", 14) == [
        "Smart", "Governance –", "Verwaltung und", "Steuerung"]
    assert wrap_label("Smart Living – Lebensqualität", 13) == ["Smart Living –", "Lebensqualität"]


def test_the_legend_stays_below_the_bottom_label():
    q = questionnaire()
    spec = radar_spec(q, [_series(q, ())], "de", layout=PDF_LAYOUT)
    y_domain = spec["layer"][0]["encoding"]["y"]["scale"]["domain"]
    bottom = [row for row in radar_data(q, [_series(q, ())], "de", PDF_LAYOUT)["labels"] if row["baseline"] == "top"]
    lines = max(row["lines"] for row in bottom)
    # the plot (above the legend) reaches below the last line of the bottom label
    needed = 1.1 + lines * PDF_LAYOUT.label_font * 1.2 / PDF_LAYOUT.radius
    assert -y_domain[0] >= needed


def test_the_app_radar_fits_a_390_px_phone(default_questionnaire):
    q = default_questionnaire
    series = [RadarSeries("Ihre Gemeinde — Bütgenbach (Selbstbewertung, 1 Gemeinde)",
                          {d.id: 20.0 for d in q.dimensions}, "commune"),
              RadarSeries("Wallonie — Mittelwert von 12 Gemeinden (gemeinsam genutzte Bewertungen, n = 12, 2026)",
                          {d.id: 45.0 for d in q.dimensions}, "pooled")]
    for lang in ("fr", "de", "en"):
        png = chart_png(radar_spec(q, series, lang, layout=APP_LAYOUT), scale=1)
        assert int.from_bytes(png[16:20], "big") <= 358  # 390 px less the page's side padding


def test_the_app_radar_grows_with_its_column(default_questionnaire):
    """The app stretches the chart to its column: a desktop's draws the 100 ring up to APP_LAYOUT.max_size
    across, the side labels beside it, and names the levels in their bands; a phone's takes the width, its side
    labels in the corners, and leaves the level names to the list under it."""
    q = default_questionnaire
    series = [RadarSeries("Namur (ce bilan)", {d.id: 60.0 for d in q.dimensions}, "commune")]
    spec = radar_spec(q, series, "de", layout=APP_LAYOUT)
    assert spec["width"] == 358  # drawn alone (nothing stretches it): a 390 px phone's column
    phone, desktop = _radar_geometry(spec, 358), _radar_geometry(spec, 704)
    assert phone.width <= 358 and desktop.width <= 704  # the side labels stay inside the column
    assert desktop.ring_height == pytest.approx(APP_LAYOUT.max_size, abs=1)
    assert phone.ring_height >= 280  # 164 px when the side labels stood beside it
    assert desktop.band_names and not phone.band_names


# --- the radar's geometry, as vl-convert draws it (the app's Vega draws the same spec) -----------------------


class _Geometry:
    """The 100 ring, the axis labels' and ring values' boxes, the legend's lines, as drawn in an SVG."""

    def __init__(self, svg: str):
        import re
        import xml.etree.ElementTree as ET

        root = ET.fromstring(svg)
        self.width = float(root.get("width"))
        self.ring: list[tuple[float, float]] = []
        self.labels: list[tuple[str, tuple]] = []  # (text, (x0, y0, x1, y1))
        self.ticks: list[tuple[str, tuple]] = []
        self.legend: list[tuple[str, tuple]] = []
        self.band_names = False

        def shift(node, x, y):
            found = re.match(r"translate\(([-\d.e]+),([-\d.e]+)\)", node.get("transform") or "")
            return (x + float(found[1]), y + float(found[2])) if found else (x, y)

        def walk(node, x, y, legend):
            tag = node.tag.rsplit("}", 1)[-1]
            x, y = shift(node, x, y)
            legend = legend or "role-legend" in (node.get("class") or "")
            label = node.get("aria-label") or ""
            if tag == "path" and label.endswith("ring: 100"):
                self.ring = [tuple(float(v) + d for v, d in zip(point.split(","), (x, y), strict=True))
                             for point in re.findall(r"[-\d.]+,[-\d.]+", node.get("d"))]
            if tag == "text" and node.get("opacity") != "0":
                box = _text_box(node, x, y)
                text = " / ".join(t for t in box[0])
                if legend:
                    self.legend.append((text, box[1]))
                elif node.get("font-weight") == "bold":
                    self.labels.append((text, box[1]))
                elif node.get("font-style") == "italic":
                    self.band_names = True
                elif node.get("stroke") is None:  # a ring value (its halo drawn first, the same box)
                    self.ticks.append((text, box[1]))
            for child in node:
                walk(child, x, y, legend)

        walk(root, 0.0, 0.0, False)

    @property
    def ring_height(self) -> float:
        return max(y for _x, y in self.ring) - min(y for _x, y in self.ring)


def _text_width(text: str, size: float, bold: bool) -> float:
    from functools import cache

    @cache
    def font(bold: bool):
        from pathlib import Path

        from fontTools.ttLib import TTFont

        import maturity

        f = TTFont(Path(maturity.__file__).parent / "fonts" / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"))
        return f.getBestCmap(), f["hmtx"], f["head"].unitsPerEm

    cmap, hmtx, em = _FONTS.setdefault(bold, font(bold))
    return sum(hmtx[cmap.get(ord(c), cmap[ord("?")])][0] for c in text) * size / em


_FONTS: dict = {}


def _text_box(node, x: float, y: float) -> tuple[list[str], tuple]:
    """A text's lines and box: its anchor and first baseline from the SVG, each line's width from the DejaVu
    fonts vl-convert draws with, its height from the font's ascent and descent."""
    size = float(node.get("font-size").removesuffix("px"))
    bold = node.get("font-weight") == "bold"
    spans = [child for child in node if child.tag.endswith("tspan")]
    lines = [span.text or "" for span in spans] if spans else [node.text or ""]
    last = y + sum(float(span.get("dy") or 0) for span in spans[1:])
    wide = max(_text_width(line, size, bold) for line in lines)
    anchor = node.get("text-anchor") or "start"
    left = x - wide if anchor == "end" else x - wide / 2 if anchor == "middle" else x
    return lines, (left, y - 0.93 * size, left + wide, last + 0.24 * size)


def _separate(box: tuple, polygon: list[tuple[float, float]], gap: float = 1.0) -> bool:
    """Whether a box and a convex polygon are at least ``gap`` px apart (separating axes)."""
    x0, y0, x1, y1 = box
    corners = [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]
    axes = [(1.0, 0.0), (0.0, 1.0)]
    for (ax, ay), (bx, by) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        length = math.hypot(by - ay, bx - ax)
        if length > 1e-6:
            axes.append(((ay - by) / length, (bx - ax) / length))
    for nx, ny in axes:
        mine = [cx * nx + cy * ny for cx, cy in corners]
        theirs = [px * nx + py * ny for px, py in polygon]
        if min(mine) - max(theirs) >= gap or min(theirs) - max(mine) >= gap:
            return True
    return False


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _radar_geometry(spec: dict, width: int) -> _Geometry:
    from maturity.charts import chart_svg

    return _Geometry(chart_svg({**spec, "width": width}))


def _campaign_lines(q, lang: str) -> list:
    """A commune and the three lines of an imported campaign, their names as long as the results page's."""
    dims = [d.id for d in q.dimensions]
    names = {"fr": ("Eupen (ce bilan)", "Wallonie (campagne Baromètre 2026, n = 70 sur 261)",
                    "Province de Liège (campagne Baromètre 2026, n = 25 sur 84)",
                    "Communes de 10 000 à 19 999 habitants (campagne Baromètre 2026, n = 20 sur 74)"),
             "de": ("Eupen (diese Bewertung)", "Wallonie (Kampagne Barometer 2026, n = 70 von 261)",
                    "Provinz Lüttich (Kampagne Barometer 2026, n = 25 von 84)",
                    "Gemeinden: 10.000 bis 19.999 Einwohner (Kampagne Barometer 2026, n = 20 von 74)"),
             "en": ("Eupen (this assessment)", "Wallonia (campaign Barometer 2026, n = 70 of 261)",
                    "Province of Liège (campaign Barometer 2026, n = 25 of 84)",
                    "Communes with 10,000 to 19,999 inhabitants (campaign Barometer 2026, n = 20 of 74)")}[lang]
    return [RadarSeries(names[0], dict(zip(dims, (30.0, 45.0, 60.0, 25.0, 90.0, 100.0), strict=True)), "commune"),
            RadarSeries(names[1], dict.fromkeys(dims, 48.0), "pooled", band={d: (44.0, 52.0) for d in dims}),
            RadarSeries(names[2], dict.fromkeys(dims, 51.0), "peer"),
            RadarSeries(names[3], dict.fromkeys(dims, 55.0), "peer")]


@pytest.mark.parametrize("lang", ["fr", "de", "en"])
def test_on_a_phone_the_radar_takes_the_width_its_labels_in_the_corners(default_questionnaire, lang):
    """On a 390 px phone the side labels beside the ring (about 96 px each) left it 166 px across, under a
    crowded legend. A column narrower than the full ring and its side labels (592 px) puts those labels in the
    corners, just above (below) their axis's end, and the ring takes the width: 295 px at 390. At every width
    every label is inside the chart, clear of the ring, of the ring values and of the other labels (the top one
    sat on the ring's top corner, app and PDF: Vega stacks a label's lines downwards); the legend's lines end
    inside it; a desktop's column keeps its labels beside the 400 px ring."""
    q = default_questionnaire
    spec = radar_spec(q, _campaign_lines(q, lang), lang, layout=APP_LAYOUT)
    for width in (288, 328, 358, 468, 568, 600, 704, 820):
        g = _radar_geometry(spec, width)
        assert g.width <= width and len(g.labels) == len(q.dimensions) and g.ring, (width, g.width)
        compact = width < 2 * APP_LAYOUT.side_room + APP_LAYOUT.max_size
        for text, box in g.labels + g.ticks:
            assert box[0] >= -0.5 and box[2] <= width + 0.5, (width, text, box)
        for text, box in g.labels:
            assert _separate(box, g.ring), (width, text, box, g.ring)
            others = [(t, b) for t, b in g.labels + g.ticks if t != text]
            assert not any(_overlap(box, b) for _t, b in others), (width, text, box, others)
        for text, box in g.legend:
            assert box[2] <= width + 0.5, (width, text, box)
        if compact:
            assert g.ring_height >= min(APP_LAYOUT.max_size, 0.78 * width) - 1, (width, g.ring_height)
        else:  # the full ring, the four side labels beside it
            assert g.ring_height == pytest.approx(min(APP_LAYOUT.max_size, width - 2 * APP_LAYOUT.side_room), abs=1)
            left, right = min(px for px, _ in g.ring), max(px for px, _ in g.ring)
            assert len([box for _t, box in g.labels if box[2] < left or box[0] > right]) == 4, (width, g.labels)
    phone = _radar_geometry(spec, 358)
    assert phone.ring_height >= 280, phone.ring_height  # was 166, with the labels beside it


def test_two_series_of_one_kind_never_look_alike():
    """The province and the population class are both "peer", a team has several respondents: every line
    of one radar differs from every other in colour, dash and point shape (colour is never the only cue)."""
    q = questionnaire()
    full = {d.id: 50.0 for d in q.dimensions}
    series = [RadarSeries("Namur", full, "commune"), RadarSeries("Wallonie", full, "pooled"),
              RadarSeries("Province de Namur", full, "peer"), RadarSeries("Communes de 10 000 à 25 000", full, "peer"),
              RadarSeries("Bilan précédent", full, "previous"), RadarSeries("Échevin", full, "respondent"),
              RadarSeries("Directeur général", full, "respondent"), RadarSeries("Service travaux", full, "respondent")]
    for layout in (APP_LAYOUT, PDF_LAYOUT):
        spec = radar_spec(q, series, "fr", layout=layout)
        lines = next(layer for layer in spec["layer"] if "strokeDash" in layer["encoding"])
        points = next(layer for layer in spec["layer"] if "shape" in layer["encoding"])
        colours = lines["encoding"]["color"]["scale"]["range"]
        dashes = [tuple(d) for d in lines["encoding"]["strokeDash"]["scale"]["range"]]
        shapes = points["encoding"]["shape"]["scale"]["range"]
        assert len(colours) == len(series)
        for i in range(len(series)):
            for j in range(i):
                assert dashes[i] != dashes[j] and shapes[i] != shapes[j], (series[i].name, series[j].name)
        assert colours[2] != colours[3]  # the two peers


def test_every_line_and_legend_sample_has_its_own_width():
    """The widths went through Vega-Lite's default point scale: one series got a NaN width (its legend
    sample thin and drawn over its label, seen in chromium), three or more got widths spread between the
    first and the last series' instead of their own."""
    import re

    from maturity.charts import chart_svg

    q = questionnaire()
    scores = {d.id: 50.0 for d in q.dimensions}
    alone = chart_svg(radar_spec(q, [RadarSeries("Votre commune", scores, "commune")], "fr", layout=APP_LAYOUT))
    assert "NaN" not in alone
    symbols = re.findall(r'role-legend-symbol.*?stroke-width="([^"]+)"', alone)
    assert symbols == ["2.6"], symbols
    kinds = ["commune", "respondent", "previous", "pooled"]
    series = [RadarSeries(f"S{i}", {d: 20.0 + 10 * i for d in scores}, kind) for i, kind in enumerate(kinds)]
    svg = chart_svg(radar_spec(q, series, "fr", layout=APP_LAYOUT))
    symbols = [float(w) for w in re.findall(r'role-legend-symbol.*?stroke-width="([^"]+)"', svg)]
    assert symbols == [STYLES[k]["width"] for k in kinds], symbols


def _legend_lines(spec, narrow: bool = False) -> dict:
    """The legend's wrapped lines, label by label (its labelExpr's table; ``narrow``: the one a responsive chart
    narrower than its legend's width uses)."""
    import json

    found = []

    def walk(node):
        if isinstance(node, dict):
            if "labelExpr" in node:
                found.append(node["labelExpr"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(spec)
    expr = found[0]
    decode = json.JSONDecoder().raw_decode
    if not expr.startswith("(width < "):  # one table: "(TABLE)[datum.label] || datum.label"
        return decode(expr, 1)[0]
    short, end = decode(expr, expr.index(" ? ") + 3)  # "(width < N ? SHORT : WIDE)[datum.label] || …"
    return short if narrow else decode(expr, end + 3)[0]


def test_a_legend_never_breaks_between_n_and_its_number(default_questionnaire):
    """The Walloon campaign line's name in the legend broke as "… Baromètre 2026, n" / "= 63 sur 218)" at
    1280 px (seen on the results page, statistical review L2's longer name)."""
    q = default_questionnaire
    name = "Wallonie sans la province de Luxembourg (campagne Baromètre 2026, n = 63 sur 218)"
    series = [_series(q, ()), RadarSeries(name, {d.id: 45.0 for d in q.dimensions}, "pooled")]
    for layout, narrow in ((APP_LAYOUT, False), (APP_LAYOUT, True), (PDF_LAYOUT, False)):
        lines = _legend_lines(radar_spec(q, series, "fr", layout=layout), narrow)[name]
        assert len(lines) > 1  # long enough to wrap
        assert not any(line.rstrip().endswith(" n") or line.lstrip().startswith("=") for line in lines), lines
        assert " ".join(" ".join(lines).split()) == name


def test_the_radar_says_its_scores_in_words_in_the_pages_language():
    """A screen reader names a chart by its spec's description; without one Vega names every chart "Vega
    visualization", in English, and the radar's scores were not said at all."""
    q = questionnaire()
    series = [_series(q, ("mobility",)), RadarSeries("Wallonie", {d.id: 50.0 for d in q.dimensions}, "pooled")]
    dims = [(d.id, q.t(d.label, "de")) for d in q.dimensions]
    spec = radar_spec(q, series, "de", layout=APP_LAYOUT)
    first = dims[0][1]
    assert spec["description"].startswith("Netzdiagramm, Wert von 100 je Dimension. Votre commune")
    assert f"{first} 20" in spec["description"] and "ohne Wert" in spec["description"]
    assert f"Wallonie: {first} 50" in spec["description"]
    french = radar_spec(q, series, "fr", layout=APP_LAYOUT)["description"]
    assert french.startswith("Graphique radar, score sur 100 par dimension. Votre commune")
    assert "\u00a0; Wallonie\u00a0: " in french


def test_the_progress_charts_and_the_campaigns_map_say_their_figures_to_a_screen_reader():
    """The results' progress panels and the coordinator's map of communes were read as Vega's English « Vega
    visualization », without a figure (a11y review, finding 10). As the radar (radar_description), each spec's
    description says them in the page's language."""
    from maturity.charts import progress_panel_spec
    from maturity.maps import commune_status_map_spec

    rows = [{"dimension": "Smart Mobility – Mobilité", "when": when, "order": i, "score": score,
             "score_text": text, "target": 60, "target_text": "Intégration (60) — 2030"}
            for i, (when, score, text) in enumerate([("3 mars 2026", 45.0, "45"), ("aujourd'hui", None, "")])]
    assert progress_panel_spec(rows, "fr")["description"] == (
        "Évolution du score sur 100 de Smart Mobility – Mobilité\u00a0: 3 mars 2026 45, aujourd'hui sans score\u00a0; "
        "objectif\u00a0: Intégration (60) — 2030.")
    assert progress_panel_spec(rows[:1], "de")["description"].startswith(
        "Entwicklung des Werts von 100 für Smart Mobility – Mobilité: 3 mars 2026 45; Ziel: ")
    described = commune_status_map_spec({"92094": "submitted", "63023": "started"}, "en", when="2026-03-01",
                                        title="Campaign 2027")["description"]
    assert described.startswith("Map of the Walloon communes by their response to the campaign, Campaign 2027: "
                                "response submitted 1, started 1, not started "), described
