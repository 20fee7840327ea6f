"""The partner import template: a workbook with the exact headers, drop-downs and instructions. Pure."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from ..domain.partners import GROUP, INDIVIDUAL
from ..fsutil import atomic_write
from .partner_import import COLUMNS, REQUIRED, TEXT_COLUMNS, Lookups

DATA_SHEET = "合伙人"
HELP_SHEET = "填写说明"
LISTS_SHEET = "选项"
TEMPLATE_ROWS = 2000  # rows pre-formatted and covered by the drop-downs
_INLINE_LIMIT = 250  # Excel refuses inline lists longer than 255 characters
_WIDTHS = {"type": 14, "name": 30, "uscc": 22, "id_number": 22, "legal_rep": 16, "contact_name": 12,
           "contact_mobile": 15, "address": 32, "communities": 24, "domains": 20, "skills": 24, "so_grade": 14,
           "grade_until": 14, "notes": 30}
_HELP = {
    "type": "从下拉列表中选择；决定须填写哪种证件号码（见下方“合伙人类型”）。",
    "name": "单位全称或个人姓名，最多 200 个字。",
    "uscc": "组织类填写 18 位统一社会信用代码（字母大写，例如 91500000XXXXXXXXXX）；个人不填。本列已设为文本格式，请勿改为数字。",
    "id_number": "个人类填写 18 位身份证号码，末位可以是 X；组织类不填。本列已设为文本格式，请勿改为数字。",
    "legal_rep": "组织的法定代表人或负责人姓名。",
    "contact_name": "日常联系人姓名。",
    "contact_mobile": "11 位手机号码，例如 13800138000。",
    "address": "经营或居住地址。",
    "communities": "须与系统中的社区名称一致；多个社区用顿号“、”或逗号、分号隔开，例如：石油路社区、大坪社区。",
    "domains": "可不填；多个领域用顿号“、”或逗号、分号隔开，例如：养老、便民服务。",
    "skills": "个人的技能特长或组织的服务内容。",
    "so_grade": "仅社会组织填写，从下拉列表中选择 1A–5A；没有等级的不填。",
    "grade_until": "等级的有效期截止日，例如 2027-12-31 或 2027年12月31日。",
    "notes": "其他需要说明的情况。",
}
_HOLDER_HELP = {INDIVIDUAL: "填写身份证号码", GROUP: "有统一社会信用代码的填写代码，没有的两项都不填"}
_BOLD = Font(bold=True)
_REQUIRED_FONT = Font(bold=True, color="C00000")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")


def build_template(lookups: Lookups) -> Workbook:
    """Sheet 合伙人 (headers only, no example row), sheet 填写说明 (instructions), hidden sheet 选项 (lists)."""
    wb = Workbook()
    data = wb.active
    data.title = DATA_SHEET
    _headers(data)
    _instructions(wb.create_sheet(HELP_SHEET), lookups)
    lists = _lists_sheet(wb, lookups)
    _drop_down(data, "type", [t.label for t in _types(lookups)], lists, "A", "请从下拉列表中选择合伙人类型。")
    _drop_down(data, "so_grade", list(lookups.so_grades), lists, "B", "社会组织等级须为 1A–5A。")
    wb.active = 0
    return wb


def save_template(lookups: Lookups, path: Path) -> Path:
    """Build the template and write it atomically (temporary file, fsync, rename)."""
    return atomic_write(Path(path), lambda tmp: build_template(lookups).save(tmp))


def column_letter(key: str) -> str:
    return get_column_letter(list(COLUMNS).index(key) + 1)


def _types(lookups: Lookups) -> list:
    return list(dict.fromkeys(lookups.partner_types.values()))


def _headers(ws: Worksheet) -> None:
    for index, (key, (zh, _en)) in enumerate(COLUMNS.items(), start=1):
        cell = ws.cell(row=1, column=index, value=zh)
        cell.font = _REQUIRED_FONT if key in REQUIRED else _BOLD
        cell.fill = _HEADER_FILL
        letter = get_column_letter(index)
        ws.column_dimensions[letter].width = _WIDTHS[key]
        if key in TEXT_COLUMNS or key == "grade_until":
            _format_column(ws, index, "@" if key in TEXT_COLUMNS else "yyyy-mm-dd")
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 20


def _format_column(ws: Worksheet, index: int, number_format: str) -> None:
    """Column style (for cells typed later) and pre-formatted cells (which WPS and older Excel honour)."""
    ws.column_dimensions[get_column_letter(index)].number_format = number_format
    for row in range(2, TEMPLATE_ROWS + 2):
        ws.cell(row=row, column=index).number_format = number_format


def _lists_sheet(wb: Workbook, lookups: Lookups) -> Worksheet:
    ws = wb.create_sheet(LISTS_SHEET)
    ws.sheet_state = "hidden"
    columns = (("合伙人类型", [t.label for t in _types(lookups)]), ("社会组织等级", list(lookups.so_grades)),
               ("服务社区", list(lookups.communities)), ("服务领域", list(lookups.domains)))
    for col, (title, values) in enumerate(columns, start=1):
        ws.cell(row=1, column=col, value=title).font = _BOLD
        for row, value in enumerate(values, start=2):
            ws.cell(row=row, column=col, value=value).data_type = "s"
    return ws


def _drop_down(ws: Worksheet, key: str, values: list[str], lists: Worksheet, list_col: str, error: str) -> None:
    if not values:
        return
    inline = ",".join(values)
    if len(inline) <= _INLINE_LIMIT and not any(ch in inline for ch in '"\'') and all("," not in v for v in values):
        formula = f'"{inline}"'
    else:
        formula = f"{quote_sheetname(lists.title)}!${list_col}$2:${list_col}${len(values) + 1}"
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                        errorTitle=COLUMNS[key][0], error=error)
    letter = column_letter(key)
    dv.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
    ws.add_data_validation(dv)


def _instructions(ws: Worksheet, lookups: Lookups) -> None:
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 8
    ws.column_dimensions["C"].width = 90
    rows: list[tuple] = [("合伙人批量导入填写说明",), (), ("列名", "必填", "填写要求")]
    rows += [(zh, "是" if key in REQUIRED else "", _HELP[key]) for key, (zh, _en) in COLUMNS.items()]
    rows += [(), ("导入规则",),
             ("", "", "在“合伙人”工作表第 2 行起每行填写一个合伙人，不要修改或增加列名，不要合并单元格。"),
             ("", "", "请直接填写内容，不要使用公式；证件号码和手机号码须为文本格式（本模板已设置）。"),
             ("", "", "同一号码在文件中只能出现一次；已在册的合伙人不能重复导入。"),
             ("", "", "导入前会逐行检查；只要有一行有问题，整批都不导入，请按提示改正后重新导入。"),
             (), ("合伙人类型", "", "证件要求")]
    rows += [(t.label, "", _HOLDER_HELP.get(t.holder, "填写统一社会信用代码")) for t in _types(lookups)]
    rows += [(), ("服务社区", "", "、".join(lookups.communities) or "（系统中尚未登记社区）"),
             ("服务领域", "", "、".join(lookups.domains) or "（无）"), (), ("示例",)]
    rows += [(zh, "", example) for zh, example in _examples(lookups)]
    for values in rows:
        ws.append(list(values))
    for row in ws.iter_rows():
        for cell in row:
            cell.alignment = _WRAP
            if isinstance(cell.value, str):
                cell.data_type = "s"  # labels typed by the office stay text, even "=..."
    for row_no in (1, 3):
        for cell in ws[row_no]:
            cell.font = _BOLD
    ws.freeze_panes = "A4"


def _examples(lookups: Lookups) -> list[tuple[str, str]]:
    types = _types(lookups)
    org = next((t.label for t in types if t.holder not in (INDIVIDUAL, GROUP)), "企业")
    community = next(iter(lookups.communities), "某某社区")
    domain = next(iter(lookups.domains), "便民服务")
    return [("合伙人类型", org), ("名称", "重庆某某便民服务有限公司"), ("统一社会信用代码", "91500000XXXXXXXXXX（18位）"),
            ("身份证号码", "（组织类不填）"), ("法定代表人/负责人", "张某某"), ("联系人", "李某"),
            ("联系电话", "13800138000"), ("地址", "某某路 1 号"), ("服务社区", community), ("服务领域", domain),
            ("技能特长", "家电维修、助老送餐"), ("社会组织等级", "（企业不填）"), ("等级有效期至", "2027-12-31"),
            ("备注", "")]
