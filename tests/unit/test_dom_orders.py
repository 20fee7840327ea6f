"""The resident-order state machine, pure: every action from every state, reasons, roles, overdue, stars."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerdesk.domain import orders as o
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.orders import OrderAction as A
from partnerdesk.domain.orders import OrderState as S
from partnerdesk.domain.roles import Role

EXPECTED = {  # (state, action) -> next state; anything else is refused
    (S.PENDING, A.DISPATCH): S.IN_SERVICE,
    (S.PENDING, A.REJECT): S.REJECTED,
    (S.PENDING, A.CANCEL): S.CANCELLED,
    (S.IN_SERVICE, A.RETURN): S.PENDING,
    (S.IN_SERVICE, A.CANCEL): S.CANCELLED,
    (S.IN_SERVICE, A.DELIVER): S.COMPLETED,
}


@pytest.mark.parametrize("state", list(S))
@pytest.mark.parametrize("action", list(A))
def test_every_action_from_every_state(state, action):
    if (state, action) in EXPECTED:
        assert o.step(state, action, "原因") is EXPECTED[(state, action)]
    else:
        with pytest.raises(DomainError) as e:
            o.step(state, action, "原因")
        assert e.value.code == "order.not_allowed"


@pytest.mark.parametrize("action", [A.REJECT, A.RETURN, A.CANCEL])
def test_reasons_required(action):
    state = S.IN_SERVICE if action is A.RETURN else S.PENDING
    with pytest.raises(DomainError) as e:
        o.step(state, action, "   ")
    assert e.value.code == "order.reason_required"


def test_roles_and_possible_steps():
    assert o.possible(S.PENDING, Role.COMMUNITY_WORKER) == [A.DISPATCH, A.REJECT, A.CANCEL]
    assert o.possible(S.IN_SERVICE, Role.STAFF) == [A.RETURN, A.CANCEL, A.DELIVER]
    assert o.possible(S.PENDING, Role.AUDITOR) == []
    assert o.possible(S.COMPLETED, Role.ADMIN) == []
    with pytest.raises(DomainError):
        o.check_role(Role.AUDITOR)
    o.check_role(Role.APPROVER)


def test_overdue_only_open_orders_past_due():
    today = date(2026, 7, 15)
    assert o.is_overdue("pending", date(2026, 7, 14), today)
    assert o.is_overdue("in_service", date(2026, 7, 14), today)
    assert not o.is_overdue("pending", today, today)  # due today is not overdue yet
    assert not o.is_overdue("completed", date(2026, 1, 1), today)


@given(st.integers(-10, 10))
def test_stars(stars):
    if 1 <= stars <= 5:
        o.check_stars(stars)
    else:
        with pytest.raises(DomainError):
            o.check_stars(stars)


def test_dates_and_number():
    with pytest.raises(DomainError) as e:
        o.check_dates(date(2026, 7, 10), date(2026, 7, 9), date(2026, 7, 15))
    assert e.value.code == "order.due_before_ordered"
    with pytest.raises(DomainError) as e:
        o.check_dates(date(2026, 7, 16), date(2026, 7, 20), date(2026, 7, 15))
    assert e.value.code == "order.future_date"
    assert o.number(2026, 12) == "居民点单〔2026〕12号"
    with pytest.raises(DomainError):
        o.check_stars(True)
