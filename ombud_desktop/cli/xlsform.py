"""Instruments as XLSForm workbooks and assessments as XForm submissions (issue 18).

``ombud instrument export ID --xlsform FILE.xlsx``, ``ombud instrument import FILE.xlsx --out
FILE.yaml [--id ID]`` and ``ombud export-data --xform DIR``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ombud_desktop.files import write_atomically
from ombud_desktop.instruments import builtin_instrument
from ombud_desktop.instruments.xlsform import export_xlsform, instrument_yaml, read_xlsform


@click.command("export")
@click.argument("instrument_id")
@click.option("--xlsform", "xlsform", required=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="The XLSForm workbook (.xlsx) to write.")
def instrument_export(instrument_id: str, xlsform: Path) -> None:
    """Write a shipped instrument as an XLSForm workbook a methodologist can edit in Excel."""
    instrument = builtin_instrument(instrument_id)
    export_xlsform(instrument, xlsform)
    click.echo(f"Wrote {xlsform}: instrument {instrument.id} version {instrument.version}, "
               f"hash {instrument.content_hash}")


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The instrument file (.yaml) to write.")
@click.option("--id", "instrument_id", default=None, help="Give the instrument this id.")
def instrument_import(file: Path, out: Path, instrument_id: str | None) -> None:
    """Read an instrument XLSForm workbook, check it, and write it as an instrument file."""
    instrument = read_xlsform(file, instrument_id=instrument_id)
    write_atomically(out, instrument_yaml(instrument).encode("utf-8"))
    click.echo(f"Wrote {out}: valid instrument {instrument.id} version {instrument.version}, "
               f"{len(instrument.indicators())} indicators, hash {instrument.content_hash}")


@click.command("export-data")
@click.option("--xform", "xform", required=True,
              type=click.Path(file_okay=False, path_type=Path),
              help="Folder for one XForm submission (.xml) per assessment, and the forms.")
@click.option("--quiet", is_flag=True, help="No progress output.")
@click.pass_obj
def export_data(ctx: Any, xform: Path, quiet: bool) -> None:
    """Write each assessment as an XForm submission an ODK Central or Kobo server can take in."""
    from ombud_desktop.exports.xform import export_xform

    def progress(done: int, total: int) -> None:
        if not quiet and (done % 500 == 0 or done == total):
            click.echo(f"{done}/{total} assessments", err=True)

    with ctx.workspace() as workspace:
        summary = export_xform(workspace, xform, progress=progress)
    click.echo(f"Wrote {summary.submissions} submissions to {xform}; forms: "
               f"{', '.join(summary.forms) or 'none'} (in {xform / 'forms'}).")


INSTRUMENT_COMMANDS = [instrument_export, instrument_import]
DATA_COMMANDS = [export_data]
