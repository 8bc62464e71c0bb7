"""Publishing a campaign: the open aggregates (CSV and benchmark-set YAML) and the report (PDF).

An adapter over the pure core (:mod:`maturity.campaign`, :mod:`maturity.aggregates`):

    paths = publish(report, out_dir, questionnaire=q, publisher="…", url="https://…")

writes three files into ``out_dir`` (named after the set's id, e.g. ``campagne-wal-2026``):

- ``….yaml``: the benchmark set (kind ``pooled``; interval, n and N, the method in words, the date,
  CC BY 4.0), which ``maturity benchmarks import-aggregates FILE`` reads back with
  :func:`maturity.aggregates.read_aggregates`;
- ``….csv``: the same figures as a table (:data:`maturity.aggregates.CSV_COLUMNS`), UTF-8;
- ``….pdf``: the report: the Walloon radar with its interval band, the per-dimension distributions,
  the province maps of the means, the barometer items then and now, the method.

Nothing per commune leaves, and no group under 5: the YAML is checked by the import validation
before anything is written, and all three files are written atomically (no partial file).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from . import aggregates
from .aggregates import CSV_COLUMNS, LICENCE, aggregates_rows, aggregates_set, dump_yaml, read_aggregates
from .benchmarks import estimate_digits, format_figure_value
from .campaign import method_text
from .charts import RadarSeries, chart_png, radar_spec
from .display import format_date, format_estimate, format_number, format_percent, format_range
from .fileio import atomic_write
from .labels import CAMPAIGN_WORDS, RESULTS_WORDS, label_value
from .maps import province_key_spec, province_map_spec

LANGS = ("fr", "de", "en")

T = {
    "fr": {
        "title": "Campagne wallonne Smart City", "published": "Publié par {publisher}, le {date} · licence {licence}",
        "response": "{n} communes sur {N} ont répondu ({rate}). Chiffres estimés pour l'ensemble des {N} communes "
                    "invitées, avec leur intervalle de confiance à 95\u00a0%.",
        "with_interval": "Chaque chiffre a son intervalle de confiance à 95\u00a0%.",
        "radar": "La Wallonie sur les six dimensions", "band": "bande : intervalle de confiance à 95\u00a0%",
        "table": "Estimations par dimension", "estimate": "Estimation",
        "n": "n", "median": "Médiane (Q1–Q3)", "unweighted": "non pondérée",
        "distributions": "Répartition des scores par dimension",
        "distributions_note": "Boîte : de Q1 à Q3 des communes répondantes ; trait : médiane ; point et barre : "
                              "estimation wallonne et son intervalle. Aucun score n'est rattaché à une commune ; "
                              "médiane et quartiles seulement à partir de 10 répondants.",
        "maps_none": "Aucune province ne compte encore 5 communes répondantes : pas de moyenne par province. "
                     "Leurs répondantes comptent dans le chiffre de la Wallonie.",
        "maps": "Moyennes par province", "maps_note": "Moyenne des communes répondantes de la province ; "
                                                      "une province de moins de 5 répondants n'est pas publiée (—, en gris).",
        "key": "Les provinces",
        "items": "Les questions du baromètre, alors et maintenant", "item": "Question",
        "campaign_col": "Campagne", "groups": "Par province et par taille de commune",
        "group": "Groupe",
        "method": "Méthode", "caveat": "Les communes qui répondent peuvent être les plus avancées dans chaque "
                                       "province : la pondération par province ne le corrige pas.",
        "page": "Page {n}", "score_axis": "Score (0–100)", "mean_score": "Score moyen",
        "share_of": "base : communes à qui la question a été posée",
        "n_of": "{n} sur {N}",
        "groups_note": "n : les communes du groupe qui ont répondu, sur ses communes. Chaque case est la moyenne "
                       "de ses communes répondantes ; son intervalle à 95\u00a0% est dans le fichier CSV publié avec ce "
                       "rapport.",
        "masked_note": "Un groupe d'au moins 5 communes est aussi masqué (—) quand, sans cela, les chiffres d'un groupe "
                       "plus petit se déduiraient des autres.",
    },
    "de": {
        "title": "Wallonische Smart-City-Kampagne", "published": "Veröffentlicht von {publisher} am {date} · Lizenz {licence}",
        "response": "{n} von {N} Gemeinden haben geantwortet ({rate}). Geschätzte Werte für alle {N} eingeladenen "
                    "Gemeinden, mit ihrem 95-%-Konfidenzintervall.",
        "with_interval": "Jede Zahl hat ihr 95-%-Konfidenzintervall.",
        "radar": "Die Wallonie in den sechs Dimensionen", "band": "Band: 95-%-Konfidenzintervall",
        "table": "Schätzungen je Dimension", "estimate": "Schätzung",
        "n": "n", "median": "Median (Q1–Q3)", "unweighted": "ungewichtet",
        "distributions": "Verteilung der Werte je Dimension",
        "distributions_note": "Kasten: Q1 bis Q3 der antwortenden Gemeinden; Strich: Median; Punkt und Balken: "
                              "wallonische Schätzung und ihr Intervall. Kein Wert wird einer Gemeinde zugeordnet; "
                              "Median und Quartile erst ab 10 Antwortenden.",
        "maps_none": "Noch keine Provinz hat 5 antwortende Gemeinden: kein Mittelwert nach Provinz. Ihre "
                     "Antwortenden zählen im Wert der Wallonie.",
        "maps": "Mittelwerte nach Provinz", "maps_note": "Mittelwert der antwortenden Gemeinden der Provinz; "
                                                          "eine Provinz mit weniger als 5 Antwortenden wird nicht veröffentlicht (—, grau).",
        "key": "Die Provinzen",
        "items": "Die Fragen des Barometers, damals und heute", "item": "Frage",
        "campaign_col": "Kampagne", "groups": "Nach Provinz und Gemeindegröße",
        "group": "Gruppe",
        "method": "Methode", "caveat": "Antwortende Gemeinden können in jeder Provinz die weiter fortgeschrittenen "
                                       "sein: Die Gewichtung nach Provinz korrigiert das nicht.",
        "page": "Seite {n}", "score_axis": "Wert (0–100)", "mean_score": "Mittlerer Wert",
        "share_of": "Basis: Gemeinden, denen die Frage gestellt wurde",
        "n_of": "{n} von {N}",
        "groups_note": "n: die Gemeinden der Gruppe, die geantwortet haben, von ihren Gemeinden. Jedes Feld ist der "
                       "Mittelwert ihrer antwortenden Gemeinden; sein 95-%-Intervall steht in der mit diesem Bericht "
                       "veröffentlichten CSV-Datei.",
        "masked_note": "Eine Gruppe mit mindestens 5 Gemeinden wird ebenfalls ausgeblendet (—), wenn sich sonst die "
                       "Zahlen einer kleineren Gruppe aus den anderen ableiten ließen.",
    },
    "en": {
        "title": "Walloon Smart City campaign", "published": "Published by {publisher} on {date} · licence {licence}",
        "response": "{n} of {N} communes answered ({rate}). Figures estimated for all {N} invited communes, with "
                    "their 95\u00a0% confidence interval.",
        "with_interval": "Each figure comes with its 95\u00a0% confidence interval.",
        "radar": "Wallonia on the six dimensions", "band": "band: 95\u00a0% confidence interval",
        "table": "Estimates by dimension", "estimate": "Estimate",
        "n": "n", "median": "Median (Q1–Q3)", "unweighted": "unweighted",
        "distributions": "Distribution of the scores by dimension",
        "distributions_note": "Box: Q1 to Q3 of the responding communes; tick: median; dot and bar: the Walloon "
                              "estimate and its interval. No score is tied to a commune; median and quartiles "
                              "only from 10 respondents.",
        "maps_none": "No province has 5 responding communes yet: no mean by province. Their respondents count "
                     "in the figure for Wallonia.",
        "maps": "Means by province", "maps_note": "Mean of the province's responding communes; a province "
                                                  "with fewer than 5 respondents is not published (—, grey).",
        "key": "The provinces",
        "items": "The barometer's questions, then and now", "item": "Question",
        "campaign_col": "Campaign", "groups": "By province and by size of commune",
        "group": "Group",
        "method": "Method", "caveat": "The communes that answer may be the more advanced ones in every province: "
                                      "weighting by province does not correct that.",
        "page": "Page {n}", "score_axis": "Score (0–100)", "mean_score": "Mean score",
        "share_of": "base: communes the question was asked of",
        "n_of": "{n} of {N}",
        "groups_note": "n: the group's communes that answered, of its communes. Each cell is the mean of its "
                       "responding communes; its 95\u00a0% interval is in the CSV file published with this report.",
        "masked_note": "A group of 5 communes or more is also hidden (—) when a smaller group's figures could otherwise "
                       "be worked out from the others.",
    },
}


# the words the coordinator's page says too are the core's (maturity.labels)
for _lang_code in LANGS:
    T[_lang_code].update({key: CAMPAIGN_WORDS[key][_lang_code] for key in CAMPAIGN_WORDS},
                         dimension=RESULTS_WORDS["dimension"][_lang_code])


def _t(lang: str) -> dict[str, str]:
    return T[lang if lang in T else "fr"]


def _text(value: Any, lang: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("fr") or "")
    return "" if value is None else str(value)


def _dimension_labels(questionnaire: Any) -> dict[str, dict[str, str]]:
    return {s.id: {lang: questionnaire.t(s.label, lang) for lang in LANGS} for s in questionnaire.dimensions}


# --- the files -------------------------------------------------------------------------------------


def csv_text(report: Mapping[str, Any]) -> str:
    """The open aggregates as CSV text (comma-separated, UTF-8, a header line; decimals with a point)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(CSV_COLUMNS), lineterminator="\n")
    writer.writeheader()
    for row in aggregates_rows(report):
        writer.writerow({k: ("" if v is None else ("yes" if v is True else "no" if v is False else v))
                         for k, v in row.items()})
    return buffer.getvalue()


def publish(report: Mapping[str, Any], out_dir: Path | str, *, questionnaire: Any, publisher: str, url: str,
            lang: str = "fr", published_on: date | None = None) -> list[Path]:
    """Write the YAML, CSV and PDF of a campaign report into ``out_dir`` (created if needed) and return
    their paths. The YAML is validated as an import would before anything is written; raises
    :class:`maturity.errors.InvalidInput` (nothing written) when it would not pass."""
    out = Path(out_dir)
    data = aggregates_set(report, publisher=publisher, url=url, published_on=published_on,
                          dimension_labels=_dimension_labels(questionnaire))
    header = (f"{_text(data['title'], 'fr')}\n{LICENCE} ({aggregates.LICENCE_URL})\n"
              "Open aggregates of a campaign: no figure per commune, none for a group under 5 communes.\n"
              "Read with: maturity benchmarks import-aggregates FILE")
    text = dump_yaml(data, header)
    reference = read_aggregates(text, f"{data['id']}.yaml")  # the same checks as an import
    pdf = report_pdf(report, questionnaire, lang=lang, reference=reference)
    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{data['id']}.yaml", out / f"{data['id']}.csv", out / f"{data['id']}.pdf"]
    atomic_write(paths[0], text)
    atomic_write(paths[1], csv_text(report))
    atomic_write(paths[2], pdf)
    return paths


# --- the charts of the report ---------------------------------------------------------------------------


def distributions_spec(report: Mapping[str, Any], questionnaire: Any, lang: str = "fr",
                       width: int = 470) -> dict[str, Any]:
    """Per dimension: the box from Q1 to Q3 of the respondents, the median, and the Walloon estimate
    with its interval. Only aggregates (no quartiles under 10 respondents: no box then); a suppressed
    dimension is left out."""
    t = _t(lang)
    rows = []
    for section in questionnaire.dimensions:
        entry = report["dimensions"].get(section.id) or {}
        if entry.get("suppressed") or entry.get("estimate") is None:
            continue
        rows.append({"dimension": questionnaire.t(section.label, lang), **{
            k: entry.get(k) for k in ("q1", "median", "q3", "estimate", "ci_low", "ci_high")}})
    y = {"field": "dimension", "type": "nominal", "sort": None, "title": None,
         "axis": {"labelLimit": 300, "labelFontSize": 11, "labelFont": "DejaVu Sans"}}
    x = {"type": "quantitative", "scale": {"domain": [0, 100]},
         "axis": {"title": t["score_axis"], "titleFont": "DejaVu Sans", "labelFont": "DejaVu Sans", "grid": True}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": width, "height": 26 * max(1, len(rows)), "background": "white",
        "config": {"font": "DejaVu Sans", "view": {"stroke": None}},
        "data": {"values": rows},
        "layer": [
            {"mark": {"type": "bar", "color": "#CFE3F1", "height": 14},
             "transform": [{"filter": "isValid(datum.q1) && isValid(datum.q3)"}],
             "encoding": {"y": y, "x": {**x, "field": "q1"}, "x2": {"field": "q3"}}},
            {"mark": {"type": "tick", "color": "#0072B2", "thickness": 2.5, "size": 16},
             "transform": [{"filter": "isValid(datum.median)"}],
             "encoding": {"y": y, "x": {**x, "field": "median"}}},
            {"mark": {"type": "rule", "color": "#1F2A37", "strokeWidth": 1.4},
             "encoding": {"y": y, "x": {**x, "field": "ci_low"}, "x2": {"field": "ci_high"}}},
            {"mark": {"type": "point", "filled": True, "color": "#1F2A37", "size": 40},
             "encoding": {"y": y, "x": {**x, "field": "estimate"}}},
        ],
    }


def province_maps_spec(report: Mapping[str, Any], questionnaire: Any, lang: str = "fr",
                       when: Any = None) -> dict[str, Any]:
    """The provinces named once on a key map, then six small maps (one per dimension, three across)
    showing each province's mean, on one 0–100 scale: on a map this small a name and a value in each
    province printed over each other."""
    t = _t(lang)
    maps = []
    provinces = report.get("groups", {}).get("province", {})
    for section in questionnaire.dimensions:
        values = {}
        for nis, group in provinces.items():
            entry = group.get("dimensions", {}).get(section.id) or {}
            values[nis] = None if entry.get("suppressed") else entry.get("estimate")
        title, _dash, subtitle = questionnaire.t(section.label, lang).partition(" – ")
        spec = province_map_spec(values, lang, title=title, subtitle=subtitle, legend_title=t["mean_score"],
                                 width=160, when=when, note=False)
        maps.append({k: v for k, v in spec.items() if k not in ("$schema", "background", "config")})
    key = {k: v for k, v in province_key_spec(lang, title=t["key"], width=250, when=when).items()
           if k not in ("$schema", "background", "config")}
    rows = [{"hconcat": maps[i:i + 3], "spacing": 16} for i in range(0, len(maps), 3)]
    return {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "background": "white",
            # the key's words and each map's (maps.province_map_spec): the figure's text alternative
            "description": " ".join(m["description"] for m in (key, *maps)),
            "config": {"font": "DejaVu Sans", "view": {"stroke": None}, "legend": {"disable": False}},
            "resolve": {"scale": {"color": "shared"}, "legend": {"color": "shared"}},
            "vconcat": [key, *rows], "spacing": 14}


# --- the PDF -----------------------------------------------------------------------------------------------


def report_pdf(report: Mapping[str, Any], questionnaire: Any, *, lang: str = "fr",
               reference: aggregates.CampaignReference | None = None) -> bytes:
    """The campaign's report as an A4 PDF (fpdf2, the bundled DejaVu fonts)."""
    from fpdf import FPDF

    from .sheet.fonts import FAMILY, FILES, FONTS_DIR
    from .sheet.pdf import drawable

    t = _t(lang)
    info = report["campaign"]
    title = str(info.get("title") or info.get("id"))
    ink, muted, accent = (31, 42, 55), (91, 101, 115), (0, 114, 178)

    class PDF(FPDF):
        def footer(self) -> None:
            self.set_y(-12)
            self.set_font(FAMILY, "", 7.5)
            self.set_text_color(*muted)
            self.cell(0, 5, drawable(f"{t['title']} · {title} · {LICENCE}"), align="L")
            self.set_x(self.l_margin)
            self.cell(0, 5, t["page"].format(n=self.page_no()), align="R")

    pdf = PDF(format="A4", unit="mm")
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_margins(18, 16, 18)
    for style, name in FILES.items():
        pdf.add_font(FAMILY, style, str(FONTS_DIR / name))
    width = pdf.w - pdf.l_margin - pdf.r_margin

    def para(text: str, size: float = 9.5, style: str = "", color: tuple[int, int, int] = ink,
             space: float = 1.5, align: str = "J") -> None:
        pdf.set_font(FAMILY, style, size)
        pdf.set_text_color(*color)
        pdf.multi_cell(width, size * 0.48, drawable(text, style), align=align)
        pdf.ln(space)

    def heading(text: str, keep: float = 40) -> None:
        """A section title, kept on the page of the ``keep`` millimetres that follow it."""
        if pdf.get_y() + 14 + keep > pdf.h - 18:
            pdf.add_page()
        pdf.ln(3)
        para(text, 13, "B", accent, 2)

    def height(png: bytes, w: float) -> float:
        from PIL import Image

        with Image.open(io.BytesIO(png)) as im:
            return w * im.height / im.width

    def image(png: bytes, w: float, alt: str | None = None) -> None:
        h = height(png, w)
        if pdf.get_y() + h > pdf.h - 18:
            pdf.add_page()
        pdf.image(io.BytesIO(png), x=pdf.l_margin + (width - w) / 2, y=pdf.get_y(), w=w, h=h, alt_text=alt)
        pdf.set_y(pdf.get_y() + h + 2)

    def section_image(title_text: str, spec: Mapping[str, Any], w: float, note: str = "") -> None:
        """A titled figure and its note (8 pt, up to two lines), all on one page; its spec's description is
        the image's text alternative (a screen reader's; the radar's and the maps' say their figures)."""
        png = chart_png(spec)
        heading(title_text, keep=height(png, w) + (12 if note else 0))
        image(png, w, spec.get("description"))
        if note:
            para(note, 8, "I", muted)

    def table(headers: list[str], rows: list[list[str]], widths: list[float]) -> None:
        from fpdf.fonts import FontFace

        # headings a size smaller where a word would not fit its column ("Governanc" / "e" at 8.5 pt): a
        # heading is never broken inside a word
        pdf.set_font(FAMILY, "B", 8.5)
        room = min((w - 2 * pdf.c_margin) / max(pdf.get_string_width(word) for word in h.split() or [""])
                   for h, w in zip(headers, widths, strict=True) if h.strip())
        pdf.set_font(FAMILY, "", 8.5)
        pdf.set_text_color(*ink)
        heading_size = max(6.5, min(8.5, 8.5 * room * 0.98))
        with pdf.table(col_widths=widths, text_align="LEFT", line_height=4.6, first_row_as_headings=True,
                       headings_style=FontFace(emphasis="BOLD", color=ink, size_pt=heading_size),
                       borders_layout="HORIZONTAL_LINES", width=min(sum(widths), pdf.epw)) as tbl:
            tbl.row([drawable(h, "B") for h in headers])
            for row in rows:
                tbl.row([drawable(c) for c in row])
        pdf.ln(2)

    def num(value: float | None) -> str:  # whole, as the pages write a campaign's scores and counts
        return "—" if value is None else format_number(value, lang)

    # --- page 1: who, how many, the radar
    pdf.add_page()
    para(t["title"], 10, "B", muted, 0)
    para(title, 20, "B", ink, 2)
    published = reference.date if reference is not None and reference.date else date.today()
    publisher = reference.set.publisher if reference is not None else ""
    para(t["published"].format(publisher=publisher, date=format_date(published, lang), licence=LICENCE),
         8.5, "", muted, 3)
    n, N = report.get("n_submitted", 0), info.get("N") or report.get("n_invited") or 0
    rate = format_percent(n / N, lang) if N else "—"
    response = t["response"].format(n=format_number(n, lang), N=format_number(N, lang), rate=rate)
    covered = reference.coverage(lang) if reference is not None else ""
    if covered:  # no commune of a province answered: the figures are not for all N communes
        response = f"{response.split('. ')[0]}. {covered} {t['with_interval']}"
    para(response, 10.5)
    dims = [s.id for s in questionnaire.dimensions]
    scores = {d: (report["dimensions"].get(d) or {}).get("estimate") for d in dims}
    band = {d: (e["ci_low"], e["ci_high"]) for d in dims if (e := report["dimensions"].get(d) or {})
            and e.get("ci_low") is not None and e.get("ci_high") is not None}
    label = reference.label(lang) if reference is not None else aggregates.SERIES_LABEL[
        lang if lang in LANGS else "fr"].format(title=title, n=format_number(n, lang), N=format_number(N, lang))
    series = RadarSeries(f"{label} — {t['band']}", scores, "pooled", band=band)
    section_image(t["radar"], radar_spec(questionnaire, [series], lang), 122)

    # --- the table of estimates
    heading(t["table"])
    rows = []
    for section in questionnaire.dimensions:
        e = report["dimensions"].get(section.id) or {}
        name = questionnaire.t(section.label, lang)
        if e.get("suppressed") or e.get("estimate") is None:
            rows.append([name, t["suppressed"], "", "", "", ""])
            continue
        # whole numbers, as the Campagnes, Wallonie and Résultats pages write the same estimates ("46", "41–50")
        rows.append([name, num(e["estimate"]), format_range(e.get('ci_low'), e.get('ci_high'), lang),
                     num(e["n"]), "—" if e.get("median") is None else
                     f"{num(e.get('median'))} ({format_range(e.get('q1'), e.get('q3'), lang)})",
                     t["by_province"] if e.get("weighting") == "province" else t["unweighted"]])
    table([t["dimension"], t["estimate"], t["interval"], t["n"], t["median"], t["weighting"]], rows,
          [50, 22, 28, 12, 30, 32])
    reasons: dict[str, list[str]] = {}
    for section in questionnaire.dimensions:
        e = report["dimensions"].get(section.id) or {}
        if e.get("weighting") == "none" and not e.get("suppressed"):
            from .campaign import reason_text

            reasons.setdefault(reason_text(e.get("thin_provinces") or {}, lang), []).append(
                questionnaire.t(section.label, lang))
    for reason, names in reasons.items():
        para(label_value(", ".join(names), reason, lang), 8, "I", muted)

    # --- distributions, maps
    section_image(t["distributions"], distributions_spec(report, questionnaire, lang), width,
                  t["distributions_note"])
    provinces = (report.get("groups") or {}).get("province") or {}
    if any(not e.get("suppressed") and e.get("estimate") is not None
           for group in provinces.values() for e in (group.get("dimensions") or {}).values()):
        section_image(t["maps"], province_maps_spec(report, questionnaire, lang, when=info.get("opens")),
                      width * 0.86, t["maps_note"])
    else:  # six grey maps of "—" took half a page to say that no province is published yet
        heading(t["maps"], keep=10)
        para(t["maps_none"], 9)

    # --- by group
    heading(t["groups"])
    rows = []
    for kind in ("province", "population_class"):
        for group in report.get("groups", {}).get(kind, {}).values():
            if not group.get("N"):
                continue
            cells = [_text(group.get("label"), lang), t["n_of"].format(n=num(group.get("n")), N=num(group["N"]))]
            for d in dims:
                e = group.get("dimensions", {}).get(d) or {}
                cells.append("—" if e.get("suppressed") or e.get("estimate") is None else num(e["estimate"]))
            rows.append(cells)
    # each dimension by its name in the report's language ("Économie", "Mobilität"): "Smart Economy – Économie"
    # gave "Economy", English in the French and German reports (fresh-eyes trial 7)
    short = [questionnaire.t(s.label, lang).split(" – ")[-1] for s in questionnaire.dimensions]
    pad = 2 * pdf.c_margin + 0.5
    pdf.set_font(FAMILY, "", 8.5)  # the groups' column as wide as its longest name, within 42-60 mm
    first = min(60.0, max([42.0] + [pdf.get_string_width(row[0]) + pad for row in rows]))
    n_width = max([pdf.get_string_width(row[1]) + pad for row in rows] + [12.0])  # "12 von 69" on one line
    pdf.set_font(FAMILY, "B", 7.5)  # and each dimension's column as wide as its heading's longest word at 7.5 pt
    need = [max(pdf.get_string_width(word) for word in h.split()) + pad for h in short]  # "Habitants et" / "compétences"
    first = min(first, width - n_width - sum(need))
    spare = (width - first - n_width - sum(need)) / len(dims)
    table([t["group"], t["n"], *short], rows, [first, n_width] + [w + spare for w in need])
    classes = reference.classes_coverage(lang) if reference is not None else ""  # a province with no respondent
    # a group of 5 or more hidden so that a smaller one cannot be worked out by difference: « 7 sur 30 » beside
    # « — » read as a contradiction of « — : non publié (moins de 5 communes) » (fresh-eyes trial 11)
    masked = any((group.get("n") or 0) >= report["method"].get("min_n", 5)
                 and any((e or {}).get("suppressed") for e in group.get("dimensions", {}).values())
                 for kind in ("province", "population_class")
                 for group in report.get("groups", {}).get(kind, {}).values())
    para(("— : " if lang == "fr" else "—: ") + t["suppressed"] + ". " + (t["masked_note"] + " " if masked else "")
         + t["groups_note"] + (f" {classes}" if classes else ""), 8, "I", muted)

    # --- items then and now
    heading(t["items"])
    years = sorted({p["year"] for item in report.get("items", {}).values() for p in item.get("published", [])})
    rows = []
    for item in report.get("items", {}).values():
        percent = item["unit"] == "share"
        # the barometer's figures as published (2020's "3", not "3,00"), the campaign's as every page writes it
        # (whole percent; a 0–10 mean with one decimal, "4,9 (4,5–5,3)"): benchmarks.campaign_sentence's rule
        then = {p["year"]: format_figure_value(p["value"], item["unit"], lang) for p in item.get("published", [])}
        band = ((item["ci_low"], item["ci_high"]) if item.get("ci_low") is not None and item.get("ci_high") is not None
                else None)
        now = t["suppressed"].split(" (")[0] if item.get("suppressed") else (
            f"{format_estimate(item['estimate'], band, lang, estimate_digits(item['unit'], item.get('out_of')), percent=percent)}"
            f", n\u00a0=\u00a0{num(item['n'])}")
        label_text = _text(item.get("label"), lang) + (" *" if item.get("base") == "shown" else "")
        if item["unit"] == "points" and item.get("out_of"):
            label_text += f" (/{num(item['out_of'])})"
        rows.append([label_text, *[then.get(y, "") for y in years], now])
    table([t["item"], *[str(y) for y in years], t["campaign_col"]], rows,
          [70] + [14] * len(years) + [width - 70 - 14 * len(years)])
    para("* " + t["share_of"] + ".", 8, "I", muted)

    # --- method
    heading(t["method"])
    para(method_text(lang), 9)
    para(t["caveat"], 9, "I")
    if reference is not None:
        sources = [s for s in reference.set.sources if s.id == "campaign"]
        # flush left: justified, a line ending before a long address spread its few words across the page
        para(" · ".join(f"{s.label} — {s.url}" for s in sources) + f" · {LICENCE} ({aggregates.LICENCE_URL})",
             8, "", muted, align="L")
    return bytes(pdf.output())
