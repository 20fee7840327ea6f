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


# --- amounts in Chinese capital numerals (大写金额) ---
_CAP_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_CAP_IN_GROUP = ("仟", "佰", "拾", "")
_CAP_GROUPS = ("万亿", "亿", "万", "")  # groups of four digits, highest first
MAX_WORDS_FEN = 10 ** 18 - 1  # 9999万亿 … 玖角玖分: 16 digits of yuan


def _group_words(n: int) -> str:
    """0 < n < 10000 as capitals, zeros inside the group written once: 1010 -> 壹仟零壹拾."""
    out, zero = [], False
    for digit, unit in zip(f"{n:04d}", _CAP_IN_GROUP, strict=True):
        if digit == "0":
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_CAP_DIGITS[int(digit)] + unit)
    return "".join(out)


def amount_in_words(fen: int) -> str:
    """An amount in fen as written on vouchers and receipts (中文大写金额), e.g. 123456 -> 壹仟贰佰叁拾肆元伍角陆分.

    Rules of the payment-settlement practice (《支付结算办法》附件 正确填写票据和结算凭证的基本规定): 壹拾 not 拾;
    one 零 for a run of zeros inside the number and when a four-digit group starts with zeros; 整 after 元 or 角
    when the amount ends there, never after 分; 零 between 元 and 分 when 角 is zero (叁佰贰拾伍元零肆分); below one
    yuan no 元 (伍角整, 伍分); zero is 零元整. Negative amounts and more than 16 digits of yuan are refused.
    """
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise DomainError("money.float_refused")
    if fen < 0 or fen > MAX_WORDS_FEN:
        raise DomainError("money.out_of_range", value=str(fen))
    yuan, cents = divmod(fen, 100)
    jiao, fen_digit = divmod(cents, 10)
    if fen == 0:
        return "零元整"
    words = []
    if yuan:
        groups = [(yuan // 10 ** (4 * k)) % 10000 for k in (3, 2, 1, 0)]
        pending_zero = False
        for value, unit in zip(groups, _CAP_GROUPS, strict=True):
            if value == 0:
                pending_zero = bool(words)
                continue
            if words and (pending_zero or value < 1000):
                words.append("零")
            words.append(_group_words(value) + unit)
            pending_zero = False
        words.append("元")
    if jiao:
        words.append(_CAP_DIGITS[jiao] + "角")
    elif fen_digit and yuan:
        words.append("零")
    if fen_digit:
        words.append(_CAP_DIGITS[fen_digit] + "分")
    else:
        words.append("整")
    return "".join(words)
