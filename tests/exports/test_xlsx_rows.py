"""The data rows written as XML text are the rows openpyxl itself writes, byte for byte."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from ombud_desktop.exports.xlsx_rows import RowsPart, splice

FORMATS = [None, "0", "0.00", "[$-421]d mmmm yyyy", None, "0.00"]
ROWS: list[list[Any]] = [
    ["Aceh", 2024, 72.3456, date(2024, 8, 5), True, None],
    ["Tom & Jerry <b>", 0, -0.5, None, False, 1e20],
    ["  spaces around  ", 123456789012345678, 1 / 3, date(1900, 2, 1), "   ", 7],
    ["=HYPERLINK(\"x\")", None, float("nan"), "not a date", "#N/A", float("inf")],
    ["≥ 65 – Perempuan", 3.0, 2, date(2031, 12, 31), "", "="],
    ["x" * 40000, "line\nbreak", 5, None, None, None, "beyond the columns", 9],
]


def _reference(path: Path) -> None:
    """Write the rows with openpyxl's own cells, as the export did before (the reference)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    header = []
    for n in range(len(FORMATS)):
        cell = WriteOnlyCell(sheet, f"Kolom {n}")
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    styled = []
    for number_format in FORMATS:
        cell = None
        if number_format:
            cell = WriteOnlyCell(sheet)
            cell.number_format = number_format
        styled.append(cell)
    for values in ROWS:
        out: list[Any] = []
        for n, value in enumerate(values):
            cell = styled[n] if n < len(styled) else None
            if type(value) is str:
                text = WriteOnlyCell(sheet, value)
                text.data_type = "s"  # always text, never a formula or an error
                out.append(text)
            elif cell is not None and type(value) in (int, float, date):
                cell.value = value
                out.append(cell)
            else:
                out.append(value)
        sheet.append(out)
    book.save(path)


def _fast(path: Path) -> None:
    """Write the same rows with the header through openpyxl and the data rows as text."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    header = []
    for n in range(len(FORMATS)):
        cell = WriteOnlyCell(sheet, f"Kolom {n}")
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    styled = []
    for number_format in FORMATS:
        cell = None
        if number_format:
            cell = WriteOnlyCell(sheet)
            cell.number_format = number_format
        styled.append(cell)
    rows = RowsPart(path.with_suffix(".rows"), 2, styled)
    for values in ROWS:
        rows.append(values)
    sheet.close()
    splice(sheet._writer.out, rows)
    book.save(path)


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {
            name: archive.read(name)
            for name in archive.namelist()
            if name != "docProps/core.xml"  # holds the time of writing
        }


def test_rows_written_as_text_are_openpyxls_rows_byte_for_byte(tmp_path: Path) -> None:
    _reference(tmp_path / "reference.xlsx")
    _fast(tmp_path / "fast.xlsx")
    reference, fast = _members(tmp_path / "reference.xlsx"), _members(tmp_path / "fast.xlsx")
    assert reference.keys() == fast.keys()
    for name in reference:
        assert fast[name] == reference[name], name
    assert not (tmp_path / "fast.rows").exists()  # the rows part is gone once spliced


def test_rows_read_back_with_their_values_and_formats(tmp_path: Path) -> None:
    _fast(tmp_path / "fast.xlsx")
    book = load_workbook(tmp_path / "fast.xlsx")
    sheet = book["Data"]
    assert sheet["A3"].value == "Tom & Jerry <b>"
    assert sheet["A4"].value == "  spaces around  "
    assert sheet["A5"].value == '=HYPERLINK("x")'
    assert sheet["A5"].data_type == "s"
    assert sheet["E5"].value == "#N/A"
    assert sheet["E5"].data_type == "s"
    assert sheet["A6"].value == "≥ 65 – Perempuan"
    assert sheet["C2"].value == pytest.approx(72.3456)
    assert sheet["C2"].number_format == "0.00"
    assert sheet["D2"].value.date() == date(2024, 8, 5)
    assert sheet["E2"].value is True
    assert sheet["E3"].value is False
    assert len(sheet["A7"].value) == 32767
    assert sheet["G7"].value == "beyond the columns"
    assert sheet["H7"].value == 9


def test_control_characters_are_dropped_and_the_row_reads_back(tmp_path: Path) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Data")
    sheet.append(["Catatan"])
    rows = RowsPart(tmp_path / "rows", 2, [None])
    rows.append(["bunyi\x07 bel\x1b"])
    sheet.close()
    splice(sheet._writer.out, rows)
    book.save(tmp_path / "out.xlsx")
    assert load_workbook(tmp_path / "out.xlsx")["Data"]["A2"].value == "bunyi bel"


def test_memory_does_not_grow_with_distinct_texts(tmp_path: Path) -> None:
    from ombud_desktop.exports import xlsx_rows

    rows = RowsPart(tmp_path / "rows", 2, [None, None])
    for n in range(xlsx_rows._CACHE_SIZE + 5_000):
        rows.append([f"responden-{n}", "Ya"])  # unique ids, and a word that recurs
        assert len(rows._texts) <= xlsx_rows._CACHE_SIZE
    rows.remove()
    assert not (tmp_path / "rows").exists()
