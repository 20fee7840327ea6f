"""Record data of the other kinds, part one: the ``Kind`` spec, shared helpers, the recruitment notice, the exit
notice and the project approval form. Re-exported by ``document_data``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain.errors import DomainError
from .document_data_partners import (
    PENDING_NUMBER,
    RecordData,
    _card,
    _event,
    _labels,
    _partner,
    _places,
    _sentence,
    _term,
)

# Each kind names the entity it is issued for (kept with the issued document), the communities that scope it, its
# numbering series and which records ``print KIND --all`` covers (``record_ids``). The fund services are imported
# where used, so opening the documents page does not load the ledger.

@dataclass(frozen=True)
class Kind:
    entity: str
    series: tuple[str, str]
    build: Callable[..., RecordData]  # (session, record id, today[, period_of]) -> RecordData
    ids: Callable[[Session, int | None, str, frozenset[int] | None], list[int]]
    states: tuple[str, ...] = ()  # what --state may name; () = refused
    period: bool = False  # covers the month or week of a chosen day (build takes ``period_of``)


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
