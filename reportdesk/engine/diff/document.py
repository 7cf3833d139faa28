"""One edit script over the whole document, for writers of tracked changes.

``document_ops`` walks both texts in step: aligned sentences contribute their
word-level ops; the text between two aligned sentences (inserted, deleted or
moved sentences and the paragraph breaks around them) is diffed with each
sentence as one indivisible token, so paragraph marks are kept where they can
be.  The result is exact, character for character: equal ops hold identical
text (width-only differences, ignored on screen, become tiny replacements here),
so accepting every revision gives the new text and rejecting every one the old.
"""

from __future__ import annotations

import difflib

from reportdesk.engine.comparison.navigation import ChangeIndex
from reportdesk.engine.model import Comparison, InlineOp, OpKind, PairKind, Report, Span


def _sentences(report: Report, keep_clutter: bool) -> list[Span]:
    return [s.span for p in report.paragraphs if keep_clutter or not p.clutter for s in p.sentences]


def document_ops(c: Comparison) -> list[InlineOp]:
    """The edit script; inserts and deletes carry the id of the Change they belong to."""
    old, new = c.old.text, c.new.text
    index = ChangeIndex(c)
    moved_old = {p.old for p in c.pairs if p.kind is PairKind.MOVED and p.old is not None}
    moved_new = {p.new for p in c.pairs if p.kind is PairKind.MOVED and p.new is not None}
    # The sentences the aligner saw: clutter it left out is diffed as plain text between
    # pairs, so identical clutter on both sides is equal, never deleted and re-inserted.
    old_sents = _sentences(c.old, c.options.keep_clutter)
    new_sents = _sentences(c.new, c.options.keep_clutter)
    raw: list[InlineOp] = []
    o_pos = n_pos = 0
    for p in c.pairs:
        if p.kind not in (PairKind.EQUAL, PairKind.CHANGED) or p.old is None or p.new is None:
            continue
        raw += _region(old, Span(o_pos, p.old.start), old_sents, new, Span(n_pos, p.new.start), new_sents)
        for op in p.ops:
            raw += _exact(op, old, new)
        o_pos, n_pos = p.old.end, p.new.end
    raw += _region(old, Span(o_pos, len(old)), old_sents, new, Span(n_pos, len(new)), new_sents)
    out: list[InlineOp] = []
    for op in raw:
        ch = None
        moved = False
        if op.op is OpKind.DELETE and op.old is not None:
            hit = index.at(op.old.start, "old")
            ch = hit.id if hit else None
            moved = op.moved or op.old in moved_old
        elif op.op is OpKind.INSERT and op.new is not None:
            hit = index.at(op.new.start, "new")
            ch = hit.id if hit else None
            moved = op.moved or op.new in moved_new
        out.append(InlineOp(op.op, op.old, op.new, moved, ch))
    return _coalesce(out)


def _exact(op: InlineOp, old: str, new: str) -> list[InlineOp]:
    """Split an 'equal' op whose two texts differ (width, spaces) into exact pieces."""
    if op.op is not OpKind.EQUAL or op.old is None or op.new is None:
        return [op]
    a, b = old[op.old.start : op.old.end], new[op.new.start : op.new.end]
    if a == b:
        return [op]
    out = []
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        os_, ns = op.old.start, op.new.start
        if tag == "equal":
            out.append(InlineOp(OpKind.EQUAL, Span(os_ + i1, os_ + i2), Span(ns + j1, ns + j2)))
            continue
        if i2 > i1:
            out.append(InlineOp(OpKind.DELETE, Span(os_ + i1, os_ + i2), None))
        if j2 > j1:
            out.append(InlineOp(OpKind.INSERT, None, Span(ns + j1, ns + j2)))
    return out


def _tokens(text: str, region: Span, sentences: list[Span]) -> tuple[list[Span], list[str]]:
    """Sentences inside region as single tokens, every other character as its own."""
    import bisect

    starts = [s.start for s in sentences]
    k = bisect.bisect_left(starts, region.start)
    spans: list[Span] = []
    keys: list[str] = []
    pos = region.start
    while pos < region.end:
        if k < len(sentences) and sentences[k].start == pos and sentences[k].end <= region.end:
            s = sentences[k]
            spans.append(s)
            keys.append("\0S" + text[s.start : s.end])
            pos = s.end
            k += 1
            continue
        while k < len(sentences) and sentences[k].start < pos:
            k += 1
        spans.append(Span(pos, pos + 1))
        keys.append(text[pos])
        pos += 1
    return spans, keys


def _region(old: str, ro: Span, old_sents: list[Span], new: str, rn: Span, new_sents: list[Span]) -> list[InlineOp]:
    if ro.start >= ro.end and rn.start >= rn.end:
        return []
    a, ka = _tokens(old, ro, old_sents)
    b, kb = _tokens(new, rn, new_sents)
    # Sentences never match across a region boundary: they are inserted/deleted/moved.
    ka = [k if not k.startswith("\0S") else f"\0O{i}" for i, k in enumerate(ka)]
    kb = [k if not k.startswith("\0S") else f"\0N{i}" for i, k in enumerate(kb)]
    if len(ka) * len(kb) > _REGION_CELLS:
        return _in_step(a, ka, b, kb)
    out: list[InlineOp] = []
    sm = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            out.append(InlineOp(OpKind.EQUAL, Span(a[i1].start, a[i2 - 1].end), Span(b[j1].start, b[j2 - 1].end)))
            continue
        for i in range(i1, i2):
            out.append(InlineOp(OpKind.DELETE, a[i], None))
        for j in range(j1, j2):
            out.append(InlineOp(OpKind.INSERT, None, b[j]))
    return out


# difflib's cost grows with (old tokens) x (new tokens) when one token (the
# paragraph mark) repeats; above this a linear walk keeps the marks instead.
_REGION_CELLS = 250_000


def _in_step(a: list[Span], ka: list[str], b: list[Span], kb: list[str]) -> list[InlineOp]:
    """Linear edit script for a huge region: sentences out, sentences in, marks kept in step.

    Between two marks, each side's sentences are deleted / inserted; marks that
    are the same character on both sides stay equal.  Still exact.
    """
    out: list[InlineOp] = []
    i = j = 0
    while i < len(ka) or j < len(kb):
        while i < len(ka) and ka[i].startswith("\0"):
            out.append(InlineOp(OpKind.DELETE, a[i], None))
            i += 1
        while j < len(kb) and kb[j].startswith("\0"):
            out.append(InlineOp(OpKind.INSERT, None, b[j]))
            j += 1
        if i < len(ka) and j < len(kb):
            if ka[i] == kb[j]:
                out.append(InlineOp(OpKind.EQUAL, a[i], b[j]))
            else:
                out.append(InlineOp(OpKind.DELETE, a[i], None))
                out.append(InlineOp(OpKind.INSERT, None, b[j]))
            i += 1
            j += 1
        elif i < len(ka):
            out.append(InlineOp(OpKind.DELETE, a[i], None))
            i += 1
        elif j < len(kb):
            out.append(InlineOp(OpKind.INSERT, None, b[j]))
            j += 1
    return out


def _coalesce(ops: list[InlineOp]) -> list[InlineOp]:
    """Join neighbouring ops of the same kind, change and move flag."""
    out: list[InlineOp] = []
    for op in ops:
        if out:
            last = out[-1]
            if last.op == op.op and last.change == op.change and last.moved == op.moved:
                if op.op is OpKind.EQUAL and last.old and op.old and last.new and op.new and last.old.end == op.old.start and last.new.end == op.new.start:
                    out[-1] = InlineOp(OpKind.EQUAL, Span(last.old.start, op.old.end), Span(last.new.start, op.new.end), change=last.change)
                    continue
                if op.op is OpKind.DELETE and last.old and op.old and last.old.end == op.old.start:
                    out[-1] = InlineOp(OpKind.DELETE, Span(last.old.start, op.old.end), None, last.moved, last.change)
                    continue
                if op.op is OpKind.INSERT and last.new and op.new and last.new.end == op.new.start:
                    out[-1] = InlineOp(OpKind.INSERT, None, Span(last.new.start, op.new.end), last.moved, last.change)
                    continue
        out.append(op)
    return out
