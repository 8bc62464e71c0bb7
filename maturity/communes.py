"""The 262 Walloon communes (as in the 2021 barometer) and their peer groups.

Source: Statbel REFNIS 2019 codes and population on 1 January 2020 (see ``data/README.md``).
Population classes for peer groups, chosen so that every class holds enough
communes to pool (n >= 5) and so that the nine cities above 50,000 inhabitants,
whose means differ from a village's, form their own group:

=================  ==========  =========
class id           population  communes
=================  ==========  =========
``lt5k``            < 5,000        57
``5k_10k``          5,000–9,999    92
``10k_20k``        10,000–19,999   74
``20k_50k``        20,000–49,999   30
``50k_plus``       >= 50,000        9
=================  ==========  =========
"""

from __future__ import annotations

import csv
import difflib
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COMMUNES_CSV = DATA_DIR / "communes.csv"
CHANGES_YAML = DATA_DIR / "communes-changes.yaml"

POPULATION_CLASSES: tuple[tuple[str, int, int | None], ...] = (
    ("lt5k", 0, 5_000),
    ("5k_10k", 5_000, 10_000),
    ("10k_20k", 10_000, 20_000),
    ("20k_50k", 20_000, 50_000),
    ("50k_plus", 50_000, None),
)
POPULATION_CLASS_LABELS = {
    "lt5k": {"fr": "moins de 5\u202f000 habitants", "de": "unter 5.000 Einwohner", "en": "under 5,000 inhabitants"},
    "5k_10k": {"fr": "5\u202f000 à 9\u202f999 habitants", "de": "5.000 bis 9.999 Einwohner", "en": "5,000 to 9,999 inhabitants"},
    "10k_20k": {"fr": "10\u202f000 à 19\u202f999 habitants", "de": "10.000 bis 19.999 Einwohner", "en": "10,000 to 19,999 inhabitants"},
    "20k_50k": {"fr": "20\u202f000 à 49\u202f999 habitants", "de": "20.000 bis 49.999 Einwohner", "en": "20,000 to 49,999 inhabitants"},
    "50k_plus": {"fr": "50\u202f000 habitants et plus", "de": "50.000 Einwohner und mehr", "en": "50,000 inhabitants or more"},
}
PROVINCES = {
    "20002": "Brabant wallon",
    "50000": "Hainaut",
    "60000": "Liège",
    "80000": "Luxembourg",
    "90000": "Namur",
}
PROVINCE_NAMES = {
    "20002": {"fr": "Brabant wallon", "de": "Wallonisch-Brabant", "en": "Walloon Brabant"},
    "50000": {"fr": "Hainaut", "de": "Hennegau", "en": "Hainaut"},
    "60000": {"fr": "Liège", "de": "Lüttich", "en": "Liège"},
    "80000": {"fr": "Luxembourg", "de": "Luxemburg", "en": "Luxembourg"},
    "90000": {"fr": "Namur", "de": "Namur", "en": "Namur"},
}


def province_name(province_nis: str, lang: str = "fr") -> str:
    names = PROVINCE_NAMES.get(province_nis)
    return (names.get(lang) or names["fr"]) if names else PROVINCES.get(province_nis, province_nis)


# Since the 2024 local elections Bastogne and Bertogne form one commune (261 communes today).
MERGED_2025 = {"82003": "Bastogne", "82005": "Bastogne"}
MERGER_NOTE = {
    "fr": "Depuis les élections communales de 2024, Bastogne et Bertogne forment une seule commune : "
    "la Wallonie compte 261 communes. La liste suit les 262 communes du baromètre 2021.",
    "de": "Seit den Gemeindewahlen 2024 bilden Bastogne und Bertogne eine Gemeinde: Die Wallonie zählt "
    "261 Gemeinden. Die Liste folgt den 262 Gemeinden des Barometers 2021.",
    "en": "Since the 2024 local elections Bastogne and Bertogne form one commune: Wallonia has 261 "
    "communes. The list follows the 262 communes of the 2021 barometer.",
}


def population_class(population: int) -> str:
    for class_id, low, high in POPULATION_CLASSES:
        if population >= low and (high is None or population < high):
            return class_id
    raise ValueError(population)  # pragma: no cover - classes cover every integer >= 0


@dataclass(frozen=True, slots=True)
class Commune:
    nis_code: str
    name_fr: str
    name_nl: str
    language: str  # "F" or "D" (German-speaking)
    arrondissement: str
    province_nis: str
    population: int

    @property
    def province(self) -> str:
        return PROVINCES.get(self.province_nis, self.province_nis)

    def province_name(self, lang: str = "fr") -> str:
        return province_name(self.province_nis, lang)

    @property
    def name_de(self) -> str | None:
        return self.name_nl if self.language == "D" else None

    @property
    def population_class(self) -> str:
        return population_class(self.population)

    @property
    def display_name(self) -> str:
        """The official name; the German one first for the German-speaking communes."""
        if self.language == "D" and self.name_nl != self.name_fr:
            return f"{self.name_nl} ({self.name_fr})"
        return self.name_fr

    def name(self, lang: str = "fr") -> str:
        return self.name_nl if (lang == "de" and self.language == "D") else self.name_fr


@cache
def communes(path: Path = COMMUNES_CSV) -> dict[str, Commune]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = {}
    for row in rows:
        out[row["nis_code"]] = Commune(
            nis_code=row["nis_code"],
            name_fr=row["name_fr"],
            name_nl=row["name_nl"],
            language=row["language"],
            arrondissement=row["arrondissement_fr"].removeprefix("Arrondissement de ").removeprefix("Arrondissement d'"),
            province_nis=row["province_nis"],
            population=int(row["population_2020"]),
        )
    return out


def get(nis_code: str | None) -> Commune | None:
    """The commune of a NIS code: one of the 262 of 2021, or a commune created since (a merger)."""
    if not nis_code:
        return None
    code = str(nis_code)
    found = communes().get(code)
    if found is None:
        found = next((m.commune for m in mergers() if m.commune.nis_code == code), None)
    return found


# --- the registry with dates ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Merger:
    """Communes ``merged`` cease to exist on ``effective``; ``commune`` exists from that day."""

    effective: date
    merged: tuple[str, ...]
    commune: Commune
    note: str = ""
    sources: tuple[str, ...] = ()


def _day(value: date | datetime | str | None) -> date:
    if value is None:
        return date.today()
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value).strip()[:10])


@cache
def mergers(path: Path = CHANGES_YAML) -> tuple[Merger, ...]:
    """The mergers of ``data/communes-changes.yaml``, oldest first (read with the safe YAML reader)."""
    from .yamlio import load_yaml_file

    data, _ = load_yaml_file(path)
    out = []
    for change in data.get("changes") or []:
        to = change["to"]
        commune = Commune(
            nis_code=str(to["nis_code"]),
            name_fr=to["name_fr"],
            name_nl=to["name_nl"],
            language=to["language"],
            arrondissement=to["arrondissement_fr"].removeprefix("Arrondissement de ").removeprefix("Arrondissement d'"),
            province_nis=str(to["province_nis"]),
            population=int(to["population_2020"]),
        )
        sources = tuple(f"{s['label']} ({s['url']})" if s.get("url") else s["label"] for s in change.get("sources") or [])
        out.append(Merger(_day(change["date"]), tuple(str(c) for c in change["from"]), commune,
                          " ".join(str(change.get("note") or "").split()), sources))
    return tuple(sorted(out, key=lambda m: m.effective))


def registry_at(when: date | datetime | str | None = None) -> list[Commune]:
    """The Walloon communes that exist on ``when`` (default: today), by NIS code.

    262 before 2 December 2024 (the communes of the 2021 barometer), 261 from that day (Bastogne and
    Bertogne merged). Population and province of a merged commune are the sum and the province of
    the communes it replaces (``data/communes-changes.yaml``)."""
    day = _day(when)
    current = dict(communes())
    for merger in mergers():
        if merger.effective <= day:
            for old in merger.merged:
                current.pop(old, None)
            current[merger.commune.nis_code] = merger.commune
    return [current[k] for k in sorted(current)]


def successor_at(nis_code: str, when: date | datetime | str | None = None) -> Commune | None:
    """The commune that holds the territory of ``nis_code`` on ``when``: the commune itself while it
    exists, the merged commune after a merger (82003 -> 82039 from 2 December 2024). None for a code
    that is not Walloon, or for a merged commune asked before it existed."""
    day = _day(when)
    code = str(nis_code)
    for merger in mergers():
        if merger.effective <= day and code in merger.merged:
            code = merger.commune.nis_code
    known = {c.nis_code: c for c in registry_at(day)}
    return known.get(code)


def province_sizes(registry: list[Commune]) -> dict[str, int]:
    """N_h: the number of communes of each province in a registry (every Walloon province, even at 0)."""
    sizes = dict.fromkeys(PROVINCES, 0)
    for commune in registry:
        sizes[commune.province_nis] = sizes.get(commune.province_nis, 0) + 1
    return sizes


# German names in common use for French-speaking communes (the CSV holds the Dutch ones), so that a
# German-speaking user finds them by the name they know.
GERMAN_EXONYMS = {"62063": "Lüttich", "81001": "Arel", "82003": "Bastnach", "63088": "Bleiberg"}

# Abbreviations and their German/French forms, all read as one canonical word.
_CANONICAL_WORDS = {"saint": "st", "sankt": "st", "st": "st", "sainte": "ste", "ste": "ste"}


def _fold(text: str) -> str:
    """Lower case, no accents, hyphens, apostrophes and dots read as spaces, single spaces."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))
    for mark in "-'’.,/":
        folded = folded.replace(mark, " ")
    return " ".join(folded.split())


def _canonical(folded: str) -> str:
    """Abbreviations read as one word: "st hubert", "saint hubert", "sankt vith" -> "st ..."."""
    return " ".join(_CANONICAL_WORDS.get(word, word) for word in folded.split())


@cache
def _search_names() -> tuple[tuple[Commune, tuple[str, ...]], ...]:
    out = []
    for c in communes().values():
        names = {_fold(n) for n in (c.name_fr, c.name_nl, GERMAN_EXONYMS.get(c.nis_code, "")) if n}
        out.append((c, tuple(sorted(names | {_canonical(n) for n in names}))))
    return tuple(out)


def names_it(text: str, commune: Commune) -> bool:
    """Whether ``text`` (an answers file's ``commune.name``) names ``commune``: one of its names (French,
    Dutch or German, any case, accents, hyphens and « Saint »/« St » alike), alone or within the words
    (« Ville de Namur », « Gemeinde Büllingen »)."""
    folded = _canonical(_fold(text))
    names = next((n for c, n in _search_names() if c.nis_code == commune.nis_code), ())
    return any(f" {name} " in f" {folded} " for name in names)


def _rank(query: str, names: tuple[str, ...]) -> int | None:
    """0 the whole name, 1 the start of the name, 2 the start of a word, 3 anywhere; None no match."""
    best = None
    for name in names:
        if name == query:
            rank = 0
        elif name.startswith(query):
            rank = 1
        elif (" " + query) in (" " + name):
            rank = 2
        elif query in name:
            rank = 3
        else:
            continue
        best = rank if best is None else min(best, rank)
    return best


def search(query: str, limit: int = 20) -> list[Commune]:
    """Communes whose name (French, German or Dutch) or NIS code matches what was typed.

    Accents, case, hyphens and apostrophes are ignored and "st"/"ste" stand for saint/sankt/sainte
    ("liege", "st hubert", "sankt vith", "luik", "lüttich" all find their commune). The whole name
    first, then names that start with the query, words that start with it, names that contain it;
    alphabetical within each group."""
    folded = _fold(query)[:80]
    if not folded:
        return []
    queries = {folded, _canonical(folded)}
    found = []
    for c, names in _search_names():
        rank = 0 if c.nis_code == folded else min(
            (r for r in (_rank(q, names) for q in queries) if r is not None), default=None)
        if rank is not None:
            found.append((rank, _fold(c.display_name), c))
    found.sort(key=lambda item: item[:2])
    return [c for _rank_, _name, c in found[:limit]]


# how alike a name typed with a slip and a commune's name must be (difflib's ratio): « daverdise » and
# « daverdisse » 0.95, « hottom » and « hotton » 0.83; « zzz » or « script » are like none
CLOSE_CUTOFF = 0.8


def search_close(query: str, limit: int = 5) -> list[Commune]:
    """Communes whose name is close to what was typed, for a query :func:`search` finds nothing for: a
    letter missing, doubled or wrong (« daverdise », « bouilon », « tintigni »), or a space left out
    (« laroche »). Each name is compared whole and by its start as long as the query (a name still
    being typed); the closest first, alphabetical on a tie. Three letters at least; a NIS code is never
    guessed."""
    folded = _fold(query)[:80]
    if len(folded.replace(" ", "")) < 3 or folded.replace(" ", "").isdigit():
        return []
    queries = {folded, _canonical(folded)}
    scored = []
    for c, names in _search_names():
        best = 0.0
        for name in names:
            for q in queries:
                for candidate in (name, name[:len(q)]):
                    best = max(best, difflib.SequenceMatcher(None, q, candidate).ratio())
        if best >= CLOSE_CUTOFF:
            scored.append((-best, _fold(c.display_name), c))
    scored.sort(key=lambda item: item[:2])
    return [c for _score, _name, c in scored[:limit]]
