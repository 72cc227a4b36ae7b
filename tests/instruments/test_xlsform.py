"""Instruments as XLSForm workbooks: the round trip keeps the content hash, edits are taken in,
and what our scoring cannot follow is refused with its sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from ombud_desktop.cli.main import cli
from ombud_desktop.domain.assessment import Answer, AssessmentDocument
from ombud_desktop.errors import InstrumentError
from ombud_desktop.instruments import builtin_instrument, builtin_instruments, load_instrument_file
from ombud_desktop.instruments.xlsform import (
    export_xlsform,
    format_path,
    parse_path,
    read_xlsform,
)
from ombud_desktop.scoring import score_locus


@pytest.mark.parametrize("instrument_id", [i.id for i in builtin_instruments()])
def test_round_trip_keeps_the_content_hash(instrument_id: str, tmp_path: Path) -> None:
    instrument = builtin_instrument(instrument_id)
    export_xlsform(instrument, tmp_path / "form.xlsx")
    again = read_xlsform(tmp_path / "form.xlsx")
    assert again.content_hash == instrument.content_hash
    assert again.document == instrument.document


def test_paths_read_back() -> None:
    for parts in (["dimensions", 0, "title", "id"], ["anchors", "0", "en"], ["a.b", 3, 'q"x']):
        assert parse_path(format_path(parts)) == parts


def _cell(sheet: openpyxl.worksheet.worksheet.Worksheet, key: tuple[str, str],
          value: tuple[str, str], column: str) -> openpyxl.cell.Cell:
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        cells = dict(zip(header, row, strict=False))
        if cells[key[0]].value == key[1] and cells[value[0]].value == value[1]:
            return cells[column]
    raise AssertionError((key, value))


def _document(instrument_hash: str) -> AssessmentDocument:
    return AssessmentDocument(
        assessment_id="a1", instrument_id="ori-2023", instrument_hash=instrument_hash,
        period="2024", answers={"IN07": Answer(3), "IN08": Answer(0)},
    )


def test_an_edited_weight_and_anchor_are_taken_in(tmp_path: Path) -> None:
    instrument = builtin_instrument("ori-2023")
    workbook = tmp_path / "form.xlsx"
    export_xlsform(instrument, workbook)
    book = openpyxl.load_workbook(workbook)
    _cell(book["survey"], ("type", "calculate"), ("name", "w_IN07"), "calculation").value = "9.5"
    _cell(book["choices"], ("list_name", "a_IN07"), ("name", "2"),
          "label::English (en)").value = "Mostly there, as the new methodology says"
    book.save(workbook)

    edited = read_xlsform(workbook, instrument_id="ori-2023-edited")
    assert edited.content_hash != instrument.content_hash
    assert edited.id == "ori-2023-edited"
    assert edited.indicator("IN07").weight == 9.5
    assert edited.indicator("IN07").anchors[2].en == "Mostly there, as the new methodology says"
    # The YAML written validates on its own and scores with the new weight.
    result = CliRunner().invoke(
        cli, ["instrument", "import", str(workbook), "--out", str(tmp_path / "new.yaml"),
              "--id", "ori-2023-edited"])
    assert result.exit_code == 0, result.output
    loaded = load_instrument_file(tmp_path / "new.yaml")
    assert loaded.content_hash == edited.content_hash
    w8 = instrument.indicator("IN08").weight
    new = score_locus(loaded, _document(loaded.content_hash)).dimensions["IN"].score
    old = score_locus(instrument, _document(instrument.content_hash)).dimensions["IN"].score
    assert new == pytest.approx(100 / 3 * (9.5 * 3) / (9.5 + w8))
    assert old == pytest.approx(100 / 3 * (instrument.indicator("IN07").weight * 3)
                                / (instrument.indicator("IN07").weight + w8))
    assert new != pytest.approx(old)


def _edit(tmp_path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    workbook = tmp_path / "form.xlsx"
    export_xlsform(builtin_instrument("ori-2022"), workbook)
    book = openpyxl.load_workbook(workbook)
    change(book)
    book.save(workbook)
    return workbook


def _add_column(sheet_name: str, column: str, row: int, value: str):  # type: ignore[no-untyped-def]
    def change(book: openpyxl.Workbook) -> None:
        sheet = book[sheet_name]
        at = sheet.max_column + 1
        sheet.cell(row=1, column=at).value = column
        sheet.cell(row=row, column=at).value = value
    return change


@pytest.mark.parametrize(("sheet", "column", "value"), [
    ("survey", "relevant", "${IN07} = '3'"),
    ("survey", "constraint", ". < 3"),
    ("survey", "choice_filter", "name != '0'"),
    ("choices", "choice_filter", "x"),
    ("survey", "relevant::English (en)", "true()"),
])
def test_features_our_scoring_cannot_follow_are_refused(
    tmp_path: Path, sheet: str, column: str, value: str
) -> None:
    workbook = _edit(tmp_path, _add_column(sheet, column, 7, value))
    with pytest.raises(InstrumentError) as caught:
        read_xlsform(workbook)
    assert caught.value.code == "xlsform_unsupported"
    assert f"{sheet}, row 7, column {column}" in caught.value.message
    assert caught.value.data["row"] == 7


def test_a_changed_calculation_is_refused(tmp_path: Path) -> None:
    def change(book: openpyxl.Workbook) -> None:
        _cell(book["survey"], ("type", "calculate"), ("name", "locus_score"),
              "calculation").value = "42"
    with pytest.raises(InstrumentError) as caught:
        read_xlsform(_edit(tmp_path, change))
    assert caught.value.code == "xlsform_derived_changed"
    assert "survey, row" in caught.value.message
    assert "column calculation" in caught.value.message


def test_a_weight_that_is_no_number_is_refused(tmp_path: Path) -> None:
    def change(book: openpyxl.Workbook) -> None:
        _cell(book["survey"], ("type", "calculate"), ("name", "w_IN"),
              "calculation").value = "${w_IN07} * 2"
    with pytest.raises(InstrumentError) as caught:
        read_xlsform(_edit(tmp_path, change))
    assert caught.value.code == "xlsform_weight"


def test_an_invalid_instrument_names_the_place(tmp_path: Path) -> None:
    def change(book: openpyxl.Workbook) -> None:
        _cell(book["survey"], ("type", "calculate"), ("name", "w_IN"),
              "calculation").value = "50"
    with pytest.raises(InstrumentError) as caught:
        read_xlsform(_edit(tmp_path, change))
    assert caught.value.code == "instrument_invalid"
    assert "add up to" in caught.value.message


def test_other_workbooks_and_files_are_refused(tmp_path: Path) -> None:
    plain = tmp_path / "plain.xlsx"
    book = openpyxl.Workbook()
    book.active.title = "survey"
    book.active.append(["type", "name", "label"])
    book.active.append(["text", "q1", "Question"])
    book.create_sheet("choices")
    book.save(plain)
    with pytest.raises(InstrumentError) as caught:
        read_xlsform(plain)
    assert caught.value.code == "xlsform_not_ombud"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InstrumentError) as caught:
        read_xlsform(broken)
    assert caught.value.code == "xlsform_unreadable"
    with pytest.raises(InstrumentError) as caught:
        read_xlsform(tmp_path / "absent.xlsx")
    assert caught.value.code == "instrument_missing"


def test_command_line_export_import_validate(tmp_path: Path) -> None:
    runner = CliRunner()
    workbook, out = tmp_path / "i.xlsx", tmp_path / "i.yaml"
    expected = builtin_instrument("ori-2023").content_hash
    result = runner.invoke(cli, ["instrument", "export", "ori-2023", "--xlsform", str(workbook)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(cli, ["instrument", "import", str(workbook), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for file in (workbook, out):
        result = runner.invoke(cli, ["instrument", "validate", str(file)])
        assert result.exit_code == 0, result.output
        assert f"hash {expected}" in result.output
