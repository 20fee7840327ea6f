"""Excel import of service records (paper sign-in sheets typed up): a preview with every bad row's reason,
then all-or-nothing import in one commit after a pre-import backup (as the partner import)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from ..messages import message
from . import audit
from .changes import Changes, Outcome
from .dictionaries import items_in
from .service_records import SERVICES, RowsInvalid, ServiceInput, check_rows, insert_checked


@dataclass(frozen=True)
class ImportResult:
    imported: int
    backup: str  # the pre-import backup (SQLite), or ""


def _read(source):  # noqa: ANN001, ANN202 - bytes, a path or an xlsx_safe.Checked -> xlsx_safe.Table
    from ..reports.xlsx_safe import read_table

    return read_table(source)


def _lookups(s: Session, actor, table):  # noqa: ANN001, ANN202 - reports.service_import.Lookups
    from ..reports.partner_import import lookup_key
    from ..reports.service_import import Lookups, referenced

    refs = referenced(table)
    by_name: dict[str, tuple[int, ...]] = {}
    names = sorted({clean_text(n) for n in refs.names})
    for i in range(0, len(names), 500):
        for pid, name in s.execute(select(m.Partner.id, m.Partner.name).where(
                m.Partner.name.in_(names[i:i + 500]), m.Partner.merged_into_id.is_(None))):
            by_name[lookup_key(name)] = (*by_name.get(lookup_key(name), ()), pid)
    by_filing = _by_key(s, m.Partner.filing_no, m.Partner.id, refs.filing_nos)
    agreements = {}
    numbers = sorted(refs.agreement_numbers)
    for i in range(0, len(numbers), 500):
        for aid, number, pid in s.execute(select(m.Agreement.id, m.Agreement.number, m.Agreement.partner_id)
                                          .where(m.Agreement.number.in_(numbers[i:i + 500]))):
            agreements[lookup_key(number)] = (aid, pid)
    domains = {d.label: d.code for d in items_in(s, "service_domain", include_inactive=True)}
    q = select(m.OrgUnit.name, m.OrgUnit.id).where(m.OrgUnit.kind == "community")
    if actor.is_scoped:
        q = q.where(m.OrgUnit.id.in_(actor.community_ids))
    return Lookups(by_name, by_filing, agreements, domains, dict(s.execute(q).all()))


def _by_key(s: Session, key_column, id_column, values: frozenset[str]) -> dict[str, int]:  # noqa: ANN001
    from ..reports.partner_import import lookup_key

    wanted = sorted({v.replace(" ", "") for v in values})
    out = {}
    for i in range(0, len(wanted), 500):
        for key, rid in s.execute(select(key_column, id_column).where(key_column.in_(wanted[i:i + 500]))):
            out[lookup_key(key)] = rid
    return out


def _preview(s: Session, ws, table):  # noqa: ANN001, ANN202 - reports.service_import.ServicePreview
    from ..reports.service_import import parse_services

    result = parse_services(table, _lookups(s, ws.actor, table))
    if result.header_problems:
        return result
    indexed = [(i, ServiceInput(**asdict(r.parsed))) for i, r in enumerate(result.rows) if r.parsed is not None]
    problems, _ = check_rows(s, ws, [x for _, x in indexed])
    extra: dict[int, list] = {}
    for p in problems:
        params = dict(p.params)
        if "row" in params:  # "same as row N of the batch": name the sheet's row instead
            params["row"] = result.rows[indexed[params["row"] - 1][0]].row_no
        extra.setdefault(indexed[p.row][0], []).append((p.code, params))
    return result.with_problems(extra)


def preview(ws, source: bytes | Path | str):  # noqa: ANN201 - reports.service_import.ServicePreview
    """Read and check a workbook against the database; nothing is changed."""
    require(ws.actor, Perm.EDIT_RECORDS)
    table = _read(source)
    with ws.read() as uow:
        return _preview(uow.session, ws, table)


def problem_lines(preview_, language: str = "zh_CN") -> list[str]:  # noqa: ANN001
    """Every problem of a preview as one line in the user's language ("第 5 行：…" / "row 5: …")."""
    out = [("header: " if language == "en" else "表头：") + message(code, params, language)
           for code, params in preview_.header_problems]
    for row in preview_.rejected:
        prefix = f"row {row.row_no}: " if language == "en" else f"第 {row.row_no} 行："
        out += [prefix + message(code, params, language) for code, params in row.problems]
    return out


def template(ws):  # noqa: ANN201 - an openpyxl Workbook
    from ..reports.service_import import build_template

    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        s = uow.session
        domains = [d.label for d in items_in(s, "service_domain")]
        q = select(m.OrgUnit.name).where(m.OrgUnit.kind == "community").order_by(m.OrgUnit.name)
        if ws.actor.is_scoped:
            q = q.where(m.OrgUnit.id.in_(ws.actor.community_ids))
        communities = list(s.scalars(q))
    return build_template(domains, communities)


def apply(ws, source: bytes | Path | str) -> Outcome[ImportResult]:
    """Import every row or none: checked inside the write transaction, committed once its backup (taken meanwhile)
    is verified. An unreadable, damaged or renamed file is refused before the database is touched."""
    from ..reports.xlsx_safe import check_file
    from .maintenance import backup_beside

    require(ws.actor, Perm.EDIT_RECORDS)
    checked = check_file(source)  # an unreadable, damaged or renamed file is refused before anything else
    digest = hashlib.sha256(checked.data).hexdigest()[:16]
    with backup_beside(ws, "pre-import") as backup_path:
        table = _read(checked)
        with ws.write() as uow:
            s = uow.session
            result = _preview(s, ws, table)
            if result.header_problems:
                code, params = result.header_problems[0]
                raise DomainError(code, **params)
            if not result.ok:
                raise DomainError("import.rejected", total=len(result.rows), rows=len(result.rejected))
            inputs = [ServiceInput(**asdict(r.parsed)) for r in result.rows]
            try:
                ids = insert_checked(s, ws, inputs, batch=f"import:{digest}")
            except RowsInvalid as err:  # cannot happen after a clean preview in the same transaction
                raise DomainError("import.rejected", total=len(inputs),
                                  rows=len({p.row for p in err.problems})) from None
            backup = backup_path()  # nothing is committed before its backup is verified
            audit.record(s, ws.actor, "import", "file", digest, after={
                "kind": "service_records", "rows": len(ids), "backup": Path(backup).name if backup else ""},
                at=ws.now())
            uow.commit()
    return Outcome(ImportResult(len(ids), backup), Changes.of(SERVICES))
