"""The entity view's tables of supervisor records: the plan of loci and the corrections.

Rows are the JSON data of :class:`ombud_desktop.services.records.PlannedSlot` and
:class:`~ombud_desktop.services.records.CorrectionView` (``to_json``), read on the store thread.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from ombud_desktop import words
from ombud_desktop.domain.ids import short_id
from ombud_desktop.ui.models.assessments import local_time, status_text
from ombud_desktop.ui.models.rows import Index, RowsTableModel

ID_ROLE = Qt.ItemDataRole.UserRole
"""Returns a correction's id (the corrections table)."""

COMPLETE, PROVISIONAL, MISSING = "complete", "provisional", "missing"
_NUMBERED = re.compile(r"\s*\(\d+\)$")
_COLOURS = {COMPLETE: "#1E6B34", PROVISIONAL: "#9A5B00", MISSING: "#B00020"}


def type_label(kind: str | None, template: Sequence[Mapping[str, Any]], language: str) -> str:
    """Return a locus type's name from the instrument's template ("Puskesmas"), or the code.

    A template that plans a type twice numbers its entries ("Puskesmas (1)", "Puskesmas (2)");
    the type's name is without the number (the plan numbers its own slots).
    """
    for entry in template:
        if entry["type"] == kind:
            label = entry.get("label") or {}
            text = label.get(language) or label.get("id") or str(kind)
            return _NUMBERED.sub("", text) or text
    return str(kind or "–")


def slot_labels(
    slots: Sequence[Mapping[str, Any]], template: Sequence[Mapping[str, Any]], language: str
) -> list[str]:
    """Return what each slot plans: the locus's name, or "Any <type>", numbered when repeated."""
    repeated = Counter(s["type"] for s in slots if not s["name"])
    seen: Counter[str] = Counter()
    out = []
    for slot in slots:
        if slot["name"]:
            out.append(str(slot["name"]))
            continue
        seen[slot["type"]] += 1
        text = QCoreApplication.translate("RecordsModel", "Any %1").replace(
            "%1", type_label(slot["type"], template, language)
        )
        if repeated[slot["type"]] > 1:
            text += f" ({seen[slot['type']]})"
        out.append(text)
    return out


def slot_state(slot: Mapping[str, Any]) -> str:
    """Return "complete", "provisional" (assessed, not complete) or "missing" (no assessment)."""
    if slot["complete"]:
        return COMPLETE
    return PROVISIONAL if slot["locus"] and slot["assessments"] else MISSING


def plan_source_text(plan: Mapping[str, Any]) -> str:
    """Return where the plan comes from: the template, or who set it and when."""
    if plan["source"] == "record":
        return (
            QCoreApplication.translate("RecordsModel", "Plan set by %1, %2")
            .replace("%1", str(plan["set_by"]))
            .replace("%2", local_time(plan["set_at"]))
        )
    if plan["source"] == "template":
        return QCoreApplication.translate(
            "RecordsModel", "Plan: the instrument's locus template (default)"
        )
    return QCoreApplication.translate(
        "RecordsModel", "No plan: the instrument has no locus template for this category"
    )


class PlanColumn(IntEnum):
    """The columns of the plan table."""

    PLANNED = 0
    FILLED_BY = 1
    STATE = 2
    ASSESSMENTS = 3


class PlanTableModel(RowsTableModel):
    """The slots of an entity's plan, each with the locus that fills it and its state."""

    def __init__(self, *, language: str = "id", parent: QObject | None = None):
        super().__init__(parent=parent)
        self._language = language
        self.template: list[Mapping[str, Any]] = []
        self._labels: list[str] = []

    def set_plan(
        self, slots: Sequence[dict[str, Any]], template: Sequence[Mapping[str, Any]]
    ) -> None:
        """Show the plan's slots (``template`` names the locus types)."""
        self.template = list(template)
        self.set_rows(slots)

    def _rows_changed(self) -> None:
        self._labels = slot_labels(self._rows, self.template, self._language)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        """Return the number of columns (0 under any parent)."""
        return 0 if parent.isValid() else len(PlanColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(PlanColumn):
            return None
        return {
            PlanColumn.PLANNED: self.tr("Planned locus"),
            PlanColumn.FILLED_BY: self.tr("Filled by"),
            PlanColumn.STATE: self.tr("State"),
            PlanColumn.ASSESSMENTS: self.tr("Assessments"),
        }[PlanColumn(section)]

    def state_text(self, state: str) -> str:
        """Return a slot's state in words."""
        return {
            COMPLETE: self.tr("Complete"),
            PROVISIONAL: self.tr("Provisional (not complete)"),
            MISSING: self.tr("Missing (no assessment)"),
        }[state]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a view asks of one cell."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        slot = self._rows[index.row()]
        column = PlanColumn(index.column())
        state = slot_state(slot)
        if role == Qt.ItemDataRole.ForegroundRole and column == PlanColumn.STATE:
            return QColor(_COLOURS[state])
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == PlanColumn.PLANNED:
            return self._labels[index.row()]
        if column == PlanColumn.FILLED_BY:
            return slot["locus"] or "–"
        if column == PlanColumn.STATE:
            return self.state_text(state)
        return ", ".join(
            f"{short_id(a['id'])} {status_text(a['status'] or 'draft')}"
            + ("" if a["complete"] else self.tr(" (not complete)"))
            for a in slot["assessments"]
        ) or "–"


class CorrectionColumn(IntEnum):
    """The columns of the corrections table."""

    CORRECTION = 0
    BY = 1
    STATE = 2


class CorrectionTableModel(RowsTableModel):
    """An entity's corrections in a period, in force and withdrawn (who, when, why)."""

    def __init__(self, *, language: str = "id", parent: QObject | None = None):
        super().__init__(parent=parent)
        self._language = language

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        """Return the number of columns (0 under any parent)."""
        return 0 if parent.isValid() else len(CorrectionColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(CorrectionColumn):
            return None
        return {
            CorrectionColumn.CORRECTION: self.tr("Correction and reason"),
            CorrectionColumn.BY: self.tr("By"),
            CorrectionColumn.STATE: self.tr("State"),
        }[CorrectionColumn(section)]

    def state_text(self, item: Mapping[str, Any]) -> str:
        """Return "In force", or "Withdrawn by X, time: reason"."""
        withdrawn = item.get("withdrawn")
        if not withdrawn:
            return self.tr("In force")
        return (
            self.tr("Withdrawn by %1, %2: %3").replace("%1", str(withdrawn["by"]))
            .replace("%2", local_time(withdrawn["at"])).replace("%3", str(withdrawn["reason"]))
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a view asks of one cell."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = CorrectionColumn(index.column())
        if role == ID_ROLE:
            return item["id"]
        if role == Qt.ItemDataRole.ForegroundRole and item.get("withdrawn"):
            return QColor("#666666")
        if role == Qt.ItemDataRole.FontRole and item.get("withdrawn"):
            font = QFont()
            font.setStrikeOut(column == CorrectionColumn.CORRECTION)
            return font
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == CorrectionColumn.CORRECTION:
            return words.correction_text(
                item["kind"], item["points"], item["cap_grade"], item["reason"], self._language
            )
        if column == CorrectionColumn.BY:
            return f"{item['author']}, {local_time(item['at'])}"
        return self.state_text(item)
