"""The workbook's layout: the header row frozen, filtered, and columns as wide as planned."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook

from ombud_desktop.exports import tables
from ombud_desktop.exports.spreadsheet import export_spreadsheet
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder = tmp_path_factory.mktemp("layout") / "ws"
    with Workspace.open(folder) as workspace:
        workspace.set_profile("Siti Aminah", None)
        generate_demo(workspace, builtin_instrument("ori-2023"), entities=1, seed=2)
    workspace = Workspace.open(folder)
    yield workspace
    workspace.close()


@pytest.mark.parametrize("personal_data", [False, True])
def test_header_row_is_frozen_filtered_and_columns_have_their_widths(
    demo: Workspace, tmp_path: Path, personal_data: bool
) -> None:
    out = tmp_path / "hasil.xlsx"
    export_spreadsheet(demo, out, personal_data=personal_data)
    book = load_workbook(out)
    loci = book[tables.SHEET_TITLES[tables.LOCI]["id"]]
    assert loci.freeze_panes == "A2"
    assert loci.auto_filter.ref.startswith("A1:")
    assert loci.column_dimensions["D"].width == 30  # Entitas
    title = tables.SHEET_TITLES[tables.SERVICE_USERS]["id"]
    users = book[title + tables.PERSONAL_MARK["id"]] if personal_data else book[title]
    header = 2 if personal_data else 1  # a personal-data sheet says so in row 1
    assert users.freeze_panes == f"A{header + 1}"
    assert users.auto_filter.ref.startswith(f"A{header}:")
