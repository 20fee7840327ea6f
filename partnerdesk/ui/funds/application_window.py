"""One project application: details, budget, the approval steps of every round and version with their opinions,
payments, and buttons for what the signed-in user may do now (submit, change, approve / reject / return with an
opinion, withdraw, new version, pay — one idempotency key per payment dialog)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.applications import EDITABLE, PENDING, WITHDRAWABLE, AppState, check_covered
from ...domain.errors import DomainError
from ...domain.money import fen_to_yuan
from ...domain.roles import Perm
from ...services import applications, funds
from ...services.applications import APPLICATIONS, ApplicationRow, BudgetRow, DisbursementRow, StepRow
from ..agreements.space_files import SpaceFiles
from ..formatting import day, wall_time
from ..models.table import CENTER, RIGHT, Column, RowTableModel
from ..operations import run_command, show_domain_error
from ..partners.widgets import date_edit, set_widths, table_view
from ..session import Session
from . import labels
from .widgets import FundDialog, ReversalDialog, explain, fen_of, money_edit, new_key, yuan

CONTEXT = "ApplicationWindow"
FILE_KINDS = (QT_TRANSLATE_NOOP("ApplicationWindow", "Project plan"),
              QT_TRANSLATE_NOOP("ApplicationWindow", "Quote"), QT_TRANSLATE_NOOP("ApplicationWindow", "Invoice"),
              QT_TRANSLATE_NOOP("ApplicationWindow", "Other"))

BUDGET_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Item"), lambda b: b.item),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Amount (yuan)"), lambda b: yuan(b.amount_fen), RIGHT),
)
STEP_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Version"), lambda s: str(s.version_no), CENTER),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Round"), lambda s: str(s.round_no), CENTER),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Step"), lambda s: f"{s.seq}. {s.label or labels.role(s.role)}"),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Role"), lambda s: labels.role(s.role)),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Result"), lambda s: labels.step_state(s.state), CENTER),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "By"), lambda s: s.actor),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "When"), lambda s: wall_time(s.at), CENTER),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Opinion"), lambda s: s.opinion, tooltip=lambda s: s.opinion),
)
PAYMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Date"), lambda d: day(d.on_date), CENTER),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Amount (yuan)"), lambda d: yuan(d.amount_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Payee"), lambda d: d.payee),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Txn no."), lambda d: f"#{d.txn_id}", CENTER),
    Column(QT_TRANSLATE_NOOP("ApplicationWindow", "Reversed"), lambda d: "✓" if d.reversed else "", CENTER),
)


class DecisionDialog(FundDialog):
    """Approve, reject or return the current step; rejecting or returning needs an opinion."""

    def __init__(self, session, row: ApplicationRow, decision: str, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(f"{labels.decision(decision)} · {row.title}", parent)
        self.session, self.row, self.decision = session, row, decision
        step = row.current_step
        if step is not None:
            self.form.addRow(self.tr("Step"), QLabel(f"{step.seq}. {step.label or labels.role(step.role)}"))
        self.opinion = QPlainTextEdit(objectName="opinion")
        self.opinion.setTabChangesFocus(True)
        self.opinion.setMaximumHeight(100)
        self.opinion.setPlaceholderText(self.tr("Opinion (required)") if decision != "approve"
                                        else self.tr("Opinion (optional)"))
        self.form.addRow(self.tr("Opinion"), self.opinion)
        if decision == "approve":
            self._show_position()
        self.ok_button().setText(labels.decision(decision))

    def _show_position(self) -> None:
        """What the fund holds and has promised; at the last step, the refusal approving would meet, told before OK."""
        try:
            p = applications.fund_position(self.session.ws, self.row.fund_id, except_root=self.row.root_id)
        except DomainError:
            return  # outside the approver's view of the fund: the service decides
        self.position = QLabel(self.tr("Bank %1 yuan · approved, not yet paid %2 yuan · available %3 yuan")
                               .replace("%1", yuan(p.bank_fen)).replace("%2", yuan(p.committed_fen))
                               .replace("%3", yuan(p.available_fen)), objectName="fundPosition", wordWrap=True)
        self.form.addRow(self.tr("Fund"), self.position)
        if self.row.at_last_step:
            try:
                check_covered(self.row.amount_fen, self.row.disbursed_fen, p)
            except DomainError as err:
                self.error.show_text(explain(err))

    def check(self) -> str:
        if self.decision != "approve" and not self.opinion.toPlainText().strip():
            return self.tr("Please write your opinion.")
        return ""

    def work(self) -> Callable[[], Any]:
        ws, row, dec, text = self.session.ws, self.row, self.decision, self.opinion.toPlainText().strip()
        return lambda: applications.act(ws, row.id, row.version, dec, text)


class DisburseDialog(FundDialog):
    def __init__(self, session, row: ApplicationRow, parent: QWidget | None = None) -> None:  # noqa: ANN001
        left = row.amount_fen - row.disbursed_fen
        super().__init__(self.tr("Pay · %1").replace("%1", row.title), parent,
                         self.tr("Approved %1 yuan, paid %2 yuan, %3 yuan left.").replace("%1", yuan(row.amount_fen))
                         .replace("%2", yuan(row.disbursed_fen)).replace("%3", yuan(left)))
        self.session, self.row = session, row
        self.key = new_key("disburse")
        self.amount = money_edit("payAmount")
        self.amount.setText(str(fen_to_yuan(max(left, 0))))
        self.on_date = date_edit(session.ws.today())
        self.on_date.setObjectName("payDate")
        self.payee = QLineEdit(row.applicant_name, objectName="payee")
        self.form.addRow(self.tr("Amount (yuan)"), self.amount)
        self.form.addRow(self.tr("Paid on"), self.on_date)
        self.form.addRow(self.tr("Payee"), self.payee)
        self.ok_button().setText(self.tr("Pay"))

    def check(self) -> str:
        return "" if self.payee.text().strip() else self.tr("Please enter the payee.")

    def work(self) -> Callable[[], Any]:
        ws, app_id, fen, on, payee, key = (self.session.ws, self.row.id, fen_of(self.amount),
                                           self.on_date.date().toPython(), self.payee.text().strip(), self.key)
        return lambda: applications.disburse(ws, app_id, fen, on, payee, key)


class ReversePaymentDialog(ReversalDialog):
    def __init__(self, session, payment: DisbursementRow, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("Reverse a payment"), parent,
                         self.tr("The payment of %1 yuan on %2 to %3 is reversed in the ledger.")
                         .replace("%1", yuan(payment.amount_fen)).replace("%2", day(payment.on_date))
                         .replace("%3", payment.payee), "unpay")
        self.session, self.payment = session, payment

    def work(self) -> Callable[[], Any]:
        ws, pid, reason, key = self.session.ws, self.payment.id, self.reason_text(), self.key
        return lambda: applications.reverse_disbursement(ws, pid, reason, key)


class ApplicationWindow(QDialog):
    """Reloads itself after each step; the lists refresh from the operation bus."""

    def __init__(self, session: Session, app_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.app_id = session, app_id
        self.row: ApplicationRow | None = None
        self.fields: dict[str, QLabel] = {}
        self.buttons: dict[str, QPushButton] = {}
        self.dialog: QDialog | None = None
        self.budget: RowTableModel[BudgetRow] = RowTableModel(BUDGET_COLUMNS, CONTEXT, self)
        self.steps: RowTableModel[StepRow] = RowTableModel(STEP_COLUMNS, CONTEXT, self)
        self.payments: RowTableModel[DisbursementRow] = RowTableModel(PAYMENT_COLUMNS, CONTEXT, self)
        self.budget_view, self.steps_view, self.payments_view = table_view(self), table_view(self), table_view(self)
        for view, model in ((self.budget_view, self.budget), (self.steps_view, self.steps),
                            (self.payments_view, self.payments)):
            view.setModel(model)
        set_widths(self.budget_view, (16, 8))
        set_widths(self.steps_view, (3, 3, 8, 6, 4, 6, 9, 14))
        set_widths(self.payments_view, (7, 7, 12, 5, 4))
        self.actions_row = QHBoxLayout()
        self.files = SpaceFiles(session, self, entity="application", kinds=FILE_KINDS, kinds_context=CONTEXT,
                                add_title=self.tr("Add a file to the application"))
        self._build()
        session.bus.data_changed.connect(self._changed)
        self.resize(980, 760)
        self.reload()

    def _build(self) -> None:
        self.details = QFormLayout()
        for key, caption in (("title", self.tr("Project")), ("state", self.tr("State")), ("fund", self.tr("Fund")),
                             ("applicant", self.tr("Applicant")), ("category", self.tr("Category")),
                             ("amount", self.tr("Amount requested")), ("paid", self.tr("Paid")),
                             ("version", self.tr("Version")), ("description", self.tr("Description"))):
            label = QLabel(wordWrap=True, objectName=f"app_{key}")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = label
            self.details.addRow(caption, label)
        top = QHBoxLayout()
        top.addLayout(self.details, 3)
        budget = QGroupBox(self.tr("Budget"))
        QVBoxLayout(budget).addWidget(self.budget_view)
        top.addWidget(budget, 2)
        steps = QGroupBox(self.tr("Approval steps (every round and version)"))
        QVBoxLayout(steps).addWidget(self.steps_view)
        payments = QGroupBox(self.tr("Payments"))
        QVBoxLayout(payments).addWidget(self.payments_view)
        files = QGroupBox(self.tr("Attachments (plan, quotes, invoices…)"))
        QVBoxLayout(files).addWidget(self.files)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(self.actions_row)
        layout.addWidget(steps, 2)
        bottom = QHBoxLayout()
        bottom.addWidget(payments, 1)
        bottom.addWidget(files, 1)
        layout.addLayout(bottom, 1)
        foot = QHBoxLayout()
        for button in self._print_buttons():
            foot.addWidget(button)
        foot.addStretch(1)
        foot.addWidget(close)
        layout.addLayout(foot)

    def _print_buttons(self) -> list[QWidget]:
        """Print the application and approval form, or the voucher of the selected (else the latest) payment."""
        from ..documents.preview_dialog import APPLICATION_KINDS, VOUCHER_KINDS, print_button

        form = print_button(self.session, APPLICATION_KINDS, lambda: self.app_id, self)
        voucher = print_button(self.session, VOUCHER_KINDS, self._payment_id, self)
        form.setObjectName("printApplication")
        voucher.setObjectName("printVoucher")
        voucher.setText(self.tr("Print voucher…"))
        return [form, voucher]

    def _payment_id(self) -> int | None:
        chosen = self.payments.row_at(self.payments_view.currentIndex())
        live = [p for p in self.payments.rows() if not p.reversed]
        payment = chosen if chosen is not None and not chosen.reversed else (live[-1] if live else None)
        return payment.id if payment is not None else None

    # -- showing ------------------------------------------------------------------------------------------
    def _changed(self, changes) -> None:  # noqa: ANN001
        if changes.touches(APPLICATIONS) and self.isVisible():
            self.reload()

    def reload(self) -> None:
        ws = self.session.ws
        try:
            self.row = row = applications.get(ws, self.app_id)
            self.budget.set_rows(row.budget)
            self.steps.set_rows(applications.history(ws, self.app_id))
            self.payments.set_rows(applications.disbursements(ws, self.app_id))
            self.files.show_space(self.app_id, "")
            fund = funds.get(ws, row.fund_id)
            waiting = self.app_id in {a.id for a in applications.inbox(ws)}
        except DomainError as err:
            show_domain_error(self, err)
            return
        self.setWindowTitle(self.tr("Project application: %1").replace("%1", row.title))
        step = row.current_step
        state = labels.app_state(row.state)
        if step is not None:
            state += " · " + self.tr("waiting for %1 (%2)").replace("%1", step.label or labels.role(step.role)) \
                .replace("%2", labels.role(step.role))
        values = {"title": row.title, "state": state, "fund": f"{fund.code} {fund.name}",
                  "applicant": f"{row.applicant_name}（{labels.applicant_kind(row.applicant_kind)}）",
                  "category": row.category, "amount": self.tr("%1 yuan").replace("%1", yuan(row.amount_fen)),
                  "paid": self.tr("%1 yuan").replace("%1", yuan(row.disbursed_fen)),
                  "version": self.tr("version %1, round %2").replace("%1", str(row.version_no))
                  .replace("%2", str(row.round_no)) + (self.tr(" · locked") if row.locked else ""),
                  "description": row.description}
        for key, text in values.items():
            self.fields[key].setText(text)
        self.fields["state"].setStyleSheet("font-weight: bold;")
        self._show_actions(self.allowed(row, waiting))

    def allowed(self, row: ApplicationRow, waiting: bool) -> list[str]:
        """What the signed-in user may do now (the services check everything again)."""
        s, state = self.session, AppState(row.state)
        out = []
        if s.may_change(Perm.EDIT_RECORDS) and state in EDITABLE:
            out += ["edit", "submit"]
        if waiting and state in PENDING and not s.ws.read_only:
            out += ["approve", "reject", "return"]
        if s.may_change(Perm.EDIT_RECORDS) and state in WITHDRAWABLE:
            out.append("withdraw")
        if state is AppState.APPROVED:
            if s.may_change(Perm.POST_LEDGER):
                out.append("disburse")
            if s.may_change(Perm.EDIT_RECORDS):
                out.append("new_version")
        if s.may_change(Perm.POST_LEDGER) and any(not p.reversed for p in self.payments.rows()):
            out.append("reverse_payment")
        return out

    def _show_actions(self, allowed: list[str]) -> None:
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        texts = {"edit": self.tr("Change…"), "submit": self.tr("Submit"), "approve": labels.decision("approve") + "…",
                 "reject": labels.decision("reject") + "…", "return": labels.decision("return") + "…",
                 "withdraw": self.tr("Withdraw"), "disburse": self.tr("Pay…"), "new_version": self.tr("New version"),
                 "reverse_payment": self.tr("Reverse payment…")}
        self.buttons = {}
        for action in allowed:
            button = QPushButton(texts[action], objectName=f"action_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.take(a))
            self.buttons[action] = button
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)

    # -- actions -----------------------------------------------------------------------------------------------
    def take(self, action: str):  # noqa: ANN201 - the opened dialog, if any
        row, ws = self.row, self.session.ws
        if row is None:
            return None
        if action == "submit":
            run_command(self, lambda: applications.submit(ws, row.id, row.version))
            return None
        if action == "withdraw":
            run_command(self, lambda: applications.withdraw(ws, row.id, row.version))
            return None
        if action == "new_version":
            run_command(self, lambda: applications.new_version(ws, row.id), on_done=self._new_version)
            return None
        if action == "edit":
            from .application_dialog import ApplicationDialog

            dialog: QDialog = ApplicationDialog(self.session, row, self)
        elif action in ("approve", "reject", "return"):
            dialog = DecisionDialog(self.session, row, action, self)
        elif action == "disburse":
            dialog = DisburseDialog(self.session, row, self)
        else:
            payment = self.payments.row_at(self.payments_view.currentIndex()) or next(
                p for p in reversed(self.payments.rows()) if not p.reversed)
            dialog = ReversePaymentDialog(self.session, payment, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _new_version(self, outcome) -> None:  # noqa: ANN001
        parent = self.parent()
        if hasattr(parent, "open_application"):
            parent.open_application(outcome.value.id)
