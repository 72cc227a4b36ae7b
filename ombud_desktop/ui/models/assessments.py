"""The home screen's table of assessments: the model over plain row dicts, and their words.

The rows are built on the store thread by :func:`ombud_desktop.services.lists.assessment_rows`
(names, status, progress, score, grade and zone). :class:`AssessmentTableModel` only adapts those
dicts to Qt; it never reads the workspace.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from ombud_desktop import formatting
from ombud_desktop.ui.i18n import current_language
from ombud_desktop.ui.models.rows import RowsTableModel

ID_ROLE = Qt.ItemDataRole.UserRole
"""Returns the assessment id of a row (any column)."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Returns a value that sorts naturally (numbers as numbers)."""
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 2
"""Returns the progress 0..1 (for a progress-bar delegate)."""

_STATUS_ORDER = {"draft": 0, "complete": 1, "signed": 2}

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The columns of the assessment table, in display order."""

    ENTITY = 0
    LOCUS = 1
    PERIOD = 2
    STATUS = 3
    PROGRESS = 4
    SCORE = 5
    GRADE = 6
    REVIEW = 7


def format_number(value: float | None, language: str | None = None) -> str:
    """Return a score with 2 decimals in ``language`` (91,02 / 91.02), or "–" when missing.

    Without ``language``, in the language the app speaks now: the same words (Babel's, from
    :mod:`ombud_desktop.formatting`) as the PDFs and the spreadsheet.
    """
    return formatting.format_score(value, language or current_language())


def status_text(status: str) -> str:
    """Return the translated word for an assessment status."""
    words = {
        "draft": QCoreApplication.translate("AssessmentTableModel", "Draft"),
        "complete": QCoreApplication.translate("AssessmentTableModel", "Complete"),
        "signed": QCoreApplication.translate("AssessmentTableModel", "Signed"),
    }
    return words.get(status, status.capitalize())


def review_text(item: Mapping[str, Any]) -> str:
    """Return the review column's words: open conflicts, decision, open comments, waiting."""
    parts = []
    conflicts = int(item.get("conflicts") or 0)
    if conflicts:
        parts.append(
            QCoreApplication.translate("AssessmentTableModel", "⚠ %n conflict(s)", None, conflicts)
        )
    decision = {
        "approved": QCoreApplication.translate("AssessmentTableModel", "Approved"),
        "returned": QCoreApplication.translate("AssessmentTableModel", "Returned"),
    }.get(item.get("review") or "")
    if decision:
        parts.append(decision)
    comments = int(item.get("open_comments") or 0)
    if comments:
        parts.append(f"✎ {comments}")  # said in words in the tooltip
    pending = int(item.get("pending_changes") or 0)
    if pending:
        parts.append(
            QCoreApplication.translate(
                "AssessmentTableModel", "%n change(s) waiting", None, pending
            )
        )
    return " · ".join(parts)


def review_tooltip(item: Mapping[str, Any]) -> str | None:
    """Return who decided the review and when, and how many of its comments are still open."""
    decided = _decided_tooltip(item)
    comments = int(item.get("open_comments") or 0)
    if not comments:
        return decided
    still = QCoreApplication.translate(
        "AssessmentTableModel", "%n comment(s) of the supervisor still open (✎)", None, comments
    )
    return f"{decided}\n{still}" if decided else still


def _decided_tooltip(item: Mapping[str, Any]) -> str | None:
    """Return who decided the review and when ("Returned by Budi, 12/08/2024 10:41")."""
    if not item.get("review") or not item.get("review_by"):
        return None
    text = {
        "approved": QCoreApplication.translate("AssessmentTableModel", "Approved by %1, %2"),
        "returned": QCoreApplication.translate(
            "AssessmentTableModel", "Returned for correction by %1, %2"
        ),
    }.get(item["review"])
    if text is None:
        return None
    return text.replace("%1", item["review_by"]).replace("%2", local_time(item["review_at"]))


def local_time(stamp: str | None) -> str:
    """Return a stored UTC time as local day and minute ("12/08/2024 10:41"), or "–"."""
    if not stamp:
        return "–"
    from datetime import datetime

    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def readable_text_colour(background: QColor) -> QColor:
    """Return black or white, whichever contrasts more with ``background`` (WCAG luminance)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * channel(background.redF())
        + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF())
    )
    # Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05); equal at L ≈ 0.179.
    return QColor("#000000") if luminance > 0.179 else QColor("#FFFFFF")


# -- the Qt model (GUI thread) -------------------------------------------------------------------


class AssessmentTableModel(RowsTableModel):
    """Adapt a list of assessment row dicts (``Services.lists.assessments``) to a table."""

    def __init__(
        self,
        rows: Sequence[dict[str, Any]] = (),
        *,
        language: str = "id",
        parent: QObject | None = None,
    ):
        super().__init__(rows, parent=parent)
        self._language = language

    # -- data in and out ---------------------------------------------------------------------

    def row_of(self, assessment_id: str) -> int | None:
        """Return the table row of an assessment, or None when it is not shown."""
        for number, item in enumerate(self._rows):
            if item["id"] == assessment_id:
                return number
        return None

    def set_language(self, language: str) -> None:
        """Show zone labels and scores in ``language`` ("id" or "en")."""
        self._language = language
        if self._rows:
            self.dataChanged.emit(
                self.index(0, Column.SCORE), self.index(len(self._rows) - 1, Column.GRADE)
            )

    # -- QAbstractTableModel -----------------------------------------------------------------

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under any parent)."""
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Return the translated column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            Column.ENTITY: self.tr("Entity"),
            Column.LOCUS: self.tr("Locus"),
            Column.PERIOD: self.tr("Period"),
            Column.STATUS: self.tr("Status"),
            Column.PROGRESS: self.tr("Progress"),
            Column.SCORE: self.tr("Score"),
            Column.GRADE: self.tr("Grade"),
            Column.REVIEW: self.tr("Review"),
        }
        return titles.get(Column(section)) if 0 <= section < len(Column) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a view asks of one cell."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == ID_ROLE:
            return item["id"]
        if role == SORT_ROLE:
            return self._sort_key(item, column)
        if role == PROGRESS_ROLE:
            return float(item["progress"])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.PROGRESS,
            Column.SCORE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == Column.GRADE and item.get("zone_colour"):
            colour = QColor(item["zone_colour"])
            if role == Qt.ItemDataRole.BackgroundRole:
                return colour
            if role == Qt.ItemDataRole.ForegroundRole:
                return readable_text_colour(colour)
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.SCORE, Column.GRADE):
            return self._tooltip(item)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.REVIEW:
            return review_tooltip(item)
        return None

    # -- cell contents -------------------------------------------------------------------------

    def _display(self, item: Mapping[str, Any], column: Column) -> str:
        if column == Column.ENTITY:
            return item["entity"]
        if column == Column.LOCUS:
            return item["locus"]
        if column == Column.PERIOD:
            return item["period"]
        if column == Column.STATUS:
            return status_text(item["status"])
        if column == Column.PROGRESS:
            return f"{round(100 * item['progress'])} %"
        if column == Column.SCORE:
            return format_number(item["score"], self._language)
        if column == Column.REVIEW:
            return review_text(item)
        return self.grade_text(item)

    def grade_text(self, item: Mapping[str, Any]) -> str:
        """Return "A · Hijau" (with "(provisional)" when so), or "–" without a score."""
        if item.get("zone") is None:
            return "–"
        label = item.get("zone_label") or {}
        zone = label.get(self._language) or label.get("id") or item["zone"].capitalize()
        text = f"{item['grade']} · {zone}" if item.get("grade") else zone
        if item.get("provisional"):
            return self.tr("{grade} (provisional)").format(grade=text)
        return text

    def _tooltip(self, item: Mapping[str, Any]) -> str | None:
        if not item.get("provisional"):
            return None
        missing = int(item.get("missing") or 0)
        return QCoreApplication.translate(
            "AssessmentTableModel",
            "Provisional: %n thing(s) still missing before the assessment is complete.",
            None,
            missing,
        )

    def _sort_key(self, item: Mapping[str, Any], column: Column) -> Any:
        if column == Column.STATUS:
            return _STATUS_ORDER.get(item["status"], len(_STATUS_ORDER))
        if column == Column.PROGRESS:
            return float(item["progress"])
        if column in (Column.SCORE, Column.GRADE):
            # Unscored rows sort below every score (scores are 0-100).
            return -1.0 if item["score"] is None else float(item["score"])
        return self._display(item, column).casefold()
