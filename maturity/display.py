"""Numbers and dates for people, in their language (babel). Round only here, never in the engine."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date as _format_date
from babel.numbers import format_decimal
from babel.numbers import format_percent as _format_percent

LOCALES = {"fr": "fr_BE", "de": "de_BE", "en": "en_GB"}


def locale(lang: str) -> str:
    return LOCALES.get(lang, "fr_BE")


def format_number(value: float | None, lang: str = "fr", digits: int = 0) -> str:
    if value is None:
        return "—"
    if not abs(value) < 1e15:  # babel cannot round beyond this; also catches inf and nan
        return f"{value:g}"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(round(value, digits), format=pattern, locale=locale(lang))


def format_percent(share: float | None, lang: str = "fr") -> str:
    if share is None:
        return "—"
    return _format_percent(share, format="#,##0 %", locale=locale(lang))


def format_date(value: date | datetime | str, lang: str = "fr") -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return _format_date(value, format="long", locale=locale(lang))
