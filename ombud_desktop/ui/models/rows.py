"""The base of the flat tables over lists of row dicts (assessments, entities, loci)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel):
    """A flat table whose rows are dicts: replace them all, read them back by row number."""

    def __init__(self, rows: Sequence[dict[str, Any]] = (), *, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = list(rows)

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Replace every row (a reset: views keep no selection across it)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._rows_changed()
        self.endResetModel()

    def _rows_changed(self) -> None:
        """Hook for subclasses that derive columns from the rows (inside the reset)."""

    def rows(self) -> list[dict[str, Any]]:
        """Return the rows shown (do not modify them)."""
        return self._rows

    def row_data(self, row: int) -> dict[str, Any]:
        """Return the dict behind table row ``row``."""
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        """Return the number of rows (0 under any parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Return selectable and enabled: the table is read-only."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
