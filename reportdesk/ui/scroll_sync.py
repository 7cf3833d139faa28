"""Synchronized scrolling of the two panes through the comparison's anchors.

``Comparison.anchors`` are monotone (old_offset, new_offset) points where the
texts correspond.  Between two anchors the panes move in proportion *by
pixel*: if the leader is 40 % down the pixel extent of its chunk, the follower
is 40 % down the extent of its own — so a wrapped 800-character paragraph and
its rewritten 600-character twin stay side by side at every scroll position.

The point that is kept aligned is the viewport top, except in the last screen
of the leader, where it slides to the bottom so both panes can reach their
ends.  Either pane can lead; a guard stops the follower's scroll from echoing
back.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from reportdesk.ui.text_pane import TextPane

Anchor = tuple[int, int]


def normalize_anchors(anchors: Sequence[Anchor], old_len: int, new_len: int) -> list[Anchor]:
    """Monotone anchors including both ends; a point that goes back on either side is dropped."""
    pts = [(0, 0), *anchors, (old_len, new_len)]
    out: list[Anchor] = []
    for o, n in pts:
        o = min(max(o, 0), old_len)
        n = min(max(n, 0), new_len)
        if out and (o < out[-1][0] or n < out[-1][1]):
            continue
        if out and (o, n) == out[-1]:
            continue
        out.append((o, n))
    if out[-1] != (old_len, new_len):
        # The end point may have been dropped behind a bad anchor: force it.
        while out and (out[-1][0] > old_len or out[-1][1] > new_len):
            out.pop()
        out.append((old_len, new_len))
    return out


def interpolate(anchors: Sequence[Anchor], value: float, from_side: int, keys: Sequence[int] | None = None) -> float:
    """Map an offset on one side (0 old, 1 new) to the other, linearly between anchors.

    ``keys``: the anchors' offsets on ``from_side``, when the caller keeps them (a
    gutter maps hundreds of offsets through the same anchors: O(n) each otherwise)."""
    to_side = 1 - from_side
    if keys is None:
        keys = [a[from_side] for a in anchors]
    i = bisect.bisect_right(keys, value) - 1
    if i < 0:
        return float(anchors[0][to_side])
    if i >= len(anchors) - 1:
        return float(anchors[-1][to_side])
    a, b = anchors[i], anchors[i + 1]
    span = b[from_side] - a[from_side]
    t = (value - a[from_side]) / span if span else 1.0
    return a[to_side] + t * (b[to_side] - a[to_side])


class ScrollSync(QObject):
    """Keeps ``old`` and ``new`` panes scrolled in step."""

    synced = Signal()

    def __init__(self, old: TextPane, new: TextPane, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panes = (old, new)
        self._anchors: list[Anchor] = []
        self._keys: tuple[list[int], list[int]] | None = None  # the anchors' offsets per side
        self._busy = False
        self.enabled = True
        self._leader = 1  # the pane the user moved last; the draft by default
        old.verticalScrollBar().valueChanged.connect(lambda _v: self._follow(0))
        new.verticalScrollBar().valueChanged.connect(lambda _v: self._follow(1))
        # A relayout (resize, font, highlighting, typing) moves text under a
        # still scroll bar: re-align once the layout settles.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)
        self._relayout.timeout.connect(self._after_relayout)
        self._top: float | None = None  # the leader's top offset, kept through relayouts
        self._pinned: tuple[float, float, float] | None = None  # see show_both
        for p in (old, new):
            p.document().documentLayout().documentSizeChanged.connect(lambda _s: self._relayout.start())

    # ------------------------------------------------------------ anchors
    def reset(self) -> None:
        """New texts: no anchors, no remembered position."""
        self._anchors = []
        self._keys = None
        self._top = None
        self._pinned = None
        self._leader = 1

    def set_anchors(self, anchors: Sequence[Anchor]) -> None:
        old_len = len(self.panes[0].text())
        new_len = len(self.panes[1].text())
        self._anchors = normalize_anchors(anchors, old_len, new_len)
        self._keys = ([a[0] for a in self._anchors], [a[1] for a in self._anchors])

    def anchors(self) -> list[Anchor]:
        if not self._anchors:
            # No comparison yet: proportional by length.
            return [(0, 0), (len(self.panes[0].text()), len(self.panes[1].text()))]
        return self._anchors

    def map_offset(self, value: float, from_side: int) -> float:
        if self._anchors and self._keys is not None:
            return interpolate(self._anchors, value, from_side, self._keys[from_side])
        return interpolate(self.anchors(), value, from_side)

    # ------------------------------------------------------------ pixels
    def sync_fraction(self, side: int) -> float:
        """Where in the leader's viewport the aligned point is: top, sliding to the
        bottom over the last screen of the document."""
        bar = self.panes[side].verticalScrollBar()
        page = max(bar.pageStep(), 1)
        start = bar.maximum() - page
        if bar.maximum() <= 0:
            return 0.0
        if bar.value() <= start:
            return 0.0
        return min(1.0, (bar.value() - start) / page)

    def follower_y(self, leader: int, y: float) -> float:
        """Document y in the follower that corresponds to document y in the leader."""
        anchors = self.anchors()
        lp, fp = self.panes[leader], self.panes[1 - leader]
        ly: list[float | None] = [None] * len(anchors)

        def ylead(i: int) -> float:
            v = ly[i]
            if v is None:
                v = ly[i] = lp.y_for_offset(anchors[i][leader])
            return v

        # Binary search: last anchor whose leader y <= y (anchor ys are monotone).
        # Half a pixel of slack: scroll values are whole pixels, and where text
        # exists on one side only, several anchors share the leader's y — the
        # last of them (the start of the pair that follows) is the one to show.
        probe = y + 0.5
        lo, hi = 0, len(anchors) - 1
        if probe <= ylead(0):
            return fp.y_for_offset(anchors[0][1 - leader]) + (y - ylead(0))
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if ylead(mid) <= probe:
                lo = mid
            else:
                hi = mid - 1
        i = lo
        if i >= len(anchors) - 1:
            return fp.y_for_offset(anchors[-1][1 - leader]) + (y - ylead(len(anchors) - 1))
        y0, y1 = ylead(i), ylead(i + 1)
        f0 = fp.y_for_offset(anchors[i][1 - leader])
        f1 = fp.y_for_offset(anchors[i + 1][1 - leader])
        t = min(max((y - y0) / (y1 - y0), 0.0), 1.0) if y1 > y0 else 1.0
        return f0 + t * (f1 - f0)

    def sync_from(self, leader: int) -> None:
        """Scroll the follower to match the leader now."""
        lp, fp = self.panes[leader], self.panes[1 - leader]
        frac = self.sync_fraction(leader)
        y = lp.verticalScrollBar().value() + frac * lp.viewport().height()
        fy = self.follower_y(leader, y) - frac * fp.viewport().height()
        self._busy = True
        try:
            fp.verticalScrollBar().setValue(round(fy))
        finally:
            self._busy = False
        self.synced.emit()

    def show_both(self, old_cp: float, new_cp: float, fraction: float = 0.3) -> None:
        """Scroll each pane to its own offset (a change, a target: a move's two ends
        are far apart) without one dragging the other; the positions hold through
        relayouts until the user scrolls."""
        self._busy = True
        try:
            self.panes[0].scroll_to_offset(old_cp, fraction)
            self.panes[1].scroll_to_offset(new_cp, fraction)
        finally:
            self._busy = False
        self._pinned = (old_cp, new_cp, fraction)
        self._leader = 1
        self._top = self.panes[1].offset_at_top()

    def _follow(self, leader: int) -> None:
        if self._busy:
            return
        self._pinned = None
        self._leader = leader
        self._top = self.panes[leader].offset_at_top()
        if self.enabled:
            self.sync_from(leader)

    def _after_relayout(self) -> None:
        """Put the text the leader showed back at its top, then align the follower."""
        if not self.enabled:
            return
        if self._pinned is not None:
            o, n, f = self._pinned
            self.show_both(o, n, f)
            return
        lp = self.panes[self._leader]
        if self._top is not None:
            self._busy = True
            try:
                lp.verticalScrollBar().setValue(round(lp.y_for_offset(self._top)))
            finally:
                self._busy = False
        self.sync_from(self._leader)
