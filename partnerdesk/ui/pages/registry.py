"""Every page of the main window, in navigation order. A new capability adds its page here, once.

Ctrl+1…Ctrl+9 follow this order among the pages the signed-in user may see.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from ...domain.roles import Actor
from ..session import Session
from .base import Page


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str  # English source, translated in the "Pages" context
    icon: str  # file name under resources/icons
    factory: Callable[[Session, QWidget | None], Page]
    allowed: Callable[[Actor], bool] = lambda actor: True

    def label(self) -> str:
        return QCoreApplication.translate("Pages", self.title)


def _dashboard(session: Session, parent: QWidget | None) -> Page:
    from .dashboard import DashboardPage

    return DashboardPage(session, parent)


def _administration(session: Session, parent: QWidget | None) -> Page:
    from ..admin.page import AdministrationPage

    return AdministrationPage(session, parent)


def _partners(session: Session, parent: QWidget | None) -> Page:
    from ..partners.page import PartnersPage

    return PartnersPage(session, parent)


def _agreements(session: Session, parent: QWidget | None) -> Page:
    from ..agreements.page import AgreementsPage

    return AgreementsPage(session, parent)


def _services(session: Session, parent: QWidget | None) -> Page:
    from ..services.page import ServicesPage

    return ServicesPage(session, parent)


def _funds(session: Session, parent: QWidget | None) -> Page:
    from ..funds.page import FundsPage

    return FundsPage(session, parent)


def _documents(session: Session, parent: QWidget | None) -> Page:
    from ..documents.page import DocumentsPage

    return DocumentsPage(session, parent)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("dashboard", QT_TRANSLATE_NOOP("Pages", "Overview"), "dashboard.svg", _dashboard),
    PageSpec("partners", QT_TRANSLATE_NOOP("Pages", "Partners"), "partners.svg", _partners),
    PageSpec("agreements", QT_TRANSLATE_NOOP("Pages", "Spaces & agreements"), "agreements.svg", _agreements),
    PageSpec("services", QT_TRANSLATE_NOOP("Pages", "Services"), "services.svg", _services),
    PageSpec("funds", QT_TRANSLATE_NOOP("Pages", "Funds"), "funds.svg", _funds),
    PageSpec("documents", QT_TRANSLATE_NOOP("Pages", "Documents"), "documents.svg", _documents),
    PageSpec("administration", QT_TRANSLATE_NOOP("Pages", "Administration"), "administration.svg",
             _administration),
)


def pages_for(actor: Actor) -> list[PageSpec]:
    return [spec for spec in PAGES if spec.allowed(actor)]
