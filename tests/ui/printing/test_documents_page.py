"""The Documents page: the archive list, open (archived bytes), verify through the dialog, batch issue + cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtPdf import QPdfDocument

from partnerdesk.services import documents
from partnerdesk.settings import Settings
from partnerdesk.ui.documents.list_model import DocumentListModel
from partnerdesk.ui.documents.page import DocumentsPage
from partnerdesk.ui.operations import OperationBus
from partnerdesk.ui.pages.registry import PAGES
from partnerdesk.ui.session import Session
from tests.ui.partners.conftest import boxes, host  # noqa: F401 - fixtures (boxes: autouse)
from tests.unit.loop_setup import filed_partner, world


@pytest.fixture
def session(ws, host):  # noqa: F811
    w = world(ws)
    w.more = [filed_partner(ws, w.c1.id, 10 + k) for k in range(2)]
    s = Session(ws, Settings(), host.findChild(OperationBus, "operationBus"))
    s.w = w
    return s


@pytest.fixture
def page(qtbot, session, host):  # noqa: F811
    p = DocumentsPage(session, host)
    host.setCentralWidget(p)
    host.show()
    qtbot.waitExposed(p)
    return p


def test_registered_with_its_icon():
    spec = next(p for p in PAGES if p.key == "documents")
    assert spec.icon == "documents.svg"


def test_list_model_passes_the_model_tester(qtmodeltester, session):
    for p in (session.w.p1, session.w.p2, *session.w.more):
        documents.issue(session.ws, "commitment", p.id)
    model = DocumentListModel(session.ws, page_size=2)
    model.reload()
    assert model.rowCount() == 2 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == model.total == 4


def test_an_empty_archive_says_how_documents_get_here(qtbot, page, session):
    page.reload()
    assert page.model.total == 0 and page.empty_hint.isVisible()
    assert "Batch issue" in page.empty_hint.text() and "Print" in page.empty_hint.text()
    documents.issue(session.ws, "commitment", session.w.p1.id)
    page.reload()
    assert page.model.total == 1 and not page.empty_hint.isVisible()
    page.search.setText("no such document")
    page.debounce.flush()
    assert page.model.total == 0 and page.empty_hint.text() == "No document matches the search or kind."


def test_list_shows_issued_document_filters_and_opens_archive(qtbot, page, session, tmp_path, monkeypatch):
    doc = documents.issue(session.ws, "commitment", session.w.p1.id).value
    filing = documents.issue(session.ws, "filing", session.w.more[0].id).value
    page.reload()
    texts = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert texts[0] == filing.serial and page.model.rowCount() == 2
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("commitment"))
    assert page.model.rowCount() == 1
    row = [page.model.index(0, c).data() for c in range(page.model.columnCount())]
    assert row[0] == doc.serial and row[2] == doc.title and row[5] == doc.code and row[3] == doc.issued_by
    page.search.setText(doc.code)
    page.debounce.flush()
    assert page.model.rowCount() == 1
    page.search.setText("no such document")
    page.debounce.flush()
    assert page.model.rowCount() == 0 and not page.open_button.isEnabled()
    page.search.clear()
    page.debounce.flush()
    page.table.setCurrentIndex(page.model.index(0, 0))
    assert page.open_button.isEnabled()
    page.open_button.click()
    dialog = page.last_preview
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.pdf == documents.reprint(session.ws, doc.id) and doc.code in dialog.status.text()
    assert not dialog.issue_button.isEnabled() and dialog.save_button.isEnabled()
    target = tmp_path / "copy.pdf"
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    page.save_button.click()
    assert target.read_bytes() == dialog.pdf


def test_verify_dialog_from_the_page_matches_an_issued_file(qtbot, page, session, tmp_path):
    doc = documents.issue(session.ws, "commitment", session.w.p1.id).value
    path = tmp_path / "issued.pdf"
    path.write_bytes(doc.pdf)
    page.setFocus()
    qtbot.keyClick(page, "V", modifier=qtbot_modifiers())
    verify = page.last_verify  # Ctrl+Shift+V opened it
    verify.verify_path(path)
    assert doc.serial in verify.result.text() and verify.result.property("ok")


def qtbot_modifiers():  # noqa: ANN201
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _batch_to_folder(page, tmp_path):  # noqa: ANN001, ANN202
    dialog = page.batch()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("commitment"))
    dialog.community_combo.setCurrentIndex(dialog.community_combo.findData(page.session.w.c1.id))
    assert len(dialog.ids) == 3 and dialog.count_label.text().endswith("3")
    dialog.per_record.setChecked(True)
    dialog.target.setText(str(tmp_path / "letters"))
    assert dialog.issue_button.isEnabled()
    return dialog


def test_batch_of_three_partners_to_a_folder(qtbot, page, session, tmp_path, boxes):  # noqa: F811
    dialog = _batch_to_folder(page, tmp_path)
    with qtbot.waitSignal(dialog.done_batch, timeout=20000):
        dialog.issue_button.click()
        assert dialog.progress is not None and dialog.running  # the worker runs, the GUI thread is free
    files = sorted((tmp_path / "letters").iterdir())
    assert len(files) == 3 and len(dialog.result.documents) == 3
    assert all(documents.verify_file(session.ws, f.read_bytes()).status == "match" for f in files)
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.progress is None and page.model.rowCount() == 3  # the page refreshed from the bus
    assert any("3" in t for t in boxes.texts("information"))


def test_cancel_writes_nothing(qtbot, page, session, tmp_path, monkeypatch, boxes):  # noqa: F811
    dialog = _batch_to_folder(page, tmp_path)
    real = documents._issue_record
    first = threading.Event()

    def slow(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - holds the worker until Cancel was pressed
        first.set()
        assert dialog.cancel_requested.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(documents, "_issue_record", slow)
    dialog.issue_button.click()
    qtbot.waitUntil(first.is_set)
    from PySide6.QtWidgets import QPushButton

    dialog.progress.findChild(QPushButton).click()  # the progress dialog's own Cancel button
    qtbot.waitUntil(lambda: not dialog.running, timeout=20000)
    assert dialog.last_error == "document.cancelled" and dialog.result is None
    assert not (tmp_path / "letters").exists() and documents.list_issued(session.ws) == []
    assert any("取消" in t or "Cancelled" in t for t in boxes.texts("information"))


def test_batch_of_rotas_for_a_chosen_week(qtbot, page, session, tmp_path, boxes):  # noqa: F811
    """The period row shows for the rota kinds only; the rotas cover the week of the chosen day."""
    from datetime import date

    from PySide6.QtCore import QDate

    from partnerdesk.services import rota
    from tests.documents.pdftools import text

    w = session.w
    rota.add_pattern(session.ws, w.c1.id, "合伙人工作室", 2, "09:00", "11:30", w.p1.id, "便民咨询", date(2026, 1, 1))
    rota.roll_out(session.ws, w.c1.id, date(2026, 3, 1), date(2026, 3, 31))
    dialog = page.batch()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("commitment"))
    assert not dialog.form.isRowVisible(dialog.period)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("rota_week"))
    assert dialog.form.isRowVisible(dialog.period) and dialog.ids == [w.c1.id]
    assert not dialog.form.isRowVisible(dialog.state_combo)  # a rota has no states to choose from
    dialog.period.setDate(QDate(2026, 3, 12))
    dialog.target.setText(str(tmp_path / "rota.pdf"))
    with qtbot.waitSignal(dialog.done_batch, timeout=20000):
        dialog.issue_button.click()
    flat = "".join(text((tmp_path / "rota.pdf").read_bytes(), tmp_path).split())
    assert "2026年3月9日至3月15日" in flat and "3月11日" in flat and "便民咨询" in flat
