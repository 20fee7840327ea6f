"""Every tab of the Funds page on real data: the models pass qtmodeltester; a micro-fund's governance refusals
appear under the form; an unbalanced entry is refused and writes nothing; a donation shows its receipt number."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel

from partnerdesk.domain import ledger as L
from partnerdesk.domain.roles import Actor, Role
from partnerdesk.services import applications, donations, feedback, funds, ledger
from partnerdesk.services.applications import ApplicationInput
from partnerdesk.services.donations import DonationInput
from partnerdesk.ui.partners.widgets import select_value

from .conftest import settle
from .data import TODAY


def _seed(ws, data) -> int:  # noqa: ANN001
    """Money in (feedback, a donation, a manual entry) and one application waiting for the approver."""
    feedback.record_report(ws, data.agreement_id, "2026Q1", 2_000_000_00)
    feedback.receive(ws, data.agreement_id, 50_000_00, date(2026, 7, 15), "seed-receipt")
    donations.record(ws, data.pool_id, DonationInput("张三", "person", 1_000_00, date(2026, 7, 20), "助老", True),
                     "seed-donation")
    acc = {a.code: a.account_id for a in ledger.balances(ws, data.pool_id)}
    ledger.post(ws, data.pool_id, date(2026, 7, 21), [L.Line.debit(acc[L.CASH], 200_00),
                                                      L.Line.credit(acc[L.BANK], 200_00)], "提取备用金", "seed-post")
    a = applications.create_draft(ws, ApplicationInput(data.pool_id, "community", "", "长者助餐", "养老", 800_00,
                                                       (("食材", 800_00),), applicant_id=data.community_id)).value
    applications.submit(ws, a.id, a.version)
    return a.id


def test_every_model_passes_the_model_tester(qtmodeltester, qtbot, page, data, session):
    app_id = _seed(session.ws, data)
    funds_tab = page.show_tab("funds")
    assert funds_tab.model.rowCount() > 2  # the demo's funds too
    funds_tab.search.setText("资金测试")
    assert funds_tab.model.rowCount() == 2
    funds_tab.select(data.pool_id)
    assert {r.code: r.balance_fen for r in funds_tab.accounts.rows()}[L.BANK] == 5_000_00 + 1_000_00 - 200_00
    ledger_tab = page.show_tab("ledger")
    ledger_tab.set_fund(data.pool_id)
    assert ledger_tab.model.rowCount() == 6
    select_value(ledger_tab.account, next(a.account_id for a in ledger.balances(session.ws, data.pool_id)
                                          if a.code == L.BANK))
    assert ledger_tab.model.rowCount() == 3
    running = [ledger_tab.model.row_at(i).running_fen for i in range(3)]
    assert running == [5_000_00, 6_000_00, 5_800_00]
    fb = page.show_tab("feedback")
    select_value(fb.community, data.community_id)
    assert fb.model.rowCount() == 1 and fb.receipts.rowCount() == 1 and fb.reports.rowCount() == 1
    don = page.show_tab("donations")
    select_value(don.fund, data.pool_id)
    assert don.published.rows()[0].donor == "匿名" and don.model.rows()[0].donor == "张三"
    apps = page.show_tab("applications")
    select_value(apps.fund, data.pool_id)
    assert apps.model.rowCount() == 1
    statement = page.show_tab("statement")
    select_value(statement.fund, data.pool_id)
    window = page.open_application(app_id)
    models = [funds_tab.model, funds_tab.accounts, ledger_tab.model, ledger_tab.recon, fb.model, fb.reports,
              fb.receipts, fb.overdue, don.model, don.published, apps.model, page.tab("inbox").model,
              statement.model, statement.projects, window.budget, window.steps, window.payments]
    for model in models:
        qtmodeltester.check(model)
    assert statement.model.rowCount() >= 5
    window.close()


def test_micro_fund_refusals_are_shown_under_the_form(qtbot, page, data, session, boxes):
    tab = page.show_tab("funds")
    dialog = tab.new()
    select_value(dialog.kind, "micro")
    select_value(dialog.unit, data.community_id)
    dialog.code.setText("MICRO-T")
    dialog.name.setText("幸福微基金")
    dialog.host.setText("区慈善总会")
    dialog.committee.rows[0].name.setText("甲")
    for name in ("乙", "丙", "丁"):
        dialog.committee.add(name)
    dialog.ok()
    assert dialog.isVisible() and "5" in dialog.error.text(), dialog.error.text()  # at least five members
    dialog.committee.add("戊")
    dialog.committee.add("己")
    dialog.ok()
    assert dialog.isVisible() and "odd" in dialog.error.text(), dialog.error.text()
    dialog.committee.rows[-1].remove.click()
    qtbot.wait(1)
    dialog.ok()
    assert dialog.isVisible() and "supervisor" in dialog.error.text(), dialog.error.text()
    dialog.committee.add("庚", "supervisor")
    dialog.committee.rows[1].unpaid.setChecked(False)
    dialog.ok()
    assert dialog.isVisible() and "unpaid" in dialog.error.text(), dialog.error.text()
    dialog.committee.rows[1].unpaid.setChecked(True)
    dialog.ok()
    assert not dialog.isVisible(), dialog.error.text()
    made = funds.find(session.ws, "MICRO-T")
    assert made.host == "区慈善总会" and made.supervisors == ("庚",) and len(made.committee) == 5
    assert not boxes.shown
    assert tab.current_fund().id == made.id


def test_an_unbalanced_entry_is_refused_and_nothing_is_written(qtbot, page, data, session, boxes):
    ws = session.ws
    tab = page.show_tab("ledger")
    tab.set_fund(data.pool_id)
    before = tab.model.rowCount()
    dialog = tab.new()
    acc = {a.code: a.account_id for a in ledger.balances(ws, data.pool_id)}
    first, second = dialog.lines
    select_value(first.account, acc[L.BANK])
    first.debit.setText("100")
    select_value(second.account, acc[L.GRANT_INCOME])
    second.credit.setText("90.5")
    dialog.memo.setText("区财政补助")
    assert "9.50" in dialog.balance.text()
    dialog.ok()
    assert dialog.isVisible() and "9.50" in dialog.error.text()
    dialog.check = lambda: ""  # past the form's own check: the service refuses it too
    dialog.ok()
    assert dialog.isVisible() and "9050" in dialog.error.text(), dialog.error.text()
    settle(qtbot, session)
    assert tab.model.rowCount() == before and ledger.ledger_lines(ws, data.pool_id) == []
    second.credit.setText("100")
    dialog.ok()
    dialog.ok()  # a double click: the same key posts once
    settle(qtbot, session)
    assert not dialog.isVisible() and not boxes.shown
    assert len(ledger.ledger_lines(ws, data.pool_id)) == 2
    assert tab.model.rowCount() == 2


def test_a_donation_shows_its_receipt_number_and_reversal_needs_a_reason(qtbot, page, data, session):
    tab = page.show_tab("donations")
    select_value(tab.fund, data.pool_id)
    dialog = tab.new()
    dialog.donor.setText("幸福超市")
    select_value(dialog.kind, "organisation")
    dialog.amount.setText("1,000")
    dialog.amount.setText("1000")
    dialog.ok()
    settle(qtbot, session)
    assert not dialog.isVisible(), dialog.error.text()
    assert f"POOL-T-{TODAY.year}-00001" in tab.receipt_label.text()
    assert tab.model.rowCount() == 1 and tab.published.rows()[0].donor == "幸福超市"
    ledger_tab = page.show_tab("ledger")
    ledger_tab.set_fund(data.pool_id)
    ledger_tab.table.setCurrentIndex(ledger_tab.model.index(0, 0))
    rev = ledger_tab.reverse()
    rev.ok()
    assert rev.isVisible() and rev.error.text()
    rev.reason.setPlainText("重复登记")
    rev.ok()
    settle(qtbot, session)
    assert not rev.isVisible(), rev.error.text()
    assert ledger_tab.model.rowCount() == 4
    assert page.show_tab("donations").published.rowCount() == 0


def test_registered_after_services_in_the_issues_order():
    from partnerdesk.ui.pages.registry import PAGES

    assert [p.key for p in PAGES] == ["dashboard", "partners", "agreements", "services", "funds", "documents",
                                      "administration"]
    assert next(p for p in PAGES if p.key == "funds").icon == "funds.svg"


def test_an_application_keeps_its_files(qtbot, page, data, session, tmp_path, monkeypatch, qtmodeltester):
    from PySide6.QtWidgets import QFileDialog

    from partnerdesk.services import attachments

    app_id = _seed(session.ws, data)
    window = page.open_application(app_id)
    quote = tmp_path / "厨房设备报价单.pdf"
    quote.write_bytes(b"%PDF-1.4 quote")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(quote), "")))
    window.files.add_file()
    qtbot.waitUntil(lambda: window.files.model.rowCount() == 1, timeout=5000)
    stored = attachments.list_for(session.ws, "application", app_id)
    assert [(f.filename, f.size) for f in stored] == [("厨房设备报价单.pdf", len(b"%PDF-1.4 quote"))]
    qtmodeltester.check(window.files.model)
    window.close()


def test_print_buttons_preview_the_approval_form_voucher_and_receipt(qtbot, page, data, session):
    from PySide6.QtPdf import QPdfDocument

    from partnerdesk.services import accounts
    from partnerdesk.ui.documents.preview_dialog import PreviewDialog

    ws = session.ws
    app_id = _seed(ws, data)
    accounts.login(ws, "approver1", "demo-pass-1")
    applications.act(ws, app_id, applications.get(ws, app_id).version, "approve", "同意")
    accounts.login(ws, "admin", "admin-pass-1")
    paid = applications.disburse(ws, app_id, 300_00, date(2026, 8, 10), "幸福厨具店", "pay-print").value
    window = page.open_application(app_id)
    assert window._payment_id() == paid.id  # noqa: SLF001 - the latest payment when none is selected

    def previews() -> list[PreviewDialog]:
        return [w for w in window.findChildren(PreviewDialog)]

    for name, kind in (("printApplication", "project_approval"), ("printVoucher", "disbursement_voucher")):
        before = len(previews())
        window.findChild(type(window.files.add_button), name).click()
        qtbot.waitUntil(lambda n=before: len(previews()) == n + 1, timeout=5000)
        dialog = previews()[-1]
        qtbot.waitUntil(lambda d=dialog: d.document.status() == QPdfDocument.Status.Ready, timeout=15000)
        assert dialog.kind == kind and dialog.document.pageCount() >= 1 and dialog.pdf.startswith(b"%PDF")
        dialog.close()
    window.close()
    don = page.show_tab("donations")
    select_value(don.fund, data.pool_id)
    don.table.setCurrentIndex(don.model.index(0, 0))
    don.findChild(type(don.new_button), "printReceipt").click()
    qtbot.waitUntil(lambda: bool(don.findChildren(PreviewDialog)), timeout=5000)
    receipt = don.findChildren(PreviewDialog)[-1]
    qtbot.waitUntil(lambda: receipt.document.status() == QPdfDocument.Status.Ready, timeout=15000)
    assert receipt.kind == "donation_receipt" and receipt.record_id == don.model.rows()[0].id
    receipt.close()


def test_the_approver_sees_what_the_fund_can_still_promise(qtbot, page, data, session, boxes):
    """The approve dialog shows the fund's bank, promises and what is available; at the last step an approval beyond
    it is announced before OK and refused by the service (nothing changes); the funds tab shows the promises."""
    ws = session.ws
    acc = {a.code: a.id for a in funds.accounts(ws, data.pool_id)}
    ledger.post(ws, data.pool_id, date(2026, 8, 1), [L.Line.debit(acc[L.BANK], 2_000_00),
                                                     L.Line.credit(acc[L.OTHER_INCOME], 2_000_00)], "拨入", "ui-in")
    admin = ws.actor
    ws.actor = Actor(301, "clerk-ui", Role.STAFF)
    a = applications.create_draft(ws, applications.ApplicationInput(
        data.pool_id, "community", "", "托育角", "托育", 2_500_00, (("玩具", 2_500_00),),
        applicant_id=data.community_id)).value
    a = applications.submit(ws, a.id, a.version).value
    ws.actor = Actor(302, "staff-ui", Role.STAFF)
    a = applications.act(ws, a.id, a.version, "approve").value
    ws.actor = Actor(303, "appr-ui", Role.APPROVER)
    window = page.open_application(a.id)
    window.reload()
    window.buttons["approve"].click()
    dialog = window.dialog
    assert dialog.position.text() == "Bank 2,000.00 yuan · approved, not yet paid 0.00 yuan · available 2,000.00 yuan"
    assert "2,500.00" in dialog.error.text() and "2,000.00" in dialog.error.text()
    before = applications.get(ws, a.id)
    dialog.ok()
    settle(qtbot, session)
    assert dialog.isVisible() and "so 2,000.00 yuan is available" in dialog.error.text()
    after = applications.get(ws, a.id)
    assert (after.state, after.version, after.current_step.seq) == (before.state, before.version, 2)
    dialog.reject()
    window.close()
    ws.actor = admin
    tab = page.show_tab("funds")
    tab.reload()
    tab.select(data.pool_id)
    assert tab.position.text().strip() == ("Approved, not yet paid: 0.00 yuan · available for new approvals: "
                                          "2,000.00 yuan")


def test_an_approver_reopens_the_latest_closed_period_with_a_reason(qtbot, page, data, session, boxes):
    ws = session.ws
    tab = page.show_tab("ledger")
    tab.set_fund(data.pool_id)
    assert tab.reopen_button.isVisibleTo(tab)  # the administrator may
    assert tab.reopen_period() is None and any("No period" in t for t in boxes.texts())  # nothing closed yet
    ledger.close_period(ws, data.pool_id, "2026-06")
    ledger.close_period(ws, data.pool_id, "2026-07", "七月结账")
    dialog = tab.reopen_period()
    assert "2026-07" in dialog.findChild(QLabel, "intro").text()
    dialog.ok()
    assert dialog.isVisible() and dialog.error.text()  # a reason is required
    dialog.reason.setText("七月漏记一笔捐赠")
    dialog.ok()
    settle(qtbot, session)
    assert not dialog.isVisible(), dialog.error.text()
    assert ledger.closed_periods(ws, data.pool_id) == [("2026-06", date(2026, 6, 30), "admin")]
