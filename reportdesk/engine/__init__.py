"""The comparison engine's public face: pure Python, no Qt, no python-docx.

Code outside ``reportdesk.engine`` imports from here only (checked by
``tests/engine/test_purity.py``); the sub-packages are the engine's own business:

- ``load``        files → ``LoadedDocument`` (sniffing, text encodings, .docx)
- ``text``        normalisation with an offset map, sentences, jieba tokens
- ``structure``   headings, parts, front matter → ``Report``
- ``align``       sections and sentences matched between two reports
- ``diff``        word-level edits inside aligned pairs; whole-document edit script
- ``comparison``  the pipeline → ``Comparison``; change navigation
- ``targets``     numbers as values, figures, pairing across years, verdicts, series
- ``phrases``     key phrases (提法) added, removed, kept
- ``serialize``   JSON forms of the results
- ``session``     a live comparison followed edit by edit (fast path, exact pass, screen deltas)
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from reportdesk.engine.lazy import lazy_names

if TYPE_CHECKING:  # what mypy and ruff see; at run time the names come on first use (below)
    from reportdesk.engine.comparison.clutter import clutter_notice
    from reportdesk.engine.comparison.navigation import ChangeIndex
    from reportdesk.engine.comparison.parallel import compare_paths
    from reportdesk.engine.comparison.pipeline import Progress, compare
    from reportdesk.engine.diff.document import document_ops
    from reportdesk.engine.errors import ExportError, LoadError, ReportDeskError, SaveError
    from reportdesk.engine.load.loader import load_document, load_report
    from reportdesk.engine.model import (
        AlignedPair,
        BlockKind,
        Change,
        ChangeKind,
        CompareOptions,
        Comparison,
        Direction,
        DocFormat,
        Figure,
        FigureKind,
        HintKind,
        InlineOp,
        LoadedDocument,
        OpKind,
        PairKind,
        Paragraph,
        Part,
        PhraseChanges,
        PhraseOccurrence,
        Qualifier,
        Quantity,
        RawParagraph,
        Report,
        ReviewStatus,
        Section,
        SectionMatch,
        SectionStatus,
        Sentence,
        Span,
        Stats,
        TargetChange,
        TargetChangeKind,
        TargetHint,
        TargetReview,
        TargetTier,
    )
    from reportdesk.engine.serialize import comparison_to_dict
    from reportdesk.engine.session import (
        DraftEdit,
        Screen,
        ScreenDelta,
        SessionLost,
        apply_delta,
        change_kind,
        common_ends,
        comparison_ranges,
        flatten,
        line_edit,
        live_close,
        live_edit,
        live_exact,
        live_start,
        pack_comparison,
        per_line,
        remap_line,
        screen_of,
        target_mark,
        unpack_comparison,
    )
    from reportdesk.engine.structure.build import build_report, outline, report_from_text
    from reportdesk.engine.targets.extract import extract_targets
    from reportdesk.engine.targets.rows import (
        HEADLINE_TIERS,
        UNNAMED,
        TargetCounts,
        TargetRow,
        target_counts,
        target_rows,
    )
    from reportdesk.engine.targets.serialize import series_to_dict, target_to_dict
    from reportdesk.engine.targets.series import Series, SeriesCell, target_series
    from reportdesk.engine.targets.wording import stated, value_text
    from reportdesk.engine.text.tokenize import warm_up as warm_up_tokenizer

# Each name and the sub-module that defines it ("module" or "module:attribute" when the
# face renames it).  A window that only shows results never imports the comparing (align,
# numpy, jieba…): issue 12, start-up.
_LAZY: dict[str, str] = {
    "clutter_notice": "comparison.clutter",
    "ChangeIndex": "comparison.navigation",
    "compare_paths": "comparison.parallel",
    "Progress": "comparison.pipeline",
    "compare": "comparison.pipeline",
    "document_ops": "diff.document",
    "ExportError": "errors",
    "LoadError": "errors",
    "ReportDeskError": "errors",
    "SaveError": "errors",
    "load_document": "load.loader",
    "load_report": "load.loader",
    "AlignedPair": "model",
    "BlockKind": "model",
    "Change": "model",
    "ChangeKind": "model",
    "CompareOptions": "model",
    "Comparison": "model",
    "Direction": "model",
    "DocFormat": "model",
    "Figure": "model",
    "FigureKind": "model",
    "HintKind": "model",
    "InlineOp": "model",
    "LoadedDocument": "model",
    "OpKind": "model",
    "PairKind": "model",
    "Paragraph": "model",
    "Part": "model",
    "PhraseChanges": "model",
    "PhraseOccurrence": "model",
    "Qualifier": "model",
    "Quantity": "model",
    "RawParagraph": "model",
    "Report": "model",
    "ReviewStatus": "model",
    "Section": "model",
    "SectionMatch": "model",
    "SectionStatus": "model",
    "Sentence": "model",
    "Span": "model",
    "Stats": "model",
    "TargetChange": "model",
    "TargetChangeKind": "model",
    "TargetHint": "model",
    "TargetReview": "model",
    "TargetTier": "model",
    "comparison_to_dict": "serialize",
    "DraftEdit": "session",
    "Screen": "session",
    "ScreenDelta": "session",
    "apply_delta": "session",
    "common_ends": "session",
    "line_edit": "session",
    "remap_line": "session",
    "screen_of": "session",
    "SessionLost": "session",
    "live_close": "session",
    "live_edit": "session",
    "live_exact": "session",
    "live_start": "session",
    "pack_comparison": "session",
    "unpack_comparison": "session",
    "change_kind": "session",
    "comparison_ranges": "session",
    "flatten": "session",
    "per_line": "session",
    "target_mark": "session",
    "build_report": "structure.build",
    "outline": "structure.build",
    "report_from_text": "structure.build",
    "extract_targets": "targets.extract",
    "HEADLINE_TIERS": "targets.rows",
    "UNNAMED": "targets.rows",
    "TargetCounts": "targets.rows",
    "TargetRow": "targets.rows",
    "target_counts": "targets.rows",
    "target_rows": "targets.rows",
    "series_to_dict": "targets.serialize",
    "target_to_dict": "targets.serialize",
    "Series": "targets.series",
    "SeriesCell": "targets.series",
    "target_series": "targets.series",
    "stated": "targets.wording",
    "value_text": "targets.wording",
    "warm_up_tokenizer": "text.tokenize:warm_up",
}

__all__ = [
    "AlignedPair",
    "BlockKind",
    "Change",
    "ChangeIndex",
    "ChangeKind",
    "CompareOptions",
    "Comparison",
    "Direction",
    "DocFormat",
    "ExportError",
    "HEADLINE_TIERS",
    "Figure",
    "FigureKind",
    "HintKind",
    "InlineOp",
    "LoadError",
    "LoadedDocument",
    "OpKind",
    "Paragraph",
    "PairKind",
    "Part",
    "PhraseChanges",
    "PhraseOccurrence",
    "Progress",
    "Qualifier",
    "Quantity",
    "RawParagraph",
    "Report",
    "ReportDeskError",
    "ReviewStatus",
    "SaveError",
    "Section",
    "SectionMatch",
    "SectionStatus",
    "Sentence",
    "Series",
    "SeriesCell",
    "Span",
    "Stats",
    "TargetChange",
    "TargetChangeKind",
    "TargetCounts",
    "TargetHint",
    "TargetReview",
    "TargetRow",
    "UNNAMED",
    "TargetTier",
    "build_report",
    "clutter_notice",
    "compare",
    "compare_paths",
    "comparison_to_dict",
    "document_ops",
    "extract_targets",
    "load_document",
    "load_report",
    "outline",
    "report_from_text",
    "series_to_dict",
    "target_counts",
    "target_rows",
    "target_series",
    "target_to_dict",
    "stated",
    "value_text",
    "warm_up_tokenizer",
    "import_all",
    # live session (engine/session)
    "DraftEdit",
    "Screen",
    "ScreenDelta",
    "SessionLost",
    "apply_delta",
    "change_kind",
    "common_ends",
    "comparison_ranges",
    "flatten",
    "line_edit",
    "live_close",
    "live_edit",
    "live_exact",
    "live_start",
    "pack_comparison",
    "per_line",
    "remap_line",
    "screen_of",
    "target_mark",
    "unpack_comparison",
]


if not TYPE_CHECKING:  # hidden from mypy, which would otherwise accept any name from here
    __getattr__, __dir__ = lazy_names(__name__, _LAZY, globals(), __all__)


def import_all() -> None:
    """Import every sub-module behind the face now: the engine process, warm before its first job."""
    face = sys.modules[__name__]
    for name in __all__:
        getattr(face, name)
