"""A fund's journal, paged and filtered in SQL (dates, one account with its running balance), with posting,
reversing, closing periods and the reconciliation list of balance assertions."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.roles import Perm
from ...services import fund_queries, funds, ledger
from ...services.fund_queries import JournalFilter, JournalRow
from ...services.funds import FUNDS
from ...services.ledger import ReconRow
from ..formatting import day
from ..models.paged import CENTER, ListColumn, SqlListModel
from ..models.table import RIGHT, Column, RowTableModel
from ..operations import show_domain_error
from ..pages.base import Page
from ..partners.widgets import add_labelled, combo_value, fill_combo, set_widths, table_view
from ..services.widgets import DateBound
from ..session import Session
from . import labels
from .widgets import blank_zero, fund_choices, yuan

CONTEXT = "LedgerTab"


def _kind(r: JournalRow) -> str:
    return labels.txn_kind(r.kind)


COLUMNS = (
    ListColumn(QT_TRANSLATE_NOOP("LedgerTab", "Date"), lambda r: day(r.on_date), None, CENTER),
    ListColumn(QT_TRANSLATE_NOOP("LedgerTab", "Txn no."), lambda r: f"#{r.txn_id}", None, CENTER),
    ListColumn(QT_TRANSLATE_NOOP("LedgerTab", "Kind"), _kind),
    ListColumn(QT_TRANSLATE_NOOP("LedgerTab", "Memo"), lambda r: r.memo, tooltip=lambda r: r.memo),
    ListColumn(QT_TRANSLATE_NOOP("LedgerTab", "Account"), lambda r: f"{r.account_code} {r.account_name}"),
    ListColumn(QT_TRANSLATE_NOOP("LedgerTab", "Debit"), lambda r: blank_zero(r.debit_fen), None, RIGHT),
    ListColumn(QT_TRANSLATE_NOOP("LedgerTab", "Credit"), lambda r: blank_zero(r.credit_fen), None, RIGHT),
    ListColumn(QT_TRANSLATE_NOOP("LedgerTab", "Running balance"), lambda r: yuan(r.running_fen), None, RIGHT),
    ListColumn(QT_TRANSLATE_NOOP("LedgerTab", "Project"), lambda r: r.project),
)
WIDTHS = (7, 5, 6, 18, 10, 7, 7, 8, 10)
RECON_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("LedgerTab", "Date"), lambda r: day(r.on_date)),
    Column(QT_TRANSLATE_NOOP("LedgerTab", "Account"), lambda r: f"{r.account_code} {r.account_name}"),
    Column(QT_TRANSLATE_NOOP("LedgerTab", "Outside balance"), lambda r: yuan(r.expected_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("LedgerTab", "Books"), lambda r: yuan(r.actual_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("LedgerTab", "Difference"), lambda r: yuan(r.difference_fen) if r.difference_fen
           else "✓", RIGHT),
    Column(QT_TRANSLATE_NOOP("LedgerTab", "Note"), lambda r: r.note),
)


class LedgerTab(Page):
    areas = frozenset({FUNDS})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        ws = session.ws
        self.model = SqlListModel(
            COLUMNS, CONTEXT, lambda f: fund_queries.journal_count(ws, f),
            lambda f, _s, _d, offset, limit: fund_queries.journal(ws, f, offset, limit),
            JournalFilter(), ("date", False), self, alert=lambda r: r.reversed_by is not None or r.kind == "reversal")
        self.recon: RowTableModel[ReconRow] = RowTableModel(RECON_COLUMNS, CONTEXT, self)
        self.fund = QComboBox(objectName="ledgerFund")
        self.fund.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.account = QComboBox(objectName="ledgerAccount")
        self.account.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.date_from, self.date_to = DateBound(), DateBound()
        self.date_from.setObjectName("search")  # Ctrl+F lands on the first filter
        self.count_label, self.closed_label = QLabel(objectName="journalCount"), QLabel(objectName="closedThrough")
        self.table, self.recon_view = table_view(self), table_view(self)
        self.table.setModel(self.model)
        self.recon_view.setModel(self.recon)
        may_post = session.may_change(Perm.POST_LEDGER)
        self.post_button = QPushButton(self.tr("Post entry…"), objectName="postEntry", visible=may_post)
        self.post_button.setToolTip(self.tr("Ctrl+N"))
        self.reverse_button = QPushButton(self.tr("Reverse…"), objectName="reverse", visible=may_post)
        self.close_button = QPushButton(self.tr("Close period…"), objectName="closePeriod",
                                        visible=session.may_change(Perm.APPROVE))
        self.reopen_button = QPushButton(self.tr("Reopen period…"), objectName="reopenPeriod",
                                         visible=session.may_change(Perm.APPROVE))
        self.reopen_button.setToolTip(self.tr("反结账: reopen the latest closed month or quarter, with a reason"))
        self.assert_button = QPushButton(self.tr("Balance assertion…"), objectName="assertBalance", visible=may_post)
        self.dialog = None
        self._build()
        self._connect()

    def _build(self) -> None:
        top = QHBoxLayout()
        add_labelled(top, ((self.tr("Fund"), self.fund), (self.tr("From"), self.date_from),
                           (self.tr("To"), self.date_to), (self.tr("Account"), self.account)))
        top.addStretch(1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for b in (self.post_button, self.reverse_button, self.close_button, self.reopen_button,
                  self.assert_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.closed_label)
        recon = QGroupBox(self.tr("Balance assertions and reconciliation"))
        QVBoxLayout(recon).addWidget(self.recon_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(recon)
        split.setSizes([420, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        set_widths(self.table, WIDTHS)
        set_widths(self.recon_view, (7, 10, 8, 8, 8, 12))

    def _connect(self) -> None:
        self.fund.currentIndexChanged.connect(self._fund_changed)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self.apply_filter)
        self.account.currentIndexChanged.connect(self.apply_filter)
        self.model.modelReset.connect(self._show_count)
        self.post_button.clicked.connect(self.new)
        self.reverse_button.clicked.connect(self.reverse)
        self.close_button.clicked.connect(self.close_period)
        self.reopen_button.clicked.connect(self.reopen_period)
        self.assert_button.clicked.connect(self.assert_balance)

    # -- loading -------------------------------------------------------------------------------------------
    def reload(self) -> None:
        fill_combo(self.fund, fund_choices(self.session.ws))
        self._fund_changed()

    def set_fund(self, fund_id: int) -> None:
        index = self.fund.findData(fund_id)
        if index >= 0:
            self.fund.setCurrentIndex(index)
            self._fund_changed()

    def fund_id(self) -> int | None:
        return combo_value(self.fund)

    def _fund_changed(self) -> None:
        fund_id = self.fund_id()
        ws = self.session.ws
        try:
            accounts = [(b.account_id, f"{b.code} {b.name}") for b in ledger.balances(ws, fund_id)] if fund_id else []
            closed = ledger.closed_periods(ws, fund_id) if fund_id else []
            self.recon.set_rows(ledger.reconciliation(ws, fund_id, differences_only=False) if fund_id else [])
        except DomainError as err:
            show_domain_error(self, err)
            return
        self.account.blockSignals(True)
        fill_combo(self.account, accounts, self.tr("All accounts"))
        self.account.blockSignals(False)
        self.closed_label.setText(self.tr("Closed through %1").replace("%1", day(closed[-1][1])) if closed else "")
        self.model.set_filter(self.current_filter(), force=True)

    def current_filter(self) -> JournalFilter:
        return JournalFilter(self.fund_id(), self.date_from.value(), self.date_to.value(), combo_value(self.account))

    def apply_filter(self) -> None:
        self.model.set_filter(self.current_filter())

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("Postings: %1").replace("%1", f"{self.model.rowCount():,}"))

    def current_row(self) -> JournalRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    # -- actions ---------------------------------------------------------------------------------------------
    def _fund_row(self):  # noqa: ANN202
        fund_id = self.fund_id()
        return funds.get(self.session.ws, fund_id) if fund_id is not None else None

    def _open(self, dialog) -> object:  # noqa: ANN001
        self.dialog = dialog
        dialog.open()
        return dialog

    def new(self):  # noqa: ANN201
        fund = self._fund_row()
        if fund is None or not self.session.may_change(Perm.POST_LEDGER):
            return None
        from .ledger_dialogs import PostEntryDialog

        return self._open(PostEntryDialog(self.session, fund, self))

    def reverse(self):  # noqa: ANN201
        row = self.current_row()
        if row is None:
            return None
        from .ledger_dialogs import ReverseDialog

        summary = f"#{row.txn_id} {day(row.on_date)} {row.memo}"
        return self._open(ReverseDialog(self.session, row.txn_id, summary, self))

    def close_period(self):  # noqa: ANN201
        fund = self._fund_row()
        if fund is None:
            return None
        from .ledger_dialogs import ClosePeriodDialog

        return self._open(ClosePeriodDialog(self.session, fund, ledger.closed_periods(self.session.ws, fund.id), self))

    def reopen_period(self):  # noqa: ANN201
        fund = self._fund_row()
        if fund is None:
            return None
        from .ledger_dialogs import ReopenPeriodDialog

        closed = ledger.closed_periods(self.session.ws, fund.id)
        if not closed:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, self.tr("Reopen period"), self.tr("No period of %1 is closed.")
                                    .replace("%1", fund.code))
            return None
        return self._open(ReopenPeriodDialog(self.session, fund, closed[-1], self))

    def assert_balance(self):  # noqa: ANN201
        fund = self._fund_row()
        if fund is None:
            return None
        from .ledger_dialogs import AssertBalanceDialog

        return self._open(AssertBalanceDialog(self.session, fund, self))
