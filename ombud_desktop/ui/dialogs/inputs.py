"""The supervisor's dialogs of an entity's inputs: a secondary-data value, products followed.

Each opens through one classmethod that returns the answer (None when cancelled); nothing is
written here: the window submits the answer to the entity inputs service, which checks it as
``ombud secondary set`` and ``ombud products set`` do.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain.entity_inputs import CODE, MAX_NOTE, MAX_SOURCE


@dataclass(frozen=True)
class SecondaryAnswer:
    """A secondary-data value as filled in."""

    code: str
    value: float
    source: str
    as_of: str  # YYYY-MM-DD


@dataclass(frozen=True)
class ProductsAnswer:
    """Whether the products were followed up, and a note."""

    followed: bool
    note: str


def _buttons(dialog: QDialog, save_text: str, cancel_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(save_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SecondaryDialog(QDialog):
    """One secondary-data indicator of the entity: code, value 0–100, source and its date."""

    def __init__(self, parent: QWidget | None, entity: str, period: str, code: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Secondary data · %1 (%2)").replace("%1", entity)
                            .replace("%2", period))
        self.code_edit = QLineEdit(code)
        self.code_edit.setMaxLength(40)
        self.code_edit.setPlaceholderText(self.tr("The instrument's indicator code"))
        self.value_spin = QDoubleSpinBox()
        self.value_spin.setRange(0.0, 100.0)
        self.value_spin.setDecimals(2)
        self.source_edit = QLineEdit()
        self.source_edit.setMaxLength(MAX_SOURCE)
        self.source_edit.setPlaceholderText(self.tr("Where the figure comes from, e.g. BPS"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setMinimumDate(QDate(2000, 1, 1))
        form = QFormLayout()
        form.addRow(self.tr("&Indicator:"), self.code_edit)
        form.addRow(self.tr("&Value (0–100):"), self.value_spin)
        form.addRow(self.tr("S&ource:"), self.source_edit)
        form.addRow(self.tr("Source &date:"), self.date_edit)
        self.buttons = _buttons(self, self.tr("&Save value"), self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.code_edit.textChanged.connect(self._update)
        self.source_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = bool(CODE.match(self.code_edit.text().strip())) and bool(
            self.source_edit.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)

    def answer(self) -> SecondaryAnswer:
        """Return the value as filled in."""
        return SecondaryAnswer(
            self.code_edit.text().strip(), self.value_spin.value(),
            self.source_edit.text().strip(), self.date_edit.date().toString("yyyy-MM-dd"),
        )

    @classmethod
    def ask(cls, parent: QWidget | None, entity: str, period: str,
            code: str = "") -> SecondaryAnswer | None:
        """Ask for a secondary-data value; return it, or None when cancelled."""
        dialog = cls(parent, entity, period, code)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.answer()
        finally:
            dialog.deleteLater()


class ProductsDialog(QDialog):
    """Whether the entity followed up the Ombudsman's products, with a note."""

    def __init__(self, parent: QWidget | None, entity: str, period: str,
                 followed: bool | None = None, note: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Products followed · %1 (%2)").replace("%1", entity)
                            .replace("%2", period))
        self.followed_combo = QComboBox()
        self.followed_combo.addItem(self.tr("Yes: the products were followed up"), True)
        self.followed_combo.addItem(self.tr("No: not followed up"), False)
        self.followed_combo.setCurrentIndex(1 if followed is False else 0)
        self.note_edit = QLineEdit(note)
        self.note_edit.setMaxLength(MAX_NOTE)
        self.note_edit.setPlaceholderText(self.tr("LAHP, recommendations (optional)"))
        form = QFormLayout()
        form.addRow(self.tr("&Followed up:"), self.followed_combo)
        form.addRow(self.tr("&Note:"), self.note_edit)
        self.buttons = _buttons(self, self.tr("&Save"), self.tr("Cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def answer(self) -> ProductsAnswer:
        """Return the answer as filled in."""
        return ProductsAnswer(bool(self.followed_combo.currentData()),
                              self.note_edit.text().strip())

    @classmethod
    def ask(cls, parent: QWidget | None, entity: str, period: str,
            followed: bool | None = None, note: str = "") -> ProductsAnswer | None:
        """Ask whether the products were followed; return the answer, or None when cancelled."""
        dialog = cls(parent, entity, period, followed, note)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.answer()
        finally:
            dialog.deleteLater()
