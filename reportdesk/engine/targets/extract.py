"""Targets as values: each quantity in a report with what it measures and how it is meant.

For every sentence the quantities come from ``numbers.parse_quantities``; the
words around each one give the indicator (``front`` / ``back`` / ``naming``:
the noun phrase in front, or the one after the unit when the front is only a
verb: ``3所医院投用``), the qualifier (以上 / 左右 / 不低于 …), the direction
(增长 / 降低) and the kind (``kind``): a *target* where the report plans, an
*actual* where it reports what was achieved, *other* for context (比上年增加…,
history).  The words themselves are tables in ``rules``.

Extraction needs only ``Report.text``, the sentences, each paragraph's section
and that section's ``part``, and ``Report.year``.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from reportdesk.engine.cache import per_report
from reportdesk.engine.model import (
    BlockKind,
    Direction,
    Figure,
    FigureKind,
    Part,
    Qualifier,
    Quantity,
    Report,
    Span,
)
from reportdesk.engine.targets.back import list_qualifier, read_noun, read_tail
from reportdesk.engine.targets.context import (
    ParaContext,
    Previous,
    Scope,
    SentenceContext,
    paragraph_context,
)
from reportdesk.engine.targets.front import read_front
from reportdesk.engine.targets.kind import is_spec, kind_of
from reportdesk.engine.targets.naming import Named, Reading, name
from reportdesk.engine.targets.numbers import may_hold_quantity, parse_quantities
from reportdesk.engine.targets.rules import (
    APPROX_MARKS,
    DECREASE_NAME,
    FACT_COUNTS,
    FACT_UNITS,
    INCREASE_NAME,
    LEVEL_NAME_END,
    OWNED_END,
    PLANNED,
    TO,
    WITHIN_AFTER,
)
from reportdesk.engine.targets.spread import follow_on, spread
from reportdesk.engine.targets.tiers import assign_tiers


@per_report
def extract_targets(report: Report) -> list[Figure]:
    """Every quantity in the body of ``report`` as a Figure, sorted by start."""
    out: list[Figure] = []
    for para in report.paragraphs:
        if para.kind is not BlockKind.BODY:
            continue
        ok = 0 <= para.section < len(report.sections)
        section = report.sections[para.section] if ok else None
        ctx: ParaContext | None = None  # made when a sentence needs it
        body_from = para.heading_end if para.heading_end > 0 else para.start
        for sent in para.sentences:
            # most sentences hold no number: no context is made for them
            if sent.end > body_from and may_hold_quantity(sent.text):
                ctx = ctx or paragraph_context(report, section, para.text, para.section)
                out.extend(_placed(SentenceContext(ctx, sent.text, sent.start)))
    out.sort(key=lambda t: t.start)
    return assign_tiers(report, out)


def targets_in_text(text: str, start: int = 0, part: Part = Part.TASKS, section: int = -1,
                    year: int | None = None) -> list[Figure]:
    """The extraction core over one sentence string (for tests and the editor's live view)."""
    rep = Report(path="", title="", year=year, text="", raw="", raw_offsets=(0,), paragraphs=(),
                 sections=())
    para = ParaContext(rep, part, section, appendix=False)
    return _sentence_targets(SentenceContext(para, text, start))


# ---------------------------------------------------------------- one sentence


def _placed(sent: SentenceContext) -> list[Figure]:
    """``_sentence_targets(sent)``, read once per sentence text and context and shifted to
    where the sentence stands: a re-compare (after a keystroke, or of a new report object
    with the same text) reads again only the sentences that changed."""
    p = sent.para
    found = _at_zero(sent.text, p.part, p.appendix, p.scope, p.report.year)
    if not found:
        return []
    at, sentence = sent.offset, Span(sent.offset, sent.offset + len(sent.text))
    return [replace(f, span=Span(f.span.start + at, f.span.end + at), sentence=sentence, section=p.section)
            for f in found]


@lru_cache(maxsize=8192)
def _at_zero(text: str, part: Part, appendix: bool, scope: Scope, year: int | None) -> tuple[Figure, ...]:
    # All a sentence's reading looks at besides its text: the paragraph's part, appendix and
    # scope, the report's year (offsets are only shifted; the section is only copied).
    para = ParaContext(_of_year(year), part, -1, appendix, scope)
    return tuple(_sentence_targets(SentenceContext(para, text, 0)))


@lru_cache(maxsize=64)
def _of_year(year: int | None) -> Report:
    """An empty report of ``year``: the one thing a sentence's reading asks of its report."""
    return Report(path="", title="", year=year, text="", raw="", raw_offsets=(0,), paragraphs=(), sections=())


def _sentence_targets(sent: SentenceContext) -> list[Figure]:
    out: list[Figure] = []
    prev = Previous()
    for q in parse_quantities(sent.text, sent.offset):
        r = _read(sent, q, prev)
        fig, used_end, items = _one(r)
        figs, owed = spread(r, fig, out)
        out.extend(figs)
        items = items if owed is None else owed
        fig = figs[0]
        if used_end >= 0:  # a size class (50米内…) does not end the next one's indicator
            prev = Previous(fig, max(used_end, q.end - sent.offset), items)
        else:
            prev = replace(prev, items=items)
    return out


def _read(sent: SentenceContext, q: Quantity, prev: Previous) -> Reading:
    """The words around one number: front, what follows, the noun after the unit."""
    text = sent.text
    tail = read_tail(text, q.end - sent.offset)
    to_follows = bool(TO.match(text, tail.list_end))  # 由240元提高到…: a baseline
    front = read_front(text, q.start - sent.offset, prev, to_follows)
    noun = read_noun(text, tail.end, front.words)
    return Reading(sent, q, front, tail, noun, prev)


def _one(r: Reading) -> tuple[Figure, int, tuple[str, ...]]:
    """One number as a Figure, where its quote ends (-1: it ends no indicator), list names left."""
    named = name(r)
    kind, year = _kind(r)
    within = _qualifies_another(r)
    if within and kind is FigureKind.TARGET:
        kind = FigureKind.OTHER  # 50米内换乘: a distance that qualifies another indicator
    if kind is FigureKind.TARGET and _fact_count(r.q.unit, named):
        kind = FigureKind.OTHER  # 高校毕业生874万人: a forecast of the year, not a goal
    fig = follow_on(r, _figure(r, named, kind, year))
    return fig, (-1 if within else fig.end - r.sent.offset), named.items


def _figure(r: Reading, named: Named, kind: FigureKind, year: int | None) -> Figure:
    q, offset = r.q, r.sent.offset
    start, end = min(named.start, r.a), max(named.end, r.b)  # the quote always holds the number
    return Figure(
        quote=r.sent.text[start:end], indicator=named.indicator, value=q.value, unit=q.unit,
        qualifier=_qualifier(r), direction=_direction(named.dirs, named.indicator), kind=kind,
        span=Span(offset + start, offset + end), sentence=Span(offset, offset + len(r.sent.text)),
        section=r.sent.para.section, value_max=q.value_max, year=year, written=q.text,
    )


# ---------------------------------------------------------------- how it is meant


def _qualifier(r: Reading) -> Qualifier:
    if r.q.value_max is not None:
        return Qualifier.RANGE
    if r.tail.qualifier:
        return Qualifier(r.tail.qualifier)
    listed = list_qualifier(r.sent.text, r.tail)  # 7%和8%左右: covers the whole list
    if listed:
        return Qualifier(listed)
    if any(c in r.q.text for c in APPROX_MARKS):
        return Qualifier.AT_LEAST
    if r.front.links.quals:
        # the word nearest the number wins (超过 in 力争超过, 达到 in 不低于…达到 is rare)
        return Qualifier(r.front.links.quals[0])
    return Qualifier.EXACT


def _direction(dirs: tuple[str, ...], indicator: str) -> Direction:
    if dirs:
        return Direction(dirs[0])
    if indicator.endswith(LEVEL_NAME_END):
        return Direction.LEVEL  # a ceiling on prices, not a rise
    if DECREASE_NAME.search(indicator):
        return Direction.DECREASE
    if INCREASE_NAME.search(indicator):
        return Direction.INCREASE
    return Direction.LEVEL


def _kind(r: Reading) -> tuple[FigureKind, int | None]:
    """Target / actual / other from the context, then what makes a planned number no goal."""
    kind, year = kind_of(r.sent, r.front.hard, r.a)
    if kind is FigureKind.TARGET and (
        r.front.baseline or _owned(r.front.words)
        or is_spec(r.sent.text, r.b, r.tail.end, r.noun.text, r.q.unit)
    ):
        kind = FigureKind.OTHER
    return kind, year


def _fact_count(unit: str, named: Named) -> bool:
    """A head count of a group (毕业生, 领取养老金) with no change verb: a fact or forecast."""
    return unit in FACT_UNITS and not named.dirs and named.indicator.endswith(FACT_COUNTS)


def _owned(words: str) -> bool:
    """我区有20个… / 现行16%的税率: what there is already (the baseline), not what is planned."""
    owned = OWNED_END.search(words)
    if owned and owned.group(0) == "有" and PLANNED.search(words):
        return False  # 今年安排的重点调度项目有66个: what is planned, not what exists
    return bool(owned)


def _qualifies_another(r: Reading) -> bool:
    """50米内换乘 / 每10万人45台: a distance or a denominator qualifying another number."""
    text = r.sent.text
    return text.startswith(WITHIN_AFTER, r.tail.end) or text[r.a - 1 : r.a] == "每"
