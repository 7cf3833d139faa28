"""Immutable values the engine produces and every other layer reads.

All offsets are Python code-point offsets into ``Report.text`` (the normalized
plain text that ``reportdesk text FILE`` prints), half-open ``[start, end)``.
``Report.raw_offsets`` maps them back to the text as loaded, for display of the
original.  Qt's UTF-16 positions are computed only at the UI boundary.

Split by subject: ``base`` (Span, StrEnum), ``document`` (a loaded and structured
report), ``figures`` (quantities, their changes and verdicts, phrases) and
``comparison`` (pairs, changes, statistics, the result). Import from here.
"""

from __future__ import annotations

from reportdesk.engine.model.base import (
    Span,
)
from reportdesk.engine.model.comparison import (
    AlignedPair,
    Change,
    ChangeKind,
    CompareOptions,
    Comparison,
    InlineOp,
    OpKind,
    PairKind,
    SectionMatch,
    SectionStatus,
    Stats,
)
from reportdesk.engine.model.document import (
    BlockKind,
    DocFormat,
    LoadedDocument,
    Paragraph,
    Part,
    RawParagraph,
    Report,
    Section,
    Sentence,
)
from reportdesk.engine.model.figures import (
    Direction,
    Figure,
    FigureKind,
    HintKind,
    PhraseChanges,
    PhraseOccurrence,
    Qualifier,
    Quantity,
    ReviewStatus,
    TargetChange,
    TargetChangeKind,
    TargetHint,
    TargetReview,
    TargetTier,
)

__all__ = [
    "AlignedPair",
    "BlockKind",
    "Change",
    "ChangeKind",
    "CompareOptions",
    "Comparison",
    "Direction",
    "DocFormat",
    "Figure",
    "FigureKind",
    "HintKind",
    "InlineOp",
    "LoadedDocument",
    "OpKind",
    "PairKind",
    "Paragraph",
    "Part",
    "PhraseChanges",
    "PhraseOccurrence",
    "Qualifier",
    "Quantity",
    "RawParagraph",
    "Report",
    "ReviewStatus",
    "Section",
    "SectionMatch",
    "SectionStatus",
    "Sentence",
    "Span",
    "Stats",
    "TargetChange",
    "TargetChangeKind",
    "TargetHint",
    "TargetReview",
    "TargetTier",
]
