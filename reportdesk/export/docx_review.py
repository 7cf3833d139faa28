"""Comparison → review .docx: cover and statistics, tracked changes with comments, 修改对照表.

``export_review(comparison, path, options)`` is the one entry point for the
export dialog and ``reportdesk compare … -o review.docx``.  The document is
built in memory and written atomically (see atomic.py); no Qt here.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import IO

from docx import Document
from docx.document import Document as DocumentObject

from reportdesk.engine import Comparison, ExportError, ReportDeskError

from . import atomic, comments, layout, oxml, summary, table
from .options import FORMS, ExportOptions
from .tracked import TrackedWriter

__all__ = ["ExportOptions", "build_document", "export_review"]

BODY_BOOKMARK_ID = 90000  # apart from comment ids (0…) and revision ids (100001…)


def build_document(
    comparison: Comparison, options: ExportOptions | None = None
) -> DocumentObject:
    """The whole review document as a python-docx object (not yet saved)."""
    options = options or ExportOptions()  # built per call: the author is looked up at export time
    if options.form not in FORMS:
        raise ExportError(
            f"未知的审阅稿形式“{options.form}”，应为修订稿、对照表或两者。",
            f"bad form {options.form!r}",
        )
    date = options.date or datetime.now()
    doc = Document()
    layout.apply(doc, options)
    props = doc.core_properties
    props.title = _core_text(f"{summary.report_label(comparison.new)}修改审阅稿")
    props.author = _core_text(options.author)
    props.last_modified_by = _core_text(options.author)
    props.comments = "由报告对照台（ReportDesk）生成"
    props.created = props.modified = date
    props.revision = 1
    _drop_template_leftovers(doc)

    elements = summary.build(comparison, options, date)
    if options.tracked:
        from reportdesk.engine import document_ops

        notes = comments.notes(comparison, options)
        anchors = comments.add_comments(doc, notes, options, date) if notes else []
        writer = TrackedWriter(comparison, options, oxml.Revisions(options.author, date))
        elements += writer.build(document_ops(comparison), anchors, BODY_BOOKMARK_ID)
        if anchors and len(writer.placed) < len(anchors):
            comments.drop_unplaced(doc, writer.placed)
    if options.table:
        elements += table.build(comparison, options)
    sect = doc.element.body.sectPr
    for e in elements:
        sect.addprevious(e)
    return doc


# python-docx refuses a core property (title, author) over 255 characters.
_CORE_MAX = 255


def _core_text(text: str) -> str:
    """A document property as python-docx accepts it: at most 255 characters (an ellipsis
    ends a longer one) and no characters XML cannot hold."""
    text = "".join(c for c in text if c in "\t\n" or (ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF))
    return text if len(text) <= _CORE_MAX else text[: _CORE_MAX - 1] + "…"


def _drop_template_leftovers(doc: DocumentObject) -> None:
    """python-docx's template carries a preview picture of another document (Explorer would show
    it) and a Word 2010 copy of its own styles (blue Calibri headings) next to ours."""
    for rels, suffix in (
        (doc.part.package.rels, "/metadata/thumbnail"),
        (doc.part.rels, "/stylesWithEffects"),
    ):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(suffix):
                rels.pop(rid)


def export_review(
    comparison: Comparison, path: str | Path, options: ExportOptions | None = None
) -> Path:
    """Write the review document to ``path`` (a .docx that is neither input); returns the path written."""
    options = options or ExportOptions()  # built per call: the author is looked up at export time
    target = atomic.check_target(path, [comparison.old.path, comparison.new.path])
    try:
        doc = build_document(comparison, options)
    except ReportDeskError:
        raise
    except Exception as e:  # a bug must not look like a crash to the clerk
        raise ExportError(
            "生成审阅稿时出错，未保存任何文件。请把日志发给维护人员。",
            f"build failed: {e!r}",
            str(target),
        ) from e

    def save(stream: IO[bytes]) -> None:
        doc.save(stream)

    return atomic.write(target, save)
