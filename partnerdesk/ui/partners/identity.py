"""What a typed credit code or ID number tells, in words, and which field a refusal belongs to.

The parsing itself is the domain's (``domain.ids``); this only phrases its results for the screens.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ...domain.errors import DomainError
from ...domain.ids import parse_resident_id, parse_uscc
from ...domain.text import normalise_code
from ...messages import describe
from ..i18n import current_language
from . import labels

CONTEXT = "PartnerIdentity"
translate = QCoreApplication.translate

# error code (or "prefix.*") -> the field it is shown under
FIELD_OF_ERROR = {
    "partner.name_required": "name", "partner.name_too_long": "name", "partner.bad_type": "type",
    "partner.community_required": "communities", "org.not_community": "communities",
    "partner.uscc_required": "uscc", "partner.uscc_for_individual": "uscc", "uscc.*": "uscc",
    "partner.id_required": "id_number", "partner.id_for_organisation": "id_number", "resident_id.*": "id_number",
    "mobile.*": "mobile", "partner.bad_grade": "grade", "partner.override_forbidden": "override",
}


def field_of(err: DomainError, holder_field: str) -> str | None:
    """The field a refusal belongs to (duplicates belong to the number field of the type)."""
    if err.code == "partner.duplicate":
        return holder_field
    return FIELD_OF_ERROR.get(err.code) or FIELD_OF_ERROR.get(err.code.split(".")[0] + ".*")


def message(err: DomainError) -> str:
    return describe(err, current_language())



@dataclass(frozen=True)
class Reading:
    """What a number field says now: facts to show, or an error; ``overridable`` for a bad check character."""

    facts: str = ""
    error: str = ""
    overridable: bool = False


def read_uscc(text: str) -> Reading:
    code = normalise_code(text)
    if not code:
        return Reading()
    try:
        info = parse_uscc(code)
    except DomainError as err:
        if len(code) < 18:
            return Reading()
        return Reading(error=message(err), overridable=err.code == "uscc.checksum")
    return Reading(facts=uscc_facts(info.authority, info.category, info.region))


def uscc_facts(authority: str, category: str, region: str) -> str:
    parts = [translate("PartnerIdentity", "Registered with: %1").replace("%1", labels.authority(authority))]
    if authority == "civil_affairs":
        parts.append(translate("PartnerIdentity", "Category: %1").replace("%1", labels.category(category)))
    parts.append(translate("PartnerIdentity", "Region code: %1").replace("%1", region))
    return " · ".join(parts)


def read_resident_id(text: str) -> Reading:
    number = normalise_code(text)
    if not number:
        return Reading()
    try:
        info = parse_resident_id(number)
    except DomainError as err:
        return Reading(error=message(err)) if len(number) >= 18 else Reading()
    facts = id_facts(info.birth_date.isoformat(), info.sex)
    if not info.region_known:
        facts += " · " + translate("PartnerIdentity", "unknown region code %1 (please check)").replace("%1", info.region)
    return Reading(facts=facts)


def id_facts(birth_date: str, sex: str) -> str:
    return translate("PartnerIdentity", "Born %1 · %2").replace("%1", birth_date).replace("%2", labels.sex(sex))
