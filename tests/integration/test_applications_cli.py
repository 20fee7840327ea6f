"""`partnerdesk funds receive | applications | inbox | approve | return | disburse | projects` as a real process
against a real SQLite file."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from partnerdesk.services import accounts, agreements, funds, org, spaces
from partnerdesk.services import applications as ap
from partnerdesk.services.workspace import open_workspace
from tests.integration.test_cli import run
from tests.unit.test_agreements_service import _filed_partner, _sign, _terms

PW = "admin-pass-1"
CW_PW, APPR_PW = "worker-pass-1", "approve-pass-1"
def today() -> str:
    """The CLI approves with the real clock and payments cannot predate approval: asked at the payment itself
    (a module constant would be yesterday when the run crosses midnight)."""
    return date.today().isoformat()
QUARTER = f"{date.today().year}Q{(date.today().month - 1) // 3 + 1}"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "apps.sqlite3"
    ws = open_workspace(f"sqlite:///{path}")
    try:
        accounts.init_office(ws, "admin", PW, "渝新区", "石油路街道")
        accounts.login(ws, "admin", PW)
        ws.clock = lambda: datetime(2026, 8, 10, 9, 0)
        c = org.add_unit(ws, "community", org.office(ws).street_id, "命令行社区").value
        accounts.add_user(ws, "cw", "community_worker", CW_PW, community_ids=(c.id,))
        accounts.add_user(ws, "appr", "approver", APPR_PW)
        room = spaces.save(ws, spaces.SpaceInput(c.id, "共享厨房", 6000)).value
        shop, se = _filed_partner(ws, c, 41), _filed_partner(ws, c, 42)
        a = _sign(ws, agreements.create(ws, _terms(shop, room, mode="revenue_share", revenue_share_bp=350)).value)
        pool = funds.create(ws, funds.FundInput("CLI-POOL", "命令行基金池", "pool", c.id)).value
        funds.create(ws, funds.FundInput("CLI-SE", "代管账套", "se_ledger", c.id, partner_id=se.id))
        ap.set_use_rule(ws, pool.id, ["养老"], [])
        app = ap.create_draft(ws, ap.ApplicationInput(pool.id, "community", "", "长者助餐", "养老", 50_00,
                                                      (("食材", 50_00),), applicant_id=c.id)).value
        ap.submit(ws, app.id, app.version)
    finally:
        ws.close()
    return tmp_path, path, a.number, app.id


def test_receive_approve_disburse_publish(db):
    home, path, number, app_id = db
    admin = ("--db", str(path), "--user", "admin")
    r = run(home, *admin, "funds", "receive", number, "--amount", "1000.05", "--date", "2026-08-01", "--json",
            password=PW)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert (out["amount"], out["pool"], out["se_ledger"], out["replayed"]) == ("1000.05", "100.01", "900.04", False)
    r = run(home, *admin, "funds", "receive", number, "1000.05", "--date", "2026-08-01", password=PW)  # retry
    assert r.returncode == 0 and "100.01" in r.stdout and "未重复记账" in r.stdout
    cw = ("--db", str(path), "--user", "cw")
    r = run(home, *cw, "funds", "inbox", "--json", password=CW_PW)
    rows = json.loads(r.stdout)
    assert [(x["id"], x["current_role"]) for x in rows] == [(app_id, "community_worker")]
    r = run(home, *("--db", str(path), "--user", "appr"), "funds", "approve", str(app_id), password=APPR_PW)
    assert r.returncode == 1  # not the approver's step yet
    r = run(home, *cw, "funds", "approve", str(app_id), "--opinion", "同意", "--json", password=CW_PW)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["state"] == "in_approval"
    appr = ("--db", str(path), "--user", "appr")
    r = run(home, *appr, "funds", "approve", str(app_id), "--json", password=APPR_PW)
    assert json.loads(r.stdout)["state"] == "approved"
    r = run(home, *admin, "funds", "disburse", str(app_id), "--amount", "50", "--date", today(),
            "--payee", "幸福食堂", "--key", "pay-1", "--json", password=PW)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["amount"] == "50.00"
    r = run(home, *admin, "funds", "disburse", str(app_id), "--amount", "50", "--date", today(),
            "--payee", "幸福食堂", "--key", "pay-1", "--json", password=PW)
    assert json.loads(r.stdout)["replayed"] is True
    r = run(home, *admin, "funds", "applications", "--fund", "CLI-POOL", "--json", password=PW)
    assert [(x["state"], x["disbursed"]) for x in json.loads(r.stdout)] == [("approved", "50.00")]
    r = run(home, *admin, "funds", "projects", "CLI-POOL", "--quarter", QUARTER, "--json", password=PW)
    assert [(x["title"], x["approved"], x["paid_in_period"]) for x in json.loads(r.stdout)] == [
        ("长者助餐", "50.00", "50.00")]
    r = run(home, *admin, "funds", "statement", "CLI-POOL", "--quarter", QUARTER, "--json", password=PW)
    assert json.loads(r.stdout)["spending"] == [["长者助餐", "50.00"]]
