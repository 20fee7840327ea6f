"""Excel import of service records: real workbooks written with openpyxl; preview with a reason per bad row,
all-or-nothing apply after a backup, malformed sheets refused with nothing changed."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from partnerdesk.db.models import AuditLog, ServiceRecord
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import service_import, service_records
from partnerdesk.services.service_records import ServiceInput
from tests.unit.loop_setup import filed_partner, login, world

HEAD = ["合伙人名称", "备案编号", "日期", "服务类型", "服务领域", "地点", "服务人次", "时长（小时）", "协议编号", "备注"]


def _book(rows, head=HEAD) -> bytes:
    wb = openpyxl.Workbook()
    sheet = wb.active
    if head:
        sheet.append(head)
    for r in rows:
        sheet.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture
def w(ws):
    return world(ws)


def _count(ws) -> int:
    with ws.read() as uow:
        return uow.session.scalar(select(func.count(ServiceRecord.id)))


def _good_rows(w):
    return [
        ["服务企业1", None, date(2026, 7, 1), "免费", None, "活动室", 12, 1.5, w.a1.number, "签到表第1页"],
        ["服务企业1", None, "2026年7月2日", "低偿", None, "活动室", 8, 2, w.a1.number, None],
        [None, w.p2.filing_no, datetime(2026, 7, 3, 0, 0), "有偿", None, "广场", "20", "0.25", None, None],
        ["服务企业2", w.p2.filing_no, "2026-07-04", "免费", None, "广场", 0, 1.75, None, "只有时长"],
    ]


def _problems(preview) -> dict[int, list[str]]:
    return {r.row_no: [code for code, _ in r.problems] for r in preview.rejected}


def test_valid_sheet_imports_every_row_after_a_backup(ws, w):
    data = _book(_good_rows(w))
    preview = service_import.preview(ws, data)
    assert preview.ok, service_import.problem_lines(preview)
    result = service_import.apply(ws, data).value
    assert result.imported == 4 and _count(ws) == 4
    assert (result.backup != "") == ws.is_sqlite and (not result.backup or Path(result.backup).exists())
    rows = service_records.query(ws, sort="date", descending=False)
    assert [(r.partner_id, r.on_date.day, r.kind, r.people, r.minutes, r.agreement_id, r.community_id) for r in rows] == [
        (w.p1.id, 1, "free", 12, 90, w.a1.id, w.c1.id), (w.p1.id, 2, "low_fee", 8, 120, w.a1.id, w.c1.id),
        (w.p2.id, 3, "paid", 20, 15, None, w.c2.id), (w.p2.id, 4, "free", 0, 105, None, w.c2.id)]
    with ws.read() as uow:
        actions = list(uow.session.scalars(select(AuditLog.action).order_by(AuditLog.seq.desc()).limit(5)))
    assert actions == ["import"] + ["service.add"] * 4
    # the same sheet again: every row duplicates a stored record, nothing is imported twice
    again = service_import.preview(ws, data)
    assert set(_problems(again)) == {2, 3, 4, 5}
    assert all(codes == ["service.duplicate_existing"] for codes in _problems(again).values())
    with pytest.raises(DomainError) as e:
        service_import.apply(ws, data)
    assert e.value.code == "import.rejected" and _count(ws) == 4


def test_every_bad_row_is_explained_and_nothing_is_imported(ws, w):
    rows = _good_rows(w) + [
        ["服务企业1", None, "3月5日", "免费", None, "活动室", 5, 1, None, None],  # a date as free text
        ["服务企业1", None, date(2026, 7, 5), "免费", None, "活动室", -3, 1, None, None],
        ["没有这家", None, date(2026, 7, 5), "免费", None, "活动室", 5, 1, None, None],
        ["服务企业1", None, date(2026, 7, 5), "免费", None, "二楼", 5, 1.255, None, None],
        ["服务企业1", None, date(2026, 7, 5), "赠送", None, "三楼", 5, 1, None, None],
        ["服务企业1", None, date(2026, 7, 5), "免费", "不存在的领域", "四楼", 5, 1, None, None],
        ["服务企业1", None, date(2026, 8, 1), "免费", None, "五楼", 5, 1, None, None],  # after today
        ["服务企业2", None, date(2026, 7, 5), "免费", None, "广场", 5, 1, w.a1.number, None],
        ["服务企业1", None, date(2026, 7, 1), "免费", None, "活动室", 12, 3, None, None],  # repeats row 2
        ["服务企业1", None, None, None, None, None, None, None, None, "只有备注"],
        ["服务企业1", None, date(2026, 7, 6), "免费", None, "六楼", 2.5, 1, None, None],
    ]
    preview = service_import.preview(ws, _book(rows))
    assert _problems(preview) == {
        6: ["import.bad_date"], 7: ["service_import.bad_people"], 8: ["service_import.unknown_partner"],
        9: ["service_import.bad_hours"], 10: ["service_import.bad_kind"], 11: ["import.unknown_domain"],
        12: ["service.future_date"], 13: ["service_import.agreement_other_partner"],
        14: ["service.duplicate_in_batch"],
        15: ["import.required", "import.required", "import.required"], 16: ["service_import.bad_people"]}
    [dup] = [p for r in preview.rejected if r.row_no == 14 for p in r.problems]
    assert dup[1]["row"] == 2  # the sheet's row, not an index
    lines = service_import.problem_lines(preview, "zh_CN")
    assert "第 6 行：日期格式不正确：3月5日（请填写如 2026-03-05 或 2026年3月5日）。" in lines
    assert "row 7: People served must be a whole number, 0 or more: -3" in service_import.problem_lines(preview, "en")
    with pytest.raises(DomainError) as e:
        service_import.apply(ws, _book(rows))
    assert e.value.code == "import.rejected" and e.value.params == {"total": 15, "rows": 11}
    assert _count(ws) == 0


def test_scope_ambiguity_and_unsigned_agreement(ws, w):
    filed_partner(ws, w.c2.id, 3, name="服务企业1")  # a second partner with the same name
    preview = service_import.preview(ws, _book(_good_rows(w)[:1]))
    assert _problems(preview) == {2: ["service_import.ambiguous_partner"]}
    login(ws, "outsider")  # community 2 only: community 1's partner is out of scope
    preview = service_import.preview(ws, _book([[None, w.p1.filing_no, date(2026, 7, 1), "免费", None, "x", 3, 1,
                                                 None, None]]))
    assert _problems(preview) == {2: ["service.out_of_scope"]}


@pytest.mark.parametrize("head, code", [
    (["名字", "日期", "服务类型", "服务人次"], "import.unknown_column"),
    (["合伙人名称", "服务类型", "服务人次"], "import.missing_column"),
    (["日期", "服务类型", "服务人次"], "service_import.partner_column"),
])
def test_wrong_headers_are_refused(ws, w, head, code):
    data = _book([["服务企业1", date(2026, 7, 1), "免费", 5]], head=head)
    preview = service_import.preview(ws, data)
    assert code in [c for c, _ in preview.header_problems] and not preview.ok
    with pytest.raises(DomainError) as e:
        service_import.apply(ws, data)
    assert e.value.code == preview.header_problems[0][0]
    assert _count(ws) == 0


def test_malformed_files(ws, w, tmp_path):
    assert [c for c, _ in service_import.preview(ws, _book([])).header_problems] == ["import.empty"]  # header only
    with pytest.raises(DomainError) as e:
        service_import.apply(ws, _book([]))
    assert e.value.code == "import.empty"
    with pytest.raises(DomainError) as e:
        service_import.preview(ws, _book([], head=None))
    assert e.value.code == "import.empty"
    renamed = tmp_path / "签到表.xlsx"
    renamed.write_bytes("合伙人名称,日期\n服务企业1,2026-07-01\n".encode("gbk"))
    with pytest.raises(DomainError) as e:
        service_import.apply(ws, renamed)
    assert e.value.code == "import.not_xlsx"
    with pytest.raises(DomainError) as e:
        service_import.apply(ws, tmp_path / "missing.xlsx")
    assert e.value.code == "import.unreadable"
    assert _count(ws) == 0


def test_formulas_are_not_evaluated(ws, w):
    rows = [["服务企业1", None, date(2026, 7, 1), "免费", None, "活动室", "=2+3", 1, None, None]]
    assert _problems(service_import.preview(ws, _book(rows))) == {2: ["import.formula"]}


def test_template_round_trip(ws, w):
    wb = service_import.template(ws)
    sheet = wb.active
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["合伙人名称", "备案编号", "日期*", "服务类型*"]
    sheet.delete_rows(2)
    sheet.append(["服务企业1", None, date(2026, 7, 1), "免费", None, "活动室", 9, 1, w.a1.number, None, None])
    buf = io.BytesIO()
    wb.save(buf)
    assert service_import.apply(ws, buf.getvalue()).value.imported == 1


def test_auditor_cannot_import(ws, w):
    login(ws, "aud")
    with pytest.raises(DomainError) as e:
        service_import.apply(ws, _book(_good_rows(w)))
    assert e.value.code == "auth.forbidden"
    login(ws, "admin")
    service_records.add(ws, ServiceInput(w.p1.id, date(2026, 7, 1), "free", 1, place="z"))
    assert _count(ws) == 1
