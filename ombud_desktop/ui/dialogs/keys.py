"""Settings › Keys: the signing key, the receiving key, the supervisor, the trusted keys."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ombud_desktop.errors import OmbudError
from ombud_desktop.files import write_atomically
from ombud_desktop.packages.keys import PublicKeyFile, qr_code, short
from ombud_desktop.services.keys import (
    CERTIFIED,
    NATIONAL,
    SUPERVISOR,
    OwnRole,
    certify,
    own_role,
)
from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.dialogs.certify import CertifyRoleDialog
from ombud_desktop.ui.dialogs.fingerprint import FingerprintDialog, FingerprintView, QrView
from ombud_desktop.ui.dialogs.passphrase import PassphraseDialog
from ombud_desktop.ui.models.trusted_keys import TrustedKeysModel, role_text
from ombud_desktop.ui.packages.session import KeySession
from ombud_desktop.ui.widgets.tables import row_table

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")

KEY_SUFFIX = ".ombkey"
CERT_SUFFIX = ".cert"
MAX_CERT_FILE = 64 * 1024  # as packages.certificates.MAX_CHAIN_FILE: read no more than that


def create_signing_key(parent: QWidget | None, session: KeySession, owner: str) -> bool:
    """Ask for a passphrase (twice) and create the signing key; return True when made."""
    passphrase = PassphraseDialog.ask_new(
        parent,
        translate("KeysDialog", "Create signing key"),
        translate(
            "KeysDialog",
            "Your signing key shows that the packages you send come from you. Choose a "
            "passphrase of at least 8 characters: it is asked once per session, when you "
            "first export. Nobody can recover it if you forget it.",
        ),
    )
    if passphrase is None:
        return False
    try:
        session.keys.create_signing_key(passphrase, owner=owner)
    except OmbudError as exc:
        alerts.error(parent, exc)
        return False
    return True


def read_key_file(parent: QWidget | None, title: str) -> PublicKeyFile | None:
    """Ask for a ``.ombkey`` file and read it; None on cancel or after showing why not."""
    path = files.ask_open_path(
        parent,
        title,
        files.documents_folder(),
        translate("KeysDialog", "Ombud key files (*.ombkey);;All files (*)"),
    )
    if path is None:
        return None
    try:
        return PublicKeyFile.from_bytes(path.read_bytes(), name=path.name)
    except OSError as exc:
        alerts.error(
            parent,
            translate("KeysDialog", "%1 cannot be read: %2")
            .replace("%1", path.name)
            .replace("%2", exc.strerror or str(exc)),
        )
    except OmbudError as exc:
        alerts.error(parent, exc)
    return None


def confirm_digits(
    parent: QWidget | None, title: str, name: str, fingerprint: str, *, ok_text: str | None = None
) -> bool:
    """Show a key's spoken fingerprint and ask whether its owner reads the same digits."""
    return FingerprintDialog.ask(
        parent,
        title=title,
        name=name,
        fingerprint=fingerprint,
        question=translate(
            "KeysDialog",
            "Ask the owner of the key to read the digits of their fingerprint to you (in "
            "person or by phone). Do these digits match what the owner reads to you?",
        ),
        ok_text=ok_text or translate("KeysDialog", "The digits match: trust"),
        cancel_text=translate("KeysDialog", "Cancel"),
    )


def own_role_text(role: OwnRole) -> str:
    """Return this user's role in words: "Assessor, Banten (certified)", "Not certified"."""
    if role.kind == NATIONAL:
        return role_text(NATIONAL, None)
    if role.kind == CERTIFIED:
        return translate("KeysDialog", "%1 (certified)").replace(
            "%1", role_text(role.role, role.province)
        )
    return translate("KeysDialog", "Not certified")


class QrDialog(QDialog):
    """The public key file as a QR code, for a supervisor to scan from the screen."""

    def __init__(self, parent: QWidget | None, key_file: PublicKeyFile):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Public key as QR code"))
        self.view = QrView(qr_code(key_file).matrix)
        layout = QVBoxLayout(self)
        label = QLabel(
            self.tr("Key of %1 · %2")
            .replace("%1", key_file.name or "–")
            .replace("%2", short(key_file.fingerprint))
        )
        layout.addWidget(label)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        side = self.view.modules() * 5
        self.resize(side + 40, side + 100)


class KeysDialog(QDialog):
    """Create and manage the keys of this user; open it with :meth:`show_for`."""

    def __init__(self, parent: QWidget | None, session: KeySession, *, owner: str = ""):
        super().__init__(parent)
        self.session = session
        self.keys = session.keys
        self.owner = owner
        self.setWindowTitle(self.tr("Keys"))
        self._build()
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        # Signing key
        self.signing_box = QGroupBox(self.tr("Your signing key"))
        self.signing_none = QLabel(
            self.tr(
                "You have no signing key yet. Packages you export are signed with it, so your "
                "supervisor knows they come from you."
            )
        )
        self.signing_none.setWordWrap(True)
        self.signing_view = FingerprintView()
        self.signing_created = QLabel()
        self.signing_hint = QLabel(
            self.tr(
                "Your fingerprint: read these digits to your supervisor when you give them your "
                "public key, so they know the key is yours."
            )
        )
        self.signing_hint.setWordWrap(True)
        self.create_signing_button = QPushButton(self.tr("Create &signing key…"))
        self.change_button = QPushButton(self.tr("Change &passphrase…"))
        self.export_button = QPushButton(self.tr("&Export public key…"))
        self.qr_button = QPushButton(self.tr("Show as &QR code…"))
        signing = QVBoxLayout(self.signing_box)
        signing.addWidget(self.signing_none)
        signing.addWidget(self.signing_hint)
        signing.addWidget(self.signing_view)
        signing.addWidget(self.signing_created)
        row = QHBoxLayout()
        for button in (
            self.create_signing_button,
            self.change_button,
            self.export_button,
            self.qr_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        signing.addLayout(row)

        # Role, given by certificate (issue 13)
        self.role_box = QGroupBox(self.tr("Your role"))
        self.role_label = QLabel()
        self.role_hint = QLabel()
        self.role_hint.setWordWrap(True)
        self.install_certificate_button = QPushButton(self.tr("&Install certificate…"))
        self.certify_button = QPushButton(self.tr("Certi&fy a key…"))
        role_layout = QVBoxLayout(self.role_box)
        role_layout.addWidget(self.role_label)
        role_layout.addWidget(self.role_hint)
        row = QHBoxLayout()
        row.addWidget(self.install_certificate_button)
        row.addWidget(self.certify_button)
        row.addStretch(1)
        role_layout.addLayout(row)

        # Receiving key
        self.receiving_box = QGroupBox(self.tr("Your receiving key (supervisors)"))
        self.receiving_none = QLabel(
            self.tr(
                "Supervisors need a receiving key: personal data of respondents in the packages "
                "of their team is encrypted to it. It is part of the public key you export."
            )
        )
        self.receiving_none.setWordWrap(True)
        self.receiving_view = FingerprintView()
        self.create_receiving_button = QPushButton(self.tr("Create &receiving key…"))
        receiving = QVBoxLayout(self.receiving_box)
        receiving.addWidget(self.receiving_none)
        receiving.addWidget(self.receiving_view)
        row = QHBoxLayout()
        row.addWidget(self.create_receiving_button)
        row.addStretch(1)
        receiving.addLayout(row)

        # Supervisor
        self.recipient_box = QGroupBox(self.tr("Your supervisor"))
        self.recipient_label = QLabel()
        self.recipient_label.setWordWrap(True)
        self.set_recipient_button = QPushButton(self.tr("Se&t from key file…"))
        self.clear_recipient_button = QPushButton(self.tr("C&lear"))
        recipient = QVBoxLayout(self.recipient_box)
        recipient.addWidget(self.recipient_label)
        row = QHBoxLayout()
        row.addWidget(self.set_recipient_button)
        row.addWidget(self.clear_recipient_button)
        row.addStretch(1)
        recipient.addLayout(row)

        # Trusted keys
        self.trusted_box = QGroupBox(self.tr("Trusted keys"))
        self.trusted_model = TrustedKeysModel(self)
        self.trusted_table = row_table(self.trusted_model, alternating=False, wrap=True)
        header = self.trusted_table.horizontalHeader()
        header.setSectionResizeMode(TrustedKeysModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(TrustedKeysModel.ROLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            TrustedKeysModel.FINGERPRINT, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(TrustedKeysModel.ADDED, QHeaderView.ResizeMode.ResizeToContents)
        self.add_trusted_button = QPushButton(self.tr("&Add from key file…"))
        self.remove_trusted_button = QPushButton(self.tr("Re&move…"))
        trusted_intro = QLabel(self.tr("Packages signed by these keys are accepted on import."))
        trusted_intro.setWordWrap(True)
        trusted = QVBoxLayout(self.trusted_box)
        trusted.addWidget(trusted_intro)
        trusted.addWidget(self.trusted_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_trusted_button)
        row.addWidget(self.remove_trusted_button)
        row.addStretch(1)
        trusted.addLayout(row)

        folder = QLabel(self.tr("Keys are kept in %1").replace("%1", str(self.keys.folder)))
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)

        # Own keys on the left, the people this user deals with on the right; only the
        # trusted-keys table grows with the dialog.
        left = QVBoxLayout()
        left.addWidget(self.signing_box)
        left.addWidget(self.role_box)
        left.addWidget(self.receiving_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.recipient_box)
        right.addWidget(self.trusted_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(folder, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)

        self.create_signing_button.clicked.connect(self.create_signing)
        self.change_button.clicked.connect(self.change_passphrase)
        self.export_button.clicked.connect(self.export_public_key)
        self.qr_button.clicked.connect(self.show_qr)
        self.create_receiving_button.clicked.connect(self.create_receiving)
        self.install_certificate_button.clicked.connect(self.install_certificate)
        self.certify_button.clicked.connect(self.certify_key)
        self.set_recipient_button.clicked.connect(self.set_recipient)
        self.clear_recipient_button.clicked.connect(self.clear_recipient)
        self.add_trusted_button.clicked.connect(self.add_trusted)
        self.remove_trusted_button.clicked.connect(self.remove_trusted)
        self.trusted_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 150, 620)

    # -- state ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the key store again and show what it holds."""
        try:
            signing = self.keys.signing_key_info() if self.keys.has_signing_key() else None
            receiving = self.keys.receiving_key_info() if self.keys.has_receiving_key() else None
            recipient = self.keys.recipient()
            trusted = self.keys.trusted()
            role = own_role(self.keys)
        except OmbudError as exc:
            alerts.error(self, exc)
            signing = receiving = recipient = None
            trusted = []
            role = OwnRole("none")
        self.role = role
        self._show_role(role, has_key=signing is not None)
        self.signing_none.setVisible(signing is None)
        self.signing_view.setVisible(signing is not None)
        self.signing_view.set_fingerprint(signing.fingerprint if signing else "")
        self.signing_created.setVisible(signing is not None)
        self.signing_hint.setVisible(signing is not None)
        if signing is not None:
            self.signing_created.setText(
                self.tr("Owner: %1 · created %2")
                .replace("%1", signing.owner or "–")
                .replace("%2", signing.created_at[:10])
            )
        self.create_signing_button.setVisible(signing is None)
        for button in (self.change_button, self.export_button, self.qr_button):
            button.setVisible(signing is not None)
        self.receiving_none.setVisible(receiving is None)
        self.receiving_view.setVisible(receiving is not None)
        self.receiving_view.set_fingerprint(receiving.fingerprint if receiving else "")
        self.create_receiving_button.setVisible(receiving is None)
        self.create_receiving_button.setEnabled(signing is not None)
        if receiving is None and signing is None:
            self.create_receiving_button.setToolTip(self.tr("Create your signing key first."))
        else:
            self.create_receiving_button.setToolTip("")
        if recipient is None:
            self.recipient_label.setText(
                self.tr(
                    "Not set. Exports leave the personal data of respondents (names, NIP, phone "
                    "numbers) out of the package. Set your supervisor's key file to send them "
                    "encrypted, so only your supervisor can read them."
                )
            )
        else:
            self.recipient_label.setText(
                self.tr(
                    "Personal data in your packages is encrypted to <b>%1</b> (%2); only they can "
                    "read it."
                )
                .replace("%1", _escape(recipient.name or "–"))
                .replace("%2", short(recipient.fingerprint))
            )
        self.clear_recipient_button.setEnabled(recipient is not None)
        self.trusted_model.set_keys(trusted)
        self._update_buttons()

    def _show_role(self, role: OwnRole, *, has_key: bool) -> None:
        self.role_label.setText(f"<b>{_escape(own_role_text(role))}</b>")
        if role.kind == NATIONAL:
            hint = self.tr("Your key certifies the keys of the supervisors of each province.")
        elif role.kind == CERTIFIED and role.role == "supervisor":
            hint = self.tr(
                "You certify the keys of the assessors of %1; every package you export carries "
                "your certificate."
            ).replace("%1", role.province or "–")
        elif role.kind == CERTIFIED:
            hint = self.tr("Every package you export carries your certificate.")
        else:
            hint = self.tr(
                "Send your public key (.ombkey) to your supervisor, then install the certificate "
                "they send back here."
            )
        self.role_hint.setText(hint)
        self.install_certificate_button.setEnabled(has_key)
        self.certify_button.setVisible(
            role.kind == NATIONAL or (role.kind == CERTIFIED and role.role == "supervisor")
        )

    def _update_buttons(self) -> None:
        self.remove_trusted_button.setEnabled(self._selected_trusted() is not None)

    def _selected_trusted(self) -> dict | None:
        rows = self.trusted_table.selectionModel().selectedRows()
        return self.trusted_model.key_at(rows[0].row()) if rows else None

    # -- actions -------------------------------------------------------------------------------

    def create_signing(self) -> None:
        """Create the signing key (asks for a passphrase twice)."""
        if create_signing_key(self, self.session, self.owner):
            self.refresh()

    def create_receiving(self) -> None:
        """Create the receiving key with the same passphrase as the signing key."""
        keys = self.keys

        def check(passphrase: str) -> str:
            keys.signing_key(passphrase)  # one passphrase for all of a user's keys
            return passphrase

        passphrase = PassphraseDialog.ask_unlock(
            self,
            self.tr("Create receiving key"),
            self.tr(
                "The receiving key is protected by the same passphrase as your signing "
                "key. Type that passphrase."
            ),
            check,
        )
        if not isinstance(passphrase, str):
            return  # cancelled
        try:
            keys.create_receiving_key(passphrase, owner=self.owner)
        except OmbudError as exc:
            alerts.error(self, exc)
        self.refresh()

    def change_passphrase(self) -> None:
        """Ask for the current and a new passphrase; re-encrypt every key of this user."""
        answer = PassphraseDialog.ask_change(self)
        if answer is None:
            return
        try:
            self.keys.change_passphrase(*answer)
        except OmbudError as exc:
            alerts.error(self, exc)
            return
        alerts.inform(self, self.tr("Keys"), self.tr("The passphrase was changed."))

    def export_public_key(self) -> None:
        """Save the public key file (.ombkey) where the user chooses."""
        try:
            key_file = self.keys.public_key_file()
        except OmbudError as exc:
            alerts.error(self, exc)
            return
        name = _file_stem(key_file.name or self.owner) or "kunci"
        target = files.ask_save_path(
            self,
            self.tr("Export public key"),
            files.documents_folder() / f"{name}{KEY_SUFFIX}",
            self.tr("Ombud key files (*.ombkey)"),
        )
        if target is None:
            return
        if target.suffix != KEY_SUFFIX:
            target = target.with_name(target.name + KEY_SUFFIX)
        try:
            write_atomically(target, key_file.to_bytes())
        except OSError as exc:
            alerts.error(
                self,
                self.tr("%1 cannot be written: %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        alerts.inform(
            self,
            self.tr("Export public key"),
            self._give_key_words()
            .replace("%1", str(target))
            .replace("%2", self.keys.signing_key_info().words),
        )

    def _give_key_words(self) -> str:
        """Whom to give the exported public key to: the words depend on the user's role."""
        if self.role.kind == NATIONAL:
            return self.tr(
                "Your public key was saved to %1. Give it to the supervisors of each province, "
                "then read your fingerprint to them: %2"
            )
        if self.role.role == SUPERVISOR:
            return self.tr(
                "Your public key was saved to %1. Give it to pusat (to certify it) and to your "
                "assessors, then read your fingerprint to them: %2"
            )
        return self.tr(
            "Your public key was saved to %1. Give it to your supervisor, then read your "
            "fingerprint to them: %2"
        )

    def show_qr(self) -> None:
        """Show the public key file as a QR code."""
        try:
            key_file = self.keys.public_key_file()
        except OmbudError as exc:
            alerts.error(self, exc)
            return
        dialog = QrDialog(self, key_file)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def set_recipient(self) -> None:
        """Encrypt personal data to a supervisor's key from now on, and trust their signing key."""
        key_file = read_key_file(self, self.tr("Your supervisor's key file"))
        if key_file is None:
            return
        if key_file.receiving_key is None:
            alerts.error(
                self,
                self.tr(
                    "The key file of %1 has no receiving key. Ask your supervisor to create a "
                    "receiving key and export their key again."
                ).replace("%1", key_file.name or "–"),
            )
            return
        if not confirm_digits(
            self, self.tr("Supervisor's key"), key_file.name, key_file.fingerprint
        ):
            return
        try:
            self.keys.set_recipient(key_file)
            # As `ombud keys recipient`: the supervisor may approve and return (issue 13).
            role = "national" if key_file.role else "supervisor"
            self.keys.trust(
                key_file.signing_key,
                key_file.name,
                role=role,
                receiving_key=key_file.receiving_key,
            )
        except OmbudError as exc:
            alerts.error(self, exc)
        self.refresh()

    def clear_recipient(self) -> None:
        """Stop encrypting personal data to the supervisor (exports then leave it out)."""
        if not alerts.confirm(
            self,
            self.tr("Clear supervisor"),
            self.tr(
                "Exports will leave the personal data of respondents out. Clear the "
                "supervisor's key?"
            ),
            ok_text=self.tr("Clear"),
        ):
            return
        self.keys.set_recipient(None)
        self.refresh()

    def install_certificate(self) -> None:
        """Install the certificate made for this user's key (a supervisor's or pusat's file)."""
        from ombud_desktop.services.keys import install_certificate

        path = files.ask_open_path(
            self,
            self.tr("Install certificate"),
            files.documents_folder(),
            self.tr("Ombud certificates (*.cert *.json);;All files (*)"),
        )
        if path is None:
            return
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_CERT_FILE + 1)
            leaf = install_certificate(self.keys, data, name=path.name)
        except OSError as exc:
            alerts.error(
                self,
                self.tr("%1 cannot be read: %2")
                .replace("%1", path.name)
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        except OmbudError as exc:
            alerts.error(self, exc)
            return
        self.refresh()
        alerts.inform(
            self,
            self.tr("Install certificate"),
            self.tr("Installed: %1, valid until %2. Every package you export now carries it.")
            .replace("%1", role_text(leaf.role, leaf.province))
            .replace("%2", leaf.not_after[:10]),
        )

    def certify_key(self) -> None:
        """Certify a person's key: compare digits, choose the role, sign, save the file."""
        key_file = read_key_file(self, self.tr("Key file to certify"))
        if key_file is None:
            return
        if not confirm_digits(
            self,
            self.tr("Certify this key?"),
            key_file.name,
            key_file.fingerprint,
            ok_text=self.tr("The digits match: continue"),
        ):
            return
        national = self.role.kind == NATIONAL
        chosen = CertifyRoleDialog.ask(
            self, key_file.name, national=national, province=self.role.province or ""
        )
        if chosen is None:
            return
        role, province = chosen
        name = _file_stem(key_file.name) or "sertifikat"
        target = files.ask_save_path(
            self,
            self.tr("Save certificate"),
            files.documents_folder() / f"{name}{CERT_SUFFIX}",
            self.tr("Ombud certificates (*.cert)"),
        )
        if target is None:
            return
        if target.suffix != CERT_SUFFIX:
            target = target.with_name(target.name + CERT_SUFFIX)
        try:
            made = certify(
                self.keys, key_file, role=role, province=province, unlock=self._signing_key
            )
            if made is None:
                return  # the passphrase was not given
            write_atomically(target, made.data)
        except OmbudError as exc:
            alerts.error(self, exc)
            return
        except OSError as exc:
            alerts.error(
                self,
                self.tr("%1 cannot be written: %2")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc)),
            )
            return
        cert = made.certificate
        alerts.inform(
            self,
            self.tr("Certify a key"),
            self.tr(
                "%1 is certified as %2 until %3. Give them the file %4: they install it under "
                "Settings › Keys › Install certificate."
            )
            .replace("%1", cert.subject_name)
            .replace("%2", role_text(cert.role, cert.province))
            .replace("%3", cert.not_after[:10])
            .replace("%4", str(target)),
        )

    def _signing_key(self) -> Any:
        """Return the unlocked signing key: the session's, or after asking the passphrase."""
        from ombud_desktop.packages.export import Signer

        if self.session.signer is not None:
            return self.session.signer.key
        keys = self.keys

        def unlock(passphrase: str) -> Signer:
            return Signer(keys.signing_key(passphrase), self.owner or keys.signing_key_info().owner)

        signer = PassphraseDialog.ask_unlock(
            self,
            self.tr("Unlock signing key"),
            self.tr(
                "Type the passphrase of your signing key to sign the certificate. It stays "
                "unlocked until you close Ombud Desktop or choose File › Lock keys."
            ),
            unlock,
        )
        if not isinstance(signer, Signer):
            return None
        self.session.signer = signer
        return signer.key

    def add_trusted(self) -> None:
        """Trust a signer from their key file, after comparing the spoken fingerprint."""
        key_file = read_key_file(self, self.tr("Key file to trust"))
        if key_file is None:
            return
        if not confirm_digits(
            self, self.tr("Trust this key?"), key_file.name, key_file.fingerprint
        ):
            return
        try:
            self.keys.trust(
                key_file.signing_key, key_file.name, receiving_key=key_file.receiving_key
            )
        except OmbudError as exc:
            alerts.error(self, exc)
        self.refresh()

    def remove_trusted(self) -> None:
        """Stop trusting the selected key, after asking."""
        key = self._selected_trusted()
        if key is None:
            return
        question = (
            self.tr(
                "Stop trusting the key of %1 (%2)? Packages it signs will be refused until you "
                "trust it again."
            )
            .replace("%1", key.get("name") or "–")
            .replace("%2", short(key["fingerprint"]))
        )
        if not alerts.confirm(
            self, self.tr("Remove trusted key"), question, ok_text=self.tr("Remove")
        ):
            return
        try:
            self.keys.untrust(key["fingerprint"])
        except OmbudError as exc:
            alerts.error(self, exc)
        self.refresh()

    @classmethod
    def show_for(cls, parent: QWidget | None, session: KeySession, *, owner: str = "") -> None:
        """Show the dialog until the user closes it."""
        dialog = cls(parent, session, owner=owner)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()


def _file_stem(name: str) -> str:
    return "".join(c if c.isalnum() or c in " -_" else "_" for c in name).strip()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
