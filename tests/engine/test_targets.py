"""Extraction of single targets from report sentences: indicator, qualifier, direction, kind."""

from __future__ import annotations

from decimal import Decimal

import pytest

from reportdesk.engine.model import Direction, FigureKind, Part, Qualifier
from reportdesk.engine.structure.build import report_from_text
from reportdesk.engine.targets.extract import extract_targets, targets_in_text


@pytest.mark.parametrize(
    ("sentence", "indicator", "value", "unit", "qualifier", "direction"),
    [
        ("国内生产总值增长5%左右；", "国内生产总值", "5", "%", Qualifier.ABOUT, Direction.INCREASE),
        ("城镇新增就业1200万人以上，", "城镇新增就业", "12000000", "人", Qualifier.AT_LEAST, Direction.INCREASE),
        ("居民消费价格涨幅3%左右；", "居民消费价格涨幅", "3", "%", Qualifier.ABOUT, Direction.LEVEL),
        ("单位国内生产总值能耗降低2.5%左右，", "单位国内生产总值能耗", "2.5", "%", Qualifier.ABOUT, Direction.DECREASE),
        ("城镇登记失业率控制在4.5%以内。", "城镇登记失业率", "4.5", "%", Qualifier.AT_MOST, Direction.LEVEL),
        ("城镇登记失业率低于4.6%。", "城镇登记失业率", "4.6", "%", Qualifier.AT_MOST, Direction.LEVEL),
        ("互办实事不少于200件；", "互办实事", "200", "件", Qualifier.AT_LEAST, Direction.LEVEL),
        ("外贸进出口总额突破200亿元。", "外贸进出口总额", "20000000000", "元", Qualifier.AT_LEAST, Direction.LEVEL),
        ("确保空气优良率稳定在80%以上。", "空气优良率", "80", "%", Qualifier.AT_LEAST, Direction.LEVEL),
        ("受污染耕地安全利用率达100%。", "受污染耕地安全利用率", "100", "%", Qualifier.EXACT, Direction.LEVEL),
        ("国内生产总值增长6.5%－7%，", "国内生产总值", "6.5", "%", Qualifier.RANGE, Direction.INCREASE),
        ("居民存量房贷利息年支出减少约1500亿元，", "居民存量房贷利息年支出", "150000000000", "元", Qualifier.ABOUT,
         Direction.DECREASE),
        ("推动市六医院金牛院区、区中医医院等3所医院投用，", "医院投用", "3", "所", Qualifier.EXACT, Direction.LEVEL),
        ("完成环城生态区农田整治区562亩拆迁。", "环城生态区农田整治区拆迁", "562", "亩", Qualifier.EXACT, Direction.LEVEL),
        ("完成800户的改造任务。", "改造任务", "800", "户", Qualifier.EXACT, Direction.LEVEL),
        ("常住人口城镇化率提高到65%，", "常住人口城镇化率", "65", "%", Qualifier.EXACT, Direction.LEVEL),
        ("新增城区绿地面积144亩、", "新增城区绿地面积", "144", "亩", Qualifier.EXACT, Direction.INCREASE),
        ("惠及1100多万人。", "惠及", "11000000", "人", Qualifier.AT_LEAST, Direction.LEVEL),
        ("新增“京通”便民便企服务200项，", "新增“京通”便民便企服务", "200", "项", Qualifier.EXACT, Direction.INCREASE),
    ],
)
def test_one_target(sentence: str, indicator: str, value: str, unit: str, qualifier: Qualifier,
                    direction: Direction) -> None:
    ts = targets_in_text(sentence, start=50, year=2025)
    assert len(ts) == 1, ts
    t = ts[0]
    assert t.indicator == indicator
    assert (t.value, t.unit, t.qualifier, t.direction) == (Decimal(value), unit, qualifier, direction)
    assert sentence[t.start - 50 : t.end - 50] == t.quote
    assert t.kind is FigureKind.TARGET


def test_list_with_respectively() -> None:
    ts = targets_in_text("高技术制造业、装备制造业增加值分别增长8.9%、7.7%。", part=Part.REVIEW, year=2025)
    assert [(t.indicator, t.value) for t in ts] == [("高技术制造业", Decimal("8.9")), ("装备制造业增加值", Decimal("7.7"))]
    assert all(t.direction is Direction.INCREASE and t.kind is FigureKind.ACTUAL for t in ts)
    ts = targets_in_text("城乡常住居民人均可支配收入分别增长7%和8%左右。", year=2019)
    assert [t.indicator for t in ts] == ["城镇常住居民人均可支配收入", "农村常住居民人均可支配收入"]
    assert [t.qualifier for t in ts] == [Qualifier.ABOUT, Qualifier.ABOUT]


def test_baseline_and_level() -> None:
    ts = targets_in_text("新农合财政补助标准由每人每年240元提高到280元。", year=2013)
    assert [(t.value, t.kind) for t in ts] == [(Decimal(240), FigureKind.OTHER), (Decimal(280), FigureKind.TARGET)]
    assert ts[1].indicator == "新农合财政补助标准"


@pytest.mark.parametrize(
    ("sentence", "targets"),
    [
        ("义务教育阶段特殊教育生均公用经费最低标准从每生每年6000元提高至7000元，", ["7000"]),
        ("落实好小规模纳税人增值税起征点从月销售额3万元提高到10万元等税收优惠政策。", ["100000"]),
        ("将制造业等行业现行16%的税率降至13%，将交通运输业、建筑业等行业现行10%的税率降至9%，",
         ["13", "9"]),
        ("企业、科技型中小企业分别从50%、75%提高至100%，", ["100"]),
    ],
)
def test_baselines_are_not_targets(sentence: str, targets: list[str]) -> None:
    ts = targets_in_text(sentence, year=2023)
    got = [str(t.value) for t in ts if t.kind is FigureKind.TARGET]
    assert got == targets, [(t.quote, t.kind) for t in ts]


@pytest.mark.parametrize(
    ("sentence", "which"),
    [
        ("赤字规模5.66万亿元、比上年增加1.6万亿元。", 1),  # the second is a delta
        ("预计今年高校毕业生超过1170万人。", 0),  # a forecast
        ("用好用足入境俄蒙8座以下小汽车延伸到全域等利好政策。", 0),  # a size class
        ("以“厕所革命”等6项内容为重点。", 0),  # a structure count
        ("实现24小时“不打烊”。", 0),  # a slogan
        ("公交与轨道50米内换乘比例提高到90%。", 0),  # a distance qualifying another number
        ("配置AED达每10万人45台。", 0),  # a denominator
        ("建成“四横六纵”500千伏主网架。", 0),  # a voltage class
        ("我区有20个国家级示范区。", 0),  # what there already is
        ("保持6%一档的税率不变，确保税负只减不增。", 0),  # a rate kept unchanged
        ("打造城市片区更新、社区更新2类15个省级样板。", 0),  # kinds grouping the next count
        ("对10类重点就业群体新发放创业担保贷款不低于80亿元。", 0),  # kinds grouping the amount
    ],
)
def test_numbers_that_are_not_targets(sentence: str, which: int) -> None:
    ts = targets_in_text(sentence, year=2025)
    assert ts[which].kind is FigureKind.OTHER, [(t.quote, t.kind) for t in ts]
    assert all(t.kind is FigureKind.TARGET for k, t in enumerate(ts) if k != which)


def test_kinds_by_part_and_year() -> None:
    text = (
        "政府工作报告\n各位代表：\n一、2024年工作回顾\n"
        "过去一年，国内生产总值增长5%，城镇新增就业1256万人。\n"
        "二、2025年工作安排\n"
        "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上。\n"
        "去年粮食产量达到1.4万亿斤。到2027年，森林覆盖率达到25%。\n"
    )
    report = report_from_text(text, year=2025)
    got = [(t.quote, t.kind, t.year) for t in extract_targets(report)]
    assert got == [
        ("国内生产总值增长5%", FigureKind.ACTUAL, 2024),
        ("城镇新增就业1256万人", FigureKind.ACTUAL, 2024),
        ("国内生产总值增长5%左右", FigureKind.TARGET, 2025),
        ("城镇新增就业1200万人以上", FigureKind.TARGET, 2025),
        ("粮食产量达到1.4万亿斤", FigureKind.ACTUAL, 2024),
        ("森林覆盖率达到25%", FigureKind.TARGET, 2027),
    ]


def test_already_marks_only_its_own_clause() -> None:
    s = ("优化已建成超1.6万个户外劳动者“爱心驿站”的公益服务和管理机制，"
         "升级拓展2250家智能化驿站的特色服务功能。")
    ts = targets_in_text(s, year=2025)
    assert [(str(t.value), t.kind) for t in ts] == [("16000", FigureKind.OTHER), ("2250", FigureKind.TARGET)]


def test_counted_categories() -> None:
    ts = targets_in_text("针对家用电子电器、健康文体、网络购物等8类以上重点商品品种、服务消费领域，", year=2025)
    assert [(str(t.value), t.unit, t.qualifier) for t in ts] == [("8", "类", Qualifier.AT_LEAST)]


def test_two_numbers_in_one_phrase() -> None:
    ts = targets_in_text("具体来讲，就是要全力完成今年66个重点项目54亿元的投资计划。", year=2016)
    assert [(t.indicator, str(t.value), t.unit) for t in ts][0] == ("重点项目", "66", "个")
    assert [str(t.value) for t in ts] == ["66", "5400000000"]
    assert all(t.kind is FigureKind.TARGET for t in ts)


def test_planned_count_with_you() -> None:
    (t,) = targets_in_text("今年，我区初步安排的重点调度项目有66个。", year=2016)
    assert t.kind is FigureKind.TARGET and t.indicator.endswith("重点调度项目")
