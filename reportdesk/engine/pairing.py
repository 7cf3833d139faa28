"""Greedy one-to-one pairing, shared by sentence alignment and target matching."""

from __future__ import annotations

from collections.abc import Iterable


def take_one_to_one(
    ranked: Iterable[tuple[float, int, int]], taken_a: set[int], taken_b: set[int]
) -> list[tuple[int, int, float]]:
    """Walk ``(score, a, b)`` candidates best first; keep a pair while neither side is taken.

    ``taken_a``/``taken_b`` hold what earlier passes already paired and are updated,
    so a caller's later pass sees these pairs too.
    """
    out: list[tuple[int, int, float]] = []
    for score, a, b in ranked:
        if a in taken_a or b in taken_b:
            continue
        taken_a.add(a)
        taken_b.add(b)
        out.append((a, b, score))
    return out
