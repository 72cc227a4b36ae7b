"""The entity view's inputs page: public trust, secondary data and products followed.

:class:`InputsPanel` reads one entity's inputs in a period on the store thread
(``entity_inputs(keys).of_entity``: the service ``ombud trust …``, ``ombud secondary …`` and
``ombud products …`` use) and shows them on one page. A supervisor of the entity's province, or
pusat, imports a trust file (it may hold many entities: the receipt says what each row did),
records a secondary-data value and whether the products were followed; anyone else sees the
page read-only, the buttons disabled with a tooltip saying why. Each write returns its Changes
and the results window scores again.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.dialogs.inputs import ProductsDialog, SecondaryDialog
from ombud_desktop.ui.models.assessments import format_number
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.widgets.tables import row_table

if TYPE_CHECKING:
    from ombud_desktop.packages.keys import KeyStore
    from ombud_desktop.services.entity_inputs import EntityInputsView, TrustReceipt

_Index = QModelIndex | QPersistentModelIndex


class SecondaryTableModel(QAbstractTableModel):
    """The secondary-data values in force of one entity: indicator, value, source, date, by."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []
        self._headers = [self.tr("Indicator"), self.tr("Value"), self.tr("Source"),
                         self.tr("Date"), self.tr("Entered by")]

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show these values (``InputView.to_json()`` of each)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return row["code"]
        if column == 1:
            return format_number(row["value"])
        if column == 2:
            return row["source"]
        if column == 3:
            return row["as_of"]
        return f"{row['author']}, {str(row['at'])[:10]}"


class InputsPanel(QObject):
    """The inputs page of one entity view, and what its buttons do."""

    loaded = Signal()
    written = Signal()

    def __init__(self, store: StoreThread, keys: Callable[[], KeyStore] | None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.keys = keys
        self.key: tuple[str, str] | None = None
        self.inputs: EntityInputsView | None = None
        self._pending = 0
        self.model = SecondaryTableModel(self)
        self.page = self._build()
        self._set_buttons()

    def _build(self) -> QWidget:
        page = QWidget()
        self.trust_label = QLabel()
        self.trust_label.setWordWrap(True)
        self.products_label = QLabel()
        self.products_label.setWordWrap(True)
        self.secondary_label = QLabel()
        self.secondary_label.setWordWrap(True)
        self.trust_button = QPushButton(self.tr("&Import a trust file…"))
        self.trust_button.clicked.connect(lambda _checked=False: self.import_trust())
        self.products_button = QPushButton(self.tr("&Products followed…"))
        self.products_button.clicked.connect(lambda _checked=False: self.set_products())
        self.secondary_button = QPushButton(self.tr("&Set a secondary value…"))
        self.secondary_button.clicked.connect(lambda _checked=False: self.set_secondary())
        self.table = row_table(self.model)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        char = page.fontMetrics().averageCharWidth()
        for column, chars in ((0, 12), (1, 10), (2, 40), (3, 15)):
            header.resizeSection(column, chars * char)
        grid = QGridLayout()
        grid.addWidget(self.trust_label, 0, 0)
        grid.addWidget(self.trust_button, 0, 1)
        grid.addWidget(self.products_label, 1, 0)
        grid.addWidget(self.products_button, 1, 1)
        grid.addWidget(self.secondary_label, 2, 0)
        grid.addWidget(self.secondary_button, 2, 1)
        grid.setColumnStretch(0, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        return page

    def title(self) -> str:
        """Return the page's tab title."""
        return self.tr("Trust and secondary data")

    # -- reading -------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Return True while a read or write is under way."""
        return self._pending > 0

    def _key_store(self) -> KeyStore | None:
        return self.keys() if self.keys is not None else None

    def load(self, entity_id: str, period: str) -> None:
        """Read the inputs of ``entity_id`` in ``period`` (in the background)."""
        if self.key != (entity_id, period):
            self.inputs = None
            self.model.set_rows([])
            self._show()
        self.key = (entity_id, period)
        keys = self._key_store()
        self._pending += 1
        self.store.submit(
            lambda s: s.entity_inputs(keys).of_entity(entity_id, period),
            on_done=self._later("_loaded"), on_error=self._later("_failed"), write=False,
        )

    def _later(self, method: str) -> Any:
        ref = weakref.ref(self)

        def call(value: Any) -> None:
            panel = ref()
            if panel is not None and shiboken6.isValid(panel):
                panel._pending -= 1
                getattr(panel, method)(value)

        return call

    def _loaded(self, inputs: EntityInputsView) -> None:
        if (inputs.entity_id, inputs.period) != self.key:
            return
        self.inputs = inputs
        self.model.set_rows([{**v.to_json()} for v in inputs.secondary])
        self._show()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        alerts.error(self.page.window(), error)

    def _show(self) -> None:
        inputs = self.inputs
        if inputs is None:
            for label in (self.trust_label, self.products_label, self.secondary_label):
                label.setText("")
            self._set_buttons()
            return
        if inputs.trust is None:
            self.trust_label.setText(self.tr("Public trust: no result imported for this period."))
        else:
            t = inputs.trust
            self.trust_label.setText(
                self.tr("Public trust: %1 (%2 respondents) · %3 · %4, %5")
                .replace("%1", format_number(t.value))
                .replace("%2", str(t.detail["respondents"]))
                .replace("%3", str(t.detail["source"]))
                .replace("%4", t.author).replace("%5", t.at[:10])
            )
        if inputs.products is None:
            self.products_label.setText(
                self.tr("Ombudsman products followed up: not recorded."))
        else:
            p = inputs.products
            answer = self.tr("yes") if p.value else self.tr("no")
            note = f" ({p.detail['note']})" if p.detail.get("note") else ""
            self.products_label.setText(
                self.tr("Ombudsman products followed up: %1%2 · %3, %4")
                .replace("%1", answer).replace("%2", note)
                .replace("%3", p.author).replace("%4", p.at[:10])
            )
        self.secondary_label.setText(
            self.tr("Secondary-data values in force: %1").replace(
                "%1", str(len(inputs.secondary))))
        self._set_buttons()

    # -- who may change them -------------------------------------------------------------------

    def why_not(self) -> str:
        """Return why this user may not change the inputs ("" when they may)."""
        if self.inputs is None:
            return self.tr("The inputs are being read…")
        if self.inputs.why_not is None:
            return ""
        return self.tr(
            "Only a supervisor of %1 (with the supervisor certificate installed) or pusat "
            "records the trust result, secondary data and products followed."
        ).replace("%1", self.inputs.province or "-")

    def _set_buttons(self) -> None:
        why = self.why_not()
        for button, tip in (
            (self.trust_button,
             self.tr("Import the Ombudsman's public-trust results (CSV or Excel: entity, "
                     "province, period, score, respondents)")),
            (self.products_button,
             self.tr("Record whether the entity followed up LAHP and recommendations")),
            (self.secondary_button,
             self.tr("Enter a secondary-data indicator with its source and date")),
        ):
            button.setEnabled(not why)
            button.setToolTip(why or tip)

    # -- writing -------------------------------------------------------------------------------

    def _write(self, job: Callable[[Any], Any], done: str = "_written") -> None:
        self._pending += 1
        self.store.submit(job, on_done=self._later(done), on_error=self._later("_failed"),
                          write=True)

    def _written(self, _result: Any) -> None:
        self.written.emit()
        if self.key is not None:
            self.load(*self.key)

    def import_trust(self) -> None:
        """Ask for a trust file and import it (as ``ombud trust import``)."""
        if self.inputs is None or not self.inputs.may_edit:
            return
        path = files.ask_open_path(
            self.page.window(), self.tr("Import a public-trust file"), Path.home(),
            self.tr("Trust results (*.csv *.xlsx)"),
        )
        if path is None:
            return
        keys = self._key_store()
        self._write(lambda s: s.entity_inputs(keys).import_trust(path), "_imported")

    def _imported(self, written: Any) -> None:
        receipt: TrustReceipt = written.value
        lines = [
            self.tr("%1 new, %2 replaced, %3 unchanged.")
            .replace("%1", str(receipt.count("new")))
            .replace("%2", str(receipt.count("replaced")))
            .replace("%3", str(receipt.count("unchanged")))
        ]
        for line in receipt.lines:
            if line.status == "replaced":
                lines.append(
                    self.tr("%1 (%2): %3 → %4").replace("%1", line.entity)
                    .replace("%2", line.period).replace("%3", format_number(line.old_score))
                    .replace("%4", format_number(line.score))
                )
        alerts.inform(self.page.window(), self.tr("Trust file imported"), "\n".join(lines))
        self._written(written)

    def set_products(self) -> None:
        """Ask whether the products were followed and record it (as ``ombud products set``)."""
        inputs = self.inputs
        if inputs is None or not inputs.may_edit:
            return
        current = inputs.products
        answer = ProductsDialog.ask(
            self.page.window(), inputs.entity, inputs.period,
            None if current is None else bool(current.value),
            "" if current is None else str(current.detail.get("note", "")),
        )
        if answer is None:
            return
        keys = self._key_store()
        entity_id, period = inputs.entity_id, inputs.period
        self._write(lambda s: s.entity_inputs(keys).set_products(
            entity_id, period, answer.followed, answer.note))

    def set_secondary(self) -> None:
        """Ask for a secondary-data value and record it (as ``ombud secondary set``)."""
        inputs = self.inputs
        if inputs is None or not inputs.may_edit:
            return
        index = self.table.currentIndex()
        code = str(inputs.secondary[index.row()].code) if index.isValid() else ""
        answer = SecondaryDialog.ask(self.page.window(), inputs.entity, inputs.period, code)
        if answer is None:
            return
        keys = self._key_store()
        entity_id, period = inputs.entity_id, inputs.period
        self._write(lambda s: s.entity_inputs(keys).set_secondary(
            entity_id, period, answer.code, answer.value, source=answer.source,
            as_of=answer.as_of))
