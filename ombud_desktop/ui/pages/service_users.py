"""Service users: the table of those interviewed, and a form to enter the next one quickly.

An assessor interviews one person after another at the counter, so the form is built for the
keyboard: Space ticks consent, Y / T / ? (or X) answer a question and move on (in English also
Y / N / D; each button shows its key), Ctrl+Return (or
Return after the last answer) saves and clears the form for the next person, keeping the product.
Nothing is recorded without consent (the service refuses it, and the form stays disabled).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QDate, QItemSelection, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain.assessment import AssessmentDocument, ServiceUser
from ombud_desktop.domain.limits import NAME_MAX, PHONE_MAX
from ombud_desktop.instruments.model import ServiceUserIndicator
from ombud_desktop.scoring import LocusScore
from ombud_desktop.services.drafts import SERVICE_USER_DRAFT
from ombud_desktop.ui.drafts import limit_length
from ombud_desktop.ui.models.service_users import ServiceUserLabels, ServiceUserTableModel
from ombud_desktop.ui.pages.base import Page, PageContext
from ombud_desktop.ui.widgets.marks import CHECKED_BUTTONS, hinted
from ombud_desktop.ui.widgets.text import wrapped_label

# Focus in one of these means the user is typing: letters are theirs, not answers.
_TYPING = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)
_OTHER = "\x00other"  # the product combo's "Other" entry
_OTHER_STORED = "Lainnya"  # stored like the profile options: the Indonesian text


def _pick(texts: dict[str, Any] | Any, language: str) -> str:
    """Return the text in ``language`` of an instrument entry with ``id`` / ``en`` keys."""
    if isinstance(texts, dict):
        return str(texts.get("en" if language == "en" else "id") or texts.get("id") or "")
    return str(texts.en if language == "en" else texts.id)


class _Question(QWidget):
    """One Ya / Tidak / Tidak tahu question: its text and three toggle buttons."""

    answered = Signal(str)  # the answer code, on a click

    def __init__(self, code: str, text: str, options: list[tuple[str, str, str]], tip: str = ""):
        super().__init__()
        self.code = code
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        label = wrapped_label(f"{code} · {text}")
        label.setToolTip(tip)
        layout.addWidget(label, 1)
        self.setStyleSheet(CHECKED_BUTTONS)
        self.setProperty("question", True)  # scrolled into view whole (Page.follow_focus)
        self.group = QButtonGroup(self)
        self.codes = [code for code, _label_text, _keys in options]
        for index, (_code, label_text, keys) in enumerate(options):
            button = QPushButton(label_text)
            button.setCheckable(True)
            button.setToolTip(keys)
            button.setAccessibleName(f"{code}: {label_text}")
            self.group.addButton(button, index)
            layout.addWidget(button)
        self.group.idClicked.connect(lambda index: self._clicked(index))
        self.set_answer(None)

    def answer(self) -> str | None:
        """Return the answer code shown as chosen, or None."""
        index = self.group.checkedId()
        return None if index < 0 else self.codes[index]

    def set_answer(self, code: str | None) -> None:
        """Show ``code`` as the answer (None: unanswered); make it the question's Tab stop."""
        if code in self.codes:
            self.group.button(self.codes.index(code)).setChecked(True)
        else:
            self.group.setExclusive(False)
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)
        self._tab_stop()

    def focus_target(self) -> QWidget:
        """Return the button that takes the focus when the question is entered."""
        return self.group.checkedButton() or self.group.button(0)

    def _clicked(self, index: int) -> None:
        self._tab_stop()
        self.answered.emit(self.codes[index])

    def _tab_stop(self) -> None:
        # One Tab stop per question keeps five questions five key presses apart.
        target = self.focus_target()
        for button in self.group.buttons():
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is target else Qt.FocusPolicy.ClickFocus
            )


class _DateEdit(QDateEdit):
    """A date box that Tab leaves at once (QDateEdit tabs through day, month and year)."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


@dataclass
class _Draft:
    """A new respondent's form, kept aside while an existing one is viewed."""

    consent: bool
    product: int
    other: str
    date: QDate
    sex: int
    age: int
    callback: bool
    phone: str
    answers: dict[str, str | None]


class ServiceUsersPage(Page):
    """The service users of the locus: table above, entry (or edit) form below."""

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        instrument = context.instrument
        language = context.language
        users = instrument.service_users
        self.rule = instrument.completeness.service_users
        self.questions_def = [
            indicator
            for _dimension, indicator in instrument.indicators()
            if isinstance(indicator, ServiceUserIndicator)
        ]
        self.profile_fields = {entry["field"]: entry for entry in users.profile}
        self.key_codes = {option.code.upper(): option.code for option in users.answer_options}
        self.key_codes["?"] = users.option_code("dont_know")
        # The key shown on each answer button; in English the English initials answer too.
        self.hint_keys = {option.code: option.code.upper() for option in users.answer_options}
        if language == "en":
            for key, counts_as in (("Y", "yes"), ("N", "no"), ("D", "dont_know")):
                code = users.option_code(counts_as)
                if self.key_codes.setdefault(key, code) == code:
                    self.hint_keys[code] = key
        self._editing: str | None = None  # respondent id shown in edit mode
        self._draft: _Draft | None = None
        self._products: list[str] | None = None
        self._selecting = False
        self._draft_shown = False  # the kept draft respondent was put into the form
        self._filling = False  # the form is being filled by the program, not by typing

        layout = QVBoxLayout(self)
        self.header = wrapped_label()
        self.header.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(self.header)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.model = ServiceUserTableModel(self._labels(), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        splitter.addWidget(self.table)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus moves to controls, not the pane
        scroll.setWidget(self._build_form(language))
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            # Portable text: read as native text, Indonesian makes both "Ctrl+Enter" (Qt's
            # words translate Return as Enter), two equal shortcuts, and neither fires.
            shortcut = QShortcut(QKeySequence(keys, QKeySequence.SequenceFormat.PortableText), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save_respondent)
        self.setFocusProxy(self.consent)
        self._update_enabled()
        self._keep_form_as_typed()

    def _labels(self) -> ServiceUserLabels:
        language = self.context.language
        options = {
            name: {str(o["id"]): _pick(o, language) for o in entry.get("options", [])}
            for name, entry in self.profile_fields.items()
            if isinstance(entry.get("options"), list)
        }
        return ServiceUserLabels(
            questions=[(q.code, self.context.text(q.question)) for q in self.questions_def],
            answers={
                o.code: _pick(o, language)
                for o in self.context.instrument.service_users.answer_options
            },
            options=options,
        )

    # -- building ------------------------------------------------------------------------------

    def _build_form(self, language: str) -> QWidget:
        form = QWidget()
        layout = QVBoxLayout(form)
        self._build_consent(layout, language)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addLayout(self._build_profile(language))
        self.intro = wrapped_label(small=True)
        details.addWidget(self.intro)
        self.questions = self._build_questions(language)
        for question in self.questions:
            details.addWidget(question)
        details.addLayout(self._build_phone(language))
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        self.save_button = QPushButton(self.tr("Save and next respondent"))
        self.save_button.setToolTip(self.tr("Ctrl+Return"))
        self.save_button.setAutoDefault(True)  # Return on the focused button saves
        self.save_button.clicked.connect(self.save_respondent)
        bottom.addWidget(self.save_button)
        details.addLayout(bottom)
        layout.addWidget(self.details)
        layout.addStretch(1)
        return form

    def _build_consent(self, layout: QVBoxLayout, language: str) -> None:
        consent = self.context.instrument.service_users.consent
        ticks = {tick.get("code"): tick for tick in consent.get("ticks", [])}
        top = QHBoxLayout()
        self.consent = QCheckBox(
            _pick(ticks["C1"], language)
            if "C1" in ticks
            else self.tr("Respondent agrees to be interviewed")
        )
        self.consent.setToolTip(self.tr("Space ticks it; nothing is recorded without consent"))
        self.consent.toggled.connect(lambda _checked: self._update_enabled())
        top.addWidget(self.consent)
        self.consent_toggle = QToolButton()
        self.consent_toggle.setText(self.tr("Consent text"))
        self.consent_toggle.setCheckable(True)
        self.consent_toggle.setChecked(True)
        self.consent_toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.consent_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.consent_toggle.toggled.connect(self._consent_text_toggled)
        top.addWidget(self.consent_toggle)
        top.addStretch(1)
        self.mode = wrapped_label(bold=True)
        top.addWidget(self.mode)
        self.new_button = QPushButton(self.tr("New respondent"))
        self.new_button.setToolTip(self.tr("Leave the respondent shown and start a new one"))
        self.new_button.clicked.connect(self.new_respondent)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        # The text is read aloud before consent; scrollable so the form stays in view.
        texts = (consent.get("text"), consent.get("refusal"))
        self.consent_text = QScrollArea()
        self.consent_text.setWidgetResizable(True)
        self.consent_text.setMaximumHeight(110)
        self.consent_text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.consent_text.setWidget(
            wrapped_label("\n\n".join(_pick(t, language) for t in texts if t))
        )
        layout.addWidget(self.consent_text)

    def _build_questions(self, language: str) -> list[_Question]:
        options = [
            (o.code, hinted(self.hint_keys[o.code], _pick(o, language)), self._keys_for(o.code))
            for o in self.context.instrument.service_users.answer_options
        ]
        questions = []
        for indicator in self.questions_def:
            tip = "\n\n".join(
                self.context.text(t) for t in (indicator.explanation, indicator.assessor_note) if t
            )
            question = _Question(
                indicator.code, self.context.text(indicator.question), options, tip
            )
            question.answered.connect(
                lambda answer, q=question: self._answered(q, answer, by_key=False)
            )
            questions.append(question)
        return questions

    def _build_profile(self, language: str) -> QGridLayout:
        grid = QGridLayout()
        fields = self.profile_fields

        def caption(name: str, fallback: str) -> str:
            entry = fields.get(name)
            return _pick(entry["label"], language) if entry and "label" in entry else fallback

        self.product = QComboBox()
        self.product.currentIndexChanged.connect(self._product_changed)
        self.other = QLineEdit()
        self.other.setPlaceholderText(self.tr("Which service?"))
        self.other.textChanged.connect(self._product_changed)
        limit_length(self.other, NAME_MAX)
        self.date = _DateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd/MM/yyyy")
        self.sex = self._options_combo("sex", language)
        self.age = self._options_combo("age_band", language)
        for row, (text, widget) in enumerate(
            (
                (caption("product", self.tr("Product")), self.product),
                (caption("service_date", self.tr("Service date")), self.date),
                (caption("sex", self.tr("Sex")), self.sex),
                (caption("age_band", self.tr("Age")), self.age),
            )
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1)
            if widget is self.product:
                grid.addWidget(self.other, row, 2)
        grid.setColumnStretch(2, 1)
        return grid

    def _build_phone(self, language: str) -> QHBoxLayout:
        users = self.context.instrument.service_users
        ticks = {tick.get("code"): tick for tick in users.consent.get("ticks", [])}
        row = QHBoxLayout()
        self.callback = QCheckBox(
            _pick(ticks["C2"], language) if "C2" in ticks else self.tr("May be called back")
        )
        self.callback.toggled.connect(lambda _checked: self._update_enabled())
        row.addWidget(self.callback)
        entry = self.profile_fields.get("phone")
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(
            _pick(entry["label"], language)
            if entry and "label" in entry
            else self.tr("Phone (optional)")
        )
        self.phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        limit_length(self.phone, PHONE_MAX)
        row.addWidget(self.phone, 1)
        return row

    def _options_combo(self, field_name: str, language: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem("—", None)
        for option in self.profile_fields.get(field_name, {}).get("options", []):
            combo.addItem(_pick(option, language), str(option["id"]))
        return combo

    def _keys_for(self, code: str) -> str:
        keys = [key for key, answer in self.key_codes.items() if answer == code]
        return self.tr("Key: %1").replace("%1", " / ".join(sorted(keys, reverse=True)))

    # -- showing -------------------------------------------------------------------------------

    def show_state(self, document: AssessmentDocument, score: LocusScore) -> None:
        if not self._draft_shown:
            self._draft_shown = True
            self._show_kept_draft(document)
        self.header.setText(
            self.tr("Service users: %1 of target %2 (minimum %3)")
            .replace("%1", str(score.service_users_counted))
            .replace("%2", str(self.rule.target))
            .replace("%3", str(self.rule.minimum))
        )
        if document.products != self._products:
            self._set_products(list(document.products))
        self.model.set_users(document.service_users)
        if self._editing is not None:
            user = next(
                (u for u in document.service_users if u.respondent_id == self._editing), None
            )
            if user is None:
                self.new_respondent()
            else:
                self._show_user(user)
                row = self.model.row_of(user.respondent_id)
                if row >= 0 and self.table.currentIndex().row() != row:
                    self._selecting = True
                    self.table.selectRow(row)
                    self._selecting = False

    def _set_products(self, products: list[str]) -> None:
        chosen = self.product.currentData()
        self.product.blockSignals(True)
        self.product.clear()
        for name in products:
            self.product.addItem(name, name)
        self.product.addItem(self.tr("Other"), _OTHER)
        index = self.product.findData(chosen) if chosen is not None else -1
        self.product.setCurrentIndex(max(index, 0))
        self.product.blockSignals(False)
        self._products = products
        self._product_changed()

    def _show_user(self, user: ServiceUser) -> None:
        """Fill the form with a stored service user (edit mode)."""
        self.consent.blockSignals(True)
        self.consent.setChecked(user.consent)
        self.consent.blockSignals(False)
        product = user.product or ""
        index = self.product.findData(product)
        if index < 0 and product:
            index = self.product.findData(_OTHER)
            self.other.setText(product.removeprefix(_OTHER_STORED).lstrip(": "))
        else:
            self.other.clear()
        self.product.setCurrentIndex(max(index, 0))
        date = QDate.fromString(user.service_date or "", Qt.DateFormat.ISODate)
        self.date.setDate(date if date.isValid() else QDate.currentDate())
        self.sex.setCurrentIndex(max(self.sex.findData(user.sex), 0))
        self.age.setCurrentIndex(max(self.age.findData(user.age_band), 0))
        self.callback.setChecked(user.callback_consent)
        self.phone.setText(user.phone or "")
        for question in self.questions:
            question.set_answer(user.answers.get(question.code))
        self.mode.setText(self.tr("Respondent %1").replace("%1", str(user.number)))
        self._update_enabled()

    # -- modes ---------------------------------------------------------------------------------

    def new_respondent(self) -> None:
        """Leave the respondent shown and return to the new-respondent form."""
        if self._editing is not None:
            self._editing = None
            self._selecting = True
            self.table.clearSelection()
            self._selecting = False
            self._restore_draft()
        # Else the form is already the new respondent's: what is half entered there stays.
        self.consent.setFocus()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._selecting:
            return
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        user = self.model.user_at(rows[0].row())
        if self._editing is None:
            self._draft = self._take_draft()
        self._editing = user.respondent_id
        self._show_user(user)

    def _take_draft(self) -> _Draft:
        return _Draft(
            consent=self.consent.isChecked(),
            product=self.product.currentIndex(),
            other=self.other.text(),
            date=self.date.date(),
            sex=self.sex.currentIndex(),
            age=self.age.currentIndex(),
            callback=self.callback.isChecked(),
            phone=self.phone.text(),
            answers={q.code: q.answer() for q in self.questions},
        )

    def _restore_draft(self) -> None:
        draft, self._draft = self._draft, None
        if draft is None:
            self._clear_form()
            return
        self.consent.setChecked(draft.consent)
        self.product.setCurrentIndex(max(0, min(draft.product, self.product.count() - 1)))
        self.other.setText(draft.other)
        self.date.setDate(draft.date)
        self.sex.setCurrentIndex(draft.sex)
        self.age.setCurrentIndex(draft.age)
        self.callback.setChecked(draft.callback)
        self.phone.setText(draft.phone)
        for question in self.questions:
            question.set_answer(draft.answers.get(question.code))
        self.mode.setText(self.tr("New respondent"))
        self._update_enabled()

    def _clear_form(self) -> None:
        """Empty the form for the next person; the product and date stay (they rarely change)."""
        self._filling = True
        try:
            self._empty_form()
        finally:
            self._filling = False
        self.forget_draft(SERVICE_USER_DRAFT)

    def _empty_form(self) -> None:
        self.consent.setChecked(False)
        self.sex.setCurrentIndex(0)
        self.age.setCurrentIndex(0)
        self.callback.setChecked(False)
        self.phone.clear()
        for question in self.questions:
            question.set_answer(None)
        self.mode.setText(self.tr("New respondent"))
        self._update_enabled()

    def _update_enabled(self) -> None:
        editing = self._editing is not None
        self.consent.setEnabled(not editing)
        self.details.setEnabled(editing or self.consent.isChecked())
        for widget in (self.product, self.other, self.date, self.sex, self.age, self.callback):
            widget.setEnabled(not editing)
        self.other.setEnabled(not editing and self.product.currentData() == _OTHER)
        self.phone.setEnabled(not editing and self.callback.isChecked())
        self.save_button.setVisible(not editing)
        self.new_button.setVisible(editing)
        if not editing:
            self.mode.setText(self.tr("New respondent"))

    def _consent_text_toggled(self, shown: bool) -> None:
        self.consent_text.setVisible(shown)
        self.consent_toggle.setArrowType(
            Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        )

    def _product_changed(self) -> None:
        other = self.product.currentData() == _OTHER
        self.other.setEnabled(other and self._editing is None)
        product = (
            self.product.currentText()
            if not other
            else (self.other.text().strip() or self.tr("Other"))
        )
        intro = self.context.instrument.service_users.intro
        self.intro.setText(
            self.context.text(intro).replace("[produk]", product).replace("[product]", product)
        )

    # -- answering and saving ------------------------------------------------------------------

    def _answered(self, question: _Question, answer: str, *, by_key: bool) -> None:
        if self._editing is not None:
            aid, rid, code = self.context.assessment_id, self._editing, question.code
            self.save(lambda s: s.assessments.set_service_user_answer(aid, rid, code, answer))
        if by_key:
            self._focus_after(question)

    def _focus_after(self, question: _Question) -> None:
        index = self.questions.index(question)
        if index + 1 < len(self.questions):
            self.questions[index + 1].focus_target().setFocus(Qt.FocusReason.TabFocusReason)
        elif self._editing is None:
            self.save_button.setFocus(Qt.FocusReason.TabFocusReason)

    def _question_for_key(self) -> _Question | None:
        """Return the question with the focus, else the first one still unanswered."""
        focus = self.focusWidget()
        for question in self.questions:
            if focus is not None and question.isAncestorOf(focus):
                return question
        return next((q for q in self.questions if q.answer() is None), None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys not used by the focused control arrive here.
        focus = self.focusWidget()
        typing = isinstance(focus, _TYPING)
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.ShiftModifier,
        )
        answer = self.key_codes.get(event.text().upper()) if plain and not typing else None
        if answer is not None and self.details.isEnabled() and focus is not self.table:
            question = self._question_for_key()
            if question is not None:
                question.set_answer(answer)
                self._answered(question, answer, by_key=True)
                event.accept()
                return
        returned = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if returned and focus is self.table:
            # Return on a row opens it in the form below, at its first answer.
            current = self.table.currentIndex()
            if current.isValid():
                self.table.selectRow(current.row())
                self.questions[0].focus_target().setFocus(Qt.FocusReason.TabFocusReason)
            event.accept()
            return
        if returned and self._in_form(focus):
            # Inside the form Return moves on through the questions (never off the page).
            question = next((q for q in self.questions if q.answer() is None), None)
            if self._editing is None and self.consent.isChecked() and question is None:
                self.save_respondent()
            elif question is not None and self.details.isEnabled():
                question.focus_target().setFocus(Qt.FocusReason.TabFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)

    def _in_form(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self.consent or self.details.isAncestorOf(widget))

    def save_respondent(self) -> None:
        """Record the new respondent and the answers given, in one job; clear for the next."""
        if self._editing is not None or not self.consent.isChecked() or not self.isEnabled():
            return
        aid = self.context.assessment_id
        callback = self.callback.isChecked()
        phone = self.phone.text().strip() if callback else ""
        profile = {
            "product": self._product_value(),
            "service_date": self.date.date().toString(Qt.DateFormat.ISODate),
            "sex": self.sex.currentData(),
            "age_band": self.age.currentData(),
        }
        profile = {name: value for name, value in profile.items() if value}
        answers = {q.code: q.answer() for q in self.questions if q.answer() is not None}

        def record(s: Any) -> str:
            respondent = s.assessments.add_service_user(
                aid, consent=True, callback_consent=callback, phone=phone or None, **profile
            ).value
            for code, answer in answers.items():
                s.assessments.set_service_user_answer(aid, respondent, code, answer)
            s.drafts.drop(aid, [SERVICE_USER_DRAFT])  # a respondent now, counted
            return respondent

        self.save(record)
        self._clear_form()
        self.consent.setFocus(Qt.FocusReason.OtherFocusReason)

    def _product_value(self) -> str | None:
        data = self.product.currentData()
        if data != _OTHER:
            return data
        other = self.other.text().strip()
        return f"{_OTHER_STORED}: {other}" if other else _OTHER_STORED

    # -- the draft respondent ------------------------------------------------------------------

    def _keep_form_as_typed(self) -> None:
        """Keep the new respondent's form as a draft at every change (ui/drafts.py)."""
        for signal in (
            self.consent.toggled,
            self.product.currentIndexChanged,
            self.other.textEdited,
            self.date.dateChanged,
            self.sex.currentIndexChanged,
            self.age.currentIndexChanged,
            self.callback.toggled,
            self.phone.textEdited,
        ):
            signal.connect(lambda *_args: self.keep_form())
        for question in self.questions:
            question.group.idToggled.connect(lambda *_args: self.keep_form())

    def keep_form(self) -> None:
        """Keep the new respondent being entered as a draft; an empty form keeps none.

        The draft is not a respondent: it is not counted until "Save and next respondent".
        """
        drafts = getattr(self.context, "drafts", None)
        if drafts is None or self._editing is not None or self._filling or self._loading:
            return
        form = self._form_json()
        if not form["consent"] and not any(form["answers"].values()):
            self.forget_draft(SERVICE_USER_DRAFT)
        else:
            drafts.typed(SERVICE_USER_DRAFT, json.dumps(form, ensure_ascii=False))

    def _form_json(self) -> dict[str, Any]:
        return {
            "consent": self.consent.isChecked(),
            "product": self.product.currentData(),
            "other": self.other.text(),
            "date": self.date.date().toString(Qt.DateFormat.ISODate),
            "sex": self.sex.currentData(),
            "age_band": self.age.currentData(),
            "callback": self.callback.isChecked(),
            "phone": self.phone.text(),
            "answers": {q.code: q.answer() for q in self.questions},
        }

    def _show_kept_draft(self, document: AssessmentDocument) -> None:
        """Put the kept draft respondent back into the form (after a crash or a new language).

        The draft is read as if typed by a stranger: a value that is not one of the form's is
        left out, never trusted.
        """
        text = self.typed_draft(SERVICE_USER_DRAFT)
        try:
            form = json.loads(text) if text else None
        except ValueError:
            form = None
        if not isinstance(form, dict):
            return
        if document.products != self._products:
            self._set_products(list(document.products))

        def index(combo: QComboBox, value: Any) -> int:
            found = combo.findData(value) if isinstance(value, str) else -1
            return found if found >= 0 else combo.currentIndex()

        self._filling = True
        try:
            self.consent.setChecked(form.get("consent") is True)
            self.product.setCurrentIndex(index(self.product, form.get("product")))
            self.other.setText(str(form.get("other") or "")[:NAME_MAX])
            date = QDate.fromString(str(form.get("date") or ""), Qt.DateFormat.ISODate)
            if date.isValid():
                self.date.setDate(date)
            self.sex.setCurrentIndex(index(self.sex, form.get("sex")))
            self.age.setCurrentIndex(index(self.age, form.get("age_band")))
            self.callback.setChecked(form.get("callback") is True)
            self.phone.setText(str(form.get("phone") or "")[:PHONE_MAX])
            answers = form.get("answers")
            answers = answers if isinstance(answers, dict) else {}
            for question in self.questions:
                answer = answers.get(question.code)
                question.set_answer(answer if answer in question.codes else None)
            self._update_enabled()
            self.mode.setText(self.tr("New respondent (not saved yet)"))
        finally:
            self._filling = False
