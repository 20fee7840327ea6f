"""Batches drawn in worker processes: same archive, serials and audit as in-process; cancel and problems leave
nothing behind (both backends)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from partnerdesk.db import models as m
from partnerdesk.documents import pool
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import documents
from tests.unit.loop_setup import filed_partner, world


@pytest.fixture
def w(ws, monkeypatch):
    monkeypatch.setattr(documents, "POOL_MIN", 1)  # every batch goes to the worker processes
    w = world(ws)
    w.more = [filed_partner(ws, w.c1.id, 10 + k) for k in range(3)]
    return w


def _count(ws, model) -> int:
    with ws.read() as uow:
        return uow.session.scalar(select(func.count()).select_from(model))


def test_pooled_batch_archives_in_record_order(ws, w, tmp_path):
    ids = documents.record_ids(ws, "commitment")
    seen = []
    result = documents.issue_batch(ws, "commitment", ids, tmp_path / "out", False, workers=2,
                                   progress=lambda d, t: seen.append((d, t))).value
    assert seen == [(k, len(ids)) for k in range(1, len(ids) + 1)]
    assert [d.serial for d in result.documents] == [f"承诺书〔2026〕{k}号" for k in range(1, len(ids) + 1)]
    assert [d.entity_id for d in result.documents] == ids and len({d.code for d in result.documents}) == len(ids)
    for d in result.documents:
        data = (tmp_path / "out" / documents.file_name(d)).read_bytes()
        assert documents.reprint(ws, d.id) == data and documents.verify_file(ws, data).status == "match"
        assert d.code in "".join(documents.codes_in_pdf(data))
    with ws.read() as uow:
        seqs = list(uow.session.scalars(select(m.IssuedDocument.audit_seq).order_by(m.IssuedDocument.id)))
    assert seqs == sorted(seqs) and len(set(seqs)) == len(ids)
    assert documents.issue(ws, "commitment", w.p1.id).value.serial == f"承诺书〔2026〕{len(ids) + 1}号"


def test_pooled_cancel_rolls_back_and_writes_nothing(ws, w, tmp_path):
    ids = documents.record_ids(ws, "commitment")
    seen = []
    with pytest.raises(DomainError) as e:
        documents.issue_batch(ws, "commitment", ids, tmp_path / "out", False, workers=2,
                              progress=lambda d, t: seen.append(d), cancelled=lambda: bool(seen))
    assert e.value.code == "document.cancelled" and seen == [1]
    assert _count(ws, m.IssuedDocument) == 0 and _count(ws, m.Blob) == 0 and not (tmp_path / "out").exists()
    assert documents.issue(ws, "commitment", w.p1.id).value.serial == "承诺书〔2026〕1号"  # no gap


def test_pooled_problems_reported_and_nothing_issued(ws, w, tmp_path):
    with ws.write() as uow:
        uow.session.get(m.Partner, w.more[1].id).name = "服务企业\U000F0001"
        uow.commit()
    ids = documents.record_ids(ws, "commitment")
    with pytest.raises(DomainError) as e:
        documents.issue_batch(ws, "commitment", ids, tmp_path / "all.pdf", True, workers=2)
    assert e.value.code == "document.batch_problems" and "\U000F0001" in e.value.params["problems"]
    assert _count(ws, m.IssuedDocument) == 0 and not (tmp_path / "all.pdf").exists()
    assert documents.issue(ws, "commitment", w.p1.id).value.serial == "承诺书〔2026〕1号"


def test_worker_count_uses_the_cores():
    assert 1 <= pool.worker_count() <= pool.MAX_WORKERS


def test_documents_are_dated_and_numbered_in_the_offices_day_and_year(ws, w, tmp_path, monkeypatch):
    """At 01:00 on 1 January in Beijing the UTC clock still says 31 December: a document issued then (alone or in a
    pooled batch) is dated 2027年1月1日 and numbered in 2027's series."""
    import time
    from datetime import datetime

    from tests.documents.pdftools import text

    monkeypatch.setenv("TZ", "CST-8")  # a POSIX zone string: no tz database needed
    time.tzset()
    try:
        ws.clock = lambda: datetime(2026, 12, 31, 17, 0)  # UTC
        one = documents.issue(ws, "commitment", w.p1.id).value
        ids = [p.id for p in w.more]
        batch = documents.issue_batch(ws, "commitment", ids, tmp_path / "out", False, workers=2).value
        assert one.serial == "承诺书〔2027〕1号"
        assert [d.serial for d in batch.documents] == [f"承诺书〔2027〕{k}号" for k in range(2, 2 + len(ids))]
        with ws.read() as uow:
            assert set(uow.session.scalars(select(m.IssuedDocument.year))) == {2027}
        for pdf in [one.pdf] + [(tmp_path / "out" / documents.file_name(d)).read_bytes() for d in batch.documents]:
            assert "2027年1月1日" in text(pdf, tmp_path).replace(" ", "")
    finally:
        monkeypatch.undo()
        time.tzset()
