"""The template editor: admins only, live preview in a worker, inline errors, save as office version, revert."""

from __future__ import annotations

import pytest
from PySide6.QtPdf import QPdfDocument

from partnerdesk.services import documents, templates
from partnerdesk.settings import Settings
from partnerdesk.ui.documents.page import DocumentsPage
from partnerdesk.ui.documents.template_editor import TemplateEditor
from partnerdesk.ui.operations import OperationBus
from partnerdesk.ui.session import Session
from tests.ui.partners.conftest import boxes, host  # noqa: F401 - fixtures (boxes: autouse)
from tests.unit.loop_setup import login, world


@pytest.fixture
def session(ws, host):  # noqa: F811
    w = world(ws)
    s = Session(ws, Settings(), host.findChild(OperationBus, "operationBus"))
    s.w = w
    return s


def _choose(editor: TemplateEditor, kind: str) -> None:
    from PySide6.QtCore import Qt

    for i in range(editor.list.count()):
        if editor.list.item(i).data(Qt.ItemDataRole.UserRole) == kind:
            editor.list.setCurrentRow(i)
            return
    raise AssertionError(kind)


def _ready(qtbot, editor: TemplateEditor) -> None:
    qtbot.waitUntil(lambda: editor.document.status() == QPdfDocument.Status.Ready and not editor.worker.busy
                    and editor.worker.pending is None, timeout=20000)


def test_button_only_for_settings_managers(qtbot, session, host):  # noqa: F811
    page = DocumentsPage(session, host)
    qtbot.addWidget(page)
    assert not page.templates_button.isHidden()
    login(session.ws, "staff1")
    other = DocumentsPage(session, host)
    qtbot.addWidget(other)
    assert other.templates_button.isHidden()


def test_edit_preview_save_issue_and_revert(qtbot, session, host, boxes, monkeypatch):  # noqa: F811
    page = DocumentsPage(session, host)
    qtbot.addWidget(page)
    editor = page.edit_templates()
    _choose(editor, "commitment_org")
    _ready(qtbot, editor)
    assert editor.document.pageCount() >= 1 and not editor.save_button.isEnabled()
    first = editor.pdf
    editor.title_edit.setText("社区合伙人承诺书（东风社区）")
    editor.margins["margin_left_mm"].setValue(30)
    editor.font_combos["fangsong"].setCurrentIndex(editor.font_combos["fangsong"].findData("gkai00mp.ttf"))
    assert editor.save_button.isEnabled() and editor.debounce.timer.isActive()
    editor.debounce.flush()
    _ready(qtbot, editor)
    assert editor.pdf != first and editor.errors.isHidden()

    clauses = next(e for _i, key, e in editor.bindings if key == "items")
    clauses.setPlainText(clauses.toPlainText() + "\n遵守{partner.nmae}的约定。")
    editor.debounce.flush()
    qtbot.waitUntil(lambda: not editor.errors.isHidden(), timeout=20000)
    assert "partner.nmae" in editor.errors.text() and "blocks[2].items[7]" in editor.errors.text()
    editor.save_button.click()  # refused: shown inline, nothing written
    assert {e.kind: e.origin for e in templates.list_templates(session.ws)}["commitment_org"] == "shipped"
    clauses.setPlainText("\n".join(clauses.toPlainText().splitlines()[:-1]))
    editor.debounce.flush()
    qtbot.waitUntil(lambda: editor.errors.isHidden(), timeout=20000)

    with qtbot.waitSignal(editor.saved, timeout=10000) as saved:
        editor.save_button.click()
    assert saved.args[0].version == "2026.1-office.1" and editor.editable.origin == "office"
    assert "2026.1-office.1" in editor.list.currentItem().text() and editor.revert_button.isEnabled()
    doc = documents.issue(session.ws, "commitment", session.w.p1.id).value
    assert doc.template_version == "2026.1-office.1"

    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.question",
                        lambda *a, **k: __import__("PySide6.QtWidgets").QtWidgets.QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(editor.saved, timeout=10000):
        editor.revert_button.click()
    assert editor.editable.origin == "shipped" and not editor.revert_button.isEnabled()
    editor.worker.wait()


def test_each_document_in_the_list_has_room_for_both_lines(qtbot, session, host):  # noqa: F811
    """Name (Chinese) over version and origin (English in an English UI): the row must hold both lines with the
    item frame around them, or Qt elides the second line away."""
    from PySide6.QtCore import Qt

    page = DocumentsPage(session, host)
    qtbot.addWidget(page)
    editor = page.edit_templates()
    qtbot.waitExposed(editor)
    lst = editor.list
    for i in range(lst.count()):
        item = lst.item(i)
        text = lst.fontMetrics().boundingRect(0, 0, lst.viewport().width() - 12, 10_000,
                                              Qt.TextFlag.TextWordWrap, item.text())
        assert "\n" in item.text() and lst.visualItemRect(item).height() >= text.height() + 6, item.text()
    _ready(qtbot, editor)
    editor.close()
