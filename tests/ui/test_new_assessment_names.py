"""New assessment: choosing a Puskesmas asks which one; names are stored as one says them.

Choosing "Puskesmas (1)" fills in "Puskesmas " and asks which Puskesmas, instead of claiming
that the locus name (shown filled in) is missing. Names are trimmed and inner runs of spaces
made one, in the dialog and in the core (tests/cli/test_names_cleaned.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ombud_desktop.ui.dialogs.new_assessment import NewAssessmentDialog
from tests.ui.test_dialogs_home import _choose_locus, _fill_required, _ok


def _dialog(qtbot: Any, language: str) -> NewAssessmentDialog:
    dialog = NewAssessmentDialog(None, language=language, today=date(2024, 8, 12))
    qtbot.addWidget(dialog)
    return dialog


def test_choosing_puskesmas_asks_which_one_and_puts_the_cursor_there(qtbot: Any) -> None:
    dialog = _dialog(qtbot, "en")
    dialog.show()
    qtbot.waitExposed(dialog)
    _fill_required(qtbot, dialog)
    assert dialog.message.text() == ""
    _choose_locus(dialog, "Community health centre (1)")
    assert dialog.locus_edit.text() == "Puskesmas "
    assert "the locus name" not in dialog.message.text()  # it is there, half of it
    assert "which Puskesmas" in dialog.message.text()
    assert not _ok(dialog).isEnabled()
    assert dialog.focusWidget() is dialog.locus_edit
    assert dialog.locus_edit.cursorPosition() == len("Puskesmas ")
    qtbot.keyClicks(dialog.focusWidget(), " Cikedal  ")
    assert _ok(dialog).isEnabled()
    assert dialog.new_assessment().locus_name == "Puskesmas Cikedal"


def test_the_dialog_trims_names_and_collapses_inner_spaces(qtbot: Any) -> None:
    dialog = _dialog(qtbot, "id")
    _fill_required(qtbot, dialog)
    _choose_locus(dialog, "Puskesmas (2)")
    dialog.locus_edit.setText("  Puskesmas   Cikedal ")
    dialog.team_edit.setText(" Siti   Aminah ,  Budi  Santoso,, ")
    dialog.product_edits[0].setText("  Pelayanan   umum ")
    answer = dialog.new_assessment()
    assert answer.locus_name == "Puskesmas Cikedal"
    assert answer.team == ("Siti Aminah", "Budi Santoso")
    assert answer.products[0] == "Pelayanan umum"
