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
)
from reportdesk.engine.pairing import take_one_to_one
from reportdesk.engine.targets.extract import extract_targets
from reportdesk.engine.targets.indicators import better_lower, name_similarity
from reportdesk.engine.targets.numbers import format_number

MIN_SIMILARITY = 0.6

_QUAL_WORDS = {
    Qualifier.AT_LEAST: ("以上", "不低于", "不少于", "突破", "超过", "高于", "多", "余"),
    Qualifier.ABOUT: ("左右", "上下", "约", "近"),
    Qualifier.AT_MOST: ("以内", "以下", "不超过", "控制在", "低于", "不高于"),
}
_QUAL_DEFAULT = {
    Qualifier.AT_LEAST: "以上", Qualifier.ABOUT: "左右", Qualifier.AT_MOST: "以内",
    Qualifier.EXACT: "确数", Qualifier.RANGE: "区间",
}


# ---------------------------------------------------------------- helpers


def plan_targets(report: Report, targets: Sequence[Figure] | None = None) -> list[Figure]:
    """The report's own targets, one per indicator statement (restatements dropped)."""
    found = extract_targets(report) if targets is None else targets
    out: list[Figure] = []
    for t in found:
        if t.kind is not FigureKind.TARGET:
            continue
        if any(_same_statement(t, o) for o in out):
            continue
        out.append(t)
    return out


def _same_statement(a: Figure, b: Figure) -> bool:
    """经济增长预期目标为5%左右 restates 国内生产总值增长5%左右."""
    return (
        a.unit == b.unit and a.value == b.value and a.value_max == b.value_max
        and a.qualifier == b.qualifier and a.year == b.year
        and name_similarity(a.indicator, b.indicator) >= 0.75
    )


def _horizon(t: Figure, report_year: int | None) -> int | None:
    if t.year is None or report_year is None:
        return None
    return t.year - report_year


def _pair_score(a: Figure, b: Figure, ya: int | None, yb: int | None, same_year: bool) -> float:
    if a.unit != b.unit:
        return 0.0
    sim = name_similarity(a.indicator, b.indicator)
    if sim < MIN_SIMILARITY:
        return 0.0
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
    cands = []
    for i, a in enumerate(old):
        for j, b in enumerate(new):
            s = _pair_score(a, b, ya, yb, same_year)
            if s >= MIN_SIMILARITY - 0.35 and name_similarity(a.indicator, b.indicator) >= MIN_SIMILARITY:
                # ties: keep reading order close (GDP with GDP, not with a later restatement)
                cands.append((s, -abs(i / max(len(old), 1) - j / max(len(new), 1)), i, j))
    cands.sort(reverse=True)
    return take_one_to_one(((s, i, j) for s, _, i, j in cands), set(), set())


def _mid(t: Figure) -> Decimal:
    return (t.value + t.value_max) / 2 if t.value_max is not None else t.value


def qualifier_word(t: Figure) -> str:
    """The qualifier as the report wrote it (以上, 不低于 …), for reviewer wording."""
    for w in _QUAL_WORDS.get(t.qualifier, ()):
        if w in t.quote:
            return w
    return _QUAL_DEFAULT[t.qualifier]


def value_text(t: Figure) -> str:
    if t.value_max is not None:
        return f"{format_number(t.value, t.unit)}－{format_number(t.value_max, t.unit)}"
    text = format_number(t.value, t.unit)
    q = t.qualifier
    if qualifier_word(t) in ("多", "余"):
        return text + "以上"
    if q in (Qualifier.AT_LEAST, Qualifier.ABOUT) and qualifier_word(t) in ("以上", "左右"):
        return text + qualifier_word(t)
    if q is Qualifier.AT_MOST and qualifier_word(t) in ("以内", "以下"):
        return text + qualifier_word(t)
    if q is not Qualifier.EXACT:
        return qualifier_word(t) + text
    return text


def _delta_words(old: Figure, new: Figure) -> str:
    a, b = _mid(old), _mid(new)
    if a == b:
        return ""
    verb = "提高" if b > a else "降低"
    diff = abs(b - a)
    if old.unit == "%":
        return f"{verb}{format_number(diff)}个百分点"
    if old.unit == "‰":
        return f"{verb}{format_number(diff)}个千分点"
    return f"{verb}{format_number(diff, old.unit)}"


def classify(old: Figure, new: Figure) -> tuple[TargetChangeKind, str]:
    """(change, wording) for a matched pair."""
    a, b = _mid(old), _mid(new)
    qual_changed = old.qualifier != new.qualifier
    parts = []
    if a != b or (old.value_max != new.value_max):
        parts.append(f"由{value_text(old)}调整为{value_text(new)}")
        delta = _delta_words(old, new)
        if delta:
            parts.append(delta)
    if qual_changed:
        parts.append(f"由“{qualifier_word(old)}”改为“{qualifier_word(new)}”")
    K = TargetChangeKind
    if a > b:
        change = K.LOWERED_AND_QUALIFIER_CHANGED if qual_changed else K.LOWERED
    elif a < b:
        change = K.RAISED_AND_QUALIFIER_CHANGED if qual_changed else K.RAISED
    else:
        change = K.QUALIFIER_CHANGED if qual_changed else K.UNCHANGED
    if change is K.UNCHANGED:
        return change, f"保持{value_text(new)}不变"
    return change, "；".join(parts)


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
                                    change=change, wording=words))
        else:
            out.append(TargetChange(indicator=t.indicator, old=None, new=t, change=TargetChangeKind.NEW,
                                    wording=f"新提出：{value_text(t)}"))
    for i, o in enumerate(old):
        if i not in matched_old:
            out.append(TargetChange(indicator=o.indicator, old=o, new=None, change=TargetChangeKind.DROPPED,
                                    wording=f"不再提出（原为{value_text(o)}）"))
    return out


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


def review_target_lists(targets: Sequence[Figure], actuals: Sequence[Figure],
                        year: int | None) -> list[TargetReview]:
    acts = [a for a in actuals if year is None or a.year == year]
    tars = [t for t in targets if t.year is None or year is None or t.year == year]
    pairs = _greedy(tars, acts, year, year, same_year=True)
    by_t = {i: j for i, j, _ in pairs}
    out = []
    for i, t in enumerate(tars):
        if i not in by_t:
            out.append(TargetReview(indicator=t.indicator, target=t, actual=None,
                                    status=ReviewStatus.NOT_REPORTED, wording=f"目标{value_text(t)}，未见实际数"))
            continue
        a = acts[by_t[i]]
        ok = met(t, a)
        status = ReviewStatus.MET if ok else ReviewStatus.NOT_MET
        words = f"目标{value_text(t)}，实际{value_text(a)}，{'完成' if ok else '未完成'}"
        out.append(TargetReview(indicator=t.indicator, target=t, actual=a, status=status,
                                wording=words))
    return out


def review_targets(old: Report, new: Report) -> list[TargetReview]:
    """``old``'s targets for its year against the actuals ``new`` reports for that year."""
    actuals = [t for t in extract_targets(new) if t.kind is FigureKind.ACTUAL]
    return review_target_lists(plan_targets(old), actuals, old.year)
