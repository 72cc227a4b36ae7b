"""What is still missing before an assessment can be finished; each item a click away."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.scoring import LocusScore
from ombud_desktop.ui.widgets.score_panel import ScorePanel


class MissingDialog(QDialog):
    """Lists the completeness rules not yet met; choosing one returns its target."""

    def __init__(self, parent: QWidget | None, score: LocusScore, panel: ScorePanel):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Not complete yet"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("The assessment cannot be finished yet. Double-click an item to go there.")
            )
        )
        self.list = QListWidget()
        for reason in score.reasons:
            item = QListWidgetItem(panel.reason_text(reason.code, reason.target, reason.data))
            item.setData(Qt.ItemDataRole.UserRole, reason.target)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        buttons = QDialogButtonBox()
        go = buttons.addButton(self.tr("Go there"), QDialogButtonBox.ButtonRole.AcceptRole)
        go.setDefault(True)
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 360)

    @classmethod
    def ask(cls, parent: QWidget | None, score: LocusScore, panel: ScorePanel) -> str | None:
        """Show the list; return the chosen item's target, or None."""
        dialog = cls(parent, score, panel)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.list.currentItem() is None:
                return None
            return dialog.list.currentItem().data(Qt.ItemDataRole.UserRole)
        finally:
            dialog.deleteLater()
