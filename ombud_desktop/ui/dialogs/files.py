"""File and folder choices, in one place so tests replace a function, not a native dialog.

Each dialog starts in a folder that means something to the user (their Documents folder, the
outbox), never in the program's folder, which is what an empty or relative start gives. The
platform's own dialog is used where it has one (Windows and macOS, in the system's language);
Qt's own dialog, where there is none, speaks the app's language (resources/translations/qt_*.ts)
and shortens a long package name at its end, so the start of the name stays readable.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog, QWidget


def documents_folder() -> Path:
    """Return the user's Documents folder (their home folder when there is none)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if folder and Path(folder).is_dir():
        return Path(folder)
    return Path.home()


def start_folder(preferred: Path | str | None) -> Path:
    """Return ``preferred`` when it is an existing folder given in full, else Documents."""
    if preferred and Path(preferred).is_absolute() and Path(preferred).is_dir():
        return Path(preferred)
    return documents_folder()


def _start(path: Path | str | None) -> str:
    """Return a full start path: a bare file name goes into Documents."""
    if not path:
        return str(documents_folder())
    path = Path(path)
    if path.is_absolute():
        return str(path)
    return str(documents_folder() / path)


def file_dialog(
    parent: QWidget | None, title: str, start: Path | str | None, filters: str = ""
) -> QFileDialog:
    """Return a file dialog starting at ``start`` (made full), its lists eliding at the end."""
    dialog = QFileDialog(parent, title, _start(start), filters)
    for view in dialog.findChildren(QAbstractItemView):
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return dialog


def _run(dialog: QFileDialog) -> list[Path]:
    if dialog.exec() != QFileDialog.DialogCode.Accepted:
        return []
    return [Path(name) for name in dialog.selectedFiles() if name]


def ask_open_paths(parent: QWidget | None, title: str, folder: Path, filters: str) -> list[Path]:
    """Ask for one or more existing files; return them (empty on cancel)."""
    dialog = file_dialog(parent, title, start_folder(folder), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def ask_open_path(parent: QWidget | None, title: str, folder: Path, filters: str) -> Path | None:
    """Ask for one existing file; return it, or None on cancel."""
    dialog = file_dialog(parent, title, start_folder(folder), filters)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else None


def ask_save_path(parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
    """Ask where to save a file (a bare name is offered in Documents); None on cancel."""
    dialog = file_dialog(parent, title, suggested, filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    chosen = _run(dialog)
    return chosen[0] if chosen else None


def ask_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    """Ask for a folder; return it, or None on cancel."""
    dialog = file_dialog(parent, title, start_folder(folder))
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    chosen = _run(dialog)
    return chosen[0] if chosen else None
