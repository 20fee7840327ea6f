"""Partner import parsing: every problem of every row, with its reason; never an exception on content."""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from datetime import time as dtime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partnerdesk.domain.errors import DomainError
from partnerdesk.messages import MESSAGES, message
from partnerdesk.reports.partner_import import COLUMNS, RowResult, parse_partners
from partnerdesk.reports.xlsx_safe import CellError, Formula, RawRow, Table, read_table
from tests.unit.reports.helpers import ZH_HEADERS, lookups, make_id, make_uscc, row, xlsx_bytes

EN_HEADERS = [en for _, en in COLUMNS.values()]


def parse(rows: list[list[object]], headers: list[str] = ZH_HEADERS, **kw):  # noqa: ANN201
    table = Table("合伙人", list(headers), [RawRow(n, list(r)) for n, r in enumerate(rows, start=2)])
    return parse_partners(table, lookups(**kw))


def codes(result: RowResult) -> list[str]:
    return [code for code, _ in result.problems]


def org(seq: int = 1, **kw) -> list[object]:
    fields = {"type": "企业", "name": f"便民店{seq}", "uscc": make_uscc(seq), "communities": "石油路社区"} | kw
    return row(**fields)


def person(seq: int = 1, **kw) -> list[object]:
    fields = {"type": "居民能人", "name": f"张{seq}", "id_number": make_id(seq), "communities": "大坪社区"} | kw
    return row(**fields)


# --- accepted rows ------------------------------------------------------------------------------------------

def test_valid_rows_normalised():
    uscc = make_uscc(7)
    wide = uscc.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    pid = make_id(9, birth="19900307")
    rows = [org(7, uscc=f" {wide} ", contact_mobile="+86 138 0013 8000", domains="养老、便民服务，托育;养老",
                communities="石油路社区, 大坪", so_grade="ＡＡＡＡ级", grade_until=datetime(2027, 12, 31)),
            person(9, id_number=pid.lower(), contact_mobile=13800138001, address="  某某路   1号 ",
                   notes="第一行\n第二行 "),
            row(type="志愿服务队", name="𠈌溪志愿队😀", communities="𠈌溪社区😀"),
            row(type="志愿服务队", name="有代码的队", uscc=make_uscc(8), communities="石油路社区")]
    preview = parse(rows)
    assert preview.ok, [r.problems for r in preview.rows]
    a, b, c, d = preview.require_ok()
    assert (a.type_code, a.uscc, a.contact_mobile, a.community_ids) == ("enterprise", uscc, "13800138000", (1, 2))
    assert a.domain_codes == ("elderly", "convenience", "childcare")
    assert (a.so_grade, a.so_grade_valid_until) == ("4A", date(2027, 12, 31))
    assert (b.id_number, b.contact_mobile, b.address, b.notes) == (pid, "13800138001", "某某路 1号", "第一行\n第二行")
    assert (c.name, c.uscc, c.id_number, c.community_ids) == ("𠈌溪志愿队😀", "", "", (3,))
    assert d.uscc == make_uscc(8)
    assert preview.columns == tuple(COLUMNS)


def test_english_and_messy_headers_and_a_title_row():
    preview = parse([org(1)], headers=EN_HEADERS)
    assert preview.ok
    messy = [h.upper() if h.isascii() else h for h in EN_HEADERS]
    assert parse([org(1)], headers=messy).ok
    starred = [f"{h}*" if k in ("type", "name") else h for k, h in zip(COLUMNS, ZH_HEADERS, strict=True)]
    assert parse([org(1)], headers=starred).ok
    table = Table("合伙人", ["2026年石油路街道合伙人名单"],
                  [RawRow(2, ["序号"] + ZH_HEADERS), RawRow(3, [1] + org(1)), RawRow(4, [2] + person(2))])
    preview = parse_partners(table, lookups())
    assert preview.ok and preview.header_row == 2 and [r.row_no for r in preview.rows] == [3, 4]


@pytest.mark.parametrize("text", ["2027-12-31", "2027/12/31", "2027/1/5", "2027年1月5日", "２０２７年１月５日",
                                  "2027.1.5", "2027-01-05 00:00:00"])
def test_date_text_formats(text):
    preview = parse([org(1, so_grade="5A", grade_until=text)])
    assert preview.ok, preview.rows[0].problems
    assert preview.valid_inputs[0].so_grade_valid_until.year == 2027


# --- header problems: no row is accepted ----------------------------------------------------------------

def test_missing_unknown_duplicate_and_unnamed_columns():
    headers = [h for h in ZH_HEADERS if h != "服务社区"]
    preview = parse([org(1)[:8] + org(1)[9:]], headers=headers)
    assert not preview.ok and preview.rows == () and preview.valid_inputs == ()
    assert preview.header_problems == (("import.missing_column", {"column": "服务社区"}),)
    preview = parse([org(1) + ["x", "y"]], headers=ZH_HEADERS + ["电话号码", "名称"])
    assert [c for c, _ in preview.header_problems] == ["import.unknown_column", "import.duplicate_column"]
    preview = parse([org(1) + [None, "data"]], headers=ZH_HEADERS)
    assert preview.header_problems == (("import.unnamed_column", {"column": "P"}),)
    with pytest.raises(DomainError) as info:
        preview.require_ok()
    assert info.value.code == "import.unnamed_column"


def test_wrong_file_and_empty_body():
    preview = parse([["a", "b"]], headers=["日期", "金额"])
    assert {c for c, _ in preview.header_problems} == {"import.unknown_column", "import.missing_column"}
    assert parse([]).header_problems == (("import.empty", {}),)


# --- row problems: each with its reason --------------------------------------------------------------------

def test_every_problem_of_a_row_is_reported():
    bad = row(type="居民能人", name="", id_number=1.10105199001011e17, uscc=make_uscc(1),
              contact_mobile="12345", communities="石油路社区、火星社区", domains="跳舞", so_grade="6A",
              grade_until="明年", address=Formula("=HYPERLINK(\"http://x\")"), notes=CellError("#REF!"))
    result = parse([bad]).rows[0]
    assert result.input is None
    assert codes(result) == ["partner.name_required", "resident_id.numeric_cell", "mobile.invalid",
                             "import.formula", "import.error_cell", "import.unknown_community",
                             "import.unknown_domain", "partner.bad_grade", "import.bad_date",
                             "partner.uscc_for_individual"]
    params = dict(result.problems)
    assert params["resident_id.numeric_cell"] == {"value": "1.10105199001011e+17", "column": "身份证号码"}
    assert params["import.unknown_community"] == {"name": "火星社区", "column": "服务社区"}
    assert params["import.formula"]["column"] == "地址"


@pytest.mark.parametrize("fields, expected", [
    ({"uscc": 9.15e17}, "uscc.numeric_cell"),
    ({"uscc": "915000000000000019"}, "uscc.checksum"),
    ({"uscc": "ABC"}, "uscc.invalid"),
    ({"uscc": Formula("=A1")}, "import.formula"),
    ({"contact_mobile": 1.38e10}, "mobile.numeric_cell"),
    ({"type": "外星组织"}, "partner.bad_type"),
    ({"type": None}, "import.required"),
    ({"communities": None}, "partner.community_required"),
    ({"communities": "、"}, "partner.community_required"),
    ({"name": "名" * 201}, "partner.name_too_long"),
    ({"grade_until": 46022}, "import.bad_date"),
    ({"grade_until": "2027-02-30"}, "import.bad_date"),
    ({"grade_until": dtime(8, 0)}, "import.bad_date"),
    ({"id_number": make_id(3)}, "partner.id_for_organisation"),
    ({"uscc": None}, "partner.uscc_required"),
])
def test_single_field_problems(fields, expected):
    result = parse([org(1, **fields)]).rows[0]
    assert codes(result) == [expected] and result.input is None


def test_individual_needs_a_valid_id():
    assert codes(parse([person(1, id_number=None)]).rows[0]) == ["partner.id_required"]
    pid = make_id(1)
    assert codes(parse([person(1, id_number=pid[:-1] + ("0" if pid[-1] != "0" else "1"))]).rows[0]) == [
        "resident_id.checksum"]
    assert codes(parse([person(1, id_number=int(pid[:-1] + "0"))]).rows[0]) == ["resident_id.numeric_cell"]


def test_duplicates_in_file_name_the_earlier_row_and_existing_are_refused():
    uscc, pid = make_uscc(1), make_id(1)
    rows = [org(1), person(1), org(2, uscc=uscc.lower()), person(2, id_number=f" {pid} "), org(3), person(3)]
    preview = parse(rows, existing_uscc=frozenset({make_uscc(3)}), existing_ids=frozenset({make_id(3)}))
    assert [codes(r) for r in preview.rows] == [[], [], ["import.duplicate_in_file"], ["import.duplicate_in_file"],
                                                ["import.duplicate_existing"], ["import.duplicate_existing"]]
    assert preview.rows[2].problems[0][1] == {"number": uscc, "row": 2, "column": "统一社会信用代码"}
    assert preview.rows[3].problems[0][1]["row"] == 3
    assert [r.row_no for r in preview.rejected] == [4, 5, 6, 7]
    assert len(preview.valid_inputs) == 2 and not preview.ok
    with pytest.raises(DomainError) as info:
        preview.require_ok()
    assert (info.value.code, info.value.params) == ("import.rejected", {"rows": 4, "total": 6})


def test_community_name_without_suffix_and_codes_accepted():
    preview = parse([org(1, communities="石油路", type="enterprise", domains="elderly")])
    assert preview.ok and preview.valid_inputs[0].community_ids == (1,)


def test_domain_has_the_last_word(monkeypatch):
    """A rule only the domain knows still rejects the row (here: a stricter validate)."""
    import partnerdesk.reports.partner_import as mod

    def strict(data, ptype, may_override=False):  # noqa: ANN001, ANN202
        raise DomainError("partner.bad_grade", grade="x")

    monkeypatch.setattr(mod, "validate", strict)
    assert dict(parse([org(1)]).rows[0].problems)["partner.bad_grade"] == {"grade": "x"}


# --- never an exception, whatever the cells hold -------------------------------------------------------------

_cells = st.one_of(
    st.none(), st.text(max_size=40), st.text(alphabet="0123456789０１２３xX 、,，;；-+", max_size=22),
    st.integers(min_value=-10**20, max_value=10**20), st.floats(allow_nan=True), st.booleans(),
    st.datetimes(), st.dates(), st.times(), st.builds(Formula, st.text(max_size=10).map(lambda t: "=" + t)),
    st.builds(CellError, st.sampled_from(["#N/A", "#REF!", "#VALUE!"])),
    st.sampled_from(["企业", "居民能人", "志愿服务队", "石油路社区", "养老", "5A", make_uscc(1), make_id(1)]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(_cells, min_size=0, max_size=14), min_size=1, max_size=6))
def test_random_cells_only_ever_give_row_problems(rows):
    preview = parse(rows)
    assert not preview.header_problems
    for result in preview.rows:
        assert (result.input is None) == bool(result.problems)
        for code, params in result.problems:
            assert code in MESSAGES and code != "import.row_failed", (code, params)
            message(code, params)
            message(code, params, "en")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=12), st.sampled_from(ZH_HEADERS + EN_HEADERS)), max_size=20),
       st.lists(st.lists(_cells, max_size=20), max_size=4))
def test_random_headers_never_raise(headers, rows):
    table = Table("s", headers, [RawRow(n, r) for n, r in enumerate(rows, start=2)])
    preview = parse_partners(table, lookups())
    assert all(code in MESSAGES for code, _ in preview.header_problems)


def test_every_code_the_reports_use_has_a_message():
    source = "".join(p.read_text(encoding="utf-8") for p in
                     (Path(__file__).parents[3] / "partnerdesk" / "reports").glob("*.py"))
    used = set(re.findall(r'"((?:import|partner|uscc|resident_id|mobile)\.[a-z_]+)"', source))
    assert used and not used - set(MESSAGES)


# --- a whole file, and speed ------------------------------------------------------------------------------------

def _file_rows(n: int) -> list[list[object]]:
    rows = [ZH_HEADERS]
    for i in range(n):
        rows.append(org(i + 1, contact_mobile="13800138000", domains="养老、便民服务") if i % 2 else
                    person(i + 1, contact_mobile="13900139000", address="某某路 1 号"))
    return rows


def test_parse_5000_rows_well_under_5_seconds():
    data = xlsx_bytes(_file_rows(5000))
    started = time.perf_counter()
    table = read_table(data)
    read_s = time.perf_counter() - started
    preview = parse_partners(table, lookups())
    total_s = time.perf_counter() - started
    print(f"5,000 rows: read {read_s:.2f} s, read + parse {total_s:.2f} s")
    assert preview.ok and len(preview.valid_inputs) == 5000
    assert total_s < 5


def test_malformed_workbook_end_to_end_each_rejected_row_has_its_reason():
    pid, uscc = make_id(21), make_uscc(21)
    wide = uscc.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    rows = [ZH_HEADERS, org(21, uscc=wide), person(21, id_number=float(pid[:-1] + "1")),
            org(22, uscc="=CONCATENATE(\"9150\",\"0000\")"), org(23, uscc=uscc), person(22, id_number=pid),
            person(23, id_number=pid.lower())]
    preview = parse_partners(read_table(xlsx_bytes(rows)), lookups())
    assert [(r.row_no, codes(r)) for r in preview.rows] == [
        (2, []), (3, ["resident_id.numeric_cell"]), (4, ["import.formula"]), (5, ["import.duplicate_in_file"]),
        (6, []), (7, ["import.duplicate_in_file"])]
    assert preview.rows[5].problems[0][1]["row"] == 6
    with pytest.raises(DomainError):
        preview.require_ok()


def test_gbk_csv_end_to_end():
    lines = [",".join(ZH_HEADERS), ",".join(str(v or "") for v in org(31, communities="石油路社区")),
             ",".join(str(v or "") for v in person(32, communities="大坪社区"))]
    for encoding in ("gbk", "utf-8-sig"):
        preview = parse_partners(read_table("\r\n".join(lines).encode(encoding)), lookups())
        assert preview.ok and [p.name for p in preview.require_ok()] == ["便民店31", "张32"]
