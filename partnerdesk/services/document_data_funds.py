"""Record data of the other kinds, part two: the fund documents (disbursement voucher, donation receipt, fund
disclosure), the duty rota, and the ``EXTRA`` registry of every other kind. Re-exported by ``document_data``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain.errors import DomainError
from .document_data_notices import (
    APP_STATE_ZH,
    DONOR_ZH,
    PUBLICITY_DAYS,
    WEEKDAY_ZH,
    Kind,
    _application,
    _approval_ids,
    _exit_ids,
    _missing,
    _notice_ids,
    _person,
    _places_of,
    _scoped,
    _words,
    _ymd,
    _yuan,
    approval_record,
    exit_record,
    notice_record,
)
from .document_data_partners import (
    AGREEMENT_KINDS,
    PARTNER_KINDS,
    PENDING_NUMBER,
    SERIES,
    RecordData,
    _partner,
)


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


# --- 值班表 duty rota of a community: the month (rota) or the week, Monday to Sunday (rota_week), of a chosen day
# (by default the day it is printed on) ---
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


def rota_builder(kind: str) -> Callable[..., RecordData]:
    def build_rota(s: Session, community_id: int, today: date, period_of: date | None = None) -> RecordData:
        unit = s.get(m.OrgUnit, community_id)
        if unit is None or unit.kind != "community":
            raise _missing("community", community_id)
        first, last, label = rota_period(kind, period_of or today)
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
    "rota": Kind("community", ("rota", "值班表"), rota_builder("rota"), _rota_ids, period=True),
    "rota_week": Kind("community", ("rota", "值班表"), rota_builder("rota_week"), _rota_ids, period=True),
}
PERIOD_KINDS = tuple(k for k, spec in EXTRA.items() if spec.period)  # documents about a chosen month or week
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
