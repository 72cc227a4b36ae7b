"""Backups, restore and the workspace doctor: the use cases behind ``ombud backup|restore|doctor``
and the app's *Cadangkan sekarang*, *Pulihkan dari cadangan…* and *Periksa ruang kerja*.

Where backups go and how many are kept are settings (``backup_folder``, ``backup_keep``),
read by the command line and the app alike: :func:`place_for`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ombud_desktop.errors import OmbudError, StorageError
from ombud_desktop.files import leftover_parts
from ombud_desktop.services import own_work
from ombud_desktop.settings import BACKUP_FOLDER, BACKUP_KEEP, Settings
from ombud_desktop.storage import backup as backups
from ombud_desktop.storage import doctor as checks
from ombud_desktop.storage import kept_packages
from ombud_desktop.storage.lock import acquire, clear_stale, stale_holder
from ombud_desktop.storage.workspace import Workspace

Backup = backups.Backup
BackupReport = backups.BackupReport
Restored = backups.Restored
Finding = checks.Finding


@dataclass(frozen=True)
class BackupPlace:
    """Where a workspace's backups go, and how many are kept."""

    folder: Path
    keep: int = backups.DEFAULT_KEEP


def place_for(root: Path, settings: Settings | None = None) -> BackupPlace:
    """Return the backup folder and count the settings choose (default: beside the workspace)."""
    chosen = settings.get(BACKUP_FOLDER) if settings is not None else ""
    keep = settings.get(BACKUP_KEEP) if settings is not None else backups.DEFAULT_KEEP
    folder = Path(chosen) if chosen else backups.default_backup_folder(root)
    return BackupPlace(folder, max(1, keep))


def back_up(root: Path, place: BackupPlace, *, reason: str = "manual") -> BackupReport:
    """Back up the workspace in ``root`` (open or not) into ``place``; return the report."""
    return backups.make_backup(root, place.folder, keep=place.keep, reason=reason)


def back_up_before_merge(
    workspace: Workspace, place: BackupPlace | None = None, *, now: datetime | None = None
) -> BackupReport | None:
    """Back up the workspace before a merge (into ``place``, default beside it), unless the
    newest backup there already lets this merge be undone; return the report, or None.

    See :func:`covering_backup`, which also says which backup covers the merge.
    """
    return covering_backup(workspace, place, now=now)[1]


def covering_backup(
    workspace: Workspace,
    place: BackupPlace | None = None,
    *,
    now: datetime | None = None,
    own: own_work.OwnWork | None = None,
) -> tuple[Backup, BackupReport | None]:
    """Return the backup that lets the coming merge be undone, making one only when needed,
    and the report of the one made (None when an existing one serves).

    The guarantee kept: whatever a merge does can be undone by restoring that backup and
    merging again the packages that were good, losing nothing made on this device. A merge
    only appends (changes, records, imports; the materialised rows follow from them), so the
    newest backup of this workspace keeps the guarantee as long as nothing was made here since
    (no change, no supervisor record of this device after its marks) and every package merged
    since is kept beside it (``storage/kept_packages.py``: ``merge_packages`` keeps each one
    it merged, a hard link). Whatever its age: the merges of the next days copy nothing of the
    years the workspace holds (6 GB for a decade). The first merge after work done here keeps
    that work beside the backup too, as packages signed by this user (``own``: see
    ``services/own_work.py``); without ``own``, or when it cannot keep all of it, or after a
    package could not be kept, the merge makes a whole backup. A backup made before packages
    were kept (no import mark) serves on the day it was made only, while the inbox holds them.
    """
    place = place or place_for(workspace.root)
    served = merge_undoable_from(workspace, place, now=now)
    if served is not None:
        return served, None
    if own is not None:
        newest = _newest_of_this_workspace(workspace, place)
        if (
            newest is not None
            and _packages_kept_since(workspace, newest)
            and own_work.keep_own_work(workspace, newest, own)
        ):
            served = merge_undoable_from(workspace, place, now=now)
            if served is not None and served.path == newest.path:
                return served, None
    report = back_up(workspace.root, place, reason="before_merge")
    return report.backup, report


def _newest_of_this_workspace(workspace: Workspace, place: BackupPlace) -> Backup | None:
    """Return the newest backup in ``place`` when it is of this workspace (its folder and
    device), else None."""
    made = backups.list_backups(place.folder)
    if not made:
        return None
    newest = made[-1]
    manifest = newest.manifest
    if (
        manifest.get("device_id") != workspace.device_id
        or manifest.get("workspace") != str(Path(workspace.root).resolve())
    ):
        return None
    return newest


def _packages_kept_since(workspace: Workspace, backup: Backup) -> bool:
    """Return True when ``backup`` has an import mark of this workspace's history and every
    package merged since that mark is kept beside it."""
    marks = backup.manifest.get("marks")
    return (
        isinstance(marks, dict)
        and "imports_rowid" in marks
        and backups.same_history(workspace.db.conn, marks)
        and kept_packages.all_kept_since(workspace, backup.path, marks)
    )


def merge_undoable_from(
    workspace: Workspace, place: BackupPlace, *, now: datetime | None = None
) -> Backup | None:
    """Return the newest backup of this workspace if it undoes a merge now, else None.

    It does when nothing was made here since (or what was is kept beside it:
    ``services/own_work.py``) and every package merged since is kept beside it; a backup
    without an import mark (made by an older version), when it was made today.
    """
    newest = _newest_of_this_workspace(workspace, place)
    if newest is None:
        return None
    marks = newest.manifest.get("marks")
    conn, device = workspace.db.conn, workspace.device_id
    if backups.made_here_since(conn, marks, device):
        # Made here since, and kept beside the backup as packages up to later marks (by a
        # merge that kept this device's work): the same as nothing made here since those.
        kept = own_work.kept_marks(newest.path)
        if kept is None or backups.made_here_since(conn, kept, device):
            return None
        return newest if _packages_kept_since(workspace, newest) else None
    if isinstance(marks, dict) and "imports_rowid" in marks:
        return newest if kept_packages.all_kept_since(workspace, newest.path, marks) else None
    today = (now or datetime.now(UTC)).astimezone().date()
    try:
        when = datetime.fromisoformat(newest.created_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    return newest if when.astimezone().date() == today else None


def daily_backup_due(place: BackupPlace, now: datetime | None = None) -> bool:
    """Return True when no backup in ``place`` was made today (local date)."""
    today = (now or datetime.now(UTC)).astimezone().date()
    for made in backups.list_backups(place.folder):
        try:
            when = datetime.fromisoformat(made.created_at.replace("Z", "+00:00"))
        except ValueError:
            continue
        if when.astimezone().date() == today:
            return False
    return True


def backup_if_due(root: Path, place: BackupPlace) -> BackupReport | None:
    """Make the day's automatic backup unless one was made today; return it, or None."""
    if not daily_backup_due(place):
        return None
    return back_up(root, place, reason="daily")


def list_backups(place: BackupPlace) -> list[Backup]:
    """Return the finished backups in ``place``, newest first."""
    return list(reversed(backups.list_backups(place.folder)))


def check_backup(path: Path) -> list[str]:
    """Return what is wrong with the backup in folder ``path`` (empty: it can be restored)."""
    return backups.check_backup(path)


def restore(backup: Path, target: Path) -> Restored:
    """Restore a backup as the workspace in ``target``, the current one kept aside.

    Refused while another program has the workspace open (WorkspaceLockedError), and for a
    damaged backup (``backup_damaged``), changing nothing.
    """

    def hold(root: Path) -> Callable[[], None]:
        return acquire(root, "ombud restore").release

    _check_target(Path(target))
    return backups.restore_backup(Path(backup), Path(target), hold=hold)


# -- the doctor ----------------------------------------------------------------------------------


@dataclass
class DoctorReport:
    """What the doctor found (and repaired) in one workspace."""

    workspace: Path
    repair: bool
    findings: list[Finding] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        """Return True when nothing was found, or everything found was repaired."""
        return all(f.repaired for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        """Return the report as JSON data (``ombud doctor --json``)."""
        return {
            "workspace": str(self.workspace),
            "repair": self.repair,
            "healthy": self.healthy,
            "findings": [f.to_json() for f in self.findings],
        }


def lock_findings(root: Path, *, repair: bool = False) -> list[Finding]:
    """Return a finding for a stale lock record (cleared when repairing); before opening."""
    holder = clear_stale(root) if repair else stale_holder(root)
    if holder is None:
        return []
    place = f"workspace.lock ({holder.program}, {holder.host}, pid {holder.pid})"
    return [Finding("stale_lock", place, repaired=repair)]


def examine(
    workspace: Workspace,
    *,
    repair: bool = False,
    outbox: Path | None = None,
    backup_folders: list[Path] | None = None,
) -> DoctorReport:
    """Check an open workspace (and the outbox's leftovers); repair what can be, if asked.

    Repairs lose no change: the change log is never written; files are moved aside, not
    deleted, except a killed export's temporary ``.part`` file (never a package).
    """
    report = DoctorReport(workspace.root, repair)
    report.findings.extend(checks.check_integrity(workspace))
    if report.findings:  # a damaged database: repairing it would build on sand
        report.findings[0].repaired = False
        return report
    report.findings.extend(checks.check_state(workspace, repair=repair))
    folders = backup_folders or [backups.default_backup_folder(workspace.root)]
    report.findings.extend(
        checks.check_evidence(workspace, repair=repair, backup_folders=folders)
    )
    if outbox is not None:
        report.findings.extend(_outbox_findings(outbox, repair))
    return report


def _outbox_findings(outbox: Path, repair: bool) -> list[Finding]:
    found = []
    for path in leftover_parts(outbox):
        done = False
        if repair:
            try:
                path.unlink()
                done = True
            except OSError:
                done = False
        found.append(Finding("export_leftover", str(path), repaired=done))
    return found


def describe_finding(finding: Finding) -> str:
    """Return one line, in English, saying what a finding is (``ombud doctor``)."""
    words = FINDING_WORDS.get(finding.kind, finding.kind)
    done = " (repaired)" if finding.repaired else ""
    return f"{words}: {finding.place}{done}"


FINDING_WORDS = {
    "integrity": "the database fails SQLite's integrity check; restore a backup",
    "state_differs": "a current-state cell differs from the change log",
    "state_missing_row": "a current-state row is missing",
    "state_extra_row": "a current-state row has no change in the log",
    "evidence_missing": "an evidence file is missing",
    "evidence_damaged": "an evidence file is damaged",
    "evidence_orphan": "an evidence file no record refers to",
    "evidence_temporary": "a temporary file in the evidence folder",
    "export_leftover": "a half-written package left by a killed export",
    "stale_lock": "the lock file names a program that has ended",
}


def _check_target(root: Path) -> None:
    """Raise when ``root`` is not a workspace folder a restore may replace."""
    if root.exists() and not (root / "workspace.sqlite").exists() and any(root.iterdir()):
        raise StorageError(
            f"{root} is a folder that is not a workspace",
            code="restore_target_not_workspace",
            hint="Choose an empty folder or a workspace folder with --to; nothing was changed.",
            folder=str(root),
        )


class WorkspaceCare:
    """Backups and the doctor for the app's open workspace (a store job's ``s.care()``)."""

    def __init__(self, workspace: Workspace):
        self.workspace = workspace

    @property
    def root(self) -> Path:
        """Return the workspace folder."""
        return self.workspace.root

    def place(self, settings: Settings | None) -> BackupPlace:
        """Return where this workspace's backups go (see :func:`place_for`)."""
        return place_for(self.workspace.root, settings)

    def back_up(self, place: BackupPlace, reason: str = "manual") -> BackupReport:
        """Back up the workspace now (a read: run it beside the writes)."""
        return back_up(self.workspace.root, place, reason=reason)

    def backup_if_due(self, place: BackupPlace) -> BackupReport | None:
        """Make the day's automatic backup unless one was made today."""
        return backup_if_due(self.workspace.root, place)

    def check_backup(self, path: Path) -> tuple[Backup, list[str]]:
        """Return a backup (its manifest) and what is wrong with it (empty: restorable)."""
        manifest = backups.read_manifest(path)
        made = Backup(path, manifest["created_at"], manifest["reason"], manifest)
        return made, backups.check_backup(path)

    def examine(self, *, repair: bool, outbox: Path | None, place: BackupPlace) -> Any:
        """Run the doctor; with ``repair`` return ``Written(report, changes)`` (a write)."""
        from ombud_desktop.services.changes import Changes, Written

        folders = [place.folder, backups.default_backup_folder(self.workspace.root)]
        report = examine(self.workspace, repair=repair, outbox=outbox, backup_folders=folders)
        if not repair:
            return report
        state = any(f.kind.startswith("state_") and f.repaired for f in report.findings)
        return Written(report, Changes.everything() if state else Changes())

    def doctor_report(self) -> dict[str, Any]:
        """Return the doctor's findings as JSON data (the support bundle's doctor.json)."""
        return doctor_report(self.workspace)


def doctor_report(workspace: Workspace) -> dict[str, Any]:
    """Return the doctor's findings for a support bundle (places only, never values)."""
    report = examine(workspace)
    report.findings[:0] = lock_findings(workspace.root)
    return report.to_json()


def doctor_at(root: Path) -> dict[str, Any]:
    """Return the doctor's findings for the workspace in ``root``, or why not (never raises)."""
    try:
        workspace = Workspace.open(root, create=False)
    except OmbudError as exc:
        return {"unavailable": exc.code, "message": exc.message}
    try:
        return doctor_report(workspace)
    except OmbudError as exc:
        return {"unavailable": exc.code, "message": exc.message}
    finally:
        workspace.close()
