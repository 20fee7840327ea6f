"""Editing a partner with its numbers still masked keeps the stored numbers (no reveal needed)."""

import pytest

from partnerdesk.domain.errors import DomainError
from partnerdesk.domain.partners import PartnerInput
from partnerdesk.services import accounts, org, partners
from tests.helpers.numbers import person_id


def test_masked_numbers_are_kept_and_a_worker_can_edit(ws):
    st = org.add_unit(ws, "street", org.office(ws).district_id, "编辑街道").value
    c = org.add_unit(ws, "community", st.id, "编辑社区").value
    p = partners.register(ws, PartnerInput("resident_talent", "李能人", id_number=person_id(31),
                                           contact_mobile="13912345678", community_ids=(c.id,))).value
    accounts.add_user(ws, "w", "community_worker", "worker-pass-1", community_ids=(c.id,))
    accounts.login(ws, "w", "worker-pass-1")
    changed = partners.update(ws, p.id, p.version, PartnerInput(
        "resident_talent", "李能人", id_number=p.id_number_masked, contact_mobile=p.contact_mobile_masked,
        address="新地址", community_ids=(c.id,))).value
    assert changed.address == "新地址" and changed.id_number_masked == p.id_number_masked
    accounts.login(ws, "admin", "admin-pass-1")
    assert partners.reveal(ws, p.id, "id_number") == person_id(31)
    assert partners.reveal(ws, p.id, "contact_mobile") == "13912345678"
    # a different masked-looking value is not a wildcard: it is validated as typed
    with pytest.raises(DomainError):
        partners.update(ws, p.id, changed.version, PartnerInput(
            "resident_talent", "李能人", id_number="5001**********0000", community_ids=(c.id,)))
