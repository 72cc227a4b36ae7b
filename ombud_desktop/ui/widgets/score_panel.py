"""The live score: dimension scores, locus score, grade badge, what is missing, deficiencies."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop import words
from ombud_desktop.instruments.model import Instrument
from ombud_desktop.scoring import LocusScore
from ombud_desktop.ui.models.assessments import format_number, readable_text_colour


class ScorePanel(QWidget):
    """Shows a LocusScore; clicking a missing item or deficiency asks to go there."""

    target_requested = Signal(str)  # a reason target ("IN07", "R2:IN04", "service_users"…)

    def __init__(self, instrument: Instrument, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.instrument = instrument
        self.language = language
        self.list_fills = 0  # how many times a list was rebuilt (tests count them)
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Provisional score"))
        heading.setStyleSheet("font-weight: bold;")
        layout.addWidget(heading)
        form = QFormLayout()
        self.dimension_labels: dict[str, QLabel] = {}
        for dimension in instrument.dimensions:
            label = QLabel("–")
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.dimension_labels[dimension.code] = label
            form.addRow(dimension.title.get(language), label)
        layout.addLayout(form)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        self.score_label = QLabel("–")
        self.score_label.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.score_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.score_label)
        self.grade_badge = QLabel()
        self.grade_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.grade_badge.setMinimumHeight(28)
        layout.addWidget(self.grade_badge)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.missing_list = QListWidget()
        self.missing_list.setWordWrap(True)
        self.missing_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.missing_list.itemActivated.connect(self._go)
        self.missing_list.itemClicked.connect(self._go)
        layout.addWidget(self.missing_list, 1)
        self.deficiency_heading = QLabel()
        layout.addWidget(self.deficiency_heading)
        self.deficiency_list = QListWidget()
        self.deficiency_list.setWordWrap(True)
        self.deficiency_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.deficiency_list.itemActivated.connect(self._go)
        self.deficiency_list.itemClicked.connect(self._go)
        layout.addWidget(self.deficiency_list, 2)
        self.setMinimumWidth(220)

    def show_score(self, score: LocusScore) -> None:
        """Redraw for ``score``."""
        for code, label in self.dimension_labels.items():
            label.setText(format_number(score.dimensions[code].score, self.language))
        self.score_label.setText(format_number(score.score, self.language))
        if score.grade is None:
            self.grade_badge.setText(self.tr("No grade yet"))
            self._set_badge_style("")
        else:
            zone = next(z for z in self.instrument.grade_scale.zones if z.code == score.grade.zone)
            self.grade_badge.setText(f"{score.grade.grade} · {zone.label.get(self.language)}")
            self._set_badge_style(
                f"background: {zone.colour}; "
                f"color: {readable_text_colour(QColor(zone.colour)).name()};"
                "font-weight: bold; border-radius: 4px; padding: 4px;"
            )
        if score.provisional:
            self.status_label.setText(
                self.tr("Provisional: %n thing(s) still missing", "", len(score.reasons))
            )
        else:
            self.status_label.setText(self.tr("Complete: every rule is met"))
        self._fill(
            self.missing_list,
            [(self.reason_text(r.code, r.target, r.data), r.target) for r in score.reasons],
        )
        self.deficiency_heading.setText(
            self.tr("Deficiencies (below %1): %2")
            .replace("%1", str(self.instrument.rating_scale.max))
            .replace("%2", str(len(score.deficiencies)))
        )
        deficiencies = []
        for code in score.deficiencies:
            value = score.indicators[code].value
            title = self.instrument.indicator(code).title.get(self.language)
            deficiencies.append((f"{code} {format_number(value, self.language)} · {title}", code))
        self._fill(self.deficiency_list, deficiencies)

    def _set_badge_style(self, style: str) -> None:
        # Setting a style sheet repolishes the widget even when it is the same one.
        if self.grade_badge.styleSheet() != style:
            self.grade_badge.setStyleSheet(style)

    def _fill(self, listing: QListWidget, rows: list[tuple[str, str]]) -> None:
        """Show ``rows`` (text, target) in ``listing``, rebuilding it only when they differ.

        Most answers change neither list: rebuilding a word-wrapped list lays out every row.
        """
        shown = [
            (listing.item(i).text(), listing.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(listing.count())
        ]
        if shown == rows:
            return
        self.list_fills += 1
        listing.clear()
        for text, target in rows:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, target)
            listing.addItem(item)

    def reason_text(self, code: str, target: str, data: dict) -> str:
        """Return a missing item in words, in the panel's language."""
        return reason_text(code, target, data, self.language)

    def _go(self, item: QListWidgetItem) -> None:
        self.target_requested.emit(item.data(Qt.ItemDataRole.UserRole))


def reason_text(code: str, target: str, data: dict, language: str) -> str:
    """Return why a locus is provisional (a reason of the scoring) in words."""
    return words.reason_text(code, target, data, language)
