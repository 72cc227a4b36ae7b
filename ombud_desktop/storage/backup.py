"""Backups of a whole workspace, made while it is in use, and restoring one after checking it.

A backup is a folder ``cadangan-YYYYMMDD-HHMMSS`` in the backup folder (default: beside the
workspace, ``<workspace>-cadangan``) holding

- ``workspace.sqlite``: the database, copied with SQLite's backup API in one step, so it is one
  consistent snapshot even while another connection writes (WAL: readers never block writers);
  the instruments the workspace holds are in it (table ``instruments``);
- ``evidence/ab/abcdef…``: every evidence file, copied and hashed;
- ``manifest.json``, written last: every file with its SHA-256 and size, and the state digest
  of every assessment (``domain.state_digest``) as the snapshot holds it.

It is built under a temporary name (``.cadangan-….partial``) and renamed when whole, so a
backup killed part-way or stopped by a full disk never replaces or damages the good backups
before it; a leftover temporary folder is removed by the next backup (it never was a backup).
The newest ``keep`` backups are kept, and the newest of each of the last ``keep`` days
(:func:`prune`); older ones are removed.

Restoring checks the backup first (the manifest, SQLite's integrity check, every file's hash,
the digests), builds the workspace under a temporary name beside the target, checks its
digests equal the manifest's, then renames the current workspace aside (never overwritten or
deleted) and the restored one into its place.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import signal
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from ombud_desktop import __version__
from ombud_desktop.domain.state_digest import state_digest
from ombud_desktop.errors import StorageError
from ombud_desktop.files import is_disk_full, sync_folder, write_atomically

FORMAT = "ombud-desktop-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DATABASE = "workspace.sqlite"
EVIDENCE = "evidence"
PREFIX = "cadangan-"
PARTIAL = ".partial"
DEFAULT_KEEP = 7
CHUNK = 1024 * 1024
_NAME = re.compile(r"^cadangan-\d{8}-\d{6}(-\d+)?$")
_SHA = re.compile(r"^[0-9a-f]{64}$")
# Tests stop a backup after this many files with SIGKILL, to show a killed backup harms nothing
# (deterministic: it counts files, never time).
KILL_AFTER_ENV = "OMBUD_TEST_KILL_BACKUP_AFTER_FILES"


@dataclass(frozen=True)
class Backup:
    """A finished backup: its folder, when and why it was made, and its manifest."""

    path: Path
    created_at: str
    reason: str
    manifest: dict[str, Any]

    @property
    def digests(self) -> dict[str, str]:
        """Return the state digest of every assessment the backup holds."""
        return dict(self.manifest.get("assessments", {}))


@dataclass
class BackupReport:
    """What making a backup did: the backup, and backups removed (old, or interrupted)."""

    backup: Backup
    removed: list[Path] = field(default_factory=list)
    interrupted: list[Path] = field(default_factory=list)
    missing_evidence: list[str] = field(default_factory=list)


def default_backup_folder(root: Path) -> Path:
    """Return the default backup folder of the workspace in ``root``: beside it."""
    root = Path(root).resolve()
    return root.with_name(root.name + "-cadangan")


def list_backups(folder: Path) -> list[Backup]:
    """Return the finished backups in ``folder``, oldest first (unreadable ones left out)."""
    found = []
    with contextlib.suppress(OSError):
        for path in sorted(Path(folder).iterdir()):
            if not (_NAME.match(path.name) and path.is_dir()):
                continue
            try:
                manifest = read_manifest(path)
            except StorageError:
                continue
            found.append(
                Backup(path, str(manifest["created_at"]), str(manifest["reason"]), manifest)
            )
    return sorted(found, key=lambda b: (b.created_at, b.path.name))


# -- making one ----------------------------------------------------------------------------------


def make_backup(
    root: Path,
    folder: Path,
    *,
    keep: int = DEFAULT_KEEP,
    reason: str = "manual",
    now: datetime | None = None,
) -> BackupReport:
    """Back up the workspace in ``root`` into a new folder in ``folder``; return the report.

    Works while the workspace is open and written by others. Raises StorageError
    (``backup_disk_full``, ``backup_failed``) having removed what it wrote: the backups
    already in ``folder`` are untouched.
    """
    root, folder = Path(root), Path(folder)
    now = now or datetime.now(UTC)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_failed(folder, exc) from None
    interrupted = _remove_partial(folder)
    name = _free_name(folder, now)
    temporary = folder / f".{name}{PARTIAL}"
    counter = _FileCounter()
    try:
        temporary.mkdir()
        manifest = _fill(root, temporary, counter, reason, now)
        write_atomically(temporary / MANIFEST, _manifest_bytes(manifest))
        sync_folder(temporary)
        os.replace(temporary, folder / name)
        sync_folder(folder)
    except OSError as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        raise _write_failed(folder, exc) from None
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    made = Backup(folder / name, manifest["created_at"], reason, manifest)
    removed = prune(folder, keep)
    return BackupReport(made, removed, interrupted, list(manifest["missing_evidence"]))


def prune(folder: Path, keep: int) -> list[Path]:
    """Remove old backups in ``folder``; return those removed.

    Kept: the newest ``keep`` backups, and the newest backup of each of the newest ``keep``
    days that have one. Without the second rule a busy day (a backup before every merge of
    the inbox) would push every earlier day's backup out; with it at most 2 × ``keep`` stay.
    """
    keep = max(1, keep)
    newest_first = list(reversed(list_backups(folder)))
    kept = {b.path for b in newest_first[:keep]}
    days: list[str] = []
    for backup in newest_first:
        day = backup.created_at[:10]
        if day not in days and len(days) < keep:
            days.append(day)
            kept.add(backup.path)
    old = [b for b in newest_first if b.path not in kept]
    for backup in old:
        shutil.rmtree(backup.path, ignore_errors=True)
    return sorted(b.path for b in old)


def _remove_partial(folder: Path) -> list[Path]:
    """Remove the temporary folders of backups that were interrupted (never whole)."""
    left = [p for p in folder.glob(f".{PREFIX}*{PARTIAL}") if p.is_dir()]
    for path in left:
        shutil.rmtree(path, ignore_errors=True)
    return left


def _free_name(folder: Path, now: datetime) -> str:
    base = PREFIX + now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    name, number = base, 1
    while (folder / name).exists() or (folder / f".{name}{PARTIAL}").exists():
        number += 1
        name = f"{base}-{number}"
    return name


def _fill(
    root: Path, target: Path, counter: _FileCounter, reason: str, now: datetime
) -> dict[str, Any]:
    """Copy the database and the evidence into ``target``; return the manifest."""
    database = target / DATABASE
    _copy_database(root / DATABASE, database)
    counter.done()
    facts = _database_facts(database)
    files = [_entry(database, DATABASE)]
    evidence = root / EVIDENCE
    present = set()
    folders = set()
    for source in _evidence_files(evidence):
        relative = source.relative_to(root).as_posix()
        copied = target / relative
        copied.parent.mkdir(parents=True, exist_ok=True)
        folders.update((copied.parent, copied.parent.parent))
        sha, size = _copy_hashed(source, copied)
        files.append({"path": relative, "sha256": sha, "size": size})
        present.add(source.name)
        counter.done()
    # Each file was fsynced; so are the names in the folders made for them, or a power cut
    # after the backup is renamed into place could leave it listing photos it lacks.
    for made in sorted(folders, reverse=True):
        sync_folder(made)
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "created_at": now.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "reason": reason,
        "app_version": __version__,
        "workspace": str(Path(root).resolve()),
        "schema_version": facts["schema_version"],
        "device_id": facts["device_id"],
        "instruments": facts["instruments"],
        "files": files,
        "missing_evidence": sorted(set(facts["evidence"]) - present),
        "assessments": facts["digests"],
        # How far the change log and the supervisor records go in this snapshot: a merge after
        # it needs no new backup while nothing was made on this device since (made_here_since).
        "marks": facts["marks"],
    }


class _FileCounter:
    """Counts copied files; the test hook (``KILL_AFTER_ENV``) kills the process at N."""

    def __init__(self) -> None:
        self.count = 0
        limit = os.environ.get(KILL_AFTER_ENV, "")
        self.limit = int(limit) if limit.isdigit() else None

    def done(self) -> None:
        self.count += 1
        if self.limit is not None and self.count >= self.limit:
            os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def _copy_database(source: Path, target: Path) -> None:
    """Copy a live database with SQLite's backup API, in one step (one consistent snapshot)."""
    if not source.exists():
        raise StorageError(
            f"no workspace database at {source}",
            code="workspace_missing",
            hint="Create one with `ombud init`, or pass the right --workspace folder.",
        )
    try:
        src = sqlite3.connect(source, timeout=30)
        dst = sqlite3.connect(target)
        try:
            src.execute("PRAGMA busy_timeout = 30000")
            src.backup(dst, pages=-1)
            # The copy needs no WAL beside it: one self-contained file.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
            src.close()
    except sqlite3.OperationalError as exc:
        if "full" in str(exc):
            raise OSError(28, "No space left on device") from None  # errno.ENOSPC
        raise StorageError(
            f"the workspace database could not be copied: {exc}",
            code="backup_failed",
            hint="Nothing of this backup was kept; the earlier backups are untouched.",
            folder=str(target.parent.parent),
        ) from None
    with open(target, "rb+") as stream:
        os.fsync(stream.fileno())


def _database_facts(path: Path) -> dict[str, Any]:
    """Return what the manifest says of a database copy: schema, instruments, digests."""
    db = sqlite3.connect(path)
    try:
        return {
            "schema_version": db.execute("PRAGMA user_version").fetchone()[0],
            "device_id": _one(db, "SELECT value FROM meta WHERE key = 'device_id'"),
            "instruments": [
                {"id": r[0], "version": r[1], "hash": r[2]}
                for r in _rows(db, "SELECT id, version, hash FROM instruments ORDER BY id, hash")
            ],
            "evidence": [
                r[0] for r in _rows(db, "SELECT DISTINCT sha256 FROM evidence WHERE sha256 "
                                        "IS NOT NULL")
            ],
            "digests": digests_of(db),
            "marks": marks_of(db),
        }
    finally:
        db.close()


def digests_of(db: sqlite3.Connection) -> dict[str, str]:
    """Return the state digest of every assessment in a database with a change log."""
    # One assessment at a time, sorted by SQLite (which spills to temporary files, not memory):
    # memory stays flat (all 12 million ids of a decade held at once took GBs; issue 19).
    # NOT INDEXED: walking the cell index looks up every row's id at random, 2.6 times slower.
    out: dict[str, str] = {}
    current: str | None = None
    ids: list[str] = []
    try:
        rows = db.execute(
            "SELECT assessment_id, id FROM changes NOT INDEXED ORDER BY assessment_id"
        )
    except sqlite3.OperationalError:  # an old schema without the table
        return {}
    for assessment_id, change_id in rows:
        if assessment_id != current:
            if current is not None:
                out[current] = state_digest(ids)
            current, ids = assessment_id, []
        ids.append(change_id)
    if current is not None:
        out[current] = state_digest(ids)
    return dict(sorted(out.items()))


def marks_of(db: sqlite3.Connection) -> dict[str, Any]:
    """Return how far the append-only logs go: the last change (seq, id), the last record."""
    last = _rows(db, "SELECT seq, id FROM changes ORDER BY seq DESC LIMIT 1")
    records = _rows(db, "SELECT MAX(rowid) FROM entity_records")
    imports = _rows(db, "SELECT MAX(rowid) FROM imports")
    return {
        "changes_seq": last[0][0] if last else 0,
        "changes_last_id": last[0][1] if last else None,
        "records_rowid": (records[0][0] if records else None) or 0,
        # The last import: the packages merged after it are kept beside the backup
        # (storage/kept_packages.py), so that it undoes merges on later days too.
        "imports_rowid": (imports[0][0] if imports else None) or 0,
    }


def made_here_since(db: sqlite3.Connection, marks: Any, device_id: str) -> bool:
    """Return True unless ``marks`` (a backup's) still end this workspace's logs but for
    what other devices made: no change or supervisor record made on ``device_id`` since.

    Also True when the marks are not this workspace's history (another workspace, a restore of
    an older backup since: the change at the mark is not the one the backup ends with), or
    unreadable. Reads only the rows after the marks (``seq`` and rowid are the tables' keys):
    the cost grows with what was written since, never with the years the workspace holds.
    """
    if not same_history(db, marks):
        return True
    seq, record = marks["changes_seq"], marks["records_rowid"]
    try:
        changes = db.execute(
            "SELECT EXISTS(SELECT 1 FROM changes WHERE seq > ? AND device_id = ?)",
            [seq, device_id],
        ).fetchone()[0]
        records = db.execute(
            "SELECT EXISTS(SELECT 1 FROM entity_records WHERE rowid > ? AND device_id = ?)",
            [record, device_id],
        ).fetchone()[0]
    except sqlite3.OperationalError:
        return True
    return bool(changes or records)


def same_history(db: sqlite3.Connection, marks: Any) -> bool:
    """Return True when ``marks`` (see :func:`marks_of`) are readable and this workspace's
    history: the change at the mark's ``seq`` is the one the marks end with."""
    if not isinstance(marks, dict):
        return False
    seq, last_id, record = (
        marks.get("changes_seq"), marks.get("changes_last_id"), marks.get("records_rowid")
    )
    if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (seq, record)):
        return False
    try:
        at_mark = db.execute("SELECT id FROM changes WHERE seq = ?", [seq]).fetchone()
    except sqlite3.OperationalError:
        return False
    return (at_mark[0] if at_mark else None) == last_id


def _one(db: sqlite3.Connection, sql: str) -> Any:
    rows = _rows(db, sql)
    return rows[0][0] if rows else None


def _rows(db: sqlite3.Connection, sql: str) -> list[tuple[Any, ...]]:
    try:
        return db.execute(sql).fetchall()
    except sqlite3.OperationalError:  # an old schema without the table
        return []


def _evidence_files(folder: Path) -> list[Path]:
    """Return the evidence files (not temporary ones, whose names start with a dot)."""
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.glob("*/*") if p.is_file() and not p.name.startswith(".")
    )


def _copy_hashed(source: Path, target: Path) -> tuple[str, int]:
    """Copy a file, fsynced; return the SHA-256 and size of what was copied."""
    digest, size = hashlib.sha256(), 0
    with open(source, "rb") as reader, open(target, "wb") as writer:
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            _write_chunk(writer, chunk)
        writer.flush()
        os.fsync(writer.fileno())
    return digest.hexdigest(), size


def _write_chunk(stream: BinaryIO, chunk: bytes) -> None:
    """Write one chunk of a copied file (its own function: tests make it meet a full disk)."""
    stream.write(chunk)


def _entry(path: Path, relative: str) -> dict[str, Any]:
    return {"path": relative, "sha256": file_sha256(path), "size": path.stat().st_size}


def file_sha256(path: Path) -> str:
    """Return the SHA-256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _manifest_bytes(manifest: dict[str, Any]) -> bytes:
    return json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _write_failed(folder: Path, exc: OSError) -> StorageError:
    if is_disk_full(exc):
        return StorageError(
            f"the backup into {folder} stopped: the disk is full",
            code="backup_disk_full",
            hint="Free some space or choose another backup folder; the earlier backups are "
            "untouched and nothing of this one was kept.",
            folder=str(folder),
        )
    return StorageError(
        f"the backup into {folder} failed: {exc.strerror or exc}",
        code="backup_failed",
        hint="Check that the backup folder exists and can be written to; the earlier backups "
        "are untouched and nothing of this one was kept.",
        folder=str(folder),
    )


# -- checking and restoring ------------------------------------------------------------------


def read_manifest(path: Path) -> dict[str, Any]:
    """Return a backup folder's manifest, its format checked; raise StorageError if not one."""
    try:
        data = json.loads((Path(path) / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise _damaged(path, "it has no readable manifest.json") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _damaged(path, "manifest.json is not a backup manifest")
    if data.get("version") != FORMAT_VERSION:
        raise StorageError(
            f"{path} is a backup of format version {data.get('version')!r}; this version "
            f"of Ombud Desktop reads version {FORMAT_VERSION}",
            code="backup_too_new",
            hint="Restore it with the version of Ombud Desktop that made it.",
            backup=str(path),
        )
    files, digests = data.get("files"), data.get("assessments")
    if not isinstance(files, list) or not isinstance(digests, dict):
        raise _damaged(path, "manifest.json has no file list or no digests")
    for key in ("created_at", "reason"):
        if not isinstance(data.get(key), str):
            raise _damaged(path, f"manifest.json has no {key}")
    return data


def check_backup(path: Path) -> list[str]:
    """Return what is wrong with a backup (empty when it can be restored)."""
    path = Path(path)
    manifest = read_manifest(path)
    problems: list[str] = []
    listed: set[str] = set()
    for entry in manifest["files"]:
        relative = _checked_path(entry)
        if relative is None:
            problems.append(f"manifest.json lists a file it may not: {entry!r:.80}")
            continue
        listed.add(relative)
        file = path / relative
        if not file.is_file():
            problems.append(f"{relative} is missing")
        elif file.stat().st_size != entry["size"] or file_sha256(file) != entry["sha256"]:
            problems.append(f"{relative} is damaged (its SHA-256 differs from the manifest)")
    if DATABASE not in listed:
        problems.append(f"manifest.json does not list {DATABASE}")
    elif not problems:
        problems.extend(_database_problems(path / DATABASE, manifest["assessments"]))
    return problems


def _checked_path(entry: Any) -> str | None:
    """Return the entry's relative path when it is one a backup may hold, else None."""
    if not isinstance(entry, dict):
        return None
    relative, sha, size = entry.get("path"), entry.get("sha256"), entry.get("size")
    if not (isinstance(relative, str) and isinstance(sha, str) and _SHA.match(sha)):
        return None
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        return None
    if relative == DATABASE:
        return relative
    parts = relative.split("/")
    if len(parts) == 3 and parts[0] == EVIDENCE and len(parts[1]) == 2 and _SHA.match(parts[2]):
        return relative
    return None


def _database_problems(path: Path, digests: dict[str, Any]) -> list[str]:
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            verdict = db.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                return [f"{DATABASE} fails SQLite's integrity check: {verdict}"]
            found = digests_of(db)
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        return [f"{DATABASE} cannot be read: {exc}"]
    if found != digests:
        return [f"{DATABASE} does not hold the assessments the manifest records"]
    return []


def _damaged(path: Path, why: str) -> StorageError:
    return StorageError(
        f"{path} cannot be restored: {why}",
        code="backup_damaged",
        hint="Choose another backup; nothing was changed.",
        backup=str(path),
        why=why,
    )


@dataclass(frozen=True)
class Restored:
    """A restored workspace: where it is, where the one it replaced was put, what it holds."""

    workspace: Path
    set_aside: Path | None
    backup: Path
    digests: dict[str, str]


def restore_backup(
    backup: Path,
    target: Path,
    *,
    hold: Callable[[Path], Callable[[], None]] | None = None,
    now: datetime | None = None,
) -> Restored:
    """Restore the backup in folder ``backup`` as the workspace in ``target``; return it.

    The backup is checked first: a damaged one raises StorageError ``backup_damaged`` and
    nothing is changed. A workspace at ``target`` is renamed aside, never overwritten.
    ``hold(target)`` takes the workspace's lock (refusing while another program has it open)
    and returns its release.
    """
    backup, target = Path(backup), Path(target).absolute()
    problems = check_backup(backup)
    if problems:
        raise _damaged(backup, "; ".join(problems[:5]))
    manifest = read_manifest(backup)
    now = now or datetime.now(UTC)
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    building = target.with_name(f".{target.name}.restoring-{stamp}")
    release = hold(target) if hold is not None and target.exists() else None
    try:
        digests = _build_restored(backup, manifest, building)
        aside = _set_aside(target, stamp)
        os.replace(building, target)
        sync_folder(target.parent)
    except OSError as exc:
        shutil.rmtree(building, ignore_errors=True)
        raise StorageError(
            f"restoring into {target} failed: {exc.strerror or exc}",
            code="restore_failed",
            hint="The current workspace was not changed; free some space or choose another "
            "folder with --to.",
            folder=str(target),
        ) from None
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        if release is not None:
            release()
    return Restored(target, aside, backup, digests)


def _build_restored(backup: Path, manifest: dict[str, Any], building: Path) -> dict[str, str]:
    """Copy a checked backup into ``building``; return its digests, checked."""
    shutil.rmtree(building, ignore_errors=True)
    (building / EVIDENCE).mkdir(parents=True)
    for entry in manifest["files"]:
        copied = building / entry["path"]
        copied.parent.mkdir(parents=True, exist_ok=True)
        sha, _size = _copy_hashed(backup / entry["path"], copied)
        if sha != entry["sha256"]:  # changed since it was checked
            raise _damaged(backup, f"{entry['path']} changed while it was copied")
    db = sqlite3.connect(building / DATABASE)
    try:
        digests = digests_of(db)
    finally:
        db.close()
    if digests != manifest["assessments"]:
        raise _damaged(backup, "the restored database does not hold what the manifest records")
    sync_folder(building)
    return digests


def _set_aside(target: Path, stamp: str) -> Path | None:
    """Rename the workspace at ``target`` aside (never overwritten); return where it went."""
    if not target.exists():
        return None
    aside = target.with_name(f"{target.name}-sebelum-pulih-{stamp}")
    number = 1
    while aside.exists():
        number += 1
        aside = target.with_name(f"{target.name}-sebelum-pulih-{stamp}-{number}")
    os.replace(target, aside)
    return aside
