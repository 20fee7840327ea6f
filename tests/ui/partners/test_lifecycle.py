"""Register a partner through the real dialog and take it through every step to active by clicking the
step buttons of its window, switching users where the four-eyes rule needs another approver."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from partnerdesk.services import partners
from partnerdesk.ui.partners.edit_dialog import PartnerEditDialog
from partnerdesk.ui.partners.page import PartnersPage
from partnerdesk.ui.partners.widgets import VALUE_ROLE, select_value
from tests.helpers.numbers import org_code

from .conftest import audit_actions, sign_in

STEPS = [  # (user, action, opinion)
    ("staff1", "submit", ""),
    ("approver1", "community_approve", "社区审核同意"),
    ("approver2", "street_approve", "街道审核同意"),
    ("approver2", "file", ""),
    ("staff1", "sign_commitment", "已签署承诺书"),
    ("staff1", "activate", "入驻合伙人工作室"),
]


@pytest.fixture
def page(session, host, qtbot) -> PartnersPage:
    sign_in(session.ws, "staff1")
    widget = PartnersPage(session, host)
    host.setCentralWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    return widget


def _fill_registration(dialog: PartnerEditDialog, qtbot) -> None:
    assert select_value(dialog.type_combo, "enterprise")
    dialog.name.setText("牧有货便民超市")  # QTest cannot type Chinese
    qtbot.keyClicks(dialog.uscc, org_code(987654321).lower())  # lower case is normalised
    assert "Market regulation" in dialog.uscc_facts.text() or "市场监管" in dialog.uscc_facts.text()
    qtbot.keyClicks(dialog.mobile, "139 0000 1234")
    dialog.legal_rep.setText("牧大山")
    dialog.communities.set_checked([dialog.communities.item(0).data(VALUE_ROLE)])
    dialog.domains.set_checked(["convenience", "elderly"])


def test_register_and_take_through_to_active(page, qtbot, boxes):
    ws = page.session.ws
    list_tab = page.tab_pages["list"]
    list_tab.register_button.click()
    dialog = list_tab.findChild(PartnerEditDialog)
    assert dialog is not None and dialog.isVisible()
    _fill_registration(dialog, qtbot)
    dialog.similar_check.flush()
    assert "牧有货" in dialog.similar.text()  # similar names warn while typing
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert not boxes.shown, boxes.shown
    assert len(page.windows) == 1
    partner_id, window = next(iter(page.windows.items()))
    assert window.record.detail.state == "registered"

    for user, action, opinion in STEPS:
        if ws.actor.username != user:
            sign_in(ws, user)
            window.reload()
        button = window.timeline.action_buttons.get(action)
        assert button is not None, (user, action, list(window.timeline.action_buttons))
        button.click()
        step = window.timeline.dialog
        step.opinion.setPlainText(opinion)
        step.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert not boxes.shown, boxes.shown
    detail = partners.get(ws, partner_id)
    assert detail.state == "active" and detail.filing_no
    assert window.record.detail.state == "active"
    assert window.timeline.model.rowCount() == len(STEPS) + 1  # the registration and each step
    assert "renew" not in window.timeline.action_buttons  # staff may not renew; approvers may
    assert set(audit_actions(ws, "partner", partner_id)) >= {"partner.register"} | {f"partner.{a}" for _, a, _ in STEPS}


def test_four_eyes_refusal_is_reported_and_changes_nothing(page, qtbot, boxes):
    ws = page.session.ws
    sign_in(ws, "approver1")
    applied = partners.query(ws, partners.PartnerFilter(state="applied"), limit=1)[0]
    window = page.open_partner(applied.id)
    window.timeline.action_buttons["community_approve"].click()
    window.timeline.dialog.opinion.setPlainText("同意")
    window.timeline.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    window.timeline.action_buttons["street_approve"].click()
    window.timeline.dialog.opinion.setPlainText("我也同意")
    window.timeline.dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(boxes.shown) == 1 and boxes.shown[0][0] == "warning"
    assert partners.get(ws, applied.id).state == "community_approved"


def test_opinion_and_exit_reason_are_asked_for(page, qtbot, boxes):
    ws = page.session.ws
    sign_in(ws, "approver1")
    active = partners.query(ws, partners.PartnerFilter(state="active"), limit=1)[0]
    window = page.open_partner(active.id)
    window.timeline.action_buttons["exit"].click()
    step = window.timeline.dialog
    ok = step.buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert step.isVisible() and step.error.text()
    step.opinion.setPlainText("协议期满")
    ok.click()
    assert step.isVisible()  # still no reason
    select_value(step.reason, "term_expired")
    ok.click()
    assert not step.isVisible() and not boxes.shown
    detail = partners.get(ws, active.id)
    assert detail.state == "exited" and detail.exit_reason == "term_expired"
    assert window.timeline.action_buttons == {}
