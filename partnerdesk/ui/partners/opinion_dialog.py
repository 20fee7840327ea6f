"""One lifecycle step: opinion, date, exit reason (for an exit) and an optional attachment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.lifecycle import OPINION_REQUIRED, Action, ExitReason
from . import labels
from .widgets import ErrorLabel, combo_value, date_edit, fill_combo


@dataclass(frozen=True)
class StepInput:
    action: str
    opinion: str
    on_date: date
    exit_reason: str = ""
    attachment: tuple[str, bytes] | None = None


class OpinionDialog(QDialog):
    """``chosen(StepInput)`` when the clerk confirms the step."""

    chosen = Signal(object)

    def __init__(self, action: str, partner_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.action = action
        self.required = Action(action) in OPINION_REQUIRED
        self.attachment: tuple[str, bytes] | None = None
        self.setWindowTitle(f"{labels.action(action)} · {partner_name}")
        self.opinion = QPlainTextEdit()
        self.opinion.setTabChangesFocus(True)
        self.opinion.setPlaceholderText(self.tr("Opinion (required)") if self.required
                                        else self.tr("Opinion (optional)"))
        self.on_date = date_edit()
        self.reason = QComboBox()
        fill_combo(self.reason, [(r.value, labels.exit_reason(r.value)) for r in ExitReason],
                   self.tr("Choose a reason…"))
        self.file_label = QLabel(self.tr("none"))
        self.attach_button = QPushButton(self.tr("Attach file…"))
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(labels.action(action))
        self._layout()
        self.attach_button.clicked.connect(self.pick_file)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.resize(520, 360)

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Opinion"), self.opinion)
        form.addRow(self.tr("Date"), self.on_date)
        if self.action == Action.EXIT.value:
            form.addRow(self.tr("Reason for exit"), self.reason)
        files = QHBoxLayout()
        files.addWidget(self.file_label, 1)
        files.addWidget(self.attach_button)
        form.addRow(self.tr("Attachment"), files)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"), "",
                                              self.tr("Scans and documents (*.pdf *.jpg *.jpeg *.png *.doc *.docx);;"
                                                      "All files (*)"))
        if not path:
            return
        file = Path(path)
        self.attachment = (file.name, file.read_bytes())
        self.file_label.setText(file.name)

    def value(self) -> StepInput:
        reason = (combo_value(self.reason) or "") if self.action == Action.EXIT.value else ""
        return StepInput(self.action, self.opinion.toPlainText().strip(), self.on_date.date().toPython(), reason,
                         self.attachment)

    def confirm(self) -> None:
        """Obvious gaps are named here; the service checks everything again."""
        step = self.value()
        if self.required and not step.opinion:
            self.error.show_text(self.tr("Please write an opinion."))
            self.opinion.setFocus()
            return
        if self.action == Action.EXIT.value and not step.exit_reason:
            self.error.show_text(self.tr("Choose the reason for the exit."))
            self.reason.setFocus()
            return
        self.chosen.emit(step)
        self.accept()
