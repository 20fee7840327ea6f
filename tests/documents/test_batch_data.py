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
