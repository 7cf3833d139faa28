"""Figures (quantities a report states), their changes across years and verdicts; phrases."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reportdesk.engine.model.base import Span, Spanned, StrEnum


class Qualifier(StrEnum):
    AT_LEAST = "at_least"
    ABOUT = "about"
    AT_MOST = "at_most"
    EXACT = "exact"
    RANGE = "range"


class Direction(StrEnum):
    INCREASE = "increase"
    DECREASE = "decrease"
    LEVEL = "level"


class FigureKind(StrEnum):
    """Whether a figure is a plan, a reported result or context; only TARGET is a target."""

    TARGET = "target"  # what the report plans
    ACTUAL = "actual"  # what it reports as achieved
    OTHER = "other"  # history and context


class TargetTier(StrEnum):
    """How much a target weighs: what headline counts and verdicts in a summary cover."""

    MAIN = "main"  # the 主要预期目标 paragraph and its restatements elsewhere
    NAMED = "named"  # another named annual indicator (粮食产量, 赤字率, 专项债 …)
    TASK = "task"  # a task quantity (建成20座公厕, 投资15亿元): judged only with evidence

    @property
    def rank(self) -> int:
        """0 for main, 1 for named, 2 for task: the order every list and summary uses."""
        return _TIER_RANKS[self]


_TIER_RANKS = {TargetTier.MAIN: 0, TargetTier.NAMED: 1, TargetTier.TASK: 2}


@dataclass(frozen=True)
class Quantity(Spanned):
    value: Decimal  # in the base unit (1.6万人 -> 16000 人)
    unit: str  # base unit: "%", "个百分点", "元", "人", "斤" …
    value_max: Decimal | None = None  # upper end of a range
    span: Span = Span(0, 0)  # the number and unit in the text
    text: str = ""


@dataclass(frozen=True)
class Figure(Spanned):
    """A quantity a report states for an indicator: a target, an achieved result, or context.

    Named for what it is rather than ``Target`` since most figures in a report are
    results (``kind``); JSON still calls the list ``targets``.
    """

    quote: str
    indicator: str
    value: Decimal
    unit: str
    qualifier: Qualifier
    direction: Direction
    kind: FigureKind
    span: Span  # the quote in Report.text
    sentence: Span
    section: int  # index into Report.sections
    value_max: Decimal | None = None
    year: int | None = None  # the year the value refers to
    tier: TargetTier = TargetTier.TASK  # set on targets (kind TARGET); TASK otherwise
    written: str = ""  # the number and unit as the report wrote them (35578元, 1.3万亿斤)


class TargetChangeKind(StrEnum):
    UNCHANGED = "unchanged"
    RAISED = "raised"
    LOWERED = "lowered"
    QUALIFIER_CHANGED = "qualifier_changed"
    RAISED_AND_QUALIFIER_CHANGED = "raised_and_qualifier_changed"
    LOWERED_AND_QUALIFIER_CHANGED = "lowered_and_qualifier_changed"
    NEW = "new"
    DROPPED = "dropped"


class ReviewStatus(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_REPORTED = "not_reported"


@dataclass(frozen=True)
class TargetChange:
    indicator: str
    old: Figure | None
    new: Figure | None
    change: TargetChangeKind
    wording: str  # 提高0.5个百分点；由“左右”改为“以上”
    tier: TargetTier = TargetTier.TASK  # the weightier tier of the two figures


@dataclass(frozen=True)
class TargetReview:
    indicator: str
    target: Figure  # last year's target (from the older report)
    actual: Figure | None  # what the newer report says was achieved
    status: ReviewStatus
    wording: str
    tier: TargetTier = TargetTier.TASK  # the target's tier

    @property
    def target_quote(self) -> str:
        """The words of last year's report the verdict rests on."""
        return self.target.quote

    @property
    def actual_quote(self) -> str:
        """The words of this year's report the verdict rests on ("" when none)."""
        return self.actual.quote if self.actual is not None else ""


class HintKind(StrEnum):
    MAIN_TARGET_CONFLICT = "main_target_conflict"  # one main indicator, two values


@dataclass(frozen=True)
class TargetHint:
    """A 提示 for the reviewer: one report states a main indicator with two values."""

    kind: HintKind
    side: str  # "old" or "new": the report the spans are in
    indicator: str
    message: str  # in Chinese, for the navigator and the review document
    spans: tuple[Span, ...]  # the statements that disagree, first the main paragraph's


@dataclass(frozen=True)
class PhraseOccurrence:
    phrase: str
    spans: tuple[Span, ...]  # where it occurs in its report


@dataclass(frozen=True)
class PhraseChanges:
    """Key phrases (提法) between two reports; spans in old for removed, new for added/kept."""

    added: tuple[PhraseOccurrence, ...] = ()
    removed: tuple[PhraseOccurrence, ...] = ()
    kept: tuple[PhraseOccurrence, ...] = ()
