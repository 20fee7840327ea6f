"""Normalisation of typed or imported text (full-width digits, spaces)."""

from __future__ import annotations

import unicodedata

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９ｘＸ", "0123456789XX")


def normalise_code(text: str) -> str:
    """Strip all white space, fold full-width digits to ASCII, upper-case letters (x -> X)."""
    text = unicodedata.normalize("NFKC", text).translate(_FULLWIDTH_DIGITS)
    return "".join(text.split()).upper()


def clean_text(text: str | None) -> str:
    """Trim and collapse white space; keep every character (CJK Extension B and emoji included)."""
    if text is None:
        return ""
    return " ".join(str(text).split())
