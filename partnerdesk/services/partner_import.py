"""Excel import of partners: a preview with every rejected row's reason, then all-or-nothing import."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..db.models import OrgUnit, Partner, PartnerCommunity, PartnerDomain, PartnerEvent
from ..domain.errors import DomainError
from ..domain.lifecycle import State
from ..domain.roles import Perm, require
from . import audit
from .changes import Changes, Outcome
from .dictionaries import items_in, partner_types_in
from .partners import PARTNERS, initials_of
from .records import sync_id_sequence


@dataclass(frozen=True)
class ImportResult:
    imported: int
    backup: str  # the pre-import backup (SQLite), or ""


def _lookups(s: Session, actor):  # noqa: ANN001, ANN202 - returns reports.partner_import.Lookups
    from ..reports.partner_import import Lookups

    types = {t.label: t for t in partner_types_in(s).values()}
    domains = {d.label: d.code for d in items_in(s, "service_domain")}
    q = select(OrgUnit.name, OrgUnit.id).where(OrgUnit.kind == "community")
    if actor.is_scoped:
        q = q.where(OrgUnit.id.in_(actor.community_ids))
    communities = dict(s.execute(q).all())
    live_uscc = frozenset(x for x in s.scalars(select(Partner.live_uscc).where(Partner.live_uscc.is_not(None))))
    live_ids = frozenset(x for x in s.scalars(select(Partner.live_id_number).where(Partner.live_id_number.is_not(None))))
    return Lookups(types, domains, communities, live_uscc, live_ids)


def _read(source):  # noqa: ANN001, ANN202 - bytes, a path or an xlsx_safe.Checked
    from ..reports.xlsx_safe import read_table

    return read_table(source)


def lookups(ws):  # noqa: ANN201 - the dictionaries the template offers
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return _lookups(uow.session, ws.actor)


def preview(ws, source: bytes | Path | str):  # noqa: ANN201 - reports.partner_import.ImportPreview
    """Parse and check a workbook against the database without changing anything."""
    from ..reports.partner_import import parse_partners

    require(ws.actor, Perm.EDIT_RECORDS)
    table = _read(source)
    with ws.read() as uow:
        return parse_partners(table, _lookups(uow.session, ws.actor))


def template(ws):  # noqa: ANN201 - an openpyxl Workbook
    from ..reports.partner_template import build_template

    return build_template(lookups(ws))


def apply(ws, source: bytes | Path | str) -> Outcome[ImportResult]:
    """Import every row or none: checked inside the write transaction, committed once its backup (taken meanwhile)
    is verified."""
    from ..reports.partner_import import parse_partners
    from ..reports.xlsx_safe import check_file
    from .maintenance import backup_beside

    require(ws.actor, Perm.EDIT_RECORDS)
    checked = check_file(source)  # an unreadable, damaged or renamed file is refused before anything else
    data = checked.data
    with backup_beside(ws, "pre-import") as backup_path:
        table = _read(checked)
        with ws.write() as uow:
            s = uow.session
            result = parse_partners(table, _lookups(s, ws.actor))
            if not result.ok:
                raise DomainError("import.rejected", total=len(result.rows), rows=len(result.rejected))
            inputs = list(result.valid_inputs)
            first = _insert(s, ws, inputs)
            backup = backup_path()  # nothing is committed before its backup is verified
            audit.record_many(s, ws.actor, [("partner.import", "partner", first + i, None,
                                             {"name": d.name, "type": d.type_code}) for i, d in enumerate(inputs)]
                              + [("import", "file", hashlib.sha256(data).hexdigest()[:16], None,
                                  {"rows": len(inputs), "backup": Path(backup).name if backup else ""})], at=ws.now())
            uow.commit()
    return Outcome(ImportResult(len(inputs), backup), Changes.of(PARTNERS))


def _insert(s: Session, ws, inputs: list) -> int:  # noqa: ANN001
    """Bulk insert (no per-row ORM objects); returns the first new id. Ids are allocated explicitly."""
    first = (s.scalar(select(Partner.id).order_by(Partner.id.desc()).limit(1).with_for_update()) or 0) + 1
    now, state = ws.now(), State.REGISTERED.value
    rows, links, doms, events = [], [], [], []
    for i, d in enumerate(inputs):
        for cid in d.community_ids:
            require(ws.actor, Perm.EDIT_RECORDS, cid)
        pid = first + i
        rows.append({"id": pid, "type_code": d.type_code, "name": d.name, "name_initials": initials_of(d.name),
                     "uscc": d.uscc, "id_number": d.id_number, "live_uscc": d.uscc or None,
                     "live_id_number": d.id_number or None, "legal_rep": d.legal_rep, "contact_name": d.contact_name,
                     "contact_mobile": d.contact_mobile, "address": d.address, "skills": d.skills,
                     "so_grade": d.so_grade, "so_grade_valid_until": d.so_grade_valid_until, "notes": d.notes,
                     "state": state, "created_at": now, "updated_at": now, "version": 1})
        links += [{"partner_id": pid, "community_id": c} for c in dict.fromkeys(d.community_ids)]
        doms += [{"partner_id": pid, "domain_code": c} for c in dict.fromkeys(d.domain_codes)]
        events.append({"partner_id": pid, "action": "import", "from_state": "", "to_state": state, "at": now,
                       "username": ws.actor.username, "opinion": ""})
    if rows:
        s.execute(insert(Partner), rows)
        s.execute(insert(PartnerCommunity), links)
        if doms:
            s.execute(insert(PartnerDomain), doms)
        s.execute(insert(PartnerEvent), events)
        sync_id_sequence(s, Partner)
    return first
