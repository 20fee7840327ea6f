"""A small world for the service-loop tests: two communities, users of every role, filed partners, a space
and a signed agreement; the clock fixed at 2026-07-15."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

from partnerdesk.domain.partners import PartnerInput
from partnerdesk.services import accounts, agreements, org, partner_lifecycle, partners, spaces
from tests.helpers.numbers import org_code

NOW = datetime(2026, 7, 15, 10, 0)
TODAY = NOW.date()
PASSWORDS = {"admin": "admin-pass-1", "staff1": "staff-pass-1", "appr": "approve-pass-1",
             "worker": "worker-pass-1", "outsider": "worker-pass-2", "aud": "audit-pass-1"}


def login(ws, name: str) -> None:
    accounts.login(ws, name, PASSWORDS[name])


def filed_partner(ws, community_id: int, n: int, name: str = ""):
    p = partners.register(ws, PartnerInput("enterprise", name or f"服务企业{n}", uscc=org_code(900 + n),
                                           community_ids=(community_id,)), submit=True).value
    p = partner_lifecycle.transition(ws, p.id, p.version, "community_approve", "同意").value
    login(ws, "appr")
    p = partner_lifecycle.transition(ws, p.id, p.version, "street_approve", "同意").value
    p = partner_lifecycle.transition(ws, p.id, p.version, "file").value
    login(ws, "admin")
    return partners.get(ws, p.id)


def signed_agreement(ws, partner, space, start: date, end: date, sessions: int = 8, hours: int = 20):
    a = agreements.create(ws, agreements.AgreementInput(partner.id, space.id, start, end, "space_for_services",
                                                        permitted_use="助老服务", committed_sessions=sessions,
                                                        committed_hours=hours)).value
    login(ws, "appr")
    a = agreements.transition(ws, a.id, a.version, "approve", "同意").value
    a = agreements.transition(ws, a.id, a.version, "sign", on_date=start).value
    login(ws, "admin")
    return a


def world(ws) -> SimpleNamespace:
    st = org.add_unit(ws, "street", org.office(ws).district_id, "服务街道").value
    c1 = org.add_unit(ws, "community", st.id, "东风社区").value
    c2 = org.add_unit(ws, "community", st.id, "西湖社区").value
    accounts.add_user(ws, "staff1", "staff", PASSWORDS["staff1"])
    accounts.add_user(ws, "appr", "approver", PASSWORDS["appr"])
    accounts.add_user(ws, "worker", "community_worker", PASSWORDS["worker"], community_ids=(c1.id,))
    accounts.add_user(ws, "outsider", "community_worker", PASSWORDS["outsider"], community_ids=(c2.id,))
    accounts.add_user(ws, "aud", "auditor", PASSWORDS["aud"])
    p1, p2 = filed_partner(ws, c1.id, 1), filed_partner(ws, c2.id, 2)
    room = spaces.save(ws, spaces.SpaceInput(c1.id, "一楼活动室", 8050)).value
    a1 = signed_agreement(ws, p1, room, date(2026, 1, 1), date(2026, 12, 31))
    ws.clock = lambda: NOW
    return SimpleNamespace(c1=c1, c2=c2, p1=p1, p2=p2, room=room, a1=a1)
