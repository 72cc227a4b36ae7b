"""The results window (Hasil): a province dashboard of entity scores, and one entity's loci.

The workspace is scored on the reader thread (:func:`load_results`, ~4 s for a national
workspace) while a busy bar shows; the spreadsheet export runs there too. The window only
shows plain data and turns choices into filters.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QCloseEvent, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop import settings as setting
from ombud_desktop.services.results import ResultsData
from ombud_desktop.settings import Settings
from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.models.assessments import format_number, readable_text_colour
from ombud_desktop.ui.models.results import (
    ID_ROLE,
    SORT_ROLE,
    EntityColumn,
    EntityFilter,
    EntityTableModel,
    LocusColumn,
    LocusTableModel,
    change_text,
    counts,
    entity_status,
    label_in,
    previous_text,
    rank_scope,
)
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.records_panel import RecordsPanels
from ombud_desktop.ui.settings import restore_geometry, save_geometry
from ombud_desktop.ui.widgets.grade_chart import Bar, GradeChart
from ombud_desktop.ui.widgets.score_panel import reason_text
from ombud_desktop.ui.widgets.tables import row_table

if TYPE_CHECKING:
    from collections.abc import Callable

    from ombud_desktop.packages.keys import KeyStore


def badge_style(colour: str | None) -> str:
    """Return the style sheet of a grade badge in a zone's colour (none without a colour)."""
    if not colour:
        return "font-weight: bold; padding: 4px 10px;"
    return (
        f"background: {colour}; color: {readable_text_colour(QColor(colour)).name()};"
        "font-weight: bold; border-radius: 4px; padding: 4px 10px;"
    )


class _Progress(QObject):
    """Carries export progress from the reader thread to the GUI thread (a queued signal)."""

    progressed = Signal(int, int)


class DashboardView(QWidget):
    """Counts per zone and grade, a grade chart and a sortable table of the entities."""

    entity_requested = Signal(object)  # the (entity_id, period) key
    export_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.data = ResultsData()
        self.model = EntityTableModel(language=language, parent=self)
        self.proxy = EntityFilter(self)
        self.proxy.setSourceModel(self.model)
        self._build()

    def _build(self) -> None:
        toolbar = self._build_toolbar()
        self.zone_labels: dict[str, QLabel] = {}
        self.summary = QHBoxLayout()
        self.total_label = QLabel()
        self.total_label.setStyleSheet("font-weight: bold;")
        self.provisional_label = QLabel()
        # What the ranks shown are among (issue 14: a rank always says so).
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        self._build_table()
        self.chart = GradeChart()
        chart_box = QVBoxLayout()
        chart_title = QLabel(self.tr("Grade distribution"))
        chart_title.setStyleSheet("font-weight: bold;")
        chart_box.addWidget(chart_title)
        chart_box.addWidget(self.chart, 1)
        chart_panel = QWidget()
        chart_panel.setLayout(chart_box)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(chart_panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 340])

        self.hint_label = QLabel(self.tr("Double-click an entity to see its loci."))
        layout = QVBoxLayout(self)
        layout.addLayout(toolbar)
        layout.addLayout(self.summary)
        layout.addWidget(self.scope_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint_label)

        self.period_combo.currentIndexChanged.connect(self._filters_changed)
        self.province_combo.currentIndexChanged.connect(self._filters_changed)
        self.category_combo.currentIndexChanged.connect(self._filters_changed)
        self.search_edit.textChanged.connect(self._search_changed)
        self.table.activated.connect(self._activated)
        self.export_button.clicked.connect(lambda: self.export_requested.emit())
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.search_edit.setFocus,
                  Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _build_toolbar(self) -> QHBoxLayout:
        self.period_combo = QComboBox()
        self.period_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.province_combo = QComboBox()
        self.province_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category_combo = QComboBox()
        self.category_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search entity"))
        self.search_edit.setClearButtonEnabled(True)
        self.personal_check = QCheckBox(self.tr("With phone numbers (personal data)"))
        self.personal_check.setToolTip(
            self.tr("Add the service users' phone numbers to the workbook, marked as personal data")
        )
        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.setToolTip(
            self.tr("Save entities, loci, service users and the instrument as a workbook")
        )
        period_label = QLabel(self.tr("&Period:"))
        period_label.setBuddy(self.period_combo)
        province_label = QLabel(self.tr("P&rovince:"))
        province_label.setBuddy(self.province_combo)
        category_label = QLabel(self.tr("&Category:"))
        category_label.setBuddy(self.category_combo)
        toolbar = QHBoxLayout()
        toolbar.addWidget(period_label)
        toolbar.addWidget(self.period_combo)
        toolbar.addWidget(province_label)
        toolbar.addWidget(self.province_combo)
        toolbar.addWidget(category_label)
        toolbar.addWidget(self.category_combo)
        toolbar.addWidget(self.search_edit, 1)
        toolbar.addWidget(self.personal_check)
        toolbar.addWidget(self.export_button)
        return toolbar

    def _build_table(self) -> None:
        self.table = row_table(self.proxy, sorting=True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in (
            (EntityColumn.RANK, 8), (EntityColumn.PROVINCE_RANK, 8), (EntityColumn.ENTITY, 30),
            (EntityColumn.CATEGORY, 12), (EntityColumn.PROVINCE, 20), (EntityColumn.PERIOD, 8),
            (EntityColumn.LOCI, 7), (EntityColumn.APPROVED, 9), (EntityColumn.SCORE, 9),
            (EntityColumn.GRADE, 28), (EntityColumn.PREVIOUS, 28), (EntityColumn.CHANGE, 9),
            (EntityColumn.STATUS, 40),
        ):  # fmt: skip
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            # Wide enough for the title too (in either language), with room for the sort arrow.
            fits = header.fontMetrics().horizontalAdvance(title) + 4 * char
            header.resizeSection(column, max(chars * char, fits))
        self.table.sortByColumn(EntityColumn.SCORE, Qt.SortOrder.DescendingOrder)

    # -- data ----------------------------------------------------------------------------------

    def set_data(self, data: ResultsData) -> None:
        """Show new results, keeping the period and province chosen when they still exist."""
        self.data = data
        self.model.set_rows(data.entities)
        self._rebuild_summary()
        periods = sorted({e["period"] for e in data.entities}, reverse=True)
        provinces = sorted({e["province"] for e in data.entities})
        self._refill(self.period_combo, self.tr("All periods"), periods,
                     default=periods[0] if periods else None)
        self._refill(self.province_combo, self.tr("All provinces"), provinces, default=None)
        categories = {e["category"]: label_in(e, "category_label", self.language, e["category"])
                      for e in data.entities}
        self._refill(self.category_combo, self.tr("All categories"), list(categories),
                     default=None, labels=categories)
        self._filters_changed()

    def _refill(
        self, combo: QComboBox, every: str, values: list[str], default: str | None,
        labels: dict[str, str] | None = None,
    ) -> None:
        chosen = combo.currentData() if combo.count() else default
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(every, None)
        for value in values:
            combo.addItem((labels or {}).get(value, value), value)
        index = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def _rebuild_summary(self) -> None:
        while self.summary.count():
            item = self.summary.takeAt(0)
            if item.widget() is not None and item.widget() not in (
                self.total_label, self.provisional_label,
            ):  # fmt: skip
                item.widget().deleteLater()
        self.zone_labels = {}
        self.summary.addWidget(self.total_label)
        for zone in self.data.zones:
            label = QLabel()
            label.setStyleSheet(badge_style(zone["colour"]))
            self.zone_labels[zone["code"]] = label
            self.summary.addWidget(label)
        none_label = QLabel()
        none_label.setStyleSheet(badge_style(None))
        self.zone_labels[""] = none_label
        self.summary.addWidget(none_label)
        self.summary.addWidget(self.provisional_label)
        self.summary.addStretch(1)

    def shown_entities(self) -> list[dict[str, Any]]:
        """Return the entities that pass the filters (what the counts and chart describe)."""
        return [e for e in self.model.rows() if self.proxy.accepts(e)]

    def _filters_changed(self) -> None:
        self.proxy.set_period(self.period_combo.currentData())
        self.proxy.set_province(self.province_combo.currentData())
        self.proxy.set_category(self.category_combo.currentData())
        self._update_counts()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_counts()

    def _update_counts(self) -> None:
        shown = self.shown_entities()
        grades, zones, provisional = counts(shown)
        self.total_label.setText(self.tr("%n entity(ies)", "", len(shown)))
        for zone in self.data.zones:
            label = label_in(zone, "label", self.language, zone["code"])
            self.zone_labels[zone["code"]].setText(f"{label}: {zones.get(zone['code'], 0)}")
        self.zone_labels[""].setText(self.tr("No score: %1").replace("%1", str(zones.get("", 0))))
        self.zone_labels[""].setVisible(zones.get("", 0) > 0)
        self.provisional_label.setText(self.tr("%n provisional", "", provisional))
        scopes: dict[str, None] = {}
        for e in shown:
            if e["rank"] is not None:
                category = label_in(e, "category_label", self.language, e["category"])
                scopes.setdefault(f"{category}: {rank_scope(e, self.language)}", None)
        self.scope_label.setText(
            self.tr("Ranks among — %1").replace("%1", " · ".join(scopes)) if scopes else ""
        )
        self.scope_label.setVisible(bool(scopes))
        self.chart.set_bars(
            [Bar(g["grade"], grades.get(g["grade"], 0), g["colour"]) for g in self.data.grades]
        )

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.entity_requested.emit(index.data(ID_ROLE))


class EntityView(QWidget):
    """One entity in one period: score, grade, rank; its loci, plan of loci and corrections."""

    back_requested = Signal()

    def __init__(self, language: str, panels: RecordsPanels, parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.panels = panels
        self.entity: dict[str, Any] | None = None
        self.model = LocusTableModel(language=language, parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self._build()

    def _build(self) -> None:
        self.back_button = QPushButton(self.tr("← Results"))
        self.back_button.clicked.connect(lambda: self.back_requested.emit())
        self.title_label = QLabel()
        self.title_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.subtitle_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title_label)
        top.addSpacing(12)
        top.addWidget(self.subtitle_label)
        top.addStretch(1)

        self.score_label = QLabel()
        self.score_label.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.grade_badge = QLabel()
        self.rank_label = QLabel()
        self.rank_label.setWordWrap(True)
        self.previous_label = QLabel()
        self.approved_label = QLabel()
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.mean_label = QLabel()
        facts = QGridLayout()
        facts.addWidget(self.score_label, 0, 0, 2, 1)
        facts.addWidget(self.grade_badge, 0, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        facts.addWidget(self.rank_label, 0, 2)
        facts.addWidget(self.mean_label, 1, 2)
        facts.addWidget(self.previous_label, 0, 3)
        facts.addWidget(self.approved_label, 1, 3)
        facts.addWidget(self.status_label, 2, 0, 1, 4)
        self.parts_label = QLabel()  # the 2025 model: parts, trust, qualifier, draft method
        self.parts_label.setWordWrap(True)
        facts.addWidget(self.parts_label, 3, 0, 1, 4)
        facts.setColumnStretch(2, 1)
        facts.setColumnStretch(3, 1)
        facts.setHorizontalSpacing(16)

        self.table = row_table(self.proxy, sorting=True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)  # the locus name
        self.reasons_title = QLabel()
        self.reasons_title.setStyleSheet("font-weight: bold;")
        self.reasons_list = QListWidget()
        self.reasons_list.setWordWrap(True)
        self.reasons_list.setMaximumHeight(120)

        loci_page = QWidget()
        loci_layout = QVBoxLayout(loci_page)
        loci_layout.addWidget(self.table, 1)
        loci_layout.addWidget(self.reasons_title)
        loci_layout.addWidget(self.reasons_list)
        # The loci assessed, the plan they fill and the corrections: one page each, so the
        # view fits a small screen (1024×600) without squeezing the loci table.
        self.tabs = QTabWidget()
        self.tabs.addTab(loci_page, self.tr("Loci"))
        self.tabs.addTab(self.panels.plan_page, self.panels.plan_title())
        self.tabs.addTab(self.panels.corrections_page, self.panels.corrections_title())
        self.tabs.addTab(self.panels.inputs.page, self.panels.inputs.title())
        self.panels.loaded.connect(self._records_loaded)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(facts)
        layout.addWidget(line)
        layout.addWidget(self.tabs, 1)
        self.table.selectionModel().currentRowChanged.connect(self._locus_chosen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, lambda: self.back_requested.emit(),
                  Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _parts_text(self, entity: dict[str, Any]) -> str:
        """Return the parts of a 2025-model score in words, and the draft-method mark."""
        pieces = []
        for part in entity.get("parts", ()):
            if part["kind"] == "group":
                continue
            title = part["title"]["en" if self.language == "en" else "id"]
            pieces.append(
                self.tr("%1 (%2 %): %3").replace("%1", title)
                .replace("%2", format_number(part["share"] * 100))
                .replace("%3", "–" if part["value"] is None else format_number(part["value"]))
            )
        text = " · ".join(pieces)
        if entity.get("methodology_draft"):
            text = self.tr("Provisional methodology (draft instrument)") + (
                f" — {text}" if text else "")
        return text

    def show_entity(self, entity: dict[str, Any]) -> None:
        """Show ``entity`` (a dict of :func:`load_results`)."""
        self.entity = entity
        category = label_in(entity, "category_label", self.language, entity["category"])
        self.title_label.setText(entity["entity"])
        self.subtitle_label.setText(
            self.tr("%1 · %2 · period %3").replace("%1", category)
            .replace("%2", entity["province"]).replace("%3", entity["period"])
        )
        self.score_label.setText(format_number(entity["score"], self.language))
        if entity["grade"] is None:
            self.grade_badge.setText(self.tr("No grade yet"))
        else:
            zone = label_in(entity, "zone_label", self.language, str(entity["zone"]))
            text = f"{entity['grade']} · {zone}"
            if entity["capped"]:
                text = self.tr("%1 (capped)").replace("%1", text)
            if entity.get("qualifier"):
                text += "\n" + label_in(entity, "qualifier", self.language, "")
            self.grade_badge.setText(text)
        self.grade_badge.setStyleSheet(badge_style(entity["zone_colour"]))
        if entity["rank"] is None:
            self.rank_label.setText(self.tr("Not ranked (no score)"))
        else:
            text = (
                self.tr("Rank %1 of %2, period %3: %4").replace("%1", str(entity["rank"]))
                .replace("%2", str(entity["ranked"])).replace("%3", entity["period"])
                .replace("%4", rank_scope(entity, self.language))
            )
            if entity.get("rank_in_province") is not None:
                text += "\n" + self.tr("Rank in %1: %2").replace(
                    "%1", entity["province"]).replace("%2", str(entity["rank_in_province"]))
            self.rank_label.setText(text)
        self.mean_label.setText(
            self.tr("Mean of the loci (%1 of %2 scored): %3")
            .replace("%1", str(entity["loci_scored"]))
            .replace("%2", str(entity["loci_total"]))
            .replace("%3", format_number(entity["mean_of_loci"], self.language))
        )
        if entity.get("previous"):
            change = change_text(entity, self.language)
            self.previous_label.setText(
                self.tr("Previous period: %1").replace("%1", previous_text(entity, self.language))
                + (self.tr(" (%1 points)").replace("%1", change) if change else "")
            )
        else:
            self.previous_label.setText(self.tr("No earlier period in this workspace"))
        planned = entity.get("loci_planned")
        self.approved_label.setText(
            self.tr("%1 of %2 loci approved").replace("%1", str(entity.get("loci_approved", 0)))
            .replace("%2", str(entity["loci_total"] if planned is None else planned))
        )
        if entity["provisional"]:
            # The reasons in words ("Sementara: 2 dari 7 lokus; konflik terbuka: IN07").
            self.status_label.setText(
                self.tr("%1. The score may still change.").replace(
                    "%1", entity_status(entity, self.language))
            )
            self.status_label.setStyleSheet("color: #9A5B00; font-weight: bold;")
        else:
            self.status_label.setText(self.tr("Final: every locus is complete."))
            self.status_label.setStyleSheet("")
        self.parts_label.setText(self._parts_text(entity))
        self.parts_label.setVisible(bool(self.parts_label.text()))
        self.model.set_rows(entity["loci"])
        self.tabs.setTabText(0, self.tr("Loci (%1)").replace("%1", str(len(entity["loci"]))))
        self.panels.load(entity["entity_id"], entity["period"])
        self._records_loaded()
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        char = self.fontMetrics().averageCharWidth()
        for section in range(1, self.model.columnCount()):
            header.resizeSection(section, 10 * char)
        header.resizeSection(self.model.columnCount() - 2, 26 * char)  # the grade badge
        header.resizeSection(LocusColumn.REVIEW, 16 * char)  # "belum ditinjau"
        self.reasons_list.clear()
        self.reasons_title.setText(self.tr("Choose a locus to see what it is missing."))
        if self.proxy.rowCount():
            self.table.selectRow(0)

    def _records_loaded(self) -> None:
        self.tabs.setTabText(1, self.panels.plan_title())
        self.tabs.setTabText(2, self.panels.corrections_title())

    def _locus_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.reasons_list.clear()
        if not current.isValid():
            return
        source = self.proxy.mapToSource(current)
        locus = self.model.row_data(source.row())
        if not locus["reasons"]:
            self.reasons_title.setText(
                self.tr("%1: complete, nothing missing").replace("%1", locus["locus"])
            )
            return
        self.reasons_title.setText(
            self.tr("%1: provisional, %n thing(s) missing", "", len(locus["reasons"]))
            .replace("%1", locus["locus"])
        )
        for code, target, data in locus["reasons"]:
            self.reasons_list.addItem(reason_text(code, target, data, self.language))


class ResultsWindow(QMainWindow):
    """The results of the workspace: the dashboard, and an entity's loci on double-click."""

    loaded = Signal()  # results arrived (after every refresh)
    exported = Signal(object)  # the ExportSummary, after an export

    def __init__(
        self,
        store: StoreThread,
        language: str,
        settings: Settings | None = None,
        parent: QWidget | None = None,
        *,
        keys: Callable[[], KeyStore] | None = None,
    ):
        """``keys`` returns the user's key store (None: no keys, the records are read-only)."""
        super().__init__(parent)
        self.store = store
        self.language = language
        self.settings = settings
        self._loading = False
        self._exporting = False
        self.refreshes = 0  # how many times the workspace was scored for this window
        self._stale = False  # scores changed since the last scoring
        self.setWindowTitle(self.tr("Results · Ombud Desktop"))
        self.dashboard = DashboardView(language)
        self.records = RecordsPanels(store, keys, language, parent=self)
        self.records.written.connect(self._records_written)
        self._again = False  # a record was written while scoring: score once more after
        self.entity_view = EntityView(language, self.records)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.dashboard)
        self.stack.addWidget(self.entity_view)
        self.setCentralWidget(self.stack)
        self.busy = QProgressBar()
        self.busy.setMaximumWidth(200)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.status_label = QLabel()
        self.statusBar().addWidget(self.status_label, 1)
        self.statusBar().addPermanentWidget(self.busy)
        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.activated.connect(self.refresh)
        self.dashboard.entity_requested.connect(self.show_entity)
        self.dashboard.export_requested.connect(self.export_workbook)
        self.entity_view.back_requested.connect(self.show_dashboard)
        store.changed.connect(self._changed)
        self._progress = _Progress(self)
        self._progress.progressed.connect(self._export_progressed)
        if not restore_geometry(self, settings, setting.RESULTS_WINDOW_GEOMETRY):
            self.resize(1280, 740)
        self.refresh()

    def _changed(self, changes: Any, _initiator: object) -> None:
        # Only changes to what is scored count; the window scores again when it is active (or
        # when the user comes back to it), not on every answer given in another window.
        if not shiboken6.isValid(self) or not (
            changes.any_assessment or changes.corrections or changes.entities
        ):
            return
        self._stale = True
        if self.isActiveWindow():
            self.refresh()

    def _records_written(self) -> None:
        # Scoring already under way may have read before the write: score again after it.
        if self._loading:
            self._again = True
        else:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self._stale:
            self.refresh()
        super().changeEvent(event)

    @property
    def busy_now(self) -> bool:
        """Return True while scoring or exporting runs in the background."""
        return self._loading or self._exporting

    def _set_busy(self, text: str) -> None:
        self.busy.setRange(0, 0)  # an indeterminate bar: scoring gives no progress
        self.busy.setVisible(self.busy_now)
        self.status_label.setText(text)
        self.dashboard.export_button.setEnabled(not self._exporting)

    def refresh(self) -> None:
        """Score the workspace again in the background."""
        if self._loading:
            return
        self._loading = True
        self._stale = False
        self._set_busy(self.tr("Scoring every locus and entity…"))
        self.refreshes += 1
        self.store.submit(
            lambda s: s.lists.results(), on_done=self._later("_loaded"),
            on_error=self._later("_failed"), write=False,
        )

    def _later(self, method: str) -> Any:
        """Return a callback for a store job that calls ``method`` if this window still lives.

        The store thread drops its references to a finished job on its own thread; holding the
        window only weakly there means the window is never destroyed off the GUI thread.
        """
        ref = weakref.ref(self)

        def call(value: Any) -> None:
            window = ref()
            if window is not None and shiboken6.isValid(window):
                getattr(window, method)(value)

        return call

    def _loaded(self, data: ResultsData) -> None:
        if not shiboken6.isValid(self):
            return
        self._loading = False
        self.dashboard.set_data(data)
        self._set_busy(self.tr("%n entity(ies) scored", "", len(data.entities)))
        if self.entity_view.entity is not None:
            key = self.entity_view.entity["key"]
            again = next((e for e in data.entities if e["key"] == key), None)
            if again is not None:
                self.entity_view.show_entity(again)
        self.loaded.emit()
        if self._again:
            self._again = False
            self.refresh()

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self._loading = False
        self._exporting = False
        self._set_busy("")
        alerts.error(self, error)

    def show_entity(self, key: Any) -> None:
        """Show the entity ``(entity_id, period)`` with its loci."""
        entity = next((e for e in self.dashboard.data.entities if e["key"] == tuple(key)), None)
        if entity is None:
            return
        self.entity_view.show_entity(entity)
        self.stack.setCurrentWidget(self.entity_view)
        self.entity_view.table.setFocus()

    def show_dashboard(self) -> None:
        """Go back to the dashboard."""
        self.stack.setCurrentWidget(self.dashboard)
        self.dashboard.table.setFocus()

    # -- export --------------------------------------------------------------------------------

    def ask_export_path(self, suggested: str) -> str | None:
        """Ask where to save the workbook; return the path, or None when cancelled."""
        folder = self.settings.get(setting.RESULTS_EXPORT_FOLDER) if self.settings else ""
        path, chosen_filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to Excel"),
            str(files.start_folder(folder) / suggested),
            self.tr("Excel workbook (*.xlsx);;CSV, the loci table (*.csv)"),
        )
        if not path:
            return None
        if Path(path).suffix.lower() not in (".xlsx", ".csv"):
            path += ".csv" if "*.csv" in chosen_filter else ".xlsx"
        if self.settings is not None:
            self.settings.set(setting.RESULTS_EXPORT_FOLDER, str(Path(path).parent))
        return path

    def export_workbook(self) -> None:
        """Ask for a file name, then export the period shown (off the GUI thread)."""
        period = self.dashboard.period_combo.currentData()
        suggested = self.tr("results-%1.xlsx").replace("%1", period or self.tr("all"))
        path = self.ask_export_path(suggested)
        if path:
            self.export_to(path, period=period,
                           personal_data=self.dashboard.personal_check.isChecked())

    def export_to(self, path: str, *, period: str | None, personal_data: bool) -> None:
        """Write the spreadsheet to ``path`` on the reader thread; say so when done."""
        if self._exporting:
            return
        language = self.language
        progress = weakref.ref(self._progress)

        def report(done: int, total: int) -> None:
            sender = progress()
            if sender is not None and shiboken6.isValid(sender):
                sender.progressed.emit(done, total)

        def job(s: Any) -> Any:
            return s.export_spreadsheet(
                path, language=language, period=period,
                personal_data=personal_data, progress=report,
            )

        self._exporting = True
        self._set_busy(self.tr("Exporting to %1…").replace("%1", Path(path).name))
        self.store.submit(
            job, on_done=self._later("_exported"), on_error=self._later("_failed"), write=False
        )

    def _export_progressed(self, done: int, total: int) -> None:
        if self._exporting and total:
            self.busy.setRange(0, total)
            self.busy.setValue(done)

    def _exported(self, summary: Any) -> None:
        if not shiboken6.isValid(self):
            return
        self._exporting = False
        self._set_busy(self.tr("Saved %1").replace("%1", str(summary.path)))
        text = self.tr(
            "Saved %1\n\n%2 entities, %3 loci, %4 service users."
        ).replace("%1", str(summary.path)).replace(
            "%2", str(summary.rows.get("entities", 0))).replace(
            "%3", str(summary.rows.get("loci", 0))).replace(
            "%4", str(summary.rows.get("service-users", 0)))
        if summary.personal_data:
            text += "\n\n" + self.tr(
                "The file holds personal data (phone numbers): share it only for quality "
                "control, and delete it when done."
            )
        self.exported.emit(summary)
        alerts.inform(self, self.tr("Export finished"), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self, self.settings, setting.RESULTS_WINDOW_GEOMETRY)
        super().closeEvent(event)
