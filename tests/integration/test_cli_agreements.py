"""`spaces list`, `agreements list` and `services import` as real processes against a real SQLite file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from partnerdesk.services import accounts, service_records
from partnerdesk.services.workspace import open_workspace
from tests.unit.loop_setup import signed_agreement, world

HEAD = ["合伙人名称", "日期", "服务类型", "地点", "服务人次", "时长（小时）", "协议编号"]


def run(db: Path, *args: str, lang: str = "zh_CN") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PARTNERDESK_")}
    env.update(PARTNERDESK_HOME=str(db.parent / "home"), PARTNERDESK_LANG=lang, PARTNERDESK_PASSWORD="admin-pass-1")
    return subprocess.run([sys.executable, "-m", "partnerdesk", "--db", str(db), "--user", "admin", *args], env=env,
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "pd.sqlite3"
    ws = open_workspace(f"sqlite:///{path}")
    try:
        accounts.init_office(ws, "admin", "admin-pass-1", "渝新区", "石油路街道")
        accounts.login(ws, "admin", "admin-pass-1")
        w = world(ws)
        from partnerdesk.services import agreements, spaces

        agreements.transition(ws, w.a1.id, w.a1.version, "start", on_date=date(2026, 1, 1))
        hall = spaces.save(ws, spaces.SpaceInput(w.c2.id, "二楼多功能厅", 12000)).value
        long = signed_agreement(ws, w.p2, hall, date(2026, 1, 1), date(2045, 12, 31))  # ends after any test run
        agreements.transition(ws, long.id, long.version, "start", on_date=date(2026, 1, 1))
        spaces.save(ws, spaces.SpaceInput(w.c2.id, "闲置库房", 4025, kind="other"))
    finally:
        ws.close()
    return path


def _book(path: Path, rows) -> Path:
    wb = openpyxl.Workbook()
    wb.active.append(HEAD)
    for r in rows:
        wb.active.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    path.write_bytes(buf.getvalue())
    return path


def test_spaces_list_json_and_filters(db):
    r = run(db, "spaces", "list", "--json")
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert {(x["name"], x["community_name"], x["status"], x["area_m2"]) for x in rows} == {
        ("一楼活动室", "东风社区", "under_agreement", 80.5), ("闲置库房", "西湖社区", "idle", 40.25),
        ("二楼多功能厅", "西湖社区", "under_agreement", 120.0)}
    idle = json.loads(run(db, "spaces", "list", "--json", "--status", "idle").stdout)
    assert [x["name"] for x in idle] == ["闲置库房"]
    mine = json.loads(run(db, "spaces", "list", "--json", "--community", "东风社区").stdout)
    assert [x["name"] for x in mine] == ["一楼活动室"]
    r = run(db, "spaces", "list", "--community", "不存在社区")
    assert r.returncode == 1 and "没有这个社区" in r.stderr
    lines = run(db, "spaces", "list").stdout.splitlines()
    assert [line.split()[-1] for line in lines if "闲置库房" in line] == ["闲置"]
    assert [line.split()[-1] for line in run(db, "spaces", "list", lang="en").stdout.splitlines()
            if "闲置库房" in line] == ["idle"]


def test_agreements_list_json_state_and_expiring(db):
    r = run(db, "agreements", "list", "--json")
    assert r.returncode == 0, r.stderr
    short, long = json.loads(r.stdout)  # ending soonest first
    assert (short["number"], short["partner_name"], short["space_name"], short["state"], short["end_date"]) == (
        "空间协议〔2026〕1号", "服务企业1", "一楼活动室", "in_force", "2026-12-31")
    assert (long["partner_name"], long["end_date"]) == ("服务企业2", "2045-12-31")
    assert short["community_name"] and short["shown_state"] and "rent_fen" in short  # the screens' list row
    assert json.loads(run(db, "agreements", "list", "--json", "--state", "draft").stdout) == []
    soon = json.loads(run(db, "agreements", "list", "--json", "--expiring", "7305").stdout)  # 20 years
    assert long["id"] in [x["id"] for x in soon] and {x["shown_state"] for x in soon} == {"expiring"}
    assert json.loads(run(db, "agreements", "list", "--json", "--expiring", "0").stdout) == [] or \
        date.today() == date(2026, 12, 31)
    assert "即将到期" in run(db, "agreements", "list", "--expiring", "7305").stdout
    assert "expiring" in run(db, "agreements", "list", "--expiring", "7305", lang="en").stdout
    assert "履行中" in run(db, "agreements", "list", "--state", "in_force").stdout


def test_services_import_dry_run_then_import(db, tmp_path):
    bad = _book(tmp_path / "bad.xlsx", [["服务企业1", date(2026, 7, 1), "免费", "活动室", 10, 1, None],
                                        ["服务企业1", "3月5日", "免费", "活动室", -2, 1, None]])
    r = run(db, "services", "import", str(bad), "--dry-run")
    assert r.returncode == 1
    assert "第 3 行：日期格式不正确：3月5日" in r.stderr and "第 3 行：服务人次须为不小于 0 的整数：-2" in r.stderr
    r = run(db, "services", "import", str(bad), lang="en")
    assert r.returncode == 1 and "row 3: People served must be a whole number" in r.stderr
    good = _book(tmp_path / "good.xlsx", [["服务企业1", date(2026, 7, 1), "免费", "活动室", 10, 1, "空间协议〔2026〕1号"],
                                          ["服务企业1", date(2026, 7, 2), "低偿", "活动室", 6, 0.5, None]])
    r = run(db, "services", "import", str(good), "--dry-run")
    assert r.returncode == 0 and "2 行全部有效" in r.stdout
    ws = open_workspace(f"sqlite:///{db}", read_only=True)
    try:
        accounts.login(ws, "admin", "admin-pass-1")
        assert service_records.count(ws) == 0  # neither the bad file nor the dry run changed anything
    finally:
        ws.close()
    r = run(db, "services", "import", str(good))
    assert r.returncode == 0, r.stderr
    assert "已导入 2 条服务记录" in r.stdout
    r = run(db, "services", "import", str(good))  # the same sheet twice: refused as duplicates
    assert r.returncode == 1 and "与已有服务记录重复" in r.stderr
    not_xlsx = tmp_path / "renamed.xlsx"
    not_xlsx.write_text("这不是工作簿", encoding="utf-8")
    r = run(db, "services", "import", str(not_xlsx))
    assert r.returncode == 1 and "不是 Excel 工作簿" in r.stderr


def test_services_template(db, tmp_path):
    out = tmp_path / "模板.xlsx"
    r = run(db, "services", "template", "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert [c.value for c in openpyxl.load_workbook(out).active[1]][:3] == ["合伙人名称", "备案编号", "日期*"]
