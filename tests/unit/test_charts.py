from maturity.charts import STYLES, RadarSeries, _segments, chart_png, radar_chart, radar_data, series_label

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
