from __future__ import annotations

from reportdesk.ui.legend import LegendBar, sample_html
from reportdesk.ui.palette import DELETED, INSERTED, MOVED, TARGET


def test_each_mark_has_a_non_colour_cue() -> None:
    assert "line-through" in sample_html("删除", DELETED)
    assert "underline" in sample_html("新增", INSERTED)
    assert "font-weight:bold" in sample_html("目标", TARGET)
    assert "⇅" in sample_html("移动", MOVED)


def test_legend_shows_four_entries(qtbot) -> None:
    bar = LegendBar()
    qtbot.addWidget(bar)
    assert len(bar.labels) == 4
    assert "Deleted" in bar.labels[0].text() or "删除" in bar.labels[0].text()
