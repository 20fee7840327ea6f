"""The preview dialog (QtPdf) issues the document and then offers the archived bytes; the verify dialog."""

from __future__ import annotations

import pytest
from PySide6.QtPdf import QPdfDocument

from partnerdesk.services import documents
from partnerdesk.settings import Settings
from partnerdesk.ui.documents.preview_dialog import PreviewDialog
from partnerdesk.ui.documents.verify_dialog import VerifyDialog
from partnerdesk.ui.operations import OperationBus
from partnerdesk.ui.session import Session
from tests.ui.partners.conftest import host  # noqa: F401 - fixture
from tests.unit.loop_setup import world


@pytest.fixture
def session(ws, host):  # noqa: F811
    w = world(ws)
    s = Session(ws, Settings(), host.findChild(OperationBus, "operationBus"))
    s.w = w
    return s


def test_preview_issue_save_and_verify(qtbot, session, host, tmp_path, monkeypatch):  # noqa: F811
    dialog = PreviewDialog(session, "commitment", session.w.p1.id, host)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.document.pageCount() >= 1 and not dialog.save_button.isEnabled()
    dialog.issue_button.click()
    qtbot.waitUntil(lambda: dialog.issued is not None)
    doc = dialog.issued
    assert doc.code in dialog.status.text() and dialog.pdf == documents.reprint(session.ws, doc.id)
    assert not dialog.issue_button.isEnabled() and dialog.save_button.isEnabled()
    target = tmp_path / "saved.pdf"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    dialog.save()
    assert target.read_bytes() == dialog.pdf
    verify = VerifyDialog(session, host)
    qtbot.addWidget(verify)
    verify.verify_path(target)
    assert doc.serial in verify.result.text() and verify.result.property("ok")
    verify.code.setText("ZZZZ-ZZZZ")
    verify.check_button.click()
    assert not verify.result.property("ok")
