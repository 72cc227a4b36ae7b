"""What every page of the assessment window shares.

A page shows one part of an assessment (an indicator, a role interview, the service users…).
It is told the current state through :meth:`Page.load` and writes answers only through
``context.save(job)``: a job is a function run on the store thread that calls the
AssessmentService. After every save the window reloads the document and the score and calls
``load`` again on the visible page, so pages never keep their own copy of answers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain.assessment import AssessmentDocument
from ombud_desktop.instruments.model import Instrument, Text
from ombud_desktop.scoring import LocusScore
from ombud_desktop.ui.drafts import limit_length
from ombud_desktop.ui.ops import Store
from ombud_desktop.ui.widgets.text import wrapped_label


class PageContext(Protocol):
    """The assessment window as pages see it."""

    instrument: Instrument
    assessment_id: str
    language: str  # "id" or "en": which side of the instrument's texts to show

    def save(self, job: Callable[[Store], Any]) -> None:
        """Run ``job`` on the store thread; the window reloads and redraws after it."""

    def text(self, text: Text | None) -> str:
        """Return an instrument text in the current language ("" for None)."""

    def go_next(self) -> None:
        """Move to the next page (Enter / PageDown after an answer)."""

    def add_evidence(self, paths: list[str], indicator: str, product: int | None) -> None:
        """Import evidence files in the background, linked to an indicator (and product)."""

    def load_thumbnails(self, refs: list[Any], size: int, on_done: Callable[[Any], None]) -> None:
        """Make thumbnails of evidence off the GUI thread; ``on_done({sha: QImage})``."""


class Page(QWidget):
    """Base of the pages; subclasses build their widgets in ``__init__``."""

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self._loading = False
        self._shown: tuple[object, object, bool] | None = None  # what load() showed last
        self.loads = 0  # how many times the stored state was put into the widgets (tests)

    def shows(self, document: AssessmentDocument, score: LocusScore, locked: bool) -> bool:
        """Return True when the page already shows this very state (the same objects).

        The window reads a new document and score after every change, so the same objects
        mean nothing changed: loading again would only relayout the page (a role page's form
        rows and wrapped labels), which made a move to it cost twice a move to a rating page.
        """
        shown = self._shown
        return (
            shown is not None
            and shown[0] is document
            and shown[1] is score
            and shown[2] == locked
        )

    def load(self, document: AssessmentDocument, score: LocusScore, locked: bool) -> None:
        """Show the stored state. Must not save anything (``self._loading`` is set)."""
        self.loads += 1
        self._shown = (document, score, locked)
        if getattr(self, "_unplaced_body", None) is not None:
            scroll, body = self._unplaced_body
            scroll.setWidget(body)
            self._unplaced_body = None
        self._loading = True
        try:
            self.show_state(document, score)
            drafts = getattr(self.context, "drafts", None)
            if drafts is not None and not locked:
                drafts.show_drafts()  # what was typed and not yet saved, after a crash too
            self.setEnabled(not locked)
        finally:
            self._loading = False

    def show_state(self, document: AssessmentDocument, score: LocusScore) -> None:
        """Subclasses: put the document's values into the widgets."""
        raise NotImplementedError

    def scrolling_body(self, title: str) -> QVBoxLayout:
        """Give the page a scrollable body headed by ``title``; return the body's layout."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus moves to controls, not the pane
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = wrapped_label(title, bold=True)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        layout.addWidget(heading)
        self._body_layout = layout
        self._scroll = scroll
        outer.addWidget(scroll)
        # The body goes into the scroll area at the first load, once the page has filled it:
        # adding dozens of widgets to a body already in a resizable scroll area relayouts it
        # again and again (it doubled the first show of a role page).
        self._unplaced_body = (scroll, body)
        return layout

    def show_review_comments(
        self,
        comments: list[tuple[str, str]],
        style: str,
        on_close: Callable[[str], None] | None = None,
    ) -> QLabel:
        """Show the supervisor's open comments on this page in a coloured box, each closable.

        ``comments``: (comment id, text) of the comments still open; none hides the box.
        ``on_close(comment id)``: called when the assessor marks one as fixed.
        """
        box = getattr(self, "review_box", None)
        if box is None:
            frame = QFrame()
            frame.setObjectName("review_frame")
            frame.setStyleSheet(f"#review_frame {{ {style} }}")
            inner = QVBoxLayout(frame)
            box = wrapped_label()
            box.setObjectName("review_comment")
            inner.addWidget(box)
            self.review_buttons = QHBoxLayout()
            inner.addLayout(self.review_buttons)
            layout = getattr(self, "_body_layout", None) or self.layout()
            if isinstance(layout, QVBoxLayout):
                # Under the page's heading when there is one, else at the very top.
                at = 1 if layout is getattr(self, "_body_layout", None) else 0
                layout.insertWidget(at, frame)
            self.review_box, self.review_frame = box, frame
        texts = [text for _id, text in comments]
        box.setText(self.tr("Supervisor's comment: %1").replace("%1", "\n".join(texts)))
        while self.review_buttons.count():
            item = self.review_buttons.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.close_buttons: dict[str, QPushButton] = {}
        for comment_id, text in comments if on_close is not None else []:
            code = text.partition(":")[0] if len(comments) > 1 else ""
            button = QPushButton(
                self.tr("Mark %1 as fixed…").replace("%1", code)
                if code
                else self.tr("Mark as fixed…")
            )
            button.setToolTip(self.tr("Tell the supervisor this comment is dealt with"))
            button.clicked.connect(lambda _checked=False, c=comment_id: on_close(c))
            self.review_buttons.addWidget(button)
            self.close_buttons[comment_id] = button
        self.review_buttons.addStretch(1)
        self.review_frame.setVisible(bool(comments))
        return box

    def keep_typing(self, widget: QLineEdit | QPlainTextEdit, field: str, limit: int) -> None:
        """Keep what is typed in ``widget`` as a draft ``field`` (ui/drafts.py); cap its length."""
        drafts = getattr(self.context, "drafts", None)
        if drafts is not None:
            drafts.watch(widget, field, limit)
        else:
            limit_length(widget, limit)

    def typed_draft(self, field: str) -> str | None:
        """Return the draft of ``field`` not yet saved as an answer, if any."""
        drafts = getattr(self.context, "drafts", None)
        return None if drafts is None else drafts.draft(field)

    def forget_draft(self, field: str) -> None:
        """Drop the draft of ``field`` (what it was typed for no longer applies)."""
        drafts = getattr(self.context, "drafts", None)
        if drafts is not None:
            drafts.forget(field)

    def save(self, job: Callable[[Store], Any]) -> None:
        """Save through the window, unless the page is only being filled from the store."""
        if not self._loading:
            self.context.save(job)

    def choose_level(self, level: int) -> bool:
        """Keyboard 0-3 on this page; return True if the page used the key."""
        return False

    def show_target(self, target: str) -> None:
        """Bring the place of a missing item (``"R2:IN04"``, ``"PR06b"``…) into view and focus.

        Called after the window shows this page for ``target``; pages with several places
        override it. The page itself already has the focus.
        """

    def follow_focus(self, widget: QWidget) -> None:
        """Scroll to the control that just took the focus, with the question it belongs to."""
        whole = widget.parentWidget()
        while whole is not None and whole is not self:
            if isinstance(whole, QGroupBox) or whole.property("question"):
                break
            whole = whole.parentWidget()
        self.scroll_to(widget, whole=whole if whole is not self else None)

    def scroll_to(self, widget: QWidget, *, whole: QWidget | None = None) -> None:
        """Scroll the page so that ``widget`` (and as much of ``whole`` as fits) is in view."""
        area = widget.parentWidget()
        while area is not None and area is not self and not isinstance(area, QScrollArea):
            area = area.parentWidget()
        if not isinstance(area, QScrollArea) or area.widget() is None:
            return
        if not area.widget().isAncestorOf(widget):
            return
        # Only up and down: a sideways scroll would cut off the start of every line.
        across = area.horizontalScrollBar().value()
        if whole is not None and area.widget().isAncestorOf(whole):
            # The question's top first, then the control itself: both stay in view when they fit.
            area.ensureWidgetVisible(whole, 0, 0)
        area.ensureWidgetVisible(widget, 0, 40)
        area.horizontalScrollBar().setValue(across)
