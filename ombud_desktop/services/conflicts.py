"""Open conflicts for the conflicts window: list them, show their versions, resolve them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ombud_desktop.services.changes import Changes, Written
from ombud_desktop.storage.changes import PERSONAL_FIELDS
from ombud_desktop.storage.workspace import Workspace

__all__ = ["PERSONAL_FIELDS", "Conflicts"]


class Conflicts:
    """The conflicts of one workspace (edits of one answer made on two devices)."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace

    def open(self) -> list[dict[str, Any]]:
        """Return every open conflict with its assessment's instrument and evidence paths.

        Each evidence entry gains ``path``: where its file is kept (it may be missing).
        """
        from ombud_desktop.services.merge import list_conflicts

        workspace = self.workspace
        found = list_conflicts(workspace)
        if not found:
            return []
        rows = workspace.assessment_rows(
            ids=sorted({c["assessment_id"] for c in found}), include_deleted=True
        )
        instruments = {r["id"]: workspace.instrument(r["instrument_hash"]) for r in rows}
        for conflict in found:
            conflict["instrument"] = instruments.get(conflict["assessment_id"])
            for evidence in conflict["evidence"]:
                evidence["path"] = evidence_path(workspace, evidence["sha256"])
        return found

    def resolve(
        self,
        assessment_id: str,
        cell: tuple[str, str, str],
        *,
        pick: str | None = None,
        value: Any = None,
        use_value: bool = False,
    ) -> Written[str]:
        """Resolve a conflict by keeping one version or giving a value; return the change id."""
        from ombud_desktop.services.merge import resolve_conflict

        change_id = resolve_conflict(
            self.workspace, assessment_id, cell, pick=pick, value=value, use_value=use_value
        )
        return Written(change_id, Changes.of([assessment_id], conflicts=True))

    def version_values(self, change_ids: list[str]) -> dict[str, Any]:
        """Return the values of conflicting versions (personal data shown on request)."""
        from ombud_desktop.services.merge import version_values

        return version_values(self.workspace, change_ids)


def evidence_path(workspace: Workspace, sha256: str) -> Path:
    """Return where the evidence file with this SHA-256 is kept."""
    return workspace.evidence_dir / sha256[:2] / sha256
