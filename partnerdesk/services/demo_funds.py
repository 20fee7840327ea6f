"""Demo data for the funds: a fund pool per community and per street, a social-enterprise ledger per community
whose agreements share revenue (the books of one social-enterprise partner there), a few micro-funds with valid
committees; opening balances, revenue reports and receipts split by the agreement's rule (``ledger.split``, as
``feedback.receive`` does), overdue feedback, donations with gap-free receipt numbers, grants, interest and bank
charges; project applications in every state with their approval steps by the tier preset; disbursements within
the approved amount and the fund's balance; reversals with reasons; closed months and quarters; bank assertions.

The books are computed in Python by the domain rules, in date order: every transaction is booked on its own date
(ids follow the bookings), spending is checked against the running bank balance, and the kept account balances
are the sums of the postings written. Reads the partners and agreements written before; bulk inserts only.
"""

from __future__ import annotations

import bisect
import heapq
import json
import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import Date, DateTime, insert, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain import ledger as rules
from ..domain.applications import Tier
from ..domain.ledger import FundKind, Member, TxnKind
from .demo_fund_income import _Income, _person
from .demo_fund_projects import CATEGORIES, _Projects
from .feedback import _REPORTABLE
from .records import sync_id_sequence

# ledger postings, about; the district10 figure is the benchmark's 1,000,000
COUNTS = {"small": 6_000, "district": 200_000, "district10": 1_000_000}
APPLICATIONS = {"small": 60, "district": 1_200, "district10": 4_000}
MICRO_FUNDS = {"small": 2, "district": 6, "district10": 6}
QUARTERS = 8  # the books start this many quarters before the current one
HOST = "渝新区慈善总会"
DENIED = ["宴请", "发放现金", "人员工资", "购置车辆"]



def generate(s: Session, rng: random.Random, scale: str, today: date, count: int | None = None
             ) -> tuple[tuple[str, int], ...]:
    b = _Books(s, rng, scale, today)
    b.set_up_funds()
    b.plan_feedback()
    b.plan_applications(APPLICATIONS.get(scale, APPLICATIONS["small"]))
    b.plan_regular()
    b.plan_donations(COUNTS.get(scale, COUNTS["small"]))
    b.run()
    b.close_periods()
    b.write()
    return (("funds", len(b.funds)), ("ledger_postings", len(b.postings)), ("donations", len(b.donations)),
            ("fund_applications", len(b.apps)))


def _quarter_start(today: date, back: int) -> date:
    q = (today.year * 4 + (today.month - 1) // 3) - back
    return date(q // 4, (q % 4) * 3 + 1, 1)


class _Books(_Income, _Projects):
    """Everything the generator writes, built in memory first."""

    def __init__(self, s: Session, rng: random.Random, scale: str, today: date) -> None:
        self.s, self.rng, self.scale, self.today = s, rng, scale, today
        self.since = _quarter_start(today, QUARTERS)
        self.funds: list[dict] = []
        self.members: list[dict] = []
        self.accounts: list[dict] = []
        self.acc: dict[int, dict[str, int]] = {}  # fund id -> account code -> id
        self.fund_by_unit: dict[tuple[str, int], int] = {}  # (kind, unit) -> fund id
        self.txns: list[dict] = []
        self.postings: list[dict] = []
        self.reports: list[dict] = []
        self.receipts: list[dict] = []
        self.donations: list[dict] = []
        self.apps: list[dict] = []
        self.budget: list[dict] = []
        self.steps: list[dict] = []
        self.disbursements: list[dict] = []
        self.closed: list[dict] = []
        self.assertions: list[dict] = []
        self.rules: list[dict] = []
        self.tier_rows: list[dict] = []
        self.bank: dict[int, int] = {}  # fund id -> bank balance (fen) as booked so far
        self.booked: dict[int, list[tuple[date, int, int]]] = {}  # fund id -> (date, txn id, bank after) in order
        self.events: list[tuple] = []
        self._seq = 0
        self._keys = 0
        self._dates: dict[date, tuple[str, str]] = {}
        self.next_txn = (s.scalar(select(m.Txn.id).order_by(m.Txn.id.desc()).limit(1)) or 0) + 1
        self.next_app = (s.scalar(select(m.Application.id).order_by(m.Application.id.desc()).limit(1)) or 0) + 1
        self.users = self._users()

    # ---- who ------------------------------------------------------------------------------------------------
    def _users(self) -> dict:
        rows = self.s.execute(select(m.User.username, m.User.role).where(m.User.active.is_(True))
                              .order_by(m.User.id)).all()
        by_role: dict[str, list[str]] = {}
        for name, role in rows:
            by_role.setdefault(role, []).append(name)
        workers: dict[int, str] = {}
        for name, cid in self.s.execute(select(m.User.username, m.UserCommunity.community_id).join(
                m.UserCommunity, m.UserCommunity.user_id == m.User.id).order_by(m.User.id)):
            workers.setdefault(cid, name)
        staff = by_role.get("staff") or ["staff1", "staff2"]
        return {"staff": staff if len(staff) > 1 else [*staff, "staff2"],
                "approver": by_role.get("approver") or ["approver1"], "admin": by_role.get("admin") or ["admin"],
                "community_worker": by_role.get("community_worker") or ["worker01"], "workers": workers}

    def actor(self, role: str, unit_id: int, creator: str) -> str:
        if role == "community_worker":
            return self.users["workers"].get(unit_id) or self.users["community_worker"][0]
        pool = [u for u in self.users[role] if u != creator] or [f"{role}-demo"]
        return self.rng.choice(pool)

    # ---- funds ------------------------------------------------------------------------------------------------
    def set_up_funds(self) -> None:
        s, rng = self.s, self.rng
        self.units = {i: (kind, parent, name, code) for i, kind, parent, name, code in s.execute(
            select(m.OrgUnit.id, m.OrgUnit.kind, m.OrgUnit.parent_id, m.OrgUnit.name, m.OrgUnit.code)
            .order_by(m.OrgUnit.id))}
        communities = [i for i, u in self.units.items() if u[0] == "community"]
        streets = [i for i, u in self.units.items() if u[0] == "street"]
        taken = set(s.scalars(select(m.Fund.code)))
        self.existing = {(k, u) for k, u in s.execute(select(m.Fund.kind, m.Fund.unit_id).where(
            m.Fund.active.is_(True)))}
        se_partners = set(s.scalars(select(m.Fund.partner_id).where(m.Fund.partner_id.is_not(None))))
        self.next_fund = (s.scalar(select(m.Fund.id).order_by(m.Fund.id.desc()).limit(1)) or 0) + 1
        self.next_acc = (s.scalar(select(m.LedgerAccount.id).order_by(m.LedgerAccount.id.desc()).limit(1)) or 0) + 1
        created = datetime.combine(self.since - timedelta(days=20), time(9, 0))
        for uid in communities + streets:
            kind, _, name, code = self.units[uid]
            if (FundKind.POOL.value, uid) not in self.existing:
                stem = name.removesuffix("社区").removesuffix("街道")
                self._fund(f"JJC-{code or uid}", f"{stem}{'社区' if kind == 'community' else '街道'}基金池",
                           FundKind.POOL, uid, None, "", "收益反哺10%、捐赠与补助；按项目申报使用", created, taken)
        # a social enterprise per community whose agreements share revenue: its independent books
        self.feedback_agreements = s.execute(
            select(m.Agreement.id, m.Agreement.number, m.Agreement.partner_id, m.Agreement.start_date,
                   m.Agreement.end_date, m.Agreement.terminated_on, m.Agreement.revenue_share_bp,
                   m.Agreement.pool_share_bp, m.Space.community_id)
            .join(m.Space, m.Space.id == m.Agreement.space_id)
            .where(m.Agreement.revenue_share_bp > 0, m.Agreement.state.in_(sorted(_REPORTABLE)))
            .order_by(m.Agreement.id)).all()
        holders = {}
        for a in self.feedback_agreements:
            holders.setdefault(a.community_id, []).append(a.partner_id)
        orgs = s.execute(select(m.PartnerCommunity.community_id, m.Partner.id, m.Partner.name, m.Partner.type_code)
                         .join(m.Partner, m.Partner.id == m.PartnerCommunity.partner_id)
                         .where(m.Partner.state == "active", m.Partner.uscc != "", m.Partner.merged_into_id.is_(None))
                         .order_by(m.Partner.id)).all()
        by_community: dict[int, list] = {}
        for cid, pid, pname, ptype in orgs:
            if pid not in se_partners:
                by_community.setdefault(cid, []).append((pid, pname, ptype))
        for cid in sorted(holders):
            if (FundKind.SE_LEDGER.value, cid) in self.existing or not by_community.get(cid):
                continue
            pool = by_community[cid]
            first = [p for p in pool if p[0] in holders[cid]] or [p for p in pool if p[2] == "private_non_enterprise"]
            pid, pname, _ = rng.choice(first or pool)
            self._fund(f"SQQ-{self.units[cid][3] or cid}", f"{pname}社会企业代管账套", FundKind.SE_LEDGER, cid, pid, "",
                       "收益反哺扣除基金池份额后的部分，独立核算", created, taken)
        for k in range(min(MICRO_FUNDS.get(self.scale, 2), len(communities))):
            cid = communities[(k * 5) % len(communities)]
            stem = self.units[cid][2].removesuffix("社区")
            size = rng.choice([5, 5, 7, 9])
            names: list[str] = []
            while len(names) < size + 2:
                n = _person(rng)
                names.append(n) if n not in names else None
            committee, supervisors = [Member(n) for n in names[:size]], names[size:size + rng.randint(1, 2)]
            rules.check_micro_fund(HOST, committee, supervisors)  # a valid committee, as funds.create checks
            fid = self._fund(f"WJJ-{self.units[cid][3] or cid}-{k + 1}", f"{stem}幸福微基金" if k < 3 else f"{stem}邻里互助微基金",
                             FundKind.MICRO, cid, None, HOST, "扶老助困、邻里互助；项目与账目定期公示", created, taken)
            self.members += [{"fund_id": fid, "role": "committee", "name": x.name, "paid": False, "position": i}
                             for i, x in enumerate(committee)]
            self.members += [{"fund_id": fid, "role": "supervisor", "name": n, "paid": False, "position": i}
                             for i, n in enumerate(supervisors)]
        admin = self.users["admin"][0]
        for f in self.funds:
            self.rules.append({"fund_id": f["id"], "allowed": json.dumps(CATEGORIES, ensure_ascii=False),
                               "denied": json.dumps(DENIED, ensure_ascii=False), "updated_by": admin,
                               "updated_at": created, "version": 1})
        self.tiers = self._tiers()

    def _fund(self, code: str, name: str, kind: FundKind, unit_id: int, partner_id: int | None, host: str,
              purpose: str, created: datetime, taken: set) -> int:
        while code in taken:
            code += "X"
        taken.add(code)
        fid = self.next_fund
        self.next_fund += 1
        self.funds.append({"id": fid, "code": code, "name": name, "kind": kind.value, "unit_id": unit_id,
                           "partner_id": partner_id, "host": host, "purpose": purpose, "active": True,
                           "created_by": "demo", "created_at": created, "version": 1})
        self.fund_by_unit[(kind.value, unit_id)] = fid
        self.acc[fid] = {}
        for spec in rules.default_chart(kind):
            self.acc[fid][spec.code] = self.next_acc
            self.accounts.append({"id": self.next_acc, "fund_id": fid, "code": spec.code, "name": spec.name,
                                  "kind": spec.kind.value, "may_go_negative": spec.may_go_negative,
                                  "source": spec.source, "balance_fen": 0, "active": True})
            self.next_acc += 1
        self.bank[fid] = 0
        self.booked[fid] = []
        return fid

    def _tiers(self) -> list[Tier]:
        from .application_rules import _tier_of, preset_tiers

        found = [_tier_of(t) for t in self.s.scalars(select(m.ApprovalTier).order_by(m.ApprovalTier.id))]
        if found:
            return found
        tiers = preset_tiers()
        self.tier_rows = [{"name": t.name, "fund_id": t.fund_id, "fund_kind": t.fund_kind, "min_fen": t.min_fen,
                           "max_fen": t.max_fen, "steps": json.dumps([{"role": x.role, "label": x.label} for x in t.steps],
                                                                     ensure_ascii=False)} for t in tiers]
        return tiers

    # ---- events -------------------------------------------------------------------------------------------------
    def push(self, on: date, kind: str, payload: object) -> None:
        if on <= self.today:
            self._seq += 1
            heapq.heappush(self.events, (on, self._seq, kind, payload))

    def key(self, prefix: str) -> str:
        self._keys += 1
        return f"demo-{prefix}-{self._keys}"

    def book(self, fund_id: int, on: date, lines: list[tuple[str, int]], kind: TxnKind, memo: str, key: str,
             project: str = "", reverses: dict | None = None, reason: str = "") -> dict:
        """One balanced transaction: lines are (account code, signed fen)."""
        assert sum(x for _, x in lines) == 0 and len(lines) >= 2
        if on not in self._dates:
            self._dates[on] = (rules.month_key(on), rules.quarter_key(on))
        period, quarter = self._dates[on]
        tid = self.next_txn
        self.next_txn += 1
        txn = {"id": tid, "fund_id": fund_id, "on_date": on, "period": period, "quarter": quarter, "kind": kind.value,
               "memo": memo, "project": project, "idem_key": key, "reverses_id": reverses["id"] if reverses else None,
               "reason": reason, "created_by": self.rng.choice(self.users["staff"]),
               "created_at": datetime.combine(on, time(9 + tid % 9, tid % 60))}
        self.txns.append(txn)
        accounts = self.acc[fund_id]
        for code, fen in lines:
            self.postings.append({"txn_id": tid, "fund_id": fund_id, "account_id": accounts[code], "on_date": on,
                                  "amount_fen": fen})
            if code == rules.BANK:
                self.bank[fund_id] += fen
        self.booked[fund_id].append((on, tid, self.bank[fund_id]))
        txn["_lines"] = lines
        return txn

    def reverse(self, original: dict, on: date, reason: str) -> dict:
        lines = [(c, -x) for c, x in original["_lines"]]
        return self.book(original["fund_id"], on, lines, TxnKind.REVERSAL, f"冲销 #{original['id']} {original['memo']}",
                         self.key("rev"), original["project"], reverses=original, reason=reason)

    # ---- the run -----------------------------------------------------------------------------------------------------
    def run(self) -> None:
        """Book every event in date order; spending only within the running bank balance."""
        self.paid: dict[int, int] = {}
        self.counters: dict[tuple[int, int], int] = {}
        self.codes = {f["id"]: f["code"] for f in self.funds}
        while self.events:
            on, _, kind, payload = heapq.heappop(self.events)
            if kind == "manual":
                fid, lines, memo, project = payload
                self.book(fid, on, lines, TxnKind.MANUAL, memo, self.key("man"), project)
            elif kind == "charge":
                fid, lines, memo, project = payload
                if self.bank[fid] >= lines[0][1]:
                    self.book(fid, on, lines, TxnKind.MANUAL, memo, self.key("man"), project)
            elif kind == "receipt":
                self.receive(on, *payload)
            elif kind == "receipt_reversal":
                r, txns, a, pool_id, se_id = payload
                if all(self.bank[t["fund_id"]] >= t["_lines"][0][1] for t in txns):
                    for t in txns:
                        self.reverse(t, on, "误记到其他协议，冲销后重新入账")
                    r["reversed"] = True
                    self.push(on + timedelta(days=1), "receipt", (a, pool_id, se_id, r["amount_fen"]))
            elif kind == "donation":
                self.donate(on, payload)
            elif kind == "donation_reversal":
                if self.bank[payload["fund_id"]] >= payload["_lines"][0][1]:
                    self.reverse(payload, on, "捐赠人重复转账，原路退回")
            elif kind == "pay":
                self.pay(on, *payload)
            elif kind == "pay_reversal":
                self.reverse_payment(on, payload)

    # ---- closed periods and bank assertions ---------------------------------------------------------------------------
    def close_periods(self) -> None:
        rng = self.rng
        admin = self.users["approver"][0]
        for f in self.funds:
            fid, monthly = f["id"], f["kind"] == FundKind.MICRO.value
            lag = rng.choice([1, 1, 2]) * (31 if monthly else 92)
            d = self.since
            while True:
                p = rules.period(rules.month_key(d) if monthly else rules.quarter_key(d))
                closing = p.end + timedelta(days=rng.randint(5, 20))
                if p.end + timedelta(days=lag) > self.today or closing >= self.today:
                    break
                booked = self.booked[fid]
                i = bisect.bisect_left(booked, (closing, 0))
                through = booked[i - 1][1] if i else 0
                self.closed.append({"fund_id": fid, "period": p.key, "start_date": p.start, "end_date": p.end,
                                    "through_txn_id": through, "note": "按期结账", "closed_by": admin,
                                    "closed_at": datetime.combine(closing, time(16, 30))})
                if (not monthly or p.end.month % 3 == 0) and rng.random() < 0.5:
                    j = bisect.bisect_left(booked, (p.end + timedelta(days=1), 0))
                    self._assert_bank(fid, p.end, booked[j - 1][2] if j else 0)
                d = p.end + timedelta(days=1)

    def _assert_bank(self, fund_id: int, on: date, books_fen: int) -> None:
        """The bank statement's balance at a closed period's end; now and then a difference to reconcile."""
        diff = self.rng.choice([0] * 12 + [-1_000, 2_500])
        self.assertions.append({"fund_id": fund_id, "account_id": self.acc[fund_id][rules.BANK], "on_date": on,
                                "expected_fen": books_fen + diff,
                                "note": "银行对账单余额（含未达账项）" if diff else "银行对账单余额",
                                "created_by": self.users["staff"][0],
                                "created_at": datetime.combine(on + timedelta(days=3), time(17, 0))})

    # ---- writing --------------------------------------------------------------------------------------------------------
    def write(self) -> None:
        s = self.s
        totals: dict[int, int] = {}
        for p in self.postings:
            totals[p["account_id"]] = totals.get(p["account_id"], 0) + p["amount_fen"]
        for a in self.accounts:
            a["balance_fen"] = totals.get(a["id"], 0)
        for t in self.txns:
            del t["_lines"]
        for d in self.disbursements:
            del d["_txn"], d["_chain"]
        batches = ((m.Fund, self.funds), (m.FundMember, self.members), (m.LedgerAccount, self.accounts),
                   (m.FundUseRule, self.rules), (m.ApprovalTier, self.tier_rows), (m.Txn, self.txns),
                   (m.Posting, self.postings), (m.RevenueReport, self.reports), (m.FeedbackReceipt, self.receipts),
                   (m.Donation, self.donations),
                   (m.DonationCounter, [{"fund_id": f, "year": y, "last_seq": n}
                                        for (f, y), n in sorted(self.counters.items())]),
                   (m.Application, self.apps), (m.BudgetLine, self.budget), (m.ApprovalStep, self.steps),
                   (m.Disbursement, self.disbursements), (m.ClosedPeriod, self.closed),
                   (m.BalanceAssertion, self.assertions))
        for model, rows in batches:
            if len(rows) > 5_000:
                _driver_insert(s, model.__table__, rows)
            elif rows:
                s.execute(insert(model.__table__), rows)
        for model in (m.Fund, m.LedgerAccount, m.Txn, m.Application):
            sync_id_sequence(s, model)


def _memo(proc):  # noqa: ANN001, ANN202 - a bind processor remembering what it made (dates repeat)
    memo: dict = {}

    def process(v):  # noqa: ANN001, ANN202
        found = memo.get(v)
        if found is None:
            found = memo[v] = proc(v)
        return found
    return process


def _driver_insert(s: Session, table, rows: list[dict]) -> None:  # noqa: ANN001
    """The big tables through the driver's executemany (values converted by the columns' own bind processors,
    so they are stored exactly as SQLAlchemy stores them): about three times faster than Core for 10⁵ rows."""
    conn = s.connection()
    dialect = conn.dialect
    cols = list(rows[0])
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO {table.name} ({', '.join(dialect.identifier_preparer.quote(c) for c in cols)}) "
           f"VALUES ({', '.join([mark] * len(cols))})")
    procs = []
    for c in cols:
        proc = table.c[c].type._cached_bind_processor(dialect)
        procs.append(_memo(proc) if proc is not None and isinstance(table.c[c].type, Date | DateTime) else proc)
    if all(p is None for p in procs):
        data = [tuple(r[c] for c in cols) for r in rows]
    else:
        data = [tuple(v if p is None or v is None else p(v) for v, p in zip((r[c] for c in cols), procs,
                                                                            strict=True)) for r in rows]
    for k in range(0, len(data), 50_000):
        conn.exec_driver_sql(sql, data[k:k + 50_000])
