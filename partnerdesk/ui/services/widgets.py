"""Small widgets of the Services page: an open-ended date bound, a reason prompt, list-tab plumbing."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDateEdit, QInputDialog, QLineEdit, QTableView, QWidget

from ..models.paged import SqlListModel

ANY_DATE = QDate(2000, 1, 1)


class DateBound(QDateEdit):
    """A date that may be left open: its lowest value reads "any" (a filter's from/to bound)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.setMinimumDate(ANY_DATE)
        self.setSpecialValueText(QCoreApplication.translate("ServiceWidgets", "any"))
        self.setDate(ANY_DATE)

    def value(self) -> date | None:
        return None if self.date() == ANY_DATE else self.date().toPython()

    def set_value(self, value: date | None) -> None:
        self.setDate(ANY_DATE if value is None else QDate(value.year, value.month, value.day))


def shortcut(widget: QWidget, keys: str | QKeySequence.StandardKey, slot) -> QShortcut:  # noqa: ANN001
    """A shortcut of ``widget``'s window that works while ``widget`` (a page or tab) is shown, wherever the focus
    is in the window (right after choosing the page in the navigation too); hidden pages' shortcuts never fire."""
    sc = QShortcut(QKeySequence(keys), widget)
    sc.setContext(Qt.ShortcutContext.WindowShortcut)
    sc.activated.connect(slot)
    return sc


def keep_sort_indicator(table: QTableView, model: SqlListModel, column: int, order: Qt.SortOrder) -> None:
    """Columns without a SQL sort key leave the indicator on the column that is sorted."""
    if model.is_sortable(column):
        return
    _key, descending = model.sort_key
    header = table.horizontalHeader()
    header.blockSignals(True)
    header.setSortIndicator(model.sorted_column(),
                            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder)
    header.blockSignals(False)


def ask_reason(parent: QWidget, title: str, label: str) -> str | None:
    """A required reason (deleting a record); None when cancelled. Empty text is asked for again."""
    while True:
        text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, "")
        if not ok:
            return None
        if text.strip():
            return text.strip()
