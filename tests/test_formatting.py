"""Numbers and dates in the reader's language (Babel): one module for the PDFs, the spreadsheet
and the app."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from ombud_desktop import formatting
from ombud_desktop.domain.rounding import format_score as dotted_score
from ombud_desktop.domain.rounding import round_half_up
from ombud_desktop.formatting import (
    format_count,
    format_date,
    format_fixed,
    format_number,
    format_score,
)


def test_a_score_reads_72_32_in_indonesian_and_72_32_with_a_point_in_english() -> None:
    assert format_score(72.32, "id") == "72,32"
    assert format_score(72.32, "en") == "72.32"
    assert format_score(88, "id") == "88,00"
    assert format_score(None, "id") == format_score(None, "en") == "–"


def test_a_score_is_rounded_half_up_once() -> None:
    assert format_score(77.005, "id") == "77,01"  # half-up, not half-even (77,00)
    assert format_score(93.27749999999999, "en") == "93.28"  # float noise is not a digit
    assert format_score(72.315, "en") == "72.32"


@given(st.floats(min_value=0, max_value=100, allow_nan=False))
def test_a_score_shows_the_value_the_methodology_rounds_to(value: float) -> None:
    """The words are the half-up rounded value, never rounded again another way."""
    assert format_score(value, "en") == dotted_score(value)
    assert format_score(value, "id") == dotted_score(value).replace(".", ",")
    assert float(format_score(value, "en")) == round_half_up(value)


def test_dates_are_words_in_the_language() -> None:
    assert format_date("2024-08-05", "id") == "5 Agustus 2024"
    assert format_date("2024-08-05", "en") == "5 August 2024"
    assert format_date(date(2024, 12, 31), "id") == "31 Desember 2024"
    assert format_date(datetime(2024, 1, 2, 10, 30), "en") == "2 January 2024"
    assert format_date("2024-03-01T09:00:00Z", "id") == "1 Maret 2024"
    assert format_date(None, "id") == format_date("", "en") == "–"
    assert format_date("kemarin", "id") == "kemarin"  # shown as it is, never lost


def test_other_numbers_are_as_short_as_they_can_be() -> None:
    assert format_number(2.5, "id") == "2,5"
    assert format_number(2.5, "en") == "2.5"
    assert format_number(3.0, "id") == "3"
    assert format_number(1 / 3 + 1, "id") == "1,33"
    assert format_number(None, "en") == "–"
    assert format_fixed(1234.5, "id", 2) == "1.234,50"
    assert format_fixed(1234.5, "en", 2) == "1,234.50"
    assert format_count(12345, "id") == "12.345"
    assert format_count(12345, "en") == "12,345"
    assert formatting.decimal_separator("id") == ","
    assert formatting.decimal_separator("en") == "."
