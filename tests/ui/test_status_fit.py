"""English mode at 1280×720: the status bar's counts fit and the targets' 变化 cells say the
change itself (issue 13, item 6 remainder)."""

from __future__ import annotations

# ruff: noqa: F811 - pytest fixtures are imported from main_window_support
from reportdesk.engine import target_counts
from reportdesk.ui.target_table import gist
from tests.ui.main_window_support import (  # noqa: F401 - fixtures
    boxes,
    open_pair,
    pair,
    window,
)


def test_gist_leaves_what_the_value_columns_say() -> None:
    assert gist("由3%左右调整为2%左右；降低1个百分点") == "降低1个百分点"
    assert gist("由1.3万亿斤以上调整为1.4万亿斤左右；提高1000亿斤；由“以上”改为“左右”") == (
        "提高1000亿斤；由“以上”改为“左右”"
    )
    assert gist("保持5%左右不变") == ""


def test_counts_fit_the_status_bar_at_1280(qtbot, window, pair):
    w = window
    w.resize(1280, 720)
    w.show()
    qtbot.waitExposed(w)
    open_pair(qtbot, w, *pair)
    c = w.session.comparison
    label = w.counts_label
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width())  # laid out, not cut
    # The secondary counts are in the tooltip, the whole line.
    n = target_counts(c)
    tip = label.toolTip()
    assert f"Target changes: {n.target_changes} ({n.target_edits} edits)" in tip
    assert f"New phrases: {len(c.phrases.added)}" in tip
    assert "New phrases" not in label.text()


def test_a_wide_window_shows_the_whole_line(qtbot, window, pair):
    w = window
    w.resize(1920, 1080)
    w.show()
    qtbot.waitExposed(w)
    open_pair(qtbot, w, *pair)
    label = w.counts_label
    qtbot.waitUntil(lambda: "New phrases" in label.text() and label.width() >= label.sizeHint().width())
    w.resize(1280, 720)
    qtbot.waitUntil(lambda: "New phrases" not in label.text() and label.width() >= label.sizeHint().width())
