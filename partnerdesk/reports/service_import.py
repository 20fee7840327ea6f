"""Service-record import (typed-up paper sign-in sheets): a Table read by xlsx_safe -> rows with problems.

Pure: the caller passes what the file refers to (``Lookups``: partners by name and filing number, agreements
by number, dictionaries). ``referenced`` tells the caller which names and numbers to look up. The rules the
database must check (partner serving, agreement term, scope, duplicates) are the service's job.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .import_cells import as_text, lookup_key
from .service_template import COLUMNS, REQUIRED, TEXT_COLUMNS, build_template  # noqa: F401 re-export
from .xlsx_safe import CellError, Formula, RawRow, Table, normalise_header

Problem = tuple[str, dict]

ALIASES = {"服务日期": "date", "人次": "people", "时长": "hours", "时长(h)": "hours", "服务时长(小时)": "hours",
           "服务地点": "place", "合伙人": "partner", "空间使用协议编号": "agreement"}
KIND_LABELS = {"免费": "free", "低偿": "low_fee", "有偿": "paid", "free": "free", "low_fee": "low_fee",
               "low fee": "low_fee", "paid": "paid"}
_MARK = re.compile(r"\s*(\*|\(必填\)|\(required\))\s*$", re.IGNORECASE)
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_INT = re.compile(r"[+]?\d+")
_HOURS = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_TITLE_ROWS = 3
MAX_HOURS_DECIMALS = 2
_HEADER_KEYS = {**{normalise_header(zh): k for k, (zh, _) in COLUMNS.items()},
                **{en.casefold(): k for k, (_, en) in COLUMNS.items()},
                **{normalise_header(a): k for a, k in ALIASES.items()}}


def header_key(header: str) -> str | None:
    text = _MARK.sub("", normalise_header(header))
    return _HEADER_KEYS.get(text) or _HEADER_KEYS.get(text.casefold())


@dataclass(frozen=True)
class Lookups:
    partners_by_name: Mapping[str, tuple[int, ...]]  # lookup_key(name) -> ids (several: ambiguous)
    partners_by_filing: Mapping[str, int]  # lookup_key(filing number) -> id
    agreements: Mapping[str, tuple[int, int]]  # lookup_key(number) -> (agreement id, partner id)
    domains: Mapping[str, str]  # label or code -> code
    communities: Mapping[str, int]  # community name -> id


@dataclass(frozen=True)
class ParsedService:
    """The fields of services.service_records.ServiceInput, read from one row."""

    partner_id: int
    on_date: date
    kind: str
    people: int
    minutes: int = 0
    domain: str = ""
    place: str = ""
    notes: str = ""
    agreement_id: int | None = None
    community_id: int | None = None


@dataclass(frozen=True)
class ServiceRowResult:
    row_no: int
    partner: str  # as written in the file
    parsed: ParsedService | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ServicePreview:
    header_problems: tuple[Problem, ...]
    rows: tuple[ServiceRowResult, ...]
    sheet: str = ""
    header_row: int = 1
    columns: tuple[str, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.header_problems and bool(self.rows) and all(r.ok for r in self.rows)

    @property
    def rejected(self) -> tuple[ServiceRowResult, ...]:
        return tuple(r for r in self.rows if r.problems)

    def with_problems(self, extra: Mapping[int, list[Problem]]) -> ServicePreview:
        """The same preview with more problems on rows (by index in ``rows``)."""
        rows = tuple(replace(r, problems=r.problems + tuple(extra[i])) if extra.get(i) else r
                     for i, r in enumerate(self.rows))
        return replace(self, rows=rows)


@dataclass(frozen=True)
class Referenced:
    names: frozenset[str]
    filing_nos: frozenset[str]
    agreement_numbers: frozenset[str]


# --- layout -----------------------------------------------------------------------------------------------

def _layout(table: Table) -> tuple[int, dict[str, int], list[Problem], list[RawRow]]:
    header_row, headers, body = table.header_row, table.headers, table.rows
    if not _usable(headers):
        for i, raw in enumerate(table.rows[:_TITLE_ROWS]):
            candidate = [normalise_header(c) for c in raw.cells]
            if _usable(candidate):
                header_row, headers, body = raw.row_no, candidate, table.rows[i + 1:]
                break
    colmap: dict[str, int] = {}
    problems: list[Problem] = []
    for index, header in enumerate(headers):
        if not header or header.casefold() in ("序号", "no.", "no", "#"):
            continue
        key = header_key(header)
        if key is None:
            problems.append(("import.unknown_column", {"column": header}))
        elif key in colmap:
            problems.append(("import.duplicate_column", {"column": header}))
        else:
            colmap[key] = index
    problems += [("import.missing_column", {"column": COLUMNS[k][0]}) for k in REQUIRED if k not in colmap]
    if "partner" not in colmap and "filing_no" not in colmap:
        problems.append(("service_import.partner_column", {}))
    if not problems and not body:
        problems.append(("import.empty", {}))
    return header_row, colmap, problems, body


def _usable(headers: list[str]) -> bool:
    keys = {header_key(h) for h in headers}
    return set(REQUIRED) <= keys and bool(keys & {"partner", "filing_no"})


def _cell(raw: RawRow, colmap: dict[str, int], key: str) -> object:
    index = colmap.get(key)
    value = raw.cells[index] if index is not None and index < len(raw.cells) else None
    return None if value is None or (type(value) is str and not value.strip()) else value


def referenced(table: Table) -> Referenced:
    """The partner names, filing numbers and agreement numbers a sheet mentions (to look them up)."""
    _, colmap, _, body = _layout(table)
    found: dict[str, set[str]] = {"partner": set(), "filing_no": set(), "agreement": set()}
    for raw in body:
        for key, values in found.items():
            value = _cell(raw, colmap, key)
            if value is not None and not isinstance(value, (Formula, CellError)):
                values.add(" ".join(as_text(value).split()))
    return Referenced(frozenset(found["partner"]), frozenset(found["filing_no"]), frozenset(found["agreement"]))


def parse_services(table: Table, lookups: Lookups) -> ServicePreview:
    """Every row read and checked against the lookups; never raises on content."""
    header_row, colmap, problems, body = _layout(table)
    if problems:
        return ServicePreview(tuple(problems), (), table.sheet, header_row)
    reader = _RowReader(colmap, lookups)
    rows = tuple(reader.parse(raw) for raw in body)
    columns = tuple(k for k, _ in sorted(colmap.items(), key=lambda kv: kv[1]))
    return ServicePreview((), rows, table.sheet, header_row, columns)


# --- rows ---------------------------------------------------------------------------------------------------

class _RowReader:
    def __init__(self, colmap: dict[str, int], lookups: Lookups) -> None:
        self.colmap = colmap
        self.lk = lookups
        self.domains = {lookup_key(k): v for k, v in {**{v: v for v in lookups.domains.values()},
                                                      **lookups.domains}.items()}
        self.communities = {lookup_key(k): v for k, v in lookups.communities.items()}
        self.kinds = {lookup_key(k): v for k, v in KIND_LABELS.items()}

    def parse(self, raw: RawRow) -> ServiceRowResult:
        try:
            return self._parse(raw)
        except Exception as err:  # a bug must not abort the preview: report it on the row
            return ServiceRowResult(raw.row_no, "", None, (("import.row_failed", {"detail": type(err).__name__}),))

    def _parse(self, raw: RawRow) -> ServiceRowResult:
        self.problems: list[Problem] = []
        self.raw = raw
        partner_id = self.partner()
        label = " ".join(as_text(_cell(raw, self.colmap, "partner") or _cell(raw, self.colmap, "filing_no")).split())
        values = {"on_date": self.date(), "kind": self.kind(), "people": self.people(), "minutes": self.minutes(),
                  "domain": self.choice("domain", self.domains, "import.unknown_domain"), "place": self.text("place"),
                  "notes": self.text("notes"), "agreement_id": self.agreement(partner_id),
                  "community_id": self.choice("community", self.communities, "import.unknown_community", "社区")}
        if self.problems or partner_id is None:
            return ServiceRowResult(raw.row_no, label, None, tuple(self.problems))
        return ServiceRowResult(raw.row_no, label, ParsedService(partner_id=partner_id, **values))

    def add(self, code: str, key: str, **params: object) -> None:
        if key:
            params["column"] = COLUMNS[key][0]
        self.problems.append((code, params))

    def value(self, key: str) -> object:
        value = _cell(self.raw, self.colmap, key)
        if isinstance(value, Formula):
            self.add("import.formula", key, formula=str(value)[:80])
            return None
        if isinstance(value, CellError):
            self.add("import.error_cell", key, value=str(value))
            return None
        return value

    def text(self, key: str) -> str:
        return " ".join(as_text(self.value(key)).split()) if key in self.colmap else ""

    def required(self, key: str) -> object:
        if _cell(self.raw, self.colmap, key) is None:
            self.add("import.required", key)
            return None
        return self.value(key)

    def partner(self) -> int | None:
        name, filing = self.text("partner"), self.text("filing_no")
        by_filing = self.lk.partners_by_filing.get(lookup_key(filing)) if filing else None
        if filing and by_filing is None:
            self.add("service_import.unknown_filing", "filing_no", number=filing)
            return None
        if not name:
            if by_filing is None:
                self.add("service_import.partner_required", "partner")
            return by_filing
        ids = self.lk.partners_by_name.get(lookup_key(name), ())
        if by_filing is not None:
            if ids and by_filing not in ids:
                self.add("service_import.filing_mismatch", "filing_no", number=filing, name=name)
            return by_filing
        if not ids:
            self.add("service_import.unknown_partner", "partner", name=name)
            return None
        if len(ids) > 1:
            self.add("service_import.ambiguous_partner", "partner", name=name, count=len(ids))
            return None
        return ids[0]

    def date(self) -> date | None:
        value = self.required("date")
        if value is None:
            return None
        if isinstance(value, datetime):
            return value.date()
        if isinstance(value, date):
            return value
        parsed = _parse_date(value) if isinstance(value, str) else None
        if parsed is None:
            self.add("import.bad_date", "date", value=as_text(value))
        return parsed

    def kind(self) -> str:
        value = self.required("kind")
        if value is None:
            return ""
        kind = self.kinds.get(lookup_key(as_text(value)))
        if kind is None:
            self.add("service_import.bad_kind", "kind", value=as_text(value))
        return kind or ""

    def people(self) -> int:
        value = self.required("people")
        if value is None:
            return 0
        number = _whole(value)
        if number is None or number < 0:
            self.add("service_import.bad_people", "people", value=as_text(value))
            return 0
        return number

    def minutes(self) -> int:
        value = self.value("hours")
        if value is None:
            return 0
        hours = _decimal(value)
        if hours is None or hours < 0 or hours.as_tuple().exponent < -MAX_HOURS_DECIMALS:
            self.add("service_import.bad_hours", "hours", value=as_text(value))
            return 0
        return int((hours * 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))

    def choice(self, key: str, index: Mapping[str, object], unknown: str, suffix: str = "") -> object:
        text = self.text(key)
        if not text:
            return "" if key == "domain" else None
        found = index.get(lookup_key(text), index.get(lookup_key(text + suffix)) if suffix else None)
        if found is None:
            self.add(unknown, key, name=text)
        return found if found is not None else ("" if key == "domain" else None)

    def agreement(self, partner_id: int | None) -> int | None:
        number = self.text("agreement")
        if not number:
            return None
        found = self.lk.agreements.get(lookup_key(number))
        if found is None:
            self.add("service_import.unknown_agreement", "agreement", number=number)
            return None
        if partner_id is not None and found[1] != partner_id:
            self.add("service_import.agreement_other_partner", "agreement", number=number)
        return found[0]


def _nfkc(value: object) -> str:
    return unicodedata.normalize("NFKC", as_text(value)).strip()


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = _nfkc(value).replace(",", "")
    return int(text) if _INT.fullmatch(text) else None


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool):
        return None
    text = repr(value) if isinstance(value, float) else _nfkc(value)
    if not _HOURS.fullmatch(text):
        return None
    try:
        return Decimal(text).normalize() if "." in text else Decimal(text)
    except InvalidOperation:
        return None


def _parse_date(text: str) -> date | None:
    match = _DATE.fullmatch(_nfkc(text))
    if not match:
        return None
    try:
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day) if 1900 <= year <= 2199 else None
    except ValueError:
        return None
