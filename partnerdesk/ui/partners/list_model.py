"""The partner list as a model over SQL: only the visible pages are fetched, and only ~10 are kept.

``rowCount`` is a SQL count; ``data`` fetches the page holding a row on demand (LIMIT/OFFSET in the
service, sorted by a SORTS key with ties broken by id). Filter and sort changes reset the model. Memory
does not grow with the number of partners. Columns are declared as objects.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...domain.errors import DomainError
from ...services import partners
from ...services.partner_queries import PartnerFilter, PartnerListRow
from ..formatting import local_time
from . import labels

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter
CONTEXT = "PartnerListModel"


@dataclass(frozen=True)
class ListColumn:
    """One column: its English header (translated in CONTEXT), the text of a row, the SQL sort key if any."""

    title: str
    text: Callable[[PartnerListRow], str]
    sort_key: str | None = None
    align: Qt.AlignmentFlag = LEFT
    tooltip: str = ""

    def header(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.title)


def _number(row: PartnerListRow) -> str:
    return row.uscc or row.id_number_masked


COLUMNS: tuple[ListColumn, ...] = (
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


class PartnerListModel(QAbstractTableModel):
    """Rows of ``partners.query`` for the current filter and sort, fetched a page at a time."""

    def __init__(self, ws, parent=None, *, page_size: int = 200, max_pages: int = 10) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._ws = ws
        self._page_size, self._max_pages = page_size, max_pages
        self._filter = PartnerFilter()
        self._sort, self._descending = "initials", False
        self._count = 0
        self._pages: OrderedDict[int, list[PartnerListRow]] = OrderedDict()

    # -- what is shown ----------------------------------------------------------------------------
    @property
    def filter(self) -> PartnerFilter:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, f: PartnerFilter, *, force: bool = False) -> None:
        """Show the partners matching ``f`` (``force``: query again even if the filter is the same)."""
        if force or f != self._filter:
            self._filter = f
            self.reload()

    def reload(self) -> None:
        """Query again (after a filter or sort change, or when partners changed)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self._measure()
        self.endResetModel()

    def _measure(self) -> int:
        """The first page is needed anyway; when it is short it is also the count (no second query)."""
        first = self._page(0)
        if len(first) < self._page_size:
            return len(first)
        try:
            return partners.count(self._ws, self._filter)
        except DomainError:
            return 0

    def _page(self, number: int) -> list[PartnerListRow]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        try:
            page = partners.query(self._ws, self._filter, self._sort, self._descending,
                                  offset=number * self._page_size, limit=self._page_size)
        except DomainError:
            page = []
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def cached_pages(self) -> int:
        return len(self._pages)

    def row_at(self, row: int) -> PartnerListRow | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // self._page_size)
        offset = row % self._page_size
        return page[offset] if offset < len(page) else None

    def partner_id(self, index: Index) -> int | None:
        row = self.row_at(index.row()) if index.isValid() else None
        return row.id if row else None

    def sorted_column(self) -> int:
        return next((i for i, c in enumerate(COLUMNS) if c.sort_key == self._sort), 0)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(COLUMNS) and COLUMNS[column].sort_key is not None

    # -- Qt interface -------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                        Qt.ItemDataRole.TextAlignmentRole, ROW_ROLE, ID_ROLE):
            return None
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id
        return column.text(row)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].header() if 0 <= section < len(COLUMNS) else None
        return str(section + 1) if 0 <= section < self._count else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column's key; columns without one keep the current order."""
        if not self.is_sortable(column):
            return
        key, descending = COLUMNS[column].sort_key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending  # type: ignore[assignment]
            self.reload()
