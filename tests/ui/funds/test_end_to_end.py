"""The issue's UI test: revenue feedback received (the split shown, then posted to the pool and the
social-enterprise ledger), a project applied for, approved through two steps (signed in as the role of each),
paid once despite a double click; the ledger shows the payment and the statement lists it under the project; the
statement exported to .xlsx and read back."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl
from PySide6.QtWidgets import QFileDialog

from partnerdesk.domain import ledger as L
from partnerdesk.services import accounts, applications, audit_queries, feedback, ledger
from partnerdesk.ui.partners.widgets import select_value
from tests.ui.partners.conftest import DEMO_PASSWORD

from .conftest import settle
from .data import TODAY

ADMIN_PASSWORD = "admin-pass-1"


def bank(ws, fund_id: int) -> int:  # noqa: ANN001
    return next(b.balance_fen for b in ledger.balances(ws, fund_id) if b.code == L.BANK)


def _decide(qtbot, window, who: str, session) -> None:  # noqa: ANN001
    accounts.login(session.ws, who, DEMO_PASSWORD)
    window.reload()
    assert set(window.buttons) >= {"approve", "reject", "return"}, (who, list(window.buttons))
    window.buttons["approve"].click()
    dialog = window.dialog
    dialog.opinion.setPlainText("同意")
    dialog.ok()
    settle(qtbot, session)
    assert not dialog.isVisible(), dialog.error.text()


def test_receive_apply_approve_in_two_steps_pay(qtbot, page, data, session, boxes, tmp_path, monkeypatch):
    ws = session.ws

    # revenue feedback: the split is shown before confirming, then both parts are posted
    fb = page.show_tab("feedback")
    select_value(fb.community, data.community_id)
    fb.select(data.agreement_id)
    dialog = fb.receive()
    dialog.amount.setText("50000")
    assert "5,000.00" in dialog.split.text() and "45,000.00" in dialog.split.text()
    dialog.ok()
    settle(qtbot, session)
    assert not dialog.isVisible(), dialog.error.text()
    assert (bank(ws, data.pool_id), bank(ws, data.se_id)) == (5_000_00, 45_000_00)
    assert fb.receipts.rows()[0].pool_fen == 5_000_00
    assert [r.amount_fen for r in feedback.receipts(ws, data.agreement_id)] == [50_000_00]

    # a project application, through the dialog (budget lines must sum to the amount)
    apps = page.show_tab("applications")
    new = apps.new()
    select_value(new.fund, data.pool_id)
    select_value(new.applicant_kind, "community")
    select_value(new.applicant, data.community_id)
    new.title_edit.setText("长者助餐点改造")
    select_value(new.category, "养老")
    new.amount.setText("3000")
    new.budget.lines[0].item.setText("厨具")
    new.budget.lines[0].amount.setText("2000")
    new.ok()
    assert new.isVisible() and new.error.text()  # 2,000 of 3,000: the budget does not add up
    new.budget.add("水电改造", "1000")
    new.ok()
    settle(qtbot, session)
    assert not new.isVisible(), new.error.text()
    app_id = max(page.windows)
    window = page.windows[app_id]
    assert window.row.state == "draft" and {"submit", "edit"} <= set(window.buttons)
    window.buttons["submit"].click()
    settle(qtbot, session)
    assert window.row.state == "submitted"
    assert [s.role for s in window.row.steps] == ["staff", "approver"]  # the larger tier: two steps

    # step 1 by a case officer, step 2 by an approver (each signed in); the inbox shows whose turn it is
    accounts.login(ws, "staff1", DEMO_PASSWORD)
    page.update_inbox_title()
    assert page.inbox_count >= 1
    assert page.tabs.tabText(page.tabs.indexOf(page.holders["inbox"])).endswith(f"({page.inbox_count})")
    inbox = page.show_tab("inbox")
    inbox.reload()
    assert app_id in [r.id for r in inbox.model.rows()]
    _decide(qtbot, window, "staff1", session)
    assert window.row.state == "in_approval"
    _decide(qtbot, window, "approver1", session)
    assert window.row.state == "approved" and window.row.locked
    history = window.steps.rows()
    assert [(s.role, s.state, s.actor) for s in history] == [("staff", "approved", "staff1"),
                                                            ("approver", "approved", "approver1")]

    # pay as the administrator: a double click pays once
    accounts.login(ws, "admin", ADMIN_PASSWORD)
    window.reload()
    window.buttons["disburse"].click()
    pay = window.dialog
    assert pay.amount.text() == "3000.00"
    pay.payee.setText("幸福厨具店")
    pay.ok()
    pay.ok()
    settle(qtbot, session)
    assert not pay.isVisible(), pay.error.text()
    paid = applications.disbursements(ws, app_id)
    assert [(p.amount_fen, p.payee) for p in paid] == [(3_000_00, "幸福厨具店")]
    assert bank(ws, data.pool_id) == 2_000_00
    assert not boxes.shown, boxes.shown
    window.close()

    # the ledger tab shows the payment
    led = page.show_tab("ledger")
    led.set_fund(data.pool_id)
    rows = [led.model.row_at(i) for i in range(led.model.rowCount())]
    payment = [r for r in rows if r.kind == "disbursement"]
    assert {(r.account_code, r.debit_fen, r.credit_fen) for r in payment} == {
        (L.PROJECT_SPENDING, 3_000_00, 0), (L.BANK, 0, 3_000_00)}
    assert payment[0].project == "长者助餐点改造"

    # the statement lists it under the project; exported and read back
    st = page.show_tab("statement")
    select_value(st.fund, data.pool_id)
    st.period.set_period("quarter", TODAY.year, 3)
    lines = {(r.section, r.item): r.amount for r in st.model.rows()}
    assert lines[("Spending", "长者助餐点改造")] == Decimal("3000.00")
    assert lines[("Income", "收益反哺收入")] == Decimal("5000.00")
    assert st.statement.closing == Decimal("2000.00")
    assert [p.title for p in st.projects.rows()] == ["长者助餐点改造"]
    target = tmp_path / "statement.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    st.export()
    settle(qtbot, session)
    assert st.last_export == target
    sheet = openpyxl.load_workbook(target).active
    values = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert values[0] == ("Section", "Item", "Amount (yuan)")
    assert ("Spending", "长者助餐点改造", 3000) in values
    assert ("Closing balance", TODAY.replace(month=9, day=30).isoformat(), 2000) in values
    exported = [e for e in audit_queries.list_entries(ws) if e.action == "export"]
    assert [(e.entity, e.entity_id) for e in exported[:1]] == [("fund_statement", str(data.pool_id))]
    assert json.loads(exported[0].after)["file"] == "statement.xlsx"
