"""Issue, archive, verify and reprint printed documents (申请表, 备案书, 承诺书, 空间使用协议).

* ``preview`` renders without a serial or verification code and archives nothing.
* ``issue`` takes the next serial of the series (gap-free per year: the counter is bumped in the same
  transaction, so a refusal or crash leaves no hole), draws the verification code and its QR code in the
  footer, stores the PDF content-addressed in ``blobs``, writes the audit entry and commits once.
* ``reprint`` gives the archived bytes back (never a new rendering); ``verify_file`` matches a PDF by its
  SHA-256, else reads the code printed in it and says whether the content differs; ``verify_code`` checks a
  code read off paper.
* ``issue_batch`` issues many in one unit of work (all or nothing; cancel rolls back) and then writes one
  combined PDF or one file per record, each through a temporary file and an atomic rename.

Preview and single issue live in ``document_issue``, the archive (list, reprint, verify) in ``document_archive``;
this module keeps the batch machinery and re-exports every public name.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from ..db import models as m
from ..documents.pool import RenderPool, Task, worker_count
from ..documents.render import check
from ..documents.templates import Template, TemplateStore
from ..domain.errors import DomainError
from ..domain.roles import Perm, require
from ..fsutil import atomic_write_bytes
from . import audit
from . import document_data as dd
from .changes import Changes, Outcome
from .document_archive import (
    codes_in_pdf,
    count_issued,
    list_issued,
    normalise_code,
    reissue,
    reprint,
    verify_code,
    verify_file,
)
from .document_issue import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CODE_RE,
    DOCUMENTS,
    BatchResult,
    IssuedDoc,
    Progress,
    Verdict,
    _check_scope,
    _issue_record,
    _with_serial,
    fonts,
    forms,
    issue,
    new_code,
    page_count,
    preview,
    save_draft,
    template_store,
)
from .records import insert_ignore

PERIOD_KINDS = dd.PERIOD_KINDS  # the kinds that print a chosen month or week (``period_of``)

__all__ = ["ARCHIVE_CHUNK", "CODE_ALPHABET", "CODE_LENGTH", "CODE_RE", "DOCUMENTS", "PERIOD_KINDS", "POOL_MIN",
           "BatchResult", "IssuedDoc", "Progress", "Verdict", "codes_in_pdf", "combine", "count_issued", "file_name",
           "fonts", "forms", "issue", "issue_batch", "list_issued", "new_code", "normalise_code", "page_count",
           "preview", "record_ids", "reissue", "reprint", "save_draft", "template_store", "verify_code", "verify_file",
           "write_batch"]

# --- batch ---
POOL_MIN = 12  # below this many documents a batch renders in this process (starting workers costs ~0.5 s)


def _problems(recs: list[dd.RecordData], templates: dict[str, Template]) -> list[str]:
    """Every record whose text some character cannot be drawn for (or whose data is incomplete)."""
    problems = []
    for rec in recs:
        try:
            check(templates[rec.kind], rec.data)
        except DomainError as err:
            problems.append(_problem(rec, str(err.params.get("characters") or err.params.get("field") or err.code)))
    return problems


def _problem(rec: dd.RecordData, what: str) -> str:
    return f"{rec.title}：{what}"


def _refuse(problems: list[str]) -> None:
    if problems:
        raise DomainError("document.batch_problems", count=len(problems), problems="；".join(problems[:20]))


def issue_batch(ws, kind: str, record_ids: Sequence[int], out: Path, one_file: bool,  # noqa: ANN001
                progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                workers: int | None = None, period_of: date | None = None) -> Outcome[BatchResult]:
    """Issue one document per record, all or nothing, then write ``out``: one combined PDF (``one_file``) or
    a folder with one PDF per record. Problems of every record are reported before anything is committed;
    ``cancelled()`` returning True rolls everything back and writes no file (``document.cancelled``).
    ``period_of``: the rotas' month or week (see ``document_data.build``).

    From ``POOL_MIN`` documents on, the pages are drawn in worker processes (``workers``, default one per
    core) while this process reads the next records (in bulk) and numbers, archives and audits the drawn ones
    in its one transaction, in record order (``ARCHIVE_CHUNK`` at a time); ``progress(done, total)`` follows the
    documents as they come back drawn."""
    require(ws.actor, Perm.EDIT_RECORDS)
    if not record_ids:
        raise DomainError("document.nothing_to_issue")
    n_workers = workers or worker_count()
    with ws.write() as uow:
        s = uow.session
        store = template_store(s)
        if len(record_ids) >= POOL_MIN and n_workers > 1:
            docs = _issue_pooled(s, ws, store, kind, record_ids, n_workers, progress, cancelled, period_of)
        else:
            docs = _issue_here(s, ws, store, kind, record_ids, progress, cancelled, period_of)
        if cancelled is not None and cancelled():
            raise DomainError("document.cancelled")
        uow.commit()
    files = write_batch(docs, out, one_file)
    return Outcome(BatchResult(tuple(replace(d, pdf=b"") for d in docs), files), Changes.of(DOCUMENTS))


def _issue_here(s: Session, ws, store: TemplateStore, kind: str, record_ids: Sequence[int],  # noqa: ANN001
                progress: Progress | None, cancelled: Callable[[], bool] | None,
                period_of: date | None = None) -> list[IssuedDoc]:
    today = ws.today()
    recs = [dd.build(s, kind, rid, today, period_of) for rid in record_ids]
    for rec in recs:
        _check_scope(ws, Perm.EDIT_RECORDS, rec.community_ids)
    templates = {k: store.load(k) for k in {r.kind for r in recs}}
    _refuse(_problems(recs, templates))
    docs = []
    for i, rec in enumerate(recs):
        if cancelled is not None and cancelled():
            raise DomainError("document.cancelled")
        docs.append(_issue_record(s, ws, rec, templates[rec.kind]))
        if progress is not None:
            progress(i + 1, len(recs))
    return docs


class _Serials:
    """Serial numbers for a batch: each series' counter row is locked on first use (UPDATE), numbers are
    handed out in memory and the counter is set once at the end, in the batch's transaction."""

    def __init__(self, s: Session, year: int) -> None:
        self.s, self.year = s, year
        self.next: dict[str, int] = {}

    def take(self, kind: str) -> tuple[str, int, str]:
        series, label = dd.SERIES[kind]
        if series not in self.next:
            where = (m.DocumentCounter.series == series, m.DocumentCounter.year == self.year)
            self.s.execute(insert_ignore(self.s, m.DocumentCounter).values(series=series, year=self.year, last_seq=0))
            self.s.execute(update(m.DocumentCounter).where(*where).values(last_seq=m.DocumentCounter.last_seq))
            self.next[series] = (self.s.scalar(select(m.DocumentCounter.last_seq).where(*where)) or 0) + 1
        seq = self.next[series]
        self.next[series] = seq + 1
        return series, seq, f"{label}〔{self.year}〕{seq}号"

    def close(self) -> None:
        for series, nxt in self.next.items():
            self.s.execute(update(m.DocumentCounter).where(m.DocumentCounter.series == series,
                                                           m.DocumentCounter.year == self.year)
                           .values(last_seq=nxt - 1))


def _unused_codes(s: Session, n: int) -> list[str]:
    """``n`` distinct codes no issued document carries (checked in chunks, not one query per code)."""
    codes: list[str] = []
    while len(codes) < n:
        fresh = list(dict.fromkeys(c for c in (new_code() for _ in range(n - len(codes))) if c not in codes))
        taken: set[str] = set()
        for k in range(0, len(fresh), 500):
            taken |= set(s.scalars(select(m.IssuedDocument.code).where(m.IssuedDocument.code.in_(fresh[k:k + 500]))))
        codes += [c for c in fresh if c not in taken]
    return codes


def _issue_pooled(s: Session, ws, store: TemplateStore, kind: str, record_ids: Sequence[int],  # noqa: ANN001
                  workers: int, progress: Progress | None, cancelled: Callable[[], bool] | None,
                  period_of: date | None = None) -> list[IssuedDoc]:
    """Every record is read and handed to the workers first (they draw while the rest are read; reading before
    any PDF is written keeps SQLite's page cache for the records), then the drawn documents are archived in
    record order; the problems of every record are collected and refused before the commit."""
    now, today = ws.now(), ws.today()  # stamped in UTC; dated and numbered by the office's day and year
    serials = _Serials(s, today.year)
    codes = _unused_codes(s, len(record_ids))
    templates: dict[str, Template] = {}
    recs: list[tuple[dd.RecordData, tuple[str, int, str]]] = []

    def tasks() -> Iterator[Task]:
        for i, rec in enumerate(dd.build_many(s, kind, record_ids, today, period_of)):  # read in bulk, a chunk at a time
            _check_scope(ws, Perm.EDIT_RECORDS, rec.community_ids)
            template = templates.get(rec.kind) or templates.setdefault(rec.kind, store.load(rec.kind))
            numbered = serials.take(rec.kind)
            recs.append((rec, numbered))
            yield Task(i, template, _with_serial(rec, numbered[2]), codes[i])

    docs: list[IssuedDoc] = []
    problems: list[str] = []
    drawn: list[_Drawn] = []
    with RenderPool(workers) as pool:
        for done in pool.run(tasks(), cancelled):
            rec, numbered = recs[done.index]
            if done.problem:
                problems.append(_problem(rec, done.problem))
            elif not problems:
                drawn.append((rec, templates[rec.kind], numbered, codes[done.index], done.pdf))
                if len(drawn) == ARCHIVE_CHUNK:
                    docs += _archive_many(s, ws, drawn, now, today.year)
                    drawn = []
            if progress is not None:
                progress(done.index + 1, len(record_ids))
            if cancelled is not None and cancelled():
                raise DomainError("document.cancelled")
    _refuse(problems)  # nothing is committed: the serials taken above roll back with the rest
    docs += _archive_many(s, ws, drawn, now, today.year)
    serials.close()
    return docs


ARCHIVE_CHUNK = 50  # drawn documents archived together: one statement each for blobs, audit and issued rows
_Drawn = tuple[dd.RecordData, Template, tuple[str, int, str], str, bytes]  # record, template, numbered, code, pdf


def _archive_many(s: Session, ws, drawn: Sequence[_Drawn], now: datetime,  # noqa: ANN001
                  year: int) -> list[IssuedDoc]:
    """``_archive`` for many documents in record order, with one executemany per table and no ORM objects: the
    blobs (content-addressed), the audit entries (``audit.record_many``: the same chain, entry for entry, as
    ``audit.record`` one at a time with the same stamp) and the issued-document rows."""
    if not drawn:
        return []
    digests = [hashlib.sha256(pdf).hexdigest() for *_, pdf in drawn]
    blobs = {d: pdf for d, (*_, pdf) in zip(digests, drawn, strict=True)}
    s.execute(insert_ignore(s, m.Blob), [{"sha256": d, "size": len(pdf), "data": pdf} for d, pdf in blobs.items()])
    seqs = audit.record_many(s, ws.actor, [
        ("document.issue", rec.entity, rec.entity_id, None, {
            "serial": serial, "kind": rec.kind, "code": code, "sha256": digest, "template_version": t.version,
            "template_origin": t.origin, "template_sha256": t.digest})
        for (rec, t, (_, _, serial), code, _), digest in zip(drawn, digests, strict=True)], at=now)
    rows = [{"serial": serial, "series": series, "year": year, "seq": seq, "kind": rec.kind, "entity": rec.entity,
             "entity_id": rec.entity_id, "community_id": rec.community_ids[0] if rec.community_ids else None,
             "title": rec.title[:300], "template_version": t.version, "template_origin": t.origin,
             "template_sha256": t.digest, "content_sha256": digest, "size": len(pdf), "pages": page_count(pdf),
             "code": code, "issued_by": ws.actor.username, "issued_at": now, "audit_seq": audit_seq}
            for (rec, t, (series, seq, serial), code, pdf), digest, audit_seq in zip(drawn, digests, seqs, strict=True)]
    ids = s.scalars(insert(m.IssuedDocument).returning(m.IssuedDocument.id, sort_by_parameter_order=True), rows).all()
    return [IssuedDoc(i, r["serial"], r["kind"], r["entity"], r["entity_id"], r["title"], r["template_version"],
                      r["template_origin"], r["template_sha256"], r["content_sha256"], r["size"], r["pages"], r["code"],
                      r["issued_by"], r["issued_at"], r["audit_seq"], pdf)
            for i, r, (*_, pdf) in zip(ids, rows, drawn, strict=True)]


def combine(pdfs: Sequence[bytes]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def file_name(doc: IssuedDoc) -> str:
    name = re.sub(r'[\\/:*?"<>|\s\x00-\x1f]+', "_", f"{doc.serial}_{doc.title}")
    return name[:120] + ".pdf"


def write_batch(docs: Sequence[IssuedDoc], out: Path, one_file: bool) -> tuple[Path, ...]:
    if one_file:
        return (atomic_write_bytes(out, combine([d.pdf for d in docs])),)
    out.mkdir(parents=True, exist_ok=True)
    if len(docs) < 8:
        return tuple(atomic_write_bytes(out / file_name(d), d.pdf) for d in docs)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as writers:  # each file is fsynced: overlap the waits
        return tuple(writers.map(lambda d: atomic_write_bytes(out / file_name(d), d.pdf), docs))


def record_ids(ws, kind: str, community_id: int | None = None, state: str = "") -> list[int]:  # noqa: ANN001
    """The records a batch of ``kind`` would cover (scoped to the actor's communities), oldest first."""
    require(ws.actor, Perm.READ)
    if kind in dd.EXTRA:  # notices, exit notices, fund documents, rota: their own filters
        return dd.record_ids(ws, kind, community_id, state)
    scope = ws.actor.community_ids if ws.actor.is_scoped else None
    if dd.entity_of(kind) == "partner":
        q = select(m.Partner.id).order_by(m.Partner.id)
        if state:
            q = q.where(m.Partner.state == state)
        if kind in ("filing", "commitment", "commitment_org", "commitment_individual"):
            q = q.where(m.Partner.filing_no.is_not(None))
        for ids in ([community_id] if community_id is not None else None, scope):
            if ids is not None:
                q = q.where(m.Partner.id.in_(select(m.PartnerCommunity.partner_id)
                                             .where(m.PartnerCommunity.community_id.in_(ids))))
    else:
        q = select(m.Agreement.id).join(m.Space, m.Space.id == m.Agreement.space_id).order_by(m.Agreement.id)
        if state:
            q = q.where(m.Agreement.state == state)
        if community_id is not None:
            q = q.where(m.Space.community_id == community_id)
        if scope is not None:
            q = q.where(m.Space.community_id.in_(scope))
    with ws.read() as uow:
        ids = list(uow.session.scalars(q))
        if kind in ("commitment_org", "commitment_individual"):
            ids = [i for i in ids if _fits(uow.session, kind, i)]
        return ids


def _fits(s: Session, kind: str, partner_id: int) -> bool:
    try:
        dd.partner_record(s, kind, partner_id, date.today())
    except DomainError:
        return False
    return True
