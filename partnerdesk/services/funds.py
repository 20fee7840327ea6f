"""Funds: set up (with the micro-fund governance checks and the default chart of accounts), list, read."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import ledger as rules
from ..domain.errors import DomainError
from ..domain.ledger import AccountKind, FundKind, Member
from ..domain.money import fen_to_yuan
from ..domain.roles import Actor, Perm, require
from ..domain.text import clean_text
from . import audit
from .changes import Changes, Outcome

FUNDS = "funds"


@dataclass(frozen=True)
class FundInput:
    code: str
    name: str
    kind: str
    unit_id: int  # the community (or street) the fund belongs to
    partner_id: int | None = None  # se_ledger: the social enterprise whose independent books these are
    host: str = ""  # micro: the charity federation hosting the fund
    purpose: str = ""
    committee: tuple[Member, ...] = ()
    supervisors: tuple[str, ...] = ()


@dataclass(frozen=True)
class FundRow:
    id: int
    code: str
    name: str
    kind: str
    unit_id: int
    unit_name: str
    partner_id: int | None
    host: str
    purpose: str
    active: bool
    committee: tuple[str, ...]
    supervisors: tuple[str, ...]
    money_fen: int  # bank and cash together (what can be spent)

    @property
    def money(self) -> Decimal:
        return fen_to_yuan(self.money_fen)


@dataclass(frozen=True)
class AccountRow:
    id: int
    fund_id: int
    code: str
    name: str
    kind: str
    may_go_negative: bool
    source: str
    balance_fen: int  # on the account's normal side, all postings

    @property
    def balance(self) -> Decimal:
        return fen_to_yuan(self.balance_fen)


MONEY_CODES = (rules.CASH, rules.BANK)


def _kind(kind: str) -> FundKind:
    try:
        return FundKind(kind)
    except ValueError:
        raise DomainError("fund.bad_kind", kind=kind) from None


def _validate(s: Session, data: FundInput) -> None:
    kind = _kind(data.kind)
    if not clean_text(data.code) or len(data.code.strip()) > 32 or not clean_text(data.name):
        raise DomainError("fund.name_required")
    unit = s.get(m.OrgUnit, data.unit_id)
    if unit is None or unit.kind not in ("community", "street"):
        raise DomainError("fund.bad_unit", id=data.unit_id)
    if kind is FundKind.SE_LEDGER:
        if data.partner_id is None or s.get(m.Partner, data.partner_id) is None:
            raise DomainError("fund.enterprise_required")
    elif data.partner_id is not None:
        raise DomainError("fund.enterprise_only_for_se")
    if kind is FundKind.MICRO:
        rules.check_micro_fund(data.host, data.committee, data.supervisors)
    if s.scalar(select(m.Fund.id).where(m.Fund.code == data.code.strip())) is not None:
        raise DomainError("fund.code_taken", fund=data.code.strip())
    if data.partner_id is not None and s.scalar(select(m.Fund.id).where(m.Fund.partner_id == data.partner_id)):
        raise DomainError("fund.enterprise_has_ledger", id=data.partner_id)


def check_scope(actor: Actor | None, perm: Perm, fund: m.Fund) -> None:
    """Community workers reach only the funds of their own communities (never a street's fund)."""
    actor = require(actor, perm)
    if actor.is_scoped and fund.unit_id not in actor.community_ids:
        raise DomainError("auth.forbidden", action=perm.value, role=actor.role.value)


def get_fund(s: Session, fund_id: int, actor: Actor | None, perm: Perm = Perm.READ, lock: bool = False) -> m.Fund:
    """The fund row, after the permission and scope check; ``lock`` takes the row lock that serialises postings."""
    fund = s.get(m.Fund, fund_id, with_for_update=lock) if lock else s.get(m.Fund, fund_id)
    if fund is None:
        raise DomainError("record.missing", entity="fund", id=fund_id)
    check_scope(actor, perm, fund)
    return fund


def create(ws, data: FundInput) -> Outcome[FundRow]:
    require(ws.actor, Perm.POST_LEDGER, data.unit_id)
    with ws.write() as uow:
        s = uow.session
        _validate(s, data)
        fund = m.Fund(code=data.code.strip(), name=clean_text(data.name), kind=_kind(data.kind).value,
                      unit_id=data.unit_id, partner_id=data.partner_id, host=clean_text(data.host),
                      purpose=data.purpose.strip(), created_by=ws.actor.username, created_at=ws.now())
        s.add(fund)
        s.flush()
        for i, member in enumerate(data.committee):
            s.add(m.FundMember(fund_id=fund.id, role="committee", name=member.name.strip(), paid=member.paid, position=i))
        for i, name in enumerate(data.supervisors):
            s.add(m.FundMember(fund_id=fund.id, role="supervisor", name=name.strip(), position=i))
        for spec in rules.default_chart(fund.kind):
            s.add(m.LedgerAccount(fund_id=fund.id, code=spec.code, name=spec.name, kind=spec.kind.value,
                                  may_go_negative=spec.may_go_negative, source=spec.source, balance_fen=0))
        s.flush()
        audit.record(s, ws.actor, "fund.create", "fund", fund.id, after={
            "code": fund.code, "name": fund.name, "kind": fund.kind, "unit_id": fund.unit_id,
            "partner_id": fund.partner_id, "host": fund.host, "committee": [x.name for x in data.committee],
            "supervisors": list(data.supervisors)}, at=ws.now())
        row = _rows(s, [fund])[0]
        uow.commit()
    return Outcome(row, Changes.of(FUNDS))


def add_account(ws, fund_id: int, code: str, name: str, kind: str, *, may_go_negative: bool = False,
                source: str = "") -> Outcome[AccountRow]:
    """A further account in a fund's chart (e.g. a second bank account, an income source)."""
    require(ws.actor, Perm.POST_LEDGER)
    try:
        kind = AccountKind(kind).value
    except ValueError:
        raise DomainError("ledger.bad_account_kind", kind=kind) from None
    if not clean_text(code) or len(code.strip()) > 16 or not clean_text(name):
        raise DomainError("fund.name_required")
    with ws.write() as uow:
        s = uow.session
        fund = get_fund(s, fund_id, ws.actor, Perm.POST_LEDGER)
        if s.scalar(select(m.LedgerAccount.id).where(m.LedgerAccount.fund_id == fund.id,
                                                     m.LedgerAccount.code == code.strip())):
            raise DomainError("ledger.account_code_taken", account=code.strip())
        acc = m.LedgerAccount(fund_id=fund.id, code=code.strip(), name=clean_text(name), kind=kind,
                              may_go_negative=may_go_negative, source=clean_text(source), balance_fen=0)
        s.add(acc)
        s.flush()
        audit.record(s, ws.actor, "fund.add_account", "ledger_account", acc.id,
                     after={"fund_id": fund.id, "code": acc.code, "name": acc.name, "kind": kind,
                            "may_go_negative": may_go_negative}, at=ws.now())
        row = _account_row(acc)
        uow.commit()
    return Outcome(row, Changes.of(FUNDS))


def _account_row(a: m.LedgerAccount) -> AccountRow:
    return AccountRow(a.id, a.fund_id, a.code, a.name, a.kind, a.may_go_negative, a.source,
                      rules.on_normal_side(a.kind, a.balance_fen))


def _rows(s: Session, funds: list[m.Fund]) -> list[FundRow]:
    ids = [f.id for f in funds]
    members: dict[int, dict[str, list[str]]] = {}
    for x in s.scalars(select(m.FundMember).where(m.FundMember.fund_id.in_(ids))
                       .order_by(m.FundMember.fund_id, m.FundMember.role, m.FundMember.position)):
        members.setdefault(x.fund_id, {}).setdefault(x.role, []).append(x.name)
    money = dict(_sum_by_fund(s, ids))
    names = dict(s.execute(select(m.OrgUnit.id, m.OrgUnit.name).where(
        m.OrgUnit.id.in_({f.unit_id for f in funds}))).all())
    return [FundRow(f.id, f.code, f.name, f.kind, f.unit_id, names.get(f.unit_id, ""), f.partner_id, f.host,
                    f.purpose, f.active, tuple(members.get(f.id, {}).get("committee", ())),
                    tuple(members.get(f.id, {}).get("supervisor", ())), money.get(f.id, 0)) for f in funds]


def _sum_by_fund(s: Session, ids: list[int]) -> list[tuple[int, int]]:
    return s.execute(select(m.LedgerAccount.fund_id, func.sum(m.LedgerAccount.balance_fen)).where(
        m.LedgerAccount.fund_id.in_(ids), m.LedgerAccount.code.in_(MONEY_CODES))
        .group_by(m.LedgerAccount.fund_id)).all()


def list_funds(ws, *, kind: str = "", unit_id: int | None = None, include_inactive: bool = False) -> list[FundRow]:
    require(ws.actor, Perm.READ)
    q = select(m.Fund).order_by(m.Fund.kind, m.Fund.code)
    if kind:
        q = q.where(m.Fund.kind == kind)
    if unit_id is not None:
        q = q.where(m.Fund.unit_id == unit_id)
    if not include_inactive:
        q = q.where(m.Fund.active.is_(True))
    if ws.actor.is_scoped:
        q = q.where(m.Fund.unit_id.in_(ws.actor.community_ids))
    with ws.read() as uow:
        return _rows(uow.session, list(uow.session.scalars(q)))


def get(ws, fund_id: int) -> FundRow:
    with ws.read() as uow:
        return _rows(uow.session, [get_fund(uow.session, fund_id, ws.actor)])[0]


def find(ws, ref: str) -> FundRow:
    """A fund by its code or its number (the CLI's FUND argument)."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        s = uow.session
        fund_id = s.scalar(select(m.Fund.id).where(m.Fund.code == ref.strip()))
        if fund_id is None and ref.strip().isdigit():
            fund_id = int(ref.strip())
        if fund_id is None:
            raise DomainError("record.missing", entity="fund", id=ref)
        return _rows(s, [get_fund(s, fund_id, ws.actor)])[0]


def accounts(ws, fund_id: int) -> list[AccountRow]:
    """The fund's chart of accounts with each account's balance (all postings) on its normal side."""
    with ws.read() as uow:
        s = uow.session
        get_fund(s, fund_id, ws.actor)
        return [_account_row(a) for a in s.scalars(select(m.LedgerAccount).where(
            m.LedgerAccount.fund_id == fund_id).order_by(m.LedgerAccount.code))]
