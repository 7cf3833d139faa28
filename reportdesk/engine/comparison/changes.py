"""Changes: the reader-facing edits over the aligned pairs of a comparison.

Consecutive whole-sentence inserts (or deletes) of one paragraph are one
change, placed at the matching point of the other text; inside a changed
pair each run of non-equal ops is one change, and a moved clause one move.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from reportdesk.engine.align.aligner import Alignment, key_of
from reportdesk.engine.model import (
    AlignedPair,
    Change,
    ChangeKind,
    InlineOp,
    OpKind,
    PairKind,
    Report,
    Span,
)

__all__ = ["build_changes"]

_HAS_NUMBER = re.compile(r"[0-9０-９]|百分之|[零〇一二两三四五六七八九十百千]+(?:万|亿|个百分点)")


@lru_cache(maxsize=1 << 14)
def touches_quantity(text: str) -> bool:
    """A changed quantity (not a year, date, ordinal or slogan number) makes a target change.

    Cached by the text: a re-compare meets the same changed words again."""
    if not _HAS_NUMBER.search(text):
        return False
    from reportdesk.engine.targets.numbers import parse_quantities

    return bool(parse_quantities(text))


def _section_title(al: Alignment, idx: int) -> str:
    if idx < 0:
        return "标题与署名"
    m = al.sections[idx]
    return m.new_heading or m.old_heading or "开篇"


class _Paragraphs:
    """Paragraph index at a position, in O(log n) (Report.paragraph_at rebuilds its index)."""

    def __init__(self, report: Report) -> None:
        self._starts = [p.start for p in report.paragraphs]

    def at(self, pos: int) -> int:
        return bisect.bisect_right(self._starts, pos) - 1


def _gap_point(report: _Paragraphs, pairs: list[AlignedPair], k: int, side: str, prev: int, nxt: int) -> int:
    """Where in the other text the run starting at pairs[k] (only on ``side``) stands.

    After the previous sentence (``prev``, -1 for none) when that one shares the
    run's paragraph, else at the start of the next sentence of the other text
    (``nxt``; a deleted first sentence of a paragraph stands at the start of
    what is left of it).  Nothing but whitespace lies between those two points,
    and changes stay in reading order either way.
    """
    other = "new" if side == "old" else "old"
    if prev >= 0:
        here = getattr(pairs[prev], side)
        first = getattr(pairs[k], side)
        if here is None or report.at(here.start) == report.at(first.start):
            return getattr(pairs[prev], other).end
    if nxt < len(pairs):
        return getattr(pairs[nxt], other).start
    return getattr(pairs[prev], other).end if prev >= 0 else 0


@dataclass(frozen=True)
class _ChangeList:
    """The changes being collected over the pairs of a comparison."""

    old: Report
    new: Report
    pairs: list[AlignedPair]
    al: Alignment
    changes: list[Change] = field(default_factory=list)

    def add(self, kind: ChangeKind, o: Span, n: Span, k: int, **kw: Span | None) -> None:
        ot, nt = self.old.text[o.start : o.end], self.new.text[n.start : n.end]
        self.changes.append(
            Change(
                id=len(self.changes),
                kind=kind,
                section=_section_title(self.al, self.pairs[k].section),
                old=o,
                new=n,
                old_text=ot,
                new_text=nt,
                pair=k,
                is_target=touches_quantity(ot) or touches_quantity(nt),
                moved_from=kw.get("moved_from"),
                moved_to=kw.get("moved_to"),
            )
        )


def build_changes(old: Report, new: Report, pairs: list[AlignedPair], al: Alignment) -> list[Change]:
    out = _ChangeList(old, new, pairs, al)
    # The next pair with an old / new span at or after each index, and the
    # last one seen before the current pair.
    next_with = {"old": [len(pairs)] * (len(pairs) + 1), "new": [len(pairs)] * (len(pairs) + 1)}
    for side, arr in next_with.items():
        for i in range(len(pairs) - 1, -1, -1):
            arr[i] = i if getattr(pairs[i], side) is not None else arr[i + 1]
    last_with = {"old": -1, "new": -1}
    paras = {"old": _Paragraphs(old), "new": _Paragraphs(new)}
    k = 0
    while k < len(pairs):
        p = pairs[k]
        if p.kind in (PairKind.INSERTED, PairKind.DELETED):
            # Consecutive whole-sentence inserts (or deletes) in one paragraph are one change.
            side, other = ("old", "new") if p.kind is PairKind.DELETED else ("new", "old")
            j = _run_end(paras[side], pairs, k)
            at = _gap_point(paras[side], pairs, k, side, last_with[other], next_with[other][j + 1])
            _add_run(out, k, j, at)
            for i in range(k, j + 1):
                _seen(pairs[i], i, last_with)
            k = j + 1
            continue
        _seen(p, k, last_with)
        if p.kind is PairKind.MOVED:
            assert p.old is not None and p.new is not None
            out.add(ChangeKind.MOVE, p.old, p.new, k, moved_from=p.old, moved_to=p.new)
        if p.kind in (PairKind.CHANGED, PairKind.MOVED):
            _inline_changes(p, k, out.add, old, new)
        k += 1
    return out.changes


def _run_end(paras: _Paragraphs, pairs: list[AlignedPair], k: int) -> int:
    """Last pair of the run of pairs of pairs[k]'s kind in its paragraph."""
    j = k
    while j + 1 < len(pairs) and pairs[j + 1].kind is pairs[k].kind and _same_paragraph(paras, pairs[j], pairs[j + 1]):
        j += 1
    return j


def _add_run(out: _ChangeList, k: int, j: int, at: int) -> None:
    """One insert (or delete) change for the whole sentences pairs[k..j], placed at ``at`` in the other text."""
    p = out.pairs[k]
    if p.kind is PairKind.INSERTED:
        first, last = p.new, out.pairs[j].new
        assert first is not None and last is not None
        out.add(ChangeKind.INSERT, Span(at, at), Span(first.start, last.end), k)
    else:
        first, last = p.old, out.pairs[j].old
        assert first is not None and last is not None
        out.add(ChangeKind.DELETE, Span(first.start, last.end), Span(at, at), k)


def _seen(p: AlignedPair, i: int, last_with: dict[str, int]) -> None:
    if p.kind is not PairKind.MOVED:
        if p.old is not None:
            last_with["old"] = i
        if p.new is not None:
            last_with["new"] = i


def _same_paragraph(paras: _Paragraphs, a: AlignedPair, b: AlignedPair) -> bool:
    sa, sb = a.old if a.old is not None else a.new, b.old if b.old is not None else b.new
    assert sa is not None and sb is not None
    pa = paras.at(sa.start)
    return pa >= 0 and pa == paras.at(sb.start)


def _inline_changes(p: AlignedPair, k: int, add: Callable[..., None], old: Report, new: Report) -> None:
    """Each run of non-equal ops between equal ones is one change; a moved clause is one move."""
    assert p.old is not None and p.new is not None
    found: list[tuple[int, ChangeKind, Span, Span, bool]] = []
    if p.kind is not PairKind.MOVED:
        dels = [op.old for op in p.ops if op.moved and op.op is OpKind.DELETE and op.old and key_of(old.text[op.old.start : op.old.end])]
        ins = [op.new for op in p.ops if op.moved and op.op is OpKind.INSERT and op.new and key_of(new.text[op.new.start : op.new.end])]
        for d, i in zip(dels, ins):
            assert d is not None and i is not None
            # The diff may hand a comma or a quote to one side only: report the clause.
            for td, ti in (
                (_trim_punct(old.text, d), _trim_punct(new.text, i)),
                (_clause_of(old.text, d, p.old), _clause_of(new.text, i, p.new)),
            ):
                if old.text[td.start : td.end] == new.text[ti.start : ti.end]:
                    d, i = td, ti
                    break
            found.append((i.start, ChangeKind.MOVE, d, i, True))
    o_pos, n_pos = p.old.start, p.new.start
    run: list[InlineOp] = []
    for op in list(p.ops) + [InlineOp(OpKind.EQUAL, None, None)]:
        if op.op is not OpKind.EQUAL and not (op.moved and p.kind is not PairKind.MOVED):
            run.append(op)
            continue
        if run:
            ds = [r.old for r in run if r.old is not None]
            ns = [r.new for r in run if r.new is not None]
            o = Span(ds[0].start, ds[-1].end) if ds else Span(o_pos, o_pos)
            n = Span(ns[0].start, ns[-1].end) if ns else Span(n_pos, n_pos)
            kind = ChangeKind.REPLACE if ds and ns else ChangeKind.DELETE if ds else ChangeKind.INSERT
            found.append((n.start, kind, o, n, False))
            run = []
        if op.old is not None:
            o_pos = op.old.end
        if op.new is not None:
            n_pos = op.new.end
    for _, kind, o, n, is_move in sorted(found, key=lambda f: (f[0], f[2].start)):
        if is_move:
            add(kind, o, n, k, moved_from=o, moved_to=n)
        else:
            add(kind, o, n, k)


_EDGE_PUNCT = frozenset("，。；：、！？,.;:!?  \u3000")


def _trim_punct(text: str, span: Span) -> Span:
    a, b = span.start, span.end
    while a < b and text[a] in _EDGE_PUNCT:
        a += 1
    while b > a and text[b - 1] in _EDGE_PUNCT:
        b -= 1
    return Span(a, b)


_CLAUSE_END = frozenset("，、；：,;:。！？!?")


def _clause_of(text: str, span: Span, limit: Span) -> Span:
    """The clause (inside ``limit``) around span, without its edge punctuation."""
    a, b = span.start, span.end
    while a > limit.start and text[a - 1] not in _CLAUSE_END:
        a -= 1
    while b < limit.end and text[b - 1] not in _CLAUSE_END and text[b] not in _CLAUSE_END:
        b += 1
    return _trim_punct(text, Span(a, b))
