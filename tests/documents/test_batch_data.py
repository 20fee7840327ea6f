"""The bulk record reader of batches (``document_data.build_many``) gives exactly what ``build`` gives one record
at a time, for every kind a batch can cover, and refuses with the same error (both backends)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from partnerdesk.db import models as m
from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.partners import INDIVIDUAL, PartnerInput
from partnerdesk.services import document_data as dd
from partnerdesk.services import partners
from tests.documents.test_kinds import RECORD, build_world
from tests.helpers.numbers import org_code

BATCH_KINDS = (*dd.PARTNER_KINDS, dd.COMMITMENT, *dd.AGREEMENT_KINDS, *dd.EXTRA)


@pytest.fixture
def bw(ws):
    w = build_world(ws)
    w.unfiled = partners.register(ws, PartnerInput("enterprise", "未备案的服务社", uscc=org_code(955),
                                                   community_ids=(w.c2.id,)), submit=False).value
    with ws.write() as uow:  # p4 becomes an individual partner (its type's holder), p2 gets service domains
        s = uow.session
        individual = s.scalar(select(m.DictItem.code).where(m.DictItem.kind == "partner_type",
                                                            m.DictItem.holder == INDIVIDUAL).limit(1))
        if individual:
            s.get(m.Partner, w.p4.id).type_code = individual
        for code in list(s.scalars(select(m.DictItem.code).where(m.DictItem.kind == "service_domain")))[:3][::-1]:
            s.add(m.PartnerDomain(partner_id=w.p2.id, domain_code=code))
        uow.commit()
    return w


def _ids(ws, w, kind: str) -> list[int]:
    if kind in RECORD:
        return [RECORD[kind](w)]
    if dd.entity_of(kind) == "agreement":
        return [w.a1.id, w.a3.id]
    with ws.read() as uow:
        return list(uow.session.scalars(select(m.Partner.id).order_by(m.Partner.id.desc())))


def _one_by_one(ws, kind: str, ids: list[int]) -> list[dd.RecordData] | str:
    with ws.read() as uow:
        try:
            return [dd.build(uow.session, kind, i, ws.now().date()) for i in ids]
        except DomainError as err:
            return f"{err.code} {err.params}"


def _bulk(ws, kind: str, ids: list[int]) -> list[dd.RecordData] | str:
    with ws.read() as uow:
        try:
            return list(dd.build_many(uow.session, kind, ids, ws.now().date()))
        except DomainError as err:
            return f"{err.code} {err.params}"


@pytest.mark.parametrize("kind", BATCH_KINDS)
def test_bulk_records_equal_single_records(ws, bw, kind, monkeypatch):
    monkeypatch.setattr(dd, "BATCH_CHUNK", 2)  # several chunks
    ids = _ids(ws, bw, kind)
    printable = [i for i in ids if isinstance(_one_by_one(ws, kind, [i]), list)]
    assert printable, kind
    expected = _one_by_one(ws, kind, printable + printable[:1])  # a record twice in a batch: read twice
    assert isinstance(expected, list) and _bulk(ws, kind, printable + printable[:1]) == expected
    # the first record that cannot be built refuses the batch with the same error
    assert _bulk(ws, kind, ids) == _one_by_one(ws, kind, ids)
    assert _bulk(ws, kind, [*printable, 987654]) == _one_by_one(ws, kind, [*printable, 987654])


def test_bulk_records_cover_individuals_and_domains(ws, bw):
    recs = _bulk(ws, dd.COMMITMENT, [bw.p2.id, bw.p4.id])
    assert isinstance(recs, list) and recs[0].data["partner"]["fields"]
    with ws.read() as uow:
        individual = uow.session.scalar(select(m.DictItem.code).where(m.DictItem.holder == INDIVIDUAL).limit(1))
    if individual:
        assert [r.kind for r in recs] == ["commitment_org", "commitment_individual"]


def test_record_many_writes_the_chain_record_would(ws, bw):
    """The batch's audit path: the same entries, hashes and head as ``audit.record`` one at a time."""
    from partnerdesk.services import audit

    entries = [("document.issue", "partner", i, None, {"serial": f"承诺书〔2026〕{i}号", "code": "ABCD2345"})
               for i in (bw.p1.id, bw.p2.id, bw.p4.id)]
    at = ws.now()

    def written(bulk: bool) -> list[tuple]:
        with ws.write() as uow:
            s = uow.session
            if bulk:
                seqs = audit.record_many(s, ws.actor, entries, at=at)
            else:
                seqs = [audit.record(s, ws.actor, *e[:3], before=e[3], after=e[4], at=at) for e in entries]
            rows = s.execute(select(m.AuditLog.seq, m.AuditLog.at, m.AuditLog.username, m.AuditLog.action,
                                    m.AuditLog.entity_id, m.AuditLog.after, m.AuditLog.prev_hash, m.AuditLog.hash)
                             .where(m.AuditLog.seq.in_(seqs)).order_by(m.AuditLog.seq)).all()
            head = s.get(m.AppMeta, audit.HEAD_KEY).value  # not committed: rolled back on leaving
        return [*map(tuple, rows), head, seqs]

    assert written(True) == written(False)
    assert audit.verify_chain(ws).ok


def test_pooled_batch_rows_point_at_their_audit_entries(ws, bw, tmp_path, monkeypatch):
    import json

    from partnerdesk.services import audit, documents

    monkeypatch.setattr(documents, "POOL_MIN", 1)
    monkeypatch.setattr(documents, "ARCHIVE_CHUNK", 2)  # several chunks, the last one short
    ids = documents.record_ids(ws, "commitment")
    result = documents.issue_batch(ws, "commitment", ids, tmp_path / "out", False, workers=2).value
    assert audit.verify_chain(ws).ok
    with ws.read() as uow:
        s = uow.session
        for d in result.documents:
            row = s.get(m.IssuedDocument, d.id)
            entry = s.scalar(select(m.AuditLog).where(m.AuditLog.seq == d.audit_seq))
            after = json.loads(entry.after)
            assert (after["serial"], after["code"], after["sha256"]) == (d.serial, d.code, d.content_sha256)
            assert (entry.action, entry.entity_id) == ("document.issue", str(d.entity_id))
            assert (row.serial, row.audit_seq, row.issued_at, row.title) == (d.serial, d.audit_seq, d.issued_at,
                                                                              d.title)
            assert s.get(m.Blob, d.content_sha256).data == (tmp_path / "out" / documents.file_name(d)).read_bytes()
