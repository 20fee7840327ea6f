"""Funds screens under test: the partner screens' fixtures (small demo, a stand-in main window owning the
operation bus, recorded message boxes) and our funds data at a fixed date."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.partners.conftest import Boxes, boxes, host, session  # noqa: F401 - fixtures

from .data import build


@pytest.fixture
def data(session):  # noqa: ANN001, ANN201, F811
    return build(session.ws)


@pytest.fixture
def page(host, qtbot, session, data):  # noqa: ANN001, ANN201, F811
    from partnerdesk.ui.funds.page import FundsPage

    p = FundsPage(session)
    host.setCentralWidget(p)
    host.show()
    qtbot.waitExposed(host)
    return p


def settle(qtbot, session, ms: int = 1) -> None:  # noqa: ANN001, F811
    session.bus.wait(20_000)
    qtbot.wait(ms)
    QApplication.processEvents()


__all__ = ["Boxes", "settle"]
