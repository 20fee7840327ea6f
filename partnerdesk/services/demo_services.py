"""Demo data for the service loop: service records over the last quarters, delivered under the agreements that held
their space then (a few without one), and resident orders in every state with gap-free numbers, events, ratings
and complaints; every delivered order has its service record. Reads the agreements demo_agreements wrote; bulk
inserts with explicit ids only."""

from __future__ import annotations

import calendar
import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..db.models import (
    Agreement,
    OrderComplaint,
    OrderCounter,
    OrderEvent,
    OrgUnit,
    Partner,
    PartnerCommunity,
    PartnerDomain,
    ResidentOrder,
    ServiceRecord,
    Space,
)
from ..domain.agreements import AgreementState as St
from ..domain.lifecycle import State as PartnerState
from ..domain.orders import OrderState as Os
from ..domain.orders import number as order_number
from .records import sync_id_sequence

# (service records, resident orders) per scale; "district10" is the benchmark's district × 10
COUNTS = {"small": (1_000, 400), "district": (50_000, 20_000), "district10": (500_000, 200_000)}
QUARTERS = 5  # records and orders cover the current quarter and the five before it
_STARTED = (St.IN_FORCE.value, St.RENEWED.value, St.TERMINATED.value, St.EXPIRED.value)
_WANTED = {"elderly": ["上门助浴", "助餐送餐到家", "陪同就医", "适老化改造评估"],
           "childcare": ["临时托管两小时", "婴幼儿早教课程", "课后作业辅导"],
           "convenience": ["代购生活用品", "理发上门", "快递代收"], "health": ["上门测血压血糖", "康复理疗", "中医推拿"],
           "legal": ["遗产继承法律咨询", "劳动纠纷咨询", "邻里纠纷调解"], "employment": ["求职简历指导", "技能培训报名"],
           "culture": ["太极拳教学", "书法兴趣班", "合唱排练场地"], "housekeeping": ["水电维修", "家电清洗", "疏通下水道"],
           "space_ops": ["预约活动场地", "社区集市摊位"]}
_REJECT = ["不属于社区服务范围", "联系不上居民，信息不全", "重复下单", "暂无合适的合伙人提供该服务"]
_CANCEL = ["居民取消：已自行解决", "居民取消：时间不合适", "合伙人无法按时上门，居民取消"]
_RETURN = "合伙人人手不足，退回重新派单"
_COMMENTS = {5: "非常满意，服务热情周到", 4: "满意", 3: "一般，准时但不够细致", 2: "不太满意，等待时间长", 1: "很不满意"}
_COMPLAINTS = ["上门时间比约定晚了两个小时", "服务收费与公示价目不一致", "服务态度差", "维修后问题仍未解决"]
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "秀兰桂芳建华玉珍德明淑英国强志刚春燕"


def generate(s: Session, rng: random.Random, scale: str, today: date, count: int | None = None
             ) -> tuple[tuple[str, int], ...]:
    n_records, n_orders = COUNTS.get(scale, COUNTS["small"])
    since = _quarter_start(today, QUARTERS)
    w = _World(s, since, today)
    first_order = (s.scalar(select(ResidentOrder.id).order_by(ResidentOrder.id.desc()).limit(1)) or 0) + 1
    orders, events, complaints, delivered = _orders(s, rng, w, n_orders, first_order)
    records = _order_records(rng, w, delivered)
    records += _agreement_records(rng, w, max(0, n_records - len(records)))
    records.sort(key=lambda r: (r["on_date"], r["partner_id"]))
    first_record = (s.scalar(select(ServiceRecord.id).order_by(ServiceRecord.id.desc()).limit(1)) or 0) + 1
    for k, r in enumerate(records):
        r["id"] = first_record + k
    for o in orders:
        for key in [k for k in o if k.startswith("_")]:
            del o[key]
    for model, rows in ((ResidentOrder, orders), (OrderEvent, events), (OrderComplaint, complaints),
                        (ServiceRecord, records)):
        if rows:
            s.execute(insert(model.__table__), rows)
    sync_id_sequence(s, ResidentOrder)
    sync_id_sequence(s, ServiceRecord)
    return ("service_records", len(records)), ("orders", len(orders))


def _quarter_start(today: date, back: int) -> date:
    q = (today.year * 4 + (today.month - 1) // 3) - back
    return date(q // 4, (q % 4) * 3 + 1, 1)


class _World:
    """What the generators draw from: started agreements by community, serving partners, domains."""

    def __init__(self, s: Session, since: date, today: date) -> None:
        self.since, self.today = since, today
        rows = s.execute(select(Agreement.id, Agreement.partner_id, Agreement.start_date, Agreement.end_date,
                                Agreement.terminated_on, Agreement.committed_sessions, Agreement.committed_hours,
                                Agreement.mode, Space.community_id, Space.name)
                         .join(Space, Space.id == Agreement.space_id)
                         .where(Agreement.state.in_(_STARTED)).order_by(Agreement.id)).all()
        self.agreements = [r for r in rows if (r.terminated_on or r.end_date) >= since and r.start_date < today]
        self.by_community: dict[int, list] = {}
        for a in self.agreements:
            self.by_community.setdefault(a.community_id, []).append(a)
        self.communities = list(s.scalars(select(OrgUnit.id).where(OrgUnit.kind == "community").order_by(OrgUnit.id)))
        serving = s.execute(select(PartnerCommunity.community_id, Partner.id).join(
            Partner, Partner.id == PartnerCommunity.partner_id).where(
            Partner.state == PartnerState.ACTIVE.value, Partner.merged_into_id.is_(None)).order_by(Partner.id)).all()
        self.partners: dict[int, list[int]] = {}
        for cid, pid in serving:
            self.partners.setdefault(cid, []).append(pid)
        self.all_partners = [p for c in sorted(self.partners) for p in self.partners[c]]
        self.domains: dict[int, list[str]] = {}
        for pid, code in s.execute(select(PartnerDomain.partner_id, PartnerDomain.domain_code)
                                   .order_by(PartnerDomain.partner_id, PartnerDomain.domain_code)):
            self.domains.setdefault(pid, []).append(code)

    def holder(self, rng: random.Random, cid: int, on: date):  # noqa: ANN201 - an agreement row or None
        """An agreement of the community holding its space on that day (a few tries), else None."""
        pool = self.by_community.get(cid) or ()
        for _ in range(min(6, len(pool))):
            a = rng.choice(pool)
            if a.start_date <= on <= (a.terminated_on or a.end_date):
                return a
        return None

    def partner(self, rng: random.Random, cid: int) -> int | None:
        pool = self.partners.get(cid) or self.all_partners
        return rng.choice(pool) if pool else None


# -- orders -----------------------------------------------------------------------------------------------------
def _orders(s: Session, rng: random.Random, w: _World, n: int, first_id: int) -> tuple[list, list, list, list]:
    span = (w.today - w.since).days
    days = sorted(w.since + timedelta(days=int(span * rng.random() ** 0.85)) for _ in range(n))
    counters = {c.year: c.last_seq for c in s.scalars(select(OrderCounter))}
    fresh = {d.year for d in days} - set(counters)
    orders, events, complaints, delivered = [], [], [], []
    overdue = next((k for k, d in enumerate(days) if 15 <= (w.today - d).days <= 30), None)
    for k, ordered in enumerate(days):
        counters[ordered.year] = counters.get(ordered.year, 0) + 1
        # every state at every scale: the five latest orders take one each, and one older order is overdue
        forced = list(Os)[n - 1 - k] if k >= n - len(Os) else (Os.IN_SERVICE if k == overdue else None)
        o = _order(rng, w, first_id + k, order_number(ordered.year, counters[ordered.year]), ordered, forced)
        events += _order_events(rng, o, w.today)
        orders.append(o)
        if o["state"] == Os.COMPLETED.value:
            delivered.append(o)
            complaints += _complaint(rng, o, w.today, len(complaints))
            events += [_complaint_event(o, c) for c in complaints[-1:] if c["order_id"] == o["id"]]
    for year, seq in counters.items():
        if year in fresh:
            s.execute(insert(OrderCounter), [{"year": year, "last_seq": seq}])
        else:
            s.get(OrderCounter, year).last_seq = seq
    return orders, events, complaints, delivered


def _state(rng: random.Random, age: int) -> Os:
    if age <= 3:
        weights = (45, 30, 10, 8, 7)
    elif age <= 30:
        weights = (4, 16, 64, 8, 8)
    else:
        weights = (0, 1, 82, 9, 8)
    return rng.choices([Os.PENDING, Os.IN_SERVICE, Os.COMPLETED, Os.REJECTED, Os.CANCELLED], weights)[0]


def _order(rng: random.Random, w: _World, oid: int, number: str, ordered: date, forced: Os | None) -> dict:
    today, cid = w.today, rng.choice(w.communities)
    state = forced or _state(rng, (today - ordered).days)
    domain = rng.choice(list(_WANTED))
    o = {"id": oid, "number": number, "community_id": cid, "resident_name": _name(rng),
         "resident_phone": f"1{rng.choice('3578')}{rng.randint(0, 999_999_999):09d}",
         "address": f"{rng.randint(1, 30)}栋{rng.randint(1, 4)}单元{rng.randint(1, 30)}0{rng.randint(1, 4)}号",
         "wanted": rng.choice(_WANTED[domain]), "domain": domain, "ordered_on": ordered,
         "due_on": ordered + timedelta(days=rng.randint(3, 14)), "state": state.value, "reject_reason": "",
         "partner_id": None, "dispatched_on": None, "delivered_on": None, "rating": None, "rating_comment": "",
         "rated_on": None, "created_by": "demo", "version": 1, "_flow": []}
    dispatched = state in (Os.IN_SERVICE, Os.COMPLETED) or (state is Os.CANCELLED and rng.random() < 0.4)
    if dispatched:
        _dispatch(rng, w, o)
    if state is Os.COMPLETED:
        o["delivered_on"] = min(o["dispatched_on"] + timedelta(days=rng.randint(0, 8)), today)
        if rng.random() < 0.88:
            o["rating"] = rng.choices([5, 4, 3, 2, 1], [55, 30, 8, 4, 3])[0]
            o["rating_comment"] = _COMMENTS[o["rating"]]
            o["rated_on"] = min(o["delivered_on"] + timedelta(days=rng.randint(0, 3)), today)
    elif state in (Os.REJECTED, Os.CANCELLED):
        o["reject_reason"] = rng.choice(_REJECT if state is Os.REJECTED else _CANCEL)
    last = max(d for d in (ordered, o["dispatched_on"], o["delivered_on"], o["rated_on"]) if d)
    o["created_at"] = _at(ordered, 9)
    o["updated_at"] = _at(max(last, o["_flow"][-1][1] if o["_flow"] else last), 17)
    return o


def _dispatch(rng: random.Random, w: _World, o: dict) -> None:
    on = min(o["ordered_on"] + timedelta(days=rng.randint(0, 2)), w.today)
    if rng.random() < 0.03:  # the first partner handed it back
        o["_flow"] += [("dispatch", on, w.partner(rng, o["community_id"])), ("return", on, None)]
    a = w.holder(rng, o["community_id"], on)
    o["partner_id"] = a.partner_id if a is not None else w.partner(rng, o["community_id"])
    o["dispatched_on"], o["_agreement"] = on, a


def _order_events(rng: random.Random, o: dict, today: date) -> list[dict]:
    ev = [("create", "", Os.PENDING, o["ordered_on"], "")]
    state = Os.PENDING
    for action, on, _ in o["_flow"]:
        new = Os.IN_SERVICE if action == "dispatch" else Os.PENDING
        ev.append((action, state, new, on, _RETURN if action == "return" else ""))
        state = new
    if o["dispatched_on"] is not None:
        ev.append(("dispatch", state, Os.IN_SERVICE, o["dispatched_on"], ""))
        state = Os.IN_SERVICE
    final = Os(o["state"])
    if final is Os.COMPLETED:
        ev.append(("deliver", state, final, o["delivered_on"], ""))
        if o["rating"] is not None:
            ev.append(("rate", final, final, o["rated_on"], o["rating_comment"]))
    elif final in (Os.REJECTED, Os.CANCELLED):
        after = max(ev[-1][3], o["ordered_on"] + timedelta(days=rng.randint(0, 2)))
        ev.append(("reject" if final is Os.REJECTED else "cancel", state, final, min(after, today), o["reject_reason"]))
    return [{"order_id": o["id"], "action": a, "from_state": str(f), "to_state": str(t), "at": _at(d, 9 + k),
             "username": "demo", "note": note} for k, (a, f, t, d, note) in enumerate(ev)]


def _complaint(rng: random.Random, o: dict, today: date, k: int) -> list[dict]:
    if not ((o["rating"] or 5) <= 2 and rng.random() < 0.5 or rng.random() < 0.004):
        return []
    lodged = min(o["delivered_on"] + timedelta(days=rng.randint(0, 5)), today)
    state = ("open" if (today - lodged).days < 10 and rng.random() < 0.7 else rng.choice(["upheld", "dismissed"])) \
        if k >= 3 else ("open", "upheld", "dismissed")[k]  # the first three: one of each
    decided = min(lodged + timedelta(days=rng.randint(2, 10)), today) if state != "open" else None
    decision = {"upheld": "经核实属实，责令合伙人整改", "dismissed": "经核实与事实不符，不予支持", "open": ""}[state]
    return [{"order_id": o["id"], "partner_id": o["partner_id"], "lodged_on": lodged, "text": rng.choice(_COMPLAINTS),
             "state": state, "decision": decision, "decided_by": "approver1" if decided else "", "decided_on": decided,
             "created_by": "demo", "created_at": _at(lodged, 10), "version": 1}]


def _complaint_event(o: dict, c: dict) -> dict:
    return {"order_id": o["id"], "action": "complain", "from_state": o["state"], "to_state": o["state"],
            "at": c["created_at"], "username": "demo", "note": c["text"]}


def _name(rng: random.Random) -> str:
    return rng.choice(_SURNAMES) + rng.choice(_GIVEN) + (rng.choice(_GIVEN) if rng.random() < 0.7 else "")


def _at(d: date, hour: int) -> datetime:
    return datetime.combine(d, time(min(hour, 20), 0))


# -- service records --------------------------------------------------------------------------------------------
def _order_records(rng: random.Random, w: _World, delivered: list[dict]) -> list[dict]:
    """The record of each delivered order: same partner, day and community; under the agreement when it held."""
    out = []
    for o in delivered:
        a = o.get("_agreement")
        covers = a is not None and a.start_date <= o["delivered_on"] <= (a.terminated_on or a.end_date)
        out.append(_record(rng, o["partner_id"], a.id if covers else None, o["community_id"], o["delivered_on"],
                           "居民家中", o["domain"], people=1, order_id=o["id"], notes=o["wanted"]))
    return out


def _agreement_records(rng: random.Random, w: _World, target: int) -> list[dict]:
    """Sessions under each agreement, month by month, in proportion to its commitment (each partner delivering
    between half and all of it, a few more); about 3 % of records have no agreement."""
    plan = []
    for a in w.agreements:
        effort = rng.choice([0.5, 0.7, 0.8, 0.9, 1.0, 1.0, 1.1, 1.2])
        per_month = (a.committed_sessions or a.committed_hours / 1.5) * effort
        for lo, hi in _months(max(a.start_date, w.since), min(a.terminated_on or a.end_date, w.today - timedelta(1))):
            plan.append((a, lo, hi, per_month * ((hi - lo).days + 1) / calendar.monthrange(lo.year, lo.month)[1]))
    free = target * 3 // 100
    scale = (target - free) / (sum(p[3] for p in plan) or 1)
    out = []
    for a, lo, hi, expected in plan:
        for _ in range(int(expected * scale + rng.random())):
            on = lo + timedelta(days=rng.randint(0, (hi - lo).days))
            out.append(_record(rng, a.partner_id, a.id, a.community_id, on, a.name,
                               rng.choice(w.domains.get(a.partner_id) or [""]), mode=a.mode,
                               hours=bool(a.committed_hours)))
    for _ in range(free):
        cid = rng.choice(w.communities)
        pid = w.partner(rng, cid)
        if pid is not None:
            on = w.since + timedelta(days=rng.randint(0, (w.today - w.since).days - 1))
            out.append(_record(rng, pid, None, cid, on, rng.choice(["小区广场", "社区公园", "居民家中"]),
                               rng.choice(w.domains.get(pid) or [""])))
    return out


def _months(lo: date, hi: date) -> list[tuple[date, date]]:
    out = []
    while lo <= hi:
        end = date(lo.year, lo.month, calendar.monthrange(lo.year, lo.month)[1])
        out.append((lo, min(end, hi)))
        lo = end + timedelta(days=1)
    return out


_KINDS = {"free": [8, 1, 1], "space_for_services": [8, 2, 0], "low_rent": [4, 4, 2], "revenue_share": [2, 4, 4],
          "space_for_funds": [3, 4, 3]}


def _record(rng: random.Random, pid: int, agreement_id: int | None, cid: int, on: date, place: str,
            domain: str | None, *, people: int | None = None, order_id: int | None = None, notes: str = "",
            mode: str = "free", hours: bool = False) -> dict:
    return {"partner_id": pid, "agreement_id": agreement_id, "community_id": cid, "order_id": order_id,
            "on_date": on, "kind": rng.choices(["free", "low_fee", "paid"], _KINDS.get(mode, [6, 3, 1]))[0],
            "domain": domain or "", "place": place, "people": people or rng.randint(3, 40),
            "minutes": rng.choice([60, 90, 120, 150, 180] if hours else [45, 60, 90, 120]), "notes": notes,
            "batch": "", "created_by": "demo", "created_at": _at(on, 18)}
