"""Demo data for the funds, the money coming in and the regular bookings: revenue feedback split by the
agreement's rule, opening balances, grants, interest, bank charges and donations with gap-free receipt numbers.
A mixin of ``demo_funds._Books``, which owns the state and books the events."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from itertools import accumulate

from sqlalchemy import select

from ..db import models as m
from ..domain import ledger as rules
from ..domain.ledger import FundKind, TxnKind
from .donations import ANONYMOUS, receipt_number
from .feedback import DUE_DAYS

_USES = ["不限定用途", "助老服务", "助学助困", "社区环境改善", "邻里互助", "应急救助"]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "建国秀英志强桂兰明华春梅德胜海燕玉珍国庆丽娟"
_COMPANIES = ["渝信建设有限公司", "山城物业服务有限公司", "嘉陵商贸有限公司", "两江科技有限公司", "朝天门餐饮管理有限公司"]
_PERSON_FEN = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000]
_PERSON_CUM = list(accumulate([20, 25, 25, 15, 8, 5, 2]))


def _at(d: date, rng: random.Random) -> datetime:
    return datetime.combine(d, time(rng.randint(8, 17), rng.randint(0, 59)))


def _person(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)



class _Income:
    """Plans the feedback, the regular bookings and the donations (mixed into ``demo_funds._Books``)."""

    # ---- revenue feedback ------------------------------------------------------------------------------------------
    def plan_feedback(self) -> None:
        rng = self.rng
        for a in self.feedback_agreements:
            pool_id = self.fund_by_unit.get((FundKind.POOL.value, a.community_id))
            if pool_id is None:
                pool_id = self.fund_by_unit.get((FundKind.POOL.value, self.units[a.community_id][1]))
            se_id = self.fund_by_unit.get((FundKind.SE_LEDGER.value, a.community_id))
            if pool_id is None or se_id is None:
                continue  # a community whose funds the office set up itself: left alone
            end = min(a.terminated_on or a.end_date, self.today)
            quarterly = rng.random() < 0.3
            payer = rng.choices(["prompt", "late", "stopped", "partial"], [60, 20, 10, 10])[0]
            base = rng.randint(20_000, 300_000) * 100 * (3 if quarterly else 1)
            periods = self._periods(max(a.start_date, self.since), end, quarterly)
            stop = len(periods) - rng.randint(1, 3) if payer == "stopped" else len(periods)
            for n, p in enumerate(periods):
                revenue = int(base * rng.uniform(0.6, 1.4))
                due = rules.share_half_up(revenue, a.revenue_share_bp)
                reported = min(p.end + timedelta(days=rng.randint(3, 12)), self.today)
                self.reports.append({"agreement_id": a.id, "period": p.key, "revenue_fen": revenue,
                                     "share_bp": a.revenue_share_bp, "due_fen": due,
                                     "due_on": p.end + timedelta(days=DUE_DAYS), "note": "",
                                     "created_by": self.users["staff"][0], "created_at": _at(reported, rng)})
                if due <= 0 or n >= stop:
                    continue
                late = payer == "late" or (payer == "prompt" and rng.random() < 0.05)
                paid_on = reported + timedelta(days=rng.randint(25, 60) if late else rng.randint(1, 15))
                parts = [due]
                if payer == "partial" and due > 200:
                    first = due * rng.randint(3, 7) // 10
                    parts = [first, due - first] if rng.random() < 0.6 else [first]  # the rest still owed
                for k, fen in enumerate(parts):
                    self.push(paid_on + timedelta(days=30 * k), "receipt", (a, pool_id, se_id, fen))

    def _periods(self, start: date, end: date, quarterly: bool) -> list[rules.Period]:
        """The months (or quarters) of the term from ``start`` to ``end`` that are over by today."""
        out, d = [], date(start.year, start.month, 1)
        while d <= end:
            p = rules.period(rules.quarter_key(d) if quarterly else rules.month_key(d))
            if p.end < self.today:
                out.append(p)
            d = p.end + timedelta(days=1)
        return out

    def receive(self, on: date, a, pool_id: int, se_id: int, fen: int) -> None:  # noqa: ANN001
        pool_fen, se_fen = rules.split(fen, a.pool_share_bp)
        key = self.key("fb")
        memo = f"收益反哺 {a.number}"
        r = {"agreement_id": a.id, "received_on": on, "amount_fen": fen, "pool_bp": a.pool_share_bp,
             "pool_fen": pool_fen, "se_fen": se_fen, "pool_txn_id": None, "se_txn_id": None, "idem_key": key,
             "reversed": False, "created_by": self.users["staff"][0], "created_at": _at(on, self.rng)}
        txns = []
        for fund_id, part, tag in ((pool_id, pool_fen, "pool"), (se_id, se_fen, "se")):
            if part:
                t = self.book(fund_id, on, [(rules.BANK, part), (rules.FEEDBACK_INCOME, -part)], TxnKind.FEEDBACK,
                              memo, f"{key}:{tag}")
                r[f"{tag}_txn_id"] = t["id"]
                txns.append(t)
        self.receipts.append(r)
        if len(self.receipts) % 100 == 5:  # entered against the wrong agreement or amount: reversed, then entered again
            self.push(on + timedelta(days=self.rng.randint(1, 10)), "receipt_reversal", (r, txns, a, pool_id, se_id))


    # ---- opening balances, grants, interest, charges -------------------------------------------------------------
    def plan_regular(self) -> None:
        rng = self.rng
        for f in self.funds:
            fid, kind = f["id"], f["kind"]
            opening = rng.randint(*{"pool": (50_000, 300_000), "se_ledger": (20_000, 150_000)}.get(kind, (5_000, 60_000)))
            self.push(self.since, "manual", (fid, [(rules.BANK, opening * 100), (rules.NET_ASSETS, -opening * 100)],
                                             "期初余额结转", ""))
            q = self.since
            while q <= self.today:
                p = rules.period(rules.quarter_key(q))
                if kind == FundKind.POOL.value:
                    fen = rng.randint(20_000, 80_000) * 100
                    self.push(p.start + timedelta(days=45), "manual", (
                        fid, [(rules.BANK, fen), (rules.GRANT_INCOME, -fen)], "区级社区发展治理专项补助", ""))
                interest = rng.randint(500, 30_000)
                self.push(p.end - timedelta(days=9), "manual", (
                    fid, [(rules.BANK, interest), (rules.OTHER_INCOME, -interest)], "银行存款利息", ""))
                q = p.end + timedelta(days=1)
            d = self.since
            while d <= self.today:
                fee = rng.randint(500, 3_000)
                self.push(d + timedelta(days=rng.randint(20, 27)), "charge", (
                    fid, [(rules.ADMIN_SPENDING, fee), (rules.BANK, -fee)], "银行手续费", ""))
                d = rules.period(rules.month_key(d)).end + timedelta(days=1)

    # ---- donations ----------------------------------------------------------------------------------------------------
    def plan_donations(self, target_postings: int) -> None:
        rng = self.rng
        planned = sum(4 if e[2] == "receipt" else 2 for e in self.events)
        n = max(len(self.funds) * 3, (target_postings - planned) // 2)
        takers = [f for f in self.funds if f["kind"] != FundKind.SE_LEDGER.value]
        weights = list(accumulate(rng.randint(1, 10) * (4 if f["kind"] == FundKind.MICRO.value else 1)
                                  for f in takers))
        self.orgs = [name for (name,) in self.s.execute(select(m.Partner.name).where(m.Partner.uscc != "")
                                                        .order_by(m.Partner.id).limit(200))] + _COMPANIES
        span = (self.today - self.since).days
        drives = [date(y, 9, 9) for y in range(self.since.year, self.today.year + 1)
                  if self.since <= date(y, 9, 9) <= self.today]  # 99公益日: many small gifts in a few days
        for k in range(n):
            fund = takers[k % len(takers)] if k < len(takers) * 3 else rng.choices(takers, cum_weights=weights)[0]
            if drives and rng.random() < 0.2:
                on = rng.choice(drives) - timedelta(days=rng.randint(0, 2))
            else:
                on = self.since + timedelta(days=rng.randint(0, span))
            self.push(on, "donation", fund["id"])

    def donate(self, on: date, fund_id: int) -> None:
        rng = self.rng
        org = rng.random() < 0.08
        donor = rng.choice(self.orgs) if org else _person(rng)
        fen = rng.randint(50, 2_000) * 10_000 // 10 if org else rng.choices(_PERSON_FEN, cum_weights=_PERSON_CUM)[0]
        anonymous = rng.random() < 0.12
        key = self.key("don")
        t = self.book(fund_id, on, [(rules.BANK, fen), (rules.DONATION_INCOME, -fen)], TxnKind.DONATION,
                      f"捐赠 {ANONYMOUS if anonymous else donor}", f"donation:{key}")
        year = on.year
        seq = self.counters[(fund_id, year)] = self.counters.get((fund_id, year), 0) + 1
        self.donations.append({"fund_id": fund_id, "donor": donor, "donor_kind": "organisation" if org else "person",
                               "anonymous": anonymous, "amount_fen": fen, "on_date": on,
                               "intended_use": rng.choice(_USES), "year": year, "seq": seq,
                               "receipt_no": receipt_number(self.codes[fund_id], year, seq), "txn_id": t["id"],
                               "idem_key": key, "created_by": t["created_by"], "created_at": t["created_at"]})
        if len(self.donations) % 250 == 7:
            self.push(on + timedelta(days=rng.randint(1, 20)), "donation_reversal", t)
