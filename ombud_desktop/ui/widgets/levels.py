"""Choosing a level 0-3 against the written anchors of a rubric.

The assessor must read the anchors, not pick a bare number, so the full widget shows each level
as a large row with its whole anchor text. Role items in a dense list use the compact form: four
toggle buttons with the anchors as tooltips.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ombud_desktop.ui.models.assessments import format_number
from ombud_desktop.ui.widgets.marks import CHECKED_BUTTONS, CHOSEN_ROW

LEVELS = (0, 1, 2, 3)


def format_level(value: float | None) -> str:
    """Return a level as shown to users: "2" for a whole level, "2,50" for a mean, "–" for none."""
    if value is None:
        return "–"
    if float(value).is_integer():
        return str(int(value))
    return format_number(value)


class _ClickableLabel(QLabel):
    """A word-wrapped label that reports a click (QRadioButton itself cannot wrap its text)."""

    clicked = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class LevelChooser(QWidget):
    """Four levels 0-3 with their anchors; emits ``level_chosen`` when the user picks one.

    ``set_level`` only shows a stored level and emits nothing, so filling the widget from the
    store never saves. Keys 0-3 choose while the focus is inside the widget.
    """

    level_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None, compact: bool = False):
        super().__init__(parent)
        self.compact = compact
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._labels: dict[int, _ClickableLabel] = {}
        self._buttons: dict[int, QAbstractButton] = {}
        if compact:
            self._build_compact()
        else:
            self._build_full()
        self._group.idClicked.connect(self._clicked)
        if compact:
            self.setStyleSheet(CHECKED_BUTTONS)
        self._update_focus()

    def _build_full(self) -> None:
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(6)
        layout.setColumnStretch(1, 1)
        for row, level in enumerate(LEVELS):
            radio = QRadioButton()
            radio.setAccessibleName(str(level))
            label = _ClickableLabel(str(level))
            label.setWordWrap(True)
            label.setCursor(Qt.CursorShape.PointingHandCursor)
            label.setBuddy(radio)
            label.clicked.connect(lambda level=level: self._label_clicked(level))
            layout.addWidget(radio, row, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(label, row, 1)
            self._group.addButton(radio, level)
            self._buttons[level] = radio
            self._labels[level] = label

    def _build_compact(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for level in LEVELS:
            button = QPushButton(str(level))
            button.setCheckable(True)
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("00") + 24)
            button.setAccessibleName(str(level))
            self._group.addButton(button, level)
            self._buttons[level] = button
            layout.addWidget(button)
        layout.addStretch(1)

    # -- public API ----------------------------------------------------------------------------

    def set_anchors(self, anchors: dict[int, str]) -> None:
        """Show the anchor text of each level (full rows, or tooltips in compact mode)."""
        for level in LEVELS:
            text = anchors.get(level, "")
            shown = f"{level} — {text}" if text else str(level)
            button = self._buttons[level]
            button.setToolTip(shown)
            button.setAccessibleDescription(text)
            if level in self._labels:
                self._labels[level].setText(shown)

    def set_level(self, level: int | None) -> None:
        """Show ``level`` as chosen (None: nothing chosen) without emitting ``level_chosen``."""
        if level == self.level():
            return
        if level is None or level not in self._buttons:
            # An exclusive group refuses to uncheck its last button: lift exclusivity briefly.
            self._group.setExclusive(False)
            for button in self._buttons.values():
                button.setChecked(False)
            self._group.setExclusive(True)
        else:
            self._buttons[level].setChecked(True)
        self._update_focus()

    def level(self) -> int | None:
        """Return the level shown as chosen, or None."""
        chosen = self._group.checkedId()
        return None if chosen < 0 else chosen

    # -- user choice ---------------------------------------------------------------------------

    def _choose(self, level: int) -> None:
        self._buttons[level].setChecked(True)
        self._update_focus()
        self.level_chosen.emit(level)

    def _clicked(self, level: int) -> None:
        self._update_focus()
        self.level_chosen.emit(level)

    def _label_clicked(self, level: int) -> None:
        if not self.isEnabled():
            return
        self._buttons[level].setFocus(Qt.FocusReason.MouseFocusReason)
        self._choose(level)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Unhandled keys of the buttons inside reach this widget, so "inside" is enough.
        text = event.text()
        if text in ("0", "1", "2", "3") and not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            self._choose(int(text))
            event.accept()
            return
        super().keyPressEvent(event)

    def _update_focus(self) -> None:
        """Let Tab land on the chosen level (or the first): one stop for the whole widget."""
        chosen = self.level()
        target = self._buttons[0 if chosen is None else chosen]
        had_focus = any(button.hasFocus() for button in self._buttons.values())
        for level, button in self._buttons.items():
            button.setFocusPolicy(
                Qt.FocusPolicy.StrongFocus if button is target else Qt.FocusPolicy.ClickFocus
            )
            if level in self._labels:
                font = QFont(self._labels[level].font())
                font.setBold(level == chosen)
                self._labels[level].setFont(font)
                self._labels[level].setStyleSheet(CHOSEN_ROW if level == chosen else "")
        self.setFocusProxy(target)
        if had_focus and not target.hasFocus():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
