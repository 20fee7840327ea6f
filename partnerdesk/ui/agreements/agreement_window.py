"""An agreement's own window: every term, the steps the user may take now, supplements, renewal, timeline and
delivery against commitments. A signed agreement is read-only: it changes by a supplement or a renewal."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from ...domain.agreements import AgreementState
from ...domain.roles import Perm
from ...services import agreement_queries as aq
from ...services import agreements
from ...services.agreements import AGREEMENTS, AgreementRow
from ..formatting import day, local_time
from ..models.table import Column, RowTableModel
from ..operations import run_command
from ..partners.widgets import set_widths, table_view
from ..session import Session
from . import labels
from .agreement_form import AgreementForm
from .delivery_view import DeliveryView
from .step_dialogs import RenewDialog, StepDialog, SupplementDialog

CONTEXT = "AgreementWindow"
BANNER_STYLE = "background: #fdecea; color: #8c1d18; padding: 6px; border-radius: 3px;"


@dataclass(frozen=True)
class AgreementRecord:
    row: AgreementRow
    names: aq.AgreementListRow | None
    allowed: tuple[str, ...]
    supplements: tuple[aq.SupplementRow, ...]
    events: tuple[aq.AgreementEventRow, ...]


def load(ws, agreement_id: int, window_days: int) -> AgreementRecord:  # noqa: ANN001
    return AgreementRecord(agreements.get(ws, agreement_id), aq.agreement_row(ws, agreement_id, window_days),
                           tuple(agreements.allowed(ws, agreement_id)), tuple(aq.supplements(ws, agreement_id)),
                           tuple(aq.events(ws, agreement_id)))


def _states(e: aq.AgreementEventRow) -> str:
    return f"{labels.state(e.from_state)} → {labels.state(e.to_state)}" if e.from_state else labels.state(e.to_state)


EVENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("AgreementWindow", "When"), lambda e: local_time(e.at)[:16]),
    Column(QT_TRANSLATE_NOOP("AgreementWindow", "Dated"), lambda e: day(e.on_date)),
    Column(QT_TRANSLATE_NOOP("AgreementWindow", "Who"), lambda e: e.username),
    Column(QT_TRANSLATE_NOOP("AgreementWindow", "Step"), lambda e: labels.action(e.action)),
    Column(QT_TRANSLATE_NOOP("AgreementWindow", "State"), _states),
    Column(QT_TRANSLATE_NOOP("AgreementWindow", "Opinion"), lambda e: e.opinion, tooltip=lambda e: e.opinion),
)
SUPPLEMENT_COLUMNS = (
    Column(QT_TRANSLATE_NOOP("AgreementWindow", "No."), lambda s: str(s.seq)),
    Column(QT_TRANSLATE_NOOP("AgreementWindow", "Signed on"), lambda s: day(s.signed_on)),
    Column(QT_TRANSLATE_NOOP("AgreementWindow", "Text"), lambda s: s.text, tooltip=lambda s: s.text),
    Column(QT_TRANSLATE_NOOP("AgreementWindow", "Recorded by"), lambda s: s.created_by),
)


class AgreementWindow(QDialog):
    def __init__(self, session: Session, agreement_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session, self.agreement_id = session, agreement_id
        self.record: AgreementRecord | None = None
        self.title = QLabel(objectName="pageTitle")
        self.state = QLabel(objectName="agreementState")
        self.parties = QLabel(objectName="agreementParties", wordWrap=True)
        self.banner = QLabel(objectName="lockedBanner", wordWrap=True, visible=False)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.edit_button = QPushButton(self.tr("Change draft…"), objectName="editDraft")
        self.supplement_button = QPushButton(self.tr("Add supplement…"), objectName="addSupplement")
        self.renew_button = QPushButton(self.tr("Renew…"), objectName="renew")
        self.steps_row = QHBoxLayout()
        self.step_buttons: dict[str, QPushButton] = {}
        self.form = AgreementForm(session)
        self.form.set_read_only(True)
        self.supplements = RowTableModel(SUPPLEMENT_COLUMNS, CONTEXT, self)
        self.events = RowTableModel(EVENT_COLUMNS, CONTEXT, self)
        self.delivery = DeliveryView(session)
        self.tabs = QTabWidget()
        self._layout()
        self.edit_button.clicked.connect(self.edit)
        self.supplement_button.clicked.connect(self.add_supplement)
        self.renew_button.clicked.connect(self.renew)
        session.bus.data_changed.connect(self.on_changes)
        self.resize(980, 680)
        self.reload()

    def _print_button(self) -> QWidget:
        from ..documents.preview_dialog import print_button

        return print_button(self.session, (("space_agreement", ""),), lambda: self.agreement_id, self)

    def _layout(self) -> None:
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addWidget(self.state)
        head.addStretch(1)
        head.addWidget(self._print_button())
        head.addWidget(self.edit_button)
        actions = QHBoxLayout()
        actions.addWidget(QLabel(self.tr("Next steps:")))
        actions.addLayout(self.steps_row)
        actions.addStretch(1)
        actions.addWidget(self.supplement_button)
        actions.addWidget(self.renew_button)
        self.tabs.addTab(self.form, self.tr("Terms"))
        self.tabs.addTab(self._table(self.supplements, (3, 7, 40, 7)), self.tr("Supplements"))
        self.tabs.addTab(self._table(self.events, (9, 6, 6, 7, 11, 20)), self.tr("Timeline"))
        self.tabs.addTab(self.delivery, self.tr("Delivery"))
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.parties)
        layout.addWidget(self.banner)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)

    def _table(self, model: RowTableModel, widths: tuple[int, ...]) -> QWidget:
        view = table_view(self)
        view.setModel(model)
        set_widths(view, widths)
        return view

    # -- loading ------------------------------------------------------------------------------------------
    def on_changes(self, changes) -> None:  # noqa: ANN001
        if changes.touches(AGREEMENTS):
            self.reload()

    def reload(self) -> None:
        ws, aid, days = self.session.ws, self.agreement_id, self.session.settings.agreement_reminder_days
        run_command(self, lambda: load(ws, aid, days), on_done=self.show_record)

    def show_record(self, rec: AgreementRecord) -> None:
        first = self.record is None
        self.record = rec
        row, names = rec.row, rec.names
        self.setWindowTitle(self.tr("Agreement %1").replace("%1", row.number))
        self.title.setText(row.number)
        self.state.setText(f"【{labels.state(names.shown_state if names else row.state)}】")
        if names:
            self.parties.setText(self.tr("%1 · %2 (%3) · %4 to %5").replace("%1", names.partner_name)
                                 .replace("%2", names.space_name).replace("%3", names.community_name)
                                 .replace("%4", day(row.start_date)).replace("%5", day(row.end_date)))
        locked = row.state != AgreementState.DRAFT.value
        self.banner.setText(self._banner_text(row) if locked else "")
        self.banner.setVisible(locked)
        self.form.set_row(row, names)
        self.form.set_read_only(True)
        writable = self.session.may_change(Perm.EDIT_RECORDS)
        self.edit_button.setVisible(writable and not locked)
        signed = row.state in (AgreementState.SIGNED.value, AgreementState.IN_FORCE.value)
        self.supplement_button.setVisible(writable and signed)
        self.renew_button.setVisible(writable and signed)
        self._step_buttons(rec.allowed if writable else ())
        self.supplements.set_rows(rec.supplements)
        self.events.set_rows(rec.events)
        if first:
            self.delivery.show_for(agreement_id=row.id, around=min(row.end_date, self.session.ws.today()))

    def _banner_text(self, row: AgreementRow) -> str:
        if row.state in (AgreementState.SIGNED.value, AgreementState.IN_FORCE.value):
            return self.tr("Signed: it can only be changed by a supplement or a renewal.")
        if row.state == AgreementState.APPROVED.value:
            return self.tr("Approved: the terms are fixed; the next step is signing.")
        return self.tr("Closed (%1): kept for the record.").replace("%1", labels.state(row.state))

    def _step_buttons(self, allowed: tuple[str, ...]) -> None:
        for button in self.step_buttons.values():
            self.steps_row.removeWidget(button)
            button.deleteLater()
        self.step_buttons = {}
        for action in allowed:
            button = QPushButton(labels.action(action), objectName=f"step_{action}")
            button.clicked.connect(lambda _=False, a=action: self.begin(a))
            self.steps_row.addWidget(button)
            self.step_buttons[action] = button

    # -- actions --------------------------------------------------------------------------------------------
    def edit(self) -> None:
        from .agreement_dialog import AgreementDialog

        if self.record is None:
            return
        self.dialog = AgreementDialog(self.session, self.record.row, parent=self)
        self.dialog.open()

    def begin(self, action: str) -> None:
        if self.record is None:
            return
        self.dialog = StepDialog(action, self.record.row.number, self.session.ws.today(), self)
        self.dialog.chosen.connect(self.take_step)
        self.dialog.open()

    def take_step(self, step: tuple) -> None:
        action, opinion, on_date = step
        ws, row = self.session.ws, self.record.row
        run_command(self, lambda: agreements.transition(ws, row.id, row.version, action, opinion, on_date=on_date))

    def add_supplement(self) -> None:
        if self.record is None:
            return
        self.dialog = SupplementDialog(self.record.row.number, self.session.ws.today(), self)
        self.dialog.chosen.connect(self._supplement)
        self.dialog.open()

    def _supplement(self, value: tuple) -> None:
        text, signed_on = value
        ws, aid = self.session.ws, self.agreement_id
        run_command(self, lambda: agreements.add_supplement(ws, aid, text, signed_on))

    def renew(self) -> None:
        if self.record is None:
            return
        self.dialog = RenewDialog(self.record.row.number, self.record.row.end_date, self)
        self.dialog.chosen.connect(self._renew)
        self.dialog.open()

    def _renew(self, new_end) -> None:  # noqa: ANN001
        ws, aid = self.session.ws, self.agreement_id
        run_command(self, lambda: agreements.renew(ws, aid, new_end), on_done=self._renewed)

    def _renewed(self, outcome) -> None:  # noqa: ANN001
        from .page import open_agreement_window

        parent = self.parentWidget() or self
        windows = getattr(parent, "windows", {})
        open_agreement_window(parent, self.session, outcome.value.id, windows)
