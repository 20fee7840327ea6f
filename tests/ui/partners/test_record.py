"""The partner window and the register dialog: audited reveals, attachments, inline refusals, overrides."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from partnerdesk.domain.partners import PartnerInput
from partnerdesk.services import partners
from partnerdesk.services.partner_queries import PartnerFilter
from partnerdesk.ui.partners.edit_dialog import PartnerEditDialog
from partnerdesk.ui.partners.page import PartnersPage
from partnerdesk.ui.partners.widgets import VALUE_ROLE, select_value
from tests.helpers.numbers import org_code, person_id

from .conftest import audit_actions, sign_in


@pytest.fixture
def page(session, host, qtbot) -> PartnersPage:
    widget = PartnersPage(session, host)
    host.setCentralWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    return widget


def _individual(ws):  # noqa: ANN001, ANN202
    return partners.query(ws, PartnerFilter(type_code="resident_talent", state="active"), limit=1)[0]


def test_reveal_shows_the_number_and_is_audited(page, qtbot, qtmodeltester):
    ws = page.session.ws
    row = _individual(ws)
    window = page.open_partner(row.id)
    shown = window.basics.values["id_number"]
    assert "*" in shown.text()
    assert "Born" in window.basics.values["facts"].text() or "出生" in window.basics.values["facts"].text()
    before = audit_actions(ws, "partner", row.id).count("personal.reveal")
    window.basics.reveal_buttons["id_number"].click()
    assert "*" not in shown.text() and len(shown.text()) == 18
    assert audit_actions(ws, "partner", row.id).count("personal.reveal") == before + 1
    qtmodeltester.check(window.timeline.model)
    qtmodeltester.check(window.attachments.model)


def test_no_reveal_button_for_a_role_that_may_not_see(page, qtbot):
    ws = page.session.ws
    row = _individual(ws)
    sign_in(ws, "auditor1")
    window = page.open_partner(row.id)
    assert window.basics.reveal_buttons["id_number"].isHidden()
    assert window.edit_button.isHidden() and not window.timeline.action_buttons


class _Opened(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_add_and_open_an_attachment(page, qtbot, tmp_path, monkeypatch):
    ws = page.session.ws
    scan = tmp_path / "营业执照.pdf"
    scan.write_bytes(b"%PDF-1.4 licence scan")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(scan), "")))
    row = partners.query(ws, PartnerFilter(type_code="enterprise"), limit=1)[0]
    window = page.open_partner(row.id)
    window.attachments.add_button.click()
    assert window.attachments.model.rowCount() == 1  # the window reloaded from the change announcement
    opened = _Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")
    try:
        window.attachments.open_row(window.attachments.model.index(0, 0))
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert len(opened.urls) == 1
    copy = opened.urls[0].toLocalFile()
    assert copy.endswith("营业执照.pdf") and open(copy, "rb").read() == scan.read_bytes()


def test_refusals_are_shown_beside_their_fields(page, qtbot, boxes):
    list_tab = page.tab_pages["list"]
    list_tab.register_button.click()
    dialog = list_tab.findChild(PartnerEditDialog)
    select_value(dialog.type_combo, "resident_talent")
    assert dialog.id_number.isVisibleTo(dialog) and not dialog.uscc.isVisibleTo(dialog)
    dialog.name.setText("张阿姨")
    qtbot.keyClicks(dialog.id_number, person_id(5)[:-1] + ("0" if person_id(5)[-1] != "0" else "1"))
    assert dialog.errors["id_number"].text()  # wrong check digit, while typing
    dialog.id_number.setText(person_id(5).lower())
    assert not dialog.errors["id_number"].text() and "1980-01-01" in dialog.id_facts.text()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.errors["communities"].text()  # no community chosen
    qtbot.keyClicks(dialog.mobile, "12345")
    dialog.communities.set_checked([dialog.communities.item(0).data(VALUE_ROLE)])
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and dialog.errors["mobile"].text()
    assert not boxes.shown


def test_approver_may_accept_a_failing_check_character_with_a_reason(page, qtbot, boxes):
    ws = page.session.ws
    sign_in(ws, "approver1")
    bad = org_code(123454321)[:-1] + ("0" if org_code(123454321)[-1] != "0" else "1")
    dialog = PartnerEditDialog(page.session, parent=page)
    dialog.open()
    select_value(dialog.type_combo, "social_group")
    dialog.name.setText("老码头书画社")
    qtbot.keyClicks(dialog.uscc, bad)
    assert dialog.errors["uscc"].text() and dialog.override.isVisibleTo(dialog)
    dialog.communities.set_checked([dialog.communities.item(0).data(VALUE_ROLE)])
    dialog.override.setText("2015年前发放的旧码，经核对原件无误")
    saved = []
    dialog.saved.connect(saved.append)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert saved and not boxes.shown
    assert "partner.checksum_override" in audit_actions(ws, "partner", saved[0].id)


def test_staff_do_not_see_the_override_field(page, qtbot):
    sign_in(page.session.ws, "staff1")
    dialog = PartnerEditDialog(page.session, parent=page)
    select_value(dialog.type_combo, "enterprise")
    qtbot.keyClicks(dialog.uscc, org_code(5)[:-1] + ("0" if org_code(5)[-1] != "0" else "1"))
    assert dialog.errors["uscc"].text() and not dialog.override.isVisibleTo(dialog)


def test_community_worker_may_tick_only_their_communities(page, qtbot):
    ws = page.session.ws
    sign_in(ws, "worker01")
    dialog = PartnerEditDialog(page.session, parent=page)
    enabled = [dialog.communities.item(i).data(VALUE_ROLE) for i in range(dialog.communities.count())
               if dialog.communities.item(i).flags() & Qt.ItemFlag.ItemIsEnabled]
    assert set(enabled) == set(ws.actor.community_ids)


def test_change_keeps_masked_numbers_without_a_reveal(page, qtbot, boxes):
    ws = page.session.ws
    row = _individual(ws)
    full = partners.reveal(ws, row.id, "id_number")
    reveals = audit_actions(ws, "partner", row.id).count("personal.reveal")
    window = page.open_partner(row.id)
    window.edit_button.click()
    editor = window.editor
    assert editor.id_number.text() == partners.get(ws, row.id).id_number_masked
    assert not editor.errors["id_number"].text()
    editor.address.setText("金银湾路18号")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not boxes.shown
    assert partners.get(ws, row.id).address == "金银湾路18号"
    assert window.basics.values["address"].text() == "金银湾路18号"
    assert "partner.update" in audit_actions(ws, "partner", row.id)
    assert audit_actions(ws, "partner", row.id).count("personal.reveal") == reveals
    assert partners.reveal(ws, row.id, "id_number") == full  # the stored number was kept


def test_keyboard_enter_opens_saves_and_escape_cancels(page, qtbot, boxes):
    list_tab = page.tab_pages["list"]
    list_tab.table.setFocus()
    list_tab.table.setCurrentIndex(list_tab.model.index(3, 0))
    qtbot.keyClick(list_tab.table, Qt.Key.Key_Return)
    assert list(page.windows) == [list_tab.model.partner_id(list_tab.model.index(3, 0))]
    dialog = PartnerEditDialog(page.session, parent=page)
    dialog.open()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves: the empty name is refused beside its field
    assert dialog.isVisible() and dialog.errors["name"].text()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not boxes.shown


def test_a_change_made_meanwhile_is_not_overwritten(page, qtbot, boxes):
    ws = page.session.ws
    row = partners.query(ws, PartnerFilter(type_code="enterprise", state="active"), limit=1)[0]
    window = page.open_partner(row.id)
    window.edit_button.click()
    editor = window.editor
    detail = partners.get(ws, row.id)
    other = PartnerInput(detail.type_code, detail.name, uscc=detail.uscc, address="别人刚改的地址",
                         contact_mobile=partners.reveal(ws, row.id, "contact_mobile"),
                         community_ids=detail.community_ids, domain_codes=detail.domain_codes)
    partners.update(ws, row.id, detail.version, other)
    editor.address.setText("我的地址")
    editor.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert [k for k, _ in boxes.shown] == ["warning"] and editor.isVisible()
    assert partners.get(ws, row.id).address == "别人刚改的地址"
