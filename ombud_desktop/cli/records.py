"""Command-line commands for supervisor records: ``ombud correction …`` and ``ombud plan …``."""

from __future__ import annotations

from typing import Any

import click

from ombud_desktop.cli.output import echo_json
from ombud_desktop.domain.ids import short_id
from ombud_desktop.services.records import CorrectionView, PlanView, RecordService


@click.group()
def correction() -> None:
    """Substantive corrections of entity scores (entered by the supervisor)."""


@correction.command("add")
@click.argument("entity")
@click.option("--period", required=True, help="Assessment period, e.g. 2024.")
@click.option(
    "--points",
    type=click.FloatRange(min=0, min_open=True, max=100),
    default=None,
    help="Points to subtract from the entity score.",
)
@click.option("--cap", "cap_grade", default=None, help="Best grade allowed, e.g. C.")
@click.option("--reason", required=True, help="Why (recorded with the correction).")
@click.pass_obj
def correction_add(
    ctx: Any, entity: str, period: str, points: float | None, cap_grade: str | None, reason: str
) -> None:
    """Subtract points from an entity's score, or cap its grade, with a reason."""
    with ctx.workspace(write=True) as workspace:
        service = RecordService(workspace, ctx.keys)
        written = service.add_correction(
            entity, period, points=points, cap_grade=cap_grade, reason=reason
        )
    click.echo(f"Correction {short_id(written.value)} recorded for {entity} ({period}).")


def _correction_line(c: CorrectionView) -> str:
    value = f"-{c.points:g} points" if c.kind == "points" else f"grade at most {c.cap_grade}"
    state = (
        f"withdrawn {c.withdrawn['at'][:10]} by {c.withdrawn['by']}: {c.withdrawn['reason']}"
        if c.withdrawn
        else "in force"
    )
    return (
        f"{short_id(c.id)}  {c.entity} ({c.period})  {value}: {c.reason}  "
        f"— {c.author}, {c.at[:16].replace('T', ' ')}  [{state}]"
    )


@correction.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def correction_list(ctx: Any, as_json: bool) -> None:
    """List the corrections, in force and withdrawn."""
    with ctx.workspace() as workspace:
        found = RecordService(workspace, ctx.keys).corrections()
    if as_json:
        echo_json([c.to_json() for c in found])
        return
    for c in found:
        click.echo(_correction_line(c))
    click.echo(f"{len(found)} corrections, {sum(1 for c in found if not c.withdrawn)} in force",
               err=True)


@correction.command("withdraw")
@click.argument("correction_id")
@click.option("--reason", required=True, help="Why it is withdrawn (recorded).")
@click.pass_obj
def correction_withdraw(ctx: Any, correction_id: str, reason: str) -> None:
    """Withdraw a correction (recorded, never deleted)."""
    with ctx.workspace(write=True) as workspace:
        written = RecordService(workspace, ctx.keys).withdraw(correction_id, reason)
    view = written.value
    click.echo(f"Withdrawn {short_id(view.id)} of {view.entity} ({view.period}).")


@click.group()
def plan() -> None:
    """The plan of an entity's loci in a period (by default the instrument's template)."""


def _echo_plan(view: PlanView) -> None:
    if view.source == "record":
        origin = f"set by {view.set_by}, {str(view.set_at)[:16].replace('T', ' ')}"
    elif view.source == "template":
        origin = "the instrument's template (default)"
    else:
        origin = "no plan (no template for its category)"
    click.echo(f"{view.entity} ({view.period}): {view.complete} of {len(view.slots)} planned "
               f"loci complete; plan: {origin}")
    for slot in view.slots:
        planned = slot.name or f"any {slot.type}"
        mark = "complete" if slot.complete else "missing"
        found = ", ".join(
            f"{short_id(a['id'])} {a['status']}{'' if a['complete'] else ' (not complete)'}"
            for a in slot.assessments
        ) or "no assessment"
        locus = f" → {slot.locus}" if slot.locus and slot.locus != slot.name else ""
        click.echo(f"  [{mark:>8}] {planned}{locus}: {found}")


@plan.command("show")
@click.argument("entity")
@click.option("--period", default=None, help="Period (default: the entity's latest).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def plan_show(ctx: Any, entity: str, period: str | None, as_json: bool) -> None:
    """Show the planned loci, who set them, and each one's assessments."""
    with ctx.workspace() as workspace:
        view = RecordService(workspace, ctx.keys).plan(entity, period)
    if as_json:
        echo_json(view.to_json())
    else:
        _echo_plan(view)


@plan.command("set")
@click.argument("entity")
@click.option("--period", required=True, help="Assessment period, e.g. 2024.")
@click.argument("loci", nargs=-1, required=True)
@click.pass_obj
def plan_set(ctx: Any, entity: str, period: str, loci: tuple[str, ...]) -> None:
    """Set the planned loci: each LOCUS is a locus name of the entity or a template type."""
    with ctx.workspace(write=True) as workspace:
        view = RecordService(workspace, ctx.keys).set_plan(entity, period, list(loci)).value
    _echo_plan(view)


COMMANDS = (correction, plan)
