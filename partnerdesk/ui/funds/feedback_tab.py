"""Revenue feedback (收益反哺): the agreements with a feedback rule, what was reported due and received; record a
period's revenue (→ the amount due), receive a payment (the split between the pool and the social-enterprise
ledger is shown before confirming), reverse a receipt; the overdue list, highlighted."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import ledger as rules
from ...domain.errors import DomainError
from ...domain.money import fen_to_yuan
from ...domain.roles import Perm
from ...services import feedback, fund_queries
from ...services.fund_queries import FeedbackAgreementRow
from ...services.funds import FUNDS
from ..formatting import day
from ..models.table import CENTER, RIGHT, Column, RowTableModel
from ..operations import show_domain_error
from ..pages.base import Page
from ..partners import choices
from ..partners.widgets import combo_value, date_edit, fill_combo, set_widths, table_view
from ..session import Session
from .widgets import (
    AlertRowModel,
    FundDialog,
    PeriodPicker,
    ReversalDialog,
    fen_of,
    money_edit,
    new_key,
    yuan,
)

CONTEXT = "FeedbackTab"


def pct(bp: int) -> str:
    return f"{Decimal(bp) / 100:.2f}%"


AGREEMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Agreement"), lambda r: r.number),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Partner"), lambda r: r.partner_name),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Community"), lambda r: r.community_name),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Feedback rate"), lambda r: pct(r.revenue_share_bp), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "To the pool"), lambda r: pct(r.pool_share_bp), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Due (yuan)"), lambda r: yuan(r.due_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Received"), lambda r: yuan(r.received_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Outstanding"), lambda r: yuan(r.outstanding_fen), RIGHT),
)
REPORT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Period"), lambda r: r.period, CENTER),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Revenue"), lambda r: yuan(r.revenue_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Rate"), lambda r: pct(r.share_bp), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Due"), lambda r: yuan(r.due_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Due by"), lambda r: day(r.due_on), CENTER),
)
RECEIPT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Received on"), lambda r: day(r.received_on), CENTER),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Amount"), lambda r: yuan(r.amount_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "To the pool"), lambda r: yuan(r.pool_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "To the SE ledger"), lambda r: yuan(r.se_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Reversed"), lambda r: "✓" if r.reversed else "", CENTER),
)
OVERDUE_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Agreement"), lambda r: r.number),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Partner"), lambda r: r.partner_name),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Oldest period"), lambda r: r.oldest_period, CENTER),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Due by"), lambda r: day(r.due_on), CENTER),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Days overdue"), lambda r: str(r.days_overdue), RIGHT),
    Column(QT_TRANSLATE_NOOP("FeedbackTab", "Outstanding"), lambda r: yuan(r.outstanding_fen), RIGHT),
)


class ReportDialog(FundDialog):
    def __init__(self, session, row: FeedbackAgreementRow, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("Reported revenue · %1").replace("%1", row.number), parent,
                         self.tr("%1 pays %2 of its revenue as feedback.").replace("%1", row.partner_name)
                         .replace("%2", pct(row.revenue_share_bp)))
        self.session, self.row = session, row
        today = session.ws.today()
        self.period = PeriodPicker(("month", "quarter"), today)
        self.period.set_period("quarter", today.year, max((today.month - 1) // 3, 1))
        self.revenue = money_edit("revenue")
        self.due = QLabel(objectName="dueAmount")
        self.note = QLineEdit(objectName="reportNote")
        self.form.addRow(self.tr("Period"), self.period)
        self.form.addRow(self.tr("Revenue (yuan)"), self.revenue)
        self.form.addRow(self.tr("Due"), self.due)
        self.form.addRow(self.tr("Note"), self.note)
        self.revenue.textChanged.connect(self._show_due)
        self._show_due()

    def _show_due(self) -> None:
        try:
            due = rules.share_half_up(fen_of(self.revenue), self.row.revenue_share_bp)
        except DomainError:
            due = 0
        self.due.setText(self.tr("%1 yuan").replace("%1", yuan(due)))

    def check(self) -> str:
        return "" if self.revenue.text().strip() else self.tr("Please enter the revenue.")

    def work(self) -> Callable[[], Any]:
        ws, aid, period, fen, note = (self.session.ws, self.row.id, self.period.key(), fen_of(self.revenue),
                                      self.note.text().strip())
        return lambda: feedback.record_report(ws, aid, period, fen, note)


class ReceiveDialog(FundDialog):
    """The split is shown as the amount is typed; OK confirms it (one key per dialog: a double click posts once)."""

    def __init__(self, session, row: FeedbackAgreementRow, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("Feedback received · %1").replace("%1", row.number), parent)
        self.session, self.row = session, row
        self.key = new_key("receive")
        self.amount = money_edit("receiveAmount")
        if row.outstanding_fen > 0:
            self.amount.setText(str(fen_to_yuan(row.outstanding_fen)))
        self.on_date = date_edit(session.ws.today())
        self.on_date.setObjectName("receiveDate")
        found = fund_queries.receiving_funds(session.ws, row.community_id)
        self.pool, self.se = QComboBox(objectName="poolFund"), QComboBox(objectName="seFund")
        fill_combo(self.pool, found[rules.FundKind.POOL.value], keep=False)
        fill_combo(self.se, found[rules.FundKind.SE_LEDGER.value], keep=False)
        self.split = QLabel(objectName="receiptSplit", wordWrap=True)
        self.split.setStyleSheet("font-weight: bold;")
        self.form.addRow(self.tr("Amount (yuan)"), self.amount)
        self.form.addRow(self.tr("Received on"), self.on_date)
        self.form.addRow(self.tr("Community fund pool"), self.pool)
        self.form.addRow(self.tr("Social-enterprise ledger"), self.se)
        self.form.addRow(self.tr("Split"), self.split)
        self.ok_button().setText(self.tr("Confirm receipt"))
        self.amount.textChanged.connect(self.show_split)
        self.show_split()

    def parts(self) -> tuple[int, int]:
        try:
            return rules.split(fen_of(self.amount), self.row.pool_share_bp)
        except DomainError:
            return 0, 0

    def show_split(self) -> None:
        pool, se = self.parts()
        self.split.setText(self.tr("%1 yuan to the community fund pool (%2), %3 yuan to the social-enterprise "
                                   "ledger").replace("%1", yuan(pool)).replace("%2", pct(self.row.pool_share_bp))
                           .replace("%3", yuan(se)))

    def check(self) -> str:
        pool, se = self.parts()
        if not pool and not se:
            return self.tr("Please enter the amount received.")
        if pool and combo_value(self.pool) is None:
            return self.tr("This community has no fund pool yet: set one up on the Funds tab.")
        if se and combo_value(self.se) is None:
            return self.tr("This community has no social-enterprise ledger yet: set one up on the Funds tab.")
        return ""

    def work(self) -> Callable[[], Any]:
        ws, aid, fen, on, key = (self.session.ws, self.row.id, fen_of(self.amount), self.on_date.date().toPython(),
                                 self.key)
        pool, se = combo_value(self.pool), combo_value(self.se)
        return lambda: feedback.receive(ws, aid, fen, on, key, pool_fund_id=pool, se_fund_id=se)


class ReverseReceiptDialog(ReversalDialog):
    def __init__(self, session, receipt, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("Reverse a receipt"), parent,
                         self.tr("Both parts of the receipt of %1 yuan on %2 are reversed.")
                         .replace("%1", yuan(receipt.amount_fen)).replace("%2", day(receipt.received_on)),
                         "unreceive")
        self.session, self.receipt = session, receipt

    def work(self) -> Callable[[], Any]:
        ws, rid, reason, key = self.session.ws, self.receipt.id, self.reason_text(), self.key
        return lambda: feedback.reverse_receipt(ws, rid, reason, key)


class FeedbackTab(Page):
    areas = frozenset({FUNDS})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._overdue_ids: set[int] = set()
        self.model: AlertRowModel = AlertRowModel(AGREEMENT_COLUMNS, CONTEXT, self,
                                                  alert=lambda r: r.id in self._overdue_ids)
        self.reports: RowTableModel = RowTableModel(REPORT_COLUMNS, CONTEXT, self)
        self.receipts: RowTableModel = RowTableModel(RECEIPT_COLUMNS, CONTEXT, self)
        self.overdue: AlertRowModel = AlertRowModel(OVERDUE_COLUMNS, CONTEXT, self, alert=lambda r: True)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Filter: agreement number or partner"))
        self.community = QComboBox(objectName="feedbackCommunity")
        self.table, self.report_view = table_view(self), table_view(self)
        self.receipt_view, self.overdue_view = table_view(self), table_view(self)
        for view, model in ((self.table, self.model), (self.report_view, self.reports),
                            (self.receipt_view, self.receipts), (self.overdue_view, self.overdue)):
            view.setModel(model)
        may = session.may_change(Perm.POST_LEDGER)
        self.report_button = QPushButton(self.tr("Record revenue…"), objectName="recordRevenue", visible=may)
        self.report_button.setToolTip(self.tr("Ctrl+N"))
        self.receive_button = QPushButton(self.tr("Receive payment…"), objectName="receive", visible=may)
        self.unreceive_button = QPushButton(self.tr("Reverse receipt…"), objectName="reverseReceipt", visible=may)
        self.dialog = None
        self._all: list[FeedbackAgreementRow] = []
        self._build()
        self.search.textChanged.connect(self._filter)
        self.community.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_details())
        self.table.activated.connect(lambda *_: self.receive())
        self.report_button.clicked.connect(self.new)
        self.receive_button.clicked.connect(self.receive)
        self.unreceive_button.clicked.connect(self.reverse_receipt)

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(QLabel(self.tr("Community")))
        top.addWidget(self.community)
        for b in (self.report_button, self.receive_button, self.unreceive_button):
            top.addWidget(b)
        details = QWidget()
        row = QHBoxLayout(details)
        row.setContentsMargins(0, 0, 0, 0)
        self.detail_tabs = QTabWidget(objectName="feedbackDetails")
        self.detail_tabs.addTab(self.report_view, self.tr("Reported revenue"))
        self.detail_tabs.addTab(self.receipt_view, self.tr("Receipts"))
        row.addWidget(self.detail_tabs, 2)
        box = QGroupBox(self.tr("Overdue feedback"))
        QVBoxLayout(box).addWidget(self.overdue_view)
        row.addWidget(box, 3)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(details)
        split.setSizes([320, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        set_widths(self.table, (12, 14, 9, 6, 6, 8, 8, 8))
        set_widths(self.report_view, (5, 7, 4, 6, 6))
        set_widths(self.receipt_view, (6, 6, 6, 6, 3))
        set_widths(self.overdue_view, (10, 8, 5, 6, 4, 6))

    def reload(self) -> None:
        ws = self.session.ws
        fill_combo(self.community, choices.communities(ws), self.tr("All communities"))
        current = self.current_agreement()
        try:
            self._all = fund_queries.feedback_agreements(ws, combo_value(self.community))
            overdue = feedback.overdue(ws)
        except DomainError as err:
            show_domain_error(self, err)
            return
        self._overdue_ids = {r.agreement_id for r in overdue}
        self.overdue.set_rows(overdue)
        self._filter()
        if current is not None:
            self.select(current.id)

    def _filter(self) -> None:
        text = self.search.text().strip()
        self.model.set_rows([r for r in self._all if not text or text in f"{r.number} {r.partner_name}"])
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.show_details()

    def select(self, agreement_id: int) -> None:
        row = self.model.find_row(lambda r: r.id == agreement_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def current_agreement(self) -> FeedbackAgreementRow | None:
        return self.model.row_at(self.table.currentIndex())

    def show_details(self) -> None:
        row = self.current_agreement()
        ws = self.session.ws
        self.reports.set_rows(feedback.reports(ws, row.id) if row else [])
        self.receipts.set_rows(feedback.receipts(ws, row.id) if row else [])

    def _open(self, dialog) -> object:  # noqa: ANN001
        self.dialog = dialog
        dialog.open()
        return dialog

    def new(self):  # noqa: ANN201 - Ctrl+N: reported revenue of the selected agreement
        row = self.current_agreement()
        if row is None or not self.session.may_change(Perm.POST_LEDGER):
            return None
        return self._open(ReportDialog(self.session, row, self))

    def receive(self):  # noqa: ANN201
        row = self.current_agreement()
        if row is None or not self.session.may_change(Perm.POST_LEDGER):
            return None
        return self._open(ReceiveDialog(self.session, row, self))

    def reverse_receipt(self):  # noqa: ANN201
        receipt = self.receipts.row_at(self.receipt_view.currentIndex())
        if receipt is None or receipt.reversed:
            return None
        return self._open(ReverseReceiptDialog(self.session, receipt, self))
