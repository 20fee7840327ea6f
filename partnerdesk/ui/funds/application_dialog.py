"""A new project application (项目申报) or a change to a draft / returned one: applicant, title, the need it
answers (from the three lists), a category from the fund's allowed list, budget lines that must sum to the amount
requested (shown as they are typed), the fund. The service's refusals appear under the form."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import DomainError
from ...domain.money import fen_to_yuan
from ...services import applications, funds, three_lists
from ...services.applications import ApplicationInput, ApplicationRow
from ..partners import choices
from ..partners.widgets import combo_value, fill_combo, select_value
from . import labels
from .widgets import FundDialog, fen_of, fund_choices, money_edit, yuan


class BudgetLine(QWidget):
    removed = Signal(object)
    changed = Signal()

    def __init__(self, item: str = "", amount: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = QLineEdit(item, objectName="budgetItem")
        self.item.setPlaceholderText(self.tr("Item"))
        self.amount = money_edit("budgetAmount")
        self.amount.setText(amount)
        self.remove = QPushButton(self.tr("Remove"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.item, 3)
        row.addWidget(self.amount, 1)
        row.addWidget(self.remove)
        self.amount.textChanged.connect(self.changed)
        self.remove.clicked.connect(lambda: self.removed.emit(self))

    def value(self) -> tuple[str, int] | None:
        if not self.item.text().strip() and not self.amount.text().strip():
            return None
        return self.item.text().strip(), fen_of(self.amount)


class BudgetEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[BudgetLine] = []
        self._lines = QVBoxLayout()
        self.add_button = QPushButton(self.tr("Add a budget line"), objectName="addBudgetLine")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._lines)
        layout.addWidget(self.add_button)
        self.add_button.clicked.connect(lambda: self.add().item.setFocus())

    def add(self, item: str = "", amount: str = "") -> BudgetLine:
        line = BudgetLine(item, amount, self)
        line.removed.connect(self._remove)
        line.changed.connect(self.changed)
        self.lines.append(line)
        self._lines.addWidget(line)
        self.changed.emit()
        return line

    def _remove(self, line: BudgetLine) -> None:
        self.lines.remove(line)
        line.deleteLater()
        self.changed.emit()

    def values(self) -> tuple[tuple[str, int], ...]:
        return tuple(v for v in (line.value() for line in self.lines) if v is not None)

    def total(self) -> int:
        total = 0
        for line in self.lines:
            try:
                total += fen_of(line.amount)
            except DomainError:
                pass
        return total


class ApplicationDialog(FundDialog):
    def __init__(self, session, row: ApplicationRow | None = None, parent: QWidget | None = None,  # noqa: ANN001
                 fund_id: int | None = None) -> None:
        super().__init__(self.tr("New project application") if row is None
                         else self.tr("Change application: %1").replace("%1", row.title), parent)
        self.session, self.row = session, row
        ws = session.ws
        self.fund = QComboBox(objectName="appFund")
        fill_combo(self.fund, fund_choices(ws), keep=False)
        self.applicant_kind = QComboBox(objectName="applicantKind")
        fill_combo(self.applicant_kind, labels.choices(labels.APPLICANT_KINDS), keep=False)
        self.applicant = QComboBox(objectName="applicant")
        self.applicant_name = QLineEdit(objectName="applicantName")
        self.title_edit = QLineEdit(objectName="appTitle")
        self.need = QComboBox(objectName="appNeed")
        self.category = QComboBox(objectName="appCategory")
        self.amount = money_edit("appAmount")
        self.budget = BudgetEditor()
        self.budget_sum = QLabel(objectName="budgetSum")
        self.description = QPlainTextEdit(objectName="appDescription")
        self.description.setTabChangesFocus(True)
        self.description.setMaximumHeight(80)
        for caption, widget in ((self.tr("Fund"), self.fund), (self.tr("Applicant is"), self.applicant_kind),
                                (self.tr("Applicant"), self.applicant), (self.tr("Name"), self.applicant_name),
                                (self.tr("Project title"), self.title_edit),
                                (self.tr("Need it answers"), self.need), (self.tr("Category"), self.category),
                                (self.tr("Amount requested (yuan)"), self.amount), (self.tr("Budget"), self.budget),
                                ("", self.budget_sum), (self.tr("Description"), self.description)):
            self.form.addRow(caption, widget)
        self.fund.currentIndexChanged.connect(self._fund_changed)
        self.applicant_kind.currentIndexChanged.connect(self._kind_changed)
        self.amount.textChanged.connect(self.show_sum)
        self.budget.changed.connect(self.show_sum)
        if row is not None:
            self._load(row)
        else:
            select_value(self.fund, fund_id)
            self._fund_changed()
            self._kind_changed()
            self.budget.add()
        self.show_sum()
        self.resize(680, self.sizeHint().height())

    # -- choices ----------------------------------------------------------------------------------------
    def _fund_changed(self) -> None:
        ws, fund_id = self.session.ws, combo_value(self.fund)
        allowed: tuple[str, ...] = ()
        needs: list[tuple[int, str]] = []
        if fund_id is not None:
            try:
                allowed = applications.use_rule(ws, fund_id).allowed
                unit = funds.get(ws, fund_id).unit_id
                community = unit if unit in dict(choices.communities(ws, own_only=False)) else None
                needs = [(n.id, n.title) for n in three_lists.list_of(ws, "need", community)]
            except DomainError:
                pass
        fill_combo(self.category, [(c, c) for c in allowed],
                   None if allowed else self.tr("(the fund has no allowed uses yet)"))
        fill_combo(self.need, needs, self.tr("(none)"))

    def _kind_changed(self) -> None:
        ws, kind = self.session.ws, combo_value(self.applicant_kind)
        if kind == "community":
            fill_combo(self.applicant, choices.communities(ws), keep=False)
        elif kind == "partner":
            fill_combo(self.applicant, choices.duty_partners(ws, None), keep=False)
        self.form.setRowVisible(self.applicant, kind != "resident_group")
        self.form.setRowVisible(self.applicant_name, kind == "resident_group")

    def show_sum(self) -> None:
        try:
            amount = fen_of(self.amount)
        except DomainError:
            amount = 0
        total = self.budget.total()
        text = self.tr("Budget total %1 of %2 yuan requested").replace("%1", yuan(total)).replace("%2", yuan(amount))
        self.budget_sum.setText(text)
        self.budget_sum.setStyleSheet("" if total == amount and total else "color: #b3261e;")

    def _load(self, row: ApplicationRow) -> None:
        select_value(self.fund, row.fund_id)
        self.fund.setEnabled(False)
        self._fund_changed()
        select_value(self.applicant_kind, row.applicant_kind)
        self._kind_changed()
        if row.applicant_kind == "resident_group":
            self.applicant_name.setText(row.applicant_name)
        else:
            select_value(self.applicant, row.applicant_id)
        self.title_edit.setText(row.title)
        select_value(self.need, row.need_id)
        if self.category.findData(row.category) < 0:
            self.category.addItem(row.category, row.category)
        select_value(self.category, row.category)
        self.amount.setText(str(fen_to_yuan(row.amount_fen)))
        for b in row.budget:
            self.budget.add(b.item, str(fen_to_yuan(b.amount_fen)))
        self.description.setPlainText(row.description)

    # -- saving ----------------------------------------------------------------------------------------------
    def check(self) -> str:
        if combo_value(self.fund) is None:
            return self.tr("Choose the fund.")
        if not self.title_edit.text().strip():
            return self.tr("Please enter the project title.")
        if self.budget.total() != fen_of(self.amount):
            return self.tr("The budget lines must add up to the amount requested.")
        return ""

    def value(self) -> ApplicationInput:
        kind = combo_value(self.applicant_kind)
        group = kind == "resident_group"
        return ApplicationInput(
            combo_value(self.fund), kind, self.applicant_name.text().strip() if group else "",
            self.title_edit.text().strip(), combo_value(self.category) or "", fen_of(self.amount),
            self.budget.values(), applicant_id=None if group else combo_value(self.applicant),
            need_id=combo_value(self.need), description=self.description.toPlainText().strip())

    def work(self) -> Callable[[], Any]:
        data, ws, row = self.value(), self.session.ws, self.row
        if row is None:
            return lambda: applications.create_draft(ws, data)
        return lambda: applications.update_draft(ws, row.id, row.version, data)
