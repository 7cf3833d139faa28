"""What a comparison flags about targets: 提示 for a main indicator stated twice with two
values, and which text changes touch a target (目标变化) rather than another number
(数字修改)."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import replace

from reportdesk.engine.model import (
    Change,
    Figure,
    FigureKind,
    HintKind,
    Report,
    Span,
    TargetHint,
    TargetTier,
)
from reportdesk.engine.targets.extract import extract_targets
from reportdesk.engine.targets.tiers import conflicts
from reportdesk.engine.targets.wording import value_text


def hints(report: Report, side: str) -> list[TargetHint]:
    """提示 for each main indicator ``report`` states with two values."""
    out = []
    for first, other in conflicts(extract_targets(report)):
        name = first.indicator or other.indicator
        message = (f"主要预期目标“{name}”前后不一致：{first.quote}（{value_text(first)}），"
                   f"另处{other.quote}（{value_text(other)}）")
        out.append(TargetHint(HintKind.MAIN_TARGET_CONFLICT, side, name, message,
                              (first.span, other.span)))
    return out


def change_tiers(changes: Sequence[Change], old: Report, new: Report) -> list[Change]:
    """Each change with the weightiest tier of the targets whose number it touches."""
    figs = {"old": _Numbers(_numbers(extract_targets(old))), "new": _Numbers(_numbers(extract_targets(new)))}
    out = []
    for c in changes:
        tiers = [t for side, span in (("old", c.old), ("new", c.new)) if span is not None
                 for t in figs[side].overlapping(span)]
        tier = min(tiers, key=lambda t: t.rank) if tiers else None
        out.append(replace(c, target_tier=tier) if tier is not c.target_tier else c)
    return out


class _Numbers:
    """Number spans with their tiers, sorted by start: those overlapping a change are found
    by bisection (every change against every number was a tenth of a re-compare)."""

    def __init__(self, found: list[tuple[Span, TargetTier]]) -> None:
        self._found = sorted(found, key=lambda f: f[0].start)
        self._starts = [s.start for s, _ in self._found]
        self._longest = max((s.end - s.start for s, _ in self._found), default=0)

    def overlapping(self, span: Span) -> list[TargetTier]:
        # a number overlapping ``span`` starts before its end and after its start - longest
        lo = bisect.bisect_left(self._starts, span.start - self._longest)
        hi = bisect.bisect_left(self._starts, span.end)
        return [t for s, t in self._found[lo:hi] if s.start < span.end and span.start < s.end]


def _numbers(figures: Sequence[Figure]) -> list[tuple[Span, TargetTier]]:
    """Where each target's number stands (not its whole quote), with its tier."""
    out = []
    for f in figures:
        if f.kind is not FigureKind.TARGET:
            continue
        at = f.quote.find(f.written) if f.written else -1
        span = Span(f.start + at, f.start + at + len(f.written)) if at >= 0 else f.span
        out.append((span, f.tier))
    return out
