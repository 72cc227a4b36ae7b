"""File dialogs start in the user's folders, never the program's; long names elide at the end."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QFileDialog

from ombud_desktop.ui.dialogs import files


def test_a_bare_file_name_is_offered_in_documents(qtbot: Any) -> None:
    dialog = files.file_dialog(None, "Save", Path("Ringkasan-Puskesmas.pdf"), "PDF (*.pdf)")
    qtbot.addWidget(dialog)
    folder = Path(dialog.directory().absolutePath())
    assert folder == files.documents_folder()
    assert folder != Path.cwd()


def test_a_missing_or_relative_start_falls_back_to_documents(tmp_path: Path) -> None:
    assert files.start_folder(tmp_path) == tmp_path
    assert files.start_folder(tmp_path / "not-there") == files.documents_folder()
    assert files.start_folder("relative/folder") == files.documents_folder()
    assert files.start_folder("") == files.documents_folder()
    assert files.start_folder(None) == files.documents_folder()


def test_qt_file_dialog_lists_elide_long_names_at_the_end(qtbot: Any, tmp_path: Path) -> None:
    dialog = files.file_dialog(None, "Open", tmp_path)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own, with lists
    qtbot.addWidget(dialog)
    views = [v for v in dialog.findChildren(QAbstractItemView) if v.objectName()]
    assert views
    for view in views:
        assert view.textElideMode() == Qt.TextElideMode.ElideRight, view.objectName()
