"""Ask for a passphrase: to unlock a key, to protect a new key, or to change it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.errors import OmbudError
from ombud_desktop.ui.messages import describe

SKIPPED = "skipped"  # what ask_unlock returns when the user chose the skip button
MIN_PASSPHRASE = 8  # ombud_desktop.packages.keys.MIN_PASSPHRASE (a test checks they agree);
# not imported from there, so the window opens without loading the crypto stack


class PassphraseDialog(QDialog):
    """One dialog for every passphrase question; open it through a classmethod.

    ``mode`` is "unlock" (one field, checked by ``unlock`` before the dialog closes), "new"
    (the passphrase twice) or "change" (the current one, then the new one twice).
    """

    def __init__(
        self,
        parent: QWidget | None,
        *,
        mode: str,
        title: str = "",
        intro: str = "",
        unlock: Callable[[str], Any] | None = None,
        skip_text: str | None = None,
    ):
        super().__init__(parent)
        self.mode = mode
        self.unlock = unlock
        self.result_value: Any = None
        self.skipped = False
        self.setWindowTitle(title or self.tr("Passphrase"))
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            layout.addWidget(label)
        self.current_edit = self._field()
        self.new_edit = self._field()
        self.repeat_edit = self._field()
        form = QFormLayout()
        if mode in ("unlock", "change"):
            form.addRow(
                self.tr("&Passphrase:") if mode == "unlock" else self.tr("&Current passphrase:"),
                self.current_edit,
            )
        if mode in ("new", "change"):
            form.addRow(
                self.tr("&New passphrase:") if mode == "change" else self.tr("&Passphrase:"),
                self.new_edit,
            )
            form.addRow(self.tr("&Repeat it:"), self.repeat_edit)
            self.new_edit.setPlaceholderText(
                self.tr("At least %1 characters").replace("%1", str(MIN_PASSPHRASE))
            )
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok_text = {
            "unlock": self.tr("Unlock"),
            "new": self.tr("Create"),
            "change": self.tr("Change"),
        }
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text[mode])
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.skip_button: QPushButton | None = None
        if skip_text:
            self.skip_button = self.buttons.addButton(
                skip_text, QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.skip_button.clicked.connect(self._skip)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.textChanged.connect(self._update)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._update()

    def _field(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def problem(self) -> str | None:
        """Return what is wrong with the input, or None when OK can be pressed."""
        if self.mode in ("unlock", "change") and not self.current_edit.text():
            return self.tr("Type your passphrase.")
        if self.mode in ("new", "change"):
            new = self.new_edit.text()
            if len(new) < MIN_PASSPHRASE:
                return (
                    self.tr("The passphrase needs at least %1 characters; it has %2.")
                    .replace("%1", str(MIN_PASSPHRASE))
                    .replace("%2", str(len(new)))
                )
            if self.repeat_edit.text() != new:
                return self.tr("The two passphrases differ.")
        return None

    def _update(self) -> None:
        problem = self.problem()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
        typed = any(e.text() for e in (self.new_edit, self.repeat_edit))
        self.message.setText(problem if problem and typed else "")

    def accept(self) -> None:
        """Close with OK when the input is valid (and, to unlock, the passphrase is right)."""
        if self.problem() is not None:
            return
        if self.mode == "unlock" and self.unlock is not None:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
            try:
                self.result_value = self.unlock(self.current_edit.text())
            except OmbudError as exc:
                self.message.setText(describe(exc)[0])
                self.current_edit.selectAll()
                self.current_edit.setFocus()
                return
            finally:
                QApplication.restoreOverrideCursor()
        super().accept()

    def _skip(self) -> None:
        self.skipped = True
        self.done(QDialog.DialogCode.Accepted)

    @classmethod
    def ask_unlock(
        cls,
        parent: QWidget | None,
        title: str,
        intro: str,
        unlock: Callable[[str], Any],
        *,
        skip_text: str | None = None,
    ) -> Any:
        """Ask until ``unlock(passphrase)`` succeeds; return its result, SKIPPED, or None."""
        dialog = cls(
            parent, mode="unlock", title=title, intro=intro, unlock=unlock, skip_text=skip_text
        )
        try:
            if not dialog.exec():
                return None
            return SKIPPED if dialog.skipped else dialog.result_value
        finally:
            dialog.deleteLater()

    @classmethod
    def ask_new(cls, parent: QWidget | None, title: str, intro: str) -> str | None:
        """Ask for a new passphrase, typed twice; return it, or None on cancel."""
        dialog = cls(parent, mode="new", title=title, intro=intro)
        try:
            return dialog.new_edit.text() if dialog.exec() else None
        finally:
            dialog.deleteLater()

    @classmethod
    def ask_change(cls, parent: QWidget | None) -> tuple[str, str] | None:
        """Ask for the current and a new passphrase; return (current, new), or None."""
        dialog = cls(
            parent,
            mode="change",
            title=QCoreApplication.translate("PassphraseDialog", "Change passphrase"),
            intro=QCoreApplication.translate(
                "PassphraseDialog",
                "The new passphrase protects your signing key and, if you have one, your "
                "receiving key.",
            ),
        )
        try:
            if not dialog.exec():
                return None
            return dialog.current_edit.text(), dialog.new_edit.text()
        finally:
            dialog.deleteLater()
