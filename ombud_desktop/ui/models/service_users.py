"""The table of service users interviewed at a locus: profile and answers, no personal data.

Names are never taken and phone numbers are personal data (METHODOLOGY §6), so the table shows
neither; it shows what an assessor needs to see the spread of the sample and spot a missing
answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QDate, QModelIndex, QPersistentModelIndex, Qt

from ombud_desktop.domain.assessment import ServiceUser

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ServiceUserLabels:
    """What the table shows for stored codes, in the user's language.

    ``questions`` are (code, question) pairs in column order; ``answers`` maps an answer code
    (Y, T, X) to its label; ``options`` maps a profile field to {stored value: label}.
    """

    questions: list[tuple[str, str]]
    answers: dict[str, str]
    options: dict[str, dict[str, str]] = field(default_factory=dict)


class ServiceUserTableModel(QAbstractTableModel):
    """Rows of service users: #, product, date, sex, age, then one column per question."""

    PROFILE_COLUMNS = ("number", "product", "service_date", "sex", "age_band")

    def __init__(self, labels: ServiceUserLabels, parent: Any = None):
        super().__init__(parent)
        self.labels = labels
        self._users: list[ServiceUser] = []
        self._headers = [
            self.tr("#"),
            self.tr("Product"),
            self.tr("Date"),
            self.tr("Sex"),
            self.tr("Age"),
            *(code for code, _question in labels.questions),
        ]

    # -- data ----------------------------------------------------------------------------------

    def set_users(self, users: list[ServiceUser]) -> None:
        """Show ``users``; rows already shown are updated in place, so the selection stays."""
        old = [u.respondent_id for u in self._users]
        new = [u.respondent_id for u in users]
        if new[: len(old)] != old:
            self.beginResetModel()
            self._users = list(users)
            self.endResetModel()
            return
        self._users[: len(old)] = users[: len(old)]
        if old:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(old) - 1, self.columnCount() - 1)
            )
        if len(new) > len(old):
            self.beginInsertRows(QModelIndex(), len(old), len(new) - 1)
            self._users.extend(users[len(old) :])
            self.endInsertRows()

    def user_at(self, row: int) -> ServiceUser:
        """Return the service user shown in ``row``."""
        return self._users[row]

    def row_of(self, respondent_id: str) -> int:
        """Return the row of a respondent, or -1."""
        return next(
            (row for row, u in enumerate(self._users) if u.respondent_id == respondent_id), -1
        )

    # -- QAbstractTableModel -------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._users):
            return None
        user = self._users[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(user, column)
        if role == Qt.ItemDataRole.ToolTipRole and column >= len(self.PROFILE_COLUMNS):
            code = self.labels.questions[column - len(self.PROFILE_COLUMNS)][0]
            return user.follow_ups.get(code) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column != 1:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, user: ServiceUser, column: int) -> str:
        if column >= len(self.PROFILE_COLUMNS):
            code = self.labels.questions[column - len(self.PROFILE_COLUMNS)][0]
            answer = user.answers.get(code)
            return self.labels.answers.get(answer, answer) if answer else ""
        field_name = self.PROFILE_COLUMNS[column]
        if field_name == "number":
            return str(user.number) if user.number else ""
        value = getattr(user, field_name)
        if not value:
            return ""
        if field_name == "service_date":
            date = QDate.fromString(value, Qt.DateFormat.ISODate)
            return date.toString("dd/MM/yyyy") if date.isValid() else str(value)
        return self.labels.options.get(field_name, {}).get(value, str(value))

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole and section >= len(self.PROFILE_COLUMNS):
            return self.labels.questions[section - len(self.PROFILE_COLUMNS)][1]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
