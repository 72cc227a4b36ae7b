"""The assessment window: navigator · the page being answered · the live score."""

from __future__ import annotations

import gc
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain.assessment import AssessmentDocument
from ombud_desktop.errors import OmbudError, ValidationError
from ombud_desktop.instruments.model import (
    DisplayIndicator,
    Instrument,
    RatingIndicator,
    SubItemsIndicator,
    Text,
)
from ombud_desktop.scoring import LocusScore
from ombud_desktop.services.changes import Changes
from ombud_desktop.ui import alerts
from ombud_desktop.ui.drafts import TextDrafts
from ombud_desktop.ui.messages import describe
from ombud_desktop.ui.ops import Store, StoreThread, changes_of
from ombud_desktop.ui.pages.base import Page
from ombud_desktop.ui.widgets.score_panel import ScorePanel

if TYPE_CHECKING:
    from ombud_desktop.ui.dialogs.history import HistoryDialog

PORTABLE = QKeySequence.SequenceFormat.PortableText  # never parsed in the user's language
TEXT_INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox)


class Opened(NamedTuple):
    """What the window needs before it can show: the instrument, the document, its score."""

    instrument: Instrument
    document: AssessmentDocument
    score: LocusScore
    drafts: Mapping[str, str] | None = None  # typed and not saved as answers (ui/drafts.py)


class Saved(NamedTuple):
    """The stored state after a save, and what the save changed."""

    document: AssessmentDocument
    score: LocusScore
    changes: Changes
    settled: tuple[str, ...] = ()  # drafts the save made answers


def read_opened(s: Store, assessment_id: str) -> Opened:
    """Read what the window needs to open (a store job), with the drafts still to show."""
    state = s.assessments.state(assessment_id)
    s.drafts.settle(assessment_id, state.document)
    return Opened(
        s.assessments.instrument_of(assessment_id),
        state.document,
        state.score,
        s.drafts.of(assessment_id),
    )


@dataclass(frozen=True)
class PageEntry:
    """One navigator entry: its key, label and the section it belongs to."""

    key: str
    label: str
    section: str


def page_for_target(target: str, instrument: Instrument) -> str:
    """Return the page key that shows a reason's target ("R2:IN04" → "R2", "PR06a" → "PR06").

    Every target the scoring names maps to a page: a sub-item to its indicator's page, a
    role-interview indicator to the first role, a service-user indicator to the service users,
    a dimension to the page of its first indicator.
    """
    head = target.split(":")[0]
    roles = [r.code for r in instrument.roles.items]
    if head in roles or head in ("service_users", "products"):
        return head
    for _dimension, indicator in instrument.indicators():
        subs = {sub.code for sub in getattr(indicator, "sub_items", ())}
        if head != indicator.code and head not in subs:
            continue
        if indicator.kind == "role_interview" and roles:
            return roles[0]
        if indicator.kind == "service_user":
            return "service_users"
        return indicator.code
    for dimension in instrument.dimensions:
        if dimension.code == head and dimension.indicators:
            return page_for_target(dimension.indicators[0].code, instrument)
    return head


# A summary of other reasons, about no page of its own: it does not keep a page unticked.
_SUMMARY_REASONS = frozenset({"dimension_missing"})


_SECTION_MARK = "section:"  # comment_marks key of a navigator heading, by its first page


class AssessmentView(QWidget):
    """Answer one assessment. Every answer is saved through the store as it is given."""

    back_requested = Signal()
    position_changed = Signal(str, str)  # assessment id, page key
    answer_saved = Signal(str)  # the time of the last save, "14:02:31"
    review_loaded = Signal()  # the supervisor's review was read and is shown

    def __init__(
        self,
        store: StoreThread,
        assessment_id: str,
        language: str,
        opened: Opened,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.assessment_id = assessment_id
        self.language = language
        self.instrument: Instrument = opened.instrument
        self.document, self.score = opened.document, opened.score
        self.refreshes = 0  # how many times the stored state was read again after a change
        # The review comes after the window shows (reading it loads the package code).
        self.review: dict[str, Any] = {}
        # Open comments per page key: (comment id, "IN07: text"); marks per navigator item.
        self.page_comments: dict[str, list[tuple[str, str]]] = {}
        self.comment_marks: dict[str, list[str]] = {}
        self.entries = self._entries()
        self.pages: dict[str, Page] = {}
        self.unseen_shows = 0  # pages shown once unseen in idle time (see _show_unseen)
        # What each navigator item shows (text, tooltip, colour), by id(item); tests count
        # the items changed.
        self._looks: dict[int, tuple[str, str, str]] = {}
        self.navigator_changes = 0
        self.current_key = ""
        self.history_dialog: HistoryDialog | None = None  # the last one opened
        self.drafts = TextDrafts(store, assessment_id, opened.drafts, self)
        self._build()
        self._refresh_all()
        # Build the other pages one per idle moment, so moving to a page never waits for its
        # construction (a role page takes ~70 ms to build, more than a move may take).
        self._unbuilt = [e.key for e in self.entries]
        self._prebuild = QTimer(self)
        self._prebuild.setInterval(0)
        self._prebuild.timeout.connect(self._build_one_page)
        self._prebuild.start()
        store.submit(self._read_review, on_done=self._review_read, on_error=lambda _e: None,
                     write=False)  # fmt: skip
        store.changed.connect(self._changed)
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_moved)

    @classmethod
    def open(
        cls,
        store: StoreThread,
        assessment_id: str,
        language: str,
        on_open: Callable[[AssessmentView], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Read the assessment on the store thread, then build the window and pass it on.

        The read queues behind the writes already submitted, so the window shows all of them.
        """
        store.submit(
            lambda s: read_opened(s, assessment_id),
            on_done=lambda opened: on_open(cls(store, assessment_id, language, opened)),
            on_error=on_error,
        )

    # -- PageContext ---------------------------------------------------------------------------

    def text(self, text: Text | None) -> str:
        """Return an instrument text in the current language."""
        return "" if text is None else text.get(self.language)

    def save(self, job: Callable[[Store], Any]) -> None:
        """Run ``job`` in the store thread, then redraw with the stored state."""
        aid = self.assessment_id

        def run(s: Store) -> Saved:
            changes = changes_of(job(s)) or Changes.of([aid])
            state = s.assessments.state(aid)  # read and scored once
            settled = tuple(s.drafts.settle(aid, state.document))
            return Saved(state.document, state.score, changes, settled)

        self.store.submit(run, on_done=self._saved, on_error=self._failed, initiator=self)

    def keep_typing(self) -> int:
        """Keep what is being typed: write its drafts and save the fields that show one.

        Called before the window closes or is rebuilt for another language; returns how many
        fields were saved.
        """
        pages = getattr(self, "pages", {})
        users = pages.get("service_users")
        if users is not None:
            users.keep_form()
        return 0 if self.locked else self.drafts.commit_all()

    def go_next(self) -> None:
        """Go to the next page in navigator order."""
        self._step(1)

    def add_evidence(self, paths: list[str], indicator: str, product: int | None) -> None:
        """Import files in the background; each refused file gets its own clear message."""
        aid = self.assessment_id
        errors: list[OmbudError] = []

        def run(s: Store) -> Saved:
            changes = Changes()
            for path in paths:
                try:
                    changes |= s.assessments.add_evidence(
                        aid, path, indicator=indicator, product=product
                    ).changes
                except OmbudError as exc:  # reported to the user below, one line per file
                    errors.append(exc)
            state = s.assessments.state(aid)
            return Saved(state.document, state.score, changes)

        def done(result: Saved) -> None:
            self._saved(result)
            if errors:
                alerts.error(self, "\n\n".join("\n".join(describe(e)) for e in errors))

        self.store.submit(run, on_done=done, on_error=self._failed, initiator=self)

    def load_thumbnails(self, refs: list[Any], size: int, on_done: Callable[[Any], None]) -> None:
        """Scale photos to thumbnails in the store thread (QImage is safe off the GUI thread)."""

        def run(s: Store) -> dict[str, QImage]:
            images = {}
            for ref in refs:
                path = s.evidence_path(ref.sha256)
                image = QImage(str(path))
                if not image.isNull():
                    images[ref.sha256] = image.scaled(
                        size,
                        size,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
            return images

        self.store.submit(run, on_done=on_done, write=False)

    # -- building ------------------------------------------------------------------------------

    def _read_review(self, s: Store) -> dict[str, Any]:
        return s.review.of(self.assessment_id)

    def _review_read(self, review: dict[str, Any]) -> None:
        """Show the supervisor's decision and comments (banner, pages, navigator marks)."""
        if not shiboken6.isValid(self):
            return
        from ombud_desktop.ui.review import (
            APPROVED_STYLE,
            RETURNED_STYLE,
            general_comment,
            review_banner_text,
        )

        self.review = review
        self.page_comments, self.comment_marks = self._page_comments()
        self.review_banner.setText(review_banner_text(review))
        approved = review.get("status") == "approved"
        self.review_banner.setStyleSheet(APPROVED_STYLE if approved else RETURNED_STYLE)
        self.review_banner.setVisible(bool(self.review_banner.text()))
        general = general_comment(review)
        self.general_fixed_button.setProperty("comment_id", general["id"] if general else None)
        self.general_fixed_button.setVisible(
            general is not None and general.get("state") == "open"
        )
        for key, page in self.pages.items():
            if key in self.page_comments or getattr(page, "review_box", None) is not None:
                page.show_review_comments(
                    self.page_comments.get(key, []), RETURNED_STYLE, self.close_comment
                )
        self._mark_navigator()
        self.review_loaded.emit()

    def _page_comments(self) -> tuple[dict[str, list[tuple[str, str]]], dict[str, list[str]]]:
        """Return the open comments per page key, and the comment marks per navigator item.

        A role-interview indicator is asked on every role page, so its comment shows on each
        of them; it is marked once, on the role interviews' heading, not on every role.
        """
        from ombud_desktop.ui.review import indicator_comments

        roles = [r.code for r in self.instrument.roles.items]
        pages: dict[str, list[tuple[str, str]]] = {}
        marks: dict[str, list[str]] = {}
        for code, found_comments in indicator_comments(self.review).items():
            found = self.instrument.find(code)
            texts = [f"{code}: {text}" for _id, text in found_comments]
            if getattr(found, "kind", None) == "role_interview" and roles:
                keys = roles
                marks.setdefault(_SECTION_MARK + roles[0], []).extend(texts)
            else:
                keys = [page_for_target(code, self.instrument)]
                marks.setdefault(keys[0], []).extend(texts)
            for key in keys:
                pages.setdefault(key, []).extend(
                    (comment_id, f"{code}: {text}") for comment_id, text in found_comments
                )
        return pages, marks

    def close_comment(self, comment_id: str) -> None:
        """Mark a comment of the supervisor as fixed, with an optional short answer."""
        note = alerts.ask_text(
            self,
            self.tr("Mark as fixed"),
            self.tr("What did you fix? (optional; the supervisor reads it)"),
            required=False,
        )
        if note is None:
            return
        # Not this window's own save: the review is read again when the store says it changed.
        self.store.submit(
            lambda s: s.review.close_comment(comment_id, note or None), on_error=self._failed
        )

    def _close_general_comment(self) -> None:
        comment_id = self.general_fixed_button.property("comment_id")
        if comment_id:
            self.close_comment(str(comment_id))

    def _entries(self) -> list[PageEntry]:
        ins = self.instrument
        by_code = {i.code: (d, i) for d, i in ins.indicators()}
        process = self.tr("Process (display)")
        roles = self.tr("Input: role interviews")
        facilities = self.tr("Input: facilities")
        output = self.tr("Output: service users")
        if not any(d.code == "OUT" for d in ins.dimensions):
            # The 2025 model: Output is secondary data (no page); the survey counts in Proses.
            output = self.tr("Process: service users")
        complaints = self.tr("Complaint handling")
        entries = [PageEntry("products", self.tr("Products observed"), process)]
        for dimension, indicator in ins.indicators():
            if dimension.code == "PR" and indicator.kind != "service_user":
                entries.append(PageEntry(indicator.code, self._short(indicator), process))
        for role in ins.roles.items:
            entries.append(PageEntry(role.code, f"{role.code} {self.text(role.title)}", roles))
        for dimension, indicator in ins.indicators():
            if dimension.code == "IN" and isinstance(indicator, RatingIndicator):
                entries.append(PageEntry(indicator.code, self._short(indicator), facilities))
        entries.append(PageEntry("service_users", self.tr("Service users"), output))
        for dimension, indicator in ins.indicators():
            if dimension.code == "PG":
                entries.append(PageEntry(indicator.code, self._short(indicator), complaints))
        known = {e.key for e in entries}
        # Anything an instrument adds that the sections above do not place still gets a page.
        for code, (_dimension, indicator) in by_code.items():
            if code not in known and indicator.kind in ("rating", "sub_items", "display"):
                entries.append(PageEntry(code, self._short(indicator), self.tr("Other")))
        return entries

    def _short(self, indicator: Any) -> str:
        return f"{indicator.code} {self.text(indicator.title)}"

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        style = self.style()
        self.back_button = QPushButton(self.tr("← Assessments"))
        self.back_button.clicked.connect(self.back_requested)
        top.addWidget(self.back_button)
        entity = self.document.entity.get("name", "")
        locus = self.document.locus.get("name", "")
        self.title = QLabel(
            f"<b>{entity} › {locus}</b> · {self.instrument.id} · {self.document.period}"
        )
        if self.document.instrument_reason:
            # Confirmed with a reason when it was made (services/entities.py): say so here.
            self.title.setText(
                self.title.text()
                + " · "
                + self.tr("instrument not meant for {period}").format(period=self.document.period)
            )
            self.title.setToolTip(
                self.tr("Why this instrument: {reason}").format(
                    reason=self.document.instrument_reason
                )
            )
        top.addWidget(self.title, 1)
        self.status_label = QLabel()
        top.addWidget(self.status_label)
        self.history_button = QPushButton(self.tr("History…"))
        self.history_button.setToolTip(
            self.tr("Every change of this page's answers, with author and time (Ctrl+Shift+H)")
        )
        self.history_button.clicked.connect(self.show_history)
        top.addWidget(self.history_button)
        self.finish_button = QPushButton()
        self.finish_button.setIcon(style.standardIcon(style.StandardPixmap.SP_DialogApplyButton))
        self.finish_button.clicked.connect(self._finish_or_reopen)
        self.finish_button.setToolTip(self.tr("Finish, or see what is missing (Ctrl+Shift+F)"))
        top.addWidget(self.finish_button)
        layout.addLayout(top)
        self._build_review_banner(layout)
        splitter = QSplitter()
        self.navigator = QTreeWidget()
        self.navigator.setHeaderHidden(True)
        self.navigator.setMinimumWidth(200)
        self.items: dict[str, QTreeWidgetItem] = {}
        sections: dict[str, QTreeWidgetItem] = {}
        self.sections: dict[str, QTreeWidgetItem] = {}  # by the key of its first page
        for entry in self.entries:
            if entry.section not in sections:
                section = QTreeWidgetItem([entry.section])
                section.setData(0, Qt.ItemDataRole.UserRole + 1, entry.section)
                section.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.navigator.addTopLevelItem(section)
                sections[entry.section] = section
                self.sections[entry.key] = section
            item = QTreeWidgetItem([entry.label])
            item.setData(0, Qt.ItemDataRole.UserRole, entry.key)
            item.setToolTip(0, entry.label)
            sections[entry.section].addChild(item)
            self.items[entry.key] = item
        self.navigator.expandAll()
        self.navigator.currentItemChanged.connect(self._navigated)
        splitter.addWidget(self.navigator)
        self.stack = QStackedWidget()
        splitter.addWidget(self.stack)
        self.panel = ScorePanel(self.instrument, self.language)
        self.panel.target_requested.connect(self.show_target)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([240, 760, 260])
        layout.addWidget(splitter, 1)
        nav = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"))
        self.previous_button.setToolTip(self.tr("PageUp or Alt+Left"))
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.next_button = QPushButton(self.tr("Next ▶"))
        self.next_button.setToolTip(self.tr("PageDown, Enter or Alt+Right"))
        self.next_button.clicked.connect(lambda: self._step(1))
        nav.addStretch(1)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.next_button)
        layout.addLayout(nav)
        for keys, step in (("PgDown", 1), ("Alt+Right", 1), ("PgUp", -1), ("Alt+Left", -1)):
            shortcut = QShortcut(QKeySequence(keys, PORTABLE), self)
            shortcut.activated.connect(lambda step=step: self._step(step))
        new_user = QShortcut(QKeySequence("Ctrl+U", PORTABLE), self)
        new_user.activated.connect(self.new_service_user)
        # Ctrl+H is the main window's "Assessments".
        history = QShortcut(QKeySequence("Ctrl+Shift+H", PORTABLE), self)
        history.activated.connect(self.show_history)
        # Finish (or the Finish list) from wherever the focus is: the button is many Tabs away.
        finish = QShortcut(QKeySequence("Ctrl+Shift+F", PORTABLE), self)
        finish.activated.connect(self._finish_or_reopen)

    def _build_review_banner(self, layout: QVBoxLayout) -> None:
        row = QHBoxLayout()
        self.review_banner = QLabel()
        self.review_banner.setWordWrap(True)
        self.review_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.review_banner.hide()
        row.addWidget(self.review_banner, 1)
        self.general_fixed_button = QPushButton(self.tr("Mark as fixed…"))
        self.general_fixed_button.setToolTip(
            self.tr("Tell the supervisor the general comment is dealt with")
        )
        self.general_fixed_button.clicked.connect(self._close_general_comment)
        self.general_fixed_button.hide()
        row.addWidget(self.general_fixed_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)

    def _build_one_page(self) -> None:
        while self._unbuilt:
            key = self._unbuilt.pop(0)
            if key not in self.pages:
                page = self._make_page(key)
                self.pages[key] = page
                self.stack.addWidget(page)
                # Lay it out now, while the assessor reads: the first show is then cheap.
                page.load(self.document, self.score, self.locked)
                page.resize(self.stack.size())
                page.ensurePolished()
                if page.layout() is not None:
                    page.layout().activate()
                self._show_unseen(page)
                return
        self._prebuild.stop()
        # The pages live as long as the window: keep the cyclic collector from rescanning their
        # many wrapper objects on every collection (that caused 20-70 ms pauses after answers).
        gc.collect()
        gc.freeze()

    def _show_unseen(self, page: Page) -> None:
        """Show ``page`` once with painting off, then hide it: its first visit then only shows.

        A hidden widget's resize events and layout requests wait for its first show, and with
        them the layout of every wrapped label at the page's width: a role page's first visit
        cost 2-3x a revisit. Shown here, they are handled in idle time; rendering it once into
        a pixmap fills the glyph and text caches. The focus stays where it is (showing a child
        never takes it).
        """
        self.stack.setUpdatesEnabled(False)
        try:
            page.show()
            for _ in range(3):  # a layout pass may ask for another (the scroll area's body)
                QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            page.hide()
        finally:
            self.stack.setUpdatesEnabled(True)
        page.render(QPixmap(page.size()))
        # The move gives the focus to the page's proxy, and follow_focus walks up from it: the
        # walk wraps Qt's own widgets (a table's viewport) in Python for the first time, which
        # makes PySide6 create their enum types (9 ms on the service users page). Walk it now.
        widget = page.focusProxy()
        while widget is not None and widget is not page:
            widget = widget.parentWidget()
        self.unseen_shows += 1

    def _make_page(self, key: str) -> Page:
        from ombud_desktop.ui.pages.display import DisplayPage
        from ombud_desktop.ui.pages.products import ProductsPage
        from ombud_desktop.ui.pages.rating import RatingPage
        from ombud_desktop.ui.pages.role import RolePage
        from ombud_desktop.ui.pages.service_users import ServiceUsersPage

        page: Page
        if key == "products":
            page = ProductsPage(self)
        elif key == "service_users":
            page = ServiceUsersPage(self)
        elif key in {r.code for r in self.instrument.roles.items}:
            page = RolePage(self, key)
        else:
            indicator = self.instrument.indicator(key)
            if isinstance(indicator, DisplayIndicator):
                page = DisplayPage(self, key)
            elif isinstance(indicator, RatingIndicator | SubItemsIndicator):
                page = RatingPage(self, indicator)
            else:
                raise KeyError(key)
        if key in self.page_comments:
            from ombud_desktop.ui.review import RETURNED_STYLE

            page.show_review_comments(self.page_comments[key], RETURNED_STYLE, self.close_comment)
        return page

    # -- navigation ----------------------------------------------------------------------------

    def show_page(self, key: str) -> None:
        """Show the page ``key`` (creating it on first use) with the stored answers."""
        if key not in self.items:
            return
        page = self.pages.get(key)
        if page is None:
            page = self._make_page(key)
            self.pages[key] = page
            self.stack.addWidget(page)
        if not page.shows(self.document, self.score, self.locked):
            page.load(self.document, self.score, self.locked)
        self.stack.setCurrentWidget(page)
        self.current_key = key
        if self.navigator.currentItem() is not self.items[key]:
            self.navigator.setCurrentItem(self.items[key])
        page.setFocus()
        self.position_changed.emit(self.assessment_id, key)

    def new_service_user(self) -> None:
        """Go to the service users and start a new respondent (Ctrl+U)."""
        self.show_page("service_users")
        self.pages["service_users"].new_respondent()

    def show_history(self) -> HistoryDialog | None:
        """Show the history of the answers on the current page (read on the store thread)."""
        from ombud_desktop.ui.dialogs.history import HistoryDialog

        key = self.current_key
        if not key:
            return None
        indicator = self.instrument.find(key)
        codes = [key, *(sub.code for sub in getattr(indicator, "sub_items", ()))]
        entry = next((e for e in self.entries if e.key == key), None)
        title = entry.label if entry else key
        self.history_dialog = HistoryDialog.open_for(
            self, self.store, self.assessment_id, codes, title
        )
        return self.history_dialog

    def show_target(self, target: str) -> None:
        """Show the page where a missing item or deficiency can be answered, at its place."""
        self.show_page(page_for_target(target, self.instrument))
        page = self.pages.get(self.current_key)
        if page is not None and self.current_key == page_for_target(target, self.instrument):
            page.show_target(target)

    def _navigated(self, item: QTreeWidgetItem | None, _previous: Any) -> None:
        key = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        if key and key != self.current_key:
            self.show_page(key)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the control being answered in view, however the focus got there."""
        if new is None or not shiboken6.isValid(self):
            return
        page = self.pages.get(self.current_key)
        if page is not None and page.isAncestorOf(new):
            page.follow_focus(new)

    def _step(self, step: int) -> None:
        keys = [e.key for e in self.entries]
        index = keys.index(self.current_key) if self.current_key in keys else -1
        self.show_page(keys[max(0, min(len(keys) - 1, index + step))])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        focus = self.focusWidget()
        typing = isinstance(focus, TEXT_INPUTS)
        text = event.text()
        page = self.pages.get(self.current_key)
        if (
            not typing
            and text in ("0", "1", "2", "3")
            and page is not None
            and page.choose_level(int(text))
        ):
            return
        if not typing and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._step(1)
            return
        super().keyPressEvent(event)

    # -- after saving --------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        """Return True when the assessment is complete (or signed) and so read-only."""
        return self.document.status != "draft"

    def _saved(self, result: Saved) -> None:
        if not shiboken6.isValid(self):
            return
        self.document, self.score = result.document, result.score
        for field in result.settled:
            if field not in self.drafts.pending:
                self.drafts.stored.pop(field, None)
        self._refresh_all()
        stamp = datetime.now().strftime("%H:%M:%S")
        self.answer_saved.emit(stamp)

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        alerts.error(self, error)
        # Show what is really stored: the widget may display an answer that was refused.
        self.reload()

    def _changed(self, changes: Changes, initiator: object) -> None:
        """Read the stored state again when someone else changed this assessment."""
        if initiator is self or not shiboken6.isValid(self):
            return
        if changes.touches(self.assessment_id):
            self.reload()
        if changes.reviews or changes.touches(self.assessment_id):
            self.store.submit(self._read_review, on_done=self._review_read,
                              on_error=lambda _e: None, write=False)  # fmt: skip

    def reload(self) -> None:
        """Read the stored document and score again (queued behind the writes) and show them."""
        aid = self.assessment_id

        def shown(state: Any) -> None:
            if shiboken6.isValid(self):
                self.refreshes += 1
                self.document, self.score = state.document, state.score
                self._refresh_all()

        self.store.submit(lambda s: s.assessments.state(aid), on_done=shown,
                          on_error=lambda _e: None)  # fmt: skip

    def _refresh_all(self) -> None:
        self.panel.show_score(self.score)
        self._mark_navigator()
        page = self.pages.get(self.current_key)
        if page is not None:
            page.load(self.document, self.score, self.locked)
        if self.locked:
            self.finish_button.setText(self.tr("Reopen…"))
            self.status_label.setText(self.tr("Complete: locked"))
        else:
            self.finish_button.setText(self.tr("Finish"))
            self.status_label.setText(self.tr("Draft"))

    def _mark_navigator(self) -> None:
        open_keys = {
            page_for_target(r.target, self.instrument)
            for r in self.score.reasons
            if r.code not in _SUMMARY_REASONS
        }
        by_key = {e.key: e for e in self.entries}
        for key, item in self.items.items():
            entry = by_key[key]
            mark = "○" if key in open_keys else "✓"
            if key in self.comment_marks:
                look = (f"{mark} ✎ {entry.label}", self._comment_tip(key), "#8A5A00")
            else:
                look = (f"{mark} {entry.label}", entry.label, "")
            self._set_look(item, look)
        # A role-interview indicator's comment: one mark on the role interviews' heading.
        for key, section in self.sections.items():
            name = section.data(0, Qt.ItemDataRole.UserRole + 1)
            if _SECTION_MARK + key in self.comment_marks:
                # Name the indicators commented on: the mark is theirs, not every role's.
                texts = self.comment_marks[_SECTION_MARK + key]
                codes = sorted({text.partition(":")[0] for text in texts})
                look = (
                    f"✎ {name} ({', '.join(codes)})",
                    self._comment_tip(_SECTION_MARK + key),
                    "#8A5A00",
                )
            else:
                look = (name, "", "")
            self._set_look(section, look)

    def _set_look(self, item: QTreeWidgetItem, look: tuple[str, str, str]) -> None:
        """Give a navigator item its text, tooltip and colour, touching it only if they differ.

        Each change repaints the navigator; after an answer most items stay as they were.
        """
        if self._looks.get(id(item)) == look:
            return
        self._looks[id(item)] = look
        self.navigator_changes += 1
        text, tip, colour = look
        item.setText(0, text)
        item.setToolTip(0, tip)
        item.setForeground(0, QBrush(QColor(colour)) if colour else QBrush())

    def _comment_tip(self, key: str) -> str:
        return self.tr("Supervisor's comment: %1").replace(
            "%1", "\n".join(self.comment_marks[key])
        )

    def _finish_or_reopen(self) -> None:
        aid = self.assessment_id
        if self.locked:
            reason = alerts.ask_text(
                self, self.tr("Reopen"), self.tr("Why must this assessment be changed?")
            )
            if reason:
                self.save(lambda s: s.assessments.reopen(aid, reason))
            return

        def missing(error: BaseException) -> None:
            if isinstance(error, ValidationError) and error.code == "incomplete":
                from ombud_desktop.ui.dialogs.missing import MissingDialog

                target = MissingDialog.ask(self, self.score, self.panel)
                if target:
                    self.show_target(target)
            else:
                self._failed(error)

        def run(s: Store) -> Saved:
            changes = s.assessments.finish(aid).changes
            state = s.assessments.state(aid)
            return Saved(state.document, state.score, changes)

        self.store.submit(run, on_done=self._saved, on_error=missing, initiator=self)
