"""Export of a filtered partner list to Excel: masked rows streamed page by page; permission and audit here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path

from ..domain.roles import Perm, require
from . import audit
from .partner_queries import PartnerFilter, PartnerListRow, all_rows


def export_list(ws, f: PartnerFilter, sort: str, path: Path, title: str, headers: Sequence[str],
                values: Callable[[PartnerListRow], Sequence[object]], col_widths: Sequence[int] | None = None) -> int:
    """Write every partner matching ``f`` (as listed: numbers masked) to ``path``; returns the row count.

    ``values`` turns a row into the cells the user sees (labels in their language). Recorded as an export.
    """
    from ..reports.export_xlsx import write_table  # openpyxl loads only when someone exports

    require(ws.actor, Perm.EXPORT)
    written = 0

    def rows():  # noqa: ANN202 - a generator of row values
        nonlocal written
        for row in all_rows(ws, f, sort):
            written += 1
            yield values(row)

    with audit.recorded_file(ws, path, "export", "partner") as detail:
        write_table(path, title, list(headers), rows(), col_widths=col_widths)
        detail.update(rows=written, masked=True, sort=sort, filter=asdict(f))
    return written
