"""Deterministic demonstration data, written through bulk inserts (never per-row ORM objects)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..db.models import AppMeta, CommunityPhase, OrgUnit, User, UserCommunity
from ..domain.errors import DomainError
from ..domain.org import Phase, UnitKind
from ..domain.roles import Perm, Role, require
from . import audit, demo_agreements, demo_funds, demo_partners, demo_services
from .accounts import hash_password
from .changes import ALL, Changes, Outcome
from .records import refresh_statistics

DEMO_PASSWORD = "demo-pass-1"
SCALES = ("small", "district")
BENCH_SCALES = {"district10": 20_000}  # district × 10 (partners, spaces, agreements, services, orders): benchmarks only
STREETS = ["石油路街道", "化龙桥街道", "上清寺街道", "七星岗街道", "解放碑街道", "望龙门街道",
           "南纪门街道", "朝天门街道", "大溪沟街道", "菜园坝街道", "两路口街道", "大坪街道"]
COMMUNITY_STEMS = ["金银湾", "虎头岩", "肖家湾", "浮图关", "李子坝", "嘉陵桥", "健康路", "人和街", "学田湾",
                   "枇杷山", "新华路", "民族路", "凯旋路", "较场口", "储奇门", "中兴路", "白象街", "领事巷",
                   "燕喜洞", "黄花园", "天灯街", "菜园路", "王家坡", "中山四路", "双钢路", "马家堡",
                   "长江一路", "枣子岚垭", "桂花园", "大井巷", "𠈌溪"]


@dataclass(frozen=True)
class DemoSummary:
    streets: int
    communities: int
    pilots: int
    users: int
    extra: tuple[tuple[str, int], ...] = ()


DemoStep = Callable[..., tuple[str, int] | tuple[tuple[str, int], ...]]  # one count or several
DEMO_STEPS: list[DemoStep] = [demo_partners.generate, demo_agreements.generate,
                              demo_services.generate, demo_funds.generate]  # each capability adds its generator here


def load(ws, scale: str = "small", seed: int = 2026, today: date | None = None,
         partners: int | None = None) -> Outcome[DemoSummary]:
    """``partners`` overrides the number of partners (the benchmark uses 100,000)."""
    require(ws.actor, Perm.LOAD_DEMO)
    if scale not in SCALES and scale not in BENCH_SCALES:
        raise DomainError("demo.bad_scale", scale=scale)
    partners = partners or BENCH_SCALES.get(scale)
    rng, today = random.Random(seed), today or ws.today()
    pw_hash = hash_password(DEMO_PASSWORD)
    with ws.write() as uow:
        s = uow.session
        if s.get(AppMeta, "demo_loaded") is not None:
            raise DomainError("demo.already_loaded")
        district_id = _district(s)
        street_ids = _streets(s, district_id)
        community_ids, pilots = _communities(s, rng, street_ids, today)
        users = _users(s, rng, community_ids, pw_hash, scale)
        extra = tuple(_counts(step(s, rng, scale, today, partners) for step in DEMO_STEPS))
        s.add(AppMeta(key="demo_loaded", value=f"{scale}:{seed}"))
        summary = DemoSummary(len(street_ids), len(community_ids), pilots, users, extra)
        audit.record(s, ws.actor, "demo.load", "demo", seed, after={"scale": scale, **summary.__dict__},
                     at=ws.now())
        uow.commit()
    refresh_statistics(ws)  # the lists' query plans need them after a bulk load
    return Outcome(summary, Changes(frozenset({ALL})))


def _counts(results) -> list[tuple[str, int]]:  # noqa: ANN001
    """Flatten what the steps return: ("partners", 2000) or (("spaces", 3000), ("agreements", 2500))."""
    out: list[tuple[str, int]] = []
    for r in results:
        out += [r] if isinstance(r[0], str) else list(r)
    return out


def _district(s: Session) -> int:
    meta = s.get(AppMeta, "office_district_id")
    if meta is not None:
        return int(meta.value)
    unit = OrgUnit(kind=UnitKind.DISTRICT.value, name="渝新区")
    s.add(unit)
    s.flush()
    return unit.id


def _streets(s: Session, district_id: int) -> list[int]:
    existing = {n: i for i, n in s.execute(select(OrgUnit.id, OrgUnit.name)
                                           .where(OrgUnit.parent_id == district_id))}
    missing = [n for n in STREETS if n not in existing][: max(0, 12 - len(existing))]
    if missing:
        s.execute(insert(OrgUnit), [{"kind": UnitKind.STREET.value, "parent_id": district_id, "name": n,
                                     "code": f"S{k + 1:02d}", "version": 1} for k, n in enumerate(missing)])
    return [i for (i,) in s.execute(select(OrgUnit.id).where(OrgUnit.parent_id == district_id)
                                   .order_by(OrgUnit.id))][:12]


def _communities(s: Session, rng: random.Random, street_ids: list[int], today: date) -> tuple[list[int], int]:
    # every street gets two communities, the remaining seven go to random streets: 31 in all
    owners = street_ids * 2 + [rng.choice(street_ids) for _ in range(31 - 2 * len(street_ids))]
    pilot_idx = set(rng.sample(range(len(owners)), 6))
    rows, phases_plan = [], []
    for k, (street_id, stem) in enumerate(zip(owners, COMMUNITY_STEMS, strict=False)):
        # pilots walk the phases from 试点先行; the others join at 全域推广 (or not yet)
        phases = list(Phase)[: rng.randint(2, 5)] if k in pilot_idx else list(Phase)[3: 3 + rng.randint(0, 2)]
        start = today - timedelta(days=rng.randint(400, 900) if k in pilot_idx else rng.randint(30, 300))
        plan = [(ph, start + timedelta(days=120 * p + rng.randint(0, 40))) for p, ph in enumerate(phases)]
        plan = [(ph, min(d, today)) for ph, d in plan]
        phases_plan.append(plan)
        rows.append({"kind": UnitKind.COMMUNITY.value, "parent_id": street_id, "name": f"{stem}社区",
                     "code": f"C{k + 1:02d}", "is_pilot": k in pilot_idx, "version": 1,
                     "phase": plan[-1][0].value if plan else "", "phase_since": plan[-1][1] if plan else None})
    s.execute(insert(OrgUnit), rows)
    ids = {n: i for i, n in s.execute(select(OrgUnit.id, OrgUnit.name)
                                      .where(OrgUnit.kind == UnitKind.COMMUNITY.value))}
    community_ids = [ids[r["name"]] for r in rows]
    phase_rows = [{"community_id": cid, "phase": ph.value, "entered_on": d}
                  for cid, plan in zip(community_ids, phases_plan, strict=True) for ph, d in plan]
    if phase_rows:
        s.execute(insert(CommunityPhase), phase_rows)
    return community_ids, len(pilot_idx)


def _users(s: Session, rng: random.Random, community_ids: list[int], pw_hash: str, scale: str) -> int:
    taken = set(s.scalars(select(User.username)))
    plan = [("staff1", "王经办", Role.STAFF), ("staff2", "李经办", Role.STAFF),
            ("approver1", "陈审批", Role.APPROVER), ("approver2", "赵审批", Role.APPROVER),
            ("auditor1", "孙监督", Role.AUDITOR)]
    workers = community_ids if scale == "district" else community_ids[:6]
    plan += [(f"worker{k + 1:02d}", f"社工{k + 1:02d}", Role.COMMUNITY_WORKER) for k in range(len(workers))]
    rows = [{"username": u, "display_name": d, "role": r.value, "password_hash": pw_hash, "active": True,
             "failed_logins": 0, "version": 1} for u, d, r in plan if u not in taken]
    if not rows:
        return 0
    s.execute(insert(User), rows)
    ids = dict(s.execute(select(User.username, User.id)).all())
    links = [{"user_id": ids[f"worker{k + 1:02d}"], "community_id": cid} for k, cid in enumerate(workers)
             if f"worker{k + 1:02d}" not in taken]
    if links:
        s.execute(insert(UserCommunity), links)
    return len(rows)
