"""Partner registry: register, edit, find, show (masked), reveal (audited), merge, similar-record warnings."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import OrgUnit, Partner, PartnerCommunity, PartnerDomain, PartnerEvent
from ..domain import partners as rules
from ..domain.errors import DomainError
from ..domain.lifecycle import LIVE_STATES, State
from ..domain.masking import mask_mobile, mask_resident_id
from ..domain.roles import Actor, Perm, require
from . import audit
from .changes import Changes, Outcome
from .dictionaries import partner_types_in
from .partner_queries import PARTNERS, PartnerFilter, all_rows, community_names, count, query  # noqa: F401 re-export


@dataclass(frozen=True)
class PartnerDetail:
    id: int
    type_code: str
    name: str
    uscc: str
    id_number_masked: str
    legal_rep: str
    contact_name: str
    contact_mobile_masked: str
    address: str
    community_ids: tuple[int, ...]
    community_names: tuple[str, ...]
    domain_codes: tuple[str, ...]
    skills: str
    so_grade: str
    so_grade_valid_until: date | None
    notes: str
    state: str
    filing_no: str
    filed_on: date | None
    notice_id: int | None
    exit_reason: str
    exit_date: date | None
    merged_into_id: int | None
    checksum_override: str
    derived: dict
    created_at: datetime
    updated_at: datetime
    version: int


def initials_of(name: str) -> str:
    from pypinyin import Style, lazy_pinyin  # imported on first use only

    return rules.initials(name, lazy_pinyin(name, style=Style.FIRST_LETTER, errors="default"))


def _check_scope(actor: Actor, community_ids: tuple[int, ...] | list[int]) -> None:
    for cid in community_ids:
        require(actor, Perm.EDIT_RECORDS, cid)


def _check_communities(s: Session, ids: tuple[int, ...]) -> None:
    found = set(s.scalars(select(OrgUnit.id).where(OrgUnit.id.in_(ids), OrgUnit.kind == "community")))
    missing = [i for i in ids if i not in found]
    if missing:
        raise DomainError("org.not_community", id=missing[0])


def _validated(s: Session, actor: Actor, data: rules.PartnerInput) -> rules.ValidPartner:
    ptype = partner_types_in(s).get(data.type_code)
    if ptype is None:
        raise DomainError("partner.bad_type", type=data.type_code)
    valid = rules.validate(data, ptype, may_override=actor.can(Perm.OVERRIDE_CHECK))
    _check_communities(s, valid.data.community_ids)
    return valid


def _check_duplicates(s: Session, data: rules.PartnerInput, exclude: int | None = None) -> None:
    for column, value in ((Partner.live_uscc, data.uscc), (Partner.live_id_number, data.id_number)):
        if not value:
            continue
        q = select(Partner.id, Partner.name).where(column == value)
        if exclude is not None:
            q = q.where(Partner.id != exclude)
        hit = s.execute(q).first()
        if hit:
            raise DomainError("partner.duplicate", number=value, name=hit.name, id=hit.id)


def _apply(p: Partner, valid: rules.ValidPartner, initials: str) -> None:
    d = valid.data
    p.type_code, p.name, p.name_initials, p.uscc, p.id_number = d.type_code, d.name, initials, d.uscc, d.id_number
    p.legal_rep, p.contact_name, p.contact_mobile, p.address = d.legal_rep, d.contact_name, d.contact_mobile, d.address
    p.skills, p.so_grade, p.so_grade_valid_until, p.notes = d.skills, d.so_grade, d.so_grade_valid_until, d.notes
    p.notice_id = d.notice_id
    p.checksum_override = d.override_reason if valid.checksum_overridden else ""
    p.communities = [PartnerCommunity(community_id=c) for c in dict.fromkeys(d.community_ids)]
    p.domains = [PartnerDomain(domain_code=c) for c in dict.fromkeys(d.domain_codes)]
    set_live_numbers(p)


def set_live_numbers(p: Partner) -> None:
    live = State(p.state) in LIVE_STATES and p.merged_into_id is None
    p.live_uscc = (p.uscc or None) if live else None
    p.live_id_number = (p.id_number or None) if live else None


def register(ws, data: rules.PartnerInput, *, submit: bool = False) -> Outcome[PartnerDetail]:
    """Register a partner (state 登记, or 已申请 with ``submit``). One live partner per USCC / ID number."""
    require(ws.actor, Perm.EDIT_RECORDS)
    _check_scope(ws.actor, data.community_ids)
    try:
        return _register(ws, data, submit)
    except DomainError as err:
        if err.code == "record.duplicate" and "live_" in str(err.params.get("detail", "")):
            # two clerks registered the same number at the same moment: the database kept one
            raise DomainError("partner.duplicate", number=data.uscc or data.id_number, name="?", id="?") from err
        raise


def _register(ws, data: rules.PartnerInput, submit: bool) -> Outcome[PartnerDetail]:
    initials = initials_of(data.name)
    with ws.write() as uow:
        s = uow.session
        valid = _validated(s, ws.actor, data)
        _check_duplicates(s, valid.data)
        p = Partner(state=(State.APPLIED if submit else State.REGISTERED).value, created_at=ws.now(),
                    updated_at=ws.now())
        _apply(p, valid, initials)
        s.add(p)
        s.flush()
        s.add(PartnerEvent(partner_id=p.id, action="register", to_state=p.state, at=ws.now(),
                           username=ws.actor.username, opinion=""))
        detail = _detail(s, p)
        audit.record(s, ws.actor, "partner.register", "partner", p.id, after=_audit_view(detail), at=ws.now())
        if valid.checksum_overridden:
            audit.record(s, ws.actor, "partner.checksum_override", "partner", p.id,
                         after={"uscc": p.uscc, "reason": p.checksum_override}, at=ws.now())
        uow.commit()
    return Outcome(detail, Changes.of(PARTNERS))


def update(ws, partner_id: int, version: int, data: rules.PartnerInput) -> Outcome[PartnerDetail]:
    require(ws.actor, Perm.EDIT_RECORDS)
    initials = initials_of(data.name)
    with ws.write() as uow:
        s = uow.session
        p = load(s, partner_id, version)
        _check_scope(ws.actor, [c.community_id for c in p.communities])
        _check_scope(ws.actor, data.community_ids)
        if p.state == State.EXITED.value or p.merged_into_id:
            raise DomainError("partner.closed")
        before = _audit_view(_detail(s, p))
        valid = _validated(s, ws.actor, keep_masked_numbers(p, data))
        _check_duplicates(s, valid.data, exclude=p.id)
        _apply(p, valid, initials)
        p.updated_at = ws.now()
        s.flush()
        detail = _detail(s, p)
        audit.record(s, ws.actor, "partner.update", "partner", p.id, before=before, after=_audit_view(detail),
                     at=ws.now())
        uow.commit()
    return Outcome(detail, Changes.of(PARTNERS))


def keep_masked_numbers(p: Partner, data: rules.PartnerInput) -> rules.PartnerInput:
    """An edit form shows ID and mobile numbers masked; when the masked text comes back unchanged the stored
    number is kept, so changing an address never needs an (audited) reveal."""
    from dataclasses import replace

    if p.id_number and data.id_number == mask_resident_id(p.id_number):
        data = replace(data, id_number=p.id_number)
    if p.contact_mobile and data.contact_mobile == mask_mobile(p.contact_mobile):
        data = replace(data, contact_mobile=p.contact_mobile)
    return data


def load(s: Session, partner_id: int, version: int | None = None) -> Partner:
    p = s.get(Partner, partner_id)
    if p is None:
        raise DomainError("record.missing", entity="partner", id=partner_id)
    if version is not None and p.version != version:
        raise DomainError("record.conflict")
    return p


def get(ws, partner_id: int) -> PartnerDetail:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        p = load(uow.session, partner_id)
        _check_read_scope(ws.actor, p)
        return _detail(uow.session, p)


def _check_read_scope(actor: Actor, p: Partner) -> None:
    if actor.is_scoped and not {c.community_id for c in p.communities} & actor.community_ids:
        raise DomainError("auth.forbidden", action="read", role=actor.role.value)


def _detail(s: Session, p: Partner) -> PartnerDetail:
    cids = tuple(c.community_id for c in p.communities)
    names = community_names(s, [p.id]).get(p.id, ())
    derived = {}
    if p.id_number:
        derived = {"birth_date": f"{p.id_number[6:10]}-{p.id_number[10:12]}-{p.id_number[12:14]}",
                   "sex": "M" if int(p.id_number[16]) % 2 else "F"}
    elif p.uscc:
        info = rules.parse_uscc_lenient(p.uscc)
        derived = {"authority": info.authority, "category": info.category, "region": info.region}
    return PartnerDetail(p.id, p.type_code, p.name, p.uscc, mask_resident_id(p.id_number), p.legal_rep,
                         p.contact_name, mask_mobile(p.contact_mobile), p.address, cids, names,
                         tuple(d.domain_code for d in p.domains), p.skills, p.so_grade, p.so_grade_valid_until,
                         p.notes, p.state, p.filing_no or "", p.filed_on, p.notice_id, p.exit_reason, p.exit_date,
                         p.merged_into_id, p.checksum_override, derived, p.created_at, p.updated_at, p.version)


def _audit_view(d: PartnerDetail) -> dict:
    view = asdict(d)
    for k in ("created_at", "updated_at", "version", "community_names", "derived"):
        view.pop(k)
    return view


REVEALABLE = {"id_number": "id_number", "contact_mobile": "contact_mobile"}


def reveal(ws, partner_id: int, field: str) -> str:
    """The unmasked ID or mobile number: needs the permission, and every reveal is audited."""
    require(ws.actor, Perm.REVEAL_PERSONAL)
    if field not in REVEALABLE:
        raise DomainError("partner.bad_field", field=field)
    with ws.write() as uow:
        p = load(uow.session, partner_id)
        _check_read_scope(ws.actor, p)
        value = getattr(p, REVEALABLE[field])
        audit.record(uow.session, ws.actor, "personal.reveal", "partner", partner_id, after={"field": field},
                     at=ws.now())
        uow.commit()
    return value


@dataclass(frozen=True)
class SimilarRow:
    id: int
    name: str
    state: str
    reason: str  # "name" or "mobile"


def similar(ws, name: str, mobile: str = "", exclude_id: int | None = None, limit: int = 8) -> list[SimilarRow]:
    """Warnings while typing: partners whose name shares the typed name's first characters or pinyin
    initials, or that have the same mobile number."""
    require(ws.actor, Perm.READ)
    name = name.strip()
    found: dict[int, SimilarRow] = {}
    with ws.read() as uow:
        s = uow.session
        base = select(Partner.id, Partner.name, Partner.state).where(Partner.merged_into_id.is_(None))
        if exclude_id is not None:
            base = base.where(Partner.id != exclude_id)
        if len(name) >= 2:
            stem = name[:3]  # '牧有货测试店' -> '牧有货': finds '牧有货便民超市' and '牧有货测试'
            clause = Partner.name.like(f"%{_esc(stem)}%", escape="\\")
            initials = initials_of(name)
            if len(initials) >= 3:
                clause = clause | (Partner.name_initials == initials)
            for r in s.execute(base.where(clause).order_by(Partner.name).limit(limit)):
                found.setdefault(r.id, SimilarRow(r.id, r.name, r.state, "name"))
        if mobile.strip():
            for r in s.execute(base.where(Partner.contact_mobile == mobile.strip()).limit(limit)):
                found[r.id] = SimilarRow(r.id, r.name, r.state, "mobile")
    return list(found.values())[:limit]


def _esc(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def merge(ws, keep_id: int, drop_id: int, reason: str) -> Outcome[PartnerDetail]:
    """Merge a duplicate record into another: both histories kept, the duplicate closed and pointed at the other."""
    require(ws.actor, Perm.APPROVE)
    if keep_id == drop_id:
        raise DomainError("partner.merge_self")
    if not reason.strip():
        raise DomainError("lifecycle.opinion_required", action="merge")
    with ws.write() as uow:
        s = uow.session
        keep, drop = load(s, keep_id), load(s, drop_id)
        if keep.merged_into_id or drop.merged_into_id:
            raise DomainError("partner.closed")
        keep.communities += [PartnerCommunity(community_id=c.community_id) for c in drop.communities
                             if c.community_id not in {k.community_id for k in keep.communities}]
        keep.domains += [PartnerDomain(domain_code=d.domain_code) for d in drop.domains
                         if d.domain_code not in {k.domain_code for k in keep.domains}]
        for e in s.scalars(select(PartnerEvent).where(PartnerEvent.partner_id == drop.id)):
            e.partner_id = keep.id
        drop.merged_into_id, drop.state = keep.id, State.EXITED.value
        drop.exit_reason, drop.exit_date = "merged", ws.today()
        set_live_numbers(drop)
        s.flush()
        for pid, text in ((keep.id, f"merged #{drop.id} {drop.name}"), (drop.id, f"merged into #{keep.id}")):
            s.add(PartnerEvent(partner_id=pid, action="merge", at=ws.now(), username=ws.actor.username,
                               opinion=f"{text}: {reason.strip()}"))
        keep.updated_at = drop.updated_at = ws.now()
        s.flush()
        detail = _detail(s, keep)
        audit.record(s, ws.actor, "partner.merge", "partner", keep.id, after={"merged": drop.id, "reason": reason},
                     at=ws.now())
        uow.commit()
    return Outcome(detail, Changes.of(PARTNERS))
