"""Funds test data on the small demo, in a community of their own, at a fixed date (2026-08-10): a pool and a
social-enterprise ledger, an agreement paying 5 % of revenue as feedback (10 % of it to the pool), the pool's use
rules and two approval tiers (the larger with two steps: case officer, then approver)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from partnerdesk.domain.applications import Step, Tier
from partnerdesk.services import agreements, applications, funds, org, partners, spaces
from partnerdesk.services.partner_queries import PartnerFilter

TODAY = date(2026, 8, 10)
SMALL_MAX = 1_000_00  # fen: the small tier ends at 1,000 yuan (test data, not the office's rules)


@dataclass
class FundsData:
    community_id: int
    street_id: int
    agreement_id: int
    agreement_number: str
    pool_id: int
    se_id: int
    partner_ids: list[int]


def fix_clock(ws) -> None:  # noqa: ANN001
    ws.clock = lambda: datetime(TODAY.year, TODAY.month, TODAY.day, 9, 0)


def build(ws) -> FundsData:  # noqa: ANN001
    fix_clock(ws)
    street = org.add_unit(ws, "street", org.office(ws).district_id, "资金测试街道").value
    c = org.add_unit(ws, "community", street.id, "资金测试社区").value
    pids = [r.id for r in partners.query(ws, PartnerFilter(state="active"), "name", limit=2)]
    room = spaces.save(ws, spaces.SpaceInput(c.id, "共享厨房", 6000, address="资金路1号")).value
    a = agreements.create(ws, agreements.AgreementInput(
        pids[0], room.id, date(2026, 1, 1), date(2026, 12, 31), "revenue_share", permitted_use="社区食堂",
        committed_sessions=4, revenue_share_bp=500, pool_share_bp=1000)).value
    a = agreements.transition(ws, a.id, a.version, "approve", "同意").value
    a = agreements.transition(ws, a.id, a.version, "sign", on_date=date(2026, 1, 1)).value
    pool = funds.create(ws, funds.FundInput("POOL-T", "资金测试社区基金池", "pool", c.id)).value
    se = funds.create(ws, funds.FundInput("SE-T", "社会企业代管账套", "se_ledger", c.id, partner_id=pids[1])).value
    applications.set_use_rule(ws, pool.id, ["养老", "托育", "便民服务"], ["宴请"])
    applications.set_tiers(ws, [
        Tier(1, SMALL_MAX, (Step("approver", "街道审批"),), name="小额"),
        Tier(SMALL_MAX + 1, None, (Step("staff", "街道经办审核"), Step("approver", "街道审批")), name="大额"),
    ])
    return FundsData(c.id, street.id, a.id, a.number, pool.id, se.id, pids)
