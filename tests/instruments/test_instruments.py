"""The shipped instruments, their content hash, and how malformed files are refused."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from ombud_desktop.errors import InstrumentError
from ombud_desktop.instruments import (
    builtin_grade_scales,
    builtin_instrument,
    builtin_instruments,
    instrument_for_period,
    load_instrument_file,
    parse_instrument_text,
)
from ombud_desktop.instruments.model import (
    DisplayIndicator,
    Instrument,
    RatingIndicator,
    RoleInterviewIndicator,
    ServiceUserIndicator,
    SubItemsIndicator,
)

ROOT = Path(__file__).resolve().parents[2]
ORI_2023_PATH = ROOT / "resources" / "instruments" / "ori-2023.yaml"
ORI_2023_TEXT = ORI_2023_PATH.read_text(encoding="utf-8")
ORI_2023_DOCUMENT = yaml.safe_load(ORI_2023_TEXT)
NAME = "ori-2023.yaml"


def codes(prefix: str, first: int, last: int) -> list[str]:
    return [f"{prefix}{n:02d}" for n in range(first, last + 1)]


EXPECTED_KINDS = {
    **dict.fromkeys(codes("IN", 1, 6), RoleInterviewIndicator),
    **dict.fromkeys(codes("IN", 7, 15), RatingIndicator),
    **dict.fromkeys(codes("PR", 1, 5), DisplayIndicator),
    "PR06": SubItemsIndicator,
    **dict.fromkeys(codes("PR", 7, 11), RatingIndicator),
    **dict.fromkeys(codes("OUT", 1, 5), ServiceUserIndicator),
    **dict.fromkeys(codes("PG", 1, 6), RatingIndicator),
}


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    return {instrument.id: instrument for instrument in builtin_instruments()}


@pytest.fixture(scope="module")
def ori_2023(shipped: dict[str, Any]) -> Any:
    return shipped["ori-2023"]


@pytest.fixture(scope="module")
def ori_2022(shipped: dict[str, Any]) -> Any:
    return shipped["ori-2022"]


# -- the shipped instruments -----------------------------------------------------------------


def test_both_shipped_instruments_load(shipped: dict[str, Any]) -> None:
    assert list(shipped) == ["ori-2022", "ori-2023", "ori-2025"]
    assert builtin_instrument("ori-2022").content_hash == shipped["ori-2022"].content_hash


def test_instrument_for_period() -> None:
    assert instrument_for_period(2022).id == "ori-2022"
    assert instrument_for_period(2023).id == "ori-2023"
    assert instrument_for_period(2024).id == "ori-2023"


def test_unknown_instrument_id() -> None:
    with pytest.raises(InstrumentError, match="ori-1999"):
        builtin_instrument("ori-1999")


def test_ori_2022_differs_from_ori_2023_in_in09_only(ori_2023: Any, ori_2022: Any) -> None:
    titles_2023 = {i.code: i.title for _, i in ori_2023.indicators()}
    titles_2022 = {i.code: i.title for _, i in ori_2022.indicators()}
    assert titles_2023.keys() == titles_2022.keys()
    differing = sorted(code for code in titles_2023 if titles_2023[code] != titles_2022[code])
    assert differing == ["IN09"]
    assert "ompensa" in titles_2023["IN09"].en  # compensation
    assert "uality" in titles_2022["IN09"].en  # quality assurance


def test_dimension_weights(ori_2023: Any) -> None:
    weights = {d.code: d.weight for d in ori_2023.dimensions}
    assert weights == {"IN": 21.85, "PR": 32.37, "OUT": 24.24, "PG": 21.54}
    assert sum(weights.values()) == pytest.approx(100.0)


def test_indicator_weights(ori_2023: Any) -> None:
    weights = {i.code: i.weight for _, i in ori_2023.indicators()}
    assert weights["IN01"] == 12.22
    for code in codes("IN", 2, 15):
        assert weights[code] == pytest.approx(87.78 / 14)
    in_total = sum(weights[code] for code in codes("IN", 1, 15))
    assert in_total == pytest.approx(100.0)
    for prefix, last in (("PR", 11), ("OUT", 5), ("PG", 6)):
        assert {weights[c] for c in codes(prefix, 1, last)} == {1.0}


def test_every_indicator_present_with_its_kind(ori_2023: Any) -> None:
    found = {i.code: type(i) for _, i in ori_2023.indicators()}
    assert len(found) == 37
    assert found == EXPECTED_KINDS
    dimension_of = {i.code: d.code for d, i in ori_2023.indicators()}
    for code in found:
        assert dimension_of[code] == re.match(r"[A-Z]+", code).group()


def test_pr06_sub_items(ori_2023: Any) -> None:
    assert [s.code for s in ori_2023.indicator("PR06").sub_items] == ["PR06a", "PR06b"]


def _anchor_sets(indicator: Any) -> list[dict[int, Any]]:
    if isinstance(indicator, SubItemsIndicator):
        return [sub.anchors for sub in indicator.sub_items]
    anchors = getattr(indicator, "anchors", None)
    return [anchors] if anchors is not None else []


def test_every_anchor_has_both_languages_and_a_tag(ori_2023: Any) -> None:
    count = 0
    for _, indicator in ori_2023.indicators():
        for anchors in _anchor_sets(indicator):
            assert sorted(anchors) == [0, 1, 2, 3], indicator.code
            for level, anchor in anchors.items():
                where = f"{indicator.code} level {level}"
                assert anchor.id.strip(), where
                assert anchor.en.strip(), where
                assert anchor.tag, where
                assert anchor.tag.strip(), where
                count += 1
    # IN02-IN06 (role anchors), IN07-IN15, PR06a, PR06b, PR07-PR11, PG01-PG06: 27 sets of 4
    assert count == 27 * 4


def test_in01_has_the_14_components(ori_2023: Any) -> None:
    recall = ori_2023.indicator("IN01").recall
    assert recall is not None
    assert [item.code for item in recall.items] == codes("K", 1, 14)
    names = [item.en for item in recall.items]
    assert "Legal basis" in names
    assert "Staff performance evaluation" in names
    assert [(b.min_count, b.value) for b in recall.bands] == [(0, 0), (1, 1), (6, 2), (10, 3)]


def test_roles(ori_2023: Any) -> None:
    assert [r.code for r in ori_2023.roles.items] == ["R1", "R2", "R3", "R4"]
    assert ori_2023.completeness.roles_required == ["R1", "R2", "R3", "R4"]


def test_completeness(ori_2023: Any) -> None:
    completeness = ori_2023.completeness
    assert completeness.service_users.target == 15
    assert completeness.service_users.minimum == 5
    assert completeness.products_per_locus == 2
    assert completeness.complaint_officials == 2


def test_answer_options(ori_2023: Any) -> None:
    options = ori_2023.service_users
    assert options.option_code("yes") == "Y"
    assert options.option_code("no") == "T"
    assert options.option_code("dont_know") == "X"


@pytest.mark.parametrize("category", ["kabupaten", "kota"])
def test_locus_templates(ori_2023: Any, category: str) -> None:
    loci = ori_2023.templates_for(category)
    assert len(loci) == 7
    names = [locus.name.id for locus in loci]
    for expected in (
        "DPMPTSP",
        "Disdukcapil",
        "Dinas Kesehatan",
        "Dinas Pendidikan",
        "Dinas Sosial",
    ):
        assert sum(expected in name for name in names) == 1, expected
    assert sum("Puskesmas" in name for name in names) == 2
    assert all(len(locus.products) == 2 for locus in loci)


def test_no_locus_template_for_provinces(ori_2023: Any) -> None:
    assert ori_2023.templates_for("provinsi") == []


def test_grade_scales() -> None:
    scales = builtin_grade_scales()
    assert set(scales) >= {"zones-2015", "ori-2022-grades"}
    assert [b.grade for b in scales["ori-2022-grades"].bands] == ["A", "B", "C", "D", "E"]
    assert [b.min for b in scales["ori-2022-grades"].bands] == [88, 78, 54, 32, 0]
    assert [(b.zone, b.min) for b in scales["zones-2015"].bands] == [
        ("hijau", 81),
        ("kuning", 51),
        ("merah", 0),
    ]


# -- content hash ----------------------------------------------------------------------------


def test_content_hash_is_sha256_hex_and_stable(ori_2023: Any) -> None:
    assert re.fullmatch(r"[0-9a-f]{64}", ori_2023.content_hash)
    again = parse_instrument_text(ORI_2023_TEXT, name=NAME)
    assert again.content_hash == ori_2023.content_hash
    assert load_instrument_file(ORI_2023_PATH).content_hash == ori_2023.content_hash


def test_content_hash_differs_between_instruments(ori_2023: Any, ori_2022: Any) -> None:
    assert ori_2023.content_hash != ori_2022.content_hash


def test_content_hash_changes_with_one_anchor_text(ori_2023: Any) -> None:
    anchor = "Tidak ada ketentuan maupun praktik kompensasi."  # IN09 level 0 (id)
    assert ORI_2023_TEXT.count(anchor) == 1
    changed = parse_instrument_text(
        ORI_2023_TEXT.replace(anchor, "Tidak ada ketentuan kompensasi."), name=NAME
    )
    assert changed.content_hash != ori_2023.content_hash
    assert changed.indicator("IN09").anchors[0].id == "Tidak ada ketentuan kompensasi."


def test_content_hash_ignores_comments_and_layout(ori_2023: Any) -> None:
    first_comment = ORI_2023_TEXT.splitlines()[0]
    assert first_comment.startswith("#")
    commented = ORI_2023_TEXT.replace(first_comment, "# a different comment", 1)
    commented += "\n# one more comment at the end\n"
    assert parse_instrument_text(commented, name=NAME).content_hash == ori_2023.content_hash
    reflowed = yaml.safe_dump(ORI_2023_DOCUMENT, allow_unicode=True, sort_keys=True)
    assert parse_instrument_text(reflowed, name=NAME).content_hash == ori_2023.content_hash


# -- malformed files -------------------------------------------------------------------------


def mutated(change: Callable[[dict[str, Any]], None]) -> str:
    """Return the ori-2023 text after ``change`` was applied to its parsed content."""
    document = copy.deepcopy(ORI_2023_DOCUMENT)
    change(document)
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)


def refusal(text: str) -> InstrumentError:
    with pytest.raises(InstrumentError) as caught:
        parse_instrument_text(text, name=NAME)
    return caught.value


def line_of(text: str, fragment: str, *, after: str | None = None) -> int:
    """Return the 1-based number of the first line holding ``fragment`` (after line ``after``)."""
    lines = text.splitlines()
    start = lines.index(after) if after is not None else 0
    for number, line in enumerate(lines[start:], start=start + 1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in text")


def test_negative_weight_is_refused_at_its_place() -> None:
    # PR04 is dimensions[1].indicators[3]; its weight line comes right after its kind.
    old = "  - code: PR04\n    kind: display\n    weight: 1\n"
    assert ORI_2023_TEXT.count(old) == 1
    text = ORI_2023_TEXT.replace(old, old.replace("weight: 1", "weight: -1"))
    error = refusal(text)
    assert error.message.startswith(
        "ori-2023.yaml: dimensions[1].indicators[3].weight: must be a number > 0"
    )
    expected_line = line_of(text, "  - code: PR04") + 2
    assert text.splitlines()[expected_line - 1] == "    weight: -1"
    assert f"(line {expected_line})" in error.message


def test_negative_weight_via_yaml_dump() -> None:
    def change(document: dict[str, Any]) -> None:
        document["dimensions"][1]["indicators"][3]["weight"] = -2.5

    text = mutated(change)
    error = refusal(text)
    assert error.message.startswith(
        "ori-2023.yaml: dimensions[1].indicators[3].weight: must be a number > 0"
    )
    assert f"(line {line_of(text, 'weight: -2.5')})" in error.message


@pytest.mark.parametrize("weight", ["0", "'abc'", "'1/0'", "true"])
def test_bad_weights_are_refused(weight: str) -> None:
    old = "  - code: PR04\n    kind: display\n    weight: 1\n"
    error = refusal(ORI_2023_TEXT.replace(old, old.replace("weight: 1", f"weight: {weight}")))
    assert "dimensions[1].indicators[3].weight: must be a number > 0" in error.message


def test_weight_as_a_share_is_accepted() -> None:
    old = "  - code: PR04\n    kind: display\n    weight: 1\n"
    text = ORI_2023_TEXT.replace(old, old.replace("weight: 1", "weight: 3/3"))
    assert parse_instrument_text(text, name=NAME).indicator("PR04").weight == 1.0


def test_unknown_key_is_refused_with_its_line() -> None:
    old = "rating_scale:\n  min: 0\n  max: 3\n"
    assert ORI_2023_TEXT.count(old) == 1
    text = ORI_2023_TEXT.replace(old, old + "  maks: 3\n")
    error = refusal(text)
    expected_line = line_of(text, "  maks: 3")
    assert error.message.startswith("ori-2023.yaml: rating_scale.maks: is not a known field")
    assert f"(line {expected_line})" in error.message


def test_misspelt_key_in_an_indicator_is_refused() -> None:
    def change(document: dict[str, Any]) -> None:
        indicator = document["dimensions"][0]["indicators"][6]  # IN07
        indicator["anchorz"] = indicator.pop("anchors")

    error = refusal(mutated(change))
    assert "ori-2023.yaml: dimensions[0].indicators[6].anchors: is required" in error.message
    problems = error.data["problems"]
    assert any(
        p.startswith("ori-2023.yaml: dimensions[0].indicators[6].anchorz: is not a known field")
        for p in problems
    )


def test_missing_anchor_level_is_refused() -> None:
    def change(document: dict[str, Any]) -> None:
        del document["dimensions"][0]["indicators"][6]["anchors"][2]  # IN07 level 2

    error = refusal(mutated(change))
    assert error.message.startswith("ori-2023.yaml: ")
    assert "dimensions[0].indicators[6] (IN07).anchors" in error.message
    assert "give one anchor for each level [0, 1, 2, 3]" in error.message


def test_missing_anchor_level_names_the_right_line() -> None:
    def change(document: dict[str, Any]) -> None:
        del document["dimensions"][0]["indicators"][6]["anchors"][2]  # IN07 level 2

    text = mutated(change)
    error = refusal(text)
    in07 = line_of(text, "- code: IN07")
    anchors_line = line_of(text, "  anchors:", after=text.splitlines()[in07 - 1])
    assert f"(line {anchors_line})" in error.message


def test_unknown_indicator_kind_is_refused() -> None:
    def change(document: dict[str, Any]) -> None:
        document["dimensions"][0]["indicators"][6]["kind"] = "ratting"

    text = mutated(change)
    error = refusal(text)
    assert error.message.startswith("ori-2023.yaml: dimensions[0].indicators[6]: ")
    assert "'ratting'" in error.message
    assert "'rating'" in error.message  # the known kinds are listed
    assert f"(line {line_of(text, '- code: IN07')})" in error.message


def test_dimension_weights_must_add_up_to_100() -> None:
    old = "  weight: 21.85\n"
    assert ORI_2023_TEXT.count(old) == 1
    text = ORI_2023_TEXT.replace(old, "  weight: 21.0\n")
    error = refusal(text)
    assert error.message.startswith("ori-2023.yaml: dimensions: ")
    assert "add up to 99.15" in error.message
    assert "must add up to 100" in error.message
    assert f"(line {line_of(text, 'dimensions:')})" in error.message


def test_broken_yaml_names_the_line() -> None:
    old = "rating_scale:\n  min: 0\n"
    text = ORI_2023_TEXT.replace(old, "rating_scale:\n  min: [0\n")
    error = refusal(text)
    expected_line = line_of(text, "  min: [0")
    assert error.message.startswith("ori-2023.yaml: line ")
    assert "not valid YAML" in error.message
    # the parser notices the problem on the broken line or the next one
    found = int(re.search(r"line (\d+)", error.message).group(1))
    assert found in (expected_line, expected_line + 1)


def test_broken_indentation_names_the_line() -> None:
    text = ORI_2023_TEXT.replace("id: ori-2023\n", "id: ori-2023\n   bad: indent\n", 1)
    error = refusal(text)
    assert f"line {line_of(text, '   bad: indent')}" in error.message
    assert "not valid YAML" in error.message


@pytest.mark.parametrize("version", ["2", "0", "'1'"])
def test_wrong_format_version(version: str) -> None:
    text = ORI_2023_TEXT.replace("format_version: 1\n", f"format_version: {version}\n", 1)
    error = refusal(text)
    assert error.message.startswith("ori-2023.yaml: format_version: ")
    assert error.code == "instrument_format_unsupported"


def test_wrong_format() -> None:
    text = ORI_2023_TEXT.replace("format: ombud-instrument\n", "format: ombud-grade-scale\n")
    error = refusal(text)
    assert error.message.startswith("ori-2023.yaml: format: must be 'ombud-instrument'")


def test_product_values_with_a_missing_pair() -> None:
    def change(document: dict[str, Any]) -> None:
        rows = document["display"]["product_values"]
        document["display"]["product_values"] = [
            row for row in rows if sorted(row["statuses"]) != ["complete", "incomplete"]
        ]

    text = mutated(change)
    error = refusal(text)
    assert error.message.startswith("ori-2023.yaml: display: ")
    assert "no value for the pair [incomplete, complete]" in error.message
    assert f"(line {line_of(text, 'display:')})" in error.message


def test_product_values_with_a_repeated_pair() -> None:
    def change(document: dict[str, Any]) -> None:
        document["display"]["product_values"].append(
            {"statuses": ["absent", "complete"], "value": 1}
        )

    error = refusal(mutated(change))
    assert "product_values[6]" in error.message
    assert "already given in product_values[2]" in error.message


def test_top_level_must_be_a_mapping() -> None:
    error = refusal("- just\n- a list\n")
    assert error.message == "ori-2023.yaml: the file must be a YAML mapping at the top level"


def test_missing_file_is_refused(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(InstrumentError) as caught:
        load_instrument_file(missing)
    assert str(missing) in caught.value.message
    assert "not found" in caught.value.message
    assert caught.value.code == "instrument_missing"


def test_unreadable_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InstrumentError) as caught:
        load_instrument_file(tmp_path)  # a folder, not a file
    assert str(tmp_path) in caught.value.message
    assert "cannot be read" in caught.value.message


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: Penilaian ©\n".encode("latin-1"))
    with pytest.raises(InstrumentError, match="cannot be read"):
        load_instrument_file(path)


def test_load_instrument_file_names_the_file_in_errors(tmp_path: Path) -> None:
    path = tmp_path / "my-instrument.yaml"
    path.write_text(ORI_2023_TEXT.replace("  weight: 21.85\n", "  weight: 21.0\n"), "utf-8")
    with pytest.raises(InstrumentError) as caught:
        load_instrument_file(path)
    assert caught.value.message.startswith("my-instrument.yaml: dimensions: ")


@pytest.mark.parametrize("instrument", builtin_instruments(), ids=lambda i: i.id)
def test_find_by_the_index_of_codes_is_the_walk_in_file_order(instrument: Instrument) -> None:
    """Instrument.find reads an index made once; it returns what a walk of the models in
    file order returns (an indicator before its sub-items, the first holder of a code)."""

    def walked(code: str) -> object:
        for _dimension, indicator in instrument.indicators():
            if indicator.code == code:
                return indicator
            for sub in getattr(indicator, "sub_items", ()):
                if sub.code == code:
                    return sub
        return None

    codes = [i.code for _d, i in instrument.indicators()]
    codes += [s.code for _d, i in instrument.indicators() for s in getattr(i, "sub_items", ())]
    assert len(codes) > 20
    for code in [*codes, "NOPE", "", codes[0].lower()]:
        assert instrument.find(code) is walked(code), code
    assert instrument.codes() is instrument.codes()  # made once
