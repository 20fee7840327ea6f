"""Demo spaces, agreements, service records and orders: counts, every state, no overlaps, gap-free numbers,
delivered orders with their records. Small scale on every backend, district scale on SQLite."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from partnerdesk.db import models as m
from partnerdesk.domain.agreements import AgreementState, Mode
from partnerdesk.domain.orders import OrderState
from partnerdesk.services import demo_agreements, demo_services
from partnerdesk.services.invariants import INVARIANTS
from tests.helpers import demo as demo_helpers
from tests.helpers.demo import assert_same_seed_same_data
from tests.helpers.demo import load as _load

TODAY = date(2026, 11, 21)


@pytest.fixture(scope="module")
def district(tmp_path_factory):
    """The district demo on SQLite, loaded once for the module's checks."""
    yield from demo_helpers.district(tmp_path_factory, "district", TODAY)


def test_small_demo_on_every_backend(ws):
    summary = _load(ws, "small")
    _check_everything(ws, "small", summary)


def test_district_demo(district):
    ws, summary = district
    _check_everything(ws, "district", summary)


def test_same_seed_same_agreements(ws, tmp_path):
    assert_same_seed_same_data(ws, tmp_path, _fingerprint)


def _fingerprint(ws) -> list:
    with ws.read() as uow:
        s = uow.session
        return [s.execute(select(m.Agreement.number, m.Agreement.state, m.Agreement.start_date, m.Agreement.end_date,
                                 m.Agreement.mode).order_by(m.Agreement.number)).all(),
                s.execute(select(m.ResidentOrder.number, m.ResidentOrder.state, m.ResidentOrder.ordered_on)
                          .order_by(m.ResidentOrder.number)).all(),
                s.scalar(select(func.count()).select_from(m.ServiceRecord))]


def _check_everything(ws, scale: str, summary) -> None:
    counts = dict(summary.extra)
    with ws.read() as uow:
        s = uow.session
        _counts_in_range(s, scale, counts)
        problems = {name: check(s) for name, check in INVARIANTS.items()}
        assert all(not p for p in problems.values()), problems
        _agreements_every_state(s)
        _terms_never_overlap(s)
        _spaces_consistent(s)
        _renewals(s)
        _numbers_gap_free(s, m.Agreement, m.AgreementCounter, r"空间协议〔(\d{4})〕(\d+)号")
        _numbers_gap_free(s, m.ResidentOrder, m.OrderCounter, r"居民点单〔(\d{4})〕(\d+)号")
        _orders_every_state(s)
        _delivered_orders_have_records(s)
        _records_under_their_agreements(s)
        _histories(s)


def _counts_in_range(s, scale: str, counts: dict) -> None:
    n_spaces, n_agreements = demo_agreements.COUNTS[scale]
    n_records, n_orders = demo_services.COUNTS[scale]
    tables = {"spaces": (m.Space, n_spaces), "agreements": (m.Agreement, n_agreements),
              "service_records": (m.ServiceRecord, n_records), "orders": (m.ResidentOrder, n_orders)}
    for key, (model, expected) in tables.items():
        found = s.scalar(select(func.count()).select_from(model))
        assert found == counts[key], key
        assert 0.9 * expected <= found <= 1.1 * expected, (key, found)


def _agreements_every_state(s) -> None:
    states = Counter(s.scalars(select(m.Agreement.state)))
    assert set(states) == {st.value for st in AgreementState}, states
    assert {x for (x,) in s.execute(select(m.Agreement.mode).distinct())} == {md.value for md in Mode}
    in_force_ends = list(s.scalars(select(m.Agreement.end_date).where(m.Agreement.state == "in_force")))
    for lo, hi in ((0, 30), (31, 60), (61, 90)):
        assert any(lo <= (end - TODAY).days <= hi for end in in_force_ends), f"none ending in {lo}–{hi} days"
    partner_states = set(s.scalars(select(m.Partner.state).join(m.Agreement, m.Agreement.partner_id == m.Partner.id)))
    assert partner_states <= {"filed", "committed", "active"}
    bad = s.scalar(select(func.count()).select_from(m.Agreement).where(
        (m.Agreement.rent_fen < 0) | (m.Agreement.pool_share_bp < 0) | (m.Agreement.pool_share_bp > 10_000)
        | ((m.Agreement.mode == "revenue_share") & (m.Agreement.revenue_share_bp == 0))
        | ((m.Agreement.committed_sessions == 0) & (m.Agreement.committed_hours == 0))))
    assert bad == 0
    assert s.scalar(select(func.count()).select_from(m.Agreement).where(m.Agreement.pool_share_bp == 1000)) > 0


def _effective(a) -> tuple[date, date]:  # noqa: ANN001
    return a.start_date, a.terminated_on or a.end_date


def _terms_never_overlap(s) -> None:
    """Stronger than the invariant: no two agreements of any state (drafts too) share days on one lane."""
    slots = defaultdict(set)
    for aid, wd, start, end in s.execute(select(m.AgreementSlot.agreement_id, m.AgreementSlot.weekday,
                                                m.AgreementSlot.start, m.AgreementSlot.end)):
        slots[aid].add((wd, start, end))
    shared = dict(s.execute(select(m.Space.id, m.Space.shared_by_slot)).all())
    lanes = defaultdict(list)
    for a in s.execute(select(m.Agreement.id, m.Agreement.space_id, m.Agreement.start_date, m.Agreement.end_date,
                              m.Agreement.terminated_on)):
        assert bool(slots[a.id]) == shared[a.space_id], a.id
        lanes[(a.space_id, frozenset(slots[a.id]))].append(_effective(a))
    for terms in lanes.values():
        terms.sort()
        assert all(prev[1] < nxt[0] for prev, nxt in zip(terms, terms[1:], strict=False)), terms
    assert any(shared.values())


def _spaces_consistent(s) -> None:
    held = defaultdict(set)
    for space_id, state in s.execute(select(m.Agreement.space_id, m.Agreement.state)):
        held[space_id].add(state)
    statuses = Counter()
    for sid, status, area, name in s.execute(select(m.Space.id, m.Space.status, m.Space.area_centi_m2, m.Space.name)):
        statuses[status] += 1
        assert area > 0 and name
        signed = bool(held[sid] & {"signed", "in_force"})
        assert (status == "under_agreement") == signed, (sid, status, held[sid])
        if status in ("renovation", "withdrawn"):
            assert not held[sid] & {"draft", "approved"}
    assert {"idle", "under_agreement"} <= set(statuses)


def _renewals(s) -> None:
    agreements = {a.id: a for a in s.scalars(select(m.Agreement))}
    renewals = [a for a in agreements.values() if a.renewal_of_id]
    assert renewals
    old_ids = Counter(a.renewal_of_id for a in renewals)
    assert max(old_ids.values()) == 1
    for a in renewals:
        old = agreements[a.renewal_of_id]
        assert old.state == "renewed" and a.state in ("signed", "in_force")
        assert (old.partner_id, old.space_id) == (a.partner_id, a.space_id)
        assert a.start_date == old.end_date + timedelta(days=1)
    assert {a.id for a in agreements.values() if a.state == "renewed"} == set(old_ids)


def _numbers_gap_free(s, model, counter, pattern: str) -> None:  # noqa: ANN001
    seqs = defaultdict(list)
    for number in s.scalars(select(model.number)):
        year, seq = re.fullmatch(pattern, number).groups()
        seqs[int(year)].append(int(seq))
    last = dict(s.execute(select(counter.year, counter.last_seq)).all())
    assert set(last) == set(seqs)
    for year, found in seqs.items():
        assert sorted(found) == list(range(1, len(found) + 1)), year
        assert last[year] == len(found)


def _orders_every_state(s) -> None:
    RO = m.ResidentOrder  # noqa: N806
    states = Counter(s.scalars(select(RO.state)))
    assert set(states) == {st.value for st in OrderState}, states
    overdue = s.scalar(select(func.count()).select_from(RO).where(RO.state == "in_service", RO.due_on < TODAY))
    assert overdue > 0
    ratings = Counter(s.scalars(select(RO.rating).where(RO.rating.is_not(None))))
    assert set(ratings) == {1, 2, 3, 4, 5}
    assert (ratings[4] + ratings[5]) / sum(ratings.values()) >= 0.7
    assert s.scalar(select(func.count()).select_from(RO).where(RO.state.in_(["rejected", "cancelled"]),
                                                              RO.reject_reason == "")) == 0
    assert s.scalar(select(func.count()).select_from(RO).where(RO.ordered_on > TODAY)) == 0
    assert s.scalar(select(func.count()).select_from(RO).where(RO.state.in_(["in_service", "completed"]),
                                                              RO.partner_id.is_(None))) == 0
    complaints = Counter(s.scalars(select(m.OrderComplaint.state)))
    assert set(complaints) == {"open", "upheld", "dismissed"}


def _delivered_orders_have_records(s) -> None:
    RO, SR = m.ResidentOrder, m.ServiceRecord  # noqa: N806
    rows = s.execute(select(RO.id, RO.state, RO.partner_id, RO.delivered_on, RO.community_id, SR.id, SR.partner_id,
                            SR.on_date, SR.community_id).outerjoin(SR, SR.order_id == RO.id)).all()
    per_order = Counter(r[0] for r in rows if r[5] is not None)
    for oid, state, partner, delivered, cid, rid, r_partner, on, r_cid in rows:
        if state == "completed":
            assert rid is not None and per_order[oid] == 1, oid
            assert (r_partner, on, r_cid) == (partner, delivered, cid)
        else:
            assert rid is None and delivered is None, oid


def _records_under_their_agreements(s) -> None:
    SR, A = m.ServiceRecord, m.Agreement  # noqa: N806
    rows = s.execute(select(SR.on_date, SR.partner_id, SR.people, SR.minutes, SR.kind, A.partner_id, A.state,
                            A.start_date, A.end_date, A.terminated_on).outerjoin(A, A.id == SR.agreement_id)).all()
    without = 0
    for on, partner, people, minutes, kind, a_partner, state, start, end, terminated in rows:
        assert on <= TODAY and kind in ("free", "low_fee", "paid") and people > 0 and minutes > 0
        if a_partner is None:
            without += 1
            continue
        assert a_partner == partner and state in ("signed", "in_force", "renewed", "terminated", "expired")
        assert start <= on <= (terminated or end)
    assert 0 < without < len(rows) // 2
    first = min(r[0] for r in rows)
    assert (TODAY - first).days > 365  # several quarters


def _histories(s) -> None:
    last = {}
    for aid, to_state in s.execute(select(m.AgreementEvent.agreement_id, m.AgreementEvent.to_state)
                                   .order_by(m.AgreementEvent.at, m.AgreementEvent.id)):
        last[aid] = to_state
    for aid, state in s.execute(select(m.Agreement.id, m.Agreement.state)):
        assert last[aid] == ("in_force" if state == "renewed" else state), aid  # the renewal's signing closes it
    last = {}
    for oid, to_state in s.execute(select(m.OrderEvent.order_id, m.OrderEvent.to_state)
                                   .order_by(m.OrderEvent.at, m.OrderEvent.id)):
        last[oid] = to_state
    for oid, state in s.execute(select(m.ResidentOrder.id, m.ResidentOrder.state)):
        assert last[oid] == state, oid
