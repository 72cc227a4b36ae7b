"""Instrument files a dishonest or careless sender could make: numbers that overflow, an exponent
that would take a minute to expand, a key given twice. Each is refused with an InstrumentError
that names the place; none raises anything else.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.errors import InstrumentError
from ombud_desktop.instruments import parse_instrument_document, parse_instrument_text

ROOT = Path(__file__).resolve().parents[2]
ORI_2023_TEXT = (ROOT / "resources" / "instruments" / "ori-2023.yaml").read_text(encoding="utf-8")
NAME = "ori-2023.yaml"
PR04 = "  - code: PR04\n    kind: display\n    weight: 1\n"
IN_WEIGHT = "  weight: 21.85\n"


def with_pr04_weight(weight: str) -> str:
    assert ORI_2023_TEXT.count(PR04) == 1
    return ORI_2023_TEXT.replace(PR04, PR04.replace("weight: 1", f"weight: {weight}"))


def refusal(text: str) -> InstrumentError:
    with pytest.raises(InstrumentError) as caught:
        parse_instrument_text(text, name=NAME)
    return caught.value


@pytest.mark.parametrize(
    "weight",
    [
        ".inf",
        "-.inf",
        ".nan",
        "1.0e400",  # a float YAML reads as infinity
        "'1e400'",  # a share text whose value overflows float()
        "'1e999999999'",  # Fraction would build a billion-digit number: a minute, then overflow
        "'1/1e-999999999'",
        "'1" + "0" * 5000 + "'",  # a share text of 5,000 digits
        "9" * 30,  # an integer past 2^53: RFC 8785 (the content hash) refuses it
        "1000001",  # past the largest weight
    ],
)
def test_weights_that_overflow_are_refused_at_their_place(weight: str) -> None:
    error = refusal(with_pr04_weight(weight))
    assert error.message.startswith("ori-2023.yaml: dimensions[1].indicators[3].weight: "), (
        error.message
    )
    assert "(line " in error.message


def test_an_integer_too_long_for_python_is_refused() -> None:
    error = refusal(with_pr04_weight("9" * 5000))
    assert "not valid YAML" in error.message


@pytest.mark.parametrize(
    ("place", "value"),
    [
        ("periods", [2023, float("inf")]),
        ("periods", [2**64]),
        ("rating_scale", {"min": 0, "max": float("nan")}),
    ],
)
def test_numbers_json_cannot_hold_are_refused_in_a_parsed_document(
    place: str, value: Any
) -> None:
    # A package carries the instrument as JSON; Python's json reads Infinity and NaN.
    import yaml

    document = yaml.safe_load(ORI_2023_TEXT)
    document[place] = value
    with pytest.raises(InstrumentError) as caught:
        parse_instrument_document(json.loads(json.dumps(document)), name="instrument.json")
    assert caught.value.message.startswith(f"instrument.json: {place}")


def test_a_duplicate_key_is_refused_with_its_line() -> None:
    assert ORI_2023_TEXT.count(IN_WEIGHT) == 1
    text = ORI_2023_TEXT.replace(IN_WEIGHT, IN_WEIGHT + "  weight: 99\n")
    error = refusal(text)
    assert "the key 'weight' appears twice" in error.message
    line = text.splitlines().index("  weight: 99") + 1
    assert f"line {line}," in error.message


def test_keys_that_become_the_same_json_key_count_as_duplicates() -> None:
    old = "rating_scale:\n  min: 0\n"
    assert ORI_2023_TEXT.count(old) == 1
    error = refusal(ORI_2023_TEXT.replace(old, old + "  'min': 0\n"))
    assert "appears twice" in error.message


def test_keys_merged_in_may_be_overridden() -> None:
    old = "rating_scale:\n  min: 0\n"
    text = "defaults: &d {min: 0, max: 7}\n" + ORI_2023_TEXT.replace(old, old)
    text = text.replace("rating_scale:\n  min: 0\n", "rating_scale:\n  <<: *d\n  min: 0\n", 1)
    error = refusal(text)
    # Refused for the unknown top-level key "defaults", not for a duplicate.
    assert "appears twice" not in error.message
    assert "defaults" in error.message


def test_nesting_thousands_deep_is_refused() -> None:
    error = refusal(ORI_2023_TEXT + "deep: " + "[" * 20_000 + "]" * 20_000 + "\n")
    assert error.code.startswith("instrument_")  # its own code: instrument_yaml_invalid


def test_the_shipped_instruments_still_load() -> None:
    assert parse_instrument_text(ORI_2023_TEXT, name=NAME).id == "ori-2023"
    assert parse_instrument_text(with_pr04_weight("'3/3'"), name=NAME).indicator("PR04").weight == 1
