"""The lifecycle of a partner: its events (who, when, opinion, attachment) and the steps allowed now."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services import partner_lifecycle
from ...services.partner_lifecycle import EventRow
from ..formatting import day, local_time
from ..models.table import Column, RowTableModel
from ..operations import run_command
from ..session import Session
from . import labels
from .opinion_dialog import OpinionDialog, StepInput
from .record import PartnerRecord
from .widgets import set_widths, table_view

CONTEXT = "TimelineTab"


def _columns(record_of) -> tuple[Column, ...]:  # noqa: ANN001 - () -> PartnerRecord | None
    def attachment(e: EventRow) -> str:
        record = record_of()
        return record.attachment_name(e.attachment_id) if record and e.attachment_id else ""

    def states(e: EventRow) -> str:
        return f"{labels.state(e.from_state)} → {labels.state(e.to_state)}" if e.from_state \
            else labels.state(e.to_state)

    return (
        Column(QT_TRANSLATE_NOOP("TimelineTab", "When"), lambda e: local_time(e.at)[:16]),
        Column(QT_TRANSLATE_NOOP("TimelineTab", "Dated"), lambda e: day(e.on_date)),
        Column(QT_TRANSLATE_NOOP("TimelineTab", "Who"), lambda e: e.username),
        Column(QT_TRANSLATE_NOOP("TimelineTab", "Step"), lambda e: labels.action(e.action)),
        Column(QT_TRANSLATE_NOOP("TimelineTab", "State"), states),
        Column(QT_TRANSLATE_NOOP("TimelineTab", "Opinion"), lambda e: e.opinion, tooltip=lambda e: e.opinion),
        Column(QT_TRANSLATE_NOOP("TimelineTab", "Attachment"), attachment),
    )


class TimelineTab(QWidget):
    """``open_attachment(id)`` when an event's attachment is activated."""

    open_attachment = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.record: PartnerRecord | None = None
        self.model: RowTableModel[EventRow] = RowTableModel(_columns(lambda: self.record), CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (9, 6, 6, 7, 11, 16, 8))
        self.actions_row = QHBoxLayout()
        self.action_buttons: dict[str, QPushButton] = {}
        self.hint = QLabel(objectName="timelineHint")
        self.dialog: OpinionDialog | None = None
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Next steps:")))
        head.addLayout(self.actions_row)
        head.addWidget(self.hint)
        head.addStretch(1)
        layout.addLayout(head)
        layout.addWidget(self.table, 1)
        self.table.activated.connect(self._activated)

    def show_record(self, record: PartnerRecord) -> None:
        self.record = record
        self.model.set_rows(record.events)
        self._buttons(record.allowed if not self.session.ws.read_only else ())

    def _buttons(self, allowed: tuple[str, ...]) -> None:
        for button in self.action_buttons.values():
            self.actions_row.removeWidget(button)
            button.deleteLater()
        self.action_buttons = {}
        for action in allowed:
            button = QPushButton(labels.action(action), objectName=f"step_{action}")
            button.clicked.connect(lambda _=False, a=action: self.begin(a))
            self.actions_row.addWidget(button)
            self.action_buttons[action] = button
        self.hint.setText("" if allowed else self.tr("none for your role in this state"))

    def begin(self, action: str) -> None:
        if self.record is None:
            return
        self.dialog = OpinionDialog(action, self.record.detail.name, self)
        self.dialog.chosen.connect(self.take_step)
        self.dialog.open()

    def take_step(self, step: StepInput) -> None:
        if self.record is None:
            return
        ws, d = self.session.ws, self.record.detail
        run_command(self, lambda: partner_lifecycle.transition(
            ws, d.id, d.version, step.action, step.opinion, on_date=step.on_date, exit_reason=step.exit_reason,
            attachment=step.attachment))

    def _activated(self, index: QModelIndex) -> None:
        event = self.model.row_at(index)
        if event is not None and event.attachment_id:
            self.open_attachment.emit(event.attachment_id)
