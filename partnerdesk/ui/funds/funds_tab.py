"""The funds: kind, community, money held; a new fund; the chosen fund's accounts with balances at a date, and what
it has promised to approved projects and can still promise (已批未付, 可用余额)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.roles import Perm
from ...services import applications, funds, ledger
from ...services.applications import APPLICATIONS
from ...services.funds import FUNDS, FundRow
from ...services.ledger import BalanceRow
from ..models.table import RIGHT, Column, RowTableModel
from ..operations import show_domain_error
from ..pages.base import Page
from ..partners.widgets import combo_value, fill_combo, set_widths, table_view
from ..session import Session
from . import labels
from .widgets import yuan

CONTEXT = "FundsTab"


def _people(r: FundRow) -> str:
    if r.kind != "micro":
        return r.host
    return f"{r.host}：{'、'.join(r.committee)}；{'、'.join(r.supervisors)}"


FUND_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("FundsTab", "Code"), lambda r: r.code),
    Column(QT_TRANSLATE_NOOP("FundsTab", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("FundsTab", "Kind"), lambda r: labels.fund_kind(r.kind)),
    Column(QT_TRANSLATE_NOOP("FundsTab", "Community"), lambda r: r.unit_name),
    Column(QT_TRANSLATE_NOOP("FundsTab", "Balance (yuan)"), lambda r: yuan(r.money_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("FundsTab", "Host and committee"), _people, tooltip=_people),
)
ACCOUNT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("FundsTab", "Account"), lambda r: r.code),
    Column(QT_TRANSLATE_NOOP("FundsTab", "Name"), lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("FundsTab", "Class"), lambda r: labels.account_kind(r.kind)),
    Column(QT_TRANSLATE_NOOP("FundsTab", "Balance (yuan)"), lambda r: yuan(r.balance_fen), RIGHT),
)


class FundsTab(Page):
    areas = frozenset({FUNDS, APPLICATIONS})  # an approval changes what a fund has promised

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model: RowTableModel[FundRow] = RowTableModel(FUND_COLUMNS, CONTEXT, self)
        self.accounts: RowTableModel[BalanceRow] = RowTableModel(ACCOUNT_COLUMNS, CONTEXT, self)
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Filter: code, name or community"))
        self.kind = QComboBox(objectName="kindFilter")
        fill_combo(self.kind, labels.choices(labels.FUND_KINDS), self.tr("All kinds"), keep=False)
        self.new_button = QPushButton(self.tr("New fund…"), objectName="newFund")
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.new_button.setVisible(session.may_change(Perm.POST_LEDGER))
        self.table, self.account_view = table_view(self), table_view(self)
        self.table.setModel(self.model)
        self.account_view.setModel(self.accounts)
        today = session.ws.today()
        self.on_date = QDateEdit(QDate(today.year, today.month, today.day), calendarPopup=True,
                                 displayFormat="yyyy-MM-dd", objectName="balanceDate")
        self.account_title = QLabel(objectName="accountTitle")
        self.position = QLabel(objectName="fundPosition")
        self.position.setToolTip(self.tr("The bank balance now, what approved projects have yet to be paid, and what "
                                          "new approvals can still promise."))
        self.dialog = None
        self._all: list[FundRow] = []
        self._build()
        self.search.textChanged.connect(self._filter)
        self.kind.currentIndexChanged.connect(self._filter)
        self.new_button.clicked.connect(self.new)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_accounts())
        self.on_date.dateChanged.connect(lambda *_: self.show_accounts())

    def _build(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(QLabel(self.tr("Kind")))
        top.addWidget(self.kind)
        top.addWidget(self.new_button)
        box = QGroupBox(self.tr("Accounts"))
        lower = QVBoxLayout(box)
        row = QHBoxLayout()
        row.addWidget(self.account_title)
        row.addSpacing(16)
        row.addWidget(self.position, 1)
        label = QLabel(self.tr("Balances at the end of"))
        label.setBuddy(self.on_date)
        row.addWidget(label)
        row.addWidget(self.on_date)
        lower.addLayout(row)
        lower.addWidget(self.account_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(box)
        split.setSizes([300, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        set_widths(self.table, (8, 14, 9, 10, 9, 24))
        set_widths(self.account_view, (5, 12, 6, 10))

    def reload(self) -> None:
        current = self.current_fund()
        try:
            self._all = funds.list_funds(self.session.ws)
        except DomainError as err:
            show_domain_error(self, err)
            return
        self._filter()
        self.select(current.id if current else None)

    def _filter(self) -> None:
        text, kind = self.search.text().strip(), combo_value(self.kind)
        self.model.set_rows([r for r in self._all if (not kind or r.kind == kind)
                             and (not text or text in f"{r.code} {r.name} {r.unit_name}")])
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.show_accounts()

    def current_fund(self) -> FundRow | None:
        return self.model.row_at(self.table.currentIndex())

    def select(self, fund_id: int | None) -> None:
        row = self.model.find_row(lambda r: r.id == fund_id) if fund_id is not None else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))

    def show_accounts(self) -> None:
        fund = self.current_fund()
        if fund is None:
            self.accounts.set_rows([])
            self.account_title.setText("")
            self.position.setText("")
            return
        self.account_title.setText(f"{fund.code} {fund.name}")
        try:
            self.accounts.set_rows(ledger.balances(self.session.ws, fund.id, self.on_date.date().toPython()))
            p = applications.fund_position(self.session.ws, fund.id)
            self.position.setText(self.tr("Approved, not yet paid: %1 yuan · available for new approvals: %2 yuan")
                                  .replace("%1", yuan(p.committed_fen)).replace("%2", yuan(p.available_fen)))
        except DomainError as err:
            show_domain_error(self, err)

    def new(self):  # noqa: ANN201 - the opened dialog
        if not self.session.may_change(Perm.POST_LEDGER):
            return None
        from .fund_dialog import NewFundDialog

        self.dialog = NewFundDialog(self.session, self)
        self.dialog.done_with.connect(lambda outcome: (self.refresh(), self.select(outcome.value.id)))
        self.dialog.open()
        return self.dialog
