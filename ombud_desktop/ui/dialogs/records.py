"""The supervisor's dialogs of the results window: the plan of loci, and a new correction.

Each opens through one classmethod that returns the answer (None when cancelled):
:meth:`PlanDialog.ask` returns the loci as ``ombud plan set`` takes them (a locus's name, or a
locus type for "any locus of that type"); :meth:`CorrectionDialog.ask` returns a
:class:`CorrectionAnswer`. Nothing is written here: the window submits the answer to the
records service.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain.records import MAX_REASON, same_name
from ombud_desktop.ui.models.records import type_label

if TYPE_CHECKING:
    from ombud_desktop.services.records import EntityRecords

KIND_ROLE = Qt.ItemDataRole.UserRole  # "type" or "name"
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the locus type, or the locus's name


class PlanDialog(QDialog):
    """Checkable locus types of the template and known loci of the entity: the plan to set."""

    def __init__(self, parent: QWidget | None, records: EntityRecords, language: str):
        super().__init__(parent)
        self.records = records
        self.language = language
        self.setWindowTitle(self.tr("Plan of loci · %1 (%2)").replace("%1", records.entity)
                            .replace("%2", records.period))
        intro = QLabel(self.tr(
            "Tick the loci this entity is assessed at in period %1. A locus type is filled by any "
            "locus of that type; a named locus only by itself. The entity stays provisional until "
            "every planned locus has a complete assessment."
        ).replace("%1", records.period))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self._fill()
        self.add_combo = QComboBox()
        for kind in self._types():
            self.add_combo.addItem(type_label(kind, records.template, language), kind)
        self.add_button = QPushButton(self.tr("&Add another slot"))
        self.add_button.setToolTip(
            self.tr("Plan one more locus of the chosen type (e.g. a second puskesmas)")
        )
        self.add_button.clicked.connect(lambda _checked=False: self.add_slot(
            self.add_combo.currentData()))
        self.add_button.setEnabled(self.add_combo.count() > 0)
        add_row = QHBoxLayout()
        add_label = QLabel(self.tr("Another locus of type:"))
        add_label.setBuddy(self.add_combo)
        add_row.addWidget(add_label)
        add_row.addWidget(self.add_combo, 1)
        add_row.addWidget(self.add_button)
        self.count_label = QLabel()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save plan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(add_row)
        layout.addWidget(self.count_label)
        layout.addWidget(self.buttons)
        self.list.itemChanged.connect(lambda _item: self._update())
        self._update()
        self.resize(600, 500)

    def _types(self) -> list[str]:
        kinds = [str(t["type"]) for t in self.records.template]
        kinds += [str(s.type) for s in self.records.plan.slots if s.name is None and s.type]
        return list(dict.fromkeys(kinds))

    def _heading(self, text: str) -> None:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # read in full contrast, never ticked
        font = QFont(item.font())
        font.setBold(True)
        item.setFont(font)
        self.list.addItem(item)

    def _fill(self) -> None:
        records = self.records
        planned_types = Counter(s.type for s in records.plan.slots if s.name is None)
        in_template = Counter(str(t["type"]) for t in records.template)
        self._heading(self.tr("Locus types of the instrument's template (any locus of the type)"))
        for kind in self._types():
            for number in range(max(in_template[kind], planned_types[kind], 1)):
                self._type_item(kind, checked=number < planned_types[kind])
        self._heading(self.tr("Loci of this entity (only that locus)"))
        named = [s.name for s in records.plan.slots if s.name]
        for locus in records.loci:
            kind = type_label(locus["type"], records.template, self.language)
            # The type beside the name, unless the name says it already ("Puskesmas Ciruas").
            shown = locus["name"] if kind.casefold() in locus["name"].casefold() else (
                f"{locus['name']} ({kind})")
            item = QListWidgetItem(shown)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            checked = any(same_name(locus["name"], n) for n in named)
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            item.setData(KIND_ROLE, "name")
            item.setData(VALUE_ROLE, locus["name"])
            self.list.addItem(item)
        if not records.loci:
            self._heading(self.tr("(none assessed yet)"))

    def _type_item(self, kind: str, *, checked: bool, row: int = -1) -> None:
        item = QListWidgetItem()
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        item.setData(KIND_ROLE, "type")
        item.setData(VALUE_ROLE, kind)
        if row < 0:
            self.list.addItem(item)
        else:
            self.list.insertItem(row, item)

    def add_slot(self, kind: str | None) -> None:
        """Add one more (ticked) slot of locus type ``kind``, after that type's others."""
        if not kind:
            return
        rows = [i for i in range(self.list.count()) if self._value(i) == ("type", kind)]
        row = (rows[-1] + 1) if rows else 1
        self._type_item(kind, checked=True, row=row)
        self.list.setCurrentRow(row)
        self._update()

    def _value(self, row: int) -> tuple[str, str] | None:
        item = self.list.item(row)
        kind = item.data(KIND_ROLE)
        return (kind, item.data(VALUE_ROLE)) if kind else None

    def loci(self) -> list[str]:
        """Return the ticked loci as ``ombud plan set`` takes them (names and types)."""
        return [
            value[1]
            for row in range(self.list.count())
            if (value := self._value(row)) is not None
            and self.list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def set_checked(self, value: str, checked: bool = True) -> None:
        """Tick (or untick) the first item of ``value`` (a locus's name or type) that differs."""
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.list.count()):
            found = self._value(row)
            item = self.list.item(row)
            if found is not None and found[1] == value and item.checkState() != state:
                item.setCheckState(state)
                return

    def _relabel(self) -> None:
        """Name the type items "Any Puskesmas", numbered when a type has more than one."""
        values = [self._value(row) for row in range(self.list.count())]
        total = Counter(v[1] for v in values if v and v[0] == "type")
        seen: Counter[str] = Counter()
        for row, value in enumerate(values):
            if not value or value[0] != "type":
                continue
            seen[value[1]] += 1
            label = self.tr("Any %1").replace(
                "%1", type_label(value[1], self.records.template, self.language))
            if total[value[1]] > 1:
                label += f" ({seen[value[1]]})"
            self.list.item(row).setText(label)

    def _update(self) -> None:
        self.list.blockSignals(True)
        self._relabel()
        self.list.blockSignals(False)
        count = len(self.loci())
        self.count_label.setText(self.tr("%n locus(es) planned", "", count))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(count > 0)

    @classmethod
    def ask(
        cls, parent: QWidget | None, records: EntityRecords, language: str
    ) -> list[str] | None:
        """Show the plan; return the loci to plan, or None when cancelled."""
        dialog = cls(parent, records, language)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.loci() or None
        finally:
            dialog.deleteLater()


@dataclass(frozen=True)
class CorrectionAnswer:
    """A correction to add: points off, or a grade cap; and why."""

    points: float | None
    cap_grade: str | None
    reason: str


class CorrectionDialog(QDialog):
    """Points off the entity's score, or a cap on its grade, with the reason."""

    def __init__(self, parent: QWidget | None, entity: str, period: str, grades: list[str]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a correction · %1 (%2)").replace("%1", entity)
                            .replace("%2", period))
        self.points_radio = QRadioButton(self.tr("&Subtract points:"))
        self.cap_radio = QRadioButton(self.tr("&Cap the grade at:"))
        group = QButtonGroup(self)
        group.addButton(self.points_radio)
        group.addButton(self.cap_radio)
        self.points_spin = QDoubleSpinBox()
        self.points_spin.setRange(0.01, 100.0)
        self.points_spin.setDecimals(2)
        self.points_spin.setSingleStep(0.5)
        self.points_spin.setValue(1.0)
        self.grade_combo = QComboBox()
        self.grade_combo.addItems(grades)
        self.cap_radio.setEnabled(bool(grades))
        self.points_radio.setChecked(True)
        self.reason_edit = QPlainTextEdit()
        self.reason_edit.setPlaceholderText(
            self.tr("Why (recorded with the correction and sent with the packages)")
        )
        self.reason_edit.setTabChangesFocus(True)
        reason_label = QLabel(self.tr("&Reason:"))
        reason_label.setBuddy(self.reason_edit)
        grid = QGridLayout()
        grid.addWidget(self.points_radio, 0, 0)
        grid.addWidget(self.points_spin, 0, 1)
        grid.addWidget(self.cap_radio, 1, 0)
        grid.addWidget(self.grade_combo, 1, 1)
        grid.setColumnStretch(2, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            self.tr("&Add correction"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit, 1)
        layout.addWidget(self.buttons)
        self.points_radio.toggled.connect(self._update)
        self.reason_edit.textChanged.connect(self._update)
        self._update()
        self.resize(480, 320)

    def _update(self) -> None:
        self.points_spin.setEnabled(self.points_radio.isChecked())
        self.grade_combo.setEnabled(self.cap_radio.isChecked())
        reason = self.reason_edit.toPlainText().strip()
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            0 < len(reason) <= MAX_REASON
        )

    def answer(self) -> CorrectionAnswer:
        """Return the correction as filled in."""
        reason = self.reason_edit.toPlainText().strip()
        if self.points_radio.isChecked():
            return CorrectionAnswer(self.points_spin.value(), None, reason)
        return CorrectionAnswer(None, self.grade_combo.currentText(), reason)

    @classmethod
    def ask(
        cls, parent: QWidget | None, entity: str, period: str, grades: list[str]
    ) -> CorrectionAnswer | None:
        """Ask for a correction; return it, or None when cancelled."""
        dialog = cls(parent, entity, period, grades)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.answer()
        finally:
            dialog.deleteLater()
