"""Record data for the printed documents: a partner or an agreement read from the database as the plain dict
the templates in ``forms/`` name (``partner.name``, ``agreement.supplements`` ...). No rendering here.

Personal numbers go in unmasked; the template decides what prints masked (``fill.Filler``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
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


def entity_of(kind: str) -> str:
    if kind in PARTNER_KINDS or kind == COMMITMENT:
        return "partner"
    if kind in AGREEMENT_KINDS:
        return "agreement"
    if kind in EXTRA:
        return EXTRA[kind].entity
    raise DomainError("template.unknown", kind=kind)


def build(s: Session, kind: str, record_id: int, today: date) -> RecordData:
    if kind in EXTRA:
        return EXTRA[kind].build(s, record_id, today)
    if entity_of(kind) == "partner":
        return partner_record(s, kind, record_id, today)
    return agreement_record(s, record_id, today)


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


# --- partners, many at once (batches): the same dicts as partner_record, read with a few IN queries per chunk ---
BATCH_CHUNK = 200


def build_many(s: Session, kind: str, record_ids: Sequence[int], today: date) -> Iterator[RecordData]:
    """``build`` for each id in order (the first record that cannot be built raises, as ``build`` would): the
    partner kinds are read a chunk at a time in bulk, the others one by one."""
    if kind in EXTRA or entity_of(kind) != "partner":
        for rid in record_ids:
            yield build(s, kind, rid, today)
        return
    for k in range(0, len(record_ids), BATCH_CHUNK):
        yield from partner_records(s, kind, record_ids[k:k + BATCH_CHUNK], today)


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

@dataclass(frozen=True)
class Kind:
    entity: str
    series: tuple[str, str]
    build: Callable[[Session, int, date], RecordData]
    ids: Callable[[Session, int | None, str, frozenset[int] | None], list[int]]
    states: tuple[str, ...] = ()  # what --state may name; () = refused


ROLE_ZH = {"admin": "系统管理员", "staff": "街道经办人", "approver": "审批人", "community_worker": "社区工作者",
           "auditor": "监督审计"}
STEP_ZH = {"approved": "同意", "rejected": "不同意", "returned": "退回修改", "pending": "待审批", "skipped": "未进行"}
APP_STATE_ZH = {"draft": "草稿", "submitted": "已提交", "in_approval": "审批中", "returned": "退回修改",
                "approved": "已批准", "rejected": "不予批准", "withdrawn": "已撤回", "superseded": "已被新版本取代"}
APPLICANT_ZH = {"community": "社区", "partner": "社区合伙人", "resident_group": "居民自组织"}
EXIT_ZH = {"term_expired": "服务期满未续约", "voluntary": "你单位（你）主动申请退出",
           "evaluation_failed": "评估不合格且整改后仍不合格", "breach": "违反承诺或发生安全事故",
           "licence_lost": "营业执照（登记证书）被吊销、注销或丧失相应资质", "space_reclaimed": "公共利益需要收回服务空间"}
DONOR_ZH = {"person": "个人", "organisation": "单位"}
WEEKDAY_ZH = "一二三四五六日"
PUBLICITY_DAYS = 7  # 公示期: the document's date and the six days after it
DEFAULT_BENEFITS = ("优先使用社区闲置空间，以“空间换服务”方式开展服务；在社区公示栏、政务新媒体等渠道免费宣传推介；"
                    "评估优秀的，优先续约并推荐参加各级评先评优。")


def _ymd(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _yuan(fen: int) -> str:
    from ..domain.money import format_yuan

    return format_yuan(fen)


def _words(fen: int) -> str:
    from ..domain.money import amount_in_words

    return amount_in_words(fen)


def _person(s: Session, username: str) -> str:
    if not username:
        return ""
    shown = s.scalar(select(m.User.display_name).where(m.User.username == username))
    return shown or username


def _unit_names(s: Session, unit_id: int) -> tuple[m.OrgUnit, m.OrgUnit | None]:
    unit = s.get(m.OrgUnit, unit_id)
    parent = s.get(m.OrgUnit, unit.parent_id) if unit is not None and unit.parent_id else None
    return unit, parent


def _places_of(s: Session, unit_id: int) -> dict[str, Any]:
    """``community`` and ``street`` of a unit that is a community (or a street: then both name the street)."""
    unit, parent = _unit_names(s, unit_id)
    if unit.kind == "community":
        return {"community": {"name": unit.name, "contact": ""}, "street": {"name": parent.name if parent else ""}}
    return {"community": {"name": unit.name, "contact": ""}, "street": {"name": unit.name}}


def _items(text: str, style: str = "（{n}）") -> str:
    """Conditions or benefits typed as one text (split at ；/; or line ends) as numbered lines."""
    parts = [x.strip().rstrip("。；;") for x in text.replace("\r", "").replace(";", "；").replace("\n", "；").split("；")]
    parts = [x for x in parts if x]
    if len(parts) <= 1:
        return _sentence(parts[0]) if parts else ""
    return "\n".join(style.format(n=cn) + x + "。" for cn, x in zip(_cn_numbers(len(parts)), parts, strict=True))


def _cn_numbers(n: int) -> list[str]:
    from ..documents.blocks import cn_number

    return [cn_number(i) for i in range(1, n + 1)]


def _missing(entity: str, record_id: int) -> DomainError:
    return DomainError("record.missing", entity=entity, id=record_id)


def _scoped(q, column, community_id: int | None, scope: frozenset[int] | None):  # noqa: ANN001, ANN202
    if community_id is not None:
        q = q.where(column == community_id)
    if scope is not None:
        q = q.where(column.in_(scope))
    return q


# --- 招募令 recruitment notice ---
def notice_record(s: Session, notice_id: int, today: date) -> RecordData:
    n = s.get(m.RecruitmentNotice, notice_id)
    if n is None:
        raise _missing("notice", notice_id)
    places = _places_of(s, n.issuer_id)
    issuer = s.get(m.OrgUnit, n.issuer_id)
    codes = [c for c in n.domain_codes.split(",") if c]
    fields = "、".join(_labels(s, "service_domain", codes)) if codes else "养老服务、托育服务、便民服务、文化体育、法律援助、就业培训等社区服务各领域"
    if n.open_from and n.open_to:
        period = f"自{_ymd(n.open_from)}起至{_ymd(n.open_to)}止。"
    elif n.open_from:
        period = f"自{_ymd(n.open_from)}起，长期有效。"
    else:
        period = "长期有效，常年接受报名。"
    data = {**places, "document": {"date": today, "serial": PENDING_NUMBER},
            "issuer": {"name": issuer.name},
            "notice": {"title": n.title, "fields": fields + "。", "conditions": _items(n.conditions),
                       "benefits": _items(n.benefits or DEFAULT_BENEFITS), "period": period,
                       "date": n.open_from or today}}
    return RecordData("recruitment_notice", "notice", n.id, (n.issuer_id,), n.title, data)


def _notice_ids(s: Session, community_id: int | None, state: str, scope: frozenset[int] | None) -> list[int]:
    q = select(m.RecruitmentNotice.id).order_by(m.RecruitmentNotice.id)
    q = q.where(m.RecruitmentNotice.status == state) if state else \
        q.where(m.RecruitmentNotice.status != "draft")  # drafts only when asked for (--state draft)
    return list(s.scalars(_scoped(q, m.RecruitmentNotice.issuer_id, community_id, scope)))


# --- 退出通知书 exit notice ---
def exit_record(s: Session, partner_id: int, today: date) -> RecordData:
    p = _partner(s, partner_id)
    if p.state != "exited" or p.exit_date is None:
        raise DomainError("document.not_exited", name=p.name)
    ids, community, street = _places(s, p)
    exit_event = _event(s, p.id, "exit")
    ended = s.scalars(select(m.Agreement).where(m.Agreement.partner_id == p.id,
                                                m.Agreement.state == "terminated",
                                                m.Agreement.terminated_on == p.exit_date)
                      .order_by(m.Agreement.start_date, m.Agreement.id)).all()
    rows = []
    for a in ended:
        space = s.get(m.Space, a.space_id)
        rows.append({"number": a.number, "space": space.name if space else "", "term": _term(a),
                     "ended": a.terminated_on})
    data = {"partner": _card(s, p),
            "community": {"name": community.name if community else "", "contact": ""},
            "street": {"name": street.name if street else ""},
            "document": {"date": today, "serial": PENDING_NUMBER},
            "filing": {"number": p.filing_no or "", "date": p.filed_on},
            "exit": {"reason": EXIT_ZH.get(p.exit_reason or "", p.exit_reason or ""), "date": p.exit_date,
                     "opinion": _sentence(exit_event.opinion) if exit_event and exit_event.opinion else "无。",
                     "agreements": rows}}
    return RecordData("exit_notice", "partner", p.id, ids, p.name, data)


def _exit_ids(s: Session, community_id: int | None, state: str, scope: frozenset[int] | None) -> list[int]:
    q = select(m.Partner.id).where(m.Partner.state == "exited").order_by(m.Partner.id)
    for ids in ([community_id] if community_id is not None else None, scope):
        if ids is not None:
            q = q.where(m.Partner.id.in_(select(m.PartnerCommunity.partner_id)
                                         .where(m.PartnerCommunity.community_id.in_(ids))))
    return list(s.scalars(q))


# --- 项目申报审批表 project application and approval form ---
def _application(s: Session, app_id: int) -> m.Application:
    a = s.get(m.Application, app_id)
    if a is None:
        raise _missing("fund_application", app_id)
    return a


def approval_record(s: Session, app_id: int, today: date) -> RecordData:
    a = _application(s, app_id)
    fund = s.get(m.Fund, a.fund_id)
    root = a.root_id or a.id
    chain = list(s.scalars(select(m.Application.id).where(m.Application.root_id == root,
                                                          m.Application.version_no <= a.version_no)))
    steps = s.scalars(select(m.ApprovalStep).where(m.ApprovalStep.application_id.in_(chain or [a.id]))
                      .order_by(m.ApprovalStep.version_no, m.ApprovalStep.round_no, m.ApprovalStep.seq)).all()
    several = len({(x.version_no, x.round_no) for x in steps}) > 1
    step_rows = [{"round": (f"第{x.version_no}版" if a.version_no > 1 else "") + f"第{x.round_no}轮",
                  "step": x.label or ROLE_ZH.get(x.role, x.role), "role": ROLE_ZH.get(x.role, x.role),
                  "person": _person(s, x.actor), "opinion": x.opinion, "result": STEP_ZH.get(x.state, x.state),
                  "date": x.at.date() if x.at else None} for x in steps]
    budget = s.scalars(select(m.BudgetLine).where(m.BudgetLine.application_id == a.id)
                       .order_by(m.BudgetLine.position)).all()
    lines = [{"item": b.item, "amount": _yuan(b.amount_fen)} for b in budget]
    lines.append({"item": "合计", "amount": _yuan(sum(b.amount_fen for b in budget))})
    if a.state in ("approved", "superseded") and a.approved_on:
        result = f"同意立项，批准金额人民币{_words(a.amount_fen)}（¥{_yuan(a.amount_fen)}），批准日期{_ymd(a.approved_on)}。"
    else:
        result = APP_STATE_ZH.get(a.state, a.state) + "。"
    data = {**_places_of(s, a.unit_id), "document": {"date": today, "serial": PENDING_NUMBER},
            "fund": {"name": fund.name, "code": fund.code},
            "application": {"title": a.title, "applicant": a.applicant_name,
                            "applicant_kind": APPLICANT_ZH.get(a.applicant_kind, a.applicant_kind),
                            "category": a.category, "amount": _yuan(a.amount_fen), "amount_words": _words(a.amount_fen),
                            "description": a.description or "（见附件）", "submitted": a.submitted_at,
                            "created_by": _person(s, a.created_by), "version": f"第{a.version_no}版",
                            "state": APP_STATE_ZH.get(a.state, a.state), "result": result,
                            "rounds_note": "（含退回修改后重新报送的各轮审批）" if several else "",
                            "budget": lines, "steps": step_rows}}
    return RecordData("project_approval", "fund_application", a.id, (a.unit_id,), a.title, data)


def _approval_ids(s: Session, community_id: int | None, state: str, scope: frozenset[int] | None) -> list[int]:
    q = select(m.Application.id).where(m.Application.state == (state or "approved")).order_by(m.Application.id)
    return list(s.scalars(_scoped(q, m.Application.unit_id, community_id, scope)))


# --- 拨付凭证 disbursement voucher ---
def voucher_record(s: Session, disbursement_id: int, today: date) -> RecordData:
    d = s.get(m.Disbursement, disbursement_id)
    if d is None:
        raise _missing("disbursement", disbursement_id)
    if d.reversed:
        raise DomainError("document.reversed", kind="disbursement_voucher", id=d.id)
    a, fund, txn = _application(s, d.application_id), s.get(m.Fund, d.fund_id), s.get(m.Txn, d.txn_id)
    dm = m.Disbursement
    paid = int(s.scalar(select(func.coalesce(func.sum(dm.amount_fen), 0)).where(
        dm.root_id == d.root_id, dm.reversed.is_(False),
        (dm.on_date < d.on_date) | ((dm.on_date == d.on_date) & (dm.id <= d.id)))))
    data = {**_places_of(s, a.unit_id), "document": {"date": today, "serial": PENDING_NUMBER},
            "fund": {"name": fund.name, "code": fund.code},
            "application": {"title": a.title, "applicant": a.applicant_name, "approved": _yuan(a.amount_fen),
                            "approved_on": a.approved_on, "number": f"第{a.root_id or a.id}号（第{a.version_no}版）"},
            "disbursement": {"date": d.on_date, "payee": d.payee, "amount": _yuan(d.amount_fen),
                             "amount_words": _words(d.amount_fen), "txn": f"第{txn.id}号",
                             "memo": txn.memo, "paid_total": _yuan(paid),
                             "remaining": _yuan(max(a.amount_fen - paid, 0)),
                             "created_by": _person(s, d.created_by)}}
    return RecordData("disbursement_voucher", "disbursement", d.id, (a.unit_id,), f"{a.title} {d.payee}", data)


def _voucher_ids(s: Session, community_id: int | None, state: str, scope: frozenset[int] | None) -> list[int]:
    q = (select(m.Disbursement.id).join(m.Application, m.Application.id == m.Disbursement.application_id)
         .where(m.Disbursement.reversed.is_(False)).order_by(m.Disbursement.id))
    return list(s.scalars(_scoped(q, m.Application.unit_id, community_id, scope)))


# --- 捐赠收据 donation receipt ---
def _reversed_txn(s: Session, txn_id: int) -> bool:
    return s.scalar(select(m.Txn.id).where(m.Txn.reverses_id == txn_id)) is not None


def receipt_record(s: Session, donation_id: int, today: date) -> RecordData:
    d = s.get(m.Donation, donation_id)
    if d is None:
        raise _missing("donation", donation_id)
    if _reversed_txn(s, d.txn_id):
        raise DomainError("document.reversed", kind="donation_receipt", id=d.id)
    fund = s.get(m.Fund, d.fund_id)
    places = _places_of(s, fund.unit_id)
    receiver = fund.host or places["community"]["name"]
    data = {**places, "document": {"date": today, "serial": PENDING_NUMBER},
            "fund": {"name": fund.name, "code": fund.code, "receiver": receiver},
            "donation": {"receipt_no": d.receipt_no, "donor": d.donor, "donor_kind": DONOR_ZH.get(d.donor_kind, ""),
                         "date": d.on_date, "amount": _yuan(d.amount_fen), "amount_words": _words(d.amount_fen),
                         "use": d.intended_use or "由基金统筹用于社区公益事业",
                         "publicity": "按捐赠人意愿匿名公示（公示时捐赠人显示为“匿名”）" if d.anonymous else "实名公示",
                         "created_by": _person(s, d.created_by)}}
    title = f"{d.receipt_no} {'匿名' if d.anonymous else d.donor}"
    return RecordData("donation_receipt", "donation", d.id, (fund.unit_id,), title, data)


def _receipt_ids(s: Session, community_id: int | None, state: str, scope: frozenset[int] | None) -> list[int]:
    reversed_txns = select(m.Txn.reverses_id).where(m.Txn.reverses_id.is_not(None))
    q = (select(m.Donation.id).join(m.Fund, m.Fund.id == m.Donation.fund_id)
         .where(m.Donation.txn_id.not_in(reversed_txns)).order_by(m.Donation.id))
    return list(s.scalars(_scoped(q, m.Fund.unit_id, community_id, scope)))


# --- 资金公示 fund disclosure notice, issued for a closed period (its figures can no longer change) ---
def period_label(key: str) -> str:
    if "Q" in key:
        year, q = key.split("Q")
        return f"{year}年第{'一二三四'[int(q) - 1]}季度"
    if "-" in key:
        year, month = key.split("-")
        return f"{year}年{int(month)}月"
    return f"{key}年度"


def disclosure_record(s: Session, closed_id: int, today: date) -> RecordData:
    from .applications import approved_projects_in
    from .donations import publication_in
    from .fund_statement import statement_in

    cp = s.get(m.ClosedPeriod, closed_id)
    if cp is None:
        raise _missing("closed_period", closed_id)
    fund = s.get(m.Fund, cp.fund_id)
    st = statement_in(s, fund, cp.period)
    places = _places_of(s, fund.unit_id)
    label = period_label(st.period)

    def money(x) -> str:  # noqa: ANN001 - Decimal yuan
        return f"{x:,.2f}"

    summary = (f"期初余额{money(st.opening)}元，本期收入{money(st.income_total)}元，本期支出{money(st.spending_total)}元，"
               + (f"其他调整{money(st.other)}元，" if st.other else "") + f"期末余额{money(st.closing)}元。")
    gifts = [{"receipt_no": g.receipt_no, "donor": g.donor, "amount": _yuan(g.amount_fen), "date": g.on_date,
              "use": g.intended_use} for g in publication_in(s, fund.id, st.start, st.end)]
    projects = [{"title": x.title, "applicant": x.applicant_name, "approved": _yuan(x.approved_fen),
                 "approved_on": x.approved_on, "paid": _yuan(x.paid_in_period_fen)}
                for x in approved_projects_in(s, fund.id, st.period)]
    last = today + timedelta(days=PUBLICITY_DAYS - 1)
    data = {**places, "document": {"date": today, "serial": PENDING_NUMBER},
            "fund": {"name": fund.name, "code": fund.code,
                     "publisher": places["community"]["name"] if fund.kind != "micro" else f"{fund.name}管理委员会"},
            "period": {"label": label, "start": st.start, "end": st.end},
            "statement": {"summary": summary, "opening": money(st.opening), "closing": money(st.closing),
                          "income": [{"source": n, "amount": money(x)} for n, x in st.income]
                          + [{"source": "收入合计", "amount": money(st.income_total)}],
                          "spending": [{"project": n, "amount": money(x)} for n, x in st.spending]
                          + [{"project": "支出合计", "amount": money(st.spending_total)}]},
            "donations": gifts, "projects": projects,
            "publicity": {"start": today, "end": last, "days": str(PUBLICITY_DAYS)}}
    return RecordData("fund_disclosure", "closed_period", cp.id, (fund.unit_id,), f"{fund.name} {label}", data)


def _disclosure_ids(s: Session, community_id: int | None, state: str, scope: frozenset[int] | None) -> list[int]:
    q = (select(m.ClosedPeriod.id).join(m.Fund, m.Fund.id == m.ClosedPeriod.fund_id)
         .order_by(m.ClosedPeriod.end_date, m.ClosedPeriod.id))
    return list(s.scalars(_scoped(q, m.Fund.unit_id, community_id, scope)))


# --- 值班表 duty rota of a community: the month (rota) or the week, Monday to Sunday (rota_week), of the day it
# is printed on ---
def rota_period(kind: str, today: date) -> tuple[date, date, str]:
    if kind == "rota_week":
        first = today - timedelta(days=today.weekday())
        last = first + timedelta(days=6)
        return first, last, f"{_ymd(first)}至{_ymd(last) if last.year != first.year else f'{last.month}月{last.day}日'}"
    first = today.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return first, last, f"{today.year}年{today.month}月"


def _rota_note(x: m.RotaShift, s: Session) -> str:
    notes = []
    if x.attendance == "replaced" and x.replaced_by_id:
        notes.append(f"由{_partner(s, x.replaced_by_id).name}替班")
    note = (x.note or "").replace("互换 / swapped:", "互换：").strip()
    if note and note != "互换：":
        notes.append(note)
    elif note:
        notes.append("已互换")
    return "；".join(notes)


def rota_builder(kind: str) -> Callable[[Session, int, date], RecordData]:
    def build_rota(s: Session, community_id: int, today: date) -> RecordData:
        unit = s.get(m.OrgUnit, community_id)
        if unit is None or unit.kind != "community":
            raise _missing("community", community_id)
        first, last, label = rota_period(kind, today)
        shifts = s.scalars(select(m.RotaShift).where(m.RotaShift.community_id == unit.id,
                                                     m.RotaShift.on_date.between(first, last))
                           .order_by(m.RotaShift.on_date, m.RotaShift.start, m.RotaShift.id)).all()
        names = dict(s.execute(select(m.Partner.id, m.Partner.name).where(
            m.Partner.id.in_({x.partner_id for x in shifts} or {0}))).all())
        rows = [{"date": f"{x.on_date.month}月{x.on_date.day}日", "weekday": "星期" + WEEKDAY_ZH[x.on_date.weekday()],
                 "weekday_short": "周" + WEEKDAY_ZH[x.on_date.weekday()],
                 "time": f"{x.start}—{x.end}", "venue": x.venue, "partner": names.get(x.partner_id, ""),
                 "topic": x.topic, "note": _rota_note(x, s)} for x in shifts]
        venues = "、".join(dict.fromkeys(x.venue for x in shifts)) or "社区合伙人工作室"
        data = {**_places_of(s, unit.id), "document": {"date": today, "serial": PENDING_NUMBER},
                "rota": {"period": label, "start": first, "end": last, "venues": venues, "shifts": rows}}
        return RecordData(kind, "community", unit.id, (unit.id,), f"{unit.name} {label}值班表", data)

    return build_rota


def _rota_ids(s: Session, community_id: int | None, state: str, scope: frozenset[int] | None) -> list[int]:
    q = select(m.OrgUnit.id).where(m.OrgUnit.kind == "community",
                                   m.OrgUnit.id.in_(select(m.RotaShift.community_id))).order_by(m.OrgUnit.id)
    return list(s.scalars(_scoped(q, m.OrgUnit.id, community_id, scope)))


EXTRA: dict[str, Kind] = {
    "recruitment_notice": Kind("notice", ("notice", "招募令"), notice_record, _notice_ids, ("draft", "open", "closed")),
    "exit_notice": Kind("partner", ("exit", "退出通知书"), exit_record, _exit_ids, ("exited",)),
    "project_approval": Kind("fund_application", ("project", "审批表"), approval_record, _approval_ids,
                             tuple(APP_STATE_ZH)),
    "disbursement_voucher": Kind("disbursement", ("disbursement", "拨付凭证"), voucher_record, _voucher_ids),
    "donation_receipt": Kind("donation", ("donation", "捐赠收据"), receipt_record, _receipt_ids),
    "fund_disclosure": Kind("closed_period", ("disclosure", "公示"), disclosure_record, _disclosure_ids),
    "rota": Kind("community", ("rota", "值班表"), rota_builder("rota"), _rota_ids),
    "rota_week": Kind("community", ("rota", "值班表"), rota_builder("rota_week"), _rota_ids),
}
KINDS = PARTNER_KINDS + AGREEMENT_KINDS + tuple(EXTRA)
SERIES.update({k: spec.series for k, spec in EXTRA.items()})


def record_ids(ws, kind: str, community_id: int | None = None, state: str = "") -> list[int]:  # noqa: ANN001
    """The records ``print KIND --all`` covers for the kinds above, oldest first, within the actor's communities."""
    from ..domain.roles import Perm, require

    require(ws.actor, Perm.READ)
    spec = EXTRA[kind]
    if state and state not in spec.states:
        raise DomainError("document.bad_filter", kind=kind, state=state,
                          allowed="、".join(spec.states) if spec.states else "—")
    scope = frozenset(ws.actor.community_ids) if ws.actor.is_scoped else None
    with ws.read() as uow:
        return spec.ids(uow.session, community_id, state, scope)
