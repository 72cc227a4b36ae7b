"""Read a public-trust result file (CSV or xlsx) into checked rows, trusting nothing in it.

The file has exactly the columns ``entity, province, period, score, respondents`` (in any
order, header case and spaces ignored) and one row per entity and period. Rows are numbered as
a spreadsheet numbers them: the header is row 1, so the first result is row 2. Every value is
checked as if typed; the first bad one refuses the whole file with a :class:`ValidationError`
naming its row and column. Matching rows to entities is the caller's (services/entity_inputs.py).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ombud_desktop.domain.entity_inputs import MAX_RESPONDENTS
from ombud_desktop.domain.records import tidy
from ombud_desktop.errors import ValidationError

COLUMNS = ("entity", "province", "period", "score", "respondents")
MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_CELL = 200
_NUMBER = re.compile(r"^[0-9]+(?:[.,][0-9]+)?$")


@dataclass(frozen=True)
class TrustRow:
    """One row of a trust file, its values checked for form (not yet matched to an entity)."""

    row: int  # as a spreadsheet numbers it (the header is row 1)
    entity: str
    province: str
    period: str
    score: float
    respondents: int


def _refuse(code: str, message: str, **data: Any) -> ValidationError:
    hint = "Correct the file and import it again; nothing was changed."
    return ValidationError(message, code=code, hint=hint, **data)


def _unreadable(path: Path, why: str) -> ValidationError:
    return _refuse(
        "trust_file_unreadable",
        f"{path.name} cannot be read as a trust file ({why})",
        file=path.name,
    )


def read_trust_file(path: str | Path) -> tuple[str, list[TrustRow]]:
    """Return the file's sha256 and its rows, each checked for form; raise ValidationError."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _unreadable(path, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
        data = path.read_bytes()
    except OSError as exc:
        raise _unreadable(path, exc.strerror or "it cannot be opened") from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        table = _csv_rows(path, data)
    elif suffix == ".xlsx":
        table = _xlsx_rows(path, data)
    else:
        raise _unreadable(path, "not a .csv or .xlsx file")
    return hashlib.sha256(data).hexdigest(), _checked(table)


def _csv_rows(path: Path, data: bytes) -> list[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _unreadable(path, "not UTF-8 text") from None
    if "\x00" in text:
        raise _unreadable(path, "not text")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        return [list(row) for row in csv.reader(io.StringIO(text, newline=""),
                                                 delimiter=delimiter)]
    except csv.Error:
        raise _unreadable(path, "not well-formed CSV") from None


def _xlsx_rows(path: Path, data: bytes) -> list[list[Any]]:
    import openpyxl

    rows: list[list[Any]] = []
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0]
            for values in sheet.iter_rows(values_only=True):
                rows.append(list(values))
                if len(rows) > MAX_ROWS + 1:
                    break
        finally:
            book.close()
    except Exception:  # a hostile workbook fails in many ways; every one refuses it
        raise _unreadable(path, "not a readable Excel workbook") from None
    return rows


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _checked(table: list[list[Any]]) -> list[TrustRow]:
    """Return the rows of a table whose first row is the header; raise ValidationError."""
    while table and all(_blank(v) for v in table[-1]):
        table.pop()
    if not table:
        raise _refuse("trust_file_empty", "the file has no header and no rows")
    header = [tidy(str(v)).casefold() if not _blank(v) else "" for v in table[0]]
    while header and header[-1] == "":
        header.pop()
    if sorted(header) != sorted(COLUMNS):
        raise _refuse(
            "trust_file_columns",
            f"the columns are {', '.join(header) or '(none)'}; a trust file has exactly "
            f"{', '.join(COLUMNS)}",
            found=", ".join(header) or "-",
            columns=", ".join(COLUMNS),
        )
    if len(table) - 1 > MAX_ROWS:
        raise _refuse(
            "trust_file_too_long", f"the file has more than {MAX_ROWS} rows", limit=MAX_ROWS
        )
    place = {name: header.index(name) for name in COLUMNS}
    rows = []
    for number, values in enumerate(table[1:], start=2):
        if all(_blank(v) for v in values):
            continue
        if any(not _blank(v) for v in values[len(header):]):
            raise _row_error(number, "-", values[len(header)], "a value beyond the columns")
        cells = {name: (values[i] if i < len(values) else None) for name, i in place.items()}
        rows.append(_row(number, cells))
    if not rows:
        raise _refuse("trust_file_empty", "the file has a header but no rows")
    return rows


def _row_error(row: int, column: str, value: Any, problem: str) -> ValidationError:
    """Return the refusal of a value; its code says which column's rule it breaks."""
    shown = "" if value is None else str(value)[:60]
    code = f"trust_row_{column}" if column in COLUMNS else "trust_row_extra"
    return _refuse(
        code,
        f"row {row}, column {column}: {problem} (found {shown!r})",
        row=row,
        column=column,
        value=shown,
    )


def _text(row: int, column: str, value: Any, *, required: bool) -> str:
    if value is None:
        text = ""
    elif isinstance(value, str):
        text = tidy(value)
    elif isinstance(value, int | float) and not isinstance(value, bool) and column == "entity":
        text = str(value)  # a register code a spreadsheet took for a number
    else:
        raise _row_error(row, column, value, "not text")
    if not required and not text:
        return text
    if required and not text:
        raise _row_error(row, column, value, "empty")
    if len(text) > MAX_CELL:
        raise _row_error(row, column, value, f"longer than {MAX_CELL} characters")
    return text


def _period(row: int, value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}", value.strip()):
        raise _row_error(row, "period", value, "not a year such as 2025")
    return value.strip()


def _score(row: int, value: Any) -> float:
    number: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        number = float(value)
    elif isinstance(value, str) and _NUMBER.match(value.strip()):
        number = float(value.strip().replace(",", "."))
    if number is None or number != number:
        raise _row_error(row, "score", value, "not a number")
    if not 0 <= number <= 100:
        raise _row_error(row, "score", value, "a score is from 0 to 100")
    return number


def _respondents(row: int, value: Any) -> int:
    count: int | None = None
    if isinstance(value, float) and value.is_integer():
        count = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        count = value
    elif isinstance(value, str) and re.fullmatch(r"[0-9]{1,9}", value.strip()):
        count = int(value.strip())
    if count is None or not 0 < count <= MAX_RESPONDENTS:
        raise _row_error(
            row, "respondents", value, f"respondents are a whole number from 1 to "
            f"{MAX_RESPONDENTS}"
        )
    return count


def _row(number: int, cells: dict[str, Any]) -> TrustRow:
    return TrustRow(
        row=number,
        entity=_text(number, "entity", cells["entity"], required=True),
        province=_text(number, "province", cells["province"], required=False),
        period=_period(number, cells["period"]),
        score=_score(number, cells["score"]),
        respondents=_respondents(number, cells["respondents"]),
    )
