"""Issue 10 on real reports: tiers, identity before value, 分别/均 series, evidence-only verdicts,
increments, facts, values as written, the 提示 for a main target stated twice, 目标变化 vs 数字修改."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from reportdesk.engine import (
    Comparison,
    Report,
    ReviewStatus,
    TargetChange,
    TargetChangeKind,
    TargetTier,
    compare,
    comparison_to_dict,
    load_report,
    report_from_text,
)
from reportdesk.engine.targets.extract import extract_targets
from reportdesk.engine.targets.indicators import identity, parse_table, same_indicator, specific
from reportdesk.resources import resource_path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
_cache: dict[tuple[str, int], Report] = {}
_cmp: dict[tuple[str, int], Comparison] = {}


def rep(place: str, year: int) -> Report:
    if (place, year) not in _cache:
        _cache[place, year] = load_report(CORPUS / place / f"{year}.txt")
    return _cache[place, year]


def pair(place: str, year: int) -> Comparison:
    if (place, year) not in _cmp:
        _cmp[place, year] = compare(rep(place, year), rep(place, year + 1))
    return _cmp[place, year]


def changes_of(c: Comparison, word: str, unit: str = "%") -> list[TargetChange]:
    return [tc for tc in c.target_changes
            if word in tc.indicator and (tc.new or tc.old) is not None and (tc.new or tc.old).unit == unit]  # type: ignore[union-attr]


# ---------------------------------------------------------------- the name table


def test_name_table_ships_and_folds_statistical_renames() -> None:
    assert resource_path("dict", "indicators.txt").is_file()
    for old, new in [("农民人均纯收入", "农村牧区常住居民人均可支配收入"),
                     ("公共财政预算收入", "一般公共财政预算收入按可比口径"),
                     ("城镇居民人均可支配收入", "城镇常住居民人均可支配收入"),
                     ("经济增长预期目标", "国内生产总值")]:
        assert same_indicator(old, new) == 1.0, (old, new)
    assert same_indicator("区本级固定资产投资", "全社会固定资产投资") == 0.0
    assert same_indicator("地方财政总收入", "公共财政预算收入") == 0.0
    assert same_indicator("单位国内生产总值能耗", "国内生产总值") == 0.0
    assert identity("区本级全社会固定资产投资额").scope == {"区本级"}
    assert not specific("投资") and not specific("重点项目") and specific("公厕新建改造")


def test_parse_table_reads_lines_and_word_lists() -> None:
    t = parse_table("# c\n@范围 = 区本级 | 全社会\n甲 = 乙 | 丙丁\n戊\n")
    assert dict(t.aliases) == {"甲": "甲", "乙": "甲", "丙丁": "甲", "戊": "戊"}
    assert t.aliases[0][0] == "丙丁"  # longest first
    assert set(t.scopes) == {"区本级", "全社会"}


# ---------------------------------------------------------------- tiers


def test_tiers_main_named_task_national_2025() -> None:
    figs = [f for f in extract_targets(rep("national", 2025)) if f.kind == "target"]
    tier = {f.quote: f.tier for f in figs}
    assert tier["国内生产总值增长5%左右"] is TargetTier.MAIN
    assert tier["粮食产量1.4万亿斤左右"] is TargetTier.MAIN
    assert next(f for f in figs if "经济增长预期目标" in f.quote).tier is TargetTier.MAIN  # restatement
    assert next(f for f in figs if f.indicator.startswith("赤字率")).tier is TargetTier.NAMED
    assert next(f for f in figs if "地方政府专项债券" in f.indicator).tier is TargetTier.NAMED
    assert any(f.tier is TargetTier.TASK for f in figs)


def test_change_and_review_carry_tiers_and_quotes() -> None:
    c = pair("national", 2024)
    gdp = changes_of(c, "国内生产总值")[0]
    assert gdp.tier is TargetTier.MAIN
    rv = next(r for r in c.target_review if r.indicator == "国内生产总值" and r.target.unit == "%")
    assert rv.tier is TargetTier.MAIN and rv.target_quote == "国内生产总值增长5%左右"
    assert rv.actual is not None and rv.actual_quote == rv.actual.quote and "5%" in rv.actual_quote
    d = comparison_to_dict(c)
    assert {"tier", "target_quote", "actual_quote"} <= d["target_review"][0].keys()
    assert "tier" in d["target_changes"][0] and "tier" in d["target_changes"][0]["new"]
    assert {"target_tier", "touches_target"} <= d["changes"][0].keys() and d["hints"] == []


# ---------------------------------------------------------------- identity before value


@pytest.fixture(scope="module")
def demo_draft() -> Comparison:
    samples = sorted(resource_path("samples").glob("*.txt"))
    old, new = load_report(samples[0]), load_report(samples[1])
    text = new.text.replace("国内生产总值增长5%左右", "国内生产总值增长6%左右", 1)
    return compare(old, report_from_text(text, path="draft.txt", year=2025))


def test_demo_gdp_raised_and_restatement_does_not_steal_the_pair(demo_draft: Comparison) -> None:
    gdp = [tc for tc in demo_draft.target_changes
           if identity(tc.indicator).known == ("国内生产总值",) and (tc.new or tc.old).unit == "%"]  # type: ignore[union-attr]
    assert len(gdp) == 1, [(g.change, g.wording) for g in gdp]
    assert gdp[0].change is TargetChangeKind.RAISED
    assert gdp[0].old is not None and gdp[0].new is not None
    assert (gdp[0].old.value, gdp[0].new.value) == (Decimal(5), Decimal(6))
    assert gdp[0].wording.startswith("由5%左右调整为6%左右")


def test_demo_gdp_conflict_hint(demo_draft: Comparison) -> None:
    assert len(demo_draft.hints) == 1
    h = demo_draft.hints[0]
    assert h.side == "new" and h.kind == "main_target_conflict" and "不一致" in h.message
    quotes = [demo_draft.new.text[s.start:s.end] for s in h.spans]
    assert "6%左右" in quotes[0] and "经济增长预期目标为5%左右" in quotes[1]
    assert comparison_to_dict(demo_draft)["hints"][0]["message"] == h.message


def test_unedited_reports_have_no_hint() -> None:
    assert pair("national", 2024).hints == ()


def test_national_2013_2014_growth_target_unchanged() -> None:
    gdp = changes_of(pair("national", 2013), "国内生产总值")
    assert [g.change for g in gdp] == [TargetChangeKind.UNCHANGED]


def test_national_2019_2020_central_budget_investment_kept() -> None:
    c = pair("national", 2019)
    inv = changes_of(c, "中央预算内投资", "元")
    assert [i.change for i in inv] == [TargetChangeKind.RAISED], [i.wording for i in inv]
    assert any(tc.change is TargetChangeKind.NEW and "抗疫特别国债" in tc.indicator for tc in c.target_changes)


def test_hailar_renamed_indicators_pair_and_scopes_do_not() -> None:
    c = pair("hailar", 2016)
    rev = changes_of(c, "预算收入")
    assert [r.change for r in rev] == [TargetChangeKind.RAISED]  # 公共财政预算收入 → 一般公共财政预算收入
    inv = changes_of(c, "固定资产投资")
    assert sorted(i.change for i in inv) == sorted([TargetChangeKind.NEW, TargetChangeKind.DROPPED])
    c = pair("hailar", 2014)  # 农民人均纯收入 in both; 区本级 level dropped, not paired with a project
    assert [x.change for x in changes_of(c, "区本级固定资产投资", "元")] == [TargetChangeKind.DROPPED]


# ---------------------------------------------------------------- series and inherited subjects


def test_hailar_2016_both_incomes_grow_8_percent() -> None:
    figs = [f for f in extract_targets(rep("hailar", 2016)) if f.kind == "target" and "均增长8%" in f.quote]
    assert sorted(f.indicator for f in figs) == ["农村常住居民人均可支配收入", "城镇常住居民人均可支配收入"]


def test_hailar_2018_urban_rural_split_and_verdicts_per_series() -> None:
    c = pair("hailar", 2018)
    got = {identity(r.indicator).known[0][:2]: r for r in c.target_review
           if "可支配收入" in r.indicator and r.target.unit == "%"}
    assert got["城镇"].status is ReviewStatus.NOT_MET and got["城镇"].actual is not None
    assert got["城镇"].actual.value == Decimal("6.5")
    assert got["农村"].status is ReviewStatus.MET and got["农村"].actual is not None
    assert got["农村"].actual.value == Decimal("9.4")


def test_hailar_2012_follow_on_growth_is_a_target() -> None:
    c = pair("hailar", 2012)
    gdp = [g for g in changes_of(c, "地区生产总值") if g.tier is TargetTier.MAIN]
    assert [g.change for g in gdp] == [TargetChangeKind.LOWERED]  # 21% → 20%, not 新提出
    assert gdp[0].old is not None and gdp[0].old.value == Decimal(21)


# ---------------------------------------------------------------- verdicts only with evidence


def test_hailar_2016_2017_no_false_not_met_on_task_quantities() -> None:
    c = pair("hailar", 2016)
    for r in c.target_review:
        if r.status is ReviewStatus.NOT_MET:
            assert r.actual is not None
            assert specific(r.target.indicator) and specific(r.actual.indicator), r
            assert same_indicator(r.target.indicator, r.actual.indicator) >= 0.6, r
    assert not [tc for tc in c.target_changes
                if tc.tier is TargetTier.TASK and tc.old is not None and tc.new is not None
                and not (specific(tc.old.indicator) and specific(tc.new.indicator))]


def test_generic_investment_is_not_reported() -> None:
    c = pair("hailar", 2016)
    inv = [r for r in c.target_review if r.target.indicator in ("投资", "总投资", "")]
    assert inv and all(r.status is ReviewStatus.NOT_REPORTED for r in inv)
    assert all("未见实际数" in r.wording for r in inv)


# ---------------------------------------------------------------- increments, facts, wording


def test_resident_insurance_increment_never_lowers_a_level() -> None:
    c = pair("national", 2017)
    med = [tc for tc in c.target_changes if "医保" in tc.indicator]
    assert not [m for m in med if m.change is TargetChangeKind.LOWERED], [m.wording for m in med]
    new = next(m for m in med if m.new is not None)
    assert "增加40元" in new.wording


@pytest.mark.parametrize(("year", "word"), [(2020, "毕业生"), (2020, "领取养老金"), (2017, "毕业生")])
def test_facts_and_forecasts_are_not_targets(year: int, word: str) -> None:
    assert not [f.quote for f in extract_targets(rep("national", year))
                if f.kind == "target" and word in f.indicator]


def test_values_as_written_and_cuts_say_降幅() -> None:
    c = pair("hailar", 2016)
    urban = next(tc for tc in c.target_changes if tc.new is not None and tc.new.written == "35578元")
    assert "35578元" in urban.wording and "万元" not in urban.wording
    energy = changes_of(pair("national", 2024), "能耗")[0]
    assert "降幅提高0.5个百分点" in energy.wording


# ---------------------------------------------------------------- 目标变化 vs 数字修改


def test_changes_know_whether_they_touch_a_target(demo_draft: Comparison) -> None:
    touched = [ch for ch in demo_draft.changes if ch.touches_target]
    assert touched and all(ch.target_tier in (TargetTier.MAIN, TargetTier.NAMED) for ch in touched)
    gdp = [ch for ch in touched if "6%" in ch.new_text]
    assert gdp and gdp[0].target_tier is TargetTier.MAIN
    c = pair("national", 2024)
    numbers_only = [ch for ch in c.changes if ch.is_target and not ch.touches_target]
    assert numbers_only  # last year's results and task quantities: 数字修改
