"""The radar of the PDF sheet, drawn with fpdf2's vector paths from the one radar spec.

The app draws :func:`maturity.charts.radar_spec` with Vega; the PDF used to embed a PNG of the same spec
rendered by vl-convert, whose JavaScript engine took most of a cold ``maturity sheet`` and a quarter of a
warm one. Here the same spec (its data rows, scales, marks, sizes, colours, dashes and shapes) is drawn as
PDF paths: the geometry is read from the spec itself, placed the way Vega places it (its linear scales,
its text baselines, its symbol shapes, its vertical legend and "pad" autosize), and the text is drawn as
the DejaVu glyphs' outlines (as in the PNG, the chart's words are a picture, not text of the document:
the sheet's extractable text is unchanged). Vector paths stay sharp at any zoom and print.

``radar_drawing(spec) -> RadarDrawing``: its ``width`` and ``height`` are the PNG's at scale 1 (px, the
padding included), ``draw(pdf, x, y, w)`` places it as the image was placed (``w`` mm wide).
See docs/sheet.md (The radar in the PDF).
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from fontTools.pens.basePen import BasePen
from fpdf.drawing import GraphicsContext, PaintedPath
from fpdf.drawing_primitives import Transform
from fpdf.enums import IntersectionRule, PathPaintRule, StrokeCapStyle, StrokeJoinStyle

from .fonts import WHOLE_FACES, NeedsWholeFaces, charset, parsed_face

# Vega's text baseline offsets (vega-scenegraph: the alphabetic baseline from the anchor, × font size)
_BASELINE = {"top": 0.79, "middle": 0.30, "bottom": -0.21, "alphabetic": 0.0}
_ASCENT, _DESCENT = 0.8, 0.2  # Vega's estimate of a text line's extent above and below its baseline
LEGEND_LINE = 2.0  # Vega's default line height for multi-line text: font size + 2 px
HALF_SQRT3 = math.sqrt(3) / 2
_NAMED = {"white": "#FFFFFF", "black": "#000000"}  # the CSS names the spec uses


class _Recorder(BasePen):
    """A glyph's outline as path operations in font units (quadratic curves kept as such)."""

    def __init__(self, glyphset: Any) -> None:
        super().__init__(glyphset)
        self.ops: list[tuple] = []

    def _moveTo(self, pt: tuple[float, float]) -> None:
        self.ops.append(("M", *pt))

    def _lineTo(self, pt: tuple[float, float]) -> None:
        self.ops.append(("L", *pt))

    def _qCurveToOne(self, pt1: tuple[float, float], pt2: tuple[float, float]) -> None:
        self.ops.append(("Q", *pt1, *pt2))

    def _curveToOne(self, pt1: tuple[float, float], pt2: tuple[float, float], pt3: tuple[float, float]) -> None:
        self.ops.append(("C", *pt1, *pt2, *pt3))

    def _closePath(self) -> None:
        self.ops.append(("Z",))

    def _endPath(self) -> None:
        self.ops.append(("Z",))


class _Face:
    """One DejaVu face: advance widths and glyph outlines, read once per process (font data only)."""

    def __init__(self, style: str, common: bool = False) -> None:
        parsed = parsed_face(style, common)  # the face fpdf2 parsed for the sheet: read, never changed
        font = parsed.ttfont
        self.style, self.common = style, common
        self.upm = font["head"].unitsPerEm
        self.cmap = parsed.cmap
        self.glyphs = font.getGlyphSet()
        self._hmtx = font["hmtx"].metrics
        self._outlines: dict[str, str] = {}
        self._advances: dict[str, int] = {}
        self._kern: dict[tuple[str, str], int] = {}
        if "kern" in font:
            for table in font["kern"].kernTables:
                self._kern.update(table.kernTable)

    def advance(self, ch: str) -> int:
        adv = self._advances.get(ch)
        if adv is None:
            name = self.cmap.get(ord(ch)) or self._lacks(ch)
            adv = self._advances[ch] = self._hmtx[name][0] if name else 0
        return adv

    def _lacks(self, ch: str) -> None:
        """A character this face has no glyph for: the common face raises when the whole face has one."""
        if self.common and ord(ch) in charset(self.style):
            raise NeedsWholeFaces(self.style)

    def kern(self, left: str, right: str) -> int:
        """The pair's kerning (the face's kern table; Vega's text measures and draws with it)."""
        a, b = self.cmap.get(ord(left)), self.cmap.get(ord(right))
        return self._kern.get((a, b), 0) if a and b else 0

    def width(self, text: str, size: float) -> float:
        units = sum(map(self.advance, text)) + sum(map(self.kern, text, text[1:]))
        return units * size / self.upm

    def outline(self, ch: str) -> str:
        """The glyph's outline as PDF path operators in font units ("": nothing to draw, a space or a
        character the face lacks)."""
        name = self.cmap.get(ord(ch)) or self._lacks(ch)
        if name is None:
            return ""
        ops = self._outlines.get(name)
        if ops is None:
            with _LOCK:  # fontTools expands a glyph in place: one thread at a time (the app's sessions)
                pen = _Recorder(self.glyphs)
                self.glyphs[name].draw(pen)
                ops = self._outlines[name] = _outline_ops(tuple(pen.ops))
        return ops


_LOCK = threading.Lock()


def _face(style: str) -> _Face:
    """The face of a style the sheet being laid out uses (the common one unless it needs the whole one)."""
    return _face_of(style, not WHOLE_FACES.get())


@cache
def _face_of(style: str, common: bool) -> _Face:
    with _LOCK:
        return _Face(style, common)


def _style_key(mark: dict) -> str:
    if mark.get("fontWeight") == "bold":
        return "B"
    return "I" if mark.get("fontStyle") == "italic" else ""


class _Glyphs(GraphicsContext):
    """Glyph outlines placed in a group of fpdf2's drawing API. Each glyph is drawn as its own small path
    ("q <placement> cm <outline> f Q"); the outlines are PDF path operators in font units, made once per
    glyph and process. The group's colour (and opacity) comes from the enclosing context's style."""

    __slots__ = ("paint", "placed")

    def __init__(self, paint: str) -> None:
        super().__init__()
        self.placed: list[str] = []
        self.paint = paint  # "f" (filled) or "<width> w S" (a halo, stroked)

    def render(self, resource_registry: Any, style: Any, last_item: Any, initial_point: Any,
               ) -> tuple[str, Any, Any]:
        return " ".join(self.placed), last_item, initial_point


def _n4(v: float) -> str:
    return f"{v:.4f}".rstrip("0").rstrip(".")


def _n(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".") if v != int(v) else str(int(v))


def _outline_ops(ops: tuple[tuple, ...]) -> str:
    out = []
    x0 = y0 = 0.0
    for op in ops:
        kind = op[0]
        if kind == "M":
            x0, y0 = op[1], op[2]
            out.append(f"{_n(x0)} {_n(y0)} m")
        elif kind == "L":
            x0, y0 = op[1], op[2]
            out.append(f"{_n(x0)} {_n(y0)} l")
        elif kind == "Q":  # a quadratic curve as the cubic PDF draws
            (qx, qy, x1, y1) = op[1:]
            c1 = (x0 + 2 / 3 * (qx - x0), y0 + 2 / 3 * (qy - y0))
            c2 = (x1 + 2 / 3 * (qx - x1), y1 + 2 / 3 * (qy - y1))
            out.append(f"{_n(c1[0])} {_n(c1[1])} {_n(c2[0])} {_n(c2[1])} {_n(x1)} {_n(y1)} c")
            x0, y0 = x1, y1
        elif kind == "C":
            out.append(" ".join(_n(v) for v in op[1:]) + " c")
            x0, y0 = op[5], op[6]
        else:
            out.append("h")
    return " ".join(out)


def _glyph_run(group: _Glyphs, face: _Face, text: str, size: float, x: float, baseline: float) -> None:
    """``text`` as glyph outlines into ``group``, its alphabetic baseline at ``baseline``, from ``x`` (px)."""
    s = size / face.upm
    scale = f"{_n4(s)} 0 0 {_n4(-s)}"
    for k, ch in enumerate(text):
        ops = face.outline(ch)
        if ops:
            group.placed.append(f"q {scale} {_n4(x)} {_n4(baseline)} cm {ops} {group.paint} Q")
        x += (face.advance(ch) + (face.kern(ch, text[k + 1]) if k + 1 < len(text) else 0)) * s


@dataclass
class _Text:
    lines: list[str]
    x: float  # the anchor, px
    y: float  # the first line's alphabetic baseline, px
    size: float
    line_height: float
    align: str  # left | center | right
    face: _Face

    def __post_init__(self) -> None:
        self.widths = [self.face.width(line, self.size) for line in self.lines]

    def line_x(self, k: int) -> float:
        w = self.widths[k]
        return self.x - (w if self.align == "right" else w / 2 if self.align == "center" else 0)

    def bounds(self) -> tuple[float, float, float, float]:
        xs = [self.line_x(k) for k in range(len(self.lines))]
        right = max(x + w for x, w in zip(xs, self.widths, strict=True))
        bottom = self.y + (len(self.lines) - 1) * self.line_height + _DESCENT * self.size
        return min(xs), self.y - _ASCENT * self.size, right, bottom

    def draw(self, group: _Glyphs) -> None:
        for k, line in enumerate(self.lines):
            _glyph_run(group, self.face, line, self.size, self.line_x(k), self.y + k * self.line_height)


def _symbol(path: PaintedPath, shape: str, size: float, x: float, y: float) -> None:
    """Vega's symbol shapes (vega-scenegraph), ``size`` its area in px²."""
    r = math.sqrt(size) / 2
    if shape == "circle":
        path.circle(x, y, r)
        return
    if shape == "square":
        points = [(-r, -r), (r, -r), (r, r), (-r, r)]
    elif shape == "diamond":
        points = [(-r, 0), (0, -r), (r, 0), (0, r)]
    elif shape == "cross":
        s = r / 2.5
        points = [(-r, -s), (-r, s), (-s, s), (-s, r), (s, r), (s, s), (r, s), (r, -s), (s, -s), (s, -r),
                  (-s, -r), (-s, -s)]
    else:
        h = HALF_SQRT3 * r
        points = {"triangle-up": [(0, -h), (-r, h), (r, h)], "triangle-down": [(0, h), (-r, -h), (r, -h)],
                  "triangle-right": [(h, 0), (-h, -r), (-h, r)], "triangle-left": [(-h, 0), (h, -r), (h, r)]
                  }.get(shape, [(0, -h), (-r, h), (r, h)])
    path.move_to(x + points[0][0], y + points[0][1])
    for px, py in points[1:]:
        path.line_to(x + px, y + py)
    path.close()


def _styled_context(color: str | None = None, fill: str | None = None, opacity: float | None = None
                    ) -> GraphicsContext:
    """A group of glyphs: their colour (a fill, or a stroke for a halo), each glyph painted as a path."""
    ctx = GraphicsContext()
    ctx.style.stroke_color = _NAMED.get(color, color) if color else None
    ctx.style.fill_color = _NAMED.get(fill, fill) if fill else None
    if opacity is not None:
        ctx.style.stroke_opacity = opacity
    ctx.style.stroke_dash_pattern = None
    ctx.style.paint_rule = PathPaintRule.STROKE if color else PathPaintRule.FILL_NONZERO
    return ctx


def _styled(color: str | None = None, fill: str | None = None, width: float | None = None,
            dash: list[float] | None = None, opacity: float | None = None, fill_opacity: float | None = None,
            join: StrokeJoinStyle | None = None) -> PaintedPath:
    path = PaintedPath()
    style = path.style
    style.stroke_color = _NAMED.get(color, color) if color else None
    style.fill_color = _NAMED.get(fill, fill) if fill else None
    if width is not None:
        style.stroke_width = width
    if dash and any(dash[1::2]):
        style.stroke_dash_pattern = tuple(dash)
    else:
        style.stroke_dash_pattern = None
    if opacity is not None:
        style.stroke_opacity = opacity
    if fill_opacity is not None:
        style.fill_opacity = fill_opacity
    if join is not None:
        style.stroke_join_style = join
    style.auto_close = bool(fill)  # a line stays open (a gap in a series never gets a closing chord)
    style.stroke_cap_style = StrokeCapStyle.BUTT  # Vega's default (the page's square caps would fill the dashes)
    style.intersection_rule = IntersectionRule.NONZERO
    style.paint_rule = (PathPaintRule.STROKE_FILL_NONZERO if color and fill else
                        PathPaintRule.FILL_NONZERO if fill else PathPaintRule.STROKE)
    return path


class _Scale:
    """Vega-Lite's linear scale with an explicit domain, no nice, no zero: domain → [lo, hi] px."""

    def __init__(self, domain: list[float], lo: float, hi: float) -> None:
        self.d0, self.d1, self.lo, self.hi = domain[0], domain[1], lo, hi

    def __call__(self, v: float) -> float:
        return self.lo + (v - self.d0) / (self.d1 - self.d0) * (self.hi - self.lo)


def _channel_range(encoding: dict, name: str) -> tuple[list, list]:
    scale = encoding[name]["scale"]
    return scale["domain"], scale["range"]


class RadarDrawing:
    """The radar as vector paths: ``width`` × ``height`` px (as the spec's picture, padding included)."""

    def __init__(self, spec: dict) -> None:
        pad = spec.get("padding", {})
        self.view_w, self.view_h = float(spec["width"]), float(spec["height"])
        self._paths: list[tuple[int, PaintedPath | GraphicsContext]] = []  # (z-order, path), in the view's px
        self._texts: list[_Text] = []
        legend: dict | None = None
        layers = spec["layer"]
        first = layers[0]["encoding"]
        sx = _Scale(first["x"]["scale"]["domain"], 0, self.view_w)
        sy = _Scale(first["y"]["scale"]["domain"], self.view_h, 0)
        bounds = [(0.0, 0.0, self.view_w, self.view_h)]
        for layer in layers:
            mark, enc, rows = layer["mark"], layer["encoding"], layer["data"]["values"]
            kind = mark["type"]
            if kind == "line" and "color" not in enc:  # rings, spokes and the commune's light shape
                self._plain_lines(mark, enc, rows, sx, sy)
            elif kind == "line" and mark.get("filled"):  # the intervals: shaded polygons
                self._bands(mark, enc, rows, sx, sy)
            elif kind == "line":  # the series
                legend = legend or enc["color"].get("legend")
                self._series(mark, enc, rows, sx, sy)
            elif kind == "point":
                self._points(mark, enc, rows, sx, sy)
            elif kind == "text":
                for text in self._text_rows(mark, rows, sx, sy):
                    bounds.append(text.bounds())
        self._legend_items: list = []
        if legend is not None:
            bounds.append(self._legend(spec, legend))
        left = math.ceil(max(0.0, -min(b[0] for b in bounds)))
        top = math.ceil(max(0.0, -min(b[1] for b in bounds)))
        right = math.ceil(max(b[2] for b in bounds))
        bottom = math.ceil(max(b[3] for b in bounds))
        self.origin = (pad.get("left", 0) + left, pad.get("top", 0) + top)
        self.width = float(self.origin[0] + right + pad.get("right", 0))
        self.height = float(self.origin[1] + bottom + pad.get("bottom", 0))

    # --- marks ----------------------------------------------------------------------------------

    @staticmethod
    def _runs(rows: list[dict], key: str) -> dict[Any, list[dict]]:
        runs: dict[Any, list[dict]] = {}
        for row in rows:
            if row.get("x") is None or row.get("y") is None:
                continue
            runs.setdefault(row.get(key), []).append(row)
        for run in runs.values():
            run.sort(key=lambda r: r.get("order", 0))
        return runs

    def _polyline(self, path: PaintedPath, run: list[dict], sx: _Scale, sy: _Scale, closed: bool) -> None:
        path.move_to(sx(run[0]["x"]), sy(run[0]["y"]))
        for row in run[1:]:
            path.line_to(sx(row["x"]), sy(row["y"]))
        if closed:
            path.close()

    def _plain_lines(self, mark: dict, enc: dict, rows: list[dict], sx: _Scale, sy: _Scale) -> None:
        detail = enc.get("detail", {}).get("field")
        closed = mark.get("interpolate") == "linear-closed"
        if mark.get("fill"):  # the commune's shape: filled lightly, no stroke
            path = _styled(fill=mark["fill"], fill_opacity=mark.get("fillOpacity"))
        else:
            path = _styled(color=mark.get("color"), width=mark.get("strokeWidth", 1))
        for run in self._runs(rows, detail).values():
            self._polyline(path, run, sx, sy, closed)
        self._paths.append((0, path))

    def _bands(self, mark: dict, enc: dict, rows: list[dict], sx: _Scale, sy: _Scale) -> None:
        domain, colors = _channel_range(enc, "color")
        color_of = dict(zip(domain, colors, strict=False))
        by_series: dict[str, list[dict]] = {}
        for row in rows:
            by_series.setdefault(row["series"], []).append(row)
        for series, series_rows in by_series.items():
            path = _styled(fill=color_of.get(series), fill_opacity=mark.get("fillOpacity"))
            for run in self._runs(series_rows, "band").values():
                self._polyline(path, run, sx, sy, True)
            self._paths.append((0, path))

    def _series(self, mark: dict, enc: dict, rows: list[dict], sx: _Scale, sy: _Scale) -> None:
        domain, colors = _channel_range(enc, "color")
        _d, dashes = _channel_range(enc, "strokeDash")
        # each series' own width: the spec gives the widths an ordinal scale (Vega-Lite's default for a
        # width, a point scale over the range's two ends, gave a lone series no width at all)
        width_domain, widths = _channel_range(enc, "strokeWidth")
        width_of = dict(zip(width_domain, widths, strict=True))
        self._line_style = {s: (c, d, width_of[s]) for s, c, d in zip(domain, colors, dashes, strict=False)}
        for run in self._runs(rows, "segment").values():
            color, dash, width = self._line_style[run[0]["series"]]
            path = _styled(color=color, width=width, dash=dash, join=StrokeJoinStyle.ROUND)
            self._polyline(path, run, sx, sy, False)
            self._paths.append((0, path))

    def _points(self, mark: dict, enc: dict, rows: list[dict], sx: _Scale, sy: _Scale) -> None:
        domain, colors = _channel_range(enc, "color")
        color_of = dict(zip(domain, colors, strict=False))
        markers, shapes = _channel_range(enc, "shape")
        shape_of = dict(zip(markers, shapes, strict=False))
        for row in rows:
            path = _styled(color=mark.get("stroke"), fill=color_of.get(row["series"]),
                           width=mark.get("strokeWidth", 1))
            _symbol(path, shape_of.get(row["marker"], "circle"), mark.get("size", 30), sx(row["x"]), sy(row["y"]))
            self._paths.append((0, path))

    def _text_rows(self, mark: dict, rows: list[dict], sx: _Scale, sy: _Scale) -> list[_Text]:
        face = _face(_style_key(mark))
        size = float(mark["fontSize"])
        line_height = float(mark.get("lineHeight", size + LEGEND_LINE))
        out = []
        for row in rows:
            lines = str(row["label"]).split(mark.get("lineBreak", "\n")) if mark.get("lineBreak") else [str(row["label"])]
            y = sy(row["y"]) + round(_BASELINE[mark.get("baseline", "alphabetic")] * size) + mark.get("dy", 0)
            out.append(_Text(lines, sx(row["x"]) + mark.get("dx", 0), y, size, line_height,
                             mark.get("align", "left"), face))
        halo = mark.get("stroke")  # the white halo under the ring values and level names
        ctx = _styled_context(color=halo, opacity=mark.get("strokeOpacity")) if halo else \
            _styled_context(fill=mark.get("color"))
        s = size / face.upm
        group = _Glyphs(f"{_n4(mark.get('strokeWidth', 1) / s)} w S" if halo else "f")
        for text in out:
            text.draw(group)
        ctx.add_item(group, clone=False)
        self._paths.append((0, ctx))
        return out

    def _legend(self, spec: dict, legend: dict) -> tuple[float, float, float, float]:
        """Vega's vertical legend under the view (orient bottom): per series a stroke sample (its colour,
        dash and width) and its label, wrapped as the spec's label expression wraps it."""
        import json

        expr = legend.get("labelExpr", "")
        wrapped: dict[str, list[str]] = {}
        if expr.startswith("(") and ")[datum.label]" in expr:
            wrapped = json.loads(expr[1:expr.index(")[datum.label]")])
        size = float(legend.get("labelFontSize", 11))
        line_height = size + LEGEND_LINE
        gap, row_gap = legend.get("labelOffset", 4), legend.get("rowPadding", 2)
        face = _face("")
        sample = math.sqrt(legend.get("symbolSize", 100))  # a stroke symbol's length
        entries = list(self._line_style.items())
        # Vega's symbol column: each sample's half height (half its length and half its stroke), to the
        # half pixel; the labels start after the widest sample and the label offset
        halves = {series: math.ceil(2 * (sample / 2 + width / 2)) / 2 for series, (_c, _d, width) in entries}
        column = 2 * max(halves.values())
        top = self.view_h + legend.get("offset", 18)
        y = top
        right = bottom = 0.0
        labels = _styled_context(fill=legend.get("labelColor", "#000"))
        glyphs = _Glyphs("f")
        labels.add_item(glyphs, clone=False)
        for series, (color, dash, width) in entries:
            lines = wrapped.get(series) or [series]
            mid, sample_x, label_x = y + halves[series], column / 2, column + gap
            path = _styled(color=color, width=width, dash=dash)
            path.move_to(sample_x - sample / 2, mid)
            path.line_to(sample_x + sample / 2, mid)
            self._paths.append((1, path))
            text = _Text(lines, label_x, mid + round(_BASELINE["middle"] * size), size, line_height, "left", face)
            text.draw(glyphs)
            right = max(right, text.bounds()[2])
            # an entry is as tall as its sample and label reach below its top (Vega: whole pixels)
            height = math.floor(mid - y + size / 2 + (len(lines) - 1) * line_height)
            bottom = y + height
            y = bottom + row_gap
        self._paths.append((1, labels))
        return 0.0, top, right, bottom

    # --- drawing --------------------------------------------------------------------------------

    @property
    def aspect(self) -> float:
        return self.height / self.width

    def context(self) -> GraphicsContext:
        """The whole picture in px, the origin at its top left corner (built once, drawn by each layout)."""
        ctx = GraphicsContext()
        ctx.transform = Transform.translation(*self.origin)
        for _z, path in sorted(self._paths, key=lambda zp: zp[0]):
            ctx.add_item(path, clone=False)
        return ctx

    def draw(self, pdf: Any, x: float, y: float, w: float, context: GraphicsContext | None = None) -> None:
        """Place the picture ``w`` wide (document units) with its top left corner at ``x``, ``y``."""
        outer = GraphicsContext()
        outer.transform = Transform.scaling(w / self.width).translate(x, y)
        outer.add_item(context or self.context(), clone=False)
        pdf.draw_path(outer, copy=False)


def radar_drawing(spec: dict) -> RadarDrawing:
    """The radar spec (:func:`maturity.charts.radar_spec`, ``PDF_LAYOUT``) as vector paths."""
    return RadarDrawing(spec)
