"""What an indicator is called, how alike two names are, and which way is better.

Shared by extraction (cleaning the noun phrase in front of a number), matching
across years and the met / not-met review.  Names drift between years
(城镇新增就业 / 新增城镇就业, 单位国内生产总值能耗 / 单位GDP能耗), so similarity is
character-based with a few synonyms folded first.
"""

from __future__ import annotations

from difflib import SequenceMatcher

# Words in front of the indicator that say what the government does, not what is
# measured: 确保空气优良率… → 空气优良率.  Longest first.
LEAD_FILLERS = sorted(
    [
        "确保", "力争", "争取", "努力", "全年", "今年", "全力", "实现", "推动", "推进", "加快",
        "争创", "创建", "打造", "营造", "建设", "筹建", "完成", "开展", "实施", "持续", "拟",
        "安排", "将", "要", "再", "使", "让", "把", "其中", "同时", "进一步", "预计", "计划",
        "全区", "全市", "全省", "全国", "年内", "当年", "继续", "积极", "大力", "加大", "共",
        "提质改扩建", "发行", "去年", "过去一年", "一年来", "截至目前", "目前", "年末", "年底", "力争实现", "确保实现", "预期", "并", "以及", "和", "及", "全面",
    ],
    key=len,
    reverse=True,
)

# Connectors between indicator and number; each may carry a qualifier or a direction.
# "To" verbs (提高到, 降至) state the level reached, so they carry no direction: the
# value is a level, not the size of a change.
# (word, qualifier, direction); qualifier/direction "" when the word carries none.
CONNECTORS: list[tuple[str, str, str]] = sorted(
    [
        ("不低于", "at_least", ""), ("不少于", "at_least", ""), ("突破", "at_least", ""),
        ("超过", "at_least", ""), ("超", "at_least", ""), ("高于", "at_least", ""),
        ("达到", "exact", ""), ("达", "exact", ""), ("不超过", "at_most", ""),
        ("不高于", "at_most", ""), ("低于", "at_most", ""), ("控制在", "at_most", ""),
        ("以内", "at_most", ""), ("约为", "about", ""), ("约", "about", ""), ("近", "about", ""),
        ("稳定在", "", ""), ("保持在", "", ""), ("稳定", "", ""), ("保持", "", ""),
        ("提高到", "", ""), ("提高至", "", ""), ("提高", "", "increase"),
        ("提升到", "", ""), ("提升至", "", ""), ("提升", "", "increase"),
        ("增长", "", "increase"), ("增加到", "", ""), ("增加至", "", ""),
        ("增加", "", "increase"), ("上升到", "", ""), ("上升至", "", ""),
        ("上升", "", "increase"), ("上涨", "", "increase"), ("扩大到", "", ""),
        ("扩大至", "", ""), ("扩大", "", "increase"), ("新增", "", "increase"),
        ("增", "", "increase"), ("翻", "", "increase"),
        ("下降到", "", ""), ("下降至", "", ""), ("下降", "", "decrease"),
        ("降低到", "", ""), ("降低至", "", ""), ("降低", "", "decrease"),
        ("降至", "", ""), ("降到", "", ""), ("减少", "", "decrease"),
        ("压减", "", "decrease"), ("压缩至", "", ""), ("压缩到", "", ""),
        ("压缩", "", "decrease"), ("缩短至", "", ""), ("缩短到", "", ""),
        ("缩短", "", "decrease"), ("削减", "", "decrease"), ("降幅", "", "decrease"),
        ("下调", "", "decrease"), ("减", "", "decrease"), ("降", "", "decrease"),
        ("为", "", ""), ("在", "", ""), ("至", "", ""), ("到", "", ""), ("是", "", ""),
        ("分别", "", ""), ("平均", "", ""), ("年均", "", ""), ("累计", "", ""), ("共", "", ""),
        ("总计", "", ""), ("合计", "", ""), ("实际", "", ""), ("拟按", "", ""), ("按", "", ""),
        ("拟安排", "", ""), ("安排", "", ""), ("拟发行", "", ""), ("发行", "", ""),
        ("再", "", ""), ("要", "", ""), ("以上", "", ""), ("左右", "", ""), ("同比", "", ""),
        ("全年", "", ""), ("首次", "", ""), ("跃上", "", ""), ("力争", "", ""), ("已", "", ""),
        ("大于", "at_least", ""), ("定为", "", ""), ("设定为", "", ""), ("不到", "at_most", ""), ("设为", "", ""), ("拟定为", "", ""), ("继续", "", ""),
        ("将", "", ""), ("先", "", ""), ("高达", "exact", ""), ("达到了", "exact", ""), ("完成", "", ""), ("分别完成", "", ""), ("接近", "about", ""), ("延长至", "", ""),
        ("延长到", "", ""), ("延长", "", "increase"), ("小于", "at_most", ""), ("比上年", "", ""),
    ],
    key=lambda t: len(t[0]),
    reverse=True,
)

# After the number.
POST_QUALIFIERS: list[tuple[str, str]] = [
    ("以上", "at_least"), ("及以上", "at_least"), ("以下", "at_most"), ("以内", "at_most"),
    ("左右", "about"), ("上下", "about"),
]

# Indicators where a lower value is the good outcome.
BETTER_LOWER = ("失业率", "能耗", "排放", "赤字率", "涨幅", "价格", "PM2.5", "细颗粒物", "浓度",
                "死亡率", "发生率", "负债率", "不良率", "事故", "贫困人口", "CPI")

_SYNONYMS = [
    ("经济增长预期目标", "GDP"), ("经济增长目标", "GDP"), ("经济增速", "GDP"), ("经济增长", "GDP"),
    ("预期目标", ""), ("国内生产总值", "GDP"), ("地区生产总值", "GDP"), ("生产总值", "GDP"), ("居民消费价格", "CPI"),
    ("新增城镇就业", "城镇新增就业"), ("二氧化碳", "CO2"), ("进出口总额", "进出口"),
    ("外贸进出口", "进出口"), ("对外贸易", "进出口"), ("增加值", ""), ("总量", ""),
    ("总额", ""), ("规模", ""), ("累计", ""), ("全年", ""), ("全区", ""), ("全市", ""),
    ("全省", ""), ("全国", ""), ("的", ""), ("每", ""), ("年末", ""), ("年底", ""), ("平均", ""),
]


def canonical(name: str) -> str:
    """A comparison key: synonyms folded, filler dropped (not for display)."""
    s = name
    for a, b in _SYNONYMS:
        s = s.replace(a, b)
    return s


def name_similarity(a: str, b: str) -> float:
    """0..1 similarity of two indicator names after folding synonyms."""
    ca, cb = canonical(a), canonical(b)
    if not ca or not cb:
        return 0.0
    if ca == cb:
        return 1.0
    if ca in cb or cb in ca:
        short, long_ = sorted((ca, cb), key=len)
        return 0.75 + 0.25 * len(short) / len(long_)
    return SequenceMatcher(None, ca, cb, autojunk=False).ratio()


def better_lower(indicator: str, direction: str) -> bool:
    """True when a smaller value is the better outcome (失业率, 涨幅 as a ceiling).

    A *decrease* target states the size of a cut (能耗降低3%): there a bigger
    cut is better, so this returns False.
    """
    if direction == "decrease":
        return False
    return any(w in indicator for w in BETTER_LOWER)
