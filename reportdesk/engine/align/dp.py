"""Monotone sentence alignment inside a pair of sections (1:1, split 1:2, merge 2:1)."""

from __future__ import annotations

import difflib
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from reportdesk.engine.align.units import Unit, bigrams, dice


@dataclass
class Joins:
    """Pairs whose side covers two adjacent sentences: first unit -> second unit.

    ``old`` holds merges (two old sentences became one), ``new`` splits (one
    sentence became two, e.g. a ，turned into 。).
    """

    old: dict[int, int] = field(default_factory=dict)
    new: dict[int, int] = field(default_factory=dict)


# A section pair with more sentence pairs than this is aligned by exact
# sentence matches only (a pasted book); pairs it leaves are matched as leftovers.
MAX_CELLS = 250_000
_JOIN_GATE = 0.4  # a half of a split sentence must resemble the whole this much
SAME_TEXT = 1e-6  # bonus that makes identical text win over an equal key (各位代表： vs ！)
_SAME_PLACE = 1e-7  # ... and so does the copy that also starts or ends its paragraph alike


def _joined_sim(u: Unit, v: Unit, w: Unit) -> float:
    """Similarity of u with v and w read as one sentence; 0 unless both halves come from u."""
    for part in (v, w):
        if not part.grams or len(part.grams & u.grams) * 2 < len(part.grams):
            return 0.0
    key = v.key + w.key
    return 1.0 if key == u.key else dice(u.grams, bigrams(key))


# Per-section results by content: after a keystroke only the edited section is aligned again.
_CACHE: OrderedDict[tuple[object, ...], tuple[list[tuple[int, int, float]], list[tuple[int, int]], list[tuple[int, int]]]]
_CACHE = OrderedDict()
_CACHE_MAX = 512
_LOCK = threading.Lock()


def _shape(units: list[Unit]) -> tuple[tuple[str, int, int, int], ...]:
    # all the programme reads of a unit: key and bigrams follow from the text
    return tuple((u.text, u.edge, u.index, u.paragraph) for u in units)


def dp_align(a: list[Unit], b: list[Unit], threshold: float, joins: Joins | None = None) -> list[tuple[int, int, float]]:
    """``_dp_align``, remembered by the content of both sides (with the joins it records)."""
    key = (_shape(a), _shape(b), threshold, joins is not None)
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None:
            _CACHE.move_to_end(key)
    if hit is None:
        own = Joins()
        found = _dp_align(a, b, threshold, own if joins is not None else None)
        hit = (found, list(own.old.items()), list(own.new.items()))
        with _LOCK:
            _CACHE[key] = hit
            while len(_CACHE) > _CACHE_MAX:
                _CACHE.popitem(last=False)
    if joins is not None:
        joins.old.update(hit[1])
        joins.new.update(hit[2])
    return list(hit[0])


def _dp_align(a: list[Unit], b: list[Unit], threshold: float, joins: Joins | None) -> list[tuple[int, int, float]]:
    """Monotone alignment maximising the sum of (similarity - threshold).

    Identical leading and trailing sentences pair up first (always optimal, and
    it keeps a lightly edited draft cheap).  With ``joins`` a sentence may also
    pair with two adjacent sentences of one paragraph (split or merged).
    """
    lo = 0
    while lo < len(a) and lo < len(b) and (a[lo].text, a[lo].edge) == (b[lo].text, b[lo].edge):
        lo += 1
    hi = 0
    while hi < len(a) - lo and hi < len(b) - lo and (a[-1 - hi].text, a[-1 - hi].edge) == (b[-1 - hi].text, b[-1 - hi].edge):
        hi += 1
    head = [(a[k].index, b[k].index, 1.0) for k in range(lo)]
    tail = [(a[len(a) - hi + k].index, b[len(b) - hi + k].index, 1.0) for k in range(hi)]
    mid_a, mid_b = a[lo : len(a) - hi], b[lo : len(b) - hi]
    if len(mid_a) * len(mid_b) > MAX_CELLS:
        mid = _exact_only(mid_a, mid_b)
    else:
        mid = _dp_core(mid_a, mid_b, threshold, joins)
    return head + mid + tail


def _exact_only(a: list[Unit], b: list[Unit]) -> list[tuple[int, int, float]]:
    """Guardrail for huge sections: pair identical sentences in order (difflib blocks)."""
    sm = difflib.SequenceMatcher(None, [u.key for u in a], [u.key for u in b], autojunk=False)
    out = []
    for i, j, size in sm.get_matching_blocks():
        out += [(a[i + k].index, b[j + k].index, 1.0) for k in range(size) if a[i + k].key]
    return out


def _dp_core(a: list[Unit], b: list[Unit], threshold: float, joins: Joins | None) -> list[tuple[int, int, float]]:
    if not a or not b:
        return []
    sims, hot, pairable = _similarities(a, b, threshold)
    split, merge = _join_scores(a, b, sims, hot) if joins is not None else ({}, {})
    best = _best_values(sims, split, merge, threshold, pairable)
    return _trace(a, b, _Scores(sims, split, merge, threshold, best), joins)


@dataclass(frozen=True)
class _Scores:
    """Similarities of one section pair: sentence to sentence, and to two joined sentences;
    and the programme's values (``_best_values``)."""

    sims: list[list[float]]
    split: dict[tuple[int, int], float]  # a[i] ~ b[j] + b[j+1]
    merge: dict[tuple[int, int], float]  # a[i] + a[i+1] ~ b[j]
    threshold: float
    best: list[list[float]]


def _similarities(
    a: list[Unit], b: list[Unit], threshold: float
) -> tuple[list[list[float]], list[tuple[int, int]], dict[int, list[int]]]:
    """Sentence-to-sentence similarity matrix, the cells similar enough to be half of a join,
    and per row the columns similar enough to pair.

    All cells at once (``vector``), with the same floats the pair-by-pair loop gave.
    """
    from reportdesk.engine.align import vector as vec

    np = vec.numpy()
    la = np.asarray([len(u.key) for u in a], dtype=np.int64)[:, None]
    lb = np.asarray([len(u.key) for u in b], dtype=np.int64)[None, :]
    # length alone rules a pair out
    ok = (la > 0) & (lb > 0) & ~(np.minimum(la, lb) * 3 < np.maximum(la, lb) * threshold)
    same_key, same_text = vec.same_key_text(a, b)
    edge_a = np.asarray([u.edge for u in a], dtype=np.int64)[:, None]
    edge_b = np.asarray([u.edge for u in b], dtype=np.int64)[None, :]
    same = 1.0 + np.where(same_text, SAME_TEXT + _SAME_PLACE * (edge_a == edge_b), 0.0)
    d = vec.dice_matrix(a, b)
    sims = np.where(ok & same_key, same, np.where(ok, d, 0.0))
    rows, cols = np.nonzero(ok & ~same_key & (d >= _JOIN_GATE))  # row-major, as the loop found them
    pairable: dict[int, list[int]] = {}
    for i, j in zip(*(x.tolist() for x in np.nonzero(sims >= threshold)), strict=True):
        pairable.setdefault(i, []).append(j)
    return sims.tolist(), list(zip(rows.tolist(), cols.tolist(), strict=True)), pairable


def _adjacent(u: Unit, v: Unit) -> bool:
    """Two sentences that follow each other in one paragraph of the report.

    Neighbours in a pass's list need not be neighbours in the text: the leftover
    pass lists only unpaired sentences, and joining across a paired one would
    make a pair that covers a sentence another pair already holds.
    """
    return v.index == u.index + 1 and u.paragraph == v.paragraph


def _join_scores(
    a: list[Unit], b: list[Unit], sims: list[list[float]], hot: list[tuple[int, int]]
) -> tuple[dict[tuple[int, int], float], dict[tuple[int, int], float]]:
    """Splits (a[i] ~ b[j] + b[j+1]) and merges (a[i] + a[i+1] ~ b[j]) that beat both halves alone."""
    n, m = len(a), len(b)
    split: dict[tuple[int, int], float] = {}
    merge: dict[tuple[int, int], float] = {}
    tried_s: set[tuple[int, int]] = set()
    tried_m: set[tuple[int, int]] = set()
    for i, j in hot:
        for jj in (j - 1, j):  # b[j] as the second or the first half
            if 0 <= jj < m - 1 and (i, jj) not in tried_s and _adjacent(b[jj], b[jj + 1]):
                tried_s.add((i, jj))
                v = _joined_sim(a[i], b[jj], b[jj + 1])
                if v > max(sims[i][jj], sims[i][jj + 1]):
                    split[(i, jj)] = v
        for ii in (i - 1, i):
            if 0 <= ii < n - 1 and (ii, j) not in tried_m and _adjacent(a[ii], a[ii + 1]):
                tried_m.add((ii, j))
                v = _joined_sim(b[j], a[ii], a[ii + 1])
                if v > max(sims[ii][j], sims[ii + 1][j]):
                    merge[(ii, j)] = v
    return split, merge


_EPS = 1e-9  # a match beats skipping on ties


def _best_values(
    sims: list[list[float]],
    split: dict[tuple[int, int], float],
    merge: dict[tuple[int, int], float],
    threshold: float,
    pairable: dict[int, list[int]],
) -> list[list[float]]:
    """The dynamic programme: per cell, the value of the best alignment of a[i:] with b[j:].

    A cell's value is the largest its steps offer, so every row falls from left to right.
    A cell that cannot pair (nearly all: ``pairable`` lists the others by row) offers the
    cells below and to the right only, so a row without such cells is the row below, and a
    pairing cell's value spreads left only until the row below is as high.  The sums are
    the same, in the same order, as ``_step``'s; which step a cell takes is worked out only
    where the best path passes (``_trace``).
    """
    n, m = len(sims), len(sims[0])
    best = [[0.0] * (m + 2) for _ in range(n + 2)]
    joins = bool(split or merge)
    hot_at = {i: set(js) for i, js in pairable.items()}
    for i, j in list(split) + list(merge):
        hot_at.setdefault(i, set()).add(j)
    if joins and threshold <= 0:  # then even a missing join's 0.0 counts, everywhere
        hot_at = {i: set(range(m)) for i in range(n)}
    for i in range(n - 1, -1, -1):
        nxt = best[i + 1]
        row = best[i] = nxt.copy()
        hot = hot_at.get(i)
        if not hot:
            continue
        srow = sims[i]
        for j in sorted(hot, reverse=True):
            v = nxt[j] if nxt[j] >= row[j + 1] else row[j + 1]
            s = srow[j]
            if s >= threshold:
                v = max(v, nxt[j + 1] + s - threshold + _EPS)
            if joins:
                s = split.get((i, j), 0.0)
                if s >= threshold:
                    v = max(v, nxt[j + 2] + s - threshold + _EPS)
                s = merge.get((i, j), 0.0)
                if s >= threshold:
                    v = max(v, best[i + 2][j + 1] + s - threshold + _EPS)
            row[j] = v
            k = j - 1
            while k >= 0 and nxt[k] < v and k not in hot:
                row[k] = v
                k -= 1
    return best


def _step(sc: _Scores, i: int, j: int) -> int:
    """The step cell (i, j) takes: 0 skip a, 1 skip b, 2 pair, 3 split, 4 merge (ties as listed)."""
    best, threshold = sc.best, sc.threshold
    nxt = best[i + 1]
    v, w = nxt[j], best[i][j + 1]
    c = 0
    if v < w:
        v, c = w, 1
    s = sc.sims[i][j]
    if s >= threshold:
        t = nxt[j + 1] + s - threshold + _EPS
        if t > v:
            v, c = t, 2
    if not (sc.split or sc.merge):
        return c
    s = sc.split.get((i, j), 0.0)
    if s >= threshold:
        t = nxt[j + 2] + s - threshold + _EPS
        if t > v:
            v, c = t, 3
    s = sc.merge.get((i, j), 0.0)
    if s >= threshold and best[i + 2][j + 1] + s - threshold + _EPS > v:
        c = 4
    return c


def _trace(a: list[Unit], b: list[Unit], scores: _Scores, joins: Joins | None) -> list[tuple[int, int, float]]:
    """Read the chosen steps from the top-left cell; record splits and merges in ``joins``."""
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        c = _step(scores, i, j)
        if c == 0:
            i += 1
        elif c == 1:
            j += 1
        elif c == 2:
            out.append((a[i].index, b[j].index, min(scores.sims[i][j], 1.0)))
            i += 1
            j += 1
        elif c == 3:
            assert joins is not None
            out.append((a[i].index, b[j].index, scores.split[(i, j)]))
            joins.new[b[j].index] = b[j + 1].index
            i += 1
            j += 2
        else:
            assert joins is not None
            out.append((a[i].index, b[j].index, scores.merge[(i, j)]))
            joins.old[a[i].index] = a[i + 1].index
            i += 2
            j += 1
    return out
