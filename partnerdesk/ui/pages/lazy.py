"""A tab whose page is built the first time it is shown (or asked for): start-up pays only for what
is on screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .base import Page


class LazyTab(QWidget):
    def __init__(self, build: Callable[[QWidget], Page], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: Page | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    def page(self) -> Page:
        if self._page is None:
            self._page = self._build(self)
            self._layout.addWidget(self._page)
            self._page.show()  # now, so it loads before the caller looks at it
            self._layout.activate()  # and with its real geometry at once (a click may follow immediately)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:
        self.page()
        super().showEvent(event)
