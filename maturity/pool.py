"""The pooled regional reference per dimension (contract §5, kind ``pooled``).

A pure function over a table of assessments, so it is tested without a database:

    pooled_reference(rows) -> PoolReference

``rows`` is a list of dicts (or a pandas DataFrame) with ``nis_code``, optionally ``province``
(NIS code of the province, or its name), ``population_class`` (see :mod:`maturity.communes`) and
``submitted_at``, and one column per dimension score (0–100 or None). :meth:`Store.pool_rows`
gives exactly that. Missing province or class are looked up from the commune's NIS code.

Rules (docs/benchmarks.md explains them):

- **one row per commune**: when a commune appears several times, its most recent row is kept
  (greatest ``submitted_at``; a row without a date counts as older than any dated one; between equal
  dates the later row of the table wins). n counts distinct communes.
- per group (all of Wallonia, each province, each population class) and per dimension: n, mean,
  median and the quartiles, computed with the "inclusive" method of :func:`statistics.quantiles`
  (linear interpolation between order statistics, Hyndman & Fan type 7, the default of numpy,
  pandas, R and spreadsheets).
- **median and quartiles from 10 communes** (:data:`MIN_N_QUARTILES`, as a campaign's): they are order
  statistics, so with few communes they are communes' own scores (with 5, Q1, the median and Q3 are the
  2nd, 3rd and 4th scores themselves). Below 10 a dimension has its n and mean only (median, q1, q3 None).
  **The open pool's figures have none at all** (a :class:`maturity.poolrelease.PublishedRows` says
  ``order_statistics`` False): they change in releases, and the release check covers sums only; order
  statistics compared across releases could still give a commune's score (SECURITY.md).
- **suppression**: a group with fewer than 5 communes, or a dimension answered by fewer than 5
  communes of a group, is returned as suppressed, with no number at all (not n, not min/max).
  **Complementary suppression**: within the provinces, and within the population classes, the
  communes hidden in one dimension must together number at least 5 (counting communes with no
  known province or class); otherwise the smallest published group is hidden too, until they do.
  Without it a hidden province's mean could be recovered from the Walloon mean and the others.
- **the open pool's release**: a table from :meth:`Store.pool_rows` (a
  :class:`maturity.poolrelease.PublishedRows`) says which cells the last release shows (``shown``) and which
  groups a withdrawal hid since (``held``): every other cell is suppressed, a held group says why
  (:data:`HELD_NOTE`). A plain list of rows is computed as it is.
- no estimate: the published barometer has no per-dimension average, and no defensible method turns
  its item shares into one (docs/benchmarks.md). :data:`NO_REGIONAL_ESTIMATE` explains this in place
  of the regional series while Wallonia has fewer than 5 pooled communes.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Literal

from .communes import POPULATION_CLASS_LABELS, POPULATION_CLASSES, PROVINCES, province_name
from .communes import get as get_commune
from .display import LOCALES, format_date
from .errors import InvalidInput, Problem
from .labels import in_lang

DIMENSIONS: tuple[str, ...] = ("economy", "people", "governance", "mobility", "environment", "living")
MIN_N = 5
MIN_N_QUARTILES = 10
"""The median and quartiles of a group are published from 10 communes (a dimension's n). Below, they are
individual scores: with 5, Q1, the median and Q3 are the 2nd, 3rd and 4th scores themselves (the linear
quartiles of 5 values fall on values), and the mean then gives the sum of the two others. The pool and a
campaign's aggregates apply the same threshold."""
QUANTILE_METHOD = "inclusive"
QUANTILE_METHOD_TEXT = (
    "statistics.quantiles(method='inclusive'): linear interpolation between order statistics "
    "(Hyndman & Fan type 7, the default of numpy, pandas, R and spreadsheets)"
)

GroupType = Literal["wallonia", "province", "population_class"]

SOURCE_TEXT = {
    "fr": "auto-évaluations mises en commun par cet outil, au {date}",
    "de": "mit diesem Werkzeug zusammengeführte Selbstbewertungen, Stand {date}",
    "en": "assessments pooled by this tool, as of {date}",
}
SOURCE_TEXT_NO_DATE = {
    "fr": "auto-évaluations mises en commun par cet outil",
    "de": "mit diesem Werkzeug zusammengeführte Selbstbewertungen",
    "en": "assessments pooled by this tool",
}
WALLONIA_LABEL = {"fr": "Wallonie", "de": "Wallonie", "en": "Wallonia"}
PROVINCE_LABEL = {"fr": "Province : {name}", "de": "Provinz: {name}", "en": "Province: {name}"}
CLASS_LABEL = {"fr": "Communes de {name}", "de": "Gemeinden: {name}", "en": "Communes with {name}"}

HELD_NOTE = {
    "fr": "Les chiffres de ce groupe sont masqués depuis qu'une commune a retiré son auto-évaluation : les "
          "montrer sans elle permettrait, par différence, de retrouver ses scores. Ils reviendront quand le "
          "groupe aura changé d'au moins deux communes, ou quand l'administrateur les publiera.",
    "de": "Die Zahlen dieser Gruppe sind ausgeblendet, seit eine Gemeinde ihre Selbstbewertung zurückgezogen "
          "hat: Sie ohne sie zu zeigen, würde ihre Werte durch Vergleich verraten. Sie erscheinen wieder, wenn "
          "sich die Gruppe um mindestens zwei Gemeinden geändert hat oder die Verwaltung sie veröffentlicht.",
    "en": "This group's figures are hidden since a commune withdrew its self-assessment: showing them without "
          "it would give its scores away by difference. They return once the group has changed by two communes "
          "or more, or when the administrator publishes them.",
}
"""A group the last release showed and a withdrawal or an erasure took a commune out of (maturity.poolrelease)."""

SUPPRESSED_NOTE = {
    "fr": "Moins de 5 communes de ce groupe ont versé leur auto-évaluation au pot commun (ou le chiffre "
          "permettrait de retrouver celui d'un tel groupe) : aucun chiffre n'est montré.",
    "de": "Weniger als 5 Gemeinden dieser Gruppe haben ihre Selbstbewertung in den gemeinsamen Pool "
          "eingebracht (oder die Zahl würde die einer solchen Gruppe verraten): Es wird keine Zahl gezeigt.",
    "en": "Fewer than 5 communes of this group have added their self-assessment to the shared pool (or the "
          "figure would reveal that of such a group): no number is shown.",
}

NO_REGIONAL_ESTIMATE = {
    "fr": "Pas encore de repère régional par dimension. Le Baromètre wallon Smart City 2021 ne publie aucune "
          "moyenne par dimension : seulement des parts de communes pour des questions isolées (démarche, "
          "freins, Smart Région…), dont plusieurs ne portent que sur les communes déjà engagées. En tirer un "
          "score régional sur 100 reviendrait à inventer un chiffre ; nous ne le faisons pas. Le repère "
          "régional apparaîtra ici dès que les chiffres d'une campagne régionale menée auprès de toutes "
          "les communes auront été publiés et importés dans cette installation, ou dès que 5 communes au "
          "moins auront versé leur auto-évaluation au pot commun (seuls des chiffres groupés sont montrés).",
    "de": "Noch kein regionaler Vergleichswert je Dimension. Das wallonische Smart-City-Barometer 2021 "
          "veröffentlicht keinen Durchschnitt je Dimension, nur Anteile von Gemeinden zu einzelnen Fragen "
          "(Ansatz, Hemmnisse, Smart Région …), mehrere davon nur für Gemeinden mit einem Ansatz. Daraus "
          "einen regionalen Wert (0–100) abzuleiten, hieße, eine Zahl zu erfinden; das tun wir nicht. Der "
          "regionale Vergleichswert erscheint hier, sobald die Zahlen einer regionalen Kampagne bei allen "
          "Gemeinden veröffentlicht und in diese Installation importiert sind, oder sobald mindestens 5 "
          "Gemeinden ihre Selbstbewertung in den gemeinsamen Pool eingebracht haben (gezeigt werden nur "
          "zusammengefasste Zahlen).",
    "en": "No regional reference per dimension yet. The 2021 Walloon Smart City Barometer publishes no "
          "per-dimension average, only shares of communes on single questions (approach, obstacles, Smart "
          "Region, …), several of them only for the communes that already have an approach. Turning those "
          "into a regional score out of 100 would mean inventing a number; we do not. The regional reference "
          "will appear here once the figures of a regional campaign among all communes have been "
          "published and imported into this installation, or once at least 5 communes have added their "
          "self-assessment to the shared pool (only grouped figures are shown).",
}
"""Shown in place of the regional series (app and PDF) while Wallonia has fewer than 5 pooled communes."""


def _lang(lang: str) -> str:
    return lang if lang in LOCALES else "fr"


def no_regional_estimate(lang: str = "fr") -> str:
    """Why there is no regional series yet (there is no estimate to show instead)."""
    return NO_REGIONAL_ESTIMATE[_lang(lang)]


def regional_estimate(*_: Any, **__: Any) -> None:
    """There is no defensible per-dimension estimate from the published figures: always ``None``.

    Kept as a function so that callers ask, and get an explicit "no", rather than inventing one.
    See docs/benchmarks.md, "Why there is no estimated regional series"."""
    return None


# --- results ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DimensionStats:
    """One dimension of one group. When ``suppressed``, every number is None."""

    dimension: str
    suppressed: bool
    n: int | None = None
    mean: float | None = None
    median: float | None = None
    q1: float | None = None
    q3: float | None = None

    def to_json(self) -> dict[str, Any]:
        return {"dimension": self.dimension, "suppressed": self.suppressed, "n": self.n, "mean": self.mean,
                "median": self.median, "q1": self.q1, "q3": self.q3}


@dataclass(frozen=True)
class GroupStats:
    """The pooled reference of one group: kind ``pooled``, its source (with date) and n."""

    group: GroupType
    key: str
    suppressed: bool
    n: int | None
    dimensions: dict[str, DimensionStats]
    as_of: date | None
    kind: str = "pooled"
    quantile_method: str = QUANTILE_METHOD
    held: bool = False  # hidden since a withdrawal, until the next release (HELD_NOTE)

    @property
    def year(self) -> int | None:
        return self.as_of.year if self.as_of else None

    def label(self, lang: str = "fr") -> str:
        lang = _lang(lang)
        if self.group == "wallonia":
            return WALLONIA_LABEL[lang]
        if self.group == "province":
            return in_lang(PROVINCE_LABEL, lang).format(name=province_name(self.key, lang))  # « Province\u00a0: »
        return CLASS_LABEL[lang].format(name=POPULATION_CLASS_LABELS.get(self.key, {}).get(lang, self.key))

    def source(self, lang: str = "fr") -> str:
        lang = _lang(lang)
        if self.as_of is None:
            return SOURCE_TEXT_NO_DATE[lang]
        return SOURCE_TEXT[lang].format(date=format_date(self.as_of, lang))

    def note(self, lang: str = "fr") -> str | None:
        if self.held:
            return HELD_NOTE[_lang(lang)]
        return SUPPRESSED_NOTE[_lang(lang)] if self.suppressed else None

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group, "key": self.key, "kind": self.kind, "suppressed": self.suppressed, "n": self.n,
            "as_of": self.as_of.isoformat() if self.as_of else None, "source": self.source("en"),
            "quantile_method": self.quantile_method, "min_n_quartiles": MIN_N_QUARTILES,
            "dimensions": {k: d.to_json() for k, d in self.dimensions.items()},
            "held": self.held,  # hidden since a withdrawal, until a release (HELD_NOTE); added after the rest
        }


@dataclass(frozen=True)
class PoolReference:
    wallonia: GroupStats
    provinces: dict[str, GroupStats]
    population_classes: dict[str, GroupStats]
    as_of: date | None
    rows_used: int  # distinct communes kept
    rows_ignored: int = 0  # rows without a NIS code
    dimensions: tuple[str, ...] = DIMENSIONS

    def groups(self) -> list[GroupStats]:
        return [self.wallonia, *self.provinces.values(), *self.population_classes.values()]

    def peers(self, nis_code: str) -> list[GroupStats]:
        """The commune's province and population class groups (for a commune not in the pool too)."""
        commune = get_commune(nis_code)
        province = commune.province_nis if commune else None
        pop_class = commune.population_class if commune else None
        out = []
        if province in self.provinces:
            out.append(self.provinces[province])
        if pop_class in self.population_classes:
            out.append(self.population_classes[pop_class])
        return out

    @property
    def regional_available(self) -> bool:
        return not self.wallonia.suppressed

    def regional_note(self, lang: str = "fr") -> str | None:
        """The text to show in place of the regional series, or None when there is one."""
        if self.regional_available:
            return None
        return self.wallonia.note(lang) if self.wallonia.held else no_regional_estimate(lang)


# --- input ---------------------------------------------------------------------------------------------


def _records(table: Any) -> list[Mapping[str, Any]]:
    if hasattr(table, "to_dict") and hasattr(table, "columns"):  # a pandas DataFrame
        return list(table.to_dict(orient="records"))
    return list(table)


def _when(value: Any) -> datetime | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, str) and value.strip():
        parsed = datetime.fromisoformat(value.strip())
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    raise ValueError(value)


def _score(value: Any) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(value)
    if math.isnan(value):
        return None  # pandas writes a missing score as NaN
    if not 0 <= value <= 100:
        raise ValueError(value)
    return float(value)


_PROVINCE_BY_NAME = {name.casefold(): nis for nis, name in PROVINCES.items()}
_CLASS_IDS = {c[0] for c in POPULATION_CLASSES}


def _province(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value == "":
        return None
    text = str(value).strip()
    if text in PROVINCES:
        return text
    if text.casefold() in _PROVINCE_BY_NAME:
        return _PROVINCE_BY_NAME[text.casefold()]
    raise ValueError(value)


def latest_per_commune(table: Any) -> tuple[list[dict[str, Any]], int]:
    """One row per commune, its most recent (see the module docstring); and how many rows had no NIS code."""
    best: dict[str, tuple[tuple[int, datetime, int], dict[str, Any]]] = {}
    ignored = 0
    problems: list[Problem] = []
    for index, row in enumerate(_records(table)):
        nis = row.get("nis_code")
        if nis is None or (isinstance(nis, float) and math.isnan(nis)) or not str(nis).strip():
            ignored += 1
            continue
        nis = str(nis).strip()
        try:
            when = _when(row.get("submitted_at"))
        except (ValueError, TypeError):
            problems.append(Problem(f"{row.get('submitted_at')!r} is not a date", path=f"rows[{index}].submitted_at"))
            continue
        key = (0, datetime.min.replace(tzinfo=UTC), index) if when is None else (1, when, index)
        if nis not in best or key > best[nis][0]:
            best[nis] = (key, dict(row, nis_code=nis))
    if problems:
        raise InvalidInput(problems)
    return [row for _, row in best.values()], ignored


# --- statistics ------------------------------------------------------------------------------------------


def _stats(dimension: str, values: list[float], order_statistics: bool = True) -> DimensionStats:
    if not order_statistics or len(values) < MIN_N_QUARTILES:  # order statistics of a few communes are their own
        # scores; the open pool's, compared release after release, could give one (SECURITY.md): the mean only
        return DimensionStats(dimension, False, len(values), statistics.fmean(values))
    q1, median, q3 = statistics.quantiles(values, n=4, method=QUANTILE_METHOD)  # median = statistics.median
    return DimensionStats(dimension, False, len(values), statistics.fmean(values), median, q1, q3)


def group_key(group: str, key: str) -> str:
    """``wallonia``, ``province:90000``, ``population_class:…``: one key per group of the figures."""
    return "wallonia" if group == "wallonia" else f"{group}:{key}"


def group_label(key: str, lang: str = "fr") -> str:
    """A group's name from its key (:func:`group_key`): « Wallonie », « Province : Namur »…"""
    group, _, code = key.partition(":")
    return GroupStats(group, code or "wallonia", True, None, {}, None).label(lang)  # type: ignore[arg-type]


def _released(stats: GroupStats, shown: Any, held: Any) -> GroupStats:
    """A group as the open pool's current release may show it (maturity.poolrelease.PublishedRows)."""
    key = group_key(stats.group, stats.key)
    if stats.suppressed and key not in held:
        return stats
    if key not in shown:
        return GroupStats(stats.group, stats.key, True, None, {d: DimensionStats(d, True) for d in stats.dimensions},
                          stats.as_of, held=key in held)
    dims = {d: st if d in shown[key] else DimensionStats(d, True) for d, st in stats.dimensions.items()}
    return GroupStats(stats.group, stats.key, stats.suppressed, stats.n, dims, stats.as_of)


def _hidden_cells(counts: dict[str, int], min_n: int) -> set[str]:
    """Cells of one partition to hide for one dimension: those under ``min_n``, then the smallest
    published ones until the hidden communes together number at least ``min_n`` (or none is hidden).
    ``counts`` may hold a cell for unknown membership (key ``""``): never published, but counted."""
    hidden = {k for k, c in counts.items() if 0 < c < min_n or (k == "" and c > 0)}
    published = sorted((c, k) for k, c in counts.items() if k not in hidden and c > 0)
    while hidden and sum(counts[k] for k in hidden) < min_n and published:
        hidden.add(published.pop(0)[1])
    return hidden


def pooled_reference(
    table: Any,
    dimensions: Iterable[str] = DIMENSIONS,
    *,
    as_of: date | None = None,
    min_n: int = MIN_N,
    order_statistics: bool | None = None,
) -> PoolReference:
    """Mean, median, quartiles and n per dimension, for Wallonia, each province and each population
    class, from a table of assessments (see the module docstring). ``as_of`` dates the source; by
    default the date of the most recent row kept. ``order_statistics`` False: no median nor quartile at all
    (None: as the table says, :attr:`maturity.poolrelease.PublishedRows.order_statistics`, the open pool's
    False; any other table True)."""
    dimensions = tuple(dimensions)
    if order_statistics is None:
        order_statistics = getattr(table, "order_statistics", True)
    rows, ignored = latest_per_commune(table)
    problems: list[Problem] = []
    members: list[tuple[str, str | None, str | None, dict[str, float | None]]] = []
    latest: datetime | None = None
    for row in rows:
        nis = row["nis_code"]
        commune = get_commune(nis)
        try:
            province = _province(row.get("province")) or (commune.province_nis if commune else None)
        except ValueError:
            problems.append(Problem(f"{row.get('province')!r} is not a Walloon province", path=f"{nis}.province"))
            province = None
        pop_class = row.get("population_class")
        if pop_class is None or (isinstance(pop_class, float) and math.isnan(pop_class)) or pop_class == "":
            pop_class = commune.population_class if commune else None
        elif pop_class not in _CLASS_IDS:
            problems.append(Problem(f"{pop_class!r} is not a population class ({sorted(_CLASS_IDS)})",
                                    path=f"{nis}.population_class"))
        scores: dict[str, float | None] = {}
        for dim in dimensions:
            try:
                scores[dim] = _score(row.get(dim))
            except ValueError:
                problems.append(Problem(f"{row.get(dim)!r} is not a score from 0 to 100", path=f"{nis}.{dim}"))
        when = _when(row.get("submitted_at"))
        if when is not None and (latest is None or when > latest):
            latest = when
        members.append((nis, province, pop_class, scores))
    if problems:
        raise InvalidInput(problems)
    if as_of is None and latest is not None:
        as_of = latest.date()

    def build(group: GroupType, key: str, subset: list, hide: dict[str, set[str]] | None = None) -> GroupStats:
        n = len(subset)
        if n < min_n:
            return GroupStats(group, key, True, None, {d: DimensionStats(d, True) for d in dimensions}, as_of)
        dims = {}
        for dim in dimensions:
            values = [m[3][dim] for m in subset if m[3].get(dim) is not None]
            if len(values) < min_n or (hide is not None and key in hide.get(dim, set())):
                dims[dim] = DimensionStats(dim, True)
            else:
                dims[dim] = _stats(dim, values, order_statistics)
        return GroupStats(group, key, False, n, dims, as_of)

    def partition(index: int, keys: list[str], group: GroupType) -> dict[str, GroupStats]:
        by_key: dict[str, list] = {k: [] for k in keys}
        unknown = []
        for m in members:
            by_key.get(m[index], unknown).append(m)
        hide: dict[str, set[str]] = {}
        for dim in dimensions:
            counts = {k: sum(1 for m in sub if m[3].get(dim) is not None) for k, sub in by_key.items()}
            counts[""] = sum(1 for m in unknown if m[3].get(dim) is not None)
            hide[dim] = _hidden_cells(counts, min_n)
        return {k: build(group, k, by_key[k], hide) for k in keys}

    wallonia = build("wallonia", "wallonia", members)
    provinces = partition(1, list(PROVINCES), "province")
    classes = partition(2, [c[0] for c in POPULATION_CLASSES], "population_class")
    shown = getattr(table, "shown", None)  # the open pool's release: only the cells it shows
    if shown is not None:
        held = getattr(table, "held", frozenset())
        wallonia = _released(wallonia, shown, held)
        provinces = {k: _released(g, shown, held) for k, g in provinces.items()}
        classes = {k: _released(g, shown, held) for k, g in classes.items()}
    return PoolReference(
        wallonia=wallonia,
        provinces=provinces,
        population_classes=classes,
        as_of=as_of,
        rows_used=len(members),
        rows_ignored=ignored,
        dimensions=dimensions,
    )
