"""Web-page extras left out of a comparison: the window says so and offers to keep them
(issue 13, item 7); the notice follows the options the comparison ran with."""

from __future__ import annotations

# ruff: noqa: F811 - pytest fixtures are imported from main_window_support
import pytest

from tests.conftest import CORPUS
from tests.ui.main_window_support import (  # noqa: F401 - fixtures
    LOAD_TIMEOUT,
    Btn,
    boxes,
    copy_reports,
    open_pair,
    settled,
    window,
)


@pytest.fixture
def sichuan(tmp_path) -> tuple[str, str]:
    """Sichuan 2025 and 2026: the 2026 text was copied from a web page (字体 大 中 小, 分享, 打印本页)."""
    return copy_reports(tmp_path, CORPUS, "sichuan", (2025, 2026), "四川{}.txt")


def _clutter_changes(w) -> list[str]:
    return [ch.new_text for ch in w.session.comparison.changes if "打印本页" in ch.new_text or "关闭窗口" in ch.new_text]


def test_declined_offer_leaves_them_out_and_is_not_repeated(qtbot, window, boxes, sichuan):
    w = window
    open_pair(qtbot, w, *sichuan)
    asked = [t for t in boxes.of("question") if "网页信息" in t]
    assert len(asked) == 1 and "忽略了 12 行网页信息" in asked[0]
    assert not w.actions_.keep_clutter.isChecked() and not w.settings.keep_clutter
    assert _clutter_changes(w) == []
    # Opened once more: the run remembers the answer.
    open_pair(qtbot, w, *sichuan)
    assert len([t for t in boxes.of("question") if "网页信息" in t]) == 1


def test_kept_they_are_compared_and_no_longer_told(qtbot, window, boxes, sichuan):
    w = window
    boxes.answers["question"] = Btn.Yes
    open_pair(qtbot, w, *sichuan)
    assert w.actions_.keep_clutter.isChecked() and w.settings.keep_clutter
    qtbot.waitUntil(lambda: settled(w) and w.session.comparison.options.keep_clutter, timeout=LOAD_TIMEOUT)
    assert _clutter_changes(w)
    # The menu item takes them out again.
    w.actions_.keep_clutter.setChecked(False)
    qtbot.waitUntil(lambda: settled(w) and not w.session.comparison.options.keep_clutter, timeout=LOAD_TIMEOUT)
    assert _clutter_changes(w) == []
