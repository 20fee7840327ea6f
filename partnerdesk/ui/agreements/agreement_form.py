"""Every term of a space-use agreement as a form (tabs), used to edit a draft and to show a signed one.

Money is typed in yuan and becomes integer fen through Decimal; percentages become basis points the same way.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from ...domain import agreements as rules
from ...domain.errors import DomainError
from ...domain.money import fen_to_yuan, yuan_to_fen
from ...services import agreement_queries as aq
from ...services.agreements import AgreementInput, AgreementRow
from ..partners import choices
from ..partners.widgets import combo_value, date_edit, fill_combo, select_value
from . import labels
from .list_model import area
from .slots_editor import SlotsEditor

MONEY = QRegularExpression(r"^\d{0,9}([.]\d{0,2})?$")
PERCENT = QRegularExpression(r"^\d{0,3}([.]\d{0,2})?$")


def bp_of(text: str) -> int:
    """"12.5" (percent) -> 1250 basis points, exactly."""
    try:
        value = Decimal(text.strip() or "0")
    except InvalidOperation:
        raise DomainError("agreement.bad_percent", percent=text) from None
    rules.check_percent_bp(int(value * 100))
    return int(value * 100)


def percent_of(bp: int) -> str:
    return f"{Decimal(bp) / 100:.2f}"


def _multiline(name: str, height: int = 54) -> QPlainTextEdit:
    edit = QPlainTextEdit(objectName=name)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    edit.setMaximumHeight(height * 2)
    return edit


def _searchable(combo: QComboBox) -> QComboBox:
    """Type part of a name to find it among hundreds (contains-match completer)."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
    combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return combo


class AgreementForm(QTabWidget):
    """``changed`` when the space (shared or not) or the mode changes what the form offers."""

    changed = Signal()

    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.session = session
        self._spaces: dict[int, aq.SpaceListRow] = {}
        self._make_widgets()
        self.addTab(self._parties_page(), self.tr("Parties and term"))
        self.addTab(self._money_page(), self.tr("Mode and money"))
        self.addTab(self._services_page(), self.tr("Public-benefit services"))
        self.addTab(self._terms_page(), self.tr("Duties and termination"))
        self.addTab(self.slots, self.tr("Time slots"))
        self.community.currentIndexChanged.connect(self._community_changed)
        self.space.currentIndexChanged.connect(self._space_changed)
        self.mode.currentIndexChanged.connect(self._mode_changed)
        self.pool_share.textChanged.connect(self._show_split)
        self.revenue_share.textChanged.connect(self._show_split)

    # -- building -------------------------------------------------------------------------------------------
    def _make_widgets(self) -> None:
        self.community = QComboBox(objectName="community")
        self.partner = _searchable(QComboBox(objectName="partner"))
        self.space = _searchable(QComboBox(objectName="space"))
        self.start, self.end = date_edit(), date_edit()
        self.start.setObjectName("start")
        self.end.setObjectName("end")
        self.permitted_use = _multiline("permitted_use")
        self.renewal_rule = QLineEdit(objectName="renewal_rule")
        self.signatories = QLineEdit(objectName="signatories")
        self.mode = QComboBox(objectName="mode")
        fill_combo(self.mode, labels.choices(labels.MODES), keep=False)
        select_value(self.mode, rules.Mode.SPACE_FOR_SERVICES.value)
        self.rent, self.deposit = QLineEdit(objectName="rent"), QLineEdit(objectName="deposit")
        for edit in (self.rent, self.deposit):
            edit.setValidator(QRegularExpressionValidator(MONEY, edit))
            edit.setPlaceholderText("0.00")
        self.utilities_payer, self.property_fee_payer = QComboBox(objectName="utilities"), QComboBox(objectName="fees")
        for combo in (self.utilities_payer, self.property_fee_payer):
            fill_combo(combo, labels.choices(labels.PAYERS), keep=False)
        self.revenue_share, self.pool_share = QLineEdit(objectName="revenue_share"), QLineEdit(objectName="pool_share")
        for edit in (self.revenue_share, self.pool_share):
            edit.setValidator(QRegularExpressionValidator(PERCENT, edit))
        self.revenue_share.setText("0.00")
        self.pool_share.setText(percent_of(rules.DEFAULT_POOL_BP))
        self.split = QLabel(objectName="fundSplit", wordWrap=True)
        self.sessions = QSpinBox(objectName="sessions", maximum=10_000)
        self.hours = QSpinBox(objectName="hours", maximum=10_000)
        self.target_groups = QLineEdit(objectName="target_groups")
        self.target_groups.setPlaceholderText(self.tr("e.g. residents over 60, over 80, children"))
        self.discounts, self.price_list = _multiline("discounts"), _multiline("price_list")
        self.discounts.setPlaceholderText(self.tr("e.g. 60+ 30% off, 80+ free, 10-yuan meals"))
        self.duties, self.prohibited = _multiline("duties"), _multiline("prohibited")
        self.termination_terms = _multiline("termination_terms")
        self.slots = SlotsEditor()

    def _parties_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Community"), self.community)
        form.addRow(self.tr("Partner"), self.partner)
        form.addRow(self.tr("Space"), self.space)
        form.addRow(self.tr("Starts on"), self.start)
        form.addRow(self.tr("Ends on"), self.end)
        form.addRow(self.tr("Permitted use"), self.permitted_use)
        form.addRow(self.tr("Renewal rule"), self.renewal_rule)
        form.addRow(self.tr("Signatories"), self.signatories)
        return page

    def _money_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Mode of use"), self.mode)
        form.addRow(self.tr("Rent (yuan per month)"), self.rent)
        form.addRow(self.tr("Deposit (yuan)"), self.deposit)
        form.addRow(self.tr("Utilities paid by"), self.utilities_payer)
        form.addRow(self.tr("Property fees paid by"), self.property_fee_payer)
        form.addRow(self.tr("Revenue feedback (% of revenue)"), self.revenue_share)
        form.addRow(self.tr("Of which to the community fund pool (%)"), self.pool_share)
        form.addRow("", self.split)
        return page

    def _services_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Committed sessions per month"), self.sessions)
        form.addRow(self.tr("Committed hours per month"), self.hours)
        form.addRow(self.tr("Target groups"), self.target_groups)
        form.addRow(self.tr("Discounts"), self.discounts)
        form.addRow(self.tr("Published price list"), self.price_list)
        return page

    def _terms_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(self.tr("Maintenance and safety duties"), self.duties)
        form.addRow(self.tr("Prohibited uses"), self.prohibited)
        form.addRow(self.tr("Termination and hand-back"), self.termination_terms)
        return page

    # -- choices --------------------------------------------------------------------------------------------
    def load_choices(self, community_id: int | None) -> None:
        ws = self.session.ws
        fill_combo(self.community, choices.communities(ws), self.tr("All communities"), keep=False)
        select_value(self.community, community_id)
        self._community_changed()

    def _community_changed(self) -> None:
        ws, community_id = self.session.ws, combo_value(self.community)
        fill_combo(self.partner, choices.duty_partners(ws, community_id), self.tr("Choose a partner…"))
        rows = aq.space_choices(ws, community_id)
        self._spaces = {r.id: r for r in rows}
        fill_combo(self.space, [(r.id, self._space_label(r)) for r in rows], self.tr("Choose a space…"))
        self._space_changed()

    def _space_label(self, r: aq.SpaceListRow) -> str:
        shared = self.tr(", shared by slot") if r.shared_by_slot else ""
        return f"{r.name}（{r.community_name}，{area(r.area_centi_m2)} m²{shared}）"

    def _space_changed(self) -> None:
        row = self._spaces.get(combo_value(self.space))
        self.slots.set_shared(bool(row and row.shared_by_slot))
        self.changed.emit()

    def _mode_changed(self) -> None:
        self.rent.setEnabled(combo_value(self.mode) == rules.Mode.LOW_RENT.value and not self._read_only)
        self.changed.emit()

    def _show_split(self) -> None:
        try:
            pool = bp_of(self.pool_share.text())
        except DomainError:
            self.split.setText(self.tr("The pool share must be 0–100%."))
            return
        self.split.setText(self.tr("Of the revenue feedback: %1% to the community fund pool, %2% to the "
                                   "social-enterprise ledger.").replace("%1", percent_of(pool))
                           .replace("%2", percent_of(10_000 - pool)))

    # -- values ---------------------------------------------------------------------------------------------
    _read_only = False

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        for widget in (self.community, self.partner, self.space, self.start, self.end, self.mode,
                       self.utilities_payer, self.property_fee_payer, self.sessions, self.hours, self.slots):
            widget.setEnabled(not read_only)
        for edit in (self.renewal_rule, self.signatories, self.rent, self.deposit, self.revenue_share,
                     self.pool_share, self.target_groups, self.permitted_use, self.discounts, self.price_list,
                     self.duties, self.prohibited, self.termination_terms):
            edit.setReadOnly(read_only)
        self._mode_changed()

    def set_row(self, row: AgreementRow, names: aq.AgreementListRow | None) -> None:
        """Show an agreement's terms (its partner and space are offered even if no longer among the choices)."""
        d = row.data
        community_id = names.community_id if names else None
        self.load_choices(community_id)
        if names and self.partner.findData(d.partner_id) < 0:
            self.partner.addItem(names.partner_name, d.partner_id)
        if names and self.space.findData(d.space_id) < 0:
            self.space.addItem(names.space_name, d.space_id)
        select_value(self.partner, d.partner_id)
        select_value(self.space, d.space_id)
        self.start.setDate(d.start_date)
        self.end.setDate(d.end_date)
        select_value(self.mode, d.mode)
        self.rent.setText(str(fen_to_yuan(d.rent_fen)))
        self.deposit.setText(str(fen_to_yuan(d.deposit_fen)))
        select_value(self.utilities_payer, d.utilities_payer)
        select_value(self.property_fee_payer, d.property_fee_payer)
        self.revenue_share.setText(percent_of(d.revenue_share_bp))
        self.pool_share.setText(percent_of(d.pool_share_bp))
        self.sessions.setValue(d.committed_sessions)
        self.hours.setValue(d.committed_hours)
        for edit, text in ((self.renewal_rule, d.renewal_rule), (self.signatories, d.signatories),
                           (self.target_groups, d.target_groups)):
            edit.setText(text)
        for edit, text in ((self.permitted_use, d.permitted_use), (self.discounts, d.discounts),
                           (self.price_list, d.price_list), (self.duties, d.duties), (self.prohibited, d.prohibited),
                           (self.termination_terms, d.termination_terms)):
            edit.setPlainText(text)
        self.slots.set_slots(d.slots)
        self._space_changed()
        self._show_split()

    def missing(self) -> tuple[QWidget, str] | None:
        """The first obvious gap (a field and what to say); the service checks everything again."""
        if combo_value(self.partner) is None:
            return self.partner, self.tr("Choose the partner.")
        if combo_value(self.space) is None:
            return self.space, self.tr("Choose the space.")
        if self.end.date() < self.start.date():
            return self.end, self.tr("The term ends before it starts.")
        return None

    def value(self) -> AgreementInput:
        """The terms as the service takes them (raises DomainError for an amount or percentage it cannot read)."""
        mode = combo_value(self.mode)
        return AgreementInput(
            partner_id=combo_value(self.partner), space_id=combo_value(self.space),
            start_date=self.start.date().toPython(), end_date=self.end.date().toPython(), mode=mode,
            permitted_use=self.permitted_use.toPlainText().strip(), renewal_rule=self.renewal_rule.text().strip(),
            rent_fen=yuan_to_fen(self.rent.text() or "0") if mode == rules.Mode.LOW_RENT.value else 0,
            deposit_fen=yuan_to_fen(self.deposit.text() or "0"),
            utilities_payer=combo_value(self.utilities_payer), property_fee_payer=combo_value(self.property_fee_payer),
            committed_sessions=self.sessions.value(), committed_hours=self.hours.value(),
            target_groups=self.target_groups.text().strip(), discounts=self.discounts.toPlainText().strip(),
            price_list=self.price_list.toPlainText().strip(), revenue_share_bp=bp_of(self.revenue_share.text()),
            pool_share_bp=bp_of(self.pool_share.text()), duties=self.duties.toPlainText().strip(),
            prohibited=self.prohibited.toPlainText().strip(),
            termination_terms=self.termination_terms.toPlainText().strip(), signatories=self.signatories.text().strip(),
            slots=self.slots.slots())
