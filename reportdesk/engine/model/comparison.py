"""What ``compare(old, new)`` produces: aligned pairs, changes, statistics, the result."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportdesk.engine.model.base import Span, StrEnum
from reportdesk.engine.model.document import Report
from reportdesk.engine.model.figures import (
    PhraseChanges,
    TargetChange,
    TargetHint,
    TargetReview,
    TargetTier,
)


class ChangeKind(StrEnum):
    INSERT = "insert"
    DELETE = "delete"
    REPLACE = "replace"
    MOVE = "move"


class PairKind(StrEnum):
    EQUAL = "equal"  # same after normalization
    CHANGED = "changed"  # aligned, with word-level edits
    INSERTED = "inserted"  # only in the new report
    DELETED = "deleted"  # only in the old report
    MOVED = "moved"  # aligned with a sentence elsewhere (may also have edits)


class OpKind(StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class InlineOp:
    """One edit step: token-level inside an aligned pair (diff-match-patch style),
    or a stretch of the whole-document edit script (``document_ops``)."""

    op: OpKind
    old: Span | None  # span in the old text (None for inserts)
    new: Span | None  # span in the new text (None for deletes)
    moved: bool = False  # a clause that moved within its sentence (document_ops: any moved text)
    # The Change.id an insert or delete belongs to; only document_ops fills it in
    # (inside AlignedPair.ops the pair's changes are in Comparison.changes).
    change: int | None = None


@dataclass(frozen=True)
class AlignedPair:
    index: int
    kind: PairKind
    old: Span | None  # sentence span in old text
    new: Span | None  # sentence span in new text
    similarity: float
    section: int  # index into Comparison.sections
    ops: tuple[InlineOp, ...] = ()
    # The pair was too long for a word diff (diff.MAX_TOKENS) and its middle is
    # shown as one delete + insert: coarser than the truth, and said so.
    coarse: bool = False


class SectionStatus(StrEnum):
    MATCHED = "matched"
    RENAMED = "renamed"
    MOVED = "moved"
    NEW = "new"
    REMOVED = "removed"


@dataclass(frozen=True)
class SectionMatch:
    old: int | None  # index into old.sections
    new: int | None
    old_heading: str
    new_heading: str
    similarity: float
    status: SectionStatus


@dataclass(frozen=True)
class Change:
    id: int
    kind: ChangeKind
    section: str  # section title where it happens (new side where it exists)
    old: Span | None
    new: Span | None
    old_text: str
    new_text: str
    pair: int  # index into Comparison.pairs
    is_target: bool = False  # touches a quantity (number with unit)
    moved_from: Span | None = None  # for moves: where it came from (old side) ...
    moved_to: Span | None = None  # ... and where it went (new side)
    # The weightiest tier of the target figures whose number this change touches;
    # None when it touches none (then a changed number is 数字修改, not 目标变化).
    target_tier: TargetTier | None = None

    @property
    def touches_target(self) -> bool:
        """目标变化: the change touches a main or named target (task quantities excluded)."""
        return self.target_tier in (TargetTier.MAIN, TargetTier.NAMED)


@dataclass(frozen=True)
class Stats:
    sentences_old: int
    sentences_new: int
    equal: int
    changed: int
    inserted: int
    deleted: int
    moved: int
    chars_inserted: int
    chars_deleted: int
    similarity: float  # 0..1, share of the new report's non-space characters unchanged (equal ops, moves included)
    # (ChangeKind value or "target", count) in a fixed order; a tuple so Stats stays
    # immutable and hashable.  Read one with count(kind).
    changes_by_kind: tuple[tuple[str, int], ...] = ()
    coarse: int = 0  # pairs diffed coarsely (AlignedPair.coarse)
    split: int = 0  # pairs where one old sentence became two new ones
    merged: int = 0  # pairs where two old sentences became one new one

    def count(self, kind: str) -> int:
        """Changes of one kind (a ChangeKind, or "target" for those touching a quantity)."""
        return next((n for k, n in self.changes_by_kind if k == kind), 0)


@dataclass(frozen=True)
class CompareOptions:
    ignore_punctuation_width: bool = True  # ，vs , is no change
    detect_moves: bool = True
    move_threshold: float = 0.6  # similarity for a moved sentence
    pair_threshold: float = 0.35  # below this, two sentences are delete + insert
    keep_clutter: bool = False  # compare web-page chrome lines (Paragraph.clutter) too


@dataclass(frozen=True)
class Comparison:
    """Everything ``compare(old, new)`` found; see engine/compare.py."""

    old: Report
    new: Report
    options: CompareOptions
    sections: tuple[SectionMatch, ...]
    pairs: tuple[AlignedPair, ...]  # in reading order of the new report, deletions interleaved
    changes: tuple[Change, ...]  # in reading order of the new report
    stats: Stats
    # Monotone (old_offset, new_offset) points where the two texts correspond:
    # the UI interpolates between them to scroll both panes in step.
    anchors: tuple[tuple[int, int], ...] = ()
    target_changes: tuple[TargetChange, ...] = ()
    target_review: tuple[TargetReview, ...] = ()
    phrases: PhraseChanges = field(default_factory=PhraseChanges)
    hints: tuple[TargetHint, ...] = ()  # 提示: a main indicator stated with two values
