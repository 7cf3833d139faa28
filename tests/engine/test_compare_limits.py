"""compare() on large and degenerate input: finishes, stays exact, says when it is coarse."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest

from reportdesk.engine.comparison import pipeline as compare_module
from reportdesk.engine.comparison.pipeline import compare
from reportdesk.engine.diff import inline as diff_module
from reportdesk.engine.model import ChangeKind, PairKind
from reportdesk.engine.structure.build import report_from_text

from .conftest import report
from .test_compare_mutations import check_invariants


@pytest.fixture(autouse=True, scope="module")
def _no_target_layers() -> Iterator[None]:
    """Targets and key phrases are other layers over the diff; they only cost time here."""
    mp = pytest.MonkeyPatch()
    mp.setattr(compare_module, "match_targets", lambda old, new: [])
    mp.setattr(compare_module, "review_targets", lambda old, new: [])
    mp.setattr(compare_module, "compare_phrases", lambda old, new: compare_module.PhraseChanges())
    yield
    mp.undo()


def national() -> str:
    return report("national/2025.txt").text


def timed(old_text: str, new_text: str):
    a, b = report_from_text(old_text), report_from_text(new_text)
    t = time.perf_counter()
    c = compare(a, b)
    return c, time.perf_counter() - t


def test_report_pasted_many_times_with_one_edit():
    """~1 MB: repeated identical sections pair in order, so one edit is one change."""
    base = national()
    big = "\n".join([base] * 55)
    at = big.index("居民消费价格涨幅2%左右", len(big) // 2) + len("居民消费价格涨幅")
    edited = big[:at] + "3" + big[at + 1 :]
    c, secs = timed(big, edited)
    assert secs < 30, secs
    assert len(c.changes) == 1
    ch = c.changes[0]
    assert ch.kind is ChangeKind.REPLACE and (ch.old_text, ch.new_text) == ("2%左右", "3%左右")
    assert ch.old.start == at and c.stats.moved == 0 and c.stats.coarse == 0


def test_report_against_itself_pasted_twice():
    base = national()
    c, secs = timed(base, base + "\n" + base)
    assert secs < 10, secs
    check_invariants(c)
    # Every old sentence is found unchanged, nothing is deleted, and the new copy
    # is inserted text.  (Which copy of a section pairs is a tie: the pasted copy's
    # title lines land inside the first copy's last section, so for a few
    # sections the clean second copy wins.  Still a correct, minimal answer.)
    n = len(c.old.sentences())
    assert c.stats.deleted == 0 and c.stats.moved <= 3
    assert c.stats.equal + c.stats.moved == n and c.stats.inserted == n
    assert all(ch.kind in (ChangeKind.INSERT, ChangeKind.MOVE) for ch in c.changes)
    assert all(ch.old_text == ch.new_text for ch in c.changes if ch.kind is ChangeKind.MOVE)


def no_punctuation(n: int = 50_000) -> str:
    flat = re.sub(r"[\W_]+", "", national())  # one sentence of letters and digits
    return (flat * (n // len(flat) + 1))[:n]


def test_one_word_changed_in_a_sentence_of_50000_characters():
    flat = no_punctuation()
    mid = len(flat) // 2
    edited = flat[:mid] + "改革" + flat[mid + 2 :]
    c, secs = timed(flat, edited)
    assert secs < 10, secs
    check_invariants(c)
    assert len(c.changes) == 1 and c.changes[0].kind is ChangeKind.REPLACE
    assert c.changes[0].old.start <= mid < c.changes[0].old.end <= mid + 10
    assert not any(p.coarse for p in c.pairs) and c.stats.coarse == 0


def test_scattered_edits_in_a_huge_sentence_are_coarse_and_say_so():
    flat = no_punctuation()
    edited = "".join("变" if i % 97 == 0 else ch for i, ch in enumerate(flat))
    c, secs = timed(flat, edited)
    assert secs < 10, secs
    check_invariants(c)
    (pair,) = c.pairs
    assert pair.coarse and c.stats.coarse == 1
    # Coarse means one delete + insert between the shared head and tail, never a wrong diff.
    assert [op.op for op in pair.ops if op.op != "equal"] == ["delete", "insert"]
    assert len(c.changes) == 1 and c.changes[0].kind is ChangeKind.REPLACE


def test_guardrail_is_recorded_not_silent():
    old, new = report("national/2024.txt"), report("national/2025.txt")
    assert compare(old, new).stats.coarse == 0
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(diff_module, "MAX_TOKENS", 12)
        c = compare(old, new)
    check_invariants(c)
    coarse = [p for p in c.pairs if p.coarse]
    assert coarse and c.stats.coarse == len(coarse)
    assert all(p.kind in (PairKind.CHANGED, PairKind.MOVED) for p in coarse)


@pytest.mark.parametrize("empty_old", [True, False])
def test_empty_report_against_a_full_one(empty_old):
    text = national()
    c, secs = timed("" if empty_old else text, text if empty_old else "")
    assert secs < 5, secs
    check_invariants(c)
    kind = ChangeKind.INSERT if empty_old else ChangeKind.DELETE
    assert c.changes and all(ch.kind is kind for ch in c.changes)
    side = "new_text" if empty_old else "old_text"
    assert "".join(getattr(ch, side) for ch in c.changes) == "".join(s.text for s in report_from_text(text).sentences())


def test_two_empty_reports():
    c, _ = timed("", "")
    assert c.changes == () and c.pairs == ()
    assert c.stats.similarity == 1.0


def test_identical_reports_are_quick_and_quiet():
    text = national()
    c, secs = timed(text, text)
    assert secs < 2, secs
    assert c.changes == () and all(p.kind is PairKind.EQUAL for p in c.pairs)


def test_many_reports_in_another_order_rebuild_quickly():
    """Six reports against the same six reversed: many moves and big gaps, exact script, seconds."""
    texts = [report(f"national/{y}.txt").text for y in range(2019, 2025)]
    c, secs = timed("\n".join(texts), "\n".join(reversed(texts)))
    t = time.perf_counter()
    check_invariants(c)  # includes document_ops rebuilding both texts
    assert secs + time.perf_counter() - t < 20, secs
    assert c.stats.moved > 0


def test_linear_walk_for_huge_gaps_is_exact():
    """document_ops' guardrail for huge gaps still rebuilds both texts exactly."""
    from reportdesk.engine.diff import document as merge

    c = compare(report("national/2024.txt"), report("national/2025.txt"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(merge, "_REGION_CELLS", 0)
        check_invariants(c)
