"""Safe reading of untrusted workbooks (.xlsx) and CSV files.

Everything is checked before a parser sees it, so time and memory stay bounded: the file size, the zip
directory (declared sizes, compression ratio, encryption), every XML part's prolog (no DTD, so no entity
expansion) and each worksheet's shape (row numbers, cells per row) in one streaming pass that builds no
tree. Formulas are never evaluated: a formula cell arrives as a :class:`Formula` (its text, starting
with "="), an error cell as a :class:`CellError`. Problems raise ``DomainError("import.…")``.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

import openpyxl
from openpyxl.cell.read_only import EMPTY_CELL

from ..domain.errors import DomainError

MB = 1024 * 1024
MAX_BYTES = 20 * MB
MAX_ROWS = 100_000
MAX_COLS = 60
MAX_UNCOMPRESSED = 200 * MB  # declared total of all zip members
MAX_RATIO = 100  # for members bigger than BIG_MEMBER
BIG_MEMBER = 10 * MB
MAX_MEMBERS = 10_000
MAX_CELLS_PER_ROW = 16_384  # Excel's column limit
MAX_SHEET_ROW = 1_048_576  # Excel's row limit
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: legacy .xls or an encrypted .xlsx
_EXCEL_SUFFIXES = {".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".et"}
_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class Formula(str):
    """The text of a formula cell (``"=SUM(A1:A3)"``). Never evaluated."""


class CellError(str):
    """An error cell such as ``#N/A`` or ``#REF!``."""


@dataclass(frozen=True)
class RawRow:
    row_no: int  # as the spreadsheet numbers it (1 = first line)
    cells: list[object]  # None, str, int, float, bool, datetime/date/time, Formula, CellError


@dataclass(frozen=True)
class Table:
    sheet: str
    headers: list[str]  # normalised with normalise_header
    rows: list[RawRow]  # fully empty rows skipped
    header_row: int = 1


def normalise_header(value: object) -> str:
    """Header text as compared: full-width folded to half-width (NFKC), white space collapsed and trimmed."""
    if value is None:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", str(value))).strip()


def is_blank(value: object) -> bool:
    return value is None or (type(value) is str and not value.strip())


@dataclass(frozen=True)
class Checked:
    """A file that passed every check made before a parser runs: size, kind (xlsx or csv), zip and XML safety."""

    data: bytes
    kind: str  # "xlsx" or "csv"
    name: str  # the file's stem ("" for bytes)


def check_file(source: bytes | Path | str, *, max_bytes: int = MAX_BYTES) -> Checked:
    """Refuse what is unreadable, too large, damaged, encrypted, an old .xls, renamed or a zip bomb (DomainError
    ``import.*``) without parsing a cell; the import does this before it takes its backup."""
    data, suffix, name = _load(source, max_bytes)
    kind = _sniff(data, suffix)
    if kind == "xlsx":
        _check_zip(data)
    return Checked(data, kind, name)


def read_table(source: bytes | Path | str | Checked, *, max_bytes: int = MAX_BYTES, max_rows: int = MAX_ROWS,
               max_cols: int = MAX_COLS, sheet: str | None = None) -> Table:
    """Read the first visible worksheet (or ``sheet``) of an .xlsx file, or a CSV file, into a Table.

    The first non-empty row gives the headers. Raises DomainError ``import.*`` for anything refused.
    """
    checked = source if isinstance(source, Checked) else check_file(source, max_bytes=max_bytes)
    if checked.kind == "csv":
        return _to_table(checked.name or "CSV", _csv_rows(checked.data, max_cols), max_rows, max_cols)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _read_xlsx(checked.data, sheet, max_rows, max_cols)


# --- the raw bytes ---------------------------------------------------------------------------------------

def _load(source: bytes | Path | str, max_bytes: int) -> tuple[bytes, str, str]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        suffix = name = ""
    else:
        path = Path(source)
        try:
            if path.stat().st_size > max_bytes:
                raise DomainError("import.too_large", max_mb=max_bytes // MB)
            with open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        except OSError as err:
            raise DomainError("import.unreadable", detail=err.strerror or type(err).__name__) from None
        suffix, name = path.suffix.lower(), path.stem
    if len(data) > max_bytes:
        raise DomainError("import.too_large", max_mb=max_bytes // MB)
    if not data.strip():
        raise DomainError("import.empty")
    return data, suffix, name


def _sniff(data: bytes, suffix: str) -> str:
    if data.startswith(_ZIP_MAGIC):
        return "xlsx"
    if data.startswith(_OLE_MAGIC):
        encrypted = "EncryptionInfo".encode("utf-16-le") in data or "EncryptedPackage".encode("utf-16-le") in data
        raise DomainError("import.encrypted" if encrypted else "import.legacy_xls")
    if suffix in _EXCEL_SUFFIXES or not _looks_like_text(data):
        raise DomainError("import.not_xlsx")
    return "csv"


def _looks_like_text(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in head:
        return False
    text = head.decode("latin-1")
    return len(_CONTROL.findall(text)) * 100 <= len(text)


# --- zip and XML checks, before any parser builds anything ---------------------------------------------

def _check_zip(data: bytes) -> None:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as err:
        raise DomainError("import.damaged", detail=type(err).__name__) from None
    _check_sizes(infos)
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise DomainError("import.not_xlsx")
    for info in infos:
        _check_member(zf, info)


def _check_sizes(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise DomainError("import.zip_bomb")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise DomainError("import.encrypted")
        total += info.file_size
        if info.file_size > BIG_MEMBER and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DomainError("import.zip_bomb")
    if total > MAX_UNCOMPRESSED:
        raise DomainError("import.zip_bomb")


def _check_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    if not info.filename.lower().endswith((".xml", ".rels", ".vml")):
        return
    try:
        with zf.open(info) as fh:
            _scan_xml(fh)
    except DomainError:
        raise
    except expat.ExpatError as err:
        raise DomainError("import.damaged", detail=f"XML: {expat.ErrorString(err.code)}") from None
    except Exception as err:  # zlib.error, BadZipFile, NotImplementedError (unknown compression), ...
        raise DomainError("import.damaged", detail=type(err).__name__) from None


class _XmlShape:
    """Streaming check of one XML part: no DTD (so no entity expansion); in a worksheet, row numbers and
    cells per row within Excel's limits (so no row is ever too big for memory)."""

    def __init__(self) -> None:
        self.worksheet: bool | None = None
        self.rows = 0
        self.cells = 0

    def start(self, name: str, attrs: dict) -> None:
        local = name.rpartition(":")[2]
        if self.worksheet is None:
            self.worksheet = local in ("worksheet", "dialogsheet")
        if not self.worksheet:
            return
        if local == "c":
            self.cells += 1
            if self.cells > MAX_CELLS_PER_ROW:
                raise DomainError("import.damaged", detail="too many cells in a row")
        elif local == "row":
            self.cells = 0
            self.rows += 1
            number = attrs.get("r", "")
            row_no = int(number) if number.isdigit() and len(number) < 10 else self.rows
            if row_no > MAX_SHEET_ROW or self.rows > MAX_SHEET_ROW:
                raise DomainError("import.damaged", detail="row number beyond Excel's limit")

    @staticmethod
    def refuse_dtd(*_args: object) -> None:
        raise DomainError("import.unsafe_xml")


def _scan_xml(fh: io.BufferedIOBase) -> None:
    shape = _XmlShape()
    parser = expat.ParserCreate()
    parser.StartElementHandler = shape.start
    parser.StartDoctypeDeclHandler = shape.refuse_dtd
    parser.EntityDeclHandler = shape.refuse_dtd
    parser.ParseFile(fh)


# --- rows ---------------------------------------------------------------------------------------------------

def _read_xlsx(data: bytes, sheet: str | None, max_rows: int, max_cols: int) -> Table:
    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False, keep_links=False)
    except Exception as err:  # openpyxl raises many kinds on broken parts
        raise DomainError("import.damaged", detail=type(err).__name__) from None
    try:
        ws = _pick_sheet(wb, sheet)
        ws.reset_dimensions()  # never trust the declared size: no padding up to a bogus last row
        return _to_table(ws.title, _sheet_rows(ws, max_cols), max_rows, max_cols)
    except DomainError:
        raise
    except Exception as err:
        raise DomainError("import.damaged", detail=type(err).__name__) from None
    finally:
        wb.close()


def _sheet_rows(ws, max_cols: int) -> Iterator[tuple[int, list[object]]]:  # noqa: ANN001 - read-only sheet
    gap = None  # openpyxl fills missing rows with one shared tuple of empty cells: skip it in O(1)
    for row_no, cells in enumerate(ws.iter_rows(min_row=1, max_col=max_cols + 1), start=1):
        if cells is gap:
            continue
        if all(c is EMPTY_CELL for c in cells):
            gap = cells
            continue
        yield row_no, [_cell_value(c) for c in cells]


def _pick_sheet(wb, sheet: str | None):  # noqa: ANN001, ANN202 - openpyxl workbook / read-only worksheet
    if sheet is not None:
        if sheet not in wb.sheetnames or wb[sheet] not in wb.worksheets:
            raise DomainError("import.sheet_missing", sheet=sheet)
        return wb[sheet]
    visible = [ws for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
    if not visible:
        raise DomainError("import.empty")
    return visible[0]


def _cell_value(cell) -> object:  # noqa: ANN001 - openpyxl ReadOnlyCell or EmptyCell
    value = cell.value
    kind = getattr(cell, "data_type", "n")
    if kind == "f":
        text = value if isinstance(value, str) else getattr(value, "text", None)
        return Formula(text if isinstance(text, str) and text else "=")
    if kind == "e":
        return CellError(str(value))
    return value


def _csv_rows(data: bytes, max_cols: int) -> Iterator[tuple[int, list[object]]]:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",\t;", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for n, row in enumerate(reader, start=1):
            if len(row) > max_cols and any(cell.strip() for cell in row[max_cols:]):
                raise DomainError("import.too_many_cols", max=max_cols, row=n)
            yield n, [cell if cell != "" else None for cell in row[:max_cols]]
    except csv.Error as err:
        raise DomainError("import.damaged", detail=f"CSV: {err}") from None


def _decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DomainError("import.csv_encoding") from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DomainError("import.csv_encoding")


def _to_table(title: str, rows: Iterable[tuple[int, list[object]]], max_rows: int, max_cols: int) -> Table:
    headers: list[str] | None = None
    header_row = 0
    body: list[RawRow] = []
    for row_no, cells in rows:
        while cells and is_blank(cells[-1]):
            cells.pop()
        if not cells:
            continue
        if len(cells) > max_cols:
            raise DomainError("import.too_many_cols", max=max_cols, row=row_no)
        if headers is None:
            headers, header_row = [normalise_header(c) for c in cells], row_no
            continue
        if len(body) >= max_rows:
            raise DomainError("import.too_many_rows", max=max_rows)
        body.append(RawRow(row_no, cells))
    if headers is None:
        raise DomainError("import.empty")
    return Table(title, headers, body, header_row)
