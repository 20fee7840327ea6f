"""Preview and issue one document: templates and fonts, serials, verification codes, the archived blob and audit
entry. Re-exported by ``documents``."""

from __future__ import annotations

import functools
import hashlib
import re
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .. import paths
from ..db import models as m
from ..documents.fonts import FontSet, default_fonts
from ..documents.render import render
from ..documents.templates import Template, TemplateInfo, TemplateStore
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from ..fsutil import atomic_write_bytes
from . import audit
from . import document_data as dd
from .changes import DOCUMENTS, Changes, Outcome
from .records import insert_ignore

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: unambiguous when read off paper
CODE_LENGTH = 8
CODE_RE = re.compile(rf"核验码([{CODE_ALPHABET}]{{{CODE_LENGTH}}})")
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class IssuedDoc:
    id: int
    serial: str
    kind: str
    entity: str
    entity_id: int
    title: str
    template_version: str
    template_origin: str
    template_sha256: str
    content_sha256: str
    size: int
    pages: int
    code: str
    issued_by: str
    issued_at: object
    audit_seq: int
    pdf: bytes = field(default=b"", repr=False, compare=False)  # filled by issue() only


@dataclass(frozen=True)
class Verdict:
    """``match``: the file is an archived document, byte for byte; ``altered``: it carries a known code but its
    content differs from the archive; ``known``: a typed code belongs to an archived document; ``unknown``."""

    status: str
    code: str = ""
    document: IssuedDoc | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("match", "known")


@dataclass(frozen=True)
class BatchResult:
    documents: tuple[IssuedDoc, ...]
    files: tuple[Path, ...]


# --- templates and fonts (fonts resolved once per process) ---
def template_store(s: Session) -> TemplateStore:
    """The shipped templates and the office's active versions, as this transaction sees them (the database holds
    the office versions, so every desktop of a shared server prints the same)."""
    rows = s.execute(select(m.OfficeTemplate.kind, m.OfficeTemplate.body).where(m.OfficeTemplate.active))
    return TemplateStore(paths.forms_dir(), {kind: body.encode("utf-8") for kind, body in rows})


@functools.cache
def fonts() -> FontSet:
    return default_fonts()


def forms(ws) -> list[TemplateInfo]:  # noqa: ANN001
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        return template_store(uow.session).list()


# --- permissions ---
def _check_scope(ws, perm: Perm, community_ids: Sequence[int]) -> None:  # noqa: ANN001
    require(ws.actor, perm)
    if ws.actor.is_scoped and not set(community_ids) & ws.actor.community_ids:
        raise DomainError("auth.forbidden", action=perm.value, role=ws.actor.role.value)


# --- preview ---
def preview(ws, kind: str, record_id: int, period_of: date | None = None) -> bytes:  # noqa: ANN001
    """The document as it would print, without serial and verification code; nothing is stored. ``period_of``:
    a rota's month or week (see ``document_data.build``)."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        rec = dd.build(uow.session, kind, record_id, ws.today(), period_of)
        _check_scope(ws, Perm.READ, rec.community_ids)
        template = template_store(uow.session).load(rec.kind)
    return render(template, rec.data)


def save_draft(ws, kind: str, record_id: int, path: Path, period_of: date | None = None) -> Path:  # noqa: ANN001
    """Write :func:`preview` to ``path`` (a draft, 样稿: no serial, nothing archived). A draft on paper or on disk
    carries the record's data, so it is audited as a print; where that cannot be recorded (a read-only instance)
    nothing is written."""
    with audit.recorded_file(ws, path, "print", kind, record_id) as detail:
        atomic_write_bytes(path, preview(ws, kind, record_id, period_of))
        detail.update(draft=True, period=period_of.isoformat() if period_of else None)
    return path


# --- issue ---
def _next_serial(s: Session, kind: str, year: int) -> tuple[str, int, str]:
    series, label = dd.SERIES[kind]
    s.execute(insert_ignore(s, m.DocumentCounter).values(series=series, year=year, last_seq=0))
    s.execute(update(m.DocumentCounter).where(m.DocumentCounter.series == series, m.DocumentCounter.year == year)
              .values(last_seq=m.DocumentCounter.last_seq + 1))
    seq = s.scalar(select(m.DocumentCounter.last_seq).where(m.DocumentCounter.series == series,
                                                            m.DocumentCounter.year == year))
    return series, seq, f"{label}〔{year}〕{seq}号"


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def _unused_code(s: Session) -> str:
    while True:  # 32^8 ≈ 10^12 codes: a clash is rare, but never reuse one
        code = new_code()
        if s.scalar(select(m.IssuedDocument.id).where(m.IssuedDocument.code == code)) is None:
            return code


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf)) or 1


def _with_serial(rec: dd.RecordData, serial: str) -> dict:
    data = dict(rec.data)
    if rec.kind == "application":
        data["application"] = {**data["application"], "number": serial}
    data["document"] = {**data["document"], "serial": serial}
    return data


def _store_blob(s: Session, pdf: bytes) -> str:
    """Content-addressed: one statement, no ORM object (a batch would keep every PDF in the session)."""
    digest = hashlib.sha256(pdf).hexdigest()
    s.execute(insert_ignore(s, m.Blob).values(sha256=digest, size=len(pdf), data=pdf))
    return digest


def _issue_record(s: Session, ws, rec: dd.RecordData, template: Template) -> IssuedDoc:  # noqa: ANN001
    now, year = ws.now(), ws.today().year  # stamped in UTC, numbered in the office's year (〔2027〕 on 1 January)
    series, seq, serial = _next_serial(s, rec.kind, year)
    code = _unused_code(s)
    pdf = render(template, _with_serial(rec, serial), footer_code=code)
    return _archive(s, ws, rec, template, (series, seq, serial), code, pdf, now, year)


def _archive(s: Session, ws, rec: dd.RecordData, template: Template, numbered: tuple[str, int, str],  # noqa: ANN001
             code: str, pdf: bytes, now: datetime, year: int) -> IssuedDoc:
    """Store a rendered document: blob, audit entry and the issued-document row (flushed, not committed)."""
    series, seq, serial = numbered
    digest = _store_blob(s, pdf)
    audit_seq = audit.record(s, ws.actor, "document.issue", rec.entity, rec.entity_id, after={
        "serial": serial, "kind": rec.kind, "code": code, "sha256": digest, "template_version": template.version,
        "template_origin": template.origin, "template_sha256": template.digest}, at=now)
    doc = m.IssuedDocument(serial=serial, series=series, year=year, seq=seq, kind=rec.kind, entity=rec.entity,
                           entity_id=rec.entity_id, community_id=rec.community_ids[0] if rec.community_ids else None,
                           title=rec.title[:300], template_version=template.version, template_origin=template.origin,
                           template_sha256=template.digest, content_sha256=digest, size=len(pdf),
                           pages=page_count(pdf), code=code, issued_by=ws.actor.username, issued_at=now,
                           audit_seq=audit_seq)
    s.add(doc)
    s.flush()
    return replace(_row(doc), pdf=pdf)


def issue(ws, kind: str, record_id: int, period_of: date | None = None) -> Outcome[IssuedDoc]:  # noqa: ANN001
    """Issue one document; the returned ``pdf`` is exactly the archived bytes. ``period_of``: a rota's month or
    week (see ``document_data.build``)."""
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.write() as uow:
        s = uow.session
        rec = dd.build(s, kind, record_id, ws.today(), period_of)
        _check_scope(ws, Perm.EDIT_RECORDS, rec.community_ids)
        doc = _issue_record(s, ws, rec, template_store(s).load(rec.kind))
        uow.commit()
    return Outcome(doc, Changes.of(DOCUMENTS))


def _row(d: m.IssuedDocument) -> IssuedDoc:
    return IssuedDoc(d.id, d.serial, d.kind, d.entity, d.entity_id, d.title, d.template_version, d.template_origin,
                     d.template_sha256, d.content_sha256, d.size, d.pages, d.code, d.issued_by, d.issued_at,
                     d.audit_seq)
