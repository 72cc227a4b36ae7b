"""Numbers and dates in the reader's language, the same in the app, the PDFs and the spreadsheet.

"72,32" and "5 Agustus 2024" in Indonesian, "72.32" and "5 August 2024" in English (Babel's
CLDR data, so no hand-made month names). A score is rounded once, half-up to two decimals as
the methodology prescribes (:func:`ombud_desktop.domain.rounding.round_half_up`); this module
only writes the rounded value down and never rounds it a second time in another way.

No Qt here: the app asks these functions in its own language, so a number reads the same on
the screen as on the paper printed from it.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from ombud_desktop.domain.rounding import round_half_up

LANGUAGES = ("id", "en")
MISSING = "–"  # what is printed where there is no value (an en dash, never 0)
# English as written in Indonesia and the Commonwealth ("5 August 2024"), not "August 5, 2024".
_LOCALES = {"id": "id_ID", "en": "en_GB"}
_DATE_PATTERN = "d MMMM y"  # "5 Agustus 2024" / "5 August 2024" in both languages


@cache
def locale_of(language: str) -> Locale:
    """Return the Babel locale of a language of the app ("id" or "en"; English otherwise)."""
    return Locale.parse(_LOCALES.get(language, _LOCALES["en"]))


def format_score(value: float | None, language: str) -> str:
    """Return a score with exactly two decimals, rounded half-up ("72,32" / "72.32"), or "–"."""
    if value is None:
        return MISSING
    return format_fixed(round_half_up(value), language, 2)


def format_fixed(value: float | None, language: str, places: int = 2) -> str:
    """Return an already-rounded number with exactly ``places`` decimals, or "–".

    The value is written down as it is (quantized to ``places`` from its shortest decimal
    form), so the rounding decided by the caller is the only one.
    """
    if value is None:
        return MISSING
    step = Decimal(1).scaleb(-places) if places else Decimal(1)
    exact = Decimal(repr(float(value))).quantize(step)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(exact, format=pattern, locale=locale_of(language),
                          decimal_quantization=False, group_separator=True)


def format_number(value: float | None, language: str) -> str:
    """Return a number as short as it can be: 3, 2,5 / 2.5, 1,67 / 1.67 (at most 2 decimals)."""
    if value is None:
        return MISSING
    rounded = round_half_up(float(value))
    text = repr(rounded)
    decimals = 0 if rounded == int(rounded) else len(text.split(".")[1].rstrip("0"))
    return format_fixed(rounded, language, min(decimals, 2))


def format_count(value: int | None, language: str) -> str:
    """Return a whole number with the language's digit grouping (1.234 / 1,234), or "–"."""
    if value is None:
        return MISSING
    return format_decimal(int(value), format="#,##0", locale=locale_of(language))


def format_date(value: date | datetime | str | None, language: str) -> str:
    """Return a date as words ("5 Agustus 2024" / "5 August 2024"), or "–".

    An ISO text ("2024-08-05", or a time stamp starting with one) is read as its date; any
    other text is returned as it is, so a strange value is shown rather than lost.
    """
    if value is None or value == "":
        return MISSING
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value[:10])
        except ValueError:
            return value
    if isinstance(value, datetime):
        value = value.date()
    return _babel_date(value, format=_DATE_PATTERN, locale=locale_of(language))


def decimal_separator(language: str) -> str:
    """Return the decimal separator of a language ("," in Indonesian, "." in English)."""
    return locale_of(language).number_symbols["latn"]["decimal"]
