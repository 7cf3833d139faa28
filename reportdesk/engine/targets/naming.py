"""Naming a number: the indicator it measures and the words that quote it.

The noun phrase in front names it (城镇新增就业1200万人) unless the front only
acts or says where (新建3所学校, 全市各乡镇40个); then the noun after the unit
does.  With 分别 the names are a list the numbers take in turn; a number with
nothing in front continues the list before it (分别增长8.9%、7.7%).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportdesk.engine.model import Direction, Quantity
from reportdesk.engine.targets.back import Noun, Tail
from reportdesk.engine.targets.context import Previous, SentenceContext
from reportdesk.engine.targets.front import Front
from reportdesk.engine.targets.rules import (
    BARE_VERBS,
    BRACKET_NOTE,
    CLAUSE_IN_NAME,
    FRONT_KEEPS_DIRECTION,
    FRONT_VERB_END,
    FUND,
    GENERIC_AMOUNTS,
    HAVE_KEPT,
    LIST_ADVERBS_END,
    MONEY_UNITS,
    NOTE_IN_NAME,
    PLACE_END,
    RIGHT_VERB,
    SHARE_UNITS,
    TAIL_FILLERS,
    TRIM_CHARS,
    URBAN_RURAL,
    WHEN_END,
    WHOLE_NAMES,
)


@dataclass(frozen=True)
class Reading:
    """Everything read around one number before it is named."""

    sent: SentenceContext
    q: Quantity
    front: Front
    tail: Tail
    noun: Noun
    prev: Previous

    @property
    def a(self) -> int:
        """Start of the number in the sentence."""
        return self.q.start - self.sent.offset

    @property
    def b(self) -> int:
        """End of the number (and unit) in the sentence."""
        return self.q.end - self.sent.offset


@dataclass(frozen=True)
class Named:
    indicator: str
    start: int  # the quote's span in the sentence
    end: int
    dirs: tuple[str, ...]  # Direction values from the words, nearest first
    items: tuple[str, ...]  # names left for the next numbers of a 分别 list


def name(r: Reading) -> Named:
    """The indicator, quote span and directions for the number read in ``r``."""
    named = _split_list(r, _front_or_back(r))
    return replace(named, indicator=_tidy(r, named.indicator))


def _front_or_back(r: Reading) -> Named:
    f, n = r.front, r.noun
    named = Named(f.indicator, f.start + f.ind_s, r.tail.end, f.links.dirs, r.prev.items)
    if _front_weak(f.indicator, n):
        if n.ok:
            return _named_after(r, named)
        if not f.indicator and _continues_list(r):
            return _next_in_list(r, named)
        return named if f.indicator else replace(named, start=r.a)
    if (n.ok and len(n.text) <= 4 and r.q.unit not in SHARE_UNITS and not f.links.dirs
            and RIGHT_VERB.search(n.text)):
        return replace(named, indicator=f.indicator + n.text, end=n.end)  # 农田整治区562亩拆迁
    return named


def _front_weak(indicator: str, n: Noun) -> bool:
    """The front names no measure of its own, so the noun after (or the list) may."""
    return (not indicator or indicator.endswith("等") or indicator in BARE_VERBS
            or (n.ok and (_weak_front(indicator) or bool(WHEN_END.search(indicator)))))


def _weak_front(indicator: str) -> bool:
    """A front that names no measure: a verb phrase, a place, or a list of examples."""
    return bool(
        (len(indicator) <= 6 and FRONT_VERB_END.search(indicator))
        or (len(indicator) <= 6 and PLACE_END.search(indicator))
        or "、" in indicator
    )


def _named_after(r: Reading, named: Named) -> Named:
    """3所医院投用: the noun after the unit names the number."""
    f = r.front
    start = named.start
    if not f.left[f.ind_s:f.ind_e]:
        start = r.a
    if r.sent.text[r.a - 1 : r.a] == "等":
        start = r.a - 1
    # the verb in front acts on the noun after (提升39个县域…质效), not on the count
    dirs = named.dirs if FRONT_KEEPS_DIRECTION.search(f.left[f.links.start:]) else ()
    return replace(named, indicator=BRACKET_NOTE.sub("", r.noun.text),  # 县（市、区） -> 县
                   start=start, end=r.noun.end, dirs=dirs)


def _continues_list(r: Reading) -> bool:
    prev = r.prev.figure
    return prev is not None and (prev.unit == r.q.unit or prev.indicator not in GENERIC_AMOUNTS)


def _next_in_list(r: Reading, named: Named) -> Named:
    """分别增长8.9%、7.7%: the list continues; take the next subject item."""
    prev = r.prev.figure
    assert prev is not None
    items = named.items
    indicator = items[0] if items else prev.indicator
    f = r.front
    no_connector = f.links.start == len(f.left.rstrip("、和及与"))
    dirs = named.dirs
    if not dirs and no_connector and prev.direction is not Direction.LEVEL:
        dirs = (prev.direction.value,)
    return replace(named, indicator=indicator, dirs=dirs, items=items[1:])


def _split_list(r: Reading, named: Named) -> Named:
    """With 分别, a name list (A、B) gives the first name here and keeps the rest."""
    if not r.front.is_list:
        return named
    ind = named.indicator
    if "、" in ind or ind.count("和") == 1:
        parts = scoped_names([p for p in re.split("、" if "、" in ind else "和", ind) if p])
        if len(parts) > 1:
            return replace(named, indicator=parts[0], items=tuple(parts[1:]))
    elif ind.startswith(URBAN_RURAL[0]) and r.tail.list_end > r.tail.end:
        # 城乡居民收入分别增长7%和8%: the first number is urban, the next rural
        rest = ind[len(URBAN_RURAL[0]):]
        return replace(named, indicator=URBAN_RURAL[1] + rest, items=(URBAN_RURAL[2] + rest,))
    return named


# A list item this short names nothing alone (一、二、三产增加值): it shares the last item's
# noun.  Two characters already name things (高铁、城际铁路), so only one.
SHORT_ITEM = 1


def scoped_names(parts: list[str]) -> list[str]:
    """城镇和农村居民人均可支配收入: a bare scope word borrows the noun of the last item;
    一、二、三产增加值: so do short items of the last item's first word's length."""
    last = parts[-1]
    lead = next((w for w in URBAN_RURAL if last.startswith(w)), "")
    if lead and len(last) > len(lead) + 1:
        noun = last[len(lead):]
        return [p + noun if p in URBAN_RURAL else p for p in parts]
    k = len(parts[0])
    if k <= SHORT_ITEM and len(last) > k + 1 and all(len(p) == k for p in parts[:-1]):
        noun = last[k:]
        return [p + noun for p in parts[:-1]] + [last]
    return parts


def _tidy(r: Reading, indicator: str) -> str:
    """Final clean-up of a name; money with no name borrows the fund named earlier."""
    indicator = NOTE_IN_NAME.sub("", indicator)
    indicator = strip_name(TAIL_FILLERS.sub("", LIST_ADVERBS_END.sub("", indicator)))
    if len(indicator) > 3 and indicator.endswith("有") and not indicator.endswith(HAVE_KEPT):
        indicator = indicator[:-1]  # 重点调度项目有66个: 有 only links the count
    indicator = WHOLE_NAMES.get(indicator, indicator)
    if len(indicator) == 1 or CLAUSE_IN_NAME.search(indicator):
        indicator = ""  # 有6.5%－7%: one character names nothing; 底线是严守: a clause
    if not indicator and r.q.unit in MONEY_UNITS:
        # 拟连续几年发行超长期特别国债，…，今年先发行1万亿元: the fund named earlier
        funds = list(FUND.finditer(r.sent.text, 0, r.front.hard))
        if funds:
            indicator = funds[-1].group(1)
    return indicator


def strip_name(s: str) -> str:
    """Trim punctuation around a name but keep a quote pair whole (“京办”城市治理应用)."""
    t = s.strip(TRIM_CHARS)
    if "”" in t and "“" not in t and s.find("“") >= 0:
        t = "“" + t
    if "“" in t and "”" not in t and s.rfind("”") > s.find("“"):
        t = t + "”"
    return t
