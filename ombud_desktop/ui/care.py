"""Keeping the workspace safe from the app: *Cadangkan sekarang*, *Pulihkan dari cadangan…*,
*Periksa ruang kerja*, the backup folder and count, and the automatic backup once a day.

Backups run on the store's reader thread (``write=False``): the copy uses its own connection
(SQLite's backup API), so saving answers goes on meanwhile. The doctor looks on the reader and
repairs on the writer. Restoring replaces the open workspace, so the application does it
(``restore_requested``): it closes the workspace, restores, and opens the restored one.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from ombud_desktop import settings as setting
from ombud_desktop.files import remove_leftover_parts
from ombud_desktop.settings import Settings
from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.packages.session import outbox_folder

# How often the app looks whether the day's backup is due (it is made once a day).
DAILY_CHECK_MS = 60 * 60 * 1000
FIRST_CHECK_MS = 20 * 1000  # after start, once the first screens have been read


class WorkspaceCare(QObject):
    """The backup, restore and doctor actions of one main window."""

    restore_requested = Signal(object)  # Path of a checked backup the user chose to restore
    finished = Signal()  # a backup, check or repair has ended (tests wait for it)

    def __init__(self, window: QWidget, store: StoreThread, settings: Settings):
        super().__init__(window)
        self.window = window
        self.store = store
        self.settings = settings
        self.last_backup: Any = None
        self.last_report: Any = None
        self.backup_action = self._action(self.tr("&Back up now"), self.back_up_now)
        self.restore_action = self._action(self.tr("Res&tore from backup…"), self.choose_restore)
        self.doctor_action = self._action(self.tr("Check &workspace"), self.check)
        self.folder_action = self._action(self.tr("&Backup folder…"), self.choose_folder)
        self.keep_action = self._action(self.tr("&Number of backups kept…"), self.choose_keep)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.daily_backup)

    @classmethod
    def install(cls, window: Any, *, automatic: bool = True) -> WorkspaceCare:
        """Give the main window its backup and doctor actions; start the daily backup."""
        care = cls(window, window.store, window.settings)
        if automatic:
            QTimer.singleShot(FIRST_CHECK_MS, care.daily_backup)
            care.clean_outbox()
            care.timer.start(DAILY_CHECK_MS)
        return care

    def fill_file_menu(self, menu: QMenu) -> None:
        """Add back up, restore and check to the File menu."""
        menu.addSeparator()
        menu.addAction(self.backup_action)
        menu.addAction(self.restore_action)
        menu.addAction(self.doctor_action)

    def fill_settings_menu(self, menu: QMenu) -> None:
        """Add the backup folder and how many are kept to the Settings menu."""
        menu.addAction(self.folder_action)
        menu.addAction(self.keep_action)

    def _action(self, text: str, slot: Any) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _status(self, text: str) -> None:
        status = getattr(self.window, "statusBar", None)
        if status is not None:
            status().showMessage(text, 15000)

    # -- backups -------------------------------------------------------------------------------

    def back_up_now(self) -> None:
        """Back up the workspace now, into the backup folder."""
        settings = self.settings
        self._status(self.tr("Backing up the workspace…"))
        self.store.submit(
            lambda s: s.care().back_up(s.care().place(settings)),
            on_done=self._backed_up,
            on_error=self._failed,
            write=False,
        )

    def clean_outbox(self) -> None:
        """Remove the half-written packages a killed export left in the outbox (at start)."""
        folder = outbox_folder(self.settings)
        self.store.submit(
            lambda _s: remove_leftover_parts(folder), on_error=lambda _error: None, write=False
        )

    def daily_backup(self) -> None:
        """Make the day's automatic backup unless one was made today."""
        settings = self.settings
        try:
            self.store.submit(
                lambda s: s.care().backup_if_due(s.care().place(settings)),
                on_done=lambda report: report is not None and self._backed_up(report),
                on_error=self._failed,
                write=False,
            )
        except RuntimeError:  # the workspace was closed (a restore, the app quitting)
            self.timer.stop()

    def _backed_up(self, report: Any) -> None:
        self.last_backup = report
        self._status(self.tr("Backup made: %1").replace("%1", str(report.backup.path)))
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self._status(self.tr("The backup failed; the earlier backups are untouched."))
        alerts.error(self.window, error)
        self.finished.emit()

    def choose_folder(self) -> None:
        """Choose the folder backups are made in (a USB stick or another disk will do)."""
        chosen = self.settings.get(setting.BACKUP_FOLDER)
        start = files.start_folder(chosen)
        folder = files.ask_folder(self.window, self.tr("Backup folder"), start)
        if folder is not None:
            self.settings.set(setting.BACKUP_FOLDER, str(folder))
            self._status(self.tr("Backups go to %1").replace("%1", str(folder)))

    def choose_keep(self) -> None:
        """Choose how many backups are kept (the oldest are removed)."""
        number, ok = QInputDialog.getInt(
            self.window,
            self.tr("Backups kept"),
            self.tr("How many backups to keep (the oldest are removed):"),
            self.settings.get(setting.BACKUP_KEEP),
            1,
            365,
        )
        if ok:
            self.settings.set(setting.BACKUP_KEEP, number)

    # -- restore -------------------------------------------------------------------------------

    def choose_restore(self) -> None:
        """Choose a backup, check it, and (after a question) ask the app to restore it."""
        settings = self.settings

        def folder(s: Any) -> Path:
            return s.care().place(settings).folder

        self.store.submit(folder, on_done=self._ask_backup, on_error=self._failed, write=False)

    def _ask_backup(self, folder: Path) -> None:
        start = files.start_folder(folder)
        chosen = files.ask_folder(self.window, self.tr("Choose a backup (a cadangan-… folder)"),
                                  start)
        if chosen is None:
            return
        self.store.submit(
            lambda s: s.care().check_backup(chosen),
            on_done=self._confirm_restore,
            on_error=self._failed,
            write=False,
        )

    def _confirm_restore(self, checked: tuple[Any, list[str]]) -> None:
        backup, problems = checked
        if problems:
            alerts.error(
                self.window,
                self.tr("This backup is damaged and cannot be restored: %1. Nothing was changed.")
                .replace("%1", "; ".join(problems[:3])),
            )
            return
        text = self.tr(
            "Restore the backup of %1 (%2 assessments)?\n\nThe current workspace is kept "
            "aside, beside it, never overwritten; the app then opens the restored one."
        ).replace("%1", backup.created_at[:16].replace("T", " ")).replace(
            "%2", str(len(backup.digests))
        )
        if alerts.confirm(self.window, self.tr("Restore from backup"), text,
                          ok_text=self.tr("Restore")):
            self.restore_requested.emit(backup.path)

    # -- the doctor ----------------------------------------------------------------------------

    def check(self) -> None:
        """Check the workspace, show what was found, and repair it if the user asks."""
        settings = self.settings
        self.store.submit(
            lambda s: s.care().examine(
                repair=False, outbox=outbox_folder(settings), place=s.care().place(settings)
            ),
            on_done=self._checked,
            on_error=self._failed,
            write=False,
        )

    def _checked(self, report: Any) -> None:
        from ombud_desktop.ui.dialogs.doctor import DoctorDialog

        self.last_report = report
        self.finished.emit()
        if DoctorDialog.ask(self.window, report):
            settings = self.settings
            self.store.submit(
                lambda s: s.care().examine(
                    repair=True, outbox=outbox_folder(settings), place=s.care().place(settings)
                ),
                on_done=self._repaired,
                on_error=self._failed,
                initiator=self,
            )

    def _repaired(self, written: Any) -> None:
        from ombud_desktop.ui.dialogs.doctor import DoctorDialog

        self.last_report = written.value
        self.finished.emit()
        DoctorDialog.ask(self.window, written.value)

