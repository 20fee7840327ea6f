"""Spaces, agreements and the service loop at district scale × 10 (30,000 spaces, 25,000 agreements, ≈500,000
service records, 200,000 resident orders, 20,000 partners), built once per session with the demo generators:
the agreements and services lists (first rows, keystrokes, filters and sorts ≤ 150 ms; memory flat), the overlap
check on save (≤ 20 ms) and the monthly delivered-versus-committed figures for all agreements (≤ 1 s).
Each figure is reported with a baseline taken in the same run: the bare SQL of the same question in sqlite3."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import statistics
import time
import tracemalloc
from datetime import date, timedelta

import pytest
from benchlib import ADMIN, ADMIN_PASSWORD, ROOT, Figure, bare_ms, ms

LIMIT_MS, OVERLAP_MS, DELIVERY_S = 150.0, 20.0, 1.0
PAGE = 200
PARTNERS = 20_000  # the district's 2,000 × 10


def _cache_key(seed: int, today: date) -> str:
    """The built file is reused while the demo generators, the migrations and the day stay the same."""
    sources = sorted((ROOT / "partnerdesk" / "services").glob("demo*.py"))
    sources += sorted((ROOT / "partnerdesk" / "db" / "migrations" / "versions").glob("*.py"))
    digest = hashlib.sha256(f"{seed}:{PARTNERS}:{today}".encode())
    for f in sources:
        digest.update(f.read_bytes())
    return digest.hexdigest()[:16]


@pytest.fixture(scope="session")
def big10(tmp_path_factory):
    """district10 built once and cached in bench-results/cache/ (PARTNERDESK_BENCH_REBUILD=1 rebuilds it); each
    session works on a private copy."""
    folder = tmp_path_factory.mktemp("district10")
    path = folder / "district10.sqlite3"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("PARTNERDESK_HOME", str(folder / "home"))
        from partnerdesk.services import accounts, demo
        from partnerdesk.services.workspace import open_workspace

        cached = ROOT / "bench-results" / "cache" / f"district10-{_cache_key(1, date.today())}.sqlite3"
        info = cached.with_suffix(".json")
        if cached.exists() and info.exists() and not os.environ.get("PARTNERDESK_BENCH_REBUILD"):
            shutil.copyfile(cached, path)
            built = json.loads(info.read_text(encoding="utf-8"))
            ws = open_workspace(f"sqlite:///{path}", backup_dir=folder / "backups")
            accounts.login(ws, ADMIN, ADMIN_PASSWORD)
            seconds, extra, note = built["seconds"], built["extra"], f"cached file {cached.name}"
        else:
            ws = open_workspace(f"sqlite:///{path}", backup_dir=folder / "backups")
            accounts.init_office(ws, ADMIN, ADMIN_PASSWORD, "渝新区", "石油路街道")
            accounts.login(ws, ADMIN, ADMIN_PASSWORD)
            t0 = time.perf_counter()
            extra = list(demo.load(ws, "district10", seed=1, partners=PARTNERS).value.extra)
            seconds, note = time.perf_counter() - t0, "built in this run"
            _store(path, cached, info, seconds, extra)
        yield ws, path, seconds, (extra, note)
        ws.close()


def _store(path, cached, info, seconds: float, extra: list) -> None:  # noqa: ANN001
    cached.parent.mkdir(parents=True, exist_ok=True)
    for old in cached.parent.glob("district10-*"):
        old.unlink()
    tmp = cached.with_suffix(".part")
    src, dst = sqlite3.connect(path), sqlite3.connect(tmp)
    try:
        src.backup(dst)  # a consistent copy even while the workspace has it open
    finally:
        src.close()
        dst.close()
    tmp.replace(cached)
    info.write_text(json.dumps({"seconds": seconds, "extra": extra}), encoding="utf-8")


def _cases_to_figures(record, prefix: str, cases: dict, baseline: float, baseline_name: str,
                      limit: float | None = LIMIT_MS, note: str = "") -> list[str]:
    """``cases``: name -> fn, or name -> (fn, baseline ms, baseline name) for a case with its own baseline.
    ``limit`` None records informational figures."""
    failures = []
    for name, case in cases.items():
        fn, base, base_name = case if isinstance(case, tuple) else (case, baseline, baseline_name)
        measured, samples = ms(fn)
        target = f"≤ {limit:.0f} ms" if limit else f"info (≤ {LIMIT_MS:.0f} ms)"
        fig = Figure(f"{prefix}: {name}", measured, "ms", target, measured <= limit if limit else None, base,
                     base_name, note, samples={"ms": samples})
        record(fig)
        if fig.passed is False:
            failures.append(f"{name}: {measured:.0f} ms")
    return failures


def test_demo_district_x10(big10, record):
    _, _, seconds, (extra, note) = big10
    record(Figure("demo.load('district10') (× 10: " + ", ".join(f"{k} {n:,}" for k, n in extra) + ")",
                  seconds, "s", "info", None, note=note))


# -- agreements list ----------------------------------------------------------------------------------------------
def _a_community(ws) -> int:
    from partnerdesk.services import org

    return org.communities(ws)[3].id


def test_agreements_list(big10, record):
    from partnerdesk.services import agreement_queries as aq
    from partnerdesk.services.agreement_queries import AgreementFilter

    ws, path, _, _ = big10
    baseline = bare_ms(path, "SELECT a.id, a.number, p.name, s.name, o.name, a.start_date, a.end_date, a.state "
                              "FROM agreements a JOIN partners p ON p.id = a.partner_id JOIN spaces s ON "
                              "s.id = a.space_id JOIN org_units o ON o.id = s.community_id "
                              "ORDER BY a.end_date, a.id LIMIT ?", (PAGE,))

    def view(f=AgreementFilter(), sort="end", desc=False):
        def run():
            aq.count_agreements(ws, f)
            aq.query_agreements(ws, f, sort, desc, 0, PAGE)
        return run

    cases = {"first rows (count + first page, by end date)": view()}
    for text in ("金", "金竹", "金竹苑", "空间协议", "空间协议〔2026〕1", "牧有货"):
        like = f"%{text}%"
        scan = bare_ms(path, "SELECT count(*) FROM agreements a JOIN partners p ON p.id = a.partner_id JOIN spaces s "
                              "ON s.id = a.space_id WHERE a.number LIKE ? OR p.name LIKE ? OR s.name LIKE ?",
                        (like, like, like))
        cases[f"keystroke '{text}'"] = (view(AgreementFilter(text=text)), scan, "bare sqlite3 count of the same LIKE")
    cases["filter state=in_force"] = view(AgreementFilter(state="in_force"))
    cases["filter expiring within 90 days"] = view(AgreementFilter(state=aq.EXPIRING, window_days=90))
    cases["filter community"] = view(AgreementFilter(community_id=_a_community(ws)))
    cases["filter mode=low_rent + state=in_force"] = view(AgreementFilter(mode="low_rent", state="in_force"))
    for sort in ("partner", "space", "community", "number", "state"):
        cases[f"sort by {sort}"] = view(sort=sort)
    cases["sort by updated desc"] = view(sort="updated", desc=True)
    cases["page 100 (offset 20,000)"] = lambda: aq.query_agreements(ws, AgreementFilter(), "end", False, 20_000, PAGE)
    failures = _cases_to_figures(record, "agreements @25k", cases, baseline,
                                 "bare sqlite3 first page, same joins, by end date")
    assert not failures, failures


def test_agreements_list_memory(big10, record):
    from partnerdesk.services import agreement_queries as aq
    from partnerdesk.services.agreement_queries import AgreementFilter

    ws, _, _, _ = big10

    def peak(f) -> float:
        tracemalloc.start()
        aq.count_agreements(ws, f)
        aq.query_agreements(ws, f, "end", False, 0, PAGE)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top / 1e6

    few = peak(AgreementFilter(community_id=_a_community(ws), state="approved"))
    everything = peak(AgreementFilter())
    fig = Figure("agreements list memory: 25k rows vs a few rows", everything, "MB", "≤ 2 × small + 1 MB",
                 everything <= 2 * few + 1, few, "same view filtered to a few rows")
    record(fig)
    assert fig.passed


def test_spaces_list(big10, record):
    """Informational: the spaces register at 30,000 (the issue names no target; same yardstick as the lists)."""
    from partnerdesk.services import agreement_queries as aq
    from partnerdesk.services.agreement_queries import SpaceFilter

    ws, path, _, _ = big10
    baseline = bare_ms(path, "SELECT id, name, status FROM spaces ORDER BY name, id LIMIT ?", (PAGE,))
    cases = {"first rows (count + first page, by name)": SpaceFilter(), "keystroke '架空层'": SpaceFilter(text="架空层"),
             "filter status=idle": SpaceFilter(status="idle")}
    for name, f in cases.items():
        measured, samples = ms(lambda f=f: (aq.count_spaces(ws, f), aq.query_spaces(ws, f, "name", False, 0, PAGE)))
        record(Figure(f"spaces @30k: {name}", measured, "ms", f"info (≤ {LIMIT_MS:.0f} ms)", None, baseline,
                      "bare sqlite3 first page by name", samples={"ms": samples}))


# -- services list ------------------------------------------------------------------------------------------------
def test_services_list(big10, record):
    from sqlalchemy import select

    from partnerdesk.db import models as m
    from partnerdesk.services import service_records as sr
    from partnerdesk.services.service_records import ServiceFilter

    ws, path, _, _ = big10
    baseline = bare_ms(path, "SELECT r.id, r.on_date, p.name, o.name, r.kind, r.people FROM service_records r "
                              "JOIN partners p ON p.id = r.partner_id JOIN org_units o ON o.id = r.community_id "
                              "ORDER BY r.on_date DESC, r.id DESC LIMIT ?", (PAGE,))
    today = ws.now().date()

    def view(f=ServiceFilter(), sort="date", desc=True):
        def run():
            sr.count(ws, f)
            sr.query(ws, f, sort, desc, PAGE, 0)
        return run

    with ws.read() as uow:
        partner_id = uow.session.scalar(select(m.ServiceRecord.partner_id).order_by(m.ServiceRecord.id).limit(1))
        agreement_id = uow.session.scalar(select(m.ServiceRecord.agreement_id)
                                          .where(m.ServiceRecord.agreement_id.is_not(None)).limit(1))
    cases = {"first rows (count + first page, by date desc)": view()}
    for text in ("金", "金竹", "金竹苑", "居民家中", "牧有货"):
        like = f"%{text}%"
        scan = bare_ms(path, "SELECT count(*) FROM service_records WHERE place LIKE ? OR partner_id IN "
                              "(SELECT id FROM partners WHERE name LIKE ?)", (like, like))
        cases[f"keystroke '{text}'"] = (view(ServiceFilter(text=text)), scan, "bare sqlite3 count of the same LIKE")
    cases["filter community"] = view(ServiceFilter(community_id=_a_community(ws)))
    cases["filter partner"] = view(ServiceFilter(partner_id=partner_id))
    cases["filter agreement"] = view(ServiceFilter(agreement_id=agreement_id))
    cases["filter last 30 days"] = view(ServiceFilter(date_from=today - timedelta(days=30)))
    cases["filter kind=paid + community"] = view(ServiceFilter(kind="paid", community_id=_a_community(ws)))
    for sort in ("partner", "community", "people", "kind"):
        cases[f"sort by {sort}"] = view(sort=sort, desc=False)
    cases["page 500 (offset 100,000)"] = lambda: sr.query(ws, ServiceFilter(), "date", True, PAGE, 100_000)
    failures = _cases_to_figures(record, "services @500k", cases, baseline,
                                 "bare sqlite3 first page, same joins, by date desc")
    assert not failures, failures


def test_services_list_memory(big10, record):
    from partnerdesk.services import service_records as sr
    from partnerdesk.services.service_records import ServiceFilter

    ws, _, _, _ = big10

    def peak(f) -> float:
        tracemalloc.start()
        sr.count(ws, f)
        sr.query(ws, f, "date", True, PAGE, 0)
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return top / 1e6

    few = peak(ServiceFilter(community_id=_a_community(ws), kind="paid", date_from=ws.now().date() - timedelta(3)))
    everything = peak(ServiceFilter())
    fig = Figure("services list memory: 500k rows vs a few rows", everything, "MB", "≤ 2 × small + 1 MB",
                 everything <= 2 * few + 1, few, "same view filtered to a few rows")
    record(fig)
    assert fig.passed


def test_orders_list(big10, record):
    """Informational: the resident orders list at 200,000 (no target in the issue; same yardstick)."""
    from partnerdesk.services import orders
    from partnerdesk.services.orders import OrderFilter

    ws, path, _, _ = big10
    baseline = bare_ms(path, "SELECT id, number, state FROM resident_orders ORDER BY ordered_on DESC, id DESC "
                              "LIMIT ?", (PAGE,))
    cases = {"first rows (count + first page)": OrderFilter(), "filter state=pending": OrderFilter(state="pending"),
             "filter overdue": OrderFilter(overdue_only=True), "keystroke '王秀'": OrderFilter(text="王秀")}
    for name, f in cases.items():
        measured, samples = ms(lambda f=f: (orders.count(ws, f), orders.query(ws, f, "ordered", True, PAGE, 0)))
        record(Figure(f"orders @200k: {name}", measured, "ms", f"info (≤ {LIMIT_MS:.0f} ms)", None, baseline,
                      "bare sqlite3 first page by date", samples={"ms": samples}))


# -- the overlap check on save ------------------------------------------------------------------------------------
def _busiest_space(ws) -> tuple[int, int]:
    """The space with the most agreements holding it, and how many hold it."""
    from sqlalchemy import func, select

    from partnerdesk.db import models as m

    with ws.read() as uow:
        s = uow.session
        space_id = s.scalar(select(m.Agreement.space_id).where(m.Agreement.state.in_(["approved", "signed", "in_force"]))
                            .group_by(m.Agreement.space_id).order_by(func.count().desc(), m.Agreement.space_id)
                            .limit(1))
        holders = s.scalar(select(func.count()).select_from(m.Agreement).where(
            m.Agreement.space_id == space_id, m.Agreement.state.in_(["approved", "signed", "in_force"])))
    return space_id, holders


def test_overlap_check_on_save(big10, record):
    """What is timed: ``agreements._check_overlap`` — the query for the agreements holding the space plus their
    slots and the domain's ``conflicts`` — for a new term on the busiest shared space, inside one read
    transaction with the space row already loaded (as in ``create``/``update_draft`` after the row lock). The whole
    ``update_draft`` (lock, parties, overlap, audit, commit) is reported beside it for context."""
    from sqlalchemy import select

    from partnerdesk.db import models as m
    from partnerdesk.domain.agreements import Slot
    from partnerdesk.services import agreements

    ws, path, _, _ = big10
    space_id, holders = _busiest_space(ws)
    with ws.read() as uow:
        s = uow.session
        space = s.get(m.Space, space_id)
        sample = s.scalars(select(m.Agreement).where(m.Agreement.space_id == space_id).limit(1)).one()
        data = agreements._row(sample).data
        start = ws.now().date() + timedelta(days=1500)  # after every planned term: the save must succeed
        free_slot = (Slot(6, "19:00", "21:00"),) if space.shared_by_slot else ()
        probe = type(data)(**{**data.__dict__, "start_date": start, "end_date": start + timedelta(days=364),
                              "slots": free_slot})
        measured, samples = ms(lambda: agreements._check_overlap(s, 0, probe, space), reps=9)
    baseline = bare_ms(path, "SELECT id, start_date, end_date, terminated_on FROM agreements WHERE space_id = ? "
                              "AND state IN ('approved', 'signed', 'in_force')", (space_id,))
    fig = Figure(f"overlap check on save (busiest space: {holders} holding agreements)", measured, "ms",
                 f"≤ {OVERLAP_MS:.0f} ms", measured <= OVERLAP_MS, baseline,
                 "bare sqlite3 select of the holding agreements", samples={"ms": samples})
    record(fig)
    record(_update_draft_figure(ws, space_id, probe))
    assert fig.passed


def _update_draft_figure(ws, space_id: int, probe) -> Figure:  # noqa: ANN001
    from dataclasses import replace

    from partnerdesk.services import agreements

    row = agreements.create(ws, replace(probe, space_id=space_id)).value
    version, samples = row.version, []
    for k in range(7):
        t0 = time.perf_counter()
        version = agreements.update_draft(ws, row.id, version, replace(probe, permitted_use=f"试测{k}")).value.version
        samples.append((time.perf_counter() - t0) * 1000)
    return Figure("agreements.update_draft on the busiest space (whole save incl. audit + commit)",
                  statistics.median(samples), "ms", "info", None, samples={"ms": samples})


# -- delivered versus committed -----------------------------------------------------------------------------------
def test_delivery_by_month(big10, record):
    from partnerdesk.services import delivery

    ws, path, _, _ = big10
    today = ws.now().date()
    last = date(today.year, today.month, 1) - timedelta(days=1)  # the last whole month
    lo = last.replace(day=1)
    baseline = bare_ms(path, "SELECT agreement_id, count(*), sum(minutes), sum(people) FROM service_records "
                              "WHERE agreement_id IS NOT NULL AND on_date BETWEEN ? AND ? GROUP BY agreement_id",
                        (lo.isoformat(), last.isoformat()))
    rows: list = []
    measured, samples = ms(lambda: rows.__setitem__(slice(None), delivery.by_month(ws, year=last.year,
                                                                                      month=last.month)))
    seconds = measured / 1000
    fig = Figure(f"delivered vs committed, {last:%Y-%m}, all agreements ({len(rows):,} rows)", seconds, "s",
                 f"≤ {DELIVERY_S:.0f} s", seconds <= DELIVERY_S, baseline / 1000,
                 "bare sqlite3 GROUP BY agreement of that month's records", samples={"ms": samples})
    record(fig)
    year_s, year_samples = ms(lambda: delivery.by_month(ws, year=last.year), reps=3)
    record(Figure(f"delivered vs committed, whole year {last.year}, all agreements", year_s / 1000, "s", "info",
                  None, samples={"ms": year_samples}))
    assert fig.passed
