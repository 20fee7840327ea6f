"""Export of the current partner list to Excel: the filtered rows, as shown (masked), streamed page by page.

Runs on a worker thread (no widgets touched); the export is recorded in the audit trail.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ...domain.roles import Perm, require
from ...reports.export_xlsx import write_table
from ...services import audit, partners
from ...services.partner_queries import PartnerFilter
from .list_model import COLUMNS

CONTEXT = "PartnerExport"
WIDTHS = (30, 14, 14, 24, 22, 14, 30, 18)


def default_file_name(today: date | None = None) -> str:
    stem = QCoreApplication.translate("PartnerExport", "Partners")
    return f"{stem}-{(today or date.today()):%Y%m%d}.xlsx"


def headers() -> list[str]:
    return [c.header() for c in COLUMNS]


def export_list(ws, f: PartnerFilter, sort: str, path: Path, titles: list[str]) -> int:  # noqa: ANN001
    """Write every partner matching ``f`` to ``path``; returns the number of rows. Audited as an export."""
    require(ws.actor, Perm.EXPORT)
    written = 0

    def rows():  # noqa: ANN202 - a generator of row values
        nonlocal written
        for row in partners.all_rows(ws, f, sort):
            written += 1
            yield [column.text(row) for column in COLUMNS]

    write_table(path, QCoreApplication.translate("PartnerExport", "Partners"), titles, rows(), col_widths=WIDTHS)
    audit.record_event(ws, "export", "partner", "", {"rows": written, "file": path.name, "masked": True,
                                                     "sort": sort, "filter": asdict(f)})
    return written
