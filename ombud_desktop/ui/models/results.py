"""The results screens' models over entity and locus rows, and their words.

The rows are built on the reader thread by :func:`ombud_desktop.services.results.load_results`;
the models below only adapt those plain dicts to Qt.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from ombud_desktop import entity_lines, words
from ombud_desktop.ui.models.assessments import format_number, readable_text_colour, status_text
from ombud_desktop.ui.models.rows import RowsTableModel

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
"""Returns the row's key: ``(entity_id, period)`` for an entity, the assessment id for a locus."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Returns a value that sorts naturally (numbers as numbers, unscored last)."""


def counts(entities: Sequence[Mapping[str, Any]]) -> tuple[Counter[str], Counter[str], int]:
    """Return entities per grade, per zone ("" for no grade) and how many are provisional."""
    grades: Counter[str] = Counter()
    zones: Counter[str] = Counter()
    for e in entities:
        grades[e["grade"] or ""] += 1
        zones[e["zone"] or ""] += 1
    return grades, zones, sum(1 for e in entities if e["provisional"])


# -- words -------------------------------------------------------------------------------------


def label_in(item: Mapping[str, Any], key: str, language: str, fallback: str = "") -> str:
    """Return ``item[key][language]`` of a {id, en} label, or ``fallback``."""
    label = item.get(key) or {}
    return label.get(language) or label.get("id") or fallback


def grade_text(item: Mapping[str, Any], language: str) -> str:
    """Return "C · Kuning" (with "(provisional)", "(capped)"), or "–" without a grade."""
    if item.get("zone") is None:
        return "–"
    zone = label_in(item, "zone_label", language, str(item["zone"]).capitalize())
    text = f"{item['grade']} · {zone}" if item.get("grade") else zone
    if item.get("capped"):
        text = QCoreApplication.translate("ResultsModel", "{grade} (capped)").format(grade=text)
    if item.get("provisional"):
        text = QCoreApplication.translate("ResultsModel", "{grade} (provisional)").format(
            grade=text
        )
    return text


def correction_text(correction: Mapping[str, Any], language: str) -> str:
    """Return a substantive correction in words, with its reason (the shared words)."""
    return words.correction_text(
        correction["kind"], correction["points"], correction["cap_grade"], correction["reason"],
        language,
    )


def _badge(role: int, item: Mapping[str, Any]) -> Any:
    if not item.get("zone_colour"):
        return None
    colour = QColor(item["zone_colour"])
    if role == Qt.ItemDataRole.BackgroundRole:
        return colour
    if role == Qt.ItemDataRole.ForegroundRole:
        return readable_text_colour(colour)
    return None


def _score_key(value: float | None) -> float:
    return -1.0 if value is None else float(value)  # unscored sorts below every score


# -- the entity table ---------------------------------------------------------------------------


class EntityColumn(IntEnum):
    """The columns of the entity table."""

    RANK = 0
    PROVINCE_RANK = 1
    ENTITY = 2
    CATEGORY = 3
    PROVINCE = 4
    PERIOD = 5
    SCORE = 6
    GRADE = 7
    PREVIOUS = 8
    CHANGE = 9
    STATUS = 10
    LOCI = 11
    APPROVED = 12
    CORRECTIONS = 13


def entity_status(item: Mapping[str, Any], language: str) -> str:
    """Return "Final", or "Sementara: 2 dari 7 lokus; …" (the entity's reasons in words)."""
    return entity_lines.status_text(item["provisional"], item.get("reasons") or (), language)


def rank_scope(item: Mapping[str, Any], language: str) -> str:
    """Return what an entity's rank is among, in words ("peringkat di antara kota …")."""
    category = label_in(item, "category_label", language, item["category"])
    return entity_lines.scope_text(item.get("rank_scope"), category, language,
                                   item.get("ranked_provinces") or ())


def previous_text(item: Mapping[str, Any], language: str) -> str:
    """Return the previous period's result ("2023: 65,10 (C)"), or "" without one."""
    previous = item.get("previous")
    return entity_lines.previous_text(previous, language) if previous else ""


def change_text(item: Mapping[str, Any], language: str) -> str:
    """Return the change in points since the previous period ("+3,20"), or ""."""
    change = item.get("change")
    return "" if change is None else entity_lines.signed_points(change, language)


class EntityTableModel(RowsTableModel):
    """Adapt entity dicts (see :func:`ombud_desktop.services.results.load_results`) to a table."""

    def __init__(self, *, language: str = "id", parent: QObject | None = None):
        super().__init__(parent=parent)
        self._language = language

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns (0 under any parent)."""
        return 0 if parent.isValid() else len(EntityColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(EntityColumn):
            return None
        if role == Qt.ItemDataRole.ToolTipRole and section == EntityColumn.RANK:
            return self.tr("Rank within the entity's category and period, among the entities "
                           "the workspace holds: what it is among is written above the table")
        if role == Qt.ItemDataRole.ToolTipRole and section == EntityColumn.PROVINCE_RANK:
            return self.tr("Rank within the entity's category and period in its own province")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            EntityColumn.RANK: self.tr("Rank"),
            EntityColumn.PROVINCE_RANK: self.tr("In province"),
            EntityColumn.APPROVED: self.tr("Approved"),
            EntityColumn.PREVIOUS: self.tr("Previous period"),
            EntityColumn.CHANGE: self.tr("Change"),
            EntityColumn.STATUS: self.tr("Status"),
            EntityColumn.ENTITY: self.tr("Entity"),
            EntityColumn.CATEGORY: self.tr("Category"),
            EntityColumn.PROVINCE: self.tr("Province"),
            EntityColumn.PERIOD: self.tr("Period"),
            EntityColumn.LOCI: self.tr("Loci"),
            EntityColumn.SCORE: self.tr("Score"),
            EntityColumn.GRADE: self.tr("Grade"),
            EntityColumn.CORRECTIONS: self.tr("Corrections"),
        }[EntityColumn(section)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a view asks of one cell."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = EntityColumn(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == ID_ROLE:
            return item["key"]
        if role == SORT_ROLE:
            return self._sort_key(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            EntityColumn.RANK, EntityColumn.PROVINCE_RANK, EntityColumn.LOCI,
            EntityColumn.APPROVED, EntityColumn.SCORE, EntityColumn.CHANGE,
        ):  # fmt: skip
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == EntityColumn.GRADE and role in (
            Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
        ):  # fmt: skip
            return _badge(role, item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, column)
        return None

    def _display(self, item: Mapping[str, Any], column: EntityColumn) -> str:
        if column == EntityColumn.RANK:
            return "–" if item["rank"] is None else str(item["rank"])
        if column == EntityColumn.PROVINCE_RANK:
            rank = item.get("rank_in_province")
            return "–" if rank is None else str(rank)
        if column == EntityColumn.APPROVED:
            return f"{item.get('loci_approved', 0)}/{self._planned(item)}"
        if column == EntityColumn.PREVIOUS:
            return previous_text(item, self._language)
        if column == EntityColumn.CHANGE:
            return change_text(item, self._language)
        if column == EntityColumn.STATUS:
            return entity_status(item, self._language)
        if column == EntityColumn.ENTITY:
            return item["entity"]
        if column == EntityColumn.CATEGORY:
            return label_in(item, "category_label", self._language, item["category"])
        if column == EntityColumn.PROVINCE:
            return item["province"]
        if column == EntityColumn.PERIOD:
            return item["period"]
        if column == EntityColumn.LOCI:
            return f"{item['loci_scored']}/{item['loci_total']}"
        if column == EntityColumn.SCORE:
            return format_number(item["score"], self._language)
        if column == EntityColumn.GRADE:
            return grade_text(item, self._language)
        return "; ".join(correction_text(c, self._language) for c in item["corrections"])

    @staticmethod
    def _planned(item: Mapping[str, Any]) -> int:
        planned = item.get("loci_planned")
        return item["loci_total"] if planned is None else planned

    def _sort_key(self, item: Mapping[str, Any], column: EntityColumn) -> Any:
        if column == EntityColumn.RANK:
            return 10**9 if item["rank"] is None else item["rank"]
        if column == EntityColumn.PROVINCE_RANK:
            rank = item.get("rank_in_province")
            return 10**9 if rank is None else rank
        if column == EntityColumn.APPROVED:
            return item.get("loci_approved", 0)
        if column == EntityColumn.CHANGE:
            change = item.get("change")
            return -(10.0**9) if change is None else change
        if column == EntityColumn.PREVIOUS:
            return _score_key((item.get("previous") or {}).get("score"))
        if column == EntityColumn.LOCI:
            return item["loci_total"]
        if column in (EntityColumn.SCORE, EntityColumn.GRADE):
            return _score_key(item["score"])
        if column == EntityColumn.CORRECTIONS:
            return len(item["corrections"])
        return self._display(item, column).casefold()

    def _tooltip(self, item: Mapping[str, Any], column: EntityColumn) -> str | None:
        if column in (EntityColumn.GRADE, EntityColumn.STATUS) and item["provisional"]:
            return entity_status(item, self._language)
        if column == EntityColumn.RANK and item["rank"] is not None:
            return self.tr("Rank %1 of %2, period %3: %4").replace(
                "%1", str(item["rank"])).replace("%2", str(item["ranked"])).replace(
                "%3", item["period"]).replace("%4", rank_scope(item, self._language))
        if column == EntityColumn.APPROVED:
            return entity_lines.approved_text(
                item.get("loci_approved", 0), item.get("loci_planned"), item["loci_total"],
                self._language)
        if column in (EntityColumn.PREVIOUS, EntityColumn.CHANGE) and item.get("previous"):
            return entity_lines.change_text(item["score"], item["previous"], self._language)
        return None


class EntityFilter(QSortFilterProxyModel):
    """Show the entities of one period and province that match every search word."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._period: str | None = None
        self._province: str | None = None
        self._category: str | None = None
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_period(self, period: str | None) -> None:
        """Keep one period (None: every period)."""
        self._change(period=period)

    def set_province(self, province: str | None) -> None:
        """Keep one province (None: every province)."""
        self._change(province=province)

    def set_category(self, category: str | None) -> None:
        """Keep one entity category (None: every category)."""
        self._change(category=category)

    def set_search(self, text: str) -> None:
        """Keep entities whose name contains every word of ``text``."""
        self._change(words=text.casefold().split())

    def _change(self, **values: Any) -> None:
        self.beginFilterChange()
        for name, value in values.items():
            setattr(self, f"_{name}", value)
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def accepts(self, item: Mapping[str, Any]) -> bool:
        """Return True when ``item`` passes the period, province and search filters."""
        if self._period is not None and item["period"] != self._period:
            return False
        if self._province is not None and item["province"] != self._province:
            return False
        if self._category is not None and item["category"] != self._category:
            return False
        name = item["entity"].casefold()
        return all(word in name for word in self._words)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Return True when the source row passes every filter."""
        model = self.sourceModel()
        if not isinstance(model, EntityTableModel):
            return True
        return self.accepts(model.row_data(source_row))


# -- the loci of one entity ---------------------------------------------------------------------


class LocusColumn(IntEnum):
    """The fixed columns of an entity's loci table (the dimension columns come before SCORE)."""

    LOCUS = 0
    STATUS = 1
    REVIEW = 2
    SCORE = 3
    GRADE = 4
    MISSING = 5


class LocusTableModel(RowsTableModel):
    """Adapt the locus dicts of one entity to a table: fixed columns, then one per dimension."""

    def __init__(self, *, language: str = "id", parent: QObject | None = None):
        self._dimensions: list[str] = []
        super().__init__(parent=parent)
        self._language = language

    def _rows_changed(self) -> None:
        """Take the dimension columns from the loci given."""
        dimensions: dict[str, None] = {}
        for row in self._rows:
            for code in row["dimensions"]:
                dimensions.setdefault(code, None)
        self._dimensions = list(dimensions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Return the fixed columns plus one per dimension (0 under any parent)."""
        return 0 if parent.isValid() else len(LocusColumn) + len(self._dimensions)

    def _column(self, section: int) -> LocusColumn | str:
        """Return the fixed column, or the dimension code, at ``section``."""
        # Locus, Status, Review, the dimensions (IN, PR, OUT, PG), then Score, Grade, Missing.
        if section < LocusColumn.SCORE:
            return LocusColumn(section)
        if section < LocusColumn.SCORE + len(self._dimensions):
            return self._dimensions[section - LocusColumn.SCORE]
        return LocusColumn(section - len(self._dimensions))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the translated column titles (dimension codes as they are)."""
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.columnCount():
            return None
        column = self._column(section)
        if isinstance(column, str):
            return column
        return {
            LocusColumn.LOCUS: self.tr("Locus"),
            LocusColumn.STATUS: self.tr("Status"),
            LocusColumn.REVIEW: self.tr("Review"),
            LocusColumn.SCORE: self.tr("Score"),
            LocusColumn.GRADE: self.tr("Grade"),
            LocusColumn.MISSING: self.tr("Missing"),
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return what a view asks of one cell."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = self._column(index.column())
        if role == ID_ROLE:
            return item["id"]
        if isinstance(column, str):
            value = item["dimensions"].get(column)
            if role == Qt.ItemDataRole.DisplayRole:
                return format_number(value, self._language)
            if role == SORT_ROLE:
                return _score_key(value)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            if column in (LocusColumn.SCORE, LocusColumn.GRADE):
                return _score_key(item["score"])
            if column == LocusColumn.MISSING:
                return len(item["reasons"])
            return self._display(item, column).casefold()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            LocusColumn.SCORE, LocusColumn.MISSING,
        ):  # fmt: skip
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == LocusColumn.GRADE and role in (
            Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole,
        ):  # fmt: skip
            return _badge(role, item)
        return None

    def _display(self, item: Mapping[str, Any], column: LocusColumn) -> str:
        if column == LocusColumn.LOCUS:
            return item["locus"]
        if column == LocusColumn.STATUS:
            return status_text(item["status"])
        if column == LocusColumn.REVIEW:
            return entity_lines.review_mark(item.get("review"), self._language)
        if column == LocusColumn.SCORE:
            return format_number(item["score"], self._language)
        if column == LocusColumn.GRADE:
            return grade_text(item, self._language)
        return str(len(item["reasons"])) if item["reasons"] else ""
