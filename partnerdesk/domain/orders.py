"""Resident orders (居民点单 → 社区派单 → 合伙人办单 → 居民评单): the state machine, pure.

pending (待审核) --dispatch--> in_service (服务中) --deliver--> completed (已完成)
pending --reject--> rejected (已驳回); in_service --return--> pending (back to the pool);
pending / in_service --cancel--> cancelled (已取消). Completed orders are rated once (1–5 stars) and may
receive complaints, which an approver upholds or dismisses.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .errors import DomainError
from .roles import Role


class OrderState(StrEnum):
    PENDING = "pending"  # 待审核
    IN_SERVICE = "in_service"  # 服务中
    COMPLETED = "completed"  # 已完成
    REJECTED = "rejected"  # 已驳回
    CANCELLED = "cancelled"  # 已取消


class OrderAction(StrEnum):
    DISPATCH = "dispatch"  # 接单并派单
    REJECT = "reject"  # 驳回
    RETURN = "return"  # 退回（合伙人退单，回到待派单池）
    CANCEL = "cancel"  # 取消
    DELIVER = "deliver"  # 办结


TRANSITIONS: dict[OrderAction, tuple[frozenset[OrderState], OrderState]] = {
    OrderAction.DISPATCH: (frozenset({OrderState.PENDING}), OrderState.IN_SERVICE),
    OrderAction.REJECT: (frozenset({OrderState.PENDING}), OrderState.REJECTED),
    OrderAction.RETURN: (frozenset({OrderState.IN_SERVICE}), OrderState.PENDING),
    OrderAction.CANCEL: (frozenset({OrderState.PENDING, OrderState.IN_SERVICE}), OrderState.CANCELLED),
    OrderAction.DELIVER: (frozenset({OrderState.IN_SERVICE}), OrderState.COMPLETED),
}
NEEDS_REASON = frozenset({OrderAction.REJECT, OrderAction.RETURN, OrderAction.CANCEL})
OPEN = frozenset({OrderState.PENDING, OrderState.IN_SERVICE})  # may become overdue
# Who moves orders: everyone who edits records (community workers only in their communities, which the service
# checks). Auditors read only. Deciding a complaint needs the approve permission (approvers and admins).
MOVERS = frozenset({Role.ADMIN, Role.STAFF, Role.APPROVER, Role.COMMUNITY_WORKER})
DECIDERS = frozenset({Role.ADMIN, Role.APPROVER})
MIN_STARS, MAX_STARS, GOOD_STARS = 1, 5, 4


def action_of(value: str) -> OrderAction:
    try:
        return OrderAction(value)
    except ValueError:
        raise DomainError("order.unknown_action", action=value) from None


def step(state: OrderState, action: OrderAction, reason: str = "") -> OrderState:
    """The next state, or DomainError when the step is not possible now or lacks its reason."""
    sources, target = TRANSITIONS[action]
    if state not in sources:
        raise DomainError("order.not_allowed", state=state.value, action=action.value)
    if action in NEEDS_REASON and not reason.strip():
        raise DomainError("order.reason_required", action=action.value)
    return target


def possible(state: OrderState, role: Role) -> list[OrderAction]:
    """The steps a role may take from a state (for buttons)."""
    if role not in MOVERS:
        return []
    return [a for a, (sources, _) in TRANSITIONS.items() if state in sources]


def check_role(role: Role) -> None:
    if role not in MOVERS:
        raise DomainError("auth.forbidden", action="order", role=role.value)


def is_overdue(state: str, due_on: date, today: date) -> bool:
    return state in OPEN and due_on < today


def check_dates(ordered_on: date, due_on: date, today: date) -> None:
    if ordered_on > today:
        raise DomainError("order.future_date", date=ordered_on.isoformat())
    if due_on < ordered_on:
        raise DomainError("order.due_before_ordered", ordered=ordered_on.isoformat(), due=due_on.isoformat())


def check_stars(stars: int) -> None:
    if isinstance(stars, bool) or not isinstance(stars, int) or not MIN_STARS <= stars <= MAX_STARS:
        raise DomainError("order.bad_stars", stars=stars)


def number(year: int, seq: int) -> str:
    return f"居民点单〔{year}〕{seq}号"
