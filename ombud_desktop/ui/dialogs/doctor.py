"""What *Periksa ruang kerja* found, in words, with a button to repair it; opened by one call."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)


class DoctorDialog(QDialog):
    """The doctor's findings; :meth:`ask` returns True when the user asks to repair them."""

    def __init__(self, report: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Check workspace"))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        findings = list(report.findings)
        left = [f for f in findings if not f.repaired]
        if not findings:
            summary = self.tr("The workspace is healthy: nothing to repair.")
        elif not left:
            summary = self.tr("Everything found was repaired; no change was lost.")
        elif report.repair:
            summary = self.tr(
                "%1 problem(s) could not be repaired here. Restore a backup, or ask for help "
                "with the support file."
            ).replace("%1", str(len(left)))
        else:
            summary = self.tr(
                "%1 problem(s) found. Repairing loses no change: the current state is rebuilt "
                "from the change log, and files are moved aside, not deleted."
            ).replace("%1", str(len(left)))
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        for finding in findings:
            done = self.tr(" (repaired)") if finding.repaired else ""
            self.list.addItem(f"{self.describe(finding.kind)}{done}:\n    {finding.place}")
        self.list.setVisible(bool(findings))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.repair_button = None
        if left and not report.repair:
            self.repair_button = buttons.addButton(
                self.tr("&Repair"), QDialogButtonBox.ButtonRole.AcceptRole
            )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def describe(self, kind: str) -> str:
        """Return the words of a finding's kind."""
        words = {
            "integrity": self.tr("The database fails SQLite's integrity check; restore a backup"),
            "state_differs": self.tr("A current-state cell differs from the change log"),
            "state_missing_row": self.tr("A current-state row is missing"),
            "state_extra_row": self.tr("A current-state row has no change in the log"),
            "evidence_missing": self.tr("An evidence file is missing"),
            "evidence_damaged": self.tr("An evidence file is damaged"),
            "evidence_orphan": self.tr("An evidence file no record refers to"),
            "evidence_temporary": self.tr("A temporary file in the evidence folder"),
            "export_leftover": self.tr("A half-written package left by a stopped export"),
            "stale_lock": self.tr("The lock file names a program that has ended"),
        }
        return words.get(kind, kind)

    @classmethod
    def ask(cls, parent: QWidget | None, report: Any) -> bool:
        """Show the findings; return True when the user chose to repair them."""
        dialog = cls(report, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.repair_button is not None
