"""Numerals as values: ``1,200``, ``1.6万``, ``一千二百``, ``二〇二四``, ``三点五``.

The arithmetic of written numbers, apart from the units and the prose around
them (``numbers``), so each stays small.  Values are ``Decimal`` in the base
unit; ``format_number`` writes one back the way a report would.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# ---------------------------------------------------------------- numerals

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－～", "0123456789.,%-~")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
# Multipliers written after Arabic digits: 1.4万亿, 3千万.
MULT = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}

# 1,200 / 12.5 / full-width digits; CN_NUM: 一千二百, 三点五亿.
ARABIC = r"[0-9０-９]+(?:[,][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
CN_NUM = rf"[{CN_CHARS}]+(?:点[零〇一二三四五六七八九]+[万亿]*)?"


# No quantity in a report has more significant digits than this (the national budget
# in 元 has 15); a longer run of digits is an ID, a serial or noise, and read as text.
# It also keeps every value well inside Decimal's 28-digit default context.
MAX_DIGITS = 20


def plausible(value: Decimal) -> bool:
    """Whether ``value`` can be a quantity at all (see MAX_DIGITS)."""
    return value.is_finite() and value.adjusted() < MAX_DIGITS


def _parse_cn_int(s: str) -> int | None:
    """一千二百 → 1200, 二〇二四 → 2024, 一万二 → 12000 (trailing digit scales)."""
    if not s or len(s) > 2 * MAX_DIGITS:
        return None
    if all(c in _CN_DIGITS for c in s):  # digit string: 二〇二四
        if len(s) > 1 and "两" in s:
            return None
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    total = 0  # finished 亿/万 groups
    section = 0  # current group below 万
    digit: int | None = None
    last_unit = 1
    zero = False
    for c in s:
        if c in "零〇":  # 一百零五: a placeholder zero, and the next digit is a unit digit
            zero = True
            continue
        if c in _CN_DIGITS:
            if digit is not None:  # two digits in a row: 十四五 is not a number
                return None
            digit = _CN_DIGITS[c]
        elif c in _CN_SMALL:
            unit = _CN_SMALL[c]
            section += (1 if digit is None else digit) * unit
            digit = None
            last_unit = unit
        elif c in _CN_BIG:
            unit = _CN_BIG[c]
            if digit is not None:
                section += digit
                digit = None
            if section == 0 and total == 0:
                return None
            if unit == 10**8:
                total = (total + section) * unit
            else:
                total += section * unit
            section = 0
            last_unit = unit
        else:
            return None
    if digit is not None:
        # 一万二 / 三百五: a bare last digit is one step below the last unit
        if last_unit >= 10 and not zero and len(s) >= 2 and s[-2] not in _CN_DIGITS:
            section += digit * (last_unit // 10)
        else:
            section += digit
    return total + section


@lru_cache(maxsize=4096)  # a report writes the same few numerals (一, 两, 十四五 …) again and again
def parse_number(s: str) -> Decimal | None:
    """Parse one number as written: ``1,200`` ``1.6万`` ``一千二百`` ``两`` ``二〇二四`` ``三点五``.

    Arabic digits may be followed by multipliers (``1.4万亿``); returns None for
    anything else (so callers can tell a number from text that only looks like one).
    """
    s = s.strip().translate(_FULLWIDTH)
    if not s:
        return None
    m = re.fullmatch(r"([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)([十百千万亿]*)", s)
    if m:
        digits = m.group(1).replace(",", "")
        if len(digits) > MAX_DIGITS + 1 or len(m.group(2)) > 4:
            return None
        try:
            value = Decimal(digits)
        except InvalidOperation:
            return None
        for c in m.group(2):
            value *= MULT[c]
        return clean(value) if plausible(value) else None
    # Chinese numerals, optionally with a decimal part after 点
    int_part, _, frac = s.partition("点")
    if frac:
        # 三点五亿: a decimal before a big multiplier
        mult = 1
        while frac and frac[-1] in _CN_BIG:
            mult *= _CN_BIG[frac[-1]]
            frac = frac[:-1]
        if not frac or not all(c in _CN_DIGITS and c != "两" for c in frac):
            return None
        n = _parse_cn_int(int_part)
        if n is None:
            return None
        if len(frac) > MAX_DIGITS:
            return None
        value = Decimal(f"{n}.{''.join(str(_CN_DIGITS[c]) for c in frac)}") * mult
        return clean(value) if plausible(value) else None
    n = _parse_cn_int(s)
    return None if n is None or not plausible(Decimal(n)) else Decimal(n)


def clean(d: Decimal) -> Decimal:
    """Drop exponent noise: 1.6*10000 -> 16000, keep 5.5 as 5.5."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def format_number(value: Decimal, unit: str = "") -> str:
    """The way a report writes a value: 16000 人 -> ``1.6万人``, 2e10 元 -> ``200亿元``."""
    v = clean(value)
    a = abs(v)
    big = ""
    if unit not in ("%", "‰", "个百分点") and a >= 10**4 and v == v.to_integral_value():
        for name, mult in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)):
            if a >= mult:
                v = clean(v / mult)
                big = name
                break
    text = format(v, "f")
    return f"{text}{big}{unit}"
