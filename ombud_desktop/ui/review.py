"""Review (supervisor): approve an assessment, or return it with comments; how a review reads.

:class:`ReturnDialog` asks for a general comment and any number of comments on indicators
picked from the instrument's list; it opens through :meth:`ReturnDialog.ask`, which returns the
answer. :func:`review_banner_text` and :func:`indicator_comments` are what the assessment window
shows of a review (on the assessor's laptop, after importing the returned package).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.ui.models.assessments import local_time

if TYPE_CHECKING:
    from ombud_desktop.instruments.model import Instrument

Index = QModelIndex | QPersistentModelIndex

# The colours of a review's boxes: a light background with dark text (contrast above 7:1).
RETURNED_STYLE = (
    "background: #FFF4D6; color: #4A3500; border: 1px solid #D9A520; border-radius: 4px;"
    "padding: 8px;"
)
APPROVED_STYLE = (
    "background: #E3F4E8; color: #0F3D1E; border: 1px solid #4C9A63; border-radius: 4px;"
    "padding: 8px;"
)


def review_banner_text(review: dict[str, Any]) -> str:
    """Return the banner for an assessment's review ("" when it was not reviewed)."""
    status = review.get("status")
    if status == "returned":
        head = QCoreApplication.translate("review", "Returned for correction by %1, %2.")
    elif status == "approved":
        head = QCoreApplication.translate("review", "Approved by %1, %2.")
    else:
        return ""
    head = head.replace("%1", review.get("by") or "–").replace("%2", local_time(review.get("at")))
    comment = review.get("comment")
    comments = review.get("comments", [])
    count = sum(1 for c in comments if c.get("indicator") and c.get("state", "open") == "open")
    parts = [f"<b>{_escape(head)}</b>"]
    general = general_comment(review)
    if comment:
        fixed = general is not None and general.get("state") == "closed"
        done = QCoreApplication.translate("review", "(marked as fixed)")
        parts.append(_escape(comment) + (f" <i>{_escape(done)}</i>" if fixed else ""))
    if count:
        parts.append(
            QCoreApplication.translate(
                "review", "%n indicator(s) have a comment (marked ✎ in the list).", None, count
            )
        )
    return "<br>".join(parts)


def indicator_comments(review: dict[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Return the supervisor's open comments per indicator code: (comment id, text)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for comment in review.get("comments", []):
        if comment.get("state", "open") != "open":
            continue
        if comment.get("indicator") and comment.get("text"):
            out.setdefault(comment["indicator"], []).append((comment["id"], comment["text"]))
    return out


def general_comment(review: dict[str, Any]) -> dict[str, Any] | None:
    """Return the general comment of a return with its state (None when there is none)."""
    return next((c for c in review.get("comments", []) if c.get("indicator") is None), None)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# -- returning -----------------------------------------------------------------------------------


@dataclass
class ReturnAnswer:
    """What the supervisor wrote: a general comment and comments per indicator code."""

    comment: str
    indicator_comments: dict[str, str] = field(default_factory=dict)


class IndicatorCommentModel(QAbstractTableModel):
    """The comments on indicators being written: (code, title, text) rows."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[tuple[str, str, str]] = []

    def add(self, code: str, title: str, text: str) -> None:
        """Add a comment, or replace the one already written on ``code``."""
        for number, row in enumerate(self._rows):
            if row[0] == code:
                self._rows[number] = (code, title, text)
                self.dataChanged.emit(self.index(number, 0), self.index(number, 1))
                return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append((code, title, text))
        self.endInsertRows()

    def remove(self, row: int) -> None:
        """Remove the comment in ``row``."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def comments(self) -> dict[str, str]:
        """Return the comments by indicator code."""
        return {code: text for code, _title, text in self._rows}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of comments (0 under any parent)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return 2: the indicator and the comment."""
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {0: self.tr("Indicator"), 1: self.tr("Comment")}.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the indicator (code and title) or the comment's text."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        code, title, text = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return f"{code} · {title}" if index.column() == 0 else text
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Return selectable and enabled."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


def commentable_indicators(instrument: Instrument, language: str) -> list[tuple[str, str]]:
    """Return (code, title) of every indicator and sub-item, in the instrument's order."""
    out = []
    for _dimension, indicator in instrument.indicators():
        out.append((indicator.code, indicator.title.get(language)))
        for sub in getattr(indicator, "sub_items", ()):
            out.append((sub.code, sub.title.get(language)))
    return out


class ReturnDialog(QDialog):
    """Ask what the assessor must correct: a general comment, comments on indicators."""

    def __init__(
        self,
        parent: QWidget | None,
        indicators: Sequence[tuple[str, str]],
        place: str = "",
        current: str | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return for correction"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The assessment goes back to its assessor as a draft, with your comments. "
                "Say what must be corrected."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if place:
            layout.addWidget(QLabel(f"<b>{_escape(place)}</b>"))
        general = QLabel(self.tr("&General comment:"))
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setPlaceholderText(self.tr("What the assessor should correct"))
        self.comment_edit.setMaximumHeight(90)
        general.setBuddy(self.comment_edit)
        layout.addWidget(general)
        layout.addWidget(self.comment_edit)
        layout.addWidget(QLabel(self.tr("Comments on indicators (optional):")))
        row = QHBoxLayout()
        self.indicator_combo = QComboBox()
        for code, title in indicators:
            self.indicator_combo.addItem(f"{code} · {title}", (code, title))
        # No indicator is chosen for the supervisor (a default IN01 got comments meant for
        # others): the one being looked at when there is one, else the supervisor picks.
        self.indicator_combo.setPlaceholderText(self.tr("Choose the indicator…"))
        self.indicator_combo.setCurrentIndex(
            next((n for n, (code, _t) in enumerate(indicators) if code == current), -1)
        )
        self.indicator_combo.currentIndexChanged.connect(lambda _i: self._update())
        self.indicator_combo.setMaximumWidth(320)
        self.indicator_text = QLineEdit()
        self.indicator_text.setPlaceholderText(self.tr("Comment on this indicator"))
        self.add_button = QPushButton(self.tr("A&dd"))
        self.add_button.setEnabled(False)
        row.addWidget(self.indicator_combo)
        row.addWidget(self.indicator_text, 1)
        row.addWidget(self.add_button)
        layout.addLayout(row)
        self.model = IndicatorCommentModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().resizeSection(0, 260)
        layout.addWidget(self.table, 1)
        self.remove_button = QPushButton(self.tr("&Remove comment"))
        self.remove_button.setEnabled(False)
        remove_row = QHBoxLayout()
        remove_row.addWidget(self.remove_button)
        remove_row.addStretch(1)
        layout.addLayout(remove_row)
        self.message = QLabel()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Return"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.indicator_text.textChanged.connect(self._update)
        self.indicator_text.returnPressed.connect(self.add_comment)
        self.add_button.clicked.connect(self.add_comment)
        self.remove_button.clicked.connect(self.remove_comment)
        self.comment_edit.textChanged.connect(self._update)
        self.model.rowsInserted.connect(self._update)
        self.model.rowsRemoved.connect(self._update)
        self.table.selectionModel().selectionChanged.connect(self._update)
        self._update()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        instrument: Instrument,
        language: str,
        place: str = "",
        current: str | None = None,
    ) -> ReturnAnswer | None:
        """Show the dialog; return the comments, or None when cancelled.

        ``current``: the indicator being looked at, chosen for the first comment (else none).
        """
        dialog = cls(parent, commentable_indicators(instrument, language), place, current)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.answer()

    def answer(self) -> ReturnAnswer:
        """Return what has been written so far."""
        return ReturnAnswer(self.comment_edit.toPlainText().strip(), self.model.comments())

    def add_comment(self) -> None:
        """Add the comment typed on the indicator chosen."""
        text = self.indicator_text.text().strip()
        data = self.indicator_combo.currentData()
        if not text or data is None:
            return
        code, title = data
        self.model.add(code, title, text)
        self.indicator_text.clear()
        self.indicator_combo.setFocus()

    def remove_comment(self) -> None:
        """Remove the selected comment on an indicator."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.model.remove(rows[0].row())

    def _update(self) -> None:
        self.add_button.setEnabled(
            bool(self.indicator_text.text().strip()) and self.indicator_combo.currentIndex() >= 0
        )
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        answer = self.answer()
        ready = bool(answer.comment or answer.indicator_comments)
        self.ok_button.setEnabled(ready)
        self.message.setText(
            "" if ready else self.tr("Write a general comment or a comment on an indicator.")
        )
