"""Helpers for the spreadsheet renderer tests: valid identity numbers, lookups, workbooks built in memory."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import openpyxl
from stdnum.cn import ric
from stdnum.cn import uscc as stdnum_uscc

from partnerdesk.domain.partners import GROUP, INDIVIDUAL, ORGANISATION, PartnerType
from partnerdesk.reports.partner_import import COLUMNS, Lookups

TYPES = [PartnerType("enterprise", "企业", ORGANISATION), PartnerType("social_group", "社会团体", ORGANISATION),
         PartnerType("volunteer_team", "志愿服务队", GROUP), PartnerType("resident_talent", "居民能人", INDIVIDUAL)]
COMMUNITIES = {"石油路社区": 1, "大坪社区": 2, "𠈌溪社区😀": 3}
DOMAINS = {"养老": "elderly", "便民服务": "convenience", "托育": "childcare"}
ZH_HEADERS = [zh for zh, _ in COLUMNS.values()]


def make_uscc(seq: int, prefix: str = "91500000") -> str:
    body = f"{prefix}{seq:09d}"
    return body + stdnum_uscc.calc_check_digit(body)


def make_id(seq: int, birth: str | None = None, region: str = "110101") -> str:
    """A valid resident ID, distinct for each seq (the birth date moves on every 1,000)."""
    birth = birth or (date(1960, 1, 1) + timedelta(days=seq // 1000)).strftime("%Y%m%d")
    body = f"{region}{birth}{seq % 1000:03d}"
    return body + ric.calc_check_digit(body + "0")


def lookups(**kw) -> Lookups:
    return Lookups({t.label: t for t in TYPES}, DOMAINS, COMMUNITIES, **kw)


def xlsx_bytes(rows: Iterable[Sequence[object]], *, title: str = "合伙人", write_only: bool = False) -> bytes:
    wb = openpyxl.Workbook(write_only=write_only)
    ws = wb.create_sheet(title) if write_only else wb.active
    if not write_only:
        ws.title = title
    for row in rows:
        ws.append(list(row))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def row(**fields: object) -> list[object]:
    """One template row, by column key."""
    return [fields.get(key) for key in COLUMNS]
