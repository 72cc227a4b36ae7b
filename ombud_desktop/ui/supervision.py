"""The supervisor's part of the main window: conflicts, review, the inbox.

Installed on the main window with one call (:meth:`SupervisorActions.install`); it adds menu
actions, the home list's Approve and Return for correction…, the open-conflicts badge, and the
inbox watcher with its status bar note. Every read and write runs on the store thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QToolButton

from ombud_desktop import settings as setting
from ombud_desktop.errors import OmbudError
from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.inbox import InboxNotice, InboxSync, worth_telling

if TYPE_CHECKING:
    from ombud_desktop.packages.keys import KeyStore
    from ombud_desktop.services.merge import MergeReport


# The main window that installs these actions (its home list, key session, menus and status bar).
# Not imported, not even for type checking: main_window imports this module, and the layers
# stay free of cycles.
MainWindow = QMainWindow


class SupervisorActions(QObject):
    """Conflicts window, review actions and inbox sync for one main window."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.window = window
        self.store = window.store
        self.settings = window.settings
        self._keys: KeyStore | None = None
        self.conflicts_window: Any = None
        self.last_report: MergeReport | None = None
        self._build_actions()
        self.badge = QToolButton()
        self.badge.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.badge.setStyleSheet(
            "QToolButton { background: #FFF4D6; color: #4A3500; border: 1px solid #D9A520;"
            " border-radius: 4px; padding: 3px 8px; font-weight: bold; }"
        )
        self.badge.setToolTip(self.tr("Edits of the same answer made on two devices: choose one"))
        self.badge.clicked.connect(self.show_conflicts)
        self.badge.hide()
        window.home.add_toolbar_widget(self.badge)
        window.home.loaded.connect(self._rows_loaded)
        if self.supervisor:
            window.home.add_context_action(self.approve_action)
            window.home.add_context_action(self.return_action)
        self.notice = InboxNotice()
        self.notice.receipt_requested.connect(self.show_receipt)
        window.statusBar().addWidget(self.notice)
        self.inbox = InboxSync(self.store, lambda: self.keys, self._ask_receiving_passphrase,
                               settings=self.settings, parent=self)  # fmt: skip
        self.inbox.imported.connect(self._imported)
        self.inbox.failed.connect(lambda exc: alerts.error(self.window, exc))
        folder = self.settings.get(setting.INBOX)
        if folder and self.supervisor:
            self.inbox.set_folder(Path(folder))
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Stop watching the inbox when the window closes (the store closes after it)."""
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.inbox.set_folder(None)
        return False

    @classmethod
    def install(cls, window: MainWindow) -> SupervisorActions:
        """Add the supervisor's actions to ``window``; return them."""
        return cls(window)

    @property
    def supervisor(self) -> bool:
        """Return True when the user set up the app as a supervisor."""
        return self.settings.get(setting.ROLE) == "supervisor"

    @property
    def keys(self) -> KeyStore:
        """Return the user's key store: the window's key session's (opened when first needed)."""
        if self._keys is not None:
            return self._keys
        return self.window.packages.session.keys

    @keys.setter
    def keys(self, keys: KeyStore) -> None:
        self._keys = keys

    # -- actions -------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.conflicts_action = QAction(self.tr("&Conflicts…"), self)
        self.conflicts_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.conflicts_action.setToolTip(self.tr("Edits of the same answer made on two devices"))
        self.conflicts_action.triggered.connect(lambda _checked=False: self.show_conflicts())
        self.approve_action = QAction(self.tr("A&pprove"), self)
        self.approve_action.setToolTip(self.tr("Approve the assessment (your name and the time)"))
        self.approve_action.triggered.connect(lambda _checked=False: self.approve_selected())
        self.return_action = QAction(self.tr("Return for &correction…"), self)
        self.return_action.setToolTip(
            self.tr("Send the assessment back to its assessor with comments")
        )
        self.return_action.triggered.connect(lambda _checked=False: self.return_selected())
        self.inbox_action = QAction(self.tr("&Inbox folder…"), self)
        self.inbox_action.setToolTip(
            self.tr("The folder where assessors' packages arrive (shared folder, USB stick)")
        )
        self.inbox_action.triggered.connect(lambda _checked=False: self.choose_inbox())

    def fill_file_menu(self, menu: QMenu) -> None:
        """Add Conflicts… to the File menu."""
        menu.addAction(self.conflicts_action)

    def fill_settings_menu(self, menu: QMenu) -> None:
        """Add Inbox folder… to the Settings menu (supervisors)."""
        if self.supervisor:
            menu.addAction(self.inbox_action)

    # -- conflicts -----------------------------------------------------------------------------

    def show_conflicts(self) -> None:
        """Open the conflicts window, or bring it to the front (refreshed)."""
        if self.conflicts_window is None or not shiboken6.isValid(self.conflicts_window):
            from ombud_desktop.ui.conflicts import ConflictsWindow

            self.conflicts_window = ConflictsWindow(
                self.store, self.window.language, self.settings, parent=self.window
            )
        self.conflicts_window.show()
        self.conflicts_window.raise_()
        self.conflicts_window.activateWindow()

    def _rows_loaded(self) -> None:
        total = sum(int(row.get("conflicts") or 0) for row in self.window.home.model.rows())
        self.badge.setText(self.tr("⚠ %n conflict(s)", "", total))
        self.badge.setVisible(total > 0)

    # -- review --------------------------------------------------------------------------------

    def _selected(self) -> dict[str, Any] | None:
        home = self.window.home
        assessment_id = home.selected_id()
        if assessment_id is None:
            return None
        row = home.model.row_of(assessment_id)
        return None if row is None else home.model.row_data(row)

    def approve_selected(self) -> None:
        """Approve the selected assessment, after asking."""
        item = self._selected()
        if item is None:
            return
        question = (
            self.tr("Approve the assessment of %1 (%2, %3)?")
            .replace("%1", item["locus"])
            .replace("%2", item["entity"])
            .replace("%3", item["period"])
        )
        if not alerts.confirm(
            self.window, self.tr("Approve"), question, ok_text=self.tr("Approve")
        ):
            return
        self._approve(item, despite_doubts=False)

    def _approve(self, item: dict[str, Any], *, despite_doubts: bool) -> None:
        aid = item["id"]

        def failed(exc: BaseException) -> None:
            doubts = exc.data.get("reasons") if isinstance(exc, OmbudError) else None
            if not doubts or getattr(exc, "code", "") != "approve_in_doubt":
                alerts.error(self.window, exc)
                return
            question = self.tr(
                "This assessment is not finished or is provisional:\n\n%1\n\nApprove it anyway?"
            ).replace("%1", "\n".join(f"• {doubt}" for doubt in doubts[:12]))
            if alerts.confirm(
                self.window, self.tr("Approve"), question, ok_text=self.tr("Approve anyway")
            ):
                self._approve(item, despite_doubts=True)

        self.store.submit(
            lambda s: s.review.approve(aid, despite_doubts=despite_doubts),
            on_done=lambda _r: self._reviewed(self.tr("Approved: %1").replace("%1", item["locus"])),
            on_error=failed,
        )

    def return_selected(self) -> None:
        """Ask for comments and return the selected assessment; offer the package."""
        item = self._selected()
        if item is None:
            return

        aid = item["id"]
        self.store.submit(
            lambda s: s.assessments.instrument_of(aid),
            on_done=lambda instrument: self._ask_return(item, instrument),
            on_error=lambda exc: alerts.error(self.window, exc),
        )

    def _ask_return(self, item: dict[str, Any], instrument: Any) -> None:
        from ombud_desktop.ui.review import ReturnDialog

        aid = item["id"]
        place = f"{item['entity']} › {item['locus']} ({item['period']})"
        answer = ReturnDialog.ask(self.window, instrument, self.window.language, place)
        if answer is None:
            return

        def done(_result: object) -> None:
            self._reviewed(self.tr("Returned for correction: %1").replace("%1", item["locus"]))
            self.offer_package(aid, item["locus"])

        self.store.submit(
            lambda s: s.review.return_for_correction(
                aid, answer.comment, answer.indicator_comments
            ),
            on_done=done,
            on_error=lambda exc: alerts.error(self.window, exc),
        )

    def _reviewed(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 10_000)

    def offer_package(self, assessment_id: str, locus: str) -> None:
        """Offer to write the returned assessment's package for its assessor to the outbox.

        The package is written by the export flow of *Berkas › Ekspor paket…* (the signing key
        is unlocked once per session, the outbox is its setting).
        """
        from ombud_desktop.ui.packages.session import outbox_folder

        question = (
            self.tr("Write the package of %1 for the assessor now?\n\nIt goes to the outbox: %2")
            .replace("%1", locus)
            .replace("%2", str(outbox_folder(self.settings)))
        )
        if alerts.confirm(
            self.window, self.tr("Package for the assessor"), question,
            ok_text=self.tr("Write package"),
        ):  # fmt: skip
            self.window.packages.export([assessment_id])

    # -- inbox ---------------------------------------------------------------------------------

    def choose_inbox(self) -> None:
        """Choose the inbox folder (or stop watching one)."""
        current = self.settings.get(setting.INBOX)
        folder = QFileDialog.getExistingDirectory(
            self.window, self.tr("Inbox folder"), str(files.start_folder(current))
        )
        if folder:
            self.set_inbox(Path(folder))
        elif current and alerts.confirm(
            self.window,
            self.tr("Inbox folder"),
            self.tr("Stop watching %1?").replace("%1", current),
            ok_text=self.tr("Stop watching"),
        ):
            self.set_inbox(None)

    def set_inbox(self, folder: Path | None) -> None:
        """Watch ``folder`` for packages from now on (None: stop)."""
        self.settings.set(setting.INBOX, str(folder) if folder else "")
        self.inbox.set_folder(folder)
        if folder is not None:
            self.window.statusBar().showMessage(
                self.tr("Watching the inbox: %1").replace("%1", str(folder)), 10_000
            )

    def _ask_receiving_passphrase(self) -> str | None:
        from ombud_desktop.ui.dialogs.passphrase import SKIPPED, PassphraseDialog

        keys = self.keys

        def check(passphrase: str) -> str:
            keys.receiving_key(passphrase)
            return passphrase

        answer = PassphraseDialog.ask_unlock(
            self.window,
            self.tr("Packages in the inbox"),
            self.tr(
                "Packages have arrived. Type the passphrase of your receiving key to open the "
                "respondents' personal data, or skip to import them without it (it stays "
                "locked; importing again with the passphrase adds it). Asked once per session."
            ),
            check,
            skip_text=self.tr("&Skip"),
        )
        return answer if isinstance(answer, str) and answer != SKIPPED else None

    def _imported(self, report: MergeReport) -> None:
        if not worth_telling(report):
            return
        self.last_report = report
        self.notice.tell(report)

    def show_receipt(self) -> None:
        """Show the receipt of the last packages the inbox brought (the import's receipt)."""
        if self.last_report is None:
            return
        from ombud_desktop.ui.dialogs.package_results import ReceiptDialog

        self.notice.hide()
        parts = self.receipt_parts(self.last_report)
        copies = getattr(self.last_report, "conflict_copies", [])
        if copies:  # the sync tool's conflict copies, listed apart
            ReceiptDialog.show_for(self.window, *parts, copies)
        else:
            ReceiptDialog.show_for(self.window, *parts)

    def receipt_parts(self, report: MergeReport) -> tuple[list[Any], list[Any]]:
        """Return the receipts and the refusals (worded) of a sync, for the receipt dialog."""
        refusals = [self.window.packages._refusal(path, exc) for path, exc in report.refused]
        return report.receipts, refusals
