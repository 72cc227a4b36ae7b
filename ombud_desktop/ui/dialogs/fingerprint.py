"""Show a key's spoken fingerprint large, and ask whether it matches what its owner reads."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.packages.keys import short, spoken


def fingerprint_font(scale: float = 1.6) -> QFont:
    """Return the monospace font fingerprints are shown in, ``scale`` times the normal size."""
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * scale)
    font.setBold(True)
    return font


class FingerprintView(QWidget):
    """A fingerprint as six groups of five digits in a large monospace font, then its short form."""

    def __init__(self, fingerprint: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.words_label = QLabel()
        self.words_label.setFont(fingerprint_font())
        self.words_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.short_label = QLabel()
        self.short_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words_label)
        layout.addWidget(self.short_label)
        self.set_fingerprint(fingerprint)

    def set_fingerprint(self, fingerprint: str) -> None:
        """Show ``fingerprint`` (full hex); an empty one shows nothing."""
        if not fingerprint:
            self.words_label.setText("")
            self.short_label.setText("")
            return
        groups = spoken(fingerprint).split()
        # Two lines of three groups: easier to read aloud and to follow with a finger.
        self.words_label.setText(" ".join(groups[:3]) + "\n" + " ".join(groups[3:]))
        self.short_label.setText(self.tr("Short form: %1").replace("%1", short(fingerprint)))


class QrView(QWidget):
    """Draw a QR code's modules with QPainter (a quiet zone of four modules around)."""

    BORDER = 4

    def __init__(
        self, matrix: tuple[bytearray, ...] | list[bytearray], parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.matrix = [bytes(row) for row in matrix]
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def modules(self) -> int:
        """Return the modules per side, the quiet zone included."""
        return len(self.matrix) + 2 * self.BORDER

    def sizeHint(self) -> QSize:
        """Ask for about 4 pixels per module."""
        return QSize(self.modules() * 4, self.modules() * 4)

    def minimumSizeHint(self) -> QSize:
        """Never smaller than 2 pixels per module (phones still scan that)."""
        return QSize(self.modules() * 2, self.modules() * 2)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint white, then each dark module as a square, centred."""
        painter = QPainter(self)
        side = min(self.width(), self.height())
        module = max(side // self.modules(), 1)
        total = module * self.modules()
        left = (self.width() - total) // 2
        top = (self.height() - total) // 2
        painter.fillRect(left, top, total, total, QColor("white"))
        for y, row in enumerate(self.matrix):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        left + (x + self.BORDER) * module,
                        top + (y + self.BORDER) * module,
                        module,
                        module,
                        QColor("black"),
                    )
        painter.end()


class FingerprintDialog(QDialog):
    """Show whose key this is and its spoken fingerprint; ask a yes/no question about it."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        title: str,
        name: str,
        fingerprint: str,
        question: str,
        ok_text: str,
        cancel_text: str,
    ):
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        owner = QLabel(self.tr("Key of: <b>%1</b>").replace("%1", _escape(name or "–")))
        layout.addWidget(owner)
        self.view = FingerprintView(fingerprint)
        layout.addWidget(self.view)
        self.question = QLabel(question)
        self.question.setWordWrap(True)
        layout.addWidget(self.question)
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(
            cancel_text, QDialogButtonBox.ButtonRole.RejectRole
        )
        # Agreeing must be a deliberate choice: Enter means "no".
        self.ok_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.cancel_button.setFocus()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        title: str,
        name: str,
        fingerprint: str,
        question: str,
        ok_text: str,
        cancel_text: str,
    ) -> bool:
        """Show the fingerprint; return True when the user chose ``ok_text``."""
        dialog = cls(
            parent,
            title=title,
            name=name,
            fingerprint=fingerprint,
            question=question,
            ok_text=ok_text,
            cancel_text=cancel_text,
        )
        try:
            return bool(dialog.exec())
        finally:
            dialog.deleteLater()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
