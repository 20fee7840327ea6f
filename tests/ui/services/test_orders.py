"""Resident orders through their windows: create → dispatch → deliver → rate, reasons required, complaints
decided by an approver, overdue orders highlighted and filtered, the steps offered by role."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from partnerdesk.services import orders, service_records
from partnerdesk.services.service_records import ServiceFilter
from partnerdesk.ui.partners.widgets import select_value
from partnerdesk.ui.services.order_steps import StarPicker
from partnerdesk.ui.services.order_window import OrderWindow
from partnerdesk.ui.services.orders_tab import OrdersTab

from .conftest import audit_actions, make_order, serving_partner, settle


@pytest.fixture
def tab(session, host, qtbot) -> OrdersTab:
    widget = OrdersTab(session, host)
    host.setCentralWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    return widget


def _step(window: OrderWindow, action: str):  # noqa: ANN202 - the StepDialog
    assert action in window.action_buttons, list(window.action_buttons)
    return window.take(action)


def test_an_order_from_creation_to_rating(tab, qtbot, boxes, qtmodeltester):
    ws = tab.session.ws
    pid, partner_name, community_id = serving_partner(ws)
    dialog = tab.new_order()
    select_value(dialog.findChild(type(tab.community_combo), "orderCommunity"), community_id)
    dialog.findChild(type(tab.search), "residentName").setText("王大爷")
    dialog.ok_button().click()
    assert "王大爷" not in str(boxes.shown) and dialog.isVisible()  # the service wanted is required
    dialog.findChild(object, "orderWanted").setPlainText("每周上门助浴一次")
    dialog.ok_button().click()
    settle(qtbot, tab.session)
    assert not dialog.isVisible(), boxes.shown
    order_id = max(tab.windows)
    window = tab.windows[order_id]
    assert window.order.state == "pending" and window.fields["resident"].text().startswith("王大爷")
    assert set(window.action_buttons) == {"dispatch", "reject", "cancel"}

    step = _step(window, "dispatch")
    chooser = step.findChild(type(tab.community_combo), "partnerChooser")
    chooser.setEditText(partner_name)
    step.ok_button().click()
    settle(qtbot, tab.session)
    assert window.order.state == "in_service" and window.order.partner_id == pid

    step = _step(window, "deliver")
    step.ok_button().click()
    settle(qtbot, tab.session)
    assert window.order.state == "completed", boxes.shown
    assert service_records.count(ws, ServiceFilter(partner_id=pid)) >= 1
    assert set(window.action_buttons) == {"rate", "complain"}

    step = _step(window, "rate")
    stars = step.findChild(StarPicker)
    stars.setFocus()
    qtbot.keyClick(stars, Qt.Key.Key_4)
    assert stars.value() == 4
    step.ok_button().click()
    settle(qtbot, tab.session)
    assert window.order.rating == 4 and "★★★★☆" in window.fields["rating"].text()
    assert set(window.action_buttons) == {"complain"}
    steps = [window.events.row_at(window.events.index(r, 0)).action for r in range(window.events.rowCount())]
    assert steps == ["create", "dispatch", "deliver", "rate"]
    qtmodeltester.check(window.events)
    assert audit_actions(ws, "order", order_id)[-1] == "order.rate"
    tab.reload()
    row = tab.model.find_id(order_id)
    assert row >= 0 and tab.model.data(tab.model.index(row, 8)) == "★★★★☆"


def test_reasons_are_required_and_complaints_are_decided(tab, qtbot, boxes, qtmodeltester):
    ws = tab.session.ws
    _pid, _name, community_id = serving_partner(ws)
    order_id = make_order(ws, community_id)
    window = tab.open_order(order_id)
    step = _step(window, "reject")
    step.ok_button().click()
    assert step.isVisible() and step.error.text()  # a reason is required, asked for before the service
    step.findChild(object, "reason").setPlainText("不在服务范围内")
    step.ok_button().click()
    settle(qtbot, tab.session)
    assert window.order.state == "rejected" and window.fields["reason"].text() == "不在服务范围内"
    assert not window.action_buttons

    pid, name, community_id = serving_partner(ws)
    order_id = make_order(ws, community_id, name="张阿姨")
    o = orders.get(ws, order_id)
    o = orders.transition(ws, order_id, o.version, "dispatch", partner_id=pid).value
    from partnerdesk.services.orders import DeliveryInput

    orders.transition(ws, order_id, o.version, "deliver", delivery=DeliveryInput(ws.now().date(), "free", 1, 60))
    window = tab.open_order(order_id)
    step = _step(window, "complain")
    step.required[0][0].setPlainText("服务人员迟到一小时")
    step.ok_button().click()
    settle(qtbot, tab.session)
    assert window.complaints.rowCount() == 1
    qtmodeltester.check(window.complaints)
    window.complaints_view.setCurrentIndex(window.complaints.index(0, 0))
    assert window.decide_button.isVisible() and window.decide_button.isEnabled()
    decide = window.decide()
    decide.findChild(object, "upheld").setChecked(True)
    decide.required[0][0].setPlainText("经核实属实")
    decide.ok_button().click()
    settle(qtbot, tab.session)
    row = window.complaints.row_at(window.complaints.index(0, 0))
    assert row.state == "upheld" and row.decision == "经核实属实"
    assert not window.decide_button.isEnabled()


def test_overdue_orders_are_highlighted_and_can_be_shown_alone(tab, qtbot):
    ws = tab.session.ws
    _pid, _name, community_id = serving_partner(ws)
    late = make_order(ws, community_id, days_ago=10, due_in=3, name="逾期的刘爷爷")
    fine = make_order(ws, community_id, days_ago=0, due_in=5, name="按时的陈奶奶")
    tab.reload()
    tab.search.setText("爷爷")
    tab.debounce.flush()
    late_row = tab.model.find_id(late)
    assert late_row >= 0
    assert tab.model.data(tab.model.index(late_row, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "⚠" in tab.model.data(tab.model.index(late_row, 2))
    tab.search.clear()
    tab.debounce.flush()
    fine_row = tab.model.find_id(fine)
    assert tab.model.data(tab.model.index(fine_row, 0), Qt.ItemDataRole.BackgroundRole) is None
    tab.overdue_check.setChecked(True)
    shown = {tab.model.row_at(r).id for r in range(tab.model.rowCount())}
    assert late in shown and fine not in shown
    assert all(tab.model.row_at(r).overdue for r in range(tab.model.rowCount()))
    assert tab.count_label.text().endswith(f"{tab.model.rowCount():,}")


def test_auditors_see_orders_but_take_no_steps(demo_ws, host, qtbot):
    from partnerdesk.settings import Settings
    from partnerdesk.ui.operations import OperationBus
    from partnerdesk.ui.session import Session

    from .conftest import make_order as new
    _pid, _name, community_id = serving_partner(demo_ws)
    order_id = new(demo_ws, community_id)
    auditors = [u for u in __import__("partnerdesk.services.accounts", fromlist=["x"]).list_users(demo_ws)
                if u.role == "auditor"]
    from tests.ui.partners.conftest import sign_in

    sign_in(demo_ws, auditors[0].username)
    session = Session(demo_ws, Settings(), host.findChild(OperationBus, "operationBus"))
    tab = OrdersTab(session, host)
    assert not tab.new_button.isVisible()
    window = tab.open_order(order_id)
    assert not window.action_buttons and not window.decide_button.isVisible()
