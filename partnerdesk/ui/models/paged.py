"""Long lists as models over SQL: only the visible pages are fetched, and only ~10 are kept.

``rowCount`` is a SQL count (skipped when the first page is short: then it is the count); ``data`` fetches
the page holding a row on demand (LIMIT/OFFSET in the service, sorted by a column's SQL key with ties
broken by id). Filter and sort changes reset the model; memory does not grow with the number of rows.
The partner, agreement, space, service, order, ledger and application lists subclass or configure
:class:`SqlListModel` with their columns and query functions.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ...domain.errors import DomainError
from .table import CENTER, LEFT, RIGHT, ROW_ROLE, Index

__all__ = ["ALERT_BACKGROUND", "ALERT_TEXT", "CENTER", "ID_ROLE", "LEFT", "RIGHT", "ROW_ROLE", "Count", "ListColumn",
           "Query", "SqlListModel"]

R = TypeVar("R")
ID_ROLE = Qt.ItemDataRole.UserRole + 2
ALERT_BACKGROUND = QColor("#fde7e4")
ALERT_TEXT = QColor("#8c1d18")

Count = Callable[[Any], int]  # (filter) -> number of rows
Query = Callable[[Any, str, bool, int, int], list]  # (filter, sort, descending, offset, limit) -> rows
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.BackgroundRole,
          Qt.ItemDataRole.ForegroundRole, ROW_ROLE, ID_ROLE)
_COLOUR_ROLES = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)


@dataclass(frozen=True)
class ListColumn(Generic[R]):
    """One column: its English header (translated in the model's context), a row's text, the SQL sort key."""

    title: str
    text: Callable[[R], str]
    sort_key: str | None = None
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[R], str] | None = None


class SqlListModel(QAbstractTableModel, Generic[R]):
    """Rows of ``query`` for the current filter and sort, a page at a time.

    ``alert(row)`` marks rows to highlight (overdue orders); subclasses may colour rows their own way by
    overriding :meth:`_decorate`. With ``text_tooltips`` a cell's tooltip is its text (for columns
    without a ``tooltip`` of their own).
    """

    text_tooltips = False

    def __init__(self, columns: Sequence[ListColumn[R]], context: str, count: Count, query: Query,
                 initial_filter: Any, sort: tuple[str, bool], parent=None, *,  # noqa: ANN001
                 alert: Callable[[R], bool] | None = None, page_size: int = 200, max_pages: int = 10) -> None:
        super().__init__(parent)
        self._columns, self._context = tuple(columns), context
        self._count_fn, self._query_fn, self._alert = count, query, alert
        self._page_size, self._max_pages = page_size, max_pages
        self._filter = initial_filter
        self._sort, self._descending = sort
        self._count = 0
        self._pages: OrderedDict[int, list[R]] = OrderedDict()

    # -- what is shown ----------------------------------------------------------------------------
    @property
    def filter(self) -> Any:
        return self._filter

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def set_filter(self, f: Any, *, force: bool = False) -> None:
        """Show the rows matching ``f`` (``force``: query again even if the filter is the same)."""
        if force or f != self._filter:
            self._filter = f
            self.reload()

    def reload(self) -> None:
        """Query again (after a filter or sort change, or when the rows changed)."""
        self.beginResetModel()
        self._pages.clear()
        self._count = self._measure()
        self.endResetModel()

    def _measure(self) -> int:
        """The first page is needed anyway; when it is short it is also the count, and a first page that counted
        its matches on the way (``services.dto.Page.total``) says how many there are: no second query."""
        first = self._page(0)
        if len(first) < self._page_size:
            return len(first)
        total = getattr(first, "total", None)
        if total is not None:
            return total
        try:
            return self._count_fn(self._filter)
        except DomainError:
            return 0

    def _page(self, number: int) -> list[R]:
        page = self._pages.get(number)
        if page is not None:
            self._pages.move_to_end(number)
            return page
        try:
            page = self._query_fn(self._filter, self._sort, self._descending, number * self._page_size,
                                  self._page_size)
        except DomainError:
            page = []
        self._pages[number] = page
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        return page

    def cached_pages(self) -> int:
        return len(self._pages)

    def row_at(self, row: int) -> R | None:
        if not 0 <= row < self._count:
            return None
        page = self._page(row // self._page_size)
        offset = row % self._page_size
        return page[offset] if offset < len(page) else None

    def id_at(self, index: Index) -> int | None:
        row = self.row_at(index.row()) if index.isValid() else None
        return row.id if row is not None else None  # type: ignore[attr-defined]

    def find_id(self, row_id: int) -> int:
        """The row showing ``row_id`` among the cached pages, or -1."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if row.id == row_id:  # type: ignore[attr-defined]
                    return number * self._page_size + offset
        return -1

    def column_title(self, column: int) -> str:
        return QCoreApplication.translate(self._context, self._columns[column].title)

    def sorted_column(self) -> int:
        return next((i for i, c in enumerate(self._columns) if c.sort_key == self._sort), 0)

    def is_sortable(self, column: int) -> bool:
        return 0 <= column < len(self._columns) and self._columns[column].sort_key is not None

    def _decorate(self, row: R, role: int) -> Any:
        """The brush of a row for the Background/Foreground ``role``: rows ``alert`` marks are shown in red."""
        if self._alert is None or not self._alert(row):
            return None
        return QBrush(ALERT_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole else ALERT_TEXT)

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
        if role not in _ROLES:
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return row.id  # type: ignore[attr-defined]
        if role in _COLOUR_ROLES:
            return self._decorate(row, role)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip is not None:
                return column.tooltip(row)
            return column.text(row) if self.text_tooltips else None
        return column.text(row)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.column_title(section) if 0 <= section < len(self._columns) else None
        return str(section + 1) if 0 <= section < self._count else None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column's key; columns without one keep the current order."""
        if not self.is_sortable(column):
            return
        key, descending = self._columns[column].sort_key, order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._sort, self._descending):
            self._sort, self._descending = key, descending  # type: ignore[assignment]
            self.reload()
