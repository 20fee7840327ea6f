"""A fund's use rules (allowed list and negative list, one per line) and the approval tiers: scope (any fund, a kind
of fund or one fund), amount band in yuan (empty maximum = no limit) and the ordered steps with the role of each."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.applications import Step, Tier
from ...domain.errors import DomainError
from ...domain.money import fen_to_yuan
from ...domain.roles import Perm
from ...services import applications
from ..partners.widgets import combo_value, fill_combo, select_value
from . import labels
from .widgets import FundDialog, explain, fen_of, fund_choices, money_edit


def _lines(edit: QPlainTextEdit) -> list[str]:
    return [x.strip() for x in edit.toPlainText().splitlines() if x.strip()]


class UseRuleDialog(FundDialog):
    def __init__(self, session, fund_id: int | None, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("Use rules of a fund"), parent,
                         self.tr("Applications may ask only for a category on the allowed list; the negative list "
                                 "wins. One category per line."))
        self.session = session
        self.fund = QComboBox(objectName="ruleFund")
        fill_combo(self.fund, fund_choices(session.ws), keep=False)
        select_value(self.fund, fund_id)
        self.allowed, self.denied = QPlainTextEdit(objectName="allowed"), QPlainTextEdit(objectName="denied")
        for edit in (self.allowed, self.denied):
            edit.setTabChangesFocus(True)
        self.form.addRow(self.tr("Fund"), self.fund)
        self.form.addRow(self.tr("Allowed uses"), self.allowed)
        self.form.addRow(self.tr("Negative list"), self.denied)
        self.fund.currentIndexChanged.connect(self._load)
        self._load()

    def _load(self) -> None:
        fund_id = combo_value(self.fund)
        if fund_id is None:
            return
        rule = applications.use_rule(self.session.ws, fund_id)
        self.allowed.setPlainText("\n".join(rule.allowed))
        self.denied.setPlainText("\n".join(rule.denied))

    def work(self) -> Callable[[], Any]:
        ws, fund_id, allowed, denied = self.session.ws, combo_value(self.fund), _lines(self.allowed), _lines(self.denied)
        return lambda: applications.set_use_rule(ws, fund_id, allowed, denied)


class StepRow(QWidget):
    removed = Signal(object)

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role = QComboBox(objectName="stepRole")
        fill_combo(self.role, labels.choices(labels.ROLES), keep=False)
        select_value(self.role, step.role)
        self.label = QLineEdit(step.label, objectName="stepLabel")
        self.label.setPlaceholderText(self.tr("e.g. street approval"))
        self.remove = QPushButton(self.tr("Remove step"))
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 0, 0, 0)
        row.addWidget(self.role)
        row.addWidget(self.label, 1)
        row.addWidget(self.remove)
        self.remove.clicked.connect(lambda: self.removed.emit(self))

    def value(self) -> Step:
        return Step(combo_value(self.role), self.label.text().strip())


class TierBox(QFrame):
    removed = Signal(object)

    def __init__(self, tier: Tier, scopes: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.name = QLineEdit(tier.name, objectName="tierName")
        self.scope = QComboBox(objectName="tierScope")
        fill_combo(self.scope, scopes, keep=False)
        select_value(self.scope, f"fund:{tier.fund_id}" if tier.fund_id else f"kind:{tier.fund_kind}")
        self.low = money_edit("tierMin")
        self.low.setText(str(fen_to_yuan(tier.min_fen)))
        self.high = money_edit("tierMax", self.tr("no limit"))
        self.high.setText("" if tier.max_fen is None else str(fen_to_yuan(tier.max_fen)))
        self.steps: list[StepRow] = []
        self._steps = QVBoxLayout()
        self.add_step_button = QPushButton(self.tr("Add a step"), objectName="addStep")
        self.remove = QPushButton(self.tr("Remove tier"))
        head = QHBoxLayout()
        for caption, widget in ((self.tr("Name"), self.name), (self.tr("Applies to"), self.scope),
                                (self.tr("From (yuan)"), self.low), (self.tr("To (yuan)"), self.high)):
            head.addWidget(QLabel(caption))
            head.addWidget(widget)
        head.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(self._steps)
        foot = QHBoxLayout()
        foot.addStretch(1)
        foot.addWidget(self.add_step_button)
        layout.addLayout(foot)
        for step in tier.steps:
            self.add_step(step)
        self.add_step_button.clicked.connect(lambda: self.add_step(Step("approver", "")))
        self.remove.clicked.connect(lambda: self.removed.emit(self))

    def add_step(self, step: Step) -> StepRow:
        row = StepRow(step, self)
        row.removed.connect(self._remove_step)
        self.steps.append(row)
        self._steps.addWidget(row)
        return row

    def _remove_step(self, row: StepRow) -> None:
        self.steps.remove(row)
        row.deleteLater()

    def value(self) -> Tier:
        scope = combo_value(self.scope) or "kind:"
        fund_id = int(scope[5:]) if scope.startswith("fund:") else None
        kind = scope[5:] if scope.startswith("kind:") else ""
        high = None if not self.high.text().strip() else fen_of(self.high)
        return Tier(fen_of(self.low), high, tuple(r.value() for r in self.steps), kind, fund_id,
                    self.name.text().strip())


class TiersDialog(FundDialog):
    """The whole tier table, replaced at once (administrators; approvers read it)."""

    def __init__(self, session, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(self.tr("Approval tiers"), parent,
                         self.tr("Each application is approved by the steps of the tier whose band holds its amount: "
                                 "the tier of its fund, else of its kind of fund, else of any fund. Steps are taken "
                                 "in order, each by a user with the step's role."))
        self.session = session
        ws = session.ws
        self.scopes = [("kind:", self.tr("Any fund"))] + [
            (f"kind:{k}", labels.fund_kind(k)) for k in labels.FUND_KINDS] + [
            (f"fund:{fid}", name) for fid, name in fund_choices(ws)]
        self.tiers: list[TierBox] = []
        self._tiers = QVBoxLayout()
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.addLayout(self._tiers)
        box.addStretch(1)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(inner)
        self.add_tier_button = QPushButton(self.tr("Add a tier"), objectName="addTier")
        group = QGroupBox(self.tr("Tiers"))
        gl = QVBoxLayout(group)
        gl.addWidget(scroll)
        gl.addWidget(self.add_tier_button)
        self.form.addRow(group)
        try:
            for tier in applications.tiers(ws):
                self.add_tier(tier)
        except DomainError as err:
            self.error.show_text(explain(err))
        self.add_tier_button.clicked.connect(
            lambda: self.add_tier(Tier(0, None, (Step("approver", ""),), "", None, "")))
        editable = session.may_change(Perm.MANAGE_SETTINGS)
        self.ok_button().setEnabled(editable)
        self.add_tier_button.setEnabled(editable)
        self.resize(920, 620)

    def add_tier(self, tier: Tier) -> TierBox:
        box = TierBox(tier, self.scopes, self)
        box.removed.connect(self._remove_tier)
        self.tiers.append(box)
        self._tiers.addWidget(box)
        return box

    def _remove_tier(self, box: TierBox) -> None:
        self.tiers.remove(box)
        box.deleteLater()

    def work(self) -> Callable[[], Any]:
        ws, tiers = self.session.ws, [t.value() for t in self.tiers]
        return lambda: applications.set_tiers(ws, tiers)
