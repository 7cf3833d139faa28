"""Similarity of many sentence pairs at once (numpy), the same numbers as ``dice`` pair by pair.

Aligning two reports compares tens of thousands of sentence pairs; a Python call per pair
was most of a re-compare (issue 12).  Here the shared bigrams of every pair come from one
join of the two sides' bigram postings, and the scores from array arithmetic written in
the same order as the scalar code, so every float is bit-identical to it
(``tests/engine/test_align_identity.py``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache, lru_cache
from itertools import count
from typing import Any

Array = Any  # numpy arrays; numpy's own stubs make near-strict mypy noisy for little gain
Units = Sequence[Any]  # align.units.Unit (key, text, grams)


@cache
def numpy() -> Any:
    """numpy, imported on first use: a CLI run that aligns in a helper process never pays
    for the import (a tenth of a second) on its own path."""
    # The engine runs in its own process next to the window: a BLAS thread pool per core
    # would only fight the GUI for the two cores.  Must be set before numpy is imported.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    import numpy as np

    return np


# Bigram -> int for the whole process: the ids of a sentence stay valid across compares, so
# a re-compare after a keystroke finds them cached with the sentence.  It grows only by the
# distinct bigrams of texts compared in this process (a few hundred thousand at most).
# Only equal ids are ever matched (``shared_counts``), so an id need only be unique: each
# lookup draws the next number and a new bigram keeps it (``setdefault``, all in C; a
# Python call per new bigram was a third of a cold sentence's ids).
_GRAM_IDS: dict[str, int] = {}
_NEXT_ID = count()
_IDS_LOCK = threading.Lock()  # two compares in two threads must not give two bigrams one id


@lru_cache(maxsize=1 << 15)
def gram_ids(grams: frozenset[str]) -> Array:
    """The bigrams as ints, cached by the set (so, in effect, by the sentence)."""
    np = numpy()
    with _IDS_LOCK:
        return np.array(list(map(_GRAM_IDS.setdefault, grams, _NEXT_ID)), dtype=np.int64)


def _postings(units: Units) -> tuple[Array, Array]:
    """Bigram ids of all units end to end, and the unit (row) each one belongs to."""
    np = numpy()
    parts = [gram_ids(u.grams) for u in units]
    if not parts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    ids = np.concatenate(parts)
    rows = np.repeat(np.arange(len(units), dtype=np.int64), [len(p) for p in parts])
    return ids, rows


# Bounds on what one call holds at once: two large unrelated reports leave ~25k x 25k
# sentences over, and a dense matrix of them would be gigabytes.  Callers score the
# pairs in blocks of rows (``row_blocks``); the join of bigram postings is cut likewise.
CELL_BUDGET = 1 << 20  # cells of one block (an int64 matrix of 8 MB)
JOIN_BUDGET = 1 << 20  # (posting, posting) meetings joined at once (8 MB an array)


def row_blocks(n: int, m: int) -> list[tuple[int, int]]:
    """``range(n)`` in blocks of rows whose ``rows x m`` cells fit ``CELL_BUDGET``."""
    step = max(1, CELL_BUDGET // max(1, m))
    return [(a, min(n, a + step)) for a in range(0, n, step)]


def shared_counts(a: Units, b: Units) -> Array:
    """``len(a[i].grams & b[j].grams)`` for every i, j: an ``len(a) x len(b)`` int array."""
    np = numpy()
    n, m = len(a), len(b)
    a_ids, a_rows = _postings(a)
    b_ids, b_rows = _postings(b)
    out = np.zeros(n * m, dtype=np.int64)
    if not len(a_ids) or not len(b_ids):
        return out.reshape(n, m)
    order = np.argsort(b_ids, kind="stable")
    b_ids, b_rows = b_ids[order], b_rows[order]
    # each posting of a meets every posting of b with the same bigram
    first = np.searchsorted(b_ids, a_ids, side="left")
    reps = np.searchsorted(b_ids, a_ids, side="right") - first
    ends = np.cumsum(reps)
    lo = 0
    while lo < len(a_ids):
        hi = max(lo + 1, int(np.searchsorted(ends, ends[lo] - reps[lo] + JOIN_BUDGET, side="right")))
        r = reps[lo:hi]
        offset = np.arange(int(r.sum()), dtype=np.int64) - np.repeat(np.cumsum(r) - r, r)
        col = b_rows[np.repeat(first[lo:hi], r) + offset]
        out += np.bincount(np.repeat(a_rows[lo:hi], r) * m + col, minlength=n * m)
        lo = hi
    return out.reshape(n, m)


def _ids(values: list[str], ids: dict[str, int]) -> Array:
    np = numpy()
    return np.asarray([ids.setdefault(v, len(ids)) for v in values], dtype=np.int64)


def same_key_text(a: Units, b: Units) -> tuple[Array, Array]:
    """Boolean ``len(a) x len(b)`` arrays: equal comparison keys, equal text as written."""
    keys: dict[str, int] = {}
    texts: dict[str, int] = {}
    ka, kb = _ids([u.key for u in a], keys), _ids([u.key for u in b], keys)
    ta, tb = _ids([u.text for u in a], texts), _ids([u.text for u in b], texts)
    return ka[:, None] == kb[None, :], ta[:, None] == tb[None, :]


def gram_sizes(units: Units) -> Array:
    np = numpy()
    return np.asarray([len(u.grams) for u in units], dtype=np.int64)


def dice_matrix(a: Units, b: Units) -> Array:
    """``dice(a[i].grams, b[j].grams)`` for every pair, as float64 (0 where a side is empty)."""
    np = numpy()
    inter = shared_counts(a, b)
    size = gram_sizes(a)[:, None] + gram_sizes(b)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        out = 2.0 * inter / size
    return np.where(size > 0, out, 0.0)
