"""Open conflicts as plain data read on the store thread, their words, and the list's model.

:func:`load_conflicts` runs on the reader thread: the conflicts of the workspace with each
assessment's instrument and thumbnails of the evidence. The words (which cell, which value) are
made on the GUI thread, in the user's language, from the instrument.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QImage

from ombud_desktop.ui.ops import Store

if TYPE_CHECKING:
    from ombud_desktop.instruments.model import Instrument

Index = QModelIndex | QPersistentModelIndex
THUMBNAIL = 96

DISPLAY_VALUES = ("absent", "incomplete", "complete")
SERVICE_USER_VALUES = ("Y", "T", "X")


# -- reading (store thread) ----------------------------------------------------------------------


def load_conflicts(store: Store) -> list[dict[str, Any]]:
    """Return every open conflict with its instrument and evidence thumbnails (reader thread)."""
    found = store.conflicts.open()
    images: dict[str, QImage] = {}
    for conflict in found:
        conflict["thumbnails"] = []
        for evidence in conflict["evidence"]:
            sha = evidence["sha256"]
            if sha not in images:
                image = QImage(str(evidence["path"]))
                images[sha] = (
                    image.scaled(
                        THUMBNAIL,
                        THUMBNAIL,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                    if not image.isNull()
                    else image
                )
            conflict["thumbnails"].append((evidence["filename"], images[sha]))
    return found


# -- words (GUI thread) --------------------------------------------------------------------------


def is_personal(conflict: dict[str, Any]) -> bool:
    """Return True when the conflicting cell holds personal data (a name, NIP or phone)."""
    from ombud_desktop.services.conflicts import PERSONAL_FIELDS

    cell = conflict["cell"]
    return (cell["target"], cell["field"]) in PERSONAL_FIELDS


def _indicator_title(instrument: Instrument | None, code: str, language: str) -> str:
    found = instrument.find(code) if instrument is not None and code else None
    title = getattr(found, "title", None)
    return f"{code} · {title.get(language)}" if title is not None else code


def cell_words(conflict: dict[str, Any], language: str) -> str:
    """Return the cell in words, e.g. "IN07 · Sarana prasarana — value"."""
    cell = conflict["cell"]
    target, row_id, field = cell["target"], cell["row_id"], cell["field"]
    instrument = conflict.get("instrument")
    if target == "response":
        code, _at, rest = row_id.partition("@")
        title = _indicator_title(instrument, code, language)
        what = {
            "value": QCoreApplication.translate("conflicts", "value"),
            "na_reason": QCoreApplication.translate("conflicts", "why not applicable"),
            "follow_up": QCoreApplication.translate("conflicts", "follow-up"),
        }.get(field, field)
        if rest.startswith("P") and "." in rest:  # PR01@P1.manual
            product, _dot, channel = rest.partition(".")
            channel_word = (
                QCoreApplication.translate("conflicts", "manual")
                if channel == "manual"
                else QCoreApplication.translate("conflicts", "electronic")
            )
            where = (
                QCoreApplication.translate("conflicts", "product %1, %2")
                .replace("%1", product[1:])
                .replace("%2", channel_word)
            )
            return f"{title} ({where}) — {what}"
        if rest and rest.startswith("R") and len(rest) <= 3:  # IN02@R1
            return f"{title} ({rest}) — {what}"
        if rest:  # OUT01@<respondent id>
            someone = QCoreApplication.translate("conflicts", "a service user")
            return f"{title} ({someone}) — {what}"
        return f"{title} — {what}"
    if target == "note":
        notes = QCoreApplication.translate("conflicts", "notes")
        return f"{_indicator_title(instrument, row_id, language)} — {notes}"
    if target == "respondent":
        return f"{QCoreApplication.translate('conflicts', 'Respondent')} — {field}"
    if target == "assessment":
        return f"{QCoreApplication.translate('conflicts', 'Assessment')} — {field}"
    if target == "evidence":
        return f"{QCoreApplication.translate('conflicts', 'Evidence')} — {field}"
    return conflict.get("label") or f"{target} {row_id} {field}"


def value_words(conflict: dict[str, Any], value: Any, language: str) -> str:
    """Return a version's value in words: a level with its anchor, Ya/Tidak, complete…."""
    if value is None:
        return QCoreApplication.translate("conflicts", "(no value)")
    cell = conflict["cell"]
    instrument = conflict.get("instrument")
    if cell["target"] == "response" and cell["field"] == "value" and instrument is not None:
        code = cell["row_id"].partition("@")[0]
        found = instrument.find(code)
        anchors = getattr(found, "anchors", None)
        kind = getattr(found, "kind", None)
        if anchors and isinstance(value, int | float) and int(value) in anchors:
            return f"{int(value)} · {anchors[int(value)].get(language)}"
        if kind == "display" and value in DISPLAY_VALUES:
            return display_word(value)
        if kind == "service_user" and value in SERVICE_USER_VALUES:
            return service_user_word(value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or QCoreApplication.translate("conflicts", "(none)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("conflicts", "yes")
            if value
            else QCoreApplication.translate("conflicts", "no")
        )
    return str(value)


def display_word(value: str) -> str:
    """Return the words for a display answer (absent, incomplete, complete)."""
    return {
        "absent": QCoreApplication.translate("conflicts", "Absent"),
        "incomplete": QCoreApplication.translate("conflicts", "Incomplete"),
        "complete": QCoreApplication.translate("conflicts", "Complete"),
    }[value]


def service_user_word(value: str) -> str:
    """Return the words for a service user's answer (Y, T, X)."""
    return {
        "Y": QCoreApplication.translate("conflicts", "Yes"),
        "T": QCoreApplication.translate("conflicts", "No"),
        "X": QCoreApplication.translate("conflicts", "Does not know"),
    }[value]


def value_choices(conflict: dict[str, Any], language: str) -> list[tuple[Any, str]] | None:
    """Return the values the cell can take, with words; None when it takes free text."""
    cell = conflict["cell"]
    instrument = conflict.get("instrument")
    if cell["target"] != "response" or cell["field"] != "value" or instrument is None:
        return None
    found = instrument.find(cell["row_id"].partition("@")[0])
    anchors = getattr(found, "anchors", None)
    kind = getattr(found, "kind", None)
    if anchors and not (kind == "role_interview" and getattr(found, "recall", None)):
        return [(level, f"{level} · {anchors[level].get(language)}") for level in sorted(anchors)]
    if kind == "display":
        return [(v, display_word(v)) for v in DISPLAY_VALUES]
    if kind == "service_user":
        return [(v, service_user_word(v)) for v in SERVICE_USER_VALUES]
    return None


# -- the list's model ----------------------------------------------------------------------------


class ConflictColumn(IntEnum):
    """The columns of the conflicts list."""

    PLACE = 0
    CELL = 1
    VERSIONS = 2


class ConflictListModel(QAbstractTableModel):
    """Adapt the open conflicts (see :func:`load_conflicts`) to a table."""

    def __init__(
        self,
        conflicts: Sequence[dict[str, Any]] = (),
        *,
        language: str = "id",
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._rows = list(conflicts)
        self._language = language

    def set_conflicts(self, conflicts: Sequence[dict[str, Any]]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(conflicts)
        self.endResetModel()

    def conflict(self, row: int) -> dict[str, Any]:
        """Return the conflict behind table row ``row``."""
        return self._rows[row]

    def conflicts(self) -> list[dict[str, Any]]:
        """Return the conflicts shown."""
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of conflicts (0 under any parent)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under any parent)."""
        return 0 if parent.isValid() else len(ConflictColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column titles."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            ConflictColumn.PLACE: self.tr("Entity › locus"),
            ConflictColumn.CELL: self.tr("Answer"),
            ConflictColumn.VERSIONS: self.tr("Versions"),
        }
        return titles.get(ConflictColumn(section)) if 0 <= section < len(ConflictColumn) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a view asks of one cell."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = ConflictColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == ConflictColumn.PLACE:
                return f"{item.get('entity') or '–'} › {item.get('locus') or '–'}"
            if column == ConflictColumn.CELL:
                return cell_words(item, self._language)
            return str(len(item["versions"]))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ConflictColumn.VERSIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Return selectable and enabled: the list is read-only."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
