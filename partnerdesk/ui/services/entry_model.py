"""The entry grid's model (录入签到表): many service records typed at once, as on a paper sign-in sheet.

Rows are plain editable drafts; one blank row always waits at the end and becomes a record when typed
into (its date and kind default to the row above). Cells take typed text too (pasted from a sheet, or
typed into the partner cell without using the completer): partners are found by name, pinyin initials
or number, kinds and domains by their label, dates in the usual Chinese forms. Each row shows its
problems, first its own (no such partner) and then the service's ``check_many`` findings.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from ..formatting import day
from . import labels

Index = QModelIndex | QPersistentModelIndex
CONTEXT = "EntryGrid"
PROBLEM_BACKGROUND = QColor("#fde7e4")
PROBLEM_TEXT = QColor("#b3261e")
WAITING_TEXT = QColor("#9e9e9e")
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

FindPartners = Callable[[str], list[tuple[int, str]]]  # typed text -> [(id, name)], best first
Agreements = Callable[[int], list[tuple[int, str]]]  # partner id -> [(agreement id, number)]


translate = QCoreApplication.translate


@dataclass
class EntryRow:
    """One line of the sheet as typed (not yet a record)."""

    partner_id: int | None = None
    partner_text: str = ""
    on_date: date | None = None
    kind: str = "free"
    domain: str = ""
    place: str = ""
    people: int | None = None
    minutes: int | None = None
    agreement_id: int | None = None
    agreement_text: str = ""
    notes: str = ""
    own_problems: list[str] = field(default_factory=list)
    checked_problems: list[str] = field(default_factory=list)

    def is_blank(self) -> bool:
        """Nothing typed yet (the defaults of date and kind do not count)."""
        return not (self.partner_text or self.domain or self.place or self.notes or self.agreement_text
                    or self.people is not None or self.minutes is not None or self.agreement_id is not None)

    @property
    def problems(self) -> list[str]:
        return self.own_problems + self.checked_problems


# -- reading typed text --------------------------------------------------------------------------------------
_DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, QDate):
        return value.toPython()
    if isinstance(value, date):
        return value
    match = _DATE.match(str(value))
    if not match:
        raise ValueError(value)
    return date(*(int(g) for g in match.groups()))


def parse_int(value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    number = int(Decimal(str(value).strip()))
    if number < 0:
        raise ValueError(value)
    return number


def parse_minutes(value: Any) -> int | None:
    """Hours (1.5, "2", "1.5小时") as whole minutes."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value).strip().removesuffix("小时").removesuffix("h").strip()
    try:
        hours = Decimal(text)
    except InvalidOperation:
        raise ValueError(value) from None
    if hours < 0:
        raise ValueError(value)
    return int((hours * 60).to_integral_value())


def _by_code_or_label(value: Any, choices: Sequence[tuple[str, str]]) -> str | None:
    text = str(value or "").strip()
    for code, label in choices:
        if text in (code, label):
            return code
    return None


# the words of paper sheets in either language, whatever language the screen speaks
KIND_WORDS = (("free", "免费"), ("low_fee", "低偿"), ("paid", "有偿"), ("free", "Free"), ("low_fee", "Low fee"),
              ("paid", "Paid"))


# -- columns ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class GridColumn:
    """One column of the grid: English title, editor kind, how a row shows and takes a value."""

    key: str
    title: str
    editor: str  # partner, date, kind, domain, text, int, hours, agreement, problems
    show: Callable[[EntryRow], str]
    value: Callable[[EntryRow], Any]
    align: Qt.AlignmentFlag = LEFT

    def header(self) -> str:
        return translate(CONTEXT, self.title)


COLUMNS: tuple[GridColumn, ...] = (
    GridColumn("partner", QT_TRANSLATE_NOOP("EntryGrid", "Partner"), "partner",
               lambda r: r.partner_text, lambda r: r.partner_text),
    GridColumn("on_date", QT_TRANSLATE_NOOP("EntryGrid", "Date"), "date",
               lambda r: day(r.on_date), lambda r: r.on_date, CENTER),
    GridColumn("kind", QT_TRANSLATE_NOOP("EntryGrid", "Kind"), "kind",
               lambda r: labels.kind(r.kind) if r.kind else "", lambda r: r.kind, CENTER),
    GridColumn("domain", QT_TRANSLATE_NOOP("EntryGrid", "Domain"), "domain", lambda r: r.domain, lambda r: r.domain),
    GridColumn("place", QT_TRANSLATE_NOOP("EntryGrid", "Place"), "text", lambda r: r.place, lambda r: r.place),
    GridColumn("people", QT_TRANSLATE_NOOP("EntryGrid", "People served"), "int",
               lambda r: "" if r.people is None else str(r.people), lambda r: r.people, RIGHT),
    GridColumn("hours", QT_TRANSLATE_NOOP("EntryGrid", "Hours"), "hours",
               lambda r: labels.hours(r.minutes or 0) if r.minutes else ("0" if r.minutes == 0 else ""),
               lambda r: None if r.minutes is None else r.minutes / 60, RIGHT),
    GridColumn("agreement", QT_TRANSLATE_NOOP("EntryGrid", "Agreement"), "agreement",
               lambda r: r.agreement_text, lambda r: r.agreement_id),
    GridColumn("notes", QT_TRANSLATE_NOOP("EntryGrid", "Notes"), "text", lambda r: r.notes, lambda r: r.notes),
    GridColumn("problems", QT_TRANSLATE_NOOP("EntryGrid", "Problems"), "problems",
               lambda r: "；".join(r.problems), lambda r: "；".join(r.problems)),
)
KEYS = [c.key for c in COLUMNS]
PROBLEMS_COLUMN = KEYS.index("problems")


class EntryGridModel(QAbstractTableModel):
    """Draft rows plus one blank row at the end. ``find_partners`` and ``agreements_of`` come from the tab
    (service calls); ``domains`` are (code, label) pairs."""

    def __init__(self, find_partners: FindPartners, agreements_of: Agreements, today: date,
                 parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._find, self._agreements_of, self._today = find_partners, agreements_of, today
        self.domains: list[tuple[str, str]] = []
        self._rows: list[EntryRow] = [EntryRow(on_date=today)]

    # -- content ---------------------------------------------------------------------------------------
    def rows(self) -> list[EntryRow]:
        return list(self._rows)

    def filled(self) -> list[tuple[int, EntryRow]]:
        """(grid row, row) of every row typed into."""
        return [(i, r) for i, r in enumerate(self._rows) if not r.is_blank()]

    def row(self, number: int) -> EntryRow:
        return self._rows[number]

    def clear(self) -> None:
        last = self._rows[-1] if self._rows else EntryRow()
        self.beginResetModel()
        self._rows = [EntryRow(on_date=last.on_date or self._today, kind=last.kind or "free")]
        self.endResetModel()

    def remove_rows(self, numbers: Sequence[int]) -> None:
        for number in sorted(set(numbers), reverse=True):
            if 0 <= number < len(self._rows) - 1:  # the blank row at the end stays
                self.beginRemoveRows(QModelIndex(), number, number)
                del self._rows[number]
                self.endRemoveRows()

    def has_problems(self) -> bool:
        return any(r.problems for _i, r in self.filled())

    def set_checked_problems(self, found: dict[int, list[str]]) -> None:
        """The service's findings per grid row (rows not named have none)."""
        for i, r in enumerate(self._rows):
            r.checked_problems = list(found.get(i, ()))
        self._rows_changed(0, len(self._rows) - 1)

    def set_domains(self, domains: list[tuple[str, str]]) -> None:
        self.domains = list(domains)
        self._rows_changed(0, len(self._rows) - 1)

    def domain_label(self, code: str) -> str:
        return dict(self.domains).get(code, code)

    def agreements_for(self, number: int) -> list[tuple[int, str]]:
        partner = self._rows[number].partner_id if 0 <= number < len(self._rows) else None
        return self._agreements_of(partner) if partner is not None else []

    # -- editing -------------------------------------------------------------------------------------------
    def set_value(self, number: int, key: str, value: Any) -> bool:
        return self.setData(self.index(number, KEYS.index(key)), value)

    def copy_from_above(self, index: Index) -> bool:
        """Ctrl+D: the cell above's value into this cell."""
        if not index.isValid() or index.row() == 0 or COLUMNS[index.column()].editor == "problems":
            return False
        above = self._rows[index.row() - 1]
        column = COLUMNS[index.column()]
        if column.key == "partner":
            value: Any = (above.partner_id, above.partner_text) if above.partner_id else above.partner_text
        elif column.key == "agreement":
            value = (above.agreement_id, above.agreement_text) if above.agreement_id else None
        else:
            value = column.value(above)
        return self.setData(index, value)

    def clear_cell(self, index: Index) -> bool:
        if not index.isValid() or COLUMNS[index.column()].editor in ("problems", "date", "kind"):
            return False
        return self.setData(index, None)

    def paste(self, top: int, left: int, text: str) -> int:
        """Tab-separated lines (copied from Excel or WPS) from (top, left) on; returns cells taken."""
        taken = 0
        for r, line in enumerate(text.rstrip("\r\n").splitlines()):
            for c, cell in enumerate(line.split("\t")):
                row, column = top + r, left + c
                while row >= len(self._rows):
                    self._append_blank()
                if column < PROBLEMS_COLUMN and self.setData(self.index(row, column), cell.strip()):
                    taken += 1
        return taken

    def _assign(self, row: EntryRow, key: str, value: Any) -> None:
        setter = getattr(self, f"_set_{key}", None)
        if setter is not None:
            setter(row, value)
        else:
            setattr(row, key, str(value or "").strip())

    def _set_partner(self, row: EntryRow, value: Any) -> None:
        row.own_problems = []
        if isinstance(value, tuple):
            new_id, row.partner_text = value
        else:
            text = str(value or "").strip()
            row.partner_text, new_id = text, None
            if text:
                new_id, row.partner_text = self._resolve_partner(row, text)
        if new_id != row.partner_id:
            row.agreement_id, row.agreement_text = None, ""
        row.partner_id = new_id

    def _resolve_partner(self, row: EntryRow, text: str) -> tuple[int | None, str]:
        found = self._find(text)
        exact = [f for f in found if f[1] == text]
        if len(exact) == 1 or len(found) == 1:
            return (exact or found)[0]
        problem = translate("EntryGrid", "No partner matches “%1”.") if not found else translate("EntryGrid", "Several partners match “%1”: choose one.")
        row.own_problems.append(problem.replace("%1", text))
        return None, text

    def _set_on_date(self, row: EntryRow, value: Any) -> None:
        row.on_date = parse_date(value)

    def _set_kind(self, row: EntryRow, value: Any) -> None:
        code = _by_code_or_label(value, [*labels.kinds(), *KIND_WORDS])
        if code is None:
            raise ValueError(value)
        row.kind = code

    def _set_domain(self, row: EntryRow, value: Any) -> None:
        text = str(value or "").strip()
        code = _by_code_or_label(text, self.domains) if text else ""
        if code is None:
            raise ValueError(value)
        row.domain = code

    def _set_people(self, row: EntryRow, value: Any) -> None:
        row.people = parse_int(value)

    def _set_hours(self, row: EntryRow, value: Any) -> None:
        row.minutes = parse_minutes(value)

    def _set_agreement(self, row: EntryRow, value: Any) -> None:
        if value is None or value == "":
            row.agreement_id, row.agreement_text = None, ""
            return
        choices = self._agreements_of(row.partner_id) if row.partner_id is not None else []
        wanted = value[0] if isinstance(value, tuple) else value
        match = next(((i, n) for i, n in choices if wanted in (i, n, str(i))), None)
        if match is None:
            raise ValueError(value)
        row.agreement_id, row.agreement_text = match

    def _append_blank(self) -> None:
        last = self._rows[-1]
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(EntryRow(on_date=last.on_date or self._today, kind=last.kind or "free"))
        self.endInsertRows()

    def _rows_changed(self, first: int, last: int) -> None:
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    # -- Qt interface ----------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if COLUMNS[index.column()].editor == "problems":
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or not 0 <= index.column() < len(COLUMNS):
            return None
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = column.show(row)
            return self.domain_label(text) if column.key == "domain" else text
        if role == Qt.ItemDataRole.EditRole:
            return column.value(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.align.value)
        if role == Qt.ItemDataRole.ToolTipRole and row.problems:
            return "\n".join(row.problems)
        if role == Qt.ItemDataRole.BackgroundRole and row.problems:
            return QBrush(PROBLEM_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.editor == "problems":
                return QBrush(PROBLEM_TEXT)
            if index.row() == len(self._rows) - 1 and row.is_blank():
                return QBrush(WAITING_TEXT)  # the defaults of the waiting row, greyed
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not (self.flags(index)
                                                                           & Qt.ItemFlag.ItemIsEditable):
            return False
        number = index.row()
        row = self._rows[number]
        draft = replace(row, own_problems=list(row.own_problems), checked_problems=[])
        try:
            self._assign(draft, COLUMNS[index.column()].key, value)
        except (ValueError, TypeError, ArithmeticError):
            return False
        self._rows[number] = draft
        self._rows_changed(number, number)
        if number == len(self._rows) - 1 and not draft.is_blank():
            self._append_blank()
        elif number == len(self._rows) - 2 and self._rows[-1].is_blank():
            self._rows[-1].on_date, self._rows[-1].kind = draft.on_date or self._today, draft.kind or "free"
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section].header() if 0 <= section < len(COLUMNS) else None
        if 0 <= section < len(self._rows):
            return "*" if section == len(self._rows) - 1 else str(section + 1)
        return None
