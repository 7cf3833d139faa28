"""The one entry point: ``compare(old, new, options) -> Comparison``."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from reportdesk.engine.align.aligner import Alignment, Unit, align, key_of, units_of
from reportdesk.engine.diff.inline import diff_spans_checked
from reportdesk.engine.model import (
    AlignedPair,
    Change,
    ChangeKind,
    CompareOptions,
    Comparison,
    InlineOp,
    OpKind,
    PairKind,
    PhraseChanges,
    Report,
    Span,
    Stats,
)
from reportdesk.engine.phrases import compare_phrases
from reportdesk.engine.targets.match import match_targets, review_targets

_HAS_NUMBER = re.compile(r"[0-9０-９]|百分之|[零〇一二两三四五六七八九十百千]+(?:万|亿|个百分点)")


def _touches_quantity(text: str) -> bool:
    """A changed quantity (not a year, date, ordinal or slogan number) makes a target change."""
    if not _HAS_NUMBER.search(text):
        return False
    from reportdesk.engine.targets.numbers import parse_quantities

    return bool(parse_quantities(text))

Progress = Callable[[str, float], None]


def compare(old: Report, new: Report, options: CompareOptions | None = None, progress: Progress | None = None) -> Comparison:
    """Compare two reports: aligned pairs, changes, statistics, targets, phrases."""
    options = options or CompareOptions()
    report = progress or (lambda _stage, _frac: None)
    report("align", 0.0)
    seen: dict[str, tuple[str, frozenset[str]]] = {}  # unchanged sentences: bigrams once
    ou, nu = units_of(old, seen), units_of(new, seen)
    al = align(old, new, ou, nu, options)
    report("diff", 0.4)
    pairs = _build_pairs(old, new, ou, nu, al, options)
    changes = _build_changes(old, new, pairs, al)
    stats = _stats(old, new, ou, nu, pairs, changes)
    anchors = _anchors(old, new, pairs)
    report("targets", 0.8)
    target_changes, target_review, phrases = _targets(old, new)
    report("done", 1.0)
    return Comparison(
        old=old,
        new=new,
        options=options,
        sections=tuple(al.sections),
        pairs=tuple(pairs),
        changes=tuple(changes),
        stats=stats,
        anchors=tuple(anchors),
        target_changes=tuple(target_changes),
        target_review=tuple(target_review),
        phrases=phrases,
    )


def _targets(old: Report, new: Report) -> tuple[list, list, PhraseChanges]:
    """Target and phrase analysis, the layers over the diff."""
    return match_targets(old, new), review_targets(old, new), compare_phrases(old, new)


def _section_index(al: Alignment, o: Unit | None, n: Unit | None) -> int:
    if n is not None and n.zone == "body":
        return al.section_of_new.get(n.section, -1)
    if o is not None and o.zone == "body":
        return al.section_of_old.get(o.section, -1)
    return -1


def _build_pairs(
    old: Report, new: Report, ou: list[Unit], nu: list[Unit], al: Alignment, options: CompareOptions
) -> list[AlignedPair]:
    """Pairs in reading order of the new report, deleted sentences interleaved.

    A pair may cover two adjacent sentences on one side (a split or a merge);
    its span is then their union.
    """
    by_new = {n: (o, s) for o, n, s in al.pairs}
    paired_old = {o for o, _, _ in al.pairs}
    join_old = {o: al.joins.old[o] for o in paired_old if o in al.joins.old}
    join_new = {n: al.joins.new[n] for n in by_new if n in al.joins.new}
    covered_old = paired_old | set(join_old.values())
    covered_new = set(join_new.values())
    deleted = [u.index for u in ou if u.index not in covered_old]
    out: list[AlignedPair] = []
    di = 0

    def emit_deleted(upto_old: int) -> None:
        nonlocal di
        while di < len(deleted) and deleted[di] < upto_old:
            u = ou[deleted[di]]
            ops = (InlineOp(OpKind.DELETE, u.span, None),)
            out.append(AlignedPair(len(out), PairKind.DELETED, u.span, None, 0.0, _section_index(al, u, None), ops))
            di += 1

    # Deleted sentences stand before anything inserted or moved into the same gap:
    # flush them up to the next in-place pair's old position first.
    next_anchor_old = [len(ou) + 1] * (len(nu) + 1)
    for n in reversed(nu):
        hit = by_new.get(n.index)
        in_place = hit is not None and (hit[0], n.index) in al.in_order
        next_anchor_old[n.index] = hit[0] if in_place and hit else next_anchor_old[n.index + 1]
    for n in nu:
        if n.index in covered_new:
            continue  # second half of a split sentence: in the pair before
        emit_deleted(next_anchor_old[n.index])
        hit = by_new.get(n.index)
        if hit is None:
            ops = (InlineOp(OpKind.INSERT, None, n.span),)
            out.append(AlignedPair(len(out), PairKind.INSERTED, None, n.span, 0.0, _section_index(al, None, n), ops))
            continue
        o_idx, sim = hit
        o = ou[o_idx]
        o_span = Span(o.span.start, ou[join_old[o_idx]].span.end) if o_idx in join_old else o.span
        n_span = Span(n.span.start, nu[join_new[n.index]].span.end) if n.index in join_new else n.span
        moved = (o_idx, n.index) not in al.in_order
        coarse = False
        if old.text[o_span.start : o_span.end] == new.text[n_span.start : n_span.end]:
            ops2: tuple[InlineOp, ...] = (InlineOp(OpKind.EQUAL, o_span, n_span),)
            kind = PairKind.EQUAL
        else:
            found, coarse = diff_spans_checked(
                old.text, o_span, new.text, n_span, fold_width=options.ignore_punctuation_width
            )
            ops2 = tuple(found)
            kind = PairKind.EQUAL if all(op.op is OpKind.EQUAL for op in ops2) else PairKind.CHANGED
        if moved:
            kind = PairKind.MOVED
        section = _section_index(al, o, n)
        out.append(AlignedPair(len(out), kind, o_span, n_span, round(sim, 3), section, ops2, coarse))
    emit_deleted(len(ou) + 1)
    return out


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


def _build_changes(old: Report, new: Report, pairs: list[AlignedPair], al: Alignment) -> list[Change]:
    changes: list[Change] = []

    def add(kind: ChangeKind, o: Span, n: Span, k: int, **kw: Span | None) -> None:
        ot, nt = old.text[o.start : o.end], new.text[n.start : n.end]
        changes.append(
            Change(
                id=len(changes),
                kind=kind,
                section=_section_title(al, pairs[k].section),
                old=o,
                new=n,
                old_text=ot,
                new_text=nt,
                pair=k,
                is_target=_touches_quantity(ot) or _touches_quantity(nt),
                moved_from=kw.get("moved_from"),
                moved_to=kw.get("moved_to"),
            )
        )

    # The next pair with an old / new span at or after each index, and the
    # last one seen before the current pair.
    next_with = {"old": [len(pairs)] * (len(pairs) + 1), "new": [len(pairs)] * (len(pairs) + 1)}
    for side, arr in next_with.items():
        for i in range(len(pairs) - 1, -1, -1):
            arr[i] = i if getattr(pairs[i], side) is not None else arr[i + 1]
    last_with = {"old": -1, "new": -1}
    paras_old, paras_new = _Paragraphs(old), _Paragraphs(new)
    k = 0
    while k < len(pairs):
        p = pairs[k]
        if p.kind in (PairKind.INSERTED, PairKind.DELETED):
            # Consecutive whole-sentence inserts (or deletes) in one paragraph are one change.
            j = k
            while (
                j + 1 < len(pairs)
                and pairs[j + 1].kind is p.kind
                and _same_paragraph(paras_old if p.kind is PairKind.DELETED else paras_new, pairs[j], pairs[j + 1])
            ):
                j += 1
            if p.kind is PairKind.INSERTED:
                first, last = p.new, pairs[j].new
                assert first is not None and last is not None
                at = _gap_point(paras_new, pairs, k, "new", last_with["old"], next_with["old"][j + 1])
                add(ChangeKind.INSERT, Span(at, at), Span(first.start, last.end), k)
            else:
                first, last = p.old, pairs[j].old
                assert first is not None and last is not None
                at = _gap_point(paras_old, pairs, k, "old", last_with["new"], next_with["new"][j + 1])
                add(ChangeKind.DELETE, Span(first.start, last.end), Span(at, at), k)
            for i in range(k, j + 1):
                _seen(pairs[i], i, last_with)
            k = j + 1
            continue
        _seen(p, k, last_with)
        if p.kind is PairKind.MOVED:
            assert p.old is not None and p.new is not None
            add(ChangeKind.MOVE, p.old, p.new, k, moved_from=p.old, moved_to=p.new)
        if p.kind in (PairKind.CHANGED, PairKind.MOVED):
            _inline_changes(p, k, add, old, new)
        k += 1
    return changes


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


def _stats(old: Report, new: Report, ou: list[Unit], nu: list[Unit], pairs: list[AlignedPair], changes: list[Change]) -> Stats:
    counts = {kind: 0 for kind in PairKind}
    ins_chars = del_chars = 0
    for p in pairs:
        counts[p.kind] += 1
        for op in p.ops:
            if op.op is OpKind.INSERT and op.new is not None:
                ins_chars += _cjk_len(new.text, op.new)
            elif op.op is OpKind.DELETE and op.old is not None:
                del_chars += _cjk_len(old.text, op.old)
    total = max(sum(len(u.key) for u in ou), sum(len(u.key) for u in nu), 1)
    by_kind: dict[str, int] = {}
    for c in changes:
        by_kind[c.kind.value] = by_kind.get(c.kind.value, 0) + 1
    by_kind["target"] = sum(1 for c in changes if c.is_target)
    old_spans = {u.span for u in ou}
    new_spans = {u.span for u in nu}
    return Stats(
        sentences_old=len(ou),
        sentences_new=len(nu),
        equal=counts[PairKind.EQUAL],
        changed=counts[PairKind.CHANGED],
        inserted=counts[PairKind.INSERTED],
        deleted=counts[PairKind.DELETED],
        moved=counts[PairKind.MOVED],
        chars_inserted=ins_chars,
        chars_deleted=del_chars,
        similarity=round(max(0.0, 1.0 - max(ins_chars, del_chars) / total), 4),
        changes_by_kind=tuple(by_kind.items()),
        coarse=sum(1 for p in pairs if p.coarse),
        split=sum(1 for p in pairs if p.new is not None and p.new not in new_spans),
        merged=sum(1 for p in pairs if p.old is not None and p.old not in old_spans),
    )


def _cjk_len(text: str, span: Span) -> int:
    """Characters that count as written text (not spaces)."""
    return sum(1 for c in text[span.start : span.end] if not c.isspace())


def _anchors(old: Report, new: Report, pairs: list[AlignedPair]) -> list[tuple[int, int]]:
    pts = [(0, 0)]
    for p in pairs:
        if p.kind in (PairKind.EQUAL, PairKind.CHANGED) and p.old is not None and p.new is not None:
            for pt in ((p.old.start, p.new.start), (p.old.end, p.new.end)):
                if pt[0] >= pts[-1][0] and pt[1] >= pts[-1][1] and pt != pts[-1]:
                    pts.append(pt)
    end = (len(old.text), len(new.text))
    if end != pts[-1]:
        pts.append(end)
    return pts
