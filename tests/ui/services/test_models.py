"""Every model of the Services page passes Qt's model tester, empty and with rows."""

from __future__ import annotations

from partnerdesk.services import orders, service_records
from partnerdesk.services.orders import OrderFilter
from partnerdesk.services.service_records import ServiceFilter
from partnerdesk.ui.models.paged import SqlListModel
from partnerdesk.ui.services.entry_model import EntryGridModel
from partnerdesk.ui.services.orders_tab import COLUMNS as ORDER_COLUMNS
from partnerdesk.ui.services.records_tab import columns as record_columns

from .conftest import serving_partner


def _records_model(ws, page_size: int = 50) -> SqlListModel:  # noqa: ANN001
    return SqlListModel(record_columns({}), "ServiceList", lambda f: service_records.count(ws, f),
                        lambda f, s, d, o, n: service_records.query(ws, f, s, d, limit=n, offset=o),
                        ServiceFilter(), ("date", True), page_size=page_size, max_pages=3)


def test_service_list_model_pages_and_sorts_in_sql(demo_ws, qtmodeltester):
    model = _records_model(demo_ws)
    model.reload()
    total = service_records.count(demo_ws)
    assert total > 150 and model.rowCount() == total
    qtmodeltester.check(model)
    assert model.row_at(total - 1) is not None and model.cached_pages() <= 3  # memory stays bounded
    model.sort(1)  # partner names
    assert model.sort_key == ("partner", False)
    model.sort(7)  # hours: no SQL key, order kept
    assert model.sort_key == ("partner", False)
    model.set_filter(ServiceFilter(text="没有这样的地点"))
    assert model.rowCount() == 0
    qtmodeltester.check(model)


def test_order_list_model_marks_overdue_rows(demo_ws, qtmodeltester):
    from PySide6.QtCore import Qt

    model = SqlListModel(ORDER_COLUMNS, "OrderList", lambda f: orders.count(demo_ws, f),
                         lambda f, s, d, o, n: orders.query(demo_ws, f, s, d, limit=n, offset=o),
                         OrderFilter(overdue_only=True), ("ordered", True), alert=lambda r: r.overdue)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == orders.count(demo_ws, OrderFilter(overdue_only=True)) > 0
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None


def test_entry_grid_model(demo_ws, qtmodeltester, today):
    pid, name, _community = serving_partner(demo_ws)
    model = EntryGridModel(lambda text: [(pid, name)] if text in name else [], lambda _p: [], today)
    qtmodeltester.check(model)
    assert model.set_value(0, "partner", name) and model.set_value(0, "people", "12")
    assert model.rowCount() == 2  # a new blank row waits at the end
    assert not model.set_value(0, "people", "十二")  # not a number: refused, the old value kept
    assert model.row(0).people == 12
    qtmodeltester.check(model)
