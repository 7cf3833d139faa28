"""Where a number stands: the paragraph's part and scope, the sentence around it.

Extraction reads each number against these instead of a long list of loose
arguments; both are frozen so a sentence's readings cannot change its context.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Flag, auto

from reportdesk.engine.model import Figure, Part, Report, Section
from reportdesk.engine.targets.rules import (
    APPENDIX,
    LONG_REVIEW_HEADING,
    MULTI_YEAR,
    ONE_YEAR,
    PERIODS,
    PLAN_HEADING,
    PLAN_PERIOD,
)


class Scope(Flag):
    """What period a paragraph's numbers cover, when it is not just the report's year."""

    NONE = 0
    MULTI_YEAR = auto()  # 过去五年 / 累计, or a section of a plan period: not one year
    PLAN_SECTION = auto()  # a review section that sets the new five-year plan's goals
    FIVE_YEAR_REVIEW = auto()  # 过去五年工作回顾: five-year results unless said otherwise


@dataclass(frozen=True)
class ParaContext:
    """What every number in one paragraph shares."""

    report: Report
    part: Part
    section: int  # index into Report.sections; -1 when none
    appendix: bool  # 名词解释 / 附件: never targets
    scope: Scope = Scope.NONE


@dataclass(frozen=True)
class SentenceContext:
    """One sentence's text and where it starts in ``Report.text``."""

    para: ParaContext
    text: str
    offset: int


@dataclass(frozen=True)
class Previous:
    """The last number in the sentence that ended an indicator, for lists (分别增长8.9%、7.7%)."""

    figure: Figure | None = None
    end: int = 0  # where its quote ended in the sentence
    items: tuple[str, ...] = ()  # names still owed to the next numbers of a 分别 list


def paragraph_context(report: Report, section: Section | None, text: str, index: int) -> ParaContext:
    """The context of paragraph ``text`` under ``section`` (``index`` its section number)."""
    part = section.part if section is not None else Part.OTHER
    appendix = section is not None and any(w in section.heading for w in APPENDIX)
    return ParaContext(report, part, index, appendix, _scope(report, section, part, text))


def _scope(report: Report, section: Section | None, part: Part, text: str) -> Scope:
    scope = Scope.MULTI_YEAR if MULTI_YEAR.search(text[:40]) else Scope.NONE
    if part is Part.REVIEW and section is not None and five_year_review(report, section.index):
        if not ONE_YEAR.search(text[:80]):
            scope |= Scope.FIVE_YEAR_REVIEW
    if section is not None and PLAN_PERIOD.search(section.heading):
        if part is not Part.REVIEW:
            scope = Scope.MULTI_YEAR  # its targets are for the plan period, not this year
        elif PLAN_HEADING.search(section.heading) and not past_period(text, report.year):
            scope |= Scope.PLAN_SECTION
    return scope


def past_period(text: str, year: int | None) -> bool:
    """The paragraph speaks of a five-year plan that ended before the report's year."""
    if not year:
        return False
    named = [start for name, start in PERIODS.items() if name in text]
    return bool(named) and max(named) + 4 < year


def five_year_review(report: Report, index: int) -> bool:
    """The section, or one above it, reviews five years (过去五年工作回顾)."""
    seen = 0
    i: int | None = index
    while i is not None and 0 <= i < len(report.sections) and seen < 4:
        if LONG_REVIEW_HEADING.search(report.sections[i].heading):
            return True
        i = report.sections[i].parent
        seen += 1
    return False

