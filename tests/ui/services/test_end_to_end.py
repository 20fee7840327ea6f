"""The service loop end to end in the real main window, in Chinese: a space and an agreement made through the
Spaces & agreements page's dialogs and taken to in force; a paper sign-in sheet typed into the entry grid
against that agreement and saved; a resident's order ordered, dispatched, delivered and rated."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt

from partnerdesk.services import agreement_queries as aq
from partnerdesk.services import agreements, orders, service_records
from partnerdesk.services.agreement_queries import AgreementFilter, SpaceFilter
from partnerdesk.services.service_records import ServiceFilter
from partnerdesk.ui.partners.widgets import select_value
from partnerdesk.ui.services.order_steps import StarPicker
from tests.ui.support import open_window

from .conftest import serving_partner, settle
from .test_entry_grid import go, type_cell


def _agreement_step(window, action: str) -> None:  # noqa: ANN001
    window.step_buttons[action].click()
    window.dialog.opinion.setPlainText("同意")
    window.dialog.ok_button().click()


def test_space_agreement_sign_in_sheet_and_a_rated_order(qtbot, zh, demo_ws, ui_settings, boxes):
    ws = demo_ws
    today = ws.now().date()
    w = open_window(qtbot, ws, ui_settings)
    pid, partner_name, community_id = serving_partner(ws)

    # a space and its agreement, through the agreements page's dialogs
    page = w.go_to("agreements")
    spaces_tab = page.show_tab("spaces")
    spaces_tab.new_button.click()
    dialog = spaces_tab.dialog
    select_value(dialog.community, community_id)
    dialog.name.setText("幸福里睦邻活动室")
    dialog.area.setText("86")
    dialog.save()
    assert not dialog.isVisible(), dialog.error.text()
    space = aq.query_spaces(ws, SpaceFilter(text="幸福里睦邻活动室"))[0]
    tab = page.show_tab("agreements")
    page.current().new()
    form = tab.dialog.form
    select_value(form.community, None)
    select_value(form.space, space.id)
    select_value(form.partner, pid)
    start = today - timedelta(days=40)
    form.start.setDate(QDate(start.year, start.month, start.day))
    end = start + timedelta(days=364)
    form.end.setDate(QDate(end.year, end.month, end.day))
    select_value(form.mode, "space_for_services")
    tab.dialog.save()
    assert not tab.dialog.isVisible(), tab.dialog.error.text()
    agreement = aq.query_agreements(ws, AgreementFilter(space_id=space.id))[0]
    window = page.windows[agreement.id]
    for action in ("approve", "sign", "start"):
        _agreement_step(window, action)
    assert agreements.get(ws, agreement.id).state == "in_force", boxes.shown
    window.close()
    w.activateWindow()

    # the sign-in sheet, typed into the grid against the agreement
    services = w.go_to("services")
    assert w.nav.currentItem().text() == "服务与点单"
    qtbot.keyClick(w, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Ctrl+N: a new sheet row
    grid = services.tab("entry")
    assert services.current() is grid
    day = today - timedelta(days=3)
    type_cell(qtbot, grid, partner_name)
    for row, people in enumerate((18, 9)):
        if row:
            go(grid, row, "partner")
            type_cell(qtbot, grid, partner_name)
        grid.model.set_value(row, "on_date", day)
        grid.model.set_value(row, "agreement", agreement.number)
        grid.model.set_value(row, "kind", "免费")
        grid.model.set_value(row, "place", "幸福里睦邻活动室")
        go(grid, row, "people")
        type_cell(qtbot, grid, str(people))
        grid.model.set_value(row, "hours", "1.5")
    assert grid.model.row(1).agreement_id == agreement.id
    grid.save()
    settle(qtbot, grid.session)
    assert not grid.model.filled(), [r.problems for _n, r in grid.model.filled()]
    assert "已保存 2 条服务记录" in grid.summary.text()
    recorded = service_records.query(ws, ServiceFilter(agreement_id=agreement.id))
    assert sorted(r.people for r in recorded) == [9, 18] and {r.minutes for r in recorded} == {90}
    records = services.show_tab("records")
    records.search.setText("幸福里睦邻")
    records.debounce.flush()
    assert records.model.rowCount() == 2
    assert records.model.data(records.model.index(0, 8)) == agreement.number
    assert records.model.data(records.model.index(0, 3)) == "免费"

    # a resident's order: ordered, dispatched, delivered against the agreement, rated
    orders_tab = services.show_tab("orders")
    dialog = orders_tab.new_order()
    select_value(dialog.findChild(type(orders_tab.community_combo), "orderCommunity"), community_id)
    dialog.findChild(type(orders_tab.search), "residentName").setText("周奶奶")
    dialog.findChild(object, "orderWanted").setPlainText("陪同就医")
    dialog.ok_button().click()
    settle(qtbot, orders_tab.session)
    order_id = max(orders_tab.windows)
    order_window = orders_tab.windows[order_id]
    assert order_window.fields["state"].text() == "待审核"
    step = order_window.take("dispatch")
    step.findChild(type(orders_tab.community_combo), "partnerChooser").setEditText(partner_name)
    step.ok_button().click()
    settle(qtbot, orders_tab.session)
    step = order_window.take("deliver")
    combos = [c for c in step.findChildren(type(orders_tab.community_combo)) if c.findData(agreement.id) >= 0]
    select_value(combos[0], agreement.id)
    step.ok_button().click()
    settle(qtbot, orders_tab.session)
    step = order_window.take("rate")
    step.findChild(StarPicker).set_value(5)
    step.ok_button().click()
    settle(qtbot, orders_tab.session)
    order = orders.get(ws, order_id)
    assert (order.state, order.rating, order.partner_id) == ("completed", 5, pid), boxes.shown
    assert order_window.fields["state"].text() == "已完成"
    assert len(service_records.query(ws, ServiceFilter(agreement_id=agreement.id))) == 3
    assert [e.action for e in order_window.events.rows()] == ["create", "dispatch", "deliver", "rate"]
    assert not boxes.shown, boxes.shown
