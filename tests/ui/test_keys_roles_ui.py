"""Settings › Keys with roles (issue 13): installing a certificate, certifying a key, the table.

Real keys and real certificate files throughout; only the file choosers, the digit comparison
and the passphrase prompt are answered by the test.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ombud_desktop.packages.certificates import chain_from_bytes
from ombud_desktop.packages.keys import KeyStore
from ombud_desktop.services.keys import certify
from ombud_desktop.ui import alerts
from ombud_desktop.ui.dialogs import files
from ombud_desktop.ui.dialogs.certify import CertifyRoleDialog
from ombud_desktop.ui.dialogs.fingerprint import FingerprintDialog
from ombud_desktop.ui.dialogs.keys import KeysDialog
from ombud_desktop.ui.dialogs.passphrase import PassphraseDialog
from ombud_desktop.ui.dialogs.setup import SetupWizard
from ombud_desktop.ui.messages import describe
from ombud_desktop.ui.models.trusted_keys import TrustedKeysModel
from ombud_desktop.ui.packages.session import KeySession

PUSAT = "kunci pusat nasional"
SUPERVISOR = "kunci supervisor 2024"
ASSESSOR = "kunci asesor 2024"


@pytest.fixture
def stores(tmp_path: Path) -> dict[str, KeyStore]:
    """Pusat (national key), a supervisor trusting pusat, and an assessor: nobody certified."""
    pusat = KeyStore(tmp_path / "pusat")
    pusat.create_signing_key(PUSAT, owner="Pusat Ombudsman")
    pusat.mark_national()
    supervisor = KeyStore(tmp_path / "supervisor")
    supervisor.create_signing_key(SUPERVISOR, owner="Budi Santoso")
    assessor = KeyStore(tmp_path / "assessor")
    assessor.create_signing_key(ASSESSOR, owner="Siti Aminah")
    for store in (supervisor, assessor):
        store.trust(pusat.public_key_file().signing_key, "Pusat Ombudsman", role="national")
    return {"pusat": pusat, "supervisor": supervisor, "assessor": assessor}


def _certificate_file(
    tmp_path: Path, issuer: KeyStore, subject: KeyStore, passphrase: str, role: str, province: str
) -> Path:
    made = certify(
        issuer,
        subject.public_key_file(),
        role=role,
        province=province,
        unlock=lambda: issuer.signing_key(passphrase),
    )
    assert made is not None
    path = tmp_path / f"{subject.folder.name}.cert"
    path.write_bytes(made.data)
    return path


def _dialog(qtbot: Any, store: KeyStore) -> KeysDialog:
    dialog = KeysDialog(None, KeySession(store.folder))
    qtbot.addWidget(dialog)
    return dialog


def test_a_certificate_for_this_key_is_installed_and_the_role_shown(
    qtbot: Any, tmp_path: Path, stores: dict[str, KeyStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    supervisor = stores["supervisor"]
    cert = _certificate_file(tmp_path, stores["pusat"], supervisor, PUSAT, "supervisor", "Banten")
    dialog = _dialog(qtbot, supervisor)
    assert "Not certified" in dialog.role_label.text()
    assert dialog.certify_button.isHidden()  # nobody to certify without a certificate
    informed: list[str] = []
    monkeypatch.setattr(files, "ask_open_path", lambda *_args: cert)
    monkeypatch.setattr(alerts, "inform", lambda _parent, _title, text: informed.append(text))
    dialog.install_certificate()
    assert "Supervisor, Banten (certified)" in dialog.role_label.text()
    assert not dialog.certify_button.isHidden()
    assert "Supervisor, Banten" in informed[0]
    chain = supervisor.certificates()
    assert chain[0]["certificate"]["subject_key"]  # stored as the certificate file had it
    assert chain == [c.to_json() for c in chain_from_bytes(cert.read_bytes())]


def test_a_certificate_for_another_key_is_refused_in_words_and_nothing_is_written(
    qtbot: Any, tmp_path: Path, stores: dict[str, KeyStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    assessor = stores["assessor"]
    cert = _certificate_file(
        tmp_path, stores["pusat"], stores["supervisor"], PUSAT, "supervisor", "Banten"
    )
    dialog = _dialog(qtbot, assessor)
    errors: list[Any] = []
    monkeypatch.setattr(files, "ask_open_path", lambda *_args: cert)
    monkeypatch.setattr(alerts, "error", lambda _parent, exc: errors.append(exc))
    dialog.install_certificate()
    assert [e.code for e in errors] == ["certificate_not_yours"]
    assert describe(errors[0], "id")[0] == "Sertifikat ini untuk kunci lain, bukan kunci Anda."
    assert not (assessor.folder / "certificates.json").exists()
    assert "Not certified" in dialog.role_label.text()
    # Not a certificate at all: refused the same way, in words.
    junk = tmp_path / "junk.cert"
    junk.write_bytes(b"\x00not json")
    monkeypatch.setattr(files, "ask_open_path", lambda *_args: junk)
    dialog.install_certificate()
    assert errors[-1].code == "certificate_invalid"
    assert not (assessor.folder / "certificates.json").exists()


def test_a_certified_supervisor_certifies_an_assessor_key_and_the_file_reads_back(
    qtbot: Any, tmp_path: Path, stores: dict[str, KeyStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    supervisor, assessor = stores["supervisor"], stores["assessor"]
    supervisor.set_certificates(
        [
            c.to_json()
            for c in chain_from_bytes(
                _certificate_file(
                    tmp_path, stores["pusat"], supervisor, PUSAT, "supervisor", "Banten"
                ).read_bytes()
            )
        ]
    )
    key_path = tmp_path / "siti.ombkey"
    key_path.write_bytes(assessor.public_key_file().to_bytes())
    out = tmp_path / "out" / "siti"
    out.parent.mkdir()
    shown: list[str] = []
    roles: list[dict[str, Any]] = []
    asked: list[str] = []

    def compare(*_args: Any, **kwargs: Any) -> bool:
        shown.append(kwargs["fingerprint"])
        return True

    def choose(_parent: Any, _name: str, **kwargs: Any) -> tuple[str, str]:
        roles.append(kwargs)
        return "assessor", kwargs["province"]

    def unlock(_parent: Any, title: str, _intro: str, check: Any, **_kwargs: Any) -> Any:
        asked.append(title)
        return check(SUPERVISOR)

    monkeypatch.setattr(files, "ask_open_path", lambda *_args: key_path)
    monkeypatch.setattr(FingerprintDialog, "ask", compare)
    monkeypatch.setattr(CertifyRoleDialog, "ask", choose)
    monkeypatch.setattr(files, "ask_save_path", lambda *_args: out)
    monkeypatch.setattr(PassphraseDialog, "ask_unlock", unlock)
    monkeypatch.setattr(alerts, "inform", lambda *_args: None)
    dialog = _dialog(qtbot, supervisor)
    dialog.certify_key()
    assert shown == [assessor.signing_key_info().fingerprint]
    assert roles == [{"national": False, "province": "Banten"}]
    assert asked == ["Unlock signing key"]
    chain = chain_from_bytes((tmp_path / "out" / "siti.cert").read_bytes())
    assert [(c.role, c.province) for c in chain] == [
        ("assessor", "Banten"),
        ("supervisor", "Banten"),
    ]
    assert chain[0].subject == assessor.signing_key_info().fingerprint
    assert chain[0].issuer == supervisor.signing_key_info().fingerprint
    assert chain[0].subject_name == "Siti Aminah"
    # The session keeps the key unlocked: a second certificate asks no passphrase.
    dialog.certify_key()
    assert asked == ["Unlock signing key"]
    # The assessor installs it and sees the role.
    monkeypatch.setattr(files, "ask_open_path", lambda *_args: tmp_path / "out" / "siti.cert")
    assessor_dialog = _dialog(qtbot, assessor)
    assessor_dialog.install_certificate()
    assert "Assessor, Banten (certified)" in assessor_dialog.role_label.text()


def test_the_role_dialog_lets_only_pusat_choose_supervisor_and_province(qtbot: Any) -> None:
    dialog = CertifyRoleDialog(None, "Budi", national=False, province="Banten")
    qtbot.addWidget(dialog)
    assert not dialog.supervisor.isEnabled()
    assert dialog.province_edit.isReadOnly()
    assert dialog.answer() == ("assessor", "Banten")
    dialog = CertifyRoleDialog(None, "Budi", national=True, province="")
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()  # pusat must name a province
    dialog.supervisor.setChecked(True)
    dialog.province_edit.setText(" Lampung ")
    assert dialog.ok_button.isEnabled()
    assert dialog.answer() == ("supervisor", "Lampung")


def test_pusat_sees_its_national_role_and_each_trusted_key_s_role(
    qtbot: Any, stores: dict[str, KeyStore]
) -> None:
    pusat = stores["pusat"]
    pusat.trust(
        stores["supervisor"].public_key_file().signing_key,
        "Budi Santoso",
        role="supervisor",
        province="Banten",
    )
    pusat.trust(stores["assessor"].public_key_file().signing_key, "Siti Aminah")
    dialog = _dialog(qtbot, pusat)
    assert "National key (pusat)" in dialog.role_label.text()
    assert not dialog.certify_button.isHidden()
    model = dialog.trusted_model
    roles = {
        model.index(row, TrustedKeysModel.NAME).data(): model.index(
            row, TrustedKeysModel.ROLE
        ).data()
        for row in range(model.rowCount())
    }
    assert roles == {"Budi Santoso": "Supervisor, Banten", "Siti Aminah": "Assessor"}


@pytest.mark.parametrize(("role", "shown"), [("assessor", True), ("supervisor", False)])
def test_the_first_run_tells_a_new_assessor_how_to_get_a_certificate(
    qtbot: Any, tmp_path: Path, role: str, shown: bool
) -> None:
    wizard = SetupWizard(None, workspace=tmp_path / "ws", name="Siti Aminah", role=role)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentPage() is wizard.key_page
    hint = wizard.key_page.certificate_hint
    assert hint.isHidden() is not shown
    assert "Install certificate" in hint.text()


def test_exporting_the_public_key_says_whom_to_give_it_to_by_role(
    qtbot: Any, tmp_path: Path, stores: dict[str, KeyStore], monkeypatch: pytest.MonkeyPatch
) -> None:
    supervisor = stores["supervisor"]
    informed: list[str] = []
    monkeypatch.setattr(alerts, "inform", lambda _parent, _title, text: informed.append(text))
    said = {}
    for who in ("supervisor", "assessor", "pusat"):
        dialog = _dialog(qtbot, stores[who])
        if who == "supervisor":
            cert = _certificate_file(
                tmp_path, stores["pusat"], supervisor, PUSAT, "supervisor", "Banten"
            )
            monkeypatch.setattr(files, "ask_open_path", lambda *_args, c=cert: c)
            dialog.install_certificate()
            assert "Supervisor, Banten (certified)" in dialog.role_label.text()
        target = tmp_path / f"{who}.ombkey"
        monkeypatch.setattr(files, "ask_save_path", lambda *_args, t=target: t)
        dialog.export_public_key()
        assert target.exists()
        said[who] = informed[-1]
    assert "pusat" in said["supervisor"]
    assert "assessors" in said["supervisor"]
    assert "your supervisor" not in said["supervisor"]
    assert "your supervisor" in said["assessor"]
    assert "supervisors of each province" in said["pusat"]
