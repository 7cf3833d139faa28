"""The one list of targets a reviewer reads: the panel, the JSON and the review document
show these rows and these counts (issue 10, items 1, 5 and 6).

One row per indicator and series: a ``TargetChange`` joined with the verdict on last
year's target (the ``TargetReview`` whose target is the change's old figure); a verdict
without a change row (should the matcher ever leave one) is a row of its own.  Rows come
main targets first, then other named targets, then task quantities, each in the
engine's order.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportdesk.engine.model import (
    Comparison,
    Figure,
    ReviewStatus,
    TargetChange,
    TargetChangeKind,
    TargetReview,
    TargetTier,
)

#: What a row says when the report names no indicator for its number (底线是严守18亿亩):
#: said plainly rather than a name made up from the clause.
UNNAMED = "（未指明）"

#: Tiers whose changes and verdicts the headline counts cover.
HEADLINE_TIERS = (TargetTier.MAIN, TargetTier.NAMED)


@dataclass(frozen=True)
class TargetRow:
    indicator: str
    tier: TargetTier
    change: TargetChange | None  # None: a verdict on last year's target the pairing left alone
    review: TargetReview | None  # None: no target last year (new), or none judged

    @property
    def old(self) -> Figure | None:
        if self.change is not None:
            return self.change.old
        return self.review.target if self.review is not None else None

    @property
    def new(self) -> Figure | None:
        return self.change.new if self.change is not None else None

    @property
    def kind(self) -> TargetChangeKind:
        """The change; a lone verdict's target is one the new report no longer states."""
        return self.change.change if self.change is not None else TargetChangeKind.DROPPED

    @property
    def changed(self) -> bool:
        return self.kind is not TargetChangeKind.UNCHANGED

    @property
    def headline(self) -> bool:
        """Main or named: counted in 目标变化 and in the verdicts of a summary."""
        return self.tier in HEADLINE_TIERS


@dataclass(frozen=True)
class TargetCounts:
    target_changes: int  # 目标变化 N 项: headline rows whose target changed
    headline: int  # main and named rows
    task: int  # task-quantity rows
    unmet: int  # headline verdicts 未完成
    target_edits: int  # 目标变化 edits in the change list (Change.touches_target)
    number_edits: int  # 数字修改: a changed number that touches no main or named target
    hints: int  # 提示


def target_rows(c: Comparison) -> tuple[TargetRow, ...]:
    """The rows, main targets first, then named targets, then task quantities."""
    # Keyed by the figure itself: the members of one 分别 series share a quote's span.
    reviews: dict[Figure, TargetReview] = {}
    for r in c.target_review:
        reviews.setdefault(r.target, r)
    used: set[Figure] = set()
    rows: list[TargetRow] = []
    for tc in c.target_changes:
        review = None
        if tc.old is not None and tc.old in reviews and tc.old not in used:
            review = reviews[tc.old]
            used.add(tc.old)
        rows.append(TargetRow(tc.indicator or UNNAMED, tc.tier, tc, review))
    rows += [TargetRow(r.indicator or UNNAMED, r.tier, None, r) for r in c.target_review if r.target not in used]
    rows.sort(key=lambda row: row.tier.rank if row.tier else 3)  # stable: engine order within a tier
    return tuple(rows)


def target_counts(c: Comparison, rows: tuple[TargetRow, ...] | None = None) -> TargetCounts:
    """The counts the status bar, the change list and the review document all give."""
    rows = target_rows(c) if rows is None else rows
    headline = [r for r in rows if r.headline]
    return TargetCounts(
        target_changes=sum(1 for r in headline if r.changed),
        headline=len(headline),
        task=len(rows) - len(headline),
        unmet=sum(1 for r in headline if r.review is not None and r.review.status is ReviewStatus.NOT_MET),
        target_edits=sum(1 for ch in c.changes if ch.touches_target),
        number_edits=sum(1 for ch in c.changes if ch.is_target and not ch.touches_target),
        hints=len(c.hints),
    )
