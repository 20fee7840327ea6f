"""Partner import: a Table read by xlsx_safe -> a preview with every problem of every row.

Pure: the caller passes the dictionaries and the numbers already registered (``Lookups``); nothing here
touches the database. Imports are all-or-nothing: ``ImportPreview.require_ok()`` returns the inputs only
when no row and no header has a problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from ..domain.errors import DomainError
from ..domain.ids import normalise_mobile, parse_resident_id, parse_uscc
from ..domain.masking import mask_resident_id
from ..domain.partners import GROUP, MAX_NAME, ORGANISATION, SO_GRADES, PartnerInput, PartnerType, validate
from ..domain.text import clean_text, normalise_code
from .import_cells import as_text, lookup_key  # noqa: F401 re-export
from .xlsx_safe import CellError, Formula, RawRow, Table, normalise_header

Problem = tuple[str, dict]  # (message code, params); params["column"] names the column when there is one

# Template columns in order: key -> (Chinese header, English header). The Chinese headers are exact.
COLUMNS: dict[str, tuple[str, str]] = {
    "type": ("合伙人类型", "Type"),
    "name": ("名称", "Name"),
    "uscc": ("统一社会信用代码", "USCC"),
    "id_number": ("身份证号码", "Resident ID"),
    "legal_rep": ("法定代表人/负责人", "Legal representative"),
    "contact_name": ("联系人", "Contact"),
    "contact_mobile": ("联系电话", "Mobile"),
    "address": ("地址", "Address"),
    "communities": ("服务社区", "Communities"),
    "domains": ("服务领域", "Domains"),
    "skills": ("技能特长", "Skills"),
    "so_grade": ("社会组织等级", "SO grade"),
    "grade_until": ("等级有效期至", "Grade valid until"),
    "notes": ("备注", "Notes"),
}
REQUIRED = frozenset({"type", "name", "communities"})
TEXT_COLUMNS = ("uscc", "id_number", "contact_mobile")  # formatted as text in the template
_SEPARATORS = re.compile(r"[、,，;；\n]+")
_HEADER_KEYS = {**{zh: k for k, (zh, _) in COLUMNS.items()}, **{en.casefold(): k for k, (_, en) in COLUMNS.items()}}
_REQUIRED_MARK = re.compile(r"\s*(\*|\(必填\)|\(required\))\s*$", re.IGNORECASE)
_TITLE_ROWS = 3  # the header row may sit under up to this many title lines
_IGNORED_HEADERS = {"序号", "no.", "no", "#"}
_CODE_COLUMN = {"uscc": "uscc", "resident_id": "id_number", "mobile": "contact_mobile", "partner": ""}
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


def header_key(header: str) -> str | None:
    """The column key for a header (Chinese exact, English case-insensitive; a trailing * or （必填） is allowed)."""
    text = _REQUIRED_MARK.sub("", normalise_header(header))
    return _HEADER_KEYS.get(text) or _HEADER_KEYS.get(text.casefold())


@dataclass(frozen=True)
class Lookups:
    """Dictionaries and registered numbers the import is checked against. Keys are labels as shown."""

    partner_types: Mapping[str, PartnerType]  # label -> type (the type's code is accepted too)
    domains: Mapping[str, str]  # service-domain label -> code (the code is accepted too)
    communities: Mapping[str, int]  # community name -> id
    existing_uscc: frozenset[str] = frozenset()  # live partners' credit codes, as stored (normalised)
    existing_ids: frozenset[str] = frozenset()  # live partners' resident ID numbers, as stored
    so_grades: tuple[str, ...] = SO_GRADES


@dataclass(frozen=True)
class RowResult:
    row_no: int
    name: str
    input: PartnerInput | None  # validated and normalised; None when the row has a problem
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ImportPreview:
    header_problems: tuple[Problem, ...]
    rows: tuple[RowResult, ...]
    sheet: str = ""
    header_row: int = 1
    columns: tuple[str, ...] = field(default=())  # the template columns recognised, in file order

    @property
    def ok(self) -> bool:
        return not self.header_problems and bool(self.rows) and all(r.ok for r in self.rows)

    @property
    def valid_inputs(self) -> tuple[PartnerInput, ...]:
        return tuple(r.input for r in self.rows if r.input is not None)

    @property
    def rejected(self) -> tuple[RowResult, ...]:
        return tuple(r for r in self.rows if r.problems)

    @property
    def problem_count(self) -> int:
        return len(self.header_problems) + sum(len(r.problems) for r in self.rows)

    def require_ok(self) -> tuple[PartnerInput, ...]:
        """All or nothing: every input, or DomainError ``import.rejected`` when anything has a problem."""
        if self.header_problems:
            code, params = self.header_problems[0]
            raise DomainError(code, **params)
        if not self.ok:
            raise DomainError("import.rejected", rows=len(self.rejected), total=len(self.rows))
        return self.valid_inputs


def parse_partners(table: Table, lookups: Lookups) -> ImportPreview:
    """Check every row of ``table`` against the template columns and the domain rules. Never raises on content.

    Benchmark note: 5,000 rows parse in about 0.4 s on the 2-core reference machine (reading the .xlsx with
    read_table takes about as long again); tests/unit/reports asserts read + parse under 5 s.
    """
    header_row, headers, body = _find_header(table)
    colmap, problems = _map_columns(headers)
    problems += _unnamed_columns(headers, body)
    if not problems and not body:
        problems.append(("import.empty", {}))
    if problems:
        return ImportPreview(tuple(problems), (), table.sheet, header_row)
    parser = _RowParser(colmap, lookups)
    rows = tuple(parser.parse(raw) for raw in body)
    columns = tuple(k for k, _ in sorted(colmap.items(), key=lambda kv: kv[1]))
    return ImportPreview((), rows, table.sheet, header_row, columns)


# --- headers ----------------------------------------------------------------------------------------------

def _find_header(table: Table) -> tuple[int, list[str], list[RawRow]]:
    """The declared header row, or one of the next few rows when the file starts with a title line."""
    if _has_required(table.headers):
        return table.header_row, table.headers, table.rows
    for i, raw in enumerate(table.rows[:_TITLE_ROWS]):
        headers = [normalise_header(c) for c in raw.cells]
        if _has_required(headers):
            return raw.row_no, headers, table.rows[i + 1:]
    return table.header_row, table.headers, table.rows


def _has_required(headers: list[str]) -> bool:
    return REQUIRED <= {header_key(h) for h in headers}


def _map_columns(headers: list[str]) -> tuple[dict[str, int], list[Problem]]:
    colmap: dict[str, int] = {}
    problems: list[Problem] = []
    for index, header in enumerate(headers):
        if not header or header.casefold() in _IGNORED_HEADERS:
            continue
        key = header_key(header)
        if key is None:
            problems.append(("import.unknown_column", {"column": header}))
        elif key in colmap:
            problems.append(("import.duplicate_column", {"column": header}))
        else:
            colmap[key] = index
    for key in COLUMNS:
        if key in REQUIRED and key not in colmap:
            problems.append(("import.missing_column", {"column": COLUMNS[key][0]}))
    return colmap, problems


def _unnamed_columns(headers: list[str], body: list[RawRow]) -> list[Problem]:
    """Values under a column without a header would be lost silently: refuse them."""
    from openpyxl.utils import get_column_letter

    named = {i for i, h in enumerate(headers) if h}
    found: set[int] = set()
    for raw in body:
        found.update(i for i, v in enumerate(raw.cells) if i not in named and v is not None and str(v).strip())
    return [("import.unnamed_column", {"column": get_column_letter(i + 1)}) for i in sorted(found)]


# --- rows ---------------------------------------------------------------------------------------------------

class _RowParser:
    """Turns raw rows into RowResults, remembering numbers seen earlier in the file."""

    def __init__(self, colmap: dict[str, int], lookups: Lookups) -> None:
        self.colmap = colmap
        self.lookups = lookups
        self.types = _index({**{t.code: t for t in lookups.partner_types.values()}, **lookups.partner_types})
        self.domains = _index({**{c: c for c in lookups.domains.values()}, **lookups.domains})
        self.communities = _index(lookups.communities)
        self.grades = frozenset(lookups.so_grades)
        self.seen: dict[tuple[str, str], int] = {}

    def parse(self, raw: RawRow) -> RowResult:
        try:
            return self._parse(raw)
        except Exception as err:  # a bug must not abort the preview: report it on the row
            return RowResult(raw.row_no, "", None, (("import.row_failed", {"detail": type(err).__name__}),))

    def _parse(self, raw: RawRow) -> RowResult:
        r = RowReader(raw.cells, self.colmap)
        ptype = r.choice("type", self.types)
        data = PartnerInput(
            type_code=ptype.code if ptype else "", name=r.name(),
            uscc=r.code("uscc", parse_uscc), id_number=r.code("id_number", parse_resident_id),
            legal_rep=r.text("legal_rep"), contact_name=r.text("contact_name"), contact_mobile=r.mobile(),
            address=r.text("address"), skills=r.text("skills"), notes=r.text("notes"),
            community_ids=r.many("communities", self.communities, "import.unknown_community", "社区"),
            domain_codes=r.many("domains", self.domains, "import.unknown_domain"),
            so_grade=r.grade(self.grades), so_grade_valid_until=r.date("grade_until"),
        )
        if ptype is not None:
            r.holder_rules(ptype.holder)
        self._duplicates(r, raw.row_no)
        valid = self._validate(r, data, ptype) if not r.problems else None
        return RowResult(raw.row_no, data.name, valid, tuple(r.problems))

    def _duplicates(self, r: RowReader, row_no: int) -> None:
        for key, existing in (("uscc", self.lookups.existing_uscc), ("id_number", self.lookups.existing_ids)):
            number = r.numbers.get(key)
            if not number:
                continue
            earlier = self.seen.setdefault((key, number), row_no)
            shown = mask_resident_id(number) if key == "id_number" else number  # personal numbers stay masked
            if earlier != row_no:
                r.add("import.duplicate_in_file", key, number=shown, row=earlier)
            if number in existing:
                r.add("import.duplicate_existing", key, number=shown)

    @staticmethod
    def _validate(r: RowReader, data: PartnerInput, ptype: PartnerType | None) -> PartnerInput | None:
        """The domain has the last word: a clean row is accepted only if validate() accepts it."""
        if ptype is None:
            return None
        try:
            return validate(data, ptype, may_override=False).data
        except DomainError as err:
            r.add(err.code, _CODE_COLUMN.get(err.code.split(".")[0], ""), **err.params)
            return None


def _index(mapping: Mapping[str, object]) -> dict[str, object]:
    return {key: v for k, v in mapping.items() if (key := lookup_key(k))}


class RowReader:
    """Reads one row's cells field by field, collecting every problem (not just the first)."""

    def __init__(self, cells: list[object], colmap: dict[str, int]) -> None:
        self.cells = cells
        self.colmap = colmap
        self.problems: list[Problem] = []
        self.numbers: dict[str, str] = {}  # normalised USCC / ID as typed, for duplicate checks
        self.present: set[str] = set()

    def add(self, code: str, key: str, **params: object) -> None:
        if key:
            params["column"] = COLUMNS[key][0]
        self.problems.append((code, params))

    def raw(self, key: str) -> object:
        index = self.colmap.get(key)
        value = self.cells[index] if index is not None and index < len(self.cells) else None
        if value is None or (type(value) is str and not value.strip()):
            return None
        self.present.add(key)
        if isinstance(value, Formula):
            self.add("import.formula", key, formula=str(value)[:80])
            return None
        if isinstance(value, CellError):
            self.add("import.error_cell", key, value=str(value))
            return None
        return value

    def text(self, key: str) -> str:
        return as_text(self.raw(key)).strip()

    def name(self) -> str:
        name = clean_text(self.text("name"))
        if not name and "name" not in self.present:
            self.add("partner.name_required", "name")
        elif len(name) > MAX_NAME:
            self.add("partner.name_too_long", "name", max=MAX_NAME)
        return name

    def choice(self, key: str, index: dict[str, object]) -> PartnerType | None:
        text = self.text(key)
        if not text:
            if key not in self.present:
                self.add("import.required", key)
            return None
        found = index.get(lookup_key(text))
        if found is None:
            self.add("partner.bad_type", key, type=text)
        return found  # type: ignore[return-value]

    def code(self, key: str, check) -> str:  # noqa: ANN001 - check: parse_uscc or parse_resident_id
        value = self.raw(key)
        if value is None:
            return ""
        try:
            info = check(value)  # refuses numeric cells (uscc.numeric_cell / resident_id.numeric_cell)
        except DomainError as err:
            self.add(err.code, key, **err.params)
            info = None
        text = normalise_code(as_text(value))
        self.numbers[key] = text if not isinstance(value, (int, float)) else ""
        return getattr(info, "code", None) or getattr(info, "number", None) or text

    def mobile(self) -> str:
        value = self.raw("contact_mobile")
        if value is None:
            return ""
        if isinstance(value, float):
            self.add("mobile.numeric_cell", "contact_mobile", value=as_text(value))
            return ""
        try:
            return normalise_mobile(value if isinstance(value, int) and not isinstance(value, bool) else as_text(value))
        except DomainError as err:
            self.add(err.code, "contact_mobile", **err.params)
            return as_text(value)

    def many(self, key: str, index: dict[str, object], unknown: str, suffix: str = "") -> tuple:
        text = self.text(key)
        found: list = []
        for part in (clean_text(p) for p in _SEPARATORS.split(text)):
            if not part:
                continue
            value = index.get(lookup_key(part), index.get(lookup_key(part + suffix)) if suffix else None)
            if value is None:
                self.add(unknown, key, name=part)
            elif value not in found:
                found.append(value)
        if key in REQUIRED and not text and key not in self.present:
            self.add("partner.community_required", key)
        return tuple(found)

    def grade(self, grades: frozenset[str]) -> str:
        text = self.text("so_grade")
        grade = "".join(unicodedata.normalize("NFKC", text).split()).upper().removesuffix("级")
        grade = f"{len(grade)}A" if grade and set(grade) == {"A"} else grade
        if grade and grade not in grades:
            self.add("partner.bad_grade", "so_grade", grade=text)
        return grade

    def date(self, key: str) -> date | None:
        value = self.raw(key)
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return value  # type: ignore[return-value]
        if isinstance(value, datetime):
            return value.date()
        parsed = _parse_date(value) if isinstance(value, str) else None
        if parsed is None:
            self.add("import.bad_date", key, value=as_text(value))
        return parsed

    def holder_rules(self, holder: str) -> None:
        """Which number a type needs, mirroring domain.partners (each broken rule reported, not only the first)."""
        has_uscc, has_id = "uscc" in self.present, "id_number" in self.present
        if holder in (ORGANISATION, GROUP):
            if has_id:
                self.add("partner.id_for_organisation", "id_number")
            if holder == ORGANISATION and not has_uscc:
                self.add("partner.uscc_required", "uscc")
            return
        if not has_id:
            self.add("partner.id_required", "id_number")
        if has_uscc:
            self.add("partner.uscc_for_individual", "uscc")


def _parse_date(text: str) -> date | None:
    match = _DATE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    try:
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day) if 1900 <= year <= 2199 else None
    except ValueError:
        return None
