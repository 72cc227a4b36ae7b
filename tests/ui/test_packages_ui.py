"""Signed packages in the GUI: keys page, export to the outbox, import with trust, verify, drops.

Real key stores in tmp_path (scrypt unlock ≈ 0.07 s), real workspaces on their store thread,
real packages. Only the modal questions are answered by replacing their one classmethod or
function, as the other GUI tests do.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from ombud_desktop import settings as setting
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.packages.export import Signer, export_assessment
from ombud_desktop.packages.format import SUFFIX
from ombud_desktop.packages.importer import verify_package
from ombud_desktop.packages.keys import KeyStore, PublicKeyFile, spoken
from ombud_desktop.services.demo import generate_demo
from ombud_desktop.storage import Workspace
from ombud_desktop.ui import alerts
from ombud_desktop.ui.app import parse_args, settings_at
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.dialogs.fingerprint import FingerprintDialog, QrView
from ombud_desktop.ui.dialogs.keys import KeysDialog, QrDialog
from ombud_desktop.ui.dialogs.package_results import ReceiptDialog, VerifyDialog
from ombud_desktop.ui.dialogs.passphrase import SKIPPED, PassphraseDialog
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.models.trusted_keys import TrustedKeysModel
from ombud_desktop.ui.ops import StoreThread, open_store_at
from ombud_desktop.ui.packages import actions as actions_module
from ombud_desktop.ui.packages.session import KeySession, outbox_folder, set_outbox_folder
from tests.packages.conftest import read_members, write_members
from tests.ui.conftest import call, open_assessment

ASSESSOR = "kunci asesor 2024"
SUPERVISOR = "kunci supervisor 2024"


# -- keys and packages made once per session ------------------------------------------------------


@pytest.fixture(scope="session")
def key_folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An assessor (signing key, supervisor set) and a supervisor (both keys), strangers."""
    base = tmp_path_factory.mktemp("ui-keys")
    assessor = KeyStore(base / "assessor")
    supervisor = KeyStore(base / "supervisor")
    assessor.create_signing_key(ASSESSOR, owner="Siti Aminah")
    supervisor.create_signing_key(SUPERVISOR, owner="Budi Santoso")
    supervisor.create_receiving_key(SUPERVISOR, owner="Budi Santoso")
    assessor.set_recipient(supervisor.public_key_file())
    return {"assessor": assessor.folder, "supervisor": supervisor.folder}


@pytest.fixture
def assessor_keys(tmp_path: Path, key_folders: dict[str, Path]) -> KeyStore:
    return KeyStore(shutil.copytree(key_folders["assessor"], tmp_path / "keys-assessor"))


@pytest.fixture
def supervisor_keys(tmp_path: Path, key_folders: dict[str, Path]) -> KeyStore:
    return KeyStore(shutil.copytree(key_folders["supervisor"], tmp_path / "keys-supervisor"))


@pytest.fixture(scope="session")
def packages(tmp_path_factory: pytest.TempPathFactory, key_folders: dict[str, Path]) -> list[Path]:
    """Two packages of an assessor's demo workspace, personal data encrypted to the supervisor."""
    base = tmp_path_factory.mktemp("ui-packages")
    keys = KeyStore(key_folders["assessor"])
    signer = Signer(keys.signing_key(ASSESSOR), "Siti Aminah")
    with Workspace.open(base / "ws") as workspace:
        workspace.set_profile("Siti Aminah", "198701012010012001")
        generate_demo(workspace, builtin_instrument("ori-2023"), entities=1, seed=3)
        ids = [row["id"] for row in workspace.assessment_rows()[:2]]
        return [
            export_assessment(workspace, aid, base / "out", signer, recipient=keys.recipient()).path
            for aid in ids
        ]


def _store_at(path: Path, *, demo: int = 0) -> StoreThread:
    with Workspace.open(path) as workspace:
        workspace.set_profile("Budi Santoso" if not demo else "Siti Aminah")
        if demo:
            generate_demo(workspace, builtin_instrument("ori-2023"), entities=demo, seed=7)
    return StoreThread(open_store_at(path))


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[StoreThread]:
    store = _store_at(tmp_path / "supervisor-ws")
    yield store
    store.close()


def _window(qtbot: Any, store: StoreThread, tmp_path: Path, keys: KeyStore) -> MainWindow:
    settings = settings_at(tmp_path / "settings.json")
    set_outbox_folder(settings, tmp_path / "Kotak keluar")
    window = MainWindow(store, settings, "en", keys=KeySession(keys.folder))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: not window.home.loading, timeout=10_000)
    return window


def _unlock_with(passphrase: str, calls: list[str] | None = None) -> Any:
    """Answer PassphraseDialog.ask_unlock by really unlocking with ``passphrase``."""

    def ask(_parent: Any, title: str, _intro: str, unlock: Any, **_kwargs: Any) -> Any:
        if calls is not None:
            calls.append(title)
        return unlock(passphrase)

    return ask


def _wait_done(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window.packages.busy, timeout=20_000)


# -- the keys page --------------------------------------------------------------------------------


def test_keys_page_creates_the_signing_key_and_shows_its_fingerprint(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = KeyStore(tmp_path / "keys")
    dialog = KeysDialog(None, KeySession(keys.folder), owner="Siti Aminah")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.create_signing_button.isVisible()
    assert not dialog.export_button.isVisible()
    assert not dialog.create_receiving_button.isEnabled()  # the signing key comes first
    monkeypatch.setattr(PassphraseDialog, "ask_new", lambda *_args: "rahasia kita")
    dialog.create_signing_button.click()
    info = KeyStore(keys.folder).signing_key_info()
    assert info.owner == "Siti Aminah"
    shown = dialog.signing_view.words_label.text()
    assert shown.split() == info.words.split()
    assert "\n" in shown  # two lines of three groups
    assert info.short in dialog.signing_view.short_label.text()
    assert dialog.signing_view.words_label.font().fixedPitch() or (
        dialog.signing_view.words_label.font().pointSizeF() > dialog.font().pointSizeF()
    )
    assert not dialog.create_signing_button.isVisible()
    assert dialog.export_button.isVisible()
    # The receiving key takes the same passphrase, checked against the signing key.
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", _unlock_with("rahasia kita"))
    dialog.create_receiving_button.click()
    assert keys.has_receiving_key()
    assert keys.receiving_key("rahasia kita") is not None
    assert dialog.receiving_view.words_label.text().split() == (
        keys.receiving_key_info().words.split()
    )


def test_keys_page_changes_the_passphrase(
    qtbot: Any, assessor_keys: KeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = KeysDialog(None, KeySession(assessor_keys.folder))
    qtbot.addWidget(dialog)
    errors: list[Any] = []
    informed: list[str] = []
    monkeypatch.setattr(alerts, "error", lambda _parent, exc: errors.append(exc))
    monkeypatch.setattr(alerts, "inform", lambda _parent, _title, text: informed.append(text))
    monkeypatch.setattr(
        PassphraseDialog, "ask_change", lambda _parent: ("salah sekali", "baru 12345")
    )
    dialog.change_button.click()
    assert [e.code for e in errors] == ["wrong_passphrase"]
    assert assessor_keys.signing_key(ASSESSOR) is not None  # unchanged
    monkeypatch.setattr(PassphraseDialog, "ask_change", lambda _parent: (ASSESSOR, "baru 12345"))
    dialog.change_button.click()
    assert informed == ["The passphrase was changed."]
    assert assessor_keys.signing_key("baru 12345") is not None


def test_keys_page_exports_the_public_key_and_shows_it_as_qr(
    qtbot: Any, assessor_keys: KeyStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = KeysDialog(None, KeySession(assessor_keys.folder))
    qtbot.addWidget(dialog)
    informed: list[str] = []
    monkeypatch.setattr(alerts, "inform", lambda _parent, _title, text: informed.append(text))
    suggested: list[Path] = []

    def save(_parent: Any, _title: str, proposed: Path, _filters: str) -> Path:
        suggested.append(proposed)
        return tmp_path / "untuk supervisor"  # the suffix is added

    monkeypatch.setattr(files, "ask_save_path", save)
    dialog.export_button.click()
    assert suggested[0].name == "Siti Aminah.ombkey"
    written = tmp_path / "untuk supervisor.ombkey"
    key_file = PublicKeyFile.from_bytes(written.read_bytes())
    assert key_file.fingerprint == assessor_keys.signing_key_info().fingerprint
    assert assessor_keys.signing_key_info().words in informed[0]

    qr = QrDialog(None, assessor_keys.public_key_file())
    qtbot.addWidget(qr)
    qr.show()
    qtbot.waitExposed(qr)
    image = qr.view.grab().toImage()
    assert qr.view.modules() == len(qr.view.matrix) + 8
    # Dark and light modules are both drawn.
    colours = {
        image.pixelColor(x, image.height() // 2).lightness() // 128 for x in range(image.width())
    }
    assert colours == {0, 1}


def test_qr_view_draws_each_module() -> None:
    view = QrView([bytearray([1, 0]), bytearray([0, 1])])
    view.resize(100, 100)
    image = view.grab().toImage()
    module = 100 // view.modules()
    left = (100 - module * view.modules()) // 2
    dark = image.pixelColor(left + 4 * module + module // 2, left + 4 * module + module // 2)
    light = image.pixelColor(left + 5 * module + module // 2, left + 4 * module + module // 2)
    assert dark.lightness() < 50
    assert light.lightness() > 200


def test_keys_page_trusts_a_key_only_after_the_digits_are_confirmed_and_removes_it(
    qtbot: Any,
    supervisor_keys: KeyStore,
    assessor_keys: KeyStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    key_path = tmp_path / "siti.ombkey"
    key_path.write_bytes(assessor_keys.public_key_file().to_bytes())
    dialog = KeysDialog(None, KeySession(supervisor_keys.folder))
    qtbot.addWidget(dialog)
    assert dialog.trusted_model.rowCount() == 0
    monkeypatch.setattr(files, "ask_open_path", lambda *_args: key_path)
    asked: list[dict[str, Any]] = []
    answer = [False]

    def ask(_parent: Any, **kwargs: Any) -> bool:
        asked.append(kwargs)
        return answer[0]

    monkeypatch.setattr(FingerprintDialog, "ask", ask)
    dialog.add_trusted_button.click()
    fingerprint = assessor_keys.signing_key_info().fingerprint
    assert asked[0]["fingerprint"] == fingerprint
    assert asked[0]["name"] == "Siti Aminah"
    assert "Do these digits match what the owner reads to you?" in asked[0]["question"]
    assert supervisor_keys.trusted() == []  # not confirmed: not trusted
    answer[0] = True
    dialog.add_trusted_button.click()
    assert supervisor_keys.is_trusted(fingerprint)
    assert dialog.trusted_model.rowCount() == 1
    index = dialog.trusted_model.index(0, TrustedKeysModel.FINGERPRINT)
    assert index.data() == assessor_keys.signing_key_info().short
    assert index.data(Qt.ItemDataRole.ToolTipRole) == spoken(fingerprint)

    assert not dialog.remove_trusted_button.isEnabled()
    dialog.trusted_table.selectRow(0)
    monkeypatch.setattr(alerts, "confirm", lambda *_args, **_kwargs: False)
    dialog.remove_trusted_button.click()
    assert supervisor_keys.is_trusted(fingerprint)
    monkeypatch.setattr(alerts, "confirm", lambda *_args, **_kwargs: True)
    dialog.remove_trusted_button.click()
    assert not supervisor_keys.is_trusted(fingerprint)
    assert dialog.trusted_model.rowCount() == 0


def test_keys_page_sets_and_clears_the_supervisor(
    qtbot: Any,
    tmp_path: Path,
    supervisor_keys: KeyStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys = KeyStore(tmp_path / "new-assessor")
    keys.create_signing_key("rahasia kita", owner="Ani")
    key_path = tmp_path / "budi.ombkey"
    key_path.write_bytes(supervisor_keys.public_key_file().to_bytes())
    dialog = KeysDialog(None, KeySession(keys.folder))
    qtbot.addWidget(dialog)
    assert "Not set" in dialog.recipient_label.text()
    assert not dialog.clear_recipient_button.isEnabled()
    monkeypatch.setattr(files, "ask_open_path", lambda *_args: key_path)
    monkeypatch.setattr(FingerprintDialog, "ask", lambda *_args, **_kwargs: True)
    dialog.set_recipient_button.click()
    recipient = keys.recipient()
    assert recipient is not None
    assert recipient.name == "Budi Santoso"
    assert keys.is_trusted(supervisor_keys.signing_key_info().fingerprint)  # their key too
    assert "Budi Santoso" in dialog.recipient_label.text()
    monkeypatch.setattr(alerts, "confirm", lambda *_args, **_kwargs: True)
    dialog.clear_recipient_button.click()
    assert keys.recipient() is None


def test_a_key_file_that_is_not_one_is_refused_in_words(
    qtbot: Any, tmp_path: Path, supervisor_keys: KeyStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "x.ombkey"
    bad.write_text("{}", encoding="utf-8")
    dialog = KeysDialog(None, KeySession(supervisor_keys.folder))
    qtbot.addWidget(dialog)
    errors: list[Any] = []
    monkeypatch.setattr(alerts, "error", lambda _parent, exc: errors.append(exc))
    monkeypatch.setattr(files, "ask_open_path", lambda *_args: bad)
    dialog.add_trusted_button.click()
    assert [e.code for e in errors] == ["key_file_invalid"]


def test_trusted_keys_model_passes_the_model_tester(
    qtmodeltester: Any, assessor_keys: KeyStore, supervisor_keys: KeyStore
) -> None:
    model = TrustedKeysModel()
    model.set_keys([])
    qtmodeltester.check(model, force_py=True)
    supervisor_keys.trust(assessor_keys.public_key_file().signing_key, "Siti Aminah")
    supervisor_keys.trust(supervisor_keys.public_key_file().signing_key, "")
    model.set_keys(supervisor_keys.trusted())
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    assert model.index(0, 0).data() == "(no name)"
    assert model.headerData(TrustedKeysModel.ADDED, Qt.Orientation.Horizontal) == "Trusted since"
    assert model.index(0, TrustedKeysModel.ROLE).data() == "Assessor"


# -- the passphrase dialog ------------------------------------------------------------------------


def test_new_passphrase_needs_8_characters_typed_twice(qtbot: Any) -> None:
    dialog = PassphraseDialog(None, mode="new", title="t", intro="i")
    qtbot.addWidget(dialog)
    ok = next(b for b in dialog.buttons.buttons() if b.text() == "Create")
    dialog.new_edit.setText("pendek")
    assert not ok.isEnabled()
    assert "at least 8 characters; it has 6" in dialog.message.text()
    dialog.new_edit.setText("cukup panjang")
    dialog.repeat_edit.setText("cukup panjan")
    assert dialog.message.text() == "The two passphrases differ."
    dialog.repeat_edit.setText("cukup panjang")
    assert ok.isEnabled()
    assert dialog.new_edit.echoMode() == dialog.new_edit.EchoMode.Password


def test_unlock_keeps_the_dialog_open_on_a_wrong_passphrase(
    qtbot: Any, assessor_keys: KeyStore
) -> None:
    dialog = PassphraseDialog(
        None, mode="unlock", unlock=assessor_keys.signing_key, skip_text="Skip"
    )
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.current_edit.setText("bukan ini")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.message.text() == "The passphrase is wrong."
    dialog.current_edit.setText(ASSESSOR)
    dialog.accept()
    assert not dialog.isVisible()
    assert dialog.result_value is not None


# -- export ---------------------------------------------------------------------------------------


@pytest.fixture
def demo_window(
    qtbot: Any, demo_store: StoreThread, tmp_path: Path, assessor_keys: KeyStore
) -> MainWindow:
    return _window(qtbot, demo_store, tmp_path, assessor_keys)


def _select_rows(window: MainWindow, rows: list[int]) -> list[str]:
    table = window.home.table
    selection = table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(
            table.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    return window.home.selected_ids()


def test_export_of_two_selected_assessments_lands_two_valid_packages_in_the_outbox(
    qtbot: Any,
    demo_window: MainWindow,
    tmp_path: Path,
    supervisor_keys: KeyStore,
    assessor_keys: KeyStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = demo_window
    ids = _select_rows(window, [0, 3])
    assert len(ids) == 2
    asked: list[str] = []
    informed: list[str] = []
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", _unlock_with(ASSESSOR, asked))
    monkeypatch.setattr(alerts, "inform", lambda _parent, _title, text: informed.append(text))
    assert not window.packages.lock_action.isEnabled()
    window.packages.export_action.trigger()
    _wait_done(qtbot, window)
    outbox = tmp_path / "Kotak keluar"
    written = sorted(outbox.glob(f"*{SUFFIX}"))
    assert len(written) == 2
    assert {r.assessment_id for r in window.packages.last_exports} == set(ids)
    supervisor_keys.trust(assessor_keys.public_key_file().signing_key, "Siti Aminah")
    for path in written:
        report = verify_package(path, supervisor_keys)
        assert report.ok, report.problems
        assert report.signer_name == "Siti Aminah"
    assert informed
    assert "2 of 2 package(s) written to" in informed[0]
    assert all(path.name in informed[0] for path in written)
    assert "personal data encrypted to your supervisor" in informed[0]
    assert asked == ["Unlock signing key"]
    # The signer stays unlocked for the session: a second export does not ask again.
    assert window.packages.lock_action.isEnabled()
    _select_rows(window, [1])
    window.packages.export_action.trigger()
    _wait_done(qtbot, window)
    assert asked == ["Unlock signing key"]
    assert len(list(outbox.glob(f"*{SUFFIX}"))) == 3
    # Lock keys forgets it.
    window.packages.lock_action.trigger()
    assert not window.packages.lock_action.isEnabled()
    window.packages.export_action.trigger()
    _wait_done(qtbot, window)
    assert asked == ["Unlock signing key", "Unlock signing key"]


def test_export_without_a_supervisor_key_says_personal_data_was_left_out(
    qtbot: Any,
    demo_window: MainWindow,
    assessor_keys: KeyStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assessor_keys.set_recipient(None)
    informed: list[str] = []
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", _unlock_with(ASSESSOR))
    monkeypatch.setattr(alerts, "inform", lambda _parent, _title, text: informed.append(text))
    _select_rows(demo_window, [0])
    demo_window.packages.export_action.trigger()
    _wait_done(qtbot, demo_window)
    assert [r.personal for r in demo_window.packages.last_exports] == ["withheld"]
    assert "personal data left out" in informed[0]
    assert "set your supervisor's key file in Settings › Keys" in informed[0]


def test_export_without_a_signing_key_offers_to_create_one(
    qtbot: Any, demo_store: StoreThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = KeyStore(tmp_path / "no-keys")
    window = _window(qtbot, demo_store, tmp_path, keys)
    offered: list[str] = []
    monkeypatch.setattr(
        alerts, "confirm", lambda _parent, title, _text, **_kwargs: offered.append(title) or True
    )
    monkeypatch.setattr(PassphraseDialog, "ask_new", lambda *_args: "rahasia kita")
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", _unlock_with("rahasia kita"))
    monkeypatch.setattr(alerts, "inform", lambda *_args: None)
    _select_rows(window, [0])
    window.packages.export_action.trigger()
    _wait_done(qtbot, window)
    assert offered == ["No signing key"]
    assert keys.has_signing_key()
    assert len(window.packages.last_exports) == 1


def test_export_with_nothing_selected_says_so(
    demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    informed: list[str] = []
    monkeypatch.setattr(alerts, "inform", lambda _parent, _title, text: informed.append(text))
    demo_window.home.table.selectionModel().clearSelection()
    demo_window.packages.export_action.trigger()
    assert informed == ["Select one or more assessments in the list first."]


def test_the_context_menu_offers_export(demo_window: MainWindow) -> None:
    assert demo_window.packages.export_action in demo_window.home.context_actions()


def test_the_outbox_folder_is_chosen_and_shown(
    demo_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    label = demo_window.packages.outbox_label
    assert label.text() == f"Outbox: {tmp_path / 'Kotak keluar'}"
    monkeypatch.setattr(files, "ask_folder", lambda *_args: tmp_path / "usb")
    demo_window.packages.outbox_action.trigger()
    assert outbox_folder(demo_window.settings) == tmp_path / "usb"
    assert label.text() == f"Outbox: {tmp_path / 'usb'}"


def test_outbox_folder_setting(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    settings = settings_at(tmp_path / "settings.json")
    assert outbox_folder(settings) == Path.home() / "Ombud" / "Kotak keluar"
    set_outbox_folder(settings, tmp_path / "usb")
    assert outbox_folder(settings_at(tmp_path / "settings.json")) == tmp_path / "usb"


def test_keys_folder_from_the_command_line_or_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert parse_args(["--keys", str(tmp_path / "k")]).keys == tmp_path / "k"
    monkeypatch.setenv("OMBUD_KEYS", str(tmp_path / "env"))
    assert Path(parse_args([]).keys) == tmp_path / "env"
    monkeypatch.delenv("OMBUD_KEYS")
    assert parse_args([]).keys is None


# -- import ---------------------------------------------------------------------------------------


@pytest.fixture
def supervisor_window(
    qtbot: Any, empty_store: StoreThread, tmp_path: Path, supervisor_keys: KeyStore
) -> MainWindow:
    return _window(qtbot, empty_store, tmp_path, supervisor_keys)


def _copy(paths: list[Path], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    return [Path(shutil.copy(path, folder / path.name)) for path in paths]


def test_import_with_an_untrusted_signer_trust_then_imported_receipt_says_new(
    qtbot: Any,
    supervisor_window: MainWindow,
    supervisor_keys: KeyStore,
    packages: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = supervisor_window
    chosen = _copy(packages, tmp_path / "usb")
    monkeypatch.setattr(files, "ask_open_paths", lambda *_args: chosen)
    unlocked: list[str] = []
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", _unlock_with(SUPERVISOR, unlocked))
    trust_asked: list[dict[str, Any]] = []

    def ask_trust(_parent: Any, **kwargs: Any) -> bool:
        trust_asked.append(kwargs)
        return True

    monkeypatch.setattr(FingerprintDialog, "ask", ask_trust)
    shown: list[tuple[list[Any], list[Any]]] = []
    monkeypatch.setattr(
        ReceiptDialog,
        "show_for",
        lambda _parent, receipts, refused: shown.append((receipts, refused)),
    )
    with qtbot.waitSignal(window.packages.imported, timeout=20_000):
        window.packages.import_action.trigger()
    _wait_done(qtbot, window)
    assert unlocked == ["Open personal data"]  # asked once for all packages
    assert len(trust_asked) == 1  # trusted with the first package, then known
    assert trust_asked[0]["name"] == "Siti Aminah"
    signer_fp = json.loads(
        dict((i.filename, d) for i, d in read_members(chosen[0]))["manifest.json"]
    )["signer"]["fingerprint"]
    assert trust_asked[0]["fingerprint"] == signer_fp
    assert supervisor_keys.is_trusted(signer_fp)
    receipts, refused = shown[0]
    assert refused == []
    assert [a.status for r in receipts for a in r.assessments] == ["new", "new"]
    assert {a.personal_data for r in receipts for a in r.assessments} == {"imported"}
    # The home list shows the imported assessments.
    qtbot.waitUntil(lambda: window.home.model.rowCount() == 2, timeout=10_000)

    # The receipt itself, as shown.
    dialog = ReceiptDialog(None, receipts, refused)
    qtbot.addWidget(dialog)
    texts = _tree_texts(dialog.tree)
    entry = receipts[0].assessments[0]
    assert f"{entry.entity} › {entry.locus} ({entry.period}): new" in texts

    # Importing the same packages again adds nothing.
    shown.clear()
    window.packages.import_paths(chosen)
    _wait_done(qtbot, window)
    receipts, refused = shown[0]
    assert [a.status for r in receipts for a in r.assessments] == [
        "already_present",
        "already_present",
    ]


def _tree_texts(tree: Any) -> list[str]:
    from PySide6.QtWidgets import QTreeWidgetItemIterator

    found = []
    iterator = QTreeWidgetItemIterator(tree)
    while iterator.value():
        found.append(iterator.value().text(0))
        iterator += 1
    return found


def test_skipping_an_untrusted_signer_refuses_the_package(
    qtbot: Any,
    supervisor_window: MainWindow,
    packages: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = supervisor_window
    chosen = _copy(packages[:1], tmp_path / "usb")
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", lambda *_args, **_kwargs: SKIPPED)
    monkeypatch.setattr(FingerprintDialog, "ask", lambda *_args, **_kwargs: False)
    shown: list[Any] = []
    monkeypatch.setattr(
        ReceiptDialog,
        "show_for",
        lambda _parent, receipts, refused: shown.append((receipts, refused)),
    )
    window.packages.import_paths(chosen)
    _wait_done(qtbot, window)
    receipts, refused = shown[0]
    assert receipts == []
    assert refused[0].path == chosen[0]
    assert refused[0].reasons[0][0] == "The package is signed by a key you do not trust yet."
    assert call(window.store, lambda s: s.workspace.assessment_rows()) == []


def test_a_tampered_package_shows_its_refusal_and_changes_nothing(
    qtbot: Any,
    supervisor_window: MainWindow,
    supervisor_keys: KeyStore,
    assessor_keys: KeyStore,
    packages: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = supervisor_window
    supervisor_keys.trust(assessor_keys.public_key_file().signing_key, "Siti Aminah")
    # One letter of the change log changed after signing: same size, other bytes.
    changed = [
        (
            info,
            data.replace(b'"author":"Siti', b'"author":"Sita', 1)
            if info.filename.startswith("assessments/")
            else data,
        )
        for info, data in read_members(packages[0])
    ]
    assert changed != read_members(packages[0])
    tampered = write_members(tmp_path / "tampered.ombx", changed)
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", lambda *_args, **_kwargs: SKIPPED)
    shown: list[Any] = []
    monkeypatch.setattr(
        ReceiptDialog,
        "show_for",
        lambda _parent, receipts, refused: shown.append((receipts, refused)),
    )
    before = call(window.store, lambda s: list(s.workspace.db.conn.iterdump()))
    window.packages.import_paths([tampered])
    _wait_done(qtbot, window)
    receipts, refused = shown[0]
    assert receipts == []
    texts = [text for text, _hint in refused[0].reasons]
    assert any(t.startswith("A file in the package was changed") for t in texts), texts
    assert call(window.store, lambda s: list(s.workspace.db.conn.iterdump())) == before

    dialog = ReceiptDialog(None, receipts, refused)
    qtbot.addWidget(dialog)
    tree = _tree_texts(dialog.tree)
    assert "Refused: 1 file(s)" in tree
    assert "tampered.ombx" in tree


def test_packages_dropped_on_the_window_are_imported(
    qtbot: Any,
    supervisor_window: MainWindow,
    supervisor_keys: KeyStore,
    assessor_keys: KeyStore,
    packages: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = supervisor_window
    supervisor_keys.trust(assessor_keys.public_key_file().signing_key, "Siti Aminah")
    chosen = _copy(packages, tmp_path / "dropped")
    (tmp_path / "dropped" / "catatan.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", _unlock_with(SUPERVISOR))
    shown: list[Any] = []
    monkeypatch.setattr(
        ReceiptDialog,
        "show_for",
        lambda _parent, receipts, refused: shown.append((receipts, refused)),
    )
    mime = QMimeData()
    mime.setUrls(
        [QUrl.fromLocalFile(str(p)) for p in [*chosen, tmp_path / "dropped" / "catatan.txt"]]
    )
    assert actions_module.dropped_paths(mime) == chosen  # the text file is not offered
    # As a real drag does: enter (Qt remembers the window as the target), then drop.
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    _wait_done(qtbot, window)
    receipts, refused = shown[0]
    assert refused == []
    assert sorted(r.path for r in receipts) == sorted(chosen)
    assert all(a.personal_data in ("imported", "none") for r in receipts for a in r.assessments)
    qtbot.waitUntil(lambda: window.home.model.rowCount() == 2, timeout=10_000)
    # As a merge, the import made the backup that undoes it and kept each package beside it.
    from ombud_desktop.services.backup import place_for
    from ombud_desktop.storage.backup import list_backups
    from ombud_desktop.storage.kept_packages import kept_files

    (backup,) = list_backups(place_for(tmp_path / "supervisor-ws", window.settings).folder)
    assert backup.reason == "before_merge"
    assert len(kept_files(backup.path)) == len(chosen) == 2


def test_a_drop_without_packages_is_not_taken(
    supervisor_window: MainWindow, tmp_path: Path
) -> None:
    text = tmp_path / "catatan.txt"
    text.write_text("x", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(text))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(supervisor_window, enter)
    assert not enter.isAccepted()
    assert not supervisor_window.packages.busy


# -- verify ---------------------------------------------------------------------------------------


def test_verify_shows_valid_with_signer_or_the_problems(
    qtbot: Any,
    supervisor_window: MainWindow,
    supervisor_keys: KeyStore,
    assessor_keys: KeyStore,
    packages: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = supervisor_window
    supervisor_keys.trust(assessor_keys.public_key_file().signing_key, "Siti Aminah")
    broken = tmp_path / "cut.ombx"
    broken.write_bytes(packages[1].read_bytes()[:-40])
    monkeypatch.setattr(files, "ask_open_paths", lambda *_args: [packages[0], broken])
    shown: list[Any] = []
    monkeypatch.setattr(VerifyDialog, "show_for", lambda _parent, reports: shown.append(reports))
    window.packages.verify_action.trigger()
    _wait_done(qtbot, window)
    good, bad = shown[0]
    assert good.ok
    assert not bad.ok
    dialog = VerifyDialog(None, shown[0])
    qtbot.addWidget(dialog)
    texts = _tree_texts(dialog.tree)
    fingerprint = assessor_keys.signing_key_info().fingerprint
    assert f"{packages[0].name}: valid" in texts
    assert f"Signed by Siti Aminah, fingerprint {spoken(fingerprint)}" in texts
    assert "cut.ombx: NOT valid" in texts
    assert any("damaged" in t for t in texts), texts


# -- the entry point ------------------------------------------------------------------------------


def test_the_app_uses_the_keys_folder_given_and_imports_the_files_it_opens_with(
    qtbot: Any,
    tmp_path: Path,
    supervisor_keys: KeyStore,
    assessor_keys: KeyStore,
    packages: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ombud_desktop.ui.app import Application

    supervisor_keys.trust(assessor_keys.public_key_file().signing_key, "Siti Aminah")
    folder = tmp_path / "ws"
    with Workspace.open(folder) as workspace:
        workspace.set_profile("Budi Santoso")
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", _unlock_with(SUPERVISOR))
    shown: list[Any] = []
    monkeypatch.setattr(
        ReceiptDialog,
        "show_for",
        lambda _parent, receipts, refused: shown.append((receipts, refused)),
    )
    args = parse_args(
        [
            "--settings",
            str(tmp_path / "settings.json"),
            "--language",
            "en",
            "--workspace",
            str(folder),
            "--keys",
            str(supervisor_keys.folder),
            str(packages[0]),
        ]
    )
    app = Application(QApplication.instance(), args)
    try:
        assert app.start()
        assert app.window.packages.session.keys.folder == supervisor_keys.folder
        qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
        receipts, refused = shown[0]
        assert refused == []
        assert [a.status for a in receipts[0].assessments] == ["new"]
        qtbot.waitUntil(lambda: app.window.home.model.rowCount() == 1, timeout=10_000)
    finally:
        app.window.close()
        app.close()


def test_the_receipt_shows_newer_changes_and_conflicting_edits_with_cells_and_values(
    qtbot: Any,
    supervisor_window: MainWindow,
    supervisor_keys: KeyStore,
    assessor_keys: KeyStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from ombud_desktop.storage.changes import Edit

    window = supervisor_window
    supervisor_keys.trust(assessor_keys.public_key_file().signing_key, "Siti Aminah")
    signer = Signer(assessor_keys.signing_key(ASSESSOR), "Siti Aminah")
    with Workspace.open(tmp_path / "laptop") as laptop:
        laptop.set_profile("Siti Aminah")
        generate_demo(laptop, builtin_instrument("ori-2023"), entities=1, seed=5)
        aid = laptop.assessment_rows()[0]["id"]
        base = export_assessment(laptop, aid, tmp_path / "base", signer).path
        laptop.write(aid, [Edit("note", "IN08", "text", "papan informasi baru")])
        newer = export_assessment(laptop, aid, tmp_path / "newer", signer).path
        laptop.write(aid, [Edit("response", "IN07", "value", 1)])
        edited = export_assessment(laptop, aid, tmp_path / "edited", signer).path
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", lambda *_args, **_kwargs: SKIPPED)
    shown: list[Any] = []
    monkeypatch.setattr(
        ReceiptDialog,
        "show_for",
        lambda _parent, receipts, refused: shown.append((receipts, refused)),
    )
    window.packages.import_paths([base, newer])
    _wait_done(qtbot, window)
    statuses = [a.status for r in shown[-1][0] for a in r.assessments]
    assert statuses == ["new", "updated"]
    # The supervisor rates IN07 too, from the same starting point as the assessor's edit.
    call(window.store, lambda s: s.workspace.write(aid, [Edit("response", "IN07", "value", 3)]))
    window.packages.import_paths([edited])
    _wait_done(qtbot, window)
    receipts, refused = shown[-1]
    entry = receipts[0].assessments[0]
    assert entry.status == "conflicts"
    dialog = ReceiptDialog(None, receipts, refused)
    qtbot.addWidget(dialog)
    texts = _tree_texts(dialog.tree)
    assert f"{entry.entity} › {entry.locus} ({entry.period}): conflicting edits found" in texts
    assert "Conflict in IN07 — value:" in texts  # the cell in words, as the conflicts window
    values = sorted(
        t.split(" — ")[0] for t in texts if " — " in t and not t.startswith("Conflict in")
    )
    assert values == ["1", "3"]


def test_export_from_an_open_assessment_exports_that_one(
    qtbot: Any, demo_window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    aid = call(demo_window.store, lambda s: s.workspace.assessment_rows()[5]["id"])
    _select_rows(demo_window, [0, 1])
    open_assessment(qtbot, demo_window, aid)
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", _unlock_with(ASSESSOR))
    monkeypatch.setattr(alerts, "inform", lambda *_args: None)
    demo_window.packages.export_action.trigger()
    _wait_done(qtbot, demo_window)
    assert [r.assessment_id for r in demo_window.packages.last_exports] == [aid]


def test_the_window_opens_without_the_crypto_stack_and_agrees_on_the_passphrase_rule() -> None:
    import subprocess
    import sys

    from ombud_desktop.packages import keys
    from ombud_desktop.ui.dialogs import passphrase

    assert passphrase.MIN_PASSPHRASE == keys.MIN_PASSPHRASE
    assert actions_module.SUFFIX == SUFFIX
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication; app = QApplication([])\n"
        "import ombud_desktop.ui.main_window\n"
        "print(sorted(m for m in sys.modules if m.startswith('ombud_desktop.packages')"
        " or m in ('cryptography', 'segno')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]", out.stdout


def test_the_passphrase_is_asked_once_per_session_and_never_for_a_random_file(
    qtbot: Any,
    supervisor_window: MainWindow,
    supervisor_keys: KeyStore,
    assessor_keys: KeyStore,
    packages: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = supervisor_window
    supervisor_keys.trust(assessor_keys.public_key_file().signing_key, "Siti Aminah")
    asked: list[str] = []
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", _unlock_with(SUPERVISOR, asked))
    shown: list[Any] = []
    monkeypatch.setattr(
        ReceiptDialog,
        "show_for",
        lambda _parent, receipts, refused: shown.append((receipts, refused)),
    )
    random_file = tmp_path / "foto-liburan.ombx"
    random_file.write_bytes(b"not a package at all")
    window.packages.import_paths([random_file])
    _wait_done(qtbot, window)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10_000)
    assert asked == []  # nothing sealed to this key: no passphrase asked
    assert shown[0][0] == []
    assert len(shown[0][1]) == 1
    for number, package in enumerate(_copy(packages, tmp_path / "usb")):
        window.packages.import_paths([package])
        _wait_done(qtbot, window)
        qtbot.waitUntil(lambda n=number: len(shown) == n + 2, timeout=20_000)
    assert asked == ["Open personal data"]  # once, for two imports
    assert [a.personal_data for r, _ in shown[1:] for x in r for a in x.assessments] == [
        "imported", "imported"
    ]


def test_after_skip_the_receipt_says_personal_data_stays_locked_and_how_to_open_it(
    qtbot: Any,
    supervisor_window: MainWindow,
    supervisor_keys: KeyStore,
    assessor_keys: KeyStore,
    packages: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = supervisor_window
    supervisor_keys.trust(assessor_keys.public_key_file().signing_key, "Siti Aminah")
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", lambda *_args, **_kwargs: SKIPPED)
    shown: list[Any] = []
    monkeypatch.setattr(
        ReceiptDialog,
        "show_for",
        lambda _parent, receipts, refused: shown.append((receipts, refused)),
    )
    window.packages.import_paths(_copy(packages[:1], tmp_path / "usb"))
    _wait_done(qtbot, window)
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=20_000)
    receipts, refused = shown[0]
    assert {a.personal_data for r in receipts for a in r.assessments} == {"locked"}
    dialog = ReceiptDialog(None, receipts, refused)
    qtbot.addWidget(dialog)
    texts = " ".join(_tree_texts(dialog.tree))
    assert "personal data imported" not in texts
    assert "not imported" in texts
    assert "ombud personal unlock" in texts


@pytest.mark.parametrize(
    ("role", "word"), [("supervisor", "Supervisor: "), ("assessor", "Assessor: ")]
)
def test_the_status_bar_names_the_users_role(
    qtbot: Any, empty_store: StoreThread, tmp_path: Path, supervisor_keys: KeyStore,
    role: str, word: str,
) -> None:
    settings = settings_at(tmp_path / "settings.json")
    settings.set(setting.ROLE, role)
    window = MainWindow(empty_store, settings, "en", keys=KeySession(supervisor_keys.folder))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: "Budi Santoso" in window.identity_label.text(), timeout=10_000)
    assert window.identity_label.text().startswith(word)
