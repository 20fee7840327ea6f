"""Partner screens: the list, the partner record, registration, and the editors of the partner capability.

Importing this package costs nothing: :func:`page` imports the widgets on first use.
"""

from __future__ import annotations


def page(session, parent=None):  # noqa: ANN001, ANN201 - (Session, QWidget | None) -> Page
    """The "Partners" page of the main window (factory for ``ui.pages.registry.PageSpec``)."""
    from .page import PartnersPage

    return PartnersPage(session, parent)
