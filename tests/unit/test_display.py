"""The one rounding for display: half up on the number as written; parts that add up to their total."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from maturity.display import (
    format_estimate,
    format_number,
    format_percent,
    format_range,
    round_half_up,
    round_int,
    round_parts,
)


def test_half_up_as_a_french_reader_expects():
    assert format_number(62.5) == "63"
    assert format_number(61.5) == "62"
    assert format_number(62.49) == "62"
    assert format_number(2.675, "fr", 2) == "2,68"  # 2.67499999... in binary, 2.675 as written
    assert format_number(0.125, "de", 2) == "0,13"
    assert format_number(1234.5, "en") == "1,235"
    assert format_number(-62.5) == "-63"
    assert round_int(62.5) == 63 and round_int(0.5) == 1
    assert round_half_up(62.45, 1) == Decimal("62.5")


def test_trim_drops_trailing_zeros():
    assert format_number(4.3, "fr", 2, trim=True) == "4,3"
    assert format_number(4.0, "fr", 2, trim=True) == "4"
    assert format_number(4.305, "fr", 2, trim=True) == "4,31"


def test_percent_half_up_in_the_languages_pattern():
    assert format_percent(0.625, "fr").replace("\u202f", " ").replace("\xa0", " ") == "63 %"
    assert format_percent(0.625, "en") == "63%"
    assert format_percent(0.6254, "fr", 1).replace("\u202f", " ").replace("\xa0", " ") == "62,5 %"
    assert format_percent(0.6, "fr", 1).replace("\u202f", " ").replace("\xa0", " ") == "60 %"
    assert format_percent(None) == "—"


def test_a_range_is_written_one_way_in_every_language():
    """An interval or the quartiles: an en dash between bare figures, a spaced one between figures that hold
    a space (a percent sign, a thousands group), each end rounded as a lone figure would be."""
    assert format_range(47.2, 54.5) == "47–55"
    assert format_range(47.25, 54.6, "de", 1) == "47,3–54,6"
    assert format_range(47.25, 54.6, "en", 1) == "47.3–54.6"
    plain = format_range(0.38, 0.594, "fr", percent=True).replace("\xa0", " ").replace("\u202f", " ")
    assert plain == "38–59 %"  # the sign once
    assert format_range(0.38, 0.594, "en", percent=True) == "38–59%"
    assert format_range(1234, 2345, "fr").replace("\u202f", " ").replace("\xa0", " ") == "1 234 – 2 345"
    assert format_range(1234, 2345, "de") == "1.234–2.345"
    assert format_range(None, 54) == format_range(47, None) == "—"
    # a spaced range never breaks at its spaces
    assert " " not in format_range(0.38, 0.594, "fr", percent=True) + format_range(1234, 2345, "fr")


def test_an_estimate_with_its_interval_is_written_one_way():
    """The tables' "46 (41–50)": the bare figure without an interval, or when the interval's ends are written
    alike (a group where every commune answered: "51", not "51 (51–51)"); a dash without a value."""
    assert format_estimate(46.2, (41.3, 50.4)) == "46 (41–50)"
    assert format_estimate(46.25, (41.3, 50.44), "de", 1) == "46,3 (41,3–50,4)"
    assert format_estimate(51.0, (50.6, 51.4)) == format_estimate(51.0, (51.0, 51.0)) == "51"
    assert format_estimate(51.0, None) == format_estimate(51.0, ()) == "51"
    assert format_estimate(None, (1, 2)) == "—"


def test_parts_add_up_to_the_rounded_total():
    # three equal thirds of 100: 33.33 each; plain rounding shows 33 + 33 + 33 = 99
    assert round_parts([100 / 3] * 3) == [Decimal(34), Decimal(33), Decimal(33)]
    # 62.5 = 20.8 + 20.9 + 20.8: shown 63 = 21 + 21 + 21
    assert sum(round_parts([20.8, 20.9, 20.8])) == 63
    assert round_parts([None, 12.5, None, 50.0]) == [None, Decimal(13), None, Decimal(50)]
    assert round_parts([]) == [] and round_parts([None]) == [None]
    assert round_parts([1.25, 1.25], 1) == [Decimal("1.3"), Decimal("1.2")]


@given(st.lists(st.one_of(st.none(), st.floats(min_value=0, max_value=100)), max_size=30))
def test_parts_always_add_up_and_each_moves_less_than_one(parts):
    rounded = round_parts(parts)
    present = [p for p in parts if p is not None]
    if present:
        assert sum(r for r in rounded if r is not None) == round_half_up(sum(Decimal(repr(p)) for p in present))
    for p, r in zip(parts, rounded, strict=True):
        assert (p is None) == (r is None)
        if p is not None:
            assert abs(Decimal(repr(p)) - r) < 1


def test_counts_in_the_command_line_take_the_plural_only_when_due():
    from maturity.display import plural

    assert plural(1, "# problem", "# problems") == "1 problem"
    assert plural(0, "# problem", "# problems") == "0 problems"  # English: 0 is plural
    assert plural(0, "# réponse", "# réponses", "fr") == "0 réponse"  # French: 0 is singular
    assert plural(2, "# link", "# links") == "2 links"


def test_a_wait_is_said_in_whole_minutes_rounded_up_and_never_zero():
    from maturity.display import minutes_to_wait

    assert [minutes_to_wait(s) for s in (0, 1, 59.5, 60, 61, 90, 150, 3600)] == [1, 1, 1, 1, 2, 2, 3, 60]
    assert minutes_to_wait(-5) == 1  # a clock that went back still asks for a minute


def test_the_first_of_a_month_is_written_as_french_writes_it():
    """« 1ᵉʳ janvier 2027 » in French, not babel's « 1 janvier 2027 » (campaign dates, the sheet's date, the
    sources of the pooled figures); other days and the other languages as babel writes them."""
    from datetime import date, datetime

    from maturity.display import format_date

    assert format_date(date(2027, 1, 1), "fr") == "1ᵉʳ janvier 2027"
    assert format_date(datetime(2026, 12, 1, 9, 30), "fr") == "1ᵉʳ décembre 2026"
    assert format_date("2026-03-01", "fr") == "1ᵉʳ mars 2026"
    assert format_date(date(2027, 1, 11), "fr") == "11 janvier 2027"
    assert format_date(date(2027, 1, 21), "fr") == "21 janvier 2027"
    assert format_date(date(2027, 1, 1), "de") == "1. Januar 2027"
    assert format_date(date(2027, 1, 1), "en") == "1 January 2027"
