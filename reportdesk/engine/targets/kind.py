"""Is a number planned, achieved or context, and for which year.

Kept apart from the reading of indicators (targets.py) because it looks at the
report around the number: the part of the report (review or plan), the words of
the sentence (去年, 比上年, 预计, 到2027年), five-year plans named in headings and
paragraphs, and the shape of the text after the number (8座以下小汽车 is a size
class, 6项内容为重点 a structure count, 24小时“不打烊” a slogan).
"""

from __future__ import annotations

import re

from reportdesk.engine.model import FigureKind, Part, Report

# Cues that a sentence reports the past even though it stands in a plan part.
PAST_RE = re.compile(r"过去一年|去年|一年来|过去五年|五年来|上一年|(?<!比)上年(?!度)|已经|已")
DELTA_RE = re.compile(r"比上年|比去年|较上年|较去年|同比|比20\d\d年|比年初|比预算")
MULTI_YEAR_RE = re.compile(r"过去五年|五年来|五年里|五年间|十年来|过去十年|累计")
YEAR_RE = re.compile(r"(?<![0-9])(20\d\d|19\d\d)年")
BY_YEAR_RE = re.compile(r"(?:到|至|在)(20\d\d)年")
FUTURE_RE = re.compile(r"力争|确保|将|今年|预期目标|目标是|拟|计划|争取")
PLAN_PERIOD_RE = re.compile(r"“?十[一二三四五六七]五”?(?:时期|期间|规划|发展|目标)|今后五年|未来五年|中长期|二〇三五|2035")
PLAN_FUTURE_RE = re.compile(r"力争|确保|预期目标|主要目标|今后|未来五年|到20\d\d年")
PLAN_HEADING_RE = re.compile(r"目标|任务|考虑|建议|展望")
ACHIEVED_RE = re.compile(r"成就|取得|实现了|完成了|累计|年均|达到了|超过了|期间|时期")
APPENDIX = ("名词解释", "附件", "注释", "说明")


PERIODS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026,
           "十六五": 2031}


def past_period(text: str, year: int | None) -> bool:
    """The paragraph speaks of a five-year plan that ended before the report's year."""
    if not year:
        return False
    named = [start for name, start in PERIODS.items() if name in text]
    return bool(named) and max(named) + 4 < year


ONE_YEAR_RE = re.compile(r"去年|过去一年|一年来|上年")


def five_year_review(report: Report, index: int) -> bool:
    """The section, or one above it, reviews five years (过去五年工作回顾)."""
    seen = 0
    i: int | None = index
    while i is not None and 0 <= i < len(report.sections) and seen < 4:
        if re.search(r"五年|十年", report.sections[i].heading):
            return True
        i = report.sections[i].parent
        seen += 1
    return False


STRUCTURE_NOUNS = ("方面", "项内容", "内容", "大类", "主要指标", "指标", "部分", "环节", "原则",
                    "步骤", "阶段", "个字")


PRELIMINARY_RE = re.compile(r"前期工作|项目前期|开展前期|争取核准|规划研究")
TIME_UNITS = {"小时", "分钟", "天", "工作日"}
SIZE_UNITS = {"元", "美元", "座", "吨", "千瓦", "千伏", "平方米", "米", "亩", "公顷", "立方米", "千瓦时"}


def is_spec(text: str, b: int, pe: int, right: str, unit: str) -> bool:
    """A number that describes rather than targets: 8座以下小汽车, 6项内容为重点, 24小时“不打烊”."""
    if unit == "千伏":
        return True  # 500千伏主网架: a voltage class names the line, it is not a goal
    if (pe > b and pe < len(text) and text[b:pe] in ("以上", "以下", "及以上")
            and "\u4e00" <= text[pe] <= "\u9fff" and text[pe] not in "的"
            and (text[b:pe] == "以下" or unit in SIZE_UNITS)):
        return True  # 8座以下小汽车, 5000万元以上项目: a size class, not a goal
    if unit in TIME_UNITS and b < len(text) and (
        text[b] in "“\"" or ("\u4e00" <= text[b] <= "\u9fff" and text[b] not in "内以左的")
    ):
        return True  # 24小时“不打烊”, 10分钟健身圈: a slogan, not a duration to reach
    if unit == "类" and re.search(r"[0-9０-９]", re.split(r"[，,；;。]", text[b:], maxsplit=1)[0]):
        return True  # 更新2类15个省级样板, 对10类群体发放80亿元: the kinds group another count
    if "不变" in re.split(r"[，,；;。]", text[b:], maxsplit=1)[0]:
        return True  # 保持6%一档的税率不变: a rate kept as it is, not a goal to reach
    after = text[b:b + 6]
    return any(after.startswith(w) or right.startswith(w) for w in STRUCTURE_NOUNS)


def kind_of(report: Report, text: str, clause: int, a: int, part: Part, appendix: bool,
          multi_year: bool, plan_section: bool = False,
          five_year: bool = False) -> tuple[FigureKind, int | None]:
    """Target, actual or other, and the year the value refers to."""
    year = report.year
    last = year - 1 if year else None
    before = text[:a]
    clause_text = text[clause:a]
    if appendix:
        return FigureKind.OTHER, None
    if part is Part.REVIEW:
        # a review part that also sets the next five-year plan's goals (national 2021)
        by = BY_YEAR_RE.search(before)
        if by and year and int(by.group(1)) >= year:
            return FigureKind.TARGET, int(by.group(1))
        if PLAN_PERIOD_RE.search(before) and PLAN_FUTURE_RE.search(before):
            return FigureKind.TARGET, None
        if plan_section and not PAST_RE.search(before) and not ACHIEVED_RE.search(before):
            return FigureKind.TARGET, None  # a goal of the new five-year plan
        if multi_year or MULTI_YEAR_RE.search(before):
            return FigureKind.ACTUAL, None
        if five_year and not (ONE_YEAR_RE.search(before) or (last and f"{last}年" in before)):
            return FigureKind.ACTUAL, None
        ym = YEAR_RE.findall(before)
        if ym and last and int(ym[-1]) != last:
            return FigureKind.OTHER, int(ym[-1])
        return FigureKind.ACTUAL, last
    # a plan part (or unknown): planned unless the words say past or a delta
    rest = re.split(r"[，,；;。]", text[a:], maxsplit=1)[0]
    if PRELIMINARY_RE.search(rest):
        return FigureKind.OTHER, year  # 2×66万千瓦…项目前期工作: a project being prepared, not a goal
    if DELTA_RE.search(clause_text) or "预计" in clause_text:  # a delta or a forecast
        return FigureKind.OTHER, year
    by = BY_YEAR_RE.search(before)
    years = [int(y) for y in YEAR_RE.findall(before)]
    if by:
        return FigureKind.TARGET, int(by.group(1))
    if multi_year or PLAN_PERIOD_RE.search(before):
        return FigureKind.TARGET, None
    if years and year and years[-1] < year:
        if FUTURE_RE.search(clause_text):
            return FigureKind.TARGET, year
        return (FigureKind.ACTUAL if years[-1] == last else FigureKind.OTHER), years[-1]
    # 已 marks only its own clause (优化已建成…，升级拓展2250家 is planned); 去年 frames the sentence
    past = PAST_RE.search(before)
    if past and past.group(0).startswith("已") and "已" not in clause_text:
        past = None
    if past and not FUTURE_RE.search(clause_text):
        return FigureKind.OTHER if "已" in clause_text else FigureKind.ACTUAL, last
    return FigureKind.TARGET, year
