"""Small dialogs of the agreement window: one step (opinion and date), a supplement, a renewal."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..partners.widgets import ErrorLabel, date_edit
from . import labels

OPINION_REQUIRED = ("terminate",)


class _Dialog(QDialog):
    """Form, error line and OK/Cancel; ``chosen(value)`` when confirmed."""

    chosen = Signal(object)

    def __init__(self, title: str, ok_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(480, 260)

    def ok_button(self):  # noqa: ANN201
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def confirm(self) -> None:
        raise NotImplementedError


class StepDialog(_Dialog):
    """``chosen((action, opinion, on_date))``."""

    def __init__(self, action: str, number: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(f"{labels.action(action)} · {number}", labels.action(action), parent)
        self.action = action
        self.opinion = QPlainTextEdit(objectName="opinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setPlaceholderText(self.tr("Opinion or reason (required)") if action in OPINION_REQUIRED
                                        else self.tr("Opinion (optional)"))
        self.on_date = date_edit(today)
        self.on_date.setObjectName("stepDate")
        self.form.addRow(self.tr("Opinion"), self.opinion)
        self.form.addRow(self.tr("Date"), self.on_date)

    def confirm(self) -> None:
        opinion = self.opinion.toPlainText().strip()
        if self.action in OPINION_REQUIRED and not opinion:
            self.error.show_text(self.tr("Please write the reason."))
            self.opinion.setFocus()
            return
        self.chosen.emit((self.action, opinion, self.on_date.date().toPython()))
        self.accept()


class SupplementDialog(_Dialog):
    """``chosen((text, signed_on))``."""

    def __init__(self, number: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Supplement to %1").replace("%1", number), self.tr("Add supplement"), parent)
        self.text = QPlainTextEdit(objectName="supplementText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What the supplement changes or adds"))
        self.signed_on = date_edit(today)
        self.form.addRow(self.tr("Text"), self.text)
        self.form.addRow(self.tr("Signed on"), self.signed_on)

    def confirm(self) -> None:
        text = self.text.toPlainText().strip()
        if not text:
            self.error.show_text(self.tr("Please write the supplement's text."))
            self.text.setFocus()
            return
        self.chosen.emit((text, self.signed_on.date().toPython()))
        self.accept()


class RenewDialog(_Dialog):
    """``chosen(new_end)``: the renewal runs from the day after the current term to the new end."""

    def __init__(self, number: str, old_end: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Renew %1").replace("%1", number), self.tr("Renew"), parent)
        self.old_end = old_end
        default = date(old_end.year + 1, old_end.month, min(old_end.day, 28))
        self.new_end = date_edit(default)
        self.new_end.setObjectName("newEnd")
        start = old_end + timedelta(days=1)
        self.form.addRow(self.tr("Renewal starts on"), QLabel(start.isoformat()))
        self.form.addRow(self.tr("New end date"), self.new_end)
        self.form.addRow(QLabel(self.tr("The renewal is a new draft with the same terms; it replaces this agreement "
                                        "once it is signed."), wordWrap=True))

    def confirm(self) -> None:
        end = self.new_end.date().toPython()
        if end <= self.old_end:
            self.error.show_text(self.tr("The new end date must come after the current one."))
            return
        self.chosen.emit(end)
        self.accept()
