"""Editors of the dictionaries, the recruitment notices and the three lists (with the matching view)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from partnerdesk.services import dictionaries, notices, three_lists
from partnerdesk.ui.partners.dictionaries_tab import DictionariesTab
from partnerdesk.ui.partners.lists_tab import ThreeListsTab
from partnerdesk.ui.partners.notices_tab import NoticesTab
from partnerdesk.ui.partners.page import PartnersPage
from partnerdesk.ui.partners.widgets import select_value

from .conftest import sign_in


def _show(host, qtbot, widget):  # noqa: ANN001, ANN202
    host.setCentralWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    return widget


def _save(dialog) -> None:  # noqa: ANN001
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_dictionary_entries_are_added_and_changed(session, host, qtbot, boxes, qtmodeltester):
    tab = _show(host, qtbot, DictionariesTab(session, host))
    select_value(tab.kind, "partner_type")
    before = tab.model.rowCount()
    tab.add_button.click()
    tab.dialog.widget("code").setText("startup_team")
    tab.dialog.widget("label").setText("创业团队")
    select_value(tab.dialog.widget("holder"), "group")
    _save(tab.dialog)
    assert not boxes.shown, boxes.shown
    assert tab.model.rowCount() == before + 1
    qtmodeltester.check(tab.model)
    row = tab.model.find_row(lambda d: d.code == "startup_team")
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    tab.edit_button.click()
    assert not tab.dialog.widget("code").isEnabled()  # codes stay fixed
    tab.dialog.widget("label").setText("创业团队（青年）")
    tab.dialog.widget("active").setChecked(False)
    _save(tab.dialog)
    item = next(d for d in dictionaries.items(session.ws, "partner_type", include_inactive=True)
                if d.code == "startup_team")
    assert item.label == "创业团队（青年）" and not item.active and item.holder == "group"


def test_dictionaries_tab_only_for_administrators(session, host, qtbot):
    sign_in(session.ws, "staff1")
    page = _show(host, qtbot, PartnersPage(session, host))
    assert "dictionaries" not in page.tab_pages and "rota" in page.tab_pages


def test_notice_is_published(session, host, qtbot, boxes, qtmodeltester):
    tab = _show(host, qtbot, NoticesTab(session, host))
    before = tab.model.rowCount()
    tab.add_button.click()
    dialog = tab.dialog
    dialog.widget("title").setText("2026年养老助餐合伙人招募令")
    dialog.widget("issuer_id").setCurrentIndex(0)
    dialog.widget("domain_codes").set_checked(["elderly"])
    dialog.widget("benefits").setPlainText("免费使用社区食堂场地")
    select_value(dialog.widget("status"), "open")
    _save(dialog)
    assert not boxes.shown, boxes.shown
    assert tab.model.rowCount() == before + 1
    saved = next(n for n in notices.list_all(session.ws) if n.title == "2026年养老助餐合伙人招募令")
    assert saved.domain_codes == "elderly" and saved.status == "open"
    assert "养老" in tab.model.data(tab.model.index(tab.model.find_row(lambda n: n.id == saved.id), 2))
    qtmodeltester.check(tab.model)


def test_need_is_matched_and_becomes_a_project(session, host, qtbot, boxes, qtmodeltester):
    ws = session.ws
    tab = _show(host, qtbot, ThreeListsTab(session, host))
    match = next(m for m in three_lists.matching(ws) if m.partners)
    select_value(tab.community, match.need.community_id)
    tab.lists["need"].add_button.click()
    dialog = tab.dialog
    dialog.widget("title").setText("高龄老人助餐")
    select_value(dialog.widget("category"), match.need.category)
    dialog.widget("households").setValue(12)
    dialog.widget("people").setValue(15)
    _save(dialog)
    assert not boxes.shown, boxes.shown
    for widget in tab.lists.values():
        qtmodeltester.check(widget.model)
    tab.tabs.setCurrentWidget(tab.matching)
    rows = tab.matching.model.rows()
    mine = next(i for i, m in enumerate(rows) if m.need.title == "高龄老人助餐")
    assert rows[mine].partners  # partners whose domains fit stand beside it
    qtmodeltester.check(tab.matching.model)
    tab.matching.table.setCurrentIndex(tab.matching.model.index(mine, 0))
    tab.matching.project_button.click()
    assert tab.dialog.values()["need_id"] == rows[mine].need.id
    assert tab.dialog.values()["partner_id"] == rows[mine].partners[0][0]
    _save(tab.dialog)
    assert not boxes.shown, boxes.shown
    projects = three_lists.list_of(ws, "project", match.need.community_id)
    assert any(p.need_id == rows[mine].need.id and p.partner_id == rows[mine].partners[0][0] for p in projects)


def test_partner_type_carries_its_1_3_n_category(session, host, qtbot, boxes):
    ws = session.ws
    tab = _show(host, qtbot, DictionariesTab(session, host))
    select_value(tab.kind, "partner_type")
    titles = [tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())]
    assert titles[3:5] == ["Yuzhong family", "1+3+N category"]
    assert not any(tab.table.isColumnHidden(c) for c in (2, 3, 4))
    tab.add_button.click()
    dialog = tab.dialog
    category = dialog.widget("category")
    assert category.isEditable() and category.findText("拓展·公益慈善团队") >= 0
    dialog.widget("code").setText("building_team")
    dialog.widget("label").setText("楼栋自管小组")
    select_value(dialog.widget("holder"), "group")
    dialog.widget("grp").setText("社群型")
    category.setCurrentText("拓展·志愿服务队")
    _save(dialog)
    assert not boxes.shown, boxes.shown
    saved = next(d for d in dictionaries.items(ws, "partner_type") if d.code == "building_team")
    assert (saved.grp, saved.category) == ("社群型", "拓展·志愿服务队")
    row = tab.model.find_row(lambda d: d.code == "building_team")
    assert tab.model.data(tab.model.index(row, 4)) == "拓展·志愿服务队"

    tab.table.setCurrentIndex(tab.model.index(row, 0))
    tab.edit_button.click()
    assert tab.dialog.widget("category").currentText() == "拓展·志愿服务队"
    tab.dialog.widget("category").setCurrentText("拓展·楼栋长")  # free text besides the presets
    _save(tab.dialog)
    saved = next(d for d in dictionaries.items(ws, "partner_type") if d.code == "building_team")
    assert saved.category == "拓展·楼栋长" and saved.grp == "社群型"
    tab.add_button.click()
    assert tab.dialog.widget("category").findText("拓展·楼栋长") >= 0  # categories in use are offered too
    tab.dialog.reject()


def test_other_dictionaries_hide_the_type_frames(session, host, qtbot, boxes):
    ws = session.ws
    tab = _show(host, qtbot, DictionariesTab(session, host))
    select_value(tab.kind, "service_domain")
    assert all(tab.table.isColumnHidden(c) for c in (2, 3, 4))
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    before = tab.model.rows()[0]
    tab.edit_button.click()
    assert not {"holder", "grp", "category"} & set(tab.dialog.widgets)
    tab.dialog.widget("label").setText(before.label + "（改）")
    _save(tab.dialog)
    assert not boxes.shown, boxes.shown
    after = next(d for d in dictionaries.items(ws, "service_domain") if d.id == before.id)
    assert after.label.endswith("（改）") and (after.grp, after.category) == (before.grp, before.category)


def test_idle_spaces_show_among_resources_but_are_changed_in_the_space_register(session, host, qtbot, boxes):
    from partnerdesk.services import org, spaces

    ws = session.ws
    community = next(u for u in org.tree(ws) if u.kind == "community")
    room = spaces.save(ws, spaces.SpaceInput(community.id, "三楼闲置会议室", 4500)).value
    tab = _show(host, qtbot, ThreeListsTab(session, host))
    select_value(tab.community, community.id)
    rows = tab.lists["resource"].model.rows()
    space_row = next(r for r in rows if r.id == -room.id)
    assert "三楼闲置会议室" in space_row.title
    assert -room.id not in tab.look.resources  # a project cannot point at it
    tab.edit("resource", space_row, {})
    assert tab.dialog is None
    assert boxes.shown and boxes.shown[-1][0] == "information"
