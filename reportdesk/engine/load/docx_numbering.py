"""Word paragraph styles and automatic numbering, read from styles.xml and numbering.xml.

A heading numbered by Word ("一、", "（二）") has the label only in numbering.xml,
not in the text, so the loader must compute it the way Word draws it: resolve the
paragraph's numbering (direct or inherited from its style), keep one counter set
per list, reset deeper levels when a higher one advances, and format each level
with its number format and level text ("%1、", "（%1）", "%1.%2").
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from reportdesk.engine.load.limits import MAX_LABEL_CHARS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

LEVELS = 9  # list levels: w:ilvl 0–8

_HEADING_NAME = re.compile(r"^\s*(?:heading|标题)\s*([1-9])\s*$", re.IGNORECASE)


def w_attr(el: ET.Element | None, name: str, ns: str = W) -> str | None:
    if el is None:
        return None
    return el.get(f"{ns}{name}")


def _int(value: str | None, default: int | None = None) -> int | None:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


# ---------------------------------------------------------------- styles


@dataclass
class Style:
    style_id: str
    name: str
    based_on: str | None
    outline_level: int | None  # 0-based as in w:outlineLvl; 9 = body text
    num_id: int | None
    ilvl: int | None


@dataclass
class Styles:
    by_id: dict[str, Style] = field(default_factory=dict)
    default_paragraph: str | None = None

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its basedOn ancestors, nearest first (cycles cut)."""
        out: list[Style] = []
        seen: set[str] = set()
        sid = style_id if style_id is not None else self.default_paragraph
        while sid is not None and sid not in seen and sid in self.by_id:
            seen.add(sid)
            st = self.by_id[sid]
            out.append(st)
            sid = st.based_on
        return out

    def heading_level(self, style_id: str | None) -> int | None:
        """Outline level (1-based) a style gives: w:outlineLvl or a name like "heading 2"/"标题 2"."""
        for st in self.chain(style_id):
            if st.outline_level is not None:
                return st.outline_level + 1 if st.outline_level < 9 else None
            m = _HEADING_NAME.match(st.name)
            if m:
                return int(m.group(1))
        return None

    def numbering(self, style_id: str | None) -> tuple[int | None, int | None]:
        for st in self.chain(style_id):
            if st.num_id is not None or st.ilvl is not None:
                return st.num_id, st.ilvl
        return None, None


def parse_styles(root: ET.Element | None, ns: str = W) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    for el in root.iter(f"{ns}style"):
        if w_attr(el, "type", ns) not in (None, "paragraph", "numbering"):
            continue
        sid = w_attr(el, "styleId", ns)
        if not sid:
            continue
        ppr = el.find(f"{ns}pPr")
        num_pr = ppr.find(f"{ns}numPr") if ppr is not None else None
        st = Style(
            style_id=sid,
            name=w_attr(el.find(f"{ns}name"), "val", ns) or sid,
            based_on=w_attr(el.find(f"{ns}basedOn"), "val", ns),
            outline_level=_int(
                w_attr(ppr.find(f"{ns}outlineLvl") if ppr is not None else None, "val", ns)
            ),
            num_id=_int(w_attr(num_pr.find(f"{ns}numId"), "val", ns))
            if num_pr is not None
            else None,
            ilvl=_int(w_attr(num_pr.find(f"{ns}ilvl"), "val", ns)) if num_pr is not None else None,
        )
        styles.by_id[sid] = st
        if (
            w_attr(el, "default", ns) in ("1", "true", "on")
            and w_attr(el, "type", ns) == "paragraph"
        ):
            styles.default_paragraph = sid
    return styles


# ---------------------------------------------------------------- numbering definitions


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart; None = restart after any higher level
    is_legal: bool = False
    style_id: str | None = None


@dataclass
class Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


@dataclass
class NumberingDefs:
    abstracts: dict[str, dict[int, Level]] = field(default_factory=dict)
    abstract_links: dict[str, str] = field(default_factory=dict)  # abstractNum → numStyleLink
    nums: dict[int, Num] = field(default_factory=dict)


def _parse_level(el: ET.Element, ns: str) -> Level:
    return Level(
        start=_int(w_attr(el.find(f"{ns}start"), "val", ns), 1) or 0,
        fmt=w_attr(el.find(f"{ns}numFmt"), "val", ns) or "decimal",
        text=w_attr(el.find(f"{ns}lvlText"), "val", ns) or "",
        restart=_int(w_attr(el.find(f"{ns}lvlRestart"), "val", ns)),
        is_legal=el.find(f"{ns}isLgl") is not None
        and w_attr(el.find(f"{ns}isLgl"), "val", ns) not in ("0", "false", "off"),
        style_id=w_attr(el.find(f"{ns}pStyle"), "val", ns),
    )


def parse_numbering(root: ET.Element | None, ns: str = W) -> NumberingDefs:
    defs = NumberingDefs()
    if root is None:
        return defs
    for el in root.findall(f"{ns}abstractNum"):
        aid = w_attr(el, "abstractNumId", ns)
        if aid is None:
            continue
        levels: dict[int, Level] = {}
        for lvl in el.findall(f"{ns}lvl"):
            ilvl = _int(w_attr(lvl, "ilvl", ns))
            if ilvl is not None and 0 <= ilvl < LEVELS:
                levels[ilvl] = _parse_level(lvl, ns)
        defs.abstracts[aid] = levels
        link = w_attr(el.find(f"{ns}numStyleLink"), "val", ns)
        if link:
            defs.abstract_links[aid] = link
    for el in root.findall(f"{ns}num"):
        nid = _int(w_attr(el, "numId", ns))
        aid = w_attr(el.find(f"{ns}abstractNumId"), "val", ns)
        if nid is None or aid is None:
            continue
        num = Num(aid)
        for ov in el.findall(f"{ns}lvlOverride"):
            ilvl = _int(w_attr(ov, "ilvl", ns))
            if ilvl is None or not 0 <= ilvl < LEVELS:
                continue  # Word has list levels 0–8 only
            so = _int(w_attr(ov.find(f"{ns}startOverride"), "val", ns))
            if so is not None:
                num.start_overrides[ilvl] = so
            lvl_el = ov.find(f"{ns}lvl")
            if lvl_el is not None:
                num.level_overrides[ilvl] = _parse_level(lvl_el, ns)
        defs.nums[nid] = num
    return defs


# ---------------------------------------------------------------- number formats

_DIGITS = "零一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_DIZHI = "子丑寅卯辰巳午未申酉戌亥"


def chinese_counting(n: int, digits: str = _DIGITS, units: str = "十百千") -> str:
    """1 → 一, 10 → 十, 15 → 十五, 21 → 二十一, 105 → 一百零五 (as Word's chineseCounting)."""
    if n <= 0:
        return str(n)
    if n >= 10000:
        return str(n)
    parts: list[str] = []
    places = [(1000, units[2]), (100, units[1]), (10, units[0]), (1, "")]
    zero = False
    for value, unit in places:
        d = (n // value) % 10
        if d == 0:
            if parts:
                zero = True
            continue
        if zero:
            parts.append(digits[0])
            zero = False
        if not (value == 10 and d == 1 and not parts):
            parts.append(digits[d])
        parts.append(unit)
    return "".join(parts)


def _roman(n: int) -> str:
    if not 0 < n < 4000:
        return str(n)
    out = []
    for value, sym in (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ):  # fmt: skip
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    # Word repeats the letter: 27 → AA, 28 → BB.  Far past Z the repeats would be
    # millions of letters long: such a count is shown in digits.
    if n <= 0 or (n - 1) // 26 >= MAX_LABEL_CHARS:
        return str(n)
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt in ("decimal", "ordinal", "cardinalText", "ordinalText", "decimalHalfWidth"):
        return str(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(n).translate({ord(d): chr(0xFF10 + int(d)) for d in "0123456789"})
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "japaneseCounting",
        "taiwaneseCounting",
    ):
        return chinese_counting(n)
    if fmt in ("chineseLegalSimplified", "japaneseLegal"):
        return chinese_counting(n, _LEGAL, "拾佰仟")
    if fmt in ("ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand"):
        return "".join("〇一二三四五六七八九"[int(d)] for d in str(n))
    if fmt == "ideographTraditional":
        return _TIANGAN[(n - 1) % 10] if n > 0 else str(n)
    if fmt == "ideographZodiac":
        return _DIZHI[(n - 1) % 12] if n > 0 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle"):
        return chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n)
    if fmt == "decimalEnclosedParen":
        return chr(0x2474 + n - 1) if 1 <= n <= 20 else f"({n})"
    if fmt == "decimalEnclosedFullstop":
        return chr(0x2488 + n - 1) if 1 <= n <= 20 else f"{n}."
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "none":
        return ""
    return str(n)


# ---------------------------------------------------------------- counters

_PLACEHOLDER = re.compile(r"%([1-9])")


class NumberingState:
    """Counters as Word keeps them while it lays out the document from top to bottom.

    Lists that use the same abstract definition continue each other (Word's behaviour),
    except that a w:num with a startOverride restarts the level the first time it is used.
    """

    def __init__(self, defs: NumberingDefs, styles: Styles) -> None:
        self.defs = defs
        self.styles = styles
        self.counters: dict[str, list[int | None]] = {}
        self.used_nums: set[int] = set()

    def _abstract(self, num: Num) -> tuple[str, dict[int, Level]]:
        aid = num.abstract_id
        levels = self.defs.abstracts.get(aid, {})
        link = self.defs.abstract_links.get(aid)
        if not levels and link:
            # numStyleLink: the numbering style names the w:num that holds the real levels.
            lnum_id, _ = self.styles.numbering(link)
            lnum = self.defs.nums.get(lnum_id) if lnum_id is not None else None
            if lnum is not None and lnum.abstract_id != aid:
                aid = lnum.abstract_id
                levels = self.defs.abstracts.get(aid, {})
        return aid, levels

    def label(self, num_id: int | None, ilvl: int | None, style_id: str | None) -> str | None:
        """The label for the next paragraph of this list, advancing the counters."""
        if num_id is None or num_id == 0:
            return None
        num = self.defs.nums.get(num_id)
        if num is None:
            return None
        aid, base_levels = self._abstract(num)
        levels = dict(base_levels)
        levels.update(num.level_overrides)
        if ilvl is None:
            # A style linked to a list level is found through that level's w:pStyle.
            ilvl = next((i for i, lv in levels.items() if style_id and lv.style_id == style_id), 0)
        if not 0 <= ilvl < LEVELS or ilvl not in levels:
            return None  # a level Word does not have (w:ilvl 10, -1) draws no label
        counters = self.counters.setdefault(aid, [None] * LEVELS)
        if num_id not in self.used_nums:
            self.used_nums.add(num_id)
            for lvl in num.start_overrides:
                counters[lvl] = None

        def start(i: int) -> int:
            if i in num.start_overrides:
                return num.start_overrides[i]
            return levels[i].start if i in levels else 1

        current = counters[ilvl]
        counters[ilvl] = start(ilvl) if current is None else current + 1
        for deeper in range(ilvl + 1, LEVELS):
            lv = levels.get(deeper)
            restart = lv.restart if lv is not None and lv.restart is not None else deeper
            if restart != 0 and ilvl < restart:
                counters[deeper] = None

        level = levels[ilvl]
        if level.fmt == "bullet":
            return _short(_bullet(level.text))
        if len(level.text) > 2 * MAX_LABEL_CHARS:
            return None  # each %n gives at least one character: too long whatever the counts

        def render(m: re.Match[str], decimal: bool) -> str:
            i = int(m.group(1)) - 1
            value = counters[i] if counters[i] is not None else start(i)
            fmt = levels[i].fmt if i in levels else "decimal"
            if level.is_legal or decimal:  # "legal" numbering shows Arabic numerals
                fmt = "decimal"
            return format_number(value or 0, fmt)

        text = _PLACEHOLDER.sub(lambda m: render(m, False), level.text)
        if len(text) > MAX_LABEL_CHARS:
            # No heading label is that long (a count in the millions written in letters,
            # a level text that is a whole sentence): the digits, or no label at all.
            text = _PLACEHOLDER.sub(lambda m: render(m, True), level.text)
        return _short(text)


def _short(label: str | None) -> str | None:
    return label if label and len(label) <= MAX_LABEL_CHARS else None


def _bullet(text: str) -> str | None:
    if not text:
        return None
    # Symbol/Wingdings bullets are private-use code points that no font shows as text.
    if any(0xE000 <= ord(c) <= 0xF8FF for c in text):
        return "•"
    return text
