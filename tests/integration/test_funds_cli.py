"""`partnerdesk funds list | ledger | statement` as a real process against a real SQLite file."""

from __future__ import annotations

import json
from datetime import date

import pytest

from partnerdesk.domain import ledger as L
from partnerdesk.domain.applications import Step, Tier
from partnerdesk.domain.roles import Actor, Role
from partnerdesk.services import accounts, applications, funds, ledger, org
from partnerdesk.services.workspace import open_workspace
from tests.integration.test_cli import run

PW = "admin-pass-1"


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "funds.sqlite3"
    ws = open_workspace(f"sqlite:///{path}")
    try:
        accounts.init_office(ws, "admin", PW, "渝新区", "石油路街道")
        accounts.login(ws, "admin", PW)
        c = org.add_unit(ws, "community", org.office(ws).street_id, "命令行社区").value
        f = funds.create(ws, funds.FundInput("CLI-POOL", "命令行基金池", "pool", c.id)).value
        a = {x.code: x.id for x in funds.accounts(ws, f.id)}
        ledger.post(ws, f.id, date(2026, 7, 1), [L.Line.debit(a[L.BANK], 12_345),
                                                 L.Line.credit(a[L.FEEDBACK_INCOME], 12_345)], "七月反哺", "c-1")
        ledger.post(ws, f.id, date(2026, 8, 1), [L.Line.debit(a[L.PROJECT_SPENDING], 2_000),
                                                 L.Line.credit(a[L.BANK], 2_000)], "助餐", "c-2", project="长者助餐")
        # an approved project not yet paid: 50.00 of the 103.45 held are promised
        applications.set_use_rule(ws, f.id, ["养老"], [])
        applications.set_tiers(ws, [Tier(1, None, (Step("approver", "审批"),), name="全部")])
        ws.actor = Actor(91, "clerk", Role.STAFF)
        d = applications.create_draft(ws, applications.ApplicationInput(
            f.id, "community", "", "助浴", "养老", 5_000, (("用品", 5_000),), applicant_id=c.id)).value
        d = applications.submit(ws, d.id, d.version).value
        ws.actor = Actor(92, "appr", Role.APPROVER)
        assert applications.act(ws, d.id, d.version, "approve").value.state == "approved"
    finally:
        ws.close()
    return tmp_path, path


def test_funds_list_ledger_statement(db):
    home, path = db
    base = ("--db", str(path), "--user", "admin")
    r = run(home, *base, "funds", "list", "--json", password=PW)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == [{"id": 1, "code": "CLI-POOL", "name": "命令行基金池", "kind": "pool",
                                     "unit": "命令行社区", "host": "", "money": "103.45", "committed": "50.00",
                                     "available": "53.45"}]
    r = run(home, *base, "funds", "ledger", "CLI-POOL", "--json", "--from", "2026-07-15", password=PW)
    rows = json.loads(r.stdout)
    assert [(x["account"], x["debit"], x["credit"]) for x in rows] == [("5101", "20.00", "0.00"), ("1002", "0.00", "20.00")]
    r = run(home, *base, "funds", "ledger", "CLI-POOL", password=PW)
    assert r.returncode == 0 and "123.45" in r.stdout and "七月反哺" in r.stdout
    r = run(home, *base, "funds", "statement", "CLI-POOL", "--quarter", "2026Q3", "--json", password=PW)
    s = json.loads(r.stdout)
    assert (s["opening"], s["income_total"], s["spending"], s["closing"]) == (
        "0.00", "123.45", [["长者助餐", "20.00"]], "103.45")
    r = run(home, *base, "funds", "ledger", "NOPE", password=PW)
    assert r.returncode == 1


def test_close_and_reopen_from_the_command_line(db):
    home, path = db
    base = ("--db", str(path), "--user", "admin")
    r = run(home, *base, "funds", "close", "CLI-POOL", "2026-07", "--json", password=PW)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == {"fund": "CLI-POOL", "period": "2026-07", "done": "closed",
                                    "closed_through": "2026-07-31"}
    r = run(home, *base, "funds", "reopen", "CLI-POOL", "2026-06", "--reason", "漏记", password=PW)
    assert r.returncode == 1 and "2026-07" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    r = run(home, *base, "funds", "reopen", "CLI-POOL", "2026-07", "--reason", "七月漏记", "--json", password=PW)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["closed_through"] is None
    r = run(home, *base, "funds", "reopen", "CLI-POOL", "2026-07", password=PW)
    assert r.returncode != 0  # --reason is required
