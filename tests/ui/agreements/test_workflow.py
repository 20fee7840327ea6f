"""Through the real dialogs and windows: a space and an agreement taken to in force; a signed agreement is
read-only; supplements and renewal; agreement step roles in the rules tab; the dashboard reminder."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from partnerdesk.services import agreement_queries as aq
from partnerdesk.services import agreements, partner_lifecycle
from partnerdesk.services.agreement_queries import AgreementFilter, SpaceFilter
from partnerdesk.ui.agreements.agreement_window import AgreementWindow
from partnerdesk.ui.agreements.page import AgreementsPage
from partnerdesk.ui.partners.rules_tab import RulesTab
from partnerdesk.ui.partners.widgets import combo_value, select_value

from .conftest import show
from .data import TODAY, duty_partners


def _step(window: AgreementWindow, action: str, opinion: str = "") -> None:
    window.step_buttons[action].click()
    window.dialog.opinion.setPlainText(opinion)
    window.dialog.ok_button().click()


def test_space_and_agreement_through_the_dialogs_to_in_force(session, built, host, qtbot, boxes):
    ws = session.ws
    page = show(host, qtbot, AgreementsPage(session, host))
    spaces_tab = page.show_tab("spaces")
    spaces_tab.new_button.click()
    dialog = spaces_tab.dialog
    select_value(dialog.community, built.community_id)
    dialog.name.setText("庚多功能厅")
    dialog.save()
    assert dialog.isVisible() and "面积" in dialog.error.text() or "area" in dialog.error.text()
    dialog.area.setText("120.5")
    dialog.shared.setChecked(True)
    dialog.save()
    assert not dialog.isVisible(), dialog.error.text()
    hall = aq.query_spaces(ws, SpaceFilter(text="庚多功能厅"))[0]
    assert hall.area_centi_m2 == 12050 and hall.shared_by_slot

    tab = page.show_tab("agreements")
    page.current().new()
    d = tab.dialog
    form = d.form
    select_value(form.community, None)
    select_value(form.space, hall.id)
    pid = duty_partners(ws, 1)[0]
    select_value(form.partner, pid)
    form.start.setDate(QDate(2026, 6, 1))
    form.end.setDate(QDate(2027, 5, 31))
    select_value(form.mode, "low_rent")
    form.rent.setText("1234.56")
    form.pool_share.setText("12.5")
    assert "12.50%" in form.split.text() and "87.50%" in form.split.text()
    d.save()  # a shared space needs time slots: the service says so under the form
    assert d.isVisible() and d.error.text()
    form.slots.add_button.click()
    d.save()
    assert not d.isVisible(), d.error.text()
    row = aq.query_agreements(ws, AgreementFilter(space_id=hall.id))[0]
    saved = agreements.get(ws, row.id)
    assert saved.data.rent_fen == 123_456 and saved.data.pool_share_bp == 1250 and len(saved.data.slots) == 1

    window = page.windows[row.id]  # opened after saving
    qtbot.waitExposed(window)
    assert window.edit_button.isVisible() and not window.banner.isVisible()
    for action in ("approve", "sign", "start"):
        _step(window, action, "同意")
    assert not boxes.shown, boxes.shown
    assert agreements.get(ws, row.id).state == "in_force"
    assert [e.action for e in window.events.rows()] == ["create", "approve", "sign", "start"]
    assert window.banner.isVisible() and not window.edit_button.isVisible()


def test_signed_agreement_opens_read_only_with_the_banner(session, built, host, qtbot, zh, boxes):
    aid = built.agreement_ids["signed"]
    window = AgreementWindow(session, aid, host)
    window.show()
    qtbot.waitExposed(window)
    assert window.banner.isVisible() and window.banner.text() == "已签订，只能通过补充协议或续签变更"
    assert not window.edit_button.isVisible()
    assert window.form.rent.isReadOnly() and not window.form.partner.isEnabled()
    assert window.form.rent.text() == "1500.00"
    assert window.supplement_button.isVisible() and window.renew_button.isVisible()
    # the service refuses editing too
    row = agreements.get(session.ws, aid)
    window.supplement_button.click()
    window.dialog.text.setPlainText("增加周末开放")
    window.dialog.ok_button().click()
    assert [s.text for s in window.supplements.rows()] == ["增加周末开放"]
    window.renew_button.click()
    window.dialog.new_end.setDate(QDate(2028, 4, 30))
    window.dialog.ok_button().click()
    assert not boxes.shown, boxes.shown
    renewal = [r for r in aq.query_agreements(session.ws, AgreementFilter(space_id=row.space_id))
               if r.id != aid][0]
    assert renewal.state == "draft" and renewal.start_date == date(2027, 5, 1)


def test_renewal_refused_by_the_rule_hook_shows_the_message(session, built, host, qtbot, boxes, monkeypatch):
    monkeypatch.setattr(agreements, "RENEWAL_CHECKS", [lambda s, pid: "agreement.not_signed"])
    window = AgreementWindow(session, built.agreement_ids["expiring"], host)
    window.show()
    window.renew_button.click()
    window.dialog.ok_button().click()
    assert [k for k, _ in boxes.shown] == ["warning"]


def test_terminate_needs_a_reason(session, built, host, qtbot, boxes):
    window = AgreementWindow(session, built.agreement_ids["in_force_75"], host)
    window.show()
    window.step_buttons["terminate"].click()
    window.dialog.ok_button().click()
    assert window.dialog.isVisible() and window.dialog.error.text()
    window.dialog.opinion.setPlainText("合伙人违约")
    window.dialog.ok_button().click()
    assert agreements.get(session.ws, built.agreement_ids["in_force_75"]).state == "terminated"


def test_rules_tab_saves_an_agreement_step(session, host, qtbot, boxes):
    tab = show(host, qtbot, RulesTab(session, host))
    assert tab.boxes[("agreement_approve", "approver")].isChecked()
    assert not tab.boxes[("agreement_approve", "staff")].isChecked()
    tab.boxes[("agreement_approve", "staff")].setChecked(True)
    tab.save_rules_button.click()
    assert not boxes.shown, boxes.shown
    assert partner_lifecycle.rules(session.ws)["agreement_approve"] == ["admin", "approver", "staff"]


def test_dashboard_reminder_counts_and_opens_the_list(qtbot, demo_ws, ui_settings):
    from tests.ui.agreements.data import build
    from tests.ui.support import open_window

    build(demo_ws)
    w = open_window(qtbot, demo_ws, ui_settings)
    dashboard = w.go_to("dashboard")
    reminder = dashboard.expiring
    assert reminder.count.text() == str(aq.count_expiring(demo_ws, 30))
    select_value(reminder.window_combo, 90)
    assert reminder.count.text() == str(aq.count_expiring(demo_ws, 90)) and int(reminder.count.text()) >= 2
    assert ui_settings.agreement_reminder_days == 90
    reminder.list_button.click()
    tab = w.current_page().current()
    assert combo_value(tab.state_combo) == "expiring" and combo_value(tab.window_combo) == 90
    assert tab.model.rowCount() == aq.count_expiring(demo_ws, 90)


def test_partner_window_lists_its_agreements(session, built, host, qtbot):
    from partnerdesk.ui.partners.record_window import PartnerWindow

    pid = built.partner_ids[3]
    window = PartnerWindow(session, pid, host)
    window.show()
    qtbot.waitExposed(window)
    rows = window.agreements.model.rows()
    assert built.agreement_ids["expiring"] in [r.id for r in rows]
    assert TODAY.year == window.agreements.delivery.year.value()
