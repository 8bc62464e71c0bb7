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
    """The app stretches the chart to its column: a phone's column keeps the small radar inside its width,
    a desktop's draws the 100 ring up to APP_LAYOUT.max_size across, and names the levels in their bands."""
    q = default_questionnaire
    series = [RadarSeries("Namur (ce bilan)", {d.id: 60.0 for d in q.dimensions}, "commune")]
    spec = radar_spec(q, series, "de", layout=APP_LAYOUT)
    sizes = {}
    for column in (358, 704):
        png = chart_png({**spec, "width": column}, scale=1)
        sizes[column] = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert sizes[358][0] <= 358 and sizes[704][0] <= 704  # the side labels stay inside the column
    grown = APP_LAYOUT.max_size - APP_LAYOUT.size  # the ring's diameter grows by this much
    assert sizes[704][1] - sizes[358][1] >= grown - 4  # taller by as much (a phone column: 2 px more than the minimum)
    bands = [layer for layer in spec["layer"] if layer["data"]["values"]
             and "label" in layer["data"]["values"][0] and layer["mark"].get("fontStyle") == "italic"]
    assert bands and all("radius >=" in layer["mark"]["opacity"]["expr"] for layer in bands)


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


def _legend_lines(spec) -> dict:
    """The legend's wrapped lines, label by label (its labelExpr's table)."""
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
    return json.loads(expr[1:expr.index(")[datum.label]")])


def test_a_legend_never_breaks_between_n_and_its_number(default_questionnaire):
    """The Walloon campaign line's name in the legend broke as "… Baromètre 2026, n" / "= 63 sur 218)" at
    1280 px (seen on the results page, statistical review L2's longer name)."""
    q = default_questionnaire
    name = "Wallonie sans la province de Luxembourg (campagne Baromètre 2026, n = 63 sur 218)"
    series = [_series(q, ()), RadarSeries(name, {d.id: 45.0 for d in q.dimensions}, "pooled")]
    for layout in (APP_LAYOUT, PDF_LAYOUT):
        lines = _legend_lines(radar_spec(q, series, "fr", layout=layout))[name]
        assert len(lines) > 1  # long enough to wrap
        assert not any(line.rstrip().endswith(" n") or line.lstrip().startswith("=") for line in lines), lines
        assert " ".join(" ".join(lines).split()) == name
