"""The support log: where the app and ``ombud`` write what happened, for whoever helps.

Each program writes its own rotating log (``ombud-desktop.log``, ``ombud.log``; a few hundred
kilobytes each, three old ones kept) in the user's log folder, and Python's ``faulthandler``
writes a hard crash's stack (a crash inside Qt, say) to ``crash.log`` there: a windowed Windows
build has no console where either would otherwise go. Warnings still go to the console when
there is one.

What is logged never holds respondents' personal data (names, phone numbers, NIPs): log
what happened and to which id, never a value. ``OMBUD_LOG_DIR`` puts the folder elsewhere
(tests, a portable install).
"""

from __future__ import annotations

import faulthandler
import logging
import os
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import IO

from platformdirs import user_log_dir

LOG_DIR_ENV = "OMBUD_LOG_DIR"
MAX_BYTES = 512 * 1024
BACKUPS = 3
CRASH_LOG = "crash.log"
FORMAT = "%(asctime)s %(levelname)s %(process)d %(threadName)s %(name)s: %(message)s"

# ``extra=FILE_ONLY``: a record for the log file only (a traceback the console must not show).
FILE_ONLY = {"ombud_file_only": True}

_crash_file: IO[str] | None = None  # kept open: faulthandler writes to it at a crash


def log_folder() -> Path:
    """Return the folder of the support log (``OMBUD_LOG_DIR``, else the user's log folder)."""
    given = os.environ.get(LOG_DIR_ENV)
    return Path(given) if given else Path(user_log_dir("ombud-desktop", appauthor=False))


def log_files(folder: Path | None = None) -> list[Path]:
    """Return the log files there are (current and rotated, and the crash log), by name."""
    folder = folder or log_folder()
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir()
        if p.is_file() and (".log" in p.name)
    )


def start(program: str, *, folder: Path | None = None, console: bool = True) -> Path | None:
    """Send this process's log records to ``PROGRAM.log`` in the log folder; return its path.

    Called once by each entry point (again: nothing more is added). A folder that cannot be
    written (a read-only profile) leaves logging to the console only and returns None: the
    program still runs.
    """
    root = logging.getLogger()
    folder = folder or log_folder()
    path = folder / f"{program}.log"
    if console and sys.stderr is not None and not _has(root, "ombud-console"):
        stream = _Console()
        stream.set_name("ombud-console")
        stream.setLevel(logging.WARNING)
        root.addHandler(stream)
    if _has(root, f"ombud-file:{path}"):
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError as exc:
        logging.getLogger(__name__).warning("no support log in %s: %s", folder, exc)
        return None
    handler.set_name(f"ombud-file:{path}")
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    _enable_faulthandler(folder)
    return path


class _Console(logging.StreamHandler):  # type: ignore[type-arg]
    """Warnings to whatever ``sys.stderr`` is at the time (as logging's last resort does).

    One line each: a traceback belongs in the log file, never on a user's console.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not getattr(record, "ombud_file_only", False) and super().filter(record)

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname.lower()}: {record.getMessage()}"

    @property  # type: ignore[override]
    def stream(self) -> IO[str] | None:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


def _has(root: logging.Logger, name: str) -> bool:
    return any(h.get_name() == name for h in root.handlers)


def _enable_faulthandler(folder: Path) -> None:
    """Write a hard crash's stack to ``crash.log`` (unless something else already asked)."""
    global _crash_file
    if faulthandler.is_enabled():  # pytest's, or PYTHONFAULTHANDLER: keep theirs
        return
    try:
        _crash_file = (folder / CRASH_LOG).open("a", encoding="utf-8")
    except OSError:
        return
    faulthandler.enable(file=_crash_file, all_threads=True)


def stop(program: str, *, folder: Path | None = None) -> None:
    """Remove and close the file handler ``start`` added (tests; a program that ends)."""
    root = logging.getLogger()
    path = (folder or log_folder()) / f"{program}.log"
    for handler in list(root.handlers):
        if handler.get_name() == f"ombud-file:{path}":
            root.removeHandler(handler)
            handler.close()


def log_exception(
    logger: logging.Logger, what: str, exc: BaseException, *, file_only: bool = False
) -> None:
    """Log an unexpected exception: its type and frames (where), never its message.

    The message of an unexpected error may quote a value it met (a respondent's name, say),
    and personal data never goes into the log; the frames and the type say where and what.
    """
    frames = "".join(traceback.format_tb(exc.__traceback__))
    chain = []
    cause = exc.__cause__ or exc.__context__
    while cause is not None and len(chain) < 5:
        chain.append(type(cause).__name__)
        cause = cause.__cause__ or cause.__context__
    logger.error(
        "%s: %s%s\n%s",
        what,
        type(exc).__name__,
        f" (after {', '.join(chain)})" if chain else "",
        frames,
        extra=FILE_ONLY if file_only else None,
    )
