"""Command-line commands for per-entity inputs: ``ombud trust …``, ``ombud secondary …`` and
``ombud products …`` (services/entity_inputs.py says what each checks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ombud_desktop.cli.output import echo_json
from ombud_desktop.services.entity_inputs import EntityInputService, InputView, TrustLine


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def _trust_line(line: TrustLine) -> str:
    where = f"row {line.row}: {line.entity} ({line.period})"
    new = f"{_score(line.score)} ({line.respondents} respondents)"
    if line.status == "replaced":
        old = f"{_score(line.old_score)} ({line.old_respondents} respondents)"
        return f"{where}: {old} → {new}  [replaced]"
    return f"{where}: {new}  [{line.status}]"


@click.group()
def trust() -> None:
    """Public-trust survey results per entity (imported by the supervisor)."""


@trust.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the receipt as JSON.")
@click.pass_obj
def trust_import(ctx: Any, file: Path, as_json: bool) -> None:
    """Import a trust file (CSV or xlsx: entity, province, period, score, respondents)."""
    with ctx.workspace(write=True) as workspace:
        receipt = EntityInputService(workspace, ctx.keys).import_trust(file).value
    if as_json:
        echo_json(receipt.to_json())
        return
    for line in receipt.lines:
        click.echo(_trust_line(line))
    click.echo(
        f"{receipt.file}: {receipt.count('new')} new, {receipt.count('replaced')} replaced, "
        f"{receipt.count('unchanged')} unchanged",
        err=True,
    )


def _list(ctx: Any, kind: str, entity: str | None, period: str | None,
          as_json: bool) -> list[InputView]:
    with ctx.workspace() as workspace:
        found = EntityInputService(workspace, ctx.keys).values(
            kind=kind, entity_name=entity, period=period
        )
    if as_json:
        echo_json([v.to_json() for v in found])
    return found


def _by(view: InputView) -> str:
    again = f", replaces {view.replaces}" if view.replaces else ""
    return f"— {view.author}, {view.at[:16].replace('T', ' ')}{again}"


@trust.command("list")
@click.option("--entity", default=None, help="Only this entity (name, id or register code).")
@click.option("--period", default=None, help="Only this period, e.g. 2025.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def trust_list(ctx: Any, entity: str | None, period: str | None, as_json: bool) -> None:
    """List the trust results in force."""
    found = _list(ctx, "trust", entity, period, as_json)
    if not as_json:
        for v in found:
            click.echo(f"{v.entity} ({v.period})  {_score(v.value)}  "
                       f"{v.detail['respondents']} respondents  [{v.detail['source']}] {_by(v)}")
        click.echo(f"{len(found)} trust results", err=True)


@click.group()
def secondary() -> None:
    """Secondary-data indicators per entity (BPS, KemenPANRB, ...), entered by the supervisor."""


@secondary.command("set")
@click.argument("entity")
@click.option("--period", required=True, help="Assessment period, e.g. 2025.")
@click.argument("code")
@click.argument("value", type=float)
@click.option("--source", required=True, help="Where the figure comes from.")
@click.option("--as-of", "as_of", required=True, help="The source's date, YYYY-MM-DD.")
@click.pass_obj
def secondary_set(
    ctx: Any, entity: str, period: str, code: str, value: float, source: str, as_of: str
) -> None:
    """Record the secondary-data indicator CODE of ENTITY as VALUE (0–100)."""
    with ctx.workspace(write=True) as workspace:
        change = EntityInputService(workspace, ctx.keys).set_secondary(
            entity, period, code, value, source=source, as_of=as_of
        ).value
    if not change.changed:
        click.echo(f"{change.entity} ({change.period}) {code}: {change.new:g} unchanged.")
    elif change.old is None:
        click.echo(f"{change.entity} ({change.period}) {code}: {change.new:g} recorded.")
    else:
        click.echo(f"{change.entity} ({change.period}) {code}: {change.old:g} → "
                   f"{change.new:g} (replaced).")


@secondary.command("list")
@click.option("--entity", default=None, help="Only this entity (name, id or register code).")
@click.option("--period", default=None, help="Only this period, e.g. 2025.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def secondary_list(ctx: Any, entity: str | None, period: str | None, as_json: bool) -> None:
    """List the secondary-data values in force, with their source and date."""
    found = _list(ctx, "secondary", entity, period, as_json)
    if not as_json:
        for v in found:
            click.echo(f"{v.entity} ({v.period})  {v.code} = {v.value:g}  "
                       f"[{v.detail['source']}, {v.detail['as_of']}] {_by(v)}")
        click.echo(f"{len(found)} secondary values", err=True)


@click.group()
def products() -> None:
    """Whether each entity followed up the Ombudsman's products (LAHP, recommendations)."""


@products.command("set")
@click.argument("entity")
@click.option("--period", required=True, help="Assessment period, e.g. 2025.")
@click.option("--followed", type=click.Choice(["yes", "no"]), required=True,
              help="yes: the products were followed up.")
@click.option("--note", default="", help="A note (recorded with it).")
@click.pass_obj
def products_set(ctx: Any, entity: str, period: str, followed: str, note: str) -> None:
    """Record whether ENTITY followed up the Ombudsman's products in the period."""
    with ctx.workspace(write=True) as workspace:
        change = EntityInputService(workspace, ctx.keys).set_products(
            entity, period, followed == "yes", note
        ).value

    def word(value: bool | None) -> str:
        return "-" if value is None else ("yes" if value else "no")

    state = "unchanged" if not change.changed else (
        "recorded" if change.old is None else f"was {word(change.old)}")
    click.echo(f"{change.entity} ({change.period}) products followed: {word(change.new)} "
               f"({state}).")


@products.command("list")
@click.option("--period", default=None, help="Only this period, e.g. 2025.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def products_list(ctx: Any, period: str | None, as_json: bool) -> None:
    """List what is recorded of the products followed, per entity."""
    found = _list(ctx, "products", None, period, as_json)
    if not as_json:
        for v in found:
            note = f": {v.detail['note']}" if v.detail.get("note") else ""
            click.echo(f"{v.entity} ({v.period})  {'yes' if v.value else 'no'}{note} {_by(v)}")
        click.echo(f"{len(found)} entities recorded", err=True)


COMMANDS = (trust, secondary, products)
