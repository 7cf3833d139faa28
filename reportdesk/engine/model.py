"""Immutable values the engine produces and every other layer reads.

All offsets are Python code-point offsets into ``Report.text`` (the normalized
plain text that ``reportdesk text FILE`` prints), half-open ``[start, end)``.
``Report.raw_offsets`` maps them back to the text as loaded, for display of the
original.  Qt's UTF-16 positions are computed only at the UI boundary.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:  # pragma: no cover - Python 3.10

    class StrEnum(str, Enum):
        """Members are their values: ``str(m)``, f-strings and JSON all give the plain string."""

        def __str__(self) -> str:
            return str(self.value)


@dataclass(frozen=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def __bool__(self) -> bool:
        # An empty span is still a place (an insertion point), not "no span".
        return True

    def contains(self, pos: int) -> bool:
        return self.start <= pos < self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


# ---------------------------------------------------------------- loading


@dataclass(frozen=True)
class RawParagraph:
    """One paragraph as a loader found it, with the structure hints the file format gives.

    ``style_level`` is 1..4 when the source marks it as a heading (a Word heading
    style or outline level); ``numbering`` is the label Word's automatic
    numbering would draw in front of it (e.g. ``"一、"``), which is not in the text.
    """

    text: str
    style_level: int | None = None
    numbering: str | None = None
    in_table: bool = False


class DocFormat(StrEnum):
    TXT = "txt"
    DOCX = "docx"


@dataclass(frozen=True)
class LoadedDocument:
    path: str
    format: DocFormat
    encoding: str  # detected text encoding, "docx" for Word files
    paragraphs: tuple[RawParagraph, ...]
    title: str = ""  # from document properties where the format has them
    # What the clerk should know about how the file was read, in plain Chinese
    # (tracked changes accepted, comments left out, text boxes and notes read …).
    notices: tuple[str, ...] = ()


# ---------------------------------------------------------------- structure


class BlockKind(StrEnum):
    FRONT = "front"  # title, date line, speaker, page clutter
    HEADING = "heading"  # a paragraph that is only a heading
    BODY = "body"  # ordinary paragraph (may start with a run-in heading)
    CLOSING = "closing"  # page chrome after the body (责任编辑, 打印本页 …)


class Part(StrEnum):
    """The conventional parts of a work report."""

    PREAMBLE = "preamble"  # 各位代表 … before the first section
    REVIEW = "review"  # 工作回顾
    REQUIREMENTS = "requirements"  # 总体要求 / 主要预期目标
    TASKS = "tasks"  # 工作任务 / 工作安排
    GOVERNMENT = "government"  # 政府自身建设
    OTHER = "other"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    clauses: tuple[Span, ...] = ()  # split at ，、；： outside quotes/brackets

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    text: str
    kind: BlockKind
    level: int = 0  # heading level 1..4 (一、 （一） 1. （1）); 0 for body text
    heading_end: int = -1  # end offset of a (run-in) heading; -1 when none
    section: int = -1  # index into Report.sections; -1 for front matter
    sentences: tuple[Sentence, ...] = ()

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def has_heading(self) -> bool:
        return self.heading_end >= 0


@dataclass(frozen=True)
class Section:
    index: int
    heading: str  # heading text without its number, e.g. "2024年工作回顾"
    number: str  # the label as written, e.g. "一、" or "（一）"; "" for the preamble
    level: int  # 0 preamble, 1..4
    part: Part
    start: int  # start of the heading paragraph
    end: int  # end of the last paragraph before the next heading of any level
    paragraphs: tuple[int, ...]  # paragraph indices it holds directly
    parent: int | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def title(self) -> str:
        return f"{self.number}{self.heading}"


@dataclass(frozen=True)
class Report:
    path: str
    title: str
    year: int | None  # the year the report is given in (2025 for the 2025 report)
    text: str  # normalized plain text; paragraphs separated by "\n"
    raw: str  # the text as loaded (paragraphs joined by "\n")
    raw_offsets: tuple[int, ...]  # len(text)+1 entries: text offset -> raw offset
    paragraphs: tuple[Paragraph, ...]
    sections: tuple[Section, ...]
    encoding: str = ""
    format: DocFormat = DocFormat.TXT
    notices: tuple[str, ...] = ()  # LoadedDocument.notices of the file it was built from

    @property
    def body_start(self) -> int:
        for p in self.paragraphs:
            if p.kind is not BlockKind.FRONT:
                return p.start
        return len(self.text)

    def sentences(self) -> list[Sentence]:
        return [s for p in self.paragraphs for s in p.sentences]

    def paragraph_at(self, pos: int) -> Paragraph | None:
        import bisect

        starts = [p.start for p in self.paragraphs]
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and self.paragraphs[i].start <= pos <= self.paragraphs[i].end:
            return self.paragraphs[i]
        return None

    def section_at(self, pos: int) -> Section | None:
        p = self.paragraph_at(pos)
        if p is None or p.section < 0:
            return None
        return self.sections[p.section]


# ---------------------------------------------------------------- comparison


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
    similarity: float  # 0..1, share of characters unchanged
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


# ---------------------------------------------------------------- targets


class Qualifier(StrEnum):
    AT_LEAST = "at_least"
    ABOUT = "about"
    AT_MOST = "at_most"
    EXACT = "exact"
    RANGE = "range"


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"
    LEVEL = "level"


class FigureKind(StrEnum):
    """Whether a figure is a plan, a reported result or context; only TARGET is a target."""

    TARGET = "target"  # what the report plans
    ACTUAL = "actual"  # what it reports as achieved
    OTHER = "other"  # history and context


@dataclass(frozen=True)
class Quantity:
    value: Decimal  # in the base unit (1.6万人 -> 16000 人)
    unit: str  # base unit: "%", "个百分点", "元", "人", "斤" …
    value_max: Decimal | None = None  # upper end of a range
    span: Span = Span(0, 0)  # the number and unit in the text
    text: str = ""

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


@dataclass(frozen=True)
class Figure:
    """A quantity a report states for an indicator: a target, an achieved result, or context.

    Named for what it is rather than ``Target`` since most figures in a report are
    results (``kind``); JSON still calls the list ``targets``.
    """

    quote: str
    indicator: str
    value: Decimal
    unit: str
    qualifier: Qualifier
    direction: Direction
    kind: FigureKind
    span: Span  # the quote in Report.text
    sentence: Span
    section: int  # index into Report.sections
    value_max: Decimal | None = None
    year: int | None = None  # the year the value refers to

    @property
    def start(self) -> int:
        return self.span.start

    @property
    def end(self) -> int:
        return self.span.end


class TargetChangeKind(StrEnum):
    UNCHANGED = "unchanged"
    RAISED = "raised"
    LOWERED = "lowered"
    QUALIFIER_CHANGED = "qualifier_changed"
    RAISED_AND_QUALIFIER_CHANGED = "raised_and_qualifier_changed"
    LOWERED_AND_QUALIFIER_CHANGED = "lowered_and_qualifier_changed"
    NEW = "new"
    DROPPED = "dropped"


class ReviewStatus(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_REPORTED = "not_reported"


@dataclass(frozen=True)
class TargetChange:
    indicator: str
    old: Figure | None
    new: Figure | None
    change: TargetChangeKind
    wording: str  # 提高0.5个百分点；由“左右”改为“以上”


@dataclass(frozen=True)
class TargetReview:
    indicator: str
    target: Figure  # last year's target (from the older report)
    actual: Figure | None  # what the newer report says was achieved
    status: ReviewStatus
    wording: str


@dataclass(frozen=True)
class PhraseOccurrence:
    phrase: str
    spans: tuple[Span, ...]  # where it occurs in its report


@dataclass(frozen=True)
class PhraseChanges:
    """Key phrases (提法) between two reports; spans in old for removed, new for added/kept."""

    added: tuple[PhraseOccurrence, ...] = ()
    removed: tuple[PhraseOccurrence, ...] = ()
    kept: tuple[PhraseOccurrence, ...] = ()


# ---------------------------------------------------------------- the result


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
