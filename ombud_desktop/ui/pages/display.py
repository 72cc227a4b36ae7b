"""Display of one service-standard component (PR01-PR05), per product and per channel.

Answered from the keyboard like a table: each channel of each product is a cell; keys 1-3
choose the cell's status (shown on the buttons, "[1] Tidak ada") and move to the next cell,
Up/Down and Tab move between cells, Left/Right between the statuses of a cell without choosing.

For each product observed, the manual and the electronic channel are each recorded as absent,
incomplete or complete; the instrument's table turns the pair into the product's value, and the
indicator's value is the mean over the products (METHODOLOGY §3.3). Both are shown as they are
derived, from the live score.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain.assessment import AssessmentDocument
from ombud_desktop.instruments.model import DisplayIndicator
from ombud_desktop.scoring import LocusScore
from ombud_desktop.ui.pages.base import Page, PageContext
from ombud_desktop.ui.widgets.levels import format_level
from ombud_desktop.ui.widgets.marks import CHECKED_BUTTONS, hinted
from ombud_desktop.ui.widgets.text import wrapped_label


def _show_choice(group: QButtonGroup, choice: int) -> None:
    """Check button ``choice`` of an exclusive group (-1: none) and make it the group's Tab stop.

    One Tab stop per group keeps the page quick to cross; arrow keys move within a group.
    """
    if choice < 0:
        group.setExclusive(False)
        for button in group.buttons():
            button.setChecked(False)
        group.setExclusive(True)
    else:
        group.button(choice).setChecked(True)
    target = group.button(max(choice, 0))
    for button in group.buttons():
        button.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if button is target else Qt.FocusPolicy.ClickFocus
        )


class _ProductBlock(QGroupBox):
    """One product: a row of three statuses for each channel, and the product's value."""

    def __init__(self, page: DisplayPage, number: int, name: str):
        super().__init__(
            QCoreApplication.translate("DisplayPage", "Product %1: %2")
            .replace("%1", str(number))
            .replace("%2", name)
        )
        self.page = page
        self.number = number
        context = page.context
        display = context.instrument.display
        self.statuses = [status.code for status in display.statuses]
        grid = QGridLayout(self)
        grid.setColumnStretch(1, 1)
        self.groups: dict[str, QButtonGroup] = {}
        for row, channel in enumerate(display.channels):
            label = wrapped_label(context.text(channel.label))
            label.setToolTip(
                "\n\n".join(context.text(t) for t in (channel.definition, channel.timing) if t)
            )
            grid.addWidget(label, row, 0)
            # Each channel's radios get their own parent: Qt treats the radios of one parent
            # as one Tab stop, which would make the second channel unreachable by Tab.
            line = QWidget()
            line_layout = QHBoxLayout(line)
            line_layout.setContentsMargins(0, 0, 0, 0)
            line.setStyleSheet(CHECKED_BUTTONS)
            group = QButtonGroup(line)
            for column, status in enumerate(display.statuses):
                radio = QRadioButton(hinted(str(column + 1), context.text(status.label)))
                radio.installEventFilter(self)
                radio.setToolTip(context.text(status.rule))
                radio.setAccessibleName(
                    f"{context.text(channel.label)}: {context.text(status.label)}"
                )
                group.addButton(radio, column)
                line_layout.addWidget(radio)
            line_layout.addStretch(1)
            grid.addWidget(line, row, 1)
            group.idClicked.connect(lambda index, ch=channel.code: self._chosen(ch, index))
            _show_choice(group, -1)
            self.groups[channel.code] = group
        self.value = wrapped_label(bold=True)
        grid.addWidget(self.value, len(display.channels), 0, 1, 2)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Arrows never choose a status (an exclusive group's radios check themselves as the
        # focus moves): Up/Down go to the cell above or below, Left/Right along the cell.
        if event.type() == QEvent.Type.KeyPress and isinstance(watched, QRadioButton):
            key = event.key()  # type: ignore[attr-defined]
            if event.modifiers() == Qt.KeyboardModifier.NoModifier:  # type: ignore[attr-defined]
                if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                    self.page.move_cell(watched, -1 if key == Qt.Key.Key_Up else 1)
                    return True
                if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                    self._along(watched, -1 if key == Qt.Key.Key_Left else 1)
                    return True
        return super().eventFilter(watched, event)

    def _along(self, radio: QRadioButton, step: int) -> None:
        for group in self.groups.values():
            buttons = group.buttons()
            if radio in buttons:
                index = max(0, min(len(buttons) - 1, buttons.index(radio) + step))
                buttons[index].setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def show_product(self, statuses: dict[str, str], value: float | None) -> None:
        """Show the stored status of each channel and the derived product value."""
        for channel, group in self.groups.items():
            status = statuses.get(channel)
            _show_choice(group, self.statuses.index(status) if status in self.statuses else -1)
        self.value.setText(
            QCoreApplication.translate("DisplayPage", "→ value %1").replace(
                "%1", format_level(value)
            )
        )

    def _chosen(self, channel: str, index: int) -> None:
        _show_choice(self.groups[channel], index)
        status = self.statuses[index]
        aid, code, number = self.page.context.assessment_id, self.page.code, self.number
        self.page.save(lambda s: s.assessments.set_display(aid, code, number, channel, status))


class DisplayPage(Page):
    """PR01-PR05: for each named product, the status of the component in each channel."""

    def __init__(self, context: PageContext, indicator_code: str, parent: QWidget | None = None):
        super().__init__(context, parent)
        indicator = context.instrument.indicator(indicator_code)
        if not isinstance(indicator, DisplayIndicator):
            raise TypeError(f"{indicator_code} is not a display indicator")
        self.indicator = indicator
        self.code = indicator_code
        self._products: list[str] | None = None
        self.blocks: list[_ProductBlock] = []
        layout = self.scrolling_body(f"{indicator.code} · {context.text(indicator.title)}")
        layout.addWidget(wrapped_label(self.tr("Complete when:"), bold=True))
        layout.addWidget(wrapped_label(context.text(indicator.complete)))
        if indicator.incomplete_examples:
            layout.addWidget(wrapped_label(self.tr("Incomplete, for example:"), bold=True))
            layout.addWidget(
                wrapped_label(
                    "\n".join(f"• {context.text(e)}" for e in indicator.incomplete_examples)
                )
            )
        notes = [
            f"{context.text(channel.label)}: {context.text(note)}"
            for channel, note in zip(
                context.instrument.display.channels,
                (indicator.manual_note, indicator.electronic_note),
                strict=True,
            )
            # The instrument writes "—" where a channel has nothing special to say.
            if note is not None and context.text(note).strip(" —-")
        ]
        if notes:
            layout.addWidget(wrapped_label("\n".join(notes), small=True))
        self.no_products = wrapped_label(
            self.tr(
                "No product is named yet. Name the products observed on the Products page first."
            )
        )
        layout.addWidget(self.no_products)
        self.products_area = QVBoxLayout()
        layout.addLayout(self.products_area)
        self.value = wrapped_label(bold=True)
        layout.addWidget(self.value)
        layout.addStretch(1)

    def show_state(self, document: AssessmentDocument, score: LocusScore) -> None:
        if document.products != self._products:
            self._build_products(list(document.products))
        recorded = document.display.get(self.code, {})
        result = score.indicators.get(self.code)
        parts = result.parts if result else {}
        for block in self.blocks:
            block.show_product(recorded.get(block.number, {}), parts.get(f"P{block.number}"))
        if result is not None and result.not_applicable:
            self.value.setText(self.tr("Not applicable: %1").replace("%1", result.na_reason or ""))
        else:
            self.value.setText(
                self.tr("Value of %1 (mean over the products): %2")
                .replace("%1", self.code)
                .replace("%2", format_level(result.value if result else None))
            )
        # The window focuses the page on arrival: land on the first product's first channel.
        if self.blocks:
            group = next(iter(self.blocks[0].groups.values()))
            self.setFocusProxy(group.checkedButton() or group.button(0))
        else:
            self.setFocusProxy(None)

    # -- keyboard ------------------------------------------------------------------------------

    def _cells(self) -> list[tuple[_ProductBlock, str, QButtonGroup]]:
        """Return every (product, channel) cell, in reading order."""
        return [(block, ch, group) for block in self.blocks for ch, group in block.groups.items()]

    def _cell_of(self, widget: Any) -> int | None:
        for index, (_block, _channel, group) in enumerate(self._cells()):
            if widget in group.buttons():
                return index
        return None

    def _focus_cell(self, index: int) -> None:
        cells = self._cells()
        if cells:
            group = cells[max(0, min(len(cells) - 1, index))][2]
            (group.checkedButton() or group.button(0)).setFocus(Qt.FocusReason.TabFocusReason)

    def move_cell(self, radio: QRadioButton, step: int) -> None:
        """Move the focus to the cell ``step`` cells after (or before) the one of ``radio``."""
        index = self._cell_of(radio)
        if index is not None:
            self._focus_cell(index + step)

    def choose_level(self, level: int) -> bool:
        """Keys 1-3: choose that status in the cell with the focus, then go to the next cell."""
        cells = self._cells()
        statuses = len(self.context.instrument.display.statuses)
        if not cells or not 1 <= level <= statuses or not self.isEnabled():
            return False
        index = self._cell_of(self.focusWidget())
        if index is None:  # arrived on the page: the first cell still open
            index = next((i for i, c in enumerate(cells) if c[2].checkedButton() is None), 0)
        block, channel, group = cells[index]
        group.button(level - 1).setChecked(True)
        block._chosen(channel, level - 1)
        self._focus_cell(index + 1 if index + 1 < len(cells) else index)
        return True

    def show_target(self, target: str) -> None:
        """Focus the first cell of the product a missing item names ("PR01:P2")."""
        _code, _sep, product = target.partition(":P")
        block = next((b for b in self.blocks if str(b.number) == product), None)
        if block is not None:
            self._focus_cell(self.blocks.index(block) * len(block.groups))

    def _build_products(self, products: list[str]) -> None:
        """Make one block per named product (only when the names change: focus stays put)."""
        for block in self.blocks:
            self.products_area.removeWidget(block)
            block.deleteLater()
        self.blocks = [
            _ProductBlock(self, number, name) for number, name in enumerate(products, start=1)
        ]
        for block in self.blocks:
            self.products_area.addWidget(block)
        self.no_products.setVisible(not products)
        self._products = products
