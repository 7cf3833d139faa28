"""Front matter diffed word by word, web-page clutter left out, similarity (issue 13: 2, 7, 12)."""

from __future__ import annotations

from reportdesk.engine.comparison.clutter import clutter_notice
from reportdesk.engine.comparison.pipeline import compare
from reportdesk.engine.model import CompareOptions, OpKind, PairKind
from tests.engine.conftest import comparison, report


def _equal_new_text(c, pair) -> str:
    return "".join(c.new.text[op.new.start : op.new.end] for op in pair.ops if op.op is OpKind.EQUAL)


def test_identical_front_matter_text_is_equal_national_2024_2025():
    # 2024 runs title, subtitle and speaker into one line; 2025 starts with a dateline.
    c = comparison("national/2024.txt", "national/2025.txt")
    front = c.pairs[0]
    assert front.section == -1 and front.kind is PairKind.CHANGED
    same = _equal_new_text(c, front)
    assert "政府工作报告" in same and "国务院总理" in same and "李强" in same
    front_changes = [ch for ch in c.changes if ch.section == "标题与署名"]
    for ch in front_changes:
        assert "政府工作报告" not in ch.old_text + ch.new_text
        assert "李强" not in ch.old_text + ch.new_text
        assert ch.old_text.strip() == ch.old_text and ch.new_text.strip() == ch.new_text
    # What did change: the dateline is new, 2024年→2025年, 第二次→第三次.
    pairs = {(ch.old_text, ch.new_text) for ch in front_changes}
    assert ("2024年", "2025年") in pairs and ("第二次", "第三次") in pairs


def test_front_matter_keeps_source_line_sichuan():
    c = comparison("sichuan/2025.txt", "sichuan/2026.txt")
    assert "来源" in _equal_new_text(c, c.pairs[0])
    assert not any("来源" in ch.old_text + ch.new_text for ch in c.changes)


def test_web_clutter_is_left_out_and_noticed_sichuan():
    c = comparison("sichuan/2025.txt", "sichuan/2026.txt")
    new = report("sichuan/2026.txt")
    clutter = [p.text for p in new.paragraphs if p.clutter]
    assert "【字体：" in clutter and "分享：" in clutter and "打印本页" in clutter
    assert "来源:" not in clutter and "四川日报" not in clutter
    # Told by the comparison, by the options it ran with (not when the file was read).
    assert not any("网页信息" in n for n in new.notices)
    assert clutter_notice(c).startswith(f"忽略了 {len(clutter)} 行网页信息")
    spans = [p.span for p in new.paragraphs if p.clutter]
    for ch in c.changes:
        assert not any(ch.new.start < s.end and s.start < ch.new.end for s in spans), ch
    assert [ch.id for ch in c.changes] == list(range(len(c.changes)))
    kept = compare(report("sichuan/2025.txt"), new, CompareOptions(keep_clutter=True))
    assert any("分享" in ch.new_text for ch in kept.changes)
    assert any("打印本页" in ch.new_text for ch in kept.changes)
    assert clutter_notice(kept) == ""


def test_reports_without_clutter_have_no_notice():
    assert clutter_notice(comparison("national/2024.txt", "national/2025.txt")) == ""


def test_similarity_is_share_of_new_text_unchanged():
    for old, new in (("national/2019.txt", "national/2020.txt"), ("national/2013.txt", "national/2014.txt"),
                     ("hailar/2018.txt", "hailar/2019.txt"), ("sichuan/2025.txt", "sichuan/2026.txt")):  # fmt: skip
        c = comparison(old, new)
        same = sum(
            sum(1 for ch in c.new.text[op.new.start : op.new.end] if not ch.isspace())
            for p in c.pairs
            for op in p.ops
            if op.op is OpKind.EQUAL
        )
        total = sum(1 for p in c.new.paragraphs if not p.clutter for ch in p.text if not ch.isspace())
        assert c.stats.similarity == round(same / total, 4), (old, new)
        assert 0.02 < c.stats.similarity < 0.5, (old, new, c.stats.similarity)
    assert comparison("national/2025.txt", "national/2025.txt").stats.similarity == 1.0


def test_identical_clutter_is_equal_text_in_the_edit_script_and_the_front_pair():
    """Clutter left out of the changes must not come back as delete + insert in the review
    document (tracked changes) or in the front pair's highlights."""
    from reportdesk.engine import OpKind, compare, document_ops, load_report

    from .conftest import CORPUS

    r = load_report(CORPUS / "sichuan/2026.txt")
    c = compare(r, load_report(CORPUS / "sichuan/2026.txt"))
    assert [op for op in document_ops(c) if op.op is not OpKind.EQUAL] == []
    old = load_report(CORPUS / "sichuan/2025.txt")
    front = compare(old, r).pairs[0]
    deleted = "".join(old.text[op.old.start : op.old.end] for op in front.ops if op.op is OpKind.DELETE and op.old)
    inserted = "".join(r.text[op.new.start : op.new.end] for op in front.ops if op.op is OpKind.INSERT and op.new)
    assert not ("字体" in deleted and "字体" in inserted)
