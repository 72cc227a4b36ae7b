"""The package actions of the main window: export, import (also by drag and drop), verify.

Each package is one job on the store thread; the next is queued when the previous reports
back, so the progress dialog counts "n of m", Cancel stops between two packages, and a
question about one package (trust this signer?) is asked on the GUI thread in between.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMenu, QProgressDialog, QWidget

from ombud_desktop import settings as setting
from ombud_desktop.errors import OmbudError
from ombud_desktop.settings import Settings
from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.dialogs.passphrase import SKIPPED, PassphraseDialog
from ombud_desktop.ui.messages import describe
from ombud_desktop.ui.ops import Store, StoreThread
from ombud_desktop.ui.packages.session import KeySession, outbox_folder, set_outbox_folder

if TYPE_CHECKING:  # the package stack loads on first use, not when the window opens
    from ombud_desktop.packages.export import ExportResult, Signer
    from ombud_desktop.packages.importer import Receipt
    from ombud_desktop.packages.reader import VerifyReport
    from ombud_desktop.ui.dialogs.package_results import Refusal

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")

SUFFIX = ".ombx"  # ombud_desktop.packages.format.SUFFIX (checked by the tests)

logger = logging.getLogger(__name__)


def _service(store: Store, session: KeySession) -> Any:
    return store.packages(session.keys)


def dropped_paths(mime: Any) -> list[Path]:
    """Return the local package files and folders among dropped URLs."""
    paths = []
    for url in mime.urls() if mime is not None and mime.hasUrls() else []:
        if not url.isLocalFile():
            continue
        path = Path(url.toLocalFile())
        if path.is_dir() or path.suffix.lower() == SUFFIX:
            paths.append(path)
    return paths


class _Sequence:
    """Run one job per item on the store thread, one after another, with a progress dialog."""

    def __init__(self, parent: QWidget, label: str, total: int) -> None:
        self.dialog = QProgressDialog(parent)
        self.dialog.setWindowTitle(label)
        self.dialog.setCancelButtonText(translate("PackageActions", "Stop after this package"))
        self.dialog.setRange(0, total)
        self.dialog.setMinimumDuration(0)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.total = total

    def step(self, done: int, text: str) -> None:
        self.dialog.setValue(done)
        self.dialog.setLabelText(
            translate("PackageActions", "%1 of %2: %3")
            .replace("%1", str(min(done + 1, self.total)))
            .replace("%2", str(self.total))
            .replace("%3", text)
        )

    def say(self, text: str) -> None:
        """Show what is done before the first item (nothing counted yet)."""
        self.dialog.setValue(0)
        self.dialog.setLabelText(text)

    @property
    def cancelled(self) -> bool:
        return self.dialog.wasCanceled()

    def close(self) -> None:
        self.dialog.close()
        self.dialog.deleteLater()


class PackageActions(QObject):
    """Export, import and verify packages for one main window; keys and the outbox settings."""

    imported = Signal()  # an import changed the workspace: lists should refresh
    finished = Signal()  # an export, import or verification has ended (tests wait for it)

    def __init__(
        self,
        window: QWidget,
        store: StoreThread,
        settings: Settings,
        session: KeySession,
        selected_ids: Callable[[], list[str]],
    ):
        super().__init__(window)
        self.window = window
        self.store = store
        self._owner_name = ""  # the assessor's name, read in the background
        self._read_owner()
        store.changed.connect(lambda changes, _initiator: changes.profile and self._read_owner())
        self.settings = settings
        self.session = session
        self.selected_ids = selected_ids
        self.busy = False
        self.outbox_label: QLabel | None = None
        self.last_exports: list[ExportResult] = []
        self.last_receipts: list[Receipt] = []
        self.last_refused: list[Refusal] = []
        self.last_reports: list[VerifyReport] = []
        self.export_action = self._action(
            self.tr("&Export package…"), self.export_selected, "Ctrl+E"
        )
        self.export_action.setToolTip(
            self.tr("Write a signed package of each selected assessment into the outbox folder")
        )
        self.import_action = self._action(
            self.tr("&Import packages…"), self.import_chosen, "Ctrl+I"
        )
        self.import_action.setToolTip(
            self.tr("Import packages from your team (you can also drop .ombx files here)")
        )
        self.verify_action = self._action(self.tr("&Verify package…"), self.verify_chosen)
        self.lock_action = self._action(self.tr("&Lock keys"), self.lock)
        self.lock_action.setToolTip(
            self.tr("Forget the unlocked signing key: the next export asks for the passphrase")
        )
        self.keys_action = self._action(self.tr("&Keys…"), self.show_keys)
        self.outbox_action = self._action(self.tr("&Outbox folder…"), self.choose_outbox)
        self._update_actions()

    @classmethod
    def install(cls, window: Any, session: KeySession) -> PackageActions:
        """Give the main window its package actions: drops, the home's context menu, refresh.

        ``window`` is the MainWindow (``store``, ``settings``, ``home``, ``assessment``).
        """

        def selected_ids() -> list[str]:
            view = window.assessment
            if view is not None and window.stack.currentWidget() is view:
                return [view.assessment_id]
            return window.home.selected_ids()

        actions = cls(window, window.store, window.settings, session, selected_ids)
        actions.accept_drops_on(window)
        actions.outbox_label = QLabel()
        actions.outbox_label.setToolTip(
            translate("PackageActions", "Exported packages are written here")
        )
        actions.show_outbox()
        window.statusBar().addPermanentWidget(actions.outbox_label)
        window.home.add_context_action(actions.export_action)
        return actions

    def fill_file_menu(self, menu: QMenu) -> None:
        """Add export, import, verify and lock to the File menu."""
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.addAction(self.import_action)
        menu.addAction(self.verify_action)
        menu.addAction(self.lock_action)

    def fill_settings_menu(self, menu: QMenu) -> None:
        """Add Keys and the outbox folder to the Settings menu."""
        menu.addAction(self.keys_action)
        menu.addAction(self.outbox_action)

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QAction:
        action = QAction(text, self.window)
        if shortcut:
            action.setShortcut(shortcut)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _update_actions(self) -> None:
        self.lock_action.setEnabled(self.session.unlocked)
        for action in (self.export_action, self.import_action, self.verify_action):
            action.setEnabled(not self.busy)

    def _read_owner(self) -> None:
        def keep(profile: dict[str, Any] | None) -> None:
            if shiboken6.isValid(self):
                self._owner_name = str((profile or {}).get("name") or "")

        self.store.submit(lambda s: s.profile(), on_done=keep, on_error=lambda _e: None)

    def _owner(self) -> str:
        return self._owner_name

    # -- settings ------------------------------------------------------------------------------

    def show_keys(self) -> None:
        """Open Settings › Keys."""
        from ombud_desktop.ui.dialogs.keys import KeysDialog

        KeysDialog.show_for(self.window, self.session, owner=self._owner())

    def choose_outbox(self) -> None:
        """Choose the outbox folder packages are exported to."""
        current = outbox_folder(self.settings)
        start = files.start_folder(current)
        folder = files.ask_folder(self.window, self.tr("Outbox folder"), start)
        if folder is not None:
            set_outbox_folder(self.settings, folder)
            self.show_outbox()

    def show_outbox(self) -> None:
        """Show the outbox folder in the status bar."""
        if self.outbox_label is not None:
            self.outbox_label.setText(
                self.tr("Outbox: %1").replace("%1", str(outbox_folder(self.settings)))
            )

    def lock(self) -> None:
        """Forget the unlocked signing key."""
        self.session.lock()
        self._update_actions()

    # -- export --------------------------------------------------------------------------------

    def unlocked_signer(self) -> Signer | None:
        """Return the session's signer, asking for the passphrase (or a new key) if needed."""
        if self.session.signer is not None:
            return self.session.signer
        from ombud_desktop.packages.export import Signer
        from ombud_desktop.ui.dialogs.keys import create_signing_key

        keys = self.session.keys
        owner = self._owner()
        if not keys.has_signing_key():
            if not alerts.confirm(
                self.window,
                self.tr("No signing key"),
                self.tr(
                    "Packages are signed with your signing key, and you have none yet. "
                    "Create it now?"
                ),
                ok_text=self.tr("Create signing key…"),
            ):
                return None
            if not create_signing_key(self.window, self.session, owner):
                return None

        def unlock(passphrase: str) -> Signer:
            return Signer(keys.signing_key(passphrase), owner or keys.signing_key_info().owner)

        signer = PassphraseDialog.ask_unlock(
            self.window,
            self.tr("Unlock signing key"),
            self.tr(
                "Type the passphrase of your signing key. It stays unlocked until you "
                "close Ombud Desktop or choose File › Lock keys."
            ),
            unlock,
        )
        if not isinstance(signer, Signer):
            return None
        self.session.signer = signer
        self._update_actions()
        return signer

    def export_selected(self) -> None:
        """Export each selected assessment as one signed package into the outbox folder."""
        ids = self.selected_ids()
        if not ids:
            alerts.inform(
                self.window,
                self.tr("Export package"),
                self.tr("Select one or more assessments in the list first."),
            )
            return
        self.export(ids)

    def export(self, ids: list[str]) -> None:
        """Export the assessments ``ids`` (asks for the passphrase once per session)."""
        if self.busy:
            return
        signer = self.unlocked_signer()
        if signer is None:
            return
        outbox = outbox_folder(self.settings)
        session = self.session
        progress = _Sequence(self.window, self.tr("Exporting packages"), len(ids))
        results: list[ExportResult] = []
        failures: list[tuple[str, BaseException]] = []
        self._start()

        def run(number: int) -> None:
            if number == len(ids) or progress.cancelled:
                progress.close()
                self._export_done(outbox, results, failures, len(ids))
                return
            progress.step(number, ids[number][:8])
            aid = ids[number]
            self.store.submit(
                lambda s: _service(s, session).export_signed([aid], outbox, signer)[0],
                on_done=lambda result: (results.append(result), run(number + 1)),
                on_error=lambda exc: (failures.append((aid, exc)), run(number + 1)),
            )

        run(0)

    def _export_done(
        self,
        outbox: Path,
        results: list[ExportResult],
        failures: list[tuple[str, BaseException]],
        total: int,
    ) -> None:
        self.last_exports = results
        self._stop()
        if not shiboken6.isValid(self.window):
            return
        lines = [
            self.tr("%1 of %2 package(s) written to %3:")
            .replace("%1", str(len(results)))
            .replace("%2", str(total))
            .replace("%3", str(outbox))
        ]
        personal = {
            "encrypted": (
                self.tr("personal data encrypted to its recipients")
                if self.settings.get(setting.ROLE) == "supervisor"
                else self.tr("personal data encrypted to your supervisor")
            ),
            "withheld": self.tr("personal data left out"),
            "none": self.tr("no personal data"),
        }
        for result in results:
            lines.append(f"• {result.path.name} ({personal.get(result.personal, result.personal)})")
        for _aid, exc in failures:
            text = describe(exc)[0] if isinstance(exc, OmbudError) else str(exc)
            if not isinstance(exc, OmbudError):
                logger.error("export failed", exc_info=exc)
            lines.append(self.tr("Not written: %1").replace("%1", text))
        if any(r.personal == "withheld" for r in results):
            lines.append("")
            lines.append(
                self.tr(
                    "No supervisor key is set, so the names, NIP and phone numbers of respondents "
                    "were left out. To send them encrypted, set your supervisor's key file in "
                    "Settings › Keys and export again."
                )
            )
        alerts.inform(self.window, self.tr("Export package"), "\n".join(lines))

    # -- import --------------------------------------------------------------------------------

    def import_chosen(self) -> None:
        """Ask for package files and import them."""
        paths = files.ask_open_paths(
            self.window,
            self.tr("Import packages"),
            self._import_folder(),
            self.tr("Ombud packages (*.ombx);;All files (*)"),
        )
        if paths:
            self.import_paths(paths)

    def _import_folder(self) -> Path:
        outbox = outbox_folder(self.settings)
        return files.start_folder(outbox)

    def import_paths(self, paths: list[Path]) -> None:
        """Import package files (folders are searched for packages), one at a time."""
        if self.busy:
            return
        from ombud_desktop.errors import NotFoundError
        from ombud_desktop.services.packages import package_files

        try:
            packages = package_files(paths)
        except NotFoundError as gone:  # moved or deleted since it was chosen
            alerts.error(self.window, gone)
            return
        if not packages:
            alerts.inform(
                self.window,
                self.tr("Import packages"),
                self.tr("No package files (.ombx) were found there."),
            )
            return
        session = self.session
        if session.receiving is not None or not session.keys.has_receiving_key():
            self._import_packages(packages, session.receiving)
            return

        def decided(needed: bool) -> None:
            # Asked only when a package holds personal data sealed to this user's key.
            receiving = self._receiving_key() if needed else SKIPPED
            if receiving is None:  # cancelled
                self._stop()
                return
            self._import_packages(packages, None if isinstance(receiving, str) else receiving)

        self._start()  # busy while the manifests are read: no second import meanwhile
        self.store.submit(
            lambda s: _service(s, session).sealed_for_me(packages),
            on_done=decided,
            on_error=lambda _exc: decided(True),
            write=False,
        )

    def _import_packages(self, packages: list[Path], receiving: Any) -> None:
        """Import ``packages`` one at a time; ``receiving`` opens personal data (None: kept)."""
        from ombud_desktop.packages.importer import ImportRefused

        session = self.session
        settings = self.settings
        progress = _Sequence(self.window, self.tr("Importing packages"), len(packages))
        receipts: list[Receipt] = []
        refused: list[Refusal] = []
        cover: list[Any] = []  # the backup that undoes these imports, once made or found
        self._start()

        def finish() -> None:
            progress.close()
            self._import_done(receipts, refused)

        def run(number: int, trust: str | None = None) -> None:
            if number == len(packages) or progress.cancelled:
                if receiving is None:
                    finish()
                    return
                # The receiving key is unlocked: personal data kept sealed by earlier imports
                # (the passphrase skipped then) is opened now, as if it had come with them.
                self.store.submit(
                    initiator=self,
                    job=lambda s: _service(s, session).reopen_personal(receiving=receiving),
                    on_done=lambda _written: finish(),
                    on_error=lambda exc: (
                        refused.append(self._refusal(packages[-1], exc)),
                        finish(),
                    ),
                )
                return
            path = packages[number]
            progress.step(number, path.name)

            def failed(exc: BaseException) -> None:
                if isinstance(exc, ImportRefused) and exc.code == "signer_untrusted" and not trust:
                    self._ask_trust(
                        path,
                        lambda fp: run(number, fp),
                        lambda why: (refused.append(why), run(number + 1)),
                    )
                    return
                refused.append(self._refusal(path, exc))
                run(number + 1)

            self.store.submit(
                initiator=self,
                job=lambda s: _service(s, session).import_one(
                    path, receiving=receiving, trust_signer=trust, cover=cover[0]
                ),
                on_done=lambda written: (receipts.append(written.value), run(number + 1)),
                on_error=failed,
            )

        def covered(found: Any) -> None:
            cover.append(found)
            run(0)

        def not_covered(exc: BaseException) -> None:  # no backup (a full disk): no import
            progress.close()
            self._stop()
            alerts.error(self.window, exc)

        # As a merge: first the backup that lets these imports be undone (made only when the
        # newest one cannot), then each package is kept beside it.
        progress.say(self.tr("Checking the backup that undoes this import…"))
        self.store.submit(
            initiator=self,
            job=lambda s: _service(s, session).cover_imports(
                s.care().place(settings), signer=session.signer
            ),
            on_done=covered,
            on_error=not_covered,
        )

    def _receiving_key(self) -> Any:
        """Return the receiving key unlocked (kept for the session), SKIPPED, or None to cancel."""
        keys = self.session.keys
        if not keys.has_receiving_key():
            return SKIPPED

        def check(passphrase: str) -> Any:
            return keys.receiving_key(passphrase)

        answer = PassphraseDialog.ask_unlock(
            self.window,
            self.tr("Open personal data"),
            self.tr(
                "Personal data of respondents in the packages is encrypted to your "
                "receiving key. Type your passphrase to import it, or skip: the rest is "
                "imported and the personal data is kept sealed until you next give your "
                "passphrase."
            ),
            check,
            skip_text=self.tr("&Skip"),
        )
        if answer is None or isinstance(answer, str):  # cancelled, or SKIPPED
            return answer
        self.session.receiving = answer
        return answer

    def _ask_trust(
        self, path: Path, trust: Callable[[str], None], skip: Callable[[Refusal], None]
    ) -> None:
        """Verify the package to learn its signer; ask whether to trust it."""
        from ombud_desktop.ui.dialogs.fingerprint import FingerprintDialog
        from ombud_desktop.ui.dialogs.package_results import Refusal, problem_reasons

        session = self.session

        def ask(report: VerifyReport) -> None:
            fingerprint = report.signer_fingerprint or ""
            if (
                report.only_untrusted
                and fingerprint
                and FingerprintDialog.ask(
                    self.window,
                    title=self.tr("Unknown signer"),
                    name=report.signer_name or "",
                    fingerprint=fingerprint,
                    question=self.tr(
                        "%1 is signed by a key you do not trust yet. Ask the assessor to read "
                        "their fingerprint to you. Do these digits match what they read? Then "
                        "trust the key and import the package."
                    ).replace("%1", path.name),
                    ok_text=self.tr("The digits match: trust and import"),
                    cancel_text=self.tr("Skip this package"),
                )
            ):
                trust(fingerprint)
                return
            reasons = problem_reasons([p.to_json() for p in report.problems])
            skip(Refusal(path, reasons))

        self.store.submit(
            lambda _s: _service(_s, session).verify(path),
            on_done=ask,
            on_error=lambda exc: skip(self._refusal(path, exc)),
            write=False,
        )

    def _refusal(self, path: Path, exc: BaseException) -> Refusal:
        from ombud_desktop.ui.dialogs.package_results import Refusal, problem_reasons

        if isinstance(exc, OmbudError):
            problems = exc.data.get("problems")
            if problems:
                return Refusal(path, problem_reasons(problems))
            return Refusal(path, [describe(exc)])
        logger.error("import failed", exc_info=exc)
        return Refusal(path, [(f"{type(exc).__name__}: {exc}", "")])

    def _import_done(self, receipts: list[Receipt], refused: list[Refusal]) -> None:
        self.last_receipts = receipts
        self.last_refused = refused
        from ombud_desktop.ui.dialogs.package_results import ReceiptDialog

        self._stop(changed=bool(receipts))
        if shiboken6.isValid(self.window):
            ReceiptDialog.show_for(self.window, receipts, refused)

    # -- verify --------------------------------------------------------------------------------

    def verify_chosen(self) -> None:
        """Ask for package files; show per file whether it is valid and who signed it."""
        paths = files.ask_open_paths(
            self.window,
            self.tr("Verify packages"),
            self._import_folder(),
            self.tr("Ombud packages (*.ombx);;All files (*)"),
        )
        if paths:
            self.verify(paths)

    def verify(self, paths: list[Path]) -> None:
        """Verify package files off the GUI thread; then show the verdicts."""
        if self.busy:
            return
        from ombud_desktop.ui.dialogs.package_results import VerifyDialog

        session = self.session
        self._start()

        def done(reports: list[VerifyReport]) -> None:
            self.last_reports = reports
            self._stop()
            if shiboken6.isValid(self.window):
                VerifyDialog.show_for(self.window, reports)

        def failed(exc: BaseException) -> None:
            self._stop()
            alerts.error(self.window, exc)

        self.store.submit(
            lambda s: [_service(s, session).verify(p) for p in paths],
            on_done=done,
            on_error=failed,
            write=False,
        )

    # -- drag and drop -------------------------------------------------------------------------

    def accept_drops_on(self, widget: QWidget) -> None:
        """Import package files dropped anywhere on ``widget`` (that takes no drops itself)."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept dragged package files; import them when dropped."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDropEvent)
            if dropped_paths(event.mimeData()) and not self.busy:
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            paths = dropped_paths(event.mimeData())
            if not paths:
                return False
            event.acceptProposedAction()
            self.import_paths(paths)
            return True
        return super().eventFilter(watched, event)

    # -- busy state ----------------------------------------------------------------------------

    def _start(self) -> None:
        self.busy = True
        self._update_actions()

    def _stop(self, *, changed: bool = False) -> None:
        self.busy = False
        if shiboken6.isValid(self):
            self._update_actions()
            if changed:
                self.imported.emit()
            self.finished.emit()
