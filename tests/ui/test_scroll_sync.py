from __future__ import annotations

import pytest

from reportdesk.engine.model import PairKind
from reportdesk.ui.scroll_sync import interpolate, normalize_anchors


def test_normalize_anchors_adds_ends_and_drops_non_monotone() -> None:
    a = normalize_anchors([(10, 12), (8, 30), (20, 25)], 100, 120)
    assert a == [(0, 0), (10, 12), (20, 25), (100, 120)]
    assert interpolate(a, 15, 0) == pytest.approx(18.5)
    assert interpolate(a, 18.5, 1) == pytest.approx(15)


def _pairs_in_middle(c):
    """Aligned sentence pairs from the middle of the report (anchor points)."""
    anchors = set(c.anchors)
    out = [
        p
        for p in c.pairs
        if p.kind in (PairKind.CHANGED, PairKind.EQUAL) and (p.old.start, p.new.start) in anchors
    ]
    return out[len(out) // 4 : len(out) * 3 // 4 : 7]


@pytest.mark.parametrize("leader", [0, 1])
def test_scrolled_pair_stays_side_by_side(view, national, leader) -> None:
    panes = (view.old_editor(), view.new_editor())
    pairs = _pairs_in_middle(national)
    assert len(pairs) >= 3
    for p in pairs:
        spans = (p.old, p.new)
        panes[leader].scroll_to_offset(spans[leader].start)
        follower = panes[1 - leader]
        expected = follower.y_for_offset(spans[1 - leader].start)
        assert abs(follower.verticalScrollBar().value() - expected) <= 3, p


def test_inside_a_chunk_both_panes_move_in_proportion(view, national) -> None:
    old, new = view.old_editor(), view.new_editor()
    anchors = view.sync.anchors()
    # A chunk a few lines tall on both sides, of different heights, mid-report.
    for k in range(len(anchors) // 3, len(anchors) - 1):
        (o0, n0), (o1, n1) = anchors[k], anchors[k + 1]
        oy0, oy1 = old.y_for_offset(o0), old.y_for_offset(o1)
        ny0, ny1 = new.y_for_offset(n0), new.y_for_offset(n1)
        if oy1 - oy0 > 60 and ny1 - ny0 > 60 and abs((oy1 - oy0) - (ny1 - ny0)) > 20:
            break
    else:
        pytest.fail("no multi-line chunk")
    for t in (0.25, 0.5, 0.75):
        old.verticalScrollBar().setValue(round(oy0 + t * (oy1 - oy0)))
        got = (new.verticalScrollBar().value() - ny0) / (ny1 - ny0)
        assert got == pytest.approx(t, abs=0.05)


def test_follower_does_not_echo_back(view) -> None:
    old, new = view.old_editor(), view.new_editor()
    seen: list[int] = []
    old.verticalScrollBar().valueChanged.connect(seen.append)
    new.verticalScrollBar().setValue(2000)
    assert len(seen) == 1  # the old pane followed once and did not trigger a loop


def test_end_of_document_reaches_both_ends(view) -> None:
    old, new = view.old_editor(), view.new_editor()
    new.verticalScrollBar().setValue(new.verticalScrollBar().maximum())
    assert old.verticalScrollBar().value() >= old.verticalScrollBar().maximum() - 3


def test_resize_keeps_the_pair_aligned(qtbot, view, national) -> None:
    old, new = view.old_editor(), view.new_editor()
    p = _pairs_in_middle(national)[1]
    new.scroll_to_offset(p.new.start)
    before = new.verticalScrollBar().value()
    view.resize(800, 600)  # narrower: every paragraph rewraps

    def aligned() -> None:
        assert new.verticalScrollBar().value() != before  # the text moved down the page …
        assert abs(new.offset_at_top() - p.new.start) < 2  # … and the draft kept its place
        assert abs(old.verticalScrollBar().value() - old.y_for_offset(p.old.start)) <= 3

    qtbot.waitUntil(aligned, timeout=2000)
