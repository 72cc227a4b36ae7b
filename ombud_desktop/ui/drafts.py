"""Nothing typed is lost: the assessment window's text fields kept as drafts while typed.

A text field saves its answer when the assessor leaves it (the page's own handler, one change
in the log). Until then what is typed lives only in the widget, so it is also kept as a draft
in the workspace (services/drafts.py, outside the change log): within ``DELAY_MS`` of the last
keystroke (a debounce timer), at once on every focus change, and when the window is left,
closed or rebuilt for another language. After a crash the window shows each draft again in
its field, and leaving the field (or closing) saves it as the answer like any typing.

Tests drive :meth:`TextDrafts.flush` and the timer's ``timeout`` directly; nothing waits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from ombud_desktop.ui.ops import StoreThread

logger = logging.getLogger(__name__)

DELAY_MS = 700  # within a second of the last keystroke

TextWidget = QLineEdit | QPlainTextEdit


def limit_length(edit: TextWidget, limit: int) -> None:
    """Let ``edit`` hold at most ``limit`` characters (domain/limits.py); a paste is cut."""
    if isinstance(edit, QLineEdit):
        edit.setMaxLength(limit)
        return

    def cut() -> None:
        text = edit.toPlainText()
        if len(text) <= limit:
            return
        cursor = edit.textCursor()
        at = cursor.position()
        extra = len(text) - limit
        # Remove what was just typed or pasted before the cursor, keep the rest as it was.
        start = max(0, at - extra)
        cursor.setPosition(start)
        cursor.setPosition(start + extra, QTextCursor.MoveMode.KeepAnchor)
        cursor.removeSelectedText()
        edit.setTextCursor(cursor)

    edit.textChanged.connect(cut)


class TextDrafts(QObject):
    """Keep the typing of one assessment's window as drafts; give them back after a crash."""

    def __init__(
        self,
        store: StoreThread,
        assessment_id: str,
        stored: Mapping[str, str] | None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.assessment_id = assessment_id
        self.stored: dict[str, str] = dict(stored or {})  # the drafts as the workspace has them
        self.pending: dict[str, str] = {}  # typed, not yet written
        self.widgets: dict[str, TextWidget] = {}
        # The text each field last handed to its page to save (leaving it, or commit_all):
        # committing it again would log the same answer twice.
        self.committed: dict[str, str] = {}
        self.kept = 0  # how many draft writes were submitted (tests count them)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.flush)

    # -- fields --------------------------------------------------------------------------------

    def watch(self, widget: TextWidget, field: str, limit: int | None = None) -> None:
        """Keep what is typed in ``widget`` as the draft ``field`` (and cap its length)."""
        self.widgets[field] = widget
        if limit is not None:
            limit_length(widget, limit)
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(lambda text, f=field: self.typed(f, text))
            widget.editingFinished.connect(
                lambda f=field, w=widget: self.committed.__setitem__(f, w.text())
            )
        else:
            # Typing happens with the focus; the pages fill a box only when it has none.
            widget.textChanged.connect(
                lambda f=field, w=widget: w.hasFocus() and self.typed(f, w.toPlainText())
            )
        widget.installEventFilter(self)

    def typed(self, field: str, text: str) -> None:
        """Note ``text`` as the draft of ``field``; written when the typing pauses."""
        self.pending[field] = text
        self.stored[field] = text
        self.timer.start()

    def forget(self, field: str) -> None:
        """Drop a draft that is no longer wanted (saved as an answer, or emptied)."""
        self.pending.pop(field, None)
        if self.stored.pop(field, None) is not None:
            aid = self.assessment_id
            self._submit(lambda s: s.drafts.drop(aid, [field]))

    def draft(self, field: str) -> str | None:
        """Return the draft of ``field`` the workspace holds (or is about to), if any."""
        return self.stored.get(field)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.flush()  # a focus change keeps the draft at once
            if isinstance(watched, QPlainTextEdit):  # its page saves it as the focus leaves
                field = next((f for f, w in self.widgets.items() if w is watched), None)
                if field is not None:
                    self.committed[field] = watched.toPlainText()
        return False

    # -- writing -------------------------------------------------------------------------------

    def flush(self) -> None:
        """Write the pending drafts now (one store job, no change in the log)."""
        self.timer.stop()
        if not self.pending:
            return
        values, self.pending = self.pending, {}
        aid = self.assessment_id
        self.kept += 1
        self._submit(lambda s: s.drafts.keep(aid, values))

    def _submit(self, job: Callable[[Any], Any]) -> None:
        try:
            self.store.submit(job, on_error=self._not_kept)
        except RuntimeError:  # the store is already closed (the app is quitting)
            logger.warning("a draft was not kept: the workspace is closed")

    def _not_kept(self, error: BaseException) -> None:
        # The text is still in its field; only its safety copy failed (never its content here).
        logger.warning("a draft was not kept: %s", type(error).__name__)

    # -- showing and committing ------------------------------------------------------------

    def show_drafts(self) -> None:
        """Put each draft into its field, unless the field is being typed in."""
        for field, widget in self.widgets.items():
            text = self.stored.get(field)
            if text is None or widget.hasFocus() or not widget.isEnabled():
                continue
            if isinstance(widget, QLineEdit):
                if widget.text() != text:
                    widget.setText(text)
            elif widget.toPlainText() != text:
                widget.setPlainText(text)

    def commit_all(self, on_commit: Callable[[QWidget], None] | None = None) -> int:
        """Save every field that shows a draft as its answer, as leaving it would; return how many.

        For closing the window, going back, switching the language: the page's own handler
        saves (editingFinished of a line, the focus leaving a text box).
        """
        self.flush()
        committed = 0
        for field, widget in self.widgets.items():
            if field not in self.stored or not widget.isEnabled():
                continue
            text = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
            if self.committed.get(field) == text:
                continue  # handed to its page already: being saved
            if isinstance(widget, QLineEdit):
                widget.editingFinished.emit()
            else:
                QCoreApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut))
            committed += 1
            if on_commit is not None:
                on_commit(widget)
        return committed
