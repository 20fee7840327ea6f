"""Demo data for the partner capability: partners of every type and state in every community, their
timelines, filing numbers, recruitment notices, the three lists and a rolled-out duty rota. Bulk inserts only."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session
from stdnum.cn import ric, uscc

from ..db.models import (
    DictItem,
    FilingCounter,
    Need,
    OrgUnit,
    Partner,
    PartnerCommunity,
    PartnerDomain,
    PartnerEvent,
    Project,
    RecruitmentNotice,
    Resource,
    RotaPattern,
    RotaShift,
)
from ..domain.lifecycle import DEFAULT_FILING_PATTERN, State, filing_number
from .partners import initials_of
from .records import sync_id_sequence

COUNTS = {"district": 2000}  # small: one partner of each type, in a different state, per community
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
_GIVEN = "建国秀英志强桂兰明华春梅德胜海燕玉珍国庆丽娟"
_SHOPS = ["便民超市", "社区食堂", "家政服务部", "理发店", "托育中心", "康复理疗馆", "法律咨询工作室", "书画社",
          "养老服务中心", "维修铺", "药房", "文体俱乐部"]
_PREFIX = ["牧有货", "邻里", "和美", "安康", "乐享", "幸福里", "暖心", "同心", "众和", "悦邻", "嘉禾", "惠民"]
_STATE_WEIGHTS = [(State.REGISTERED, 5), (State.APPLIED, 8), (State.COMMUNITY_APPROVED, 5),
                  (State.STREET_APPROVED, 4), (State.FILED, 8), (State.COMMITTED, 10), (State.ACTIVE, 50),
                  (State.REJECTED, 4), (State.EXITED, 6)]
_PATH = [("register", State.REGISTERED), ("submit", State.APPLIED), ("community_approve", State.COMMUNITY_APPROVED),
         ("street_approve", State.STREET_APPROVED), ("file", State.FILED), ("sign_commitment", State.COMMITTED),
         ("activate", State.ACTIVE)]
_ORG_PREFIX = {"enterprise": "91", "individual_business": "92", "social_group": "51", "private_non_enterprise": "52",
               "foundation": "53", "public_body": "12", "volunteer_team": "Y1", "charity_team": "Y1"}
_ORG_NAMES = {  # what organisations of each type are called
    "social_group": ["志愿者协会", "书画协会", "老年协会", "邻里互助会", "文体协会"],
    "private_non_enterprise": ["社会工作服务中心", "养老服务中心", "托育服务中心", "康复服务中心"],
    "foundation": ["公益基金会", "慈善基金会"],
    "public_body": ["社区卫生服务站", "文化站", "中心小学", "司法所", "就业服务站"],
    "volunteer_team": ["志愿服务队", "青年志愿服务队", "巾帼志愿服务队"],
    "charity_team": ["公益慈善团队", "爱心公益团队"],
}


def _uscc(rng: random.Random, kind: str, serial: int) -> str:
    body = f"{_ORG_PREFIX[kind]}500103" + f"{serial:09d}"
    body = body[:17]
    return body + uscc.calc_check_digit(body)


def _resident_id(rng: random.Random, serial: int) -> str:
    # (birth date, sequence) pairs are unique per serial, so 100,000 demo residents never collide
    born = date(1950, 1, 1) + timedelta(days=(serial // 1000) * 97 + rng.randint(0, 96))
    body = f"500103{born:%Y%m%d}{serial % 1000:03d}_"
    return body[:17] + ric.calc_check_digit(body)


def generate(s: Session, rng: random.Random, scale: str, today: date, count: int | None = None) -> tuple[str, int]:
    types = s.execute(select(DictItem.code, DictItem.holder).where(DictItem.kind == "partner_type")
                      .order_by(DictItem.sort, DictItem.id)).all()
    domains = list(s.scalars(select(DictItem.code).where(DictItem.kind == "service_domain")))
    communities = s.execute(select(OrgUnit.id, OrgUnit.parent_id).where(OrgUnit.kind == "community")
                            .order_by(OrgUnit.id)).all()
    count = count or COUNTS.get(scale, len(types) * len(communities))
    streets = dict(s.execute(select(OrgUnit.id, OrgUnit.name).where(OrgUnit.kind == "street")).all())
    first_id = (s.scalar(select(Partner.id).order_by(Partner.id.desc()).limit(1)) or 0) + 1
    plan = [_plan_one(rng, k, types, domains, communities, today) for k in range(count)]
    _number_filings(s, plan, streets)
    _write_partners(s, plan, first_id)
    _write_lists(s, rng, communities, domains, today, first_id, plan)
    return ("partners", count)


def _plan_one(rng, k, types, domains, communities, today) -> dict:  # noqa: ANN001
    code, holder = types[k % len(types)]
    community_id, street_id = communities[(k // len(types)) % len(communities)]
    states = [s for s, _ in _STATE_WEIGHTS]
    if k < len(types) * len(communities):  # the first round covers every type x state in every community
        state = states[(k + k // len(types)) % len(states)]
    else:
        state = rng.choices(states, [w for _, w in _STATE_WEIGHTS])[0]
    if holder == "individual":
        name = rng.choice(_SURNAMES) + rng.choice(_GIVEN) + rng.choice(_GIVEN)
        number = {"id_number": _resident_id(rng, 100000 + k), "uscc": ""}
    else:
        kinds = _ORG_NAMES.get(code)
        name = f"{rng.choice(_PREFIX)}{rng.choice(kinds)}" if kinds else f"{rng.choice(_PREFIX)}{rng.choice(_SHOPS)}{k + 1}号"
        number = {"uscc": _uscc(rng, code, 100000 + k), "id_number": ""}
    created = datetime.combine(today - timedelta(days=rng.randint(30, 900)), time(9, 0))
    return {"type_code": code, "name": name, **number, "community_id": community_id, "street_id": street_id,
            "state": state, "created": created, "mobile": f"1{rng.choice('3589')}{rng.randint(0, 999999999):09d}",
            "domains": rng.sample(domains, k=rng.randint(1, 3))}


def _number_filings(s: Session, plan: list[dict], streets: dict[int, str]) -> None:
    counters: dict[tuple[int, int], int] = {
        (c.street_id, c.year): c.last_seq for c in s.scalars(select(FilingCounter))}
    fresh = set()
    for p in sorted(plan, key=lambda p: p["created"]):
        if p["state"] in (State.FILED, State.COMMITTED, State.ACTIVE, State.EXITED):
            filed = (p["created"] + timedelta(days=20)).date()
            key = (p["street_id"], filed.year)
            fresh.add(key) if key not in counters else None
            counters[key] = counters.get(key, 0) + 1
            p["filing_no"] = filing_number(DEFAULT_FILING_PATTERN, streets[p["street_id"]], filed.year, counters[key])
            p["filed_on"] = filed
    for (street_id, year), seq in counters.items():
        if (street_id, year) in fresh:
            s.execute(insert(FilingCounter), [{"street_id": street_id, "year": year, "last_seq": seq}])
        else:
            s.get(FilingCounter, (street_id, year)).last_seq = seq


def _write_partners(s: Session, plan: list[dict], first_id: int) -> None:
    rows, links, doms, events = [], [], [], []
    for i, p in enumerate(plan):
        pid, live = first_id + i, p["state"] is not State.EXITED
        rows.append({"id": pid, "type_code": p["type_code"], "name": p["name"], "name_initials": initials_of(p["name"]),
                     "uscc": p["uscc"], "id_number": p["id_number"], "live_uscc": (p["uscc"] or None) if live else None,
                     "live_id_number": (p["id_number"] or None) if live else None, "contact_mobile": p["mobile"],
                     "contact_name": p["name"][:3] if p["id_number"] else "联系人", "state": p["state"].value,
                     "filing_no": p.get("filing_no"), "filed_on": p.get("filed_on"),
                     "street_id": p["street_id"] if p.get("filing_no") else None, "address": "",
                     "exit_reason": "term_expired" if not live else "", "created_at": p["created"],
                     "updated_at": p["created"] + timedelta(days=30), "version": 1})
        links.append({"partner_id": pid, "community_id": p["community_id"]})
        doms += [{"partner_id": pid, "domain_code": d} for d in p["domains"]]
        events += _events(pid, p)
    s.execute(insert(Partner), rows)
    s.execute(insert(PartnerCommunity), links)
    s.execute(insert(PartnerDomain), doms)
    s.execute(insert(PartnerEvent), events)
    sync_id_sequence(s, Partner)


def _events(pid: int, p: dict) -> list[dict]:
    target = {State.REJECTED: State.APPLIED, State.EXITED: State.ACTIVE}.get(p["state"], p["state"])
    out, prev, at = [], "", p["created"]
    for action, state in _PATH:
        out.append({"partner_id": pid, "action": action, "from_state": prev, "to_state": state.value, "at": at,
                    "on_date": at.date(), "username": "demo", "opinion": "同意" if "approve" in action else ""})
        prev, at = state.value, at + timedelta(days=4)
        if state is target:
            break
    if p["state"] in (State.REJECTED, State.EXITED):
        action = "reject" if p["state"] is State.REJECTED else "exit"
        out.append({"partner_id": pid, "action": action, "from_state": prev, "to_state": p["state"].value, "at": at,
                    "on_date": at.date(), "username": "demo", "opinion": "材料不全" if action == "reject" else "期满"})
    return out


def _write_lists(s, rng, communities, domains, today, first_id, plan) -> None:  # noqa: ANN001
    active = [(first_id + i, p["community_id"]) for i, p in enumerate(plan) if p["state"] is State.ACTIVE]
    by_community: dict[int, list[int]] = {}
    for pid, cid in active:
        by_community.setdefault(cid, []).append(pid)
    streets = sorted({st for _, st in communities})
    s.execute(insert(RecruitmentNotice), [
        {"title": f"{today.year}年社区合伙人招募令（第{n + 1}批）", "issuer_id": st, "domain_codes": ",".join(domains[:4]),
         "conditions": "具有合法资质；近三年无不良记录；自愿参与社区服务。", "benefits": "低偿或无偿使用社区闲置用房。",
         "open_from": today - timedelta(days=60), "open_to": today + timedelta(days=30), "status": "open", "version": 1}
        for n, st in enumerate(streets)])
    labels = dict(s.execute(select(DictItem.code, DictItem.label).where(DictItem.kind == "service_domain")).all())
    needs, resources, patterns = [], [], []
    for cid, _ in communities:
        needs += [{"community_id": cid, "title": f"{labels.get(d, d)}需求", "source": rng.choice(["door_to_door", "survey", "hotline"]),
                   "category": d, "households": rng.randint(5, 80), "people": rng.randint(10, 200), "status": "open",
                   "recorded_on": today - timedelta(days=rng.randint(1, 200)), "version": 1, "description": ""}
                  for d in rng.sample(domains, 3)]
        resources.append({"community_id": cid, "kind": "room", "title": "闲置活动室", "category": "",
                          "area_centi_m2": rng.randint(30, 200) * 100, "status": "available", "version": 1,
                          "description": ""})
        for wd, (topic, start, end) in zip((0, 2, 4), (("母婴咨询", "14:00", "17:00"), ("义诊", "09:00", "11:30"),
                                                        ("法律与就业咨询", "14:00", "16:30")), strict=True):
            if by_community.get(cid):
                patterns.append({"community_id": cid, "venue": "合伙人工作室", "weekday": wd, "start": start, "end": end,
                                 "partner_id": rng.choice(by_community[cid]), "topic": topic,
                                 "valid_from": today - timedelta(days=56), "active": True})
    s.execute(insert(Need), needs)
    s.execute(insert(Resource), resources)
    if patterns:
        s.execute(insert(RotaPattern), patterns)
        _shifts(s, rng, today)
    _projects(s, rng)


def _shifts(s: Session, rng: random.Random, today: date) -> None:
    from ..domain.rota import dates_for

    rows = []
    for p in s.scalars(select(RotaPattern)):
        for d in dates_for(p.weekday, today - timedelta(days=56), today + timedelta(days=28), p.valid_from, None):
            past = d < today
            rows.append({"pattern_id": p.id, "community_id": p.community_id, "venue": p.venue, "on_date": d,
                         "start": p.start, "end": p.end, "partner_id": p.partner_id, "topic": p.topic,
                         "attendance": (rng.choices(["present", "absent"], [9, 1])[0] if past else "scheduled"),
                         "note": "", "version": 1})
    s.execute(insert(RotaShift), rows)


def _projects(s: Session, rng: random.Random) -> None:
    needs = s.execute(select(Need.id, Need.community_id, Need.category, Need.title)).all()
    partners = dict(s.execute(select(PartnerCommunity.community_id, PartnerCommunity.partner_id)).all())
    rows = [{"community_id": n.community_id, "title": n.title.replace("需求", "项目"), "category": n.category,
             "need_id": n.id, "partner_id": partners.get(n.community_id), "status": "running", "version": 1}
            for n in needs[::3]]
    if rows:
        s.execute(insert(Project), rows)
