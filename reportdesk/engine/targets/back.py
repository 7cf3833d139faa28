"""What follows a number: a qualifier (以上 / 左右), the rest of a list, the noun counted.

``3所医院投用``: when the front names no measure, the noun after the unit does.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportdesk.engine.targets.rules import (
    BACK_BAD_STARTS,
    BACK_STOPS,
    BRACKET_NOTE,
    DIGIT,
    HAN_ONLY,
    HARD_STOPS,
    LIST_TAIL,
    POST_QUALIFIERS,
    SOFT_STOPS,
    WHEN_END,
)


@dataclass(frozen=True)
class Tail:
    """The words right after the number."""

    qualifier: str  # a Qualifier value from 以上 / 左右 …; "" when none
    end: int  # end of the number and that word
    list_end: int  # end of the numbers listed after it (、8%和9%); ``end`` when none


@dataclass(frozen=True)
class Noun:
    """The noun after the number's unit (3所 *医院* 投用)."""

    start: int
    end: int
    text: str
    ok: bool  # short and plain enough to name the number


def post_qualifier(text: str, pos: int) -> tuple[str, int]:
    """The qualifier word starting at ``pos``: (Qualifier value, its length), ("", 0) if none."""
    for word, qual in POST_QUALIFIERS:
        if text.startswith(word, pos):
            return qual, len(word)
    return "", 0


def read_tail(text: str, b: int) -> Tail:
    qual, n = post_qualifier(text, b)
    lt = LIST_TAIL.match(text, b + n)
    return Tail(qual, b + n, lt.end() if lt else b + n)


def list_qualifier(text: str, tail: Tail) -> str:
    """7%和8%左右: the qualifier after the last number of a list covers the whole list."""
    if tail.list_end <= tail.end:
        return ""
    return post_qualifier(text, tail.list_end)[0]


def read_noun(text: str, pe: int, front_words: str) -> Noun:
    """The noun after the number ending at ``pe``; ``front_words`` is the front without links."""
    rs, re_end = _noun_span(text, pe)
    re_end = _before_next_number(text, rs, re_end, front_words)
    right = text[rs:re_end]
    bare = BRACKET_NOTE.sub("", right)
    ok = (0 < len(bare) <= 16 and not right.startswith(BACK_BAD_STARTS)
          and not DIGIT.search(right))
    return Noun(rs, re_end, right, ok)


def _noun_span(text: str, pe: int) -> tuple[int, int]:
    re_end = clause_end(text, pe)
    rs = pe + 1 if text.startswith("的", pe) else pe
    for stop in BACK_STOPS:
        k = text.find(stop, rs + 1, re_end)
        if k > 0:
            re_end = k
    if text[re_end:re_end + 1] == "、":
        # 40个吸引力强、带动面广的消费场景: describing words, then the noun after 的
        hard_end = re_end
        while hard_end < len(text) and text[hard_end] not in HARD_STOPS:
            hard_end += 1
        seg = text[rs:hard_end]
        k = seg.rfind("的")
        if k > 0 and not DIGIT.search(seg) and 2 <= len(seg) - k - 1 <= 10:
            rs, re_end = rs + k + 1, hard_end
    return rs, re_end


def _before_next_number(text: str, rs: int, re_end: int, front_words: str) -> int:
    """完成今年66个重点项目54亿元的投资计划: the noun before the next number is what is counted."""
    right = text[rs:re_end]
    dm = DIGIT.search(right)
    if (dm and 2 <= dm.start() <= 8 and HAN_ONLY.fullmatch(right[:dm.start()])
            and WHEN_END.search(front_words)):
        return rs + dm.start()
    return re_end


def clause_end(text: str, b: int) -> int:
    """End of the noun after ``b``: the next stop, but a short bracket does not end it."""
    i = b
    while i < len(text) and text[i] not in HARD_STOPS and text[i] not in SOFT_STOPS:
        if text[i] in "（(":  # 16个县（市、区）整县…: a bracket does not end the noun
            close = text.find("）" if text[i] == "（" else ")", i, i + 12)
            if close > 0:
                i = close
        i += 1
    return i
