"""Qt's own words in Indonesian, the language menu, and Help (guides and shortcuts)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QTextBrowser

from ombud_desktop import settings as setting
from ombud_desktop.ui import i18n
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.help import GuideDialog, ShortcutsDialog, guide_text, shortcuts_of
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.ops import StoreThread


def test_qt_standard_buttons_read_indonesian(qtbot: Any, tmp_path: Path) -> None:
    app = QCoreApplication.instance()
    translator = i18n.install_translator("id", tmp_path)
    assert translator is not None
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Close)
        qtbot.addWidget(box)
        Std = QDialogButtonBox.StandardButton
        assert box.button(Std.Cancel).text() == "Batal"
        assert box.button(Std.Save).text() == "Simpan"
        assert box.button(Std.Close).text() == "Tutup"
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "Lihat di:"
        assert QCoreApplication.translate("QFileDialog", "File &name:") == "&Nama berkas:"
        assert QCoreApplication.translate("QFileDialog", "Files of type:") == "Jenis berkas:"
        # The app's own words come from the same translation.
        assert QCoreApplication.translate("MainWindow", "&File") != "&File"
    finally:
        app.removeTranslator(translator)
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(english)
    assert english.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_every_qt_message_is_translated() -> None:
    import xml.etree.ElementTree as ET

    source = dict(i18n.translation_sources("id"))["qt_id.ts"]
    messages = ET.fromstring(source).iter("message")
    for message in messages:
        translation = message.find("translation")
        assert translation is not None
        assert translation.text
        assert translation.get("type") is None, message.findtext("source")


def main_window(qtbot: Any, store: StoreThread, tmp_path: Path, role: str = "assessor") -> Any:
    settings = settings_at(tmp_path / "settings.json")
    settings.set(setting.ROLE, role)
    window = MainWindow(store, settings, "en")
    qtbot.addWidget(window)
    return window


def test_the_language_menu_always_has_one_language_ticked(
    qtbot: Any, store: StoreThread, tmp_path: Path
) -> None:
    window = main_window(qtbot, store, tmp_path)
    chosen: list[str] = []
    window.on_language_changed = chosen.append
    actions = {action.data(): action for action in window.language_group.actions()}
    assert actions["en"].isChecked()
    actions["en"].trigger()  # the ticked one again: it stays ticked
    assert actions["en"].isChecked()
    assert [a.data() for a in actions.values() if a.isChecked()] == ["en"]
    assert chosen == []
    actions["id"].trigger()
    assert [a.data() for a in actions.values() if a.isChecked()] == ["id"]
    assert chosen == ["id"]


def test_the_guides_ship_with_the_app() -> None:
    for kind, title in (("assessor", "Panduan asesor"), ("supervisor", "Panduan supervisor")):
        text, folder = guide_text(kind)
        assert title.lower() in text.lower()
        assert folder.name == "guides"


def test_the_help_menu_opens_the_guide(qtbot: Any, store: StoreThread, tmp_path: Path) -> None:
    window = main_window(qtbot, store, tmp_path, role="supervisor")
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    texts = [a.text() for a in help_menu.actions()]
    assert "Assess&or's guide" in texts
    assert "Su&pervisor's guide" in texts
    f1 = next(a for a in help_menu.actions() if a.shortcut().toString() == "F1")
    assert f1.text() == "Su&pervisor's guide"  # F1: the guide of this user's role
    f1.trigger()
    qtbot.waitUntil(lambda: any(isinstance(w, GuideDialog) and w.isVisible()
                                for w in window.findChildren(GuideDialog)))
    dialog = next(w for w in window.findChildren(GuideDialog) if w.isVisible())
    browser = dialog.findChild(QTextBrowser)
    assert "supervisor" in browser.toPlainText().lower()
    assert "![" not in browser.toPlainText()  # pictures shown or captioned, never as code
    dialog.close()


def test_the_shortcuts_are_read_from_the_menus(
    qtbot: Any, store: StoreThread, tmp_path: Path
) -> None:
    window = main_window(qtbot, store, tmp_path)
    rows = dict(shortcuts_of(window))
    assert rows["New assessment"] == "Ctrl+N"
    assert rows["Results"] == "Ctrl+R"
    assert rows["Assessor's guide"] == "F1"
    dialog = ShortcutsDialog(window, list(rows.items()))
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 0).text(): dialog.table.item(r, 1).text()
             for r in range(dialog.table.rowCount())}
    assert shown["New assessment"] == "Ctrl+N"
    assert "Next page" in shown
