"""Attachments (scans of licences, IDs, charters): content-addressed bytes with their SHA-256."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Attachment, Blob
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from . import audit
from .changes import Changes, Outcome

MAX_BYTES = 50 * 1024 * 1024
ATTACHMENTS = "attachments"


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    entity: str
    entity_id: int
    filename: str
    kind: str
    sha256: str
    size: int
    added_at: datetime
    added_by: str


def add_in(s: Session, ws, entity: str, entity_id: int, filename: str, data: bytes, kind: str = "") -> int:
    """Store bytes (deduplicated by hash) and link them to a record, inside the caller's unit of work."""
    if len(data) > MAX_BYTES:
        raise DomainError("attachment.too_large", max_mb=MAX_BYTES // (1024 * 1024))
    if not data:
        raise DomainError("attachment.empty")
    digest = hashlib.sha256(data).hexdigest()
    if s.get(Blob, digest) is None:
        s.add(Blob(sha256=digest, size=len(data), data=data))
        s.flush()  # the blob row must exist before the attachment refers to it
    name = PurePath(filename.replace("\\", "/")).name[:255] or "file"
    att = Attachment(entity=entity, entity_id=entity_id, filename=name, kind=kind, sha256=digest, size=len(data),
                     added_at=ws.now(), added_by=ws.actor.username)
    s.add(att)
    s.flush()
    audit.record(s, ws.actor, "attachment.add", entity, entity_id,
                 after={"attachment": att.id, "filename": name, "sha256": digest}, at=ws.now())
    return att.id


def add(ws, entity: str, entity_id: int, filename: str, data: bytes, kind: str = "") -> Outcome[int]:
    require(ws.actor, Perm.EDIT_RECORDS)
    with ws.write() as uow:
        att_id = add_in(uow.session, ws, entity, entity_id, filename, data, kind)
        uow.commit()
    return Outcome(att_id, Changes.of(ATTACHMENTS))


def list_for(ws, entity: str, entity_id: int) -> list[AttachmentRow]:
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        rows = uow.session.scalars(select(Attachment).where(Attachment.entity == entity,
                                                            Attachment.entity_id == entity_id)
                                   .order_by(Attachment.id))
        return [AttachmentRow(a.id, a.entity, a.entity_id, a.filename, a.kind, a.sha256, a.size, a.added_at,
                              a.added_by) for a in rows]


def content(ws, attachment_id: int) -> tuple[str, bytes]:
    """(filename, bytes) — refused if the stored bytes no longer match their hash."""
    require(ws.actor, Perm.READ)
    with ws.read() as uow:
        att = uow.session.get(Attachment, attachment_id)
        if att is None:
            raise DomainError("record.missing", entity="attachment", id=attachment_id)
        blob = uow.session.get(Blob, att.sha256)
        data = blob.data if blob else b""
        if hashlib.sha256(data).hexdigest() != att.sha256:
            raise DomainError("attachment.damaged", filename=att.filename)
        return att.filename, data
