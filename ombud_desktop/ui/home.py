"""The home screen: the assessments of the workspace, filtered, sorted, opened, trashed.

Rows are read and scored on the store thread (``Services.lists.home``); this view only
asks for them, shows them and turns the user's choices into signals or service calls. It opens
on the newest period and reads another (or all) when chosen, so that a workspace keeping every
year opens as fast as one holding a single year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence, QPainter, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.ui import alerts
from ombud_desktop.ui.models.assessments import (
    ID_ROLE,
    PROGRESS_ROLE,
    SORT_ROLE,
    AssessmentTableModel,
    Column,
    status_text,
)
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.widgets.tables import row_table

if TYPE_CHECKING:  # not at run time: the app's start does not import the scoring for it
    from ombud_desktop.services.lists import HomeList

Index = QModelIndex | QPersistentModelIndex

STATUSES = ("draft", "complete", "signed")


class AssessmentFilter(QSortFilterProxyModel):
    """Show the rows of one period and status matching every search word, in or out of trash."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._words: list[str] = []
        self._period: str | None = None
        self._status: str | None = None
        self._trash = False
        self.setSortRole(SORT_ROLE)

    @property
    def trash(self) -> bool:
        """Return True when the deleted assessments are shown (and only they)."""
        return self._trash

    def set_search(self, text: str) -> None:
        """Keep rows whose entity, locus or province contain every word of ``text``."""
        self._change(words=text.casefold().split())

    def set_period(self, period: str | None) -> None:
        """Keep rows of one period (None: every period)."""
        self._change(period=period)

    def set_status(self, status: str | None) -> None:
        """Keep rows with one status (None: every status)."""
        self._change(status=status)

    def set_trash(self, trash: bool) -> None:
        """Show the deleted assessments instead of the others."""
        self._change(trash=trash)

    def _change(self, **values: Any) -> None:
        if all(getattr(self, f"_{name}") == value for name, value in values.items()):
            return  # filtering 4,200 rows again (a Python call each) would change nothing
        self.beginFilterChange()
        for name, value in values.items():
            setattr(self, f"_{name}", value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Return True when the source row passes every filter."""
        model = self.sourceModel()
        if not isinstance(model, AssessmentTableModel):
            return True
        item = model.rows()[source_row]  # called for every row: no more calls than needed
        if item["deleted"] != self._trash:
            return False
        if self._period is not None and item["period"] != self._period:
            return False
        if self._status is not None and item["status"] != self._status:
            return False
        if not self._words:
            return True
        haystack = f"{item['entity']}\n{item['locus']}\n{item['province']}".casefold()
        return all(word in haystack for word in self._words)


class ProgressDelegate(QStyledItemDelegate):
    """Draw the progress column as a bar with its "86 %" text."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint the cell background, then a progress bar inside it."""
        value = index.data(PROGRESS_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        widget = option.widget  # type: ignore[attr-defined]
        style = widget.style() if widget else QApplication.style()
        background = QStyleOptionViewItem(option)
        self.initStyleOption(background, index)
        background.text = ""  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 3, -3, -3)  # type: ignore[attr-defined]
        bar.minimum = 0
        bar.maximum = 100
        bar.progress = round(100 * float(value))
        bar.text = index.data(Qt.ItemDataRole.DisplayRole)
        bar.textVisible = True
        bar.state = option.state  # type: ignore[attr-defined]
        bar.palette = option.palette  # type: ignore[attr-defined]
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, widget)


class HomeView(QWidget):
    """List the workspace's assessments; open, copy as template, trash and restore them."""

    open_requested = Signal(str)
    template_requested = Signal(str)
    new_requested = Signal()
    loaded = Signal()  # rows arrived from the store (after every refresh)

    def __init__(self, store: StoreThread, parent: QWidget | None = None, *, language: str = "id"):
        super().__init__(parent)
        self.store = store
        self.refreshes = 0  # how many times the rows were asked for
        self._stale = False  # something shown changed while the list was hidden
        store.changed.connect(self._changed)
        self.model = AssessmentTableModel(language=language, parent=self)
        self.proxy = AssessmentFilter(self)
        self.proxy.setSourceModel(self.model)
        self._by_id: dict[str, dict[str, Any]] = {}
        # The period chosen (None: none yet, so the newest, which a new year's first
        # assessment moves on; or all when ``_every_period``).
        self._period: str | None = None
        self._every_period = False  # "All periods" chosen
        self._generation = 0
        self._loading = False
        self._loaded_once = False
        self._failed = False
        self._extra_actions: list[QAction] = []
        self._build_actions()
        self._build()
        self._connect()
        self._update_state()

    # -- building ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.open_action = QAction(self.tr("&Open"), self)
        self.open_action.setToolTip(self.tr("Open the assessment (Enter or double-click)"))
        self.template_action = QAction(self.tr("Use as &template"), self)
        self.template_action.setToolTip(
            self.tr("Start a new assessment with the same entity, locus, team and products")
        )
        self.delete_action = QAction(self.tr("&Delete"), self)
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.setToolTip(self.tr("Move the assessment to the trash (Del)"))
        self.restore_action = QAction(self.tr("&Restore"), self)
        self.restore_action.setToolTip(self.tr("Bring the assessment back from the trash"))

    def _build(self) -> None:
        self.new_button = QPushButton(self.tr("+ &New assessment"))
        self.new_button.setToolTip(self.tr("Start a new assessment (Ctrl+N)"))
        self.period_combo = QComboBox()
        self.period_combo.addItem(self.tr("All periods"), None)
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_combo.addItem(status_text(status), status)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search entity, locus or province"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setToolTip(self.tr("Search (Ctrl+F)"))
        self.trash_button = QToolButton()
        self.trash_button.setText(self.tr("Tr&ash"))
        self.trash_button.setCheckable(True)
        self.trash_button.setToolTip(self.tr("Show the deleted assessments instead"))

        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period_combo)
        status_label = QLabel(self.tr("S&tatus:"))
        status_label.setBuddy(self.status_combo)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.new_button)
        self.toolbar = toolbar
        toolbar.addStretch(1)
        toolbar.addWidget(period_label)
        toolbar.addWidget(self.period_combo)
        toolbar.addWidget(status_label)
        toolbar.addWidget(self.status_combo)
        toolbar.addWidget(self.search_edit, 1)
        toolbar.addWidget(self.trash_button)

        # Several rows can be chosen (to export them together); Open acts on the current one.
        self.table = row_table(self.proxy, several=True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.setItemDelegateForColumn(Column.PROGRESS, ProgressDelegate(self.table))
        self.table.addAction(self.delete_action)
        header = self.table.horizontalHeader()
        # The locus name takes the spare width; the grade badge stays badge-sized.
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.LOCUS, header.ResizeMode.Stretch)
        header.setSortIndicatorClearable(True)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in (
            (Column.ENTITY, 28),
            (Column.LOCUS, 34),
            (Column.PERIOD, 9),
            (Column.STATUS, 11),
            (Column.PROGRESS, 13),
            (Column.SCORE, 9),
            (Column.GRADE, 26),
            (Column.REVIEW, 30),
        ):
            header.resizeSection(column, chars * char)
        self.table.setSortingEnabled(True)
        # No sorted column at first: rows keep the load order (period, province, entity, locus).
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.placeholder)

        buttons = QHBoxLayout()
        self.action_buttons: dict[QAction, QToolButton] = {}
        for action in (
            self.open_action,
            self.template_action,
            self.delete_action,
            self.restore_action,
        ):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
            self.action_buttons[action] = button
        buttons.addStretch(1)
        self.count_label = QLabel()
        buttons.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Find),
            self,
            self._focus_search,
            Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _connect(self) -> None:
        self.new_button.clicked.connect(lambda: self.new_requested.emit())
        self.period_combo.currentIndexChanged.connect(self._period_chosen)
        self.status_combo.currentIndexChanged.connect(self._status_chosen)
        self.search_edit.textChanged.connect(self._search_changed)
        self.trash_button.toggled.connect(self.set_trash)
        self.table.activated.connect(self._activated)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.open_action.triggered.connect(self.open_selected)
        self.template_action.triggered.connect(self.template_selected)
        self.delete_action.triggered.connect(self.delete_selected)
        self.restore_action.triggered.connect(self.restore_selected)

    # -- loading -------------------------------------------------------------------------------

    @property
    def loading(self) -> bool:
        """Return True while rows are being read from the store."""
        return self._loading

    def refresh(self) -> None:
        """Reload the rows in the background, keeping the selected assessment selected."""
        self._generation += 1
        generation = self._generation
        # The job only reads this mapping; the GUI replaces it, never changes it in place.
        previous = self._by_id
        self._loading = True
        self._update_state()
        self.refreshes += 1
        period, every_period = self._period, self._every_period
        self.store.submit(
            lambda s: s.lists.home(True, previous, period=period, every_period=every_period),
            on_done=lambda home: self._rows_loaded(generation, home),
            on_error=lambda exc: self._load_failed(generation, exc),
            write=False,
        )

    def _alive(self, generation: int) -> bool:
        """Return True when an answer is for the newest request and the view still exists."""
        return shiboken6.isValid(self) and generation == self._generation

    def _rows_loaded(self, generation: int, home: HomeList) -> None:
        if not self._alive(generation):
            return
        rows = home.rows
        selected = self.selected_id()
        selected_row = self._selected_proxy_row()
        self.proxy.set_period(home.period)  # before the rows: they are filtered once, not twice
        self.model.set_rows(rows)
        self._by_id = {row["id"]: row for row in rows}
        self._loading = False
        self._loaded_once = True
        self._failed = False
        self._fill_periods(home.periods, home.period)
        self._reselect(selected, selected_row)
        self._update_state()
        self.loaded.emit()

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if not self._alive(generation):
            return
        self._loading = False
        self._failed = True
        self._update_state()
        alerts.error(self, exc)

    def _fill_periods(self, periods: list[str], shown: str | None) -> None:
        """Offer the periods present (newest first) with the one shown chosen."""
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        self.period_combo.addItem(self.tr("All periods"), None)
        for period in periods:
            self.period_combo.addItem(period, period)
        index = self.period_combo.findData(shown) if shown is not None else 0
        self.period_combo.setCurrentIndex(max(index, 0))
        self.period_combo.blockSignals(False)
        self.proxy.set_period(shown)

    # -- filters -------------------------------------------------------------------------------

    def _period_chosen(self) -> None:
        """Read the rows of the period chosen (or of all) from the store."""
        chosen = self.period_combo.currentData()
        self._every_period = chosen is None
        self._period = chosen
        # Filter at once (rows of that period already shown stay); the others arrive next.
        self.proxy.set_period(chosen)
        self._update_state()
        self.refresh()

    def _status_chosen(self) -> None:
        self.proxy.set_status(self.status_combo.currentData())
        self._update_state()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_state()

    def _focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def set_trash(self, trash: bool) -> None:
        """Show the deleted assessments (True) or the others (False)."""
        if self.trash_button.isChecked() != trash:
            self.trash_button.setChecked(trash)  # comes back here through ``toggled``
            return
        self.proxy.set_trash(trash)
        self._update_state()

    @property
    def trash(self) -> bool:
        """Return True when the trash is shown."""
        return self.proxy.trash

    # -- selection -----------------------------------------------------------------------------

    def selected_id(self) -> str | None:
        """Return the id of the selected assessment, or None."""
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ID_ROLE) if rows else None

    def selected_ids(self) -> list[str]:
        """Return the ids of every selected assessment, in the order shown."""
        rows = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [index.data(ID_ROLE) for index in rows]

    def _selected_proxy_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select(self, assessment_id: str) -> bool:
        """Select and show an assessment's row; return False when it is not shown."""
        source_row = self.model.row_of(assessment_id)
        if source_row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if not index.isValid():
            return False
        self._select_proxy_row(index.row())
        return True

    def _select_proxy_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _reselect(self, assessment_id: str | None, proxy_row: int | None) -> None:
        """Select the same assessment again, or the row now in its place (after a delete)."""
        if assessment_id is not None and self.select(assessment_id):
            return
        if proxy_row is not None and self.proxy.rowCount() > 0:
            self._select_proxy_row(min(proxy_row, self.proxy.rowCount() - 1))

    def _selected_row(self) -> dict[str, Any] | None:
        assessment_id = self.selected_id()
        return self._by_id.get(assessment_id) if assessment_id else None

    # -- state ---------------------------------------------------------------------------------

    def _update_state(self) -> None:
        """Show the table or a placeholder, the row count and which actions apply."""
        trash = self.trash
        total = sum(1 for row in self.model.rows() if row["deleted"] == trash)
        if not self._loaded_once:
            placeholder = (
                self.tr("The assessments could not be loaded.")
                if self._failed
                else self.tr("Loading…")
            )
        elif total == 0:
            placeholder = (
                self.tr("The trash is empty.")
                if trash
                else self.tr("No assessments yet. Start one with “New assessment”.")
            )
        else:
            placeholder = ""
        self.placeholder.setText(placeholder)
        self.stack.setCurrentWidget(self.placeholder if placeholder else self.table)
        shown = self.proxy.rowCount()
        if self._loading:
            count = self.tr("Loading…")
        elif shown == total:
            count = self.tr("%n assessment(s)", "", total)
        else:
            count = self.tr("{shown} of %n assessment(s)", "", total).format(shown=shown)
        self.count_label.setText(count)
        for action in (self.open_action, self.template_action, self.delete_action):
            self.action_buttons[action].setVisible(not trash)
        self.action_buttons[self.restore_action].setVisible(trash)
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self._selected_row() is not None
        trash = self.trash
        self.open_action.setEnabled(chosen and not trash)
        self.template_action.setEnabled(chosen and not trash)
        self.delete_action.setEnabled(chosen and not trash)
        self.restore_action.setEnabled(chosen and trash)

    # -- actions -------------------------------------------------------------------------------

    def _activated(self, index: QModelIndex) -> None:
        if not self.trash and index.isValid():
            self.open_requested.emit(index.data(ID_ROLE))

    def _context_menu(self, position: QPoint) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        if not self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            self._select_proxy_row(index.row())
        menu = QMenu(self)
        for action in self.context_actions():
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    def context_actions(self) -> list[QAction]:
        """Return the actions the context menu offers in the current mode."""
        if self.trash:
            return [self.restore_action]
        return [self.open_action, self.template_action, self.delete_action, *self._extra_actions]

    def add_context_action(self, action: QAction) -> None:
        """Offer ``action`` (e.g. Export package…) in the context menu too."""
        self._extra_actions.append(action)

    def add_toolbar_widget(self, widget: QWidget) -> None:
        """Show ``widget`` (e.g. the open conflicts badge) beside the New button."""
        self.toolbar.insertWidget(1, widget)

    def open_selected(self) -> None:
        """Ask to open the selected assessment."""
        item = self._selected_row()
        if item is not None and not item["deleted"]:
            self.open_requested.emit(item["id"])

    def template_selected(self) -> None:
        """Ask for a new assessment made from the selected one."""
        item = self._selected_row()
        if item is not None:
            self.template_requested.emit(item["id"])

    def delete_selected(self) -> None:
        """Move the selected assessment to the trash, after asking."""
        item = self._selected_row()
        if item is None or item["deleted"]:
            return
        question = self.tr(
            "Move the assessment of {locus} ({entity}, {period}) to the trash?\n\n"
            "You can restore it from the trash."
        ).format(locus=item["locus"], entity=item["entity"], period=item["period"])
        if not alerts.confirm(
            self, self.tr("Delete assessment"), question, ok_text=self.tr("Move to trash")
        ):
            return
        assessment_id = item["id"]
        self._write(lambda s: s.assessments.delete(assessment_id))

    def restore_selected(self) -> None:
        """Bring the selected assessment back from the trash."""
        item = self._selected_row()
        if item is None or not item["deleted"]:
            return
        assessment_id = item["id"]
        self._write(lambda s: s.assessments.restore(assessment_id))

    def _write(self, job: Any) -> None:
        """Run a write on the store thread (the list reloads from ``changed``), or say why not."""

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                alerts.error(self, exc)
                self.refresh()

        self.store.submit(job, on_error=failed, initiator=self)

    def _changed(self, changes: Any, _initiator: object) -> None:
        """Reload the rows when something the list shows changed (when next shown, if hidden)."""
        if not shiboken6.isValid(self) or not (
            changes.any_assessment or changes.reviews or changes.conflicts or changes.entities
        ):
            return
        if self.window().isVisible() and not self.isVisible():
            self._stale = True  # answers given in the assessment view: reload on return
        else:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.refresh()
        super().showEvent(event)

    def set_language(self, language: str) -> None:
        """Show instrument words (zone labels) in ``language`` ("id" or "en")."""
        self.model.set_language(language)
