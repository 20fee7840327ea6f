"""Export of the current partner list to Excel: the filtered rows, as shown (masked), streamed page by page.

Runs on a worker thread (no widgets touched); the export is recorded in the audit trail.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...services import partner_export
from ...services.partner_queries import PartnerFilter
from . import list_model
from .list_model import COLUMNS

CONTEXT = "PartnerExport"
WIDTHS = (30, 14, 14, 24, 22, 14, 30, 18)


def default_file_name(today: date | None = None) -> str:
    stem = QCoreApplication.translate("PartnerExport", "Partners")
    return f"{stem}-{(today or date.today()):%Y%m%d}.xlsx"


def headers() -> list[str]:
    return [QCoreApplication.translate(list_model.CONTEXT, c.title) for c in COLUMNS]


def export_list(ws, f: PartnerFilter, sort: str, path: Path, titles: list[str]) -> int:  # noqa: ANN001
    """Write every partner matching ``f`` to ``path`` as the list shows it; returns the number of rows."""
    return partner_export.export_list(ws, f, sort, path, QCoreApplication.translate("PartnerExport", "Partners"),
                                      titles, lambda row: [column.text(row) for column in COLUMNS], WIDTHS)
