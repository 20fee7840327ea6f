"""Small widgets the partner screens share: check lists, optional dates, combos, a debouncer, tables."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

VALUE_ROLE = Qt.ItemDataRole.UserRole


class Debouncer(QObject):
    """Calls ``fire`` once, ``msec`` after the last ``poke`` (instant search, similar-record checks)."""

    fire = Signal()

    def __init__(self, msec: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self, singleShot=True, interval=msec)
        self.timer.timeout.connect(self.fire)

    def poke(self, *_: Any) -> None:
        self.timer.start()

    def flush(self) -> None:
        """Fire now if a poke is pending (Enter in a search box, tests)."""
        if self.timer.isActive():
            self.timer.stop()
            self.fire.emit()


class CheckList(QListWidget):
    """A list of checkable choices (communities, domains): values in, checked values out."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_choices(self, choices: Iterable[tuple[Any, str]], checked: Iterable[Any] = (),
                    enabled: set | None = None) -> None:
        ticked = set(checked)
        self.blockSignals(True)
        self.clear()
        for value, label in choices:
            item = QListWidgetItem(label, self)
            item.setData(VALUE_ROLE, value)
            flags = Qt.ItemFlag.ItemIsUserCheckable
            if enabled is None or value in enabled:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if value in ticked else Qt.CheckState.Unchecked)
        self.blockSignals(False)

    def checked(self) -> tuple:
        return tuple(self.item(i).data(VALUE_ROLE) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)

    def set_checked(self, values: Iterable[Any]) -> None:
        wanted = set(values)
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(VALUE_ROLE) in wanted else Qt.CheckState.Unchecked)
        first = next((self.item(i) for i in range(self.count()) if self.item(i).data(VALUE_ROLE) in wanted), None)
        if first is not None:
            self.scrollToItem(first)


class FilteredCheckList(QWidget):
    """A check list with a filter box above and the ticked labels summarised below (many communities)."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(placeholderText=placeholder, clearButtonEnabled=True)
        self.checks = CheckList()
        self.summary = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter)
        layout.addWidget(self.checks, 1)
        layout.addWidget(self.summary)
        self.filter.textChanged.connect(self._filter)
        self.checks.changed.connect(self._summarise)

    def _filter(self, text: str) -> None:
        for i in range(self.checks.count()):
            item = self.checks.item(i)
            item.setHidden(bool(text) and text.strip() not in item.text())

    def _summarise(self) -> None:
        ticked = [self.checks.item(i).text() for i in range(self.checks.count())
                  if self.checks.item(i).checkState() == Qt.CheckState.Checked]
        self.summary.setText("、".join(ticked))


class OptionalDate(QWidget):
    """A date that may be left empty: a check box switches the date field on."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd", enabled=False)
        self.edit.setDate(QDate.currentDate())
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return self.edit.date().toPython() if self.check.isChecked() else None

    def set_value(self, value: date | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(QDate(value.year, value.month, value.day))


def add_labelled(row: QHBoxLayout, pairs: Iterable[tuple[str, QWidget]], *, fit_combos: bool = False) -> None:
    """Caption, widget, caption, widget… into ``row``; each caption is its widget's buddy (its &-letter jumps there).
    ``fit_combos``: a combo box among them widens to its longest entry."""
    for caption, widget in pairs:
        label = QLabel(caption)
        label.setBuddy(widget)
        if fit_combos and isinstance(widget, QComboBox):
            widget.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addWidget(label)
        row.addWidget(widget)


def date_edit(value: date | None = None) -> QDateEdit:
    edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
    edit.setDate(QDate(value.year, value.month, value.day) if value else QDate.currentDate())
    return edit


def fill_combo(combo: QComboBox, items: Iterable[tuple[Any, str]], blank: str | None = None,
               keep: bool = True) -> None:
    """Replace a combo's entries with (value, label) pairs; keep the current value when still there."""
    current = combo_value(combo) if keep else None
    combo.blockSignals(True)
    combo.clear()
    if blank is not None:
        combo.addItem(blank, None)
    for value, label in items:
        combo.addItem(label, value)
    select_value(combo, current)
    combo.blockSignals(False)


def combo_value(combo: QComboBox) -> Any:
    return combo.currentData() if combo.currentIndex() >= 0 else None


def select_value(combo: QComboBox, value: Any) -> bool:
    index = combo.findData(value) if value is not None else -1
    combo.setCurrentIndex(index if index >= 0 else 0 if combo.count() else -1)
    return index >= 0


class ErrorLabel(QLabel):
    """Red text under a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, wordWrap=True, visible=False)
        self.setObjectName("fieldError")
        self.setStyleSheet("color: #b3261e;")

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


# A column's content width is measured over this many rows, about a screenful. Qt's default is 1,000, and a view not
# yet on screen measures that many: a paged list then fetched and laid out a thousand rows before it first showed.
MEASURED_ROWS = 40


def table_view(parent: QWidget | None = None, *, multi: bool = False) -> QTableView:
    """A read-only table of whole rows, sized for Chinese text."""
    view = QTableView(parent)
    view.horizontalHeader().setResizeContentsPrecision(MEASURED_ROWS)  # rows sampled per column
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    return view


WIDEN_AT_MOST = 1.6  # a preset width grows to fit its header and first rows, up to this factor


def set_widths(view: QTableView, chars: Iterable[int]) -> None:
    """Column widths in average CJK characters (never measured over all rows). The presets suit Chinese; English
    headers and labels ("Revenue share", "Ending soon") are longer, so each column also widens, once, to its header
    and the values on screen when the first rows arrive (at most ``WIDEN_AT_MOST`` × its preset; a width the user
    sets by hand is never changed afterwards)."""
    em = view.fontMetrics().horizontalAdvance("中")
    widths = [int(n * em + 16) for n in chars]
    header = view.horizontalHeader()
    for column, width in enumerate(widths):
        view.setColumnWidth(column, min(max(width, header.sectionSizeHint(column)), int(width * WIDEN_AT_MOST)))
    model = view.model()
    if model is None:
        return

    def widen_once() -> None:
        if model.rowCount() == 0:
            return
        model.modelReset.disconnect(widen_once)
        for column, width in enumerate(widths):
            need = max(view.sizeHintForColumn(column), header.sectionSizeHint(column))
            if need > view.columnWidth(column):
                view.setColumnWidth(column, min(need, int(width * WIDEN_AT_MOST)))

    model.modelReset.connect(widen_once)
    widen_once()
