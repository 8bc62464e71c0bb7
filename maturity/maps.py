"""Maps of Wallonia (Altair/Vega-Lite geoshape) from ``data/belgium.topojson``.

The shipped TopoJSON has the 581 Belgian municipalities of 2019. :func:`wallonia_topology` keeps the
communes of the Walloon registry on a date (:func:`maturity.communes.registry_at`) and draws a merged
commune as ONE shape: the borders its former communes shared are dropped and the remaining arcs
stitched into rings (82003 Bastogne + 82005 Bertogne -> 82039 Bastogne from 2 December 2024). The
provinces are dissolved the same way. Arcs are shared, so neighbouring shapes still fit exactly.

- :func:`province_map_spec` colours the five provinces by a value (a campaign's province means) and
  prints it; a province without a value (suppressed: fewer than 5 communes) is grey and says so.
  :func:`province_key_spec` names the provinces once, for small multiples of it.
- :func:`commune_status_map_spec` colours each commune by its campaign state, for the coordinator.

Both return plain Vega-Lite dicts: the app draws them with ``st.altair_chart(alt.Chart.from_dict(spec))``
or ``st.vega_lite_chart``, the PDF renders them with :func:`maturity.charts.chart_png`.
"""

from __future__ import annotations

import copy
import itertools
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from .communes import DATA_DIR, PROVINCE_NAMES, registry_at
from .labels import in_lang, label_value

TOPOJSON = DATA_DIR / "belgium.topojson"
FONT = "DejaVu Sans"
INK = "#1F2A37"
MUTED = "#5B6573"
NO_VALUE = "#E5E7EB"

Point = tuple[int, int]


@cache
def _topology(path: Path = TOPOJSON) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _arc_points(topo: Mapping[str, Any], index: int) -> list[Point]:
    """The quantized points of an arc (delta-decoded), in its own direction."""
    arc = topo["arcs"][index]
    x = y = 0
    out = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        out.append((x, y))
    return out


def _ref_points(topo: Mapping[str, Any], ref: int) -> list[Point]:
    points = _arc_points(topo, ref if ref >= 0 else ~ref)
    return points if ref >= 0 else points[::-1]


def _polygons(geometry: Mapping[str, Any]) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def _ring_area(points: Sequence[Point]) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(points)) / 2


def _inside(point: Point, ring: Sequence[Point]) -> bool:
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        if (y0 > y) != (y1 > y) and x < (x1 - x0) * (y - y0) / (y1 - y0) + x0:
            inside = not inside
    return inside


def dissolve(topo: Mapping[str, Any], geometries: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """One MultiPolygon geometry covering ``geometries`` (TopoJSON polygons over the same arcs):
    an arc used by two of them (a shared border) is dropped, the others are stitched into rings;
    rings wound like the originals' outer rings are outer rings, the others holes in the ring that
    holds them."""
    polygons = [p for g in geometries for p in _polygons(g)]
    refs = [r for polygon in polygons for ring in polygon for r in ring]
    used: dict[int, int] = {}
    for r in refs:
        used[r if r >= 0 else ~r] = used.get(r if r >= 0 else ~r, 0) + 1
    keep = [r for r in refs if used[r if r >= 0 else ~r] == 1]
    points = {r: _ref_points(topo, r) for r in keep}
    ends = {r: (pts[0], pts[-1]) for r, pts in points.items()}
    starting: dict[Point, list[int]] = {}
    for r in keep:
        starting.setdefault(ends[r][0], []).append(r)
    rings: list[list[int]] = []
    left = set(keep)
    for first in keep:
        if first not in left:
            continue
        ring = [first]
        left.discard(first)
        start, end = ends[first]
        while end != start:
            candidates = [r for r in starting.get(end, []) if r in left]
            if not candidates:
                break  # an open chain: keep what we have (the renderer closes it)
            nxt = candidates[0]
            ring.append(nxt)
            left.discard(nxt)
            end = ends[nxt][1]
        rings.append(ring)
    outer_sign = 1.0
    for polygon in polygons:
        if polygon:
            area = _ring_area([p for r in polygon[0] for p in _ref_points(topo, r)])
            if area:
                outer_sign = 1.0 if area > 0 else -1.0
                break
    coords = {i: [p for r in ring for p in points[r]] for i, ring in enumerate(rings)}
    outers = [i for i in coords if _ring_area(coords[i]) * outer_sign > 0]
    holes = [i for i in coords if i not in outers]
    parts: dict[int, list[list[int]]] = {i: [rings[i]] for i in outers}
    for h in holes:
        host = next((o for o in outers if coords[h] and _inside(coords[h][0], coords[o])), None)
        if host is not None:
            parts[host].append(rings[h])
    return {"type": "MultiPolygon", "arcs": list(parts.values())}


def _day(when: date | datetime | str | None) -> date:
    from .communes import _day as day

    return day(when)


@cache
def _wallonia(day: date) -> dict[str, Any]:
    topo = _topology()
    by_nis = {g["properties"]["nis"]: g for g in topo["objects"]["municipalities"]["geometries"]}
    from .communes import mergers

    parts: dict[str, list[str]] = {}
    for merger in mergers():
        if merger.effective <= day:
            parts[merger.commune.nis_code] = [p for old in merger.merged for p in parts.pop(old, [old])]
    communes_out = []
    by_province: dict[str, list[Mapping[str, Any]]] = {}
    for commune in registry_at(day):
        sources = [by_nis[c] for c in parts.get(commune.nis_code, [commune.nis_code]) if c in by_nis]
        if not sources:
            continue
        geometry = dissolve(topo, sources) if len(sources) > 1 else {k: copy.deepcopy(v) for k, v in
                                                                      sources[0].items() if k != "properties"}
        geometry["properties"] = {"nis": commune.nis_code, "name": commune.display_name,
                                  "province": commune.province_nis}
        communes_out.append(geometry)
        by_province.setdefault(commune.province_nis, []).extend(sources)
    provinces_out = []
    for province, members in sorted(by_province.items()):
        geometry = dissolve(topo, members)
        geometry["properties"] = {"province": province, "name": PROVINCE_NAMES[province]["fr"]}
        provinces_out.append(geometry)
    # keep only the arcs used, renumbered
    used: dict[int, int] = {}

    def renumber(node: Any) -> Any:
        if isinstance(node, list):
            return [renumber(x) for x in node]
        index = node if node >= 0 else ~node
        if index not in used:
            used[index] = len(used)
        return used[index] if node >= 0 else ~used[index]

    for geometry in communes_out + provinces_out:
        geometry["arcs"] = renumber(geometry["arcs"])
    arcs = [None] * len(used)
    for old, new in used.items():
        arcs[new] = topo["arcs"][old]
    return {
        "type": "Topology", "transform": topo["transform"], "arcs": arcs,
        "objects": {"communes": {"type": "GeometryCollection", "geometries": communes_out},
                    "provinces": {"type": "GeometryCollection", "geometries": provinces_out}},
    }


def wallonia_topology(when: date | datetime | str | None = None) -> dict[str, Any]:
    """A TopoJSON of Wallonia on ``when`` (default today): objects ``communes`` (properties ``nis``,
    ``name``, ``province``; a merged commune is one shape) and ``provinces`` (``province``, ``name``).
    A fresh copy: callers may add properties."""
    return copy.deepcopy(_wallonia(_day(when)))


def _lonlat(topo: Mapping[str, Any], point: Point) -> tuple[float, float]:
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    return point[0] * sx + tx, point[1] * sy + ty


def _label_point(topo: Mapping[str, Any], geometry: Mapping[str, Any]) -> tuple[float, float]:
    """The centroid of the largest outer ring (planar, in degrees: good enough for a label)."""
    best: list[Point] = []
    for polygon in _polygons(geometry):
        ring = [p for r in polygon[0] for p in _ref_points(topo, r)]
        if abs(_ring_area(ring)) > abs(_ring_area(best)):
            best = ring
    area = _ring_area(best) or 1.0
    cx = sum((x0 + x1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in itertools.pairwise(best))
    cy = sum((y0 + y1) * (x0 * y1 - x1 * y0) for (x0, y0), (x1, y1) in itertools.pairwise(best))
    return _lonlat(topo, (round(cx / (6 * area)), round(cy / (6 * area))))


_NO_DATA = {"fr": "moins de 5 communes : non publié", "de": "weniger als 5 Gemeinden: nicht veröffentlicht",
            "en": "fewer than 5 communes: not published"}


# the maps' text alternatives (a spec's ``description``: the name a screen reader reads for the chart, where Vega
# names every chart "Vega visualization", in English; the published report's figures carry them as alt texts)
_DESCRIBE = {
    "fr": {"provinces": "Carte des provinces wallonnes", "key": "Carte des cinq provinces wallonnes",
           "communes": "Carte des communes wallonnes selon leur réponse à la campagne"},
    "de": {"provinces": "Karte der wallonischen Provinzen", "key": "Karte der fünf wallonischen Provinzen",
           "communes": "Karte der wallonischen Gemeinden nach ihrer Antwort auf die Kampagne"},
    "en": {"provinces": "Map of the Walloon provinces", "key": "Map of the five Walloon provinces",
           "communes": "Map of the Walloon communes by their response to the campaign"},
}


def _described(what: str, title: str, lang: str) -> str:
    """« Carte des provinces wallonnes, Smart Mobility (Mobilité) », the map's kind then its title."""
    return _DESCRIBE[lang][what] + (f", {title}" if title else "")


def _labels_layers(labels: list[dict[str, Any]], projection: Mapping[str, Any], size: float,
                   weight: str = "normal") -> list[dict[str, Any]]:
    """Text at each label point, over a white halo (the same text stroked white under it)."""
    text = {
        "data": {"values": labels},
        "mark": {"type": "text", "font": FONT, "fontSize": size, "fontWeight": weight, "color": INK,
                 "baseline": "middle"},
        "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                     "latitude": {"field": "lat", "type": "quantitative"},
                     "text": {"field": "text", "type": "nominal"}},
        "projection": dict(projection),
    }
    halo = copy.deepcopy(text)
    halo["mark"] |= {"stroke": "white", "strokeWidth": 2, "strokeOpacity": 0.85}
    return [halo, text]


def _title(title: str, subtitle: str) -> dict[str, Any]:
    out = {"text": title, "font": FONT, "fontSize": 12, "color": INK, "anchor": "start"}
    if subtitle:
        out |= {"subtitle": subtitle, "subtitleFont": FONT, "subtitleFontSize": 10, "subtitleColor": MUTED}
    return out


def province_map_spec(values: Mapping[str, float | None], lang: str = "fr", *, title: str = "",
                      subtitle: str = "", legend_title: str = "", domain: tuple[float, float] = (0, 100),
                      width: int = 260, when: date | datetime | str | None = None, fmt: Any = None,
                      note: bool = True) -> dict[str, Any]:
    """The five provinces coloured by ``values`` (province NIS -> value or None), each showing its value
    ("—" and grey when None). The province's name is in the tooltip and on :func:`province_key_spec`,
    drawn once beside small multiples: a name and a value in each province printed over each other on a
    small map ("Wallonisch-Brabant" over "Hennegau"). ``fmt(value, lang)`` formats the value (default: a
    whole number); ``note`` says under the map what "—" means."""
    from .display import format_number

    lang = lang if lang in _NO_DATA else "fr"
    fmt = fmt or (lambda v, lg: format_number(v, lg))
    topo = wallonia_topology(when)
    labels = []
    for geometry in topo["objects"]["provinces"]["geometries"]:
        province = geometry["properties"]["province"]
        value = values.get(province)
        geometry["properties"]["value"] = value
        geometry["properties"]["name"] = PROVINCE_NAMES[province].get(lang, PROVINCE_NAMES[province]["fr"])
        geometry["properties"]["shown"] = "—" if value is None else fmt(value, lang)
        lon, lat = _label_point(topo, geometry)
        labels.append({"lon": lon, "lat": lat, "text": geometry["properties"]["shown"]})
    projection = {"type": "mercator"}
    height = round(width * 0.72)
    shape = {
        "data": {"values": topo, "format": {"type": "topojson", "feature": "provinces"}},
        "mark": {"type": "geoshape", "stroke": "white", "strokeWidth": 1.2, "invalid": None},  # keep the nulls (grey)
        "encoding": {
            "color": {"condition": {"test": "datum.properties.value === null", "value": NO_VALUE},
                      "field": "properties.value", "type": "quantitative",
                      "scale": {"domain": list(domain), "scheme": "blues"},
                      "legend": {"title": legend_title or None, "orient": "bottom", "gradientLength": width - 40,
                                 "titleFont": FONT, "labelFont": FONT}},
            "tooltip": [{"field": "properties.name", "type": "nominal", "title": " "},
                        {"field": "properties.shown", "type": "nominal", "title": legend_title or " "}],
        },
        "projection": projection,
    }
    named = " ".join(part for part in (title, f"({subtitle})" if subtitle else "") if part)
    each = ", ".join(f"{g['properties']['name']} " + (g["properties"]["shown"] if g["properties"]["value"] is not None
                                                      else f"({in_lang(_NO_DATA, lang)})")
                     for g in topo["objects"]["provinces"]["geometries"])
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        # « Carte des provinces wallonnes, Smart Mobility (Mobilité). Score moyen : Brabant wallon 52, … »
        "description": f"{_described('provinces', named, lang)}. "
                       + (label_value(legend_title, each, lang) if legend_title else each) + ".",
        "width": width, "height": height, "background": "white",
        "config": {"font": FONT, "view": {"stroke": None}},
        "layer": [shape, *_labels_layers(labels, projection, 12, "bold")],
    }
    if title:
        spec["title"] = _title(title, subtitle)
    if note and (any(v is None for v in values.values()) or len(values) < len(PROVINCE_NAMES)):
        spec["layer"].append({"data": {"values": [{"note": "— " + _NO_DATA[lang]}]},
                              "mark": {"type": "text", "font": FONT, "fontSize": 9, "color": MUTED,
                                       "align": "left", "x": 0, "y": height - 4},
                              "encoding": {"text": {"field": "note", "type": "nominal"}}})
    return spec


KEY_FILL = "#F3F4F6"


def province_key_spec(lang: str = "fr", *, title: str = "", width: int = 300,
                      when: date | datetime | str | None = None) -> dict[str, Any]:
    """The five provinces named, uncoloured: the key to small multiples of :func:`province_map_spec`
    (which show only the values)."""
    lang = lang if lang in _NO_DATA else "fr"
    topo = wallonia_topology(when)
    labels = []
    for geometry in topo["objects"]["provinces"]["geometries"]:
        province = geometry["properties"]["province"]
        lon, lat = _label_point(topo, geometry)
        labels.append({"lon": lon, "lat": lat,
                       "text": PROVINCE_NAMES[province].get(lang, PROVINCE_NAMES[province]["fr"])})
    projection = {"type": "mercator"}
    shape = {"data": {"values": topo, "format": {"type": "topojson", "feature": "provinces"}},
             "mark": {"type": "geoshape", "fill": KEY_FILL, "stroke": MUTED, "strokeWidth": 0.8},
             "projection": projection}
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": label_value(_DESCRIBE[lang]["key"], ", ".join(label["text"] for label in labels), lang) + ".",
        "width": width, "height": round(width * 0.72), "background": "white",
        "config": {"font": FONT, "view": {"stroke": None}},
        "layer": [shape, *_labels_layers(labels, projection, 10)],
    }
    if title:
        spec["title"] = _title(title, "")
    return spec


STATUS_STYLE = {  # Okabe–Ito; the state is also in the tooltip and the table beside the map
    "submitted": "#009E73",
    "started": "#E69F00",
    "not_started": "#D9DDE3",
}
STATUS_LABELS = {
    "submitted": {"fr": "réponse envoyée", "de": "Antwort gesendet", "en": "response submitted"},
    "started": {"fr": "commencé", "de": "begonnen", "en": "started"},
    "not_started": {"fr": "pas commencé", "de": "nicht begonnen", "en": "not started"},
}


def commune_status_map_spec(states: Mapping[str, str], lang: str = "fr", *, width: int = 560,
                            when: date | datetime | str | None = None, title: str = "") -> dict[str, Any]:
    """Each commune of the registry on ``when`` coloured by its campaign state (``states``: NIS ->
    ``submitted`` / ``started`` / ``not_started``, as :func:`maturity.campaign.status` gives in
    ``communes``); a commune not in ``states`` is drawn as not started. For the coordinator only."""
    lang = lang if lang in _NO_DATA else "fr"
    topo = wallonia_topology(when)
    order = list(STATUS_STYLE)
    names = [STATUS_LABELS[s][lang] for s in order]
    counts = dict.fromkeys(order, 0)
    for geometry in topo["objects"]["communes"]["geometries"]:
        state = states.get(geometry["properties"]["nis"], "not_started")
        state = state if state in STATUS_LABELS else "not_started"
        counts[state] += 1
        geometry["properties"]["state"] = STATUS_LABELS[state][lang]
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        # « Carte des communes wallonnes selon leur réponse à la campagne : réponse envoyée 12, commencé 3, … »
        "description": label_value(_described("communes", title, lang),
                                   ", ".join(f"{STATUS_LABELS[s][lang]} {counts[s]}" for s in order), lang) + ".",
        "width": width, "height": round(width * 0.72), "background": "white",
        "config": {"font": FONT, "view": {"stroke": None}},
        "data": {"values": topo, "format": {"type": "topojson", "feature": "communes"}},
        "mark": {"type": "geoshape", "stroke": "white", "strokeWidth": 0.4},
        "encoding": {
            "color": {"field": "properties.state", "type": "nominal",
                      "scale": {"domain": names, "range": [STATUS_STYLE[s] for s in order]},
                      "legend": {"title": None, "orient": "bottom", "labelFont": FONT, "labelFontSize": 12}},
            "tooltip": [{"field": "properties.name", "type": "nominal", "title": " "},
                        {"field": "properties.nis", "type": "nominal", "title": "INS / NIS"},
                        {"field": "properties.state", "type": "nominal", "title": " "}],
        },
        "projection": {"type": "mercator"},
    }
    if title:
        spec["title"] = {"text": title, "font": FONT, "fontSize": 13, "color": INK, "anchor": "start"}
    return spec
