"""The assessor profile dialog: whose name (and NIP) goes with every answer recorded here."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

NIP_DIGITS = 18


def clean_nip(text: str) -> str:
    """Return a NIP without the spaces people write it with ("19870101 201001 2 001")."""
    return "".join(text.split())


class ProfileDialog(QDialog):
    """Ask for the assessor's name and optional NIP; open it with :meth:`ask`."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "", nip: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assessor profile"))
        intro = QLabel(
            self.tr(
                "Your name is recorded with every answer you give in this workspace, "
                "so a supervisor can see who assessed what."
            )
        )
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(self.tr("Full name"))
        self.nip_edit = QLineEdit(nip)
        self.nip_edit.setPlaceholderText(self.tr("Optional: 18 digits"))
        # Digits and spaces only; the spaces are dropped when the NIP is read.
        self.nip_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9 ]{0,30}"), self.nip_edit)
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        # Qt ships no Indonesian for its standard buttons: name them ourselves.
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("N&IP:"), self.nip_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self.name_edit.textChanged.connect(self._update)
        self.nip_edit.textChanged.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._update()

    def problem(self) -> str | None:
        """Return what is wrong with the input, or None when it can be saved."""
        if not self.name_edit.text().strip():
            return self.tr("Give your name.")
        nip = clean_nip(self.nip_edit.text())
        if nip and not nip.isdigit():
            return self.tr("The NIP has digits only.")
        if nip and len(nip) != NIP_DIGITS:
            return self.tr("The NIP has 18 digits; this one has {count}.").format(count=len(nip))
        return None

    def _update(self) -> None:
        problem = self.problem()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
        # An empty name is obvious at first start; say so only once something was typed.
        show = problem is not None and bool(self.name_edit.text() or self.nip_edit.text())
        self.message.setText(problem if show else "")

    def answer(self) -> tuple[str, str | None]:
        """Return the name and the NIP (None when not given)."""
        return self.name_edit.text().strip(), clean_nip(self.nip_edit.text()) or None

    def accept(self) -> None:
        """Close with OK only when the input is valid."""
        if self.problem() is None:
            super().accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, name: str = "", nip: str = ""
    ) -> tuple[str, str | None] | None:
        """Show the dialog; return (name, NIP or None), or None on cancel."""
        dialog = cls(parent, name=name, nip=nip or "")
        try:
            if not dialog.exec():
                return None
            return dialog.answer()
        finally:
            dialog.deleteLater()
