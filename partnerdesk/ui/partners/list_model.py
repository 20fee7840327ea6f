"""The partner list as a model over SQL: only the visible pages are fetched, and only ~10 are kept.

``rowCount`` is a SQL count; ``data`` fetches the page holding a row on demand (LIMIT/OFFSET in the
service, sorted by a SORTS key with ties broken by id). Filter and sort changes reset the model. Memory
does not grow with the number of partners. The paging is :class:`~partnerdesk.ui.models.paged.SqlListModel`'s.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...services import partners
from ...services.partner_queries import PartnerFilter, PartnerListRow
from ..formatting import local_time
from ..models.paged import CENTER, ID_ROLE, ROW_ROLE, ListColumn, SqlListModel
from ..models.table import Index
from . import labels

__all__ = ["COLUMNS", "CONTEXT", "ID_ROLE", "ROW_ROLE", "PartnerListModel"]

CONTEXT = "PartnerListModel"


def _number(row: PartnerListRow) -> str:
    return row.uscc or row.id_number_masked


COLUMNS: tuple[ListColumn[PartnerListRow], ...] = (
    # names sort by their pinyin initials: code-point order means nothing to a reader of Chinese
    ListColumn(QT_TRANSLATE_NOOP("PartnerListModel", "Name"), lambda r: r.name, "initials"),
    ListColumn(QT_TRANSLATE_NOOP("PartnerListModel", "Type"), lambda r: r.type_label, "type"),
    ListColumn(QT_TRANSLATE_NOOP("PartnerListModel", "State"), lambda r: labels.state(r.state), "state", CENTER),
    ListColumn(QT_TRANSLATE_NOOP("PartnerListModel", "Communities"), lambda r: r.communities),
    ListColumn(QT_TRANSLATE_NOOP("PartnerListModel", "Credit code / ID number"), _number),
    ListColumn(QT_TRANSLATE_NOOP("PartnerListModel", "Mobile"), lambda r: r.mobile_masked),
    ListColumn(QT_TRANSLATE_NOOP("PartnerListModel", "Filing number"), lambda r: r.filing_no, "filing_no"),
    ListColumn(QT_TRANSLATE_NOOP("PartnerListModel", "Last changed"), lambda r: local_time(r.updated_at)[:16],
               "updated", CENTER),
)


class PartnerListModel(SqlListModel[PartnerListRow]):
    """Rows of ``partners.query`` for the current filter and sort, fetched a page at a time."""

    text_tooltips = True

    def __init__(self, ws, parent=None, *, page_size: int = 200, max_pages: int = 10) -> None:  # noqa: ANN001
        super().__init__(
            COLUMNS, CONTEXT, lambda f: partners.count(ws, f),
            lambda f, sort, desc, offset, limit: partners.query(ws, f, sort, desc, offset=offset, limit=limit),
            PartnerFilter(), ("initials", False), parent, page_size=page_size, max_pages=max_pages)

    def partner_id(self, index: Index) -> int | None:
        return self.id_at(index)
