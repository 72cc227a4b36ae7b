"""Indonesian (and English) words for the error and problem codes of keys and packages.

``ui/messages.py`` looks codes up here too, so an ``OmbudError`` raised by ``packages/`` reads
the same wherever it is shown; a package's verification problems (not exceptions) are worded
with :func:`describe_problem`.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("context", "text")


def package_texts() -> dict[str, tuple[str, str]]:
    """Return (what is wrong, what to do) for every code raised by keys and packages."""
    again = translate(
        "messages",
        "Ask the assessor to export the package again and send a new copy. Nothing was imported.",
    )
    return {
        # keys
        "wrong_passphrase": (
            translate("messages", "The passphrase is wrong."),
            translate(
                "messages", "Type it again; it is the passphrase chosen when the key was made."
            ),
        ),
        "passphrase_too_short": (
            translate("messages", "The passphrase is too short: at least 8 characters are needed."),
            translate(
                "messages", "Choose a longer passphrase: a few words you will remember work well."
            ),
        ),
        "passphrase_needed": (
            translate("messages", "A passphrase is needed."),
            translate("messages", "Type the passphrase of your key."),
        ),
        "no_signing_key": (
            translate("messages", "You have no signing key yet."),
            translate("messages", "Create one in Settings › Keys."),
        ),
        "no_receiving_key": (
            translate("messages", "This key has no receiving key."),
            translate(
                "messages",
                "Ask the supervisor to create a receiving key and export their key again.",
            ),
        ),
        "key_exists": (
            translate("messages", "This key already exists."),
            translate(
                "messages", "Keep using it; change its passphrase in Settings › Keys if needed."
            ),
        ),
        "key_file_invalid": (
            translate("messages", "The key file is not a valid Ombud key file or is damaged."),
            translate("messages", "Ask for the .ombkey file exported from Settings › Keys."),
        ),
        "key_file_version": (
            translate("messages", "The key file was made by a newer version of Ombud Desktop."),
            translate("messages", "Update Ombud Desktop."),
        ),
        "key_not_found": (
            translate("messages", "That trusted key was not found."),
            translate("messages", "Close and open Settings › Keys again."),
        ),
        # export and import
        "export_empty": (
            translate("messages", "This assessment has no answers to export yet."),
            translate("messages", "Open it and record at least one answer."),
        ),
        "export_write_failed": (
            translate("messages", "The package could not be written to the outbox folder."),
            translate(
                "messages",
                "Check that the folder exists and can be written to (is the USB stick "
                "plugged in?); no package file was left.",
            ),
        ),
        "import_write_failed": (
            translate("messages", "The evidence files of the package could not be stored."),
            translate(
                "messages",
                "Check that the workspace folder can be written to; nothing was imported.",
            ),
        ),
        "package_failed": (
            translate("messages", "The package could not be imported: an unexpected error."),
            translate(
                "messages",
                "Nothing of it was imported; the other packages were. Please report this "
                "with the file.",
            ),
        ),
        "evidence_missing": (
            translate("messages", "An evidence file is missing from the workspace."),
            translate(
                "messages",
                "Attach the photo again (or remove that evidence) and export again; no "
                "package file was left.",
            ),
        ),
        "evidence_damaged": (
            translate("messages", "An evidence file in the workspace is damaged."),
            translate(
                "messages", "Attach the photo again and export again; no package file was left."
            ),
        ),
        "instrument_mismatch": (
            translate(
                "messages",
                "This assessment uses another instrument version here than in the package.",
            ),
            translate(
                "messages",
                "Both copies must use the same instrument version; nothing was imported.",
            ),
        ),
        "instrument_altered": (
            translate(
                "messages",
                "The package's instrument has the name and version of one this workspace knows, "
                "but other content.",
            ),
            translate(
                "messages",
                "Do not import it: ask the assessor which instrument file they use. Nothing was "
                "imported.",
            ),
        ),
        "evidence_invalid": (
            translate(
                "messages",
                "An evidence file in the package is not a readable photo or PDF document, or not "
                "of the type it claims.",
            ),
            again,
        ),
        # verification problems (also the codes of ImportRefused)
        "not_found": (
            translate("messages", "The file was not found."),
            translate("messages", "Choose the file again."),
        ),
        "unreadable": (
            translate("messages", "The file cannot be read."),
            translate("messages", "Copy the file to this computer and try again."),
        ),
        "package_too_large": (
            translate("messages", "The package is larger than allowed."),
            translate(
                "messages", "Ask the assessor to send it in parts (one package per assessment)."
            ),
        ),
        "damaged": (
            translate(
                "messages", "The file is damaged or incomplete (cut off while being copied?)."
            ),
            translate("messages", "Copy the file again from the USB stick or shared folder."),
        ),
        "not_a_package": (
            translate("messages", "This is not an Ombud package."),
            translate("messages", "Choose a .ombx file exported by Ombud Desktop."),
        ),
        "format_version_unknown": (
            translate("messages", "The package was made by a newer version of Ombud Desktop."),
            translate("messages", "Update Ombud Desktop to import this package."),
        ),
        "signer_untrusted": (
            translate("messages", "The package is signed by a key you do not trust yet."),
            translate(
                "messages",
                "Compare the fingerprint with the assessor, read aloud, then trust the key.",
            ),
        ),
        "signature_invalid": (
            translate(
                "messages",
                "The signature is not valid: the package was changed or damaged after it "
                "was signed.",
            ),
            again,
        ),
        "signature_missing": (translate("messages", "The package has no signature."), again),
        "manifest_missing": (translate("messages", "The package has no list of contents."), again),
        "manifest_invalid": (
            translate("messages", "The package's list of contents is malformed."),
            again,
        ),
        "member_altered": (
            translate(
                "messages", "A file in the package was changed or damaged after it was signed."
            ),
            again,
        ),
        "member_missing": (
            translate("messages", "A file listed in the package is missing."),
            again,
        ),
        "member_extra": (
            translate("messages", "The package holds a file it does not list."),
            again,
        ),
        "member_size_mismatch": (
            translate("messages", "A file in the package has the wrong size."),
            again,
        ),
        "member_too_large": (
            translate("messages", "A file in the package is larger than it declares."),
            again,
        ),
        "member_invalid": (translate("messages", "A file in the package is malformed."), again),
        "zip_bomb": (
            translate("messages", "A file in the package is compressed implausibly (unsafe)."),
            again,
        ),
        "too_many_members": (translate("messages", "The package holds too many files."), again),
        "duplicate_member": (
            translate("messages", "The package holds the same file twice."),
            again,
        ),
        "unsafe_path": (
            translate("messages", "The package holds a file with an unsafe name."),
            again,
        ),
        "link_member": (
            translate("messages", "The package holds a link, which is not allowed."),
            again,
        ),
        "encrypted_member": (
            translate("messages", "The package holds a password-protected file."),
            again,
        ),
        "container_invalid": (
            translate("messages", "The package file is not laid out as Ombud writes it."),
            again,
        ),
        "personal_data_invalid": (
            translate(
                "messages", "The encrypted personal data cannot be opened with your receiving key."
            ),
            again,
        ),
        "not_verified": (translate("messages", "The package was not verified."), again),
        "not_regular_file": (
            translate(
                "messages",
                "This is not an ordinary file (a link, a pipe or a device); only ordinary "
                "files are read.",
            ),
            translate(
                "messages", "Copy the package file itself into the folder, not a link to it."
            ),
        ),
        "manifest_not_canonical": (
            translate(
                "messages",
                "The package's list of contents was rewritten after it was signed.",
            ),
            again,
        ),
        # JSON read strictly (I-JSON): a file of the package breaks a rule
        "json_invalid": (
            translate("messages", "A file in the package is not valid JSON text."),
            again,
        ),
        "json_duplicate_key": (
            translate(
                "messages",
                "A file in the package gives the same field twice, so its meaning is unclear.",
            ),
            again,
        ),
        "json_number": (
            translate(
                "messages",
                "A file in the package holds a number that is not allowed (NaN, Infinity or "
                "too large).",
            ),
            again,
        ),
        "json_too_deep": (
            translate("messages", "A file in the package is nested implausibly deep."),
            again,
        ),
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
        text = f"{text} ({short_member(str(member))})"
    return text, hint


def short_member(name: str) -> str:
    """Return a member name with its SHA-256 shortened ("evidence/3f2a9c1e5b7d…")."""
    return re.sub(r"[0-9a-f]{64}", lambda m: m.group(0)[:12] + "…", name)
