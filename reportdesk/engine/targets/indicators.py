"""What an indicator is called, how alike two names are, and which way is better.

Used by matching across years and the met / not-met review (extraction's
words, like the synonyms and better-lower names here, are tables in ``rules``).  Names drift between years
(城镇新增就业 / 新增城镇就业, 单位国内生产总值能耗 / 单位GDP能耗), so similarity is
character-based with a few synonyms folded first.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from reportdesk.engine.targets.rules import BETTER_LOWER, SYNONYMS


def canonical(name: str) -> str:
    """A comparison key: synonyms folded, filler dropped (not for display)."""
    s = name
    for a, b in SYNONYMS:
        s = s.replace(a, b)
    return s


def name_similarity(a: str, b: str) -> float:
    """0..1 similarity of two indicator names after folding synonyms."""
    ca, cb = canonical(a), canonical(b)
    if not ca or not cb:
        return 0.0
    if ca == cb:
        return 1.0
    if ca in cb or cb in ca:
        short, long_ = sorted((ca, cb), key=len)
        return 0.75 + 0.25 * len(short) / len(long_)
    return SequenceMatcher(None, ca, cb, autojunk=False).ratio()


def better_lower(indicator: str, direction: str) -> bool:
    """True when a smaller value is the better outcome (失业率, 涨幅 as a ceiling).

    A *decrease* target states the size of a cut (能耗降低3%): there a bigger
    cut is better, so this returns False.
    """
    if direction == "decrease":
        return False
    return any(w in indicator for w in BETTER_LOWER)
