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
"""

from __future__ import annotations

import bisect
import operator
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .model import BlockKind, CompareOptions, Report, SectionMatch, Span
from .normalize import fold

_DROP = re.compile(r"[\s，。；：、！？,.;:!?“”\"'‘’（）()《》【】〔〕\-—…·]+")
_DIGITS = re.compile(r"[0-9零〇一二两三四五六七八九十百千]+")


def key_of(text: str) -> str:
    """Comparison key of a sentence: folded, without punctuation and spaces."""
    return _DROP.sub("", fold(text))


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


def units_of(report: Report) -> list[Unit]:
    out: list[Unit] = []
    for p in report.paragraphs:
        zone = "front" if p.kind is BlockKind.FRONT else "closing" if p.kind is BlockKind.CLOSING else "body"
        last = len(p.sentences) - 1
        for i, s in enumerate(p.sentences):
            k = key_of(s.text)
            edge = (i == 0) + 2 * (i == last)
            out.append(Unit(len(out), s.span, p.index, p.section if zone == "body" else -1, zone, k, bigrams(k), s.text, edge))
    return out


@dataclass
class Joins:
    """Pairs whose side covers two adjacent sentences: first unit -> second unit.

    ``old`` holds merges (two old sentences became one), ``new`` splits (one
    sentence became two, e.g. a ，turned into 。).
    """

    old: dict[int, int] = field(default_factory=dict)
    new: dict[int, int] = field(default_factory=dict)


@dataclass
class Alignment:
    sections: list[SectionMatch]
    section_of_old: dict[int, int]  # old section index -> index into sections
    section_of_new: dict[int, int]
    pairs: list[tuple[int, int, float]]  # (old unit, new unit, similarity)
    in_order: set[tuple[int, int]]  # pairs that keep their order (not moves)
    joins: Joins = field(default_factory=Joins)  # pairs covering two sentences on a side


# ------------------------------------------------------------------ sections


def _section_profile(report: Report, units: list[Unit] | None = None) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
    """Per section: bigrams of its heading (digits ignored) and of its whole subtree.

    From the sentence units when given (their bigrams are already computed).
    """
    secs = report.sections
    own: list[set[str]] = [set() for _ in secs]
    if units is None:
        units = units_of(report)
    for u in units:
        if u.zone == "body" and u.section >= 0:
            own[u.section].update(u.grams)
    subtree = [set(o) for o in own]
    for s in reversed(secs):  # children come after parents: fold upwards
        if s.parent is not None:
            subtree[s.parent] |= subtree[s.index]
    heads = [bigrams(_DIGITS.sub("#", key_of(s.heading))) for s in secs]
    return heads, [frozenset(x) for x in subtree]


# Above this many (old, new) section pairs (a pasted book), only sections
# near the same relative place, or identical ones, are compared.
SECTION_CELLS = 40_000
_SECTION_WINDOW = 12
_EXACT_NEAREST = 3


def _section_candidates(old: Report, new: Report, oh: list, oc: list, nh: list, nc: list) -> list[tuple[int, int, bool]]:
    """(old, new, identical) section pairs worth scoring."""
    so, sn = len(old.sections), len(new.sections)
    if so * sn <= SECTION_CELLS:
        return [(i, j, False) for i in range(so) for j in range(sn)]
    exact: dict[tuple, list[int]] = defaultdict(list)
    for i, sec in enumerate(old.sections):
        exact[(sec.level, oh[i], oc[i])].append(i)
    out: list[tuple[int, int, bool]] = []
    for j, sec in enumerate(new.sections):
        centre = j * so / max(sn, 1)
        same = exact.get((sec.level, nh[j], nc[j]), [])
        # the identical copies nearest in place (bisect: lists are sorted)
        k = bisect.bisect_left(same, centre)
        near = same[max(0, k - _EXACT_NEAREST) : k + _EXACT_NEAREST]
        out += [(i, j, True) for i in near]
        lo, hi = max(0, int(centre) - _SECTION_WINDOW), min(so, int(centre) + _SECTION_WINDOW + 1)
        out += [(i, j, False) for i in range(lo, hi) if i not in near]
    return out


def match_sections(
    old: Report, new: Report, old_units: list[Unit] | None = None, new_units: list[Unit] | None = None
) -> tuple[list[SectionMatch], dict[int, int], dict[int, int]]:
    """Greedy best-first matching of same-level sections; ties go to the nearer place.

    Position breaks ties so that repeated identical sections (a report pasted
    twice, or text added before or after it) pair in place instead of shifting
    past an edited copy.
    """
    oh, oc = _section_profile(old, old_units)
    nh, nc = _section_profile(new, new_units)
    so, sn = max(len(old.sections), 1), max(len(new.sections), 1)
    cands: list[tuple[float, float, int, int]] = []
    for i, j, identical in _section_candidates(old, new, oh, oc, nh, nc):
        lo_, ln_ = old.sections[i].level, new.sections[j].level
        if lo_ != ln_:
            continue
        if lo_ == 0 or identical:
            score = 1.0
        else:
            h = dice(oh[i], nh[j])
            c = dice(oc[i], nc[j])
            score = 0.35 * h + 0.65 * c if (oc[i] and nc[j]) else h
        if score >= 0.3:
            # places counted from the start or from the end, whichever agree better
            cands.append((score, min(abs(i - j), abs((so - i) - (sn - j))), i, j))
    cands.sort(key=lambda t: (-t[0], t[1], t[2], t[3]))
    used_o: dict[int, tuple[int, float]] = {}
    used_n: set[int] = set()
    for score, _dist, i, j in cands:
        if i in used_o or j in used_n:
            continue
        used_o[i] = (j, score)
        used_n.add(j)
    # A matched pair whose order disagrees with the others of its level moved.
    in_order = _in_order_pairs([(i, j, 1.0) for i, (j, _) in used_o.items()])
    matches: list[SectionMatch] = []
    of_old: dict[int, int] = {}
    of_new: dict[int, int] = {}
    old_by_new = {j: i for i, (j, _) in used_o.items()}
    pending_removed = sorted(set(range(len(old.sections))) - set(used_o))

    def flush_removed(upto: int) -> None:
        while pending_removed and pending_removed[0] < upto:
            r = pending_removed.pop(0)
            of_old[r] = len(matches)
            matches.append(SectionMatch(r, None, old.sections[r].title, "", 0.0, "removed"))

    for j, sn in enumerate(new.sections):
        hit = old_by_new.get(j)
        if hit is None:
            of_new[j] = len(matches)
            matches.append(SectionMatch(None, j, "", sn.title, 0.0, "new"))
            continue
        i = hit
        flush_removed(i)
        so = old.sections[i]
        score = used_o[i][1]
        if (i, j) not in in_order:
            status = "moved"
        elif key_of(so.heading) == key_of(sn.heading):
            status = "matched"
        else:
            status = "renamed"
        of_old[i] = of_new[j] = len(matches)
        matches.append(SectionMatch(i, j, so.title, sn.title, round(score, 3), status))
    flush_removed(len(old.sections) + 1)
    return matches, of_old, of_new


# ------------------------------------------------------------------ sentences


# A section pair with more sentence pairs than this is aligned by exact
# sentence matches only (a pasted book); pairs it leaves are matched as leftovers.
MAX_CELLS = 250_000
_JOIN_GATE = 0.4
_SAME_TEXT = 1e-6  # bonus that makes identical text win over an equal key (各位代表： vs ！)
_SAME_PLACE = 1e-7  # ... and so does the copy that also starts or ends its paragraph alike
_MIN_MOVE_KEY = 6  # characters (without punctuation) a moved sentence needs  # a half of a split sentence must resemble the whole this much


def _joined_sim(u: Unit, v: Unit, w: Unit) -> float:
    """Similarity of u with v and w read as one sentence; 0 unless both halves come from u."""
    for part in (v, w):
        if not part.grams or len(part.grams & u.grams) * 2 < len(part.grams):
            return 0.0
    key = v.key + w.key
    return 1.0 if key == u.key else dice(u.grams, bigrams(key))


def _dp_align(a: list[Unit], b: list[Unit], threshold: float, joins: Joins | None = None) -> list[tuple[int, int, float]]:
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
    import difflib

    sm = difflib.SequenceMatcher(None, [u.key for u in a], [u.key for u in b], autojunk=False)
    out = []
    for i, j, size in sm.get_matching_blocks():
        out += [(a[i + k].index, b[j + k].index, 1.0) for k in range(size) if a[i + k].key]
    return out


def _dp_core(a: list[Unit], b: list[Unit], threshold: float, joins: Joins | None) -> list[tuple[int, int, float]]:
    n, m = len(a), len(b)
    if not n or not m:
        return []
    sims = [[0.0] * m for _ in range(n)]
    hot: list[tuple[int, int]] = []  # similar but not equal: may be half of a split or merge
    for i, ua in enumerate(a):
        la = len(ua.key)
        srow = sims[i]
        for j, ub in enumerate(b):
            lb = len(ub.key)
            if not la or not lb or min(la, lb) * 3 < max(la, lb) * threshold:
                continue  # length alone rules it out
            if ua.key == ub.key:
                srow[j] = 1.0 + (_SAME_TEXT + _SAME_PLACE * (ua.edge == ub.edge) if ua.text == ub.text else 0.0)
                continue
            s = srow[j] = dice(ua.grams, ub.grams)
            if s >= _JOIN_GATE:
                hot.append((i, j))
    split: dict[tuple[int, int], float] = {}  # a[i] ~ b[j] + b[j+1]
    merge: dict[tuple[int, int], float] = {}  # a[i] + a[i+1] ~ b[j]
    if joins is not None:
        tried_s: set[tuple[int, int]] = set()
        tried_m: set[tuple[int, int]] = set()
        for i, j in hot:
            for jj in (j - 1, j):  # b[j] as the second or the first half
                if 0 <= jj < m - 1 and (i, jj) not in tried_s and b[jj].paragraph == b[jj + 1].paragraph:
                    tried_s.add((i, jj))
                    v = _joined_sim(a[i], b[jj], b[jj + 1])
                    if v > max(sims[i][jj], sims[i][jj + 1]):
                        split[(i, jj)] = v
            for ii in (i - 1, i):
                if 0 <= ii < n - 1 and (ii, j) not in tried_m and a[ii].paragraph == a[ii + 1].paragraph:
                    tried_m.add((ii, j))
                    v = _joined_sim(b[j], a[ii], a[ii + 1])
                    if v > max(sims[ii][j], sims[ii + 1][j]):
                        merge[(ii, j)] = v
    eps = 1e-9  # a match beats skipping on ties
    best = [[0.0] * (m + 2) for _ in range(n + 2)]
    choice = [bytearray(m + 1) for _ in range(n + 1)]  # 0 skip a, 1 skip b, 2 pair, 3 split, 4 merge
    for i in range(n - 1, -1, -1):
        row, nxt, srow, crow = best[i], best[i + 1], sims[i], choice[i]
        for j in range(m - 1, -1, -1):
            if nxt[j] >= row[j + 1]:
                v, c = nxt[j], 0
            else:
                v, c = row[j + 1], 1
            s = srow[j]
            if s >= threshold and nxt[j + 1] + s - threshold + eps > v:
                v, c = nxt[j + 1] + s - threshold + eps, 2
            if split or merge:
                s = split.get((i, j), 0.0)
                if s >= threshold and nxt[j + 2] + s - threshold + eps > v:
                    v, c = nxt[j + 2] + s - threshold + eps, 3
                s = merge.get((i, j), 0.0)
                if s >= threshold and best[i + 2][j + 1] + s - threshold + eps > v:
                    v, c = best[i + 2][j + 1] + s - threshold + eps, 4
            row[j] = v
            crow[j] = c
    out = []
    i = j = 0
    while i < n and j < m:
        c = choice[i][j]
        if c == 0:
            i += 1
        elif c == 1:
            j += 1
        elif c == 2:
            out.append((a[i].index, b[j].index, min(sims[i][j], 1.0)))
            i += 1
            j += 1
        elif c == 3:
            assert joins is not None
            out.append((a[i].index, b[j].index, split[(i, j)]))
            joins.new[b[j].index] = b[j + 1].index
            i += 1
            j += 2
        else:
            assert joins is not None
            out.append((a[i].index, b[j].index, merge[(i, j)]))
            joins.old[a[i].index] = a[i + 1].index
            i += 2
            j += 1
    return out


def _ancestors(report: Report) -> list[set[int]]:
    out: list[set[int]] = []
    for sec in report.sections:
        chain = {sec.index}
        if sec.parent is not None:
            chain |= out[sec.parent]
        out.append(chain)
    return out


def _align_within_parents(
    old: Report,
    new: Report,
    sections: list[SectionMatch],
    old_units: list[Unit],
    new_units: list[Unit],
    paired_o: set[int],
    paired_n: set[int],
    options: CompareOptions,
    joins: Joins,
) -> list[tuple[int, int, float]]:
    """Sentences of unmatched subsections are aligned inside their matched parents.

    A rewritten subsection (（一）全方位扩大内需… → （一）突出扩大内需…) may not match
    as a whole, yet many of its sentences still correspond within the parent.
    Deepest parents first, so the closest context wins.
    """
    anc_o, anc_n = _ancestors(old), _ancestors(new)
    out: list[tuple[int, int, float]] = []
    matched = [m for m in sections if m.old is not None and m.new is not None and m.old < len(anc_o)]
    matched.sort(key=lambda m: -old.sections[m.old].level if m.old is not None else 0)
    free_o = [u for u in old_units if u.index not in paired_o and u.zone == "body" and u.section >= 0]
    free_n = [u for u in new_units if u.index not in paired_n and u.zone == "body" and u.section >= 0]
    for m in matched:
        assert m.old is not None and m.new is not None
        if not free_o or not free_n:
            break
        a = [u for u in free_o if u.index not in paired_o and m.old in anc_o[u.section]]
        b = [u for u in free_n if u.index not in paired_n and m.new in anc_n[u.section]]
        if not a or not b or len(a) * len(b) > 40000:
            continue
        found = _dp_align(a, b, options.pair_threshold, joins)
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
        pred = _predicted_new(old_units, new_units, pairs + out)
        found = _leftover_round(
            [u for u in free_o if (count[u.key] > 2) is repeated and u.index not in paired_o],
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
    index: dict[str, list[Unit]] = defaultdict(list)
    for u in free_o:
        for g in u.grams:
            index[g].append(u)
    cands: list[tuple[float, float, int, int]] = []
    for u in free_n:
        shared: dict[int, int] = defaultdict(int)
        by_index: dict[int, Unit] = {}
        for g in u.grams:
            for ou in index.get(g, ()):
                shared[ou.index] += 1
                by_index[ou.index] = ou
        for o, cnt in shared.items():
            ou = by_index[o]
            if ou.zone != u.zone:
                continue
            if ou.key == u.key:
                score = 1.0 + _SAME_TEXT if ou.text == u.text else 1.0
            else:
                score = 2.0 * cnt / (len(ou.grams) + len(u.grams))
            if score >= threshold:
                cands.append((score, abs(pred[o] - u.index), o, u.index))
    cands.sort(key=lambda t: (-t[0], t[1], t[2], t[3]))
    out = []
    for score, _dist, o, n in cands:
        if o in paired_o or n in paired_n:
            continue
        paired_o.add(o)
        paired_n.add(n)
        out.append((o, n, min(score, 1.0)))
    return out


_RESCUE_MARGIN = 0.25


def _rescue_weak_pairs(
    old_units: list[Unit],
    new_units: list[Unit],
    pairs: list[tuple[int, int, float]],
    paired_o: set[int],
    paired_n: set[int],
    threshold: float,
    joins: Joins,
) -> list[tuple[int, int, float]]:
    """Undo a weak in-section pairing when one side has a far better match elsewhere.

    A sentence moved to another section while a loosely similar one took its
    place would otherwise pair with the newcomer (similarity 0.4) and leave its
    true counterpart (0.9) as inserted text.
    """
    weak = {(o, n): s for o, n, s in pairs if s < threshold and o not in joins.old and n not in joins.new}
    if not weak:
        return pairs
    cur_o = {o: s for (o, _), s in weak.items()}
    cur_n = {n: s for (_, n), s in weak.items()}
    free_o = [u for u in old_units if len(u.key) >= 4 and (u.index in cur_o or u.index not in paired_o)]
    free_n = [u for u in new_units if len(u.key) >= 4 and (u.index in cur_n or u.index not in paired_n)]
    index: dict[str, list[Unit]] = defaultdict(list)
    for u in free_o:
        for g in u.grams:
            index[g].append(u)
    cands: list[tuple[float, int, int]] = []
    for u in free_n:
        shared: dict[int, int] = defaultdict(int)
        for g in u.grams:
            for ou in index.get(g, ()):
                shared[ou.index] += 1
        for o, cnt in shared.items():
            if o not in cur_o and u.index not in cur_n:
                continue  # both free: the leftover round already decided
            ou = old_units[o]
            if ou.zone != u.zone:
                continue
            score = 1.0 if ou.key == u.key else 2.0 * cnt / (len(ou.grams) + len(u.grams))
            if score >= threshold and score >= max(cur_o.get(o, 0.0), cur_n.get(u.index, 0.0)) + _RESCUE_MARGIN:
                cands.append((score, o, u.index))
    if not cands:
        return pairs
    cands.sort(key=lambda t: (-t[0], t[1], t[2]))
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
    for o, n in broken:
        paired_o.discard(o)
        paired_n.discard(n)
    for o, n, _ in added:
        paired_o.add(o)
        paired_n.add(n)
    return [p for p in pairs if (p[0], p[1]) not in broken] + added


def _in_order_pairs(pairs: list[tuple[int, int, float]], weights: list[float] | None = None) -> set[tuple[int, int]]:
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
            pairs += _dp_align(ulist, by_sec_n[k], options.pair_threshold, joins)
    paired_o = {p[0] for p in pairs} | set(joins.old.values())
    paired_n = {p[1] for p in pairs} | set(joins.new.values())
    pairs += _align_within_parents(old, new, sections, old_units, new_units, paired_o, paired_n, options, joins)
    pairs += _match_leftovers(old_units, new_units, paired_o, paired_n, options.move_threshold, pairs)
    pairs = _rescue_weak_pairs(old_units, new_units, pairs, paired_o, paired_n, options.move_threshold, joins)

    def weight(o: int, n: int) -> int:
        w = len(old_units[o].key) + len(new_units[n].key)
        w += len(old_units[joins.old[o]].key) if o in joins.old else 0
        return w + (len(new_units[joins.new[n]].key) if n in joins.new else 0)

    weights = [weight(o, n) for o, n, _ in pairs]
    in_order = _in_order_pairs(pairs, [float(x) for x in weights])
    # A far jump of a few characters (各位代表！) is chance, not a move: it reads
    # better as deleted here and inserted there.
    pairs = [p for p in pairs if (p[0], p[1]) in in_order or weight(p[0], p[1]) >= 2 * _MIN_MOVE_KEY]
    if not options.detect_moves:
        pairs = [p for p in pairs if (p[0], p[1]) in in_order]
    pairs.sort(key=lambda p: p[1])
    return Alignment(sections, of_old, of_new, pairs, in_order, joins)
