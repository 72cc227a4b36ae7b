"""Evidence of one indicator: thumbnails, an add button, and drag and drop of files."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QIcon, QImage, QPixmap
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
from ombud_desktop.domain.photos import is_other_day, position_text, taken_text
from ombud_desktop.ui.dialogs.files import documents_folder

THUMBNAIL = 96
# Item data: True when the photo was taken on another day than the visit.
OTHER_DAY_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self._shown: list[tuple[str, str | None, str | None]] = []

    def show_evidence(self, evidence: list[EvidenceRef], visit_date: str | None = None) -> None:
        """Show the items linked to this strip's indicator (and product).

        Beside each photo: when and where it was taken, and a warning when that was on another
        day than the visit (``visit_date``).
        """
        mine = [
            e
            for e in evidence
            if e.indicator == self.indicator and (self.product is None or e.product == self.product)
        ]
        shown = [(e.evidence_id, e.taken_at, visit_date) for e in mine]
        if shown == self._shown:
            return
        self._shown = shown
        self.list.clear()
        self.heading.setText(self.tr("Evidence (%1)").replace("%1", str(len(mine))))
        for ref in mine:
            other_day = is_other_day(ref, visit_date)
            label = ref.filename
            if other_day:
                label = "⚠ " + self.tr("Taken %1").replace("%1", ref.taken_at[:10]) + "\n" + label
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, ref.sha256)
            item.setData(OTHER_DAY_ROLE, other_day)
            item.setToolTip(self._tip(ref, visit_date if other_day else None))
            if other_day:
                item.setForeground(QColor("#A04000"))
            self.list.addItem(item)
        photos = [e for e in mine if e.media_type.startswith("image/")]
        if photos:
            self.context.load_thumbnails(photos, THUMBNAIL, self._set_thumbnails)

    def _tip(self, ref: EvidenceRef, other_visit: str | None) -> str:
        lines = [ref.filename]
        taken = taken_text(ref)
        if taken:
            lines.append(self.tr("Taken: %1").replace("%1", taken))
        position = position_text(ref)
        if position:
            lines.append(self.tr("Position: %1").replace("%1", position))
        if other_visit:
            lines.append(
                self.tr("Taken on another day than the visit (%1): check that it shows this visit.")
                .replace("%1", other_visit)
            )
        return "\n".join(lines)

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
            self.tr(
                "Photos and documents (*.jpg *.jpeg *.png *.webp *.heic *.heif *.pdf);;"
                "All files (*)"
            ),
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
