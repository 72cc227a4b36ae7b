"""Help inside the app: the user guides (shipped as Markdown, read offline) and the shortcuts.

The guides are ``resources/guides/panduan-*.md`` (package data, so they are there in a wheel and
in the bundle). Their pictures live in ``docs/screenshots`` of a source checkout: shown when
that folder is there, otherwise the picture's caption stands in its place. The shortcuts are
read from the window's own actions, so the list is never out of step with the menus.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

GUIDES = {"assessor": "panduan-asesor.md", "supervisor": "panduan-supervisor.md"}
_IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)")


def guide_text(kind: str) -> tuple[str, Path]:
    """Return the Markdown of the ``kind`` guide and the folder it is read from."""
    entry = resources.files("ombud_desktop.resources").joinpath("guides", GUIDES[kind])
    return entry.read_text(encoding="utf-8"), Path(str(entry)).parent


def without_missing_pictures(markdown: str, folder: Path) -> str:
    """Replace each picture whose file is not there by its caption in italics."""

    def replace(match: re.Match[str]) -> str:
        caption, target = match.group(1), match.group(2)
        return match.group(0) if (folder / target).is_file() else f"*[{caption}]*"

    return _IMAGE.sub(replace, markdown)


class GuideDialog(QDialog):
    """One guide, in a browser that follows its own table of contents."""

    def __init__(self, parent: QWidget | None, kind: str):
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Assessor's guide") if kind == "assessor" else self.tr("Supervisor's guide")
        )
        markdown, folder = guide_text(kind)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)  # anchors here; other documents in the system viewer
        self.browser.anchorClicked.connect(self._follow)
        self.browser.setSearchPaths([str(folder)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(folder) + "/"))
        self.browser.setMarkdown(without_missing_pictures(markdown, folder))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(900, 700)  # ScreenFit shrinks it on a small screen

    def _follow(self, url: QUrl) -> None:
        same_guide = not url.path() or url.path().endswith(tuple(GUIDES.values()))
        if url.hasFragment() and same_guide:
            self.browser.scrollToAnchor(url.fragment())
            return
        QDesktopServices.openUrl(url)


def shortcuts_of(window: QWidget) -> list[tuple[str, str]]:
    """Return (what, keys) for every action and shortcut of ``window``, in menu order."""
    found: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for action in window.findChildren(QAction):
        keys = action.shortcut()
        if keys.isEmpty():
            continue
        what = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        what = what.rstrip("…").rstrip(".")
        row = (what, keys.toString(QKeySequence.SequenceFormat.NativeText))
        if row not in seen:
            seen.add(row)
            found.append(row)
    for shortcut in window.findChildren(QShortcut):
        what = shortcut.property("ombudHelp") or shortcut.whatsThis()
        if what and not shortcut.key().isEmpty():
            row = (str(what), shortcut.key().toString(QKeySequence.SequenceFormat.NativeText))
            if row not in seen:
                seen.add(row)
                found.append(row)
    return found


class ShortcutsDialog(QDialog):
    """The keyboard shortcuts of a window, read from its actions."""

    def __init__(self, parent: QWidget | None, rows: list[tuple[str, str]]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        # The keys of an open assessment (its own shortcuts, made by assessment_view.py).
        fixed = [
            (self.tr("Next page"), self.tr("PgDown, Enter or Alt+Right")),
            (self.tr("Previous page"), self.tr("PgUp or Alt+Left")),
            (self.tr("Choose the level of the question in focus"), self.tr("Number keys")),
            (self.tr("New service user"), "Ctrl+U"),
            (self.tr("History of the assessment"), "Ctrl+Shift+H"),
            (self.tr("Finish the assessment, or see what is missing"), "Ctrl+Shift+F"),
            (self.tr("Search the list"), "Ctrl+F"),
            (self.tr("Next or previous field"), self.tr("Tab or Shift+Tab")),
        ]
        self.table = QTableWidget(len(rows) + len(fixed), 2)
        self.table.setHorizontalHeaderLabels([self.tr("What"), self.tr("Keys")])
        for row, (what, keys) in enumerate([*rows, *fixed]):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 520)
