"""The "Partners" page: the list, recruitment notices, the three lists, the duty rota, the dictionaries.

Each tab is a Page that refreshes itself from the operation bus; partners open in their own windows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...services.changes import Changes
from ..pages.base import Page
from ..session import Session

CONTEXT = "PartnersPage"


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # English source in the "PartnersPage" context
    factory: Callable[[Session, QWidget | None], Page]
    needs: Perm = Perm.READ


def _list(session: Session, parent: QWidget | None) -> Page:
    from .list_tab import PartnerListTab

    return PartnerListTab(session, parent)


def _notices(session: Session, parent: QWidget | None) -> Page:
    from .notices_tab import NoticesTab

    return NoticesTab(session, parent)


def _lists(session: Session, parent: QWidget | None) -> Page:
    from .lists_tab import ThreeListsTab

    return ThreeListsTab(session, parent)


def _rota(session: Session, parent: QWidget | None) -> Page:
    from .rota_tab import RotaTab

    return RotaTab(session, parent)


def _dictionaries(session: Session, parent: QWidget | None) -> Page:
    from .dictionaries_tab import DictionariesTab

    return DictionariesTab(session, parent)


def _rules(session: Session, parent: QWidget | None) -> Page:
    from .rules_tab import RulesTab

    return RulesTab(session, parent)


TABS: tuple[TabSpec, ...] = (
    TabSpec("list", QT_TRANSLATE_NOOP("PartnersPage", "Partners"), _list),
    TabSpec("notices", QT_TRANSLATE_NOOP("PartnersPage", "Recruitment notices"), _notices),
    TabSpec("lists", QT_TRANSLATE_NOOP("PartnersPage", "Three lists"), _lists),
    TabSpec("rota", QT_TRANSLATE_NOOP("PartnersPage", "Duty rota"), _rota),
    TabSpec("dictionaries", QT_TRANSLATE_NOOP("PartnersPage", "Dictionaries"), _dictionaries,
            Perm.MANAGE_SETTINGS),
    TabSpec("rules", QT_TRANSLATE_NOOP("PartnersPage", "Programme rules"), _rules, Perm.MANAGE_SETTINGS),
)


class PartnersPage(Page):
    areas = frozenset()  # the tabs refresh themselves

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._stale = False
        self.tabs = QTabWidget(documentMode=True)
        self.tab_pages: dict[str, Page] = {}
        self.windows: dict[int, QWidget] = {}
        for spec in TABS:
            if session.can(spec.needs):
                page = spec.factory(session, self.tabs)
                self.tab_pages[spec.key] = page
                self.tabs.addTab(page, QCoreApplication.translate(CONTEXT, spec.title))
        self.tab_pages["list"].open_partner.connect(self.open_partner)  # type: ignore[attr-defined]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_tab(self, key: str) -> Page:
        page = self.tab_pages[key]
        self.tabs.setCurrentWidget(page)
        return page

    def current(self) -> Page:
        return self.tabs.currentWidget()

    def reload(self) -> None:
        if self.tabs.count():
            self.current().reload()

    def on_changes(self, changes: Changes) -> None:
        """Nothing of its own; each tab listens to the bus."""

    def focus_search(self) -> bool:
        return bool(self.tabs.count()) and self.current().focus_search()

    def open_partner(self, partner_id: int) -> QWidget:
        """One window per partner: a second request raises the open one."""
        from .record_window import PartnerWindow

        window = self.windows.get(partner_id)
        if window is None:
            window = PartnerWindow(self.session, partner_id, self)
            window.destroyed.connect(lambda *_: self.windows.pop(partner_id, None))
            self.windows[partner_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window
