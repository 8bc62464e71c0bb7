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
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
COMMUNES_CSV = DATA_DIR / "communes.csv"

POPULATION_CLASSES: tuple[tuple[str, int, int | None], ...] = (
    ("lt5k", 0, 5_000),
    ("5k_10k", 5_000, 10_000),
    ("10k_20k", 10_000, 20_000),
    ("20k_50k", 20_000, 50_000),
    ("50k_plus", 50_000, None),
)
POPULATION_CLASS_LABELS = {
    "lt5k": {"fr": "moins de 5 000 habitants", "de": "unter 5.000 Einwohner", "en": "under 5,000 inhabitants"},
    "5k_10k": {"fr": "5 000 à 9 999 habitants", "de": "5.000 bis 9.999 Einwohner", "en": "5,000 to 9,999 inhabitants"},
    "10k_20k": {"fr": "10 000 à 19 999 habitants", "de": "10.000 bis 19.999 Einwohner", "en": "10,000 to 19,999 inhabitants"},
    "20k_50k": {"fr": "20 000 à 49 999 habitants", "de": "20.000 bis 49.999 Einwohner", "en": "20,000 to 49,999 inhabitants"},
    "50k_plus": {"fr": "50 000 habitants et plus", "de": "50.000 Einwohner und mehr", "en": "50,000 inhabitants or more"},
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
    return communes().get(str(nis_code)) if nis_code else None


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    ).replace("-", " ").replace("'", " ")


def search(query: str, limit: int = 20) -> list[Commune]:
    """Communes whose name (French, German or Dutch) or NIS code matches, accents ignored."""
    q = _fold(query.strip())[:80]
    if not q:
        return []
    starts, contains = [], []
    for c in communes().values():
        names = [_fold(c.name_fr), _fold(c.name_nl)]
        if c.nis_code == q or any(n.startswith(q) for n in names):
            starts.append(c)
        elif any(q in n for n in names):
            contains.append(c)
    return sorted(starts, key=lambda c: c.name_fr)[:limit] + sorted(contains, key=lambda c: c.name_fr)[: max(0, limit - len(starts))]
