from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont

from reportdesk.engine.model import ChangeKind
from reportdesk.ui.compare_view import CompareView
from reportdesk.ui.palette import KIND_COLORS


def test_stale_comparison_is_ignored(qtbot, small) -> None:
    v = CompareView()
    qtbot.addWidget(v)
    v.set_texts(small.old.text, small.new.text + "再加一句。", "旧", "新")
    assert v.set_comparison(small) is False
    assert v.comparison() is None
    assert v.gutter.chunks() == [] and v.overview.marks() == []
    v.flush_highlighting()
    assert all(not b.layout().formats() for b in _blocks(v.new_editor()))


def _blocks(pane):
    b = pane.document().firstBlock()
    while b.isValid():
        yield b
        b = b.next()


def test_show_change_scrolls_both_panes_to_it(view, national) -> None:
    old, new = view.old_editor(), view.new_editor()
    got: list[int] = []
    view.current_change_changed.connect(got.append)
    # A wording change late in the report, and a move whose two ends are far apart.
    wording = [c for c in national.changes if c.kind is ChangeKind.REPLACE][-5]
    moves = [c for c in national.changes if c.kind is ChangeKind.MOVE and c.old and c.new]
    for ch in [wording] + moves[:2]:
        view.show_change(ch)
        assert new.span_visible(ch.new.start, min(ch.new.end, ch.new.start + 10))
        assert old.span_visible(ch.old.start, min(ch.old.end, ch.old.start + 10))
        assert view.current_change() == ch.id
        assert new.marked() == [(ch.new.start, ch.new.end)]
    assert got[-1] == (moves[1].id if len(moves) > 1 else wording.id)


def test_next_and_previous_change_move_in_reading_order(view, national) -> None:
    new = view.new_editor()
    first = view.next_change()
    assert first is not None
    seen = [first.id]
    for _ in range(5):
        ch = view.next_change()
        seen.append(ch.id)
        assert new.span_visible(ch.new.start, ch.new.start + 1)
    assert seen == sorted(seen) and len(set(seen)) == 6
    back = view.previous_change()
    assert back.id == seen[-2] and view.current_change() == seen[-2]


def test_next_change_from_the_scroll_position(view, national) -> None:
    new = view.new_editor()
    mid = national.changes[len(national.changes) // 2]
    new.scroll_to_offset(mid.new.start)
    ch = view.next_change()
    assert ch.new.start >= int(mid.new.start) - 1
    assert ch.id <= mid.id + 3


def test_typing_emits_draft_edited_but_loading_does_not(qtbot, small) -> None:
    v = CompareView()
    qtbot.addWidget(v)
    edits: list[int] = []
    v.draft_edited.connect(lambda: edits.append(1))
    v.set_texts(small.old.text, small.new.text, "旧", "新")
    assert edits == []
    v.new_editor().textCursor().insertText("新")
    assert edits and v.new_text() != small.new.text
    assert v.set_comparison(small) is False  # computed on the text before the edit


def test_file_dropped_reports_the_side(qtbot, small) -> None:
    v = CompareView()
    qtbot.addWidget(v)
    got: list[tuple[str, str]] = []
    v.file_dropped.connect(lambda side, path: got.append((side, path)))
    v.old_editor().file_dropped.emit("a.docx")
    v.new_editor().file_dropped.emit("b.txt")
    assert got == [("old", "a.docx"), ("new", "b.txt")]


def test_font_setting_reaches_both_panes(qtbot, small) -> None:
    v = CompareView()
    qtbot.addWidget(v)
    v.set_texts(small.old.text, small.new.text, "旧", "新")
    v.set_text_font(QFont("WenQuanYi Micro Hei", 15))
    assert v.old_editor().document().defaultFont().pointSize() == 15
    assert v.new_editor().document().defaultFont().pointSize() == 15


def test_gutter_bands_join_the_spans_of_each_side(view) -> None:
    old, new = view.old_editor(), view.new_editor()
    chunks = view.gutter.chunks()
    assert chunks
    old.scroll_to_offset(chunks[len(chunks) // 2].old_start)
    gutter_top = view.gutter.mapTo(view, QPoint(0, 0)).y()
    visible = 0
    for i, ch in enumerate(chunks):
        l0, l1, r0, r1 = view.gutter.band_at(i)
        # The band's ends are where the spans are drawn in the panes.
        ol = old.viewport().mapTo(view, QPoint(0, 0)).y() - gutter_top
        assert l0 == pytest.approx(old.y_for_offset(ch.old_start) - old.verticalScrollBar().value() + ol)
        nl = new.viewport().mapTo(view, QPoint(0, 0)).y() - gutter_top
        assert r0 == pytest.approx(new.y_for_offset(ch.new_start) - new.verticalScrollBar().value() + nl)
        if 0 < l0 < view.gutter.height() - 5 and 0 < r0 < view.gutter.height() - 5:
            visible += 1
    assert visible > 0
    img = view.gutter.grab().toImage()
    colours = {img.pixelColor(x, y).name() for x in range(0, img.width(), 3) for y in range(0, img.height(), 3)}
    assert len(colours) > 5  # bands are drawn, not a blank strip


def test_overview_strip_marks_and_jumps(qtbot, view, national) -> None:
    strip = view.overview
    assert len(strip.marks()) == len(national.changes)
    rects = strip.mark_rects()
    assert all(0 <= r.top() <= strip.height() for _k, r in rects)
    kinds = {k for k, _r in rects}
    assert {"inserted", "deleted"} <= kinds
    new = view.new_editor()
    before = new.verticalScrollBar().value()
    y = int(strip.height() * 0.8)
    with_signal = []
    strip.jumped.connect(with_signal.append)
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(5, y))
    after = new.verticalScrollBar().value()
    assert after > before
    centre = after + new.viewport().height() / 2
    assert centre / new.document_height() == pytest.approx(0.8, abs=0.05)
    assert with_signal
    img = strip.grab().toImage()
    mark_colours = {KIND_COLORS[k][1].name() for k in kinds}
    drawn = {img.pixelColor(img.width() // 2, y).name() for y in range(img.height())}
    assert drawn & mark_colours


def test_comparison_with_moves_has_move_bands(view) -> None:
    assert any(c.kind == "moved" for c in view.gutter.chunks())


def test_replacing_the_comparison_keeps_current_change(view, national) -> None:
    view.show_change(10)
    c2 = dataclasses.replace(national)
    assert view.set_comparison(c2)
    assert view.current_change() == 10


def test_text_comes_back_exactly_as_set(qtbot, small) -> None:
    """No-break spaces survive the editor, so a comparison of the text is not stale."""
    from dataclasses import replace

    v = CompareView()
    qtbot.addWidget(v)
    old = small.old.text
    new = small.new.text.replace("新增一段话", "新增\u00a0一段话")
    v.set_texts(old, new, "旧", "新")
    assert v.new_text() == new
    c = replace(small, new=replace(small.new, text=new))
    assert v.set_comparison(c)


def test_shown_change_stays_put_through_a_relayout(qtbot, view, national) -> None:
    old, new = view.old_editor(), view.new_editor()
    ch = [c for c in national.changes if c.kind is ChangeKind.REPLACE][30]
    view.show_change(ch)
    view.resize(1000, 600)  # rewraps both panes

    def both_visible() -> None:
        assert old.span_visible(ch.old.start, ch.old.start + 2)
        assert new.span_visible(ch.new.start, ch.new.start + 2)
        assert abs(new.offset_at_y(new.verticalScrollBar().value() + 0.3 * new.viewport().height()) - ch.new.start) < 40

    qtbot.waitUntil(both_visible, timeout=2000)
    # The user scrolling again hands control back to synchronized scrolling.
    new.verticalScrollBar().setValue(new.verticalScrollBar().value() + 200)
    assert view.sync._pinned is None
