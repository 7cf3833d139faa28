"""The review document's parts (issue 13, item 9): a one-page summary first, then the
tracked text, then the tables; task quantities in an appendix by section; each part
can be left out."""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from reportdesk.engine import target_counts, target_rows
from reportdesk.export import summary
from reportdesk.export.docx_review import ExportOptions, export_review
from reportdesk.export.options import PARTS, parse_parts
from reportdesk.export.target_tables import task_groups
from tests.export.conftest import comparison
from tests.export.docx_read import W, part, resolve, tables

TARGET_HEAD = ["指标", "上年目标", "上年实际", "本年目标", "变化"]
PAIRS = [
    ("national/2024.txt", "national/2025.txt"),
    ("national/2019.txt", "national/2020.txt"),
    ("hailar/2016.txt", "hailar/2017.txt"),
    ("hailar/2018.txt", "hailar/2019.txt"),
]


def _paragraphs(path: Path) -> list[str]:
    body = part(path, "word/document.xml").find(W + "body")
    assert body is not None
    return ["".join(t.text or "" for t in p.iter(W + "t")) for p in body.iter(W + "p")]


def _export(tmp_path: Path, parts: tuple[str, ...] | None, pair: tuple[str, str] = PAIRS[0]) -> Path:
    c = comparison(*pair)
    opts = ExportOptions(parts=parts, author="审阅人", date=datetime(2026, 3, 1))
    return export_review(c, tmp_path / f"r-{'-'.join(parts or ('all',))}.docx", opts)


def test_parts_come_in_reading_order(tmp_path: Path) -> None:
    paras = _paragraphs(_export(tmp_path, None))
    heads = ["一、主要目标", "二、修改概况", "三、提法变化", "修订稿", "修改对照表", "目标对照表", "任务数量附录"]
    at = [paras.index(h) for h in heads]
    assert at == sorted(at)
    assert paras[0] == "2025年政府工作报告修改审阅稿"


@pytest.mark.parametrize("left_out", PARTS)
def test_each_part_can_be_left_out(tmp_path: Path, left_out: str) -> None:
    parts = tuple(p for p in PARTS if p != left_out)
    paras = _paragraphs(_export(tmp_path, parts))
    title = {"summary": "一、主要目标", "tracked": "修订稿", "table": "修改对照表",
             "targets": "目标对照表", "tasks": "任务数量附录"}
    for key, head in title.items():
        assert (head in paras) == (key != left_out), key
    # The cover is always there.
    assert any(p.startswith("修改稿：2025年政府工作报告") for p in paras)


def test_tracked_text_still_accepts_to_new_and_rejects_to_old(tmp_path: Path) -> None:
    c = comparison(*PAIRS[0])
    path = _export(tmp_path, ("summary", "tracked"))
    assert resolve(path, "accept") == c.new.text
    assert resolve(path, "reject") == c.old.text


def test_summary_gives_the_main_targets_verdicts_counts_and_phrases(tmp_path: Path) -> None:
    c = comparison(*PAIRS[0])
    n = target_counts(c)
    paras = _paragraphs(_export(tmp_path, ("summary",)))
    text = "".join(paras)
    assert f"目标变化{n.target_changes}项" in text and f"数字修改{n.number_edits}处" in text
    assert "上年主要目标6项：已完成6项，未完成0项。" in paras
    assert any(p.startswith("新增提法") and c.phrases.added[0].phrase in p for p in paras)
    assert any(p.startswith("不再出现的提法") for p in paras)
    first = next(t for t in tables(_export(tmp_path, ("summary", "table"))) if t[0][0].text == "指标")
    assert [r[0].text for r in first[1:]][:3] == ["国内生产总值", "城镇调查失业率", "城镇新增就业"]
    assert [cell.text for cell in first[1]] == ["国内生产总值", "5%左右", "5%，已完成", "5%左右", "未变"]


@pytest.mark.parametrize("pair", PAIRS)
def test_the_summary_fits_its_page_budget(pair: tuple[str, str]) -> None:
    """The row bound: the estimated height stays inside the page, so rows are dropped, not the page overrun."""
    c = comparison(*pair)
    page = summary._Page()
    opts = ExportOptions(author="审阅人")
    summary.cover(page, c, opts, datetime(2026, 3, 1))
    summary.summary_page(page, c, opts)
    assert page.height <= summary.BUDGET


def test_document_target_tables_hold_the_panels_rows(tmp_path: Path) -> None:
    c = comparison("hailar/2016.txt", "hailar/2017.txt")
    found = [t for t in tables(_export(tmp_path, None, ("hailar/2016.txt", "hailar/2017.txt")))
             if [cell.text for cell in t[0]] == TARGET_HEAD]
    rows = target_rows(c)
    assert [r[0].text for r in found[0][1:]] == [r.indicator for r in rows if r.headline]
    tasks = sorted(r[0].text for t in found[1:] for r in t[1:])
    assert tasks == sorted(r.indicator for r in rows if not r.headline)
    assert len(found) - 1 == len(task_groups(c)) > 1  # one table per section


def test_task_appendix_is_grouped_by_section(tmp_path: Path) -> None:
    c = comparison("hailar/2016.txt", "hailar/2017.txt")
    paras = _paragraphs(_export(tmp_path, ("tasks",), ("hailar/2016.txt", "hailar/2017.txt")))
    groups = task_groups(c)
    for name, rows in groups:
        assert f"{name}（{len(rows)}项）" in paras
    assert not any("，" in name for name, _ in groups)  # headings cut at the first comma


def test_parse_parts_takes_english_or_chinese_names() -> None:
    assert parse_parts("tasks,summary") == ("summary", "tasks")
    assert parse_parts("摘要，修订稿、目标对照表") == ("summary", "tracked", "targets")
    with pytest.raises(ValueError):
        parse_parts("summary,cover")


def test_no_parts_is_refused(tmp_path: Path) -> None:
    from reportdesk.engine import ExportError

    with pytest.raises(ExportError):
        _export(tmp_path, ())


def test_core_properties_survive(tmp_path: Path) -> None:
    path = _export(tmp_path, ("summary",))
    with zipfile.ZipFile(path) as z:
        assert "修改审阅稿" in z.read("docProps/core.xml").decode()


def test_web_extras_are_reproduced_but_never_shown_as_changes(tmp_path: Path) -> None:
    """Tracked text reproduces them (accept = new); the table and the counts leave them out."""
    from reportdesk.engine import CompareOptions, compare
    from reportdesk.export.table import rows
    from tests.export.conftest import report

    old, new = report("sichuan/2025.txt"), report("sichuan/2026.txt")
    c = compare(old, new)
    path = export_review(c, tmp_path / "s.docx", ExportOptions(author="审阅人"))
    assert resolve(path, "accept") == c.new.text and "打印本页" in c.new.text
    shown = "".join(t for r in rows(c, ExportOptions(author="x")) for t, _ in [*r.old, *r.new])
    assert "打印本页" not in shown and "【字体：" not in shown
    assert "忽略了 12 行网页信息（字体、分享、打印等），不算作修改。" in summary.counts(c)
    kept = compare(old, new, CompareOptions(keep_clutter=True))
    shown = "".join(t for r in rows(kept, ExportOptions(author="x")) for t, changed in r.new if changed)
    assert "打印本页" in shown


def test_when_rows_must_go_unchanged_targets_go_first() -> None:
    c = comparison(*PAIRS[0])  # national 2024→2025: three main targets unchanged and met
    main = [r for r in target_rows(c) if r.tier.value == "main"]
    weighty = [r for r in main if summary._weighs(r)]
    assert 0 < len(weighty) < len(main)
    room = sum(summary._row_height(summary.summary_cells(r)) for r in weighty)
    assert summary.fitting(main, room) == weighty  # in the table's order
    assert summary.fitting(main, 10**9) == main
    left = summary._left_out(main, weighty, "主要目标")
    assert left == f"另有{len(main) - len(weighty)}项主要目标（均未变）未列入本页，见目标对照表。"


def test_without_the_summary_the_first_part_follows_the_cover(tmp_path: Path) -> None:
    body = part(_export(tmp_path, ("targets", "tasks")), "word/document.xml").find(W + "body")
    assert body is not None
    breaks = [
        "".join(t.text or "" for t in p.iter(W + "t"))
        for p in body.iter(W + "p")
        if p.find(f"{W}pPr/{W}pageBreakBefore") is not None
    ]
    assert breaks == ["任务数量附录"]  # 目标对照表 shares the cover's page
