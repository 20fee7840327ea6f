"""Pure agreement rules: overlap with boundary dates and time slots, states, reminder window, quarters."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerdesk.domain.agreements import (
    AgreementAction,
    AgreementState,
    Holding,
    Slot,
    check_slots,
    conflicts,
    dates_overlap,
    quarter_end,
    renewal_term,
    shown_state,
    step,
)
from partnerdesk.domain.errors import DomainError

D = date


@pytest.mark.parametrize("a,b,expected", [
    ((D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 3, 31), D(2026, 6, 30)), True),   # same last/first day
    ((D(2026, 1, 1), D(2026, 3, 31)), (D(2026, 4, 1), D(2026, 6, 30)), False),   # the next day
    ((D(2026, 1, 1), D(2026, 12, 31)), (D(2026, 5, 1), D(2026, 5, 1)), True),    # inside
    ((D(2026, 5, 1), D(2026, 5, 1)), (D(2026, 1, 1), D(2026, 4, 30)), False),
])
def test_boundary_dates(a, b, expected):
    assert dates_overlap(*a, *b) is expected and dates_overlap(*b, *a) is expected


def test_time_slots_share_a_space():
    morning = Holding(1, D(2026, 1, 1), D(2026, 12, 31), (Slot(0, "08:00", "12:00"), Slot(2, "08:00", "12:00")))
    afternoon = Holding(2, D(2026, 6, 1), D(2027, 5, 31), (Slot(0, "12:00", "17:00"),))
    late_morning = Holding(3, D(2026, 6, 1), D(2027, 5, 31), (Slot(2, "11:30", "13:00"),))
    assert conflicts(afternoon, [morning], shared_by_slot=True) == []
    assert conflicts(late_morning, [morning], shared_by_slot=True) == [1]
    assert conflicts(afternoon, [morning], shared_by_slot=False) == [1]  # not shared: dates alone decide


def test_slot_rules():
    with pytest.raises(DomainError) as e:
        check_slots((Slot(0, "08:00", "12:00"),), shared_by_slot=False)
    assert e.value.code == "agreement.slots_on_unshared_space"
    with pytest.raises(DomainError) as e:
        check_slots((), shared_by_slot=True)
    assert e.value.code == "agreement.slots_required"
    with pytest.raises(DomainError) as e:
        check_slots((Slot(1, "08:00", "12:00"), Slot(1, "11:00", "13:00")), shared_by_slot=True)
    assert e.value.code == "agreement.slots_clash_each_other"
    with pytest.raises(DomainError):
        Slot(7, "08:00", "09:00").check()


@given(st.dates(), st.integers(0, 400), st.dates(), st.integers(0, 400))
def test_overlap_is_symmetric_and_matches_day_sets(s1, n1, s2, n2):
    from datetime import timedelta

    try:
        e1, e2 = s1 + timedelta(days=n1), s2 + timedelta(days=n2)
    except OverflowError:
        return
    days1 = {s1 + timedelta(days=i) for i in range(n1 + 1)}
    days2 = {s2 + timedelta(days=i) for i in range(n2 + 1)}
    assert dates_overlap(s1, e1, s2, e2) == bool(days1 & days2) == dates_overlap(s2, e2, s1, e1)


def test_states_and_steps():
    assert step(AgreementState.DRAFT, AgreementAction.APPROVE) is AgreementState.APPROVED
    assert step(AgreementState.APPROVED, AgreementAction.SIGN) is AgreementState.SIGNED
    assert step(AgreementState.SIGNED, AgreementAction.START) is AgreementState.IN_FORCE
    assert step(AgreementState.IN_FORCE, AgreementAction.TERMINATE) is AgreementState.TERMINATED
    with pytest.raises(DomainError) as e:
        step(AgreementState.DRAFT, AgreementAction.SIGN)
    assert e.value.code == "agreement.not_allowed"
    with pytest.raises(DomainError):
        step(AgreementState.TERMINATED, AgreementAction.TERMINATE)


def test_expiring_window_and_quarters_and_renewal():
    today = D(2026, 11, 21)
    assert shown_state(AgreementState.IN_FORCE, D(2026, 12, 21), today, 30) == "expiring"
    assert shown_state(AgreementState.IN_FORCE, D(2026, 12, 22), today, 30) == "in_force"
    assert shown_state(AgreementState.SIGNED, D(2026, 12, 1), today, 30) == "signed"
    assert [quarter_end(2026, q) for q in (1, 2, 3, 4)] == [D(2026, 3, 31), D(2026, 6, 30), D(2026, 9, 30),
                                                           D(2026, 12, 31)]
    assert renewal_term(D(2026, 12, 31), D(2027, 12, 31)) == (D(2027, 1, 1), D(2027, 12, 31))
