"""Partners: what a record holds, how it is validated and normalised. Pure: no database, no Qt."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from .errors import DomainError
from .ids import normalise_mobile, parse_resident_id, parse_uscc
from .text import clean_text

ORGANISATION = "organisation"  # identified by a USCC (required)
INDIVIDUAL = "individual"  # identified by a resident ID (required)
GROUP = "group"  # e.g. a volunteer team: a USCC if it has one, else none
SO_GRADES = ("1A", "2A", "3A", "4A", "5A")
MAX_NAME = 200


@dataclass(frozen=True)
class PartnerType:
    code: str
    label: str
    holder: str  # ORGANISATION (USCC) or INDIVIDUAL (resident ID)
    group: str = ""  # e.g. "1+3+N: core", a preset family


@dataclass(frozen=True)
class PartnerInput:
    """What a clerk types or an import row holds, before validation."""

    type_code: str
    name: str
    uscc: str = ""
    id_number: str = ""
    legal_rep: str = ""
    contact_name: str = ""
    contact_mobile: str = ""
    address: str = ""
    community_ids: tuple[int, ...] = ()
    domain_codes: tuple[str, ...] = ()
    skills: str = ""
    so_grade: str = ""
    so_grade_valid_until: date | None = None
    notes: str = ""
    notice_id: int | None = None
    override_reason: str = ""  # an approver's reason to accept a USCC failing its check digit


@dataclass(frozen=True)
class ValidPartner:
    data: PartnerInput
    holder: str
    checksum_overridden: bool = False
    derived: dict = field(default_factory=dict)  # authority/category or birth date/sex, never typed twice


def validate(raw: PartnerInput, ptype: PartnerType, *, may_override: bool = False) -> ValidPartner:
    """Normalise and check a partner. Raises DomainError naming the first problem."""
    name = clean_text(raw.name)
    if not name:
        raise DomainError("partner.name_required")
    if len(name) > MAX_NAME:
        raise DomainError("partner.name_too_long", max=MAX_NAME)
    data = replace(raw, name=name, legal_rep=clean_text(raw.legal_rep), contact_name=clean_text(raw.contact_name),
                   address=clean_text(raw.address), skills=clean_text(raw.skills), notes=(raw.notes or "").strip(),
                   override_reason=clean_text(raw.override_reason))
    if not data.community_ids:
        raise DomainError("partner.community_required")
    if data.contact_mobile:
        data = replace(data, contact_mobile=normalise_mobile(data.contact_mobile))
    data, derived, overridden = _identity(data, ptype, may_override)
    if data.so_grade and data.so_grade not in SO_GRADES:
        raise DomainError("partner.bad_grade", grade=data.so_grade)
    return ValidPartner(data, ptype.holder, overridden, derived)


def _identity(data: PartnerInput, ptype: PartnerType, may_override: bool) -> tuple[PartnerInput, dict, bool]:
    if ptype.holder == GROUP and not data.uscc:
        if data.id_number:
            raise DomainError("partner.id_for_organisation")
        return data, {}, False
    if ptype.holder in (ORGANISATION, GROUP):
        if not data.uscc:
            raise DomainError("partner.uscc_required")
        if data.id_number:
            raise DomainError("partner.id_for_organisation")
        try:
            info = parse_uscc(data.uscc)
            overridden = False
        except DomainError as err:
            if err.code != "uscc.checksum":
                raise
            if not data.override_reason:
                raise
            if not may_override:
                raise DomainError("partner.override_forbidden") from None
            info, overridden = parse_uscc(data.uscc, allow_bad_checksum=True), True
        derived = {"authority": info.authority, "category": info.category, "region": info.region}
        return replace(data, uscc=info.code, id_number=""), derived, overridden
    if not data.id_number:
        raise DomainError("partner.id_required")
    if data.uscc:
        raise DomainError("partner.uscc_for_individual")
    rid = parse_resident_id(data.id_number)
    derived = {"birth_date": rid.birth_date.isoformat(), "sex": rid.sex, "region": rid.region}
    return replace(data, id_number=rid.number, uscc="", so_grade=""), derived, False


def parse_uscc_lenient(code: str):  # noqa: ANN201 - returns ids.UsccInfo
    """Facts derived from a stored USCC (stored codes were validated, or overridden by an approver)."""
    return parse_uscc(code, allow_bad_checksum=True)


def initials(name: str, first_letters: list[str]) -> str:
    """Pinyin initials for search ('牧有货' -> 'myh'), given the per-character first letters."""
    return "".join(ch[0].lower() for ch in first_letters if ch and ch[0].isalnum())
