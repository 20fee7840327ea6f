"""Agreements and spaces as models over SQL: only visible pages are fetched, and only a few are kept.

As the partner list: ``rowCount`` is a SQL count (skipped when the first page is short), ``data`` fetches
the page holding a row on demand (LIMIT/OFFSET, sorted by a SORTS key, ties by id), filter and sort changes
reset the model, memory stays flat. Columns are declared as objects.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ...domain.errors import DomainError
from ...domain.money import format_yuan
from ...services import agreement_queries as aq
from ...services.agreement_queries import AgreementFilter, AgreementListRow, SpaceFilter, SpaceListRow
from ..formatting import day
from . import labels

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
CONTEXT = "AgreementLists"
EXPIRING_BACKGROUND = QColor("#fff3cd")  # amber, readable in light themes
EXPIRING_FOREGROUND = QColor("#7a4f00")


@dataclass(frozen=True)
class ListColumn(Generic[R]):
    """One column: its English header (translated in CONTEXT), the text of a row, the SQL sort key if any."""

    title: str
    text: Callable[[R], str]
    sort_key: str | None = None
    align: Qt.AlignmentFlag = LEFT

    def header(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)


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


class SqlPagedModel(QAbstractTableModel, Generic[R]):
    """Rows of ``query(ws, filter, sort, descending, offset=, limit=)`` fetched a page at a time."""

    def __init__(self, ws, columns, count, query, empty_filter, sort: str, parent=None, *,  # noqa: ANN001
                 page_size: int = 200, max_pages: int = 10) -> None:
        super().__init__(parent)
        self.ws = ws
        self._columns, self._count_fn, self._query_fn = tuple(columns), count, query
        self._page_size, self._max_pages = page_size, max_pages
        self._filter, self._sort, self._descending = empty_filter, sort, False
        self._count = 0
        self._pages: OrderedDict[int, list] = OrderedDict()

    # -- what is shown ----------------------------------------------------------------------------
    @property
    def filter(self):  # noqa: ANN201
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, f, *, force: bool = False) -> None:  # noqa: ANN001
        if force or f != self._filter:
            self._filter = f
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self._measure()
        self.endResetModel()

    def _measure(self) -> int:
        first = self._page(0)
        if len(first) < self._page_size:
            return len(first)
        try:
            return self._count_fn(self.ws, self._filter)
        except DomainError:
            return 0

    def _page(self, number: int) -> list:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        try:
            page = self._query_fn(self.ws, self._filter, self._sort, self._descending,
                                  offset=number * self._page_size, limit=self._page_size)
        except DomainError:
            page = []
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def cached_pages(self) -> int:
        return len(self._pages)

    def row_at(self, row: int):  # noqa: ANN201
        if not 0 <= row < self._count:
            return None
        page = self._page(row // self._page_size)
        offset = row % self._page_size
        return page[offset] if offset < len(page) else None

    def id_at(self, index: Index) -> int | None:
        row = self.row_at(index.row()) if index.isValid() else None
        return row.id if row else None

    def sorted_column(self) -> int:
        return next((i for i, c in enumerate(self._columns) if c.sort_key == self._sort), 0)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_key is not None

    def _decorate(self, row: Any, role: int) -> Any:
        """Subclasses colour rows (expiring agreements)."""
        return None

    # -- Qt interface -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
                        Qt.ItemDataRole.ForegroundRole, ROW_ROLE, ID_ROLE):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            return self._decorate(row, role)
        return column.text(row)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header() if 0 <= section < len(self._columns) else None
        return str(section + 1) if 0 <= section < self._count else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        key, descending = self._columns[column].sort_key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending
            self.reload()


class AgreementListModel(SqlPagedModel[AgreementListRow]):
    def __init__(self, ws, parent=None, **kw) -> None:  # noqa: ANN001, ANN003
        super().__init__(ws, AGREEMENT_COLUMNS, aq.count_agreements, aq.query_agreements, AgreementFilter(), "end",
                         parent, **kw)

    def _decorate(self, row: AgreementListRow, role: int) -> Any:
        if row.shown_state != aq.EXPIRING:
            return None
        colour = EXPIRING_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole else EXPIRING_FOREGROUND
        return QBrush(colour)


class SpaceListModel(SqlPagedModel[SpaceListRow]):
    def __init__(self, ws, parent=None, **kw) -> None:  # noqa: ANN001, ANN003
        super().__init__(ws, SPACE_COLUMNS, aq.count_spaces, aq.query_spaces, SpaceFilter(), "name", parent, **kw)
