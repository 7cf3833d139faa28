"""The one entry point: ``compare(old, new, options) -> Comparison``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from reportdesk.engine.align.aligner import Alignment, Unit, align, units_of
from reportdesk.engine.align.units import bigrams, dice
from reportdesk.engine.comparison.changes import build_changes
from reportdesk.engine.comparison.clutter import diff_front, tidy_changes
from reportdesk.engine.diff.inline import diff_spans_checked
from reportdesk.engine.model import (
    AlignedPair,
    Change,
    CompareOptions,
    Comparison,
    InlineOp,
    OpKind,
    PairKind,
    PhraseChanges,
    Report,
    Span,
    Stats,
    TargetChange,
    TargetReview,
)
from reportdesk.engine.phrases import compare_phrases
from reportdesk.engine.targets.flags import change_tiers, hints
from reportdesk.engine.targets.match import match_targets, review_targets

Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class Prepared:
    """The part of a comparison that needs no jieba: sentence alignment and target analysis.

    ``compare_paths`` makes it in a helper process while jieba's dictionary loads.
    """

    alignment: Alignment
    target_changes: tuple[TargetChange, ...]
    target_review: tuple[TargetReview, ...]


def prepare(old: Report, new: Report, options: CompareOptions) -> Prepared:
    ou, nu = units_of(old, options.keep_clutter), units_of(new, options.keep_clutter)
    al = align(old, new, ou, nu, options)
    return Prepared(al, tuple(match_targets(old, new)), tuple(review_targets(old, new)))


def compare(
    old: Report,
    new: Report,
    options: CompareOptions | None = None,
    progress: Progress | None = None,
    *,
    phrases: bool = True,
    prepared: Prepared | None = None,
) -> Comparison:
    """Compare two reports: aligned pairs, changes, statistics, targets, phrases.

    ``phrases=False`` leaves ``Comparison.phrases`` empty: finding them runs jieba over
    every paragraph of both reports, and a caller that shows no phrases (the CLI summary)
    need not pay for it.  ``prepared`` is ``prepare(old, new, options)`` made elsewhere.
    """
    options = options or CompareOptions()
    report = progress or (lambda _stage, _frac: None)
    report("align", 0.0)
    ou, nu = units_of(old, options.keep_clutter), units_of(new, options.keep_clutter)
    al = prepared.alignment if prepared is not None else align(old, new, ou, nu, options)
    report("diff", 0.4)
    pairs = _build_pairs(_Sources(old, new, ou, nu, al, options))
    found = tidy_changes(old, new, build_changes(old, new, pairs, al), options.keep_clutter)
    changes = change_tiers(found, old, new)
    stats = _stats(old, new, ou, nu, pairs, changes)
    anchors = _anchors(old, new, pairs)
    report("targets", 0.8)
    if prepared is None:
        target_changes, target_review = tuple(match_targets(old, new)), tuple(review_targets(old, new))
    else:
        target_changes, target_review = prepared.target_changes, prepared.target_review
    found_phrases = compare_phrases(old, new) if phrases else PhraseChanges()
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
        target_changes=target_changes,
        target_review=target_review,
        phrases=found_phrases,
        hints=tuple(hints(old, "old") + hints(new, "new")),
    )


def _section_index(al: Alignment, o: Unit | None, n: Unit | None) -> int:
    if n is not None and n.zone == "body":
        return al.section_of_new.get(n.section, -1)
    if o is not None and o.zone == "body":
        return al.section_of_old.get(o.section, -1)
    return -1


@dataclass(frozen=True)
class _Sources:
    """What the pairs are built from: both reports, their sentence units and their alignment."""

    old: Report
    new: Report
    ou: list[Unit]
    nu: list[Unit]
    al: Alignment
    options: CompareOptions


def _build_pairs(src: _Sources) -> list[AlignedPair]:
    """Pairs in reading order of the new report, deleted sentences interleaved.

    A pair may cover two adjacent sentences on one side (a split or a merge);
    its span is then their union.
    """
    al, ou = src.al, src.ou
    by_new = {n: (o, s) for o, n, s in al.pairs}
    paired_old = {o for o, _, _ in al.pairs}
    join_old = {o: al.joins.old[o] for o in paired_old if o in al.joins.old}
    join_new = {n: al.joins.new[n] for n in by_new if n in al.joins.new}
    covered_old = paired_old | set(join_old.values())
    covered_new = set(join_new.values())
    front_o = [u for u in ou if u.zone == "front"]
    front_n = [u for u in src.nu if u.zone == "front"]
    out: list[AlignedPair] = []
    if front_o and front_n:
        # Title, dateline, subtitle and speaker are split into lines differently from
        # year to year: the front matter is diffed as one text, word by word.
        fo, fn = {u.index for u in front_o}, {u.index for u in front_n}
        covered_old |= fo
        covered_new |= fn
        by_new = {n: hit for n, hit in by_new.items() if n not in fn and hit[0] not in fo}
        out.append(_front_pair(src, front_o, front_n))
    deleted = [u.index for u in ou if u.index not in covered_old]
    di = 0

    def emit_deleted(upto_old: int) -> None:
        nonlocal di
        while di < len(deleted) and deleted[di] < upto_old:
            u = ou[deleted[di]]
            ops = (InlineOp(OpKind.DELETE, u.span, None),)
            out.append(AlignedPair(len(out), PairKind.DELETED, u.span, None, 0.0, _section_index(al, u, None), ops))
            di += 1

    next_anchor_old = _next_anchor_old(src, by_new)
    for n in src.nu:
        if n.index in covered_new:
            continue  # second half of a split sentence: in the pair before
        emit_deleted(next_anchor_old[n.index])
        hit = by_new.get(n.index)
        if hit is None:
            ops = (InlineOp(OpKind.INSERT, None, n.span),)
            out.append(AlignedPair(len(out), PairKind.INSERTED, None, n.span, 0.0, _section_index(al, None, n), ops))
            continue
        o_idx, sim = hit
        out.append(_matched_pair(src, len(out), ou[o_idx], n, sim))
    emit_deleted(len(ou) + 1)
    return out


def _next_anchor_old(src: _Sources, by_new: dict[int, tuple[int, float]]) -> list[int]:
    """Per new sentence, the old position of the next in-place pair at or after it.

    Deleted sentences stand before anything inserted or moved into the same gap:
    they are flushed up to that position first.
    """
    next_anchor_old = [len(src.ou) + 1] * (len(src.nu) + 1)
    for n in reversed(src.nu):
        hit = by_new.get(n.index)
        in_place = hit is not None and (hit[0], n.index) in src.al.in_order
        next_anchor_old[n.index] = hit[0] if in_place and hit else next_anchor_old[n.index + 1]
    return next_anchor_old


def _front_pair(src: _Sources, front_o: list[Unit], front_n: list[Unit]) -> AlignedPair:
    """The front matter of both reports as one pair (first to last line on each side)."""
    o_span = Span(front_o[0].span.start, front_o[-1].span.end)
    n_span = Span(front_n[0].span.start, front_n[-1].span.end)
    sim = dice(bigrams("".join(u.key for u in front_o)), bigrams("".join(u.key for u in front_n)))
    if src.old.text[o_span.start : o_span.end] == src.new.text[n_span.start : n_span.end]:
        kind, ops, coarse = _diff_pair(src, o_span, n_span)
    else:
        opts = src.options
        found, coarse = diff_front(src.old, o_span, src.new, n_span, opts.ignore_punctuation_width, opts.keep_clutter)
        ops = tuple(found)
        kind = PairKind.EQUAL if all(op.op is OpKind.EQUAL for op in ops) else PairKind.CHANGED
    return AlignedPair(0, kind, o_span, n_span, round(sim, 3), -1, ops, coarse)


def _diff_pair(src: _Sources, o_span: Span, n_span: Span) -> tuple[PairKind, tuple[InlineOp, ...], bool]:
    """Kind (equal or changed), inline ops and coarseness of two aligned spans."""
    if src.old.text[o_span.start : o_span.end] == src.new.text[n_span.start : n_span.end]:
        return PairKind.EQUAL, (InlineOp(OpKind.EQUAL, o_span, n_span),), False
    found, coarse = diff_spans_checked(
        src.old.text, o_span, src.new.text, n_span, fold_width=src.options.ignore_punctuation_width
    )
    ops = tuple(found)
    kind = PairKind.EQUAL if all(op.op is OpKind.EQUAL for op in ops) else PairKind.CHANGED
    return kind, ops, coarse


def _matched_pair(src: _Sources, index: int, o: Unit, n: Unit, sim: float) -> AlignedPair:
    """An aligned pair with its inline diff; a side joined to the next sentence covers both."""
    joins = src.al.joins
    o_span = Span(o.span.start, src.ou[joins.old[o.index]].span.end) if o.index in joins.old else o.span
    n_span = Span(n.span.start, src.nu[joins.new[n.index]].span.end) if n.index in joins.new else n.span
    kind, ops2, coarse = _diff_pair(src, o_span, n_span)
    if (o.index, n.index) not in src.al.in_order:
        kind = PairKind.MOVED
    section = _section_index(src.al, o, n)
    return AlignedPair(index, kind, o_span, n_span, round(sim, 3), section, ops2, coarse)


def _stats(old: Report, new: Report, ou: list[Unit], nu: list[Unit], pairs: list[AlignedPair], changes: list[Change]) -> Stats:
    counts = {kind: 0 for kind in PairKind}
    ins_chars = del_chars = same_chars = 0
    for p in pairs:
        counts[p.kind] += 1
        for op in p.ops:
            if op.op is OpKind.INSERT and op.new is not None:
                ins_chars += _cjk_len(new.text, op.new)
            elif op.op is OpKind.DELETE and op.old is not None:
                del_chars += _cjk_len(old.text, op.old)
            elif op.op is OpKind.EQUAL and op.new is not None:
                same_chars += _cjk_len(new.text, op.new)
    by_kind: dict[str, int] = {}
    for c in changes:
        by_kind[c.kind.value] = by_kind.get(c.kind.value, 0) + 1
    by_kind["target"] = sum(1 for c in changes if c.is_target)
    old_spans = {u.span for u in ou}
    new_spans = {u.span for u in nu}
    # The front-matter pair (first, when both reports have front matter) covers all
    # its lines: as many sentences as the shorter side pair up, the rest are joined
    # (old side longer) or split (new side longer).
    fo, fn = sum(u.zone == "front" for u in ou), sum(u.zone == "front" for u in nu)
    sentence_pairs = pairs[1:] if fo and fn else pairs
    if fo and fn:
        counts[pairs[0].kind] += min(fo, fn) - 1
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
        similarity=_similarity(same_chars, new, nu),
        changes_by_kind=tuple(by_kind.items()),
        coarse=sum(1 for p in pairs if p.coarse),
        split=sum(1 for p in sentence_pairs if p.new is not None and p.new not in new_spans) + max(0, fn - fo),
        merged=sum(1 for p in sentence_pairs if p.old is not None and p.old not in old_spans) + max(0, fo - fn),
    )


def _similarity(same_chars: int, new: Report, nu: list[Unit]) -> float:
    """Share of the new report's characters (spaces aside) that are unchanged: equal text
    of aligned pairs (moved sentences included) over all text of the new report's sentences."""
    total = sum(_cjk_len(new.text, u.span) for u in nu)
    return round(min(1.0, same_chars / total), 4) if total else 1.0


_SPACE = re.compile(r"\s")  # the characters str.isspace() accepts (both use Py_UNICODE_ISSPACE)


def _cjk_len(text: str, span: Span) -> int:
    """Characters that count as written text (not spaces)."""
    piece = text[span.start : span.end]
    return len(piece) - len(_SPACE.findall(piece))


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
