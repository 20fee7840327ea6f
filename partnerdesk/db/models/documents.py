"""Issued documents: the archive of every printed form (content-addressed PDF bytes in ``blobs``), their
gap-free serial numbers per series and year, and the short verification code printed in the footer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
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
