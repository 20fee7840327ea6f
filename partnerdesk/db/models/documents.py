"""Issued documents: the archive of every printed form (content-addressed PDF bytes in ``blobs``), their
gap-free serial numbers per series and year, and the short verification code printed in the footer; and the
office's own template versions, kept in the database so every desktop of a shared server prints the same."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from . import partners as _partners  # noqa: F401 - the blobs table must be known for the foreign key
from .base import Base, utcnow


class IssuedDocument(Base):
    """One issued document. Never edited: a reprint gives the archived bytes back."""

    __tablename__ = "issued_documents"
    __table_args__ = (UniqueConstraint("series", "year", "seq", name="issued_series_year_seq"),
                      Index("ix_issued_documents_entity", "entity", "entity_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    serial: Mapped[str] = mapped_column(String(64), unique=True)  # e.g. 承诺书〔2026〕15号
    series: Mapped[str] = mapped_column(String(32))  # the numbering series (both commitment kinds share one)
    year: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(32), index=True)  # template kind, e.g. commitment_org
    entity: Mapped[str] = mapped_column(String(32))  # partner / agreement
    entity_id: Mapped[int] = mapped_column(Integer)
    community_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)  # scope of the record
    title: Mapped[str] = mapped_column(String(300), default="")  # the record's name, for lists
    template_version: Mapped[str] = mapped_column(String(32))
    template_origin: Mapped[str] = mapped_column(String(16))  # shipped / office
    template_sha256: Mapped[str] = mapped_column(String(64))
    content_sha256: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"), index=True)
    size: Mapped[int] = mapped_column(Integer)
    pages: Mapped[int] = mapped_column(Integer, default=1)
    code: Mapped[str] = mapped_column(String(16), unique=True)  # verification code in the footer and QR
    issued_by: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    audit_seq: Mapped[int] = mapped_column(Integer)  # the audit entry written in the same transaction


class DocumentCounter(Base):
    """Gap-free serial numbers per series and year (incremented under the row lock of the issuing commit)."""

    __tablename__ = "document_counters"
    series: Mapped[str] = mapped_column(String(32), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class OfficeTemplate(Base):
    """One office version of a template (the whole template as JSON), never edited or deleted. At most one
    version of a kind is ``active`` (documents print from it; none: the shipped template); ``number`` is the
    ``n`` of "<shipped>-office.<n>", never reused for a kind, so a version names one text."""

    __tablename__ = "office_templates"
    __table_args__ = (UniqueConstraint("kind", "number", name="office_template_kind_number"),
                      Index("ix_office_templates_active_kind", "kind", unique=True,
                            sqlite_where=text("active"), postgresql_where=text("active")))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    number: Mapped[int] = mapped_column(Integer)
    version: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)  # the template JSON, UTF-8 text exactly as its SHA-256 was taken
    sha256: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(Boolean, default=False)
    saved_by: Mapped[str] = mapped_column(String(64))
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    source: Mapped[str] = mapped_column(String(200), default="")  # "" (the editor) or the desktop file it was adopted from
