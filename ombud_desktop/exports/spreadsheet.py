"""Export the workspace's results to a spreadsheet: an Excel workbook, or one table as CSV.

The workbook has four sheets (docs/spreadsheet.md): Entitas (entity scores, grades, corrections,
ranks), Lokus (one row per locus with every indicator value), Pengguna layanan (one row per
service user; phone numbers only when asked for, and then marked as personal data) and
Instrumen. openpyxl's write-only mode streams every sheet to disk; the workspace is read once
with :func:`iter_documents`, and the service users are written as each batch is read. The file
appears under its name only when complete (temporary file, fsync, rename).
"""

from __future__ import annotations

import contextlib
import csv
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ombud_desktop.bulk import paused_gc
from ombud_desktop.errors import OmbudError, ValidationError
from ombud_desktop.exports import tables
from ombud_desktop.exports.tables import Column
from ombud_desktop.instruments import builtin_instruments
from ombud_desktop.instruments.model import Instrument
from ombud_desktop.scoring import score_locus
from ombud_desktop.services.scoring import ScoredLocus, score_entities
from ombud_desktop.storage.documents import iter_documents
from ombud_desktop.storage.workspace import Workspace

FORMATS = (".xlsx", ".csv")
Progress = Callable[[int, int], None]


class ExportError(OmbudError):
    """The spreadsheet cannot be written; no file was left behind."""

    code = "export_failed"


@dataclass
class ExportSummary:
    """What was written: rows per table (headers not counted), cells and time taken."""

    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    cells: int = 0
    cells_by_sheet: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    personal_data: bool = False


def export_spreadsheet(
    workspace: Workspace,
    out: str | Path,
    *,
    language: str = "id",
    period: str | None = None,
    personal_data: bool = False,
    sheet: str | None = None,
    progress: Progress | None = None,
) -> ExportSummary:
    """Write the results to ``out`` (.xlsx: every table; .csv: the table ``sheet``, default loci).

    Raises ValidationError for a bad argument and ExportError when the file cannot be written.
    """
    started = time.perf_counter()
    path = Path(out)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValidationError(
            f"{path.name}: the file name must end in .xlsx or .csv",
            code="export_format",
            hint="Name the file e.g. hasil-2024.xlsx (a workbook) or lokus-2024.csv (one table).",
        )
    if language not in tables.LANGUAGES:
        raise ValidationError(f"unknown language {language!r}", hint="Use id or en.")
    if sheet is not None and sheet not in tables.TABLES:
        raise ValidationError(
            f"unknown sheet {sheet!r}", hint=f"Sheets: {', '.join(tables.TABLES)}."
        )
    if suffix == ".xlsx" and sheet is not None:
        raise ValidationError(
            "--sheet is for .csv files; a workbook holds every sheet",
            hint="Leave out --sheet, or name a .csv file.",
        )
    wanted = set(tables.TABLES) if suffix == ".xlsx" else {sheet or tables.LOCI}
    # Only the service-user table carries personal data (phone numbers).
    personal_data = personal_data and tables.SERVICE_USERS in wanted
    summary = ExportSummary(path=path, personal_data=personal_data)
    with _atomic_file(path) as temporary:
        sink: _Sink = _XlsxSink(temporary) if suffix == ".xlsx" else _CsvSink(temporary)
        try:
            _fill(sink, workspace, wanted, language, period, personal_data, progress, summary)
            sink.close()
        except BaseException:
            sink.abort()
            raise
    summary.seconds = time.perf_counter() - started
    return summary


def _fill(
    sink: _Sink,
    workspace: Workspace,
    wanted: set[str],
    language: str,
    period: str | None,
    personal_data: bool,
    progress: Progress | None,
    summary: ExportSummary,
) -> None:
    rows = [
        r for r in workspace.assessment_rows() if period is None or r["period"] == period
    ]
    instruments: dict[str, Instrument] = {}
    for r in sorted(rows, key=lambda r: (r["instrument_id"] or "", r["instrument_hash"] or "")):
        if r["instrument_hash"] not in instruments:
            instruments[r["instrument_hash"]] = workspace.instrument(r["instrument_hash"])
    used = list(instruments.values())
    # Sheets are opened in workbook order; Entitas and Lokus are filled once all loci are scored.
    opened: dict[str, _Writer] = {}
    dimensions = tables.dimension_codes(used)
    indicators = tables.indicator_codes(used)
    questions = tables.question_codes(used)
    column_sets: dict[str, list[Column]] = {
        tables.ENTITIES: tables.entity_columns(language),
        tables.LOCI: tables.locus_columns(language, dimensions, indicators),
        tables.INSTRUMENT: tables.instrument_columns(language),
    }
    # The profile labels come from the instrument (the newest shipped one for an empty export).
    reference = used[-1] if used else builtin_instruments()[-1]
    column_sets[tables.SERVICE_USERS] = tables.service_user_columns(
        language, reference, questions, personal_data
    )
    for key in tables.TABLES:
        if key not in wanted:
            continue
        title = tables.SHEET_TITLES[key][language]
        note = None
        if key == tables.SERVICE_USERS and personal_data:
            title += tables.PERSONAL_MARK[language]
            note = tables.PERSONAL_NOTE[language]
        opened[key] = sink.table(key, title, column_sets.get(key, []), note)

    loci: list[ScoredLocus] = []
    needs_scores = bool(wanted & {tables.ENTITIES, tables.LOCI})
    users = opened.get(tables.SERVICE_USERS)
    if needs_scores or users is not None:
        ids = {r["id"] for r in rows}
        done = 0
        with paused_gc():
            for row, document in iter_documents(workspace):
                if row["id"] not in ids:
                    continue
                instrument = instruments[row["instrument_hash"]]
                if needs_scores:
                    loci.append(ScoredLocus(row, score_locus(instrument, document)))
                if users is not None:
                    for values in tables.service_user_rows(
                        row, document, instrument, questions, personal_data, language
                    ):
                        users.append(values)
                done += 1
                if progress is not None and (done % 50 == 0 or done == len(ids)):
                    progress(done, len(ids))
        loci.sort(key=_display_order)
    if tables.ENTITIES in opened:
        entities = score_entities(workspace, loci)
        provinces = {s.row["entity"]["id"]: s.row["entity"]["province"] for s in loci}
        by_entity = {s.row["entity"]["id"]: instruments[s.row["instrument_hash"]] for s in loci}
        for values in tables.entity_rows(entities, provinces, by_entity, language):
            opened[tables.ENTITIES].append(values)
    if tables.LOCI in opened:
        for s in loci:
            instrument = instruments[s.row["instrument_hash"]]
            opened[tables.LOCI].append(
                tables.locus_row(s.row, s.result, instrument, dimensions, indicators, language)
            )
    if tables.INSTRUMENT in opened:
        for values in tables.instrument_rows(used, language):
            opened[tables.INSTRUMENT].append(values)
    for key, writer in opened.items():
        summary.rows[key] = writer.rows
        summary.cells += writer.cells
        summary.cells_by_sheet[key] = writer.cells


def _display_order(locus: ScoredLocus) -> tuple[str, ...]:
    row = locus.row
    entity = row["entity"]
    return (row["period"], entity["province"], entity["name"], row["locus"]["name"], row["id"])


# -- writers ------------------------------------------------------------------------------------


class _Writer:
    """Appends rows to one table and counts them."""

    def __init__(self, append: Callable[[list[Any]], None]):
        self._append = append
        self.rows = 0
        self.cells = 0

    def append(self, values: list[Any]) -> None:
        self._append(values)
        self.rows += 1
        self.cells += len(values)


class _Sink:
    def table(self, key: str, title: str, columns: list[Column], note: str | None) -> _Writer:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def abort(self) -> None:
        raise NotImplementedError


class _XlsxSink(_Sink):
    """A write-only openpyxl workbook: each sheet streams to its own temporary file."""

    def __init__(self, path: Path):
        from openpyxl import Workbook  # a 0.2 s import, needed only here

        self.path = path
        self.book = Workbook(write_only=True)

    def table(self, key: str, title: str, columns: list[Column], note: str | None) -> _Writer:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        sheet = self.book.create_sheet(title)
        for number, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        header_row = 1
        if note:
            cell = WriteOnlyCell(sheet, note)
            cell.font = Font(bold=True, color="C00000")
            sheet.append([cell])
            header_row = 2
        sheet.freeze_panes = f"A{header_row + 1}"
        bold = Font(bold=True)
        personal = Font(bold=True, color="C00000")
        headers = []
        for column in columns:
            cell = WriteOnlyCell(sheet, column.title)
            cell.font = personal if column.personal else bold
            headers.append(cell)
        sheet.append(headers)
        return _Writer(sheet.append)

    def close(self) -> None:
        self.book.save(self.path)

    def abort(self) -> None:
        # Each sheet streams to a temporary file of openpyxl's (in the system's temporary
        # folder) that is removed only by a successful save or at exit; remove them now, as
        # they may hold personal data.
        for sheet in self.book.worksheets:
            with contextlib.suppress(Exception):
                if sheet._rows is not None:
                    sheet._rows.close()
                if sheet._writer is not None:
                    sheet._writer.close()
                    sheet._writer.cleanup()


class _CsvSink(_Sink):
    """One table as CSV: UTF-8 with a byte-order mark (Excel reads it), comma-separated."""

    def __init__(self, path: Path):
        self.stream = open(path, "w", encoding="utf-8-sig", newline="")  # noqa: SIM115
        self.writer = csv.writer(self.stream)

    def table(self, key: str, title: str, columns: list[Column], note: str | None) -> _Writer:
        if note:
            self.writer.writerow([note])
        self.writer.writerow([column.title for column in columns])
        return _Writer(lambda values: self.writer.writerow([_csv_value(v) for v in values]))

    def close(self) -> None:
        self.stream.flush()
        self.stream.close()

    def abort(self) -> None:
        self.stream.close()


def _csv_value(value: Any) -> Any:
    if value is True:
        return "TRUE"
    if value is False:
        return "FALSE"
    return value


@contextlib.contextmanager
def _atomic_file(target: Path) -> Iterator[Path]:
    """Yield a temporary path beside ``target``; on success fsync it and rename it to target."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ExportError(
            f"{folder}: no such folder",
            code="export_folder_missing",
            hint="Choose a folder that exists.",
            filename=target.name,
        )
    handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with open(temporary, "rb+") as stream:
            os.fsync(stream.fileno())
        os.replace(temporary, target)
        with contextlib.suppress(OSError):  # the rename itself survives a power cut (POSIX)
            directory = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(directory)
            finally:
                os.close(directory)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temporary.unlink()
        code, hint = (
            ("disk_full", "Free some space on the disk and export again.")
            if exc.errno == 28
            else ("export_failed", "Check that the folder is writable and the file not open.")
        )
        raise ExportError(
            f"{target.name}: cannot be written ({exc.strerror})",
            code=code,
            hint=hint,
            filename=target.name,
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
