"""The duty rota (值班表) of a community: weekly patterns, roll-out into dated shifts, a week view,
swaps and attendance (present / absent / replaced)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...services import rota
from ...services.changes import ORG
from ...services.partner_queries import PARTNERS
from ...services.rota import ROTA, ShiftRow
from ..formatting import day
from ..models.table import CENTER, Column, RowTableModel
from ..pages.base import Page
from ..session import Session
from . import choices, labels, rota_forms
from .form_dialog import FormDialog
from .widgets import combo_value, fill_combo, set_widths, table_view

CONTEXT = "RotaTab"


def monday_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


class RotaTab(Page):
    areas = frozenset({ROTA, PARTNERS, ORG})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.partners: dict[int, str] = {}
        self.monday = monday_of(session.ws.now().date())
        self.community = QComboBox()
        self.week_label = QLabel(objectName="weekLabel")
        self.model: RowTableModel[ShiftRow] = RowTableModel(self._columns(), CONTEXT, self)
        self.table = table_view(self, multi=True)
        self.table.setModel(self.model)
        set_widths(self.table, (7, 5, 7, 8, 12, 12, 6, 12))
        self.buttons = {key: QPushButton(text) for key, text in (
            ("previous", self.tr("◀ Previous week")), ("today", self.tr("This week")),
            ("next", self.tr("Next week ▶")), ("pattern", self.tr("Add weekly pattern…")),
            ("roll_out", self.tr("Roll out…")), ("swap", self.tr("Swap two shifts…")),
            ("attendance", self.tr("Record attendance…")))}
        self.status = QLabel(objectName="rotaStatus")
        self.dialog: FormDialog | None = None
        self._layout()
        self._connect()

    def _columns(self) -> tuple[Column, ...]:
        def partner(s: ShiftRow) -> str:
            return self.partners.get(s.partner_id, f"#{s.partner_id}")

        def attendance(s: ShiftRow) -> str:
            if s.attendance == "replaced" and s.replaced_by_id:
                return f"{labels.attendance(s.attendance)}：{self.partners.get(s.replaced_by_id, '')}"
            return labels.attendance(s.attendance)

        return (
            Column(QT_TRANSLATE_NOOP("RotaTab", "Date"), lambda s: day(s.on_date)),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Day"), lambda s: labels.weekday(s.on_date.weekday())),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Time"), lambda s: f"{s.start}–{s.end}", CENTER),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Venue"), lambda s: s.venue),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Partner"), partner),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Topic"), lambda s: s.topic, tooltip=lambda s: s.topic),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Attendance"), attendance),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Note"), lambda s: s.note, tooltip=lambda s: s.note),
        )

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Community")))
        top.addWidget(self.community)
        for key in ("previous", "today", "next"):
            top.addWidget(self.buttons[key])
        top.addWidget(self.week_label)
        top.addStretch(1)
        actions = QHBoxLayout()
        may_edit = self.session.may_change(Perm.EDIT_RECORDS)
        for key in ("pattern", "roll_out", "swap", "attendance"):
            self.buttons[key].setVisible(may_edit)
            actions.addWidget(self.buttons[key])
        actions.addStretch(1)
        actions.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)

    def _connect(self) -> None:
        self.community.currentIndexChanged.connect(self.reload)
        self.buttons["previous"].clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.buttons["next"].clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.buttons["today"].clicked.connect(lambda: self.show_week(monday_of(self.session.ws.now().date())))
        self.buttons["pattern"].clicked.connect(self.add_pattern)
        self.buttons["roll_out"].clicked.connect(self.roll_out)
        self.buttons["swap"].clicked.connect(self.swap)
        self.buttons["attendance"].clicked.connect(self.attendance)

    # -- showing ------------------------------------------------------------------------------------------
    def community_id(self) -> int | None:
        return combo_value(self.community)

    def show_week(self, monday: date) -> None:
        self.monday = monday
        self.reload()

    def reload(self) -> None:
        ws = self.session.ws
        fill_combo(self.community, choices.communities(ws))
        cid = self.community_id()
        self.partners = dict(choices.duty_partners(ws, cid)) if cid is not None else {}
        sunday = self.monday + timedelta(days=6)
        self.week_label.setText(f"{day(self.monday)} – {day(sunday)}")
        self.model.set_rows(rota.shifts(ws, cid, self.monday, sunday) if cid is not None else [])

    def selected(self) -> list[ShiftRow]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        found = [self.model.row_at(self.model.index(r, 0)) for r in sorted(rows)]
        return [s for s in found if s is not None]

    def _open(self, dialog: FormDialog) -> None:
        self.dialog = dialog
        dialog.open()

    # -- actions ------------------------------------------------------------------------------------------
    def add_pattern(self) -> None:
        cid = self.community_id()
        if cid is not None:
            self._open(rota_forms.pattern_dialog(self.session.ws, cid, self.partners, self.monday, self))

    def roll_out(self) -> None:
        cid = self.community_id()
        if cid is None:
            return
        dialog = rota_forms.roll_out_dialog(self.session.ws, cid, self.monday, self)
        dialog.saved.connect(self._rolled_out)
        self._open(dialog)

    def _rolled_out(self, outcome) -> None:  # noqa: ANN001 - Outcome[int]
        self.status.setText(self.tr("Shifts created: %1").replace("%1", str(outcome.value)))

    def swap(self) -> None:
        shifts = self.selected()
        if len(shifts) != 2:
            self.status.setText(self.tr("Select exactly two shifts to swap."))
            return
        self._open(rota_forms.swap_dialog(self.session.ws, shifts[0], shifts[1], self.partners, self))

    def attendance(self) -> None:
        shifts = self.selected()
        if len(shifts) != 1:
            self.status.setText(self.tr("Select one shift."))
            return
        self._open(rota_forms.attendance_dialog(self.session.ws, shifts[0], self.partners, self))
