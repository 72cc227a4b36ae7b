"""Display of one service-standard component (PR01-PR05), per product and per channel.

For each product observed, the manual and the electronic channel are each recorded as absent,
incomplete or complete; the instrument's table turns the pair into the product's value, and the
indicator's value is the mean over the products (METHODOLOGY §3.3). Both are shown as they are
derived, from the live score.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
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
            group = QButtonGroup(line)
            for column, status in enumerate(display.statuses):
                radio = QRadioButton(context.text(status.label))
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
