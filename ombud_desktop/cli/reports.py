"""Command-line commands for PDF reports: ombud report locus | entity | province."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def _report_options(func: Any) -> Any:
    func = click.option(
        "-o", "--output", "output", required=True,
        type=click.Path(dir_okay=False, path_type=Path), help="The PDF file to write.",
    )(func)
    func = click.option("--lang", type=click.Choice(["id", "en"]), default="id",
                        show_default=True, help="Language of the report.")(func)
    func = click.option("--printed-on", default=None, metavar="YYYY-MM-DD",
                        help="Date printed in the footer (default: today).")(func)
    func = click.option("--reproducible", is_flag=True,
                        help="Same input, same bytes (no time stamps in the PDF).")(func)
    return func


def _write_report(ctx: Any, request: Any, output: Path, reproducible: bool) -> None:
    from ombud_desktop.services.reports import build_report, save_pdf

    with ctx.workspace() as workspace:
        built = build_report(workspace, request, invariant=reproducible)
    save_pdf(str(output), built.pdf)
    click.echo(f"Wrote {output} ({len(built.pdf) / 1024:.0f} KiB): {built.title}")


@click.group()
def report() -> None:
    """PDF reports: the on-site summary of a locus, an entity recap, a province overview."""


@report.command("locus")
@click.argument("assessment_id")
@_report_options
@click.option("--no-photos", is_flag=True, help="Leave out the evidence photo thumbnails.")
@click.pass_obj
def report_locus(ctx: Any, assessment_id: str, output: Path, lang: str,
                 printed_on: str | None, reproducible: bool, no_photos: bool) -> None:
    """Write the on-site summary of one assessment (to print and sign at the locus)."""
    from ombud_desktop.services.reports import ReportRequest

    request = ReportRequest("locus", assessment_id, language=lang, photos=not no_photos,
                            printed_on=printed_on)
    _write_report(ctx, request, output, reproducible)


@report.command("entity")
@click.argument("entity")
@_report_options
@click.option("--period", default=None, help="Period (default: the entity's latest).")
@click.pass_obj
def report_entity(ctx: Any, entity: str, output: Path, lang: str, printed_on: str | None,
                  reproducible: bool, period: str | None) -> None:
    """Write the recap of an entity (by name or id): loci, score, grade, rank."""
    from ombud_desktop.services.reports import ReportRequest

    request = ReportRequest("entity", entity, period=period, language=lang,
                            printed_on=printed_on)
    _write_report(ctx, request, output, reproducible)


@report.command("province")
@click.argument("province", required=False)
@_report_options
@click.option("--period", default=None, help="Period (default: the latest).")
@click.pass_obj
def report_province(ctx: Any, province: str | None, output: Path, lang: str,
                    printed_on: str | None, reproducible: bool, period: str | None) -> None:
    """Write the overview of a province's entities (all provinces without a name)."""
    from ombud_desktop.services.reports import ReportRequest

    request = ReportRequest("province", province, period=period, language=lang,
                            printed_on=printed_on)
    _write_report(ctx, request, output, reproducible)


COMMANDS = [report]
