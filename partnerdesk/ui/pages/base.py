"""The page protocol: refresh only on changes it shows, and lazily while hidden."""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from ...services.changes import Changes
from ..session import Session


class Page(QWidget):
    """A page (or a tab of one). Subclasses set ``areas`` and implement :meth:`reload`."""

    areas: frozenset[str] = frozenset({"*"})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._stale = True
        session.bus.data_changed.connect(self.on_changes)

    def reload(self) -> None:
        """Fetch what the page shows again from the services."""

    def on_changes(self, changes: Changes) -> None:
        if any(changes.touches(area) for area in self.areas):
            self.refresh()

    def refresh(self) -> None:
        """Reload now if visible, else on the next show (hidden pages cost nothing)."""
        if self.isVisible():
            self._stale = False
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    def focus_search(self) -> bool:
        """Ctrl+F: focus the page's search box (a QLineEdit named "search"), if it has one."""
        box = self.findChild(QLineEdit, "search")
        if box is None or not box.isVisible():
            return False
        box.setFocus()
        box.selectAll()
        return True
