"""Invariants that `partnerdesk check` verifies beyond SQLite's own checks and the audit chain.

Each takes a session and returns a list of problems (empty = holds). Each area adds its own here.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models
from ..domain.lifecycle import State
from .ledger_checks import LEDGER_INVARIANTS

InvariantCheck = Callable[[Session], list[str]]


def _live():  # noqa: ANN202
    Partner = models.Partner  # noqa: N806
    return (Partner.state != State.EXITED.value) & Partner.merged_into_id.is_(None)


def unique_live_numbers(s: Session) -> list[str]:
    Partner = models.Partner  # noqa: N806 - loaded on first use
    problems = []
    for column, label in ((Partner.uscc, "USCC"), (Partner.id_number, "ID")):
        dup = s.execute(select(column, func.count()).where(_live(), column != "").group_by(column)
                        .having(func.count() > 1).limit(20)).all()
        problems += [f"{label} {value} is held by {n} live partners" for value, n in dup]
    return problems


def live_number_columns(s: Session) -> list[str]:
    """live_uscc / live_id_number mirror the numbers exactly while a partner is live, and are empty after."""
    Partner = models.Partner  # noqa: N806 - loaded on first use
    wrong = s.scalars(select(Partner.id).where(
        (_live() & ((func.coalesce(Partner.live_uscc, "") != Partner.uscc)
                    | (func.coalesce(Partner.live_id_number, "") != Partner.id_number)))
        | (~_live() & (Partner.live_uscc.is_not(None) | Partner.live_id_number.is_not(None)))).limit(20)).all()
    return [f"partner #{i}: live number columns out of step" for i in wrong]


def filed_have_numbers(s: Session) -> list[str]:
    Partner = models.Partner  # noqa: N806 - loaded on first use
    states = [State.FILED.value, State.COMMITTED.value, State.ACTIVE.value]
    missing = s.scalars(select(Partner.id).where(Partner.state.in_(states), Partner.filing_no.is_(None),
                                                 Partner.merged_into_id.is_(None)).limit(20)).all()
    return [f"partner #{i} is {State.FILED.value} or later without a filing number" for i in missing]


def agreements_never_overlap(s: Session) -> list[str]:
    """No two agreements holding one space overlap in dates (and, on shared spaces, in time slots)."""
    from ..domain import agreements as rules

    holding = [st.value for st in rules.HOLDING]
    by_space: dict[int, list] = {}
    shared = dict(s.execute(select(models.Space.id, models.Space.shared_by_slot)).all())
    from sqlalchemy.orm import selectinload

    q = select(models.Agreement).where(models.Agreement.state.in_(holding)).options(selectinload(models.Agreement.slots))
    for a in s.scalars(q):
        slots = tuple(rules.Slot(x.weekday, x.start, x.end) for x in a.slots)
        by_space.setdefault(a.space_id, []).append(rules.Holding(a.id, a.start_date, a.terminated_on or a.end_date, slots))
    problems = []
    for space_id, held in by_space.items():
        for i, h in enumerate(held):
            clash = rules.conflicts(h, held[i + 1:], shared.get(space_id, False))
            problems += [f"space #{space_id}: agreements #{h.agreement_id} and #{c} overlap" for c in clash]
    return problems[:20]


def office_templates_intact(s: Session) -> list[str]:
    """Each office template version is the text its SHA-256 names (a version names one text, for good)."""
    import hashlib

    OfficeTemplate = models.OfficeTemplate  # noqa: N806 - loaded on first use
    problems = []
    for i, kind, version, body, digest in s.execute(select(OfficeTemplate.id, OfficeTemplate.kind,
                                                           OfficeTemplate.version, OfficeTemplate.body,
                                                           OfficeTemplate.sha256)):
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != digest:
            problems.append(f"office template #{i} ({kind} {version}): its text is not the one it was saved with")
    return problems[:20]


INVARIANTS: dict[str, InvariantCheck] = {
    "agreements_never_overlap": agreements_never_overlap,
    "office_templates_intact": office_templates_intact,
    "partners_unique_live_numbers": unique_live_numbers,
    "partners_live_number_columns": live_number_columns,
    "partners_filing_numbers": filed_have_numbers,
    **LEDGER_INVARIANTS,
}
