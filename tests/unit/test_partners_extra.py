"""Similar-record warnings, rota patterns, the export service and masked numbers in import messages."""

from __future__ import annotations

import json
from datetime import timedelta

import openpyxl
import pytest

from partnerdesk.domain.partners import PartnerInput
from partnerdesk.services import audit_queries, org, partner_export, partner_lifecycle, partners, rota
from partnerdesk.services.partner_queries import PartnerFilter
from tests.helpers.numbers import org_code, person_id


@pytest.fixture
def community(ws):
    st = org.add_unit(ws, "street", org.office(ws).district_id, "补充街道").value
    return org.add_unit(ws, "community", st.id, "补充社区").value


def test_similar_names_initials_and_mobile(ws, community):
    a = partners.register(ws, PartnerInput("enterprise", "牧有货测试店", uscc=org_code(61), contact_mobile="13700000001",
                                           community_ids=(community.id,))).value
    hits = partners.similar(ws, "牧有货测试")
    assert [h.id for h in hits] == [a.id]
    assert [h.reason for h in partners.similar(ws, "完全不同", mobile="13700000001")] == ["mobile"]
    assert partners.similar(ws, "牧有货测试店", exclude_id=a.id) == []


def _filed(ws, community, n):
    p = partners.register(ws, PartnerInput("enterprise", f"值班{n}", uscc=org_code(70 + n),
                                           community_ids=(community.id,)), submit=True).value
    p = partner_lifecycle.transition(ws, p.id, p.version, "community_approve", "同意").value
    from partnerdesk.services import accounts

    accounts.add_user(ws, f"ap{n}", "approver", "approve-pass-1")
    accounts.login(ws, f"ap{n}", "approve-pass-1")
    p = partner_lifecycle.transition(ws, p.id, p.version, "street_approve", "同意").value
    p = partner_lifecycle.transition(ws, p.id, p.version, "file").value
    accounts.login(ws, "admin", "admin-pass-1")
    return p


def test_patterns_listed_and_ended(ws, community):
    p = _filed(ws, community, 1)
    today = ws.now().date()
    pat = rota.add_pattern(ws, community.id, "合伙人工作室", 2, "09:00", "11:30", p.id, "义诊", today).value
    assert [x.id for x in rota.patterns(ws, community.id)] == [pat.id]
    rota.roll_out(ws, community.id, today, today + timedelta(days=41))
    removed = rota.end_pattern(ws, pat.id, today + timedelta(days=13)).value
    assert removed >= 3
    assert rota.patterns(ws, community.id) == []
    assert [x.id for x in rota.patterns(ws, community.id, include_ended=True)] == [pat.id]
    assert all(s.on_date <= today + timedelta(days=13) for s in rota.shifts(ws, community.id, today, today + timedelta(days=41)))


def test_export_service_masks_and_audits(ws, community, tmp_path):
    partners.register(ws, PartnerInput("resident_talent", "导出能人", id_number=person_id(5),
                                       contact_mobile="13512345678", community_ids=(community.id,)))
    target = tmp_path / "list.xlsx"
    n = partner_export.export_list(ws, PartnerFilter(), "name", target, "合伙人", ["名称", "身份证", "手机"],
                                   lambda r: [r.name, r.id_number_masked, r.mobile_masked])
    assert n == 1
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[1] == ("导出能人", person_id(5)[:4] + "*" * 10 + person_id(5)[-4:], "135****5678")

    assert audit_queries.list_entries(ws, audit_queries.AuditFilter(action="export"))[0].entity == "partner"


def test_an_export_exists_only_with_its_audit_entry(ws, community, tmp_path, monkeypatch):
    """A read-only instance cannot record the export: nothing is written. An entry that cannot be committed takes
    the file away again."""
    import dataclasses

    from partnerdesk.domain.errors import DomainError
    from partnerdesk.services import audit

    partners.register(ws, PartnerInput("resident_talent", "导出能人", id_number=person_id(6), community_ids=(community.id,)))
    out = tmp_path / "out"
    out.mkdir()
    target = out / "list.xlsx"

    def export(w):  # noqa: ANN001, ANN202
        return partner_export.export_list(w, PartnerFilter(), "name", target, "合伙人", ["名称"], lambda r: [r.name])

    reader = dataclasses.replace(ws, read_only=True)
    with pytest.raises(DomainError) as e:
        export(reader)
    assert e.value.code == "db.read_only" and not target.exists()

    def refuse(*_a, **_k) -> None:
        raise DomainError("db.disk_full")

    monkeypatch.setattr(audit, "record_event", refuse)
    with pytest.raises(DomainError) as e:
        export(ws)
    assert e.value.code == "db.disk_full" and not target.exists() and list(out.iterdir()) == []
    monkeypatch.undo()
    assert audit_queries.list_entries(ws, audit_queries.AuditFilter(action="export")) == []
    assert export(ws) == 1 and target.exists()
    (entry,) = audit_queries.list_entries(ws, audit_queries.AuditFilter(action="export"))
    assert json.loads(entry.after)["file"] == "list.xlsx" and json.loads(entry.after)["rows"] == 1


def test_import_duplicate_message_masks_the_id(ws, community):
    import io

    from partnerdesk.services import partner_import

    partners.register(ws, PartnerInput("resident_talent", "已登记", id_number=person_id(9), community_ids=(community.id,)))
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.append(["合伙人类型", "名称", "身份证号码", "服务社区"])
    sheet.append(["居民能人", "重复的人", person_id(9), "补充社区"])
    buf = io.BytesIO()
    wb.save(buf)
    preview = partner_import.preview(ws, buf.getvalue())
    problems = [p for r in preview.rejected for p in r.problems]
    assert problems and problems[0][0] == "import.duplicate_existing"
    assert problems[0][1]["number"] == person_id(9)[:4] + "*" * 10 + person_id(9)[-4:]
