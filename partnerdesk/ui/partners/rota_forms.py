"""The rota's dialogs: a weekly pattern, a roll-out period, a swap, an attendance record."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...domain.rota import ATTENDANCE
from ...services import rota
from ...services.rota import ShiftRow
from ..formatting import day
from . import labels
from .form_dialog import Field, FormDialog

CONTEXT = "RotaForms"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _partners(names: dict[int, str]) -> list[tuple[int, str]]:
    return sorted(names.items(), key=lambda item: item[1])


def pattern_dialog(ws, community_id: int, partners: dict[int, str], monday: date,  # noqa: ANN001
                   parent: QWidget) -> FormDialog:
    fields = [
        Field("weekday", _t("Day of the week"), "combo", [(i, labels.weekday(i)) for i in range(7)]),
        Field("start", _t("From"), "time"), Field("end", _t("Until"), "time"),
        Field("venue", _t("Venue")), Field("partner_id", _t("Partner on duty"), "combo", _partners(partners)),
        Field("topic", _t("Topic")), Field("valid_from", _t("Valid from"), "date"),
        Field("valid_to", _t("Valid until"), "optional_date"),
    ]
    values = {"weekday": 0, "start": "14:00", "end": "17:00", "venue": _t("Community partner studio"),
              "valid_from": monday}

    def save(v: dict):  # noqa: ANN202 - Outcome[PatternRow]
        return rota.add_pattern(ws, community_id, v["venue"], v["weekday"], v["start"], v["end"], v["partner_id"],
                                v["topic"], v["valid_from"], v["valid_to"])

    return FormDialog(_t("Add weekly pattern"), fields, save, values, parent)


def roll_out_dialog(ws, community_id: int, monday: date, parent: QWidget) -> FormDialog:  # noqa: ANN001
    fields = [Field("first", _t("First day"), "date"), Field("last", _t("Last day"), "date")]
    values = {"first": monday, "last": monday + timedelta(days=27)}

    def save(v: dict):  # noqa: ANN202 - Outcome[int]
        return rota.roll_out(ws, community_id, v["first"], v["last"])

    return FormDialog(_t("Roll out the weekly patterns into shifts"), fields, save, values, parent)


def describe(shift: ShiftRow, partners: dict[int, str]) -> str:
    return f"{day(shift.on_date)} {shift.start}–{shift.end} {partners.get(shift.partner_id, f'#{shift.partner_id}')}"


def swap_dialog(ws, a: ShiftRow, b: ShiftRow, partners: dict[int, str], parent: QWidget) -> FormDialog:  # noqa: ANN001
    fields = [Field("first", _t("Shift"), read_only=True), Field("second", _t("Swapped with"), read_only=True),
              Field("reason", _t("Reason"))]
    values = {"first": describe(a, partners), "second": describe(b, partners)}

    def save(v: dict):  # noqa: ANN202 - Outcome[None]
        return rota.swap(ws, a.id, a.version, b.id, b.version, v["reason"])

    return FormDialog(_t("Swap two shifts"), fields, save, values, parent)


def attendance_dialog(ws, shift: ShiftRow, partners: dict[int, str], parent: QWidget) -> FormDialog:  # noqa: ANN001
    others = [(pid, name) for pid, name in _partners(partners) if pid != shift.partner_id]
    fields = [Field("shift", _t("Shift"), read_only=True),
              Field("attendance", _t("Attendance"), "combo", [(a, labels.attendance(a)) for a in ATTENDANCE]),
              Field("replaced_by_id", _t("Replaced by"), "combo", others, blank=_t("nobody")),
              Field("note", _t("Note"))]
    values = {"shift": describe(shift, partners), "attendance": "present" if shift.attendance == "scheduled"
              else shift.attendance, "replaced_by_id": shift.replaced_by_id}

    def save(v: dict):  # noqa: ANN202 - Outcome[ShiftRow]
        replaced_by = v["replaced_by_id"] if v["attendance"] == "replaced" else None
        return rota.record_attendance(ws, shift.id, shift.version, v["attendance"], replaced_by, v["note"])

    dialog = FormDialog(_t("Record attendance"), fields, save, values, parent)
    replaced = dialog.widget("replaced_by_id")
    attendance = dialog.widget("attendance")
    replaced.setEnabled(values["attendance"] == "replaced")
    attendance.currentIndexChanged.connect(lambda _i: replaced.setEnabled(attendance.currentData() == "replaced"))
    return dialog
