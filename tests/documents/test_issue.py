"""Issue, archive, verify and reprint through the services, on SQLite and PostgreSQL; PDFs read back."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from partnerdesk.db import models as m
from partnerdesk.domain.errors import DomainError
from partnerdesk.services import agreements, documents
from tests.documents import pdftools
from tests.unit.loop_setup import login, world


@pytest.fixture
def w(ws):
    return world(ws)


def _audit_count(ws, action: str) -> int:
    with ws.read() as uow:
        return uow.session.scalar(select(func.count(m.AuditLog.id)).where(m.AuditLog.action == action))


def test_issue_archives_the_returned_bytes_and_prints_the_code(ws, w, tmp_path):
    doc = documents.issue(ws, "commitment", w.p1.id).value
    assert doc.kind == "commitment_org" and doc.serial == "承诺书〔2026〕1号"
    assert len(doc.code) == 8 and set(doc.code) <= set(documents.CODE_ALPHABET)
    assert documents.reprint(ws, doc.id) == doc.pdf
    text = pdftools.text(doc.pdf, tmp_path)
    assert "核验码" in text and doc.code in text.replace(" ", "")
    assert w.p1.filing_no in text and "服务企业1" in text
    assert documents.codes_in_pdf(doc.pdf) == [doc.code]
    assert _audit_count(ws, "document.issue") == 1 and _audit_count(ws, "document.reprint") == 1
    with ws.read() as uow:
        row = uow.session.get(m.IssuedDocument, doc.id)
        entry = uow.session.scalar(select(m.AuditLog).where(m.AuditLog.seq == row.audit_seq))
        assert entry.action == "document.issue" and entry.entity == "partner" and entry.entity_id == str(w.p1.id)
        assert row.template_sha256 and row.template_version and row.content_sha256 in entry.after


def test_verify_file_and_code(ws, w):
    doc = documents.issue(ws, "filing", w.p1.id).value
    v = documents.verify_file(ws, doc.pdf)
    assert v.status == "match" and v.ok and v.document.serial == doc.serial
    changed = bytearray(doc.pdf)
    i = doc.pdf.index(b"/Producer")
    changed[i + 12] ^= 1
    v = documents.verify_file(ws, bytes(changed))
    assert v.status == "altered" and not v.ok and v.document.id == doc.id
    assert documents.verify_file(ws, b"%PDF-1.4 not really").status == "unknown"
    assert documents.verify_code(ws, doc.code.lower()[:4] + "-" + doc.code[4:]).status == "known"
    assert documents.verify_code(ws, "ZZZZZZZZ").status == "unknown"
    login(ws, "aud")
    assert documents.verify_file(ws, doc.pdf).ok


def test_rerendered_document_does_not_match(ws, w):
    doc = documents.issue(ws, "application", w.p1.id).value
    again = documents.preview(ws, "application", w.p1.id)
    assert again != doc.pdf and documents.verify_file(ws, again).status == "unknown"
    assert "核验码" not in pdftools_text(again)


def pdftools_text(pdf: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_serials_gap_free_per_series_and_refusal_leaves_no_gap(ws, w):
    a = documents.issue(ws, "commitment", w.p1.id).value
    b = documents.issue(ws, "commitment", w.p2.id).value
    f = documents.issue(ws, "filing", w.p1.id).value
    assert (a.serial, b.serial, f.serial) == ("承诺书〔2026〕1号", "承诺书〔2026〕2号", "备案书〔2026〕1号")
    with pytest.raises(DomainError) as e:
        documents.issue(ws, "commitment_individual", w.p1.id)
    assert e.value.code == "document.wrong_kind"
    assert documents.issue(ws, "commitment", w.p1.id).value.serial == "承诺书〔2026〕3号"
    assert len({a.code, b.code, f.code}) == 3


def test_agreement_with_supplements(ws, w, tmp_path):
    agreements.add_supplement(ws, w.a1.id, "时段调整。", date(2026, 3, 1))
    doc = documents.issue(ws, "space_agreement", w.a1.id).value
    text = pdftools.text(doc.pdf, tmp_path)
    assert doc.serial == "协议书〔2026〕1号" and w.a1.number in text
    flat = "".join(text.split())
    assert "第1号补充协议" in flat and "时段调整。" in flat


def test_permissions(ws, w):
    login(ws, "worker")  # scoped to c1: p1 yes, p2 no
    assert documents.issue(ws, "commitment", w.p1.id).value.serial
    with pytest.raises(DomainError) as e:
        documents.issue(ws, "commitment", w.p2.id)
    assert e.value.code == "auth.forbidden"
    assert documents.record_ids(ws, "commitment") == [w.p1.id]
    login(ws, "aud")
    with pytest.raises(DomainError) as e:
        documents.issue(ws, "filing", w.p1.id)
    assert e.value.code == "auth.forbidden"
    assert documents.verify_code(ws, documents.list_issued(ws)[0].code).ok


def test_missing_glyph_reported_before_issuing(ws, w, tmp_path):
    with ws.write() as uow:  # a name no font can draw (a private-use character)
        uow.session.get(m.Partner, w.p1.id).name = "服务企业\U000F0001"
        uow.commit()
    with pytest.raises(DomainError) as e:
        documents.issue(ws, "commitment", w.p1.id)
    assert e.value.code == "document.missing_glyphs"
    with pytest.raises(DomainError) as e:
        documents.issue_batch(ws, "commitment", [w.p2.id, w.p1.id], tmp_path / "all.pdf", True)
    assert e.value.code == "document.batch_problems" and "服务企业" in e.value.params["problems"]
    assert documents.list_issued(ws) == [] and not (tmp_path / "all.pdf").exists()
    assert documents.issue(ws, "commitment", w.p2.id).value.serial == "承诺书〔2026〕1号"  # no gap
