"""Editable dictionaries (partner types, service domains, need sources) with shipped presets."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import DictItem
from ..domain.errors import DomainError
from ..domain.partners import GROUP, INDIVIDUAL, ORGANISATION, PartnerType
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .changes import Changes, Outcome

KINDS = ("partner_type", "service_domain", "need_source")
DICTIONARIES = "dictionaries"


@dataclass(frozen=True)
class DictRow:
    id: int
    kind: str
    code: str
    label: str
    holder: str
    grp: str
    category: str
    sort: int
    active: bool
    version: int


def _row(d: DictItem) -> DictRow:
    return DictRow(d.id, d.kind, d.code, d.label, d.holder, d.grp, d.category, d.sort, d.active, d.version)


def items(ws, kind: str, include_inactive: bool = False) -> list[DictRow]:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return items_in(uow.session, kind, include_inactive)


def items_in(s: Session, kind: str, include_inactive: bool = False) -> list[DictRow]:
    q = select(DictItem).where(DictItem.kind == kind).order_by(DictItem.sort, DictItem.id)
    if not include_inactive:
        q = q.where(DictItem.active.is_(True))
    return [_row(d) for d in s.scalars(q)]


def partner_types_in(s: Session) -> dict[str, PartnerType]:
    return {d.code: PartnerType(d.code, d.label, d.holder or ORGANISATION, d.grp)
            for d in items_in(s, "partner_type", include_inactive=True)}


def partner_types(ws) -> list[PartnerType]:
    with ws.read() as uow:
        return [t for t in partner_types_in(uow.session).values()]


def labels(ws, kind: str) -> dict[str, str]:
    return {d.code: d.label for d in items(ws, kind, include_inactive=True)}


def save_item(ws, kind: str, code: str, label: str, *, holder: str = "", grp: str = "", sort: int = 0,
              active: bool = True, item_id: int | None = None, version: int | None = None,
              category: str = "") -> Outcome[DictRow]:
    """Add (item_id None) or change a dictionary entry. Codes are stable once created."""
    require(ws.actor, Perm.MANAGE_SETTINGS)
    if kind not in KINDS:
        raise DomainError("dict.bad_kind", kind=kind)
    label, code = clean_text(label), clean_text(code)
    if not label or not code:
        raise DomainError("dict.label_required")
    if kind == "partner_type" and holder not in (ORGANISATION, INDIVIDUAL, GROUP):
        raise DomainError("dict.bad_holder", holder=holder)
    with ws.write() as uow:
        s = uow.session
        item = _editable(s, kind, code, item_id, version)
        before = _row(item).__dict__ if item.id else None
        item.label, item.holder, item.grp, item.sort, item.active = label, holder, clean_text(grp), sort, active
        item.category = clean_text(category)
        s.add(item)
        s.flush()
        row = _row(item)
        audit.record(s, ws.actor, "dict.save", "dict_item", item.id, before=before, after=row.__dict__, at=ws.now())
        uow.commit()
    return Outcome(row, Changes.of(DICTIONARIES))


def _editable(s: Session, kind: str, code: str, item_id: int | None, version: int | None) -> DictItem:
    if item_id is None:
        if s.scalar(select(DictItem.id).where(DictItem.kind == kind, DictItem.code == code)):
            raise DomainError("dict.duplicate", code=code)
        return DictItem(kind=kind, code=code)
    item = s.get(DictItem, item_id)
    if item is None or item.kind != kind:
        raise DomainError("record.missing", entity="dict_item", id=item_id)
    if version is not None and item.version != version:
        raise DomainError("record.conflict")
    if item.code != code:
        raise DomainError("dict.code_fixed")
    return item
