"""Recruitment notices (招募令): fields wanted, conditions, benefits, open period, status."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...domain.roles import Perm
from ...services import notices
from ...services.changes import ORG
from ...services.dictionaries import DICTIONARIES
from ...services.notices import NOTICES, STATUSES, NoticeInput, NoticeRow
from ..formatting import day
from ..models.table import CENTER, Column, RowTableModel
from ..pages.base import Page
from ..session import Session
from . import choices, labels
from .form_dialog import Field, FormDialog
from .widgets import combo_value, fill_combo, set_widths, table_view

CONTEXT = "NoticesTab"


class NoticesTab(Page):
    areas = frozenset({NOTICES, ORG, DICTIONARIES})

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.units: dict[int, str] = {}
        self.domains: dict[str, str] = {}
        self.model: RowTableModel[NoticeRow] = RowTableModel(self._columns(), CONTEXT, self)
        self.table = table_view(self)
        self.table.setModel(self.model)
        set_widths(self.table, (18, 9, 14, 14, 5))
        self.status = QComboBox()
        fill_combo(self.status, [(s, labels.notice_status(s)) for s in STATUSES], self.tr("All"), keep=False)
        self.add_button, self.edit_button = QPushButton(self.tr("New notice…")), QPushButton(self.tr("Change…"))
        for button in (self.add_button, self.edit_button):
            button.setVisible(session.may_change(Perm.EDIT_RECORDS))
        self.dialog: FormDialog | None = None
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Status")))
        row.addWidget(self.status)
        row.addStretch(1)
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.status.currentIndexChanged.connect(self.reload)
        self.add_button.clicked.connect(lambda: self.edit(None))
        self.edit_button.clicked.connect(lambda: self.edit(self.model.row_at(self.table.currentIndex())))
        self.table.activated.connect(lambda index: self.edit(self.model.row_at(index)))

    def _columns(self) -> tuple[Column, ...]:
        def period(n: NoticeRow) -> str:
            return f"{day(n.open_from)} – {day(n.open_to)}" if n.open_from or n.open_to else ""

        def domains(n: NoticeRow) -> str:
            return "、".join(self.domains.get(c, c) for c in n.domain_codes.split(",") if c)

        return (
            Column(QT_TRANSLATE_NOOP("NoticesTab", "Title"), lambda n: n.title),
            Column(QT_TRANSLATE_NOOP("NoticesTab", "Issued by"), lambda n: self.units.get(n.issuer_id, "")),
            Column(QT_TRANSLATE_NOOP("NoticesTab", "Fields wanted"), domains),
            Column(QT_TRANSLATE_NOOP("NoticesTab", "Open period"), period),
            Column(QT_TRANSLATE_NOOP("NoticesTab", "Status"), lambda n: labels.notice_status(n.status), CENTER),
        )

    def reload(self) -> None:
        ws = self.session.ws
        self.units = choices.unit_names(ws)
        self.domains = dict(choices.dictionary(ws, "service_domain"))
        self.model.set_rows(notices.list_all(ws, combo_value(self.status) or ""))

    def _fields(self) -> list[Field]:
        ws = self.session.ws
        return [
            Field("title", self.tr("Title")),
            Field("issuer_id", self.tr("Issued by"), "combo", choices.issuers(ws)),
            Field("domain_codes", self.tr("Fields of service wanted"), "checklist",
                  choices.dictionary(ws, "service_domain")),
            Field("conditions", self.tr("Conditions"), "multiline"),
            Field("benefits", self.tr("Benefits offered"), "multiline"),
            Field("open_from", self.tr("Open from"), "optional_date"),
            Field("open_to", self.tr("Open until"), "optional_date"),
            Field("status", self.tr("Status"), "combo", [(s, labels.notice_status(s)) for s in STATUSES]),
        ]

    def edit(self, row: NoticeRow | None) -> None:
        ws = self.session.ws
        if row is None:
            values = NoticeInput("", 0).__dict__ | {"issuer_id": None}
        else:
            values = row.__dict__ | {"domain_codes": tuple(c for c in row.domain_codes.split(",") if c)}

        def save(v: dict):  # noqa: ANN202 - Outcome[NoticeRow]
            data = NoticeInput(v["title"], v["issuer_id"] or 0, tuple(v["domain_codes"]), v["conditions"],
                               v["benefits"], v["open_from"], v["open_to"], v["status"])
            return notices.save(ws, data, row.id if row else None, row.version if row else None)

        title = self.tr("Change notice") if row else self.tr("New recruitment notice")
        self.dialog = FormDialog(title, self._fields(), save, values, self)
        self.dialog.open()
