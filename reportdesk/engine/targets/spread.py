"""One clause, several indicators: 分别 / 均 / 和 spread a number over its series.

``城镇常住居民人均可支配收入、农村常住居民人均可支配收入均增长8%`` is two targets of
8%; ``城乡居民人均可支配收入分别增长7.5%`` is the urban and the rural one;
``城镇和农村居民人均可支配收入分别达35512元、25689元，分别同比增长7.8%`` gives the
growth to both names of the list before it.  A follow-on clause without a subject
inherits the indicator: ``地区生产总值达到240亿元，同比增长21%`` is a level and a
growth target (its 同比 is the growth asked for, not context).
"""

from __future__ import annotations

import re
from dataclasses import replace

from reportdesk.engine.model import Direction, Figure, FigureKind
from reportdesk.engine.targets.naming import Reading, scoped_names
from reportdesk.engine.targets.rules import (
    SHARE_UNITS,
    SPREAD_ADVERB,
    SPREAD_SPLIT,
    URBAN_RURAL,
    URBAN_RURAL_SPLITS,
)


def series_names(indicator: str) -> list[str]:
    """The names one clause covers: A、B / A和B (a bare 城镇 borrows the noun), 城乡X → 城镇X, 农村X."""
    parts = [p for p in SPREAD_SPLIT.split(indicator) if p]
    if len(parts) > 1:
        return scoped_names(parts)
    return _urban_rural(indicator) or [indicator]


def _urban_rural(indicator: str) -> list[str]:
    """城乡居民人均可支配收入 (增长7.5%) holds for the urban and the rural income alike."""
    if indicator.startswith(URBAN_RURAL[0]) and any(w in indicator for w in URBAN_RURAL_SPLITS):
        rest = indicator[len(URBAN_RURAL[0]):]
        return [URBAN_RURAL[1] + rest, URBAN_RURAL[2] + rest]
    return []


def spread(r: Reading, fig: Figure, before: list[Figure]) -> tuple[list[Figure], tuple[str, ...] | None]:
    """``fig`` once per indicator of its series, and the names owed to the numbers after it
    (None: as naming left them); ``before`` holds the sentence's figures so far."""
    adverb = bool(SPREAD_ADVERB.search(r.front.left[max(0, r.front.ind_e - 2):]))
    if r.tail.list_end > r.tail.end:
        # 分别达35512元、25689元，同比分别增长6.5%、9.4%: the second list takes the first's names
        names = _previous_list(before) if adverb and not r.front.indicator else []
        if len(names) < 2:
            return [fig], None
        return [replace(fig, indicator=names[0])], tuple(names[1:])
    names = series_names(fig.indicator) if adverb else _urban_rural(fig.indicator)
    if len(names) < 2 and adverb and not r.front.indicator:
        names = _previous_list(before)
    if len(names) < 2:
        return [fig], None
    return [replace(fig, indicator=n) for n in names], None


def _previous_list(before: list[Figure]) -> list[str]:
    """The names of the list of numbers just before (分别达35512元、25689元，分别同比增长…)."""
    if not before:
        return []
    unit, names = before[-1].unit, []
    for f in reversed(before):
        if f.unit != unit or f.indicator in names or f.sentence != before[-1].sentence:
            break
        names.append(f.indicator)
    return list(reversed(names)) if len(names) > 1 else []


def follow_on(r: Reading, fig: Figure) -> Figure:
    """达到240亿元，同比增长21%: a growth rate after a level target is a growth target."""
    prev = r.prev.figure
    if (fig.kind is FigureKind.OTHER and prev is not None and prev.kind is FigureKind.TARGET
            and prev.unit not in SHARE_UNITS and fig.unit == "%" and not r.front.indicator
            and fig.indicator == prev.indicator and FOLLOW_ON.fullmatch(r.front.left)):
        return replace(fig, kind=FigureKind.TARGET, year=prev.year, direction=Direction.INCREASE)
    return fig


FOLLOW_ON = re.compile(r"(?:同比|比上年)(?:增长|增加|提高)")
