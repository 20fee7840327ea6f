"""The audit trail, newest first, a page at a time (keyset paging on the entry number)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from ...services.audit_queries import AuditRow
from .. import labels
from ..formatting import local_time
from .table import RIGHT, Column, PagedTableModel

CONTEXT = "AuditModel"
COLUMNS: tuple[Column[AuditRow], ...] = (
    Column(QT_TRANSLATE_NOOP("AuditModel", "No."), lambda r: str(r.seq), RIGHT),
    Column(QT_TRANSLATE_NOOP("AuditModel", "Time"), lambda r: local_time(r.at)),
    Column(QT_TRANSLATE_NOOP("AuditModel", "User"), lambda r: r.username),
    Column(QT_TRANSLATE_NOOP("AuditModel", "Action"), lambda r: labels.action(r.action),
           tooltip=lambda r: r.action),
    Column(QT_TRANSLATE_NOOP("AuditModel", "Record"), lambda r: f"{labels.entity(r.entity)} {r.entity_id}".strip()),
)


def audit_model(page_size: int = 200, parent=None) -> PagedTableModel[AuditRow]:  # noqa: ANN001
    return PagedTableModel(COLUMNS, CONTEXT, key=lambda r: r.seq, page_size=page_size, parent=parent)
