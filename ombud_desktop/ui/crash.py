"""An exception nobody caught, in the app: logged with its traceback and shown in words.

PySide6 hands an exception raised in a slot to ``sys.excepthook``; Python's default prints it
to a console that a windowed Windows build does not have, and the user would see nothing.
``install`` replaces the hook: the traceback goes to the support log (``ombud_desktop.logs``),
the user gets a message box that says what happened and how to send the log. An exception in
another Python thread is logged (no window may be opened from there).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QThread
from PySide6.QtWidgets import QMessageBox, QWidget

from ombud_desktop import logs

logger = logging.getLogger(__name__)

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class CrashReporter:
    """The hook: log, then show (once at a time; a crash while showing is only logged)."""

    def __init__(self, window: Callable[[], QWidget | None]):
        self.window = window
        self.showing = False
        self.shown = 0

    def __call__(
        self,
        kind: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        if exc.__traceback__ is None:
            exc.__traceback__ = tb
        logs.log_exception(logger, "unhandled exception", exc)
        app = QCoreApplication.instance()
        if self.showing or app is None or QThread.currentThread() is not app.thread():
            return
        self.showing = True
        try:
            self.shown += 1
            show_crash(self.window(), exc)
        except Exception as failure:  # the box itself failed: the log has the first error
            logs.log_exception(logger, "the error could not be shown", failure)
        finally:
            self.showing = False

    def thread_hook(self, args: threading.ExceptHookArgs) -> None:
        """Log an exception that ended a Python thread."""
        if args.exc_type is not None and args.exc_value is not None:
            where = args.thread.name if args.thread else "?"
            logs.log_exception(logger, f"unhandled exception in thread {where}", args.exc_value)


def show_crash(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user, in words, that something went wrong and where the details are."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("crash", "Something went wrong"))
    box.setText(
        QCoreApplication.translate(
            "crash",
            "Something went wrong in Ombud Desktop. Answers saved before this are safe; "
            "you can go on working.",
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "crash",
            "The details are in the support log (%1). To send them to whoever helps you: "
            "Help › Save support bundle….",
        ).replace("%1", str(logs.log_folder()))
    )
    box.setDetailedText(f"{type(exc).__name__}: {exc}")
    box.exec()


def install(window: Callable[[], QWidget | None]) -> CrashReporter:
    """Make ``CrashReporter`` the hook of this process (and of its Python threads)."""
    reporter = CrashReporter(window)
    sys.excepthook = reporter
    threading.excepthook = reporter.thread_hook
    return reporter
