"""Targets across years on the national reports, and the reviewer's wording."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportdesk.engine.load.loader import load_report
from reportdesk.engine.model import (
    Direction,
    Figure,
    FigureKind,
    Qualifier,
    Report,
    ReviewStatus,
    Span,
    TargetChangeKind,
)
from reportdesk.engine.targets.match import classify, match_targets, met, review_targets


@pytest.fixture(scope="module")
def national(corpus_dir: Path):
    cache: dict[int, Report] = {}

    def get(year: int) -> Report:
        if year not in cache:
            cache[year] = load_report(corpus_dir / "national" / f"{year}.txt")
        return cache[year]

    return get


def _by_indicator(changes, word: str):
    hits = [c for c in changes if word in (c.new.indicator if c.new else c.old.indicator)]
    assert hits, f"no change for {word}: {[c.indicator for c in changes]}"
    return hits[0]


def test_national_2024_to_2025(national) -> None:
    changes = match_targets(national(2024), national(2025))
    cpi = _by_indicator(changes, "居民消费价格涨幅")
    assert cpi.change is TargetChangeKind.LOWERED
    assert (cpi.old.value, cpi.new.value) == (Decimal(3), Decimal(2))
    assert "降低1个百分点" in cpi.wording
    grain = _by_indicator(changes, "粮食产量")
    assert grain.change is TargetChangeKind.RAISED_AND_QUALIFIER_CHANGED
    assert "由“以上”改为“左右”" in grain.wording
    energy = _by_indicator(changes, "能耗")
    assert energy.change is TargetChangeKind.RAISED
    assert "提高0.5个百分点" in energy.wording
    assert energy.new.direction is Direction.DECREASE
    for word in ("国内生产总值", "城镇调查失业率", "城镇新增就业"):
        c = _by_indicator(changes, word)
        assert c.change is TargetChangeKind.UNCHANGED, (word, c)
    # reordered: unemployment comes before new jobs in 2025, after it in 2024
    jobs = _by_indicator(changes, "城镇新增就业")
    unemp = _by_indicator(changes, "城镇调查失业率")
    assert (jobs.old.start < unemp.old.start) != (jobs.new.start < unemp.new.start)


def test_national_2023_to_2024_jobs_qualifier(national) -> None:
    changes = match_targets(national(2023), national(2024))
    jobs = _by_indicator(changes, "城镇新增就业")
    assert jobs.change is TargetChangeKind.QUALIFIER_CHANGED
    assert jobs.wording == "由1200万人左右调整为1200万人以上；由“左右”改为“以上”"  # both values, always


def test_new_and_dropped_are_reported(national) -> None:
    changes = match_targets(national(2023), national(2024))
    energy = _by_indicator(changes, "能耗")
    assert energy.change is TargetChangeKind.NEW and energy.old is None
    kinds = {c.change for c in changes}
    assert kinds <= set(TargetChangeKind)
    assert all(c.old is None or c.old.kind is FigureKind.TARGET for c in changes)


def test_2024_targets_all_met_per_2025(national) -> None:
    reviews = review_targets(national(2024), national(2025))
    main = {}
    for word in ("国内生产总值", "城镇新增就业", "城镇调查失业率", "居民消费价格涨幅", "粮食产量", "能耗"):
        r = next(r for r in reviews if word in r.target.indicator)
        main[word] = r
    assert {w: r.status for w, r in main.items()} == {w: ReviewStatus.MET for w in main}
    assert main["城镇新增就业"].actual.value == Decimal(12560000)
    assert main["城镇调查失业率"].actual.value == Decimal("5.1")
    assert not [r for r in reviews if r.status is ReviewStatus.NOT_MET]


def _t(indicator: str, value: str, unit: str = "%", qualifier: Qualifier = Qualifier.ABOUT,
       direction: Direction = Direction.LEVEL, value_max: str | None = None, quote: str = "") -> Figure:
    return Figure(quote=quote or indicator + value + unit, indicator=indicator, value=Decimal(value), unit=unit,
                  qualifier=qualifier, direction=direction, kind=FigureKind.TARGET, span=Span(0, 1),
                  sentence=Span(0, 1), section=0, value_max=Decimal(value_max) if value_max else None)


@pytest.mark.parametrize(
    ("old", "new", "change", "wording"),
    [
        (_t("国内生产总值", "6"), _t("国内生产总值", "6.5"), TargetChangeKind.RAISED, "提高0.5个百分点"),
        (_t("城镇新增就业", "1100", "人", Qualifier.AT_LEAST, quote="1100万人以上"),
         _t("城镇新增就业", "1100", "人", Qualifier.ABOUT, quote="1100万人左右"), TargetChangeKind.QUALIFIER_CHANGED,
         "由“以上”改为“左右”"),
        (_t("国内生产总值", "6", value_max="6.5", qualifier=Qualifier.RANGE), _t("国内生产总值", "6", quote="6%以上",
         qualifier=Qualifier.AT_LEAST), TargetChangeKind.LOWERED_AND_QUALIFIER_CHANGED, "由“区间”改为“以上”"),
        (_t("赤字率", "3"), _t("赤字率", "3"), TargetChangeKind.UNCHANGED, "保持3%左右不变"),
    ],
)
def test_classify(old: Figure, new: Figure, change: TargetChangeKind, wording: str) -> None:
    c, w = classify(old, new)
    assert c is change
    assert wording in w


@pytest.mark.parametrize(
    ("target", "actual", "ok"),
    [
        (_t("城镇调查失业率", "5.5"), _t("城镇调查失业率", "5.1", qualifier=Qualifier.EXACT), True),
        (_t("城镇调查失业率", "5.5"), _t("城镇调查失业率", "5.9", qualifier=Qualifier.EXACT), False),
        (_t("居民消费价格涨幅", "3"), _t("居民消费价格", "0.2", direction=Direction.INCREASE), True),
        (_t("单位国内生产总值能耗", "2.5", direction=Direction.DECREASE),
         _t("单位国内生产总值能耗", "3", direction=Direction.DECREASE, qualifier=Qualifier.AT_LEAST), True),
        (_t("单位国内生产总值能耗", "3", direction=Direction.DECREASE),
         _t("单位国内生产总值能耗", "2", direction=Direction.DECREASE), False),
        (_t("国内生产总值", "5", direction=Direction.INCREASE),
         _t("国内生产总值", "4.9", direction=Direction.INCREASE, qualifier=Qualifier.EXACT), True),
        (_t("国内生产总值", "6", direction=Direction.INCREASE, qualifier=Qualifier.AT_LEAST),
         _t("国内生产总值", "5.9", direction=Direction.INCREASE, qualifier=Qualifier.EXACT), False),
        (_t("粮食产量", "1.3", "斤", Qualifier.AT_LEAST), _t("粮食产量", "1.4", "斤", Qualifier.EXACT), True),
    ],
)
def test_met(target: Figure, actual: Figure, ok: bool) -> None:
    assert met(target, actual) is ok
