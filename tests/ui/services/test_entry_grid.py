"""The entry grid (录入签到表): keyboard-first typing, problems shown in their rows before saving, all-or-
nothing saving that keeps every row when refused, and the saved rows in the records list."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from partnerdesk.services import service_records
from partnerdesk.services.service_records import ServiceFilter
from partnerdesk.ui.services.entry_model import KEYS, PROBLEMS_COLUMN
from partnerdesk.ui.services.entry_view import PartnerEdit
from partnerdesk.ui.services.page import ServicesPage

from .conftest import serving_partner, settle


@pytest.fixture
def page(session, host, qtbot) -> ServicesPage:
    widget = ServicesPage(session, host)
    host.setCentralWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    return widget


@pytest.fixture
def grid(page):  # noqa: ANN201 - the EntryTab
    return page.show_tab("entry")


def type_cell(qtbot, grid, text: str) -> None:  # noqa: ANN001
    """Open the current cell's editor from the keyboard (F2), type, then press Enter."""
    view = grid.table
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(view.currentIndex())
    assert editor is not None, "F2 did not open an editor"
    line = editor if isinstance(editor, QLineEdit) else editor.findChild(QLineEdit)  # spin boxes hold one
    assert line is not None, (type(editor), text)
    line.selectAll()
    if text.isascii():
        qtbot.keyClicks(line, text)
    else:  # QTest types ASCII only; an input method would commit the whole word at once
        line.setText(text)
        line.textEdited.emit(text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.wait(1)  # the delegate commits on Enter through a queued call


def go(grid, row: int, key: str) -> None:  # noqa: ANN001
    grid.table.setCurrentIndex(grid.model.index(row, KEYS.index(key)))
    grid.table.setFocus()


def test_keyboard_moves_on_new_rows_appear_and_dates_follow_the_row_above(grid, qtbot, today):
    ws = grid.session.ws
    pid, name, _community = serving_partner(ws)
    grid.start()
    assert grid.table.currentIndex().row() == 0 and grid.table.currentIndex().column() == 0
    type_cell(qtbot, grid, name)
    assert grid.model.row(0).partner_id == pid
    assert grid.table.currentIndex().column() == KEYS.index("on_date")  # Enter moved on
    assert grid.model.rowCount() == 2  # the typed row is kept, a new blank row waits
    grid.model.set_value(0, "on_date", today - timedelta(days=3))
    assert grid.model.row(1).on_date == today - timedelta(days=3)  # the new row's date follows the row above
    go(grid, 0, "people")
    type_cell(qtbot, grid, "12")
    assert grid.model.row(0).people == 12
    assert grid.table.currentIndex().column() == KEYS.index("hours")
    go(grid, 0, "notes")
    type_cell(qtbot, grid, "签到表第1页")
    # Enter on the last column skips the problems column and goes to the next row's partner
    assert (grid.table.currentIndex().row(), grid.table.currentIndex().column()) == (1, 0)
    assert grid.table.state() == grid.table.State.EditingState  # the next cell's editor is open, ready to type
    editor = grid.table.indexWidget(grid.table.currentIndex())
    qtbot.keyClick(editor, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)  # the cell above
    assert grid.model.row(1).partner_id == pid
    go(grid, 1, "people")
    qtbot.keyClick(grid.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert grid.model.row(1).people == 12
    qtbot.keyClick(grid.table, Qt.Key.Key_Delete)  # Delete clears
    assert grid.model.row(1).people is None
    assert grid.model.rowCount() == 3


def test_the_partner_completer_finds_by_pinyin_initials(grid, qtbot):
    ws = grid.session.ws
    pid, name, _community = serving_partner(ws)
    from partnerdesk.services.partners import initials_of

    grid.start()
    qtbot.keyClick(grid.table, Qt.Key.Key_A)
    editor = QApplication.focusWidget()
    assert isinstance(editor, PartnerEdit)
    editor.clear()
    qtbot.keyClicks(editor, initials_of(name)[:4])
    assert editor.choices.rowCount() >= 1
    hit = next(i for i in range(editor.choices.rowCount()) if editor.choices.item(i).text().startswith(name))
    editor.completer_.activated[type(editor.choices.index(0, 0))].emit(editor.choices.index(hit, 0))
    qtbot.waitUntil(lambda: editor.text() == name, timeout=2000)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(1)
    assert grid.model.row(0).partner_id == pid and grid.model.row(0).partner_text == name


def test_paste_rows_copied_from_a_spreadsheet(grid, qtbot, today):
    _pid, name, _community = serving_partner(grid.session.ws)
    d = (today - timedelta(days=1)).isoformat()
    QGuiApplication.clipboard().setText(f"{name}\t{d}\t免费\t\t活动室\t20\t1.5\n{name}\t{d}\t低偿\t\t食堂\t8\t2\n")
    grid.start()
    qtbot.keyClick(grid.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    rows = [r for _n, r in grid.model.filled()]
    assert [(r.kind, r.place, r.people, r.minutes) for r in rows] == [("free", "活动室", 20, 90),
                                                                     ("low_fee", "食堂", 8, 120)]


def test_one_bad_row_saves_nothing_then_fixed_all_are_saved_and_listed(page, grid, qtbot, today, boxes):
    ws = grid.session.ws
    pid, name, _community = serving_partner(ws)
    before = service_records.count(ws)
    day = today - timedelta(days=2)
    for row, (place, people) in enumerate((("社区活动室", 15), ("老年食堂", 30), ("居民家中", 0))):
        for key, value in (("partner", name), ("on_date", day), ("place", place), ("people", people),
                           ("hours", 1)):
            assert grid.model.set_value(row, key, value), (key, value)
    grid.model.set_value(2, "hours", None)  # nobody served and no time: not a service
    assert len(grid.model.filled()) == 3
    grid.table.setFocus()
    qtbot.keyClick(grid.table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, grid.session)
    assert service_records.count(ws) == before  # all or nothing
    problems = [grid.model.data(grid.model.index(r, PROBLEMS_COLUMN)) for r in range(3)]
    assert not problems[0] and not problems[1] and problems[2], problems
    assert grid.model.data(grid.model.index(2, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert "1" in grid.summary.text() and not boxes.shown
    assert len(grid.model.filled()) == 3  # nothing lost

    grid.model.set_value(2, "people", 6)
    grid.save_button.click()
    settle(qtbot, grid.session)
    assert service_records.count(ws) == before + 3, (grid.summary.text(), boxes.shown)
    assert not grid.model.filled() and "3" in grid.summary.text()
    records = page.show_tab("records")
    records.search.setText(name)
    records.debounce.flush()
    records.date_from.set_value(day)
    records.date_to.set_value(day)
    shown = {(records.model.row_at(r).place, records.model.row_at(r).people) for r in range(records.model.rowCount())}
    assert {("社区活动室", 15), ("老年食堂", 30), ("居民家中", 6)} <= shown
    assert service_records.count(ws, ServiceFilter(partner_id=pid, date_from=day, date_to=day)) >= 3


def test_a_refused_save_keeps_the_rows_and_names_the_problem(grid, qtbot, today, boxes):
    _pid, name, _community = serving_partner(grid.session.ws)
    grid.model.set_value(0, "partner", name)
    grid.model.set_value(0, "people", 3)
    grid.model.set_value(0, "on_date", today + timedelta(days=5))  # the future: refused by the service
    grid.model.set_value(1, "partner", "没有这个合伙人")
    grid.save()
    settle(qtbot, grid.session)
    assert grid.model.row(0).problems and grid.model.row(1).problems
    assert any("没有这个合伙人" in p for p in grid.model.row(1).problems)
    assert len(grid.model.filled()) == 2
