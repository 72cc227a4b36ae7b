"""The products observed at the locus (PR01-PR05 are recorded per product)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ombud_desktop.domain.assessment import AssessmentDocument
from ombud_desktop.domain.limits import NAME_MAX, REASON_MAX
from ombud_desktop.scoring import LocusScore
from ombud_desktop.ui.pages.base import Page, PageContext


class ProductsPage(Page):
    """Name the service products observed, or say why fewer than the instrument asks."""

    def __init__(self, context: PageContext, parent: QWidget | None = None):
        super().__init__(context, parent)
        wanted = context.instrument.completeness.products_per_locus
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Products observed"))
        title.setStyleSheet("font-size: 16px; font-weight: bold;")
        layout.addWidget(title)
        intro = QLabel(
            self.tr(
                "Display (PR01-PR05) is recorded for each product. Choose products that are being "
                "served today, preferably those with the most users."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.names: list[QLineEdit] = []
        for number in range(1, wanted + 1):
            edit = QLineEdit()
            edit.editingFinished.connect(self._changed)
            self.keep_typing(edit, f"products:{number}", NAME_MAX)
            self.names.append(edit)
            form.addRow(self.tr("Product %1").replace("%1", str(number)), edit)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Only if fewer products: why"))
        self.reason.editingFinished.connect(self._changed)
        self.keep_typing(self.reason, "products_reason", REASON_MAX)
        form.addRow(self.tr("Reason"), self.reason)
        layout.addLayout(form)
        layout.addStretch(1)
        self.setFocusProxy(self.names[0])

    def show_state(self, document: AssessmentDocument, score: LocusScore) -> None:
        self._stored = (list(document.products), document.products_reason)
        for number, edit in enumerate(self.names):
            if not edit.hasFocus():
                edit.setText(document.products[number] if number < len(document.products) else "")
        if not self.reason.hasFocus():
            self.reason.setText(document.products_reason or "")

    def _changed(self) -> None:
        products = [edit.text().strip() for edit in self.names if edit.text().strip()]
        reason = self.reason.text().strip() or None
        if (products, reason) == getattr(self, "_stored", None):
            return  # focus left without a change: nothing to save
        aid = self.context.assessment_id
        self.save(lambda s: s.assessments.set_products(aid, products, reason))
