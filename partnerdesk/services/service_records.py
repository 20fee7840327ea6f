"""Service records (服务记录): one delivered session each — partner, date, kind, people served (人次), time.

Rules for a record (checked for every row, every problem reported, before anything is written):
- kind is free / low_fee / paid; the date is not in the future; people and minutes are not negative, a record
  has people > 0 or minutes > 0 (a session with nobody and no time is not a service), at most 10,000 人次 and
  24 hours per record (one record is one session on one day);
- the partner exists, is not merged into another, and serves (filed, committed or active; an exited partner
  only up to its exit date);
- an agreement, when given, belongs to the partner, has been signed (signed, in force, renewed, expired or
  terminated — never a draft or a merely approved one) and its term (up to a termination) covers the date;
- the community is the one given, else the agreement's space's community, else the partner's first community
  (lowest id); community workers record only in their own communities;
- the same partner, date, place and 人次 as a record already stored (or earlier in the same batch) is refused
  as a duplicate (a paper sheet typed twice) unless ``allow_duplicates``.
Batches are all-or-nothing: one bad row and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain.agreements import AgreementState
from ..domain.errors import DomainError
from ..domain.lifecycle import State as PartnerState
from ..domain.roles import Perm, require
from ..domain.text import clean_text
from . import audit
from .changes import Changes, Outcome
from .records import get_versioned
from .service_queries import SORTS, ServiceFilter, ServiceListRow, count, query  # noqa: F401 re-export

SERVICES = "services"
KINDS = ("free", "low_fee", "paid")
MAX_PEOPLE = 10_000
MAX_MINUTES = 24 * 60
SIGNED = frozenset({AgreementState.SIGNED.value, AgreementState.IN_FORCE.value, AgreementState.RENEWED.value,
                    AgreementState.EXPIRED.value, AgreementState.TERMINATED.value})
_SERVING = frozenset({PartnerState.FILED.value, PartnerState.COMMITTED.value, PartnerState.ACTIVE.value})
_TEXT_MAX = {"domain": 32, "place": 200}
_CHUNK = 500


@dataclass(frozen=True)
class ServiceInput:
    partner_id: int
    on_date: date
    kind: str
    people: int
    minutes: int = 0
    domain: str = ""
    place: str = ""
    notes: str = ""
    agreement_id: int | None = None
    community_id: int | None = None


@dataclass(frozen=True)
class RowProblem:
    row: int  # index in the list of inputs (0-based)
    code: str
    params: dict


class RowsInvalid(DomainError):
    """DomainError ``service.rows_invalid`` carrying every row's problems in ``.problems``."""

    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__("service.rows_invalid", count=len({p.row for p in problems}))
        self.problems = problems


# --- checks -----------------------------------------------------------------------------------------------

def _chunks(ids: Iterable[int]) -> Iterable[list[int]]:
    ids = sorted({i for i in ids if i is not None})
    for i in range(0, len(ids), _CHUNK):
        yield ids[i:i + _CHUNK]


class _Context:
    """Everything the rows refer to, loaded in a few queries (not one per row)."""

    def __init__(self, s: Session, rows: list[ServiceInput]) -> None:
        self.partners: dict[int, tuple] = {}
        self.first_community: dict[int, int] = {}
        self.agreements: dict[int, tuple] = {}
        for ids in _chunks(r.partner_id for r in rows):
            self.partners.update({p.id: p for p in s.execute(
                select(m.Partner.id, m.Partner.name, m.Partner.state, m.Partner.exit_date, m.Partner.merged_into_id)
                .where(m.Partner.id.in_(ids)))})
            self.first_community.update(s.execute(
                select(m.PartnerCommunity.partner_id, func.min(m.PartnerCommunity.community_id))
                .where(m.PartnerCommunity.partner_id.in_(ids)).group_by(m.PartnerCommunity.partner_id)).all())
        for ids in _chunks(r.agreement_id for r in rows):
            self.agreements.update({a.id: a for a in s.execute(
                select(m.Agreement.id, m.Agreement.number, m.Agreement.partner_id, m.Agreement.state,
                       m.Agreement.start_date, m.Agreement.end_date, m.Agreement.terminated_on,
                       m.Space.community_id).join(m.Space, m.Space.id == m.Agreement.space_id)
                .where(m.Agreement.id.in_(ids)))})
        self.communities = set(s.scalars(select(m.OrgUnit.id).where(m.OrgUnit.kind == "community")))
        self.domains = set(s.scalars(select(m.DictItem.code).where(m.DictItem.kind == "service_domain")))


def _plain_problems(r: ServiceInput, today: date) -> list[tuple[str, dict]]:
    out: list[tuple[str, dict]] = []
    if r.kind not in KINDS:
        out.append(("service.bad_kind", {"kind": r.kind}))
    if not isinstance(r.on_date, date) or isinstance(r.on_date, datetime):
        out.append(("service.bad_date", {"value": str(r.on_date)}))
    elif r.on_date > today:
        out.append(("service.future_date", {"date": r.on_date.isoformat()}))
    if r.people < 0 or r.minutes < 0:
        out.append(("service.negative", {}))
    elif r.people == 0 and r.minutes == 0:
        out.append(("service.nothing_delivered", {}))
    if r.people > MAX_PEOPLE:
        out.append(("service.too_many_people", {"max": MAX_PEOPLE, "people": r.people}))
    if r.minutes > MAX_MINUTES:
        out.append(("service.too_long", {"max_hours": MAX_MINUTES // 60}))
    for name, limit in _TEXT_MAX.items():
        if len(clean_text(getattr(r, name))) > limit:
            out.append(("service.text_too_long", {"field": name, "max": limit}))
    return out


def _community_of(r: ServiceInput, ctx: _Context) -> int | None:
    if r.community_id is not None:
        return r.community_id
    a = ctx.agreements.get(r.agreement_id) if r.agreement_id is not None else None
    return a.community_id if a is not None else ctx.first_community.get(r.partner_id)


def _partner_problems(r: ServiceInput, ctx: _Context) -> list[tuple[str, dict]]:
    p = ctx.partners.get(r.partner_id)
    if p is None:
        return [("service.unknown_partner", {"id": r.partner_id})]
    if p.merged_into_id:
        return [("service.partner_merged", {"name": p.name})]
    exited_later = p.state == PartnerState.EXITED.value and p.exit_date is not None and r.on_date <= p.exit_date
    if p.state not in _SERVING and not exited_later:
        return [("service.partner_not_serving", {"name": p.name, "state": p.state})]
    return []


def _agreement_problems(r: ServiceInput, ctx: _Context) -> list[tuple[str, dict]]:
    if r.agreement_id is None:
        return []
    a = ctx.agreements.get(r.agreement_id)
    if a is None:
        return [("service.unknown_agreement", {"id": r.agreement_id})]
    if a.partner_id != r.partner_id:
        return [("service.agreement_other_partner", {"number": a.number})]
    if a.state not in SIGNED:
        return [("service.agreement_not_signed", {"number": a.number, "state": a.state})]
    end = a.terminated_on or a.end_date
    if isinstance(r.on_date, date) and not a.start_date <= r.on_date <= end:
        return [("service.outside_term", {"number": a.number, "start": a.start_date.isoformat(),
                                          "end": end.isoformat()})]
    return []


def check_rows(s: Session, ws, rows: list[ServiceInput], allow_duplicates: bool = False,  # noqa: ANN001
           ) -> tuple[list[RowProblem], list[dict]]:
    """Every problem of every row, and the values to insert (complete only when there is no problem)."""
    ctx = _Context(s, rows)
    today = ws.today()
    problems: list[RowProblem] = []
    values: list[dict] = []
    clean: list[int] = []
    for i, r in enumerate(rows):
        found = _plain_problems(r, today)
        if not found:
            found = _partner_problems(r, ctx) + _agreement_problems(r, ctx)
        community = _community_of(r, ctx)
        if community is None:
            found.append(("service.no_community", {}))
        elif community not in ctx.communities:
            found.append(("service.not_community", {"id": community}))
        elif not ws.actor.can(Perm.EDIT_RECORDS, community):
            found.append(("service.out_of_scope", {"id": community}))
        domain = clean_text(r.domain)
        if domain and domain not in ctx.domains:
            found.append(("service.unknown_domain", {"domain": domain}))
        problems += [RowProblem(i, code, params) for code, params in found]
        if not found:
            clean.append(i)
        values.append({"partner_id": r.partner_id, "agreement_id": r.agreement_id, "community_id": community,
                       "on_date": r.on_date, "kind": r.kind, "domain": domain, "place": clean_text(r.place),
                       "people": r.people, "minutes": r.minutes, "notes": r.notes.strip()})
    if not allow_duplicates:  # among the rows without other problems
        problems = sorted(problems + _duplicates(s, values, clean), key=lambda p: p.row)
    return problems, values


def _key(v: dict) -> tuple:
    return v["partner_id"], v["on_date"], v["place"], v["people"]


def _duplicates(s: Session, all_values: list[dict], clean: list[int]) -> list[RowProblem]:
    values = {i: all_values[i] for i in clean}
    if not values:
        return []
    lo, hi = min(v["on_date"] for v in values.values()), max(v["on_date"] for v in values.values())
    stored: set[tuple] = set()
    for ids in _chunks(v["partner_id"] for v in values.values()):
        stored.update(tuple(x) for x in s.execute(
            select(m.ServiceRecord.partner_id, m.ServiceRecord.on_date, m.ServiceRecord.place, m.ServiceRecord.people)
            .where(m.ServiceRecord.partner_id.in_(ids), m.ServiceRecord.on_date >= lo, m.ServiceRecord.on_date <= hi)))
    out, seen = [], {}
    for i, v in values.items():
        key = _key(v)
        params = {"date": v["on_date"].isoformat(), "place": v["place"], "people": v["people"]}
        if key in stored:
            out.append(RowProblem(i, "service.duplicate_existing", params))
        elif key in seen:
            out.append(RowProblem(i, "service.duplicate_in_batch", {**params, "row": seen[key] + 1}))
        seen.setdefault(key, i)
    return out


def check_many(ws, rows: list[ServiceInput], allow_duplicates: bool = False) -> list[RowProblem]:
    """Every problem of every row (nothing is written)."""
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.read() as uow:
        return check_rows(uow.session, ws, list(rows), allow_duplicates)[0]


# --- writes -----------------------------------------------------------------------------------------------

def insert_checked(s: Session, ws, rows: list[ServiceInput], batch: str = "", order_id: int | None = None,  # noqa: ANN001
                   allow_duplicates: bool = False) -> list[int]:
    """Check and insert inside the caller's unit of work (bulk, no ORM objects); audited. Raises RowsInvalid."""
    problems, values = check_rows(s, ws, rows, allow_duplicates)
    if problems:
        raise RowsInvalid(problems)
    if not values:
        return []
    now, user = ws.now(), ws.actor.username
    params = [{**v, "order_id": order_id, "batch": batch, "created_by": user, "created_at": now} for v in values]
    ids = list(s.scalars(insert(m.ServiceRecord).returning(m.ServiceRecord.id, sort_by_parameter_order=True), params))
    audit.record_many(s, ws.actor, [("service.add", "service_record", rid, None, _audit_view(v, batch, order_id))
                                    for rid, v in zip(ids, values, strict=True)], at=now)
    return ids


def _audit_view(v: dict, batch: str = "", order_id: int | None = None) -> dict:
    out = {k: (x.isoformat() if isinstance(x, date) else x) for k, x in v.items()}
    if batch:
        out["batch"] = batch
    if order_id is not None:
        out["order_id"] = order_id
    return out


def add_many(ws, rows: list[ServiceInput], batch: str = "", allow_duplicates: bool = False) -> Outcome[list[int]]:
    """All rows or none, in one commit. Raises DomainError ``service.rows_invalid`` (``.problems``) when any
    row is bad."""
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.write() as uow:
        ids = insert_checked(uow.session, ws, list(rows), clean_text(batch)[:40], allow_duplicates=allow_duplicates)
        uow.commit()
    return Outcome(ids, Changes.of(SERVICES))


def add(ws, row: ServiceInput, allow_duplicates: bool = False) -> Outcome[int]:
    """One record. A bad record raises its first problem's code (e.g. ``service.future_date``)."""
    try:
        out = add_many(ws, [row], allow_duplicates=allow_duplicates)
    except RowsInvalid as err:
        first = err.problems[0]
        raise DomainError(first.code, **first.params) from None
    return Outcome(out.value[0], out.changes)


_CONTENT = ("partner_id", "agreement_id", "community_id", "order_id", "on_date", "kind", "domain", "place",
            "people", "minutes", "notes", "batch", "created_by")


def delete(ws, record_id: int, reason: str) -> Outcome[None]:
    """Remove a wrongly entered record. The reason is required; the audit keeps the record's content.
    A record made by delivering a resident order cannot be deleted (it is part of the order's history)."""
    require(ws.actor, Perm.EDIT_RECORDS)
    if not reason.strip():
        raise DomainError("service.reason_required")
    with ws.write() as uow:
        s = uow.session
        rec = get_versioned(s, m.ServiceRecord, record_id, entity="service_record")
        require(ws.actor, Perm.EDIT_RECORDS, rec.community_id)
        if rec.order_id is not None:
            raise DomainError("service.from_order")
        before = _audit_view({k: getattr(rec, k) for k in _CONTENT})
        s.delete(rec)
        s.flush()
        audit.record(s, ws.actor, "service.delete", "service_record", record_id, before=before,
                     after={"reason": reason.strip()}, at=ws.now())
        uow.commit()
    return Outcome(None, Changes.of(SERVICES))


# --- the list (see service_queries) ----------------------------------------------------------------------

def as_input(row: ServiceListRow) -> ServiceInput:
    """A listed record as input (to copy it in the entry grid)."""
    keep = {k: v for k, v in asdict(row).items() if k in ServiceInput.__dataclass_fields__}
    return ServiceInput(**keep)


def agreements_taking_services(ws, partner_id: int) -> list[tuple[int, str]]:  # noqa: ANN001
    """(id, number) of the partner's agreements a service can be recorded against: the signed ones (``SIGNED``),
    in the agreements list's order."""
    from .agreement_queries import AgreementFilter, query_agreements

    rows = query_agreements(ws, AgreementFilter(partner_id=partner_id), limit=1000)
    return [(a.id, a.number) for a in rows if a.state in SIGNED]


def names_of(ws, *, partner_ids: Iterable[int] = (), space_ids: Iterable[int] = (),  # noqa: ANN001
             community_ids: Iterable[int] = ()) -> dict[str, dict[int, str]]:
    """Display names for ids shown in lists (partners, spaces, communities), a few queries in all."""
    require(ws.actor, Perm.READ)
    out: dict[str, dict[int, str]] = {"partners": {}, "spaces": {}, "communities": {}}
    with ws.read() as uow:
        for key, model, ids in (("partners", m.Partner, partner_ids), ("spaces", m.Space, space_ids),
                                ("communities", m.OrgUnit, community_ids)):
            for chunk in _chunks(ids):
                out[key].update(uow.session.execute(select(model.id, model.name).where(model.id.in_(chunk))).all())
    return out
