"""The entity view's supervisor records: the plan of loci and the corrections, with their actions.

:class:`RecordsPanels` reads one entity's records in a period on the store thread
(``records(keys).entity_records``: the same service ``ombud plan …`` and ``ombud correction …``
use) and shows them in two pages. A supervisor of the entity's province, or pusat, changes the
plan (:class:`~ombud_desktop.ui.dialogs.records.PlanDialog`), adds corrections and withdraws
them with a reason; each write returns its Changes and the results window scores again. Anyone
else sees the same pages read-only, the buttons disabled with a tooltip saying why.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs.records import CorrectionDialog, PlanDialog
from ombud_desktop.ui.inputs_panel import InputsPanel
from ombud_desktop.ui.models.records import (
    ID_ROLE,
    CorrectionColumn,
    CorrectionTableModel,
    PlanColumn,
    PlanTableModel,
    plan_source_text,
)
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.widgets.tables import row_table

if TYPE_CHECKING:
    from ombud_desktop.packages.keys import KeyStore
    from ombud_desktop.services.records import EntityRecords


class RecordsPanels(QObject):
    """The plan page and the corrections page of one entity view, and what their buttons do."""

    loaded = Signal()  # the records of the entity shown arrived
    written = Signal()  # a plan or correction was saved (the results are scored again)

    def __init__(
        self,
        store: StoreThread,
        keys: Callable[[], KeyStore] | None,
        language: str,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.keys = keys
        self.language = language
        self.key: tuple[str, str] | None = None  # (entity_id, period) shown
        self.records: EntityRecords | None = None
        self._pending = 0  # jobs submitted and not answered yet
        self.plan_model = PlanTableModel(language=language, parent=self)
        self.correction_model = CorrectionTableModel(language=language, parent=self)
        self.plan_page = self._build_plan_page()
        self.corrections_page = self._build_corrections_page()
        # The entity's inputs of the 2025 model (trust, secondary data, products followed).
        self.inputs = InputsPanel(store, keys, parent=self)
        self.inputs.written.connect(self.written)
        self._set_buttons()

    # -- pages ---------------------------------------------------------------------------------

    def _build_plan_page(self) -> QWidget:
        page = QWidget()
        self.plan_source = QLabel()
        self.plan_source.setWordWrap(True)
        self.plan_table = row_table(self.plan_model)
        header = self.plan_table.horizontalHeader()
        header.setStretchLastSection(True)
        char = page.fontMetrics().averageCharWidth()
        for column, chars in ((PlanColumn.PLANNED, 40), (PlanColumn.FILLED_BY, 34),
                              (PlanColumn.STATE, 32)):  # fmt: skip
            header.resizeSection(column, chars * char)
        self.plan_button = QPushButton(self.tr("Change the plan of &loci…"))
        self.plan_button.clicked.connect(lambda _checked=False: self.change_plan())
        row = QHBoxLayout()
        row.addWidget(self.plan_source, 1)
        row.addWidget(self.plan_button)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.plan_table, 1)
        return page

    def _build_corrections_page(self) -> QWidget:
        page = QWidget()
        self.corrections_table = row_table(self.correction_model)
        header = self.corrections_table.horizontalHeader()
        header.setStretchLastSection(True)
        char = page.fontMetrics().averageCharWidth()
        header.resizeSection(CorrectionColumn.CORRECTION, 54 * char)
        header.resizeSection(CorrectionColumn.BY, 30 * char)
        self.add_button = QPushButton(self.tr("&Add a correction…"))
        self.add_button.clicked.connect(lambda _checked=False: self.add_correction())
        self.withdraw_button = QPushButton(self.tr("&Withdraw the correction…"))
        self.withdraw_button.clicked.connect(lambda _checked=False: self.withdraw_selected())
        self.corrections_note = QLabel()
        self.corrections_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.corrections_note, 1)
        row.addWidget(self.add_button)
        row.addWidget(self.withdraw_button)
        layout = QVBoxLayout(page)
        layout.addLayout(row)
        layout.addWidget(self.corrections_table, 1)
        self.corrections_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._set_buttons())
        return page

    def plan_title(self) -> str:
        """Return the plan page's tab title ("Plan of loci (2 of 7 complete)")."""
        plan = self.records.plan if self.records is not None else None
        if plan is None:
            return self.tr("Plan of loci")
        return (
            self.tr("Plan of loci (%1 of %2 complete)").replace("%1", str(plan.complete))
            .replace("%2", str(len(plan.slots)))
        )

    def corrections_title(self) -> str:
        """Return the corrections page's tab title ("Corrections (1 in force)")."""
        if self.records is None:
            return self.tr("Corrections")
        in_force = sum(1 for c in self.records.corrections if not c.withdrawn)
        return self.tr("Corrections (%n in force)", "", in_force)

    # -- reading -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Return True while a read or write of records is under way."""
        return self._pending > 0 or self.inputs.busy

    def _key_store(self) -> KeyStore | None:
        return self.keys() if self.keys is not None else None

    def load(self, entity_id: str, period: str) -> None:
        """Read the records of ``entity_id`` in ``period`` (in the background)."""
        if self.key != (entity_id, period):
            self.records = None
            self.plan_model.set_plan([], [])
            self.correction_model.set_rows([])
        self.key = (entity_id, period)
        self._set_buttons()
        self.inputs.load(entity_id, period)
        keys = self._key_store()
        self._pending += 1
        self.store.submit(
            lambda s: s.records(keys).entity_records(entity_id, period),
            on_done=self._later("_loaded"), on_error=self._later("_failed"), write=False,
        )

    def _later(self, method: str) -> Any:
        """Return a callback that calls ``method`` if this object still lives (see results)."""
        ref = weakref.ref(self)

        def call(value: Any) -> None:
            panels = ref()
            if panels is not None and shiboken6.isValid(panels):
                panels._pending -= 1
                getattr(panels, method)(value)

        return call

    def _loaded(self, records: EntityRecords) -> None:
        if (records.entity_id, records.period) != self.key:
            return  # another entity was chosen meanwhile
        self.records = records
        self.plan_source.setText(plan_source_text(records.plan.to_json()))
        self.plan_model.set_plan([s.to_json() for s in records.plan.slots], records.template)
        self.correction_model.set_rows([c.to_json() for c in records.corrections])
        self.corrections_note.setText(
            "" if records.corrections else self.tr("No corrections for this period.")
        )
        self._set_buttons()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        alerts.error(self.plan_page.window(), error)

    # -- who may change them -------------------------------------------------------------------

    def why_not(self) -> str:
        """Return why this user may not change the records ("" when they may)."""
        if self.records is None:
            return self.tr("The records are being read…")
        reason = self.records.why_not
        if reason is None:
            return ""
        if reason == "other_province":
            return self.tr(
                "Your supervisor certificate is for another province: only a supervisor of %1 "
                "or pusat changes the plan and the corrections."
            ).replace("%1", self.records.province)
        return self.tr(
            "Only a supervisor of %1 (with the supervisor certificate installed: Settings › "
            "Keys…) or pusat changes the plan and the corrections."
        ).replace("%1", self.records.province)

    def selected_correction(self) -> dict[str, Any] | None:
        """Return the correction chosen in the table, or None."""
        index = self.corrections_table.currentIndex()
        if not index.isValid():
            return None
        return self.correction_model.row_data(index.row())

    def _set_buttons(self) -> None:
        why = self.why_not()
        for button, tip in (
            (self.plan_button, self.tr("Choose the loci this entity is assessed at")),
            (self.add_button, self.tr("Subtract points or cap the grade, with a reason")),
        ):
            button.setEnabled(not why)
            button.setToolTip(why or tip)
        chosen = self.selected_correction()
        if why:
            self.withdraw_button.setEnabled(False)
            self.withdraw_button.setToolTip(why)
        elif chosen is None or chosen.get("withdrawn"):
            self.withdraw_button.setEnabled(False)
            self.withdraw_button.setToolTip(self.tr("Choose a correction in force first"))
        else:
            self.withdraw_button.setEnabled(True)
            self.withdraw_button.setToolTip(
                self.tr("Withdraw it with a reason (kept in the record, never deleted)"))

    # -- writing -------------------------------------------------------------------------------

    def _write(self, job: Callable[[Any], Any]) -> None:
        self._pending += 1
        self.store.submit(job, on_done=self._later("_written"),
                          on_error=self._later("_failed"), write=True)

    def _written(self, _result: Any) -> None:
        self.written.emit()
        if self.key is not None:
            self.load(*self.key)

    def change_plan(self) -> None:
        """Ask for the plan of loci and record it (as ``ombud plan set``)."""
        records = self.records
        if records is None or not records.may_edit:
            return
        loci = PlanDialog.ask(self.plan_page.window(), records, self.language)
        if not loci:
            return
        keys = self._key_store()
        entity_id, period = records.entity_id, records.period
        self._write(lambda s: s.records(keys).set_plan(entity_id, period, loci))

    def add_correction(self) -> None:
        """Ask for a correction and record it (as ``ombud correction add``)."""
        records = self.records
        if records is None or not records.may_edit:
            return
        answer = CorrectionDialog.ask(
            self.plan_page.window(), records.entity, records.period, records.grades)
        if answer is None:
            return
        keys = self._key_store()
        entity_id, period = records.entity_id, records.period
        self._write(lambda s: s.records(keys).add_correction(
            entity_id, period, points=answer.points, cap_grade=answer.cap_grade,
            reason=answer.reason))

    def withdraw_selected(self) -> None:
        """Ask why and withdraw the chosen correction (as ``ombud correction withdraw``)."""
        chosen = self.selected_correction()
        if self.records is None or not self.records.may_edit or chosen is None:
            return
        if chosen.get("withdrawn"):
            return
        reason = alerts.ask_text(
            self.plan_page.window(),
            self.tr("Withdraw the correction"),
            self.tr("Why is “%1” withdrawn? The correction stays listed as withdrawn.")
            .replace("%1", str(self.correction_model.data(
                self.corrections_table.currentIndex().siblingAtColumn(
                    CorrectionColumn.CORRECTION)))),
            multiline=True,
        )
        if not reason:
            return
        keys = self._key_store()
        correction_id = str(chosen["id"])
        self._write(lambda s: s.records(keys).withdraw(correction_id, reason))


__all__ = ["ID_ROLE", "RecordsPanels"]
