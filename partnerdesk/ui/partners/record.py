"""Everything the partner window shows, read in one go from the services (no Qt here)."""

from __future__ import annotations

from dataclasses import dataclass

from ...services import attachments, dictionaries, notices, partner_lifecycle, partners
from ...services.attachments import AttachmentRow
from ...services.partner_lifecycle import EventRow
from ...services.partners import PartnerDetail


@dataclass(frozen=True)
class PartnerRecord:
    detail: PartnerDetail
    events: tuple[EventRow, ...]
    allowed: tuple[str, ...]
    attachments: tuple[AttachmentRow, ...]
    type_label: str
    domain_labels: tuple[str, ...]
    notice_title: str

    def attachment_name(self, attachment_id: int | None) -> str:
        return next((a.filename for a in self.attachments if a.id == attachment_id), "")


def load(ws, partner_id: int) -> PartnerRecord:  # noqa: ANN001
    detail = partners.get(ws, partner_id)
    types = dictionaries.labels(ws, "partner_type")
    domains = dictionaries.labels(ws, "service_domain")
    notice = next((n.title for n in notices.list_all(ws) if n.id == detail.notice_id), "") if detail.notice_id \
        else ""
    return PartnerRecord(detail, tuple(partner_lifecycle.timeline(ws, partner_id)),
                         tuple(partner_lifecycle.allowed(ws, partner_id)),
                         tuple(attachments.list_for(ws, "partner", partner_id)),
                         types.get(detail.type_code, detail.type_code),
                         tuple(domains.get(c, c) for c in detail.domain_codes), notice)

