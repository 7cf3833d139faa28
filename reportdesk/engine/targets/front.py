"""What stands in front of a number: the clause, the linking words, the indicator.

``城镇新增就业力争达到1200万人`` reads right to left from the number: the links
(达到 → exact, 力争), then the indicator with fillers and time phrases trimmed
off its start (确保, 今年, 一是).  A ``由240元`` in front of ``提高到`` marks the
number as a baseline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reportdesk.engine.model import FigureKind
from reportdesk.engine.targets.context import Previous
from reportdesk.engine.targets.rules import (
    CN_ORDINAL,
    CONNECTORS,
    FILLER_SET,
    FROM,
    HARD_STOPS,
    KEEP_WORDS,
    LEAD_DECREASE,
    LEAD_FILLERS,
    LEAD_PHRASE,
    LIST_JOINERS,
    TRIM_CHARS,
)


@dataclass(frozen=True)
class Links:
    """The linking words between indicator and number (达到, 增长, 不低于…)."""

    start: int  # where they begin in the front text
    quals: tuple[str, ...] = ()  # Qualifier values, nearest the number first
    dirs: tuple[str, ...] = ()  # Direction values, nearest the number first


@dataclass(frozen=True)
class Front:
    """The clause in front of one number, as read."""

    hard: int  # where the clause starts in the sentence
    start: int  # where this number's front starts (after an earlier number's 、/和)
    left: str  # text[start:number]
    links: Links
    ind_s: int  # the indicator's span in ``left``
    ind_e: int
    indicator: str  # "" when the front names nothing (完成4000户)
    baseline: bool  # 由240元 (提高到280元): the starting value, not a goal

    @property
    def words(self) -> str:
        """The front without its linking words."""
        return self.left[:self.links.start]

    @property
    def is_list(self) -> bool:
        """分别 among the last words: the numbers pair up with a list of names."""
        return "分别" in self.left[max(0, self.links.start - 2):]


def read_front(text: str, a: int, prev: Previous, to_follows: bool) -> Front:
    """Read the front of the number at ``a``; ``to_follows`` when 提高到… comes after it."""
    hard = clause_start(text, a)
    ls = _front_start(text, a, hard, prev.end)
    left = text[ls:a]
    links = read_links(left)
    list_goes_on = prev.figure is not None and prev.figure.kind is FigureKind.OTHER and ls > hard
    baseline, ind_e = _baseline(left, links.start, to_follows, list_goes_on)
    ind_s, ind_e = _trim(left, 0, ind_e)
    indicator = left[ind_s:ind_e]
    if _names_nothing(indicator):
        indicator = ""  # 努力完成4000户, 完成2019年度7.89亿元…: nothing named in front
    dm = LEAD_DECREASE.match(indicator)
    if dm and len(indicator) - dm.end() >= 2:  # 压减地下水开采量1.57亿立方米
        indicator = indicator[dm.end():]
        ind_s += dm.end()
        links = replace(links, dirs=(*links.dirs, "decrease"))
    return Front(hard, ls, left, links, ind_s, ind_e, indicator, baseline)


def clause_start(text: str, a: int) -> int:
    """Start of the clause holding position ``a`` (after the last hard stop).

    A stop inside a short note in brackets that closes before ``a`` does not end the
    clause: 广义货币M2（注：M2为M右下角加2）预期增长12%左右 is about M2.
    """
    i = a - 1
    while i >= 0:
        if text[i] in HARD_STOPS:
            opened = _open_bracket(text, i, a)
            if opened < 0:
                break
            i = opened
        i -= 1
    return i + 1


NOTE_SPAN = 30  # how far back a note's opening bracket may be


def _open_bracket(text: str, i: int, a: int) -> int:
    """Where the bracket around the stop at ``i`` opens, if it closes before ``a``; else -1."""
    lo = max(0, i - NOTE_SPAN)
    opened = max(text.rfind("（", lo, i), text.rfind("(", lo, i))
    if opened < 0 or any(c in "）)" for c in text[opened:i]):
        return -1
    closes = any(c in "）)" for c in text[i:a])
    return opened if closes else -1


def _front_start(text: str, a: int, hard: int, prev_end: int) -> int:
    """After an earlier quantity in the same clause the front starts at its 、/和/及."""
    ls = max(hard, prev_end)
    if prev_end > hard:
        cut = max(text.rfind(j, ls, a) for j in LIST_JOINERS)
        if cut >= 0:
            ls = cut + 1
    return ls


def read_links(left: str) -> Links:
    """Linking words at the end of ``left``, read right to left, longest first."""
    quals: list[str] = []
    dirs: list[str] = []
    start = len(left)
    changed = True
    while changed and start > 0:
        changed = False
        for word, qual, direc in CONNECTORS:
            if left.endswith(word, 0, start):
                start -= len(word)
                if qual:
                    quals.append(qual)
                if direc:
                    dirs.append(direc)
                changed = True
                break
    return Links(start, tuple(quals), tuple(dirs))


def _baseline(left: str, ind_e: int, to_follows: bool, list_goes_on: bool) -> tuple[bool, int]:
    """Whether the number is a starting value, and where the indicator then ends."""
    # 由240元提高到280元: the first number is the baseline, the indicator stands before 由
    bm = FROM.search(left, 0, ind_e)
    if bm and to_follows:
        return True, bm.start()
    if to_follows and list_goes_on:
        return True, ind_e  # 分别从202元、270元提高到…: the list of baselines goes on
    return False, ind_e


def _trim(left: str, ind_s: int, ind_e: int) -> tuple[int, int]:
    """Drop lead fillers, time phrases and stray punctuation around the indicator."""
    changed = True
    while changed:
        changed = False
        while ind_s < ind_e and left[ind_s] in TRIM_CHARS:
            if left[ind_s] == "“" and "”" in left[ind_s:ind_e]:
                break  # keep a quoted name whole: “京办”城市治理应用
            ind_s += 1
            changed = True
        pm = LEAD_PHRASE.match(left, ind_s, ind_e)
        if pm and pm.end() > ind_s and ind_e - pm.end() >= 2:
            ind_s = pm.end()
            changed = True
        for w in LEAD_FILLERS:
            if left.startswith(w, ind_s, ind_e) and ind_e - ind_s > len(w) + 1 and not any(
                    left.startswith(k, ind_s, ind_e) for k in KEEP_WORDS):
                ind_s += len(w)
                changed = True
                break
    while ind_e > ind_s and left[ind_e - 1] in TRIM_CHARS:
        ind_e -= 1
    return ind_s, ind_e


def _names_nothing(indicator: str) -> bool:
    return bool(indicator in FILLER_SET or CN_ORDINAL.fullmatch(indicator)
                or LEAD_PHRASE.fullmatch(indicator))
