"""Map a Comparison's spans to highlight ranges per text block (no Qt).

The engine decides what changed; this module only turns its spans into
``(start, length, flags)`` triples per block (a block is one ``\\n``-separated
paragraph, as QTextDocument makes it), in Qt's UTF-16 units relative to the
block start, so the highlighter's per-block work is a dict lookup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from reportdesk.engine import Change as Change
from reportdesk.engine import (
    ChangeKind,
    Comparison,
    PairKind,
    SectionStatus,
    change_kind,
    comparison_ranges,
    flatten,
    per_line,
    target_mark,
)
from reportdesk.ui.qt_offsets import offset_map

Range = tuple[int, int, int]  # (start, end, flags) in code points

# The engine draws the marks (engine.session.ranges); these names stay for the UI's callers.
__all__ = ["BlockRanges", "Chunk", "change_category", "change_kind", "comparison_ranges", "flatten", "gutter_chunks", "target_mark"]


@dataclass(frozen=True)
class BlockRanges:
    """Highlight ranges per block of one text, in UTF-16 units relative to each block."""

    blocks: dict[int, tuple[Range, ...]]  # block number -> ((start16, length16, flags), ...)
    texts: tuple[str, ...]  # the text of every block the ranges were computed for

    @staticmethod
    def build(text: str, ranges: Iterable[Range]) -> BlockRanges:
        texts = tuple(text.split("\n"))
        blocks: dict[int, tuple[Range, ...]] = {}
        for i, (line, lr) in enumerate(zip(texts, per_line(text, ranges), strict=True)):
            if lr:
                om = offset_map(line)
                blocks[i] = tuple((om.to_qt(s), om.to_qt(e) - om.to_qt(s), f) for s, e, f in lr)
        return BlockRanges(blocks, texts)


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
