"""Space-use agreements (空间使用协议): states, the no-overlap rule (with time-slot sharing), expiry, revenue split.

Pure rules; the services apply them inside a transaction that locks the space.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .errors import DomainError
from .roles import Role
from .rota import check_times


class AgreementState(StrEnum):
    DRAFT = "draft"  # 草稿
    APPROVED = "approved"  # 已审批
    SIGNED = "signed"  # 已签订
    IN_FORCE = "in_force"  # 履行中
    RENEWED = "renewed"  # 已续签 (a renewal took over)
    TERMINATED = "terminated"  # 已终止
    EXPIRED = "expired"  # 已到期


class Mode(StrEnum):
    FREE = "free"  # 无偿使用
    LOW_RENT = "low_rent"  # 低偿租用
    REVENUE_SHARE = "revenue_share"  # 收益分成
    SPACE_FOR_SERVICES = "space_for_services"  # 空间换服务
    SPACE_FOR_FUNDS = "space_for_funds"  # 空间换资金


class AgreementAction(StrEnum):
    APPROVE = "approve"
    SIGN = "sign"
    START = "start"
    TERMINATE = "terminate"
    EXPIRE = "expire"


# states in which an agreement holds its space (a draft holds nothing yet)
HOLDING = frozenset({AgreementState.APPROVED, AgreementState.SIGNED, AgreementState.IN_FORCE})
LOCKED = frozenset({AgreementState.SIGNED, AgreementState.IN_FORCE, AgreementState.RENEWED,
                    AgreementState.TERMINATED, AgreementState.EXPIRED})
TRANSITIONS: dict[AgreementAction, tuple[frozenset[AgreementState], AgreementState]] = {
    AgreementAction.APPROVE: (frozenset({AgreementState.DRAFT}), AgreementState.APPROVED),
    AgreementAction.SIGN: (frozenset({AgreementState.APPROVED}), AgreementState.SIGNED),
    AgreementAction.START: (frozenset({AgreementState.SIGNED}), AgreementState.IN_FORCE),
    AgreementAction.TERMINATE: (frozenset(HOLDING), AgreementState.TERMINATED),
    AgreementAction.EXPIRE: (frozenset({AgreementState.IN_FORCE, AgreementState.SIGNED}), AgreementState.EXPIRED),
}
# Which roles may take each step: data in the same editable table as the partner lifecycle (lifecycle_rules),
# under the keys below; this is the shipped preset.
RULE_PREFIX = "agreement_"
_CLERKS = frozenset({Role.ADMIN, Role.STAFF, Role.APPROVER, Role.COMMUNITY_WORKER})
_APPROVERS = frozenset({Role.ADMIN, Role.APPROVER})
DEFAULT_RULES: dict[AgreementAction, frozenset[Role]] = {
    AgreementAction.APPROVE: _APPROVERS,
    AgreementAction.SIGN: _CLERKS,
    AgreementAction.START: _CLERKS,
    AgreementAction.TERMINATE: _APPROVERS,
    AgreementAction.EXPIRE: _CLERKS,
}


def rule_key(action: AgreementAction) -> str:
    return RULE_PREFIX + action.value


def check_role(action: AgreementAction, role: Role, rules: dict[AgreementAction, frozenset[Role]]) -> None:
    if role not in rules.get(action, frozenset()):
        raise DomainError("lifecycle.role", action=rule_key(action), role=role.value)


DEFAULT_POOL_BP = 1000  # Yuzhong rule: 10.00 % of revenue feedback to the community fund pool
REMINDER_DAYS = (30, 60, 90)


@dataclass(frozen=True)
class Slot:
    """A weekly time slot on a shared space: weekday 0 = Monday, times HH:MM."""

    weekday: int
    start: str
    end: str

    def check(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise DomainError("rota.bad_weekday", weekday=self.weekday)
        check_times(self.start, self.end)

    def clashes(self, other: Slot) -> bool:
        return self.weekday == other.weekday and self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Holding:
    """What an agreement claims of a space: a date range (inclusive) and, on shared spaces, weekly slots."""

    agreement_id: int
    start: date
    end: date
    slots: tuple[Slot, ...] = ()


def check_term(start: date, end: date) -> None:
    if end < start:
        raise DomainError("agreement.bad_term", start=start.isoformat(), end=end.isoformat())
    if (end - start).days > 366 * 20:
        raise DomainError("agreement.term_too_long")


def dates_overlap(a_start: date, a_end: date, b_start: date, b_end: date) -> bool:
    """Inclusive ranges: an agreement ending on the 31st and one starting on the 31st overlap; the 1st does not."""
    return a_start <= b_end and b_start <= a_end


def conflicts(new: Holding, others: list[Holding], shared_by_slot: bool) -> list[int]:
    """The agreements ``new`` would clash with on this space."""
    clashing = []
    for other in others:
        if other.agreement_id == new.agreement_id or not dates_overlap(new.start, new.end, other.start, other.end):
            continue
        if shared_by_slot and new.slots and other.slots and \
                not any(a.clashes(b) for a in new.slots for b in other.slots):
            continue
        clashing.append(other.agreement_id)
    return clashing


def check_slots(slots: tuple[Slot, ...], shared_by_slot: bool) -> None:
    for slot in slots:
        slot.check()
    if slots and not shared_by_slot:
        raise DomainError("agreement.slots_on_unshared_space")
    if shared_by_slot and not slots:
        raise DomainError("agreement.slots_required")
    for i, a in enumerate(slots):
        if any(a.clashes(b) for b in slots[i + 1:]):
            raise DomainError("agreement.slots_clash_each_other")


def check_percent_bp(value: int, code: str = "agreement.bad_percent") -> None:
    if not 0 <= value <= 10_000:
        raise DomainError(code, percent=f"{value / 100:.2f}")


def step(state: AgreementState, action: AgreementAction) -> AgreementState:
    sources, target = TRANSITIONS[action]
    if state not in sources:
        raise DomainError("agreement.not_allowed", action=action.value, state=state.value)
    return target


def shown_state(state: AgreementState, end: date, today: date, window_days: int) -> str:
    """What lists show: an agreement in force that ends within the reminder window is 'expiring'."""
    if state is AgreementState.IN_FORCE and today <= end <= today + timedelta(days=window_days):
        return "expiring"
    return state.value


def renewal_term(old_end: date, new_end: date) -> tuple[date, date]:
    """A renewal starts the day after the old term ends."""
    start = old_end + timedelta(days=1)
    check_term(start, new_end)
    return start, new_end


def quarter_end(year: int, quarter: int) -> date:
    if not 1 <= quarter <= 4:
        raise DomainError("agreement.bad_quarter", quarter=quarter)
    month = quarter * 3
    return (date(year + (month == 12), month % 12 + 1, 1)) - timedelta(days=1)
