"""Issue 10, item 7 and the blind-label misses, on real reports: names are noun phrases
(never 但赤字率 / 底线是严守 / 各地可), unnamed numbers say so, notes and fillers do not
split an indicator, 新增就业 is the employment series, 按可比口径 continues the subject."""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path

from reportdesk.engine import (
    UNNAMED,
    Comparison,
    FigureKind,
    Report,
    ReviewStatus,
    TargetChangeKind,
    TargetTier,
    compare,
    comparison_to_dict,
    load_report,
    target_counts,
    target_rows,
)
from reportdesk.engine.targets.extract import extract_targets
from reportdesk.engine.targets.indicators import same_indicator
from reportdesk.engine.targets.match import plan_targets

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@cache
def rep(place: str, year: int) -> Report:
    return load_report(CORPUS / place / f"{year}.txt")


@cache
def pair(place: str, year: int) -> Comparison:
    return compare(rep(place, year), rep(place, year + 1))


def _plan(place: str, year: int, quote_part: str) -> list:
    return [t for t in plan_targets(rep(place, year)) if quote_part in rep(place, year).text[t.start:t.end + 20]]


def _change(c: Comparison, name: str):
    return [tc for tc in c.target_changes if name in (tc.indicator or "")]


def test_a_conjunction_is_no_part_of_the_name():
    # 2014: 但赤字率稳定在2.1% is the deficit ratio, a named target paired with 2013's 2%左右
    found = [t for t in plan_targets(rep("national", 2014)) if t.value == Decimal("2.1") and t.unit == "%"]
    assert [t.indicator for t in found] == ["赤字率"]
    assert found[0].tier is TargetTier.NAMED
    ch = _change(pair("national", 2013), "赤字率")
    assert [tc.change for tc in ch] == [TargetChangeKind.RAISED_AND_QUALIFIER_CHANGED]


def test_a_clause_names_nothing_and_says_so():
    # 底线是严守18亿亩: the number's name is a clause, so it is unnamed, shown as （未指明）
    t = next(t for t in plan_targets(rep("national", 2013)) if t.value == Decimal("1800000000"))
    assert t.indicator == ""
    rows = [r for r in target_rows(pair("national", 2013)) if r.old is t]
    assert [r.indicator for r in rows] == [UNNAMED]
    names = {t.indicator for y in (2013, 2014, 2015, 2018, 2019) for t in plan_targets(rep("national", y))}
    for fragment in ("底线是严守", "各地可", "但赤字率", "速度可以实现比较充分的就业", "由中央代地方发债"):
        assert fragment not in names


def test_an_unnamed_restatement_of_a_main_target_is_no_second_target():
    # 2015: 7%左右的速度可以实现比较充分的就业 restates the GDP target; it is not a task row
    sevens = [t for t in plan_targets(rep("national", 2015)) if t.value == 7 and t.unit == "%"]
    assert [t.indicator for t in sevens] == ["国内生产总值"]


def test_an_editors_note_in_brackets_does_not_cut_the_name():
    # 广义货币M2（注：M2为M右下角加2）预期增长12%左右: M2, paired across 2014 → 2015
    m2 = [t for t in plan_targets(rep("national", 2015)) if t.value == 12 and t.unit == "%"]
    assert [t.indicator for t in m2] == ["广义货币M2"]
    ch = _change(pair("national", 2015), "广义货币M2")
    assert [(tc.change, tc.old.value, tc.new.value) for tc in ch] == [(TargetChangeKind.RAISED, 12, 13)]


def test_poverty_counts_without_a_unit_pair_across_wordings():
    # 2016 完成1000万以上农村贫困人口脱贫任务 / 2017 再减少农村贫困人口1000万以上: one target, unchanged
    ch = _change(pair("national", 2016), "贫困人口")
    assert [tc.change for tc in ch] == [TargetChangeKind.UNCHANGED]
    review = [r for r in pair("national", 2016).target_review if "贫困人口" in r.indicator]
    assert [r.status for r in review] == [ReviewStatus.MET]


def test_comparable_basis_continues_the_subject():
    # 2017 review: 一般公共财政预算收入完成17亿元,按可比口径增长13% — the 13% is that revenue's growth
    acts = [t for t in extract_targets(rep("hailar", 2017))
            if t.kind is FigureKind.ACTUAL and t.value == 13 and t.unit == "%"]
    assert [t.indicator for t in acts] == ["一般公共财政预算收入"]
    review = [r for r in pair("hailar", 2016).target_review
              if "预算收入" in r.indicator and r.target.unit == "%"]
    assert [r.status for r in review] == [ReviewStatus.MET]
    # and the 2017 target's name keeps no 按可比口径 tail
    assert "按可比口径" not in "".join(t.indicator for t in plan_targets(rep("hailar", 2017)))


def test_district_new_jobs_are_the_urban_jobs_series():
    # Hailar 2012 新增就业5000人 → 2013 新增城镇就业5400人; 2013 review 城镇新增就业6128人 meets it
    ch = _change(pair("hailar", 2012), "就业")
    kinds = {tc.change for tc in ch if tc.old is not None and tc.old.value == 5000}
    assert kinds == {TargetChangeKind.RAISED}
    review = [r for r in pair("hailar", 2012).target_review if r.target.value == 5000 and r.target.unit == "人"]
    assert [r.status for r in review] == [ReviewStatus.MET]
    # a project's 新增就业岗位 stays a task name of its own (岗位 is not the series)
    assert same_indicator("新增就业岗位", "城镇新增就业") < 0.6


def test_a_plan_periods_target_gets_no_one_year_verdict():
    # 2016's 十三五 section: 新建改建高速公路通车里程约3万公里 is a five-year goal, not 未完成 by 6700公里;
    # 2020: 今明两年…高职院校扩招200万人 is a two-year goal, not 未完成 by 2020's 100万人
    for place, year, name in (("national", 2016, "高速公路"), ("national", 2020, "高职院校扩招")):
        reviews = [r for r in pair(place, year).target_review if name in r.indicator]
        assert reviews == [], (year, [r.wording for r in reviews])


def test_a_level_word_names_another_object():
    # Sichuan 2025: 3个国家级战略性新兴产业集群 is not judged by 2026's "新建国家现代农业产业园2个、产业集群1个"
    reviews = [r for r in pair("sichuan", 2025).target_review if "战略性新兴产业集群" in r.indicator]
    assert [r.status for r in reviews] == [ReviewStatus.NOT_REPORTED]
    assert same_indicator("国家级战略性新兴产业集群", "产业集群") < 0.6
    # and a bare verb in front is no name: 加快发展5个国家先进制造业集群 pairs with 2026's own
    ch = _change(pair("sichuan", 2025), "先进制造业集群")
    assert [tc.change for tc in ch] == [TargetChangeKind.UNCHANGED]
    assert not _change(pair("sichuan", 2025), "集聚区") or all(
        tc.change is TargetChangeKind.NEW for tc in _change(pair("sichuan", 2025), "集聚区"))


def test_a_result_far_from_a_tasks_size_is_another_object():
    # Hailar 2013: 产值2亿元 (one project) is not met or unmet by the district's 207.2亿元
    reviews = [r for r in pair("hailar", 2013).target_review
               if r.indicator == "产值" and r.target.value == Decimal("200000000")]
    assert [r.status for r in reviews] == [ReviewStatus.NOT_REPORTED]


def test_re_employment_keeps_its_name():
    # 再就业1500人 is 再就业, not 就业 (再 is a filler elsewhere: 再减少…)
    names = {t.indicator for t in plan_targets(rep("hailar", 2016)) if t.value == 1500 and t.unit == "人"}
    assert names == {"再就业"}


def test_a_new_level_after_last_years_baseline_is_this_years_target():
    # 2015: 赤字率从去年的2.1%提高到2.3% — 2.3% is the plan (raised from 2014's 2.1%), not a result
    ch = _change(pair("national", 2014), "赤字率")
    assert [(tc.change, tc.old.value, tc.new.value) for tc in ch] == [
        (TargetChangeKind.RAISED, Decimal("2.1"), Decimal("2.3"))]


def test_the_json_carries_the_one_list_of_rows_and_its_counts():
    # item 5: the window, the JSON and the document show the same rows and counts
    c = pair("hailar", 2016)
    d = comparison_to_dict(c)
    rows = target_rows(c)
    assert [r["indicator"] for r in d["target_rows"]] == [r.indicator for r in rows]
    counts = target_counts(c, rows)
    assert d["target_counts"]["target_changes"] == counts.target_changes
    assert d["target_counts"]["unmet"] == counts.unmet == sum(
        1 for r in d["target_rows"] if r["headline"] and r["review_status"] == "not_met")
    for r in d["target_rows"]:
        if r["target_change"] is not None:
            assert d["target_changes"][r["target_change"]]["change"] == r["change"]


def test_a_five_year_goal_not_restated_next_year_is_not_dropped():
    # 2021's 十四五 goals (城镇调查失业率控制在5.5%以内, 能耗降低13.5%) still stand in 2022
    dropped = [tc for tc in pair("national", 2021).target_changes if tc.change is TargetChangeKind.DROPPED]
    assert all(tc.old is not None and tc.old.year == 2021 for tc in dropped)
    assert not any(tc.old.value == Decimal("13.5") for tc in dropped)


def test_short_list_items_share_the_last_items_noun():
    # Guizhou 2025: 其中一、二、三产增加值分别增长3.5%以上、7%左右、5%以上
    r = load_report(CORPUS / "docx" / "2025_guizhou.docx")
    got = {t.indicator: t.value for t in plan_targets(r) if "产增加值" in t.indicator}
    assert got == {"一产增加值": Decimal("3.5"), "二产增加值": 7, "三产增加值": 5}


def test_economic_growth_is_named_whole_and_is_gdp():
    # Henan 2025: 经济增长5.5%左右 — named 经济增长 (not 经济), the same indicator as 地区生产总值
    r = load_report(CORPUS / "docx" / "2025_henan.docx")
    first = next(t for t in plan_targets(r) if t.tier is TargetTier.MAIN)
    assert first.indicator == "经济增长"
    assert same_indicator("经济增长", "地区生产总值") == 1.0
    assert same_indicator("数字经济", "地区生产总值") == 0.0


def test_a_goal_for_a_later_year_not_restated_is_not_dropped():
    # 2016's 十三五 section: 经济年均增长保持在6.5%以上 (到2020年) is no 2016 target 2017 dropped
    dropped = [tc for tc in pair("national", 2016).target_changes if tc.change is TargetChangeKind.DROPPED]
    assert all(tc.old is not None and tc.old.year == 2016 for tc in dropped)
