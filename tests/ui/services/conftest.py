"""Services page under test: real widgets on a real demo workspace (SQLite, and PostgreSQL when configured),
the real operation runner. Message boxes and file dialogs are recorded instead of shown (shared with the
partner screens' fixtures)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from partnerdesk.services import orders, partners
from partnerdesk.services.orders import OrderInput
from partnerdesk.services.partner_queries import PartnerFilter
from partnerdesk.ui.partners import choices
from tests.ui.partners.conftest import Boxes, audit_actions, boxes, host, session  # noqa: F401 - fixtures

__all__ = ["Boxes", "audit_actions", "serving_partner", "make_order", "settle"]


def serving_partner(ws) -> tuple[int, str, int]:  # noqa: ANN001
    """(partner id, name, community id) of a partner serving some community, its name not shared."""
    for community_id, _name in choices.communities(ws):
        for pid, name in choices.duty_partners(ws, community_id):
            if [r.id for r in partners.query(ws, PartnerFilter(text=name)) if r.name == name] == [pid]:
                return pid, name, community_id
    raise AssertionError("the demo has no serving partner")


def make_order(ws, community_id: int, *, days_ago: int = 0, due_in: int = 7, name: str = "李奶奶") -> int:  # noqa: ANN001
    today = ws.now().date()
    ordered = today - timedelta(days=days_ago)
    return orders.create(ws, OrderInput(community_id, name, "上门理发", ordered, ordered + timedelta(days=due_in),
                                        resident_phone="13812345678", address="幸福小区3栋")).value.id


def settle(qtbot, ui_session, ms: int = 1) -> None:  # noqa: ANN001
    ui_session.bus.wait(20_000)
    qtbot.wait(ms)
    QApplication.processEvents()


@pytest.fixture
def today(demo_ws) -> date:
    return demo_ws.now().date()
