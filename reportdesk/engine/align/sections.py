"""Matching the sections of two reports (by heading and content)."""

from __future__ import annotations

import bisect
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Hashable

from reportdesk.engine.align.units import (
    DIGITS,
    Unit,
    bigrams,
    dice,
    in_order_pairs,
    key_of,
    units_of,
)
from reportdesk.engine.model import Report, SectionMatch, SectionStatus

Profile = tuple[list[frozenset[str]], list[frozenset[str]]]
# Profiles by all they are made of: the older report's, unchanged while the clerk types.
_PROFILES: OrderedDict[Hashable, Profile] = OrderedDict()
_PROFILES_MAX = 8
_LOCK = threading.Lock()


def _section_profile(report: Report, units: list[Unit] | None = None) -> Profile:
    """Per section: bigrams of its heading (digits ignored) and of its whole subtree.

    From the sentence units when given (their bigrams are already computed).
    """
    if units is None:
        units = units_of(report)
    key = (tuple((s.index, s.parent, s.heading) for s in report.sections),
           tuple((u.section, u.zone, u.key) for u in units))
    with _LOCK:
        hit = _PROFILES.get(key)
        if hit is not None:
            _PROFILES.move_to_end(key)
            return list(hit[0]), list(hit[1])
    found = _profile(report, units)
    with _LOCK:
        _PROFILES[key] = found
        while len(_PROFILES) > _PROFILES_MAX:
            _PROFILES.popitem(last=False)
    return list(found[0]), list(found[1])


def _profile(report: Report, units: list[Unit]) -> Profile:
    secs = report.sections
    own: list[set[str]] = [set() for _ in secs]
    for u in units:
        if u.zone == "body" and u.section >= 0:
            own[u.section].update(u.grams)
    # Children come after parents: fold upwards (own sets become subtree sets in place).
    for s in reversed(secs):
        if s.parent is not None:
            own[s.parent] |= own[s.index]
    heads = [bigrams(DIGITS.sub("#", key_of(s.heading))) for s in secs]
    return heads, [frozenset(x) for x in own]


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
    return _number_matches(old, new, _greedy_pairs(old, new, old_units, new_units))


def _greedy_pairs(
    old: Report, new: Report, old_units: list[Unit] | None, new_units: list[Unit] | None
) -> dict[int, tuple[int, float]]:
    """Old section -> (new section, score), best scores first, then the nearer place."""
    oh, oc = _section_profile(old, old_units)
    nh, nc = _section_profile(new, new_units)
    n_old, n_new = max(len(old.sections), 1), max(len(new.sections), 1)
    cands: list[tuple[float, int, int, int]] = []
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
            cands.append((score, min(abs(i - j), abs((n_old - i) - (n_new - j))), i, j))
    cands.sort(key=lambda t: (-t[0], t[1], t[2], t[3]))
    used_o: dict[int, tuple[int, float]] = {}
    used_n: set[int] = set()
    for score, _dist, i, j in cands:
        if i in used_o or j in used_n:
            continue
        used_o[i] = (j, score)
        used_n.add(j)
    return used_o


def _number_matches(
    old: Report, new: Report, used_o: dict[int, tuple[int, float]]
) -> tuple[list[SectionMatch], dict[int, int], dict[int, int]]:
    """Section matches in new-report order, removed sections placed before their successors."""
    # A matched pair whose order disagrees with the others of its level moved.
    in_order = in_order_pairs([(i, j, 1.0) for i, (j, _) in used_o.items()])
    matches: list[SectionMatch] = []
    of_old: dict[int, int] = {}
    of_new: dict[int, int] = {}
    old_by_new = {j: i for i, (j, _) in used_o.items()}
    pending_removed = sorted(set(range(len(old.sections))) - set(used_o))

    def flush_removed(upto: int) -> None:
        while pending_removed and pending_removed[0] < upto:
            r = pending_removed.pop(0)
            of_old[r] = len(matches)
            matches.append(SectionMatch(r, None, old.sections[r].title, "", 0.0, SectionStatus.REMOVED))

    for j, sn in enumerate(new.sections):
        hit = old_by_new.get(j)
        if hit is None:
            of_new[j] = len(matches)
            matches.append(SectionMatch(None, j, "", sn.title, 0.0, SectionStatus.NEW))
            continue
        i = hit
        flush_removed(i)
        so = old.sections[i]
        score = used_o[i][1]
        if (i, j) not in in_order:
            status = SectionStatus.MOVED
        elif key_of(so.heading) == key_of(sn.heading):
            status = SectionStatus.MATCHED
        else:
            status = SectionStatus.RENAMED
        of_old[i] = of_new[j] = len(matches)
        matches.append(SectionMatch(i, j, so.title, sn.title, round(score, 3), status))
    flush_removed(len(old.sections) + 1)
    return matches, of_old, of_new
