"""``ombud spreadsheet OUT``: the results as an Excel workbook, or one table as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ombud_desktop.exports.tables import TABLES


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
              help="Language of the headers and words.")
@click.option("--period", default=None, help="Only this period (e.g. 2024).")
@click.option("--sheet", type=click.Choice(TABLES), default=None,
              help="For a .csv file: the table to write (default: loci).")
@click.option("--personal-data", is_flag=True,
              help="Include service users' phone numbers (personal data; marked as such).")
@click.option("--quiet", is_flag=True, help="No progress output.")
@click.pass_obj
def spreadsheet(
    ctx: Any, out: Path, lang: str, period: str | None, sheet: str | None,
    personal_data: bool, quiet: bool,
) -> None:
    """Write entities, loci, service users and the instrument to OUT.xlsx (or one to OUT.csv)."""
    from ombud_desktop.exports.spreadsheet import export_spreadsheet

    def progress(done: int, total: int) -> None:
        if not quiet and (done % 500 == 0 or done == total):
            click.echo(f"{done}/{total} loci", err=True)

    with ctx.workspace() as workspace:
        summary = export_spreadsheet(
            workspace, out, language=lang, period=period, personal_data=personal_data,
            sheet=sheet, progress=progress,
        )
    names = {"entities": "entities", "loci": "loci", "service-users": "service users",
             "instrument": "indicators"}
    counts = ", ".join(f"{n} {names[key]}" for key, n in summary.rows.items())
    click.echo(f"Wrote {out}: {counts} ({summary.cells} cells) in {summary.seconds:.1f} s.")
    if summary.personal_data:
        click.echo("It holds personal data (phone numbers): share it only as the law allows.",
                   err=True)
