"""The fast path of a keystroke: keep the alignment, re-diff only the edited sentences.

The draft's aligned sentences are kept per line, relative to the line start, so
an edit touches its own lines only: nothing after it is shifted.  When an edit
changes how a line splits into sentences, crosses lines, or touches a pair
that spans lines (front matter, a merge over a line break), the edited lines
only carry their marks along (``remap_line``) and the exact pass decides.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from reportdesk.engine.diff.inline import diff_spans_checked
from reportdesk.engine.model import Comparison, OpKind, PairKind, Span
from reportdesk.engine.session.delta import DraftEdit, remap_line
from reportdesk.engine.session.ranges import (
    DELETED,
    INSERTED,
    MOVED,
    LineRanges,
    from_flags,
    to_flags,
)
from reportdesk.engine.text.segment import split_sentences, trim_spaces


@dataclass(frozen=True)
class PairRec:
    """An aligned sentence of a draft line: its pair kind, old span (absolute) and place in the line."""

    kind: PairKind
    old: Span | None
    start: int
    end: int


LinePairs = list[PairRec] | None  # None: the line holds part of a pair that crosses lines


def line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def index_pairs(c: Comparison) -> list[LinePairs]:
    """Per draft line, the pairs whose new side lies in it."""
    text = c.new.text
    starts = line_starts(text)
    out: list[LinePairs] = [[] for _ in starts]
    for p in c.pairs:
        if p.new is None:
            continue
        li = bisect.bisect_right(starts, p.new.start) - 1
        end_line = bisect.bisect_right(starts, max(p.new.end - 1, p.new.start)) - 1
        recs = out[li]
        if end_line != li:
            for k in range(li, end_line + 1):
                out[k] = None
        elif recs is not None:
            recs.append(PairRec(p.kind, p.old, p.new.start - starts[li], p.new.end - starts[li]))
    return out


@dataclass
class FastState:
    """What the fast path keeps between keystrokes (the engine session's copy of the screen)."""

    old_text: str
    old_starts: list[int]
    lines: list[str]
    old_screen: list[LineRanges]
    new_screen: list[LineRanges]
    pairs: list[LinePairs]
    fold_width: bool = True


def fast_edit(
    st: FastState, edit: DraftEdit
) -> tuple[tuple[LineRanges, ...], dict[int, LineRanges]]:
    """Apply ``edit`` to ``st``; return the ranges of the lines put in and the old lines that changed."""
    first, removed = edit.first, edit.removed
    before = st.lines[first : first + removed]
    after = list(edit.lines)
    old_changed: dict[int, LineRanges] = {}
    result = None
    if removed == 1 and len(after) == 1 and st.pairs[first] is not None:
        result = _rediff_line(st, first, after[0], old_changed)
    if result is not None:
        ranges, recs = result
        added: tuple[LineRanges, ...] = (ranges,)
        new_pairs: list[LinePairs] = [recs]
    else:
        old_changed.clear()
        prev = st.new_screen[first : first + removed]
        added = tuple(
            remap_line(prev[min(i, removed - 1)], before[min(i, removed - 1)], line)
            if removed
            else ()
            for i, line in enumerate(after)
        )
        new_pairs = [None] * len(after)
    st.lines[first : first + removed] = after
    st.new_screen[first : first + removed] = added
    st.pairs[first : first + removed] = new_pairs
    for i, r in old_changed.items():
        st.old_screen[i] = r
    return added, old_changed


def _sentence_spans(line: str) -> list[tuple[int, int]]:
    a, b = trim_spaces(line, 0, len(line))
    return [(s.span.start, s.span.end) for s in split_sentences(line, a, b)]


def _rediff_line(
    st: FastState, line: int, after: str, old_changed: dict[int, LineRanges]
) -> tuple[LineRanges, list[PairRec]] | None:
    """Re-diff the edited sentences of one line; None when its sentences do not map one to one."""
    before, recs = st.lines[line], st.pairs[line]
    old_s, new_s = _sentence_spans(before), _sentence_spans(after)
    if recs is None or len(old_s) != len(new_s):
        return None
    first_of = {s: i for i, (s, _) in enumerate(old_s)}
    last_of = {e: i for i, (_, e) in enumerate(old_s)}
    flags = to_flags(len(after), remap_line(st.new_screen[line], before, after))
    out: list[PairRec] = []
    for rec in recs:
        i, j = first_of.get(rec.start), last_of.get(rec.end)
        if i is None or j is None or j < i:
            return None
        ns, ne = new_s[i][0], new_s[j][1]
        if before[rec.start : rec.end] == after[ns:ne]:
            out.append(PairRec(rec.kind, rec.old, ns, ne))
        else:
            out.append(_rediff_pair(st, rec, after, Span(ns, ne), flags, old_changed))
    held = {k for rec in out for k, (s, _) in enumerate(new_s) if rec.start <= s < rec.end}
    for k, ((os_, oe), (ns_, ne_)) in enumerate(zip(old_s, new_s, strict=True)):
        if k not in held and before[os_:oe] != after[ns_:ne_]:
            return None  # an edited sentence no pair holds (clutter, not compared)
    return from_flags(flags), out


def _rediff_pair(
    st: FastState,
    rec: PairRec,
    after: str,
    new: Span,
    flags: list[int],
    old_changed: dict[int, LineRanges],
) -> PairRec:
    """Diff one edited sentence against its aligned old sentence; mark both sides."""
    for k in range(new.start, new.end):
        flags[k] &= ~INSERTED
    if rec.old is None or rec.kind is PairKind.INSERTED:
        for k in range(new.start, new.end):
            flags[k] |= INSERTED
        return PairRec(PairKind.INSERTED, None, new.start, new.end)
    ops, _coarse = diff_spans_checked(st.old_text, rec.old, after, new, fold_width=st.fold_width)
    li = bisect.bisect_right(st.old_starts, rec.old.start) - 1
    base = st.old_starts[li]
    old_line_len = (
        st.old_starts[li + 1] - 1 if li + 1 < len(st.old_starts) else len(st.old_text)
    ) - base
    old_flags = to_flags(old_line_len, old_changed.get(li, st.old_screen[li]))
    for k in range(rec.old.start - base, min(rec.old.end - base, old_line_len)):
        old_flags[k] &= ~DELETED
    equal = True
    for op in ops:
        if op.op is OpKind.DELETE and op.old is not None:
            equal = False
            for k in range(op.old.start - base, min(op.old.end - base, old_line_len)):
                old_flags[k] |= DELETED | (MOVED if op.moved else 0)
        elif op.op is OpKind.INSERT and op.new is not None:
            equal = False
            for k in range(op.new.start, op.new.end):
                flags[k] |= INSERTED | (MOVED if op.moved else 0)
    old_changed[li] = from_flags(old_flags)
    kind = (
        rec.kind if rec.kind is PairKind.MOVED else (PairKind.EQUAL if equal else PairKind.CHANGED)
    )
    return PairRec(kind, rec.old, new.start, new.end)
