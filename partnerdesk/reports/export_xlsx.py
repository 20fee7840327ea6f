"""Streaming export of one table to .xlsx. Pure: rows in, a workbook file out.

openpyxl's write-only mode streams rows to a temporary file, so memory does not grow with the row count.
Text always stays text: openpyxl would turn a string starting with "=" into a formula (and "#N/A" into an
error), so such strings, and any starting with + - @, get a cell whose type is forced to string and whose
style carries Excel's quote prefix (so editing the cell later does not turn it into a formula either). Dates stay dates, Decimal amounts are
numbers formatted ``#,##0.00``, integers stay integers (except those too long for Excel's 15 digits).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ..fsutil import atomic_write

MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
TIME_FORMAT = "hh:mm"
MAX_EXACT_INT = 10**15  # Excel keeps 15 significant digits; longer integers are written as text
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XML 1.0
_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")
_FORCED = frozenset(ERROR_CODES)
_RISKY_START = frozenset("=+-@\t\r")  # what spreadsheet programs read as the start of a formula
_HEADER_FONT = Font(bold=True)
_HEADER_ALIGN = Alignment(vertical="center", wrap_text=True)


def write_table(target: Path | str | BinaryIO, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
                *, col_widths: Sequence[float] | None = None) -> None:
    """Write ``headers`` and ``rows`` to one sheet named after ``title``.

    A path is written atomically (temporary file in the same folder, fsync, rename); a binary stream is
    written in place. ``rows`` is consumed once, lazily.
    """
    if isinstance(target, (str, os.PathLike)):
        atomic_write(Path(target), lambda tmp: _write(tmp, title, headers, rows, col_widths))
    else:
        _write(target, title, headers, rows, col_widths)


def sheet_title(title: str) -> str:
    """A legal sheet name: no []:*?/\\, no leading or trailing apostrophe, at most 31 characters."""
    text = _SHEET_TITLE_BAD.sub("_", clean_string(title or "")).strip().strip("'")
    return text[:31] or "Sheet1"


def clean_string(text: str) -> str:
    """Characters XML 1.0 cannot hold (control characters, lone surrogates) become U+FFFD."""
    if not text.isascii():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = "".join("\ufffd" if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)
    return _ILLEGAL.sub("\ufffd", text) if _ILLEGAL.search(text) else text


def _write(dest: Path | BinaryIO, title: str, headers: Sequence[str], rows: Iterable[Sequence[object]],
           col_widths: Sequence[float] | None) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet_title(title))
    for index, width in enumerate(col_widths or (), start=1):
        if width:
            ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    try:
        ws.append([_header(ws, h) for h in headers])
        cell = _CellMaker(ws)
        for row in rows:
            ws.append([cell(v) for v in row])
        wb.save(dest)
    except BaseException:
        _discard(ws)
        raise


def _discard(ws) -> None:  # noqa: ANN001 - write-only worksheet
    """After a failure: close the row stream and delete openpyxl's temporary file (best effort)."""
    with contextlib.suppress(Exception):
        if not ws.closed:
            ws.close()
    writer = getattr(ws, "_writer", None)
    if writer is not None and os.path.exists(getattr(writer, "out", "")):
        with contextlib.suppress(Exception):
            writer.cleanup()


def _header(ws, text: object) -> WriteOnlyCell:  # noqa: ANN001 - write-only worksheet
    cell = _string_cell(ws, clean_string(str(text if text is not None else "")))
    cell.font = _HEADER_FONT
    cell.alignment = _HEADER_ALIGN
    return cell


def _string_cell(ws, text: str, quote: bool = False) -> WriteOnlyCell:  # noqa: ANN001
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"  # never 'f' (formula) or 'e' (error), whatever the text starts with
    if quote:
        cell.quotePrefix = True  # Excel keeps it text even when someone edits the cell later
    return cell


class _CellMaker:
    """Turns a Python value into what write-only append takes: the value itself, or a typed cell."""

    def __init__(self, ws) -> None:  # noqa: ANN001
        self.ws = ws

    def __call__(self, value: object) -> object:
        if value is None:
            return None
        kind = type(value)
        if kind is str:
            return self.text(value)
        if kind is int:
            return value if -MAX_EXACT_INT < value < MAX_EXACT_INT else _string_cell(self.ws, str(value))
        if kind is bool or kind is float:
            return value
        return self.other(value)

    def text(self, value: str) -> object:
        value = clean_string(value)
        if value[:1] in _RISKY_START or value in _FORCED:
            return _string_cell(self.ws, value, quote=True)
        return value

    def other(self, value: object) -> object:
        if isinstance(value, Decimal):
            return self.formatted(value, MONEY_FORMAT) if value.is_finite() else _string_cell(self.ws, str(value))
        if isinstance(value, datetime):
            naive = value.astimezone().replace(tzinfo=None) if value.tzinfo else value
            return self.formatted(naive, DATETIME_FORMAT)
        if isinstance(value, date):
            return self.formatted(value, DATE_FORMAT)
        if isinstance(value, time):
            return self.formatted(value.replace(tzinfo=None), TIME_FORMAT)
        if isinstance(value, (int, float)):  # bool, IntEnum and other subclasses
            return self(int(value) if isinstance(value, int) else float(value))
        return _string_cell(self.ws, clean_string(str(value)))

    def formatted(self, value: object, number_format: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value=value)
        cell.number_format = number_format
        return cell
