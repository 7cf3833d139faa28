"""The messages of a live session: an edit of the draft in, a change of the screen out.

A keystroke sends only the lines it replaced (``DraftEdit``), never whole
reports; the answer (``ScreenDelta``) names only the lines whose ranges
changed.  Deltas are numbered: applied in order, they turn the window's copy of
the screen into the engine's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportdesk.engine.model import Comparison
from reportdesk.engine.session.ranges import (
    INSERTED,
    TARGET,
    LineRanges,
    comparison_ranges,
    from_flags,
    per_line,
    to_flags,
)


@dataclass(frozen=True)
class DraftEdit:
    """Lines ``first .. first+removed`` of the draft became ``lines``; the draft is then ``revision``.

    ``base_revision``: the revision of the text the edit was computed against; a session
    holding any other applies it nowhere (its line numbers may fit a different text)."""

    revision: int
    first: int
    removed: int
    lines: tuple[str, ...]
    base_revision: int = 0


@dataclass(frozen=True)
class Screen:
    """Ranges of every line of both texts."""

    old: tuple[LineRanges, ...]
    new: tuple[LineRanges, ...]


@dataclass(frozen=True)
class ScreenDelta:
    """Turns the screen of delta ``seq - 1`` into that of ``seq``.

    The draft's lines are spliced first (``splice``: first, removed, ranges of
    the lines put in), then single lines of either side replaced.  ``packed``
    comes with an exact pass on the newest revision: the comparison in pieces,
    without the older report (``unpack_comparison``; the window has the report);
    the panels need it, the highlights do not.
    """

    seq: int
    revision: int
    exact: bool
    splice: tuple[int, int, tuple[LineRanges, ...]] = (0, 0, ())
    old: tuple[tuple[int, LineRanges], ...] = ()
    new: tuple[tuple[int, LineRanges], ...] = ()
    packed: tuple[bytes, ...] = ()
    comparison: Comparison | None = None  # filled in by the receiver from ``packed``

    def touched(self) -> tuple[list[int], list[int]]:
        """(old lines, new lines) whose ranges this delta sets, new ones after the splice."""
        first, _removed, added = self.splice
        return [i for i, _ in self.old], sorted(
            {*range(first, first + len(added)), *(i for i, _ in self.new)}
        )


def screen_of(c: Comparison) -> Screen:
    old, new = comparison_ranges(c)
    return Screen(tuple(per_line(c.old.text, old)), tuple(per_line(c.new.text, new)))


def apply_delta(screen: Screen, d: ScreenDelta) -> Screen:
    """The screen after ``d`` (what the window holds after applying it)."""
    first, removed, added = d.splice
    new = list(screen.new)
    new[first : first + removed] = added
    for i, r in d.new:
        new[i] = r
    old = list(screen.old)
    for i, r in d.old:
        old[i] = r
    return Screen(tuple(old), tuple(new))


def changed_lines(
    before: Sequence[LineRanges], after: Sequence[LineRanges]
) -> tuple[tuple[int, LineRanges], ...]:
    """Lines (same count on both sides) whose ranges differ."""
    return tuple((i, r) for i, (a, r) in enumerate(zip(before, after, strict=True)) if a != r)


def common_ends(before: Sequence[str] | str, after: Sequence[str] | str) -> tuple[int, int]:
    """How many items ``before`` and ``after`` share at the start, then at the end (not
    overlapping the start): what an edit left alone on either side."""
    n = min(len(before), len(after))
    head = 0
    while head < n and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < n - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    return head, tail


def line_edit(
    before: Sequence[str], after: Sequence[str], revision: int, base_revision: int = 0
) -> DraftEdit:
    """The smallest run of lines that turns ``before`` (revision ``base_revision``) into ``after``."""
    first, tail = common_ends(before, after)
    return DraftEdit(
        revision,
        first,
        len(before) - first - tail,
        tuple(after[first : len(after) - tail]),
        base_revision,
    )


def remap_line(ranges: LineRanges, before: str, after: str) -> LineRanges:
    """A draft line's ranges carried through an edit of its text, until the engine answers:
    text kept on either side of the edit keeps its marks, typed text is marked inserted
    (what it is next to the older report, unless it restores its words)."""
    if before == after:
        return ranges
    head, tail = common_ends(before, after)
    flags = to_flags(len(before), ranges)
    typed = len(after) - head - tail
    near = flags[head - 1] if head else (flags[head] if head < len(flags) else 0)
    return from_flags(
        flags[:head] + [INSERTED | (near & TARGET)] * typed + flags[len(before) - tail :]
    )
