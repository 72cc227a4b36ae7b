"""Export the workspace's results to a spreadsheet: an Excel workbook, or one table as CSV.

The workbook has four sheets (docs/spreadsheet.md): Entitas (entity scores, grades, corrections,
ranks), Lokus (one row per locus with every indicator value), Pengguna layanan (one row per
service user; phone numbers only when asked for, and then marked as personal data) and
Instrumen. openpyxl's write-only mode streams every sheet to disk; the workspace is read once
with :func:`iter_documents`, and the service users are written as each batch is read. The file
appears under its name only when complete (temporary file, fsync, rename).

Every temporary file (the sheets' parts too) is written beside the target, never in the
system's temporary folder: they may hold phone numbers, and a killed export must not leave them
where nobody looks. A failed export removes them; parts left by a killed one are removed by the
next export to the same file. Text that arrives from assessors is never executed where it
lands: a workbook cell holding text is always a text cell (``=HYPERLINK(…)`` stays words), and a
CSV cell that a spreadsheet program would read as a formula is escaped with a leading ``'``.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import glob
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
from ombud_desktop.exports.xlsx_rows import RowsPart, splice
from ombud_desktop.instruments import builtin_instruments
from ombud_desktop.instruments.model import Instrument
from ombud_desktop.scoring import score_locus
from ombud_desktop.services.previous import with_previous
from ombud_desktop.services.scoring import ScoredLocus, ranked_entities, score_entities
from ombud_desktop.storage.documents import iter_documents
from ombud_desktop.storage.workspace import Workspace

FORMATS = (".xlsx", ".csv")
# Excel, LibreOffice and Google Sheets read a CSV cell starting with one of these as a formula.
_CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
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
        raise ValidationError(
            f"unknown language {language!r}", hint="Use id or en.",
            code="unknown_language", language=language,
        )
    if sheet is not None and sheet not in tables.TABLES:
        raise ValidationError(
            f"unknown sheet {sheet!r}", hint=f"Sheets: {', '.join(tables.TABLES)}.",
            code="unknown_sheet", sheet=sheet, sheets=", ".join(tables.TABLES)
        )
    if suffix == ".xlsx" and sheet is not None:
        raise ValidationError(
            "--sheet is for .csv files; a workbook holds every sheet",
            hint="Leave out --sheet, or name a .csv file.", code="sheet_needs_csv",
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
    export = _Export(workspace, language, period, personal_data)
    # Sheets are opened in workbook order; Entitas and Lokus are filled once all loci are scored.
    opened = {key: export.open_table(sink, key) for key in tables.TABLES if key in wanted}
    loci: list[ScoredLocus] = []
    if opened.keys() & {tables.ENTITIES, tables.LOCI, tables.SERVICE_USERS}:
        loci = export.read(
            opened.get(tables.SERVICE_USERS),
            scores=bool(opened.keys() & {tables.ENTITIES, tables.LOCI}),
            progress=progress,
        )
    if tables.ENTITIES in opened:
        export.write_entities(opened[tables.ENTITIES], loci)
    if tables.LOCI in opened:
        for s in loci:
            opened[tables.LOCI].append(export.locus_row(s))
    if tables.INSTRUMENT in opened:
        for values in tables.instrument_rows(export.used, language):
            opened[tables.INSTRUMENT].append(values)
    for key, writer in opened.items():
        summary.rows[key] = writer.rows
        summary.cells += writer.cells
        summary.cells_by_sheet[key] = writer.cells


class _Export:
    """One export's choices, the instruments its assessments use, and their columns."""

    def __init__(
        self, workspace: Workspace, language: str, period: str | None, personal_data: bool
    ):
        self.workspace = workspace
        self.language = language
        self.personal_data = personal_data
        self.rows = workspace.assessment_rows(period=period)
        self.instruments: dict[str, Instrument] = {}
        for r in sorted(self.rows, key=lambda r: (r["instrument_id"] or "", r["instrument_hash"])):
            if r["instrument_hash"] not in self.instruments:
                self.instruments[r["instrument_hash"]] = workspace.instrument(r["instrument_hash"])
        self.used = list(self.instruments.values())
        self.dimensions = tables.dimension_codes(self.used)
        self.indicators = tables.indicator_codes(self.used)
        self.questions = tables.question_codes(self.used)

    def columns(self, key: str) -> list[Column]:
        """Return the columns of table ``key``."""
        if key == tables.ENTITIES:
            return tables.entity_columns(self.language)
        if key == tables.LOCI:
            return tables.locus_columns(self.language, self.dimensions, self.indicators)
        if key == tables.SERVICE_USERS:
            # Profile labels come from the instrument (the newest shipped one when empty).
            reference = self.used[-1] if self.used else builtin_instruments()[-1]
            return tables.service_user_columns(
                self.language, reference, self.questions, self.personal_data
            )
        return tables.instrument_columns(self.language)

    def open_table(self, sink: _Sink, key: str) -> _Writer:
        """Start table ``key`` in ``sink``: its title, the personal-data note, the header."""
        title = tables.SHEET_TITLES[key][self.language]
        note = None
        if key == tables.SERVICE_USERS and self.personal_data:
            title += tables.PERSONAL_MARK[self.language]
            note = tables.PERSONAL_NOTE[self.language]
        return sink.table(key, title, self.columns(key), note)

    def read(
        self, users: _Writer | None, *, scores: bool, progress: Progress | None
    ) -> list[ScoredLocus]:
        """Read every assessment once: write its service users, score it; return the scores."""
        ids = {r["id"] for r in self.rows}
        loci: list[ScoredLocus] = []
        done = 0
        with paused_gc():
            for row, document in iter_documents(self.workspace, ids=ids):
                instrument = self.instruments[row["instrument_hash"]]
                if scores:
                    loci.append(ScoredLocus(row, score_locus(instrument, document)))
                if users is not None:
                    for values in tables.service_user_rows(
                        row, document, instrument, self.questions, self.personal_data,
                        self.language,
                    ):
                        users.append(values)
                done += 1
                if progress is not None and (done % 50 == 0 or done == len(ids)):
                    progress(done, len(ids))
        loci.sort(key=_display_order)
        return loci

    def write_entities(self, writer: _Writer, loci: list[ScoredLocus]) -> None:
        """Score the entities from their loci (corrections, ranks, previous period); write them."""
        entities = with_previous(self.workspace, score_entities(self.workspace, loci),
                                 lambda p, ids: ranked_entities(self.workspace, period=p,
                                                                     entities=ids))
        provinces = {s.row["entity"]["id"]: s.row["entity"]["province"] for s in loci}
        by_entity = {
            s.row["entity"]["id"]: self.instruments[s.row["instrument_hash"]] for s in loci
        }
        for values in tables.entity_rows(entities, provinces, by_entity, self.language):
            writer.append(values)

    def locus_row(self, scored: ScoredLocus) -> list[Any]:
        """Return the Lokus row of one scored locus."""
        instrument = self.instruments[scored.row["instrument_hash"]]
        return tables.locus_row(
            scored.row, scored.result, instrument, self.dimensions, self.indicators,
            self.language,
        )


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
        # (sheet, header row, columns, writer): the auto-filter's range is known at the end.
        self._filters: list[tuple[Any, int, int, _Writer]] = []
        self._rows: dict[int, RowsPart] = {}  # by id(sheet): the data rows of each sheet

    def table(self, key: str, title: str, columns: list[Column], note: str | None) -> _Writer:
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        sheet = self.book.create_sheet(title)
        for number, column in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        header_row = 2 if note else 1
        sheet.freeze_panes = f"A{header_row + 1}"
        # The sheet's top (column widths, frozen header) is written when its writer starts:
        # after they are set (started earlier, the workbook had neither).
        self._stream_beside_target(sheet)
        if note:
            cell = WriteOnlyCell(sheet, note)
            cell.font = Font(bold=True, color="C00000")
            sheet.append([cell])
        bold = Font(bold=True)
        personal = Font(bold=True, color="C00000")
        headers = []
        for column in columns:
            cell = WriteOnlyCell(sheet, column.title)
            cell.font = personal if column.personal else bold
            headers.append(cell)
        sheet.append(headers)

        # One styled cell per column with a number format: its style is registered the
        # first time a number or date of that column is written (as openpyxl itself would).
        formatted: list[Any] = []
        for column in columns:
            cell = None
            if column.number_format:
                cell = WriteOnlyCell(sheet)
                cell.number_format = column.number_format
            formatted.append(cell)
        # The data rows are written as XML text beside the target (exports/xlsx_rows.py) and
        # spliced into the sheet once openpyxl has closed it: openpyxl's own cells cost ~8 µs
        # each, and a national workbook has 1.8 million of them.
        rows = RowsPart(self._part_path(".rows"), header_row + 1, formatted)
        self._rows[id(sheet)] = rows

        writer = _Writer(rows.append)
        self._filters.append((sheet, header_row, len(columns), writer))
        return writer

    def _stream_beside_target(self, sheet: Any) -> None:
        """Give the sheet its writer now, streaming to a part file beside the target.

        openpyxl would put it in the system's temporary folder (and remove it only at a clean
        exit); it is registered with openpyxl so that a save or a clean exit removes it as usual.
        """
        from openpyxl.worksheet._writer import ALL_TEMP_FILES, WorksheetWriter

        handle, part = tempfile.mkstemp(
            dir=self.path.parent, prefix=f"{self.path.name}.", suffix=".sheet"
        )
        os.close(handle)
        ALL_TEMP_FILES.append(part)
        sheet._writer = WorksheetWriter(sheet, out=part)
        sheet._writer.write_top()

    def _part_path(self, suffix: str) -> Path:
        """Return a new empty part file beside the target (removed by a later export if left)."""
        handle, part = tempfile.mkstemp(
            dir=self.path.parent, prefix=f"{self.path.name}.", suffix=suffix
        )
        os.close(handle)
        return Path(part)

    def close(self) -> None:
        from openpyxl.utils import get_column_letter

        for sheet, header_row, width, writer in self._filters:
            # A filter on the header row (Excel's Data > Filter): sort and choose by column.
            last = get_column_letter(max(width, 1))
            sheet.auto_filter.ref = f"A{header_row}:{last}{header_row + writer.rows}"
            sheet.close()  # openpyxl writes its tail; save() then takes the part as it is
            splice(sheet._writer.out, self._rows[id(sheet)])
        self.book.save(self.path)

    def abort(self) -> None:
        for rows in self._rows.values():
            rows.remove()
        # Each sheet streams to a part file beside the target that openpyxl removes only on a
        # successful save or at exit; remove them now, as they may hold personal data. Each
        # step may fail on its own (a full disk fails the closing flush): the part goes anyway.
        for sheet in self.book.worksheets:
            with contextlib.suppress(Exception):
                if sheet._rows is not None:
                    sheet._rows.close()
            with contextlib.suppress(Exception):
                if sheet._writer is not None:
                    sheet._writer.close()
            with contextlib.suppress(Exception):
                if sheet._writer is not None:
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
    if type(value) is str and value.startswith(_CSV_FORMULA_START):
        return "'" + value  # read as text, not run as a formula (OWASP's CSV injection advice)
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
    temporary = None
    try:
        _remove_parts_left_over(folder, target)
        handle, name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
        os.close(handle)
        temporary = Path(name)
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
        _remove(temporary)
        raise ExportError(
            f"{target.name}: cannot be written ({exc.strerror or exc})",
            filename=target.name,
            **_write_failure(exc),
        ) from None
    except BaseException:
        _remove(temporary)
        raise


def _write_failure(exc: OSError) -> dict[str, str]:
    """Return the code and hint for a failed write."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return {"code": "disk_full", "hint": "Free some space on the disk and export again."}
    if exc.errno == errno.EFBIG:
        return {
            "code": "file_too_large",
            "hint": "The disk cannot hold a file this large (a USB stick formatted as FAT32 "
            "takes at most 4 GB): save it to another disk, or export one period at a time.",
        }
    return {
        "code": "export_failed",
        "hint": "Check that the folder is writable and the file not open.",
    }


def _remove(temporary: Path | None) -> None:
    if temporary is not None:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _remove_parts_left_over(folder: Path, target: Path) -> None:
    """Remove the temporary files an earlier, killed export to ``target`` left beside it."""
    for left in folder.glob(f".{glob.escape(target.name)}.*.part*"):
        with contextlib.suppress(OSError):
            left.unlink()
