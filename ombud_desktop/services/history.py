"""The history of an assessment: every change of every cell, who made it, and what became of it.

Old values are never lost (the change log is append-only); this use case lays them out for
people: per cell, oldest first, each change with its value, author, device and time, and its
fate: the value the cell shows, replaced by a later change, one side of an open conflict, a
resolution of one, or held because it arrived after the assessment was approved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ombud_desktop.domain.changelog import Cell, Node, heads, winner
from ombud_desktop.domain.ids import short_id
from ombud_desktop.storage import custody
from ombud_desktop.storage import imports as store
from ombud_desktop.storage.changes import PERSONAL_FIELDS
from ombud_desktop.storage.workspace import Workspace

CURRENT = "current"  # the value the cell shows
SUPERSEDED = "superseded"  # replaced by a later change of the cell
CONFLICT = "conflict"  # one of several heads of an open conflict
HELD = "held"  # arrived after approval; kept, not counted
ADOPTED = "adopted"  # held, then adopted by the supervisor (who wrote the value)


@dataclass
class Entry:
    """One change of a cell as the history shows it."""

    change_id: str
    value: Any
    author: str
    device: str
    at: str
    state: str
    superseded_by: list[str] = field(default_factory=list)
    resolves: list[str] = field(default_factory=list)  # the heads a resolution replaced
    personal: bool = False
    # Who answers for it: the key that signed it (its batch), or the package's signer for a
    # change that came without one; the name and role this workspace knows for that key.
    author_key: str | None = None
    author_known_as: str | None = None
    author_role: str | None = None
    basis: str = "own"  # own (made here, not yet exported), batch, package_signer, unknown
    package: str | None = None
    package_signer: str | None = None

    def to_json(self, *, personal_data: bool = False) -> dict[str, Any]:
        """Return the entry as JSON data; personal values only when asked."""
        hidden = self.personal and not personal_data
        return {
            "change_id": self.change_id,
            "value": None if hidden else self.value,
            "value_hidden": hidden,
            "author": self.author,
            "device": self.device,
            "at": self.at,
            "state": self.state,
            "superseded_by": self.superseded_by,
            "resolves": self.resolves,
            "author_key": self.author_key,
            "author_known_as": self.author_known_as,
            "author_role": self.author_role,
            "basis": self.basis,
            "package": self.package,
            "package_signer": self.package_signer,
        }


@dataclass
class CellHistory:
    """Every change of one cell, oldest first."""

    cell: Cell
    entries: list[Entry]

    @property
    def label(self) -> str:
        """Return the cell as people type it: ``response.IN07.value``."""
        return ".".join(self.cell)

    def to_json(self, *, personal_data: bool = False) -> dict[str, Any]:
        """Return the cell's history as JSON data."""
        return {
            "cell": self.label,
            "changes": [e.to_json(personal_data=personal_data) for e in self.entries],
        }


def assessment_history(
    workspace: Workspace,
    assessment_id: str,
    *,
    cell: str | None = None,
    people: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[CellHistory]:
    """Return the history of every cell of an assessment (or of the cells ``cell`` names).

    ``cell`` is ``target.row.field`` (``response.IN07.value``) or just a row (``IN07``), which
    names every field of the rows with that id or key. ``people`` maps key fingerprints to what
    the user's key store knows of them (``name``, ``role``, ``province``): trusted names win
    over certificates', and both over the free text a change carries.
    """
    workspace.assessment_row(assessment_id)  # NotFoundError for an unknown id
    changes = workspace.changes(assessment_id)
    by_cell: dict[Cell, list[Any]] = defaultdict(list)
    for change in changes:
        by_cell[(change.target, change.row_id, change.field)].append(change)
    open_conflicts = {
        c["cell"]: set(c["heads"]) for c in store.conflict_rows(workspace, assessment_id)
    }
    histories = {
        key: _cell_history(key, items, open_conflicts.get(key, set()))
        for key, items in by_cell.items()
        if _wanted(key, cell)
    }
    _add_custody(workspace, histories.values(), people or {})
    for held in _held(workspace, assessment_id, cell):
        if held.cell in histories:
            histories[held.cell].entries.extend(held.entries)
        else:
            histories[held.cell] = held
    return [histories[key] for key in sorted(histories)]


def _add_custody(
    workspace: Workspace,
    histories: Any,
    people: Mapping[str, Mapping[str, Any]],
) -> None:
    entries = [e for h in histories for e in h.entries]
    bound = custody.custody_of(workspace, (e.change_id for e in entries))
    imports = custody.import_rows(workspace, (b["import_id"] for b in bound.values()))
    known = {**custody.certified_people(workspace), **people}
    for entry in entries:
        found = bound.get(entry.change_id)
        if found is None:
            continue
        entry.basis = found["basis"]
        entry.author_key = found["author_fingerprint"]
        person = known.get(entry.author_key or "", {})
        entry.author_known_as = person.get("name") or None
        entry.author_role = person.get("role") or None
        package = imports.get(found["import_id"] or "")
        if package is not None:
            entry.package = package["file_name"]
            signer = known.get(package["signer_fingerprint"], {})
            entry.package_signer = signer.get("name") or package["signer_name"]


def _wanted(key: Cell, cell: str | None) -> bool:
    if not cell:
        return True
    return cell in (".".join(key), key[1])


def _cell_history(key: Cell, items: list[Any], conflicted: set[str]) -> CellHistory:
    nodes = [Node(c.id, key, c.supersedes, c.at, c.merges) for c in items]
    current = {n.id for n in heads(nodes)}
    shown = winner([n for n in nodes if n.id in current]).id if current else None
    later: dict[str, list[str]] = defaultdict(list)
    for change in items:
        for replaced in (change.supersedes, *change.merges):
            if replaced:
                later[replaced].append(change.id)
    entries = []
    for change in sorted(items, key=lambda c: (c.at, c.id)):
        if change.id in conflicted:
            state = CONFLICT
        elif change.id == shown or change.id in current:
            state = CURRENT
        else:
            state = SUPERSEDED
        entries.append(
            Entry(
                change_id=change.id,
                value=change.value,
                author=change.author,
                device=short_id(change.device_id),
                at=change.at,
                state=state,
                superseded_by=later.get(change.id, []),
                resolves=list(change.merges),
                personal=key[0::2] in PERSONAL_FIELDS,
            )
        )
    return CellHistory(key, entries)


def _held(workspace: Workspace, assessment_id: str, cell: str | None) -> list[CellHistory]:
    """Return the changes held for an approved assessment (pending and adopted), per cell."""
    rows = [
        *store.pending_changes(workspace, assessment_id),
        *store.pending_changes(workspace, assessment_id, state="adopted"),
    ]
    by_cell: dict[Cell, list[Entry]] = defaultdict(list)
    for row in rows:
        record = row["record"]
        key = (record["target"], record["row_id"], record["field"])
        if not _wanted(key, cell):
            continue
        by_cell[key].append(
            Entry(
                change_id=record["id"],
                value=record.get("value"),
                author=record["author"],
                device=short_id(record["device_id"]),
                at=record["at"],
                state=HELD if row["state"] == "pending" else ADOPTED,
                personal=key[0::2] in PERSONAL_FIELDS,
            )
        )
    return [CellHistory(key, sorted(items, key=lambda e: e.at)) for key, items in by_cell.items()]
