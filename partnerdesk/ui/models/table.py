"""Table models over immutable rows with declared columns (no ``if column == 0`` chains).

:class:`RowTableModel` holds a short list (users, backups, check results). :class:`PagedTableModel`
asks a fetch function for one page at a time, keyset-paged, for long lists such as the audit trail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter


@dataclass(frozen=True)
class Column(Generic[R]):
    """One column: an English title (translated in ``context``) and how to show a row in it."""

    title: str
    text: Callable[[R], str]
    align: Qt.AlignmentFlag = LEFT
    tooltip: Callable[[R], str] | None = None


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, columns: Sequence[Column[R]], context: str, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._columns = tuple(columns)
        self._context = context
        self._rows: list[R] = []

    # -- content ------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[R]:
        return list(self._rows)

    def row_at(self, index: Index) -> R | None:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def find_row(self, predicate: Callable[[R], bool]) -> int:
        return next((i for i, r in enumerate(self._rows) if predicate(r)), -1)

    def column_title(self, column: int) -> str:
        return QCoreApplication.translate(self._context, self._columns[column].title)

    # -- Qt interface ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None or not 0 <= index.column() < len(self._columns):
            return None
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == ROW_ROLE:
            return row
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self.column_title(section)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None


Fetch = Callable[[Any, int], list]


class PagedTableModel(RowTableModel[R]):
    """Rows arrive a page at a time from ``fetch(after_key, limit)``; the view asks for more on scroll.

    ``key(row)`` gives the keyset cursor of a row: the next page is ``fetch(key(last_row), limit)``.
    """

    def __init__(self, columns: Sequence[Column[R]], context: str, key: Callable[[R], Any],
                 page_size: int = 200, parent=None) -> None:  # noqa: ANN001
        super().__init__(columns, context, parent)
        self._key = key
        self._page_size = page_size
        self._fetch: Fetch | None = None
        self._exhausted = True

    def reset(self, fetch: Fetch) -> None:
        """Start again with a new query (a new filter): loads the first page."""
        self.beginResetModel()
        self._fetch, self._rows, self._exhausted = fetch, [], False
        self.endResetModel()
        self.fetchMore()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and self._fetch is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        after = self._key(self._rows[-1]) if self._rows else None
        page = self._fetch(after, self._page_size)  # type: ignore[misc]
        self._exhausted = len(page) < self._page_size
        if not page:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()
