"""Record data for the printed documents: a partner or an agreement read from the database as the plain dict
the templates in ``forms/`` name (``partner.name``, ``agreement.supplements`` ...). No rendering here.

Personal numbers go in unmasked; the template decides what prints masked (``fill.Filler``).

The builders live by kind family: ``document_data_partners`` (partners, agreements), ``document_data_notices``
(recruitment and exit notices, project approval) and ``document_data_funds`` (fund documents, duty rota and the
``EXTRA`` registry); every public name stays importable from here."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from sqlalchemy.orm import Session

from ..domain.errors import DomainError
from .document_data_funds import (
    EXTRA,
    KINDS,
    PERIOD_KINDS,
    disclosure_record,
    period_label,
    receipt_record,
    record_ids,
    rota_builder,
    rota_period,
    voucher_record,
)
from .document_data_notices import (
    APP_STATE_ZH,
    APPLICANT_ZH,
    DEFAULT_BENEFITS,
    DONOR_ZH,
    EXIT_ZH,
    PUBLICITY_DAYS,
    ROLE_ZH,
    STEP_ZH,
    WEEKDAY_ZH,
    Kind,
    approval_record,
    exit_record,
    notice_record,
)
from .document_data_partners import (
    AGREEMENT_KINDS,
    COMMITMENT,
    MODE_ZH,
    PARTNER_KINDS,
    PAYER_ZH,
    PENDING_NUMBER,
    SERIES,
    RecordData,
    agreement_record,
    partner_record,
    partner_records,
)

__all__ = ["AGREEMENT_KINDS", "APPLICANT_ZH", "APP_STATE_ZH", "BATCH_CHUNK", "COMMITMENT", "DEFAULT_BENEFITS", "DONOR_ZH", "EXIT_ZH", "EXTRA", "KINDS", "Kind", "MODE_ZH", "PARTNER_KINDS", "PAYER_ZH", "PERIOD_KINDS", "PENDING_NUMBER", "PUBLICITY_DAYS", "ROLE_ZH", "RecordData", "SERIES", "STEP_ZH", "WEEKDAY_ZH", "agreement_record", "approval_record", "build", "build_many", "disclosure_record", "entity_of", "exit_record", "notice_record", "partner_record", "partner_records", "period_label", "receipt_record", "record_ids", "rota_builder", "rota_period", "voucher_record"]


def entity_of(kind: str) -> str:
    if kind in PARTNER_KINDS or kind == COMMITMENT:
        return "partner"
    if kind in AGREEMENT_KINDS:
        return "agreement"
    if kind in EXTRA:
        return EXTRA[kind].entity
    raise DomainError("template.unknown", kind=kind)


def _period_args(kind: str, period_of: date | None) -> tuple[date, ...]:
    """``period_of`` for a kind that covers a chosen month or week (PERIOD_KINDS); any other kind refuses one."""
    if period_of is None:
        return ()
    if kind not in PERIOD_KINDS:
        raise DomainError("document.no_period", kind=kind)
    return (period_of,)


def build(s: Session, kind: str, record_id: int, today: date, period_of: date | None = None) -> RecordData:
    """The data of one document dated ``today``. ``period_of``: for a rota, a day of the month (or week) it covers
    (default: today's)."""
    period = _period_args(kind, period_of)
    if kind in EXTRA:
        return EXTRA[kind].build(s, record_id, today, *period)
    if entity_of(kind) == "partner":
        return partner_record(s, kind, record_id, today)
    return agreement_record(s, record_id, today)


# --- partners, many at once (batches): the same dicts as partner_record, read with a few IN queries per chunk ---
BATCH_CHUNK = 200


def build_many(s: Session, kind: str, record_ids: Sequence[int], today: date,
               period_of: date | None = None) -> Iterator[RecordData]:
    """``build`` for each id in order (the first record that cannot be built raises, as ``build`` would): the
    partner kinds are read a chunk at a time in bulk, the others one by one."""
    _period_args(kind, period_of)
    if kind in EXTRA or entity_of(kind) != "partner":
        for rid in record_ids:
            yield build(s, kind, rid, today, period_of)
        return
    for k in range(0, len(record_ids), BATCH_CHUNK):
        yield from partner_records(s, kind, record_ids[k:k + BATCH_CHUNK], today)

