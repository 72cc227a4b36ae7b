"""Indonesian (and English) words for the error and problem codes of keys and packages.

``ui/messages.py`` looks codes up here too, so an ``OmbudError`` raised by ``packages/`` reads
the same wherever it is shown; a package's verification problems (not exceptions) are worded
with :func:`describe_problem`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("messages", text)


def package_texts() -> dict[str, tuple[str, str]]:
    """Return (what is wrong, what to do) for every code raised by keys and packages."""
    again = _t(
        "Ask the assessor to export the package again and send a new copy. Nothing was imported."
    )
    altered = _t("The package was changed or damaged after it was signed.")
    return {
        # keys
        "wrong_passphrase": (
            _t("The passphrase is wrong."),
            _t("Type it again; it is the passphrase chosen when the key was made."),
        ),
        "passphrase_too_short": (
            _t("The passphrase is too short: at least 8 characters are needed."),
            _t("Choose a longer passphrase: a few words you will remember work well."),
        ),
        "passphrase_needed": (
            _t("A passphrase is needed."),
            _t("Type the passphrase of your key."),
        ),
        "no_signing_key": (
            _t("You have no signing key yet."),
            _t("Create one in Settings › Keys."),
        ),
        "no_receiving_key": (
            _t("This key has no receiving key."),
            _t("Ask the supervisor to create a receiving key and export their key again."),
        ),
        "key_exists": (
            _t("This key already exists."),
            _t("Keep using it; change its passphrase in Settings › Keys if needed."),
        ),
        "key_file_invalid": (
            _t("The key file is not a valid Ombud key file or is damaged."),
            _t("Ask for the .ombkey file exported from Settings › Keys."),
        ),
        "key_file_version": (
            _t("The key file was made by a newer version of Ombud Desktop."),
            _t("Update Ombud Desktop."),
        ),
        "key_not_found": (
            _t("That trusted key was not found."),
            _t("Close and open Settings › Keys again."),
        ),
        # export and import
        "export_empty": (
            _t("This assessment has no answers to export yet."),
            _t("Open it and record at least one answer."),
        ),
        "export_write_failed": (
            _t("The package could not be written to the outbox folder."),
            _t(
                "Check that the folder exists and can be written to (is the USB stick "
                "plugged in?); no package file was left."
            ),
        ),
        "import_write_failed": (
            _t("The evidence files of the package could not be stored."),
            _t("Check that the workspace folder can be written to; nothing was imported."),
        ),
        "evidence_missing": (
            _t("An evidence file is missing from the workspace."),
            _t(
                "Attach the photo again (or remove that evidence) and export again; no "
                "package file was left."
            ),
        ),
        "evidence_damaged": (
            _t("An evidence file in the workspace is damaged."),
            _t("Attach the photo again and export again; no package file was left."),
        ),
        "instrument_mismatch": (
            _t("This assessment uses another instrument version here than in the package."),
            _t("Both copies must use the same instrument version; nothing was imported."),
        ),
        # verification problems (also the codes of ImportRefused)
        "not_found": (_t("The file was not found."), _t("Choose the file again.")),
        "unreadable": (
            _t("The file cannot be read."),
            _t("Copy the file to this computer and try again."),
        ),
        "package_too_large": (
            _t("The package is larger than allowed."),
            _t("Ask the assessor to send it in parts (one package per assessment)."),
        ),
        "damaged": (
            _t("The file is damaged or incomplete (cut off while being copied?)."),
            _t("Copy the file again from the USB stick or shared folder."),
        ),
        "not_a_package": (
            _t("This is not an Ombud package."),
            _t("Choose a .ombx file exported by Ombud Desktop."),
        ),
        "format_version_unknown": (
            _t("The package was made by a newer version of Ombud Desktop."),
            _t("Update Ombud Desktop to import this package."),
        ),
        "signer_untrusted": (
            _t("The package is signed by a key you do not trust yet."),
            _t("Compare the fingerprint with the assessor, read aloud, then trust the key."),
        ),
        "signature_invalid": (_t("The signature is not valid: %1").replace("%1", altered), again),
        "signature_missing": (_t("The package has no signature."), again),
        "manifest_missing": (_t("The package has no list of contents."), again),
        "manifest_invalid": (_t("The package's list of contents is malformed."), again),
        "member_altered": (
            _t("A file in the package was changed: %1").replace("%1", altered),
            again,
        ),
        "member_missing": (_t("A file listed in the package is missing."), again),
        "member_extra": (_t("The package holds a file it does not list."), again),
        "member_size_mismatch": (_t("A file in the package has the wrong size."), again),
        "member_too_large": (_t("A file in the package is larger than it declares."), again),
        "member_invalid": (_t("A file in the package is malformed."), again),
        "zip_bomb": (_t("A file in the package is compressed implausibly (unsafe)."), again),
        "too_many_members": (_t("The package holds too many files."), again),
        "duplicate_member": (_t("The package holds the same file twice."), again),
        "unsafe_path": (_t("The package holds a file with an unsafe name."), again),
        "link_member": (_t("The package holds a link, which is not allowed."), again),
        "encrypted_member": (_t("The package holds a password-protected file."), again),
        "container_invalid": (_t("The package file is not laid out as Ombud writes it."), again),
        "personal_data_invalid": (
            _t("The encrypted personal data cannot be opened with your receiving key."),
            again,
        ),
        "not_verified": (_t("The package was not verified."), again),
    }


def describe_problem(problem: dict[str, Any]) -> tuple[str, str]:
    """Return (what is wrong, what to do) for one verification problem of a package."""
    texts = package_texts()
    code = str(problem.get("code", ""))
    if code in texts:
        text, hint = texts[code]
    else:
        text, hint = str(problem.get("message", code)), ""
    member = problem.get("member")
    if member:
        text = f"{text} ({member})"
    return text, hint
