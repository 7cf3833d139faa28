"""What the reviewer reads: values as the report wrote them, and one line per change.

Every line states both values (由1200万人左右改为1200万人以上); values keep the
report's own form (35578元, not 3.5578万元); a cut that grows reads 降幅提高, not 提高.
"""

from __future__ import annotations

from decimal import Decimal

from reportdesk.engine.model import Direction, Figure, Qualifier, TargetChangeKind
from reportdesk.engine.targets.numbers import format_number
from reportdesk.engine.targets.rules import DECREASE_NAME, INCREASE_NAME

_QUAL_WORDS = {
    Qualifier.AT_LEAST: ("以上", "不低于", "不少于", "突破", "超过", "高于", "多", "余"),
    Qualifier.ABOUT: ("左右", "上下", "约", "近"),
    Qualifier.AT_MOST: ("以内", "以下", "不超过", "控制在", "低于", "不高于"),
}
_QUAL_DEFAULT = {
    Qualifier.AT_LEAST: "以上", Qualifier.ABOUT: "左右", Qualifier.AT_MOST: "以内",
    Qualifier.EXACT: "确数", Qualifier.RANGE: "区间",
}
# Increments (再提高 / 再增加 / 新增 … 元) read as increments, never as levels.
_INCREMENT = {Direction.INCREASE: "增加", Direction.DECREASE: "减少"}
_RATE_UNITS = ("%", "‰", "个百分点")


def mid(t: Figure) -> Decimal:
    return (t.value + t.value_max) / 2 if t.value_max is not None else t.value


def qualifier_word(t: Figure) -> str:
    """The qualifier as the report wrote it (以上, 不低于 …), for reviewer wording."""
    for w in _QUAL_WORDS.get(t.qualifier, ()):
        if w in t.quote:
            return w
    return _QUAL_DEFAULT[t.qualifier]


def _number(t: Figure) -> str:
    """The number and unit as written (35578元, 1.3万亿斤) when the report spelled the unit."""
    w = t.written.strip()
    if w and t.value_max is None and w.endswith(t.unit) and any(c.isdigit() for c in w):
        return w
    return format_number(t.value, t.unit)


def value_text(t: Figure) -> str:
    """The value with its qualifier: 5%左右, 不低于1.3万亿斤, 6.5%－7%."""
    if t.value_max is not None:
        return f"{format_number(t.value, t.unit)}－{format_number(t.value_max, t.unit)}"
    text = _number(t)
    q, word = t.qualifier, qualifier_word(t)
    if word in ("多", "余"):
        return text + "以上"
    if q in (Qualifier.AT_LEAST, Qualifier.ABOUT) and word in ("以上", "左右"):
        return text + word
    if q is Qualifier.AT_MOST and word in ("以内", "以下"):
        return text + word
    if q is not Qualifier.EXACT:
        return word + text
    return text


def stated(t: Figure) -> str:
    """The value as a statement: an increment says so (再增加40元), a level is the value."""
    named = INCREASE_NAME.search(t.indicator) or DECREASE_NAME.search(t.indicator)
    if t.unit not in _RATE_UNITS and t.direction in _INCREMENT and not named:
        return _INCREMENT[t.direction] + value_text(t)
    return value_text(t)


def _delta_words(old: Figure, new: Figure) -> str:
    a, b = mid(old), mid(new)
    if a == b:
        return ""
    verb = "提高" if b > a else "降低"
    if old.direction is Direction.DECREASE and new.direction is Direction.DECREASE:
        verb = "降幅" + ("提高" if b > a else "减小")  # a cut of 3% instead of 2.5%
    diff = abs(b - a)
    if old.unit == "%":
        return f"{verb}{format_number(diff)}个百分点"
    if old.unit == "‰":
        return f"{verb}{format_number(diff)}个千分点"
    return f"{verb}{format_number(diff, old.unit)}"


def classify(old: Figure, new: Figure) -> tuple[TargetChangeKind, str]:
    """(change, wording) for a matched pair; the wording always names both values."""
    a, b = mid(old), mid(new)
    qual_changed = old.qualifier != new.qualifier
    K = TargetChangeKind
    if a > b:
        change = K.LOWERED_AND_QUALIFIER_CHANGED if qual_changed else K.LOWERED
    elif a < b:
        change = K.RAISED_AND_QUALIFIER_CHANGED if qual_changed else K.RAISED
    else:
        change = K.QUALIFIER_CHANGED if qual_changed else K.UNCHANGED
    if change is K.UNCHANGED:
        return change, f"保持{stated(new)}不变"
    parts = [f"由{stated(old)}调整为{stated(new)}"]
    delta = _delta_words(old, new)
    if delta:
        parts.append(delta)
    if qual_changed:
        parts.append(f"由“{qualifier_word(old)}”改为“{qualifier_word(new)}”")
    return change, "；".join(parts)


def review_words(target: Figure, actual: Figure | None, ok: bool | None) -> str:
    """目标5%左右，实际5.2%，完成 / 目标…，未见实际数."""
    if actual is None or ok is None:
        return f"目标{stated(target)}，未见实际数"
    return f"目标{stated(target)}，实际{stated(actual)}，{'完成' if ok else '未完成'}"
