"""The organisation tree (district -> streets -> communities) as a QAbstractItemModel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QModelIndex, Qt

from ...services.dto import OrgUnitRow
from .. import labels
from ..formatting import day
from .table import CENTER, LEFT, ROW_ROLE, Column, Index

CONTEXT = "OrgTreeModel"
COLUMNS: tuple[Column[OrgUnitRow], ...] = (
    Column(QT_TRANSLATE_NOOP("OrgTreeModel", "Name"), lambda r: r.name,
           tooltip=lambda r: labels.unit_kind(r.kind)),
    Column(QT_TRANSLATE_NOOP("OrgTreeModel", "Code"), lambda r: r.code),
    Column(QT_TRANSLATE_NOOP("OrgTreeModel", "Pilot"), lambda r: "✓" if r.is_pilot else "", CENTER),
    Column(QT_TRANSLATE_NOOP("OrgTreeModel", "Phase"),
           lambda r: labels.phase(r.phase) if r.kind == "community" else "", LEFT),
    Column(QT_TRANSLATE_NOOP("OrgTreeModel", "Since"), lambda r: day(r.phase_since)),
)


@dataclass(eq=False)
class _Node:
    row: OrgUnitRow | None
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)

    def position(self) -> int:
        return self.parent.children.index(self) if self.parent is not None else 0


class OrgTreeModel(QAbstractItemModel):
    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._root = _Node(None)
        self._by_id: dict[int, _Node] = {}

    def set_rows(self, rows: Sequence[OrgUnitRow]) -> None:
        """Rows depth-first (parents before children), as ``services.org.tree`` returns them."""
        self.beginResetModel()
        self._root, self._by_id = _Node(None), {}
        for row in rows:
            parent = self._by_id.get(row.parent_id, self._root) if row.parent_id else self._root
            node = _Node(row, parent)
            parent.children.append(node)
            self._by_id[row.id] = node
        self.endResetModel()

    def unit_at(self, index: Index) -> OrgUnitRow | None:
        node = self._node(index)
        return node.row if node is not self._root else None

    def index_of(self, unit_id: int, column: int = 0) -> QModelIndex:
        node = self._by_id.get(unit_id)
        if node is None:
            return QModelIndex()
        return self.createIndex(node.position(), column, node)

    def units(self) -> list[OrgUnitRow]:
        return [n.row for n in self._by_id.values() if n.row is not None]

    def _node(self, index: Index) -> _Node:
        if not index.isValid():
            return self._root
        return index.internalPointer()

    # -- Qt interface ---------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if not (0 <= row < len(node.children) and 0 <= column < len(COLUMNS)):
            return QModelIndex()
        return self.createIndex(row, column, node.children[row])

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self._root:
            return QModelIndex()
        return self.createIndex(node.position(), 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.unit_at(index)
        if row is None:
            return None
        column = COLUMNS[index.column()]
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
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate(CONTEXT, COLUMNS[section].title)
        return None
