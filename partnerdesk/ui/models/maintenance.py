"""Tables of the backups tab: the backup files, and the results of the invariant check."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...services.consistency import CheckResult
from ...services.maintenance import BackupInfo
from .. import labels
from ..formatting import size, wall_time
from .table import RIGHT, Column, RowTableModel

BACKUP_COLUMNS: tuple[Column[BackupInfo], ...] = (
    Column(QT_TRANSLATE_NOOP("BackupsModel", "Taken at"), lambda b: wall_time(b.taken_at)),
    Column(QT_TRANSLATE_NOOP("BackupsModel", "Reason"), lambda b: labels.backup_reason(b.reason)),
    Column(QT_TRANSLATE_NOOP("BackupsModel", "Size"), lambda b: size(b.size), RIGHT),
    Column(QT_TRANSLATE_NOOP("BackupsModel", "File"), lambda b: b.path.name, tooltip=lambda b: str(b.path)),
)


def _result(r: CheckResult) -> str:
    return QCoreApplication.translate("CheckModel", "✓ OK") if r.ok else \
        QCoreApplication.translate("CheckModel", "✗ Problem")


CHECK_COLUMNS: tuple[Column[CheckResult], ...] = (
    Column(QT_TRANSLATE_NOOP("CheckModel", "Check"), lambda r: labels.check(r.name), tooltip=lambda r: r.name),
    Column(QT_TRANSLATE_NOOP("CheckModel", "Result"), _result),
    Column(QT_TRANSLATE_NOOP("CheckModel", "Details"), lambda r: "; ".join(r.details),
           tooltip=lambda r: "\n".join(r.details)),
)


def backups_model(parent=None) -> RowTableModel[BackupInfo]:  # noqa: ANN001
    return RowTableModel(BACKUP_COLUMNS, "BackupsModel", parent)


def check_model(parent=None) -> RowTableModel[CheckResult]:  # noqa: ANN001
    return RowTableModel(CHECK_COLUMNS, "CheckModel", parent)
