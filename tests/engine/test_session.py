"""The live session: a keystroke's fast path, then the exact pass, equal a full compare."""

from __future__ import annotations

import random
import threading

import pytest

from reportdesk.engine import compare, report_from_text
from reportdesk.engine.session import (
    DraftEdit,
    SessionLost,
    apply_delta,
    line_edit,
    live_close,
    live_edit,
    live_exact,
    live_start,
    remap_line,
    screen_of,
    unpack_comparison,
)
from reportdesk.engine.session import live as live_mod
from reportdesk.engine.session.ranges import DELETED, INSERTED, TARGET
from tests.engine.conftest import report

PAIRS = [("hailar/2018.txt", "hailar/2019.txt"), ("national/2024.txt", "national/2025.txt")]
CHARS = "的和发展经济增长5%，。、"


def _draft(base, text: str):
    return report_from_text(text, path=base.path, title=base.title, year=base.year)


def _random_edit(rng: random.Random, lines: list[str]) -> list[str]:
    """One keystroke somewhere: a character typed, deleted or replaced; now and then Enter."""
    li = rng.randrange(len(lines))
    line = lines[li]
    p = rng.randrange(len(line) + 1)
    kind = rng.choice(["type", "type", "delete", "replace", "enter"])
    ch = rng.choice(CHARS)
    if kind == "enter":
        return [*lines[:li], line[:p], line[p:], *lines[li + 1 :]]
    if kind == "delete":
        line = line[:p] + line[p + 1 :]
    elif kind == "replace":
        line = line[:p] + ch + line[p + 1 :]
    else:
        line = line[:p] + ch + line[p:]
    return [*lines[:li], line, *lines[li + 1 :]]


@pytest.mark.parametrize(("old_rel", "new_rel"), PAIRS)
def test_fast_then_exact_equals_full_compare(old_rel: str, new_rel: str) -> None:
    old, base = report(old_rel), report(new_rel)
    new = _draft(base, base.text)
    screen = live_start("t", compare(old, new))
    lines = new.text.split("\n")
    rng = random.Random(f"{old_rel}{new_rel}")
    fast_right = total = base_rev = 0
    try:
        for rev in range(1, 9):
            burst = 1 + rev % 3  # several keystrokes, then one exact pass
            for k in range(burst):
                after = _random_edit(rng, lines)
                screen = apply_delta(screen, live_edit("t", line_edit(lines, after, rev * 10 + k, base_rev)))
                lines, base_rev = after, rev * 10 + k
            full = screen_of(compare(old, _draft(base, "\n".join(lines))))
            total += 1
            fast_right += screen == full
            delta = live_exact("t", rev * 10 + burst - 1)
            assert delta is not None and delta.exact and delta.packed
            screen = apply_delta(screen, delta)
            assert screen == full, f"edit {rev}: the screen after both passes differs from a full compare"
    finally:
        live_close("t")
    # The fast path alone is right most of the time (it never stays wrong: see above).
    assert fast_right >= total // 2


def test_exact_pass_overtaken_by_edits_replays_them(monkeypatch: pytest.MonkeyPatch) -> None:
    old, base = report("hailar/2018.txt"), report("hailar/2019.txt")
    new = _draft(base, base.text)
    screen = live_start("r", compare(old, new))
    lines = new.text.split("\n")
    rng = random.Random(3)
    first = _random_edit(rng, lines)
    screen = apply_delta(screen, live_edit("r", line_edit(lines, first, 1)))
    second = _random_edit(rng, first)
    real = live_mod.compare
    sent: list = []

    def typing_meanwhile(o, n, opts, **kw):  # noqa: ANN001, ANN003, ANN202
        sent.append(live_edit("r", line_edit(first, second, 2, 1)))  # arrives while revision 1 compares
        return real(o, n, opts, **kw)

    counted: list = []
    real_phrases = live_mod.compare_phrases
    monkeypatch.setattr(live_mod, "compare_phrases", lambda o, n: counted.append(n) or real_phrases(o, n))
    monkeypatch.setattr(live_mod, "compare", typing_meanwhile)
    try:
        rebased = live_exact("r", 1)
        monkeypatch.setattr(live_mod, "compare", real)
        assert rebased is not None and not rebased.exact and not rebased.packed
        assert counted == []  # an overtaken pass sends no comparison: no phrases counted for it
        screen = apply_delta(apply_delta(screen, sent[0]), rebased)  # in the order of their numbers
        assert live_exact("r", 1) is None  # superseded: revision 2 has its own pass
        final = live_exact("r", 2)
        assert final is not None and final.exact and final.seq == rebased.seq + 1 and len(counted) == 1
        screen = apply_delta(screen, final)
        full = compare(old, _draft(base, "\n".join(second)))
        assert screen == screen_of(full)
        # The comparison travels in pieces without the older report; rebuilt, it is the same.
        assert unpack_comparison(final.packed, old) == full
    finally:
        live_close("r")


def test_an_exact_pass_asked_before_its_edit_arrives_waits_for_it() -> None:
    # The edit (fast path) and its exact pass run on threads of their own: the pass may start
    # first.  It must compare the edited text and bring the comparison, not the text before.
    old, base = report("hailar/2018.txt"), report("hailar/2019.txt")
    new = _draft(base, base.text)
    live_start("w", compare(old, new))
    lines = new.text.split("\n")
    edited = _random_edit(random.Random(5), lines)
    got: list = []
    worker = threading.Thread(target=lambda: got.append(live_exact("w", 1)))
    try:
        worker.start()
        worker.join(timeout=0.2)  # the pass is waiting: its edit has not arrived
        assert worker.is_alive() and not got
        live_edit("w", line_edit(lines, edited, 1))
        worker.join(timeout=120)
        final = got[0]
        assert final is not None and final.exact and final.packed
        assert unpack_comparison(final.packed, old) == compare(old, _draft(base, "\n".join(edited)))
    finally:
        worker.join(timeout=120)
        live_close("w")


def test_lost_session_says_so() -> None:
    with pytest.raises(SessionLost):
        live_edit("nobody", DraftEdit(1, 0, 1, ("x",)))
    with pytest.raises(SessionLost):
        live_exact("nobody", 1)


def test_line_edit_is_the_smallest_run() -> None:
    assert line_edit(["a", "b", "c"], ["a", "bx", "c"], 5) == DraftEdit(5, 1, 1, ("bx",))
    assert line_edit(["a", "bc", "d"], ["a", "b", "c", "d"], 1) == DraftEdit(1, 1, 1, ("b", "c"))
    assert line_edit(["a", "a"], ["a"], 1) == DraftEdit(1, 1, 1, ())


def test_remap_keeps_marks_around_the_edit_and_marks_typed_text() -> None:
    ranges = ((0, 2, DELETED), (4, 6, TARGET))
    assert remap_line(ranges, "abcdef", "abXcdef") == ((0, 2, DELETED), (2, 3, INSERTED), (5, 7, TARGET))
    assert remap_line(ranges, "abcdef", "abcdf") == ((0, 2, DELETED), (4, 5, TARGET))
    assert remap_line(ranges, "abcdef", "abcdef") == ranges


def test_an_edit_computed_against_another_text_is_refused() -> None:
    """A session replaced under the window (a whole re-compare with the same id) while an
    edit of the older one was on its way: its line numbers fit, its text does not
    (the reviewer's sim_restart).  The session refuses it, and the exact pass after it,
    instead of marking another text exact."""
    old, base = report("national/2024.txt"), report("national/2025.txt")
    lines = base.text.split("\n")
    k = 40
    split = [*lines[:k], lines[k][:10], lines[k][10:], *lines[k + 1 :]]  # Enter, sent to the old session
    typed = [*split[: k + 1], "新增内容" + split[k + 1], *split[k + 2 :]]  # computed against ``split``
    live_start("s", compare(old, base), revision=5)  # the re-compare of revision 5 (``lines``)
    try:
        with pytest.raises(SessionLost):
            live_edit("s", line_edit(split, typed, 7, 6))
        with pytest.raises(SessionLost):  # the catch-up edit: the window starts afresh instead
            live_edit("s", line_edit(lines, typed, 8, 5))
        with pytest.raises(SessionLost):
            live_exact("s", 8)
    finally:
        live_close("s")


def test_an_edit_on_the_sessions_own_revision_applies() -> None:
    old, base = report("hailar/2018.txt"), report("hailar/2019.txt")
    lines = base.text.split("\n")
    edited = [*lines[:3], lines[3] + "稳就业", *lines[4:]]
    live_start("o", compare(old, base), revision=5)
    try:
        d = live_edit("o", line_edit(lines, edited, 6, 5))
        assert d.revision == 6 and not d.exact
        final = live_exact("o", 6)
        assert final is not None and final.exact
        assert unpack_comparison(final.packed, old).new.text == "\n".join(edited)
    finally:
        live_close("o")
