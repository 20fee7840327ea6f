"""The audit hash chain names the first broken entry, whatever was done to it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from partnerdesk.domain.audit import GENESIS, AuditEntry, canonical, entry_hash, verify_chain


def build(n: int) -> list[AuditEntry]:
    out, prev = [], GENESIS
    for seq in range(1, n + 1):
        fields = (f"2026-01-01T00:00:{seq % 60:02d}.000000", "admin", "org.add", "org_unit", str(seq),
                  "", canonical({"name": f"社区{seq}", "n": seq}))
        digest = entry_hash(prev, seq, *fields)
        out.append(AuditEntry(seq, *fields, prev_hash=prev, hash=digest))
        prev = digest
    return out


def head(entries: list[AuditEntry]) -> tuple[int, str]:
    return (entries[-1].seq, entries[-1].hash)


def test_intact_chain_verifies():
    chain = build(10)
    report = verify_chain(chain, head(chain))
    assert report.ok and report.checked == 10 and report.first_broken_seq is None


def test_empty_chain_verifies_without_head():
    assert verify_chain([], None).ok


def test_canonical_is_stable_and_keeps_rare_characters():
    assert canonical({"b": 1, "a": "𠈌😀"}) == '{"a":"𠈌😀","b":1}'
    assert canonical(None) == ""


FIELDS = ["at", "username", "action", "entity", "entity_id", "before", "after"]


@pytest.mark.parametrize("field", FIELDS)
def test_edited_field_named(field):
    chain = build(8)
    chain[4] = replace(chain[4], **{field: getattr(chain[4], field) + "x"})
    report = verify_chain(chain, head(chain))
    assert (report.ok, report.first_broken_seq, report.reason) == (False, 5, "content")


def test_edited_and_rehashed_entry_breaks_the_next_link():
    chain = build(8)
    e = replace(chain[2], after=canonical({"name": "forged"}))
    chain[2] = replace(e, hash=entry_hash(e.prev_hash, e.seq, e.at, e.username, e.action, e.entity, e.entity_id,
                                          e.before, e.after))
    report = verify_chain(chain, head(chain))
    assert (report.ok, report.first_broken_seq, report.reason) == (False, 4, "link")


def test_deleted_entry_named():
    chain = build(8)
    del chain[3]
    report = verify_chain(chain, (8, build(8)[-1].hash))
    assert (report.ok, report.first_broken_seq, report.reason) == (False, 4, "missing")


def test_deleted_first_entry_named():
    chain = build(5)
    assert verify_chain(chain[1:], head(chain)).first_broken_seq == 1


def test_swapped_entries_named():
    chain = build(8)
    a, b = chain[2], chain[5]
    # swap the two rows' seq numbers, then read back in seq order as the database would
    chain[2], chain[5] = replace(b, seq=a.seq), replace(a, seq=b.seq)
    report = verify_chain(chain, head(build(8)))
    assert (report.ok, report.first_broken_seq) == (False, 3)


def test_truncated_tail_named():
    full = build(10)
    report = verify_chain(full[:7], head(full))
    assert (report.ok, report.first_broken_seq, report.reason) == (False, 8, "truncated")


def test_head_disagreeing_with_last_entry():
    chain = build(4)
    report = verify_chain(chain, (4, "f" * 64))
    assert not report.ok and report.reason == "truncated"


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=30), st.data())
def test_any_tampering_names_the_first_touched_entry(n, data):
    chain = build(n)
    original_head = head(chain)
    k = data.draw(st.integers(min_value=0, max_value=n - 1))
    how = data.draw(st.sampled_from(["edit", "delete", "truncate", "prev", "hash"]))
    if how == "edit":
        field = data.draw(st.sampled_from(FIELDS))
        chain[k] = replace(chain[k], **{field: getattr(chain[k], field) + "!"})
    elif how == "delete":
        del chain[k]
    elif how == "truncate":
        del chain[k:]
    elif how == "prev":
        chain[k] = replace(chain[k], prev_hash="0" * 63 + "1")
    else:
        chain[k] = replace(chain[k], hash="e" * 64)
    report = verify_chain(chain, original_head)
    assert not report.ok
    if how == "hash" and k == n - 1:
        assert report.first_broken_seq == n  # the last entry: caught by content check
    assert report.first_broken_seq == k + 1
