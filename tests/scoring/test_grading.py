"""Grades, zones, opinions and rounding (METHODOLOGY §3 'Rounding' and §4)."""

from __future__ import annotations

import pytest

from ombud_desktop.instruments import builtin_grade_scales, builtin_instrument
from ombud_desktop.scoring import band_for, format_score, grade_for, round_half_up

SCALE = builtin_instrument("ori-2023").grade_scale
ZONES_2015 = builtin_grade_scales()["zones-2015"]

ZONE_OF = {"A": "hijau", "B": "hijau", "C": "kuning", "D": "merah", "E": "merah"}


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        (78.13, "B"),
        (77.01, "C"),
        (87.44, "B"),
        (89.44, "A"),
        (58.99, "C"),
        (52.68, "D"),
        (45.16, "D"),
        (91.16, "A"),  # Banten province 2023
    ],
)
def test_published_grades(score: float, grade: str) -> None:
    result = grade_for(score, SCALE)
    assert result.grade == grade
    assert result.zone == ZONE_OF[grade]
    assert result.capped is False


@pytest.mark.parametrize(
    ("score", "zone"),
    [
        (89.44, "hijau"),  # "89.44 → A (zona hijau)"
        (89.45, "hijau"),  # Cilegon 2023
    ],
)
def test_published_zones(score: float, zone: str) -> None:
    assert grade_for(score, SCALE).zone == zone


@pytest.mark.parametrize(
    ("score", "zone"),
    [
        (77.02, "kuning"),  # Serdang Bedagai 2021
        (81.00, "hijau"),
        (80.99, "kuning"),
        (80.995, "hijau"),  # rounds half-up to 81.00
        (51.00, "kuning"),
        (50.99, "merah"),
        (100.0, "hijau"),
        (0.0, "merah"),
    ],
)
def test_zones_2015_scale(score: float, zone: str) -> None:
    result = grade_for(score, ZONES_2015)
    assert result.zone == zone
    assert result.grade is None  # no grade letters were published before 2022


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        (100.0, "A"),
        (88.00, "A"),
        (87.99, "B"),
        (78.00, "B"),
        (77.99, "C"),
        (54.00, "C"),
        (53.99, "D"),
        (32.00, "D"),
        (31.99, "E"),
        (0.0, "E"),
    ],
)
def test_band_edges(score: float, grade: str) -> None:
    assert grade_for(score, SCALE).grade == grade
    assert band_for(score, SCALE).grade == grade


@pytest.mark.parametrize(
    ("score", "grade", "shown"),
    [
        (87.995, "A", 88.00),  # rounds half-up to 88.00, the lower bound of A
        (87.994, "B", 87.99),
        (77.995, "B", 78.00),
        (53.995, "C", 54.00),
        (31.995, "D", 32.00),
        (31.994, "E", 31.99),
    ],
)
def test_rounded_score_decides_the_grade(score: float, grade: str, shown: float) -> None:
    result = grade_for(score, SCALE)
    assert result.grade == grade
    assert result.score == shown


@pytest.mark.parametrize(
    ("value", "rounded"),
    [
        (77.005, 77.01),
        (93.2775, 93.28),
        (2.675, 2.68),  # 2.675 is 2.67499999… in binary; half-up still gives 2.68
        (0.125, 0.13),
        (0.135, 0.14),
        (1.005, 1.01),
        (77.004, 77.0),
        (100.0, 100.0),
        (0.0, 0.0),
        (88.0, 88.0),
    ],
)
def test_round_half_up(value: float, rounded: float) -> None:
    assert round_half_up(value) == rounded


def test_round_half_up_ignores_float_noise_of_a_computed_mean() -> None:
    # (100 + 100 + 80.19 + 92.92) / 4 is exactly 93.2775; in floats it may land just below.
    assert round_half_up((100 + 100 + 80.19 + 92.92) / 4) == 93.28


def test_format_score() -> None:
    assert format_score(77.005) == "77.01"
    assert format_score(88) == "88.00"
    assert format_score(None) == "–"


@pytest.mark.parametrize(
    ("grade", "opinion_id", "opinion_en"),
    [
        ("A", "Kualitas Tertinggi", "Highest quality"),
        ("B", "Kualitas Tinggi", "High quality"),
        ("C", "Kualitas Sedang", "Medium quality"),
        ("D", "Kualitas Rendah", "Low quality"),
        ("E", "Kualitas Terendah", "Lowest quality"),
    ],
)
def test_opinions(grade: str, opinion_id: str, opinion_en: str) -> None:
    score = {"A": 95.0, "B": 80.0, "C": 60.0, "D": 40.0, "E": 10.0}[grade]
    result = grade_for(score, SCALE)
    assert result.grade == grade
    assert result.opinion_id == opinion_id
    assert result.opinion_en == opinion_en


def test_cap_lowers_grade_and_zone_but_keeps_the_score() -> None:
    result = grade_for(91, SCALE, cap="C")
    assert result.grade == "C"
    assert result.zone == "kuning"
    assert result.opinion_id == "Kualitas Sedang"
    assert result.capped is True
    assert result.score == 91.0


def test_cap_above_the_grade_changes_nothing() -> None:
    result = grade_for(45.16, SCALE, cap="C")
    assert result.grade == "D"
    assert result.zone == "merah"
    assert result.capped is False


def test_cap_equal_to_the_grade_is_not_a_cap() -> None:
    result = grade_for(60.0, SCALE, cap="C")
    assert result.grade == "C"
    assert result.capped is False


def test_unknown_cap_is_refused() -> None:
    with pytest.raises(ValueError, match="grade cap 'Z'"):
        grade_for(91, SCALE, cap="Z")


def test_grade_to_json() -> None:
    assert grade_for(91.16, SCALE).to_json() == {
        "score": 91.16,
        "grade": "A",
        "zone": "hijau",
        "opinion": {"id": "Kualitas Tertinggi", "en": "Highest quality"},
        "capped": False,
    }
