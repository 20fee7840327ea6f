"""The three lists' records as the editor shows them: columns and form fields of needs, resources, projects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...services.three_lists import NEED_STATUSES, PROJECT_STATUSES, RESOURCE_KINDS, RESOURCE_STATUSES
from ..formatting import day
from ..models.table import CENTER, RIGHT, Column
from . import choices, labels
from .form_dialog import Field

CONTEXT = "ThreeLists"
translate = QCoreApplication.translate



@dataclass
class Lookup:
    """Names for the ids the rows hold, refreshed with the lists."""

    units: dict[int, str] = field(default_factory=dict)
    communities: list = field(default_factory=list)
    domains: dict[str, str] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    partners: dict[int, str] = field(default_factory=dict)
    needs: dict[int, str] = field(default_factory=dict)
    resources: dict[int, str] = field(default_factory=dict)

    def refresh(self, ws, community_id: int | None) -> None:  # noqa: ANN001
        self.units = choices.unit_names(ws)
        self.communities = choices.communities(ws)
        self.domains = dict(choices.dictionary(ws, "service_domain"))
        self.sources = dict(choices.dictionary(ws, "need_source"))
        self.partners = dict(choices.duty_partners(ws, community_id))

    def partner(self, partner_id: int | None) -> str:
        return "" if partner_id is None else self.partners.get(partner_id, f"#{partner_id}")


def _area(centi: int) -> str:
    return f"{centi / 100:.2f}" if centi else ""


def columns(kind: str, look: Lookup) -> tuple[Column, ...]:
    community = Column(QT_TRANSLATE_NOOP("ThreeLists", "Community"), lambda r: look.units.get(r.community_id, ""))
    title = Column(QT_TRANSLATE_NOOP("ThreeLists", "Title"), lambda r: r.title, tooltip=lambda r: r.title)
    category = Column(QT_TRANSLATE_NOOP("ThreeLists", "Category"), lambda r: look.domains.get(r.category, r.category))
    status = Column(QT_TRANSLATE_NOOP("ThreeLists", "Status"), lambda r: labels.list_status(r.status), CENTER)
    partner = Column(QT_TRANSLATE_NOOP("ThreeLists", "Partner"), lambda r: look.partner(r.partner_id))
    if kind == "need":
        return (title, community, Column(QT_TRANSLATE_NOOP("ThreeLists", "Source"),
                                         lambda r: look.sources.get(r.source, r.source)), category,
                Column(QT_TRANSLATE_NOOP("ThreeLists", "Households"), lambda r: str(r.households), RIGHT),
                Column(QT_TRANSLATE_NOOP("ThreeLists", "People"), lambda r: str(r.people), RIGHT), status,
                Column(QT_TRANSLATE_NOOP("ThreeLists", "Recorded"), lambda r: day(r.recorded_on)))
    if kind == "resource":
        return (title, community, Column(QT_TRANSLATE_NOOP("ThreeLists", "Kind"), lambda r: labels.resource_kind(r.kind)),
                category, partner, Column(QT_TRANSLATE_NOOP("ThreeLists", "Area (m²)"), lambda r: _area(r.area_centi_m2),
                                          RIGHT), status)
    return (title, community, category,
            Column(QT_TRANSLATE_NOOP("ThreeLists", "Need"), lambda r: look.needs.get(r.need_id, "") if r.need_id else ""),
            Column(QT_TRANSLATE_NOOP("ThreeLists", "Resource"),
                   lambda r: look.resources.get(r.resource_id, "") if r.resource_id else ""),
            partner, status, Column(QT_TRANSLATE_NOOP("ThreeLists", "Started"), lambda r: day(r.started_on)))


WIDTHS = {"need": (14, 8, 7, 7, 5, 5, 5, 7), "resource": (14, 8, 7, 7, 10, 6, 5),
          "project": (14, 8, 7, 12, 10, 10, 5, 7)}


def _statuses(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    return [(c, labels.list_status(c)) for c in codes]


def fields(kind: str, look: Lookup) -> list[Field]:
    domains = list(look.domains.items())
    partners = sorted(look.partners.items(), key=lambda item: item[1])
    head = [Field("community_id", translate("ThreeLists", "Community"), "combo", look.communities), Field("title", translate("ThreeLists", "Title"))]
    if kind == "need":
        return head + [Field("source", translate("ThreeLists", "Source"), "combo", list(look.sources.items())),
                       Field("category", translate("ThreeLists", "Category"), "combo", domains), Field("households", translate("ThreeLists", "Households"), "int"),
                       Field("people", translate("ThreeLists", "People"), "int"), Field("description", translate("ThreeLists", "Description"), "multiline"),
                       Field("status", translate("ThreeLists", "Status"), "combo", _statuses(NEED_STATUSES)),
                       Field("recorded_on", translate("ThreeLists", "Recorded on"), "optional_date")]
    if kind == "resource":
        return head + [Field("kind", translate("ThreeLists", "Kind"), "combo", [(k, labels.resource_kind(k)) for k in RESOURCE_KINDS]),
                       Field("category", translate("ThreeLists", "Category"), "combo", domains, blank=translate("ThreeLists", "none")),
                       Field("partner_id", translate("ThreeLists", "Partner"), "combo", partners, blank=translate("ThreeLists", "none")),
                       Field("area_centi_m2", translate("ThreeLists", "Area"), "area"), Field("description", translate("ThreeLists", "Description"), "multiline"),
                       Field("status", translate("ThreeLists", "Status"), "combo", _statuses(RESOURCE_STATUSES))]
    return head + [Field("category", translate("ThreeLists", "Category"), "combo", domains),
                   Field("need_id", translate("ThreeLists", "Need"), "combo", list(look.needs.items()), blank=translate("ThreeLists", "none")),
                   Field("resource_id", translate("ThreeLists", "Resource"), "combo", list(look.resources.items()), blank=translate("ThreeLists", "none")),
                   Field("partner_id", translate("ThreeLists", "Partner"), "combo", partners, blank=translate("ThreeLists", "none")),
                   Field("status", translate("ThreeLists", "Status"), "combo", _statuses(PROJECT_STATUSES)),
                   Field("started_on", translate("ThreeLists", "Started on"), "optional_date")]


def cleaned(kind: str, values: dict) -> dict:
    """Form values as the service takes them (empty combos become None or "")."""
    out = dict(values)
    if kind == "resource":
        out["category"] = out.get("category") or ""
    return out


TITLES: dict[str, tuple[str, str]] = {
    "need": (QT_TRANSLATE_NOOP("ThreeLists", "New need"), QT_TRANSLATE_NOOP("ThreeLists", "Change need")),
    "resource": (QT_TRANSLATE_NOOP("ThreeLists", "New resource"), QT_TRANSLATE_NOOP("ThreeLists", "Change resource")),
    "project": (QT_TRANSLATE_NOOP("ThreeLists", "New project"), QT_TRANSLATE_NOOP("ThreeLists", "Change project")),
}


def title(kind: str, existing: bool) -> str:
    return translate(CONTEXT, TITLES[kind][1 if existing else 0])


Values = Callable[[object], dict]
