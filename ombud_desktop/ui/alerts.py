"""Every message box and one-line question of the GUI, in one place.

Screens call these functions instead of QMessageBox / QInputDialog directly, so tests replace
one function (``monkeypatch.setattr("ombud_desktop.ui.alerts.confirm", ...)``) instead of
driving modal dialogs.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ombud_desktop import logs
from ombud_desktop.errors import OmbudError
from ombud_desktop.ui.messages import describe
from ombud_desktop.ui.screen import ScreenFit

logger = logging.getLogger(__name__)


def confirm(parent: QWidget | None, title: str, text: str, *, ok_text: str | None = None) -> bool:
    """Ask a yes/no question; return True when the user agrees.

    ``ok_text`` names the action on the button ("Move to trash") instead of a bare "Yes".
    """
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    yes = box.addButton(
        ok_text or QCoreApplication.translate("alerts", "Yes"), QMessageBox.ButtonRole.AcceptRole
    )
    no = box.addButton(
        QCoreApplication.translate("alerts", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(yes)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    """Show a message the user only acknowledges."""
    QMessageBox.information(parent, title, text)


def error(parent: QWidget | None, exc_or_text: BaseException | str) -> None:
    """Show an error: an OmbudError's message and hint, or a plain text, or an unexpected crash."""
    box = QMessageBox(parent)
    if parent is None:  # before any window (a settings file refused at start)
        ScreenFit.watch(box)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("alerts", "Error"))
    if isinstance(exc_or_text, OmbudError):
        text, hint = describe(exc_or_text)
        box.setText(text)
        if hint:
            box.setInformativeText(hint)
    elif isinstance(exc_or_text, BaseException):
        # Not raised on purpose by the core: a bug. Keep where it happened in the log (not
        # the message: it may quote a respondent's name).
        logs.log_exception(logger, "unexpected error", exc_or_text)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(
            QCoreApplication.translate("alerts", "Something went wrong. Nothing more was saved.")
        )
        box.setInformativeText(f"{type(exc_or_text).__name__}: {exc_or_text}")
    else:
        box.setText(exc_or_text)
    box.exec()


def ask_text(
    parent: QWidget | None,
    title: str,
    label: str,
    *,
    required: bool = True,
    text: str = "",
    multiline: bool = False,
) -> str | None:
    """Ask for a line (or, with ``multiline``, a paragraph) of text; return None on cancel.

    The answer is stripped; when ``required``, an empty answer asks again with a reminder.
    """
    prompt = label
    while True:
        if multiline:
            answer, ok = QInputDialog.getMultiLineText(parent, title, prompt, text)
        else:
            answer, ok = QInputDialog.getText(
                parent, title, prompt, QLineEdit.EchoMode.Normal, text
            )
        if not ok:
            return None
        answer = answer.strip()
        if answer or not required:
            return answer
        empty = QCoreApplication.translate("alerts", "This cannot be left empty.")
        prompt = f"{label}\n\n{empty}"

