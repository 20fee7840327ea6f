"""Donations (捐赠): record one (the receipt number is shown when saved), the fund's list, and the publication
list for the disclosure notice (公示) where anonymous donors read 匿名."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from ...services import donations, funds
from ...services.donations import DonationInput
from ...services.funds import FUNDS, FundRow
from ..formatting import day
from ..models.table import CENTER, RIGHT, Column, RowTableModel
from ..operations import show_domain_error
from ..pages.base import Page
from ..partners.widgets import add_labelled, combo_value, date_edit, fill_combo, set_widths, table_view
from ..services.widgets import DateBound
from ..session import Session
from . import labels
from .widgets import FundDialog, fen_of, fund_choices, money_edit, new_key, yuan

CONTEXT = "DonationsTab"

COLUMNS = (
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Receipt no."), lambda r: r.receipt_no),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Date"), lambda r: day(r.on_date), CENTER),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Donor"), lambda r: r.donor),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Donor type"), lambda r: labels.donor_kind(r.donor_kind)),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Anonymous"), lambda r: "✓" if r.anonymous else "", CENTER),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Amount (yuan)"), lambda r: yuan(r.amount_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Intended use"), lambda r: r.intended_use),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Reversed"), lambda r: "✓" if r.reversed else "", CENTER),
)
PUBLISHED = (
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Receipt no."), lambda r: r.receipt_no),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Date"), lambda r: day(r.on_date), CENTER),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Donor"), lambda r: r.donor),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Amount (yuan)"), lambda r: yuan(r.amount_fen), RIGHT),
    Column(QT_TRANSLATE_NOOP("DonationsTab", "Intended use"), lambda r: r.intended_use),
)


class DonationDialog(FundDialog):
    def __init__(self, session, fund: FundRow, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("Record a donation · %1").replace("%1", f"{fund.code} {fund.name}"), parent)
        self.session, self.fund = session, fund
        self.key = new_key("donation")
        self.donor = QLineEdit(objectName="donor")
        self.kind = QComboBox(objectName="donorKind")
        fill_combo(self.kind, labels.choices(labels.DONOR_KINDS), keep=False)
        self.anonymous = QCheckBox(self.tr("Publish as anonymous"), objectName="anonymous")
        self.amount = money_edit("donationAmount")
        self.on_date = date_edit(session.ws.today())
        self.use = QLineEdit(objectName="intendedUse")
        self.form.addRow(self.tr("Donor"), self.donor)
        self.form.addRow(self.tr("Donor type"), self.kind)
        self.form.addRow("", self.anonymous)
        self.form.addRow(self.tr("Amount (yuan)"), self.amount)
        self.form.addRow(self.tr("Date"), self.on_date)
        self.form.addRow(self.tr("Intended use"), self.use)

    def check(self) -> str:
        if not self.donor.text().strip():
            return self.tr("Please enter the donor.")
        return "" if self.amount.text().strip() else self.tr("Please enter the amount.")

    def work(self) -> Callable[[], Any]:
        data = DonationInput(self.donor.text().strip(), combo_value(self.kind), fen_of(self.amount),
                             self.on_date.date().toPython(), self.use.text().strip(), self.anonymous.isChecked())
        ws, fund_id, key = self.session.ws, self.fund.id, self.key
        return lambda: donations.record(ws, fund_id, data, key)


class DonationsTab(Page):
    areas = frozenset({FUNDS})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.model: RowTableModel = RowTableModel(COLUMNS, CONTEXT, self)
        self.published: RowTableModel = RowTableModel(PUBLISHED, CONTEXT, self)
        self.fund = QComboBox(objectName="donationFund")
        self.fund.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.date_from, self.date_to = DateBound(), DateBound()
        self.date_from.setObjectName("search")
        self.new_button = QPushButton(self.tr("Record donation…"), objectName="newDonation",
                                      visible=session.may_change(Perm.POST_LEDGER))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.receipt_label = QLabel(objectName="lastReceipt")
        self.receipt_label.setStyleSheet("font-weight: bold;")
        self.table, self.published_view = table_view(self), table_view(self)
        self.table.setModel(self.model)
        self.published_view.setModel(self.published)
        self.dialog = None
        self._build()
        self.fund.currentIndexChanged.connect(self.show_fund)
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self.show_fund)
        self.new_button.clicked.connect(self.new)

    def _print_button(self) -> QWidget:
        """The donation receipt of the selected donation (reversed ones are refused by the service)."""
        from ..documents.preview_dialog import RECEIPT_KINDS, print_button

        def chosen() -> int | None:
            row = self.model.row_at(self.table.currentIndex())
            return row.id if row is not None else None

        button = print_button(self.session, RECEIPT_KINDS, chosen, self)
        button.setObjectName("printReceipt")
        button.setText(self.tr("Print receipt…"))
        return button

    def _build(self) -> None:
        top = QHBoxLayout()
        add_labelled(top, ((self.tr("Fund"), self.fund), (self.tr("From"), self.date_from),
                           (self.tr("To"), self.date_to)))
        top.addStretch(1)
        top.addWidget(self.receipt_label)
        top.addWidget(self.new_button)
        top.addWidget(self._print_button())
        box = QGroupBox(self.tr("For publication (anonymous donors shown as 匿名)"))
        QVBoxLayout(box).addWidget(self.published_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(box)
        split.setSizes([360, 220])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        set_widths(self.table, (11, 7, 12, 5, 4, 8, 14, 4))
        set_widths(self.published_view, (11, 7, 12, 8, 14))

    def reload(self) -> None:
        fill_combo(self.fund, fund_choices(self.session.ws))
        self.show_fund()

    def show_fund(self) -> None:
        fund_id, ws = combo_value(self.fund), self.session.ws
        f, t = self.date_from.value(), self.date_to.value()
        try:
            self.model.set_rows(donations.list_donations(ws, fund_id, f, t) if fund_id else [])
            self.published.set_rows(donations.publication(ws, fund_id, f, t) if fund_id else [])
        except DomainError as err:
            show_domain_error(self, err)

    def new(self):  # noqa: ANN201
        fund_id = combo_value(self.fund)
        if fund_id is None or not self.session.may_change(Perm.POST_LEDGER):
            return None
        self.dialog = DonationDialog(self.session, funds.get(self.session.ws, fund_id), self)
        self.dialog.done_with.connect(self._recorded)
        self.dialog.open()
        return self.dialog

    def _recorded(self, outcome) -> None:  # noqa: ANN001
        self.receipt_label.setText(self.tr("Receipt number: %1").replace("%1", outcome.value.receipt_no))
