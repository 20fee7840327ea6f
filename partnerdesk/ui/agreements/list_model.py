"""Agreements and spaces as models over SQL: only visible pages are fetched, and only a few are kept.

As the partner list (the paging is :class:`~partnerdesk.ui.models.paged.SqlListModel`'s): ``rowCount``
is a SQL count (skipped when the first page is short), ``data`` fetches the page holding a row on demand
(LIMIT/OFFSET, sorted by a column's key, ties by id), filter and sort changes reset the model, memory
stays flat. Expiring agreements are coloured amber.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.money import format_yuan
from ...services import agreement_queries as aq
from ...services.agreement_queries import AgreementFilter, AgreementListRow, SpaceFilter, SpaceListRow
from ..formatting import day
from ..models.paged import CENTER, ID_ROLE, RIGHT, ROW_ROLE, ListColumn, SqlListModel
from . import labels

__all__ = ["AGREEMENT_COLUMNS", "CONTEXT", "ID_ROLE", "ROW_ROLE", "SPACE_COLUMNS", "AgreementListModel",
           "SpaceListModel", "area"]

CONTEXT = "AgreementLists"
EXPIRING_BACKGROUND = QColor("#fff3cd")  # amber, readable in light themes
EXPIRING_FOREGROUND = QColor("#7a4f00")


def area(centi_m2: int) -> str:
    """m² with two decimals from the exact centi-m² (integer arithmetic, no float)."""
    return f"{centi_m2 // 100:,}.{centi_m2 % 100:02d}"


def _term(r: AgreementListRow) -> str:
    return f"{day(r.start_date)} — {day(r.end_date)}"


def _shared(r: SpaceListRow) -> str:
    return QCoreApplication.translate("AgreementLists", "Yes") if r.shared_by_slot else ""


def _rent(r: AgreementListRow) -> str:
    return format_yuan(r.rent_fen) if r.rent_fen else ""


AGREEMENT_COLUMNS: tuple[ListColumn[AgreementListRow], ...] = (
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Number"), lambda r: r.number, "number"),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Partner"), lambda r: r.partner_name, "partner"),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Space"), lambda r: r.space_name, "space"),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Community"), lambda r: r.community_name, "community"),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Term"), _term, "start", CENTER),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Mode"), lambda r: labels.mode(r.mode), "mode"),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Monthly rent"), _rent, None, RIGHT),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "State"), lambda r: labels.state(r.shown_state), "state", CENTER),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Ends"), lambda r: day(r.end_date), "end", CENTER),
)

SPACE_COLUMNS: tuple[ListColumn[SpaceListRow], ...] = (
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Name"), lambda r: r.name, "name"),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Community"), lambda r: r.community_name, "community"),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Address"), lambda r: r.address),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Area (m²)"), lambda r: area(r.area_centi_m2), "area", RIGHT),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Kind"), lambda r: labels.kind(r.kind), "kind"),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Owner"), lambda r: labels.owner(r.owner), "owner"),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Status"), lambda r: labels.space_status(r.status), "status",
               CENTER),
    ListColumn(QT_TRANSLATE_NOOP("AgreementLists", "Shared by slot"), _shared, None, CENTER),
)


class AgreementListModel(SqlListModel[AgreementListRow]):
    text_tooltips = True

    def __init__(self, ws, parent=None, **kw) -> None:  # noqa: ANN001, ANN003
        super().__init__(
            AGREEMENT_COLUMNS, CONTEXT, lambda f: aq.count_agreements(ws, f),
            lambda f, sort, desc, offset, limit: aq.query_agreements(ws, f, sort, desc, offset=offset, limit=limit),
            AgreementFilter(), ("end", False), parent, **kw)
        self.ws = ws

    def _decorate(self, row: AgreementListRow, role: int) -> Any:
        if row.shown_state != aq.EXPIRING:
            return None
        colour = EXPIRING_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole else EXPIRING_FOREGROUND
        return QBrush(colour)


class SpaceListModel(SqlListModel[SpaceListRow]):
    text_tooltips = True

    def __init__(self, ws, parent=None, **kw) -> None:  # noqa: ANN001, ANN003
        super().__init__(
            SPACE_COLUMNS, CONTEXT, lambda f: aq.count_spaces(ws, f),
            lambda f, sort, desc, offset, limit: aq.query_spaces(ws, f, sort, desc, offset=offset, limit=limit),
            SpaceFilter(), ("name", False), parent, **kw)
        self.ws = ws
