"""The workbook as a reader sees it: filters on the header rows, words instead of internal codes,
numbers and dates as numbers and dates with a format in the workbook's language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from openpyxl import load_workbook

from ombud_desktop.exports import tables
from ombud_desktop.exports.spreadsheet import export_spreadsheet
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace

INSTRUMENT = builtin_instrument("ori-2023")
# Codes that are for programs, never for a reader of the workbook.
CODES = {
    *(entry.type for template in INSTRUMENT.locus_templates for entry in template.loci),
    *(category.code for category in INSTRUMENT.entity_categories),
    "rating", "sub_items", "sub_item", "role_interview", "display", "service_user",
    "draft", "complete", "signed",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder = tmp_path_factory.mktemp("labels") / "ws"
    with Workspace.open(folder) as workspace:
        workspace.set_profile("Siti Aminah", None)
        generate_demo(workspace, INSTRUMENT, entities=2, seed=4)
    workspace = Workspace.open(folder)
    yield workspace
    workspace.close()


@pytest.fixture(scope="module", params=["id", "en"])
def book(request: pytest.FixtureRequest, demo: Workspace,
         tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Any]]:
    language = request.param
    out = tmp_path_factory.mktemp("book") / f"hasil-{language}.xlsx"
    export_spreadsheet(demo, out, language=language, personal_data=True)
    workbook = load_workbook(out)  # not read-only: filters and formats are read back too
    yield language, workbook
    workbook.close()


def header_row(sheet: Any) -> int:
    """Return the number of the header row (2 below the personal-data note)."""
    return 2 if sheet.max_column > 1 and sheet["B1"].value is None else 1


def column(sheet: Any, title: str) -> list[Any]:
    top = header_row(sheet)
    titles = [cell.value for cell in sheet[top]]
    index = titles.index(title) + 1
    return [sheet.cell(row=r, column=index) for r in range(top + 1, sheet.max_row + 1)]


def test_every_sheet_has_a_filter_on_its_header_row(book: tuple[str, Any]) -> None:
    _language, workbook = book
    assert len(workbook.worksheets) == 4
    for sheet in workbook.worksheets:
        top = header_row(sheet)
        last = sheet.cell(row=top, column=sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A{top}:{last}{sheet.max_row}", sheet.title
        assert sheet.max_row > top, sheet.title  # the filter covers rows, not only the header


def test_no_internal_code_where_words_belong(book: tuple[str, Any]) -> None:
    language, workbook = book
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows(min_row=header_row(sheet) + 1):
            for cell in row:
                assert cell.value not in CODES, (sheet.title, cell.coordinate, cell.value)
    lokus = workbook[tables.SHEET_TITLES[tables.LOCI][language]]
    types = {cell.value for cell in column(lokus, tables.word("locus_type", language))}
    named = {entry.name.get(language) for t in INSTRUMENT.locus_templates for entry in t.loci}
    assert types
    assert types <= named
    instrument = workbook[tables.SHEET_TITLES[tables.INSTRUMENT][language]]
    kinds = {cell.value for cell in column(instrument, tables.word("kind", language))}
    expected = {"id": "Wawancara jabatan", "en": "Role interview"}[language]
    assert expected in kinds


def test_an_english_workbook_shows_the_profile_in_english(book: tuple[str, Any]) -> None:
    language, workbook = book
    users = workbook[tables.SHEET_TITLES[tables.SERVICE_USERS][language]
                     + tables.PERSONAL_MARK[language]]
    labels = {f["field"]: f["label"][language] for f in INSTRUMENT.service_users.profile}
    sexes = {cell.value for cell in column(users, labels["sex"])} - {None}
    assert sexes
    assert sexes <= ({"Perempuan", "Laki-laki"} if language == "id" else {"Female", "Male"})


def test_numbers_are_number_cells_with_two_decimals_and_dates_have_a_date_format(
    book: tuple[str, Any],
) -> None:
    language, workbook = book
    lokus = workbook[tables.SHEET_TITLES[tables.LOCI][language]]
    scores = [c for c in column(lokus, tables.word("score", language)) if c.value is not None]
    assert scores
    for cell in scores:
        assert cell.data_type == "n"
        assert cell.number_format == tables.SCORE_FORMAT
    values = [c for c in column(lokus, "IN01") if c.value is not None]
    assert values
    assert all(c.number_format == tables.SCORE_FORMAT for c in values)
    visits = [c for c in column(lokus, tables.word("visit_date", language)) if c.value]
    assert visits
    for cell in visits:
        assert isinstance(cell.value, datetime | date)
        assert cell.number_format == tables.DATE_FORMATS[language]
    counts = column(lokus, tables.word("reasons_count", language))
    assert all(c.data_type == "n" and c.number_format == "0" for c in counts)
    flags = column(lokus, tables.word("provisional", language))
    assert all(c.data_type == "b" for c in flags)  # a flag is not given a number format
    entities = workbook[tables.SHEET_TITLES[tables.ENTITIES][language]]
    for cell in column(entities, tables.word("score", language)):
        assert cell.value is None or cell.number_format == tables.SCORE_FORMAT
