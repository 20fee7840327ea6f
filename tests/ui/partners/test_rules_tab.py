"""Programme rules tab: lifecycle step roles and the filing-number pattern, saved through the services."""

from __future__ import annotations

from sqlalchemy import func, select

from partnerdesk.db.models import AuditLog
from partnerdesk.services import partner_lifecycle
from partnerdesk.ui.partners.page import PartnersPage
from partnerdesk.ui.partners.rules_tab import RulesTab

from .conftest import sign_in


def _show(host, qtbot, widget):  # noqa: ANN001, ANN202
    host.setCentralWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    return widget


def _commits(ws) -> int:
    with ws.read() as uow:
        return uow.session.scalar(select(func.count()).where(AuditLog.action == "lifecycle.rule"))


def test_step_roles_saved_in_one_action(session, host, qtbot, boxes):
    tab = _show(host, qtbot, RulesTab(session, host))
    assert tab.boxes[("exit", "approver")].isChecked()
    assert not tab.boxes[("exit", "staff")].isChecked()
    tab.boxes[("exit", "staff")].setChecked(True)
    tab.boxes[("renew", "approver")].setChecked(False)
    tab.save_rules_button.click()
    assert not boxes.shown, boxes.shown
    rules = partner_lifecycle.rules(session.ws)
    assert rules["exit"] == ["admin", "approver", "staff"] and rules["renew"] == ["admin"]
    assert _commits(session.ws) == 2  # two steps changed, both recorded


def test_a_step_nobody_may_take_is_refused(session, host, qtbot, boxes):
    tab = _show(host, qtbot, RulesTab(session, host))
    for role in ("admin", "approver"):
        tab.boxes[("file", role)].setChecked(False)
    tab.save_rules_button.click()
    assert [k for k, _ in boxes.shown] == ["warning"]
    assert "admin" in partner_lifecycle.rules(session.ws)["file"]


def test_filing_pattern_with_live_example(session, host, qtbot, boxes):
    tab = _show(host, qtbot, RulesTab(session, host))
    tab.pattern.setText("{street}社区合伙人备字〔{year}〕第{seq:03d}号")
    assert tab.sample.text() == "石油路街道社区合伙人备字〔2026〕第012号"
    tab.save_pattern_button.click()
    assert partner_lifecycle.filing_pattern(session.ws) == "{street}社区合伙人备字〔{year}〕第{seq:03d}号"
    tab.pattern.setText("{street}〔{yaer}〕")
    assert tab.sample.text() != "" and "〔" not in tab.sample.text()


def test_rules_tab_only_for_administrators(session, host, qtbot):
    sign_in(session.ws, "staff1")
    page = _show(host, qtbot, PartnersPage(session, host))
    assert "rules" not in page.tab_pages
