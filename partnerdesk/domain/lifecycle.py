"""The partner lifecycle as a state machine: which action leads from which state to which, and who may take it.

Roles per action are data (an editable table); DEFAULT_RULES is the shipped preset.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .errors import DomainError
from .roles import Actor, Role


class State(StrEnum):
    REGISTERED = "registered"  # 登记 (recruited, not yet applied)
    APPLIED = "applied"  # 已申请
    COMMUNITY_APPROVED = "community_approved"  # 社区审核通过
    STREET_APPROVED = "street_approved"  # 街道审核通过
    FILED = "filed"  # 已备案
    COMMITTED = "committed"  # 已签承诺书
    ACTIVE = "active"  # 入驻服务中
    REJECTED = "rejected"  # 未通过 (may resubmit)
    EXITED = "exited"  # 已退出


class Action(StrEnum):
    SUBMIT = "submit"
    COMMUNITY_APPROVE = "community_approve"
    STREET_APPROVE = "street_approve"
    REJECT = "reject"
    RESUBMIT = "resubmit"
    FILE = "file"
    SIGN_COMMITMENT = "sign_commitment"
    ACTIVATE = "activate"
    RENEW = "renew"
    EXIT = "exit"


TRANSITIONS: dict[Action, tuple[frozenset[State], State | None]] = {
    Action.SUBMIT: (frozenset({State.REGISTERED}), State.APPLIED),
    Action.COMMUNITY_APPROVE: (frozenset({State.APPLIED}), State.COMMUNITY_APPROVED),
    Action.STREET_APPROVE: (frozenset({State.COMMUNITY_APPROVED}), State.STREET_APPROVED),
    Action.REJECT: (frozenset({State.APPLIED, State.COMMUNITY_APPROVED}), State.REJECTED),
    Action.RESUBMIT: (frozenset({State.REJECTED}), State.APPLIED),
    Action.FILE: (frozenset({State.STREET_APPROVED}), State.FILED),
    Action.SIGN_COMMITMENT: (frozenset({State.FILED}), State.COMMITTED),
    Action.ACTIVATE: (frozenset({State.COMMITTED}), State.ACTIVE),
    Action.RENEW: (frozenset({State.ACTIVE}), State.ACTIVE),
    Action.EXIT: (frozenset({State.FILED, State.COMMITTED, State.ACTIVE}), State.EXITED),
}

_CLERKS = frozenset({Role.ADMIN, Role.STAFF, Role.COMMUNITY_WORKER})
_APPROVERS = frozenset({Role.ADMIN, Role.APPROVER})
DEFAULT_RULES: dict[Action, frozenset[Role]] = {
    Action.SUBMIT: _CLERKS,
    Action.RESUBMIT: _CLERKS,
    Action.COMMUNITY_APPROVE: _APPROVERS,
    Action.STREET_APPROVE: _APPROVERS,
    Action.REJECT: _APPROVERS,
    Action.FILE: _APPROVERS,
    Action.SIGN_COMMITMENT: _CLERKS,
    Action.ACTIVATE: _CLERKS,
    Action.RENEW: _APPROVERS,
    Action.EXIT: _APPROVERS,
}
OPINION_REQUIRED = frozenset({Action.REJECT, Action.EXIT, Action.COMMUNITY_APPROVE, Action.STREET_APPROVE})
LIVE_STATES = frozenset(State) - {State.EXITED}


class ExitReason(StrEnum):
    TERM_EXPIRED = "term_expired"  # 期满
    VOLUNTARY = "voluntary"  # 主动退出
    EVALUATION_FAILED = "evaluation_failed"  # 评估不合格且整改未通过
    BREACH = "breach"  # 违反承诺或发生安全事故
    LICENCE_LOST = "licence_lost"  # 资质丧失
    SPACE_RECLAIMED = "space_reclaimed"  # 空间收回


@dataclass(frozen=True)
class Step:
    action: Action
    source: State
    target: State


def allowed_actions(state: State, actor: Actor, rules: dict[Action, frozenset[Role]] | None = None) -> list[Action]:
    rules = rules or DEFAULT_RULES
    return [a for a, (sources, _) in TRANSITIONS.items() if state in sources and actor.role in rules.get(a, ())]


def step(state: State, action: Action, actor: Actor, opinion: str = "",
         rules: dict[Action, frozenset[Role]] | None = None, exit_reason: str = "",
         previous_reviewer: str = "") -> Step:
    """Check one transition; raises DomainError if the order, the role or the opinion is wrong."""
    rules = rules or DEFAULT_RULES
    sources, target = TRANSITIONS[action]
    if state not in sources:
        raise DomainError("lifecycle.not_allowed", action=action.value, state=state.value)
    if actor.role not in rules.get(action, frozenset()):
        raise DomainError("lifecycle.role", action=action.value, role=actor.role.value)
    if action in OPINION_REQUIRED and not opinion.strip():
        raise DomainError("lifecycle.opinion_required", action=action.value)
    if action is Action.EXIT and exit_reason not in {r.value for r in ExitReason}:
        raise DomainError("lifecycle.exit_reason")
    if action is Action.STREET_APPROVE and previous_reviewer and previous_reviewer == actor.username:
        raise DomainError("lifecycle.four_eyes")
    assert target is not None
    return Step(action, state, target)


def filing_number(pattern: str, street: str, year: int, seq: int) -> str:
    """'{street}合伙人备〔{year}〕{seq}号' -> '石油路街道合伙人备〔2026〕12号'. ``{seq:03d}`` pads if wanted."""
    try:
        return pattern.format(street=street, year=year, seq=seq)
    except (KeyError, IndexError, ValueError):
        raise DomainError("filing.bad_pattern", pattern=pattern) from None


DEFAULT_FILING_PATTERN = "{street}合伙人备〔{year}〕{seq}号"
