"""The dialogs of an order's steps: new order, dispatch (partner chooser), reject / return / cancel with a
required reason, deliver (becomes a service record), rate 1–5 stars, lodge a complaint, decide a complaint."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...services import orders, service_records
from ...services.orders import DeliveryInput, OrderInput, OrderRow
from ..operations import run_command
from ..partners import choices
from ..partners.widgets import ErrorLabel, combo_value, date_edit, fill_combo
from ..session import Session
from . import labels

CONTEXT = "OrderSteps"
DUE_DAYS = 7


translate = QCoreApplication.translate


def text_box(height: int = 70) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setMinimumHeight(height)
    return box


class StepDialog(QDialog):
    """A small form whose OK runs ``submit()`` (a service call) through the operation runner and closes
    only when the service accepted; ``done_with(result)`` then carries the result. Required text boxes
    are checked first."""

    done_with = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None, intro: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.submit: Callable[[], Any] | None = None
        self.required: list[tuple[QWidget, str]] = []
        self.form = QFormLayout()
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if intro:
            layout.addWidget(QLabel(intro, wordWrap=True))
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def add(self, label: str, widget: QWidget, required: str = "") -> QWidget:
        self.form.addRow(label, widget)
        if required:
            self.required.append((widget, required))
        return widget

    def ok_button(self):  # noqa: ANN201
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def ok(self) -> None:
        for widget, problem in self.required:
            if not _text(widget).strip():
                self.error.show_text(problem)
                widget.setFocus()
                return
        self.error.show_text("")
        if self.submit is not None:
            run_command(self, self.submit, on_done=self._accepted)

    def _accepted(self, result: Any) -> None:
        self.done_with.emit(result)
        self.accept()


def _text(widget: QWidget) -> str:
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        value = _chosen(widget) if widget.isEditable() else combo_value(widget)
        return "" if value is None else str(value)
    return widget.text() if isinstance(widget, QLineEdit) else "x"


# -- a new order ----------------------------------------------------------------------------------------------
def new_order(session: Session, parent: QWidget | None = None) -> StepDialog:
    ws = session.ws
    dialog = StepDialog(translate("OrderSteps", "New resident order"), parent,
                        translate("OrderSteps", "A resident's order (居民点单), taken by a worker on the resident's behalf. It waits for "
                           "review until the community dispatches it to a partner or rejects it."))
    community = QComboBox(objectName="orderCommunity")
    fill_combo(community, choices.communities(ws), keep=False)
    name, phone, address = QLineEdit(objectName="residentName"), QLineEdit(), QLineEdit()
    wanted = text_box()
    wanted.setObjectName("orderWanted")
    domain = QComboBox()
    fill_combo(domain, choices.dictionary(ws, "service_domain"), translate("OrderSteps", "(none)"), keep=False)
    today = ws.today()
    ordered, due = date_edit(today), date_edit(today + timedelta(days=DUE_DAYS))
    dialog.add(translate("OrderSteps", "Community"), community)
    dialog.add(translate("OrderSteps", "Resident"), name, translate("OrderSteps", "Enter the resident's name."))
    dialog.add(translate("OrderSteps", "Mobile"), phone)
    dialog.add(translate("OrderSteps", "Address"), address)
    dialog.add(translate("OrderSteps", "Service wanted"), wanted, translate("OrderSteps", "Describe the service wanted."))
    dialog.add(translate("OrderSteps", "Domain"), domain)
    dialog.add(translate("OrderSteps", "Ordered on"), ordered)
    dialog.add(translate("OrderSteps", "Due by"), due)
    dialog.submit = lambda: orders.create(ws, OrderInput(
        community_id=combo_value(community), resident_name=name.text(), wanted=wanted.toPlainText(),
        ordered_on=ordered.date().toPython(), due_on=due.date().toPython(), resident_phone=phone.text(),
        address=address.text(), domain=combo_value(domain) or ""))
    return dialog


# -- steps of an order -------------------------------------------------------------------------------------------
def step_dialog(session: Session, order: OrderRow, action: str, parent: QWidget | None = None) -> StepDialog:
    builders = {"dispatch": _dispatch, "reject": _reason, "return": _reason, "cancel": _reason,
                "deliver": _deliver, "rate": _rate, "complain": _complain}
    return builders[action](session, order, action, parent)


def _title(order: OrderRow, action: str) -> str:
    return f"{labels.order_action(action)} — {order.number}"


def partner_combo(session: Session, community_id: int | None) -> QComboBox:
    """The partners serving a community (filed, committed, active), searchable by typing part of a name."""
    combo = QComboBox(objectName="partnerChooser", editable=True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    fill_combo(combo, choices.duty_partners(session.ws, community_id), keep=False)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCurrentIndex(-1)
    return combo


def _dispatch(session: Session, order: OrderRow, action: str, parent: QWidget | None) -> StepDialog:
    dialog = StepDialog(_title(order, action), parent,
                        translate("OrderSteps", "The community accepts the order and dispatches it to a partner serving %1.")
                        .replace("%1", _community_name(session, order.community_id)))
    combo = partner_combo(session, order.community_id)
    note = QLineEdit()
    dialog.add(translate("OrderSteps", "Partner"), combo, translate("OrderSteps", "Choose the partner who will serve the resident."))
    dialog.add(translate("OrderSteps", "Note"), note)
    ws = session.ws
    dialog.submit = lambda: orders.transition(ws, order.id, order.version, "dispatch", note.text(),
                                              partner_id=_chosen(combo))
    return dialog


def _chosen(combo: QComboBox) -> int | None:
    """The listed partner whose name is in the box (typing a name exactly counts as choosing it)."""
    index = combo.findText(combo.currentText().strip())
    return combo.itemData(index) if index >= 0 else None


def _reason(session: Session, order: OrderRow, action: str, parent: QWidget | None) -> StepDialog:
    intros = {"reject": translate("OrderSteps", "The order is refused; the resident is told the reason."),
              "return": translate("OrderSteps", "The partner gives the order back: it returns to the pool, waiting to be dispatched again."),
              "cancel": translate("OrderSteps", "The order is withdrawn (by the resident or the community).")}
    dialog = StepDialog(_title(order, action), parent, intros[action])
    reason = text_box()
    reason.setObjectName("reason")
    dialog.add(translate("OrderSteps", "Reason"), reason, translate("OrderSteps", "A reason is required."))
    ws = session.ws
    dialog.submit = lambda: orders.transition(ws, order.id, order.version, action, reason.toPlainText())
    return dialog


def _deliver(session: Session, order: OrderRow, action: str, parent: QWidget | None) -> StepDialog:
    ws = session.ws
    dialog = StepDialog(_title(order, action), parent,
                        translate("OrderSteps", "%1 delivered the service. It is recorded as a service record of the partner.")
                        .replace("%1", order.partner_name))
    on_date = date_edit(ws.today())
    kind = QComboBox()
    fill_combo(kind, labels.kinds(), keep=False)
    people = QSpinBox(minimum=0, maximum=10_000, value=1)
    hours = QDoubleSpinBox(decimals=2, maximum=24, singleStep=0.5, value=1.0)
    place, notes = QLineEdit(order.address), QLineEdit()
    agreement = QComboBox()
    live = _agreements(session, order.partner_id)
    fill_combo(agreement, live, translate("OrderSteps", "(none)"), keep=False)
    for label, widget in ((translate("OrderSteps", "Date"), on_date), (translate("OrderSteps", "Kind"), kind), (translate("OrderSteps", "People served"), people),
                          (translate("OrderSteps", "Hours"), hours), (translate("OrderSteps", "Place"), place), (translate("OrderSteps", "Agreement"), agreement),
                          (translate("OrderSteps", "Notes"), notes)):
        dialog.add(label, widget)
    dialog.submit = lambda: orders.transition(ws, order.id, order.version, "deliver", delivery=DeliveryInput(
        on_date=on_date.date().toPython(), kind=combo_value(kind), people=people.value(),
        minutes=round(hours.value() * 60), place=place.text(), notes=notes.text(),
        agreement_id=combo_value(agreement)))
    return dialog


def _agreements(session: Session, partner_id: int | None) -> list[tuple[int, str]]:
    if partner_id is None:
        return []
    try:
        return service_records.agreements_taking_services(session.ws, partner_id)
    except DomainError:
        return []


class StarPicker(QWidget):
    """1–5 stars: click a star or press 1–5."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stars")
        self.group = QButtonGroup(self)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for n in range(1, 6):
            button = QToolButton(text="☆", checkable=True, autoRaise=True)
            button.setToolTip(translate("OrderSteps", "%1 of 5").replace("%1", str(n)))
            button.setStyleSheet("QToolButton { font-size: 18pt; color: #c98a00; }")
            self.group.addButton(button, n)
            row.addWidget(button)
        self.caption = QLabel()
        row.addWidget(self.caption)
        row.addStretch(1)
        self.group.idClicked.connect(self.set_value)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def value(self) -> int:
        return max(self.group.checkedId(), 0)

    def set_value(self, n: int) -> None:
        for i in range(1, 6):
            button = self.group.button(i)
            button.setChecked(i == n)
            button.setText("★" if i <= n else "☆")
        self.caption.setText(translate(CONTEXT, STAR_WORDS[n - 1]) if 1 <= n <= 5 else "")

    def keyPressEvent(self, event) -> None:  # noqa: ANN001
        if Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_5:
            self.set_value(event.key() - Qt.Key.Key_0)
        else:
            super().keyPressEvent(event)


STAR_WORDS = (QT_TRANSLATE_NOOP("OrderSteps", "Very dissatisfied"), QT_TRANSLATE_NOOP("OrderSteps", "Dissatisfied"),
              QT_TRANSLATE_NOOP("OrderSteps", "Fair"), QT_TRANSLATE_NOOP("OrderSteps", "Satisfied"),
              QT_TRANSLATE_NOOP("OrderSteps", "Very satisfied"))


def _rate(session: Session, order: OrderRow, action: str, parent: QWidget | None) -> StepDialog:
    dialog = StepDialog(_title(order, action), parent, translate("OrderSteps", "The resident's rating of the service (居民评单)."))
    stars, comment = StarPicker(), text_box(60)
    dialog.add(translate("OrderSteps", "Rating"), stars)
    dialog.add(translate("OrderSteps", "Comment"), comment)
    ws = session.ws

    def submit():  # noqa: ANN202
        if not stars.value():
            raise DomainError("order.bad_stars", stars=0)
        return orders.rate(ws, order.id, stars.value(), comment.toPlainText())

    dialog.submit = submit
    return dialog


def _complain(session: Session, order: OrderRow, action: str, parent: QWidget | None) -> StepDialog:
    dialog = StepDialog(_title(order, action), parent,
                        translate("OrderSteps", "The complaint stays open until an approver upholds or dismisses it."))
    text = text_box()
    dialog.add(translate("OrderSteps", "Complaint"), text, translate("OrderSteps", "Write what the resident complains about."))
    ws = session.ws
    dialog.submit = lambda: orders.complain(ws, order.id, text.toPlainText())
    return dialog


def decide_dialog(session: Session, complaint, parent: QWidget | None = None) -> StepDialog:  # noqa: ANN001
    dialog = StepDialog(translate("OrderSteps", "Decide the complaint"), parent, complaint.text)
    upheld, dismissed = QRadioButton(translate("OrderSteps", "Upheld")), QRadioButton(translate("OrderSteps", "Dismissed"))
    upheld.setObjectName("upheld")
    dismissed.setChecked(True)
    choice = QWidget()
    row = QHBoxLayout(choice)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(upheld)
    row.addWidget(dismissed)
    row.addStretch(1)
    decision = text_box()
    dialog.add(translate("OrderSteps", "Decision"), choice)
    dialog.add(translate("OrderSteps", "Reasons"), decision, translate("OrderSteps", "Write the reasons for the decision."))
    ws = session.ws
    dialog.submit = lambda: orders.decide_complaint(ws, complaint.id, complaint.version, upheld.isChecked(),
                                                    decision.toPlainText())
    return dialog


def _community_name(session: Session, community_id: int) -> str:
    return dict(choices.communities(session.ws, own_only=False)).get(community_id, "")
