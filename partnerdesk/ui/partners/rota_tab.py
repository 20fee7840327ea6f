"""The duty rota (值班表) of a community: a week view grouped by day, the weekly duties (patterns) below it,
roll-out into dated shifts, swaps and attendance (present / absent / replaced)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

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
from .rota_patterns import PatternsPanel, partner_names
from .widgets import combo_value, date_edit, fill_combo, set_widths, table_view

CONTEXT = "RotaTab"


def monday_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


def day_runs(dates: list[date]) -> list[tuple[int, int]]:
    """(first row, row count) of each run of equal dates, for the day column's merged cells."""
    runs: list[tuple[int, int]] = []
    for i, d in enumerate(dates):
        if runs and dates[runs[-1][0]] == d:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs


class RotaTab(Page):
    areas = frozenset({ROTA, PARTNERS, ORG})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.partners: dict[int, str] = {}  # on duty in the community: the dialogs' choices
        self.names: dict[int, str] = {}  # everyone the week shows (stand-ins from elsewhere too)
        self.monday = monday_of(session.ws.today())
        self.community = QComboBox()
        self.week_picker = date_edit(self.monday)
        self.week_picker.setObjectName("weekPicker")
        self.week_label = QLabel(objectName="weekLabel")
        self.model: RowTableModel[ShiftRow] = RowTableModel(self._columns(), CONTEXT, self)
        self.table = table_view(self, multi=True)
        self.table.setModel(self.model)
        set_widths(self.table, (7, 7, 10, 12, 14, 13, 12))
        self.free_days = QLabel(objectName="freeDays", wordWrap=True)
        self.patterns = PatternsPanel(session, self)
        self.buttons = {key: QPushButton(text) for key, text in (
            ("previous", self.tr("◀ Previous week")), ("today", self.tr("This week")),
            ("next", self.tr("Next week ▶")), ("roll_out", self.tr("Roll out…")),
            ("swap", self.tr("Swap two shifts…")), ("attendance", self.tr("Record attendance…")))}
        self.buttons |= {"pattern": self.patterns.add_button, "end": self.patterns.end_button}
        self.status = QLabel(objectName="rotaStatus")
        self.dialog: FormDialog | None = None
        self._layout()
        self._connect()

    def _columns(self) -> tuple[Column, ...]:
        def partner(s: ShiftRow) -> str:
            return self.names.get(s.partner_id, f"#{s.partner_id}")

        def attendance(s: ShiftRow) -> str:
            if s.attendance == "replaced" and s.replaced_by_id:
                return self.tr("Replaced by %1").replace("%1", self.names.get(s.replaced_by_id, ""))
            return labels.attendance(s.attendance)

        def weekday(s: ShiftRow) -> str:
            return f"{labels.weekday(s.on_date.weekday())} {s.on_date:%m-%d}"

        return (
            Column(QT_TRANSLATE_NOOP("RotaTab", "Day"), weekday, CENTER, tooltip=lambda s: day(s.on_date)),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Time"), lambda s: f"{s.start}–{s.end}", CENTER),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Venue"), lambda s: s.venue, tooltip=lambda s: s.venue),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Partner"), partner),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Topic"), lambda s: s.topic, tooltip=lambda s: s.topic),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Attendance"), attendance, CENTER, tooltip=attendance),
            Column(QT_TRANSLATE_NOOP("RotaTab", "Note"), lambda s: s.note, tooltip=lambda s: s.note),
        )

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Community")))
        top.addWidget(self.community)
        top.addSpacing(12)
        for key in ("previous", "today", "next"):
            top.addWidget(self.buttons[key])
        top.addWidget(QLabel(self.tr("Week of")))
        top.addWidget(self.week_picker)
        top.addWidget(self.week_label)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical, childrenCollapsible=False)
        splitter.addWidget(self._week_box())
        splitter.addWidget(self.patterns)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    def _week_box(self) -> QWidget:
        actions = QHBoxLayout()
        may_edit = self.session.may_change(Perm.EDIT_RECORDS)
        for key in ("roll_out", "swap", "attendance"):
            self.buttons[key].setVisible(may_edit)
            actions.addWidget(self.buttons[key])
        actions.addStretch(1)
        actions.addWidget(self.status)
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.free_days)
        return box

    def _connect(self) -> None:
        self.community.currentIndexChanged.connect(self.reload)
        self.buttons["previous"].clicked.connect(lambda: self.show_week(self.monday - timedelta(days=7)))
        self.buttons["next"].clicked.connect(lambda: self.show_week(self.monday + timedelta(days=7)))
        self.buttons["today"].clicked.connect(lambda: self.show_week(monday_of(self.session.ws.today())))
        self.week_picker.dateChanged.connect(lambda d: self.show_week(monday_of(d.toPython())))
        self.buttons["pattern"].clicked.connect(self.add_pattern)
        self.buttons["roll_out"].clicked.connect(self.roll_out)
        self.buttons["swap"].clicked.connect(self.swap)
        self.buttons["attendance"].clicked.connect(self.attendance)
        self.patterns.message.connect(self.status.setText)

    # -- showing ------------------------------------------------------------------------------------------
    def community_id(self) -> int | None:
        return combo_value(self.community)

    def show_week(self, monday: date) -> None:
        self.monday = monday
        if monday_of(self.week_picker.date().toPython()) != monday:
            self.week_picker.blockSignals(True)
            self.week_picker.setDate(QDate(monday.year, monday.month, monday.day))
            self.week_picker.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        ws = self.session.ws
        fill_combo(self.community, choices.communities(ws))
        cid = self.community_id()
        self.partners = dict(choices.duty_partners(ws, cid)) if cid is not None else {}
        sunday = self.monday + timedelta(days=6)
        self._show_shifts(rota.shifts(ws, cid, self.monday, sunday) if cid is not None else [])
        self.patterns.show_community(cid, self.partners)

    def _show_shifts(self, shifts: list[ShiftRow]) -> None:
        ids = [s.partner_id for s in shifts] + [s.replaced_by_id for s in shifts]
        self.names = partner_names(self.session.ws, self.partners, ids)
        self.model.set_rows(shifts)
        self.table.clearSpans()
        for first, count in day_runs([s.on_date for s in shifts]):
            if count > 1:
                self.table.setSpan(first, 0, count, 1)
        sunday = self.monday + timedelta(days=6)
        week = self.tr("Week %1").replace("%1", str(self.monday.isocalendar().week))
        self.week_label.setText(f"{week}  {day(self.monday)} – {day(sunday)}")
        self.free_days.setText(self._free_days_text({s.on_date for s in shifts}))

    def _free_days_text(self, busy: set[date]) -> str:
        if not busy:
            return self.tr("No shifts this week: add weekly duties below, then roll them out.")
        free = [labels.weekday(i) for i in range(7) if self.monday + timedelta(days=i) not in busy]
        return self.tr("No duty on: %1").replace("%1", self.tr(", ").join(free)) if free else ""

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
        self._open(rota_forms.swap_dialog(self.session.ws, shifts[0], shifts[1], self.names, self))

    def attendance(self) -> None:
        shifts = self.selected()
        if len(shifts) != 1:
            self.status.setText(self.tr("Select one shift."))
            return
        self._open(rota_forms.attendance_dialog(self.session.ws, shifts[0], self.partners, self))
