"""The import template: exact headers, text-formatted number columns, drop-downs, instructions; round trip."""

from __future__ import annotations

import io
from datetime import date

import openpyxl

from partnerdesk.domain.partners import ORGANISATION, PartnerType
from partnerdesk.reports.partner_import import COLUMNS, Lookups, parse_partners
from partnerdesk.reports.partner_template import (
    DATA_SHEET,
    HELP_SHEET,
    LISTS_SHEET,
    build_template,
    column_letter,
    save_template,
)
from partnerdesk.reports.xlsx_safe import read_table
from tests.unit.reports.helpers import COMMUNITIES, DOMAINS, ZH_HEADERS, lookups, make_id, make_uscc


def saved(wb: openpyxl.Workbook) -> bytes:
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def reopen(wb: openpyxl.Workbook) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(saved(wb)))


def test_layout_headers_formats_and_no_example_row():
    wb = reopen(build_template(lookups()))
    assert wb.sheetnames == [DATA_SHEET, HELP_SHEET, LISTS_SHEET]
    assert wb[LISTS_SHEET].sheet_state == "hidden" and wb.active.title == DATA_SHEET
    ws = wb[DATA_SHEET]
    assert [c.value for c in ws[1]] == ZH_HEADERS
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert all(ws.column_dimensions[column_letter(k)].width >= 12 for k in COLUMNS)
    for key in ("uscc", "id_number", "contact_mobile"):
        letter = column_letter(key)
        assert ws.column_dimensions[letter].number_format == "@"
        assert ws[f"{letter}2"].number_format == "@" and ws[f"{letter}2000"].number_format == "@"
    assert all(c.value is None for r in ws.iter_rows(min_row=2) for c in r)  # examples live in the instructions


def test_drop_downs_inline_for_short_lists():
    ws = reopen(build_template(lookups()))[DATA_SHEET]
    lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists[f"{column_letter('type')}2"] == '"企业,社会团体,志愿服务队,居民能人"'
    assert lists[f"{column_letter('so_grade')}2"] == '"1A,2A,3A,4A,5A"'


def test_drop_downs_use_the_hidden_sheet_for_long_or_awkward_lists():
    types = {f"类型{i}号，含逗号" if i == 0 else f"很长的合伙人类型名称第{i}种": PartnerType(f"t{i}", "", ORGANISATION)
             for i in range(40)}
    types = {label: PartnerType(t.code, label, t.holder) for label, t in types.items()}
    wb = reopen(build_template(Lookups(types, DOMAINS, COMMUNITIES)))
    dv = next(d for d in wb[DATA_SHEET].data_validations.dataValidation if "A2" in str(d.sqref))
    assert dv.formula1 == "'选项'!$A$2:$A$41"
    assert [wb[LISTS_SHEET].cell(row=r, column=1).value for r in (2, 41)] == list(types)[::39]


def test_instructions_cover_every_column_and_list_the_dictionaries():
    ws = reopen(build_template(lookups()))[HELP_SHEET]
    text = "\n".join(str(c.value) for r in ws.iter_rows() for c in r if c.value)
    for zh in ZH_HEADERS:
        assert zh in text
    for name in [*COMMUNITIES, *DOMAINS, "居民能人", "填写身份证号码", "整批都不导入"]:
        assert name in text


def test_hostile_labels_stay_text_in_template():
    hostile = {"=cmd|' /C calc'!A0": 9}
    wb = reopen(build_template(Lookups({}, {}, hostile)))
    cells = [c for r in wb[LISTS_SHEET].iter_rows() for c in r if c.value == "=cmd|' /C calc'!A0"]
    assert cells and all(c.data_type == "s" for c in cells)


def test_round_trip_fill_the_template_and_parse_it_back():
    wb = openpyxl.load_workbook(io.BytesIO(saved(build_template(lookups()))))
    ws = wb[DATA_SHEET]
    values = [
        ["企业", "石油路便民店", make_uscc(11), None, "王某", "李某", "13800138000", "石油路 1 号", "石油路社区、大坪社区",
         "养老、便民服务", "助老送餐", None, None, None],
        ["社会团体", "大坪社工协会", make_uscc(12, prefix="51500000"), None, "赵某", None, "13900139000", None,
         "大坪社区", "托育", None, "5A", date(2028, 6, 30), "年检合格"],
        ["居民能人", "张师傅", None, make_id(13), None, None, "13700137000", "大坪某小区", "𠈌溪社区😀", None, "家电维修",
         None, None, None],
        ["志愿服务队", "𠈌溪志愿队", None, None, None, "刘某", None, None, "𠈌溪社区😀", None, None, None, None, None],
    ]
    for r, row_values in enumerate(values, start=2):
        for c, value in enumerate(row_values, start=1):
            ws.cell(row=r, column=c, value=value)
    preview = parse_partners(read_table(saved(wb)), lookups())
    assert preview.ok, [(r.row_no, r.problems) for r in preview.rows]
    inputs = preview.require_ok()
    assert [p.name for p in inputs] == ["石油路便民店", "大坪社工协会", "张师傅", "𠈌溪志愿队"]
    assert inputs[0].community_ids == (1, 2) and inputs[1].so_grade_valid_until == date(2028, 6, 30)
    assert inputs[2].id_number == make_id(13) and inputs[3].community_ids == (3,)


def test_empty_template_parses_to_no_data():
    preview = parse_partners(read_table(saved(build_template(lookups()))), lookups())
    assert preview.header_problems == (("import.empty", {}),)


def test_save_template_writes_atomically(tmp_path):
    path = save_template(lookups(), tmp_path / "模板.xlsx")
    assert openpyxl.load_workbook(path).sheetnames[0] == DATA_SHEET
    assert [p.name for p in tmp_path.iterdir()] == ["模板.xlsx"]
