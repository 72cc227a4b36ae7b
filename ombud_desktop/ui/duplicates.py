"""The duplicates list of the conflicts window: a locus assessed twice in one period.

Neither assessment counts in its entity's score until the supervisor keeps one ("Keep this
one"); the others are then set aside by a recorded change that travels like an approval
(services/duplicates.py). The list shows every assessment of such a locus and period: who
made it, its status, score, and whether it counts, waits, or is set aside.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ombud_desktop.domain.ids import short_id
from ombud_desktop.ui import alerts
from ombud_desktop.ui.models.assessments import format_number
from ombud_desktop.ui.models.rows import Index, RowsTableModel
from ombud_desktop.ui.ops import Store, StoreThread
from ombud_desktop.ui.widgets.tables import row_table


class DuplicateColumn(IntEnum):
    """The columns of the duplicates list."""

    PLACE = 0
    ASSESSMENT = 1
    AUTHORS = 2
    STATUS = 3
    SCORE = 4
    STANDING = 5


def load_duplicates(store: Store) -> list[dict[str, Any]]:
    """Return one row per assessment of a locus assessed more than once (reader thread)."""
    rows = []
    for group in store.duplicates.groups():
        for item in group["assessments"]:
            rows.append({**item, **{k: v for k, v in group.items() if k != "assessments"}})
    return rows


class DuplicateListModel(RowsTableModel):
    """Adapt the rows of :func:`load_duplicates` to a table."""

    def __init__(self, *, parent: QObject | None = None):
        super().__init__(parent=parent)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        """Return the number of columns (0 under any parent)."""
        return 0 if parent.isValid() else len(DuplicateColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column titles."""
        if (
            orientation != Qt.Orientation.Horizontal
            or role != Qt.ItemDataRole.DisplayRole
            or not 0 <= section < len(DuplicateColumn)
        ):
            return None
        return {
            DuplicateColumn.PLACE: self.tr("Entity › locus (period)"),
            DuplicateColumn.ASSESSMENT: self.tr("Assessment"),
            DuplicateColumn.AUTHORS: self.tr("Made by"),
            DuplicateColumn.STATUS: self.tr("Status"),
            DuplicateColumn.SCORE: self.tr("Score"),
            DuplicateColumn.STANDING: self.tr("Counts?"),
        }[DuplicateColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a view asks of one cell."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = DuplicateColumn(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and column == DuplicateColumn.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == DuplicateColumn.PLACE:
            return f"{item['entity']} › {item['locus']} ({item['period']})"
        if column == DuplicateColumn.ASSESSMENT:
            return short_id(item["assessment_id"])
        if column == DuplicateColumn.AUTHORS:
            return ", ".join(item["authors"]) or "–"
        if column == DuplicateColumn.STATUS:
            review = {"approved": self.tr("approved"), "returned": self.tr("returned")}
            status = {"draft": self.tr("draft"), "complete": self.tr("complete")}.get(
                item["status"], item["status"]
            )
            return status + (f" · {review[item['review']]}" if item["review"] in review else "")
        if column == DuplicateColumn.SCORE:
            return format_number(item["score"]) + (" *" if item["provisional"] else "")
        return self.standing_words(item)

    def standing_words(self, item: dict[str, Any]) -> str:
        """Return whether the assessment counts, waits for a decision, or is set aside."""
        if item["set_aside_for"]:
            return self.tr("Set aside (%1 kept)").replace("%1", short_id(item["set_aside_for"]))
        if item["decided"]:
            return self.tr("Counts (kept)")
        return self.tr("Not counted: decide")


class DuplicatesPanel(QWidget):
    """List the duplicates; keep the selected assessment of its locus and period."""

    loaded = Signal(int)  # the number of loci and periods not decided yet
    decided = Signal()  # the supervisor kept one

    def __init__(self, store: StoreThread, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        store.changed.connect(self._changed)
        self.model = DuplicateListModel(parent=self)
        self.table = row_table(self.model, alternating=False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(DuplicateColumn.PLACE, header.ResizeMode.Stretch)
        explanation = QLabel(
            self.tr(
                "The same locus was assessed twice in one period. Neither assessment counts "
                "in the entity's score until you keep one; the other is set aside (recorded, "
                "and sent with your next package)."
            )
        )
        explanation.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("&Keep this one"))
        self.keep_button.setToolTip(
            self.tr("Count the selected assessment; set the others of its locus and period aside")
        )
        self.keep_button.clicked.connect(self.keep)
        self.count_label = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_button())
        self._generation = 0
        self._update_button()
        self.refresh()

    def _changed(self, changes: Any, _initiator: object) -> None:
        if shiboken6.isValid(self) and (
            changes.any_assessment or changes.reviews or changes.entities
        ):
            self.refresh()

    def refresh(self) -> None:
        """Read the duplicates again in the background."""
        self._generation += 1
        generation = self._generation
        self.store.submit(
            load_duplicates,
            on_done=lambda rows: self._loaded(generation, rows),
            on_error=self._failed,
            write=False,
        )

    def _loaded(self, generation: int, rows: list[dict[str, Any]]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        current = self.current()
        self.model.set_rows(rows)
        undecided = len({(r["entity_id"], r["locus"], r["period"]) for r in rows
                         if not r["decided"]})
        self.count_label.setText(self.tr("%n locus/loci not decided", "", undecided))
        ids = [r["assessment_id"] for r in rows]
        if rows:
            wanted = current["assessment_id"] if current else None
            row = ids.index(wanted) if wanted in ids else 0
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update_button()
        self.loaded.emit(undecided)

    def _failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            alerts.error(self, exc)

    def current(self) -> dict[str, Any] | None:
        """Return the selected assessment's row, or None."""
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_data(index.row())

    def _update_button(self) -> None:
        item = self.current()
        counts = item is not None and item["decided"] and not item["set_aside_for"]
        self.keep_button.setEnabled(item is not None and not counts)

    def keep(self) -> None:
        """Keep the selected assessment; set the others of its locus and period aside."""
        item = self.current()
        if item is None:
            return
        assessment_id = item["assessment_id"]

        def done(_written: object) -> None:
            if shiboken6.isValid(self):
                self.decided.emit()

        self.store.submit(
            lambda s: s.duplicates.keep(assessment_id), on_done=done, on_error=self._failed
        )
