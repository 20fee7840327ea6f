"""Project applications and tiered approval through the services, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from partnerdesk.domain import applications as R
from partnerdesk.domain import ledger as L
from partnerdesk.domain.applications import Step, Tier
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.money import format_yuan
from partnerdesk.domain.roles import Actor, Role
from partnerdesk.services import applications as ap
from partnerdesk.services import fund_statement, funds, ledger, maintenance, org
from tests.helpers.dbstate import state

NOW = datetime(2026, 8, 10, 9, 0)
SMALL = 10_000_00  # fen; the tiers below are test data, not the office's rules


def err(fn, *args, **kw) -> DomainError:
    with pytest.raises(DomainError) as exc:
        fn(*args, **kw)
    return exc.value


@pytest.fixture
def fx(ws):
    ws.clock = lambda: NOW
    admin = ws.actor
    st_ = org.add_unit(ws, "street", org.office(ws).district_id, "申报街道").value
    c = org.add_unit(ws, "community", st_.id, "申报社区").value
    other = org.add_unit(ws, "community", st_.id, "别的社区").value
    pool = funds.create(ws, funds.FundInput("APOOL", "申报社区基金池", "pool", c.id)).value
    acc = {a.code: a.id for a in funds.accounts(ws, pool.id)}
    ledger.post(ws, pool.id, date(2026, 7, 1), [L.Line.debit(acc[L.BANK], 80_000_00),
                                               L.Line.credit(acc[L.FEEDBACK_INCOME], 80_000_00)], "反哺到账", "seed")
    ap.set_use_rule(ws, pool.id, ["养老", "托育", "便民服务"], ["宴请", "发放现金"])
    ap.set_tiers(ws, [
        Tier(1, SMALL, (Step("community_worker", "社区初审"), Step("approver", "街道审批")), name="小额"),
        Tier(SMALL + 1, None, (Step("community_worker", "社区初审"), Step("staff", "街道经办"),
                               Step("approver", "街道审批")), name="大额"),
    ])
    people = {
        "admin": admin,
        "clerk": Actor(101, "clerk", Role.STAFF),
        "staff2": Actor(102, "staff2", Role.STAFF),
        "cw": Actor(103, "cw", Role.COMMUNITY_WORKER, frozenset({c.id})),
        "cw_other": Actor(104, "cw_other", Role.COMMUNITY_WORKER, frozenset({other.id})),
        "appr": Actor(105, "appr", Role.APPROVER),
        "appr2": Actor(106, "appr2", Role.APPROVER),
        "auditor": Actor(107, "auditor", Role.AUDITOR),
    }
    return {"c": c, "other": other, "pool": pool, "acc": acc, "who": people}


def as_(ws, fx, name):
    ws.actor = fx["who"][name]
    return ws


def data(fx, amount=8_000_00, category="养老", budget=None, title="长者助餐") -> ap.ApplicationInput:
    budget = budget if budget is not None else (("食材", amount - 1_000_00), ("场地水电", 1_000_00))
    return ap.ApplicationInput(fx["pool"].id, "community", "", title, category, amount, tuple(budget),
                               applicant_id=fx["c"].id)


def submitted(ws, fx, **kw) -> ap.ApplicationRow:
    as_(ws, fx, "clerk")
    a = ap.create_draft(ws, data(fx, **kw)).value
    return ap.submit(ws, a.id, a.version).value


def take(ws, fx, who, app_id, decision="approve", opinion="") -> ap.ApplicationRow:
    as_(ws, fx, who)
    return ap.act(ws, app_id, ap.get(ws, app_id).version, decision, opinion).value


def test_tier_by_amount_gives_the_ordered_steps_with_their_roles(ws, fx):
    small = submitted(ws, fx, amount=SMALL)
    assert small.state == "submitted" and small.applicant_name == "申报社区"
    assert [(s.seq, s.role, s.label, s.state) for s in small.steps] == [
        (1, "community_worker", "社区初审", "pending"), (2, "approver", "街道审批", "pending")]
    big = submitted(ws, fx, amount=SMALL + 1, budget=(("设备", SMALL + 1),))
    assert [s.role for s in big.steps] == ["community_worker", "staff", "approver"]
    # out of order: the approver cannot take the first step; the auditor never
    for who in ("appr", "auditor", "admin"):
        assert err(take, ws, fx, who, big.id).code == "application.wrong_role"
    a = take(ws, fx, "cw", big.id, opinion="同意")
    assert a.state == "in_approval" and a.current_step.role == "staff"
    a = take(ws, fx, "staff2", big.id)
    assert a.state == "in_approval" and a.current_step.role == "approver" and not a.locked
    a = take(ws, fx, "appr", big.id)
    assert (a.state, a.locked, a.approved_on, a.current_step) == ("approved", True, NOW.date(), None)
    assert [s.actor for s in a.steps] == ["cw", "staff2", "appr"]


def test_fund_specific_tier_wins_and_preset_loads_at_first_use(ws, fx):
    assert R.tier_for(ap.tiers(ws), fx["pool"].id, "pool", 1).name == "小额"
    ap.set_tiers(ws, [*ap.tiers(ws), Tier(1, None, (Step("admin", "主任审批"),), fund_id=fx["pool"].id, name="本基金")])
    a = submitted(ws, fx)
    assert [s.role for s in a.steps] == ["admin"]
    as_(ws, fx, "admin")
    assert err(ap.set_tiers, ws, [Tier(1, 10, (Step("approver"),)), Tier(10, None, (Step("approver"),))]).code == \
        "tier.overlap"
    assert err(ap.set_tiers, ws, [Tier(1, None, (Step("auditor"),))]).code == "tier.bad_role"
    as_(ws, fx, "clerk")
    assert err(ap.set_tiers, ws, []).code == "auth.forbidden"


def test_preset_is_data_and_loaded_when_the_table_is_empty(ws):
    preset = ap.preset_tiers()
    assert preset and all(t.steps for t in preset)
    R.check_tiers(preset)
    assert {s.role for t in preset for s in t.steps} <= {r.value for r in R.STEP_ROLES}
    st_ = org.add_unit(ws, "street", org.office(ws).district_id, "预设街道").value
    c = org.add_unit(ws, "community", st_.id, "预设社区").value
    f = funds.create(ws, funds.FundInput("PRE", "预设基金", "pool", c.id)).value
    ap.set_use_rule(ws, f.id, ["养老"], [])
    a = ap.create_draft(ws, ap.ApplicationInput(f.id, "resident_group", "夕阳红队", "助老", "养老", 100,
                                                (("材料", 100),))).value
    a = ap.submit(ws, a.id, a.version).value
    assert [s.role for s in a.steps] == [s.role for s in R.tier_for(preset, f.id, "pool", 100).steps]
    assert ap.tiers(ws) == preset  # stored in the editable table now


def test_own_application_and_double_approval_refused(ws, fx):
    # the approver creates an application: they may not approve it at their step
    as_(ws, fx, "appr")
    a = ap.create_draft(ws, data(fx)).value
    a = ap.submit(ws, a.id, a.version).value
    take(ws, fx, "cw", a.id)
    assert err(take, ws, fx, "appr", a.id).code == "application.own"
    assert [x.id for x in (as_(ws, fx, "appr") and ap.inbox(ws))] == []
    assert take(ws, fx, "appr2", a.id).state == "approved"
    # the same person may not take two steps of one round, even holding the matching role
    b = submitted(ws, fx, amount=SMALL + 5, budget=(("设备", SMALL + 5),))
    take(ws, fx, "cw", b.id)
    take(ws, fx, "staff2", b.id)
    ws.actor = Actor(103, "cw", Role.APPROVER)  # the same user, now holding the approver role
    before = state(ws)
    assert err(ap.act, ws, b.id, ap.get(ws, b.id).version, "approve").code == "application.acted_twice"
    assert state(ws) == before
    # a stale screen (old version number) is refused
    as_(ws, fx, "appr")
    assert err(ap.act, ws, b.id, 1, "approve").code == "record.conflict"


def test_scope_opinion_and_return_then_resubmit_keep_history(ws, fx):
    a = submitted(ws, fx)
    assert err(take, ws, fx, "cw_other", a.id).code == "auth.forbidden"
    assert err(take, ws, fx, "cw", a.id, "return").code == "application.opinion_required"
    a = take(ws, fx, "cw", a.id)
    a = take(ws, fx, "appr", a.id, "return", "预算偏高，请压缩")
    assert a.state == "returned" and not a.locked
    assert [(s.state, s.opinion) for s in a.steps] == [("approved", ""), ("returned", "预算偏高，请压缩")]
    as_(ws, fx, "clerk")
    a = ap.update_draft(ws, a.id, a.version, data(fx, amount=6_000_00)).value
    a = ap.submit(ws, a.id, a.version).value
    assert (a.round_no, [s.state for s in a.steps]) == (2, ["pending", "pending"])
    # round two: the community worker acts again (a new round), then another approver
    take(ws, fx, "cw", a.id)
    a = take(ws, fx, "appr2", a.id)
    assert a.state == "approved"
    hist = ap.history(ws, a.id)
    assert [(h.round_no, h.seq, h.state, h.actor) for h in hist] == [
        (1, 1, "approved", "cw"), (1, 2, "returned", "appr"), (2, 1, "approved", "cw"), (2, 2, "approved", "appr2")]
    # rejected is final, with the later steps skipped
    b = submitted(ws, fx)
    assert err(take, ws, fx, "cw", b.id, "reject", "  ").code == "application.opinion_required"
    b = take(ws, fx, "cw", b.id, "reject", "不属于本基金用途")
    assert b.state == "rejected" and [s.state for s in b.steps] == ["rejected", "skipped"]
    assert err(take, ws, fx, "appr", b.id).code == "application.not_pending"


def test_inbox_shows_what_waits_for_my_role_and_scope(ws, fx):
    a = submitted(ws, fx, title="甲")
    b = submitted(ws, fx, title="乙")
    as_(ws, fx, "cw")
    assert [x.title for x in ap.inbox(ws)] == ["甲", "乙"]
    as_(ws, fx, "cw_other")
    assert ap.inbox(ws) == []
    as_(ws, fx, "appr")
    assert ap.inbox(ws) == []
    take(ws, fx, "cw", a.id)
    as_(ws, fx, "appr")
    assert [x.title for x in ap.inbox(ws)] == ["甲"]
    as_(ws, fx, "cw")
    assert [x.title for x in ap.inbox(ws)] == ["乙"]
    as_(ws, fx, "clerk")  # the creator's own applications never show in their inbox
    assert ap.inbox(ws) == []
    assert {x.id for x in ap.list_applications(ws, fund_id=fx["pool"].id)} == {a.id, b.id}


def test_approved_is_locked_and_a_new_version_is_approved_again(ws, fx):
    a = submitted(ws, fx)
    take(ws, fx, "cw", a.id)
    a = take(ws, fx, "appr", a.id)
    as_(ws, fx, "clerk")
    assert err(ap.update_draft, ws, a.id, a.version, data(fx, amount=9_000_00)).code == "application.locked"
    assert err(ap.submit, ws, a.id, a.version).code == "application.not_editable"
    ap.disburse(ws, a.id, 3_000_00, date(2026, 8, 11), "幸福食堂", "pay-1")
    v2 = ap.new_version(ws, a.id).value
    assert (v2.state, v2.version_no, v2.previous_version_id, v2.root_id, v2.locked) == ("draft", 2, a.id, a.id, False)
    assert v2.budget == a.budget and v2.disbursed_fen == 3_000_00
    assert err(ap.new_version, ws, a.id).code == "application.has_new_version"
    v2 = ap.update_draft(ws, v2.id, v2.version, data(fx, amount=9_500_00)).value
    v2 = ap.submit(ws, v2.id, v2.version).value
    assert ap.get(ws, a.id).state == "approved"  # still in force until the new version is approved
    take(ws, fx, "cw", v2.id)
    v2 = take(ws, fx, "appr2", v2.id)
    assert (v2.state, v2.locked) == ("approved", True)
    assert ap.get(ws, a.id).state == "superseded"
    as_(ws, fx, "clerk")
    assert err(ap.disburse, ws, a.id, 100, date(2026, 8, 12), "x", "pay-old").code == "application.not_approved"
    ap.disburse(ws, v2.id, 6_500_00, date(2026, 8, 12), "幸福食堂", "pay-2")  # 3,000 + 6,500 = 9,500 approved
    assert err(ap.disburse, ws, v2.id, 1, date(2026, 8, 12), "幸福食堂", "pay-3").code == \
        "disbursement.over_approved"
    # the version history: both versions' steps
    assert [(h.version_no, h.round_no) for h in ap.history(ws, v2.id)] == [(1, 1), (1, 1), (2, 1), (2, 1)]


def test_category_lists_and_budget_sum(ws, fx):
    as_(ws, fx, "clerk")
    before = state(ws)
    assert err(ap.create_draft, ws, data(fx, category="宴请")).code == "application.category_denied"
    assert err(ap.create_draft, ws, data(fx, category="旅游")).code == "application.category_not_allowed"
    assert err(ap.create_draft, ws, data(fx, budget=(("食材", 100),))).code == "application.budget_mismatch"
    assert err(ap.create_draft, ws, data(fx, budget=())).code == "application.budget_required"
    assert err(ap.create_draft, ws, data(fx, amount=0, budget=())).code == "application.amount_positive"
    assert err(ap.create_draft, ws, data(fx, budget=(("a", 8_000_00), ("b", 0)))).code == \
        "application.budget_line_positive"
    assert state(ws) == before, "a refused draft writes nothing"
    # the negative list wins over the allowed list; the lists are editable
    as_(ws, fx, "admin")
    ap.set_use_rule(ws, fx["pool"].id, ["养老", "宴请"], ["宴请"])
    as_(ws, fx, "clerk")
    assert err(ap.create_draft, ws, data(fx, category="宴请")).code == "application.category_denied"
    a = ap.create_draft(ws, data(fx)).value
    as_(ws, fx, "admin")
    ap.set_use_rule(ws, fx["pool"].id, ["托育"], [])
    as_(ws, fx, "clerk")  # the rules are checked again on submission
    assert err(ap.submit, ws, a.id, a.version).code == "application.category_not_allowed"
    as_(ws, fx, "clerk")
    assert err(ap.set_use_rule, ws, fx["pool"].id, ["x"], []).code == "auth.forbidden"
    as_(ws, fx, "auditor")
    assert err(ap.create_draft, ws, data(fx, category="托育")).code == "auth.forbidden"


def test_disbursement_rules_idempotency_statement_and_publication(ws, fx):
    a = submitted(ws, fx, amount=8_000_00)
    as_(ws, fx, "clerk")
    assert err(ap.disburse, ws, a.id, 100, date(2026, 8, 11), "食堂", "k0").code == "application.not_approved"
    take(ws, fx, "cw", a.id)
    a = take(ws, fx, "appr", a.id)
    as_(ws, fx, "cw")
    assert err(ap.disburse, ws, a.id, 100, date(2026, 8, 11), "食堂", "k0").code == "auth.forbidden"
    as_(ws, fx, "clerk")
    assert err(ap.disburse, ws, a.id, 100, date(2026, 8, 9), "食堂", "k0").code == "disbursement.before_approval"
    first = ap.disburse(ws, a.id, 5_000_00, date(2026, 8, 11), "幸福食堂", "k1").value
    again = ap.disburse(ws, a.id, 5_000_00, date(2026, 8, 11), "幸福食堂", "k1").value  # double click
    assert again.replayed and again.id == first.id and not first.replayed
    assert err(ap.disburse, ws, a.id, 4_000_00, date(2026, 8, 11), "幸福食堂", "k1").code == "ledger.key_reused"
    assert err(ap.disburse, ws, a.id, 3_000_01, date(2026, 8, 11), "幸福食堂", "k2").code == \
        "disbursement.over_approved"
    assert err(ap.disburse, ws, a.id, 1.5, date(2026, 8, 11), "幸福食堂", "k2").code == "money.float_refused"
    assert ledger.account_balance(ws, fx["acc"][L.BANK]) == 75_000_00
    # a ledger reversal must go through the payment
    assert err(ledger.reverse, ws, first.txn_id, "错", "r0").code == "disbursement.reverse_via_source"
    rev = ap.reverse_disbursement(ws, first.id, "收款方错误", "r1", date(2026, 8, 11)).value
    assert rev.reversed and ap.reverse_disbursement(ws, first.id, "收款方错误", "r1", date(2026, 8, 11)).value.replayed
    assert ap.get(ws, a.id).disbursed_fen == 0
    ap.disburse(ws, a.id, 8_000_00, date(2026, 8, 12), "幸福食堂", "k3")
    s = fund_statement.statement(ws, fx["pool"].id, "2026Q3")
    assert [(n, str(x)) for n, x in s.spending] == [("长者助餐", "8000.00")]
    projects = ap.approved_projects(ws, fx["pool"].id, "2026Q3")
    assert [(p.title, p.approved_fen, p.paid_in_period_fen) for p in projects] == [("长者助餐", 8_000_00, 8_000_00)]
    assert ap.approved_projects(ws, fx["pool"].id, "2026Q2") == []
    assert maintenance.check(ws).ok


def test_disbursement_within_the_fund_balance(ws, fx):
    a = submitted(ws, fx, amount=SMALL + 1, budget=(("设备", SMALL + 1),))
    take(ws, fx, "cw", a.id)
    take(ws, fx, "staff2", a.id)
    a = take(ws, fx, "appr", a.id)
    as_(ws, fx, "clerk")
    assert ap.disburse(ws, a.id, SMALL + 1, date(2026, 8, 11), "甲公司", "b1").value.amount_fen == SMALL + 1
    left = 80_000_00 - SMALL - 1
    b = submitted(ws, fx, amount=left, budget=(("设备", left),))
    take(ws, fx, "cw", b.id)
    take(ws, fx, "staff2", b.id)
    b = take(ws, fx, "appr", b.id)
    assert ledger.account_balance(ws, fx["acc"][L.BANK]) == left
    # ordinary spending may not use the promised money (专款专用): a bank fee now is refused and writes nothing
    fee = [L.Line.debit(fx["acc"][L.ADMIN_SPENDING], 1), L.Line.credit(fx["acc"][L.BANK], 1)]
    before = state(ws)
    e = err(ledger.post, ws, fx["pool"].id, date(2026, 8, 11), fee, "银行手续费", "fee")
    assert (e.code, e.params["short"], e.params["committed"]) == ("ledger.uses_promised", "0.01", format_yuan(left))
    assert state(ws) == before
    # a correction is never refused for a promise: the seed money reversed in part leaves the bank short of it
    seed = ledger.post(ws, fx["pool"].id, date(2026, 8, 11), [L.Line.debit(fx["acc"][L.BANK], 1),
                                                             L.Line.credit(fx["acc"][L.FEEDBACK_INCOME], 1)],
                       "到账", "one").value
    ledger.post(ws, fx["pool"].id, date(2026, 8, 11), fee, "银行手续费", "fee")  # the new fen, not a promised one
    ledger.reverse(ws, seed.id, "误记", "undo-one", date(2026, 8, 11))
    as_(ws, fx, "clerk")
    before = state(ws)
    assert err(ap.disburse, ws, b.id, left, date(2026, 8, 11), "乙公司", "b2").code == "ledger.overdrawn"
    assert state(ws) == before, "an overdraft writes nothing"
    ap.disburse(ws, b.id, left - 1, date(2026, 8, 11), "乙公司", "b3")
    assert ledger.account_balance(ws, fx["acc"][L.BANK]) == 0


def position(ws, fx) -> tuple[int, int, int]:
    p = ap.fund_position(ws, fx["pool"].id)
    return p.bank_fen, p.committed_fen, p.available_fen


def approve(ws, fx, app_id) -> ap.ApplicationRow:
    take(ws, fx, "cw", app_id)
    take(ws, fx, "staff2", app_id)
    return take(ws, fx, "appr", app_id)


def test_final_approval_promises_only_what_the_fund_has_not_promised(ws, fx):
    a = approve(ws, fx, submitted(ws, fx, amount=50_000_00, budget=(("设备", 50_000_00),)).id)
    assert position(ws, fx) == (80_000_00, 50_000_00, 30_000_00)
    b = submitted(ws, fx, amount=30_000_01, budget=(("设备", 30_000_01),), title="托育")
    take(ws, fx, "cw", b.id)
    take(ws, fx, "staff2", b.id)  # the steps before the last promise nothing: they pass
    before = state(ws)
    refused = err(take, ws, fx, "appr", b.id)
    assert (refused.code, refused.params["available"], refused.params["committed"]) == \
        ("application.over_available", "30,000.00", "50,000.00")
    assert state(ws) == before, "a refused approval writes nothing"
    b = ap.get(ws, b.id)
    assert (b.state, b.current_step.seq) == ("in_approval", 3)
    # returned, lowered to what is free, approved: the fund has promised everything it holds
    take(ws, fx, "appr", b.id, "return", "超出可用余额")
    as_(ws, fx, "clerk")
    b = ap.update_draft(ws, b.id, ap.get(ws, b.id).version, data(fx, amount=30_000_00,
                                                                 budget=(("设备", 30_000_00),), title="托育")).value
    b = ap.submit(ws, b.id, b.version).value
    assert approve(ws, fx, b.id).state == "approved"
    assert position(ws, fx) == (80_000_00, 80_000_00, 0)
    # a payment moves money out of both the bank and the promises; a reversal puts it back in both
    as_(ws, fx, "clerk")
    paid = ap.disburse(ws, a.id, 20_000_00, date(2026, 8, 10), "甲公司", "p1").value
    assert position(ws, fx) == (60_000_00, 60_000_00, 0)
    ap.reverse_disbursement(ws, paid.id, "重复付款", "r1")
    assert position(ws, fx) == (80_000_00, 80_000_00, 0)
    ap.disburse(ws, a.id, 20_000_00, date(2026, 8, 12), "甲公司", "p2")
    # a new version: only what it adds beyond its own chain's promise counts; a smaller one always passes
    as_(ws, fx, "clerk")
    v2 = ap.new_version(ws, a.id).value
    v2 = ap.update_draft(ws, v2.id, v2.version, data(fx, amount=50_000_01, budget=(("设备", 50_000_01),))).value
    v2 = ap.submit(ws, v2.id, v2.version).value
    take(ws, fx, "cw", v2.id)
    take(ws, fx, "staff2", v2.id)
    assert err(take, ws, fx, "appr", v2.id).code == "application.over_available"
    take(ws, fx, "appr", v2.id, "return", "金额不变")
    as_(ws, fx, "clerk")
    v2 = ap.update_draft(ws, v2.id, ap.get(ws, v2.id).version,
                         data(fx, amount=40_000_00, budget=(("设备", 40_000_00),))).value
    v2 = ap.submit(ws, v2.id, v2.version).value
    assert approve(ws, fx, v2.id).state == "approved"
    assert ap.get(ws, a.id).state == "superseded"
    assert position(ws, fx) == (60_000_00, 50_000_00, 10_000_00)  # 40,000 - 20,000 paid + 30,000


def test_fund_position_is_read_within_the_readers_scope(ws, fx):
    as_(ws, fx, "auditor")
    assert position(ws, fx) == (80_000_00, 0, 80_000_00)
    assert ap.fund_positions(ws, [fx["pool"].id]) == {fx["pool"].id: ap.fund_position(ws, fx["pool"].id)}
    as_(ws, fx, "cw_other")
    assert err(ap.fund_position, ws, fx["pool"].id).code == "auth.forbidden"
    assert err(ap.fund_positions, ws, [fx["pool"].id]).code == "auth.forbidden"


def test_withdraw(ws, fx):
    a = submitted(ws, fx)
    as_(ws, fx, "clerk")
    a = ap.withdraw(ws, a.id, a.version, "重复申报").value
    assert a.state == "withdrawn" and [s.state for s in a.steps] == ["skipped", "skipped"]
    assert err(take, ws, fx, "cw", a.id).code == "application.not_pending"


def test_check_finds_payments_beyond_the_approved_amount(ws, fx):
    from sqlalchemy import text

    a = submitted(ws, fx, amount=1_000_00, budget=(("x", 1_000_00),))
    take(ws, fx, "cw", a.id)
    a = take(ws, fx, "appr", a.id)
    as_(ws, fx, "clerk")
    ap.disburse(ws, a.id, 1_000_00, date(2026, 8, 11), "甲", "t1")
    as_(ws, fx, "admin")
    assert maintenance.check(ws).ok
    with ws.engine.begin() as conn:  # tampering behind the services' back
        conn.execute(text("UPDATE fund_applications SET amount_fen = 500 WHERE id = :i"), {"i": a.id})
    report = maintenance.check(ws)
    assert not report.ok
    assert "disbursed_within_approved" in str(report)
