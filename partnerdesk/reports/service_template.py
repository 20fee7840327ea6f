"""The service-record import template: the columns in order, one example row, and a sheet of allowed values.

The column definitions live here (the parser in service_import reads them too). Pure.
"""

from __future__ import annotations

from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Font

COLUMNS: dict[str, tuple[str, str]] = {  # key -> (Chinese header, English header)
    "partner": ("合伙人名称", "Partner"),
    "filing_no": ("备案编号", "Filing number"),
    "date": ("日期", "Date"),
    "kind": ("服务类型", "Kind"),
    "domain": ("服务领域", "Domain"),
    "place": ("地点", "Place"),
    "people": ("服务人次", "People served"),
    "hours": ("时长（小时）", "Hours"),
    "agreement": ("协议编号", "Agreement number"),
    "community": ("社区", "Community"),
    "notes": ("备注", "Notes"),
}
REQUIRED = ("date", "kind", "people")
TEXT_COLUMNS = ("filing_no", "agreement")


def build_template(domain_labels: list[str], community_names: list[str]) -> Workbook:
    """The import template: the columns in order, one example row, and a sheet of allowed values."""
    wb = Workbook()
    sheet = wb.active
    sheet.title = "服务记录"
    sheet.append([zh + ("*" if k in REQUIRED else "") for k, (zh, _) in COLUMNS.items()])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    example = {"partner": "（合伙人名称或备案编号，二选一）", "date": date(2026, 3, 5), "kind": "免费",
               "domain": domain_labels[0] if domain_labels else "", "place": "社区活动室", "people": 25, "hours": 1.5}
    sheet.append([example.get(k) for k in COLUMNS])
    for i, (key, (zh, _)) in enumerate(COLUMNS.items(), start=1):
        letter = sheet.cell(row=1, column=i).column_letter
        sheet.column_dimensions[letter].width = max(12, 2 * len(zh) + 4)
        if key in TEXT_COLUMNS:
            for row in range(2, 1001):
                sheet.cell(row=row, column=i).number_format = "@"
        if key == "date":
            for row in range(2, 1001):
                sheet.cell(row=row, column=i).number_format = "yyyy-mm-dd"
    notes = wb.create_sheet("填写说明")
    notes.append(["说明"])
    for line in ("每行一次服务（一场活动或一次上门）；标 * 的列必填；合伙人名称与备案编号至少填一个。",
                 "日期填写如 2026-03-05 或 2026年3月5日；不能晚于今天。",
                 "服务类型：免费、低偿、有偿。服务人次为不小于 0 的整数；时长以小时计，最多两位小数。",
                 "协议编号可空；填写时须是该合伙人已签订的空间使用协议，且日期在协议期限内。",
                 "导入前会逐行检查，有任何一行有问题则整份文件都不导入。"):
        notes.append([line])
    notes.append([])
    notes.append(["服务类型", "服务领域", "社区"])
    kinds = ["免费", "低偿", "有偿"]
    for i in range(max(len(kinds), len(domain_labels), len(community_names))):
        notes.append([kinds[i] if i < len(kinds) else None, domain_labels[i] if i < len(domain_labels) else None,
                      community_names[i] if i < len(community_names) else None])
    notes.column_dimensions["A"].width = 80
    return wb
