"""The audit hash chain: each entry's hash covers its content and the previous hash."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str  # ISO-8601 UTC
    username: str
    action: str
    entity: str
    entity_id: str
    before: str  # canonical JSON or ""
    after: str
    prev_hash: str
    hash: str


def canonical(data: object) -> str:
    if data is None:
        return ""
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def entry_hash(prev_hash: str, seq: int, at: str, username: str, action: str, entity: str,
               entity_id: str, before: str, after: str) -> str:
    payload = "\x1f".join([prev_hash, str(seq), at, username, action, entity, entity_id, before, after])
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_broken_seq: int | None = None
    reason: str = ""


def verify_chain(entries: Iterable[AuditEntry], head: tuple[int, str] | None) -> ChainReport:
    """Walk entries in seq order; name the first entry that breaks the chain.

    ``head`` is the (seq, hash) recorded beside the chain; it reveals a truncated tail.
    """
    prev, expected_seq, count = GENESIS, 1, 0
    for e in entries:
        count += 1
        if e.seq != expected_seq:
            return ChainReport(False, count, expected_seq, "missing")
        if e.prev_hash != prev:
            return ChainReport(False, count, e.seq, "link")
        if entry_hash(e.prev_hash, e.seq, e.at, e.username, e.action, e.entity, e.entity_id,
                      e.before, e.after) != e.hash:
            return ChainReport(False, count, e.seq, "content")
        prev, expected_seq = e.hash, expected_seq + 1
    if head is not None and head != (expected_seq - 1, prev):
        return ChainReport(False, count, expected_seq if head[0] >= expected_seq else head[0], "truncated")
    return ChainReport(True, count)
