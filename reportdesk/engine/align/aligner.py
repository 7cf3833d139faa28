"""Structure first: match sections, then align sentences, then find moves.

1. Sections of the same level are matched by heading and content similarity
   (digits in headings are ignored: 2023年工作回顾 ↔ 2024年工作回顾), so renamed
   and reordered sections still pair up.
2. Inside each matched pair of sections, sentences are aligned by a monotone
   dynamic programme over a similarity score (character-bigram Dice of the
   folded text, punctuation and spaces removed).
3. Sentences left over anywhere are matched globally when they are similar
   enough (a sentence that went to another section).
4. The heaviest order-preserving subset of all pairs (weighted LIS) is the
   in-place alignment; every other pair is a move.

Front matter and closing page chrome are aligned among themselves.
align_units.py holds the sentence units and similarity measures,
align_sections.py step 1, align_dp.py the dynamic programme of step 2 (which
also pairs a sentence with two when it was split or merged); this module
steps 2–4 around them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field

from reportdesk.engine.align import vector as vec
from reportdesk.engine.align.cells import PairCache
from reportdesk.engine.align.dp import MAX_CELLS, SAME_TEXT, Joins, dp_align
from reportdesk.engine.align.sections import SECTION_CELLS, match_sections
from reportdesk.engine.align.units import Unit, bigrams, dice, in_order_pairs, key_of, units_of
from reportdesk.engine.model import CompareOptions, Report, SectionMatch
from reportdesk.engine.pairing import take_one_to_one

__all__ = [
    "MAX_CELLS",
    "SECTION_CELLS",
    "Alignment",
    "Joins",
    "Unit",
    "align",
    "bigrams",
    "dice",
    "key_of",
    "match_sections",
    "units_of",
]

_MIN_MOVE_KEY = 6  # characters (without punctuation) a moved sentence needs

# The leftover and rescue passes' scores of sentence pairs, kept by the pairs' content for
# the next compare (``cells``): a keystroke changes a sentence or two of the hundreds scored.
_LEFTOVER_CELLS: PairCache[tuple[float, float, int, int]] = PairCache()
_RESCUE_CELLS: PairCache[tuple[float, int, int]] = PairCache()


def _unit_keys(units: list[Unit], extra: Callable[[int], object]) -> dict[int, Hashable]:
    # key and bigrams follow from the text; the zone and the index are read too, and the
    # pass's own value for the sentence (``extra`` of its index)
    return {u.index: (u.index, u.text, u.key, u.zone, extra(u.index)) for u in units}


@dataclass
class Alignment:
    sections: list[SectionMatch]
    section_of_old: dict[int, int]  # old section index -> index into sections
    section_of_new: dict[int, int]
    pairs: list[tuple[int, int, float]]  # (old unit, new unit, similarity)
    in_order: set[tuple[int, int]]  # pairs that keep their order (not moves)
    joins: Joins = field(default_factory=Joins)  # pairs covering two sentences on a side


@dataclass(frozen=True)
class _Pairing:
    """Both reports' sentence units and which of them are paired so far (the sets are updated in place)."""

    old_units: list[Unit]
    new_units: list[Unit]
    paired_o: set[int]
    paired_n: set[int]
    joins: Joins


def _ancestors(report: Report) -> list[set[int]]:
    out: list[set[int]] = []
    for sec in report.sections:
        chain = {sec.index}
        if sec.parent is not None:
            chain |= out[sec.parent]
        out.append(chain)
    return out


def _align_within_parents(
    old: Report, new: Report, sections: list[SectionMatch], st: _Pairing, threshold: float
) -> list[tuple[int, int, float]]:
    """Sentences of unmatched subsections are aligned inside their matched parents.

    A rewritten subsection (（一）全方位扩大内需… → （一）突出扩大内需…) may not match
    as a whole, yet many of its sentences still correspond within the parent.
    Deepest parents first, so the closest context wins.
    """
    paired_o, paired_n, joins = st.paired_o, st.paired_n, st.joins
    anc_o, anc_n = _ancestors(old), _ancestors(new)
    out: list[tuple[int, int, float]] = []
    matched = [m for m in sections if m.old is not None and m.new is not None and m.old < len(anc_o)]
    matched.sort(key=lambda m: -old.sections[m.old].level if m.old is not None else 0)
    free_o = [u for u in st.old_units if u.index not in paired_o and u.zone == "body" and u.section >= 0]
    free_n = [u for u in st.new_units if u.index not in paired_n and u.zone == "body" and u.section >= 0]
    for m in matched:
        assert m.old is not None and m.new is not None
        if not free_o or not free_n:
            break
        a = [u for u in free_o if u.index not in paired_o and m.old in anc_o[u.section]]
        b = [u for u in free_n if u.index not in paired_n and m.new in anc_n[u.section]]
        if not a or not b or len(a) * len(b) > 40000:
            continue
        found = dp_align(a, b, threshold, joins)
        for o, n, _sim in found:
            paired_o.add(o)
            paired_n.add(n)
            if o in joins.old:
                paired_o.add(joins.old[o])
            if n in joins.new:
                paired_n.add(joins.new[n])
        out += found
    return out


def _predicted_new(old_units: list[Unit], new_units: list[Unit], pairs: list[tuple[int, int, float]]) -> list[float]:
    """Where each old sentence would stand in the new report, judged by its paired neighbours."""
    partner = {o: n for o, n, _ in pairs}
    scale = len(new_units) / max(len(old_units), 1)
    out: list[float] = []
    last: tuple[int, int] | None = None
    for u in old_units:
        if u.index in partner:
            last = (u.index, partner[u.index])
        out.append(last[1] + (u.index - last[0]) if last is not None else u.index * scale)
    return out


def _match_leftovers(
    old_units: list[Unit],
    new_units: list[Unit],
    paired_o: set[int],
    paired_n: set[int],
    threshold: float,
    pairs: list[tuple[int, int, float]] | None = None,
) -> list[tuple[int, int, float]]:
    """Global best matches among unpaired sentences (moved to another section).

    Sentences whose text recurs among the leftovers (各位代表！) wait for a second
    round: by then their neighbours are paired, and each goes to the copy
    nearest to where it would stand, so repeats do not pair crosswise.
    """
    free_o = [u for u in old_units if u.index not in paired_o and len(u.key) >= 4]
    free_n = [u for u in new_units if u.index not in paired_n and len(u.key) >= 4]
    count: dict[str, int] = defaultdict(int)
    for u in free_o + free_n:
        count[u.key] += 1
    pairs = list(pairs or [])
    out: list[tuple[int, int, float]] = []
    for repeated in (False, True):
        round_o = [u for u in free_o if (count[u.key] > 2) is repeated and u.index not in paired_o]
        if not round_o:
            continue
        pred = _predicted_new(old_units, new_units, pairs + out)
        found = _leftover_round(
            round_o,
            [u for u in free_n if u.index not in paired_n],
            paired_o,
            paired_n,
            threshold,
            pred,
        )
        out += found
    return out


def _leftover_round(
    free_o: list[Unit],
    free_n: list[Unit],
    paired_o: set[int],
    paired_n: set[int],
    threshold: float,
    pred: list[float],
) -> list[tuple[int, int, float]]:
    def score(rows: list[Unit], cols: list[Unit]) -> list[tuple[float, float, int, int]]:
        out: list[tuple[float, float, int, int]] = []
        for a, b in vec.row_blocks(len(rows), len(cols)):  # memory bounded, however many are left
            out += _leftover_candidates(rows[a:b], cols, threshold, pred)
        return out

    keys = (_unit_keys(free_o, lambda i: (pred[i], threshold)), _unit_keys(free_n, lambda i: threshold))
    cands = _LEFTOVER_CELLS.pairs((free_o, free_n), keys, score, lambda t: (t[2], t[3]))
    cands.sort(key=lambda t: (-t[0], t[1], t[2], t[3]))
    taken = take_one_to_one(((score, o, n) for score, _dist, o, n in cands), paired_o, paired_n)
    return [(o, n, min(score, 1.0)) for o, n, score in taken]


def _leftover_candidates(
    free_o: list[Unit], free_n: list[Unit], threshold: float, pred: list[float]
) -> list[tuple[float, float, int, int]]:
    """(score, distance from the predicted place, old, new) of the pairs good enough to take."""
    np = vec.numpy()
    # Every (old, new) pair sharing a bigram, scored at once (``vector``); the caller's sort
    # key orders them totally, so how they are listed does not matter.
    shared = vec.shared_counts(free_o, free_n)
    same_key, same_text = vec.same_key_text(free_o, free_n)
    score = _pair_scores(free_o, free_n, shared, same_key, np.where(same_text, 1.0 + SAME_TEXT, 1.0))
    ok = (shared > 0) & _same_zone(free_o, free_n) & (score >= threshold)
    rows, cols = np.nonzero(ok)
    o_idx = np.asarray([u.index for u in free_o], dtype=np.int64)[rows]
    n_idx = np.asarray([u.index for u in free_n], dtype=np.int64)[cols]
    dist = np.abs(np.asarray(pred, dtype=np.float64)[o_idx] - n_idx)
    return list(zip(score[rows, cols].tolist(), dist.tolist(), o_idx.tolist(), n_idx.tolist(), strict=True))


def _same_zone(a: list[Unit], b: list[Unit]) -> vec.Array:
    np = vec.numpy()
    zones = ("front", "body", "closing")
    za = np.asarray([zones.index(u.zone) for u in a], dtype=np.int64)
    zb = np.asarray([zones.index(u.zone) for u in b], dtype=np.int64)
    return za[:, None] == zb[None, :]


def _pair_scores(a: list[Unit], b: list[Unit], shared: vec.Array, same_key: vec.Array, equal: vec.Array) -> vec.Array:
    """``equal`` where the keys are equal, else the Dice similarity from the shared bigram counts."""
    np = vec.numpy()
    size = vec.gram_sizes(a)[:, None] + vec.gram_sizes(b)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        d = 2.0 * shared / size
    return np.where(same_key, equal, np.where(size > 0, d, 0.0))


_RESCUE_MARGIN = 0.25


def _rescue_weak_pairs(st: _Pairing, pairs: list[tuple[int, int, float]], threshold: float) -> list[tuple[int, int, float]]:
    """Undo a weak in-section pairing when one side has a far better match elsewhere.

    A sentence moved to another section while a loosely similar one took its
    place would otherwise pair with the newcomer (similarity 0.4) and leave its
    true counterpart (0.9) as inserted text.
    """
    joins = st.joins
    weak = {(o, n): s for o, n, s in pairs if s < 1.0 - _RESCUE_MARGIN and o not in joins.old and n not in joins.new}
    if not weak:
        return pairs
    cands = _rescue_candidates(st, weak, threshold)
    if not cands:
        return pairs
    broken, added = _take_rescues(weak, cands)
    for o, n in broken:
        st.paired_o.discard(o)
        st.paired_n.discard(n)
    for o, n, _ in added:
        st.paired_o.add(o)
        st.paired_n.add(n)
    return [p for p in pairs if (p[0], p[1]) not in broken] + added


def _rescue_candidates(
    st: _Pairing, weak: dict[tuple[int, int], float], threshold: float
) -> list[tuple[float, int, int]]:
    """Pairs far better than the weak pairing of either side, best first: (score, old, new)."""
    cur_o = {o: s for (o, _), s in weak.items()}
    cur_n = {n: s for (_, n), s in weak.items()}
    free_o = [u for u in st.old_units if len(u.key) >= 4 and (u.index in cur_o or u.index not in st.paired_o)]
    free_n = [u for u in st.new_units if len(u.key) >= 4 and (u.index in cur_n or u.index not in st.paired_n)]
    def score(rows: list[Unit], cols: list[Unit]) -> list[tuple[float, int, int]]:
        out: list[tuple[float, int, int]] = []
        for a, b in vec.row_blocks(len(rows), len(cols)):  # memory bounded, as the leftovers
            out += _rescue_block(rows[a:b], cols, cur_o, cur_n, threshold)
        return out

    keys = (_unit_keys(free_o, lambda i: (cur_o.get(i), threshold)), _unit_keys(free_n, lambda i: (cur_n.get(i), threshold)))
    cands = _RESCUE_CELLS.pairs((free_o, free_n), keys, score, lambda t: (t[1], t[2]))
    cands.sort(key=lambda t: (-t[0], t[1], t[2]))
    return cands


def _rescue_block(
    free_o: list[Unit], free_n: list[Unit], cur_o: dict[int, float], cur_n: dict[int, float], threshold: float
) -> list[tuple[float, int, int]]:
    np = vec.numpy()
    shared = vec.shared_counts(free_o, free_n)
    same_key, _ = vec.same_key_text(free_o, free_n)
    score = _pair_scores(free_o, free_n, shared, same_key, np.ones_like(shared, dtype=np.float64))
    weak_o = np.asarray([cur_o.get(u.index, 0.0) for u in free_o], dtype=np.float64)
    weak_n = np.asarray([cur_n.get(u.index, 0.0) for u in free_n], dtype=np.float64)
    # A candidate needs a weakly paired side: free new sentences look only at weak old ones.
    ok = (shared > 0) & ((weak_o > 0)[:, None] | np.asarray([u.index in cur_n for u in free_n])[None, :])
    ok &= _same_zone(free_o, free_n) & (score >= threshold)
    ok &= score >= np.maximum(weak_o[:, None], weak_n[None, :]) + _RESCUE_MARGIN
    rows, cols = np.nonzero(ok)
    o_idx = np.asarray([u.index for u in free_o], dtype=np.int64)[rows]
    n_idx = np.asarray([u.index for u in free_n], dtype=np.int64)[cols]
    return list(zip(score[rows, cols].tolist(), o_idx.tolist(), n_idx.tolist(), strict=True))


def _take_rescues(
    weak: dict[tuple[int, int], float], cands: list[tuple[float, int, int]]
) -> tuple[set[tuple[int, int]], list[tuple[int, int, float]]]:
    """Greedily take the candidates; returns the weak pairs they break and the pairs added."""
    taken_o: set[int] = set()
    taken_n: set[int] = set()
    broken: set[tuple[int, int]] = set()
    partner_o = {o: n for o, n in weak}
    partner_n = {n: o for o, n in weak}
    added: list[tuple[int, int, float]] = []
    for score, o, n in cands:
        if o in taken_o or n in taken_n:
            continue
        taken_o.add(o)
        taken_n.add(n)
        if o in partner_o:
            broken.add((o, partner_o[o]))  # its old partner is free to match again
        if n in partner_n:
            broken.add((partner_n[n], n))
        added.append((o, n, score))
    return broken, added


def align(old: Report, new: Report, old_units: list[Unit], new_units: list[Unit], options: CompareOptions) -> Alignment:
    sections, of_old, of_new = match_sections(old, new, old_units, new_units)
    by_sec_o: dict[int, list[Unit]] = defaultdict(list)
    by_sec_n: dict[int, list[Unit]] = defaultdict(list)
    for u in old_units:
        by_sec_o[of_old.get(u.section, -1) if u.zone == "body" else -10 - ("front", "closing").index(u.zone)].append(u)
    for u in new_units:
        by_sec_n[of_new.get(u.section, -1) if u.zone == "body" else -10 - ("front", "closing").index(u.zone)].append(u)
    pairs: list[tuple[int, int, float]] = []
    joins = Joins()
    for k, ulist in by_sec_o.items():
        if k in by_sec_n:
            pairs += dp_align(ulist, by_sec_n[k], options.pair_threshold, joins)
    paired_o = {p[0] for p in pairs} | set(joins.old.values())
    paired_n = {p[1] for p in pairs} | set(joins.new.values())
    st = _Pairing(old_units, new_units, paired_o, paired_n, joins)
    pairs += _align_within_parents(old, new, sections, st, options.pair_threshold)
    pairs += _match_leftovers(old_units, new_units, paired_o, paired_n, options.move_threshold, pairs)
    pairs = _rescue_weak_pairs(st, pairs, options.move_threshold)

    def weight(o: int, n: int) -> int:
        w = len(old_units[o].key) + len(new_units[n].key)
        w += len(old_units[joins.old[o]].key) if o in joins.old else 0
        return w + (len(new_units[joins.new[n]].key) if n in joins.new else 0)

    weights = [weight(o, n) for o, n, _ in pairs]
    in_order = in_order_pairs(pairs, [float(x) for x in weights])
    # A far jump of a few characters (各位代表！) is chance, not a move: it reads
    # better as deleted here and inserted there.
    pairs = [p for p in pairs if (p[0], p[1]) in in_order or weight(p[0], p[1]) >= 2 * _MIN_MOVE_KEY]
    if not options.detect_moves:
        pairs = [p for p in pairs if (p[0], p[1]) in in_order]
    pairs.sort(key=lambda p: p[1])
    return Alignment(sections, of_old, of_new, pairs, in_order, joins)
