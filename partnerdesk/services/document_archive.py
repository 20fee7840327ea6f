"""The archive of issued documents: list, count, reprint, verify. Re-exported by ``documents``."""

from __future__ import annotations

import hashlib
import io
import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db import models as m
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from . import audit
from . import document_data as dd
from .document_issue import CODE_RE, IssuedDoc, Verdict, _check_scope, _row


# --- archive: list, reprint ---
def _issued_query(ws, columns, entity: str, entity_id: int | None, kind: str, text: str):  # noqa: ANN001, ANN202
    q = select(*columns)
    if entity:
        q = q.where(m.IssuedDocument.entity == entity)
    if entity_id is not None:
        q = q.where(m.IssuedDocument.entity_id == entity_id)
    if kind:
        # "commitment" covers both commitment letters (they share one series)
        kinds = ("commitment_org", "commitment_individual") if kind == dd.COMMITMENT else (kind,)
        q = q.where(m.IssuedDocument.kind.in_(kinds))
    if text:
        like = f"%{text}%"
        q = q.where(m.IssuedDocument.serial.like(like) | m.IssuedDocument.title.like(like)
                    | (m.IssuedDocument.code == normalise_code(text)))
    if ws.actor.is_scoped:
        q = q.where(m.IssuedDocument.community_id.in_(ws.actor.community_ids))
    return q


def list_issued(ws, entity: str = "", entity_id: int | None = None, kind: str = "", text: str = "",  # noqa: ANN001
                limit: int = 200, offset: int = 0) -> list[IssuedDoc]:
    """Issued documents, newest first, filtered and paged in SQL."""
    require(ws.actor, Perm.READ)
    q = _issued_query(ws, [m.IssuedDocument], entity, entity_id, kind, text).order_by(m.IssuedDocument.id.desc())
    with ws.read() as uow:
        return [_row(d) for d in uow.session.scalars(q.limit(limit).offset(offset))]


def count_issued(ws, entity: str = "", entity_id: int | None = None, kind: str = "",  # noqa: ANN001
                 text: str = "") -> int:
    """How many issued documents ``list_issued`` would page through with the same filters."""
    require(ws.actor, Perm.READ)
    q = _issued_query(ws, [func.count(m.IssuedDocument.id)], entity, entity_id, kind, text)
    with ws.read() as uow:
        return uow.session.scalar(q) or 0


def _archived(s: Session, doc: m.IssuedDocument) -> bytes:
    blob = s.get(m.Blob, doc.content_sha256)
    data = blob.data if blob is not None else b""
    if hashlib.sha256(data).hexdigest() != doc.content_sha256:
        raise DomainError("document.archive_damaged", serial=doc.serial)
    return data


def reprint(ws, doc_id: int) -> bytes:  # noqa: ANN001
    """The archived bytes of an issued document (never a new rendering); the reprint is audited."""
    require(ws.actor, Perm.READ)
    with ws.write() as uow:
        s = uow.session
        doc = s.get(m.IssuedDocument, doc_id)
        if doc is None:
            raise DomainError("record.missing", entity="document", id=doc_id)
        _check_scope(ws, Perm.READ, [doc.community_id] if doc.community_id else [])
        data = _archived(s, doc)
        audit.record(s, ws.actor, "document.reprint", doc.entity, doc.entity_id,
                     after={"serial": doc.serial, "code": doc.code}, at=ws.now())
        uow.commit()
    return data


reissue = reprint


# --- verify ---
def normalise_code(text: str) -> str:
    return re.sub(r"[\s\-]", "", text or "").upper()


def codes_in_pdf(pdf: bytes) -> list[str]:
    """Verification codes printed in a PDF (text extracted with pypdf; whitespace between glyphs ignored)."""
    try:
        from pypdf import PdfReader

        text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    except Exception:  # noqa: BLE001 - anything unreadable is simply "no code found"
        return []
    return list(dict.fromkeys(CODE_RE.findall(re.sub(r"\s+", "", text))))


def _verifier(ws) -> None:  # noqa: ANN001
    if ws.actor is None or not ws.actor.can(Perm.VERIFY):
        require(ws.actor, Perm.READ)


def verify_file(ws, pdf: bytes) -> Verdict:  # noqa: ANN001
    _verifier(ws)
    digest = hashlib.sha256(pdf).hexdigest()
    with ws.read() as uow:
        s = uow.session
        doc = s.scalar(select(m.IssuedDocument).where(m.IssuedDocument.content_sha256 == digest).limit(1))
        if doc is not None:
            return Verdict("match", doc.code, _row(doc))
        codes = codes_in_pdf(pdf)
        for code in codes:
            doc = s.scalar(select(m.IssuedDocument).where(m.IssuedDocument.code == code))
            if doc is not None:
                return Verdict("altered", code, _row(doc))
        return Verdict("unknown", codes[0] if codes else "")


def verify_code(ws, code: str) -> Verdict:  # noqa: ANN001
    _verifier(ws)
    code = normalise_code(code)
    with ws.read() as uow:
        doc = uow.session.scalar(select(m.IssuedDocument).where(m.IssuedDocument.code == code))
        return Verdict("known", code, _row(doc)) if doc is not None else Verdict("unknown", code)
