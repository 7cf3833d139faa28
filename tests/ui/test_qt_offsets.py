from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from reportdesk.ui.qt_offsets import OffsetMap, from_qt, offset_map, qt_length, to_qt


def test_bmp_text_is_identity() -> None:
    m = offset_map("政府工作报告")
    assert m.identity
    assert m.to_qt(3) == 3 and m.from_qt(3) == 3


def test_astral_character_counts_two_in_qt() -> None:
    text = "甲𠀀乙丙"  # 𠀀 U+20000 is outside the BMP
    assert to_qt(text, 1) == 1  # before 𠀀
    assert to_qt(text, 2) == 3  # after it: two UTF-16 units
    assert to_qt(text, 4) == 5
    assert from_qt(text, 3) == 2
    assert from_qt(text, 2) == 1  # between the surrogates: the character's start
    assert qt_length(text) == 5


def test_positions_match_a_qt_document() -> None:
    text = "一、𠀀总体要求\n今年𪚥增长5%左右。"
    doc = QTextDocument()
    doc.setPlainText(text)
    m = offset_map(text)
    cur = QTextCursor(doc)
    for cp, ch in enumerate(text):
        if ch == "\n":
            continue
        cur.setPosition(m.to_qt(cp))
        cur.setPosition(m.to_qt(cp + 1), QTextCursor.MoveMode.KeepAnchor)
        assert cur.selectedText() == ch


@given(st.text(alphabet=st.sampled_from("ab中文\n𠀀𪚥😀"), max_size=60))
def test_round_trip_and_utf16_length(text: str) -> None:
    m = OffsetMap(text)
    for cp in range(len(text) + 1):
        q = m.to_qt(cp)
        assert q == len(text[:cp].encode("utf-16-le")) // 2
        assert m.from_qt(q) == cp
        assert m.from_qt_float(m.to_qt_float(cp + 0.0)) == cp
