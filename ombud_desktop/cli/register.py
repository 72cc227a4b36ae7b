"""Command-line commands for the entity register and for starting an assessment from it."""

from __future__ import annotations

from typing import Any

import click

from ombud_desktop.cli.output import echo_json
from ombud_desktop.domain import register
from ombud_desktop.domain.names import clean_name
from ombud_desktop.instruments.model import CATEGORIES
from ombud_desktop.services.assessments import AssessmentService, NewAssessment
from ombud_desktop.services.entities import instrument_for_year, registered_entity


@click.group("register")
def register_group() -> None:
    """The register of entities: provinces, kabupaten, kota (Kemendagri codes), kementerian,
    lembaga."""


def _echo_entries(entries: list[register.RegisterEntry], as_json: bool) -> None:
    if as_json:
        echo_json([e.to_json() for e in entries])
        return
    for entry in entries:
        click.echo(f"{entry.code:<28} {entry.category:<11} {entry.name}"
                   + (f"  ({entry.province})" if entry.province else ""))


@register_group.command("list")
@click.option("--category", type=click.Choice(CATEGORIES), required=True)
@click.option("--province", default=None, help="Only the entities of this province.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def register_list(category: str, province: str | None, as_json: bool) -> None:
    """List the register's entities of a category."""
    _echo_entries(register.entries(category, province), as_json)


@register_group.command("search")
@click.argument("name")
@click.option("--category", type=click.Choice(CATEGORIES), default=None)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def register_search(name: str, category: str | None, as_json: bool) -> None:
    """Find entities by name (exact first, then the nearest names) or by code."""
    loaded = register.load()
    exact = loaded.by_code(name.strip())
    found = [exact] if exact else []
    for each in [category] if category else list(CATEGORIES):
        entry = loaded.find(each, name)
        if entry and entry not in found:
            found.append(entry)
    if not found:
        for each in [category] if category else list(CATEGORIES):
            found += loaded.nearest(each, name, count=3)
    _echo_entries(found, as_json)


@click.command("new")
@click.option("--category", type=click.Choice(CATEGORIES), required=True)
@click.option("--entity", "entity_name", default=None, help="The entity's name in the register.")
@click.option("--entity-code", default=None, help="The entity's register code (e.g. 36.73).")
@click.option("--province", default=None, help="The province (of a kabupaten or kota: "
              "taken from the register when not given).")
@click.option("--locus", "locus_name", required=True, help="The unit visited.")
@click.option("--locus-type", default=None, help="The locus type of the instrument's template.")
@click.option("--period", "year", type=click.IntRange(2000, 2100), required=True)
@click.option("--instrument", "instrument_id", default=None,
              help="Instrument id (default: the one that declares the period).")
@click.option("--instrument-reason", default=None,
              help="Why an instrument that does not declare the period is used (recorded).")
@click.option("--team", multiple=True, help="A member of the team (repeat).")
@click.option("--visit-date", default=None, help="YYYY-MM-DD.")
@click.option("--product", "products", multiple=True, help="A product observed (repeat).")
@click.option("--json", "as_json", is_flag=True, help='Print {"id": ..., "entity": ...}.')
@click.pass_obj
def assessment_new(
    ctx: Any,
    category: str,
    entity_name: str | None,
    entity_code: str | None,
    province: str | None,
    locus_name: str,
    locus_type: str | None,
    year: int,
    instrument_id: str | None,
    instrument_reason: str | None,
    team: tuple[str, ...],
    visit_date: str | None,
    products: tuple[str, ...],
    as_json: bool,
) -> None:
    """Start a draft assessment of an entity of the register."""
    entry = registered_entity(category, entity_name, province, entity_code)
    if entry.province is None and not (province and province.strip()):
        raise click.UsageError(f"{entry.name}: give --province (where the locus is).")
    instrument = instrument_for_year(year, instrument_id)
    new = NewAssessment(
        category=category,
        entity_name=entry.name,
        province=entry.province or str(province),
        locus_name=locus_name,
        period_year=year,
        locus_type=locus_type,
        team=team,
        visit_date=visit_date,
        products=products,
        entity_code=entry.code,
        instrument_reason=instrument_reason,
    )
    with ctx.workspace(create=True, write=True) as workspace:
        written = AssessmentService(workspace).create(instrument, new)
    if as_json:
        echo_json({"id": written.value, "entity": entry.to_json(), "instrument": instrument.id})
        return
    click.echo(f"{written.value}  {entry.name} ({entry.code}) › {clean_name(locus_name)}  "
               f"{year}, {instrument.id}")


COMMANDS = [register_group]
