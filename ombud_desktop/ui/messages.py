"""The core reports errors by code; this module words them in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ombud_desktop.errors import OmbudError


def describe(error: OmbudError) -> tuple[str, str]:
    """Return (what is wrong, what to do) for a core error, translated when the code is known.

    Codes this module does not know keep the core's own English message and hint.
    """
    filename = str(error.data.get("filename", ""))
    limit_mb = f"{error.data.get('limit', 0) / 1024 / 1024:.0f}"
    texts: dict[str, tuple[str, str]] = {
        "evidence_missing": (
            QCoreApplication.translate("messages", "%1: the file was not found."),
            QCoreApplication.translate(
                "messages",
                "Check that the file still exists (a removed memory card?) and try again.",
            ),
        ),
        "evidence_empty": (
            QCoreApplication.translate("messages", "%1: the file is empty."),
            QCoreApplication.translate("messages", "Choose the photo or document again."),
        ),
        "evidence_too_large": (
            QCoreApplication.translate("messages", "%1 is larger than the %2 MB allowed."),
            QCoreApplication.translate(
                "messages",
                "Attach a smaller file: a photo, or a PDF of only the pages that matter.",
            ),
        ),
        "evidence_unsupported": (
            QCoreApplication.translate("messages", "%1 is not a photo or a PDF document."),
            QCoreApplication.translate("messages", "Attach a photo (JPEG, PNG) or a PDF document."),
        ),
        "evidence_corrupt": (
            QCoreApplication.translate("messages", "%1: the photo is damaged and cannot be read."),
            QCoreApplication.translate(
                "messages", "Copy the photo from the camera again, or take it again."
            ),
        ),
        "evidence_write_failed": (
            QCoreApplication.translate("messages", "%1 could not be stored."),
            QCoreApplication.translate(
                "messages", "Check that the workspace folder can be written to; nothing was stored."
            ),
        ),
        "workspace_missing": (
            QCoreApplication.translate("messages", "The workspace folder was not found."),
            QCoreApplication.translate(
                "messages",
                "Connect the drive it is on and start again; nothing was created elsewhere.",
            ),
        ),
        "no_conflict": (
            QCoreApplication.translate("messages", "This conflict has already been resolved."),
            QCoreApplication.translate("messages", "The list of conflicts shows the open ones."),
        ),
        "not_a_version": (
            QCoreApplication.translate("messages", "That is not one of the conflicting versions."),
            QCoreApplication.translate("messages", "Choose one of the versions shown."),
        ),
        "comment_needed": (
            QCoreApplication.translate("messages", "A returned assessment needs a comment."),
            QCoreApplication.translate("messages", "Say what the assessor should correct."),
        ),
        "unknown_indicator": (
            QCoreApplication.translate("messages", "The instrument has no such indicator."),
            QCoreApplication.translate("messages", "Choose the indicator from the list."),
        ),
        "disk_full": (
            QCoreApplication.translate("messages", "The disk is full."),
            QCoreApplication.translate(
                "messages", "Free some space on the disk and try again; nothing was changed."
            ),
        ),
        "export_failed": (
            QCoreApplication.translate("messages", "%1 could not be written."),
            QCoreApplication.translate(
                "messages",
                "Check that the folder can be written to and the file is not open in another "
                "program; nothing was written.",
            ),
        ),
        "read_only": (
            QCoreApplication.translate("messages", "The workspace cannot be written to."),
            QCoreApplication.translate(
                "messages",
                "Check that the workspace folder can be written to; nothing was changed.",
            ),
        ),
        "busy": (
            QCoreApplication.translate("messages", "The workspace is in use by another program."),
            QCoreApplication.translate(
                "messages", "Close the other Ombud Desktop window or command and try again."
            ),
        ),
        "constraint_failed": (
            QCoreApplication.translate("messages", "The workspace refused this change."),
            QCoreApplication.translate(
                "messages",
                "Nothing was changed. Please report this with the file or steps that led to it.",
            ),
        ),
        "workspace_corrupt": (
            QCoreApplication.translate("messages", "The workspace database is damaged."),
            QCoreApplication.translate(
                "messages",
                "Restore the workspace from a backup or a package; do not keep writing to it.",
            ),
        ),
        "workspace_too_new": (
            QCoreApplication.translate(
                "messages", "This workspace was made by a newer version of Ombud Desktop."
            ),
            QCoreApplication.translate(
                "messages", "Install the newer version to open it. Nothing in it was changed."
            ),
        ),
        "settings_too_new": (
            QCoreApplication.translate(
                "messages", "The settings file was written by a newer version of Ombud Desktop."
            ),
            QCoreApplication.translate(
                "messages",
                "Use the newer version, or move the settings file away to start with the "
                "defaults. Nothing in it was changed.",
            ),
        ),
        "workspace_schema_mismatch": (
            QCoreApplication.translate(
                "messages", "This workspace was made by a different build of Ombud Desktop."
            ),
            QCoreApplication.translate(
                "messages", "Open it with the build that made it. Nothing in it was changed."
            ),
        ),
        "consent_required": (
            QCoreApplication.translate(
                "messages", "Answers can be recorded only after the respondent has agreed."
            ),
            QCoreApplication.translate(
                "messages", "Read the consent text; if the person refuses, record nothing."
            ),
        ),
        "locked": (
            QCoreApplication.translate("messages", "This assessment is complete and locked."),
            QCoreApplication.translate("messages", "Reopen it (with a reason) to change it."),
        ),
        "deleted": (
            QCoreApplication.translate("messages", "This assessment is in the trash."),
            QCoreApplication.translate("messages", "Restore it first."),
        ),
        "role_not_present": (
            QCoreApplication.translate(
                "messages", "This role has not been recorded as interviewed."
            ),
            QCoreApplication.translate("messages", "Record the respondent of the role first."),
        ),
        "report_write_failed": (
            QCoreApplication.translate("messages", "%1: the PDF could not be written."),
            QCoreApplication.translate(
                "messages",
                "Choose a folder you can write to, with free space; nothing was written.",
            ),
        ),
        "incomplete": (
            QCoreApplication.translate("messages", "The assessment is not complete yet."),
            QCoreApplication.translate("messages", "See the list of what is still missing."),
        ),
    }
    if error.code not in texts or (error.code == "evidence_missing" and not filename):
        # Keys and packages (an export's missing evidence file has no file name to show).
        from ombud_desktop.ui.packages.wording import package_texts

        texts = package_texts()
    if error.code not in texts:
        return error.message, error.hint
    text, hint = texts[error.code]
    return text.replace("%1", filename).replace("%2", limit_mb), hint
