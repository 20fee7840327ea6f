"""The "Services" page (服务与点单): service records, the entry grid for sign-in sheets, resident orders.

Each tab is a Page built the first time it is shown and refreshing itself from the operation bus.
Ctrl+N starts a sheet row (records and grid) or a new order (orders); Ctrl+S saves the grid.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...services.changes import Changes
from ..pages.base import Page
from ..pages.lazy import LazyTab
from ..session import Session
from .widgets import shortcut

CONTEXT = "ServicesPage"


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # English source in the "ServicesPage" context
    factory: Callable[[Session, QWidget | None], Page]
    needs: Perm = Perm.READ


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


class ServicesPage(Page):
    areas = frozenset()  # the tabs refresh themselves

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._stale = False
        self.tabs = QTabWidget(documentMode=True)
        self.holders: dict[str, LazyTab] = {}
        for spec in TABS:
            if session.can(spec.needs):
                holder = LazyTab(lambda parent, spec=spec: self._build_tab(spec, parent), self.tabs)
                self.holders[spec.key] = holder
                self.tabs.addTab(holder, QCoreApplication.translate(CONTEXT, spec.title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        shortcut(self, "Ctrl+N", self.new)

    def _build_tab(self, spec: TabSpec, parent: QWidget) -> Page:
        page = spec.factory(self.session, parent)
        page.setObjectName(f"services_{spec.key}")
        if spec.key == "records":
            page.enter_services.connect(self.enter_services)  # type: ignore[attr-defined]
        return page

    @property
    def tab_pages(self) -> dict[str, Page]:
        """Every tab the user may see (each is built on first access)."""
        return {k: h.page() for k, h in self.holders.items()}

    def tab(self, key: str) -> Page:
        return self.holders[key].page()

    def show_tab(self, key: str) -> Page:
        self.tabs.setCurrentWidget(self.holders[key])
        return self.tab(key)

    def current(self) -> Page:
        return self.tabs.currentWidget().page()

    def current_key(self) -> str:
        return next(k for k, h in self.holders.items() if h is self.tabs.currentWidget())

    def reload(self) -> None:
        if self.tabs.count():
            self.current().reload()

    def on_changes(self, changes: Changes) -> None:
        """Nothing of its own; each tab listens to the bus."""

    def focus_search(self) -> bool:
        return bool(self.tabs.count()) and self.current().focus_search()

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
