"""``ombud support-bundle FILE``: the support zip (logs, versions, settings, workspace summary)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ombud_desktop import logs
from ombud_desktop.services.backup import doctor_at
from ombud_desktop.services.support import summary_at, write_support_bundle


@click.command("support-bundle")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def support_bundle(ctx: Any, target: Path) -> None:
    """Write a zip for whoever helps you: logs, versions, settings, workspace summary.

    It holds no personal data (no names, answers or phone numbers): the workspace is described
    by numbers only.
    """
    if target.suffix.lower() != ".zip":
        target = target.with_name(target.name + ".zip")
    try:
        workspace = summary_at(ctx.workspace_path)
    except Exception as exc:  # a bundle is made when things are wrong: say what, go on
        workspace = {"unavailable": f"{type(exc).__name__}: {exc}"}
    written = write_support_bundle(
        target,
        logs=logs.log_files(),
        settings_path=ctx.settings_path,
        workspace=workspace,
        doctor=doctor_at(ctx.workspace_path),
    )
    click.echo(str(written))


COMMANDS = [support_bundle]
