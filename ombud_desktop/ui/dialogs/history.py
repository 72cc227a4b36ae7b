"""The history of one page's answers: every change, who made it, when, and what became of it."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.errors import OmbudError
from ombud_desktop.services.changes import Changes
from ombud_desktop.ui.messages import describe
from ombud_desktop.ui.models.rows import RowsTableModel
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.widgets.tables import row_table

if TYPE_CHECKING:  # the store stack is imported on the store thread only
    from ombud_desktop.services.history import CellHistory

Index = QModelIndex | QPersistentModelIndex
GREY = QBrush(QColor("#6B6B6B"))


def local_time(stamp: str) -> str:
    """Return "12/08/2024 10:41:07" in local time for a stored UTC time, or the text as is."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%d/%m/%Y %H:%M:%S")


class HistoryModel(RowsTableModel):
    """Rows of changes, oldest first; each row a dict made by :meth:`rows_of`."""

    TIME, ANSWER, VALUE, AUTHOR, DEVICE, STATE = range(6)

    def __init__(self, parent: Any = None):
        super().__init__(parent=parent)
        self._headers = [
            self.tr("Time"),
            self.tr("Answer"),
            self.tr("Value"),
            self.tr("Author"),
            self.tr("Device"),
            self.tr("State"),
        ]

    def state_text(self, state: str) -> str:
        """Return a change's fate in words."""
        words = {
            "current": self.tr("current"),
            "superseded": self.tr("superseded"),
            "conflict": self.tr("conflict"),
            "held": self.tr("held (after approval)"),
            "adopted": self.tr("adopted"),
        }
        return words.get(state, state)

    def value_text(self, value: Any, personal: bool) -> str:
        """Return a stored value as people read it; personal data is never shown here."""
        if personal:
            return self.tr("(personal data, not shown)")
        if value is None:
            return self.tr("(cleared)")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        if isinstance(value, dict):
            return json.dumps(value, ensure_ascii=False, sort_keys=True)
        return str(value)

    def author_text(self, entry: Any) -> str:
        """Return who made a change: the name known for its key, and its own if they differ."""
        known = entry.author_known_as
        if not known:
            return entry.author
        text = known if not entry.author_role else f"{known} ({entry.author_role})"
        if entry.author and entry.author != known:
            text += " " + self.tr("— calls itself %1").replace("%1", entry.author)
        return text

    def rows_of(self, cells: Sequence[CellHistory]) -> list[dict[str, Any]]:
        """Return one row per change of ``cells``, oldest first across the cells."""
        rows = []
        for cell in cells:
            _target, row_id, field = cell.cell
            answer = row_id if field == "value" else f"{row_id} · {field}"
            for e in cell.entries:
                rows.append(
                    {
                        "at": e.at,
                        "time": local_time(e.at),
                        "answer": answer,
                        "value": self.value_text(e.value, e.personal),
                        "author": self.author_text(e),
                        "device": e.device,
                        "state": e.state,
                        "change_id": e.change_id,
                        "key": e.author_key or "",
                        "package": e.package or "",
                        "signer": e.package_signer or "",
                    }
                )
        return sorted(rows, key=lambda r: (r["at"], r["change_id"]))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text; changes no longer in force are greyed."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows()):
            return None
        row = self.row_data(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            key = ("time", "answer", "value", "author", "device", "state")[index.column()]
            return self.state_text(row["state"]) if key == "state" else row[key]
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.tr("Change %1").replace("%1", row["change_id"])]
            if row.get("key"):
                lines.append(self.tr("Signed with key %1").replace("%1", row.get("key", "")[:16]))
            if row.get("package"):
                lines.append(
                    self.tr("Came in %1, signed by %2")
                    .replace("%1", row.get("package", ""))
                    .replace("%2", row.get("signer") or "?")
                )
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and row["state"] == "superseded":
            return GREY
        return None


class HistoryDialog(QDialog):
    """Shows every change of one page's answers, read on the store thread."""

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("History: %1").replace("%1", title))
        layout = QVBoxLayout(self)
        self.note = QLabel(self.tr("Reading the history…"))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.model = HistoryModel(self)
        self.table = row_table(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def show_cells(self, cells: Sequence[CellHistory]) -> None:
        """Fill the table with the changes of ``cells``."""
        if not shiboken6.isValid(self):
            return
        self.model.set_rows(self.model.rows_of(cells))
        self.note.setText(
            self.tr("Every change of these answers, oldest first. Old values are never lost.")
            if self.model.rowCount()
            else self.tr("No answer on this page has been changed yet.")
        )

    def show_error(self, error: BaseException) -> None:
        """Say that the history could not be read."""
        if not shiboken6.isValid(self):
            return
        reason = " ".join(describe(error)) if isinstance(error, OmbudError) else str(error)
        self.note.setText(self.tr("The history could not be read: %1").replace("%1", reason))

    @classmethod
    def open_for(
        cls,
        parent: QWidget | None,
        store: StoreThread,
        assessment_id: str,
        codes: Collection[str],
        title: str,
    ) -> HistoryDialog:
        """Show the history of the answers ``codes`` name; the rows come from the store thread.

        The dialog is not modal and returns at once (there is no answer to wait for).
        """
        dialog = cls(parent, title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.watch(store, assessment_id, list(codes))
        dialog.show()
        return dialog

    def watch(self, store: StoreThread, assessment_id: str, codes: list[str]) -> None:
        """Read the history now, and again whenever the assessment changes while it shows."""

        def read() -> None:
            store.submit(
                lambda s: s.history(assessment_id, codes),
                on_done=self.show_cells,
                on_error=self.show_error,
                write=False,
            )

        def changed(changes: Changes, _initiator: object) -> None:
            if shiboken6.isValid(self) and changes.touches(assessment_id):
                read()

        def forget() -> None:
            with suppress(RuntimeError):  # the store went first (the app is closing)
                store.changed.disconnect(changed)

        store.changed.connect(changed)
        self.destroyed.connect(forget)
        read()
