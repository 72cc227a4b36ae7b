"""The role and province a certificate gives a person's key (Settings › Keys › Certify)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class CertifyRoleDialog(QDialog):
    """The role (and, for pusat, the province) a certificate gives; open it with :meth:`ask`."""

    def __init__(self, parent: QWidget | None, name: str, *, national: bool, province: str):
        super().__init__(parent)
        self.national = national
        self.setWindowTitle(self.tr("Certify a key"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Certify the key of %1 as:").replace("%1", _escape(name or "–")))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.assessor = QRadioButton(self.tr("&Assessor"))
        self.supervisor = QRadioButton(self.tr("&Supervisor"))
        self.assessor.setChecked(True)
        self.supervisor.setEnabled(national)  # only pusat's national key makes supervisors
        self.province_edit = QLineEdit(province)
        self.province_edit.setReadOnly(not national)  # a supervisor certifies its own province
        self.province_edit.setPlaceholderText(self.tr("e.g. Banten"))
        layout.addWidget(self.assessor)
        layout.addWidget(self.supervisor)
        form = QFormLayout()
        form.addRow(self.tr("&Province:"), self.province_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(
            self.tr("&Certify…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.province_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.province_edit.text().strip()))

    def answer(self) -> tuple[str, str]:
        """Return (role, province) as chosen."""
        role = "supervisor" if self.supervisor.isChecked() else "assessor"
        return role, self.province_edit.text().strip()

    @classmethod
    def ask(
        cls, parent: QWidget | None, name: str, *, national: bool, province: str
    ) -> tuple[str, str] | None:
        """Return the chosen (role, province), or None on cancel."""
        dialog = cls(parent, name, national=national, province=province)
        try:
            return dialog.answer() if dialog.exec() else None
        finally:
            dialog.deleteLater()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
