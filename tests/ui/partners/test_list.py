"""The partner list: a model over SQL pages that passes the model tester, instant search, filters, sorting."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from partnerdesk.services import partners
from partnerdesk.services.partner_queries import PartnerFilter
from partnerdesk.services.partners import initials_of
from partnerdesk.ui.partners.list_model import COLUMNS, ID_ROLE, PartnerListModel
from partnerdesk.ui.partners.list_tab import PartnerListTab
from partnerdesk.ui.partners.widgets import select_value


@pytest.fixture
def tab(session, host, qtbot) -> PartnerListTab:
    page = PartnerListTab(session, host)
    host.setCentralWidget(page)
    host.show()
    qtbot.waitExposed(host)
    return page


def test_model_passes_the_model_tester_and_pages_from_sql(demo_ws, qtmodeltester):
    model = PartnerListModel(demo_ws, page_size=50, max_pages=3)
    model.reload()
    total = partners.count(demo_ws)
    assert model.rowCount() == total > 150
    qtmodeltester.check(model)
    last = model.index(total - 1, 0)
    assert model.data(last) and model.data(last, ID_ROLE)
    assert model.cached_pages() <= 3  # the cache stays bounded however far the view scrolls


def test_sorting_happens_in_sql(demo_ws, qtmodeltester):
    model = PartnerListModel(demo_ws)
    model.reload()
    state_column = next(i for i, c in enumerate(COLUMNS) if c.sort_key == "state")
    model.sort(state_column, Qt.SortOrder.DescendingOrder)
    expected = partners.query(demo_ws, PartnerFilter(), "state", True, limit=5)
    assert [model.data(model.index(r, 0), ID_ROLE) for r in range(5)] == [p.id for p in expected]
    qtmodeltester.check(model)


def test_instant_search_finds_pinyin_initials(tab, qtbot):
    tab.search.setText("myh")
    qtbot.waitUntil(lambda: tab.model.filter.text == "myh", timeout=2000)
    names = [tab.model.data(tab.model.index(r, 0)) for r in range(tab.model.rowCount())]
    assert any(n.startswith("牧有货") for n in names)  # 牧有货… and also e.g. 马玉海: both are "myh"
    assert names and all(initials_of(n).startswith("myh") for n in names)
    assert tab.model.rowCount() == partners.count(tab.session.ws, PartnerFilter(text="myh"))


def test_a_text_search_is_counted_by_its_first_page_not_a_second_query(demo_ws, monkeypatch):
    """A keystroke scans the partners once: the first page counts the matches, the list asks for no count."""
    model = PartnerListModel(demo_ws, page_size=5)
    counted: list[PartnerFilter] = []
    real_count = partners.count
    monkeypatch.setattr(partners, "count", lambda ws, f=PartnerFilter(): counted.append(f) or real_count(ws, f))
    model.set_filter(PartnerFilter(text="社"))
    expected = real_count(demo_ws, PartnerFilter(text="社"))
    assert expected > 5 and model.rowCount() == expected and counted == []
    model.set_filter(PartnerFilter(state="active"))  # no text: the first page does not count, count() does
    assert counted == [PartnerFilter(state="active")]


def test_state_filter_counts_what_the_service_counts(tab, qtbot):
    ws = tab.session.ws
    for state in ("active", "exited", "applied"):
        assert select_value(tab.state_combo, state)
        assert tab.model.rowCount() == partners.count(ws, PartnerFilter(state=state)) > 0
        assert state in tab.count_label.text() or str(tab.model.rowCount()) in tab.count_label.text()
    select_value(tab.state_combo, None)
    assert tab.model.rowCount() == partners.count(ws)


def test_list_shows_only_masked_personal_numbers(tab):
    model = tab.model
    mobile_column = next(i for i, c in enumerate(COLUMNS) if c.title == "Mobile")
    mobiles = [model.data(model.index(r, mobile_column)) for r in range(min(50, model.rowCount()))]
    assert any(mobiles) and all("****" in m for m in mobiles if m)
