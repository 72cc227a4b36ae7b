"""Drafts of what is being typed: kept as the assessor types, dropped once they are answers.

A text field of the assessment window keeps its text as a draft within a second of the last
keystroke and on every focus change, close or language switch (ui/drafts.py); leaving the field
saves the text as the answer through the normal path (AssessmentService), one change however
long the typing took. After a crash the window shows the drafts again, exactly as typed. A new
service user being entered is kept the same way, as one draft ("service_user:new") of the whole
form: it is not a respondent until it is saved, so it is never counted in the score nor in
completeness, and never travels in a package (drafts are not in the change log).

Field names: ``note:<key>``, ``na_reason:<code>``, ``role:<role>:<name|position|nip|
absent_reason>``, ``products:<n>`` (1-based), ``products_reason``, ``service_user:new``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ombud_desktop.domain.assessment import AssessmentDocument
from ombud_desktop.domain.limits import NAME_MAX, NOTE_MAX, TEXT_LIMITS
from ombud_desktop.errors import ValidationError
from ombud_desktop.storage.drafts import drop_drafts, keep_drafts, read_drafts
from ombud_desktop.storage.workspace import Workspace

SERVICE_USER_DRAFT = "service_user:new"
# A service-user form as JSON: its texts (each within its limit), answers and choices.
_FORM_MAX = 4 * NOTE_MAX
_FIELD = re.compile(
    r"(note:[A-Za-z0-9_@.-]{1,80}|na_reason:[A-Za-z0-9_.-]{1,40}"
    r"|role:[A-Za-z0-9_]{1,20}:(name|position|nip|absent_reason)|products:[0-9]{1,3}"
    r"|products_reason|service_user:new)\Z",
    re.ASCII,
)


def field_limit(field: str) -> int:
    """Return how long a draft of ``field`` may be (its answer's limit, domain/limits.py)."""
    if field == SERVICE_USER_DRAFT:
        return _FORM_MAX
    kind = field.split(":")[-1] if field.startswith("role:") else field.split(":")[0]
    return TEXT_LIMITS.get("product" if kind == "products" else kind, NAME_MAX)


def stored_text(document: AssessmentDocument, field: str) -> str | None:
    """Return the answer a text draft of ``field`` would become, as stored now ("" if none).

    None for a draft that is not one text (the service-user form).
    """
    kind, _, rest = field.partition(":")
    if kind == "note":
        return document.notes.get(rest, "")
    if kind == "na_reason":
        answer = document.answers.get(rest)
        return (answer.na_reason or "") if answer else ""
    if kind == "role":
        role, _, name = rest.partition(":")
        interview = document.roles.get(role)
        return (getattr(interview, name, None) or "") if interview else ""
    if kind == "products":
        number = int(rest)
        return document.products[number - 1] if 0 < number <= len(document.products) else ""
    if kind == "products_reason":
        return document.products_reason or ""
    return None


class Drafts:
    """Keep, read and drop the drafts of the assessments in one workspace."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace

    def of(self, assessment_id: str) -> dict[str, str]:
        """Return the drafts of an assessment, field -> text."""
        return read_drafts(self.workspace, assessment_id)

    def keep(self, assessment_id: str, values: Mapping[str, str]) -> None:
        """Keep drafts (no change in the log, nothing announced); refuse unknown or long ones."""
        self.workspace.assessment_row(assessment_id)  # it exists
        for field, text in values.items():
            if not isinstance(field, str) or not _FIELD.match(field):
                raise ValidationError(
                    f"{field!r} is not a field that keeps drafts",
                    code="unknown_draft_field", field=str(field)[:80],
                )
            limit = field_limit(field)
            if not isinstance(text, str) or len(text) > limit:
                raise ValidationError(
                    f"{field}: the draft is longer than the {limit} allowed",
                    hint=f"Shorten it to at most {limit} characters.",
                    code="text_too_long", field=field, limit=limit,
                    length=len(text) if isinstance(text, str) else 0,
                )
        if values:
            keep_drafts(self.workspace, assessment_id, values)

    def drop(self, assessment_id: str, fields: Iterable[str]) -> int:
        """Drop drafts (the text was saved as the answer, or the form emptied)."""
        return drop_drafts(self.workspace, assessment_id, list(fields))

    def settle(self, assessment_id: str, document: AssessmentDocument) -> list[str]:
        """Drop the text drafts the stored answers now equal; return their fields.

        Compared without the spaces at either end: the services store texts trimmed.
        """
        done = [
            field
            for field, text in self.of(assessment_id).items()
            if (stored := stored_text(document, field)) is not None
            and text.strip() == stored.strip()
        ]
        if done:
            self.drop(assessment_id, done)
        return done
