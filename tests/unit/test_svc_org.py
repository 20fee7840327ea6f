"""The organisation tree on SQLite and PostgreSQL: add, rename, pilot, phases, delete, stale versions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from partnerdesk.db.models import AuditLog
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import accounts, org
from tests.helpers.dbstate import assert_invariants, state


def err(fn, *a, **kw) -> DomainError:
    with pytest.raises(DomainError) as exc:
        fn(*a, **kw)
    return exc.value


def last_audit(ws):
    with ws.read() as uow:
        return uow.session.execute(select(AuditLog.action, AuditLog.entity, AuditLog.entity_id, AuditLog.before,
                                          AuditLog.after).order_by(AuditLog.seq.desc()).limit(1)).one()


@pytest.fixture
def street(ws) -> int:
    return org.office(ws).street_id


def test_add_units_and_tree_order(ws, street):
    district = org.office(ws).district_id
    s2 = org.add_unit(ws, "street", district, "  化龙桥   街道 ", code="S02").value
    assert s2.name == "化龙桥 街道" and s2.kind == "street" and s2.version == 1
    c1 = org.add_unit(ws, "community", street, "金银湾社区", code="C02").value
    c2 = org.add_unit(ws, "community", street, "虎头岩社区", code="C01").value
    c3 = org.add_unit(ws, "community", s2.id, "金银湾社区").value  # same name, other parent: fine
    assert last_audit(ws)[:3] == ("org.add", "org_unit", str(c3.id))
    tree = org.tree(ws)
    # depth-first: each parent followed by its children, siblings by code (uncoded last) then name
    assert [r.id for r in tree] == [district, s2.id, c3.id, street, c2.id, c1.id]
    assert {r.id for r in org.communities(ws)} == {c1.id, c2.id, c3.id}
    assert_invariants(ws)


@pytest.mark.parametrize("kind, parent, code", [
    ("street", None, "org.bad_parent"), ("community", "district", "org.bad_parent"),
    ("district", "district", "org.bad_parent"), ("community", "community", "org.bad_parent"),
])
def test_bad_parents(ws, street, kind, parent, code):
    c = org.add_unit(ws, "community", street, "金银湾社区").value
    ids = {"district": org.office(ws).district_id, "street": street, "community": c.id, None: None}
    before = state(ws)
    assert err(org.add_unit, ws, kind, ids[parent], "某单位").code == code
    assert state(ws) == before


def test_names(ws, street):
    org.add_unit(ws, "community", street, "金银湾社区")
    before = state(ws)
    assert err(org.add_unit, ws, "community", street, " 金银湾社区 ").code == "org.duplicate_name"
    assert err(org.add_unit, ws, "community", street, "   ").code == "org.name_required"
    assert state(ws) == before


def test_rename_pilot_and_stale_version(ws, street):
    c = org.add_unit(ws, "community", street, "金银湾社区").value
    other = org.add_unit(ws, "community", street, "虎头岩社区").value
    r = org.update_unit(ws, c.id, c.version, name="金银湾新社区", is_pilot=True).value
    assert (r.name, r.is_pilot, r.version) == ("金银湾新社区", True, c.version + 1)
    action, _, _, before, after = last_audit(ws)
    assert action == "org.update" and '"name":"金银湾社区"' in before and '"name":"金银湾新社区"' in after
    snapshot = state(ws)
    # a clerk still holding the old version is told someone else changed it
    assert err(org.update_unit, ws, c.id, c.version, name="别的名字").code == "record.conflict"
    assert err(org.update_unit, ws, c.id, r.version, name="虎头岩社区").code == "org.duplicate_name"
    assert err(org.update_unit, ws, street, 1, is_pilot=True).code == "org.not_community"
    assert err(org.update_unit, ws, c.id, r.version, name=" ").code == "org.name_required"
    assert err(org.update_unit, ws, 987654, 1, name="x").code == "record.missing"
    assert state(ws) == snapshot
    assert {u.id: u.name for u in org.communities(ws)} == {c.id: "金银湾新社区", other.id: "虎头岩社区"}


def test_phases(ws, street):
    c = org.add_unit(ws, "community", street, "金银湾社区").value
    r = org.enter_phase(ws, c.id, c.version, "pilot", date(2025, 3, 1)).value
    r = org.enter_phase(ws, c.id, r.version, "review", date(2025, 9, 1)).value
    assert (r.phase, r.phase_since) == ("review", date(2025, 9, 1))
    snapshot = state(ws)
    # a later phase already began before this date: out of order
    assert err(org.enter_phase, ws, c.id, r.version, "pilot", date(2025, 10, 1)).code == "org.phase_order"
    assert err(org.enter_phase, ws, c.id, c.version, "rollout", date(2026, 1, 1)).code == "record.conflict"
    assert err(org.enter_phase, ws, street, 1, "pilot", date(2025, 1, 1)).code == "org.not_community"
    assert state(ws) == snapshot
    # correcting the date of an earlier phase is allowed
    r = org.enter_phase(ws, c.id, r.version, "pilot", date(2025, 2, 1)).value
    assert r.phase == "review"
    r = org.enter_phase(ws, c.id, r.version, "rollout", date(2026, 1, 1)).value
    assert (r.phase, r.phase_since) == ("rollout", date(2026, 1, 1))
    assert [(p.phase, p.entered_on) for p in org.phase_history(ws, c.id)] == [
        ("pilot", date(2025, 2, 1)), ("review", date(2025, 9, 1)), ("rollout", date(2026, 1, 1))]
    with pytest.raises(ValueError):
        org.enter_phase(ws, c.id, r.version, "no-such-phase", date(2026, 1, 1))
    assert_invariants(ws)


def test_delete_rules(ws, street):
    district = org.office(ws).district_id
    s2 = org.add_unit(ws, "street", district, "化龙桥街道").value
    c = org.add_unit(ws, "community", s2.id, "李子坝社区").value
    used = org.add_unit(ws, "community", s2.id, "虎头岩社区").value
    accounts.add_user(ws, "w1", "community_worker", "w-pass-123", community_ids=(used.id,))
    org.enter_phase(ws, c.id, c.version, "pilot", date(2025, 1, 1))
    c = next(u for u in org.communities(ws) if u.id == c.id)
    snapshot = state(ws)
    assert err(org.delete_unit, ws, s2.id, s2.version).code == "org.in_use"  # has communities
    assert err(org.delete_unit, ws, used.id, used.version).code == "org.in_use"  # has a user
    office_street = next(u for u in org.tree(ws) if u.id == street)
    assert err(org.delete_unit, ws, street, office_street.version).code == "org.in_use"  # the office itself
    assert err(org.delete_unit, ws, c.id, c.version - 1).code == "record.conflict"
    assert state(ws) == snapshot
    org.delete_unit(ws, c.id, c.version)  # its phase history goes with it
    assert c.id not in {u.id for u in org.tree(ws)}
    assert org.phase_history(ws, c.id) == []
    action, entity, entity_id, before, after = last_audit(ws)
    assert (action, entity_id, after) == ("org.delete", str(c.id), "") and "李子坝社区" in before
    assert err(org.delete_unit, ws, c.id, c.version).code == "record.missing"
    assert_invariants(ws)


def test_each_action_one_audit_entry(ws, street):
    from tests.helpers.dbstate import audit_seqs

    n0 = len(audit_seqs(ws))
    c = org.add_unit(ws, "community", street, "A社区").value
    c = org.update_unit(ws, c.id, c.version, code="X1").value
    c = org.enter_phase(ws, c.id, c.version, "pilot", date(2025, 1, 1)).value
    org.delete_unit(ws, c.id, c.version)
    seqs = audit_seqs(ws)
    assert len(seqs) == n0 + 4 and seqs == list(range(1, len(seqs) + 1))
