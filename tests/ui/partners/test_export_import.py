"""Export of the filtered list (masked, audited, in the background) and the Excel import dialog."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from partnerdesk.reports.partner_import import header_key
from partnerdesk.services import org, partners
from partnerdesk.services.partner_queries import PartnerFilter
from partnerdesk.ui.partners.import_dialog import ImportDialog
from partnerdesk.ui.partners.list_tab import PartnerListTab
from partnerdesk.ui.partners.widgets import select_value
from tests.helpers.numbers import org_code, person_id

from .conftest import audit_actions


@pytest.fixture
def tab(session, host, qtbot) -> PartnerListTab:
    widget = PartnerListTab(session, host)
    host.setCentralWidget(widget)
    host.show()
    qtbot.waitExposed(host)
    return widget


def _file_dialogs(monkeypatch, path) -> None:  # noqa: ANN001
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_export_writes_the_filtered_masked_list_and_is_audited(tab, qtbot, tmp_path, monkeypatch, boxes):
    ws = tab.session.ws
    select_value(tab.state_combo, "active")
    target = tmp_path / "active.xlsx"
    _file_dialogs(monkeypatch, target)
    tab.export_button.click()
    tab.session.bus.wait(20_000)
    qtbot.waitUntil(lambda: bool(boxes.shown), timeout=5000)
    assert boxes.shown[0][0] == "information", boxes.shown
    rows = list(load_workbook(target, read_only=True).active.iter_rows(values_only=True))
    assert len(rows) - 1 == partners.count(ws, PartnerFilter(state="active"))
    mobiles = [r[5] for r in rows[1:] if r[5]]
    assert mobiles and all("****" in m for m in mobiles)
    assert "export" in audit_actions(ws, "partner", "")


def _fill_template(path, rows) -> None:  # noqa: ANN001
    book = load_workbook(path)
    sheet = book["合伙人"]
    keys = {header_key(str(c.value)): c.column for c in sheet[1] if c.value}
    for n, values in enumerate(rows, start=2):
        for key, value in values.items():
            sheet.cell(n, keys[key], value)
    book.save(path)


def test_import_previews_every_rejected_row_then_imports_all(tab, qtbot, tmp_path, monkeypatch, boxes,
                                                            qtmodeltester):
    ws = tab.session.ws
    community = org.communities(ws)[0].name
    path = tmp_path / "partners.xlsx"
    _file_dialogs(monkeypatch, path)
    tab.import_button.click()
    dialog = tab.findChild(ImportDialog)
    dialog.template_button.click()
    dialog.session.bus.wait(20_000)
    good = {"type": "企业", "name": "江北便民维修铺", "uscc": org_code(876543210), "communities": community}
    bad = {"type": "居民能人", "name": "王师傅", "id_number": person_id(3)[:-1] + "0" if person_id(3)[-1] != "0"
           else person_id(3)[:-1] + "1", "communities": community}
    _fill_template(path, [good, bad])
    dialog.choose_button.click()
    dialog.session.bus.wait(20_000)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    assert dialog.model.rowCount() == 1 and not dialog.import_button.isEnabled()
    assert "王师傅" in dialog.model.data(dialog.model.index(0, 1))
    assert dialog.model.data(dialog.model.index(0, 2))  # the reason, in words
    qtmodeltester.check(dialog.model)
    before = partners.count(ws)
    _fill_template(path, [good, {**bad, "id_number": person_id(3)}])
    dialog.choose_button.click()
    dialog.session.bus.wait(20_000)
    qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=5000)
    dialog.import_button.click()
    dialog.session.bus.wait(20_000)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert partners.count(ws) == before + 2
    assert tab.model.rowCount() == before + 2  # the list heard of the change
    assert [k for k, _ in boxes.shown] == ["information"], boxes.shown
