"""The ledger's dialogs: post a balanced entry (imbalance shown as you type; one idempotency key per dialog),
reverse a transaction (reason required), close a month or quarter, record a balance assertion."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.ledger import Line
from ...services import ledger
from ...services.funds import FundRow
from ..partners.widgets import combo_value, date_edit, fill_combo
from .widgets import FundDialog, PeriodPicker, ReversalDialog, fen_of, money_edit, new_key, yuan


class EntryLine(QWidget):
    removed = Signal(object)
    changed = Signal()

    def __init__(self, accounts: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.account = QComboBox(objectName="lineAccount")
        fill_combo(self.account, accounts, self.tr("Account…"), keep=False)
        self.debit, self.credit = money_edit("lineDebit", self.tr("Debit")), money_edit("lineCredit", self.tr("Credit"))
        self.remove = QPushButton(self.tr("Remove"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.account, 2)
        row.addWidget(self.debit, 1)
        row.addWidget(self.credit, 1)
        row.addWidget(self.remove)
        self.debit.textChanged.connect(self.changed)
        self.credit.textChanged.connect(self.changed)
        self.account.currentIndexChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.removed.emit(self))

    def amounts(self) -> tuple[int, int]:
        return fen_of(self.debit), fen_of(self.credit)

    def line(self) -> Line | None:
        account = combo_value(self.account)
        debit, credit = self.amounts()
        if account is None and not debit and not credit:
            return None
        return Line(account if account is not None else 0, debit, credit)


class PostEntryDialog(FundDialog):
    """A manual entry: date, memo, project, two or more lines whose debits equal their credits."""

    def __init__(self, session, fund: FundRow, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("Post an entry · %1").replace("%1", f"{fund.code} {fund.name}"), parent)
        self.session, self.fund = session, fund
        self.key = new_key("post")
        self._accounts = [(a.account_id, f"{a.code} {a.name}") for a in ledger.balances(session.ws, fund.id)]
        self.on_date = date_edit(session.ws.today())
        self.on_date.setObjectName("entryDate")
        self.memo, self.project = QLineEdit(objectName="entryMemo"), QLineEdit(objectName="entryProject")
        self.lines: list[EntryLine] = []
        self._lines = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add a line"), objectName="addLine")
        self.balance = QLabel(objectName="entryBalance")
        lines_box = QWidget()
        box = QVBoxLayout(lines_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self._lines)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        row.addWidget(self.balance)
        box.addLayout(row)
        self.form.addRow(self.tr("Date"), self.on_date)
        self.form.addRow(self.tr("Memo"), self.memo)
        self.form.addRow(self.tr("Project"), self.project)
        self.form.addRow(self.tr("Lines"), lines_box)
        self.add_button.clicked.connect(lambda: self.add_line())
        self.add_line()
        self.add_line()
        self.resize(720, 380)

    def add_line(self) -> EntryLine:
        line = EntryLine(self._accounts, self)
        line.removed.connect(self._remove)
        line.changed.connect(self.show_balance)
        self.lines.append(line)
        self._lines.addWidget(line)
        self.show_balance()
        return line

    def _remove(self, line: EntryLine) -> None:
        self.lines.remove(line)
        line.deleteLater()
        self.show_balance()

    def totals(self) -> tuple[int, int]:
        debit = credit = 0
        for line in self.lines:
            try:
                d, c = line.amounts()
            except DomainError:
                continue
            debit, credit = debit + d, credit + c
        return debit, credit

    def show_balance(self) -> None:
        debit, credit = self.totals()
        text = self.tr("Debits %1 · credits %2").replace("%1", yuan(debit)).replace("%2", yuan(credit))
        if debit != credit:
            text += " · " + self.tr("difference %1").replace("%1", yuan(abs(debit - credit)))
        self.balance.setText(text)
        self.balance.setStyleSheet("" if debit == credit and debit else "color: #b3261e; font-weight: bold;")

    def check(self) -> str:
        if not self.memo.text().strip():
            return self.tr("Please write what the entry is for.")
        debit, credit = self.totals()
        if debit != credit:
            return self.tr("Debits and credits differ by %1 yuan.").replace("%1", yuan(abs(debit - credit)))
        return ""

    def work(self) -> Callable[[], Any]:
        lines = [x for x in (line.line() for line in self.lines) if x is not None]
        ws, fund_id, on, memo, project, key = (self.session.ws, self.fund.id, self.on_date.date().toPython(),
                                               self.memo.text().strip(), self.project.text().strip(), self.key)
        return lambda: ledger.post(ws, fund_id, on, lines, memo, key, project)


class ReverseDialog(ReversalDialog):
    def __init__(self, session, txn_id: int, summary: str, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("Reverse transaction #%1").replace("%1", str(txn_id)), parent,
                         self.tr("A posted entry is never changed: a reversal posts the same lines on the opposite "
                                 "sides. %1").replace("%1", summary), "reverse")
        self.session, self.txn_id = session, txn_id
        self.on_date = date_edit(session.ws.today())
        self.form.addRow(self.tr("Date"), self.on_date)

    def work(self) -> Callable[[], Any]:
        ws, txn, reason, key, on = (self.session.ws, self.txn_id, self.reason_text(), self.key,
                                    self.on_date.date().toPython())
        return lambda: ledger.reverse(ws, txn, reason, key, on)


class ClosePeriodDialog(FundDialog):
    def __init__(self, session, fund: FundRow, closed: list[tuple[str, date, str]],  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        last = closed[-1] if closed else None
        intro = (self.tr("Closed through %1 (%2).").replace("%1", last[1].isoformat()).replace("%2", last[0])
                 if last else self.tr("No period of this fund is closed yet."))
        super().__init__(self.tr("Close a period · %1").replace("%1", fund.code), parent,
                         intro + " " + self.tr("After closing, nothing can be posted on or before the period's "
                                               "last day."))
        self.session, self.fund = session, fund
        today = session.ws.today()
        self.period = PeriodPicker(("month", "quarter"), today)
        prev = date(today.year - (today.month == 1), (today.month - 2) % 12 + 1, 1)
        self.period.set_period("month", prev.year, prev.month)
        self.note = QLineEdit(objectName="closeNote")
        self.form.addRow(self.tr("Period"), self.period)
        self.form.addRow(self.tr("Note"), self.note)

    def work(self) -> Callable[[], Any]:
        ws, fund_id, key, note = self.session.ws, self.fund.id, self.period.key(), self.note.text().strip()
        return lambda: ledger.close_period(ws, fund_id, key, note)


class ReopenPeriodDialog(FundDialog):
    """反结账: the fund's latest closed period opens again (the ones before stay closed); a reason is required."""

    def __init__(self, session, fund: FundRow, latest: tuple[str, date, str],  # noqa: ANN001
                 parent: QWidget | None = None) -> None:
        key, end, closed_by = latest
        super().__init__(self.tr("Reopen a period · %1").replace("%1", fund.code), parent,
                         self.tr("%1 (through %2, closed by %3) opens again: entries on or before %2 can be posted "
                                 "until it is closed again. The periods before it stay closed. A period whose "
                                 "disclosure notice (公示) has been issued cannot be reopened.")
                         .replace("%1", key).replace("%2", end.isoformat()).replace("%3", closed_by))
        self.session, self.fund, self.key = session, fund, key
        self.reason = QLineEdit(objectName="reopenReason")
        self.form.addRow(self.tr("Reason"), self.reason)
        self.ok_button().setText(self.tr("Reopen"))

    def check(self) -> str:
        return "" if self.reason.text().strip() else self.tr("Please write why the period is reopened.")

    def work(self) -> Callable[[], Any]:
        ws, fund_id, key, reason = self.session.ws, self.fund.id, self.key, self.reason.text().strip()
        return lambda: ledger.reopen_period(ws, fund_id, key, reason)


class AssertBalanceDialog(FundDialog):
    """An outside balance (the bank statement's) at the end of a day, checked against the books."""

    def __init__(self, session, fund: FundRow, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("Balance assertion · %1").replace("%1", fund.code), parent,
                         self.tr("Enter a balance from outside the books, such as the bank statement's; any "
                                 "difference is listed for reconciliation."))
        self.session = session
        self.account = QComboBox(objectName="assertAccount")
        fill_combo(self.account, [(a.account_id, f"{a.code} {a.name}") for a in ledger.balances(session.ws, fund.id)],
                   keep=False)
        bank = self.account.findText("1002", Qt.MatchFlag.MatchStartsWith)
        if bank >= 0:
            self.account.setCurrentIndex(bank)
        self.on_date = date_edit(session.ws.today())
        self.expected = money_edit("assertExpected")
        self.note = QLineEdit(objectName="assertNote")
        self.form.addRow(self.tr("Account"), self.account)
        self.form.addRow(self.tr("At the end of"), self.on_date)
        self.form.addRow(self.tr("Balance (yuan)"), self.expected)
        self.form.addRow(self.tr("Note"), self.note)

    def check(self) -> str:
        return "" if self.expected.text().strip() else self.tr("Please enter the balance.")

    def work(self) -> Callable[[], Any]:
        ws, account, on, fen, note = (self.session.ws, combo_value(self.account), self.on_date.date().toPython(),
                                      fen_of(self.expected), self.note.text().strip())
        return lambda: ledger.assert_balance(ws, account, on, fen, note)
