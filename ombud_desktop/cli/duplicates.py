"""``ombud duplicates``: loci assessed twice in one period, and the supervisor's decision."""

from __future__ import annotations

from typing import Any

import click

from ombud_desktop.cli.output import echo_json
from ombud_desktop.domain.ids import short_id
from ombud_desktop.scoring import format_score
from ombud_desktop.services.duplicates import Duplicates


@click.group()
def duplicates() -> None:
    """Two assessments of one locus in one period: neither counts until one is kept."""


@duplicates.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.option("--undecided", is_flag=True, help="Only those not decided yet.")
@click.pass_obj
def duplicates_list(ctx: Any, as_json: bool, undecided: bool) -> None:
    """List the loci assessed more than once in a period, with each assessment."""
    with ctx.workspace() as workspace:
        groups = Duplicates(workspace).groups(undecided_only=undecided)
    if as_json:
        echo_json(groups)
        return
    if not groups:
        click.echo("No duplicates.")
    for group in groups:
        state = "kept " + short_id(group["kept"]) if group["decided"] else "NOT DECIDED"
        click.echo(
            f"{group['period']}  {group['entity']} › {group['locus']} "
            f"({group['province'] or '-'}): {state}"
        )
        for item in group["assessments"]:
            if item["set_aside_for"]:
                mark = "set aside"
            elif group["decided"]:
                mark = "counts"
            else:
                mark = "not counted"
            click.echo(
                f"    {short_id(item['assessment_id'])}  {item['status']:<9} "
                f"{item['review'] or '-':<9} {format_score(item['score']):>6}"
                f"{' (provisional)' if item['provisional'] else '':<14} "
                f"{', '.join(item['authors']) or '-':<30} {mark}"
            )


@duplicates.command("keep")
@click.argument("assessment_id")
@click.pass_obj
def duplicates_keep(ctx: Any, assessment_id: str) -> None:
    """Keep this assessment of its locus and period; set the others aside (recorded)."""
    with ctx.workspace(write=True) as workspace:
        full = workspace.resolve_assessment_id(assessment_id)
        aside = Duplicates(workspace).keep(full).value
    click.echo(
        f"Kept {short_id(full)}; set aside: {', '.join(short_id(a) for a in aside)}. "
        "The decision travels in your next package."
    )


COMMANDS = [duplicates]
