"""Agreement screens under test: the partner screens' fixtures (real workspace with the small demo, a stand-in
main window owning the operation bus, recorded message boxes) and our own records at a fixed date."""

from __future__ import annotations

import pytest

from tests.ui.partners.conftest import Boxes, boxes, host, session  # noqa: F401 - fixtures

from .data import build


@pytest.fixture
def built(session):  # noqa: ANN001, ANN201, F811
    return build(session.ws)


def show(host, qtbot, widget):  # noqa: ANN001, ANN201, F811
    host.setCentralWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    return widget


__all__ = ["Boxes", "show"]
