"""A dialog built from declared fields, for the simple records of the editors (dictionary entries,
notices, needs, resources, projects, rota patterns). The caller supplies the service call that saves."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ..operations import run_command
from .widgets import CheckList, OptionalDate, combo_value, date_edit, fill_combo, select_value


@dataclass(frozen=True)
class Field:
    """``kind``: text, multiline, int, area (m², kept as centi-m²), combo, checklist, date, optional_date,
    time ("HH:MM"), check. ``choices`` are (value, label) pairs; ``blank`` labels an empty combo entry."""

    key: str
    label: str
    kind: str = "text"
    choices: Sequence[tuple[Any, str]] = ()
    blank: str | None = None
    read_only: bool = False


def _make(field: Field) -> QWidget:
    kind = field.kind
    if kind == "multiline":
        widget = QPlainTextEdit()
        widget.setTabChangesFocus(True)
        widget.setMinimumHeight(70)
        return widget
    if kind == "int":
        return QSpinBox(maximum=10_000_000)
    if kind == "area":
        return QDoubleSpinBox(decimals=2, maximum=1_000_000, suffix=" m²")
    if kind == "combo":
        combo = QComboBox()
        fill_combo(combo, field.choices, field.blank, keep=False)
        return combo
    if kind == "checklist":
        checks = CheckList()
        checks.set_choices(field.choices)
        return checks
    if kind == "date":
        return date_edit()
    if kind == "optional_date":
        return OptionalDate("")
    if kind == "time":
        return QTimeEdit(displayFormat="HH:mm")
    if kind == "check":
        return QCheckBox()
    return QLineEdit()


def _get(widget: QWidget, kind: str) -> Any:
    getters: dict[str, Callable[[Any], Any]] = {
        "multiline": lambda w: w.toPlainText(), "int": lambda w: w.value(),
        "area": lambda w: round(w.value() * 100), "combo": combo_value, "checklist": lambda w: w.checked(),
        "date": lambda w: w.date().toPython(), "optional_date": lambda w: w.value(),
        "time": lambda w: w.time().toString("HH:mm"), "check": lambda w: w.isChecked(),
    }
    return getters.get(kind, lambda w: w.text())(widget)


def _set(widget: QWidget, kind: str, value: Any) -> None:
    if kind == "multiline":
        widget.setPlainText(value or "")
    elif kind == "int":
        widget.setValue(int(value or 0))
    elif kind == "area":
        widget.setValue((value or 0) / 100)
    elif kind == "combo":
        select_value(widget, value)
    elif kind == "checklist":
        widget.set_checked(value or ())
    elif kind == "date" and isinstance(value, date):
        widget.setDate(value)
    elif kind == "optional_date":
        widget.set_value(value)
    elif kind == "time" and value:
        widget.setTime(QTime.fromString(value, "HH:mm"))
    elif kind == "check":
        widget.setChecked(bool(value))
    elif kind == "text":
        widget.setText(str(value or ""))


class FormDialog(QDialog):
    """Opened with ``open()``; Save runs ``save(values)`` through the operation runner and closes on success.
    ``saved(result)`` carries what the service returned."""

    saved = Signal(object)

    def __init__(self, title: str, fields: Sequence[Field], save: Callable[[dict], Any],
                 values: dict | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.fields = {f.key: f for f in fields}
        self.widgets: dict[str, QWidget] = {}
        self._save = save
        form = QFormLayout()
        for f in fields:
            widget = _make(f)
            widget.setObjectName(f"field_{f.key}")
            if f.read_only:
                widget.setEnabled(False)
            self.widgets[f.key] = widget
            form.addRow(f.label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.set_values(values or {})
        self.setMinimumWidth(520)

    def widget(self, key: str) -> QWidget:
        return self.widgets[key]

    def set_values(self, values: dict) -> None:
        for key, value in values.items():
            if key in self.widgets:
                _set(self.widgets[key], self.fields[key].kind, value)

    def values(self) -> dict:
        return {key: _get(w, self.fields[key].kind) for key, w in self.widgets.items()}

    def save(self) -> None:
        values = self.values()
        run_command(self, lambda: self._save(values), on_done=self._saved)

    def _saved(self, result: Any) -> None:
        self.saved.emit(result)
        self.accept()
