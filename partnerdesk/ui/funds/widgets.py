"""What the Funds screens share: money in yuan text <-> fen, a dialog that shows refusals under its form, a
fund chooser, a period picker and a fresh idempotency key per dialog."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QBrush, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.money import format_yuan, yuan_to_fen
from ...messages import describe
from ...services import funds
from ..i18n import current_language
from ..models.paged import ALERT_BACKGROUND, ALERT_TEXT
from ..models.table import RowTableModel
from ..operations import run_command
from ..partners.widgets import ErrorLabel, combo_value, fill_combo
from . import labels

MONEY = QRegularExpression(r"^\d{0,10}([.]\d{0,2})?$")
CONTEXT = "FundWidgets"


def yuan(fen: int | None) -> str:
    """12345 -> '123.45' (thousands separated); None -> ''."""
    return "" if fen is None else format_yuan(fen)


def blank_zero(fen: int) -> str:
    return format_yuan(fen) if fen else ""


def money_edit(name: str = "", placeholder: str = "0.00") -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setValidator(QRegularExpressionValidator(MONEY, edit))
    edit.setPlaceholderText(placeholder)
    return edit


def fen_of(edit: QLineEdit) -> int:
    """The edit's yuan as integer fen through Decimal (empty = 0); DomainError for text it cannot read."""
    return yuan_to_fen(edit.text().strip() or "0")


def new_key(prefix: str) -> str:
    """One idempotency key per dialog: pressing OK twice (or a retry) posts once."""
    return f"ui-{prefix}-{uuid.uuid4().hex}"


def explain(err: DomainError) -> str:
    return describe(err, current_language())


class FundDialog(QDialog):
    """A form, a red line for refusals and OK/Cancel. OK runs ``work()`` (a service call) through the operation
    runner; a refusal is shown under the form and the dialog stays open; ``done_with(result)`` on success."""

    done_with = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.ok)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        if intro:
            self.layout_.addWidget(QLabel(intro, wordWrap=True, objectName="intro"))
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.error)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def ok_button(self):  # noqa: ANN201
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def check(self) -> str:
        """Obvious gaps before the service is asked: a message, or ''."""
        return ""

    def work(self) -> Callable[[], Any]:
        raise NotImplementedError

    def ok(self) -> None:
        try:
            problem = self.check()
            fn = None if problem else self.work()
        except DomainError as err:
            problem, fn = explain(err), None
        self.error.show_text(problem)
        if fn is not None:
            run_command(self, fn, on_done=self._accepted, on_error=self._refused)

    def _refused(self, err: DomainError) -> bool:
        self.error.show_text(explain(err))
        return True

    def _accepted(self, result: Any) -> None:
        self.done_with.emit(result)
        self.accept()


class ReversalDialog(FundDialog):
    """A reversal (a receipt, a payment, a transaction): the intro says what is reversed, a reason is required.
    ``key`` makes a repeated OK (a double click, a retry) reverse it once."""

    def __init__(self, title: str, parent: QWidget | None, intro: str, key_prefix: str) -> None:
        super().__init__(title, parent, intro)
        self.key = new_key(key_prefix)
        self.reason = QPlainTextEdit(objectName="reverseReason")
        self.reason.setTabChangesFocus(True)
        self.reason.setMaximumHeight(90)
        self.form.addRow(QCoreApplication.translate("ReversalDialog", "Reason"), self.reason)

    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()

    def check(self) -> str:
        return "" if self.reason_text() else QCoreApplication.translate(
            "ReversalDialog", "Please write the reason for the reversal.")


def fund_choices(ws, kind: str = "") -> list[tuple[int, str]]:  # noqa: ANN001
    return [(f.id, f"{f.code} {f.name}") for f in funds.list_funds(ws, kind=kind)]


def fund_combo(ws, name: str = "fund", blank: str | None = None) -> QComboBox:  # noqa: ANN001
    combo = QComboBox(objectName=name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    fill_combo(combo, fund_choices(ws), blank, keep=False)
    return combo


def fund_kind_text(kind: str) -> str:
    return labels.fund_kind(kind)


class PeriodPicker(QWidget):
    """Month, quarter or year: kind, year and number -> a period key (2026-07, 2026Q3, 2026)."""

    changed = Signal()

    def __init__(self, kinds: tuple[str, ...] = ("month", "quarter", "year"), today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = today or date.today()
        self.kind = QComboBox(objectName="periodKind")
        fill_combo(self.kind, [(k, labels._tr(labels.PERIOD_KINDS, k)) for k in kinds], keep=False)
        self.year = QSpinBox(objectName="periodYear", minimum=2000, maximum=2100, value=today.year)
        self.number = QSpinBox(objectName="periodNumber", minimum=1, maximum=12, value=today.month)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.kind)
        row.addWidget(self.year)
        row.addWidget(self.number)
        row.addStretch(1)
        self._today = today
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.year.valueChanged.connect(self.changed)
        self.number.valueChanged.connect(self.changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = combo_value(self.kind)
        self.number.setVisible(kind != "year")
        self.number.setMaximum(4 if kind == "quarter" else 12)
        self.number.setPrefix(QCoreApplication.translate("FundWidgets", "Q") if kind == "quarter" else "")
        self.changed.emit()

    def set_period(self, kind: str, year: int, number: int = 1) -> None:
        for w in (self.kind, self.year, self.number):
            w.blockSignals(True)
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self._kind_changed()
        self.year.setValue(year)
        self.number.setValue(number)
        for w in (self.kind, self.year, self.number):
            w.blockSignals(False)
        self.changed.emit()

    def key(self) -> str:
        kind, y, n = combo_value(self.kind), self.year.value(), self.number.value()
        if kind == "year":
            return f"{y:04d}"
        return f"{y:04d}Q{n}" if kind == "quarter" else f"{y:04d}-{n:02d}"


class AlertRowModel(RowTableModel):
    """A short list whose rows ``alert(row)`` says are overdue are shown in red."""

    def __init__(self, columns, context: str, parent=None, alert: Callable[[Any], bool] | None = None) -> None:  # noqa: ANN001
        super().__init__(columns, context, parent)
        self._alert = alert

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: ANN001
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            row = self.row_at(index)
            if row is None or self._alert is None or not self._alert(row):
                return None
            return QBrush(ALERT_BACKGROUND if role == Qt.ItemDataRole.BackgroundRole else ALERT_TEXT)
        return super().data(index, role)
