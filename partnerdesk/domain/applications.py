"""Project applications (项目申报) and their tiered approval: pure rules (no database).

An application asks a fund for money for a project. It is approved step by step: the approval tier whose amount
band holds the requested amount (for the fund itself, else for its kind, else for any fund) names the ordered steps
and the role that takes each. Amounts are integer fen. The bands are data (an editable table, shipped with an
example preset in resources/funds/approval_tiers.json): no yuan figure is written into code.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .errors import DomainError
from .money import format_yuan
from .roles import Role


class AppState(StrEnum):
    DRAFT = "draft"  # 草稿
    SUBMITTED = "submitted"  # 已提交, no step taken yet
    IN_APPROVAL = "in_approval"  # 审批中
    RETURNED = "returned"  # 退回修改 (editable, resubmitted as the next round)
    APPROVED = "approved"  # 已批准 (locked)
    REJECTED = "rejected"  # 不予批准 (final)
    WITHDRAWN = "withdrawn"  # 已撤回 (final)
    SUPERSEDED = "superseded"  # 已被新版本取代 (an approved version whose next version was approved)


class StepState(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    RETURNED = "returned"
    SKIPPED = "skipped"  # a later step of a round ended by a rejection, a return or a withdrawal


class Decision(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    RETURN = "return"


class ApplicantKind(StrEnum):
    COMMUNITY = "community"  # 社区
    PARTNER = "partner"  # 合伙人
    RESIDENT_GROUP = "resident_group"  # 居民自组织


EDITABLE = frozenset({AppState.DRAFT, AppState.RETURNED})
SUBMITTABLE = EDITABLE
PENDING = frozenset({AppState.SUBMITTED, AppState.IN_APPROVAL})
WITHDRAWABLE = EDITABLE | PENDING
# Roles that may take an approval step; auditors read and verify only.
STEP_ROLES = frozenset({Role.COMMUNITY_WORKER, Role.STAFF, Role.APPROVER, Role.ADMIN})


def decision(value: str) -> Decision:
    try:
        return Decision(value)
    except ValueError:
        raise DomainError("application.bad_decision", decision=value) from None


def applicant_kind(value: str) -> ApplicantKind:
    try:
        return ApplicantKind(value)
    except ValueError:
        raise DomainError("application.bad_applicant", kind=value) from None


# ---- categories and budget --------------------------------------------------------------------------------

def check_category(category: str, allowed: Iterable[str], denied: Iterable[str]) -> None:
    """The category must be on the fund's allowed list and not on its negative list (the negative list wins)."""
    c = (category or "").strip()
    if not c:
        raise DomainError("application.category_required")
    if c in {x.strip() for x in denied}:
        raise DomainError("application.category_denied", category=c)
    if c not in {x.strip() for x in allowed}:
        raise DomainError("application.category_not_allowed", category=c)


def _is_fen(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_budget(amount_fen: int, lines: Sequence[tuple[str, int]]) -> None:
    """At least one budget line, each named with a positive amount, summing exactly to the amount requested."""
    if not _is_fen(amount_fen) or any(not _is_fen(x) for _, x in lines):
        raise DomainError("money.float_refused")
    if amount_fen <= 0:
        raise DomainError("application.amount_positive")
    if not lines:
        raise DomainError("application.budget_required")
    for item, fen in lines:
        if not (item or "").strip() or len(item.strip()) > 200:
            raise DomainError("application.budget_item_required")
        if fen <= 0:
            raise DomainError("application.budget_line_positive", item=item.strip())
    total = sum(x for _, x in lines)
    if total != amount_fen:
        raise DomainError("application.budget_mismatch", total=total, amount=amount_fen)


# ---- approval tiers ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    role: str
    label: str = ""


@dataclass(frozen=True)
class Tier:
    """Amount band [min_fen, max_fen] (max None = no upper limit) → ordered steps. ``fund_id`` set: this fund only;
    else ``fund_kind`` set: funds of that kind; else any fund. The most specific tier whose band holds the amount
    wins."""

    min_fen: int
    max_fen: int | None
    steps: tuple[Step, ...]
    fund_kind: str = ""
    fund_id: int | None = None
    name: str = ""

    def holds(self, amount_fen: int) -> bool:
        return self.min_fen <= amount_fen and (self.max_fen is None or amount_fen <= self.max_fen)

    @property
    def scope(self) -> tuple[int | None, str]:
        return self.fund_id, self.fund_kind


def check_tiers(tiers: Sequence[Tier]) -> None:
    """Each tier: a sane band and at least one step with a role that may approve; no two tiers of the same scope
    overlap (so exactly one tier applies to any amount of a scope)."""
    for t in tiers:
        if not _is_fen(t.min_fen) or (t.max_fen is not None and not _is_fen(t.max_fen)):
            raise DomainError("money.float_refused")
        if t.min_fen < 0 or (t.max_fen is not None and t.max_fen < t.min_fen):
            raise DomainError("tier.bad_band", min=t.min_fen, max=t.max_fen)
        if not t.steps:
            raise DomainError("tier.no_steps", name=t.name)
        for s in t.steps:
            try:
                role = Role(s.role)
            except ValueError:
                raise DomainError("user.bad_role", role=s.role) from None
            if role not in STEP_ROLES:
                raise DomainError("tier.bad_role", role=s.role)
    by_scope: dict[tuple[int | None, str], list[Tier]] = {}
    for t in tiers:
        by_scope.setdefault(t.scope, []).append(t)
    for group in by_scope.values():
        group = sorted(group, key=lambda t: t.min_fen)
        for a, b in zip(group, group[1:], strict=False):
            if a.max_fen is None or b.min_fen <= a.max_fen:
                raise DomainError("tier.overlap", first=a.name or a.min_fen, second=b.name or b.min_fen)


def tier_for(tiers: Sequence[Tier], fund_id: int, fund_kind: str, amount_fen: int) -> Tier:
    """The tier of this fund holding the amount, else of the fund's kind, else of any fund."""
    for scope in ((fund_id, ""), (None, fund_kind), (None, "")):
        found = [t for t in tiers if t.scope == scope and t.holds(amount_fen)]
        if found:
            return found[0]
    raise DomainError("tier.none", amount=amount_fen, kind=fund_kind)


def tiers_from_preset(data: dict) -> list[Tier]:
    """The preset file's "tiers" list as Tier values (checked)."""
    out = []
    try:
        for i, t in enumerate(data["tiers"]):
            out.append(Tier(int(t["min_fen"]), None if t.get("max_fen") is None else int(t["max_fen"]),
                            tuple(Step(str(s["role"]), str(s.get("label", ""))) for s in t["steps"]),
                            str(t.get("fund_kind", "") or ""), None, str(t.get("name", "") or f"#{i + 1}")))
    except (KeyError, TypeError, ValueError) as exc:
        raise DomainError("tier.bad_preset", reason=str(exc)) from None
    check_tiers(out)
    return out


# ---- taking a step ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class StepView:
    seq: int
    role: str
    state: str
    actor: str


def current_step(steps: Sequence[StepView]) -> StepView | None:
    """The first pending step of the round (steps are taken in order)."""
    return next((s for s in sorted(steps, key=lambda s: s.seq) if s.state == StepState.PENDING.value), None)


def check_may_act(*, username: str, role: str, created_by: str, state: str, steps: Sequence[StepView],
                  dec: Decision, opinion: str) -> StepView:
    """The step ``username`` may take now, or the reason they may not."""
    if AppState(state) not in PENDING:
        raise DomainError("application.not_pending", state=state)
    step = current_step(steps)
    if step is None:
        raise DomainError("application.not_pending", state=state)
    if username == created_by:
        raise DomainError("application.own", user=username)
    if any(s.actor == username and s.state != StepState.PENDING.value for s in steps):
        raise DomainError("application.acted_twice", user=username)
    if role != step.role:
        raise DomainError("application.wrong_role", role=role, needed=step.role, seq=step.seq)
    if dec is not Decision.APPROVE and not (opinion or "").strip():
        raise DomainError("application.opinion_required", decision=dec.value)
    return step


def after(dec: Decision, is_last: bool) -> AppState:
    """The application's state after a step is taken."""
    if dec is Decision.REJECT:
        return AppState.REJECTED
    if dec is Decision.RETURN:
        return AppState.RETURNED
    return AppState.APPROVED if is_last else AppState.IN_APPROVAL


STEP_AFTER = {Decision.APPROVE: StepState.APPROVED, Decision.REJECT: StepState.REJECTED,
              Decision.RETURN: StepState.RETURNED}


def check_disbursement(amount_fen: int, approved_fen: int, disbursed_fen: int) -> None:
    """A payment is positive and keeps the total paid within the approved amount."""
    if not _is_fen(amount_fen):
        raise DomainError("money.float_refused")
    if amount_fen <= 0:
        raise DomainError("application.amount_positive")
    if disbursed_fen + amount_fen > approved_fen:
        raise DomainError("disbursement.over_approved", approved=approved_fen, paid=disbursed_fen,
                          left=approved_fen - disbursed_fen)


@dataclass(frozen=True)
class FundPosition:
    """What a fund can still promise: its bank balance (account 1002, every posting) and what approved applications
    still owe (已批未付: each approved chain's amount less its payments, reversals excluded)."""

    bank_fen: int
    committed_fen: int

    @property
    def available_fen(self) -> int:
        return self.bank_fen - self.committed_fen


def check_spending_leaves_promises(position_after: FundPosition) -> None:
    """Ordinary spending (a manual posting that takes money out of the bank) may not use money promised to approved
    projects (专款专用): afterwards the bank must still hold what the approvals owe. A project's own payment draws its
    promise down instead, and a correction (a reversal) is never refused by this rule."""
    if position_after.available_fen < 0:
        raise DomainError("ledger.uses_promised", bank=format_yuan(position_after.bank_fen),
                          committed=format_yuan(position_after.committed_fen),
                          short=format_yuan(-position_after.available_fen))


def check_covered(amount_fen: int, paid_fen: int, position: FundPosition) -> None:
    """A final approval promises money: what it adds to the fund's commitments (the approved amount less what the
    chain has paid already; a smaller new version adds nothing) must fit in what the fund has not promised yet
    (``position``: without this chain's own earlier promise)."""
    adds_fen = amount_fen - paid_fen
    if adds_fen > 0 and adds_fen > position.available_fen:
        raise DomainError("application.over_available", amount=format_yuan(adds_fen),
                          bank=format_yuan(position.bank_fen), committed=format_yuan(position.committed_fen),
                          available=format_yuan(max(position.available_fen, 0)))
