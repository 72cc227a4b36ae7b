"""The Indonesian translation: the .ts is complete and faithful, in step with the code, and
every dialog and screen shows it (and English without it).

The .ts is the repository's source (resources/translations/ombud_id.ts); the .qm is compiled by
the real lrelease, as on a user's first start. A translator is never left installed after a test.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from ombud_desktop import __version__
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.services.assessments import NewAssessment
from ombud_desktop.ui import i18n
from ombud_desktop.ui.app import settings_at
from ombud_desktop.ui.dialogs.missing import MissingDialog
from ombud_desktop.ui.dialogs.new_assessment import NewAssessmentDialog
from ombud_desktop.ui.dialogs.profile import ProfileDialog
from ombud_desktop.ui.dialogs.setup import SetupWizard
from ombud_desktop.ui.main_window import MainWindow
from ombud_desktop.ui.models.assessments import Column
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.results import ResultsWindow
from ombud_desktop.ui.widgets.score_panel import ScorePanel
from tests.ui.conftest import call, open_assessment
from tests.ui.supervision_fixtures import conflicted, key_folders, running, team  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "ombud_id.ts"
UI = ROOT / "ombud_desktop" / "ui"

LANGUAGES = ("id", "en")


# -- reading the .ts ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Message:
    """One message of the .ts: its context, English source and Indonesian translation(s)."""

    context: str
    source: str
    translations: tuple[str, ...]
    kind: str | None  # the translation's type attribute: None when finished
    numerus: bool

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def read_ts(path: Path = TS) -> list[Message]:
    """Return every message of a .ts file."""
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{name}: {message.findtext('source')!r}"
            numerus = message.get("numerus") == "yes"
            if numerus:
                texts = tuple(form.text or "" for form in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            messages.append(Message(name, message.findtext("source") or "", texts,
                                    translation.get("type"), numerus))
    return messages


PLACEHOLDER = re.compile(r"%(?:\d+|n)|\{\w*\}")
TAG = re.compile(r"</?[A-Za-z][^>]*>")
FILTER = re.compile(r"\(\*[^)]*\)")
ACCELERATOR = re.compile(r"&(?!&)")


def _edges(text: str, char: str) -> tuple[int, int]:
    return len(text) - len(text.lstrip(char)), len(text) - len(text.rstrip(char))


def _whitespace(text: str) -> tuple[int, int]:
    return len(text) - len(text.lstrip()), len(text) - len(text.rstrip())


def problems_of(message: Message) -> list[str]:
    """Return how the translations of ``message`` differ from its source in form."""
    source = message.source
    found = []
    for text in message.translations:
        if not text.strip():
            found.append("empty translation")
            continue
        if sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(source))):
            found.append(f"placeholders differ: {text!r}")
        if _edges(text.strip(), "…") != _edges(source.strip(), "…"):
            found.append(f"leading/trailing … differ: {text!r}")
        if TAG.findall(text) != TAG.findall(source):
            found.append(f"rich-text tags differ: {text!r}")
        if FILTER.findall(text) != FILTER.findall(source):
            found.append(f"file-dialog patterns differ: {text!r}")
        if len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(source)):
            found.append(f"accelerator (&) count differs: {text!r}")
        if _whitespace(text) != _whitespace(source) or text.count("\n") != source.count("\n"):
            found.append(f"leading/trailing spaces or line breaks differ: {text!r}")
        end = source.rstrip()[-1:]
        if end in (".", ":", "?", "!") and not text.rstrip().endswith(end):
            found.append(f"does not end with {end!r}: {text!r}")
    return found


def translation_of(context: str, source: str) -> str:
    """Return the .ts translation of one message (its first form)."""
    for message in read_ts():
        if message.context == context and message.source == source:
            return message.translations[0]
    raise KeyError((context, source))


# -- the translator -------------------------------------------------------------------------------


@contextmanager
def translated(language: str, cache_dir: Path) -> Iterator[None]:
    """Install the translator for ``language`` (none for English) and always remove it."""
    app = QCoreApplication.instance()
    assert app is not None
    translator = i18n.install_translator(language, cache_dir)
    if language != "en":
        assert translator is not None, f"no translator for {language}"
    try:
        yield
    finally:
        if translator is not None:
            app.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File", "translator left"


@pytest.fixture(scope="session")
def qm_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("qm")


@pytest.fixture(params=LANGUAGES)
def language(request: pytest.FixtureRequest, qapp: Any, qm_cache: Path) -> Iterator[str]:
    """Run the test once in Indonesian (translator installed) and once in English."""
    with translated(request.param, qm_cache):
        yield request.param


def say(language: str, english: str, indonesian: str) -> str:
    """Return the text expected on screen in ``language``."""
    return indonesian if language == "id" else english


def texts_of(root: QWidget) -> list[str]:
    """Return every text a user can read in ``root`` and its children."""
    found: list[str] = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        if isinstance(widget, QGroupBox):
            found.append(widget.title())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            found.append(widget.placeholderText())
        if isinstance(widget, QComboBox):
            found.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            found.extend(widget.item(i).text() for i in range(widget.count()))
        if isinstance(widget, QTreeWidget):
            iterator = QTreeWidgetItemIterator(widget)
            while iterator.value():
                found.append(iterator.value().text(0))
                iterator += 1
        found.append(widget.toolTip())
    return [text for text in found if text]


def mnemonic(text: str) -> str | None:
    """Return the Alt+letter of a text with an accelerator ("&Berkas" → "b"), or None."""
    match = re.search(r"&([^&\s])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def assert_unique_mnemonics(where: str, texts: list[str]) -> None:
    letters = [(mnemonic(text), text) for text in texts if mnemonic(text)]
    seen: dict[str, str] = {}
    for letter, text in letters:
        assert letter not in seen, f"{where}: {text!r} and {seen[letter]!r} share Alt+{letter}"
        seen[letter] = text


def new_assessment(store: StoreThread) -> str:
    new = NewAssessment(
        category="kota", entity_name="Kota Cilegon", province="Banten",
        locus_name="Disdukcapil", period_year=2024, products=("KTP-el", "KK"),
    )
    return call(store, lambda s: s.assessments.create(builtin_instrument("ori-2023"), new).value)


# -- the .ts itself -------------------------------------------------------------------------------


def test_the_ts_parses_and_every_message_is_translated() -> None:
    messages = read_ts()
    assert len(messages) >= 181
    assert 'type="unfinished"' not in TS.read_text(encoding="utf-8")
    for message in messages:
        assert message.kind is None, f"{message} is {message.kind}"
        assert all(text.strip() for text in message.translations), f"{message} is empty"
        if message.numerus:
            # Indonesian has one plural form: lrelease expects exactly one numerusform.
            assert len(message.translations) == 1, message


def test_translations_keep_placeholders_markup_accelerators_and_punctuation() -> None:
    problems = [f"{message}: {problem}" for message in read_ts()
                for problem in problems_of(message)]
    assert not problems, "\n".join(problems)


def test_the_form_checks_catch_a_broken_translation() -> None:
    def broken(source: str, text: str) -> list[str]:
        return problems_of(Message("X", source, (text,), None, False))

    assert broken("Saved %1", "Tersimpan")
    assert broken("{shown} of %n", "%n")
    assert broken("Reopen…", "Buka kembali")
    assert broken("<b>Ombud %1</b>", "Ombud %1")
    assert broken("&File", "Berkas")
    assert broken("Give your name.", "Isi nama Anda")
    assert broken("Evidence to see: ", "Bukti:")
    assert not broken("&File", "&Berkas")


# -- compiling and installing ---------------------------------------------------------------------


def test_compiled_translation_builds_a_qm_that_the_translator_uses(
    qapp: Any, tmp_path: Path
) -> None:
    qm = i18n.compiled_translation("id", tmp_path)
    assert qm is not None
    assert qm.suffix == ".qm"
    assert qm.parent == tmp_path
    assert qm.stat().st_size > 0
    assert i18n.compiled_translation("id", tmp_path) == qm  # cached: compiled once
    assert not list(tmp_path.glob("*.ts"))  # the copy given to lrelease is removed
    assert not list(tmp_path.glob("*.part"))
    assert i18n.compiled_translation("en", tmp_path) is None  # English is the source
    assert i18n.install_translator("en", tmp_path) is None

    translator = i18n.install_translator("id", tmp_path)
    assert translator is not None
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&Berkas"
        assert QCoreApplication.translate("AssessmentView", "Finish") == "Selesaikan"
        assert QCoreApplication.translate(
            "HomeView", "%n assessment(s)", None, 3
        ) == "3 penilaian"
    finally:
        QCoreApplication.instance().removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


# -- in step with the code ------------------------------------------------------------------------


def _lupdate() -> list[str]:
    """Return the command that runs lupdate (the tool PySide6 ships)."""
    script = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    if script:
        return [script]
    name = "lupdate.exe" if sys.platform == "win32" else "lupdate"
    return [str(i18n.lrelease_path().with_name(name))]


def test_every_source_text_of_the_code_is_in_the_ts(tmp_path: Path) -> None:
    sources = sorted(str(path.relative_to(ROOT)) for path in UI.rglob("*.py"))
    copy = tmp_path / "ombud_id.ts"
    shutil.copyfile(TS, copy)
    result = subprocess.run(
        [*_lupdate(), *sources, "-ts", str(copy), "-no-obsolete"],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    found = re.search(
        r"Found (\d+) source text\(s\) \((\d+) new and (\d+) already existing\)", result.stdout
    )
    assert found is not None, result.stdout + result.stderr
    total, new, existing = (int(group) for group in found.groups())
    unfinished = [str(m) for m in read_ts(copy) if m.kind == "unfinished"]
    assert new == 0, (
        f"{new} text(s) in the code are not in {TS.name}: run scripts/update_translations "
        f"and translate them: {unfinished}"
    )
    assert total == existing > 0


def test_texts_the_code_passes_through_variables_are_translated(language: str) -> None:
    # Message boxes outside any QObject translate in the "alerts" context; these texts
    # must reach the .ts through lupdate, or scripts/update_translations would drop them.
    texts = re.findall(r"""translate\(\s*["']alerts["'],\s*(["'])(.+?)\1\s*\)""",
                       (UI / "alerts.py").read_text(encoding="utf-8"))
    assert texts
    for _quote, text in texts:
        shown = QCoreApplication.translate("alerts", text)
        if language == "id":
            assert shown != text, f"alerts: {text!r} is not translated (dropped by lupdate?)"
        else:
            assert shown == text


# -- every dialog and screen in both languages ----------------------------------------------------


def test_new_assessment_dialog(qtbot: Any, language: str) -> None:
    dialog = NewAssessmentDialog(None, language=language, today=date(2024, 8, 12))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == say(language, "New assessment", "Penilaian baru")
    texts = texts_of(dialog)
    assert say(language, "Create", "Buat") in texts
    assert say(language, "&Period (year):", "&Periode (tahun):") in texts
    assert say(language, "&Visit date:", "Tanggal k&unjungan:") in texts
    assert say(language, "Product 1:", "Produk 1:") in texts
    assert say(language, "Other locus…", "Lokus lain…") in texts
    assert dialog.entity_edit.placeholderText() == say(
        language, "e.g. Kota Cilegon", "mis. Kota Cilegon")
    assert dialog.message.text() == say(
        language, "Still needed: the province, the entity name.",
        "Masih perlu diisi: provinsi, nama entitas.")
    dialog.year_spin.setValue(2027)  # the map's ori-2025 does not declare it: a reason
    assert dialog.instrument_note.text().startswith(say(
        language, "This instrument is meant for 2025, 2026, not for 2027.",
        "Instrumen ini ditetapkan untuk 2025, 2026, bukan untuk 2027."))
    assert say(language, "why this instrument is used", "alasan memakai instrumen ini") in (
        dialog.message.text())
    form = dialog.findChild(QFormLayout)
    labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
              for row in range(form.rowCount())]
    assert_unique_mnemonics("new assessment", labels)


def test_profile_dialog(qtbot: Any, language: str) -> None:
    dialog = ProfileDialog(None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == say(language, "Assessor profile", "Profil penilai")
    assert dialog.name_edit.placeholderText() == say(language, "Full name", "Nama lengkap")
    assert say(language, "&Name:", "&Nama:") in texts_of(dialog)
    dialog.nip_edit.setText("1987")
    assert dialog.message.text() == say(
        language, "Give your name.", "Isi nama Anda.")
    dialog.name_edit.setText("Siti Aminah")
    assert dialog.message.text() == say(
        language, "The NIP has 18 digits; this one has 4.",
        "NIP terdiri atas 18 digit; yang ini 4 digit.")


def test_setup_wizard(qtbot: Any, language: str, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QWizard

    wizard = SetupWizard(None, workspace=tmp_path / "ws")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.windowTitle() == say(language, "Welcome to Ombud Desktop",
                                       "Selamat datang di Ombud Desktop")
    buttons = [wizard.buttonText(button) for button in (
        QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
        QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton)]
    assert buttons == (["&Kembali", "&Lanjut", "&Mulai", "Batal"] if language == "id"
                       else ["&Back", "Ne&xt", "&Start", "Cancel"])
    profile = wizard.profile_page
    assert profile.title() == say(language, "Who are you?", "Siapa Anda?")
    texts = texts_of(profile)
    assert say(language, "&Name:", "&Nama:") in texts
    assert profile.assessor.text().startswith(say(language, "&Assessor", "&Penilai"))
    profile.name_edit.setText("Siti Aminah")
    profile.nip_edit.setText("1987")
    assert profile.message.text() == say(language, "The NIP has 18 digits; this one has 4.",
                                         "NIP terdiri atas 18 digit; yang ini 4 digit.")
    profile.nip_edit.clear()
    wizard.next()
    key = wizard.key_page
    assert key.title() == say(language, "Your key", "Kunci Anda")
    key.first.setText("kopi pagi di cilegon")
    assert key.strength.text() == say(language, "Strength: Strong.", "Kekuatan: Kuat.")
    key.second.setText("kopi")
    assert key.message.text() == say(language, "The two passphrases differ.",
                                     "Kedua frasa sandi berbeda.")
    key.second.setText("kopi pagi di cilegon")
    wizard.next()
    place = wizard.workspace_page
    assert place.title() == say(language, "Where your work is kept",
                                "Tempat hasil kerja Anda disimpan")
    assert place.browse_button.text() == say(language, "&Choose…", "&Pilih…")
    assert place.sample_box.text().startswith(say(language, "&Open a sample workspace",
                                                  "&Buka ruang kerja contoh"))
    back, next_, start = buttons[:3]
    for page, shown in ((profile, [next_]), (key, [back, next_]), (place, [back, start])):
        visible = [text for text in texts_of(page) if "&" in text]
        assert_unique_mnemonics(page.title(), visible + shown)
    existing = SetupWizard(None, workspace=tmp_path, existing_key="12345 67890")
    qtbot.addWidget(existing)
    assert say(language, "already has your key (fingerprint 12345 67890)",
               "sudah memiliki kunci Anda (sidik jari 12345 67890)") in " ".join(
        texts_of(existing.key_page))


def test_missing_dialog(store: StoreThread, qtbot: Any, language: str) -> None:
    aid = new_assessment(store)
    score = call(store, lambda s: s.assessments.score(aid))
    instrument = call(store, lambda s: s.assessments.instrument_of(aid))
    panel = ScorePanel(instrument, language)
    qtbot.addWidget(panel)
    panel.show_score(score)
    dialog = MissingDialog(None, score, panel)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == say(language, "Not complete yet", "Belum lengkap")
    texts = texts_of(dialog)
    assert say(language, "Go there", "Buka") in texts
    assert say(language, "Close", "Tutup") in texts
    items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(items) == len(score.reasons)
    assert say(language, "Service users: 5 more needed", "Pengguna layanan: perlu 5 lagi") \
        in items
    assert say(language, "IN07: no value yet", "IN07: belum ada nilai") in items
    panel_texts = texts_of(panel)
    assert say(language, "Provisional score", "Nilai sementara") in panel_texts
    assert say(language, f"Provisional: {len(score.reasons)} thing(s) still missing",
               f"Sementara: masih kurang {len(score.reasons)} hal") in panel_texts


@pytest.fixture
def window(store: StoreThread, qtbot: Any, tmp_path: Path, language: str) -> MainWindow:
    main = MainWindow(store, settings_at(tmp_path / "settings.json"), language)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_main_window_menus_and_home(qtbot: Any, window: MainWindow, language: str) -> None:
    bar = window.menuBar()
    titles = [action.text() for action in bar.actions()]
    assert titles == (
        ["&Berkas", "&Pengaturan", "&Laporan", "B&antuan"] if language == "id"
        else ["&File", "&Settings", "&Reports", "&Help"]
    )
    assert_unique_mnemonics("menu bar", titles)
    reports_menu = bar.actions()[2].menu()
    assert [a.text() for a in reports_menu.actions()] == (
        ["Ringkasan di &lokus…", "Rekap &entitas…", "Ikhtisar &provinsi…"] if language == "id"
        else ["On-site &summary…", "&Entity recap…", "&Province overview…"]
    )
    for action in bar.actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        assert_unique_mnemonics(action.text(), [a.text() for a in menu.actions()])
    file_menu = bar.actions()[0].menu()
    assert [a.text() for a in file_menu.actions() if a.text()] == (
        ["Penilaian &baru…", "&Daftar penilaian", "&Hasil…", "Kon&flik…", "&Ekspor paket…",
         "&Impor paket…", "&Verifikasi paket…", "&Lupakan kunci yang terbuka",
         "&Cadangkan sekarang", "&Pulihkan dari cadangan…", "Periksa &ruang kerja", "&Keluar"]
        if language == "id"
        else ["&New assessment…", "&Assessments", "&Results…", "&Conflicts…",
              "&Export package…", "&Import packages…", "&Verify package…", "&Lock keys",
              "&Back up now", "Res&tore from backup…", "Check &workspace", "&Quit"]
    )
    settings_menu = bar.actions()[1].menu()
    assert [a.text() for a in settings_menu.actions() if a.text()] == (
        ["&Kunci…", "&Folder kotak keluar…", "Folder &cadangan…", "&Jumlah cadangan disimpan…",
         "&Bahasa"] if language == "id"
        else ["&Keys…", "&Outbox folder…", "&Backup folder…", "&Number of backups kept…",
              "&Language"]
    )
    # The assessor and device are read on the store thread, after the window shows.
    expected = say(language, "Assessor: Siti Aminah · Device ", "Penilai: Siti Aminah · Perangkat ")
    qtbot.waitUntil(lambda: any(t.startswith(expected) for t in texts_of(window.statusBar())))

    home = window.home
    qtbot.waitUntil(lambda: not home.loading)
    texts = texts_of(home)
    assert home.new_button.text() == say(language, "+ &New assessment", "+ Penilaian &baru")
    assert say(language, "No assessments yet. Start one with “New assessment”.",
               "Belum ada penilaian. Mulai dengan “Penilaian baru”.") in texts
    assert say(language, "0 assessment(s)", "0 penilaian") in texts
    model = home.table.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == say(language, "Entity", "Entitas")
    assert_unique_mnemonics("home", [text for text in texts if "&" in text])


def test_assessment_pages(store: StoreThread, qtbot: Any, window: MainWindow,
                          language: str) -> None:
    aid = new_assessment(store)
    view = open_assessment(qtbot, window, aid)
    assert view is not None
    assert view.finish_button.text() == say(language, "Finish", "Selesaikan")
    assert view.status_label.text() == say(language, "Draft", "Draf")
    assert view.back_button.text() == say(language, "← Assessments", "← Daftar penilaian")
    navigator = texts_of(view.navigator)
    assert say(language, "Process (display)", "Proses (keterpampangan)") in navigator
    assert say(language, "Complaint handling", "Pengelolaan pengaduan") in navigator
    expected = {
        "products": [say(language, "Products observed", "Produk yang diamati"),
                     say(language, "Product 1", "Produk 1")],
        "IN07": [say(language, "Not applicable", "Tidak berlaku"),
                 say(language, "Add photo or document…", "Tambah foto atau dokumen…")],
        # The product boxes call page.tr(...): found at run time in the DisplayPage context.
        "PR01": [say(language, "Complete when:", "Lengkap bila:"),
                 say(language, "Product 1: KTP-el", "Produk 1: KTP-el"),
                 say(language, "→ value –", "→ nilai –")],
        "R1": [say(language, "Respondent", "Responden"),
               say(language, "Role not present at this unit", "Jabatan tidak ada di unit ini")],
        "service_users": [
            say(language, "Save and next respondent", "Simpan dan responden berikutnya"),
            say(language, "Service users: 0 of target 15 (minimum 5)",
                "Pengguna layanan: 0 dari target 15 (minimal 5)"),
        ],
    }
    for key, wanted in expected.items():
        view.show_page(key)
        assert view.current_key == key
        texts = texts_of(view.pages[key])
        for text in wanted:
            assert text in texts, f"{key}: {text!r} not among {texts}"
    assert say(language, "Provisional score", "Nilai sementara") in texts_of(view.panel)


def test_about_box(window: MainWindow, language: str, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "about",
                        lambda _parent, title, text: shown.append((title, text)))
    window.about()
    assert len(shown) == 1
    title, text = shown[0]
    assert title == say(language, "About Ombud Desktop", "Tentang Ombud Desktop")
    assert text.startswith(f"<b>Ombud Desktop {__version__}</b><p>")
    assert say(language, "Ombudsman of the Republic of Indonesia",
               "Ombudsman Republik Indonesia") in text
    assert "%1" not in text
    if language == "id":
        assert text == translation_of(
            "MainWindow",
            "<b>Ombud Desktop %1</b><p>Offline assessment of public-service compliance for the "
            "Ombudsman of the Republic of Indonesia.</p><p>Every answer is saved the moment it "
            "is given.</p>",
        ).replace("%1", __version__)


def test_results_window(demo_store: StoreThread, qtbot: Any, tmp_path: Path,
                        language: str) -> None:
    results = ResultsWindow(demo_store, language, settings_at(tmp_path / "settings.json"))
    qtbot.addWidget(results)
    results.resize(1366, 768)
    with qtbot.waitSignal(results.loaded, timeout=20_000):
        results.show()
    assert results.windowTitle() == say(language, "Results · Ombud Desktop",
                                        "Hasil · Ombud Desktop")
    dashboard = results.dashboard
    texts = texts_of(dashboard)
    for english, indonesian in (
        ("&Export to Excel…", "&Ekspor ke Excel…"),
        ("Grade distribution", "Sebaran predikat"),
        ("All provinces", "Semua provinsi"),
        ("2 entity(ies)", "2 entitas"),
        ("Double-click an entity to see its loci.",
         "Klik dua kali sebuah entitas untuk melihat lokusnya."),
    ):
        assert say(language, english, indonesian) in texts, (english, texts)
    assert_unique_mnemonics("results", [text for text in texts if "&" in text])
    model = dashboard.table.model()
    assert model.headerData(0, Qt.Orientation.Horizontal) == say(
        language, "Rank", "Peringkat")
    assert results.status_label.text() == say(language, "2 entity(ies) scored", "2 entitas dinilai")
    results.show_entity(dashboard.proxy.index(0, 0).data(Qt.ItemDataRole.UserRole))
    view = results.entity_view
    texts = texts_of(view)
    assert say(language, "← Results", "← Hasil") in texts
    assert view.tabs.tabText(0) == say(language, "Loci (7)", "Lokus (7)")
    qtbot.waitUntil(lambda: results.records.records is not None, timeout=20_000)
    assert view.tabs.tabText(1) == say(language, "Plan of loci (6 of 7 complete)",
                                       "Rencana lokus (6 dari 7 lengkap)")
    assert view.tabs.tabText(2) == say(language, "Corrections (0 in force)", "Koreksi (0 berlaku)")
    texts = texts_of(view)
    for english, indonesian in (
        ("Change the plan of &loci…", "Ubah rencana &lokus…"),
        ("&Add a correction…", "&Tambah koreksi…"),
        ("&Withdraw the correction…", "Ta&rik koreksi…"),
        ("Plan: the instrument's locus template (default)",
         "Rencana: templat lokus instrumen (bawaan)"),
    ):
        assert say(language, english, indonesian) in texts, (english, texts)
    assert_unique_mnemonics("entity", [text for text in texts if "&" in text])
    # Without keys the buttons say why they are disabled, in the language.
    assert results.records.plan_button.toolTip().startswith(
        say(language, "Only a supervisor of", "Hanya supervisor"))
    assert view.rank_label.text().startswith(say(language, "Rank 1 of 2", "Peringkat 1 dari 2"))
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == say(language, "Locus", "Lokus")
    assert view.status_label.text().startswith(say(language, "Provisional", "Sementara")) or \
        view.status_label.text() == say(language, "Final: every locus is complete.",
                                         "Final: semua lokus lengkap.")
def test_plan_and_correction_dialogs(demo_store: StoreThread, qtbot: Any, language: str) -> None:
    from ombud_desktop.ui.dialogs.records import CorrectionDialog, PlanDialog

    entity = call(demo_store, lambda s: s.lists.results()).entities[0]
    records = call(demo_store, lambda s: s.records(None).entity_records(
        entity["entity_id"], entity["period"]))
    dialog = PlanDialog(None, records, language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle().startswith(say(language, "Plan of loci · ", "Rencana lokus · "))
    texts = texts_of(dialog)
    for english, indonesian in (
        ("&Add another slot", "Tambah slot &lagi"),
        ("&Save plan", "&Simpan rencana"),
        ("7 locus(es) planned", "7 lokus direncanakan"),
        ("Loci of this entity (only that locus)", "Lokus entitas ini (hanya lokus itu)"),
    ):
        assert say(language, english, indonesian) in texts, (english, texts)
    assert_unique_mnemonics("plan", [t for t in texts if "&" in t])
    assert dialog.sizeHint().height() <= 600
    correction = CorrectionDialog(None, entity["entity"], entity["period"], records.grades)
    qtbot.addWidget(correction)
    correction.show()
    qtbot.waitExposed(correction)
    texts = texts_of(correction)
    for english, indonesian in (
        ("&Subtract points:", "&Kurangi poin:"),
        ("&Cap the grade at:", "&Batasi predikat paling tinggi:"),
        ("&Reason:", "&Alasan:"),
        ("&Add correction", "&Tambah koreksi"),
    ):
        assert say(language, english, indonesian) in texts, (english, texts)
    assert_unique_mnemonics("correction", [t for t in texts if "&" in t])


# -- signed packages ------------------------------------------------------------------------------


@pytest.fixture
def key_store(tmp_path: Path) -> Any:
    from ombud_desktop.packages.keys import KeyStore

    keys = KeyStore(tmp_path / "keys")
    keys.create_signing_key("kunci asesor 2024", owner="Siti Aminah")
    return keys


def test_keys_dialog(qtbot: Any, language: str, tmp_path: Path, key_store: Any) -> None:
    from ombud_desktop.ui.dialogs.keys import KeysDialog, QrDialog
    from ombud_desktop.ui.packages.session import KeySession

    empty = KeysDialog(None, KeySession(tmp_path / "none"))
    qtbot.addWidget(empty)
    empty.show()
    texts = texts_of(empty)
    assert empty.windowTitle() == say(language, "Keys", "Kunci")
    assert say(language, "Create &signing key…", "Buat kunci &tanda tangan…") in texts
    assert say(language, "Your receiving key (supervisors)",
               "Kunci penerima Anda (supervisor)") in texts
    assert say(language, "Trusted keys", "Kunci tepercaya") in texts

    dialog = KeysDialog(None, KeySession(key_store.folder))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = texts_of(dialog)
    assert say(language, "Your signing key", "Kunci tanda tangan Anda") in texts
    assert say(language, "Change &passphrase…", "Ubah &frasa sandi…") in texts
    assert say(language, "Show as &QR code…", "Tampilkan sebagai kode &QR…") in texts
    short = key_store.signing_key_info().short
    assert say(language, f"Short form: {short}", f"Bentuk singkat: {short}") in texts
    from ombud_desktop.ui.models.trusted_keys import TrustedKeysModel

    assert dialog.trusted_model.headerData(
        TrustedKeysModel.FINGERPRINT, Qt.Orientation.Horizontal
    ) == say(language, "Fingerprint", "Sidik jari")
    assert dialog.trusted_model.headerData(
        TrustedKeysModel.ROLE, Qt.Orientation.Horizontal
    ) == say(language, "Role", "Peran")
    assert say(language, "Not certified", "Belum bersertifikat") in dialog.role_label.text()
    assert say(language, "&Install certificate…", "Pasang se&rtifikat…") in texts
    assert_unique_mnemonics("keys", [b.text() for b in dialog.findChildren(QAbstractButton)])

    qr = QrDialog(None, key_store.public_key_file())
    qtbot.addWidget(qr)
    assert qr.windowTitle() == say(
        language, "Public key as QR code", "Kunci publik sebagai kode QR")


def test_passphrase_and_fingerprint_dialogs(qtbot: Any, language: str, key_store: Any) -> None:
    from ombud_desktop.ui.dialogs.fingerprint import FingerprintDialog
    from ombud_desktop.ui.dialogs.passphrase import PassphraseDialog

    new = PassphraseDialog(None, mode="new")
    qtbot.addWidget(new)
    new.new_edit.setText("pendek")
    assert new.message.text() == say(
        language, "The passphrase needs at least 8 characters; it has 6.",
        "Frasa sandi perlu minimal 8 karakter; yang ini 6.")
    change = PassphraseDialog(None, mode="change")
    qtbot.addWidget(change)
    texts = texts_of(change)
    assert say(language, "&Current passphrase:", "Frasa sandi &saat ini:") in texts
    assert say(language, "&Repeat it:", "&Ulangi:") in texts
    unlock = PassphraseDialog(None, mode="unlock", unlock=key_store.signing_key)
    qtbot.addWidget(unlock)
    unlock.current_edit.setText("bukan frasa ini")
    unlock.accept()
    assert unlock.message.text() == say(language, "The passphrase is wrong.", "Frasa sandi salah.")

    info = key_store.signing_key_info()
    dialog = FingerprintDialog(None, title="t", name="Siti Aminah", fingerprint=info.fingerprint,
                               question="?", ok_text="ok", cancel_text="no")
    qtbot.addWidget(dialog)
    assert dialog.view.words_label.text().split() == info.words.split()


def test_receipt_and_verify_dialogs(qtbot: Any, language: str, tmp_path: Path) -> None:
    from ombud_desktop.packages.format import Problem
    from ombud_desktop.packages.importer import AssessmentReceipt, Receipt
    from ombud_desktop.packages.reader import VerifyReport
    from ombud_desktop.ui.dialogs.package_results import ReceiptDialog, Refusal, VerifyDialog

    receipt = Receipt(
        path=tmp_path / "a.ombx", package_id="p", signer_name="Siti Aminah",
        signer_fingerprint="ab" * 32,
        assessments=[
            AssessmentReceipt("a1", "Kab. Serang", "Puskesmas Pontang", "2024", "new",
                              added=12, personal_data="locked"),
            AssessmentReceipt("a2", "Kab. Serang", "Dinas Sosial", "2024", "conflicts",
                              added=1, conflicts=[{"cell": "PR03@P1.electronic", "versions": [
                                  {"value": "absent", "author": "Siti", "at": "2024-08-12T10:41"},
                                  {"value": "incomplete", "author": "Budi",
                                   "at": "2024-08-12T10:44"}]}]),
        ],
    )
    refused = Refusal(tmp_path / "b.ombx", [])
    from ombud_desktop.ui.packages.wording import describe_problem

    refused.reasons.append(describe_problem({"code": "member_altered", "member": "x"}))
    dialog = ReceiptDialog(None, [receipt], [refused])
    qtbot.addWidget(dialog)
    texts = texts_of(dialog)
    assert dialog.windowTitle() == say(language, "Import receipt", "Tanda terima impor")
    assert say(language, "Kab. Serang › Puskesmas Pontang (2024): new",
               "Kab. Serang › Puskesmas Pontang (2024): baru") in texts
    assert say(language, "Kab. Serang › Dinas Sosial (2024): conflicting edits found",
               "Kab. Serang › Dinas Sosial (2024): ditemukan suntingan yang bertentangan") in texts
    assert say(language, "12 change(s) added", "12 perubahan ditambahkan") in texts
    assert say(language, "Conflict in PR03@P1.electronic:", "Konflik pada PR03@P1.electronic:") \
        in texts
    assert "absent — Siti, 2024-08-12 10:41" in texts
    assert say(language, "Refused: 1 file(s)", "Ditolak: 1 berkas") in texts
    assert any(t.startswith(say(language, "A file in the package was changed",
                                "Sebuah berkas dalam paket diubah")) for t in texts)

    report = VerifyReport(tmp_path / "c.ombx", problems=[Problem("signature_invalid", "x")])
    verify = VerifyDialog(None, [report])
    qtbot.addWidget(verify)
    texts = texts_of(verify)
    assert say(language, "c.ombx: NOT valid", "c.ombx: TIDAK sah") in texts
    assert any(t.startswith(say(language, "The signature is not valid",
                                "Tanda tangan tidak sah")) for t in texts)




# -- supervisor: conflicts, review, inbox --------------------------------------------------------


def test_conflicts_window(
    qtbot: Any, conflicted: tuple[Path, str], language: str  # noqa: F811 (a fixture)
) -> None:
    from ombud_desktop.ui.conflicts import ConflictsWindow

    path, _aid = conflicted
    with running(path) as store:
        window = ConflictsWindow(store, language)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        with qtbot.waitSignal(window.loaded, timeout=10_000):
            window.show()
        assert window.windowTitle() == say(language, "Conflicts · Ombud Desktop",
                                           "Konflik · Ombud Desktop")
        texts = texts_of(window)
        for english, indonesian in (
            ("Keep this", "Pakai nilai ini"),
            ("&Another value…", "Nilai &lain…"),
            ("Evidence for this indicator", "Bukti untuk indikator ini"),
            ("1 open conflict(s)", "1 konflik terbuka"),
        ):
            assert say(language, english, indonesian) in texts, (english, texts)
        assert_unique_mnemonics("conflicts", [t for t in texts if "&" in t])
        title = builtin_instrument("ori-2023").indicator("IN07").title.get(language)
        assert window.model.index(0, 1).data() == f"IN07 · {title} — " + say(
            language, "value", "nilai")
        assert window.model.headerData(0, Qt.Orientation.Horizontal) == say(
            language, "Entity › locus", "Entitas › lokus")
        anchor = builtin_instrument("ori-2023").indicator("IN07").anchors[3].get(language)
        assert f"3 · {anchor}" in [label.text() for label in window.versions.value_labels]
        assert any(t.startswith(say(language, "Device ", "Perangkat ")) for t in texts)


def test_return_dialog(qtbot: Any, language: str) -> None:
    from ombud_desktop.ui.review import ReturnDialog, commentable_indicators

    instrument = builtin_instrument("ori-2023")
    dialog = ReturnDialog(None, commentable_indicators(instrument, language), "Kota Cilegon")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == say(language, "Return for correction",
                                       "Kembalikan untuk perbaikan")
    texts = texts_of(dialog)
    for english, indonesian in (
        ("&General comment:", "Komentar &umum:"),
        ("A&dd", "&Tambah"),
        ("Return", "Kembalikan"),
        ("Write a general comment or a comment on an indicator.",
         "Tulis komentar umum atau komentar untuk sebuah indikator."),
    ):
        assert say(language, english, indonesian) in texts, (english, texts)
    assert_unique_mnemonics("return", [t for t in texts if "&" in t])
    assert dialog.model.headerData(1, Qt.Orientation.Horizontal) == say(
        language, "Comment", "Komentar")
    title = instrument.indicator("IN07").title.get(language)
    assert dialog.indicator_combo.findText(f"IN07 · {title}") >= 0


def test_supervisor_menus_review_banner_and_comments(
    store: StoreThread, qtbot: Any, tmp_path: Path, language: str
) -> None:
    from ombud_desktop import settings as setting
    from ombud_desktop.services.merge import return_for_correction

    aid = new_assessment(store)
    call(store, lambda s: return_for_correction(s.workspace, aid, "Foto kurang jelas",
                                               {"IN07": "Papan tidak terbaca"}))
    settings = settings_at(tmp_path / "settings.json")
    settings.set(setting.ROLE, "supervisor")
    main = MainWindow(store, settings, language)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitUntil(lambda: not main.home.loading, timeout=10_000)
    actions = [a.text() for a in main.home.context_actions()]
    assert say(language, "A&pprove", "&Setujui") in actions
    assert say(language, "Return for &correction…", "Kembalikan untuk &perbaikan…") in actions
    assert_unique_mnemonics("home context menu", actions)
    settings_menu = main.menuBar().actions()[1].menu()
    entries = [a.text() for a in settings_menu.actions() if a.text()]
    assert say(language, "&Inbox folder…", "Folder kotak &masuk…") in entries
    assert_unique_mnemonics("settings menu", entries)
    model = main.home.model
    assert model.headerData(Column.REVIEW, Qt.Orientation.Horizontal) == say(
        language, "Review", "Tinjauan")
    assert model.index(0, Column.REVIEW).data() == say(language, "Returned", "Dikembalikan") + (
        " · ✎ 2")  # its general comment and IN07's, open
    view = open_assessment(qtbot, main, aid)
    qtbot.waitUntil(lambda: bool(view.review_banner.text()), timeout=10_000)
    banner = view.review_banner.text()
    assert say(language, "Returned for correction by Siti Aminah",
               "Dikembalikan untuk perbaikan oleh Siti Aminah") in banner
    assert say(language, "1 indicator(s) have a comment (marked ✎ in the list).",
               "1 indikator diberi komentar (bertanda ✎ di daftar).") in banner
    view.show_page("IN07")
    assert view.pages["IN07"].review_box.text() == say(
        language, "Supervisor's comment: IN07: Papan tidak terbaca",
        "Komentar supervisor: IN07: Papan tidak terbaca")
    main.close()


def test_inbox_notice(qtbot: Any, tmp_path: Path, language: str,
                      team: Any) -> None:  # noqa: F811
    from ombud_desktop.services.merge import merge_packages
    from ombud_desktop.services.packages import PackageService
    from ombud_desktop.ui.inbox import InboxNotice

    bad = tmp_path / "rusak.ombx"
    bad.write_bytes(b"bukan paket")
    workspace = team.workspace("supervisor", "Budi Santoso")
    try:
        report = merge_packages(PackageService(workspace, team.supervisor_keys), [bad])
    finally:
        workspace.close()
    notice = InboxNotice()
    qtbot.addWidget(notice)
    notice.tell(report)
    assert notice.label.text() == say(language, "0 new package(s) imported, 1 refused",
                                      "0 paket baru diimpor, 1 ditolak")
    assert notice.button.text() == say(language, "Receipt…", "Tanda terima…")
    assert notice.close_button.toolTip() == say(language, "Hide this note",
                                                "Sembunyikan catatan ini")


def test_report_preview_dialog(demo_store: StoreThread, qtbot: Any, language: str) -> None:
    import gc

    from ombud_desktop.services.reports import ReportRequest
    from ombud_desktop.ui.dialogs.report_preview import ReportPreviewDialog

    # Collect garbage left by earlier tests now, not in the middle of a paint event (a Qt
    # wrapper collected while Qt paints its widget aborts with "pure virtual method called").
    gc.collect()
    aid = call(demo_store, lambda s: s.workspace.assessment_rows()[0]["id"])
    dialog = ReportPreviewDialog(demo_store, ReportRequest("locus", aid, language=language))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready, timeout=20_000)
    assert dialog.windowTitle() == say(language, "Report preview", "Pratinjau laporan")
    texts = texts_of(dialog)
    assert say(language, "&Print…", "&Cetak…") in texts
    assert say(language, "&Save as PDF…", "&Simpan sebagai PDF…") in texts
    assert say(language, "page(s)", "halaman") in dialog.status.text()
    assert_unique_mnemonics("report preview", [b for b in texts if "&" in b])
    dialog.close()
    gc.collect()
