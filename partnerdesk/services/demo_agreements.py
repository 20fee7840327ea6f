"""Demo data for spaces and space-use agreements: rooms and sites in every community, agreements in every state
with their numbers, counters, slots, supplements and event histories. Terms never overlap on a space: each space
holds one or more *lanes* (one lane per time-slot set on a shared space), and the terms of a lane follow each other.
Bulk inserts with explicit ids only."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..db.models import (
    Agreement,
    AgreementCounter,
    AgreementEvent,
    AgreementSlot,
    AgreementSupplement,
    DictItem,
    OrgUnit,
    Partner,
    PartnerCommunity,
    Space,
)
from ..domain.agreements import AgreementState as St
from ..domain.agreements import Mode
from ..domain.lifecycle import State as PartnerState
from .records import sync_id_sequence

# (spaces, agreements) per scale; "district10" is the benchmark's district × 10 (not offered on the command line)
COUNTS = {"small": (60, 50), "district": (3_000, 2_500), "district10": (30_000, 25_000)}
_SITES = [("党群服务中心", "community"), ("邻里中心", "community"), ("老年活动中心", "community"),
          ("文化活动中心", "street_office"), ("便民服务中心", "street_office"), ("社区服务站", "community")]
_SITE_ROOMS = [("一楼活动室", "activity_room", 40, 120, True), ("二楼会议室", "office", 30, 80, True),
               ("长者食堂", "canteen", 80, 300, False), ("多功能厅", "activity_room", 80, 200, True),
               ("阅览室", "activity_room", 30, 90, True), ("儿童之家", "activity_room", 40, 120, True),
               ("办公用房", "office", 15, 40, False), ("服务大厅", "service_centre", 60, 200, False),
               ("康复理疗室", "service_centre", 30, 80, False), ("三楼培训室", "activity_room", 40, 100, True)]
_ESTATES = ["金竹苑", "和平小区", "翠湖花园", "嘉陵新村", "华福家园", "阳光丽景", "春晖小区", "锦绣花园", "龙湖花苑",
            "桂苑", "建设村", "滨江名都"]
_ESTATE_ROOMS = [("架空层", "outdoor_site", 100, 400, True), ("屋顶花园", "outdoor_site", 80, 300, True),
                 ("临街门面", "other", 20, 80, False), ("闲置车库", "other", 30, 120, False),
                 ("物业用房", "office", 20, 60, False)]
# time-slot sets of the lanes of a shared space: no slot of one lane clashes with a slot of another
LANE_SLOTS = [((0, "08:30", "11:30"), (2, "08:30", "11:30")), ((0, "14:00", "17:00"), (2, "14:00", "17:00")),
              ((1, "09:00", "11:30"), (3, "09:00", "11:30")), ((4, "14:00", "17:30"), (5, "09:00", "12:00"))]
# what the main term of a lane ends up as; the first lanes walk this list so every state appears at every scale
_SCENARIOS = [("in_force", 28), ("expiring30", 5), ("expiring60", 4), ("expiring90", 4), ("renewed", 9),
              ("renewed_ahead", 3), ("terminated", 7), ("expired", 9), ("signed", 5), ("approved", 5), ("draft", 7)]
_MODES = [(Mode.FREE, 20), (Mode.LOW_RENT, 25), (Mode.REVENUE_SHARE, 20), (Mode.SPACE_FOR_SERVICES, 25),
          (Mode.SPACE_FOR_FUNDS, 10)]
_GROUPS = {"elderly": ("60岁以上老人；80岁以上高龄、独居老人", "60岁以上七折，80岁以上免费；长者餐10元/份"),
           "childcare": ("0—3岁婴幼儿家庭；双职工家庭", "低保家庭免费；其他家庭按价目表八折"),
           "health": ("慢性病患者；60岁以上老人", "义诊免费；理疗60岁以上五折"),
           "legal": ("全体居民", "咨询免费"), "employment": ("失业人员；高校毕业生", "培训免费")}
_TERMINATE = ["合伙人申请提前解约", "评估不合格，整改后仍未达标", "发生安全事故", "空间因改造收回"]
_DUTIES = "乙方负责日常维护与消防安全，按月报送公益服务记录，接受社区监督检查。"
_PROHIBITED = "不得转租、转借；不得从事与约定用途无关的经营活动；不得存放易燃易爆物品。"
_TERMS = "任何一方提前30日书面通知可解除协议；协议终止后15日内乙方恢复原状并交还钥匙。"
_RENEWAL = "期满前30日书面申请续签，经最近一次评估合格后续签。"
_SUPPLEMENT = ["关于调整公益服务时段的补充协议", "关于增加长者助餐服务内容的补充协议", "关于变更水电费承担方式的补充协议"]


def generate(s: Session, rng: random.Random, scale: str, today: date, count: int | None = None
             ) -> tuple[tuple[str, int], ...]:
    n_spaces, n_agreements = COUNTS.get(scale, COUNTS["small"])
    communities = s.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.kind == "community")
                            .order_by(OrgUnit.id)).all()
    first_space = (s.scalar(select(Space.id).order_by(Space.id.desc()).limit(1)) or 0) + 1
    taken: set[tuple[int, str]] = set()
    spaces = [_space(rng, k, first_space + k, communities, taken) for k in range(n_spaces)]
    pools = _partner_pools(s)
    labels = dict(s.execute(select(DictItem.code, DictItem.label).where(DictItem.kind == "service_domain")
                            .order_by(DictItem.sort, DictItem.id)).all())
    names = dict(s.execute(select(OrgUnit.id, OrgUnit.name)).all())
    terms = _plan_terms(rng, spaces, n_agreements, today, pools)
    first_id = (s.scalar(select(Agreement.id).order_by(Agreement.id.desc()).limit(1)) or 0) + 1
    rows = _agreement_rows(s, rng, terms, first_id, today, labels, names)
    _space_status(rng, spaces, rows)
    s.execute(insert(Space.__table__), spaces)
    sync_id_sequence(s, Space)
    if rows:
        _write_agreements(s, rng, rows, terms, today)
    return ("spaces", len(spaces)), ("agreements", len(rows))


# -- spaces -----------------------------------------------------------------------------------------------------
def _space(rng: random.Random, k: int, space_id: int, communities: list, taken: set) -> dict:  # noqa: ANN001
    cid, cname = communities[k % len(communities)]
    for _ in range(6):  # names are unique within a community
        row = _space_draw(rng, cname.removesuffix("社区"))
        if (cid, row["name"]) not in taken:
            break
    else:
        row["name"] = f"{row['name']}（{k // len(communities) + 1}）"
    taken.add((cid, row["name"]))
    return {**row, "id": space_id, "community_id": cid, "status": "idle", "version": 1, "notes": "",
            "created_at": datetime(2023, 1, 3, 9, 0)}


def _space_draw(rng: random.Random, stem: str) -> dict:
    road = stem if stem[-1] in "路街巷" else f"{stem}路"
    if rng.random() < 0.45:
        site, owner = rng.choice(_SITES)
        room, kind, lo, hi, shareable = rng.choice(_SITE_ROOMS)
        name, address = f"{site}{room}", f"{road}{rng.randint(1, 200)}号{site}"
    else:
        estate, owner = rng.choice(_ESTATES), "property_company"
        room, kind, lo, hi, shareable = rng.choice(_ESTATE_ROOMS)
        building = rng.randint(1, 40)
        name, address = f"{estate}{building}栋{room}", f"{road}{rng.randint(1, 400)}号{estate}{building}栋"
        owner = rng.choice([owner, owner, "community", "other"])
    return {"name": name, "address": address, "kind": kind, "owner": owner,
            "area_centi_m2": rng.randint(lo * 100, hi * 100), "shared_by_slot": shareable and rng.random() < 0.3}


def _space_status(rng: random.Random, spaces: list[dict], rows: list[dict]) -> None:
    """under_agreement while a signed agreement (signed or in force) holds it; some free spaces are being
    renovated or were withdrawn (never one with a live draft or approval on it)."""
    states: dict[int, set[str]] = {}
    for r in rows:
        states.setdefault(r["space_id"], set()).add(r["state"])
    live = {St.DRAFT.value, St.APPROVED.value}
    for sp in spaces:
        held = states.get(sp["id"], set())
        if held & {St.SIGNED.value, St.IN_FORCE.value}:
            sp["status"] = "under_agreement"
        elif not held & live and rng.random() < 0.08:
            sp["status"] = rng.choice(["renovation", "renovation", "withdrawn"])


# -- terms ------------------------------------------------------------------------------------------------------
def _partner_pools(s: Session) -> dict:
    """Partners that may take agreements (filed, committed, active), per community: (id, state, filed_on)."""
    ok = [PartnerState.FILED.value, PartnerState.COMMITTED.value, PartnerState.ACTIVE.value]
    rows = s.execute(select(Partner.id, Partner.state, Partner.filed_on, PartnerCommunity.community_id)
                     .join(PartnerCommunity, PartnerCommunity.partner_id == Partner.id)
                     .where(Partner.state.in_(ok), Partner.merged_into_id.is_(None)).order_by(Partner.id)).all()
    pools: dict = {}
    for pid, state, filed_on, cid in rows:
        pools.setdefault(cid, []).append((pid, state, filed_on or date(2020, 1, 1)))
    pools["all"] = [p for cid in sorted(k for k in pools if k != "all") for p in pools[cid]]
    return pools


def _pick(rng: random.Random, pools: dict, cid: int, before: date, active: bool, avoid: int = 0) -> int:
    """A partner of the community filed before ``before`` (active ones for terms that have started)."""
    pool = pools.get(cid) or pools["all"]
    for _ in range(8):
        pid, state, filed = rng.choice(pool)
        if filed <= before and pid != avoid and (not active or state == PartnerState.ACTIVE.value):
            return pid
    fits = [p for p in pool if p[2] <= before and p[0] != avoid] or pool
    return min(fits, key=lambda p: p[2])[0]


def _years(d: date, n: int) -> date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def _plan_terms(rng: random.Random, spaces: list[dict], target: int, today: date, pools: dict) -> list[dict]:
    """Terms space by space, lane by lane, until there are ``target`` of them."""
    terms: list[dict] = []
    order = list(range(len(spaces)))
    rng.shuffle(order)
    lane_no = 0
    for k in order:
        sp = spaces[k]
        lanes = rng.randint(2, 3) if sp["shared_by_slot"] else 1
        for lane in range(lanes):
            if len(terms) >= target:
                return terms
            scenario = (_SCENARIOS[lane_no % len(_SCENARIOS)][0] if lane_no < 2 * len(_SCENARIOS) else
                        rng.choices([n for n, _ in _SCENARIOS], [w for _, w in _SCENARIOS])[0])
            lane_no += 1
            slots = LANE_SLOTS[lane] if sp["shared_by_slot"] else ()
            planned = _lane(rng, scenario, today)
            if len(terms) + len(planned) > target:  # the last lane: its main term alone, as a fresh agreement
                planned = [{**planned[-1], "renews": False}]
            new = [{**t, "space_id": sp["id"], "community_id": sp["community_id"], "slots": slots} for t in planned]
            _partners_for_lane(rng, new, pools, today)
            terms += new
    return terms


def _lane(rng: random.Random, scenario: str, today: date) -> list[dict]:
    """The terms of one lane, oldest first: an optional past term, then the main one (and its renewal)."""
    y = rng.choice([1, 1, 2, 2, 3])
    day = timedelta(days=1)
    main: list[dict]
    if scenario == "in_force":
        start = today - timedelta(days=rng.randint(0, 365 * y - 100))
        main = [_t(start, _years(start, y) - day, St.IN_FORCE)]
    elif scenario.startswith("expiring"):
        hi = int(scenario.removeprefix("expiring"))
        end = today + timedelta(days=rng.randint(hi - 29 if hi > 30 else 0, hi))
        main = [_t(_years(end + day, -y), end, St.IN_FORCE)]
    elif scenario in ("renewed", "renewed_ahead"):
        old_end = today + (timedelta(days=-rng.randint(1, 300)) if scenario == "renewed" else
                           timedelta(days=rng.randint(10, 80)))
        new_start = old_end + day
        new_end = _years(new_start, rng.choice([1, 2, 3])) - day
        new_end = new_end if new_end > today else _years(new_end + day, 1) - day
        main = [_t(_years(old_end + day, -y), old_end, St.RENEWED),
                _t(new_start, new_end, St.IN_FORCE if new_start <= today else St.SIGNED, renews=True)]
    elif scenario == "terminated":
        start = today - timedelta(days=rng.randint(200, 1000))
        end = _years(start, y) - day
        last = min(end, today - day)
        main = [_t(start, end, St.TERMINATED,
                   terminated_on=start + timedelta(days=rng.randint(30, max(30, (last - start).days))))]
    elif scenario == "expired":
        end = today - timedelta(days=rng.randint(1, 500))
        main = [_t(_years(end + day, -y), end, St.EXPIRED)]
    else:  # signed / approved / draft: a term that starts soon
        start = today + timedelta(days=rng.randint(3, 60) if scenario == "signed" else rng.randint(10, 120))
        main = [_t(start, _years(start, y) - day, St(scenario))]
    return _with_history(rng, main, today)


def _t(start: date, end: date, state: St, terminated_on: date | None = None, renews: bool = False) -> dict:
    return {"start": start, "end": end, "state": state, "terminated_on": terminated_on, "renews": renews}


def _with_history(rng: random.Random, main: list[dict], today: date) -> list[dict]:
    """Sometimes an earlier partner held the lane: an expired or terminated term that ended before this one."""
    if rng.random() > 0.3:
        return main
    end = min(main[0]["start"] - timedelta(days=1 + rng.randint(0, 90)), today - timedelta(days=1 + rng.randint(0, 30)))
    start = _years(end + timedelta(days=1), -rng.choice([1, 2]))
    if rng.random() < 0.7:
        return [_t(start, end, St.EXPIRED), *main]
    full_end = _years(start, 3) - timedelta(days=1)  # ended early: the signed term ran on past the next one's start
    return [_t(start, full_end, St.TERMINATED, terminated_on=end), *main]


def _partners_for_lane(rng: random.Random, terms: list[dict], pools: dict, today: date) -> None:
    """Fill in the partner of each new term of the lane: renewals keep theirs, a new holder differs."""
    previous = 0
    for t in terms:
        t["created"] = _created(rng, t, today)
        started = t["start"] <= today and t["state"] not in (St.DRAFT, St.APPROVED)
        t["partner_id"] = previous if t["renews"] else _pick(rng, pools, t["community_id"], t["created"], started,
                                                             avoid=previous)
        previous = t["partner_id"]


def _created(rng: random.Random, t: dict, today: date) -> date:
    return min(t["start"] - timedelta(days=rng.randint(20, 60)), today - timedelta(days=rng.randint(0, 15)))


# -- agreement rows ---------------------------------------------------------------------------------------------
def _agreement_rows(s: Session, rng: random.Random, terms: list[dict], first_id: int, today: date, labels: dict,
                    names: dict) -> list[dict]:
    """Ids and numbers in creation order (a renewal is always created after the agreement it renews)."""
    order = sorted(range(len(terms)), key=lambda i: (terms[i]["created"], i))
    counters: dict[int, int] = {c.year: c.last_seq for c in s.scalars(select(AgreementCounter))}
    partner_names = dict(s.execute(select(Partner.id, Partner.name).where(
        Partner.id.in_({t["partner_id"] for t in terms}))).all()) if terms else {}
    rows, last_id_of_lane = [], {}
    for n, i in enumerate(order):
        t = terms[i]
        t["id"] = first_id + n
        year = t["start"].year
        counters[year] = counters.get(year, 0) + 1
        lane = (t["space_id"], t["slots"])
        renewal_of = last_id_of_lane.get(lane) if t["renews"] else None
        last_id_of_lane[lane] = t["id"]
        rows.append(_row(rng, t, f"空间协议〔{year}〕{counters[year]}号", renewal_of, today, labels,
                         names[t["community_id"]], partner_names.get(t["partner_id"], "")))
    _counters(s, counters)
    return rows


def _counters(s: Session, counters: dict[int, int]) -> None:
    existing = {c.year: c for c in s.scalars(select(AgreementCounter))}
    fresh = [{"year": y, "last_seq": n} for y, n in sorted(counters.items()) if y not in existing]
    for y, c in existing.items():
        c.last_seq = counters[y]
    if fresh:
        s.execute(insert(AgreementCounter), fresh)


def _row(rng: random.Random, t: dict, number: str, renewal_of: int | None, today: date, labels: dict,
         community: str, partner: str) -> dict:
    mode = rng.choices([m for m, _ in _MODES], [w for _, w in _MODES])[0]
    domain = rng.choice(list(labels) or ["convenience"])
    groups, discounts = _GROUPS.get(domain, ("全体居民", "公益服务免费，其他服务按价目表执行"))
    sessions = rng.randint(1, 4) if rng.random() < 0.65 else 0
    hours = 0 if sessions else rng.randint(4, 16)
    share = rng.randint(5, 20) * 100 if mode is Mode.REVENUE_SHARE else (
        rng.randint(3, 10) * 100 if mode is Mode.SPACE_FOR_FUNDS else 0)
    steps = _steps(rng, t, today)
    t["steps"] = steps
    last_at = max(steps.values())
    return {"id": t["id"], "number": number, "partner_id": t["partner_id"], "space_id": t["space_id"],
            "permitted_use": f"{labels.get(domain, '便民服务')}服务及相关公益活动", "start_date": t["start"],
            "end_date": t["end"], "renewal_rule": _RENEWAL, "mode": mode.value,
            "rent_fen": rng.randint(4, 60) * 5000 if mode is Mode.LOW_RENT else 0,
            "deposit_fen": rng.choice([0, 100_000, 200_000, 500_000]) if mode in (Mode.LOW_RENT, Mode.REVENUE_SHARE)
            else 0, "utilities_payer": "community" if mode is Mode.FREE and rng.random() < 0.5 else "partner",
            "property_fee_payer": "community" if mode in (Mode.FREE, Mode.SPACE_FOR_SERVICES) else "partner",
            "committed_sessions": sessions, "committed_hours": hours, "target_groups": groups, "discounts": discounts,
            "price_list": "" if mode is Mode.FREE else "基础服务30元/次；会员服务按月200元",
            "revenue_share_bp": share, "pool_share_bp": rng.choice([1000] * 8 + [1500, 2000]),
            "duties": _DUTIES, "prohibited": _PROHIBITED, "termination_terms": _TERMS,
            "signatories": f"甲方：{community}居民委员会；乙方：{partner}", "state": t["state"].value,
            "signed_on": steps["sign"].date() if "sign" in steps else None, "terminated_on": t["terminated_on"],
            "termination_reason": rng.choice(_TERMINATE) if t["state"] is St.TERMINATED else "",
            "renewal_of_id": renewal_of, "created_at": steps["create"], "updated_at": last_at, "version": 1}


_PATH = {St.DRAFT: ("create",), St.APPROVED: ("create", "approve"), St.SIGNED: ("create", "approve", "sign")}
_STARTED = ("create", "approve", "sign", "start")


def _steps(rng: random.Random, t: dict, today: date) -> dict[str, datetime]:
    """When each step was taken: the steps before the start are spread between creation and the start."""
    path = _PATH.get(t["state"], _STARTED)
    at, out = t["created"], {}
    for step in path:
        if step == "start":
            at = t["start"]
        elif step != "create":
            at = min(at + timedelta(days=rng.randint(2, 8)), max(t["start"] - timedelta(days=1), at), today)
        when = datetime.combine(at, time(rng.randint(8, 17), rng.randint(0, 59)))
        previous = max(out.values(), default=None)
        out[step] = when if previous is None or when > previous else previous + timedelta(minutes=rng.randint(5, 90))
    if t["state"] is St.TERMINATED:
        out["terminate"] = datetime.combine(t["terminated_on"], time(10, 0))
    elif t["state"] is St.EXPIRED:
        out["expire"] = datetime.combine(min(t["end"] + timedelta(days=rng.randint(1, 7)), today), time(9, 30))
    return out


_FROM = {"create": "", "approve": "draft", "sign": "approved", "start": "signed"}
_TO = {"create": "draft", "approve": "approved", "sign": "signed", "start": "in_force", "terminate": "terminated",
       "expire": "expired"}


def _write_agreements(s: Session, rng: random.Random, rows: list[dict], terms: list[dict], today: date) -> None:
    s.execute(insert(Agreement.__table__), rows)
    sync_id_sequence(s, Agreement)
    slots, events, supplements = [], [], []
    for t in terms:
        slots += [{"agreement_id": t["id"], "weekday": w, "start": a, "end": b} for w, a, b in t["slots"]]
        before = ""
        for step, at in sorted(t["steps"].items(), key=lambda kv: kv[1]):
            from_state = _FROM.get(step, before)
            events.append({"agreement_id": t["id"], "action": step, "from_state": from_state, "to_state": _TO[step],
                           "at": at, "on_date": at.date() if step != "create" else None, "username": "demo",
                           "opinion": "同意" if step == "approve" else ""})
            before = _TO[step]
        if t["state"] is St.IN_FORCE and rng.random() < 0.05:
            supplements.append({"agreement_id": t["id"], "seq": 1, "text": rng.choice(_SUPPLEMENT),
                                "signed_on": min(t["start"] + timedelta(days=rng.randint(30, 200)), today),
                                "created_by": "demo", "created_at": datetime.combine(today, time(9, 0))})
    for model, batch in ((AgreementSlot, slots), (AgreementEvent, events), (AgreementSupplement, supplements)):
        if batch:
            s.execute(insert(model.__table__), batch)
