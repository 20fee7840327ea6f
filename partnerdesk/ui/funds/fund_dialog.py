"""A new fund: the community fund pool, a social enterprise's custodial ledger (the enterprise chosen) or a
community micro-fund (host, committee with roles, unpaid). The service's governance refusals (at least five
members, an odd number, a supervisor…) are shown under the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.ledger import FundKind, Member
from ...services import funds
from ..partners import choices
from ..partners.widgets import combo_value, fill_combo, select_value
from . import labels
from .widgets import FundDialog


class MemberRow(QWidget):
    removed = Signal(object)

    def __init__(self, name: str = "", role: str = "member", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(name, objectName="memberName")
        self.name.setPlaceholderText(self.tr("Name"))
        self.role = QComboBox(objectName="memberRole")
        fill_combo(self.role, labels.choices(labels.MEMBER_ROLES), keep=False)
        select_value(self.role, role)
        self.unpaid = QCheckBox(self.tr("Unpaid"), objectName="memberUnpaid", checked=True)
        self.remove = QPushButton(self.tr("Remove"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 1)
        row.addWidget(self.role)
        row.addWidget(self.unpaid)
        row.addWidget(self.remove)
        self.role.currentIndexChanged.connect(lambda: self.unpaid.setEnabled(combo_value(self.role) != "supervisor"))
        self.remove.clicked.connect(lambda: self.removed.emit(self))


class CommitteeEditor(QGroupBox):
    """The micro-fund's management committee and supervisors, one row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Management committee and supervisors"))
        self.rows: list[MemberRow] = []
        self._rows = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add a person"), objectName="addMember")
        layout = QVBoxLayout(self)
        layout.addLayout(self._rows)
        layout.addWidget(self.add_button)
        self.add_button.clicked.connect(lambda: self.add().name.setFocus())

    def add(self, name: str = "", role: str = "member", unpaid: bool = True) -> MemberRow:
        row = MemberRow(name, role, self)
        row.unpaid.setChecked(unpaid)
        row.removed.connect(self._remove)
        self.rows.append(row)
        self._rows.addWidget(row)
        return row

    def _remove(self, row: MemberRow) -> None:
        self.rows.remove(row)
        row.deleteLater()

    def committee(self) -> tuple[Member, ...]:
        return tuple(Member(r.name.text().strip(), paid=not r.unpaid.isChecked()) for r in self.rows
                     if combo_value(r.role) != "supervisor")

    def supervisors(self) -> tuple[str, ...]:
        return tuple(r.name.text().strip() for r in self.rows if combo_value(r.role) == "supervisor")


class NewFundDialog(FundDialog):
    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("New fund"), parent)
        self.session = session
        ws = session.ws
        self.code, self.name = QLineEdit(objectName="fundCode"), QLineEdit(objectName="fundName")
        self.code.setPlaceholderText(self.tr("e.g. POOL-XF"))
        self.kind = QComboBox(objectName="fundKind")
        fill_combo(self.kind, labels.choices(labels.FUND_KINDS), keep=False)
        self.unit = QComboBox(objectName="fundUnit")
        fill_combo(self.unit, choices.issuers(ws), keep=False)
        self.partner = QComboBox(objectName="fundPartner")
        self.partner.setEditable(True)
        self.partner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.host = QLineEdit(objectName="fundHost")
        self.host.setPlaceholderText(self.tr("e.g. the district charity federation"))
        self.purpose = QLineEdit(objectName="fundPurpose")
        self.committee = CommitteeEditor()
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Code"), self.code)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Belongs to"), self.unit)
        self.form.addRow(self.tr("Social enterprise"), self.partner)
        self.form.addRow(self.tr("Host (charity federation)"), self.host)
        self.form.addRow(self.tr("Purpose"), self.purpose)
        self.form.addRow(self.committee)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        self._unit_changed()
        self._kind_changed()

    def _unit_changed(self) -> None:
        fill_combo(self.partner, choices.duty_partners(self.session.ws, combo_value(self.unit)),
                   self.tr("Choose the social enterprise…"))

    def _kind_changed(self) -> None:
        kind = combo_value(self.kind)
        self.form.setRowVisible(self.partner, kind == FundKind.SE_LEDGER.value)
        micro = kind == FundKind.MICRO.value
        self.form.setRowVisible(self.host, micro)
        self.form.setRowVisible(self.committee, micro)
        if micro and not self.committee.rows:
            self.committee.add(role="chair")
        self.adjustSize()

    def check(self) -> str:
        if not self.code.text().strip() or not self.name.text().strip():
            return self.tr("Please enter the fund's code and name.")
        if combo_value(self.kind) == FundKind.SE_LEDGER.value and combo_value(self.partner) is None:
            return self.tr("Choose the social enterprise whose books these are.")
        return ""

    def work(self) -> Callable[[], Any]:
        kind = combo_value(self.kind)
        micro, se = kind == FundKind.MICRO.value, kind == FundKind.SE_LEDGER.value
        data = funds.FundInput(self.code.text().strip(), self.name.text().strip(), kind, combo_value(self.unit),
                               partner_id=combo_value(self.partner) if se else None,
                               host=self.host.text().strip() if micro else "", purpose=self.purpose.text().strip(),
                               committee=self.committee.committee() if micro else (),
                               supervisors=self.committee.supervisors() if micro else ())
        ws = self.session.ws
        return lambda: funds.create(ws, data)
