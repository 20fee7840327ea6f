"""One masking rule for personal numbers, used by every screen, export and print."""

from __future__ import annotations


def mask_resident_id(number: str | None) -> str:
    """110105199001011234 -> 1101**********1234 (first 4 and last 4 kept)."""
    if not number:
        return ""
    if len(number) <= 8:
        return "*" * len(number)
    return number[:4] + "*" * (len(number) - 8) + number[-4:]


def mask_mobile(number: str | None) -> str:
    """13812345678 -> 138****5678."""
    if not number:
        return ""
    if len(number) < 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]


def mask(kind: str, value: str | None) -> str:
    return {"resident_id": mask_resident_id, "mobile": mask_mobile}[kind](value)
