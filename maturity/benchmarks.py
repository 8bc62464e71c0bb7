"""Benchmark sets (contract §5): the published barometer figures as data, and plain-sentence
comparisons of a commune's profile and obstacles with them.

``load_benchmark_sets()`` reads every ``data/benchmarks/*.yaml`` through the one safe YAML reader and
reports *every* problem of every file with its file, line and field path. ``comparisons()`` turns the
answers of a commune into sentences such as "Vous citez le budget parmi vos freins, comme 50 %
des communes répondantes (Baromètre wallon Smart City 2021, chiffre publié, 113 communes répondantes sur
262)." Each sentence
carries its figure, so the kind, source, year and n travel with the number.

Extensions of the contract (optional fields, see docs/benchmarks.md): on a source, ``id``; on a
figure, ``question`` and ``options`` (which answers of which question the share counts), ``base``
(the group a share is computed on when it is not the whole sample), ``out_of`` (the top of a
``points`` scale), ``sentences`` (``match`` / ``other`` templates) and ``method`` (estimates only).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date as _date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError

from . import display
from .errors import InvalidInput, Problem, format_path
from .labels import answer_words, join_and
from .models import OptionId, Questionnaire, Slug, Text, localize
from .questionnaire import _pydantic_problems
from .scoring import is_answered, visible_questions
from .special import effective_answer
from .typography import french_ordinal, semicolons
from .yamlio import LineMap, line_for, load_yaml, load_yaml_file

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS_DIR = ROOT / "data" / "benchmarks"

LANGUAGES = ("fr", "de", "en")
DEFAULT_LANGUAGE = "fr"

Kind = Literal["published", "pooled", "estimate"]
Unit = Literal["share", "points", "rank", "among_top", "communes"]
"""``share``: a fraction 0–1, shown as a percentage; ``points``: a mean on a scale 0..``out_of``;
``rank``: a position (1 = first) with no published value; ``among_top``: "one of the top k", the order
not published; ``communes``: a count of communes."""

FigureId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
PLACEHOLDERS = frozenset({"value", "per_ten", "answer", "cite"})
MIN_POOLED_N = 5

Loc = tuple[str | int, ...]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Source(_Strict):
    id: Slug | None = None
    label: str = Field(min_length=1, max_length=300)
    url: str = Field(pattern=r"^https?://[^\s<>\"']+$", max_length=500)
    # extension (optional): the source's title in each language; ``label`` stays the citation as published
    title: Text | None = None

    def name(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The source's title in ``lang`` (its ``label`` when it has no ``title``)."""
        return localize(self.title, lang, DEFAULT_LANGUAGE) if self.title is not None else self.label


class Sentences(_Strict):
    """Sentence templates: ``match`` when the commune belongs to the group the figure counts
    (or always, for a number), ``other`` when it does not."""

    match: Text
    other: Text | None = None


class Figure(_Strict):
    id: FigureId
    label: Text
    kind: Kind
    value: float = Field(allow_inf_nan=False)
    n: int | None = Field(default=None, ge=1)
    unit: Unit
    source: str = Field(min_length=1, max_length=300)
    note: Text | None = None
    method: Text | None = None
    # extensions (optional)
    base: Text | None = None
    out_of: float | None = Field(default=None, gt=0, allow_inf_nan=False)
    question: Slug | None = None
    options: list[OptionId] | None = Field(default=None, min_length=1)
    sentences: Sentences | None = None
    # extensions for a campaign's published aggregates (docs/contract.md §7.3)
    ci_low: float | None = Field(default=None, allow_inf_nan=False)
    ci_high: float | None = Field(default=None, allow_inf_nan=False)
    population: int | None = Field(default=None, ge=1)  # N: the communes of the group in the registry
    group: str | None = Field(default=None, pattern=r"^(wallonia|province:[0-9]{5}|population_class:[a-z0-9_]+)$")
    dimension: Slug | None = None
    weighting: Literal["province", "none"] | None = None
    # a Walloon figure's provinces where no commune answered: outside its population (N without them)
    excluded_provinces: list[Annotated[str, Field(pattern=r"^[0-9]{5}$")]] | None = None


class BenchmarkSet(_Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*$", max_length=80)
    title: Text
    publisher: str = Field(min_length=1, max_length=300)
    year: int = Field(ge=1990, le=2100)
    population: int = Field(ge=1)
    respondents: int = Field(ge=0)
    sources: list[Source] = Field(min_length=1)
    figures: list[Figure]
    note: Text | None = None
    # extensions for a campaign's published aggregates (docs/contract.md §7.3)
    kind: Kind | None = None
    date: _date | None = None
    licence: str | None = Field(default=None, min_length=1, max_length=100)
    method: Text | None = None
    campaign: str | None = Field(default=None, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=80)

    _file: str | None = PrivateAttr(default=None)
    _lines: LineMap = PrivateAttr(default_factory=dict)

    @property
    def file(self) -> str | None:
        return self._file

    def source_of(self, figure: Figure) -> Source | None:
        for src in self.sources:
            if figure.source in (src.id, src.label):
                return src
        return None

    def figure(self, figure_id: str) -> Figure | None:
        return next((f for f in self.figures if f.id == figure_id), None)

    def place(self, loc: Loc) -> tuple[str | None, int | None]:
        return self._file, line_for(self._lines, loc)


# --- loading -----------------------------------------------------------------------------------


def _text_problems(text: Any, loc: Loc) -> list[tuple[Loc, str]]:
    if isinstance(text, str):
        return [] if text.strip() else [(loc, "empty text")]
    out: list[tuple[Loc, str]] = []
    if not str(text.get(DEFAULT_LANGUAGE) or "").strip():
        out.append((loc, f"the default language {DEFAULT_LANGUAGE!r} is missing"))
    for lang in text:
        if lang not in LANGUAGES:
            out.append(((*loc, lang), f"language {lang!r} is not one of {list(LANGUAGES)}"))
    return out


def _template_problems(text: Text, loc: Loc, unit: str) -> list[tuple[Loc, str]]:
    out: list[tuple[Loc, str]] = []
    items = {"": text} if isinstance(text, str) else text
    for lang, template in items.items():
        where = (*loc, lang) if lang else loc
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
        except ValueError as exc:
            out.append((where, f"not a valid sentence template ({exc})"))
            continue
        for name in names:
            if name not in PLACEHOLDERS:
                out.append((where, f"unknown placeholder {{{name}}} (allowed: {', '.join(sorted(PLACEHOLDERS))})"))
            elif name == "per_ten" and unit != "share":
                out.append((where, "{per_ten} is only for a share"))
    return out


def check_set(bset: BenchmarkSet) -> list[tuple[Loc, str]]:
    """Rules that span fields. Returns ``(place, message)`` pairs."""
    problems: list[tuple[Loc, str]] = []
    add = problems.append
    problems += _text_problems(bset.title, ("title",))
    if bset.note is not None:
        problems += _text_problems(bset.note, ("note",))
    if bset.method is not None:
        problems += _text_problems(bset.method, ("method",))
    if bset.respondents > bset.population:
        add((("respondents",), f"more respondents ({bset.respondents}) than the population ({bset.population})"))
    source_ids: dict[str, int] = {}
    for i, src in enumerate(bset.sources):
        if src.id is not None:
            if src.id in source_ids:
                add((("sources", i, "id"), f"duplicate source id {src.id!r} (first at sources[{source_ids[src.id]}])"))
            source_ids.setdefault(src.id, i)
        if src.title is not None:
            problems += _text_problems(src.title, ("sources", i, "title"))
    seen: dict[str, int] = {}
    for i, fig in enumerate(bset.figures):
        loc: Loc = ("figures", i)
        if fig.id in seen:
            add(((*loc, "id"), f"duplicate figure id {fig.id!r} (first at figures[{seen[fig.id]}])"))
        seen.setdefault(fig.id, i)
        if bset.source_of(fig) is None:
            known = [s.id or s.label for s in bset.sources]
            add(((*loc, "source"), f"{fig.source!r} is not one of the set's sources {known}"))
        for key in ("label", "note", "method", "base"):
            value = getattr(fig, key)
            if value is not None:
                problems += _text_problems(value, (*loc, key))
        if fig.kind == "estimate" and fig.method is None:
            add(((*loc, "method"), "an estimate carries a method (a text saying how it was derived)"))
        if fig.kind != "estimate" and fig.method is not None:
            add(((*loc, "method"), f"only an estimate carries a method (this figure is {fig.kind!r})"))
        if fig.kind == "pooled" and (fig.n is None or fig.n < MIN_POOLED_N):
            add(((*loc, "n"), f"a pooled figure needs n >= {MIN_POOLED_N} communes"))
        if fig.unit == "share" and not 0 <= fig.value <= 1:
            add(((*loc, "value"), f"a share is a fraction between 0 and 1 (got {fig.value:g}; 60\u00a0% is 0.60)"))
        if fig.unit == "points":
            if fig.out_of is None:
                add(((*loc, "out_of"), "a 'points' figure says the top of its scale (out_of)"))
            elif not 0 <= fig.value <= fig.out_of:
                add(((*loc, "value"), f"the value is outside 0..{fig.out_of:g}"))
        elif fig.out_of is not None:
            add(((*loc, "out_of"), "out_of is only for a 'points' figure"))
        if fig.unit in {"rank", "among_top", "communes"} and (fig.value != int(fig.value) or fig.value < (
                0 if fig.unit == "communes" else 1)):
            add(((*loc, "value"), f"a {fig.unit!r} value is a whole number of at least 1"))
        if fig.n is not None and fig.n > bset.population:
            add(((*loc, "n"), f"n ({fig.n}) is above the population ({bset.population})"))
        if fig.options is not None and fig.unit in {"points", "communes"}:
            add(((*loc, "options"), f"options say which answers the figure counts; a {fig.unit!r} figure has none"))
        if fig.ci_low is not None or fig.ci_high is not None:
            if fig.kind == "published":
                add(((*loc, "ci_low"), "an interval is for a pooled figure or an estimate, not a published one"))
            elif fig.ci_low is None or fig.ci_high is None:
                add(((*loc, "ci_low"), "an interval gives both ci_low and ci_high"))
            elif not fig.ci_low <= fig.value <= fig.ci_high:
                add(((*loc, "ci_low"), f"the interval [{fig.ci_low:g}, {fig.ci_high:g}] does not hold the value "
                                       f"{fig.value:g}"))
        if fig.population is not None and fig.n is not None and fig.n > fig.population:
            add(((*loc, "n"), f"n ({fig.n}) is above the group's number of communes ({fig.population})"))
        if fig.sentences is not None:
            for key in ("match", "other"):
                template = getattr(fig.sentences, key)
                if template is not None:
                    problems += _text_problems(template, (*loc, "sentences", key))
                    problems += _template_problems(template, (*loc, "sentences", key), fig.unit)
    return problems


def benchmark_set_from_data(data: Any, lines: LineMap | None = None, name: str = "<benchmarks>") -> BenchmarkSet:
    lines = lines or {}
    if not isinstance(data, dict):
        raise InvalidInput([Problem("a benchmark file is a YAML mapping (id, title, year, sources, figures, ...)",
                                    file=name, line=1)])
    try:
        bset = BenchmarkSet.model_validate(data)
    except ValidationError as exc:
        raise InvalidInput(_pydantic_problems(exc, data, lines, name)) from None
    bset._file, bset._lines = name, lines
    found = check_set(bset)
    if found:
        raise InvalidInput([Problem(m, path=format_path(loc), file=name, line=line_for(lines, loc)) for loc, m in found])
    return bset


def load_benchmark_set(path: Path | str) -> BenchmarkSet:
    path = Path(path)
    data, lines = load_yaml_file(path)
    return benchmark_set_from_data(data, lines, str(path))


def parse_benchmark_set(text: str, name: str = "<benchmarks>") -> BenchmarkSet:
    data, lines = load_yaml(text, name)
    return benchmark_set_from_data(data, lines, name)


def benchmark_files(directory: Path | str = BENCHMARKS_DIR) -> list[Path]:
    return sorted(Path(directory).glob("*.yaml"))


def load_benchmark_sets(directory: Path | str = BENCHMARKS_DIR, files: Iterable[Path | str] | None = None
                        ) -> list[BenchmarkSet]:
    """Every benchmark set of ``directory`` (or of ``files``), oldest first. All problems of all files
    are raised together; two sets may not share an id, nor give the same figure id for the same year."""
    paths = [Path(p) for p in files] if files is not None else benchmark_files(directory)
    problems: list[Problem] = []
    sets: list[BenchmarkSet] = []
    for path in paths:
        try:
            sets.append(load_benchmark_set(path))
        except InvalidInput as exc:
            problems += exc.problems
    by_id: dict[str, BenchmarkSet] = {}
    by_year: dict[tuple[str, int], BenchmarkSet] = {}
    for bset in sets:
        if bset.id in by_id:
            problems.append(Problem(f"duplicate benchmark set id {bset.id!r} (also in {by_id[bset.id].file})",
                                    path="id", file=bset.file, line=line_for(bset._lines, ("id",))))
        by_id.setdefault(bset.id, bset)
        for i, fig in enumerate(bset.figures):
            key = (fig.id, bset.year)
            if key in by_year and by_year[key] is not bset:
                problems.append(Problem(
                    f"figure {fig.id!r} for {bset.year} is also given by {by_year[key].file}",
                    path=f"figures[{i}].id", file=bset.file, line=line_for(bset._lines, ("figures", i, "id"))))
            by_year.setdefault(key, bset)
    if problems:
        raise InvalidInput(problems)
    return sorted(sets, key=lambda s: (s.year, s.id))


def figure_ids(sets: Iterable[BenchmarkSet]) -> set[str]:
    return {f.id for s in sets for f in s.figures}


# --- a figure with its provenance ----------------------------------------------------------------

# the one catalog of a figure's kind in words: the app's table of figures, the sheet's sources and every
# citation read it (FigureRef.kind_text); the CLI's table keeps one word each for its narrow column
_KIND_WORDS = {
    "published": {"fr": "chiffre publié", "de": "veröffentlichte Zahl", "en": "published figure"},
    "pooled": {"fr": "auto-évaluations mises en commun", "de": "zusammengeführte Selbstbewertungen",
               "en": "pooled self-assessments"},
    "estimate": {"fr": "estimation, pas une mesure", "de": "Schätzung, keine Messung",
                 "en": "estimate, not a measurement"},
}
# "veröffentlichte Zahl, Zahl nicht veröffentlicht" read as a contradiction on a German sheet: what is not
# published is how many communes the figure counts
_NO_N = {"fr": "effectif non publié", "de": "Gemeindezahl nicht angegeben", "en": "size not published"}
_BASE = {"fr": "base : {base}", "de": "Basis: {base}", "en": "base: {base}"}  # localize(): French's no-break space
# no parenthesis of its own: a citation sits in one (« (Baromètre …, chiffre publié, 113 communes répondantes sur
# 262) »), where « communes répondantes (113 sur 262) » put a parenthesis inside another (team trial)
_RESPONDENTS = {"fr": "{n} communes répondantes sur {population}", "de": "{n} antwortende Gemeinden von {population}",
                "en": "{n} responding communes of {population}"}
# the earlier editions of a figure, as a clause ending its sentence: "; 38 % en 2018" (app and sheet)
_TREND_EDITION = {"fr": "{value} en {year}", "de": "{year}: {value}", "en": "{value} in {year}"}
# a mean on a scale, as a sentence says it ("4,31 sur 10"), where a table or a label writes "4,31 / 10"
_OUT_OF = {"fr": "{value} sur {top}", "de": "{value} von {top}", "en": "{value} out of {top}"}


def _lang(lang: str) -> str:
    return lang if lang in display.LOCALES else DEFAULT_LANGUAGE


def ordinal(k: int, lang: str) -> str:
    lang = _lang(lang)
    if lang == "fr":
        return french_ordinal(k)
    if lang == "de":
        return f"{k}."
    suffix = "th" if 10 <= k % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(k % 10, "th")
    return f"{k}{suffix}"


# "one of the 2 main triggers" reads "one of the two": a small count in a sentence is written in words
_SMALL_COUNTS = {
    "fr": ("deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix"),
    "de": ("zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn"),
    "en": ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
}


def count_in_words(k: int, lang: str) -> str:
    """A count of 2 to 10 in words, as a sentence writes it (« l'un des deux principaux déclencheurs »);
    any other in figures."""
    return _SMALL_COUNTS[_lang(lang)][k - 2] if 2 <= k <= 10 else format_number(k, lang)


def format_share(value: float, lang: str) -> str:
    """A fraction as a localized percentage: 0.6 -> "60 %" (fr, de), "60%" (en); 0.625 -> "62,5 %"."""
    return display.format_percent(value, lang, digits=1)


def format_number(value: float, lang: str) -> str:
    """A figure as published: up to three decimals, none when whole (4.31, 113)."""
    return display.format_number(value, _lang(lang), 3, trim=True)


def format_figure_value(value: float, unit: str, lang: str, out_of: float | None = None) -> str:
    """A figure's value as a reader sees it: 60 %, 4,31 / 10, 3ᵉ, ..."""
    if unit == "share":
        return format_share(value, lang)
    if unit == "rank":
        return ordinal(int(value), lang)
    if unit in {"among_top", "communes"}:
        return format_number(int(value), lang)
    return format_number(value, lang)


@dataclass(frozen=True)
class FigureRef:
    """A figure with the set it comes from: everything needed to show it honestly."""

    figure: Figure
    set: BenchmarkSet

    @property
    def id(self) -> str:
        return self.figure.id

    @property
    def kind(self) -> str:
        return self.figure.kind

    @property
    def value(self) -> float:
        return self.figure.value

    @property
    def unit(self) -> str:
        return self.figure.unit

    @property
    def n(self) -> int | None:
        return self.figure.n

    @property
    def year(self) -> int:
        return self.set.year

    @property
    def source(self) -> Source:
        src = self.set.source_of(self.figure)
        assert src is not None  # checked when loading
        return src

    def title(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return localize(self.set.title, _lang(lang))

    def label(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return localize(self.figure.label, _lang(lang))

    def formatted(self, lang: str = DEFAULT_LANGUAGE) -> str:
        text = format_figure_value(self.value, self.unit, lang, self.figure.out_of)
        if self.unit == "among_top":
            text = {"fr": "top {k}", "de": "Top {k}", "en": "top {k}"}[_lang(lang)].format(k=text)
        if self.unit == "points" and self.figure.out_of is not None:
            text += f" / {format_number(self.figure.out_of, lang)}"
        return text

    def spoken(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The value as a sentence says it: "4,31 sur 10" for a mean on a scale (the barometer's sentences
        write their own value so: "… à 4,31 sur 10 ; 3,67 sur 10 en 2018", not "3,67 / 10"), else
        :meth:`formatted`."""
        if self.unit == "points" and self.figure.out_of is not None:
            return _OUT_OF[_lang(lang)].format(value=format_number(self.value, lang),
                                               top=format_number(self.figure.out_of, lang))
        return self.formatted(lang)

    def n_text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """n, said as what it counts: "113 communes répondantes sur 262" when the base is the study's
        respondents, else the number; or that it was not published (with the group the share is of)."""
        lang = _lang(lang)
        if self.of_respondents:
            return self.base_text(lang)
        if self.n is not None:
            return format_number(self.n, lang)
        if self.figure.base is not None:
            return f"{_NO_N[lang]} ({localize(_BASE, lang).format(base=localize(self.figure.base, lang))})"
        return _NO_N[lang]

    @property
    def of_respondents(self) -> bool:
        """The figure counts every commune that answered the study (n = its respondents)."""
        return self.n is not None and self.n == self.set.respondents and self.set.population > self.n

    def base_text(self, lang: str = DEFAULT_LANGUAGE, *, with_base: bool = True) -> str:
        """What the figure is computed on: "113 communes répondantes sur 262" when the base is the
        study's respondents, "n = 40" for another published size, else "base : communes engagées dans une
        démarche, effectif non publié" (``with_base=False``: the size alone, for a line that stands for
        several figures whose sentences each say their group)."""
        lang = _lang(lang)
        if self.of_respondents:
            return _RESPONDENTS[lang].format(n=format_number(self.n, lang),
                                             population=format_number(self.set.population, lang))
        if self.n is not None:
            return f"n = {format_number(self.n, lang)}"
        if with_base and self.figure.base is not None:
            return f"{localize(_BASE, lang).format(base=localize(self.figure.base, lang))}, {_NO_N[lang]}"
        return _NO_N[lang]

    def kind_text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """"chiffre publié", "auto-évaluations mises en commun", "estimation, pas une mesure"; a campaign's
        published figure (its set names the campaign): "estimation de campagne (intervalle à 95 %)", as the radar's
        table says it."""
        if self.kind == "pooled" and self.set.campaign:
            from .labels import FIGURE_WORDS

            return FIGURE_WORDS["campaign_estimate"][_lang(lang)]
        return _KIND_WORDS[self.kind][_lang(lang)]

    def cite(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """Study, kind and base: "Baromètre wallon Smart City 2021, chiffre publié, 113 communes
        répondantes sur 262" when the base is the study's respondents, else "…, n = 40" (:meth:`base_text`)."""
        lang = _lang(lang)
        return ", ".join((self.title(lang), self.kind_text(lang), self.base_text(lang)))


def find_figure(sets: Iterable[BenchmarkSet], figure_id: str, year: int | None = None) -> FigureRef | None:
    """The figure ``figure_id`` of ``year``, or of the most recent set that has it."""
    best: FigureRef | None = None
    for bset in sets:
        if year is not None and bset.year != year:
            continue
        fig = bset.figure(figure_id)
        if fig is not None and (best is None or bset.year > best.year):
            best = FigureRef(fig, bset)
    return best


def trend(sets: Iterable[BenchmarkSet], figure_id: str) -> list[FigureRef]:
    """Every edition's value of one figure, oldest first (for a trend line)."""
    refs = [FigureRef(f, s) for s in sets for f in s.figures if f.id == figure_id]
    return sorted(refs, key=lambda r: r.year)


# what a comparison with a survey's respondents means, said once above its sentences (the results page and the
# sheet): its figures describe the communes that answered it, that year, not every commune today (expert review:
# « comme 84 % des communes répondantes » alone read as where Wallonia stands now)
_SCOPE = {
    "fr": "Ces chiffres viennent des {n} communes sur {population} qui ont répondu en {year}, pas de toute la Wallonie "
          "d'aujourd'hui.",
    "de": "Diese Zahlen stammen von den {n} von {population} Gemeinden, die {year} geantwortet haben, nicht von der "
          "ganzen Wallonie von heute.",
    "en": "These figures come from the {n} of {population} communes that answered in {year}, not from the whole of "
          "Wallonia today.",
}


def scope_note(found: Iterable[Comparison], lang: str = DEFAULT_LANGUAGE) -> str:
    """Where the compared figures come from, said once above their sentences: "Ces chiffres viennent des 113
    communes sur 262 qui ont répondu en 2021, pas de toute la Wallonie d'aujourd'hui.", for each published
    survey the sentences compare with (its respondents, its population, its year; the earlier editions of a
    trend are said with their own year in the sentence), "" when none. A campaign's estimates say their n and
    interval themselves. One line on the sheet: a longer one tipped its tightest layouts."""
    lang = _lang(lang)
    surveys = {c.figure.set.id: c.figure.set for c in found if c.figure.kind == "published"}
    return " ".join(_SCOPE[lang].format(n=format_number(s.respondents, lang),
                                        population=format_number(s.population, lang), year=s.year)
                    for s in sorted(surveys.values(), key=lambda s: s.year))


def trend_clause(refs: Iterable[FigureRef], lang: str = DEFAULT_LANGUAGE,
                 mark: Callable[[FigureRef], str] | None = None) -> str:
    """Earlier editions of a figure as a short clause, oldest first: "38 % en 2018", "3,67 sur 10 en 2018
    et 3 sur 10 en 2020"; "" for none. ``mark(ref)`` is written after each value (the sheet's source
    number, " [8]")."""
    lang = _lang(lang)
    items = [_TREND_EDITION[lang].format(value=r.spoken(lang), year=r.year) + (mark(r) if mark else "")
             for r in refs]
    return join_and(items, lang)  # « et » before the last, not a comma alone: a value may hold one ("3,67 sur 10")


def with_clause(sentence: str, clause: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """``sentence`` with ``clause`` after a semicolon before its final full stop: "…, comme 49 % des
    communes wallonnes ; 38 % en 2018." (French puts a space before the semicolon)."""
    if not clause:
        return sentence
    body = sentence.rstrip()
    end = "." if body.endswith(".") else ""
    return semicolons([body.removesuffix("."), clause], _lang(lang)) + end  # French: a no-break space before it


def link_problems(questionnaire: Questionnaire, sets: Iterable[BenchmarkSet]) -> list[Problem]:
    """Figures whose ``question``/``options`` do not fit the questionnaire (for ``maturity validate``).
    A figure naming a question the questionnaire lacks is a warning (another questionnaire may use it);
    an option the question does not have is an error."""
    problems: list[Problem] = []
    for bset in sets:
        for i, fig in enumerate(bset.figures):
            if fig.question is None:
                continue
            loc: Loc = ("figures", i, "question")
            target = questionnaire.question(fig.question)
            if target is None:
                file, line = bset.place(loc)
                problems.append(Problem(f"question {fig.question!r} is not in questionnaire {questionnaire.id!r}",
                                        path=format_path(loc), file=file, line=line, severity="warning"))
                continue
            allowed = target.option_ids or (["yes", "no"] if target.type == "boolean" else [])
            for j, option in enumerate(fig.options or ()):
                if option not in allowed:
                    oloc: Loc = ("figures", i, "options", j)
                    file, line = bset.place(oloc)
                    problems.append(Problem(f"{option!r} is not an option of question {fig.question!r}",
                                            path=format_path(oloc), file=file, line=line))
    return problems


# --- comparisons -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Comparison:
    """One sentence comparing the commune with a benchmark figure, and the figure itself."""

    question: str
    figure: FigureRef
    text: str
    lang: str
    matches: bool | None  # in the group the figure counts? None for a number
    trend: tuple[FigureRef, ...] = ()  # the same figure in every edition that has it, oldest first
    campaign: FigureRef | None = None  # the imported campaign's estimate of the same figure (``item.ID``)

    @property
    def earlier(self) -> tuple[FigureRef, ...]:
        """The editions before the compared one that published the same figure, oldest first."""
        return tuple(r for r in self.trend if r.year < self.figure.year)

    def with_trend(self, text: str | None = None, mark: Callable[[FigureRef], str] | None = None,
                   campaign_mark: str = "") -> str:
        """The sentence (``text``, by default this comparison's) with the earlier editions' figures as a
        clause before its full stop: "…, comme 49 % des communes répondantes ; 38 % en 2018.", then the
        imported campaign's estimate of the same figure when there is one: "Campagne 2026 : 48 % (38–59 %),
        n = 63." The one wording, for the app and the sheet; ``mark`` as in :func:`trend_clause`,
        ``campaign_mark`` written after the campaign's figure (the sheet's source number, " [1]")."""
        out = with_clause(self.text if text is None else text, trend_clause(self.earlier, self.lang, mark), self.lang)
        said = self.campaign_text(campaign_mark)
        return f"{out} {said}" if said else out

    def campaign_text(self, mark: str = "") -> str:
        """The campaign's estimate of the compared figure, with its 95 % interval and n: "Campagne 2026 :
        48 % (38–59 %), n = 63." ("" when no campaign is imported or it does not publish the figure)."""
        cited = self.campaign is not None and self.campaign.unit != self.figure.unit
        return campaign_sentence(self.campaign, self.lang, mark, cited=cited)

    @property
    def kind(self) -> str:
        return self.figure.kind

    @property
    def year(self) -> int:
        return self.figure.year

    @property
    def n(self) -> int | None:
        return self.figure.n

    @property
    def source(self) -> Source:
        return self.figure.source


# a year a title names: 1990 to 2099 (a set's year), not inside a longer number ("262", "12026")
_TITLE_YEAR = re.compile(r"(?<![0-9])(?:199[0-9]|20[0-9]{2})(?![0-9])")


def title_year(title: str) -> int | None:
    """The year a campaign's title names, when it names one and only one ("Baromètre Smart City 2027" ->
    2027; "Baromètre 2026-2027", "Baromètre Smart City" -> None)."""
    years = set(_TITLE_YEAR.findall(title or ""))
    return int(years.pop()) if len(years) == 1 else None


def campaign_year(campaign: BenchmarkSet) -> int:
    """The year a campaign is named by ("Campagne 2027 : 48 %", the obstacles table's « campagne 2027 »
    column): the year its title names, when it names one and only one, so that « Baromètre 2027 »
    answered in the autumn of 2026 is never « campagne 2026 » beside its own title; else the set's
    ``year``, which a publication writes as the campaign's (:func:`maturity.aggregates.aggregates_set`:
    the year its communes answered, its closing year; files published before said the year they were
    published, and are named by it as before). docs/contract.md §7.3."""
    return title_year(localize(campaign.title, "fr")) or campaign.year


# "n = 63" joined by no-break spaces: a phone's column broke it as "n =" / "63."
_CAMPAIGN_SENTENCE = {
    "fr": "Campagne {year} : {value}, n\u00a0=\u00a0{n}{mark}.",
    "de": "Kampagne {year}: {value}, n\u00a0=\u00a0{n}{mark}.",
    "en": "{year} campaign: {value}, n\u00a0=\u00a0{n}{mark}.",
}
# an obstacle the barometer ranked (no share published): the campaign's share says what it counts
_CAMPAIGN_CITED = {
    "fr": "Campagne {year} : {value} des communes le citent, n\u00a0=\u00a0{n}{mark}.",
    "de": "Kampagne {year}: {value} der Gemeinden nennen es, n\u00a0=\u00a0{n}{mark}.",
    "en": "{year} campaign: {value} of communes cite it, n\u00a0=\u00a0{n}{mark}.",
}


def estimate_digits(unit: str, out_of: float | None = None) -> int:
    """The decimals of a campaign's estimate wherever a person reads it (the pages, the sheet, the campaign
    report): none for a score on 0–100 or a share (whole percent), one for the mean of a 0–10 scale, whose
    95 % interval is under a point wide on each side (whole numbers would write 4.89 (4.50–5.28) as "5")."""
    return 1 if unit == "points" and (out_of or 100) <= 10 else 0


def campaign_sentence(ref: FigureRef | None, lang: str = DEFAULT_LANGUAGE, mark: str = "", *, cited: bool = False
                      ) -> str:
    """A campaign's estimate as one short sentence: its value with its 95 % interval (the obstacles table's
    form) and n, "Campagne 2026 : 48 % (38–59 %), n = 63." or "Campagne 2026 : 4,3 / 10 (3,9–4,7), n = 40."
    ("" for None). The year is the campaign's (:func:`campaign_year`), as the obstacles table's column says it. ``cited``: the share
    of communes citing an obstacle, said so ("… des communes le citent"), beside a barometer's rank."""
    if ref is None:
        return ""
    lang = _lang(lang)
    fig = ref.figure
    band = (fig.ci_low, fig.ci_high) if fig.ci_low is not None and fig.ci_high is not None else None
    if fig.unit == "share":
        value = display.format_estimate(fig.value, band, lang, percent=True)
    else:
        digits = estimate_digits(fig.unit, fig.out_of)
        value = display.format_estimate(fig.value, band, lang, digits)
        if fig.unit == "points" and fig.out_of is not None:
            shown = display.format_number(fig.value, lang, digits)
            value = value.replace(shown, f"{shown} / {format_number(fig.out_of, lang)}", 1)
    year = campaign_year(ref.set)
    n = format_number(fig.n, lang) if fig.n is not None else "—"
    # French: a no-break space before its colon (localize), where « Campagne 2026 » could end a line and « : 48 % »
    # start the next
    return localize(_CAMPAIGN_CITED if cited else _CAMPAIGN_SENTENCE, lang).format(year=year, value=value, n=n,
                                                                                   mark=mark)


def campaign_figure(campaign: BenchmarkSet | None, figure: Figure, obstacle: bool = False) -> FigureRef | None:
    """The imported campaign's estimate of a barometer figure: its ``item.<figure id>``, in the same unit
    (a campaign counts the same answers of the same question); for an ``obstacle`` the barometer ranked,
    the campaign's share of communes citing it (the ``item.*`` share on the same question); else None."""
    if campaign is None:
        return None
    fig = campaign.figure(f"item.{figure.id}")
    if fig is None or fig.unit != figure.unit:
        fig = None
        if obstacle and figure.question is not None:
            fig = next((f for f in campaign.figures if f.id.startswith("item.") and f.question == figure.question
                        and f.unit == "share"), None)
    if fig is None or fig.kind != "pooled":
        return None
    return FigureRef(fig, campaign)


_FALLBACK = {
    "fr": "Votre réponse : {answer}. {label} : {value} ({cite}).",
    "de": "Ihre Antwort: {answer}. {label}: {value} ({cite}).",
    "en": "Your answer: {answer}. {label}: {value} ({cite}).",
}


# the order a reader of « Votre commune et le baromètre wallon » expects, on the results page and the sheet
# alike: the commune's profile first (its approach, the concept, what started it, its topics, the Smart
# Region), then its obstacles (the questionnaire asks them before the profile)
READING_ORDER = ("profile", "obstacles")


def _linked(questionnaire: Questionnaire, sets: list[BenchmarkSet], year: int | None) -> list[tuple[str, str, str]]:
    """``(section kind, question id, figure id)`` for every link, in the reading order (:data:`READING_ORDER`:
    the profile's questions, then the obstacles, each in the questionnaire's order): a question's
    ``benchmark`` first, then the figures that name the question in their ``question`` field."""
    by_question: dict[str, list[str]] = {}
    for bset in sets:
        if year is not None and bset.year != year:
            continue
        for fig in bset.figures:
            if fig.question is not None and fig.id not in by_question.setdefault(fig.question, []):
                by_question[fig.question].append(fig.id)
    out = []
    sections = sorted((s for s in questionnaire.sections if s.kind in READING_ORDER),
                      key=lambda s: READING_ORDER.index(s.kind))  # stable: the questionnaire's order within a kind
    for section in sections:
        for q in section.questions:
            ids = ([q.benchmark] if q.benchmark else []) + by_question.get(q.id, [])
            seen: set[str] = set()
            for fid in ids:
                if fid not in seen:
                    seen.add(fid)
                    out.append((section.kind, q.id, fid))
    return out


def comparisons(
    questionnaire: Questionnaire,
    answers: Mapping[str, Any],
    assessment: Any,
    sets: Iterable[BenchmarkSet],
    lang: str = DEFAULT_LANGUAGE,
    year: int | None = None,
    campaign: BenchmarkSet | None = None,
) -> list[Comparison]:
    """A plain sentence for every profile question and obstacle linked to a figure and answered, in the
    reading order (:data:`READING_ORDER`), which the results page and the sheet keep.

    ``answers`` maps question ids to values (contract §2); ``assessment`` is the result of
    :func:`maturity.scoring.score` (only ``assessment.obstacles[id].severity`` / ``.cited`` are read).
    Hidden, unanswered, ``"na"`` and ``"unknown"`` questions give no sentence; neither does a figure
    with no sentence for the commune's case (e.g. "initiated by a mayor" when it was an alderman).
    ``year`` picks an edition; by default each figure's most recent one. ``campaign``: an imported
    campaign's published set (``CampaignReference.set``); each comparison then carries the campaign's
    estimate of the same figure, when it publishes one (:meth:`Comparison.with_trend` says it).
    """
    lang = _lang(lang)
    sets = list(sets)
    shown = visible_questions(questionnaire, answers)
    obstacles = getattr(assessment, "obstacles", None) or {}
    out: list[Comparison] = []
    for section_kind, qid, fid in _linked(questionnaire, sets, year):
        ref = find_figure(sets, fid, year)
        question = questionnaire.question(qid)
        if ref is None or question is None or qid not in shown:
            continue
        answer = effective_answer(answers.get(qid))  # « none » beside other options is those options
        fig = ref.figure
        if section_kind == "obstacles":
            result = obstacles.get(qid)
            if result is None or result.severity is None:
                continue
            matches: bool | None = bool(result.cited)
        else:
            if not is_answered(answer):
                continue
            if question.type == "number":
                if isinstance(answer, bool) or not isinstance(answer, int | float):
                    continue
                matches = None
            elif fig.options is not None:
                chosen = answer if isinstance(answer, list) else [answer]
                matches = any(c in fig.options for c in chosen)
            else:
                matches = None
        values = {
            "value": count_in_words(int(fig.value), lang) if fig.unit == "among_top"
            else format_figure_value(fig.value, fig.unit, lang, fig.out_of),
            "per_ten": display.format_number(fig.value * 10, lang) if fig.unit == "share" else "",
            "answer": answer_words(questionnaire, question, answer, lang) if section_kind != "obstacles" else "",
            "cite": ref.cite(lang),
        }
        if fig.sentences is None:
            text = localize(_FALLBACK, lang).format(label=ref.label(lang), value=ref.formatted(lang),
                                          cite=values["cite"], answer=values["answer"]
                                          or answer_words(questionnaire, question, answer, lang))
        else:
            template = _template(fig, matches is not False, lang)
            if not template:
                continue
            text = template.format(**values)
        editions = tuple(trend(sets, fid)) if year is None else ()
        out.append(Comparison(question=qid, figure=ref, text=text, lang=lang, matches=matches,
                              trend=editions if len(editions) > 1 else (), campaign=campaign_figure(campaign, fig, section_kind == "obstacles")))
    return out


def _template(fig: Figure, match: bool, lang: str) -> str:
    if fig.sentences is None:
        return ""
    template = fig.sentences.match if match else fig.sentences.other
    return localize(template, lang, DEFAULT_LANGUAGE) if template is not None else ""

