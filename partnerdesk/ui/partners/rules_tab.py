"""Programme rules (administrators): which roles may take each lifecycle step, and the filing-number pattern."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.agreements import AgreementAction, rule_key
from ...domain.errors import DomainError
from ...domain.lifecycle import Action
from ...domain.roles import Role
from ...services import partner_lifecycle
from ...services.partners import PARTNERS
from .. import labels as common_labels
from ..operations import run_command
from ..pages.base import Page
from ..session import Session
from . import labels

AGREEMENT_STEPS = {  # English sources in the "RulesTab" context
    AgreementAction.APPROVE: QT_TRANSLATE_NOOP("RulesTab", "Approve an agreement"),
    AgreementAction.SIGN: QT_TRANSLATE_NOOP("RulesTab", "Sign an agreement"),
    AgreementAction.START: QT_TRANSLATE_NOOP("RulesTab", "Put an agreement in force"),
    AgreementAction.TERMINATE: QT_TRANSLATE_NOOP("RulesTab", "Terminate an agreement"),
    AgreementAction.EXPIRE: QT_TRANSLATE_NOOP("RulesTab", "Close an ended agreement as expired"),
}


class RulesTab(Page):
    areas = frozenset({PARTNERS})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.boxes: dict[tuple[str, str], QCheckBox] = {}
        self.pattern = QLineEdit(objectName="filing_pattern")
        self.sample = QLabel(objectName="filing_sample")
        self.save_rules_button = QPushButton(self.tr("Save step roles"))
        self.save_pattern_button = QPushButton(self.tr("Save pattern"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._rules_box())
        layout.addWidget(self._agreement_box())
        layout.addWidget(self._pattern_box())
        layout.addStretch(1)
        self.save_rules_button.clicked.connect(self.save_rules)
        self.save_pattern_button.clicked.connect(self.save_pattern)
        self.pattern.textChanged.connect(self._show_sample)

    def _rules_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Who may take each lifecycle step"))
        grid = QGridLayout(box)
        for col, role in enumerate(Role, start=1):
            grid.addWidget(QLabel(common_labels.role(role.value)), 0, col)
        for row, action in enumerate(Action, start=1):
            grid.addWidget(QLabel(labels.action(action.value)), row, 0)
            for col, role in enumerate(Role, start=1):
                check = QCheckBox(objectName=f"rule_{action.value}_{role.value}")
                self.boxes[(action.value, role.value)] = check
                grid.addWidget(check, row, col)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("The street review must still be done by someone other than the "
                                         "community reviewer."), wordWrap=True), 1)
        buttons.addWidget(self.save_rules_button)
        grid.addLayout(buttons, len(Action) + 1, 0, 1, len(Role) + 1)
        return box

    def _agreement_box(self) -> QGroupBox:
        """Agreement steps: the same table and the same save button (keys ``agreement_…``)."""
        box = QGroupBox(self.tr("Who may take each step of a space-use agreement"))
        grid = QGridLayout(box)
        for col, role in enumerate(Role, start=1):
            grid.addWidget(QLabel(common_labels.role(role.value)), 0, col)
        for row, (action, title) in enumerate(AGREEMENT_STEPS.items(), start=1):
            key = rule_key(action)
            grid.addWidget(QLabel(QCoreApplication.translate("RulesTab", title)), row, 0)
            for col, role in enumerate(Role, start=1):
                check = QCheckBox(objectName=f"rule_{key}_{role.value}")
                self.boxes[(key, role.value)] = check
                grid.addWidget(check, row, col)
        grid.addWidget(QLabel(self.tr("Saved with “Save step roles” above."), wordWrap=True),
                       len(AGREEMENT_STEPS) + 1, 0, 1, len(Role) + 1)
        return box

    def _pattern_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Filing number"))
        form = QFormLayout(box)
        form.addRow(self.tr("Pattern"), self.pattern)
        form.addRow(self.tr("Example"), self.sample)
        form.addRow(QLabel(self.tr("{street} is the street office, {year} the year of filing, {seq} the number "
                                   "within that street and year ({seq:03d} pads it to three digits)."),
                           wordWrap=True))
        form.addRow(self.save_pattern_button)
        return box

    def reload(self) -> None:
        ws = self.session.ws
        run_command(self, lambda: (partner_lifecycle.rules(ws), partner_lifecycle.filing_pattern(ws)),
                    on_done=self._show)

    def _show(self, result: tuple[dict[str, list[str]], str]) -> None:
        rules, pattern = result
        for (action, role), check in self.boxes.items():
            check.setChecked(role in rules.get(action, ()))
        self.pattern.setText(pattern)

    def _show_sample(self) -> None:
        try:
            text = partner_lifecycle.filing_sample(self.pattern.text())
        except DomainError:
            text = self.tr("(the pattern is not valid)")
        self.sample.setText(text)

    def save_rules(self) -> None:
        ws, chosen = self.session.ws, self._chosen()
        run_command(self, lambda: partner_lifecycle.set_rules(ws, chosen))  # one action, one commit

    def _chosen(self) -> dict[str, list[str]]:
        chosen: dict[str, list[str]] = {a.value: [] for a in Action}
        chosen.update({rule_key(a): [] for a in AGREEMENT_STEPS})
        for (action, role), check in self.boxes.items():
            if check.isChecked():
                chosen[action].append(role)
        return chosen

    def save_pattern(self) -> None:
        ws, pattern = self.session.ws, self.pattern.text()
        run_command(self, lambda: partner_lifecycle.set_filing_pattern(ws, pattern))
