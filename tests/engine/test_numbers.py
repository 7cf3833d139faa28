"""The number grammar: numerals, multipliers, units, ranges, and what is not a quantity."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportdesk.engine.targets.numbers import format_number, parse_number, parse_quantities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一千二百", "1200"),
        ("两", "2"),
        ("〇", "0"),
        ("二〇二四", "2024"),
        ("1,200", "1200"),
        ("1.6万", "16000"),
        ("1.4万亿", "1400000000000"),
        ("２０２４", "2024"),
        ("１２．５", "12.5"),
        ("十五", "15"),
        ("一百零五", "105"),
        ("一万二", "12000"),
        ("三点五", "3.5"),
        ("两千万", "20000000"),
        ("十亿", "1000000000"),
    ],
)
def test_parse_number(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "十四五", "万", "abc", "1.2.3"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "value", "unit", "value_max", "quoted"),
    [
        ("城镇新增就业1.6万人", "16000", "人", None, "1.6万人"),
        ("外贸进出口总额突破200亿元", "20000000000", "元", None, "200亿元"),
        ("粮食产量1.4万亿斤左右", "1400000000000", "斤", None, "1.4万亿斤"),
        ("可再生能源新增装机3.7亿千瓦", "370000000", "千瓦", None, "3.7亿千瓦"),
        ("外汇储备超过3.2万亿美元", "3200000000000", "美元", None, "3.2万亿美元"),
        ("国内生产总值增长6.5%－7%", "6.5", "%", "7", "6.5%－7%"),
        ("增长4.5%—5%", "4.5", "%", "5", "4.5%—5%"),
        ("增长4.5%至5%", "4.5", "%", "5", "4.5%至5%"),
        ("增长5%-5.5%", "5", "%", "5.5", "5%-5.5%"),
        ("增长6%—6.5%", "6", "%", "6.5", "6%—6.5%"),
        ("增长6-6.5%", "6", "%", "6.5", "6-6.5%"),
        ("新增6-8万人", "60000", "人", "80000", "6-8万人"),
        ("提高0.5个百分点", "0.5", "个百分点", None, "0.5个百分点"),
        ("提高两个百分点", "2", "个百分点", None, "两个百分点"),
        ("百分之三十的", "30", "%", None, "百分之三十"),
        ("占比５０％以上", "50", "%", None, "５０％"),
        ("出生率3‰", "3", "‰", None, "3‰"),
        ("筹建保障性租赁住房3200套(间)、", "3200", "套", None, "3200套(间)"),
        ("惠及1100多万人", "11000000", "人", None, "1100多万人"),
        ("建成50万平方米", "500000", "平方米", None, "50万平方米"),
        ("接待游客120万人次", "1200000", "人次", None, "120万人次"),
        ("集装箱吞吐量10万标准箱", "100000", "标准箱", None, "10万标准箱"),
        ("投资1,200元", "1200", "元", None, "1,200元"),
        ("两千万人", "20000000", "人", None, "两千万人"),
        ("压缩至5个工作日", "5", "工作日", None, "5个工作日"),
        ("GDP6%左右", "6", "%", None, "6%"),
        ("东海拉尔发电厂2×35万千瓦", "700000", "千瓦", None, "2×35万千瓦"),
        ("提高2个多百分点", "2", "个百分点", None, "2个多百分点"),
        ("百分之百", "100", "%", None, "百分之百"),
    ],
)
def test_parse_quantities(text: str, value: str, unit: str, value_max: str | None, quoted: str) -> None:
    qs = parse_quantities(text, start=100)
    assert len(qs) == 1, qs
    q = qs[0]
    assert (q.value, q.unit) == (Decimal(value), unit)
    assert q.value_max == (Decimal(value_max) if value_max else None)
    assert q.text == quoted
    assert text[q.start - 100 : q.end - 100] == quoted


@pytest.mark.parametrize(
    "text",
    [
        "营商环境6.0政策落地",
        "深化“四大结构”优化调整",
        "严控“两高”行业准入",
        "坚持“1米高度看城市”",
        "坚决捍卫“两个确立”、做到“两个维护”",
        "发扬“四下基层”优良作风",
        "“十四五”规划收官之年",
        "2024年工作回顾",
        "2025年3月5日在第十四届全国人民代表大会",
        "庆祝中华人民共和国成立75周年",
        "第三次全体会议",
        "一、突出提效提能",
        "（一）精准服务提水平",
        "1.城镇新增就业",
        "细颗粒物（PM2.5）平均浓度",
        "扩大5G规模化应用",
        "中国－东盟自贸区3.0版升级协定",
        "完善“三重一大”决策程序",
        "用了10个月时间",
        "一个中心、两个基本点",
        "G20峰会和C919大飞机",
        "一户一宅、一村一品",
        "打造千亿级产业集群和5A级景区",
    ],
)
def test_not_quantities(text: str) -> None:
    assert parse_quantities(text) == []


def test_many_in_one_sentence_keep_order_and_spans() -> None:
    text = "国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅3%左右"
    qs = parse_quantities(text)
    assert [q.text for q in qs] == ["5%", "1200万人", "5.5%", "3%"]
    assert all(text[q.start : q.end] == q.text for q in qs)


# ---------------------------------------------------------------- property tests

_units = st.sampled_from(["人", "元", "%", "个百分点", "斤", "千瓦", "平方米", "个", "人次", "美元"])


@given(
    st.decimals(min_value=0, max_value=10**13, places=2, allow_nan=False, allow_infinity=False),
    _units,
)
def test_formatted_quantity_parses_back(value: Decimal, unit: str) -> None:
    text = "今年目标" + format_number(value, unit) + "左右"
    qs = parse_quantities(text)
    assert len(qs) == 1
    assert qs[0].value == value
    assert qs[0].unit == unit


@given(st.integers(min_value=0, max_value=10**15))
def test_arabic_integer_with_separators_parses_back(n: int) -> None:
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


def _to_chinese(n: int) -> str:
    """Reference writer for Chinese numerals (standard form, 零 for gaps)."""
    digits = "零一二三四五六七八九"
    if n == 0:
        return "零"

    def below_10k(x: int, leading: bool) -> str:
        out = ""
        zero = False
        for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            d, x = divmod(x, unit)
            if d:
                if zero or (leading and out == "" and unit < 1000 and False):
                    out += "零"
                out += digits[d] + name
                zero = False
            elif out:
                zero = True
        return out

    parts = []
    for big, name in ((10**8, "亿"), (10**4, "万"), (1, "")):
        d, n = divmod(n, big)
        if d:
            chunk = below_10k(d, True)
            if parts and d < 1000:
                chunk = "零" + chunk
            parts.append(chunk + name)
    s = "".join(parts)
    return s


@given(st.integers(min_value=1, max_value=10**11))
def test_chinese_numeral_parses_back(n: int) -> None:
    assert parse_number(_to_chinese(n)) == n


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("新增改造污水处理能力30万吨/日", "300000", "吨/日"),
        ("提升改造城市排涝能力600立方米/秒", "600", "立方米/秒"),
        ("完成日处理3万吨水厂改扩建", "30000", "吨/日"),
        ("药品监督抽检超1.5万批次", "15000", "批次"),
        ("开展心理健康宣教活动超2600场次", "2600", "场次"),
        ("食品抽检量超每千人6.5批次", "6.5", "批次/千人"),
    ],
)
def test_compound_units(text: str, value: str, unit: str) -> None:
    (q,) = parse_quantities(text)
    assert (q.value, q.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("农村贫困人口减少1000万以上", "10000000"),
        ("约8000万纳税人应享尽享", "80000000"),
        ("提高6000万农村人口供水保障水平", "60000000"),
    ],
)
def test_people_counted_without_measure_word(text: str, value: str) -> None:
    (q,) = parse_quantities(text)
    assert (q.value, q.unit) == (Decimal(value), "人")


def test_bare_wan_without_people_stays_unitless() -> None:
    assert parse_quantities("投资规模达1000万以上") == []
    assert parse_quantities("9亿劳动力资源") == []


@pytest.mark.parametrize(
    "text",
    [
        "增长" + "1" * 29 + "%",  # past Decimal's 28-digit context
        "投资" + "9" * 5000 + "亿元",  # past Python's int-conversion limit
        "编号" + "1" * 30 + ".5万亿亿亿元",
        "二〇二四年" + "〇" * 100 + "元",
        "增长3." + "9" * 40 + "%",
    ],
)
def test_digit_runs_too_long_for_a_quantity_are_text(text: str) -> None:
    assert all(len(q.text) < 30 for q in parse_quantities(text))


def test_overlong_digit_runs_in_a_real_report_are_read_in_linear_time():
    """Found by tests/fuzz: a 20,000-digit run (or 20,000 Chinese numerals) inside a real
    sentence was re-read from each of its characters: minutes for one report."""
    import time

    from tests.conftest import CORPUS

    text = (CORPUS / "national/2025.txt").read_text("utf-8")
    sentence = "国内生产总值增长5%左右"
    assert sentence in text
    noisy = text.replace(sentence, "增长" + "1234567890" * 2000 + "，" + "一二三四五六七八九十百千万亿" * 1500 + "亿元，" + sentence, 1)
    t = time.perf_counter()
    found = parse_quantities(noisy)
    assert time.perf_counter() - t < 30  # a hang guard: quadratic took minutes
    assert [q for q in found if q.value == Decimal(5) and q.unit == "%"]
    assert len(found) == len(parse_quantities(text))
