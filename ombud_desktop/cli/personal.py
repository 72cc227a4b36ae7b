"""Command-line commands for personal data: the team it is sealed to, pusat's key, reading later.

``ombud keys team add FILE|list|remove FINGERPRINT``, ``ombud keys pusat FILE|--clear``,
``ombud keys backup-recipient [FILE [--yes] | --clear]``,
``ombud personal list|unlock``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ombud_desktop.cli.output import echo_json
from ombud_desktop.cli.packages import (
    echo_reopened,
    keys,
    passphrase_file_option,
    read_passphrase,
)
from ombud_desktop.packages import team as team_keys
from ombud_desktop.packages.keys import PublicKeyFile, short, spoken
from ombud_desktop.services.packages import PackageService

_key_file = click.Path(exists=True, dir_okay=False, path_type=Path)


def _confirm_digits(person: PublicKeyFile, label: str, yes: bool) -> None:
    click.echo(f"{label}: {spoken(person.fingerprint)}")
    if not yes and not click.confirm("Do these digits match what the owner reads to you?"):
        raise click.exceptions.Abort()


@keys.group("team")
def keys_team() -> None:
    """The co-assessors your exports seal personal data to."""


@keys_team.command("add")
@click.argument("key_file", type=_key_file)
@click.option("--yes", is_flag=True, help="Do not ask; you have compared the fingerprint.")
@click.pass_obj
def team_add(ctx: Any, key_file: Path, yes: bool) -> None:
    """Add a co-assessor's public key file (.ombkey) after comparing its digits."""
    person = PublicKeyFile.read(key_file)
    _confirm_digits(person, person.name or key_file.name, yes)
    new = team_keys.add_to_team(ctx.keys, person)
    what = "Added to your team" if new else "Updated in your team"
    click.echo(
        f"{what}: {person.name or key_file.name} ({short(person.fingerprint)}); your exports "
        "seal personal data to them, and their packages are trusted."
    )


@keys_team.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def team_list(ctx: Any, as_json: bool) -> None:
    """List your team: the co-assessors your exports seal personal data to."""
    members = team_keys.team(ctx.keys)
    if as_json:
        echo_json(
            [{**m.to_json(), "spoken": spoken(m.fingerprint)} for m in members]
        )
        return
    if not members:
        click.echo("No co-assessors in your team.")
    for member in members:
        click.echo(f"{short(member.fingerprint)}  {member.name or '-'}")


@keys_team.command("remove")
@click.argument("fingerprint")
@click.pass_obj
def team_remove(ctx: Any, fingerprint: str) -> None:
    """Remove a co-assessor (by the start of the fingerprint); they stay trusted as a signer."""
    removed = team_keys.remove_from_team(ctx.keys, fingerprint)
    click.echo(f"Removed from your team: {removed.name or '-'} ({short(removed.fingerprint)})")


@keys.command("pusat")
@click.argument("key_file", required=False, type=_key_file)
@click.option("--clear", is_flag=True, help="Forget pusat's key for forwarding.")
@click.option("--yes", is_flag=True, help="Do not ask; you have compared the fingerprint.")
@click.pass_obj
def keys_pusat(ctx: Any, key_file: Path | None, clear: bool, yes: bool) -> None:
    """Set pusat's key file: `ombud export --forward` seals personal data to it too."""
    if clear:
        team_keys.set_pusat(ctx.keys, None)
        click.echo("No pusat key: forwarding is not possible until one is set.")
        return
    if key_file is None:
        raise click.UsageError("give pusat's .ombkey file, or --clear")
    person = PublicKeyFile.read(key_file)
    _confirm_digits(person, f"{person.name or key_file.name} (pusat)", yes)
    team_keys.set_pusat(ctx.keys, person)
    click.echo(
        f"Packages exported with --forward seal personal data to {person.name or 'pusat'} "
        f"({short(person.fingerprint)}) too."
    )


@keys.command("backup-recipient")
@click.argument("key_file", required=False, type=_key_file)
@click.option("--clear", is_flag=True, help="Stop sealing exports to the backup key.")
@click.option("--yes", is_flag=True, help="Do not ask; you have compared the fingerprint.")
@click.pass_obj
def keys_backup_recipient(ctx: Any, key_file: Path | None, clear: bool, yes: bool) -> None:
    """Set pusat's backup key file: every export seals personal data to it too.

    Without FILE or --clear, show the backup key set now, with its digits.
    """
    if clear:
        team_keys.set_backup_recipient(ctx.keys, None)
        click.echo("No backup key: exports are no longer sealed to one.")
        return
    if key_file is None:
        current = team_keys.backup_recipient(ctx.keys)
        if current is None:
            click.echo("No backup key is set.")
        else:
            click.echo(f"Backup key: {current.name or '-'} ({short(current.fingerprint)})")
            click.echo(f"Digits: {spoken(current.fingerprint)}")
        return
    person = PublicKeyFile.read(key_file)
    _confirm_digits(person, f"{person.name or key_file.name} (backup key)", yes)
    team_keys.set_backup_recipient(ctx.keys, person)
    click.echo(
        f"Every export now seals personal data to the backup key of {person.name or 'pusat'} "
        f"({short(person.fingerprint)}) too."
    )


@click.group("personal")
def personal() -> None:
    """Respondents' personal data that arrived while your receiving key was locked."""


@personal.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def personal_list(ctx: Any, as_json: bool) -> None:
    """List the personal data kept sealed for your key, waiting to be opened."""
    with ctx.workspace() as workspace:
        waiting = PackageService(workspace, ctx.keys).waiting_personal()
    if as_json:
        echo_json(waiting)
        return
    if not waiting:
        click.echo("No personal data is waiting.")
    for row in waiting:
        click.echo(
            f"{row['assessment_id'][:8]}  {row['file_name']}  (from {row['signer_name'] or '-'}, "
            f"{row['received_at'][:16]})"
        )
    if waiting:
        click.echo("Open them with `ombud personal unlock`.")


@personal.command("unlock")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@passphrase_file_option
@click.pass_obj
def personal_unlock(ctx: Any, as_json: bool, passphrase_file: Path | None) -> None:
    """Open the personal data waiting for your key, as if it had come with its import."""
    passphrase = read_passphrase(passphrase_file, prompt="Passphrase of your receiving key")
    with ctx.workspace(write=True) as workspace:
        results = PackageService(workspace, ctx.keys).reopen_personal(passphrase)
    if as_json:
        echo_json([r.to_json() for r in results])
    else:
        echo_reopened(results)
    if any(r.status == "refused" for r in results):
        raise SystemExit(1)


COMMANDS = [personal]
