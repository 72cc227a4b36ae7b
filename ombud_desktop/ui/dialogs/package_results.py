"""What an import or a verification found: the receipt, and the verdict per package file."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain.ids import short_id
from ombud_desktop.packages.keys import short, spoken
from ombud_desktop.ui.packages.wording import describe_problem

if TYPE_CHECKING:
    from ombud_desktop.packages.importer import Receipt
    from ombud_desktop.packages.reader import VerifyReport


translate = QCoreApplication.translate  # lupdate reads translate("context", "text")


@dataclass
class Refusal:
    """A package file that was not imported, and why (already worded for the user)."""

    path: Path
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (what is wrong, what to do)


def status_words(status: str) -> str:
    """Return what an import did to one assessment, in words."""
    return {
        "new": translate("PackageResults", "new"),
        "already_present": translate("PackageResults", "already present, nothing new"),
        "older": translate("PackageResults", "older than what you have, nothing changed"),
        "updated": translate("PackageResults", "newer changes added"),
        "conflicts": translate("PackageResults", "conflicting edits found"),
        "pending": translate(
            "PackageResults",
            "arrived after approval: kept, not counted until the supervisor accepts them",
        ),
    }.get(status, status)


def personal_words(state: str) -> str:
    """Return what became of the personal data of one assessment, in words ("" for none)."""
    return {
        "imported": translate("PackageResults", "personal data imported"),
        "withheld": translate(
            "PackageResults", "personal data left out by the sender (no receiving key set)"
        ),
        "locked": translate(
            "PackageResults",
            "personal data not imported: it stays locked until you give your passphrase "
            "(import again with it, or `ombud personal unlock`)",
        ),
        "other_recipient": translate(
            "PackageResults", "personal data sealed to other people, not to you"
        ),
    }.get(state, "")


def value_text(value: Any) -> str:
    """Return a stored value as short text for the conflict list."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def conflict_cell_words(conflict: dict[str, Any]) -> str:
    """Return a receipt's conflicting cell in words ("IN07 — nilai"), as the conflicts window."""
    from ombud_desktop.ui.models.conflicts import cell_words

    if "target" not in conflict:
        return str(conflict["cell"])
    cell = {k: conflict[k] for k in ("target", "row_id", "field")}
    return cell_words({"cell": cell, "label": conflict["cell"]}, "id")


def problem_reasons(problems: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Return the worded reasons of a list of verification problems."""
    return [describe_problem(problem) for problem in problems]


def result_tree() -> QTreeWidget:
    """Return a one-column tree whose long lines scroll sideways (and show in a tooltip)."""
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    tree.setColumnCount(1)
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(False)
    tree.setTextElideMode(Qt.TextElideMode.ElideNone)
    return tree


def finish_tree(tree: QTreeWidget) -> None:
    """Expand every item and give each its own text as a tooltip."""
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value():
        item = iterator.value()
        item.setToolTip(0, item.text(0))
        iterator += 1
    tree.expandAll()


class ReceiptDialog(QDialog):
    """The receipt of an import: per assessment what happened, then the refused files."""

    def __init__(
        self,
        parent: QWidget | None,
        receipts: list[Receipt],
        refused: list[Refusal],
        left_alone: Sequence[Path] = (),
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import receipt"))
        assessments = sum(len(r.assessments) for r in receipts)
        summary = QLabel(
            self.tr("%1 package(s) imported, %2 refused.")
            .replace("%1", str(len(receipts)))
            .replace("%2", str(len(refused)))
        )
        self.tree = result_tree()
        bold = QFont(self.font())
        bold.setBold(True)
        if receipts:
            top = QTreeWidgetItem(
                [self.tr("Accepted: %1 assessment(s)").replace("%1", str(assessments))]
            )
            top.setFont(0, bold)
            self.tree.addTopLevelItem(top)
            for receipt in receipts:
                for entry in receipt.assessments:
                    self._assessment_item(top, receipt, entry)
        if refused:
            top = QTreeWidgetItem([self.tr("Refused: %1 file(s)").replace("%1", str(len(refused)))])
            top.setFont(0, bold)
            self.tree.addTopLevelItem(top)
            for refusal in refused:
                item = QTreeWidgetItem(top, [refusal.path.name])
                for text, hint in refusal.reasons:
                    reason = QTreeWidgetItem(item, [text])
                    if hint:
                        QTreeWidgetItem(reason, [hint])
        if left_alone:
            self._left_alone_items(left_alone, bold)
        finish_tree(self.tree)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 150, 520)

    def _left_alone_items(self, conflict_copies: Sequence[Path], bold: QFont) -> None:
        """List the sync tool's conflict copies, which the inbox reports instead of importing."""
        top = QTreeWidgetItem(
            [
                self.tr("Conflict copies made by the sync tool, not imported: %1")
                .replace("%1", str(len(conflict_copies)))
            ]
        )
        top.setFont(0, bold)
        self.tree.addTopLevelItem(top)
        for path in conflict_copies:
            item = QTreeWidgetItem(top, [path.name])
            QTreeWidgetItem(
                item,
                [
                    self.tr(
                        "Two versions of one file arrived. Keep the right one under the "
                        "package's own name and delete the other."
                    )
                ],
            )

    def _assessment_item(self, top: QTreeWidgetItem, receipt: Receipt, entry: Any) -> None:
        title = (
            self.tr("%1 › %2 (%3): %4")
            .replace("%1", entry.entity)
            .replace("%2", entry.locus)
            .replace("%3", entry.period)
            .replace("%4", status_words(entry.status))
        )
        item = QTreeWidgetItem(top, [title])
        signer = (
            self.tr("Signed by %1 (%2) · %3")
            .replace("%1", receipt.signer_name or "–")
            .replace("%2", short(receipt.signer_fingerprint) if receipt.signer_fingerprint else "–")
            .replace("%3", receipt.path.name)
        )
        QTreeWidgetItem(item, [signer])
        if entry.added:
            QTreeWidgetItem(item, [self.tr("%n change(s) added", "", entry.added)])
        personal = personal_words(entry.personal_data)
        if personal:
            QTreeWidgetItem(item, [personal])
        if entry.duplicate_of:
            QTreeWidgetItem(
                item,
                [
                    self.tr(
                        "Duplicate: assessment %1 assesses the same locus in the same period; "
                        "neither counts until you keep one (Conflicts › Duplicates)"
                    ).replace("%1", short_id(entry.duplicate_of))
                ],
            )
        for conflict in entry.conflicts:
            cell = QTreeWidgetItem(
                item, [self.tr("Conflict in %1:").replace("%1", conflict_cell_words(conflict))]
            )
            for version in conflict["versions"]:
                QTreeWidgetItem(
                    cell,
                    [
                        self.tr("%1 — %2, %3")
                        .replace("%1", value_text(version.get("value")))
                        .replace("%2", str(version.get("author", "")))
                        .replace("%3", str(version.get("at", ""))[:16].replace("T", " "))
                    ],
                )

    @classmethod
    def show_for(
        cls,
        parent: QWidget | None,
        receipts: list[Receipt],
        refused: list[Refusal],
        left_alone: Sequence[Path] = (),
    ) -> None:
        """Show the receipt until the user closes it."""
        dialog = cls(parent, receipts, refused, left_alone)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


class VerifyDialog(QDialog):
    """Per package file: valid (who signed it, with the fingerprint) or what is wrong."""

    def __init__(self, parent: QWidget | None, reports: list[VerifyReport]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Verify packages"))
        self.tree = result_tree()
        for report in reports:
            verdict = self.tr("valid") if report.ok else self.tr("NOT valid")
            item = QTreeWidgetItem([f"{report.path.name}: {verdict}"])
            font = QFont(self.font())
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            if report.signer_fingerprint:
                QTreeWidgetItem(
                    item,
                    [
                        self.tr("Signed by %1, fingerprint %2")
                        .replace("%1", report.signer_name or "–")
                        .replace("%2", spoken(report.signer_fingerprint))
                    ],
                )
            if report.manifest is not None:
                for entry in report.manifest.assessments:
                    QTreeWidgetItem(
                        item,
                        [
                            self.tr(
                                "Assessment %1, %n change(s)", "", int(entry.get("changes", 0))
                            ).replace("%1", str(entry.get("id", ""))[:8])
                        ],
                    )
            for problem in report.problems:
                text, hint = describe_problem(problem.to_json())
                child = QTreeWidgetItem(item, [text])
                if hint:
                    QTreeWidgetItem(child, [hint])
        finish_tree(self.tree)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 150, 420)

    @classmethod
    def show_for(cls, parent: QWidget | None, reports: list[VerifyReport]) -> None:
        """Show the verdicts until the user closes the dialog."""
        dialog = cls(parent, reports)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
