"""Reading untrusted workbooks and CSV files: every malformed input is refused with a code, quickly."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from datetime import datetime

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerdesk.domain.errors import DomainError
from partnerdesk.messages import MESSAGES
from partnerdesk.reports.xlsx_safe import CellError, Formula, read_table
from tests.unit.reports.helpers import xlsx_bytes

SHEET = "xl/worksheets/sheet1.xml"


def refused(code: str, source, **kw) -> DomainError:  # noqa: ANN001
    with pytest.raises(DomainError) as info:
        read_table(source, **kw)
    assert info.value.code == code, info.value
    return info.value


def rezip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """A copy of a workbook with some parts replaced or added."""
    replace = dict(replace or {})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.pop(info.filename, None) or src.read(info))
        for name, payload in replace.items():
            dst.writestr(name, payload)
    return out.getvalue()


def flag_encrypted(data: bytes) -> bytes:
    """Set the 'encrypted' bit in every central directory entry (as a password-protected zip has)."""
    out = bytearray(data)
    at = out.find(b"PK\x01\x02")
    while at != -1:
        out[at + 8] |= 0x1
        at = out.find(b"PK\x01\x02", at + 4)
    return bytes(out)


def sheet_xml(rows_xml: str, dimension: str = "A1") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{rows_xml}</sheetData>'
            f"</worksheet>").encode()


BASE = xlsx_bytes([["名称"], ["甲"]])


# --- what is read ----------------------------------------------------------------------------------------

def test_headers_normalised_empty_rows_skipped_cells_typed():
    data = xlsx_bytes([[" 名称 ", "统一社会信用代码", "ＵＳＣＣ\n"], [], [None, "  "],
                       ["甲", 1.10105199001011e17, "=SUM(1,2)"], ["乙", datetime(2026, 3, 5), "#N/A"]])
    table = read_table(data)
    assert table.sheet == "合伙人"
    assert table.headers == ["名称", "统一社会信用代码", "USCC"]
    assert [r.row_no for r in table.rows] == [4, 5]
    first, second = table.rows
    assert isinstance(first.cells[1], float)  # a numeric ID cell arrives as a number: the parser refuses it
    assert isinstance(first.cells[2], Formula) and first.cells[2] == "=SUM(1,2)"
    assert second.cells[1] == datetime(2026, 3, 5)
    assert isinstance(second.cells[2], CellError)


def test_formula_kinds_are_formulas_never_values():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["a", "b"])
    ws["A2"] = "=1+1"
    ws["B2"] = openpyxl.worksheet.formula.ArrayFormula("B2:B2", "=SUM(A1:A2)")
    buf = io.BytesIO()
    wb.save(buf)
    cells = read_table(buf.getvalue()).rows[0].cells
    assert all(isinstance(c, Formula) and c.startswith("=") for c in cells)


def test_first_visible_sheet_or_named_sheet():
    wb = openpyxl.Workbook()
    wb.active.title = "hidden"
    wb.active.append(["x"])
    wb.active.sheet_state = "hidden"
    wb.create_sheet("合伙人").append(["名称"])
    wb.create_sheet("其他").append(["备注"])
    buf = io.BytesIO()
    wb.save(buf)
    assert read_table(buf.getvalue()).sheet == "合伙人"
    assert read_table(buf.getvalue(), sheet="其他").headers == ["备注"]
    refused("import.sheet_missing", buf.getvalue(), sheet="没有")


def test_path_source(tmp_path):
    path = tmp_path / "导入.xlsx"
    path.write_bytes(BASE)
    assert read_table(path).rows[0].cells == ["甲"]
    refused("import.unreadable", tmp_path / "missing.xlsx")


# --- CSV --------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_csv_encodings(encoding):
    text = "名称,统一社会信用代码\r\n石油路便民店,９１５０\r\n\r\n,\r\n张三,\r\n"
    table = read_table(text.encode(encoding))
    assert table.headers == ["名称", "统一社会信用代码"]
    assert [r.cells for r in table.rows] == [["石油路便民店", "９１５０"], ["张三"]]


def test_csv_rare_characters_gb18030_and_delimiters(tmp_path):
    assert read_table("名称\n𠈌溪😀\n".encode("gb18030")).rows[0].cells == ["𠈌溪😀"]
    assert read_table("名称;地址\n甲;乙\n".encode()).rows[0].cells == ["甲", "乙"]
    assert read_table("名称\t地址\n甲\t乙\n".encode()).rows[0].cells == ["甲", "乙"]
    path = tmp_path / "list.csv"
    path.write_bytes('名称,备注\n"甲","多行\n备注, 有逗号"\n'.encode("gbk"))
    table = read_table(path)
    assert table.sheet == "list" and table.rows[0].cells == ["甲", "多行\n备注, 有逗号"]


def test_csv_cells_are_text_not_formulas():
    cell = read_table(b"a\n=1+1\n").rows[0].cells[0]
    assert cell == "=1+1" and not isinstance(cell, Formula)


def test_csv_undecodable_and_broken():
    refused("import.csv_encoding", b"name\n\x81\x30\xff\xff\n")
    refused("import.damaged", b'a\n"' + b"x" * 200_000 + b'"\n')  # a field longer than the csv module allows


# --- refused before any parser runs -----------------------------------------------------------------------

@pytest.mark.parametrize("payload", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n\x00\x01",
                                     bytes(range(256)) * 4])
def test_renamed_binary_file(payload, tmp_path):
    refused("import.not_xlsx", payload)
    path = tmp_path / "partners.xlsx"
    path.write_bytes(payload)
    refused("import.not_xlsx", path)


def test_text_renamed_to_xlsx_and_other_zips(tmp_path):
    path = tmp_path / "partners.xlsx"
    path.write_text("<html><table><tr><td>名称</td></tr></table></html>", encoding="utf-8")
    refused("import.not_xlsx", path)
    docx = io.BytesIO()
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<document/>")
    refused("import.not_xlsx", docx.getvalue())


def test_compound_files_legacy_and_encrypted():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    refused("import.legacy_xls", ole + "Workbook".encode("utf-16-le"))
    refused("import.encrypted", ole + "EncryptionInfo".encode("utf-16-le") + "EncryptedPackage".encode("utf-16-le"))


def test_zip_level_encryption_flag():
    refused("import.encrypted", flag_encrypted(BASE))


def test_too_large_bytes_and_path(tmp_path):
    refused("import.too_large", BASE, max_bytes=len(BASE) - 1)
    path = tmp_path / "big.xlsx"
    path.write_bytes(BASE)
    err = refused("import.too_large", path, max_bytes=1024)
    assert err.params == {"max_mb": 0}


@pytest.mark.parametrize("payload", [b"", b"   \n\t", "".encode("utf-8-sig"), "\n\n".encode("utf-16")])
def test_empty_files(payload):
    refused("import.empty", payload)


def test_empty_sheet():
    refused("import.empty", xlsx_bytes([]))
    refused("import.empty", xlsx_bytes([[None, "  "], []]))
    assert read_table(xlsx_bytes([["名称"]])).rows == []  # headers only: the parser says "no data"


def test_truncated_and_garbled_workbooks():
    refused("import.damaged", BASE[: len(BASE) // 2])
    refused("import.damaged", rezip(BASE, {SHEET: b"<worksheet><sheetData><row><c>"}))
    refused("import.damaged", rezip(BASE, {"xl/workbook.xml": b"not xml at all"}))
    refused("import.damaged", rezip(BASE, {"xl/_rels/workbook.xml.rels": b"<Relationships/>"}))  # openpyxl fails
    refused("import.empty", rezip(BASE, {"xl/workbook.xml": b"<workbook/>"}))  # no sheet at all


def test_zip_bomb_huge_member_refused_fast_with_little_memory():
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf, zipfile.ZipFile(io.BytesIO(BASE)) as src:
        for info in src.infolist():
            if info.filename != SHEET:
                zf.writestr(info.filename, src.read(info))
        with zf.open(SHEET, "w", force_zip64=True) as fh:
            chunk = b" " * (1 << 20)
            for _ in range(250):
                fh.write(chunk)
    data = bomb.getvalue()
    assert len(data) < 2_000_000
    tracemalloc.start()
    started = time.perf_counter()
    try:
        refused("import.zip_bomb", data)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.perf_counter() - started < 1.0
    assert peak < 20_000_000


def test_zip_bomb_by_ratio_and_by_member_count():
    refused("import.zip_bomb", rezip(BASE, {"xl/media/blank.bin": b"\0" * (12 << 20)}))
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as zf:
        for i in range(10_001):
            zf.writestr(f"xl/x{i}.bin", b"")
    refused("import.zip_bomb", many.getvalue())


def test_dtd_and_entities_refused():
    laughs = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
              '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
              '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>')
    refused("import.unsafe_xml", rezip(BASE, {SHEET: laughs.encode()}))
    external = '<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><sst/>'
    refused("import.unsafe_xml", rezip(BASE, {"xl/sharedStrings.xml": external.encode()}))


def test_row_number_and_cells_per_row_beyond_excel_limits():
    far = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row><row r="5000000"/>')
    refused("import.damaged", rezip(BASE, {SHEET: far}))
    wide = sheet_xml('<row r="1">' + "<c/>" * 16_385 + "</row>")
    refused("import.damaged", rezip(BASE, {SHEET: wide}))


def test_bogus_dimension_and_far_rows_stay_fast():
    body = ('<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c></row>'
            '<row r="1000000"><c r="A1000000" t="inlineStr"><is><t>甲</t></is></c></row>')
    data = rezip(BASE, {SHEET: sheet_xml(body, dimension="A1:XFD1048576")})
    started = time.perf_counter()
    table = read_table(data)
    assert time.perf_counter() - started < 5
    assert [(r.row_no, r.cells) for r in table.rows] == [(1_000_000, ["甲"])]


def test_too_many_rows_and_columns():
    data = xlsx_bytes([["名称"]] + [[f"p{i}"] for i in range(1001)], write_only=True)
    err = refused("import.too_many_rows", data, max_rows=1000)
    assert err.params == {"max": 1000}
    assert len(read_table(data, max_rows=1001).rows) == 1001
    refused("import.too_many_cols", xlsx_bytes([["名称"], [None] * 60 + ["x"]]))
    assert read_table(xlsx_bytes([["名称"], ["a"] + [None] * 80])).rows[0].cells == ["a"]
    refused("import.too_many_cols", ("名称" + "," * 70 + "x\n").encode())


@pytest.mark.slow
def test_default_row_limit_with_a_generated_file():
    data = xlsx_bytes(([f"p{i}"] for i in range(100_002)), write_only=True)
    started = time.perf_counter()
    refused("import.too_many_rows", data)
    assert time.perf_counter() - started < 30


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=len(BASE) - 1), st.integers(0, 255)), min_size=1,
                max_size=8))
def test_corrupted_bytes_only_ever_give_a_table_or_a_refusal(flips):
    data = bytearray(BASE)
    for at, value in flips:
        data[at] = value
    try:
        read_table(bytes(data))
    except DomainError as err:
        assert err.code in MESSAGES, err


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_only_ever_give_a_table_or_a_refusal(data):
    try:
        read_table(data)
    except DomainError as err:
        assert err.code in MESSAGES, err


def test_zip_needing_a_newer_zip_version_is_refused_as_damaged():
    """Found by hypothesis: a central-directory entry asking for zip 6.4 made zipfile raise NotImplementedError."""
    data = bytearray(BASE)
    central = data.index(b"PK\x01\x02")
    data[central + 6] = 64  # "version needed to extract"
    refused("import.damaged", bytes(data))
