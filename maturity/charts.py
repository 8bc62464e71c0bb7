"""The charts, as ONE Altair spec shared by the app and the PDF sheet.

``radar_chart(q, series, lang)`` draws the six dimensions on a radar. Vega-Lite has no
polar line mark, so x/y are computed here: axis ``i`` of ``n`` points at the angle
``90° - 360° × i / n`` (the first dimension at the top, then clockwise), a score ``s``
sits at radius ``s / 100``.

Rules the chart keeps:
- grid rings at the minima of the levels (and at 100), each band named by its level;
- a dimension without a score (too few answers) leaves a *gap* in the line: it is never
  drawn as 0, and the series' legend label and tooltip say which dimension is missing;
- colour is never the only carrier of meaning: each kind of series has its Okabe–Ito
  colour, its dash pattern and its point shape.

``chart_png(chart)`` renders a chart with vl-convert (offline, no network).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .labels import SCORE_STATES, label_value
from .models import Questionnaire
from .typography import semicolons

if TYPE_CHECKING:  # altair is imported where a chart object is made: the PDF sheet needs only the spec
    import altair as alt

# Okabe & Ito (2008) colour-blind-safe palette; one style per kind of series.
STYLES: dict[str, dict] = {
    "commune": {"color": "#0072B2", "dash": [1, 0], "shape": "circle", "width": 2.6},
    "previous": {"color": "#E69F00", "dash": [6, 3], "shape": "square", "width": 1.8},
    "pooled": {"color": "#009E73", "dash": [2, 2], "shape": "triangle-up", "width": 1.8},
    "peer": {"color": "#CC79A7", "dash": [8, 3, 2, 3], "shape": "diamond", "width": 1.8},
    "estimate": {"color": "#D55E00", "dash": [1, 3], "shape": "cross", "width": 1.8},
    # a team member's own answers (issue 13): drawn lightly, named by role only
    "respondent": {"color": "#8A94A3", "dash": [3, 2], "shape": "triangle-down", "width": 1.0},
    # the commune's targets (issue 14): a near-black dashed ring at each target level, thinner than the commune's
    # line. It was a thin light-blue dotted one (#56B4E9, 1.3), which a printed sheet hardly showed and which read as
    # the commune's blue; the dash tells it from the others in black and white too
    "target": {"color": "#1F2A37", "dash": [5, 3], "shape": "triangle-right", "width": 1.6},
}
KINDS = tuple(STYLES)
# a kind drawn more than once (the province and the population class are both "peer"; a team has several
# respondents): the second, third… series of that kind take these styles in turn, so that no two lines
# of one radar share colour, dash and shape
VARIANTS: dict[str, list[dict]] = {
    "peer": [{"color": "#882255", "dash": [12, 3], "shape": "triangle-left", "width": 1.8}],
    "respondent": [
        {"color": "#5F6B7A", "dash": [7, 2], "shape": "wedge", "width": 1.0},
        {"color": "#8A94A3", "dash": [1, 2], "shape": "arrow", "width": 1.0},
        {"color": "#5F6B7A", "dash": [8, 2, 1, 2], "shape": "triangle", "width": 1.0},
    ],
}


def series_styles(kinds: list[str]) -> list[dict]:
    """The style of each series, in order: its kind's, or for a kind's second, third… series that
    kind's variants in turn (then again from the start)."""
    seen: dict[str, int] = {}
    out = []
    for kind in kinds:
        k = seen[kind] = seen.get(kind, -1) + 1
        styles = [STYLES[kind], *VARIANTS.get(kind, [])]
        out.append(styles[k % len(styles)])
    return out
GRID = "#C9CED6"
INK = "#1F2A37"
MUTED = "#5B6573"
FONT = "DejaVu Sans"
LABEL_WRAP = 14  # characters per line of an axis label

# a dimension without a score, in the core's words (maturity.labels), as the app, the sheet and the CLI say it
_NO_SCORE = SCORE_STATES["insufficient"]
_MISSING = {lang: prefix + "{dims} (" + _NO_SCORE[lang] + ")"
            for lang, prefix in {"fr": "sans score : ", "de": "ohne Wert: ", "en": "no score: "}.items()}
# most dimensions without a score (a colleague who answered one part): the few scored ones named instead, where
# Gesves's legend listed five dimensions « sans score » under its directrice générale's line (fresh-eyes trial 9)
_ONLY = {lang: prefix + "{dims} (" + elsewhere + _NO_SCORE[lang] + ")"
         for lang, prefix, elsewhere in (("fr", "score seulement pour : ", "ailleurs : "),
                                          ("de", "Wert nur für: ", "sonst: "),
                                          ("en", "score only for: ", "elsewhere: "))}
# the radar's text alternative (its ``description``: the name a screen reader reads for the chart, where Vega
# names every chart "Vega visualization", in English): each series' score on each dimension
_DESCRIPTION = {
    "fr": ("Graphique radar, score sur 100 par dimension. ", "sans score"),
    "de": ("Netzdiagramm, Wert von 100 je Dimension. ", "ohne Wert"),
    "en": ("Radar chart, score out of 100 per dimension. ", "no score"),
}


def radar_description(series: list[RadarSeries], dims: list[tuple[str, str]], lang: str) -> str:
    """The radar in words, for a screen reader: "Graphique radar, score sur 100 par dimension. Namur (ce
    bilan) : Smart Economy – Économie 45, … ; Wallonie : …"."""
    intro, none = _DESCRIPTION.get(lang, _DESCRIPTION["en"])

    def score(value: float | None) -> str:
        return none if value is None else str(round(value))

    parts = [label_value(series_label(s, dims, lang), ", ".join(f"{label} {score(s.scores.get(dim_id))}"
                                                                for dim_id, label in dims), lang) for s in series]
    return intro + semicolons(parts, lang)


_TOOLTIP = {
    "fr": ("Série", "Dimension", "Score"),
    "de": ("Reihe", "Dimension", "Wert"),
    "en": ("Series", "Dimension", "Score"),
}


@dataclass(frozen=True)
class RadarSeries:
    """One line of the radar.

    ``name`` is the full label shown in the legend and should carry kind, source and n,
    e.g. "Wallonie — moyenne de 12 communes (évaluations mises en commun, 2026)".
    ``scores`` maps dimension id -> score 0–100, or None (no score: a gap).
    ``kind``: commune | previous | pooled | peer | estimate | respondent. ``note``: shown in the tooltip.
    ``band``: dimension id -> (low, high), an interval drawn as a shaded band around the line
    (a campaign's 95 % interval); a dimension without one leaves a gap in the band. A peer group's
    band is not drawn (its numbers are in the tables): the bands of Wallonia, the province and the
    population class overlapped, and the Walloon one the notes speak of could not be told apart.
    ``url``: the address its figures are published at (an imported campaign's, contract §7.3), given as a link
    in the sheet's sources; "" for none.
    """

    name: str
    scores: dict[str, float | None]
    kind: str = "commune"
    note: str = ""
    extra: dict = field(default_factory=dict)
    band: dict[str, tuple[float, float]] | None = None
    short: str = ""  # a comparison line's header in the sheet's scores table ("Wallonie", "Province")
    url: str = ""  # where the line's figures are published (an imported campaign's address): the sheet's link

    def __post_init__(self) -> None:
        if self.kind not in STYLES:
            raise ValueError(f"unknown series kind {self.kind!r} (one of {', '.join(KINDS)})")


def _point(i: int, n: int, radius: float) -> tuple[float, float]:
    angle = math.pi / 2 - 2 * math.pi * i / n
    return radius * math.cos(angle), radius * math.sin(angle)


def _fmt(value: float, lang: str) -> str:
    from .display import format_number

    return format_number(value, lang)


def series_label(series: RadarSeries, dims: list[tuple[str, str]], lang: str) -> str:
    """The legend label: the series name, plus the dimensions it has no score for."""
    missing = [label for dim_id, label in dims if series.scores.get(dim_id) is None]
    if not missing or series.kind == "target":  # a dimension without a target is not a missing score
        return series.name
    scored = [label for dim_id, label in dims if series.scores.get(dim_id) is not None]
    if scored and len(scored) < len(missing):
        return f"{series.name} — {_ONLY.get(lang, _ONLY['en']).format(dims=', '.join(scored))}"
    return f"{series.name} — {_MISSING.get(lang, _MISSING['en']).format(dims=', '.join(missing))}"


RING_PIECE = 0.2  # a lone target's piece of ring: this share of each edge that meets its axis


def _ring_piece(i: int, n: int, radius: float) -> list[tuple[float, float]]:
    """The ring at ``radius`` around axis ``i``: from a fifth of the way along the edge before, through
    the axis, to a fifth of the way along the edge after (the grid's rings are polygons)."""
    vx, vy = _point(i, n, radius)
    out = []
    for j in ((i - 1) % n, None, (i + 1) % n):
        if j is None:
            out.append((vx, vy))
        else:
            nx, ny = _point(j, n, radius)
            out.append((vx + RING_PIECE * (nx - vx), vy + RING_PIECE * (ny - vy)))
    return out


def _segments(values: list[float | None]) -> list[list[int]]:
    """Runs of consecutive present indices around the closed loop (a None breaks the line)."""
    n = len(values)
    present = [v is not None for v in values]
    if all(present):
        return [[*range(n), 0]]
    if not any(present):
        return []
    start = next(i for i in range(n) if not present[i])  # begin right after a gap
    runs: list[list[int]] = []
    current: list[int] = []
    for step in range(1, n + 1):
        i = (start + step) % n
        if present[i]:
            current.append(i)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def wrap_label(label: str, width: int = LABEL_WRAP) -> list[str]:
    """An axis label on a few short lines, broken first at its dash ("Smart Mobility –" / "Mobilité")."""
    parts = label.split(" – ")
    out: list[str] = []
    for k, part in enumerate(parts):
        lines = textwrap.wrap(part, width, break_on_hyphens=False, break_long_words=False) or [part]
        if k < len(parts) - 1:
            lines[-1] += " –"
        out += lines
    return out


@dataclass(frozen=True)
class RadarLayout:
    """Pixel geometry of one radar: ``size`` is the diameter of the 100 ring; fonts in px."""

    size: int = 300
    label_font: float = 14.0
    tick_font: float = 10.0
    legend_font: float = 13.0
    label_wrap: int = LABEL_WRAP
    legend_width: int = 420
    band_names: bool = True  # the level names in their bands (left out where the radar is too small)
    max_size: int = 0  # responsive: the 100 ring grows with the chart's width up to this diameter (0: fixed)
    side_room: int = 0  # responsive: px kept for each side label, so that a wide chart never scrolls

    @property
    def responsive(self) -> bool:
        return self.max_size > self.size

    @property
    def radius(self) -> float:
        return self.size / 2


PDF_LAYOUT = RadarLayout(size=400, label_font=15.5, tick_font=11, legend_font=14.5, label_wrap=13,
                         legend_width=560)
APP_LAYOUT = RadarLayout(size=164, label_font=11.0, tick_font=9.5, legend_font=11.5, label_wrap=12,
                         legend_width=320, band_names=False, max_size=400, side_room=96)
BAND_NAMES_FROM = 130  # px, the radius from which a responsive radar names the levels in their bands
# a responsive radar narrower than its full ring and two side labels' room (a phone, 390 px): the side labels
# leave the ring's sides for the corners above and below it (:func:`_corner_label`), and the ring takes the width
PHONE_COLUMN = 358  # px: a 390 px phone's column, a responsive radar's width when nothing stretches it
NARROW_LEGEND = 270  # px: the legend's lines in a chart narrower than its layout's ``legend_width``
COMPACT_SPAN = 1.2  # the chart's half-width per unit of the ring's radius, there
COMPACT_EDGE = 2  # px between a corner label and the chart's edge
BOLD_EM = 0.72  # a bold DejaVu Sans character's width, in ems, taken generously (a label's width is estimated)

LABEL_RADIUS = 1.1  # axis labels, in units of the 100 ring


def radar_data(q: Questionnaire, series: list[RadarSeries], lang: str, layout: RadarLayout = PDF_LAYOUT
               ) -> dict[str, list[dict]]:
    """The rows behind the radar (exposed for tests and for the app's accessible table).

    Rings at the level minima (and 100), drawn light, from 0 at the centre. The level names sit in the
    middle of their band on the half-way line between the first and the second axis (upper right), the
    ring values on the half-way line after the bottom axis (lower left): never on an axis, so never on an
    axis label or on a series' point, and never on each other."""
    dims = [(s.id, q.t(s.label, lang)) for s in q.dimensions]
    n = len(dims)
    rings = sorted({lv.min for lv in q.levels if lv.min > 0} | {100.0})
    grid = []
    for r in rings:
        for i in range(n + 1):
            x, y = _point(i % n, n, r / 100)
            grid.append({"ring": r, "order": i, "x": x, "y": y})
    spokes = []
    labels = []
    for i, (dim_id, label) in enumerate(dims):
        x, y = _point(i, n, 1.0)
        spokes += [{"dim": dim_id, "order": 0, "x": 0.0, "y": 0.0}, {"dim": dim_id, "order": 1, "x": x, "y": y}]
        lx, ly = _point(i, n, LABEL_RADIUS)
        align = "center" if abs(lx) < 0.05 else ("left" if lx > 0 else "right")
        baseline = "bottom" if ly > 0.5 else ("top" if ly < -0.5 else "middle")
        wrapped = "\n".join(wrap_label(label, layout.label_wrap)) or label
        # side: the label's side of the ring (-1 left, 0 centre, 1 right); up: whether a narrow radar's corner
        # placement puts it above its axis's end (1) or below (-1)
        labels.append({"label": wrapped, "x": lx, "y": ly, "align": align, "baseline": baseline,
                       "lines": wrapped.count("\n") + 1, "side": 0 if align == "center" else (1 if lx > 0 else -1),
                       "up": 1 if ly >= -0.05 else -1})
    half = math.pi / n  # half the angle between two axes

    def on_bisector(k: int, radius: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * k / n - half  # between axis k and axis k + 1
        return radius * math.cos(angle), radius * math.sin(angle)

    bands = []
    levels = sorted(q.levels, key=lambda lv: lv.min)
    for k, lv in enumerate(levels):
        upper = levels[k + 1].min if k + 1 < len(levels) else 100.0
        x, y = on_bisector(0, (lv.min + upper) / 200)  # upper right
        bands.append({"label": q.t(lv.label, lang), "x": x, "y": y})
    ticks = []
    for r in rings:
        x, y = on_bisector(n // 2, r / 100)  # lower left: away from the top label
        ticks.append({"label": _fmt(r, lang), "x": x, "y": y})
    lines, points, areas = [], [], []
    legend_order = list(dict.fromkeys(series_label(s, dims, lang) for s in series))
    for s_index, s in enumerate(series):
        legend = series_label(s, dims, lang)
        values = [s.scores.get(dim_id) for dim_id, _ in dims]
        if s.kind == "target" and None in values:
            # targets on some dimensions only: at each, the piece of its level's ring around the axis, where
            # one line joined two targets into a shape of nothing and left a third as a stray point
            for i, value in enumerate(values):
                if value is not None:
                    for order, (x, y) in enumerate(_ring_piece(i, n, max(0.0, min(100.0, value)) / 100)):
                        lines.append({"series": legend, "segment": f"{s_index}-at{i}", "order": order,
                                      "x": x, "y": y, "kind": s.kind})
            runs: list[list[int]] = []
        else:
            runs = _segments(values)
        for seg_index, run in enumerate(runs):
            for order, i in enumerate(run):
                x, y = _point(i, n, max(0.0, min(100.0, values[i])) / 100)  # type: ignore[arg-type]
                lines.append({"series": legend, "segment": f"{s_index}-{seg_index}", "order": order,
                              "x": x, "y": y, "kind": s.kind})
        if s.kind == "commune" and all(v is not None for v in values):  # its shape, lightly filled
            for i, value in enumerate(values):
                x, y = _point(i, n, max(0.0, min(100.0, value)) / 100)  # type: ignore[arg-type]
                areas.append({"series": legend, "order": i, "x": x, "y": y})
        for i, (_dim_id, label) in enumerate(dims):
            value = values[i]
            if value is None:
                continue
            x, y = _point(i, n, max(0.0, min(100.0, value)) / 100)
            points.append({"series": legend, "marker": f"m{legend_order.index(legend)}", "dimension": label,
                           "score": _fmt(value, lang), "note": s.note, "x": x, "y": y, "kind": s.kind})
    intervals = []
    for s_index, s in enumerate(series):
        band = (s.band or {}) if s.kind != "peer" else {}
        present: list[float | None] = [1.0 if band.get(dim_id) is not None else None for dim_id, _ in dims]
        for seg_index, run in enumerate(_segments(present)):
            if len(run) < 2:
                continue
            # one polygon per run: the upper bounds along the run, then the lower ones back (a closed
            # run draws a ring with a hole: nonzero filling)
            ring = [(i, 1) for i in run] + [(i, 0) for i in reversed(run)]
            for order, (i, side) in enumerate(ring):
                x, y = _point(i, n, max(0.0, min(100.0, band[dims[i][0]][side])) / 100)
                intervals.append({"series": series_label(s, dims, lang), "band": f"{s_index}-{seg_index}",
                                  "order": order, "x": x, "y": y, "kind": s.kind})
    return {"grid": grid, "spokes": spokes, "labels": labels, "bands": bands, "ticks": ticks,
            "lines": lines, "points": points, "areas": areas, "intervals": intervals}


def radar_spec(q: Questionnaire, series: list[RadarSeries], lang: str = "fr", *,
               layout: RadarLayout = PDF_LAYOUT) -> dict:
    """The radar as a Vega-Lite spec (a plain dict): THE one spec, drawn by the app (through
    :func:`radar_chart`, :data:`APP_LAYOUT`: fits a 390 px phone) and rendered for the PDF (through
    :func:`chart_png`, :data:`PDF_LAYOUT`)."""
    dims = [(d.id, q.t(d.label, lang)) for d in q.dimensions]
    data = radar_data(q, series, lang, layout)
    legends = list(dict.fromkeys(series_label(s, dims, lang) for s in series))
    kinds = {series_label(s, dims, lang): s.kind for s in series}
    styles = series_styles([kinds[label] for label in legends])
    colors = [st["color"] for st in styles]
    dashes = [st["dash"] for st in styles]
    shapes = [st["shape"] for st in styles]
    widths = [st["width"] for st in styles]
    radius = layout.radius
    line_px = layout.label_font * 1.2
    # the plot holds the top and bottom labels, so that the legend below never meets them; the side
    # labels reach beyond it (autosize "pad" adds the room)
    top = max((row["lines"] for row in data["labels"] if row["baseline"] == "bottom"), default=1)
    bottom = max((row["lines"] for row in data["labels"] if row["baseline"] == "top"), default=1)
    y_top = LABEL_RADIUS + (top * line_px + 4) / radius
    y_bottom = LABEL_RADIUS + (bottom * line_px + 6) / radius
    x_half = 1.0 + 12 / radius
    x = {"field": "x", "type": "quantitative", "axis": None, "scale": {"domain": [-x_half, x_half], "nice": False,
                                                                     "zero": False}}
    y = {"field": "y", "type": "quantitative", "axis": None, "scale": {"domain": [-y_bottom, y_top], "nice": False,
                                                                     "zero": False}}
    wrap = max(24, int((layout.legend_width - 40) / (layout.legend_font * 0.58)))  # characters per legend line
    # "n = 63" kept on one line: "(campagne Baromètre 2026, n" / "= 63 sur 218)" read as a broken formula
    def wrapped(chars: int) -> str:
        lines = {label: textwrap.wrap(label.replace(" = ", "\u00a0=\u00a0"), chars) or [""] for label in legends}
        return json.dumps(lines, ensure_ascii=False)

    label_expr = f"({wrapped(wrap)})[datum.label] || datum.label"
    if layout.responsive:  # a phone narrower than the legend's lines (320 px): shorter ones, never cut at the edge
        narrow = max(24, int((NARROW_LEGEND - 40) / (layout.legend_font * 0.58)))
        label_expr = f"(width < {layout.legend_width} ? {wrapped(narrow)} : {wrapped(wrap)})[datum.label] || datum.label"
    legend = {"title": None, "orient": "bottom", "direction": "vertical", "labelLimit": 0,
              "labelExpr": label_expr,
              "labelFontSize": layout.legend_font, "symbolType": "stroke", "symbolSize": 260,
              "symbolStrokeWidth": 2.6, "labelColor": INK, "rowPadding": 6, "labelOffset": 20, "offset": 10}

    def channel(field: str, rng: list, with_legend: bool, domain: list | None = None) -> dict:
        return {"field": field, "type": "nominal", "scale": {"domain": domain or legends, "range": rng},
                "legend": legend if with_legend else None}

    params: list[dict] = []
    if layout.responsive:
        # THE radius grows with the chart's width (the app stretches the chart to its column): a desktop column
        # draws up to ``max_size``, the side labels keeping ``side_room`` inside the width. A column too narrow
        # for both (a phone) is ``compact``: the side labels go to the corners (:func:`_corner_label`) and the
        # ring takes the width (at 390 px, 295 px across where the labels beside it left it 166). The same unit
        # coordinates, scaled around the centre of the width.
        full = f"clamp((width - {2 * layout.side_room}) / 2, {radius}, {layout.max_size / 2})"
        narrow = f"clamp((width - {2 * COMPACT_EDGE}) / {2 * COMPACT_SPAN}, {radius}, {layout.max_size / 2})"
        params = [{"name": "compact", "expr": f"width < {2 * layout.side_room + layout.max_size}"},
                  {"name": "radius", "expr": f"compact ? {narrow} : {full}"},
                  {"name": "ring_top", "expr": f"{LABEL_RADIUS - 1} * radius + {top * line_px + 4}"}]
        x = {**x, "scale": {"domain": [-1, 1], "range": [{"expr": "width / 2 - radius"},
                                                         {"expr": "width / 2 + radius"}], "nice": False,
                            "zero": False}}
        y = {**y, "scale": {"domain": [-1, 1], "range": [{"expr": "ring_top + 2 * radius"}, {"expr": "ring_top"}],
                            "nice": False, "zero": False}}
        # below the bottom label, wherever the radius puts it (as "bottom" would at the fixed size); moved left as
        # far as its lines need (they are wrapped to ``legend_width``), never past the right edge; at the left edge
        # when compact, as the corner labels
        legend = {**legend, "orient": "none", "rowPadding": 10,  # entries of two or three lines kept apart
                  "legendX": {"expr": f"compact ? 0 : max(0, min(width / 2 - radius - 12, width - {layout.legend_width}))"},
                  "legendY": {"expr": f"ring_top + {1 + LABEL_RADIUS} * radius + {bottom * line_px + 6 + 10}"}}

    def layer(values: list[dict], mark: dict, encoding: dict) -> dict:
        return {"data": {"values": values}, "mark": mark, "encoding": {"x": x, "y": y, **encoding}}

    text = {"field": "label", "type": "nominal"}
    halo = {"stroke": "white", "strokeWidth": 3, "strokeOpacity": 0.9}  # text readable over a line
    layers = [
        layer(data["grid"], {"type": "line", "color": GRID, "strokeWidth": 0.7},
              {"detail": {"field": "ring", "type": "nominal"}, "order": {"field": "order", "type": "quantitative"}}),
        layer(data["spokes"], {"type": "line", "color": GRID, "strokeWidth": 0.7},
              {"detail": {"field": "dim", "type": "nominal"}, "order": {"field": "order", "type": "quantitative"}}),
    ]
    if data["areas"]:
        layers.append(layer(data["areas"], {"type": "line", "interpolate": "linear-closed", "fill": STYLES["commune"]["color"],
                                            "fillOpacity": 0.13, "strokeOpacity": 0},
                            {"order": {"field": "order", "type": "quantitative"}}))
    if data["intervals"] and legends:
        layers.append(layer(data["intervals"], {"type": "line", "interpolate": "linear-closed", "filled": True,
                                                "fillOpacity": 0.16, "strokeWidth": 0}, {
            "color": channel("series", colors, True),  # the lines' legend (Vega-Lite keeps the first layer's)
            "detail": {"field": "band", "type": "nominal"},
            "order": {"field": "order", "type": "quantitative"},
        }))
    label_mark = {"type": "text", "color": INK, "fontSize": layout.label_font, "fontWeight": "bold", "font": FONT,
                  "lineBreak": "\n", "lineHeight": line_px}
    for a in ("left", "right", "center"):
        for b in ("top", "bottom", "middle"):
            rows = [row for row in data["labels"] if row["align"] == a and row["baseline"] == b]
            if layout.responsive and a != "center":  # a narrow radar's corners: above or below the ring
                for up in (1, -1):
                    if corner := [row for row in rows if row["up"] == up]:
                        layers.append(_corner_label(corner, label_mark, a, b, x, y, text, n=len(dims),
                                                    width=layout.label_font * BOLD_EM, line_height=line_px))
            elif rows:
                # Vega stacks a label's lines downwards from its anchor whatever its baseline: the top label's
                # last line sat on the ring's top corner (app and PDF). Lifted by its other lines, it ends above
                # it, in the room the plot keeps for them (``top``)
                lift = {"dy": -(max(row["lines"] for row in rows) - 1) * line_px} if (a, b) == ("center", "bottom") else {}
                layers.append(layer(rows, {**label_mark, "align": a, "baseline": b, **lift}, {"text": text}))
    if legends:
        lines = data["lines"] or [{"series": legends[0], "segment": "", "order": 0, "x": None, "y": None}]
        layers.append(layer(lines, {"type": "line", "strokeJoin": "round"}, {
            "color": channel("series", colors, True),
            "strokeDash": channel("series", dashes, True),
            # an ordinal scale: Vega-Lite's default for a width (a point scale) spreads the range's two ends
            # over the series (one series: a NaN width, its legend sample drawn over its label; three or
            # more: widths between the first and the last instead of each series' own)
            "strokeWidth": {**channel("series", widths, False),
                            "scale": {"domain": legends, "range": widths, "type": "ordinal"}},
            "detail": {"field": "segment", "type": "nominal"},
            "order": {"field": "order", "type": "quantitative"},
        }))
        tip = _TOOLTIP.get(lang, _TOOLTIP["en"])
        # the marker has a field of its own, so that the legend shows a line sample (colour + dash)
        layers.append(layer(data["points"], {"type": "point", "filled": True, "size": 70, "opacity": 1,
                                             "stroke": "white", "strokeWidth": 1}, {
            "color": channel("series", colors, False),
            "shape": channel("marker", shapes, False, [f"m{i}" for i in range(len(legends))]),
            "tooltip": [{"field": "series", "type": "nominal", "title": tip[0]},
                        {"field": "dimension", "type": "nominal", "title": tip[1]},
                        {"field": "score", "type": "nominal", "title": tip[2]},
                        {"field": "note", "type": "nominal", "title": " "}],
        }))
    # ring values and level names last, on a white halo: readable over any line
    scale_text = [(data["ticks"], {"fontSize": layout.tick_font, "color": MUTED, "align": "center"})]
    on_ring = None
    if layout.responsive:  # a narrow radar's ring values on their ring, clear of the lower left corner's label
        inward = math.cos(math.pi / len(dims)) if dims else 1.0
        on_ring = [{"calculate": f"compact ? datum.x * {inward:.6f} : datum.x", "as": "lx"},
                   {"calculate": f"compact ? datum.y * {inward:.6f} : datum.y", "as": "ly"}]
    if layout.band_names or layout.responsive:
        names = {"fontSize": layout.tick_font, "fontStyle": "italic", "color": MUTED, "align": "left", "dx": 2}
        if not layout.band_names:  # a responsive radar names the levels once its bands are wide enough (not in
            # a narrow one: its upper right corner holds a label)
            names["opacity"] = {"expr": f"radius >= {BAND_NAMES_FROM} && !compact ? 1 : 0"}
        scale_text.append((data["bands"], names))
    for rows, mark in scale_text:
        base = {"type": "text", "baseline": "middle", "font": FONT, **mark}
        for style in ({**base, **halo}, base):
            if on_ring is not None and rows is data["ticks"]:
                layers.append({"data": {"values": rows}, "transform": on_ring, "mark": style,
                               "encoding": {"x": {**x, "field": "lx"}, "y": {**y, "field": "ly"}, "text": text}})
            else:
                layers.append(layer(rows, style, {"text": text}))
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": radar_description(series, dims, lang),
        # (a responsive chart's width is its column's: the app stretches it; drawn alone, a phone's)
        "width": PHONE_COLUMN if layout.responsive else round(2 * x_half * radius),
        "height": round((y_top + y_bottom) * radius), "background": "white",
        # the legend and the side labels add to the size: a long legend must never shrink the radar
        # (Streamlit fits a chart into its width and height unless the spec says otherwise)
        "autosize": {"type": "pad"},
        # a responsive chart is as wide as its column: no padding beyond it (side labels keep inside)
        "padding": {"left": 0 if layout.responsive else 4, "right": 0 if layout.responsive else 4, "top": 4,
                    "bottom": 4},
        "config": {"font": FONT, "view": {"strokeWidth": 0}},
        "resolve": {"scale": {"color": "shared", "strokeDash": "shared", "shape": "shared"}},
        **({"params": params} if params else {}),
        "layer": layers,
    }


def _envelope(n: int, upper: bool) -> list[tuple[float, float]]:
    """The ring's outline (100) seen from above (``upper``) or below, for x ≥ 0: (x, y) at each corner's x, from
    the centre line to the rightmost corner; linear between them. The ring is symmetric about the vertical axis
    (its first axis points up)."""
    corners = [_point(i, n, 1.0) for i in range(n)]
    edges = list(zip(corners, corners[1:] + corners[:1], strict=True))
    right = max(x for x, _y in corners)
    stops = sorted({0.0, *(round(x, 9) for x, _y in corners if 0 < x <= right)})
    out = []
    for at in stops:
        ys = [y0 + (y1 - y0) * (at - x0) / (x1 - x0) if abs(x1 - x0) > 1e-9 else max(y0, y1) if upper else min(y0, y1)
              for (x0, y0), (x1, y1) in edges if min(x0, x1) - 1e-9 <= at <= max(x0, x1) + 1e-9]
        out.append((at, max(ys) if upper else min(ys)))
    return out


def _envelope_expr(points: list[tuple[float, float]], at: str, beyond: float) -> str:
    """A Vega expression of the piecewise-linear ``points`` at ``at`` (``beyond`` past the last one)."""
    expr = str(beyond)
    for (x0, y0), (x1, y1) in reversed(list(itertools.pairwise(points))):
        slope = (y1 - y0) / (x1 - x0) if x1 > x0 else 0.0
        expr = f"({at} <= {x1:.6f} ? {y0:.6f} + ({at} - {x0:.6f}) * {slope:.6f} : {expr})"
    return expr


def _corner_label(rows: list[dict], mark: dict, align: str, baseline: str, x: dict, y: dict, text: dict, *,
                  n: int, width: float, line_height: float) -> dict:
    """Side labels (one side, above or below the centre) that a narrow radar moves to its corners: flush with
    the chart's edge, just above (below) their axis's end and clear of the ring, whose outline the expression
    follows under the label's estimated width (``width``: px per character of its longest line). A wide radar
    draws them beside the ring, at their unit coordinates (``align``, ``baseline``)."""
    side, up = rows[0]["side"], rows[0]["up"]
    outline = _envelope(n, upper=up > 0)
    # the x, in units of the radius, where the label's box starts (its inner end), on the label's side
    inner = f"max(0, (width / 2 - {COMPACT_EDGE} - datum.w) / radius)"
    if up > 0:  # its last line just above the ring (Vega stacks the lines downwards from the anchor)
        ly = (f"max(datum.y / {LABEL_RADIUS} + 8 / radius, {_envelope_expr(outline, inner, -2)} + 5 / radius)"
              f" + (datum.lines - 1) * {line_height} / radius")
    else:
        ly = f"min(datum.y / {LABEL_RADIUS} - 8 / radius, {_envelope_expr(outline, inner, 2)} - 5 / radius)"
    values = [{**row, "w": width * max(len(line) for line in row["label"].split("\n"))} for row in rows]
    return {
        "data": {"values": values},
        "transform": [{"calculate": f"compact ? {side} * (width / 2 - {COMPACT_EDGE}) / radius : datum.x", "as": "lx"},
                      {"calculate": f"compact ? {ly} : datum.y", "as": "ly"}],
        "mark": {**mark, "align": {"expr": f"compact ? '{'right' if side > 0 else 'left'}' : '{align}'"},
                 "baseline": {"expr": f"compact ? '{'bottom' if up > 0 else 'top'}' : '{baseline}'"}},
        "encoding": {"x": {**x, "field": "lx"}, "y": {**y, "field": "ly"}, "text": text},
    }


def radar_chart(q: Questionnaire, series: list[RadarSeries], lang: str = "fr", *,
                layout: RadarLayout = APP_LAYOUT) -> alt.LayerChart:
    """The radar as an Altair chart (for ``st.altair_chart``): the same spec as the PDF's, sized for a
    phone by default."""
    import altair as alt

    return alt.LayerChart.from_dict(radar_spec(q, series, lang, layout=layout), validate=False)


_FONTS_REGISTERED = False


def _register_fonts() -> None:
    """Let vl-convert draw with the bundled DejaVu fonts (the PDF's fonts): same look everywhere."""
    global _FONTS_REGISTERED
    if _FONTS_REGISTERED:
        return
    import vl_convert as vlc

    from .sheet.fonts import FONTS_DIR

    with contextlib.suppress(Exception):  # rendering still works with the system's fonts
        vlc.register_font_directory(str(FONTS_DIR))
    _FONTS_REGISTERED = True


def chart_png(chart: alt.TopLevelMixin | dict, scale: float = 2) -> bytes:
    """A PNG of a chart (an Altair chart or a Vega-Lite dict), rendered offline by vl-convert."""
    import vl_convert as vlc

    _register_fonts()
    # the spec is built by radar_chart and checked by the tests: no schema validation on every render
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    return vlc.vegalite_to_png(spec, scale=scale)


def chart_svg(chart: alt.TopLevelMixin | dict) -> str:
    import vl_convert as vlc

    _register_fonts()
    spec = chart if isinstance(chart, dict) else chart.to_dict(validate=False)
    return vlc.vegalite_to_svg(spec)


_PROGRESS = {
    "fr": ("Évaluation", "Score", "Objectif"),
    "de": ("Bewertung", "Wert", "Ziel"),
    "en": ("Assessment", "Score", "Target"),
}
def _progress_layers(rows: list[dict], lang: str) -> list[dict]:
    """The layers of one dimension's panel: its target level's minimum (a dashed rule in the radar's style for
    targets, ``STYLES["target"]``: one look for a target on the page) and its score over successive assessments
    (line and points; a null score is a gap)."""
    tip = _PROGRESS.get(lang, _PROGRESS["en"])
    whens = [r["when"] for r in sorted({r["order"]: r for r in rows}.values(), key=lambda r: r["order"])]
    x = {"field": "when", "type": "ordinal", "sort": whens, "title": None,
         "axis": {"labelAngle": 0, "labelFontSize": 10, "labelLimit": 110}}
    y = {"field": "score", "type": "quantitative", "scale": {"domain": [0, 100]}, "title": tip[1],
         "axis": {"values": [0, 50, 100], "labelFontSize": 10}}
    tooltip = [{"field": "when", "type": "ordinal", "title": tip[0]},
               {"field": "score_text", "type": "nominal", "title": tip[1]},
               {"field": "target_text", "type": "nominal", "title": tip[2]}]
    commune, target = STYLES["commune"], STYLES["target"]
    return [
        {"mark": {"type": "rule", "color": target["color"], "strokeDash": target["dash"],
                  "strokeWidth": target["width"]},
         "encoding": {"y": {"field": "target", "type": "quantitative"}, "tooltip": tooltip}},
        {"mark": {"type": "line", "color": commune["color"], "strokeWidth": 2.2,
                  "point": {"filled": True, "size": 50, "color": commune["color"]}},
         "encoding": {"x": x, "y": y, "tooltip": tooltip}},
    ]


# a progress panel's text alternative (its ``description``, as the radar's): the dimension's score at each
# assessment and its target (the screen reader heard Vega's English "Vega visualization" and no figure)
_PROGRESS_DESCRIPTION = {
    "fr": ("Évolution du score sur 100 de {label}", "objectif", "sans score"),
    "de": ("Entwicklung des Werts von 100 für {label}", "Ziel", "ohne Wert"),
    "en": ("Score out of 100 over time for {label}", "target", "no score"),
}


def progress_description(rows: list[dict], lang: str) -> str:
    """A progress panel in words: « Évolution du score sur 100 de Smart Mobility – Mobilité : 3 mars 2026 45,
    aujourd'hui 52 ; objectif : Intégration (60) — 2030. »"""
    intro, target, none = _PROGRESS_DESCRIPTION.get(lang, _PROGRESS_DESCRIPTION["en"])
    label = rows[0]["dimension"] if rows else ""
    points = ", ".join(f"{r['when']} {none if r['score'] is None else r['score_text']}" for r in rows)
    parts = [label_value(intro.format(label=label), points, lang)]
    if rows and rows[-1].get("target_text"):
        parts.append(label_value(target, rows[-1]["target_text"], lang))
    return semicolons(parts, lang) + "."


def progress_panel_spec(rows: list[dict], lang: str = "fr", *, height: int = 120) -> dict:
    """One dimension's panel of the chart "each dimension over successive assessments, against its
    target" (``rows``: :func:`maturity.targets.progress_rows`, of that dimension only): its score
    (line and points, a null score is a gap) against its target level's minimum (a dashed
    rule), as wide as its container, titled over two lines ("Smart Mobility" / "Mobilité"). The
    page lays the panels out in columns, so that a phone stacks them."""
    label = rows[0]["dimension"] if rows else ""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": progress_description(rows, lang),
        "data": {"values": rows},
        "title": {"text": label.split(" – "), "fontSize": 12.5, "fontWeight": "bold", "color": INK,
                  "anchor": "start", "limit": 0},
        "width": "container", "height": height,
        # the width fits the column; the height stays the plot's own (a "fit" would squeeze it)
        "autosize": {"type": "fit-x", "contains": "padding"},
        "layer": _progress_layers(rows, lang),
        "config": {"font": FONT, "view": {"stroke": GRID}},
    }
