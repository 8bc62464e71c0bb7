"""Maps of Wallonia: the registry's communes (a merged commune drawn as one), provinces, rendering."""

from __future__ import annotations

import io

from PIL import Image

from maturity import maps
from maturity.charts import chart_png


def _geoms(topo, name):
    return topo["objects"][name]["geometries"]


def test_the_map_follows_the_registry_and_draws_the_merged_commune_as_one():
    before = maps.wallonia_topology("2024-06-01")
    after = maps.wallonia_topology("2025-01-01")
    assert len(_geoms(before, "communes")) == 262 and len(_geoms(after, "communes")) == 261
    codes = {g["properties"]["nis"] for g in _geoms(after, "communes")}
    assert "82039" in codes and not {"82003", "82005"} & codes
    assert "33016" not in codes  # Messines is Flemish (a known defect of the source file)
    merged = next(g for g in _geoms(after, "communes") if g["properties"]["nis"] == "82039")
    assert merged["type"] == "MultiPolygon" and len(merged["arcs"]) == 1 and len(merged["arcs"][0]) == 1
    # the shared border is gone: the merged ring uses only arcs of the two outer borders
    old = {g["properties"]["nis"]: g for g in _geoms(before, "communes")}
    shared = {abs(a if a >= 0 else ~a) for a in old["82003"]["arcs"][0]} & {
        abs(a if a >= 0 else ~a) for a in old["82005"]["arcs"][0]}
    assert shared  # they did share a border
    n_old = len(old["82003"]["arcs"][0]) + len(old["82005"]["arcs"][0])
    assert len(merged["arcs"][0][0]) == n_old - 2 * len(shared)


def test_the_provinces_are_dissolved_with_hainauts_exclave():
    provinces = {g["properties"]["province"]: g for g in _geoms(maps.wallonia_topology(), "provinces")}
    assert set(provinces) == {"20002", "50000", "60000", "80000", "90000"}
    assert len(provinces["50000"]["arcs"]) == 2  # Comines-Warneton lies apart from the rest of Hainaut
    assert all(len(provinces[p]["arcs"]) == 1 for p in ("20002", "60000", "80000", "90000"))


def _colours(png: bytes) -> set[tuple[int, int, int]]:
    image = Image.open(io.BytesIO(png)).convert("RGB")
    return {rgb for _count, rgb in image.getcolors(maxcolors=1_000_000)}


def test_the_province_map_renders_and_a_hidden_province_is_grey_not_missing():
    spec = maps.province_map_spec({"20002": 45.0, "50000": 38.0, "60000": None, "80000": 52.0, "90000": 41.0},
                                  "fr", title="Smart Economy", legend_title="score")
    png = chart_png(spec)
    assert png.startswith(b"\x89PNG") and Image.open(io.BytesIO(png)).size[0] > 400
    grey = tuple(int(maps.NO_VALUE[i:i + 2], 16) for i in (1, 3, 5))
    assert grey in _colours(png)
    complete = chart_png(maps.province_map_spec(dict.fromkeys(("20002", "50000", "60000", "80000", "90000"), 50.0)))
    assert grey not in _colours(complete)


def test_the_status_map_colours_each_commune_by_its_state():
    states = {"82039": "submitted", "92094": "started"}
    spec = maps.commune_status_map_spec(states, "de", when="2025-01-01")
    geoms = spec["data"]["values"]["objects"]["communes"]["geometries"]
    by_nis = {g["properties"]["nis"]: g["properties"]["state"] for g in geoms}
    assert by_nis["82039"] == "Antwort gesendet" and by_nis["92094"] == "begonnen"
    assert by_nis["63023"] == "nicht begonnen"
    colours = _colours(chart_png(spec))
    for hex_ in maps.STATUS_STYLE.values():
        assert tuple(int(hex_[i:i + 2], 16) for i in (1, 3, 5)) in colours
