"""Spaces and agreements in every state, in a community of their own (so the demo's records never interfere).

Used by the query unit tests and the UI tests. The clock is fixed at 2026-06-01 so "expiring" is stable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from partnerdesk.services import agreements, org, partners, spaces
from partnerdesk.services.partner_queries import PartnerFilter

TODAY = date(2026, 6, 1)


@dataclass
class Built:
    community_id: int
    other_community_id: int
    partner_ids: list[int]
    space_ids: dict[str, int] = field(default_factory=dict)
    agreement_ids: dict[str, int] = field(default_factory=dict)


def fix_clock(ws) -> None:  # noqa: ANN001
    ws.clock = lambda: datetime(TODAY.year, TODAY.month, TODAY.day, 2, 0)


def duty_partners(ws, n: int) -> list[int]:  # noqa: ANN001
    return [r.id for r in partners.query(ws, PartnerFilter(state="active"), "name", limit=n)]


def _agreement(ws, pid: int, sid: int, start: date, end: date, steps: tuple[str, ...], **kw) -> int:  # noqa: ANN001
    a = agreements.create(ws, agreements.AgreementInput(pid, sid, start, end, kw.pop("mode", "space_for_services"),
                                                        permitted_use="老年助餐", committed_sessions=8, **kw)).value
    for step in steps:
        on = start if step in ("sign", "start") else None
        opinion = "同意" if step != "terminate" else "合伙人违约"
        a = agreements.transition(ws, a.id, a.version, step, opinion, on_date=on).value
    return a.id


def build(ws) -> Built:  # noqa: ANN001
    """Six agreements on six spaces in 协议测试社区 (one more space next door)."""
    fix_clock(ws)
    district = org.office(ws).district_id
    street = org.add_unit(ws, "street", district, "协议测试街道").value
    c1 = org.add_unit(ws, "community", street.id, "协议测试社区").value
    c2 = org.add_unit(ws, "community", street.id, "协议隔壁社区").value
    pids = duty_partners(ws, 6)
    out = Built(c1.id, c2.id, pids)
    names = ("甲活动室", "乙助餐点", "丙办公室", "丁服务中心", "戊户外场地", "己活动室")
    for i, name in enumerate(names):
        out.space_ids[name] = spaces.save(ws, spaces.SpaceInput(c1.id, name, 5000 + 1000 * i,
                                                               address=f"测试路{i + 1}号")).value.id
    out.space_ids["隔壁礼堂"] = spaces.save(ws, spaces.SpaceInput(c2.id, "隔壁礼堂", 20000, kind="other")).value.id
    sid = out.space_ids
    out.agreement_ids = {
        "draft": _agreement(ws, pids[0], sid["甲活动室"], date(2026, 7, 1), date(2027, 6, 30), ()),
        "approved": _agreement(ws, pids[1], sid["乙助餐点"], date(2026, 7, 1), date(2027, 6, 30), ("approve",)),
        "signed": _agreement(ws, pids[2], sid["丙办公室"], date(2026, 5, 1), date(2027, 4, 30),
                             ("approve", "sign"), mode="low_rent", rent_fen=150_000),
        "expiring": _agreement(ws, pids[3], sid["丁服务中心"], date(2025, 6, 20), date(2026, 6, 20),
                               ("approve", "sign", "start")),
        "in_force_75": _agreement(ws, pids[4], sid["戊户外场地"], date(2025, 8, 15), date(2026, 8, 15),
                                  ("approve", "sign", "start"), mode="free"),
        "terminated": _agreement(ws, pids[5], sid["己活动室"], date(2026, 1, 1), date(2026, 12, 31),
                                 ("approve", "sign", "start", "terminate")),
    }
    return out
