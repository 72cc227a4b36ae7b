"""Start the desktop application: the composition root of the GUI.

Opens (or creates) the workspace on the store thread, asks for the assessor profile on first
start, installs the translation, and reopens where the assessor was after a crash.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from importlib import resources
from pathlib import Path

from platformdirs import user_cache_dir, user_config_dir
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from ombud_desktop import __version__
from ombud_desktop.errors import OmbudError
from ombud_desktop.paths import default_workspace
from ombud_desktop.ui import alerts
from ombud_desktop.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES, install_translator
from ombud_desktop.ui.ops import StoreThread, open_store_at

logger = logging.getLogger(__name__)


def app_icon() -> QIcon:
    """Return the application icon shipped in the package (SVG)."""
    icon = resources.files("ombud_desktop.resources").joinpath("icons", "ombud-desktop.svg")
    return QIcon(str(icon))


def settings_at(path: Path) -> QSettings:
    """Return the UI settings (window state, language, last position) stored in ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Read the command line of ``ombud-desktop``."""
    parser = argparse.ArgumentParser(prog="ombud-desktop", description="Ombud Desktop")
    parser.add_argument(
        "--workspace",
        type=Path,
        default=os.environ.get("OMBUD_WORKSPACE") or default_workspace(),
        help="workspace folder (default: your data folder)",
    )
    parser.add_argument(
        "--settings",
        type=Path,
        default=os.environ.get("OMBUD_UI_SETTINGS")
        or Path(user_config_dir("ombud-desktop", appauthor=False)) / "ui.ini",
        help="file for window state and language",
    )
    parser.add_argument("--language", choices=sorted(LANGUAGES), default=None)
    parser.add_argument("--version", action="version", version=f"Ombud Desktop {__version__}")
    return parser.parse_args(argv)


class Application:
    """Owns the store thread and the main window for one run."""

    def __init__(self, qt_app: QApplication, args: argparse.Namespace):
        self.qt_app = qt_app
        self.args = args
        self.settings = settings_at(args.settings)
        self.language = args.language or str(self.settings.value("ui/language", DEFAULT_LANGUAGE))
        self.cache_dir = Path(user_cache_dir("ombud-desktop", appauthor=False))
        self.translator = install_translator(self.language, self.cache_dir)
        self.store = StoreThread(open_store_at(args.workspace))
        self.window = None

    def ensure_profile(self) -> bool:
        """Ask for the assessor's name on first start; return False if they cancel."""
        if self.store.call(lambda s: s.workspace.profile()) is not None:
            return True
        from ombud_desktop.ui.dialogs.profile import ProfileDialog

        answer = ProfileDialog.ask(self.window)
        if answer is None:
            return False
        name, nip = answer
        self.store.call(lambda s: s.workspace.set_profile(name, nip))
        return True

    def show_window(self) -> None:
        """Create the main window, reopening the last assessment and page if there was one."""
        self._create_window()
        self.resume()
        self.window.show()

    def start(self) -> None:
        """Show the window at once; then ask for the profile and reopen the last place.

        The workspace opens on the store thread meanwhile, so the window does not wait for
        the storage and scoring code to load.
        """
        self._create_window()
        self.window.show()
        QTimer.singleShot(0, self._after_show)

    def _after_show(self) -> None:
        try:
            self.store.opened()
        except OmbudError as exc:
            alerts.error(self.window, exc)
            self.qt_app.exit(2)
            return
        if not self.ensure_profile():
            self.qt_app.exit(1)
            return
        self.window.show_identity()
        self.resume()

    def _create_window(self) -> None:
        from ombud_desktop.ui.main_window import MainWindow

        self.window = MainWindow(
            self.store, self.settings, self.language, on_language_changed=self.change_language
        )

    def resume(self) -> None:
        """Reopen the assessment and page the assessor was on (after a crash, too)."""
        last = self.settings.value("last/assessment")
        if last:
            rows = self.store.call(lambda s: s.workspace.assessment_rows(ids=[str(last)]))
            if rows:
                self.window.open_assessment(str(last), self.settings.value("last/page") or None)

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
            old.settings.setValue("window/geometry", old.saveGeometry())
            old.hide()
            old.deleteLater()
        from ombud_desktop.ui.main_window import MainWindow

        self.window = MainWindow(
            self.store, self.settings, language, on_language_changed=self.change_language
        )
        if position:
            self.window.open_assessment(*position)
        self.window.show()

    def close(self) -> None:
        """Let queued saves finish and close the workspace."""
        self.store.close()


def main(argv: list[str] | None = None) -> int:
    """Run the desktop application; return its exit code."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING)
    if QApplication.instance() is None:  # the policy can only be set before the app exists
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    qt_app = QApplication.instance() or QApplication([sys.argv[0]])
    qt_app.setApplicationName("Ombud Desktop")
    qt_app.setApplicationVersion(__version__)
    qt_app.setWindowIcon(app_icon())
    app = Application(qt_app, args)
    try:
        app.start()
        return qt_app.exec()
    finally:
        app.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
