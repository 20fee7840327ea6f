"""Partner registry and lifecycle through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from partnerdesk.db.models import AuditLog, Partner
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.partners import PartnerInput
from partnerdesk.services import accounts, maintenance, org, partner_lifecycle, partners, rota, three_lists
from tests.helpers.numbers import org_code, person_id


@pytest.fixture
def community(ws):
    st = org.add_unit(ws, "street", org.office(ws).district_id, "测试街道").value
    return org.add_unit(ws, "community", st.id, "测试社区").value


def _org(community, n=1, **kw):
    return PartnerInput(kw.pop("type_code", "enterprise"), kw.pop("name", f"牧有货{n}号"), uscc=org_code(n),
                        community_ids=(community.id,), **kw)


def _audit_count(ws):
    with ws.read() as uow:
        return uow.session.scalar(select(func.count(AuditLog.id)))


def test_register_normalises_and_derives(ws, community):
    raw_id = person_id(7).lower().replace("0", "０", 2)  # full-width digits, lower-case x
    p = partners.register(ws, PartnerInput("resident_talent", " 张  阿姨 ", id_number=raw_id,
                                           contact_mobile="138 1234 5678", community_ids=(community.id,))).value
    assert p.name == "张 阿姨"
    assert p.id_number_masked == person_id(7)[:4] + "*" * 10 + person_id(7)[-4:]
    assert p.contact_mobile_masked == "138****5678"
    assert p.derived == {"birth_date": "1980-01-01", "sex": "M" if int(person_id(7)[16]) % 2 else "F"}
    assert partners.reveal(ws, p.id, "id_number") == person_id(7)
    with ws.read() as uow:
        actions = list(uow.session.scalars(select(AuditLog.action).order_by(AuditLog.seq)))
    assert actions[-1] == "personal.reveal"


def test_duplicate_live_number_refused_until_exit(ws, community):
    p = partners.register(ws, _org(community, 1), submit=True).value
    with pytest.raises(DomainError) as e:
        partners.register(ws, _org(community, 1, name="另一家"))
    assert e.value.code == "partner.duplicate" and e.value.params["id"] == p.id
    # through the lifecycle to active, then exit: the number becomes free again
    for action, opinion in [("community_approve", "同意")]:
        p = partner_lifecycle.transition(ws, p.id, p.version, action, opinion).value
    accounts.add_user(ws, "appr", "approver", "approve-pass-1")
    accounts.login(ws, "appr", "approve-pass-1")
    p = partner_lifecycle.transition(ws, p.id, p.version, "street_approve", "同意").value
    p = partner_lifecycle.transition(ws, p.id, p.version, "file").value
    p = partner_lifecycle.transition(ws, p.id, p.version, "exit", "期满", exit_reason="term_expired").value
    assert p.state == "exited"
    again = partners.register(ws, _org(community, 1, name="牧有货（重新入驻）")).value
    assert again.id != p.id
    assert maintenance.check(ws).ok


def test_bad_checksum_needs_approver_reason(ws, community):
    bad = org_code(5)[:-1] + ("0" if org_code(5)[-1] != "0" else "1")
    with pytest.raises(DomainError) as e:
        partners.register(ws, PartnerInput("enterprise", "老代码企业", uscc=bad, community_ids=(community.id,)))
    assert e.value.code == "uscc.checksum"
    accounts.add_user(ws, "clerk", "staff", "staff-pass-1")
    accounts.login(ws, "clerk", "staff-pass-1")
    with pytest.raises(DomainError) as e:
        partners.register(ws, PartnerInput("enterprise", "老代码企业", uscc=bad, community_ids=(community.id,),
                                           override_reason="2015年前发放的代码"))
    assert e.value.code == "partner.override_forbidden"
    accounts.login(ws, "admin", "admin-pass-1")
    p = partners.register(ws, PartnerInput("enterprise", "老代码企业", uscc=bad, community_ids=(community.id,),
                                           override_reason="2015年前发放的代码")).value
    assert p.checksum_override == "2015年前发放的代码"
    with ws.read() as uow:
        assert uow.session.scalar(select(func.count()).where(AuditLog.action == "partner.checksum_override")) == 1


def test_refused_save_changes_nothing(ws, community):
    before_audit = _audit_count(ws)
    with pytest.raises(DomainError):
        partners.register(ws, PartnerInput("enterprise", "无代码", community_ids=(community.id,)))
    with pytest.raises(DomainError):
        partners.register(ws, PartnerInput("enterprise", "坏手机", uscc=org_code(9), contact_mobile="12345",
                                           community_ids=(community.id,)))
    with ws.read() as uow:
        assert uow.session.scalar(select(func.count(Partner.id))) == 0
    assert _audit_count(ws) == before_audit


ALL_PATH = ["submit", "community_approve", "street_approve", "file", "sign_commitment", "activate", "renew"]


def test_lifecycle_order_roles_and_filing_numbers(ws, community):
    accounts.add_user(ws, "appr1", "approver", "approve-pass-1")
    accounts.add_user(ws, "appr2", "approver", "approve-pass-1")
    accounts.add_user(ws, "worker", "community_worker", "worker-pass-1", community_ids=(community.id,))
    accounts.add_user(ws, "aud", "auditor", "audit-pass-1")
    who = {"submit": "worker", "community_approve": "appr1", "street_approve": "appr2", "file": "appr2",
           "sign_commitment": "worker", "activate": "worker", "renew": "appr1"}
    numbers = []
    for n in range(2):
        accounts.login(ws, "worker", "worker-pass-1")
        p = partners.register(ws, _org(community, 100 + n)).value
        for action in ALL_PATH:
            # out of order is refused
            skip = ALL_PATH[(ALL_PATH.index(action) + 2) % len(ALL_PATH)]
            if skip != "renew":
                with pytest.raises(DomainError) as e:
                    partner_lifecycle.transition(ws, p.id, p.version, skip, "意见")
                assert e.value.code in ("lifecycle.not_allowed", "lifecycle.role")
            # the auditor may never act
            accounts.login(ws, "aud", "audit-pass-1")
            with pytest.raises(DomainError) as e:
                partner_lifecycle.transition(ws, p.id, p.version, action, "意见")
            assert e.value.code == "auth.forbidden"
            accounts.login(ws, who[action], "worker-pass-1" if who[action] == "worker" else "approve-pass-1")
            p = partner_lifecycle.transition(ws, p.id, p.version, action, "同意").value
        assert p.state == "active"
        numbers.append(p.filing_no)
    year = ws.now().year
    assert numbers == [f"测试街道合伙人备〔{year}〕1号", f"测试街道合伙人备〔{year}〕2号"]
    tl = partner_lifecycle.timeline(ws, p.id)
    assert [e.action for e in tl] == ["register"] + ALL_PATH
    assert tl[2].username == "appr1" and tl[2].opinion == "同意"


def test_four_eyes_and_rejection_resubmission(ws, community):
    p = partners.register(ws, _org(community, 3), submit=True).value
    p = partner_lifecycle.transition(ws, p.id, p.version, "community_approve", "同意").value
    with pytest.raises(DomainError) as e:
        partner_lifecycle.transition(ws, p.id, p.version, "street_approve", "同意")
    assert e.value.code == "lifecycle.four_eyes"
    with pytest.raises(DomainError) as e:
        partner_lifecycle.transition(ws, p.id, p.version, "reject", "  ")
    assert e.value.code == "lifecycle.opinion_required"
    p = partner_lifecycle.transition(ws, p.id, p.version, "reject", "材料不全").value
    assert p.state == "rejected"
    p = partner_lifecycle.transition(ws, p.id, p.version, "resubmit", "已补充").value
    assert p.state == "applied"


def test_stale_version_is_a_conflict(ws, community):
    p = partners.register(ws, _org(community, 4), submit=True).value
    partner_lifecycle.transition(ws, p.id, p.version, "community_approve", "同意")
    with pytest.raises(DomainError) as e:
        partner_lifecycle.transition(ws, p.id, p.version, "reject", "迟到的意见")
    assert e.value.code == "record.conflict"


def test_search_by_initials_and_number_tail_and_scope(ws, community):
    other_st = org.add_unit(ws, "street", org.office(ws).district_id, "别的街道").value
    other = org.add_unit(ws, "community", other_st.id, "别的社区").value
    partners.register(ws, PartnerInput("enterprise", "牧有货", uscc=org_code(11), contact_mobile="13912340001",
                                       community_ids=(community.id,)))
    partners.register(ws, PartnerInput("enterprise", "𠈌溪茶社😀", uscc=org_code(12), community_ids=(other.id,)))
    assert [r.name for r in partners.query(ws, partners.PartnerFilter(text="myh"))] == ["牧有货"]
    assert [r.name for r in partners.query(ws, partners.PartnerFilter(text="0001"))] == ["牧有货"]
    assert [r.name for r in partners.query(ws, partners.PartnerFilter(text=org_code(12)[-6:]))] == ["𠈌溪茶社😀"]
    assert [r.name for r in partners.query(ws, partners.PartnerFilter(text="𠈌"))] == ["𠈌溪茶社😀"]
    accounts.add_user(ws, "w1", "community_worker", "worker-pass-1", community_ids=(community.id,))
    accounts.login(ws, "w1", "worker-pass-1")
    assert partners.count(ws) == 1
    hidden = partners.query(ws, partners.PartnerFilter(text="茶社"))
    assert hidden == []


def test_a_text_search_counts_its_matches_on_its_first_page(ws, community):
    """The first page of a text search carries the number of matches, the same as count(); other pages and
    non-text filters leave the counting to count() (total None)."""
    for n in range(5):
        partners.register(ws, PartnerInput("enterprise", f"牧有货{n}号", uscc=org_code(40 + n),
                                           community_ids=(community.id,)))
    partners.register(ws, PartnerInput("enterprise", "别的名字", uscc=org_code(50), community_ids=(community.id,)))
    f = partners.PartnerFilter(text="myh")
    first = partners.query(ws, f, "name", limit=2)
    assert len(first) == 2 and first.total == partners.count(ws, f) == 5
    assert partners.query(ws, f, "name", offset=2, limit=2).total is None
    assert partners.query(ws, partners.PartnerFilter(text="不存在")).total == 0
    assert partners.query(ws, partners.PartnerFilter(), limit=2).total is None
    everything = [r.id for r in partners.query(ws, f, "name", limit=10)]
    assert [r.id for r in first] == everything[:2]


def test_exit_ends_future_shifts(ws, community):
    p = partners.register(ws, _org(community, 21), submit=True).value
    accounts.add_user(ws, "appr", "approver", "approve-pass-1")
    p = partner_lifecycle.transition(ws, p.id, p.version, "community_approve", "同意").value
    accounts.login(ws, "appr", "approve-pass-1")
    p = partner_lifecycle.transition(ws, p.id, p.version, "street_approve", "同意").value
    p = partner_lifecycle.transition(ws, p.id, p.version, "file").value
    today = ws.now().date()
    rota.add_pattern(ws, community.id, "合伙人工作室", today.weekday(), "14:00", "17:00", p.id, "义诊", today)
    assert rota.roll_out(ws, community.id, today, date.fromordinal(today.toordinal() + 27)).value == 4
    partner_lifecycle.transition(ws, p.id, p.version, "exit", "违反承诺", exit_reason="breach",
                                 on_date=date.fromordinal(today.toordinal() + 8))
    left = rota.shifts(ws, community.id, today, date.fromordinal(today.toordinal() + 27))
    assert [s.on_date for s in left] == [today, date.fromordinal(today.toordinal() + 7)]


def test_merge_keeps_both_histories(ws, community):
    a = partners.register(ws, _org(community, 31)).value
    b = partners.register(ws, PartnerInput("enterprise", "牧有货（重复）", uscc=org_code(32),
                                           community_ids=(community.id,), domain_codes=("elderly",))).value
    merged = partners.merge(ws, a.id, b.id, "同一家企业录入两次").value
    assert "elderly" in merged.domain_codes
    actions = [e.action for e in partner_lifecycle.timeline(ws, a.id)]
    assert actions.count("register") == 2 and "merge" in actions
    assert partners.get(ws, b.id).merged_into_id == a.id
    assert maintenance.check(ws).ok


def test_three_lists_matching(ws, community):
    p = partners.register(ws, _org(community, 41, domain_codes=("elderly",)), submit=True).value
    with ws.write() as uow:  # put it straight to active for the matching view
        obj = uow.session.get(Partner, p.id)
        obj.state = "active"
        uow.commit()
    need = three_lists.save(ws, "need", {"community_id": community.id, "title": "老人助餐", "source": "door_to_door",
                                         "category": "elderly", "households": 30, "people": 45}).value
    three_lists.save(ws, "resource", {"community_id": community.id, "kind": "room", "title": "一楼活动室",
                                      "area_centi_m2": 8050})
    m = three_lists.matching(ws, community.id)
    assert m[0].need.id == need.id
    assert [r.title for r in m[0].resources] == ["一楼活动室"]
    assert [n for _, n in m[0].partners] == [p.name]
    with pytest.raises(DomainError) as e:
        three_lists.save(ws, "need", {"community_id": community.id, "title": "x", "source": "survey",
                                      "category": "elderly", "people": -1})
    assert e.value.code == "list.negative"
