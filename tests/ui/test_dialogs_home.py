"""The dialogs of the home screen (new assessment, assessor profile) and the alerts module."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMessageBox

from ombud_desktop.errors import ValidationError
from ombud_desktop.instruments import builtin_instrument, instrument_for_period
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs.new_assessment import OTHER_LOCUS, NewAssessmentDialog
from ombud_desktop.ui.dialogs.profile import ProfileDialog
from ombud_desktop.ui.ops import StoreThread
from tests.ui.conftest import call

TODAY = date(2024, 8, 12)


def _dialog(qtbot: Any, **kwargs: Any) -> NewAssessmentDialog:
    kwargs.setdefault("today", TODAY)
    dialog = NewAssessmentDialog(None, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def _ok(dialog: Any) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _choose_locus(dialog: NewAssessmentDialog, label_start: str) -> None:
    combo = dialog.locus_combo
    for index in range(combo.count()):
        if combo.itemText(index).startswith(label_start):
            combo.setCurrentIndex(index)
            return
    raise AssertionError(f"no locus {label_start!r}")


def _fill_required(qtbot: Any, dialog: NewAssessmentDialog) -> None:
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("kota"))
    qtbot.keyClicks(dialog.province_combo.lineEdit(), "Banten")
    qtbot.keyClicks(dialog.entity_edit, "Kota Cilegon")


# -- new assessment --------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["id", "en"])
def test_new_assessment_dialog_opens_in_both_languages(qtbot: Any, language: str) -> None:
    dialog = _dialog(qtbot, language=language)
    dialog.show()
    qtbot.waitExposed(dialog)
    instrument = instrument_for_period(TODAY.year)
    assert dialog.year_spin.value() == 2024
    assert dialog.instrument.id == instrument.id
    labels = [dialog.category_combo.itemText(i) for i in range(dialog.category_combo.count())]
    assert labels == [c.label.get(language) for c in instrument.entity_categories]
    templates = instrument.templates_for("kabupaten")
    assert dialog.category_combo.currentData() == "kabupaten"
    assert dialog.locus_combo.itemText(0) == templates[0].name.get(language)
    assert dialog.locus_combo.itemData(dialog.locus_combo.count() - 1) == OTHER_LOCUS
    # Names are stored as the institution calls itself; products in the language shown.
    assert dialog.locus_edit.text() == templates[0].name.id
    assert dialog.product_edits[0].text() == templates[0].products[0].get(language)
    assert dialog.visit_edit.date() == QDate(2024, 8, 12)


def test_ok_is_enabled_only_when_the_required_fields_are_filled(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    assert not _ok(dialog).isEnabled()
    assert "entity name" in dialog.message.text()
    qtbot.keyClicks(dialog.province_combo.lineEdit(), "Banten")
    assert not _ok(dialog).isEnabled()
    qtbot.keyClicks(dialog.entity_edit, "Kota Cilegon")  # not a kabupaten
    assert "an entity of the register" in dialog.message.text()
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("kota"))
    assert _ok(dialog).isEnabled()
    assert dialog.message.text() == ""
    dialog.locus_combo.setCurrentIndex(dialog.locus_combo.findData(OTHER_LOCUS))
    assert dialog.locus_edit.text() == ""
    assert not dialog.locus_edit.isReadOnly()
    assert not _ok(dialog).isEnabled()
    qtbot.keyClicks(dialog.locus_edit, "Kantor Camat")
    assert _ok(dialog).isEnabled()
    dialog.entity_edit.clear()
    assert not _ok(dialog).isEnabled()


def test_a_puskesmas_name_must_be_completed(qtbot: Any) -> None:
    dialog = _dialog(qtbot, language="en")
    _fill_required(qtbot, dialog)
    _choose_locus(dialog, "Community health centre (1)")
    assert dialog.locus_edit.text() == "Puskesmas "
    assert not dialog.locus_edit.isReadOnly()
    assert not _ok(dialog).isEnabled()
    dialog.locus_edit.setFocus()
    dialog.locus_edit.end(False)
    qtbot.keyClicks(dialog.locus_edit, "Pontang")
    assert _ok(dialog).isEnabled()
    answer = dialog.new_assessment()
    assert answer.locus_name == "Puskesmas Pontang"
    assert answer.locus_type == "puskesmas"


def test_the_year_chooses_the_instrument(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.year_spin.setValue(2022)
    assert dialog.instrument.id == "ori-2022"
    dialog.year_spin.setValue(2023)
    assert dialog.instrument.id == "ori-2023"


def test_a_category_without_usual_loci_offers_only_other(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("kementerian"))
    assert dialog.locus_combo.count() == 1
    assert dialog.locus_combo.currentData() == OTHER_LOCUS
    assert not dialog.locus_edit.isReadOnly()


def test_edited_products_survive_a_change_of_locus(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.product_edits[0].setText("Izin usaha mikro")
    _choose_locus(dialog, "Dinas Sosial")
    assert dialog.product_edits[0].text() == "Izin usaha mikro"


def test_ask_returns_the_new_assessment(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill_and_accept(dialog: NewAssessmentDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.year_spin.setValue(2024)
        dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("kota"))
        _fill_required(qtbot, dialog)
        _choose_locus(dialog, "Dinas Kependudukan")
        qtbot.keyClicks(dialog.team_edit, "Siti Aminah, Budi ,")
        dialog.visit_edit.setDate(QDate(2024, 8, 14))
        dialog.product_edits[1].clear()
        qtbot.keyClicks(dialog.product_edits[1], "Akta kelahiran")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(NewAssessmentDialog, "exec", fill_and_accept)
    answer = NewAssessmentDialog.ask(None, language="id")
    assert answer == NewAssessment(
        category="kota",
        entity_name="Kota Cilegon",
        province="Banten",
        locus_name="Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)",
        period_year=2024,
        locus_type="disdukcapil",
        team=("Siti Aminah", "Budi"),
        visit_date="2024-08-14",
        products=("KTP-el", "Akta kelahiran"),
        entity_code="36.72",
    )


def test_ask_returns_none_on_cancel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NewAssessmentDialog, "exec", lambda dialog: 0)
    assert NewAssessmentDialog.ask(None) is None
    assert NewAssessmentDialog.ask_with_instrument(None) is None


def test_ask_with_instrument_runs_modally(qtbot: Any) -> None:
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewAssessmentDialog)
        dialog.year_spin.setValue(2022)
        dialog.entity_edit.setText("Kabupaten Serang")
        dialog.province_combo.setCurrentText("Banten")
        dialog.accept()

    QTimer.singleShot(0, answer)
    result = NewAssessmentDialog.ask_with_instrument(None)
    assert result is not None
    new, instrument = result
    assert (new.entity_name, new.period_year, instrument.id) == (
        "Kabupaten Serang",
        2022,
        "ori-2022",
    )


def test_template_prefills_all_but_the_visit_date(qtbot: Any, store: StoreThread) -> None:
    instrument = builtin_instrument("ori-2023")
    source = NewAssessment(
        category="kota",
        entity_name="Kota Cilegon",
        province="Banten",
        locus_name="Puskesmas Pontang",
        locus_type="puskesmas",
        period_year=2023,
        team=("Siti Aminah", "Budi"),
        visit_date="2023-05-02",
        products=("Poli umum", "Imunisasi"),
    )
    aid = call(store, lambda s: s.assessments.create(instrument, source).value)
    template = call(store, lambda s: s.assessments.document(aid).to_json())
    dialog = _dialog(qtbot, template=template, language="en")
    assert _ok(dialog).isEnabled()
    answer = dialog.new_assessment()
    assert answer == NewAssessment(
        category="kota",
        entity_name="Kota Cilegon",
        province="Banten",
        locus_name="Puskesmas Pontang",
        locus_type="puskesmas",
        period_year=2023,
        team=("Siti Aminah", "Budi"),
        visit_date=TODAY.isoformat(),
        products=("Poli umum", "Imunisasi"),
        entity_code="36.72",
    )


def test_template_with_an_unusual_locus_uses_other(qtbot: Any, store: StoreThread) -> None:
    instrument = builtin_instrument("ori-2023")
    source = NewAssessment(
        category="kabupaten",
        entity_name="Kabupaten Serang",
        province="Banten",
        locus_name="Kantor Camat Pontang",
        period_year=2024,
    )
    aid = call(store, lambda s: s.assessments.create(instrument, source).value)
    template = call(store, lambda s: s.assessments.document(aid).to_json())
    dialog = _dialog(qtbot, template=template)
    assert dialog.locus_combo.currentData() == OTHER_LOCUS
    assert dialog.locus_edit.text() == "Kantor Camat Pontang"
    assert dialog.new_assessment().locus_type is None


def test_assessor_prefills_the_team(qtbot: Any) -> None:
    dialog = _dialog(qtbot, assessor="Siti Aminah")
    assert dialog.team_edit.text() == "Siti Aminah"


def test_the_entity_is_chosen_from_the_register(qtbot: Any) -> None:
    dialog = _dialog(qtbot, language="en")
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("kota"))
    qtbot.keyClicks(dialog.province_combo.lineEdit(), "banten")
    names = [dialog.entity_combo.itemText(i) for i in range(dialog.entity_combo.count())]
    assert names == ["Kota Tangerang", "Kota Cilegon", "Kota Serang", "Kota Tangerang Selatan"]
    qtbot.keyClicks(dialog.entity_edit, "Serangg")
    assert not _ok(dialog).isEnabled()
    dialog.entity_combo.setCurrentIndex(2)
    assert _ok(dialog).isEnabled()
    answer = dialog.new_assessment()
    assert (answer.entity_name, answer.province, answer.entity_code) == (
        "Kota Serang", "Banten", "36.73")
    # Typed with a Cyrillic Ѕ and extra spaces, the register's entity is still the one chosen.
    dialog.entity_edit.setText("Kota  \u0405erang")
    assert dialog.new_assessment().entity_code == "36.73"
    assert dialog.new_assessment().entity_name == "Kota Serang"


def test_an_entity_chosen_first_fills_in_its_province(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("kabupaten"))
    assert dialog.entity_combo.count() == 416
    dialog.entity_combo.setCurrentIndex(dialog.entity_combo.findData("36.02"))
    assert dialog.province_combo.currentText() == "Banten"
    assert dialog.new_assessment().entity_name == "Kabupaten Lebak"


def test_an_instrument_not_meant_for_the_year_needs_a_reason(qtbot: Any) -> None:
    dialog = _dialog(qtbot, language="en")
    _fill_required(qtbot, dialog)
    assert dialog.instrument_reason_edit.isHidden()
    dialog.year_spin.setValue(2027)  # the map offers ori-2025, confirmed for 2025-2026 only
    assert dialog.instrument.id == "ori-2025"
    assert not dialog.instrument_reason_edit.isHidden()
    assert not _ok(dialog).isEnabled()
    assert "why this instrument is used" in dialog.message.text()
    qtbot.keyClicks(dialog.instrument_reason_edit, "Instrumen 2025 belum terbit")
    assert _ok(dialog).isEnabled()
    assert dialog.new_assessment().instrument_reason == "Instrumen 2025 belum terbit"
    dialog.year_spin.setValue(2024)
    assert dialog.new_assessment().instrument_reason is None
    dialog.instrument_combo.setCurrentIndex(dialog.instrument_combo.findData("ori-2022"))
    assert not _ok(dialog).isEnabled()


# -- profile ---------------------------------------------------------------------------------


def test_profile_needs_a_name_and_an_18_digit_nip_if_any(qtbot: Any) -> None:
    dialog = ProfileDialog(None)
    qtbot.addWidget(dialog)
    assert not _ok(dialog).isEnabled()
    assert dialog.message.text() == ""  # no scolding before anything was typed
    qtbot.keyClicks(dialog.name_edit, "Siti Aminah")
    assert _ok(dialog).isEnabled()
    qtbot.keyClicks(dialog.nip_edit, "12a3")  # the letter is refused as it is typed
    assert dialog.nip_edit.text() == "123"
    assert not _ok(dialog).isEnabled()
    assert "18 digits" in dialog.message.text()
    assert "3" in dialog.message.text()
    dialog.nip_edit.setText("19870101 201001 2 001")
    assert _ok(dialog).isEnabled()
    assert dialog.answer() == ("Siti Aminah", "198701012010012001")
    dialog.nip_edit.clear()
    assert dialog.answer() == ("Siti Aminah", None)
    dialog.name_edit.setText("   ")
    assert not _ok(dialog).isEnabled()
    assert dialog.message.text() == "Give your name."


def test_profile_ask(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def accept(dialog: ProfileDialog) -> int:
        qtbot.addWidget(dialog)
        assert dialog.name_edit.text() == "Siti"
        qtbot.keyClicks(dialog.name_edit, " Aminah")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ProfileDialog, "exec", accept)
    assert ProfileDialog.ask(None, name="Siti") == ("Siti Aminah", None)
    monkeypatch.setattr(ProfileDialog, "exec", lambda dialog: 0)
    assert ProfileDialog.ask(None, name="Siti") is None


def test_profile_refuses_ok_with_a_bad_nip(qtbot: Any) -> None:
    dialog = ProfileDialog(None, name="Siti", nip="1234")
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0


# -- alerts ----------------------------------------------------------------------------------


def _answer_message_box(click: str | None = None) -> list[QMessageBox]:
    """Close the next message box (with the button whose text is ``click``); return it."""
    seen: list[QMessageBox] = []

    def close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box)
        buttons = {b.text(): b for b in box.buttons()}
        (buttons[click] if click else box.buttons()[0]).click()

    QTimer.singleShot(0, close)
    return seen


def test_confirm(qtbot: Any) -> None:
    _answer_message_box("Move to trash")
    assert alerts.confirm(None, "Delete", "Sure?", ok_text="Move to trash") is True
    _answer_message_box("Cancel")
    assert alerts.confirm(None, "Delete", "Sure?") is False


def test_error_shows_message_and_hint(qtbot: Any) -> None:
    seen = _answer_message_box()
    alerts.error(None, ValidationError("the locus name is empty", hint="Give the locus name."))
    assert seen[0].text() == "the locus name is empty"
    assert seen[0].informativeText() == "Give the locus name."
    assert seen[0].windowTitle() == "Error"
    seen = _answer_message_box()
    alerts.error(None, RuntimeError("boom"))
    assert "RuntimeError: boom" in seen[0].informativeText()


def test_ask_text_asks_again_when_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([("  ", True), (" a reason ", True)])
    labels: list[str] = []

    def get_text(parent: Any, title: str, label: str, *args: Any) -> tuple[str, bool]:
        labels.append(label)
        return next(answers)

    monkeypatch.setattr(QInputDialog, "getText", get_text)
    assert alerts.ask_text(None, "Reopen", "Why?") == "a reason"
    assert labels[0] == "Why?"
    assert "empty" in labels[1]
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("", False))
    assert alerts.ask_text(None, "Reopen", "Why?") is None
    monkeypatch.setattr(QInputDialog, "getText", lambda *args: ("", True))
    assert alerts.ask_text(None, "Note", "Anything?", required=False) == ""
