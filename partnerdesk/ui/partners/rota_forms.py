"""The rota's dialogs: a weekly pattern and its end, a roll-out period, a swap, an attendance record."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ...domain.rota import ATTENDANCE
from ...services import rota
from ...services.rota import PatternRow, ShiftRow
from ..formatting import day
from . import labels
from .form_dialog import Field, FormDialog

CONTEXT = "RotaForms"
translate = QCoreApplication.translate


def _partners(names: dict[int, str]) -> list[tuple[int, str]]:
    return sorted(names.items(), key=lambda item: item[1])


def pattern_dialog(ws, community_id: int, partners: dict[int, str], monday: date,  # noqa: ANN001
                   parent: QWidget) -> FormDialog:
    fields = [
        Field("weekday", translate("RotaForms", "Day of the week"), "combo", [(i, labels.weekday(i)) for i in range(7)]),
        Field("start", translate("RotaForms", "From"), "time"), Field("end", translate("RotaForms", "Until"), "time"),
        Field("venue", translate("RotaForms", "Venue")), Field("partner_id", translate("RotaForms", "Partner on duty"), "combo", _partners(partners)),
        Field("topic", translate("RotaForms", "Topic")), Field("valid_from", translate("RotaForms", "Valid from"), "date"),
        Field("valid_to", translate("RotaForms", "Valid until"), "optional_date"),
    ]
    values = {"weekday": 0, "start": "14:00", "end": "17:00", "venue": translate("RotaForms", "Community partner studio"),
              "valid_from": monday}

    def save(v: dict):  # noqa: ANN202 - Outcome[PatternRow]
        return rota.add_pattern(ws, community_id, v["venue"], v["weekday"], v["start"], v["end"], v["partner_id"],
                                v["topic"], v["valid_from"], v["valid_to"])

    return FormDialog(translate("RotaForms", "Add weekly pattern"), fields, save, values, parent)


def describe_pattern(p: PatternRow, partners: dict[int, str]) -> str:
    name = partners.get(p.partner_id, f"#{p.partner_id}")
    return f"{labels.weekday(p.weekday)} {p.start}–{p.end} {name} {p.topic}".strip()


def end_pattern_dialog(ws, pattern: PatternRow, partners: dict[int, str], today: date,  # noqa: ANN001
                       parent: QWidget) -> FormDialog:
    fields = [Field("duty", translate("RotaForms", "Weekly duty"), read_only=True),
              Field("last_day", translate("RotaForms", "Last day on duty"), "date")]
    values = {"duty": describe_pattern(pattern, partners), "last_day": max(today, pattern.valid_from)}

    def save(v: dict):  # noqa: ANN202 - Outcome[int]
        return rota.end_pattern(ws, pattern.id, v["last_day"])

    dialog = FormDialog(translate("RotaForms", "End a weekly duty"), fields, save, values, parent)
    text = translate("RotaForms", "Its scheduled shifts after the last day are removed; recorded ones stay.")
    note = QLabel(text, wordWrap=True)
    dialog.layout().insertWidget(1, note)
    return dialog


def roll_out_dialog(ws, community_id: int, monday: date, parent: QWidget) -> FormDialog:  # noqa: ANN001
    fields = [Field("first", translate("RotaForms", "First day"), "date"), Field("last", translate("RotaForms", "Last day"), "date")]
    values = {"first": monday, "last": monday + timedelta(days=27)}

    def save(v: dict):  # noqa: ANN202 - Outcome[int]
        return rota.roll_out(ws, community_id, v["first"], v["last"])

    return FormDialog(translate("RotaForms", "Roll out the weekly patterns into shifts"), fields, save, values, parent)


def describe(shift: ShiftRow, partners: dict[int, str]) -> str:
    return f"{day(shift.on_date)} {shift.start}–{shift.end} {partners.get(shift.partner_id, f'#{shift.partner_id}')}"


def swap_dialog(ws, a: ShiftRow, b: ShiftRow, partners: dict[int, str], parent: QWidget) -> FormDialog:  # noqa: ANN001
    fields = [Field("first", translate("RotaForms", "Shift"), read_only=True), Field("second", translate("RotaForms", "Swapped with"), read_only=True),
              Field("reason", translate("RotaForms", "Reason"))]
    values = {"first": describe(a, partners), "second": describe(b, partners)}

    def save(v: dict):  # noqa: ANN202 - Outcome[None]
        return rota.swap(ws, a.id, a.version, b.id, b.version, v["reason"])

    return FormDialog(translate("RotaForms", "Swap two shifts"), fields, save, values, parent)


def attendance_dialog(ws, shift: ShiftRow, partners: dict[int, str], parent: QWidget) -> FormDialog:  # noqa: ANN001
    others = [(pid, name) for pid, name in _partners(partners) if pid != shift.partner_id]
    fields = [Field("shift", translate("RotaForms", "Shift"), read_only=True),
              Field("attendance", translate("RotaForms", "Attendance"), "combo", [(a, labels.attendance(a)) for a in ATTENDANCE]),
              Field("replaced_by_id", translate("RotaForms", "Replaced by"), "combo", others, blank=translate("RotaForms", "nobody")),
              Field("note", translate("RotaForms", "Note"))]
    values = {"shift": describe(shift, partners), "attendance": "present" if shift.attendance == "scheduled"
              else shift.attendance, "replaced_by_id": shift.replaced_by_id}

    def save(v: dict):  # noqa: ANN202 - Outcome[ShiftRow]
        replaced_by = v["replaced_by_id"] if v["attendance"] == "replaced" else None
        return rota.record_attendance(ws, shift.id, shift.version, v["attendance"], replaced_by, v["note"])

    dialog = FormDialog(translate("RotaForms", "Record attendance"), fields, save, values, parent)
    replaced = dialog.widget("replaced_by_id")
    attendance = dialog.widget("attendance")
    replaced.setEnabled(values["attendance"] == "replaced")
    attendance.currentIndexChanged.connect(lambda _i: replaced.setEnabled(attendance.currentData() == "replaced"))
    return dialog
