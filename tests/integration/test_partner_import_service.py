"""Excel import through the service and the CLI: all-or-nothing, every rejected row explained."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import openpyxl
import pytest
from sqlalchemy import func, select

from partnerdesk.db.models import AuditLog, Partner
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import maintenance, org, partner_import, partners
from tests.helpers.numbers import org_code, person_id

HEAD = ["合伙人类型", "名称", "统一社会信用代码", "身份证号码", "法定代表人/负责人", "联系人", "联系电话", "地址",
        "服务社区", "服务领域", "技能特长", "社会组织等级", "等级有效期至", "备注"]


def _book(rows) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEAD)
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.fixture
def community(ws):
    st = org.add_unit(ws, "street", org.office(ws).district_id, "导入街道").value
    return org.add_unit(ws, "community", st.id, "导入社区").value


def _row(n, kind="enterprise"):
    if kind == "individual":
        return ["居民能人", f"能人{n}", None, person_id(n), None, None, "13800000000", None, "导入社区", "养老、托育",
                "理发", None, None, None]
    return ["企业", f"导入企业{n}", org_code(5000 + n), None, "法人", "联系人", "139 0000 0001", "某路1号",
            "导入社区", "便民服务", None, None, None, "=not a formula? no: text"]


def _count(ws):
    with ws.read() as uow:
        return uow.session.scalar(select(func.count(Partner.id)))


def test_valid_workbook_imports_everything_with_backup_and_audit(ws, community):
    data = _book([_row(n) for n in range(20)] + [_row(n, "individual") for n in range(5)])
    # the text cell starting with '=' is written by openpyxl as a formula: the import refuses formulas
    preview = partner_import.preview(ws, data)
    assert not preview.ok and all(p[0][0] == "import.formula" for p in [r.problems for r in preview.rejected])
    data = _book([r[:-1] + ["备注"] for r in [_row(n) for n in range(20)]] + [_row(n, "individual") for n in range(5)])
    result = partner_import.apply(ws, data).value
    assert result.imported == 25 and _count(ws) == 25
    if ws.is_sqlite:
        assert "pre-import" in result.backup
    assert [r.name for r in partners.query(ws, partners.PartnerFilter(text="drqy1"))][:1] == ["导入企业1"]
    with ws.read() as uow:
        assert uow.session.scalar(select(func.count()).where(AuditLog.action == "partner.import")) == 25
    assert maintenance.check(ws).ok
    # a second registration of the same numbers is refused as already registered, nothing changes
    with pytest.raises(DomainError) as e:
        partner_import.apply(ws, data)
    assert e.value.code == "import.rejected"
    assert _count(ws) == 25


def test_one_bad_row_imports_nothing(ws, community):
    rows = [_row(n)[:-1] + [""] for n in range(10)]
    rows[4][2] = 915001030001234567  # a numeric cell where a code belongs
    rows[6][8] = "不存在社区"
    rows[7][2] = rows[1][2]  # duplicate within the file
    preview = partner_import.preview(ws, _book(rows))
    reasons = {r.row_no: {c for c, _ in r.problems} for r in preview.rejected}
    assert reasons == {6: {"uscc.numeric_cell"}, 8: {"import.unknown_community"}, 9: {"import.duplicate_in_file"}}
    with pytest.raises(DomainError):
        partner_import.apply(ws, _book(rows))
    assert _count(ws) == 0


@pytest.mark.timeout(180)
def test_cli_template_dry_run_and_import(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTNERDESK_")}
    env.update(PARTNERDESK_HOME=str(tmp_path), PARTNERDESK_PASSWORD="cli-pass-123")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "partnerdesk", *args], env=env, capture_output=True, text=True,
                              timeout=120, stdin=subprocess.DEVNULL)

    assert run("init", "--admin", "boss", "--district", "渝新区", "--street", "石油路街道").returncode == 0
    assert run("--user", "boss", "demo").returncode == 0
    template = tmp_path / "t.xlsx"
    assert run("--user", "boss", "partners", "template", "-o", str(template)).returncode == 0
    wb = openpyxl.load_workbook(template)
    community = json.loads(run("--user", "boss", "org", "--json").stdout)[-1]["name"]
    sheet = wb.worksheets[0]
    bad = org_code(9101)[:-1] + ("0" if org_code(9101)[-1] != "0" else "1")
    for row_no, values in ((2, ["企业", "模板企业", org_code(9100), None, None, None, None, None, community, "养老"]),
                           (3, ["企业", "坏代码企业", bad, None, None, None, None, None, community])):
        for col, value in enumerate(values, start=1):
            sheet.cell(row=row_no, column=col, value=value)
    wb.save(template)
    r = run("--user", "boss", "partners", "import", str(template), "--dry-run")
    assert r.returncode == 1 and "第 3 行" in r.stderr and "校验位" in r.stderr
    sheet.delete_rows(3)
    wb.save(template)
    before = len(json.loads(run("--user", "boss", "partners", "list", "--json").stdout))
    r = run("--user", "boss", "partners", "import", str(template), "--dry-run")
    assert r.returncode == 0, r.stderr
    assert len(json.loads(run("--user", "boss", "partners", "list", "--json").stdout)) == before
    r = run("--user", "boss", "partners", "import", str(template))
    assert r.returncode == 0, r.stderr
    assert len(json.loads(run("--user", "boss", "partners", "list", "--json").stdout)) == before + 1


def test_an_unverified_backup_stops_the_import_with_nothing_committed(ws, community, monkeypatch):
    """The pre-import backup is taken beside the reading and checking; the rows are committed only once it is
    verified. A backup that fails its check (or cannot be written) leaves the database exactly as it was."""
    if not ws.is_sqlite:
        pytest.skip("backups are the server's job on PostgreSQL")
    from partnerdesk.db import backup as db_backup

    data = _book([r[:-1] + ["备注"] for r in [_row(n) for n in range(8)]])
    before = _count(ws)
    monkeypatch.setattr(db_backup, "verify", lambda path: "corrupt")
    with pytest.raises(DomainError) as e:
        partner_import.apply(ws, data)
    assert e.value.code == "backup.unverified" and _count(ws) == before
    assert not [b for b in maintenance.list_backups(ws.backup_dir) if b.reason == "pre-import"]
    ws.suspect = False  # (the fake verdict said the source was damaged)

    monkeypatch.undo()
    blocked = ws.backup_dir.parent / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setattr(ws, "backup_dir", blocked / "backups")
    with pytest.raises(OSError):
        partner_import.apply(ws, data)
    assert _count(ws) == before
    monkeypatch.undo()
    assert partner_import.apply(ws, data).value.imported == 8 and _count(ws) == before + 8


def test_a_damaged_or_renamed_file_is_refused_before_any_backup(ws, community, tmp_path):
    """The file's own checks (kind, zip and XML safety) come before the backup: a refused file changes nothing and
    costs no backup. A workbook whose rows are refused later still had its (complete) backup taken."""
    if not ws.is_sqlite:
        pytest.skip("backups are the server's job on PostgreSQL")
    before = _count(ws)
    renamed = tmp_path / "名单.xlsx"
    renamed.write_text("合伙人类型,名称\n企业,某企业\n", encoding="utf-8")
    for source, code in ((b"PK\x03\x04 not really a workbook", "import.damaged"), (renamed, "import.not_xlsx")):
        with pytest.raises(DomainError) as e:
            partner_import.apply(ws, source)
        assert e.value.code == code
    assert _count(ws) == before and maintenance.list_backups(ws.backup_dir) == []
    rows = [_row(n)[:-1] + [""] for n in range(3)]
    rows[1][8] = "不存在社区"
    with pytest.raises(DomainError) as e:
        partner_import.apply(ws, _book(rows))
    assert e.value.code == "import.rejected" and _count(ws) == before
    taken = maintenance.list_backups(ws.backup_dir)
    assert [b.reason for b in taken] == ["pre-import"] and maintenance.db_backup.verify(taken[0].path) is None
    assert not list(ws.backup_dir.glob(".*.part"))
