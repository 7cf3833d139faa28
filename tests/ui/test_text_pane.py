from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from reportdesk.ui.text_pane import TextPane


def _pane(qtbot, text: str, editable: bool = False) -> TextPane:
    p = TextPane(editable=editable, header="2024年（只读）")
    qtbot.addWidget(p)
    p.resize(420, 300)
    p.show()
    p.set_text(text)
    return p


def test_geometry_is_monotone_and_invertible(qtbot, national) -> None:
    p = _pane(qtbot, national.new.text)
    n = len(national.new.text)
    ys = [p.y_for_offset(cp) for cp in range(0, n, 97)]
    assert all(a <= b for a, b in zip(ys, ys[1:]))
    assert ys[-1] > 20 * p.viewport().height()  # long wrapped text: many screens
    for cp in range(0, n, 501):
        assert abs(p.offset_at_y(p.y_for_offset(cp + 0.25)) - (cp + 0.25)) < 0.01


def test_scroll_to_offset_puts_it_at_the_top(qtbot, national) -> None:
    p = _pane(qtbot, national.new.text)
    para = national.new.paragraphs[len(national.new.paragraphs) // 2]
    p.scroll_to_offset(para.start)
    assert abs(p.offset_at_top() - para.start) < 1.0
    assert p.span_visible(para.start, para.start + 5)


def test_offsets_survive_an_astral_character(qtbot) -> None:
    text = ("𠀀文" * 200 + "\n") * 6 + "目标" + "文" * 3000
    p = _pane(qtbot, text)
    i = text.index("目标")
    p.scroll_to_offset(i)
    assert abs(p.offset_at_top() - i) < 1.0
    p.mark_spans([(i, i + 2)])
    assert p.marked() == [(i, i + 2)]
    assert p.extraSelections()[0].cursor.selectedText() == "目标"


def test_header_and_read_only(qtbot) -> None:
    p = _pane(qtbot, "政府工作报告")
    assert p.header_label().text() == "2024年（只读）"
    assert p.isReadOnly()
    e = _pane(qtbot, "草稿", editable=True)
    assert not e.isReadOnly()
    assert not e.document().isUndoAvailable()  # loading is not an edit


def _drop(widget, path: str) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path)])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        enter = QDragEnterEvent(QPointF(10, 10), *args)  # Qt 6.9+ (the QPoint form is deprecated)
    except TypeError:  # PySide6 6.8, which the Windows build ships, has only the QPoint form
        enter = QDragEnterEvent(QPoint(10, 10), *args)
    QApplication.sendEvent(widget.viewport(), enter)
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget.viewport(), drop)


def test_drop_of_a_report_file_emits_its_path(qtbot, tmp_path) -> None:
    p = _pane(qtbot, "政府工作报告")
    f = tmp_path / "2025年政府工作报告.docx"
    f.write_bytes(b"")
    with qtbot.waitSignal(p.file_dropped, timeout=1000) as sig:
        _drop(p, str(f))
    assert sig.args == [str(f)]


def test_drop_of_other_files_is_ignored(qtbot, tmp_path) -> None:
    p = _pane(qtbot, "政府工作报告")
    got: list[str] = []
    p.file_dropped.connect(got.append)
    f = tmp_path / "picture.png"
    f.write_bytes(b"")
    _drop(p, str(f))
    assert got == []
    assert p.toPlainText() == "政府工作报告"


def test_drop_works_on_an_empty_draft_made_read_only(qtbot, tmp_path) -> None:
    """At start-up nothing is open: the draft is read-only and empty, and a drop opens a file."""
    p = _pane(qtbot, "", editable=True)
    p.setReadOnly(True)
    f = tmp_path / "draft.TXT"
    f.write_text("x", encoding="utf-8")
    with qtbot.waitSignal(p.file_dropped, timeout=1000) as sig:
        _drop(p, str(f))
    assert sig.args == [str(f)]
