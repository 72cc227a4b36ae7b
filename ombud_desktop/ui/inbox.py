"""Sync by folder (supervisor): watch the inbox, import new packages, say so, show the receipt.

Network shares do not always send file-system notifications, so the inbox is polled every few
seconds (a QTimer); a QFileSystemWatcher only makes the next look come sooner. Every look runs
``InboxWatcher.sync`` on the store thread, one at a time: the GUI thread never touches the
folder or the workspace. The receiving key's passphrase (for personal data) is asked once per
session, the first time packages are ready; without it they are imported with personal data
locked, and the receipt says so.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QFileSystemWatcher,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.errors import OmbudError
from ombud_desktop.ui.messages import describe
from ombud_desktop.ui.ops import Store, StoreThread

if TYPE_CHECKING:
    from ombud_desktop.packages.keys import KeyStore
    from ombud_desktop.services.merge import MergeReport

Index = QModelIndex | QPersistentModelIndex
POLL_MS = 5_000
SETTLE_SECONDS = 2.0


class InboxSync(QObject):
    """Look at the inbox folder now and then and import what has arrived (store thread)."""

    imported = Signal(object)  # a MergeReport that imported or refused something
    failed = Signal(object)  # an error of a whole look (e.g. the disk is full)

    def __init__(
        self,
        store: StoreThread,
        keys: Callable[[], KeyStore],
        ask_passphrase: Callable[[], str | None],
        *,
        interval_ms: int = POLL_MS,
        settle: float = SETTLE_SECONDS,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.keys = keys
        self.ask_passphrase = ask_passphrase
        self.settle = settle
        self.folder: Path | None = None
        self._watcher: Any = None  # the core's InboxWatcher, used on the store thread only
        self._busy = False
        self._passphrase: str | None = None
        self._passphrase_asked = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.look)
        self.fs_watcher = QFileSystemWatcher(self)
        self.fs_watcher.directoryChanged.connect(self._changed)
        self.fs_watcher.fileChanged.connect(self._changed)

    @property
    def busy(self) -> bool:
        """Return True while a look at the inbox is running."""
        return self._busy

    def set_folder(self, folder: Path | None) -> None:
        """Watch ``folder`` (None: stop watching)."""
        from ombud_desktop.services.sync import InboxWatcher

        if self.fs_watcher.directories():
            self.fs_watcher.removePaths(self.fs_watcher.directories())
        self.folder = folder
        if folder is None:
            self.timer.stop()
            self._watcher = None
            return
        self._watcher = InboxWatcher(folder, settle=self.settle)
        if folder.is_dir():
            self.fs_watcher.addPath(str(folder))
        self.timer.start()
        QTimer.singleShot(0, self.look)

    def _changed(self, _path: str) -> None:
        # A file being copied changes many times: look once it may have settled.
        QTimer.singleShot(int(self.settle * 1000) + 100, self.look)

    def look(self) -> None:
        """Look at the inbox off the GUI thread; import what is ready (skipped while busy).

        The look itself (file sizes and times) runs on the reader thread, so an inbox with
        nothing new causes no write job (a write tells other windows to score again); only an
        import runs on the store thread, in turn with the answers being saved.
        """
        if self._busy or self._watcher is None:
            return
        self._busy = True
        watcher, keys = self._watcher, self.keys()
        ask = not self._passphrase_asked

        def check(_s: Store) -> str:
            if not watcher.ready():
                return "nothing"
            return "ask" if ask and keys.has_receiving_key() else "ready"

        self.store.submit(check, on_done=self._looked, on_error=self._look_failed, write=False)

    def _looked(self, kind: str) -> None:
        if not shiboken6.isValid(self):
            return
        if kind == "ask":
            # Still busy while the question is open: a look meanwhile would import without.
            self._passphrase_asked = True
            self._passphrase = self.ask_passphrase()
            kind = "ready"
        if kind != "ready":
            self._busy = False
            return
        watcher, keys, passphrase = self._watcher, self.keys(), self._passphrase
        if watcher is None:  # stopped while asking
            self._busy = False
            return

        def run(s: Store) -> Any:
            from ombud_desktop.services.packages import PackageService

            return watcher.sync(PackageService(s.workspace, keys), passphrase=passphrase)

        self.store.submit(run, on_done=self._synced, on_error=self._look_failed)

    def _synced(self, report: MergeReport | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._busy = False
        if report is not None:
            self.imported.emit(report)

    def _look_failed(self, exc: BaseException) -> None:
        if shiboken6.isValid(self):
            self._busy = False
            # Said once, not every few seconds: looking again waits until the inbox is set
            # again (Settings › Inbox folder…) or the app starts again.
            self.timer.stop()
            self.failed.emit(exc)


# -- what a sync did ------------------------------------------------------------------------------


def notification_text(report: MergeReport) -> str:
    """Return the one line that says what arrived ("3 new package(s) imported, 1 conflict(s)")."""
    imported = sum(1 for r in report.receipts if not r.nothing_new)
    conflicts = sum(len(a.conflicts) for r in report.receipts for a in r.assessments)
    parts = [QCoreApplication.translate("inbox", "%n new package(s) imported", None, imported)]
    if conflicts:
        parts.append(QCoreApplication.translate("inbox", "%n conflict(s)", None, conflicts))
    refused = len(report.refused)
    if refused:
        parts.append(QCoreApplication.translate("inbox", "%n refused", None, refused))
    return ", ".join(parts)


def worth_telling(report: MergeReport) -> bool:
    """Return True when a sync imported or refused something."""
    return bool(report.refused) or any(not r.nothing_new for r in report.receipts)


def status_word(status: str) -> str:
    """Return the receipt's word for what happened to an assessment."""
    return {
        "new": QCoreApplication.translate("inbox", "New"),
        "updated": QCoreApplication.translate("inbox", "Updated"),
        "conflicts": QCoreApplication.translate("inbox", "Conflicts"),
        "already_present": QCoreApplication.translate("inbox", "Already here"),
        "refused": QCoreApplication.translate("inbox", "Refused"),
    }.get(status, status)


def personal_words(state: str) -> str:
    """Return the receipt's words for what happened to the personal data ("" for none)."""
    return {
        "imported": QCoreApplication.translate("inbox", "personal data imported"),
        "withheld": QCoreApplication.translate("inbox", "personal data withheld by the sender"),
        "locked": QCoreApplication.translate(
            "inbox",
            "personal data locked: give the receiving key's passphrase and import again",
        ),
        "other_recipient": QCoreApplication.translate(
            "inbox", "personal data encrypted to another supervisor"
        ),
    }.get(state, "")


def receipt_rows(report: MergeReport) -> list[dict[str, str]]:
    """Return one row per package and assessment: file, place, result and details in words."""
    rows = []
    for receipt in report.receipts:
        for entry in receipt.assessments:
            details = []
            n = entry.added
            if n:
                details.append(QCoreApplication.translate("inbox", "%n change(s) added", None, n))
            if entry.conflicts:
                cells = ", ".join(_cell_code(c) for c in entry.conflicts)
                details.append(
                    QCoreApplication.translate("inbox", "conflicting edits: %1").replace(
                        "%1", cells
                    )
                )
            if personal_words(entry.personal_data):
                details.append(personal_words(entry.personal_data))
            rows.append(
                {
                    "file": receipt.path.name,
                    "place": f"{entry.entity} › {entry.locus} ({entry.period})",
                    "result": status_word(entry.status),
                    "status": entry.status,
                    "details": "; ".join(details),
                }
            )
    for path, exc in report.refused:
        rows.append(
            {
                "file": path.name,
                "place": "–",
                "result": status_word("refused"),
                "status": "refused",
                "details": " ".join(t for t in _reason(exc) if t),
            }
        )
    return rows


def _cell_code(conflict: dict[str, Any]) -> str:
    """Return the answer a conflict is in, as its code ("IN08", "PR01@P1.electronic")."""
    parts = str(conflict.get("cell", "")).split(" ")
    return parts[1] if len(parts) == 3 and parts[0] in ("response", "note") else " ".join(parts)


def _reason(exc: BaseException) -> tuple[str, str]:
    if isinstance(exc, OmbudError):
        return describe(exc)
    return str(exc), ""


class ReceiptColumn(IntEnum):
    """The columns of the receipt."""

    FILE = 0
    PLACE = 1
    RESULT = 2
    DETAILS = 3


class ReceiptModel(QAbstractTableModel):
    """Adapt receipt rows (see :func:`receipt_rows`) to a table."""

    def __init__(self, rows: list[dict[str, str]] | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._rows = list(rows or [])

    def set_rows(self, rows: list[dict[str, str]]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of rows (0 under any parent)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under any parent)."""
        return 0 if parent.isValid() else len(ReceiptColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            {
                ReceiptColumn.FILE: self.tr("Package"),
                ReceiptColumn.PLACE: self.tr("Entity › locus"),
                ReceiptColumn.RESULT: self.tr("Result"),
                ReceiptColumn.DETAILS: self.tr("Details"),
            }.get(ReceiptColumn(section))
            if 0 <= section < len(ReceiptColumn)
            else None
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's words."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        key = ("file", "place", "result", "details")[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[key]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Return selectable and enabled: the receipt is read-only."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled


class ReceiptDialog(QDialog):
    """The receipt of what arrived in the inbox: per package and assessment, what happened."""

    def __init__(self, parent: QWidget | None, report: MergeReport):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Receipt of the inbox"))
        self.resize(980, 420)
        layout = QVBoxLayout(self)
        self.summary = QLabel(notification_text(report))
        self.summary.setStyleSheet("font-weight: bold;")
        layout.addWidget(self.summary)
        self.model = ReceiptModel(receipt_rows(report), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        char = self.fontMetrics().averageCharWidth()
        for column, chars in ((ReceiptColumn.FILE, 30), (ReceiptColumn.PLACE, 40),
                              (ReceiptColumn.RESULT, 14)):  # fmt: skip
            header.resizeSection(column, chars * char)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def show_for(cls, parent: QWidget | None, report: MergeReport) -> None:
        """Show the receipt (modal) until the user closes it."""
        dialog = cls(parent, report)
        dialog.exec()


class InboxNotice(QWidget):
    """The status bar's note that packages arrived, with a button to open the receipt."""

    receipt_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setStyleSheet(
            "background: #E3ECF9; color: #0B2545; border-radius: 3px; padding: 2px 8px;"
        )
        self.button = QPushButton(self.tr("Receipt…"))
        self.button.setToolTip(self.tr("What each package brought, and what was refused"))
        self.button.clicked.connect(lambda: self.receipt_requested.emit())
        self.close_button = QPushButton("×")
        self.close_button.setFlat(True)
        self.close_button.setToolTip(self.tr("Hide this note"))
        self.close_button.setFixedWidth(24)
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        layout.addWidget(self.close_button)
        self.report: MergeReport | None = None
        self.hide()

    def tell(self, report: MergeReport) -> None:
        """Show what ``report`` imported."""
        self.report = report
        self.label.setText(notification_text(report))
        self.show()
