"""Evidence of one indicator: thumbnails, an add button, and drag and drop of files."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain.assessment import EvidenceRef
from ombud_desktop.ui.dialogs.files import documents_folder

THUMBNAIL = 96


class EvidenceStrip(QWidget):
    """Thumbnails of the evidence linked to one indicator (and product), plus adding more."""

    def __init__(
        self,
        context: Any,
        indicator: str,
        product: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.context = context
        self.indicator = indicator
        self.product = product
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.heading = QLabel(self.tr("Evidence"))
        top.addWidget(self.heading)
        top.addStretch(1)
        self.add_button = QPushButton(self.tr("Add photo or document…"))
        self.add_button.clicked.connect(self._choose)
        top.addWidget(self.add_button)
        layout.addLayout(top)
        self.list = QListWidget()
        self.list.setViewMode(QListWidget.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.list.setFixedHeight(THUMBNAIL + 36)
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setToolTip(self.tr("Drop photos or PDF documents here"))
        layout.addWidget(self.list)
        self._shown: list[str] = []

    def show_evidence(self, evidence: list[EvidenceRef]) -> None:
        """Show the items linked to this strip's indicator (and product)."""
        mine = [
            e
            for e in evidence
            if e.indicator == self.indicator and (self.product is None or e.product == self.product)
        ]
        ids = [e.evidence_id for e in mine]
        if ids == self._shown:
            return
        self._shown = ids
        self.list.clear()
        self.heading.setText(self.tr("Evidence (%1)").replace("%1", str(len(mine))))
        for ref in mine:
            item = QListWidgetItem(ref.filename)
            item.setData(Qt.ItemDataRole.UserRole, ref.sha256)
            tip = ref.filename + (f"\n{ref.taken_at}" if ref.taken_at else "")
            item.setToolTip(tip)
            self.list.addItem(item)
        photos = [e for e in mine if e.media_type.startswith("image/")]
        if photos:
            self.context.load_thumbnails(photos, THUMBNAIL, self._set_thumbnails)

    def _set_thumbnails(self, images: dict[str, QImage]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            image = images.get(item.data(Qt.ItemDataRole.UserRole))
            if image is not None and not image.isNull():
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def _choose(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add evidence"),
            str(documents_folder()),
            self.tr("Photos and documents (*.jpg *.jpeg *.png *.webp *.pdf);;All files (*)"),
        )
        if paths:
            self.context.add_evidence(paths, self.indicator, self.product)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.context.add_evidence(paths, self.indicator, self.product)
            event.acceptProposedAction()
