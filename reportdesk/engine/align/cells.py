"""Scores of sentence pairs kept by the content of both sentences, for the next compare.

The leftover and rescue passes score every (old, new) pair of the sentences they look at
(a few hundred a side: a few hundred thousand pairs) and keep the few good enough.  What
one pair yields depends on the two sentences alone (their index, text, key and zone, and
a value per side such as a predicted place or a weak pair's similarity: the row and
column keys), never on the other pairs.  So a re-compare after a keystroke, which
changes one new sentence and perhaps its weak partner's similarity, scores only the rows
and columns whose keys are new, and takes every other pair's result from the last
compare.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from reportdesk.engine.align.units import Unit

T = TypeVar("T")


class _State(Generic[T]):
    """Every good pair among ``rows`` x ``cols`` (keys), each with its row and column key."""

    def __init__(self, rows: set[Hashable], cols: set[Hashable], found: list[tuple[Hashable, Hashable, T]]) -> None:
        self.rows, self.cols, self.found = rows, cols, found


class PairCache(Generic[T]):
    """The last few scorings of one pass (its rounds see different sentences)."""

    def __init__(self, slots: int = 4) -> None:
        self._slots = slots
        self._states: list[_State[T]] = []
        self._lock = threading.Lock()

    def clear(self) -> None:
        with self._lock:
            self._states.clear()

    def pairs(
        self,
        units: tuple[list[Unit], list[Unit]],
        keys: tuple[dict[int, Hashable], dict[int, Hashable]],
        score: Callable[[list[Unit], list[Unit]], list[T]],
        where: Callable[[T], tuple[int, int]],
    ) -> list[T]:
        """``score(rows, cols)``, scoring only the rows and columns the most alike earlier
        call lacked.  ``keys``: each row's and column's content key by its unit index;
        ``where(result)``: the unit indices of the two sentences a result is for."""
        (rows, cols), (row_keys, col_keys) = units, keys
        rset, cset = set(row_keys.values()), set(col_keys.values())
        with self._lock:
            state = max(self._states, key=lambda s: len(s.rows & rset) + len(s.cols & cset), default=None)
        if state is None:
            state = _State(set(), set(), [])
        found = [f for f in state.found if f[0] in rset and f[1] in cset]
        new_rows = [u for u in rows if row_keys[u.index] not in state.rows]
        old_rows = [u for u in rows if row_keys[u.index] in state.rows]
        new_cols = [u for u in cols if col_keys[u.index] not in state.cols]
        for rs, cs in ((new_rows, cols), (old_rows, new_cols)):
            if rs and cs:
                for result in score(rs, cs):
                    o, n = where(result)
                    found.append((row_keys[o], col_keys[n], result))
        with self._lock:  # the one built on stays too: the next round may want it
            self._states.append(_State(rset, cset, found))
            del self._states[: -self._slots]
        return [f[2] for f in found]
