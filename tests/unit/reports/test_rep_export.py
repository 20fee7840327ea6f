"""Export: hostile text stays text, types are kept, files appear atomically, memory does not grow with rows."""

from __future__ import annotations

import io
import tracemalloc
import zipfile
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from enum import Enum, IntEnum

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerdesk.reports.export_xlsx import clean_string, sheet_title, write_table
from partnerdesk.reports.xlsx_safe import Formula

HOSTILE = ["=cmd|' /C calc'!A0", "+1", "-1", "@SUM(1)", "=1+1", "=HYPERLINK(\"http://x\",\"y\")", "<img src=x>",
           "<b>粗</b>", "&amp; & <", "#N/A", "#REF!", "\t=1", "=", "'=1", "𠈌溪😀", " leading", "a\nb"]


def export(rows, headers=None, **kw) -> openpyxl.worksheet.worksheet.Worksheet:  # noqa: ANN001
    buf = io.BytesIO()
    write_table(buf, "导出", headers or ["列"] * max(len(r) for r in rows), rows, **kw)
    return openpyxl.load_workbook(io.BytesIO(buf.getvalue())).active


def sheet_xml(path) -> str:  # noqa: ANN001
    with zipfile.ZipFile(path) as zf:
        return zf.read("xl/worksheets/sheet1.xml").decode()


def test_hostile_text_stays_text(tmp_path):
    path = tmp_path / "out.xlsx"
    write_table(path, "导出", HOSTILE, [HOSTILE])
    ws = openpyxl.load_workbook(path).active
    for header, cell in zip(ws[1], ws[2], strict=True):
        assert header.data_type == "s" and header.value == cell.value
    for text, cell in zip(HOSTILE, ws[2], strict=True):
        assert (cell.data_type, cell.value) == ("s", text)
        assert cell.quotePrefix == (text[0] in "=+-@\t" or text in ("#N/A", "#REF!"))
    assert "<f>" not in sheet_xml(path) and "<f " not in sheet_xml(path)


def _plain(text: str) -> bool:
    """Text that survives XML as is (XML folds CR into LF) and that openpyxl reads back unchanged."""
    return text == clean_string(text) and "\r" not in text and text.strip() == text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.text(min_size=1, max_size=30).filter(_plain), max_size=8))
def test_any_text_round_trips_as_text(texts):
    ws = export([texts or ["x"]])
    values = [c.value for c in ws[2]] if texts else []
    assert values == texts
    assert all(c.data_type == "s" for c in ws[2]) or not texts


def test_types_dates_money_ints():
    row = [date(2026, 3, 5), datetime(2026, 3, 5, 14, 30), Decimal("1234567.80"), Decimal("-0.05"), 42, True, 1.5,
           None, 12345678901234567890, time(9, 15), datetime(2026, 1, 1, 8, tzinfo=timezone(timedelta(hours=8))),
           Decimal("NaN"), Formula("=1+1")]
    cells = export([row])[2]
    assert (cells[0].value, cells[0].number_format, cells[0].is_date) == (datetime(2026, 3, 5), "yyyy-mm-dd", True)
    assert cells[1].value == datetime(2026, 3, 5, 14, 30) and cells[1].number_format == "yyyy-mm-dd hh:mm"
    assert (cells[2].value, cells[2].data_type, cells[2].number_format) == (1234567.8, "n", "#,##0.00")
    assert cells[3].value == -0.05 and cells[3].number_format == "#,##0.00"
    assert (cells[4].value, cells[4].data_type) == (42, "n")
    assert (cells[5].value, cells[6].value, cells[7].value) == (True, 1.5, None)
    assert (cells[8].value, cells[8].data_type) == ("12345678901234567890", "s")  # would lose digits as a number
    assert cells[9].value == time(9, 15)
    assert cells[10].is_date and cells[10].value.tzinfo is None
    assert cells[11].value == "NaN" and cells[12].value == "=1+1" and cells[12].data_type == "s"


def test_other_objects_and_illegal_characters():
    class Colour(Enum):
        RED = "红"

    class Level(IntEnum):
        HIGH = 3

    cells = export([[Colour.RED, Level.HIGH, "a\x00b\x1fc", "bad\ud800surrogate", "x" * 40_000]])[2]
    assert cells[0].value == "Colour.RED" and cells[1].value == 3
    assert cells[2].value == "a\ufffdb\ufffdc" and cells[3].value == "bad\ufffdsurrogate"
    assert len(cells[4].value) == 32767  # Excel's limit per cell


def test_sheet_title_widths_frozen_header(tmp_path):
    assert sheet_title("报表/2026[Q1]:*?") == "报表_2026_Q1____"
    assert sheet_title("") == "Sheet1" and len(sheet_title("长" * 40)) == 31 and sheet_title("'x'") == "x"
    path = tmp_path / "w.xlsx"
    write_table(path, "合伙人名单", ["名称", "号码"], [["甲", "1"]], col_widths=[30, 12.5])
    ws = openpyxl.load_workbook(path).active
    assert ws.title == "合伙人名单" and ws.freeze_panes == "A2" and ws["A1"].font.b
    assert ws.column_dimensions["A"].width == 30 and ws.column_dimensions["B"].width == 12.5


def test_path_target_is_atomic(tmp_path):
    path = tmp_path / "sub" / "out.xlsx"
    write_table(path, "t", ["a"], [["old"]])
    before = path.read_bytes()

    def rows():
        yield ["new"]
        raise OSError("disk full")

    with pytest.raises(OSError):
        write_table(path, "t", ["a"], rows())
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["out.xlsx"]  # no temporary file left behind


def _peak(n_rows: int, path) -> int:  # noqa: ANN001
    rows = ((i, f"合伙人{i}", Decimal(i) / 100, date(2026, 1, 1), "=x") for i in range(n_rows))
    tracemalloc.start()
    try:
        write_table(path, "t", ["a", "b", "c", "d", "e"], rows)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_rows(tmp_path):
    small, large = _peak(1_000, tmp_path / "s.xlsx"), _peak(10_000, tmp_path / "l.xlsx")
    assert large < small * 1.2 + 100_000, (small, large)


def test_failure_leaves_no_openpyxl_temporary_file():
    from openpyxl.worksheet._writer import ALL_TEMP_FILES

    before = list(ALL_TEMP_FILES)

    def rows():
        yield ["a"]
        raise RuntimeError("source failed")

    with pytest.raises(RuntimeError):
        write_table(io.BytesIO(), "t", ["a"], rows())
    assert ALL_TEMP_FILES == before
