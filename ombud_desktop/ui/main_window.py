"""The main window: composes the home list and the assessment view, menus and status bar."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from ombud_desktop import __version__
from ombud_desktop import settings as setting
from ombud_desktop.domain.ids import short_id
from ombud_desktop.settings import Settings
from ombud_desktop.ui import alerts
from ombud_desktop.ui.care import WorkspaceCare
from ombud_desktop.ui.home import HomeView
from ombud_desktop.ui.i18n import LANGUAGES
from ombud_desktop.ui.ops import StoreThread
from ombud_desktop.ui.packages.actions import PackageActions
from ombud_desktop.ui.packages.session import KeySession
from ombud_desktop.ui.settings import restore_geometry, save_geometry
from ombud_desktop.ui.supervision import SupervisorActions


class MainWindow(QMainWindow):
    """One window: the assessments list, or one assessment being answered."""

    assessment_opened = Signal(str)  # an assessment view was read, built and shown

    def __init__(
        self,
        store: StoreThread,
        settings: Settings,
        language: str,
        on_language_changed: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
        keys: KeySession | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.language = language
        self.on_language_changed = on_language_changed
        self.assessment: Any = None  # the AssessmentView being shown, if any
        self.results: Any = None  # the ResultsWindow, once opened
        self.setWindowTitle("Ombud Desktop")
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.home = HomeView(store, language=language)
        self.home.open_requested.connect(self.open_assessment)
        self.home.new_requested.connect(self.new_assessment)
        self.home.template_requested.connect(self.new_assessment)
        self.stack.addWidget(self.home)
        self.saved_label = QLabel()
        self.statusBar().addWidget(self.saved_label)
        self.identity_label = QLabel()
        self.statusBar().addPermanentWidget(self.identity_label)
        self.show_identity()
        store.failed.connect(lambda error: alerts.error(self, error))
        self.packages = PackageActions.install(self, keys or KeySession())
        self.supervision = SupervisorActions.install(self)
        self.care = WorkspaceCare.install(self)
        self._build_menus()
        if not restore_geometry(self, settings, setting.MAIN_WINDOW_GEOMETRY):
            self.resize(1280, 740)
        store.changed.connect(self._changed)
        self.home.refresh()

    def show_identity(self) -> None:
        """Show the assessor and device in the status bar (read in the background)."""

        def read(s: Any) -> tuple[str, str]:
            return s.identity()

        def show(identity: tuple[str, str]) -> None:
            name, device = identity
            if self.settings.get(setting.ROLE) == "supervisor":
                text = self.tr("Supervisor: %1 · Device %2")
            else:
                text = self.tr("Assessor: %1 · Device %2")
            self.identity_label.setText(
                text.replace("%1", name).replace("%2", short_id(device))
            )

        self.store.submit(read, on_done=show, on_error=lambda _error: None, write=False)

    # -- menus ---------------------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(self.tr("&New assessment…"), self.new_assessment, "Ctrl+N")
        )
        file_menu.addAction(self._action(self.tr("&Assessments"), self.show_home, "Ctrl+H"))
        file_menu.addAction(self._action(self.tr("&Results…"), self.show_results, "Ctrl+R"))
        self.supervision.fill_file_menu(file_menu)
        self.packages.fill_file_menu(file_menu)
        self.care.fill_file_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, "Ctrl+Q"))
        settings_menu = bar.addMenu(self.tr("&Settings"))
        self.packages.fill_settings_menu(settings_menu)
        self.supervision.fill_settings_menu(settings_menu)
        self.care.fill_settings_menu(settings_menu)
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        # Exclusive: choosing the ticked language again leaves it ticked, never none.
        self.language_group = QActionGroup(self)
        self.language_group.setExclusive(True)
        for code, name in LANGUAGES.items():
            action = self._action(name, lambda code=code: self._set_language(code))
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.setData(code)
            self.language_group.addAction(action)
            language_menu.addAction(action)
        reports_menu = bar.addMenu(self.tr("&Reports"))
        for text, kind, shortcut in (
            (self.tr("On-site &summary…"), "locus", "Ctrl+P"),
            (self.tr("&Entity recap…"), "entity", None),
            (self.tr("&Province overview…"), "province", None),
        ):
            reports_menu.addAction(
                self._action(text, lambda kind=kind: self.open_report(kind), shortcut)
            )
        help_menu = bar.addMenu(self.tr("&Help"))
        # F1 opens the guide of the role this user chose.
        supervisor = self.settings.get(setting.ROLE) == "supervisor"
        help_menu.addAction(self._action(
            self.tr("Assess&or's guide"), lambda: self.show_guide("assessor"),
            None if supervisor else "F1",
        ))
        help_menu.addAction(self._action(
            self.tr("Su&pervisor's guide"), lambda: self.show_guide("supervisor"),
            "F1" if supervisor else None,
        ))
        help_menu.addAction(
            self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, "Ctrl+/")
        )
        help_menu.addSeparator()
        help_menu.addAction(
            self._action(self.tr("Save &support bundle…"), self.save_support_bundle)
        )
        help_menu.addAction(self._action(self.tr("&About Ombud Desktop"), self.about))

    # -- actions -------------------------------------------------------------------------------

    def _changed(self, changes: Any, _initiator: object) -> None:
        if changes.profile:
            self.show_identity()

    def show_home(self) -> None:
        """Show the assessments list (it keeps itself current from ``changed``)."""
        self.stack.setCurrentWidget(self.home)
        self.settings.clear(setting.LAST_ASSESSMENT)
        self.home.setFocus()

    def show_results(self) -> None:
        """Open the results window (scores, grades, ranks; export), or bring it to the front."""
        if self.results is None:
            from ombud_desktop.ui.results import ResultsWindow  # loaded when first needed

            self.results = ResultsWindow(self.store, self.language, self.settings, parent=self,
                                         keys=lambda: self.packages.session.keys)
        self.results.show()
        self.results.raise_()
        self.results.activateWindow()

    def open_assessment(self, assessment_id: str, page: str | None = None) -> None:
        """Open an assessment at ``page`` (or its first page) once it has been read.

        ``assessment`` is the new view from then on; ``assessment_opened`` says so.
        """
        from ombud_desktop.ui.assessment_view import AssessmentView  # loaded when first needed

        AssessmentView.open(
            self.store,
            assessment_id,
            self.language,
            on_open=lambda view: self._show_assessment(view, page),
            on_error=lambda error: alerts.error(self, error),
        )

    def _show_assessment(self, view: Any, page: str | None) -> None:
        if self.assessment is not None:
            self.assessment.keep_typing()  # what was typed there is saved before it goes
            self.stack.removeWidget(self.assessment)
            self.assessment.deleteLater()
        view.back_requested.connect(self.show_home)
        view.position_changed.connect(self._remember_position)
        view.answer_saved.connect(self._show_saved)
        self.assessment = view
        self.stack.addWidget(view)
        self.stack.setCurrentWidget(view)
        view.show_page(page or view.entries[0].key)
        self.assessment_opened.emit(view.assessment_id)

    def new_assessment(self, template_id: str | None = None) -> None:
        """Ask for a new assessment (optionally prefilled from another) and open it."""
        def read(s: Any) -> tuple[dict[str, Any] | None, str | None]:
            template = s.assessments.document(template_id).to_json() if template_id else None
            return template, (s.profile() or {}).get("name")

        self.store.submit(
            read, on_done=self._ask_new, on_error=lambda error: alerts.error(self, error)
        )

    def _ask_new(self, read: tuple[dict[str, Any] | None, str | None]) -> None:
        from ombud_desktop.ui.dialogs.new_assessment import NewAssessmentDialog

        template, assessor = read
        answer = NewAssessmentDialog.ask_with_instrument(
            self, template=template, language=self.language, assessor=assessor
        )
        if answer is None:
            return
        new, instrument = answer
        self.store.submit(
            lambda s: s.assessments.create(instrument, new),
            on_done=self._created,
            on_error=lambda error: alerts.error(self, error),
            initiator=self,
        )

    def _created(self, created: Any) -> None:
        self.open_assessment(created.value)

    def open_report(self, kind: str) -> None:
        """Preview a report about the assessment shown, or the one selected in the list."""
        from ombud_desktop.ui.dialogs.report_preview import open_report

        shown = self.assessment is not None and self.stack.currentWidget() is self.assessment
        aid = self.assessment.assessment_id if shown else self.home.selected_id()
        open_report(self, self.store, kind, aid, self.language)

    def show_guide(self, kind: str) -> None:
        """Open the assessor's or the supervisor's guide (shipped with the app, offline)."""
        from ombud_desktop.ui.help import GuideDialog

        dialog = GuideDialog(self, kind)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

    def show_shortcuts(self) -> None:
        """List the keyboard shortcuts, read from this window's actions."""
        from ombud_desktop.ui.help import ShortcutsDialog, shortcuts_of

        ShortcutsDialog(self, shortcuts_of(self)).exec()

    def save_support_bundle(self) -> None:
        """Write the zip for whoever helps: logs, versions, settings, workspace in numbers."""
        from ombud_desktop.ui.support import save_support_bundle

        save_support_bundle(self, self.store, self.settings.path)

    def about(self) -> None:
        """Show the About dialog with the version."""
        QMessageBox.about(
            self,
            self.tr("About Ombud Desktop"),
            self.tr(
                "<b>Ombud Desktop %1</b><p>Offline assessment of public-service compliance "
                "for the Ombudsman of the Republic of Indonesia.</p>"
                "<p>Every answer is saved the moment it is given.</p>"
            ).replace("%1", __version__),
        )

    def _set_language(self, language: str) -> None:
        if language == self.language:
            return
        if self.assessment is not None:
            self.assessment.keep_typing()  # the window is rebuilt: nothing typed is lost
        self.settings.set(setting.LANGUAGE, language)
        if self.on_language_changed is not None:
            self.on_language_changed(language)

    def _remember_position(self, assessment_id: str, page: str) -> None:
        # Written at once, so that after a crash or power cut the app reopens right here, but
        # on a background thread: the GUI thread never waits on the disk for a page move.
        self.settings.update_soon(
            {setting.LAST_ASSESSMENT: assessment_id, setting.LAST_PAGE: page}
        )

    def _show_saved(self, stamp: str) -> None:
        self.saved_label.setText(self.tr("Saved %1").replace("%1", stamp))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.assessment is not None:
            focus = self.focusWidget()
            if focus is not None:
                focus.clearFocus()  # a note being typed is saved as it loses focus
            self.assessment.keep_typing()
        self.store.wait_idle()
        save_geometry(self, self.settings, setting.MAIN_WINDOW_GEOMETRY)
        self.settings.flush()
        super().closeEvent(event)
