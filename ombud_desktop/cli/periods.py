"""Command-line commands for a period's end: ``ombud period close|purge PERIOD``."""

from __future__ import annotations

from typing import Any

import click

from ombud_desktop.cli.output import echo_json
from ombud_desktop.services.periods import PeriodReport, PeriodService

_OUTCOMES = {
    "closed": "closed",
    "already_closed": "closed before",
    "purged": "personal data purged",
    "already_purged": "purged before",
    "not_closed": "not closed: personal data kept",
    "not_yours": "not of your province: left as it is",
}


@click.group("period")
def period() -> None:
    """Close an assessment period, then purge its personal data (supervisor or pusat)."""


def _entity_lines(report: PeriodReport) -> None:
    for state in report.entities:
        click.echo(f"{state.name} ({state.province or '-'}): {_OUTCOMES[state.outcome]}")


@period.command("close")
@click.argument("period_id", metavar="PERIOD")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def period_close(ctx: Any, period_id: str, as_json: bool) -> None:
    """Close PERIOD: from then on its personal data may be purged (the closing travels)."""
    with ctx.workspace(write=True) as workspace:
        report = PeriodService(workspace, ctx.keys).close(period_id).value
    if as_json:
        echo_json(report.to_json())
        return
    _entity_lines(report)
    click.echo(
        f"Period {report.period}: {report.count('closed')} entities closed now, "
        f"{report.count('already_closed')} before. Purge its personal data with "
        f"`ombud period purge {report.period}`."
    )


@period.command("purge")
@click.argument("period_id", metavar="PERIOD")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def period_purge(ctx: Any, period_id: str, as_json: bool) -> None:
    """Remove respondents' names, NIP and phone numbers of a closed PERIOD, everywhere.

    From the current tables and the change log's values alike, then the database files are
    rewritten; scores and anonymous answers stay. The purge travels in the next packages.
    """
    with ctx.workspace(write=True) as workspace:
        report = PeriodService(workspace, ctx.keys).purge(period_id).value
    data = report.to_json()
    if as_json:
        echo_json(data)
        return
    _entity_lines(report)
    for item in report.assessments:
        c = item.count
        click.echo(
            f"  {item.entity} / {item.locus}: {c.respondents} respondents, {c.values} values "
            f"in the change log, {c.pending} held, {c.sealed} sealed removed"
        )
    removed = data["removed"]
    click.echo(
        f"Period {report.period}: personal data of {len(report.assessments)} assessments "
        f"purged ({removed['respondents']} respondents, {removed['log_values']} values in the "
        f"change log, {removed['pending_values']} held, {removed['sealed']} sealed)."
    )


COMMANDS = (period,)
