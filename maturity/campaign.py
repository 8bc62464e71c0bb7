"""The Walloon campaign: the estimator and the report (pure functions over plain data).

A coordinator invites every commune of the registry at the campaign's opening
(:func:`maturity.communes.registry_at`) and collects one response per commune. This module turns
those responses into figures a statistician would sign. No database, no streamlit: the storage layer
hands it plain data, the CLI and the app print or draw what it returns.

Main entry points (docs/contract.md §7 gives the JSON, docs/benchmarks.md the method):

- :func:`response` builds a :class:`Response` from a commune's assessment (the output of
  :func:`maturity.scoring.score`, or its contract §3 JSON) and its answers.
- :func:`latest_responses` keeps one response per invited commune: its latest before the close.
- :func:`estimate_mean` is the estimator: post-stratified by province, 95 % interval with the finite
  population correction; unweighted (one stratum) when a province has fewer than 2 respondents.
- :func:`campaign_report` returns the report as a JSON-ready dict:
  ``{"campaign", "n_invited", "n_submitted", "dimensions", "groups", "items"}``.
- :func:`status` summarises invitations, starts and submissions by province and population class.

Privacy: a dimension, a group or an item computed on fewer than 5 communes comes back
``"suppressed": true`` with no number at all; within the provinces and within the population classes
complementary suppression (as in :mod:`maturity.pool`) stops a hidden group being recovered by
difference. Nothing in the report is per commune, except :func:`status`'s ``communes`` map, which is
for the coordinator only and is never published.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from itertools import chain, compress, repeat
from typing import Any, Literal

import numpy as np

from .batch import visible_masks
from .communes import POPULATION_CLASS_LABELS, POPULATION_CLASSES, PROVINCE_NAMES, PROVINCES, Commune
from .errors import InvalidInput, Problem
from .pool import DIMENSIONS, MIN_N, MIN_N_QUARTILES, QUANTILE_METHOD
from .pool import _hidden_cells as hidden_cells
from .scoring import CITED_SEVERITY, is_answered
from .special import effective_answer, none_beside_others

Z95 = 1.96
"""The normal quantile of the 95 % interval, as the method states it (ŷ ± 1.96 · √V)."""
MIN_PER_STRATUM = 2
"""A province needs at least 2 respondents (a sample variance) for post-stratification."""
# MIN_N_QUARTILES (the pool's): the median and quartiles of a group are published from 10 respondents. Below,
# they are individual scores: with 5 respondents, Q1, the median and Q3 are the 2nd, 3rd and 4th scores
# themselves, and the mean and the interval (which gives the variance) then give the two others

Weighting = Literal["province", "none"]

METHOD = {
    "fr": "Estimation post-stratifiée par province : la moyenne des répondants de chaque province est "
          "pondérée par la part de la province dans les communes invitées (N_h / N). Intervalle de "
          "confiance à 95\u00a0% : ŷ ± 1,96 · √V, V = Σ (N_h / N)² · (1 − n_h / N_h) · s_h² / n_h, avec la "
          "correction pour population finie (l'intervalle est nul quand toutes les communes répondent). "
          "Les provinces non publiées (moins de 5 répondants, ou masquées avec elles) forment ensemble une "
          "seule strate, pour que leur moyenne ne se déduise pas du chiffre wallon ; une province d'un seul "
          "répondant y est toujours. Une province où aucune commune n'a répondu reste hors du chiffre wallon, qui porte "
          "alors sur les communes des autres provinces (N sans elle). Quand une strate compte encore moins de 2 répondants, moyenne non "
          "pondérée des répondants et même formule avec une seule strate. Pour une question posée à une partie des "
          "communes seulement (p. ex. celles qui ont une démarche), la taille de ce groupe dans chaque province est "
          "elle-même estimée (N_h × part des répondants à qui elle a été posée) : estimateur par le ratio, variance "
          "linéarisée. Pour une part (0 à 1), intervalle de Wilson à la taille "
          "d'échantillon effective n_eff = ŷ(1 − ŷ) / V, ou n / (1 − n / N) si tous ont répondu pareil. "
          "Aucun chiffre pour un groupe de moins de 5 communes.",
    "de": "Nach Provinzen poststratifizierte Schätzung: Der Mittelwert der Antwortenden jeder Provinz wird "
          "mit dem Anteil der Provinz an den eingeladenen Gemeinden gewichtet (N_h / N). 95-%-"
          "Konfidenzintervall: ŷ ± 1,96 · √V, V = Σ (N_h / N)² · (1 − n_h / N_h) · s_h² / n_h, mit der "
          "Endlichkeitskorrektur (das Intervall ist null, wenn alle Gemeinden antworten). Nicht "
          "veröffentlichte Provinzen (weniger als 5 Antwortende, oder mit ihnen ausgeblendet) bilden zusammen "
          "eine einzige Schicht, damit sich ihr Mittelwert nicht aus dem wallonischen Wert ableiten lässt; eine "
          "Provinz mit nur einem Antwortenden gehört immer dazu. Eine Provinz, in der keine Gemeinde geantwortet hat, bleibt "
          "außerhalb des wallonischen Werts, der dann für die Gemeinden der anderen Provinzen gilt (N ohne sie). Hat eine Schicht dann noch weniger als 2 "
          "Antwortende: ungewichteter Mittelwert der Antwortenden und dieselbe Formel mit einer einzigen "
          "Schicht. Für eine Frage, die nur einem Teil der Gemeinden gestellt wird (z. B. denen mit einem Ansatz), "
          "wird die Größe dieser Gruppe in jeder Provinz selbst geschätzt (N_h × Anteil der Antwortenden, denen sie "
          "gestellt wurde): Verhältnisschätzer mit linearisierter Varianz. Für einen Anteil (0 bis 1): Wilson-Intervall mit dem effektiven "
          "Stichprobenumfang n_eff = ŷ(1 − ŷ) / V, oder n / (1 − n / N), wenn alle gleich antworten. "
          "Keine Zahl für eine Gruppe von weniger als 5 Gemeinden.",
    "en": "Post-stratified by province: the mean of each province's respondents is weighted by the "
          "province's share of the invited communes (N_h / N). 95\u00a0% confidence interval: ŷ ± 1.96 · √V, "
          "V = Σ (N_h / N)² · (1 − n_h / N_h) · s_h² / n_h, with the finite population correction (the "
          "interval is zero wide when every commune answers). The provinces not published (fewer than 5 "
          "respondents, or hidden with them) form one stratum together, so that their means cannot be worked "
          "out from the Walloon figure; a province with a single respondent is always among them. A province where no commune answered is left out of "
          "the Walloon figure, which then covers the communes of the other provinces (N without it). When a stratum "
          "still has fewer than 2 respondents: unweighted mean of the respondents, and the same formula with "
          "one stratum. For a question asked of only some communes (e.g. those with an approach), the size of that "
          "group in each province is itself estimated (N_h × the share of respondents it was asked of): a ratio "
          "estimator, its variance linearised. For a share (0 to 1): the Wilson interval at "
          "the effective sample size n_eff = ŷ(1 − ŷ) / V, or n / (1 − n / N) when every respondent gave the "
          "same answer. No number for a group of fewer than 5 communes.",
}

_REASON = {
    "fr": "moyenne non pondérée : {provinces} {verb} moins de 2 répondants",
    "de": "ungewichteter Mittelwert: {provinces} {verb} weniger als 2 Antwortende",
    "en": "unweighted mean: {provinces} {verb} fewer than 2 respondents",
}
_VERB = {"fr": ("compte", "comptent"), "de": ("hat", "haben"), "en": ("has", "have")}
_ALL_GROUPED = {
    "fr": "moyenne non pondérée : aucune province ne compte assez de répondants (5) pour être publiée seule",
    "de": "ungewichteter Mittelwert: keine Provinz hat genug Antwortende (5), um einzeln veröffentlicht zu werden",
    "en": "unweighted mean: no province has enough respondents (5) to be published on its own",
}


def _lang(lang: str) -> str:
    return lang if lang in METHOD else "fr"


def method_text(lang: str = "fr") -> str:
    """The method in plain words (fr, de, en): the text published with the figures."""
    return METHOD[_lang(lang)]


def reason_text(thin: Mapping[str, int], lang: str = "fr") -> str:
    """Why an estimate is unweighted: "moyenne non pondérée : Luxembourg (1) compte moins de 2 répondants".
    With no thin province (``{}``) the reason is that every province was grouped into one stratum (none
    has the 5 respondents it needs to be published on its own, see :func:`wallonia_estimate`)."""
    lang = _lang(lang)
    if not thin:
        return _ALL_GROUPED[lang]
    names = [f"{PROVINCE_NAMES.get(h, {}).get(lang, h)} ({n})" for h, n in sorted(thin.items())]
    verb = _VERB[lang][0 if len(names) == 1 else 1]
    return _REASON[lang].format(provinces=", ".join(names), verb=verb)


# --- the estimator ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Estimate:
    """A mean over a finite population of communes, with its 95 % interval.

    ``weighting`` is ``"province"`` (post-stratified) or ``"none"`` (unweighted, one stratum; then
    ``thin`` names the provinces with fewer than 2 respondents). ``grouped`` names the provinces
    merged into one stratum by :func:`wallonia_estimate` (those not published on their own); when
    they are all the provinces, the estimate is a plain mean and ``weighting`` is ``"none"``.
    ``ci_low``/``ci_high`` are None when no variance can be computed (fewer than 2 respondents and not
    every commune answering)."""

    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    n: int
    weighting: Weighting
    variance: float | None = None
    thin: dict[str, int] = field(default_factory=dict)

    grouped: tuple[str, ...] = ()

    def reason(self, lang: str = "fr") -> str | None:
        if self.weighting != "none" or not (self.thin or self.grouped):
            return None
        return reason_text(self.thin, lang)


def _sample_variance(values: np.ndarray) -> float:
    """s², divisor n − 1 (0 for fewer than 2 values)."""
    return float(np.var(values, ddof=1)) if len(values) >= 2 else 0.0


def _fpc(n: float, N: float) -> float:
    """1 − n / N, never below 0 (n = N: a census, no sampling error)."""
    return max(0.0, 1.0 - n / N) if N > 0 else 0.0


def estimate_mean(
    strata: Mapping[str, tuple[float, Sequence[float]]],
    *,
    bounds: tuple[float, float] | None = (0.0, 100.0),
    z: float = Z95,
    share: bool = False,
) -> Estimate:
    """The post-stratified mean and its 95 % interval.

    ``strata`` maps each stratum h (a province) to ``(N_h, values)``: N_h its number of communes in the
    campaign's registry (every province, even one with no respondent) and the values of its
    respondents (no None). With n_h = len(values), N = Σ N_h:

    - every stratum with N_h > 0 has n_h ≥ 2: ŷ = Σ (N_h / N) · ȳ_h and
      V = Σ (N_h / N)² · (1 − n_h / N_h) · s_h² / n_h (s_h² the sample variance, divisor n_h − 1);
    - otherwise ``weighting = "none"``: ŷ = the plain mean of all values, V = (1 − n / N) · s² / n.

    The interval is ŷ ± z · √V, cut at ``bounds`` (a score cannot leave 0–100). For a ``share`` (values 0
    and 1) it is the Wilson score interval at the effective sample size n_eff = ŷ(1 − ŷ) / V, or
    n / (1 − n / N) when every respondent gave the same answer (V = 0 there says nothing: five "yes"
    out of 262 communes do not make 100 % certain). It is zero wide when every commune answers (the
    finite population correction is 0). With fewer than 2 values and not a census, the interval is
    None; with no value, everything is None.
    """
    return _estimate({h: (size, np.asarray(values, dtype=float)) for h, (size, values) in strata.items()},
                     bounds=bounds, z=z, share=share)


def wilson(p: float, n_eff: float, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of a proportion ``p`` at (effective) sample size ``n_eff`` > 0."""
    k = z * z / n_eff
    centre = (p + k / 2) / (1 + k)
    half = z * math.sqrt(p * (1 - p) / n_eff + k / (4 * n_eff)) / (1 + k)
    # the interval holds p; in floating point its end missed it by 1e-16 at p = 0 or 1 (e.g. 60 of 261
    # communes all citing an obstacle: [0.953, 0.9999999999999998] around 1), and the import refused it
    return max(0.0, min(p, centre - half)), min(1.0, max(p, centre + half))


def _estimate(strata: Mapping[str, tuple[float, np.ndarray]], *, bounds: tuple[float, float] | None = (0.0, 100.0),
              z: float = Z95, all_values: np.ndarray | None = None, share: bool = False) -> Estimate:
    """:func:`estimate_mean` over numpy arrays (``all_values``: the strata's values together, when
    the caller has them)."""
    N = float(sum(size for size, _ in strata.values()))
    n = sum(len(values) for _, values in strata.values())
    if n == 0:
        return Estimate(None, None, None, 0, "none", None, {})
    thin = {h: len(values) for h, (size, values) in strata.items() if size > 0 and len(values) < MIN_PER_STRATUM}
    if not thin and N > 0:
        y = 0.0
        variance = 0.0
        for size, values in strata.values():
            if size <= 0:
                continue
            w = size / N
            y += w * float(np.mean(values))
            variance += w * w * _fpc(len(values), size) * _sample_variance(values) / len(values)
        weighting: Weighting = "province"
    else:
        if all_values is None:
            all_values = np.concatenate([values for _, values in strata.values()])
        y = float(np.mean(all_values))
        fpc = _fpc(n, N) if N > 0 else 1.0
        variance = fpc * _sample_variance(all_values) / n if (n >= 2 or fpc == 0.0) else None  # type: ignore[assignment]
        weighting = "none"
    return _with_interval(y, variance, n, N, weighting, thin, bounds=bounds, z=z, share=share)


def _with_interval(y: float, variance: float | None, n: int, N: float, weighting: Weighting, thin: dict[str, int], *,
                   bounds: tuple[float, float] | None, z: float, share: bool) -> Estimate:
    """The estimate ``y`` of ``n`` values in a population of ``N`` with its 95 % interval from ``variance``:
    ŷ ± z · √V cut at ``bounds``, or for a ``share`` the Wilson interval at the effective sample size."""
    if share:
        bounds = (0.0, 1.0)
    if bounds is not None:
        # Σ (N_h / N) · ȳ_h left the scale by 1e-16 when every respondent gave its top (100, 10, a share of
        # 1: 100.00000000000001), and the interval, cut at the top, then missed the estimate: rounding noise
        # goes back on the scale (values off the scale are the caller's, left as they are)
        tolerance = 1e-9 * (bounds[1] - bounds[0])
        if bounds[1] < y <= bounds[1] + tolerance:
            y = bounds[1]
        elif bounds[0] - tolerance <= y < bounds[0]:
            y = bounds[0]
    if variance is None:
        return Estimate(y, None, None, n, weighting, None, thin)
    census = N > 0 and _fpc(n, N) == 0.0
    if share and not census:
        n_eff = y * (1 - y) / variance if variance > 0 and 0 < y < 1 else n / max(_fpc(n, N) if N > 0 else 1.0, 1e-12)
        low, high = wilson(y, n_eff, z)
        return Estimate(y, low, high, n, weighting, variance, thin)
    half = z * math.sqrt(max(0.0, variance))
    low, high = y - half, y + half
    if bounds is not None:
        low, high = max(bounds[0], low), min(bounds[1], high)
        if bounds[0] <= y <= bounds[1]:  # the interval holds its estimate, whatever the rounding
            low, high = min(low, y), max(high, y)
    return Estimate(y, low, high, n, weighting, variance, thin)


def wallonia_estimate(strata: Mapping[str, tuple[float, np.ndarray]], hidden: Iterable[str], *,
                      all_values: np.ndarray | None = None, **options: Any) -> Estimate:
    """The Walloon estimate of a dimension whose province figures are published, except ``hidden``.

    The provinces that are not published on their own (fewer than 5 respondents, and those hidden with
    them by complementary suppression) are merged into one stratum: their respondents' mean, weighted
    by their communes together (Σ N_h / N). Weighted one by one, each with its own N_h / N, two hidden
    provinces would enter the Walloon figure with different weights, and that figure, next to the
    published provinces and the population classes (which add up to every respondent), would give each
    hidden province's mean by solving two equations. Merged, they only give the mean of their union,
    which holds at least 5 communes. A province with a single respondent is always among them, so the merged
    stratum also carries it (collapsed strata): one thin province no longer makes the whole figure
    unweighted. Only when a stratum still has fewer than 2 respondents is the estimate the unweighted
    mean (:func:`estimate_mean`, naming the thin provinces); when every province is merged, it is the
    plain mean of all respondents, flagged ``weighting = "none"``. ``options``: :func:`_estimate`'s (a
    barometer item's bounds and share)."""
    hidden = sorted(h for h in set(hidden) if h in strata)
    if len(hidden) < 2:
        return _estimate(strata, all_values=all_values, **options)
    merged = {h: part for h, part in strata.items() if h not in hidden}
    merged["+".join(hidden)] = (sum(strata[h][0] for h in hidden), np.concatenate([strata[h][1] for h in hidden]))
    if any(size > 0 and len(values) < MIN_PER_STRATUM for size, values in merged.values()):
        return _estimate(strata, all_values=all_values, **options)
    est = _estimate(merged, all_values=all_values, **options)
    alone = sum(1 for size, _ in merged.values() if size > 0) == 1
    return replace(est, grouped=tuple(hidden), weighting="none" if alone else est.weighting)


def domain_estimate(strata: Mapping[str, tuple[float, np.ndarray, np.ndarray]], hidden: Iterable[str], *,
                    bounds: tuple[float, float] | None = (0.0, 100.0), z: float = Z95, share: bool = False) -> Estimate:
    """The Walloon estimate of an item asked of a sub-group only (the base: e.g. the communes with an
    approach), whose size in each province is itself estimated: a ratio estimator, its variance linearised.

    ``strata`` maps each province h to ``(N_h, in_base, values)`` over its n_h respondents: ``in_base`` whether
    the question was asked of each, ``values`` its value (NaN outside the base or unanswered). The provinces
    ``hidden`` weigh together as one stratum, as in :func:`wallonia_estimate`. For each stratum g, with m_g
    respondents in the base and k_g of them answering, mean ȳ_g:

    - the base's size is estimated as B_g = N_g · m_g / n_g, and ŷ = Σ B_g · ȳ_g / Σ B_g;
    - ŷ is a ratio of two estimated totals, so its variance is that of the linearised variable
      e_i = [N_g · z_i · (ȳ_g − ŷ) + (N_g · m_g / k_g) · a_i · (y_i − ȳ_g)] / Σ B_g (z_i: in the base, a_i: answered):
      V = Σ_g (1 − n_g / N_g) · s²_g(e) / n_g, s²_g over all n_g respondents of the stratum.

    With every respondent in the base and answering, e_i = (N_g / N) · (y_i − ŷ) and V is the post-stratified
    variance of :func:`estimate_mean`. Treating the B_g as known (the variance of the base's own mean only)
    leaves out the chance in how many communes of each province are in the base, and gave intervals too
    narrow (statistical review L3). A stratum with fewer than 2 answers in the base makes the estimate the
    plain mean of the values, as for a dimension (:func:`wallonia_estimate` over the estimated sizes)."""
    hidden = sorted(h for h in set(hidden) if h in strata)
    merged = len(hidden) >= 2
    groups = {h: part for h, part in strata.items() if not merged or h not in hidden}
    if merged:
        groups["+".join(hidden)] = (sum(strata[h][0] for h in hidden), np.concatenate([strata[h][1] for h in hidden]),
                                    np.concatenate([strata[h][2] for h in hidden]))
    parts = [(float(size), np.asarray(in_base, dtype=bool), np.asarray(values, dtype=float))
             for size, in_base, values in groups.values()]
    n = sum(int((~np.isnan(values)).sum()) for _, _, values in parts)
    if n == 0:
        return Estimate(None, None, None, 0, "none", None, {})
    if any(size > 0 and in_base.any() and (~np.isnan(values)).sum() < MIN_PER_STRATUM for size, in_base, values in parts):
        sized = {h: (size * np.count_nonzero(in_base) / len(in_base) if len(in_base) else float(size),
                     np.asarray(values, dtype=float)[~np.isnan(values)]) for h, (size, in_base, values) in strata.items()}
        return wallonia_estimate(sized, hidden, bounds=bounds, z=z, share=share)
    terms = []
    for size, in_base, values in parts:
        if size <= 0 or not in_base.any():
            continue  # no commune of the stratum in the base: its e_i are all 0
        answered = ~np.isnan(values)
        n_g, m, k = len(in_base), int(in_base.sum()), int(answered.sum())
        terms.append((size, in_base, values, answered, n_g, m, k, size * m / n_g, float(np.mean(values[answered]))))
    B = sum(t[7] for t in terms)
    y = sum(t[7] * t[8] for t in terms) / B
    variance = 0.0
    for size, in_base, values, answered, n_g, m, k, _b, mean in terms:
        if n_g < 2:
            continue
        e = size * in_base * (mean - y) + np.where(answered, (size * m / k) * (np.nan_to_num(values) - mean), 0.0)
        variance += _fpc(n_g, size) * float(np.var(e, ddof=1)) / n_g
    variance /= B * B
    alone = merged and sum(1 for size, _, _ in parts if size > 0) == 1
    est = _with_interval(y, variance, n, B, "none" if alone else "province", {}, bounds=bounds, z=z, share=share)
    return replace(est, grouped=tuple(hidden) if merged else ())


# --- responses -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Response:
    """One commune's response: its dimension scores and obstacle severities (contract §3) and answers."""

    nis_code: str
    scores: dict[str, float | None]
    obstacles: dict[str, float | None] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)
    submitted_at: datetime | None = None


def _when(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    parsed = datetime.fromisoformat(str(value).strip())
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def response(nis_code: str, assessment: Any, answers: Mapping[str, Any] | None = None,
             submitted_at: datetime | date | str | None = None) -> Response:
    """A :class:`Response` from an assessment (a :class:`maturity.scoring.Assessment`, or its JSON:
    ``{"dimensions": {ID: {"score"}}, "obstacles": {ID: {"severity"}}}``) and the answers mapping
    (question id -> value, contract §2)."""
    if isinstance(assessment, Mapping):
        dims = {k: (v or {}).get("score") for k, v in (assessment.get("dimensions") or {}).items()}
        obstacles = {k: (v or {}).get("severity") for k, v in (assessment.get("obstacles") or {}).items()}
    else:
        dims = {k: d.score for k, d in assessment.dimensions.items()}
        obstacles = {k: o.severity for k, o in assessment.obstacles.items()}
    return Response(str(nis_code), dims, obstacles, dict(answers or {}), _when(submitted_at))


BRUSSELS = "Europe/Brussels"


def _close(closes: datetime | date | str | None) -> datetime | None:
    """A closing moment. A date alone (``2026-06-30``) closes at the end of that day, Brussels time."""
    if closes is None or closes == "":
        return None
    if isinstance(closes, str) and len(closes.strip()) == 10:
        closes = date.fromisoformat(closes.strip())
    if isinstance(closes, date) and not isinstance(closes, datetime):
        from zoneinfo import ZoneInfo

        return datetime(closes.year, closes.month, closes.day, 23, 59, 59, 999999, tzinfo=ZoneInfo(BRUSSELS))
    return _when(closes)


def latest_responses(responses: Iterable[Response], *, invited: Iterable[str] | None = None,
                     closes: datetime | date | str | None = None) -> list[Response]:
    """One response per commune: its latest submitted before ``closes`` (when given; a date alone means
    the end of that day in Brussels), among the ``invited`` communes (when given). A response with no date counts as older than any dated one;
    between equal dates the later in the input wins."""
    allowed = None if invited is None else {str(c) for c in invited}
    close = _close(closes)
    if close is not None:
        close = close.astimezone(UTC)  # the same moment; compared faster
    oldest = datetime.min.replace(tzinfo=UTC)
    best: dict[str, tuple[tuple[int, datetime, int], Response]] = {}
    held_by = best.get
    for index, r in enumerate(responses):
        code = r.nis_code
        if allowed is not None and code not in allowed:
            continue
        when = r.submitted_at
        if when is None:
            key = (0, oldest, index)
        elif close is not None and when > close:
            continue
        else:
            key = (1, when, index)
        held = held_by(code)
        if held is None or key > held[0]:
            best[code] = (key, r)
    return [r for _, r in sorted(best.values(), key=lambda kv: kv[1].nis_code)]


# --- the barometer's items ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Item:
    """A barometer item computed over the respondents: a share (``unit = "share"``, 0–1) of communes
    whose answer to ``question`` is one of ``options`` (or, for an obstacle, who cite it: severity ≥ 2),
    or a mean (``unit = "points"``, 0..``out_of``) of a number question. A respondent to whom the
    question was not shown is outside the item's base (e.g. strategy_written: communes with an approach)."""

    id: str
    question: str
    unit: Literal["share", "points"]
    label: Any
    options: tuple[str, ...] = ()
    obstacle: bool = False
    out_of: float | None = None


def barometer_items(questionnaire: Any, sets: Iterable[Any] = ()) -> list[Item]:
    """The items to compute: every benchmark figure (any edition) linked to a question of the
    questionnaire with options (a share) or a number (a mean), and every obstacle of the questionnaire
    (share of communes citing it), in the questionnaire's order. An obstacle with a published figure
    takes the figure's id (``obstacle_budget``); the others are ``obstacle_<question id>``."""
    by_question: dict[str, list[Item]] = {}
    seen: set[str] = set()
    for bset in sorted(sets, key=lambda s: -s.year):  # the most recent edition's label first
        for fig in bset.figures:
            if fig.id in seen or fig.question is None or fig.unit not in ("share", "points"):
                continue
            q = questionnaire.question(fig.question)
            if q is None:
                continue
            is_obstacle = any(o.id == q.id for o in questionnaire.obstacles)
            if fig.unit == "points" and q.type == "number":
                item = Item(fig.id, q.id, "points", fig.label, out_of=fig.out_of or q.max)
            elif is_obstacle:
                item = Item(fig.id, q.id, "share", fig.label, obstacle=True)
            elif fig.unit == "share" and fig.options:
                item = Item(fig.id, q.id, "share", fig.label, tuple(fig.options))
            else:
                continue
            seen.add(fig.id)
            by_question.setdefault(q.id, []).append(item)
    out: list[Item] = []
    for section in questionnaire.sections:
        for q in section.questions:
            items = by_question.get(q.id, [])
            if section.kind == "obstacles" and not any(i.obstacle for i in items):
                items = [Item(f"obstacle_{q.id}", q.id, "share", q.text, obstacle=True), *items]
            out += items
    return out


def _answer_value(item: Item, answer: Any) -> float:
    """The value of a shown question's answer for a (non-obstacle) item: NaN when missing."""
    if not is_answered(answer):
        return math.nan
    if item.unit == "points":
        if isinstance(answer, bool) or not isinstance(answer, int | float) or not math.isfinite(answer):
            return math.nan
        return float(answer)
    if isinstance(answer, bool):
        answer = "yes" if answer else "no"
    chosen = answer if isinstance(answer, list) else [answer]
    return float(any(c in item.options for c in chosen))


class _AnswerColumn:
    """One question's answers over the kept responses, read once for all the items on it."""

    def __init__(self, column: list[Any]) -> None:
        if any(map(none_beside_others, column)):  # « none » beside other options is those options (contract §2)
            column = list(map(effective_answer, column))
        self.column = column
        self.types = set(map(type, column))
        self._lists: tuple[np.ndarray, np.ndarray, list[Any], list[Any]] | None = None

    def lists(self) -> tuple[np.ndarray, np.ndarray, list[Any], list[Any]]:
        """(which answers are lists, their lengths, their choices flattened, the other answers)."""
        if self._lists is None:
            column, n = self.column, len(self.column)
            is_list = np.fromiter(map(list.__instancecheck__, column), dtype=bool, count=n)
            chosen = list(compress(column, is_list))
            lengths = np.fromiter(map(len, chosen), dtype=np.int64, count=len(chosen))
            self._lists = (is_list, lengths, list(chain.from_iterable(chosen)), list(compress(column, ~is_list)))
        return self._lists


def _answer_values(item: Item, answers: _AnswerColumn) -> np.ndarray:
    """:func:`_answer_value` of each answer of a column, NaN where missing. Columns of text (choices)
    are looked up once per distinct answer, columns of numbers converted at once, multi answers
    (lists) flattened; anything else (mixed types) answer by answer."""
    column, types = answers.column, answers.types
    n = len(column)
    if types <= {str, type(None)}:
        table = {x: _answer_value(item, x) for x in set(column)}
        return np.fromiter(map(table.__getitem__, column), dtype=float, count=n)
    if item.unit == "points" and types <= {int, float, type(None)}:
        values = np.array(column, dtype=float)  # None -> NaN
        values[~np.isfinite(values)] = np.nan
        return values
    if item.unit == "share" and types <= {str, type(None), list}:
        # multi answers: does any chosen option belong to the item's (the flattened choices, counted
        # per answer with bincount)? An empty list is no answer.
        is_list, lengths, flat, others = answers.lists()
        try:
            hits = np.fromiter(map(frozenset(item.options).__contains__, flat), dtype=bool, count=len(flat))
        except TypeError:  # an unhashable choice: answer by answer
            return np.fromiter((_answer_value(item, x) for x in column), dtype=float, count=n)
        rows = np.repeat(np.arange(len(lengths)), lengths)
        found = np.bincount(rows, weights=hits, minlength=len(lengths)) > 0
        out = np.empty(n)
        out[is_list] = np.where(lengths > 0, found.astype(float), np.nan)
        table = {x: _answer_value(item, x) for x in set(others)}
        out[~is_list] = np.fromiter(map(table.__getitem__, others), dtype=float, count=len(others))
        return out
    return np.fromiter((_answer_value(item, x) for x in column), dtype=float, count=n)


# --- the report ---------------------------------------------------------------------------------------


def _r(value: float | None) -> float | None:
    """Not rounded (contract §3: round only for display, with :mod:`maturity.display`)."""
    return value


def _quartiles(values: np.ndarray) -> tuple[float, float, float]:
    """``statistics.quantiles(values, n=4, method=QUANTILE_METHOD)`` ("inclusive": linear
    interpolation between order statistics), on a sorted numpy copy, with the same arithmetic."""
    if QUANTILE_METHOD != "inclusive" or len(values) < 2:
        q1, median, q3 = statistics.quantiles([float(v) for v in values], n=4, method=QUANTILE_METHOD)
        return q1, median, q3
    data = np.sort(values)
    m = len(data) - 1
    out = []
    for i in (1, 2, 3):
        j, delta = divmod(i * m, 4)
        out.append((float(data[j]) * (4 - delta) + float(data[j + 1]) * delta) / 4)
    return out[0], out[1], out[2]


_SUPPRESSED = {"suppressed": True, "estimate": None, "ci_low": None, "ci_high": None, "n": None,
               "median": None, "q1": None, "q3": None}


def _estimate_json(est: Estimate, values: np.ndarray, min_n: int, *, quartiles: bool = True) -> dict[str, Any]:
    if est.n < min_n:
        return dict(_SUPPRESSED, weighting=None, reason=None)
    js = {
        "suppressed": False, "estimate": _r(est.estimate), "ci_low": _r(est.ci_low), "ci_high": _r(est.ci_high),
        "n": est.n, "weighting": est.weighting, "reason": est.reason("en"),
        "thin_provinces": dict(sorted(est.thin.items())) if est.weighting == "none" else {},
    }
    if quartiles:
        q1, median, q3 = _quartiles(values) if est.n >= MIN_N_QUARTILES else (None, None, None)
        js |= {"median": _r(median), "q1": _r(q1), "q3": _r(q3)}
    return js


def _labels(names: Mapping[str, str]) -> dict[str, str]:
    return {lang: names.get(lang, names.get("fr", "")) for lang in ("fr", "de", "en")}


class _Groups:
    """The kept responses grouped by integer codes (a province, a population class): one stable
    sort, then each column of values split into the groups' slices."""

    def __init__(self, codes: np.ndarray, n_groups: int) -> None:
        self.codes = codes
        self.order = np.argsort(codes, kind="stable")
        counts = np.bincount(codes[codes >= 0], minlength=n_groups)[:n_groups]
        skipped = int((codes < 0).sum())  # unknown membership sorts first: skipped
        self.bounds = np.concatenate(([0], np.cumsum(counts))) + skipped
        self.counts = counts

    def split(self, column: np.ndarray, *, keep_nan: bool = False) -> list[np.ndarray]:
        """The column's non-NaN values (``keep_nan``: every row's), group by group."""
        ordered = column[self.order]
        parts = []
        for g in range(len(self.counts)):
            part = ordered[self.bounds[g]:self.bounds[g + 1]]
            parts.append(part if keep_nan else part[~np.isnan(part)])
        return parts

    def count(self, mask: np.ndarray) -> list[int]:
        """How many rows of each group the mask selects."""
        codes = self.codes[mask]
        return np.bincount(codes[codes >= 0], minlength=len(self.counts))[:len(self.counts)].tolist()


def _column(mappings: list[Mapping[str, Any]], key: str) -> np.ndarray:
    """``m.get(key)`` of each mapping (numbers or None) as floats, None as NaN."""
    if set(map(type, mappings)) <= {dict}:
        values = list(map(dict.get, mappings, repeat(key)))
    else:
        values = [m.get(key) for m in mappings]
    return np.array(values, dtype=float).reshape(-1)


def campaign_report(
    campaign: Mapping[str, Any],
    registry: Sequence[Commune],
    responses: Iterable[Response],
    questionnaire: Any,
    benchmark_sets: Iterable[Any] = (),
    *,
    n_invited: int | None = None,
    dimensions: Sequence[str] | None = None,
    min_n: int = MIN_N,
) -> dict[str, Any]:
    """The campaign's report as a JSON-ready dict (docs/contract.md §7).

    ``campaign``: ``{"id", "title", "questionnaire", "opens", "closes"}`` (copied, dates as ISO text).
    ``registry``: the communes invited (:func:`maturity.communes.registry_at` of the opening): N_h
    and N come from it, and every response must be one of its communes. ``responses``: the
    communes' responses (:func:`response`); several per commune are reduced to the latest
    (:func:`latest_responses`, before ``campaign["closes"]`` when given). ``benchmark_sets``: the
    published barometers, for the items' "then" figures. ``n_invited`` defaults to len(registry).

    The responses are read once into numpy columns (one per dimension and per item) and grouped by
    integer codes; means, variances and quartiles are array operations (same figures as the
    per-response definitions to 1e-9: only the order of floating-point sums differs).
    """
    registry = list(registry)
    by_nis = {c.nis_code: c for c in registry}
    responses = list(responses)
    problems = [Problem(f"commune {r.nis_code} is not in the campaign's registry (not invited)",
                        path=f"responses[{i}].nis_code") for i, r in enumerate(responses) if r.nis_code not in by_nis]
    if problems:
        raise InvalidInput(problems)
    kept = latest_responses(responses, closes=campaign.get("closes"))
    dims = tuple(dimensions) if dimensions is not None else tuple(
        s.id for s in getattr(questionnaire, "dimensions", [])) or DIMENSIONS
    sets = list(benchmark_sets)
    sizes = {h: 0 for h in PROVINCES}
    for c in registry:
        sizes[c.province_nis] = sizes.get(c.province_nis, 0) + 1
    class_ids = [c[0] for c in POPULATION_CLASSES]
    provinces = list(sizes)
    province_code = {h: g for g, h in enumerate(provinces)}
    communes_kept = [by_nis[r.nis_code] for r in kept]
    by_province = _Groups(np.array([province_code[c.province_nis] for c in communes_kept], dtype=np.int64),
                          len(provinces))

    # a province where no commune answered is outside the Walloon figures: nothing speaks for its communes,
    # so the figures cover the communes of the other provinces (N without it), and say so
    respondents_in = dict(zip(provinces, by_province.counts.tolist(), strict=True))
    excluded = [h for h in provinces if kept and sizes[h] > 0 and not respondents_in[h]]
    covered = {"N": sum(sizes[h] for h in provinces if h not in excluded), "excluded_provinces": excluded}

    def strata(parts: list[np.ndarray], size_of: Mapping[str, float]) -> dict[str, tuple[float, np.ndarray]]:
        return {h: (float(size_of[h]), part) for h, part in zip(provinces, parts, strict=True) if h not in excluded}

    def hidden_of(parts: list[np.ndarray]) -> set[str]:
        """The provinces left unpublished for these values (fewer than 5, and those hidden with them)."""
        return hidden_cells({**{h: len(part) for h, part in zip(provinces, parts, strict=True)}, "": 0}, min_n)

    # --- Wallonia, per dimension
    scores = [r.scores for r in kept]
    score_columns = {dim: _column(scores, dim) for dim in dims}
    dimensions_json: dict[str, Any] = {}
    for dim in dims:
        parts = by_province.split(score_columns[dim])
        values = np.concatenate(parts)
        # the provinces the groups below leave unpublished for this dimension (the same counts)
        est = wallonia_estimate(strata(parts, sizes), hidden_of(parts), all_values=values)
        dimensions_json[dim] = _estimate_json(est, values, min_n) | covered

    # --- groups: provinces and population classes (one stratum each), with complementary suppression
    position = {c.nis_code: i for i, c in enumerate(registry)}
    kept_at = np.array([position[r.nis_code] for r in kept], dtype=np.int64)

    def partition(key_of: Any, keys: list[str], label_of: Any, *, covered_only: bool = False) -> dict[str, Any]:
        """``covered_only``: a group across provinces (a population class, one stratum) covers only its communes
        in the provinces with a respondent: its respondents come from those provinces and speak for them alone,
        as the Walloon figures do (its N without the others, ``excluded_provinces`` naming them)."""
        size: dict[str, int] = dict.fromkeys(keys, 0)
        key_list = list(map(key_of, registry))
        left_out = set(excluded) if covered_only else set()
        outside: dict[str, set[str]] = {}  # a group's provinces left out that hold some of its communes
        for key, c in zip(key_list, registry, strict=True):
            if c.province_nis not in left_out:
                size[key] = size.get(key, 0) + 1
            else:
                outside.setdefault(key, set()).add(c.province_nis)
        code = {k: g for g, k in enumerate(keys)}
        registry_codes = np.array([code.get(key, -1) for key in key_list], dtype=np.int64)
        groups = _Groups(registry_codes[kept_at], len(keys))
        parts_of = {dim: groups.split(score_columns[dim]) for dim in dims}
        out: dict[str, Any] = {}
        hidden: dict[str, set[str]] = {}
        for dim in dims:
            counts = {k: len(part) for k, part in zip(keys, parts_of[dim], strict=True)}
            counts[""] = 0
            hidden[dim] = hidden_cells(counts, min_n)
        for g, k in enumerate(keys):
            group_n = int(groups.counts[g])
            entry: dict[str, Any] = {"label": label_of(k), "N": size.get(k, 0),
                                     "n": group_n if group_n >= min_n else None,
                                     "suppressed": group_n < min_n, "dimensions": {}}
            if outside.get(k):  # only when a province had no respondent: an ordinary campaign's report is unchanged
                entry["excluded_provinces"] = [h for h in excluded if h in outside[k]]
            for dim in dims:
                values = parts_of[dim][g]
                if k in hidden[dim] or len(values) < min_n:
                    entry["dimensions"][dim] = dict(_SUPPRESSED)
                    continue
                est = _estimate({k: (float(size.get(k, 0)), values)})
                js = _estimate_json(est, values, min_n)
                js.pop("weighting"), js.pop("reason"), js.pop("thin_provinces")
                entry["dimensions"][dim] = js
            out[k] = entry
        return out

    groups = {
        "province": partition(lambda c: c.province_nis, list(PROVINCES),
                              lambda k: _labels(PROVINCE_NAMES.get(k, {"fr": k}))),
        "population_class": partition(lambda c: c.population_class, class_ids,
                                      lambda k: _labels(POPULATION_CLASS_LABELS.get(k, {"fr": k})), covered_only=True),
    }

    # --- the barometer's items
    items_json: dict[str, Any] = {}
    items = barometer_items(questionnaire, sets)
    answers = [r.answers for r in kept]
    obstacles = [r.obstacles for r in kept]
    plain = set(map(type, answers)) <= {dict}
    columns: dict[str, _AnswerColumn] = {}
    shown = visible_masks(questionnaire, answers) if any(not i.obstacle for i in items) else {}
    all_in = np.ones(len(kept), dtype=bool)
    for item in items:
        if item.obstacle:
            severity = _column(obstacles, item.question)
            value = np.where(np.isnan(severity), np.nan, (severity >= CITED_SEVERITY).astype(float))
            inside = all_in
        else:
            inside = shown.get(item.question, ~all_in)
            if item.question not in columns:
                columns[item.question] = _AnswerColumn(
                    list(map(dict.get, answers, repeat(item.question))) if plain
                    else [a.get(item.question) for a in answers])
            value = _answer_values(item, columns[item.question])
            value[~inside] = np.nan
        in_base = dict(zip(provinces, by_province.count(inside), strict=True))
        # the base's size in a province is estimated from its respondents: N_h · (in the base / respondents)
        base_sizes = {h: (sizes[h] * in_base[h] / respondents_in[h] if respondents_in[h] else float(sizes[h]))
                      for h in provinces}
        parts = by_province.split(value)
        values = np.concatenate(parts)
        bounds = (0.0, 1.0) if item.unit == "share" else (0.0, float(item.out_of or 10.0))
        # the provinces with fewer than 5 in the item's base weigh together, as for a dimension: one thin
        # province no longer makes the share unweighted
        if item.obstacle:  # asked of every commune: N_h known
            est = wallonia_estimate(strata(parts, base_sizes), hidden_of(parts), bounds=bounds, all_values=values,
                                    share=item.unit == "share")
        else:  # asked of a sub-group, whose size is estimated too: a ratio estimator (statistical review L3)
            rows = zip(provinces, by_province.split(inside.astype(float)), by_province.split(value, keep_nan=True),
                       strict=True)
            est = domain_estimate({h: (float(sizes[h]), base, vals) for h, base, vals in rows if h not in excluded},
                                  hidden_of(parts), bounds=bounds, share=item.unit == "share")
        js = _estimate_json(est, values, min_n, quartiles=item.unit != "share")
        if item.unit == "share":
            for k in ("median", "q1", "q3"):
                js.pop(k, None)
        label = item.label if isinstance(item.label, Mapping) else {"fr": str(item.label)}
        items_json[item.id] = {
            "question": item.question, "unit": item.unit, "out_of": item.out_of,
            "label": _labels(label), **js, **covered,
            "base": "shown" if not item.obstacle else "all",
            "published": _published(sets, item.id, item.unit),
        }

    info = {k: (v.isoformat() if isinstance(v, date | datetime) else v) for k, v in campaign.items()}
    info.setdefault("N", len(registry))
    info["N_by_province"] = {h: sizes[h] for h in PROVINCES}
    return {
        "campaign": info,
        "n_invited": len(registry) if n_invited is None else n_invited,
        "n_submitted": len(kept),
        "method": {"text": _labels(METHOD), "z": Z95, "min_n": min_n, "quantiles": QUANTILE_METHOD,
                   "min_n_quartiles": MIN_N_QUARTILES},
        "dimensions": dimensions_json,
        "groups": groups,
        "items": items_json,
    }


def _published(sets: Iterable[Any], figure_id: str, unit: str) -> list[dict[str, Any]]:
    """The published editions of a figure ("then") in the item's unit (a rank is not a share), oldest first."""
    out = []
    for bset in sorted(sets, key=lambda s: s.year):
        fig = bset.figure(figure_id)
        if fig is None or fig.kind != "published" or fig.unit != unit:
            continue
        src = bset.source_of(fig)
        out.append({"year": bset.year, "value": fig.value, "unit": fig.unit, "n": fig.n, "kind": fig.kind,
                    "set": bset.id, "source": src.label if src else fig.source, "url": src.url if src else None})
    return out


# --- follow-up ---------------------------------------------------------------------------------------


def status(invited: Iterable[Commune], started: Iterable[str], submitted: Iterable[str]) -> dict[str, Any]:
    """Invited, started, submitted and the response rate, overall, by province and by population class.

    ``invited``: the invited communes (:class:`Commune`); ``started``: NIS codes of communes that
    have begun (saved at least one answer); ``submitted``: NIS codes with a submission. The counts are
    a funnel (a submitted commune has started). ``communes`` gives each invited commune's state
    (``not_started`` / ``started`` / ``submitted``) for the coordinator's map: it names communes, so
    it is never published. Codes that were not invited are listed in ``uninvited`` and counted nowhere."""
    invited = list(invited)
    codes = {c.nis_code for c in invited}
    submitted_set = {str(s) for s in submitted}
    started_set = {str(s) for s in started} | submitted_set
    state = {c.nis_code: ("submitted" if c.nis_code in submitted_set else
                          "started" if c.nis_code in started_set else "not_started") for c in invited}

    def counts(members: list[Commune]) -> dict[str, Any]:
        n = len(members)
        n_sub = sum(state[c.nis_code] == "submitted" for c in members)
        n_start = sum(state[c.nis_code] != "not_started" for c in members)
        return {"invited": n, "started": n_start, "submitted": n_sub,
                "response_rate": (n_sub / n) if n else None}

    def by(key_of: Any, keys: list[str], label_of: Any) -> dict[str, Any]:
        return {k: {"label": label_of(k), **counts([c for c in invited if key_of(c) == k])} for k in keys}

    return {
        **counts(invited),
        "by_province": by(lambda c: c.province_nis, list(PROVINCES),
                          lambda k: _labels(PROVINCE_NAMES.get(k, {"fr": k}))),
        "by_population_class": by(lambda c: c.population_class, [c[0] for c in POPULATION_CLASSES],
                                  lambda k: _labels(POPULATION_CLASS_LABELS.get(k, {"fr": k}))),
        "communes": dict(sorted(state.items())),
        "uninvited": sorted((started_set | submitted_set) - codes),
    }
