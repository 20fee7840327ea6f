"""Spaces and agreements through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from partnerdesk.domain.agreements import Slot
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.partners import PartnerInput
from partnerdesk.services import (
    accounts,
    agreement_queries,
    agreements,
    maintenance,
    org,
    partner_lifecycle,
    partners,
    spaces,
)
from partnerdesk.services.agreement_queries import AgreementFilter
from tests.helpers.numbers import org_code

D = date


@pytest.fixture
def setup(ws):
    st = org.add_unit(ws, "street", org.office(ws).district_id, "协议街道").value
    c = org.add_unit(ws, "community", st.id, "协议社区").value
    accounts.add_user(ws, "appr", "approver", "approve-pass-1")
    room = spaces.save(ws, spaces.SpaceInput(c.id, "一楼活动室", 8050)).value
    shared = spaces.save(ws, spaces.SpaceInput(c.id, "多功能厅", 12000, shared_by_slot=True)).value
    return c, room, shared


def _filed_partner(ws, community, n):
    p = partners.register(ws, PartnerInput("enterprise", f"协议企业{n}", uscc=org_code(800 + n),
                                           community_ids=(community.id,)), submit=True).value
    p = partner_lifecycle.transition(ws, p.id, p.version, "community_approve", "同意").value
    accounts.login(ws, "appr", "approve-pass-1")
    p = partner_lifecycle.transition(ws, p.id, p.version, "street_approve", "同意").value
    p = partner_lifecycle.transition(ws, p.id, p.version, "file").value
    accounts.login(ws, "admin", "admin-pass-1")
    return p


def _terms(partner, space, start=D(2026, 1, 1), end=D(2026, 12, 31), **kw):
    return agreements.AgreementInput(partner.id, space.id, start, end, kw.pop("mode", "space_for_services"),
                                     permitted_use="老年助餐", committed_sessions=8, **kw)


def _sign(ws, a, on=D(2026, 1, 1)):
    a = agreements.transition(ws, a.id, a.version, "approve", "同意").value
    return agreements.transition(ws, a.id, a.version, "sign", on_date=on).value


def test_overlap_refused_at_boundary_and_allowed_after(ws, setup):
    c, room, _ = setup
    p1, p2 = _filed_partner(ws, c, 1), _filed_partner(ws, c, 2)
    a1 = _sign(ws, agreements.create(ws, _terms(p1, room)).value)
    assert spaces.get(ws, room.id).status == "under_agreement"
    with pytest.raises(DomainError) as e:
        agreements.create(ws, _terms(p2, room, D(2026, 12, 31), D(2027, 6, 30)))
    assert e.value.code == "agreement.overlap" and e.value.params["number"] == a1.number
    a2 = agreements.create(ws, _terms(p2, room, D(2027, 1, 1), D(2027, 6, 30))).value
    assert a2.state == "draft" and a1.number != a2.number
    assert maintenance.check(ws).ok


def test_shared_space_by_time_slot(ws, setup):
    c, _, hall = setup
    p1, p2 = _filed_partner(ws, c, 3), _filed_partner(ws, c, 4)
    _sign(ws, agreements.create(ws, _terms(p1, hall, slots=(Slot(0, "08:00", "12:00"),))).value)
    ok = agreements.create(ws, _terms(p2, hall, slots=(Slot(0, "12:00", "17:00"),))).value
    _sign(ws, ok)
    with pytest.raises(DomainError) as e:
        agreements.create(ws, _terms(p2, hall, slots=(Slot(0, "11:00", "13:00"),)))
    assert e.value.code == "agreement.overlap"


def test_signed_agreement_is_locked_supplements_and_renewal(ws, setup):
    c, room, _ = setup
    p = _filed_partner(ws, c, 5)
    a = _sign(ws, agreements.create(ws, _terms(p, room)).value)
    with pytest.raises(DomainError) as e:
        agreements.update_draft(ws, a.id, a.version, replace(a.data, permitted_use="改成别的"))
    assert e.value.code == "agreement.locked"
    assert agreements.add_supplement(ws, a.id, "增加周六服务一次", D(2026, 3, 1)).value == 1
    assert agreements.add_supplement(ws, a.id, "调整水电费承担方", D(2026, 4, 1)).value == 2
    renewal = agreements.renew(ws, a.id, D(2027, 12, 31)).value
    assert (renewal.start_date, renewal.end_date, renewal.state) == (D(2027, 1, 1), D(2027, 12, 31), "draft")
    _sign(ws, renewal, D(2026, 12, 1))
    assert agreements.get(ws, a.id).state == "renewed"
    assert maintenance.check(ws).ok


def test_termination_frees_the_space_and_needs_a_reason(ws, setup):
    c, room, _ = setup
    p = _filed_partner(ws, c, 6)
    a = _sign(ws, agreements.create(ws, _terms(p, room)).value)
    with pytest.raises(DomainError):
        agreements.transition(ws, a.id, a.version, "terminate", "")
    a = agreements.transition(ws, a.id, a.version, "terminate", "合伙人申请提前终止", on_date=D(2026, 6, 30)).value
    assert a.state == "terminated" and a.terminated_on == D(2026, 6, 30)
    assert spaces.get(ws, room.id).status == "idle"
    other = _filed_partner(ws, c, 7)
    agreements.create(ws, _terms(other, room, D(2026, 7, 1), D(2026, 12, 31)))  # the rest of the year is free


def test_partner_exit_ends_live_agreements(ws, setup):
    c, room, _ = setup
    p = _filed_partner(ws, c, 8)
    a = _sign(ws, agreements.create(ws, _terms(p, room)).value)
    draft = agreements.create(ws, _terms(p, setup[2], slots=(Slot(3, "09:00", "10:00"),))).value
    accounts.login(ws, "appr", "approve-pass-1")
    p = partners.get(ws, p.id)
    partner_lifecycle.transition(ws, p.id, p.version, "exit", "违反承诺", exit_reason="breach", on_date=D(2026, 5, 31))
    assert agreements.get(ws, a.id).state == "terminated"
    assert agreements.get(ws, a.id).terminated_on == D(2026, 5, 31)
    assert agreements.get(ws, draft.id).state == "terminated"
    assert spaces.get(ws, room.id).status == "idle"


def test_approval_needs_an_approver_and_expiring_list(ws, setup):
    c, room, _ = setup
    p = _filed_partner(ws, c, 9)
    today = ws.now().date()
    a = agreements.create(ws, _terms(p, room, today - timedelta(days=300), today + timedelta(days=20))).value
    accounts.add_user(ws, "clerk", "staff", "staff-pass-1")
    accounts.login(ws, "clerk", "staff-pass-1")
    with pytest.raises(DomainError) as e:
        agreements.transition(ws, a.id, a.version, "approve", "同意")
    assert e.value.code == "lifecycle.role"
    assert agreements.allowed(ws, a.id) == []
    accounts.login(ws, "appr", "approve-pass-1")
    assert agreements.allowed(ws, a.id) == ["approve"]
    a = _sign(ws, a, today - timedelta(days=300))
    a = agreements.transition(ws, a.id, a.version, "start", on_date=today).value
    soon = agreement_queries.query_agreements(ws, AgreementFilter(state="expiring", window_days=30))
    assert [(r.id, r.shown_state) for r in soon] == [(a.id, "expiring")]
    assert agreement_queries.query_agreements(ws, AgreementFilter(state="expiring", window_days=10)) == []


def test_space_activated_by_quarter(ws, setup):
    c, room, hall = setup
    p1, p2 = _filed_partner(ws, c, 10), _filed_partner(ws, c, 11)
    _sign(ws, agreements.create(ws, _terms(p1, room, D(2026, 2, 1), D(2026, 8, 31))).value)
    _sign(ws, agreements.create(ws, _terms(p2, hall, D(2026, 5, 1), D(2027, 4, 30), slots=(Slot(1, "09:00", "11:00"),))
                                ).value)
    by_quarter = spaces.activated_by_quarter(ws, 2026)
    assert by_quarter.get((c.id, 1)) == 8050
    assert by_quarter.get((c.id, 2)) == 8050 + 12000
    assert by_quarter.get((c.id, 3)) == 12000
    assert by_quarter.get((c.id, 4)) == 12000


def test_agreement_steps_follow_the_editable_rule_table(ws, setup):
    """Approval follows the same configurable role table as the partner lifecycle (keys agreement_…)."""
    c, room, _ = setup
    p = _filed_partner(ws, c, 12)
    a = agreements.create(ws, _terms(p, room, D(2026, 1, 1), D(2026, 12, 31))).value
    assert partner_lifecycle.rules(ws)["agreement_approve"] == ["admin", "approver"]
    accounts.login(ws, "admin", "admin-pass-1")
    partner_lifecycle.set_rules(ws, {"agreement_approve": ["admin", "staff"]})
    assert partner_lifecycle.rules(ws)["agreement_approve"] == ["admin", "staff"]
    accounts.add_user(ws, "clerk2", "staff", "staff-pass-1")
    accounts.login(ws, "appr", "approve-pass-1")
    with pytest.raises(DomainError) as e:
        agreements.transition(ws, a.id, a.version, "approve", "同意")
    assert e.value.code == "lifecycle.role"
    accounts.login(ws, "clerk2", "staff-pass-1")
    assert agreements.transition(ws, a.id, a.version, "approve", "同意").value.state == "approved"
    with pytest.raises(DomainError) as e:
        partner_lifecycle.set_rules(ws, {"agreement_nonsense": ["admin"]})
    assert e.value.code in ("auth.forbidden", "lifecycle.unknown_action")
