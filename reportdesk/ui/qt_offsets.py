"""Code-point offsets (the engine's) <-> UTF-16 positions (Qt's).

The engine counts Python code points; Qt counts UTF-16 code units, so every
character outside the Basic Multilingual Plane (rare CJK such as 𠀀, some
emoji) counts 2 in Qt.  This module is the only place that converts.  Reports
almost never contain such characters, so the common case is the identity and
costs one dict lookup.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict


class OffsetMap:
    """Converts between code-point and UTF-16 offsets for one text."""

    __slots__ = ("_astral_cp", "_astral_u16", "length", "length16")

    def __init__(self, text: str) -> None:
        # Code-point positions of astral characters, and their UTF-16 positions.
        # Cheap pre-check in C: the UTF-16 length tells whether any astral char exists.
        astral: list[int] = []
        if not text.isascii() and len(text.encode("utf-16-le")) != 2 * len(text):
            astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_cp = astral
        self._astral_u16 = [cp + k for k, cp in enumerate(astral)]
        self.length = len(text)
        self.length16 = len(text) + len(astral)

    @property
    def identity(self) -> bool:
        return not self._astral_cp

    def to_qt(self, cp: int) -> int:
        """UTF-16 position of code-point offset ``cp`` (clamped to the text)."""
        cp = min(max(cp, 0), self.length)
        if not self._astral_cp:
            return cp
        return cp + bisect.bisect_left(self._astral_cp, cp)

    def from_qt(self, pos: int) -> int:
        """Code-point offset of UTF-16 position ``pos``.

        A position inside a surrogate pair (which Qt can report for a cursor
        between the halves) maps to the character's start.
        """
        pos = min(max(pos, 0), self.length16)
        if not self._astral_cp:
            return pos
        k = bisect.bisect_left(self._astral_u16, pos)
        # k astral characters start strictly before pos; if pos is the low
        # surrogate of the k-th (k-1 index), it lies inside that pair.
        if k and self._astral_u16[k - 1] + 1 == pos:
            return self._astral_cp[k - 1]
        return pos - k

    def to_qt_float(self, cp: float) -> float:
        """Fractional offsets (used by scroll sync) map linearly inside a character."""
        base = int(cp)
        frac = cp - base
        lo = self.to_qt(base)
        if frac <= 0:
            return float(lo)
        return lo + frac * (self.to_qt(base + 1) - lo)

    def from_qt_float(self, pos: float) -> float:
        base = int(pos)
        frac = pos - base
        lo = self.from_qt(base)
        if frac <= 0:
            return float(lo)
        hi = self.from_qt(base + 1)
        if hi == lo:  # inside a surrogate pair
            return lo + 0.5 * frac
        return lo + frac * (hi - lo)


_CACHE: OrderedDict[str, OffsetMap] = OrderedDict()
_CACHE_SIZE = 8


def offset_map(text: str) -> OffsetMap:
    """The (cached) map for ``text``; a handful of texts are live at once."""
    m = _CACHE.get(text)
    if m is None:
        m = OffsetMap(text)
        _CACHE[text] = m
        if len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(text)
    return m


def to_qt(text: str, cp: int) -> int:
    return offset_map(text).to_qt(cp)


def from_qt(text: str, pos: int) -> int:
    return offset_map(text).from_qt(pos)


def qt_length(s: str) -> int:
    """Length of ``s`` in UTF-16 code units."""
    if s.isascii():
        return len(s)
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)
