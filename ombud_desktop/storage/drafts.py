"""Drafts: what an assessor typed that is not an answer yet (table ``drafts``, migration 0015).

A draft is kept per assessment and field ("note:IN07", "role:R1:position", "service_user:new")
and overwritten as the typing goes on. It is outside the change log on purpose: keeping it
writes no change, so typing a note leaves one change (the note, once it is saved as the
answer) however many keystrokes it took; and it never travels in a package, is never scored
and never merged. A draft that a later answer made equal to it is dropped (services/drafts.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ombud_desktop.storage.workspace import Workspace, storage_errors, timestamp


def read_drafts(workspace: Workspace, assessment_id: str) -> dict[str, str]:
    """Return the drafts of one assessment, field -> value."""
    rows = workspace.db.execute(
        "SELECT field, value FROM drafts WHERE assessment_id = ? ORDER BY field", [assessment_id]
    )
    return {field: value for field, value in rows}


def keep_drafts(workspace: Workspace, assessment_id: str, values: Mapping[str, str]) -> None:
    """Store (or replace) drafts of one assessment, all in one transaction."""
    now = timestamp(workspace.clock())
    with storage_errors("keeping what is being typed"), workspace.db.atomic():
        for field, value in values.items():
            workspace.db.execute(
                "INSERT INTO drafts (assessment_id, field, value, saved_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (assessment_id, field) DO UPDATE SET value = excluded.value, "
                "saved_at = excluded.saved_at",
                [assessment_id, field, value, now],
            )


def drop_drafts(workspace: Workspace, assessment_id: str, fields: Iterable[str]) -> int:
    """Remove drafts of one assessment (in one transaction); return how many there were."""
    dropped = 0
    with storage_errors("dropping drafts"), workspace.db.atomic():
        for field in fields:
            dropped += workspace.db.execute(
                "DELETE FROM drafts WHERE assessment_id = ? AND field = ?", [assessment_id, field]
            ).rowcount
    return dropped


def drop_all_drafts(workspace: Workspace, assessment_id: str) -> int:
    """Remove every draft of one assessment (the caller may hold the transaction)."""
    return workspace.db.execute(
        "DELETE FROM drafts WHERE assessment_id = ?", [assessment_id]
    ).rowcount
