"""The duty rota through its widgets: a weekly pattern, roll-out, the week view, swap and attendance."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialogButtonBox

from partnerdesk.services import rota
from partnerdesk.ui.partners import choices
from partnerdesk.ui.partners.rota_tab import RotaTab, monday_of
from partnerdesk.ui.partners.widgets import select_value


@pytest.fixture
def tab(session, host, qtbot) -> RotaTab:
    widget = RotaTab(session, host)
    host.setCentralWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    ws = session.ws
    busy = next(cid for cid, _ in choices.communities(ws) if len(choices.duty_partners(ws, cid)) >= 2)
    select_value(widget.community, busy)
    return widget


def _save(dialog) -> None:  # noqa: ANN001
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def _select(tab: RotaTab, rows: list[int]) -> None:
    selection = tab.table.selectionModel()
    selection.clearSelection()
    for r in rows:
        selection.select(tab.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def test_pattern_and_roll_out_fill_the_week_view(tab, qtbot, boxes, qtmodeltester):
    ws = tab.session.ws
    tab.buttons["pattern"].click()
    dialog = tab.dialog
    select_value(dialog.widget("weekday"), 1)
    dialog.widget("topic").setText("儿童托管咨询")
    _save(dialog)
    assert not boxes.shown, boxes.shown
    tab.buttons["next"].click()
    tab.buttons["roll_out"].click()
    _save(tab.dialog)
    assert not boxes.shown, boxes.shown
    assert tab.status.text().startswith("4") or "4" in tab.status.text()  # four Tuesdays in four weeks
    topics = [tab.model.rows()[r].topic for r in range(tab.model.rowCount())]
    assert "儿童托管咨询" in topics
    tuesday = tab.monday + timedelta(days=1)
    assert any(s.topic == "儿童托管咨询" for s in rota.shifts(ws, tab.community_id(), tuesday, tuesday))
    qtmodeltester.check(tab.model)


def test_swap_two_shifts(tab, qtbot, boxes):
    ws = tab.session.ws
    tab.buttons["next"].click()
    used = {s.partner_id for s in tab.model.rows()}
    tab.buttons["pattern"].click()
    partner = tab.dialog.widget("partner_id")
    partner.setCurrentIndex(next(i for i in range(partner.count()) if partner.itemData(i) not in used))
    select_value(tab.dialog.widget("weekday"), 5)
    _save(tab.dialog)
    tab.buttons["roll_out"].click()
    _save(tab.dialog)
    shifts = tab.model.rows()
    pair = next((i, j) for i in range(len(shifts)) for j in range(i + 1, len(shifts))
                if shifts[i].partner_id != shifts[j].partner_id)
    _select(tab, list(pair))
    tab.buttons["swap"].click()
    tab.dialog.widget("reason").setText("临时有事")
    _save(tab.dialog)
    assert not boxes.shown, boxes.shown
    after = {s.id: s.partner_id for s in rota.shifts(ws, tab.community_id(), tab.monday, tab.monday + timedelta(6))}
    a, b = shifts[pair[0]], shifts[pair[1]]
    assert after[a.id] == b.partner_id and after[b.id] == a.partner_id


def test_attendance_replaced_by_another_partner(tab, qtbot, boxes):
    ws = tab.session.ws
    tab.show_week(monday_of(ws.now().date()) - timedelta(days=7))  # a week that has happened
    shift = tab.model.rows()[0]
    _select(tab, [0])
    tab.buttons["attendance"].click()
    dialog = tab.dialog
    replaced = dialog.widget("replaced_by_id")
    assert not replaced.isEnabled()
    select_value(dialog.widget("attendance"), "replaced")
    assert replaced.isEnabled()
    replaced.setCurrentIndex(1)
    substitute = replaced.currentData()
    dialog.widget("note").setText("由其他合伙人代班")
    _save(dialog)
    assert not boxes.shown, boxes.shown
    row = next(s for s in tab.model.rows() if s.id == shift.id)
    assert row.attendance == "replaced" and row.replaced_by_id == substitute
    assert rota.attendance_summary(ws, shift.partner_id, shift.on_date, shift.on_date)["replaced"] == 1


def test_two_shifts_are_needed_for_a_swap(tab, qtbot, boxes):
    _select(tab, [0])
    tab.buttons["swap"].click()
    assert tab.dialog is None and tab.status.text()
