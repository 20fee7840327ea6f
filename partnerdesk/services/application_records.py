"""Project applications: the rows the services return, loading one application (scope and version checked),
the amount paid on a chain of versions, and the reads: one application, its history, the list and the inbox
"待我审批". Split out of ``applications``, which re-exports every name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import Session, aliased

from ..db import models as m
from ..domain import applications as rules
from ..domain.applications import StepState
from ..domain.errors import DomainError
from ..domain.roles import Perm, require

APPLICATIONS = "applications"
ENTITY = "fund_application"  # audit entity; attachments use "application"


# ---- rows ---------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class BudgetRow:
    item: str
    amount_fen: int


@dataclass(frozen=True)
class StepRow:
    id: int
    version_no: int
    round_no: int
    seq: int
    role: str
    label: str
    state: str
    actor: str
    opinion: str
    at: datetime | None


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    fund_id: int
    unit_id: int
    applicant_kind: str
    applicant_id: int | None
    applicant_name: str
    title: str
    need_id: int | None
    category: str
    amount_fen: int
    description: str
    state: str
    round_no: int
    version_no: int
    previous_version_id: int | None
    root_id: int
    locked: bool
    created_by: str
    created_at: datetime
    submitted_at: datetime | None
    decided_at: datetime | None
    approved_on: date | None
    version: int
    budget: tuple[BudgetRow, ...]
    steps: tuple[StepRow, ...]  # the current round
    disbursed_fen: int  # the whole chain of versions, reversals excluded

    @property
    def current_step(self) -> StepRow | None:
        return next((s for s in self.steps if s.state == StepState.PENDING.value), None)

    @property
    def at_last_step(self) -> bool:
        """The step waiting now is the round's last: approving it approves the application."""
        step = self.current_step
        return step is not None and step.seq == max(s.seq for s in self.steps)


@dataclass(frozen=True)
class ApplicationInput:
    fund_id: int
    applicant_kind: str
    applicant_name: str
    title: str
    category: str
    amount_fen: int
    budget: tuple[tuple[str, int], ...]
    applicant_id: int | None = None
    need_id: int | None = None
    unit_id: int | None = None  # the community where the project runs; default the fund's unit
    description: str = ""


# ---- reading helpers -----------------------------------------------------------------------------------------------

def _steps(s: Session, app_id: int, round_no: int | None = None) -> list[m.ApprovalStep]:
    q = select(m.ApprovalStep).where(m.ApprovalStep.application_id == app_id)
    if round_no is not None:
        q = q.where(m.ApprovalStep.round_no == round_no)
    return list(s.scalars(q.order_by(m.ApprovalStep.round_no, m.ApprovalStep.seq)))


def _step_row(x: m.ApprovalStep) -> StepRow:
    return StepRow(x.id, x.version_no, x.round_no, x.seq, x.role, x.label, x.state, x.actor, x.opinion, x.at)


def _disbursed(s: Session, root_id: int) -> int:
    return int(s.scalar(select(func.coalesce(func.sum(m.Disbursement.amount_fen), 0)).where(
        m.Disbursement.root_id == root_id, m.Disbursement.reversed.is_(False))))


def _row(s: Session, a: m.Application) -> ApplicationRow:
    budget = tuple(BudgetRow(b.item, b.amount_fen) for b in s.scalars(select(m.BudgetLine).where(
        m.BudgetLine.application_id == a.id).order_by(m.BudgetLine.position)))
    steps = tuple(_step_row(x) for x in _steps(s, a.id, a.round_no)) if a.round_no else ()
    return ApplicationRow(a.id, a.fund_id, a.unit_id, a.applicant_kind, a.applicant_id, a.applicant_name, a.title,
                          a.need_id, a.category, a.amount_fen, a.description, a.state, a.round_no, a.version_no,
                          a.previous_version_id, a.root_id or a.id, a.locked, a.created_by, a.created_at,
                          a.submitted_at, a.decided_at, a.approved_on, a.version, budget, steps,
                          _disbursed(s, a.root_id or a.id))


def _load(s: Session, ws, app_id: int, version: int | None = None, perm: Perm = Perm.READ,  # noqa: ANN001
          lock: bool = False) -> m.Application:
    a = s.get(m.Application, app_id, with_for_update=True, populate_existing=True) if lock else \
        s.get(m.Application, app_id)
    if a is None:
        raise DomainError("record.missing", entity=ENTITY, id=app_id)
    require(ws.actor, perm, a.unit_id)
    if version is not None and a.version != version:
        raise DomainError("record.conflict")
    return a


def get(ws, app_id: int) -> ApplicationRow:  # noqa: ANN001
    with ws.read() as uow:
        return _row(uow.session, _load(uow.session, ws, app_id))


def history(ws, app_id: int) -> list[StepRow]:  # noqa: ANN001
    """Every step of every round of this version and the versions before it, oldest first."""
    with ws.read() as uow:
        s = uow.session
        a = _load(s, ws, app_id)
        ids = [x for x in s.scalars(select(m.Application.id).where(
            m.Application.root_id == (a.root_id or a.id), m.Application.version_no <= a.version_no))]
        return [_step_row(x) for x in s.scalars(select(m.ApprovalStep).where(
            m.ApprovalStep.application_id.in_(ids)).order_by(
            m.ApprovalStep.version_no, m.ApprovalStep.round_no, m.ApprovalStep.seq))]


def list_applications(ws, *, fund_id: int | None = None, state: str = "", limit: int = 500,  # noqa: ANN001
                      offset: int = 0) -> list[ApplicationRow]:
    require(ws.actor, Perm.READ)
    q = select(m.Application).order_by(m.Application.id.desc())
    if fund_id is not None:
        q = q.where(m.Application.fund_id == fund_id)
    if state:
        q = q.where(m.Application.state == state)
    if ws.actor.is_scoped:
        q = q.where(m.Application.unit_id.in_(ws.actor.community_ids))
    with ws.read() as uow:
        return [_row(uow.session, a) for a in uow.session.scalars(q.offset(offset).limit(limit))]


def inbox(ws) -> list[ApplicationRow]:  # noqa: ANN001
    """待我审批: applications whose current step is for the signed-in user's role (and community), not their own
    and not one they have already acted on in this round."""
    actor = require(ws.actor, Perm.READ)
    st = m.ApprovalStep
    cur = (select(st.application_id, func.min(st.seq).label("seq")).where(st.state == StepState.PENDING.value)
           .group_by(st.application_id).subquery())
    mine = aliased(m.ApprovalStep)
    q = (select(m.Application).join(cur, cur.c.application_id == m.Application.id)
         .join(st, and_(st.application_id == m.Application.id, st.round_no == m.Application.round_no,
                        st.seq == cur.c.seq))
         .where(m.Application.state.in_([x.value for x in rules.PENDING]), st.role == actor.role.value,
                m.Application.created_by != actor.username,
                ~exists().where(mine.application_id == m.Application.id, mine.round_no == m.Application.round_no,
                                mine.actor == actor.username))
         .order_by(m.Application.submitted_at, m.Application.id))
    if actor.is_scoped:
        q = q.where(m.Application.unit_id.in_(actor.community_ids))
    with ws.read() as uow:
        return [_row(uow.session, a) for a in uow.session.scalars(q)]
