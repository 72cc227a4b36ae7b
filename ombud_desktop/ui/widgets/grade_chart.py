"""A bar chart of how many entities have each grade, drawn with QPainter (no QtCharts)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ombud_desktop.ui.models.assessments import readable_text_colour


@dataclass(frozen=True)
class Bar:
    """One bar: its label under the axis, its count and its colour (the zone's)."""

    label: str
    count: int
    colour: str


class GradeChart(QWidget):
    """Vertical bars, one per grade, each labelled with its count; scaled to the largest."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._bars: list[Bar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(220, 160)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Show ``bars`` (in the order given)."""
        self._bars = list(bars)
        total = sum(bar.count for bar in self._bars)
        self.setToolTip(
            "\n".join(f"{bar.label}: {bar.count}" for bar in self._bars) if total else ""
        )
        self.update()

    def bars(self) -> list[Bar]:
        """Return the bars shown."""
        return list(self._bars)

    def sizeHint(self) -> QSize:
        """Return a size that fits five bars with their labels."""
        return QSize(320, 220)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Draw the axis, the bars and their labels."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(palette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(8, line + 6, -8, -(line + 8))
        if not self._bars or area.width() <= 0 or area.height() <= 0:
            painter.end()
            return
        top = max(1, max(bar.count for bar in self._bars))
        slot = area.width() / len(self._bars)
        width = min(slot * 0.7, 64.0)
        painter.setPen(QPen(text_colour, 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        for number, bar in enumerate(self._bars):
            centre = area.left() + slot * (number + 0.5)
            height = area.height() * bar.count / top
            rect = QRectF(centre - width / 2, area.bottom() - height, width, height)
            colour = QColor(bar.colour)
            painter.fillRect(rect, colour)
            painter.setPen(QPen(colour.darker(130), 1))
            painter.drawRect(rect)
            painter.setPen(text_colour)
            count_box = QRectF(centre - slot / 2, rect.top() - line - 2, slot, line)
            if height > line + 4:  # inside the bar, in a colour readable on it
                count_box = QRectF(centre - slot / 2, rect.top() + 2, slot, line)
                painter.setPen(readable_text_colour(colour))
            painter.drawText(count_box, Qt.AlignmentFlag.AlignCenter, str(bar.count))
            painter.setPen(text_colour)
            label_box = QRectF(centre - slot / 2, area.bottom() + 4, slot, line)
            painter.drawText(label_box, Qt.AlignmentFlag.AlignCenter, bar.label)
        painter.end()
