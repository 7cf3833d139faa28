"""What the screen shows of a comparison: flagged ranges per line of each text.

A line is one ``\\n``-separated paragraph (a block of Qt's text document).
Ranges are ``(start, end, flags)`` in code points relative to the line start,
sorted and non-overlapping, so the window only converts them to its own units.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportdesk.engine.model import (
    Change,
    ChangeKind,
    Comparison,
    OpKind,
    PairKind,
    Span,
    TargetChangeKind,
)
from reportdesk.engine.targets.rows import HEADLINE_TIERS

# Flags of a range (a bit set: a moved clause may also hold a changed target).
DELETED = 1  # only in the old report (struck through)
INSERTED = 2  # only in the new report (underlined)
MOVED = 4  # a sentence or clause that moved
TARGET = 8  # a changed main or named target

Range = tuple[int, int, int]  # (start, end, flags)
LineRanges = tuple[Range, ...]


def target_mark(c: Comparison, change: Change) -> bool:
    """Paint the change as a changed target?  Only word-level edits of a main or named
    target inside an aligned sentence: a whole new sentence holding a number stays an
    insertion, or half the report would be amber."""
    if not change.touches_target or not 0 <= change.pair < len(c.pairs):
        return False
    return c.pairs[change.pair].kind in (PairKind.CHANGED, PairKind.MOVED)


def comparison_ranges(c: Comparison) -> tuple[list[Range], list[Range]]:
    """(old ranges, new ranges) with flags over whole texts, possibly overlapping."""
    old: list[Range] = []
    new: list[Range] = []

    def add(dst: list[Range], span: Span | None, flags: int) -> None:
        if span is not None and span.end > span.start:
            dst.append((span.start, span.end, flags))

    for p in c.pairs:
        if p.kind is PairKind.INSERTED:
            add(new, p.new, INSERTED)
        elif p.kind is PairKind.DELETED:
            add(old, p.old, DELETED)
        elif p.kind is PairKind.MOVED:
            add(old, p.old, MOVED)
            add(new, p.new, MOVED)
        elif p.kind is PairKind.EQUAL:
            continue
        for op in p.ops:
            if op.op is OpKind.DELETE:
                add(old, op.old, DELETED)
            elif op.op is OpKind.INSERT:
                add(new, op.new, INSERTED)
            if op.moved:
                add(old, op.old, MOVED)
                add(new, op.new, MOVED)
    for ch in c.changes:
        if target_mark(c, ch):
            add(old, ch.old, TARGET)
            add(new, ch.new, TARGET)
        add(old, ch.moved_from, MOVED)
        add(new, ch.moved_to, MOVED)
    for tc in c.target_changes:
        if tc.change is TargetChangeKind.UNCHANGED or tc.tier not in HEADLINE_TIERS:
            continue
        if tc.old is not None:
            add(old, Span(tc.old.start, tc.old.end), TARGET)
        if tc.new is not None:
            add(new, Span(tc.new.start, tc.new.end), TARGET)
    return old, new


def flatten(ranges: Iterable[Range]) -> list[Range]:
    """Non-overlapping, sorted ranges whose flags are the OR of all covering ranges."""
    events: dict[int, list[int]] = {}
    for s, e, f in ranges:
        events.setdefault(s, []).append(f)
        events.setdefault(e, []).append(-f)
    out: list[Range] = []
    counts = [0] * 8  # per flag bit: how many ranges cover
    prev: int | None = None
    for pos in sorted(events):
        if prev is not None and pos > prev:
            flags = sum(1 << b for b in range(8) if counts[b] > 0)
            if flags:
                if out and out[-1][1] == prev and out[-1][2] == flags:
                    out[-1] = (out[-1][0], pos, flags)
                else:
                    out.append((prev, pos, flags))
        for f in events[pos]:
            sign = 1 if f > 0 else -1
            for b in range(8):
                if abs(f) >> b & 1:
                    counts[b] += sign
        prev = pos
    return out


def per_line(text: str, ranges: Iterable[Range]) -> list[LineRanges]:
    """Flattened ranges cut at line breaks, relative to each line (one entry per line)."""
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for t in lines:
        starts.append(pos)
        pos += len(t) + 1
    out: list[list[Range]] = [[] for _ in lines]
    li = 0
    for s, e, f in flatten(ranges):
        while li + 1 < len(starts) and starts[li + 1] <= s:
            li += 1  # sorted ranges: the line only moves forward
        b = li
        while s < e and b < len(lines):
            bstart = starts[b]
            bend = bstart + len(lines[b])
            if min(e, bend) > s:
                out[b].append((s - bstart, min(e, bend) - bstart, f))
            b += 1
            s = max(s, bend + 1)
    return [tuple(r) for r in out]


def to_flags(length: int, ranges: Iterable[Range]) -> list[int]:
    """One flag set per character of a line."""
    flags = [0] * length
    for s, e, f in ranges:
        for i in range(max(s, 0), min(e, length)):
            flags[i] |= f
    return flags


def from_flags(flags: list[int]) -> LineRanges:
    """Runs of equal, non-zero flags as ranges."""
    out: list[Range] = []
    start = 0
    for i in range(1, len(flags) + 1):
        if i == len(flags) or flags[i] != flags[start]:
            if flags[start]:
                out.append((start, i, flags[start]))
            start = i
    return tuple(out)


def change_kind(c: Comparison, change: Change) -> str:
    """Colour kind of a change: target | moved | inserted | deleted | changed."""
    if target_mark(c, change):
        return "target"
    return {
        ChangeKind.MOVE: "moved",
        ChangeKind.INSERT: "inserted",
        ChangeKind.DELETE: "deleted",
    }.get(change.kind, "changed")
