"""Demo data for the funds, the projects: applications in every state with their approval steps by the tier
preset, new versions, and disbursements within the approved amount and the fund's balance (with reversals).
A mixin of ``demo_funds._Books``, which owns the state and books the events."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from ..db import models as m
from ..domain import ledger as rules
from ..domain.applications import AppState, StepState, tier_for
from ..domain.ledger import TxnKind
from .demo_fund_income import _at

CATEGORIES = ["养老", "托育", "便民服务", "文化活动", "环境改善", "助学助困"]
_TITLES = {"养老": ["长者助餐补贴", "独居老人探访", "适老化改造", "老年大学兴趣班"],
           "托育": ["四点半课堂", "暑期托管班", "亲子阅读角"], "便民服务": ["便民维修日", "邻里集市", "理发义剪"],
           "文化活动": ["邻里文化节", "社区合唱团", "传统节日活动"], "环境改善": ["楼道微改造", "口袋公园维护", "垃圾分类宣传"],
           "助学助困": ["困难学生助学金", "困难家庭节日慰问"]}
_ITEMS = ["物料采购", "场地水电", "专业服务费", "宣传印刷", "志愿者保险", "餐食补贴"]
_RETURN = ["预算明细不清，请补充报价单", "请补充受益人名单", "实施方案需细化"]
_REJECT = ["不属于本基金使用范围", "与已立项项目重复", "预算明显偏高"]
_APPROVE = ["同意", "同意，按预算执行", "同意，注意公示"]
_GROUPS = ["银龄互助小组", "楼栋自治小组", "巧手妈妈队", "环保志愿小队"]




class _Projects:
    """Plans the applications and their payments (mixed into ``demo_funds._Books``)."""

    # ---- applications ------------------------------------------------------------------------------------------------
    SCENARIOS = ["draft", "submitted", "in_approval", "returned", "resubmitted", "approved", "rejected", "withdrawn",
                 "superseded", "new_version"]
    WEIGHTS = [6, 5, 7, 4, 6, 45, 6, 4, 5, 3]

    def plan_applications(self, n: int) -> None:
        rng = self.rng
        spendable = [f for f in self.funds]
        weights = [{"pool": 3, "se_ledger": 1, "micro": 2}.get(f["kind"], 1) for f in spendable]
        self.partners_of: dict[int, list[tuple[int, str]]] = {}
        for cid, pid, name in self.s.execute(select(m.PartnerCommunity.community_id, m.Partner.id, m.Partner.name)
                                             .join(m.Partner, m.Partner.id == m.PartnerCommunity.partner_id)
                                             .where(m.Partner.state == "active").order_by(m.Partner.id)):
            self.partners_of.setdefault(cid, []).append((pid, name))
        self.needs: dict[int, list[int]] = {}
        for nid, cid in self.s.execute(select(m.Need.id, m.Need.community_id).order_by(m.Need.id)):
            self.needs.setdefault(cid, []).append(nid)
        children: dict[int, list[int]] = {}
        for uid, (kind, parent, _, _) in self.units.items():
            if kind == "community":
                children.setdefault(parent, []).append(uid)
        for k in range(n):
            fund = spendable[k % len(spendable)] if k < len(spendable) else rng.choices(spendable, weights)[0]
            scenario = self.SCENARIOS[k % len(self.SCENARIOS)] if k < 2 * len(self.SCENARIOS) else \
                rng.choices(self.SCENARIOS, self.WEIGHTS)[0]
            unit = fund["unit_id"]
            if self.units[unit][0] == "street":
                unit = rng.choice(children.get(unit) or [unit])
            self._application(fund, unit, scenario)

    def _amount(self) -> int:
        band = self.rng.choices([0, 1, 2], [60, 32, 8])[0]
        lo, hi = ((500, 5_000), (5_001, 30_000), (50_001, 120_000))[band]
        return self.rng.randint(lo, hi) * 100

    def _application(self, fund: dict, unit: int, scenario: str) -> None:
        rng = self.rng
        category = rng.choice(CATEGORIES)
        kind = rng.choices(["community", "partner", "resident_group"], [5, 3, 2])[0]
        partners = self.partners_of.get(unit)
        if kind == "partner" and partners:
            applicant_id, applicant = rng.choice(partners)
        elif kind == "resident_group":
            applicant_id, applicant = None, f"{self.units[unit][2]}{rng.choice(_GROUPS)}"
        else:
            kind, applicant_id, applicant = "community", unit, self.units[unit][2]
        amount = self._amount()
        creator = rng.choice(self.users["staff"])
        long_ = scenario in ("approved", "rejected", "superseded", "new_version", "resubmitted", "withdrawn")
        span = (self.today - self.since).days
        created = (self.since + timedelta(days=rng.randint(20, max(21, span - 90))) if long_ else
                   self.today - timedelta(days=rng.randint(20, 60)))
        if scenario == "draft":
            created = self.today - timedelta(days=rng.randint(0, 20))
        base = {"fund_id": fund["id"], "unit_id": unit, "applicant_kind": kind, "applicant_id": applicant_id,
                "applicant_name": applicant, "title": f"{rng.choice(_TITLES[category])}项目", "category": category,
                "need_id": rng.choice(self.needs[unit]) if self.needs.get(unit) and rng.random() < 0.5 else None,
                "description": f"面向{self.units[unit][2]}居民，{category}方面的需求", "created_by": creator}
        app = self._version(fund, base, amount, 1, None, None, _at(created, rng))
        budget = self._budget(app["id"], amount)
        at = app["created_at"]
        plan = {"draft": [], "submitted": ["pending"], "in_approval": ["partial"], "returned": ["return"],
                "resubmitted": ["return", rng.choice(["approve", "partial"])], "approved": ["approve"],
                "rejected": ["reject"], "withdrawn": [rng.choice(["withdraw_draft", "withdraw"])],
                "superseded": ["approve"], "new_version": ["approve"]}[scenario]
        at = self._rounds(fund, app, plan, at)
        chain = [app] if app["state"] == AppState.APPROVED.value else []
        if scenario in ("superseded", "new_version"):
            extra = amount * rng.randint(10, 50) // 100 // 100 * 100 or 100
            v2_at = at + timedelta(days=rng.randint(20, 90))
            if scenario == "new_version":
                v2_at = max(at + timedelta(days=1), datetime.combine(self.today - timedelta(days=rng.randint(2, 15)),
                                                                        time(10, 0)))
            v2 = self._version(fund, base, amount + extra, 2, app["id"], app["id"], min(v2_at, _at(self.today, rng)))
            self._budget(v2["id"], amount + extra, budget + [("追加：" + rng.choice(_ITEMS), extra)])
            self._rounds(fund, v2, ["approve"] if scenario == "superseded" else [rng.choice(["draft", "pending"])],
                         v2["created_at"])
            if v2["state"] == AppState.APPROVED.value:
                app["state"] = AppState.SUPERSEDED.value
                chain.append(v2)
        if chain:
            self._plan_payments(fund, chain)

    def _version(self, fund: dict, base: dict, amount: int, version_no: int, previous: int | None, root: int | None,
                 created: datetime) -> dict:
        aid = self.next_app
        self.next_app += 1
        row = {**base, "id": aid, "amount_fen": amount, "state": AppState.DRAFT.value, "round_no": 0,
               "version_no": version_no, "previous_version_id": previous, "root_id": root or aid, "locked": False,
               "created_at": created, "submitted_at": None, "decided_at": None, "updated_at": created,
               "approved_on": None, "version": 1}
        self.apps.append(row)
        return row

    def _budget(self, app_id: int, amount: int, lines: list[tuple[str, int]] | None = None) -> list[tuple[str, int]]:
        if lines is None:
            n = min(self.rng.randint(1, 3), max(1, amount // 10_000))
            items = self.rng.sample(_ITEMS, n)
            cuts = sorted(self.rng.sample(range(1, amount // 100), n - 1)) if n > 1 else []
            bounds = [0, *[c * 100 for c in cuts], amount]
            lines = [(items[i], bounds[i + 1] - bounds[i]) for i in range(n)]
        assert sum(x for _, x in lines) == amount and all(x > 0 for _, x in lines)
        self.budget += [{"application_id": app_id, "position": i, "item": item, "amount_fen": fen}
                        for i, (item, fen) in enumerate(lines)]
        return lines

    def _rounds(self, fund: dict, app: dict, plan: list[str], at: datetime) -> datetime:
        """Submit and take steps round by round: each entry of ``plan`` is how one round ends."""
        rng = self.rng
        later = lambda t: t + timedelta(days=rng.randint(1, 6), minutes=rng.randint(5, 300))  # noqa: E731
        end = datetime.combine(self.today, time(18, 0))
        for outcome in plan:
            if outcome == "draft":
                return at
            if outcome == "withdraw_draft":
                at = min(later(at), end)
                app.update(state=AppState.WITHDRAWN.value, decided_at=at, updated_at=at)
                return at
            tier = tier_for(self.tiers, app["fund_id"], fund["kind"], app["amount_fen"])
            at = min(later(at), end)
            app["round_no"] += 1
            app.update(state=AppState.SUBMITTED.value, submitted_at=at, updated_at=at)
            n = len(tier.steps)
            taken = {"pending": 0, "withdraw": 0, "partial": rng.randint(1, n - 1) if n > 1 else 0,
                     "approve": n, "return": rng.randint(0, n - 1), "reject": rng.randint(0, n - 1)}[outcome]
            final = outcome in ("return", "reject")
            for i, step in enumerate(tier.steps):
                row = {"application_id": app["id"], "version_no": app["version_no"], "round_no": app["round_no"],
                       "seq": i + 1, "role": step.role, "label": step.label, "state": StepState.PENDING.value,
                       "actor": "", "opinion": "", "at": None}
                if i < taken or (final and i == taken):
                    at = min(later(at), end)
                    decision = outcome if final and i == taken else "approve"
                    row.update(actor=self.actor(step.role, app["unit_id"], app["created_by"]), at=at,
                               state={"approve": "approved", "return": "returned", "reject": "rejected"}[decision],
                               opinion=rng.choice({"approve": _APPROVE, "return": _RETURN, "reject": _REJECT}[decision])
                               if decision != "approve" or rng.random() < 0.5 else "")
                    app.update(state=AppState.IN_APPROVAL.value, updated_at=at)
                elif (final and i > taken) or outcome == "withdraw":
                    row["state"] = StepState.SKIPPED.value
                self.steps.append(row)
            if outcome == "withdraw":
                at = min(later(at), end)
                app.update(state=AppState.WITHDRAWN.value, decided_at=at, updated_at=at)
            elif outcome == "pending":
                app["state"] = AppState.SUBMITTED.value
            elif outcome in ("approve", "return", "reject"):
                state = {"approve": AppState.APPROVED, "return": AppState.RETURNED, "reject": AppState.REJECTED}[outcome]
                app.update(state=state.value, decided_at=at, updated_at=at)
                if state is AppState.APPROVED:
                    app.update(locked=True, approved_on=at.date())
        return at

    def _plan_payments(self, fund: dict, chain: list[dict]) -> None:
        rng = self.rng
        first = chain[0]["approved_on"] + timedelta(days=rng.randint(2, 20))
        total = chain[-1]["amount_fen"]
        n = rng.choice([1, 1, 2, 3])
        parts = [total // n] * (n - 1) + [total - total // n * (n - 1)]
        on = first
        for fen in parts:
            self.push(on, "pay", (fund["id"], chain, fen))
            on += timedelta(days=rng.randint(20, 90))

    def pay(self, on: date, fund_id: int, chain: list[dict], fen: int) -> None:
        in_force = [a for a in chain if a["approved_on"] <= on][-1]
        root = chain[0]["id"]
        paid = self.paid.get(root, 0)
        fen = min(fen, in_force["amount_fen"] - paid)
        if fen <= 0 or self.bank[fund_id] < fen:
            return  # not within the approved amount or the fund's money: not paid (yet)
        key = self.key("pay")
        payee = in_force["applicant_name"]
        t = self.book(fund_id, on, [(rules.PROJECT_SPENDING, fen), (rules.BANK, -fen)], TxnKind.DISBURSEMENT,
                      f"项目拨付 {in_force['title']} → {payee}", f"disburse:{key}", project=in_force["title"])
        d = {"application_id": in_force["id"], "root_id": root, "fund_id": fund_id, "amount_fen": fen, "on_date": on,
             "payee": payee, "idem_key": key, "txn_id": t["id"], "reversed": False, "reversal_txn_id": None,
             "created_by": t["created_by"], "created_at": t["created_at"], "_txn": t, "_chain": chain}
        self.disbursements.append(d)
        self.paid[root] = paid + fen
        if len(self.disbursements) % 30 == 3:  # about 3 %, and always some
            self.push(on + timedelta(days=self.rng.randint(1, 15)), "pay_reversal", d)

    def reverse_payment(self, on: date, d: dict) -> None:
        t = self.reverse(d["_txn"], on, "收款账户信息有误，款项退回")
        d.update(reversed=True, reversal_txn_id=t["id"])
        self.paid[d["root_id"]] -= d["amount_fen"]
        self.push(on + timedelta(days=self.rng.randint(3, 20)), "pay", (d["fund_id"], d["_chain"], d["amount_fen"]))
