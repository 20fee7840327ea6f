"""The issued-documents list as a model over SQL: counted with the filters, rows fetched a page at a time."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from ...services import documents
from ..formatting import local_time

Index = QModelIndex | QPersistentModelIndex
DOC_ROLE = Qt.ItemDataRole.UserRole + 1
CONTEXT = "DocumentListModel"

KINDS = (("application", QT_TRANSLATE_NOOP("DocumentListModel", "Application form")),
         ("filing", QT_TRANSLATE_NOOP("DocumentListModel", "Filing form")),
         ("commitment", QT_TRANSLATE_NOOP("DocumentListModel", "Commitment letter")),
         ("space_agreement", QT_TRANSLATE_NOOP("DocumentListModel", "Space use agreement")),
         ("exit_notice", QT_TRANSLATE_NOOP("DocumentListModel", "Exit notice")),
         ("recruitment_notice", QT_TRANSLATE_NOOP("DocumentListModel", "Recruitment notice")),
         ("project_approval", QT_TRANSLATE_NOOP("DocumentListModel", "Project application and approval form")),
         ("disbursement_voucher", QT_TRANSLATE_NOOP("DocumentListModel", "Disbursement voucher")),
         ("donation_receipt", QT_TRANSLATE_NOOP("DocumentListModel", "Donation receipt")),
         ("fund_disclosure", QT_TRANSLATE_NOOP("DocumentListModel", "Fund disclosure notice")),
         ("rota", QT_TRANSLATE_NOOP("DocumentListModel", "Duty rota (month)")),
         ("rota_week", QT_TRANSLATE_NOOP("DocumentListModel", "Duty rota (week)")))
_KIND_TITLES = {**dict(KINDS), "commitment_org": KINDS[2][1], "commitment_individual": KINDS[2][1]}
HEADERS = (QT_TRANSLATE_NOOP("DocumentListModel", "Serial number"), QT_TRANSLATE_NOOP("DocumentListModel", "Kind"),
           QT_TRANSLATE_NOOP("DocumentListModel", "Record"), QT_TRANSLATE_NOOP("DocumentListModel", "Issued by"),
           QT_TRANSLATE_NOOP("DocumentListModel", "Issued at"),
           QT_TRANSLATE_NOOP("DocumentListModel", "Verification code"))


def kind_label(kind: str) -> str:
    return QCoreApplication.translate(CONTEXT, _KIND_TITLES.get(kind, kind))


class DocumentListModel(QAbstractTableModel):
    """``documents.list_issued`` for a kind and a text, newest first; more rows are fetched as the view scrolls."""

    def __init__(self, ws, parent=None, *, page_size: int = 200) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._ws, self._page_size = ws, page_size
        self.kind, self.text = "", ""
        self.total = 0
        self._rows: list[documents.IssuedDoc] = []

    def set_filter(self, kind: str, text: str, *, force: bool = False) -> None:
        if force or (kind, text) != (self.kind, self.text):
            self.kind, self.text = kind, text
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.total = documents.count_issued(self._ws, kind=self.kind, text=self.text)
        self._rows = documents.list_issued(self._ws, kind=self.kind, text=self.text, limit=self._page_size)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = documents.list_issued(self._ws, kind=self.kind, text=self.text, limit=self._page_size,
                                     offset=len(self._rows))
        if not more:
            self.total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(HEADERS):
            return QCoreApplication.translate(CONTEXT, HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        doc = self._rows[index.row()]
        if role == DOC_ROLE:
            return doc
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return (doc.serial, kind_label(doc.kind), doc.title, doc.issued_by, local_time(doc.issued_at)[:16],
                    doc.code)[index.column()]
        return None

    def document(self, index: Index) -> documents.IssuedDoc | None:
        return self.data(index, DOC_ROLE) if index.isValid() else None
