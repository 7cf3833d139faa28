"""Background jobs: reports come back in the form the text panes hold them."""

from __future__ import annotations

from pathlib import Path

from reportdesk.app.jobs import open_pair, qt_plain, recompare_draft, report_files_in
from reportdesk.engine.model import CompareOptions
from reportdesk.engine.structure.build import report_from_text


def test_nbsp_becomes_a_space_without_moving_offsets():
    text = "政府工作报告\n省长\u00a0王某\n一、总体要求\n今年经济增长5%左右。"
    r = report_from_text(text)
    q = qt_plain(r)
    assert q.text == text.replace("\u00a0", " ") and len(q.text) == len(r.text)
    assert all(q.text[p.start:p.end] == p.text for p in q.paragraphs)
    assert all(q.text[s.start:s.end] == s.text for p in q.paragraphs for s in p.sentences)
    assert qt_plain(q) is q  # nothing to do the second time


def test_open_pair_with_an_nbsp_in_a_file(tmp_path):
    a, b = tmp_path / "2024.txt", tmp_path / "2025.txt"
    a.write_text("政府工作报告\n国务院总理\u00a0李某\n一、总体要求\n今年经济增长5%左右。\n", encoding="utf-8")
    b.write_text("政府工作报告\n国务院总理\u00a0李某\n一、总体要求\n今年经济增长4.5%左右。\n", encoding="utf-8")
    o = open_pair(str(a), str(b), CompareOptions())
    assert "\u00a0" not in o.old.text and "\u00a0" not in o.comparison.new.text
    assert any("4.5%" in ch.new_text for ch in o.comparison.changes)


def test_recompare_draft_keeps_the_text_exactly(tmp_path):
    old = report_from_text("一、总体要求\n今年经济增长5%左右。", year=2024)
    base = report_from_text("一、总体要求\n今年经济增长5%左右。", "/x/2025.txt", year=2025)
    r = recompare_draft(old, base, "一、总体要求\n今年经济增长6%左右。", 7, CompareOptions())
    assert r.revision == 7 and r.comparison.new.text == "一、总体要求\n今年经济增长6%左右。"
    assert r.draft.year == 2025 and r.draft.path == "/x/2025.txt"


def test_report_files_in_a_folder(tmp_path):
    for name in ("2019.txt", "2018.docx", "notes.pdf", "2017.md"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [Path(p).name for p in report_files_in(str(tmp_path))] == ["2017.md", "2018.docx", "2019.txt"]
