"""A page made of tabs, each a Page of its own built the first time it is shown (Spaces & agreements,
Services, Funds, Administration). Subclasses list their TABS and translation CONTEXT and wire a built tab in
``_build_tab``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...services.changes import Changes
from ..session import Session
from .base import Page
from .lazy import LazyTab


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str  # English source in the page's CONTEXT
    factory: Callable[[Session, QWidget | None], Page]
    needs: Perm | tuple[Perm, ...] = Perm.READ  # a tuple: any one of these

    def allowed(self, session: Session) -> bool:
        needs = self.needs if isinstance(self.needs, tuple) else (self.needs,)
        return any(session.can(p) for p in needs)


class TabbedPage(Page):
    areas = frozenset()  # the tabs refresh themselves from the operation bus
    CONTEXT = ""
    TABS: tuple[TabSpec, ...] = ()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._stale = False  # nothing of its own to load: a tab loads itself when it is first shown
        self.tabs = QTabWidget(documentMode=True)
        self.holders: dict[str, LazyTab] = {}
        self.windows: dict[int, QWidget] = {}  # record windows opened from the tabs, one per record
        for spec in self.TABS:
            if spec.allowed(session):
                holder = LazyTab(lambda parent, spec=spec: self._build_tab(spec, parent), self.tabs)
                self.holders[spec.key] = holder
                self.tabs.addTab(holder, QCoreApplication.translate(self.CONTEXT, spec.title))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def _build_tab(self, spec: TabSpec, parent: QWidget) -> Page:
        return spec.factory(self.session, parent)

    @property
    def tab_pages(self) -> dict[str, Page]:
        """Every tab the user may see (each is built on first access)."""
        return {key: holder.page() for key, holder in self.holders.items()}

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


def open_record_window(windows: dict[int, QWidget], record_id: int, make: Callable[[], QWidget],
                       closed_signal: str = "destroyed") -> QWidget:
    """One window per record: a second request raises the open one."""
    window = windows.get(record_id)
    if window is None:
        window = make()
        getattr(window, closed_signal).connect(lambda *_: windows.pop(record_id, None))
        windows[record_id] = window
    window.show()
    window.raise_()
    window.activateWindow()
    return window
