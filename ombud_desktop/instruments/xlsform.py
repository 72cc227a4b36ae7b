"""An instrument as an XLSForm workbook, and back: ``ombud instrument export/import``.

The law this module keeps: importing the workbook exported from an instrument gives a document
with the same content hash. To keep it while a methodologist edits the workbook in Excel,
every value of the instrument document lives in exactly one cell:

- the ``survey`` and ``choices`` rows carry titles, questions, weights (the ``w_`` calculates),
  anchor texts and tags, recall items, status and answer labels; their ``ombud_path`` and
  ``ombud_map`` columns say where each cell goes (``xlsform_form.MAPS``);
- every other value sits in one of the ``ombud_*`` sheets as a row ``path | type | value``.

XLSForm tools ignore the ``ombud_*`` columns and sheets. On import the rows the form derives
(calculations other than weights, names, types) must be exactly what the imported instrument
gives, and XLSForm features our scoring cannot follow (``relevant``, ``choice_filter``,
``constraint`` ...) are refused with their sheet, row and column.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

from ombud_desktop.errors import InstrumentError
from ombud_desktop.instruments.loader import parse_instrument_document
from ombud_desktop.instruments.model import Instrument
from ombud_desktop.instruments.xlsform_form import (
    CHOICE_COLUMNS,
    MAPS,
    SURVEY_COLUMNS,
    Form,
    Row,
    build_form,
)

SHEETS = {  # ombud sheet → the top-level keys whose remaining values it holds
    "ombud_grade_scale": ("grade_scale",),
    "ombud_completeness": ("completeness",),
    "ombud_locus_templates": ("locus_templates", "locus_template_notes"),
    "ombud_display": ("display",),
}
OTHER_SHEET = "ombud_instrument"
DATA_COLUMNS = ("path", "type", "value")
# Features of XLSForm our scoring cannot follow: a workbook using them is refused.
UNSUPPORTED = {
    "relevant": "skip logic (relevant)",
    "choice_filter": "cascading selects (choice_filter)",
    "constraint": "constraints",
    "constraint_message": "constraints",
    "repeat_count": "a fixed repeat count",
    "trigger": "triggers",
    "default": "default values",
    "read_only": "read-only fields",
}
MAX_ROWS = 100_000
_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_NUMBER = r"\d{1,15}(?:\.\d{1,15})?"
_WEIGHT = re.compile(rf"^\s*({_NUMBER})\s*(?:div\s*({_NUMBER})\s*)?$")


# -- paths ---------------------------------------------------------------------------------


def format_path(parts: list[Any]) -> str:
    """Return "dimensions[0].title.id" for ["dimensions", 0, "title", "id"]."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        elif _KEY.match(part):
            text += ("." if text else "") + part
        else:
            text += f"[{json.dumps(part, ensure_ascii=False)}]"
    return text


_TOKEN = re.compile(r'\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z0-9_-]+)')


def parse_path(text: str) -> list[Any]:
    """Return the parts of a path written by :func:`format_path`; raise ValueError if bad."""
    parts: list[Any] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or (match.group(3) and position and text[position] != "."):
            raise ValueError(f"cannot read the path {text!r} at character {position + 1}")
        if match.group(1) is not None:
            parts.append(int(match.group(1)))
        elif match.group(2) is not None:
            parts.append(json.loads(match.group(2)))
        else:
            parts.append(match.group(3))
        position = match.end()
    if not parts:
        raise ValueError("the path is empty")
    return parts


def _leaves(value: Any, parts: list[Any]) -> list[tuple[list[Any], Any]]:
    if isinstance(value, dict) and value:
        return [leaf for key, item in value.items() for leaf in _leaves(item, [*parts, key])]
    if isinstance(value, list) and value:
        return [leaf for i, item in enumerate(value) for leaf in _leaves(item, [*parts, i])]
    return [(parts, value)]


def _get(document: Any, parts: list[Any]) -> Any:
    for part in parts:
        in_mapping = isinstance(document, dict) and part in document
        in_list = isinstance(document, list) and isinstance(part, int) and part < len(document)
        if in_mapping or in_list:
            document = document[part]
        else:
            raise KeyError(format_path(parts))
    return document


# -- export --------------------------------------------------------------------------------


def _covered(form: Form, document: dict[str, Any]) -> set[str]:
    """Blank the mapped cells whose value is not a plain text/weight; return the paths kept."""
    covered: set[str] = set()
    for row in [*form.survey, *form.choices]:
        if row.path is None:
            continue
        for column, relative in MAPS[row.map or ""].items():
            parts = parse_path(row.path) + parse_path(relative)
            try:
                value = _get(document, parts)
            except KeyError:
                row.cells[column] = None
                continue
            if column == "calculation" and relative == "weight":
                ok = isinstance(value, int | float | str) and not isinstance(value, bool)
            else:
                ok = isinstance(value, str) and value != "" and value == row.cells.get(column)
            if ok:
                covered.add(format_path(parts))
            else:
                row.cells[column] = None
    return covered


def workbook_bytes(instrument: Instrument) -> bytes:
    """Return the XLSForm workbook (.xlsx) of ``instrument``."""
    from openpyxl import Workbook

    document = instrument.document
    form = build_form(instrument)
    covered = _covered(form, document)
    book = Workbook()
    survey = book.active
    survey.title = "survey"
    _write_rows(survey, SURVEY_COLUMNS, [row.cells for row in form.survey])
    _write_rows(book.create_sheet("choices"), CHOICE_COLUMNS, [r.cells for r in form.choices])
    _write_rows(book.create_sheet("settings"), tuple(form.settings), [form.settings])
    sheets: dict[str, list[dict[str, Any]]] = {name: [] for name in [*SHEETS, OTHER_SHEET]}
    owner = {key: sheet for sheet, keys in SHEETS.items() for key in keys}
    for parts, value in _leaves(document, []):
        path = format_path(parts)
        if path in covered:
            continue
        kind, cell = _typed(value)
        sheet = owner.get(parts[0], OTHER_SHEET) if parts else OTHER_SHEET
        sheets[sheet].append({"path": path, "type": kind, "value": cell})
    for name, rows in sheets.items():
        _write_rows(book.create_sheet(name), DATA_COLUMNS, rows)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def _typed(value: Any) -> tuple[str, Any]:
    if isinstance(value, bool):
        return "boolean", "true" if value else "false"
    if value is None:
        return "null", None
    if isinstance(value, int | float):
        return "number", value
    if isinstance(value, str):
        return "text", value
    if isinstance(value, list):
        return "list", None
    return "mapping", None


def _write_rows(sheet: Any, columns: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    sheet.append(list(columns))
    for row in rows:
        sheet.append([None] * len(columns))
        for index, column in enumerate(columns, start=1):
            value = row.get(column)
            if value is None or value == "":
                continue
            cell = sheet.cell(row=sheet.max_row, column=index)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # "=..." is text here, never a formula
    sheet.freeze_panes = "A2"


def export_xlsform(instrument: Instrument, path: Path) -> None:
    """Write ``instrument`` as an XLSForm workbook to ``path`` (atomically)."""
    from ombud_desktop.files import write_atomically

    write_atomically(path, workbook_bytes(instrument))


# -- import --------------------------------------------------------------------------------


def _refuse(name: str, code: str, message: str, *, sheet: str = "", row: int = 0,
            column: str = "", hint: str = "") -> InstrumentError:
    place = sheet + (f", row {row}" if row else "") + (f", column {column}" if column else "")
    return InstrumentError(
        f"{name}: {place + ': ' if place else ''}{message}",
        code=code, hint=hint or "Correct the workbook at that place (see docs/instrument-format.md"
        ", 'Editing an instrument in Excel') and import it again.",
        filename=name, place=place or name, sheet=sheet, row=row, column=column,
    )


def _read_sheets(path: Path) -> dict[str, list[tuple[int, dict[str, Any]]]]:
    """Return every sheet as (row number, {column: value}) pairs, headers from row 1."""
    from openpyxl import load_workbook

    name = path.name
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise InstrumentError(f"{path}: file not found", code="instrument_missing",
                              hint="Check the file name and folder.") from None
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise _refuse(name, "xlsform_unreadable", f"not a readable .xlsx workbook ({exc})",
                      hint="Save the workbook from Excel or LibreOffice as .xlsx.") from None
    sheets: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    try:
        for sheet in book.worksheets:
            rows: list[tuple[int, dict[str, Any]]] = []
            header: list[str] = []
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > MAX_ROWS:
                    raise _refuse(name, "xlsform_too_large", f"more than {MAX_ROWS} rows",
                                  sheet=sheet.title)
                if number == 1:
                    header = [str(v).strip() if v is not None else "" for v in values]
                    continue
                cells = {
                    header[i]: value for i, value in enumerate(values)
                    if i < len(header) and header[i] and value is not None and value != ""
                }
                stray = [i for i, v in enumerate(values) if i >= len(header) or not header[i]]
                if any(values[i] not in (None, "") for i in stray):
                    raise _refuse(name, "xlsform_unknown_column", "a value in a column without a"
                                  " heading", sheet=sheet.title, row=number)
                if cells:
                    rows.append((number, cells))
            sheets[sheet.title] = rows
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise _refuse(name, "xlsform_unreadable", f"not a readable .xlsx workbook ({exc})",
                      hint="Save the workbook from Excel or LibreOffice as .xlsx.") from None
    finally:
        book.close()
    return sheets


def _set(tree: dict[Any, Any], parts: list[Any], value: Any) -> bool:
    """Put ``value`` at ``parts`` (lists kept as {index: item} until the end); False on clash."""
    node = tree
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            return False
        node = child
    if parts[-1] in node:
        return False
    node[parts[-1]] = value
    return True


def _listify(node: Any, parts: list[Any]) -> Any:
    if not isinstance(node, dict) or not node:
        return node
    keys = list(node)
    if all(isinstance(k, int) for k in keys):
        if sorted(keys) != list(range(len(keys))):
            raise ValueError(f"{format_path(parts)}: list items are numbered {sorted(keys)}")
        return [_listify(node[i], [*parts, i]) for i in range(len(keys))]
    if any(isinstance(k, int) for k in keys):
        raise ValueError(f"{format_path(parts)}: holds both list items and named values")
    return {k: _listify(v, [*parts, k]) for k, v in node.items()}


def parse_weight(text: Any) -> Any:
    """Return the weight a ``w_`` calculation gives: "87.78 div 14" → "87.78/14"; None if not."""
    if isinstance(text, int | float) and not isinstance(text, bool):
        return text
    match = _WEIGHT.match(str(text))
    if match is None:
        return None
    numerator, denominator = match.groups()
    if denominator is not None:
        return f"{numerator}/{denominator}"
    return int(numerator) if "." not in numerator else float(numerator)


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _data_value(name: str, sheet: str, number: int, cells: dict[str, Any]) -> Any:
    kind, value = cells.get("type"), cells.get("value")
    if kind == "text":
        return "" if value is None else _as_text(value)
    if kind == "number":
        if isinstance(value, int | float) and not isinstance(value, bool):
            return value
        try:
            return json.loads(str(value).strip())
        except ValueError:
            pass
        raise _refuse(name, "xlsform_cell", "must be a number", sheet=sheet, row=number,
                      column="value")
    if kind == "boolean" and str(value).strip().lower() in ("true", "false"):
        return str(value).strip().lower() == "true"
    simple = {"null": None, "list": {}, "mapping": {}}
    if kind in simple and value is None:
        return [] if kind == "list" else {} if kind == "mapping" else None
    raise _refuse(name, "xlsform_cell", "type must be text, number, boolean, null, list or "
                  "mapping (list, mapping and null with an empty value)", sheet=sheet,
                  row=number, column="type")


def _collect(name: str, sheets: dict[str, list[tuple[int, dict[str, Any]]]]) -> dict[str, Any]:
    tree: dict[Any, Any] = {}
    placed: dict[tuple[Any, ...], tuple[str, int, str]] = {}

    def put(parts: list[Any], value: Any, sheet: str, number: int, column: str) -> None:
        if isinstance(value, list | dict) and not value:
            value = _Empty(value)
        if not _set(tree, parts, value):
            first = placed.get(tuple(parts))
            where = f" (also in {first[0]}, row {first[1]}, column {first[2]})" if first else ""
            raise _refuse(name, "xlsform_cell", f"{format_path(parts)} is given twice{where}",
                          sheet=sheet, row=number, column=column)
        placed[tuple(parts)] = (sheet, number, column)

    for sheet in ("survey", "choices"):
        for number, cells in sheets.get(sheet, []):
            path, map_name = cells.get("ombud_path"), cells.get("ombud_map")
            if path is None and map_name is None:
                continue
            if str(map_name) not in MAPS:
                raise _refuse(name, "xlsform_cell", f"unknown map {map_name!r}", sheet=sheet,
                              row=number, column="ombud_map")
            base = _path(name, str(path), sheet, number, "ombud_path")
            for column, relative in MAPS[str(map_name)].items():
                if column not in cells:
                    continue
                value: Any = cells[column]
                if column == "calculation":
                    value = parse_weight(value)
                    if value is None:
                        raise _refuse(name, "xlsform_weight", "a weight must be a number such as"
                                      " 12.5, or a share such as 87.78 div 14", sheet=sheet,
                                      row=number, column=column)
                else:
                    value = _as_text(value)
                put(base + parse_path(relative), value, sheet, number, column)
    for sheet in [*SHEETS, OTHER_SHEET]:
        for number, cells in sheets.get(sheet, []):
            if "path" not in cells:
                raise _refuse(name, "xlsform_cell", "the path is empty", sheet=sheet,
                              row=number, column="path")
            parts = _path(name, str(cells["path"]), sheet, number, "path")
            put(parts, _data_value(name, sheet, number, cells), sheet, number, "value")
    try:
        document = _listify(tree, [])
    except ValueError as exc:
        raise _refuse(name, "xlsform_cell", str(exc)) from None
    return _unbox(document)


class _Empty:
    """An empty list or mapping given by a data row (kept apart from containers being built)."""

    def __init__(self, value: Any):
        self.value = value


def _unbox(node: Any) -> Any:
    if isinstance(node, _Empty):
        return type(node.value)()
    if isinstance(node, dict):
        return {k: _unbox(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_unbox(v) for v in node]
    return node


def _path(name: str, text: str, sheet: str, number: int, column: str) -> list[Any]:
    try:
        return parse_path(text)
    except ValueError as exc:
        raise _refuse(name, "xlsform_cell", str(exc), sheet=sheet, row=number,
                      column=column) from None


def _check_features(name: str, sheets: dict[str, list[tuple[int, dict[str, Any]]]]) -> None:
    for sheet in ("survey", "choices"):
        if sheet not in sheets:
            raise _refuse(name, "xlsform_not_ombud", f"the workbook has no {sheet!r} sheet",
                          hint="Export an instrument with `ombud instrument export ID --xlsform "
                          "FILE.xlsx` and edit that workbook.")
    missing = [s for s in [*SHEETS, OTHER_SHEET] if s not in sheets]
    if missing:
        raise _refuse(name, "xlsform_not_ombud", f"the workbook has no {missing[0]!r} sheet, so "
                      "it was not exported by Ombud Desktop",
                      hint="Export an instrument with `ombud instrument export ID --xlsform "
                      "FILE.xlsx` and edit that workbook.")
    for sheet in ("survey", "choices"):
        for number, cells in sheets[sheet]:
            for column in cells:
                feature = UNSUPPORTED.get(column.split("::")[0])
                if feature is not None:
                    raise _refuse(
                        name, "xlsform_unsupported",
                        f"uses {feature}, which the Ombudsman scoring cannot follow",
                        sheet=sheet, row=number, column=column,
                        hint="Remove it: the scoring (METHODOLOGY §3) decides what counts, not "
                        "the form. See docs/instrument-format.md.",
                    )


def _check_derived(name: str, instrument: Instrument,
                   sheets: dict[str, list[tuple[int, dict[str, Any]]]]) -> None:
    """Refuse a workbook whose form rows are not the ones the imported instrument gives."""
    form = build_form(instrument)
    for sheet, expected, keys in (
        ("survey", form.survey, ("type", "name", "calculation", "ombud_path", "ombud_map")),
        ("choices", form.choices, ("list_name", "name", "ombud_path", "ombud_map")),
    ):
        found = sheets[sheet]
        for index, row in enumerate(expected):
            number, cells = found[index] if index < len(found) else (
                (found[-1][0] if found else 1) + 1, {})
            for key in keys:
                if row.map == "weight" and key == "calculation":
                    continue
                if row.map == "item" and key == "name":
                    continue
                want, got = _norm(row.cells.get(key)), _norm(cells.get(key))
                if want != got:
                    raise _refuse(
                        name, "xlsform_derived_changed",
                        f"{key} should be {want or '(empty)'!r}, found {got or '(empty)'!r}",
                        sheet=sheet, row=number, column=key,
                        hint="This cell follows from the instrument: change titles, weights, "
                        "anchors and the ombud_* sheets instead (docs/instrument-format.md).",
                    )
        if len(found) > len(expected):
            raise _refuse(name, "xlsform_derived_changed", "a row the instrument does not give",
                          sheet=sheet, row=found[len(expected)][0],
                          hint="Add indicators in the ombud_* sheets is not supported; "
                          "new indicators need a YAML edit (docs/instrument-format.md).")


def _norm(value: Any) -> str:
    return "" if value is None else _as_text(value).strip()


def read_xlsform(path: Path, *, instrument_id: str | None = None) -> Instrument:
    """Read an instrument workbook written by :func:`export_xlsform` (perhaps edited)."""
    name = path.name
    sheets = _read_sheets(path)
    _check_features(name, sheets)
    document = _collect(name, sheets)
    if instrument_id is not None:
        document["id"] = instrument_id
    instrument = parse_instrument_document(_ordered(document), name=name)
    _check_derived(name, instrument, sheets)
    return instrument


def _ordered(document: dict[str, Any]) -> dict[str, Any]:
    """Put the top-level keys in the order of the model (the YAML written reads as usual)."""
    order = list(Instrument.model_fields)
    return dict(sorted(document.items(), key=lambda kv: (
        order.index(kv[0]) if kv[0] in order else len(order), str(kv[0]))))


def instrument_yaml(instrument: Instrument) -> str:
    """Return the instrument document as YAML text (its content hash is the instrument's)."""
    import yaml

    return yaml.safe_dump(instrument.document, allow_unicode=True, sort_keys=False, width=100)


__all__ = [
    "Form",
    "Row",
    "export_xlsform",
    "format_path",
    "instrument_yaml",
    "parse_path",
    "parse_weight",
    "read_xlsform",
    "workbook_bytes",
]
