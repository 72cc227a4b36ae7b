"""File and folder choices, in one place so tests replace a function, not a native dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def ask_open_paths(parent: QWidget | None, title: str, folder: Path, filters: str) -> list[Path]:
    """Ask for one or more existing files; return them (empty on cancel)."""
    names, _chosen = QFileDialog.getOpenFileNames(parent, title, str(folder), filters)
    return [Path(name) for name in names]


def ask_open_path(parent: QWidget | None, title: str, folder: Path, filters: str) -> Path | None:
    """Ask for one existing file; return it, or None on cancel."""
    name, _chosen = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    return Path(name) if name else None


def ask_save_path(parent: QWidget | None, title: str, suggested: Path, filters: str) -> Path | None:
    """Ask where to save a file; return the path, or None on cancel."""
    name, _chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


def ask_folder(parent: QWidget | None, title: str, folder: Path) -> Path | None:
    """Ask for a folder; return it, or None on cancel."""
    name = QFileDialog.getExistingDirectory(parent, title, str(folder))
    return Path(name) if name else None
