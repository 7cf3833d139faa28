"""Web-page chrome (``Paragraph.clutter``) left out of the changes.

Clutter lines have no sentence units, so they pair with nothing; inside the
front-matter pair, which runs from the first to the last line of the front
matter, the diff still sees them: a change made only of clutter (and spaces)
is dropped here.  The review document's edit script keeps every character.
"""

from __future__ import annotations

from dataclasses import replace

from reportdesk.engine.comparison.changes import touches_quantity
from reportdesk.engine.diff.inline import diff_tokens_checked
from reportdesk.engine.model import Change, ChangeKind, Comparison, InlineOp, OpKind, Report, Span
from reportdesk.engine.text.tokenize import tokenize

__all__ = ["clutter_notice", "diff_front", "tidy_changes"]


def clutter_notice(c: Comparison) -> str:
    """What this comparison left out as web-page extras, by the options it ran with:
    "" when it kept them (``CompareOptions.keep_clutter``) or there were none."""
    if c.options.keep_clutter:
        return ""
    n = sum(1 for r in (c.old, c.new) for p in r.paragraphs if p.clutter)
    return f"忽略了 {n} 行网页信息（字体、分享、打印等），不算作修改" if n else ""


def _clutter_spans(report: Report) -> list[Span]:
    return [p.span for p in report.paragraphs if p.clutter]


def _trim(text: str, span: Span | None, clutter: list[Span]) -> Span | None:
    """``span`` without clutter lines and spaces at its edges (None when nothing is left)."""
    if span is None:
        return None

    def skip(i: int) -> bool:
        return text[i].isspace() or any(c.start <= i < c.end for c in clutter)

    a, b = span.start, span.end
    while a < b and skip(a):
        a += 1
    while b > a and skip(b - 1):
        b -= 1
    return Span(a, b) if a < b else None


def _without(c: Change, old: Report, new: Report, co: list[Span], cn: list[Span]) -> Change | None:
    """A change with clutter cut off its edges; None when it was clutter only."""
    o, n = _trim(old.text, c.old, co), _trim(new.text, c.new, cn)
    if o is None and n is None:
        return None
    if c.kind is ChangeKind.MOVE or ((o or c.old) == c.old and (n or c.new) == c.new):
        return c
    if c.kind is ChangeKind.REPLACE and (o is None or n is None):
        kind = ChangeKind.INSERT if o is None else ChangeKind.DELETE
        o = o or Span(c.old.start, c.old.start) if c.old else o
        n = n or Span(c.new.start, c.new.start) if c.new else n
    else:
        kind = c.kind
        o, n = o or c.old, n or c.new
    ot, nt = old.text[o.start : o.end] if o else "", new.text[n.start : n.end] if n else ""
    # what is left decides whether a number changed (a date in trimmed clutter is not one)
    return replace(c, kind=kind, old=o, new=n, old_text=ot, new_text=nt,
                   is_target=touches_quantity(ot) or touches_quantity(nt))


def diff_front(
    old: Report, o_span: Span, new: Report, n_span: Span, fold_width: bool, keep_clutter: bool
) -> tuple[list[InlineOp], bool]:
    """Word diff of the front matter of both reports.

    Clutter lines stay in the diff, so identical clutter is equal text; a change made of
    clutter only is left out later (``tidy_changes``), unless ``keep_clutter``.
    """
    del keep_clutter  # decided in tidy_changes, from the same options
    ot, nt = tokenize(old.text, o_span.start, o_span.end), tokenize(new.text, n_span.start, n_span.end)
    ops, coarse = diff_tokens_checked(old.text, ot, new.text, nt, fold_width=fold_width, semantic=False)
    out: list[InlineOp] = []
    o_pos, n_pos = o_span.start, n_span.start
    for op in [*ops, InlineOp(OpKind.EQUAL, Span(o_span.end, o_span.end), Span(n_span.end, n_span.end))]:
        if op.old is not None and op.old.start > o_pos:
            out.append(InlineOp(OpKind.DELETE, Span(o_pos, op.old.start), None))
        if op.new is not None and op.new.start > n_pos:
            out.append(InlineOp(OpKind.INSERT, None, Span(n_pos, op.new.start)))
        if op.old is not None:
            o_pos = op.old.end
        if op.new is not None:
            n_pos = op.new.end
        out.append(op)
    return out[:-1], coarse


def tidy_changes(old: Report, new: Report, changes: list[Change], keep_clutter: bool) -> list[Change]:
    """Changes with spaces (and, unless kept, clutter) cut off their edges; those of
    nothing else left out; numbered again from 0."""
    co = [] if keep_clutter else _clutter_spans(old)
    cn = [] if keep_clutter else _clutter_spans(new)
    kept = [k for k in (_without(c, old, new, co, cn) for c in changes) if k is not None]
    return [c if c.id == i else replace(c, id=i) for i, c in enumerate(kept)]
