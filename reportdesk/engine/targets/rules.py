"""The words target extraction reads, as tables a reviewer can check and extend.

Each table says in one line why it exists; the code that applies it lives in
``numbers`` (reading a quantity), ``front`` / ``back`` / ``naming`` (the
indicator around it), ``extract`` (qualifier, direction) and ``kind`` (target,
actual or context).  Word lists are plain tuples; a pattern is a regex only
where it needs regex syntax (look-arounds, digits, optional parts).

Order matters in a few tables and is noted there: the first match wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def _alt(words: Iterable[str]) -> str:
    """``a|b|c`` over literal words, in the order given (regex alternation: first wins)."""
    return "|".join(re.escape(w) for w in words)


def ends_with(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` at the end of a string."""
    return re.compile(f"(?:{_alt(words)})$")


def any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``words`` anywhere (``match`` for the start)."""
    return re.compile(_alt(words))


# ================================================================ units

# Units a number may carry; longest first so 人次 wins over 人 and 美元 over 元.
UNITS: tuple[str, ...] = tuple(sorted([
    "个多百分点", "个百分点", "百分点", "个工作日", "工作日", "平方公里", "平方千米", "平方米", "立方米", "千瓦时",
    "千瓦", "千米", "千克", "千伏", "公里", "公顷", "公斤", "标准箱", "人次", "美元", "欧元", "港元",
    "小时", "分钟", "个", "户", "人", "元", "所", "家", "套", "亩", "吨", "斤", "项", "辆", "张",
    "床", "座", "条", "件", "台", "架", "艘", "栋", "间", "处", "批", "名", "位", "场", "部", "篇",
    "款", "株", "棵", "头", "只", "片", "块", "米", "度", "倍", "天", "次", "册", "本", "种", "支",
    "根", "扇", "盏", "类", "批次", "场次", "辆次", "班次", "架次", "艘次", "列次", "列", "起", "宗", "份", "笔", "家次", "例", "匹", "口", "眼", "段",
], key=len, reverse=True))
# Spellings of one unit folded to the name figures carry (百分点 = 个百分点).
UNIT_NAME = {"个工作日": "工作日", "百分点": "个百分点", "个多百分点": "个百分点"}
# Percent signs as written, to the unit they mean.
PERCENT = {"%": "%", "％": "%", "‰": "‰"}
# The only units a Chinese one-digit numeral may measure: 两个确立, 三项制度 are slogans.
CN_OK_UNITS = {"个百分点", "百分点", "个多百分点", "倍", "%", "‰"}
# 30万吨/日, 600立方米/秒: the time after a slash makes the unit a rate.
PER_TIME = re.compile(r"[/／](日|天|秒|年|小时|时)")
# 日处理3万吨: after 日处理 these units are a daily capacity.
CAPACITY_UNITS = {"吨", "立方米"}
# 每千人6.5批次: a per-head denominator in front becomes part of the unit.
PER_HEAD = re.compile(r"每((?:[十百千万]|十万)人)(?:超|达|达到)?$")
# 3200套(间): a short bracketed alternative unit belongs to the quantity.
UNIT_SUFFIX = re.compile(r"[(（][\u4e00-\u9fff]{1,3}[)）]")
# 多 / 余 right after a number (or its multiplier) makes it approximate: 1000多人, 3万余户.
APPROX_MARKS = "多余"
# Between the two ends of a range: 4.5%—5%, 6-8万人, 3至5个.
RANGE_SEP = re.compile(r"\s*(?:——|—|－|-|–|～|~|至|到)\s*")
# 2×35万千瓦: a small factor in front multiplies the value.
FACTOR = re.compile(r"(?<![0-9.])([0-9]{1,2})\s*[×xX*＊]\s*")
# Letters before a number make it a code (PM2.5, G20, C919) unless they name an indicator.
INDICATOR_ABBR = ("GDP", "CPI", "PPI", "PMI", "R&D", "M2")
# Quote marks around a short slogan (“1米高度看城市”); a plain " is ambiguous and ignored.
QUOTE_OPEN = "“‘\"「『"
QUOTE_CLOSE = "”’\"」』"

# Nouns for people: a bare 万/亿 count next to one counts persons (8000万纳税人,
# 1000万以上农村贫困人口: up to four words of kind between).
_PEOPLE = ("人口", "纳税人", "群众", "农民工", "学生", "居民", "职工")
PEOPLE_AFTER = re.compile(rf"(?:以上|左右)?[\u4e00-\u9fff]{{0,4}}?(?:{_alt(_PEOPLE)})")
# ... in front only with a change verb between: 贫困人口减少1000万 (实时人口1.5亿 is a stock).
# … or the verb before the noun: 再减少农村贫困人口1000万以上.
_PEOPLE_VERBS = "减少|增加|新增|转移|脱贫|培训"
PEOPLE_BEFORE = re.compile(
    rf"(?:(?:{_alt(_PEOPLE)})(?:{_PEOPLE_VERBS})|(?:{_PEOPLE_VERBS})[\u4e00-\u9fff]{{0,6}}(?:{_alt(_PEOPLE)}))$")

# ================================================================ qualifiers

# After the number; the first that starts there wins.  (word, Qualifier value)
POST_QUALIFIERS: list[tuple[str, str]] = [
    ("以上", "at_least"), ("及以上", "at_least"), ("以下", "at_most"), ("以内", "at_most"),
    ("左右", "about"), ("上下", "about"),
]

# Words between indicator and number, read right to left (longest first, below).
# Each may carry a qualifier and/or a direction.  "To" verbs (提高到, 降至) state the
# level reached, so they carry no direction: the value is a level, not a change.
# (word, qualifier, direction); "" where the word carries none.
_QUALIFYING = [
    ("不低于", "at_least", ""), ("不少于", "at_least", ""), ("突破", "at_least", ""),
    ("超过", "at_least", ""), ("超", "at_least", ""), ("高于", "at_least", ""),
    ("大于", "at_least", ""),
    ("达到", "exact", ""), ("达", "exact", ""), ("高达", "exact", ""), ("达到了", "exact", ""),
    ("不超过", "at_most", ""), ("不高于", "at_most", ""), ("低于", "at_most", ""),
    ("控制在", "at_most", ""), ("以内", "at_most", ""), ("不到", "at_most", ""),
    ("小于", "at_most", ""),
    ("约为", "about", ""), ("约", "about", ""), ("近", "about", ""), ("接近", "about", ""),
]
# Direction verbs: the number is the size of a change.
_CHANGING = [
    ("提高", "", "increase"), ("提升", "", "increase"), ("增长", "", "increase"),
    ("增加", "", "increase"), ("上升", "", "increase"), ("上涨", "", "increase"),
    ("扩大", "", "increase"), ("新增", "", "increase"), ("增", "", "increase"),
    ("翻", "", "increase"), ("延长", "", "increase"),
    ("下降", "", "decrease"), ("降低", "", "decrease"), ("减少", "", "decrease"),
    ("压减", "", "decrease"), ("压缩", "", "decrease"), ("缩短", "", "decrease"),
    ("削减", "", "decrease"), ("降幅", "", "decrease"), ("下调", "", "decrease"),
    ("减", "", "decrease"), ("降", "", "decrease"),
]
# "To" verbs and plain links: the number is the level itself.
_LINKING = [
    "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "上升到", "上升至", "扩大到",
    "扩大至", "下降到", "下降至", "降低到", "降低至", "降至", "降到", "压缩至", "压缩到",
    "缩短至", "缩短到", "延长至", "延长到",
    "稳定在", "保持在", "稳定", "保持", "为", "在", "至", "到", "是", "分别", "平均", "年均",
    "累计", "共", "总计", "合计", "实际", "拟按", "按", "拟安排", "安排", "拟发行", "发行",
    "再", "要", "以上", "左右", "同比", "全年", "首次", "跃上", "力争", "已", "定为", "设定为",
    "设为", "拟定为", "继续", "将", "先", "完成", "分别完成", "比上年",
]
# Longest first: 不低于 before 低于, 提高到 before 提高 (two words of one length never
# both end the same text, so order within a length does not matter).
CONNECTORS: list[tuple[str, str, str]] = sorted(
    _QUALIFYING + _CHANGING + [(w, "", "") for w in _LINKING],
    key=lambda t: len(t[0]),
    reverse=True,
)

# ================================================================ directions

# A verb opening the indicator that makes the figure a cut: 压减地下水开采量1.57亿立方米.
LEAD_DECREASE = any_of(("压减", "削减", "减少", "降低"))
# An indicator named as a fall (降幅, 下降…) reads as a decrease; 压减 only at the end.
DECREASE_NAME = re.compile(r"降幅|下降|降低|减少|脱贫|压减$")
# An indicator named as a rise (新增就业, 增速) reads as an increase.
INCREASE_NAME = any_of(("新增", "增长", "增速", "增幅", "增加", "提高"))
# A price rise (CPI涨幅) is a ceiling on a level, not a rise to reach.
LEVEL_NAME_END = "涨幅"
# Verbs in front that still count the change when the noun comes after: 新增39个.
FRONT_KEEPS_DIRECTION = any_of(("新增", "增加", "减少"))
# Indicators where a lower value is the good outcome.
BETTER_LOWER = ("失业率", "能耗", "排放", "赤字率", "涨幅", "价格", "PM2.5", "细颗粒物", "浓度",
                "死亡率", "发生率", "负债率", "不良率", "事故", "贫困人口", "CPI")

# ================================================================ clause edges

# Punctuation that ends the clause an indicator is read from.
HARD_STOPS = set("，,；;：:。！？!?\n《》")
# 、 ends the noun after a number but not the clause in front (A、B分别…).
SOFT_STOPS = set("、")
# After an earlier number in the clause, the next indicator starts after one of these.
LIST_JOINERS = ("、", "和", "及")
# Words that end the noun after a number: 800户的改造和…
BACK_STOPS = ("以及", "和", "及", "等")
# A back that starts with these is a link or qualifier, not a counted noun.
BACK_BAD_STARTS = ("是", "和", "等", "左右", "以")
# Stray marks trimmed off both ends of a name.
TRIM_CHARS = "“”‘’\"'「」『』【】 \u3000、—-"
# A short note in brackets (县（市、区）) is dropped from a name taken after the unit.
BRACKET_NOTE = re.compile(r"（[^（）]{1,8}）|\([^()]{1,8}\)")
DIGIT = re.compile(r"[0-9０-９]")
HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")

# ================================================================ the indicator

# Words in front of the indicator that say what the government does, not what is
# measured: 确保空气优良率… → 空气优良率.  Longest first.
LEAD_FILLERS = sorted(
    [
        "确保", "力争", "争取", "努力", "全年", "今年", "全力", "实现", "推动", "推进", "加快",
        "争创", "创建", "打造", "营造", "建设", "筹建", "完成", "开展", "实施", "持续", "拟",
        "安排", "将", "要", "再", "使", "让", "把", "其中", "同时", "进一步", "预计", "计划",
        "全区", "全市", "全省", "全国", "年内", "当年", "继续", "积极", "大力", "加大", "共",
        "提质改扩建", "发行", "去年", "过去一年", "一年来", "截至目前", "目前", "年末", "年底", "力争实现", "确保实现", "预期", "并", "以及", "和", "及", "全面",
        # conjunctions and modal links that open a clause, not a name: 但赤字率… → 赤字率
        "但", "但是", "而", "而且", "也", "也要", "还要", "就是要", "具体来讲", "具体来说", "各地可", "由",
        # the speaker's own place: 我区安排重点项目 → 重点项目
        "我区", "我市", "我省", "我县", "我旗", "我州",
        # how it is counted, not what: 按可比口径增长13% continues the indicator before it
        "按可比口径", "按可比价格计算", "按可比价计算", "按可比价",
    ],
    key=len,
    reverse=True,
)
FILLER_SET = set(LEAD_FILLERS)
# Words that start with a filler but are one word: 再就业 is not 就业.
KEEP_WORDS = ("再就业", "再生", "再贷款", "再制造", "再保险", "要素", "将军")
# Time, enumeration and year phrases in front of an indicator: 一是, “十三五”时期, 2019年度, 今明两年.
LEAD_PHRASE = re.compile(
    r"(?:[一二三四五六七八九十]+是|“?十[一二三四五]五”?(?:时期|期间|期末|末)?|今明两年|未来五年|今后五年|"
    r"(?:到|至)?(?:20|19)\d\d年(?:度|底|末)?(?:的)?|的)"
)
# A front that is only a numbered point (一二三…) names nothing.
CN_ORDINAL = re.compile(r"[一二三四五六七八九十]+")
# A front that is only an action: the noun counted comes after the unit (完成800户的改造任务).
BARE_VERBS = {
    "完成", "推进", "新建", "启动", "实现", "吸引", "改扩建", "建成", "建设", "打造", "培育",
    "创建", "引进", "新增", "开工", "实施", "组织", "举办", "开展", "培训", "扶持", "认定",
    "完成好", "加快推进", "改造", "提供", "安置", "帮扶", "落实", "争创", "新培育", "带动",
    "促进", "引导", "解决", "惠及", "吸纳", "帮助", "严守", "守住", "发展",
}
# A short front ending in one of these acts rather than measures; the noun follows the unit.
FRONT_VERB_END = ends_with((
    "建设", "支持", "聚焦", "做强", "做优", "做大", "推进", "实施", "启动", "严格", "培育", "打造",
    "开工", "新建", "改造", "完成", "提升", "引进", "争创", "创建", "推动", "加快", "布局", "扶持",
    "组建", "设立", "开展", "举办", "组织", "认定", "新增", "建成", "改扩建",
))
# A short front ending in a place only says where: 全市各乡镇 → the noun follows.
PLACE_END = ends_with(("镇", "乡", "村", "县", "区", "市", "省", "办事处", "街道", "园区", "开发区"))
# A front ending in when (今年66个重点项目…) names no measure either.
WHEN_END = ends_with(("今年", "全年", "明年", "年内"))
# A short verb after the unit that makes the count a task: 562亩拆迁, 3所医院投用.
RIGHT_VERB = ends_with((
    "建设", "改造", "拆迁", "腾退", "投用", "投产", "开工", "竣工", "完工", "建成", "搬迁", "安置",
    "整治", "治理", "修复", "造林", "绿化", "新建", "改建", "提升", "升级", "提标", "达标", "落地",
    "签约", "入驻", "上市", "挂牌", "认定", "创建",
))
# Units of a share: a task verb after them (提升) belongs to another noun.
SHARE_UNITS = ("%", "个百分点", "‰")
# Names too generic to lend to the next number of another unit (投资4.7亿元，完成65条).
GENERIC_AMOUNTS = {"投资", "总投资", "启动投资", "资金", "投入", "完成投资", "计划投资"}
# 分别 / 均 / 都 / 也 at the end of a name only link it to the list of numbers.
LIST_ADVERBS_END = re.compile(r"(?:分别|均|都|也)+$")
# An editor's note in brackets inside a name: 广义货币M2（注：M2为M右下角加2） → 广义货币M2.
NOTE_IN_NAME = re.compile(r"[（(]注[：:][^（）()]*[）)]")
# Words after a name that say how or whether it is planned, not what: 广义货币M2预期 → 广义货币M2.
TAIL_FILLERS = re.compile(r"(?:按可比口径|按可比价格计算|按可比价计算|按可比价|预期增长目标|预期增长|预期目标|预期|拟)$")
# Names whose link word was read off as the direction (经济增长5.5%左右 → 经济): shown whole.
WHOLE_NAMES = {"经济": "经济增长"}
# A name holding a link verb or a modal is a clause about the number, not its name:
# 底线是严守18亿亩, 7%左右的速度可以实现比较充分的就业. Such a number is left unnamed.
CLAUSE_IN_NAME = re.compile(r"可以|能够|足以|是|处于")
# 重点调度项目有66个: a trailing 有 only links the count (拥有 / 具有 are part of the name).
HAVE_KEPT = ("拥有", "具有")
# Money with no name in front borrows the fund named earlier: 发行超长期特别国债…先发行1万亿元.
FUND = re.compile(r"(?:发行|安排|设立|筹集|募集)([\u4e00-\u9fff]{2,12}?(?:国债|债券|资金|基金|贷款))")
MONEY_UNITS = ("元", "美元")

# ================================================================ baselines and lists

# 从每生每年6000元 / 起征点从月销售额3万元 (提高到…): a short measure phrase may follow 从.
FROM = re.compile(
    r"(?:由|从)(?:去年的?|上年的?)?(?:每[\u4e00-\u9fff]{1,4}|人均|月[\u4e00-\u9fff]{0,4}|年[\u4e00-\u9fff]{0,4})?$")
# 赤字率从去年的2.1%提高到2.3%: the number after 提高到 is this year's plan, the 去年 is the baseline's.
FROM_LAST_YEAR_TO = re.compile(r"(?:由|从)(?:去年|上年).*(?:提高|增加|上升|扩大|降低|下降|减少|压缩|调整|提升)(?:到|至)$")
# …提高到 / 降至 after the number: what came before was the starting value.
TO = re.compile(r"[，,]?(?:提高|增加|增|上升|扩大|降低|下降|减少|降|缩短|压缩|调整|提升)?(?:到|至)")
# 202元、270元 (提高到…): the rest of a list of numbers after this one.
LIST_TAIL = re.compile(
    r"(?:[、和及][0-9０-９.．,]+[万亿]?(?:[%％‰]|个百分点|[\u4e00-\u9fff]{0,3}?)"
    r"(?=[、和及，。；,;：:提增降减上扩至到]|以上|左右|以下|以内|$))*"
)
# 城乡居民收入分别增长7%和8%: the pair of numbers reads urban, then rural.
URBAN_RURAL = ("城乡", "城镇", "农村")
# ... and with one number (城乡居民人均可支配收入增长7.5%) for these measures both get it;
# 城乡居民医保 or 城乡居民基础养老金 is one scheme, not two.
URBAN_RURAL_SPLITS = ("收入",)
# 分别 / 均 / 都 before one number: it holds for every name of the list in front.
SPREAD_ADVERB = re.compile(r"分别|均|都")
# Where a list of names divides (A、B均…, A和B分别…).
SPREAD_SPLIT = re.compile(r"[、和及]")

# ================================================================ not a target

# 我区有20个… / 现行16%的税率: what exists already, not what is planned.
OWNED_END = re.compile(r"(?:拥有|现有|共有|已有|有|现行)$")
# …but 今年安排的重点调度项目有66个 is planned.
PLANNED = re.compile(r"安排|计划")
# 50米内换乘: a distance that qualifies another indicator.
WITHIN_AFTER = ("内", "范围内", "以内的")
# A size class after the number: 8座以下小汽车, 5000万元以上项目.
SIZE_CLASS = ("以上", "以下", "及以上")
SIZE_UNITS = {"元", "美元", "座", "吨", "千瓦", "千伏", "平方米", "米", "亩", "公顷", "立方米", "千瓦时"}
# 24小时“不打烊”, 10分钟健身圈: a duration in a slogan.
TIME_UNITS = {"小时", "分钟", "天", "工作日"}
# 6项内容为重点, 三个方面: a count of the report's own structure.
STRUCTURE_NOUNS = ("方面", "项内容", "内容", "大类", "主要指标", "指标", "部分", "环节", "原则",
                   "步骤", "阶段", "个字")
# 2×66万千瓦…项目前期工作: a project being prepared, not a goal.
PRELIMINARY = re.compile(r"前期工作|项目前期|开展前期|争取核准|规划研究")
# Sections of notes (名词解释) explain terms; their numbers are never targets.
APPENDIX = ("名词解释", "附件", "注释", "说明")

# ================================================================ plan or past

# Cues that a sentence reports the past even though it stands in a plan part.
PAST = re.compile(r"过去一年|(?<![比较])去年|一年来|过去五年|五年来|上一年|(?<!比)上年(?!度)|已经|已")
# A change against last year (比上年) or a budget is context, not the goal.
DELTA = re.compile(r"比上年|比去年|较上年|较去年|同比|比20\d\d年|比年初|比预算")
# Results over several years: 过去五年, 累计.
MULTI_YEAR = re.compile(r"过去五年|五年来|五年里|五年间|十年来|过去十年|累计")
# A paragraph about the last year only, inside a five-year review.
ONE_YEAR = re.compile(r"去年|过去一年|一年来|上年")
YEAR = re.compile(r"(?<![0-9])(20\d\d|19\d\d)年")
# 到2027年: the year a target is for.
BY_YEAR = re.compile(r"(?:到|至|在)(20\d\d)年")
# Words that plan: a past year in the clause is then only a reference point.
FUTURE = re.compile(r"力争|确保|将|今年|预期目标|目标是|拟|计划|争取")
# A plan over a few years from now (今明两年高职院校扩招200万人): no one year's result judges it.
SPAN_YEARS = re.compile(r"今明两年|今后两年|未来两年|今后三年|未来三年|[两三]年内")
# A five-year plan or longer horizon named in a heading or sentence.
PLAN_PERIOD = re.compile(r"“?十[一二三四五六七]五”?(?:时期|期间|规划|发展|目标)|今后五年|未来五年|中长期|二〇三五|2035")
# ... and words that make it the plan ahead rather than the one behind.
PLAN_FUTURE = re.compile(r"力争|确保|预期目标|主要目标|今后|未来五年|到20\d\d年")
# A heading that sets goals (目标 / 任务 / 建议).
PLAN_HEADING = re.compile(r"目标|任务|考虑|建议|展望")
# Words that report achievements.
ACHIEVED = re.compile(r"成就|取得|实现了|完成了|累计|年均|达到了|超过了|期间|时期")
# A heading of a review of five or ten years.
LONG_REVIEW_HEADING = re.compile(r"五年|十年")
# First year of each five-year plan, to tell a plan that has ended.
PERIODS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026,
           "十六五": 2031}
# Where a sentence's first clause ends (for the words after the number).
CLAUSE_SPLIT = re.compile(r"[，,；;。]")
# A rate kept as it is: 保持6%一档的税率不变.
UNCHANGED = "不变"

# ================================================================ matching names

# An administrative level in a name is part of what it counts (国家级…集群 ≠ 集群).
LEVEL_WORDS = ("国家级", "国家", "省级", "自治区级", "市级", "县级", "区级", "世界级")

# Names drift between years; fold these before comparing (order matters: longest phrases first).
SYNONYMS = [
    ("经济增长预期目标", "GDP"), ("经济增长目标", "GDP"), ("经济增速", "GDP"), ("经济增长", "GDP"),
    ("预期目标", ""), ("国内生产总值", "GDP"), ("地区生产总值", "GDP"), ("生产总值", "GDP"), ("居民消费价格", "CPI"),
    ("新增城镇就业", "城镇新增就业"), ("二氧化碳", "CO2"), ("进出口总额", "进出口"),
    ("外贸进出口", "进出口"), ("对外贸易", "进出口"), ("增加值", ""), ("总量", ""),
    ("总额", ""), ("规模", ""), ("累计", ""), ("全年", ""), ("全区", ""), ("全市", ""),
    ("全省", ""), ("全国", ""), ("的", ""), ("每", ""), ("年末", ""), ("年底", ""), ("平均", ""),
]

# ================================================================ tiers

# The paragraph of main targets: 主要预期目标是：…, 预期目标是：…, 主要目标 …
MAIN_MARK = re.compile(r"主要预期目标|预期目标|主要目标")
# ... ends where the report starts explaining them: 上述主要预期目标，…
MAIN_END = re.compile(r"上述")
# A paragraph of main targets states at least this many.
MAIN_MIN = 2
# Head counts that are facts or forecasts, not goals, unless a change verb makes them one
# (高校毕业生874万人, 近3亿人领取养老金; but 农村贫困人口减少1000万 is a target).
FACT_COUNTS = ("毕业生", "领取养老金", "常住人口", "户籍人口", "总人口", "退休人员")
FACT_UNITS = ("人", "人次")
