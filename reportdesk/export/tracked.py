"""The newer report with real revisions against the older one.

Input is the engine's whole-document edit script (``InlineOp`` values from
``document_ops``): equal, inserted
and deleted stretches whose texts concatenate exactly to the two reports.  A
``"\\n"`` inside an insert or delete is a paragraph mark added or removed, so it
becomes a paragraph-mark revision (``w:pPr/w:rPr/w:ins|w:del``).  Then Word's
"accept all" yields the newer text and "reject all" the older, paragraph by
paragraph; the tests check exactly that on the corpus.

Stretches are cut at paragraph breaks, at run-in headings (so they get the
heading font) and at comment anchors (so a comment covers exactly its quote).
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lxml import etree

from reportdesk.engine import BlockKind, Comparison, ExportError, OpKind, Paragraph, Report, Span

from . import layout, oxml
from .options import ExportOptions

BODY_BOOKMARK = "_ReportDeskBody"  # a leading "_" hides it in Word's bookmark list


@dataclass(frozen=True)
class Anchor:
    """A comment on a stretch of one report's text: ``side`` is "old" or "new"."""

    side: str
    span: Span
    comment_id: int


@dataclass(frozen=True)
class Piece:
    """One run of an edit script op, cut at paragraph marks and comment anchors.

    Not an InlineOp: a writer needs the run's text and a position on *both* sides
    for every piece (an insert's insertion point in the old text, a delete's in
    the new) to place comment anchors and styles, where an InlineOp has no span
    on the side it does not touch.
    """

    op: OpKind
    text: str  # a single "\n" for a paragraph mark
    old: int  # position in the old text where it starts (insertion point for inserts)
    new: int  # likewise in the new text


def check_ops(c: Comparison, ops: Sequence) -> None:
    """Refuse an edit script that would not reproduce both reports exactly (nothing may be lost)."""
    old_parts, new_parts = [], []
    for op in ops:
        if op.op in (OpKind.EQUAL, OpKind.DELETE):
            old_parts.append(c.old.text[op.old.start : op.old.end])
        if op.op in (OpKind.EQUAL, OpKind.INSERT):
            new_parts.append(c.new.text[op.new.start : op.new.end])
        if (
            op.op is OpKind.EQUAL
            and c.old.text[op.old.start : op.old.end] != c.new.text[op.new.start : op.new.end]
        ):
            raise ExportError(
                "生成修订稿时出错：对照结果与原文不一致，未导出。",
                f"equal op differs at old {op.old} new {op.new}",
            )
    if "".join(old_parts) != c.old.text or "".join(new_parts) != c.new.text:
        raise ExportError(
            "生成修订稿时出错：对照结果与原文不一致，未导出。",
            "document ops do not reproduce the texts",
        )


def pieces(
    c: Comparison, ops: Iterable, old_cuts: Sequence[int], new_cuts: Sequence[int]
) -> list[Piece]:
    """Split the ops at paragraph marks and at the given cut positions (sorted)."""
    out: list[Piece] = []
    o = n = 0
    for op in ops:
        if op.op is OpKind.DELETE:
            text, base, cuts = c.old.text[op.old.start : op.old.end], op.old.start, old_cuts
        else:
            text, base, cuts = c.new.text[op.new.start : op.new.end], op.new.start, new_cuts
        splits = {i for i, ch in enumerate(text) if ch == "\n"} | {
            i + 1 for i, ch in enumerate(text) if ch == "\n"
        }
        lo, hi = bisect.bisect_right(cuts, base), bisect.bisect_left(cuts, base + len(text))
        splits.update(x - base for x in cuts[lo:hi])
        if op.op is OpKind.EQUAL:
            lo2, hi2 = (
                bisect.bisect_right(old_cuts, op.old.start),
                bisect.bisect_left(old_cuts, op.old.end),
            )
            splits.update(x - op.old.start for x in old_cuts[lo2:hi2])
        bounds = sorted(s for s in splits if 0 < s < len(text))
        prev = 0
        for b in [*bounds, len(text)]:
            if b <= prev:
                continue
            out.append(
                Piece(
                    op.op,
                    text[prev:b],
                    o + (prev if op.op is not OpKind.INSERT else 0),
                    n + (prev if op.op is not OpKind.DELETE else 0),
                )
            )
            prev = b
        if op.op is not OpKind.INSERT:
            o += len(text)
        if op.op is not OpKind.DELETE:
            n += len(text)
    return out


def _squeeze(text: str) -> str:
    """ "政 府 工 作 报 告" is the title too: letter-spaced titles are common in scraped reports."""
    return "".join(text.split())


class _Roles:
    """Paragraph style and run-in heading level by position in one report."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.starts = [p.start for p in report.paragraphs]
        title = _squeeze(report.title)
        self.title_index = next(
            (
                p.index
                for p in report.paragraphs
                if p.kind is BlockKind.FRONT and title and _squeeze(p.text) == title
            ),
            None,
        )
        # Run-in headings: "（一）大力提振消费……" keeps 楷体 for the heading only.
        self.runin = sorted(
            (p.start, p.heading_end, p.level)
            for p in report.paragraphs
            if p.kind is BlockKind.BODY and p.level and p.heading_end > p.start
        )
        self.runin_starts = [r[0] for r in self.runin]

    def paragraph(self, pos: int) -> Paragraph | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.report.paragraphs[i] if i >= 0 else None

    def style(self, pos: int) -> str | None:
        p = self.paragraph(pos)
        if p is None:
            return None
        if p.kind is BlockKind.FRONT:
            return layout.S_TITLE if p.index == self.title_index else layout.S_SUBTITLE
        if p.kind is BlockKind.HEADING and p.level:
            # GB/T 9704: 一、黑体  （一）楷体  1. 仿宋加粗  （1）仿宋 (plain body)
            return {1: layout.S_H1, 2: layout.S_H2, 3: layout.S_H3}.get(p.level)
        return None

    def runin_level(self, pos: int) -> int:
        i = bisect.bisect_right(self.runin_starts, pos) - 1
        if i >= 0 and self.runin[i][0] <= pos < self.runin[i][1]:
            return self.runin[i][2]
        return 0

    def cuts(self) -> list[int]:
        return sorted({x for s, e, _ in self.runin for x in (s, e)})


class TrackedWriter:
    """Builds the w:p elements of the tracked body."""

    def __init__(self, c: Comparison, options: ExportOptions, revisions: oxml.Revisions) -> None:
        self.c = c
        self.o = options
        self.rev = revisions
        self.old_roles, self.new_roles = _Roles(c.old), _Roles(c.new)

    def _run_props(self, piece: Piece) -> etree._Element | None:
        level = (self.old_roles if piece.op is OpKind.DELETE else self.new_roles).runin_level(
            piece.old if piece.op is OpKind.DELETE else piece.new
        )
        if level == 1:
            return oxml.rpr(self.o.heading1_font)
        if level == 2:
            return oxml.rpr(self.o.heading2_font)
        if level == 3:
            return oxml.rpr(bold=True)
        return None

    def _style(self, ps: list[Piece]) -> str | None:
        for p in ps:
            if p.op is not OpKind.DELETE and p.text != "\n":
                return self.new_roles.style(p.new)
        for p in ps:
            if p.text != "\n":
                return self.old_roles.style(p.old)
        return None

    def build(
        self, ops: Sequence, anchors: Sequence[Anchor], bookmark_id: int
    ) -> list[etree._Element]:
        check_ops(self.c, ops)
        old_cuts = _cuts(anchors, "old", self.old_roles)
        new_cuts = _cuts(anchors, "new", self.new_roles)
        body = _Body(self, anchors, bookmark_id)
        for piece in pieces(self.c, ops, old_cuts, new_cuts):
            body.add(piece)
        body.finish()
        self.placed = body.opened
        return body.paragraphs


def _cuts(anchors: Sequence[Anchor], side: str, roles: _Roles) -> list[int]:
    """Where pieces are cut on one side: comment anchor edges and paragraph role changes."""
    return sorted(
        {a.span.start for a in anchors if a.side == side}
        | {a.span.end for a in anchors if a.side == side}
        | set(roles.cuts())
    )


def _keys(p: Piece, at_end: bool) -> list[tuple[str, int]]:
    """The anchor positions a piece starts (or ends) at, on each side it has."""
    ks = []
    if p.op is not OpKind.INSERT:
        ks.append(("old", p.old + (len(p.text) if at_end else 0)))
    if p.op is not OpKind.DELETE:
        ks.append(("new", p.new + (len(p.text) if at_end else 0)))
    return ks


class _Body:
    """The tracked body's paragraphs as pieces arrive: runs, revision wrappers, comment ranges."""

    def __init__(self, writer: TrackedWriter, anchors: Sequence[Anchor], bookmark_id: int) -> None:
        self.w = writer
        self.bookmark_id = bookmark_id
        self.starts: dict[tuple[str, int], list[int]] = defaultdict(list)
        self.ends: dict[tuple[str, int], list[int]] = defaultdict(list)
        for a in anchors:
            if len(a.span) > 0:
                self.starts[(a.side, a.span.start)].append(a.comment_id)
                self.ends[(a.side, a.span.end)].append(a.comment_id)
        self.opened: set[int] = set()
        self.closed: set[int] = set()
        self.paragraphs: list[etree._Element] = []
        self.content: list[etree._Element] = []
        self.group: list[Piece] = []
        self.wrapper: tuple[OpKind, etree._Element] | None = None  # the open w:ins/w:del

    def add(self, piece: Piece) -> None:
        for k in _keys(piece, at_end=False):
            for cid in self.starts.pop(k, ()):
                if cid not in self.opened:
                    self.opened.add(cid)
                    self.content.append(oxml.comment_start(cid))
                    self.wrapper = None
        self.group.append(piece)
        if piece.text == "\n":
            self._emit_paragraph(piece.op)
        else:
            self._add_run(piece)
        for k in _keys(piece, at_end=True):
            for cid in self.ends.pop(k, ()):
                if cid in self.opened and cid not in self.closed:
                    self.closed.add(cid)
                    self.content += [oxml.comment_end(cid), oxml.comment_reference(cid)]
                    self.wrapper = None

    def _add_run(self, piece: Piece) -> None:
        r = oxml.run(piece.text, self.w._run_props(piece), deleted=piece.op is OpKind.DELETE)
        if piece.op is OpKind.EQUAL:
            self.content.append(r)
            self.wrapper = None
            return
        if self.wrapper is None or self.wrapper[0] != piece.op:
            self.wrapper = (piece.op, self.w.rev.wrapper(piece.op))
            self.content.append(self.wrapper[1])
        self.wrapper[1].append(r)

    def _emit_paragraph(self, mark_op: OpKind | None) -> None:
        style = self.w._style(self.group)
        mark = self.w.rev.mark(mark_op) if mark_op in (OpKind.INSERT, OpKind.DELETE) else None
        props = oxml.ppr(style=style, page_break_before=not self.paragraphs, mark=mark)
        p = oxml.paragraph(props)
        if not self.paragraphs:
            p.append(oxml.bookmark_start(self.bookmark_id, BODY_BOOKMARK))
        for e in self.content:
            p.append(e)
        self.paragraphs.append(p)
        self.content.clear()
        self.group.clear()
        self.wrapper = None

    def finish(self) -> None:
        for cid in sorted(self.opened - self.closed):  # an anchor running past the end: close it at the end
            self.content += [oxml.comment_end(cid), oxml.comment_reference(cid)]
        self.content.append(oxml.bookmark_end(self.bookmark_id))
        self._emit_paragraph(None)
