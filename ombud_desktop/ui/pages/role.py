"""One job role's interview (R1-R4): the respondent, then IN01 by free recall and IN02-IN06 rated.

The respondent card comes first because the items can only be answered for a role recorded as
interviewed (the service refuses them otherwise); a role that does not exist at the unit is
marked not present, with a reason, and its items stay disabled.
"""

from __future__ import annotations

import math

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.domain.assessment import AssessmentDocument, RoleInterview
from ombud_desktop.domain.limits import NAME_MAX, NIP_MAX, REASON_MAX
from ombud_desktop.instruments.model import Item, Role, RoleInterviewIndicator
from ombud_desktop.scoring import LocusScore
from ombud_desktop.ui.pages.base import Page, PageContext
from ombud_desktop.ui.widgets.levels import LevelChooser, format_level
from ombud_desktop.ui.widgets.text import wrapped_label

_INTERVIEWED, _ABSENT = 1, 0


def _item_text(item: Item, language: str) -> str:
    return item.en if language == "en" else item.id


def _set_text(edit: QLineEdit, value: str | None) -> None:
    """Show a stored text, unless the user is typing in that box."""
    if not edit.hasFocus():
        edit.setText(value or "")


class _RecallBlock(QGroupBox):
    """A free-recall item (IN01): tick the components named unprompted; the count is the level."""

    def __init__(self, page: RolePage, indicator: RoleInterviewIndicator):
        context = page.context
        super().__init__(f"{indicator.code} · {context.text(indicator.title)}")
        assert indicator.recall is not None
        self.page = page
        self.indicator = indicator
        self.recall = indicator.recall
        # The last list sent to the store, until the store shows it back (see show_role).
        self._sent: list[str] | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(context.text(indicator.question)))
        layout.addWidget(
            wrapped_label(
                self.tr("Tick each component the respondent named unprompted."), small=True
            )
        )
        grid = QGridLayout()
        items = self.recall.items
        rows = math.ceil(len(items) / 2)
        self.boxes: dict[str, QCheckBox] = {}
        # Column by column, so Tab follows the reading order of each column.
        for index, item in enumerate(items):
            box = QCheckBox(_item_text(item, context.language))
            if item.synonyms_id:
                box.setToolTip(self.tr("Also counts: %1").replace("%1", item.synonyms_id))
            box.clicked.connect(self._ticked)
            grid.addWidget(box, index % rows, index // rows)
            self.boxes[item.code] = box
        layout.addLayout(grid)
        self.result = wrapped_label(bold=True)
        layout.addWidget(self.result)

    def ticked(self) -> list[str]:
        """Return the codes ticked in the widgets, in instrument order."""
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def show_role(self, role: RoleInterview | None) -> None:
        """Show the stored ticks (unless a newer list of ours is still on its way)."""
        stored = list(role.recall.get(self.indicator.code) or []) if role else []
        if self._sent is not None and stored != self._sent:
            # Our last save has not come back yet: re-ticking the stored (older) list now would
            # make the next tick send a list without the ticks in flight.
            self._show_count()
            return
        self._sent = None
        for code, box in self.boxes.items():
            box.setChecked(code in stored)
        self._show_count()

    def _show_count(self) -> None:
        count = len(self.ticked())
        level = self.recall.value_for(count)
        self.result.setText(
            self.tr("Named: %1 → level %2")
            .replace("%1", str(count))
            .replace("%2", format_level(level))
        )

    def _ticked(self) -> None:
        ticks = self.ticked()
        self._show_count()
        self._sent = ticks
        aid, role, code = self.page.context.assessment_id, self.page.role_code, self.indicator.code
        self.page.save(lambda s: s.assessments.set_recall(aid, role, code, ticks))


class _RatedBlock(QGroupBox):
    """A rated role item (IN02-IN06): the question, the key points to listen for, the anchors."""

    def __init__(self, page: RolePage, indicator: RoleInterviewIndicator):
        context = page.context
        super().__init__(f"{indicator.code} · {context.text(indicator.title)}")
        assert indicator.anchors is not None
        self.page = page
        self.indicator = indicator
        layout = QVBoxLayout(self)
        layout.addWidget(wrapped_label(context.text(indicator.question)))
        aids = []
        for group in indicator.key_points:
            if group.roles is None or page.role_code in group.roles:
                aids.append(
                    " · ".join(
                        f"{item.code} {_item_text(item, context.language)}" for item in group.items
                    )
                )
        aids.extend(context.text(note) for note in indicator.guidance.values())
        if aids:
            layout.addWidget(wrapped_label("\n".join(aids), small=True))
        self.levels = LevelChooser()
        self.levels.set_anchors(
            {level: context.text(anchor) for level, anchor in indicator.anchors.items()}
        )
        self.levels.setToolTip(self.tr("Keys 0-3 choose the level"))
        self.levels.level_chosen.connect(self._chosen)
        layout.addWidget(self.levels)

    def show_role(self, role: RoleInterview | None) -> None:
        """Show the stored level of this role."""
        self.levels.set_level(role.ratings.get(self.indicator.code) if role else None)

    def _chosen(self, level: int) -> None:
        aid, role, code = self.page.context.assessment_id, self.page.role_code, self.indicator.code
        self.page.save(lambda s: s.assessments.set_role_rating(aid, role, code, level))


class RolePage(Page):
    """The interview of one role: respondent card, IN01 tick list, IN02-IN06 with anchors."""

    def __init__(self, context: PageContext, role_code: str, parent: QWidget | None = None):
        super().__init__(context, parent)
        self.role_code = role_code
        self.role: Role = next(r for r in context.instrument.roles.items if r.code == role_code)
        self._stored: RoleInterview | None = None
        # "Not present" chosen but not saved yet (it needs a reason first).
        self._pending_absent = False
        layout = self.scrolling_body(f"{role_code} · {context.text(self.role.title)}")
        if self.role.examples is not None:
            layout.addWidget(wrapped_label(context.text(self.role.examples), small=True))
        rules = context.instrument.roles.interview_rules
        if rules:
            layout.addWidget(
                wrapped_label("\n".join(f"• {context.text(r)}" for r in rules), small=True)
            )
        layout.addWidget(self._build_card())
        self.hint = wrapped_label(
            self.tr("Record the respondent as interviewed to answer the items.")
        )
        layout.addWidget(self.hint)
        self.items = QWidget()
        items_layout = QVBoxLayout(self.items)
        items_layout.setContentsMargins(0, 0, 0, 0)
        self.blocks: list[_RecallBlock | _RatedBlock] = []
        for _dimension, indicator in context.instrument.indicators():
            if isinstance(indicator, RoleInterviewIndicator):
                block = (
                    _RecallBlock(self, indicator)
                    if indicator.recall is not None
                    else _RatedBlock(self, indicator)
                )
                items_layout.addWidget(block)
                self.blocks.append(block)
        layout.addWidget(self.items)
        layout.addStretch(1)
        self.setFocusProxy(self.interviewed)

    def _build_card(self) -> QGroupBox:
        card = QGroupBox(self.tr("Respondent"))
        form = QFormLayout(card)
        self.interviewed = QRadioButton(self.tr("Interviewed"))
        self.absent = QRadioButton(self.tr("Role not present at this unit"))
        self.presence = QButtonGroup(self)
        self.presence.addButton(self.interviewed, _INTERVIEWED)
        self.presence.addButton(self.absent, _ABSENT)
        self.presence.idClicked.connect(self._presence_chosen)
        form.addRow(self.interviewed)
        form.addRow(self.absent)
        self.name = QLineEdit()
        self.position = QLineEdit()
        self.nip = QLineEdit()
        self.nip.setPlaceholderText(self.tr("optional"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why the role is not present (required)"))
        for edit in (self.name, self.position, self.nip):
            edit.editingFinished.connect(self._respondent_edited)
        self.reason.editingFinished.connect(self._reason_edited)
        for edit, name, limit in (
            (self.name, "name", NAME_MAX),
            (self.position, "position", NAME_MAX),
            (self.nip, "nip", NIP_MAX),
            (self.reason, "absent_reason", REASON_MAX),
        ):
            self.keep_typing(edit, f"role:{self.role_code}:{name}", limit)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("NIP"), self.nip)
        form.addRow(self.tr("Reason"), self.reason)
        self.form = form
        self._show_presence(None)
        return card

    # -- showing -------------------------------------------------------------------------------

    def show_state(self, document: AssessmentDocument, score: LocusScore) -> None:
        role = document.roles.get(self.role_code)
        self._stored = role
        present = role.present if role else None
        if present is False:
            self._pending_absent = False
        elif self.typed_draft(f"role:{self.role_code}:absent_reason") is not None:
            self._pending_absent = True  # a reason typed, not yet saved (a crash came first)
        choice: int | None = None
        if self._pending_absent or present is False:
            choice = _ABSENT
        elif present is True:
            choice = _INTERVIEWED
        self._show_presence(choice)
        _set_text(self.name, role.name if role else None)
        _set_text(self.position, role.position if role else None)
        _set_text(self.nip, role.nip if role else None)
        _set_text(self.reason, role.absent_reason if role else None)
        answerable = present is True and not self._pending_absent
        self.items.setEnabled(answerable)
        self.hint.setVisible(not answerable)
        for block in self.blocks:
            block.show_role(role)

    def _show_presence(self, choice: int | None) -> None:
        if choice is None:
            self.presence.setExclusive(False)
            self.interviewed.setChecked(False)
            self.absent.setChecked(False)
            self.presence.setExclusive(True)
        else:
            self.presence.button(choice).setChecked(True)
        for edit in (self.name, self.position, self.nip):
            self.form.setRowVisible(edit, choice == _INTERVIEWED)
        self.form.setRowVisible(self.reason, choice == _ABSENT)

    # -- saving --------------------------------------------------------------------------------

    def _presence_chosen(self, choice: int) -> None:
        self._show_presence(choice)
        stored_present = self._stored.present if self._stored else None
        aid, role = self.context.assessment_id, self.role_code
        if choice == _INTERVIEWED:
            self._pending_absent = False
            self.forget_draft(f"role:{role}:absent_reason")
            self.items.setEnabled(stored_present is True)
            self.hint.setVisible(stored_present is not True)
            self.name.setFocus()
            if stored_present is not True:
                name, position, nip = (
                    e.text().strip() or None for e in (self.name, self.position, self.nip)
                )
                self.save(
                    lambda s: s.assessments.set_role(
                        aid, role, present=True, name=name, position=position, nip=nip
                    )
                )
        else:
            # Nothing is stored until a reason is given (the service requires one).
            self._pending_absent = stored_present is not False
            self.items.setEnabled(False)
            self.hint.setVisible(True)
            self.reason.setFocus()
            self._reason_edited()

    def _respondent_edited(self) -> None:
        if not self.interviewed.isChecked():
            return
        name, position, nip = (e.text().strip() for e in (self.name, self.position, self.nip))
        stored = self._stored
        if (
            stored is not None
            and stored.present is True
            and (stored.name or "", stored.position or "", stored.nip or "")
            == (name, position, nip)
        ):
            return  # focus left without a change
        aid, role = self.context.assessment_id, self.role_code
        self.save(
            lambda s: s.assessments.set_role(
                aid, role, present=True, name=name, position=position, nip=nip
            )
        )

    def _reason_edited(self) -> None:
        reason = self.reason.text().strip()
        if not self.absent.isChecked() or not reason:
            return
        stored = self._stored
        if stored is not None and stored.present is False and stored.absent_reason == reason:
            return
        aid, role = self.context.assessment_id, self.role_code
        self.save(lambda s: s.assessments.set_role(aid, role, present=False, absent_reason=reason))

    def choose_level(self, level: int) -> bool:
        """Choose ``level`` for the rated item that has the focus."""
        focus = self.focusWidget()
        for block in self.blocks:
            if (
                isinstance(block, _RatedBlock)
                and focus is not None
                and block.isAncestorOf(focus)
                and block.levels.isEnabled()
                and self.items.isEnabled()
            ):
                block.levels.set_level(level)
                block.levels.level_chosen.emit(level)
                return True
        return False

    def show_target(self, target: str) -> None:
        """Focus the item a missing item names ("R2:IN04"), or the card if it cannot be answered."""
        code = target.partition(":")[2]
        block = next((b for b in self.blocks if b.indicator.code == code), None)
        if block is None or not self.items.isEnabled():
            self.scroll_to(self.interviewed)
            return
        if isinstance(block, _RatedBlock):
            block.levels.setFocus()
        else:
            next(iter(block.boxes.values())).setFocus()
        self.scroll_to(self.focusWidget() or block, whole=block)
