"""Change index: which change is at a position, and the next or previous one.

Precomputed once per comparison (as Meld does), so stepping through changes
never rescans the documents.  Positions are offsets in either report's text.
"""

from __future__ import annotations

import bisect

from reportdesk.engine.model import Change, Comparison


class ChangeIndex:
    def __init__(self, comparison: Comparison) -> None:
        self._changes = list(comparison.changes)
        # Changes are in reading order of the new report; keep sorted copies per side.
        self._new = sorted(self._changes, key=lambda c: (c.new.start if c.new else -1, c.id))
        self._new_starts = [c.new.start if c.new else -1 for c in self._new]
        self._old = sorted(self._changes, key=lambda c: (c.old.start if c.old else -1, c.id))
        self._old_starts = [c.old.start if c.old else -1 for c in self._old]
        # Running maximum of span ends: scanning back can stop once nothing earlier reaches pos.
        self._new_reach = _reach([c.new for c in self._new])
        self._old_reach = _reach([c.old for c in self._old])

    def __len__(self) -> int:
        return len(self._changes)

    def by_id(self, change_id: int) -> Change:
        return self._changes[change_id]

    def _side(self, side: str) -> tuple[list[Change], list[int]]:
        if side == "new":
            return self._new, self._new_starts
        if side == "old":
            return self._old, self._old_starts
        raise ValueError(side)

    def at(self, pos: int, side: str = "new") -> Change | None:
        """The change whose span contains pos (an empty span matches its own position).

        Where spans nest (a moved sentence and the edits inside it), the one
        starting last wins: the innermost.
        """
        items, starts = self._side(side)
        reach = self._new_reach if side == "new" else self._old_reach
        i = bisect.bisect_right(starts, pos) - 1
        while i >= 0 and reach[i] >= pos:
            c = items[i]
            span = c.new if side == "new" else c.old
            if span is not None and (span.start <= pos < span.end or span.start == span.end == pos):
                return c
            i -= 1
        return None

    def next_after(self, pos: int, side: str = "new") -> Change | None:
        items, starts = self._side(side)
        i = bisect.bisect_right(starts, pos)
        return items[i] if i < len(items) else None

    def previous_before(self, pos: int, side: str = "new") -> Change | None:
        items, starts = self._side(side)
        i = bisect.bisect_left(starts, pos) - 1
        return items[i] if i >= 0 else None

    def next_of(self, change: Change | None) -> Change | None:
        """The change after ``change`` in reading order (the first one for None)."""
        if change is None:
            return self._changes[0] if self._changes else None
        k = change.id + 1
        return self._changes[k] if k < len(self._changes) else None

    def previous_of(self, change: Change | None) -> Change | None:
        if change is None:
            return self._changes[-1] if self._changes else None
        k = change.id - 1
        return self._changes[k] if k >= 0 else None


def _reach(spans: list) -> list[int]:
    out: list[int] = []
    best = -1
    for span in spans:
        if span is not None and span.end > best:
            best = span.end
        out.append(best)
    return out
