"""parse_time reads a stamp with the C parser exactly as building it from its parts did."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ombud_desktop.packages.admission import parse_time

_STAMP = re.compile(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?Z\Z", re.ASCII)


def _by_parts(text: Any) -> datetime | None:
    """Return what parse_time returned before it used datetime.fromisoformat."""
    if not isinstance(text, str):
        return None
    match = _STAMP.match(text)
    if match is None:
        return None
    try:
        moment = datetime(*(int(part) for part in match.groups()[:6]), tzinfo=UTC)
    except ValueError:
        return None
    fraction = match.group(7)
    if fraction:
        moment += timedelta(microseconds=int(fraction[1:].ljust(6, "0")))
    return moment


def _field(digits: int, high: int) -> st.SearchStrategy[str]:
    # Mostly in range, sometimes just past it (month 13, day 31 of April, hour 24, second 60).
    return st.integers(min_value=0, max_value=high).map(lambda n: str(n).zfill(digits))


_STAMPS = st.builds(
    lambda y, mo, d, h, mi, s, frac, end: f"{y}-{mo}-{d}T{h}:{mi}:{s}{frac}{end}",
    _field(4, 9999) | st.sampled_from(["0000", "0001", "2015", "2024", "2100", "9999"]),
    _field(2, 13),
    _field(2, 32),
    _field(2, 25),
    _field(2, 61),
    _field(2, 61),
    st.just("") | st.text("0123456789", min_size=1, max_size=7).map(lambda f: "." + f),
    st.sampled_from(["Z", "Z", "Z", "z", "", "+00:00", "Z\n", " Z"]),
)


def _same(text: Any) -> None:
    got, want = parse_time(text), _by_parts(text)
    assert got == want, text
    if got is not None and want is not None:
        assert got.tzinfo is want.tzinfo, text
        assert got.microsecond == want.microsecond, text


@settings(max_examples=3000)
@given(_STAMPS)
@example("2024-02-29T23:59:59.999999Z")
@example("2023-02-29T00:00:00Z")
@example("2024-04-31T00:00:00Z")
@example("2024-01-01T24:00:00Z")
@example("2024-01-01T23:59:60Z")
@example("0000-01-01T00:00:00Z")
@example("2024-01-01T00:00:00.Z")
@example("2024-01-01T00:00:00.1234567Z")
@example("2024-01-01T00:00:00.000001Z")
@example("2024-01-01T00:00:00.5Z")
def test_same_moment_as_built_from_parts(text: str) -> None:
    _same(text)


@settings(max_examples=1000)
@given(
    st.text(max_size=40)
    | st.text("0123456789-:T.Z+ ", max_size=32)
    | st.text(st.characters(codec=None), max_size=30)
    | st.integers()
    | st.none()
)
def test_anything_else_alike(value: Any) -> None:
    _same(value)


def test_fractions_of_every_length() -> None:
    for digits in range(1, 7):
        fraction = "123456"[:digits]
        text = f"2026-12-03T15:53:07.{fraction}Z"
        assert parse_time(text) == datetime(
            2026, 12, 3, 15, 53, 7, int(fraction.ljust(6, "0")), tzinfo=UTC
        )
    assert parse_time("2026-12-03T15:53:07.1234567Z") is None
    # Other digits than ASCII, other spellings of UTC: refused by the pattern, not read.
    for other in ("２０２６-12-03T15:53:07Z", "2026-12-03T15:53:07+00:00", "2026-12-03 15:53:07Z"):
        assert parse_time(other) is None
