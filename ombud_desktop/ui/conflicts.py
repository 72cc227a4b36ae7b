"""The conflicts window (supervisor): concurrent edits of one answer, side by side, resolved.

A second tab lists duplicates (a locus assessed twice in one period), decided there
(ui/duplicates.py).

The list shows every open conflict; the selected one shows one column per version (value in
words, author, device, time) with "Keep this" under each, and "Another value…". Resolving runs
``resolve_conflict`` on the store thread: the choice is a new change record with the supervisor
as author, which travels in the next package like any other.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QCloseEvent, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop import settings as setting
from ombud_desktop.domain.ids import short_id
from ombud_desktop.settings import Settings
from ombud_desktop.ui import alerts
from ombud_desktop.ui.duplicates import DuplicatesPanel
from ombud_desktop.ui.models.assessments import local_time
from ombud_desktop.ui.models.conflicts import (
    ConflictColumn,
    ConflictListModel,
    cell_words,
    is_personal,
    load_conflicts,
    value_choices,
    value_words,
)
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.settings import restore_geometry, save_geometry
from ombud_desktop.ui.widgets.tables import row_table


class VersionsView(QWidget):
    """One conflict: a column per version with "Keep this", then "Another value…"."""

    keep_requested = Signal(str)  # the change id of the version to keep
    other_requested = Signal()
    personal_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.conflict: dict[str, Any] | None = None
        self.revealed: dict[str, Any] = {}
        self.keep_buttons: list[QPushButton] = []
        self.value_labels: list[QLabel] = []
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        layout.addWidget(self.title)
        self.columns = QHBoxLayout()
        columns = QWidget()
        columns.setLayout(self.columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(columns)
        layout.addWidget(scroll, 1)
        self.evidence_title = QLabel(self.tr("Evidence for this indicator"))
        self.evidence_title.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.evidence_title)
        self.evidence_row = QHBoxLayout()
        layout.addLayout(self.evidence_row)
        bottom = QHBoxLayout()
        self.personal_button = QPushButton(self.tr("Show &personal data"))
        self.personal_button.setToolTip(
            self.tr("The versions hold a respondent's name, NIP or phone number")
        )
        self.personal_button.clicked.connect(lambda: self.personal_requested.emit())
        bottom.addWidget(self.personal_button)
        bottom.addStretch(1)
        self.other_button = QPushButton(self.tr("&Another value…"))
        self.other_button.setToolTip(self.tr("Keep neither version: give the right value"))
        self.other_button.clicked.connect(lambda: self.other_requested.emit())
        bottom.addWidget(self.other_button)
        layout.addLayout(bottom)
        self.show_conflict(None)

    def show_conflict(
        self, conflict: dict[str, Any] | None, revealed: dict[str, Any] | None = None
    ):
        """Show ``conflict``'s versions (None: nothing selected)."""
        self.conflict = conflict
        self.revealed = revealed or {}
        _clear(self.columns)
        _clear(self.evidence_row)
        self.keep_buttons = []
        self.value_labels = []
        self.version_boxes: list[QGroupBox] = []
        self.other_button.setEnabled(conflict is not None)
        if conflict is None:
            self.title.setText(self.tr("Choose a conflict in the list."))
            self.personal_button.hide()
            self.evidence_title.hide()
            return
        self.title.setText(
            f"{conflict.get('entity') or '–'} › {conflict.get('locus') or '–'} · "
            f"{cell_words(conflict, self.language)}"
        )
        personal = is_personal(conflict)
        self.personal_button.setVisible(personal and not self.revealed)
        for version in conflict["versions"]:
            box = self._version_box(conflict, version, personal)
            self.version_boxes.append(box)
            self.columns.addWidget(box)
        self.columns.addStretch(1)
        self.evidence_title.setVisible(bool(conflict.get("thumbnails")))
        for filename, image in conflict.get("thumbnails", []):
            label = QLabel()
            label.setToolTip(filename)
            if image is not None and not image.isNull():
                label.setPixmap(QPixmap.fromImage(image))
            else:
                label.setText(filename)
            label.setFrameShape(QFrame.Shape.StyledPanel)
            self.evidence_row.addWidget(label)
        self.evidence_row.addStretch(1)

    def _version_box(self, conflict: dict[str, Any], version: dict[str, Any], personal: bool):
        box = QGroupBox(version["author"] or "–")
        box.setMinimumWidth(300)
        box.setMaximumWidth(480)
        inner = QVBoxLayout(box)
        if personal and version["change_id"] not in self.revealed:
            text = self.tr("(personal data)")
        else:
            value = self.revealed.get(version["change_id"], version["value"])
            text = value_words(conflict, value, self.language)
        value_label = QLabel(text)
        value_label.setWordWrap(True)
        value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        value_label.setStyleSheet("font-size: 11pt; padding: 4px 0;")
        self.value_labels.append(value_label)
        inner.addWidget(value_label)
        details = QLabel(
            self.tr("Device %1\n%2")
            .replace("%1", device_words(version["device_id"]))
            .replace("%2", local_time(version["at"]))
        )
        details.setStyleSheet("color: palette(placeholder-text);")
        inner.addWidget(details)
        inner.addStretch(1)
        keep = QPushButton(self.tr("Keep this"))
        keep.setToolTip(self.tr("Keep %1's version").replace("%1", version["author"] or "–"))
        change_id = version["change_id"]
        keep.clicked.connect(lambda _checked=False, c=change_id: self.keep_requested.emit(c))
        inner.addWidget(keep)
        self.keep_buttons.append(keep)
        return box


def device_words(device_id: str | None) -> str:
    """Return a device id short enough to read, long enough to tell two laptops apart.

    Device ids begin with their creation time, so two laptops set up the same day share the
    first digits: the last ones are shown too.
    """
    if not device_id:
        return "–"
    return short_id(device_id)


def _clear(layout: QHBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # deleted later: hidden now, or it shows under the new ones
            item.widget().deleteLater()


class ConflictsWindow(QWidget):
    """List the open conflicts; show the selected one's versions side by side; resolve it."""

    resolved = Signal()  # a conflict was resolved (the assessments list may change)
    loaded = Signal()  # the list arrived from the store (after every refresh)

    def __init__(
        self,
        store: StoreThread,
        language: str,
        settings: Settings | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        store.changed.connect(self._changed)
        self.language = language
        self.settings = settings
        self.setWindowTitle(self.tr("Conflicts · Ombud Desktop"))
        self.model = ConflictListModel(language=language, parent=self)
        self.table = row_table(self.model, alternating=False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ConflictColumn.CELL, header.ResizeMode.Stretch)
        char = self.fontMetrics().averageCharWidth()
        header.resizeSection(ConflictColumn.PLACE, 44 * char)
        header.resizeSection(ConflictColumn.VERSIONS, 11 * char)
        self.versions = VersionsView(language)
        self.versions.keep_requested.connect(self.keep)
        self.versions.other_requested.connect(self.other_value)
        self.versions.personal_requested.connect(self.reveal_personal)
        self.count_label = QLabel()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.versions)
        splitter.setSizes([260, 440])
        conflicts_page = QWidget()
        page_layout = QVBoxLayout(conflicts_page)
        page_layout.addWidget(splitter, 1)
        page_layout.addWidget(self.count_label)
        # Duplicates (a locus assessed twice in one period) are decided here too.
        self.duplicates = DuplicatesPanel(store)
        self.duplicates.loaded.connect(self._duplicates_loaded)
        self.tabs = QTabWidget()
        self.tabs.addTab(conflicts_page, self.tr("Conflicting edits"))
        self.tabs.addTab(self.duplicates, self.tr("Duplicates"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self._generation = 0
        self._keep_cell: tuple[str, tuple[str, str, str]] | None = None
        if not restore_geometry(self, settings, setting.CONFLICTS_WINDOW_GEOMETRY):
            self.resize(1100, 700)
        self.refresh()

    # -- loading -------------------------------------------------------------------------------

    def _changed(self, changes: Any, _initiator: object) -> None:
        if shiboken6.isValid(self) and (changes.conflicts or changes.any_assessment):
            self.refresh()

    def refresh(self) -> None:
        """Read the open conflicts again in the background, keeping the selected one."""
        self._generation += 1
        generation = self._generation
        current = self.current()
        if current is not None and self._keep_cell is None:
            self._keep_cell = _key(current)
        self.store.submit(
            load_conflicts,
            on_done=lambda found: self._loaded(generation, found),
            on_error=lambda exc: self._failed(exc),
            write=False,
        )

    def _loaded(self, generation: int, found: list[dict[str, Any]]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        wanted, self._keep_cell = self._keep_cell, None
        self.model.set_conflicts(found)
        self.count_label.setText(self.tr("%n open conflict(s)", "", len(found)))
        row = next((n for n, c in enumerate(found) if _key(c) == wanted), 0)
        if found:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(min(row, len(found) - 1), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._show_current()
        self.loaded.emit()

    def _duplicates_loaded(self, undecided: int) -> None:
        if shiboken6.isValid(self):
            self.tabs.setTabText(1, self.tr("Duplicates (%n not decided)", "", undecided))

    def _failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            alerts.error(self, exc)

    def current(self) -> dict[str, Any] | None:
        """Return the selected conflict, or None."""
        index = self.table.selectionModel().currentIndex() if self.model.rowCount() else None
        if index is None or not index.isValid():
            return None
        return self.model.conflict(index.row())

    def _show_current(self) -> None:
        self.versions.show_conflict(self.current())

    # -- resolving -----------------------------------------------------------------------------

    def keep(self, change_id: str) -> None:
        """Resolve the selected conflict by keeping one version."""
        conflict = self.current()
        if conflict is not None:
            self._resolve(conflict, pick=change_id)

    def other_value(self) -> None:
        """Resolve the selected conflict with a value the supervisor gives."""
        conflict = self.current()
        if conflict is None:
            return
        title = self.tr("Another value")
        label = cell_words(conflict, self.language)
        choices = value_choices(conflict, self.language)
        if choices is None:
            text = alerts.ask_text(self, title, label)
            if text is None:
                return
            self._resolve(conflict, value=text)
            return
        words = [w for _value, w in choices]
        chosen, ok = QInputDialog.getItem(self, title, label, words, 0, False)
        if ok and chosen in words:
            self._resolve(conflict, value=choices[words.index(chosen)][0])

    def _resolve(self, conflict: dict[str, Any], *, pick: str | None = None, value: Any = None):
        aid = conflict["assessment_id"]
        cell = conflict["cell"]
        key = (cell["target"], cell["row_id"], cell["field"])

        def run(s: Any) -> Any:
            return s.conflicts.resolve(aid, key, pick=pick, value=value, use_value=pick is None)

        def done(_written: object) -> None:
            if shiboken6.isValid(self):
                self.resolved.emit()

        self.store.submit(run, on_done=done, on_error=self._failed)

    def reveal_personal(self) -> None:
        """Show the personal values of the selected conflict (the supervisor asked to)."""
        conflict = self.current()
        if conflict is None:
            return
        ids = [v["change_id"] for v in conflict["versions"]]

        def shown(values: dict[str, Any]) -> None:
            if shiboken6.isValid(self) and self.current() is conflict:
                self.versions.show_conflict(conflict, values)

        self.store.submit(
            lambda s: s.conflicts.version_values(ids),
            on_done=shown,
            on_error=self._failed,
            write=False,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, self.settings, setting.CONFLICTS_WINDOW_GEOMETRY)
        super().closeEvent(event)


def _key(conflict: dict[str, Any]) -> tuple[str, tuple[str, str, str]]:
    cell = conflict["cell"]
    return conflict["assessment_id"], (cell["target"], cell["row_id"], cell["field"])
