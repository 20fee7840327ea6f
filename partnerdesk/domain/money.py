"""Money: integer fen in storage, Decimal at the edges, never float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .errors import DomainError

FEN_PER_YUAN = 100
_CENT = Decimal("0.01")


def yuan_to_fen(value: str | int | Decimal) -> int:
    """Parse a yuan amount ("12.34", "1,234.5", "１２") into integer fen, refusing floats and sub-fen digits."""
    if isinstance(value, bool) or isinstance(value, float):
        raise DomainError("money.float_refused")
    if isinstance(value, int):
        return value * FEN_PER_YUAN
    if isinstance(value, str):
        text = value.strip().translate(_FULLWIDTH).replace(",", "").replace("¥", "").replace("元", "")
        try:
            value = Decimal(text)
        except InvalidOperation:
            raise DomainError("money.invalid", value=value) from None
    if not value.is_finite():
        raise DomainError("money.invalid", value=str(value))
    if value != value.quantize(_CENT):
        raise DomainError("money.sub_fen", value=str(value))
    return int(value * FEN_PER_YUAN)


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / FEN_PER_YUAN).quantize(_CENT)


def format_yuan(fen: int) -> str:
    """12345 -> '123.45'; thousands separated: 123456789 -> '1,234,567.89'."""
    return f"{fen_to_yuan(fen):,.2f}"


def split_half_up(total_fen: int, share_percent: Decimal | str | int) -> tuple[int, int]:
    """Split ``total_fen`` into (share, remainder): the share rounded half-up (四舍五入), the rest the remainder.

    The two parts always sum to the total.
    """
    pct = Decimal(str(share_percent))
    if pct < 0 or pct > 100:
        raise DomainError("money.bad_percent", percent=str(pct))
    share = int((Decimal(total_fen) * pct / 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    return share, total_fen - share


_FULLWIDTH = str.maketrans("０１２３４５６７８９．，－", "0123456789.,-")
