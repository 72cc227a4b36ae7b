"""The read-only tables of the app: rows are chosen whole, never edited in place."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QTableView


def row_table(
    model: QAbstractItemModel,
    *,
    several: bool = False,
    alternating: bool = True,
    wrap: bool = False,
    sorting: bool = False,
) -> QTableView:
    """Return a table view over ``model``: whole rows selected, no editing, no row numbers.

    ``several``: more than one row can be chosen (extended selection).
    """
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if several
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(alternating)
    table.setWordWrap(wrap)
    table.verticalHeader().hide()
    table.setSortingEnabled(sorting)
    return table
