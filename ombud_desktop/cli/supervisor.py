"""Command-line commands for supervisors: merge, conflicts, review, sync."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

import click

from ombud_desktop.cli.backup import backup_place, echo_undo
from ombud_desktop.cli.comments import comment_lines
from ombud_desktop.cli.output import echo_json
from ombud_desktop.cli.packages import (
    EXIT_PROBLEMS,
    PASSPHRASE_ENV,
    passphrase_file_option,
    read_passphrase,
)
from ombud_desktop.domain.ids import short_id
from ombud_desktop.domain.photos import other_day_line
from ombud_desktop.services import merge as merging
from ombud_desktop.services.packages import PackageService
from ombud_desktop.services.sync import InboxWatcher, SyncReport
from ombud_desktop.storage.changes import PERSONAL_FIELDS


def _passphrase(ctx: Any, passphrase_file: Path | None) -> str | None:
    """Return the receiving key's passphrase when one is given (personal data opens then)."""
    if ctx.keys.has_receiving_key() and (passphrase_file or os.environ.get(PASSPHRASE_ENV)):
        return read_passphrase(passphrase_file)
    return None


def _echo_merge(report: merging.MergeReport) -> None:
    counts = report.counts
    for path, exc in report.refused:
        click.echo(f"REFUSED {path.name}: {exc.message}", err=True)
    for receipt in report.receipts:
        for entry in receipt.assessments:
            if entry.status == "conflicts":
                click.echo(
                    f"CONFLICT {entry.entity} › {entry.locus} ({entry.period}): "
                    + ", ".join(c["cell"] for c in entry.conflicts)
                )
            if entry.duplicate_of:
                click.echo(
                    f"DUPLICATE {entry.entity} › {entry.locus} ({entry.period}): "
                    f"{short_id(entry.assessment_id)} and {short_id(entry.duplicate_of)}; "
                    "neither counts until you keep one (`ombud duplicates keep`)"
                )
    click.echo(
        f"{len(report.receipts) + len(report.refused)} packages: {counts['new']} new, "
        f"{counts['updated']} updated, {counts['conflicts']} with conflicting edits, "
        f"{counts['already_present']} already present, "
        + (f"{counts['older']} older than what you have, " if counts["older"] else "")
        + (f"{counts['pending']} held (approved here), " if counts["pending"] else "")
        + f"{len(report.refused)} refused; "
        f"{report.changes_added} changes added."
    )
    if report.backup is not None:
        echo_undo(
            report.backup,
            made=report.backup_made,
            kept=report.kept,
            own_work_kept=report.own_work_kept,
            keep_failed=report.keep_failed,
            merged=True,
        )


@click.command("merge")
@click.argument("folders", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--quiet", is_flag=True, help="No progress output.")
@passphrase_file_option
@click.pass_obj
def merge(
    ctx: Any,
    folders: tuple[Path, ...],
    as_json: bool,
    quiet: bool,
    passphrase_file: Path | None,
) -> None:
    """Import every package found in these folders and print the receipt."""
    passphrase = _passphrase(ctx, passphrase_file)

    def progress(done: int, total: int, _name: str) -> None:
        if not quiet and not as_json and (done % 100 == 0 or done == total):
            click.echo(f"  {done}/{total} packages", err=True)

    with ctx.workspace(create=True, write=True) as workspace:
        report = merging.merge_packages(
            PackageService(workspace, ctx.keys),
            folders,
            passphrase=passphrase,
            progress=progress,
            backup=backup_place(ctx, workspace.root),
        )
    if as_json:
        echo_json(report.to_json())
    else:
        _echo_merge(report)
    if report.refused:
        raise SystemExit(EXIT_PROBLEMS)

@click.group()
def conflicts() -> None:
    """Concurrent edits of the same answer, kept side by side until resolved."""

@conflicts.command("list")
@click.argument("assessment_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def conflicts_list(ctx: Any, assessment_id: str | None, as_json: bool) -> None:
    """List the open conflicts (of one assessment, or all)."""
    with ctx.workspace() as workspace:
        full = workspace.resolve_assessment_id(assessment_id) if assessment_id else None
        found = merging.list_conflicts(workspace, full)
    if as_json:
        echo_json(found)
        return
    if not found:
        click.echo("No conflicts.")
    for conflict in found:
        click.echo(
            f"{conflict['assessment_id'][:8]} {conflict['entity']} › {conflict['locus']}: "
            f"{conflict['label']}"
        )
        for version in conflict["versions"]:
            click.echo(
                f"    {version['change_id'][:13]}  "
                f"{json.dumps(version['value'], ensure_ascii=False):<12} "
                f"{version['author']}  {version['at'][:19]}  device {version['device_id'][:8]}"
            )
        for evidence in conflict["evidence"]:
            click.echo(f"    evidence: {evidence['filename']}")

@conflicts.command("resolve")
@click.argument("assessment_id")
@click.argument("target")
@click.argument("row_id")
@click.argument("field")
@click.option("--pick", default=None, help="Keep this version (its change id, or a prefix).")
@click.option("--value", "value_json", default=None, help="Set this value instead (JSON).")
@click.pass_obj
def conflicts_resolve(
    ctx: Any,
    assessment_id: str,
    target: str,
    row_id: str,
    field: str,
    pick: str | None,
    value_json: str | None,
) -> None:
    """Resolve the conflict in one cell.

    Example: `ombud conflicts resolve 6607b615 response IN07 value --pick 01a2…`.
    """
    if (pick is None) == (value_json is None):
        raise click.UsageError("give either --pick CHANGE_ID or --value JSON")
    value = None
    if value_json is not None:
        try:
            value = json.loads(value_json)
        except json.JSONDecodeError:
            raise click.UsageError(
                f"--value must be JSON, e.g. 3 or '\"Y\"' ({value_json!r})"
            ) from None
    with ctx.workspace(write=True) as workspace:
        full = workspace.resolve_assessment_id(assessment_id)
        change_id = merging.resolve_conflict(
            workspace,
            full,
            (target, row_id, field),
            pick=pick,
            value=value,
            use_value=value_json is not None,
        )
    click.echo(f"Resolved {target} {row_id} {field} (change {change_id[:13]}).")

@click.group()
def review() -> None:
    """Approve an assessment, or return it to its assessor with comments."""

@review.command("approve")
@click.argument("assessment_id")
@click.option("--comment", default=None)
@click.option(
    "--despite-doubts",
    is_flag=True,
    help="Approve although it is not finished or is provisional (the reasons are printed).",
)
@click.pass_obj
def review_approve(
    ctx: Any, assessment_id: str, comment: str | None, despite_doubts: bool
) -> None:
    """Approve an assessment (refused while an answer is in open conflict)."""
    with ctx.workspace(write=True) as workspace:
        full = workspace.resolve_assessment_id(assessment_id)
        if despite_doubts:
            for doubt in merging.approval_doubts(workspace, full):
                click.echo(f"  approved despite: {doubt}")
        merging.approve(workspace, full, comment, despite_doubts=despite_doubts)
    click.echo(f"Approved {full[:8]}.")

@review.command("return")
@click.argument("assessment_id")
@click.option("--comment", default="", help="What to correct (general).")
@click.option(
    "--indicator",
    "indicator_comments",
    multiple=True,
    metavar="CODE=TEXT",
    help="A comment on one indicator, e.g. IN07='Foto papan tidak terbaca'.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Also write the package for the assessor into this folder.",
)
@passphrase_file_option
@click.pass_obj
def review_return(
    ctx: Any,
    assessment_id: str,
    comment: str,
    indicator_comments: tuple[str, ...],
    out_dir: Path | None,
    passphrase_file: Path | None,
) -> None:
    """Return an assessment for correction (and write the package that carries it back)."""
    per_indicator = {}
    for item in indicator_comments:
        code, sep, text = item.partition("=")
        if not sep or not text.strip():
            raise click.UsageError(f"--indicator wants CODE=TEXT, not {item!r}")
        per_indicator[code.strip().upper()] = text
    with ctx.workspace(write=True) as workspace:
        full = workspace.resolve_assessment_id(assessment_id)
        merging.return_for_correction(workspace, full, comment, per_indicator)
        click.echo(f"Returned {full[:8]} with {len(per_indicator)} indicator comment(s).")
        if out_dir is not None:
            passphrase = read_passphrase(passphrase_file)
            result = PackageService(workspace, ctx.keys).export([full], out_dir, passphrase)
            click.echo(f"Package for the assessor: {result[0].path}")

@review.command("pending")
@click.argument("assessment_id", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def review_pending(ctx: Any, assessment_id: str | None, as_json: bool) -> None:
    """List changes that arrived after approval and wait for the supervisor."""
    with ctx.workspace() as workspace:
        full = workspace.resolve_assessment_id(assessment_id) if assessment_id else None
        held = merging.held_changes(workspace, full)
    if as_json:
        echo_json(held)
        return
    if not held:
        click.echo("No changes are waiting.")
    for item in held:
        record = item["record"]
        value = "(personal data)" if (record["target"], record["field"]) in PERSONAL_FIELDS \
            else json.dumps(record.get("value"), ensure_ascii=False)
        click.echo(
            f"{short_id(item['assessment_id'])}  {record['target']}.{record['row_id']}."
            f"{record['field']} = {value}  by {record['author']} {record['at'][:16]}  "
            f"(in {item['package_file']})"
        )


@review.command("accept")
@click.argument("assessment_id")
@click.pass_obj
def review_accept(ctx: Any, assessment_id: str) -> None:
    """Adopt the changes waiting for an approved assessment (they then count)."""
    with ctx.workspace(write=True) as workspace:
        full = workspace.resolve_assessment_id(assessment_id)
        cells = merging.accept_held(workspace, full)
    click.echo(f"Adopted {cells} waiting change(s) of {short_id(full)}; they now count.")


@review.command("show")
@click.argument("assessment_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def review_show(ctx: Any, assessment_id: str, as_json: bool) -> None:
    """Show an assessment's review and the supervisor's comments."""
    with ctx.workspace() as workspace:
        info = merging.review_of(workspace, workspace.resolve_assessment_id(assessment_id))
    if as_json:
        echo_json(info)
        return
    click.echo(
        f"Review: {info['status'] or 'not reviewed'}"
        + (f" by {info['by']} at {info['at'][:16]}" if info["by"] else "")
    )
    general = [c for c in info["comments"] if c["indicator"] is None]
    if info["comment"] and not general:  # the approval's words (a return's are a comment)
        click.echo(f"  {info['comment']}")
    lines = comment_lines(info["comments"])
    if lines:
        opened = sum(1 for c in info["comments"] if c["state"] == "open")
        click.echo(f"Comments: {opened} open, {len(lines) - opened} closed")
    for line in lines:
        click.echo(line)
    photos = info.get("other_day_photos") or []
    if photos:
        click.echo(f"Photos taken on another day than the visit: {len(photos)}")
    for photo in photos:
        click.echo(f"  {other_day_line(photo)}")


@review.command("resolve")
@click.argument("comment_id")
@click.option("--note", default=None, help="A short answer: what was fixed.")
@click.pass_obj
def review_resolve(ctx: Any, comment_id: str, note: str | None) -> None:
    """Close a review comment once it is fixed (its id is shown by `review show`).

    The assessor closes the comments on the fixed indicators; the supervisor may close any.
    The closing travels in the next package; approving closes every comment.
    """
    from ombud_desktop.services.comments import close_comment

    with ctx.workspace(write=True) as workspace:
        full = close_comment(workspace, comment_id, note)
    click.echo(f"Closed comment {comment_id} of {short_id(full)}.")

def _echo_sync(report: SyncReport) -> None:
    """Say what one look at the inbox did, and what it left alone on purpose."""
    for path in report.conflict_copies:
        click.echo(
            f"CONFLICT COPY {path.name}: left by the sync tool, not imported "
            "(two versions of one file: keep the right one, delete the other)"
        )
    for path in report.not_downloaded:
        click.echo(
            f"NOT DOWNLOADED {path.name}: only a placeholder of the cloud drive "
            "(make the inbox available offline)"
        )
    if report.receipts or report.refused:
        _echo_merge(report)


@click.command("sync")
@click.argument("inbox", type=click.Path(file_okay=False, path_type=Path))
@click.option("--watch", is_flag=True, help="Keep watching; import packages as they arrive.")
@click.option(
    "--interval",
    type=click.FloatRange(0.2),
    default=5.0,
    show_default=True,
    help="Seconds between looks at the inbox.",
)
@click.option(
    "--settle",
    type=click.FloatRange(0),
    default=2.0,
    show_default=True,
    help="Seconds a file must stay unchanged before it is imported.",
)
@passphrase_file_option
@click.pass_obj
def sync(
    ctx: Any,
    inbox: Path,
    watch: bool,
    interval: float,
    settle: float,
    passphrase_file: Path | None,
) -> None:
    """Import new packages from an inbox folder (shared folder, synced folder, USB stick)."""
    passphrase = _passphrase(ctx, passphrase_file)
    watcher = InboxWatcher(inbox, settle=settle)
    with ctx.workspace(create=True, write=True) as workspace:
        service = PackageService(workspace, ctx.keys)
        place = backup_place(ctx, workspace.root)
        # Without --watch: one look, and a second once files seen at the first have settled.
        looks = refused = 0
        while True:
            report = watcher.sync(service, passphrase=passphrase, backup=place)
            looks += 1
            if report is not None:
                _echo_sync(report)
                refused += len(report.refused)
            if not watch and (looks > 1 or not watcher.waiting()):
                break
            time.sleep(interval if watch else settle)
    if refused:  # one look (no --watch) that refused a package fails, as `import` does
        raise SystemExit(EXIT_PROBLEMS)


COMMANDS = [merge, conflicts, review, sync]
