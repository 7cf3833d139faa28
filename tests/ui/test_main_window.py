"""The real main window, offscreen: opening, navigating, errors, series, drops, export."""
# ruff: noqa: F811 - pytest fixtures are imported from main_window_support

from __future__ import annotations

import re
import shutil

import pytest
from PySide6.QtCore import Qt

from reportdesk.app.settings import Settings
from reportdesk.engine.model import ChangeKind
from reportdesk.ui.main_window import MainWindow
from tests.ui.main_window_support import (  # noqa: F401 - fixtures
    LOAD_TIMEOUT,
    boxes,
    make_window,
    open_pair,
    pair,
    save_dialog,
    settled,
    window,
)

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_open_pair_shows_comparison(qtbot, window, pair):
    w = window
    assert not w.actions_.next_change.isEnabled()
    open_pair(qtbot, w, *pair)
    c = w.session.comparison
    assert c.old.year == 2024 and c.new.year == 2025
    assert w.view.old_editor().toPlainText() == c.old.text
    assert w.view.new_text() == c.new.text
    assert w.menus.caption.text() == "2024 report ⇄ 2025 report (draft)"  # tests run untranslated
    assert len(w.navigator.visible_ids()) == len(c.changes) > 100
    moves = sum(ch.kind is ChangeKind.MOVE for ch in c.changes)
    assert f"Moves: {moves}" in w.counts_label.text()
    assert f"Edits: {len(c.changes) - moves}" in w.counts_label.text()
    assert w.targets.model.rowCount() == len(c.target_changes) > 5
    assert w.actions_.next_change.isEnabled() and w.actions_.save.isEnabled()
    assert not w.session.dirty
    assert not w.progress.isVisible()
    assert w.settings.recent()[0].new.endswith("2025年政府工作报告.txt")
    assert any("2025年政府工作报告" in a.text() for a in w.menus.recent.actions())


def _far_change(w):
    """A change with text on both sides, well down both documents."""
    c = w.session.comparison
    cands = [ch for ch in c.changes if ch.kind is ChangeKind.REPLACE and ch.old.start > len(c.old.text) // 2]
    return cands[len(cands) // 2]


def test_navigator_selection_scrolls_both_panes(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    ch = _far_change(w)
    old, new = w.view.old_editor(), w.view.new_editor()
    assert not new.span_visible(ch.new.start, ch.new.end)
    nav = w.navigator
    row = nav.visible_ids().index(ch.id)
    nav.view.setCurrentIndex(nav.proxy.index(row, 0))  # what a click or arrow key does
    qtbot.waitUntil(lambda: w.view.current_change() == ch.id, timeout=2000)
    assert old.span_visible(ch.old.start, ch.old.end)
    assert new.span_visible(ch.new.start, ch.new.end)
    assert (ch.new.start, ch.new.end) in new.marked()


def test_next_and_previous_change_from_the_keyboard(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    ch = _far_change(w)
    w.view.show_change(ch.id)
    w.activateWindow()
    w.view.new_editor().setFocus()
    qtbot.waitUntil(lambda: w.isActiveWindow(), timeout=2000)
    qtbot.keyClick(w.view.new_editor(), Qt.Key.Key_F8)
    assert w.view.current_change() == ch.id + 1
    assert w.navigator.current_change() == ch.id + 1  # the list follows
    nxt = w.session.comparison.changes[ch.id + 1]
    if nxt.new is not None and nxt.new.end > nxt.new.start:
        assert w.view.new_editor().span_visible(nxt.new.start, nxt.new.end)
    qtbot.keyClick(w.view.new_editor(), Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(w.view.new_editor(), Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert w.view.current_change() == ch.id - 1
    w.actions_.next_change.trigger()
    assert w.view.current_change() == ch.id


def test_target_row_jumps_to_both_sentences(qtbot, window, pair):
    w = window
    open_pair(qtbot, w, *pair)
    tc = next(t for t in w.session.comparison.target_changes if t.old and t.new and t.new.start > 3000)
    w.show_positions(tc.old.start, tc.new.start)
    assert w.view.old_editor().span_visible(tc.old.start, tc.old.end)
    assert w.view.new_editor().span_visible(tc.new.start, tc.new.end)


def test_ole_doc_shows_the_chinese_message(qtbot, window, pair, boxes, tmp_path):
    bad = tmp_path / "2024年报告.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096 + "WordDocument".encode("utf-16-le") + b"\0" * 512)
    window.files.open_pair(str(bad), pair[1])
    qtbot.waitUntil(lambda: bool(boxes.of("critical")), timeout=LOAD_TIMEOUT)
    msg = boxes.of("critical")[0]
    assert CJK.search(msg) and "Traceback" not in msg and "2024年报告.doc" in msg
    assert not window.session.is_open
    assert not window.progress.isVisible()
    # the window still works afterwards
    open_pair(qtbot, window, *pair)
    assert window.session.is_open


def test_missing_file_message(qtbot, window, pair, boxes, tmp_path):
    window.files.open_pair(str(tmp_path / "不存在.txt"), pair[1])
    qtbot.waitUntil(lambda: bool(boxes.of("critical")), timeout=LOAD_TIMEOUT)
    assert CJK.search(boxes.of("critical")[0])


def test_drop_one_file_on_each_pane(qtbot, window, pair):
    w = window
    w.view.file_dropped.emit("old", pair[0])
    assert not w.session.is_open
    w.view.file_dropped.emit("new", pair[1])
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert w.session.old_report.year == 2024 and w.session.new_report.year == 2025


def test_folder_opens_a_series_with_a_year_picker(qtbot, window, tmp_path, corpus_dir):
    folder = tmp_path / "hailar"
    folder.mkdir()
    for year in (2016, 2017, 2018, 2019):
        shutil.copy(corpus_dir / "hailar" / f"{year}.txt", folder / f"{year}.txt")
    w = window
    w.files.open_paths([str(folder)])
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert sorted(w.session.series) == [2016, 2017, 2018, 2019]
    assert (w.session.old_report.year, w.session.new_report.year) == (2018, 2019)
    assert w.targets.year_box.count() == 3
    w.targets.pair_requested.emit(0)
    qtbot.waitUntil(lambda: settled(w) and w.session.old_report.year == 2016, timeout=LOAD_TIMEOUT)
    assert w.session.new_report.year == 2017
    assert sorted(w.session.series) == [2016, 2017, 2018, 2019]


def test_window_geometry_is_kept(qtbot, tmp_path, boxes):
    w = make_window(qtbot, tmp_path)
    w.resize(700, 520)
    w.close()
    w2 = MainWindow(Settings.from_ini(tmp_path / "settings.ini"), tmp_path / "data")
    qtbot.addWidget(w2)
    assert (w2.width(), w2.height()) == (700, 520)
    w2.close()


def test_export_review_in_the_background(qtbot, window, pair, tmp_path):
    import reportdesk.export.docx_review  # noqa: F401
    w = window
    open_pair(qtbot, w, *pair)
    out = tmp_path / "审阅稿.docx"
    done = []
    w.files.exported.connect(done.append)
    w.files.export(str(out), {"form": "both", "author": "测试员", "include_summary": True})
    qtbot.waitUntil(lambda: bool(done), timeout=LOAD_TIMEOUT)
    assert out.is_file() and out.stat().st_size > 10_000
    from docx import Document

    assert any("居民消费价格" in p.text for p in Document(str(out)).paragraphs)


def test_export_dialog_refuses_an_input_as_output(qtbot, tmp_path):
    from reportdesk.app.session import Session
    from reportdesk.engine.structure.build import report_from_text
    from reportdesk.ui.dialogs.export_dialog import ExportDialog

    docx_input = tmp_path / "2025年报告.docx"
    s = Session()
    s.open_pair(report_from_text("旧", str(tmp_path / "2024年报告.docx")), report_from_text("新", str(docx_input)))
    dlg = ExportDialog(str(docx_input), "", "both", s.is_input)
    qtbot.addWidget(dlg)
    assert "cannot replace" in dlg.problem()
    assert not dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    dlg.path_edit.setText(str(tmp_path / "审阅稿"))
    assert dlg.problem() == "" and dlg.path().endswith("审阅稿.docx")
    assert dlg.buttons.button(dlg.buttons.StandardButton.Ok).isEnabled()
    dlg.path_edit.setText(str(tmp_path / "nowhere" / "a.docx"))
    assert dlg.problem()


@pytest.mark.parametrize("leader", [1, 0])
def test_scrolling_either_pane_keeps_a_paragraph_pair_side_by_side(qtbot, window, pair, leader):
    w = window
    open_pair(qtbot, w, *pair)
    c = w.session.comparison
    # a point where the two texts correspond (start of an aligned pair), mid-document
    anchors = [a for a in c.anchors if 0 < a[0] < len(c.old.text) and 0 < a[1] < len(c.new.text)]
    point = anchors[len(anchors) // 2]
    panes = (w.view.old_editor(), w.view.new_editor())
    lead = panes[leader]
    bar = lead.verticalScrollBar()
    # the sync line is the top of the viewport: the pair the user scrolls to the top
    # must start at the top of the other pane too
    heights: list[tuple[float, float]] = []

    def laid_out() -> bool:  # QTextEdit lays long documents out lazily: wait until it is done
        heights.append((panes[0].document_height(), panes[1].document_height()))
        return len(heights) > 3 and len(set(heights[-3:])) == 1

    qtbot.waitUntil(laid_out, timeout=10_000)
    target = int(lead.y_for_offset(point[leader]))
    bar.setValue(target)  # the user scrolls one pane

    def top(i):
        return panes[i].y_for_offset(point[i]) - panes[i].verticalScrollBar().value()

    line = panes[0].fontMetrics().lineSpacing()
    # the pair starts on the same line in both panes
    qtbot.waitUntil(lambda: abs(top(1 - leader) - top(leader)) <= line, timeout=1000)
    assert abs(top(leader)) <= 1, (bar.value(), target)


def test_the_window_speaks_chinese_by_default(qtbot, tmp_path, pair, boxes, qapp):
    from reportdesk.app.i18n import install_translators

    assert Settings.from_ini(tmp_path / "fresh.ini").language == "zh_CN"
    install_translators(qapp, "zh_CN")
    try:
        w = make_window(qtbot, tmp_path)
        open_pair(qtbot, w, *pair)
        menus = [a.text() for a in w.menuBar().actions()]
        assert menus == ["文件(&F)", "编辑(&E)", "视图(&V)", "比较(&C)", "导出(&X)", "帮助(&H)"]
        assert w.menus.caption.text() == "2024年报告 ⇄ 2025年报告（草稿）"
        assert w.counts_label.text().startswith("修改 ") and "目标变化" in w.counts_label.text()
        assert w.actions_.next_change.iconText() == "下一处"  # the icon is the arrow (issue 13)
        w.close()
    finally:
        install_translators(qapp, "en")


def test_a_report_with_no_break_spaces_is_compared(qtbot, window, corpus_dir):
    """Qt returns U+00A0 as a space: the comparison must still match the panes (2025 Anhui has one)."""
    w = window
    path = corpus_dir / "docx" / "2025_anhui.docx"
    w.files.open_pair(str(path), str(path))
    qtbot.waitUntil(lambda: settled(w), timeout=LOAD_TIMEOUT)
    assert w.session.comparison.new.text == w.view.new_text()
    assert w.view.old_editor().toPlainText() == w.session.comparison.old.text


def test_language_menu_persists_the_choice(qtbot, window, boxes):
    w = window
    assert w.actions_.lang_zh.isChecked()
    w.actions_.lang_en.trigger()
    assert w.settings.language == "en"
    assert len(boxes.of("information")) == 1  # takes effect at the next start


def test_zoom_changes_the_text_font_and_is_kept(qtbot, window):
    w = window
    size = w.view.new_editor().font().pointSize()
    w.actions_.zoom_in.trigger()
    assert w.view.new_editor().font().pointSize() == size + 1
    assert w.settings.font_size == size + 1


def test_opening_a_docx_with_revisions_says_how_it_was_read(qtbot, window, boxes, tmp_path):
    from tests.engine.docx_factory import make_docx, p

    runs = ('<w:r><w:t>经济持续回升向好。</w:t></w:r>'
            '<w:ins w:id="2" w:author="a"><w:r><w:t>稳中有进。</w:t></w:r></w:ins>')
    draft = make_docx(tmp_path / "草稿.docx", p("一、工作回顾") + p(runs=runs))
    old = tmp_path / "2024.txt"
    old.write_text("一、工作回顾\n经济持续回升向好。\n", encoding="utf-8")
    open_pair(qtbot, window, str(old), str(draft))
    shown = boxes.of("information")
    assert any("草稿.docx" in t and "修订" in t for t in shown), boxes.calls
    assert "稳中有进" in window.view.new_text()


def test_plain_files_open_without_a_notice(qtbot, window, boxes, pair):
    open_pair(qtbot, window, *pair)
    assert boxes.of("information") == []


def test_export_dialog_signs_with_the_users_name_and_keeps_a_typed_one(qtbot, tmp_path, monkeypatch):
    from reportdesk.ui.dialogs import export_dialog
    from reportdesk.ui.dialogs.export_dialog import ExportDialog

    monkeypatch.setattr(export_dialog, "default_author", lambda: "张三")
    fresh = ExportDialog(str(tmp_path / "审阅稿.docx"), "", "both", lambda _p: False)
    qtbot.addWidget(fresh)
    assert fresh.author.text() == "张三" and fresh.options()["author"] == "张三"
    remembered = ExportDialog(str(tmp_path / "审阅稿.docx"), "李四", "both", lambda _p: False)
    qtbot.addWidget(remembered)
    assert remembered.options()["author"] == "李四"
    remembered.author.clear()
    assert remembered.options()["author"] == "张三"  # never the program's name
