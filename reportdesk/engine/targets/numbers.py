"""Numbers with units as values: our own small grammar for report prose.

Reports write quantities as ``1.6万人``, ``1.4万亿斤以上``, ``4.5%—5%``,
``百分之三``, ``两个百分点``, ``3200套(间)``.  Generic converters misread these
(``3.7亿千瓦`` is 3.7e8 kilowatts, not 3.7e11 watts), so the grammar is here,
in one place, returning ``Decimal`` values in the base unit.

What is deliberately *not* a quantity: years and dates (``2024年``, ``3月5日``),
anniversaries (``75周年``), ordinals (``第三次``), heading numbers (``一、``),
version labels (``6.0``, ``3.0版``), codes (``PM2.5``, ``5G``) and numbered
slogans (``两个确立``, ``四下基层``, ``“1米高度看城市”``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportdesk.engine.model import Quantity, Span
from reportdesk.engine.targets.numerals import (
    ARABIC,
    CN_CHARS,
    CN_NUM,
    MAX_DIGITS,
    MULT,
    clean,
    format_number,
    parse_number,
    plausible,
)
from reportdesk.engine.targets.rules import (
    APPROX_MARKS,
    CAPACITY_UNITS,
    CN_OK_UNITS,
    FACTOR,
    INDICATOR_ABBR,
    PEOPLE_AFTER,
    PEOPLE_BEFORE,
    PER_HEAD,
    PER_TIME,
    PERCENT,
    QUOTE_CLOSE,
    QUOTE_OPEN,
    RANGE_SEP,
    UNIT_NAME,
    UNIT_SUFFIX,
    UNITS,
    any_of,
)

__all__ = ["format_number", "may_hold_quantity", "parse_number", "parse_quantities"]

_NUM_TOKEN = re.compile(rf"百分之(?P<pct>{CN_NUM}|{ARABIC})|(?P<ar>{ARABIC})|(?P<cn>{CN_NUM})")
_START = re.compile(rf"百分之|[0-9０-９]|[{CN_CHARS}]")
# Longer than any number a report writes: 20 significant digits (MAX_DIGITS), one
# separator per three digits, a decimal point, 百分之 and Chinese place words.
_MAX_NUMERAL_CHARS = 3 * MAX_DIGITS
_UNIT_PAT = any_of(UNITS)


@dataclass(frozen=True)
class _Num:
    """One number as read: its span, value in the base unit, unit and how it was written."""

    start: int
    end: int
    value: Decimal
    unit: str
    mult_used: bool  # 万/亿 scaled it (a bare 1000万 may count people)
    is_cn: bool  # Chinese numerals: a one-digit one is usually a slogan


# ---------------------------------------------------------------- one number


def _read_number(text: str, pos: int) -> _Num | None:
    """Read one number (with multipliers, 多/余 and unit) starting exactly at pos."""
    m = _NUM_TOKEN.match(text, pos)
    if not m:
        return None
    if m.group("pct") is not None:
        v = parse_number(m.group("pct"))
        return None if v is None else _Num(pos, m.end(), v, "%", False, True)
    is_cn = m.group("cn") is not None
    numeral = _numeral(text, m.group(0), m.end(), is_cn)
    if numeral is None:
        return None
    raw, value, end = numeral
    value, p, mult_used = _multipliers(text, end, value, is_cn)
    if not plausible(value):
        return None
    if is_cn and any(c in "万亿" for c in raw):
        mult_used = True
    unit, p = _read_unit(text, pos, p)
    if not unit and mult_used and not is_cn and _heads_counted(text, pos, p):
        unit = "人"  # 1000万以上 after 贫困人口, 8000万纳税人: people counted without 人
    return _Num(pos, p, clean(value), unit, mult_used, is_cn)


def _numeral(text: str, raw: str, end: int, is_cn: bool) -> tuple[str, Decimal, int] | None:
    """The numeral's text, value and end, giving back a 千/百 that starts a unit."""
    if is_cn:
        # 三亿千瓦 / 五百分点: leave 千/百 to the unit that starts with them
        while len(raw) > 1 and raw[-1] in "千百" and any(
            text.startswith(u, end - 1) for u in UNITS if u[0] == raw[-1]
        ):
            raw, end = raw[:-1], end - 1
        if raw[0] in "万亿千百":
            return None
    value = parse_number(raw)
    return None if value is None else (raw, value, end)


def _multipliers(text: str, p: int, value: Decimal, is_cn: bool) -> tuple[Decimal, int, bool]:
    """Apply 万/亿 after Arabic digits and skip 多/余 around them: (value, end, scaled)."""
    approx = False
    mult_used = False
    if p < len(text) and text[p] in APPROX_MARKS:
        approx, p = True, p + 1
    # Chinese numerals already consumed their multipliers
    while p < len(text) and not is_cn:
        if _unit_at(text, p):
            break
        c = text[p]
        if c in "万亿" or (c in "千百十" and p + 1 < len(text) and text[p + 1] in "万亿"):
            value *= MULT[c]
            mult_used = True
            p += 1
        else:
            break
    if p < len(text) and text[p] in APPROX_MARKS and not approx:
        p += 1
    return value, p, mult_used


def _read_unit(text: str, pos: int, p: int) -> tuple[str, int]:
    """The unit at p (a percent sign, a unit word, a rate) and where it ends."""
    if p < len(text) and text[p] in PERCENT:
        return PERCENT[text[p]], p + 1
    u = _unit_at(text, p)
    if not u:
        return "", p
    unit = UNIT_NAME.get(u, u)
    p += len(u)
    # rates: 30万吨/日, 600立方米/秒; 日处理3万吨 is a daily capacity too
    rm = PER_TIME.match(text, p)
    if rm:
        unit, p = f"{unit}/{rm.group(1)}", rm.end()
    elif unit in CAPACITY_UNITS and text.endswith("日处理", 0, pos):
        unit = f"{unit}/日"
    else:
        # 每千人6.5批次: a rate per head, the denominator names the unit
        dm = PER_HEAD.search(text, max(0, pos - 8), pos)
        if dm and unit not in ("%", "‰"):
            unit = f"{unit}/{dm.group(1)}"
    sm = UNIT_SUFFIX.match(text, p)
    if sm:
        p = sm.end()
    return unit, p


def _heads_counted(text: str, pos: int, end: int) -> bool:
    if PEOPLE_AFTER.match(text, end):
        return True
    return bool(PEOPLE_BEFORE.search(text, max(0, pos - 10), pos))


def _unit_at(text: str, p: int) -> str:
    m = _UNIT_PAT.match(text, p)
    if not m:
        return ""
    u = m.group(0)
    if u == "个" and text.startswith("个月", p):
        return ""
    return u


# ---------------------------------------------------------------- what is not a quantity


def _in_slogan(text: str, pos: int) -> bool:
    """True when pos is inside a short quoted term (“1米高度看城市”, “两个确立”)."""
    lo = max(0, pos - 16)
    for i in range(pos - 1, lo - 1, -1):
        c = text[i]
        if c in QUOTE_CLOSE and c != '"':
            return False
        if c in "。；;\n":
            return False
        if c in QUOTE_OPEN and c != '"':
            return _quote_closes(text, pos)
    return False


def _quote_closes(text: str, pos: int) -> bool:
    """A closing quote follows pos within a short run and before the sentence ends."""
    for j in range(pos, min(len(text), pos + 20)):
        if text[j] in QUOTE_CLOSE:
            return True
        if text[j] in "。；;\n":
            return False
    return False


def _not_a_value_at(text: str, i: int) -> bool:
    """第3, PM2.5, 6.0's decimals, the middle of a digit run: no quantity starts at i."""
    prev = text[i - 1] if i > 0 else ""
    code = prev.isascii() and prev.isalpha() and not text.endswith(INDICATOR_ABBR, 0, i)
    return bool(prev and (prev == "第" or code or prev in ".．") or prev.isdigit())


def _acceptable(text: str, i: int, end: int, is_cn: bool, unit: str, mult: bool) -> bool:
    if is_cn and unit not in CN_OK_UNITS and not mult:
        return False
    if _in_slogan(text, i):
        return False
    return True


# ---------------------------------------------------------------- quantities


def _past_noise(text: str, i: int) -> int:
    """Where to look next after no number was read at ``i``: the next character, or past
    the whole run when it is far too long to be a number (an ID, a serial, noise) —
    re-reading such a run from each of its characters was quadratic."""
    m = _NUM_TOKEN.match(text, i)
    if m and m.end() - i > _MAX_NUMERAL_CHARS:
        return m.end()
    return i + 1


def may_hold_quantity(text: str) -> bool:
    """False when ``parse_quantities(text)`` is surely empty: not a digit nor a numeral in it
    (seven sentences in ten of a report)."""
    return _START.search(text) is not None


def parse_quantities(text: str, start: int = 0) -> list[Quantity]:
    """All number+unit mentions in text, spans offset by ``start``.

    A bare number without a unit (``6.0``, ``2024年``) is not a quantity; a range
    (``4.5%—5%``, ``6-8万人``) is one Quantity with ``value_max``.
    """
    out: list[Quantity] = []
    pos = 0
    while pos < len(text):
        m = _START.search(text, pos)
        if not m:
            break
        i = m.start()
        num = _read_number(text, i)
        if num is None or num.end <= i:
            pos = _past_noise(text, i)
            continue
        if _not_a_value_at(text, i):
            pos = max(num.end, i + 1)  # skip the whole run so 十四五 is not re-read as 四五
            continue
        q, pos = _quantity_at(text, num, start)
        if q is not None:
            out.append(q)
    return out


def _quantity_at(text: str, num: _Num, start: int) -> tuple[Quantity | None, int]:
    """The quantity that starts with ``num`` (a range or one number) and where reading goes on."""
    i = num.start
    hi = _range_end(text, num)
    if hi is not None:
        low = _range_low(text, num, hi)
        if low < hi.value:
            if not _acceptable(text, i, hi.end, num.is_cn, hi.unit, num.mult_used or hi.mult_used):
                return None, hi.end
            return Quantity(value=low, unit=hi.unit, value_max=hi.value,
                            span=Span(start + i, start + hi.end), text=text[i:hi.end]), hi.end
    nxt = max(num.end, i + 1)  # skip the whole numeral run so 十四五 is not re-read as 四五
    if not (num.unit and _acceptable(text, i, num.end, num.is_cn, num.unit, num.mult_used)):
        return None, nxt
    value, qs = num.value, i
    fm = FACTOR.search(text, max(0, i - 8), i)
    if fm and fm.end() == i and plausible(value * Decimal(fm.group(1))):  # 2×35万千瓦: two units of 350,000 kW
        value, qs = clean(value * Decimal(fm.group(1))), fm.start()
    return Quantity(value=value, unit=num.unit, span=Span(start + qs, start + num.end),
                    text=text[qs:num.end]), nxt


def _range_end(text: str, num: _Num) -> _Num | None:
    """The high end of a range starting at num: low (unit optional) sep high (unit)."""
    rm = RANGE_SEP.match(text, num.end)
    if not rm or rm.end() >= len(text):
        return None
    cand = _read_number(text, rm.end())
    if cand is None or not cand.unit or (num.unit and num.unit != cand.unit):
        return None
    if cand.is_cn == num.is_cn or not cand.is_cn:
        return cand
    return None


def _range_low(text: str, num: _Num, hi: _Num) -> Decimal:
    """The low end's value; 6-8万人 means 6万 to 8万."""
    low = num.value
    if not num.unit and not num.mult_used and hi.mult_used:
        base = parse_number(_digits_only(text[hi.start:hi.end]) or "1")
        if base:
            low = clean(low * (hi.value / base))
    return low


def _digits_only(s: str) -> str:
    m = re.match(r"[0-9０-９.．,]+", s)
    return m.group(0) if m else ""
