"""The workspace doctor's checks: what can be wrong with a workspace, and repairs that lose nothing.

- SQLite's integrity check.
- The current-state tables against the change log: every assessment's changes are replayed
  into an in-memory copy of those tables through :meth:`Workspace.apply_changes` (the very code
  that keeps them), each cell taking its winning head (``domain.changelog``), and compared
  cell by cell with what is stored. A repair writes the replayed values back, in one
  transaction; the change log is never touched, so no change can be lost.
- Every evidence record against its file (present, and its SHA-256 its name); files nobody
  refers to (orphans, left by a merge that was killed) and temporary ``.part`` files. A repair
  moves them into ``disisihkan/`` in the workspace (never deletes them), and brings a missing
  or damaged file back from a backup that holds it.

Findings name places (a table, row and column; a file), never values: values can be
respondents' personal data.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils

from ombud_desktop.domain.changelog import Node, ordered_heads
from ombud_desktop.files import sync_folder
from ombud_desktop.storage.backup import CHUNK, EVIDENCE, list_backups
from ombud_desktop.storage.changes import TARGETS, Change
from ombud_desktop.storage.workspace import Workspace, storage_errors

ASIDE = "disisihkan"
BATCH = 200


@dataclass
class Finding:
    """One problem the doctor found: its kind (a code), the place it names, and if repaired."""

    kind: str
    place: str
    repaired: bool = False

    def to_json(self) -> dict[str, Any]:
        """Return the finding as JSON data."""
        return {"kind": self.kind, "place": self.place, "repaired": self.repaired}


def aside_folder(root: Path, now: datetime | None = None) -> Path:
    """Return the folder where this run of the doctor puts the files it moves aside."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    return Path(root) / ASIDE / stamp


def move_aside(path: Path, root: Path, aside: Path) -> Path:
    """Move ``path`` (inside ``root``, or not) into ``aside``, keeping its relative place."""
    try:
        relative = path.resolve().relative_to(Path(root).resolve())
    except ValueError:
        relative = Path(path.name)
    target = aside / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(path), target)
    return target


# -- SQLite --------------------------------------------------------------------------------------


def check_integrity(workspace: Workspace) -> list[Finding]:
    """Return a finding when the database fails SQLite's integrity check."""
    with storage_errors("checking the workspace"):
        verdict = workspace.integrity_check()
    return [] if verdict == "ok" else [Finding("integrity", verdict[:200])]


# -- the current state against the change log ----------------------------------------------------


def check_state(workspace: Workspace, *, repair: bool = False) -> list[Finding]:
    """Compare the current-state tables with the change log replayed; repair if asked."""
    ids = [r[0] for r in workspace.db.execute("SELECT DISTINCT assessment_id FROM changes")]
    ids.sort()
    findings: list[Finding] = []
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        replayed = _replay(workspace, chunk)
        try:
            differences = list(_differences(workspace, replayed, chunk))
        finally:
            replayed.db.close()
        if repair and differences:
            _write_back(workspace, differences)
        findings.extend(
            Finding(kind, place, repaired=repair and kind != "state_extra_row")
            for kind, place, _table, _key, _row in differences
        )
    return findings


def _replay(workspace: Workspace, assessment_ids: list[str]) -> Workspace:
    """Return an in-memory workspace holding the replayed state of these assessments."""
    memory = sqlite_utils.Database(memory=True)
    for table in ("meta", *_tables()):
        sql = workspace.db.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
        ).fetchone()[0]
        memory.execute(sql)
    memory.execute("INSERT INTO meta (key, value) VALUES ('device_id', ?)", [workspace.device_id])
    replayed = Workspace(workspace.root, memory, workspace.clock, workspace.ids)
    with memory.atomic():
        for assessment_id in assessment_ids:
            winners = _winners(workspace.changes(assessment_id))
            if winners:
                replayed.apply_changes(assessment_id, winners, winners[-1].at)
    return replayed


def _winners(changes: list[Change]) -> list[Change]:
    """Return each cell's winning change, in the order of the log."""
    cells: dict[tuple[str, str, str], list[Node]] = {}
    for c in changes:
        cell = (c.target, c.row_id, c.field)
        cells.setdefault(cell, []).append(Node(c.id, cell, c.supersedes, c.at, c.merges))
    winning = {ordered_heads(nodes)[0].id for nodes in cells.values()}
    return [c for c in changes if c.id in winning]


def _tables() -> list[str]:
    return [spec[0] for spec in TARGETS.values()]


def _layout(table: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return a state table's key columns and the columns changes set."""
    for name, keys, fields, _json in TARGETS.values():
        if name == table:
            if table == "assessments":
                return ("id",), tuple(sorted(fields))
            return ("assessment_id", *keys), tuple(sorted(fields))
    raise ValueError(table)


Difference = tuple[str, str, str, tuple[Any, ...], dict[str, Any] | None]


def _differences(
    workspace: Workspace, replayed: Workspace, ids: list[str]
) -> Iterable[Difference]:
    """Yield (kind, place, table, key, replayed row) for each row that differs."""
    for table in _tables():
        keys, fields = _layout(table)
        stored = _rows(workspace, table, keys, fields, ids)
        wanted = _rows(replayed, table, keys, fields, ids)
        for key, row in wanted.items():
            place = f"{table} {'/'.join(str(k) for k in key)}"
            if key not in stored:
                yield "state_missing_row", place, table, key, _full_row(replayed, table, keys, key)
                continue
            for column in fields:
                if stored[key][column] != row[column]:
                    yield "state_differs", f"{place} {column}", table, key, row
        for key in stored.keys() - wanted.keys():
            place = f"{table} {'/'.join(str(k) for k in key)}"
            yield "state_extra_row", place, table, key, None


def _rows(
    workspace: Workspace, table: str, keys: tuple[str, ...], fields: tuple[str, ...],
    ids: list[str],
) -> dict[tuple[Any, ...], dict[str, Any]]:
    owner = "id" if table == "assessments" else "assessment_id"
    columns = [*keys, *(f for f in fields if f not in keys)]
    marks = ", ".join("?" for _ in ids)
    cursor = workspace.db.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE {owner} IN ({marks})", ids
    )
    out = {}
    for record in cursor:
        row = dict(zip(columns, record, strict=True))
        out[tuple(row[k] for k in keys)] = row
    return out


def _full_row(
    workspace: Workspace, table: str, keys: tuple[str, ...], key: tuple[Any, ...]
) -> dict[str, Any]:
    """Return every column of one row (a missing row is inserted whole, derived columns too)."""
    cursor = workspace.db.execute(
        f"SELECT * FROM {table} WHERE {' AND '.join(f'{k} = ?' for k in keys)}", list(key)
    )
    names = [d[0] for d in cursor.description]
    return dict(zip(names, cursor.fetchone(), strict=True))


def _write_back(workspace: Workspace, differences: list[Difference]) -> None:
    """Write the replayed rows over the stored ones, in one transaction."""
    with storage_errors("repairing the current state"), workspace.db.atomic():
        done: set[tuple[str, tuple[Any, ...]]] = set()
        for kind, _place, table, key, row in differences:
            if row is None or (table, key) in done:
                continue  # an extra row: reported, never deleted
            done.add((table, key))
            keys, fields = _layout(table)
            if kind == "state_missing_row":
                columns = list(row)
                workspace.db.execute(
                    f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' for _ in columns)})",
                    [row[c] for c in columns],
                )
            else:
                sets = [f for f in fields if f not in keys]
                workspace.db.execute(
                    f"UPDATE {table} SET {', '.join(f'{f} = ?' for f in sets)} "
                    f"WHERE {' AND '.join(f'{k} = ?' for k in keys)}",
                    [row[f] for f in sets] + list(key),
                )


# -- evidence files ------------------------------------------------------------------------------


def check_evidence(
    workspace: Workspace,
    *,
    repair: bool = False,
    aside: Path | None = None,
    backup_folders: Iterable[Path] = (),
) -> list[Finding]:
    """Check every evidence record's file, and find orphan and temporary files; repair."""
    root, folder = workspace.root, workspace.evidence_dir
    aside = aside or aside_folder(root)
    known = {
        r[0] for r in workspace.db.execute(
            "SELECT DISTINCT sha256 FROM evidence WHERE sha256 IS NOT NULL"
        )
    }
    known |= _pending_evidence(workspace)
    findings: list[Finding] = []
    sources = _backup_sources(backup_folders)
    for sha in sorted(known):
        path = folder / sha[:2] / sha
        if not path.is_file():
            findings.append(Finding("evidence_missing", _shown(path, root)))
        elif _sha256(path) != sha:
            finding = Finding("evidence_damaged", _shown(path, root))
            findings.append(finding)
            if repair:
                move_aside(path, root, aside)
        else:
            continue
        if repair:
            findings[-1].repaired = _bring_back(sha, path, sources)
    for path in _stored_files(folder):
        if path.name.startswith(".") or path.name not in known:
            kind = "evidence_temporary" if path.name.startswith(".") else "evidence_orphan"
            findings.append(Finding(kind, _shown(path, root), repaired=repair))
            if repair:
                move_aside(path, root, aside)
    return findings


def _pending_evidence(workspace: Workspace) -> set[str]:
    """Return the evidence hashes held changes refer to (kept, not yet applied)."""
    found: set[str] = set()
    rows = workspace.db.execute(
        "SELECT record FROM pending_changes WHERE record LIKE '%\"sha256\"%'"
    )
    for (record,) in rows:
        for word in record.replace('"', " ").split():
            if len(word) == 64 and all(ch in "0123456789abcdef" for ch in word):
                found.add(word)
    return found


def _stored_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*/*") if p.is_file())


def _sha256(path: Path) -> str | None:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(CHUNK):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def _backup_sources(folders: Iterable[Path]) -> list[Path]:
    """Return the evidence folders of the finished backups, newest first."""
    found = []
    for folder in folders:
        found.extend(b.path / EVIDENCE for b in list_backups(folder))
    return sorted(found, key=lambda p: p.parent.name, reverse=True)


def _bring_back(sha: str, target: Path, sources: list[Path]) -> bool:
    """Copy the evidence file ``sha`` from a backup that holds it whole; return True if done."""
    for source in sources:
        candidate = source / sha[:2] / sha
        if candidate.is_file() and _sha256(candidate) == sha:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{sha}.restoring.part")
            shutil.copyfile(candidate, temporary)
            with open(temporary, "rb+") as stream:
                os.fsync(stream.fileno())
            os.replace(temporary, target)
            sync_folder(target.parent)
            return True
    return False


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)
