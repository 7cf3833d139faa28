"""Comparison → review .docx: the one-page summary, tracked changes with comments,
修改对照表, 目标对照表 and 任务数量附录 — the parts the user chose, in that order.

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
from docx.oxml.ns import qn
from lxml import etree

from reportdesk.engine import Comparison, ExportError, ReportDeskError

from . import atomic, comments, layout, oxml, summary, table, target_tables
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
    if not options.chosen:
        raise ExportError("请至少选择审阅稿的一个部分。", f"no parts in {options.parts!r}")
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
    front = len(elements)
    if options.tracked:
        elements += _tracked_part(doc, comparison, options, date)
    if options.table:
        elements += table.build(comparison, options)
    if "targets" in options.chosen:
        elements += target_tables.targets_part(comparison)
    if "tasks" in options.chosen:
        elements += target_tables.tasks_part(comparison)
    if "summary" not in options.chosen and len(elements) > front:
        _same_page(elements[front])  # no summary: the first part follows the cover block
    sect = doc.element.body.sectPr
    for e in elements:
        sect.addprevious(e)
    return doc


def _tracked_part(
    doc: DocumentObject, c: Comparison, options: ExportOptions, date: datetime
) -> list[etree._Element]:
    """修订稿: a heading and how to read it, then the newer report with revisions and comments."""
    from reportdesk.engine import document_ops

    notes = comments.notes(c, options)
    anchors = comments.add_comments(doc, notes, options, date) if notes else []
    writer = TrackedWriter(c, options, oxml.Revisions(options.author, date))
    body = writer.build(document_ops(c), anchors, BODY_BOOKMARK_ID)
    if anchors and len(writer.placed) < len(anchors):
        comments.drop_unplaced(doc, writer.placed)
    how = (
        "以修改稿为正文，用修订标记标出与原稿的差异：删去的文字带删除线，新增的文字带下划线。"
        "在 Word 或 WPS 中“接受所有修订”即得修改稿，“拒绝所有修订”即得原稿。"
    )
    if options.include_comments:
        how += "批注说明目标变化、上年目标未完成的情况（引出目标和实际的原文）、提示和调整了位置的句子。"
    head = [
        oxml.paragraph(oxml.ppr(style=layout.S_TITLE, page_break_before=True), oxml.run("修订稿")),
        oxml.paragraph(oxml.ppr(style=layout.S_NOTE), oxml.run(how)),
    ]
    if body:
        _same_page(body[0])  # the body follows the heading (the writer starts it on a new page)
    return head + body


def _same_page(element: etree._Element) -> None:
    """Take the page break off a part's first paragraph."""
    for brk in list(element.iter(qn("w:pageBreakBefore"))):
        brk.getparent().remove(brk)


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
