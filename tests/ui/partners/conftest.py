"""Partner screens under test: real widgets, a real SQLite workspace, the real operation runner.

Only message boxes and file dialogs are replaced (they would block); everything they were asked is recorded.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMessageBox
from sqlalchemy import select

from partnerdesk.db.models import AuditLog
from partnerdesk.services import accounts
from partnerdesk.settings import Settings
from partnerdesk.ui.operations import OperationBus
from partnerdesk.ui.session import Session

DEMO_PASSWORD = "demo-pass-1"


class Boxes:
    """What the message boxes said (kind, text); ``answer`` for questions."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer = QMessageBox.StandardButton.Yes

    def texts(self, kind: str | None = None) -> list[str]:
        return [text for k, text in self.shown if kind is None or k == kind]


@pytest.fixture(autouse=True)
def boxes(monkeypatch) -> Boxes:
    found = Boxes()

    def box(kind):  # noqa: ANN001, ANN202
        def show(parent, title, text, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            found.shown.append((kind, text))
            return found.answer if kind == "question" else QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(box(kind)))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: found.shown.append(("exec", self.text() + "\n" + self.detailedText())) or 0)
    return found


@pytest.fixture
def host(qtbot) -> Iterator[QMainWindow]:
    """A stand-in main window owning the operation bus; it and its windows go before the workspace closes."""
    window = QMainWindow()
    bus = OperationBus(window)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    yield window
    bus.wait()
    for dialog in window.findChildren(QDialog):
        dialog.close()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def session(demo_ws, host) -> Session:
    bus = host.findChild(OperationBus, "operationBus")
    return Session(demo_ws, Settings(), bus)


def audit_actions(ws, entity: str, entity_id: object) -> list[str]:  # noqa: ANN001
    """The audit trail's actions on one record, oldest first (read straight from the table)."""
    with ws.read() as uow:
        return list(uow.session.scalars(select(AuditLog.action).where(
            AuditLog.entity == entity, AuditLog.entity_id == str(entity_id)).order_by(AuditLog.seq)))


def sign_in(ws, username: str, password: str = DEMO_PASSWORD) -> None:  # noqa: ANN001
    accounts.login(ws, username, password)
