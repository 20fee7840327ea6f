"""录入签到表: the fast entry grid for paper sign-in sheets. Rows are checked as they are typed (the
service's ``check_many``) and saved all together or not at all (``add_many``); a refused save keeps every
row on screen with its problems."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from ...domain.errors import DomainError
from ...domain.roles import Perm
from ...messages import message
from ...services import partners, service_records
from ...services.agreements import AGREEMENTS
from ...services.changes import ORG
from ...services.dictionaries import DICTIONARIES
from ...services.partner_queries import PartnerFilter
from ...services.service_records import ServiceInput
from ..i18n import current_language
from ..operations import run_command
from ..pages.base import Page
from ..partners import choices
from ..partners import labels as partner_labels
from ..partners.widgets import Debouncer, combo_value, fill_combo, set_widths
from ..session import Session
from .entry_model import EntryGridModel, EntryRow
from .entry_view import EntryGridView
from .widgets import shortcut

CHECK_DELAY_MS = 500
HITS = 12
WIDTHS = (12, 7, 5, 6, 9, 6, 7, 10, 10, 20)


class EntryTab(Page):
    """Emits ``saved(count)`` after a sheet was saved."""

    areas = frozenset({DICTIONARIES, ORG, AGREEMENTS})
    saved = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self._agreements: dict[int, list[tuple[int, str]]] = {}
        self._showing = False  # problems being shown are not edits to check again
        self.model = EntryGridModel(self.find_partners, self.agreements_of, session.ws.today(), self)
        self.table = EntryGridView(self.partner_hits, self)
        self.table.setModel(self.model)
        self.community_combo = QComboBox(objectName="sheetCommunity")
        self.summary = QLabel(objectName="entrySummary", wordWrap=True)
        self.check_button = QPushButton(self.tr("Check"))
        self.save_button = QPushButton(self.tr("Save all"), objectName="saveAll")
        self.remove_button = QPushButton(self.tr("Remove rows"))
        self.clear_button = QPushButton(self.tr("Clear the sheet"))
        self.checker = Debouncer(CHECK_DELAY_MS, self)
        self._build()
        self._connect()

    def _build(self) -> None:
        top = QHBoxLayout()
        label = QLabel(self.tr("Community of the sheet"))
        label.setBuddy(self.community_combo)
        top.addWidget(label)
        self.community_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        top.addWidget(self.community_combo)
        top.addStretch(1)
        for button in (self.remove_button, self.clear_button, self.check_button, self.save_button):
            top.addWidget(button)
        writable = self.session.may_change(Perm.EDIT_RECORDS)
        for button in (self.check_button, self.save_button):
            button.setEnabled(writable)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        hint = QLabel(self.tr("One row per session on the sheet. Type to fill a cell; Enter or Tab moves on, and a new "
                              "row appears at the end. Ctrl+D copies the cell above, Delete clears, Ctrl+V pastes rows "
                              "copied from Excel, Ctrl+S saves all rows (or none, when a row has a problem)."),
                      wordWrap=True, objectName="entryHint")
        hint.setStyleSheet("color: #5f6368;")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        set_widths(self.table, WIDTHS)

    def _connect(self) -> None:
        self.model.dataChanged.connect(self._edited)
        self.model.rowsRemoved.connect(self._edited)
        self.checker.fire.connect(self.check)
        self.check_button.clicked.connect(self.check)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove_rows)
        self.clear_button.clicked.connect(self.clear)
        self.community_combo.currentIndexChanged.connect(lambda _i: self.checker.poke())
        shortcut(self, "Ctrl+S", self.save)

    # -- loading ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        ws = self.session.ws
        self._agreements.clear()
        fill_combo(self.community_combo, choices.communities(ws), self.tr("From the partner or agreement"))
        self.model.set_domains(choices.dictionary(ws, "service_domain"))

    def start(self) -> None:
        """Ctrl+N: go to the first empty row's partner cell, ready to type."""
        self.table.setFocus()
        self.table.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 0))

    # -- what the grid asks the database -------------------------------------------------------------------
    def _partner_rows(self, text: str) -> list:
        """Partners by name, pinyin initials or the last digits of a number; serving ones first."""
        try:
            rows = partners.query(self.session.ws, PartnerFilter(text=text), "initials", limit=HITS)
        except DomainError:
            return []
        return sorted(rows, key=lambda r: r.state not in choices.ON_DUTY)

    def partner_hits(self, text: str) -> list[tuple[int, str, str]]:
        """For the completer: (id, name, filing number or communities, and the state when not serving)."""
        out = []
        for r in self._partner_rows(text):
            detail = r.filing_no or r.communities
            if r.state not in choices.ON_DUTY:
                detail = f"{detail}（{partner_labels.state(r.state)}）"
            out.append((r.id, r.name, detail))
        return out

    def find_partners(self, text: str) -> list[tuple[int, str]]:
        """For typed text: a name shared by several records resolves to the one that serves, if only one does."""
        rows = self._partner_rows(text)
        exact = [r for r in rows if r.name == text]
        serving = [r for r in exact if r.state in choices.ON_DUTY]
        if len(exact) > 1 and len(serving) == 1:
            rows = serving
        return [(r.id, r.name) for r in rows]

    def agreements_of(self, partner_id: int) -> list[tuple[int, str]]:
        if partner_id not in self._agreements:
            try:
                self._agreements[partner_id] = service_records.agreements_taking_services(self.session.ws, partner_id)
            except DomainError:
                self._agreements[partner_id] = []
        return self._agreements[partner_id]

    # -- checking and saving ----------------------------------------------------------------------------
    def _edited(self, *_args: object) -> None:
        if not self._showing:
            self.checker.poke()

    def inputs(self) -> tuple[list[int], list[ServiceInput]]:
        """(grid rows, inputs) of the rows that name a partner."""
        community = combo_value(self.community_combo)
        rows, inputs = [], []
        for number, r in self.model.filled():
            if r.partner_id is None or r.on_date is None:
                continue
            rows.append(number)
            inputs.append(_input(r, community))
        return rows, inputs

    def check(self) -> bool:
        """Ask the service about every typed row; True when nothing needs correcting."""
        self.checker.timer.stop()
        rows, inputs = self.inputs()
        found: dict[int, list[str]] = {}
        if inputs:
            try:
                problems = service_records.check_many(self.session.ws, inputs)
            except DomainError:
                problems = []
            found = _by_row(rows, problems)
        for number, r in self.model.filled():
            if r.partner_id is None and not r.own_problems:
                found.setdefault(number, []).insert(0, self.tr("Which partner? Type the name or pinyin initials."))
            if r.on_date is None:
                found.setdefault(number, []).insert(0, self.tr("Enter the date."))
        self._show(found)
        return not self.model.has_problems()

    def _show(self, found: dict[int, list[str]]) -> None:
        self._showing = True
        try:
            self.model.set_checked_problems(found)
        finally:
            self._showing = False
        filled = self.model.filled()
        bad = sum(1 for _n, r in filled if r.problems)
        if not filled:
            self.summary.setText("")
        elif bad:
            self.summary.setText(self.tr("Rows: %1; rows to correct: %2 (marked in red). Nothing is saved until "
                                         "they are corrected.").replace("%1", str(len(filled))).replace("%2", str(bad)))
        else:
            self.summary.setText(self.tr("Rows: %1, all valid.").replace("%1", str(len(filled))))
        self.summary.setStyleSheet("color: #b3261e;" if bad else "")

    def save(self) -> None:
        self.table.commit_open_editor()
        if not self.model.filled():
            self.summary.setText(self.tr("Nothing to save: type the sheet's rows first."))
            return
        if not self.check():
            return
        rows, inputs = self.inputs()
        ws, batch = self.session.ws, "grid " + datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        run_command(self, lambda: service_records.add_many(ws, inputs, batch=batch), on_done=self._saved,
                    on_error=lambda err: self._refused(rows, err))

    def _refused(self, rows: list[int], err: DomainError) -> bool:
        problems = getattr(err, "problems", None)
        if problems is None:
            return False  # any other refusal: the runner's message box; the rows stay as typed
        self._show(_by_row(rows, problems))
        return True

    def _saved(self, outcome) -> None:  # noqa: ANN001 - Outcome[list[int]]
        count = len(outcome.value)
        self.model.clear()
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Saved: %1 service records.").replace("%1", str(count)))
        self.saved.emit(count)
        self.start()

    def remove_rows(self) -> None:
        chosen = {i.row() for i in self.table.selectionModel().selectedIndexes()} or {self.table.currentIndex().row()}
        self.model.remove_rows(sorted(r for r in chosen if r >= 0))

    def clear(self) -> None:
        if not self.model.filled():
            return
        answer = QMessageBox.question(self, self.tr("Clear the sheet"),
                                      self.tr("Remove every row typed so far? They have not been saved."))
        if answer == QMessageBox.StandardButton.Yes:
            self.model.clear()
            self.summary.setText("")

    def has_unsaved_rows(self) -> bool:
        return bool(self.model.filled())


def _input(r: EntryRow, community_id: int | None) -> ServiceInput:
    return ServiceInput(partner_id=r.partner_id, on_date=r.on_date, kind=r.kind, people=r.people or 0,  # type: ignore[arg-type]
                        minutes=r.minutes or 0, domain=r.domain, place=r.place, notes=r.notes,
                        agreement_id=r.agreement_id, community_id=community_id)


def _by_row(rows: list[int], problems) -> dict[int, list[str]]:  # noqa: ANN001 - list[RowProblem]
    language, found = current_language(), {}
    for p in problems:
        if 0 <= p.row < len(rows):
            found.setdefault(rows[p.row], []).append(message(p.code, p.params, language))
    return found
