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
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QFileSystemWatcher,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

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
        settings: Any = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.keys = keys
        self.ask_passphrase = ask_passphrase
        self.settings = settings  # where the backups go that undo the merges (the settings')
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
        if self.fs_watcher.directories():
            self.fs_watcher.removePaths(self.fs_watcher.directories())
        self.folder = folder
        if folder is None:
            self.timer.stop()
            self._watcher = None
            return
        from ombud_desktop.services.sync import InboxWatcher  # the importer: only when watching

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
            if watcher.ready():
                return "ask" if ask and keys.has_receiving_key() else "ready"
            return "ready" if watcher.left_alone() else "nothing"  # conflict copies: say so

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

        settings = self.settings

        def run(s: Store) -> Any:
            place = s.care().place(settings)
            return s.packages(keys).sync(watcher, passphrase=passphrase, place=place)

        self.store.submit(run, on_done=self._synced, on_error=self._look_failed, initiator=self)

    def _synced(self, synced: Any) -> None:
        if not shiboken6.isValid(self):
            return
        report: MergeReport | None = synced.value
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
    copies = len(getattr(report, "conflict_copies", ()))
    if copies:
        parts.append(
            QCoreApplication.translate("inbox", "%n conflict copy(ies) not imported", None, copies)
        )
    cloud = len(getattr(report, "not_downloaded", ()))
    if cloud:
        parts.append(
            QCoreApplication.translate("inbox", "%n not downloaded yet", None, cloud)
        )
    if not report.receipts and not refused and (copies or cloud):
        parts.pop(0)  # only what the sync tool left: "0 new packages" says nothing
    return ", ".join(parts)


def left_alone_tooltip(report: MergeReport) -> str:
    """Return the names of the files the inbox left alone on purpose, one a line."""
    lines = [
        QCoreApplication.translate("inbox", "Conflict copy (not imported): %1").replace(
            "%1", path.name
        )
        for path in getattr(report, "conflict_copies", ())
    ]
    lines += [
        QCoreApplication.translate(
            "inbox", "Not downloaded yet (make the inbox available offline): %1"
        ).replace("%1", path.name)
        for path in getattr(report, "not_downloaded", ())
    ]
    return "\n".join(lines)


def worth_telling(report: MergeReport) -> bool:
    """Return True when a sync imported or refused something, or left files alone."""
    return (
        bool(report.refused)
        or any(not r.nothing_new for r in report.receipts)
        or bool(getattr(report, "conflict_copies", ()))
        or bool(getattr(report, "not_downloaded", ()))
    )


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
        self.label.setToolTip(left_alone_tooltip(report))
        self.show()
