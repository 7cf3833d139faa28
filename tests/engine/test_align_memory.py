"""The leftover and rescue passes score sentence pairs in bounded blocks (``vector.row_blocks``):
two large unrelated reports (25k sentences a side) must not build a dense 25k x 25k matrix."""

from __future__ import annotations

import json
import random
import tracemalloc
from pathlib import Path

import pytest

from reportdesk.engine.align import aligner
from reportdesk.engine.align import vector as vec
from reportdesk.engine.align.units import Unit, sentence_form
from reportdesk.engine.model import CompareOptions, Span
from tests.engine.test_align_identity import FIXTURE, _key, alignment_digest

PEAK_BOUND = 160 * 1024**2  # dense, the 4000 x 4000 passes below held ~800 MB; in blocks ~60 MB


def _units(seed: int, n: int) -> list[Unit]:
    rng = random.Random(seed)
    pool = [chr(0x4E00 + k) for k in range(400)]
    out = []
    for i in range(n):
        text = "".join(rng.choice(pool) for _ in range(24)) + "。"
        key, grams = sentence_form(text)
        out.append(Unit(i, Span(i * 25, i * 25 + 25), i, 0, "body", key, grams, text, 3))
    return out


def _peak(fn: object) -> int:
    assert callable(fn)
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.fixture(scope="module")
def unrelated() -> tuple[list[Unit], list[Unit]]:
    vec.numpy()  # imported before tracing: its import is no part of the peak
    return _units(1, 4000), _units(2, 4000)


def test_leftovers_of_large_unrelated_reports_stay_in_bounded_memory(unrelated: tuple[list[Unit], list[Unit]]) -> None:
    old, new = unrelated
    pred = [float(u.index) for u in old]
    found: list[tuple[int, int, float]] = []
    peak = _peak(lambda: found.extend(aligner._leftover_round(old, new, set(), set(), 0.5, pred)))
    assert peak < PEAK_BOUND, peak
    assert found == []  # random sentences: nothing similar enough to pair


def test_rescue_of_large_unrelated_reports_stays_in_bounded_memory(unrelated: tuple[list[Unit], list[Unit]]) -> None:
    old, new = unrelated
    st = aligner._Pairing(old, new, {0, 1}, {0, 1}, aligner.Joins())
    weak = {(0, 1): 0.3, (1, 0): 0.2}
    found: list[tuple[float, int, int]] = []
    peak = _peak(lambda: found.extend(aligner._rescue_candidates(st, weak, 0.5)))
    assert peak < PEAK_BOUND, peak


@pytest.mark.parametrize(
    "old_rel, new_rel",
    [("docx/2025_anhui.docx", "docx/2025_beijing.docx"), ("national/2025.txt", "hailar/2019.txt"), ("national/2023.txt", "national/2024.txt")],
)
def test_tiny_blocks_give_the_recorded_alignment(monkeypatch: pytest.MonkeyPatch, old_rel: str, new_rel: str) -> None:
    # Blocks of a few rows and joins of a few postings: the same pairs, bit for bit.
    monkeypatch.setattr(vec, "CELL_BUDGET", 97)
    monkeypatch.setattr(vec, "JOIN_BUDGET", 61)
    expected = json.loads(Path(FIXTURE).read_text(encoding="utf-8"))
    for moves in (True, False):
        assert alignment_digest(old_rel, new_rel, CompareOptions(detect_moves=moves)) == expected[_key(old_rel, new_rel, moves)]
