"""Targets across years: what changed between two reports, and were last year's met.

Pairing is one-to-one and greedy by score: the indicator names' similarity
(synonyms folded), the same unit, a compatible direction and the same kind of
horizon (this year's target against this year's, not against a five-year one).
A wrong pairing is worse than none, so below a threshold a target is reported
as new or dropped instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from reportdesk.engine.model import (
    Direction,
    Figure,
    FigureKind,
    Qualifier,
    Report,
    ReviewStatus,
    TargetChange,
    TargetChangeKind,
    TargetReview,
    TargetTier,
)
from reportdesk.engine.pairing import take_one_to_one
from reportdesk.engine.targets.extract import extract_targets
from reportdesk.engine.targets.indicators import better_lower, same_indicator, specific
from reportdesk.engine.targets.rules import SHARE_UNITS
from reportdesk.engine.targets.tiers import statement_key
from reportdesk.engine.targets.wording import (
    classify,
    qualifier_word,
    review_words,
    stated,
    value_text,
)

__all__ = [
    "classify", "match_target_lists", "match_targets", "met", "plan_targets", "qualifier_word",
    "review_target_lists", "review_targets", "value_text",
]

MIN_SIMILARITY = 0.6


# ---------------------------------------------------------------- helpers


def plan_targets(report: Report, targets: Sequence[Figure] | None = None) -> list[Figure]:
    """The report's own targets, one per indicator statement, in reading order.

    A main or named indicator counts once (经济增长预期目标为5%左右 restates 国内生产总值
    增长5%左右, even when a draft changed one of the two; a sub-allocation of 超长期特别国债
    is no second target): the main paragraph's statement is kept.  Task quantities drop
    only a word-for-word restatement.
    """
    found = extract_targets(report) if targets is None else targets
    cands = sorted((t for t in found if t.kind is FigureKind.TARGET),
                   key=lambda t: (t.tier.rank, t.start))
    out: list[Figure] = []
    keys: set[tuple[str, str, int | None, bool]] = set()
    same_value: dict[tuple[object, ...], list[Figure]] = {}  # restatements share the value
    for t in cands:
        if t.tier is not TargetTier.TASK:
            key = statement_key(t)
            if key in keys:
                continue
            keys.add(key)
        bucket = same_value.setdefault((t.unit, t.value, t.value_max, t.qualifier, t.year), [])
        if any(same_indicator(t.indicator, o.indicator) >= 0.75 for o in bucket):
            continue
        if not t.indicator and any(o.tier is not TargetTier.TASK for o in bucket):
            continue  # 7%左右的速度可以…: an unnamed number restating a headline target
        bucket.append(t)
        out.append(t)
    out.sort(key=lambda t: t.start)
    return out


def _names_pair(a: str, b: str) -> float:
    sim = same_indicator(a, b)
    if sim < MIN_SIMILARITY or not (specific(a) and specific(b)):
        return 0.0
    return sim


def _horizon(t: Figure, report_year: int | None) -> int | None:
    if t.year is None or report_year is None:
        return None
    return t.year - report_year


def _pair_score(a: Figure, b: Figure, ya: int | None, yb: int | None, same_year: bool,
                sim: float) -> float:
    """The score of a pair of figures whose names pair with similarity ``sim``."""
    if same_year:
        if a.year is not None and b.year is not None and a.year != b.year:
            return 0.0
    elif _horizon(a, ya) != _horizon(b, yb) and not (a.year and a.year == b.year):
        return 0.0
    score = sim
    if a.direction != b.direction:
        opposite = {a.direction, b.direction} == {Direction.INCREASE, Direction.DECREASE}
        score -= 0.3 if opposite else 0.05
    # nearer values break ties between same-named targets (annual 1100万 vs five-year 5000万)
    big = max(abs(a.value), abs(b.value))
    closeness = 1.0 if not big else 1.0 - min(1.0, float(abs(a.value - b.value) / big))
    return score + 0.1 * closeness


def _greedy(old: Sequence[Figure], new: Sequence[Figure], ya: int | None, yb: int | None,
            same_year: bool = False) -> list[tuple[int, int, float]]:
    by_class: dict[tuple[str, bool], list[int]] = {}
    for j, b in enumerate(new):
        by_class.setdefault((b.unit, statement_key(b)[3]), []).append(j)
    names: dict[tuple[str, str], float] = {}  # one similarity per pair of names
    cands = []
    for i, a in enumerate(old):
        for j in by_class.get((a.unit, statement_key(a)[3]), ()):
            b = new[j]
            nk = (a.indicator, b.indicator)
            sim = names[nk] if nk in names else names.setdefault(nk, _names_pair(*nk))
            if sim < MIN_SIMILARITY:
                continue
            s = _pair_score(a, b, ya, yb, same_year, sim)
            if s >= MIN_SIMILARITY - 0.35:
                # ties: keep reading order close (GDP with GDP, not with a later restatement)
                cands.append((s, -abs(i / max(len(old), 1) - j / max(len(new), 1)), i, j))
    cands.sort(reverse=True)
    return take_one_to_one(((s, i, j) for s, _, i, j in cands), set(), set())


# ---------------------------------------------------------------- public


def match_target_lists(old: Sequence[Figure], new: Sequence[Figure], old_year: int | None,
                       new_year: int | None) -> list[TargetChange]:
    """Matching over already extracted targets (series reuses extraction this way)."""
    pairs = _greedy(old, new, old_year, new_year)
    out: list[TargetChange] = []
    matched_old = {i for i, _, _ in pairs}
    by_new = {j: i for i, j, _ in pairs}
    for j, t in enumerate(new):
        if j in by_new:
            o = old[by_new[j]]
            change, words = classify(o, t)
            out.append(TargetChange(indicator=t.indicator or o.indicator, old=o, new=t,
                                    change=change, wording=words, tier=_weightier(o, t)))
        else:
            out.append(TargetChange(indicator=t.indicator, old=None, new=t, change=TargetChangeKind.NEW,
                                    wording=f"新提出：{stated(t)}", tier=t.tier))
    for i, o in enumerate(old):
        if i not in matched_old and (old_year is None or o.year == old_year):
            # (a five-year plan's goal, 到2020年…, that the next report does not restate still stands)
            out.append(TargetChange(indicator=o.indicator, old=o, new=None, change=TargetChangeKind.DROPPED,
                                    wording=f"不再提出（原为{stated(o)}）", tier=o.tier))
    return out


def _weightier(a: Figure, b: Figure) -> TargetTier:
    return min(a.tier, b.tier, key=lambda t: t.rank)


def match_targets(old: Report, new: Report) -> list[TargetChange]:
    """Each target of ``old`` paired with ``new``'s: unchanged, raised, lowered … new, dropped.

    In the new report's reading order, dropped targets last in the old one's order.
    """
    return match_target_lists(plan_targets(old), plan_targets(new), old.year, new.year)


def met(target: Figure, actual: Figure) -> bool:
    """Whether ``actual`` meets ``target``, knowing which way is better for the indicator."""
    av = actual.value
    if target.direction is Direction.DECREASE and actual.direction is Direction.INCREASE:
        av = -av  # a cut was planned, a rise happened
    elif target.direction is not Direction.DECREASE and actual.direction is Direction.DECREASE:
        av = -av  # 居民消费价格下降0.3%
    tol = abs(target.value) * Decimal("0.03") if target.qualifier is Qualifier.ABOUT else Decimal(0)
    if better_lower(target.indicator, target.direction.value) or target.qualifier is Qualifier.AT_MOST:
        limit = target.value_max if target.value_max is not None else target.value
        return av <= limit + tol
    return av >= target.value - tol


# A task's result more than this many times its target, or less than its inverse, counts
# another object (产值2亿元 against 207.2亿元): no verdict rather than a wrong one.
MAGNITUDE = 10


def _comparable(t: Figure, a: Figure) -> bool:
    if t.tier is not TargetTier.TASK or t.unit in SHARE_UNITS or not t.value or not a.value:
        return True
    ratio = abs(a.value / t.value)
    return 1 / MAGNITUDE <= ratio <= MAGNITUDE


def review_target_lists(targets: Sequence[Figure], actuals: Sequence[Figure],
                        year: int | None) -> list[TargetReview]:
    acts = [a for a in actuals if year is None or a.year == year]
    # a target of no known year is a plan period's (十三五, 今明两年): one year's result can't judge it
    tars = [t for t in targets if year is None or t.year == year]
    pairs = _greedy(tars, acts, year, year, same_year=True)
    by_t = {i: j for i, j, _ in pairs if _comparable(tars[i], acts[j])}
    out = []
    for i, t in enumerate(tars):
        if i not in by_t:
            out.append(TargetReview(indicator=t.indicator, target=t, actual=None, tier=t.tier,
                                    status=ReviewStatus.NOT_REPORTED, wording=review_words(t, None, None)))
            continue
        a = acts[by_t[i]]
        ok = met(t, a)
        status = ReviewStatus.MET if ok else ReviewStatus.NOT_MET
        out.append(TargetReview(indicator=t.indicator, target=t, actual=a, status=status,
                                wording=review_words(t, a, ok), tier=t.tier))
    return out


def review_targets(old: Report, new: Report) -> list[TargetReview]:
    """``old``'s targets for its year against the actuals ``new`` reports for that year."""
    actuals = [t for t in extract_targets(new) if t.kind is FigureKind.ACTUAL]
    return review_target_lists(plan_targets(old), actuals, old.year)
