"""The entry grid's view and editors: keyboard first. Typing starts editing; Enter and Tab move on to the
next cell (and on to the next row, where a new blank row waits); Ctrl+D copies the cell above; Delete
clears; Ctrl+V pastes rows copied from Excel or WPS."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ..partners.widgets import select_value
from . import labels
from .entry_model import COLUMNS, PROBLEMS_COLUMN, EntryGridModel, translate

Index = QModelIndex | QPersistentModelIndex
PartnerHits = Callable[[str], list[tuple[int, str, str]]]  # text -> [(id, name, detail)]
CHOSEN_ROLE = Qt.ItemDataRole.UserRole + 1


class PartnerEdit(QLineEdit):
    """A partner's name with a completer asking the database as one types (name, pinyin initials, number)."""

    def __init__(self, hits: PartnerHits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("partnerEdit")
        self._hits = hits
        self.chosen: tuple[int, str] | None = None
        self.choices = QStandardItemModel(self)
        self.completer_ = QCompleter(self.choices, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self.completer_)
        self.completer_.activated[QModelIndex].connect(self._picked)
        self.completer_.popup().installEventFilter(self)
        self.textEdited.connect(self.look_up)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the list with nothing picked keeps the typed name and moves on (the popup would eat it)."""
        popup = self.completer_.popup()
        if (watched is popup and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
                and not popup.currentIndex().isValid()):
            popup.hide()
            QCoreApplication.postEvent(self, QKeyEvent(QEvent.Type.KeyPress, event.key(),  # type: ignore[attr-defined]
                                                       Qt.KeyboardModifier.NoModifier))
            return True
        return super().eventFilter(watched, event)

    def look_up(self, text: str) -> None:
        self.chosen = None
        self.choices.clear()
        if not text.strip():
            return
        for pid, name, detail in self._hits(text.strip()):
            item = QStandardItem(f"{name}　{detail}".strip() if detail else name)
            item.setData((pid, name), CHOSEN_ROLE)
            self.choices.appendRow(item)
        if self.choices.rowCount():
            self.completer_.complete()

    def _picked(self, index: QModelIndex) -> None:
        chosen = index.data(CHOSEN_ROLE)
        if chosen:
            self.chosen = tuple(chosen)
            QTimer.singleShot(0, lambda: self.setText(self.chosen[1]) if self.chosen else None)

    def value(self) -> tuple[int, str] | str:
        text = self.text().strip()
        if self.chosen and self.chosen[1] == text:
            return self.chosen
        return text


class EntryDelegate(QStyledItemDelegate):
    """Editors by column: the partner completer, dates, kinds, domains, numbers, the partner's agreements."""

    def __init__(self, hits: PartnerHits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits = hits

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:
        """Enter commits and moves on like Tab; Ctrl+D drops what was typed and copies the cell above."""
        if event.type() != QEvent.Type.KeyPress or not isinstance(editor, QWidget):
            return super().eventFilter(editor, event)
        key, mods = event.key(), event.modifiers()  # type: ignore[attr-defined]
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.EditNextItem)
            return True
        if key == Qt.Key.Key_D and mods == Qt.KeyboardModifier.ControlModifier:
            view = self.parent()
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            if isinstance(view, EntryGridView):
                view.copy_down()
            return True
        return super().eventFilter(editor, event)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model: EntryGridModel = index.model()  # type: ignore[assignment]
        editor = COLUMNS[index.column()].editor
        if editor == "partner":
            return PartnerEdit(self._hits, parent)
        if editor == "date":
            return QDateEdit(parent, calendarPopup=True, displayFormat="yyyy-MM-dd")
        if editor in ("kind", "domain", "agreement"):
            combo = QComboBox(parent)
            if editor == "kind":
                items = labels.kinds()
            elif editor == "domain":
                items = [("", translate("EntryGrid", "(none)")), *model.domains]
            else:
                items = [(None, translate("EntryGrid", "(none)")), *model.agreements_for(index.row())]
            for value, label in items:
                combo.addItem(label, value)
            return combo
        if editor == "int":
            return QSpinBox(parent, maximum=100_000)
        if editor == "hours":
            return QDoubleSpinBox(parent, decimals=2, maximum=24 * 31, singleStep=0.5)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, PartnerEdit):
            editor.setText(value or "")
        elif isinstance(editor, QDateEdit):
            editor.setDate(QDate(value.year, value.month, value.day) if value else QDate.currentDate())
        elif isinstance(editor, QComboBox):
            select_value(editor, value)
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            editor.setValue(value or 0)
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        value: Any
        if isinstance(editor, PartnerEdit):
            value = editor.value()
        elif isinstance(editor, QDateEdit):
            value = editor.date().toPython()
        elif isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QSpinBox | QDoubleSpinBox):
            value = editor.value()
        else:
            super().setModelData(editor, model, index)
            return
        model.setData(index, value)


class EntryGridView(QTableView):
    def __init__(self, hits: PartnerHits, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryGrid")
        self.setItemDelegate(EntryDelegate(hits, self))
        self.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)

    def grid(self) -> EntryGridModel:
        return self.model()  # type: ignore[return-value]

    # -- moving on ----------------------------------------------------------------------------------
    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier) -> QModelIndex:
        """Next/previous cell skip the read-only problems column and wrap to the next/previous row."""
        index = super().moveCursor(action, modifiers)
        current = self.currentIndex()
        if action == QAbstractItemView.CursorAction.MoveNext and index.column() == PROBLEMS_COLUMN:
            below = current.row() + 1
            return self.grid().index(below if below < self.grid().rowCount() else current.row(), 0)
        if action == QAbstractItemView.CursorAction.MovePrevious and index.column() == PROBLEMS_COLUMN:
            return self.grid().index(index.row(), PROBLEMS_COLUMN - 1)
        return index

    def commit_open_editor(self) -> None:
        """Save the cell being edited (Ctrl+S while typing)."""
        editor = self.indexWidget(self.currentIndex()) if self.state() == QAbstractItemView.State.EditingState \
            else None
        if editor is not None:
            self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def next_cell(self) -> None:
        index = self.moveCursor(QAbstractItemView.CursorAction.MoveNext, Qt.KeyboardModifier.NoModifier)
        if index.isValid():
            self.setCurrentIndex(index)

    # -- keys ----------------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState and self._grid_key(event):
            event.accept()
            return
        super().keyPressEvent(event)

    def _grid_key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods & ~Qt.KeyboardModifier.KeypadModifier:
            self.next_cell()
            return True
        if key == Qt.Key.Key_D and mods == Qt.KeyboardModifier.ControlModifier:
            self.copy_down()
            return True
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not mods:
            for index in self._selected():
                self.grid().clear_cell(index)
            return True
        if event.matches(QKeySequence.StandardKey.Paste):
            current = self.currentIndex()
            text = QGuiApplication.clipboard().text()
            if current.isValid() and text:
                self.grid().paste(current.row(), current.column(), text)
            return True
        return False

    def copy_down(self) -> None:
        for index in self._selected():
            self.grid().copy_from_above(index)

    def _selected(self) -> list[QModelIndex]:
        chosen = self.selectionModel().selectedIndexes() or [self.currentIndex()]
        return sorted((i for i in chosen if i.isValid()), key=lambda i: (i.row(), i.column()))
