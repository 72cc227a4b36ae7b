"""Write the data rows of a write-only openpyxl sheet as XML text, as openpyxl would.

openpyxl spends about 8 µs on each cell of a write-only sheet (a cell object, type checks, an
XML element per cell); a national workbook has 1.8 million cells, so that alone took longer
than the whole export may. :class:`RowsPart` writes the same ``<row>`` and ``<c>`` elements
(inline strings, numbers as ``%.16g``, booleans, dates as Excel serials with their column's
number format) as text into a part file beside the target, and :func:`splice` puts them into
the sheet's own part once openpyxl has closed it (its header rows, then these rows, then its
tail: auto-filter, margins). openpyxl still writes everything else: the header cells, the
styles (each column's number format is registered the first time a cell uses it, in the order
openpyxl itself would), the workbook. tests/exports/test_xlsx_rows.py compares the sheet XML
with openpyxl's own, byte for byte.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

SHEET_DATA_END = b"</sheetData>"
_ILLEGAL = re.compile(r"[\000-\010\013\014\016-\037]")  # as openpyxl's ILLEGAL_CHARACTERS_RE
_MAX_TEXT = 32767  # Excel's longest cell text; openpyxl cuts a longer one there
_INFINITY = float("inf")
_CACHED_TEXT = 200  # texts up to this length are serialised once (while cached)
_CACHE_SIZE = 20_000  # distinct texts kept: "Ya", names, words recur; respondent ids do not


def _escape(text: str) -> str:
    """Escape text as ElementTree does in element content (&, <, > only)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _text_cell_tail(text: str) -> str:
    """Return what follows ``<c r="A1"`` for an inline text cell."""
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    text = text[:_MAX_TEXT]
    if not text:
        return ' t="inlineStr" />'  # an empty element, as ElementTree writes it
    stripped = text.strip()
    space = ' xml:space="preserve"' if stripped and stripped != text else ""
    return f' t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'


def _number(value: Any) -> str:
    """Return ``<v>`` of a number, as openpyxl writes it (NaN and infinity: empty)."""
    if value != value or value in (_INFINITY, -_INFINITY):
        return "<v />"
    return f"<v>{value:.16g}</v>"


class RowsPart:
    """The data rows of one sheet, written as XML text into ``path`` (beside the target).

    ``styled`` holds, per column, the openpyxl cell carrying that column's number format (or
    None): a number or date in that column is written with its style, as openpyxl writes such a
    cell. Other values are written unstyled. Every text is written as text, never a formula;
    control characters (which Excel cannot store) are dropped.
    """

    def __init__(self, path: Path, first_row: int, styled: list[Any]):
        self.path = path
        self.row = first_row
        self._styled = styled
        self._style_ids: list[str | None] = [None] * len(styled)
        self._opened: list[str] = []  # per column: '<c r="B', its cells' start
        self._has_format: list[bool] = []
        self._letter(len(styled) - 1)
        self._texts: dict[str, str] = {}
        self._epoch = None
        self._dates: dict[date, str] = {}
        self._stream = open(  # noqa: SIM115 (closed by close())
            path, "w", encoding="utf-8", newline="", buffering=1024 * 1024
        )

    def _letter(self, index: int) -> None:
        """Know the columns up to ``index``: the start of their cells, whether formatted."""
        from openpyxl.utils import get_column_letter

        while len(self._opened) <= index:
            number = len(self._opened)
            self._opened.append(f'<c r="{get_column_letter(number + 1)}')
            self._has_format.append(number < len(self._styled) and self._styled[number] is not None)

    def _style(self, index: int) -> str:
        """Return ' s="N"' of column ``index``, registering its style on first use."""
        sid = self._style_ids[index]
        if sid is None:
            sid = self._style_ids[index] = f' s="{self._styled[index].style_id}"'
        return sid

    def _date(self, value: date) -> str:
        serial = self._dates.get(value)
        if serial is None:
            from openpyxl.utils.datetime import to_excel

            epoch = self._styled_epoch()
            serial = self._dates[value] = _number(to_excel(value, epoch))
        return serial

    def _styled_epoch(self) -> Any:
        if self._epoch is None:
            from openpyxl.utils.datetime import WINDOWS_EPOCH

            cell = next((c for c in self._styled if c is not None), None)
            self._epoch = cell.parent.parent.epoch if cell is not None else WINDOWS_EPOCH
        return self._epoch

    def append(self, values: list[Any]) -> None:
        """Write one row of plain values (str, int, float, bool, date, None)."""
        r = str(self.row)
        out = [f'<row r="{r}">']
        texts = self._texts
        opened = self._opened
        if len(values) > len(opened):
            self._letter(len(values) - 1)
        for index, value in enumerate(values):
            if value is None:
                continue
            kind = type(value)
            if kind is str:
                tail = texts.get(value)
                if tail is None:
                    tail = _text_cell_tail(value)
                    if len(value) <= _CACHED_TEXT:
                        if len(texts) >= _CACHE_SIZE:
                            texts.clear()  # ids are unique: memory must not grow with rows
                        texts[value] = tail
                out.append(f"{opened[index]}{r}\"{tail}")
            elif kind is int or kind is float:
                style = self._style(index) if self._has_format[index] else ""
                out.append(f'{opened[index]}{r}"{style} t="n">{_number(value)}</c>')
            elif kind is bool:
                out.append(f'{opened[index]}{r}" t="b"><v>{int(value)}</v></c>')
            elif kind is date and self._has_format[index]:
                out.append(f'{opened[index]}{r}"{self._style(index)} t="n">{self._date(value)}</c>')
            elif kind is datetime or kind is date:
                # No column format to show it with: written as its ISO text (never the case in
                # the export's tables, whose date columns all have one).
                out.append(f"{opened[index]}{r}\"{_text_cell_tail(value.isoformat())}")
            else:
                out.append(f"{opened[index]}{r}\"{_text_cell_tail(str(value))}")
        out.append("</row>")
        self._stream.write("".join(out))
        self.row += 1

    def close(self) -> None:
        """Flush and close the part file."""
        self._stream.close()

    def remove(self) -> None:
        """Close and remove the part file (it may hold personal data)."""
        with contextlib.suppress(Exception):
            self._stream.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)


def splice(sheet_part: str | Path, rows: RowsPart) -> None:
    """Put ``rows`` into the closed sheet part file, before its ``</sheetData>``.

    The sheet part holds only the header rows and the tail (a few KB), so it is read whole;
    the rows are copied in after them. The rows part is removed, whatever happens.
    """
    try:
        rows.close()
        target = Path(sheet_part)
        content = target.read_bytes()
        cut = content.rfind(SHEET_DATA_END)
        if cut < 0:  # openpyxl writes an empty sheet as <sheetData /> (never with a header)
            raise ValueError(f"no </sheetData> in {target.name}")
        with target.open("wb") as sink:
            sink.write(content[:cut])
            with rows.path.open("rb") as source:
                shutil.copyfileobj(source, sink, 1024 * 1024)
            sink.write(content[cut:])
    finally:
        rows.remove()
