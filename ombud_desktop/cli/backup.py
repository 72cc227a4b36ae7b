"""``ombud backup``, ``ombud restore`` and ``ombud doctor``: keeping a workspace safe.

Exit codes of ``doctor``: 0 healthy (or everything found was repaired), 1 problems found, 2 a
user error (the workspace missing, or held by another program when repairing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ombud_desktop.cli.output import echo_json
from ombud_desktop.errors import OmbudError, StorageError
from ombud_desktop.services import backup as backups
from ombud_desktop.services.merge import KEPT_FOLDER
from ombud_desktop.settings import OUTBOX, Settings

EXIT_PROBLEMS = 1


def backup_place(ctx: Any, root: Path) -> backups.BackupPlace:
    """Return where backups of ``root`` go, as the settings shared with the app say."""
    return backups.place_for(root, _settings(ctx))


def echo_undo(
    backup: Path,
    *,
    made: bool,
    kept: int,
    own_work_kept: int,
    keep_failed: str | None,
    merged: bool,
) -> None:
    """Say which backup undoes a merge (``merged``) or imports, and what is kept beside it."""
    what, again = ("this merge", "merging") if merged else ("these imports", "importing")
    own = f"; and {own_work_kept} of the work made here since that backup" if own_work_kept else ""
    click.echo(
        f"Undone by restoring {backup} ({f'made before {what}' if made else 'made earlier'}) "
        f"and {again} again the good packages kept in its {KEPT_FOLDER} folder "
        f"({kept} added now{own}).",
        err=True,
    )
    if keep_failed:
        keep = "keep them in the inbox" if merged else "keep them"
        click.echo(
            f"WARNING: the {'merged' if merged else 'imported'} packages could not be kept "
            f"beside that backup ({keep_failed}); {keep}: the next merge backs up whole.",
            err=True,
        )


def _settings(ctx: Any) -> Settings | None:
    try:
        return Settings.load(ctx.settings_path)
    except OmbudError:  # a settings file this version refuses: the defaults do
        return None


def _outbox(settings: Settings | None) -> Path:
    value = settings.get(OUTBOX) if settings is not None else ""
    return Path(value) if value else Path.home() / "Ombud" / "Kotak keluar"


def _existing_workspace(root: Path) -> None:
    if not (root / "workspace.sqlite").exists():
        raise StorageError(
            f"no workspace in {root}",
            code="workspace_missing",
            hint="Create one with `ombud init`, or pass the right --workspace folder.",
        )


@click.command("backup")
@click.option(
    "--to",
    "folder",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Backup folder (default: the one chosen in the app, else beside the workspace).",
)
@click.pass_obj
def backup(ctx: Any, folder: Path | None) -> None:
    """Back up the whole workspace (works while it is open); print the backup's folder."""
    root = ctx.workspace_path
    _existing_workspace(root)
    place = backup_place(ctx, root)
    if folder is not None:
        place = backups.BackupPlace(folder, place.keep)
    report = backups.back_up(root, place)
    for left in report.interrupted:
        click.echo(f"removed an interrupted backup: {left.name}", err=True)
    for old in report.removed:
        click.echo(f"removed an old backup: {old.name}", err=True)
    if report.missing_evidence:
        click.echo(
            f"warning: {len(report.missing_evidence)} evidence file(s) are missing from the "
            "workspace itself; run `ombud doctor`",
            err=True,
        )
    click.echo(str(report.backup.path))


@click.command("restore")
@click.argument("backup_folder", metavar="BACKUP", type=click.Path(path_type=Path))
@click.option(
    "--to",
    "target",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Workspace folder to restore into (default: the workspace).",
)
@click.pass_obj
def restore(ctx: Any, backup_folder: Path, target: Path | None) -> None:
    """Check a backup, keep the current workspace aside, and restore the backup in its place."""
    target = target or ctx.workspace_path
    done = backups.restore(backup_folder, target)
    click.echo(f"restored {done.backup} into {done.workspace}")
    if done.set_aside is not None:
        click.echo(f"the workspace that was there is kept in {done.set_aside}")
    click.echo(f"{len(done.digests)} assessments, each with the state the backup recorded")


@click.command("doctor")
@click.option("--repair", is_flag=True, help="Repair what can be repaired, losing no change.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def doctor(ctx: Any, repair: bool, as_json: bool) -> None:
    """Check the workspace: database, current state, evidence files, leftovers, lock."""
    root = ctx.workspace_path
    _existing_workspace(root)
    settings = _settings(ctx)
    place = backups.place_for(root, settings)
    findings = backups.lock_findings(root, repair=repair)
    with ctx.workspace(write=repair) as workspace:
        report = backups.examine(
            workspace,
            repair=repair,
            outbox=_outbox(settings),
            backup_folders=[place.folder],
        )
    report.findings[:0] = findings
    if as_json:
        echo_json(report.to_json())
    else:
        _echo(report)
    if not report.healthy:
        raise SystemExit(EXIT_PROBLEMS)


def _echo(report: backups.DoctorReport) -> None:
    for finding in report.findings:
        click.echo(backups.describe_finding(finding))
    if not report.findings:
        click.echo(f"{report.workspace}: healthy")
    elif report.healthy:
        click.echo(f"{report.workspace}: everything found was repaired; no change was lost")
    else:
        left = sum(not f.repaired for f in report.findings)
        hint = "" if report.repair else " (run `ombud doctor --repair`)"
        click.echo(f"{report.workspace}: {left} problem(s) left{hint}")


COMMANDS = [backup, restore, doctor]
