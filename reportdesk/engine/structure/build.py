"""Paragraphs, headings, sections and parts of a report.

``build_report`` works on a loaded file (through ``normalize_document``);
``report_from_text`` on the draft the user is editing, where ``Report.text``
must be the editor's text exactly so that editor positions are offsets.  Both
share ``_build``: front matter (frontmatter.py) and heading recognition
(headings.py) work on plain paragraph strings plus the Word hints a loader may
give (style level, numbering label).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from reportdesk.engine.model import (
    BlockKind,
    DocFormat,
    LoadedDocument,
    Paragraph,
    Part,
    Report,
    Section,
    Span,
)
from reportdesk.engine.structure import frontmatter as fm
from reportdesk.engine.structure import headings as hd
from reportdesk.engine.structure.headings import Line
from reportdesk.engine.text.normalize import normalize_document
from reportdesk.engine.text.segment import split_sentences, trim_spaces


@dataclass
class _Row:
    """A section while it is being filled (Section is frozen)."""

    heading: str
    number: str
    level: int
    start: int
    parent: int | None
    appendix: bool = False
    paras: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class _Source:
    """Where a report's text came from: the Report fields that are not its structure."""

    path: str
    title: str
    year: int | None
    raw: str
    raw_offsets: tuple[int, ...]
    encoding: str
    fmt: DocFormat
    doc_title: str = ""


def _build(text: str, lines: list[Line], src: _Source) -> Report:
    texts = [ln.text for ln in lines]
    body = fm.body_start(texts, [ln.style_level for ln in lines])
    closing = fm.closing_start(texts, body)
    paragraphs, rows = _paragraphs(text, lines, body, closing)
    sections = _sections(paragraphs, rows)
    front = texts[:body]
    year = src.year
    if year is None:
        year = fm.report_year(src.path, front, [s.title for s in sections if s.level >= 1])
    return Report(
        path=src.path,
        title=src.title or fm.report_title(front, src.doc_title),
        year=year,
        text=text,
        raw=src.raw,
        raw_offsets=src.raw_offsets,
        paragraphs=tuple(paragraphs),
        sections=sections,
        encoding=src.encoding,
        format=src.fmt,
    )  # clutter lines are told by the comparison (clutter_notice), which knows whether it kept them


def _paragraphs(text: str, lines: list[Line], body: int, closing: int) -> tuple[list[Paragraph], list[_Row]]:
    """Paragraphs with their sentences, and the sections (rows) the body headings open."""
    heads = hd.classify(lines, body, closing)
    paragraphs: list[Paragraph] = []
    rows: list[_Row] = []
    stack: list[int] = []  # open sections, outermost first
    for i, ln in enumerate(lines):
        sents = split_sentences(text, ln.start, ln.end)
        if i < body or i >= closing:
            kind = BlockKind.FRONT if i < body else BlockKind.CLOSING
            clutter = fm.is_clutter(ln.text, bool(paragraphs) and paragraphs[-1].clutter)
            paragraphs.append(Paragraph(i, Span(ln.start, ln.end), ln.text, kind, sentences=sents, clutter=clutter))
            continue
        head = heads.get(i)
        level, heading_end, kind = 0, -1, BlockKind.BODY
        if head is not None:
            level = head.level
            if len(sents) <= 1:
                kind, heading_end = BlockKind.HEADING, ln.end
            else:
                heading_end = sents[0].end  # run-in: the first sentence is the heading
            htext = hd.clean_tail(text[head.text_start : heading_end])
            if head.continuation and rows:
                row = rows[-1]
                both_cjk = not row.heading[-1:].isascii() and not htext[:1].isascii()
                row.heading += ("" if both_cjk else " ") + htext  # 附件1 2025年…
            else:
                # the preamble (level 0) is nobody's parent
                while stack and (rows[stack[-1]].level >= level or rows[stack[-1]].level == 0):
                    stack.pop()
                parent = stack[-1] if stack else None
                rows.append(_Row(htext, head.number, level, ln.start, parent, head.appendix))
                stack.append(len(rows) - 1)
        elif not rows:
            rows.append(_Row("", "", 0, ln.start, None))
            stack.append(0)
        sec = len(rows) - 1
        rows[sec].paras.append(i)
        paragraphs.append(
            Paragraph(i, Span(ln.start, ln.end), ln.text, kind, level, heading_end, sec, sents)
        )
    return paragraphs, rows


def _sections(paragraphs: list[Paragraph], rows: list[_Row]) -> tuple[Section, ...]:
    """Sections of the filled rows, each in its part (appendices in none)."""
    draft = [
        Section(k, r.heading, r.number, r.level, Part.OTHER, Span(r.start, paragraphs[r.paras[-1]].end),
                tuple(r.paras), r.parent)
        for k, r in enumerate(rows)
    ]  # fmt: skip
    first_texts = [paragraphs[r.paras[1]].text[:60] if len(r.paras) > 1 else "" for r in rows]
    parts = hd.assign_parts(draft, first_texts)
    sections = tuple(
        Section(s.index, s.heading, s.number, s.level, Part.OTHER if r.appendix else p,
                s.span, s.paragraphs, s.parent)
        for s, r, p in zip(draft, rows, parts, strict=True)
    )  # fmt: skip
    return sections


def _lines_of(text: str) -> list[Line]:
    """Paragraph spans of a text split at "\\n", blank lines skipped, edge spaces excluded."""
    out: list[Line] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        a, b = trim_spaces(text, pos, nl)
        if a < b:
            out.append(Line(a, b, text[a:b]))
        pos = nl + 1
    return out


def report_from_text(text: str, path: str = "", title: str = "", year: int | None = None) -> Report:
    """A report over ``text`` exactly as given (the editor's draft): offsets are editor positions."""
    src = _Source(
        path=path,
        title=title,
        year=year,
        raw=text,
        raw_offsets=tuple(range(len(text) + 1)),
        encoding="",
        fmt=DocFormat.TXT,
    )
    return _build(text, _lines_of(text), src)


def build_report(doc: LoadedDocument) -> Report:
    """A report over the normalized text of a loaded file, with Word hints where present."""
    norm = normalize_document(doc)
    lines: list[Line] = []
    for h in norm.lines:
        a, b = trim_spaces(norm.text, h.start, h.end)
        if a < b:
            lines.append(Line(a, b, norm.text[a:b], h.style_level, h.numbering, h.in_table))
    src = _Source(
        path=doc.path,
        title="",
        doc_title=doc.title,
        year=None,
        raw=norm.raw,
        raw_offsets=norm.raw_offsets,
        encoding=doc.encoding,
        fmt=doc.format,
    )
    report = _build(norm.text, lines, src)
    return replace(report, notices=doc.notices + report.notices)


PART_ZH = {
    Part.PREAMBLE: "开篇", Part.REVIEW: "工作回顾", Part.REQUIREMENTS: "总体要求", Part.TASKS: "工作任务",
    Part.GOVERNMENT: "政府建设", Part.OTHER: "其他",
}  # fmt: skip


def outline(report: Report) -> str:
    """Indented heading tree, one section per line (for ``reportdesk text FILE --outline``)."""
    rows = [f"{report.title or '（无标题）'}  {report.year or ''}".rstrip()]
    for s in report.sections:
        name = s.title if s.level else "（前言）"
        rows.append(f"{'  ' * s.level}{name}  [{PART_ZH[s.part]}，{len(s.paragraphs)}段]")
    return "\n".join(rows)
