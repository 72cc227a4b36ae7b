"""The table of trusted signers: name, role and province, short fingerprint, when trusted."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFontDatabase

from ombud_desktop.packages.keys import short, spoken

Index = QModelIndex | QPersistentModelIndex
FINGERPRINT_ROLE = Qt.ItemDataRole.UserRole + 1  # the full hex fingerprint of the row


def role_text(role: str | None, province: str | None) -> str:
    """Return a key's role in words: "Assessor, Banten", "Supervisor", "National key (pusat)"."""
    translate = QCoreApplication.translate  # lupdate reads translate("context", "text")
    if role == "national":
        return translate("Roles", "National key (pusat)")
    if role == "supervisor":
        word = translate("Roles", "Supervisor")
    else:
        word = translate("Roles", "Assessor")
    return f"{word}, {province}" if province else word


def added_text(stamp: str) -> str:
    """Return "12/08/2024 10:41" (local time) for a stored UTC time, or the text as is."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


class TrustedKeysModel(QAbstractTableModel):
    """Rows of trusted signers as ``KeyStore.trusted()`` returns them."""

    NAME, ROLE, FINGERPRINT, ADDED = range(4)

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._keys: list[dict[str, Any]] = []
        self._headers = [
            self.tr("Name"),
            self.tr("Role"),
            self.tr("Fingerprint"),
            self.tr("Trusted since"),
        ]

    def set_keys(self, keys: list[dict[str, Any]]) -> None:
        """Show ``keys`` (sorted by name)."""
        self.beginResetModel()
        self._keys = sorted(
            keys, key=lambda k: (str(k.get("name", "")).casefold(), str(k.get("fingerprint", "")))
        )
        self.endResetModel()

    def key_at(self, row: int) -> dict[str, Any]:
        """Return the trusted key shown in ``row``."""
        return self._keys[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        """Return the number of trusted keys (none under a row: this is a table)."""
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        """Return the number of columns."""
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return a cell's text, its full fingerprint, tooltip or font."""
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        key = self._keys[index.row()]
        fp = str(key.get("fingerprint", ""))
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return str(key.get("name") or "") or self.tr("(no name)")
            if column == self.ROLE:
                # Entries trusted before roles existed were trusted as assessors (issue 13).
                return role_text(
                    str(key.get("role") or "assessor"), str(key.get("province") or "") or None
                )
            if column == self.FINGERPRINT:
                return short(fp)
            if column == self.ADDED:
                return added_text(str(key.get("added_at", "")))
        if role == FINGERPRINT_ROLE:
            return fp
        if role == Qt.ItemDataRole.ToolTipRole and column == self.FINGERPRINT:
            return spoken(fp)
        if role == Qt.ItemDataRole.FontRole and column == self.FINGERPRINT:
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        return None
