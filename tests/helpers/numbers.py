"""Valid identity numbers for tests, computed with the published algorithms (DOMAIN.md)."""

from __future__ import annotations

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
RID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def uscc(body17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body17, USCC_WEIGHTS, strict=True))
    return body17 + USCC_ALPHABET[(31 - total % 31) % 31]


def resident_id(body17: str) -> str:
    total = sum(int(c) * w for c, w in zip(body17, RID_WEIGHTS, strict=True))
    return body17 + "10X98765432"[total % 11]


def org_code(n: int, prefix: str = "91") -> str:
    return uscc(f"{prefix}500103{n:09d}"[:17])


def person_id(n: int, birth: str = "19800101") -> str:
    return resident_id(f"500103{birth}{n % 1000:03d}")
