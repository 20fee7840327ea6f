"""The duty rota through its widgets: a weekly pattern, roll-out, the week view, swap and attendance."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from partnerdesk.services import rota
from partnerdesk.ui.partners import choices
from partnerdesk.ui.partners.rota_tab import RotaTab, monday_of
from partnerdesk.ui.partners.widgets import select_value

from .conftest import audit_actions


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


def _add_pattern(tab: RotaTab, weekday: int, topic: str, partner_index: int = 0) -> None:
    tab.buttons["pattern"].click()
    dialog = tab.dialog
    select_value(dialog.widget("weekday"), weekday)
    dialog.widget("partner_id").setCurrentIndex(partner_index)
    dialog.widget("topic").setText(topic)
    _save(dialog)


def _roll_out(tab: RotaTab, first: date, last: date) -> None:
    tab.buttons["roll_out"].click()
    tab.dialog.widget("first").setDate(QDate(first.year, first.month, first.day))
    tab.dialog.widget("last").setDate(QDate(last.year, last.month, last.day))
    _save(tab.dialog)


def test_weekly_duties_are_listed_and_ended(tab, qtbot, boxes, qtmodeltester):
    ws, panel = tab.session.ws, tab.patterns
    monday = tab.monday
    _add_pattern(tab, 1, "旧物改造课堂")
    _roll_out(tab, monday, monday + timedelta(days=27))  # four Tuesdays
    assert not boxes.shown, boxes.shown
    row = panel.model.find_row(lambda p: p.topic == "旧物改造课堂")
    assert row >= 0 and panel.model.data(panel.model.index(row, 6)) == "open-ended"
    qtmodeltester.check(panel.model)
    pattern = panel.model.rows()[row]
    assert len([s for s in rota.shifts(ws, tab.community_id(), monday, monday + timedelta(days=27))
                if s.pattern_id == pattern.id]) == 4

    panel.table.setCurrentIndex(panel.model.index(row, 0))
    assert tab.buttons["end"].isEnabled()
    tab.buttons["end"].click()
    dialog = panel.dialog
    assert dialog.widget("last_day").date().toPython() == max(ws.now().date(), pattern.valid_from)
    last_day = monday + timedelta(days=7)
    dialog.widget("last_day").setDate(QDate(last_day.year, last_day.month, last_day.day))
    _save(dialog)
    assert not boxes.shown, boxes.shown
    assert "3" in tab.status.text()  # the three later Tuesdays went
    left = [s.on_date for s in rota.shifts(ws, tab.community_id(), monday, monday + timedelta(days=27))
            if s.pattern_id == pattern.id]
    assert left == [monday + timedelta(days=1)]
    assert panel.model.find_row(lambda p: p.id == pattern.id) < 0  # ended duties are hidden
    assert "rota.end_pattern" in audit_actions(ws, "rota_pattern", pattern.id)

    panel.show_ended.setChecked(True)
    row = panel.model.find_row(lambda p: p.id == pattern.id)
    assert panel.model.data(panel.model.index(row, 6)) == last_day.isoformat()
    assert panel.model.data(panel.model.index(row, 7)) == "Ended"
    panel.table.setCurrentIndex(panel.model.index(row, 0))
    assert not tab.buttons["end"].isEnabled()
    qtmodeltester.check(panel.model)


def test_week_view_groups_shifts_by_day_and_moves_between_weeks(tab, qtbot, boxes, qtmodeltester):
    ws = tab.session.ws
    tab.buttons["next"].click()
    monday = tab.monday
    assert monday == monday_of(ws.now().date()) + timedelta(days=7)
    _add_pattern(tab, 6, "周日读书会", 0)
    _add_pattern(tab, 6, "周日手工坊", 1)
    _roll_out(tab, monday, monday + timedelta(days=13))
    assert not boxes.shown, boxes.shown
    shifts = tab.model.rows()
    assert shifts and all(monday <= s.on_date <= monday + timedelta(days=6) for s in shifts)
    assert [s.on_date for s in shifts] == sorted(s.on_date for s in shifts)
    sundays = [i for i, s in enumerate(shifts) if s.on_date == monday + timedelta(days=6)]
    assert len(sundays) >= 2
    assert tab.table.rowSpan(sundays[0], 0) == len(sundays)  # one day cell for the day's shifts
    assert tab.model.data(tab.model.index(sundays[0], 0)).startswith("Sunday")
    assert tab.model.data(tab.model.index(sundays[0], 5)) == "Scheduled"
    qtmodeltester.check(tab.model)

    tab.buttons["next"].click()
    assert tab.monday == monday + timedelta(days=7)
    assert tab.week_picker.date().toPython() == tab.monday
    assert {"周日读书会", "周日手工坊"} <= {s.topic for s in tab.model.rows()}
    assert all(tab.monday <= s.on_date <= tab.monday + timedelta(days=6) for s in tab.model.rows())

    thursday = monday + timedelta(days=24)  # a week nobody rolled out
    tab.week_picker.setDate(QDate(thursday.year, thursday.month, thursday.day))
    assert tab.monday == monday_of(thursday) and tab.week_picker.date().toPython() == thursday
    assert not [s for s in tab.model.rows() if s.topic in ("周日读书会", "周日手工坊")]
    tab.buttons["previous"].click()
    tab.buttons["previous"].click()
    assert tab.monday == monday + timedelta(days=7)
    tab.buttons["today"].click()
    assert tab.monday == monday_of(ws.now().date())


def test_week_view_speaks_chinese(zh, tab, qtbot, boxes):
    ws = tab.session.ws
    tab.show_week(monday_of(ws.now().date()) - timedelta(days=7))  # a week that has happened
    shift = tab.model.rows()[0]
    substitute = next(pid for pid in tab.partners if pid != shift.partner_id)
    rota.record_attendance(ws, shift.id, shift.version, "replaced", substitute)
    tab.reload()
    row = tab.model.find_row(lambda s: s.id == shift.id)
    assert tab.model.data(tab.model.index(row, 5)) == f"替班：{tab.partners[substitute]}"
    assert tab.model.data(tab.model.index(row, 0)).startswith("周")
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "星期"
    scheduled = tab.model.find_row(lambda s: s.attendance == "scheduled")
    if scheduled >= 0:
        assert tab.model.data(tab.model.index(scheduled, 5)) == "待值班"
    assert tab.patterns.title() == "每周排班"
