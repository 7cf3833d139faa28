"""Issue 10 in the real window: the demo's GDP 5%→6% draft edit, and one set of counts.

The targets panel shows 国内生产总值 raised from 5%左右 to 6%左右; the restatement
经济增长预期目标为5%左右 left in the draft is a 提示 in the change list; the status
bar, the change list and the exported review document give the same counts.
"""
# ruff: noqa: F811 - pytest fixtures are imported from main_window_support

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reportdesk.engine import target_counts, target_rows
from reportdesk.export.docx_review import ExportOptions, export_review
from reportdesk.resources import resource_path
from reportdesk.ui.target_table import CHANGE_ROLE
from tests.export.docx_read import W, comments, part, tables
from tests.ui.main_window_support import (  # noqa: F401 - fixtures
    LOAD_TIMEOUT,
    boxes,
    open_pair,
    select,
    settled,
    type_text,
    window,
)

MAIN = "国内生产总值增长5%左右"
RESTATED = "经济增长预期目标为5%左右"


@pytest.fixture
def samples(tmp_path) -> tuple[str, str]:
    """Copies of the demo's 2024 and 2025 reports (resources/samples)."""
    folder = tmp_path / "samples"
    folder.mkdir()
    out = []
    for year in (2024, 2025):
        name = f"{year}年政府工作报告.txt"
        shutil.copy(Path(resource_path("samples", name)), folder / name)
        out.append(str(folder / name))
    return out[0], out[1]


def _gdp_to_six(qtbot, w) -> None:
    text = w.view.new_text()
    assert text.count(MAIN) == 1 and RESTATED in text
    i = text.index(MAIN) + len("国内生产总值增长")
    select(w, i, i + 1)
    with qtbot.waitSignal(w.drafting.applied, timeout=LOAD_TIMEOUT):
        type_text(w, None, "6")
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert "国内生产总值增长6%左右" in w.view.new_text()


def _row(panel, indicator: str) -> int:
    for r in range(panel.proxy.rowCount()):
        if panel.proxy.index(r, 0).data() == indicator:
            return r
    raise AssertionError(f"no row for {indicator}: {panel.visible_indicators()}")


def test_gdp_six_percent_is_raised_and_the_restatement_is_a_hint(qtbot, window, samples):
    w = window
    open_pair(qtbot, w, *samples)
    assert w.navigator.visible_hints() == []
    _gdp_to_six(qtbot, w)
    c = w.session.comparison
    # The panel: one 国内生产总值 row, raised from 5%左右 to 6%左右 (the restatement took no pair).
    panel = w.targets
    assert panel.visible_indicators().count("国内生产总值") == 1
    r = _row(panel, "国内生产总值")
    cells = [panel.proxy.index(r, k).data() for k in range(panel.proxy.columnCount())]
    assert cells[1] == "5%左右" and cells[3] == "6%左右"
    assert panel.proxy.index(r, 4).data(CHANGE_ROLE) == "raised"
    # The cell gives the change the value columns do not (提高1个百分点); the tooltip the whole wording.
    assert cells[4].startswith("▲") and "提高1个百分点" in cells[4] and "调整为" not in cells[4]
    assert "由5%左右调整为6%左右" in panel.proxy.index(r, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert cells[5] == "Main target"
    assert not any(i.startswith("经济增长") for i in panel.visible_indicators())
    # The verdict on last year's 5% rests on two quotes, shown in the tooltip.
    tip = panel.proxy.index(r, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert "国内生产总值增长5%左右" in tip and "Verdict" in tip
    # The 提示: shown above the table and as a row of the change list that marks both statements.
    assert c.hints and c.hints[0].indicator == "国内生产总值"
    assert panel.hint_label.isVisibleTo(panel) and "前后不一致" in panel.hint_label.text()
    hints = w.navigator.visible_hints()
    assert [h.indicator for h in hints] == ["国内生产总值"]
    w.navigator.set_filter("hint")
    assert w.navigator.proxy.rowCount() == 1
    w.navigator.view.setCurrentIndex(w.navigator.proxy.index(0, 0))  # what a click does
    marked = w.view.new_editor().marked()
    text = w.view.new_text()
    assert [text[s:e] for s, e in marked] == ["国内生产总值增长6%左右", RESTATED]
    assert w.view.new_editor().span_visible(*marked[0])


def _doc_text(path: Path) -> str:
    body = part(path, "word/document.xml").find(W + "body")
    return "".join(t.text or "" for t in body.iter(W + "t"))


def test_counts_agree_in_status_bar_change_list_and_document(qtbot, window, samples, tmp_path):
    w = window
    open_pair(qtbot, w, *samples)
    _gdp_to_six(qtbot, w)
    c = w.session.comparison
    n = target_counts(c)
    assert n.target_changes and n.target_edits and n.number_edits and n.hints == 1
    status = w.counts_label.toolTip()  # the whole line; the label shows the main counts
    assert f"Target changes: {n.target_changes} · " in w.counts_label.text()
    assert f"Target changes: {n.target_changes} ({n.target_edits} edits)" in status
    assert f"Number edits: {n.number_edits}" in status and "Hints: 1" in status
    kinds = w.navigator.kind_counts()
    assert kinds.get("target") == n.target_edits and kinds.get("number") == n.number_edits
    assert kinds.get("hint") == 1
    w.navigator.set_filter("target")
    assert len(w.navigator.visible_ids()) == n.target_edits
    w.navigator.set_filter("number")
    assert len(w.navigator.visible_ids()) == n.number_edits
    assert f"Target changes: {n.target_changes} of {n.headline}" in w.targets.count_label.text()

    path = export_review(c, tmp_path / "review.docx", ExportOptions(form="both"))
    text = _doc_text(path)
    assert f"目标变化{n.target_changes}项" in text
    assert f"涉及目标的修改{n.target_edits}处" in text and f"数字修改{n.number_edits}处" in text
    # The document's target tables hold the panel's rows: main and named, then task quantities.
    found = [t for t in tables(path) if [cell.text for cell in t[0]] == ["指标", "上年目标", "上年实际", "本年目标", "变化"]]
    doc_rows = [row[0].text for t in found for row in t[1:]]
    assert doc_rows == [row.indicator for row in target_rows(c)]
    assert len(doc_rows) == w.targets.model.rowCount()
    assert [row[0].text for row in found[0][1:]] == [row.indicator for row in target_rows(c) if row.headline]
    # One comment for the 提示, on the draft's own statement.
    hint_notes = [f for f in comments(path) if f.text.startswith("提示：")]
    assert len(hint_notes) == 1 and hint_notes[0].anchored_accept == "国内生产总值增长6%左右"
