from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from reportdesk.engine.load.loader import load_report
from reportdesk.engine.targets.series import target_series
from reportdesk.ui.compare_view import CompareView
from reportdesk.ui.targets_panel import TargetsPanel


@pytest.fixture
def panel(qtbot, national):
    p = TargetsPanel()
    qtbot.addWidget(p)
    p.resize(600, 400)
    p.show()
    p.set_comparison(national)
    return p


def _row_of(panel, indicator):
    for r in range(panel.proxy.rowCount()):
        if panel.proxy.index(r, 0).data() == indicator:
            return r
    raise AssertionError(indicator)


def test_table_shows_each_target_change(panel, national) -> None:
    assert panel.proxy.rowCount() == len(national.target_changes) > 0
    cpi = next(tc for tc in national.target_changes if tc.indicator == "居民消费价格涨幅")
    r = _row_of(panel, cpi.indicator)
    cells = [panel.proxy.index(r, c).data() for c in range(5)]
    assert cells[1] == "3%左右" and cells[3] == "2%左右"  # the 2024 → 2025 CPI target
    assert "0.2%" in cells[2]  # last year's actual from the 2025 report
    assert cells[4].startswith("▼")  # lowered: a symbol beside the colour
    assert panel.proxy.index(r, 4).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_filter_and_search(panel, national) -> None:
    panel.set_filter("changed")
    assert panel.proxy.rowCount() == sum(1 for tc in national.target_changes if tc.change != "unchanged")
    panel.set_filter("lowered")
    assert panel.visible_indicators() == [tc.indicator for tc in national.target_changes if tc.change.startswith("lowered")]
    panel.set_filter("", "失业")
    assert panel.visible_indicators() and all("失业" in i for i in panel.visible_indicators())


def test_sorting_by_target_value_is_numeric(panel) -> None:
    panel.table.sortByColumn(3, Qt.SortOrder.AscendingOrder)
    values = [panel.proxy.index(r, 3).data(Qt.ItemDataRole.UserRole) for r in range(panel.proxy.rowCount())]
    assert values == sorted(values)


def test_row_jumps_to_the_sentences(qtbot, panel, national) -> None:
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.show()
    view.set_texts(national.old.text, national.new.text, "2024", "2025")
    assert view.set_comparison(national)
    got = []
    panel.target_activated.connect(lambda o, n: got.append((o, n)))
    panel.target_activated.connect(view.show_target)
    tc = next(tc for tc in national.target_changes if tc.indicator == "粮食产量")
    panel.table.setCurrentIndex(panel.proxy.index(_row_of(panel, tc.indicator), 0))
    assert got == [(tc.old.start, tc.new.start)]
    assert view.old_editor().span_visible(tc.old.start, tc.old.end)
    assert view.new_editor().span_visible(tc.new.start, tc.new.end)
    assert view.new_editor().marked() == [(tc.new.start, tc.new.end)]
    new_only = next(tc for tc in national.target_changes if tc.change == "new")
    panel.table.setCurrentIndex(panel.proxy.index(_row_of(panel, new_only.indicator), 0))
    assert got[-1] == (-1, new_only.new.start)


def test_year_picker_and_series(qtbot, corpus_dir) -> None:
    p = TargetsPanel()
    qtbot.addWidget(p)
    years = [2022, 2023, 2024, 2025]
    p.set_years(years, 2)
    assert not p.year_box.isHidden()
    assert p.year_box.currentText().startswith("2024") and p.year_box.count() == 3
    with qtbot.waitSignal(p.pair_requested) as sig:
        p.year_box.setCurrentIndex(0)
    assert sig.args == [0]
    reports = [load_report(corpus_dir / "national" / f"{y}.txt") for y in years]
    p.set_series(target_series(reports))
    assert p.tabs.isTabEnabled(1)
    p.indicator_box.setCurrentText("国内生产总值")
    rows = p.series_rows()
    assert [r[0] for r in rows] == [str(y) for y in years]
    assert all("5%" in r[1] for r in rows[1:])  # 5% 左右 in 2023, 2024 and 2025


def test_series_from_plain_mapping(qtbot) -> None:
    p = TargetsPanel()
    qtbot.addWidget(p)
    p.set_years([2024, 2025], 0)
    assert p.year_box.isHidden()  # two reports: no picker
    p.set_series({"粮食产量": {2025: ("1.4万亿斤左右", ""), 2024: ("1.3万亿斤以上", "1.4万亿斤", "met")}})
    assert p.series_rows()[0][:3] == ("2024", "1.3万亿斤以上", "1.4万亿斤")
    assert p.series_rows()[1][0] == "2025"


def test_rows_are_the_documents_and_tiers_come_in_order(panel, national) -> None:
    from reportdesk.engine import TargetTier, target_counts, target_rows

    rows = target_rows(national)
    assert panel.visible_indicators() == [r.indicator for r in rows]
    order = {TargetTier.MAIN: 0, TargetTier.NAMED: 1, TargetTier.TASK: 2}
    assert [order[r.tier] for r in rows] == sorted(order[r.tier] for r in rows)
    assert {cells[5] for cells in panel.visible_rows()} <= {"Main target", "Named target", "Task quantity"}
    n = target_counts(national)
    panel.set_filter(tier="headline")
    assert panel.proxy.rowCount() == n.headline
    panel.set_filter(tier="task")
    assert panel.proxy.rowCount() == n.task
    assert all(cells[5] == "Task quantity" for cells in panel.visible_rows())
    panel.set_filter("changed", tier="headline")
    assert panel.proxy.rowCount() == n.target_changes
    assert f"Target changes: {n.target_changes} of {n.headline}" in panel.count_label.text()


def test_verdict_shows_both_quotes(panel, national) -> None:
    from reportdesk.engine import ReviewStatus

    rv = next(r for r in national.target_review if r.status is ReviewStatus.MET and r.actual is not None)
    r = next(i for i in range(panel.proxy.rowCount()) if panel.proxy.index(i, 1).data() and
             panel.model.row(panel.proxy.mapToSource(panel.proxy.index(i, 0)).row()).review == rv)
    tip = panel.proxy.index(r, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert f"“{rv.target_quote}”" in tip and f"“{rv.actual_quote}”" in tip
    panel.table.setCurrentIndex(panel.proxy.index(r, 0))
    assert rv.target_quote in panel.detail_label.text() and rv.actual_quote in panel.detail_label.text()
