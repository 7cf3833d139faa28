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
from decimal import Decimal, InvalidOperation

from reportdesk.engine.model import Quantity, Span

# ---------------------------------------------------------------- numerals

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％－～", "0123456789.,%-~")

_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8}
_MULT = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}

_ARABIC = r"[0-9０-９]+(?:[,][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_CN_CHARS = "零〇一二两三四五六七八九十百千万亿"
_CN_NUM = rf"[{_CN_CHARS}]+(?:点[零〇一二三四五六七八九]+[万亿]*)?"


def _parse_cn_int(s: str) -> int | None:
    """一千二百 → 1200, 二〇二四 → 2024, 一万二 → 12000 (trailing digit scales)."""
    if not s:
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
        try:
            value = Decimal(m.group(1).replace(",", ""))
        except InvalidOperation:
            return None
        for c in m.group(2):
            value *= _MULT[c]
        return _clean(value)
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
        return _clean(Decimal(f"{n}.{''.join(str(_CN_DIGITS[c]) for c in frac)}") * mult)
    n = _parse_cn_int(s)
    return None if n is None else Decimal(n)


def _clean(d: Decimal) -> Decimal:
    """Drop exponent noise: 1.6*10000 -> 16000, keep 5.5 as 5.5."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1))
    return d.normalize()


def format_number(value: Decimal, unit: str = "") -> str:
    """The way a report writes a value: 16000 人 -> ``1.6万人``, 2e10 元 -> ``200亿元``."""
    v = _clean(value)
    a = abs(v)
    big = ""
    if unit not in ("%", "‰", "个百分点") and a >= 10**4 and v == v.to_integral_value():
        for name, mult in (("万亿", 10**12), ("亿", 10**8), ("万", 10**4)):
            if a >= mult:
                v = _clean(v / mult)
                big = name
                break
    text = format(v, "f")
    return f"{text}{big}{unit}"


# ---------------------------------------------------------------- units

# Longest first where one is a prefix of another (人次 before 人, 美元 before 元).
_UNITS = [
    "个多百分点", "个百分点", "百分点", "个工作日", "工作日", "平方公里", "平方千米", "平方米", "立方米", "千瓦时",
    "千瓦", "千米", "千克", "千伏", "公里", "公顷", "公斤", "标准箱", "人次", "美元", "欧元", "港元",
    "小时", "分钟", "个", "户", "人", "元", "所", "家", "套", "亩", "吨", "斤", "项", "辆", "张",
    "床", "座", "条", "件", "台", "架", "艘", "栋", "间", "处", "批", "名", "位", "场", "部", "篇",
    "款", "株", "棵", "头", "只", "片", "块", "米", "度", "倍", "天", "次", "册", "本", "种", "支",
    "根", "扇", "盏", "类", "批次", "场次", "辆次", "班次", "架次", "艘次", "列次", "列", "起", "宗", "份", "笔", "家次", "例", "匹", "口", "眼", "段",
]
_UNITS.sort(key=len, reverse=True)
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)
_PERCENT = {"%": "%", "％": "%", "‰": "‰"}

# Classifiers that make a *Chinese* single-digit numeral a count in a slogan
# (两个确立, 三项制度) rather than a measured value; only real measures pass.
_CN_OK_UNITS = {"个百分点", "百分点", "个多百分点", "倍", "%", "‰"}

_NUM_TOKEN = re.compile(rf"百分之(?P<pct>{_CN_NUM}|{_ARABIC})|(?P<ar>{_ARABIC})|(?P<cn>{_CN_NUM})")
_RANGE_SEP = re.compile(r"\s*(?:——|—|－|-|–|～|~|至|到)\s*")
_APPROX = "多余"
_SUFFIX = re.compile(r"[(（][\u4e00-\u9fff]{1,3}[)）]")


class _Num:
    __slots__ = ("start", "end", "value", "unit", "mult_used", "is_cn", "approx")

    def __init__(self, start: int, end: int, value: Decimal, unit: str, mult_used: bool,
                 is_cn: bool, approx: bool) -> None:
        self.start, self.end, self.value, self.unit = start, end, value, unit
        self.mult_used, self.is_cn, self.approx = mult_used, is_cn, approx


def _read_number(text: str, pos: int) -> _Num | None:
    """Read one number (with multipliers, 多/余 and unit) starting exactly at pos."""
    m = _NUM_TOKEN.match(text, pos)
    if not m:
        return None
    if m.group("pct") is not None:
        v = parse_number(m.group("pct"))
        if v is None:
            return None
        return _Num(pos, m.end(), v, "%", False, True, False)
    is_cn = m.group("cn") is not None
    raw = m.group(0)
    end = m.end()
    if is_cn:
        # 三亿千瓦 / 五百分点: leave 千/百 to the unit that starts with them
        while len(raw) > 1 and raw[-1] in "千百" and any(
            text.startswith(u, end - 1) for u in _UNITS if u[0] == raw[-1]
        ):
            raw, end = raw[:-1], end - 1
        if raw[0] in "万亿千百":
            return None
        value = parse_number(raw)
        if value is None:
            return None
    else:
        value = parse_number(raw)
        if value is None:
            return None
    p = end
    approx = False
    mult_used = False
    if p < len(text) and text[p] in _APPROX:
        approx, p = True, p + 1
    # multipliers after Arabic digits (Chinese numerals already consumed theirs)
    while p < len(text) and not is_cn:
        if _unit_at(text, p):
            break
        c = text[p]
        if c in "万亿" or (c in "千百十" and p + 1 < len(text) and text[p + 1] in "万亿"):
            value *= _MULT[c]
            mult_used = True
            p += 1
        else:
            break
    if is_cn and any(c in "万亿" for c in raw):
        mult_used = True
    if p < len(text) and text[p] in _APPROX and not approx:
        approx, p = True, p + 1
    unit = ""
    if p < len(text) and text[p] in _PERCENT:
        unit = _PERCENT[text[p]]
        p += 1
    else:
        u = _unit_at(text, p)
        if u:
            unit = _UNIT_NAME.get(u, u)
            p += len(u)
            # rates: 30万吨/日, 600立方米/秒; 日处理3万吨 is a daily capacity too
            rm = _PER.match(text, p)
            if rm:
                unit, p = f"{unit}/{rm.group(1)}", rm.end()
            elif unit in _CAPACITY_UNITS and text.endswith("日处理", 0, pos):
                unit = f"{unit}/日"
            else:
                # 每千人6.5批次: a rate per head, the denominator names the unit
                dm = _PER_HEAD.search(text, max(0, pos - 8), pos)
                if dm and unit not in ("%", "‰"):
                    unit = f"{unit}/{dm.group(1)}"
            sm = _SUFFIX.match(text, p)
            if sm:
                p = sm.end()
    if not unit and mult_used and not is_cn and _heads_counted(text, pos, p):
        unit = "人"  # 1000万以上 after 贫困人口, 8000万纳税人: people counted without 人
    return _Num(pos, p, _clean(value), unit, mult_used, is_cn, approx)


# Nouns for people: a bare 万/亿 count next to one counts persons.
_PEOPLE = "人口|纳税人|群众|农民工|学生|居民|职工"
_PEOPLE_AFTER = re.compile(rf"(?:以上|左右)?[\u4e00-\u9fff]{{0,2}}?(?:{_PEOPLE})")
# only with a change verb between: 贫困人口减少1000万 (not 实时人口1.5亿, a stock)
_PEOPLE_BEFORE = re.compile(rf"(?:{_PEOPLE})(?:减少|增加|新增|转移|脱贫|培训)$")


def _heads_counted(text: str, pos: int, end: int) -> bool:
    if _PEOPLE_AFTER.match(text, end):
        return True
    return bool(_PEOPLE_BEFORE.search(text, max(0, pos - 10), pos))


def _unit_at(text: str, p: int) -> str:
    m = _UNIT_PAT.match(text, p)
    if not m:
        return ""
    u = m.group(0)
    if u == "个" and text.startswith("个月", p):
        return ""
    return u


_PER = re.compile(r"[/／](日|天|秒|年|小时|时)")
_CAPACITY_UNITS = {"吨", "立方米"}
_PER_HEAD = re.compile(r"每((?:[十百千万]|十万)人)(?:超|达|达到)?$")

_UNIT_NAME = {"个工作日": "工作日", "百分点": "个百分点", "个多百分点": "个百分点"}


_UNIT_PAT = re.compile(_UNIT_RE)

_START = re.compile(rf"百分之|[0-9０-９]|[{_CN_CHARS}]")
_QUOTE_OPEN = "“‘\"「『"
_QUOTE_CLOSE = "”’\"」』"


def _in_slogan(text: str, pos: int) -> bool:
    """True when pos is inside a short quoted term (“1米高度看城市”, “两个确立”)."""
    lo = max(0, pos - 16)
    for i in range(pos - 1, lo - 1, -1):
        c = text[i]
        if c in _QUOTE_CLOSE and c != '"':
            return False
        if c in "。；;\n":
            return False
        if c in _QUOTE_OPEN and c != '"':
            close = -1
            for j in range(pos, min(len(text), pos + 20)):
                if text[j] in _QUOTE_CLOSE:
                    close = j
                    break
                if text[j] in "。；;\n":
                    break
            return close >= 0
    return False


def parse_quantities(text: str, start: int = 0) -> list[Quantity]:
    """All number+unit mentions in text, spans offset by ``start``.

    A bare number without a unit (``6.0``, ``2024年``) is not a quantity; a range
    (``4.5%—5%``, ``6-8万人``) is one Quantity with ``value_max``.
    """
    out: list[Quantity] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = _START.search(text, pos)
        if not m:
            break
        i = m.start()
        num = _read_number(text, i)
        if num is None or num.end <= i:
            pos = i + 1
            continue
        # skip the whole numeral run so 十四五 is not re-read as 四五
        nxt = max(num.end, i + 1)
        prev = text[i - 1] if i > 0 else ""
        code = prev.isascii() and prev.isalpha() and not text.endswith(_INDICATOR_ABBR, 0, i)
        if prev and (prev == "第" or code or prev in ".．") or prev.isdigit():
            pos = nxt
            continue
        # a range: low (unit optional) sep high (unit)
        hi = None
        rm = _RANGE_SEP.match(text, num.end)
        if rm and rm.end() < n:
            cand = _read_number(text, rm.end())
            if cand is not None and cand.unit and (not num.unit or num.unit == cand.unit):
                if cand.is_cn == num.is_cn or not cand.is_cn:
                    hi = cand
        if hi is not None:
            low = num.value
            if not num.unit and not num.mult_used and hi.mult_used:
                # 6-8万人 means 6万 to 8万
                base = parse_number(_digits_only(text[hi.start:hi.end]) or "1")
                if base:
                    low = _clean(low * (hi.value / base))
            if low < hi.value:
                q = Quantity(value=low, unit=hi.unit, value_max=hi.value,
                             span=Span(start + i, start + hi.end), text=text[i:hi.end])
                if _acceptable(text, i, hi.end, num.is_cn, hi.unit, num.mult_used or hi.mult_used):
                    out.append(q)
                pos = hi.end
                continue
        if num.unit and _acceptable(text, i, num.end, num.is_cn, num.unit, num.mult_used):
            value, qs = num.value, i
            fm = _FACTOR.search(text, max(0, i - 8), i)
            if fm and fm.end() == i:  # 2×35万千瓦: two units of 350,000 kW
                value, qs = _clean(value * Decimal(fm.group(1))), fm.start()
            out.append(Quantity(value=value, unit=num.unit, span=Span(start + qs, start + num.end),
                                text=text[qs:num.end]))
        pos = nxt
    return out


_FACTOR = re.compile(r"(?<![0-9.])([0-9]{1,2})\s*[×xX*＊]\s*")


# Letters right before a number make it a code (PM2.5, G20, C919) unless they name an indicator.
_INDICATOR_ABBR = ("GDP", "CPI", "PPI", "PMI", "R&D", "M2")


def _digits_only(s: str) -> str:
    m = re.match(r"[0-9０-９.．,]+", s)
    return m.group(0) if m else ""


def _acceptable(text: str, i: int, end: int, is_cn: bool, unit: str, mult: bool) -> bool:
    if is_cn and unit not in _CN_OK_UNITS and not mult:
        return False
    if _in_slogan(text, i):
        return False
    return True
