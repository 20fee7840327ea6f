"""Record data of the partner and agreement documents (申请表, 备案书, 承诺书, 空间使用协议): the shared
constants, ``RecordData`` and the builders, one record or many at once. Re-exported by ``document_data``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..db import models as m
from ..domain.errors import DomainError
from ..domain.partners import INDIVIDUAL

PARTNER_KINDS = ("application", "filing", "commitment_org", "commitment_individual")
AGREEMENT_KINDS = ("space_agreement",)
COMMITMENT = "commitment"  # either commitment letter, chosen by the partner's type
# Numbering series: both commitment letters share one, so their serials never collide.
SERIES = {"application": ("application", "申请表"), "filing": ("filing", "备案书"),
          "commitment_org": ("commitment", "承诺书"), "commitment_individual": ("commitment", "承诺书"),
          "space_agreement": ("agreement", "协议书")}
MODE_ZH = {"free": "无偿使用", "low_rent": "低偿租用", "revenue_share": "收益分成", "space_for_services": "空间换服务",
           "space_for_funds": "空间换资金"}
PAYER_ZH = {"partner": "乙方", "community": "甲方"}
PENDING_NUMBER = "（签发时编号）"


@dataclass(frozen=True)
class RecordData:
    """What a document needs from its record: the kind resolved, the data, who may issue it, a title."""

    kind: str
    entity: str
    entity_id: int
    community_ids: tuple[int, ...]
    title: str
    data: dict[str, Any]


# --- partners ---
def _partner(s: Session, partner_id: int) -> m.Partner:
    p = s.get(m.Partner, partner_id)
    if p is None:
        raise DomainError("record.missing", entity="partner", id=partner_id)
    return p


def _holder(s: Session, p: m.Partner) -> str:
    holder = s.scalar(select(m.DictItem.holder).where(m.DictItem.kind == "partner_type",
                                                      m.DictItem.code == p.type_code))
    return holder or (INDIVIDUAL if p.id_number and not p.uscc else "organisation")


def _resolve_kind(s: Session, kind: str, p: m.Partner) -> str:
    return _resolve_holder(kind, p, _holder(s, p) == INDIVIDUAL)


def _resolve_holder(kind: str, p: m.Partner, individual: bool) -> str:
    if kind == COMMITMENT:
        return "commitment_individual" if individual else "commitment_org"
    if kind == "commitment_org" and individual or kind == "commitment_individual" and not individual:
        raise DomainError("document.wrong_kind", kind=kind, name=p.name)
    if kind in ("filing", "commitment_org", "commitment_individual") and not p.filing_no:
        raise DomainError("document.not_filed", kind=kind, name=p.name)
    return kind


def _places(s: Session, p: m.Partner) -> tuple[tuple[int, ...], m.OrgUnit | None, m.OrgUnit | None]:
    ids = tuple(sorted(c.community_id for c in p.communities))
    community = s.get(m.OrgUnit, ids[0]) if ids else None
    street = s.get(m.OrgUnit, p.street_id) if p.street_id else None
    if street is None and community is not None and community.parent_id:
        street = s.get(m.OrgUnit, community.parent_id)
    return ids, community, street


def _labels(s: Session, kind: str, codes: list[str]) -> list[str]:
    found = dict(s.execute(select(m.DictItem.code, m.DictItem.label).where(m.DictItem.kind == kind,
                                                                          m.DictItem.code.in_(codes))).all())
    return [found.get(c, c) for c in codes]


def _event(s: Session, partner_id: int, action: str) -> m.PartnerEvent | None:
    return s.scalar(select(m.PartnerEvent).where(m.PartnerEvent.partner_id == partner_id,
                                                 m.PartnerEvent.action == action)
                    .order_by(m.PartnerEvent.id.desc()).limit(1))


def _event_date(e: m.PartnerEvent | None) -> date | None:
    return None if e is None else e.on_date or e.at.date()


def _latest_agreement(s: Session, partner_id: int) -> m.Agreement | None:
    return s.scalar(select(m.Agreement).where(m.Agreement.partner_id == partner_id,
                                              m.Agreement.state != "draft")
                    .order_by(m.Agreement.start_date.desc(), m.Agreement.id.desc()).limit(1))


def _card(s: Session, p: m.Partner) -> dict[str, Any]:
    type_label = _labels(s, "partner_type", [p.type_code])[0]
    domains = _labels(s, "service_domain", [d.domain_code for d in p.domains])
    return _card_of(p, type_label, domains)


def _card_of(p: m.Partner, type_label: str, domains: list[str]) -> dict[str, Any]:
    contact = p.legal_rep or p.contact_name or (p.name if p.id_number and not p.uscc else "")
    return {"name": p.name, "type": type_label, "code": p.uscc, "uscc": p.uscc, "contact": contact,
            "contact_id": p.id_number, "id_number": p.id_number, "legal_rep": p.legal_rep, "legal_rep_id": "",
            "mobile": p.contact_mobile, "address": p.address, "fields": "、".join(domains), "services": p.skills,
            "skill": p.skills, "space_need": "", "intro": p.notes}


def _term(a: m.Agreement | None) -> str:
    if a is None:
        return ""
    return f"{a.start_date.year}年{a.start_date.month}月{a.start_date.day}日至" \
           f"{a.end_date.year}年{a.end_date.month}月{a.end_date.day}日"


def partner_record(s: Session, kind: str, partner_id: int, today: date) -> RecordData:
    p = _partner(s, partner_id)
    kind = _resolve_kind(s, kind, p)
    ids, community, street = _places(s, p)
    agreement = _latest_agreement(s, p.id)
    space = s.get(m.Space, agreement.space_id) if agreement else None
    c_ok, s_ok = _event(s, p.id, "community_approve"), _event(s, p.id, "street_approve")
    submitted = _event(s, p.id, "submit")
    return _partner_data(kind, p, ids, community, street, agreement, space, (c_ok, s_ok, submitted), _card(s, p),
                         today)


def _partner_data(kind: str, p: m.Partner, ids: tuple[int, ...], community: m.OrgUnit | None,  # noqa: PLR0913
                  street: m.OrgUnit | None, agreement: m.Agreement | None, space: m.Space | None,
                  events: tuple[m.PartnerEvent | None, ...], card: dict[str, Any], today: date) -> RecordData:
    c_ok, s_ok, submitted = events
    data = {"partner": card,
            "community": {"name": community.name if community else "", "contact": ""},
            "street": {"name": street.name if street else ""},
            "document": {"date": today},
            "application": {"number": PENDING_NUMBER, "date": _event_date(submitted) or p.created_at.date()},
            "filing": {"number": p.filing_no or "", "date": p.filed_on, "term": _term(agreement)},
            "space": {"name": space.name if space else "", "address": space.address if space else "",
                      "area": _area(space.area_centi_m2) if space else ""},
            "review": {"community_opinion": c_ok.opinion if c_ok else "", "community_date": _event_date(c_ok),
                       "street_opinion": s_ok.opinion if s_ok else "", "street_date": _event_date(s_ok)}}
    return RecordData(kind, "partner", p.id, ids, p.name, data)


def _latest_of(s: Session, query, key) -> dict:  # noqa: ANN001
    """The first row per ``key(row)`` of an ordered query (what ``.limit(1)`` per key would give)."""
    out: dict = {}
    for row in s.scalars(query):
        out.setdefault(key(row), row)
    return out


def partner_records(s: Session, kind: str, partner_ids: Sequence[int], today: date) -> list[RecordData]:
    """``[partner_record(s, kind, i, today) for i in partner_ids]`` in a fixed number of queries."""
    ids = list(dict.fromkeys(partner_ids))
    partners = {p.id: p for p in s.scalars(select(m.Partner).where(m.Partner.id.in_(ids))
                                           .options(selectinload(m.Partner.communities),
                                                    selectinload(m.Partner.domains)))}
    items = s.execute(select(m.DictItem.kind, m.DictItem.code, m.DictItem.label, m.DictItem.holder)
                      .where(m.DictItem.kind.in_(("partner_type", "service_domain")))).all()
    labels = {(k, c): label for k, c, label, _ in items}
    holders = {c: h for k, c, _, h in items if k == "partner_type"}
    agreements = _latest_of(s, select(m.Agreement).where(m.Agreement.partner_id.in_(ids),
                                                         m.Agreement.state != "draft")
                            .order_by(m.Agreement.partner_id, m.Agreement.start_date.desc(), m.Agreement.id.desc()),
                            lambda a: a.partner_id)
    events = _latest_of(s, select(m.PartnerEvent).where(
        m.PartnerEvent.partner_id.in_(ids), m.PartnerEvent.action.in_(("community_approve", "street_approve", "submit")))
        .order_by(m.PartnerEvent.id.desc()), lambda e: (e.partner_id, e.action))
    spaces = {x.id: x for x in s.scalars(select(m.Space).where(
        m.Space.id.in_({a.space_id for a in agreements.values()} or {0})))}
    firsts = {p.id: min((c.community_id for c in p.communities), default=None) for p in partners.values()}
    units = {u.id: u for u in s.scalars(select(m.OrgUnit).where(m.OrgUnit.id.in_(
        ({x for x in firsts.values() if x} | {p.street_id for p in partners.values() if p.street_id}) or {0})))}
    parents = {u.parent_id for u in units.values() if u.parent_id} - set(units)
    if parents:
        units.update({u.id: u for u in s.scalars(select(m.OrgUnit).where(m.OrgUnit.id.in_(parents)))})

    out = []
    for pid in partner_ids:
        p = partners.get(pid)
        if p is None:
            raise DomainError("record.missing", entity="partner", id=pid)
        holder = holders.get(p.type_code) or (INDIVIDUAL if p.id_number and not p.uscc else "organisation")
        rkind = _resolve_holder(kind, p, holder == INDIVIDUAL)
        cids = tuple(sorted(c.community_id for c in p.communities))
        community = units.get(cids[0]) if cids else None
        street = units.get(p.street_id) if p.street_id else None
        if street is None and community is not None and community.parent_id:
            street = units.get(community.parent_id)
        agreement = agreements.get(p.id)
        space = spaces.get(agreement.space_id) if agreement else None
        c_ok, s_ok = events.get((p.id, "community_approve")), events.get((p.id, "street_approve"))
        submitted = events.get((p.id, "submit"))
        card = _card_of(p, labels.get(("partner_type", p.type_code), p.type_code),
                        [labels.get(("service_domain", d.domain_code), d.domain_code) for d in p.domains])
        out.append(_partner_data(rkind, p, cids, community, street, agreement, space, (c_ok, s_ok, submitted),
                                 card, today))
    return out


# --- agreements ---
def _area(centi: int) -> str:
    whole, frac = divmod(centi, 100)
    return f"{whole}.{frac:02d}".rstrip("0").rstrip(".")


def _percent(bp: int) -> str:
    whole, frac = divmod(bp, 100)
    return f"{whole}.{frac:02d}".rstrip("0").rstrip(".")


def _services(a: m.Agreement) -> str:
    parts = []
    if a.committed_sessions:
        parts.append(f"每月提供公益服务不少于{a.committed_sessions}次")
    if a.committed_hours:
        parts.append(f"每月公益服务时长不少于{a.committed_hours}小时")
    if a.target_groups:
        parts.append(f"服务对象：{a.target_groups}")
    if a.discounts:
        parts.append(f"优惠措施：{a.discounts}")
    return "；".join(parts) + "。" if parts else "按约定提供公益服务。"


def _sentence(text: str) -> str:
    text = text.strip()
    return text + "。" if text and text[-1] not in "。.！!；;" else text


def agreement_record(s: Session, agreement_id: int, today: date) -> RecordData:
    a = s.get(m.Agreement, agreement_id)
    if a is None:
        raise DomainError("record.missing", entity="agreement", id=agreement_id)
    p, space = _partner(s, a.partner_id), s.get(m.Space, a.space_id)
    community = s.get(m.OrgUnit, space.community_id)
    street = s.get(m.OrgUnit, community.parent_id) if community.parent_id else None
    supplements = s.scalars(select(m.AgreementSupplement).where(m.AgreementSupplement.agreement_id == a.id)
                            .order_by(m.AgreementSupplement.seq)).all()
    fees = (f"水电费由{PAYER_ZH.get(a.utilities_payer, a.utilities_payer)}承担，"
            f"物业费由{PAYER_ZH.get(a.property_fee_payer, a.property_fee_payer)}承担。")
    data = {"partner": _card(s, p),
            "community": {"name": community.name, "contact": ""},
            "street": {"name": street.name if street else ""},
            "document": {"date": today},
            "space": {"name": space.name, "address": space.address, "area": _area(space.area_centi_m2)},
            "agreement": {"number": a.number, "start": a.start_date, "end": a.end_date, "use": a.permitted_use,
                          "mode": MODE_ZH.get(a.mode, a.mode), "fees": fees, "services": _services(a),
                          "feedback_percent": _percent(a.revenue_share_bp), "fund": f"{community.name}基金池",
                          "renewal": _sentence(a.renewal_rule), "date": a.signed_on or today,
                          "supplements": [{"title": f"第{x.seq}号补充协议", "signed_on": x.signed_on,
                                           "summary": x.text} for x in supplements]}}
    return RecordData("space_agreement", "agreement", a.id, (space.community_id,), f"{a.number} {p.name}", data)



# === the other kinds: recruitment notice, exit notice, fund documents, duty rota =================================
# Each kind names the entity it is issued for (kept with the issued document), the communities that scope it, its
# numbering series and which records ``print KIND --all`` covers (``record_ids``). The fund services are imported
# where used, so opening the documents page does not load the ledger.
