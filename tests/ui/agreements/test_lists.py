"""The agreements and spaces lists: models over SQL pages that pass the model tester; filters; Chinese screens."""

from __future__ import annotations

from PySide6.QtCore import Qt

from partnerdesk.services import agreement_queries as aq
from partnerdesk.services.agreement_queries import AgreementFilter, SpaceFilter
from partnerdesk.ui.agreements.list_model import ID_ROLE, AgreementListModel, SpaceListModel
from partnerdesk.ui.agreements.page import AgreementsPage
from partnerdesk.ui.partners.widgets import combo_value, select_value

from .conftest import show


def test_agreement_model_passes_the_model_tester_and_pages(session, built, qtmodeltester):
    ws = session.ws
    model = AgreementListModel(ws, page_size=4, max_pages=2)
    model.reload()
    total = aq.count_agreements(ws)
    assert model.rowCount() == total >= 6
    qtmodeltester.check(model)
    assert model.data(model.index(total - 1, 0), ID_ROLE)
    assert model.cached_pages() <= 2
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)
    model.set_filter(AgreementFilter(state="expiring", window_days=30, community_id=built.community_id))
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is not None  # highlighted
    qtmodeltester.check(model)


def test_space_model_passes_the_model_tester(session, built, qtmodeltester):
    model = SpaceListModel(session.ws, page_size=3, max_pages=2)
    model.reload()
    assert model.rowCount() == aq.count_spaces(session.ws)
    qtmodeltester.check(model)
    model.set_filter(SpaceFilter(community_id=built.community_id))
    assert model.rowCount() == 6
    area_column = 3
    assert model.data(model.index(0, area_column)).endswith(".00")
    qtmodeltester.check(model)


def test_agreements_tab_filters_and_remembers_the_window(session, built, host, qtbot):
    page = show(host, qtbot, AgreementsPage(session, host))
    tab = page.show_tab("agreements")
    select_value(tab.community_combo, built.community_id)
    assert combo_value(tab.state_combo) == "current"  # by default: being worked on or in force
    assert tab.model.rowCount() == 5  # the expired one is left out
    select_value(tab.state_combo, None)
    assert tab.model.rowCount() == 6
    select_value(tab.state_combo, "expiring")
    assert tab.model.rowCount() == 1
    select_value(tab.window_combo, 90)
    assert tab.model.rowCount() == 2 and session.settings.agreement_reminder_days == 90
    tab.search.setText("戊户外")
    qtbot.waitUntil(lambda: tab.model.filter.text == "戊户外", timeout=2000)
    assert tab.model.rowCount() == 1
    assert page.focus_search() and tab.search.hasFocus()


def test_the_page_speaks_chinese(session, built, host, qtbot, zh):
    from tests.ui.test_translations import _english_words, _visible_texts

    page = show(host, qtbot, AgreementsPage(session, host))
    leftovers = set()
    for key in ("agreements", "spaces"):
        page.show_tab(key)
        qtbot.wait(1)
        for text in _visible_texts(host):
            leftovers.update(_english_words(text))
    window = page.open_agreement(built.agreement_ids["expiring"])
    qtbot.waitExposed(window)
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        for text in _visible_texts(window):
            leftovers.update(_english_words(text))
    assert not leftovers, sorted(leftovers)
    assert page.tabs.tabText(0) == "空间使用协议"
