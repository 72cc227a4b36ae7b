"""``ombud settings``: the settings file the app and ``ombud`` share, read-only.

Also where the workspace and key folders ``ombud`` uses come from, in the order it looks:
the option, the environment variable, the settings chosen in the app, the default.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from click.core import ParameterSource

from ombud_desktop.cli.output import echo_json
from ombud_desktop.settings import Settings, WorkspaceChoice

# How ``ombud`` says where a folder came from.
SOURCE_WORDS = {
    "--workspace": "given with --workspace",
    "OMBUD_WORKSPACE": "from OMBUD_WORKSPACE",
    "settings": "chosen in the app",
    "default": "the default; none chosen in the app",
}
KEY_SOURCE_WORDS = {
    "--keys": "given with --keys",
    "OMBUD_KEYS": "from OMBUD_KEYS",
    "default": "the default, in your data folder",
}


def given_by(ctx: click.Context, parameter: str, option: str, envvar: str) -> str:
    """Return ``envvar`` when the parameter's value came from the environment, else ``option``."""
    return envvar if ctx.get_parameter_source(parameter) == ParameterSource.ENVIRONMENT else option


def describe_workspace(choice: WorkspaceChoice, settings_path: Path) -> str:
    """Return the workspace folder and where it came from, for the overview and the listing."""
    words = SOURCE_WORDS.get(choice.source, choice.source)
    if choice.source == "settings":
        words += f", {settings_path}"
    return f"{choice.path}  ({words})"


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    if not text:
        return '""'
    return text if len(text) <= 60 else text[:57] + "…"


@click.command("settings")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def settings_command(ctx: Any, as_json: bool) -> None:
    """Show the settings file shared with the app, each setting and its value (read-only)."""
    settings = Settings.load(ctx.settings_path)
    exists = settings.path.exists()
    rows = list(settings.listing())
    choice = ctx.workspace_choice
    keys_folder = {"path": str(ctx.keys.folder), "source": ctx.keys_source}
    if as_json:
        echo_json(
            {
                "file": str(settings.path),
                "exists": exists,
                "version": settings.version,
                "settings": rows,
                "workspace": {"path": str(choice.path), "source": choice.source},
                "keys": keys_folder,
            }
        )
        return
    state = f"settings version {settings.version}" if exists else "not written yet: all defaults"
    click.echo(f"Settings file: {settings.path}  ({state})")
    width = max(len(row["name"]) for row in rows)
    for row in rows:
        mark = "" if row["stored"] else "  (default)"
        click.echo(f"  {row['name']:<{width}}  {_shown(row['value'])}{mark}")
    click.echo(f"Workspace used by ombud: {describe_workspace(choice, settings.path)}")
    click.echo(
        f"Key folder: {keys_folder['path']}  "
        f"({KEY_SOURCE_WORDS.get(ctx.keys_source, ctx.keys_source)})"
    )


COMMANDS = (settings_command,)
