"""The first-run setup: who you are, your key, where your work is kept; then a sample to explore.

A short wizard of three pages. It only asks: the entry point (ui/app.py) creates the workspace,
the key and the sample with the answer, off the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ombud_desktop.settings import ROLES
from ombud_desktop.ui.dialogs.profile import NIP_DIGITS, clean_nip
from ombud_desktop.ui.screen import ScreenFit

MIN_PASSPHRASE = 8  # the key store refuses shorter ones


@dataclass(frozen=True)
class SetupAnswer:
    """What the assessor chose. ``passphrase`` is None when this computer has a key already."""

    name: str
    nip: str | None
    role: str
    workspace: Path
    sample: bool
    passphrase: str | None = field(default=None, repr=False)  # never in a log or traceback


def passphrase_strength(text: str) -> int:
    """Rate a passphrase 0 (too short) … 3 (strong): length first, then variety."""
    if len(text) < MIN_PASSPHRASE:
        return 0
    kinds = sum(
        any(test(char) for char in text)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(text.split())
    if len(text) >= 16 and (kinds >= 2 or words >= 3):
        return 3
    if len(text) >= 12 or kinds >= 3:
        return 2
    return 1


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class ProfilePage(QWizardPage):
    """Name, optional NIP and role."""

    def __init__(self, name: str, nip: str, role: str):
        super().__init__()
        self.setTitle(self.tr("Who are you?"))
        self.setSubTitle(
            self.tr(
                "Your name is recorded with every answer you give, so a supervisor can see "
                "who assessed what."
            )
        )
        self.name_edit = QLineEdit(name)
        self.name_edit.setPlaceholderText(self.tr("Full name"))
        self.nip_edit = QLineEdit(nip)
        self.nip_edit.setPlaceholderText(self.tr("Optional: 18 digits"))
        self.nip_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"[0-9 ]{0,30}"), self.nip_edit)
        )
        self.assessor = QRadioButton(self.tr("&Assessor: I visit service units and assess them"))
        self.supervisor = QRadioButton(
            self.tr("&Supervisor: I merge my team's work, check it and rank entities")
        )
        self.roles = QButtonGroup(self)
        self.roles.addButton(self.assessor)
        self.roles.addButton(self.supervisor)
        (self.supervisor if role == "supervisor" else self.assessor).setChecked(True)
        self.message = _wrapped("")
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow(self.tr("N&IP:"), self.nip_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_wrapped(self.tr("Your role:")))
        layout.addWidget(self.assessor)
        layout.addWidget(self.supervisor)
        layout.addWidget(self.message)
        self.name_edit.textChanged.connect(self._changed)
        self.nip_edit.textChanged.connect(self._changed)
        self._changed()

    def problem(self) -> str | None:
        """Return what is wrong with the input, or None."""
        if not self.name_edit.text().strip():
            return self.tr("Give your name.")
        nip = clean_nip(self.nip_edit.text())
        if nip and len(nip) != NIP_DIGITS:
            return self.tr("The NIP has 18 digits; this one has {count}.").format(count=len(nip))
        return None

    def _changed(self) -> None:
        problem = self.problem()
        shown = problem is not None and bool(self.name_edit.text() or self.nip_edit.text())
        self.message.setText(problem if shown else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Allow Next only with a valid name and NIP."""
        return self.problem() is None

    def role(self) -> str:
        """Return the chosen role."""
        return "supervisor" if self.supervisor.isChecked() else "assessor"


class KeyPage(QWizardPage):
    """The passphrase of the new signing key (or the key this computer already has)."""

    def __init__(self, existing_key: str | None):
        super().__init__()
        self.existing_key = existing_key
        self.setTitle(self.tr("Your key"))
        self.setSubTitle(
            self.tr(
                "Packages you send are signed with your key, so the receiver knows they come "
                "from you and were not changed. A passphrase protects the key on this computer."
            )
        )
        layout = QVBoxLayout(self)
        self.first = QLineEdit()
        self.second = QLineEdit()
        self.strength = _wrapped("")
        self.message = _wrapped("")
        # Roles are given by certificate (issue 13): a new assessor is told how to get one.
        self.certificate_hint = _wrapped(
            self.tr(
                "To get your role as an assessor, send your public key (.ombkey, saved under "
                "Settings › Keys › Export public key) to your supervisor, then install the "
                "certificate they send back under Settings › Keys › Install certificate."
            )
        )
        if existing_key is not None:
            layout.addWidget(
                _wrapped(
                    self.tr("This computer already has your key (fingerprint %1); it is used.")
                    .replace("%1", existing_key)
                )
            )
            layout.addWidget(self.certificate_hint)
            return
        for edit in (self.first, self.second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.textChanged.connect(self._changed)
        self.first.setPlaceholderText(self.tr("At least 8 characters; a few words work well"))
        form = QFormLayout()
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Repeat:"), self.second)
        layout.addLayout(form)
        layout.addWidget(self.strength)
        layout.addWidget(self.message)
        layout.addWidget(
            _wrapped(
                self.tr(
                    "Nobody can recover a forgotten passphrase. Write it down and keep it "
                    "somewhere safe, away from the laptop."
                )
            )
        )
        layout.addWidget(self.certificate_hint)
        self._changed()

    def initializePage(self) -> None:
        """Show the certificate sentence to assessors only (supervisors get theirs from pusat)."""
        wizard = self.wizard()
        profile = getattr(wizard, "profile_page", None)
        self.certificate_hint.setVisible(profile is None or profile.role() == "assessor")

    def strength_text(self) -> str:
        """Return the strength hint for the passphrase typed so far."""
        return (
            self.tr("Too short: at least 8 characters."),
            self.tr("Weak: add a word or two."),
            self.tr("Fair."),
            self.tr("Strong."),
        )[passphrase_strength(self.first.text())]

    def problem(self) -> str | None:
        """Return what is wrong with the passphrase, or None."""
        if self.existing_key is not None:
            return None
        if len(self.first.text()) < MIN_PASSPHRASE:
            return self.tr("Too short: at least 8 characters.")
        if self.first.text() != self.second.text():
            return self.tr("The two passphrases differ.")
        return None

    def _changed(self) -> None:
        typed = bool(self.first.text())
        self.strength.setText(self.tr("Strength: %1").replace("%1", self.strength_text())
                              if typed else "")
        problem = self.problem()
        shown = typed and bool(self.second.text()) and problem is not None
        self.message.setText(problem if shown else "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Allow Next only with a long enough passphrase typed twice alike."""
        return self.problem() is None

    def passphrase(self) -> str | None:
        """Return the passphrase, or None when the existing key is used."""
        return None if self.existing_key is not None else self.first.text()


class WorkspacePage(QWizardPage):
    """Where the work is kept, and whether to open a sample workspace first."""

    def __init__(self, workspace: Path, *, fixed: bool, offer_sample: bool):
        super().__init__()
        self.setTitle(self.tr("Where your work is kept"))
        self.setSubTitle(
            self.tr(
                "Every answer and photo is saved at once in this folder. Choose a folder on "
                "this computer that is backed up, not a USB stick."
            )
        )
        self.folder_edit = QLineEdit(str(workspace))
        self.folder_edit.setReadOnly(fixed)
        self.browse_button = QPushButton(self.tr("&Choose…"))
        self.browse_button.setVisible(not fixed)
        self.browse_button.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.browse_button)
        label = QLabel(self.tr("&Folder:"))
        label.setBuddy(self.folder_edit)  # a row holding a layout gets no buddy by itself
        form = QFormLayout()
        form.addRow(label, row)
        self.sample_box = QCheckBox(
            self.tr("&Open a sample workspace to explore (demo data, kept apart from your work)")
        )
        self.sample_box.setVisible(offer_sample)
        self.message = _wrapped("")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sample_box)
        layout.addWidget(self.message)
        self.folder_edit.textChanged.connect(self._changed)
        self._changed()

    def browse(self) -> None:
        """Let the assessor pick a folder (the workspace goes into it)."""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Workspace folder"),
                                                  self.folder_edit.text())
        if chosen:
            self.folder_edit.setText(chosen)

    def problem(self) -> str | None:
        """Return what is wrong with the folder, or None."""
        text = self.folder_edit.text().strip()
        if not text:
            return self.tr("Choose a folder.")
        path = Path(text).expanduser()
        if not path.is_absolute():
            return self.tr("Give the whole path of the folder.")
        if path.exists() and not path.is_dir():
            return self.tr("This is a file, not a folder.")
        return None

    def _changed(self) -> None:
        problem = self.problem()
        self.message.setText(problem or "")
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Allow Finish only with a usable folder."""
        return self.problem() is None

    def workspace(self) -> Path:
        """Return the chosen workspace folder."""
        return Path(self.folder_edit.text().strip()).expanduser()


class SetupWizard(QWizard):
    """The first-run setup; open it with :meth:`ask`."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        workspace: Path,
        workspace_fixed: bool = False,
        existing_key: str | None = None,
        name: str = "",
        nip: str = "",
        role: str = "assessor",
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome to Ombud Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)  # the same on every system
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        # Qt ships no Indonesian for the wizard's buttons: name them ourselves.
        for button, text in (
            (QWizard.WizardButton.BackButton, self.tr("&Back")),
            (QWizard.WizardButton.NextButton, self.tr("Ne&xt")),
            (QWizard.WizardButton.FinishButton, self.tr("&Start")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.setButtonText(button, text)
        self.profile_page = ProfilePage(name, nip, role if role in ROLES else "assessor")
        self.key_page = KeyPage(existing_key)
        self.workspace_page = WorkspacePage(
            workspace, fixed=workspace_fixed, offer_sample=not workspace_fixed
        )
        for page in (self.profile_page, self.key_page, self.workspace_page):
            self.addPage(page)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 80)

    def answer(self) -> SetupAnswer:
        """Return what was chosen."""
        return SetupAnswer(
            name=self.profile_page.name_edit.text().strip(),
            nip=clean_nip(self.profile_page.nip_edit.text()) or None,
            role=self.profile_page.role(),
            workspace=self.workspace_page.workspace(),
            sample=not self.workspace_page.sample_box.isHidden()
            and self.workspace_page.sample_box.isChecked(),
            passphrase=self.key_page.passphrase(),
        )

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        *,
        workspace: Path,
        workspace_fixed: bool = False,
        existing_key: str | None = None,
        name: str = "",
        nip: str = "",
        role: str = "assessor",
    ) -> SetupAnswer | None:
        """Show the setup; return the answer, or None when it was cancelled."""
        wizard = cls(parent, workspace=workspace, workspace_fixed=workspace_fixed,
                     existing_key=existing_key, name=name, nip=nip, role=role)
        ScreenFit.watch(wizard)  # on a first start it has no parent to hand the watch on
        try:
            if not wizard.exec():
                return None
            return wizard.answer()
        finally:
            wizard.deleteLater()
