"""Numbers and dates for people, in their language (babel). Round only here, never in the engine.

One rounding rule for everything a person reads (app, sheet, CSV, command line): half up, as a
French reader expects (62.5 → 63, 0.125 → 0.13), on the decimal number as written (``repr``), so
2.675 shows as 2.68 and not as the 2.67 that binary floating point and Python's ``round`` (half to
even: ``round(62.5) == 62``) would give. Parts shown next to their total (the points each answer
brings to a score) are rounded with :func:`round_parts`, so they add up to the total shown.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from babel import Locale
from babel.dates import format_date as _format_date
from babel.numbers import format_decimal
from babel.numbers import format_percent as _format_percent

from .typography import french_ordinal

LOCALES = {"fr": "fr_BE", "de": "de_BE", "en": "en_GB"}


def locale(lang: str) -> str:
    return LOCALES.get(lang, "fr_BE")


def _decimal(value: float | int | Decimal) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def round_half_up(value: float | int | Decimal, digits: int = 0) -> Decimal:
    """The one rounding for display: half up on the number as written (62.5 → 63, -62.5 → -63)."""
    return _decimal(value).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def round_int(value: float | int | Decimal) -> int:
    """``round_half_up`` to a whole number, as an int (for differences and counts shown)."""
    return int(round_half_up(value))


def round_parts(parts: Sequence[float | None], digits: int = 0) -> list[Decimal | None]:
    """Parts rounded so that they add up to their rounded sum (largest remainder method).

    Each part is rounded down to ``digits``, then the units still missing to reach
    ``round_half_up(sum)`` go to the parts with the largest remainders (ties: the first).
    ``None`` stays ``None`` and counts for nothing."""
    unit = Decimal(1).scaleb(-digits)
    present = [(i, _decimal(p)) for i, p in enumerate(parts) if p is not None and math.isfinite(p)]
    out: list[Decimal | None] = [None] * len(parts)
    if not present:
        return out
    target = round_half_up(sum((p for _i, p in present), Decimal(0)), digits)
    floors = {i: p.quantize(unit, rounding=ROUND_FLOOR) for i, p in present}
    missing = int((target - sum(floors.values(), Decimal(0))) / unit)
    by_remainder = sorted(present, key=lambda ip: (-(ip[1] - floors[ip[0]]), ip[0]))
    for i, _p in by_remainder[:max(0, missing)]:
        floors[i] += unit
    for i, value in floors.items():
        out[i] = value
    return out


def format_number(value: float | Decimal | None, lang: str = "fr", digits: int = 0, *, trim: bool = False) -> str:
    """A number for a reader: rounded half up to ``digits`` decimals, grouped in the language's way.

    ``trim`` drops trailing zeros (4.30 → 4,3; 4.00 → 4)."""
    if value is None:
        return "—"
    if not abs(value) < 1e15:  # babel cannot round beyond this; also catches inf and nan
        return f"{value:g}"
    decimals = "#" if trim else "0"
    pattern = "#,##0" + ("." + decimals * digits if digits else "")
    return format_decimal(round_half_up(value, digits), format=pattern, locale=locale(lang))


MEBIBYTE = 1024 * 1024
_MEGABYTES = {"fr": "Mo", "de": "MB", "en": "MB"}


def format_megabytes(size: int, lang: str = "fr") -> str:
    """A file's size as its reader says it: « 1 Mo » for 1,048,576 bytes (the word people use for it), « 1,1 Mo »;
    one decimal at most, rounded up, so that a file over a limit never reads as the limit itself."""
    import math

    tenths = math.ceil(size * 10 / MEBIBYTE)
    return f"{format_number(tenths / 10, lang, 1, trim=True)}\u00a0{_MEGABYTES.get(lang, 'MB')}"


def format_percent(share: float | None, lang: str = "fr", digits: int = 0) -> str:
    """A fraction as a percentage (0.625 → 63 %), rounded half up; ``digits`` optional decimals."""
    if share is None:
        return "—"
    if not abs(share) < 1e13:
        return f"{share:g}"
    percent = round_half_up(_decimal(share) * 100, digits)
    pattern = Locale.parse(locale(lang)).percent_formats[None].pattern  # "#,##0 %" (fr, de), "#,##0%" (en)
    if digits:
        pattern = pattern.replace("#,##0", "#,##0." + "#" * digits, 1)
    return _format_percent(percent / 100, format=pattern, locale=locale(lang))


_SPACED_DASH = "\u00a0–\u00a0"  # no-break spaces: a range never breaks at its dash, nor starts a line with it


def format_range(low: float | None, high: float | None, lang: str = "fr", digits: int = 0, *,
                 percent: bool = False) -> str:
    """Two figures as a range, the one way every page, sheet and command writes a 95 % interval or the
    quartiles: "47–54" (an en dash, as French, German and English write a range of numbers); shares with
    their sign once, "38–59 %"; "1 234 – 2 345" when a figure holds a space (a thousands group), the
    dash then spaced (no-break spaces: the range stays whole on a line) so that it does not read as part
    of a figure; "—" when either end is missing. ``percent``: the figures are shares."""
    if low is None or high is None:
        return "—"
    if percent:  # the sign once, after the range: "38–59 %" (fr, de), "38–59%" (en)
        return f"{format_percent(low, lang, digits).rstrip('%').rstrip()}–{format_percent(high, lang, digits)}"
    a, b = format_number(low, lang, digits), format_number(high, lang, digits)
    return f"{a}{_SPACED_DASH if any(c.isspace() for c in a + b) else '–'}{b}"


def format_estimate(value: float | None, low_high: Sequence[float] | None, lang: str = "fr",
                    digits: int = 0, *, percent: bool = False) -> str:
    """An estimate with its 95 % interval, the one way the tables write it: "46 (41–50)", "47 % (33–61 %)"
    (``percent``: a share); the bare figure when it has no interval or when its ends are written alike
    (every commune of the group answered: "51", never "51 (51–51)"); "—" without a value."""
    if value is None:
        return "—"
    fmt = format_percent if percent else format_number
    shown = fmt(value, lang, digits)
    if not low_high:
        return shown
    low, high = fmt(low_high[0], lang, digits), fmt(low_high[1], lang, digits)
    return shown if low == high else f"{shown} ({format_range(low_high[0], low_high[1], lang, digits, percent=percent)})"


def format_date(value: date | datetime | str, lang: str = "fr") -> str:
    """A date written out in ``lang``: « 15 mars 2027 », „15. März 2027“, "March 15, 2027". The first of a month
    is « 1ᵉʳ mars 2027 » in French (babel writes « 1 mars »), as a French reader expects it."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    text = _format_date(value, format="long", locale=locale(lang))
    if lang == "fr" and value.day == 1 and re.match(r"1\s", text):
        text = french_ordinal(1) + text[1:]
    return text


# --- plural forms ------------------------------------------------------------------------------

_PLURAL_FIELD = re.compile(r"\{(\w+):([^{}|]*)\|([^{}|]*)\}")


def plural_category(count: object, lang: str = "fr") -> str:
    """"one" or "other" for ``count`` in ``lang``, by the language's rule (CLDR, via babel): in
    French 0 and 1 take the singular ("0 question répondue", "1 question répondue"); in German and
    English only 1 does. A number already written for a reader ("1,5") is read back; anything else
    takes the plural."""
    if isinstance(count, bool):
        return "other"
    if isinstance(count, str):
        cleaned = re.sub(r"[^\d,.\-]", "", count).replace(",", ".")
        try:
            count = float(cleaned)
        except ValueError:
            return "other"
    if not isinstance(count, int | float | Decimal) or not math.isfinite(count):
        return "other"
    if isinstance(count, float) and count.is_integer():
        count = int(count)
    return "one" if Locale.parse(locale(lang)).plural_form(abs(count)) == "one" else "other"


def plural_text(text: str, lang: str, values: dict[str, object]) -> str:
    """Choose the plural forms of ``text`` before it is filled: a field ``{name:one|other}`` becomes
    the form ``values[name]`` takes in ``lang``, where ``#`` stands for the value (so a catalog writes
    ``"{n:# réponse reprise|# réponses reprises}"``). Fields of other kinds stay for ``str.format``."""

    def choose(match: re.Match[str]) -> str:
        name, one, other = match.groups()
        if name not in values:
            raise KeyError(name)
        form = one if plural_category(values[name], lang) == "one" else other
        return form.replace("#", "{" + name + "}")

    return _PLURAL_FIELD.sub(choose, text)


def minutes_to_wait(seconds: float) -> int:
    """A wait said in whole minutes, rounded up and never 0: 61 s is "2 minutes", so that a person who
    waits as long as told is not refused again (not a figure's rounding: a bound)."""
    return max(1, math.ceil(max(0.0, float(seconds)) / 60))


def plural(count: int, one: str, other: str, lang: str = "en") -> str:
    """``one`` or ``other`` as ``count`` takes them in ``lang``, ``#`` standing for the count: for the
    command line's English messages (``plural(2, "# problem", "# problems")`` → "2 problems")."""
    return (one if plural_category(count, lang) == "one" else other).replace("#", str(count))
