"""Sentence units and the similarity measures every alignment step shares."""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass
from functools import lru_cache

from reportdesk.engine.model import BlockKind, Report, Span
from reportdesk.engine.text.normalize import fold

_DROP = re.compile(r"[\s，。；：、！？,.;:!?“”\"'‘’（）()《》【】〔〕\-—…·]+")
DIGITS = re.compile(r"[0-9零〇一二两三四五六七八九十百千]+")


def key_of(text: str) -> str:
    """Comparison key of a text: folded, without punctuation and spaces."""
    return _DROP.sub("", fold(text))


def sentence_key(text: str) -> str:
    """``key_of`` for a whole sentence unit.

    A sentence made only of punctuation (the "——" or "“”" left after a full stop)
    keys on its punctuation: an empty key could never pair, and identical text
    would show as deleted and inserted.
    """
    return key_of(text) or "".join(fold(text).split())


def bigrams(key: str) -> frozenset[str]:
    if len(key) < 2:
        return frozenset((key,)) if key else frozenset()
    return frozenset(map(operator.add, key, key[1:]))


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return 2.0 * len(a & b) / (len(a) + len(b))


@dataclass
class Unit:
    """One sentence of one report, as the aligner sees it."""

    index: int
    span: Span
    paragraph: int
    section: int  # Report.sections index, -1 outside the body
    zone: str  # "front" | "body" | "closing"
    key: str
    grams: frozenset[str]
    text: str = ""  # as written: among equal keys, identical text pairs first
    edge: int = 0  # 1: first sentence of its paragraph, 2: last, 3: both


@lru_cache(maxsize=1 << 15)
def sentence_form(text: str) -> tuple[str, frozenset[str]]:
    """Key and bigrams of a sentence, cached by its text (unchanged sentences of a draft, and
    the whole older report, are not worked out again on a re-compare)."""
    key = sentence_key(text)
    return key, bigrams(key)


def units_of(report: Report, keep_clutter: bool = True) -> list[Unit]:
    """The sentences of a report as units.

    Web-page chrome (``Paragraph.clutter``) has no units unless ``keep_clutter``.
    """
    out: list[Unit] = []
    for p in report.paragraphs:
        if p.clutter and not keep_clutter:
            continue
        zone = "front" if p.kind is BlockKind.FRONT else "closing" if p.kind is BlockKind.CLOSING else "body"
        last = len(p.sentences) - 1
        section = p.section if zone == "body" else -1
        for i, s in enumerate(p.sentences):
            key, grams = sentence_form(s.text)
            edge = (i == 0) + 2 * (i == last)
            out.append(Unit(len(out), s.span, p.index, section, zone, key, grams, s.text, edge))
    return out


def in_order_pairs(pairs: list[tuple[int, int, float]], weights: list[float] | None = None) -> set[tuple[int, int]]:
    """Heaviest subset of pairs increasing in both coordinates (weighted LIS)."""
    if not pairs:
        return set()
    order = sorted(range(len(pairs)), key=lambda k: pairs[k][1])
    w = weights or [1.0] * len(pairs)
    # Fenwick tree over old positions for prefix maxima of (weight, pair index).
    olds = sorted({p[0] for p in pairs})
    size = len(olds)
    tree: list[tuple[float, int]] = [(0.0, -1)] * (size + 1)
    prev = [-1] * len(pairs)
    total = [0.0] * len(pairs)

    def query(pos: int) -> tuple[float, int]:
        best = (0.0, -1)
        while pos > 0:
            if tree[pos][0] > best[0]:
                best = tree[pos]
            pos -= pos & -pos
        return best

    def update(pos: int, val: tuple[float, int]) -> None:
        while pos <= size:
            if val[0] > tree[pos][0]:
                tree[pos] = val
            pos += pos & -pos

    for k in order:
        r = bisect.bisect_left(olds, pairs[k][0]) + 1
        bw, bk = query(r - 1)
        total[k] = bw + w[k]
        prev[k] = bk
        update(r, (total[k], k))
    k = max(range(len(pairs)), key=lambda x: total[x])
    chosen = set()
    while k >= 0:
        chosen.add((pairs[k][0], pairs[k][1]))
        k = prev[k]
    return chosen
