"""The "Services" page (服务与点单): service records, the entry grid for sign-in sheets, resident orders.

Each tab is a Page built the first time it is shown and refreshing itself from the operation bus.
Ctrl+N starts a sheet row (records and grid) or a new order (orders); Ctrl+S saves the grid.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from ...domain.roles import Perm
from ..pages.base import Page
from ..pages.tabbed import TabbedPage, TabSpec
from ..session import Session
from .widgets import shortcut

CONTEXT = "ServicesPage"


def _records(session: Session, parent: QWidget | None) -> Page:
    from .records_tab import ServiceRecordsTab

    return ServiceRecordsTab(session, parent)


def _entry(session: Session, parent: QWidget | None) -> Page:
    from .entry_tab import EntryTab

    return EntryTab(session, parent)


def _orders(session: Session, parent: QWidget | None) -> Page:
    from .orders_tab import OrdersTab

    return OrdersTab(session, parent)


TABS: tuple[TabSpec, ...] = (
    TabSpec("records", QT_TRANSLATE_NOOP("ServicesPage", "Service records"), _records),
    TabSpec("entry", QT_TRANSLATE_NOOP("ServicesPage", "Enter a sign-in sheet"), _entry, Perm.EDIT_RECORDS),
    TabSpec("orders", QT_TRANSLATE_NOOP("ServicesPage", "Resident orders"), _orders),
)


class ServicesPage(TabbedPage):
    CONTEXT = CONTEXT
    TABS = TABS

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        shortcut(self, "Ctrl+N", self.new)

    def _build_tab(self, spec: TabSpec, parent: QWidget) -> Page:
        page = spec.factory(self.session, parent)
        page.setObjectName(f"services_{spec.key}")
        if spec.key == "records":
            page.enter_services.connect(self.enter_services)  # type: ignore[attr-defined]
        return page

    # -- keyboard --------------------------------------------------------------------------------------
    def new(self) -> None:
        """Ctrl+N: a new order on the orders tab, else a new row of the sign-in sheet."""
        if not self.tabs.count():
            return
        if self.current_key() == "orders":
            if self.session.may_change(Perm.EDIT_RECORDS):
                self.current().new_order()  # type: ignore[attr-defined]
        elif "entry" in self.holders:
            self.enter_services()

    def enter_services(self) -> None:
        self.show_tab("entry").start()  # type: ignore[attr-defined]
