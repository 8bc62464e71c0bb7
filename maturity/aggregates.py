"""A campaign's open aggregates as a benchmark set, read back, and the regional reference rule.

Pure functions (no files, no database, no charts):

- :func:`aggregates_set` turns a campaign report (:func:`maturity.campaign.campaign_report`) into the
  data of a benchmark set with ``kind: pooled`` (contract §5 extended, §7.3): every figure with its
  interval, n and N, the method in words, the date and the licence (CC BY 4.0). Suppressed figures
  (fewer than 5 communes) are left out; nothing names a commune.
- :func:`aggregates_rows` gives the same figures as flat rows for the CSV.
- :func:`read_aggregates` validates such a file (text) and returns a :class:`CampaignReference`, or
  raises :class:`~maturity.errors.InvalidInput` with every problem and its place (file, line, path).
- :func:`choose_reference` is THE rule every radar follows (app, sheet, CLI): an imported campaign
  reference is the Walloon series, labelled "Wallonie (campagne …, n = … sur N)" with its interval;
  the open pool of self-declared communes is labelled unverified and used only where no campaign
  reference exists.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

import yaml

from .benchmarks import BenchmarkSet, benchmark_set_from_data, campaign_year, title_year
from .communes import POPULATION_CLASS_LABELS, POPULATION_CLASSES, PROVINCE_NAMES, PROVINCES
from .communes import get as get_commune
from .errors import InvalidInput, Problem, format_path
from .labels import FIGURE_WORDS
from .yamlio import line_for, load_yaml

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
MIN_N = 5
LANGS = ("fr", "de", "en")

_CLASS_IDS = tuple(c[0] for c in POPULATION_CLASSES)
_FIGURE_ID = re.compile(
    r"^(?:wallonia\.(?P<wdim>[a-z][a-z0-9_]*)"
    r"|province\.(?P<prov>[0-9]{5})\.(?P<pdim>[a-z][a-z0-9_]*)"
    r"|population_class\.(?P<cls>[a-z0-9_]+)\.(?P<cdim>[a-z][a-z0-9_]*)"
    r"|item\.(?P<item>[a-z0-9][a-z0-9_.-]*))$"
)

DIMENSION_LABELS = {
    "economy": "Smart Economy", "people": "Smart People", "governance": "Smart Governance",
    "mobility": "Smart Mobility", "environment": "Smart Environment", "living": "Smart Living",
}
_TITLE = {"fr": "Campagne wallonne Smart City : {title}", "de": "Wallonische Smart-City-Kampagne: {title}",
          "en": "Walloon Smart City campaign: {title}"}
_WALLONIA = {"fr": "Wallonie", "de": "Wallonie", "en": "Wallonia"}
_GROUP = {
    "province": {"fr": "province de {name}", "de": "Provinz {name}", "en": "province of {name}"},
    "population_class": {"fr": "communes de {name}", "de": "Gemeinden: {name}", "en": "communes with {name}"},
}
SERIES_LABEL = {
    "fr": "Wallonie (campagne {title}, n = {n} sur {N})",
    "de": "Wallonie (Kampagne {title}, n = {n} von {N})",
    "en": "Wallonia (campaign {title}, n = {n} of {N})",
}
GROUP_SERIES_LABEL = {
    "fr": "{group} (campagne {title}, n = {n} sur {N})",
    "de": "{group} (Kampagne {title}, n = {n} von {N})",
    "en": "{group} (campaign {title}, n = {n} of {N})",
}
# the series' kind is the core's words (maturity.labels), as the app's list of series says it
UNVERIFIED_LABEL = {lang: "{group} — " + FIGURE_WORDS["pooled_unverified"][lang] + " (n = {n})" for lang in LANGS}
UNVERIFIED_NOTE = {
    "fr": "Repère non vérifié : des communes qui se sont déclarées elles-mêmes sur ce serveur, sans "
          "contrôle de leur identité ni pondération ; ce n'est pas une moyenne wallonne.",
    "de": "Nicht überprüfter Vergleichswert: Gemeinden, die sich auf diesem Server selbst angemeldet haben, "
          "ohne Prüfung ihrer Identität und ohne Gewichtung; kein wallonischer Durchschnitt.",
    "en": "Unverified reference: communes that declared themselves on this server, with no check of their "
          "identity and no weighting; it is not a Walloon average.",
}
SOURCE_TEXT = {
    "fr": "{title}, publié par {publisher} le {date} ({licence}) ; {method}",
    "de": "{title}, veröffentlicht von {publisher} am {date} ({licence}); {method}",
    "en": "{title}, published by {publisher} on {date} ({licence}); {method}",
}

# the Walloon line when no commune of a province answered: the figures cover the communes of the other provinces
# (maturity.campaign: such a province is outside the estimate, N without it); one province, then several
SERIES_LABEL_WITHOUT = {
    "fr": ("Wallonie sans la province de {names} (campagne {title}, n = {n} sur {N})",
           "Wallonie sans les provinces de {names} (campagne {title}, n = {n} sur {N})"),
    "de": ("Wallonie ohne die Provinz {names} (Kampagne {title}, n = {n} von {N})",
           "Wallonie ohne die Provinzen {names} (Kampagne {title}, n = {n} von {N})"),
    "en": ("Wallonia without the province of {names} (campaign {title}, n = {n} of {N})",
           "Wallonia without the provinces of {names} (campaign {title}, n = {n} of {N})"),
}
GROUP_WITHOUT = {
    "fr": ("Wallonie sans la province de {names}", "Wallonie sans les provinces de {names}"),
    "de": ("Wallonie ohne die Provinz {names}", "Wallonie ohne die Provinzen {names}"),
    "en": ("Wallonia without the province of {names}", "Wallonia without the provinces of {names}"),
}
COVERAGE_TEXT = {
    "fr": ("Aucune commune de la province de {names} n'a répondu : les chiffres de la Wallonie portent sur les "
           "{N} communes des autres provinces.",
           "Aucune commune des provinces de {names} n'a répondu : les chiffres de la Wallonie portent sur les "
           "{N} communes des autres provinces."),
    "de": ("Aus der Provinz {names} hat keine Gemeinde geantwortet: Die Zahlen der Wallonie gelten für die "
           "{N} Gemeinden der anderen Provinzen.",
           "Aus den Provinzen {names} hat keine Gemeinde geantwortet: Die Zahlen der Wallonie gelten für die "
           "{N} Gemeinden der anderen Provinzen."),
    "en": ("No commune of the province of {names} answered: Wallonia's figures cover the {N} communes of the "
           "other provinces.",
           "No commune of the provinces of {names} answered: Wallonia's figures cover the {N} communes of the "
           "other provinces."),
}
# a population class's line when no commune of a province answered: its respondents come from the other provinces
# and speak for the class's communes there only (maturity.campaign: the class's N without that province)
CLASS_WITHOUT = {
    "fr": ("{group} hors province de {names}", "{group} hors provinces de {names}"),
    "de": ("{group}, ohne die Provinz {names}", "{group}, ohne die Provinzen {names}"),
    "en": ("{group} outside the province of {names}", "{group} outside the provinces of {names}"),
}
CLASS_COVERAGE_TEXT = {
    "fr": (" Aucune commune de la province de {names} n'a répondu : ces chiffres portent sur les {N} communes de "
           "cette taille des autres provinces.",
           " Aucune commune des provinces de {names} n'a répondu : ces chiffres portent sur les {N} communes de "
           "cette taille des autres provinces."),
    "de": (" Aus der Provinz {names} hat keine Gemeinde geantwortet: Diese Zahlen gelten für die {N} Gemeinden "
           "dieser Größe in den anderen Provinzen.",
           " Aus den Provinzen {names} hat keine Gemeinde geantwortet: Diese Zahlen gelten für die {N} Gemeinden "
           "dieser Größe in den anderen Provinzen."),
    "en": (" No commune of the province of {names} answered: these figures cover the {N} communes of this size in "
           "the other provinces.",
           " No commune of the provinces of {names} answered: these figures cover the {N} communes of this size in "
           "the other provinces."),
}
# after the Walloon sentence (COVERAGE_TEXT), where the figures by size of commune are shown too
CLASSES_COVERAGE_TEXT = {
    "fr": "Les chiffres par taille de commune, eux aussi, ne portent que sur les communes des autres provinces.",
    "de": "Auch die Zahlen nach Gemeindegröße gelten nur für die Gemeinden der anderen Provinzen.",
    "en": "The figures by size of commune, too, cover only the communes of the other provinces.",
}

# the same source for a commune's official, in plain words: what the band means, no formula (the method,
# with its formula, is published with the figures and in docs/benchmarks.md)
PLAIN_SOURCE_TEXT = {
    "fr": "{title}, publié par {publisher} le {date} ({licence}). Ces chiffres viennent des communes qui ont "
          "répondu{weighting}.{coverage} La bande colorée autour de la ligne de la Wallonie, comme les chiffres entre "
          "parenthèses du tableau, est la marge d'incertitude de l'estimation : la vraie moyenne de toutes les "
          "communes du groupe s'y trouve avec une confiance de 95\u00a0%. Plus la bande est étroite, plus les "
          "communes ont été nombreuses à répondre ; quand toutes répondent, il n'y a plus de bande. Elle ne "
          "couvre pas un autre écart possible : les communes qui répondent sont peut-être les plus avancées.",
    "de": "{title}, veröffentlicht von {publisher} am {date} ({licence}). Diese Werte stammen von den Gemeinden, "
          "die geantwortet haben{weighting}.{coverage} Das farbige Band um die Linie der Wallonie, wie die Zahlen in "
          "Klammern in der Tabelle, ist die Unsicherheit der Schätzung: Der wahre Mittelwert aller Gemeinden der "
          "Gruppe liegt mit 95\u00a0% Sicherheit darin. Je schmaler das Band, desto mehr Gemeinden haben "
          "geantwortet; antworten alle, gibt es kein Band mehr. Eine andere mögliche Abweichung deckt es nicht "
          "ab: Die antwortenden Gemeinden sind vielleicht die weiter fortgeschrittenen.",
    "en": "{title}, published by {publisher} on {date} ({licence}). These figures come from the communes that "
          "answered{weighting}.{coverage} The shaded band around Wallonia's line, like the figures in brackets in the "
          "table, is the estimate's margin of uncertainty: the true average of all the group's communes lies "
          "within it with 95\u00a0% confidence. The narrower the band, the more communes answered; when all of them "
          "answer, there is no band. It does not cover another possible gap: the communes that answer may be "
          "the more advanced ones.",
}
# a campaign line's note (the radar's tooltip, the sheet's sources): the source and the band in a few
# plain words, no formula; ``weighting`` only for the Walloon line
SERIES_NOTE_TEXT = {
    "fr": "{title}, publié par {publisher} le {date} ({licence}). Moyenne des communes qui ont répondu{weighting}.{coverage} "
          "La bande autour de la ligne{brackets} est la marge d'incertitude à 95\u00a0%.",
    "de": "{title}, veröffentlicht von {publisher} am {date} ({licence}). Mittelwert der Gemeinden, die geantwortet "
          "haben{weighting}.{coverage} Das Band um die Linie{brackets} ist die Unsicherheit der Schätzung (95\u00a0%).",
    "en": "{title}, published by {publisher} on {date} ({licence}). Average of the communes that answered{weighting}.{coverage} "
          "The band around the line{brackets} is the 95\u00a0% margin of uncertainty.",
}
# a peer group's line (the commune's province, its population class): the radar draws no band around it, where
# three overlapping bands hid the Walloon one the notes speak of; its interval is in the app's tables
SERIES_NOTE_PEER_TEXT = {
    "fr": "{title}, publié par {publisher} le {date} ({licence}). Moyenne des communes du groupe qui ont répondu.{coverage} "
          "Sa marge d'incertitude à 95\u00a0% n'est pas tracée, pour que le radar reste lisible : elle figure dans "
          "l'outil, entre parenthèses, sur les pages «\u00a0Résultats\u00a0» et «\u00a0Wallonie\u00a0».",
    "de": "{title}, veröffentlicht von {publisher} am {date} ({licence}). Mittelwert der Gemeinden der Gruppe, die "
          "geantwortet haben.{coverage} Ihre Unsicherheit (95\u00a0%) ist nicht eingezeichnet, damit das Netzdiagramm lesbar "
          "bleibt: Sie steht im Werkzeug in Klammern, auf den Seiten „Ergebnisse“ und „Wallonie“.",
    "en": "{title}, published by {publisher} on {date} ({licence}). Average of the group's communes that answered.{coverage} "
          "Its 95\u00a0% margin of uncertainty is not drawn, to keep the radar readable: it is in the tool, in "
          "brackets, on the “Results” and “Wallonia” pages.",
}
# the Walloon line's figures in brackets: in the app's table and the sheet's (a peer group's only in the app's)
SERIES_NOTE_BRACKETS = {"fr": ", comme les chiffres entre parenthèses du tableau,",
                        "de": ", wie die Zahlen in Klammern in der Tabelle,",
                        "en": ", like the figures in brackets in the table,"}
# the Collège's sheet, whose obstacles table gives the campaign's shares too and cites this line's source for
# them: the brackets are the scores table's, and the source says what that column is
SERIES_NOTE_SCORES_BRACKETS = {"fr": ", comme les chiffres entre parenthèses du tableau des scores,",
                               "de": ", wie die Zahlen in Klammern in der Wertetabelle,",
                               "en": ", like the figures in brackets in the scores table,"}
SERIES_NOTE_OBSTACLES = {
    "fr": " La colonne «\u00a0{column}\u00a0» du tableau des freins vient de la même campagne : la part estimée des "
          "communes wallonnes qui citent chaque frein, avec entre parenthèses sa marge d'incertitude à 95\u00a0%.",
    "de": " Die Spalte „{column}“ der Tabelle der Hemmnisse stammt aus derselben Kampagne: der geschätzte Anteil "
          "der wallonischen Gemeinden, die das Hemmnis nennen, in Klammern die Unsicherheit der Schätzung (95\u00a0%).",
    "en": " The obstacles table's “{column}” column comes from the same campaign: the estimated share of Walloon "
          "communes citing each obstacle, with its 95\u00a0% margin of uncertainty in brackets.",
}
# the same, with the campaign's figures in the sheet's comparisons with the barometer ("Campagne 2026 : 48 % …")
SERIES_NOTE_FIGURES = {
    "fr": " Les chiffres «\u00a0{label}\u00a0» {where} viennent de la même campagne : des estimations pour toutes les communes "
          "wallonnes (pour un frein, la part des communes qui le citent), avec entre parenthèses leur marge "
          "d'incertitude à 95\u00a0%.",
    "de": " Die Zahlen „{label}“ {where} stammen aus derselben Kampagne: Schätzungen für alle wallonischen "
          "Gemeinden (für ein Hemmnis der Anteil der Gemeinden, die es nennen), in Klammern die Unsicherheit der "
          "Schätzung (95\u00a0%).",
    "en": " The “{label}” figures {where} come from the same campaign: estimates for all Walloon communes (for an "
          "obstacle, the share of communes citing it), with their 95\u00a0% margin of uncertainty in brackets.",
}
SERIES_NOTE_WHERE = {
    "both": {"fr": "du tableau des freins et des comparaisons avec le baromètre",
             "de": "in der Tabelle der Hemmnisse und in den Vergleichen mit dem Barometer",
             "en": "in the obstacles table and in the comparisons with the barometer"},
    "sentences": {"fr": "des comparaisons avec le baromètre", "de": "in den Vergleichen mit dem Barometer",
                  "en": "in the comparisons with the barometer"},
}
# the obstacles table's campaign column when the sheet has no Walloon line of that campaign to share a source with
OBSTACLES_SOURCE_TEXT = {
    "fr": "{title}, publié par {publisher} le {date} ({licence}). La colonne «\u00a0{column}\u00a0» du tableau des freins : la "
          "part estimée des communes wallonnes qui citent chaque frein, avec entre parenthèses sa marge "
          "d'incertitude à 95\u00a0%.",
    "de": "{title}, veröffentlicht von {publisher} am {date} ({licence}). Die Spalte „{column}“ der Tabelle der "
          "Hemmnisse: der geschätzte Anteil der wallonischen Gemeinden, die das Hemmnis nennen, in Klammern die "
          "Unsicherheit der Schätzung (95\u00a0%).",
    "en": "{title}, published by {publisher} on {date} ({licence}). The obstacles table's “{column}” column: the "
          "estimated share of Walloon communes citing each obstacle, with its 95\u00a0% margin of uncertainty in "
          "brackets.",
}
# how the Walloon line was weighted, in the same plain words: by province on every dimension, or not on all
PLAIN_WEIGHTING = {
    "province": {"fr": " ; pour la Wallonie, chaque province y pèse selon son nombre de communes",
                 "de": "; für die Wallonie zählt jede Provinz nach der Zahl ihrer Gemeinden",
                 "en": "; for Wallonia, each province counts by its number of communes"},
    # by province, the provinces without a published figure merged into one stratum (campaign.wallonia_estimate)
    "merged": {"fr": " ; pour la Wallonie, chaque province y pèse selon son nombre de communes (les provinces "
                     "sans chiffre publié, ensemble)",
               "de": "; für die Wallonie zählt jede Provinz nach der Zahl ihrer Gemeinden (die Provinzen ohne "
                     "veröffentlichte Zahl zusammen)",
               "en": "; for Wallonia, each province counts by its number of communes (the provinces without a "
                     "published figure together)"},
    "none": {"fr": " ; pour la Wallonie, trop peu de communes ont répondu dans certaines provinces pour que "
                   "chacune pèse selon son nombre de communes sur toutes les dimensions",
             "de": "; für die Wallonie haben in manchen Provinzen zu wenige Gemeinden geantwortet, als dass "
                   "jede Provinz in allen Dimensionen nach der Zahl ihrer Gemeinden zählen könnte",
             "en": "; for Wallonia, too few communes answered in some provinces for each province to count by "
                   "its number of communes on every dimension"},
}


def _lang(lang: str) -> str:
    return lang if lang in LANGS else "fr"


def _text(value: Any, lang: str) -> str:
    if isinstance(value, Mapping):
        return str(value.get(lang) or value.get("fr") or next(iter(value.values()), ""))
    return "" if value is None else str(value)


def _fmt(value: float | int, lang: str) -> str:
    from .display import format_number

    return format_number(value, lang)


# --- report -> benchmark set and CSV rows --------------------------------------------------------------


def _dimension_figure(fid: str, label: dict[str, str], entry: Mapping[str, Any], N: int, group: str,
                      dim: str) -> dict[str, Any]:
    fig = {"id": fid, "label": label, "kind": "pooled", "value": entry["estimate"], "n": entry["n"],
           "population": N, "unit": "points", "out_of": 100, "source": "campaign", "group": group,
           "dimension": dim}
    _interval_and_cover(fig, entry)
    return fig


def _interval_and_cover(fig: dict[str, Any], entry: Mapping[str, Any]) -> None:
    """A figure's interval and weighting; for a Walloon one, the communes it covers: N without the provinces
    where no commune answered, and which they are (only written when there is one)."""
    if entry.get("ci_low") is not None and entry.get("ci_high") is not None:
        fig["ci_low"], fig["ci_high"] = entry["ci_low"], entry["ci_high"]
    if entry.get("weighting"):
        fig["weighting"] = entry["weighting"]
    if entry.get("excluded_provinces"):
        fig["population"] = int(entry["N"])
        fig["excluded_provinces"] = list(entry["excluded_provinces"])


def _published(entry: Mapping[str, Any] | None, min_n: int) -> bool:
    return bool(entry) and not entry.get("suppressed") and entry.get("estimate") is not None \
        and (entry.get("n") or 0) >= min_n


def aggregates_set(report: Mapping[str, Any], *, publisher: str, url: str, published_on: date | None = None,
                   dimension_labels: Mapping[str, Mapping[str, str]] | None = None,
                   min_n: int = MIN_N) -> dict[str, Any]:
    """The benchmark-set data (a plain dict, ready for YAML) of a campaign report.

    ``publisher``: who publishes (the coordinator); ``url``: where the publication can be found;
    ``published_on``: the date of the figures (default: today). ``dimension_labels``: dimension id ->
    {lang: label} (default: the Smart … names). Figures computed on fewer than ``min_n`` communes are
    left out. The result passes :func:`read_aggregates`' checks."""
    info = report["campaign"]
    cid = str(info.get("id"))
    title = str(info.get("title") or cid)
    N = int(info.get("N") or report.get("n_invited") or 0)
    when = published_on or date.today()
    # the campaign's year, as every install names it (benchmarks.campaign_year): the one its title names, else
    # the year its communes answered (its closing day's), not the publication's: closed in December 2026 and
    # published in January, it was « campagne 2027 »
    closes = re.match(r"(199[0-9]|20[0-9]{2})-", str(info.get("closes") or ""))  # a date, or its ISO text
    year = title_year(title) or (int(closes.group(1)) if closes else when.year)
    labels = {k: dict(v) for k, v in (dimension_labels or {}).items()}

    def dim_label(dim: str, where: dict[str, str]) -> dict[str, str]:
        base = labels.get(dim) or dict.fromkeys(LANGS, DIMENSION_LABELS.get(dim, dim))
        return {lang: f"{_text(base, lang)} — {where[lang]}" for lang in LANGS}

    figures: list[dict[str, Any]] = []
    for dim, entry in report.get("dimensions", {}).items():
        if _published(entry, min_n):
            figures.append(_dimension_figure(f"wallonia.{dim}", dim_label(dim, _WALLONIA), entry, N,
                                             "wallonia", dim))
    for kind, groups in report.get("groups", {}).items():
        for key, group in groups.items():
            if group.get("suppressed"):
                continue
            group_label = group.get("label") or {}
            where = {lang: _GROUP[kind][lang].format(name=_text(group_label, lang)) for lang in LANGS}
            for dim, entry in group.get("dimensions", {}).items():
                if _published(entry, min_n):
                    fig = _dimension_figure(f"{kind}.{key}.{dim}", dim_label(dim, where), entry,
                                            int(group.get("N") or 0), f"{kind}:{key}", dim)
                    if group.get("excluded_provinces"):  # a population class: its communes of the other provinces
                        fig["excluded_provinces"] = list(group["excluded_provinces"])
                    figures.append(fig)
    for item_id, entry in report.get("items", {}).items():
        if not _published(entry, min_n):
            continue
        fig = {"id": f"item.{item_id}", "label": {lang: _text(entry.get("label"), lang) for lang in LANGS},
               "kind": "pooled", "value": entry["estimate"], "n": entry["n"], "population": N,
               "unit": entry["unit"], "source": "campaign", "group": "wallonia", "question": entry.get("question")}
        if entry["unit"] == "points":
            fig["out_of"] = entry.get("out_of") or 10
        _interval_and_cover(fig, entry)
        if entry.get("base") == "shown":
            fig["note"] = {"fr": "Part des communes à qui la question a été posée.",
                           "de": "Anteil der Gemeinden, denen die Frage gestellt wurde.",
                           "en": "Share of the communes the question was asked of."}
        if fig["question"] is None:
            fig.pop("question")
        figures.append(fig)
    method = report.get("method", {}).get("text") or {}
    return {
        "id": f"campagne-{cid}".lower().replace("_", "-").replace(".", "-")[:80],
        "kind": "pooled",
        "campaign": cid,
        "title": {lang: _TITLE[lang].format(title=title) for lang in LANGS},
        "publisher": publisher,
        "year": year,
        "date": when.isoformat(),
        "population": N,
        "respondents": int(report.get("n_submitted") or 0),
        "licence": LICENCE,
        "method": {lang: _text(method, lang) for lang in LANGS} if method else None,
        "sources": [{"id": "campaign", "label": f"{publisher} – {title}", "url": url},
                    {"id": "licence", "label": LICENCE, "url": LICENCE_URL}],
        "figures": figures,
    }


class _NoAliasDumper(yaml.SafeDumper):
    """The project's reader refuses anchors and aliases: never write any."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump_yaml(data: Mapping[str, Any], header: str = "") -> str:
    """The set as YAML text (no anchors, keys in order, UTF-8 text), with an optional comment header."""
    body = yaml.dump(dict(data), Dumper=_NoAliasDumper, allow_unicode=True, sort_keys=False, width=110)
    comment = "".join(f"# {line}\n" if line else "#\n" for line in header.splitlines())
    return comment + body


CSV_COLUMNS = ("group", "key", "measure", "unit", "estimate", "ci_low", "ci_high", "n", "N", "weighting",
               "median", "q1", "q3", "suppressed")


def csv_digits(unit: str, out_of: float | None = None) -> int:
    """The decimals of the open CSV: a thousandth of the figure's scale, well under any interval's width.
    Scores (0–100) to 0.1 point, shares (0–1) to 0.001 (a tenth of a percentage point), the mean of a
    number question to a thousandth of its maximum (0–10: 0.01)."""
    scale = 1.0 if unit == "share" else float(out_of or 100)
    return max(0, 3 - math.ceil(math.log10(scale))) if scale > 0 else 3


def aggregates_rows(report: Mapping[str, Any], *, min_n: int = MIN_N) -> list[dict[str, Any]]:
    """The open aggregates as flat rows (one per group and dimension or item), columns
    :data:`CSV_COLUMNS`, each number rounded half up to :func:`csv_digits` (the YAML keeps them whole:
    installs compute with them). A suppressed row keeps its group and measure and no number at all."""
    from .display import round_half_up

    N = report["campaign"].get("N") or report.get("n_invited")
    rows: list[dict[str, Any]] = []

    def row(group: str, key: str, measure: str, unit: str, entry: Mapping[str, Any], n_total: Any) -> None:
        shown = _published(entry, min_n)
        digits = csv_digits(unit, entry.get("out_of"))

        def number(k: str) -> float | None:
            value = entry.get(k) if shown else None
            return None if value is None else float(round_half_up(value, digits))

        rows.append({
            "group": group, "key": key, "measure": measure, "unit": unit,
            **{k: number(k) for k in ("estimate", "ci_low", "ci_high")},
            "n": entry.get("n") if shown else None,
            "N": n_total, "weighting": entry.get("weighting") if shown else None,
            **{k: number(k) for k in ("median", "q1", "q3")},
            "suppressed": not shown,
        })

    for dim, entry in report.get("dimensions", {}).items():
        row("wallonia", "wallonia", dim, "points", entry, entry.get("N", N))
    for kind, groups in report.get("groups", {}).items():
        for key, group in groups.items():
            for dim, entry in group.get("dimensions", {}).items():
                row(kind, key, dim, "points", entry, group.get("N"))
    for item_id, entry in report.get("items", {}).items():
        row("wallonia", "wallonia", f"item.{item_id}", entry.get("unit", "share"), entry, entry.get("N", N))
    return rows


# --- reading back ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CampaignReference:
    """An imported campaign's aggregates: THE Walloon reference of an install."""

    set: BenchmarkSet

    @property
    def id(self) -> str:
        return self.set.id

    @property
    def campaign(self) -> str:
        return self.set.campaign or self.set.id

    @property
    def n(self) -> int:
        return self.set.respondents

    @property
    def N(self) -> int:  # the population's size, as the method writes it
        return self.set.population

    @property
    def date(self) -> date | None:
        return self.set.date

    @property
    def year(self) -> int:
        """The year the campaign is named by: « campagne 2027 » (:func:`maturity.benchmarks.campaign_year`)."""
        return campaign_year(self.set)

    def title(self, lang: str = "fr") -> str:
        """The campaign's own title (without the "Campagne wallonne Smart City :" prefix)."""
        text = _text(self.set.title, _lang(lang))
        prefix = _TITLE[_lang(lang)].split("{title}")[0]
        return text.removeprefix(prefix) or text

    def label(self, lang: str = "fr") -> str:
        """ "Wallonie (campagne Baromètre 2026, n = 140 sur 261)"; when no commune of a province answered,
        the communes it covers: "Wallonie sans la province de Luxembourg (campagne …, n = 56 sur 218)"."""
        lang = _lang(lang)
        excluded = self.excluded_provinces()
        template = SERIES_LABEL_WITHOUT[lang][len(excluded) > 1] if excluded else SERIES_LABEL[lang]
        return template.format(title=self.title(lang), n=_fmt(self.n, lang), N=_fmt(self.covered_N(), lang),
                               names=_province_names(excluded, lang))

    def excluded_provinces(self) -> list[str]:
        """The provinces (NIS codes, in the registry's order) where no commune answered: outside the Walloon
        figures, which cover the communes of the other provinces (:meth:`covered_N`)."""
        out = {nis for f in self._walloon_figures() for nis in (f.excluded_provinces or ())}
        return [nis for nis in PROVINCES if nis in out]

    def covered_N(self) -> int:
        """The communes the Walloon figures cover: N without the provinces where no commune answered."""
        if not self.excluded_provinces():
            return self.N
        return max((f.population for f in self._walloon_figures() if f.excluded_provinces and f.population),
                   default=self.N)

    def coverage(self, lang: str = "fr") -> str:
        """One sentence when no commune of a province answered (:func:`coverage_text`), else ""."""
        return coverage_text(self.excluded_provinces(), self.covered_N(), lang)

    def _walloon_figures(self) -> list[Any]:
        return [f for f in self.set.figures if f.group == "wallonia"]

    @property
    def url(self) -> str:
        """Where the coordinator published the figures (``--url``, contract §7.3): the address of the source the
        figures name (the ``campaign`` source of a published file), when it is a plain http(s) address
        (:func:`maturity.weblinks.web_url`); "" otherwise (the sheet and the app then give no link)."""
        from .weblinks import web_url

        named = {f.source for f in self.set.figures} or {"campaign"}
        for src in self.set.sources:
            if src.id in named or src.label in named:
                return web_url(src.url)
        return ""

    def source(self, lang: str = "fr") -> str:
        """Where the numbers come from, for the sheet and the app: title, publisher, date, licence, method."""
        lang = _lang(lang)
        text = SOURCE_TEXT[lang].format(**self._published_by(lang), method=_text(self.set.method, lang))
        return f"{text} {self.coverage(lang)}".rstrip()

    def plain_source(self, lang: str = "fr") -> str:
        """Where the numbers come from and what their band means, in plain words (no formula): the
        text a commune's official reads under the radar."""
        lang = _lang(lang)
        classes = self.classes_coverage(lang)  # the 'same size' lines, under the same radar, cover them alone too
        return PLAIN_SOURCE_TEXT[lang].format(**self._published_by(lang), weighting=self._weighting_words(lang),
                                              coverage=self._coverage_words(lang) + (f" {classes}" if classes else ""))

    def series_note(self, group: str = "wallonia", lang: str = "fr", *, obstacles: str | None = None,
                    sentences: str | None = None, table: bool = True) -> str:
        """A line's note where there is room for a sentence or two (the radar's tooltip, the sheet's
        sources): the source and what the band means, in plain words; the weighting and the communes
        covered for Wallonia's.
        The Collège's sheet cites the Walloon line's source for this campaign's other figures too, and the
        note then says what they are: ``obstacles``, the header of the obstacles table's column giving its
        shares; ``sentences``, the label of its figures in the comparisons with the barometer ("Campagne
        2026"). ``table``: whether a scores table gives the Walloon line in numbers with their brackets (the
        sheet's PDF leaves that column out as its very last resort: the note then speaks of the band alone)."""
        lang = _lang(lang)
        walloon = group == "wallonia"
        if not walloon:
            return SERIES_NOTE_PEER_TEXT[lang].format(**self._published_by(lang),
                                                      coverage=self._class_coverage_words(group, lang))
        brackets = "" if not table else \
            SERIES_NOTE_SCORES_BRACKETS[lang] if obstacles or sentences else SERIES_NOTE_BRACKETS[lang]
        note = SERIES_NOTE_TEXT[lang].format(**self._published_by(lang),
                                             weighting=self._weighting_words(lang),
                                             coverage=self._coverage_words(lang), brackets=brackets)
        if not sentences:
            return note + (SERIES_NOTE_OBSTACLES[lang].format(column=obstacles) if obstacles else "")
        where = SERIES_NOTE_WHERE["both" if obstacles else "sentences"][lang]
        return note + SERIES_NOTE_FIGURES[lang].format(label=sentences, where=where)

    def group_excluded(self, group: str) -> list[str]:
        """The provinces (NIS codes, in the registry's order) a group's figures leave out because no commune there
        answered: the Walloon figures' and a population class's (its respondents speak for its communes of the other
        provinces only); [] for a province, and when every province has a respondent."""
        if group == "wallonia":
            return self.excluded_provinces()
        out = {nis for f in self._figures(group).values() for nis in (f.excluded_provinces or ())}
        return [nis for nis in PROVINCES if nis in out]

    def classes_coverage(self, lang: str = "fr") -> str:
        """After the Walloon sentence (:meth:`coverage`), where the figures by size of commune are shown too: they
        also cover the communes of the other provinces only ("" when every province has a respondent)."""
        classes = [g for g in self.groups() if g.startswith("population_class:")]
        return CLASSES_COVERAGE_TEXT[_lang(lang)] if any(self.group_excluded(g) for g in classes) else ""

    def _class_coverage_words(self, group: str, lang: str) -> str:
        excluded = self.group_excluded(group)
        if not excluded:
            return ""
        N = self.group_n(group)[1] or 0
        return CLASS_COVERAGE_TEXT[lang][len(excluded) > 1].format(names=_province_names(excluded, lang),
                                                                  N=_fmt(N, lang))

    def _coverage_words(self, lang: str) -> str:
        text = self.coverage(lang) if self._figures("wallonia") else ""
        return f" {text}" if text else ""

    def obstacles_source(self, column: str, lang: str = "fr") -> str:
        """The source of the obstacles table's column ``column`` (the campaign's shares) where no Walloon line of
        this campaign is there to share its source: the publication, and what the column's figures are."""
        lang = _lang(lang)
        return OBSTACLES_SOURCE_TEXT[lang].format(**self._published_by(lang), column=column)

    def _published_by(self, lang: str) -> dict[str, str]:
        """The fields every source text starts with: title, publisher, date (else the year), licence."""
        from .display import format_date

        when = format_date(self.date, lang) if self.date else str(self.set.year)
        return {"title": _text(self.set.title, lang), "publisher": self.set.publisher, "date": when,
                "licence": self.set.licence or LICENCE}

    def _weighting_words(self, lang: str) -> str:
        """How the Walloon line was weighted, in plain words ("" when the file has no Walloon figure)."""
        return PLAIN_WEIGHTING[self._weighting()][lang] if self._figures("wallonia") else ""

    def _weighting(self) -> str:
        """How the Walloon line was weighted, as PLAIN_WEIGHTING says it: by province on every dimension
        ("merged" when some provinces are not published: they count together, as one stratum), or not."""
        if not all(f.weighting == "province" for f in self._figures("wallonia").values()):
            return "none"
        return "merged" if self.unpublished_provinces() else "province"

    def _figures(self, group: str) -> dict[str, Any]:
        return {f.dimension: f for f in self.set.figures if f.group == group and f.dimension}

    def scores(self, group: str = "wallonia") -> dict[str, float | None]:
        """Dimension id -> estimate (only the dimensions published for that group)."""
        return {d: f.value for d, f in self._figures(group).items()}

    def band(self, group: str = "wallonia") -> dict[str, tuple[float, float]]:
        """Dimension id -> (ci_low, ci_high)."""
        return {d: (f.ci_low, f.ci_high) for d, f in self._figures(group).items()
                if f.ci_low is not None and f.ci_high is not None}

    def group_n(self, group: str) -> tuple[int | None, int | None]:
        """(smallest n, N) over the dimensions published for a group."""
        low, _high, big_n = self.group_n_range(group)
        return low, big_n

    def group_n_range(self, group: str) -> tuple[int | None, int | None, int | None]:
        """(smallest n, largest n, N) over the dimensions published for a group: a dimension counts only
        the respondents it could score, so its n may be smaller than the campaign's."""
        figs = list(self._figures(group).values())
        if not figs:
            return None, None, None
        ns = [f.n or 0 for f in figs]
        return min(ns), max(ns), figs[0].population

    def item(self, item_id: str) -> Any:
        return self.set.figure(f"item.{item_id}")

    def obstacle_share(self, question_id: str) -> Any:
        """The Walloon share of the communes citing an obstacle (the ``item.*`` figure on that question),
        or None when the campaign does not publish it (fewer than 5 answers)."""
        return next((f for f in self.set.figures if f.id.startswith("item.") and f.question == question_id
                     and f.unit == "share" and f.group == "wallonia"), None)

    def obstacle_text(self, question_id: str, lang: str = "fr") -> str | None:
        """That share with its 95 % interval, "48 % (38–59 %)", or None when not published."""
        from .display import format_estimate

        fig = self.obstacle_share(question_id)
        if fig is None:
            return None
        band = (fig.ci_low, fig.ci_high) if fig.ci_low is not None and fig.ci_high is not None else None
        return format_estimate(fig.value, band, _lang(lang), percent=True)

    def groups(self) -> list[str]:
        """The groups with dimension figures, in the file's order: "wallonia", "province:NIS", ..."""
        return list(dict.fromkeys(f.group for f in self.set.figures if f.dimension and f.group))

    def unpublished_provinces(self) -> list[str]:
        """The Walloon provinces (NIS codes, in the registry's order) with no figure in the file: fewer than 5
        respondents, or hidden with such a province (complementary suppression). Their respondents count in
        the Walloon figure, as one stratum (:func:`maturity.campaign.wallonia_estimate`)."""
        published = set(self.groups())
        excluded = set(self.excluded_provinces())
        return [nis for nis in PROVINCES if f"province:{nis}" not in published and nis not in excluded]

    def group_label(self, group: str, lang: str = "fr") -> str:
        """ "Wallonie", "Province de Liège", "Communes de moins de 5 000 habitants"; "Wallonie sans la province
        de Luxembourg", "Communes de moins de 5 000 habitants hors province de Luxembourg" when no commune of that
        province answered."""
        lang = _lang(lang)
        excluded = self.group_excluded(group)
        if excluded and group == "wallonia":
            return GROUP_WITHOUT[lang][len(excluded) > 1].format(names=_province_names(excluded, lang))
        if excluded:  # a population class: its communes of the other provinces
            return CLASS_WITHOUT[lang][len(excluded) > 1].format(group=_group_name(group, lang),
                                                                  names=_province_names(excluded, lang))
        return _group_name(group, lang)


def _campaign_problems(bset: BenchmarkSet) -> list[tuple[tuple[str | int, ...], str]]:
    problems: list[tuple[tuple[str | int, ...], str]] = []
    add = problems.append
    if bset.kind != "pooled":
        add((("kind",), "a campaign's aggregates say kind: pooled"))
    if not bset.campaign:
        add((("campaign",), "the campaign's id is missing"))
    if bset.date is None:
        add((("date",), "the date of the figures is missing (YYYY-MM-DD)"))
    if (bset.licence or "").strip() != LICENCE:
        add((("licence",), f"the licence is {LICENCE!r} (got {bset.licence!r})"))
    if bset.method is None:
        add((("method",), "the method in words is missing"))
    if bset.respondents < MIN_N:
        add((("respondents",), f"fewer than {MIN_N} respondents: nothing may be published"))
    for i, fig in enumerate(bset.figures):
        loc: tuple[str | int, ...] = ("figures", i)
        if fig.kind != "pooled":
            add(((*loc, "kind"), f"every figure of a campaign is pooled (got {fig.kind!r})"))
        match = _FIGURE_ID.match(fig.id)
        if match is None:
            add(((*loc, "id"), f"{fig.id!r} is not a campaign figure id (wallonia.DIM, province.NIS.DIM, "
                               "population_class.CLASS.DIM or item.ID); nothing per commune may be published"))
            continue
        if match["prov"] and match["prov"] not in PROVINCES:
            kind = "a commune" if get_commune(match["prov"]) else "not a Walloon province"
            add(((*loc, "id"), f"{match['prov']} is {kind}: figures are published by province only"))
        if match["cls"] and match["cls"] not in _CLASS_IDS:
            add(((*loc, "id"), f"{match['cls']!r} is not a population class ({', '.join(_CLASS_IDS)})"))
        expected_group = ("wallonia" if (match["wdim"] or match["item"]) else
                          f"province:{match['prov']}" if match["prov"] else f"population_class:{match['cls']}")
        if fig.group != expected_group:
            add(((*loc, "group"), f"the group is {expected_group!r} for the figure {fig.id!r} (got {fig.group!r})"))
        dim = match["wdim"] or match["pdim"] or match["cdim"]
        if dim and fig.dimension != dim:
            add(((*loc, "dimension"), f"the dimension is {dim!r} for the figure {fig.id!r} (got {fig.dimension!r})"))
        if fig.n is None or fig.n < MIN_N:
            add(((*loc, "n"), f"a published group holds at least {MIN_N} communes (got n = {fig.n})"))
        if fig.population is None:
            add(((*loc, "population"), "N, the group's number of communes in the registry, is missing"))
        for j, nis in enumerate(fig.excluded_provinces or ()):
            if not (fig.group == "wallonia" or match["cls"]) or nis not in PROVINCES:
                add(((*loc, "excluded_provinces", j),
                     f"{nis} is not a Walloon province left out of a Walloon or population-class figure"))
        if dim and (fig.unit != "points" or fig.out_of != 100):
            add(((*loc, "unit"), "a dimension score is in points out of 100"))
    return problems


def read_aggregates(text: str, name: str = "<aggregates>") -> CampaignReference:
    """Validate a campaign's aggregates file (YAML text) and return it as a :class:`CampaignReference`.

    Every problem is reported together with its place (``file:line: figures[3].n: …``): the safe YAML
    reader's limits, the benchmark-set model (unknown keys, types), its rules (intervals hold their
    value, n ≤ N, …) and the campaign's own: ``kind: pooled``, the campaign id, date, licence
    CC BY 4.0, method, and figures by Wallonia, province or population class only, each on at least
    5 communes (nothing per commune)."""
    data, lines = load_yaml(text, name)
    bset = benchmark_set_from_data(data, lines, name)
    found = _campaign_problems(bset)
    if found:
        raise InvalidInput([Problem(m, path=format_path(loc), file=name, line=line_for(lines, loc))
                            for loc, m in found])
    return CampaignReference(bset)


def latest_campaign(references: Iterable[CampaignReference | BenchmarkSet]) -> CampaignReference | None:
    """The most recent campaign reference (by date, then year), or None."""
    refs = [r if isinstance(r, CampaignReference) else CampaignReference(r) for r in references]
    refs = [r for r in refs if r.set.kind == "pooled" and r.set.campaign]
    if not refs:
        return None
    return max(refs, key=lambda r: (r.date or date(r.set.year, 1, 1), r.set.year, r.id))


# --- the rule every radar follows ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReferenceSeries:
    """A reference line for the radar. ``RadarSeries(**series.radar_kwargs())`` draws it."""

    name: str
    scores: dict[str, float | None]
    origin: Literal["campaign", "pool"]
    group: str  # "wallonia", "province:NIS", "population_class:ID"
    band: dict[str, tuple[float, float]] = field(default_factory=dict)
    note: str = ""
    kind: str = "pooled"  # the chart's style: pooled for Wallonia, peer for a province or class
    url: str = ""  # where its figures are published (a campaign's address, :attr:`CampaignReference.url`), or ""

    def radar_kwargs(self) -> dict[str, Any]:
        return {"name": self.name, "scores": dict(self.scores), "kind": self.kind, "note": self.note,
                "band": dict(self.band) or None, "url": self.url}

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "origin": self.origin, "group": self.group, "scores": dict(self.scores),
                "band": {d: list(b) for d, b in self.band.items()}, "note": self.note, "url": self.url or None}


@dataclass(frozen=True)
class ReferenceChoice:
    """What the radar shows as references, and why. ``wallonia`` is None when there is none (then
    ``note`` says why); ``peers`` are the commune's province and population class."""

    wallonia: ReferenceSeries | None
    peers: list[ReferenceSeries]
    origin: Literal["campaign", "pool"] | None
    campaign: CampaignReference | None
    note: str | None

    @property
    def series(self) -> list[ReferenceSeries]:
        return ([self.wallonia] if self.wallonia else []) + list(self.peers)

    def to_json(self, lang: str = "fr") -> dict[str, Any]:
        """For ``--json`` outputs: the chosen series, where they come from, and the note."""
        return {"origin": self.origin, "campaign": self.campaign.campaign if self.campaign else None,
                "wallonia": self.wallonia.to_json() if self.wallonia else None,
                "peers": [p.to_json() for p in self.peers], "source": self.source(lang), "note": self.note}

    def plain_source(self, lang: str = "fr") -> str | None:
        """As :meth:`source`, with the campaign's method in plain words (what the band means) instead of
        its formula: for the app's note under the radar."""
        if self.origin == "campaign" and self.campaign is not None:
            return self.campaign.plain_source(lang)
        return self.source(lang)

    def source(self, lang: str = "fr") -> str | None:
        """Where the Walloon numbers come from (for the sheet): the campaign's source, or the pool's caveat."""
        if self.origin == "campaign" and self.campaign is not None:
            return self.campaign.source(lang)
        if self.origin == "pool":
            return UNVERIFIED_NOTE[_lang(lang)]
        return None


def coverage_text(excluded: list[str], covered_N: int, lang: str = "fr") -> str:
    """The communes the Walloon figures cover, when no commune of some provinces answered: "Aucune commune de
    la province de Luxembourg n'a répondu : les chiffres de la Wallonie portent sur les 218 communes des autres
    provinces." ("" when every province has a respondent). For the app, the sheet, the report and the CLI."""
    lang = _lang(lang)
    if not excluded:
        return ""
    return COVERAGE_TEXT[lang][len(excluded) > 1].format(names=_province_names(excluded, lang), N=_fmt(covered_N, lang))


def _province_names(provinces: list[str], lang: str) -> str:
    """ "Luxembourg", "Luxembourg et de Namur" (French repeats the "de" of "les provinces de …"),
    "Luxemburg und Namur"."""
    from babel.lists import format_list

    from .display import locale

    if not provinces:
        return ""
    names = [_text(PROVINCE_NAMES.get(nis, {"fr": nis}), lang) for nis in provinces]
    if lang == "fr":
        names = names[:1] + [f"de {name}" for name in names[1:]]
    return format_list(names, locale=locale(lang))


def _group_name(group: str, lang: str) -> str:
    if group == "wallonia":
        return _WALLONIA[lang]
    kind, _, key = group.partition(":")
    if kind == "province":
        name = _text(PROVINCE_NAMES.get(key, {"fr": key}), lang)
    else:
        name = _text(POPULATION_CLASS_LABELS.get(key, {"fr": key}), lang)
    text = _GROUP[kind][lang].format(name=name)
    return text[:1].upper() + text[1:]


def _pool_series(stats: Any, group: str, lang: str) -> ReferenceSeries | None:
    if stats is None or stats.suppressed:
        return None
    scores = {d: s.mean for d, s in stats.dimensions.items() if not s.suppressed}
    if not scores:
        return None
    name = UNVERIFIED_LABEL[lang].format(group=_group_name(group, lang), n=_fmt(stats.n or 0, lang))
    return ReferenceSeries(name, scores, "pool", group, note=UNVERIFIED_NOTE[lang],
                           kind="pooled" if group == "wallonia" else "peer")


def choose_reference(campaigns: Iterable[CampaignReference | BenchmarkSet] = (), pool: Any = None,
                     nis_code: str | None = None, lang: str = "fr") -> ReferenceChoice:
    """THE rule for the regional reference of a radar (app, sheet, CLI).

    - When a campaign reference is imported (the most recent one), it is the Walloon series, labelled
      "Wallonie (campagne …, n = … sur N)", with its interval as a band; the commune's province and
      population class come from the campaign where it publishes them.
    - The open pool (``pool``: a :class:`maturity.pool.PoolReference`) is labelled unverified and used
      only where no campaign reference exists: for Wallonia when no campaign is imported, and for a
      peer group the campaign does not publish (fewer than 5 respondents).
    - With neither, ``wallonia`` is None and ``note`` explains why there is no regional series.
    """
    lang = _lang(lang)
    ref = latest_campaign(campaigns)
    commune = get_commune(nis_code) if nis_code else None
    peer_groups = []
    if commune is not None:
        peer_groups = [f"province:{commune.province_nis}", f"population_class:{commune.population_class}"]
    peers: list[ReferenceSeries] = []
    if ref is not None:
        scores = ref.scores("wallonia")
        wallonia = ReferenceSeries(ref.label(lang), scores, "campaign", "wallonia", ref.band("wallonia"),
                                   ref.series_note("wallonia", lang), url=ref.url) if scores else None
        for group in peer_groups:
            group_scores = ref.scores(group)
            if group_scores:
                n, N = ref.group_n(group)
                name = GROUP_SERIES_LABEL[lang].format(group=ref.group_label(group, lang), title=ref.title(lang),
                                                       n=_fmt(n or 0, lang), N=_fmt(N or 0, lang))
                peers.append(ReferenceSeries(name, group_scores, "campaign", group, ref.band(group),
                                             ref.series_note(group, lang), kind="peer", url=ref.url))
            elif pool is not None:
                series = _pool_series(_pool_group(pool, group), group, lang)
                if series is not None:
                    peers.append(series)
        note = None if wallonia else _no_regional(lang)
        return ReferenceChoice(wallonia, peers, "campaign", ref, note)
    if pool is not None:
        wallonia = _pool_series(pool.wallonia, "wallonia", lang)
        for group in peer_groups:
            series = _pool_series(_pool_group(pool, group), group, lang)
            if series is not None:
                peers.append(series)
        if wallonia is not None:
            return ReferenceChoice(wallonia, peers, "pool", None, UNVERIFIED_NOTE[lang])
    held = pool is not None and getattr(pool.wallonia, "held", False)  # hidden since a withdrawal: say so
    return ReferenceChoice(None, peers, "pool" if peers else None, None,
                           pool.wallonia.note(lang) if held else _no_regional(lang))


def _pool_group(pool: Any, group: str) -> Any:
    kind, _, key = group.partition(":")
    return (pool.provinces if kind == "province" else pool.population_classes).get(key)


def _no_regional(lang: str) -> str:
    from .pool import no_regional_estimate

    return no_regional_estimate(lang)
