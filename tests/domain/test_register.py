"""The register answers from the shipped data; names are keyed so look-alikes meet."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ombud_desktop.domain import register
from ombud_desktop.domain.names import clean_name, foreign_letters, name_key, normalise_name


def test_banten_has_four_kota_and_four_kabupaten_with_their_codes() -> None:
    kota = register.entries("kota", "Banten")
    kabupaten = register.entries("kabupaten", "Banten")
    assert [e.name for e in kota] == [
        "Kota Tangerang", "Kota Cilegon", "Kota Serang", "Kota Tangerang Selatan",
    ]
    assert [e.code for e in kabupaten] == ["36.01", "36.02", "36.03", "36.04"]
    assert register.find("kota", "Kota Serang", "Banten").code == "36.73"
    assert register.by_code("36.73").province == "Banten"
    assert register.by_code("36").name == "Provinsi Banten"


def test_country_sizes_are_kemendagri_counts() -> None:
    assert register.country_size("provinsi") == 38
    assert register.country_size("kabupaten") == 416
    assert register.country_size("kota") == 98
    # The name lists are not the set assessed in a year: no national count.
    assert register.country_size("kementerian") is None
    assert register.country_size("lembaga") is None
    assert len(register.entries("kementerian")) >= 38
    assert len(register.entries("lembaga")) >= 8


def test_codes_are_unique_and_regions_sit_in_their_province() -> None:
    every = [e for c in register.CATEGORIES for e in register.entries(c)]
    assert len({e.code for e in every}) == len(every)
    for entry in register.entries("kabupaten") + register.entries("kota"):
        assert register.by_code(entry.code.split(".")[0]).province == entry.province
    assert register.by_code("kementerian:kesehatan").name == "Kementerian Kesehatan"


@pytest.mark.parametrize(
    "typed",
    [
        "Kota Serang",
        "  kota   SERANG ",
        "Kota\u00a0Serang",  # a no-break space
        "Kota Se\u200brang",  # a zero-width space
        "Kota S\u0435rang",  # Cyrillic е
        "\u039a\u039f\u03a4\u0391 Serang",  # Greek ΚΟΤΑ
        "Ｋｏｔａ Serang",  # full width
    ],
)
def test_look_alike_and_respaced_names_find_the_same_entity(typed: str) -> None:
    assert name_key(typed) == name_key("Kota Serang")
    assert register.find("kota", typed, "banten").code == "36.73"


def test_other_spellings() -> None:
    assert register.find("kabupaten", "Kab. Serang", "Banten").code == "36.04"
    assert register.find("provinsi", "Banten").code == "36"
    assert register.find("provinsi", "DI Yogyakarta").code == "34"
    assert register.find("kota", "Kota Serang", "Lampung") is None
    assert register.find("kota", "Kota Serangg") is None
    assert register.load().nearest("kota", "Kota Serangg")[0].name == "Kota Serang"


def test_normalise_and_foreign_letters() -> None:
    assert normalise_name("  Kota\tSerang  ") == "kota serang"
    assert clean_name(" Kota  Serang\u200b ") == "Kota Serang"
    assert foreign_letters("Kota S\u0435rang") == ["\u0435"]
    assert foreign_letters("Kabupaten Pangkajene dan Kepulauan") == []
    assert foreign_letters("Cafés à Malang") == []  # Latin letters with accents are Latin


@given(st.text(max_size=40))
def test_keys_are_stable(text: str) -> None:
    # Found by Hypothesis: "Γ" folds to "γ", a look-alike of "y", after the first mapping.
    assert name_key(name_key(text)) == name_key(text)
    assert name_key(text) == name_key(f"  {text}  ")


def test_a_letter_that_looks_latin_only_once_folded_is_mapped() -> None:
    assert name_key("Γ") == name_key(name_key("Γ")) == "y"
    assert name_key("ΚΟΤΑ") == "kota"
