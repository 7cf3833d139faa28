"""Fixtures for the comparison widgets: a hand-made comparison and the national pair."""

from __future__ import annotations

import pytest

from reportdesk.engine.model import (
    AlignedPair,
    Change,
    ChangeKind,
    CompareOptions,
    Comparison,
    InlineOp,
    OpKind,
    PairKind,
    Span,
    Stats,
    TargetTier,
)
from reportdesk.engine.structure.build import report_from_text
from reportdesk.ui.pyside_fix import make_none_immortal

# PySide6 6.12 on Python 3.11 drops a reference to None on every void Qt call;
# without this the test process aborts with "none_dealloc" (see pyside_fix).
make_none_immortal()

# A small pair with every kind of mark; 𠀀 (outside the BMP) shifts Qt positions.
OLD = "一、总体要求\n𠀀今年经济增长5%左右。城镇新增就业1200万人以上。\n要加快发展。"
NEW = "一、总体要求\n𠀀今年经济增长4.5%左右。城镇新增就业1200万人以上。\n要加快发展新质生产力。\n新增一段话。"


def _find(text: str, s: str, start: int = 0) -> Span:
    i = text.index(s, start)
    return Span(i, i + len(s))


def hand_comparison(old_text: str = OLD, new_text: str = NEW) -> Comparison:
    """A Comparison built by hand (independent of the engine's alignment)."""
    old = report_from_text(old_text, "old/2024.txt")
    new = report_from_text(new_text, "new/2025.txt")
    o_s1, n_s1 = _find(OLD, "𠀀今年经济增长5%左右。"), _find(NEW, "𠀀今年经济增长4.5%左右。")
    o_5, n_45 = _find(OLD, "5%"), _find(NEW, "4.5%")
    o_s2, n_s2 = _find(OLD, "城镇新增就业1200万人以上。"), _find(NEW, "城镇新增就业1200万人以上。")
    o_s3, n_s3 = _find(OLD, "要加快发展。"), _find(NEW, "要加快发展新质生产力。")
    n_ins = _find(NEW, "新质生产力")
    n_s4 = _find(NEW, "新增一段话。")
    pairs = (
        AlignedPair(0, PairKind.EQUAL, Span(0, 6), Span(0, 6), 1.0, 0),
        AlignedPair(
            1,
            PairKind.CHANGED,
            o_s1,
            n_s1,
            0.9,
            0,
            (
                InlineOp(OpKind.EQUAL, Span(o_s1.start, o_5.start), Span(n_s1.start, n_45.start)),
                InlineOp(OpKind.DELETE, o_5, None),
                InlineOp(OpKind.INSERT, None, n_45),
                InlineOp(OpKind.EQUAL, Span(o_5.end, o_s1.end), Span(n_45.end, n_s1.end)),
            ),
        ),
        AlignedPair(2, PairKind.EQUAL, o_s2, n_s2, 1.0, 0),
        AlignedPair(
            3,
            PairKind.CHANGED,
            o_s3,
            n_s3,
            0.7,
            0,
            (
                InlineOp(OpKind.EQUAL, Span(o_s3.start, o_s3.end - 1), Span(n_s3.start, n_ins.start)),
                InlineOp(OpKind.INSERT, None, n_ins),
                InlineOp(OpKind.EQUAL, Span(o_s3.end - 1, o_s3.end), Span(n_ins.end, n_s3.end)),
            ),
        ),
        AlignedPair(4, PairKind.INSERTED, None, n_s4, 0.0, 0),
    )
    changes = (
        Change(0, ChangeKind.REPLACE, "一、总体要求", o_5, n_45, "5%", "4.5%", 1, is_target=True,
               target_tier=TargetTier.MAIN),  # a main target's number: 目标变化
        Change(1, ChangeKind.INSERT, "一、总体要求", Span(o_s3.end - 1, o_s3.end - 1), n_ins, "", "新质生产力", 3),
        Change(2, ChangeKind.INSERT, "一、总体要求", Span(len(OLD), len(OLD)), n_s4, "", "新增一段话。", 4),
    )
    stats = Stats(4, 5, 2, 2, 1, 0, 0, 12, 2, 0.8)
    anchors = ((0, 0), (o_s1.start, n_s1.start), (o_s2.start, n_s2.start), (o_s3.start, n_s3.start), (len(OLD), n_s4.start))
    return Comparison(old, new, CompareOptions(), (), pairs, changes, stats, anchors)


@pytest.fixture
def small() -> Comparison:
    return hand_comparison()


@pytest.fixture(scope="session")
def national(corpus_dir):
    """The national 2024 → 2025 reports and the engine's comparison (computed once)."""
    from reportdesk.engine.comparison.pipeline import compare
    from reportdesk.engine.load.loader import load_report

    d = corpus_dir / "national"
    return compare(load_report(d / "2024.txt"), load_report(d / "2025.txt"))


@pytest.fixture
def view(qtbot, national):
    """A CompareView showing the national 2024→2025 comparison, highlights applied."""
    from reportdesk.ui.compare_view import CompareView

    v = CompareView()
    qtbot.addWidget(v)
    v.resize(1100, 600)
    v.show()
    v.set_texts(national.old.text, national.new.text, "2024年（只读）", "2025年（草稿，可编辑）")
    assert v.set_comparison(national)
    v.flush_highlighting()
    return v
