"""One resident order: its details, the steps the signed-in user may take now (from ``orders.allowed``),
the timeline of its events and its complaints (approvers decide them here)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.roles import Perm
from ...services import orders
from ...services.orders import ORDERS, ComplaintRow, OrderEventRow, OrderRow
from ..formatting import day, local_time
from ..models.table import CENTER, Column, RowTableModel
from ..operations import show_domain_error
from ..partners import choices
from ..partners.widgets import set_widths, table_view
from ..session import Session
from . import labels
from .order_steps import decide_dialog, step_dialog

CONTEXT = "OrderWindow"


def _states(e: OrderEventRow) -> str:
    if not e.from_state or e.from_state == e.to_state:
        return labels.order_state(e.to_state)
    return f"{labels.order_state(e.from_state)} → {labels.order_state(e.to_state)}"


EVENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrderWindow", "When"), lambda e: local_time(e.at)[:16], CENTER),
    Column(QT_TRANSLATE_NOOP("OrderWindow", "Step"), lambda e: labels.order_action(e.action)),
    Column(QT_TRANSLATE_NOOP("OrderWindow", "State"), _states),
    Column(QT_TRANSLATE_NOOP("OrderWindow", "By"), lambda e: e.username),
    Column(QT_TRANSLATE_NOOP("OrderWindow", "Note"), lambda e: e.note, tooltip=lambda e: e.note),
)
COMPLAINT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("OrderWindow", "Lodged"), lambda c: day(c.lodged_on), CENTER),
    Column(QT_TRANSLATE_NOOP("OrderWindow", "Complaint"), lambda c: c.text, tooltip=lambda c: c.text),
    Column(QT_TRANSLATE_NOOP("OrderWindow", "State"), lambda c: labels.complaint_state(c.state), CENTER),
    Column(QT_TRANSLATE_NOOP("OrderWindow", "Decision"), lambda c: c.decision, tooltip=lambda c: c.decision),
    Column(QT_TRANSLATE_NOOP("OrderWindow", "Decided by"), lambda c: c.decided_by),
)


class OrderWindow(QDialog):
    """Reloads itself after each step; the list refreshes from the operation bus."""

    def __init__(self, session: Session, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.order_id = session, order_id
        self.order: OrderRow | None = None
        self.fields: dict[str, QLabel] = {}
        self.action_buttons: dict[str, QPushButton] = {}
        self.events: RowTableModel[OrderEventRow] = RowTableModel(EVENT_COLUMNS, CONTEXT, self)
        self.complaints: RowTableModel[ComplaintRow] = RowTableModel(COMPLAINT_COLUMNS, CONTEXT, self)
        self.events_view, self.complaints_view = table_view(self), table_view(self)
        self.events_view.setModel(self.events)
        self.complaints_view.setModel(self.complaints)
        set_widths(self.events_view, (10, 6, 10, 5, 14))
        set_widths(self.complaints_view, (6, 16, 5, 12, 5))
        self.actions_row = QHBoxLayout()
        self.decide_button = QPushButton(self.tr("Decide the complaint…"))
        self.decide_button.setVisible(session.may_change(Perm.APPROVE))
        self._build()
        self.decide_button.clicked.connect(self.decide)
        self.complaints_view.selectionModel().currentRowChanged.connect(lambda *_: self._enable_decide())
        session.bus.data_changed.connect(self._changed)
        self.resize(820, 680)
        self.reload()

    def _build(self) -> None:
        self.details = details = QFormLayout()
        for key, caption in (("number", self.tr("Number")), ("state", self.tr("State")),
                             ("community", self.tr("Community")), ("resident", self.tr("Resident")),
                             ("address", self.tr("Address")), ("wanted", self.tr("Service wanted")),
                             ("dates", self.tr("Ordered / due")), ("partner", self.tr("Partner")),
                             ("delivered", self.tr("Delivered")), ("rating", self.tr("Rating")),
                             ("reason", self.tr("Reason"))):
            label = QLabel(wordWrap=True, objectName=f"order_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            details.addRow(caption, label)
        timeline = QGroupBox(self.tr("Timeline"))
        QVBoxLayout(timeline).addWidget(self.events_view)
        complaints = QGroupBox(self.tr("Complaints"))
        box = QVBoxLayout(complaints)
        box.addWidget(self.complaints_view)
        decide_row = QHBoxLayout()
        decide_row.addStretch(1)
        decide_row.addWidget(self.decide_button)
        box.addLayout(decide_row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(details)
        layout.addLayout(self.actions_row)
        layout.addWidget(timeline, 2)
        layout.addWidget(complaints, 1)
        layout.addWidget(close)

    # -- showing ------------------------------------------------------------------------------------------
    def _changed(self, changes) -> None:  # noqa: ANN001
        if changes.touches(ORDERS) and self.isVisible():
            self.reload()

    def reload(self) -> None:
        ws = self.session.ws
        try:
            self.order = orders.get(ws, self.order_id)
            allowed = orders.allowed(ws, self.order_id)
            self.events.set_rows(orders.events(ws, self.order_id))
            self.complaints.set_rows(orders.complaints(ws, self.order_id))
        except DomainError as err:
            show_domain_error(self, err)
            return
        self._show(self.order)
        self._show_actions(allowed)
        self._enable_decide()

    def _show(self, o: OrderRow) -> None:
        self.setWindowTitle(self.tr("Resident order %1").replace("%1", o.number))
        community = dict(choices.communities(self.session.ws, own_only=False)).get(o.community_id, "")
        domains = dict(choices.dictionary(self.session.ws, "service_domain"))
        state = labels.order_state(o.state) + (self.tr(" · overdue") if o.overdue else "")
        values = {
            "number": o.number, "state": state, "community": community,
            "resident": "　".join(x for x in (o.resident_name, o.resident_phone) if x), "address": o.address,
            "wanted": o.wanted + (f"（{domains.get(o.domain, o.domain)}）" if o.domain else ""),
            "dates": f"{day(o.ordered_on)} / {day(o.due_on)}",
            "partner": o.partner_name + (self.tr(" (dispatched %1)").replace("%1", day(o.dispatched_on))
                                         if o.dispatched_on else ""),
            "delivered": day(o.delivered_on),
            "rating": " ".join(x for x in (labels.stars(o.rating), o.rating_comment) if x), "reason": o.reason,
        }
        for key, text in values.items():
            self.fields[key].setText(text)
            self.details.setRowVisible(self.fields[key], bool(text))  # no empty lines before a step fills them
        self.fields["state"].setStyleSheet("color: #b3261e; font-weight: bold;" if o.overdue else "font-weight: bold;")

    def _show_actions(self, allowed: list[str]) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.action_buttons = {}
        writable = not self.session.ws.read_only
        for action in allowed:
            button = QPushButton(labels.order_action(action) + "…", objectName=f"action_{action}")
            button.setEnabled(writable)
            button.clicked.connect(lambda _c=False, a=action: self.take(a))
            self.action_buttons[action] = button
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)

    def _enable_decide(self) -> None:
        row = self.complaints.row_at(self.complaints_view.currentIndex())
        self.decide_button.setEnabled(row is not None and row.state == "open")

    # -- steps ----------------------------------------------------------------------------------------------
    def take(self, action: str):  # noqa: ANN201 - the opened StepDialog
        if self.order is None:
            return None
        dialog = step_dialog(self.session, self.order, action, self)
        dialog.open()
        return dialog

    def decide(self):  # noqa: ANN201 - the opened StepDialog
        row = self.complaints.row_at(self.complaints_view.currentIndex())
        if row is None or row.state != "open":
            return None
        dialog = decide_dialog(self.session, row, self)
        dialog.open()
        return dialog
