"""Audit trail tab: filtered in the database, paged on scroll, verifiable as a hash chain."""

from __future__ import annotations

import json

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
)

from ...domain.audit import ChainReport
from ...services import audit, audit_queries
from ...services.audit_queries import AuditFilter, AuditRow
from ...services.changes import AUDIT
from .. import labels
from ..formatting import local_time
from ..models.audit import audit_model
from ..operations import run_command
from ..pages.base import Page

ANY_DATE = QDate(2000, 1, 1)
ACTION_GROUPS = (
    ("", QT_TRANSLATE_NOOP("AuditTab", "All actions")),
    ("login", QT_TRANSLATE_NOOP("AuditTab", "Sign-ins")),
    ("user", QT_TRANSLATE_NOOP("AuditTab", "Users")),
    ("org", QT_TRANSLATE_NOOP("AuditTab", "Organisation")),
    ("partner", QT_TRANSLATE_NOOP("AuditTab", "Partners")),
    ("backup", QT_TRANSLATE_NOOP("AuditTab", "Backups")),
    ("restore", QT_TRANSLATE_NOOP("AuditTab", "Restores")),
)


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(objectName=name, calendarPopup=True, minimumDate=ANY_DATE)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setSpecialValueText(QCoreApplication.translate("AuditTab", "any day"))
    edit.setDate(ANY_DATE)
    return edit


class AuditTab(Page):
    areas = frozenset({AUDIT})

    def __init__(self, session, parent=None) -> None:  # noqa: ANN001
        super().__init__(session, parent)
        self.model = audit_model(parent=self)
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.reload)
        self._make_filters()
        self.count_label = QLabel(objectName="auditCount")
        self.view = self._make_view()
        self.detail = QPlainTextEdit(objectName="auditDetail", readOnly=True)
        self.verify_button = QPushButton(self.tr("&Verify chain"), objectName="verifyChain")
        self.verify_button.clicked.connect(self.verify)
        self.verify_label = QLabel(objectName="verifyResult", wordWrap=True)
        self._layout()

    def _make_filters(self) -> None:
        self.search = QLineEdit(objectName="search", clearButtonEnabled=True)
        self.search.setPlaceholderText(self.tr("Search records and values (Ctrl+F)"))
        self.user_filter = QLineEdit(objectName="userFilter", clearButtonEnabled=True)
        self.user_filter.setPlaceholderText(self.tr("User name"))
        self.action_filter = QComboBox(objectName="actionFilter")
        for prefix, title in ACTION_GROUPS:
            self.action_filter.addItem(QCoreApplication.translate("AuditTab", title), prefix)
        self.date_from, self.date_to = _date_edit("dateFrom"), _date_edit("dateTo")
        for edit in (self.search, self.user_filter):
            edit.textChanged.connect(lambda _text: self._debounce.start())
        self.action_filter.currentIndexChanged.connect(lambda _i: self.reload())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self._debounce.start())

    def _make_view(self) -> QTableView:
        view = QTableView(objectName="auditTable", alternatingRowColors=True)
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((70, 160, 110, 160)):
            view.setColumnWidth(column, width)
        view.selectionModel().currentChanged.connect(self._show_detail)
        return view

    def _layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.user_filter, 1)
        filters.addWidget(self.action_filter, 1)
        filters.addWidget(QLabel(self.tr("From")))
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        splitter = QSplitter()
        splitter.addWidget(self.view)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addStretch(1)
        footer.addWidget(self.verify_label, 3)
        footer.addWidget(self.verify_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)

    # -- loading ---------------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        return AuditFilter(text=self.search.text().strip(), username=self.user_filter.text().strip(),
                           action=self.action_filter.currentData() or "",
                           date_from=_iso(self.date_from), date_to=_iso(self.date_to))

    def reload(self) -> None:
        self._debounce.stop()
        ws, f = self.session.ws, self.current_filter()

        def fetch(before_seq: int | None, limit: int) -> list[AuditRow]:
            page: list[AuditRow] = []
            run_command(self, lambda: audit_queries.list_entries(ws, f, limit, before_seq), on_done=page.extend)
            return page

        self.model.reset(fetch)
        self.detail.clear()
        run_command(self, lambda: audit_queries.count_entries(ws, f), on_done=self._show_count)
        run_command(self, lambda: audit_queries.usernames(ws), on_done=self._offer_usernames)

    def _offer_usernames(self, names: list[str]) -> None:
        """The user filter completes the names found in the trail (auditors may not list the accounts)."""
        self.user_filter.setCompleter(QCompleter(names, self.user_filter))

    def _show_count(self, n: int) -> None:
        self.count_label.setText(self.tr("{n} entries").format(n=n))

    def _show_detail(self, *_args) -> None:  # noqa: ANN002
        row = self.model.row_at(self.view.currentIndex())
        self.detail.setPlainText("" if row is None else _describe(row))

    # -- verifying -------------------------------------------------------------------------------
    def verify(self) -> None:
        ws = self.session.ws
        run_command(self, lambda: audit.verify_chain(ws), on_done=self._show_report, background=True,
                    busy_text=self.tr("Verifying the audit trail…"))

    def _show_report(self, report: ChainReport) -> None:
        if report.ok:
            text = self.tr("✓ The audit trail is intact ({n} entries checked).").format(n=report.checked)
        else:
            text = self.tr("✗ The audit trail is broken at entry No. {seq} ({reason}).").format(
                seq=report.first_broken_seq, reason=_reason(report.reason))
        self.verify_label.setProperty("ok", report.ok)
        self.verify_label.setText(text)
        self.verify_label.style().polish(self.verify_label)


def _iso(edit: QDateEdit) -> str:
    return "" if edit.date() == ANY_DATE else edit.date().toString("yyyy-MM-dd")


def _describe(row: AuditRow) -> str:
    parts = [f"#{row.seq}  {local_time(row.at)}  {row.username}  {labels.action(row.action)}",
             f"{labels.entity(row.entity)} {row.entity_id}  ({row.action})"]
    for title, value in ((QCoreApplication.translate("AuditTab", "Before"), row.before),
                         (QCoreApplication.translate("AuditTab", "After"), row.after)):
        if value:
            parts.append(f"\n{title}:\n{_pretty(value)}")
    return "\n".join(parts)


def _pretty(value: str) -> str:
    try:
        return json.dumps(json.loads(value), ensure_ascii=False, indent=2)
    except ValueError:
        return value


def _reason(code: str) -> str:
    reasons = {
        "missing": QCoreApplication.translate("AuditTab", "an entry is missing"),
        "link": QCoreApplication.translate("AuditTab", "the link to the previous entry does not match"),
        "content": QCoreApplication.translate("AuditTab", "the entry was altered"),
        "truncated": QCoreApplication.translate("AuditTab", "entries were removed from the end"),
    }
    return reasons.get(code, code)
