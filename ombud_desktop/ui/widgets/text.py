"""Labels for instrument texts: word-wrapped, selectable, bold or muted without style sheets.

Fonts and palettes instead of per-label style sheets: a role page has dozens of labels, and
style sheets made building and laying it out about a third slower.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel


def wrapped_label(text: str = "", *, bold: bool = False, small: bool = False) -> QLabel:
    """Return a word-wrapped, selectable label; bold for headings, muted for guidance."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    elif small:
        palette = label.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
        )
        label.setPalette(palette)
    return label
