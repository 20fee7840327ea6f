"""The Excel import of service records with a real workbook: template, preview with each bad row's reason,
nothing imported until every row is valid, then all rows."""

from __future__ import annotations

from datetime import timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from partnerdesk.reports.service_import import header_key
from partnerdesk.services import service_records
from partnerdesk.ui.services.import_dialog import ServiceImportDialog
from partnerdesk.ui.services.records_tab import ServiceRecordsTab

from .conftest import serving_partner, settle


@pytest.fixture
def tab(session, host, qtbot) -> ServiceRecordsTab:
    widget = ServiceRecordsTab(session, host)
    host.setCentralWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    return widget


def _file_dialogs(monkeypatch, path) -> None:  # noqa: ANN001
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _fill(path, rows) -> None:  # noqa: ANN001
    book = load_workbook(path)
    sheet = book["服务记录"]
    keys = {header_key(str(c.value)): c.column for c in sheet[1] if c.value}
    sheet.delete_rows(2, sheet.max_row)  # the example row goes
    for n, values in enumerate(rows, start=2):
        for key, value in values.items():
            sheet.cell(n, keys[key], value)
    book.save(path)


def test_import_previews_each_bad_row_then_imports_every_row(tab, qtbot, tmp_path, monkeypatch, boxes,
                                                            qtmodeltester):
    ws = tab.session.ws
    _pid, name, _community = serving_partner(ws)
    day = ws.now().date() - timedelta(days=4)
    path = tmp_path / "sheet.xlsx"
    _file_dialogs(monkeypatch, path)
    tab.import_button.click()
    dialog = tab.findChild(ServiceImportDialog)
    dialog.template_button.click()
    settle(qtbot, dialog.session)
    assert path.exists()
    good = [{"partner": name, "date": day, "kind": "免费", "place": f"第{i}活动室", "people": 10 + i, "hours": 1.5}
            for i in range(3)]
    bad = {"partner": "查无此合伙人", "date": day, "kind": "免费", "people": 5}
    _fill(path, [*good, bad])
    before = service_records.count(ws)
    dialog.choose_button.click()
    settle(qtbot, dialog.session)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    assert dialog.model.rowCount() == 1 and not dialog.import_button.isEnabled()
    assert dialog.model.data(dialog.model.index(0, 0)) == "5"  # the sheet's row number
    assert "查无此合伙人" in dialog.model.data(dialog.model.index(0, 1))
    assert dialog.model.data(dialog.model.index(0, 2))  # the reason, in words
    assert "4" in dialog.summary.text()
    qtmodeltester.check(dialog.model)

    _fill(path, good)
    dialog.choose_button.click()
    settle(qtbot, dialog.session)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    assert dialog.model.rowCount() == 0
    dialog.import_button.click()
    settle(qtbot, dialog.session)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10_000)
    assert service_records.count(ws) == before + 3
    assert any(kind == "information" and "3" in text for kind, text in boxes.shown)
    assert tab.model.rowCount() == service_records.count(ws)  # the list refreshed itself
