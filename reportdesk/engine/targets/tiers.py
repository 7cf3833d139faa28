"""How much a target weighs, and one report's statements of one main indicator.

Three tiers (``TargetTier``): *main* targets stand in the 主要预期目标 paragraph, or
restate one of its indicators elsewhere (经济增长预期目标为5%左右); *named* targets are
other indicators of the name table (粮食产量, 赤字率, 专项债…); everything else planned
is a *task* quantity (建成20座公厕, 投资15亿元).

A restatement counts once: ``statement_key`` is what makes two figures of one report
the same statement (indicator identity, unit, year and, for amounts, level versus
increment), and ``conflicts`` finds a main indicator stated with two values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reportdesk.engine.model import (
    Direction,
    Figure,
    FigureKind,
    Part,
    Report,
    Span,
    TargetTier,
)
from reportdesk.engine.targets.indicators import identity, is_known
from reportdesk.engine.targets.rules import MAIN_END, MAIN_MARK, MAIN_MIN, SHARE_UNITS

StatementKey = tuple[str, str, int | None, bool]


def statement_key(f: Figure) -> StatementKey:
    """Two figures with one key state one indicator: identity, unit, year, change or level.

    A rate (%) keeps no level/change distinction (居民消费价格涨幅3% / 上涨3%); an
    amount does (补助标准450元 is a level, 再增加40元 an increment).
    """
    change = f.unit not in SHARE_UNITS and f.direction is not Direction.LEVEL
    return identity(f.indicator).key, f.unit, f.year, change


def main_region(report: Report, figures: Sequence[Figure]) -> Span | None:
    """Where the main targets stand: from 主要预期目标 to its paragraph's end (or 上述…)."""
    for para in report.paragraphs:
        ok = 0 <= para.section < len(report.sections)
        if ok and report.sections[para.section].part is Part.REVIEW:
            continue
        m = MAIN_MARK.search(para.text)
        if m is None:
            continue
        start = para.start + m.start()
        stop = MAIN_END.search(para.text, m.end())
        end = para.start + stop.start() if stop else para.end
        inside = [f for f in figures if f.kind is FigureKind.TARGET and start <= f.start < end]
        if len(inside) >= MAIN_MIN:
            return Span(start, end)
    return None


def assign_tiers(report: Report, figures: list[Figure]) -> list[Figure]:
    """``figures`` with the tier of each target set (other figures keep TASK)."""
    region = main_region(report, figures)
    in_main = [region is not None and region.start <= f.start < region.end for f in figures]
    main_keys = {statement_key(f) for f, m in zip(figures, in_main) if m and f.kind is FigureKind.TARGET}
    out = []
    for f, m in zip(figures, in_main):
        if f.kind is not FigureKind.TARGET:
            out.append(f)
            continue
        if m or (identity(f.indicator).known and statement_key(f) in main_keys):
            tier = TargetTier.MAIN
        elif is_known(f.indicator):
            tier = TargetTier.NAMED
        else:
            tier = TargetTier.TASK
        out.append(replace(f, tier=tier) if tier is not f.tier else f)
    return out


def conflicts(figures: Sequence[Figure]) -> list[tuple[Figure, Figure]]:
    """Main targets stated twice with different values: (first statement, the other)."""
    first: dict[StatementKey, Figure] = {}
    out = []
    for f in figures:
        if f.kind is not FigureKind.TARGET or f.tier is not TargetTier.MAIN:
            continue
        key = statement_key(f)
        seen = first.setdefault(key, f)
        if seen is not f and (seen.value, seen.value_max) != (f.value, f.value_max):
            out.append((seen, f))
    return out

