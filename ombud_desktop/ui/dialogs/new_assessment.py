"""The "New assessment" dialog: which entity, which locus, which year, who, which products."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain import register
from ombud_desktop.domain.names import clean_name
from ombud_desktop.instruments import Instrument, builtin_instruments, instrument_for_period
from ombud_desktop.instruments.model import CATEGORIES, LocusTemplateEntry
from ombud_desktop.services.assessments import NewAssessment

OTHER_LOCUS = -1
"""Item data of the last locus choice, "Other locus…" (a name typed freely)."""

_NUMBERED = re.compile(r"\s*\(\d+\)\s*$")


def _series_prefix(entry: LocusTemplateEntry) -> str:
    """Return "Puskesmas " for "Puskesmas (1)": the start of a name the user completes."""
    return _NUMBERED.sub("", entry.name.id) + " "


def _searchable(combo: QComboBox, placeholder: str) -> None:
    """Make a combo box one types in to search its items (anywhere in the name, any case)."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.lineEdit().setPlaceholderText(placeholder)
    completer = combo.completer()
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)


class _ListCombo(QComboBox):
    """A closed list that knows whether its last choice was made in its open list.

    Typing "Pusk" on the closed list chooses by the first letters: the choice must not move the
    focus away after "P" (the rest of the letters would land in the next field).
    """

    chosen_in_list = False

    def showPopup(self) -> None:
        self.chosen_in_list = True
        super().showPopup()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.chosen_in_list = False  # Alt+Down / F4 open the list again (showPopup)
        super().keyPressEvent(event)


class _NameEdit(QLineEdit):
    """A name field that, reached by Tab with only a prefilled start ("Puskesmas "), goes on.

    A line edit selects all its text on Tab; typing would then replace "Puskesmas ".
    """

    prefix_only = False

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.prefix_only and not self.isReadOnly():
            self.end(False)


class NewAssessmentDialog(QDialog):
    """Ask for what a new assessment needs; open it with :meth:`ask`."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        template: Mapping[str, Any] | None = None,
        language: str = "id",
        assessor: str | None = None,
        today: date | None = None,
    ):
        super().__init__(parent)
        self.language = language
        self._instruments = builtin_instruments()
        self._templates: list[LocusTemplateEntry] = []
        self._auto_products: list[str] = []
        today = today or date.today()
        self.setWindowTitle(self.tr("New assessment"))
        self._build(today)
        self._connect()
        self._set_instrument(instrument_for_period(today.year))
        if assessor:
            self.team_edit.setText(assessor)
        if template is not None:
            self.apply_template(template)
        self._update_ok()

    # -- building ------------------------------------------------------------------------------

    def _build(self, today: date) -> None:
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today.year)
        self.instrument_combo = QComboBox()
        for instrument in self._instruments:
            self.instrument_combo.addItem(
                f"{instrument.title.get(self.language)} ({instrument.version})", instrument.id
            )
        self.instrument_reason_edit = QLineEdit()
        self.instrument_reason_edit.setPlaceholderText(
            self.tr("Why this instrument, which is not meant for this year")
        )
        self.instrument_note = QLabel()
        self.instrument_note.setWordWrap(True)
        self.category_combo = QComboBox()
        # Entities and provinces are chosen from the register (domain/register.py); typing
        # searches it. The line edit stays reachable as entity_edit.
        self.province_combo = QComboBox()
        _searchable(self.province_combo, self.tr("Choose or type"))
        self.province_combo.addItems(register.load().provinces())
        self.province_combo.setCurrentIndex(-1)
        self.entity_combo = QComboBox()
        _searchable(self.entity_combo, self.tr("e.g. Kota Cilegon"))
        self.entity_edit = self.entity_combo.lineEdit()
        self.locus_combo = _ListCombo()
        self.locus_edit = _NameEdit()
        self.locus_edit.setPlaceholderText(self.tr("Name of the unit visited"))
        self.team_edit = QLineEdit()
        self.team_edit.setPlaceholderText(self.tr("Names, separated by commas"))
        self.visit_edit = QDateEdit(QDate(today.year, today.month, today.day))
        self.visit_edit.setCalendarPopup(True)
        self.visit_edit.setDisplayFormat("dd-MM-yyyy")
        self.product_edits = [QLineEdit(), QLineEdit()]
        for edit in self.product_edits:
            edit.setPlaceholderText(self.tr("A service observed at this locus"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

        form = QFormLayout()
        form.addRow(self.tr("&Period (year):"), self.year_spin)
        form.addRow(self.tr("&Instrument:"), self.instrument_combo)
        form.addRow(self.tr("Rea&son:"), self.instrument_reason_edit)
        form.addRow(self.tr("Entity &category:"), self.category_combo)
        form.addRow(self.tr("P&rovince:"), self.province_combo)
        form.addRow(self.tr("&Entity name:"), self.entity_combo)
        form.addRow(self.tr("&Locus:"), self.locus_combo)
        form.addRow(self.tr("Locus &name:"), self.locus_edit)
        form.addRow(self.tr("&Team:"), self.team_edit)
        form.addRow(self.tr("&Visit date:"), self.visit_edit)
        for number, edit in enumerate(self.product_edits, start=1):
            form.addRow(self.tr("Product {number}:").format(number=number), edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.instrument_note)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _connect(self) -> None:
        self.year_spin.valueChanged.connect(self._year_changed)
        self.instrument_combo.currentIndexChanged.connect(self._instrument_changed)
        self.category_combo.currentIndexChanged.connect(self._category_changed)
        self.locus_combo.currentIndexChanged.connect(self._locus_changed)
        for edit in (self.locus_edit, self.instrument_reason_edit):
            edit.textChanged.connect(self._update_ok)
        self.entity_edit.textChanged.connect(self._entity_changed)
        self.province_combo.currentTextChanged.connect(self._province_changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    # -- reacting ------------------------------------------------------------------------------

    @property
    def instrument(self) -> Instrument:
        """Return the instrument chosen."""
        return self._instruments[max(self.instrument_combo.currentIndex(), 0)]

    def _set_instrument(self, instrument: Instrument) -> None:
        index = self.instrument_combo.findData(instrument.id)
        if index == self.instrument_combo.currentIndex():
            self._instrument_changed()
        else:
            self.instrument_combo.setCurrentIndex(index)

    def _year_changed(self, year: int) -> None:
        self._set_instrument(instrument_for_period(year))
        self._show_period_fit()

    def _period_fits(self) -> bool:
        return self.year_spin.value() in self.instrument.periods

    def _show_period_fit(self) -> None:
        """Ask for a reason only when the instrument chosen is not meant for the year."""
        fits = self._period_fits()
        if fits:  # a reason given for another choice is not this choice's reason
            self.instrument_reason_edit.clear()
        self.instrument_reason_edit.setVisible(not fits)
        self.instrument_note.setVisible(not fits)
        if not fits:
            periods = ", ".join(str(p) for p in self.instrument.periods)
            self.instrument_note.setText(
                self.tr("This instrument is meant for {periods}, not for {year}. Say why it is "
                        "used: the reason is recorded with the assessment.").format(
                    periods=periods, year=self.year_spin.value()
                )
            )
        self._update_ok()

    def _province_changed(self) -> None:
        self._fill_entities()
        self._update_ok()

    def _entity_changed(self) -> None:
        """Fill in the province of a kabupaten or kota chosen before its province."""
        chosen = self.chosen_entity()
        known = register.load().province_name(self.province_combo.currentText())
        if chosen is not None and chosen.province and known is None:
            self.province_combo.setCurrentText(chosen.province)
        self._update_ok()

    def _fill_entities(self) -> None:
        """Offer the register's entities of the category (of the province, for a region)."""
        category = self.category_combo.currentData() or ""
        province = register.load().province_name(self.province_combo.currentText())
        typed = self.entity_edit.text()
        entries = register.entries(category, province if category != "provinsi" else None)
        if category in ("kabupaten", "kota") and province is None:
            entries = register.entries(category)
        # Adding the first item would choose it: nothing is chosen until the user does.
        self.entity_combo.blockSignals(True)
        self.entity_edit.blockSignals(True)
        self.entity_combo.clear()
        for entry in entries:
            self.entity_combo.addItem(entry.name, entry.code)
        self.entity_combo.setCurrentIndex(-1)
        self.entity_edit.setText(typed)
        self.entity_edit.blockSignals(False)
        self.entity_combo.blockSignals(False)

    def chosen_entity(self) -> register.RegisterEntry | None:
        """Return the register entry the entity name and province choose, or None."""
        category = self.category_combo.currentData() or ""
        province = self.province_combo.currentText().strip() or None
        entry = register.find(category, self.entity_edit.text(), province)
        if entry is None and province is None:
            entry = register.find(category, self.entity_edit.text())
        return entry

    def _instrument_changed(self) -> None:
        """Relabel the categories with the instrument's words, keeping the one chosen."""
        chosen = self.category_combo.currentData() or "kabupaten"
        labels = {c.code: c.label.get(self.language) for c in self.instrument.entity_categories}
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        for code in CATEGORIES:
            if code in labels:
                self.category_combo.addItem(labels[code], code)
        self.category_combo.setCurrentIndex(max(self.category_combo.findData(chosen), 0))
        self.category_combo.blockSignals(False)
        self._category_changed()
        self._show_period_fit()

    def _category_changed(self) -> None:
        """Offer the register's entities and the usual loci of the category, then "Other locus…"."""
        self._fill_entities()
        previous = self._current_template()
        self._templates = self.instrument.templates_for(self.category_combo.currentData() or "")
        self.locus_combo.blockSignals(True)
        self.locus_combo.clear()
        for number, entry in enumerate(self._templates):
            self.locus_combo.addItem(entry.name.get(self.language), number)
        self.locus_combo.addItem(self.tr("Other locus…"), OTHER_LOCUS)
        keep = next(
            (
                n
                for n, entry in enumerate(self._templates)
                if previous and entry.type == previous.type and entry.name == previous.name
            ),
            0,
        )
        self.locus_combo.setCurrentIndex(keep)
        self.locus_combo.blockSignals(False)
        self._locus_changed()

    def _current_template(self) -> LocusTemplateEntry | None:
        number = self.locus_combo.currentData()
        if number is None or number == OTHER_LOCUS or number >= len(self._templates):
            return None
        return self._templates[number]

    def _is_series(self, entry: LocusTemplateEntry) -> bool:
        """Return True when a category has several loci of this type (Puskesmas 1 and 2)."""
        return sum(1 for t in self._templates if t.type == entry.type) > 1

    def _locus_changed(self) -> None:
        """Fill the locus name and the products from the template chosen."""
        entry = self._current_template()
        if entry is None:
            self.locus_edit.setReadOnly(False)
            if not self._locus_name_is_typed():
                self.locus_edit.clear()
            self._fill_products([])
        elif self._is_series(entry):
            # Several units of one kind: the assessor completes the name ("Puskesmas Pontang").
            self.locus_edit.setReadOnly(False)
            prefix = _series_prefix(entry)
            typed = self._locus_name_is_typed()
            if not (typed and self.locus_edit.text().startswith(prefix)):
                self.locus_edit.setText(prefix)
            # Chosen in the list: type the rest of the name at once (chosen by typing on the
            # closed list: Tab goes there, to the end of "Puskesmas ").
            combo = self.locus_combo
            if self.isVisible() and (not combo.hasFocus() or combo.chosen_in_list):
                self.locus_edit.setFocus()
                self.locus_edit.end(False)
            self._fill_products([p.get(self.language) for p in entry.products])
        else:
            self.locus_edit.setReadOnly(True)
            self.locus_edit.setText(entry.name.id)
            self.locus_edit.setCursorPosition(0)  # long names: show their start
            self._fill_products([p.get(self.language) for p in entry.products])
        self._update_ok()

    def _locus_name_is_typed(self) -> bool:
        """Return True when the locus name was typed, not filled in from a template."""
        text = self.locus_edit.text().strip()
        filled = {e.name.id for e in self._templates} | {
            _series_prefix(e).strip() for e in self._templates
        }
        return bool(text) and text not in filled

    def _fill_products(self, products: list[str]) -> None:
        """Put a template's products in, unless the user has changed the ones filled in before."""
        current = [edit.text() for edit in self.product_edits]
        untouched = all(not text for text in current) or current == self._padded(
            self._auto_products
        )
        if untouched:
            for edit, text in zip(self.product_edits, self._padded(products), strict=True):
                edit.setText(text)
            self._auto_products = products

    def _padded(self, products: list[str]) -> list[str]:
        count = len(self.product_edits)
        return (list(products) + [""] * count)[:count]

    def _missing(self) -> list[str]:
        """Return what still has to be filled in before the assessment can be created."""
        missing = []
        if not self._period_fits() and not self.instrument_reason_edit.text().strip():
            missing.append(self.tr("why this instrument is used"))
        if register.load().province_name(self.province_combo.currentText()) is None:
            missing.append(self.tr("the province"))
        if not self.entity_edit.text().strip():
            missing.append(self.tr("the entity name"))
        elif self.chosen_entity() is None:
            missing.append(self.tr("an entity of the register"))
        entry = self._current_template()
        name = clean_name(self.locus_edit.text())
        if entry is not None and self._is_series(entry) and name == _series_prefix(entry).strip():
            # The kind is filled in; what is missing is which one ("Puskesmas Cikedal").
            missing.append(self.tr("which {kind} (type its name after “{kind}”)").format(kind=name))
        elif not name:
            missing.append(self.tr("the locus name"))
        return missing

    def _update_ok(self) -> None:
        entry = self._current_template()
        self.locus_edit.prefix_only = (
            entry is not None
            and self._is_series(entry)
            and self.locus_edit.text() == _series_prefix(entry)
        )
        missing = self._missing()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not missing)
        self.message.setText(
            self.tr("Still needed: {items}.").format(items=", ".join(missing)) if missing else ""
        )

    # -- template ------------------------------------------------------------------------------

    def apply_template(self, template: Mapping[str, Any]) -> None:
        """Fill everything but the visit date from an assessment document's JSON."""
        period = str(template.get("period") or "")
        if period.isdigit():
            self.year_spin.setValue(int(period))
        entity = template.get("entity") or {}
        locus = template.get("locus") or {}
        category_index = self.category_combo.findData(entity.get("category"))
        if category_index >= 0:
            self.category_combo.setCurrentIndex(category_index)
        self.province_combo.setCurrentText(entity.get("province") or "")
        self.entity_edit.setText(entity.get("name") or "")
        self._auto_products = []
        for edit in self.product_edits:
            edit.clear()
        choice = self._template_choice(locus.get("type"), locus.get("name") or "")
        self.locus_combo.setCurrentIndex(self.locus_combo.findData(choice))
        self._locus_changed()
        if choice == OTHER_LOCUS or self._is_series(self._templates[choice]):
            self.locus_edit.setText(locus.get("name") or "")
        products = [str(p) for p in template.get("products") or []]
        if products:
            for edit, text in zip(self.product_edits, self._padded(products), strict=True):
                edit.setText(text)
        self.team_edit.setText(", ".join(str(t) for t in template.get("team") or []))
        self._update_ok()

    def _template_choice(self, locus_type: str | None, name: str) -> int:
        """Return the locus choice that gives back this type and name (else "Other locus…")."""
        for number, entry in enumerate(self._templates):
            if entry.type == locus_type and entry.name.id == name:
                return number
        for number, entry in enumerate(self._templates):
            if entry.type == locus_type and self._is_series(entry):
                return number
        return OTHER_LOCUS

    # -- the answer ----------------------------------------------------------------------------

    def new_assessment(self) -> NewAssessment:
        """Return the answer as the service takes it."""
        entry = self._current_template()
        visit = self.visit_edit.date()
        chosen = self.chosen_entity()
        province = register.load().province_name(self.province_combo.currentText())
        return NewAssessment(
            category=self.category_combo.currentData(),
            entity_name=chosen.name if chosen else clean_name(self.entity_edit.text()),
            province=(chosen.province if chosen and chosen.province else None)
            or province
            or clean_name(self.province_combo.currentText()),
            locus_name=clean_name(self.locus_edit.text()),
            period_year=self.year_spin.value(),
            locus_type=entry.type if entry else None,
            team=tuple(clean_name(t) for t in self.team_edit.text().split(",") if t.strip()),
            visit_date=date(visit.year(), visit.month(), visit.day()).isoformat(),
            products=tuple(clean_name(e.text()) for e in self.product_edits if e.text().strip()),
            entity_code=chosen.code if chosen else None,
            instrument_reason=None
            if self._period_fits()
            else self.instrument_reason_edit.text().strip() or None,
        )

    def accept(self) -> None:
        """Close with OK only when everything needed is filled in."""
        if not self._missing():
            super().accept()

    @classmethod
    def ask_with_instrument(
        cls,
        parent: QWidget | None,
        *,
        template: Mapping[str, Any] | None = None,
        language: str = "id",
        assessor: str | None = None,
    ) -> tuple[NewAssessment, Instrument] | None:
        """Show the dialog; return the answer and the instrument chosen, or None on cancel."""
        dialog = cls(parent, template=template, language=language, assessor=assessor)
        try:
            if not dialog.exec():
                return None
            return dialog.new_assessment(), dialog.instrument
        finally:
            dialog.deleteLater()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        template: Mapping[str, Any] | None = None,
        language: str = "id",
        assessor: str | None = None,
    ) -> NewAssessment | None:
        """Show the dialog; return the answer, or None on cancel."""
        answer = cls.ask_with_instrument(
            parent, template=template, language=language, assessor=assessor
        )
        return None if answer is None else answer[0]
