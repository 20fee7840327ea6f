"""Weekly time slots of an agreement on a space shared by slot: weekday, from, to; rows added and removed."""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.agreements import Slot
from . import labels


class SlotRow(QWidget):
    removed = Signal(object)

    def __init__(self, slot: Slot, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.weekday = QComboBox()
        for n in range(7):
            self.weekday.addItem(labels.weekday(n), n)
        self.weekday.setCurrentIndex(slot.weekday)
        self.start = QTimeEdit(QTime.fromString(slot.start, "HH:mm"), displayFormat="HH:mm")
        self.end = QTimeEdit(QTime.fromString(slot.end, "HH:mm"), displayFormat="HH:mm")
        self.remove = QPushButton(self.tr("Remove"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.weekday)
        row.addWidget(self.start)
        row.addWidget(QLabel("—"))
        row.addWidget(self.end)
        row.addWidget(self.remove)
        row.addStretch(1)
        self.remove.clicked.connect(lambda: self.removed.emit(self))

    def value(self) -> Slot:
        return Slot(int(self.weekday.currentData()), self.start.time().toString("HH:mm"),
                    self.end.time().toString("HH:mm"))


class SlotsEditor(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[SlotRow] = []
        self.hint = QLabel(wordWrap=True, objectName="slotsHint")
        self.add_button = QPushButton(self.tr("Add a time slot"), objectName="addSlot")
        self._rows_layout = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addLayout(self._rows_layout)
        layout.addWidget(self.add_button)
        layout.addStretch(1)
        self.add_button.clicked.connect(lambda: self.add(Slot(0, "09:00", "12:00")))

    def set_shared(self, shared: bool) -> None:
        self.hint.setText(self.tr("This space is shared by time slot: name the weekly hours this agreement uses.")
                          if shared else self.tr("This space is not shared by time slot: the agreement holds it "
                                                 "all week."))
        self.add_button.setEnabled(shared and self.isEnabled())
        for row in self.rows:
            row.setEnabled(shared)

    def add(self, slot: Slot) -> SlotRow:
        row = SlotRow(slot, self)
        row.removed.connect(self._remove)
        self.rows.append(row)
        self._rows_layout.addWidget(row)
        return row

    def _remove(self, row: SlotRow) -> None:
        self.rows.remove(row)
        row.deleteLater()

    def set_slots(self, slots: tuple[Slot, ...]) -> None:
        for row in list(self.rows):
            self._remove(row)
        for slot in slots:
            self.add(slot)

    def slots(self) -> tuple[Slot, ...]:
        return tuple(row.value() for row in self.rows if row.isEnabledTo(self))
