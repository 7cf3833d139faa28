"""Map a Comparison's spans to highlight ranges per text block (no Qt).

The engine decides what changed; this module only turns its spans into
``(start, length, flags)`` triples per block (a block is one ``\\n``-separated
paragraph, as QTextDocument makes it), in Qt's UTF-16 units relative to the
block start, so the highlighter's per-block work is a dict lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportdesk.engine import (
    HEADLINE_TIERS,
    Change,
    ChangeKind,
    Comparison,
    OpKind,
    PairKind,
    SectionStatus,
    Span,
    TargetChangeKind,
)
from reportdesk.ui.palette import DELETED, INSERTED, MOVED, TARGET
from reportdesk.ui.qt_offsets import offset_map

Range = tuple[int, int, int]  # (start, end, flags) in code points


def comparison_ranges(c: Comparison) -> tuple[list[Range], list[Range]]:
    """(old ranges, new ranges) with flags, possibly overlapping."""
    old: list[Range] = []
    new: list[Range] = []

    def add(dst: list[Range], span: Span | None, flags: int) -> None:
        if span is not None and span.end > span.start:
            dst.append((span.start, span.end, flags))

    for p in c.pairs:
        if p.kind is PairKind.EQUAL:
            continue
        if p.kind is PairKind.INSERTED:
            add(new, p.new, INSERTED)
        elif p.kind is PairKind.DELETED:
            add(old, p.old, DELETED)
        elif p.kind is PairKind.MOVED:
            add(old, p.old, MOVED)
            add(new, p.new, MOVED)
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
        if ch.moved_from is not None:
            add(old, ch.moved_from, MOVED)
        if ch.moved_to is not None:
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
    counts: dict[int, int] = {}  # flag bit -> how many ranges cover
    prev = None
    for pos in sorted(events):
        if prev is not None and pos > prev:
            flags = 0
            for bit, n in counts.items():
                if n > 0:
                    flags |= bit
            if flags:
                if out and out[-1][1] == prev and out[-1][2] == flags:
                    out[-1] = (out[-1][0], pos, flags)
                else:
                    out.append((prev, pos, flags))
        for f in events[pos]:
            sign = 1 if f > 0 else -1
            f = abs(f)
            bit = 1
            while bit <= f:
                if f & bit:
                    counts[bit] = counts.get(bit, 0) + sign
                bit <<= 1
        prev = pos
    return out


@dataclass(frozen=True)
class BlockRanges:
    """Highlight ranges per block of one text, in UTF-16 units relative to each block."""

    blocks: dict[int, tuple[Range, ...]]  # block number -> ((start16, length16, flags), ...)
    texts: tuple[str, ...]  # the text of every block the ranges were computed for

    @staticmethod
    def build(text: str, ranges: Iterable[Range]) -> BlockRanges:
        texts = tuple(text.split("\n"))
        starts: list[int] = []
        pos = 0
        for t in texts:
            starts.append(pos)
            pos += len(t) + 1
        om = offset_map(text)
        blocks: dict[int, list[Range]] = {}
        bi = 0
        for s, e, f in flatten(ranges):
            # Ranges come sorted, so the block index only moves forward.
            while bi + 1 < len(starts) and starts[bi + 1] <= s:
                bi += 1
            b = bi
            while s < e and b < len(texts):
                bstart = starts[b]
                bend = bstart + len(texts[b])
                seg_end = min(e, bend)
                if seg_end > s:
                    q0 = om.to_qt(bstart)
                    qs = om.to_qt(s) - q0
                    qe = om.to_qt(seg_end) - q0
                    blocks.setdefault(b, []).append((qs, qe - qs, f))
                b += 1
                s = max(s, bend + 1)
        return BlockRanges({k: tuple(v) for k, v in blocks.items()}, texts)

    def changed_blocks(self, other: BlockRanges | None) -> set[int]:
        """Block numbers whose highlighting differs from ``other``'s."""
        if other is None:
            return set(self.blocks) | set(range(len(self.texts)))
        keys = set(self.blocks) | set(other.blocks)
        out = {k for k in keys if self.blocks.get(k) != other.blocks.get(k)}
        n = max(len(self.texts), len(other.texts))
        out |= {
            i
            for i in range(n)
            if i >= len(self.texts) or i >= len(other.texts) or self.texts[i] != other.texts[i]
        }
        return out


# ------------------------------------------------------------ change kinds
def target_mark(c: Comparison, change: Change) -> bool:
    """Paint the change as a changed target (bold on amber)?

    Only a change touching a main or named target (``Change.touches_target``): any
    other changed number is 数字修改 and keeps the ordinary marks.  Only word-level edits inside an aligned sentence: a whole new or dropped
    sentence that happens to hold a number stays an insertion or deletion,
    or half the report would be amber.
    """
    if not change.touches_target or not 0 <= change.pair < len(c.pairs):
        return False
    return c.pairs[change.pair].kind in (PairKind.CHANGED, PairKind.MOVED)


def change_kind(c: Comparison, change: Change) -> str:
    """Colour kind of a change: target | moved | inserted | deleted | changed."""
    if target_mark(c, change):
        return "target"
    if change.kind is ChangeKind.MOVE:
        return "moved"
    if change.kind is ChangeKind.INSERT:
        return "inserted"
    if change.kind is ChangeKind.DELETE:
        return "deleted"
    return "changed"


def change_category(c: Comparison, change: Change) -> str:
    """Filter category: target (目标变化) | number (数字修改) | move | new_section | removed_section | wording."""
    if change.touches_target:
        return "target"
    if change.is_target:
        return "number"
    if change.kind is ChangeKind.MOVE:
        return "move"
    if 0 <= change.pair < len(c.pairs):
        sec = c.pairs[change.pair].section
        if 0 <= sec < len(c.sections):
            status = c.sections[sec].status
            if status is SectionStatus.NEW and change.kind is ChangeKind.INSERT:
                return "new_section"
            if status is SectionStatus.REMOVED and change.kind is ChangeKind.DELETE:
                return "removed_section"
    return "wording"


@dataclass(frozen=True)
class Chunk:
    """A run of aligned, changed text: what one gutter band joins (code points)."""

    kind: str  # changed | inserted | deleted | moved | target
    old_start: int
    old_end: int
    new_start: int
    new_end: int


def gutter_chunks(
    c: Comparison, map_new_to_old: Callable[[float], float], map_old_to_new: Callable[[float], float]
) -> list[Chunk]:
    """Bands for every non-equal pair; adjacent ones in a paragraph merge (moves never).

    ``map_*`` place the missing side of an insertion or deletion (anchor
    interpolation), so its band narrows to a point where it belongs.
    """
    targets = {ch.pair for ch in c.changes if target_mark(c, ch)}
    out: list[Chunk] = []
    for p in c.pairs:
        if p.kind is PairKind.EQUAL:
            continue
        old, new = p.old, p.new
        if old is not None and new is not None:
            os_, oe, ns, ne = old.start, old.end, new.start, new.end
        elif new is not None:  # inserted: the old side is a point where it belongs
            os_ = oe = round(map_new_to_old(new.start))
            ns, ne = new.start, new.end
        elif old is not None:  # deleted: the new side is a point
            os_, oe = old.start, old.end
            ns = ne = round(map_old_to_new(old.start))
        else:
            continue
        kind = {
            PairKind.CHANGED: "changed",
            PairKind.INSERTED: "inserted",
            PairKind.DELETED: "deleted",
            PairKind.MOVED: "moved",
        }[p.kind]
        if p.index in targets and kind != "moved":
            kind = "target"
        prev = out[-1] if out else None
        if (
            prev is not None
            and kind != "moved"
            and prev.kind != "moved"
            and os_ == prev.old_end  # adjacent sentences of one paragraph on both
            and ns == prev.new_end  # sides (a paragraph break is a gap of one)
        ):
            merged = prev.kind if prev.kind == kind else ("target" if "target" in (prev.kind, kind) else "changed")
            out[-1] = Chunk(merged, prev.old_start, max(oe, prev.old_end), prev.new_start, max(ne, prev.new_end))
        else:
            out.append(Chunk(kind, os_, oe, ns, ne))
    return out
