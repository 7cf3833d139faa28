"""Is a number planned, achieved or context, and for which year.

Kept apart from the reading of indicators because it looks at the report around
the number: the part of the report (review or plan), the words of the sentence
(去年, 比上年, 预计, 到2027年), five-year plans named in headings and paragraphs
(``context.Scope``), and the shape of the text after the number (8座以下小汽车 is
a size class, 6项内容为重点 a structure count, 24小时“不打烊” a slogan).  The
words themselves are tables in ``rules``.
"""

from __future__ import annotations

import re

from reportdesk.engine.model import FigureKind, Part
from reportdesk.engine.targets.context import Scope, SentenceContext
from reportdesk.engine.targets.rules import (
    ACHIEVED,
    BY_YEAR,
    CLAUSE_SPLIT,
    DELTA,
    FROM_LAST_YEAR_TO,
    FUTURE,
    MULTI_YEAR,
    ONE_YEAR,
    PAST,
    PLAN_FUTURE,
    PLAN_PERIOD,
    PRELIMINARY,
    SIZE_CLASS,
    SIZE_UNITS,
    SPAN_YEARS,
    STRUCTURE_NOUNS,
    TIME_UNITS,
    UNCHANGED,
    YEAR,
)

Kind = tuple[FigureKind, int | None]


def _first_clause(text: str) -> str:
    return CLAUSE_SPLIT.split(text, maxsplit=1)[0]


def is_spec(text: str, b: int, pe: int, right: str, unit: str) -> bool:
    """A number that describes rather than targets: 8座以下小汽车, 6项内容为重点, 24小时“不打烊”."""
    if unit == "千伏":
        return True  # 500千伏主网架: a voltage class names the line, it is not a goal
    if (pe > b and pe < len(text) and text[b:pe] in SIZE_CLASS
            and "\u4e00" <= text[pe] <= "\u9fff" and text[pe] not in "的"
            and (text[b:pe] == "以下" or unit in SIZE_UNITS)):
        return True  # 8座以下小汽车, 5000万元以上项目: a size class, not a goal
    if unit in TIME_UNITS and b < len(text) and (
        text[b] in "“\"" or ("\u4e00" <= text[b] <= "\u9fff" and text[b] not in "内以左的")
    ):
        return True  # 24小时“不打烊”, 10分钟健身圈: a slogan, not a duration to reach
    if unit == "类" and re.search(r"[0-9０-９]", _first_clause(text[b:])):
        return True  # 更新2类15个省级样板, 对10类群体发放80亿元: the kinds group another count
    if UNCHANGED in _first_clause(text[b:]):
        return True  # 保持6%一档的税率不变: a rate kept as it is, not a goal to reach
    after = text[b:b + 6]
    return any(after.startswith(w) or right.startswith(w) for w in STRUCTURE_NOUNS)


def kind_of(sent: SentenceContext, clause: int, a: int) -> Kind:
    """Target, actual or other for the number at ``a`` (its clause starts at ``clause``),
    and the year the value refers to."""
    if sent.para.appendix:
        return FigureKind.OTHER, None
    if sent.para.part is Part.REVIEW:
        return _review_kind(sent, a)
    return _plan_kind(sent, clause, a)


def _review_kind(sent: SentenceContext, a: int) -> Kind:
    """In a review part: achieved, unless it sets the next five-year plan's goals (national 2021)."""
    year = sent.para.report.year
    last = year - 1 if year else None
    scope = sent.para.scope
    before = sent.text[:a]
    by = BY_YEAR.search(before)
    if by and year and int(by.group(1)) >= year:
        return FigureKind.TARGET, int(by.group(1))
    if PLAN_PERIOD.search(before) and PLAN_FUTURE.search(before):
        return FigureKind.TARGET, None
    if Scope.PLAN_SECTION in scope and not PAST.search(before) and not ACHIEVED.search(before):
        return FigureKind.TARGET, None  # a goal of the new five-year plan
    if Scope.MULTI_YEAR in scope or MULTI_YEAR.search(before):
        return FigureKind.ACTUAL, None
    if Scope.FIVE_YEAR_REVIEW in scope and not (
        ONE_YEAR.search(before) or (last and f"{last}年" in before)
    ):
        return FigureKind.ACTUAL, None
    ym = YEAR.findall(before)
    if ym and last and int(ym[-1]) != last:
        return FigureKind.OTHER, int(ym[-1])
    return FigureKind.ACTUAL, last


def _plan_kind(sent: SentenceContext, clause: int, a: int) -> Kind:
    """In a plan part (or unknown): planned unless the words say past, a delta or a forecast."""
    text = sent.text
    year = sent.para.report.year
    before = text[:a]
    clause_text = text[clause:a]
    if PRELIMINARY.search(_first_clause(text[a:])):
        return FigureKind.OTHER, year  # 2×66万千瓦…项目前期工作: a project being prepared
    if DELTA.search(clause_text) or "预计" in clause_text:  # a delta or a forecast
        return FigureKind.OTHER, year
    by = BY_YEAR.search(before)
    if by:
        return FigureKind.TARGET, int(by.group(1))
    if Scope.MULTI_YEAR in sent.para.scope or PLAN_PERIOD.search(before) or SPAN_YEARS.search(before):
        return FigureKind.TARGET, None
    if FROM_LAST_YEAR_TO.search(clause_text):
        return FigureKind.TARGET, year
    return _past_or_planned(before, clause_text, year)


def _past_or_planned(before: str, clause_text: str, year: int | None) -> Kind:
    last = year - 1 if year else None
    years = [int(y) for y in YEAR.findall(before)]
    if years and year and years[-1] < year:
        if FUTURE.search(clause_text):
            return FigureKind.TARGET, year
        return (FigureKind.ACTUAL if years[-1] == last else FigureKind.OTHER), years[-1]
    # 已 marks only its own clause (优化已建成…，升级拓展2250家 is planned); 去年 frames the sentence
    past = PAST.search(before)
    if past and past.group(0).startswith("已") and "已" not in clause_text:
        past = None
    if past and not FUTURE.search(clause_text):
        return FigureKind.OTHER if "已" in clause_text else FigureKind.ACTUAL, last
    return FigureKind.TARGET, year
