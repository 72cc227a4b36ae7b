"""Start the desktop application: the composition root of the GUI.

Opens the workspace on the store thread, runs the first-run setup when there is no workspace
yet (or it has no assessor), installs the translation, and reopens where the assessor was
after a crash.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable
from functools import partial
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from platformdirs import user_cache_dir
from PySide6.QtCore import QCoreApplication, Qt, QTimer, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ombud_desktop import __version__, logs
from ombud_desktop import settings as setting
from ombud_desktop.errors import OmbudError
from ombud_desktop.paths import sample_workspace, settings_file
from ombud_desktop.settings import Settings, SettingsError, choose_workspace
from ombud_desktop.ui import alerts, crash
from ombud_desktop.ui.i18n import LANGUAGES, install_translator
from ombud_desktop.ui.ops import Store, StoreThread, open_store_at
from ombud_desktop.ui.packages.session import KeySession
from ombud_desktop.ui.screen import ScreenFit
from ombud_desktop.ui.settings import save_geometry

if TYPE_CHECKING:
    from ombud_desktop.packages.keys import KeyStore
    from ombud_desktop.ui.dialogs.setup import SetupAnswer

logger = logging.getLogger(__name__)

# The name this app leaves in a workspace's lock file while it has the workspace open, shown to
# a second app or an ``ombud`` command that is refused (storage/lock.py).
PROGRAM = "Ombud Desktop"


def app_icon() -> QIcon:
    """Return the application icon shipped in the package (SVG)."""
    icon = resources.files("ombud_desktop.resources").joinpath("icons", "ombud-desktop.svg")
    return QIcon(str(icon))


def settings_at(path: Path) -> Settings:
    """Return the settings kept in ``path``, shared with ``ombud``. Raises SettingsError."""
    return Settings.load(path)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line of ``ombud-desktop``."""
    parser = argparse.ArgumentParser(prog="ombud-desktop", description="Ombud Desktop")
    parser.add_argument(
        "--workspace",
        type=Path,
        default=os.environ.get("OMBUD_WORKSPACE") or None,
        help="workspace folder (default: the one chosen at first start, in your data folder)",
    )
    parser.add_argument(
        "--settings",
        type=Path,
        default=os.environ.get("OMBUD_SETTINGS") or settings_file(),
        help="settings file, shared with ombud (default: settings.json in your config folder)",
    )
    parser.add_argument(
        "--keys",
        type=Path,
        default=os.environ.get("OMBUD_KEYS") or None,
        help="folder of your keys (default: the keys folder in your data folder)",
    )
    parser.add_argument("--language", choices=sorted(LANGUAGES), default=None)
    parser.add_argument("--version", action="version", version=f"Ombud Desktop {__version__}")
    # Files the desktop opens with the app (a double-clicked .ombx package).
    parser.add_argument("files", nargs="*", type=Path, help=argparse.SUPPRESS)
    # For the bundle's smoke test: quit this many ms after the workspace opened, and say so.
    parser.add_argument("--quit-after", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.workspace is not None:
        args.workspace = Path(args.workspace)
    return args


def key_store_at(folder: Path) -> KeyStore:
    """Return the key store in ``folder`` (imported when first needed)."""
    from ombud_desktop.packages.keys import KeyStore

    return KeyStore(folder)


def default_key_store() -> KeyStore:
    """Return the user's key store, or OMBUD_KEYS's as for ``ombud`` (imported when needed)."""
    from ombud_desktop.packages.keys import KeyStore

    folder = os.environ.get("OMBUD_KEYS")
    return KeyStore(Path(folder)) if folder else KeyStore.default()


class Application:
    """Owns the store thread and the main window for one run."""

    def __init__(
        self,
        qt_app: QApplication,
        args: argparse.Namespace,
        *,
        key_store: Callable[[], KeyStore] = default_key_store,
        sample_folder: Path | None = None,
    ):
        self.qt_app = qt_app
        self.args = args
        self.settings = settings_at(args.settings)
        self.language = args.language or self.settings.get(setting.LANGUAGE)
        self.cache_dir = Path(user_cache_dir("ombud-desktop", appauthor=False))
        self.translator = install_translator(self.language, self.cache_dir)
        if getattr(args, "keys", None) and key_store is default_key_store:
            key_store = partial(key_store_at, Path(args.keys))  # --keys DIR or OMBUD_KEYS
        self.key_store = key_store
        # Kept for the whole run (across a language change): the signer, once unlocked.
        self.keys = KeySession(open_keys=key_store)
        self.sample_folder = sample_folder or sample_workspace()
        self.workspace_fixed = args.workspace is not None
        self.workspace_path: Path = choose_workspace(self.settings, args.workspace).path
        self.showing_sample = False
        self.closed = False
        self._warmed: object = None  # the store whose warm-up was asked for (_warm_up)
        self.window = None
        # An existing workspace opens at once, while the window is built; a first start
        # opens it only after the setup said where it goes. A workspace the setup chose that
        # is gone (a drive not connected) is reported, never silently replaced by a new one.
        self.store: StoreThread | None = None
        if not self.first_run_needed():
            self.store = StoreThread(open_store_at(self.workspace_path, create=False, lock=PROGRAM))

    def first_run_needed(self) -> bool:
        """Return True when there is no workspace yet and none was set up for this user."""
        if (self.workspace_path / "workspace.sqlite").exists():
            return False
        return self.workspace_fixed or not self.settings.get(setting.SETUP_DONE)

    # -- first-run setup -----------------------------------------------------------------------

    def ask_setup(self, parent: object, *, workspace_fixed: bool) -> SetupAnswer | None:
        """Show the first-run setup; return the answer, or None when cancelled."""
        from ombud_desktop.ui.dialogs.setup import SetupWizard

        keys = self.key_store()
        existing = keys.signing_key_info().words if keys.has_signing_key() else None
        return SetupWizard.ask(
            parent,
            workspace=self.workspace_path,
            workspace_fixed=workspace_fixed,
            existing_key=existing,
            role=self.settings.get(setting.ROLE),
        )

    def remember_setup(self, answer: SetupAnswer) -> None:
        """Store the role and workspace folder chosen (never the name: it is in the workspace)."""
        chosen = {setting.ROLE: answer.role, setting.SETUP_DONE: True}
        if not self.workspace_fixed:
            chosen[setting.WORKSPACE] = str(answer.workspace)
        self.settings.update(chosen)
        self.workspace_path = answer.workspace

    def open_after_setup(self, answer: SetupAnswer) -> Callable[[], Store]:
        """Return the store opener for a first start: create the workspace, maybe the sample.

        Runs on the store thread, so the window shows while the demo data is generated.
        """
        own, sample = answer.workspace, self.sample_folder

        def open_store() -> Store:
            from ombud_desktop.services.setup import prepare_sample_workspace, prepare_workspace

            prepare_workspace(own, answer.name, answer.nip, lock=PROGRAM)
            if answer.sample:
                prepare_sample_workspace(sample, lock=PROGRAM)
                return open_store_at(sample, lock=PROGRAM)()
            return open_store_at(own, lock=PROGRAM)()

        self.showing_sample = answer.sample
        return open_store

    def create_key(self, answer: SetupAnswer) -> None:
        """Create the keys off the GUI thread (scrypt takes a moment); report the end.

        Everyone gets a signing key; a supervisor also a receiving key, to which assessors
        encrypt the personal data in their packages. One passphrase protects both.
        """
        if answer.passphrase is None:
            return
        assert self.store is not None
        passphrase, keys, owner = answer.passphrase, self.key_store(), answer.name
        supervisor = answer.role == "supervisor"

        def create(_store: Store) -> object:
            info = keys.create_signing_key(passphrase, owner=owner)
            if supervisor and not keys.has_receiving_key():
                keys.create_receiving_key(passphrase, owner=owner)
            return info

        def done(info: object) -> None:
            if self.window is not None:
                text = QCoreApplication.translate("Application", "Your key is ready: %1")
                self.window.statusBar().showMessage(text.replace("%1", info.words), 15_000)

        self.store.submit(
            create, on_done=done, on_error=lambda error: alerts.error(self.window, error)
        )

    def ensure_profile(self) -> bool:
        """Run the setup for a workspace without an assessor; return False if cancelled."""
        assert self.store is not None
        answer = self.ask_setup(self.window, workspace_fixed=True)
        if answer is None:
            return False
        self.remember_setup(answer)
        self.store.submit(
            lambda s: s.set_profile(answer.name, answer.nip),
            on_error=lambda error: alerts.error(self.window, error),
        )
        self.create_key(answer)
        return True

    def show_window(self) -> None:
        """Create the main window, reopening the last assessment and page if there was one."""
        self._create_window()
        self.resume()
        self.window.show()

    def start(self) -> bool:
        """Show the window at once; then ask for the profile and reopen the last place.

        The workspace opens on the store thread meanwhile, so the window does not wait for
        the storage and scoring code to load. On a first start the setup comes first (there
        is nothing to show yet); False means it was cancelled.
        """
        if self.store is None:
            answer = self.ask_setup(None, workspace_fixed=self.workspace_fixed)
            if answer is None:
                return False
            self.remember_setup(answer)
            self.store = StoreThread(self.open_after_setup(answer))
            self._create_window()
            self.create_key(answer)
        else:
            self._create_window()
        self.window.show()
        QTimer.singleShot(0, self._after_show)
        return True

    def _warm_up(self) -> None:
        """Once the first list is shown, load what opening an assessment needs (store thread).

        The list needs neither the instruments nor the scoring; the first assessment opened
        would otherwise wait for them (pydantic alone is a good part of a second's start).
        """
        if self.store is None or self.closed or self._warmed is self.store:
            return  # once per workspace opened, whichever window's list arrived
        self._warmed = self.store
        self.store.submit(
            lambda s: s.warm_up(),
            # nothing the user asked for: the first use will say what is wrong
            on_error=lambda error: logger.warning("loading ahead failed: %s", error),
        )

    def _after_show(self) -> None:
        if self.closed:  # quit before the first event loop turn
            return
        try:
            self.store.opened()
        except OmbudError as exc:
            if exc.code in ("workspace_locked", "workspace_locked_unknown"):
                # Another app or command has it open for writing: show only why. The window
                # goes at once, so the loads it started report their failure to no one.
                window, self.window = self.window, None
                window.hide()
                shiboken6.delete(window)
                alerts.error(None, exc)
            else:
                alerts.error(self.window, exc)
            self.qt_app.exit(2)
            return
        self.store.submit(
            lambda s: s.profile(),
            on_done=self._profile_read,
            on_error=lambda error: alerts.error(self.window, error),
        )

    def _profile_read(self, profile: dict[str, str] | None) -> None:
        if self.closed:
            return
        if profile is None and not self.ensure_profile():
            self.qt_app.exit(1)
            return
        self.window.show_identity()
        if not self.showing_sample:
            self.resume()
        if self.args.files:
            self.open_files(self.args.files)
        if self.args.quit_after is not None:
            QTimer.singleShot(self.args.quit_after, self._report_and_quit)

    def open_files(self, files: list[Path]) -> None:
        """Import the package files the desktop opened the app with (a double-clicked .ombx)."""
        self.window.packages.import_paths(files)

    def _report_and_quit(self) -> None:
        """Say that the app started, in which language and with how much (smoke test)."""
        self.store.submit(lambda s: s.lists.count(), on_done=self._report, write=False)

    def _report(self, count: int) -> None:
        translated = QCoreApplication.translate("MainWindow", "&File") != "&File"
        print(
            f"ombud-desktop {__version__}: window shown, language {self.language}"
            f" (translated: {'yes' if translated else 'no'}), {count} assessments,"
            f" icon: {'yes' if not self.qt_app.windowIcon().isNull() else 'no'}",
            flush=True,
        )
        self.qt_app.quit()

    def _create_window(self) -> None:
        from ombud_desktop.ui.main_window import MainWindow

        self.window = MainWindow(
            self.store,
            self.settings,
            self.language,
            on_language_changed=self.change_language,
            keys=self.keys,
        )
        ScreenFit.watch(self.window)  # and, through it, every window and dialog it opens
        self.window.care.restore_requested.connect(self.restore_from)
        self.window.home.loaded.connect(self._warm_up)
        self._mark_sample()

    def _mark_sample(self) -> None:
        if self.showing_sample:
            self.window.setWindowTitle(
                QCoreApplication.translate(
                    "Application", "Ombud Desktop – sample workspace (demo data)"
                )
            )

    def resume(self) -> None:
        """Reopen the assessment and page the assessor was on (after a crash, too)."""
        last = self.settings.get(setting.LAST_ASSESSMENT)
        if last:
            page = self.settings.get(setting.LAST_PAGE) or None
            window = self.window
            self.store.submit(
                lambda s: s.lists.assessment(last),
                on_done=lambda _row: window.open_assessment(last, page),
                on_error=lambda _error: None,  # deleted meanwhile: the list shows instead
            )

    def change_language(self, language: str) -> None:
        """Switch language now: reinstall the translator and rebuild the window in place."""
        if self.translator is not None:
            self.qt_app.removeTranslator(self.translator)
        self.language = language
        self.translator = install_translator(language, self.cache_dir)
        old = self.window
        position = None
        if (
            old is not None
            and old.assessment is not None
            and old.stack.currentWidget() is old.assessment
        ):
            position = (old.assessment.assessment_id, old.assessment.current_key)
        if old is not None:
            save_geometry(old, old.settings, setting.MAIN_WINDOW_GEOMETRY)
            old.hide()
            old.deleteLater()
        from ombud_desktop.ui.main_window import MainWindow

        self.window = MainWindow(
            self.store,
            self.settings,
            language,
            on_language_changed=self.change_language,
            keys=self.keys,
        )
        ScreenFit.watch(self.window)  # and, through it, every window and dialog it opens
        self.window.care.restore_requested.connect(self.restore_from)
        self.window.home.loaded.connect(self._warm_up)
        self._mark_sample()
        if position:
            self.window.open_assessment(*position)
        self.window.show()

    def restore_from(self, backup: Path) -> None:
        """Close the workspace, restore ``backup`` in its place (the current one kept aside),
        and open the restored workspace in a new window.

        The copying runs on a thread of its own; the window is gone meanwhile, a progress
        dialog shows, and a failure (a damaged backup, a full disk) changes nothing: the
        workspace that was open is opened again.
        """
        from ombud_desktop.ui.restoring import run_restore

        old, self.window = self.window, None
        if old is not None:
            save_geometry(old, old.settings, setting.MAIN_WINDOW_GEOMETRY)
            old.hide()
            old.deleteLater()
        self.store.close()
        done, error = run_restore(backup, self.workspace_path)
        self.store = StoreThread(open_store_at(self.workspace_path, create=False, lock=PROGRAM))
        self._create_window()
        self.window.show()
        QTimer.singleShot(0, self._after_show)
        if error is not None:
            alerts.error(self.window, error)
        elif done is not None:
            alerts.inform(
                self.window,
                QCoreApplication.translate("Application", "Restored"),
                QCoreApplication.translate(
                    "Application",
                    "The backup was restored: %1 assessments, each as the backup recorded it. "
                    "The workspace that was open is kept in %2.",
                )
                .replace("%1", str(len(done.digests)))
                .replace("%2", str(done.set_aside)),
            )

    def close(self) -> None:
        """Let queued saves finish and close the workspace."""
        self.closed = True
        if self.store is not None:
            self.store.close()


def main(argv: list[str] | None = None) -> int:
    """Run the desktop application; return its exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logs.start("ombud-desktop")
    logger.info("Ombud Desktop %s starting (Qt %s)", __version__, qVersion())
    if QApplication.instance() is None:  # the policy can only be set before the app exists
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    qt_app = QApplication.instance() or QApplication([sys.argv[0]])
    qt_app.setApplicationName("Ombud Desktop")
    qt_app.setApplicationVersion(__version__)
    qt_app.setWindowIcon(app_icon())
    ScreenFit.install(qt_app)  # every window and dialog fits the screen it opens on (watch)
    holder: list[Application] = []
    crash.install(lambda: holder[0].window if holder else None)
    try:
        app = Application(qt_app, args)
        holder.append(app)
    except SettingsError as exc:  # a settings file of a newer version: refused, left as it is
        alerts.error(None, exc)
        return 2
    try:
        if not app.start():
            return 1
        return qt_app.exec()
    finally:
        app.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
