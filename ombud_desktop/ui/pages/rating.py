"""Pages for indicators the assessor rates 0-3 against written anchors (and PR06's sub-items)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain.assessment import AssessmentDocument
from ombud_desktop.domain.limits import NOTE_MAX, REASON_MAX
from ombud_desktop.instruments.model import RatingIndicator, SubItem, SubItemsIndicator
from ombud_desktop.scoring import LocusScore
from ombud_desktop.ui.models.assessments import format_number
from ombud_desktop.ui.pages.base import Page, PageContext
from ombud_desktop.ui.widgets.evidence import EvidenceStrip
from ombud_desktop.ui.widgets.levels import LevelChooser
from ombud_desktop.ui.widgets.text import wrapped_label


class RatedBlock(QWidget):
    """One rated thing (an indicator or a sub-item): question, guidance, the four anchors."""

    def __init__(self, page: Page, rated: RatingIndicator | SubItem, *, heading: bool):
        super().__init__(page)
        self.page = page
        self.code = rated.code
        self.setProperty("question", True)  # scrolled into view whole (Page.follow_focus)
        context = page.context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if heading:
            layout.addWidget(
                wrapped_label(f"{rated.code} · {context.text(rated.title)}", bold=True)
            )
        layout.addWidget(wrapped_label(context.text(rated.question)))
        details = []
        if rated.evidence:
            details.append(
                self.tr("Evidence to see: ") + "; ".join(context.text(e) for e in rated.evidence)
            )
        for note in rated.guidance.values():
            details.append(context.text(note))
        if rated.checklist:
            details.append(
                " · ".join(
                    f"{item.code} {item.id if context.language == 'id' else item.en}"
                    for item in rated.checklist
                )
            )
        if details:
            layout.addWidget(wrapped_label("\n".join(details), small=True))
        self.levels = LevelChooser()
        self.levels.set_anchors({level: context.text(a) for level, a in rated.anchors.items()})
        self.levels.level_chosen.connect(self._chosen)
        layout.addWidget(self.levels)
        row = QHBoxLayout()
        self.not_applicable = QCheckBox(self.tr("Not applicable"))
        self.not_applicable.toggled.connect(self._na_toggled)
        row.addWidget(self.not_applicable)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why it does not apply (required)"))
        self.reason.editingFinished.connect(self._reason_given)
        page.keep_typing(self.reason, f"na_reason:{self.code}", REASON_MAX)
        row.addWidget(self.reason, 1)
        layout.addLayout(row)

    def show_answer(self, document: AssessmentDocument) -> None:
        """Show the stored level or not-applicable mark."""
        answer = document.answers.get(self.code)
        na = bool(answer and answer.not_applicable)
        # A reason typed and not yet saved (a crash came first): the tick is shown with it.
        na = na or self.page.typed_draft(f"na_reason:{self.code}") is not None
        self.levels.set_level(None if answer is None or na else answer.value)
        self.levels.setEnabled(not na)
        self.not_applicable.setChecked(na)
        self.reason.setEnabled(na)
        self._stored_reason = (answer.na_reason or "") if answer else ""
        if not self.reason.hasFocus():
            self.reason.setText(self._stored_reason)

    def _chosen(self, level: int) -> None:
        code, aid = self.code, self.page.context.assessment_id
        self.page.save(lambda s: s.assessments.set_rating(aid, code, level))

    def _na_toggled(self, checked: bool) -> None:
        self.reason.setEnabled(checked)
        self.levels.setEnabled(not checked)
        if checked:
            self.reason.setFocus()
        elif not self.page._loading:
            self.page.forget_draft(f"na_reason:{self.code}")
            code = self.code
            aid = self.page.context.assessment_id
            self.page.save(lambda s: s.assessments.set_not_applicable(aid, code, None))

    def _reason_given(self) -> None:
        text = self.reason.text().strip()
        if self.not_applicable.isChecked() and text and text != self._stored_reason:
            code = self.code
            aid = self.page.context.assessment_id
            self.page.save(lambda s: s.assessments.set_not_applicable(aid, code, text))


class RatingPage(Page):
    """An assessor-rated indicator (IN07-IN15, PR07-PR11, PG01-PG06) or PR06 with sub-items."""

    def __init__(
        self,
        context: PageContext,
        indicator: RatingIndicator | SubItemsIndicator,
        parent: QWidget | None = None,
    ):
        super().__init__(context, parent)
        self.indicator = indicator
        layout = self.scrolling_body(f"{indicator.code} · {context.text(indicator.title)}")
        self.blocks: list[RatedBlock] = []
        if isinstance(indicator, SubItemsIndicator):
            for sub in indicator.sub_items:
                box = QGroupBox()
                inner = QVBoxLayout(box)
                block = RatedBlock(self, sub, heading=True)
                inner.addWidget(block)
                layout.addWidget(box)
                self.blocks.append(block)
            self.value_label = wrapped_label("")
            layout.addWidget(self.value_label)
        else:
            block = RatedBlock(self, indicator, heading=False)
            layout.addWidget(block)
            self.blocks.append(block)
            self.value_label = None
        self.evidence = EvidenceStrip(context, indicator.code)
        layout.addWidget(self.evidence)
        layout.addWidget(wrapped_label(self.tr("Notes")))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(
            self.tr("Notes for this indicator (saved as you leave the box)")
        )
        self.note.setMaximumHeight(70)
        self.note.installEventFilter(self)
        self.keep_typing(self.note, f"note:{indicator.code}", NOTE_MAX)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.setFocusProxy(self.blocks[0].levels)

    def show_state(self, document: AssessmentDocument, score: LocusScore) -> None:
        for block in self.blocks:
            block.show_answer(document)
        self.evidence.show_evidence(document.evidence, document.visit_date)
        self._stored_note = document.notes.get(self.indicator.code, "")
        if not self.note.hasFocus():
            self.note.setPlainText(self._stored_note)
        if self.value_label is not None:
            value = score.indicators[self.indicator.code].value
            self.value_label.setText(
                self.tr("Value (mean of the sub-items): %1").replace("%1", format_number(value))
            )

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (
            watched is self.note
            and event.type() == event.Type.FocusOut
            and self.note.toPlainText() != getattr(self, "_stored_note", "")
        ):
            text = self.note.toPlainText()
            code = self.indicator.code
            aid = self.context.assessment_id
            self.save(lambda s: s.assessments.set_note(aid, code, text))
        return super().eventFilter(watched, event)

    def choose_level(self, level: int) -> bool:
        focused = next(
            (b for b in self.blocks if b.isAncestorOf(self.focusWidget() or self)), self.blocks[0]
        )
        if not focused.levels.isEnabled():
            return False
        focused.levels.set_level(level)
        focused._chosen(level)
        return True

    def show_target(self, target: str) -> None:
        """Focus the rated block a missing item names (PR06b: the second sub-item)."""
        block = next((b for b in self.blocks if b.code == target.split(":")[0]), None)
        if block is None:
            return
        block.levels.setFocus()
        self.scroll_to(block.levels, whole=block)
